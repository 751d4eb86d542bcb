// Positional `{0}`, named `{name}`, captured `{x}` arguments; width/precision from arguments `$` and `.*`.

fn main() {
    let name = "Ferris";
    let age = 9;
    println!("{0} is {1} years old; {0} likes {2}.", name, age, "wasm");
    println!("{1}{0}{1}", "-", "=");
    println!("{greeting}, {who}! {greeting} again.", greeting = "Hello", who = name);
    println!("{name} is {age}, next year {}", age + 1);
    println!("{name:>10}|{age:<4}|{age:03}");
    let width = 12;
    let precision = 3;
    let value = 2.0f64 / 3.0;
    println!("[{value:width$.precision$}]");
    println!("[{:>1$}]", "right", 9);
    println!("[{:>w$}] [{:^w$}]", "a", "b", w = 5);
    println!("[{:.*}] [{:.*}]", 2, 1.23456, 0, 9.5);
    println!("[{0:>1$.2$}]", 3.14159, 10, 4);
    println!("[{:w$.p$e}]", 123456.789, w = 14, p = 2);
    println!("{0:?} {0} {0:>5} {0:x}", 255);
    println!("{{literal braces}} {{{}}}", 7);
    let items = ["one", "two", "three"];
    for (i, item) in items.iter().enumerate() {
        println!("{i:>2}. {item:<6}|{len}", len = item.len());
    }
    let s = format!("{a}-{b}-{a}", a = 1, b = 2);
    println!("{s} (len {})", s.len());
}
