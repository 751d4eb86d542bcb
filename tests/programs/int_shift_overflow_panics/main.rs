// Shifting by the bit width or more panics in dev ("attempt to shift left with overflow").

fn mask(bits: u32) -> u32 {
    (1u32 << bits) - 1
}

fn field(word: u32, offset: u32, bits: u32) -> u32 {
    (word >> offset) & mask(bits)
}

fn main() {
    let word = 0xdead_beefu32;
    for (offset, bits) in [(0, 4), (4, 8), (16, 16), (28, 4)] {
        println!("bits {offset}..{}: {:#x}", offset + bits, field(word, offset, bits));
    }
    println!("wrapping_shl(33) = {:#x}", 1u32.wrapping_shl(33));
    for bits in [1, 4, 8, 16, 31, 32] {
        println!("mask({bits}) = {:#x}", mask(bits));
    }
}
