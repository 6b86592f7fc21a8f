//! nalgebra values built from differentiated floats (`Vector3::new(a, b,
//! c)`, `DVector::from_vec(vec![..])`, `from_column_slice`,
//! `SVector::from([..])`, `from_fn`): gradients and Hessians of scalar
//! functions that build a vector and reduce it, and Jacobians of functions
//! that return the vector, against closed forms and Ridders differences of
//! the plain functions (`matdiff::check`), which are independent of the
//! generated code.

use matdiff::check;
use matdiff::differentiate;
use nalgebra::{
    DMatrix, DVector, Matrix2, Matrix2x3, Matrix3, RowVector3, SMatrix, SVector, Vector2, Vector3, Vector4, Vector5,
    Vector6,
};

const GRAD_TOL: f64 = 1e-8;
const HESS_TOL: f64 = 1e-6;

/// Gradient and Hessian of a function of `N` scalars against Ridders
/// differences of `plain`.
#[track_caller]
fn check_grad_hess(what: &str, plain: impl Fn(&[f64]) -> f64 + Copy, p: &[f64], grad: &[f64], hess: &[Vec<f64>]) {
    check::assert_all_close(grad, &check::gradient(plain, p), GRAD_TOL, &format!("{what}: gradient"));
    let fd = check::hessian(plain, p);
    for i in 0..p.len() {
        check::assert_all_close(&hess[i], &fd[i], HESS_TOL, &format!("{what}: Hessian row {i}"));
    }
}

fn rows<const N: usize>(h: &SMatrix<f64, N, N>) -> Vec<Vec<f64>> {
    (0..N).map(|i| (0..N).map(|j| h[(i, j)]).collect()).collect()
}

fn drows(h: &DMatrix<f64>) -> Vec<Vec<f64>> {
    (0..h.nrows()).map(|i| (0..h.ncols()).map(|j| h[(i, j)]).collect()).collect()
}

/// The Jacobian of `plain` (m outputs) at `p` by Ridders differences, row
/// by row.
fn jacobian_fd(plain: impl Fn(&[f64]) -> Vec<f64> + Copy, p: &[f64]) -> Vec<Vec<f64>> {
    let m = plain(p).len();
    (0..m).map(|i| check::gradient(|x| plain(x)[i], p)).collect()
}

// ----- seed 003, exercise 4.4.4 -----------------------------------------

/// f(x, y, z) = (x + y + z, xyz) as a `DVector`.
#[differentiate]
fn exercise_4_4_4(x: f64, y: f64, z: f64) -> DVector<f64> {
    DVector::from_vec(vec![x + y + z, x * y * z])
}

/// The same as a `Vector2`, built with `new`.
#[differentiate]
fn exercise_4_4_4_static(x: f64, y: f64, z: f64) -> Vector2<f64> {
    Vector2::new(x + y + z, x * y * z)
}

/// The same from a slice, as `SVector::from`.
#[differentiate]
fn exercise_4_4_4_array(x: &[f64; 3]) -> SVector<f64, 2> {
    SVector::<f64, 2>::from([x[0] + x[1] + x[2], x[0] * x[1] * x[2]])
}

#[test]
fn seed_exercise_4_4_4_jacobian_is_the_closed_form() {
    for (x, y, z) in [(1.5, -2.0, 3.0), (0.25, 4.0, -0.5)] {
        let expected = [[1.0, 1.0, 1.0], [y * z, x * z, x * y]];
        assert_eq!(exercise_4_4_4(x, y, z), DVector::from_vec(vec![x + y + z, x * y * z]));
        let j = exercise_4_4_4_jacobian(x, y, z);
        let s = exercise_4_4_4_static_jacobian(x, y, z);
        let a = exercise_4_4_4_array_jacobian(&[x, y, z]);
        assert_eq!(j.shape(), (2, 3));
        for r in 0..2 {
            for c in 0..3 {
                assert_eq!(j[(r, c)], expected[r][c], "DVector ({r}, {c})");
                assert_eq!(s[(r, c)], expected[r][c], "Vector2 ({r}, {c})");
                assert_eq!(a[(r, c)], expected[r][c], "SVector::from ({r}, {c})");
            }
        }
    }
}

