//! The floating-point types that can be differentiated: `f32` and `f64`.

use core::fmt::Debug;

use num_traits::{Float, FloatConst};

/// A real scalar that matdiff differentiates: `f32` or `f64`.
///
/// It is `num_traits::Float` plus what the rules need: conversion of the
/// small constants that appear in derivative formulas.
pub trait Scalar:
    Float + FloatConst + Debug + Default + Send + Sync + 'static + crate::calling::Cotangent<Value = Self>
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
