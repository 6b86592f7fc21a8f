//! Found by the fuzzer (seed 2): a long nalgebra Hessian emitted in nested blocks did not hand on a mutable float that a later statement reads; E0425 (cannot find value `s1_1`).
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn h(p: f64) -> f64 {
(p.clamp((-0.25), 1.25) + p)
}
#[differentiate]
fn f(v0: &DVector<f64>) -> f64 {
let mut s1 = (1.0625f64).powi(-1);
for i2 in 0usize..4usize {
let t3 = matdiff::logaddexp(s1, s1);
if (1.625 < s1) {
let mut t4 = ((v0[((i2 + 2usize) % 3usize)] * v0[((i2 + 2usize) % 3usize)]) + 1.0).ln();
} else {
if (!(t3 <= 1.0)) {
if ((s1 > v0[2usize]) && (v0[((i2 + 2usize) % 3usize)] <= 0.125)) {
break;
}
} else {
if ((t3 * (-1.375)) <= ((-0.625) / ((1.125 * 1.125) + 1.0))) {
break;
}
}
}
}
let n6 = v0.map(|c5| c5.max(c5));
for i14 in 0usize..2usize {
let mut w15: [f64; 2] = [0.0; 2];
let mut t16 = matdiff::sigmoid(s1);
}
s1 *= (((((v0[1usize] * 1.25) * (v0[1usize] * 1.25)) + 1.0).ln().sin() * 0.5) + 1.0);
let mut s17 = (s1 + (s1 / ((s1 * s1) + 1.0)));
let mut k18: usize = 0;
while k18 < 4 && ((s17 / 2.0) < (-0.5)) {
k18 += 1;
let mut k19: usize = 0;
while k19 < 4 && (matdiff::sigmoid(s17) > 0.0) {
k19 += 1;
let n20 = v0.clone();
let t21 = (s17 - n20[0usize]);
let mut t22 = n20.dot(&n20);
}
let mut w23: [f64; 2] = [0.0; 2];
}
if ((-n6[2usize]).atan2((s1 + s17)) < n6.dot(&n6)) {
s1 = (s17 + 0.0);
let n24 = v0.clone();
}
(((n6.dot(&n6) + (s17 - s17)) + s17) * s1)
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
fn h(p: f64) -> f64 {
(p.clamp((-0.25), 1.25) + p)
}
fn f(v0: &DVector<f64>) -> f64 {
let mut s1 = (1.0625f64).powi(-1);
for i2 in 0usize..4usize {
let t3 = matdiff::logaddexp(s1, s1);
if (1.625 < s1) {
let mut t4 = ((v0[((i2 + 2usize) % 3usize)] * v0[((i2 + 2usize) % 3usize)]) + 1.0).ln();
} else {
if (!(t3 <= 1.0)) {
if ((s1 > v0[2usize]) && (v0[((i2 + 2usize) % 3usize)] <= 0.125)) {
break;
}
} else {
if ((t3 * (-1.375)) <= ((-0.625) / ((1.125 * 1.125) + 1.0))) {
break;
}
}
}
}
let n6 = v0.map(|c5| c5.max(c5));
for i14 in 0usize..2usize {
let mut w15: [f64; 2] = [0.0; 2];
let mut t16 = matdiff::sigmoid(s1);
}
s1 *= (((((v0[1usize] * 1.25) * (v0[1usize] * 1.25)) + 1.0).ln().sin() * 0.5) + 1.0);
let mut s17 = (s1 + (s1 / ((s1 * s1) + 1.0)));
let mut k18: usize = 0;
while k18 < 4 && ((s17 / 2.0) < (-0.5)) {
k18 += 1;
let mut k19: usize = 0;
while k19 < 4 && (matdiff::sigmoid(s17) > 0.0) {
k19 += 1;
let n20 = v0.clone();
let t21 = (s17 - n20[0usize]);
let mut t22 = n20.dot(&n20);
}
let mut w23: [f64; 2] = [0.0; 2];
}
if ((-n6[2usize]).atan2((s1 + s17)) < n6.dot(&n6)) {
s1 = (s17 + 0.0);
let n24 = v0.clone();
}
(((n6.dot(&n6) + (s17 - s17)) + s17) * s1)
}
}