// ----- every constructor, in gradients and Hessians -----------------------

#[differentiate]
fn v2(x: f64, y: f64) -> f64 {
    Vector2::new(x * y, y.sin()).norm_squared()
}

#[differentiate]
fn v3(x: f64, y: f64) -> f64 {
    // Constants mixed with differentiated elements.
    let v = Vector3::new(x * y, 2.0, y.exp());
    let w = Vector3::new(1.0, -1.0, 0.5);
    v.norm_squared() + v.dot(&w)
}

#[differentiate]
fn v4(x: f64, y: f64) -> f64 {
    Vector4::new(x, y, x * y, 1.0).norm()
}

#[differentiate]
fn v5(x: f64, y: f64) -> f64 {
    let v = Vector5::new(x, y, x - y, x * x, 3.0);
    v.dot(&Vector5::new(1.0, 2.0, 3.0, 4.0, 5.0)) * v.sum()
}

#[differentiate]
fn v6(x: f64, y: f64) -> f64 {
    Vector6::new(x, y, x.cos(), y.cos(), x * y, 0.0).map(|e| e * e * e).sum()
}

fn v2_plain(p: &[f64]) -> f64 {
    (p[0] * p[1]).powi(2) + p[1].sin().powi(2)
}
fn v3_plain(p: &[f64]) -> f64 {
    let v = [p[0] * p[1], 2.0, p[1].exp()];
    v.iter().map(|e| e * e).sum::<f64>() + v[0] - v[1] + 0.5 * v[2]
}
fn v4_plain(p: &[f64]) -> f64 {
    let v = [p[0], p[1], p[0] * p[1], 1.0];
    v.iter().map(|e| e * e).sum::<f64>().sqrt()
}
fn v5_plain(p: &[f64]) -> f64 {
    let v = [p[0], p[1], p[0] - p[1], p[0] * p[0], 3.0];
    let dot: f64 = v.iter().zip([1.0, 2.0, 3.0, 4.0, 5.0]).map(|(a, b)| a * b).sum();
    dot * v.iter().sum::<f64>()
}
fn v6_plain(p: &[f64]) -> f64 {
    [p[0], p[1], p[0].cos(), p[1].cos(), p[0] * p[1], 0.0].iter().map(|e| e * e * e).sum()
}

#[test]
fn vector_new_of_every_size() {
    let p = [0.7, -1.3];
    let v2_h = v2_hessian(p[0], p[1]);
    check_grad_hess("Vector2::new", v2_plain, &p, &v2_grad(p[0], p[1]), &rows(&v2_h));
    // Closed form: f = x²y² + sin²y.
    let (x, y) = (p[0], p[1]);
    assert!((v2_grad(x, y)[0] - 2.0 * x * y * y).abs() < 1e-14);
    assert!((v2_h[(0, 1)] - 4.0 * x * y).abs() < 1e-13);
    check_grad_hess("Vector3::new", v3_plain, &p, &v3_grad(x, y), &rows(&v3_hessian(x, y)));
    check_grad_hess("Vector4::new", v4_plain, &p, &v4_grad(x, y), &rows(&v4_hessian(x, y)));
    check_grad_hess("Vector5::new", v5_plain, &p, &v5_grad(x, y), &rows(&v5_hessian(x, y)));
    check_grad_hess("Vector6::new", v6_plain, &p, &v6_grad(x, y), &rows(&v6_hessian(x, y)));
    let (value, _) = v5_value_and_grad(x, y);
    assert_eq!(value, v5(x, y));
    let hv = v3_hvp(x, y, [0.5, 2.0]);
    let h = v3_hessian(x, y);
    check::assert_all_close(&hv, &[h[(0, 0)] * 0.5 + h[(0, 1)] * 2.0, h[(1, 0)] * 0.5 + h[(1, 1)] * 2.0], 1e-12, "hvp");
}

