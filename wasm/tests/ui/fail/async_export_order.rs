#[wasm::r#async]
#[wasm::export]
pub async fn fetch() -> i32 {
    1
}

fn main() {}
