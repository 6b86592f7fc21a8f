//! nalgebra arguments: gradients in denominator layout and Hessians over the
//! flattened arguments, against the seed chapters' closed forms and against
//! Ridders differences of the plain function, at sizes from 1 up, with
//! static and dynamic sizes giving the same numbers.

use matdiff::{check, differentiate};
use nalgebra::{DMatrix, DVector, Matrix2, SMatrix, SVector, Vector3};

// ----- data -----------------------------------------------------------------

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
    /// Well conditioned: the identity times 3 plus noise.
    fn invertible(&mut self, n: usize) -> DMatrix<f64> {
        DMatrix::identity(n, n) * 3.0 + self.matrix(n, n)
    }
}

const GRAD_TOL: f64 = 1e-7;
const HESS_TOL: f64 = 1e-5;

#[track_caller]
fn assert_matrix_close(actual: &DMatrix<f64>, expected: &DMatrix<f64>, tol: f64, what: &str) {
    assert_eq!(actual.shape(), expected.shape(), "{what}: shape");
    let scale = expected.iter().fold(1.0f64, |m, v| m.max(v.abs()));
    for (a, e) in actual.iter().zip(expected.iter()) {
        assert!((a - e).abs() <= tol * scale, "{what}:\nactual {actual}\nexpected {expected}");
    }
}

/// The gradient (flattened) and Hessian of `plain` by Ridders differences.
fn differences(plain: impl Fn(&[f64]) -> f64 + Copy, at: &[f64]) -> (DVector<f64>, DMatrix<f64>) {
    let n = at.len();
    let g = check::gradient(plain, at);
    let h = check::hessian(plain, at);
    (DVector::from_vec(g), DMatrix::from_fn(n, n, |i, j| h[i][j]))
}

fn col(v: &DVector<f64>) -> DMatrix<f64> {
    DMatrix::from_column_slice(v.len(), 1, v.as_slice())
}

// ----- seed 003's rules -----------------------------------------------------

#[differentiate(wrt(x))]
fn linear(w: &DVector<f64>, x: &DVector<f64>) -> f64 {
    w.dot(x)
}

#[test]
fn gradient_of_an_inner_product_is_the_other_vector() {
    let mut numbers = Numbers(1);
    for n in 1..=5 {
        let (w, x) = (numbers.vector(n), numbers.vector(n));
        let (value, grad) = linear_value_and_grad(&w, &x);
        assert_eq!(value, w.dot(&x));
        assert_eq!(grad, w);
        assert_eq!(linear_hessian(&w, &x), DMatrix::zeros(n, n));
    }
}

#[differentiate(wrt(x))]
fn quadratic(x: &DVector<f64>, a: &DMatrix<f64>) -> f64 {
    x.dot(&(a * x))
}

#[differentiate(wrt(x))]
fn quadratic_static(x: &SVector<f64, 3>, a: &SMatrix<f64, 3, 3>) -> f64 {
    x.dot(&(a * x))
}

#[test]
fn quadratic_form_gradient_and_hessian_are_the_closed_forms() {
    let mut numbers = Numbers(2);
    for n in 1..=6 {
        let (x, a) = (numbers.vector(n), numbers.matrix(n, n));
        let sym = &a + a.transpose();
        assert_matrix_close(&col(&quadratic_grad(&x, &a)), &col(&(&sym * &x)), 1e-14, "grad");
        assert_matrix_close(&quadratic_hessian(&x, &a), &sym, 1e-14, "hessian");
        let v = numbers.vector(n);
        let hv = quadratic_hvp(&x, &a, &v);
        assert_matrix_close(&col(&hv), &col(&(&sym * &v)), 1e-13, "hvp");
        let plain = |p: &[f64]| {
            let x = DVector::from_column_slice(p);
            x.dot(&(&a * &x))
        };
        let (g, h) = differences(plain, x.as_slice());
        assert_matrix_close(&col(&quadratic_grad(&x, &a)), &col(&g), GRAD_TOL, "fd grad");
        assert_matrix_close(&quadratic_hessian(&x, &a), &h, HESS_TOL, "fd hessian");
    }
}

