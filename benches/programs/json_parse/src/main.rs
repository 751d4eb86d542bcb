//! JSON-style parser: generates a deterministic document of n records, tokenizes it, parses it
//! into a tree of enums, walks the tree for statistics and serialises it back (round trip).
//! Exercises strings, enums, Vec growth and recursion. Argument: n records (default 100).

struct Rng {
    state: u32,
}

impl Rng {
    fn next(&mut self) -> u32 {
        // Numerical Recipes LCG; the upper bits are the well-mixed ones.
        self.state = self.state.wrapping_mul(1664525).wrapping_add(1013904223);
        self.state >> 8
    }
    fn below(&mut self, bound: u32) -> u32 {
        self.next() % bound
    }
}

const WORDS: [&str; 12] = [
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu",
];

fn push_word_string(out: &mut String, rng: &mut Rng) {
    out.push('"');
    let words = 1 + rng.below(4);
    let mut i = 0;
    while i < words {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(WORDS[rng.below(12) as usize]);
        i += 1;
    }
    match rng.below(8) {
        0 => out.push_str("\\\"quoted\\\""),
        1 => out.push_str("\\\\path"),
        2 => out.push_str("\\nline"),
        3 => out.push_str("\\u0041"),
        _ => {}
    }
    out.push('"');
}

fn push_int(out: &mut String, rng: &mut Rng) {
    let magnitude = rng.below(1000000) as i64;
    let value = if rng.below(4) == 0 { -magnitude } else { magnitude };
    out.push_str(&value.to_string());
}

fn generate(records: u32, seed: u32) -> String {
    let mut rng = Rng { state: seed };
    let mut out = String::new();
    out.push_str("[\n");
    let mut r = 0;
    while r < records {
        if r > 0 {
            out.push_str(",\n");
        }
        out.push_str("  {\"id\": ");
        out.push_str(&r.to_string());
        out.push_str(", \"name\": ");
        push_word_string(&mut out, &mut rng);
        out.push_str(", \"active\": ");
        out.push_str(if rng.below(2) == 0 { "true" } else { "false" });
        out.push_str(", \"score\": ");
        push_int(&mut out, &mut rng);
        out.push_str(", \"tags\": [");
        let tags = rng.below(5);
        let mut t = 0;
        while t < tags {
            if t > 0 {
                out.push_str(", ");
            }
            push_word_string(&mut out, &mut rng);
            t += 1;
        }
        out.push_str("], \"nested\": {\"x\": ");
        push_int(&mut out, &mut rng);
        out.push_str(", \"ys\": [");
        let ys = rng.below(8);
        let mut y = 0;
        while y < ys {
            if y > 0 {
                out.push(',');
            }
            push_int(&mut out, &mut rng);
            y += 1;
        }
        out.push_str("], \"note\": ");
        if rng.below(3) == 0 {
            out.push_str("null");
        } else {
            push_word_string(&mut out, &mut rng);
        }
        out.push_str("}}");
        r += 1;
    }
    out.push_str("\n]\n");
    out
}

enum Token {
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    Colon,
    Comma,
    Str(String),
    Num(i64),
    True,
    False,
    Null,
}

fn hex_value(b: u8) -> Result<u32, String> {
    match b {
        b'0'..=b'9' => Ok((b - b'0') as u32),
        b'a'..=b'f' => Ok((b - b'a' + 10) as u32),
        b'A'..=b'F' => Ok((b - b'A' + 10) as u32),
        _ => Err(format!("bad hex digit {}", b)),
    }
}

fn expect_word(bytes: &[u8], pos: usize, word: &str) -> Result<usize, String> {
    let w = word.as_bytes();
    if pos + w.len() <= bytes.len() && &bytes[pos..pos + w.len()] == w {
        Ok(pos + w.len())
    } else {
        Err(format!("expected {} at byte {}", word, pos))
    }
}

