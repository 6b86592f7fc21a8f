//! Views of nalgebra matrices mixed with differentiated values, without
//! `.into_owned()`: views of constant data (`x.column(j) - mu`,
//! `w.dot(&x.column(j))`, `w1 * x.column(j)` in loops over samples) and
//! views of differentiated matrices (`a.rows(0, 2)`, `a.fixed_view::<2,
//! 2>(0, 0)`, `a.view((i, j), (r, c))`, ..), with dynamic and static sizes.
//! Gradients and Hessians against closed forms and against Ridders
//! differences of the plain function.

use matdiff::{check, differentiate};
use nalgebra::{DMatrix, DVector, Matrix2, Matrix3, RowDVector, SMatrix, SVector, Vector2, Vector3};

/// Deterministic numbers in about [-1, 1].
struct Numbers(u64);

impl Numbers {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
    }
    fn vector(&mut self, n: usize) -> DVector<f64> {
        DVector::from_fn(n, |_, _| self.next())
    }
    fn matrix(&mut self, r: usize, c: usize) -> DMatrix<f64> {
        DMatrix::from_fn(r, c, |_, _| self.next())
    }
}

#[track_caller]
fn assert_close(actual: &[f64], expected: &[f64], tol: f64, what: &str) {
    assert_eq!(actual.len(), expected.len(), "{what}: length");
    let scale = expected.iter().fold(1.0f64, |m, v| m.max(v.abs()));
    for (k, (a, e)) in actual.iter().zip(expected).enumerate() {
        assert!(
            (a - e).abs() <= tol * scale,
            "{what}: entry {k} is {a}, expected {e}\nactual {actual:?}\nexpected {expected:?}"
        );
    }
}

/// The gradient and Hessian (rows, flattened) of `plain` by Ridders differences.
fn differences(plain: impl Fn(&[f64]) -> f64 + Copy, at: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let g = check::gradient(plain, at);
    let h = check::hessian(plain, at);
    (g, h.into_iter().flatten().collect())
}

const GRAD_TOL: f64 = 1e-7;
const HESS_TOL: f64 = 1e-5;

// ----- views of constant data --------------------------------------------

/// The Gaussian log-likelihood (unit covariance, up to a constant) of the
/// columns of `x`, the samples, in the mean `mu`.
#[differentiate(wrt(mu))]
fn gaussian_log_likelihood(x: &DMatrix<f64>, mu: &DVector<f64>) -> f64 {
    let mut s = 0.0;
    for j in 0..x.ncols() {
        let d = x.column(j) - mu;
        s += d.norm_squared();
    }
    -0.5 * s
}

/// The same, written with the view on the right and `dot`.
#[differentiate(wrt(mu))]
fn gaussian_by_dot(x: &DMatrix<f64>, mu: &DVector<f64>) -> f64 {
    let mut s = 0.0;
    for j in 0..x.ncols() {
        let xj = x.column(j);
        let d = mu - xj;
        s -= 0.5 * d.dot(&d);
    }
    s
}

#[test]
fn gaussian_log_likelihood_over_columns_has_the_closed_form_gradient_and_hessian() {
    let mut numbers = Numbers(1);
    for (dim, samples) in [(1, 1), (3, 5), (4, 2)] {
        let (x, mu) = (numbers.matrix(dim, samples), numbers.vector(dim));
        // d/dmu = sum_j (x_j - mu); the Hessian is -N I.
        let expected: DVector<f64> = x.column_sum() - &mu * samples as f64;
        let hessian = DMatrix::<f64>::identity(dim, dim) * -(samples as f64);
        for (grad, h, name) in [
            (gaussian_log_likelihood_grad(&x, &mu), gaussian_log_likelihood_hessian(&x, &mu), "x.column(j) - mu"),
            (gaussian_by_dot_grad(&x, &mu), gaussian_by_dot_hessian(&x, &mu), "mu - xj, dot"),
        ] {
            assert_close(grad.as_slice(), expected.as_slice(), 1e-13, name);
            assert_close(h.as_slice(), hessian.as_slice(), 1e-13, name);
        }
        let v = numbers.vector(dim);
        assert_close(
            gaussian_log_likelihood_hvp(&x, &mu, &v).as_slice(),
            (&v * -(samples as f64)).as_slice(),
            1e-13,
            "hvp",
        );
        let direct: f64 = (0..samples).map(|j| -0.5 * (x.column(j) - &mu).norm_squared()).sum();
        assert!((gaussian_log_likelihood_value_and_grad(&x, &mu).0 - direct).abs() < 1e-13);
    }
}

