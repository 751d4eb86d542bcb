// Conway's Game of Life on a wrapping 12x12 grid of Vec<Vec<bool>>: a glider and a blinker for 8 generations.

const W: usize = 12;
const H: usize = 12;

fn step(grid: &Vec<Vec<bool>>) -> Vec<Vec<bool>> {
    let mut next = vec![vec![false; W]; H];
    for r in 0..H {
        for c in 0..W {
            let mut n = 0;
            for dr in [H - 1, 0, 1] {
                for dc in [W - 1, 0, 1] {
                    if (dr, dc) != (0, 0) && grid[(r + dr) % H][(c + dc) % W] {
                        n += 1;
                    }
                }
            }
            next[r][c] = matches!((grid[r][c], n), (true, 2) | (true, 3) | (false, 3));
        }
    }
    next
}

fn render(grid: &Vec<Vec<bool>>) -> String {
    let mut s = String::new();
    for row in grid {
        for &cell in row {
            s.push(if cell { '#' } else { '.' });
        }
        s.push('\n');
    }
    s
}

fn main() {
    let mut grid = vec![vec![false; W]; H];
    for (r, c) in [(0, 1), (1, 2), (2, 0), (2, 1), (2, 2), (6, 7), (6, 8), (6, 9)] {
        grid[r][c] = true;
    }
    for generation in 0..=8 {
        let mut alive = 0;
        for row in &grid {
            for &cell in row {
                if cell {
                    alive += 1;
                }
            }
        }
        if generation % 4 == 0 {
            println!("generation {generation} ({alive} alive):");
            print!("{}", render(&grid));
        } else {
            println!("generation {generation}: {alive} alive");
        }
        grid = step(&grid);
    }
}
