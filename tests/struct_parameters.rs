//! Struct parameters (`#[derive(Differentiable)]` structs named in
//! `wrt(..)`): gradients as structs and Hessians over the fields' `vec()`,
//! against closed forms and against Ridders differences (`matdiff::check`)
//! of the plain function on the fields packed by hand into one slice, which
//! is independent of the generated code.

#![allow(clippy::needless_range_loop)]

use matdiff::{Differentiable, check, differentiate};
use nalgebra::{DMatrix, DVector, SVector};

const GRAD_TOL: f64 = 1e-8;
const HESS_TOL: f64 = 1e-6;

/// A linear model's parameters: `scale * (w x + b)`.
#[derive(Differentiable, Clone, Debug, PartialEq)]
struct Params {
    w: DMatrix<f64>,
    b: DVector<f64>,
    scale: f64,
    /// Passed through: the gradient's is a copy.
    #[matdiff(constant)]
    label: String,
}

/// The data: constant, a struct without the derive.
struct Data {
    x: DVector<f64>,
    y: DVector<f64>,
}

/// Least squares: ½ ‖scale (w x + b) − y‖².
#[differentiate(wrt(p))]
fn loss(p: &Params, data: &Data) -> f64 {
    let r = (&p.w * &data.x + &p.b) * p.scale - &data.y;
    0.5 * r.norm_squared()
}

fn params() -> Params {
    Params {
        w: DMatrix::from_row_slice(2, 3, &[0.3, -1.2, 0.8, 1.1, 0.4, -0.7]),
        b: DVector::from_vec(vec![0.5, -0.25]),
        scale: 1.3,
        label: "model".to_string(),
    }
}

fn data() -> Data {
    Data { x: DVector::from_vec(vec![1.0, -0.6, 2.2]), y: DVector::from_vec(vec![0.3, 0.9]) }
}

/// `w` column by column, then `b`, then `scale`: the order of the Hessian.
fn pack(p: &Params) -> Vec<f64> {
    let mut v: Vec<f64> = p.w.iter().copied().collect();
    v.extend(p.b.iter());
    v.push(p.scale);
    v
}

fn unpack(v: &[f64], like: &Params) -> Params {
    let (m, n) = like.w.shape();
    Params {
        w: DMatrix::from_column_slice(m, n, &v[..m * n]),
        b: DVector::from_column_slice(&v[m * n..m * n + m]),
        scale: v[m * n + m],
        label: like.label.clone(),
    }
}

#[test]
fn least_squares_gradient_is_a_struct_of_the_closed_forms() {
    let (p, data) = (params(), data());
    let u = &p.w * &data.x + &p.b;
    let r = &u * p.scale - &data.y;
    let g = loss_grad(&p, &data);
    // dL/dw = s r xᵀ, dL/db = s r, dL/ds = r·u.
    let w = &r * data.x.transpose() * p.scale;
    assert_eq!(g.w.shape(), (2, 3));
    check::assert_all_close(g.w.as_slice(), w.as_slice(), 1e-12, "dL/dw");
    check::assert_all_close(g.b.as_slice(), (&r * p.scale).as_slice(), 1e-12, "dL/db");
    assert!((g.scale - r.dot(&u)).abs() < 1e-12, "dL/ds: {} against {}", g.scale, r.dot(&u));
    assert_eq!(g.label, "model", "a constant field is copied");

    let (value, g2) = loss_value_and_grad(&p, &data);
    assert!((value - 0.5 * r.norm_squared()).abs() < 1e-12);
    assert_eq!(g2, g);
}

#[test]
fn least_squares_against_ridders_differences() {
    let (p, data) = (params(), data());
    let plain = |v: &[f64]| loss(&unpack(v, &p), &data);
    let x = pack(&p);
    check::assert_all_close(&pack(&loss_grad(&p, &data)), &check::gradient(plain, &x), GRAD_TOL, "gradient");
    let h = loss_hessian(&p, &data);
    let fd = check::hessian(plain, &x);
    assert_eq!(h.shape(), (x.len(), x.len()));
    for i in 0..x.len() {
        let row: Vec<f64> = h.row(i).iter().copied().collect();
        check::assert_all_close(&row, &fd[i], HESS_TOL, &format!("Hessian row {i}"));
    }
}

