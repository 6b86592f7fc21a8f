//! `matdiff::argmin`: argmin's solvers reach known minima when fed the
//! generated derivatives, and the problem hands them exactly the generated
//! gradient and Hessian, which agree with finite differences.
#![cfg(feature = "argmin")]

use argmin::core::{CostFunction, Error, Executor, Gradient, Hessian, State};
use argmin::solver::conjugategradient::NonlinearConjugateGradient;
use argmin::solver::conjugategradient::beta::PolakRibierePlus;
use argmin::solver::gradientdescent::SteepestDescent;
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::newton::NewtonCG;
use argmin::solver::quasinewton::{BFGS, LBFGS};
use argmin::solver::trustregion::{CauchyPoint, Steihaug, TrustRegion};
use matdiff::argmin::Problem;
use matdiff::check;
use matdiff::differentiate;

mod functions {
    use matdiff::differentiate;

    /// The extended Rosenbrock function (Moré, Garbow and Hillstrom): a
    /// Rosenbrock valley in each pair (x[2i], x[2i + 1]), its one minimum 0
    /// at all ones.
    #[differentiate]
    pub fn rosenbrock(x: &[f64]) -> f64 {
        let mut s = 0.0;
        for i in 0..x.len() / 2 {
            let a = x[2 * i];
            let b = x[2 * i + 1];
            s += 100.0 * (b - a * a).powi(2) + (1.0 - a).powi(2);
        }
        s
    }

    /// The chained Rosenbrock function, whose Hessian couples every
    /// neighbour (it also has a local minimum near x[0] = -1, which the
    /// solvers' tests avoid by using the extended one).
    #[differentiate]
    pub fn chained_rosenbrock(x: &[f64]) -> f64 {
        let mut s = 0.0;
        for i in 0..x.len() - 1 {
            s += 100.0 * (x[i + 1] - x[i] * x[i]).powi(2) + (1.0 - x[i]).powi(2);
        }
        s
    }
}

use functions::{chained_rosenbrock, rosenbrock, rosenbrock_grad, rosenbrock_hessian};

/// The mean negative log-likelihood of a logistic regression, a loop over
/// samples; rows of `features` have `w.len()` entries.
#[differentiate(wrt(w))]
fn logistic_loss(w: &[f64], features: &[f64], labels: &[f64]) -> f64 {
    let d = w.len();
    let mut total = 0.0;
    for i in 0..labels.len() {
        let mut z = 0.0;
        for j in 0..d {
            z += w[j] * features[i * d + j];
        }
        total += matdiff::softplus(z) - labels[i] * z;
    }
    total / labels.len() as f64
}

/// Overlapping classes, so the maximum-likelihood weights are finite: an
/// intercept column and two features made from sines and cosines.
fn logistic_data() -> (Vec<f64>, Vec<f64>) {
    let samples = 120;
    let mut features = Vec::new();
    let mut labels = Vec::new();
    for i in 0..samples {
        let class = (i % 2) as f64;
        let t = i as f64 * 0.61;
        features.extend([1.0, 0.8 * (2.0 * class - 1.0) + 1.5 * t.sin(), 0.5 * (class - 0.5) + 1.5 * (1.3 * t).cos()]);
        labels.push(class);
    }
    (features, labels)
}

/// The standard start of the extended Rosenbrock function: -1.2 at even
/// indices, 1 at odd ones.
fn standard_start(n: usize) -> Vec<f64> {
    (0..n).map(|i| if i % 2 == 0 { -1.2 } else { 1.0 }).collect()
}

fn distance_to_ones(x: &[f64]) -> f64 {
    x.iter().fold(0.0f64, |m, xi| m.max((xi - 1.0).abs()))
}

fn norm(v: &[f64]) -> f64 {
    v.iter().map(|vi| vi * vi).sum::<f64>().sqrt()
}

#[test]
fn trust_region_steihaug_reaches_the_minimum_of_rosenbrock() -> Result<(), Error> {
    let solver = TrustRegion::new(Steihaug::new());
    let result = Executor::new(matdiff::argmin_problem!(rosenbrock), solver)
        .configure(|state| state.param(standard_start(100)).target_cost(1e-12).max_iters(200))
        .run()?;
    let state = result.state();
    let x = state.get_best_param().cloned().unwrap_or_default();
    assert!(state.get_best_cost() < 1e-10, "cost {} after {} iterations", state.get_best_cost(), state.get_iter());
    assert!(distance_to_ones(&x) < 1e-5, "x = {x:?}");
    Ok(())
}

#[test]
fn argmin_problem_takes_a_path_and_builds_problem_new() {
    // `functions::rosenbrock` names `functions::rosenbrock_grad` and
    // `functions::rosenbrock_hessian`.
    let by_macro = matdiff::argmin_problem!(functions::rosenbrock);
    let by_hand = Problem::new(rosenbrock, rosenbrock_grad, rosenbrock_hessian);
    let x = vec![0.3, -0.7, 1.1, 0.4];
    assert_eq!(by_macro.cost(&x).ok(), by_hand.cost(&x).ok());
    assert_eq!(by_macro.gradient(&x).ok(), by_hand.gradient(&x).ok());
    assert_eq!(by_macro.hessian(&x).ok(), by_hand.hessian(&x).ok());
}

