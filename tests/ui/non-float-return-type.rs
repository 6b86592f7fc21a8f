use matdiff::differentiate;

#[differentiate]
fn f(x: f64) -> (f64, usize) {
    (x, 2)
}

fn main() {}
