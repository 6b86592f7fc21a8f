//! Calls from functions of floats and arrays (whose tangents carry several
//! directions at once) into functions holding nalgebra values (which take
//! one direction per sweep), and back: every generated function of the
//! caller, against closed forms and Ridders differences.

use matdiff::check;
use matdiff::differentiate;
use nalgebra::{DVector, Matrix2, Vector2, Vector3};

const REL: f64 = 1e-7;

fn close(actual: f64, expected: f64, what: &str) {
    let scale = expected.abs().max(1.0);
    assert!((actual - expected).abs() <= REL * scale, "{what}: {actual} vs {expected}");
}

fn close_all(actual: &[f64], expected: &[f64], what: &str) {
    assert_eq!(actual.len(), expected.len(), "{what}: length");
    for (i, (a, e)) in actual.iter().zip(expected).enumerate() {
        close(*a, *e, &format!("{what}[{i}]"));
    }
}

/// Gradient, Hessian and Hessian-vector products (along each unit vector
/// and one mixed direction) against Ridders differences of `f`.
fn check_all(
    f: impl Fn(&[f64]) -> f64,
    x: &[f64],
    grad: &[f64],
    hessian: &[Vec<f64>],
    hvp: impl Fn(&[f64]) -> Vec<f64>,
    what: &str,
) {
    close_all(grad, &check::gradient(&f, x), &format!("{what} gradient"));
    let h = check::hessian(&f, x);
    for (i, row) in hessian.iter().enumerate() {
        close_all(row, &h[i], &format!("{what} Hessian row {i}"));
    }
    let v: Vec<f64> = (0..x.len()).map(|i| 0.5 - 0.3 * i as f64).collect();
    let hv: Vec<f64> = h.iter().map(|row| row.iter().zip(&v).map(|(a, b)| a * b).sum()).collect();
    close_all(&hvp(&v), &hv, &format!("{what} Hessian-vector product"));
}

#[differentiate]
fn sq(x: f64, y: f64) -> f64 {
    Vector3::new(x * y, 1.0, y).norm_squared()
}

#[differentiate]
fn outer(a: f64, b: f64) -> f64 {
    sq(a, b) * a + b.sin()
}

#[test]
fn scalar_caller_of_a_vector_built_from_scalars() {
    let (a, b) = (0.7, -1.3);
    // sq = a²b² + 1 + b², outer = a sq + sin b.
    let s = a * a * b * b + 1.0 + b * b;
    close(outer(a, b), s * a + b.sin(), "value");
    let grad = [s + a * (2.0 * a * b * b), a * (2.0 * a * a * b + 2.0 * b) + b.cos()];
    close_all(&outer_grad(a, b), &grad, "gradient");
    let h = [
        [2.0 * 2.0 * a * b * b + 2.0 * a * b * b, 2.0 * a * a * b + 2.0 * b + 4.0 * a * a * b],
        [6.0 * a * a * b + 2.0 * b, a * (2.0 * a * a + 2.0) - b.sin()],
    ];
    let got = outer_hessian(a, b);
    for i in 0..2 {
        close_all(&got[i], &h[i], "Hessian");
    }
    let v = [0.3, -1.1];
    let hv = [h[0][0] * v[0] + h[0][1] * v[1], h[1][0] * v[0] + h[1][1] * v[1]];
    close_all(&outer_hvp(a, b, v), &hv, "Hessian-vector product");
}

#[differentiate]
fn quad(v: &DVector<f64>) -> f64 {
    v.norm_squared()
}

#[differentiate]
fn caller(x: &[f64]) -> f64 {
    let v = DVector::from_column_slice(x);
    quad(&v)
}

#[test]
fn slice_caller_builds_the_vector_it_passes() {
    let x = [0.5, -2.0, 1.5];
    close(caller(&x), 0.25 + 4.0 + 2.25, "value");
    close_all(&caller_grad(&x), &[1.0, -4.0, 3.0], "gradient");
    let h = caller_hessian(&x);
    for i in 0..3 {
        for j in 0..3 {
            close(h[(i, j)], if i == j { 2.0 } else { 0.0 }, "Hessian");
        }
    }
    let hv = caller_hvp(&x, &[1.0, 2.0, -3.0]);
    close_all(&hv, &[2.0, 4.0, -6.0], "Hessian-vector product");
}

/// A scalar from a matrix built from scalars: ab·a - bc·c... written out
/// in the test.
#[differentiate]
fn det2(a: f64, b: f64, c: f64) -> f64 {
    Matrix2::new(a, b * c, c, a * b).determinant()
}

#[differentiate]
fn array_caller(x: [f64; 3]) -> f64 {
    det2(x[0], x[1], x[2]) * x[0] + sq(x[1], x[2])
}

#[differentiate]
fn slice_caller(x: &[f64]) -> f64 {
    (det2(x[0], x[1], x[2]) * 0.5).exp() + x[2]
}

fn array_caller_plain(x: &[f64]) -> f64 {
    let det = x[0] * x[0] * x[1] - x[1] * x[2] * x[2];
    det * x[0] + x[1] * x[1] * x[2] * x[2] + 1.0 + x[2] * x[2]
}

