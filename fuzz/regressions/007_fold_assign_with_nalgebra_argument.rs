//! Found by the fuzzer (seed 7): `t = xs.iter().fold(..)` in a function that also takes a `DMatrix`; E0382 (use of moved `Bundle<f64>`) in the expansion.
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn f(x0: f64, m0: &DMatrix<f64>) -> f64 {
let mut t1 = x0;
let w4: [f64; 2] = [0.0; 2];
t1 = w4.iter().fold((0.25f64), |acc5, &e6| x0);
(x0 + t1)
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(x0: T, m0: &DMatrix<T>) -> T {
let mut t1 = x0;
let w4: [T; 2] = [T::k(0.0); 2];
t1 = w4.iter().fold(T::k(0.25), |acc5, &e6| x0);
(x0 + t1)
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let x0_a = z[0];
let m0_a = DMatrix::from_column_slice(2, 2, &z[1..5]);
let r = f_o(x0_a, &m0_a);
vec![r]
}

pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[0.439, 1.957, -0.184, -0.198, 2.284], &[-0.41, 1.786, -0.117, -0.073, 1.929]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }

let x0_a = z[0];
let m0_a = DMatrix::from_column_slice(2, 2, &z[1..5]);
let (_, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<5>, 5>| oracle_flat(d.as_slice())[0], &SVector::<f64, 5>::from_column_slice(z));
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
checked += 1;
let value = f(x0_a, &m0_a);
support::compare("value", &support::flat(&value), &want, z)?;
let (value2, grad) = f_value_and_grad(x0_a, &m0_a);
support::compare("value_and_grad value", &[value2], &want, z)?;
let grad2 = f_grad(x0_a, &m0_a);
support::compare("gradient", &support::flat(&grad2), og.as_slice(), z)?;
support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
let h = f_hessian(x0_a, &m0_a);
support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
let d: Vec<f64> = (0..5).map(|i| 0.7 - 0.37 * i as f64).collect();
let hv = f_hvp(x0_a, &m0_a, (d[0], &DMatrix::from_column_slice(2, 2, &d[1..5])));
let ohv = oh * SVector::<f64, 5>::from_column_slice(&d);
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
Ok(checked)
}
