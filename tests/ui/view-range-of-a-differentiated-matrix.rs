use matdiff::differentiate;
use nalgebra::DMatrix;

#[differentiate]
fn f(a: &DMatrix<f64>) -> f64 {
    a.rows_range(0..2).norm_squared()
}

fn main() {}
