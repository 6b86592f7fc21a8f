//! Rules of the `f32`/`f64` methods, written as their first and second
//! derivatives.
//!
//! Where a function is not differentiable at a point, the rule picks one
//! value and says which:
//!
//! | function | point | derivative used |
//! |---|---|---|
//! | `abs` | 0 | 0 (the subgradient of least norm) |
//! | `min`, `max` | a tie | all of it to the receiver (`a` in `a.min(b)`) |
//! | `clamp` | at a bound | to the receiver |
//! | `sqrt`, `cbrt` | 0 | +infinity (the one-sided limit, as IEEE gives it) |
//! | `hypot` | (0, 0) | 0 in both arguments |
//! | `atan2` | (0, 0) | 0 in both arguments |
//! | `powf` | base 0 | 0 in the exponent (`0^p` is constant 0 for `p > 0`) |
//! | `powi` | exponent 0 | 0 (`x^0` is constant 1, also at `x = 0`) |
//! | `%` | a jump | the one-sided derivative of the piece in use |
//! | `floor`, `ceil`, `round`, `trunc`, `signum` | everywhere | 0 (piecewise constant) |

unary_rule! {
    /// `x.sqrt()`.
    sqrt |x, y| d: F::one() / (F::of(2.0) * y), dd: -F::one() / (F::of(4.0) * y * y * y)
}

unary_rule! {
    /// `x.cbrt()`.
    cbrt |x, y| d: F::one() / (F::of(3.0) * y * y),
        // -2 / (9 x y^2) = -2 / (9 y^5), with y's error counted twice, not
        // five times.
        dd: -F::of(2.0) / (F::of(9.0) * x * y * y)
}

unary_rule! {
    /// `x.exp()`.
    exp |x, y| d: y, dd: y
}

unary_rule! {
    /// `x.exp2()`.
    exp2 |x, y| d: F::LN_2() * y, dd: F::LN_2() * F::LN_2() * y
}

unary_rule! {
    /// `x.exp_m1()`.
    exp_m1 |x, y| d: super::exp_m1_derivative(x, y), dd: super::exp_m1_derivative(x, y)
}

/// e^x from y = e^x - 1: y + 1 where that is exact to an ulp, e^x where y
/// is near -1 and y + 1 would cancel (all of it below about x = -37).
#[inline(always)]
fn exp_m1_derivative<F: crate::Scalar>(x: F, y: F) -> F {
    if y >= -F::of(0.5) { y + F::one() } else { x.exp() }
}

unary_rule! {
    /// `x.ln()`.
    ln |x, y| d: x.recip(), dd: -(x * x).recip()
}

unary_rule! {
    /// `x.ln_1p()`.
    ln_1p |x, y| d: (F::one() + x).recip(), dd: -((F::one() + x) * (F::one() + x)).recip()
}

unary_rule! {
    /// `x.log2()`.
    log2 |x, y| d: (x * F::LN_2()).recip(), dd: -(x * x * F::LN_2()).recip()
}

unary_rule! {
    /// `x.log10()`.
    log10 |x, y| d: (x * F::LN_10()).recip(), dd: -(x * x * F::LN_10()).recip()
}

unary_rule! {
    /// `x.sin()`.
    sin |x, y| d: x.cos(), dd: -y
}

unary_rule! {
    /// `x.cos()`.
    cos |x, y| d: -x.sin(), dd: -y
}

unary_rule! {
    /// `x.tan()`.
    tan |x, y| d: F::one() + y * y, dd: F::of(2.0) * y * (F::one() + y * y)
}

unary_rule! {
    /// `x.asin()`.
    asin |x, y| d: super::one_minus_square(x).sqrt().recip(),
        dd: {
            let u = super::one_minus_square(x);
            x / (u * u.sqrt())
        }
}

/// 1 - x^2 as (1 - x)(1 + x): near |x| = 1 one factor is exact, where
/// 1 - x * x loses the rounding of x * x, relative error eps / (1 - |x|).
#[inline(always)]
fn one_minus_square<F: crate::Scalar>(x: F) -> F {
    (F::one() - x) * (F::one() + x)
}

