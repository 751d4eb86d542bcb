use wasm::GcRc;

#[wasm::gc]
struct Node {
    raw: *const u8,
}

fn main() {
    // Only the field is reported, not this use of `Node` as a GC type.
    let _node = GcRc::new(Node { raw: std::ptr::null() });
}
