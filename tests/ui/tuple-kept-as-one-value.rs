use matdiff::differentiate;

#[differentiate]
fn f(x: f64, y: f64) -> f64 {
    let p = (x * y, x + y);
    p.0 * p.1
}

#[differentiate]
fn g(x: f64, y: f64) -> f64 {
    let p = if x > y { (x, y) } else { (y, x) };
    p.0 * p.1
}

fn main() {}
