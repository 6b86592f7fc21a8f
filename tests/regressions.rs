//! Reproducers of wrong or uncompilable expansions, each kept once fixed.
//! Every derivative is checked against a closed form or against
//! Ridders-extrapolated differences of the function's own body.

// The functions under test are written the way users write them.
#![allow(clippy::needless_range_loop, clippy::assign_op_pattern, unused_assignments, unused_braces)]

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

// A loop over a local array that the enclosing loop changes. The element
// read had lost the array it reads (its source was renamed twice), so the
// array looked unchanged and unneeded: inside a `while` body the reverse
// sweep read an array it does not have, and the expansion did not compile.

#[differentiate]
fn reads_a_local_array_the_outer_loop_changes(x: f64) -> f64 {
    let mut w = [0.0; 2];
    let mut s = 0.0;
    for _ in 0..3 {
        w[0] += 1.0;
        s += w.iter().map(|&e| e * x * x).sum::<f64>();
    }
    s
}

#[test]
fn iterating_a_local_array_the_outer_loop_changes() {
    // s = (1 + 2 + 3) x²
    for x in [0.5, -1.5] {
        assert!(check::close(reads_a_local_array_the_outer_loop_changes_grad(x)[0], 12.0 * x, 1e-14));
        assert!(check::close(reads_a_local_array_the_outer_loop_changes_hessian(x)[0][0], 12.0, 1e-14));
    }
}

#[differentiate]
fn local_array_in_a_while_body(x: f64, s0: &[f64]) -> f64 {
    let mut s: f64 = -0.5;
    let mut k: usize = 0;
    while k < 4 && s * 0.875 >= -0.75 {
        k += 1;
        let mut w: [f64; 4] = [0.0; 4];
        for i in 0..2 {
            w[3] += k as f64;
            s += w.iter().map(|&e| s0[i] * e).sum::<f64>();
        }
    }
    x * s * x
}

#[test]
fn local_array_declared_in_a_while_body() {
    check_slice(
        "local_array_in_a_while_body",
        |v| local_array_in_a_while_body(v[0], &v[1..]),
        |v| {
            let (gx, mut gs) = local_array_in_a_while_body_grad(v[0], &v[1..]);
            gs.insert(0, gx);
            gs
        },
        |v| local_array_in_a_while_body_hessian(v[0], &v[1..]),
        |v, d| {
            let (hx, mut hs) = local_array_in_a_while_body_hvp(v[0], &v[1..], (d[0], &d[1..]));
            hs.insert(0, hx);
            hs
        },
        &[5],
    );
}

// `xs.iter().fold(..).min(p)` is the float's `min` of the fold's result,
// not `Iterator::min`.

#[differentiate]
fn float_min_of_a_fold(p: f64, q: f64) -> f64 {
    let w = [0.5, 1.0, 2.0];
    w.iter().fold(q, |acc, &e| acc * e).min(p * q)
}

#[test]
fn float_method_on_a_fold_result() {
    let plain = |v: &[f64]| float_min_of_a_fold(v[0], v[1]);
    check2(
        "float_min_of_a_fold",
        plain,
        float_min_of_a_fold_value_and_grad,
        float_min_of_a_fold_hessian,
        float_min_of_a_fold_hvp,
        &[[0.3, 1.2], [2.0, 0.7]],
    );
}

// A fold assigned to a variable in a function that takes a nalgebra value:
// the bundled Hessian moved a tangent inside the loop.

#[differentiate]
fn fold_beside_a_matrix(x: f64, m: &nalgebra::DMatrix<f64>) -> f64 {
    let mut t = x;
    let w: [f64; 2] = [0.0; 2];
    t = w.iter().fold(0.25, |_, &_e| x * x);
    x + t + m[(0, 0)] * x
}

#[test]
fn fold_in_a_function_with_a_matrix_argument() {
    let m = nalgebra::DMatrix::from_row_slice(2, 2, &[2.0, 0.0, 0.0, 1.0]);
    // f = x + x² + m00 x: f' = 1 + 2x + m00 in x, x in m00.
    let x = 0.75;
    let h = fold_beside_a_matrix_hessian(x, &m);
    assert!(check::close(h[(0, 0)], 2.0, 1e-14));
    assert!(check::close(h[(0, 1)], 1.0, 1e-14) && check::close(h[(1, 0)], 1.0, 1e-14));
    let (gx, gm) = fold_beside_a_matrix_grad(x, &m);
    assert!(check::close(gx, 1.0 + 2.0 * x + 2.0, 1e-14));
    assert!(check::close(gm[(0, 0)], x, 1e-14));
}

