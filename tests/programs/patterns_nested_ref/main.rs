// Nested struct/enum/tuple patterns, `..` rest patterns, `ref` and `ref mut` bindings, bindings by reference.

#[derive(Debug)]
enum Shape {
    Circle { center: (i32, i32), radius: u32 },
    Rect { top_left: (i32, i32), size: (u32, u32) },
    Polygon(Vec<(i32, i32)>),
}

#[derive(Debug)]
struct Layer {
    name: String,
    shapes: Vec<Shape>,
    visible: bool,
}

fn area(shape: &Shape) -> u64 {
    match shape {
        Shape::Circle { radius: 0, .. } => 0,
        Shape::Circle { radius, .. } => 3 * (*radius as u64) * (*radius as u64),
        Shape::Rect { size: (w, h), .. } => *w as u64 * *h as u64,
        Shape::Polygon(points) if points.len() < 3 => 0,
        Shape::Polygon(points) => points.len() as u64,
    }
}

fn describe(shape: &Shape) -> String {
    match *shape {
        Shape::Circle { center: (0, 0), radius } => format!("circle at origin r={radius}"),
        Shape::Circle { center: (x, y), .. } if x == y => format!("circle on diagonal at {x}"),
        Shape::Circle { center, .. } => format!("circle at {center:?}"),
        Shape::Rect { top_left: (x, _), size: (w, _) } => format!("rect from x={x} width {w}"),
        Shape::Polygon(ref points) => format!("polygon with {} points", points.len()),
    }
}

fn main() {
    let mut layer = Layer {
        name: "base".to_string(),
        shapes: vec![
            Shape::Circle { center: (0, 0), radius: 2 },
            Shape::Circle { center: (5, 5), radius: 0 },
            Shape::Rect { top_left: (-1, 4), size: (3, 7) },
            Shape::Polygon(vec![(0, 0), (1, 0)]),
            Shape::Polygon(vec![(0, 0), (4, 0), (4, 3), (0, 3)]),
            Shape::Circle { center: (1, 9), radius: 1 },
        ],
        visible: true,
    };
    for shape in &layer.shapes {
        println!("{:<28} area {}", describe(shape), area(shape));
    }
    let Layer { ref name, visible, .. } = layer;
    println!("layer {name} visible {visible}");

    // `ref mut` to change parts of a value in place.
    for shape in layer.shapes.iter_mut() {
        match shape {
            &mut Shape::Circle { ref mut radius, .. } => *radius += 1,
            &mut Shape::Rect { size: (ref mut w, _), .. } => *w *= 2,
            Shape::Polygon(points) => points.push((9, 9)),
        }
    }
    let Layer { ref mut name, .. } = layer;
    name.push_str("-edited");
    println!("{layer:?}");

    let pair = (String::from("left"), String::from("right"));
    let (ref l, ref r) = pair;
    println!("{l} {r} still owned: {:?}", pair);
    let nested = Some((1, Some("inner")));
    if let Some((n, Some(text))) = nested {
        println!("nested {n} {text}");
    }
    let tuple = (1, 2, 3, 4, 5);
    let (first, .., last) = tuple;
    println!("first {first} last {last}");
}
