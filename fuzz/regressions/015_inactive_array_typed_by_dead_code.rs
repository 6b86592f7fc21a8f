//! An inactive local array of literals whose float type only dead code told rustc (`x0 * w3[0]`, unused); E0689 (ambiguous numeric type) in the expansion, which drops that code.
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn f(x0: f64, x1: f64) -> f64 {
let w3 = [0.5; 2];
let s4 = (x0 * w3[0usize]);
((x1 * w3[1usize].abs()) + x0)
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(x0: T, x1: T) -> T {
let w3 = [T::k(0.5); 2];
let s4 = (x0 * w3[0usize]);
((x1 * w3[1usize].abs()) + x0)
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let x0_a = z[0];
let x1_a = z[1];
let r = f_o(x0_a, x1_a);
vec![r]
}

pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[-0.211, 1.276], &[1.085, -0.256]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }

let x0_a = z[0];
let x1_a = z[1];
let (_, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<2>, 2>| oracle_flat(d.as_slice())[0], &SVector::<f64, 2>::from_column_slice(z));
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
checked += 1;
let value = f(x0_a, x1_a);
support::compare("value", &support::flat(&value), &want, z)?;
let (value2, grad) = f_value_and_grad(x0_a, x1_a);
support::compare("value_and_grad value", &[value2], &want, z)?;
let grad2 = f_grad(x0_a, x1_a);
support::compare("gradient", &support::flat(&grad2), og.as_slice(), z)?;
support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
let h = f_hessian(x0_a, x1_a);
support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
let d: Vec<f64> = (0..2).map(|i| 0.7 - 0.37 * i as f64).collect();
let hv = f_hvp(x0_a, x1_a, [d[0], d[1]]);
let ohv = oh * SVector::<f64, 2>::from_column_slice(&d);
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
Ok(checked)
}