/// `Matrix2::new` lists its elements row by row: det = ad - bc.
#[differentiate]
fn det2(a: f64, b: f64, c: f64, d: f64) -> f64 {
    Matrix2::new(a, b, c, d).determinant()
}

/// A 3x3 matrix written row by row, read back by `(row, column)`.
#[differentiate]
fn weighted3(x: f64, y: f64) -> f64 {
    let m = Matrix3::new(x, 2.0 * x, 3.0 * x, y, 5.0 * y, 7.0 * y * y, 0.0, 1.0, x * y);
    m[(0, 2)] * m[(1, 0)] + m[(1, 2)] - m[(0, 1)] + m[(2, 2)] * m[(2, 1)]
}

#[test]
fn matrix_new_takes_its_elements_row_by_row() {
    let (a, b, c, d) = (1.5, -0.5, 2.0, 3.0);
    check::assert_all_close(&det2_grad(a, b, c, d), &[d, -c, -b, a], 1e-14, "det gradient");
    let h = det2_hessian(a, b, c, d);
    let expected = [[0.0, 0.0, 0.0, 1.0], [0.0, 0.0, -1.0, 0.0], [0.0, -1.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0]];
    for i in 0..4 {
        for j in 0..4 {
            // The determinant's second-order rule goes through the inverse.
            assert!((h[(i, j)] - expected[i][j]).abs() < 1e-12, "({i}, {j}): {}", h[(i, j)]);
        }
    }
    // f = 3x * y + 7y² - 2x + xy.
    let (x, y) = (0.5, -2.0);
    assert_eq!(weighted3(x, y), 3.0 * x * y + 7.0 * y * y - 2.0 * x + x * y);
    assert_eq!(weighted3_grad(x, y), [4.0 * y - 2.0, 4.0 * x + 14.0 * y]);
}

/// A matrix from its columns, which are vectors built from the scalars.
#[differentiate]
fn from_columns(x: f64, y: f64, z: f64) -> f64 {
    let a = Vector3::new(x, y, 0.0);
    let b = Vector3::new(y * z, 2.0, x);
    let m = Matrix3::from_columns(&[a, b, Vector3::new(1.0, z, z * x)]);
    m.determinant() + m[(2, 1)]
}

fn from_columns_plain(p: &[f64]) -> f64 {
    let (x, y, z) = (p[0], p[1], p[2]);
    let m = Matrix3::new(x, y * z, 1.0, y, 2.0, z, 0.0, x, z * x);
    m.determinant() + x
}

/// A 2x3 matrix from its rows.
#[differentiate]
fn from_rows(x: f64, y: f64, z: f64) -> f64 {
    let top = RowVector3::new(x, y * y, z);
    let m = Matrix2x3::from_rows(&[top, RowVector3::new(1.0, x * z, y)]);
    (m * Vector3::new(1.0, 2.0, 3.0)).norm_squared() + m[(1, 1)] * m[(0, 2)]
}

fn from_rows_plain(p: &[f64]) -> f64 {
    let (x, y, z) = (p[0], p[1], p[2]);
    let r0 = x + 2.0 * y * y + 3.0 * z;
    let r1 = 1.0 + 2.0 * x * z + 3.0 * y;
    r0 * r0 + r1 * r1 + x * z * z
}

#[test]
fn matrices_from_columns_and_rows() {
    for p in [[0.4, -1.1, 0.7], [1.3, 0.6, -0.2]] {
        let (x, y, z) = (p[0], p[1], p[2]);
        assert!((from_columns(x, y, z) - from_columns_plain(&p)).abs() < 1e-12);
        check_grad_hess(
            "Matrix3::from_columns",
            from_columns_plain,
            &p,
            &from_columns_grad(x, y, z),
            &rows(&from_columns_hessian(x, y, z)),
        );
        assert!((from_rows(x, y, z) - from_rows_plain(&p)).abs() < 1e-12);
        check_grad_hess(
            "Matrix2x3::from_rows",
            from_rows_plain,
            &p,
            &from_rows_grad(x, y, z),
            &rows(&from_rows_hessian(x, y, z)),
        );
    }
}

