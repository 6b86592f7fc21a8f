//! With static sizes (scalars, `SVector`, `SMatrix`) the generated gradient,
//! Hessian and Hessian-vector product allocate nothing: counted by a global
//! allocator over many calls.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use matdiff::differentiate;
use nalgebra::{Matrix3, SMatrix, SVector, Vector3};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
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

fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    f();
    ALLOCATIONS.load(Ordering::SeqCst) - before
}

#[test]
fn static_sizes_allocate_nothing() {
    let x = SVector::<f64, 4>::new(0.5, -1.0, 2.0, 0.25);
    let a = SMatrix::<f64, 4, 4>::from_fn(|i, j| (i as f64 + 1.0) / (j as f64 + 2.0));
    let p = Vector3::new(0.3, -0.2, 0.9);
    let m = Matrix3::new(2.0, 0.1, 0.0, -0.3, 1.5, 0.2, 0.1, 0.0, 1.8);
    let count = allocations_during(|| {
        for _ in 0..100 {
            black_box(quadratic_value_and_grad(black_box(&x), black_box(&a)));
            black_box(quadratic_hessian(black_box(&x), black_box(&a)));
            black_box(quadratic_hvp(black_box(&x), black_box(&a), black_box(&x)));
            black_box(energy_grad(black_box(p), black_box(m)));
            black_box(energy_hessian(black_box(p), black_box(m)));
        }
    });
    assert_eq!(count, 0, "static sizes must not touch the heap");
    // The counter does count: a dynamic size allocates.
    let dynamic = allocations_during(|| {
        black_box(nalgebra::DVector::<f64>::zeros(black_box(4)));
    });
    assert!(dynamic > 0);
}
