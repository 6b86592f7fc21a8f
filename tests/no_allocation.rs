//! With static sizes (scalars, `SVector`, `SMatrix`) the generated gradient,
//! Hessian and Hessian-vector product allocate nothing, and neither do the
//! `_into` gradients of functions of slices whose loops need no tape, nor
//! calls of functions whose derivatives were given (`#[derivative]`):
//! counted by a global allocator over many calls.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;

use matdiff::{Float, MatrixWorkspace, SparseHessianWorkspace, derivative, differentiate};
use nalgebra::{DMatrix, DVector, Matrix2, Matrix3, SMatrix, SVector, Vector2, Vector3};

struct Counting;

thread_local! {
    // Per thread: the tests run in parallel, and each counts its own.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    static BYTES: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
        let _ = BYTES.try_with(|count| count.set(count.get() + layout.size()));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

#[differentiate(wrt(x))]
fn quadratic(x: &SVector<f64, 4>, a: &SMatrix<f64, 4, 4>) -> f64 {
    x.dot(&(a * x))
}

#[differentiate]
fn energy(p: Vector3<f64>, m: Matrix3<f64>) -> f64 {
    let q = m * p;
    q.map(|v| v.tanh()).norm_squared() + matdiff::logdet(&m) + q[1] * p.sum()
}

/// Fixed-size vectors and matrices built from the scalars: their elements
/// gather in arrays on the stack.
#[differentiate]
fn built(x: f64, y: f64, z: f64) -> f64 {
    let v = Vector3::new(x * y, y.sin(), z);
    let m = Matrix2::new(x, y, 0.5, z * z);
    v.norm_squared() + SVector::<f64, 2>::from([x, z]).dot(&(m * Vector2::new(1.0, y)))
}

/// A function of floats calling one that builds fixed-size vectors: one
/// sweep of the callee per direction, all on the stack.
#[differentiate]
fn calls_built(x: [f64; 3]) -> f64 {
    built(x[0], x[1], x[2]) * x[1]
}

#[differentiate]
fn built_vector(x: f64, y: f64, z: f64) -> Vector2<f64> {
    Vector2::new(x + y + z, x * y * z)
}

/// Views of a differentiated static matrix and of constant static data in
/// a loop over its columns.
#[differentiate(wrt(w))]
fn static_views(x: &SMatrix<f64, 3, 6>, w: &Matrix3<f64>) -> f64 {
    let mut s = 0.0;
    for j in 0..6 {
        let h = w * x.column(j) - x.fixed_view::<3, 1>(0, j);
        s += h.norm_squared() * w.fixed_view::<2, 2>(1, 1).determinant()
            + w.fixed_rows::<1>(0).dot(&x.column(j).transpose());
    }
    s
}

/// The extended Rosenbrock function and a stencil: loops whose reverse
/// sweeps recompute what they need, with no tape.
#[differentiate]
fn rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        s += 100.0 * (x[i + 1] - x[i] * x[i]).powi(2) + (1.0 - x[i]).powi(2);
    }
    s
}

#[differentiate]
fn stencil(x: &[f64]) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    for i in 1..n - 1 {
        let d = x[i - 1] - 2.0 * x[i] + x[i + 1];
        s += d * d + x[i].powi(4);
    }
    s
}

/// A function with derivatives given by hand (`#[derivative]`), whose
/// partial uses its result, called from a differentiated one.
#[derivative(result = y, x = std::f64::consts::FRAC_2_SQRT_PI * (-x * x).exp() + 0.0 * y)]
fn erf(x: f64) -> f64 {
    libm::erf(x)
}

#[differentiate]
fn through_erf(x: f64, y: f64) -> f64 {
    erf(x * y) * y
}

/// Generic over the float type: the same at `f32` and `f64`.
#[differentiate]
fn generic_rosenbrock<T: Float>(x: &[T]) -> T {
    let hundred = T::from(100.0).unwrap();
    let mut s = T::zero();
    for i in 0..x.len() - 1 {
        s = s + hundred * (x[i + 1] - x[i] * x[i]).powi(2) + (T::one() - x[i]).powi(2);
    }
    s
}

#[differentiate]
fn generic_scalar<T: Float>(x: T, y: T, z: T) -> T {
    (x * y).sin() + (y - z).exp() * x
}

fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

/// The allocations `f` makes and their bytes in all.
fn allocated_during(f: impl FnOnce()) -> (usize, usize) {
    let (count, bytes) = (ALLOCATIONS.with(Cell::get), BYTES.with(Cell::get));
    f();
    (ALLOCATIONS.with(Cell::get) - count, BYTES.with(Cell::get) - bytes)
}

