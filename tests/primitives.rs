//! Every primitive with a rule: gradient, Hessian and Hessian-vector
//! product against central finite differences of the same code, at several
//! points (negative, tiny and large ones where the function is defined).
//! Each primitive is composed with a product of the two inputs so that the
//! chain rule and the mixed second derivatives are exercised too.

mod common;

use matdiff::differentiate;

macro_rules! primitive_cases {
    ($($name:ident: |$x:ident, $y:ident| $body:expr, at $points:expr;)*) => {
        $(
            mod $name {
                use super::*;

                #[differentiate]
                pub fn f($x: f64, $y: f64) -> f64 {
                    $body
                }

                fn plain(v: &[f64]) -> f64 {
                    let ($x, $y) = (v[0], v[1]);
                    $body
                }

                #[test]
                fn matches_finite_differences() {
                    common::check2(stringify!($name), plain, f_value_and_grad, f_hessian, f_hvp, &$points);
                }
            }
        )*
    };
}

primitive_cases! {
    add: |x, y| (x + y) * (x + 2.0), at [[1.0, 2.0], [-3.0, 0.5], [1e-4, -2e-4], [1e3, -1e2]];
    sub: |x, y| (x - y) * (y - 3.0), at [[1.0, 2.0], [-3.0, 0.5], [1e-4, -2e-4], [1e3, -1e2]];
    mul: |x, y| x * y * x, at [[1.0, 2.0], [-3.0, 0.5], [1e-4, -2e-4], [1e2, -1e2]];
    div: |x, y| x / y + y / (x * x), at [[1.0, 2.0], [-3.0, 0.5], [1e-2, -2e-2], [1e2, -1e2]];
    rem: |x, y| (x * y) % y, at [[1.3, 2.1], [-3.3, 0.5], [5.5, -2.25]];
    neg: |x, y| -(x * y) - x, at [[1.0, 2.0], [-3.0, 0.5]];
    sqrt: |x, y| (x * x + y * y).sqrt(), at [[1.0, 2.0], [-3.0, 0.5], [1e-3, 2e-3], [1e3, -2e3]];
    cbrt: |x, y| (x * y + 2.0).cbrt(), at [[1.0, 2.0], [-3.0, 0.5], [1e-4, 2e-4], [10.0, -5.0]];
    exp: |x, y| (x * y).exp(), at [[1.0, 2.0], [-3.0, 0.5], [1e-4, 2e-4], [3.0, -4.0]];
    exp2: |x, y| (x - y * y).exp2(), at [[1.0, 2.0], [-3.0, 0.5], [1e-4, 2e-4]];
    exp_m1: |x, y| (x * y).exp_m1(), at [[1.0, 2.0], [-3.0, 0.5], [1e-4, 2e-4]];
    ln: |x, y| (x * x + y).ln(), at [[1.0, 2.0], [-3.0, 0.5], [0.1, 1e-3], [1e3, 7.0]];
    ln_1p: |x, y| (x * y).ln_1p(), at [[1.0, 2.0], [-0.3, 0.5], [1e-4, 2e-4]];
    log2: |x, y| (x * x + y).log2(), at [[1.0, 2.0], [-3.0, 0.5], [1e2, 3.0]];
    log10: |x, y| (x * x + y).log10(), at [[1.0, 2.0], [-3.0, 0.5], [1e2, 3.0]];
    sin: |x, y| (x * y).sin(), at [[1.0, 2.0], [-3.0, 0.5], [1e-4, 2e-4], [10.0, 3.0]];
    cos: |x, y| (x * y).cos(), at [[1.0, 2.0], [-3.0, 0.5], [1e-4, 2e-4], [10.0, 3.0]];
    tan: |x, y| (x * y).tan(), at [[1.0, 1.2], [-3.0, 0.3], [1e-4, 2e-4]];
    asin: |x, y| (x * y).asin(), at [[0.5, 0.9], [-0.3, 2.0], [1e-4, 2e-4]];
    acos: |x, y| (x * y).acos(), at [[0.5, 0.9], [-0.3, 2.0], [1e-4, 2e-4]];
    atan: |x, y| (x * y).atan(), at [[1.0, 2.0], [-3.0, 0.5], [1e-4, 2e-4], [30.0, 2.0]];
    sinh: |x, y| (x * y).sinh(), at [[1.0, 2.0], [-3.0, 0.5], [1e-4, 2e-4]];
    cosh: |x, y| (x * y).cosh(), at [[1.0, 2.0], [-3.0, 0.5], [1e-4, 2e-4]];
    tanh: |x, y| (x * y).tanh(), at [[1.0, 0.2], [-3.0, 0.5], [1e-4, 2e-4]];
    asinh: |x, y| (x * y).asinh(), at [[1.0, 2.0], [-3.0, 0.5], [1e-4, 2e-4]];
    acosh: |x, y| (x * x + y * y + 1.0).acosh(), at [[1.0, 2.0], [-3.0, 0.5], [0.3, 0.2]];
    atanh: |x, y| (x * y).atanh(), at [[0.5, 0.9], [-0.3, 2.0], [1e-4, 2e-4]];
    abs: |x, y| (x - y).abs() * x, at [[1.0, 2.0], [-3.0, -5.5], [2e-3, -1e-3]];
    recip: |x, y| (x * y).recip(), at [[1.0, 2.0], [-3.0, 0.5], [0.1, 0.2]];
    fract: |x, y| (x * y).fract() * y, at [[1.1, 2.2], [-3.3, 0.5]];
    to_degrees: |x, y| (x * y).to_degrees(), at [[1.0, 2.0], [-3.0, 0.5]];
    to_radians: |x, y| (x * y).to_radians(), at [[1.0, 2.0], [-3.0, 0.5]];
    powi: |x, y| (x * y).powi(3) + x.powi(-2) + y.powi(0) + y.powi(1), at [[1.0, 2.0], [-3.0, 0.5], [0.1, 2e-2]];
    powf: |x, y| x.powf(y) + (x * x + 1.0).powf(0.5 * y), at [[1.0, 2.0], [3.0, -0.5], [0.2, 2.5], [30.0, 1.5]];
    log: |x, y| x.log(y) + (x * y).log(2.5), at [[1.5, 2.0], [3.0, 0.5], [0.2, 7.0]];
    atan2: |x, y| x.atan2(y), at [[1.0, 2.0], [-3.0, 0.5], [1e-2, -2e-2], [0.5, -3.0]];
    hypot: |x, y| x.hypot(y), at [[1.0, 2.0], [-3.0, 0.5], [1e-2, 2e-2], [3e3, 4e3]];
    min: |x, y| x.min(y) * x, at [[1.0, 2.0], [-3.0, -5.5], [3.0, 0.5]];
    max: |x, y| x.max(2.0 * y) * y, at [[1.0, 2.0], [-3.0, -5.5], [3.0, 0.5]];
    mul_add: |x, y| x.mul_add(y, x * y * y), at [[1.0, 2.0], [-3.0, 0.5], [1e-4, 2e-4]];
    clamp: |x, y| x.clamp(y - 1.0, y + 1.0) * y, at [[1.5, 2.0], [-3.0, 0.5], [0.5, 0.2], [4.0, 1.0]];
    associated_form: |x, y| f64::sin(x) * f64::powi(y, 2) + f64::max(x, y) + f64::hypot(x, y), at [[1.0, 2.0], [-3.0, 0.5]];
    sigmoid: |x, y| matdiff::sigmoid(x * y), at [[1.0, 2.0], [-3.0, 0.5], [30.0, 2.0], [-30.0, 2.0]];
    softplus: |x, y| matdiff::softplus(x * y), at [[1.0, 2.0], [-3.0, 0.5], [30.0, 2.0], [-30.0, 2.0]];
    logaddexp: |x, y| matdiff::logaddexp(x, 2.0 * y), at [[1.0, 2.0], [-3.0, 0.5], [300.0, 200.0], [-300.0, -200.0]];
}
