//! `#[differentiate]` in impl blocks: methods, associated functions without
//! `self` (the attribute on the block), methods of generic impls, and the
//! functions of trait impls, whose derivatives go to an inherent impl of
//! the type. Every derivative against its closed form.

#![allow(clippy::needless_range_loop)]

use matdiff::differentiate;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * (1.0 + b.abs())
}

// ----- associated functions without `self` ----------------------------------

struct Springs;

/// Every function of the block is differentiated; `total` calls `energy`
/// through `Self::`.
#[differentiate]
impl Springs {
    fn energy(stretch: f64, stiffness: f64) -> f64 {
        0.5 * stiffness * stretch * stretch
    }

    pub fn total(x: f64, y: f64) -> f64 {
        Self::energy(x, 2.0) + Springs::energy(y - x, 3.0)
    }
}

#[test]
fn associated_functions_and_calls_between_them() {
    let (x, y) = (0.4, 1.5);
    assert!(close(Springs::total(x, y), x * x + 1.5 * (y - x) * (y - x)));
    let g = Springs::total_grad(x, y);
    assert!(close(g[0], 2.0 * x - 3.0 * (y - x)) && close(g[1], 3.0 * (y - x)), "{g:?}");
    assert_eq!(Springs::total_hessian(x, y), [[5.0, -3.0], [-3.0, 3.0]]);
    // d/dk (k s² / 2) = s² / 2.
    let [ds, dk] = Springs::energy_grad(0.5, 4.0);
    assert!(close(ds, 2.0) && close(dk, 0.125));
}

struct Model {
    scale: f64,
}

/// Only the functions with an attribute of their own are differentiated
/// (`new` is not), each with its options.
#[differentiate]
impl Model {
    pub fn new(scale: f64) -> Self {
        Model { scale }
    }

    #[differentiate(wrt(x))]
    fn shifted_square(x: f64, shift: f64) -> f64 {
        (x - shift).powi(2)
    }

    #[differentiate]
    pub fn loss(&self, x: &[f64]) -> f64 {
        let mut s = 0.0;
        for &v in x {
            s += Self::shifted_square(v, 1.0);
        }
        self.scale * s
    }
}

#[test]
fn marked_functions_of_an_inherent_block() {
    let model = Model::new(0.5);
    let x = [0.0, 2.0, 3.5];
    let g = model.loss_grad(&x);
    for i in 0..3 {
        assert!(close(g[i], 0.5 * 2.0 * (x[i] - 1.0)), "{g:?}");
    }
    let h = model.loss_hessian(&x);
    for i in 0..3 {
        for j in 0..3 {
            assert_eq!(h[i][j], if i == j { 1.0 } else { 0.0 });
        }
    }
    assert_eq!(Model::shifted_square_grad(3.0, 1.0), [4.0]);
}

// ----- generic impls ----------------------------------------------------------

struct Weighted<const N: usize> {
    weights: [f64; N],
}

impl<const N: usize> Weighted<N> {
    /// A method-level attribute in a generic impl.
    #[differentiate]
    fn energy(&self, x: &[f64]) -> f64 {
        let mut s = 0.0;
        for i in 0..N {
            s += self.weights[i] * x[i].powi(3);
        }
        s
    }
}

struct Tagged<T: Clone> {
    tag: T,
    rate: f64,
}

#[differentiate]
impl<T: Clone> Tagged<T> {
    fn decay(&self, t: f64, y0: f64) -> f64 {
        y0 * (-self.rate * t).exp()
    }

    fn doubled(t: f64) -> f64 {
        2.0 * t.sin()
    }
}

#[test]
fn methods_of_generic_impls() {
    let w = Weighted { weights: [1.0, 2.0, 3.0] };
    let x = [0.5, -1.0, 2.0];
    let g = w.energy_grad(&x);
    let h = w.energy_hessian(&x);
    for i in 0..3 {
        assert!(close(g[i], 3.0 * w.weights[i] * x[i] * x[i]));
        assert!(close(h[i][i], 6.0 * w.weights[i] * x[i]));
    }
    let model = Tagged { tag: "decay".to_string(), rate: 0.7 };
    assert_eq!(model.tag.clone(), "decay");
    let (t, y0): (f64, f64) = (1.3, 2.0);
    let e = (-0.7 * t).exp();
    let [dt, dy0] = model.decay_grad(t, y0);
    assert!(close(dt, -0.7 * y0 * e) && close(dy0, e));
    let h = model.decay_hessian(t, y0);
    assert!(close(h[0][0], 0.49 * y0 * e) && close(h[0][1], -0.7 * e) && h[1][1] == 0.0);
    assert!(close(Tagged::<u8>::doubled_grad(0.3)[0], 2.0 * 0.3f64.cos()));
}

// ----- trait impls -------------------------------------------------------------

trait Objective {
    fn value(&self, x: &[f64]) -> f64;
    fn name(&self) -> &'static str;
    fn scale(factor: f64) -> f64;
}

struct Rosenbrock {
    a: f64,
    b: f64,
}

/// The trait impl stays as written; `value_grad`, `value_hessian`, ... and
/// `scale_grad` are functions of `Rosenbrock`'s own.
#[differentiate]
impl Objective for Rosenbrock {
    #[differentiate]
    fn value(&self, x: &[f64]) -> f64 {
        let mut s = 0.0;
        for i in 0..x.len() - 1 {
            s += self.b * (x[i + 1] - x[i] * x[i]).powi(2) + (self.a - x[i]).powi(2);
        }
        s
    }

    fn name(&self) -> &'static str {
        "Rosenbrock"
    }

    #[differentiate]
    fn scale(factor: f64) -> f64 {
        factor.ln() * factor
    }
}

/// Through the trait, the value is the trait's as ever.
fn through_trait(f: &impl Objective, x: &[f64]) -> f64 {
    f.value(x)
}

#[test]
fn derivatives_of_trait_functions() {
    let r = Rosenbrock { a: 1.0, b: 100.0 };
    assert_eq!(r.name(), "Rosenbrock");
    let x = [1.2, 0.8];
    assert!(close(through_trait(&r, &x), 100.0 * (0.8f64 - 1.44).powi(2) + 0.04));
    let g = r.value_grad(&x);
    let (a, b) = (x[0], x[1]);
    let want = [-400.0 * a * (b - a * a) - 2.0 * (1.0 - a), 200.0 * (b - a * a)];
    assert!(close(g[0], want[0]) && close(g[1], want[1]), "{g:?} vs {want:?}");
    let h = r.value_hessian(&x);
    let want_h = [[1200.0 * a * a - 400.0 * b + 2.0, -400.0 * a], [-400.0 * a, 200.0]];
    for i in 0..2 {
        for j in 0..2 {
            assert!(close(h[i][j], want_h[i][j]), "H[{i}][{j}] = {}", h[i][j]);
        }
    }
    // d/dv (v ln v) = ln v + 1, d² = 1 / v.
    assert!(close(Rosenbrock::scale_grad(2.0)[0], 2f64.ln() + 1.0));
    assert!(close(Rosenbrock::scale_hessian(2.0)[0][0], 0.5));
}
