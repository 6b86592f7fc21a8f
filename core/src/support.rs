//! What generated code calls besides the rules: seeds, zeros, sums and the
//! tapes of branches.

use crate::{Directions, Linear, Scalar};

/// The tape an `if` leaves for the reverse sweep: which arm ran, and the
/// values that arm's reverse sweep needs.
pub enum Branch<A, B> {
    Then(A),
    Else(B),
}

/// A value that has a cotangent of its own shape.
pub trait Primal {
    /// The cotangent (gradient) type.
    type Cotangent: Clone;
    /// The zero cotangent of `self`'s shape.
    fn zero_cotangent(&self) -> Self::Cotangent;
}

impl<F: Scalar> Primal for F {
    type Cotangent = F;
    #[inline(always)]
    fn zero_cotangent(&self) -> F {
        F::zero()
    }
}

/// A value whose tangent, along a bundle of directions `D`, has a known type.
pub trait HasTangent<D> {
    /// The tangent type.
    type Tangent: Clone;
    /// The zero tangent of `self`'s shape.
    fn zero_tangent(&self) -> Self::Tangent;
}

impl<F: Scalar, D: Directions<F>> HasTangent<D> for F {
    type Tangent = D;
    #[inline(always)]
    fn zero_tangent(&self) -> D {
        D::zero()
    }
}

/// The zero cotangent of `value`'s shape.
#[inline(always)]
pub fn zero_like<P: Primal>(value: &P) -> P::Cotangent {
    value.zero_cotangent()
}

/// The zero tangent of `value` along directions `D`.
#[inline(always)]
pub fn zero_tangent<D, P: HasTangent<D>>(value: &P) -> P::Tangent {
    value.zero_tangent()
}

/// The cotangent 1 of a scalar result: the seed of a gradient.
#[inline(always)]
pub fn one_like<F: Scalar>(_value: &F) -> F {
    F::one()
}

/// The sum of two tangents or cotangents.
#[inline(always)]
pub fn add<F, T: Linear<F>>(a: &T, b: &T) -> T {
    a.add(b)
}

/// Unit direction `index` of the bundle `D`: the seed of input `index` for
/// a Hessian.
#[inline(always)]
pub fn unit<F: Scalar, D: Directions<F>>(index: usize) -> D {
    D::unit(index)
}
