//! Run-time support of the generated programs: the oracle's scalar trait and the comparisons.

use nalgebra::{DMatrix, DVector};
use num_dual::{DualNum, DualStruct};
use std::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Sub, SubAssign};

/// The scalar of an oracle function: `f64` for values, num-dual's duals for derivatives.
/// Branches read `rv`, so the oracle follows the same path as the plain function.
pub trait Num:
    Copy
    + nalgebra::Scalar
    + num_traits::Zero
    + num_traits::One
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + AddAssign
    + SubAssign
    + MulAssign
    + DivAssign
    + std::iter::Sum
{
    fn k(c: f64) -> Self;
    fn rv(self) -> f64;
    fn exp(self) -> Self;
    fn ln(self) -> Self;
    fn sin(self) -> Self;
    fn cos(self) -> Self;
    fn tan(self) -> Self;
    fn tanh(self) -> Self;
    fn sinh(self) -> Self;
    fn cosh(self) -> Self;
    fn atan(self) -> Self;
    fn asinh(self) -> Self;
    fn sqrt(self) -> Self;
    fn cbrt(self) -> Self;
    fn exp_m1(self) -> Self;
    fn ln_1p(self) -> Self;
    fn recip(self) -> Self;
    fn abs(self) -> Self;
    fn floor(self) -> Self;
    fn round(self) -> Self;
    fn powi(self, n: i32) -> Self;
    fn powf(self, e: Self) -> Self;
    fn hypot(self, o: Self) -> Self;
    fn atan2(self, o: Self) -> Self;
    fn min(self, o: Self) -> Self;
    fn max(self, o: Self) -> Self;
    fn clamp(self, lo: Self, hi: Self) -> Self;
    fn mul_add(self, a: Self, b: Self) -> Self;
}

impl<D: DualNum<Primitive = f64> + DualStruct<Real = f64> + Copy + nalgebra::Scalar> Num for D {
    fn k(c: f64) -> Self {
        D::from(c)
    }
    fn rv(self) -> f64 {
        DualStruct::re(&self)
    }
    fn exp(self) -> Self {
        DualNum::exp(&self)
    }
    fn ln(self) -> Self {
        DualNum::ln(&self)
    }
    fn sin(self) -> Self {
        DualNum::sin(&self)
    }
    fn cos(self) -> Self {
        DualNum::cos(&self)
    }
    fn tan(self) -> Self {
        DualNum::tan(&self)
    }
    fn tanh(self) -> Self {
        // num-dual's tanh is sinh / cosh, which is NaN once |x| passes about
        // 710; a branch on it would then take the wrong arm. Beyond |x| = 20
        // the same value and derivatives come from e^-2|x|, which cannot
        // overflow.
        let x = self.rv();
        if x.abs() < 20.0 {
            DualNum::tanh(&self)
        } else {
            let sign = Self::k(x.signum());
            let a = self * sign;
            let e = Num::exp(a * Self::k(-2.0));
            sign * (Self::k(1.0) - Self::k(2.0) * e / (Self::k(1.0) + e))
        }
    }
    fn sinh(self) -> Self {
        DualNum::sinh(&self)
    }
    fn cosh(self) -> Self {
        DualNum::cosh(&self)
    }
    fn atan(self) -> Self {
        DualNum::atan(&self)
    }
    fn asinh(self) -> Self {
        DualNum::asinh(&self)
    }
    fn sqrt(self) -> Self {
        DualNum::sqrt(&self)
    }
    fn cbrt(self) -> Self {
        DualNum::cbrt(&self)
    }
    fn exp_m1(self) -> Self {
        DualNum::exp_m1(&self)
    }
    fn ln_1p(self) -> Self {
        DualNum::ln_1p(&self)
    }
    fn recip(self) -> Self {
        DualNum::recip(&self)
    }
    fn abs(self) -> Self {
        if self.rv() < 0.0 { -self } else { self }
    }
    fn floor(self) -> Self {
        Self::k(self.rv().floor())
    }
    fn round(self) -> Self {
        Self::k(self.rv().round())
    }
    fn powi(self, n: i32) -> Self {
        DualNum::powi(&self, n)
    }
    fn powf(self, e: Self) -> Self {
        DualNum::powd(&self, e)
    }
    fn hypot(self, o: Self) -> Self {
        Num::sqrt(self * self + o * o)
    }
    fn atan2(self, o: Self) -> Self {
        DualNum::atan2(&self, o)
    }
    fn min(self, o: Self) -> Self {
        if o.rv() < self.rv() { o } else { self }
    }
    fn max(self, o: Self) -> Self {
        if o.rv() > self.rv() { o } else { self }
    }
    fn clamp(self, lo: Self, hi: Self) -> Self {
        Num::min(Num::max(self, lo), hi)
    }
    fn mul_add(self, a: Self, b: Self) -> Self {
        self * a + b
    }
}

