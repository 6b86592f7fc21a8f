use matdiff::{Float, differentiate};

#[differentiate]
fn f<T: Float>(x: T) -> T {
    x.sin() * x
}

// The generated `f_grad` needs `T: matdiff::Real`; `Float` alone is not enough.
fn slope<T: Float>(x: T) -> T {
    f_grad(x)[0]
}

fn main() {
    let _ = slope(1.0f64);
}