// A `while` loop in a Hessian body long enough to be emitted in nested
// blocks: the loop's trip counter, read by its reverse sweep, was not
// handed on out of its block.

#[differentiate]
fn while_loop_in_a_long_body(x0: f64, x1: f64, x2: f64, s0: [f64; 2]) -> f64 {
    let mut t1 = (x1 + (-0.875)).hypot(x1.atan2(x2)).sin();
    t1 /= (t1 * s0[0].cos()).abs() + 0.5;
    let s3 = s0.iter().map(|&e4| x1 * e4).sum::<f64>().sin();
    let mut k5: usize = 0;
    while k5 < 6 && (t1.atan2(x0) > t1.hypot(t1)) {
        k5 += 1;
    }
    ((x0 + 1.625) * t1).atan2(t1.clamp(-0.25, 0.25)) * s3 * t1 * x2
}

#[test]
fn while_loop_counter_in_a_long_body() {
    let plain = |v: &[f64]| while_loop_in_a_long_body(v[0], v[1], v[2], [v[3], v[4]]);
    for p in [[0.3, 1.2, -0.4, 0.5, 0.9], [-1.1, 0.4, 0.8, -0.3, 0.2]] {
        let (value, grad) = while_loop_in_a_long_body_value_and_grad(p[0], p[1], p[2], [p[3], p[4]]);
        assert_eq!(value, plain(&p));
        let (g0, g1, g2, gs) = grad;
        check::assert_all_close(&[g0, g1, g2, gs[0], gs[1]], &check::gradient(plain, &p), 1e-8, "gradient");
        let h = while_loop_in_a_long_body_hessian(p[0], p[1], p[2], [p[3], p[4]]);
        let fd = check::hessian(plain, &p);
        for i in 0..5 {
            check::assert_all_close(&h[i], &fd[i], 1e-6, &format!("Hessian row {i}"));
        }
    }
}

// A branch that yields a differentiated value unchanged, in a function
// with a nalgebra argument: the bundled Hessian moved that value's tangent
// out of the branch, and read it again after.

#[differentiate]
fn branch_yields_an_argument(x0: f64, m0: &nalgebra::DMatrix<f64>) -> f64 {
    let t3 = if x0 <= 0.5 { x0 } else { x0 * m0[(0, 0)] };
    (x0 + t3) * x0
}

#[test]
fn branch_yielding_an_argument_beside_a_matrix() {
    let m = nalgebra::DMatrix::from_row_slice(1, 1, &[3.0]);
    // At x = 0.25: f = 2x², f' = 4x, f'' = 4; nothing in m.
    let (gx, gm) = branch_yields_an_argument_grad(0.25, &m);
    assert!(check::close(gx, 1.0, 1e-14) && gm[(0, 0)] == 0.0);
    let h = branch_yields_an_argument_hessian(0.25, &m);
    assert!(check::close(h[(0, 0)], 4.0, 1e-14) && h[(0, 1)] == 0.0 && h[(1, 1)] == 0.0);
    // At x = 1: f = x² + m x², f' = 2x(1 + m), d²f/dx dm = 2x.
    let h = branch_yields_an_argument_hessian(1.0, &m);
    assert!(check::close(h[(0, 0)], 8.0, 1e-14) && check::close(h[(0, 1)], 2.0, 1e-14));
}

// An iterator reduction inside the closure of another: both accumulators
// had one key, so the outer one added to the inner one's result and the
// value and gradient were silently wrong (2 sum(s) for 3 sum(s) below).

#[differentiate]
fn reduction_inside_a_reduction(x: f64, s: &[f64]) -> f64 {
    s.iter().map(|&_e| s.iter().sum::<f64>()).sum::<f64>() * x
}