/// A float with a first-order bound on the rounding error it carries
/// (running error analysis, after Wilkinson): each operation adds an ulp's
/// worth of its result, and carries its operands' bounds through its
/// partial derivatives. The oracle evaluated on it tells where the f64
/// oracle itself is mostly rounding, as in the difference of two huge
/// terms (`(x - s) + (s + y)` with `s` near 1e15), where num-dual's
/// derivatives are no reference either.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tracked {
    pub v: f64,
    pub err: f64,
}

impl Tracked {
    /// The result `v` of an operation whose operands carry `(partial, err)`.
    fn op(v: f64, operands: &[(f64, f64)]) -> Self {
        if !v.is_finite() {
            PASSED_NON_FINITE.with(|seen| seen.set(true));
        }
        let carried: f64 = operands.iter().map(|&(d, e)| if e == 0.0 { 0.0 } else { (d * e).abs() }).sum();
        let err = carried + f64::EPSILON * v.abs();
        Tracked { v, err: if err.is_nan() { f64::INFINITY } else { err } }
    }
    fn unary(self, v: f64, d: f64) -> Self {
        Tracked::op(v, &[(d, self.err)])
    }
    fn exact(v: f64) -> Self {
        Tracked { v, err: 0.0 }
    }
}

thread_local! {
    static PASSED_NON_FINITE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the oracle can judge matdiff at a point: `values` (the oracle
/// evaluated on [`Tracked`] floats) carry a rounding error well below the
/// tolerance of [`close`], so that a disagreement is matdiff's and not the
/// oracle's; and no operation on the way gave an infinity or a NaN. Where
/// one did (`s += s.powi(3)` overflowing, then `s = x` overwriting it), the
/// result may still be finite, but forward and reverse derivatives differ
/// by convention: the reverse sweep multiplies the zero cotangent of the
/// overwritten value by an infinite partial derivative (NaN), the forward
/// sweep (the oracle) never meets it.
pub fn oracle_judges(values: impl FnOnce() -> Vec<Tracked>) -> bool {
    PASSED_NON_FINITE.with(|seen| seen.set(false));
    let values = values();
    let passed_non_finite = PASSED_NON_FINITE.with(|seen| seen.get());
    !passed_non_finite && values.iter().all(|t| !t.v.is_finite() || t.err <= 1e-9 * (1.0 + t.v.abs()))
}

pub fn tracked(z: &[f64]) -> Vec<Tracked> {
    z.iter().map(|&v| Tracked::exact(v)).collect()
}

impl num_traits::Zero for Tracked {
    fn zero() -> Self {
        Tracked::exact(0.0)
    }
    fn is_zero(&self) -> bool {
        self.v == 0.0
    }
}

impl num_traits::One for Tracked {
    fn one() -> Self {
        Tracked::exact(1.0)
    }
}

impl Add for Tracked {
    type Output = Self;
    fn add(self, o: Self) -> Self {
        Tracked::op(self.v + o.v, &[(1.0, self.err), (1.0, o.err)])
    }
}

impl Sub for Tracked {
    type Output = Self;
    fn sub(self, o: Self) -> Self {
        Tracked::op(self.v - o.v, &[(1.0, self.err), (1.0, o.err)])
    }
}

impl Mul for Tracked {
    type Output = Self;
    fn mul(self, o: Self) -> Self {
        Tracked::op(self.v * o.v, &[(o.v, self.err), (self.v, o.err)])
    }
}

impl Div for Tracked {
    type Output = Self;
    fn div(self, o: Self) -> Self {
        let q = self.v / o.v;
        Tracked::op(q, &[(1.0 / o.v, self.err), (q / o.v, o.err)])
    }
}

impl Neg for Tracked {
    type Output = Self;
    fn neg(self) -> Self {
        Tracked { v: -self.v, err: self.err }
    }
}

impl AddAssign for Tracked {
    fn add_assign(&mut self, o: Self) {
        *self = *self + o;
    }
}

impl SubAssign for Tracked {
    fn sub_assign(&mut self, o: Self) {
        *self = *self - o;
    }
}

impl MulAssign for Tracked {
    fn mul_assign(&mut self, o: Self) {
        *self = *self * o;
    }
}

impl DivAssign for Tracked {
    fn div_assign(&mut self, o: Self) {
        *self = *self / o;
    }
}

impl std::iter::Sum for Tracked {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Tracked::exact(-0.0), |a, b| a + b)
    }
}