#[test]
fn lbfgs_more_thuente_reaches_the_minimum_of_rosenbrock() -> Result<(), Error> {
    let problem = Problem::gradient_only(rosenbrock, rosenbrock_grad);
    let solver = LBFGS::new(MoreThuenteLineSearch::new(), 7).with_tolerance_grad(1e-10)?;
    let result =
        Executor::new(problem, solver).configure(|state| state.param(standard_start(10)).max_iters(1000)).run()?;
    let state = result.state();
    let x = state.get_best_param().cloned().unwrap_or_default();
    assert!(state.get_best_cost() < 1e-10, "cost {} after {} iterations", state.get_best_cost(), state.get_iter());
    assert!(distance_to_ones(&x) < 1e-5, "x = {x:?}");
    Ok(())
}

#[test]
fn lbfgs_on_a_logistic_regression_ends_where_finite_differences_see_a_zero_gradient() -> Result<(), Error> {
    let (features, labels) = logistic_data();
    let (features, labels) = (&features[..], &labels[..]);
    let problem = Problem::gradient_only(
        |w: &[f64]| logistic_loss(w, features, labels),
        |w: &[f64]| logistic_loss_grad(w, features, labels),
    );
    let solver = LBFGS::new(MoreThuenteLineSearch::new(), 7).with_tolerance_grad(1e-9)?;
    let result = Executor::new(problem, solver).configure(|state| state.param(vec![0.0; 3]).max_iters(500)).run()?;
    let w = result.state().get_best_param().cloned().unwrap_or_default();
    // The stationarity of the answer, judged by differences of the loss
    // alone, not by the generated gradient the solver used.
    let gradient = check::gradient(|w| logistic_loss(w, features, labels), &w);
    assert!(norm(&gradient) < 1e-7, "gradient by differences {gradient:?} at {w:?}");
    Ok(())
}

#[test]
fn the_problem_hands_over_the_generated_derivatives_which_agree_with_differences() {
    let problem = matdiff::argmin_problem!(rosenbrock);
    let chained = matdiff::argmin_problem!(functions::chained_rosenbrock);
    for x in [vec![0.3, -0.7, 1.1, 0.4, 0.9, -0.2], standard_start(6), vec![1.0; 4]] {
        let gradient = problem.gradient(&x).unwrap_or_default();
        let hessian = problem.hessian(&x).unwrap_or_default();
        assert_eq!(problem.cost(&x).ok(), Some(rosenbrock(&x)));
        assert_eq!(gradient, rosenbrock_grad(&x));
        assert_eq!(hessian, rosenbrock_hessian(&x));
        // An independent reference: Ridders' differences of the function.
        check::assert_all_close(&gradient, &check::gradient(rosenbrock, &x), 1e-7, "gradient");
        for (row, expected) in hessian.iter().zip(check::hessian(rosenbrock, &x)) {
            check::assert_all_close(row, &expected, 1e-6, "Hessian row");
        }

        let gradient = chained.gradient(&x).unwrap_or_default();
        let hessian = chained.hessian(&x).unwrap_or_default();
        assert_eq!(gradient, functions::chained_rosenbrock_grad(&x));
        assert_eq!(hessian, functions::chained_rosenbrock_hessian(&x));
        check::assert_all_close(&gradient, &check::gradient(chained_rosenbrock, &x), 1e-7, "gradient");
        for (row, expected) in hessian.iter().zip(check::hessian(chained_rosenbrock, &x)) {
            check::assert_all_close(row, &expected, 1e-6, "Hessian row");
        }
    }

    let (features, labels) = logistic_data();
    let (features, labels) = (&features[..], &labels[..]);
    let problem = Problem::new(
        |w: &[f64]| logistic_loss(w, features, labels),
        |w: &[f64]| logistic_loss_grad(w, features, labels),
        |w: &[f64]| logistic_loss_hessian(w, features, labels),
    );
    let w = vec![0.2, -0.5, 0.8];
    let gradient = problem.gradient(&w).unwrap_or_default();
    let hessian = problem.hessian(&w).unwrap_or_default();
    assert_eq!(gradient, logistic_loss_grad(&w, features, labels));
    assert_eq!(hessian, logistic_loss_hessian(&w, features, labels));
    let loss = |w: &[f64]| logistic_loss(w, features, labels);
    check::assert_all_close(&gradient, &check::gradient(loss, &w), 1e-7, "gradient");
    for (row, expected) in hessian.iter().zip(check::hessian(loss, &w)) {
        check::assert_all_close(row, &expected, 1e-6, "Hessian row");
    }
}

