//! Loops and arrays: every loop form against finite differences of the
//! original function at n = 1, 2, 10 (and 1000 for the gradient), and the
//! Rosenbrock function against num-dual at n = 1000.

// The functions under test are written the way users write loops.
#![allow(clippy::needless_range_loop, clippy::manual_memcpy, clippy::ptr_arg)]

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

#[differentiate]
fn rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        s += 100.0 * (x[i + 1] - x[i] * x[i]).powi(2) + (1.0 - x[i]).powi(2);
    }
    s
}
slice_case!(range_loop, rosenbrock, rosenbrock_grad, rosenbrock_hessian, rosenbrock_hvp, [2, 3, 10, 1000]);

#[differentiate]
fn inclusive_and_reversed(x: &[f64]) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    for i in 0..=n - 1 {
        s += x[i].sin() * (i as f64 + 1.0);
    }
    for i in (0..n).rev() {
        s = s * 0.5 + x[i] * x[i];
    }
    for i in (1..n).step_by(2) {
        s += x[i - 1] * x[i];
    }
    for i in (0..n).rev().step_by(3) {
        s += x[i].cos();
    }
    for i in (0..n).step_by(2).rev() {
        s -= x[i] * 0.25;
    }
    s
}
slice_case!(
    range_forms,
    inclusive_and_reversed,
    inclusive_and_reversed_grad,
    inclusive_and_reversed_hessian,
    inclusive_and_reversed_hvp,
    [1, 2, 10, 1000]
);

#[differentiate]
fn element_loops(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for &xi in x {
        s += xi.exp();
    }
    for xi in x.iter() {
        s += *xi * xi;
    }
    for (i, xi) in x.iter().enumerate() {
        s += (i as f64 + 1.0) * xi.tanh();
    }
    for (a, b) in x.iter().zip(x.iter().skip(1)) {
        s += a * b;
    }
    for &xi in x.iter().take(2) {
        s += xi * 3.0;
    }
    s
}
slice_case!(
    iterator_loops,
    element_loops,
    element_loops_grad,
    element_loops_hessian,
    element_loops_hvp,
    [1, 2, 10, 1000]
);

#[differentiate]
fn reductions(x: &[f64]) -> f64 {
    let total = x.iter().sum::<f64>();
    let squares: f64 = x.iter().map(|xi| xi * xi).sum();
    let product = x.iter().map(|&xi| 1.0 + 0.1 * xi).product::<f64>();
    let folded = x.iter().fold(0.5, |acc, xi| acc * 0.9 + xi.sin());
    let weighted = (0..x.len()).map(|i| x[i] * i as f64).sum::<f64>();
    let pairs: f64 = x.iter().zip(x.iter().skip(1)).map(|(a, b)| (a - b).powi(2)).sum();
    total * squares + product + folded * weighted + pairs
}
slice_case!(iterator_reductions, reductions, reductions_grad, reductions_hessian, reductions_hvp, [1, 2, 10, 1000]);

#[differentiate]
fn collected(x: &[f64]) -> f64 {
    let y: Vec<f64> = x.iter().map(|v| v.tanh()).collect();
    let mut s = 0.0;
    for i in 0..y.len() {
        s += y[i] * x[x.len() - 1 - i];
    }
    s
}
slice_case!(collect_into_vec, collected, collected_grad, collected_hessian, collected_hvp, [1, 2, 10, 1000]);

#[differentiate]
fn value_dependent_while(x: &[f64]) -> f64 {
    let mut t = 0.0;
    let mut k = 0;
    while k < x.len() && t < 2.0 {
        t += x[k] * x[k] + 0.1;
        k += 1;
    }
    t * x[0] + k as f64
}
slice_case!(
    while_loop,
    value_dependent_while,
    value_dependent_while_grad,
    value_dependent_while_hessian,
    value_dependent_while_hvp,
    [1, 2, 10, 1000]
);

#[differentiate]
fn break_and_continue(x: &[f64]) -> f64 {
    let mut s = 0.0;
    let mut count = 0;
    for i in 0..x.len() {
        if i % 3 == 1 {
            continue;
        }
        s += x[i].sin() * x[i];
        count += 1;
        if s > 1.5 {
            break;
        }
    }
    let mut p = 1.0;
    for &xi in x.iter() {
        if xi < -1.0 {
            break;
        }
        p *= 1.0 + 0.2 * xi;
    }
    s * p + count as f64
}
slice_case!(
    break_continue,
    break_and_continue,
    break_and_continue_grad,
    break_and_continue_hessian,
    break_and_continue_hvp,
    [1, 2, 10, 1000]
);

