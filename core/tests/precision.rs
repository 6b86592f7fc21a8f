//! The rules' first and second derivatives against exact values, in ulps
//! (units of `f64::EPSILON` relative to the exact value), over each
//! function's whole range including the tails where naive forms cancel,
//! overflow or underflow. The exact values come from
//! `scripts/precision-reference.py` and are stored as literals in
//! `data/precision_reference.rs`, so the test needs nothing but Rust.
//!
//! Every rule is called the way generated code calls it: the pullback
//! `vjp0` with a unit cotangent gives the first derivative, its tangent
//! `vjp0_jvp0` with unit cotangent and tangent the second, with the value
//! `y` computed by the same function the user's code calls.

// The data are literals as printed: some happen to be near constants such
// as FRAC_1_SQRT_2, which is what they are meant to be compared with.
#[allow(dead_code, clippy::approx_constant, clippy::type_complexity)]
#[path = "data/precision_reference.rs"]
mod reference;

use matdiff_core::bundle::Bundle;
use matdiff_core::functions;
use matdiff_core::rules;
use nalgebra::DVector;

/// The bound for every rule: a few roundings of a correctly rounded
/// formula (the worst measured is under 2.5 ulps).
const ULPS: f64 = 4.0;

/// The error of `got` in units of `f64::EPSILON` relative to `want`.
fn ulps(got: f64, want: f64) -> f64 {
    if want == 0.0 { if got == 0.0 { 0.0 } else { f64::INFINITY } } else { ((got - want) / want).abs() / f64::EPSILON }
}

/// The error of `got` in units of `f32::EPSILON` relative to `want`, an
/// f64 reference.
fn ulps_f32(got: f32, want: f64) -> f64 {
    if want == 0.0 {
        if got == 0.0 { 0.0 } else { f64::INFINITY }
    } else {
        ((got as f64 - want) / want).abs() / f32::EPSILON as f64
    }
}

/// The failures and the worst error of every check, reported together at
/// the end so that one run shows everything that is off.
#[derive(Default)]
struct Report {
    failures: Vec<String>,
    worst: Vec<(String, f64, String)>,
}

impl Report {
    /// Compares `got` with `want` (skipped where `want` is NaN, a
    /// reference that is not a normal float) within `limit` ulps.
    fn check(&mut self, what: &str, at: &str, got: f64, want: f64, limit: f64) {
        if want.is_nan() {
            return;
        }
        let e = ulps(got, want);
        match self.worst.iter_mut().find(|(w, _, _)| w == what) {
            Some(entry) => {
                if e.is_nan() || e > entry.1 {
                    *entry = (what.to_string(), e, at.to_string());
                }
            }
            None => self.worst.push((what.to_string(), e, at.to_string())),
        }
        if e.is_nan() || e > limit {
            self.failures.push(format!("{what} at {at}: got {got:e}, exact {want:e}, {e:.3e} ulps (bound {limit})"));
        }
    }

    /// Compares within `limit` ulps of `scale`, for results that are a
    /// difference of terms of size `scale` (the cancellation is in the
    /// exact function, not the formula).
    fn check_scaled(&mut self, what: &str, at: &str, got: f64, want: f64, scale: f64, limit: f64) {
        if want.is_nan() || !scale.is_normal() {
            return;
        }
        let e = (got - want).abs() / scale / f64::EPSILON;
        match self.worst.iter_mut().find(|(w, _, _)| w == what) {
            Some(entry) => {
                if e.is_nan() || e > entry.1 {
                    *entry = (what.to_string(), e, at.to_string());
                }
            }
            None => self.worst.push((what.to_string(), e, at.to_string())),
        }
        if e.is_nan() || e > limit {
            self.failures.push(format!(
                "{what} at {at}: got {got:e}, exact {want:e}, {e:.3e} ulps of {scale:e} (bound {limit})"
            ));
        }
    }

    fn finish(self) {
        for (what, e, at) in &self.worst {
            println!("{what:32} worst {e:9.3} ulps at {at}");
        }
        assert!(
            self.failures.is_empty(),
            "{} checks out of bounds:\n{}",
            self.failures.len(),
            self.failures.join("\n")
        );
    }
}

/// The value, first and second derivative of a one-argument rule at `x`.
type Unary<F> = fn(F) -> (F, F, F);

