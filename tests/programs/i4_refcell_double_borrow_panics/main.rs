// Issue 4: RefCell's dynamic borrow check: a second mutable borrow panics with "already borrowed".
use std::cell::RefCell;
use std::rc::Rc;

struct Account {
    balance: RefCell<i64>,
}

fn transfer(from: &Account, to: &Account, amount: i64) {
    let mut source = from.balance.borrow_mut();
    let mut target = to.balance.borrow_mut();
    *source -= amount;
    *target += amount;
}

fn main() {
    let a = Rc::new(Account { balance: RefCell::new(100) });
    let b = Rc::new(Account { balance: RefCell::new(50) });
    transfer(&a, &b, 30);
    println!("a {} b {}", a.balance.borrow(), b.balance.borrow());
    let alias = Rc::clone(&a);
    println!("self transfer next");
    transfer(&a, &alias, 10);
    println!("unreachable");
}
