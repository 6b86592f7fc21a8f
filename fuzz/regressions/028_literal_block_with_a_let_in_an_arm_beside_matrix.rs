//! E0689: a match arm `{ let t = ..; -2.0 }` beside a nalgebra argument, its type fixed only by a cast arm that the early return separates; reduced from p01264 of seed 403
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn f(m0: &DMatrix<f64>) -> f64 {
let t3 = (match (0.5f64) { 0.125..=0.375 => {
let t5: f64 = 0.5;
(-2.0)
} 0.5 => {
return 0.5;
} _ => {
(1usize as f64)
} });
return (t3 + t3).ln_1p();
0.5
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
fn f(m0: &DMatrix<f64>) -> f64 {
let t3 = (match (0.5f64) { 0.125..=0.375 => {
let t5: f64 = 0.5;
(-2.0)
} 0.5 => {
return 0.5;
} _ => {
(1usize as f64)
} });
return (t3 + t3).ln_1p();
0.5
}
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(m0: &DMatrix<T>) -> T {
let t3 = ({ let m1_ = T::k(0.5); match m1_.rv() { 0.125..=0.375 => {
let t5 = T::k(0.5);
T::k(-2.0)
} 0.5 => {
return T::k(0.5);
} _ => {
T::k(1usize as f64)
} } });
return (t3 + t3).ln_1p();
T::k(0.5)
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let m0_a = DMatrix::from_column_slice(3, 3, &z[0..9]);
let r = f_o(&m0_a);
vec![r]
}

// ---- checks ----
pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[2.2243000000000004, 0.2433, 0.0823, -0.2697, 1.9723, -0.2147, 0.2033, 0.2463, 2.2703], &[2.1783, -0.09970000000000001, 0.1323, 0.07529999999999999, 2.1543, 0.0093, 0.2853, 0.1883, 1.9623]];
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