#[test]
fn static_and_dynamic_sizes_give_the_same_numbers() {
    let mut numbers = Numbers(3);
    let (x, a) = (numbers.vector(3), numbers.matrix(3, 3));
    let xs = SVector::<f64, 3>::from_column_slice(x.as_slice());
    let as_ = SMatrix::<f64, 3, 3>::from_column_slice(a.as_slice());
    let (vd, gd) = quadratic_value_and_grad(&x, &a);
    let (vs, gs): (f64, SVector<f64, 3>) = quadratic_static_value_and_grad(&xs, &as_);
    assert_eq!(vd, vs);
    assert_eq!(gd.as_slice(), gs.as_slice());
    let hs: SMatrix<f64, 3, 3> = quadratic_static_hessian(&xs, &as_);
    assert_eq!(quadratic_hessian(&x, &a).as_slice(), hs.as_slice());
}

#[differentiate(wrt(x))]
fn trace_of_product(w: &DMatrix<f64>, x: &DMatrix<f64>) -> f64 {
    (w * x).trace()
}

#[test]
fn gradient_of_trace_wx_is_w_transposed() {
    let mut numbers = Numbers(4);
    for (r, c) in [(1, 1), (2, 3), (4, 2)] {
        let (w, x) = (numbers.matrix(r, c), numbers.matrix(c, r));
        let grad = trace_of_product_grad(&w, &x);
        assert_eq!(grad.shape(), x.shape(), "denominator layout: the shape of x");
        assert_matrix_close(&grad, &w.transpose(), 1e-15, "d tr(WX) / dX");
    }
}

#[differentiate]
fn log_determinant(x: &DMatrix<f64>) -> f64 {
    matdiff::logdet(x)
}

#[test]
fn gradient_of_log_determinant_is_the_inverse_transposed() {
    let mut numbers = Numbers(5);
    for n in 1..=4 {
        // A negative determinant too: d log|X| / dX is the same.
        for sign in [1.0, -1.0] {
            let x = numbers.invertible(n) * sign;
            let inverse_t = x.clone().try_inverse().unwrap().transpose();
            assert_matrix_close(&log_determinant_grad(&x), &inverse_t, 1e-12, "d log|X| / dX");
            let plain = |p: &[f64]| DMatrix::from_column_slice(n, n, p).determinant().abs().ln();
            let (_, h) = differences(plain, x.as_slice());
            assert_matrix_close(&log_determinant_hessian(&x), &h, HESS_TOL, "fd hessian");
        }
    }
}

#[differentiate(wrt(u, v))]
fn factorisation(x: &DMatrix<f64>, u: &DMatrix<f64>, v: &DMatrix<f64>) -> f64 {
    (x - u * v).norm_squared()
}

#[test]
fn gradients_of_a_factorisation_are_the_closed_forms() {
    let mut numbers = Numbers(6);
    // (7, 8, 6): every dimension past nalgebra's threshold for the packed
    // GEMM kernel, which the products with a transposed factor then take.
    for (m, n, k) in [(1, 1, 1), (3, 4, 2), (5, 2, 3), (7, 8, 6)] {
        let (x, u, v) = (numbers.matrix(m, n), numbers.matrix(m, k), numbers.matrix(k, n));
        let residual = &x - &u * &v;
        let (value, (u_bar, v_bar)) = factorisation_value_and_grad(&x, &u, &v);
        assert_eq!(value, residual.norm_squared());
        assert_matrix_close(&v_bar, &(u.transpose() * &residual * -2.0), 1e-13, "d / dV = -2U'(X - UV)");
        assert_matrix_close(&u_bar, &(&residual * v.transpose() * -2.0), 1e-13, "d / dU = -2(X - UV)V'");
        let plain = |p: &[f64]| {
            let u = DMatrix::from_column_slice(m, k, &p[..m * k]);
            let v = DMatrix::from_column_slice(k, n, &p[m * k..]);
            (&x - u * v).norm_squared()
        };
        let at: Vec<f64> = u.iter().chain(v.iter()).copied().collect();
        let (_, h) = differences(plain, &at);
        assert_matrix_close(&factorisation_hessian(&x, &u, &v), &h, HESS_TOL, "fd hessian over vec(U), vec(V)");
    }
}

#[differentiate(wrt(x))]
fn least_squares(x: &DVector<f64>, a: &DMatrix<f64>, b: &DVector<f64>) -> f64 {
    (a * x - b).norm_squared()
}

#[test]
fn least_squares_gradient_and_hessian_are_the_closed_forms() {
    let mut numbers = Numbers(7);
    for (m, n) in [(1, 1), (5, 3), (8, 8), (23, 9)] {
        let (x, a, b) = (numbers.vector(n), numbers.matrix(m, n), numbers.vector(m));
        let grad = least_squares_grad(&x, &a, &b);
        let expected = a.transpose() * (&a * &x - &b) * 2.0;
        assert_matrix_close(&col(&grad), &col(&expected), 1e-13, "2A'(Ax - b)");
        assert_matrix_close(&least_squares_hessian(&x, &a, &b), &(a.transpose() * &a * 2.0), 1e-13, "2A'A");
    }
}

