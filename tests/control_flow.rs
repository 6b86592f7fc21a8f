//! `loop` with `break` and `break value`, and `return` inside `for`,
//! `while` and `loop` bodies (nested too): gradients and Hessians against
//! closed forms, and against num-dual evaluating the same code generically.

#![allow(clippy::needless_range_loop, clippy::let_and_return)]

use matdiff::{check, differentiate};
use nalgebra::DVector;
use num_dual::{Dual2DVec64, DualNum};

/// num-dual's gradient and Hessian of `f` at `x`.
fn reference(f: impl Fn(&[Dual2DVec64]) -> Dual2DVec64, x: &[f64]) -> (f64, Vec<f64>, Vec<Vec<f64>>) {
    let (v, g, h) = num_dual::hessian(|x: DVector<Dual2DVec64>| f(x.as_slice()), &DVector::from_column_slice(x));
    let n = x.len();
    (v, g.iter().copied().collect(), (0..n).map(|i| (0..n).map(|j| h[(i, j)]).collect()).collect())
}

#[track_caller]
fn compare(name: &str, value: f64, grad: &[f64], hessian: &[Vec<f64>], expected: (f64, Vec<f64>, Vec<Vec<f64>>)) {
    assert!((value - expected.0).abs() <= 1e-12 * (1.0 + expected.0.abs()), "{name}: value {value} vs {}", expected.0);
    check::assert_all_close(grad, &expected.1, 1e-11, &format!("{name}: gradient"));
    for (i, (row, want)) in hessian.iter().zip(&expected.2).enumerate() {
        check::assert_all_close(row, want, 1e-10, &format!("{name}: Hessian row {i}"));
    }
}

// ----- `loop` ------------------------------------------------------------

/// Newton's iteration for the square root of `a`, left with `break value`.
#[differentiate]
fn newton_sqrt(a: f64) -> f64 {
    let mut y = a;
    let mut steps = 0;
    let root = loop {
        let next = 0.5 * (y + a / y);
        steps += 1;
        if (next - y).abs() <= 1e-15 * next || steps == 60 {
            break next;
        }
        y = next;
    };
    root
}

#[test]
fn break_value_of_a_newton_iteration_is_the_square_root() {
    for a in [0.3, 2.0, 17.0] {
        let [g] = newton_sqrt_grad(a);
        let [[h]] = newton_sqrt_hessian(a);
        assert!((newton_sqrt(a) - a.sqrt()).abs() < 1e-14 * a.sqrt());
        assert!((g - 0.5 / a.sqrt()).abs() < 1e-13 * g.abs(), "a = {a}: {g}");
        assert!((h + 0.25 / (a * a.sqrt())).abs() < 1e-12 * h.abs(), "a = {a}: {h}");
    }
}

/// A `loop` statement left by a plain `break`, over a slice.
#[differentiate]
fn loop_statement(x: &[f64]) -> f64 {
    let mut s = 0.0;
    let mut i = 0;
    loop {
        if i == x.len() {
            break;
        }
        s += x[i] * x[i] * (i as f64 + 1.0);
        i += 1;
    }
    s
}

#[test]
fn loop_statement_matches_closed_form() {
    let x = [0.5, -1.25, 2.0, 0.75];
    let g = loop_statement_grad(&x);
    let h = loop_statement_hessian(&x);
    for i in 0..x.len() {
        assert!((g[i] - 2.0 * (i as f64 + 1.0) * x[i]).abs() < 1e-14);
        for j in 0..x.len() {
            let want = if i == j { 2.0 * (i as f64 + 1.0) } else { 0.0 };
            assert!((h[i][j] - want).abs() < 1e-14, "H[{i}][{j}] = {}", h[i][j]);
        }
    }
}

/// The `break` value is an integer (how many terms it took), used after.
#[differentiate]
fn terms_until_large(x: f64, y: f64) -> f64 {
    let mut s = 0.0;
    let mut k = 0;
    let terms = loop {
        k += 1;
        s += x * y;
        if s > 4.0 {
            break k;
        }
    };
    s * terms as f64
}