#[differentiate]
fn nested(x: &[f64]) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    for i in 0..n {
        let mut row = 0.0;
        for j in 0..n {
            let a = ((i + 2 * j) as f64).cos();
            row += a * x[j];
        }
        s += x[i] * row.tanh();
    }
    if s > 0.0 {
        for i in 0..n {
            s += x[i].powi(3) * 0.1;
        }
    } else {
        s -= 1.0;
    }
    s
}
slice_case!(nested_loops, nested, nested_grad, nested_hessian, nested_hvp, [1, 2, 10, 100]);

#[differentiate]
fn recurrence(x: &[f64]) -> f64 {
    let mut y = 1.0;
    for i in 0..x.len() {
        y = (y * x[i]).sin() + 0.5 * y;
    }
    y
}
slice_case!(carried_values, recurrence, recurrence_grad, recurrence_hessian, recurrence_hvp, [1, 2, 10, 1000]);

/// Carried values that trade places: each iteration's updates of their
/// derivatives must all read the values from before the iteration.
#[differentiate]
// The swaps written out are what is tested.
#[allow(clippy::manual_swap)]
fn swaps(x: &[f64]) -> f64 {
    let mut a = x[0];
    let mut b = x[x.len() - 1] * 0.5;
    let mut c = 0.25;
    for i in 0..x.len() {
        let t = b;
        b = a;
        a = t;
        let u = c;
        c = a + x[i];
        a = b;
        b = u;
    }
    let mut k = 0;
    while k < 3 {
        let t = a;
        a = b * 0.9;
        b = t;
        k += 1;
    }
    a * b.exp() + c * c * a
}
slice_case!(carried_values_trade_places, swaps, swaps_grad, swaps_hessian, swaps_hvp, [1, 2, 10]);

#[differentiate]
fn local_arrays(x: &[f64]) -> f64 {
    let n = x.len();
    let mut v = vec![0.0; n];
    for i in 0..n {
        v[i] = x[i].exp() - 1.0;
    }
    let mut w = vec![0.0; n + 1];
    for i in 0..n {
        w[i + 1] = w[i] * 0.5 + v[i];
        w[i] += x[i] * x[i];
    }
    v[0] *= 2.0;
    let mut s = 0.0;
    for i in 0..n {
        s += v[i] * w[n - i];
    }
    s + w[0]
}
slice_case!(
    arrays_written_in_loops,
    local_arrays,
    local_arrays_grad,
    local_arrays_hessian,
    local_arrays_hvp,
    [1, 2, 10, 1000]
);

/// Seed 003, eq. 4.4.47, with a fixed-size array argument.
#[differentiate]
fn squared_norm(x: [f64; 3]) -> f64 {
    x[0] * x[0] + x[1] * x[1] + x[2] * x[2]
}

#[test]
fn fixed_size_arrays() {
    let x = [0.3, -7.0, 2.0];
    assert_eq!(squared_norm_grad(x), [0.6, -14.0, 4.0]);
    assert_eq!(squared_norm_hessian(x), [[2.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 2.0]]);
    assert_eq!(squared_norm_hvp(x, [1.0, 2.0, 3.0]), [2.0, 4.0, 6.0]);
}

const N: usize = 4;

#[differentiate]
fn by_reference_array(x: &[f64; N], y: [f64; N]) -> f64 {
    let mut s = 0.0;
    for i in 0..N {
        s += x[i] * y[i].exp();
    }
    s
}

#[test]
fn two_fixed_arrays() {
    let x = [0.1, 0.2, -0.3, 0.4];
    let y = [1.0, -1.0, 0.5, 0.0];
    let (gx, gy) = by_reference_array_grad(&x, y);
    for i in 0..N {
        assert_eq!(gx[i], y[i].exp());
        assert_eq!(gy[i], x[i] * y[i].exp());
    }
    let h: [[f64; 2 * N]; 2 * N] = by_reference_array_hessian(&x, y);
    for i in 0..N {
        assert_eq!(h[i][N + i], y[i].exp());
        assert_eq!(h[N + i][i], y[i].exp());
        assert_eq!(h[N + i][N + i], x[i] * y[i].exp());
        assert_eq!(h[i][i], 0.0);
    }
}

