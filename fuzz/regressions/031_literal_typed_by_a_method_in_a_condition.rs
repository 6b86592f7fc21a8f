//! E0689: a literal typed only by a dead cast and by `t.min(x)` in a loop exit condition; reduced from p08081 of seed 5001
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64, HyperDual64};

struct P {
    w: f64,
}

impl P {
#[differentiate]
fn f(&self, x0: f64, x1: f64, s0: [f64; 4]) -> f64 {
for (i6, &e5) in s0.iter().enumerate() {
let mut t7 = (1usize as f64);
t7 = (-1.75);
if (t7.min(x0) >= x0) {
break;
}
}
x0
}
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
struct P {
    w: f64,
}

impl P {
fn f(&self, x0: f64, x1: f64, s0: [f64; 4]) -> f64 {
for (i6, &e5) in s0.iter().enumerate() {
let mut t7 = (1usize as f64);
t7 = (-1.75);
if (t7.min(x0) >= x0) {
break;
}
}
x0
}
}
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(x0: T, x1: T, s0: [T; 4]) -> T {
for (i6, &e5) in s0.iter().enumerate() {
let mut t7: T = T::k(1usize as f64);
t7 = T::k(-1.75);
if ((t7.min(x0)).rv() >= (x0).rv()) {
break;
}
}
x0
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let x0_a = z[0];
let x1_a = z[1];
let s0_a = [z[2], z[3], z[4], z[5]];
let r = f_o(x0_a, x1_a, s0_a);
vec![r]
}

fn oracle_at(z: &[f64]) -> (Vec<f64>, SVector<f64, 6>, nalgebra::SMatrix<f64, 6, 6>) {
let (v, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<6>, 6>| oracle_flat(d.as_slice())[0], &SVector::<f64, 6>::from_column_slice(z));
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
let points: &[&[f64]] = &[&[-0.3237, -1.0807, 0.8863, -0.0917, -1.4467, -0.6157], &[-1.0917000000000001, -0.3807, 1.2393, 1.1753, 0.1793, -1.2867]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }
if !support::oracle_judges(|| oracle_flat(&support::tracked(z))) { continue; }
let s_ = P { w: 0.5333 };
let x0_a = z[0];
let x1_a = z[1];
let s0_a = [z[2], z[3], z[4], z[5]];
let (_, og, oh) = oracle_at(z);
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
if !support::well_conditioned(z, oracle_groups) { continue; }
checked += 1;
let value = s_.f(x0_a, x1_a, s0_a);
support::compare("value", &support::flat(&value), &want, z)?;
let (value2, grad) = s_.f_value_and_grad(x0_a, x1_a, s0_a);
support::compare("value_and_grad value", &[value2], &want, z)?;
let grad2 = s_.f_grad(x0_a, x1_a, s0_a);
support::compare("gradient", &support::flat(&grad2), og.as_slice(), z)?;
support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
let h = s_.f_hessian(x0_a, x1_a, s0_a);
support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
let d: Vec<f64> = (0..6).map(|i| 0.7 - 0.37 * i as f64).collect();
let hv = s_.f_hvp(x0_a, x1_a, s0_a, (d[0], d[1], [d[2], d[3], d[4], d[5]]));
let ohv = oh * SVector::<f64, 6>::from_column_slice(&d);
if support::compare("hvp", &oracle_directional_hvp(z, &d), ohv.as_slice(), z).is_ok() {
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
}
Ok(checked)
}
