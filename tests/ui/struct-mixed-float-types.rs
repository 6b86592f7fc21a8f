use matdiff::Differentiable;

#[derive(Differentiable)]
struct Params {
    a: f64,
    b: f32,
}

fn main() {}
