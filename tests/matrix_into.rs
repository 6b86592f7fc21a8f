//! The `_into` functions of nalgebra parameters (`f_grad_into`,
//! `f_value_and_grad_into`, `f_hessian_into` with a kept
//! `MatrixWorkspace`): against closed forms and finite differences, against
//! the allocating functions, with wrong-shape outputs, and with one
//! workspace serving functions of different sizes in turn.

use matdiff::{MatrixWorkspace, differentiate};
use nalgebra::{DMatrix, DVector, SMatrix, SVector};

#[differentiate(wrt(x))]
fn quadratic(x: &DVector<f64>, a: &DMatrix<f64>) -> f64 {
    x.dot(&(a * x))
}

#[differentiate(wrt(x))]
fn least_squares(x: &DVector<f64>, a: &DMatrix<f64>, b: &DVector<f64>) -> f64 {
    (a * x - b).norm_squared()
}

#[differentiate(wrt(w))]
fn logistic(w: &DVector<f64>, x: &DMatrix<f64>, y: &DVector<f64>) -> f64 {
    let z = x * w;
    z.map(matdiff::softplus).sum() - y.dot(&z)
}

#[differentiate(wrt(u, v), no_hessian)]
fn factorisation(x: &DMatrix<f64>, u: &DMatrix<f64>, v: &DMatrix<f64>) -> f64 {
    (x - u * v).norm_squared()
}

#[differentiate]
fn fixed(m: &SMatrix<f64, 2, 3>, v: &SVector<f64, 3>) -> f64 {
    (m * v).map(f64::sin).sum() + 0.5 * v.dot(v) * m.norm_squared()
}

fn data(r: usize, c: usize, seed: f64) -> DMatrix<f64> {
    DMatrix::from_fn(r, c, |i, j| ((i * 7 + j * 13) as f64 * 0.37 + seed).sin())
}

fn column(n: usize, seed: f64) -> DVector<f64> {
    DVector::from_fn(n, |i, _| ((i * 11) as f64 * 0.29 + seed).cos())
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// `a` and `b` agree to `tol` relative to `b`'s size.
#[track_caller]
fn assert_close<R: nalgebra::Dim, C: nalgebra::Dim, S1, S2>(
    a: &nalgebra::Matrix<f64, R, C, S1>,
    b: &nalgebra::Matrix<f64, R, C, S2>,
    tol: f64,
    what: &str,
) where
    S1: nalgebra::RawStorage<f64, R, C>,
    S2: nalgebra::RawStorage<f64, R, C>,
{
    assert_eq!(a.shape(), b.shape(), "{what}: shapes");
    let off = a.iter().zip(b.iter()).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max);
    let size = b.iter().map(|y| y.abs()).fold(1.0, f64::max);
    assert!(off <= tol * size, "{what}: off by {off:e} (scale {size:e})");
}

/// The three closed forms, with one workspace for all the calls of a size,
/// sizes on both sides of the threshold past which products take the packed
/// kernel, and two calls each (the second one runs on the storage the
/// first gave back).
#[test]
fn closed_forms() {
    let mut ws = MatrixWorkspace::default();
    for n in [1, 4, 9, 40] {
        let (x, a) = (column(n, 0.1), data(n, n, 0.2));
        let (mut g, mut h) = (DVector::zeros(n), DMatrix::zeros(n, n));
        let grad = (&a + a.transpose()) * &x;
        for _ in 0..2 {
            quadratic_grad_into(&x, &a, &mut g, &mut ws);
            assert_close(&g, &grad, 1e-13, "x'Ax gradient");
            quadratic_hessian_into(&x, &a, &mut h, &mut ws);
            assert_close(&h, &(&a + a.transpose()), 1e-13, "x'Ax Hessian");
            g.fill(f64::NAN);
            let value = quadratic_value_and_grad_into(&x, &a, &mut g, &mut ws);
            assert!((value - x.dot(&(&a * &x))).abs() <= 1e-12 * (1.0 + value.abs()));
            assert_close(&g, &grad, 1e-13, "x'Ax value and gradient");
        }

        let m = 3 * n + 2;
        let (a, b) = (data(m, n, 0.3), column(m, 0.4));
        let grad = a.transpose() * (&a * &x - &b) * 2.0;
        let hessian = a.transpose() * &a * 2.0;
        for _ in 0..2 {
            least_squares_grad_into(&x, &a, &b, &mut g, &mut ws);
            assert_close(&g, &grad, 1e-12, "least squares gradient");
            least_squares_hessian_into(&x, &a, &b, &mut h, &mut ws);
            assert_close(&h, &hessian, 1e-12, "least squares Hessian");
        }

        let (w, features) = (column(n, 0.5) * 0.3, data(m, n, 0.6));
        let labels = DVector::from_fn(m, |i, _| (i % 3 == 0) as u8 as f64);
        let p = (&features * &w).map(sigmoid);
        let grad = features.transpose() * (&p - &labels);
        let mut weighted = features.clone();
        for (mut row, p) in weighted.row_iter_mut().zip(p.iter()) {
            row *= p * (1.0 - p);
        }
        let hessian = features.transpose() * weighted;
        for _ in 0..2 {
            logistic_grad_into(&w, &features, &labels, &mut g, &mut ws);
            assert_close(&g, &grad, 1e-12, "logistic gradient");
            logistic_hessian_into(&w, &features, &labels, &mut h, &mut ws);
            assert_close(&h, &hessian, 1e-12, "logistic Hessian");
        }
    }
}

