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
        self + other
    }
    #[inline]
    fn sub(&self, other: &Self) -> Self {
        self - other
    }
    #[inline]
    fn neg(&self) -> Self {
        -self
    }
    #[inline]
    fn scale(&self, s: F) -> Self {
        self * s
    }
    #[inline]
    fn zero_like(&self) -> Self {
        let (rows, cols) = self.shape_generic();
        OMatrix::zeros_generic(rows, cols)
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