#[test]
fn integer_break_value() {
    // x y = 1.5: three terms reach 4.5 > 4; s = 3 x y, value 9 x y.
    let (x, y) = (1.2, 1.25);
    let g = terms_until_large_grad(x, y);
    let h = terms_until_large_hessian(x, y);
    assert!((terms_until_large(x, y) - 9.0 * x * y).abs() < 1e-13);
    assert!((g[0] - 9.0 * y).abs() < 1e-13 && (g[1] - 9.0 * x).abs() < 1e-13, "{g:?}");
    assert!(h[0][0].abs() < 1e-13 && (h[0][1] - 9.0).abs() < 1e-13 && (h[1][0] - 9.0).abs() < 1e-13);
}

/// A `loop` whose value nothing reads: it is pruned from the derivative
/// code with its value, whose type was then left to infer (found by the
/// differential fuzzer). The second keeps its loop for `s`, but not the
/// value its `break`s give.
#[differentiate]
#[allow(unused_variables)]
fn unread_loop_value(x: f64) -> f64 {
    let mut k: usize = 0;
    let t = loop {
        k += 1;
        if k > 4 {
            break -1.125;
        }
    };
    x * x
}

#[differentiate]
#[allow(unused_variables)]
fn unread_loop_value_beside_a_carried_one(x: f64) -> f64 {
    let mut s = x;
    let mut k: usize = 0;
    let t = loop {
        k += 1;
        s *= x;
        if k > 2 {
            break 0.5;
        }
    };
    s
}

#[test]
fn unread_loop_values_match_closed_forms() {
    let x = 1.5;
    assert_eq!(unread_loop_value_grad(x), [2.0 * x]);
    assert_eq!(unread_loop_value_hessian(x), [[2.0]]);
    // s = x^4 after three trips.
    let (v, g) = unread_loop_value_beside_a_carried_one_value_and_grad(x);
    assert!((v - x.powi(4)).abs() < 1e-13 && (g[0] - 4.0 * x.powi(3)).abs() < 1e-12, "{v} {g:?}");
    let h = unread_loop_value_beside_a_carried_one_hessian(x);
    assert!((h[0][0] - 12.0 * x * x).abs() < 1e-12, "{h:?}");
}

/// A `loop` that is the function's value, with two `break`s.
#[differentiate]
fn loop_as_result(x: &[f64]) -> f64 {
    let mut i = 0;
    let mut p = 1.0;
    loop {
        if i == x.len() {
            break p;
        }
        if x[i] < 0.0 {
            break p * x[i].exp();
        }
        p *= x[i].sin() + 2.0;
        i += 1;
    }
}

fn loop_as_result_generic<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    let mut p = D::one();
    for xi in x {
        if xi.re() < 0.0 {
            return p * xi.exp();
        }
        p *= xi.sin() + 2.0;
    }
    p
}

#[test]
fn loop_as_result_matches_num_dual() {
    for x in [vec![0.5, 1.5, -0.25, 2.0], vec![0.5, 1.5, 0.25, 2.0], vec![-1.0]] {
        let (v, g) = loop_as_result_value_and_grad(&x);
        compare("loop_as_result", v, &g, &loop_as_result_hessian(&x), reference(loop_as_result_generic, &x));
    }
}

// ----- `return` inside loops -----------------------------------------------

/// `return` from a `for` loop over a range.
#[differentiate]
fn return_from_for(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        if x[i] < 0.0 {
            return s * x[i];
        }
        s += x[i] * x[i];
    }
    s.sqrt()
}

fn return_from_for_generic<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    let mut s = D::zero();
    for i in 0..x.len() {
        if x[i].re() < 0.0 {
            return s * x[i].clone();
        }
        s += x[i].clone() * x[i].clone();
    }
    s.sqrt()
}

#[test]
fn return_from_for_matches_num_dual() {
    for x in [vec![0.5, 1.5, -0.25, 2.0], vec![0.5, 1.5, 0.25, 2.0], vec![-0.5, 1.0]] {
        let (v, g) = return_from_for_value_and_grad(&x);
        compare("return_from_for", v, &g, &return_from_for_hessian(&x), reference(return_from_for_generic, &x));
    }
}

