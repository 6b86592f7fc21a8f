//! A differentiated function may call itself: the recursive call goes
//! through its own generated derivative functions.

// The functions under test are written the way users write loops.
#![allow(clippy::needless_range_loop, clippy::manual_memcpy)]

use matdiff::differentiate;

#[differentiate]
fn tower(x: f64, n: usize) -> f64 {
    if n == 0 {
        return x;
    }
    tower(x, n - 1).sin() * x
}

#[test]
fn recursion_matches_finite_differences() {
    for n in [0, 1, 3, 6] {
        for x in [0.3, -0.8, 1.4] {
            let g = tower_grad(x, n)[0];
            let fd = matdiff::check::gradient(|v| tower(v[0], n), &[x])[0];
            assert!(matdiff::check::close(g, fd, 1e-9), "n = {n}, x = {x}: {g} vs {fd}");
            let h = tower_hessian(x, n)[0][0];
            let fd = matdiff::check::hessian(|v| tower(v[0], n), &[x])[0][0];
            assert!(matdiff::check::close(h, fd, 1e-6), "n = {n}, x = {x}: {h} vs {fd}");
        }
    }
}
