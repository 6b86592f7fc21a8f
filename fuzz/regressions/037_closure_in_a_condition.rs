//! Known bug: a closure over a differentiated value called in a condition
//! (code that is not differentiated) was not kept in the generated code,
//! which the macro reported as an error on valid code (found with seed
//! 777 in control mode, while closures were being added).
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64, HyperDual64};

#[differentiate]
fn f(x0: f64, s0: [f64; 3], s1: [f64; 4]) -> [f64; 3] {
let s9 = x0;
let q121 = |p119: f64, p120: f64| x0;
if (q121(x0, s9) < 0.8125) {
}
[x0, x0, x0]
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
fn f(x0: f64, s0: [f64; 3], s1: [f64; 4]) -> [f64; 3] {
let s9 = x0;
let q121 = |p119: f64, p120: f64| x0;
if (q121(x0, s9) < 0.8125) {
}
[x0, x0, x0]
}
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(x0: T, s0: [T; 3], s1: [T; 4]) -> [T; 3] {
let s9: T = x0;
let q121 = |p119: T, p120: T| x0;
if ((q121(x0, s9)).rv() < (T::k(0.8125)).rv()) {
}
[x0, x0, x0]
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let x0_a = z[0];
let s0_a = [z[1], z[2], z[3]];
let s1_a = [z[4], z[5], z[6], z[7]];
let r = f_o(x0_a, s0_a, s1_a);
r.to_vec()
}

fn oracle_jacobian(z: &[f64], rows: usize) -> Vec<Vec<f64>> {
(0..rows).map(|r| num_dual::gradient(|d: SVector<DualSVec64<8>, 8>| oracle_flat(d.as_slice())[r], &SVector::<f64, 8>::from_column_slice(z)).1.as_slice().to_vec()).collect()
}

fn oracle_groups(z: &[f64]) -> Vec<Vec<f64>> {
let want = oracle_flat::<f64>(z);
let mut groups = vec![want.clone()];
groups.extend(oracle_jacobian(z, want.len()));
groups
}

// ---- checks ----
pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[-0.6877, 1.3673, -0.1527, -0.1187, -0.06670000000000001, 0.7623, -1.3357, -0.29369999999999996], &[1.2692999999999999, 0.0093, -1.2797, 0.6683, 0.6773, -0.41169999999999995, 1.1713, -0.4667]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }
if !support::oracle_judges(|| oracle_flat(&support::tracked(z))) { continue; }

let x0_a = z[0];
let s0_a = [z[1], z[2], z[3]];
let s1_a = [z[4], z[5], z[6], z[7]];
let oj = oracle_jacobian(z, want.len());
if !oj.iter().flatten().all(|v| v.is_finite()) { continue; }
if !support::well_conditioned(z, oracle_groups) { continue; }
checked += 1;
let value = f(x0_a, s0_a, s1_a);
support::compare("value", &support::flat(&value), &want, z)?;
let j = f_jacobian(x0_a, s0_a, s1_a);
support::compare_rows("jacobian", &support::Rows::rows(&j), &oj, z)?;
}
Ok(checked)
}