/// Least squares of a linear model over the samples, the columns of `x`.
#[differentiate(wrt(w))]
fn linear_model_loss(x: &DMatrix<f64>, y: &DVector<f64>, w: &DVector<f64>) -> f64 {
    let mut s = 0.0;
    for j in 0..x.ncols() {
        let r = w.dot(&x.column(j)) - y[j];
        s += r * r;
    }
    s
}

#[test]
fn linear_model_over_columns_has_the_closed_form_gradient_and_hessian() {
    let mut numbers = Numbers(2);
    for (features, samples) in [(1, 3), (3, 6), (5, 4)] {
        let (x, y, w) = (numbers.matrix(features, samples), numbers.vector(samples), numbers.vector(features));
        // r = X'w - y; the gradient is 2 X r, the Hessian 2 X X'.
        let r = x.tr_mul(&w) - &y;
        let expected = &x * &r * 2.0;
        assert_close(linear_model_loss_grad(&x, &y, &w).as_slice(), expected.as_slice(), 1e-13, "grad");
        let hessian = &x * x.transpose() * 2.0;
        assert_close(linear_model_loss_hessian(&x, &y, &w).as_slice(), hessian.as_slice(), 1e-13, "hessian");
    }
}

/// A two-layer network summed over the samples: w2' tanh(W1 x_j + b) each.
#[differentiate(wrt(w1, b, w2))]
fn two_layer_net(x: &DMatrix<f64>, w1: &DMatrix<f64>, b: &DVector<f64>, w2: &DVector<f64>) -> f64 {
    let mut s = 0.0;
    for j in 0..x.ncols() {
        let h = (w1 * x.column(j) + b).map(|v| v.tanh());
        s += w2.dot(&h);
    }
    s
}

#[test]
fn two_layer_net_per_sample_loop_matches_differences() {
    let mut numbers = Numbers(3);
    let (inputs, hidden, samples) = (3, 2, 4);
    let x = numbers.matrix(inputs, samples);
    let (w1, b, w2) = (numbers.matrix(hidden, inputs), numbers.vector(hidden), numbers.vector(hidden));
    let (gw1, gb, gw2) = two_layer_net_grad(&x, &w1, &b, &w2);
    let h = two_layer_net_hessian(&x, &w1, &b, &w2);
    let n1 = hidden * inputs;
    let plain = |p: &[f64]| {
        let w1 = DMatrix::from_column_slice(hidden, inputs, &p[..n1]);
        let b = DVector::from_column_slice(&p[n1..n1 + hidden]);
        let w2 = DVector::from_column_slice(&p[n1 + hidden..]);
        two_layer_net(&x, &w1, &b, &w2)
    };
    let at: Vec<f64> = w1.iter().chain(b.iter()).chain(w2.iter()).copied().collect();
    let (g, hd) = differences(plain, &at);
    let grad: Vec<f64> = gw1.iter().chain(gb.iter()).chain(gw2.iter()).copied().collect();
    assert_close(&grad, &g, GRAD_TOL, "grad");
    assert_close(h.as_slice(), &hd, HESS_TOL, "hessian");
    // The gradient in w2 is the sum of the hidden layers, by hand.
    let by_hand: DVector<f64> =
        (0..samples).map(|j| (&w1 * x.column(j) + &b).map(f64::tanh)).fold(DVector::zeros(hidden), |a, h| a + h);
    assert_close(gw2.as_slice(), by_hand.as_slice(), 1e-13, "d/dw2");
}

/// Constant views with scalars, matrices and every operator, and a block of
/// several columns: each term's gradient in `s`, `v` and `m` has a closed
/// form.
#[differentiate(wrt(s, v, m))]
fn operators_with_constant_views(x: &DMatrix<f64>, s: f64, v: &DVector<f64>, m: &DMatrix<f64>) -> f64 {
    let a = (x.column(0) * s).sum();
    let b = (s * x.column(1) + v).norm_squared();
    let c = (x.column(2) / s).sum();
    let d = (m * x.columns(0, 2)).sum();
    let e = x.row(0).transpose().dot(v);
    let f = (x.rows(0, 2).transpose() * v.rows(0, 2)).sum();
    let g = (-x.column(0) + v).component_mul(&x.column(1)).sum();
    a + b + c + d + e + f + g
}

