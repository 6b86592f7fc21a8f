use matdiff::differentiate;

struct Cache {
    last: f64,
}

#[differentiate(wrt(x))]
fn f(x: f64, mut cache: Cache) -> f64 {
    cache.last = x * 2.0;
    x
}

fn main() {}
