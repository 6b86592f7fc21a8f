use matdiff::differentiate;

#[differentiate]
fn to_cartesian(r: f64, t: f64) -> (f64, f64) {
    (r * t.cos(), r * t.sin())
}

#[differentiate]
fn f(r: f64, t: f64) -> f64 {
    let (x, y) = to_cartesian(r, t);
    x * y
}

fn main() {}
