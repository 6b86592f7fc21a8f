use matdiff::differentiate;

#[differentiate]
fn f(x: f64, y: f64) -> f64 {
    (x.exp() + y.exp()).ln()
}

#[test]
fn seed() {
    let g = f_grad(0.0, 2f64.ln());
    println!("{:?} {:?} {:?}", g, f_value_and_grad(0.0, 2f64.ln()), f_hessian(0.0, 2f64.ln()));
}
