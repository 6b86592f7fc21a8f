use matdiff::differentiate;
use nalgebra::Point3;

#[differentiate(wrt(p))]
fn distance(p: &Point3<f64>, scale: f64) -> f64 {
    p.coords.norm() * scale
}

fn main() {}
