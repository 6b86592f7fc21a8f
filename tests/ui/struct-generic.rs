use matdiff::Differentiable;

#[derive(Differentiable)]
struct Params<T> {
    w: T,
}

fn main() {}
