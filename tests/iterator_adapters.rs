//! The iterator methods people write over slices: `filter` (before `map`,
//! `sum`, `fold`, `count`, and in `for` loops), `fold` with `f64::max` and
//! `f64::min`, `copied`/`cloned`, `chain`: gradients and Hessians against
//! closed forms and against num-dual evaluating the same code generically.

#![allow(clippy::needless_range_loop)]

use matdiff::{check, differentiate};
use nalgebra::DVector;
use num_dual::{Dual2DVec64, DualNum};

fn reference(f: impl Fn(&[Dual2DVec64]) -> Dual2DVec64, x: &[f64]) -> (f64, Vec<f64>, Vec<Vec<f64>>) {
    let (v, g, h) = num_dual::hessian(|x: DVector<Dual2DVec64>| f(x.as_slice()), &DVector::from_column_slice(x));
    let n = x.len();
    (v, g.iter().copied().collect(), (0..n).map(|i| (0..n).map(|j| h[(i, j)]).collect()).collect())
}

#[track_caller]
fn compare(name: &str, value: f64, grad: &[f64], hessian: &[Vec<f64>], expected: (f64, Vec<f64>, Vec<Vec<f64>>)) {
    assert!((value - expected.0).abs() <= 1e-12 * (1.0 + expected.0.abs()), "{name}: value {value} vs {}", expected.0);
    check::assert_all_close(grad, &expected.1, 1e-12, &format!("{name}: gradient"));
    for (i, (row, want)) in hessian.iter().zip(&expected.2).enumerate() {
        check::assert_all_close(row, want, 1e-11, &format!("{name}: Hessian row {i}"));
    }
}

const POINT: [f64; 6] = [0.7, -1.3, 2.1, -0.4, 0.9, 1.6];

#[differentiate]
fn positive_squares(x: &[f64]) -> f64 {
    x.iter().filter(|v| **v > 0.0).map(|v| v * v).sum()
}

#[test]
fn filter_map_sum_matches_closed_form() {
    let g = positive_squares_grad(&POINT);
    let h = positive_squares_hessian(&POINT);
    for i in 0..POINT.len() {
        let positive = POINT[i] > 0.0;
        assert_eq!(g[i], if positive { 2.0 * POINT[i] } else { 0.0 }, "g[{i}]");
        for j in 0..POINT.len() {
            assert_eq!(h[i][j], if i == j && positive { 2.0 } else { 0.0 }, "H[{i}][{j}]");
        }
    }
}

/// The mean of the entries inside (-1, 1), by `filter(..).count()`.
#[differentiate]
fn mean_of_small(x: &[f64]) -> f64 {
    let n = x.iter().filter(|&&v| v.abs() < 1.0).count();
    let s: f64 = x.iter().copied().filter(|v| v.abs() < 1.0).map(|v| v.sin()).sum();
    s / n as f64
}

#[test]
fn filter_count_matches_closed_form() {
    let g = mean_of_small_grad(&POINT);
    let small: Vec<usize> = (0..POINT.len()).filter(|&i| POINT[i].abs() < 1.0).collect();
    let n = small.len() as f64;
    assert!((mean_of_small(&POINT) - small.iter().map(|&i| POINT[i].sin()).sum::<f64>() / n).abs() < 1e-15);
    for i in 0..POINT.len() {
        let want = if small.contains(&i) { POINT[i].cos() / n } else { 0.0 };
        assert!((g[i] - want).abs() < 1e-15, "g[{i}] = {}, want {want}", g[i]);
    }
    let h = mean_of_small_hessian(&POINT);
    for i in 0..POINT.len() {
        let want = if small.contains(&i) { -POINT[i].sin() / n } else { 0.0 };
        assert!((h[i][i] - want).abs() < 1e-15, "H[{i}][{i}]");
    }
}

/// The largest and smallest entries by `fold` with `f64::max`, `f64::min`
/// and closures; the gradient of each is 1 at its entry.
#[differentiate]
fn spread(x: &[f64]) -> f64 {
    let largest = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let smallest = x.iter().cloned().fold(f64::INFINITY, f64::min);
    let largest_again = x.iter().fold(f64::MIN, |m, &v| m.max(v));
    (largest - smallest) * largest_again
}

#[test]
fn fold_max_min_matches_closed_form() {
    // max 2.1 at 2, min -1.3 at 1: (M - m) M, dM = 2M - m, dm = -M.
    let (big, small) = (2.1, -1.3);
    let g = spread_grad(&POINT);
    let mut want = [0.0; 6];
    want[2] = 2.0 * big - small;
    want[1] = -big;
    check::assert_all_close(&g, &want, 1e-15, "gradient");
    let h = spread_hessian(&POINT);
    let mut want_h = [[0.0; 6]; 6];
    want_h[2][2] = 2.0;
    want_h[2][1] = -1.0;
    want_h[1][2] = -1.0;
    for i in 0..6 {
        check::assert_all_close(&h[i], &want_h[i], 1e-15, &format!("Hessian row {i}"));
    }
}

