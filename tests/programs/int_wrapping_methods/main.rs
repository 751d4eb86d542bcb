// Wrapping and overflowing arithmetic methods; they never panic, in any profile.

fn main() {
    println!("u8 wrapping_add 250+10 = {}", 250u8.wrapping_add(10));
    println!("u8 wrapping_sub 3-5 = {}", 3u8.wrapping_sub(5));
    println!("u8 wrapping_mul 16*17 = {}", 16u8.wrapping_mul(17));
    println!("i8 wrapping_neg MIN = {}", i8::MIN.wrapping_neg());
    println!("i8 wrapping_abs MIN = {}", i8::MIN.wrapping_abs());
    println!("i16 wrapping_add = {}", i16::MAX.wrapping_add(1));
    println!("i32 wrapping_div MIN/-1 = {}", i32::MIN.wrapping_div(-1));
    println!("i32 wrapping_rem MIN%-1 = {}", i32::MIN.wrapping_rem(-1));
    println!("u32 wrapping_shl 1<<33 = {}", 1u32.wrapping_shl(33));
    println!("i64 wrapping_mul = {}", 0x7fff_ffff_ffffi64.wrapping_mul(0x1_0000_0001));
    println!("u64 wrapping_pow = {}", 3u64.wrapping_pow(50));
    println!("i128 wrapping_sub = {}", i128::MIN.wrapping_sub(1));
    println!("usize wrapping_sub = {}", 0usize.wrapping_sub(1) == usize::MAX);
    let (value, overflowed) = 200u8.overflowing_add(100);
    println!("u8 overflowing_add = ({value}, {overflowed})");
    let (value, overflowed) = i32::MAX.overflowing_mul(2);
    println!("i32 overflowing_mul = ({value}, {overflowed})");
    println!("{:?}", 5u16.overflowing_sub(6));

    // A hash function relying on wrapping multiplication (FNV-1a).
    let mut hash: u32 = 0x811c_9dc5;
    for byte in "wasmrust".bytes() {
        hash ^= byte as u32;
        hash = hash.wrapping_mul(0x0100_0193);
    }
    println!("fnv1a32(wasmrust) = {hash:08x}");

    let mut hash64: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in "hello world".bytes() {
        hash64 ^= u64::from(byte);
        hash64 = hash64.wrapping_mul(0x0000_0100_0000_01b3);
    }
    println!("fnv1a64(hello world) = {hash64:016x}");

    // A linear congruential generator.
    let mut state: u32 = 12345;
    let mut draws = Vec::new();
    for _ in 0..6 {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
        draws.push((state >> 16) % 100);
    }
    println!("lcg: {draws:?}");
}
