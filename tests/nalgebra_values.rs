//! nalgebra values built from differentiated floats.

use matdiff::differentiate;
use nalgebra::{DVector, Vector3};

#[differentiate]
fn seed(x: f64, y: f64, z: f64) -> DVector<f64> {
    DVector::from_vec(vec![x + y + z, x * y * z])
}

#[differentiate]
fn norm3(x: f64, y: f64) -> f64 {
    let v = Vector3::new(x * y, 2.0, y.sin());
    v.norm_squared()
}

#[test]
fn smoke() {
    let j = seed_jacobian(1.0, 2.0, 3.0);
    println!("{j}");
    let g = norm3_grad(1.0, 2.0);
    println!("{g:?}");
    let h = norm3_hessian(1.0, 2.0);
    println!("{h}");
}
