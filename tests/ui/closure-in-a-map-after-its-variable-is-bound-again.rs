use matdiff::differentiate;
use nalgebra::DVector;

#[differentiate]
fn f(x: &DVector<f64>) -> f64 {
    let k = 3.0;
    let scaled = |v: f64| k * v;
    let k = 5.0;
    x.map(|v| scaled(v) * k).sum()
}

fn main() {}
