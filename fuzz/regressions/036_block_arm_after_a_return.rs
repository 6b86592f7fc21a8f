//! Known bug: a `let` bound by a `match` with an arm that returns copies
//! the code after it into each other arm; an arm's value written as a
//! block (`1 => { x0 }`) was not seen to have the float type of the
//! variable it reads, so the float literal of the last arm (`0.625`)
//! reached `x0.min(x0)` untyped: E0689 (found with seed 20261202).
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64, HyperDual64};

#[differentiate]
fn f(x0: f64) -> f64 {
let x0: f64 = 0.5;
let x0 = (match 1usize { 1 => {
x0
} 1..=2 => {
return x0;
} m8 => {
0.625
} });
(matdiff::softplus(x0) + x0.min(x0))
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
fn f(x0: f64) -> f64 {
let x0: f64 = 0.5;
let x0 = (match 1usize { 1 => {
x0
} 1..=2 => {
return x0;
} m8 => {
0.625
} });
(matdiff::softplus(x0) + x0.min(x0))
}
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(x0: T) -> T {
let x0: T = T::k(0.5);
let x0: T = (match 1usize { 1 => {
x0
} 1..=2 => {
return x0;
} m8 => {
T::k(0.625)
} });
(support::softplus(x0) + x0.min(x0))
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let x0_a = z[0];
let r = f_o(x0_a);
vec![r]
}

fn oracle_at(z: &[f64]) -> (Vec<f64>, SVector<f64, 1>, nalgebra::SMatrix<f64, 1, 1>) {
let (v, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<1>, 1>| oracle_flat(d.as_slice())[0], &SVector::<f64, 1>::from_column_slice(z));
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
let points: &[&[f64]] = &[&[-1.4767000000000001], &[-0.36069999999999997]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }
if !support::oracle_judges(|| oracle_flat(&support::tracked(z))) { continue; }

let x0_a = z[0];
let (ov, og, oh) = oracle_at(z);
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
if support::compare("oracle", &ov, &want, z).is_err() { continue; }
if !support::well_conditioned(z, oracle_groups) { continue; }
checked += 1;
let value = f(x0_a);
support::compare("value", &support::flat(&value), &want, z)?;
let (value2, grad) = f_value_and_grad(x0_a);
support::compare("value_and_grad value", &[value2], &want, z)?;
let grad2 = f_grad(x0_a);
support::compare("gradient", &support::flat(&grad2), og.as_slice(), z)?;
support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
let h = f_hessian(x0_a);
support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
let d: Vec<f64> = (0..1).map(|i| 0.7 - 0.37 * i as f64).collect();
let hv = f_hvp(x0_a, [d[0]]);
let ohv = oh * SVector::<f64, 1>::from_column_slice(&d);
if support::compare("hvp", &oracle_directional_hvp(z, &d), ohv.as_slice(), z).is_ok() {
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
}
Ok(checked)
}
