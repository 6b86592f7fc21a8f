use matdiff::derivative;

#[derivative(x = y as f64, y = x as f32)]
fn product(x: f64, y: f32) -> f64 {
    x * y as f64
}

fn main() {}