impl Num for Tracked {
    fn k(c: f64) -> Self {
        Tracked::exact(c)
    }
    fn rv(self) -> f64 {
        self.v
    }
    fn exp(self) -> Self {
        let e = self.v.exp();
        self.unary(e, e)
    }
    fn ln(self) -> Self {
        self.unary(self.v.ln(), 1.0 / self.v)
    }
    fn sin(self) -> Self {
        self.unary(self.v.sin(), self.v.cos())
    }
    fn cos(self) -> Self {
        self.unary(self.v.cos(), self.v.sin())
    }
    fn tan(self) -> Self {
        let t = self.v.tan();
        self.unary(t, 1.0 + t * t)
    }
    fn tanh(self) -> Self {
        let t = self.v.tanh();
        self.unary(t, 1.0 - t * t)
    }
    fn sinh(self) -> Self {
        self.unary(self.v.sinh(), self.v.cosh())
    }
    fn cosh(self) -> Self {
        self.unary(self.v.cosh(), self.v.sinh())
    }
    fn atan(self) -> Self {
        self.unary(self.v.atan(), 1.0 / (1.0 + self.v * self.v))
    }
    fn asinh(self) -> Self {
        self.unary(self.v.asinh(), 1.0 / (1.0 + self.v * self.v).sqrt())
    }
    fn sqrt(self) -> Self {
        let r = self.v.sqrt();
        self.unary(r, 0.5 / r)
    }
    fn cbrt(self) -> Self {
        let r = self.v.cbrt();
        self.unary(r, 1.0 / (3.0 * r * r))
    }
    fn exp_m1(self) -> Self {
        self.unary(self.v.exp_m1(), self.v.exp())
    }
    fn ln_1p(self) -> Self {
        self.unary(self.v.ln_1p(), 1.0 / (1.0 + self.v))
    }
    fn recip(self) -> Self {
        self.unary(1.0 / self.v, 1.0 / (self.v * self.v))
    }
    fn abs(self) -> Self {
        Tracked { v: self.v.abs(), err: self.err }
    }
    fn floor(self) -> Self {
        Tracked::exact(self.v.floor())
    }
    fn round(self) -> Self {
        Tracked::exact(self.v.round())
    }
    fn powi(self, n: i32) -> Self {
        self.unary(self.v.powi(n), n as f64 * self.v.powi(n - 1))
    }
    fn powf(self, e: Self) -> Self {
        let p = self.v.powf(e.v);
        Tracked::op(p, &[(e.v * self.v.powf(e.v - 1.0), self.err), (p * self.v.ln(), e.err)])
    }
    fn hypot(self, o: Self) -> Self {
        let h = self.v.hypot(o.v);
        Tracked::op(h, &[(self.v / h, self.err), (o.v / h, o.err)])
    }
    fn atan2(self, o: Self) -> Self {
        let r2 = self.v * self.v + o.v * o.v;
        Tracked::op(self.v.atan2(o.v), &[(o.v / r2, self.err), (self.v / r2, o.err)])
    }
    fn min(self, o: Self) -> Self {
        if o.v < self.v { o } else { self }
    }
    fn max(self, o: Self) -> Self {
        if o.v > self.v { o } else { self }
    }
    fn clamp(self, lo: Self, hi: Self) -> Self {
        Num::min(Num::max(self, lo), hi)
    }
    fn mul_add(self, a: Self, b: Self) -> Self {
        self * a + b
    }
}

pub fn sigmoid<T: Num>(x: T) -> T {
    if x.rv() >= 0.0 {
        T::k(1.0) / (T::k(1.0) + Num::exp(-x))
    } else {
        let e = Num::exp(x);
        e / (T::k(1.0) + e)
    }
}