#[test]
fn return_from_for_matches_closed_form() {
    // Returns at i = 2: (x0^2 + x1^2) x2.
    let x = [0.5, 1.5, -0.25, 2.0];
    let g = return_from_for_grad(&x);
    let want = [2.0 * x[0] * x[2], 2.0 * x[1] * x[2], x[0] * x[0] + x[1] * x[1], 0.0];
    check::assert_all_close(&g, &want, 1e-14, "gradient");
}

/// `return` from the inner of two nested loops, and from a `while` loop.
#[differentiate(wrt(x))]
fn return_from_nested(x: &[f64], limit: f64) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    for i in 0..n {
        for j in 0..n {
            s += x[i] * x[j].sin();
            if s > limit {
                return s.ln() + x[j];
            }
        }
        s *= 0.5;
    }
    let mut k = 0;
    while k < n {
        s += x[k].powi(3);
        if s > 2.0 * limit {
            return 2.0 * s;
        }
        k += 1;
    }
    s - 1.0
}

fn return_from_nested_generic<D: DualNum<Primitive = f64>>(x: &[D], limit: f64) -> D {
    let n = x.len();
    let mut s = D::zero();
    for i in 0..n {
        for j in 0..n {
            s += x[i].clone() * x[j].sin();
            if s.re() > limit {
                return s.ln() + x[j].clone();
            }
        }
        s *= 0.5;
    }
    for k in 0..n {
        s += x[k].powi(3);
        if s.re() > 2.0 * limit {
            return s * 2.0;
        }
    }
    s - 1.0
}

#[test]
fn return_from_nested_matches_num_dual() {
    let x = [0.9, 1.3, 0.4];
    // Past the inner loop's limit, past the while loop's, and past neither.
    for limit in [1.5, 1.9, 50.0] {
        let (v, g) = return_from_nested_value_and_grad(&x, limit);
        let h = return_from_nested_hessian(&x, limit);
        compare("return_from_nested", v, &g, &h, reference(|x| return_from_nested_generic(x, limit), &x));
    }
}

/// `return` from a `loop` that also breaks with a value.
#[differentiate]
fn return_from_loop(x: f64, y: f64) -> f64 {
    let mut t = x;
    let mut k = 0;
    let u = loop {
        t = t * y + 0.25;
        k += 1;
        if t > 8.0 {
            return t.sqrt();
        }
        if k == 5 {
            break t * x;
        }
    };
    u + y
}

fn return_from_loop_generic<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    let (x, y) = (x[0].clone(), x[1].clone());
    let mut t = x.clone();
    for _ in 0..5 {
        t = t * y.clone() + 0.25;
        if t.re() > 8.0 {
            return t.sqrt();
        }
    }
    t * x + y
}

#[test]
fn return_from_loop_matches_num_dual() {
    for (x, y) in [(1.0, 1.2), (3.0, 1.7)] {
        let (v, g) = return_from_loop_value_and_grad(x, y);
        let h = return_from_loop_hessian(x, y);
        let h: Vec<Vec<f64>> = h.iter().map(|r| r.to_vec()).collect();
        compare("return_from_loop", v, &g, &h, reference(return_from_loop_generic, &[x, y]));
    }
}

// ----- labelled loops --------------------------------------------------------

/// `continue 'rows` and `break 'rows` from the inner of two loops, and a
/// labelled `while` left from a `for` inside it.
#[differentiate(wrt(x))]
fn labelled(x: &[f64], limit: f64) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    'rows: for i in 0..n {
        for j in 0..n {
            if j > i {
                continue 'rows;
            }
            s += x[i] * x[j].cos();
            if s > limit {
                break 'rows;
            }
        }
        s *= 1.1;
    }
    let mut k = 0;
    'search: while k < n {
        k += 1;
        for j in 0..k {
            s += 0.5 * x[j] * x[j];
            if s > 2.0 * limit {
                break 'search;
            }
            if x[j] < 0.0 {
                continue 'search;
            }
        }
        s -= 0.25 * x[k - 1];
    }
    s
}

