use matdiff::differentiate;

#[differentiate]
fn f(x: &[f64], k: usize) -> f64 {
    x.windows(k).map(|w| w[1] - w[0]).sum()
}

fn main() {}
