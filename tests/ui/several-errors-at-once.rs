use matdiff::differentiate;

#[differentiate(wrt(q), speed = 3)]
fn f(x: f64) -> f64 {
    let g = |v: f64| v;
    println!("{}", x);
    g(x)
}

fn main() {}
