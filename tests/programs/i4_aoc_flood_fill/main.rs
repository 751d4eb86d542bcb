// Issue 4: an Advent-of-Code style puzzle: parse a grid, flood-fill basins with a VecDeque, top-3 product.
use std::collections::VecDeque;

const INPUT: &str = "\
2199943210
3987894921
9856789892
8767896789
9899965678";

fn main() {
    let grid: Vec<Vec<u8>> = INPUT.lines().map(|l| l.bytes().map(|b| b - b'0').collect()).collect();
    let (h, w) = (grid.len(), grid[0].len());
    let neighbours = |r: usize, c: usize| {
        let mut out = Vec::new();
        if r > 0 { out.push((r - 1, c)); }
        if r + 1 < h { out.push((r + 1, c)); }
        if c > 0 { out.push((r, c - 1)); }
        if c + 1 < w { out.push((r, c + 1)); }
        out
    };
    let mut low_points = Vec::new();
    for r in 0..h {
        for c in 0..w {
            if neighbours(r, c).iter().all(|&(nr, nc)| grid[nr][nc] > grid[r][c]) {
                low_points.push((r, c));
            }
        }
    }
    let risk: u32 = low_points.iter().map(|&(r, c)| grid[r][c] as u32 + 1).sum();
    println!("low points {low_points:?} risk {risk}");
    let mut seen = vec![vec![false; w]; h];
    let mut sizes = Vec::new();
    for &(r, c) in &low_points {
        let mut queue = VecDeque::from([(r, c)]);
        seen[r][c] = true;
        let mut size = 0;
        while let Some((r, c)) = queue.pop_front() {
            size += 1;
            for (nr, nc) in neighbours(r, c) {
                if !seen[nr][nc] && grid[nr][nc] != 9 {
                    seen[nr][nc] = true;
                    queue.push_back((nr, nc));
                }
            }
        }
        sizes.push(size);
    }
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    println!("basins {sizes:?} product of top 3: {}", sizes.iter().take(3).product::<usize>());
}
