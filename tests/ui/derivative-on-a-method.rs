use matdiff::derivative;

struct Model {
    scale: f64,
}

impl Model {
    #[derivative(x = self.scale)]
    fn apply(&self, x: f64) -> f64 {
        self.scale * x
    }
}

fn main() {}