// ----- the other primitives, against differences ----------------------------

/// Checks gradient, Hessian and HVP of a function of one vector against
/// Ridders differences of `plain` at a few sizes.
#[track_caller]
fn check_vector_function(
    name: &str,
    plain: impl Fn(&DVector<f64>) -> f64,
    grad: impl Fn(&DVector<f64>) -> DVector<f64>,
    hessian: impl Fn(&DVector<f64>) -> DMatrix<f64>,
    hvp: impl Fn(&DVector<f64>, &DVector<f64>) -> DVector<f64>,
    make: impl Fn(&mut Numbers, usize) -> DVector<f64>,
) {
    let mut numbers = Numbers(name.len() as u64);
    for n in [1, 2, 5] {
        let x = make(&mut numbers, n);
        let what = format!("{name} at n = {n}");
        let flat = |p: &[f64]| plain(&DVector::from_column_slice(p));
        let (g, h) = differences(flat, x.as_slice());
        assert_matrix_close(&col(&grad(&x)), &col(&g), GRAD_TOL, &format!("{what}: gradient"));
        let hessian = hessian(&x);
        assert_matrix_close(&hessian, &h, HESS_TOL, &format!("{what}: Hessian"));
        let v = numbers.vector(n);
        let expected = &hessian * &v;
        assert_matrix_close(&col(&hvp(&x, &v)), &col(&expected), 1e-12, &format!("{what}: HVP"));
    }
}

macro_rules! vector_case {
    ($test:ident: $f:ident, $grad:ident, $hessian:ident, $hvp:ident, $make:expr) => {
        #[test]
        fn $test() {
            check_vector_function(
                stringify!($f),
                |x| $f(x.clone()),
                |x| $grad(x.clone()),
                |x| $hessian(x.clone()),
                |x, v| $hvp(x.clone(), v),
                $make,
            );
        }
    };
}

#[differentiate]
fn norm_of_owned(x: DVector<f64>) -> f64 {
    x.norm() + x.sum() * x.mean()
}

#[differentiate]
fn normalised(x: DVector<f64>) -> f64 {
    let w = DVector::from_fn(x.len(), |i, _| 1.0 + i as f64);
    (&x / x.norm()).dot(&w) - (-x.clone()).sum() / 3.0
}

#[differentiate]
fn elementwise_products(x: DVector<f64>) -> f64 {
    let w = DVector::from_fn(x.len(), |i, _| 0.5 - i as f64);
    let y = x.component_mul(&x);
    y.dot(&w) + x.component_div(&(&y + &w.map(|v| v * v + 1.0))).sum()
}

#[differentiate]
fn outer_and_transpose(x: DVector<f64>) -> f64 {
    let outer = &x * x.transpose();
    let a = DMatrix::from_fn(x.len(), x.len(), |i, j| (i as f64 - j as f64).sin());
    (outer.transpose() * &a).trace() + x.tr_mul(&(&a * &x)).sum() + (2.0 * &x).norm_squared()
}

#[differentiate]
fn softmax_weighted(x: DVector<f64>) -> f64 {
    let w = DVector::from_fn(x.len(), |i, _| (i as f64).cos());
    matdiff::softmax(&x).dot(&w)
}

#[differentiate]
fn determinant_of_outer(x: DVector<f64>) -> f64 {
    let n = x.len();
    let m = DMatrix::identity(n, n) * 2.0 + &x * x.transpose();
    m.determinant() + matdiff::inv(&m).trace() + matdiff::solve(&m, &x).sum()
}

fn away_from_zero(numbers: &mut Numbers, n: usize) -> DVector<f64> {
    numbers.vector(n).map(|v| v + v.signum() * 0.5)
}

