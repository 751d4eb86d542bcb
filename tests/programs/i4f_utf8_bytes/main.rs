// Issue 4: UTF-8 conversions with std's exact errors: String::from_utf8 (Utf8Error valid_up_to /
// error_len, Debug and Display of the errors), String::from_utf8_lossy, std::str::from_utf8,
// as_bytes, bytes().rev(), into_bytes, len_utf8, char_indices.

fn show(bytes: Vec<u8>) {
    match String::from_utf8(bytes) {
        Ok(s) => println!("ok {s:?} ({} bytes, {} chars)", s.len(), s.chars().count()),
        Err(e) => {
            let u = e.utf8_error();
            println!("err {} | valid_up_to={} error_len={:?} | {:?}", e, u.valid_up_to(), u.error_len(), e);
            println!("  lossy {:?} back {:?}", String::from_utf8_lossy(e.as_bytes()), e.clone().into_bytes());
        }
    }
}

fn main() {
    show(b"plain".to_vec());
    show("héllo wörld 🦀".as_bytes().to_vec());
    show(vec![0x66, 0x6f, 0xff, 0x6f]);
    show(vec![0xe2, 0x82]);
    show(vec![0x61, 0xe2, 0x28, 0xa1]);
    show(vec![0xf0, 0x9f, 0xa6]);
    show(vec![0xed, 0xa0, 0x80]);
    show(vec![0xc0, 0x80]);
    show(vec![0xf4, 0x90, 0x80, 0x80]);
    show(vec![0xf0, 0x9f, 0xa6, 0x80, 0x80]);
    show(vec![]);
    println!("{}", String::from_utf8_lossy(&[0x61, 0xe2, 0x82, 0xac, 0xff, 0x62, 0xf0, 0x9f]));
    println!("{}", String::from_utf8_lossy(b"no errors"));
    let bytes = vec![0xce, 0xbb, 0x21];
    match std::str::from_utf8(&bytes) {
        Ok(s) => println!("str {s}"),
        Err(e) => println!("bad {e}"),
    }
    match std::str::from_utf8(&bytes[..1]) {
        Ok(s) => println!("str {s}"),
        Err(e) => println!("bad {e} {e:?}"),
    }
    let word = "añ🦀z";
    let rev: Vec<u8> = word.bytes().rev().collect();
    println!("{rev:?}");
    for (i, c) in word.char_indices() {
        println!("{i} {c} {} {:?}", c.len_utf8(), &word[i..i + c.len_utf8()].as_bytes());
    }
    let owned = String::from("ß!");
    let raw = owned.clone().into_bytes();
    println!("{raw:?} {}", String::from_utf8(raw.clone()).unwrap() == owned);
    let total: usize = word.chars().map(|c| c.len_utf8()).sum();
    println!("{total} {}", word.len());
}
