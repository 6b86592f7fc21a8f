//! What the derivatives of a function of a `#[derive(Differentiable)]`
//! struct need at run time: its Hessian as one dense matrix, whatever form
//! the Hessian over the struct's fields took.

use nalgebra::{DMatrix, SMatrix, Scalar};

/// A Hessian as a `DMatrix`: the Hessian of a function of a struct is over
/// the fields' `vec()` in declaration order, and its size is the struct's,
/// not a type the user wrote, so it is always dense and dynamic.
pub trait IntoDenseHessian<F> {
    fn into_dense_hessian(self) -> DMatrix<F>;
}

impl<F: Scalar + Copy, const N: usize> IntoDenseHessian<F> for [[F; N]; N] {
    fn into_dense_hessian(self) -> DMatrix<F> {
        DMatrix::from_fn(N, N, |i, j| self[i][j])
    }
}

impl<F: Scalar + Copy> IntoDenseHessian<F> for Vec<Vec<F>> {
    fn into_dense_hessian(self) -> DMatrix<F> {
        let n = self.len();
        DMatrix::from_fn(n, n, |i, j| self[i][j])
    }
}

impl<F: Scalar + Copy, const R: usize, const C: usize> IntoDenseHessian<F> for SMatrix<F, R, C> {
    fn into_dense_hessian(self) -> DMatrix<F> {
        DMatrix::from_fn(R, C, |i, j| self[(i, j)])
    }
}

impl<F: Scalar> IntoDenseHessian<F> for DMatrix<F> {
    fn into_dense_hessian(self) -> DMatrix<F> {
        self
    }
}
