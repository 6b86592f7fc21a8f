use matdiff::differentiate;
use nalgebra::DVector;

#[differentiate(wrt(x))]
fn squared_norm(x: &DVector<f64>) -> f64 {
    x.norm_squared()
}

fn main() {}
