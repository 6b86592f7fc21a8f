use matdiff::differentiate;
use nalgebra::DVector;

#[differentiate]
fn with_first_element_set(x: &DVector<f64>) -> f64 {
    let mut y = x.clone();
    y[0] = 5.0;
    y.norm_squared()
}

fn main() {}
