// Issue 7: GcArray bounds checks panic with rustc's message ("index out of bounds: the len is 4 but the index is 4").
use wasm::GcArray;

fn moving_sum(values: &GcArray<i32>, window: usize) -> Vec<i32> {
    let mut out = Vec::new();
    for start in 0..values.len() {
        let mut sum = 0;
        for i in start..start + window {
            sum += values.get(i);
        }
        println!("window at {start}: {sum}");
        out.push(sum);
    }
    out
}

fn main() {
    let values = GcArray::from(vec![4, 8, 15, 16]);
    println!("try_get(4) {:?}", values.try_get(4));
    println!("{:?}", moving_sum(&values, 1));
    println!("{:?}", moving_sum(&values, 2));
}
