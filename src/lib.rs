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
//! When every differentiated argument is a nalgebra value, `f_grad_into`,
//! `f_value_and_grad_into` and `f_hessian_into` write into matrices you own
//! (one per differentiated argument, shaped like it, or the Hessian; another
//! shape panics naming the output) and take their temporaries from a
//! [`MatrixWorkspace`] you keep: called again with inputs of the same sizes,
//! a gradient allocates nothing.
//!
//! ```
//! # use matdiff::differentiate;
//! use matdiff::MatrixWorkspace;
//! use nalgebra::{DMatrix, DVector};
//!
//! #[differentiate(wrt(x))]
//! fn least_squares(x: &DVector<f64>, a: &DMatrix<f64>, b: &DVector<f64>) -> f64 {
//!     (a * x - b).norm_squared()
//! }
//!
//! let a = DMatrix::from_fn(6, 3, |i, j| ((i + 2 * j) as f64).sin());
//! let (x, b) = (DVector::from_element(3, 0.5), DVector::from_element(6, 1.0));
//! let (mut g, mut h) = (DVector::zeros(3), DMatrix::zeros(3, 3));
//! let mut workspace = MatrixWorkspace::default();
//! for _ in 0..3 {
//!     least_squares_grad_into(&x, &a, &b, &mut g, &mut workspace);
//!     least_squares_hessian_into(&x, &a, &b, &mut h, &mut workspace);
//! }
//! assert!((&g - a.transpose() * (&a * &x - &b) * 2.0).norm() < 1e-12);
//! assert!((&h - a.transpose() * &a * 2.0).norm() < 1e-12);
//! ```
//!
//! When the only differentiated argument is a slice, `Vec` or array and the
//! band of the Hessian can be read from the loops (elements read as
//! `x[i + c]`, accumulators that only add up), the Hessian takes one sweep
//! of 2b + 1 directions for bandwidth b, and `f_hessian_sparse` and
//! `f_hessian_sparse_into` give its lower triangle as a [`SparseHessian`].
//! `f_hessian_sparse_into` refills the values and keeps the sweep's buffers
//! in a [`SparseHessianWorkspace`] you own: with a slice argument, called
//! again with as many inputs, it allocates nothing.
//!
//! ```
//! # use matdiff::differentiate;
//! use matdiff::SparseHessianWorkspace;
//!
//! #[differentiate]
//! fn chain(x: &[f64]) -> f64 {
//!     let mut s = 0.0;
//!     for i in 0..x.len() - 1 {
//!         s += x[i] * x[i] * x[i + 1];
//!     }
//!     s
//! }
//!
//! let mut hessian = chain_hessian_sparse(&[0.0; 3]); // the pattern, once
//! let mut workspace = SparseHessianWorkspace::default();
//! for x in [[1.0, 2.0, 3.0], [0.5, -1.0, 2.0]] {
//!     chain_hessian_sparse_into(&x, &mut hessian.values, &mut workspace);
//!     // Columns from the diagonal down: H00, H10, H11, H21, H22.
//!     let expected = [2.0 * x[1], 2.0 * x[0], 2.0 * x[2], 2.0 * x[1], 0.0];
//!     assert_eq!(hessian.values, expected);
//! }
//! ```
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
//! `norm`, `norm_squared`, `normalize`, `scale`, `abs`, `amax`,
//! `determinant`, indexing (also `v.x`, `v.y`, `v.z`), elementwise maps
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
//! ## Vectors built from scalars
//!
//! A vector or matrix may also be built from differentiated floats, with
//! `Vector1::new` .. `Vector6::new` (and `Matrix2::new` .., whose elements
//! are listed row by row, as in nalgebra), `SVector::from([..])`,
//! `DVector::from_vec(vec![..])` or of a local `Vec` filled in a loop,
//! `from_column_slice(&v)` (also of a slice argument), `from_fn` with a
//! closure over differentiated values (`DVector::from_fn(n, |i, _| ..)`,
//! `DMatrix::from_fn(r, c, |i, j| ..)`, `SVector::<f64, N>::from_fn`), and
//! `from_columns(&[a, b, ..])` / `from_rows` of fixed-size types. So a
//! residual function is written as usual and gets its Jacobian: row i of
//! `f_jacobian` is the gradient of entry i of the result. A function may
//! also return a nalgebra matrix (`Matrix2<f64>`, `DMatrix<f64>`): its
//! Jacobian has one row per entry in column-major order, the matrix's
//! `vec()` (nalgebra's storage order), so entry (r, c) of an R-row result
//! is row r + c R. With no nalgebra argument, such a
//! function's Hessian and Jacobian are nalgebra matrices too (`SMatrix` for
//! static sizes), and its generated code allocates nothing when every size
//! is static:
//!
//! ```
//! use matdiff::differentiate;
//! use nalgebra::{DVector, Vector3};
//!
//! /// Seed 003, exercise 4.4.4.
//! #[differentiate]
//! fn f(x: f64, y: f64, z: f64) -> DVector<f64> {
//!     DVector::from_vec(vec![x + y + z, x * y * z])
//! }
//! let j = f_jacobian(1.0, 2.0, 3.0);
//! assert_eq!(j.row(1), nalgebra::RowVector3::new(6.0, 3.0, 2.0)); // (yz, xz, xy)
//!
//! /// Residuals of y = a e^(bt) + c (see `examples/gauss_newton.rs`).
//! #[differentiate(wrt(p))]
//! fn residuals(p: &DVector<f64>, t: &[f64], y: &[f64]) -> DVector<f64> {
//!     DVector::from_fn(t.len(), |i, _| p[0] * (p[1] * t[i]).exp() + p[2] - y[i])
//! }
//! let p = DVector::from_vec(vec![2.0, 0.0, 1.0]);
//! assert_eq!(residuals_jacobian(&p, &[0.0, 1.0], &[0.0, 0.0]).row(1), nalgebra::RowVector3::new(1.0, 2.0, 1.0));
//!
//! #[differentiate]
//! fn g(x: f64, y: f64) -> f64 {
//!     Vector3::new(x * y, 1.0, y).norm_squared()
//! }
//! assert_eq!(g_grad(1.0, 2.0), [8.0, 8.0]); // (2xy², 2x²y + 2y)
//! ```
//!
//! A function that holds nalgebra values (a nalgebra argument, or a vector
//! built from floats) takes its tangents one direction at a time. It may
//! still be called from a function of floats and arrays, whose Hessian
//! carries several directions at once: the call runs one sweep of the
//! callee per direction, and every derivative of the caller goes through it.
//!
//! ```
//! use matdiff::differentiate;
//! use nalgebra::Vector3;
//!
//! #[differentiate]
//! fn g(x: f64, y: f64) -> f64 {
//!     Vector3::new(x * y, 1.0, y).norm_squared()
//! }
//!
//! #[differentiate]
//! fn outer(a: f64, b: f64) -> f64 {
//!     g(a, b) * a
//! }
//! // outer = a³b² + a + ab²
//! assert_eq!(outer_hessian(1.0, 2.0), [[24.0, 16.0], [16.0, 4.0]]);
//! ```
//!
//! The generated functions take the same arguments as `f`, have its
//! visibility, and keep its `#[inline]`, `#[cfg]`, lint and `#[deprecated]`
//! attributes. On a method (`&self` is a constant), they are methods:
//! `self.loss_grad(x)`.
//!
//! # In impl blocks: where the generated functions go
//!
//! On a method (a function with `self`) of an inherent impl, generic or
//! not, the attribute goes on the method, and its derivatives are methods
//! beside it. Two kinds of function need the attribute on the impl block
//! instead, which differentiates the block's functions that carry an
//! attribute of their own (with their options), or, if none does, all of
//! them (with the block's):
//!
//! - an associated function without `self` (`Model::energy(x)`): its
//!   derivatives are associated functions of the type, `Model::energy_grad(x)`
//!   or `Self::energy_grad(x)`, and differentiated functions may call it as
//!   `Self::energy(..)` or `Model::energy(..)`;
//! - the functions of a trait impl: a trait impl can hold only the trait's
//!   items, so the block stays as written and the derivatives go to a new
//!   inherent impl of the type, with the block's generics: for
//!   `impl Objective for Rosenbrock`, `rosenbrock.value_grad(&x)` and
//!   `Rosenbrock::scale_grad(v)`, public. Through the trait, `value` is as
//!   before.
//!
//! ```
//! use matdiff::differentiate;
//!
//! trait Objective {
//!     fn value(&self, x: &[f64]) -> f64;
//!     fn name(&self) -> &'static str;
//! }
//!
//! struct Rosenbrock {
//!     b: f64,
//! }
//!
//! #[differentiate]
//! impl Objective for Rosenbrock {
//!     #[differentiate]
//!     fn value(&self, x: &[f64]) -> f64 {
//!         self.b * (x[1] - x[0] * x[0]).powi(2) + (1.0 - x[0]).powi(2)
//!     }
//!
//!     fn name(&self) -> &'static str {
//!         "Rosenbrock"
//!     }
//! }
//!
//! struct Springs;
//!
//! #[differentiate]
//! impl Springs {
//!     fn energy(stretch: f64, stiffness: f64) -> f64 {
//!         0.5 * stiffness * stretch * stretch
//!     }
//!
//!     fn pair(x: f64, y: f64) -> f64 {
//!         Self::energy(x, 2.0) + Self::energy(y - x, 3.0)
//!     }
//! }
//!
//! let r = Rosenbrock { b: 100.0 };
//! assert_eq!(r.value_grad(&[1.0, 1.0]), vec![0.0, 0.0]);
//! assert_eq!(Springs::pair_grad(1.0, 1.0), [2.0, 0.0]);
//! ```
//!
//! Without the attribute on the block, an associated function without
//! `self` or a function of a trait impl does not compile (rustc says a
//! struct "is not supported in traits or impls", or that a generated method
//! "is not a member of trait"): the macro sees the function alone and cannot
//! tell that it is in an impl.
//!
//! # Struct parameters
//!
//! A model's parameters can stay one struct. `#[derive(Differentiable)]` on
//! a struct whose fields are floats, arrays, `Vec`s and nalgebra vectors
//! and matrices makes it a parameter that `wrt(..)` may name; fields marked
//! `#[matdiff(constant)]` (a label, a count, a cache) are passed through.
//! Then, as JAX treats a pytree:
//!
//! - `f_grad` returns the gradient as a value of the same struct, each
//!   field the gradient with respect to that field (its type and shape),
//!   each constant field a copy of the argument's;
//! - `f_value_and_grad` returns `(value, gradient)`;
//! - `f_hessian` is a `DMatrix` over the differentiated fields' `vec()` in
//!   declaration order (a scalar is one entry, an array or `Vec` its
//!   entries, a matrix its entries column by column), on the heap even when
//!   every field has a static size (the gradient and the Hessian-vector
//!   product of such a struct stay on the stack);
//! - `f_hvp(.., v)` takes the direction as a `&` of the same struct and
//!   returns the product as one.
//!
//! ```
//! use matdiff::{Differentiable, differentiate};
//! use nalgebra::{DMatrix, DVector};
//!
//! #[derive(Differentiable)]
//! struct Params {
//!     w: DMatrix<f64>,
//!     b: DVector<f64>,
//!     scale: f64,
//!     #[matdiff(constant)]
//!     name: String,
//! }
//!
//! struct Data {
//!     x: DVector<f64>,
//!     y: DVector<f64>,
//! }
//!
//! #[differentiate(wrt(p))]
//! fn loss(p: &Params, data: &Data) -> f64 {
//!     let r = (&p.w * &data.x + &p.b) * p.scale - &data.y;
//!     0.5 * r.norm_squared()
//! }
//!
//! let p = Params {
//!     w: DMatrix::from_row_slice(2, 2, &[1.0, 2.0, 3.0, 4.0]),
//!     b: DVector::from_vec(vec![0.5, -0.5]),
//!     scale: 2.0,
//!     name: "linear".to_string(),
//! };
//! let data = Data { x: DVector::from_vec(vec![1.0, -1.0]), y: DVector::from_vec(vec![0.0, 1.0]) };
//! let g: Params = loss_grad(&p, &data);
//! let r = (&p.w * &data.x + &p.b) * p.scale - &data.y;
//! assert!((&g.w - &r * data.x.transpose() * p.scale).norm() < 1e-12);
//! assert!((&g.b - &r * p.scale).norm() < 1e-12);
//! assert_eq!(g.name, "linear");
//! let h = loss_hessian(&p, &data); // over (vec w, b, scale): 4 + 2 + 1
//! assert_eq!(h.shape(), (7, 7));
//! ```
//!
//! The struct may be in another module and imported or named by its path
//! (`crate::model::Params`); `wrt(p, q, x)` may name several structs and
//! plain arguments, and the gradient is then a tuple in argument order
//! (`(Params, f64)`). The body reads the struct's fields (`p.w`, `&p.b`,
//! `p.v[i]`, also inside `vec![..]`); any other use of the struct itself
//! (`helper(p)`, `p.clone()`) is a compile error that says to pass the
//! fields. Fields of `f64` (or all `f32`), `[f64; N]`, `Vec<f64>`,
//! `DVector`, `DMatrix`, `RowDVector`, `SVector`, `SMatrix` and their
//! aliases are differentiated, with sizes written as numbers; the struct
//! is not generic. A field may itself be a struct with the derive (a
//! network of layers, `net.first.w`): its fields are differentiated in
//! turn, its gradient is that struct, and the Hessian takes every
//! differentiated value depth first in declaration order; the function
//! names only the outer struct, whose module must see the inner one. Not
//! supported, each a compile error that says what to write: struct
//! parameters of methods and of generic functions, `check`, functions that
//! return a vector, and assigning a `Vec`, matrix or constant field (a
//! struct taken by value, `mut p: Params`, may change its float and array
//! fields). A struct parameter is differentiated only when `wrt(..)` names
//! it (without `wrt`, it is a constant like any other argument), and its
//! type must have the derive where the function is: naming a struct without it in `wrt(..)` gives rustc's "cannot find
//! macro `Params`", because the derive records the fields in a hidden
//! macro that has the struct's name, the only way the attribute on the
//! function can read them. For the same reason the struct and the function
//! must be in one crate (the macro is `pub(crate)`).
//!
//! # Generic floats
//!
//! A function may be generic over its float type: one type parameter
//! bounded by [`Float`] (num-traits' `Float`, re-exported here so that you
//! need no num-traits of your own) or by [`Real`]. Its generated functions
//! are generic over the same parameter, with the bound `T: Real`, which
//! `f32` and `f64` implement, so one definition gives derivatives in both
//! precisions. Differentiated arguments may be `T`, `[T; N]`, `&[T; N]`,
//! `&[T]`, `&Vec<T>` and `Vec<T>`; the result `T`, `[T; M]`, `Vec<T>` or a
//! tuple of `T`s.
//!
//! Rust takes no float literals as a `T`: write constants as
//! `T::from(100.0).unwrap()`, `T::from(i + 1).unwrap()` (of an integer),
//! `T::zero()`, `T::one()`, `T::epsilon()` or `T::PI()` ([`FloatConst`],
//! which [`Real`] includes). Methods have their `f64` names (`x.powi(2)`,
//! `x.sin()`, also `T::sin(x)`), and another generic differentiated
//! function is called as `g(x)` or `g::<T>(x)`. With `T: Real` the body may
//! also use `+=` and `x.iter().sum()`, which `Float` alone lacks.
//!
//! ```
//! use matdiff::{Float, Real, differentiate};
//!
//! #[differentiate]
//! fn rosenbrock<T: Float>(x: &[T]) -> T {
//!     let hundred = T::from(100.0).unwrap();
//!     let mut s = T::zero();
//!     for i in 0..x.len() - 1 {
//!         s = s + hundred * (x[i + 1] - x[i] * x[i]).powi(2) + (T::one() - x[i]).powi(2);
//!     }
//!     s
//! }
//!
//! let g64: Vec<f64> = rosenbrock_grad(&[1.0, 1.0, 1.0]);
//! let g32: Vec<f32> = rosenbrock_grad(&[1.0, 1.0, 1.0]);
//! assert_eq!((g64, g32), (vec![0.0; 3], vec![0.0; 3])); // the minimum, in both
//! let h: Vec<Vec<f32>> = rosenbrock_hessian(&[1.0f32, 1.0, 1.0]);
//! assert_eq!(h[0], vec![802.0, -400.0, 0.0]);
//!
//! // Your own generic code that calls the derivatives bounds its type
//! // parameter by `Real` (`Float` alone does not say that `T` is `f32` or
//! // `f64`, which the derivative rules need).
//! fn gradient_step<T: Real>(x: &mut [T], rate: T) {
//!     let g = rosenbrock_grad(x);
//!     for (xi, gi) in x.iter_mut().zip(g) {
//!         *xi -= rate * gi;
//!     }
//! }
//! let mut x = [0.5f32, 0.25];
//! gradient_step(&mut x, 1e-3);
//! assert!(rosenbrock(&x) < rosenbrock(&[0.5f32, 0.25]));
//! ```
//!
//! Array lengths may be const parameters (`fn f<T: Float, const N: usize>(x:
//! [T; N]) -> T`, also with `f64`): the gradient is then `[T; N]`, and the
//! Hessian `Vec<Vec<T>>` rows, since rustc cannot size a type by `N + 1`.
//! Other type parameters, nalgebra values of `T` or sized by a const
//! parameter, and `check` with a const parameter are compile errors that
//! say what to write; `check` tests a generic function at `f64`.
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
//! name and guard arms, early `return` (also from inside loops, in a
//! function that returns one float), constants, casts of integers, and:
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
//!   `.skip(n)`, `.take(n)`), `while` loops, `loop` with `break` and with
//!   `break value` (`let r = loop { .. }`), `break` and `continue`, nested,
//!   labelled (`break 'outer` from an inner loop);
//! - the reductions `.iter().sum()`, `.product()`, `.map(|v| ..).sum()`,
//!   `.fold(init, |acc, v| ..)`, `.fold(f64::NEG_INFINITY, f64::max)` and
//!   `.map(..).collect()`, with `.filter(|v| ..)` before them (and
//!   `.filter(..).count()`), `.chain(..)`, and `x.windows(k)` whose closure
//!   reads `w[0]` .. `w[k - 1]`;
//! - closures bound by `let` and called by name (`let sq = |v: f64| v * v;`,
//!   then `sq(x)`), which may capture differentiated values: each call is
//!   the closure's body, inline;
//! - calls to other `#[differentiate]` functions, anywhere in the crate or
//!   outside it, recursive ones included (the caller uses the callee's
//!   generated derivatives, not its body), to functions whose derivatives
//!   you give with [`derivative`] (below), and to the helpers [`sigmoid`],
//!   [`softplus`], [`logaddexp`] and [`logsumexp`];
//! - the nalgebra operations above.
//!
//! Loops can be left by `break value` and by `return`, and iterator chains
//! can filter and take extremes:
//!
//! ```
//! # use matdiff::differentiate;
//! /// Newton's iteration for the square root of `a`.
//! #[differentiate]
//! fn root(a: f64) -> f64 {
//!     let mut y = a;
//!     loop {
//!         let next = 0.5 * (y + a / y);
//!         if (next - y).abs() <= 1e-15 * next {
//!             break next;
//!         }
//!         y = next;
//!     }
//! }
//!
//! #[differentiate]
//! fn spread(x: &[f64]) -> f64 {
//!     for &v in x {
//!         if v < 0.0 {
//!             return v * v;
//!         }
//!     }
//!     let largest = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
//!     let small: f64 = x.iter().filter(|v| **v < 1.0).map(|v| v.sin()).sum();
//!     let steps: f64 = x.windows(2).map(|w| (w[1] - w[0]).powi(2)).sum();
//!     largest + small + steps
//! }
//!
//! assert!((root_grad(4.0)[0] - 0.25).abs() < 1e-15);
//! // largest = x[2]; x[0] < 1 is small; steps (x[1] - x[0])² + (x[2] - x[1])².
//! let g = spread_grad(&[0.5, 1.5, 2.0]);
//! assert!((g[0] - (0.5f64.cos() - 2.0)).abs() < 1e-15);
//! assert!((g[1] - (2.0 - 1.0)).abs() < 1e-15);
//! assert!((g[2] - (1.0 + 1.0)).abs() < 1e-15);
//! assert_eq!(spread_grad(&[0.5, -3.0, 2.0]), vec![0.0, -6.0, 0.0]);
//! ```
//!
//! Closures bound by `let` are called as in Rust, with the values they
//! captured where they were written; arrays can be taken apart by pattern:
//!
//! ```
//! # use matdiff::differentiate;
//! #[differentiate]
//! fn spring_energy(p: [f64; 3], k: f64) -> f64 {
//!     let [a, b, c] = p;
//!     let spring = |d: f64| 0.5 * k * d * d;
//!     spring(b - a) + spring(c - b)
//! }
//!
//! let (g, dk) = spring_energy_grad([0.0, 1.5, 2.0], 4.0);
//! // k (b - a) pulls a and b together, and k (c - b) b and c.
//! assert_eq!(g, [-6.0, 6.0 - 2.0, 2.0]);
//! assert_eq!(dk, 0.5 * (1.5f64 * 1.5 + 0.5 * 0.5));
//! ```
//!
//! Where a function has no derivative at a point, the rule used is the one
//! documented in [`matdiff_core::rules::elementwise`] (for example `abs` has
//! slope 0 at 0, and `min`/`max` give a tie to the receiver).
//!
//! Anything else is a compile error at your code with a message that says
//! what to write instead: the macro never guesses, never falls back to
//! numerical differences, and leaves the original function compiling.
//!
//! # Derivatives you give
//!
//! A function whose body matdiff cannot read (a libm routine, an iterative
//! solver) can be called from differentiated code once you state its
//! derivative with [`derivative`]: on a function of scalars, the partial
//! derivative with respect to each float argument, as an expression in the
//! arguments. The function itself is kept as it is.
//!
//! ```
//! use matdiff::{derivative, differentiate};
//! use std::f64::consts::FRAC_2_SQRT_PI;
//!
//! /// The error function, from libm: d/dx erf x = 2/sqrt(pi) exp(-x^2).
//! #[derivative(x = FRAC_2_SQRT_PI * (-x * x).exp())]
//! fn erf(x: f64) -> f64 {
//!     libm::erf(x)
//! }
//!
//! #[differentiate]
//! fn model(a: f64, b: f64) -> f64 {
//!     erf(a * b) * b
//! }
//!
//! let (a, b) = (0.5, 1.5);
//! let d_erf = |u: f64| FRAC_2_SQRT_PI * (-u * u).exp();
//! let grad = model_grad(a, b);
//! assert!((grad[0] - d_erf(a * b) * b * b).abs() < 1e-14);
//! // The Hessian needs erf's second derivative, -2u erf'(u): matdiff gets it
//! // by differentiating the partial you gave.
//! let h = model_hessian(a, b);
//! assert!((h[0][0] - (-2.0 * a * b) * d_erf(a * b) * b * b * b).abs() < 1e-14);
//! ```
//!
//! `result = name` names the function's value for the partials: an
//! implicit function's derivative is in terms of its value. The fixed
//! point of y = a cos y (found by iteration) has dy (1 + a sin y) = cos y da:
//!
//! ```
//! # use matdiff::{derivative, differentiate};
//! #[derivative(result = y, a = y.cos() / (1.0 + a * y.sin()))]
//! fn fixed_point(a: f64) -> f64 {
//!     let mut y: f64 = 0.0;
//!     for _ in 0..200 {
//!         y = a * y.cos();
//!     }
//!     y
//! }
//!
//! #[differentiate]
//! fn squared(a: f64) -> f64 {
//!     fixed_point(a).powi(2)
//! }
//!
//! let y = fixed_point(0.5);
//! let dy_da = y.cos() / (1.0 + 0.5 * y.sin());
//! assert!((squared_grad(0.5)[0] - 2.0 * y * dy_da).abs() < 1e-14);
//! // Ridders' differences of the solver itself agree on the second derivative.
//! let differences = matdiff::check::hessian(|v| fixed_point(v[0]).powi(2), &[0.5]);
//! assert!((squared_hessian(0.5)[0][0] - differences[0][0]).abs() < 1e-7);
//! ```
//!
//! You give the first-order rule only. The cotangent of an argument is its
//! partial times the caller's seed and the tangent is the sum of partials
//! times tangents; the second-order terms come from differentiating the
//! partials themselves, each compiled as a hidden `#[differentiate]`
//! function of the arguments (and of the result, whose tangent it
//! receives by the chain rule). So gradients, Hessians, Hessian-vector
//! products and Jacobians of callers all work through the call, and a
//! partial is written in the syntax of the body above: it may call
//! `#[differentiate]` and `#[derivative]` functions (the partial of ln
//! Gamma can be a `#[differentiate]` digamma, whose derivative matdiff
//! generates for the Hessian), the function itself included.
//!
//! - Float arguments are `f64` (or all `f32`), each with a partial
//!   (`x = 0.0` if the function does not depend on it); other arguments
//!   (integers, flags, data) are constants, passed through, and partials
//!   may use them.
//! - The function returns one float and is a free function; it gets no
//!   `f_grad` of its own: call it from a `#[differentiate]` function.
//! - Each derivative call evaluates the function once and each partial
//!   once (twice for the second order when the partials use the result).
//!
//! For functions of slices and arrays (`&[F]`, `[F; N]`, `&[F; N]`, mixed
//! with scalars and constants), give the tangent instead: `tangent = ..`,
//! the directional derivative as an expression in the arguments and their
//! tangents, named `x_dot` for argument `x`, linear in the tangents. The
//! gradient is its derivative with respect to the tangents, and the
//! second order its forward-over-reverse, both by matdiff:
//!
//! ```
//! # use matdiff::{derivative, differentiate};
//! /// ln Σ exp(x_i), from libm; its tangent is Σ softmax_i x_dot_i.
//! #[derivative(result = y, tangent = {
//!     let mut t = 0.0;
//!     for i in 0..x.len() {
//!         t += (x[i] - y).exp() * x_dot[i];
//!     }
//!     t
//! })]
//! fn log_sum_exp(x: &[f64]) -> f64 {
//!     libm::log(x.iter().map(|&v| libm::exp(v)).sum())
//! }
//!
//! #[differentiate]
//! fn loss(x: &[f64]) -> f64 {
//!     log_sum_exp(x) - x[0]
//! }
//!
//! let x = [0.0, 1.0f64.ln()]; // softmax (1/2, 1/2)
//! let grad = loss_grad(&x);
//! assert!((grad[0] + 0.5).abs() < 1e-15 && (grad[1] - 0.5).abs() < 1e-15);
//! // diag(p) - p p'
//! let h = loss_hessian(&x);
//! assert!((h[0][0] - 0.25).abs() < 1e-15 && (h[0][1] + 0.25).abs() < 1e-15);
//! ```
//!
//! Vectors by value (`Vec<F>`: take `&[F]`) and nalgebra values take
//! `#[differentiate]`.
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
//! | a call of a function without derivatives on a differentiated value | rustc's "cannot find module or crate `helper`": put `#[differentiate]` on `helper`, or give its partials with `#[derivative(v = ..)]` |
//! | a differentiated value passed where the callee is not differentiated (`wrt` leaves it out) | "the called function has no derivative with respect to this argument": add it to the callee's `wrt(..)` |
//! | a type parameter not bounded by `Float` or `Real`, two float type parameters, nalgebra values of a type parameter or sized by a const parameter | bound the float type by `Float` or [`Real`]; write nalgebra functions for `f64` or `f32` with sizes as numbers |
//! | a generated function of a generic one called from code whose type parameter is bounded by `Float` only | "the derivatives of a generic function need `T: matdiff::Real`": bound it by [`Real`] |
//! | `as` on a differentiated value of a type parameter | compute in `T`; constants as `T::from(2.0).unwrap()` |
//! | `return` inside a condition or an expression, or inside a loop of a function that returns a tuple or a vector | return from a statement; `break` out of the loop and return after it |
//! | a `loop` that never ends, a `break 'label value` out of an inner loop | `break` or `return` in it; a variable set before `break 'label` |
//! | an iterator adapter with no rule (`max_by`), one after `filter`, `collect` after `filter`, a window used whole | `fold` with `f64::max`; `filter` last; the loop; `w[0]`, `w[1]` |
//! | a nalgebra value built from differentiated floats other than by the constructors with rules (`DMatrix::from_row_slice`, `Point3::new`), elements that are not an array, `from_fn` of a type whose size is not written | the constructors with rules (`Vector3::new`, `from_vec`, `from_column_slice`, `from([..])`, `from_fn`, `from_columns`); a local `Vec`; the sizes as generic arguments |
//! | a float method on a matrix (`m.exp()`), assignment to a matrix element | `.map(\|v\| v.exp())`; build the value with operations, or use a local array |
//! | a view of a differentiated matrix whose place or size depends on the inputs, `rows_range`/`view_range`/`*_with_step` on one, a view method on a float | integer indices; `rows(first, count)`, `view((i, j), (r, c))` or the `fixed_` forms; indexing |
//! | a `map` closure that reads a differentiated value | compute with it outside the map, or write the loop |
//! | `as f32` in an `f64` function | one precision throughout |
//! | assignment to a field, a whole array, or an argument through `&mut` | a local variable; its elements; take arguments by `&` |
//! | a tuple of differentiated values kept whole, `sin_cos` not taken apart, a tuple from a call | take it apart where it is made: `let (s, c) = x.sin_cos();`; one call per element |
//! | `unsafe`, `async`, `?`, macro calls other than `vec!` in the body | the plain code they stand for |
//! | an unknown option, `wrt` naming a missing or integer argument | the list of options; the float arguments |
//! | `check` on a method, with a constant argument, or points that are not lists | how to test by hand with [`check`] |
//! | `#[differentiate]` on an impl block with no function, or `#[differentiate = ..]` on one of its functions | a function in the block; options in parentheses |
//! | `#[derivative(..)]` with a partial of an unknown or non-float argument, a float argument without a partial, `result = ` an argument, partials for slices, both partials and `tangent`, both `#[derivative]` and `#[differentiate]`; on a method, a `Vec` or nalgebra argument, mixed float types | one partial per float scalar argument, by name, or `tangent = ..` in the `x_dot`s; a free function (`#[differentiate]` for the rest) |
//!
//! # Calling a function that has no derivative
//!
//! A differentiated function can call any function on values that do not
//! depend on its inputs. To pass a differentiated value, the callee needs
//! derivatives: put `#[differentiate]` on it if matdiff can read its body,
//! or give its partials with [`derivative`] if it cannot. Otherwise rustc
//! reports, at the call, that the callee "is not a crate or module": the
//! generated code looks for the callee's derivative functions, which either
//! attribute defines next to it (in the type namespace, so `use` brings
//! them along). The message is rustc's, not matdiff's: a procedural macro
//! sees only the item it is on, so only rustc's name resolution knows
//! whether the callee has derivatives, and stable Rust lets a library
//! reword an unmet trait bound but not a name that does not resolve. A
//! hand-written function can provide the derivative functions too; see
//! [`matdiff_core::calling`] for the calling convention.

