//! Many tangent directions of one value at once, for Hessians of functions
//! of nalgebra arguments in a single forward-over-reverse sweep.
//!
//! A [`Bundle`] holds N directional derivatives of a value with `len`
//! elements as the `len x N` matrix whose column j is the vec() of direction
//! j (a scalar's bundle is `1 x N`). Linear maps of the value become one
//! matrix product of the bundle: the tangent of `a * x` along all N
//! directions is `a * X_dot`. The seed of an input is the identity placed at
//! the input's columns, kept symbolic, so `a * seed` is a copy of `a` and
//! the Hessian of x'Ax costs O(n^2), like writing A + A'.
//!
//! The rules of [`crate::rules::matrix`] take one direction; the ones here
//! take bundles, for the rows of [`crate::table`] that say
//! [`bundle`](crate::table::Primitive::bundle). The macro uses bundles only
//! for functions whose every primitive has them.

use std::rc::Rc;

use nalgebra::allocator::Allocator;
use nalgebra::{DMatrix, DMatrixView, DefaultAllocator, Dim, Dyn, OMatrix, RowDVector};

use crate::Linear;
use crate::matrix::Elem;
use crate::support::HasTangent;

/// N directional derivatives of a value with `len` elements.
#[derive(Clone, Debug, PartialEq)]
pub enum Bundle<F: Elem> {
    /// Every direction is zero.
    Zero { len: usize },
    /// `scale` times columns `offset .. offset + len` of the `len x width`
    /// identity: the seed of an input whose elements are inputs
    /// `offset ..` of the flattened inputs.
    Seed { len: usize, offset: usize, width: usize, scale: F },
    /// Column j is direction j. Shared, so that passing a tangent on
    /// unchanged (a scaling by one, a copy) costs nothing.
    Dense(Rc<DMatrix<F>>),
}

impl<F: Elem> Bundle<F> {
    /// A bundle of the given directions.
    pub fn dense(d: DMatrix<F>) -> Self {
        Bundle::Dense(Rc::new(d))
    }

    /// The seed of an input with `len` elements at position `offset` of
    /// `width` flattened inputs.
    pub fn seed(len: usize, offset: usize, width: usize) -> Self {
        Bundle::Seed { len, offset, width, scale: F::one() }
    }

    /// The number of elements of the value.
    pub fn len(&self) -> usize {
        match self {
            Bundle::Zero { len } | Bundle::Seed { len, .. } => *len,
            Bundle::Dense(d) => d.nrows(),
        }
    }

    /// Whether the value has no elements.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The directions as a dense `len x width` matrix; `width` is used for
    /// a zero bundle, which does not know it.
    pub fn to_dense(&self, width: usize) -> DMatrix<F> {
        match self {
            Bundle::Zero { len } => DMatrix::zeros(*len, width),
            Bundle::Seed { len, offset, width, scale } => {
                let mut d = DMatrix::zeros(*len, *width);
                for k in 0..*len {
                    d[(k, offset + k)] = *scale;
                }
                d
            }
            Bundle::Dense(d) => (**d).clone(),
        }
    }

    /// The number of directions, where known.
    fn width(&self) -> Option<usize> {
        match self {
            Bundle::Zero { .. } => None,
            Bundle::Seed { width, .. } => Some(*width),
            Bundle::Dense(d) => Some(d.ncols()),
        }
    }

    fn dense_or_zero(&self, other_width: Option<usize>) -> Option<DMatrix<F>> {
        match self {
            Bundle::Zero { .. } => None,
            other => Some(other.to_dense(other_width.unwrap_or(0))),
        }
    }

    /// The bundle of a value with `len` elements from a function of each
    /// dense direction matrix; zero stays zero.
    fn map_dense(&self, len: usize, f: impl FnOnce(&DMatrix<F>) -> DMatrix<F>) -> Self {
        match self {
            Bundle::Zero { .. } => Bundle::Zero { len },
            other => Bundle::dense(other.with_dense(f)),
        }
    }

    /// `f` of the directions as a dense matrix, borrowed when they are one
    /// already (a zero bundle is taken as having no directions).
    fn with_dense<T>(&self, f: impl FnOnce(&DMatrix<F>) -> T) -> T {
        match self {
            Bundle::Dense(d) => f(d),
            other => f(&other.to_dense(0)),
        }
    }

    /// `a * T_j` for every direction, where the directions are `r x cols`
    /// matrices and `a` (`p x r`, column-major in `a`) multiplies them: one
    /// product of `a` with the bundle seen as the `r x (cols N)` matrix
    /// `[T_1 | T_2 | ..]`.
    pub fn left_mul(&self, a: &[F], p: usize, r: usize, cols: usize) -> Self {
        self.product(a, DMatrixView::from_slice(a, p, r), false, cols)
    }

