//! Every rule of `rules::matrix` against finite differences of its value
//! (tangents), the adjoint identity <c, jvp(t)> = <vjp(c), t> (pullbacks),
//! and finite differences of its pullback (second order), including the
//! pairs the table says are zero.

use matdiff_core::check::{close, directional};
use matdiff_core::rules::matrix as rules;
use matdiff_core::table::MATRIX_PRIMITIVES;
use nalgebra::{DMatrix, DVector, Matrix3, SMatrix, Vector3};

type M = DMatrix<f64>;

/// Deterministic pseudo-random numbers in [-1, 1).
struct Numbers(u64);

impl Numbers {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
    }
    fn matrix(&mut self, rows: usize, cols: usize) -> M {
        M::from_fn(rows, cols, |_, _| self.next())
    }
    /// A random square matrix far from singular.
    fn invertible(&mut self, n: usize) -> M {
        self.matrix(n, n) + M::identity(n, n) * (n as f64 + 1.0)
    }
    fn positive(&mut self, rows: usize, cols: usize) -> M {
        M::from_fn(rows, cols, |_, _| 1.5 + self.next())
    }
}

fn scalar(value: f64) -> M {
    M::from_element(1, 1, value)
}

fn s(m: &M) -> f64 {
    m[(0, 0)]
}

type Value = Box<dyn Fn(&[M]) -> M>;
/// `(args, y, k, t or c)`.
type Rule = Box<dyn Fn(&[M], &M, usize, &M) -> M>;
/// `(args, y, k, j, c, t)`: the tangent of pullback k along argument j.
type SecondOrder = Box<dyn Fn(&[M], &M, usize, usize, &M, &M) -> Option<M>>;

struct Case {
    name: &'static str,
    args: Vec<M>,
    value: Value,
    jvp: Rule,
    vjp: Rule,
    vjp_jvp: SecondOrder,
}

fn with_arg(args: &[M], k: usize, flat: &[f64]) -> Vec<M> {
    let mut moved = args.to_vec();
    moved[k] = M::from_column_slice(args[k].nrows(), args[k].ncols(), flat);
    moved
}

/// The derivative of every entry of `f(args)` along `t` in argument `k`.
fn fd_along(f: &dyn Fn(&[M]) -> M, args: &[M], k: usize, t: &M) -> M {
    let shape = f(args).shape();
    M::from_fn(shape.0, shape.1, |r, c| {
        directional(|flat| f(&with_arg(args, k, flat))[(r, c)], args[k].as_slice(), t.as_slice())
    })
}

fn assert_close(actual: &M, expected: &M, what: &str) {
    assert_eq!(actual.shape(), expected.shape(), "{what}: shape");
    let scale = expected.iter().fold(1.0f64, |m, v| m.max(v.abs()));
    for (a, e) in actual.iter().zip(expected.iter()) {
        assert!(close(*a / scale, *e / scale, 1e-6), "{what}:\nactual {actual}\nexpected {expected}");
    }
}

fn check(case: &Case, numbers: &mut Numbers) {
    let primitive = MATRIX_PRIMITIVES
        .iter()
        .find(|p| p.name == case.name)
        .unwrap_or_else(|| panic!("{} is not in the table", case.name));
    let args = &case.args;
    assert_eq!(args.len(), primitive.arity, "{}: arity", case.name);
    let y = (case.value)(args);
    let c = numbers.matrix(y.nrows(), y.ncols());
    for &k in primitive.differentiable {
        let t = numbers.matrix(args[k].nrows(), args[k].ncols());
        let tangent = (case.jvp)(args, &y, k, &t);
        assert_close(&tangent, &fd_along(&case.value, args, k, &t), &format!("{} jvp{k}", case.name));
        let pullback = (case.vjp)(args, &y, k, &c);
        assert!(
            close(pullback.dot(&t), c.dot(&tangent), 1e-10),
            "{} vjp{k}: <vjp(c), t> = {} but <c, jvp(t)> = {}",
            case.name,
            pullback.dot(&t),
            c.dot(&tangent)
        );
        for &j in primitive.differentiable {
            let t = numbers.matrix(args[j].nrows(), args[j].ncols());
            let pullback_of = |moved: &[M]| (case.vjp)(moved, &(case.value)(moved), k, &c);
            let expected = fd_along(&pullback_of, args, j, &t);
            let listed = primitive.second_order.contains(&(k, j));
            match (case.vjp_jvp)(args, &y, k, j, &c, &t) {
                Some(actual) => {
                    assert!(listed, "{}: vjp{k}_jvp{j} exists but the table does not list it", case.name);
                    assert_close(&actual, &expected, &format!("{} vjp{k}_jvp{j}", case.name));
                }
                None => {
                    assert!(!listed, "{}: the table lists vjp{k}_jvp{j} but the test has no rule", case.name);
                    assert_close(&expected, &expected.map(|_| 0.0), &format!("{} vjp{k}_jvp{j} is zero", case.name));
                }
            }
        }
    }
}

