use matdiff::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let mut k = 0;
    let r: f64 = loop {
        k += 1;
        if k > 3 {
            break;
        }
    };
    r * x
}

fn main() {}
