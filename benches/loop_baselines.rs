//! The baselines of `benches/loops.rs`: the best derivative code a
//! performance engineer writes by hand for each loop function, and the
//! num-dual forms of the functions. Shared with `tests/loop_baselines.rs`,
//! which checks every hand-written derivative here against num-dual and
//! central differences (the ratios in the benchmark mean nothing unless the
//! baselines are right).
//!
//! The hand-written gradients are in gather form: entry k of the gradient is
//! computed from the few inputs it depends on and stored once, the loop ends
//! are peeled, and the loop body has no `g[k + 1] += ..` (the scatter form,
//! which is the shape reverse mode emits, carries a store-to-load dependency
//! from one iteration to the next and does not vectorise).
//!
//! Two forms of each gradient:
//! - `f_hand_grad_into(x, &mut g) -> f64`: the value and the gradient in
//!   one pass, into a buffer the caller allocated once (compare with the
//!   generated `f_value_and_grad`). Its loop keeps `LANES` partial sums of
//!   the value, one per lane of a chunk, so that the sum does not serialise
//!   the loop (IEEE addition is not associative, so the compiler will not
//!   split a single accumulator, and a loop with one does not vectorise);
//!   the chunk's lanes are vectorised by LLVM's SLP vectoriser.
//! - `f_hand_grad(x) -> Vec<f64>`: the gradient alone in a new `Vec`, like
//!   the generated `f_grad`, by `f_hand_grad_only_into`: a loop of zipped
//!   slices with no reduction at all, which LLVM's loop vectoriser takes
//!   whole. Computing the value as well costs a third (Rosenbrock) to a
//!   half (stencil) of the time more, and LLVM did not inline the fused
//!   kernel into an allocating wrapper, so its unused value was not removed.
//!
//! Checked in the assembly (rustc 1.95, x86-64 baseline: SSE2, 2 doubles a
//! register): the main loops of the Rosenbrock and stencil kernels and of
//! the sparse Hessian are in packed arithmetic (`mulpd`, `addpd`, `subpd`;
//! the fused ones with some shuffles), only the remainders are scalar. The
//! trigonometric gradient makes one `sincos` call per input, which is its
//! cost; its loops around the call are scalar. With 8 lanes the fused
//! Rosenbrock loop took about 0.6-0.7 ns an input against 0.9-1.0 with 4
//! (a short timing loop on the loaded 2-core machine: only the direction
//! is trustworthy).

// Each crate that includes this file uses a different part of it.
#![allow(dead_code)]

use nalgebra::DVector;
use num_dual::DualNum;

/// Partial sums per chunk: four SSE2 registers of f64 (two AVX ones), enough
/// independent additions to hide the latency of each.
const LANES: usize = 8;

/// The benchmark's evaluation point: inputs in [0.1, 0.9].
pub fn point(n: usize) -> Vec<f64> {
    (0..n).map(|i| 0.5 + 0.4 * ((i as f64) * 0.7).sin()).collect()
}

/// The partial sums of the lanes, pairwise.
#[inline(always)]
fn sum_lanes(acc: &[f64; LANES]) -> f64 {
    let [a, b, c, d, e, f, g, h] = *acc;
    ((a + b) + (c + d)) + ((e + f) + (g + h))
}

// ---------------------------------------------------------------------------
// Extended Rosenbrock: sum_{i=0}^{n-2} 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2.
//
// g[0]   = -400 x0 (x1 - x0^2) - 2 (1 - x0)
// g[k]   = 200 (x[k] - x[k-1]^2) - 400 x[k] (x[k+1] - x[k]^2) - 2 (1 - x[k])   (0 < k < n-1)
// g[n-1] = 200 (x[n-1] - x[n-2]^2)
// ---------------------------------------------------------------------------

/// Gradient entry and value term of an interior index k, from x[k-1], x[k], x[k+1].
#[inline(always)]
fn rosenbrock_interior(a: f64, b: f64, c: f64) -> (f64, f64) {
    let back = b - a * a;
    let ahead = c - b * b;
    let one = 1.0 - b;
    (200.0 * back - 400.0 * b * ahead - 2.0 * one, 100.0 * ahead * ahead + one * one)
}

