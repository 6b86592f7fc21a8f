//! Found by the fuzzer (seed 402, loops): an iterator sum of negative zeros fed atan2; the generated forward summed from +0.0 where Rust sums from -0.0, and the value had the wrong sign.
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
fn f(&self, x0: f64, x1: f64, s0: &[f64]) -> f64 {
let mut s6 = x0;
let mut w15: [f64; 2] = [0.0; 2];
let mut t16 = w15.iter().map(|&e17| (((-1.625) / ((s0.iter().sum::<f64>() * s0.iter().sum::<f64>()) + 1.0)) * e17)).sum::<f64>();
let mut s18 = w15.iter().fold((1.25f64), |acc19, &e20| (t16 * e20)).atan2(((-1.0) + x0));
let mut x0 = (s18.abs() + s0[0usize]).round();
(((s6 + x0) * s18) - t16)
}
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
struct P {
    w: f64,
}

impl P {
fn f(&self, x0: f64, x1: f64, s0: &[f64]) -> f64 {
let mut s6 = x0;
let mut w15: [f64; 2] = [0.0; 2];
let mut t16 = w15.iter().map(|&e17| (((-1.625) / ((s0.iter().sum::<f64>() * s0.iter().sum::<f64>()) + 1.0)) * e17)).sum::<f64>();
let mut s18 = w15.iter().fold((1.25f64), |acc19, &e20| (t16 * e20)).atan2(((-1.0) + x0));
let mut x0 = (s18.abs() + s0[0usize]).round();
(((s6 + x0) * s18) - t16)
}
}
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(x0: T, x1: T, s0: &[T]) -> T {
let mut s6 = x0;
let mut w15: [T; 2] = [T::k(0.0); 2];
let mut t16 = w15.iter().map(|&e17| ((T::k(-1.625) / ((s0.iter().copied().sum::<T>() * s0.iter().copied().sum::<T>()) + T::k(1.0))) * e17)).sum::<T>();
let mut s18 = w15.iter().fold(T::k(1.25), |acc19, &e20| (t16 * e20)).atan2((T::k(-1.0) + x0));
let mut x0 = (s18.abs() + s0[0usize]).round();
(((s6 + x0) * s18) - t16)
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let x0_a = z[0];
let x1_a = z[1];
let s0_a = &z[2..6];
let r = f_o(x0_a, x1_a, s0_a);
vec![r]
}

// ---- checks ----
pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[-0.8537, -0.35069999999999996, 0.2483, -0.36869999999999997, 0.1253, -0.6407], &[-0.0037, 1.3613, 0.9003, 0.9542999999999999, 1.2913, 0.7833]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }
let s_ = P { w: 0.7273 };
let x0_a = z[0];
let x1_a = z[1];
let s0_a = &z[2..6];
let (_, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<6>, 6>| oracle_flat(d.as_slice())[0], &SVector::<f64, 6>::from_column_slice(z));
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
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
let hv = s_.f_hvp(x0_a, x1_a, s0_a, (d[0], d[1], &d[2..6]));
let ohv = oh * SVector::<f64, 6>::from_column_slice(&d);
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
Ok(checked)
}
