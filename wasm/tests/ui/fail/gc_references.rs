use std::borrow::Cow;

#[wasm::gc]
struct Borrowed<'a> {
    text: &'a str,
    items: &'a [u32],
    other: &'static i32,
    cow: Cow<'a, str>,
}

fn main() {}
