use matdiff::differentiate;

#[differentiate]
fn f(x: &[f64]) -> f64 {
    let mut v = vec![0.0; x.len()];
    v[0] = x[0] * 2.0;
    v = x.to_vec();
    v[0] + v[1]
}

fn main() {}