#[differentiate]
fn fold_inside_a_fold(s: &[f64]) -> f64 {
    s.iter().fold(0.0, |acc, &v| acc + v * s.iter().map(|&w| w * w).sum::<f64>())
}

#[test]
fn nested_reductions_keep_their_own_accumulators() {
    let s = [0.941, -0.872, 0.4];
    let total: f64 = s.iter().sum();
    let (value, (gx, gs)) = reduction_inside_a_reduction_value_and_grad(1.5, &s);
    // f = 3 x sum(s): df/dx = 3 sum(s), df/ds_i = 3 x.
    assert!(check::close(value, 4.5 * total, 1e-14), "{value}");
    assert!(check::close(gx, 3.0 * total, 1e-14));
    for g in gs {
        assert!(check::close(g, 4.5, 1e-14));
    }
    check_slice(
        "fold_inside_a_fold",
        fold_inside_a_fold,
        fold_inside_a_fold_grad,
        fold_inside_a_fold_hessian,
        fold_inside_a_fold_hvp,
        &[1, 2, 5],
    );
}

// Loops inside the code after an early return (an arm of the branch the
// return makes), in a bundled Hessian: a tangent read in the inner loop was
// counted as read once and moved inside the loop (E0382).

#[differentiate]
fn early_return_then_nested_loops(x: f64, m: &nalgebra::DMatrix<f64>) -> f64 {
    let mut s = x;
    if x > 10.0 {
        return s;
    }
    for i in 0..2 {
        let t = m[(0, i)] * x;
        for _ in 0..2 {
            s = t + s;
        }
    }
    s * x
}

#[test]
fn loops_after_an_early_return_in_a_bundled_hessian() {
    // f = x² (1 + 2 m00 + 2 m01) for x <= 10.
    let m = nalgebra::DMatrix::from_row_slice(1, 2, &[0.5, -0.25]);
    let x = 0.75;
    let c = 1.0 + 2.0 * 0.5 - 2.0 * 0.25;
    let (gx, gm) = early_return_then_nested_loops_grad(x, &m);
    assert!(check::close(gx, 2.0 * x * c, 1e-14));
    assert!(check::close(gm[(0, 0)], 2.0 * x * x, 1e-14) && check::close(gm[(0, 1)], 2.0 * x * x, 1e-14));
    let h = early_return_then_nested_loops_hessian(x, &m);
    assert!(check::close(h[(0, 0)], 2.0 * c, 1e-14));
    assert!(check::close(h[(0, 1)], 4.0 * x, 1e-14) && check::close(h[(0, 2)], 4.0 * x, 1e-14));
    assert!(h[(1, 1)] == 0.0 && h[(1, 2)] == 0.0 && h[(2, 2)] == 0.0);
}

// A literal `if` arm before an early return, read with a local vector's
// element, in a function with a nalgebra argument: the element hid the
// literal's type (E0689, `sin` on an ambiguous float).

#[differentiate]
fn literal_arm_then_element(m0: &nalgebra::DMatrix<f64>) -> f64 {
    let w1: Vec<f64> = vec![0.0, 0.25];
    let t3 = if m0[(0, 0)] >= 0.3125 {
        1.875
    } else {
        let t6: f64 = if m0[(0, 0)] >= -0.25 { 0.5 } else { return 0.5 };
        t6 * t6
    };
    (t3.sin() + w1[1]) * m0[(0, 0)]
}

#[test]
fn literal_arm_read_with_an_element_beside_a_matrix() {
    let m = nalgebra::DMatrix::from_row_slice(1, 1, &[0.5]);
    let (value, g) = literal_arm_then_element_value_and_grad(&m);
    assert!(check::close(value, (1.875f64.sin() + 0.25) * 0.5, 1e-15));
    assert!(check::close(g[(0, 0)], 1.875f64.sin() + 0.25, 1e-15));
    assert_eq!(literal_arm_then_element_hessian(&m)[(0, 0)], 0.0);
}

// Two loop-carried values that take the same next value (`s += ..; u = s;`)
// in a bundled Hessian: the tangent was moved into the first and read for
// the second (E0382).

