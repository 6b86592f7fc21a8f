use matdiff::{Differentiable, differentiate};

#[derive(Differentiable)]
struct Layer {
    w: f64,
    b: f64,
}

#[derive(Differentiable)]
struct Net {
    first: Layer,
    scale: f64,
}

fn apply(layer: &Layer, x: f64) -> f64 {
    layer.w * x + layer.b
}

#[differentiate(wrt(net))]
fn f(net: &Net, x: f64) -> f64 {
    apply(&net.first, x) * net.scale
}

fn main() {}
