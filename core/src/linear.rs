//! Vector spaces over a scalar: where tangents and cotangents live.
//!
//! A cotangent (adjoint) has the shape of its primal value. A tangent carries
//! one or several directions at once: a `Directions` value is a fixed-size
//! bundle of directional derivatives (`F` for one direction, `[F; N]` for N).
//! Seeding the N inputs of a function with the N unit directions gives a
//! whole Hessian from one forward-over-reverse sweep.

use crate::Scalar;

/// A vector space over `F`: tangents and cotangents of values of one shape.
pub trait Linear<F>: Clone {
    /// `self + other`.
    fn add(&self, other: &Self) -> Self;
    /// `self - other`.
    fn sub(&self, other: &Self) -> Self;
    /// `-self`.
    fn neg(&self) -> Self;
    /// `s * self`.
    fn scale(&self, s: F) -> Self;
    /// The zero of the same shape as `self`.
    fn zero_like(&self) -> Self;
    /// `self + other`, reusing `self`'s storage where it has any.
    #[inline(always)]
    fn add_owned(self, other: &Self) -> Self {
        self.add(other)
    }
    /// `-self`, reusing `self`'s storage where it has any.
    #[inline(always)]
    fn neg_owned(self) -> Self
    where
        Self: Sized,
    {
        self.neg()
    }
    /// `self + other`, reusing the storage of whichever can lend it.
    #[inline(always)]
    fn add_pair(self, other: Self) -> Self
    where
        Self: Sized,
    {
        self.add_owned(&other)
    }
}

/// A fixed-size bundle of directional derivatives of one scalar: `F` itself
/// (one direction, as in a Hessian-vector product) or `[F; N]` (N directions,
/// as in a full Hessian of N scalar inputs).
pub trait Directions<F>: Linear<F> + Copy + crate::calling::Cotangent<Value = Self> {
    /// How many directions the bundle carries.
    const COUNT: usize;
    /// The zero bundle.
    fn zero() -> Self;
    /// The bundle whose direction `index` is 1 and the others 0.
    fn unit(index: usize) -> Self;
    /// The bundle with every direction equal to `value`.
    fn splat(value: F) -> Self;
    /// The derivative along direction `index`.
    fn get(&self, index: usize) -> F;
    /// Sets the derivative along direction `index` to `value`.
    fn set(&mut self, index: usize, value: F);
}

impl<F: Scalar> Linear<F> for F {
    #[inline(always)]
    fn add(&self, other: &Self) -> Self {
        *self + *other
    }
    #[inline(always)]
    fn sub(&self, other: &Self) -> Self {
        *self - *other
    }
    #[inline(always)]
    fn neg(&self) -> Self {
        -*self
    }
    #[inline(always)]
    fn scale(&self, s: F) -> Self {
        s * *self
    }
    #[inline(always)]
    fn zero_like(&self) -> Self {
        F::zero()
    }
}

impl<F: Scalar> Directions<F> for F {
    const COUNT: usize = 1;
    #[inline(always)]
    fn zero() -> Self {
        F::zero()
    }
    #[inline(always)]
    fn unit(index: usize) -> Self {
        debug_assert_eq!(index, 0);
        F::one()
    }
    #[inline(always)]
    fn splat(value: F) -> Self {
        value
    }
    #[inline(always)]
    fn get(&self, index: usize) -> F {
        debug_assert_eq!(index, 0);
        *self
    }
    #[inline(always)]
    fn set(&mut self, index: usize, value: F) {
        debug_assert_eq!(index, 0);
        *self = value;
    }
}

impl<F: Scalar, const N: usize> Linear<F> for [F; N] {
    #[inline(always)]
    fn add(&self, other: &Self) -> Self {
        core::array::from_fn(|i| self[i] + other[i])
    }
    #[inline(always)]
    fn sub(&self, other: &Self) -> Self {
        core::array::from_fn(|i| self[i] - other[i])
    }
    #[inline(always)]
    fn neg(&self) -> Self {
        core::array::from_fn(|i| -self[i])
    }
    #[inline(always)]
    fn scale(&self, s: F) -> Self {
        core::array::from_fn(|i| s * self[i])
    }
    #[inline(always)]
    fn zero_like(&self) -> Self {
        [F::zero(); N]
    }
}

impl<F: Scalar, const N: usize> Directions<F> for [F; N] {
    const COUNT: usize = N;
    #[inline(always)]
    fn zero() -> Self {
        [F::zero(); N]
    }
    #[inline(always)]
    fn unit(index: usize) -> Self {
        core::array::from_fn(|i| if i == index { F::one() } else { F::zero() })
    }
    #[inline(always)]
    fn splat(value: F) -> Self {
        [value; N]
    }
    #[inline(always)]
    fn get(&self, index: usize) -> F {
        self[index]
    }
    #[inline(always)]
    fn set(&mut self, index: usize, value: F) {
        self[index] = value;
    }
}