/// H = JᵀJ + Σ rᵢ ∇²rᵢ with r = s u − y, u = w x + b over (vec w, b, s):
/// ∂r/∂w_ij = s δ x_j, ∂r/∂b = s I, ∂r/∂s = u; the only second
/// derivatives of r are ∂²rᵢ/∂w_ij∂s = x_j and ∂²rᵢ/∂bᵢ∂s = 1.
#[test]
fn least_squares_hessian_against_the_closed_form() {
    let (p, data) = (params(), data());
    let (m, n) = p.w.shape();
    let total = m * n + m + 1;
    let u = &p.w * &data.x + &p.b;
    let r = &u * p.scale - &data.y;
    let mut jac = DMatrix::zeros(m, total);
    let mut curvature = DMatrix::zeros(total, total);
    let s_index = total - 1;
    for i in 0..m {
        for j in 0..n {
            jac[(i, i + m * j)] = p.scale * data.x[j];
            curvature[(i + m * j, s_index)] += r[i] * data.x[j];
        }
        jac[(i, m * n + i)] = p.scale;
        curvature[(m * n + i, s_index)] += r[i];
        jac[(i, s_index)] = u[i];
    }
    let expected = jac.transpose() * &jac + &curvature + curvature.transpose();
    let h = loss_hessian(&p, &data);
    assert!((&h - &expected).abs().max() < 1e-12, "Hessian:\n{h}\nclosed form:\n{expected}");

    // Hessian-vector product: H v with v as a struct.
    let dir = Params {
        w: DMatrix::from_row_slice(2, 3, &[1.0, 0.5, -0.5, 0.25, -1.0, 2.0]),
        b: DVector::from_vec(vec![-0.3, 0.7]),
        scale: 0.9,
        label: String::new(),
    };
    let hv = loss_hvp(&p, &data, &dir);
    let expected_hv = &expected * DVector::from_vec(pack(&dir));
    check::assert_all_close(&pack(&hv), expected_hv.as_slice(), 1e-12, "Hessian-vector product");
    assert_eq!(hv.label, "model", "constants come from the point, not the direction");
}

/// A struct defined in another module, imported, with the other field
/// kinds.
mod model {
    use matdiff::Differentiable;
    use nalgebra::SVector;

    #[derive(Differentiable, Clone, Debug, PartialEq)]
    pub struct State {
        pub a: f64,
        pub arr: [f64; 3],
        pub v: Vec<f64>,
        pub s: SVector<f64, 2>,
        #[matdiff(constant)]
        pub steps: usize,
    }
}

use model::State;

/// Every field kind, a loop over a `Vec` field, and a plain float `t` also
/// differentiated: the gradient is `(State, f64)`.
#[differentiate(wrt(q, t))]
fn energy(q: &State, t: f64) -> f64 {
    let mut e = q.a * q.a * t;
    for i in 0..3 {
        e += q.arr[i] * q.arr[i] * (i as f64 + 1.0);
    }
    for i in 0..q.v.len() {
        e += (q.v[i] * t).sin();
    }
    e + q.s.dot(&q.s) * q.a + q.steps as f64
}

fn state() -> State {
    State { a: 0.7, arr: [1.0, -2.0, 0.5], v: vec![0.3, -0.8, 1.4, 0.2], s: SVector::from([0.6, -1.1]), steps: 3 }
}

fn pack_state(q: &State, t: f64) -> Vec<f64> {
    let mut x = vec![q.a];
    x.extend(q.arr);
    x.extend(&q.v);
    x.extend(q.s.iter());
    x.push(t);
    x
}

fn unpack_state(x: &[f64], like: &State) -> (State, f64) {
    let n = like.v.len();
    let q = State {
        a: x[0],
        arr: [x[1], x[2], x[3]],
        v: x[4..4 + n].to_vec(),
        s: SVector::from([x[4 + n], x[5 + n]]),
        steps: like.steps,
    };
    (q, x[6 + n])
}

