type Grid = Vec<Vec<u8>>;

fn main() {
    let g: Grid = vec![vec![0; 2]; 2];
    println!("{}", g.len());
}