fn tokenize(text: &str) -> Result<Vec<Token>, String> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut pos = 0;
    while pos < bytes.len() {
        let b = bytes[pos];
        match b {
            b' ' | b'\n' | b'\t' | b'\r' => pos += 1,
            b'{' => {
                tokens.push(Token::LBrace);
                pos += 1;
            }
            b'}' => {
                tokens.push(Token::RBrace);
                pos += 1;
            }
            b'[' => {
                tokens.push(Token::LBracket);
                pos += 1;
            }
            b']' => {
                tokens.push(Token::RBracket);
                pos += 1;
            }
            b':' => {
                tokens.push(Token::Colon);
                pos += 1;
            }
            b',' => {
                tokens.push(Token::Comma);
                pos += 1;
            }
            b'"' => {
                pos += 1;
                let mut s = String::new();
                loop {
                    if pos >= bytes.len() {
                        return Err(String::from("unterminated string"));
                    }
                    let c = bytes[pos];
                    if c == b'"' {
                        pos += 1;
                        break;
                    }
                    if c == b'\\' {
                        if pos + 1 >= bytes.len() {
                            return Err(String::from("unterminated escape"));
                        }
                        let e = bytes[pos + 1];
                        pos += 2;
                        match e {
                            b'"' => s.push('"'),
                            b'\\' => s.push('\\'),
                            b'/' => s.push('/'),
                            b'n' => s.push('\n'),
                            b't' => s.push('\t'),
                            b'r' => s.push('\r'),
                            b'u' => {
                                if pos + 4 > bytes.len() {
                                    return Err(String::from("short \\u escape"));
                                }
                                let mut code = 0;
                                let mut k = 0;
                                while k < 4 {
                                    code = code * 16 + hex_value(bytes[pos + k])?;
                                    k += 1;
                                }
                                pos += 4;
                                match char::from_u32(code) {
                                    Some(ch) => s.push(ch),
                                    None => return Err(format!("bad code point {}", code)),
                                }
                            }
                            _ => return Err(format!("bad escape at byte {}", pos)),
                        }
                    } else {
                        s.push(c as char);
                        pos += 1;
                    }
                }
                tokens.push(Token::Str(s));
            }
            b'-' | b'0'..=b'9' => {
                let negative = b == b'-';
                if negative {
                    pos += 1;
                }
                let start = pos;
                let mut value: i64 = 0;
                while pos < bytes.len() && bytes[pos] >= b'0' && bytes[pos] <= b'9' {
                    value = value * 10 + (bytes[pos] - b'0') as i64;
                    pos += 1;
                }
                if pos == start {
                    return Err(format!("bad number at byte {}", start));
                }
                tokens.push(Token::Num(if negative { -value } else { value }));
            }
            b't' => {
                pos = expect_word(bytes, pos, "true")?;
                tokens.push(Token::True);
            }
            b'f' => {
                pos = expect_word(bytes, pos, "false")?;
                tokens.push(Token::False);
            }
            b'n' => {
                pos = expect_word(bytes, pos, "null")?;
                tokens.push(Token::Null);
            }
            _ => return Err(format!("unexpected byte {} at {}", b, pos)),
        }
    }
    Ok(tokens)
}

enum Value {
    Null,
    Bool(bool),
    Num(i64),
    Str(String),
    Arr(Vec<Value>),
    Obj(Vec<Member>),
}

struct Member {
    key: String,
    value: Value,
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
}

impl Parser {
    fn parse_value(&mut self) -> Result<Value, String> {
        if self.pos >= self.tokens.len() {
            return Err(String::from("unexpected end of input"));
        }
        let at = self.pos;
        self.pos += 1;
        match &self.tokens[at] {
            Token::Null => Ok(Value::Null),
            Token::True => Ok(Value::Bool(true)),
            Token::False => Ok(Value::Bool(false)),
            Token::Num(n) => Ok(Value::Num(*n)),
            Token::Str(s) => Ok(Value::Str(s.clone())),
            Token::LBracket => self.parse_array(),
            Token::LBrace => self.parse_object(),
            _ => Err(format!("unexpected token at {}", at)),
        }
    }

    fn parse_array(&mut self) -> Result<Value, String> {
        let mut items = Vec::new();
        if self.peek_is(&Token::RBracket) {
            self.pos += 1;
            return Ok(Value::Arr(items));
        }
        loop {
            items.push(self.parse_value()?);
            if self.peek_is(&Token::Comma) {
                self.pos += 1;
            } else if self.peek_is(&Token::RBracket) {
                self.pos += 1;
                return Ok(Value::Arr(items));
            } else {
                return Err(format!("expected , or ] at token {}", self.pos));
            }
        }
    }

    fn parse_object(&mut self) -> Result<Value, String> {
        let mut members = Vec::new();
        if self.peek_is(&Token::RBrace) {
            self.pos += 1;
            return Ok(Value::Obj(members));
        }
        loop {
            let key = match self.tokens.get(self.pos) {
                Some(Token::Str(s)) => s.clone(),
                _ => return Err(format!("expected key at token {}", self.pos)),
            };
            self.pos += 1;
            if !self.peek_is(&Token::Colon) {
                return Err(format!("expected : at token {}", self.pos));
            }
            self.pos += 1;
            let value = self.parse_value()?;
            members.push(Member { key, value });
            if self.peek_is(&Token::Comma) {
                self.pos += 1;
            } else if self.peek_is(&Token::RBrace) {
                self.pos += 1;
                return Ok(Value::Obj(members));
            } else {
                return Err(format!("expected , or }} at token {}", self.pos));
            }
        }
    }

