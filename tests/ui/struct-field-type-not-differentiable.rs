use matdiff::Differentiable;

#[derive(Differentiable)]
struct Params {
    a: f64,
    b: Option<f64>,
}

fn main() {}
