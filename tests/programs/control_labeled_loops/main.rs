// Labeled break/continue across nested loops, loop-with-value, block expressions.

fn find_pair(values: &[i32], target: i32) -> Option<(usize, usize)> {
    let mut found = None;
    'outer: for i in 0..values.len() {
        for j in (i + 1)..values.len() {
            if values[i] + values[j] == target {
                found = Some((i, j));
                break 'outer;
            }
        }
    }
    found
}

fn main() {
    let values = [3, 9, -2, 7, 11, 5];
    for target in [16, 1, 100] {
        println!("pair summing to {target}: {:?}", find_pair(&values, target));
    }

    let mut primes = Vec::new();
    'candidates: for n in 2..60 {
        for p in &primes {
            if n % p == 0 {
                continue 'candidates;
            }
        }
        primes.push(n);
    }
    println!("primes {primes:?}");

    let mut counter = 0;
    let first_square_over_500 = loop {
        counter += 1;
        if counter * counter > 500 {
            break counter * counter;
        }
    };
    println!("first square over 500: {first_square_over_500}");

    let mut grid_hits = 0;
    'rows: for row in 0..10 {
        let mut col = 0;
        'cols: loop {
            col += 1;
            if col > row {
                continue 'rows;
            }
            if (row * col) % 7 == 0 {
                grid_hits += 1;
                continue 'cols;
            }
            if row + col > 15 {
                break 'rows;
            }
        }
    }
    println!("grid hits {grid_hits}");

    let label_value = 'block: {
        for v in values {
            if v < 0 {
                break 'block v * 100;
            }
        }
        0
    };
    println!("labeled block value {label_value}");
    let parity = {
        let sum: i32 = values.iter().sum();
        if sum % 2 == 0 { "even" } else { "odd" }
    };
    println!("sum parity {parity}");
}
