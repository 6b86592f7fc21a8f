//! Numerically stable helpers with derivative rules: call them from a
//! `#[differentiate]` function like any other differentiated function.
//!
//! Each comes with the companion of [`crate::calling`], written by hand from
//! the rules in [`crate::rules`].

#![allow(non_camel_case_types)]

use crate::rules;
use crate::{Directions, Scalar, calling::tangent_or_zero};

/// The logistic function 1 / (1 + e^-x), without overflow for large |x|.
#[inline]
pub fn sigmoid<F: Scalar>(x: F) -> F {
    if x >= F::zero() {
        F::one() / (F::one() + (-x).exp())
    } else {
        let e = x.exp();
        e / (F::one() + e)
    }
}

/// ln(1 + e^x), without overflow for large x or loss of precision for very
/// negative x.
#[inline]
pub fn softplus<F: Scalar>(x: F) -> F {
    x.max(F::zero()) + (-x.abs()).exp().ln_1p()
}

/// ln(e^a + e^b), without overflow: the log-sum-exp of two values.
#[inline]
pub fn logaddexp<F: Scalar>(a: F, b: F) -> F {
    let m = a.max(b);
    if m.is_infinite() {
        // Also where a - b is inf - inf; a NaN argument stays NaN.
        return if a.is_nan() || b.is_nan() { F::nan() } else { m };
    }
    // ln_1p keeps e^-|a - b| where it is below an ulp of 1.
    m + exp_neg_abs_difference(a, b).1.ln_1p()
}

/// `a - b` rounded and its rounding error (`a - b = s + err` exactly, by
/// Knuth's two-sum); the error is taken as 0 where the difference is not
/// finite.
#[inline(always)]
fn two_difference<F: Scalar>(a: F, b: F) -> (F, F) {
    let s = a - b;
    let a_part = s + b;
    let b_part = s - a_part;
    let err = (a - a_part) - (b + b_part);
    (s, if err.is_finite() { err } else { F::zero() })
}

/// e^(a - b), to an ulp or two also where `a - b` is large: the difference
/// rounds by up to half an ulp of |a - b|, which exp turns into a relative
/// error |a - b| times larger, so the rounding error is put back to first
/// order.
#[inline(always)]
pub(crate) fn exp_difference<F: Scalar>(a: F, b: F) -> F {
    let (s, err) = two_difference(a, b);
    let e = s.exp();
    e + e * err
}

/// `a - b` rounded, and e^-|a - b| to an ulp or two (as in
/// [`exp_difference`]).
#[inline(always)]
fn exp_neg_abs_difference<F: Scalar>(a: F, b: F) -> (F, F) {
    let (s, err) = two_difference(a, b);
    let e = (-s.abs()).exp();
    // |a - b| = |s| + sign(s) err.
    let err = if s < F::zero() { -err } else { err };
    (s, e - e * err)
}

/// sigmoid'(x) = e / (1 + e)^2 with e = e^-|x| (it is even): the form
/// y (1 - y) loses everything to 1 - y once y rounds to 1, near x = 37.
#[inline(always)]
pub(crate) fn sigmoid_derivative<F: Scalar>(x: F) -> F {
    let e = (-x.abs()).exp();
    let one_e = F::one() + e;
    e / (one_e * one_e)
}

/// sigmoid''(x) = -sign(x) e (1 - e) / (1 + e)^3 with e = e^-|x|.
#[inline(always)]
pub(crate) fn sigmoid_second_derivative<F: Scalar>(x: F) -> F {
    let ax = x.abs();
    // Near 0, 1 - e would cancel: exp_m1 gives it whole, and costs no more
    // than the exp it replaces.
    let (e, one_minus_e) = if ax < F::LN_2() {
        let m = (-ax).exp_m1();
        (F::one() + m, -m)
    } else {
        let e = (-ax).exp();
        (e, F::one() - e)
    };
    let one_e = F::one() + e;
    let v = e * one_minus_e / (one_e * one_e * one_e);
    if x > F::zero() { -v } else { v }
}

/// The weights of logaddexp(a, b), sigmoid(a - b) and sigmoid(b - a), and
/// the second derivative sigmoid'(a - b), each from e^-|a - b| so that
/// none is a difference from 1.
#[inline(always)]
pub(crate) fn logaddexp_weights<F: Scalar>(a: F, b: F) -> (F, F, F) {
    let (s, e) = exp_neg_abs_difference(a, b);
    let one_e = F::one() + e;
    let (large, small) = (one_e.recip(), e / one_e);
    let curvature = small / one_e;
    if s >= F::zero() { (large, small, curvature) } else { (small, large, curvature) }
}

