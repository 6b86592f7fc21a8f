//! The calling convention between differentiated functions.
//!
//! `#[differentiate] fn g(a0: A0, a1: A1, ..) -> F` also defines, in the type
//! namespace next to the function, a companion `struct g {}` whose associated
//! functions are `g`'s derivatives, so that a differentiated caller can use
//! them without seeing `g`'s body:
//!
//! ```text
//! g::vjp(a0, a1, .., out_bar: F) -> (F, (C0, C1, ..))
//! g::jvp::<D>(a0, a1, .., tangents: (Option<D>, ..)) -> (F, D)
//! g::vjp_jvp::<D>(a0, a1, .., tangents, out_bar: F, out_bar_dot: Option<D>)
//!     -> (F, D, (C0, C1, ..), (T0, T1, ..))
//! ```
//!
//! `vjp` returns the value and the cotangent of every argument, in order:
//! `F` for a differentiated float argument, [`NoDerivative`] for the others.
//! `jvp` takes one optional tangent per argument (`None` is a zero tangent;
//! an argument without a derivative takes `Option<NoDerivative>`) and returns
//! the value and its tangent. `vjp_jvp` returns both plus the tangents of the
//! cotangents. `D` is a [`Directions`] bundle: `F` for one direction, `[F; N]`
//! for N at once.
//!
//! A hand-written function can join in by defining the same companion; the
//! helpers in [`crate::functions`] do.

use crate::{Directions, Linear, Scalar};

/// The cotangent (and tangent) slot of an argument that the function is not
/// differentiated in: an integer, a flag, user data, or a float left out of
/// `wrt(...)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoDerivative;

/// A cotangent a caller can accumulate. Not implemented by
/// [`NoDerivative`], which turns "this argument has no derivative" into a
/// compile error at the argument.
#[diagnostic::on_unimplemented(
    message = "the called function has no derivative with respect to this argument",
    label = "this argument depends on a differentiated input",
    note = "add the parameter to `#[differentiate(wrt(...))]` on the called function, or pass a value that does not depend on the inputs being differentiated"
)]
pub trait Cotangent {
    /// The cotangent itself. When the trait is not implemented this type is
    /// unknown, which keeps rustc from reporting the same mistake again at
    /// every later use.
    type Value;
    fn into_value(self) -> Self::Value;
}

#[diagnostic::do_not_recommend]
impl Cotangent for f32 {
    type Value = f32;
    #[inline(always)]
    fn into_value(self) -> f32 {
        self
    }
}

#[diagnostic::do_not_recommend]
impl Cotangent for f64 {
    type Value = f64;
    #[inline(always)]
    fn into_value(self) -> f64 {
        self
    }
}

#[diagnostic::do_not_recommend]
impl<T: Cotangent<Value = T>, const N: usize> Cotangent for [T; N] {
    type Value = [T; N];
    #[inline(always)]
    fn into_value(self) -> [T; N] {
        self
    }
}

#[diagnostic::do_not_recommend]
impl<T: Cotangent<Value = T>> Cotangent for Vec<T> {
    type Value = Vec<T>;
    #[inline(always)]
    fn into_value(self) -> Vec<T> {
        self
    }
}

/// The tangent of a slice or `Vec` argument a caller passed, or zeros for
/// `None`.
#[inline]
pub fn tangent_or_zero_vec<F: Scalar, D: Directions<F>>(tangent: Option<&[D]>, len: usize) -> Vec<D> {
    match tangent {
        Some(t) => t.to_vec(),
        None => vec![D::zero(); len],
    }
}

/// The tangent of an array argument a caller passed, or zeros for `None`.
#[inline(always)]
pub fn tangent_or_zero_fixed<F: Scalar, D: Directions<F>, const N: usize>(tangent: Option<&[D; N]>) -> [D; N] {
    match tangent {
        Some(t) => *t,
        None => [D::zero(); N],
    }
}

/// The tangent a caller passed, or the zero tangent for `None`.
#[inline(always)]
pub fn tangent_or_zero<F: Scalar, D: Directions<F>>(tangent: Option<D>) -> D {
    match tangent {
        Some(t) => t,
        None => D::zero(),
    }
}

// A function's cotangents are linear in the seed `out_bar` of its pullback,
// so its derivative cores are seeded with 1 and a caller's seed is applied
// afterwards: the cotangent `c` becomes `out_bar * c`, and its tangent `t`
// (the derivative of `c` along the caller's directions) becomes
// `out_bar * t + out_bar_dot * c` by the product rule. The gradients and
// Hessians call the cores as they are, with nothing to scale.

/// A cotangent computed with the seed 1, scaled by the caller's seed.
#[inline(always)]
pub fn reseed_cotangent<F: Scalar, C: Linear<F>>(out_bar: F, cotangent: C) -> C {
    cotangent.scale(out_bar)
}

