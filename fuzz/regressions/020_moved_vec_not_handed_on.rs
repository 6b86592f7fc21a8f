//! Found by the fuzzer (seed 15): a local Vec copied into a typed binding in a long body emitted in nested blocks was handed on after it had been moved; E0382 (use of moved value).
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn h(p: f64) -> f64 {
if (p.sin().sinh() >= (if (p > (-0.125)) {
p
} else {
let t1 = p;
let t2: f64 = 1.0;
0.375
})) {
return (2usize as f64);
}
(p * p)
}
#[differentiate]
fn f(x0: f64, x1: f64, s0: &[f64]) -> f64 {
let mut w3: Vec<f64> = vec![0.0; 2];
w3[1usize] /= ((s0.iter().sum::<f64>() * s0.iter().sum::<f64>()) + 1.0);
let x1 = w3[0usize];
w3[1usize] /= (((((0.875 - x1) * (0.875 - x1)) + 1.0).powi(-1) * (((0.875 - x1) * (0.875 - x1)) + 1.0).powi(-1)) + 1.0);
let mut s4 = h(s0.iter().sum::<f64>());
let mut w10: Vec<f64> = vec![0.0; 4];
if (!((s4 + x1) <= (-0.625))) {
if (w3[1usize].clamp((-1.5), (-1.0)) > (match 2usize { 1 => {
w10[2usize]
} 1..=1 => {
s4
} _ if (x0 <= x1) => {
let t11 = x0;
(-1.625)
} m12 => {
s0[0usize]
} })) {
return h(w3[1usize]);
}
if ((x0 < s0[1usize]) && (x0 > 0.75)) {
return (w10[1usize] / (((-1.5) * (-1.5)) + 1.0));
}
w3[1usize] = (s0[0usize] / (-0.5));
} else {
let mut w25: Vec<f64> = vec![0.0; 4];
for i26 in 0usize..3usize {
s4 = x0;
}
}
(((h((s0[2usize] * s0[1usize])) * s4) * x1) * x0)
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
fn h(p: f64) -> f64 {
if (p.sin().sinh() >= (if (p > (-0.125)) {
p
} else {
let t1 = p;
let t2: f64 = 1.0;
0.375
})) {
return (2usize as f64);
}
(p * p)
}
fn f(x0: f64, x1: f64, s0: &[f64]) -> f64 {
let mut w3: Vec<f64> = vec![0.0; 2];
w3[1usize] /= ((s0.iter().sum::<f64>() * s0.iter().sum::<f64>()) + 1.0);
let x1 = w3[0usize];
w3[1usize] /= (((((0.875 - x1) * (0.875 - x1)) + 1.0).powi(-1) * (((0.875 - x1) * (0.875 - x1)) + 1.0).powi(-1)) + 1.0);
let mut s4 = h(s0.iter().sum::<f64>());
let mut w10: Vec<f64> = vec![0.0; 4];
if (!((s4 + x1) <= (-0.625))) {
if (w3[1usize].clamp((-1.5), (-1.0)) > (match 2usize { 1 => {
w10[2usize]
} 1..=1 => {
s4
} _ if (x0 <= x1) => {
let t11 = x0;
(-1.625)
} m12 => {
s0[0usize]
} })) {
return h(w3[1usize]);
}
if ((x0 < s0[1usize]) && (x0 > 0.75)) {
return (w10[1usize] / (((-1.5) * (-1.5)) + 1.0));
}
w3[1usize] = (s0[0usize] / (-0.5));
} else {
let mut w25: Vec<f64> = vec![0.0; 4];
for i26 in 0usize..3usize {
s4 = x0;
}
}
(((h((s0[2usize] * s0[1usize])) * s4) * x1) * x0)
}
}

// ---- oracle and checks (not matdiff) ----

fn h_o<T: support::Num>(p: T) -> T {
if ((p.sin().sinh()).rv() >= ((if ((p).rv() > (T::k(-0.125)).rv()) {
p
} else {
let t1 = p;
let t2 = T::k(1.0);
T::k(0.375)
})).rv()) {
return T::k(2usize as f64);
}
(p * p)
}
fn f_o<T: support::Num>(x0: T, x1: T, s0: &[T]) -> T {
let mut w3: Vec<T> = vec![T::k(0.0); 2];
{ let r_ = ((s0.iter().copied().sum::<T>() * s0.iter().copied().sum::<T>()) + T::k(1.0)); w3[1usize] /= r_; }
let x1 = w3[0usize];
{ let r_ = (((((T::k(0.875) - x1) * (T::k(0.875) - x1)) + T::k(1.0)).powi(-1) * (((T::k(0.875) - x1) * (T::k(0.875) - x1)) + T::k(1.0)).powi(-1)) + T::k(1.0)); w3[1usize] /= r_; }
let mut s4 = h_o(s0.iter().copied().sum::<T>());
let mut w10: Vec<T> = vec![T::k(0.0); 4];
if (!(((s4 + x1)).rv() <= (T::k(-0.625)).rv())) {
if ((w3[1usize].clamp(T::k(-1.5), T::k(-1.0))).rv() > ((match 2usize { 1 => {
w10[2usize]
} 1..=1 => {
s4
} _ if ((x0).rv() <= (x1).rv()) => {
let t11 = x0;
T::k(-1.625)
} m12 => {
s0[0usize]
} })).rv()) {
return h_o(w3[1usize]);
}
if (((x0).rv() < (s0[1usize]).rv()) && ((x0).rv() > (T::k(0.75)).rv())) {
return (w10[1usize] / ((T::k(-1.5) * T::k(-1.5)) + T::k(1.0)));
}
{ let r_ = (s0[0usize] / T::k(-0.5)); w3[1usize] = r_; }
} else {
let mut w25: Vec<T> = vec![T::k(0.0); 4];
for i26 in 0usize..3usize {
s4 = x0;
}
}
(((h_o((s0[2usize] * s0[1usize])) * s4) * x1) * x0)
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let x0_a = z[0];
let x1_a = z[1];
let s0_a = &z[2..5];
let r = f_o(x0_a, x1_a, s0_a);
vec![r]
}

// ---- checks ----
pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[0.971, -0.866, -1.045, 0.091, 0.846], &[-0.284, 0.226, 0.606, -0.291, 0.203]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }

let x0_a = z[0];
let x1_a = z[1];
let s0_a = &z[2..5];
let (_, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<5>, 5>| oracle_flat(d.as_slice())[0], &SVector::<f64, 5>::from_column_slice(z));
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
checked += 1;
let value = f(x0_a, x1_a, s0_a);
support::compare("value", &support::flat(&value), &want, z)?;
let (value2, grad) = f_value_and_grad(x0_a, x1_a, s0_a);
support::compare("value_and_grad value", &[value2], &want, z)?;
let grad2 = f_grad(x0_a, x1_a, s0_a);
support::compare("gradient", &support::flat(&grad2), og.as_slice(), z)?;
support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
let h = f_hessian(x0_a, x1_a, s0_a);
support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
let d: Vec<f64> = (0..5).map(|i| 0.7 - 0.37 * i as f64).collect();
let hv = f_hvp(x0_a, x1_a, s0_a, (d[0], d[1], &d[2..5]));
let ohv = oh * SVector::<f64, 5>::from_column_slice(&d);
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
Ok(checked)
}
