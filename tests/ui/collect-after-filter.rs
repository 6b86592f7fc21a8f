use matdiff::differentiate;

#[differentiate]
fn f(x: &[f64]) -> f64 {
    let kept: Vec<f64> = x.iter().filter(|v| **v > 0.0).map(|v| v * v).collect();
    kept[0]
}

fn main() {}
