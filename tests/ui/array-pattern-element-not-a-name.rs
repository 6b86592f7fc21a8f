use matdiff::differentiate;

#[differentiate]
fn g(x: [f64; 2]) -> f64 {
    let [a, ref b] = x;
    a * b
}

fn main() {}
