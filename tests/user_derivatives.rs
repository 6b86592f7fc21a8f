//! Derivatives the user gives (`#[derivative(..)]`): functions whose bodies
//! matdiff cannot see into (libm's `erf`, `lgamma`, `jn`, a Newton solver)
//! called from `#[differentiate]` functions. Gradients, Hessians,
//! Hessian-vector products and Jacobians through the calls are checked
//! against closed forms and Ridders' differences of the plain functions,
//! never against matdiff itself.

use std::f64::consts::{FRAC_2_SQRT_PI, LN_2, PI};

use matdiff::{check, derivative, differentiate};

/// Relative tolerance against closed forms.
const TOL: f64 = 1e-12;

#[track_caller]
fn close(actual: f64, expected: f64, rel: f64, what: &str) {
    assert!(check::close(actual, expected, rel), "{what}: {actual:e}, expected {expected:e}");
}

// ----- erf ------------------------------------------------------------------

/// The error function, from libm; d/dx erf x = 2/sqrt(pi) exp(-x^2).
#[derivative(x = FRAC_2_SQRT_PI * (-x * x).exp())]
fn erf(x: f64) -> f64 {
    libm::erf(x)
}

fn erf_1(x: f64) -> f64 {
    FRAC_2_SQRT_PI * (-x * x).exp()
}

fn erf_2(x: f64) -> f64 {
    -2.0 * x * erf_1(x)
}

#[differentiate]
fn erf_model(a: f64, b: f64) -> f64 {
    erf(a * b) + a * erf(b)
}

fn erf_model_plain(v: &[f64]) -> f64 {
    libm::erf(v[0] * v[1]) + v[0] * libm::erf(v[1])
}

const POINTS: [[f64; 2]; 4] = [[0.3, 0.8], [-1.1, 0.45], [0.9, -1.3], [0.0, 0.0]];

#[test]
fn erf_gradient_hessian_and_hvp_match_closed_forms() {
    for [a, b] in POINTS {
        let what = format!("erf_model at ({a}, {b})");
        let u = a * b;
        let (value, grad) = erf_model_value_and_grad(a, b);
        assert_eq!(value, erf_model_plain(&[a, b]), "{what}: value");
        let expected_grad = [erf_1(u) * b + libm::erf(b), erf_1(u) * a + a * erf_1(b)];
        for i in 0..2 {
            close(grad[i], expected_grad[i], TOL, &format!("{what}: gradient {i}"));
        }
        let expected_h = [
            [erf_2(u) * b * b, erf_2(u) * a * b + erf_1(u) + erf_1(b)],
            [erf_2(u) * a * b + erf_1(u) + erf_1(b), erf_2(u) * a * a + a * erf_2(b)],
        ];
        let h = erf_model_hessian(a, b);
        for i in 0..2 {
            for j in 0..2 {
                close(h[i][j], expected_h[i][j], TOL, &format!("{what}: Hessian {i} {j}"));
            }
        }
        let v = [0.7, -1.9];
        let hv = erf_model_hvp(a, b, v);
        for i in 0..2 {
            let expected = expected_h[i][0] * v[0] + expected_h[i][1] * v[1];
            close(hv[i], expected, TOL, &format!("{what}: Hessian-vector product {i}"));
        }
        // And the plain function's differences, which know nothing of erf's rule.
        check::assert_all_close(&grad, &check::gradient(erf_model_plain, &[a, b]), 1e-9, &what);
    }
}

/// A vector result: its Jacobian goes through `erf`'s `jvp` or `vjp`.
#[differentiate]
fn erf_pair(a: f64, b: f64, c: f64) -> [f64; 2] {
    [erf(a) * b, erf(b * c) - c]
}

