// A small bank: accounts in a Vec, transactions as an enum, errors as Result, a Display report.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
enum TxError {
    UnknownAccount(u32),
    Insufficient { account: u32, needed: u64, available: u64 },
    Frozen(u32),
}
impl fmt::Display for TxError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            TxError::UnknownAccount(id) => write!(f, "no account #{id}"),
            TxError::Insufficient { account, needed, available } => {
                write!(f, "account #{account} needs {needed} but has {available}")
            }
            TxError::Frozen(id) => write!(f, "account #{id} is frozen"),
        }
    }
}

#[derive(Debug)]
enum Tx {
    Deposit(u32, u64),
    Withdraw(u32, u64),
    Transfer { from: u32, to: u32, amount: u64 },
    Freeze(u32),
}

struct Account {
    id: u32,
    owner: String,
    balance: u64,
    frozen: bool,
}
struct Bank {
    accounts: Vec<Account>,
}

impl Bank {
    fn find(&mut self, id: u32) -> Result<&mut Account, TxError> {
        for account in self.accounts.iter_mut() {
            if account.id == id {
                return if account.frozen { Err(TxError::Frozen(id)) } else { Ok(account) };
            }
        }
        Err(TxError::UnknownAccount(id))
    }

    fn withdraw(&mut self, id: u32, amount: u64) -> Result<(), TxError> {
        let account = self.find(id)?;
        if account.balance < amount {
            return Err(TxError::Insufficient { account: id, needed: amount, available: account.balance });
        }
        account.balance -= amount;
        Ok(())
    }

    fn apply(&mut self, tx: &Tx) -> Result<(), TxError> {
        match *tx {
            Tx::Deposit(id, amount) => {
                self.find(id)?.balance += amount;
                Ok(())
            }
            Tx::Withdraw(id, amount) => self.withdraw(id, amount),
            Tx::Transfer { from, to, amount } => {
                self.find(to)?;
                self.withdraw(from, amount)?;
                self.find(to)?.balance += amount;
                Ok(())
            }
            Tx::Freeze(id) => {
                self.find(id)?.frozen = true;
                Ok(())
            }
        }
    }
}

impl fmt::Display for Bank {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for a in &self.accounts {
            writeln!(f, "#{:<3} {:<8} {:>8}{}", a.id, a.owner, a.balance, if a.frozen { " (frozen)" } else { "" })?;
        }
        Ok(())
    }
}

fn main() {
    let mut bank = Bank {
        accounts: vec![
            Account { id: 1, owner: "ada".into(), balance: 500, frozen: false },
            Account { id: 2, owner: "grace".into(), balance: 20, frozen: false },
            Account { id: 3, owner: "linus".into(), balance: 0, frozen: false },
        ],
    };
    let txs = [
        Tx::Deposit(3, 75),
        Tx::Withdraw(2, 50),
        Tx::Transfer { from: 1, to: 2, amount: 200 },
        Tx::Transfer { from: 2, to: 9, amount: 1 },
        Tx::Freeze(3),
        Tx::Deposit(3, 1),
        Tx::Withdraw(1, 300),
        Tx::Withdraw(1, 1),
    ];
    let mut failures = 0;
    for tx in &txs {
        match bank.apply(tx) {
            Ok(()) => println!("ok     {tx:?}"),
            Err(e) => {
                failures += 1;
                println!("failed {tx:?}: {e}");
            }
        }
    }
    print!("{bank}");
    println!("{failures} failures; first error equal: {}", bank.apply(&txs[3]) == Err(TxError::UnknownAccount(9)));
}
