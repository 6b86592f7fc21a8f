use matdiff::{Differentiable, differentiate};

#[derive(Differentiable)]
struct Params {
    a: f64,
}

#[differentiate(wrt(p))]
fn f(p: &Params, x: f64) -> f64 {
    let s = p.a * x;
    let p = s * s;
    p
}

fn main() {}
