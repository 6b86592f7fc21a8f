//! The floating-point types that can be differentiated: `f32` and `f64`.

use core::fmt::Debug;

use num_traits::{Float, FloatConst};

/// A real scalar that matdiff differentiates: `f32` or `f64`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a float, and this operation's derivative rule is for `f32` and `f64`",
    label = "applied here to a value of type `{Self}`",
    note = "on a nalgebra vector or matrix, apply a float function to every element with `x.map(|v| v.exp())`; the matrix operations with rules are `+ - * /`, `dot`, `cross`, `tr_mul`, `component_mul`, `component_div`, `transpose`, `sum`, `mean`, `trace`, `norm`, `norm_squared`, `determinant`, indexing, and `matdiff::logdet`, `inv`, `solve`, `softmax`"
)]
///
/// It is `num_traits::Float` plus what the rules need: conversion of the
/// small constants that appear in derivative formulas.
pub trait Scalar:
    Float
    + FloatConst
    + Debug
    + Default
    + Send
    + Sync
    + 'static
    + crate::calling::Cotangent<Value = Self>
    + crate::support::Primal<Cotangent = Self>
{
    /// The constant `value` in this type (the formulas only use small,
    /// exactly representable constants such as 2 or 1/3).
    fn of(value: f64) -> Self;
    /// The value as `f64`, for reporting.
    fn to_f64_lossy(self) -> f64;
}

impl Scalar for f64 {
    #[inline(always)]
    fn of(value: f64) -> Self {
        value
    }
    #[inline(always)]
    fn to_f64_lossy(self) -> f64 {
        self
    }
}

impl Scalar for f32 {
    #[inline(always)]
    fn of(value: f64) -> Self {
        value as f32
    }
    #[inline(always)]
    fn to_f64_lossy(self) -> f64 {
        self as f64
    }
}

/// The bound of the float type parameter of a generic differentiated
/// function: [`Scalar`] (so `f32` and `f64`) with the compound
/// assignments, `Sum` and `Product`, which generic code writes
/// (`s += x[i]`, `x.iter().sum()`) and `num_traits::Float` lacks.
///
/// The functions `#[differentiate]` generates for `fn f<T: Float>(x: T) -> T`
/// require `T: Real`, whatever bound `f` itself has: a generic caller of
/// `f_grad` bounds its own type parameter by `Real`.
#[diagnostic::on_unimplemented(
    message = "the derivatives of a generic function need `{Self}: matdiff::Real`",
    label = "`{Self}` is not known to be `f32` or `f64`",
    note = "bound the type parameter of the calling function by `matdiff::Real` (which `f32` and `f64` implement) rather than by `Float` alone: `fn caller<T: matdiff::Real>(..)`"
)]
pub trait Real:
    Scalar
    + num_traits::NumAssign
    + core::iter::Sum
    + core::iter::Product
    + for<'a> core::iter::Sum<&'a Self>
    + for<'a> core::iter::Product<&'a Self>
{
}

// Per type rather than for every `T` with the supertraits: a caller whose
// type parameter lacks the bound then gets one error naming `Real`, not one
// per missing supertrait.
impl Real for f32 {}
impl Real for f64 {}