    fn peek_is(&self, expected: &Token) -> bool {
        match (self.tokens.get(self.pos), expected) {
            (Some(Token::Comma), Token::Comma) => true,
            (Some(Token::Colon), Token::Colon) => true,
            (Some(Token::RBrace), Token::RBrace) => true,
            (Some(Token::RBracket), Token::RBracket) => true,
            _ => false,
        }
    }
}

struct Stats {
    nulls: u32,
    bools: u32,
    trues: u32,
    nums: u32,
    num_sum: i64,
    strs: u32,
    str_chars: u32,
    arrays: u32,
    objects: u32,
    max_depth: u32,
}

fn walk(value: &Value, depth: u32, stats: &mut Stats) {
    if depth > stats.max_depth {
        stats.max_depth = depth;
    }
    match value {
        Value::Null => stats.nulls += 1,
        Value::Bool(b) => {
            stats.bools += 1;
            if *b {
                stats.trues += 1;
            }
        }
        Value::Num(n) => {
            stats.nums += 1;
            stats.num_sum += *n;
        }
        Value::Str(s) => {
            stats.strs += 1;
            stats.str_chars += s.chars().count() as u32;
        }
        Value::Arr(items) => {
            stats.arrays += 1;
            for item in items {
                walk(item, depth + 1, stats);
            }
        }
        Value::Obj(members) => {
            stats.objects += 1;
            for member in members {
                stats.strs += 1;
                stats.str_chars += member.key.chars().count() as u32;
                walk(&member.value, depth + 1, stats);
            }
        }
    }
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            _ => out.push(ch),
        }
    }
    out.push('"');
}

fn serialize(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Num(n) => out.push_str(&n.to_string()),
        Value::Str(s) => write_string(out, s),
        Value::Arr(items) => {
            out.push('[');
            let mut first = true;
            for item in items {
                if !first {
                    out.push(',');
                }
                first = false;
                serialize(item, out);
            }
            out.push(']');
        }
        Value::Obj(members) => {
            out.push('{');
            let mut first = true;
            for member in members {
                if !first {
                    out.push(',');
                }
                first = false;
                write_string(out, &member.key);
                out.push(':');
                serialize(&member.value, out);
            }
            out.push('}');
        }
    }
}

fn parse_document(text: &str) -> Result<Value, String> {
    let tokens = tokenize(text)?;
    let count = tokens.len();
    let mut parser = Parser { tokens, pos: 0 };
    let value = parser.parse_value()?;
    if parser.pos != count {
        return Err(format!("trailing tokens after {}", parser.pos));
    }
    Ok(value)
}

fn fnv1a(bytes: &[u8]) -> u32 {
    let mut hash: u32 = 0x811c9dc5;
    for b in bytes {
        hash ^= *b as u32;
        hash = hash.wrapping_mul(0x01000193);
    }
    hash
}

fn size_arg(default: u32) -> u32 {
    match std::env::args().nth(1) {
        Some(text) => text.parse().unwrap_or(default),
        None => default,
    }
}

fn main() {
    let records = size_arg(100);
    let text = generate(records, 2024);
    let value = match parse_document(&text) {
        Ok(v) => v,
        Err(e) => {
            println!("parse error: {}", e);
            std::process::exit(1);
        }
    };
    let mut stats = Stats {
        nulls: 0, bools: 0, trues: 0, nums: 0, num_sum: 0, strs: 0, str_chars: 0,
        arrays: 0, objects: 0, max_depth: 0,
    };
    walk(&value, 0, &mut stats);
    let mut compact = String::new();
    serialize(&value, &mut compact);
    // Round trip: the compact form must parse back to the same compact form.
    let again = match parse_document(&compact) {
        Ok(v) => v,
        Err(e) => {
            println!("round-trip parse error: {}", e);
            std::process::exit(1);
        }
    };
    let mut compact2 = String::new();
    serialize(&again, &mut compact2);
    println!("document: {} bytes, compact: {} bytes, fnv1a {:08x}", text.len(), compact.len(), fnv1a(compact.as_bytes()));
    println!("objects {} arrays {} strings {} ({} chars) numbers {} (sum {}) bools {} ({} true) nulls {}",
        stats.objects, stats.arrays, stats.strs, stats.str_chars, stats.nums, stats.num_sum,
        stats.bools, stats.trues, stats.nulls);
    println!("max depth {}, round trip {}", stats.max_depth, if compact == compact2 { "ok" } else { "MISMATCH" });
}
