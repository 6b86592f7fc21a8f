use matdiff::differentiate;

#[differentiate]
fn f(x: f64, y: f64) -> f64 {
    let (a, ..) = if x > y { (x, y, 1.0) } else { (y, x, 2.0) };
    a * a
}

fn main() {}