#[test]
fn constant_views_in_every_operator_match_differences() {
    let mut numbers = Numbers(4);
    let x = numbers.matrix(3, 3);
    let (s, v, m) = (0.7, numbers.vector(3), numbers.matrix(2, 3));
    let (gs, gv, gm) = operators_with_constant_views_grad(&x, s, &v, &m);
    // a + c: d/ds = sum x0 - sum x2 / s^2; b: 2 x1'(s x1 + v); others are linear in s-free terms.
    let x0: DVector<f64> = x.column(0).into();
    let x1: DVector<f64> = x.column(1).into();
    let x2: DVector<f64> = x.column(2).into();
    let ds = x0.sum() - x2.sum() / (s * s) + 2.0 * x1.dot(&(&x1 * s + &v));
    assert!((gs - ds).abs() < 1e-12, "d/ds {gs} against {ds}");
    // d/dv: 2 (s x1 + v) + x.row(0)' + [rows 0..2 of x summed over columns, 0] + x1.
    let mut dv = (&x1 * s + &v) * 2.0 + x.row(0).transpose() + &x1;
    for i in 0..2 {
        dv[i] += x.row(i).sum();
    }
    assert_close(gv.as_slice(), dv.as_slice(), 1e-13, "d/dv");
    // d/dm of sum(m X[:, 0..2]) = ones * (row sums of X[:, 0..2])'.
    let dm = DMatrix::from_fn(2, 3, |_, k| x[(k, 0)] + x[(k, 1)]);
    assert_close(gm.as_slice(), dm.as_slice(), 1e-13, "d/dm");
    let plain = |p: &[f64]| {
        operators_with_constant_views(
            &x,
            p[0],
            &DVector::from_column_slice(&p[1..4]),
            &DMatrix::from_column_slice(2, 3, &p[4..]),
        )
    };
    let at: Vec<f64> = [s].iter().chain(v.iter()).chain(m.iter()).copied().collect();
    let (_, hd) = differences(plain, &at);
    assert_close(operators_with_constant_views_hessian(&x, s, &v, &m).as_slice(), &hd, HESS_TOL, "hessian");
}

// ----- views of differentiated matrices ----------------------------------

/// Every view method of a differentiated matrix, each in a nonlinear term.
#[differentiate]
fn views_of_a_differentiated_matrix(a: &DMatrix<f64>) -> f64 {
    let c = a.column(1);
    let r = a.rows(0, 2);
    let k = a.columns(1, 2);
    let f = a.fixed_view::<2, 2>(1, 1);
    let v = a.view((1, 0), (2, 3));
    let t = a.row(2).transpose();
    let fr = a.fixed_rows::<1>(3);
    let fc = a.fixed_columns::<2>(0);
    let cp = a.column_part(2, 3);
    let rp = a.row_part(0, 2);
    c.norm_squared() * r.sum()
        + k.tr_mul(&c).norm()
        + f.determinant()
        + v.norm_squared().sqrt()
        + t.dot(&a.column_part(0, 3)) * fr.sum()
        + fc.component_mul(&fc).sum().ln()
        + cp.map(|e| e.sin()).sum()
        + rp.dot(&rp.map(|e| e.exp()))
}

#[test]
fn every_view_of_a_differentiated_matrix_matches_differences() {
    let mut numbers = Numbers(5);
    let a = numbers.matrix(4, 3).add_scalar(0.5);
    let plain = |p: &[f64]| views_of_a_differentiated_matrix(&DMatrix::from_column_slice(4, 3, p));
    let (g, h) = differences(plain, a.as_slice());
    let (value, grad) = views_of_a_differentiated_matrix_value_and_grad(&a);
    assert_eq!(value, views_of_a_differentiated_matrix(&a));
    assert_eq!(grad.shape(), (4, 3), "the gradient has the matrix's shape");
    assert_close(grad.as_slice(), &g, GRAD_TOL, "grad");
    assert_close(views_of_a_differentiated_matrix_hessian(&a).as_slice(), &h, HESS_TOL, "hessian");
    let u = numbers.matrix(4, 3);
    let hv = views_of_a_differentiated_matrix_hvp(&a, &u);
    let hm = DMatrix::from_row_slice(12, 12, &h);
    assert_close(hv.as_slice(), (hm * DVector::from_column_slice(u.as_slice())).as_slice(), HESS_TOL, "hvp");
}

