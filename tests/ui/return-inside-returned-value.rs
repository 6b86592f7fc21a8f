use matdiff::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    if x < 0.5 {
        return match x {
            v if v > 0.25 => {
                return v;
            }
            _ => -0.25,
        };
    }
    x
}

fn main() {}
