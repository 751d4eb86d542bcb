#[wasm::gc]
fn not_a_type() {}

#[wasm::gc]
union Bits {
    int: u32,
    float: f32,
}

#[wasm::gc(packed)]
struct WithArgs {
    x: i32,
}

fn main() {}