#[test]
fn struct_from_another_module_with_every_field_kind() {
    let (q, t) = (state(), 0.9);
    let (g, gt) = energy_grad(&q, t);
    let s2 = q.s.dot(&q.s);
    assert!((g.a - (2.0 * q.a * t + s2)).abs() < 1e-12);
    for i in 0..3 {
        assert!((g.arr[i] - 2.0 * (i as f64 + 1.0) * q.arr[i]).abs() < 1e-12);
    }
    for i in 0..q.v.len() {
        assert!((g.v[i] - t * (q.v[i] * t).cos()).abs() < 1e-12);
    }
    check::assert_all_close(g.s.as_slice(), (q.s * (2.0 * q.a)).as_slice(), 1e-12, "d/ds");
    let dt: f64 = q.a * q.a + q.v.iter().map(|v| v * (v * t).cos()).sum::<f64>();
    assert!((gt - dt).abs() < 1e-12);
    assert_eq!(g.steps, 3);

    let plain = |x: &[f64]| {
        let (q, t) = unpack_state(x, &q);
        energy(&q, t)
    };
    let x = pack_state(&q, t);
    let h = energy_hessian(&q, t);
    let fd = check::hessian(plain, &x);
    for i in 0..x.len() {
        let row: Vec<f64> = h.row(i).iter().copied().collect();
        check::assert_all_close(&row, &fd[i], HESS_TOL, &format!("Hessian row {i}"));
    }
    let dir = (
        State { a: 0.1, arr: [0.2, -0.3, 0.4], v: vec![1.0, 0.0, -1.0, 0.5], s: SVector::from([0.7, 0.2]), steps: 0 },
        -0.4,
    );
    let (hv, hvt) = energy_hvp(&q, t, (&dir.0, dir.1));
    let expected = &h * DVector::from_vec(pack_state(&dir.0, dir.1));
    let mut got = pack_state(&hv, hvt);
    got.truncate(x.len());
    check::assert_all_close(&got, expected.as_slice(), 1e-12, "Hessian-vector product");
}

/// Two struct parameters (each macro asks the next), one named by its
/// path, and renamed derivatives.
#[differentiate(wrt(p, q), grad = both_gradient, hessian = both_second)]
fn both(p: &Params, q: &crate::model::State, data: &Data) -> f64 {
    p.scale * q.a + p.b.sum() * q.arr[0] + (&p.w * &data.x).sum() * q.s[1]
}

#[test]
fn two_struct_parameters() {
    let (p, q, data) = (params(), state(), data());
    let (gp, gq) = both_gradient(&p, &q, &data);
    assert_eq!(gp.scale, q.a);
    assert_eq!(gq.a, p.scale);
    check::assert_all_close(gp.b.as_slice(), &[q.arr[0]; 2], 1e-12, "d/db");
    let w = DMatrix::from_fn(2, 3, |_, j| data.x[j] * q.s[1]);
    check::assert_all_close(gp.w.as_slice(), w.as_slice(), 1e-12, "d/dw");
    assert_eq!(gq.arr, [p.b.sum(), 0.0, 0.0]);
    assert_eq!(gq.v, vec![0.0; q.v.len()]);
    assert_eq!(gq.s, SVector::<f64, 2>::new(0.0, (&p.w * &data.x).sum()));
    let h = both_second(&p, &q, &data);
    let n = pack(&p).len() + pack_state(&q, 0.0).len() - 1;
    assert_eq!(h.shape(), (n, n));
    // d²/d scale d a = 1: scale is entry 8 of p's block, a entry 0 of q's.
    assert_eq!(h[(8, 9)], 1.0);
    assert_eq!(h[(9, 8)], 1.0);
}

/// A struct by value, fields read in a macro and through `&`, and a
/// struct of floats only.
#[derive(Differentiable, Clone, Copy, Debug)]
struct Point {
    x: f64,
    y: f64,
}

// `vec!` on purpose: field reads inside a macro are rewritten too.
#[allow(clippy::useless_vec)]
#[differentiate(wrt(pt))]
fn rosenbrock(pt: Point) -> f64 {
    let v = vec![pt.x, pt.y];
    (1.0 - v[0]).powi(2) + 100.0 * (v[1] - v[0] * v[0]).powi(2)
}

