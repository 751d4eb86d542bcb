// Issue 4 (collections): BTreeMap/BTreeSet under a long deterministic pseudo-random mix of insert,
// overwrite, remove, lookup, entry, range, first/last, pop_first/pop_last and iteration, checked against a
// sorted Vec model; prints digests so any divergence from Rust's ordering shows up.
use std::collections::{BTreeMap, BTreeSet};

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn search(model: &[(u32, u64)], k: u32) -> Result<usize, usize> {
    let (mut lo, mut hi) = (0, model.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if model[mid].0 == k {
            return Ok(mid);
        }
        if model[mid].0 < k {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Err(lo)
}

fn model_insert(model: &mut Vec<(u32, u64)>, k: u32, v: u64) -> Option<u64> {
    match search(model, k) {
        Ok(i) => {
            let old = model[i].1;
            model[i].1 = v;
            Some(old)
        }
        Err(i) => {
            model.insert(i, (k, v));
            None
        }
    }
}

fn main() {
    let mut rng = Lcg(42);
    let mut map: BTreeMap<u32, u64> = BTreeMap::new();
    let mut model: Vec<(u32, u64)> = Vec::new();
    let mut digest = 0u64;
    let mut mismatches = 0;
    for step in 0..6000u64 {
        let k = (rng.next() % 900) as u32;
        match rng.next() % 10 {
            0..=3 => {
                let a = map.insert(k, step);
                let b = model_insert(&mut model, k, step);
                if a != b {
                    mismatches += 1;
                }
            }
            4 => {
                let a = map.remove(&k);
                let b = match search(&model, k) {
                    Ok(i) => Some(model.remove(i).1),
                    Err(_) => None,
                };
                if a != b {
                    mismatches += 1;
                }
            }
            5 => {
                *map.entry(k).or_insert(0) += 1;
                let cur = search(&model, k).map(|i| model[i].1).unwrap_or(0);
                model_insert(&mut model, k, cur + 1);
            }
            6 => {
                let lo = k;
                let hi = k + 50;
                let a: Vec<(u32, u64)> = map.range(lo..hi).map(|(a, b)| (*a, *b)).collect();
                let b: Vec<(u32, u64)> = model.iter().filter(|(x, _)| *x >= lo && *x < hi).copied().collect();
                if a != b {
                    mismatches += 1;
                }
                digest = digest.wrapping_mul(31).wrapping_add(a.len() as u64);
            }
            7 => {
                let a = if step % 2 == 0 { map.pop_first() } else { map.pop_last() };
                let b = if model.is_empty() {
                    None
                } else if step % 2 == 0 {
                    Some(model.remove(0))
                } else {
                    model.pop()
                };
                if a != b {
                    mismatches += 1;
                }
            }
            8 => {
                let a = (map.first_key_value().map(|(a, b)| (*a, *b)), map.last_key_value().map(|(a, b)| (*a, *b)), map.get(&k).copied(), map.contains_key(&(k + 1)));
                let b = (model.first().copied(), model.last().copied(), search(&model, k).ok().map(|i| model[i].1), search(&model, k + 1).is_ok());
                if a != b {
                    mismatches += 1;
                }
            }
            _ => {
                let a: Vec<u32> = map.keys().copied().collect();
                let b: Vec<u32> = model.iter().map(|p| p.0).collect();
                if a != b || map.len() != model.len() {
                    mismatches += 1;
                }
                digest = digest.wrapping_mul(131).wrapping_add(a.iter().map(|&x| x as u64).sum::<u64>());
            }
        }
    }
    println!("len {} model {} mismatches {} digest {}", map.len(), model.len(), mismatches, digest);
    let mut set: BTreeSet<(u8, i16)> = BTreeSet::new();
    for i in 0..3000 {
        let x = ((rng.next() % 7) as u8, (rng.next() % 200) as i16 - 100);
        if i % 5 == 4 {
            set.remove(&x);
        } else {
            set.insert(x);
        }
    }
    let v: Vec<&(u8, i16)> = set.iter().collect();
    println!("set {} first {:?} last {:?} sorted {}", set.len(), set.first(), set.last(), v.windows(2).all(|w| w[0] < w[1]));
    let small: BTreeSet<(u8, i16)> = set.iter().filter(|p| p.1 > 95).cloned().collect();
    println!("{:?}", small);
}
