//! Known bug: a tuple assignment that gives two variables one value in
//! an arm (`(s14, s2) = (s2, s2);`, with a nalgebra argument) yielded the
//! same tangent bundle for both outputs of the `if`, moved twice: E0382
//! (found with seed 8101).
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64, HyperDual64};

#[differentiate]
fn f(m0: &DMatrix<f64>) -> f64 {
let mut s2: f64 = (-0.875);
let mut s14: f64 = 0.125;
if (0.5 <= (-0.6875)) {
} else {
s2 = m0.norm();
(s14, s2) = (s2, s2);
}
(0.5 * s2)
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
fn f(m0: &DMatrix<f64>) -> f64 {
let mut s2: f64 = (-0.875);
let mut s14: f64 = 0.125;
if (0.5 <= (-0.6875)) {
} else {
s2 = m0.norm();
(s14, s2) = (s2, s2);
}
(0.5 * s2)
}
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(m0: &DMatrix<T>) -> T {
let mut s2: T = T::k(-0.875);
let mut s14: T = T::k(0.125);
if ((T::k(0.5)).rv() <= (T::k(-0.6875)).rv()) {
} else {
s2 = { let n_ = m0; n_.dot(n_).sqrt() };
(s14, s2) = (s2, s2);
}
(T::k(0.5) * s2)
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let m0_a = DMatrix::from_column_slice(3, 3, &z[0..9]);
let r = f_o(&m0_a);
vec![r]
}

fn oracle_at(z: &[f64]) -> (Vec<f64>, SVector<f64, 9>, nalgebra::SMatrix<f64, 9, 9>) {
let (v, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<9>, 9>| oracle_flat(d.as_slice())[0], &SVector::<f64, 9>::from_column_slice(z));
(vec![v], og, oh)
}

fn oracle_directional_hvp(z: &[f64], d: &[f64]) -> Vec<f64> {
(0..z.len()).map(|i| {
let h: Vec<HyperDual64> = z.iter().zip(d).enumerate().map(|(j, (&x, &dj))| HyperDual64::new(x, if i == j { 1.0 } else { 0.0 }, dj, 0.0)).collect();
oracle_flat(&h)[0].eps1eps2
}).collect()
}

fn oracle_groups(z: &[f64]) -> Vec<Vec<f64>> {
let (v, og, oh) = oracle_at(z);
let mut groups = vec![v, og.as_slice().to_vec()];
groups.extend(support::Rows::rows(&oh));
groups
}

// ---- checks ----
pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[2.2813000000000003, 0.0083, 0.1483, -0.0727, 1.8503, -0.09570000000000001, -0.2367, 0.27630000000000005, 2.0983], &[1.8563, 0.2943, 0.0273, 0.07629999999999999, 1.8922999999999999, -0.2467, 0.09129999999999999, 0.2163, 2.2423]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }
if !support::oracle_judges(|| oracle_flat(&support::tracked(z))) { continue; }

let m0_a = DMatrix::from_column_slice(3, 3, &z[0..9]);
let (ov, og, oh) = oracle_at(z);
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
if support::compare("oracle", &ov, &want, z).is_err() { continue; }
if !support::well_conditioned(z, oracle_groups) { continue; }
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
if support::compare("hvp", &oracle_directional_hvp(z, &d), ohv.as_slice(), z).is_ok() {
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
}
Ok(checked)
}
