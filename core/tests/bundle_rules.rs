//! The rules along a bundle of directions (`rules::bundle` and the
//! operators' bundle implementations) against the one-direction rules of
//! `rules::matrix` applied to each direction in turn, for dense bundles and
//! for the symbolic seeds (whose fast paths skip the dense identity).

use matdiff_core::Linear;
use matdiff_core::bundle::Bundle;
use matdiff_core::rules::operators::{div, mul};
use matdiff_core::rules::{bundle as along, matrix as plain};
use nalgebra::{DMatrix, DVector};

type M = DMatrix<f64>;

struct Numbers(u64);

impl Numbers {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
    }
    fn matrix(&mut self, r: usize, c: usize) -> M {
        M::from_fn(r, c, |_, _| self.next())
    }
    fn invertible(&mut self, n: usize) -> M {
        self.matrix(n, n) + M::identity(n, n) * (n as f64 + 1.0)
    }
}

/// The number of directions in every bundle here.
const WIDTH: usize = 3;

/// Direction `j` of a bundle of values shaped `rows x cols`.
fn direction(bundle: &Bundle<f64>, j: usize, rows: usize, cols: usize) -> M {
    let dense = bundle.to_dense(WIDTH);
    M::from_column_slice(rows, cols, dense.column(j).as_slice())
}

/// A dense bundle of random directions of a `rows x cols` value.
fn random_bundle(numbers: &mut Numbers, rows: usize, cols: usize) -> Bundle<f64> {
    Bundle::dense(numbers.matrix(rows * cols, WIDTH))
}

#[track_caller]
fn assert_per_direction(bundle: &Bundle<f64>, expected: impl Fn(usize) -> M, what: &str) {
    for j in 0..WIDTH {
        let e = expected(j);
        let actual = direction(bundle, j, e.nrows(), e.ncols());
        assert!((&actual - &e).norm() <= 1e-12 * (1.0 + e.norm()), "{what}, direction {j}:\n{actual}\nexpected\n{e}");
    }
}

fn scalar(v: f64) -> M {
    M::from_element(1, 1, v)
}

