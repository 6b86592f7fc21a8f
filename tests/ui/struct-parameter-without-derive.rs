use matdiff::differentiate;

struct Params {
    a: f64,
}

#[differentiate(wrt(p))]
fn f(p: &Params) -> f64 {
    p.a * p.a
}

fn main() {}
