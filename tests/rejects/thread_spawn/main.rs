fn main() {
    let h = std::thread::spawn(|| 40 + 2);
    println!("{}", h.join().unwrap());
}
