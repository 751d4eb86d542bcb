//! Fuzz target: wasm-smith modules (GC, exceptions, tail calls on) are validated, instantiated and
//! every export is run under fuel; raw input bytes are also fed to the decoder. Any panic is a bug.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Arbitrary bytes must never panic the decoder/validator.
    let mut store = gc_runtime::Store::new();
    let _ = store.compile(data);

    let mut u = arbitrary::Unstructured::new(data);
    let Ok(module) = wasm_smith::Module::new(gc_runtime::smith::config(), &mut u) else { return };
    let bytes = module.to_bytes();
    // wasm-smith output is valid by construction: rejecting it is a bug too.
    match gc_runtime::smith::run_exports(&bytes, 20_000) {
        Ok(_) => {}
        Err(gc_runtime::Error::Invalid(e)) => panic!("valid wasm-smith module rejected: {e}"),
        Err(_) => {}
    }
});
