// Option (issue-3 surface): unwrap, expect, unwrap_or(_else), map, and_then, ok_or, is_some/is_none, as_ref.

#[derive(Debug, Clone)]
struct User {
    name: String,
    email: Option<String>,
    age: Option<u32>,
}

fn domain(user: &User) -> Option<&str> {
    user.email.as_ref().and_then(|e| e.split_once('@')).map(|(_, d)| d)
}

fn age_label(user: &User) -> String {
    user.age.map(|a| a.to_string()).unwrap_or_else(|| "unknown".to_string())
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
            age_label(u),
            u.age.map(|a| a >= 18),
            u.email.is_some(),
            u.email.is_none()
        );
    }
    let fallback = users[1].email.clone().unwrap_or_else(|| format!("{}@default.org", users[1].name));
    println!("fallback {fallback}");
    let required: Result<u32, String> = users[2].age.ok_or(format!("{} has no age", users[2].name));
    println!("{required:?}");
    let present: Result<u32, String> = users[0].age.ok_or("missing".to_string());
    println!("{present:?}");
    let chained = Some("42").map(|s| s.parse::<i32>()).and_then(|r| r.ok()).map(|n| n + 1);
    println!("chained {chained:?}");
    let words = ["3", "x", "5"];
    let mut total = 0;
    for w in words {
        total += w.parse::<i32>().ok().unwrap_or(-1);
    }
    println!("total {total} expect {} unwrap {}", Some(11).expect("present"), Some('z').unwrap());
    let name_len = users[0].email.as_ref().map(|e| e.len());
    println!("email length {name_len:?}, still owned: {:?}", users[0].email);
    let nested: Option<Option<i32>> = Some(None);
    println!("nested {nested:?} is_some {}", nested.is_some());
}