vector_case!(norm_sum_and_mean: norm_of_owned, norm_of_owned_grad, norm_of_owned_hessian, norm_of_owned_hvp, away_from_zero);
vector_case!(division_by_a_scalar_and_negation: normalised, normalised_grad, normalised_hessian, normalised_hvp, away_from_zero);
vector_case!(component_products_and_quotients: elementwise_products, elementwise_products_grad, elementwise_products_hessian, elementwise_products_hvp, |n, k| n.vector(k));
vector_case!(outer_products_transposes_and_tr_mul: outer_and_transpose, outer_and_transpose_grad, outer_and_transpose_hessian, outer_and_transpose_hvp, |n, k| n.vector(k));
vector_case!(softmax: softmax_weighted, softmax_weighted_grad, softmax_weighted_hessian, softmax_weighted_hvp, |n, k| n.vector(k));
vector_case!(determinant_inverse_and_solve: determinant_of_outer, determinant_of_outer_grad, determinant_of_outer_hessian, determinant_of_outer_hvp, |n, k| n.vector(k));

// ----- mixed arguments and static aliases -----------------------------------

#[differentiate]
fn scaled(s: f64, x: &DVector<f64>) -> f64 {
    (x * s).norm_squared() + s * s * x.sum()
}

#[test]
fn a_scalar_and_a_vector_give_a_tuple_gradient_and_one_hessian() {
    let mut numbers = Numbers(9);
    let (s, x) = (0.7, numbers.vector(3));
    let (s_bar, x_bar): (f64, DVector<f64>) = scaled_grad(s, &x);
    let plain = |p: &[f64]| {
        let x = DVector::from_column_slice(&p[1..]);
        (&x * p[0]).norm_squared() + p[0] * p[0] * x.sum()
    };
    let at: Vec<f64> = std::iter::once(s).chain(x.iter().copied()).collect();
    let (g, h) = differences(plain, &at);
    let flat: Vec<f64> = std::iter::once(s_bar).chain(x_bar.iter().copied()).collect();
    assert_matrix_close(&col(&DVector::from_vec(flat)), &col(&g), GRAD_TOL, "gradient");
    let hessian = scaled_hessian(s, &x);
    assert_eq!(hessian.shape(), (4, 4), "s first, then the elements of x");
    assert_matrix_close(&hessian, &h, HESS_TOL, "Hessian");
    let v = numbers.vector(3);
    let hv = scaled_hvp(s, &x, (0.5, &v));
    let direction = DVector::from_iterator(4, std::iter::once(0.5).chain(v.iter().copied()));
    let expected = &hessian * direction;
    assert!((hv.0 - expected[0]).abs() < 1e-12);
    assert_matrix_close(&col(&hv.1), &col(&expected.rows(1, 3).into_owned()), 1e-12, "HVP");
}

#[differentiate]
fn rotation_energy(p: Vector3<f64>, m: Matrix2<f64>) -> f64 {
    let k = SMatrix::<f64, 2, 3>::from_fn(|i, j| (i + 2 * j) as f64 * 0.25);
    (m * (k * p)).norm_squared() + m.determinant()
}

#[test]
fn fixed_size_aliases_give_fixed_size_results() {
    let p = Vector3::new(0.3, -1.2, 0.8);
    let m = Matrix2::new(1.5, 0.2, -0.4, 0.9);
    let (p_bar, m_bar): (Vector3<f64>, Matrix2<f64>) = rotation_energy_grad(p, m);
    let h: SMatrix<f64, 7, 7> = rotation_energy_hessian(p, m);
    let plain = |x: &[f64]| {
        let p = Vector3::from_column_slice(&x[..3]);
        let m = Matrix2::from_column_slice(&x[3..]);
        rotation_energy(p, m)
    };
    let at: Vec<f64> = p.iter().chain(m.iter()).copied().collect();
    let (g, fd_h) = differences(plain, &at);
    let flat: Vec<f64> = p_bar.iter().chain(m_bar.iter()).copied().collect();
    assert_matrix_close(&col(&DVector::from_vec(flat)), &col(&g), GRAD_TOL, "gradient");
    assert_matrix_close(&DMatrix::from_column_slice(7, 7, h.as_slice()), &fd_h, HESS_TOL, "Hessian");
}

// ----- indexing and loops mixed with matrix operations ----------------------

#[differentiate(wrt(x, m))]
fn indexed(x: &DVector<f64>, m: &DMatrix<f64>) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        for j in 0..m.ncols() {
            s += m[(i, j)] * x[i] * x[j];
        }
    }
    let y = m * x;
    s + y[0].sin() * m.nrows() as f64
}

