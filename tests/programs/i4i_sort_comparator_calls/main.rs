// Issue 4 (iterators): comparator and key closures of sort_by / sort_by_key / sort_unstable_by(_key) on
// small slices are called with the same arguments in the same order as std's insertion sort.
fn main() {
    let mut v = vec![3, 1, 4, 1, 5, 9, 2, 6];
    v.sort_by(|a, b| {
        println!("cmp {a} {b}");
        a.cmp(b)
    });
    println!("{v:?}");
    let mut w = vec!["ccc", "a", "bb", "dddd"];
    w.sort_by_key(|s| {
        println!("key {s}");
        s.len()
    });
    println!("{w:?}");
    let mut u = vec![5, 3, 8, 1];
    u.sort_unstable_by(|a, b| {
        println!("ucmp {a} {b}");
        b.cmp(a)
    });
    println!("{u:?}");
    let mut k = vec![15, 3, 8, 21];
    k.sort_unstable_by_key(|x| {
        println!("ukey {x}");
        x % 10
    });
    println!("{k:?}");
}
