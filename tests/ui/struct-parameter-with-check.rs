use matdiff::{Differentiable, differentiate};

#[derive(Differentiable)]
struct Params {
    a: f64,
}

#[differentiate(wrt(p), check)]
fn f(p: &Params) -> f64 {
    p.a * p.a
}

fn main() {}
