use matdiff::differentiate;

#[differentiate]
fn f(x: &[f64]) -> f64 {
    let mut doubled = Vec::new();
    for xi in x {
        doubled.push(xi * 2.0);
    }
    doubled.iter().product()
}

fn main() {}
