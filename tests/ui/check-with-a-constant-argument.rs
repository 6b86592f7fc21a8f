use matdiff::differentiate;

#[differentiate(wrt(x), check)]
fn scaled(x: f64, scale: f64) -> f64 {
    scale * x.sin()
}

fn main() {}