// ---- oracle and checks (not matdiff) ----

fn h_o<T: support::Num>(p: T) -> T {
(p.clamp(T::k(-0.25), T::k(1.25)) + p)
}
fn f_o<T: support::Num>(v0: &DVector<T>) -> T {
let mut s1 = ((T::k(-0.25) * T::k(-0.25)) + T::k(1.0)).powi(-1);
for i2 in 0usize..4usize {
let t3 = support::logaddexp(s1, s1);
if ((T::k(1.625)).rv() < (s1).rv()) {
let mut t4 = ((v0[((i2 + 2usize) % 3usize)] * v0[((i2 + 2usize) % 3usize)]) + T::k(1.0)).ln();
} else {
if (!((t3).rv() <= (T::k(1.0)).rv())) {
if (((s1).rv() > (v0[2usize]).rv()) && ((v0[((i2 + 2usize) % 3usize)]).rv() <= (T::k(0.125)).rv())) {
break;
}
} else {
if (((t3 * T::k(-1.375))).rv() <= ((T::k(-0.625) / ((T::k(1.125) * T::k(1.125)) + T::k(1.0)))).rv()) {
break;
}
}
}
}
let n6 = v0.map(|c5| c5.max(c5));
for i14 in 0usize..2usize {
let mut w15: [T; 2] = [T::k(0.0); 2];
let mut t16 = support::sigmoid(s1);
}
s1 *= (((((v0[1usize] * T::k(1.25)) * (v0[1usize] * T::k(1.25))) + T::k(1.0)).ln().sin() * T::k(0.5)) + T::k(1.0));
let mut s17 = (s1 + (s1 / ((s1 * s1) + T::k(1.0))));
let mut k18: usize = 0;
while k18 < 4 && (((s17 / T::k(2.0))).rv() < (T::k(-0.5)).rv()) {
k18 += 1;
let mut k19: usize = 0;
while k19 < 4 && ((support::sigmoid(s17)).rv() > (T::k(0.0)).rv()) {
k19 += 1;
let n20 = v0.clone();
let t21 = (s17 - n20[0usize]);
let mut t22 = n20.dot(&n20);
}
let mut w23: [T; 2] = [T::k(0.0); 2];
}
if (((-n6[2usize]).atan2((s1 + s17))).rv() < (n6.dot(&n6)).rv()) {
s1 = (s17 + T::k(0.0));
let n24 = v0.clone();
}
(((n6.dot(&n6) + (s17 - s17)) + s17) * s1)
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let v0_a = DVector::from_column_slice(&z[0..3]);
let r = f_o(&v0_a);
vec![r]
}

// ---- checks ----
pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[-1.044, 1.342, 1.3], &[-1.169, -0.312, 0.906]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }

let v0_a = DVector::from_column_slice(&z[0..3]);
let (_, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<3>, 3>| oracle_flat(d.as_slice())[0], &SVector::<f64, 3>::from_column_slice(z));
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
checked += 1;
let value = f(&v0_a);
support::compare("value", &support::flat(&value), &want, z)?;
let (value2, grad) = f_value_and_grad(&v0_a);
support::compare("value_and_grad value", &[value2], &want, z)?;
let grad2 = f_grad(&v0_a);
support::compare("gradient", &support::flat(&grad2), og.as_slice(), z)?;
support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
let h = f_hessian(&v0_a);
support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
let d: Vec<f64> = (0..3).map(|i| 0.7 - 0.37 * i as f64).collect();
let hv = f_hvp(&v0_a, &DVector::from_column_slice(&d[0..3]));
let ohv = oh * SVector::<f64, 3>::from_column_slice(&d);
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
Ok(checked)
}
