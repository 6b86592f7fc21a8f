//! Found by the fuzzer (seed 101): a literal if arm before an early return, read with a local vector element, in a function with a nalgebra argument; E0689 (ambiguous float).
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn f(m0: &DMatrix<f64>) -> f64 {
let w1: Vec<f64> = vec![0.0; 2];
let t3 = (if (0.5 >= 0.3125) {
1.875
} else {
let t6: f64 = (if (0.5 >= (-0.25)) {
0.5
} else {
return 0.5;
});
(t6 * t6)
});
(t3.sin() + w1[1usize])
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
fn f(m0: &DMatrix<f64>) -> f64 {
let w1: Vec<f64> = vec![0.0; 2];
let t3 = (if (0.5 >= 0.3125) {
1.875
} else {
let t6: f64 = (if (0.5 >= (-0.25)) {
0.5
} else {
return 0.5;
});
(t6 * t6)
});
(t3.sin() + w1[1usize])
}
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(m0: &DMatrix<T>) -> T {
let w1: Vec<T> = vec![T::k(0.0); 2];
let t3 = (if ((T::k(0.5)).rv() >= (T::k(0.3125)).rv()) {
T::k(1.875)
} else {
let t6 = (if ((T::k(0.5)).rv() >= (T::k(-0.25)).rv()) {
T::k(0.5)
} else {
return T::k(0.5);
});
(t6 * t6)
});
(t3.sin() + w1[1usize])
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let m0_a = DMatrix::from_column_slice(2, 2, &z[0..4]);
let r = f_o(&m0_a);
vec![r]
}

// ---- checks ----
pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[2.254, 0.049, 0.025, 2.215], &[2.181, -0.298, 0.238, 2.124]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }

let m0_a = DMatrix::from_column_slice(2, 2, &z[0..4]);
let (_, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<4>, 4>| oracle_flat(d.as_slice())[0], &SVector::<f64, 4>::from_column_slice(z));
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
checked += 1;
let value = f(&m0_a);
support::compare("value", &support::flat(&value), &want, z)?;
let (value2, grad) = f_value_and_grad(&m0_a);
support::compare("value_and_grad value", &[value2], &want, z)?;
let grad2 = f_grad(&m0_a);
support::compare("gradient", &support::flat(&grad2), og.as_slice(), z)?;
support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
let h = f_hessian(&m0_a);
support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
let d: Vec<f64> = (0..4).map(|i| 0.7 - 0.37 * i as f64).collect();
let hv = f_hvp(&m0_a, &DMatrix::from_column_slice(2, 2, &d[0..4]));
let ohv = oh * SVector::<f64, 4>::from_column_slice(&d);
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
Ok(checked)
}