fn column_of(m: &M) -> DVector<f64> {
    DVector::from_column_slice(m.as_slice())
}

fn column_as_matrix(v: &DVector<f64>) -> M {
    M::from_column_slice(v.len(), 1, v.as_slice())
}

fn row_of(m: &M) -> nalgebra::RowDVector<f64> {
    nalgebra::RowDVector::from_row_slice(m.as_slice())
}

fn row_as_matrix(v: &nalgebra::RowDVector<f64>) -> M {
    M::from_row_slice(1, v.len(), v.as_slice())
}

/// v sin v, with its derivatives, for `map`.
fn f_map(v: f64) -> f64 {
    v.sin() * v
}

/// The derivatives take the element and the element of the value `y`.
fn d_map(v: f64, _y: f64) -> f64 {
    v.cos() * v + v.sin()
}

/// 2 cos v - v sin v, written with the value y = v sin v.
fn dd_map(v: f64, y: f64) -> f64 {
    2.0 * v.cos() - y
}

fn cases(numbers: &mut Numbers, n: usize) -> Vec<Case> {
    let (r, k, c) = (n, n + 1, n.max(2) - 1);
    // The element that `index` reads: the last row, the middle column.
    let at = (r - 1, (c - 1) / 2);
    // The block that `view` takes: the lower right part, the whole matrix when 1 x 1.
    let block = rules::view::View((r / 2, c / 2), (r - r / 2, c - c / 2));
    vec![
        Case {
            name: "index",
            // Argument 1 is the index, a constant: its "matrix" is never read.
            args: vec![numbers.matrix(r, c), scalar(0.0)],
            value: Box::new(move |a| scalar(a[0][at])),
            jvp: Box::new(move |a, y, _, t| scalar(rules::index::jvp0(&a[0], &at, &s(y), t))),
            vjp: Box::new(move |a, y, _, c| rules::index::vjp0(&a[0], &at, &s(y), &s(c))),
            vjp_jvp: Box::new(|_, _, _, _, _, _| None),
        },
        Case {
            name: "column",
            args: vec![numbers.matrix(r, c), scalar(0.0)],
            value: Box::new(move |a| column_as_matrix(&rules::column::value(&a[0], &(c - 1)))),
            jvp: Box::new(move |a, y, _, t| column_as_matrix(&rules::column::jvp0(&a[0], &(c - 1), &column_of(y), t))),
            vjp: Box::new(move |a, y, _, cot| rules::column::vjp0(&a[0], &(c - 1), &column_of(y), &column_of(cot))),
            vjp_jvp: Box::new(|_, _, _, _, _, _| None),
        },
        Case {
            name: "row",
            args: vec![numbers.matrix(r, c), scalar(0.0)],
            value: Box::new(move |a| row_as_matrix(&rules::row::value(&a[0], &(r - 1)))),
            jvp: Box::new(move |a, y, _, t| row_as_matrix(&rules::row::jvp0(&a[0], &(r - 1), &row_of(y), t))),
            vjp: Box::new(move |a, y, _, cot| rules::row::vjp0(&a[0], &(r - 1), &row_of(y), &row_of(cot))),
            vjp_jvp: Box::new(|_, _, _, _, _, _| None),
        },
        Case {
            name: "view",
            // Argument 1 is the block, a constant: its "matrix" is never read.
            args: vec![numbers.matrix(r, c), scalar(0.0)],
            value: Box::new(move |a| rules::view::value(&a[0], &block)),
            jvp: Box::new(move |a, y, _, t| rules::view::jvp0(&a[0], &block, y, t)),
            vjp: Box::new(move |a, y, _, cot| rules::view::vjp0(&a[0], &block, y, cot)),
            vjp_jvp: Box::new(|_, _, _, _, _, _| None),
        },
        Case {
            name: "map",
            // Arguments 1 to 3 are the closure and its derivatives.
            args: vec![numbers.matrix(r, c), scalar(0.0), scalar(0.0), scalar(0.0)],
            value: Box::new(|a| rules::map::value(&a[0], &|v: f64| v.sin() * v)),
            jvp: Box::new(|a, y, _, t| rules::map::jvp0(&a[0], &f_map, &d_map, &dd_map, y, t)),
            vjp: Box::new(|a, y, _, c| rules::map::vjp0(&a[0], &f_map, &d_map, &dd_map, y, c)),
            vjp_jvp: Box::new(|a, y, _, _, c, t| Some(rules::map::vjp0_jvp0(&a[0], &f_map, &d_map, &dd_map, y, c, t))),
        },
        Case {
            name: "transpose",
            args: vec![numbers.matrix(r, c)],
            value: Box::new(|a| a[0].transpose()),
            jvp: Box::new(|_, _, _, t| rules::transpose::jvp0(t)),
            vjp: Box::new(|_, _, _, c| rules::transpose::vjp0(c)),
            vjp_jvp: Box::new(|_, _, _, _, _, _| None),
        },
        Case {
            name: "matmul",
            args: vec![numbers.matrix(r, k), numbers.matrix(k, c)],
            value: Box::new(|a| &a[0] * &a[1]),
            jvp: Box::new(|a, y, k, t| match k {
                0 => rules::matmul::jvp0(&a[0], &a[1], y, t),
                _ => rules::matmul::jvp1(&a[0], &a[1], y, t),
            }),
            vjp: Box::new(|a, y, k, c| match k {
                0 => rules::matmul::vjp0(&a[0], &a[1], y, c),
                _ => rules::matmul::vjp1(&a[0], &a[1], y, c),
            }),
            vjp_jvp: Box::new(|a, y, k, j, c, t| match (k, j) {
                (0, 1) => Some(rules::matmul::vjp0_jvp1(&a[0], &a[1], y, c, t)),
                (1, 0) => Some(rules::matmul::vjp1_jvp0(&a[0], &a[1], y, c, t)),
                _ => None,
            }),
        },
        Case {
            name: "tr_mul",
            args: vec![numbers.matrix(k, r), numbers.matrix(k, c)],
            value: Box::new(|a| a[0].tr_mul(&a[1])),
            jvp: Box::new(|a, y, k, t| match k {
                0 => rules::tr_mul::jvp0(&a[0], &a[1], y, t),
                _ => rules::tr_mul::jvp1(&a[0], &a[1], y, t),
            }),
            vjp: Box::new(|a, y, k, c| match k {
                0 => rules::tr_mul::vjp0(&a[0], &a[1], y, c),
                _ => rules::tr_mul::vjp1(&a[0], &a[1], y, c),
            }),
            vjp_jvp: Box::new(|a, y, k, j, c, t| match (k, j) {
                (0, 1) => Some(rules::tr_mul::vjp0_jvp1(&a[0], &a[1], y, c, t)),
                (1, 0) => Some(rules::tr_mul::vjp1_jvp0(&a[0], &a[1], y, c, t)),
                _ => None,
            }),
        },
        Case {
            name: "dot",
            args: vec![numbers.matrix(r, c), numbers.matrix(r, c)],
            value: Box::new(|a| scalar(a[0].dot(&a[1]))),
            jvp: Box::new(|a, y, k, t| {
                scalar(match k {
                    0 => rules::dot::jvp0(&a[0], &a[1], &s(y), t),
                    _ => rules::dot::jvp1(&a[0], &a[1], &s(y), t),
                })
            }),
            vjp: Box::new(|a, y, k, c| match k {
                0 => rules::dot::vjp0(&a[0], &a[1], &s(y), &s(c)),
                _ => rules::dot::vjp1(&a[0], &a[1], &s(y), &s(c)),
            }),
            vjp_jvp: Box::new(|a, y, k, j, c, t| match (k, j) {
                (0, 1) => Some(rules::dot::vjp0_jvp1(&a[0], &a[1], &s(y), &s(c), t)),
                (1, 0) => Some(rules::dot::vjp1_jvp0(&a[0], &a[1], &s(y), &s(c), t)),
                _ => None,
            }),
        },
        Case {
            name: "scale",
            args: vec![scalar(numbers.next()), numbers.matrix(r, c)],
            value: Box::new(|a| &a[1] * s(&a[0])),
            jvp: Box::new(|a, y, k, t| match k {
                0 => rules::scale::jvp0(&s(&a[0]), &a[1], y, &s(t)),
                _ => rules::scale::jvp1(&s(&a[0]), &a[1], y, t),
            }),
            vjp: Box::new(|a, y, k, c| match k {
                0 => scalar(rules::scale::vjp0(&s(&a[0]), &a[1], y, c)),
                _ => rules::scale::vjp1(&s(&a[0]), &a[1], y, c),
            }),
            vjp_jvp: Box::new(|a, y, k, j, c, t| match (k, j) {
                (0, 1) => Some(scalar(rules::scale::vjp0_jvp1(&s(&a[0]), &a[1], y, c, t))),
                (1, 0) => Some(rules::scale::vjp1_jvp0(&s(&a[0]), &a[1], y, c, &s(t))),
                _ => None,
            }),
        },
        Case {
            name: "component_mul",
            args: vec![numbers.matrix(r, c), numbers.matrix(r, c)],
            value: Box::new(|a| a[0].component_mul(&a[1])),
            jvp: Box::new(|a, y, k, t| match k {
                0 => rules::component_mul::jvp0(&a[0], &a[1], y, t),
                _ => rules::component_mul::jvp1(&a[0], &a[1], y, t),
            }),
            vjp: Box::new(|a, y, k, c| match k {
                0 => rules::component_mul::vjp0(&a[0], &a[1], y, c),
                _ => rules::component_mul::vjp1(&a[0], &a[1], y, c),
            }),
            vjp_jvp: Box::new(|a, y, k, j, c, t| match (k, j) {
                (0, 1) => Some(rules::component_mul::vjp0_jvp1(&a[0], &a[1], y, c, t)),
                (1, 0) => Some(rules::component_mul::vjp1_jvp0(&a[0], &a[1], y, c, t)),
                _ => None,
            }),
        },
        // The cross product is of 3-vectors whatever `n` is: a column, and
        // for n = 2 a row.
        Case {
            name: "cross",
            args: if n == 2 {
                vec![numbers.matrix(1, 3), numbers.matrix(1, 3)]
            } else {
                vec![numbers.matrix(3, 1), numbers.matrix(3, 1)]
            },
            value: Box::new(|a| a[0].cross(&a[1])),
            jvp: Box::new(|a, y, k, t| match k {
                0 => rules::cross::jvp0(&a[0], &a[1], y, t),
                _ => rules::cross::jvp1(&a[0], &a[1], y, t),
            }),
            vjp: Box::new(|a, y, k, c| match k {
                0 => rules::cross::vjp0(&a[0], &a[1], y, c),
                _ => rules::cross::vjp1(&a[0], &a[1], y, c),
            }),
            vjp_jvp: Box::new(|a, y, k, j, c, t| match (k, j) {
                (0, 1) => Some(rules::cross::vjp0_jvp1(&a[0], &a[1], y, c, t)),
                (1, 0) => Some(rules::cross::vjp1_jvp0(&a[0], &a[1], y, c, t)),
                _ => None,
            }),
        },
        Case {
            name: "component_div",
            args: vec![numbers.matrix(r, c), numbers.positive(r, c)],
            value: Box::new(|a| a[0].component_div(&a[1])),
            jvp: Box::new(|a, y, k, t| match k {
                0 => rules::component_div::jvp0(&a[0], &a[1], y, t),
                _ => rules::component_div::jvp1(&a[0], &a[1], y, t),
            }),
            vjp: Box::new(|a, y, k, c| match k {
                0 => rules::component_div::vjp0(&a[0], &a[1], y, c),
                _ => rules::component_div::vjp1(&a[0], &a[1], y, c),
            }),
            vjp_jvp: Box::new(|a, y, k, j, c, t| match (k, j) {
                (0, 1) => Some(rules::component_div::vjp0_jvp1(&a[0], &a[1], y, c, t)),
                (1, 0) => Some(rules::component_div::vjp1_jvp0(&a[0], &a[1], y, c, t)),
                (1, 1) => Some(rules::component_div::vjp1_jvp1(&a[0], &a[1], y, c, t)),
                _ => None,
            }),
        },
        reduction("sum", numbers.matrix(r, c), |x| x.sum(), rules::sum::jvp0, rules::sum::vjp0, None),
        reduction("mean", numbers.matrix(r, c), |x| x.mean(), rules::mean::jvp0, rules::mean::vjp0, None),
        reduction(
            "norm_squared",
            numbers.matrix(r, c),
            |x| x.norm_squared(),
            rules::norm_squared::jvp0,
            rules::norm_squared::vjp0,
            Some(rules::norm_squared::vjp0_jvp0),
        ),
        reduction(
            "norm",
            numbers.matrix(r, c),
            |x| x.norm(),
            rules::norm::jvp0,
            rules::norm::vjp0,
            Some(rules::norm::vjp0_jvp0),
        ),
        reduction(
            "logsumexp",
            numbers.matrix(r, c) * 3.0,
            rules::logsumexp,
            rules::logsumexp::jvp0,
            rules::logsumexp::vjp0,
            Some(rules::logsumexp::vjp0_jvp0),
        ),
        reduction("trace", numbers.matrix(r, r), |x| x.trace(), rules::trace::jvp0, rules::trace::vjp0, None),
        reduction(
            "max_element",
            numbers.matrix(r, c),
            |x| x.max(),
            rules::max_element::jvp0,
            rules::max_element::vjp0,
            None,
        ),
        reduction(
            "min_element",
            numbers.matrix(r, c),
            |x| x.min(),
            rules::min_element::jvp0,
            rules::min_element::vjp0,
            None,
        ),
        Case {
            name: "add_scalar",
            args: vec![numbers.matrix(r, c), scalar(0.4)],
            value: Box::new(|a| a[0].add_scalar(s(&a[1]))),
            jvp: Box::new(|a, y, k, t| match k {
                0 => rules::add_scalar::jvp0(&a[0], &s(&a[1]), y, t),
                _ => rules::add_scalar::jvp1(&a[0], &s(&a[1]), y, &s(t)),
            }),
            vjp: Box::new(|a, y, k, c| match k {
                0 => rules::add_scalar::vjp0(&a[0], &s(&a[1]), y, c),
                _ => scalar(rules::add_scalar::vjp1(&a[0], &s(&a[1]), y, c)),
            }),
            vjp_jvp: Box::new(|_, _, _, _, _, _| None),
        },
        reduction(
            "determinant",
            numbers.invertible(r),
            |x| x.determinant(),
            rules::determinant::jvp0,
            rules::determinant::vjp0,
            Some(rules::determinant::vjp0_jvp0),
        ),
        reduction(
            "logdet",
            // A negative determinant too: ln |det X| has the same gradient.
            -numbers.invertible(r),
            rules::logdet,
            rules::logdet::jvp0,
            rules::logdet::vjp0,
            Some(rules::logdet::vjp0_jvp0),
        ),
        Case {
            name: "inverse",
            args: vec![numbers.invertible(r)],
            value: Box::new(|a| rules::inverse_or_nan(&a[0])),
            jvp: Box::new(|a, y, _, t| rules::inverse::jvp0(&a[0], y, t)),
            vjp: Box::new(|a, y, _, c| rules::inverse::vjp0(&a[0], y, c)),
            vjp_jvp: Box::new(|a, y, _, _, c, t| Some(rules::inverse::vjp0_jvp0(&a[0], y, c, t))),
        },
        Case {
            name: "solve",
            args: vec![numbers.invertible(r), numbers.matrix(r, c)],
            value: Box::new(|a| rules::solve(&a[0], &a[1])),
            jvp: Box::new(|a, y, k, t| match k {
                0 => rules::solve::jvp0(&a[0], &a[1], y, t),
                _ => rules::solve::jvp1(&a[0], &a[1], y, t),
            }),
            vjp: Box::new(|a, y, k, c| match k {
                0 => rules::solve::vjp0(&a[0], &a[1], y, c),
                _ => rules::solve::vjp1(&a[0], &a[1], y, c),
            }),
            vjp_jvp: Box::new(|a, y, k, j, c, t| match (k, j) {
                (0, 0) => Some(rules::solve::vjp0_jvp0(&a[0], &a[1], y, c, t)),
                (0, 1) => Some(rules::solve::vjp0_jvp1(&a[0], &a[1], y, c, t)),
                (1, 0) => Some(rules::solve::vjp1_jvp0(&a[0], &a[1], y, c, t)),
                _ => None,
            }),
        },
        // The elements, column-major, as a column; the sizes argument is
        // unused by the rules (a 1x1 stand-in here).
        Case {
            name: "from_elements",
            args: vec![numbers.matrix(2 * r, 1), scalar(0.0)],
            value: Box::new(|a| M::from_column_slice(a[0].nrows() / 2, 2, a[0].as_slice())),
            jvp: Box::new(|a, y, _, t| rules::from_elements::jvp0(a[0].as_slice(), &(), y, t.as_slice())),
            vjp: Box::new(|a, y, _, c| {
                let elements = rules::from_elements::vjp0(a[0].as_slice(), &(), y, c);
                M::from_column_slice(elements.len(), 1, &elements)
            }),
            vjp_jvp: Box::new(|_, _, _, _, _, _| None),
        },
        Case {
            name: "softmax",
            args: vec![numbers.matrix(r, 1) * 3.0],
            value: Box::new(|a| vector_to_matrix(rules::softmax(&column(&a[0])))),
            jvp: Box::new(|a, y, _, t| vector_to_matrix(rules::softmax::jvp0(&column(&a[0]), &column(y), &column(t)))),
            vjp: Box::new(|a, y, _, c| vector_to_matrix(rules::softmax::vjp0(&column(&a[0]), &column(y), &column(c)))),
            vjp_jvp: Box::new(|a, y, _, _, c, t| {
                Some(vector_to_matrix(rules::softmax::vjp0_jvp0(&column(&a[0]), &column(y), &column(c), &column(t))))
            }),
        },
    ]
}