    /// `a' T_j` for every direction, with `a` stored as an `r x p` matrix.
    pub fn left_tr_mul(&self, a: &[F], r: usize, p: usize, cols: usize) -> Self {
        self.product(a, DMatrixView::from_slice(a, r, p), true, cols)
    }

    /// `acc + a' T_j` for every direction, `acc` consumed: for a vector
    /// seed and a dense `acc` one pass over pairs of tiles, in `acc`'s
    /// storage when nothing else shares it ([`crate::products::add_transpose`]);
    /// otherwise the product and then the sum.
    pub fn left_tr_mul_add(&self, a: &[F], r: usize, p: usize, cols: usize, acc: Self) -> Self {
        match (self, acc) {
            (Bundle::Seed { offset: 0, width, scale, .. }, Bundle::Dense(mut d))
                if cols == 1 && *width == r && d.shape() == (p, r) =>
            {
                match Rc::get_mut(&mut d) {
                    Some(out) => {
                        crate::products::add_transpose(out.as_mut_slice(), None, a, p, r, *scale);
                        Bundle::Dense(d)
                    }
                    None => {
                        let mut out = crate::pool::zeros_generic(Dyn(p), Dyn(r));
                        crate::products::add_transpose(out.as_mut_slice(), Some(d.as_slice()), a, p, r, *scale);
                        Bundle::dense(out)
                    }
                }
            }
            (_, acc) => acc.add_pair(self.left_tr_mul(a, r, p, cols)),
        }
    }

    fn product(&self, storage: &[F], a: DMatrixView<'_, F>, transposed: bool, cols: usize) -> Self {
        let (p, r) = if transposed { (a.ncols(), a.nrows()) } else { (a.nrows(), a.ncols()) };
        match self {
            Bundle::Zero { .. } => Bundle::Zero { len: p * cols },
            // a [0 | I | 0] = [0 | a | 0] for a vector seed.
            Bundle::Seed { offset: 0, width, scale, .. } if cols == 1 && *width == r => {
                if transposed {
                    return Bundle::dense(crate::products::transpose_slice(*scale, storage, r, p));
                }
                let s = *scale;
                let scaled = crate::pool::pooled(Dyn(p), Dyn(r), storage.iter().map(|&v| v * s));
                Bundle::dense(scaled.unwrap_or_else(|| {
                    let mut d = DMatrix::from_column_slice(p, r, storage);
                    if s != F::one() {
                        d *= s;
                    }
                    d
                }))
            }
            Bundle::Seed { offset, width, scale, .. } if cols == 1 => {
                let mut d = crate::pool::zeros_generic(Dyn(p), Dyn(*width));
                let mut block = d.columns_mut(*offset, r);
                if transposed {
                    block.tr_copy_from(&a);
                } else {
                    block.copy_from(&a);
                }
                if *scale != F::one() {
                    block *= *scale;
                }
                Bundle::dense(d)
            }
            other => other.with_dense(|d| {
                let n = d.ncols();
                let product = if transposed {
                    crate::products::tr_mul_slices(storage, r, p, d.as_slice(), cols * n)
                } else {
                    let d = DMatrixView::from_slice(d.as_slice(), r, cols * n);
                    match crate::pool::pooled_zeros(Dyn(p), Dyn(cols * n)) {
                        Some(mut out) => {
                            out.gemm(F::one(), &a, &d, F::zero());
                            out
                        }
                        None => a * d,
                    }
                };
                // The same storage read as `p cols x n`: no copy.
                Bundle::dense(product.reshape_generic(nalgebra::Dyn(p * cols), nalgebra::Dyn(n)))
            }),
        }
    }

    /// `f(T_j)` for every direction, where the directions are `rows x cols`
    /// matrices and `f` maps them to matrices with `len` elements.
    pub fn per_direction(&self, rows: usize, cols: usize, len: usize, f: impl Fn(&DMatrix<F>) -> DMatrix<F>) -> Self {
        self.map_dense(len, |d| {
            let mut out = DMatrix::zeros(len, d.ncols());
            for (j, column) in d.column_iter().enumerate() {
                let direction = DMatrix::from_column_slice(rows, cols, column.as_slice());
                out.column_mut(j).copy_from_slice(f(&direction).as_slice());
            }
            out
        })
    }