unary_rule! {
    /// `x.acos()`.
    acos |x, y| d: -super::one_minus_square(x).sqrt().recip(),
        dd: {
            let u = super::one_minus_square(x);
            -x / (u * u.sqrt())
        }
}

unary_rule! {
    /// `x.atan()`.
    atan |x, y| d: (F::one() + x * x).recip(),
        // -2 x d^2 as -2 (x d) d: (1 + x^2)^2 overflows from |x| = 1e77 on,
        // where the result, about -2 / x^3, is still a normal float.
        dd: {
            let d = (F::one() + x * x).recip();
            -F::of(2.0) * (x * d) * d
        }
}

unary_rule! {
    /// `x.sinh()`.
    sinh |x, y| d: x.cosh(), dd: y
}

unary_rule! {
    /// `x.cosh()`.
    cosh |x, y| d: x.sinh(), dd: y
}

unary_rule! {
    /// `x.tanh()`.
    tanh |x, y| d: super::tanh_derivative(x, y), dd: -F::of(2.0) * y * super::tanh_derivative(x, y)
}

/// 1 - tanh(x)^2. From y = tanh(x) where |y| < 1/2; beyond, 1 - y^2 loses
/// the tail to the rounding of y (all of it from about |x| = 19 on), so it is
/// 4 e / (1 + e)^2 with e = e^-2|x|, one exp.
#[inline(always)]
fn tanh_derivative<F: crate::Scalar>(x: F, y: F) -> F {
    if y.abs() < F::of(0.5) {
        (F::one() - y) * (F::one() + y)
    } else {
        let e = (-F::of(2.0) * x.abs()).exp();
        let one_e = F::one() + e;
        F::of(4.0) * e / (one_e * one_e)
    }
}

unary_rule! {
    /// `x.asinh()`.
    asinh |x, y| d: super::sqrt_square_plus_one(x).recip(),
        // -x / h^3 as -(x / h) d^2: h^3 overflows from |x| = 1e103 on.
        dd: {
            let h = super::sqrt_square_plus_one(x);
            let d = h.recip();
            -(x / h) * d * d
        }
}

/// sqrt(x^2 + 1), also where x^2 overflows (from |x| = 1e154 in f64): from
/// |x| = 1 / epsilon on it is |x| to the last bit. Cheaper than hypot.
#[inline(always)]
fn sqrt_square_plus_one<F: crate::Scalar>(x: F) -> F {
    if x.abs() < F::epsilon().recip() { (x * x + F::one()).sqrt() } else { x.abs() }
}

unary_rule! {
    /// `x.acosh()`.
    acosh |x, y| d: super::acosh_derivative(x),
        dd: {
            let d = super::acosh_derivative(x);
            -(x * d) * d * d
        }
}

/// 1 / sqrt(x^2 - 1) as 1 / sqrt((x - 1)(x + 1)): x - 1 is exact near 1,
/// where x * x - 1 cancels; and 1 / x from x = 1 / epsilon on, where it is
/// that to the last bit and the square may overflow.
#[inline(always)]
fn acosh_derivative<F: crate::Scalar>(x: F) -> F {
    if x < F::epsilon().recip() { ((x - F::one()) * (x + F::one())).sqrt().recip() } else { x.recip() }
}

unary_rule! {
    /// `x.atanh()`.
    atanh |x, y| d: super::one_minus_square(x).recip(),
        dd: {
            let d = super::one_minus_square(x).recip();
            F::of(2.0) * x * d * d
        }
}

unary_rule! {
    /// `x.abs()`: the derivative is the sign of `x`, and 0 at 0.
    abs |x, y| d: if x > F::zero() {
        F::one()
    } else if x < F::zero() {
        -F::one()
    } else {
        F::zero()
    }
}

unary_rule! {
    /// `x.recip()`.
    recip |x, y| d: -(y * y), dd: F::of(2.0) * y * y * y
}

unary_rule! {
    /// `x.fract()`: slope 1 on every piece.
    fract |x, y| d: F::one()
}

unary_rule! {
    /// `x.to_degrees()`.
    to_degrees |x, y| d: F::of(180.0) / F::PI()
}