fn column(m: &M) -> DVector<f64> {
    m.column(0).into_owned()
}

fn vector_to_matrix(v: DVector<f64>) -> M {
    M::from_column_slice(v.len(), 1, v.as_slice())
}

type ReductionRule = fn(&M, &f64, &f64) -> M;
type ReductionSecondOrder = fn(&M, &f64, &f64, &M) -> M;

fn reduction(
    name: &'static str,
    x: M,
    value: fn(&M) -> f64,
    jvp: fn(&M, &f64, &M) -> f64,
    vjp: ReductionRule,
    vjp_jvp: Option<ReductionSecondOrder>,
) -> Case {
    Case {
        name,
        args: vec![x],
        value: Box::new(move |a| scalar(value(&a[0]))),
        jvp: Box::new(move |a, y, _, t| scalar(jvp(&a[0], &s(y), t))),
        vjp: Box::new(move |a, y, _, c| vjp(&a[0], &s(y), &s(c))),
        vjp_jvp: Box::new(move |a, y, _, _, c, t| vjp_jvp.map(|rule| rule(&a[0], &s(y), &s(c), t))),
    }
}

#[test]
fn every_matrix_rule_matches_finite_differences_from_1x1_up() {
    let mut numbers = Numbers(7);
    let mut names = Vec::new();
    for n in [1, 2, 4] {
        for case in cases(&mut numbers, n) {
            check(&case, &mut numbers);
            names.push(case.name);
        }
    }
    for primitive in MATRIX_PRIMITIVES {
        assert!(names.contains(&primitive.name), "{} has no test case", primitive.name);
    }
}

