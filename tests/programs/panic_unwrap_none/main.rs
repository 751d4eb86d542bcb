// Option::unwrap on None: "called `Option::unwrap()` on a `None` value".

fn find_user(id: u32) -> Option<&'static str> {
    match id {
        1 => Some("root"),
        7 => Some("ferris"),
        _ => None,
    }
}

fn greet(ids: &[u32]) {
    for &id in ids {
        let name = find_user(id).unwrap();
        println!("user {id} is {name}");
    }
}

fn main() {
    println!("known ids: {:?} {:?}", find_user(1), find_user(2));
    greet(&[1, 7]);
    greet(&[7, 3, 1]);
}