/// The sum of squares of a block: the gradient is 2 a on the block and 0
/// elsewhere, the Hessian 2 on the block's diagonal entries.
#[differentiate(wrt(a))]
fn block_energy(a: &DMatrix<f64>, i: usize, j: usize, r: usize, c: usize) -> f64 {
    a.view((i, j), (r, c)).norm_squared() + a.rows(i, r).sum() + a.columns(j, c).sum()
}

#[test]
fn the_cotangent_of_a_view_lands_in_its_block() {
    let mut numbers = Numbers(6);
    let a = numbers.matrix(5, 4);
    for (i, j, r, c) in [(0, 0, 1, 1), (1, 2, 3, 2), (0, 0, 5, 4), (4, 3, 1, 1), (2, 1, 0, 2)] {
        let in_block = |p: usize, q: usize| p >= i && p < i + r && q >= j && q < j + c;
        let expected = DMatrix::from_fn(5, 4, |p, q| {
            let mut g = 0.0;
            if in_block(p, q) {
                g += 2.0 * a[(p, q)];
            }
            if p >= i && p < i + r {
                g += 1.0;
            }
            if q >= j && q < j + c {
                g += 1.0;
            }
            g
        });
        assert_close(block_energy_grad(&a, i, j, r, c).as_slice(), expected.as_slice(), 1e-15, "grad");
        let hessian = DMatrix::from_fn(20, 20, |p, q| if p == q && in_block(p % 5, p / 5) { 2.0 } else { 0.0 });
        assert_close(block_energy_hessian(&a, i, j, r, c).as_slice(), hessian.as_slice(), 1e-15, "hessian");
    }
}

/// A loop over the columns of a differentiated matrix.
#[differentiate]
fn column_loop(a: &DMatrix<f64>) -> f64 {
    let mut s = 0.0;
    for j in 1..a.ncols() {
        let d = a.column(j) - a.column(j - 1);
        s += d.norm_squared() * a.rows(0, 1).sum();
    }
    s
}

#[test]
fn loops_over_the_columns_of_a_differentiated_matrix_match_differences() {
    let mut numbers = Numbers(7);
    let a = numbers.matrix(3, 4);
    let plain = |p: &[f64]| column_loop(&DMatrix::from_column_slice(3, 4, p));
    let (g, h) = differences(plain, a.as_slice());
    assert_close(column_loop_grad(&a).as_slice(), &g, GRAD_TOL, "grad");
    assert_close(column_loop_hessian(&a).as_slice(), &h, HESS_TOL, "hessian");
}

// ----- static sizes --------------------------------------------------------

/// Views of a differentiated `Matrix3` and of a constant `SMatrix`.
#[differentiate(wrt(a))]
fn static_views(a: &Matrix3<f64>, x: &SMatrix<f64, 3, 4>) -> f64 {
    let c = a.column(1) + x.column(2);
    let f = a.fixed_view::<2, 2>(1, 0);
    let r = a.fixed_rows::<2>(0) * x.fixed_columns::<2>(1);
    c.norm_squared() + f.determinant() + (a * x.column(0)).sum() + r.sum() + a.row(2).dot(&x.column(3).transpose())
}

#[test]
fn static_views_have_static_gradients_and_match_differences() {
    let mut numbers = Numbers(8);
    let a = Matrix3::from_column_slice(numbers.matrix(3, 3).as_slice());
    let x = SMatrix::<f64, 3, 4>::from_column_slice(numbers.matrix(3, 4).as_slice());
    let grad: Matrix3<f64> = static_views_grad(&a, &x);
    let hessian: SMatrix<f64, 9, 9> = static_views_hessian(&a, &x);
    let plain = |p: &[f64]| static_views(&Matrix3::from_column_slice(p), &x);
    let (g, h) = differences(plain, a.as_slice());
    assert_close(grad.as_slice(), &g, GRAD_TOL, "grad");
    assert_close(hessian.as_slice(), &h, HESS_TOL, "hessian");
    // The Hessian: 2 on column 1's diagonal, and the determinant's, which
    // pairs a[(1,0)] a[(2,1)] (+1) and a[(1,1)] a[(2,0)] (-1).
    let mut expected = SMatrix::<f64, 9, 9>::zeros();
    for k in 3..6 {
        expected[(k, k)] = 2.0;
    }
    for (p, q, s) in [(1, 5, 1.0), (4, 2, -1.0)] {
        expected[(p, q)] = s;
        expected[(q, p)] = s;
    }
    assert_close(hessian.as_slice(), expected.as_slice(), 1e-14, "closed-form hessian");
}

