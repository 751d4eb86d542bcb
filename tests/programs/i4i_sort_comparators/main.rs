// Issue 4 (iterators): comparator-taking slice methods — sort_by / sort_by_key (stable), the
// sort_unstable family, Ordering::then / then_with / reverse, binary_search_by(_key), dedup_by(_key).
use std::cmp::Ordering;

#[derive(Debug, Clone)]
struct Task {
    name: String,
    priority: u8,
    cost: i64,
}

fn task(name: &str, priority: u8, cost: i64) -> Task {
    Task { name: name.to_string(), priority, cost }
}

fn main() {
    let mut tasks = vec![task("write", 2, 30), task("test", 1, 20), task("ship", 3, 5), task("plan", 1, 50), task("fix", 2, 30), task("demo", 3, 15)];
    // Stable: equal priorities keep their input order.
    tasks.sort_by_key(|t| t.priority);
    println!("{:?}", tasks.iter().map(|t| t.name.as_str()).collect::<Vec<_>>());
    tasks.sort_by(|a, b| b.cost.cmp(&a.cost).then_with(|| a.name.cmp(&b.name)));
    println!("{:?}", tasks.iter().map(|t| format!("{}:{}", t.name, t.cost)).collect::<Vec<_>>());
    tasks.sort_by(|a, b| a.priority.cmp(&b.priority).then(b.cost.cmp(&a.cost)).reverse());
    for t in &tasks {
        println!("{:>6} p{} c{}", t.name, t.priority, t.cost);
    }
    let mut names: Vec<&str> = tasks.iter().map(|t| t.name.as_str()).collect();
    names.sort_unstable_by(|a, b| a.len().cmp(&b.len()).then_with(|| b.cmp(a)));
    println!("{names:?}");
    names.sort_unstable_by_key(|s| s.chars().last());
    println!("{names:?}");
    names.sort_unstable();
    println!("{names:?}");

    // Ordering values: comparisons, match, methods.
    let pairs = [(1, 2), (2, 2), (3, 2)];
    for (a, b) in pairs {
        let o = a.cmp(&b);
        let word = match o {
            Ordering::Less => "less",
            Ordering::Equal => "equal",
            Ordering::Greater => "greater",
        };
        println!("{a} vs {b}: {o:?} {word} rev {:?} lt {} ge {} eq {}", o.reverse(), o.is_lt(), o.is_ge(), o == Ordering::Equal);
    }
    println!("{:?} {:?} {:?}", "apple".cmp("banana"), 'z'.cmp(&'a'), (1, "b").cmp(&(1, "a")));
    println!("{:?} {:?}", 1.5f64.partial_cmp(&0.5), f64::NAN.partial_cmp(&1.0));
    let mut floats = vec![2.5, -1.0, 9.75, 0.0, 3.25];
    floats.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("{floats:?}");
    floats.sort_by(|a, b| b.partial_cmp(a).unwrap());
    println!("{floats:?}");

    // binary_search_by / _by_key on a sorted Vec (same index among equal elements as std).
    let sorted = vec![1, 3, 3, 3, 5, 8, 13];
    for target in [0, 3, 4, 13, 20] {
        println!("search {target}: {:?}", sorted.binary_search_by(|probe| probe.cmp(&target)));
    }
    let by_cost = {
        let mut t = tasks.clone();
        t.sort_by_key(|t| t.cost);
        t
    };
    println!("cost 30 at {:?}, 31 at {:?}", by_cost.binary_search_by_key(&30, |t| t.cost), by_cost.binary_search_by_key(&31, |t| t.cost));
    let empty: Vec<i32> = Vec::new();
    println!("empty {:?}", empty.binary_search_by(|p| p.cmp(&1)));

    // dedup_by_key / dedup_by keep the first of each run.
    let mut runs = vec![10, 11, 12, 20, 25, 31, 30, 45];
    runs.dedup_by_key(|x| *x / 10);
    println!("{runs:?}");
    let mut words = vec!["apple", "Apple", "APPLE", "berry", "Berry", "cherry"];
    words.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    println!("{words:?}");
    let mut nums = vec![5, 1, 4, 2, 3, 8, 6];
    nums.retain(|&x| x % 2 == 0 || x > 4);
    nums.sort_by(|a, b| b.cmp(a));
    println!("{nums:?}");
    // Sorting a sub-slice in place.
    let mut arr = [9, 8, 7, 6, 5, 4];
    arr[1..5].sort_by_key(|&x| x);
    println!("{arr:?}");
}