unary_rule! {
    /// `x.to_radians()`.
    to_radians |x, y| d: F::PI() / F::of(180.0)
}

unary_rule! {
    /// `matdiff::sigmoid(x)` = 1 / (1 + e^-x).
    sigmoid |x, y| d: crate::functions::sigmoid_derivative(x),
        dd: crate::functions::sigmoid_second_derivative(x)
}

unary_rule! {
    /// `matdiff::softplus(x)` = ln(1 + e^x).
    softplus |x, y| d: crate::functions::sigmoid(x), dd: crate::functions::sigmoid_derivative(x)
}

binary_rule! {
    /// `x.powf(p)`.
    powf |x, p, y|
        d0: if p == F::zero() { F::zero() } else { p * super::power_less_one(x, p, y) },
        d1: if y == F::zero() { F::zero() } else { y * x.ln() },
        dd00: if p == F::zero() || p == F::one() {
            F::zero()
        } else if y.is_normal() {
            p * (p - F::one()) * (y / x / x)
        } else {
            p * (p - F::one()) * x.powf(p - F::of(2.0))
        },
        dd01: if x == F::zero() && p > F::one() {
            F::zero()
        } else {
            super::power_less_one(x, p, y) * (F::one() + p * x.ln())
        },
        dd11: if y == F::zero() { F::zero() } else { y * x.ln() * x.ln() },
}

binary_rule! {
    /// `x.log(base)` = ln x / ln base.
    log |x, base, y|
        d0: (x * base.ln()).recip(),
        d1: -y / (base * base.ln()),
        dd00: -(x * x * base.ln()).recip(),
        dd01: -(x * base * base.ln() * base.ln()).recip(),
        dd11: y * (base.ln() + F::of(2.0)) / (base * base * base.ln() * base.ln()),
}

binary_rule! {
    /// `a.atan2(b)`, the angle of the point (b, a); 0 derivatives at the origin.
    atan2 |a, b, y|
        d0: {
            let (ua, ub, r) = super::atan2_parts(a, b);
            if r == F::zero() { F::zero() } else { ub / r }
        },
        d1: {
            let (ua, ub, r) = super::atan2_parts(a, b);
            if r == F::zero() { F::zero() } else { -ua / r }
        },
        dd00: {
            let (ua, ub, r) = super::atan2_parts(a, b);
            if r == F::zero() { F::zero() } else { -F::of(2.0) * (ua / r) * (ub / r) }
        },
        dd01: {
            let (ua, ub, r) = super::atan2_parts(a, b);
            if r == F::zero() { F::zero() } else { (ua - ub) / r * ((ua + ub) / r) }
        },
        dd11: {
            let (ua, ub, r) = super::atan2_parts(a, b);
            if r == F::zero() { F::zero() } else { F::of(2.0) * (ua / r) * (ub / r) }
        },
}

/// (a, b, a^2 + b^2) where a^2 + b^2 is a normal float away from overflow
/// and underflow by a factor 1 / epsilon, else (a / h, b / h, h) with
/// h = hypot(a, b): the partials of atan2 are the same quotients of the
/// first two by the last either way, and the second form does not overflow
/// or underflow in between where the first would. hypot costs several
/// times the square, so only the extremes take it.
#[inline(always)]
fn atan2_parts<F: crate::Scalar>(a: F, b: F) -> (F, F, F) {
    let r2 = a * a + b * b;
    if r2 > F::min_positive_value() / F::epsilon() && r2 < F::max_value() * F::epsilon() {
        (a, b, r2)
    } else {
        let h = a.hypot(b);
        if h == F::zero() { (a, b, h) } else { (a / h, b / h, h) }
    }
}

binary_rule! {
    /// `a.hypot(b)` = sqrt(a^2 + b^2); 0 derivatives at the origin.
    hypot |a, b, y|
        d0: if y == F::zero() { F::zero() } else { a / y },
        d1: if y == F::zero() { F::zero() } else { b / y },
        dd00: if y == F::zero() { F::zero() } else { (b / y) * (b / y / y) },
        dd01: if y == F::zero() { F::zero() } else { -(a / y) * (b / y / y) },
        dd11: if y == F::zero() { F::zero() } else { (a / y) * (a / y / y) },
}

