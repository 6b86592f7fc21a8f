use matdiff::differentiate;

fn parse(s: &str) -> Option<f64> {
    s.parse().ok()
}

#[differentiate]
fn f(x: f64, s: &str) -> f64 {
    let scale = parse(s)?;
    x * scale
}

fn main() {}
