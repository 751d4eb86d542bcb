//! Shared helpers: WAT text to binary through the `wast` crate.

pub fn wat(text: &str) -> Vec<u8> {
    let buf = wast::parser::ParseBuffer::new(text).expect("lex");
    let mut module: wast::Wat<'_> = wast::parser::parse(&buf).expect("parse");
    module.encode().expect("encode")
}
