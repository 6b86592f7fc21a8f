//! Found by the fuzzer (seed 301, nalgebra): a literal block assigned to a float in a method with nalgebra arguments; E0689 (ambiguous float).
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
fn f(&self, x0: f64, v0: &DVector<f64>, m0: &DMatrix<f64>) -> f64 {
let mut s6: f64 = 1.5;
s6 = {
(-0.375)
};
s6.sin()
}
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
struct P {
    w: f64,
}

impl P {
fn f(&self, x0: f64, v0: &DVector<f64>, m0: &DMatrix<f64>) -> f64 {
let mut s6: f64 = 1.5;
s6 = {
(-0.375)
};
s6.sin()
}
}
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(x0: T, v0: &DVector<T>, m0: &DMatrix<T>) -> T {
let mut s6 = T::k(1.5);
s6 = {
T::k(-0.375)
};
s6.sin()
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let x0_a = z[0];
let v0_a = DVector::from_column_slice(&z[1..4]);
let m0_a = DMatrix::from_column_slice(3, 3, &z[4..13]);
let r = f_o(x0_a, &v0_a, &m0_a);
vec![r]
}

// ---- checks ----
pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[0.9612999999999999, 0.9753, -0.3827, -1.4057, 2.2633, 0.1473, 0.0853, 0.2213, 1.7393, -0.2427, -0.0767, 0.1403, 1.7403], &[0.5712999999999999, 0.46030000000000004, -1.1317, 0.8402999999999999, 2.1273, 0.2183, -0.1807, -0.021699999999999997, 2.2953, 0.2483, -0.2797, 0.10629999999999999, 1.9093]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }
let s_ = P { w: 0.8252999999999999 };
let x0_a = z[0];
let v0_a = DVector::from_column_slice(&z[1..4]);
let m0_a = DMatrix::from_column_slice(3, 3, &z[4..13]);
let (_, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<13>, 13>| oracle_flat(d.as_slice())[0], &SVector::<f64, 13>::from_column_slice(z));
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
checked += 1;
let value = s_.f(x0_a, &v0_a, &m0_a);
support::compare("value", &support::flat(&value), &want, z)?;
let (value2, grad) = s_.f_value_and_grad(x0_a, &v0_a, &m0_a);
support::compare("value_and_grad value", &[value2], &want, z)?;
let grad2 = s_.f_grad(x0_a, &v0_a, &m0_a);
support::compare("gradient", &support::flat(&grad2), og.as_slice(), z)?;
support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
let h = s_.f_hessian(x0_a, &v0_a, &m0_a);
support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
let d: Vec<f64> = (0..13).map(|i| 0.7 - 0.37 * i as f64).collect();
let hv = s_.f_hvp(x0_a, &v0_a, &m0_a, (d[0], &DVector::from_column_slice(&d[1..4]), &DMatrix::from_column_slice(3, 3, &d[4..13])));
let ohv = oh * SVector::<f64, 13>::from_column_slice(&d);
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
Ok(checked)
}