#[test]
fn struct_by_value_of_floats() {
    let pt = Point { x: -1.2, y: 1.0 };
    let g = rosenbrock_grad(pt);
    let (x, y) = (pt.x, pt.y);
    assert!((g.x - (-2.0 * (1.0 - x) - 400.0 * x * (y - x * x))).abs() < 1e-9);
    assert!((g.y - 200.0 * (y - x * x)).abs() < 1e-9);
    let h = rosenbrock_hessian(pt);
    let expected = [[2.0 - 400.0 * (y - 3.0 * x * x), -400.0 * x], [-400.0 * x, 200.0]];
    for i in 0..2 {
        for j in 0..2 {
            assert!((h[(i, j)] - expected[i][j]).abs() < 1e-9, "H[{i}][{j}]");
        }
    }
    let _: DVector<f64> = DVector::zeros(0);
}

/// `f32` fields, iterator reads of a `Vec` field, a field read in a
/// closure, and a struct named through `super::` from a child module.
#[derive(Differentiable, Clone, Debug)]
struct Weights {
    v: Vec<f32>,
    c: f32,
}

mod child {
    use matdiff::differentiate;

    #[differentiate(wrt(w))]
    pub fn penalty(w: &super::Weights, k: f32) -> f32 {
        let squares: f32 = w.v.iter().map(|x| x * x).sum();
        let mut cubes = 0.0;
        for &x in &w.v {
            cubes += x * x * x;
        }
        k * squares + w.c * cubes + w.c.exp()
    }
}

#[test]
fn f32_struct_through_a_child_module() {
    let w = Weights { v: vec![0.5, -1.5, 2.0], c: 0.25 };
    let k = 3.0_f32;
    let g = child::penalty_grad(&w, k);
    let cubes: f32 = w.v.iter().map(|x| x * x * x).sum();
    for (i, x) in w.v.iter().enumerate() {
        let expected = 2.0 * k * x + 3.0 * w.c * x * x;
        assert!((g.v[i] - expected).abs() < 1e-5, "d/dv[{i}]: {} against {expected}", g.v[i]);
    }
    assert!((g.c - (cubes + w.c.exp())).abs() < 1e-5);
    let h = child::penalty_hessian(&w, k);
    assert_eq!(h.shape(), (4, 4));
    for (i, x) in w.v.iter().enumerate() {
        assert!((h[(i, i)] - (2.0 * k + 6.0 * w.c * x)).abs() < 1e-4);
        assert!((h[(i, 3)] - 3.0 * x * x).abs() < 1e-4);
        assert!((h[(3, i)] - 3.0 * x * x).abs() < 1e-4);
    }
    assert!((h[(3, 3)] - w.c.exp()).abs() < 1e-5);
}

/// An argument `_` and a `mut` struct by value whose field the body
/// changes.
#[differentiate(wrt(pt))]
fn shifted(mut pt: Point, _: &str) -> f64 {
    pt.x += 1.0;
    pt.x * pt.y
}

#[test]
fn unnamed_argument_and_mutated_field() {
    let g = shifted_grad(Point { x: 2.0, y: 5.0 }, "ignored");
    assert_eq!((g.x, g.y), (5.0, 3.0));
}

