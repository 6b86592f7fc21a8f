use matdiff::differentiate;

#[differentiate(check)]
fn sum_of_cubes<const N: usize>(x: [f64; N]) -> f64 {
    let mut s = 0.0;
    for i in 0..N {
        s += x[i] * x[i] * x[i];
    }
    s
}

fn main() {}
