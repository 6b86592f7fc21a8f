use matdiff::{Differentiable, differentiate};

#[derive(Differentiable, Clone)]
struct Params {
    a: f64,
    b: f64,
}

#[differentiate(wrt(p))]
fn f(p: &Params) -> f64 {
    let v = vec![p.a, p.clone().b];
    v[0] * v[1]
}

fn main() {}
