//! argmin's problem traits for a `#[differentiate]` function of a slice (feature `argmin`).
//!
//! [`Problem`] implements argmin's `CostFunction`, `Gradient` and `Hessian`
//! with `Param = Vec<f64>`, `Gradient = Vec<f64>` and
//! `Hessian = Vec<Vec<f64>>` (rows), the types argmin-math's `vec` backend
//! computes with, from three functions of `&[f64]`: the function and the
//! `f_grad` and `f_hessian` that `#[differentiate]` generated for it, or
//! closures around them that pass the data along.
//!
//! Versions: argmin 0.11 with argmin-math 0.5 (its `vec` feature, which this
//! feature turns on). argmin-math 0.5 knows nalgebra up to 0.34, not the 0.35
//! matdiff is built with, so parameters are `Vec<f64>` only.
//!
//! Solvers of argmin 0.11 that take such a problem (each is run in this
//! crate's tests): `TrustRegion` with the `Steihaug` or `CauchyPoint`
//! subproblem and `NewtonCG`, which use the Hessian, and `LBFGS`, `BFGS`,
//! `NonlinearConjugateGradient` and `SteepestDescent`, which need only the
//! gradient. `Newton`, `Dogleg` and the Gauss-Newton solvers invert a
//! matrix, which argmin-math's `vec` backend cannot, so this module has no
//! `Jacobian`/`Operator` for vector-valued functions either. No argmin
//! solver takes a Hessian-vector product: `f_hvp` is not used.
//!
//! ```
//! use argmin::core::{Executor, State};
//! use argmin::solver::trustregion::{Steihaug, TrustRegion};
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
//! # fn main() -> Result<(), argmin::core::Error> {
//! // The same as matdiff::argmin::Problem::new(rosenbrock, rosenbrock_grad, rosenbrock_hessian).
//! let problem = matdiff::argmin_problem!(rosenbrock);
//! let solver = TrustRegion::new(Steihaug::new());
//! let result = Executor::new(problem, solver)
//!     // TrustRegion has no stopping rule of its own: stop at a cost known
//!     // to be reachable (the minimum is 0) or after 100 iterations.
//!     .configure(|state| state.param(vec![-1.2, 1.0]).target_cost(1e-14).max_iters(100))
//!     .run()?;
//! assert!(result.state().get_best_cost() < 1e-14);
//! # Ok(())
//! # }
//! ```
//!
//! With data, close over it; for first-order solvers a Hessian is not
//! needed ([`Problem::gradient_only`]):
//!
//! ```
//! # use matdiff::differentiate;
//! #[differentiate(wrt(w))]
//! fn squared_error(w: &[f64], x: &[f64], y: &[f64]) -> f64 {
//!     let mut s = 0.0;
//!     for i in 0..y.len() {
//!         s += (w[0] + w[1] * x[i] - y[i]).powi(2);
//!     }
//!     s
//! }
//!
//! let (x, y) = (vec![0.0, 1.0, 2.0], vec![1.0, 3.0, 5.0]);
//! let problem = matdiff::argmin::Problem::gradient_only(
//!     |w: &[f64]| squared_error(w, &x, &y),
//!     |w: &[f64]| squared_error_grad(w, &x, &y),
//! );
//! # use argmin::core::Gradient;
//! assert_eq!(problem.gradient(&vec![1.0, 2.0]).ok(), Some(vec![0.0, 0.0])); // the exact fit
//! ```

use ::argmin::core::{ArgminError, CostFunction, Error, Gradient, Hessian};

/// A function of `&[f64]` with its gradient and, unless made by
/// [`Problem::gradient_only`], its Hessian, as an argmin problem over
/// `Vec<f64>`.
///
/// Values are passed on as computed: a non-finite cost, gradient or Hessian
/// is returned, not an error, since argmin's line searches and trust
/// regions handle a step to where the function is infinite or NaN by
/// shrinking it. The one error is a gradient or Hessian whose size does not
/// match the parameters (a closure that returns the wrong thing), which
/// argmin's vector arithmetic would otherwise meet as a panic.
#[derive(Clone, Copy)]
pub struct Problem<C, G, H = NoHessian> {
    cost: C,
    gradient: G,
    hessian: H,
}

/// The Hessian of a [`Problem`] made by [`Problem::gradient_only`]: none.
/// Such a problem does not implement argmin's `Hessian`, so handing it to a
/// second-order solver is a compile error.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoHessian;

impl<C, G, H> Problem<C, G, H>
where
    C: Fn(&[f64]) -> f64,
    G: Fn(&[f64]) -> Vec<f64>,
    H: Fn(&[f64]) -> Vec<Vec<f64>>,
{
    /// The problem of minimising `cost`, whose gradient is `gradient` and
    /// whose Hessian (rows) is `hessian`: for `#[differentiate] fn f(x:
    /// &[f64]) -> f64`, `Problem::new(f, f_grad, f_hessian)`, which
    /// [`argmin_problem!(f)`](crate::argmin_problem) writes for you.
    pub fn new(cost: C, gradient: G, hessian: H) -> Self {
        Problem { cost, gradient, hessian }
    }
}

impl<C, G> Problem<C, G, NoHessian>
where
    C: Fn(&[f64]) -> f64,
    G: Fn(&[f64]) -> Vec<f64>,
{
    /// The problem of minimising `cost` with gradient `gradient`, for
    /// first-order and quasi-Newton solvers (L-BFGS, BFGS, nonlinear
    /// conjugate gradients, steepest descent), and for functions
    /// differentiated with `no_hessian`.
    pub fn gradient_only(cost: C, gradient: G) -> Self {
        Problem { cost, gradient, hessian: NoHessian }
    }
}

impl<C, G, H> std::fmt::Debug for Problem<C, G, H> {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The fields are functions, which have nothing to show.
        formatter.debug_struct("Problem").finish_non_exhaustive()
    }
}

impl<C, G, H> CostFunction for Problem<C, G, H>
where
    C: Fn(&[f64]) -> f64,
{
    type Param = Vec<f64>;
    type Output = f64;

    fn cost(&self, param: &Vec<f64>) -> Result<f64, Error> {
        Ok((self.cost)(param))
    }
}

impl<C, G, H> Gradient for Problem<C, G, H>
where
    G: Fn(&[f64]) -> Vec<f64>,
{
    type Param = Vec<f64>;
    type Gradient = Vec<f64>;

    fn gradient(&self, param: &Vec<f64>) -> Result<Vec<f64>, Error> {
        let gradient = (self.gradient)(param);
        if gradient.len() != param.len() {
            return Err(size_mismatch(format!(
                "the gradient has {} entries for {} parameters",
                gradient.len(),
                param.len()
            )));
        }
        Ok(gradient)
    }
}

impl<C, G, H> Hessian for Problem<C, G, H>
where
    H: Fn(&[f64]) -> Vec<Vec<f64>>,
{
    type Param = Vec<f64>;
    type Hessian = Vec<Vec<f64>>;

    fn hessian(&self, param: &Vec<f64>) -> Result<Vec<Vec<f64>>, Error> {
        let hessian = (self.hessian)(param);
        let n = param.len();
        if hessian.len() != n || hessian.iter().any(|row| row.len() != n) {
            let row_lengths: Vec<usize> = hessian.iter().map(Vec::len).collect();
            return Err(size_mismatch(format!(
                "the Hessian has rows of lengths {row_lengths:?} for {n} parameters (n rows of n expected)"
            )));
        }
        Ok(hessian)
    }
}

fn size_mismatch(text: String) -> Error {
    ArgminError::InvalidParameter { text: format!("matdiff::argmin::Problem: {text}") }.into()
}