#[test]
fn element_reads_inside_loops() {
    let mut numbers = Numbers(10);
    for n in [1, 3] {
        let (x, m) = (numbers.vector(n), numbers.matrix(n, n));
        let (x_bar, m_bar) = indexed_grad(&x, &m);
        let plain = |p: &[f64]| {
            let x = DVector::from_column_slice(&p[..n]);
            let m = DMatrix::from_column_slice(n, n, &p[n..]);
            indexed(&x, &m)
        };
        let at: Vec<f64> = x.iter().chain(m.iter()).copied().collect();
        let (g, h) = differences(plain, &at);
        let flat: Vec<f64> = x_bar.iter().chain(m_bar.iter()).copied().collect();
        assert_matrix_close(&col(&DVector::from_vec(flat)), &col(&g), GRAD_TOL, "gradient");
        assert_matrix_close(&indexed_hessian(&x, &m), &h, HESS_TOL, "Hessian");
    }
}

// ----- Jacobians of vector results ------------------------------------------

#[differentiate(wrt(x))]
fn linear_map(x: &DVector<f64>, a: &DMatrix<f64>) -> DVector<f64> {
    a * x
}

#[differentiate(wrt(x))]
fn curved_map(x: &DVector<f64>, a: &DMatrix<f64>) -> DVector<f64> {
    (a * x) * x.norm() + a.column(0).into_owned() * x[0]
}

#[differentiate]
fn static_map(p: Vector3<f64>) -> SVector<f64, 2> {
    let k = SMatrix::<f64, 2, 3>::from_fn(|i, j| 1.0 + (i * 3 + j) as f64);
    (k * p).component_mul(&(k * p)) / p.norm()
}

/// The Jacobian of `f` at `x` by Ridders differences, one output at a time.
fn jacobian_by_differences(f: impl Fn(&DVector<f64>) -> DVector<f64>, x: &DVector<f64>) -> DMatrix<f64> {
    let m = f(x).len();
    let rows: Vec<Vec<f64>> =
        (0..m).map(|i| check::gradient(|p| f(&DVector::from_column_slice(p))[i], x.as_slice())).collect();
    DMatrix::from_fn(m, x.len(), |i, j| rows[i][j])
}

#[test]
fn jacobian_of_ax_is_a() {
    let mut numbers = Numbers(11);
    for (m, n) in [(1, 1), (2, 5), (6, 2)] {
        let (x, a) = (numbers.vector(n), numbers.matrix(m, n));
        assert_eq!(linear_map_jacobian(&x, &a), a, "rows are outputs (seed 003, 4.4.42)");
    }
}

#[test]
fn jacobians_by_reverse_and_by_forward_sweeps_match_differences() {
    let mut numbers = Numbers(12);
    // Fewer outputs than inputs (reverse sweeps) and more (forward sweeps).
    for (m, n) in [(2, 5), (7, 3)] {
        let (x, a) = (numbers.vector(n), numbers.matrix(m, n));
        let j = curved_map_jacobian(&x, &a);
        let fd = jacobian_by_differences(|x| curved_map(x, &a), &x);
        assert_matrix_close(&j, &fd, GRAD_TOL, &format!("Jacobian {m} x {n}"));
    }
    let p = Vector3::new(0.5, -0.25, 1.5);
    let j: SMatrix<f64, 2, 3> = static_map_jacobian(p);
    let fd = jacobian_by_differences(
        |x| DVector::from_column_slice(static_map(Vector3::from_column_slice(x.as_slice())).as_slice()),
        &DVector::from_column_slice(p.as_slice()),
    );
    assert_matrix_close(&DMatrix::from_column_slice(2, 3, j.as_slice()), &fd, GRAD_TOL, "static Jacobian");
}

// ----- elementwise maps -----------------------------------------------------

#[differentiate]
fn mapped(x: DVector<f64>) -> f64 {
    let k = 0.5;
    let y = x.map(|v| (v * k).tanh() + matdiff::sigmoid(v) * v.powi(2));
    let z = y.map(|v| if v > 0.0 { v.exp() } else { v * v });
    z.sum() + x.map(|x| x.sin()).norm_squared()
}

vector_case!(maps_with_closures: mapped, mapped_grad, mapped_hessian, mapped_hvp, |n, k| n.vector(k));

// ----- backpropagation and logistic regression --------------------------------

/// Seed 000, section 3: a two-layer network with tanh hidden units and a
/// squared-error loss over a batch (one column per example).
#[differentiate(wrt(w1, w2))]
fn network_loss(w1: &DMatrix<f64>, w2: &DMatrix<f64>, x: &DMatrix<f64>, y: &DMatrix<f64>) -> f64 {
    let hidden = (w1 * x).map(|v| v.tanh());
    let out = w2 * hidden;
    (out - y).norm_squared() / 2.0
}

