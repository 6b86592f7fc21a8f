//! Known bug: a loop that swaps two carried values (`let t = a; a = b; b =
//! t;`) assigned their cotangents and tangents one after the other, the
//! second reading the first's new value; the gradient of the minimal case
//! was [1.65, 4.95] instead of [3.71, 4.95] at (0.5, 1.5).
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn minimal(x: f64, y: f64) -> f64 {
    let mut a = x;
    let mut b = y * y;
    for _ in 0..3 {
        let t = b;
        b = a;
        a = t;
    }
    a * b.exp()
}

// ---- oracle and checks (not matdiff) ----

fn minimal_o<T: support::Num>(x: T, y: T) -> T {
    let mut a = x;
    let mut b = y * y;
    for _ in 0..3 {
        let t = b;
        b = a;
        a = t;
    }
    a * b.exp()
}

fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
    vec![minimal_o(z[0], z[1])]
}

pub fn check() -> Result<usize, String> {
    let points: &[&[f64]] = &[&[0.5, 1.5], &[-0.7, 0.3], &[1.1, -0.4]];
    let mut checked = 0;
    for z in points {
        let z: &[f64] = z;
        let want = oracle_flat::<f64>(z);
        if !want.iter().all(|v| v.is_finite()) {
            continue;
        }
        let (_, og, oh) = num_dual::hessian(
            |d: SVector<Dual2SVec64<2>, 2>| oracle_flat(d.as_slice())[0],
            &SVector::<f64, 2>::from_column_slice(z),
        );
        if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) {
            continue;
        }
        checked += 1;
        let value = minimal(z[0], z[1]);
        support::compare("value", &[value], &want, z)?;
        let (value2, grad) = minimal_value_and_grad(z[0], z[1]);
        support::compare("value_and_grad value", &[value2], &want, z)?;
        support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
        support::compare("gradient", &support::flat(&minimal_grad(z[0], z[1])), og.as_slice(), z)?;
        let h = minimal_hessian(z[0], z[1]);
        support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
        let d: Vec<f64> = (0..2).map(|i| 0.7 - 0.37 * i as f64).collect();
        let hv = minimal_hvp(z[0], z[1], [d[0], d[1]]);
        let ohv = oh * SVector::<f64, 2>::from_column_slice(&d);
        support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
    }
    Ok(checked)
}
