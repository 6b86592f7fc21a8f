//! Found by the fuzzer (seed 101): nested loops after an early return, in a bundled Hessian; a tangent read in the inner loop was taken for read once and moved (E0382).
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn f(m0: &DMatrix<f64>) -> f64 {
let mut s1: f64 = 0.125;
if (s1 <= s1) {
return s1;
}
for i6 in 1usize..1usize {
let t9 = m0[(1usize, i6)];
for i10 in 1usize..1usize {
s1 = (t9 + s1);
}
}
(0.5 + s1)
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
fn f(m0: &DMatrix<f64>) -> f64 {
let mut s1: f64 = 0.125;
if (s1 <= s1) {
return s1;
}
for i6 in 1usize..1usize {
let t9 = m0[(1usize, i6)];
for i10 in 1usize..1usize {
s1 = (t9 + s1);
}
}
(0.5 + s1)
}
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(m0: &DMatrix<T>) -> T {
let mut s1 = T::k(0.125);
if ((s1).rv() <= (s1).rv()) {
return s1;
}
for i6 in 1usize..1usize {
let t9 = m0[(1usize, i6)];
for i10 in 1usize..1usize {
s1 = (t9 + s1);
}
}
(T::k(0.5) + s1)
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let m0_a = DMatrix::from_column_slice(3, 3, &z[0..9]);
let r = f_o(&m0_a);
vec![r]
}

// ---- checks ----
pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[1.99, 0.182, -0.045, 0.26, 2.081, 0.248, -0.127, 0.261, 2.096], &[1.831, 0.154, 0.204, 0.027, 2.012, 0.276, 0.2, 0.018, 1.914]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }

let m0_a = DMatrix::from_column_slice(3, 3, &z[0..9]);
let (_, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<9>, 9>| oracle_flat(d.as_slice())[0], &SVector::<f64, 9>::from_column_slice(z));
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
checked += 1;
let value = f(&m0_a);
support::compare("value", &support::flat(&value), &want, z)?;
let (value2, grad) = f_value_and_grad(&m0_a);
support::compare("value_and_grad value", &[value2], &want, z)?;
let grad2 = f_grad(&m0_a);
support::compare("gradient", &support::flat(&grad2), og.as_slice(), z)?;
support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
let h = f_hessian(&m0_a);
support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
let d: Vec<f64> = (0..9).map(|i| 0.7 - 0.37 * i as f64).collect();
let hv = f_hvp(&m0_a, &DMatrix::from_column_slice(3, 3, &d[0..9]));
let ohv = oh * SVector::<f64, 9>::from_column_slice(&d);
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
Ok(checked)
}