#[test]
fn backpropagation_through_a_two_layer_network() {
    let mut numbers = Numbers(13);
    for (inputs, hidden, outputs, batch) in [(3, 4, 2, 5), (8, 9, 7, 11)] {
        backpropagation_at(&mut numbers, inputs, hidden, outputs, batch);
    }
}

fn backpropagation_at(numbers: &mut Numbers, inputs: usize, hidden: usize, outputs: usize, batch: usize) {
    let (w1, w2) = (numbers.matrix(hidden, inputs), numbers.matrix(outputs, hidden));
    let (x, y) = (numbers.matrix(inputs, batch), numbers.matrix(outputs, batch));
    let (w1_bar, w2_bar) = network_loss_grad(&w1, &w2, &x, &y);
    // The textbook's backward pass, by hand.
    let h = (&w1 * &x).map(f64::tanh);
    let delta_out = &w2 * &h - &y;
    let delta_hidden = (w2.transpose() * &delta_out).component_mul(&h.map(|v| 1.0 - v * v));
    assert_matrix_close(&w2_bar, &(&delta_out * h.transpose()), 1e-13, "dL/dW2");
    assert_matrix_close(&w1_bar, &(&delta_hidden * x.transpose()), 1e-13, "dL/dW1");
    if inputs * hidden + hidden * outputs > 50 {
        // The differences of the Hessian cost the square of the parameters.
        return;
    }
    let plain = |p: &[f64]| {
        let w1 = DMatrix::from_column_slice(hidden, inputs, &p[..hidden * inputs]);
        let w2 = DMatrix::from_column_slice(outputs, hidden, &p[hidden * inputs..]);
        network_loss(&w1, &w2, &x, &y)
    };
    let at: Vec<f64> = w1.iter().chain(w2.iter()).copied().collect();
    let (g, h) = differences(plain, &at);
    let flat: Vec<f64> = w1_bar.iter().chain(w2_bar.iter()).copied().collect();
    assert_matrix_close(&col(&DVector::from_vec(flat)), &col(&g), GRAD_TOL, "gradient");
    assert_matrix_close(&network_loss_hessian(&w1, &w2, &x, &y), &h, HESS_TOL, "Hessian");
}

/// The negative log-likelihood of logistic regression, rows of `x` being
/// examples: sum of softplus(z) - y z with z = X w.
#[differentiate(wrt(w))]
fn logistic_loss(w: &DVector<f64>, x: &DMatrix<f64>, y: &DVector<f64>) -> f64 {
    let z = x * w;
    z.map(matdiff::softplus).sum() - y.dot(&z)
}

#[test]
fn logistic_regression_gradient_and_hessian_are_the_closed_forms() {
    let mut numbers = Numbers(14);
    // n = 7: past nalgebra's threshold for the packed GEMM kernel.
    for (m, n) in [(40, 5), (40, 7)] {
        logistic_regression_at(&mut numbers, m, n);
    }
}

fn logistic_regression_at(numbers: &mut Numbers, m: usize, n: usize) {
    let (w, x) = (numbers.vector(n), numbers.matrix(m, n));
    let y = DVector::from_fn(m, |i, _| (i % 3 == 0) as u8 as f64);
    let p = (&x * &w).map(|z| 1.0 / (1.0 + (-z).exp()));
    let expected_grad = x.transpose() * (&p - &y);
    let weights = p.map(|p| p * (1.0 - p));
    let expected_hessian = x.transpose() * DMatrix::from_diagonal(&weights) * &x;
    assert_matrix_close(&col(&logistic_loss_grad(&w, &x, &y)), &col(&expected_grad), 1e-12, "X'(p - y)");
    assert_matrix_close(&logistic_loss_hessian(&w, &x, &y), &expected_hessian, 1e-12, "X' diag(p(1-p)) X");
}

// ----- more ways of writing it ------------------------------------------------

/// A quadratic form written with a transpose, over the columns of a matrix
/// in a loop, with a row-vector and a 2 x 3 alias argument.
#[differentiate]
fn columns_and_aliases(m: &DMatrix<f64>, r: &nalgebra::RowDVector<f64>, k: nalgebra::Matrix2x3<f64>) -> f64 {
    let mut s = 0.0;
    for j in 0..m.ncols() {
        let column = m.column(j).into_owned();
        s += (column.transpose() * m * &column)[(0, 0)] * (j as f64 + 1.0);
    }
    s + (r * r.transpose())[(0, 0)] * k.map(f64::tanh).sum() + (k * k.transpose()).determinant()
}

