//! `a.cross(&b)` of nalgebra 3-vectors, static and dynamic: gradients and
//! Hessians against closed forms (Lagrange's identity, the triple product).

use matdiff::differentiate;
use nalgebra::{DVector, Matrix3, Vector3};

/// |r × f|², which is |r|² |f|² - (r · f)².
#[differentiate(wrt(r))]
fn moment_squared(r: &Vector3<f64>, f: &Vector3<f64>) -> f64 {
    r.cross(f).norm_squared()
}

/// The same for dynamic vectors, differentiated in both.
#[differentiate]
fn moment_squared_dynamic(r: &DVector<f64>, f: &DVector<f64>) -> f64 {
    let m = r.cross(f);
    m.dot(&m)
}

/// The triple product (r × f) · w, in every argument.
#[differentiate]
fn triple(r: Vector3<f64>, f: Vector3<f64>, w: Vector3<f64>) -> f64 {
    r.cross(&f).dot(&w)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * (1.0 + b.abs())
}

#[test]
fn cross_gradient_and_hessian_match_lagrange_identity() {
    let r = Vector3::new(0.3, -1.2, 2.0);
    let f = Vector3::new(1.5, 0.4, -0.7);
    let g = moment_squared_grad(&r, &f);
    let want = 2.0 * f.norm_squared() * r - 2.0 * r.dot(&f) * f;
    assert!((g - want).norm() < 1e-12, "{g} vs {want}");
    let h = moment_squared_hessian(&r, &f);
    let want_h = 2.0 * f.norm_squared() * Matrix3::identity() - 2.0 * f * f.transpose();
    assert!((h - want_h).norm() < 1e-12, "{h} vs {want_h}");
}

#[test]
fn cross_of_dynamic_vectors() {
    let r = DVector::from_vec(vec![0.3, -1.2, 2.0]);
    let f = DVector::from_vec(vec![1.5, 0.4, -0.7]);
    let (gr, gf) = moment_squared_dynamic_grad(&r, &f);
    let want_r = 2.0 * f.norm_squared() * &r - 2.0 * r.dot(&f) * &f;
    let want_f = 2.0 * r.norm_squared() * &f - 2.0 * r.dot(&f) * &r;
    assert!((gr - want_r).norm() < 1e-12 && (gf - want_f).norm() < 1e-12);
    // The Hessian over (r, f): blocks 2|f|² I - 2 f f', 2|r|² I - 2 r r', and
    // off the diagonal d²/dr_i df_j = 4 r_i f_j - 2 f_i r_j - 2 (r · f) δ_ij.
    let h = moment_squared_dynamic_hessian(&r, &f);
    let rf = r.dot(&f);
    for i in 0..3 {
        for j in 0..3 {
            let delta = if i == j { 1.0 } else { 0.0 };
            assert!(close(h[(i, j)], 2.0 * f.norm_squared() * delta - 2.0 * f[i] * f[j]), "rr {i} {j}");
            assert!(close(h[(3 + i, 3 + j)], 2.0 * r.norm_squared() * delta - 2.0 * r[i] * r[j]), "ff {i} {j}");
            let cross = 4.0 * r[i] * f[j] - 2.0 * f[i] * r[j] - 2.0 * rf * delta;
            assert!(close(h[(i, 3 + j)], cross) && close(h[(3 + j, i)], cross), "rf {i} {j}: {}", h[(i, 3 + j)]);
        }
    }
}

#[test]
fn triple_product_gradient_is_the_other_cross_products() {
    let (r, f, w) = (Vector3::new(0.3, -1.2, 2.0), Vector3::new(1.5, 0.4, -0.7), Vector3::new(-0.2, 0.9, 1.1));
    let (gr, gf, gw) = triple_grad(r, f, w);
    assert!((gr - f.cross(&w)).norm() < 1e-14);
    assert!((gf - w.cross(&r)).norm() < 1e-14);
    assert!((gw - r.cross(&f)).norm() < 1e-14);
    // The Hessian's (r, f) block is d²/dr_i df_j = ε_ijk w_k, i.e. -[w]×.
    let h = triple_hessian(r, f, w);
    let skew = Matrix3::new(0.0, -w[2], w[1], w[2], 0.0, -w[0], -w[1], w[0], 0.0);
    for i in 0..3 {
        for j in 0..3 {
            assert!((h[(i, 3 + j)] + skew[(i, j)]).abs() < 1e-14, "r{i} f{j}: {}", h[(i, 3 + j)]);
            assert!(h[(i, j)].abs() < 1e-14);
        }
    }
}
