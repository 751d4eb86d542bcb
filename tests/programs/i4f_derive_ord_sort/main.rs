// Issue 4: derived PartialOrd/Ord with rustc's order (struct fields lexicographically, enums by variant
// index then fields), used through <, >, cmp, partial_cmp, max/min/clamp, sort/sort_unstable of user
// types and of tuples containing them, and std::cmp::Ordering's methods.
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Suit {
    Clubs,
    Diamonds,
    Hearts,
    Spades,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Card {
    rank: u8,
    suit: Suit,
}

#[derive(Debug, Clone, PartialEq, PartialOrd)]
enum Shape {
    Point,
    Circle(f64),
    Rect { w: i32, h: i32 },
    Poly(Vec<(i32, i32)>),
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Student {
    grade: u32,
    name: String,
    tags: Option<Vec<String>>,
}

fn describe(o: Ordering) -> &'static str {
    match o {
        Ordering::Less => "less",
        Ordering::Equal => "equal",
        Ordering::Greater => "greater",
    }
}

fn main() {
    let mut cards = vec![
        Card { rank: 10, suit: Suit::Hearts },
        Card { rank: 2, suit: Suit::Spades },
        Card { rank: 10, suit: Suit::Clubs },
        Card { rank: 14, suit: Suit::Diamonds },
        Card { rank: 2, suit: Suit::Clubs },
    ];
    cards.sort();
    println!("{cards:?}");
    cards.sort_unstable();
    println!("{:?}", cards.iter().map(|c| c.rank).collect::<Vec<_>>());
    let a = Card { rank: 10, suit: Suit::Hearts };
    let b = Card { rank: 10, suit: Suit::Spades };
    println!("{} {} {} {}", a < b, a > b, a <= a.clone(), a >= b);
    println!("{:?} {:?} {:?}", a.cmp(&b), b.cmp(&a), a.cmp(&a.clone()));
    println!("{:?} {:?}", a.partial_cmp(&b), Suit::Spades.partial_cmp(&Suit::Clubs));
    println!("{:?} {:?}", a.clone().max(b.clone()), a.clone().min(b.clone()));
    println!("{:?}", Suit::Diamonds.clamp(Suit::Hearts, Suit::Spades));
    println!("{}", describe(Suit::Clubs.cmp(&Suit::Diamonds)));

    let shapes = [Shape::Rect { w: 2, h: 1 }, Shape::Circle(1.5), Shape::Point, Shape::Poly(vec![(0, 0), (1, 2)]), Shape::Circle(f64::NAN), Shape::Rect { w: 1, h: 9 }];
    for x in &shapes {
        let row: Vec<String> = shapes.iter().map(|y| format!("{:?}", x.partial_cmp(y))).collect();
        println!("{}", row.join(" "));
    }
    println!("{} {}", Shape::Circle(2.0) < Shape::Rect { w: 0, h: 0 }, Shape::Poly(vec![(1, 1)]) > Shape::Poly(vec![(1, 0), (5, 5)]));
    println!("{:?} {:?}", 1.0f64.partial_cmp(&f64::NAN), 2.5f32.partial_cmp(&-1.0));

    let mut students = vec![
        Student { grade: 3, name: "Zoe".to_string(), tags: None },
        Student { grade: 2, name: "Adam".to_string(), tags: Some(vec!["b".to_string()]) },
        Student { grade: 3, name: "Amy".to_string(), tags: Some(vec![]) },
        Student { grade: 2, name: "Adam".to_string(), tags: Some(vec!["a".to_string(), "z".to_string()]) },
        Student { grade: 2, name: "Adam".to_string(), tags: None },
    ];
    students.sort();
    for s in &students {
        println!("{} {} {:?}", s.grade, s.name, s.tags);
    }
    let best = students.iter().max().unwrap();
    let worst = students.iter().min().unwrap();
    println!("max {} min {}", best.name, worst.name);

    let mut pairs = vec![(Suit::Hearts, 3), (Suit::Clubs, 9), (Suit::Hearts, 1), (Suit::Spades, 0), (Suit::Clubs, 2)];
    pairs.sort();
    println!("{pairs:?}");
    let mut nested = vec![(2, Card { rank: 3, suit: Suit::Clubs }), (1, Card { rank: 9, suit: Suit::Spades }), (2, Card { rank: 3, suit: Suit::Clubs }), (2, Card { rank: 1, suit: Suit::Hearts })];
    nested.sort_unstable();
    println!("{nested:?}");

    let o = 3.cmp(&5);
    println!("{:?} {:?} {:?}", o, o.reverse(), Ordering::Equal.reverse());
    println!("{:?} {:?}", Ordering::Equal.then(Ordering::Greater), Ordering::Less.then(Ordering::Greater));
    let mut calls = 0;
    let r = Ordering::Equal.then_with(|| {
        calls += 1;
        "b".cmp("a")
    });
    let r2 = Ordering::Less.then_with(|| {
        calls += 10;
        Ordering::Greater
    });
    println!("{r:?} {r2:?} calls={calls}");
    println!("{} {} {} {} {} {}", o.is_lt(), o.is_le(), o.is_gt(), o.is_ge(), o.is_eq(), o.is_ne());
    println!("{:?} {:?} {}", "apple".cmp("banana"), String::from("b").cmp(&String::from("a")), Ordering::Less < Ordering::Greater);
    println!("{:?}", [Ordering::Greater, Ordering::Less, Ordering::Equal].iter().max());
    let words = ["pear", "fig", "banana", "kiwi"];
    let mut by_len: Vec<&str> = words.to_vec();
    by_len.sort();
    println!("{by_len:?} {:?} {:?}", "x".max("abc"), (1, "z").min((1, "a")));
}
