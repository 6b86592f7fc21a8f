use matdiff::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let mut k = 0;
    let r = loop {
        k += 1;
        if k > 3 {
            break if x > 0.0 { return x; } else { x * 2.0 };
        }
    };
    r
}

fn main() {}
