//! compile E0689: a typed variable reassigned a literal; reduced from p00781 of seed 2002
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn f(x0: f64, s0: &[f64]) -> f64 {
let w3: Vec<f64> = vec![0.0; 3];
let mut s4: f64 = (-0.875);
s4 = (-1.875);
s4 -= (s4 * s4).ln_1p();
(w3.iter().map(|&e10| 0.5).sum::<f64>() * s4)
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
fn f(x0: f64, s0: &[f64]) -> f64 {
let w3: Vec<f64> = vec![0.0; 3];
let mut s4: f64 = (-0.875);
s4 = (-1.875);
s4 -= (s4 * s4).ln_1p();
(w3.iter().map(|&e10| 0.5).sum::<f64>() * s4)
}
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(x0: T, s0: &[T]) -> T {
let w3: Vec<T> = vec![T::k(0.0); 3];
let mut s4: T = T::k(-0.875);
s4 = T::k(-1.875);
s4 -= (s4 * s4).ln_1p();
(w3.iter().map(|&e10| T::k(0.5)).fold(T::k(-0.0), |a_, b_| a_ + b_) * s4)
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let x0_a = z[0];
let s0_a = &z[1..4];
let r = f_o(x0_a, s0_a);
vec![r]
}

fn oracle_at(z: &[f64]) -> (Vec<f64>, SVector<f64, 4>, nalgebra::SMatrix<f64, 4, 4>) {
let (v, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<4>, 4>| oracle_flat(d.as_slice())[0], &SVector::<f64, 4>::from_column_slice(z));
(vec![v], og, oh)
}

fn oracle_groups(z: &[f64]) -> Vec<Vec<f64>> {
let (v, og, oh) = oracle_at(z);
let mut groups = vec![v, og.as_slice().to_vec()];
groups.extend(support::Rows::rows(&oh));
groups
}

// ---- checks ----
pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[-0.3177, 0.2933, 0.8033, 0.20929999999999999], &[-0.1897, -0.2667, 0.8913, 0.3683]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }

let x0_a = z[0];
let s0_a = &z[1..4];
let (_, og, oh) = oracle_at(z);
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
if !support::well_conditioned(z, oracle_groups) { continue; }
checked += 1;
let value = f(x0_a, s0_a);
support::compare("value", &support::flat(&value), &want, z)?;
let (value2, grad) = f_value_and_grad(x0_a, s0_a);
support::compare("value_and_grad value", &[value2], &want, z)?;
let grad2 = f_grad(x0_a, s0_a);
support::compare("gradient", &support::flat(&grad2), og.as_slice(), z)?;
support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
let h = f_hessian(x0_a, s0_a);
support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
let d: Vec<f64> = (0..4).map(|i| 0.7 - 0.37 * i as f64).collect();
let hv = f_hvp(x0_a, s0_a, (d[0], &d[1..4]));
let ohv = oh * SVector::<f64, 4>::from_column_slice(&d);
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
Ok(checked)
}