#[differentiate]
fn from_array(x: f64, y: f64) -> f64 {
    let v = SVector::<f64, 3>::from([x, x * y, 1.0]);
    let w = Vector3::from([y, 2.0, x]);
    v.dot(&w) + v.norm_squared()
}

fn from_array_plain(p: &[f64]) -> f64 {
    let (x, y) = (p[0], p[1]);
    x * y + 2.0 * x * y + x + x * x + x * x * y * y + 1.0
}

#[differentiate]
fn from_vec_literal(x: f64, y: f64) -> f64 {
    let v = DVector::from_vec(vec![x, 0.5, x * y.sin()]);
    v.norm_squared() * v[2]
}

fn from_vec_literal_plain(p: &[f64]) -> f64 {
    let c = p[0] * p[1].sin();
    (p[0] * p[0] + 0.25 + c * c) * c
}

#[differentiate]
fn from_slice_literal(x: f64, y: f64) -> f64 {
    let v = DVector::from_column_slice(&[x.exp(), y, x - y]);
    v.sum() * v.max()
}

fn from_slice_literal_plain(p: &[f64]) -> f64 {
    let v = [p[0].exp(), p[1], p[0] - p[1]];
    v.iter().sum::<f64>() * v.iter().cloned().fold(f64::NEG_INFINITY, f64::max)
}

#[test]
fn from_arrays_literals_and_slices() {
    for p in [[0.4, -1.1], [1.3, 0.6]] {
        let (x, y) = (p[0], p[1]);
        check_grad_hess(
            "SVector::from",
            from_array_plain,
            &p,
            &from_array_grad(x, y),
            &rows(&from_array_hessian(x, y)),
        );
        check_grad_hess(
            "DVector::from_vec",
            from_vec_literal_plain,
            &p,
            &from_vec_literal_grad(x, y),
            &rows(&from_vec_literal_hessian(x, y)),
        );
        check_grad_hess(
            "DVector::from_column_slice",
            from_slice_literal_plain,
            &p,
            &from_slice_literal_grad(x, y),
            &rows(&from_slice_literal_hessian(x, y)),
        );
    }
}

/// A `Vec` filled in a loop, then made a vector.
#[differentiate]
fn from_filled_vec(x: &[f64]) -> f64 {
    let mut r = vec![0.0; x.len()];
    for i in 0..x.len() {
        r[i] = x[i] * x[i] - (i as f64);
    }
    let v = DVector::from_vec(r);
    v.norm_squared()
}

fn from_filled_vec_plain(x: &[f64]) -> f64 {
    x.iter().enumerate().map(|(i, v)| (v * v - i as f64).powi(2)).sum()
}

/// The slice argument itself as a vector.
#[differentiate]
fn from_argument(x: &[f64]) -> f64 {
    let v = DVector::from_column_slice(x);
    let w = v.map(|e| e.sin());
    w.dot(&v)
}

fn from_argument_plain(x: &[f64]) -> f64 {
    x.iter().map(|e| e * e.sin()).sum()
}

#[differentiate]
fn dvector_from_fn(x: &[f64]) -> f64 {
    let n = x.len();
    let v = DVector::from_fn(n, |i, _| x[i] * x[(i + 1) % n]);
    v.norm_squared()
}

fn dvector_from_fn_plain(x: &[f64]) -> f64 {
    let n = x.len();
    (0..n).map(|i| (x[i] * x[(i + 1) % n]).powi(2)).sum()
}

