use wasm::{GcArray, GcString};

#[wasm::export]
pub fn text(name: &str, owned: String) -> String {
    format!("{name}{owned}")
}

#[wasm::export]
pub fn collections(items: Vec<i32>, slice: &[u8], boxed: Box<i32>, maybe: Option<i32>) -> (i32, i32) {
    (items.len() as i32 + slice.len() as i32 + *boxed, maybe.unwrap_or(0))
}

#[wasm::export]
pub fn wide(x: i128, nested: GcArray<String>) -> GcString {
    let _ = (x, nested);
    GcString::new()
}

fn main() {}