/// The value of the extended Rosenbrock function, with its gradient written
/// into `g` (every entry is overwritten; `g.len()` must be `x.len()`), in one
/// gather-form pass.
#[inline]
pub fn rosenbrock_hand_grad_into(x: &[f64], g: &mut [f64]) -> f64 {
    let n = x.len();
    assert_eq!(g.len(), n, "rosenbrock_hand_grad_into: gradient buffer of the wrong length");
    if n < 2 {
        g.fill(0.0);
        return 0.0;
    }
    let r0 = x[1] - x[0] * x[0];
    let one0 = 1.0 - x[0];
    g[0] = -400.0 * x[0] * r0 - 2.0 * one0;
    let mut value = 100.0 * r0 * r0 + one0 * one0;

    // Interior k = 1..n-1: chunk c covers k = 1 + LANES c .. 1 + LANES (c + 1),
    // reading the window x[LANES c .. LANES c + LANES + 2].
    let interior = n - 2;
    let chunks = interior / LANES;
    let mut acc = [0.0; LANES];
    for c in 0..chunks {
        let o = c * LANES;
        let w: &[f64; LANES + 2] = x[o..o + LANES + 2].try_into().unwrap();
        let gc: &mut [f64; LANES] = (&mut g[o + 1..o + 1 + LANES]).try_into().unwrap();
        for l in 0..LANES {
            let (gk, v) = rosenbrock_interior(w[l], w[l + 1], w[l + 2]);
            gc[l] = gk;
            acc[l] += v;
        }
    }
    for k in 1 + chunks * LANES..n - 1 {
        let (gk, v) = rosenbrock_interior(x[k - 1], x[k], x[k + 1]);
        g[k] = gk;
        value += v;
    }
    value += sum_lanes(&acc);

    g[n - 1] = 200.0 * (x[n - 1] - x[n - 2] * x[n - 2]);
    value
}

/// The gradient alone of the extended Rosenbrock function, written into
/// `g` (every entry overwritten): one loop over zipped slices, no reduction.
#[inline]
pub fn rosenbrock_hand_grad_only_into(x: &[f64], g: &mut [f64]) {
    let n = x.len();
    assert_eq!(g.len(), n, "rosenbrock_hand_grad_only_into: gradient buffer of the wrong length");
    if n < 2 {
        g.fill(0.0);
        return;
    }
    g[0] = -400.0 * x[0] * (x[1] - x[0] * x[0]) - 2.0 * (1.0 - x[0]);
    for (((gk, &a), &b), &c) in g[1..n - 1].iter_mut().zip(&x[..n - 2]).zip(&x[1..n - 1]).zip(&x[2..]) {
        *gk = 200.0 * (b - a * a) - 400.0 * b * (c - b * b) - 2.0 * (1.0 - b);
    }
    g[n - 1] = 200.0 * (x[n - 1] - x[n - 2] * x[n - 2]);
}

/// The gradient of the extended Rosenbrock function in a new `Vec` (the
/// signature of the generated `rosenbrock_grad`).
#[inline]
pub fn rosenbrock_hand_grad(x: &[f64]) -> Vec<f64> {
    let mut g = vec![0.0; x.len()];
    rosenbrock_hand_grad_only_into(x, &mut g);
    g
}

/// The old baseline: the gradient in scatter form, one term of the sum at a
/// time (the shape reverse mode emits). Kept to show what gather form buys.
pub fn rosenbrock_hand_scatter_grad(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut g = vec![0.0; n];
    for i in 0..n.saturating_sub(1) {
        let r = x[i + 1] - x[i] * x[i];
        g[i] += -400.0 * x[i] * r - 2.0 * (1.0 - x[i]);
        g[i + 1] += 200.0 * r;
    }
    g
}

