use matdiff::differentiate;

#[differentiate]
fn f(x: &[f64]) -> f64 {
    let mut s = 0.0;
    x.iter().for_each(|v| s += v * v);
    s
}

fn main() {}
