use matdiff::differentiate;
use nalgebra::DVector;

#[differentiate]
fn scaled_exp(x: &DVector<f64>, s: f64) -> f64 {
    x.map(|v| (v * s).exp()).sum()
}

fn main() {}