#[test]
fn static_sizes_allocate_nothing() {
    let x = SVector::<f64, 4>::new(0.5, -1.0, 2.0, 0.25);
    let a = SMatrix::<f64, 4, 4>::from_fn(|i, j| (i as f64 + 1.0) / (j as f64 + 2.0));
    let p = Vector3::new(0.3, -0.2, 0.9);
    let m = Matrix3::new(2.0, 0.1, 0.0, -0.3, 1.5, 0.2, 0.1, 0.0, 1.8);
    let data = SMatrix::<f64, 3, 6>::from_fn(|i, j| (i as f64 - j as f64) / 4.0);
    let count = allocations_during(|| {
        for _ in 0..100 {
            black_box(quadratic_value_and_grad(black_box(&x), black_box(&a)));
            black_box(quadratic_hessian(black_box(&x), black_box(&a)));
            black_box(quadratic_hvp(black_box(&x), black_box(&a), black_box(&x)));
            black_box(energy_grad(black_box(p), black_box(m)));
            black_box(energy_hessian(black_box(p), black_box(m)));
            black_box(built_value_and_grad(black_box(0.3), black_box(-1.2), black_box(0.7)));
            black_box(built_hessian(black_box(0.3), black_box(-1.2), black_box(0.7)));
            black_box(built_hvp(black_box(0.3), black_box(-1.2), black_box(0.7), black_box([1.0, 0.5, -2.0])));
            black_box(calls_built_value_and_grad(black_box([0.3, -1.2, 0.7])));
            black_box(calls_built_hessian(black_box([0.3, -1.2, 0.7])));
            black_box(calls_built_hvp(black_box([0.3, -1.2, 0.7]), black_box([1.0, 0.5, -2.0])));
            black_box(built_vector_jacobian(black_box(0.3), black_box(-1.2), black_box(0.7)));
            black_box(through_erf_value_and_grad(black_box(0.3), black_box(-1.2)));
            black_box(through_erf_hessian(black_box(0.3), black_box(-1.2)));
            black_box(through_erf_hvp(black_box(0.3), black_box(-1.2), black_box([1.0, 2.0])));
            black_box(static_views_value_and_grad(black_box(&data), black_box(&m)));
            black_box(static_views_hessian(black_box(&data), black_box(&m)));
            black_box(static_views_hvp(black_box(&data), black_box(&m), black_box(&m)));
        }
    });
    assert_eq!(count, 0, "static sizes must not touch the heap");
    // The counter does count: a dynamic size allocates.
    let dynamic = allocations_during(|| {
        black_box(nalgebra::DVector::<f64>::zeros(black_box(4)));
    });
    assert!(dynamic > 0);
}

#[test]
fn slice_gradients_into_buffers_allocate_nothing() {
    let x: Vec<f64> = (0..1000).map(|i| (i as f64 * 0.37).sin()).collect();
    let mut g = vec![0.0; x.len()];
    let count = allocations_during(|| {
        for _ in 0..100 {
            black_box(rosenbrock_value_and_grad_into(black_box(&x), black_box(&mut g)));
            rosenbrock_grad_into(black_box(&x), black_box(&mut g));
            black_box(stencil_value_and_grad_into(black_box(&x), black_box(&mut g)));
        }
    });
    assert_eq!(count, 0, "a gradient into the caller's buffer must not touch the heap");
    // The allocating form does allocate, once per call.
    let allocating = allocations_during(|| {
        black_box(rosenbrock_grad(black_box(&x)));
    });
    assert_eq!(allocating, 1);
}

#[test]
fn sparse_hessians_into_a_kept_workspace_allocate_nothing() {
    let x: Vec<f64> = (0..1000).map(|i| (i as f64 * 0.37).sin()).collect();
    let mut rosenbrock_values = rosenbrock_hessian_sparse(&x).values;
    let mut stencil_values = stencil_hessian_sparse(&x).values;
    let mut rosenbrock_workspace = SparseHessianWorkspace::default();
    let mut stencil_workspace = SparseHessianWorkspace::new(x.len());
    // The first call sizes an empty workspace.
    let sizing = allocations_during(|| {
        rosenbrock_hessian_sparse_into(black_box(&x), black_box(&mut rosenbrock_values), &mut rosenbrock_workspace);
    });
    assert!(sizing > 0);
    let count = allocations_during(|| {
        for _ in 0..100 {
            rosenbrock_hessian_sparse_into(black_box(&x), black_box(&mut rosenbrock_values), &mut rosenbrock_workspace);
            stencil_hessian_sparse_into(black_box(&x), black_box(&mut stencil_values), &mut stencil_workspace);
        }
    });
    assert_eq!(count, 0, "a sparse Hessian into a kept workspace must not touch the heap");
    // The allocating form does allocate.
    let allocating = allocations_during(|| {
        black_box(rosenbrock_hessian_sparse(black_box(&x)));
    });
    assert!(allocating > 0);
}

