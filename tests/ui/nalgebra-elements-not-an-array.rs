use matdiff::differentiate;
use nalgebra::DVector;

fn elements(x: f64) -> Vec<f64> {
    vec![x, x]
}

#[differentiate]
fn built(x: f64) -> f64 {
    let v = DVector::from_vec(elements(x));
    v.norm_squared()
}

fn main() {}
