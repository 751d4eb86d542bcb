// Issue 4: the rest of the Option/Result API: as_mut, take, replace, filter, or/xor/and, zip, copied, map_or,
// get_or_insert, unwrap_or_default, ok_or_else, or_else, is_ok_and, fn items passed where closures go.

fn double(x: i32) -> i32 {
    x * 2
}

fn parse_positive(s: &str) -> Result<u32, String> {
    s.parse::<u32>().map_err(|e| e.to_string()).and_then(|n| if n > 0 { Ok(n) } else { Err("zero".into()) })
}

fn main() {
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
    println!("get_or_insert {}", *None.get_or_insert(9));
    println!("zip {:?} copied {:?}", Some(1).zip(Some('a')), Some(&8).copied());
    println!("map_or {} {}", Some(3).map_or(0, double), None.map_or(-1, double));
    println!("fn items {:?} {:?}", Some(21).map(double), ["1", "0", "x", "9"].map(parse_positive));
    let lazy: Result<u32, &str> = Some(4).ok_or_else(|| "never evaluated");
    println!("{lazy:?}");
    let recovered = parse_positive("0").or_else(|msg| if msg == "zero" { Ok::<u32, String>(1) } else { Err(msg) });
    println!("recovered {recovered:?}");
    println!("and {:?} or {:?}", Ok::<i32, String>(1).and(Err::<i32, String>("second".into())), Err::<i32, i32>(1).or(Ok::<i32, i32>(2)));
    println!("unwrap_or_default {}", "z".parse::<i64>().unwrap_or_default());
    println!("is_ok_and {} is_some_and {}", "7".parse::<i32>().is_ok_and(|n| n > 5), Some(2).is_some_and(|n| n > 5));
    println!("err {:?} {:?}", parse_positive("x").err(), parse_positive("3").err());
    println!("flatten {:?} transpose {:?}", Some(Some(3)).flatten(), Some(Ok::<i32, String>(3)).transpose());
}
