//! Known bug: a `loop` whose `break` value nothing reads was pruned
//! from the derivative code, but the placeholder its value starts from
//! (`Default::default()`) was kept as a call with a possible effect,
//! leaving rustc a value of no inferable type: E0283 (found with seed 3
//! in control mode).
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64, HyperDual64};

#[differentiate]
fn f(x0: f64, s0: &[f64], s1: [f64; 4]) -> Vec<f64> {
if (x0 <= x0) {
} else {
let mut k57: usize = 0;
let t62: f64 = loop {
k57 += 1;
if k57 > 4 { break (-1.125); }
};
}
vec![x0, x0]
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
fn f(x0: f64, s0: &[f64], s1: [f64; 4]) -> Vec<f64> {
if (x0 <= x0) {
} else {
let mut k57: usize = 0;
let t62: f64 = loop {
k57 += 1;
if k57 > 4 { break (-1.125); }
};
}
vec![x0, x0]
}
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(x0: T, s0: &[T], s1: [T; 4]) -> Vec<T> {
if ((x0).rv() <= (x0).rv()) {
} else {
let mut k57: usize = 0;
let t62: T = loop {
k57 += 1;
if k57 > 4 { break T::k(-1.125); }
};
}
vec![x0, x0]
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let x0_a = z[0];
let s0_a = &z[1..3];
let s1_a = [z[3], z[4], z[5], z[6]];
let r = f_o(x0_a, s0_a, s1_a);
r
}

fn oracle_jacobian(z: &[f64], rows: usize) -> Vec<Vec<f64>> {
(0..rows).map(|r| num_dual::gradient(|d: SVector<DualSVec64<7>, 7>| oracle_flat(d.as_slice())[r], &SVector::<f64, 7>::from_column_slice(z)).1.as_slice().to_vec()).collect()
}

fn oracle_groups(z: &[f64]) -> Vec<Vec<f64>> {
let want = oracle_flat::<f64>(z);
let mut groups = vec![want.clone()];
groups.extend(oracle_jacobian(z, want.len()));
groups
}

// ---- checks ----
pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[0.1963, 1.4853, 0.0013, -1.1357, -1.2837, 1.2803, 1.3503], &[1.0513, 0.5553, 0.7012999999999999, -1.1067, 0.8392999999999999, -1.2197, -0.5547000000000001]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }
if !support::oracle_judges(|| oracle_flat(&support::tracked(z))) { continue; }

let x0_a = z[0];
let s0_a = &z[1..3];
let s1_a = [z[3], z[4], z[5], z[6]];
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