#[test]
fn elementwise_rules_use_the_scalar_rules() {
    use matdiff_core::rules::{sigmoid, tanh};
    let mut numbers = Numbers(11);
    let x = numbers.matrix(3, 2);
    let (t, c) = (numbers.matrix(3, 2), numbers.matrix(3, 2));
    let value = |a: &[M]| a[0].map(f64::tanh);
    let y = value(std::slice::from_ref(&x));
    let tangent = rules::elementwise::jvp0(&x, &y, &t, tanh::d);
    assert_close(&tangent, &fd_along(&value, std::slice::from_ref(&x), 0, &t), "tanh jvp");
    let pullback = rules::elementwise::vjp0(&x, &y, &c, tanh::d);
    assert!(close(pullback.dot(&t), c.dot(&tangent), 1e-12));
    let pullback_of = |a: &[M]| rules::elementwise::vjp0(&a[0], &value(a), &c, tanh::d);
    let second = rules::elementwise::vjp0_jvp0(&x, &y, &c, &t, tanh::dd);
    assert_close(&second, &fd_along(&pullback_of, std::slice::from_ref(&x), 0, &t), "tanh vjp_jvp");

    let logistic = |a: &[M]| a[0].map(matdiff_core::functions::sigmoid);
    let y = logistic(std::slice::from_ref(&x));
    let tangent = rules::elementwise::jvp0(&x, &y, &t, sigmoid::d);
    assert_close(&tangent, &fd_along(&logistic, std::slice::from_ref(&x), 0, &t), "sigmoid jvp");
}