/// A function of static sizes against central differences of `f` (first
/// derivatives) and second differences (the Hessian).
#[test]
fn fixed_sizes_against_finite_differences() {
    let m = SMatrix::<f64, 2, 3>::new(0.3, -0.7, 1.1, 0.5, 0.2, -0.4);
    let v = SVector::<f64, 3>::new(0.9, -0.3, 0.6);
    let point = |e: &[f64; 9]| {
        let m = SMatrix::<f64, 2, 3>::from_column_slice(&e[..6]);
        let v = SVector::<f64, 3>::from_column_slice(&e[6..]);
        fixed(&m, &v)
    };
    let mut at = [0.0; 9];
    at[..6].copy_from_slice(m.as_slice());
    at[6..].copy_from_slice(v.as_slice());
    let shifted = |steps: &[(usize, f64)]| {
        let mut e = at;
        for &(i, s) in steps {
            e[i] += s;
        }
        point(&e)
    };

    let mut ws = MatrixWorkspace::default();
    let (mut gm, mut gv) = (SMatrix::<f64, 2, 3>::zeros(), SVector::<f64, 3>::zeros());
    let mut hessian = SMatrix::<f64, 9, 9>::zeros();
    let value = fixed_value_and_grad_into(&m, &v, &mut gm, &mut gv, &mut ws);
    assert!((value - fixed(&m, &v)).abs() < 1e-14);
    fixed_hessian_into(&m, &v, &mut hessian, &mut ws);

    let h = 1e-6;
    for i in 0..9 {
        let difference = (shifted(&[(i, h)]) - shifted(&[(i, -h)])) / (2.0 * h);
        let generated = if i < 6 { gm.as_slice()[i] } else { gv[i - 6] };
        assert!((generated - difference).abs() < 1e-7, "df/de{i}: {generated} against {difference}");
    }
    let h = 1e-4;
    for i in 0..9 {
        for j in 0..9 {
            let difference = (shifted(&[(i, h), (j, h)]) - shifted(&[(i, h), (j, -h)]) - shifted(&[(i, -h), (j, h)])
                + shifted(&[(i, -h), (j, -h)]))
                / (4.0 * h * h);
            let generated = hessian[(i, j)];
            assert!((generated - difference).abs() < 1e-5, "d2f/de{i} de{j}: {generated} against {difference}");
        }
    }
    assert!(ws.held() == (0, 0), "static sizes live on the stack, not in the workspace");
}

/// The `_into` functions give what the allocating ones give, for a function
/// of several matrix arguments too.
#[test]
fn agree_with_the_allocating_functions() {
    let mut ws = MatrixWorkspace::default();
    let (x, u, v) = (data(12, 9, 0.1), data(12, 7, 0.2), data(7, 9, 0.3));
    let (mut gu, mut gv) = (DMatrix::zeros(12, 7), DMatrix::zeros(7, 9));
    let value = factorisation_value_and_grad_into(&x, &u, &v, &mut gu, &mut gv, &mut ws);
    let (expected_value, (eu, ev)) = factorisation_value_and_grad(&x, &u, &v);
    assert!((value - expected_value).abs() <= 1e-12 * expected_value.abs());
    assert_close(&gu, &eu, 1e-13, "factorisation in u");
    assert_close(&gv, &ev, 1e-13, "factorisation in v");
    // And the closed form: -2 (X - UV) V' and -2 U'(X - UV).
    let residual = &x - &u * &v;
    assert_close(&gu, &(&residual * v.transpose() * -2.0), 1e-12, "factorisation in u, closed form");
    assert_close(&gv, &(u.transpose() * &residual * -2.0), 1e-12, "factorisation in v, closed form");

    let (w, features) = (column(6, 0.2), data(25, 6, 0.4));
    let labels = DVector::from_fn(25, |i, _| (i % 2) as f64);
    let (mut g, mut h) = (DVector::zeros(6), DMatrix::zeros(6, 6));
    logistic_grad_into(&w, &features, &labels, &mut g, &mut ws);
    assert_close(&g, &logistic_grad(&w, &features, &labels), 1e-13, "logistic gradient");
    logistic_hessian_into(&w, &features, &labels, &mut h, &mut ws);
    assert_close(&h, &logistic_hessian(&w, &features, &labels), 1e-13, "logistic Hessian");

    let (x, a, b) = (column(6, 0.5), data(20, 6, 0.6), column(20, 0.7));
    least_squares_hessian_into(&x, &a, &b, &mut h, &mut ws);
    assert_close(&h, &least_squares_hessian(&x, &a, &b), 1e-13, "least squares Hessian");
}

