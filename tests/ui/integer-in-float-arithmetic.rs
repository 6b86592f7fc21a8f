use matdiff::differentiate;

#[differentiate]
fn f(x: f64, y: &[f64]) -> f64 {
    let mut s = 2 * x;
    s += y[0] / y.len();
    s.max(1)
}

fn main() {}
