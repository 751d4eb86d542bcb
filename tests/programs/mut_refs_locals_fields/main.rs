// &mut to locals, struct fields, array and Vec elements; passing them to functions; reborrows; mem::swap.

#[derive(Debug)]
struct Account {
    owner: String,
    balance: i64,
    history: Vec<i64>,
}

fn deposit(balance: &mut i64, history: &mut Vec<i64>, amount: i64) {
    *balance += amount;
    history.push(amount);
}

fn bump(x: &mut i32) {
    *x += 1;
}

fn largest_mut(values: &mut [i32]) -> &mut i32 {
    let mut best = 0;
    for i in 1..values.len() {
        if values[i] > values[best] {
            best = i;
        }
    }
    &mut values[best]
}

fn main() {
    let mut counter = 0;
    bump(&mut counter);
    {
        let r = &mut counter;
        *r *= 10;
        bump(r);
    }
    println!("counter {counter}");

    let mut acct = Account { owner: "ada".to_string(), balance: 100, history: Vec::new() };
    deposit(&mut acct.balance, &mut acct.history, 50);
    deposit(&mut acct.balance, &mut acct.history, -30);
    let owner = &mut acct.owner;
    owner.push_str(" lovelace");
    println!("{acct:?}");

    let mut arr = [3, 8, 1, 9, 4];
    bump(&mut arr[2]);
    *largest_mut(&mut arr) = 0;
    println!("{arr:?}");
    let mut v = vec![10, 20, 30];
    let first = &mut v[0];
    *first -= 5;
    let last = v.last_mut().unwrap();
    *last += 5;
    *largest_mut(&mut v) *= -1;
    println!("{v:?}");

    let mut grid = vec![vec![0; 3]; 2];
    let cell = &mut grid[1][2];
    *cell = 7;
    for row in grid.iter_mut() {
        bump(&mut row[0]);
    }
    println!("{grid:?}");

    let mut a = String::from("left");
    let mut b = String::from("right");
    std::mem::swap(&mut a, &mut b);
    println!("{a} {b}");
    let mut pair = (1, 2);
    let (x, y) = (&mut pair.0, &mut pair.1);
    std::mem::swap(x, y);
    println!("{pair:?}");
    let old = std::mem::replace(&mut acct.balance, 0);
    println!("old balance {old} new {}", acct.balance);
    let taken = std::mem::take(&mut acct.history);
    println!("taken {taken:?} left {:?}", acct.history);
}
