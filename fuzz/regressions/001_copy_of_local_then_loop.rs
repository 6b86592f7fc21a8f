//! Known bug: a mutable copy of a local, then a loop that reads the local
//! again; the gradient was 0.6 instead of 2.6 (fixed on main).
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn minimal(x: f64) -> f64 {
    let z = x * 2.0;
    let mut s = z;
    for _ in 0..3 {
        s += z * 0.1;
    }
    s
}

// ---- oracle and checks (not matdiff) ----

fn minimal_o<T: support::Num>(x: T) -> T {
    let z = x * T::k(2.0);
    let mut s = z;
    for _ in 0..3 {
        s += z * T::k(0.1);
    }
    s
}

fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
    vec![minimal_o(z[0])]
}

pub fn check() -> Result<usize, String> {
    let points: &[&[f64]] = &[&[-1.0], &[0.3], &[1.3]];
    let mut checked = 0;
    for z in points {
        let z: &[f64] = z;
        let want = oracle_flat::<f64>(z);
        if !want.iter().all(|v| v.is_finite()) {
            continue;
        }
        let (_, og, oh) = num_dual::hessian(
            |d: SVector<Dual2SVec64<1>, 1>| oracle_flat(d.as_slice())[0],
            &SVector::<f64, 1>::from_column_slice(z),
        );
        if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) {
            continue;
        }
        checked += 1;
        let value = minimal(z[0]);
        support::compare("value", &[value], &want, z)?;
        let (value2, grad) = minimal_value_and_grad(z[0]);
        support::compare("value_and_grad value", &[value2], &want, z)?;
        support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
        support::compare("gradient", &support::flat(&minimal_grad(z[0])), og.as_slice(), z)?;
        let h = minimal_hessian(z[0]);
        support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
        let d: Vec<f64> = (0..1).map(|i| 0.7 - 0.37 * i as f64).collect();
        let hv = minimal_hvp(z[0], [d[0]]);
        let ohv = oh * SVector::<f64, 1>::from_column_slice(&d);
        support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
    }
    Ok(checked)
}
