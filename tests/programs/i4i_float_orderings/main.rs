// Issue 4 (iterators): orderings of floats and mixed keys — min_by over enumerate with partial_cmp and
// unwrap_or(Equal), sort_by with then_with(total_cmp), mean/variance, Vec<Ordering>, binary_search_by,
// Ordering::cmp, partition_point.
use std::cmp::Ordering;
#[derive(Debug, Clone, PartialEq)]
struct Pt { x: f64, y: f64 }
fn closest(pts: &[Pt], to: &Pt) -> Option<usize> {
    pts.iter().enumerate().min_by(|(_, a), (_, b)| {
        let da = (a.x - to.x).hypot(a.y - to.y);
        let db = (b.x - to.x).hypot(b.y - to.y);
        da.partial_cmp(&db).unwrap_or(Ordering::Equal)
    }).map(|(i, _)| i)
}
fn main() {
    let pts = vec![Pt { x: 0.0, y: 0.0 }, Pt { x: 3.0, y: 4.0 }, Pt { x: 1.0, y: 1.0 }];
    println!("{:?}", closest(&pts, &Pt { x: 2.0, y: 2.0 }));
    let mut sorted = pts.clone();
    sorted.sort_by(|a, b| b.x.partial_cmp(&a.x).unwrap().then_with(|| a.y.total_cmp(&b.y)));
    println!("{:?}", sorted.iter().map(|p| p.x).collect::<Vec<_>>());
    let xs: Vec<f64> = pts.iter().map(|p| p.x).collect();
    let mean = xs.iter().sum::<f64>() / xs.len() as f64;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / xs.len() as f64;
    println!("{mean:.3} {var:.3}");
    let maxp = pts.iter().max_by(|a, b| a.y.partial_cmp(&b.y).unwrap());
    println!("{maxp:?}");
    let ord = [3, 1, 2].iter().map(|x| x.cmp(&2)).collect::<Vec<Ordering>>();
    println!("{ord:?}");
    let mut words = vec!["delta", "Alpha", "charlie", "Bravo"];
    words.sort_by_key(|w| w.to_lowercase());
    println!("{words:?}");
    words.sort_by(|a, b| a.len().cmp(&b.len()).reverse().then(a.cmp(b)));
    println!("{words:?}");
    let pos = words.binary_search_by(|w| w.len().cmp(&5).reverse());
    println!("{}", pos.is_ok());
    let cmp_chain = (1, "b").cmp(&(1, "a")).then(Ordering::Less);
    println!("{cmp_chain:?} {:?}", Ordering::Less.cmp(&Ordering::Greater));
    let v = vec![4, 8, 15, 16, 23, 42];
    let idx = v.partition_point(|&x| x < 16);
    println!("{idx}");
}