/// A struct declared in a function body, and structs whose Hessians come
/// out of the flat function as an array and as an `SMatrix`.
#[test]
fn local_structs_of_static_sizes() {
    use nalgebra::{Matrix2, Vector2};

    #[derive(Differentiable)]
    struct Local {
        a: f64,
        b: [f64; 2],
    }

    #[differentiate(wrt(p))]
    fn product(p: &Local) -> f64 {
        p.a * p.b[0] * p.b[1]
    }

    #[derive(Differentiable)]
    struct Static {
        s: Vector2<f64>,
        m: Matrix2<f64>,
    }

    #[differentiate(wrt(q))]
    fn form(q: &Static) -> f64 {
        q.s.dot(&(q.m * q.s))
    }

    let p = Local { a: 2.0, b: [3.0, 4.0] };
    let g = product_grad(&p);
    assert_eq!((g.a, g.b), (12.0, [8.0, 6.0]));
    let h = product_hessian(&p);
    let expected = DMatrix::from_row_slice(3, 3, &[0.0, 4.0, 3.0, 4.0, 0.0, 2.0, 3.0, 2.0, 0.0]);
    assert_eq!(h, expected);

    let q = Static { s: Vector2::new(1.0, -2.0), m: Matrix2::new(1.0, 2.0, 3.0, 4.0) };
    let g = form_grad(&q);
    // d(sᵀMs)/ds = (M + Mᵀ)s, d/dM = s sᵀ.
    assert_eq!(g.s, (q.m + q.m.transpose()) * q.s);
    assert_eq!(g.m, q.s * q.s.transpose());
    let h = form_hessian(&q);
    assert_eq!(h.shape(), (6, 6));
    let sym = q.m + q.m.transpose();
    for i in 0..2 {
        for j in 0..2 {
            assert_eq!(h[(i, j)], sym[(i, j)], "d²/ds{i} ds{j}");
        }
    }
    // d²/ds_k dM_ij = δ_ik s_j + s_i δ_jk, M column-major after s.
    for k in 0..2 {
        for i in 0..2 {
            for j in 0..2 {
                let expected = if i == k { q.s[j] } else { 0.0 } + if j == k { q.s[i] } else { 0.0 };
                assert_eq!(h[(k, 2 + i + 2 * j)], expected, "d²/ds{k} dM{i}{j}");
            }
        }
    }
}

/// Structs of structs: each level has the derive, and the function names
/// only the outermost (the inner types need not be in scope there).
mod layers {
    use matdiff::Differentiable;
    use nalgebra::{DMatrix, DVector};

    #[derive(Differentiable, Clone, Debug, PartialEq)]
    pub struct Layer {
        pub w: DMatrix<f64>,
        pub b: DVector<f64>,
    }

    #[derive(Differentiable, Clone, Debug, PartialEq)]
    pub struct Net {
        pub first: Layer,
        pub second: Layer,
        #[matdiff(constant)]
        pub name: String,
    }
}

/// Three levels: a struct of a `layers::Net`, named by its path.
#[derive(Differentiable, Clone, Debug, PartialEq)]
struct Model {
    net: layers::Net,
    temperature: f64,
}

/// ½ ‖t (w₂ tanh(w₁ x + b₁) + b₂) − y‖².
#[differentiate(wrt(m))]
fn net_loss(m: &Model, data: &Data) -> f64 {
    let hidden = (&m.net.first.w * &data.x + &m.net.first.b).map(|v| v.tanh());
    let out = (&m.net.second.w * hidden + &m.net.second.b) * m.temperature;
    0.5 * (out - &data.y).norm_squared()
}

fn model() -> Model {
    Model {
        net: layers::Net {
            first: layers::Layer {
                w: DMatrix::from_row_slice(2, 3, &[0.2, -0.4, 0.6, -0.1, 0.3, 0.5]),
                b: DVector::from_vec(vec![0.1, -0.2]),
            },
            second: layers::Layer {
                w: DMatrix::from_row_slice(2, 2, &[0.7, -0.3, 0.4, 0.9]),
                b: DVector::from_vec(vec![-0.05, 0.15]),
            },
            name: "two layers".to_string(),
        },
        temperature: 1.1,
    }
}

/// Depth first, in declaration order: first.w, first.b, second.w,
/// second.b, temperature.
fn pack_model(m: &Model) -> Vec<f64> {
    let mut v = Vec::new();
    for layer in [&m.net.first, &m.net.second] {
        v.extend(layer.w.iter());
        v.extend(layer.b.iter());
    }
    v.push(m.temperature);
    v
}

fn unpack_model(v: &[f64], like: &Model) -> Model {
    let mut at = 0;
    let mut layer = |l: &layers::Layer| {
        let (r, c) = l.w.shape();
        let w = DMatrix::from_column_slice(r, c, &v[at..at + r * c]);
        let b = DVector::from_column_slice(&v[at + r * c..at + r * c + r]);
        at += r * c + r;
        layers::Layer { w, b }
    };
    let first = layer(&like.net.first);
    let second = layer(&like.net.second);
    Model { net: layers::Net { first, second, name: like.net.name.clone() }, temperature: v[at] }
}