#[test]
fn closed_forms_of_the_seed_rules() {
    let mut numbers = Numbers(3);
    let x = numbers.invertible(3);
    let inverse = x.clone().try_inverse().expect("invertible");
    // d log|X| / dX = X^-T (seed 003, rule 5).
    assert_close(&rules::logdet::vjp0(&x, &rules::logdet(&x), &1.0), &inverse.transpose(), "logdet gradient");
    assert!(close(rules::logdet(&x), x.determinant().abs().ln(), 1e-12));
    // d tr(WX) / dX = W'.
    let w = numbers.matrix(3, 3);
    let wx = &w * &x;
    let trace_bar = rules::trace::vjp0(&wx, &wx.trace(), &1.0);
    assert_close(&rules::matmul::vjp1(&w, &x, &wx, &trace_bar), &w.transpose(), "tr(WX) gradient");
    // d(x'Ax)/dx = (A + A')x through dot and matmul.
    let a = numbers.matrix(3, 3);
    let v = numbers.matrix(3, 1);
    let av = &a * &v;
    let y = v.dot(&av);
    let through_dot = rules::dot::vjp0(&v, &av, &y, &1.0);
    let through_product = rules::matmul::vjp1(&a, &v, &av, &rules::dot::vjp1(&v, &av, &y, &1.0));
    assert_close(&(through_dot + through_product), &((&a + a.transpose()) * &v), "quadratic form gradient");
}

