// Issue 4: Dijkstra with BinaryHeap<Reverse<..>>, adjacency lists in a Vec, path reconstruction.
use std::cmp::Reverse;
use std::collections::BinaryHeap;

fn dijkstra(adj: &[Vec<(usize, u64)>], source: usize) -> (Vec<Option<u64>>, Vec<Option<usize>>) {
    let mut dist: Vec<Option<u64>> = vec![None; adj.len()];
    let mut prev = vec![None; adj.len()];
    let mut heap = BinaryHeap::new();
    dist[source] = Some(0);
    heap.push(Reverse((0u64, source)));
    while let Some(Reverse((d, u))) = heap.pop() {
        if dist[u].is_some_and(|best| d > best) {
            continue;
        }
        for &(v, w) in &adj[u] {
            let candidate = d + w;
            if dist[v].is_none_or(|current| candidate < current) {
                dist[v] = Some(candidate);
                prev[v] = Some(u);
                heap.push(Reverse((candidate, v)));
            }
        }
    }
    (dist, prev)
}

fn path(prev: &[Option<usize>], target: usize) -> Vec<usize> {
    let mut out = vec![target];
    let mut node = target;
    while let Some(p) = prev[node] {
        out.push(p);
        node = p;
    }
    out.reverse();
    out
}

fn main() {
    let edges = [(0, 1, 7), (0, 2, 9), (0, 5, 14), (1, 2, 10), (1, 3, 15), (2, 3, 11), (2, 5, 2), (3, 4, 6), (4, 5, 9)];
    let mut adj = vec![Vec::new(); 7];
    for (a, b, w) in edges {
        adj[a].push((b, w));
        adj[b].push((a, w));
    }
    let (dist, prev) = dijkstra(&adj, 0);
    for (node, d) in dist.iter().enumerate() {
        match d {
            Some(d) => println!("0 -> {node}: {d:>3} via {:?}", path(&prev, node)),
            None => println!("0 -> {node}: unreachable"),
        }
    }
}
