use matdiff::differentiate;
use nalgebra::{DMatrix, DVector};

#[differentiate(wrt(x))]
fn quadratic(x: &DVector<f64>, a: &DMatrix<f64>) -> f64 {
    x.dot(&(a * x))
}

#[test]
fn smoke() {
    let a = DMatrix::from_row_slice(2, 2, &[1.0, 2.0, 3.0, 4.0]);
    let x = DVector::from_vec(vec![1.0, -1.0]);
    let g = quadratic_grad(&x, &a);
    assert_eq!(g, (&a + a.transpose()) * &x);
    let h = quadratic_hessian(&x, &a);
    assert_eq!(h, &a + a.transpose());
}