#[test]
fn generic_functions_allocate_nothing() {
    let x: Vec<f64> = (0..1000).map(|i| (i as f64 * 0.37).sin()).collect();
    let x32: Vec<f32> = x.iter().map(|&v| v as f32).collect();
    let mut g = vec![0.0; x.len()];
    let mut g32 = vec![0.0f32; x.len()];
    let count = allocations_during(|| {
        for _ in 0..100 {
            black_box(generic_rosenbrock_value_and_grad_into(black_box(&x), black_box(&mut g)));
            black_box(generic_rosenbrock_value_and_grad_into(black_box(&x32), black_box(&mut g32)));
            black_box(generic_scalar_hessian(black_box(0.3f64), black_box(-0.2), black_box(0.9)));
            black_box(generic_scalar_hvp(black_box(0.3f32), black_box(-0.2), black_box(0.9), black_box([1.0; 3])));
            black_box(generic_scalar_value_and_grad(black_box(0.3f32), black_box(-0.2), black_box(0.9)));
        }
    });
    assert_eq!(count, 0, "generic derivatives must not touch the heap where the concrete ones do not");
}

/// A struct parameter of static sizes: its gradient and Hessian-vector
/// product are structs on the stack like the flat ones. (Its Hessian is a
/// `DMatrix`, over every field, so that one allocates.)
#[derive(matdiff::Differentiable, Clone, Copy)]
struct Pose {
    position: Vector3<f64>,
    angle: f64,
    weights: [f64; 2],
}

#[differentiate(wrt(pose))]
fn pose_cost(pose: &Pose, target: &Vector3<f64>) -> f64 {
    let d = pose.position - target;
    d.norm_squared() * pose.weights[0] + (pose.angle.sin() * pose.weights[1]).powi(2)
}

#[test]
fn static_struct_gradients_allocate_nothing() {
    let pose = Pose { position: Vector3::new(0.3, -0.2, 0.9), angle: 0.4, weights: [1.5, 0.5] };
    let target = Vector3::new(1.0, 0.0, -1.0);
    let count = allocations_during(|| {
        for _ in 0..100 {
            black_box(pose_cost_value_and_grad(black_box(&pose), black_box(&target)));
            black_box(pose_cost_grad(black_box(&pose), black_box(&target)));
            black_box(pose_cost_hvp(black_box(&pose), black_box(&target), black_box(&pose)));
        }
    });
    assert_eq!(count, 0, "a struct of static sizes must not touch the heap");
    let hessian = allocations_during(|| {
        black_box(pose_cost_hessian(black_box(&pose), black_box(&target)));
    });
    assert!(hessian > 0, "the Hessian is a DMatrix");
}

// ----- nalgebra values of dynamic size, through the `_into` functions -----

#[differentiate(wrt(x))]
fn dynamic_quadratic(x: &DVector<f64>, a: &DMatrix<f64>) -> f64 {
    x.dot(&(a * x))
}

#[differentiate(wrt(v), no_hessian)]
fn factorisation(x: &DMatrix<f64>, u: &DMatrix<f64>, v: &DMatrix<f64>) -> f64 {
    (x - u * v).norm_squared()
}

#[differentiate(wrt(w))]
fn logistic(w: &DVector<f64>, x: &DMatrix<f64>, y: &DVector<f64>) -> f64 {
    let z = x * w;
    z.map(matdiff::softplus).sum() - y.dot(&z)
}

#[differentiate(wrt(x))]
fn least_squares(x: &DVector<f64>, a: &DMatrix<f64>, b: &DVector<f64>) -> f64 {
    (a * x - b).norm_squared()
}

#[differentiate(wrt(w1, w2), no_hessian)]
fn network(w1: &DMatrix<f64>, w2: &DMatrix<f64>, x: &DMatrix<f64>, y: &DMatrix<f64>) -> f64 {
    let hidden = (w1 * x).map(f64::tanh);
    (w2 * hidden - y).norm_squared()
}

fn data(r: usize, c: usize, seed: f64) -> DMatrix<f64> {
    DMatrix::from_fn(r, c, |i, j| ((i * 7 + j * 13) as f64 * 0.37 + seed).sin())
}

/// What a Hessian's bundled sweep still allocates per call: the shared
/// handle of its dense bundle (an `Rc`), never a matrix's storage (the
/// Hessian of x'Ax at n = 40 holds 12 800 bytes).
const SMALL_BOX: usize = 128;

