// Issue 4: a recursive-descent calculator over a Peekable<Chars> tokenizer, with Result errors.
use std::iter::Peekable;
use std::str::Chars;

struct Parser<'a> {
    chars: Peekable<Chars<'a>>,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Self {
        Parser { chars: src.chars().peekable() }
    }

    fn skip_ws(&mut self) {
        while self.chars.peek().is_some_and(|c| c.is_whitespace()) {
            self.chars.next();
        }
    }

    fn number(&mut self) -> Result<f64, String> {
        self.skip_ws();
        let mut text = String::new();
        while let Some(&c) = self.chars.peek() {
            if c.is_ascii_digit() || c == '.' {
                text.push(c);
                self.chars.next();
            } else {
                break;
            }
        }
        if text.is_empty() {
            return match self.chars.peek() {
                Some('(') => {
                    self.chars.next();
                    let v = self.expr()?;
                    self.skip_ws();
                    match self.chars.next() {
                        Some(')') => Ok(v),
                        other => Err(format!("expected ')', found {other:?}")),
                    }
                }
                Some('-') => {
                    self.chars.next();
                    Ok(-self.number()?)
                }
                other => Err(format!("expected a number, found {other:?}")),
            };
        }
        text.parse::<f64>().map_err(|e| format!("{text}: {e}"))
    }

    fn term(&mut self) -> Result<f64, String> {
        let mut value = self.number()?;
        loop {
            self.skip_ws();
            match self.chars.peek() {
                Some('*') => {
                    self.chars.next();
                    value *= self.number()?;
                }
                Some('/') => {
                    self.chars.next();
                    value /= self.number()?;
                }
                _ => return Ok(value),
            }
        }
    }

    fn expr(&mut self) -> Result<f64, String> {
        let mut value = self.term()?;
        loop {
            self.skip_ws();
            match self.chars.peek() {
                Some('+') => {
                    self.chars.next();
                    value += self.term()?;
                }
                Some('-') => {
                    self.chars.next();
                    value -= self.term()?;
                }
                _ => return Ok(value),
            }
        }
    }
}

fn evaluate(src: &str) -> Result<f64, String> {
    let mut parser = Parser::new(src);
    let value = parser.expr()?;
    parser.skip_ws();
    match parser.chars.next() {
        None => Ok(value),
        Some(c) => Err(format!("trailing {c:?}")),
    }
}

fn main() {
    for src in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - -2", "2 * (3 + (4 - 1)) / 0.5", "1 +", "(2", "3 $ 4", "1.2.3", "0.1 + 0.2"] {
        match evaluate(src) {
            Ok(v) => println!("{src:<24} = {v}"),
            Err(e) => println!("{src:<24} ! {e}"),
        }
    }
}
