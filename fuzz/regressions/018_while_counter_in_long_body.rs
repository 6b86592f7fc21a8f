//! Found by the fuzzer (seed 1): a while loop in a body long enough to be emitted in nested blocks; E0425 (cannot find value `count`), its trip counter was not handed on.
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn f(x0: f64, x1: f64, x2: f64, s0: [f64; 2]) -> f64 {
let mut t1 = (x1 + (-0.875)).hypot(x1.atan2(x2)).sin();
t1 /= ((t1 * s0[0usize].cos()).abs() + 0.5);
let mut s3 = s0.iter().map(|&e4| (x1 * e4)).sum::<f64>().sin();
let mut k5: usize = 0;
while k5 < 6 && (t1.atan2(x0) > t1.hypot(t1)) {
k5 += 1;
let t7 = x0;
}
(((((x0 + 1.625) * t1).atan2(t1.clamp((-0.25), 0.25)) * s3) * t1) * x2)
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
fn f(x0: f64, x1: f64, x2: f64, s0: [f64; 2]) -> f64 {
let mut t1 = (x1 + (-0.875)).hypot(x1.atan2(x2)).sin();
t1 /= ((t1 * s0[0usize].cos()).abs() + 0.5);
let mut s3 = s0.iter().map(|&e4| (x1 * e4)).sum::<f64>().sin();
let mut k5: usize = 0;
while k5 < 6 && (t1.atan2(x0) > t1.hypot(t1)) {
k5 += 1;
let t7 = x0;
}
(((((x0 + 1.625) * t1).atan2(t1.clamp((-0.25), 0.25)) * s3) * t1) * x2)
}
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(x0: T, x1: T, x2: T, s0: [T; 2]) -> T {
let mut t1 = (x1 + T::k(-0.875)).hypot(x1.atan2(x2)).sin();
t1 /= ((t1 * s0[0usize].cos()).abs() + T::k(0.5));
let mut s3 = s0.iter().map(|&e4| (x1 * e4)).sum::<T>().sin();
let mut k5: usize = 0;
while k5 < 6 && ((t1.atan2(x0)).rv() > (t1.hypot(t1)).rv()) {
k5 += 1;
let t7 = x0;
}
(((((x0 + T::k(1.625)) * t1).atan2(t1.clamp(T::k(-0.25), T::k(0.25))) * s3) * t1) * x2)
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let x0_a = z[0];
let x1_a = z[1];
let x2_a = z[2];
let s0_a = [z[3], z[4]];
let r = f_o(x0_a, x1_a, x2_a, s0_a);
vec![r]
}

// ---- checks ----
pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[-0.468, 1.011, 1.118, -1.039, -1.297], &[1.374, 0.446, 0.625, 0.413, 1.107]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }

let x0_a = z[0];
let x1_a = z[1];
let x2_a = z[2];
let s0_a = [z[3], z[4]];
let (_, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<5>, 5>| oracle_flat(d.as_slice())[0], &SVector::<f64, 5>::from_column_slice(z));
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
checked += 1;
let value = f(x0_a, x1_a, x2_a, s0_a);
support::compare("value", &support::flat(&value), &want, z)?;
let (value2, grad) = f_value_and_grad(x0_a, x1_a, x2_a, s0_a);
support::compare("value_and_grad value", &[value2], &want, z)?;
let grad2 = f_grad(x0_a, x1_a, x2_a, s0_a);
support::compare("gradient", &support::flat(&grad2), og.as_slice(), z)?;
support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
let h = f_hessian(x0_a, x1_a, x2_a, s0_a);
support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
let d: Vec<f64> = (0..5).map(|i| 0.7 - 0.37 * i as f64).collect();
let hv = f_hvp(x0_a, x1_a, x2_a, s0_a, (d[0], d[1], d[2], [d[3], d[4]]));
let ohv = oh * SVector::<f64, 5>::from_column_slice(&d);
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
Ok(checked)
}
