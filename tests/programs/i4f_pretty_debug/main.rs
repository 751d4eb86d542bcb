// Issue 4: {:#?} pretty Debug byte-for-byte as rustc: nested structs, tuple structs, unit structs,
// enums of every shape, tuples, Vec/arrays/slices (empty too), Option, Result, String escapes, and
// the Debug spec (width, fill, precision, sign) reaching the leaves as derived impls do.
#![allow(dead_code)]

#[derive(Debug, Clone)]
struct Empty {}

#[derive(Debug, Clone)]
struct Unit;

#[derive(Debug, Clone)]
struct Wrapper(i32);

#[derive(Debug, Clone)]
struct Pair(String, Vec<u8>);

#[derive(Debug, Clone)]
enum Node {
    Leaf,
    Value(i64),
    Named { label: String, weight: f64 },
    Children(Vec<Node>),
    Both(Box<Node>, Option<Box<Node>>),
}

#[derive(Debug, Clone)]
struct Doc {
    title: String,
    empty: Empty,
    unit: Unit,
    wrapper: Wrapper,
    pair: Pair,
    tree: Node,
    list: Vec<Vec<i32>>,
    nothing: Vec<String>,
    maybe: Option<(char, bool)>,
    result: Result<u32, String>,
    array: [f32; 2],
    unit_val: (),
}

fn main() {
    let doc = Doc {
        title: "quote \" backslash \\ tab \t newline \n nul \0 é 🦀 \u{7f} \u{200b}".to_string(),
        empty: Empty {},
        unit: Unit,
        wrapper: Wrapper(-5),
        pair: Pair("p".to_string(), vec![]),
        tree: Node::Children(vec![
            Node::Leaf,
            Node::Value(42),
            Node::Named { label: "x".into(), weight: 0.25 },
            Node::Both(Box::new(Node::Leaf), Some(Box::new(Node::Children(vec![])))),
            Node::Both(Box::new(Node::Value(-1)), None),
        ]),
        list: vec![vec![], vec![1], vec![2, 3]],
        nothing: Vec::new(),
        maybe: Some(('\'', true)),
        result: Err("bad".to_string()),
        array: [1.0, -0.5],
        unit_val: (),
    };
    println!("{doc:#?}");
    println!("{doc:?}");
    println!("{:#?}", Empty {});
    println!("{:#?} {:#?} {:#?}", Unit, Wrapper(3), ());
    println!("{:#?}", (1,));
    println!("{:#?}", ((), (1, 2), [(); 2]));
    println!("{:#?}", Some(Some(None::<i32>)));
    println!("{:#?}", Ok::<Vec<i32>, ()>(vec![7]));
    println!("{:#?}", vec![Some("a"), None]);
    println!("{:#?}", &["x", "y"][..]);
    println!("{:#?}", 'a');
    println!("{:#?}", "plain");
    // The spec reaches the leaves (derived Debug forwards the formatter).
    println!("{:5?}|{:<5?}|{:^7?}|{:>4?}", 42, 'c', "ab", true);
    println!("{:05?}|{:+?}|{:.2?}|{:8.3?}", -7, 3, 1.0f64, 2.5f32);
    println!("{:4?}", Wrapper(1));
    println!("{:>3?}", vec![1, 22]);
    println!("{:03?}", (1, -2));
    println!("{:#6?}", Some(5));
    println!("{:.1?}", Node::Named { label: "w".into(), weight: 1.25 });
    println!("{:*^9?}", "mid");
}
