// An explicit panic! with a formatted message, raised from a nested call after some output.

struct Machine {
    registers: [i64; 4],
    pc: usize,
}

impl Machine {
    fn step(&mut self, program: &[(u8, usize, i64)]) {
        let (op, reg, value) = program[self.pc];
        match op {
            0 => self.registers[reg] = value,
            1 => self.registers[reg] += value,
            2 => self.registers[reg] *= value,
            other => panic!("invalid opcode {other} at pc={} (registers {:?})", self.pc, self.registers),
        }
        self.pc += 1;
    }
}

fn main() {
    let program = [(0, 0, 5), (1, 0, 2), (2, 0, 3), (0, 1, -1), (9, 2, 0), (1, 1, 1)];
    let mut machine = Machine { registers: [0; 4], pc: 0 };
    for _ in 0..program.len() {
        machine.step(&program);
        println!("pc {} registers {:?}", machine.pc, machine.registers);
    }
}
