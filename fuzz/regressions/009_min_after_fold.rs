//! Found by the fuzzer (seed 7): `xs.iter().fold(..).min(p)`, the float method on a fold's result, is taken for Iterator::min and rejected.
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn h(p: f64, q: f64) -> f64 {
let w1: [f64; 4] = [0.0; 4];
w1.iter().fold((1.5f64), |acc2, &e3| p).min(p)
}
#[differentiate]
fn f(x0: f64, x1: f64, x2: f64, s0: &[f64]) -> f64 {
x0
}

// ---- oracle and checks (not matdiff) ----

fn h_o<T: support::Num>(p: T, q: T) -> T {
let w1: [T; 4] = [T::k(0.0); 4];
w1.iter().fold(T::k(1.5), |acc2, &e3| p).min(p)
}
fn f_o<T: support::Num>(x0: T, x1: T, x2: T, s0: &[T]) -> T {
x0
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let x0_a = z[0];
let x1_a = z[1];
let x2_a = z[2];
let s0_a = &z[3..7];
let r = f_o(x0_a, x1_a, x2_a, s0_a);
vec![r]
}

pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[-0.505, -1.082, 1.305, -0.911, 0.229, -1.276, -1.389], &[0.012, -1.085, 1.448, 1.278, -0.934, 1.086, -1.081]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }

let x0_a = z[0];
let x1_a = z[1];
let x2_a = z[2];
let s0_a = &z[3..7];
let (_, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<7>, 7>| oracle_flat(d.as_slice())[0], &SVector::<f64, 7>::from_column_slice(z));
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
let d: Vec<f64> = (0..7).map(|i| 0.7 - 0.37 * i as f64).collect();
let hv = f_hvp(x0_a, x1_a, x2_a, s0_a, (d[0], d[1], d[2], &d[3..7]));
let ohv = oh * SVector::<f64, 7>::from_column_slice(&d);
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
Ok(checked)
}
