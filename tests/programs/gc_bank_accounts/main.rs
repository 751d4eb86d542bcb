// dependencies: wasm
//! Accounts as shared `GcRc` cells: an index by owner and a list of all accounts see the same balances.

use wasm::{GcRc, GcString};

#[wasm::gc]
#[derive(Debug)]
struct Account {
    owner: GcString,
    balance: i64,
    log: Vec<String>,
}

fn open(owner: &str, deposit: i64) -> GcRc<Account> {
    GcRc::new(Account { owner: GcString::from(owner), balance: deposit, log: vec![format!("open {deposit}")] })
}

fn transfer(from: &GcRc<Account>, to: &GcRc<Account>, amount: i64) -> Result<(), String> {
    if GcRc::ptr_eq(from, to) {
        return Err("same account".to_string());
    }
    if from.borrow().balance < amount {
        return Err(format!("{} has only {}", from.borrow().owner, from.borrow().balance));
    }
    from.borrow_mut().balance -= amount;
    to.borrow_mut().balance += amount;
    from.borrow_mut().log.push(format!("sent {amount} to {}", to.borrow().owner));
    to.borrow_mut().log.push(format!("got {amount} from {}", from.borrow().owner));
    Ok(())
}

fn find(all: &[GcRc<Account>], owner: &str) -> Option<GcRc<Account>> {
    for a in all.iter() {
        if a.borrow().owner == owner {
            return Some(a.clone());
        }
    }
    None
}

fn main() {
    let all = vec![open("ann", 100), open("bob", 50), open("cy", 0)];
    let moves = [("ann", "bob", 30), ("bob", "cy", 70), ("cy", "ann", 100), ("bob", "bob", 1), ("ann", "cy", 70)];
    for (from, to, amount) in moves {
        let a = find(&all, from).unwrap();
        let b = find(&all, to).unwrap();
        match transfer(&a, &b, amount) {
            Ok(()) => println!("{from} -> {to} {amount}: ok"),
            Err(e) => println!("{from} -> {to} {amount}: refused ({e})"),
        }
    }
    let mut total = 0;
    for a in all.iter() {
        let acc = a.borrow();
        total += acc.balance;
        println!("{}: {} {:?}", acc.owner, acc.balance, acc.log);
    }
    println!("total {total}");
    println!("{:?}", all[2]);
    println!("missing: {}", find(&all, "dan").is_none());
}
