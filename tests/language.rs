//! The Rust a differentiated function may contain: bindings, mutation,
//! blocks, literals, constants, casts, branches, matches and early returns.
//! Each function is checked against finite differences of its own body.

mod common;

use matdiff::differentiate;

/// Defines a differentiated function of two arguments, a plain copy of it,
/// and a test against finite differences.
macro_rules! case {
    ($name:ident, |$x:ident, $y:ident| $body:block, at $points:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[differentiate]
            #[allow(unused_assignments, unused_mut, clippy::all)]
            pub fn f($x: f64, $y: f64) -> f64 $body

            #[allow(unused_assignments, unused_mut, clippy::all)]
            fn plain(v: &[f64]) -> f64 {
                let ($x, $y) = (v[0], v[1]);
                $body
            }

            #[test]
            fn matches_finite_differences() {
                common::check2(stringify!($name), plain, f_value_and_grad, f_hessian, f_hvp, &$points);
            }
        }
    };
}

const SCALE: f64 = 1.5;

case!(let_and_shadowing, |x, y| {
    let t = x * y;
    let t = t + x;
    let u = { let s = t * t; s - y };
    u * t
}, at [[1.0, 2.0], [-0.5, 3.0]]);

case!(mutation_and_compound_assignment, |x, y| {
    let mut s = x;
    s += y * 2.0;
    s -= x * x;
    s *= y;
    s /= 1.0 + x * x;
    let mut t = 0.0;
    t = t + s;
    t = t * s;
    t
}, at [[1.0, 2.0], [-0.5, 3.0], [2.0, -1.0]]);

case!(literals_and_constants, |x, y| {
    const LOCAL: f64 = 0.25;
    let a = 1e-3 * x + 2. * y + 0.5_f64 * x * y + 1_000.0 * LOCAL;
    let b = SCALE * std::f64::consts::PI * x + f64::consts_e() * y;
    a * b + (3 as f64) * x + x.powi(2) + y * std::f64::consts::E
}, at [[1.0, 2.0], [-0.5, 3.0]]);

case!(integer_casts, |x, y| {
    let n: usize = 3;
    let k = 2i32;
    let mut total = x * (n as f64);
    total += y.powi(k) * f64::from(k);
    total * (n * 2) as f64
}, at [[1.0, 2.0], [-0.5, 3.0]]);

case!(if_expression_and_statement, |x, y| {
    let a = if x > y { x * x } else { y * x };
    let mut b = y;
    if a > 1.0 {
        b *= a;
    }
    if !(x < 0.0) && y > 0.0 || x == 3.0 {
        b += x;
    } else {
        b -= y * y;
    }
    a + b
}, at [[1.0, 2.0], [3.0, 0.5], [-0.5, 3.0], [-2.0, -1.0]]);

case!(else_if_chain, |x, y| {
    let r = x * x + y * y;
    let g = if r < 1.0 {
        r * x
    } else if r < 4.0 {
        r.sqrt() * y
    } else if x > 0.0 {
        x.ln()
    } else {
        y
    };
    g * x
}, at [[0.3, 0.2], [1.0, 1.0], [3.0, 2.0], [-3.0, 2.0]]);

case!(match_on_values, |x, y| {
    let n = (x * 2.0).floor() as i64;
    let a = match n {
        0 => x * y,
        1 | 2 => x + y,
        3..=5 => x * x,
        k if k < 0 => -x * y,
        _ => y,
    };
    let b = match x * y {
        v if v > 1.0 => v.ln(),
        0.0..=1.0 => x,
        v => v * v,
    };
    a * b
}, at [[0.2, 2.0], [0.7, 0.5], [1.7, 3.0], [-0.7, 2.0], [4.0, 0.1], [0.3, -5.0]]);

case!(early_returns, |x, y| {
    if x > 2.0 {
        return x * y;
    }
    let a = x * x;
    if a < 0.25 {
        if y > 0.0 {
            return y * a;
        }
        let b = a + y;
        return b * b;
    }
    let c = match y > 1.0 {
        true => return a * y * y,
        false => a - y,
    };
    c * x
}, at [[3.0, 2.0], [0.3, 0.7], [0.3, -0.7], [1.0, 2.0], [1.0, 0.5]]);

case!(return_in_let_initializer, |x, y| {
    let r = if x < 0.0 {
        return y * y;
    } else {
        x.sqrt()
    };
    r * y
}, at [[-1.0, 2.0], [4.0, 0.5]]);

case!(piecewise_constant_methods, |x, y| {
    let k = (x * 3.0).floor() + y.round() + x.signum() + y.trunc() + x.ceil();
    k * x * y
}, at [[1.2, 0.3], [-0.5, 0.3]]);

case!(blocks_as_values, |x, y| {
    let a = {
        let t = x * y;
        let u = {
            let v = t + 1.0;
            v * v
        };
        u / t
    };
    (a + { x }) * (y)
}, at [[1.0, 2.0], [-0.5, 3.0]]);

trait ConstsE {
    fn consts_e() -> f64;
}
impl ConstsE for f64 {
    fn consts_e() -> f64 {
        std::f64::consts::E
    }
}
