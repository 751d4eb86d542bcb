// Issue 4: user-defined generic enums and structs with methods and trait bounds (a Maybe and an Either type).
use std::fmt::Debug;

#[derive(Debug, Clone, PartialEq)]
enum Maybe<T> {
    Just(T),
    Nothing,
}

impl<T: Clone + Debug> Maybe<T> {
    fn map<U, F: Fn(T) -> U>(self, f: F) -> Maybe<U> {
        match self {
            Maybe::Just(v) => Maybe::Just(f(v)),
            Maybe::Nothing => Maybe::Nothing,
        }
    }

    fn or(self, default: T) -> T {
        match self {
            Maybe::Just(v) => v,
            Maybe::Nothing => default,
        }
    }
}

#[derive(Debug)]
enum Either<L, R> {
    Left(L),
    Right(R),
}

fn split<T, L, R>(items: Vec<T>, decide: impl Fn(T) -> Either<L, R>) -> (Vec<L>, Vec<R>) {
    let mut lefts = Vec::new();
    let mut rights = Vec::new();
    for item in items {
        match decide(item) {
            Either::Left(l) => lefts.push(l),
            Either::Right(r) => rights.push(r),
        }
    }
    (lefts, rights)
}

#[derive(Debug)]
struct Pair<A, B> {
    first: A,
    second: B,
}

impl<A: Debug, B: Debug> Pair<A, B> {
    fn swap(self) -> Pair<B, A> {
        Pair { first: self.second, second: self.first }
    }
}

fn main() {
    let a = Maybe::Just(20);
    let b: Maybe<i32> = Maybe::Nothing;
    println!("{:?} {:?}", a.clone().map(|x| x + 1), b.clone().map(|x| x * 2));
    println!("{} {}", a.clone().or(0), b.or(-1));
    println!("{:?}", a.map(|x| format!("<{x}>")));
    println!("{}", Maybe::Just('x') == Maybe::Just('x'));
    let (numbers, words) = split(vec!["12", "apple", "7", "kiwi", "-3"], |s| match s.parse::<i32>() {
        Ok(n) => Either::Left(n),
        Err(_) => Either::Right(s.len()),
    });
    println!("{numbers:?} {words:?}");
    let p = Pair { first: 1u8, second: "one" };
    println!("{:?}", p.swap());
    let nested: Maybe<Maybe<Vec<u8>>> = Maybe::Just(Maybe::Just(vec![1, 2]));
    println!("{nested:?}");
    let e: Either<i32, String> = Either::Right("r".into());
    println!("{e:?}");
}
