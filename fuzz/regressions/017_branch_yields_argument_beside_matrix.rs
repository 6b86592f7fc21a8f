//! Found by the fuzzer (seed 2): a branch yields a differentiated argument unchanged in a function with a nalgebra argument; E0382 (use of a moved tangent bundle) in the bundled Hessian.
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn f(x0: f64, m0: &DMatrix<f64>) -> f64 {
let t3 = (if (x0 <= 0.5) {
x0
} else {
x0
});
((x0 + t3) * x0)
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
fn f(x0: f64, m0: &DMatrix<f64>) -> f64 {
let t3 = (if (x0 <= 0.5) {
x0
} else {
x0
});
((x0 + t3) * x0)
}
}

// ---- oracle and checks (not matdiff) ----

fn f_o<T: support::Num>(x0: T, m0: &DMatrix<T>) -> T {
let t3 = (if ((x0).rv() <= (T::k(0.5)).rv()) {
x0
} else {
x0
});
((x0 + t3) * x0)
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let x0_a = z[0];
let m0_a = DMatrix::from_column_slice(3, 3, &z[1..10]);
let r = f_o(x0_a, &m0_a);
vec![r]
}

// ---- checks ----
pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[0.217, 2.25, 0.152, -0.15, 0.294, 1.76, 0.259, 0.053, 0.213, 2.246], &[-0.067, 1.954, 0.165, -0.183, -0.251, 2.057, 0.164, 0.226, 0.269, 1.964]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }

let x0_a = z[0];
let m0_a = DMatrix::from_column_slice(3, 3, &z[1..10]);
let (_, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<10>, 10>| oracle_flat(d.as_slice())[0], &SVector::<f64, 10>::from_column_slice(z));
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
let d: Vec<f64> = (0..10).map(|i| 0.7 - 0.37 * i as f64).collect();
let hv = f_hvp(x0_a, &m0_a, (d[0], &DMatrix::from_column_slice(3, 3, &d[1..10])));
let ohv = oh * SVector::<f64, 10>::from_column_slice(&d);
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
Ok(checked)
}
