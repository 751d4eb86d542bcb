#[wasm::r#async]
pub fn fetch(url: wasm::GcString) -> i32 {
    url.len() as i32
}

#[wasm::r#async(eager)]
pub async fn with_args() {}

fn main() {}
