//! Found by the fuzzer: a `match` arm that yields a literal, then a method call on the match's value, in a function with a nalgebra argument (which the earlier fix for literal arms skipped); E0689 (ambiguous numeric type) in the expansion.
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn f(x0: &DVector<f64>, y1: f64) -> f64 {
let q2 = x0.sum();
let y3 = match y1 {
v4 if v4 > 2.0 => return (q2 * q2),
v4 if v4 > 1.0 => 0.5,
_ => q2,
};
y3.hypot(1.5)
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(x0: &DVector<T>, y1: T) -> T {
let q2 = x0.sum();
let y3 = match y1 {
v4 if v4.rv() > 2.0 => return (q2 * q2),
v4 if v4.rv() > 1.0 => T::k(0.5),
_ => q2,
};
y3.hypot(T::k(1.5))
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let x0_a = DVector::from_column_slice(&z[0..3]);
let y1_a = z[3];
let r = f_o(&x0_a, y1_a);
vec![r]
}

pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[0.3, -0.8, 1.1, 2.5], &[0.3, -0.8, 1.1, 1.5], &[0.3, -0.8, 1.1, 0.5]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }

let x0_a = DVector::from_column_slice(&z[0..3]);
let y1_a = z[3];
let (_, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<4>, 4>| oracle_flat(d.as_slice())[0], &SVector::<f64, 4>::from_column_slice(z));
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
checked += 1;
let value = f(&x0_a, y1_a);
support::compare("value", &support::flat(&value), &want, z)?;
let (value2, grad) = f_value_and_grad(&x0_a, y1_a);
support::compare("value_and_grad value", &[value2], &want, z)?;
let grad2 = f_grad(&x0_a, y1_a);
support::compare("gradient", &support::flat(&grad2), og.as_slice(), z)?;
support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
let h = f_hessian(&x0_a, y1_a);
support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
let d: Vec<f64> = (0..4).map(|i| 0.7 - 0.37 * i as f64).collect();
let hv = f_hvp(&x0_a, y1_a, (&DVector::from_column_slice(&d[0..3]), d[3]));
let ohv = oh * SVector::<f64, 4>::from_column_slice(&d);
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
Ok(checked)
}
