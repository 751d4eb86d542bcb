trait Describe {
    fn describe(&self) -> String;
}

impl Describe for i32 {
    fn describe(&self) -> String {
        format!("the number {self}")
    }
}

fn main() {
    let n = 7;
    let d: &dyn Describe = &n;
    println!("{}", d.describe());
}
