use matdiff::differentiate;

#[differentiate]
fn f(x: f64, y: f64) -> f64 {
    let t = if (match y {
        v if v < -0.5 => v,
        _ => {
            return x;
        }
    }) > 0.5
    {
        x * y
    } else {
        x
    };
    x * t
}

fn main() {}
