//! The non-allocating gradients `f_grad_into` and `f_value_and_grad_into`
//! of functions of slices and `Vec`s: against closed forms and central
//! differences, with buffers that held other values, with two arguments,
//! through a loop that needs a tape, and with a buffer of the wrong length.

#![allow(clippy::ptr_arg, clippy::needless_range_loop)]

use matdiff::check::{self, assert_all_close};
use matdiff::differentiate;

#[differentiate]
fn rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        s += 100.0 * (x[i + 1] - x[i] * x[i]).powi(2) + (1.0 - x[i]).powi(2);
    }
    s
}

/// The gradient of the extended Rosenbrock function, by hand.
fn rosenbrock_gradient(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut g = vec![0.0; n];
    for i in 0..n - 1 {
        let t = x[i + 1] - x[i] * x[i];
        g[i] += -400.0 * x[i] * t - 2.0 * (1.0 - x[i]);
        g[i + 1] += 200.0 * t;
    }
    g
}

#[differentiate(wrt(x, w))]
fn weighted(x: &[f64], w: &Vec<f64>, scale: f64) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += w[i] * x[i].sin() + (x[i] * w[i]).powi(2);
    }
    s * scale
}

/// A loop that overwrites its carried value through a nonlinear step: its
/// reverse sweep reads a tape.
#[differentiate]
fn tape_loop(x: &[f64]) -> f64 {
    let mut s = 1.0;
    for i in 0..x.len() {
        s = (s * x[i]).sin() + x[i];
    }
    s
}

fn point(n: usize) -> Vec<f64> {
    (0..n).map(|i| 0.5 + 0.4 * ((i as f64) * 0.7).sin()).collect()
}

#[test]
fn rosenbrock_into_matches_the_closed_form() {
    for n in [2, 3, 10, 1000] {
        let x = point(n);
        let mut g = vec![f64::NAN; n];
        let value = rosenbrock_value_and_grad_into(&x, &mut g);
        assert_all_close(&[value], &[rosenbrock(&x)], 1e-14, "value");
        assert_all_close(&g, &rosenbrock_gradient(&x), 1e-12, &format!("gradient at n = {n}"));
        // Again into the same buffer, now full of the last gradient.
        let y: Vec<f64> = x.iter().map(|v| v * 0.5).collect();
        rosenbrock_grad_into(&y, &mut g);
        assert_all_close(&g, &rosenbrock_gradient(&y), 1e-12, &format!("second gradient at n = {n}"));
    }
}

#[test]
fn two_arguments_into_two_buffers() {
    let x = point(7);
    let w: Vec<f64> = (0..7).map(|i| 1.0 - 0.2 * i as f64).collect();
    let scale = 1.5;
    let (mut gx, mut gw) = (vec![3.0; 7], vec![-3.0; 7]);
    let value = weighted_value_and_grad_into(&x, &w, scale, &mut gx, &mut gw);
    assert_all_close(&[value], &[weighted(&x, &w, scale)], 1e-14, "value");
    let expected_x = check::gradient(|x| weighted(x, &w, scale), &x);
    let expected_w = check::gradient(|w| weighted(&x, &w.to_vec(), scale), &w);
    assert_all_close(&gx, &expected_x, 1e-7, "gradient in x");
    assert_all_close(&gw, &expected_w, 1e-7, "gradient in w");
}

#[test]
fn a_loop_with_a_tape() {
    for n in [1, 2, 9] {
        let x = point(n);
        let mut g = vec![0.0; n];
        let value = tape_loop_value_and_grad_into(&x, &mut g);
        assert_all_close(&[value], &[tape_loop(&x)], 1e-14, "value");
        assert_all_close(&g, &check::gradient(tape_loop, &x), 1e-7, &format!("gradient at n = {n}"));
    }
}

#[test]
#[should_panic(expected = "the gradient buffer has 3 elements, but its argument has 4")]
fn a_buffer_of_the_wrong_length_panics() {
    let x = point(4);
    let mut g = vec![0.0; 3];
    rosenbrock_grad_into(&x, &mut g);
}
