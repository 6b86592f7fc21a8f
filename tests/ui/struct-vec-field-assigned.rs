use matdiff::{Differentiable, differentiate};

#[derive(Differentiable)]
struct Params {
    v: Vec<f64>,
}

#[differentiate(wrt(p))]
fn f(mut p: Params) -> f64 {
    p.v[0] = 2.0 * p.v[1];
    p.v[0] * p.v[1]
}

fn main() {}
