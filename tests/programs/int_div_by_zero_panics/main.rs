// Averages of groups; an empty group divides by zero, which panics in every profile.

struct Group {
    label: &'static str,
    values: Vec<i64>,
}

fn average(values: &[i64]) -> i64 {
    let mut total = 0;
    for v in values {
        total += v;
    }
    total / values.len() as i64
}

fn main() {
    let groups = vec![
        Group { label: "north", values: vec![3, 4, 5] },
        Group { label: "south", values: vec![10, -20] },
        Group { label: "east", values: vec![] },
        Group { label: "west", values: vec![1] },
    ];
    for (index, group) in groups.iter().enumerate() {
        println!("group {index} ({}): average {}", group.label, average(&group.values));
    }
}
