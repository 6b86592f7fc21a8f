use matdiff::{Differentiable, differentiate};

#[derive(Differentiable)]
struct Params {
    a: f64,
    #[matdiff(constant)]
    count: usize,
}

#[differentiate(wrt(p))]
fn f(mut p: Params) -> f64 {
    p.count += 1;
    p.a * p.count as f64
}

fn main() {}
