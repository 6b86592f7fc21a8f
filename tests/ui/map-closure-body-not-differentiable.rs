use matdiff::differentiate;
use nalgebra::DVector;

#[differentiate]
fn two_closures(x: &DVector<f64>) -> f64 {
    let y = x.map(|v| v as f32 as f64);
    let z = x.map(|v| {
        let g = |t: f64| t * 2.0;
        g(v)
    });
    y.sum() + z.sum()
}

fn main() {}
