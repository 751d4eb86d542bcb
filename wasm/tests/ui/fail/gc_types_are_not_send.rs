use wasm::GcRc;

fn main() {
    let counter = GcRc::new(0);
    std::thread::spawn(move || counter.set(1));
}
