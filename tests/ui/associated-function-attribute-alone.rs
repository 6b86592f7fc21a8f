use matdiff::differentiate;

struct Model;

impl Model {
    #[differentiate]
    fn energy(x: f64) -> f64 {
        x * x
    }
}

trait Objective {
    fn cost(&self, x: f64) -> f64;
}

impl Objective for Model {
    #[differentiate]
    fn cost(&self, x: f64) -> f64 {
        x.sin()
    }
}

fn main() {
    let _ = Model::energy(1.0);
    let _ = Model.cost(1.0);
}