#[differentiate]
fn svector_from_fn(x: f64, y: f64) -> f64 {
    let v = SVector::<f64, 3>::from_fn(|i, _| x.powi(i as i32 + 1) * y);
    let w = Vector3::from_fn(|i, j| (i + j) as f64 * x);
    v.dot(&w)
}

fn svector_from_fn_plain(p: &[f64]) -> f64 {
    let (x, y) = (p[0], p[1]);
    (0..3).map(|i| x.powi(i + 1) * y * (i as f64) * x).sum()
}

#[differentiate]
fn dmatrix_from_fn(x: &[f64]) -> f64 {
    let m = DMatrix::from_fn(2, 3, |i, j| x[i] * x[j] + (j as f64));
    let w = DMatrix::from_vec(3, 2, vec![x[0], 1.0, x[1], x[2], 2.0, x[0] * x[1]]);
    (m * w).trace()
}

fn dmatrix_from_fn_plain(x: &[f64]) -> f64 {
    let m = DMatrix::from_fn(2, 3, |i, j| x[i] * x[j] + (j as f64));
    let w = DMatrix::from_vec(3, 2, vec![x[0], 1.0, x[1], x[2], 2.0, x[0] * x[1]]);
    (m * w).trace()
}

#[test]
fn filled_vecs_arguments_and_from_fn() {
    let x = [0.3, -0.8, 1.2, 0.5];
    type Plain = fn(&[f64]) -> f64;
    type Grad = fn(&[f64]) -> Vec<f64>;
    type Hess = fn(&[f64]) -> DMatrix<f64>;
    let cases: [(&str, Plain, Grad, Hess); 4] = [
        ("from_vec of a filled Vec", from_filled_vec_plain, from_filled_vec_grad, from_filled_vec_hessian),
        ("from_column_slice of the argument", from_argument_plain, from_argument_grad, from_argument_hessian),
        ("DVector::from_fn", dvector_from_fn_plain, dvector_from_fn_grad, dvector_from_fn_hessian),
        ("DMatrix::from_fn and from_vec", dmatrix_from_fn_plain, dmatrix_from_fn_grad, dmatrix_from_fn_hessian),
    ];
    for (what, plain, grad, hess) in cases {
        let x = &x[..if what.starts_with("DMatrix") { 3 } else { 4 }];
        check_grad_hess(what, plain, x, &grad(x), &drows(&hess(x)));
    }
    let p = [0.9, -0.4];
    check_grad_hess(
        "SVector::from_fn",
        svector_from_fn_plain,
        &p,
        &svector_from_fn_grad(p[0], p[1]),
        &rows(&svector_from_fn_hessian(p[0], p[1])),
    );
}

// ----- branches, loops, nalgebra arguments -------------------------------

#[differentiate]
fn in_branches(x: f64, y: f64) -> f64 {
    let v = if x > y { Vector2::new(x * y, y) } else { Vector2::new(y, x * x) };
    v.norm_squared()
}

fn in_branches_plain(p: &[f64]) -> f64 {
    let (x, y) = (p[0], p[1]);
    if x > y { (x * y).powi(2) + y * y } else { y * y + x.powi(4) }
}

/// A vector built in every iteration and carried round the loop.
#[differentiate]
fn in_a_loop(x: f64, y: f64, n: usize) -> f64 {
    let mut acc = Vector2::new(0.0, 0.0);
    let mut s = 0.0;
    for k in 0..n {
        let kf = k as f64;
        let step = Vector2::new(x * kf, y.sin() + kf);
        acc += step;
        s += step.dot(&acc);
    }
    s
}

fn in_a_loop_plain(p: &[f64]) -> f64 {
    let (x, y) = (p[0], p[1]);
    let (mut a0, mut a1, mut s) = (0.0, 0.0, 0.0);
    for k in 0..4 {
        let kf = k as f64;
        let (s0, s1) = (x * kf, y.sin() + kf);
        a0 += s0;
        a1 += s1;
        s += s0 * a0 + s1 * a1;
    }
    s
}

