use matdiff::differentiate;
use nalgebra::DVector;

#[differentiate]
fn by_reference(x: &DVector<f64>) -> f64 {
    x.map(|ref v| *v * 2.0).sum()
}

fn main() {}
