use matdiff::differentiate;

#[differentiate]
fn f(x: &[f64]) -> f64 {
    let mut k = 0;
    let mut v = vec![0.0; 2];
    let kept = loop {
        v[k] = x[k] * 2.0;
        k += 1;
        if k == 2 {
            break v;
        }
    };
    kept[0]
}

fn main() {}
