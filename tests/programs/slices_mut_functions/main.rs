// Functions over &[T] and &mut [T]: in-place algorithms, sub-slices of arrays and Vecs, swap.

fn bubble_sort(values: &mut [i32]) -> usize {
    let mut swaps = 0;
    for end in (1..values.len()).rev() {
        for i in 0..end {
            if values[i] > values[i + 1] {
                values.swap(i, i + 1);
                swaps += 1;
            }
        }
    }
    swaps
}

fn rotate_left_by_one(values: &mut [char]) {
    if values.is_empty() {
        return;
    }
    let first = values[0];
    for i in 1..values.len() {
        values[i - 1] = values[i];
    }
    let last = values.len() - 1;
    values[last] = first;
}

fn prefix_sums(values: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(values.len());
    let mut acc = 0;
    for v in values {
        acc += v;
        out.push(acc);
    }
    out
}

fn largest<'a>(values: &'a [String]) -> Option<&'a String> {
    let mut best: Option<&String> = None;
    for v in values {
        match best {
            Some(b) if b.len() >= v.len() => {}
            _ => best = Some(v),
        }
    }
    best
}

fn main() {
    let mut data = [9, -3, 7, 7, 0, 12, -8, 5];
    let swaps = bubble_sort(&mut data[2..]);
    println!("partially sorted {data:?} with {swaps} swaps");
    let swaps = bubble_sort(&mut data);
    println!("sorted {data:?} with {swaps} swaps");
    let low = &data[..3];
    let high = &data[3..];
    println!("low {low:?} high {high:?}");
    data[0] = data[4] * 10;
    for x in &mut data[4..] {
        *x = 1;
    }
    println!("after sub-slice writes {data:?}");
    let mut letters = ['r', 'u', 's', 't'];
    for _ in 0..3 {
        rotate_left_by_one(&mut letters);
        println!("{letters:?}");
    }
    rotate_left_by_one(&mut []);
    println!("{:?}", prefix_sums(&[1, 2, 3, 4, 5]));
    println!("{:?}", prefix_sums(&[]));
    let names = vec!["ann".to_string(), "bartholomew".to_string(), "cy".to_string(), "dominique".to_string()];
    println!("{:?} {:?}", largest(&names), largest(&names[..0]));
    let mut matrix = vec![vec![0i32; 4]; 3];
    for (r, row) in matrix.iter_mut().enumerate() {
        for (c, cell) in row.iter_mut().enumerate() {
            *cell = (r * 4 + c) as i32;
        }
    }
    let row: &mut Vec<i32> = &mut matrix[1];
    row.reverse();
    println!("{matrix:?}");
    println!("contains {} first {:?} last {:?}", data.contains(&1), data.first(), data.last());
}