#[test]
fn products_along_bundles() {
    let mut numbers = Numbers(1);
    for (r, k, c) in [(1, 1, 1), (3, 2, 1), (2, 3, 4)] {
        let (a, b) = (numbers.matrix(r, k), numbers.matrix(k, c));
        let y = &a * &b;
        let cot = numbers.matrix(r, c);
        let (ta, tb, ty) =
            (random_bundle(&mut numbers, r, k), random_bundle(&mut numbers, k, c), random_bundle(&mut numbers, r, c));
        let d = |t: &Bundle<f64>, j, rows, cols| direction(t, j, rows, cols);
        assert_per_direction(
            &mul::jvp0(&a, &b, &y, &ta),
            |j| plain::matmul::jvp0(&a, &b, &y, &d(&ta, j, r, k)),
            "matmul jvp0",
        );
        assert_per_direction(
            &mul::jvp1(&a, &b, &y, &tb),
            |j| plain::matmul::jvp1(&a, &b, &y, &d(&tb, j, k, c)),
            "matmul jvp1",
        );
        assert_per_direction(
            &mul::vjp0(&a, &b, &y, &ty),
            |j| plain::matmul::vjp0(&a, &b, &y, &d(&ty, j, r, c)),
            "matmul vjp0",
        );
        assert_per_direction(
            &mul::vjp1(&a, &b, &y, &ty),
            |j| plain::matmul::vjp1(&a, &b, &y, &d(&ty, j, r, c)),
            "matmul vjp1",
        );
        assert_per_direction(
            &mul::vjp0_jvp1(&a, &b, &y, &cot, &tb),
            |j| plain::matmul::vjp0_jvp1(&a, &b, &y, &cot, &d(&tb, j, k, c)),
            "matmul vjp0_jvp1",
        );
        assert_per_direction(
            &mul::vjp1_jvp0(&a, &b, &y, &cot, &ta),
            |j| plain::matmul::vjp1_jvp0(&a, &b, &y, &cot, &d(&ta, j, r, k)),
            "matmul vjp1_jvp0",
        );
        // a' b.
        let at = numbers.matrix(k, r);
        let yt = at.tr_mul(&b);
        let cot_t = numbers.matrix(r, c);
        let tat = random_bundle(&mut numbers, k, r);
        let tyt = random_bundle(&mut numbers, r, c);
        assert_per_direction(
            &along::tr_mul::jvp0(&at, &b, &yt, &tat),
            |j| plain::tr_mul::jvp0(&at, &b, &yt, &d(&tat, j, k, r)),
            "tr_mul jvp0",
        );
        assert_per_direction(
            &along::tr_mul::jvp1(&at, &b, &yt, &tb),
            |j| plain::tr_mul::jvp1(&at, &b, &yt, &d(&tb, j, k, c)),
            "tr_mul jvp1",
        );
        assert_per_direction(
            &along::tr_mul::vjp0(&at, &b, &yt, &tyt),
            |j| plain::tr_mul::vjp0(&at, &b, &yt, &d(&tyt, j, r, c)),
            "tr_mul vjp0",
        );
        assert_per_direction(
            &along::tr_mul::vjp1(&at, &b, &yt, &tyt),
            |j| plain::tr_mul::vjp1(&at, &b, &yt, &d(&tyt, j, r, c)),
            "tr_mul vjp1",
        );
        assert_per_direction(
            &along::tr_mul::vjp0_jvp1(&at, &b, &yt, &cot_t, &tb),
            |j| plain::tr_mul::vjp0_jvp1(&at, &b, &yt, &cot_t, &d(&tb, j, k, c)),
            "tr_mul vjp0_jvp1",
        );
        assert_per_direction(
            &along::tr_mul::vjp1_jvp0(&at, &b, &yt, &cot_t, &tat),
            |j| plain::tr_mul::vjp1_jvp0(&at, &b, &yt, &cot_t, &d(&tat, j, k, r)),
            "tr_mul vjp1_jvp0",
        );
    }
}

#[test]
fn scaling_and_division_along_bundles() {
    let mut numbers = Numbers(2);
    let (s, x) = (0.7, numbers.matrix(3, 2));
    let y = &x * s;
    let cot = numbers.matrix(3, 2);
    let (ts, tx, ty) =
        (random_bundle(&mut numbers, 1, 1), random_bundle(&mut numbers, 3, 2), random_bundle(&mut numbers, 3, 2));
    let d = |t: &Bundle<f64>, j, rows, cols| direction(t, j, rows, cols);
    let sd = |t: &Bundle<f64>, j| d(t, j, 1, 1)[(0, 0)];
    // s * x
    assert_per_direction(&mul::jvp0(&s, &x, &y, &ts), |j| plain::scale::jvp0(&s, &x, &y, &sd(&ts, j)), "s*x jvp0");
    assert_per_direction(&mul::jvp1(&s, &x, &y, &tx), |j| plain::scale::jvp1(&s, &x, &y, &d(&tx, j, 3, 2)), "s*x jvp1");
    assert_per_direction(
        &mul::vjp0(&s, &x, &y, &ty),
        |j| scalar(plain::scale::vjp0(&s, &x, &y, &d(&ty, j, 3, 2))),
        "s*x vjp0",
    );
    assert_per_direction(&mul::vjp1(&s, &x, &y, &ty), |j| plain::scale::vjp1(&s, &x, &y, &d(&ty, j, 3, 2)), "s*x vjp1");
    assert_per_direction(
        &mul::vjp0_jvp1(&s, &x, &y, &cot, &tx),
        |j| scalar(plain::scale::vjp0_jvp1(&s, &x, &y, &cot, &d(&tx, j, 3, 2))),
        "s*x vjp0_jvp1",
    );
    assert_per_direction(
        &mul::vjp1_jvp0(&s, &x, &y, &cot, &ts),
        |j| plain::scale::vjp1_jvp0(&s, &x, &y, &cot, &sd(&ts, j)),
        "s*x vjp1_jvp0",
    );
    // x * s is s * x with the arguments swapped.
    assert_per_direction(&mul::jvp1(&x, &s, &y, &ts), |j| plain::scale::jvp0(&s, &x, &y, &sd(&ts, j)), "x*s jvp1");
    assert_per_direction(
        &mul::vjp1(&x, &s, &y, &ty),
        |j| scalar(plain::scale::vjp0(&s, &x, &y, &d(&ty, j, 3, 2))),
        "x*s vjp1",
    );
    // x / s against differences of its one-direction forms: y = x / s.
    let q = &x / s;
    let dq = |t: &M| t / s;
    assert_per_direction(&div::jvp0(&x, &s, &q, &tx), |j| dq(&d(&tx, j, 3, 2)), "x/s jvp0");
    assert_per_direction(&div::jvp1(&x, &s, &q, &ts), |j| &q * (-sd(&ts, j) / s), "x/s jvp1");
    assert_per_direction(&div::vjp1(&x, &s, &q, &ty), |j| scalar(-q.dot(&d(&ty, j, 3, 2)) / s), "x/s vjp1");
    assert_per_direction(
        &div::vjp1_jvp1(&x, &s, &q, &cot, &ts),
        |j| scalar(2.0 * q.dot(&cot) * sd(&ts, j) / (s * s)),
        "x/s vjp1_jvp1",
    );
}

