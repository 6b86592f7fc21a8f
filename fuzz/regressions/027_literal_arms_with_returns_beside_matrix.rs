//! Found by the fuzzer (seed 203, nalgebra): literal match arms with early returns whose value later meets powf, in a function with nalgebra arguments; E0689 (ambiguous float).
#![allow(warnings, clippy::all)]
use crate::support;
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector, SVector};
use num_dual::{Dual2SVec64, DualSVec64};

#[differentiate]
fn h(p: f64) -> f64 {
(matdiff::sigmoid(p).clamp((-0.625), 0.875) - p)
}
#[differentiate]
fn f(x0: f64, v0: &DVector<f64>, m0: &DMatrix<f64>) -> f64 {
let t1 = (match 2usize { 1..=2 => {
let t2 = (match v0[0usize] { -1.0..=-0.5 => {
let t3 = x0;
let t4 = h(t3);
(x0 + x0)
} -0.375..=0.625 => {
let t5 = x0;
let t6 = v0.dot(v0);
return t5;
} 0.75..=1.25 => {
(-1.875)
} m7 if (m7 > (-0.3125)) => {
let t8 = ((-1.125f64).abs() + 0.5).recip();
return v0[0usize].mul_add(2.0, 0.25);
} _ => {
let t9 = x0;
(-0.5)
} });
let t10 = t2;
(((if (t2 <= (-0.875)) {
let t11 = t2;
t11
} else {
t10
}) * (if (t2 <= (-0.875)) {
let t11 = t2;
t11
} else {
t10
})) + 1.0).powf((v0[2usize] + x0).cos())
} 3 => {
(match (x0 - x0) { -1.0..=-0.5 => {
(-0.25)
} -0.375..=0.125 => {
v0[1usize].min(x0)
} 0.25..=1.25 => {
let t12: f64 = (if (!(x0 < 0.8125)) {
let t13 = x0;
0.0
} else {
let t14 = x0;
(-0.125)
});
let t15 = (x0 * v0[0usize]);
matdiff::sigmoid(v0[2usize])
} _ => {
let t16 = x0;
return (0.5 + t16);
} })
} _ if ((-x0) >= 0.25) => {
let t17 = x0.max((x0 - x0));
let t18 = matdiff::solve(m0, v0).dot(v0);
return (1usize as f64);
} m19 => {
let t20 = x0.clamp((-1.0), 0.5).round();
return t20;
} });
let mut s21 = (m0[(2usize, 1usize)] + v0.dot(v0));
let n33 = (&(m0 - m0) * &(m0 * &(v0 * s21)));
s21 += (s21.atan2(t1.max(s21)) / 4.0);
(((((x0 / (-0.5)) / ((match x0 { ..=0.0 => {
let t34 = t1;
1.5
} 0.125 => {
let t35 = s21;
let t36 = v0[1usize];
t1
} 0.75..=1.5 => {
let t37 = v0[2usize];
let t38 = x0;
0.75
} m39 => {
let t40 = x0;
(-0.75)
} }).abs() + 0.5)).abs() * s21) * t1) + x0)
}

// ---- the same functions without #[differentiate] ----
mod plain {
use super::*;
fn h(p: f64) -> f64 {
(matdiff::sigmoid(p).clamp((-0.625), 0.875) - p)
}
fn f(x0: f64, v0: &DVector<f64>, m0: &DMatrix<f64>) -> f64 {
let t1 = (match 2usize { 1..=2 => {
let t2 = (match v0[0usize] { -1.0..=-0.5 => {
let t3 = x0;
let t4 = h(t3);
(x0 + x0)
} -0.375..=0.625 => {
let t5 = x0;
let t6 = v0.dot(v0);
return t5;
} 0.75..=1.25 => {
(-1.875)
} m7 if (m7 > (-0.3125)) => {
let t8 = ((-1.125f64).abs() + 0.5).recip();
return v0[0usize].mul_add(2.0, 0.25);
} _ => {
let t9 = x0;
(-0.5)
} });
let t10 = t2;
(((if (t2 <= (-0.875)) {
let t11 = t2;
t11
} else {
t10
}) * (if (t2 <= (-0.875)) {
let t11 = t2;
t11
} else {
t10
})) + 1.0).powf((v0[2usize] + x0).cos())
} 3 => {
(match (x0 - x0) { -1.0..=-0.5 => {
(-0.25)
} -0.375..=0.125 => {
v0[1usize].min(x0)
} 0.25..=1.25 => {
let t12: f64 = (if (!(x0 < 0.8125)) {
let t13 = x0;
0.0
} else {
let t14 = x0;
(-0.125)
});
let t15 = (x0 * v0[0usize]);
matdiff::sigmoid(v0[2usize])
} _ => {
let t16 = x0;
return (0.5 + t16);
} })
} _ if ((-x0) >= 0.25) => {
let t17 = x0.max((x0 - x0));
let t18 = matdiff::solve(m0, v0).dot(v0);
return (1usize as f64);
} m19 => {
let t20 = x0.clamp((-1.0), 0.5).round();
return t20;
} });
let mut s21 = (m0[(2usize, 1usize)] + v0.dot(v0));
let n33 = (&(m0 - m0) * &(m0 * &(v0 * s21)));
s21 += (s21.atan2(t1.max(s21)) / 4.0);
(((((x0 / (-0.5)) / ((match x0 { ..=0.0 => {
let t34 = t1;
1.5
} 0.125 => {
let t35 = s21;
let t36 = v0[1usize];
t1
} 0.75..=1.5 => {
let t37 = v0[2usize];
let t38 = x0;
0.75
} m39 => {
let t40 = x0;
(-0.75)
} }).abs() + 0.5)).abs() * s21) * t1) + x0)
}
}