/// The same network with static sizes: no heap allocation in its gradient.
#[differentiate(wrt(w1, w2))]
fn static_net(x: &SMatrix<f64, 3, 5>, w1: &SMatrix<f64, 2, 3>, w2: &Vector2<f64>) -> f64 {
    let mut s = 0.0;
    for j in 0..5 {
        let h = (w1 * x.column(j)).map(|v| v.tanh());
        s += w2.dot(&h) + x.fixed_view::<2, 1>(0, j).dot(&h);
    }
    s
}

#[test]
fn static_net_matches_differences() {
    let mut numbers = Numbers(9);
    let x = SMatrix::<f64, 3, 5>::from_column_slice(numbers.matrix(3, 5).as_slice());
    let w1 = SMatrix::<f64, 2, 3>::from_column_slice(numbers.matrix(2, 3).as_slice());
    let w2 = Vector2::new(0.3, -0.8);
    let (g1, g2) = static_net_grad(&x, &w1, &w2);
    let h: SMatrix<f64, 8, 8> = static_net_hessian(&x, &w1, &w2);
    let plain =
        |p: &[f64]| static_net(&x, &SMatrix::<f64, 2, 3>::from_column_slice(&p[..6]), &Vector2::new(p[6], p[7]));
    let at: Vec<f64> = w1.iter().chain(w2.iter()).copied().collect();
    let (g, hd) = differences(plain, &at);
    let grad: Vec<f64> = g1.iter().chain(g2.iter()).copied().collect();
    assert_close(&grad, &g, GRAD_TOL, "grad");
    assert_close(h.as_slice(), &hd, HESS_TOL, "hessian");
}

// ----- views that stay in the user's code ----------------------------------

/// A view of constant data that only the user's own code reads (indexing,
/// a constant reduction) is not copied, and works as it did.
#[differentiate(wrt(w))]
fn weighted_by_column(x: &DMatrix<f64>, w: &DVector<f64>) -> f64 {
    let mut s = 0.0;
    for j in 0..x.ncols() {
        let xj = x.column(j);
        let scale = xj.norm();
        for i in 0..w.len() {
            s += w[i] * xj[i] / scale;
        }
    }
    s
}

#[test]
fn views_read_only_by_user_code_work_as_before() {
    let mut numbers = Numbers(10);
    let (x, w) = (numbers.matrix(3, 4), numbers.vector(3));
    let expected = DVector::from_fn(3, |i, _| (0..4).map(|j| x[(i, j)] / x.column(j).norm()).sum::<f64>());
    assert_close(weighted_by_column_grad(&x, &w).as_slice(), expected.as_slice(), 1e-14, "grad");
}

/// A view of a differentiated row vector and views with `Vector3`s.
#[differentiate]
fn row_and_vector_views(r: &RowDVector<f64>, v: &Vector3<f64>) -> f64 {
    r.columns(1, 2).norm_squared() * v.fixed_rows::<2>(1).sum()
        + v.fixed_rows::<2>(0).dot(&Matrix2::<f64>::identity().column(0))
}

#[test]
fn views_of_row_vectors_and_static_vectors_match_differences() {
    let r = RowDVector::from_row_slice(&[0.4, -1.2, 0.9]);
    let v = Vector3::new(0.5, 1.5, -0.25);
    let plain = |p: &[f64]| row_and_vector_views(&RowDVector::from_row_slice(&p[..3]), &Vector3::new(p[3], p[4], p[5]));
    let at: Vec<f64> = r.iter().chain(v.iter()).copied().collect();
    let (g, h) = differences(plain, &at);
    let (gr, gv) = row_and_vector_views_grad(&r, &v);
    let grad: Vec<f64> = gr.iter().chain(gv.iter()).copied().collect();
    assert_close(&grad, &g, GRAD_TOL, "grad");
    assert_close(row_and_vector_views_hessian(&r, &v).as_slice(), &h, HESS_TOL, "hessian");
    let _: SVector<f64, 3> = gv;
}

