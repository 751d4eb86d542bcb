// Shifting by the bit width or more panics in dev ("attempt to shift left with overflow").

fn mask(bits: u32) -> u32 {
    (1u32 << bits) - 1
}

fn main() {
    for bits in [1, 4, 8, 16, 31, 32] {
        println!("mask({bits}) = {:#x}", mask(bits));
    }
}
