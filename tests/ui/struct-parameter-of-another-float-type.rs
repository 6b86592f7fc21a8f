use matdiff::{Differentiable, differentiate};

#[derive(Differentiable)]
struct Params {
    a: f32,
}

#[differentiate(wrt(p))]
fn f(p: &Params) -> f64 {
    (p.a * p.a) as f64
}

fn main() {}