pub fn softplus<T: Num>(x: T) -> T {
    if x.rv() > 0.0 { x + Num::ln_1p(Num::exp(-x)) } else { Num::ln_1p(Num::exp(x)) }
}

pub fn logaddexp<T: Num>(a: T, b: T) -> T {
    let m = if a.rv() > b.rv() { a } else { b };
    m + Num::ln(Num::exp(a - m) + Num::exp(b - m))
}

/// Gauss-Jordan elimination with partial pivoting on the real parts: the
/// oracle's `inv` and `solve`, written out because the dual types are not
/// nalgebra `ComplexField`s.
pub fn solve<T: Num>(a: &DMatrix<T>, b: &DMatrix<T>) -> DMatrix<T> {
    let n = a.nrows();
    let mut m = a.clone();
    let mut r = b.clone();
    for col in 0..n {
        let p = (col..n).max_by(|&i, &j| m[(i, col)].rv().abs().total_cmp(&m[(j, col)].rv().abs())).unwrap();
        m.swap_rows(col, p);
        r.swap_rows(col, p);
        let d = m[(col, col)];
        for j in 0..n {
            m[(col, j)] = m[(col, j)] / d;
        }
        for j in 0..r.ncols() {
            r[(col, j)] = r[(col, j)] / d;
        }
        for i in 0..n {
            if i != col {
                let f = m[(i, col)];
                for j in 0..n {
                    let t = m[(col, j)];
                    m[(i, j)] -= f * t;
                }
                for j in 0..r.ncols() {
                    let t = r[(col, j)];
                    r[(i, j)] -= f * t;
                }
            }
        }
    }
    r
}

pub fn solve_vec<T: Num>(a: &DMatrix<T>, b: &DVector<T>) -> DVector<T> {
    let r = solve(a, &DMatrix::from_column_slice(b.len(), 1, b.as_slice()));
    DVector::from_column_slice(r.as_slice())
}

pub fn inv<T: Num>(a: &DMatrix<T>) -> DMatrix<T> {
    solve(a, &DMatrix::identity(a.nrows(), a.nrows()))
}

/// ln |det A| from an LU factorisation with partial pivoting.
pub fn logdet<T: Num>(a: &DMatrix<T>) -> T {
    let n = a.nrows();
    let mut m = a.clone();
    let mut acc = T::k(0.0);
    for col in 0..n {
        let p = (col..n).max_by(|&i, &j| m[(i, col)].rv().abs().total_cmp(&m[(j, col)].rv().abs())).unwrap();
        m.swap_rows(col, p);
        let d = m[(col, col)];
        // A singular matrix: ln 0 = -inf, as matdiff's logdet gives; going
        // on would divide 0 by 0 and turn it into NaN.
        if d.rv() == 0.0 {
            return Num::ln(Num::abs(d));
        }
        acc += Num::ln(Num::abs(d));
        for i in col + 1..n {
            let f = m[(i, col)] / d;
            for j in col..n {
                let t = m[(col, j)];
                m[(i, j)] -= f * t;
            }
        }
    }
    acc
}

/// Flattens a gradient of any shape the macro returns, in argument order
/// (matrices column by column, which is nalgebra's storage order).
pub trait Flat {
    fn flat(&self, out: &mut Vec<f64>);
}

impl Flat for f64 {
    fn flat(&self, out: &mut Vec<f64>) {
        out.push(*self);
    }
}

impl<T: Flat, const N: usize> Flat for [T; N] {
    fn flat(&self, out: &mut Vec<f64>) {
        self.iter().for_each(|v| v.flat(out));
    }
}

impl<T: Flat> Flat for Vec<T> {
    fn flat(&self, out: &mut Vec<f64>) {
        self.iter().for_each(|v| v.flat(out));
    }
}

impl<R: nalgebra::Dim, C: nalgebra::Dim, S: nalgebra::RawStorage<f64, R, C>> Flat for nalgebra::Matrix<f64, R, C, S> {
    fn flat(&self, out: &mut Vec<f64>) {
        out.extend(self.iter().copied());
    }
}

macro_rules! flat_tuple {
    ($($name:ident $idx:tt),+) => {
        impl<$($name: Flat),+> Flat for ($($name,)+) {
            fn flat(&self, out: &mut Vec<f64>) {
                $(self.$idx.flat(out);)+
            }
        }
    };
}
flat_tuple!(A 0, B 1);
flat_tuple!(A 0, B 1, C 2);
flat_tuple!(A 0, B 1, C 2, D 3);
flat_tuple!(A 0, B 1, C 2, D 3, E 4);
flat_tuple!(A 0, B 1, C 2, D 3, E 4, F 5);

