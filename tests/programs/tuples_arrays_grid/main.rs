// Tuples (nested, returned, destructured), fixed arrays and arrays of arrays used as a grid.

const SIZE: usize = 5;

fn min_max(values: &[i32]) -> (i32, i32) {
    let mut lo = values[0];
    let mut hi = values[0];
    for &v in values {
        if v < lo {
            lo = v;
        }
        if v > hi {
            hi = v;
        }
    }
    (lo, hi)
}

fn neighbours(grid: &[[u8; SIZE]; SIZE], row: usize, col: usize) -> u32 {
    let mut count = 0;
    for dr in [-1i32, 0, 1] {
        for dc in [-1i32, 0, 1] {
            if dr == 0 && dc == 0 {
                continue;
            }
            let r = row as i32 + dr;
            let c = col as i32 + dc;
            if r >= 0 && c >= 0 && (r as usize) < SIZE && (c as usize) < SIZE {
                count += grid[r as usize][c as usize] as u32;
            }
        }
    }
    count
}

fn main() {
    let (lo, hi) = min_max(&[4, -2, 9, 0, 7]);
    println!("min {lo} max {hi}");
    let nested = ((1, 2.5), ("three", ['4', '5']));
    let ((a, b), (c, [d, e])) = nested;
    println!("{a} {b} {c} {d}{e} {:?}", nested.1 .1);
    let mut pair = (10, String::from("ten"));
    pair.0 += 1;
    pair.1.push('!');
    println!("{pair:?}");
    let zeros = [0i64; 4];
    let mut squares = [0u32; 8];
    for i in 0..squares.len() {
        squares[i] = (i * i) as u32;
    }
    println!("{zeros:?} {squares:?} len {}", squares.len());
    let mut grid = [[0u8; SIZE]; SIZE];
    for (r, c) in [(1, 2), (2, 2), (3, 2), (0, 0)] {
        grid[r][c] = 1;
    }
    for r in 0..SIZE {
        let mut line = String::new();
        for c in 0..SIZE {
            line.push(if grid[r][c] == 1 { '#' } else { '.' });
            line.push_str(&neighbours(&grid, r, c).to_string());
            line.push(' ');
        }
        println!("{}", line.trim_end());
    }
    let copy = grid;
    grid[0][0] = 9;
    println!("copy unaffected: {} vs {}", copy[0][0], grid[0][0]);
    println!("arrays equal: {}", [1, 2, 3] == [1, 2, 3]);
}