#[test]
fn static_and_dynamic_sizes_give_the_same_numbers() {
    let mut numbers = Numbers(5);
    let (x, t, c) = (numbers.invertible(3), numbers.matrix(3, 3), numbers.matrix(3, 3));
    let fixed = |m: &M| Matrix3::from_column_slice(m.as_slice());
    let y = rules::inverse_or_nan(&x);
    let y_fixed = rules::inverse_or_nan(&fixed(&x));
    assert_eq!(y.as_slice(), y_fixed.as_slice());
    let dynamic = rules::inverse::vjp0_jvp0(&x, &y, &c, &t);
    let static_ = rules::inverse::vjp0_jvp0(&fixed(&x), &y_fixed, &fixed(&c), &fixed(&t));
    assert_close(&M::from_column_slice(3, 3, static_.as_slice()), &dynamic, "inverse static vs dynamic");
    assert_eq!(
        rules::logdet::vjp0(&x, &rules::logdet(&x), &2.0).as_slice(),
        rules::logdet::vjp0(&fixed(&x), &rules::logdet(&fixed(&x)), &2.0).as_slice()
    );
    let v = Vector3::new(0.3, -1.2, 2.0);
    let p: SMatrix<f64, 3, 1> = rules::softmax(&v);
    let p_dynamic = rules::softmax(&DVector::from_column_slice(v.as_slice()));
    assert_eq!(p.as_slice(), p_dynamic.as_slice());
    assert!(close(p.sum(), 1.0, 1e-15));
}

