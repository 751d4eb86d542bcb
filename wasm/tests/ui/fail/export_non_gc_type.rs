pub struct Plain {
    pub x: i32,
}

#[wasm::gc]
pub struct Marked {
    pub x: i32,
}

#[wasm::export]
pub fn takes(plain: Plain, marked: Marked) -> i32 {
    plain.x + marked.x
}

#[wasm::export]
pub fn makes() -> Plain {
    Plain { x: 1 }
}

fn main() {}
