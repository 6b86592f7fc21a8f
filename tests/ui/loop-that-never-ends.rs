use matdiff::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let mut s = 0.0;
    loop {
        s += x;
    }
}

fn main() {}
