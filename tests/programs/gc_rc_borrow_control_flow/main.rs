// dependencies: wasm
//! `GcRc` guards across `?`, labeled breaks with values, `while let`, closures and match guards: each
//! borrow ends exactly where Rust drops it, so the later borrows below succeed.

use wasm::GcRc;

fn take_first(stack: &GcRc<Vec<i32>>) -> Option<i32> {
    let first = *stack.borrow().first()?;
    stack.borrow_mut().remove(0);
    Some(first)
}

fn find_pair(grid: &GcRc<Vec<Vec<i32>>>, target: i32) -> Option<(usize, usize)> {
    let rows = grid.borrow().len();
    let found = 'outer: loop {
        for r in 0..rows {
            let cols = grid.borrow()[r].len();
            for c in 0..cols {
                if grid.borrow()[r][c] == target {
                    break 'outer Some((r, c));
                }
            }
        }
        break None;
    };
    if let Some((r, c)) = found {
        grid.borrow_mut()[r][c] = -target;
    }
    found
}

fn drain_evens(q: &GcRc<Vec<i32>>) -> Vec<i32> {
    let mut out = Vec::new();
    loop {
        let next = q.borrow_mut().pop();
        match next {
            Some(v) if v % 2 == 0 => out.push(v),
            Some(v) => {
                q.borrow_mut().insert(0, v * 100);
                if q.borrow().iter().all(|x| x.abs() >= 100) {
                    break;
                }
            }
            None => break,
        }
    }
    out
}

fn main() {
    let stack = GcRc::new(vec![4, 5, 6]);
    while let Some(v) = take_first(&stack) {
        println!("took {v}, left {:?}", stack.borrow());
    }
    println!("empty now: {:?}", take_first(&stack));
    let grid = GcRc::new(vec![vec![1, 2, 3], vec![4, 5, 6], vec![7, 8, 9]]);
    for t in [5, 9, 10] {
        println!("find {t}: {:?}", find_pair(&grid, t));
    }
    println!("grid {:?}", grid.borrow());
    let q = GcRc::new(vec![1, 2, 3, 4, 5, 6]);
    println!("evens {:?}, rest {:?}", drain_evens(&q), q.borrow());
    let counters: Vec<GcRc<u32>> = (0..4).map(|i| GcRc::new(i)).collect();
    let big = counters.iter().filter(|c| *c.borrow() >= 2).count();
    for c in counters.iter() {
        *c.borrow_mut() += 10;
    }
    let sum: u32 = counters.iter().map(|c| *c.borrow()).sum();
    println!("big {big} sum {sum}");
    // The scrutinee's guard lives through the whole match; the arms only read.
    let label = match *counters[0].borrow() {
        n if n < 11 => "less",
        11 => "equal",
        _ => "greater",
    };
    *counters[0].borrow_mut() += 1;
    println!("{label} then {}", counters[0].get());
}