/// The tangent of a float argument's cotangent under the caller's seed:
/// `out_bar * tangent + out_bar_dot * cotangent`, from those computed with
/// the seed 1.
#[inline(always)]
pub fn reseed_scalar<F: Scalar, D: Directions<F>>(out_bar: F, out_bar_dot: &D, cotangent: &F, tangent: D) -> D {
    tangent.scale(out_bar).add(&out_bar_dot.scale(*cotangent))
}

/// [`reseed_scalar`] for each element of an array argument.
#[inline]
pub fn reseed_array<F: Scalar, D: Directions<F>, const N: usize>(
    out_bar: F,
    out_bar_dot: &D,
    cotangent: &[F; N],
    tangent: [D; N],
) -> [D; N] {
    core::array::from_fn(|i| reseed_scalar(out_bar, out_bar_dot, &cotangent[i], tangent[i]))
}

/// [`reseed_scalar`] for each element of a slice or `Vec` argument.
#[inline]
pub fn reseed_vec<F: Scalar, D: Directions<F>>(
    out_bar: F,
    out_bar_dot: &D,
    cotangent: &[F],
    tangent: Vec<D>,
) -> Vec<D> {
    let mut tangent = tangent;
    for (t, c) in tangent.iter_mut().zip(cotangent) {
        *t = reseed_scalar(out_bar, out_bar_dot, c, *t);
    }
    tangent
}

/// The tangent of a function of scalars from its partial derivatives and
/// its arguments' tangents: `Σ partials[i] · tangents[i]` (the chain rule),
/// for the companions `#[derivative(..)]` builds.
#[inline(always)]
pub fn chain_partials<F: Scalar, D: Directions<F>, const N: usize>(partials: &[F; N], tangents: &[D; N]) -> D {
    let mut sum = D::zero();
    for (p, t) in partials.iter().zip(tangents) {
        sum = sum.add(&t.scale(*p));
    }
    sum
}

// A function holding nalgebra values takes its tangents one direction at a
// time (a matrix's tangent is a matrix of its shape), while a caller of
// floats and arrays may carry several directions at once (a Hessian's unit
// directions, a Jacobian's chunk). Its companions `jvp` and `vjp_jvp` loop
// over the caller's directions, one sweep each: these take direction
// `index` out of a caller's tangent and put a result's back.

/// Direction `index` of a float argument's tangent.
#[inline(always)]
pub fn direction_scalar<F: Scalar, D: Directions<F>>(tangent: Option<D>, index: usize) -> Option<F> {
    tangent.map(|t| t.get(index))
}

/// Direction `index` of an array argument's tangent.
#[inline(always)]
pub fn direction_fixed<F: Scalar, D: Directions<F>, const N: usize>(
    tangent: Option<&[D; N]>,
    index: usize,
) -> Option<[F; N]> {
    tangent.map(|t| core::array::from_fn(|i| t[i].get(index)))
}

/// Direction `index` of a slice or `Vec` argument's tangent.
#[inline]
pub fn direction_vec<F: Scalar, D: Directions<F>>(tangent: Option<&[D]>, index: usize) -> Option<Vec<F>> {
    tangent.map(|t| t.iter().map(|d| d.get(index)).collect())
}

/// A nalgebra argument's tangent, which has one direction: only a caller
/// holding nalgebra values passes one, and such a caller takes one
/// direction at a time (`D` is `F`, one pass of the loop, which takes it).
#[inline(always)]
pub fn direction_matrix<F: Scalar, D: Directions<F>, M>(tangent: &mut Option<M>, _index: usize) -> Option<M> {
    assert!(tangent.is_none() || D::COUNT == 1, "a nalgebra tangent carries one direction");
    tangent.take()
}

/// Sets direction `index` of each element of an array's tangent.
#[inline(always)]
pub fn put_direction_fixed<F: Scalar, D: Directions<F>, const N: usize>(
    bundle: &mut [D; N],
    index: usize,
    one: &[F; N],
) {
    for (b, o) in bundle.iter_mut().zip(one) {
        b.set(index, *o);
    }
}

/// Sets direction `index` of each element of a slice's tangent.
#[inline]
pub fn put_direction_vec<F: Scalar, D: Directions<F>>(bundle: &mut Vec<D>, index: usize, one: &[F]) {
    if bundle.len() != one.len() {
        *bundle = vec![D::zero(); one.len()];
    }
    for (b, o) in bundle.iter_mut().zip(one) {
        b.set(index, *o);
    }
}

/// Implemented by no function: a function that returns a vector or matrix
/// has no companions of the calling convention yet, only stand-ins that
/// require this, so that a differentiated caller gets this message at the
/// call.
#[diagnostic::on_unimplemented(
    message = "a differentiated function cannot call a function that returns a vector or matrix",
    label = "returns a vector or matrix",
    note = "call `#[differentiate]` functions that return one float each (one per element you need), or write the computation inline"
)]
pub trait ReturnsOneFloat {}

/// Keeps rustc from suggesting that the trait be implemented.
#[doc(hidden)]
pub struct NotAFunction;

#[diagnostic::do_not_recommend]
impl ReturnsOneFloat for NotAFunction {}