/// The Hessian of the extended Rosenbrock function (tridiagonal), written
/// into the dense `n` x `n` rows `h` (the shape of the generated
/// `rosenbrock_hessian`). Only the band is written: the entries off the
/// band must already be zero (as in a buffer from `vec![vec![0.0; n]; n]`
/// that only this function writes), which holds across repeated calls.
#[inline]
pub fn rosenbrock_hand_hessian_dense_into(x: &[f64], h: &mut [Vec<f64>]) {
    let n = x.len();
    assert_eq!(h.len(), n, "rosenbrock_hand_hessian_dense_into: wrong number of rows");
    if n < 2 {
        if n == 1 {
            h[0][0] = 0.0;
        }
        return;
    }
    for k in 0..n - 1 {
        let row = &mut h[k][..n];
        let off = -400.0 * x[k];
        // 200 from the term of index k - 1, which has x[k] in its square.
        let from_previous = if k > 0 { 200.0 } else { 0.0 };
        row[k] = 1200.0 * x[k] * x[k] - 400.0 * x[k + 1] + 2.0 + from_previous;
        row[k + 1] = off;
        h[k + 1][k] = off;
    }
    h[n - 1][n - 1] = 200.0;
}

/// The dense Hessian in a new zeroed `Vec<Vec<f64>>`, like the generated
/// `rosenbrock_hessian` (the allocation and zeroing of n^2 entries is most
/// of its cost).
pub fn rosenbrock_hand_hessian_dense(x: &[f64]) -> Vec<Vec<f64>> {
    let n = x.len();
    let mut h = vec![vec![0.0; n]; n];
    rosenbrock_hand_hessian_dense_into(x, &mut h);
    h
}

/// Where `rosenbrock_hand_hessian_sparse_into` puts each value: the
/// diagonal (k, k) at `k`, then the sub-diagonal (k + 1, k) at `n + k`
/// (the lower triangle, as LAPACK's symmetric tridiagonal `d` and `e`).
pub fn rosenbrock_hessian_sparse_pattern(n: usize) -> Vec<(usize, usize)> {
    (0..n).map(|k| (k, k)).chain((0..n.saturating_sub(1)).map(|k| (k + 1, k))).collect()
}

/// The 2n - 1 values of the lower triangle of the Rosenbrock Hessian, in
/// the order of `rosenbrock_hessian_sparse_pattern`, written into `values`
/// (every entry is overwritten).
#[inline]
pub fn rosenbrock_hand_hessian_sparse_into(x: &[f64], values: &mut [f64]) {
    let n = x.len();
    assert_eq!(values.len(), (2 * n).saturating_sub(1), "rosenbrock_hand_hessian_sparse_into: wrong length");
    if n < 2 {
        values.fill(0.0);
        return;
    }
    let (diag, sub) = values.split_at_mut(n);
    diag[0] = 1200.0 * x[0] * x[0] - 400.0 * x[1] + 2.0;
    for ((d, &xk), &next) in diag[1..n - 1].iter_mut().zip(&x[1..n - 1]).zip(&x[2..]) {
        *d = 1200.0 * xk * xk - 400.0 * next + 202.0;
    }
    diag[n - 1] = 200.0;
    for (e, &xk) in sub.iter_mut().zip(&x[..n - 1]) {
        *e = -400.0 * xk;
    }
}

pub fn rosenbrock_dual<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let mut s = D::from(0.0);
    for i in 0..x.len() - 1 {
        let r = x[i + 1].clone() - x[i].clone() * x[i].clone();
        s += r.powi(2) * 100.0 + (-x[i].clone() + 1.0).powi(2);
    }
    s
}

// ---------------------------------------------------------------------------
// The trigonometric function of Moré, Garbow and Hillstrom:
// f = sum_i r_i^2, r_i = n - C + (i + 1)(1 - cos x_i) - sin x_i, C = sum_j cos x_j.
//
// g_k = 2 sin x_k R + 2 r_k ((k + 1) sin x_k - cos x_k), R = sum_i r_i
//     = n (n - C) + sum_i (i + 1)(1 - cos x_i) - sum_i sin x_i,
// so R comes out of the same pass as C, and the second pass computes r_k,
// the value and g_k together. The sines and cosines dominate: this takes one
// sin and one cos per input (the function itself takes two cos and a sin).
// ---------------------------------------------------------------------------

