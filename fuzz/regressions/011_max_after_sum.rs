//! Found by the fuzzer (seed 21): `xs.iter().map(..).sum::<f64>().max(x)`, the float method on a sum, is taken for Iterator::max and rejected.
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
fn f(&self, x0: f64, x1: f64, x2: f64, s0: [f64; 2]) -> [f64; 2] {
let t17 = s0.iter().map(|&e18| x0).sum::<f64>().max(x0);
[x0, x0]
}
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
struct P {
    w: f64,
}

impl P {
fn f(&self, x0: f64, x1: f64, x2: f64, s0: [f64; 2]) -> [f64; 2] {
let t17 = s0.iter().map(|&e18| x0).sum::<f64>().max(x0);
[x0, x0]
}
}
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(x0: T, x1: T, x2: T, s0: [T; 2]) -> [T; 2] {
let t17 = s0.iter().map(|&e18| x0).sum::<T>().max(x0);
[x0, x0]
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let x0_a = z[0];
let x1_a = z[1];
let x2_a = z[2];
let s0_a = [z[3], z[4]];
let r = f_o(x0_a, x1_a, x2_a, s0_a);
r.to_vec()
}

// ---- checks ----
pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[-0.447, 0.539, -0.003, -0.48, -0.598], &[-1.431, -0.015, 0.318, 1.137, 1.452]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }
let s_ = P { w: 0.406 };
let x0_a = z[0];
let x1_a = z[1];
let x2_a = z[2];
let s0_a = [z[3], z[4]];
let oj: Vec<Vec<f64>> = (0..want.len()).map(|r| num_dual::gradient(|d: SVector<DualSVec64<5>, 5>| oracle_flat(d.as_slice())[r], &SVector::<f64, 5>::from_column_slice(z)).1.as_slice().to_vec()).collect();
if !oj.iter().flatten().all(|v| v.is_finite()) { continue; }
checked += 1;
let value = s_.f(x0_a, x1_a, x2_a, s0_a);
support::compare("value", &support::flat(&value), &want, z)?;
let j = s_.f_jacobian(x0_a, x1_a, x2_a, s0_a);
support::compare_rows("jacobian", &support::Rows::rows(&j), &oj, z)?;
}
Ok(checked)
}
