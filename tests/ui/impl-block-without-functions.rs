use matdiff::differentiate;

struct Model;

#[differentiate]
impl Model {
    const SCALE: f64 = 2.0;
}

fn main() {
    let _ = Model::SCALE;
}
