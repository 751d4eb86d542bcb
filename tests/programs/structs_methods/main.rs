// Named structs with impl blocks: associated functions, &self/&mut self/self methods, Self, nested structs.

#[derive(Debug, Clone, Copy, PartialEq)]
struct Vec2 {
    x: f64,
    y: f64,
}

impl Vec2 {
    const ZERO: Vec2 = Vec2 { x: 0.0, y: 0.0 };

    fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    fn length(&self) -> f64 {
        (self.x * self.x + self.y * self.y).sqrt()
    }

    fn add(self, other: Vec2) -> Vec2 {
        Vec2::new(self.x + other.x, self.y + other.y)
    }

    fn scale(&mut self, factor: f64) {
        self.x *= factor;
        self.y *= factor;
    }
}

struct Particle {
    position: Vec2,
    velocity: Vec2,
    name: String,
}

impl Particle {
    fn step(&mut self, dt: f64) {
        let mut delta = self.velocity;
        delta.scale(dt);
        self.position = self.position.add(delta);
    }

    fn describe(&self) -> String {
        format!("{} at ({:.2}, {:.2}) moving {:.3}", self.name, self.position.x, self.position.y, self.velocity.length())
    }

    fn into_name(self) -> String {
        self.name
    }
}

fn main() {
    let mut p = Particle { position: Vec2::ZERO, velocity: Vec2::new(3.0, 4.0), name: String::from("p1") };
    println!("{}", p.describe());
    for _ in 0..4 {
        p.step(0.25);
        println!("{}", p.describe());
    }
    p.velocity.scale(-0.5);
    p.position.y = 10.0;
    p.step(1.0);
    println!("{}", p.describe());
    println!("zero == origin: {}", Vec2::ZERO == Vec2::new(0.0, -0.0));
    println!("{:?}", p.position);
    let name = p.into_name();
    println!("name {name}");
    let mut update = Vec2 { y: 7.5, ..Vec2::ZERO };
    update.x += 1.0;
    println!("{update:?} length {}", update.length());
}
