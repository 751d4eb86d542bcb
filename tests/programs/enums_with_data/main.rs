// Enums with tuple and struct variants, methods on enums, exhaustive matching.

#[derive(Debug, Clone, PartialEq)]
enum Command {
    Move { dx: i32, dy: i32 },
    Say(String),
    Turn(Direction),
    Stop,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Direction {
    North,
    East,
    South,
    West,
}

impl Direction {
    fn right(self) -> Direction {
        match self {
            Direction::North => Direction::East,
            Direction::East => Direction::South,
            Direction::South => Direction::West,
            Direction::West => Direction::North,
        }
    }
}

struct Robot {
    x: i32,
    y: i32,
    facing: Direction,
    log: Vec<String>,
}

impl Robot {
    fn apply(&mut self, command: &Command) -> bool {
        match command {
            Command::Move { dx, dy } => {
                self.x += dx;
                self.y += dy;
            }
            Command::Say(text) => self.log.push(text.clone()),
            Command::Turn(Direction::West) => self.facing = Direction::West,
            Command::Turn(_) => self.facing = self.facing.right(),
            Command::Stop => return false,
        }
        true
    }
}

fn main() {
    let program = vec![
        Command::Move { dx: 2, dy: -1 },
        Command::Say("hello".to_string()),
        Command::Turn(Direction::North),
        Command::Turn(Direction::South),
        Command::Move { dx: -5, dy: 0 },
        Command::Turn(Direction::West),
        Command::Say(String::from("bye")),
        Command::Stop,
        Command::Move { dx: 100, dy: 100 },
    ];
    let mut robot = Robot { x: 0, y: 0, facing: Direction::North, log: Vec::new() };
    for command in &program {
        let running = robot.apply(command);
        println!("{command:?} -> ({}, {}) facing {:?}", robot.x, robot.y, robot.facing);
        if !running {
            break;
        }
    }
    println!("log: {:?}", robot.log);
    println!("first == Move: {}", program[0] == Command::Move { dx: 2, dy: -1 });
    let mut stops = 0;
    for command in &program {
        if matches!(command, Command::Stop) {
            stops += 1;
        }
    }
    println!("stop count: {stops}");
}