#[test]
fn reductions_and_elementwise_rules_along_bundles() {
    let mut numbers = Numbers(3);
    let (r, c) = (3, 2);
    let (x, z) = (numbers.matrix(r, c), numbers.matrix(r, c) + M::from_element(r, c, 3.0));
    let (tx, tz) = (random_bundle(&mut numbers, r, c), random_bundle(&mut numbers, r, c));
    let ts = random_bundle(&mut numbers, 1, 1);
    let d = |t: &Bundle<f64>, j| direction(t, j, r, c);
    let sd = |t: &Bundle<f64>, j| direction(t, j, 1, 1)[(0, 0)];
    let c1 = 0.9;
    let y = x.dot(&z);
    assert_per_direction(
        &along::dot::jvp0(&x, &z, &y, &tx),
        |j| scalar(plain::dot::jvp0(&x, &z, &y, &d(&tx, j))),
        "dot jvp0",
    );
    assert_per_direction(&along::dot::vjp1(&x, &z, &y, &ts), |j| plain::dot::vjp1(&x, &z, &y, &sd(&ts, j)), "dot vjp1");
    assert_per_direction(
        &along::dot::vjp0_jvp1(&x, &z, &y, &c1, &tz),
        |j| plain::dot::vjp0_jvp1(&x, &z, &y, &c1, &d(&tz, j)),
        "dot vjp0_jvp1",
    );
    let (s, n2, nn, m) = (x.sum(), x.norm_squared(), x.norm(), x.mean());
    assert_per_direction(&along::sum::jvp0(&x, &s, &tx), |j| scalar(plain::sum::jvp0(&x, &s, &d(&tx, j))), "sum jvp0");
    assert_per_direction(&along::sum::vjp0(&x, &s, &ts), |j| plain::sum::vjp0(&x, &s, &sd(&ts, j)), "sum vjp0");
    assert_per_direction(&along::mean::vjp0(&x, &m, &ts), |j| plain::mean::vjp0(&x, &m, &sd(&ts, j)), "mean vjp0");
    assert_per_direction(
        &along::norm_squared::vjp0_jvp0(&x, &n2, &c1, &tx),
        |j| plain::norm_squared::vjp0_jvp0(&x, &n2, &c1, &d(&tx, j)),
        "norm_squared vjp0_jvp0",
    );
    assert_per_direction(
        &along::norm::jvp0(&x, &nn, &tx),
        |j| scalar(plain::norm::jvp0(&x, &nn, &d(&tx, j))),
        "norm jvp0",
    );
    assert_per_direction(
        &along::norm::vjp0_jvp0(&x, &nn, &c1, &tx),
        |j| plain::norm::vjp0_jvp0(&x, &nn, &c1, &d(&tx, j)),
        "norm vjp0_jvp0",
    );
    let q = x.component_div(&z);
    let cot = numbers.matrix(r, c);
    assert_per_direction(
        &along::component_div::jvp1(&x, &z, &q, &tz),
        |j| plain::component_div::jvp1(&x, &z, &q, &d(&tz, j)),
        "component_div jvp1",
    );
    assert_per_direction(
        &along::component_div::vjp1_jvp1(&x, &z, &q, &cot, &tz),
        |j| plain::component_div::vjp1_jvp1(&x, &z, &q, &cot, &d(&tz, j)),
        "component_div vjp1_jvp1",
    );
    let p = x.component_mul(&z);
    assert_per_direction(
        &along::component_mul::vjp1_jvp0(&x, &z, &p, &cot, &tx),
        |j| plain::component_mul::vjp1_jvp0(&x, &z, &p, &cot, &d(&tx, j)),
        "component_mul vjp1_jvp0",
    );
    // The derivatives take the element and the element of the value.
    let (f, df, ddf) =
        (|v: f64| v.sin() * v, |v: f64, _y: f64| v.cos() * v + v.sin(), |v: f64, y: f64| 2.0 * v.cos() - y);
    let fx = x.map(f);
    assert_per_direction(
        &along::map::jvp0(&x, &f, &df, &ddf, &fx, &tx),
        |j| plain::map::jvp0(&x, &f, &df, &ddf, &fx, &d(&tx, j)),
        "map jvp0",
    );
    assert_per_direction(
        &along::map::vjp0_jvp0(&x, &f, &df, &ddf, &fx, &cot, &tx),
        |j| plain::map::vjp0_jvp0(&x, &f, &df, &ddf, &fx, &cot, &d(&tx, j)),
        "map vjp0_jvp0",
    );
    let e = x[(2, 1)];
    assert_per_direction(
        &along::index::jvp0(&x, &(2, 1), &e, &tx),
        |j| scalar(plain::index::jvp0(&x, &(2, 1), &e, &d(&tx, j))),
        "index jvp0",
    );
    assert_per_direction(
        &along::index::vjp0(&x, &(2, 1), &e, &ts),
        |j| plain::index::vjp0(&x, &(2, 1), &e, &sd(&ts, j)),
        "index vjp0",
    );
    let column = x.column(1).into_owned();
    let tcol = random_bundle(&mut numbers, r, 1);
    assert_per_direction(
        &along::column::jvp0(&x, &1, &column, &tx),
        |j| M::from_column_slice(r, 1, plain::column::jvp0(&x, &1, &column, &d(&tx, j)).as_slice()),
        "column jvp0",
    );
    assert_per_direction(
        &along::column::vjp0(&x, &1, &column, &tcol),
        |j| plain::column::vjp0(&x, &1, &column, &DVector::from_column_slice(direction(&tcol, j, r, 1).as_slice())),
        "column vjp0",
    );
    let row = x.row(2).into_owned();
    assert_per_direction(
        &along::row::jvp0(&x, &2, &row, &tx),
        |j| M::from_row_slice(1, c, plain::row::jvp0(&x, &2, &row, &d(&tx, j)).as_slice()),
        "row jvp0",
    );
    let (mx, mn) = (x.max(), x.min());
    assert_per_direction(
        &along::max_element::jvp0(&x, &mx, &tx),
        |j| scalar(plain::max_element::jvp0(&x, &mx, &d(&tx, j))),
        "max jvp0",
    );
    assert_per_direction(
        &along::min_element::vjp0(&x, &mn, &ts),
        |j| plain::min_element::vjp0(&x, &mn, &sd(&ts, j)),
        "min vjp0",
    );
    let shifted = x.add_scalar(0.3);
    assert_per_direction(
        &along::add_scalar::jvp1(&x, &0.3, &shifted, &ts),
        |j| plain::add_scalar::jvp1(&x, &0.3, &shifted, &sd(&ts, j)),
        "add_scalar jvp1",
    );
    assert_per_direction(
        &along::add_scalar::vjp1(&x, &0.3, &shifted, &tx),
        |j| scalar(plain::add_scalar::vjp1(&x, &0.3, &shifted, &d(&tx, j))),
        "add_scalar vjp1",
    );
    let xt = x.transpose();
    let txt = random_bundle(&mut numbers, c, r);
    assert_per_direction(
        &along::transpose::jvp0(&x, &xt, &tx),
        |j| plain::transpose::jvp0(&d(&tx, j)),
        "transpose jvp0",
    );
    assert_per_direction(
        &along::transpose::vjp0(&x, &xt, &txt),
        |j| plain::transpose::vjp0(&direction(&txt, j, c, r)),
        "transpose vjp0",
    );
}

