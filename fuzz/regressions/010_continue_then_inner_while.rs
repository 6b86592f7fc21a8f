//! Found by the fuzzer (seed 3, nalgebra mode): `continue` in a `while` loop, then an inner `while` that updates a carried float; E0596 (cannot borrow value as mutable) in the expansion.
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn h(p: f64, q: f64) -> f64 {
let mut s1: f64 = 1.875;
let mut k2: usize = 0;
while k2 < 4 && (p <= 0.875) {
k2 += 1;
if (s1.abs() <= (-0.0625)) {
continue;
}
let mut k4: usize = 0;
while k4 < 5 && (p <= 0.1875) {
k4 += 1;
if (!(k2 == 1usize)) {
s1 += (s1 + p);
}
}
}
(s1 + s1)
}
#[differentiate]
fn f(x0: f64, m0: &DMatrix<f64>) -> f64 {
x0
}

// ---- oracle and checks (not matdiff) ----

fn h_o<T: support::Num>(p: T, q: T) -> T {
let mut s1 = T::k(1.875);
let mut k2: usize = 0;
while k2 < 4 && ((p).rv() <= (T::k(0.875)).rv()) {
k2 += 1;
if ((s1.abs()).rv() <= (T::k(-0.0625)).rv()) {
continue;
}
let mut k4: usize = 0;
while k4 < 5 && ((p).rv() <= (T::k(0.1875)).rv()) {
k4 += 1;
if (!(k2 == 1usize)) {
s1 += (s1 + p);
}
}
}
(s1 + s1)
}
fn f_o<T: support::Num>(x0: T, m0: &DMatrix<T>) -> T {
x0
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let x0_a = z[0];
let m0_a = DMatrix::from_column_slice(3, 3, &z[1..10]);
let r = f_o(x0_a, &m0_a);
vec![r]
}

pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[-0.061, 1.825, 0.129, 0.03, -0.194, 1.905, 0.082, 0.175, 0.024, 1.807], &[-1.13, 1.823, 0.298, -0.177, 0.063, 1.728, 0.036, 0.216, 0.096, 2.286]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }

let x0_a = z[0];
let m0_a = DMatrix::from_column_slice(3, 3, &z[1..10]);
let (_, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<10>, 10>| oracle_flat(d.as_slice())[0], &SVector::<f64, 10>::from_column_slice(z));
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
checked += 1;
let value = f(x0_a, &m0_a);
support::compare("value", &support::flat(&value), &want, z)?;
let (value2, grad) = f_value_and_grad(x0_a, &m0_a);
support::compare("value_and_grad value", &[value2], &want, z)?;
let grad2 = f_grad(x0_a, &m0_a);
support::compare("gradient", &support::flat(&grad2), og.as_slice(), z)?;
support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
let h = f_hessian(x0_a, &m0_a);
support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
let d: Vec<f64> = (0..10).map(|i| 0.7 - 0.37 * i as f64).collect();
let hv = f_hvp(x0_a, &m0_a, (d[0], &DMatrix::from_column_slice(3, 3, &d[1..10])));
let ohv = oh * SVector::<f64, 10>::from_column_slice(&d);
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
Ok(checked)
}
