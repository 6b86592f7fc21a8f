use matdiff::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let y = x * (if x > 0.0 { return x } else { 2.0 });
    y
}

fn main() {}
