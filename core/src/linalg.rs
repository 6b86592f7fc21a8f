//! The matrix functions that user code calls (`matdiff::logdet(&x)`,
//! `matdiff::inv`, `matdiff::solve`, `matdiff::softmax`), with their rules
//! in [`crate::rules::matrix`] and [`crate::rules::bundle`]. Where a matrix
//! is singular they give NaN (or `-inf` for `logdet`), never a wrong number.

use nalgebra::allocator::Allocator;
use nalgebra::{DefaultAllocator, Dim, DimMin, OMatrix};

use crate::matrix::Elem;

/// The inverse of `x`, or a matrix of NaN where `x` is singular.
#[inline]
pub fn inv<F: Elem, D: Dim + DimMin<D, Output = D>>(x: &OMatrix<F, D, D>) -> OMatrix<F, D, D>
where
    DefaultAllocator: Allocator<D, D> + Allocator<D>,
{
    x.clone().try_inverse().unwrap_or_else(|| x.map(|_| F::nan()))
}

/// ln |det x| from an LU factorisation: no overflow of the determinant on the
/// way; `-inf` where `x` is singular.
#[inline]
pub fn logdet<F: Elem, D: Dim + DimMin<D, Output = D>>(x: &OMatrix<F, D, D>) -> F
where
    DefaultAllocator: Allocator<D, D> + Allocator<D>,
{
    let lu = x.clone().lu();
    lu.u().diagonal().iter().fold(F::zero(), |sum, &u| sum + num_traits::Float::ln(num_traits::Float::abs(u)))
}

/// `x^-1 b`, or NaN where `x` is singular.
#[inline]
pub fn solve<F: Elem, D: Dim + DimMin<D, Output = D>, C: Dim>(
    a: &OMatrix<F, D, D>,
    b: &OMatrix<F, D, C>,
) -> OMatrix<F, D, C>
where
    DefaultAllocator: Allocator<D, D> + Allocator<D> + Allocator<D, C>,
{
    a.clone().lu().solve(b).unwrap_or_else(|| b.map(|_| F::nan()))
}

/// The softmax `e^(x_i - logsumexp(x))` of a vector, without overflow and
/// to a few ulps in every element (see [`crate::functions::softmax_of`]).
#[inline]
pub fn softmax<F: Elem, R: Dim>(x: &OMatrix<F, R, nalgebra::U1>) -> OMatrix<F, R, nalgebra::U1>
where
    DefaultAllocator: Allocator<R>,
{
    let p = crate::functions::softmax_of(x.as_slice());
    OMatrix::from_iterator_generic(x.shape_generic().0, nalgebra::U1, p)
}