#[test]
fn transposes_column_loops_row_vectors_and_aliases() {
    let mut numbers = Numbers(15);
    let m = numbers.matrix(3, 3);
    let r = nalgebra::RowDVector::from_fn(4, |_, _| numbers.next());
    let k = nalgebra::Matrix2x3::from_fn(|_, _| numbers.next());
    let (m_bar, r_bar, k_bar) = columns_and_aliases_grad(&m, &r, k);
    assert_eq!((m_bar.shape(), r_bar.shape(), k_bar.shape()), ((3, 3), (1, 4), (2, 3)));
    let plain = |p: &[f64]| {
        let m = DMatrix::from_column_slice(3, 3, &p[..9]);
        let r = nalgebra::RowDVector::from_column_slice(&p[9..13]);
        let k = nalgebra::Matrix2x3::from_column_slice(&p[13..]);
        columns_and_aliases(&m, &r, k)
    };
    let at: Vec<f64> = m.iter().chain(r.iter()).chain(k.iter()).copied().collect();
    let (g, h) = differences(plain, &at);
    let flat: Vec<f64> = m_bar.iter().chain(r_bar.iter()).chain(k_bar.iter()).copied().collect();
    assert_matrix_close(&col(&DVector::from_vec(flat)), &col(&g), GRAD_TOL, "gradient");
    assert_matrix_close(&columns_and_aliases_hessian(&m, &r, k), &h, HESS_TOL, "Hessian");
}

// ----- log-sum-exp and single precision ---------------------------------------

#[differentiate]
fn log_partition(x: &DVector<f64>) -> f64 {
    matdiff::logsumexp(x) + matdiff::logsumexp(&(x * 2.0))
}

vector_case!(logsumexp_of_a_vector: log_partition_ref, log_partition_ref_grad, log_partition_ref_hessian, log_partition_ref_hvp, |n, k| n.vector(k));

#[differentiate]
fn log_partition_ref(x: DVector<f64>) -> f64 {
    log_partition(&x)
}

#[differentiate(wrt(x))]
fn quadratic_f32(x: &DVector<f32>, a: &DMatrix<f32>) -> f32 {
    x.dot(&(a * x)) + x.map(|v| v.sin()).sum()
}

#[test]
fn single_precision_matrices() {
    let x = DVector::from_vec(vec![0.5f32, -1.0, 2.0]);
    let a = DMatrix::from_fn(3, 3, |i, j| (i as f32 + 1.0) / (j as f32 + 2.0));
    let grad: DVector<f32> = quadratic_f32_grad(&x, &a);
    let expected = (&a + a.transpose()) * &x + x.map(f32::cos);
    assert!((grad - expected).norm() < 1e-5);
    let h: DMatrix<f32> = quadratic_f32_hessian(&x, &a);
    let expected = &a + a.transpose() - DMatrix::from_diagonal(&x.map(f32::sin));
    assert!((h - expected).norm() < 1e-5);
}

// ----- branches, loops that carry matrices, methods and calls ----------------

#[differentiate]
fn branch_on_matrices(x: DVector<f64>) -> f64 {
    let s = x.sum();
    let y = if s > 0.0 { &x * s } else { -x.clone() };
    let z = &y + &x;
    y.dot(&x) + z.norm()
}

vector_case!(matrices_through_branches: branch_on_matrices, branch_on_matrices_grad, branch_on_matrices_hessian, branch_on_matrices_hvp, |n, k| n.vector(k).map(|v| v + 0.3));

#[differentiate]
fn carried_matrix(x: DVector<f64>) -> f64 {
    let n = x.len();
    let a = DMatrix::from_fn(n, n, |i, j| 0.3 * (i as f64 - 2.0 * j as f64).sin());
    let mut v = x.clone();
    let mut acc = DVector::zeros(n);
    for k in 0..3 {
        v = (&a * v).map(|t| t.tanh()) + &x * 0.5;
        acc += &v * (k as f64 + 1.0);
    }
    acc.norm_squared() + v.sum()
}

vector_case!(matrices_carried_round_loops: carried_matrix, carried_matrix_grad, carried_matrix_hessian, carried_matrix_hvp, |n, k| n.vector(k));

struct Energy {
    a: DMatrix<f64>,
}