#[test]
fn erf_jacobian_matches_closed_forms() {
    for [a, b, c] in [[0.3, 0.8, -0.5], [1.2, -0.4, 2.0]] {
        let j = erf_pair_jacobian(a, b, c);
        let expected = [[erf_1(a) * b, libm::erf(a), 0.0], [0.0, erf_1(b * c) * c, erf_1(b * c) * b - 1.0]];
        for i in 0..2 {
            for k in 0..3 {
                close(j[i][k], expected[i][k], TOL, &format!("Jacobian {i} {k} at ({a}, {b}, {c})"));
            }
        }
    }
}

/// `f32` throughout.
#[derivative(x = std::f32::consts::FRAC_2_SQRT_PI * (-x * x).exp())]
fn erf_f32(x: f32) -> f32 {
    libm::erff(x)
}

#[differentiate]
fn erf_f32_square(x: f32) -> f32 {
    erf_f32(x) * erf_f32(x)
}

#[test]
fn erf_in_f32() {
    let x = 0.6f32;
    let (e, e1) = (libm::erf(0.6), erf_1(0.6));
    let grad = erf_f32_square_grad(x)[0];
    close(grad as f64, 2.0 * e * e1, 1e-6, "f32 gradient");
    let h = erf_f32_square_hessian(x)[0][0];
    close(h as f64, 2.0 * (e1 * e1 + e * erf_2(0.6)), 1e-5, "f32 Hessian");
}

// ----- ln Gamma, with a digamma matdiff differentiates ----------------------

/// The digamma function ψ = Γ'/Γ: the recurrence ψ(x) = ψ(x + 1) - 1/x up
/// to x ≥ 10, then the asymptotic series, whose first omitted term is below
/// 1e-14 there. Positive x.
#[differentiate]
fn digamma(x: f64) -> f64 {
    let mut x = x;
    let mut shift = 0.0;
    while x < 10.0 {
        shift -= 1.0 / x;
        x += 1.0;
    }
    let s = 1.0 / (x * x);
    let series = s
        * (1.0 / 12.0
            - s * (1.0 / 120.0 - s * (1.0 / 252.0 - s * (1.0 / 240.0 - s * (1.0 / 132.0 - s * 691.0 / 32760.0)))));
    shift + x.ln() - 0.5 / x - series
}

/// ln Γ from libm, whose derivative is digamma: the second derivative
/// (trigamma) is what matdiff makes of `digamma`.
#[derivative(x = digamma(x))]
fn ln_gamma(x: f64) -> f64 {
    libm::lgamma(x)
}

/// ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b).
#[differentiate]
fn ln_beta(a: f64, b: f64) -> f64 {
    ln_gamma(a) + ln_gamma(b) - ln_gamma(a + b)
}

const EULER_GAMMA: f64 = 0.577_215_664_901_532_9;

#[test]
fn digamma_and_trigamma_match_known_values() {
    close(digamma(1.0), -EULER_GAMMA, 1e-14, "digamma(1)");
    close(digamma(0.5), -EULER_GAMMA - 2.0 * LN_2, 1e-14, "digamma(1/2)");
    close(digamma(2.0), 1.0 - EULER_GAMMA, 1e-14, "digamma(2)");
    // digamma(25) = H_24 - gamma: beyond the recurrence, the series alone.
    let harmonic: f64 = (1..25).map(|k| 1.0 / k as f64).sum();
    close(digamma(25.0), harmonic - EULER_GAMMA, 1e-14, "digamma(25)");
    // Trigamma is matdiff's derivative of the code above.
    close(digamma_grad(1.0)[0], PI * PI / 6.0, 1e-13, "trigamma(1)");
    close(digamma_grad(0.5)[0], PI * PI / 2.0, 1e-13, "trigamma(1/2)");
    close(digamma_grad(2.0)[0], PI * PI / 6.0 - 1.0, 1e-13, "trigamma(2)");
}

