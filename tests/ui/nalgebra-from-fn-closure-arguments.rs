use matdiff::differentiate;
use nalgebra::DVector;

#[differentiate]
fn built(x: f64) -> f64 {
    let v = DVector::from_fn(3, |(i, j)| x * (i + j) as f64);
    v.norm_squared()
}

fn main() {}