extern crate self as matdiff;

#[cfg(feature = "argmin")]
pub mod argmin;
/// `argmin_problem!(f)` is [`argmin::Problem::new`]`(f, f_grad, f_hessian)`
/// for a `#[differentiate]` function `f` of one slice (feature `argmin`).
#[cfg(feature = "argmin")]
pub use matdiff_macros::argmin_problem;

/// Named by rustc's messages where a differentiated function calls one it
/// cannot differentiate through (one that returns a vector or matrix, or has
/// no derivative in an argument): re-exported here so that those messages
/// name them briefly. Not for use.
#[doc(hidden)]
pub use matdiff_core::calling::{Cotangent, NoDerivative, ReturnsOneFloat};
pub use matdiff_core::check;
pub use matdiff_core::functions::{logaddexp, logsumexp, sigmoid, softplus};
pub use matdiff_core::linalg::{inv, logdet, softmax, solve};
/// num-traits' `Float` and `FloatConst`: the bound of a generic
/// differentiated function's float type parameter (`fn f<T: Float>(x: T) -> T`),
/// re-exported so that such a crate needs no num-traits of its own.
pub use matdiff_core::num_traits::{Float, FloatConst};
pub use matdiff_core::pool::MatrixWorkspace;
pub use matdiff_core::sparse::{SparseHessian, SparseHessianWorkspace};
pub use matdiff_core::{Directions, Linear, Real, Scalar};
/// Makes a struct of floats, arrays, `Vec`s and nalgebra values a parameter
/// `#[differentiate(wrt(..))]` can differentiate; see "Struct parameters" in
/// the [crate] docs.
pub use matdiff_macros::Differentiable;
/// Gives the derivative of a function of scalars by its partials, for
/// `#[differentiate]` callers; see "Derivatives you give" in the [crate] docs.
pub use matdiff_macros::derivative;
/// Generates the derivatives of a scalar function; see the [crate] docs.
pub use matdiff_macros::differentiate;