#[test]
fn ln_beta_gradient_and_hessian_match_closed_values() {
    let pi2 = PI * PI;
    // At (1, 1): ψ(1) - ψ(2) = -1; ψ'(1) - ψ'(2) = 1, -ψ'(2) = 1 - π²/6.
    let (value, grad) = ln_beta_value_and_grad(1.0, 1.0);
    close(value, 0.0, TOL, "ln B(1, 1)");
    close(grad[0], -1.0, TOL, "d ln B / da at (1, 1)");
    let h = ln_beta_hessian(1.0, 1.0);
    close(h[0][0], 1.0, 1e-12, "d2/da2 at (1, 1)");
    close(h[0][1], 1.0 - pi2 / 6.0, 1e-12, "d2/da db at (1, 1)");
    close(h[1][0], h[0][1], 0.0, "symmetry");
    // At (1/2, 1/2): ψ(1/2) - ψ(1) = -2 ln 2; ψ'(1/2) - ψ'(1) = π²/3, -ψ'(1) = -π²/6.
    let grad = ln_beta_grad(0.5, 0.5);
    close(grad[1], -2.0 * LN_2, TOL, "d ln B / db at (1/2, 1/2)");
    let h = ln_beta_hessian(0.5, 0.5);
    close(h[1][1], pi2 / 3.0, 1e-12, "d2/db2 at (1/2, 1/2)");
    close(h[0][1], -pi2 / 6.0, 1e-12, "d2/da db at (1/2, 1/2)");
    let hv = ln_beta_hvp(0.5, 0.5, [1.0, 2.0]);
    close(hv[0], pi2 / 3.0 - 2.0 * pi2 / 6.0, 1e-12, "H v at (1/2, 1/2)");
}

#[test]
fn ln_beta_matches_ridders_differences_of_lgamma() {
    let plain = |v: &[f64]| libm::lgamma(v[0]) + libm::lgamma(v[1]) - libm::lgamma(v[0] + v[1]);
    for p in [[0.7, 3.2], [2.5, 1.5], [12.0, 0.3]] {
        let what = format!("ln_beta at {p:?}");
        check::assert_all_close(&ln_beta_grad(p[0], p[1]), &check::gradient(plain, &p), 1e-9, &what);
        let h = ln_beta_hessian(p[0], p[1]);
        let expected = check::hessian(plain, &p);
        for i in 0..2 {
            check::assert_all_close(&h[i], &expected[i], 1e-6, &format!("{what}: Hessian row {i}"));
        }
    }
}

// ----- an implicit function: Kepler's equation ------------------------------

/// The eccentric anomaly E of mean anomaly m and eccentricity e (< 1):
/// E - e sin E = m, by Newton's method. Its derivatives come from the
/// implicit-function theorem, in terms of the result E:
/// dE (1 - e cos E) = dm + sin E de.
#[derivative(result = big_e, m = 1.0 / (1.0 - e * big_e.cos()), e = big_e.sin() / (1.0 - e * big_e.cos()))]
fn kepler(m: f64, e: f64) -> f64 {
    let mut big_e = if e < 0.8 { m } else { PI };
    for _ in 0..50 {
        let step = (big_e - e * big_e.sin() - m) / (1.0 - e * big_e.cos());
        big_e -= step;
        if step.abs() < 1e-15 {
            break;
        }
    }
    big_e
}

#[differentiate]
fn eccentric_anomaly(m: f64, e: f64) -> f64 {
    kepler(m, e)
}

/// The distance from the focus over the semi-major axis: r/a = 1 - e cos E.
#[differentiate]
fn radius(m: f64, e: f64) -> f64 {
    1.0 - e * kepler(m, e).cos()
}