#[test]
fn singular_matrices_give_nan_not_a_wrong_number() {
    let singular = M::from_row_slice(2, 2, &[1.0, 2.0, 2.0, 4.0]);
    assert!(rules::inverse_or_nan(&singular).iter().all(|v| v.is_nan()));
    assert_eq!(rules::logdet(&singular), f64::NEG_INFINITY);
    assert!(rules::logdet::vjp0(&singular, &f64::NEG_INFINITY, &1.0).iter().all(|v| v.is_nan()));
    assert!(rules::solve(&singular, &M::from_element(2, 1, 1.0)).iter().all(|v| v.is_nan()));
}

#[test]
fn norm_at_zero_takes_the_zero_subgradient() {
    let zero = M::zeros(3, 1);
    assert_eq!(rules::norm::vjp0(&zero, &0.0, &1.0), zero);
    assert_eq!(rules::norm::jvp0(&zero, &0.0, &M::from_element(3, 1, 1.0)), 0.0);
}

/// The pullbacks of `dot` that take the other argument by value: `c z` and
/// `c x` written elementwise, for a scale of one (the argument unchanged)
/// and another; along bundles, the outer product with the cotangent's
/// directions.
#[test]
fn owned_pullbacks_of_dot_are_the_scaled_arguments() {
    let mut numbers = Numbers(11);
    for (r, c) in [(1, 1), (4, 1), (3, 5)] {
        let (x, z) = (numbers.matrix(r, c), numbers.matrix(r, c));
        for s in [1.0, -2.5] {
            let expected_x = M::from_fn(r, c, |i, j| s * z[(i, j)]);
            let expected_z = M::from_fn(r, c, |i, j| s * x[(i, j)]);
            assert_eq!(rules::dot::vjp0_owned(z.clone(), &s), expected_x);
            assert_eq!(rules::dot::vjp1_owned(x.clone(), &s), expected_z);
        }
        let directions = numbers.matrix(1, 3);
        let c_bundle = matdiff_core::bundle::Bundle::dense(directions.clone());
        let along = matdiff_core::rules::bundle::dot::vjp0_owned(z.clone(), &c_bundle).to_dense(3);
        let expected = M::from_fn(r * c, 3, |i, j| z.as_slice()[i] * directions[(0, j)]);
        assert!((along - expected).norm() < 1e-14);
    }
}