#[differentiate(wrt(x, y))]
fn with_a_matrix_argument(a: &DMatrix<f64>, x: f64, y: f64) -> f64 {
    let v = DVector::from_vec(vec![x, y * y]);
    (a * v).norm_squared()
}

#[test]
fn branches_loops_and_matrix_arguments() {
    for p in [[0.8, -0.3], [-0.5, 1.1]] {
        let (x, y) = (p[0], p[1]);
        check_grad_hess("branch", in_branches_plain, &p, &in_branches_grad(x, y), &rows(&in_branches_hessian(x, y)));
        let grad = in_a_loop_grad(x, y, 4);
        check_grad_hess("loop", in_a_loop_plain, &p, &grad, &rows(&in_a_loop_hessian(x, y, 4)));
    }
    let a = DMatrix::from_row_slice(3, 2, &[1.0, 2.0, -0.5, 0.25, 3.0, 1.5]);
    let plain = |p: &[f64]| (&a * DVector::from_vec(vec![p[0], p[1] * p[1]])).norm_squared();
    let p = [0.6, -1.4];
    let h = with_a_matrix_argument_hessian(&a, p[0], p[1]);
    let grad = with_a_matrix_argument_grad(&a, p[0], p[1]);
    check_grad_hess("matrix argument", plain, &p, &grad, &rows(&h));
}

// ----- Jacobians of functions that return the vector ----------------------

/// Residuals of y = a exp(b t) + c, built with `from_fn`.
#[differentiate(wrt(p))]
fn residuals(p: &DVector<f64>, t: &[f64], y: &[f64]) -> DVector<f64> {
    DVector::from_fn(t.len(), |i, _| p[0] * (p[1] * t[i]).exp() + p[2] - y[i])
}

/// The same residuals from a `Vec` filled in a loop.
#[differentiate(wrt(p))]
fn residuals_loop(p: &DVector<f64>, t: &[f64], y: &[f64]) -> DVector<f64> {
    let mut r = vec![0.0; t.len()];
    for i in 0..t.len() {
        r[i] = p[0] * (p[1] * t[i]).exp() + p[2] - y[i];
    }
    DVector::from_vec(r)
}

/// `from_fn` sized by the argument it reads.
#[differentiate]
fn doubled(x: &DVector<f64>) -> DVector<f64> {
    DVector::from_fn(x.len(), |i, _| x[i] * x[(i + 1) % x.len()])
}

/// A static vector of three scalars, with a branch.
#[differentiate]
fn spherical(r: f64, theta: f64, phi: f64) -> Vector3<f64> {
    let s = if r > 0.0 { r } else { -r };
    Vector3::new(s * theta.sin() * phi.cos(), s * theta.sin() * phi.sin(), s * theta.cos())
}

/// A slice's entries times their neighbours, from a loop-filled `Vec`.
#[differentiate]
fn products(x: &[f64]) -> DVector<f64> {
    let n = x.len();
    let mut r = Vec::new();
    r.resize(n - 1, 0.0);
    let mut out = vec![0.0; n - 1];
    for i in 0..n - 1 {
        out[i] = x[i] * x[i + 1] + r[i];
    }
    DVector::from_column_slice(&out)
}