#[differentiate]
fn scalar_and_slice(scale: f64, x: &Vec<f64>, offsets: Vec<f64>) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += (scale * x[i] + offsets[i]).powi(2);
    }
    s.sqrt()
}

#[test]
fn mixed_arguments_give_a_tuple() {
    let x = vec![0.5, -1.0, 2.0];
    let offsets = vec![0.1, 0.2, 0.3];
    let plain = |v: &[f64]| scalar_and_slice(v[0], &v[1..4].to_vec(), v[4..].to_vec());
    let mut all = vec![1.5];
    all.extend(&x);
    all.extend(&offsets);
    let (g_scale, g_x, g_off) = scalar_and_slice_grad(1.5, &x, offsets.clone());
    let mut g = vec![g_scale];
    g.extend(g_x);
    g.extend(g_off);
    matdiff::check::assert_all_close(&g, &matdiff::check::gradient(plain, &all), common::GRAD_TOL, "gradient");
    let h = scalar_and_slice_hessian(1.5, &x, offsets.clone());
    let fd = matdiff::check::hessian(plain, &all);
    for i in 0..all.len() {
        matdiff::check::assert_all_close(&h[i], &fd[i], common::HESS_TOL, &format!("Hessian row {i}"));
    }
    let v = [0.3, -0.2, 0.1, 1.0, 0.5, -0.5, 0.25];
    let hv = scalar_and_slice_hvp(1.5, &x, offsets, (v[0], &v[1..4], &v[4..]));
    let mut hv_flat = vec![hv.0];
    hv_flat.extend(hv.1);
    hv_flat.extend(hv.2);
    let expected: Vec<f64> = (0..7).map(|i| (0..7).map(|j| h[i][j] * v[j]).sum()).collect();
    matdiff::check::assert_all_close(&hv_flat, &expected, 1e-12, "Hessian-vector product");
}

#[differentiate]
fn inner_sum(x: &[f64]) -> f64 {
    x.iter().map(|v| v * v * v).sum::<f64>()
}

#[differentiate]
fn calls_with_slices(x: &[f64]) -> f64 {
    let mut doubled = vec![0.0; x.len()];
    for i in 0..x.len() {
        doubled[i] = 2.0 * x[i];
    }
    inner_sum(x) * inner_sum(&doubled).sin()
}
slice_case!(
    slice_calls,
    calls_with_slices,
    calls_with_slices_grad,
    calls_with_slices_hessian,
    calls_with_slices_hvp,
    [1, 2, 10, 1000]
);

#[differentiate]
fn single_precision(x: &[f32]) -> f32 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += (x[i] * 2.0).sin();
    }
    s
}

#[test]
fn f32_slices() {
    let x = [0.5f32, -0.25, 1.0];
    let g = single_precision_grad(&x);
    for i in 0..3 {
        assert!((g[i] - 2.0 * (2.0 * x[i]).cos()).abs() < 1e-6);
    }
    let h = single_precision_hessian(&x);
    assert!((h[1][1] + 4.0 * (2.0 * x[1]).sin()).abs() < 1e-5);
    assert_eq!(h[0][1], 0.0);
}

/// Against num-dual at n = 1000: the gradient, and the Hessian-vector
/// product as the gradient of the function evaluated in dual numbers
/// along the direction.
#[test]
fn rosenbrock_at_n_1000_matches_num_dual() {
    use nalgebra::DVector;
    use num_dual::{Dual64, DualNum};

    fn generic<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
        let mut s = D::from(0.0);
        for i in 0..x.len() - 1 {
            let r = x[i + 1].clone() - x[i].clone() * x[i].clone();
            let t = -x[i].clone() + 1.0;
            s += r.powi(2) * 100.0 + t.powi(2);
        }
        s
    }
    let n = 1000;
    let x = common::point(n, 7);
    let v = common::point(n, 8);
    let (_, g) = num_dual::gradient(generic, &DVector::from_vec(x.clone()));
    matdiff::check::assert_all_close(&rosenbrock_grad(&x), g.as_slice(), 1e-12, "gradient");
    let along: DVector<Dual64> = DVector::from_iterator(n, x.iter().zip(&v).map(|(&xi, &vi)| Dual64::new(xi, vi)));
    let (_, g_dual) = num_dual::gradient(generic, &along);
    let expected: Vec<f64> = g_dual.iter().map(|d| d.eps).collect();
    matdiff::check::assert_all_close(&rosenbrock_hvp(&x, &v), &expected, 1e-12, "Hessian-vector product");
}