binary_rule! {
    /// `a.min(b)`: the derivative follows the argument returned; on a tie, `a`.
    min |a, b, y|
        d0: if a <= b || b.is_nan() { F::one() } else { F::zero() },
        d1: if a <= b || b.is_nan() { F::zero() } else { F::one() },
}

binary_rule! {
    /// `a.max(b)`: the derivative follows the argument returned; on a tie, `a`.
    max |a, b, y|
        d0: if a >= b || b.is_nan() { F::one() } else { F::zero() },
        d1: if a >= b || b.is_nan() { F::zero() } else { F::one() },
}

binary_rule! {
    /// `matdiff::logaddexp(a, b)` = ln(e^a + e^b).
    logaddexp |a, b, y|
        d0: crate::functions::logaddexp_weights(a, b).0,
        d1: crate::functions::logaddexp_weights(a, b).1,
        dd00: crate::functions::logaddexp_weights(a, b).2,
        dd01: -crate::functions::logaddexp_weights(a, b).2,
        dd11: crate::functions::logaddexp_weights(a, b).2,
}

/// x^(p - 1) from y = x^p: y / x where y is a normal float. The exponent
/// p - 1 rounds for p below 1/2, and x.powf turns that into a relative
/// error of |ln x| times as much (30 ulps at x = 1e100, p = 0.1).
#[inline(always)]
fn power_less_one<F: crate::Scalar>(x: F, p: F, y: F) -> F {
    if y.is_normal() { y / x } else { x.powf(p - F::one()) }
}

/// `x.powi(n)`: the exponent is an integer constant.
pub mod powi {
    use crate::{Linear, Scalar};

    /// n x^(n-1), and 0 for n = 0 (x^0 is constant, also at x = 0).
    #[inline(always)]
    pub fn d<F: Scalar>(x: F, n: i32) -> F {
        if n == 0 { F::zero() } else { F::of(n as f64) * x.powi(n - 1) }
    }

    /// n (n-1) x^(n-2), and 0 for n = 0 or 1.
    #[inline(always)]
    pub fn dd<F: Scalar>(x: F, n: i32) -> F {
        if n == 0 || n == 1 { F::zero() } else { F::of(n as f64) * F::of((n - 1) as f64) * x.powi(n - 2) }
    }

    #[inline(always)]
    pub fn jvp0<F: Scalar, T: Linear<F>>(x: &F, n: &i32, _y: &F, t: &T) -> T {
        t.scale(d(*x, *n))
    }

    #[inline(always)]
    pub fn vjp0<F: Scalar, T: Linear<F>>(x: &F, n: &i32, _y: &F, c: &T) -> T {
        c.scale(d(*x, *n))
    }

    #[inline(always)]
    pub fn vjp0_jvp0<F: Scalar, T: Linear<F>>(x: &F, n: &i32, _y: &F, c: &F, t: &T) -> T {
        t.scale(*c * dd(*x, *n))
    }
    by_value! {
        jvp0(x: F, n: i32, y: F, t: T);
        vjp0(x: F, n: i32, y: F, c: T);
        vjp0_jvp0(x: F, n: i32, y: F, c: F, t: T);
    }
}

/// `a.mul_add(b, c)` = a b + c.
pub mod mul_add {
    use crate::{Linear, Scalar};