#[test]
fn jacobians_of_built_vectors() {
    let t = [0.0, 0.5, 1.0, 1.5, 2.0];
    let y = [1.0, 2.0, 0.5, -1.0, 3.0];
    let p = DVector::from_vec(vec![1.5, -0.7, 0.3]);
    // Closed form: row i is (exp(b t_i), a t_i exp(b t_i), 1).
    for j in [residuals_jacobian(&p, &t, &y), residuals_loop_jacobian(&p, &t, &y)] {
        assert_eq!(j.shape(), (5, 3));
        for i in 0..5 {
            let e = (p[1] * t[i]).exp();
            let expected = [e, p[0] * t[i] * e, 1.0];
            check::assert_all_close(&[j[(i, 0)], j[(i, 1)], j[(i, 2)]], &expected, 1e-14, &format!("row {i}"));
        }
    }

    let x = DVector::from_vec(vec![0.5, -2.0, 3.0]);
    let j = doubled_jacobian(&x);
    for i in 0..3 {
        for k in 0..3 {
            let expected = if k == i && k == (i + 1) % 3 {
                2.0 * x[i]
            } else if k == i {
                x[(i + 1) % 3]
            } else if k == (i + 1) % 3 {
                x[i]
            } else {
                0.0
            };
            assert_eq!(j[(i, k)], expected, "doubled ({i}, {k})");
        }
    }

    let q = [1.3, 0.7, -0.4];
    let j = spherical_jacobian(q[0], q[1], q[2]);
    let plain = |q: &[f64]| {
        let v = spherical(q[0], q[1], q[2]);
        vec![v[0], v[1], v[2]]
    };
    let fd = jacobian_fd(plain, &q);
    for i in 0..3 {
        check::assert_all_close(&[j[(i, 0)], j[(i, 1)], j[(i, 2)]], &fd[i], GRAD_TOL, &format!("spherical row {i}"));
    }

    let x = [0.5, -1.0, 2.0, 0.25, 1.5];
    let j = products_jacobian(&x);
    assert_eq!(j.shape(), (4, 5));
    for i in 0..4 {
        for k in 0..5 {
            let expected = if k == i {
                x[i + 1]
            } else if k == i + 1 {
                x[i]
            } else {
                0.0
            };
            assert_eq!(j[(i, k)], expected, "({i}, {k})");
        }
    }
}

// ----- matrix results: the Jacobian's rows in column-major order ---------

/// [[x, xy], [y², sin x]], written row by row.
#[differentiate]
fn square_result(x: f64, y: f64) -> Matrix2<f64> {
    Matrix2::new(x, x * y, y * y, x.sin())
}

/// A 2x3 result from its rows.
#[differentiate]
fn rect_result(x: f64, y: f64) -> Matrix2x3<f64> {
    Matrix2x3::from_rows(&[RowVector3::new(x, y, 1.0), RowVector3::new(x * y, 0.0, y.exp())])
}

/// x x' of a dynamic column.
#[differentiate]
fn outer_result(x: &DMatrix<f64>) -> DMatrix<f64> {
    x * x.transpose()
}

/// A result that does not depend on the input.
#[differentiate]
fn constant_result(x: f64) -> DVector<f64> {
    let _ = x;
    DVector::zeros(2)
}

#[test]
fn jacobians_of_matrix_results_follow_column_major_order() {
    let (x, y) = (0.8, -1.5);
    // vec() = (x, y², xy, sin x).
    let j = square_result_jacobian(x, y);
    let expected = [[1.0, 0.0], [0.0, 2.0 * y], [y, x], [x.cos(), 0.0]];
    for (r, row) in expected.iter().enumerate() {
        check::assert_all_close(&[j[(r, 0)], j[(r, 1)]], row, 1e-15, &format!("Matrix2 row {r}"));
    }
    // vec() = (x, xy, y, 0, 1, e^y).
    let j = rect_result_jacobian(x, y);
    let expected = [[1.0, 0.0], [y, x], [0.0, 1.0], [0.0, 0.0], [0.0, 0.0], [0.0, y.exp()]];
    for (r, row) in expected.iter().enumerate() {
        check::assert_all_close(&[j[(r, 0)], j[(r, 1)]], row, 1e-15, &format!("Matrix2x3 row {r}"));
    }
    let v = DMatrix::from_column_slice(3, 1, &[0.5, -2.0, 1.5]);
    let j = outer_result_jacobian(&v);
    assert_eq!(j.shape(), (9, 3));
    let plain = |p: &[f64]| {
        let m = DMatrix::from_column_slice(3, 1, p);
        (&m * m.transpose()).as_slice().to_vec()
    };
    let fd = jacobian_fd(plain, v.as_slice());
    for (r, row) in fd.iter().enumerate() {
        check::assert_all_close(&[j[(r, 0)], j[(r, 1)], j[(r, 2)]], row, GRAD_TOL, &format!("x x' row {r}"));
    }
    assert_eq!(constant_result_jacobian(1.0), DMatrix::zeros(2, 1));
}

