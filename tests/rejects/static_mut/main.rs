static mut COUNTER: u32 = 0;

fn main() {
    println!("static mut");
}