#[test]
fn view_rules_along_bundles_are_the_rules_per_direction() {
    use matdiff_core::rules::matrix::view::{Block, ColumnPart, Columns, FixedView, RowPart, Rows, View};
    use nalgebra::Dyn;
    let mut numbers = Numbers(6);
    let (r, c) = (4, 3);
    let x = numbers.matrix(r, c);
    let tx = random_bundle(&mut numbers, r, c);
    fn case<B: Block<Dyn, Dyn> + Copy>(numbers: &mut Numbers, x: &M, tx: &Bundle<f64>, block: B, what: &str)
    where
        nalgebra::DefaultAllocator: nalgebra::allocator::Allocator<B::Rows, B::Cols>,
    {
        let (r, c) = x.shape();
        let y = plain::view::value::<f64, Dyn, Dyn, B>(x, &block);
        let (yr, yc) = y.shape();
        assert_per_direction(
            &along::view::jvp0::<f64, Dyn, Dyn, B, _>(x, &block, &y, tx),
            |j| {
                let t = plain::view::jvp0::<f64, Dyn, Dyn, B>(x, &block, &y, &direction(tx, j, r, c));
                M::from_column_slice(yr, yc, t.as_slice())
            },
            &format!("{what} jvp0"),
        );
        let ty = random_bundle(numbers, yr, yc);
        assert_per_direction(
            &along::view::vjp0::<f64, Dyn, Dyn, B, _>(x, &block, &y, &ty),
            |j| {
                let cj = nalgebra::OMatrix::<f64, B::Rows, B::Cols>::from_column_slice_generic(
                    y.shape_generic().0,
                    y.shape_generic().1,
                    direction(&ty, j, yr, yc).as_slice(),
                );
                plain::view::vjp0::<f64, Dyn, Dyn, B>(x, &block, &y, &cj)
            },
            &format!("{what} vjp0"),
        );
    }
    case(&mut numbers, &x, &tx, Columns(1, 2), "columns");
    case(&mut numbers, &x, &tx, Rows(1, 3), "rows");
    case(&mut numbers, &x, &tx, FixedView::<2, 2>(2, 1), "fixed_view");
    case(&mut numbers, &x, &tx, View((1, 0), (2, 3)), "view");
    case(&mut numbers, &x, &tx, ColumnPart(2, 3), "column_part");
    case(&mut numbers, &x, &tx, RowPart(3, 2), "row_part");
    // An empty block has zero tangents and puts nothing back.
    let y = plain::view::value(&x, &Rows(2, 0));
    assert_eq!(
        along::view::vjp0(&x, &Rows(2, 0), &y, &random_bundle(&mut numbers, 0, c)).to_dense(WIDTH),
        DMatrix::zeros(r * c, WIDTH)
    );
}