/// The softmax e^(x_i - m) / sum_j e^(x_j - m) of `x`, m the largest
/// element: no overflow, and each weight to a few ulps, also the tiny ones
/// (which e^(x_i - logsumexp(x)) gets wrong by the rounding of the
/// logsumexp, |logsumexp| ulps).
#[doc(hidden)]
pub fn softmax_of<F: Scalar>(x: &[F]) -> Vec<F> {
    let m = x.iter().fold(F::neg_infinity(), |m, &v| m.max(v));
    let e: Vec<F> = x.iter().map(|&v| exp_difference(v, m)).collect();
    let s = e.iter().fold(F::zero(), |s, &v| s + v);
    e.into_iter().map(|v| v / s).collect()
}

/// 1 - p_i for weights `p` that sum to 1, each to a few ulps: for the
/// largest weight (the only one that can exceed 1/2, where 1 - p_i would
/// cancel) as the sum of the others.
#[doc(hidden)]
pub fn complements<F: Scalar>(p: &[F]) -> Vec<F> {
    let Some(k) = (0..p.len()).reduce(|k, i| if p[i] > p[k] { i } else { k }) else { return Vec::new() };
    let rest = p.iter().enumerate().fold(F::zero(), |s, (i, &v)| if i == k { s } else { s + v });
    p.iter().enumerate().map(|(i, &v)| if i == k { rest } else { F::one() - v }).collect()
}

/// `t_i - p't` for weights `p` with complements `q` (1 - p_i), written as
/// `t_i q_i - (p't - p_i t_i)`: along a unit vector t = e_i that is q_i
/// exactly where `t_i - p't` would be 1 - p_i.
#[inline(always)]
#[doc(hidden)]
pub fn centered<F: Scalar>(t_i: F, p_i: F, q_i: F, pt: F) -> F {
    t_i * q_i - (pt - p_i * t_i)
}

/// Companion of a unary helper: the calling convention of
/// [`crate::calling`] built from the helper's rule module.
macro_rules! unary_companion {
    ($name:ident) => {
        #[doc(hidden)]
        pub struct $name {}

        impl $name {
            #[inline(always)]
            pub fn vjp<F: Scalar>(x: F, out_bar: F) -> (F, (F,)) {
                let y = $name(x);
                (y, (rules::$name::vjp0(&x, &y, &out_bar),))
            }

            #[inline(always)]
            pub fn jvp<F: Scalar, D: Directions<F>>(x: F, tangents: (Option<D>,)) -> (F, D) {
                let y = $name(x);
                let x_dot = tangent_or_zero::<F, D>(tangents.0);
                (y, rules::$name::jvp0(&x, &y, &x_dot))
            }

            #[inline(always)]
            pub fn vjp_jvp<F: Scalar, D: Directions<F>>(
                x: F,
                tangents: (Option<D>,),
                out_bar: F,
                out_bar_dot: Option<D>,
            ) -> (F, D, (F,), (D,)) {
                let y = $name(x);
                let x_dot = tangent_or_zero::<F, D>(tangents.0);
                let out_bar_dot = tangent_or_zero::<F, D>(out_bar_dot);
                let y_dot = rules::$name::jvp0(&x, &y, &x_dot);
                let x_bar = rules::$name::vjp0(&x, &y, &out_bar);
                let x_bar_dot =
                    rules::$name::vjp0(&x, &y, &out_bar_dot).add(&rules::$name::vjp0_jvp0(&x, &y, &out_bar, &x_dot));
                (y, y_dot, (x_bar,), (x_bar_dot,))
            }
        }
    };
}

unary_companion!(sigmoid);
unary_companion!(softplus);

#[doc(hidden)]
pub struct logaddexp {}

impl logaddexp {
    #[inline(always)]
    pub fn vjp<F: Scalar>(a: F, b: F, out_bar: F) -> (F, (F, F)) {
        let y = logaddexp(a, b);
        let grad = (rules::logaddexp::vjp0(&a, &b, &y, &out_bar), rules::logaddexp::vjp1(&a, &b, &y, &out_bar));
        (y, grad)
    }

    #[inline(always)]
    pub fn jvp<F: Scalar, D: Directions<F>>(a: F, b: F, tangents: (Option<D>, Option<D>)) -> (F, D) {
        let y = logaddexp(a, b);
        let a_dot = tangent_or_zero::<F, D>(tangents.0);
        let b_dot = tangent_or_zero::<F, D>(tangents.1);
        let y_dot = rules::logaddexp::jvp0(&a, &b, &y, &a_dot).add(&rules::logaddexp::jvp1(&a, &b, &y, &b_dot));
        (y, y_dot)
    }

