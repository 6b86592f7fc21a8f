//! Loops whose reverse sweeps gather their cotangent updates in windows
//! (reads at constant offsets of the loop index), and loops next to them
//! that keep the scatter form, against finite differences: window widths
//! from 1 to 6 and offsets of both signs, loops that run zero, one and
//! many times, buffers with contributions from before and after the loop,
//! reads in branches and at other indices, local arrays and nested loops;
//! and integer arithmetic on a slice's length.

// The functions under test are written the way users write loops.
#![allow(clippy::needless_range_loop)]

mod common;

use common::check_slice;
use matdiff::differentiate;

macro_rules! slice_case {
    ($test:ident, $f:ident, $grad:ident, $hessian:ident, $hvp:ident, $ns:expr) => {
        #[test]
        fn $test() {
            check_slice(stringify!($f), |x| $f(x), |x| $grad(x), |x| $hessian(x), |x, v| $hvp(x, v), &$ns);
        }
    };
}

/// Offsets -2, 0 and +3: a window of six slots.
#[differentiate]
fn wide_offsets(x: &[f64]) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    for i in 2..n - 3 {
        s += (x[i - 2] * x[i + 3]).sin() + x[i] * x[i - 2] - 0.5 * x[i + 3];
    }
    s
}
slice_case!(wide, wide_offsets, wide_offsets_grad, wide_offsets_hessian, wide_offsets_hvp, [5, 6, 7, 12, 300]);

/// One offset only: a window of one slot, written every iteration.
#[differentiate]
fn single_offset(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += x[i].exp() * x[i];
    }
    s
}
slice_case!(single, single_offset, single_offset_grad, single_offset_hessian, single_offset_hvp, [0, 1, 2, 9, 300]);

/// An inclusive range that does not start at zero, with the entries at its
/// ends also read before and after the loop.
#[differentiate]
fn contributions_around(x: &[f64]) -> f64 {
    let n = x.len();
    let mut s = x[0] * x[1];
    for i in 1..=n - 2 {
        s += x[i - 1] * x[i + 1] + (x[i] - x[i + 1]).powi(2);
    }
    s * x[n - 1] + x[n - 2].cos()
}
slice_case!(
    around,
    contributions_around,
    contributions_around_grad,
    contributions_around_hessian,
    contributions_around_hvp,
    [2, 3, 4, 11, 300]
);

/// Reads in the arms of a branch and at a reflected index keep the scatter
/// form for that buffer; the loop is right either way.
#[differentiate]
fn branches_and_reflections(x: &[f64]) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    for i in 1..n - 1 {
        if x[i] > 0.0 {
            s += x[i + 1] * x[i];
        } else {
            s += x[i - 1].sin();
        }
        s += x[n - 1 - i] * x[i];
    }
    s
}
slice_case!(
    scattered,
    branches_and_reflections,
    branches_and_reflections_grad,
    branches_and_reflections_hessian,
    branches_and_reflections_hvp,
    [2, 3, 8, 300]
);

/// A local array filled by one loop and read at two offsets by the next,
/// whose carried value enters nonlinearly.
#[differentiate]
fn local_array(x: &[f64]) -> f64 {
    let n = x.len();
    let mut y = vec![0.0; n];
    for i in 0..n {
        y[i] = x[i].sin() + 1.5;
    }
    let mut s = 0.0;
    for i in 1..n {
        s = 0.5 * s * y[i] + y[i - 1] * y[i];
    }
    s
}
slice_case!(local, local_array, local_array_grad, local_array_hessian, local_array_hvp, [1, 2, 3, 10, 300]);

/// Nested loops: the inner one reads at offsets of its own index from a
/// base the outer one sets.
#[differentiate]
fn nested(x: &[f64]) -> f64 {
    let m = 3;
    let rows = x.len() / m;
    let mut s = 0.0;
    for r in 0..rows {
        let base = r * m;
        for j in 1..m {
            s += x[base + j] * x[base + j - 1] + x[j].powi(2);
        }
        s += x[r].cos();
    }
    s
}
slice_case!(nested_loops, nested, nested_grad, nested_hessian, nested_hvp, [3, 6, 12, 300]);