#[test]
fn square_matrix_rules_along_bundles() {
    let mut numbers = Numbers(4);
    for n in [1, 2, 4] {
        let x = numbers.invertible(n);
        let tx = random_bundle(&mut numbers, n, n);
        let ts = random_bundle(&mut numbers, 1, 1);
        let d = |t: &Bundle<f64>, j| direction(t, j, n, n);
        let sd = |t: &Bundle<f64>, j| direction(t, j, 1, 1)[(0, 0)];
        let c1 = -0.6;
        let (det, ld, tr) = (x.determinant(), plain::logdet(&x), x.trace());
        assert_per_direction(
            &along::determinant::jvp0(&x, &det, &tx),
            |j| scalar(plain::determinant::jvp0(&x, &det, &d(&tx, j))),
            "determinant jvp0",
        );
        assert_per_direction(
            &along::determinant::vjp0(&x, &det, &ts),
            |j| plain::determinant::vjp0(&x, &det, &sd(&ts, j)),
            "determinant vjp0",
        );
        assert_per_direction(
            &along::determinant::vjp0_jvp0(&x, &det, &c1, &tx),
            |j| plain::determinant::vjp0_jvp0(&x, &det, &c1, &d(&tx, j)),
            "determinant vjp0_jvp0",
        );
        assert_per_direction(
            &along::logdet::vjp0_jvp0(&x, &ld, &c1, &tx),
            |j| plain::logdet::vjp0_jvp0(&x, &ld, &c1, &d(&tx, j)),
            "logdet vjp0_jvp0",
        );
        assert_per_direction(
            &along::trace::jvp0(&x, &tr, &tx),
            |j| scalar(plain::trace::jvp0(&x, &tr, &d(&tx, j))),
            "trace jvp0",
        );
        let y = plain::inverse_or_nan(&x);
        let cot = numbers.matrix(n, n);
        assert_per_direction(
            &along::inverse::vjp0_jvp0(&x, &y, &cot, &tx),
            |j| plain::inverse::vjp0_jvp0(&x, &y, &cot, &d(&tx, j)),
            "inverse vjp0_jvp0",
        );
        let b = numbers.matrix(n, 2);
        let sol = plain::solve(&x, &b);
        let cot_b = numbers.matrix(n, 2);
        let tb = random_bundle(&mut numbers, n, 2);
        assert_per_direction(
            &along::solve::jvp0(&x, &b, &sol, &tx),
            |j| plain::solve::jvp0(&x, &b, &sol, &d(&tx, j)),
            "solve jvp0",
        );
        assert_per_direction(
            &along::solve::vjp0_jvp1(&x, &b, &sol, &cot_b, &tb),
            |j| plain::solve::vjp0_jvp1(&x, &b, &sol, &cot_b, &direction(&tb, j, n, 2)),
            "solve vjp0_jvp1",
        );
        let v = DVector::from_fn(n, |i, _| i as f64 * 0.3 - 0.4);
        let sm = plain::softmax(&v);
        let tv = random_bundle(&mut numbers, n, 1);
        let cv = DVector::from_fn(n, |i, _| (i as f64).cos());
        let dv = |j| DVector::from_column_slice(direction(&tv, j, n, 1).as_slice());
        assert_per_direction(
            &along::softmax::vjp0_jvp0(&v, &sm, &cv, &tv),
            |j| M::from_column_slice(n, 1, plain::softmax::vjp0_jvp0(&v, &sm, &cv, &dv(j)).as_slice()),
            "softmax vjp0_jvp0",
        );
        let lse = plain::logsumexp(&v);
        assert_per_direction(
            &along::logsumexp::vjp0_jvp0(&v, &lse, &c1, &tv),
            |j| M::from_column_slice(n, 1, plain::logsumexp::vjp0_jvp0(&v, &lse, &c1, &dv(j)).as_slice()),
            "logsumexp vjp0_jvp0",
        );
    }
}

