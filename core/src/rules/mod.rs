//! Derivative rules, one module per primitive.
//!
//! Every primitive `p` with arguments `x0, x1, ...` and value `y` has, for
//! each differentiable argument `k`, three functions the generated code
//! calls:
//!
//! - `p::jvp{k}(&x0, .., &y, &t)`: the tangent of `y` along a tangent `t` of
//!   argument `k` (linear in `t`);
//! - `p::vjp{k}(&x0, .., &y, &c)`: the cotangent of argument `k` given the
//!   cotangent `c` of `y` (linear in `c`);
//! - `p::vjp{k}_jvp{j}(&x0, .., &y, &c, &t)`: the tangent of that pullback
//!   along a tangent `t` of argument `j`, for the pairs `(k, j)` that
//!   [`crate::table`] lists. Together with `vjp{k}` applied to the tangent of
//!   `c` (the pullback is linear in `c`) this is everything the
//!   forward-over-reverse sweep needs.
//!
//! Tangents and cotangents are generic over [`crate::Linear`], so the same
//! rule serves a gradient (`F`), a Hessian-vector product (`F`) and a whole
//! Hessian (`[F; N]`, N directions at once).

#[macro_use]
mod define;

pub mod bundle;
pub mod elementwise;
pub mod matrix;
pub mod operators;

pub use elementwise::*;
pub use operators::*;
