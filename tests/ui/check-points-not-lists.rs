use matdiff::differentiate;

#[differentiate(check(points = [1.0, 2.0]))]
fn f(x: f64, y: f64) -> f64 {
    x * y
}

fn main() {}
