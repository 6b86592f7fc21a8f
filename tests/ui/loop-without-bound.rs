use matdiff::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let mut s = 0.0;
    loop {
        s += x;
        if s > 10.0 {
            break;
        }
    }
    s
}

fn main() {}
