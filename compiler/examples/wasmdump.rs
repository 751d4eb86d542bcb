//! Prints a wasm module as text (debugging aid): `wasmdump file.wasm`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: wasmdump file.wasm");
    let bytes = std::fs::read(&path).expect("read");
    let mut cfg = wasmprinter::Config::new();
    cfg.print_offsets(true);
    let mut out = String::new();
    match cfg.print(&bytes, &mut wasmprinter::PrintFmtWrite(&mut out)) {
        Ok(()) => print!("{out}"),
        Err(e) => {
            print!("{out}");
            eprintln!("error: {e}");
        }
    }
}
