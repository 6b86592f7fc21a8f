use matdiff::Differentiable;

struct Inner {
    a: f64,
}

#[derive(Differentiable)]
struct Params {
    inner: Inner,
    b: f64,
}

fn main() {}
