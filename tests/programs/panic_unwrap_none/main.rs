// Option::unwrap on None: "called `Option::unwrap()` on a `None` value".

fn find_user(id: u32) -> Option<&'static str> {
    match id {
        1 => Some("root"),
        7 => Some("ferris"),
        _ => None,
    }
}

fn main() {
    for id in [1, 7, 3] {
        let name = find_user(id).unwrap();
        println!("user {id} is {name}");
    }
}
