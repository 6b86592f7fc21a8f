use matdiff::{Differentiable, differentiate};

#[derive(Differentiable)]
struct Params {
    a: f64,
}

struct Model;

impl Model {
    #[differentiate(wrt(p))]
    fn f(&self, p: &Params) -> f64 {
        p.a * p.a
    }
}

fn main() {}
