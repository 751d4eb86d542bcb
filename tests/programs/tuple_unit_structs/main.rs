// Tuple structs, newtypes and unit structs; field access by index, destructuring.

#[derive(Debug, Clone, Copy, PartialEq)]
struct Rgb(u8, u8, u8);

#[derive(Debug, Clone, Copy, PartialEq)]
struct Celsius(f64);

#[derive(Debug, Clone, Copy, PartialEq)]
struct Fahrenheit(f64);

#[derive(Debug, Clone, Copy, PartialEq)]
struct Marker;

impl Rgb {
    fn hex(&self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    fn grey(self) -> Rgb {
        let Rgb(r, g, b) = self;
        let avg = ((r as u32 + g as u32 + b as u32) / 3) as u8;
        Rgb(avg, avg, avg)
    }
}

impl Celsius {
    fn to_fahrenheit(self) -> Fahrenheit {
        Fahrenheit(self.0 * 9.0 / 5.0 + 32.0)
    }
}

impl Marker {
    fn label(&self) -> &'static str {
        "marker"
    }
}

fn main() {
    let colors = [Rgb(255, 0, 0), Rgb(18, 52, 86), Rgb(200, 200, 200)];
    for c in colors {
        println!("{c:?} {} grey {:?}", c.hex(), c.grey());
    }
    let mut c = colors[1];
    c.0 = c.0.wrapping_add(250);
    c.2 /= 2;
    println!("modified {:?} equal to original: {}", c, c == colors[1]);
    for t in [Celsius(-40.0), Celsius(37.0), Celsius(100.0)] {
        let Fahrenheit(f) = t.to_fahrenheit();
        println!("{:?} -> {f}", t);
    }
    let m = Marker;
    println!("{:?} {} {}", m, m.label(), m == Marker);
    let pair = (Celsius(1.5), Marker);
    let (Celsius(inner), _) = pair;
    println!("inner {inner}");
}