/// A map's rules without its value (`()` in its place) where the
/// derivative closures do not read it: the closed forms of softplus
/// (sigmoid and its derivative), for matrices and along bundles.
#[test]
fn map_rules_without_the_value_are_the_closed_forms() {
    let mut numbers = Numbers(12);
    let (x, c, t) = (numbers.matrix(3, 2), numbers.matrix(3, 2), numbers.matrix(3, 2));
    let f = |v: f64| (1.0 + v.exp()).ln();
    let sigmoid = |v: f64| 1.0 / (1.0 + (-v).exp());
    let d = |v: f64, _y: f64| sigmoid(v);
    let dd = |v: f64, _y: f64| sigmoid(v) * (1.0 - sigmoid(v));
    let expected = M::from_fn(3, 2, |i, j| c[(i, j)] * sigmoid(x[(i, j)]));
    assert!((rules::map::vjp0(&x, &f, &d, &dd, &(), &c) - &expected).norm() < 1e-15);
    assert!((rules::map::jvp0(&x, &f, &d, &dd, &(), &c) - &expected).norm() < 1e-15);
    let second = M::from_fn(3, 2, |i, j| c[(i, j)] * dd(x[(i, j)], 0.0) * t[(i, j)]);
    assert!((rules::map::vjp0_jvp0(&x, &f, &d, &dd, &(), &c, &t) - &second).norm() < 1e-15);
    let bundle = matdiff_core::bundle::Bundle::dense(M::from_column_slice(6, 1, c.as_slice()));
    let along = matdiff_core::rules::bundle::map::vjp0(&x, &f, &d, &dd, &(), &bundle).to_dense(1);
    assert!((along - M::from_column_slice(6, 1, expected.as_slice())).norm() < 1e-15);
}
