// Issue 4: trait objects with &mut dyn receivers (transfer between Box<dyn Account> via split_at_mut),
// error enums with Display, fold into a HashMap, Weak observers that die (upgrade → None), Debug
// escapes of str/char, width with multi-byte text, trim_*_matches.
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::rc::{Rc, Weak};

trait Account {
    fn id(&self) -> u32;
    fn balance(&self) -> i64;
    fn deposit(&mut self, amt: i64) -> Result<(), TxError>;
    fn withdraw(&mut self, amt: i64) -> Result<(), TxError>;
    fn kind(&self) -> &'static str { "generic" }
}

#[derive(Debug, PartialEq)]
enum TxError { Insufficient { need: i64, have: i64 }, Frozen(u32), Invalid }
impl fmt::Display for TxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TxError::Insufficient { need, have } => write!(f, "need {need}, have {have}"),
            TxError::Frozen(id) => write!(f, "account {id} is frozen"),
            TxError::Invalid => f.write_str("invalid amount"),
        }
    }
}

struct Checking { id: u32, bal: i64, overdraft: i64 }
struct Savings { id: u32, bal: i64, frozen: bool }

impl Account for Checking {
    fn id(&self) -> u32 { self.id }
    fn balance(&self) -> i64 { self.bal }
    fn deposit(&mut self, amt: i64) -> Result<(), TxError> { if amt <= 0 { return Err(TxError::Invalid); } self.bal += amt; Ok(()) }
    fn withdraw(&mut self, amt: i64) -> Result<(), TxError> {
        if self.bal + self.overdraft < amt { return Err(TxError::Insufficient { need: amt, have: self.bal + self.overdraft }); }
        self.bal -= amt; Ok(())
    }
    fn kind(&self) -> &'static str { "checking" }
}
impl Account for Savings {
    fn id(&self) -> u32 { self.id }
    fn balance(&self) -> i64 { self.bal }
    fn deposit(&mut self, amt: i64) -> Result<(), TxError> { if self.frozen { Err(TxError::Frozen(self.id)) } else { self.bal += amt; Ok(()) } }
    fn withdraw(&mut self, amt: i64) -> Result<(), TxError> { if self.frozen { return Err(TxError::Frozen(self.id)); } if amt > self.bal { Err(TxError::Insufficient { need: amt, have: self.bal }) } else { self.bal -= amt; Ok(()) } }
}

fn transfer(from: &mut dyn Account, to: &mut dyn Account, amt: i64) -> Result<(), TxError> {
    from.withdraw(amt)?;
    if let Err(e) = to.deposit(amt) { from.deposit(amt).expect("refund"); return Err(e); }
    Ok(())
}

struct Subject { observers: Vec<Weak<RefCell<Log>>> }
struct Log { name: String, lines: Vec<String> }
impl Subject {
    fn notify(&self, msg: &str) -> usize {
        let mut n = 0;
        for o in &self.observers { if let Some(o) = o.upgrade() { let name = o.borrow().name.clone(); o.borrow_mut().lines.push(format!("{name}: {msg}")); n += 1; } }
        n
    }
}

fn main() {
    let mut accts: Vec<Box<dyn Account>> = vec![
        Box::new(Checking { id: 1, bal: 100, overdraft: 50 }),
        Box::new(Savings { id: 2, bal: 500, frozen: false }),
        Box::new(Savings { id: 3, bal: 10, frozen: true }),
    ];
    let ops: [(usize, usize, i64); 4] = [(0, 1, 120), (1, 0, 1000), (1, 2, 5), (0, 1, -3)];
    for (a, b, amt) in ops {
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        let (left, right) = accts.split_at_mut(hi);
        let (x, y) = (&mut left[lo], &mut right[0]);
        let r = if a < b { transfer(x.as_mut(), y.as_mut(), amt) } else { transfer(y.as_mut(), x.as_mut(), amt) };
        match r { Ok(()) => println!("ok {a}->{b} {amt}"), Err(e) => println!("fail {a}->{b}: {e} / {e:?}") }
    }
    let summary: HashMap<&str, i64> = accts.iter().fold(HashMap::new(), |mut m, a| { *m.entry(a.kind()).or_insert(0) += a.balance(); m });
    let mut s: Vec<_> = summary.into_iter().collect();
    s.sort();
    println!("{:?} ids {:?}", s, accts.iter().map(|a| a.id()).collect::<Vec<_>>());
    let a = Rc::new(RefCell::new(Log { name: "A".into(), lines: vec![] }));
    let subj = {
        let b = Rc::new(RefCell::new(Log { name: "B".into(), lines: vec![] }));
        let s = Subject { observers: vec![Rc::downgrade(&a), Rc::downgrade(&b)] };
        println!("notified {}", s.notify("first"));
        s
    };
    println!("notified {}", subj.notify("second"));
    println!("{:?} weak {} strong {}", a.borrow().lines, Rc::weak_count(&a), Rc::strong_count(&a));
    let text = "Hello, World! It's 9:30 -- isn't it?";
    let words: Vec<String> = text.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).map(|w| w.trim_matches(|c: char| c.is_ascii_punctuation()).to_ascii_lowercase()).collect();
    println!("{:?}", words);
    println!("{:?} {:?} [{:>6}] [{:<4}]", "tab\there \"q\" \u{e9}\n", 'é', "añb", "日本");
    println!("{}", "xxabcxx".trim_start_matches('x').trim_end_matches("xx"));
}
