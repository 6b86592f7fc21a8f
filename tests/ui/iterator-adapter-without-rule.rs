use matdiff::differentiate;

#[differentiate]
fn f(x: &[f64]) -> f64 {
    let positive: f64 = x.iter().filter(|v| **v > 0.0).map(|v| v * v).sum();
    let largest = x.iter().copied().fold(f64::MIN, f64::max);
    positive + largest
}

fn main() {}
