// Issue 4: an event bus storing Box<dyn FnMut> handlers that capture shared state through Rc<RefCell<..>>.
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Debug, Clone, PartialEq)]
enum Event {
    Click { x: i32, y: i32 },
    Key(char),
    Quit,
}

struct Bus {
    handlers: Vec<(String, Box<dyn FnMut(&Event) -> bool>)>,
}

impl Bus {
    fn on(&mut self, name: &str, handler: impl FnMut(&Event) -> bool + 'static) {
        self.handlers.push((name.to_string(), Box::new(handler)));
    }

    fn emit(&mut self, event: &Event) -> Vec<String> {
        let mut handled_by = Vec::new();
        for (name, handler) in self.handlers.iter_mut() {
            if handler(event) {
                handled_by.push(name.clone());
            }
        }
        handled_by
    }
}

fn main() {
    let clicks = Rc::new(RefCell::new(Vec::new()));
    let typed = Rc::new(RefCell::new(String::new()));
    let mut bus = Bus { handlers: Vec::new() };
    let sink = Rc::clone(&clicks);
    bus.on("clicks", move |e| match e {
        Event::Click { x, y } => {
            sink.borrow_mut().push((*x, *y));
            true
        }
        _ => false,
    });
    let text = Rc::clone(&typed);
    bus.on("keys", move |e| {
        if let Event::Key(c) = e {
            text.borrow_mut().push(*c);
            return true;
        }
        false
    });
    let mut total = 0;
    bus.on("counter", move |_| {
        total += 1;
        total % 2 == 0
    });
    let events = [Event::Click { x: 1, y: 2 }, Event::Key('h'), Event::Key('i'), Event::Click { x: -5, y: 0 }, Event::Quit];
    for e in &events {
        println!("{e:?} handled by {:?}", bus.emit(e));
    }
    println!("clicks {:?} typed {:?} rc {}", clicks.borrow(), typed.borrow(), Rc::strong_count(&clicks));
}
