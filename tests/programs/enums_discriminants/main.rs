// Fieldless enums with explicit discriminants: `as` casts, comparisons, Copy, matching back from ints.

#[derive(Debug, Clone, Copy, PartialEq)]
enum Status {
    Ok = 200,
    Created = 201,
    NotFound = 404,
    Teapot = 418,
    Error = 500,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Level {
    Low = -1,
    Mid,
    High = 10,
    Max,
}

#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(u8)]
enum Opcode {
    Nop = 0x00,
    Push = 0x10,
    Pop,
    Halt = 0xff,
}

impl Status {
    fn from_code(code: u16) -> Option<Status> {
        match code {
            200 => Some(Status::Ok),
            201 => Some(Status::Created),
            404 => Some(Status::NotFound),
            418 => Some(Status::Teapot),
            500 => Some(Status::Error),
            _ => None,
        }
    }

    fn is_success(self) -> bool {
        (self as u16) < 300
    }
}

fn main() {
    for code in [200, 404, 302, 418, 500] {
        match Status::from_code(code) {
            Some(status) => println!("{code}: {status:?} success={} back={}", status.is_success(), status as i32),
            None => println!("{code}: unknown"),
        }
    }
    for level in [Level::Low, Level::Mid, Level::High, Level::Max] {
        println!("{level:?} = {} (as u8 {})", level as i32, level as u8);
    }
    for op in [Opcode::Nop, Opcode::Push, Opcode::Pop, Opcode::Halt] {
        println!("{op:?} = {:#04x}", op as u8);
    }
    let a = Level::High;
    let b = a;
    println!("copy equal {} ; differs from Max {}", a == b, a != Level::Max);
    println!("sum of statuses {}", Status::Ok as u32 + Status::Created as u32 + Status::Error as u32);
}
