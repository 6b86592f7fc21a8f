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
//! A float primitive also has each of these in `p::by_value`, taking its
//! arguments by value (`p::by_value::jvp{k}(x0, .., y, t)`) and calling the
//! rule above: the generated code of functions without nalgebra values
//! calls those, which rustc checks several times faster (no borrows, and
//! the float type fixed by the arguments rather than found among trait
//! implementations). `y` is `()` where the rules do not read the value; a
//! linear primitive's take only `t` (or `c`) and are called with the float
//! type named.
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