/// What generated code calls. Not a public API: it changes without notice.
#[doc(hidden)]
pub mod __private {
    pub use matdiff_core::arrays::{
        CotangentStorage, TangentCopy, TangentStorage, add_all, add_at, add_once, band_lane, fill_band_columns,
        fill_band_values, loop_view, loop_view_mut, read_at, scatter_band, scatter_band_values, scatter_row,
        scatter_rows, seed, seed_array, seed_band_array, seed_band_vec, seed_vec, sum_all, take_at, write_at,
        zero_element,
    };
    pub use matdiff_core::bundle::{Bundle, into_hessian, into_jacobian, write_rows};
    pub use matdiff_core::calling::{
        Cotangent, NoDerivative, ReturnsOneFloat, chain_partials, direction_fixed, direction_matrix, direction_scalar,
        direction_vec, put_direction_fixed, put_direction_vec, reseed_array, reseed_cotangent, reseed_scalar,
        reseed_vec, tangent_or_zero, tangent_or_zero_fixed, tangent_or_zero_vec,
    };
    pub use matdiff_core::matrix::{
        Flat, reseed_matrix, seed_matrix, tangent_or_zero_matrix, write_column, write_matrix_row, write_row,
    };
    pub use matdiff_core::nalgebra;
    pub use matdiff_core::pool::{
        MatrixWorkspace, Recycle, RecycleOther, check_output_shape, emptied, install as install_workspace,
    };
    pub use matdiff_core::rules;
    pub use matdiff_core::sparse::{SparseHessian, SparseHessianWorkspace, banded_len};
    pub use matdiff_core::structs::IntoDenseHessian;
    pub use matdiff_core::support::{
        Branch, add, add_owned, add_pair, neg, neg_owned, pop, range_nth, trip_count, unit, zero_like, zero_tangent,
    };
    pub use matdiff_core::{Directions, Linear, Scalar};
    pub use matdiff_macros::__struct_parameter as struct_parameter;
}
