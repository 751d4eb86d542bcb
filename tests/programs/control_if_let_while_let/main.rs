// if let / else if let / while let / let else, driving a small stack machine.

#[derive(Debug)]
enum Instr {
    Push(i64),
    Add,
    Mul,
    Dup,
    Print,
}

fn parse(word: &str) -> Option<Instr> {
    let Ok(number) = word.parse::<i64>() else {
        return match word {
            "+" => Some(Instr::Add),
            "*" => Some(Instr::Mul),
            "dup" => Some(Instr::Dup),
            "." => Some(Instr::Print),
            _ => None,
        };
    };
    Some(Instr::Push(number))
}

fn run(source: &str) -> Result<Vec<i64>, String> {
    let mut stack: Vec<i64> = Vec::new();
    for word in source.split_whitespace() {
        let Some(instr) = parse(word) else {
            return Err(format!("unknown word {word:?}"));
        };
        if let Instr::Push(n) = instr {
            stack.push(n);
        } else if let Instr::Dup = instr {
            let Some(&top) = stack.last() else { return Err("dup on empty stack".to_string()) };
            stack.push(top);
        } else if let Instr::Print = instr {
            println!("  top: {:?}", stack.last());
        } else {
            let (Some(b), Some(a)) = (stack.pop(), stack.pop()) else {
                return Err(format!("{instr:?} needs two values"));
            };
            stack.push(if let Instr::Add = instr { a + b } else { a * b });
        }
    }
    Ok(stack)
}

fn main() {
    for source in ["1 2 + 3 *", "5 dup * .", "2 +", "1 2 swap", "dup", "7 . 8 . +"] {
        println!("{source:?} => {:?}", run(source));
    }
    let mut queue = vec![3, 1, 4, 1, 5];
    while let Some(item) = queue.pop() {
        if item == 4 {
            println!("found 4, stopping with {queue:?} left");
            break;
        }
        println!("popped {item}");
    }
    let mut countdown = Some(3u32);
    while let Some(n) = countdown {
        println!("countdown {n}");
        countdown = n.checked_sub(1);
    }
    let values = [Some(1), None, Some(3)];
    for v in values {
        if let Some(x @ 2..) = v {
            println!("big {x}");
        } else if let Some(x) = v {
            println!("small {x}");
        } else {
            println!("none");
        }
    }
}
