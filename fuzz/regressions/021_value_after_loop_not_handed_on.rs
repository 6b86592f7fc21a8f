//! Found by the fuzzer (seed 13, nalgebra): a value read after a loop in a long body emitted in nested blocks was not handed on; E0425 (cannot find value `t11_1`).
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn f(v0: &DVector<f64>) -> f64 {
let s1 = (v0.norm() * v0[2usize]);
let mut w10: Vec<f64> = vec![0.0; 3];
let mut t11 = (v0[2usize] + 1.125).max(s1);
w10[0usize] += (t11 + 0.5);
t11 += ((t11 + t11) - w10.iter().sum::<f64>());
let t12 = ((s1 + t11) + (match s1 { -0.625..=-0.125 => {
t11
} m15 => {
2.0
} }));
t11 /= ((v0[0usize] * v0[0usize]) + 1.0);
(((t11 * t12) - t11) - s1)
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
fn f(v0: &DVector<f64>) -> f64 {
let s1 = (v0.norm() * v0[2usize]);
let mut w10: Vec<f64> = vec![0.0; 3];
let mut t11 = (v0[2usize] + 1.125).max(s1);
w10[0usize] += (t11 + 0.5);
t11 += ((t11 + t11) - w10.iter().sum::<f64>());
let t12 = ((s1 + t11) + (match s1 { -0.625..=-0.125 => {
t11
} m15 => {
2.0
} }));
t11 /= ((v0[0usize] * v0[0usize]) + 1.0);
(((t11 * t12) - t11) - s1)
}
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(v0: &DVector<T>) -> T {
let s1 = ({ let n_ = v0; n_.dot(n_).sqrt() } * v0[2usize]);
let mut w10: Vec<T> = vec![T::k(0.0); 3];
let mut t11 = (v0[2usize] + T::k(1.125)).max(s1);
{ let r_ = (t11 + T::k(0.5)); w10[0usize] += r_; }
t11 += ((t11 + t11) - w10.iter().copied().sum::<T>());
let t12 = ((s1 + t11) + ({ let m1_ = s1; match m1_.rv() { -0.625..=-0.125 => {
t11
} _ => { let m15 = m1_; {
T::k(2.0)
} } } }));
t11 /= ((v0[0usize] * v0[0usize]) + T::k(1.0));
(((t11 * t12) - t11) - s1)
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let v0_a = DVector::from_column_slice(&z[0..3]);
let r = f_o(&v0_a);
vec![r]
}

// ---- checks ----
pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[-0.217, -0.697, -1.091], &[0.801, 0.056, -0.725]];
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
