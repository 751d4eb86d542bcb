// `ExternRef::is::<u8>` cannot be answered like native in WasmGC (u8 and i32 share a representation).
use wasm::ExternRef;

fn main() {
    let r = ExternRef::new(7i32);
    println!("{}", r.is::<u8>());
}