/// The value of the trigonometric function, with its gradient written into
/// `g`; `sines` is a work buffer. Both have `x.len()` entries, all
/// overwritten. Two passes, one sine and one cosine per input.
#[inline]
pub fn trigonometric_hand_grad_into(x: &[f64], g: &mut [f64], sines: &mut [f64]) -> f64 {
    let n = x.len();
    assert_eq!(g.len(), n, "trigonometric_hand_grad_into: gradient buffer of the wrong length");
    assert_eq!(sines.len(), n, "trigonometric_hand_grad_into: work buffer of the wrong length");
    // Pass 1: cos x_k into g, sin x_k into sines, and the three sums.
    let (mut cos_sum, mut weighted, mut sin_sum) = (0.0, 0.0, 0.0);
    for (k, ((gk, sk), &xk)) in g.iter_mut().zip(sines.iter_mut()).zip(x).enumerate() {
        let (s, c) = xk.sin_cos();
        *gk = c;
        *sk = s;
        cos_sum += c;
        weighted += (k + 1) as f64 * (1.0 - c);
        sin_sum += s;
    }
    let nf = n as f64;
    let base = nf - cos_sum;
    let total = nf * base + weighted - sin_sum;
    // Pass 2: the residuals, the value and the gradient (g[k] holds cos x_k until then).
    let mut value = 0.0;
    for (k, (gk, &s)) in g.iter_mut().zip(sines.iter()).enumerate() {
        let c = *gk;
        let w = (k + 1) as f64;
        let r = base + w * (1.0 - c) - s;
        value += r * r;
        *gk = 2.0 * (s * total + r * (w * s - c));
    }
    value
}

/// The gradient of the trigonometric function in a new `Vec` (and a
/// work buffer of n entries, freed before it returns).
#[inline]
pub fn trigonometric_hand_grad(x: &[f64]) -> Vec<f64> {
    let mut g = vec![0.0; x.len()];
    let mut sines = vec![0.0; x.len()];
    trigonometric_hand_grad_into(x, &mut g, &mut sines);
    g
}

pub fn trigonometric_dual<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let n = x.len();
    let mut c = D::from(0.0);
    for xj in x.iter() {
        c += xj.cos();
    }
    let mut s = D::from(0.0);
    for i in 0..n {
        let r = -c.clone() + n as f64 + (-x[i].cos() + 1.0) * (i + 1) as f64 - x[i].sin();
        s += r.clone() * r;
    }
    s
}

// ---------------------------------------------------------------------------
// A chained stencil: f = sum_{i=1}^{n-2} d_i^2 + x_i^4, d_i = x[i-1] - 2 x[i] + x[i+1].
//
// g_k = 2 (d_{k-1} - 2 d_k + d_{k+1}) + 4 x_k^3 [1 <= k <= n-2], with d_j = 0
// outside 1..=n-2; where all three exist (2 <= k <= n-3) that is the
// five-point stencil 2 (x[k-2] - 4 x[k-1] + 6 x[k] - 4 x[k+1] + x[k+2]) + 4 x_k^3.
// ---------------------------------------------------------------------------

/// Gradient entry and value term of an interior index k, from x[k-2..=k+2].
#[inline(always)]
fn stencil_interior(a: f64, b: f64, c: f64, d: f64, e: f64) -> (f64, f64) {
    let second = b - 2.0 * c + d;
    let c2 = c * c;
    (2.0 * ((a + e) - 4.0 * (b + d) + 6.0 * c) + 4.0 * c2 * c, second * second + c2 * c2)
}

/// The stencil's gradient entry k from the definition, for the peeled ends.
fn stencil_end(x: &[f64], k: usize) -> f64 {
    let n = x.len();
    let d = |j: usize| if j >= 1 && j + 2 <= n { x[j - 1] - 2.0 * x[j] + x[j + 1] } else { 0.0 };
    let before = if k >= 1 { d(k - 1) } else { 0.0 };
    let quartic = if k >= 1 && k + 2 <= n { 4.0 * x[k] * x[k] * x[k] } else { 0.0 };
    2.0 * (before - 2.0 * d(k) + d(k + 1)) + quartic
}

/// The stencil's value term of index j (1 <= j <= n-2).
fn stencil_term(x: &[f64], j: usize) -> f64 {
    let d = x[j - 1] - 2.0 * x[j] + x[j + 1];
    d * d + x[j].powi(4)
}