/// `filter` in a `for` loop (with `enumerate`), and on both sides of a
/// `chain`.
#[differentiate]
fn filtered_loops(x: &[f64], y: &[f64]) -> f64 {
    let mut s = 0.0;
    for (i, &v) in x.iter().enumerate().filter(|&(i, _)| i % 2 == 0) {
        s += v.exp() * (i as f64 + 1.0);
    }
    for v in y.iter().filter(|v| **v < 1.0) {
        s *= 1.0 + v * v;
    }
    let both: f64 = x.iter().chain(y.iter()).map(|v| v * s).sum();
    let positive = x.iter().chain(y.iter()).filter(|v| **v > 0.0).fold(1.0, |p, v| p * v);
    both + positive
}

fn filtered_loops_generic<D: DualNum<Primitive = f64>>(x: &[D], y: &[D]) -> D {
    let mut s = D::zero();
    for (i, v) in x.iter().enumerate() {
        if i % 2 == 0 {
            s += v.exp() * (i as f64 + 1.0);
        }
    }
    for v in y {
        if v.re() < 1.0 {
            s *= v.clone() * v.clone() + 1.0;
        }
    }
    let mut both = D::zero();
    let mut positive = D::one();
    for v in x.iter().chain(y.iter()) {
        both += v.clone() * s.clone();
        if v.re() > 0.0 {
            positive *= v.clone();
        }
    }
    both + positive
}

#[test]
fn filtered_loops_match_num_dual() {
    let (x, y) = (&POINT[..4], &POINT[4..]);
    let (value, (gx, gy)) = filtered_loops_value_and_grad(x, y);
    let grad: Vec<f64> = gx.iter().chain(&gy).copied().collect();
    let h = filtered_loops_hessian(x, y);
    compare("filtered_loops", value, &grad, &h, reference(|v| filtered_loops_generic(&v[..4], &v[4..]), &POINT));
}

/// Trapezoid rule on a grid `t` (differentiated too) by `windows(2)`, and
/// the squared differences of neighbours.
#[differentiate]
fn trapezoid(t: &[f64], y: &[f64]) -> f64 {
    let area: f64 = t.windows(2).zip(y.windows(2)).map(|(tw, yw)| 0.5 * (tw[1] - tw[0]) * (yw[0] + yw[1])).sum();
    let roughness: f64 = y.windows(2).map(|w| (w[1] - w[0]).powi(2)).sum();
    let rising = y.windows(3).filter(|w| w[2] > w[0]).count();
    let bends = y.windows(3).fold(0.0, |acc, w| acc + w[0] * w[2] - w[1]);
    area + roughness * rising as f64 + bends
}

fn trapezoid_generic<D: DualNum<Primitive = f64>>(t: &[D], y: &[D]) -> D {
    let mut area = D::zero();
    let mut roughness = D::zero();
    let mut rising = 0;
    for i in 0..t.len() - 1 {
        area += (t[i + 1].clone() - t[i].clone()) * (y[i].clone() + y[i + 1].clone()) * 0.5;
        roughness += (y[i + 1].clone() - y[i].clone()).powi(2);
    }
    let mut bends = D::zero();
    for i in 0..y.len() - 2 {
        if y[i + 2].re() > y[i].re() {
            rising += 1;
        }
        bends += y[i].clone() * y[i + 2].clone() - y[i + 1].clone();
    }
    area + roughness * rising as f64 + bends
}

#[test]
fn windows_match_num_dual() {
    let t = [0.0, 0.3, 0.7, 1.2, 1.5];
    let y = [1.0, 0.4, 0.9, 1.7, 1.1];
    let (value, (gt, gy)) = trapezoid_value_and_grad(&t, &y);
    let grad: Vec<f64> = gt.iter().chain(&gy).copied().collect();
    let h = trapezoid_hessian(&t, &y);
    let all: Vec<f64> = t.iter().chain(&y).copied().collect();
    compare("trapezoid", value, &grad, &h, reference(|v| trapezoid_generic(&v[..5], &v[5..]), &all));
}

#[differentiate]
fn largest(x: &[f64]) -> f64 {
    x.iter().copied().fold(f64::NEG_INFINITY, f64::max)
}

#[test]
fn fold_max_gives_a_tie_to_the_earlier_element() {
    assert_eq!(largest_grad(&[1.0, 2.0, 2.0, -4.0]), vec![0.0, 1.0, 0.0, 0.0]);
    assert_eq!(largest_grad(&[3.0, 2.0, 3.0]), vec![1.0, 0.0, 0.0]);
}
