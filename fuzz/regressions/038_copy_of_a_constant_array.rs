//! Known bug: a `Vec` made by `to_vec()` of a constant local array, then
//! given values that depend on the differentiated inputs, was rejected by
//! the macro ("this array cannot hold values that depend on the
//! differentiated inputs") although it is valid code: only copies of
//! arrays the macro already tracked became arrays (found with seed 7319 in
//! loops mode).
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64, HyperDual64};

#[differentiate]
fn f(s0: &[f64]) -> f64 {
let w1: Vec<f64> = vec![0.0; 3];
let t2 = s0[1usize];
let mut w3: Vec<f64> = w1.to_vec();
let s5 = (-t2);
w3[2usize] += (0.5 + s5);
0.5
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
fn f(s0: &[f64]) -> f64 {
let w1: Vec<f64> = vec![0.0; 3];
let t2 = s0[1usize];
let mut w3: Vec<f64> = w1.to_vec();
let s5 = (-t2);
w3[2usize] += (0.5 + s5);
0.5
}
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(s0: &[T]) -> T {
let w1: Vec<T> = vec![T::k(0.0); 3];
let t2: T = s0[1usize];
let mut w3: Vec<T> = w1.to_vec();
let s5: T = (-t2);
{ let r_ = (T::k(0.5) + s5); w3[2usize] += r_; }
T::k(0.5)
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let s0_a = &z[0..2];
let r = f_o(s0_a);
vec![r]
}

fn oracle_at(z: &[f64]) -> (Vec<f64>, SVector<f64, 2>, nalgebra::SMatrix<f64, 2, 2>) {
let (v, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<2>, 2>| oracle_flat(d.as_slice())[0], &SVector::<f64, 2>::from_column_slice(z));
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
let points: &[&[f64]] = &[&[-1.4867000000000001, -0.1317], &[0.8993, -0.9087000000000001]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }
if !support::oracle_judges(|| oracle_flat(&support::tracked(z))) { continue; }

let s0_a = &z[0..2];
let (ov, og, oh) = oracle_at(z);
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
if support::compare("oracle", &ov, &want, z).is_err() { continue; }
if !support::well_conditioned(z, oracle_groups) { continue; }
checked += 1;
let value = f(s0_a);
support::compare("value", &support::flat(&value), &want, z)?;
let (value2, grad) = f_value_and_grad(s0_a);
support::compare("value_and_grad value", &[value2], &want, z)?;
let grad2 = f_grad(s0_a);
support::compare("gradient", &support::flat(&grad2), og.as_slice(), z)?;
support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
let h = f_hessian(s0_a);
support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
let d: Vec<f64> = (0..2).map(|i| 0.7 - 0.37 * i as f64).collect();
let hv = f_hvp(s0_a, &d[0..2]);
let ohv = oh * SVector::<f64, 2>::from_column_slice(&d);
if support::compare("hvp", &oracle_directional_hvp(z, &d), ohv.as_slice(), z).is_ok() {
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
}
Ok(checked)
}
