use matdiff::differentiate;
use nalgebra::DMatrix;

#[differentiate]
fn trace_of(a: DMatrix<f64>, scale: usize) -> f64 {
    a.trace() * scale as f64
}

fn main() {}