fn labelled_generic<D: DualNum<Primitive = f64>>(x: &[D], limit: f64) -> D {
    let n = x.len();
    let mut s = D::zero();
    'rows: for i in 0..n {
        for j in 0..n {
            if j > i {
                continue 'rows;
            }
            s += x[i].clone() * x[j].cos();
            if s.re() > limit {
                break 'rows;
            }
        }
        s *= 1.1;
    }
    let mut k = 0;
    'search: while k < n {
        k += 1;
        for j in 0..k {
            s += x[j].clone() * x[j].clone() * 0.5;
            if s.re() > 2.0 * limit {
                break 'search;
            }
            if x[j].re() < 0.0 {
                continue 'search;
            }
        }
        s -= x[k - 1].clone() * 0.25;
    }
    s
}

#[test]
fn labelled_jumps_match_num_dual() {
    for x in [vec![0.9, -0.3, 0.4, 1.1], vec![0.2, 0.3, 0.1, 0.5]] {
        // Past the first limit, past the second, and past neither.
        for limit in [0.8, 1.6, 50.0] {
            let (v, g) = labelled_value_and_grad(&x, limit);
            let h = labelled_hessian(&x, limit);
            compare("labelled", v, &g, &h, reference(|x| labelled_generic(x, limit), &x));
        }
    }
}

/// A labelled `loop` left from a `for` inside it, one whose value comes
/// from `break 'label value`, and a `return` from two loops deep.
#[differentiate]
fn labelled_value(x: f64, y: f64) -> f64 {
    let mut t = x;
    'outer: loop {
        for k in 0..3 {
            t = t * y + k as f64;
            if t > 5.0 {
                break 'outer;
            }
        }
        t *= 0.5;
    }
    t = 'grow: loop {
        t *= 1.2;
        if t > 8.0 {
            break 'grow t.sqrt() + y;
        }
    };
    for _ in 0..2 {
        let mut u = t;
        loop {
            u *= 1.5;
            if u > 20.0 {
                return u * x;
            }
            if u > 10.0 {
                break;
            }
        }
        t = u;
    }
    t
}

fn labelled_value_generic<D: DualNum<Primitive = f64>>(v: &[D]) -> D {
    let (x, y) = (v[0].clone(), v[1].clone());
    let mut t = x.clone();
    'outer: loop {
        for k in 0..3 {
            t = t * y.clone() + k as f64;
            if t.re() > 5.0 {
                break 'outer;
            }
        }
        t *= 0.5;
    }
    loop {
        t *= 1.2;
        if t.re() > 8.0 {
            t = t.sqrt() + y.clone();
            break;
        }
    }
    for _ in 0..2 {
        let mut u = t.clone();
        loop {
            u *= 1.5;
            if u.re() > 20.0 {
                return u * x;
            }
            if u.re() > 10.0 {
                break;
            }
        }
        t = u;
    }
    t
}

#[test]
fn labelled_loop_value_matches_num_dual() {
    for (x, y) in [(1.0, 1.7), (2.5, 1.3), (0.5, 2.0)] {
        let (v, g) = labelled_value_value_and_grad(x, y);
        let h: Vec<Vec<f64>> = labelled_value_hessian(x, y).iter().map(|r| r.to_vec()).collect();
        compare("labelled_value", v, &g, &h, reference(labelled_value_generic, &[x, y]));
    }
}

/// Arms whose values are blocks of constants, beside an arm that returns:
/// the code after the `match` is copied into each arm, and each arm's
/// constant must still take the float type of the others.
#[differentiate]
fn block_arms_beside_a_return(x: f64) -> f64 {
    let y: f64 = 0.5;
    let z = match (x * 4.0) as usize {
        0 => {
            let t = y;
            t
        }
        1 => {
            return x * x;
        }
        _ => -0.625,
    };
    z.hypot(z) * x
}

#[test]
fn block_arms_beside_a_return_match_closed_forms() {
    let sqrt2 = std::f64::consts::SQRT_2;
    assert!((block_arms_beside_a_return_grad(0.1)[0] - 0.5 * sqrt2).abs() < 1e-15);
    assert!((block_arms_beside_a_return_grad(0.3)[0] - 0.6).abs() < 1e-15);
    assert!((block_arms_beside_a_return_grad(0.9)[0] - 0.625 * sqrt2).abs() < 1e-15);
    assert_eq!(block_arms_beside_a_return_hessian(0.3)[0][0], 2.0);
    assert_eq!(block_arms_beside_a_return_hessian(0.9)[0][0], 0.0);
}
