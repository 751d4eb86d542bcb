// Issue 4 (iterators): iter_mut() through adapters — zip, for_each, rev/take, skip+filter, map with writes,
// inspect printing &&mut items, enumerate over rows of a grid; every write lands in the Vec.
fn main() {
    let mut v = vec![1, 2, 3, 4];
    let w = vec![10, 20, 30, 40];
    for (a, b) in v.iter_mut().zip(w.iter()) {
        *a += b;
    }
    println!("{v:?}");
    v.iter_mut().for_each(|x| *x *= 2);
    println!("{v:?}");
    for x in v.iter_mut().rev().take(2) {
        *x = 0;
    }
    println!("{v:?}");
    for x in v.iter_mut().skip(1).filter(|x| **x > 0) {
        *x += 1;
    }
    println!("{v:?}");
    let mut names = vec!["a".to_string(), "b".to_string()];
    for (i, n) in names.iter_mut().enumerate() {
        n.push_str(&i.to_string());
    }
    for n in names.iter_mut().rev() {
        n.push('!');
    }
    println!("{names:?}");
    let mut grid = vec![vec![0; 3]; 2];
    for (r, row) in grid.iter_mut().enumerate() {
        for (c, x) in row.iter_mut().enumerate() {
            *x = r * 3 + c;
        }
    }
    println!("{grid:?}");
    let mut w = vec![5, 6, 7];
    let seen: Vec<i32> = w.iter_mut().map(|x| {
        *x += 1;
        *x * 10
    }).collect();
    for x in w.iter_mut().inspect(|x| println!("see {x}")) {
        *x -= 1;
    }
    println!("{seen:?} {w:?}");
}
