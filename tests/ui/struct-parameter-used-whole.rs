use matdiff::{Differentiable, differentiate};

#[derive(Differentiable)]
struct Params {
    a: f64,
    b: f64,
}

fn helper(p: &Params) -> f64 {
    p.a
}

#[differentiate(wrt(p))]
fn f(p: &Params) -> f64 {
    helper(p) * p.b
}

fn main() {}
