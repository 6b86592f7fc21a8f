use matdiff::differentiate;
use nalgebra::SVector;

#[differentiate]
fn built(x: f64) -> f64 {
    let v: SVector<f64, 3> = SVector::from_fn(|i, _| x * i as f64);
    v.norm_squared()
}

fn main() {}