pub fn flat<T: Flat>(v: &T) -> Vec<f64> {
    let mut out = Vec::new();
    v.flat(&mut out);
    out
}

/// Rows of a Hessian or Jacobian, whichever container the macro chose.
pub trait Rows {
    fn rows(&self) -> Vec<Vec<f64>>;
}

impl<const N: usize, const M: usize> Rows for [[f64; N]; M] {
    fn rows(&self) -> Vec<Vec<f64>> {
        self.iter().map(|r| r.to_vec()).collect()
    }
}

impl Rows for Vec<Vec<f64>> {
    fn rows(&self) -> Vec<Vec<f64>> {
        self.clone()
    }
}

impl<R: nalgebra::Dim, C: nalgebra::Dim, S: nalgebra::RawStorage<f64, R, C>> Rows for nalgebra::Matrix<f64, R, C, S> {
    fn rows(&self) -> Vec<Vec<f64>> {
        (0..self.nrows()).map(|i| (0..self.ncols()).map(|j| self[(i, j)]).collect()).collect()
    }
}

/// Tight enough to catch a wrong sign, factor or dropped term, loose enough
/// for two evaluation orders of the same formula.
pub fn close(a: f64, b: f64, scale: f64) -> bool {
    if a.is_nan() && b.is_nan() {
        return true;
    }
    if a.is_finite() != b.is_finite() {
        return false;
    }
    if !a.is_finite() {
        return a == b;
    }
    (a - b).abs() <= 1e-7 * (1.0 + a.abs().max(b.abs()).max(scale))
}

/// Whether the oracle's groups move by less than a tolerance's worth when
/// every input moves by `DELTA` relative: a condition number below about
/// 1e5, so rounding in two evaluation orders stays well inside the
/// tolerance of [`close`]. Points nearer a branch's edge than `DELTA` fail
/// too, which is as it should be: there the two sides are both right.
/// Rounding that the oracle itself suffers (the difference of huge terms)
/// moves little here; [`rounding_small`] is the check for that.
pub fn well_conditioned(z: &[f64], groups: impl Fn(&[f64]) -> Vec<Vec<f64>>) -> bool {
    const DELTA: f64 = 1e-11;
    let base = groups(z);
    [1.0, -1.0].iter().all(|sign| {
        let moved: Vec<f64> = z
            .iter()
            .enumerate()
            .map(|(k, v)| v + sign * if k % 2 == 0 { DELTA } else { -DELTA } * (1.0 + v.abs()))
            .collect();
        let other = groups(&moved);
        base.len() == other.len()
            && base.iter().zip(&other).all(|(a, b)| {
                let scale = a.iter().fold(0.0f64, |m, v| if v.is_finite() { m.max(v.abs()) } else { m }) * 1e-3;
                a.len() == b.len()
                    && a.iter().zip(b).all(|(x, y)| {
                        (x.is_nan() && y.is_nan())
                            || x == y
                            || (x - y).abs() <= 1e-5 * (1.0 + x.abs().max(y.abs()).max(scale))
                    })
            })
    })
}

pub fn compare(what: &str, got: &[f64], want: &[f64], at: &[f64]) -> Result<(), String> {
    if got.len() != want.len() {
        return Err(format!("{what}: {} entries from matdiff, {} from the oracle at {at:?}", got.len(), want.len()));
    }
    let scale = want.iter().fold(0.0f64, |m, v| if v.is_finite() { m.max(v.abs()) } else { m }) * 1e-3;
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        if !close(*g, *w, scale) {
            return Err(format!("{what}[{i}]: matdiff {g:e}, oracle {w:e} at {at:?}"));
        }
    }
    Ok(())
}

pub fn compare_rows(what: &str, got: &[Vec<f64>], want: &[Vec<f64>], at: &[f64]) -> Result<(), String> {
    if got.len() != want.len() {
        return Err(format!("{what}: {} rows from matdiff, {} from the oracle at {at:?}", got.len(), want.len()));
    }
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        compare(&format!("{what} row {i}"), g, w, at)?;
    }
    Ok(())
}
