
// ---------------------------------------------------------------- std::hash (std/hash.rs)
// `DefaultHasher` exactly as std's: SipHash-1-3 with keys (0, 0) over the byte stream that std's
// `Hash` impls write (integers little-endian, usize/isize as 8 bytes like a 64-bit native target,
// str bytes then 0xff, slices length-prefixed, enums their discriminant as isize). So
// `x.hash(&mut h); h.finish()` prints what the native program prints. The lowering's `hash_into`
// (lower/hash.rs) feeds values of any Hash type into these methods.

struct DefaultHasher {
    v0: u64,
    v1: u64,
    v2: u64,
    v3: u64,
    tail: u64,
    ntail: u64,
    length: u64,
}

fn sip_rotl(x: u64, k: u64) -> u64 {
    (x << k) | (x >> (64 - k))
}

impl DefaultHasher {
    fn new() -> DefaultHasher {
        DefaultHasher { v0: 0x736f6d6570736575, v1: 0x646f72616e646f6d, v2: 0x6c7967656e657261, v3: 0x7465646279746573, tail: 0, ntail: 0, length: 0 }
    }
    fn default() -> DefaultHasher {
        DefaultHasher::new()
    }
    fn sip_round(&mut self) {
        self.v0 = self.v0 + self.v1;
        self.v1 = sip_rotl(self.v1, 13);
        self.v1 = self.v1 ^ self.v0;
        self.v0 = sip_rotl(self.v0, 32);
        self.v2 = self.v2 + self.v3;
        self.v3 = sip_rotl(self.v3, 16);
        self.v3 = self.v3 ^ self.v2;
        self.v0 = self.v0 + self.v3;
        self.v3 = sip_rotl(self.v3, 21);
        self.v3 = self.v3 ^ self.v0;
        self.v2 = self.v2 + self.v1;
        self.v1 = sip_rotl(self.v1, 17);
        self.v1 = self.v1 ^ self.v2;
        self.v2 = sip_rotl(self.v2, 32);
    }
    /// Appends `n` bytes of `x` (little-endian).
    fn sip_bytes(&mut self, x: u64, n: u64) {
        let mut i = 0;
        while i < n {
            let b = (x >> (8 * i)) & 0xff;
            self.tail = self.tail | (b << (8 * self.ntail));
            self.ntail += 1;
            if self.ntail == 8 {
                let m = self.tail;
                self.v3 = self.v3 ^ m;
                self.sip_round();
                self.v0 = self.v0 ^ m;
                self.tail = 0;
                self.ntail = 0;
            }
            i += 1;
        }
        self.length += n;
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut i = 0;
        while i < bytes.len() {
            self.sip_bytes(bytes[i] as u64, 1);
            i += 1;
        }
    }
    fn write_str(&mut self, s: &str) {
        let mut i = 0;
        while i < s.len() {
            self.sip_bytes(__intrinsic_byte(s, i) as u64, 1);
            i += 1;
        }
        self.sip_bytes(0xff, 1);
    }
    /// `write_str` of a `String`'s text, read without building a `&str` view (see `lower/string_views.rs`).
    fn write_string(&mut self, s: &String) {
        let mut i = 0;
        while i < s.len() {
            self.sip_bytes(__intrinsic_string_byte(s, i) as u64, 1);
            i += 1;
        }
        self.sip_bytes(0xff, 1);
    }
    fn write_u8(&mut self, x: u8) {
        self.sip_bytes(x as u64, 1);
    }
    fn write_u16(&mut self, x: u16) {
        self.sip_bytes(x as u64, 2);
    }
    fn write_u32(&mut self, x: u32) {
        self.sip_bytes(x as u64, 4);
    }
    fn write_u64(&mut self, x: u64) {
        self.sip_bytes(x, 8);
    }
    fn write_usize(&mut self, x: usize) {
        self.sip_bytes(x as u64, 8);
    }
    fn write_i8(&mut self, x: i8) {
        self.sip_bytes(x as u8 as u64, 1);
    }
    fn write_i16(&mut self, x: i16) {
        self.sip_bytes(x as u16 as u64, 2);
    }
    fn write_i32(&mut self, x: i32) {
        self.sip_bytes(x as u32 as u64, 4);
    }
    fn write_i64(&mut self, x: i64) {
        self.sip_bytes(x as u64, 8);
    }
    fn write_isize(&mut self, x: isize) {
        self.sip_bytes(x as i64 as u64, 8);
    }
    fn finish(&self) -> u64 {
        let mut s = DefaultHasher { v0: self.v0, v1: self.v1, v2: self.v2, v3: self.v3, tail: self.tail, ntail: self.ntail, length: self.length };
        let b = ((s.length & 0xff) << 56) | s.tail;
        s.v3 = s.v3 ^ b;
        s.sip_round();
        s.v0 = s.v0 ^ b;
        s.v2 = s.v2 ^ 0xff;
        s.sip_round();
        s.sip_round();
        s.sip_round();
        s.v0 ^ s.v1 ^ s.v2 ^ s.v3
    }
}
