use matdiff::differentiate;

#[differentiate]
fn f(x: &[f64]) -> (f64, f64) {
    let mut s = 0.0;
    for i in 0..x.len() {
        if x[i] < 0.0 {
            return (s, x[i]);
        }
        s += x[i];
    }
    (s, 1.0)
}

fn main() {}