#[differentiate]
fn two_carried_values_take_one_value(w: f64, m: &nalgebra::DMatrix<f64>) -> f64 {
    let mut s = w;
    let mut u = m[(0, 0)];
    for _ in 0..2 {
        s += u.hypot(s);
        u = s;
    }
    0.5 * s
}

#[test]
fn carried_values_sharing_a_next_value_in_a_bundled_hessian() {
    let plain = |v: &[f64]| two_carried_values_take_one_value(v[0], &nalgebra::DMatrix::from_element(1, 1, v[1]));
    let p = [0.7, -0.4];
    let m = nalgebra::DMatrix::from_element(1, 1, p[1]);
    let (gw, gm) = two_carried_values_take_one_value_grad(p[0], &m);
    check::assert_all_close(&[gw, gm[(0, 0)]], &check::gradient(plain, &p), 1e-8, "gradient");
    let h = two_carried_values_take_one_value_hessian(p[0], &m);
    let fd = check::hessian(plain, &p);
    for i in 0..2 {
        check::assert_all_close(&[h[(i, 0)], h[(i, 1)]], &fd[i], 1e-6, &format!("Hessian row {i}"));
    }
}

// A literal block assigned to a float in a function with nalgebra
// arguments: only literal arithmetic is typed there, and a block of a
// literal was not taken for it (E0689, `sin` on an ambiguous float).

#[differentiate]
fn literal_block_assigned(x: f64, v: &nalgebra::DVector<f64>) -> f64 {
    let mut s: f64 = 1.5;
    s = { -0.375 };
    s.sin() * x + v[0]
}

#[test]
fn literal_block_assigned_beside_a_vector() {
    let v = nalgebra::DVector::from_vec(vec![0.5, 1.0]);
    let (gx, gv) = literal_block_assigned_grad(2.0, &v);
    assert!(check::close(gx, (-0.375f64).sin(), 1e-15));
    assert!(gv[0] == 1.0 && gv[1] == 0.0);
}

// An iterator sum of negative zeros is -0.0 in Rust; the generated forward
// started its sum from +0.0, and `atan2` of the sum then took the other
// side of its cut: value and gradient had the wrong sign.

#[differentiate]
fn atan2_of_a_sum_of_negative_zeros(x: f64, s: &[f64]) -> f64 {
    let z = s.iter().map(|&v| -(v * 0.0)).sum::<f64>();
    z.atan2(-1.0) * x
}

#[test]
fn sum_keeps_the_sign_of_zero() {
    let s = [0.5, 2.0];
    let x = 1.5;
    let expected = -std::f64::consts::PI * x;
    assert_eq!(atan2_of_a_sum_of_negative_zeros(x, &s), expected);
    let (value, (gx, _)) = atan2_of_a_sum_of_negative_zeros_value_and_grad(x, &s);
    assert_eq!(value, expected);
    assert_eq!(gx, -std::f64::consts::PI);
}

// A copy of a `Vec` or slice argument (`v.clone()`, `v.to_vec()`): the
// Hessian copies the argument's tangents, which may be a buffer the caller
// lends rather than a `Vec`.
#[allow(clippy::ptr_arg)]
#[differentiate]
fn copied_vec_argument(v: &Vec<f64>) -> f64 {
    let copy = v.clone();
    copy[0] * v[1] + copy[1].sin()
}

#[differentiate]
fn copied_slice_argument(v: &[f64]) -> f64 {
    let copy = v.to_vec();
    copy[0] * v[1] + copy[1].sin()
}

#[test]
fn copies_of_array_arguments_match_closed_form() {
    let v: Vec<f64> = vec![0.7, -0.4];
    // x y + sin y: gradient (y, x + cos y), Hessian [[0, 1], [1, -sin y]].
    let want_g = [v[1], v[0] + v[1].cos()];
    let want_h = [[0.0, 1.0], [1.0, -v[1].sin()]];
    for (g, h) in [
        (copied_vec_argument_grad(&v), copied_vec_argument_hessian(&v)),
        (copied_slice_argument_grad(&v), copied_slice_argument_hessian(&v)),
    ] {
        check::assert_all_close(&g, &want_g, 1e-15, "gradient");
        for i in 0..2 {
            check::assert_all_close(&h[i], &want_h[i], 1e-15, "Hessian");
        }
    }
}
