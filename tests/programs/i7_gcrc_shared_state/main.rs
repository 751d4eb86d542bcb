// Issue 7: GcRc<T> as shared mutable GC cells: aliasing through clone, get/set/replace/take, borrow_mut on
// a #[wasm::gc] struct, ptr_eq.
use wasm::{GcRc, GcString};

#[wasm::gc]
#[derive(Debug, Clone, PartialEq)]
struct Account {
    owner: GcString,
    balance: i64,
    history: Vec<i64>,
}

fn deposit(account: &GcRc<Account>, amount: i64) {
    let mut a = account.borrow_mut();
    a.balance += amount;
    a.history.push(amount);
}

fn main() {
    let counter = GcRc::new(0i64);
    let alias = counter.clone();
    for step in 1..=5 {
        alias.set(alias.get() + step);
    }
    println!("counter {} alias {} same {}", counter.get(), alias.get(), GcRc::ptr_eq(&counter, &alias));
    let old = counter.replace(100);
    println!("replaced {old} -> {}", alias.get());
    let separate = GcRc::new(100i64);
    println!("equal values, different cells: {}", GcRc::ptr_eq(&counter, &separate));
    let taken = counter.take();
    println!("taken {taken}, left {}", counter.get());

    let account = GcRc::new(Account { owner: GcString::from("ada"), balance: 0, history: Vec::new() });
    let shared = account.clone();
    deposit(&account, 50);
    deposit(&shared, -20);
    deposit(&account, 7);
    println!("{:?}", account.borrow());
    println!("owner {} balance {}", shared.borrow().owner, shared.borrow().balance);
    let snapshot = account.borrow().clone();
    deposit(&account, 1);
    println!("snapshot {} now {} equal {}", snapshot.balance, account.borrow().balance, snapshot == *account.borrow());
    let accounts = vec![account.clone(), GcRc::new(Account { owner: "bob".into(), balance: 5, history: vec![5] })];
    let total: i64 = accounts.iter().map(|a| a.borrow().balance).sum();
    println!("total {total}");
}
