use matdiff::derivative;

fn helper(v: f64) -> f64 {
    v * v
}

#[derivative(x = x.frobnicate(), y = helper(x) * y)]
fn opaque(x: f64, y: f64) -> f64 {
    x * y
}

fn main() {}
