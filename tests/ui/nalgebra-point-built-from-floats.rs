use matdiff::differentiate;
use nalgebra::Point3;

#[differentiate]
fn built(x: f64, y: f64) -> f64 {
    let p = Point3::new(x, y, 1.0);
    p.coords.norm_squared()
}

fn main() {}
