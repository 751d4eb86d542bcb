struct Plain {
    x: i32,
}

#[wasm::gc]
struct Holder {
    plain: Plain,
}

fn main() {}
