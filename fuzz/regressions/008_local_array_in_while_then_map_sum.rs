//! Found by the fuzzer (seed 7): a local array declared in a `while` body, written and read by `.iter().map(..).sum()` in an inner loop; E0425 (cannot find value `w6_1`).
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn f(x0: f64, s0: &[f64]) -> f64 {
let mut s1: f64 = (-0.5);
let mut k2: usize = 0;
while k2 < 4 && ((s1 * 0.875) >= (-0.75)) {
k2 += 1;
let mut w6: [f64; 4] = [0.0; 4];
let mut s7 = (k2 as f64);
for i8 in 0usize..2usize {
w6[3usize] += ((k2 as f64) + s7);
s7 = s7;
s1 += w6.iter().map(|&e9| (s0[i8] * e9)).sum::<f64>();
}
}
let mut s10: f64 = 2.0;
((x0 * s1) * x0)
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(x0: T, s0: &[T]) -> T {
let mut s1 = T::k(-0.5);
let mut k2: usize = 0;
while k2 < 4 && (((s1 * T::k(0.875))).rv() >= (T::k(-0.75)).rv()) {
k2 += 1;
let mut w6: [T; 4] = [T::k(0.0); 4];
let mut s7 = T::k(k2 as f64);
for i8 in 0usize..2usize {
w6[3usize] += (T::k(k2 as f64) + s7);
s7 = s7;
s1 += w6.iter().map(|&e9| (s0[i8] * e9)).sum::<T>();
}
}
let mut s10 = T::k(2.0);
((x0 * s1) * x0)
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let x0_a = z[0];
let s0_a = &z[1..5];
let r = f_o(x0_a, s0_a);
vec![r]
}

pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[1.425, 0.81, 1.192, -0.893, 1.221], &[1.104, 1.491, 1.428, -1.124, 0.541]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }

let x0_a = z[0];
let s0_a = &z[1..5];
let (_, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<5>, 5>| oracle_flat(d.as_slice())[0], &SVector::<f64, 5>::from_column_slice(z));
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
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
let d: Vec<f64> = (0..5).map(|i| 0.7 - 0.37 * i as f64).collect();
let hv = f_hvp(x0_a, s0_a, (d[0], &d[1..5]));
let ohv = oh * SVector::<f64, 5>::from_column_slice(&d);
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
Ok(checked)
}