impl Energy {
    #[differentiate(wrt(x))]
    fn of(&self, x: &DVector<f64>) -> f64 {
        x.dot(&(&self.a * x)) + log_partition(x)
    }
}

#[test]
fn methods_and_calls_with_matrices() {
    let mut numbers = Numbers(16);
    let energy = Energy { a: numbers.matrix(4, 4) };
    let x = numbers.vector(4);
    let plain = |p: &[f64]| energy.of(&DVector::from_column_slice(p));
    let (g, h) = differences(plain, x.as_slice());
    assert_matrix_close(&col(&energy.of_grad(&x)), &col(&g), GRAD_TOL, "gradient");
    assert_matrix_close(&energy.of_hessian(&x), &h, HESS_TOL, "Hessian");
}

// ----- iterating over the elements of a nalgebra vector -----------------------

#[differentiate]
fn iterated(x: DVector<f64>) -> f64 {
    let w = DVector::from_fn(x.len(), |i, _| 1.0 + 0.5 * i as f64);
    let squares = x.iter().map(|v| v * v).sum::<f64>();
    let mut weighted = 0.0;
    for (i, &v) in x.iter().enumerate() {
        weighted += (v * w[i]).sin();
    }
    let mut cross = 0.0;
    for (&a, &b) in x.iter().zip(w.iter()) {
        cross += a.exp() * b;
    }
    let folded = x.iter().fold(1.0, |acc, v| acc * (1.0 + v * v));
    squares + weighted + cross + folded.ln()
}

vector_case!(iterators_over_a_vector: iterated, iterated_grad, iterated_hessian, iterated_hvp, |n, k| n.vector(k));

/// A `while` loop whose trip count depends on a matrix value.
#[differentiate]
fn shrink_until_small(x: DVector<f64>) -> f64 {
    let mut v = x.clone();
    let mut steps = 0;
    while v.norm() > 0.5 && steps < 20 {
        v = v.map(|t| t.sin()) * 0.9;
        steps += 1;
    }
    v.norm_squared() + steps as f64
}

vector_case!(value_dependent_loops_over_matrices: shrink_until_small, shrink_until_small_grad, shrink_until_small_hessian, shrink_until_small_hvp, |n, k| n.vector(k).map(|v| 2.0 * v + 0.1));

/// Log-sum-exp stabilised by hand, with nalgebra's other names for norms.
#[differentiate]
fn stabilised(x: DVector<f64>) -> f64 {
    let m = x.max();
    x.add_scalar(-m).map(|v| v.exp()).sum().ln() + m + x.magnitude() + x.min() * x.magnitude_squared()
}

vector_case!(largest_and_smallest_elements_and_aliases: stabilised, stabilised_grad, stabilised_hessian, stabilised_hvp, |n, k| n.vector(k));

/// Maps whose derivatives do not read the map's value (softplus' is the
/// sigmoid) under a sum and a mean, which read only their argument's shape:
/// the derivatives do not compute the maps' values, the value-and-gradient
/// still does. Beside them, a map whose derivative reads its value (exp).
#[differentiate]
fn means_of_maps(x: &DVector<f64>) -> f64 {
    x.map(matdiff::softplus).mean() + x.map(matdiff::softplus).sum() * 0.5 + x.map(f64::exp).sum()
}

#[test]
fn maps_under_sums_and_means_are_the_closed_forms() {
    let mut numbers = Numbers(16);
    let x = numbers.vector(6);
    let n = x.len() as f64;
    let sigmoid = |v: f64| 1.0 / (1.0 + (-v).exp());
    let softplus = |v: f64| (1.0 + v.exp()).ln();
    let value = x.iter().map(|&v| softplus(v) / n + softplus(v) * 0.5 + v.exp()).sum::<f64>();
    let grad = x.map(|v| sigmoid(v) * (1.0 / n + 0.5) + v.exp());
    let hessian = DMatrix::from_diagonal(&x.map(|v| sigmoid(v) * (1.0 - sigmoid(v)) * (1.0 / n + 0.5) + v.exp()));
    let (v, g) = means_of_maps_value_and_grad(&x);
    assert!((v - value).abs() <= 1e-13 * value.abs(), "value {v} against {value}");
    assert_matrix_close(&col(&g), &col(&grad), 1e-13, "gradient, with the value");
    assert_matrix_close(&col(&means_of_maps_grad(&x)), &col(&grad), 1e-13, "gradient");
    assert_matrix_close(&means_of_maps_hessian(&x), &hessian, 1e-13, "Hessian");
}
