//! Known bug: the `gather` pass gave a window to the tangent buffer of an
//! array made inside a loop that runs its index down, and declared the
//! window before the loop, where that buffer does not exist yet: E0425
//! "cannot find value `w_dot`" (found with seed 77 in loops mode).
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn minimal(x: f64, y: f64) -> f64 {
    let mut s = x * y;
    for i in (0..3).rev() {
        let mut w = vec![0.0; 4];
        w[i + 1] += x;
        w[i] += y * x;
        s += x.sin() * y;
    }
    s
}

// ---- oracle and checks (not matdiff) ----

fn minimal_o<T: support::Num>(x: T, y: T) -> T {
    let mut s = x * y;
    for i in (0..3).rev() {
        let mut w = vec![x - x; 4];
        w[i + 1] += x;
        w[i] += y * x;
        s += x.sin() * y;
    }
    s
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
