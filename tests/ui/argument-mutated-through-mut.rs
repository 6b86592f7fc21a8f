use matdiff::differentiate;

#[differentiate]
fn f(x: &mut [f64]) -> f64 {
    x[0] = 1.0;
    x[0] * x[1]
}

fn main() {}
