//! Found by the fuzzer (seed 7): an early `return`, then a `fold` whose closure reads a local; E0596 (cannot borrow value as mutable) in the expansion.
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn f(x0: f64, x1: f64, x2: f64, s0: &[f64]) -> f64 {
let t6 = x0;
if (x0 <= x0) {
return x0;
}
let t7 = s0.iter().fold((-1.0f64), |acc8, &e9| (t6 * acc8));
(x0 - t7)
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(x0: T, x1: T, x2: T, s0: &[T]) -> T {
let t6 = x0;
if ((x0).rv() <= (x0).rv()) {
return x0;
}
let t7 = s0.iter().fold(T::k(-1.0), |acc8, &e9| (t6 * acc8));
(x0 - t7)
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let x0_a = z[0];
let x1_a = z[1];
let x2_a = z[2];
let s0_a = &z[3..6];
let r = f_o(x0_a, x1_a, x2_a, s0_a);
vec![r]
}

pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[-0.619, 1.218, 0.607, -0.879, 1.241, -0.129], &[1.161, -0.707, 1.231, 0.852, -0.746, -0.09]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }

let x0_a = z[0];
let x1_a = z[1];
let x2_a = z[2];
let s0_a = &z[3..6];
let (_, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<6>, 6>| oracle_flat(d.as_slice())[0], &SVector::<f64, 6>::from_column_slice(z));
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
checked += 1;
let value = f(x0_a, x1_a, x2_a, s0_a);
support::compare("value", &support::flat(&value), &want, z)?;
let (value2, grad) = f_value_and_grad(x0_a, x1_a, x2_a, s0_a);
support::compare("value_and_grad value", &[value2], &want, z)?;
let grad2 = f_grad(x0_a, x1_a, x2_a, s0_a);
support::compare("gradient", &support::flat(&grad2), og.as_slice(), z)?;
support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
let h = f_hessian(x0_a, x1_a, x2_a, s0_a);
support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
let d: Vec<f64> = (0..6).map(|i| 0.7 - 0.37 * i as f64).collect();
let hv = f_hvp(x0_a, x1_a, x2_a, s0_a, (d[0], d[1], d[2], &d[3..6]));
let ohv = oh * SVector::<f64, 6>::from_column_slice(&d);
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
Ok(checked)
}
