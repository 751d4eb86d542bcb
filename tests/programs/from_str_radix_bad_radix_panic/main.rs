// from_str_radix: valid radixes parse (errors included); a radix outside 2..=36 panics inside core,
// where rustc reports it.
fn main() {
    for r in [2u32, 8, 16, 36] {
        println!("{r}: {:?} {:?}", u64::from_str_radix("101", r), i16::from_str_radix("-zz", r));
    }
    let radix = std::env::args().count() as u32 + 36;
    println!("{:?}", i32::from_str_radix("10", radix));
}
