use matdiff::differentiate;

struct Model;

#[differentiate]
impl Model {
    #[differentiate = "x"]
    fn f(x: f64) -> f64 {
        x * x
    }
}

fn main() {
    let _ = Model::f(1.0);
}
