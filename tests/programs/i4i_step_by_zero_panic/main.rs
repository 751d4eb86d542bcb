// Issue 4 (iterators): `step_by(0)` panics with std's assertion message (exit 101), after the output so far.

fn main() {
    let v: Vec<u32> = (1..=9).collect();
    let every_third: Vec<u32> = v.iter().copied().step_by(3).collect();
    println!("{every_third:?}");
    let step = every_third.len() - 3;
    println!("stepping by {step}");
    let broken: Vec<u32> = v.iter().copied().step_by(step).collect();
    println!("unreachable {broken:?}");
}
