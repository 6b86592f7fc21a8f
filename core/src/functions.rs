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
    if m == F::neg_infinity() {
        return m;
    }
    m + ((a - m).exp() + (b - m).exp()).ln()
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
    m + x.iter().fold(F::zero(), |s, &v| s + (v - m).exp()).ln()
}

/// The weights e^(x_i - y) of log-sum-exp at `x` (which sum to 1), where
/// `y` is its value: its gradient.
fn softmax_weights<F: Scalar>(x: &[F], y: F) -> Vec<F> {
    x.iter().map(|&v| (v - y).exp()).collect()
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
        let zeros = vec![D::zero(); x.len()];
        let t = tangents.0.unwrap_or(&zeros);
        let out_bar_dot = tangent_or_zero::<F, D>(out_bar_dot);
        let y_dot = p.iter().zip(t).fold(D::zero(), |acc, (&pi, ti)| acc.add(&ti.scale(pi)));
        let x_bar = p.iter().map(|&pi| pi * out_bar).collect();
        let x_bar_dot =
            p.iter().zip(t).map(|(&pi, ti)| out_bar_dot.scale(pi).add(&ti.sub(&y_dot).scale(out_bar * pi))).collect();
        (y, y_dot, (x_bar,), (x_bar_dot,))
    }
}
