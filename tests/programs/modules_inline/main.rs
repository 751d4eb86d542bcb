// Inline modules: nesting, `pub`, `pub(crate)`, `use` with self/super/crate paths, glob and renamed imports.

mod geometry {
    pub mod shapes {
        use super::units::Length;

        #[derive(Debug)]
        pub struct Square {
            pub side: Length,
            id: u32,
        }

        impl Square {
            pub fn new(side: f64, id: u32) -> Square {
                Square { side: Length(side), id }
            }

            pub fn area(&self) -> f64 {
                self.side.0 * self.side.0
            }

            pub fn id(&self) -> u32 {
                self.id
            }
        }

        pub(crate) fn unit() -> Square {
            Square::new(1.0, 0)
        }
    }

    pub mod units {
        #[derive(Debug, Clone, Copy)]
        pub struct Length(pub f64);

        pub const METERS_PER_FOOT: f64 = 0.3048;

        pub fn feet(meters: Length) -> f64 {
            meters.0 / METERS_PER_FOOT
        }
    }

    pub fn total_area(squares: &[shapes::Square]) -> f64 {
        let mut total = 0.0;
        for s in squares {
            total += s.area();
        }
        total
    }
}

mod text {
    pub fn shout(s: &str) -> String {
        format!("{}!", s.to_uppercase())
    }

    pub mod inner {
        pub fn whisper(s: &str) -> String {
            format!("({})", super::shout(s).to_lowercase())
        }

        pub fn from_root() -> f64 {
            crate::geometry::units::METERS_PER_FOOT
        }
    }
}

use geometry::shapes::{self, Square};
use geometry::units::*;
use text::inner::whisper as quietly;

fn main() {
    let squares = vec![Square::new(2.0, 1), Square::new(0.5, 2), shapes::unit()];
    for s in &squares {
        println!("square #{} side {:?} area {} ({:.3} ft)", s.id(), s.side, s.area(), feet(s.side));
    }
    println!("total area {}", geometry::total_area(&squares));
    println!("{} {}", text::shout("hello"), quietly("Hello"));
    println!("{} {}", text::inner::from_root(), METERS_PER_FOOT * 10.0);
    let l = Length(3.0);
    println!("{l:?} {}", squares[0].side.0 + l.0);
}
