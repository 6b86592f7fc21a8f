use matdiff::Differentiable;

#[derive(Differentiable)]
struct Params {
    #[matdiff(frozen)]
    a: f64,
    b: f64,
}

fn main() {}
