use matdiff::differentiate;

#[differentiate]
fn f(x: &[f64]) -> f64 {
    x.iter().copied().filter(positive).sum()
}

fn positive(v: &f64) -> bool {
    *v > 0.0
}

fn main() {}
