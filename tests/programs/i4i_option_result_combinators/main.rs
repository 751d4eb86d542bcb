// Issue 4 (iterators): Option/Result combinators — map_or(_else), filter, take, replace,
// get_or_insert_with, zip, and/or/or_else, unwrap_or_default, copied/cloned, iter, ok_or_else,
// is_some_and / is_none_or, flatten, transpose; closures run only when std runs them.

fn half(x: i32) -> Option<i32> {
    if x % 2 == 0 { Some(x / 2) } else { None }
}

fn parse(s: &str) -> Result<i32, String> {
    s.trim().parse::<i32>().map_err(|e| format!("{s:?}: {e}"))
}

#[derive(Debug, Clone)]
struct Config {
    name: String,
    retries: u32,
}

fn main() {
    for x in [4, 7] {
        let h = half(x);
        println!(
            "{x}: map_or {} map_or_else {} filter {:?} is_some_and {} is_none_or {}",
            h.map_or(-1, |v| v * 10),
            h.map_or_else(|| "odd".to_string(), |v| format!("half={v}")),
            h.filter(|v| *v > 1),
            h.is_some_and(|v| v == 2),
            h.is_none_or(|v| v > 5),
        );
    }
    let mut slot: Option<String> = None;
    let s = slot.get_or_insert_with(|| {
        println!("initializing");
        "first".to_string()
    });
    s.push_str("!");
    let again = slot.get_or_insert_with(|| {
        println!("never printed");
        "second".to_string()
    });
    println!("{again}");
    println!("{slot:?}");
    let old = slot.replace("third".to_string());
    println!("replace {old:?} -> {slot:?}");
    let taken = slot.take();
    println!("take {taken:?} leaves {slot:?}");

    let a = Some(3);
    let b: Option<char> = Some('q');
    let n: Option<i32> = None;
    println!("zip {:?} {:?}", a.zip(b), n.zip(b));
    println!("and {:?} {:?} or {:?} {:?}", a.and(b), n.and(b), n.or(Some(9)), a.or(Some(9)));
    println!("or_else {:?} {:?}", n.or_else(|| half(8)), a.or_else(|| {
        println!("not called");
        None
    }));
    println!("default {} {:?} {:?}", n.unwrap_or_default(), None::<String>.unwrap_or_default(), None::<Config>.map(|c| c.retries));
    let r = &5;
    println!("copied {:?} cloned {:?}", Some(r).copied(), Some(&"s".to_string()).cloned());
    let total: i32 = a.iter().chain(n.iter()).chain(Some(10).iter()).sum();
    println!("iter sum {total}");
    let v: Vec<i32> = vec![Some(1), None, Some(3)].into_iter().flatten().collect();
    println!("flatten {v:?} {:?} {:?}", Some(Some(2)).flatten(), Some(None::<i32>).flatten());
    println!("ok_or_else {:?} {:?}", a.ok_or_else(|| "missing"), n.ok_or_else(|| "missing"));

    for s in ["12", " 7 ", "x1", "-3"] {
        let r = parse(s);
        println!(
            "{s:?}: map_or {} map_or_else {} ok {:?} err {:?} is_ok_and {}",
            r.clone().map_or(0, |v| v * 2),
            r.clone().map_or_else(|e| e.len() as i32, |v| v + 1000),
            r.clone().ok(),
            r.clone().err().map(|e| e.len()),
            r.clone().is_ok_and(|v| v > 10),
        );
    }
    let good: Option<Result<i32, String>> = Some(parse("5"));
    let bad: Option<Result<i32, String>> = Some(parse("five"));
    let none: Option<Result<i32, String>> = None;
    println!("transpose {:?} {:?} {:?}", good.transpose(), bad.transpose(), none.transpose());
    let back: Result<Option<i32>, String> = Ok(Some(4));
    let ok_none: Result<Option<i32>, String> = Ok(None);
    println!("transpose back {:?} {:?}", back.transpose(), ok_none.transpose());
    let all: Result<Vec<i32>, String> = ["1", "2", "3"].iter().map(|s| parse(s)).collect::<Vec<_>>().into_iter().collect::<Vec<_>>().into_iter().map(|r| r).collect::<Vec<_>>().into_iter().fold(Ok(Vec::new()), |acc, r| match (acc, r) {
        (Ok(mut v), Ok(x)) => {
            v.push(x);
            Ok(v)
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
    });
    println!("all {all:?}");
    let cfg = Some(Config { name: "svc".to_string(), retries: 2 });
    println!("{:?} {:?}", cfg.as_ref().map(|c| c.name.len()), cfg.map_or(0, |c| c.retries));
}