#[test]
fn kepler_derivatives_match_the_implicit_function_theorem() {
    for [m, e] in [[0.4, 0.3], [2.0, 0.6], [-1.0, 0.9], [3.0, 0.05]] {
        let what = format!("kepler at ({m}, {e})");
        let big_e = kepler(m, e);
        assert!((big_e - e * big_e.sin() - m).abs() < 1e-14, "{what}: the solver");
        let (s, c) = big_e.sin_cos();
        let g = 1.0 - e * c;
        let (e_m, e_e) = (1.0 / g, s / g);
        // Differentiating g E_m = 1 and g E_e = sin E, with dg = -cos E de + e sin E dE.
        let e_mm = -e * s * e_m / (g * g);
        let e_me = (c - e * s * e_e) / (g * g);
        let e_ee = (c * e_e * g + s * c - e * s * s * e_e) / (g * g);
        let grad = eccentric_anomaly_grad(m, e);
        close(grad[0], e_m, TOL, &format!("{what}: dE/dm"));
        close(grad[1], e_e, TOL, &format!("{what}: dE/de"));
        let h = eccentric_anomaly_hessian(m, e);
        close(h[0][0], e_mm, 1e-11, &format!("{what}: d2E/dm2"));
        close(h[0][1], e_me, 1e-11, &format!("{what}: d2E/dm de"));
        close(h[1][0], e_me, 1e-11, &format!("{what}: d2E/de dm"));
        close(h[1][1], e_ee, 1e-11, &format!("{what}: d2E/de2"));
        // Ridders' differences of the solver itself.
        let solver = |v: &[f64]| kepler(v[0], v[1]);
        check::assert_all_close(&grad, &check::gradient(solver, &[m, e]), 1e-8, &format!("{what}: differences"));
        let fd = check::hessian(solver, &[m, e]);
        for i in 0..2 {
            check::assert_all_close(&h[i], &fd[i], 1e-6, &format!("{what}: Hessian row {i}, differences"));
        }
    }
}

#[test]
fn a_caller_of_kepler_matches_ridders_differences() {
    let plain = |v: &[f64]| 1.0 - v[1] * kepler(v[0], v[1]).cos();
    for p in [[0.4, 0.3], [2.0, 0.6], [5.0, 0.7]] {
        let what = format!("radius at {p:?}");
        let (value, grad) = radius_value_and_grad(p[0], p[1]);
        assert_eq!(value, plain(&p), "{what}: value");
        check::assert_all_close(&grad, &check::gradient(plain, &p), 1e-8, &what);
        let h = radius_hessian(p[0], p[1]);
        let fd = check::hessian(plain, &p);
        for i in 0..2 {
            check::assert_all_close(&h[i], &fd[i], 1e-6, &format!("{what}: Hessian row {i}"));
        }
        let v = [-0.3, 1.1];
        let hv = radius_hvp(p[0], p[1], v);
        let fd_hv = [fd[0][0] * v[0] + fd[0][1] * v[1], fd[1][0] * v[0] + fd[1][1] * v[1]];
        check::assert_all_close(&hv, &fd_hv, 1e-6, &format!("{what}: Hessian-vector product"));
    }
}

// ----- a fixed point: y = a cos y -------------------------------------------

/// The fixed point of y = a cos y (0 < a < 1, where the map contracts),
/// by iteration; implicitly dy (1 + a sin y) = cos y da.
#[derivative(result = y, a = y.cos() / (1.0 + a * y.sin()))]
fn fixed_point(a: f64) -> f64 {
    let mut y = 0.0_f64;
    for _ in 0..500 {
        let next = a * y.cos();
        if (next - y).abs() < 1e-16 {
            return next;
        }
        y = next;
    }
    y
}

#[differentiate]
fn fixed_point_squared(a: f64) -> f64 {
    let y = fixed_point(a);
    y * y
}

#[test]
fn fixed_point_derivatives_match_closed_forms_and_differences() {
    for a in [0.2, 0.5, 0.9] {
        let y = fixed_point(a);
        let (s, c) = y.sin_cos();
        let g = 1.0 + a * s;
        let y_a = c / g;
        // d/da (c / g) with dc = -s y_a, dg = s + a c y_a.
        let y_aa = (-s * y_a * g - c * (s + a * c * y_a)) / (g * g);
        let (value, grad) = fixed_point_squared_value_and_grad(a);
        close(value, y * y, 0.0, "value");
        close(grad[0], 2.0 * y * y_a, TOL, &format!("gradient at {a}"));
        let h = fixed_point_squared_hessian(a)[0][0];
        close(h, 2.0 * (y_a * y_a + y * y_aa), 1e-11, &format!("Hessian at {a}"));
        let fd = check::hessian(|v| fixed_point(v[0]).powi(2), &[a]);
        close(h, fd[0][0], 1e-6, &format!("Hessian at {a}, differences"));
    }
}

