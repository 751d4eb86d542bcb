// Simple closures (issue 3 scope): called locally and passed to unwrap_or_else, map, and_then, position.

fn main() {
    let square = |x: i32| x * x;
    let add = |a: i32, b: i32| a + b;
    println!("square(7) = {}, add(2, 3) = {}", square(7), add(2, 3));
    println!("square(square(3)) = {}", square(square(3)));
    let threshold = 10;
    let above = |x: i32| x > threshold;
    let values = [3, 14, 8, 22, 10];
    println!("first above threshold at {:?}", values.iter().position(|&v| above(v)));
    let words = ["12", "seven", "40"];
    for w in words {
        let n = w.parse::<i32>().map(|n| n * 2).unwrap_or_else(|_| w.len() as i32 * -1);
        println!("{w} -> {n}");
    }
    let lookup = |key: &str| -> Option<u32> {
        match key {
            "one" => Some(1),
            "two" => Some(2),
            _ => None,
        }
    };
    for key in ["one", "two", "three"] {
        println!("{key}: {:?}", lookup(key).and_then(|v| v.checked_sub(1)).map(|v| v * 100));
    }
    let mut total = 0;
    let mut accumulate = |x: i32| total += x;
    accumulate(5);
    accumulate(7);
    println!("total {total}");
    let describe = |v: &Vec<i32>| -> String { format!("{} items, max {:?}", v.len(), v.iter().max()) };
    println!("{}", describe(&vec![4, 9, 2]));
    println!("{}", describe(&Vec::new()));
}
