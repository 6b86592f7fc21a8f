use matdiff::{Differentiable, differentiate};

#[derive(Differentiable)]
struct Params {
    a: f64,
}

#[differentiate(wrt(p))]
fn f(p: &mut Params) -> f64 {
    p.a * p.a
}

fn main() {}