/// The value of the stencil function, with its gradient written into `g`
/// (every entry overwritten; `g.len()` must be `x.len()`), in one
/// gather-form pass.
#[inline]
pub fn stencil_hand_grad_into(x: &[f64], g: &mut [f64]) -> f64 {
    let n = x.len();
    assert_eq!(g.len(), n, "stencil_hand_grad_into: gradient buffer of the wrong length");
    if n < 3 {
        g.fill(0.0);
        return 0.0;
    }
    // Ends: k = 0, 1, n-2, n-1 (they overlap when n = 3; each is a store).
    for k in [0, 1, n - 2, n - 1] {
        g[k] = stencil_end(x, k);
    }
    let mut value = stencil_term(x, 1);
    if n > 3 {
        value += stencil_term(x, n - 2);
    }
    // Interior k = 2..n-2: chunk c covers k = 2 + LANES c .. 2 + LANES (c + 1),
    // reading the window x[LANES c .. LANES c + LANES + 4].
    let interior = n.saturating_sub(4);
    let chunks = interior / LANES;
    let mut acc = [0.0; LANES];
    for c in 0..chunks {
        let o = c * LANES;
        let w: &[f64; LANES + 4] = x[o..o + LANES + 4].try_into().unwrap();
        let gc: &mut [f64; LANES] = (&mut g[o + 2..o + 2 + LANES]).try_into().unwrap();
        for l in 0..LANES {
            let (gk, v) = stencil_interior(w[l], w[l + 1], w[l + 2], w[l + 3], w[l + 4]);
            gc[l] = gk;
            acc[l] += v;
        }
    }
    for k in 2 + chunks * LANES..n.saturating_sub(2) {
        let (gk, v) = stencil_interior(x[k - 2], x[k - 1], x[k], x[k + 1], x[k + 2]);
        g[k] = gk;
        value += v;
    }
    value + sum_lanes(&acc)
}

/// The gradient alone of the stencil function, written into `g` (every
/// entry overwritten): the five-point loop over zipped slices, no reduction.
#[inline]
pub fn stencil_hand_grad_only_into(x: &[f64], g: &mut [f64]) {
    let n = x.len();
    assert_eq!(g.len(), n, "stencil_hand_grad_only_into: gradient buffer of the wrong length");
    if n < 3 {
        g.fill(0.0);
        return;
    }
    for k in [0, 1, n - 2, n - 1] {
        g[k] = stencil_end(x, k);
    }
    if n < 5 {
        return;
    }
    let m = n - 4;
    let interior =
        g[2..n - 2].iter_mut().zip(&x[..m]).zip(&x[1..m + 1]).zip(&x[2..m + 2]).zip(&x[3..m + 3]).zip(&x[4..]);
    for (((((gk, &a), &b), &c), &d), &e) in interior {
        *gk = 2.0 * ((a + e) - 4.0 * (b + d) + 6.0 * c) + 4.0 * c * c * c;
    }
}

/// The gradient of the stencil function in a new `Vec`.
#[inline]
pub fn stencil_hand_grad(x: &[f64]) -> Vec<f64> {
    let mut g = vec![0.0; x.len()];
    stencil_hand_grad_only_into(x, &mut g);
    g
}

/// The stencil's gradient in scatter form, one term of the sum at a time
/// (the shape reverse mode emits).
pub fn stencil_hand_scatter_grad(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut g = vec![0.0; n];
    for i in 1..n.saturating_sub(1) {
        let d2 = 2.0 * (x[i - 1] - 2.0 * x[i] + x[i + 1]);
        g[i - 1] += d2;
        g[i] += -2.0 * d2 + 4.0 * x[i] * x[i] * x[i];
        g[i + 1] += d2;
    }
    g
}

pub fn stencil_dual<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let n = x.len();
    let mut s = D::from(0.0);
    for i in 1..n.saturating_sub(1) {
        let d = x[i - 1].clone() - x[i].clone() * 2.0 + x[i + 1].clone();
        s += d.powi(2) + x[i].powi(4);
    }
    s
}
