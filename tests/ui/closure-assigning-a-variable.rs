use matdiff::differentiate;

#[differentiate]
fn f(x: &[f64]) -> f64 {
    let mut total = 0.0;
    let mut add = |v: f64| total += v * v;
    for &v in x {
        add(v);
    }
    total
}

fn main() {}
