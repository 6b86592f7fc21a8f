//! Found by the fuzzer (seed 101): a while loop whose condition takes tanh of a value past 710; the oracle (num-dual tanh = sinh/cosh) gave NaN and left the loop early, so it disagreed with matdiff, which was right.
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn h(p: f64) -> f64 {
let mut s1: f64 = (-1.375);
let mut k3: usize = 0;
while k3 < 6 && (s1.tanh() < 0.9375) {
k3 += 1;
s1 += s1.mul_add((k3 as f64), p);
}
(p - s1)
}
#[differentiate]
fn f(x0: f64, v0: &DVector<f64>, m0: &DMatrix<f64>) -> Vec<f64> {
let t8 = x0;
vec![x0, h(t8), x0]
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
fn h(p: f64) -> f64 {
let mut s1: f64 = (-1.375);
let mut k3: usize = 0;
while k3 < 6 && (s1.tanh() < 0.9375) {
k3 += 1;
s1 += s1.mul_add((k3 as f64), p);
}
(p - s1)
}
fn f(x0: f64, v0: &DVector<f64>, m0: &DMatrix<f64>) -> Vec<f64> {
let t8 = x0;
vec![x0, h(t8), x0]
}
}

// ---- oracle and checks (not matdiff) ----

fn h_o<T: support::Num>(p: T) -> T {
let mut s1 = T::k(-1.375);
let mut k3: usize = 0;
while k3 < 6 && ((s1.tanh()).rv() < (T::k(0.9375)).rv()) {
k3 += 1;
s1 += s1.mul_add(T::k(k3 as f64), p);
}
(p - s1)
}
fn f_o<T: support::Num>(x0: T, v0: &DVector<T>, m0: &DMatrix<T>) -> Vec<T> {
let t8 = x0;
vec![x0, h_o(t8), x0]
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let x0_a = z[0];
let v0_a = DVector::from_column_slice(&z[1..4]);
let m0_a = DMatrix::from_column_slice(3, 3, &z[4..13]);
let r = f_o(x0_a, &v0_a, &m0_a);
r
}

// ---- checks ----
pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[-1.106, 0.001, 0.285, 0.467, 2.274, 0.202, 0.03, 0.122, 1.846, 0.166, 0.188, 0.118, 1.741], &[0.824, -0.693, -0.216, 0.311, 1.954, 0.129, 0.27, 0.109, 1.768, 0.194, -0.229, 0.06, 2.153]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }

let x0_a = z[0];
let v0_a = DVector::from_column_slice(&z[1..4]);
let m0_a = DMatrix::from_column_slice(3, 3, &z[4..13]);
let oj: Vec<Vec<f64>> = (0..want.len()).map(|r| num_dual::gradient(|d: SVector<DualSVec64<13>, 13>| oracle_flat(d.as_slice())[r], &SVector::<f64, 13>::from_column_slice(z)).1.as_slice().to_vec()).collect();
if !oj.iter().flatten().all(|v| v.is_finite()) { continue; }
checked += 1;
let value = f(x0_a, &v0_a, &m0_a);
support::compare("value", &support::flat(&value), &want, z)?;
let j = f_jacobian(x0_a, &v0_a, &m0_a);
support::compare_rows("jacobian", &support::Rows::rows(&j), &oj, z)?;
}
Ok(checked)
}