// ----- a `column` method that is not nalgebra's ----------------------------

/// Data of the user's own type with a `column` method that returns an
/// owned vector: kept as it is.
pub struct Samples(Vec<DVector<f64>>);

impl Samples {
    fn column(&self, j: usize) -> DVector<f64> {
        self.0[j].clone()
    }
    fn row(&self, i: usize) -> f64 {
        self.0[0][i]
    }
}

#[differentiate(wrt(mu))]
fn own_column_method(data: &Samples, mu: &DVector<f64>) -> f64 {
    let mut s = 0.0;
    for j in 0..data.0.len() {
        let d = data.column(j) - mu;
        s += d.norm_squared() * data.row(0);
    }
    s
}

#[test]
fn a_column_method_of_the_users_own_type_is_left_alone() {
    let mut numbers = Numbers(11);
    let data = Samples((0..3).map(|_| numbers.vector(2)).collect());
    let mu = numbers.vector(2);
    let expected = data.0.iter().fold(DVector::zeros(2), |g, x| g + (&mu - x) * (2.0 * data.0[0][0]));
    assert_close(own_column_method_grad(&data, &mu).as_slice(), expected.as_slice(), 1e-14, "grad");
}

/// Only a scalar is differentiated; the matrices are views of constant data.
#[differentiate(wrt(s))]
fn scalar_times_constant_views(x: &DMatrix<f64>, s: f64) -> f64 {
    (x.column(0) * s).sum() + (s * x.fixed_rows::<1>(1)).norm() + (x.columns(0, 2) / s).map(|v| v.exp()).sum()
}

#[test]
fn a_scalar_times_constant_views_has_the_closed_form_derivatives() {
    let x = DMatrix::from_row_slice(2, 3, &[0.5, -1.0, 2.0, 1.5, 0.25, -0.75]);
    let s = 1.3;
    let e = |v: f64| (v / s).exp();
    let block = [x[(0, 0)], x[(1, 0)], x[(0, 1)], x[(1, 1)]];
    let row_norm = x.row(1).norm();
    let g = x.column(0).sum() + row_norm - block.iter().map(|&v| v / (s * s) * e(v)).sum::<f64>();
    let h = block.iter().map(|&v| (2.0 * v / (s * s * s) + v * v / (s * s * s * s)) * e(v)).sum::<f64>();
    let [grad] = scalar_times_constant_views_grad(&x, s);
    assert!((grad - g).abs() < 1e-12, "{grad} against {g}");
    let hess = scalar_times_constant_views_hessian(&x, s)[(0, 0)];
    assert!((hess - h).abs() < 1e-12, "{hess} against {h}");
}

// ----- vector results ------------------------------------------------------

/// A vector result made of views of a differentiated and a constant matrix.
#[differentiate(wrt(a))]
fn view_map(a: &DMatrix<f64>, x: &DMatrix<f64>) -> DVector<f64> {
    a.columns(0, 2) * x.column(0) + a.column_part(1, 3) * x[(1, 1)]
}

#[test]
fn the_jacobian_of_a_vector_of_views_is_the_closed_form() {
    let mut numbers = Numbers(12);
    let (a, x) = (numbers.matrix(3, 3), numbers.matrix(2, 2));
    let j = view_map_jacobian(&a, &x);
    assert_eq!(j.shape(), (3, 9), "one row per output, one column per entry of a");
    // y_i = a_i0 x00 + a_i1 (x10 + x11): the entry (i, i + 3 k) is the
    // coefficient of a_ik.
    let expected = DMatrix::from_fn(3, 9, |i, e| {
        let (row, col) = (e % 3, e / 3);
        match (row == i, col) {
            (true, 0) => x[(0, 0)],
            (true, 1) => x[(1, 0)] + x[(1, 1)],
            _ => 0.0,
        }
    });
    assert_close(j.as_slice(), expected.as_slice(), 1e-15, "jacobian");
}