#[test]
fn non_finite_values_are_returned_not_errors() {
    // ln x at x = -1 is NaN and at 0 is -inf: argmin's line searches and
    // trust regions shrink a step that lands there, so they must see it.
    #[differentiate]
    fn log_sum(x: &[f64]) -> f64 {
        x.iter().map(|xi| xi.ln()).sum()
    }
    let problem = matdiff::argmin_problem!(log_sum);
    let at_negative = vec![-1.0, 2.0];
    assert!(problem.cost(&at_negative).is_ok_and(f64::is_nan));
    assert!(problem.cost(&vec![0.0, 2.0]).is_ok_and(|cost| cost == f64::NEG_INFINITY));
    assert!(problem.gradient(&vec![0.0, 2.0]).is_ok_and(|g| g[0] == f64::INFINITY && g[1] == 0.5));
    assert!(problem.hessian(&at_negative).is_ok());
}

#[test]
fn a_derivative_of_the_wrong_size_is_an_error_not_a_panic() {
    let problem = Problem::new(
        |x: &[f64]| x.iter().sum(),
        |x: &[f64]| vec![1.0; x.len() + 1],
        |x: &[f64]| vec![vec![0.0; x.len()]; x.len() - 1],
    );
    let x = vec![1.0, 2.0, 3.0];
    let gradient_error = problem.gradient(&x).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(gradient_error.contains("the gradient has 4 entries for 3 parameters"), "{gradient_error}");
    let hessian_error = problem.hessian(&x).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(hessian_error.contains("n rows of n expected"), "{hessian_error}");
    // And argmin passes the error on instead of iterating.
    assert!(
        Executor::new(problem, TrustRegion::new(Steihaug::new())).configure(|s| s.param(x).max_iters(5)).run().is_err()
    );
}

// The other solvers the module docs name take a `Problem`: each runs from
// the standard start of a small extended Rosenbrock function and must
// lower the cost (or reach the minimum, where it does so promptly).

/// Runs `solver` on `problem` from the standard start of 4 variables, which
/// `configure` puts in the state, and returns the best cost, which must be
/// below the start's.
fn best_cost_from_the_start<O, S, I>(
    problem: O,
    solver: S,
    configure: impl FnOnce(I, Vec<f64>) -> I,
) -> Result<f64, Error>
where
    S: argmin::core::Solver<O, I>,
    I: State<Param = Vec<f64>, Float = f64>,
{
    let start = standard_start(4);
    let start_cost = rosenbrock(&start);
    let result = Executor::new(problem, solver).configure(|state| configure(state, start)).run()?;
    let cost = result.state().get_best_cost();
    assert!(cost < start_cost, "cost {cost}, from {start_cost}");
    Ok(cost)
}

#[test]
fn trust_region_with_the_cauchy_point_lowers_the_cost() -> Result<(), Error> {
    let solver = TrustRegion::new(CauchyPoint::new());
    best_cost_from_the_start(matdiff::argmin_problem!(rosenbrock), solver, |state, start| {
        state.param(start).max_iters(50)
    })?;
    Ok(())
}

#[test]
fn newton_cg_lowers_the_cost() -> Result<(), Error> {
    // argmin 0.11's NewtonCG creeps along the valley (thousands of
    // iterations to 1e-10 here, with the derivatives checked above), so
    // only progress is asked of it.
    let solver = NewtonCG::new(MoreThuenteLineSearch::new());
    best_cost_from_the_start(matdiff::argmin_problem!(rosenbrock), solver, |state, start| {
        state.param(start).max_iters(50)
    })?;
    Ok(())
}

#[test]
fn bfgs_reaches_the_minimum() -> Result<(), Error> {
    let identity: Vec<Vec<f64>> = (0..4).map(|i| (0..4).map(|j| if i == j { 1.0 } else { 0.0 }).collect()).collect();
    let solver = BFGS::new(MoreThuenteLineSearch::new());
    let problem = Problem::gradient_only(rosenbrock, rosenbrock_grad);
    let cost = best_cost_from_the_start(problem, solver, |state, start| {
        state.param(start).inv_hessian(identity).max_iters(200)
    })?;
    assert!(cost < 1e-10, "cost {cost}");
    Ok(())
}

#[test]
fn nonlinear_conjugate_gradients_lower_the_cost() -> Result<(), Error> {
    // Nonlinear CG needs a line search that is close to exact (c2 = 0.1,
    // not L-BFGS's 0.9) for its directions to stay descent directions.
    let line_search = MoreThuenteLineSearch::new().with_c(1e-4, 0.1)?;
    let solver = NonlinearConjugateGradient::new(line_search, PolakRibierePlus::new()).restart_orthogonality(0.1);
    let problem = Problem::gradient_only(rosenbrock, rosenbrock_grad);
    best_cost_from_the_start(problem, solver, |state, start| state.param(start).max_iters(50))?;
    Ok(())
}

#[test]
fn steepest_descent_lowers_the_cost() -> Result<(), Error> {
    let solver = SteepestDescent::new(MoreThuenteLineSearch::new());
    let problem = Problem::gradient_only(rosenbrock, rosenbrock_grad);
    best_cost_from_the_start(problem, solver, |state, start| state.param(start).max_iters(50))?;
    Ok(())
}
