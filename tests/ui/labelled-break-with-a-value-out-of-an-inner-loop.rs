use matdiff::differentiate;

#[differentiate]
fn f(x: &[f64]) -> f64 {
    let first = 'outer: loop {
        for i in 0..x.len() {
            if x[i] > 1.0 {
                break 'outer x[i];
            }
        }
        break 0.0;
    };
    first * 2.0
}

fn main() {}
