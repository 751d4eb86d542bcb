// Issue 4 (iterators): side effects in adapter closures happen in Rust's lazy order — interleaved with
// the consumer, never for items past the point where a consumer or adapter stops pulling.

fn main() {
    let v = vec![1, 2, 3, 4, 5, 6];

    // map and filter interleave item by item with the loop body.
    for x in v.iter().map(|x| {
        println!("map {x}");
        x * 10
    }).filter(|x| {
        println!("filter {x}");
        x % 20 == 0
    }) {
        println!("body {x}");
    }

    // take(2) never pulls a third item: inspect runs exactly twice.
    let firsts: Vec<i32> = v.iter().inspect(|x| println!("inspect {x}")).take(2).cloned().collect();
    println!("{firsts:?}");
    let none: Vec<&i32> = v.iter().inspect(|x| println!("never {x}")).take(0).collect();
    println!("take(0) {none:?}");

    // take_while pulls the first failing item, then stops.
    let small: Vec<i32> = v.iter().map(|&x| {
        println!("tw sees {x}");
        x
    }).take_while(|&x| x < 3).collect();
    println!("{small:?}");

    // find / any / position stop at the first match.
    let found = v.iter().inspect(|x| println!("find looks at {x}")).find(|&&x| x > 2);
    println!("found {found:?}");
    let any = v.iter().inspect(|x| println!("any looks at {x}")).any(|&x| x == 2);
    println!("any {any}");
    let pos = v.iter().inspect(|x| println!("position looks at {x}")).position(|&x| x == 4);
    println!("pos {pos:?}");

    // chain: all of the first, then the second.
    let total: i32 = v[..2].iter().inspect(|x| println!("left {x}")).chain(v[4..].iter().inspect(|x| println!("right {x}"))).sum();
    println!("chain sum {total}");

    // zip stops when the first side ends; the second side is not pulled past it.
    let pairs: Vec<(i32, char)> = v.iter().map(|&x| {
        println!("zip left {x}");
        x
    }).take(3).zip("abcdef".chars()).collect();
    println!("{pairs:?}");

    // flat_map: inner iterators are produced one outer item at a time.
    let flat: Vec<i32> = v[..3].iter().flat_map(|&x| {
        println!("expand {x}");
        0..x
    }).collect();
    println!("{flat:?}");

    // scan ends the iteration when its closure returns None.
    let running: Vec<i32> = v.iter().scan(0, |acc, &x| {
        *acc += x;
        println!("scan acc {}", *acc);
        if *acc > 10 { None } else { Some(*acc) }
    }).collect();
    println!("{running:?}");

    // skip_while stops testing after the first failure.
    let rest: Vec<&i32> = v.iter().skip_while(|&&x| {
        println!("skip_while tests {x}");
        x < 3
    }).collect();
    println!("{rest:?}");

    // rev over map: the closure sees items back to front.
    let back: Vec<i32> = v.iter().map(|x| {
        println!("rev map {x}");
        x + 100
    }).rev().take(2).collect();
    println!("{back:?}");

    // fold threads the accumulator through the closure in order.
    let s = v.iter().fold(String::new(), |acc, x| {
        println!("fold {acc:?} + {x}");
        format!("{acc}{x}")
    });
    println!("{s}");

    // step_by(2) still pulls (and inspects) every item in between.
    let stepped: Vec<&i32> = v.iter().inspect(|x| println!("step sees {x}")).step_by(2).collect();
    println!("{stepped:?}");
}
