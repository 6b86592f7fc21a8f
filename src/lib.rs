//! Compile-time derivatives for Rust.
//!
//! Put `#[differentiate]` on an ordinary numeric function and, next to the
//! unchanged function, you get functions for its gradient and its Hessian.
//! They are generated at compile time by source transformation (reverse mode
//! for the gradient, forward-over-reverse for the Hessian) and compiled by
//! rustc like code you wrote by hand: no tape, no dual numbers, no finite
//! differences, no allocation.
//!
//! ```
//! use matdiff::differentiate;
//!
//! #[differentiate]
//! fn f(x: f64, y: f64) -> f64 {
//!     (x.exp() + y.exp()).ln()
//! }
//!
//! let grad = f_grad(0.0, 2f64.ln());
//! assert!((grad[0] - 1.0 / 3.0).abs() < 1e-15 && (grad[1] - 2.0 / 3.0).abs() < 1e-15);
//!
//! let (value, grad) = f_value_and_grad(0.0, 2f64.ln());
//! assert!((value - 3f64.ln()).abs() < 1e-15);
//!
//! let h = f_hessian(0.0, 2f64.ln()); // H[i][j] = d2f / dxi dxj
//! assert!((h[0][1] + 2.0 / 9.0).abs() < 1e-15);
//!
//! let hv = f_hvp(0.0, 2f64.ln(), [1.0, 0.0]); // H v without forming H
//! assert_eq!(hv, [h[0][0], h[1][0]]);
//! ```
//!
//! # What is generated
//!
//! For `fn f(x: F, y: F, ..) -> F` (with `F` = `f64` or `f32`), differentiated
//! with respect to its `n` float arguments:
//!
//! | function | returns |
//! |---|---|
//! | `f_grad(x, y, ..)` | `[F; n]`, the gradient, in argument order |
//! | `f_value_and_grad(x, y, ..)` | `(F, [F; n])` |
//! | `f_hessian(x, y, ..)` | `[[F; n]; n]`, `H[i][j]` = d2f / dxi dxj |
//! | `f_hvp(x, y, .., v: [F; n])` | `[F; n]`, the Hessian times `v` |
//!
//! The generated functions take the same arguments as `f`, have its
//! visibility, and keep its `#[inline]`, `#[cfg]`, lint and `#[deprecated]`
//! attributes. On a method (`&self` is a constant), they are methods:
//! `self.loss_grad(x)`.
//!
//! # Options
//!
//! ```
//! # use matdiff::differentiate;
//! #[differentiate(wrt(x), grad = dfdx, hessian = d2fdx2)]
//! fn f(x: f64, c: f64) -> f64 {
//!     (x * c).sin()
//! }
//! assert_eq!(dfdx(0.0, 2.0), [2.0]);
//! ```
//!
//! - `wrt(a, b)`: differentiate with respect to these arguments only (by
//!   default: every `f32`/`f64` argument). The others are constants.
//! - `grad = name`, `value_and_grad = name`, `hessian = name`, `hvp = name`:
//!   rename a generated function.
//! - `no_hessian`: generate neither `f_hessian` nor `f_hvp`.
//!
//! Arguments of other types (integers, flags, references, your own structs)
//! are passed through and never differentiated.
//!
//! # The body
//!
//! A differentiated function may use `let` (with shadowing and `mut`),
//! assignment and `+= -= *= /= %=`, blocks, `if`/`else` (as expressions and
//! statements, with any condition), `match` on values with literal, range,
//! name and guard arms, early `return`, constants, casts of integers, and:
//!
//! - `+ - * / %` and unary `-`;
//! - the `f32`/`f64` methods `powi`, `powf`, `sqrt`, `cbrt`, `exp`, `exp2`,
//!   `exp_m1`, `ln`, `ln_1p`, `log`, `log2`, `log10`, `sin`, `cos`, `tan`,
//!   `asin`, `acos`, `atan`, `atan2`, `sinh`, `cosh`, `tanh`, `asinh`,
//!   `acosh`, `atanh`, `abs`, `hypot`, `recip`, `mul_add`, `min`, `max`,
//!   `clamp`, `fract`, `to_degrees`, `to_radians`, also written `f64::sin(x)`;
//!   `floor`, `ceil`, `round`, `trunc` and `signum` have derivative 0;
//! - calls to other `#[differentiate]` functions, anywhere in the crate or
//!   outside it (the caller uses the callee's generated derivatives, not its
//!   body), and to the helpers [`sigmoid`], [`softplus`] and [`logaddexp`].
//!
//! Where a function has no derivative at a point, the rule used is the one
//! documented in [`matdiff_core::rules::elementwise`] (for example `abs` has
//! slope 0 at 0, and `min`/`max` give a tie to the receiver).
//!
//! Anything else is a compile error at your code with a message that says
//! what to write instead: the macro never guesses, never falls back to
//! numerical differences, and leaves the original function compiling.
//!
//! # Calling a function that has no derivative
//!
//! A differentiated function can call any function on values that do not
//! depend on its inputs. To pass a differentiated value, the callee needs
//! derivatives: put `#[differentiate]` on it. Otherwise rustc reports, at the
//! call, that the callee "is not a crate or module": the generated code looks
//! for the callee's derivative functions, which `#[differentiate]` defines
//! next to it (in the type namespace, so `use` brings them along). A
//! hand-written function can provide them too; see
//! [`matdiff_core::calling`] for the calling convention.

extern crate self as matdiff;

pub use matdiff_core::check;
pub use matdiff_core::functions::{logaddexp, logsumexp, sigmoid, softplus};
pub use matdiff_core::{Directions, Linear, Scalar};
/// Generates the derivatives of a scalar function; see the [crate] docs.
pub use matdiff_macros::differentiate;

/// What generated code calls. Not a public API: it changes without notice.
#[doc(hidden)]
pub mod __private {
    pub use matdiff_core::calling::{
        NoDerivative, cotangent, tangent_or_zero, tangent_or_zero_fixed, tangent_or_zero_vec,
    };
    pub use matdiff_core::rules;
    pub use matdiff_core::arrays::{
        add_all, add_at, read_at, scatter_row, scatter_rows, seed, seed_array, seed_vec, sum_all, take_at, write_at,
    };
    pub use matdiff_core::support::{
        Branch, add, neg, one_like, pop, range_nth, trip_count, unit, zero_like, zero_tangent,
    };
    pub use matdiff_core::{Directions, Linear, Scalar};
}