// ----- several arguments, constants, and a rule that calls itself ------------

/// atan2 from libm, partials in x and y.
#[derivative(y = x / (x * x + y * y), x = -y / (x * x + y * y))]
fn angle(y: f64, x: f64) -> f64 {
    libm::atan2(y, x)
}

/// The Bessel function J_n of an integer order, which is a constant: its
/// partial, (J_{n-1} - J_{n+1}) / 2, calls the function itself, so the
/// second derivative comes through this very rule.
#[derivative(x = (bessel(n - 1, x) - bessel(n + 1, x)) / 2.0)]
fn bessel(n: i32, x: f64) -> f64 {
    libm::jn(n, x)
}

#[differentiate]
fn polar_bessel(x: f64, y: f64) -> f64 {
    bessel(2, angle(y, x) + 2.0) * (x * y)
}

#[test]
fn several_arguments_and_a_self_referring_rule() {
    let plain = |v: &[f64]| libm::jn(2, libm::atan2(v[1], v[0]) + 2.0) * (v[0] * v[1]);
    for p in [[1.0, 0.5], [-0.7, 1.3], [0.4, -2.0]] {
        let what = format!("polar_bessel at {p:?}");
        let (x, y) = (p[0], p[1]);
        // Closed forms: t = atan2(y, x) + 2, t_x = -y/r², t_y = x/r².
        let r2 = x * x + y * y;
        let t = libm::atan2(y, x) + 2.0;
        let (t_x, t_y) = (-y / r2, x / r2);
        let (t_xx, t_xy, t_yy) = (2.0 * x * y / (r2 * r2), (y * y - x * x) / (r2 * r2), -2.0 * x * y / (r2 * r2));
        let j = |n| libm::jn(n, t);
        let j1 = (j(1) - j(3)) / 2.0;
        let j2 = (j(0) - 2.0 * j(2) + j(4)) / 4.0;
        let grad = polar_bessel_grad(x, y);
        close(grad[0], j1 * t_x * x * y + j(2) * y, TOL, &format!("{what}: d/dx"));
        close(grad[1], j1 * t_y * x * y + j(2) * x, TOL, &format!("{what}: d/dy"));
        let h = polar_bessel_hessian(x, y);
        let hxx = (j2 * t_x * t_x + j1 * t_xx) * x * y + 2.0 * j1 * t_x * y;
        let hxy = (j2 * t_x * t_y + j1 * t_xy) * x * y + j1 * t_x * x + j1 * t_y * y + j(2);
        let hyy = (j2 * t_y * t_y + j1 * t_yy) * x * y + 2.0 * j1 * t_y * x;
        close(h[0][0], hxx, 1e-11, &format!("{what}: d2/dx2"));
        close(h[0][1], hxy, 1e-11, &format!("{what}: d2/dx dy"));
        close(h[1][1], hyy, 1e-11, &format!("{what}: d2/dy2"));
        let fd = check::hessian(plain, &p);
        check::assert_all_close(&h[0], &fd[0], 1e-6, &format!("{what}: differences"));
    }
}

/// A partial that is a constant: the function is the identity to matdiff
/// (`black_box` hides it from the optimiser, not from the rule).
#[derivative(x = 1.0, y = 0.0)]
fn first(x: f64, y: f64) -> f64 {
    std::hint::black_box(x) + 0.0 * y
}

#[differentiate]
fn through_first(x: f64, y: f64) -> f64 {
    first(x * x, y) * y
}

#[test]
fn constant_partials() {
    let (x, y) = (1.5, -2.0);
    assert_eq!(through_first_grad(x, y), [2.0 * x * y, x * x]);
    assert_eq!(through_first_hessian(x, y), [[2.0 * y, 2.0 * x], [2.0 * x, 0.0]]);
}

