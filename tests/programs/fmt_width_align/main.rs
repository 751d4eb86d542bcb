// Width, fill and alignment for strings, numbers, chars and bools; widths count chars, not bytes.

fn main() {
    let words = ["a", "rust", "wasm-gc", "héllo", "日本", "toolongforwidth"];
    for w in words {
        println!("[{w:8}] [{w:<8}] [{w:>8}] [{w:^8}] [{w:*^9}] [{w:->10}] [{w:.3}] [{w:>6.2}]");
    }
    for n in [0, 7, -42, 12345, -1234567] {
        println!("[{n:6}] [{n:<6}] [{n:^6}] [{n:>6}] [{n:_^7}] [{n:#>8}]");
    }
    for c in ['x', 'é', '✓'] {
        println!("[{c:3}] [{c:>3}] [{c:^5}] [{c:.<4}]");
    }
    println!("[{:6}] [{:>6}] [{:^7}]", true, false, true);
    println!("[{:10}] [{:<10}] [{:^10}]", 3.5, -0.25, 1e21);
    println!("[{:>10?}] [{:<12?}] [{:^10?}]", "q\"s", Some(1), 'c');
    println!("[{:5?}] [{:<5}]", (), "");
    // A small right-aligned table.
    let rows = [("apples", 3, 0.5), ("kiwis", 12, 0.25), ("watermelons", 1, 3.0)];
    println!("{:<12}|{:>5}|{:>8}", "item", "qty", "price");
    println!("{:-<12}+{:->5}+{:->8}", "", "", "");
    for (name, qty, price) in rows {
        println!("{name:<12}|{qty:>5}|{price:>8.2}");
    }
}
