//! Reproducers of wrong or uncompilable expansions, each kept once fixed.
//! Every derivative is checked against a closed form or against
//! Ridders-extrapolated differences of the function's own body.

// The functions under test are written the way users write them.
#![allow(clippy::needless_range_loop, clippy::assign_op_pattern, unused_assignments)]

mod common;

use common::{check_slice, check2};
use matdiff::check;
use matdiff::differentiate;

// A mutable variable that starts as a copy of a local read again inside
// the loop: the reverse sweep used to drop the copy's cotangent (the
// loop's contribution to the local replaced it), so the gradient was 0.6
// instead of 2.6.

#[differentiate]
fn copy_of_local_then_loop(x: f64) -> f64 {
    let z = x * 2.0;
    let mut s = z;
    for _ in 0..3 {
        s += z * 0.1;
    }
    s
}

#[test]
fn copy_of_a_local_before_a_loop_keeps_its_cotangent() {
    for x in [-1.0, 0.3, 1.3] {
        assert!(check::close(copy_of_local_then_loop(x), 2.6 * x, 1e-14));
        assert!(check::close(copy_of_local_then_loop_grad(x)[0], 2.6, 1e-14));
        assert_eq!(copy_of_local_then_loop_hessian(x), [[0.0]]);
    }
}

#[differentiate]
fn copy_of_local_then_while(x: f64, y: f64) -> f64 {
    let z = x * y;
    let mut s = 0.0;
    s = z;
    let mut k = 0;
    while k < 4 {
        s = s * 0.9 + z.sin() * 0.1;
        k += 1;
    }
    s
}

#[test]
fn copy_of_a_local_before_a_while_loop() {
    let plain = |v: &[f64]| copy_of_local_then_while(v[0], v[1]);
    check2(
        "copy_of_local_then_while",
        plain,
        copy_of_local_then_while_value_and_grad,
        copy_of_local_then_while_hessian,
        copy_of_local_then_while_hvp,
        &[[0.4, 1.1], [-1.2, 0.7]],
    );
}

#[differentiate]
fn copy_of_local_nested_loops(x: f64, y: f64) -> f64 {
    let z = x.exp() * y;
    let mut s = z;
    for i in 0..3 {
        let mut t = z;
        for _ in 0..i {
            t = t * 0.5 + z * y;
        }
        s += t * z;
    }
    s
}

#[test]
fn copy_of_a_local_before_nested_loops() {
    let plain = |v: &[f64]| copy_of_local_nested_loops(v[0], v[1]);
    check2(
        "copy_of_local_nested_loops",
        plain,
        copy_of_local_nested_loops_value_and_grad,
        copy_of_local_nested_loops_hessian,
        copy_of_local_nested_loops_hvp,
        &[[0.4, 1.1], [-0.2, -0.7]],
    );
}

#[differentiate]
fn running_total_from_a_local(x: &[f64]) -> f64 {
    let base = x[0] * x[0];
    let mut total = base;
    for i in 1..x.len() {
        total += base * x[i];
    }
    total
}

#[test]
fn running_total_started_from_a_local() {
    // d/dx0 = 2 x0 (1 + x1 + .. + xn-1), d/dxi = x0².
    let x = [1.0, 0.5, -2.0, 3.0];
    let g = running_total_from_a_local_grad(&x);
    assert_eq!(g, vec![2.0 * (1.0 + 0.5 - 2.0 + 3.0), 1.0, 1.0, 1.0]);
    check_slice(
        "running_total_from_a_local",
        running_total_from_a_local,
        running_total_from_a_local_grad,
        running_total_from_a_local_hessian,
        running_total_from_a_local_hvp,
        &[1, 2, 5],
    );
}

#[differentiate]
fn accumulator_from_a_scale(x: &[f64], y: f64) -> f64 {
    let scale = y.exp();
    let mut acc = scale;
    for &v in x {
        acc += scale * v;
    }
    acc
}

#[test]
fn accumulator_started_from_a_scale() {
    // f = e^y (1 + sum x): df/dy = f, df/dxi = e^y.
    let x = [0.5, -0.25, 2.0];
    let y = 0.3f64;
    let (gx, gy) = accumulator_from_a_scale_grad(&x, y);
    let f = y.exp() * (1.0 + 0.5 - 0.25 + 2.0);
    assert!(check::close(gy, f, 1e-14), "{gy} != {f}");
    for g in gx {
        assert!(check::close(g, y.exp(), 1e-14));
    }
}
