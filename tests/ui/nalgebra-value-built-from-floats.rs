use matdiff::differentiate;
use nalgebra::DMatrix;

#[differentiate]
fn built(x: f64, y: f64) -> f64 {
    let m = DMatrix::from_row_slice(1, 2, &[x, y]);
    m.norm_squared()
}

fn main() {}
