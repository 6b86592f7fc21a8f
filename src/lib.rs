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
//! with respect to its float arguments:
//!
//! | function | returns |
//! |---|---|
//! | `f_grad(x, y, ..)` | the gradient, shaped like the arguments |
//! | `f_value_and_grad(x, y, ..)` | `(F, gradient)` |
//! | `f_hessian(x, y, ..)` | `H[i][j]` = d2f / dxi dxj over all differentiated scalars, in argument order |
//! | `f_hvp(x, y, .., v)` | the Hessian times `v` (shaped like the gradient) |
//!
//! Differentiated arguments may be scalars, slices and vectors (`&[F]`,
//! `&Vec<F>`, `Vec<F>`) and arrays (`[F; N]`, `&[F; N]`). Each one's gradient
//! has its shape (`F`, `Vec<F>`, `[F; N]`); the gradient is `[F; n]` when all
//! are scalars, that one gradient when there is one argument, and a tuple in
//! argument order otherwise. The Hessian is `[[F; n]; n]` when every size is
//! fixed and `Vec<Vec<F>>` (rows) otherwise.
//!
//! ```
//! use matdiff::differentiate;
//!
//! #[differentiate]
//! fn rosenbrock(x: &[f64]) -> f64 {
//!     let mut s = 0.0;
//!     for i in 0..x.len() - 1 {
//!         s += 100.0 * (x[i + 1] - x[i] * x[i]).powi(2) + (1.0 - x[i]).powi(2);
//!     }
//!     s
//! }
//!
//! let x = [1.0, 1.0, 1.0];
//! assert_eq!(rosenbrock_grad(&x), vec![0.0, 0.0, 0.0]); // the minimum
//! let h: Vec<Vec<f64>> = rosenbrock_hessian(&x);
//! assert_eq!(h[0], vec![802.0, -400.0, 0.0]);
//! assert_eq!(rosenbrock_hvp(&x, &[1.0, 0.0, 0.0]), vec![802.0, -400.0, 0.0]);
//!
//! // The band was read from the loop's `x[i]`, `x[i + 1]`: the lower triangle,
//! // column by column.
//! let sparse = rosenbrock_hessian_sparse(&x);
//! assert_eq!((sparse.rows, sparse.cols), (vec![0, 1, 1, 2, 2], vec![0, 0, 1, 1, 2]));
//! assert_eq!(sparse.values, vec![802.0, -400.0, 1002.0, -400.0, 200.0]);
//! ```
//!
//! When every differentiated argument is a slice or a `Vec`, `f_grad_into`
//! and `f_value_and_grad_into` write the gradient into buffers you own (one
//! `&mut [F]` per differentiated argument, after the function's arguments)
//! and allocate nothing, unless a loop needs a tape (below):
//!
//! ```
//! # use matdiff::differentiate;
//! #[differentiate]
//! fn energy(x: &[f64]) -> f64 {
//!     let mut s = 0.0;
//!     for i in 1..x.len() {
//!         s += (x[i] - x[i - 1]).powi(2);
//!     }
//!     s
//! }
//!
//! let x = [0.0, 1.0, 3.0];
//! let mut g = [0.0; 3];
//! let value = energy_value_and_grad_into(&x, &mut g);
//! assert_eq!((value, g), (5.0, [-2.0, -2.0, 4.0]));
//! ```
//!
//! When the only differentiated argument is a slice, `Vec` or array and the
//! band of the Hessian can be read from the loops (elements read as
//! `x[i + c]`, accumulators that only add up), the Hessian takes one sweep
//! of 2b + 1 directions for bandwidth b, and `f_hessian_sparse` and
//! `f_hessian_sparse_into` give its lower triangle as a [`SparseHessian`].
//!
//! A function returning a vector (`[F; M]` or `Vec<F>`) gets `f_jacobian`
//! instead, with `J[i][j]` = dfi / dxj (rows are outputs):
//!
//! ```
//! # use matdiff::differentiate;
//! #[differentiate]
//! fn f(x1: f64, x2: f64, x3: f64) -> [f64; 2] {
//!     [x1 + x2 + x3, x1 * x2 * x3]
//! }
//! assert_eq!(f_jacobian(1.0, 2.0, 3.0), [[1.0, 1.0, 1.0], [6.0, 3.0, 2.0]]);
//! ```
//!
//! # nalgebra vectors and matrices
//!
//! Arguments may be nalgebra's `DVector`, `DMatrix`, `RowDVector`,
//! `SVector`, `RowSVector`, `SMatrix` and their fixed-size aliases
//! (`Vector3`, `Matrix2x3`, ..), owned or by reference. The gradient with
//! respect to each has its type and shape (denominator layout, as in the
//! seed chapters); the Hessian is over the concatenated `vec()` of the
//! arguments (matrices column by column), an `SMatrix` for static sizes and
//! a `DMatrix` otherwise:
//!
//! ```
//! use matdiff::differentiate;
//! use nalgebra::{DMatrix, DVector};
//!
//! #[differentiate(wrt(x))]
//! fn quadratic(x: &DVector<f64>, a: &DMatrix<f64>) -> f64 {
//!     x.dot(&(a * x))
//! }
//!
//! let a = DMatrix::from_row_slice(2, 2, &[1.0, 2.0, 3.0, 4.0]);
//! let x = DVector::from_vec(vec![1.0, -1.0]);
//! assert_eq!(quadratic_grad(&x, &a), (&a + a.transpose()) * &x); // d(x'Ax)/dx = (A + A')x
//! assert_eq!(quadratic_hessian(&x, &a), &a + a.transpose());
//! ```
//!
//! Matrix operations are written as nalgebra users write them: `+ - *`
//! between scalars, vectors and matrices, `/` by a scalar, `dot`, `tr_mul`,
//! `component_mul`, `component_div`, `transpose`, `sum`, `mean`, `trace`,
//! `norm`, `norm_squared`, `determinant`, indexing, elementwise maps
//! `x.map(|v| ..)` (the closure is differentiated too), and the helpers
//! [`logdet`], [`inv`], [`solve`] and [`softmax`]:
//!
//! ```
//! # use matdiff::differentiate;
//! use nalgebra::DMatrix;
//!
//! /// A two-layer network's squared error over a batch (columns of `x`).
//! #[differentiate(wrt(w1, w2))]
//! fn loss(w1: &DMatrix<f64>, w2: &DMatrix<f64>, x: &DMatrix<f64>, y: &DMatrix<f64>) -> f64 {
//!     let hidden = (w1 * x).map(|v| v.tanh());
//!     (w2 * hidden - y).norm_squared() / 2.0
//! }
//!
//! let (w1, w2) = (DMatrix::from_element(3, 2, 0.1), DMatrix::from_element(1, 3, -0.2));
//! let (x, y) = (DMatrix::from_element(2, 4, 1.0), DMatrix::from_element(1, 4, 0.5));
//! let (w1_bar, w2_bar) = loss_grad(&w1, &w2, &x, &y);
//! assert_eq!((w1_bar.shape(), w2_bar.shape()), ((3, 2), (1, 3)));
//! ```
//!
//! Views are written as nalgebra users write them too, without
//! `.into_owned()`: of differentiated matrices (`column`, `row`, `columns`,
//! `rows`, `fixed_columns`, `fixed_rows`, `fixed_view`, `view`,
//! `column_part`, `row_part`: the cotangent of a view goes back into its
//! block), and of constant data mixed with differentiated values in every
//! operation (`x.column(j) - mu`, `w.dot(&x.column(j))`, `w1 * x.column(j)`).
//! A view of constant data is copied once where it meets differentiated
//! values (for static sizes on the stack), and not at all where only your
//! own code reads it. A view has the dimension types nalgebra gives it, and
//! the operands of one operation must have the same ones: beside a
//! `DVector`, take `column_part(j, n)` or `rows(i, n)` of a column rather
//! than `view((i, j), (n, 1))`, which is dynamic in both dimensions:
//!
//! ```
//! # use matdiff::differentiate;
//! use nalgebra::{DMatrix, DVector};
//!
//! /// The Gaussian log-likelihood (unit covariance) of the samples, the
//! /// columns of `x`, in the mean `mu`.
//! #[differentiate(wrt(mu))]
//! fn log_likelihood(x: &DMatrix<f64>, mu: &DVector<f64>) -> f64 {
//!     let mut s = 0.0;
//!     for j in 0..x.ncols() {
//!         s -= 0.5 * (x.column(j) - mu).norm_squared();
//!     }
//!     s
//! }
//!
//! /// A block of a differentiated matrix.
//! #[differentiate]
//! fn corner(a: &DMatrix<f64>) -> f64 {
//!     a.fixed_view::<2, 2>(0, 0).determinant() + a.rows(1, 2).norm_squared()
//! }
//!
//! let x = DMatrix::from_row_slice(2, 3, &[1.0, 2.0, 3.0, 0.0, -1.0, 4.0]);
//! let mu = DVector::from_vec(vec![1.0, 1.0]);
//! // The gradient is the sum of x_j - mu over the samples.
//! assert_eq!(log_likelihood_grad(&x, &mu), DVector::from_vec(vec![3.0, 0.0]));
//! let a = DMatrix::from_row_slice(3, 2, &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
//! // d det / d a = cofactors in the corner; d |rows 1..3|^2 = 2 a there.
//! assert_eq!(corner_grad(&a), DMatrix::from_row_slice(3, 2, &[4.0, -3.0, 4.0, 9.0, 10.0, 12.0]));
//! ```
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
//! - `check`, or `check(points = [[..], ..])`: a generated test of the
//!   derivatives (below).
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
//! - indexing (`x[i + 1]`, `x.len()`, `x.len().saturating_sub(1)`), local arrays (`vec![0.0; n]`,
//!   `[0.0; N]`, `x.to_vec()`) and writes to them (`v[i] = ..`, `v[i] += ..`);
//! - `for` loops over ranges (`a..b`, `a..=b`, `.rev()`, `.step_by(k)`) and over
//!   slices (`for &xi in x`, `.iter()`, `.enumerate()`, `.zip(..)`,
//!   `.skip(n)`, `.take(n)`), `while` loops, `break` and `continue`, nested;
//! - the reductions `.iter().sum()`, `.product()`, `.map(|v| ..).sum()`,
//!   `.fold(init, |acc, v| ..)` and `.map(..).collect()`;
//! - calls to other `#[differentiate]` functions, anywhere in the crate or
//!   outside it, recursive ones included (the caller uses the callee's
//!   generated derivatives, not its body), and to the helpers [`sigmoid`],
//!   [`softplus`], [`logaddexp`] and [`logsumexp`];
//! - the nalgebra operations above.
//!
//! Where a function has no derivative at a point, the rule used is the one
//! documented in [`matdiff_core::rules::elementwise`] (for example `abs` has
//! slope 0 at 0, and `min`/`max` give a tie to the receiver).
//!
//! Anything else is a compile error at your code with a message that says
//! what to write instead: the macro never guesses, never falls back to
//! numerical differences, and leaves the original function compiling.
//!
//! # Checking derivatives
//!
//! [`check`] has Ridders' finite differences (`check::gradient`,
//! `check::hessian`, `check::directional`), an independent reference for
//! any derivative. `#[differentiate(check)]` uses them to give the function
//! a test of its own, `<f>_derivatives_match_finite_differences`, which runs
//! with `cargo test` and compares the generated gradient and Hessian (the
//! Jacobian, for several outputs) with them at three made-up points (every scalar in (0.2, 0.9), a slice of
//! five) or at the points you give, failing with the entry that is furthest
//! off:
//!
//! ```
//! # use matdiff::differentiate;
//! // Seed 003, 4.4.19, checked at the start and the end of exercise 4.4.3.
//! #[differentiate(check(points = [[14.0, 4.0], [2.0, 3.0]]))]
//! fn bowl(x: f64, y: f64) -> f64 {
//!     2.0 * x * x + 6.0 * x * y + 7.0 * y * y - 26.0 * x - 54.0 * y + 107.0
//! }
//! assert_eq!(bowl_grad(2.0, 3.0), [0.0, 0.0]);
//! ```
//!
//! It takes free functions of `f64` whose arguments are all differentiated
//! scalars, arrays and at most one slice or `Vec`; elsewhere it is a compile
//! error that says how to test by hand.
//!
//! # Fast derivatives
//!
//! - Call what you need: `f_grad` does not compute the value, `f_hvp`
//!   (a small constant times a gradient) is much cheaper than `f_hessian`
//!   when you only need the Hessian along a direction (Newton-CG,
//!   trust-region Steihaug).
//! - Static sizes (`f64`, `[F; N]`, `SVector`, `SMatrix`) allocate nothing;
//!   for slices, use `f_grad_into`/`f_value_and_grad_into` with a buffer
//!   you keep between calls.
//! - Loops are differentiated without a tape when their reverse sweep can
//!   recompute what it needs (sums, products of elements, stencils reading
//!   `x[i - 1]`, `x[i]`, `x[i + 1]`): those are as cheap in memory as the
//!   function. A value a loop overwrites through a nonlinear step
//!   (`s = (s * x[i]).sin()`) is saved once per iteration.
//! - A crate with many annotated functions builds faster with the proc
//!   macro optimised:
//!   `[profile.dev.build-override]` / `opt-level = 3` in your `Cargo.toml`.
//!
//! # With argmin
//!
//! With the feature `argmin` (`matdiff = { .., features = ["argmin"] }`
//! beside `argmin = "0.11"`), `matdiff::argmin::Problem` hands a function of a
//! slice and its generated derivatives to argmin's solvers (argmin 0.11,
//! argmin-math 0.5 with `Vec<f64>` parameters; argmin-math does not support
//! nalgebra 0.35):
//!
//! ```text
//! let problem = matdiff::argmin::Problem::new(rosenbrock, rosenbrock_grad, rosenbrock_hessian);
//! let problem = matdiff::argmin_problem!(rosenbrock); // the same
//! let problem = matdiff::argmin::Problem::gradient_only(
//!     |w: &[f64]| loss(w, &x, &y),
//!     |w: &[f64]| loss_grad(w, &x, &y),
//! ); // for L-BFGS
//! ```
//!
//! The module's docs list the solvers it works with; the examples
//! `argmin_trust_region` and `argmin_lbfgs` compare them fed by matdiff and
//! by finite differences.
//!
//! # Errors and what to do
//!
//! Everything the macro cannot differentiate is a compile error at your
//! code; the original function still compiles. The messages, and what each
//! asks you to write (`tests/ui/` holds one case per message, with its exact
//! text):
//!
//! | you wrote | the message says |
//! |---|---|
//! | a method with no rule (`x.frobnicate()`) | the methods with rules; for your own function, `#[differentiate]` it and call it as a function |
//! | a call of a function without derivatives on a differentiated value | rustc's "cannot find module or crate `helper`": put `#[differentiate]` on `helper` (or give its derivatives by hand, below) |
//! | a differentiated value passed where the callee is not differentiated (`wrt` leaves it out) | "the called function has no derivative with respect to this argument": add it to the callee's `wrt(..)` |
//! | generic type or const parameters | write the function for `f64` (or `f32`) |
//! | `return` inside a loop, a condition or an expression | `break` out of the loop and return after it; return from a statement |
//! | `loop` without a visible bound, labelled loops | a `while` with its condition or a `for` over a range; a flag |
//! | an iterator adapter with no rule (`filter`) | the loop that does the same |
//! | a nalgebra value built from differentiated floats (`DVector::from_vec(vec![x, y])`) | take the vector as an argument and differentiate with respect to it |
//! | a float method on a matrix (`m.exp()`), assignment to a matrix element | `.map(\|v\| v.exp())`; build the value with operations, or use a local array |
//! | a view of a differentiated matrix whose place or size depends on the inputs, `rows_range`/`view_range`/`*_with_step` on one, a view method on a float | integer indices; `rows(first, count)`, `view((i, j), (r, c))` or the `fixed_` forms; indexing |
//! | a `map` closure that reads a differentiated value | compute with it outside the map, or write the loop |
//! | `as f32` in an `f64` function | one precision throughout |
//! | assignment to a field, a whole array, or an argument through `&mut` | a local variable; its elements; take arguments by `&` |
//! | a tuple of differentiated values kept whole, `sin_cos` not taken apart, a tuple from a call | take it apart where it is made: `let (s, c) = x.sin_cos();`; one call per element |
//! | `unsafe`, `async`, `?`, macro calls other than `vec!` in the body | the plain code they stand for |
//! | an unknown option, `wrt` naming a missing or integer argument | the list of options; the float arguments |
//! | `check` on a method, with a constant argument, or points that are not lists | how to test by hand with [`check`] |
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