    /// `<w, T_j>` for every direction: a scalar's bundle.
    pub fn inner(&self, w: &[F]) -> Self {
        match self {
            Bundle::Zero { .. } => Bundle::Zero { len: 1 },
            Bundle::Seed { offset, width, scale, len } => {
                let mut d = DMatrix::zeros(1, *width);
                for k in 0..*len {
                    d[(0, offset + k)] = w[k] * *scale;
                }
                Bundle::dense(d)
            }
            Bundle::Dense(d) => {
                let row: RowDVector<F> = DMatrix::from_column_slice(w.len(), 1, w).tr_mul(&**d).row(0).into_owned();
                Bundle::dense(DMatrix::from_row_slice(1, row.len(), row.as_slice()))
            }
        }
    }

    /// `w s_j` for a scalar's bundle `s` (`1 x N`): the bundle of a value
    /// with elements `w` times a varying scalar.
    pub fn outer(w: &[F], s: &Self) -> Self {
        match s.dense_or_zero(None) {
            None => Bundle::Zero { len: w.len() },
            Some(row) => {
                let column = DMatrix::from_column_slice(w.len(), 1, w);
                Bundle::dense(column * row)
            }
        }
    }

    /// Every direction multiplied elementwise by `w`.
    pub fn hadamard(&self, w: &[F]) -> Self {
        match self {
            Bundle::Zero { len } => Bundle::Zero { len: *len },
            // One pass down the columns, each scaled elementwise by `w`.
            other => other.with_dense(|d| {
                if w.is_empty() {
                    return Bundle::dense(d.clone());
                }
                let mut out = Vec::with_capacity(d.len());
                for column in d.as_slice().chunks_exact(w.len()) {
                    out.extend(column.iter().zip(w).map(|(&a, &b)| a * b));
                }
                Bundle::dense(DMatrix::from_vec(d.nrows(), d.ncols(), out))
            }),
        }
    }

    /// The sum of the elements of every direction: a scalar's bundle.
    pub fn element_sum(&self) -> Self {
        match self {
            Bundle::Zero { .. } => Bundle::Zero { len: 1 },
            other => other.with_dense(|d| {
                let row = d.row_sum();
                Bundle::dense(DMatrix::from_row_slice(1, row.len(), row.as_slice()))
            }),
        }
    }

    /// Element `k` of every direction: a scalar's bundle.
    pub fn element(&self, k: usize) -> Self {
        self.select(&[k])
    }

    /// The elements `indices` of every direction.
    pub fn select(&self, indices: &[usize]) -> Self {
        match self {
            Bundle::Zero { .. } => Bundle::Zero { len: indices.len() },
            other => other.with_dense(|d| Bundle::dense(d.select_rows(indices))),
        }
    }

    /// The bundle of a value with `len` elements that is the scalar bundle
    /// `s` at element `k` and zero elsewhere.
    pub fn at_element(len: usize, k: usize, s: &Self) -> Self {
        Self::placed(len, &[k], s)
    }

    /// The bundle of a value with `len` elements whose elements `indices`
    /// are the elements of `s` and the others zero.
    pub fn placed(len: usize, indices: &[usize], s: &Self) -> Self {
        match s.dense_or_zero(None) {
            None => Bundle::Zero { len },
            Some(rows) => {
                let mut d = DMatrix::zeros(len, rows.ncols());
                for (from, &to) in indices.iter().enumerate() {
                    d.row_mut(to).copy_from(&rows.row(from));
                }
                Bundle::dense(d)
            }
        }
    }
}

fn combine<F: Elem>(a: &Bundle<F>, b: &Bundle<F>, sign: F) -> Bundle<F> {
    match (a, b) {
        (_, Bundle::Zero { .. }) => a.clone(),
        (Bundle::Zero { .. }, _) => b.scale(sign),
        (
            Bundle::Seed { len, offset, width, scale },
            Bundle::Seed { len: len_b, offset: offset_b, width: width_b, scale: scale_b },
        ) if (len, offset, width) == (len_b, offset_b, width_b) => {
            Bundle::Seed { len: *len, offset: *offset, width: *width, scale: *scale + sign * *scale_b }
        }
        (Bundle::Dense(d), Bundle::Dense(e)) if sign == F::one() => Bundle::dense(&**d + &**e),
        (Bundle::Dense(d), Bundle::Dense(e)) => Bundle::dense(&**d - &**e),
        _ => {
            let width = a.width().or(b.width()).unwrap_or(0);
            let mut d = a.to_dense(width);
            accumulate(&mut d, b, sign);
            Bundle::dense(d)
        }
    }
}

