use matdiff::Differentiable;

#[derive(Differentiable)]
struct Params {
    #[matdiff(constant)]
    n: usize,
}

fn main() {}
