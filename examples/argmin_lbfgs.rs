//! L-BFGS with the More-Thuente line search (argmin) on a logistic
//! regression written as a loop over samples (2000 samples, 10 features,
//! made here from a seeded generator), fed the gradient that
//! `#[differentiate]` generates, beside the same solver fed central finite
//! differences (argmin's `finitediff` crate: 2n values per gradient).
//!
//! Run with `cargo run --release --example argmin_lbfgs --features argmin`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use argmin::core::{CostFunction, Error, Executor, Gradient, State};
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::quasinewton::LBFGS;
use matdiff::differentiate;

const SAMPLES: usize = 2000;
const FEATURES: usize = 10;

/// The mean negative log-likelihood of labels `labels` (0 or 1) given
/// `features` (one row of `w.len()` per sample): mean of
/// log(1 + e^z) - y z with z = w . x.
#[differentiate(wrt(w))]
fn mean_negative_log_likelihood(w: &[f64], features: &[f64], labels: &[f64]) -> f64 {
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

/// SplitMix64 (Steele, Lea and Flood, 2014): a fixed, seeded stream of
/// uniform numbers, so the data set is the same on every run.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1), from the top 53 bits.
    fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Standard normal, by Box-Muller (1 - u keeps the logarithm finite).
    fn normal(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * (1.0 - u).ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }
}

/// Features (a constant 1 for the intercept, then standard normals) and
/// labels drawn from a logistic model with known weights.
fn synthetic_data() -> (Vec<f64>, Vec<f64>) {
    let mut random = SplitMix64(20_260_601);
    let true_weights: Vec<f64> = (0..FEATURES).map(|j| if j == 0 { 0.5 } else { random.normal() }).collect();
    let mut features = Vec::with_capacity(SAMPLES * FEATURES);
    let mut labels = Vec::with_capacity(SAMPLES);
    for _ in 0..SAMPLES {
        let row: Vec<f64> = (0..FEATURES).map(|j| if j == 0 { 1.0 } else { random.normal() }).collect();
        let z: f64 = row.iter().zip(&true_weights).map(|(x, w)| x * w).sum();
        labels.push(if random.uniform() < matdiff::sigmoid(z) { 1.0 } else { 0.0 });
        features.extend(row);
    }
    (features, labels)
}

/// Every evaluation of the loss, by the solver or inside finite
/// differences: what the generated gradient saves.
static EVALUATIONS: AtomicU64 = AtomicU64::new(0);

/// The loss, counted in [`EVALUATIONS`].
fn counted_loss(w: &[f64], features: &[f64], labels: &[f64]) -> f64 {
    EVALUATIONS.fetch_add(1, Ordering::Relaxed);
    mean_negative_log_likelihood(w, features, labels)
}

/// The same loss, with central finite differences for its gradient.
struct FiniteDifferences<'a> {
    features: &'a [f64],
    labels: &'a [f64],
}

impl CostFunction for FiniteDifferences<'_> {
    type Param = Vec<f64>;
    type Output = f64;

    fn cost(&self, w: &Vec<f64>) -> Result<f64, Error> {
        Ok(counted_loss(w, self.features, self.labels))
    }
}

impl Gradient for FiniteDifferences<'_> {
    type Param = Vec<f64>;
    type Gradient = Vec<f64>;

    fn gradient(&self, w: &Vec<f64>) -> Result<Vec<f64>, Error> {
        finitediff::vec::central_diff(&|w: &Vec<f64>| self.cost(w))(w)
    }
}

/// What one run gives: iterations, evaluations, the final point and cost,
/// and the time.
struct Run {
    iterations: u64,
    /// How often argmin asked for the cost, the gradient (and the Hessian).
    evaluations: String,
    /// How often the loss itself ran (the solver's calls, and those inside
    /// finite differences).
    loss_runs: u64,
    cost: f64,
    w: Vec<f64>,
    time: Duration,
}

/// L-BFGS keeping 7 pairs, More-Thuente line search, from w = 0; it stops
/// when the gradient's norm is below argmin's default (the square root of
/// the machine epsilon) or the cost stops changing.
fn solve<O>(problem: O) -> Result<Run, Error>
where
    O: CostFunction<Param = Vec<f64>, Output = f64> + Gradient<Param = Vec<f64>, Gradient = Vec<f64>>,
{
    let solver = LBFGS::new(MoreThuenteLineSearch::new(), 7);
    EVALUATIONS.store(0, Ordering::Relaxed);
    let clock = Instant::now();
    let result = Executor::new(problem, solver)
        .configure(|state| state.param(vec![0.0; FEATURES]).max_iters(1000).counting(true))
        .run()?;
    let time = clock.elapsed();
    let state = result.state();
    let w = state.get_best_param().cloned().unwrap_or_default();
    let counts = state.get_func_counts();
    let evaluations: Vec<String> =
        ["cost_count", "gradient_count"].iter().map(|key| counts.get(*key).copied().unwrap_or(0).to_string()).collect();
    let loss_runs = EVALUATIONS.load(Ordering::Relaxed);
    Ok(Run {
        iterations: state.get_iter(),
        evaluations: evaluations.join("/"),
        loss_runs,
        cost: state.get_best_cost(),
        w,
        time,
    })
}

fn main() -> Result<(), Error> {
    let (features, labels) = synthetic_data();
    let (features, labels) = (&features[..], &labels[..]);
    println!("logistic regression, {SAMPLES} samples x {FEATURES} features: argmin's L-BFGS (m = 7, More-Thuente)");
    println!(
        "{:<34} {:>10} {:>9} {:>10} {:>14} {:>12} {:>12}",
        "derivatives", "iterations", "f/g calls", "f runs", "final cost", "|gradient|", "wall time"
    );
    let runs = [
        (
            "matdiff (generated)",
            solve(matdiff::argmin::Problem::gradient_only(
                |w: &[f64]| counted_loss(w, features, labels),
                |w: &[f64]| mean_negative_log_likelihood_grad(w, features, labels),
            ))?,
        ),
        ("central differences (finitediff)", solve(FiniteDifferences { features, labels })?),
    ];
    for (name, run) in &runs {
        // The gradient at the end, by the generated code, for both runs.
        let gradient = mean_negative_log_likelihood_grad(&run.w, features, labels);
        let norm = gradient.iter().map(|g| g * g).sum::<f64>().sqrt();
        println!(
            "{name:<34} {:>10} {:>9} {:>10} {:>14.10} {:>12.3e} {:>9.2} ms",
            run.iterations,
            run.evaluations,
            run.loss_runs,
            run.cost,
            norm,
            run.time.as_secs_f64() * 1e3
        );
    }
    let gap = runs[0].1.w.iter().zip(&runs[1].1.w).fold(0.0f64, |m, (a, b)| m.max((a - b).abs()));
    println!("largest difference between the two weight vectors: {gap:.2e}");
    Ok(())
}
