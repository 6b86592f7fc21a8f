use matdiff::differentiate;

#[differentiate]
fn f(x: f64, n: usize) -> f64 {
    let scaled = |i: usize| x * i as f64;
    let k = [scaled].len();
    scaled(n) + k as f64
}

fn main() {}