/// `d += sign * b`.
fn accumulate<F: Elem>(d: &mut DMatrix<F>, b: &Bundle<F>, sign: F) {
    match b {
        Bundle::Zero { .. } => {}
        Bundle::Seed { len, offset, scale, .. } => {
            for k in 0..*len {
                d[(k, offset + k)] += sign * *scale;
            }
        }
        // Over the storage, which vectorises (nalgebra's `+=` goes by element).
        Bundle::Dense(e) if sign == F::one() => {
            d.as_mut_slice().iter_mut().zip(e.as_slice()).for_each(|(x, y)| *x += *y)
        }
        Bundle::Dense(e) => d.as_mut_slice().iter_mut().zip(e.as_slice()).for_each(|(x, y)| *x -= *y),
    }
}

impl<F: Elem> Linear<F> for Bundle<F> {
    fn add_pair(self, other: Self) -> Self {
        match (&self, &other) {
            (Bundle::Dense(d), Bundle::Dense(e)) if Rc::strong_count(d) > 1 && Rc::strong_count(e) == 1 => {
                other.add_owned(&self)
            }
            _ => self.add_owned(&other),
        }
    }
    fn add_owned(self, other: &Self) -> Self {
        match self {
            // In place when nothing else shares the storage.
            Bundle::Dense(mut d) if Rc::strong_count(&d) == 1 && other.width().is_none_or(|w| w == d.ncols()) => {
                accumulate(Rc::make_mut(&mut d), other, F::one());
                Bundle::Dense(d)
            }
            other_form => combine(&other_form, other, F::one()),
        }
    }
    fn add(&self, other: &Self) -> Self {
        combine(self, other, F::one())
    }
    fn sub(&self, other: &Self) -> Self {
        combine(self, other, -F::one())
    }
    fn neg(&self) -> Self {
        self.scale(-F::one())
    }
    fn scale(&self, s: F) -> Self {
        match self {
            Bundle::Zero { len } => Bundle::Zero { len: *len },
            Bundle::Seed { len, offset, width, scale } => {
                Bundle::Seed { len: *len, offset: *offset, width: *width, scale: *scale * s }
            }
            Bundle::Dense(d) if s == F::one() => Bundle::Dense(d.clone()),
            Bundle::Dense(d) => Bundle::dense(&**d * s),
        }
    }
    fn zero_like(&self) -> Self {
        Bundle::Zero { len: self.len() }
    }
}

macro_rules! scalar_bundles {
    ($($f:ty),*) => {
        $(
            impl HasTangent<Bundle<$f>> for $f {
                type Tangent = Bundle<$f>;
                fn zero_tangent(&self) -> Bundle<$f> {
                    Bundle::Zero { len: 1 }
                }
            }
        )*
    };
}

scalar_bundles!(f32, f64);

impl<F: Elem, R: Dim, C: Dim> HasTangent<Bundle<F>> for OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<R, C>,
{
    type Tangent = Bundle<F>;
    fn zero_tangent(&self) -> Bundle<F> {
        Bundle::Zero { len: self.len() }
    }
}

/// The Hessian of a single argument with `total` elements from the bundle
/// of its gradient: the bundle itself when it is already the whole matrix.
pub fn into_hessian<F: Elem>(bundle: Bundle<F>, total: usize) -> DMatrix<F> {
    match bundle {
        Bundle::Dense(d) if d.shape() == (total, total) => Rc::try_unwrap(d).unwrap_or_else(|d| (*d).clone()),
        other => other.to_dense(total),
    }
}

/// The Jacobian (`rows x total`) of a vector result from its bundle.
pub fn into_jacobian<F: Elem>(bundle: Bundle<F>, rows: usize, total: usize) -> DMatrix<F> {
    match bundle {
        Bundle::Dense(d) if d.shape() == (rows, total) => Rc::try_unwrap(d).unwrap_or_else(|d| (*d).clone()),
        Bundle::Zero { .. } => DMatrix::zeros(rows, total),
        other => other.to_dense(total),
    }
}

/// Writes a bundle of the gradient of one argument (`len x N`) into rows
/// `base ..` of a Hessian.
pub fn write_rows<F: Elem, R: Dim, C: Dim>(matrix: &mut OMatrix<F, R, C>, base: usize, bundle: &Bundle<F>)
where
    DefaultAllocator: Allocator<R, C>,
{
    match bundle {
        Bundle::Zero { .. } => {}
        Bundle::Seed { len, offset, scale, .. } => {
            for k in 0..*len {
                matrix[(base + k, offset + k)] = *scale;
            }
        }
        Bundle::Dense(d) => matrix.view_mut((base, 0), d.shape()).copy_from(&**d),
    }
}
