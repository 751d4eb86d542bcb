// Issue 7: GcArray<T>: fixed-length shared arrays: new, len, get, set, fill, copy_from_slice, iter, to_vec, From<Vec>.
use wasm::GcArray;

struct Grid {
    width: usize,
    height: usize,
    cells: GcArray<u8>,
}

impl Grid {
    fn new(width: usize, height: usize) -> Grid {
        Grid { width, height, cells: GcArray::new(width * height, b'.') }
    }

    fn set(&self, x: usize, y: usize, c: u8) {
        self.cells.set(y * self.width + x, c);
    }

    fn render(&self) -> String {
        let mut out = String::new();
        for y in 0..self.height {
            for x in 0..self.width {
                out.push(self.cells.get(y * self.width + x) as char);
            }
            out.push('\n');
        }
        out
    }
}

fn main() {
    let grid = Grid::new(8, 4);
    for i in 0..4 {
        grid.set(i * 2, i, b'#');
        grid.set(7 - i, i, b'o');
    }
    print!("{}", grid.render());
    let view = grid.cells.clone();
    view.fill(b'-');
    println!("shared fill seen through the grid: {:?}", grid.render().lines().next());

    let numbers: GcArray<i32> = GcArray::from(vec![5, 3, 8, 1]);
    println!("len {} empty {} sum {}", numbers.len(), numbers.is_empty(), numbers.iter().sum::<i32>());
    numbers.copy_from_slice(&[10, 20, 30, 40]);
    numbers.set(2, numbers.get(2) * 10);
    println!("{:?} try_get(9) {:?}", numbers.to_vec(), numbers.try_get(9));
    let squares = GcArray::new(6, 0u64);
    for i in 0..squares.len() {
        squares.set(i, (i * i) as u64);
    }
    println!("{:?}", squares.iter().collect::<Vec<_>>());
    let empty: GcArray<f64> = GcArray::from(Vec::new());
    println!("empty len {} {:?}", empty.len(), empty.to_vec());
    let copy = GcArray::from(numbers.to_vec());
    println!("same array {} {} equal contents {}", GcArray::ptr_eq(&view, &grid.cells), GcArray::ptr_eq(&numbers, &copy), numbers.to_vec() == copy.to_vec());
}
