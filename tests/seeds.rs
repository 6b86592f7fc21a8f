//! The worked examples of the seed chapters, as exact tests against their
//! closed forms.

use approx::assert_relative_eq;
use matdiff::differentiate;

/// Seed 000, eq. 1.5-1.6: f(x, y) = log(e^x + e^y).
#[differentiate]
fn log_sum_exp(x: f64, y: f64) -> f64 {
    (x.exp() + y.exp()).ln()
}

#[test]
fn log_sum_exp_at_zero_and_ln_2() {
    let (value, grad) = log_sum_exp_value_and_grad(0.0, 2f64.ln());
    assert_relative_eq!(value, 3f64.ln(), max_relative = 1e-15);
    assert_relative_eq!(grad[0], 1.0 / 3.0, max_relative = 1e-15);
    assert_relative_eq!(grad[1], 2.0 / 3.0, max_relative = 1e-15);
    // The Hessian of log-sum-exp is diag(p) - p p' with p = softmax.
    let h = log_sum_exp_hessian(0.0, 2f64.ln());
    let p = [1.0 / 3.0, 2.0 / 3.0];
    for i in 0..2 {
        for j in 0..2 {
            let expected = if i == j { p[i] } else { 0.0 } - p[i] * p[j];
            assert_relative_eq!(h[i][j], expected, max_relative = 1e-14);
        }
    }
}

/// Seed 000, eq. 2.1: a four-input network of squares.
#[differentiate]
fn network(w: f64, x: f64, y: f64, z: f64) -> f64 {
    let a = (w + x + y + z).powi(2);
    let b = (w + x - y - z).powi(2);
    let u = (a + b).powi(2);
    let v = (a - b).powi(2);
    (u + v).powi(2)
}

/// The partials of `network` by the chain rule, written out by hand:
/// df/dw = df/du (du/da da/dw + du/db db/dw) + df/dv (dv/da da/dw + dv/db db/dw).
fn network_partials(w: f64, x: f64, y: f64, z: f64) -> [f64; 4] {
    let (s, d) = (w + x + y + z, w + x - y - z);
    let (a, b) = (s * s, d * d);
    let (u, v) = ((a + b).powi(2), (a - b).powi(2));
    let df_du = 2.0 * (u + v);
    let df_dv = 2.0 * (u + v);
    let (du_da, du_db) = (2.0 * (a + b), 2.0 * (a + b));
    let (dv_da, dv_db) = (2.0 * (a - b), -2.0 * (a - b));
    let df_da = df_du * du_da + df_dv * dv_da;
    let df_db = df_du * du_db + df_dv * dv_db;
    // da/d(w, x, y, z) = 2s (1, 1, 1, 1); db/d(w, x, y, z) = 2d (1, 1, -1, -1).
    let (da, db) = (2.0 * s, 2.0 * d);
    [df_da * da + df_db * db, df_da * da + df_db * db, df_da * da - df_db * db, df_da * da - df_db * db]
}

#[test]
fn network_partials_match_the_hand_derived_chain_rule() {
    for p in [[0.1, 0.2, 0.3, 0.4], [1.0, -0.5, 0.25, 0.125], [-0.3, 0.2, -0.1, 0.05]] {
        let grad = network_grad(p[0], p[1], p[2], p[3]);
        let expected = network_partials(p[0], p[1], p[2], p[3]);
        for i in 0..4 {
            assert_relative_eq!(grad[i], expected[i], max_relative = 1e-12);
        }
    }
}

/// Seed 003, eq. 4.4.14 (and 4.4.19, 4.4.20).
#[differentiate]
fn quadratic(x: f64, y: f64) -> f64 {
    2.0 * x * x + 6.0 * x * y + 7.0 * y * y - 26.0 * x - 54.0 * y + 107.0
}

#[test]
fn quadratic_gradient_is_eq_4_4_15_everywhere() {
    for (x, y) in [(0.0, 0.0), (1.0, 3.0), (-2.5, 4.0), (14.0, 4.0), (1e3, -1e3)] {
        let grad = quadratic_grad(x, y);
        assert_eq!(grad, [4.0 * x + 6.0 * y - 26.0, 6.0 * x + 14.0 * y - 54.0]);
    }
}

#[test]
fn quadratic_exercise_4_4_2_points() {
    assert_eq!(quadratic_grad(7.0, 1.0), [8.0, 2.0]);
    assert_eq!(quadratic_grad(2.0, 1.0), [-12.0, -28.0]);
}

#[test]
fn quadratic_hessian_is_constant() {
    for (x, y) in [(0.0, 0.0), (7.0, 1.0), (-3.0, 1e6)] {
        assert_eq!(quadratic_hessian(x, y), [[4.0, 6.0], [6.0, 14.0]]);
    }
}

/// 4x + 6y = 26 and 6x + 14y = 54 give (2, 3), where f = 0. (The issue
/// that asked for this example says (1, 3); the gradient there is (-4, -6).)
#[test]
fn quadratic_minimum_is_at_2_3() {
    assert_eq!(quadratic_value_and_grad(2.0, 3.0), (0.0, [0.0, 0.0]));
    assert_eq!(quadratic_grad(1.0, 3.0), [-4.0, -6.0]);
}

/// Seed 003, exercise 4.4.1 (1).
#[differentiate]
fn sum3(x: f64, y: f64, z: f64) -> f64 {
    x + y + z
}

/// Seed 003, exercise 4.4.1 (2).
#[differentiate]
fn product3(x: f64, y: f64, z: f64) -> f64 {
    x * y * z
}

#[test]
fn exercise_4_4_1() {
    assert_eq!(sum3_grad(1.0, -2.0, 3.0), [1.0, 1.0, 1.0]);
    assert_eq!(sum3_hessian(1.0, -2.0, 3.0), [[0.0; 3]; 3]);
    let (x, y, z) = (1.5, -2.0, 3.0);
    assert_eq!(product3_grad(x, y, z), [y * z, x * z, x * y]);
    assert_eq!(product3_hessian(x, y, z), [[0.0, z, y], [z, 0.0, x], [y, x, 0.0]]);
}

/// Seed 003, eq. 4.4.47: the Hessian of x1^2 + x2^2 + x3^2 is 2I.
#[differentiate]
fn squared_norm3(x1: f64, x2: f64, x3: f64) -> f64 {
    x1 * x1 + x2 * x2 + x3 * x3
}

#[test]
fn squared_norm_hessian_is_2i() {
    assert_eq!(squared_norm3_hessian(0.3, -7.0, 2.0), [[2.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 2.0]]);
}
