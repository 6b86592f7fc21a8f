use matdiff::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let narrow = x as f32;
    (narrow * 2.0) as f64
}

fn main() {}
