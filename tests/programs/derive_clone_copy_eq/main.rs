// #[derive(Clone, Copy, PartialEq, Debug)]: copies are independent, clones deep, equality field by field.

#[derive(Debug, Clone, Copy, PartialEq)]
struct Cell {
    row: u8,
    col: u8,
    alive: bool,
}

#[derive(Debug, Clone, PartialEq)]
struct Board {
    name: String,
    cells: Vec<Cell>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Piece {
    Empty,
    Stone { black: bool },
    Marker(char),
}

#[derive(Debug, Clone, PartialEq)]
enum Tree {
    Leaf(i32),
    Branch(Box<Tree>, Box<Tree>),
}

fn main() {
    let a = Cell { row: 1, col: 2, alive: true };
    let mut b = a;
    b.alive = false;
    println!("{a:?} {b:?} equal {} ne {}", a == b, a != b);
    b.alive = true;
    println!("after restore equal {}", a == b);

    let board = Board { name: "start".to_string(), cells: vec![a, Cell { row: 0, col: 0, alive: false }] };
    let mut copy = board.clone();
    copy.name.push_str("-copy");
    copy.cells[0].row = 9;
    println!("{board:?}");
    println!("{copy:?}");
    println!("boards equal {}", board == copy);
    let again = board.clone();
    println!("clone equal {}", board == again);

    let pieces = [Piece::Empty, Piece::Stone { black: true }, Piece::Marker('x'), Piece::Stone { black: false }];
    for p in pieces {
        let q = p;
        println!("{p:?} == Stone(black) {} == itself {}", p == Piece::Stone { black: true }, q == p);
    }
    let t1 = Tree::Branch(Box::new(Tree::Leaf(1)), Box::new(Tree::Branch(Box::new(Tree::Leaf(2)), Box::new(Tree::Leaf(3)))));
    let mut t2 = t1.clone();
    println!("trees equal {}", t1 == t2);
    if let Tree::Branch(_, right) = &mut t2 {
        **right = Tree::Leaf(5);
    }
    println!("{t1:?}\n{t2:?}\nequal {}", t1 == t2);
    let tuple_eq = (1, "a", 2.0) == (1, "a", 2.0);
    let array_eq = [Piece::Empty; 3] == [Piece::Empty, Piece::Empty, Piece::Empty];
    println!("{tuple_eq} {array_eq} {}", Some(a) == Some(b));
}
