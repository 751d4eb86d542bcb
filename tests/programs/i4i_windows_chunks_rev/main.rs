// Issue 4 (iterators): slice views — windows, chunks (last one short), iter().rev(), rev().enumerate(),
// enumerate().rev(), rev() over ranges/skip/step_by, array map, slice patterns on windows.

fn main() {
    let temps = [12, 15, 11, 18, 21, 19, 25, 24];
    let rising = temps.windows(2).filter(|w| w[1] > w[0]).count();
    println!("rising {rising}");
    let avgs: Vec<f64> = temps.windows(3).map(|w| w.iter().sum::<i32>() as f64 / 3.0).collect();
    println!("{avgs:?}");
    for w in temps.windows(3) {
        if let [a, b, c] = w {
            if b > a && b > c {
                println!("peak {b} between {a} and {c}");
            }
        }
    }
    for (i, c) in temps.chunks(3).enumerate() {
        match c {
            [x, y, z] => println!("chunk {i}: full {x} {y} {z}"),
            [x, rest @ ..] => println!("chunk {i}: short starting {x}, {} more", rest.len()),
            [] => println!("empty"),
        }
    }
    println!("{:?}", temps.iter().rev().take(3).collect::<Vec<_>>());
    for (i, t) in temps.iter().rev().enumerate().skip(5) {
        println!("rev-enum {i}: {t}");
    }
    let idx_rev: Vec<(usize, &i32)> = temps.iter().enumerate().rev().take(2).collect();
    println!("{idx_rev:?}");
    println!("{:?}", (0..10).rev().step_by(3).collect::<Vec<_>>());
    println!("{:?}", (1..=5).rev().map(|x| x * x).collect::<Vec<_>>());
    println!("{:?}", temps.iter().skip(2).rev().copied().collect::<Vec<i32>>());
    let v: Vec<String> = vec!["a".into(), "b".into(), "c".into()];
    let back: Vec<String> = v.iter().rev().cloned().collect();
    println!("{back:?} last two {:?}", v.iter().rev().take(2).rev().collect::<Vec<_>>());
    let squares = [1, 2, 3, 4].map(|x| x * x);
    let labels = squares.map(|s| format!("<{s}>"));
    println!("{squares:?} {labels:?}");
    let mut grid = vec![vec![0u8; 4]; 3];
    for (r, row) in grid.iter_mut().enumerate() {
        for (c, cell) in row.iter_mut().enumerate() {
            *cell = (r * 4 + c) as u8;
        }
    }
    let flat: Vec<u8> = grid.concat();
    println!("{flat:?}");
    let sums: Vec<u32> = flat.chunks(5).map(|c| c.iter().map(|&b| b as u32).sum()).collect();
    println!("{sums:?}");
    let maxima: Vec<u8> = flat.windows(4).step_by(4).map(|w| *w.iter().max().unwrap()).collect();
    println!("{maxima:?}");
}
