use matdiff::differentiate;

#[differentiate]
fn f(x: &[f64]) -> f64 {
    x.iter().fold(0.0, adder())
}

fn adder() -> fn(f64, &f64) -> f64 {
    |a, b| a + b
}

fn main() {}
