//! Known bug: a `match` whose non-returning arms produce only literals or
//! a variable, its value then used as a method receiver; the generated code
//! failed with E0689 (can't call method `hypot` on ambiguous numeric type `{float}`).
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn literal_arms(x: f64, m: f64) -> f64 {
    let g = x * 0.5;
    let q = x.sin() * m;
    let y2 = match x * m {
        ..=-0.5 => return g * g,
        _ if m > 0.0 => {
            let g = x * m;
            -3.0 + 0.125
        }
        _ => q,
    };
    y2.hypot(1.5)
}

// ---- oracle and checks (not matdiff) ----

fn literal_arms_o<T: support::Num>(x: T, m: T) -> T {
    let g = x * T::k(0.5);
    let q = x.sin() * m;
    let y2 = match (x * m).rv() {
        ..=-0.5 => return g * g,
        _ if m.rv() > 0.0 => {
            let g = x * m;
            T::k(-3.0 + 0.125)
        }
        _ => q,
    };
    y2.hypot(T::k(1.5))
}

fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
    vec![literal_arms_o(z[0], z[1])]
}

pub fn check() -> Result<usize, String> {
    let points: &[&[f64]] = &[&[1.2, -0.8], &[0.7, 0.6], &[-0.4, -0.3]];
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
        let value = literal_arms(z[0], z[1]);
        support::compare("value", &[value], &want, z)?;
        let (value2, grad) = literal_arms_value_and_grad(z[0], z[1]);
        support::compare("value_and_grad value", &[value2], &want, z)?;
        support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
        support::compare("gradient", &support::flat(&literal_arms_grad(z[0], z[1])), og.as_slice(), z)?;
        let h = literal_arms_hessian(z[0], z[1]);
        support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
        let d: Vec<f64> = (0..2).map(|i| 0.7 - 0.37 * i as f64).collect();
        let hv = literal_arms_hvp(z[0], z[1], [d[0], d[1]]);
        let ohv = oh * SVector::<f64, 2>::from_column_slice(&d);
        support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
    }
    Ok(checked)
}
