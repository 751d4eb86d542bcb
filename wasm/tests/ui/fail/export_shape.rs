#[wasm::export]
pub fn generic<T: Copy>(x: T) -> T {
    x
}

#[wasm::export]
pub async fn later() -> i32 {
    1
}

pub struct Counter(i32);

impl Counter {
    #[wasm::export]
    pub fn get(&self) -> i32 {
        self.0
    }
}

#[wasm::export(name = "")]
pub fn empty_name() {}

#[wasm::export(rename = "x")]
pub fn unknown_arg() {}

#[wasm::export(name = 5)]
pub fn not_a_string() {}

#[wasm::export]
pub const LIMIT: i32 = 3;

fn main() {}
