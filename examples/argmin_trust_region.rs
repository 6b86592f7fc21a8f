//! Newton's trust-region method with the Steihaug conjugate-gradient
//! subproblem (argmin) on the extended Rosenbrock function of 100
//! variables, fed the gradient and Hessian that `#[differentiate]`
//! generates, beside the same solver fed central finite differences (argmin's
//! `finitediff` crate: gradient from 2n values, Hessian from 2n gradients).
//!
//! Run with `cargo run --release --example argmin_trust_region --features argmin`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use argmin::core::{CostFunction, Error, Executor, Gradient, Hessian, State};
use argmin::solver::trustregion::{Steihaug, TrustRegion};
use matdiff::differentiate;

/// The extended Rosenbrock function (Moré, Garbow and Hillstrom, 1981): a
/// Rosenbrock valley in each pair (x[2i], x[2i + 1]), minimum 0 at all ones.
#[differentiate]
fn extended_rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() / 2 {
        let a = x[2 * i];
        let b = x[2 * i + 1];
        s += 100.0 * (b - a * a).powi(2) + (1.0 - a).powi(2);
    }
    s
}

/// Every evaluation of the function, by the solver or inside finite
/// differences: what the generated derivatives save.
static EVALUATIONS: AtomicU64 = AtomicU64::new(0);

/// The function, counted in [`EVALUATIONS`].
fn counted(x: &[f64]) -> f64 {
    EVALUATIONS.fetch_add(1, Ordering::Relaxed);
    extended_rosenbrock(x)
}

/// The same function, with central finite differences for its derivatives.
struct FiniteDifferences;

impl CostFunction for FiniteDifferences {
    type Param = Vec<f64>;
    type Output = f64;

    fn cost(&self, x: &Vec<f64>) -> Result<f64, Error> {
        Ok(counted(x))
    }
}

impl Gradient for FiniteDifferences {
    type Param = Vec<f64>;
    type Gradient = Vec<f64>;

    fn gradient(&self, x: &Vec<f64>) -> Result<Vec<f64>, Error> {
        finitediff::vec::central_diff(&|x: &Vec<f64>| self.cost(x))(x)
    }
}

impl Hessian for FiniteDifferences {
    type Param = Vec<f64>;
    type Hessian = Vec<Vec<f64>>;

    fn hessian(&self, x: &Vec<f64>) -> Result<Vec<Vec<f64>>, Error> {
        finitediff::vec::central_hessian(&|x: &Vec<f64>| self.gradient(x))(x)
    }
}

/// What one run gives: iterations, evaluations, the final point and cost,
/// and the time.
struct Run {
    iterations: u64,
    /// How often argmin asked for the cost, the gradient (and the Hessian).
    evaluations: String,
    /// How often the function itself ran (the solver's calls, and those
    /// inside finite differences).
    function_runs: u64,
    cost: f64,
    x: Vec<f64>,
    time: Duration,
}

/// Newton trust region with Steihaug's CG from the standard start. The
/// solver has no stopping rule of its own (argmin 0.11): it stops when the
/// cost is below `TARGET_COST` (the minimum is 0) or after `MAX_ITERS`.
fn solve<O>(problem: O, n: usize) -> Result<Run, Error>
where
    O: CostFunction<Param = Vec<f64>, Output = f64>
        + Gradient<Param = Vec<f64>, Gradient = Vec<f64>>
        + Hessian<Param = Vec<f64>, Hessian = Vec<Vec<f64>>>,
{
    const TARGET_COST: f64 = 1e-12;
    const MAX_ITERS: u64 = 500;
    let start: Vec<f64> = (0..n).map(|i| if i % 2 == 0 { -1.2 } else { 1.0 }).collect();
    let solver = TrustRegion::new(Steihaug::new());
    EVALUATIONS.store(0, Ordering::Relaxed);
    let clock = Instant::now();
    let result = Executor::new(problem, solver)
        .configure(|state| state.param(start).target_cost(TARGET_COST).max_iters(MAX_ITERS).counting(true))
        .run()?;
    let time = clock.elapsed();
    let state = result.state();
    let x = state.get_best_param().cloned().unwrap_or_default();
    let counts = state.get_func_counts();
    let evaluations: Vec<String> = ["cost_count", "gradient_count", "hessian_count"]
        .iter()
        .map(|key| counts.get(*key).copied().unwrap_or(0).to_string())
        .collect();
    let function_runs = EVALUATIONS.load(Ordering::Relaxed);
    Ok(Run {
        iterations: state.get_iter(),
        evaluations: evaluations.join("/"),
        function_runs,
        cost: state.get_best_cost(),
        x,
        time,
    })
}

fn main() -> Result<(), Error> {
    let n = 100;
    println!("extended Rosenbrock, n = {n}, from (-1.2, 1, -1.2, 1, ..): argmin's TrustRegion with Steihaug CG");
    println!(
        "{:<34} {:>10} {:>11} {:>10} {:>12} {:>15} {:>12}",
        "derivatives", "iterations", "f/g/H calls", "f runs", "final cost", "max |x_i - 1|", "wall time"
    );
    let runs = [
        (
            "matdiff (generated)",
            solve(matdiff::argmin::Problem::new(counted, extended_rosenbrock_grad, extended_rosenbrock_hessian), n)?,
        ),
        ("central differences (finitediff)", solve(FiniteDifferences, n)?),
    ];
    for (name, run) in &runs {
        let error = run.x.iter().fold(0.0f64, |m, xi| m.max((xi - 1.0).abs()));
        println!(
            "{name:<34} {:>10} {:>11} {:>10} {:>12.3e} {:>15.3e} {:>9.2} ms",
            run.iterations,
            run.evaluations,
            run.function_runs,
            run.cost,
            error,
            run.time.as_secs_f64() * 1e3
        );
    }
    Ok(())
}
