use matdiff::differentiate;

struct Model {
    k: f64,
}

impl Model {
    #[differentiate(check)]
    fn energy(&self, x: f64) -> f64 {
        self.k * x * x
    }
}

fn main() {}
