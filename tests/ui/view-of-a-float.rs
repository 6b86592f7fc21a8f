use matdiff::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    x.rows(0, 1)
}

trait Rows {
    fn rows(self, first: usize, count: usize) -> f64;
}

impl Rows for f64 {
    fn rows(self, _first: usize, _count: usize) -> f64 {
        self
    }
}

fn main() {}