#[test]
fn array_caller_of_a_matrix_built_from_scalars() {
    let x = [0.9, -0.4, 1.2];
    close(det2(x[0], x[1], x[2]), x[0] * x[0] * x[1] - x[1] * x[2] * x[2], "det2");
    close(array_caller(x), array_caller_plain(&x), "value");
    let h = array_caller_hessian(x);
    let rows: Vec<Vec<f64>> = h.iter().map(|r| r.to_vec()).collect();
    check_all(
        array_caller_plain,
        &x,
        &array_caller_grad(x),
        &rows,
        |v| array_caller_hvp(x, [v[0], v[1], v[2]]).to_vec(),
        "array caller",
    );
}

#[test]
fn slice_caller_of_a_matrix_built_from_scalars() {
    let x = [0.9, -0.4, 1.2];
    let plain = |x: &[f64]| ((x[0] * x[0] * x[1] - x[1] * x[2] * x[2]) * 0.5).exp() + x[2];
    close(slice_caller(&x), plain(&x), "value");
    let rows = slice_caller_hessian(&x);
    check_all(plain, &x, &slice_caller_grad(&x), &rows, |v| slice_caller_hvp(&x, v), "slice caller");
}

#[differentiate]
fn pair(a: f64, b: f64) -> [f64; 2] {
    [sq(a, b), det2(a, b, b - a) * b]
}

#[test]
fn jacobian_of_a_caller() {
    let (a, b) = (0.6, 1.7);
    let j = pair_jacobian(a, b);
    let f0 = |x: &[f64]| pair(x[0], x[1])[0];
    let f1 = |x: &[f64]| pair(x[0], x[1])[1];
    close_all(&j[0], &check::gradient(f0, &[a, b]), "Jacobian row 0");
    close_all(&j[1], &check::gradient(f1, &[a, b]), "Jacobian row 1");
}

#[differentiate]
fn weighted(x: f64, y: f64, m: &Matrix2<f64>) -> f64 {
    let v = Vector2::new(x, y * x);
    v.dot(&(m * v))
}

/// The matrix the caller passes is a constant: the callee still returns the
/// tangent of its cotangent, which the caller does not need.
#[differentiate]
fn constant_matrix_caller(x: f64, y: f64) -> f64 {
    let m = Matrix2::new(2.0, 0.5, 0.5, 1.0);
    weighted(x, y, &m).sqrt() + x * y
}

#[test]
fn scalar_caller_passing_a_constant_matrix() {
    let x = [0.8, 1.4];
    // vᵀMv = 2x² + x·xy + (xy)² with v = (x, xy).
    let plain = |x: &[f64]| {
        let (a, b) = (x[0], x[0] * x[1]);
        (2.0 * a * a + a * b + b * b).sqrt() + x[0] * x[1]
    };
    close(constant_matrix_caller(x[0], x[1]), plain(&x), "value");
    let rows: Vec<Vec<f64>> = constant_matrix_caller_hessian(x[0], x[1]).iter().map(|r| r.to_vec()).collect();
    check_all(
        plain,
        &x,
        &constant_matrix_caller_grad(x[0], x[1]),
        &rows,
        |v| constant_matrix_caller_hvp(x[0], x[1], [v[0], v[1]]).to_vec(),
        "constant matrix",
    );
}

struct Model {
    scale: f64,
}

impl Model {
    #[differentiate]
    fn energy(&self, x: f64, y: f64) -> f64 {
        Vector3::new(x, y, x * y).norm() * self.scale
    }

    #[differentiate]
    fn total(&self, x: [f64; 2]) -> f64 {
        self.energy(x[0], x[1]) * x[0]
    }
}

#[test]
fn method_of_floats_calling_a_method_holding_a_vector() {
    let model = Model { scale: 1.5 };
    let x = [0.6, -0.9];
    let plain = |x: &[f64]| (x[0] * x[0] + x[1] * x[1] + (x[0] * x[1]).powi(2)).sqrt() * 1.5 * x[0];
    close(model.total(x), plain(&x), "value");
    let rows: Vec<Vec<f64>> = model.total_hessian(x).iter().map(|r| r.to_vec()).collect();
    check_all(plain, &x, &model.total_grad(x), &rows, |v| model.total_hvp(x, [v[0], v[1]]).to_vec(), "method");
}

/// Eighteen inputs: the Hessian takes sweeps of several directions (chunks
/// or a colouring's seeds), each running the callee once per direction.
#[differentiate]
fn chain(x: [f64; 18]) -> f64 {
    let mut s = 0.0;
    for i in 0..17 {
        s += sq(x[i], x[i + 1]) * 0.1;
    }
    s
}

#[test]
fn many_inputs_calling_a_vector_built_from_scalars() {
    let x: [f64; 18] = core::array::from_fn(|i| 0.3 + 0.11 * i as f64 - 0.02 * (i * i) as f64);
    let plain =
        |x: &[f64]| (0..17).map(|i| (x[i] * x[i] * x[i + 1] * x[i + 1] + 1.0 + x[i + 1] * x[i + 1]) * 0.1).sum();
    close(chain(x), plain(&x), "value");
    let rows: Vec<Vec<f64>> = chain_hessian(x).iter().map(|r| r.to_vec()).collect();
    check_all(plain, &x, &chain_grad(x), &rows, |v| chain_hvp(x, core::array::from_fn(|i| v[i])).to_vec(), "chain");
}
