// Mandelbrot set as ASCII art (60x24), with iteration counts mapped to characters.

const WIDTH: usize = 60;
const HEIGHT: usize = 24;
const MAX_ITER: u32 = 200;

fn escape_time(cr: f64, ci: f64) -> u32 {
    let (mut zr, mut zi) = (0.0f64, 0.0f64);
    let mut n = 0;
    while n < MAX_ITER && zr * zr + zi * zi <= 4.0 {
        let next = zr * zr - zi * zi + cr;
        zi = 2.0 * zr * zi + ci;
        zr = next;
        n += 1;
    }
    n
}

fn main() {
    let palette = [' ', '.', ':', '-', '=', '+', '*', '#', '%', '@'];
    let mut inside = 0;
    let mut histogram = [0u32; 10];
    for row in 0..HEIGHT {
        let mut line = String::with_capacity(WIDTH);
        for col in 0..WIDTH {
            let cr = -2.2 + 3.0 * col as f64 / WIDTH as f64;
            let ci = -1.2 + 2.4 * row as f64 / HEIGHT as f64;
            let n = escape_time(cr, ci);
            let index = if n == MAX_ITER {
                inside += 1;
                9
            } else {
                (n as usize * 9 / MAX_ITER as usize).min(8)
            };
            histogram[index] += 1;
            line.push(palette[index]);
        }
        println!("{}", line.trim_end());
    }
    println!("inside: {inside} of {}", WIDTH * HEIGHT);
    println!("histogram: {histogram:?}");
}