#[test]
fn symbolic_seeds_agree_with_their_dense_identity() {
    let mut numbers = Numbers(5);
    let n = 4;
    // A seed that covers every direction (the fast paths copy `a` or `a'`)
    // and seeds that cover some.
    for (offset, width) in [(0, 4), (0, 6), (2, 6)] {
        let seed = Bundle::<f64>::seed(n, offset, width);
        let dense = Bundle::dense(seed.to_dense(width));
        let a = numbers.matrix(3, n);
        let at = numbers.matrix(n, 3);
        let x = numbers.matrix(n, 1);
        let y = &a * &x;
        let check = |s: Bundle<f64>, d: Bundle<f64>, what: &str| {
            assert_eq!(s.to_dense(width), d.to_dense(width), "{what} at offset {offset}");
        };
        check(mul::jvp1(&a, &x, &y, &seed), mul::jvp1(&a, &x, &y, &dense), "a * seed");
        check(mul::vjp1(&at, &y, &(&at * &y), &seed), mul::vjp1(&at, &y, &(&at * &y), &dense), "a' * seed");
        check(seed.scale(2.5), dense.scale(2.5), "scale");
        check(seed.add(&seed), dense.add(&dense), "seed + seed");
        check(seed.add(&dense).sub(&seed), dense.clone(), "seed + dense - seed");
        check(seed.clone().add_owned(&dense), dense.add(&dense), "add_owned");
        check(seed.clone().add_pair(dense.clone()), dense.add(&dense), "add_pair");
        check(seed.inner(x.as_slice()), dense.inner(x.as_slice()), "inner");
        check(seed.hadamard(x.as_slice()), dense.hadamard(x.as_slice()), "hadamard");
        check(seed.element_sum(), dense.element_sum(), "element_sum");
    }
    // A zero bundle is neutral and stays zero through linear maps.
    let zero = Bundle::<f64>::Zero { len: 4 };
    let dense = Bundle::dense(numbers.matrix(4, 6));
    assert_eq!(zero.add(&dense).to_dense(6), dense.to_dense(6));
    assert_eq!(dense.sub(&zero).to_dense(6), dense.to_dense(6));
    assert_eq!(zero.scale(3.0), Bundle::Zero { len: 4 });
}

