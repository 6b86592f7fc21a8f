use matdiff::differentiate;
use nalgebra::DMatrix;

#[differentiate]
fn f(a: &DMatrix<f64>, s: f64) -> f64 {
    a.rows((s * 2.0) as usize, 1).sum() * s
}

fn main() {}