// ---- oracle and checks (not matdiff) ----

fn h_o<T: support::Num>(p: T) -> T {
(support::sigmoid(p).clamp(T::k(-0.625), T::k(0.875)) - p)
}
fn f_o<T: support::Num>(x0: T, v0: &DVector<T>, m0: &DMatrix<T>) -> T {
let t1 = (match 2usize { 1..=2 => {
let t2 = ({ let m1_ = v0[0usize]; match m1_.rv() { -1.0..=-0.5 => {
let t3 = x0;
let t4 = h_o(t3);
(x0 + x0)
} -0.375..=0.625 => {
let t5 = x0;
let t6 = v0.dot(v0);
return t5;
} 0.75..=1.25 => {
T::k(-1.875)
} _ if { let m7 = m1_; ((m7).rv() > (T::k(-0.3125)).rv()) } => { let m7 = m1_; {
let t8 = (T::k(-1.125).abs() + T::k(0.5)).recip();
return v0[0usize].mul_add(T::k(2.0), T::k(0.25));
} } _ => {
let t9 = x0;
T::k(-0.5)
} } });
let t10 = t2;
(((if ((t2).rv() <= (T::k(-0.875)).rv()) {
let t11 = t2;
t11
} else {
t10
}) * (if ((t2).rv() <= (T::k(-0.875)).rv()) {
let t11 = t2;
t11
} else {
t10
})) + T::k(1.0)).powf((v0[2usize] + x0).cos())
} 3 => {
({ let m2_ = (x0 - x0); match m2_.rv() { -1.0..=-0.5 => {
T::k(-0.25)
} -0.375..=0.125 => {
v0[1usize].min(x0)
} 0.25..=1.25 => {
let t12 = (if (!((x0).rv() < (T::k(0.8125)).rv())) {
let t13 = x0;
T::k(0.0)
} else {
let t14 = x0;
T::k(-0.125)
});
let t15 = (x0 * v0[0usize]);
support::sigmoid(v0[2usize])
} _ => {
let t16 = x0;
return (T::k(0.5) + t16);
} } })
} _ if (((-x0)).rv() >= (T::k(0.25)).rv()) => {
let t17 = x0.max((x0 - x0));
let t18 = support::solve_vec(m0, v0).dot(v0);
return T::k(1usize as f64);
} m19 => {
let t20 = x0.clamp(T::k(-1.0), T::k(0.5)).round();
return t20;
} });
let mut s21 = (m0[(2usize, 1usize)] + v0.dot(v0));
let n33 = (&(m0 - m0) * &(m0 * &(v0 * s21)));
s21 += (s21.atan2(t1.max(s21)) / T::k(4.0));
(((((x0 / T::k(-0.5)) / (({ let m3_ = x0; match m3_.rv() { ..=0.0 => {
let t34 = t1;
T::k(1.5)
} 0.125 => {
let t35 = s21;
let t36 = v0[1usize];
t1
} 0.75..=1.5 => {
let t37 = v0[2usize];
let t38 = x0;
T::k(0.75)
} _ => { let m39 = m3_; {
let t40 = x0;
T::k(-0.75)
} } } }).abs() + T::k(0.5))).abs() * s21) * t1) + x0)
}
fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {
let x0_a = z[0];
let v0_a = DVector::from_column_slice(&z[1..4]);
let m0_a = DMatrix::from_column_slice(3, 3, &z[4..13]);
let r = f_o(x0_a, &v0_a, &m0_a);
vec![r]
}

// ---- checks ----
pub fn check() -> Result<usize, String> {
let points: &[&[f64]] = &[&[-0.793, 0.092, -0.724, -0.547, 1.979, 0.266, -0.182, 0.11, 2.086, 0.103, -0.134, 0.154, 2.063], &[-0.363, 1.276, -0.409, -0.146, 1.893, -0.275, 0.048, 0.291, 1.818, -0.024, 0.176, 0.109, 2.235]];
let mut checked = 0;
for z in points {
let z: &[f64] = z;
let want = oracle_flat::<f64>(z);
if !want.iter().all(|v| v.is_finite()) { continue; }

let x0_a = z[0];
let v0_a = DVector::from_column_slice(&z[1..4]);
let m0_a = DMatrix::from_column_slice(3, 3, &z[4..13]);
let (_, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<13>, 13>| oracle_flat(d.as_slice())[0], &SVector::<f64, 13>::from_column_slice(z));
if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) { continue; }
checked += 1;
let value = f(x0_a, &v0_a, &m0_a);
support::compare("value", &support::flat(&value), &want, z)?;
let (value2, grad) = f_value_and_grad(x0_a, &v0_a, &m0_a);
support::compare("value_and_grad value", &[value2], &want, z)?;
let grad2 = f_grad(x0_a, &v0_a, &m0_a);
support::compare("gradient", &support::flat(&grad2), og.as_slice(), z)?;
support::compare("value_and_grad gradient", &support::flat(&grad), og.as_slice(), z)?;
let h = f_hessian(x0_a, &v0_a, &m0_a);
support::compare_rows("hessian", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;
let d: Vec<f64> = (0..13).map(|i| 0.7 - 0.37 * i as f64).collect();
let hv = f_hvp(x0_a, &v0_a, &m0_a, (d[0], &DVector::from_column_slice(&d[1..4]), &DMatrix::from_column_slice(3, 3, &d[4..13])));
let ohv = oh * SVector::<f64, 13>::from_column_slice(&d);
support::compare("hvp", &support::flat(&hv), ohv.as_slice(), z)?;
}
Ok(checked)
}
