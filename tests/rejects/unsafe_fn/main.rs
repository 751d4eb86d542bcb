unsafe fn raw_answer() -> i32 {
    42
}

fn main() {
    let x = unsafe { raw_answer() };
    println!("{x}");
}
