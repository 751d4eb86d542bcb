//! Compile-time behaviour of the attributes: what they accept, and the spanned errors for what the
//! WasmGC lowering cannot handle. The `.stderr` files hold rustc's real output, reviewed by hand;
//! regenerate them with `TRYBUILD=overwrite cargo test -p wasm --test ui` and review the diff.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/pass/*.rs");
    t.compile_fail("tests/ui/fail/*.rs");
}