/// Every call after the first, with inputs of the same sizes, takes its
/// temporaries from the kept workspace and leaves its results in the
/// caller's matrices. The sizes keep a dimension of every product at most
/// 5, where nalgebra multiplies by itself: past that, matrixmultiply's
/// packed kernel allocates its packing buffers, as it does for hand-written
/// code.
#[test]
fn matrix_gradients_and_hessians_into_a_kept_workspace_allocate_nothing() {
    let mut ws = MatrixWorkspace::default();
    for n in [3, 10, 40] {
        let (x, a) = (data(n, 1, 0.1).column(0).into_owned(), data(n, n, 0.2));
        let (mut g, mut h) = (DVector::zeros(n), DMatrix::zeros(n, n));
        dynamic_quadratic_grad_into(&x, &a, &mut g, &mut ws);
        assert_eq!(
            allocations_during(|| dynamic_quadratic_grad_into(&x, &a, &mut g, &mut ws)),
            0,
            "x'Ax gradient, n = {n}"
        );
        let _ = dynamic_quadratic_value_and_grad_into(&x, &a, &mut g, &mut ws);
        assert_eq!(
            allocations_during(|| {
                black_box(dynamic_quadratic_value_and_grad_into(&x, &a, &mut g, &mut ws));
            }),
            0,
            "x'Ax value and gradient, n = {n}"
        );
        dynamic_quadratic_hessian_into(&x, &a, &mut h, &mut ws);
        let (_, bytes) = allocated_during(|| dynamic_quadratic_hessian_into(&x, &a, &mut h, &mut ws));
        assert!(bytes < SMALL_BOX, "dynamic_quadratic_hessian_into allocated {bytes} bytes");
    }
    let (xm, u, v) = (data(19, 18, 0.3), data(19, 4, 0.4), data(4, 18, 0.5));
    let mut gv = DMatrix::zeros(4, 18);
    let mut ws = MatrixWorkspace::default();
    factorisation_grad_into(&xm, &u, &v, &mut gv, &mut ws);
    assert_eq!(allocations_during(|| factorisation_grad_into(&xm, &u, &v, &mut gv, &mut ws)), 0, "factorisation");

    let (w, features) = (data(5, 1, 0.6).column(0).into_owned(), data(30, 5, 0.7));
    let labels = DVector::from_fn(30, |i, _| (i % 2) as f64);
    let (mut g, mut h) = (DVector::zeros(5), DMatrix::zeros(5, 5));
    logistic_grad_into(&w, &features, &labels, &mut g, &mut ws);
    assert_eq!(
        allocations_during(|| logistic_grad_into(&w, &features, &labels, &mut g, &mut ws)),
        0,
        "logistic gradient"
    );
    logistic_hessian_into(&w, &features, &labels, &mut h, &mut ws);
    // Not yet: the elementwise map's bundle rule allocates its slopes and
    // its scaled bundle. Checked to run, and to agree with `f_hessian`.
    logistic_hessian_into(&w, &features, &labels, &mut h, &mut ws);
    assert!((&h - logistic_hessian(&w, &features, &labels)).norm() < 1e-12);

    let (x, a, b) = (data(5, 1, 0.1).column(0).into_owned(), data(30, 5, 0.2), data(30, 1, 0.3).column(0).into_owned());
    let (mut g, mut h) = (DVector::zeros(5), DMatrix::zeros(5, 5));
    least_squares_grad_into(&x, &a, &b, &mut g, &mut ws);
    assert_eq!(
        allocations_during(|| least_squares_grad_into(&x, &a, &b, &mut g, &mut ws)),
        0,
        "least squares gradient"
    );
    least_squares_hessian_into(&x, &a, &b, &mut h, &mut ws);
    // Not yet: the bundle rule of `norm_squared` allocates its result.
    least_squares_hessian_into(&x, &a, &b, &mut h, &mut ws);
    assert!((&h - least_squares_hessian(&x, &a, &b)).norm() < 1e-12);

    let (w1, w2, x, y) = (data(4, 8, 0.1), data(7, 4, 0.2), data(8, 11, 0.3), data(7, 11, 0.4));
    let (mut g1, mut g2) = (DMatrix::zeros(4, 8), DMatrix::zeros(7, 4));
    network_grad_into(&w1, &w2, &x, &y, &mut g1, &mut g2, &mut ws);
    assert_eq!(allocations_during(|| network_grad_into(&w1, &w2, &x, &y, &mut g1, &mut g2, &mut ws)), 0, "network");
}
