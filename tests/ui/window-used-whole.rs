use matdiff::differentiate;

#[differentiate]
fn f(x: &[f64]) -> f64 {
    x.windows(2).map(|w| w.iter().sum::<f64>()).sum()
}

fn main() {}
