use matdiff::differentiate;
use nalgebra::Vector3;

#[differentiate]
fn lift(x: f64, y: f64) -> Vector3<f64> {
    Vector3::new(x * y, 1.0, y)
}

#[differentiate]
fn pair(x: f64, y: f64) -> [f64; 2] {
    [x * y, y]
}

#[differentiate]
fn f(a: f64, b: f64) -> f64 {
    lift(a, b).norm() * a
}

#[differentiate]
fn g(a: f64, b: f64) -> f64 {
    pair(a, b)[0] * a
}

fn main() {}
