// Issue 4: sort_by, sort_by_key, sort_unstable, binary_search_by, chunks, concat, join, rev on slices.

#[derive(Debug, Clone)]
struct Employee {
    name: &'static str,
    dept: &'static str,
    salary: u32,
    age: u8,
}

fn main() {
    let mut staff = vec![
        Employee { name: "ana", dept: "eng", salary: 120, age: 31 },
        Employee { name: "ben", dept: "ops", salary: 90, age: 45 },
        Employee { name: "cai", dept: "eng", salary: 120, age: 28 },
        Employee { name: "dee", dept: "hr", salary: 75, age: 39 },
        Employee { name: "eli", dept: "ops", salary: 105, age: 23 },
    ];
    staff.sort_by_key(|e| e.age);
    println!("{:?}", staff.iter().map(|e| e.name).collect::<Vec<_>>());
    staff.sort_by(|a, b| b.salary.cmp(&a.salary).then_with(|| a.name.cmp(b.name)));
    println!("{:?}", staff.iter().map(|e| (e.name, e.salary)).collect::<Vec<_>>());
    staff.sort_by(|a, b| a.dept.cmp(b.dept).then(b.age.cmp(&a.age)));
    for e in &staff {
        println!("{:<4} {:<4} {:>4} {:>3}", e.dept, e.name, e.salary, e.age);
    }
    let mut numbers = vec![9, 4, 7, 1, 8, 2, 2, 6];
    numbers.sort_unstable();
    println!("{numbers:?} {:?}", numbers.binary_search_by(|probe| probe.cmp(&7)));
    numbers.sort_unstable_by(|a, b| b.cmp(a));
    println!("{numbers:?}");
    for chunk in numbers.chunks(3) {
        println!("chunk {chunk:?} sum {}", chunk.iter().sum::<i32>());
    }
    let nested = vec![vec![1, 2], vec![3], vec![4, 5, 6]];
    println!("{:?}", nested.concat());
    let words = vec![vec!["a", "b"], vec!["c"]];
    println!("{:?} {}", words.concat(), ["x", "y", "z"].join("+"));
    println!("{:?}", numbers.iter().rev().take(3).collect::<Vec<_>>());
    let mut by_len = vec!["ccc", "a", "bb", "dddd", "ee"];
    by_len.sort_by_key(|s| std::cmp::Reverse(s.len()));
    println!("{by_len:?}");
}