#[test]
fn cross_product_along_bundles() {
    let mut numbers = Numbers(13);
    let (a, b, cot) = (numbers.matrix(3, 1), numbers.matrix(3, 1), numbers.matrix(3, 1));
    let (ta, tb) = (random_bundle(&mut numbers, 3, 1), random_bundle(&mut numbers, 3, 1));
    let d = |t: &Bundle<f64>, j| direction(t, j, 3, 1);
    let y = a.cross(&b);
    assert_per_direction(
        &along::cross::jvp0(&a, &b, &y, &ta),
        |j| plain::cross::jvp0(&a, &b, &y, &d(&ta, j)),
        "cross jvp0",
    );
    assert_per_direction(
        &along::cross::jvp1(&a, &b, &y, &tb),
        |j| plain::cross::jvp1(&a, &b, &y, &d(&tb, j)),
        "cross jvp1",
    );
    assert_per_direction(
        &along::cross::vjp0(&a, &b, &y, &ta),
        |j| plain::cross::vjp0(&a, &b, &y, &d(&ta, j)),
        "cross vjp0",
    );
    assert_per_direction(
        &along::cross::vjp1(&a, &b, &y, &tb),
        |j| plain::cross::vjp1(&a, &b, &y, &d(&tb, j)),
        "cross vjp1",
    );
    assert_per_direction(
        &along::cross::vjp0_jvp1(&a, &b, &y, &cot, &tb),
        |j| plain::cross::vjp0_jvp1(&a, &b, &y, &cot, &d(&tb, j)),
        "cross vjp0_jvp1",
    );
    assert_per_direction(
        &along::cross::vjp1_jvp0(&a, &b, &y, &cot, &ta),
        |j| plain::cross::vjp1_jvp0(&a, &b, &y, &cot, &d(&ta, j)),
        "cross vjp1_jvp0",
    );
}

/// `a' c` and `c b'` written as triple loops: the closed forms of the
/// products' pullbacks.
fn naive_tr_mul(a: &M, c: &M) -> M {
    M::from_fn(a.ncols(), c.ncols(), |i, j| (0..a.nrows()).map(|l| a[(l, i)] * c[(l, j)]).sum::<f64>())
}

fn naive_mul_tr(c: &M, b: &M) -> M {
    M::from_fn(c.nrows(), b.nrows(), |i, j| (0..c.ncols()).map(|l| c[(i, l)] * b[(j, l)]).sum::<f64>())
}

