use matdiff::differentiate;

#[differentiate]
fn f(x: &[f64]) -> f64 {
    let largest = x.iter().copied().max_by(|a, b| a.total_cmp(b)).unwrap_or(0.0);
    largest * 2.0
}

fn main() {}
