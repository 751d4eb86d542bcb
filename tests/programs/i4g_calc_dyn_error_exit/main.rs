// Issue 4: a tokenizer (user Iterator over Peekable<Chars>) and a recursive-descent calculator;
// errors as Box<dyn std::error::Error>: Box::new(e), "msg".into(), ? from ParseIntError and user errors,
// collect::<Result<Vec<_>, _>>(); main returns the last Err: `Error: {:?}` on stderr, exit code 1.
use std::error::Error;
use std::fmt;
use std::iter::Peekable;
use std::str::Chars;

#[derive(Debug, Clone, PartialEq)]
enum Tok { Num(f64), Op(char), LParen, RParen }

#[derive(Debug)]
enum Expr { Num(f64), Bin(Box<Expr>, char, Box<Expr>), Neg(Box<Expr>) }

#[derive(Debug)]
struct CalcError { msg: String, pos: usize }
impl fmt::Display for CalcError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "{} at {}", self.msg, self.pos) }
}
impl Error for CalcError {}

struct Lexer<'a> { chars: Peekable<Chars<'a>>, pos: usize }

impl<'a> Lexer<'a> {
    fn new(s: &'a str) -> Self { Lexer { chars: s.chars().peekable(), pos: 0 } }
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Result<Tok, CalcError>;
    fn next(&mut self) -> Option<Self::Item> {
        while let Some(&c) = self.chars.peek() {
            if c.is_whitespace() { self.chars.next(); self.pos += 1; } else { break; }
        }
        let c = self.chars.next()?;
        self.pos += 1;
        Some(match c {
            '0'..='9' | '.' => {
                let mut s = c.to_string();
                while let Some(&d) = self.chars.peek() {
                    if d.is_ascii_digit() || d == '.' { s.push(d); self.chars.next(); self.pos += 1; } else { break; }
                }
                s.parse::<f64>().map(Tok::Num).map_err(|e| CalcError { msg: e.to_string(), pos: self.pos })
            }
            '+' | '-' | '*' | '/' => Ok(Tok::Op(c)),
            '(' => Ok(Tok::LParen),
            ')' => Ok(Tok::RParen),
            other => Err(CalcError { msg: format!("unexpected {other:?}"), pos: self.pos }),
        })
    }
}

struct Parser { toks: Vec<Tok>, i: usize }
impl Parser {
    fn peek(&self) -> Option<&Tok> { self.toks.get(self.i) }
    fn bump(&mut self) -> Option<Tok> { let t = self.toks.get(self.i).cloned(); self.i += 1; t }
    fn expr(&mut self) -> Result<Expr, CalcError> {
        let mut lhs = self.term()?;
        while let Some(Tok::Op(o)) = self.peek().cloned() {
            if o != '+' && o != '-' { break; }
            self.bump();
            let rhs = self.term()?;
            lhs = Expr::Bin(Box::new(lhs), o, Box::new(rhs));
        }
        Ok(lhs)
    }
    fn term(&mut self) -> Result<Expr, CalcError> {
        let mut lhs = self.atom()?;
        while matches!(self.peek(), Some(Tok::Op('*' | '/'))) {
            let Some(Tok::Op(o)) = self.bump() else { unreachable!() };
            let rhs = self.atom()?;
            lhs = Expr::Bin(Box::new(lhs), o, Box::new(rhs));
        }
        Ok(lhs)
    }
    fn atom(&mut self) -> Result<Expr, CalcError> {
        match self.bump() {
            Some(Tok::Num(n)) => Ok(Expr::Num(n)),
            Some(Tok::Op('-')) => Ok(Expr::Neg(Box::new(self.atom()?))),
            Some(Tok::LParen) => { let e = self.expr()?; match self.bump() { Some(Tok::RParen) => Ok(e), _ => Err(CalcError { msg: "expected )".into(), pos: self.i }) } }
            t => Err(CalcError { msg: format!("unexpected token {:?}", t), pos: self.i }),
        }
    }
}

fn eval(e: &Expr) -> f64 {
    match e {
        Expr::Num(n) => *n,
        Expr::Neg(x) => -eval(x),
        Expr::Bin(a, op, b) => { let (x, y) = (eval(a), eval(b)); match op { '+' => x + y, '-' => x - y, '*' => x * y, _ => x / y } }
    }
}

fn calc(s: &str) -> Result<f64, Box<dyn Error>> {
    let toks = Lexer::new(s).collect::<Result<Vec<_>, _>>()?;
    let mut p = Parser { toks, i: 0 };
    let e = p.expr()?;
    if p.i < p.toks.len() { return Err(Box::new(CalcError { msg: "trailing input".into(), pos: p.i })); }
    Ok(eval(&e))
}

fn main() -> Result<(), Box<dyn Error>> {
    for s in ["1 + 2 * 3", "(1 + 2) * 3", "-4 / (2 - 4)", "2 * (3 + ", "7 % 2", "1.5.2 + 1", "10 / 4 - 0.5"] {
        match calc(s) { Ok(v) => println!("{s} = {v}"), Err(e) => println!("{s}: error: {e}") }
    }
    let n: i32 = "42".parse()?;
    println!("parsed {n}");
    let bad: Result<i32, _> = "x".parse::<i32>();
    if let Err(e) = &bad { println!("{e}"); }
    calc("(")?;
    Ok(())
}