/// A loop that runs downwards in the user's code runs upwards in its
/// reverse sweep: the scatter form.
#[differentiate]
fn downwards(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in (1..x.len()).rev() {
        s = s * 0.75 + x[i] * x[i - 1];
    }
    s
}
slice_case!(down, downwards, downwards_grad, downwards_hessian, downwards_hvp, [1, 2, 3, 10, 300]);

/// Integer methods on a slice's length (`x.len().saturating_sub(1)`) are
/// integers, with no derivative, like `x.len()` itself.
#[differentiate]
fn length_arithmetic(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len().saturating_sub(1) {
        s += x[i] * x[i + 1].sin();
    }
    let last = x.len().saturating_sub(1).min(3);
    s + x[last].powi(3)
}
slice_case!(
    lengths,
    length_arithmetic,
    length_arithmetic_grad,
    length_arithmetic_hessian,
    length_arithmetic_hvp,
    [1, 2, 3, 7, 300]
);

// ----- loops read through views of exact length -------------------------------

/// A loop reading a slice, a `Vec` argument and a local array at offsets of
/// its index, each through a view of the loop's length made before it;
/// the reverse sweep writes the gradient through such a view too.
#[differentiate(wrt(x))]
#[allow(clippy::ptr_arg)] // a `&Vec` on purpose: it is viewed like a slice
fn viewed(x: &[f64], w: &Vec<f64>) -> f64 {
    let n = x.len();
    let squares: Vec<f64> = x.iter().map(|v| v * v).collect();
    let mut s = 0.0;
    for i in 1..n - 1 {
        s += w[i] * x[i - 1] * x[i + 1] + squares[i] * x[i].cos();
    }
    s
}

#[test]
fn views_of_slices_vecs_and_local_arrays() {
    for n in [2, 3, 4, 11, 300] {
        let w: Vec<f64> = (0..n).map(|i| 1.0 + (i as f64) * 0.01).collect();
        common::check_slice(
            "viewed",
            |x| viewed(x, &w),
            |x| viewed_grad(x, &w),
            |x| viewed_hessian(x, &w),
            |x, v| viewed_hvp(x, &w, v),
            &[n],
        );
    }
}

/// Reads past the end: the function panics, and so must its derivatives
/// (their views are made before the loop, where the function panics in it).
#[differentiate]
fn overrun(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += x[i] * x[i + 1];
    }
    s
}

#[test]
#[should_panic]
fn a_read_past_the_end_panics_in_the_gradient_too() {
    let x = [1.0, 2.0, 3.0];
    std::hint::black_box(overrun_grad(&x));
}

#[test]
#[should_panic]
fn a_read_past_the_end_panics_in_the_hessian_too() {
    let x = [1.0, 2.0, 3.0];
    std::hint::black_box(overrun_hessian(&x));
}

/// A fixed array and a range of two literals: the views' length is typed
/// from the literals (`usize`, as the reads make the index).
#[differentiate]
fn literal_bounds(x: [f64; 4]) -> f64 {
    let mut s = 0.0;
    for i in 0..3 {
        s += (x[i + 1] - x[i] * x[i]).powi(2) * 10.0 + x[i].sin();
    }
    s
}

#[test]
fn a_fixed_array_over_a_range_of_literals() {
    let x = [0.3, -1.1, 0.8, 2.0];
    let plain = |x: &[f64]| literal_bounds(x.try_into().expect("four entries"));
    let gradient = literal_bounds_grad(x);
    matdiff::check::assert_all_close(&gradient, &matdiff::check::gradient(plain, &x), common::GRAD_TOL, "gradient");
    let hessian = literal_bounds_hessian(x);
    let differences = matdiff::check::hessian(plain, &x);
    for i in 0..4 {
        matdiff::check::assert_all_close(&hessian[i], &differences[i], common::HESS_TOL, &format!("Hessian row {i}"));
    }
}