    #[inline(always)]
    pub fn jvp0<F: Scalar, T: Linear<F>>(_a: &F, b: &F, _c: &F, _y: &F, t: &T) -> T {
        t.scale(*b)
    }
    #[inline(always)]
    pub fn jvp1<F: Scalar, T: Linear<F>>(a: &F, _b: &F, _c: &F, _y: &F, t: &T) -> T {
        t.scale(*a)
    }
    #[inline(always)]
    pub fn jvp2<F: Scalar, T: Linear<F>>(_a: &F, _b: &F, _c: &F, _y: &F, t: &T) -> T {
        t.clone()
    }
    #[inline(always)]
    pub fn vjp0<F: Scalar, T: Linear<F>>(_a: &F, b: &F, _c: &F, _y: &F, c: &T) -> T {
        c.scale(*b)
    }
    #[inline(always)]
    pub fn vjp1<F: Scalar, T: Linear<F>>(a: &F, _b: &F, _c: &F, _y: &F, c: &T) -> T {
        c.scale(*a)
    }
    #[inline(always)]
    pub fn vjp2<F: Scalar, T: Linear<F>>(_a: &F, _b: &F, _c: &F, _y: &F, c: &T) -> T {
        c.clone()
    }
    #[inline(always)]
    pub fn vjp0_jvp1<F: Scalar, T: Linear<F>>(_a: &F, _b: &F, _c: &F, _y: &F, c: &F, t: &T) -> T {
        t.scale(*c)
    }
    #[inline(always)]
    pub fn vjp1_jvp0<F: Scalar, T: Linear<F>>(_a: &F, _b: &F, _c: &F, _y: &F, c: &F, t: &T) -> T {
        t.scale(*c)
    }
    by_value! {
        jvp0(a: F, b: F, addend: F, y: F, t: T);
        jvp1(a: F, b: F, addend: F, y: F, t: T);
        jvp2(a: F, b: F, addend: F, y: F, t: T);
        vjp0(a: F, b: F, addend: F, y: F, c: T);
        vjp1(a: F, b: F, addend: F, y: F, c: T);
        vjp2(a: F, b: F, addend: F, y: F, c: T);
        vjp0_jvp1(a: F, b: F, addend: F, y: F, c: F, t: T);
        vjp1_jvp0(a: F, b: F, addend: F, y: F, c: F, t: T);
    }
}

/// `x.clamp(lo, hi)`: the derivative follows the argument returned; at a
/// bound, `x`.
pub mod clamp {
    use crate::{Linear, Scalar};

    /// Which argument the value comes from: 0 for `x`, 1 for `lo`, 2 for `hi`.
    #[inline(always)]
    fn chosen<F: Scalar>(x: F, lo: F, hi: F) -> usize {
        if x < lo {
            1
        } else if x > hi {
            2
        } else {
            0
        }
    }

    #[inline(always)]
    fn pick<F: Scalar, T: Linear<F>>(index: usize, x: &F, lo: &F, hi: &F, t: &T) -> T {
        if chosen(*x, *lo, *hi) == index { t.clone() } else { t.zero_like() }
    }

    #[inline(always)]
    pub fn jvp0<F: Scalar, T: Linear<F>>(x: &F, lo: &F, hi: &F, _y: &F, t: &T) -> T {
        pick(0, x, lo, hi, t)
    }
    #[inline(always)]
    pub fn jvp1<F: Scalar, T: Linear<F>>(x: &F, lo: &F, hi: &F, _y: &F, t: &T) -> T {
        pick(1, x, lo, hi, t)
    }
    #[inline(always)]
    pub fn jvp2<F: Scalar, T: Linear<F>>(x: &F, lo: &F, hi: &F, _y: &F, t: &T) -> T {
        pick(2, x, lo, hi, t)
    }
    #[inline(always)]
    pub fn vjp0<F: Scalar, T: Linear<F>>(x: &F, lo: &F, hi: &F, _y: &F, c: &T) -> T {
        pick(0, x, lo, hi, c)
    }
    #[inline(always)]
    pub fn vjp1<F: Scalar, T: Linear<F>>(x: &F, lo: &F, hi: &F, _y: &F, c: &T) -> T {
        pick(1, x, lo, hi, c)
    }
    #[inline(always)]
    pub fn vjp2<F: Scalar, T: Linear<F>>(x: &F, lo: &F, hi: &F, _y: &F, c: &T) -> T {
        pick(2, x, lo, hi, c)
    }
    by_value! {
        jvp0(x: F, lo: F, hi: F, y: F, t: T);
        jvp1(x: F, lo: F, hi: F, y: F, t: T);
        jvp2(x: F, lo: F, hi: F, y: F, t: T);
        vjp0(x: F, lo: F, hi: F, y: F, c: T);
        vjp1(x: F, lo: F, hi: F, y: F, c: T);
        vjp2(x: F, lo: F, hi: F, y: F, c: T);
    }
}
