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

macro_rules! scalar_spaces {
    ($($f:ty),*) => {
        $(
            impl Primal for $f {
                type Cotangent = $f;
                #[inline(always)]
                fn zero_cotangent(&self) -> $f {
                    0.0
                }
            }

            impl<D: Directions<$f>> HasTangent<D> for $f {
                type Tangent = D;
                #[inline(always)]
                fn zero_tangent(&self) -> D {
                    D::zero()
                }
            }
        )*
    };
}

scalar_spaces!(f32, f64);

/// A value whose tangent, along a bundle of directions `D`, has a known type.
pub trait HasTangent<D> {
    /// The tangent type.
    type Tangent: Clone;
    /// The zero tangent of `self`'s shape.
    fn zero_tangent(&self) -> Self::Tangent;
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

/// The sum of two tangents or cotangents.
#[inline(always)]
pub fn add<F, T: Linear<F>>(a: &T, b: &T) -> T {
    a.add(b)
}

/// The sum of two tangents or cotangents, reusing the first one's storage.
#[inline(always)]
pub fn add_owned<F, T: Linear<F>>(a: T, b: &T) -> T {
    a.add_owned(b)
}

/// The sum of two tangents or cotangents that are not needed afterwards.
#[inline(always)]
pub fn add_pair<F, T: Linear<F>>(a: T, b: T) -> T {
    a.add_pair(b)
}

/// The negation of a tangent or cotangent.
#[inline(always)]
pub fn neg<F, T: Linear<F>>(a: &T) -> T {
    a.neg()
}

/// The negation of a tangent or cotangent not needed afterwards.
#[inline(always)]
pub fn neg_owned<F, T: Linear<F>>(a: T) -> T {
    a.neg_owned()
}

/// Unit direction `index` of the bundle `D`: the seed of input `index` for
/// a Hessian.
#[inline(always)]
pub fn unit<F: Scalar, D: Directions<F>>(index: usize) -> D {
    D::unit(index)
}

/// The values saved last on a loop's tape. The reverse sweep pops exactly
/// what the forward sweep pushed, so the tape is never empty here.
#[inline(always)]
pub fn pop<T>(tape: &mut Vec<T>) -> T {
    match tape.pop() {
        Some(values) => values,
        None => unreachable!("matdiff: a loop tape ran out; this is a bug in matdiff"),
    }
}

/// The number of elements of a range (exact for ranges, `rev` and `step_by`).
#[inline(always)]
pub fn trip_count<I: Iterator>(range: I) -> usize {
    range.size_hint().0
}

/// Element `n` of a range: O(1) for ranges, `rev` and `step_by`.
#[inline(always)]
pub fn range_nth<I: Iterator>(mut range: I, n: usize) -> I::Item {
    match range.nth(n) {
        Some(item) => item,
        None => unreachable!("matdiff: a loop index out of its range; this is a bug in matdiff"),
    }
}
