//! Found by the fuzzer (seed 203, nalgebra): two loop-carried values take the same next value in a bundled Hessian; E0382 (a moved tangent bundle).
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

struct P {
    w: f64,
}

impl P {
#[differentiate]
fn f(&self, m0: &DMatrix<f64>) -> f64 {
let mut s1 = self.w;
let mut s16 = m0[(1usize, 1usize)];
for i17 in 0usize..1usize {
s1 += s16.hypot(s1);
s16 = s1;
}
(0.5 * s1)
}
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
struct P {
    w: f64,
}

impl P {
fn f(&self, m0: &DMatrix<f64>) -> f64 {
let mut s1 = self.w;
let mut s16 = m0[(1usize, 1usize)];
for i17 in 0usize..1usize {
s1 += s16.hypot(s1);
s16 = s1;
}
(0.5 * s1)
}
}
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(m0: &DMatrix<T>) -> T {
let mut s1 = T::k(0.46);
let mut s16 = m0[(1usize, 1usize)];
for i17 in 0usize..1usize {
s1 += s16.hypot(s1);
s16 = s1;
}
(T::k(0.5) * s1)
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let m0_a = DMatrix::from_column_slice(3, 3, &z[0..9]);
let r = f_o(&m0_a);
vec![r]
}

// ---- checks ----
pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[1.963, 0.048, 0.2, 0.091, 1.779, 0.105, -0.175, 0.111, 2.037], &[1.776, 0.093, -0.115, -0.225, 2.242, -0.134, -0.22, 0.19, 1.834]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }
let s_ = P { w: 0.46 };
let m0_a = DMatrix::from_column_slice(3, 3, &z[0..9]);
let (_, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<9>, 9>| oracle_flat(d.as_slice())[0], &SVector::<f64, 9>::from_column_slice(z));
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
checked += 1;
let value = s_.f(&m0_a);
support::compare("value", &support::flat(&value), &want, z)?;
let (value2, grad) = s_.f_value_and_grad(&m0_a);
support::compare("value_and_grad value", &[value2], &want, z)?;
let grad2 = s_.f_grad(&m0_a);
support::compare("gradient", &support::flat(&grad2), og.as_slice(), z)?;
support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
let h = s_.f_hessian(&m0_a);
support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
let d: Vec<f64> = (0..9).map(|i| 0.7 - 0.37 * i as f64).collect();
let hv = s_.f_hvp(&m0_a, &DMatrix::from_column_slice(3, 3, &d[0..9]));
let ohv = oh * SVector::<f64, 9>::from_column_slice(&d);
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
Ok(checked)
}