    #[inline(always)]
    pub fn vjp_jvp<F: Scalar, D: Directions<F>>(
        a: F,
        b: F,
        tangents: (Option<D>, Option<D>),
        out_bar: F,
        out_bar_dot: Option<D>,
    ) -> (F, D, (F, F), (D, D)) {
        use rules::logaddexp as rule;
        let (y, y_dot) = Self::jvp(a, b, tangents);
        let a_dot = tangent_or_zero::<F, D>(tangents.0);
        let b_dot = tangent_or_zero::<F, D>(tangents.1);
        let out_bar_dot = tangent_or_zero::<F, D>(out_bar_dot);
        let a_bar = rule::vjp0(&a, &b, &y, &out_bar);
        let b_bar = rule::vjp1(&a, &b, &y, &out_bar);
        let a_bar_dot = rule::vjp0(&a, &b, &y, &out_bar_dot)
            .add(&rule::vjp0_jvp0(&a, &b, &y, &out_bar, &a_dot))
            .add(&rule::vjp0_jvp1(&a, &b, &y, &out_bar, &b_dot));
        let b_bar_dot = rule::vjp1(&a, &b, &y, &out_bar_dot)
            .add(&rule::vjp1_jvp0(&a, &b, &y, &out_bar, &a_dot))
            .add(&rule::vjp1_jvp1(&a, &b, &y, &out_bar, &b_dot));
        (y, y_dot, (a_bar, b_bar), (a_bar_dot, b_bar_dot))
    }
}

/// ln(sum of e^x) over a slice, array, `Vec` or nalgebra vector or matrix,
/// without overflow; `-inf` when there are no elements.
#[inline]
pub fn logsumexp<F: Scalar, X: crate::matrix::Flat<F> + ?Sized>(x: &X) -> F {
    let x = x.flat();
    let m = x.iter().fold(F::neg_infinity(), |m, &v| m.max(v));
    if m == F::neg_infinity() || m == F::infinity() {
        return m;
    }
    // The first largest element contributes 1; ln_1p of the others keeps
    // them where their sum is below an ulp of 1.
    let k = x.iter().position(|&v| v == m).unwrap_or(0);
    let rest = x.iter().enumerate().fold(F::zero(), |s, (i, &v)| if i == k { s } else { s + (v - m).exp() });
    m + rest.ln_1p()
}

/// The weights e^(x_i - y) of log-sum-exp at `x` (which sum to 1): its
/// gradient.
fn softmax_weights<F: Scalar>(x: &[F], _y: F) -> Vec<F> {
    softmax_of(x)
}

#[doc(hidden)]
pub struct logsumexp {}

impl logsumexp {
    #[inline]
    pub fn vjp<F: Scalar>(x: &[F], out_bar: F) -> (F, (Vec<F>,)) {
        let y = logsumexp(x);
        let p = softmax_weights(x, y);
        (y, (p.iter().map(|&pi| pi * out_bar).collect(),))
    }

    #[inline]
    pub fn jvp<F: Scalar, D: Directions<F>>(x: &[F], tangents: (Option<&[D]>,)) -> (F, D) {
        let y = logsumexp(x);
        let Some(t) = tangents.0 else { return (y, D::zero()) };
        let p = softmax_weights(x, y);
        let y_dot = p.iter().zip(t).fold(D::zero(), |acc, (&pi, ti)| acc.add(&ti.scale(pi)));
        (y, y_dot)
    }

    /// The Hessian of log-sum-exp is diag(p) - p p'.
    #[inline]
    pub fn vjp_jvp<F: Scalar, D: Directions<F>>(
        x: &[F],
        tangents: (Option<&[D]>,),
        out_bar: F,
        out_bar_dot: Option<D>,
    ) -> (F, D, (Vec<F>,), (Vec<D>,)) {
        let y = logsumexp(x);
        let p = softmax_weights(x, y);
        let q = complements(&p);
        let zeros = vec![D::zero(); x.len()];
        let t = tangents.0.unwrap_or(&zeros);
        let out_bar_dot = tangent_or_zero::<F, D>(out_bar_dot);
        let y_dot = p.iter().zip(t).fold(D::zero(), |acc, (&pi, ti)| acc.add(&ti.scale(pi)));
        let x_bar = p.iter().map(|&pi| pi * out_bar).collect();
        // t_i - p't as in [`centered`], so that the diagonal p_i (1 - p_i)
        // does not cancel where p_i is near 1.
        let x_bar_dot = p
            .iter()
            .zip(&q)
            .zip(t)
            .map(|((&pi, &qi), ti)| {
                let centered = ti.scale(qi).sub(&y_dot.sub(&ti.scale(pi)));
                out_bar_dot.scale(pi).add(&centered.scale(out_bar * pi))
            })
            .collect();
        (y, y_dot, (x_bar,), (x_bar_dot,))
    }
}