// ----- `check` on a caller -----------------------------------------------------

/// `check` generates a test, `checked_derivatives_match_finite_differences`,
/// comparing the derivatives through `erf`, `ln_gamma` and `kepler` with
/// Ridders' differences of this function.
#[differentiate(check(points = [[0.3, 0.7], [1.2, 0.4], [-0.5, 0.2]]))]
fn checked(a: f64, b: f64) -> f64 {
    erf(a * b) * ln_gamma(b + 1.5) + kepler(a, b)
}

// ----- the tangent form: slices and arrays ------------------------------------

/// erf again, given by its tangent rather than its partial.
#[derivative(tangent = FRAC_2_SQRT_PI * (-x * x).exp() * x_dot)]
fn erf_by_tangent(x: f64) -> f64 {
    libm::erf(x)
}

#[differentiate]
fn erf_by_tangent_model(a: f64, b: f64) -> f64 {
    erf_by_tangent(a * b) + a * erf_by_tangent(b)
}

#[test]
fn the_tangent_form_of_erf_matches_closed_forms() {
    for [a, b] in POINTS {
        let u = a * b;
        let grad = erf_by_tangent_model_grad(a, b);
        close(grad[0], erf_1(u) * b + libm::erf(b), TOL, "gradient 0");
        close(grad[1], erf_1(u) * a + a * erf_1(b), TOL, "gradient 1");
        let h = erf_by_tangent_model_hessian(a, b);
        close(h[0][0], erf_2(u) * b * b, TOL, "Hessian 0 0");
        close(h[0][1], erf_2(u) * a * b + erf_1(u) + erf_1(b), TOL, "Hessian 0 1");
        close(h[1][1], erf_2(u) * a * a + a * erf_2(b), TOL, "Hessian 1 1");
    }
}

/// The smooth maximum y = s L, L = t ln Σ exp(x_i / t), computed with libm
/// where matdiff cannot see; its tangent uses the weights
/// p_i = exp((x_i - L) / t): dL = Σ p_i dx_i + (L - Σ p_i x_i) / t dt. The
/// slice's tangent is `x_dot`, the temperature's `t_dot`; the scale `s` is
/// a constant.
#[derivative(result = y, tangent = {
    let l = y / scale;
    let mut weighted = 0.0;
    let mut mean = 0.0;
    for i in 0..x.len() {
        let p = ((x[i] - l) / t).exp();
        weighted += p * x_dot[i];
        mean += p * x[i];
    }
    scale * (weighted + (l - mean) / t * t_dot)
})]
fn smooth_max(x: &[f64], t: f64, scale: f64) -> f64 {
    let m = x.iter().fold(f64::NEG_INFINITY, |a, &b| a.max(b));
    let s: f64 = x.iter().map(|&v| libm::exp((v - m) / t)).sum();
    scale * (m + t * libm::log(s))
}

#[differentiate]
fn smooth_max_caller(x: &[f64], t: f64) -> f64 {
    smooth_max(x, t, 1.0) * t + x[0] * smooth_max(x, 2.0 * t, 0.5)
}

