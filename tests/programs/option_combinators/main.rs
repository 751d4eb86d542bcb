// Option: unwrap_or(_else), map, and_then, ok_or, is_some/is_none, as_ref, as_mut, take, replace, filter, or, xor.

#[derive(Debug, Clone)]
struct User {
    name: String,
    email: Option<String>,
    age: Option<u32>,
}

fn domain(user: &User) -> Option<&str> {
    user.email.as_ref().and_then(|e| e.split_once('@')).map(|(_, d)| d)
}

fn main() {
    let users = vec![
        User { name: "ann".into(), email: Some("ann@example.org".into()), age: Some(31) },
        User { name: "bo".into(), email: None, age: Some(17) },
        User { name: "cy".into(), email: Some("broken-address".into()), age: None },
    ];
    for u in &users {
        println!(
            "{}: domain {:?}, age {} / {}, adult {:?}, has email {} / none {}",
            u.name,
            domain(u),
            u.age.unwrap_or(0),
            u.age.map_or("unknown".to_string(), |a| a.to_string()),
            u.age.map(|a| a >= 18),
            u.email.is_some(),
            u.email.is_none()
        );
    }
    let fallback = users[1].email.clone().unwrap_or_else(|| format!("{}@default.org", users[1].name));
    println!("fallback {fallback}");
    let required: Result<u32, String> = users[2].age.ok_or(format!("{} has no age", users[2].name));
    println!("{required:?}");
    let lazy: Result<u32, &str> = users[0].age.ok_or_else(|| "never evaluated");
    println!("{lazy:?}");
    let mut slot = Some(5);
    if let Some(v) = slot.as_mut() {
        *v *= 10;
    }
    println!("as_mut {slot:?}");
    let taken = slot.take();
    println!("take {taken:?} leaves {slot:?}");
    let old = slot.replace(7);
    println!("replace returned {old:?}, now {slot:?}");
    println!("filter {:?} {:?}", Some(4).filter(|x| x % 2 == 0), Some(3).filter(|x| x % 2 == 0));
    println!("or {:?} {:?} xor {:?}", None.or(Some(1)), Some(2).or(Some(3)), Some(1).xor(None::<i32>));
    println!("and {:?} {:?}", Some(1).and(Some("x")), None::<i32>.and(Some("y")));
    println!("unwrap_or_default {} {:?}", None::<u8>.unwrap_or_default(), None::<String>.unwrap_or_default());
    let chained = Some("42").map(|s| s.parse::<i32>()).and_then(|r| r.ok()).map(|n| n + 1);
    println!("chained {chained:?}");
    println!("get_or_insert {}", *None.get_or_insert(9));
    let words = ["3", "x", "5"];
    let mut total = 0;
    for w in words {
        total += w.parse::<i32>().ok().unwrap_or(-1);
    }
    println!("total {total} expect {}", Some(11).expect("present"));
    println!("zip {:?} copied {:?}", Some(1).zip(Some('a')), Some(&8).copied());
}