/// The pullbacks of `a * b` accumulated into a sum of cotangents, against
/// the sum of that cotangent and the closed-form pullback: for matrices,
/// and along bundles for dense cotangents, for a vector seed (the pass over
/// tiles, in place and, while another bundle shares the sum's storage, into
/// a new matrix, which must leave the shared one as it was) and for a seed
/// at an offset.
#[test]
fn accumulated_pullbacks_of_products() {
    let mut numbers = Numbers(7);
    for (r, k, c) in [(1, 1, 1), (3, 2, 1), (2, 3, 4), (40, 35, 37)] {
        let (a, b) = (numbers.matrix(r, k), numbers.matrix(k, c));
        let (cy, acc_a, acc_b) = (numbers.matrix(r, c), numbers.matrix(r, k), numbers.matrix(k, c));
        let expected = &acc_b + naive_tr_mul(&a, &cy);
        let actual = mul::vjp1_add(&a, &b, &(), &cy, acc_b.clone());
        assert!((&actual - &expected).norm() <= 1e-12 * (1.0 + expected.norm()), "vjp1_add, {r}x{k}x{c}");
        let expected = &acc_a + naive_mul_tr(&cy, &b);
        let actual = mul::vjp0_add(&a, &b, &(), &cy, acc_a.clone());
        assert!((&actual - &expected).norm() <= 1e-12 * (1.0 + expected.norm()), "vjp0_add, {r}x{k}x{c}");

        let bundle_c = random_bundle(&mut numbers, r, c);
        let (sum_b, sum_a) = (random_bundle(&mut numbers, k, c), random_bundle(&mut numbers, r, k));
        let along = mul::vjp1_add(&a, &b, &(), &bundle_c, sum_b.clone());
        assert_per_direction(
            &along,
            |j| direction(&sum_b, j, k, c) + naive_tr_mul(&a, &direction(&bundle_c, j, r, c)),
            "vjp1_add along a dense bundle",
        );
        let along = mul::vjp0_add(&a, &b, &(), &bundle_c, sum_a.clone());
        assert_per_direction(
            &along,
            |j| direction(&sum_a, j, r, k) + naive_mul_tr(&direction(&bundle_c, j, r, c), &b),
            "vjp0_add along a dense bundle",
        );
    }
    // A vector seed of the product's value: `acc + 2 a'`, with `a` square
    // (the Hessian of x'Ax) and not.
    for (r, k) in [(1, 1), (3, 2), (37, 37), (70, 33)] {
        let (a, b) = (numbers.matrix(r, k), numbers.matrix(k, 1));
        let seed = Bundle::Seed { len: r, offset: 0, width: r, scale: 2.0 };
        let expected = |sum: &M| sum + a.transpose() * 2.0;
        let sum = numbers.matrix(k, r);
        let unique = mul::vjp1_add(&a, &b, &(), &seed, Bundle::dense(sum.clone()));
        assert!((unique.to_dense(r) - expected(&sum)).norm() <= 1e-12 * (1.0 + sum.norm()), "in place, {r}x{k}");
        let shared = Bundle::dense(sum.clone());
        let kept = shared.clone();
        let fresh = mul::vjp1_add(&a, &b, &(), &seed, shared);
        assert!((fresh.to_dense(r) - expected(&sum)).norm() <= 1e-12 * (1.0 + sum.norm()), "shared, {r}x{k}");
        assert_eq!(kept.to_dense(r), sum, "the shared bundle changed, {r}x{k}");
        // The seed of the second of two inputs: the general path.
        let offset = Bundle::Seed { len: r, offset: 2, width: r + 2, scale: -1.0 };
        let sum = numbers.matrix(k, r + 2);
        let along = mul::vjp1_add(&a, &b, &(), &offset, Bundle::dense(sum.clone()));
        let mut expected = sum.clone();
        expected.columns_mut(2, r).copy_from(&(sum.columns(2, r) - a.transpose()));
        assert!((along.to_dense(r + 2) - &expected).norm() <= 1e-12 * (1.0 + expected.norm()), "offset, {r}x{k}");
    }
}