#[cfg(feature = "argmin")]
pub mod argmin;
/// `argmin_problem!(f)` is [`argmin::Problem::new`]`(f, f_grad, f_hessian)`
/// for a `#[differentiate]` function `f` of one slice (feature `argmin`).
#[cfg(feature = "argmin")]
pub use matdiff_macros::argmin_problem;

pub use matdiff_core::check;
pub use matdiff_core::functions::{logaddexp, logsumexp, sigmoid, softplus};
pub use matdiff_core::linalg::{inv, logdet, softmax, solve};
pub use matdiff_core::sparse::SparseHessian;
pub use matdiff_core::{Directions, Linear, Scalar};
/// Generates the derivatives of a scalar function; see the [crate] docs.
pub use matdiff_macros::differentiate;

/// What generated code calls. Not a public API: it changes without notice.
#[doc(hidden)]
pub mod __private {
    pub use matdiff_core::arrays::{
        CotangentStorage, add_all, add_at, add_once, fill_band_values, read_at, scatter_band, scatter_row,
        scatter_rows, seed, seed_array, seed_band_array, seed_band_vec, seed_vec, sum_all, take_at, write_at,
        zero_element,
    };
    pub use matdiff_core::bundle::{Bundle, into_hessian, into_jacobian, write_rows};
    pub use matdiff_core::calling::{
        NoDerivative, cotangent, reseed_array, reseed_cotangent, reseed_scalar, reseed_vec, tangent_or_zero,
        tangent_or_zero_fixed, tangent_or_zero_vec,
    };
    pub use matdiff_core::matrix::{
        Flat, reseed_matrix, seed_matrix, tangent_or_zero_matrix, write_column, write_matrix_row, write_row,
    };
    pub use matdiff_core::nalgebra;
    pub use matdiff_core::rules;
    pub use matdiff_core::sparse::SparseHessian;
    pub use matdiff_core::support::{
        Branch, add, add_owned, add_pair, neg, pop, range_nth, trip_count, unit, zero_like, zero_tangent,
    };
    pub use matdiff_core::{Directions, Linear, Scalar};
}