macro_rules! unary {
    ($($name:ident: |$x:ident| $value:expr;)*) => {
        fn unary_rule(name: &str) -> Option<Unary<f64>> {
            match name {
                $(stringify!($name) => Some(|$x: f64| {
                    let y = $value;
                    let d = rules::$name::vjp0(&$x, &y, &1.0);
                    let dd = rules::$name::vjp0_jvp0(&$x, &y, &1.0, &1.0);
                    // The tangent rule must give what the pullback gives.
                    assert_eq!(rules::$name::jvp0(&$x, &y, &1.0).to_bits(), d.to_bits());
                    (y, d, dd)
                }),)*
                _ => None,
            }
        }

        fn unary_rule_f32(name: &str) -> Option<Unary<f32>> {
            match name {
                $(stringify!($name) => Some(|$x: f32| {
                    let y = $value;
                    (y, rules::$name::vjp0(&$x, &y, &1.0), rules::$name::vjp0_jvp0(&$x, &y, &1.0, &1.0))
                }),)*
                _ => None,
            }
        }
    };
}

unary! {
    sqrt: |x| x.sqrt();
    cbrt: |x| x.cbrt();
    exp: |x| x.exp();
    exp2: |x| x.exp2();
    exp_m1: |x| x.exp_m1();
    ln: |x| x.ln();
    ln_1p: |x| x.ln_1p();
    log2: |x| x.log2();
    log10: |x| x.log10();
    sin: |x| x.sin();
    cos: |x| x.cos();
    tan: |x| x.tan();
    asin: |x| x.asin();
    acos: |x| x.acos();
    atan: |x| x.atan();
    sinh: |x| x.sinh();
    cosh: |x| x.cosh();
    tanh: |x| x.tanh();
    asinh: |x| x.asinh();
    acosh: |x| x.acosh();
    atanh: |x| x.atanh();
    recip: |x| x.recip();
    sigmoid: |x| functions::sigmoid(x);
    softplus: |x| functions::softplus(x);
}

/// The value and [d0, d1, dd00, dd01, dd11] of a two-argument rule.
type Binary = fn(f64, f64) -> (f64, [f64; 5]);

macro_rules! binary {
    ($($name:ident: |$a:ident, $b:ident| $value:expr;)*) => {
        fn binary_rule(name: &str) -> Option<Binary> {
            match name {
                $(stringify!($name) => Some(|$a: f64, $b: f64| {
                    use rules::$name as r;
                    let y = $value;
                    let d0 = r::vjp0(&$a, &$b, &y, &1.0);
                    let d1 = r::vjp1(&$a, &$b, &y, &1.0);
                    let dd00 = r::vjp0_jvp0(&$a, &$b, &y, &1.0, &1.0);
                    let dd01 = r::vjp0_jvp1(&$a, &$b, &y, &1.0, &1.0);
                    let dd10 = r::vjp1_jvp0(&$a, &$b, &y, &1.0, &1.0);
                    let dd11 = r::vjp1_jvp1(&$a, &$b, &y, &1.0, &1.0);
                    assert_eq!(dd01.to_bits(), dd10.to_bits(), "the mixed partials of {} differ", stringify!($name));
                    (y, [d0, d1, dd00, dd01, dd11])
                }),)*
                _ => None,
            }
        }
    };
}

/// `a / b`, whose rules are dispatched on the operand types and have no
/// second derivative in `a`.
fn div_rule(a: f64, b: f64) -> (f64, [f64; 5]) {
    use rules::operators::div as r;
    let y = a / b;
    let d0 = r::vjp0(&a, &b, &y, &1.0);
    let d1 = r::vjp1(&a, &b, &y, &1.0);
    let dd01 = r::vjp0_jvp1(&a, &b, &y, &1.0, &1.0);
    let dd10 = r::vjp1_jvp0(&a, &b, &y, &1.0, &1.0);
    let dd11 = r::vjp1_jvp1(&a, &b, &y, &1.0, &1.0);
    assert_eq!(dd01.to_bits(), dd10.to_bits(), "the mixed partials of div differ");
    (y, [d0, d1, 0.0, dd01, dd11])
}

binary! {
    powf: |x, p| x.powf(p);
    log: |x, b| x.log(b);
    atan2: |a, b| a.atan2(b);
    hypot: |a, b| a.hypot(b);
    logaddexp: |a, b| functions::logaddexp(a, b);
}

#[test]
fn unary_rules_are_accurate_to_a_few_ulps() {
    let mut report = Report::default();
    for &(name, points) in reference::UNARY {
        let rule = unary_rule(name).unwrap_or_else(|| panic!("no rule for {name}"));
        let limit = ULPS;
        for &(x, d, dd) in points {
            let (_, got_d, got_dd) = rule(x);
            let at = format!("{x:e}");
            report.check(&format!("{name} d"), &at, got_d, d, limit);
            report.check(&format!("{name} dd"), &at, got_dd, dd, limit);
        }
    }
    report.finish();
}