#[test]
fn nested_structs_against_ridders_differences() {
    let (m, data) = (model(), data());
    let g = net_loss_grad(&m, &data);
    assert_eq!(g.net.name, "two layers");
    assert_eq!(g.net.first.w.shape(), (2, 3));
    let plain = |v: &[f64]| net_loss(&unpack_model(v, &m), &data);
    let x = pack_model(&m);
    check::assert_all_close(&pack_model(&g), &check::gradient(plain, &x), GRAD_TOL, "gradient");
    // The last layer's bias in closed form: t (t out_pre - y) = t r.
    let hidden = (&m.net.first.w * &data.x + &m.net.first.b).map(f64::tanh);
    let r = (&m.net.second.w * &hidden + &m.net.second.b) * m.temperature - &data.y;
    check::assert_all_close(g.net.second.b.as_slice(), (&r * m.temperature).as_slice(), 1e-12, "d/db2");

    let h = net_loss_hessian(&m, &data);
    assert_eq!(h.shape(), (x.len(), x.len()));
    let fd = check::hessian(plain, &x);
    for i in 0..x.len() {
        let row: Vec<f64> = h.row(i).iter().copied().collect();
        check::assert_all_close(&row, &fd[i], HESS_TOL, &format!("Hessian row {i}"));
    }
    let mut dir = model();
    dir.temperature = -0.5;
    dir.net.first.w[(1, 2)] = 2.0;
    let hv = net_loss_hvp(&m, &data, &dir);
    let expected = &h * DVector::from_vec(pack_model(&dir));
    check::assert_all_close(&pack_model(&hv), expected.as_slice(), 1e-10, "Hessian-vector product");
}

/// A `Vec` field used as a `Vec`: cloned, and passed to a function that
/// takes `&Vec<f64>`.
#[derive(Differentiable, Clone, Debug)]
struct Samples {
    v: Vec<f64>,
}

// `&Vec` on purpose: the field is passed as the `Vec` it is.
#[allow(clippy::ptr_arg)]
#[differentiate]
fn sum_of_squares(v: &Vec<f64>) -> f64 {
    v.iter().map(|x| x * x).sum()
}

#[differentiate(wrt(s))]
fn vec_field(s: &Samples) -> f64 {
    let copy = s.v.clone();
    sum_of_squares(&s.v) + copy[0] * s.v[1]
}

#[test]
fn vec_field_used_as_a_vec() {
    let s = Samples { v: vec![1.5, -2.0, 0.5] };
    let g = vec_field_grad(&s);
    assert_eq!(g.v, vec![2.0 * 1.5 - 2.0, 2.0 * -2.0 + 1.5, 2.0 * 0.5]);
}

/// A struct by value whose constant fields are moved, borrowed and
/// indexed in the body, as the function as written may.
#[derive(Differentiable, Clone, Debug)]
struct Tagged {
    x: f64,
    #[matdiff(constant)]
    tag: String,
    #[matdiff(constant)]
    factors: Vec<f64>,
}

#[differentiate(wrt(t))]
fn tagged(t: Tagged) -> f64 {
    let tag = t.tag;
    let n = tag.len() as f64 + t.factors.len() as f64;
    t.x * t.x * n * t.factors[1]
}

#[test]
fn constant_fields_of_a_struct_by_value() {
    let t = Tagged { x: 1.5, tag: "ab".to_string(), factors: vec![0.5, 3.0] };
    let g = tagged_grad(t.clone());
    assert_eq!(g.x, 2.0 * 1.5 * 4.0 * 3.0);
    assert_eq!((g.tag.as_str(), g.factors.as_slice()), ("ab", &[0.5, 3.0][..]));
}

/// A struct by value whose array field the body writes.
#[derive(Differentiable, Clone, Copy, Debug)]
struct Triple {
    a: [f64; 3],
}

#[differentiate(wrt(t))]
fn triple(mut t: Triple) -> f64 {
    t.a[0] = t.a[1] * t.a[2];
    t.a[0] * t.a[1]
}

#[test]
fn array_field_written_in_the_body() {
    let g = triple_grad(Triple { a: [9.0, 2.0, 3.0] });
    // f = a1² a2.
    assert_eq!(g.a, [0.0, 2.0 * 2.0 * 3.0, 4.0]);
}
