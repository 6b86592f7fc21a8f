use matdiff::differentiate;

struct Params<T> {
    a: T,
}

#[differentiate(wrt(p))]
fn f(p: &Params<f64>) -> f64 {
    p.a * p.a
}

fn main() {}
