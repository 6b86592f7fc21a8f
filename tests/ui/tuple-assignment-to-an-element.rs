use matdiff::differentiate;

#[differentiate]
fn f(x: f64, y: f64) -> f64 {
    let mut v = vec![0.0; 2];
    let mut b = x;
    (v[0], b) = (x * y, y + b);
    v[0] + b
}

fn main() {}