#[test]
fn a_tangent_rule_for_a_slice_matches_closed_forms_and_differences() {
    // The softmax's closed forms at t = 1: gradient p, Hessian diag(p) - p p'.
    #[differentiate]
    fn at_unit_temperature(x: &[f64]) -> f64 {
        smooth_max(x, 1.0, 1.0)
    }
    let x: [f64; 4] = [0.3, -1.2, 0.8, 2.0];
    let total: f64 = x.iter().map(|v| v.exp()).sum();
    let p: Vec<f64> = x.iter().map(|v| v.exp() / total).collect();
    let grad = at_unit_temperature_grad(&x);
    check::assert_all_close(&grad, &p, TOL, "softmax");
    let h = at_unit_temperature_hessian(&x);
    for i in 0..4 {
        for j in 0..4 {
            let expected = if i == j { p[i] - p[i] * p[j] } else { -p[i] * p[j] };
            close(h[i][j], expected, 1e-12, &format!("Hessian {i} {j}"));
        }
    }
    let v = [1.0, 0.5, -2.0, 0.25];
    let hv = at_unit_temperature_hvp(&x, &v);
    for i in 0..4 {
        let expected: f64 = (0..4).map(|j| h[i][j] * v[j]).sum();
        close(hv[i], expected, 1e-12, &format!("H v {i}"));
    }

    // Temperatures, a constant and two calls: Ridders' differences of the
    // plain function, with the scalars in the order x, then t.
    let plain = |v: &[f64]| {
        let (x, t) = (&v[..3], v[3]);
        smooth_max(x, t, 1.0) * t + x[0] * smooth_max(x, 2.0 * t, 0.5)
    };
    for point in [[0.3, -1.2, 0.8, 0.7], [1.0, 1.5, -0.5, 2.0]] {
        let (x, t) = (&point[..3], point[3]);
        let (gx, gt) = smooth_max_caller_grad(x, t);
        let mut grad = gx.clone();
        grad.push(gt);
        check::assert_all_close(&grad, &check::gradient(plain, &point), 1e-8, "smooth_max_caller gradient");
        let h = smooth_max_caller_hessian(x, t);
        let fd = check::hessian(plain, &point);
        for i in 0..4 {
            check::assert_all_close(&h[i], &fd[i], 1e-6, &format!("smooth_max_caller Hessian row {i}"));
        }
    }
}

/// The real root of y³ + a y + b = 0 (a > 0: one root), by Newton's method,
/// with the coefficients in an array; implicitly
/// dy (3y² + a) = -(y da + db).
#[derivative(result = y, tangent = -(y * c_dot[0] + c_dot[1]) / (3.0 * y * y + c[0]))]
fn cubic_root(c: [f64; 2]) -> f64 {
    let mut y = 0.0_f64;
    for _ in 0..100 {
        let step = (y * y * y + c[0] * y + c[1]) / (3.0 * y * y + c[0]);
        y -= step;
        if step.abs() < 1e-16 {
            break;
        }
    }
    y
}

#[differentiate]
fn cubic_root_caller(a: f64, b: f64) -> f64 {
    cubic_root([a * a, b]).sin()
}

#[test]
fn a_tangent_rule_for_an_array_matches_differences_of_the_solver() {
    for [a, b] in [[1.0, 2.0], [0.6, -0.3], [2.0, 5.0]] {
        let what = format!("cubic_root_caller at ({a}, {b})");
        let y = cubic_root([a * a, b]);
        assert!((y * y * y + a * a * y + b).abs() < 1e-13, "{what}: the solver");
        // Closed forms: y_a = -2a y / g, y_b = -1 / g with g = 3y² + a².
        let g = 3.0 * y * y + a * a;
        let (y_a, y_b) = (-2.0 * a * y / g, -1.0 / g);
        let grad = cubic_root_caller_grad(a, b);
        close(grad[0], y.cos() * y_a, TOL, &format!("{what}: d/da"));
        close(grad[1], y.cos() * y_b, TOL, &format!("{what}: d/db"));
        let plain = |v: &[f64]| cubic_root([v[0] * v[0], v[1]]).sin();
        let h = cubic_root_caller_hessian(a, b);
        let fd = check::hessian(plain, &[a, b]);
        for i in 0..2 {
            check::assert_all_close(&h[i], &fd[i], 1e-6, &format!("{what}: Hessian row {i}"));
        }
        let jacobian = cubic_pair_jacobian(a, b);
        close(jacobian[0][0], y_a, TOL, &format!("{what}: Jacobian"));
        close(jacobian[1][1], 2.0 * y * y_b * b + y * y, TOL, &format!("{what}: Jacobian"));
    }
}

#[differentiate]
fn cubic_pair(a: f64, b: f64) -> [f64; 2] {
    let y = cubic_root([a * a, b]);
    [y, y * y * b]
}
