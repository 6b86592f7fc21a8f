use matdiff::differentiate;

#[differentiate]
fn f(a: f64, b: f64) -> f64 {
    (a * b).x
}

fn main() {}
