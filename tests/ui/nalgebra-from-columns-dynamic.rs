use matdiff::differentiate;
use nalgebra::{DMatrix, DVector};

#[differentiate]
fn built(x: f64, y: f64) -> f64 {
    let a = DVector::from_vec(vec![x, y]);
    let m = DMatrix::from_columns(&[a.clone(), a]);
    m.norm_squared()
}

fn main() {}
