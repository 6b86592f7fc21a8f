//! E0382: the identity rules of `m + n` beside matrices, two names for one cotangent handed on twice; reduced from p05616 of seed 5001
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64, HyperDual64};

#[differentiate]
fn h(p: f64) -> f64 {
let t1 = (-(p / 4.0));
((t1 - t1) * p)
}
#[differentiate]
fn f(m0: &DMatrix<f64>) -> f64 {
let mut s2: f64 = (1.0 * (-2.0));
let n9 = matdiff::inv(m0);
let mut t15 = h((s2 / (s2.abs() + 0.5)));
(((if ((s2 * t15).hypot(s2.floor()) > (-0.4375)) {
let t18 = t15;
let t19 = h((0.75 + s2));
0.75
} else {
let t20 = matdiff::logdet(&(m0 + &n9));
let t21 = t20;
(s2 - t21).mul_add((1usize as f64), (s2 + t20))
}) + t15) + s2)
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
fn h(p: f64) -> f64 {
let t1 = (-(p / 4.0));
((t1 - t1) * p)
}
fn f(m0: &DMatrix<f64>) -> f64 {
let mut s2: f64 = (1.0 * (-2.0));
let n9 = matdiff::inv(m0);
let mut t15 = h((s2 / (s2.abs() + 0.5)));
(((if ((s2 * t15).hypot(s2.floor()) > (-0.4375)) {
let t18 = t15;
let t19 = h((0.75 + s2));
0.75
} else {
let t20 = matdiff::logdet(&(m0 + &n9));
let t21 = t20;
(s2 - t21).mul_add((1usize as f64), (s2 + t20))
}) + t15) + s2)
}
}

// ---- oracle and checks (not matdiff) ----

fn h_o<T: support::Num>(p: T) -> T {
let t1: T = (-(p / T::k(4.0)));
((t1 - t1) * p)
}
fn f_o<T: support::Num>(m0: &DMatrix<T>) -> T {
let mut s2: T = (T::k(1.0) * T::k(-2.0));
let n9 = support::inv(m0);
let mut t15: T = h_o((s2 / (s2.abs() + T::k(0.5))));
(((if (((s2 * t15).hypot(s2.floor())).rv() > (T::k(-0.4375)).rv()) {
let t18: T = t15;
let t19: T = h_o((T::k(0.75) + s2));
T::k(0.75)
} else {
let t20: T = support::logdet(&(m0 + &n9));
let t21: T = t20;
(s2 - t21).mul_add(T::k(1usize as f64), (s2 + t20))
}) + t15) + s2)
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
let points: &[&[f64]] = &[&[2.1373, 0.0663, -0.1057, -0.1247, 2.2373000000000003, -0.1787, 0.1383, -0.0917, 1.9673], &[1.7692999999999999, 0.1913, -0.0167, -0.042699999999999995, 1.9013, -0.0757, 0.20729999999999998, 0.1283, 1.7663]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }
if !support::oracle_judges(|| oracle_flat(&support::tracked(z))) { continue; }

let m0_a = DMatrix::from_column_slice(3, 3, &z[0..9]);
let (_, og, oh) = oracle_at(z);
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
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
