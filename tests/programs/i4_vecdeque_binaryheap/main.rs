// Issue 4: VecDeque as a ring buffer / BFS queue, BinaryHeap as max-heap and min-heap with Reverse.
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

fn bfs_distances(adjacency: &[Vec<usize>], start: usize) -> Vec<Option<u32>> {
    let mut dist = vec![None; adjacency.len()];
    let mut queue = VecDeque::new();
    dist[start] = Some(0);
    queue.push_back(start);
    while let Some(node) = queue.pop_front() {
        let d = dist[node].unwrap();
        for &next in &adjacency[node] {
            if dist[next].is_none() {
                dist[next] = Some(d + 1);
                queue.push_back(next);
            }
        }
    }
    dist
}

fn main() {
    let mut ring: VecDeque<i32> = VecDeque::with_capacity(4);
    for i in 1..=6 {
        if ring.len() == 4 {
            ring.pop_front();
        }
        ring.push_back(i * 10);
    }
    ring.push_front(-1);
    println!("{ring:?} front {:?} back {:?} len {}", ring.front(), ring.back(), ring.len());
    ring.rotate_left(2);
    println!("rotated {ring:?} [1]={} contains 50 {}", ring[1], ring.contains(&50));
    let v: Vec<i32> = ring.iter().rev().copied().collect();
    println!("{v:?}");
    let graph = vec![vec![1, 2], vec![3], vec![3, 4], vec![5], vec![5], vec![], vec![0]];
    println!("{:?}", bfs_distances(&graph, 0));

    let mut heap = BinaryHeap::new();
    for x in [5, 1, 8, 3, 9, 2, 8] {
        heap.push(x);
    }
    println!("peek {:?} len {}", heap.peek(), heap.len());
    let mut out = Vec::new();
    while let Some(x) = heap.pop() {
        out.push(x);
    }
    println!("max order {out:?}");
    let mut min_heap: BinaryHeap<Reverse<(u32, &str)>> = BinaryHeap::new();
    for task in [(3, "write"), (1, "plan"), (2, "build"), (1, "coffee")] {
        min_heap.push(Reverse(task));
    }
    while let Some(Reverse((priority, name))) = min_heap.pop() {
        print!("{priority}:{name} ");
    }
    println!();
    let sorted = BinaryHeap::from(vec![4, 7, 1]).into_sorted_vec();
    println!("{sorted:?}");
}
