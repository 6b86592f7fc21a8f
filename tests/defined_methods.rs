//! nalgebra methods defined by methods with rules (`normalize`, `scale`,
//! `unscale`, `abs`, `amax`, `amin`, `adjoint`) and the fields `.x`, `.y`,
//! `.z`, `.w` of fixed-size vectors: gradients and Hessians against closed
//! forms.

use matdiff::{check, differentiate};
use nalgebra::{DMatrix, DVector, Matrix3, Vector3};

/// The cosine of the angle between `x` and `y`, times |y|: x̂ · y.
#[differentiate]
fn normalized_dot(x: &Vector3<f64>, y: &Vector3<f64>) -> f64 {
    x.normalize().dot(y)
}

#[test]
fn normalize_matches_closed_form() {
    let x = Vector3::new(1.0, 2.0, 2.0);
    let y = Vector3::new(0.5, -1.0, 2.0);
    let (gx, gy) = normalized_dot_grad(&x, &y);
    let n = x.norm();
    let unit = x / n;
    // ∇x = (y - (x̂·y) x̂) / |x|, ∇y = x̂.
    let want_x = (y - unit * unit.dot(&y)) / n;
    check::assert_all_close(gx.as_slice(), want_x.as_slice(), 1e-15, "gradient in x");
    check::assert_all_close(gy.as_slice(), unit.as_slice(), 1e-15, "gradient in y");
}

/// 2|x| + Σ|x_i| + max |x_i| - min |x_i|, with `scale`, `abs`, `amax`, `amin`.
#[differentiate]
fn scaled_and_absolute(x: &DVector<f64>) -> f64 {
    x.scale(2.0).norm() + (x * 1.0).abs().sum() + x.amax() - x.unscale(2.0).amin()
}

#[test]
fn scale_abs_amax_amin_match_closed_form() {
    let x = DVector::from_vec(vec![1.0, -3.0, 2.0, 0.5]);
    let g = scaled_and_absolute_grad(&x);
    let n = x.norm();
    let mut want: Vec<f64> = x.iter().map(|v| 2.0 * v / n + v.signum()).collect();
    want[1] += -1.0; // amax is |x_1| = 3
    want[3] -= 0.5; // amin of x / 2 is |x_3| / 2
    check::assert_all_close(g.as_slice(), &want, 1e-14, "gradient");
    // The Hessian of 2|x| is 2 (I - x̂ x̂') / |x|; the rest is piecewise linear.
    let h = scaled_and_absolute_hessian(&x);
    let unit = &x / n;
    let want_h = (DMatrix::identity(4, 4) - &unit * unit.transpose()) * (2.0 / n);
    check::assert_all_close(h.as_slice(), want_h.as_slice(), 1e-14, "Hessian");
}

/// A rotation about z applied twice, read through `.x`, `.y`, `.z`:
/// 5 cos t + 3.
#[differentiate]
fn rotated_fields(t: f64) -> f64 {
    let r = Matrix3::new(t.cos(), -t.sin(), 0.0, t.sin(), t.cos(), 0.0, 0.0, 0.0, 1.0);
    let p = r * Vector3::new(1.0, 2.0, 3.0);
    p.x + 2.0 * p.y + (r.adjoint() * p).z
}

#[test]
fn vector_fields_match_closed_form() {
    for t in [0.3, -1.2, 2.5] {
        assert!((rotated_fields(t) - (5.0 * t.cos() + 3.0)).abs() < 1e-14);
        assert!((rotated_fields_grad(t)[0] + 5.0 * t.sin()).abs() < 1e-14);
        assert!((rotated_fields_hessian(t)[0] + 5.0 * t.cos()).abs() < 1e-14);
    }
}