/// Loops whose trip count depends on the values, against num-dual (which
/// takes the same path, so no difference quotient straddles a jump).
#[test]
fn value_dependent_trip_counts_match_num_dual() {
    use nalgebra::DVector;
    use num_dual::DualNum;

    fn while_generic<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
        let mut t = D::from(0.0);
        let mut k = 0;
        while k < x.len() && t.re() < 2.0 {
            t += x[k].clone() * x[k].clone() + 0.1;
            k += 1;
        }
        t * x[0].clone() + k as f64
    }
    fn break_generic<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
        let mut s = D::from(0.0);
        let mut count = 0;
        for i in 0..x.len() {
            if i % 3 == 1 {
                continue;
            }
            s += x[i].clone().sin() * x[i].clone();
            count += 1;
            if s.re() > 1.5 {
                break;
            }
        }
        let mut p = D::from(1.0);
        for xi in x.iter() {
            if xi.re() < -1.0 {
                break;
            }
            p *= xi.clone() * 0.2 + 1.0;
        }
        s * p + count as f64
    }
    for n in [1, 2, 10, 1000] {
        for seed in 0..3 {
            let x = common::point(n, seed);
            if n > 12 {
                let (_, g) = num_dual::gradient(while_generic, &DVector::from_vec(x.clone()));
                matdiff::check::assert_all_close(
                    &value_dependent_while_grad(&x),
                    g.as_slice(),
                    1e-12,
                    "while: gradient",
                );
                let (_, g) = num_dual::gradient(break_generic, &DVector::from_vec(x.clone()));
                matdiff::check::assert_all_close(&break_and_continue_grad(&x), g.as_slice(), 1e-12, "break: gradient");
                continue;
            }
            let (_, g, h) = num_dual::hessian(while_generic, &DVector::from_vec(x.clone()));
            matdiff::check::assert_all_close(&value_dependent_while_grad(&x), g.as_slice(), 1e-12, "while: gradient");
            let ours = value_dependent_while_hessian(&x);
            for i in 0..n {
                let row: Vec<f64> = h.row(i).iter().copied().collect();
                matdiff::check::assert_all_close(&ours[i], &row, 1e-12, "while: Hessian");
            }
            let (_, g, h) = num_dual::hessian(break_generic, &DVector::from_vec(x.clone()));
            matdiff::check::assert_all_close(&break_and_continue_grad(&x), g.as_slice(), 1e-12, "break: gradient");
            let ours = break_and_continue_hessian(&x);
            for i in 0..n {
                let row: Vec<f64> = h.row(i).iter().copied().collect();
                matdiff::check::assert_all_close(&ours[i], &row, 1e-12, "break: Hessian");
            }
        }
    }
}

#[differentiate]
fn uses_logsumexp(x: &[f64]) -> f64 {
    let mut scaled = vec![0.0; x.len()];
    for i in 0..x.len() {
        scaled[i] = x[i] * (1.0 + i as f64 / x.len() as f64);
    }
    matdiff::logsumexp(&scaled) + matdiff::logsumexp(x) * 0.5
}
slice_case!(
    log_sum_exp_of_slices,
    uses_logsumexp,
    uses_logsumexp_grad,
    uses_logsumexp_hessian,
    uses_logsumexp_hvp,
    [1, 2, 10, 1000]
);

#[test]
fn logsumexp_is_stable() {
    assert_eq!(matdiff::logsumexp(&[1000.0, 1000.0]), 1000.0 + 2f64.ln());
    assert_eq!(matdiff::logsumexp(&[-1000.0, -1000.0]), -1000.0 + 2f64.ln());
    let g = uses_logsumexp_grad(&[800.0, -800.0]);
    assert!(g.iter().all(|v| v.is_finite()), "{g:?}");
}
