use matdiff::Differentiable;

const N: usize = 3;

#[derive(Differentiable)]
struct Params {
    a: [f64; N],
}

fn main() {}
