//! nalgebra vectors and matrices as primals, tangents and cotangents.
//!
//! Denominator layout: the cotangent (gradient) of a matrix has the matrix's
//! own type and shape, so the gradient of a scalar function with respect to
//! `X: SMatrix<f64, R, C>` is an `SMatrix<f64, R, C>`, and static sizes stay
//! static (no heap allocation). One tangent direction of a matrix is again a
//! matrix of its shape.

use nalgebra::allocator::Allocator;
use nalgebra::{DefaultAllocator, Dim, OMatrix, RealField};

use crate::calling::Cotangent;
use crate::support::{HasTangent, Primal};
use crate::{Linear, Scalar};

/// The element types of differentiable matrices: `f32` and `f64`.
pub trait Elem: Scalar + RealField {}

impl<F: Scalar + RealField> Elem for F {}

impl<F: Elem, R: Dim, C: Dim> Linear<F> for OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<R, C>,
{
    #[inline]
    fn add(&self, other: &Self) -> Self {
        crate::pool::pooled_zip_map(self, other, |x, y| x + y).unwrap_or_else(|| self + other)
    }
    #[inline]
    fn sub(&self, other: &Self) -> Self {
        crate::pool::pooled_zip_map(self, other, |x, y| x - y).unwrap_or_else(|| self - other)
    }
    #[inline]
    fn neg(&self) -> Self {
        crate::pool::pooled_map(self, |v| -v).unwrap_or_else(|| self.clone().neg_owned())
    }
    #[inline]
    fn scale(&self, s: F) -> Self {
        crate::pool::pooled_map(self, |v| v * s).unwrap_or_else(|| self * s)
    }
    #[inline]
    fn zero_like(&self) -> Self {
        let (rows, cols) = self.shape_generic();
        crate::pool::zeros_generic(rows, cols)
    }
    #[inline]
    fn add_owned(mut self, other: &Self) -> Self {
        self += other;
        self
    }
    /// By element over the storage: nalgebra's own negation is not
    /// vectorised and takes three times as long.
    #[inline]
    fn neg_owned(mut self) -> Self {
        for v in self.as_mut_slice() {
            *v = -*v;
        }
        self
    }
    /// The sum in `self`'s storage; `other`'s goes to the installed
    /// workspace, if any.
    #[inline]
    fn add_pair(mut self, other: Self) -> Self {
        self += &other;
        crate::pool::recycle_matrix(other);
        self
    }
}

impl<F: Elem, R: Dim, C: Dim> Primal for OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<R, C>,
{
    type Cotangent = Self;
    #[inline]
    fn zero_cotangent(&self) -> Self {
        self.zero_like()
    }
}

/// One direction at a time: the tangent of a matrix is a matrix of its shape.
impl<F: Elem, R: Dim, C: Dim> HasTangent<F> for OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<R, C>,
{
    type Tangent = Self;
    #[inline]
    fn zero_tangent(&self) -> Self {
        self.zero_like()
    }
}

#[diagnostic::do_not_recommend]
impl<F: Elem, R: Dim, C: Dim> Cotangent for OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<R, C>,
{
    type Value = Self;
    #[inline(always)]
    fn into_value(self) -> Self {
        self
    }
}

/// The elements of a gradient part in the order of the flattened inputs:
/// a float, an array or `Vec` in order, a matrix column by column (its
/// `vec()`, which is nalgebra's storage order).
pub trait Flat<F> {
    fn flat(&self) -> &[F];
}

impl<F: Scalar> Flat<F> for F {
    #[inline(always)]
    fn flat(&self) -> &[F] {
        core::slice::from_ref(self)
    }
}

impl<F: Scalar, const N: usize> Flat<F> for [F; N] {
    #[inline(always)]
    fn flat(&self) -> &[F] {
        self
    }
}

impl<F: Scalar> Flat<F> for [F] {
    #[inline(always)]
    fn flat(&self) -> &[F] {
        self
    }
}

impl<F: Scalar> Flat<F> for Vec<F> {
    #[inline(always)]
    fn flat(&self) -> &[F] {
        self
    }
}

impl<F: Elem, R: Dim, C: Dim> Flat<F> for OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<R, C>,
{
    #[inline(always)]
    fn flat(&self) -> &[F] {
        self.as_slice()
    }
}

/// The tangent of matrix argument `like` for the Hessian column `column`
/// of the flattened inputs, where `like`'s elements start at `base`: the
/// unit matrix at that element if it is one of them, zero otherwise.
#[inline]
pub fn seed_matrix<F: Elem, R: Dim, C: Dim>(like: &OMatrix<F, R, C>, base: usize, column: usize) -> OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<R, C>,
{
    let mut seed = like.zero_like();
    if column >= base && column < base + like.len() {
        seed.as_mut_slice()[column - base] = F::one();
    }
    seed
}

/// Writes `part` (the tangent of one argument's gradient) into column
/// `column` of `matrix`, from row `base` on.
#[inline]
pub fn write_column<F: Elem, R: Dim, C: Dim, T: Flat<F>>(
    matrix: &mut OMatrix<F, R, C>,
    column: usize,
    base: usize,
    part: &T,
) where
    DefaultAllocator: Allocator<R, C>,
{
    let part = part.flat();
    matrix.column_mut(column).rows_mut(base, part.len()).copy_from_slice(part);
}

/// Writes `part` (one argument's gradient of one output) into row `row` of
/// a nalgebra Jacobian, from column `base` on.
#[inline]
pub fn write_matrix_row<F: Elem, R: Dim, C: Dim, T: Flat<F>>(
    matrix: &mut OMatrix<F, R, C>,
    row: usize,
    base: usize,
    part: &T,
) where
    DefaultAllocator: Allocator<R, C>,
{
    for (k, value) in part.flat().iter().enumerate() {
        matrix[(row, base + k)] = *value;
    }
}

/// Writes `part` into row `row` of a Jacobian, from column `base` on.
#[inline]
pub fn write_row<F: Copy, T: Flat<F>>(row: &mut [F], base: usize, part: &T) {
    let part = part.flat();
    row[base..base + part.len()].copy_from_slice(part);
}

/// The tangent a caller passed for a matrix argument, or zero for `None`.
#[inline]
pub fn tangent_or_zero_matrix<F: Elem, R: Dim, C: Dim>(
    tangent: Option<OMatrix<F, R, C>>,
    like: &OMatrix<F, R, C>,
) -> OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<R, C>,
{
    tangent.unwrap_or_else(|| like.zero_like())
}

/// The tangent of a matrix argument's cotangent under a caller's seed:
/// `out_bar * tangent + out_bar_dot * cotangent`, where `cotangent` and
/// `tangent` were computed with the seed 1 (see
/// [`crate::calling::reseed_scalar`]).
#[inline]
pub fn reseed_matrix<F: Elem, R: Dim, C: Dim>(
    out_bar: F,
    out_bar_dot: &F,
    cotangent: &OMatrix<F, R, C>,
    tangent: OMatrix<F, R, C>,
) -> OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<R, C>,
{
    let mut tangent = tangent;
    tangent.zip_apply(cotangent, |t, c| *t = out_bar * *t + *out_bar_dot * c);
    tangent
}
