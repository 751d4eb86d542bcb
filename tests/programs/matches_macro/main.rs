// matches! with alternatives, ranges and guards, used in filters and conditions.

#[derive(Debug)]
enum Token {
    Number(f64),
    Plus,
    Minus,
    Star,
    Slash,
    LParen,
    RParen,
    Ident(String),
}

fn text_of(chars: &[char]) -> String {
    let mut text = String::new();
    for c in chars {
        text.push(*c);
    }
    text
}

fn tokenize(src: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = Vec::new();
    for c in src.chars() {
        chars.push(c);
    }
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '0'..='9' | '.') {
            let start = i;
            while i < chars.len() && matches!(chars[i], '0'..='9' | '.') {
                i += 1;
            }
            out.push(Token::Number(text_of(&chars[start..i]).parse().unwrap_or(0.0)));
            continue;
        }
        if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
            out.push(Token::Ident(text_of(&chars[start..i])));
            continue;
        }
        match c {
            '+' => out.push(Token::Plus),
            '-' => out.push(Token::Minus),
            '*' => out.push(Token::Star),
            '/' => out.push(Token::Slash),
            '(' => out.push(Token::LParen),
            ')' => out.push(Token::RParen),
            _ => {}
        }
        i += 1;
    }
    out
}

fn main() {
    let tokens = tokenize("3.5 * (x1 + 42) - y / 2");
    println!("{tokens:?}");
    let mut operators = 0;
    let mut big_numbers = 0;
    let mut parens = 0;
    for t in &tokens {
        if matches!(t, Token::Plus | Token::Minus | Token::Star | Token::Slash) {
            operators += 1;
        }
        if matches!(t, Token::Number(n) if *n > 3.0) {
            big_numbers += 1;
        }
        if matches!(t, Token::LParen | Token::RParen) {
            parens += 1;
        }
    }
    println!("operators {operators} big numbers {big_numbers} parens {parens}");
    let mut named_x = false;
    for t in &tokens {
        named_x |= matches!(t, Token::Ident(name) if name.starts_with('x'));
    }
    println!("has x-identifier {named_x}");
    for n in [0u8, 7, 13, 200] {
        println!("{n}: teen {} single digit {}", matches!(n, 13..=19), matches!(n, 0..=9));
    }
    println!("{}", matches!(Some(3), Some(x) if x > 2));
    println!("{}", matches!(None::<i32>, Some(_)));
}
