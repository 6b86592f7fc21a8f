use matdiff::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let pair = x.sin_cos();
    pair.0 * pair.1
}

fn main() {}
