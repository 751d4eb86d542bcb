// dependencies: wasm
//! `GcRc::try_borrow` / `try_borrow_mut`: `Err` instead of a panic while the cell is borrowed the wrong way.

use wasm::GcRc;

#[wasm::gc]
#[derive(Debug)]
struct Doc {
    words: Vec<String>,
    edits: u32,
}

fn try_edit(doc: &GcRc<Doc>, word: &str) -> bool {
    match doc.try_borrow_mut() {
        Ok(mut d) => {
            d.words.push(word.to_string());
            d.edits += 1;
            true
        }
        Err(e) => {
            println!("  edit '{word}' refused: {:?}", e);
            false
        }
    }
}

fn main() {
    let doc = GcRc::new(Doc { words: vec!["hello".to_string()], edits: 0 });
    println!("free: edit {}", try_edit(&doc, "world"));
    {
        let reader = doc.borrow();
        println!("while reading {:?}:", reader.words);
        println!("  edit {}", try_edit(&doc, "again"));
        println!("  second reader ok: {}", doc.try_borrow().is_ok());
    }
    {
        let mut writer = doc.borrow_mut();
        writer.edits += 10;
        println!("while writing: try_borrow is_err {}", doc.try_borrow().is_err());
        println!("  {:?}", doc.try_borrow().map(|d| d.edits));
        println!("  {:?}", doc);
    }
    if let Ok(d) = doc.try_borrow() {
        println!("after: {} words, {} edits", d.words.len(), d.edits);
    }
    let n = GcRc::new(3u8);
    let r = n.try_borrow_mut();
    println!("number: {:?} then {:?}", r.is_ok(), n.try_borrow().is_ok());
    println!("{:?}", doc.try_borrow_mut().map(|d| d.words.len()));
}
