use matdiff::differentiate;

#[differentiate(wrt(x))]
fn scaled(x: f64, scale: f64) -> f64 {
    x * scale
}

#[differentiate]
fn f(x: f64, y: f64) -> f64 {
    scaled(x, y * 2.0)
}

fn main() {}
