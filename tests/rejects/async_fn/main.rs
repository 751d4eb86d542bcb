async fn fetch() -> u32 {
    7
}

fn main() {
    let _ = fetch();
    println!("async");
}
