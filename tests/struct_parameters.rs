//! Struct parameters: `#[derive(Differentiable)]` structs in `wrt(..)`.

use matdiff::{Differentiable, differentiate};
use nalgebra::{DMatrix, DVector};

#[derive(Differentiable, Clone, Debug)]
struct Params {
    w: DMatrix<f64>,
    b: DVector<f64>,
    scale: f64,
    #[matdiff(constant)]
    label: usize,
}

struct Data {
    x: DVector<f64>,
    y: DVector<f64>,
}

#[differentiate(wrt(p))]
fn loss(p: &Params, data: &Data) -> f64 {
    let r = (&p.w * &data.x + &p.b) * p.scale - &data.y;
    0.5 * r.norm_squared()
}

fn main_like() {
    let p = Params { w: DMatrix::from_row_slice(2, 3, &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]), b: DVector::from_vec(vec![0.5, -0.5]), scale: 1.5, label: 7 };
    let data = Data { x: DVector::from_vec(vec![1.0, -1.0, 2.0]), y: DVector::from_vec(vec![0.3, 0.7]) };
    let g = loss_grad(&p, &data);
    println!("{g:?} {}", loss_hessian(&p, &data));
}

#[test]
fn smoke() {
    main_like();
}
