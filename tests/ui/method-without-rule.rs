use matdiff::differentiate;

#[differentiate]
fn f(x: f64, y: f64) -> f64 {
    let a = x.frobnicate();
    let b = x.copysign(y);
    a + b
}

trait Frobnicate {
    fn frobnicate(self) -> f64;
}

impl Frobnicate for f64 {
    fn frobnicate(self) -> f64 {
        self
    }
}

fn main() {}