/// One workspace for functions of different sizes, called in turn: every
/// result is right whatever storage the previous calls left in it.
#[test]
fn one_workspace_for_functions_of_different_sizes() {
    let mut ws = MatrixWorkspace::default();
    for (round, n) in [30, 2, 17, 6, 45, 1, 30].into_iter().enumerate() {
        let (x, a) = (column(n, 0.1 * round as f64), data(n, n, 0.2 + round as f64));
        let mut g = DVector::zeros(n);
        quadratic_grad_into(&x, &a, &mut g, &mut ws);
        assert_close(&g, &((&a + a.transpose()) * &x), 1e-13, "x'Ax gradient");

        let m = 2 * n + 5;
        let (a, b) = (data(m, n, 0.3), column(m, 0.4));
        let mut h = DMatrix::zeros(n, n);
        least_squares_hessian_into(&x, &a, &b, &mut h, &mut ws);
        assert_close(&h, &(a.transpose() * &a * 2.0), 1e-12, "least squares Hessian");

        let (xm, u, v) = (data(n + 3, n + 1, 0.5), data(n + 3, 4, 0.6), data(4, n + 1, 0.7));
        let (mut gu, mut gv) = (DMatrix::zeros(n + 3, 4), DMatrix::zeros(4, n + 1));
        factorisation_grad_into(&xm, &u, &v, &mut gu, &mut gv, &mut ws);
        let residual = &xm - &u * &v;
        assert_close(&gu, &(&residual * v.transpose() * -2.0), 1e-12, "factorisation in u");
        assert_close(&gv, &(u.transpose() * &residual * -2.0), 1e-12, "factorisation in v");

        let mut h = DMatrix::zeros(n, n);
        let a = data(n, n, 0.8);
        quadratic_hessian_into(&x, &a, &mut h, &mut ws);
        assert_close(&h, &(&a + a.transpose()), 1e-13, "x'Ax Hessian");
    }
}

#[test]
#[should_panic(expected = "`grad_x` is 4 x 1 but must be 5 x 1, the shape of `x`")]
fn a_gradient_of_the_wrong_shape_panics_naming_the_argument() {
    let (x, a) = (column(5, 0.1), data(5, 5, 0.2));
    let mut g = DVector::zeros(4);
    quadratic_grad_into(&x, &a, &mut g, &mut MatrixWorkspace::default());
}

#[test]
#[should_panic(expected = "`grad_v` is 7 x 8 but must be 7 x 9, the shape of `v`")]
fn the_second_gradient_of_the_wrong_shape_panics_naming_its_argument() {
    let (x, u, v) = (data(12, 9, 0.1), data(12, 7, 0.2), data(7, 9, 0.3));
    let (mut gu, mut gv) = (DMatrix::zeros(12, 7), DMatrix::zeros(7, 8));
    factorisation_grad_into(&x, &u, &v, &mut gu, &mut gv, &mut MatrixWorkspace::default());
}

#[test]
#[should_panic(expected = "`hessian` is 5 x 4 but must be 5 x 5")]
fn a_hessian_of_the_wrong_shape_panics() {
    let (x, a, b) = (column(5, 0.1), data(9, 5, 0.2), column(9, 0.3));
    let mut h = DMatrix::zeros(5, 4);
    least_squares_hessian_into(&x, &a, &b, &mut h, &mut MatrixWorkspace::default());
}

/// Calls with inputs of the same sizes leave the workspace as they found it
/// from the third on: what a rule allocates by itself and gives back is not
/// kept beyond what the calls ask for.
#[test]
fn a_kept_workspace_does_not_grow_call_after_call() {
    let (x, a, b) = (column(20, 0.1), data(60, 20, 0.2), column(60, 0.3));
    let (w, features) = (column(20, 0.2), data(60, 20, 0.4));
    let mut h = DMatrix::zeros(20, 20);
    let mut ws = MatrixWorkspace::default();
    let mut held = Vec::new();
    for _ in 0..8 {
        least_squares_hessian_into(&x, &a, &b, &mut h, &mut ws);
        logistic_hessian_into(&w, &features, &b, &mut h, &mut ws);
        held.push(ws.held());
    }
    assert!(held[2..].iter().all(|&h| h == held[2]), "the workspace grew: {held:?}");
}
