use matdiff::differentiate;
use nalgebra::DVector;

#[differentiate]
fn built(x: f64, y: f64) -> f64 {
    let v = DVector::from_vec(vec![x, y]);
    v.norm_squared()
}

fn main() {

}
