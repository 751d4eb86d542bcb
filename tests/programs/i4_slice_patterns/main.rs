// Issue 4: slice patterns: [first, rest @ ..], [.., last], [a, b], nested in enums and with bindings.

fn describe(values: &[i32]) -> String {
    match values {
        [] => "empty".to_string(),
        [one] => format!("one element {one}"),
        [first, second] => format!("pair {first}, {second}"),
        [first, .., last] if first == last => format!("bookends {first}"),
        [first, middle @ .., last] => format!("{first} .. {} items .. {last}", middle.len()),
    }
}

fn sum(values: &[i64]) -> i64 {
    match values {
        [] => 0,
        [head, tail @ ..] => head + sum(tail),
    }
}

fn parse_command(words: &[&str]) -> String {
    match words {
        ["go", direction] => format!("going {direction}"),
        ["take", item, "from", place] => format!("taking {item} from {place}"),
        ["say", rest @ ..] if !rest.is_empty() => format!("saying {:?}", rest.join(" ")),
        [verb, ..] => format!("unknown verb {verb}"),
        [] => "nothing".to_string(),
    }
}

fn main() {
    for v in [&[][..], &[7], &[1, 2], &[4, 5, 4], &[1, 2, 3, 4, 5]] {
        println!("{}", describe(v));
    }
    println!("sum {}", sum(&[1, 2, 3, 4, 5, 6]));
    for line in ["go north", "take lamp from table", "say hello there", "say", "dance wildly", ""] {
        let words: Vec<&str> = line.split_whitespace().collect();
        println!("{line:?} -> {}", parse_command(&words));
    }
    let arr = [10, 20, 30, 40];
    let [a, b, rest @ ..] = arr;
    println!("{a} {b} {rest:?}");
    if let [.., penultimate, _] = &arr[..] {
        println!("penultimate {penultimate}");
    }
}
