use matdiff::derivative;

#[derivative()]
fn count(n: usize) -> f64 {
    n as f64
}

fn main() {}