/// `check` compares the Jacobian of a matrix result, row by row, with
/// Ridders differences of its `vec()`.
#[differentiate(check)]
fn checked_matrix_result(x: f64, y: f64) -> Matrix2<f64> {
    Matrix2::new(x.exp(), x * y, y * y, x.sin())
}

/// And of a vector built in a loop.
#[differentiate(check(points = [[0.3, -0.7, 1.1]]))]
fn checked_vector_result(x: &[f64]) -> DVector<f64> {
    let mut r = vec![0.0; x.len()];
    for i in 0..x.len() {
        r[i] = x[i] * x[(i + 1) % x.len()];
    }
    DVector::from_vec(r)
}

/// A vector made in every iteration of a loop from an array the loop
/// rewrites, and a vector of constants and loop values.
#[differentiate]
fn rebuilt_in_a_loop(x: &[f64]) -> f64 {
    let mut r = vec![0.0; 2];
    let mut s = 0.0;
    for i in 0..x.len() {
        r[0] = x[i];
        r[1] = x[i] * x[(i + 1) % x.len()];
        let v = DVector::from_column_slice(&r);
        let w = Vector2::new(i as f64, 1.0);
        s += v.norm_squared() * v.dot(&DVector::from_vec(vec![w[0], w[1]]));
    }
    s
}

fn rebuilt_in_a_loop_plain(x: &[f64]) -> f64 {
    let n = x.len();
    (0..n)
        .map(|i| {
            let (a, b) = (x[i], x[i] * x[(i + 1) % n]);
            (a * a + b * b) * (i as f64 * a + b)
        })
        .sum()
}

#[test]
fn vectors_rebuilt_from_a_rewritten_array() {
    let x = [0.3, -1.2, 0.8, 1.5];
    check_grad_hess(
        "rebuilt in a loop",
        rebuilt_in_a_loop_plain,
        &x,
        &rebuilt_in_a_loop_grad(&x),
        &drows(&rebuilt_in_a_loop_hessian(&x)),
    );
}

/// `from_fn` inside a `while` loop, over a carried value, and a fixed array
/// written after the vector was built from it.
#[differentiate]
fn from_fn_in_a_while_loop(x: f64, y: f64) -> f64 {
    let mut a = x;
    let mut s = 0.0;
    let mut k = 0;
    while k < 3 {
        let v = DVector::from_fn(3, |i, _| a * (i as f64) + y);
        s += v.norm_squared();
        a = a * y + 1.0;
        k += 1;
    }
    let mut r = [x, y * y];
    let u = Vector2::from(r);
    r[0] = x * x;
    s + u.dot(&Vector2::new(r[0], r[1]))
}

fn from_fn_in_a_while_loop_plain(p: &[f64]) -> f64 {
    let (x, y) = (p[0], p[1]);
    let (mut a, mut s) = (x, 0.0);
    for _ in 0..3 {
        s += (0..3).map(|i| (a * i as f64 + y).powi(2)).sum::<f64>();
        a = a * y + 1.0;
    }
    s + x * x * x + y.powi(4)
}

#[test]
fn from_fn_in_loops_and_arrays_written_afterwards() {
    for p in [[0.6, 0.9], [-1.2, 0.4]] {
        check_grad_hess(
            "from_fn in a while loop",
            from_fn_in_a_while_loop_plain,
            &p,
            &from_fn_in_a_while_loop_grad(p[0], p[1]),
            &rows(&from_fn_in_a_while_loop_hessian(p[0], p[1])),
        );
    }
}
