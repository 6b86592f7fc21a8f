use matdiff::differentiate;

#[differentiate(wrt(x), gradient = df, hessian = ddf)]
fn f(x: f64) -> f64 {
    x * x
}

fn main() {}