/// The same rules in f32, at the reference points that are f32 values,
/// where the exact derivative is a normal f32. The f32 libm functions the
/// rules call are themselves within an ulp, as in f64.
#[test]
fn unary_rules_in_f32_are_accurate_to_a_few_ulps() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for &(name, points) in reference::UNARY {
        let rule = unary_rule_f32(name).unwrap_or_else(|| panic!("no rule for {name}"));
        let limit = ULPS;
        for &(x, d, dd) in points {
            let x32 = x as f32;
            if x32 as f64 != x {
                continue;
            }
            let (_, got_d, got_dd) = rule(x32);
            for (what, got, want) in [("d", got_d, d), ("dd", got_dd, dd)] {
                if want.is_nan() || (want != 0.0 && !(want as f32).is_normal()) {
                    continue;
                }
                checked += 1;
                let e = ulps_f32(got, want);
                if e.is_nan() || e > limit {
                    failures.push(format!("{name} {what} at {x:e}: got {got:e}, exact {want:e}, {e:.3e} f32 ulps"));
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} f32 checks");
    assert!(failures.is_empty(), "{} checks out of bounds:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn helper_companions_are_accurate_to_a_few_ulps() {
    let mut report = Report::default();
    for &(name, points) in reference::UNARY {
        type Companion = fn(f64, (Option<f64>,), f64, Option<f64>) -> (f64, f64, (f64,), (f64,));
        let companion: Companion = match name {
            "sigmoid" => functions::sigmoid::vjp_jvp,
            "softplus" => functions::softplus::vjp_jvp,
            _ => continue,
        };
        for &(x, d, dd) in points {
            let (_, y_dot, (x_bar,), (x_bar_dot,)) = companion(x, (Some(1.0),), 1.0, None);
            let at = format!("{x:e}");
            report.check(&format!("{name} companion jvp"), &at, y_dot, d, ULPS);
            report.check(&format!("{name} companion vjp"), &at, x_bar, d, ULPS);
            report.check(&format!("{name} companion vjp_jvp"), &at, x_bar_dot, dd, ULPS);
        }
    }
    report.finish();
}

#[test]
fn binary_rules_are_accurate_to_a_few_ulps() {
    const PARTIALS: [&str; 5] = ["d0", "d1", "dd00", "dd01", "dd11"];
    let mut report = Report::default();
    for &(name, points) in reference::BINARY {
        let rule =
            if name == "div" { div_rule } else { binary_rule(name).unwrap_or_else(|| panic!("no rule for {name}")) };
        let limit = ULPS;
        for &(a, b, want) in points {
            let (_, got) = rule(a, b);
            let at = format!("({a:e}, {b:e})");
            for k in 0..5 {
                report.check(&format!("{name} {}", PARTIALS[k]), &at, got[k], want[k], limit);
            }
            if name == "logaddexp" {
                let seed = |da: f64, db: f64| (Some(da), Some(db));
                let (_, _, (a_bar, b_bar), (a_bar_a, b_bar_a)) =
                    functions::logaddexp::vjp_jvp(a, b, seed(1.0, 0.0), 1.0, None);
                let (_, _, _, (a_bar_b, b_bar_b)) = functions::logaddexp::vjp_jvp(a, b, seed(0.0, 1.0), 1.0, None);
                report.check("logaddexp companion d0", &at, a_bar, want[0], limit);
                report.check("logaddexp companion d1", &at, b_bar, want[1], limit);
                report.check("logaddexp companion dd00", &at, a_bar_a, want[2], limit);
                report.check("logaddexp companion dd01", &at, a_bar_b, want[3], limit);
                report.check("logaddexp companion dd10", &at, b_bar_a, want[3], limit);
                report.check("logaddexp companion dd11", &at, b_bar_b, want[4], limit);
            }
        }
    }
    report.finish();
}

fn unit(n: usize, j: usize) -> DVector<f64> {
    DVector::from_fn(n, |i, _| if i == j { 1.0 } else { 0.0 })
}

#[test]
fn logsumexp_rules_are_accurate_to_a_few_ulps() {
    let limit = ULPS;
    let mut report = Report::default();
    for case in reference::VECTORS {
        let n = case.x.len();
        let at = format!("{:?}", case.x);
        let x = DVector::from_column_slice(case.x);
        let hessian = |i: usize, j: usize| case.jacobian[i * n + j];

        report.check("logsumexp value", &at, functions::logsumexp(case.x), case.logsumexp, limit);

        // The slice companion.
        let (_, (grad,)) = functions::logsumexp::vjp(case.x, 1.0);
        for (&got, &want) in grad.iter().zip(case.softmax) {
            report.check("logsumexp slice vjp", &at, got, want, limit);
        }
        for j in 0..n {
            let t: Vec<f64> = unit(n, j).iter().copied().collect();
            let (_, y_dot, _, (column,)) = functions::logsumexp::vjp_jvp(case.x, (Some(&t[..]),), 1.0, None);
            report.check("logsumexp slice jvp", &at, y_dot, case.softmax[j], limit);
            for (i, &got) in column.iter().enumerate() {
                report.check("logsumexp slice vjp_jvp", &at, got, hessian(i, j), limit);
            }
        }

        // The nalgebra rules, one direction at a time.
        let y = rules::matrix::logsumexp(&x);
        let grad = rules::matrix::logsumexp::vjp0(&x, &y, &1.0);
        for j in 0..n {
            report.check("logsumexp matrix vjp", &at, grad[j], case.softmax[j], limit);
            let y_dot = rules::matrix::logsumexp::jvp0(&x, &y, &unit(n, j));
            report.check("logsumexp matrix jvp", &at, y_dot, case.softmax[j], limit);
            let column = rules::matrix::logsumexp::vjp0_jvp0(&x, &y, &1.0, &unit(n, j));
            for i in 0..n {
                report.check("logsumexp matrix vjp_jvp", &at, column[i], hessian(i, j), limit);
            }
        }

        // The bundle rules, every direction at once.
        let seed = Bundle::seed(n, 0, n);
        let grad = rules::bundle::logsumexp::vjp0(&x, &y, &Bundle::dense(nalgebra::DMatrix::from_element(1, 1, 1.0)));
        let grad = grad.to_dense(1);
        let hess = rules::bundle::logsumexp::vjp0_jvp0(&x, &y, &1.0, &seed).to_dense(n);
        for i in 0..n {
            report.check("logsumexp bundle vjp", &at, grad[(i, 0)], case.softmax[i], limit);
            for j in 0..n {
                report.check("logsumexp bundle vjp_jvp", &at, hess[(i, j)], hessian(i, j), limit);
            }
        }
    }
    report.finish();
}

#[test]
fn softmax_rules_are_accurate_to_a_few_ulps() {
    let limit = ULPS;
    let mut report = Report::default();
    for case in reference::VECTORS {
        let n = case.x.len();
        let at = format!("{:?}", case.x);
        let x = DVector::from_column_slice(case.x);
        let jacobian = |i: usize, j: usize| case.jacobian[i * n + j];
        let hessian = |l: usize, i: usize, j: usize| case.hessians[(l * n + i) * n + j];
        // The Hessian of component l is a sum of two products; where they
        // nearly cancel (p_i near 1/2) no formula in f64 is accurate
        // relative to the result, so there the error is measured against
        // the size of the terms.
        let terms = |l: usize, i: usize, j: usize| {
            let p = case.softmax[l];
            (jacobian(l, j) * jacobian(l, i) / p).abs() + (p * jacobian(i, j)).abs()
        };

        let y = matdiff_core::linalg::softmax(&x);
        for i in 0..n {
            report.check("softmax value", &at, y[i], case.softmax[i], limit);
        }
        let seed = Bundle::seed(n, 0, n);
        let bundle_jacobian = rules::bundle::softmax::jvp0(&x, &y, &seed).to_dense(n);
        for j in 0..n {
            let column = rules::matrix::softmax::jvp0(&x, &y, &unit(n, j));
            let row = rules::matrix::softmax::vjp0(&x, &y, &unit(n, j));
            for i in 0..n {
                report.check("softmax matrix jvp", &at, column[i], jacobian(i, j), limit);
                report.check("softmax matrix vjp", &at, row[i], jacobian(j, i), limit);
                report.check("softmax bundle jvp", &at, bundle_jacobian[(i, j)], jacobian(i, j), limit);
            }
        }
        for l in 0..n {
            let c = unit(n, l);
            let bundle_hessian = rules::bundle::softmax::vjp0_jvp0(&x, &y, &c, &seed).to_dense(n);
            for j in 0..n {
                let column = rules::matrix::softmax::vjp0_jvp0(&x, &y, &c, &unit(n, j));
                for i in 0..n {
                    let (want, scale) = (hessian(l, i, j), terms(l, i, j));
                    report.check_scaled("softmax matrix vjp_jvp", &at, column[i], want, scale, limit);
                    report.check_scaled("softmax bundle vjp_jvp", &at, bundle_hessian[(i, j)], want, scale, limit);
                }
            }
        }
    }
    report.finish();
}
