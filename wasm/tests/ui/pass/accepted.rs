//! What the attributes accept, compiled as a user crate would.

use wasm::{ExternRef, GcArray, GcBox, GcRc, GcString};

#[wasm::gc]
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

#[wasm::gc]
pub enum Tree<T> {
    Leaf(T),
    Node(Box<Tree<T>>, Box<Tree<T>>),
    Shared { cell: GcRc<Option<GcBox<Tree<T>>>> },
}

#[wasm::gc]
pub enum Never {}

/// `derive` before the attribute, a where clause, a const parameter and a `'static` lifetime.
#[derive(Clone)]
#[wasm::gc]
pub struct Buffer<T, const N: usize>
where
    T: Copy,
{
    pub items: [T; N],
    pub name: std::borrow::Cow<'static, str>,
    pub cell: std::cell::RefCell<Vec<GcRc<Point>>>,
}

#[wasm::gc]
pub struct Unit;

/// Fields and variants switched off by `cfg`.
#[wasm::gc]
pub struct Configured {
    #[cfg(any())]
    pub missing: *const u8,
    #[cfg(all())]
    pub present: GcRc<i32>,
}

#[wasm::gc]
pub enum ConfiguredEnum {
    #[cfg(any())]
    Missing { x: i32 },
    Present { #[cfg(all())] y: GcString },
}

#[wasm::export]
pub fn scalars(a: i8, b: i16, c: i32, d: i64, e: u8, f: u16, g: u32, h: u64, i: f32, j: f64, k: bool, l: char, m: usize, n: isize) -> i64 {
    let _ = (a, b, c, e, f, g, h, i, j, k, l, m, n);
    d
}

#[wasm::export(name = "makePoint")]
pub fn make_point(x: f64, y: f64) -> GcBox<Point> {
    GcBox::new(Point { x, y })
}

#[wasm::export]
pub fn references(s: GcString, a: GcArray<GcRc<Point>>, p: wasm::GcRc<Point>, h: ExternRef, t: Tree<i32>) -> GcArray<f64> {
    let _ = (s, p, h, t);
    a.iter().map(|p| p.borrow().x).collect()
}

#[wasm::export]
fn private_export() {}

#[wasm::export]
pub fn never_returns() -> ! {
    panic!("no")
}

#[wasm::r#async]
pub async fn later(x: i32) -> i32 {
    x + 1
}

#[wasm::export(name = "fetchLength")]
#[wasm::r#async]
pub async fn fetch_length(url: GcString) -> u32 {
    url.len() as u32
}

fn main() {
    assert_eq!(make_point(1.0, 2.0).y, 2.0);
    assert_eq!(scalars(0, 0, 0, 7, 0, 0, 0, 0, 0.0, 0.0, false, 'a', 0, 0), 7);
    let _ = later(1);
    let b: Buffer<u8, 4> = Buffer { items: [0; 4], name: "b".into(), cell: Default::default() };
    let shared = GcRc::new(b.clone());
    assert_eq!(shared.borrow().items, [0; 4]);
}
