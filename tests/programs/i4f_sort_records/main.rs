// Issue 4: sorting and searching records with derived Ord: Vec<struct>, Vec<(enum, struct)>,
// arrays of tuples, dedup after sort, binary_search, contains, iterator max/min over user types,
// std::cmp::max/min, and ranking by an Ordering computed with then/then_with/reverse.
use std::cmp::{self, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Dept {
    Eng,
    Ops,
    Sales,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Employee {
    dept: Dept,
    level: u8,
    name: String,
}

mod signs {
    use std::cmp::Ordering;
    use std::cmp::Ordering::*;

    /// Variants imported by a glob.
    pub fn sign(o: Ordering) -> i32 {
        match o {
            Less => -1,
            Equal => 0,
            Greater => 1,
        }
    }
}

fn emp(dept: Dept, level: u8, name: &str) -> Employee {
    Employee { dept, level, name: name.to_string() }
}

fn rank(a: &Employee, b: &Employee) -> Ordering {
    b.level.cmp(&a.level).then(a.name.cmp(&b.name)).then_with(|| a.dept.cmp(&b.dept))
}

fn main() {
    let mut staff = vec![
        emp(Dept::Sales, 2, "Uma"),
        emp(Dept::Eng, 3, "Ana"),
        emp(Dept::Ops, 1, "Bo"),
        emp(Dept::Eng, 1, "Cy"),
        emp(Dept::Eng, 3, "Ana"),
        emp(Dept::Sales, 2, "Ted"),
        emp(Dept::Eng, 2, "Dee"),
    ];
    staff.sort();
    for e in &staff {
        println!("{:?} {} {}", e.dept, e.level, e.name);
    }
    staff.dedup();
    println!("{} unique", staff.len());
    let probe = emp(Dept::Eng, 2, "Dee");
    println!("{:?} {:?}", staff.binary_search(&probe), staff.binary_search(&emp(Dept::Ops, 0, "Zed")));
    println!("{}", staff.contains(&emp(Dept::Sales, 2, "Ted")));
    println!("{:?}", staff.iter().max().map(|e| &e.name));
    println!("{:?}", staff.iter().min().map(|e| e.dept));
    let top = staff.iter().fold(None, |best: Option<&Employee>, e| match best {
        Some(b) if rank(b, e) != Ordering::Greater => Some(b),
        _ => Some(e),
    });
    println!("top {:?}", top.map(|e| e.name.clone()));
    let mut ranks: Vec<(Ordering, String)> = staff.iter().map(|e| (rank(e, &staff[0]), e.name.clone())).collect();
    ranks.sort();
    println!("{ranks:?}");
    let mut keyed: Vec<(Dept, Employee)> = staff.iter().map(|e| (e.dept, e.clone())).rev().collect();
    keyed.sort_unstable();
    println!("{:?}", keyed.iter().map(|(d, e)| format!("{d:?}:{}", e.name)).collect::<Vec<_>>());
    let mut grid = [(2, Dept::Ops), (1, Dept::Sales), (2, Dept::Eng), (1, Dept::Eng)];
    grid.sort();
    println!("{grid:?}");
    println!("{:?} {:?}", cmp::max(Dept::Eng, Dept::Ops), cmp::min(emp(Dept::Ops, 1, "x"), emp(Dept::Ops, 1, "a")).name);
    println!("{} {}", cmp::max(3, 9), cmp::min("pear", "apple"));
    let by_level_desc = {
        let mut v = staff.clone();
        v.sort();
        v.reverse();
        v.into_iter().map(|e| e.level).collect::<Vec<_>>()
    };
    println!("{by_level_desc:?}");
    println!("{:?}", Dept::Eng.cmp(&Dept::Sales).reverse());
    println!("{} {} {}", signs::sign(Dept::Ops.cmp(&Dept::Eng)), signs::sign(2.cmp(&2)), Ordering::Less as i32);
}
