use matdiff::{Differentiable, Float, differentiate};

#[derive(Differentiable)]
struct Params {
    a: f64,
}

#[differentiate(wrt(p))]
fn f<T: Float>(p: &Params, t: T) -> f64 {
    p.a * t.to_f64().unwrap()
}

fn main() {}
