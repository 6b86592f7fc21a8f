use matdiff::{Differentiable, differentiate};

#[derive(Differentiable)]
struct Params {
    a: f64,
}

#[differentiate(wrt(p))]
fn f(p: &Params) -> [f64; 2] {
    [p.a, p.a * p.a]
}

fn main() {}
