//! Known bug: arms of an `if` and a `match` that bind the same name; the
//! Hessian code failed with E0416 (identifier bound more than once in the same pattern).
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn rebind(x: f64, y: f64) -> f64 {
    let a = if x > 0.0 {
        let t = x * y;
        t.sin()
    } else {
        let t = x + y;
        t * t
    };
    let b = match y {
        ..=0.0 => {
            let t = y.exp();
            t * x
        }
        _ => {
            let t = y * 2.0;
            t + x
        }
    };
    a + b
}

// ---- oracle and checks (not matdiff) ----

fn rebind_o<T: support::Num>(x: T, y: T) -> T {
    let a = if x.rv() > 0.0 {
        let t = x * y;
        t.sin()
    } else {
        let t = x + y;
        t * t
    };
    let b = match y.rv() {
        ..=0.0 => {
            let t = y.exp();
            t * x
        }
        _ => {
            let t = y * T::k(2.0);
            t + x
        }
    };
    a + b
}

fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
    vec![rebind_o(z[0], z[1])]
}

pub fn check() -> Result<usize, String> {
    let points: &[&[f64]] = &[&[0.4, -0.7], &[-0.6, 0.9], &[1.1, 0.35]];
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
        let value = rebind(z[0], z[1]);
        support::compare("value", &[value], &want, z)?;
        let (value2, grad) = rebind_value_and_grad(z[0], z[1]);
        support::compare("value_and_grad value", &[value2], &want, z)?;
        support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
        support::compare("gradient", &support::flat(&rebind_grad(z[0], z[1])), og.as_slice(), z)?;
        let h = rebind_hessian(z[0], z[1]);
        support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
        let d: Vec<f64> = (0..2).map(|i| 0.7 - 0.37 * i as f64).collect();
        let hv = rebind_hvp(z[0], z[1], [d[0], d[1]]);
        let ohv = oh * SVector::<f64, 2>::from_column_slice(&d);
        support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
    }
    Ok(checked)
}
