//! Matrix products with a transposed factor, and scaled products, through
//! nalgebra's `gemm` on views.
//!
//! nalgebra's `tr_mul` takes one dot product per entry of the result, and
//! `a * b.transpose()` copies `b` before multiplying. For dynamic sizes past
//! nalgebra's threshold its `gemm` hands the operands' strides to
//! matrixmultiply's packed kernel, so a transposed factor costs nothing as a
//! view with its strides swapped, and a scale factor rides along as `alpha`.
//! Below that threshold, for vectors and for static sizes (which must not
//! allocate), the products are nalgebra's own, as before.

use nalgebra::allocator::Allocator;
use nalgebra::{DMatrix, DMatrixView, DefaultAllocator, Dim, Dyn, MatrixView, OMatrix};

use crate::matrix::Elem;

/// nalgebra's own threshold (`SMALL_DIM` in its `gemm`): past it in every
/// dimension, and with a dynamic dimension, `gemm` calls the packed kernel.
const SMALL_DIM: usize = 5;

/// Whether `gemm` of an `r x k` by `k x c` product takes the packed kernel.
fn packed<R: Dim, K: Dim, C: Dim>(r: usize, k: usize, c: usize) -> bool {
    (R::is::<Dyn>() || K::is::<Dyn>() || C::is::<Dyn>()) && r > SMALL_DIM && k > SMALL_DIM && c > SMALL_DIM
}

/// `a'` as a view of `a`'s storage (column-major, contiguous) with the
/// strides swapped.
fn transposed<F: Elem, R: Dim, C: Dim>(a: &OMatrix<F, R, C>) -> MatrixView<'_, F, C, R, Dyn, Dyn>
where
    DefaultAllocator: Allocator<R, C>,
{
    let (rows, cols) = a.shape_generic();
    MatrixView::from_slice_with_strides_generic(a.as_slice(), cols, rows, Dyn(rows.value()), Dyn(1))
}

fn scaled<F: Elem, R: Dim, C: Dim>(mut m: OMatrix<F, R, C>, s: F) -> OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<R, C>,
{
    if s != F::one() {
        m *= s;
    }
    m
}

/// `s a' b`, with `a: k x r` and `b: k x c`.
#[inline]
pub fn tr_mul<F: Elem, K: Dim, R: Dim, C: Dim>(s: F, a: &OMatrix<F, K, R>, b: &OMatrix<F, K, C>) -> OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<K, R> + Allocator<K, C> + Allocator<R, C>,
{
    let (k, r) = a.shape();
    if packed::<R, K, C>(r, k, b.ncols()) {
        let mut out = crate::pool::zeros_generic(a.shape_generic().1, b.shape_generic().1);
        out.gemm(s, &transposed(a), b, F::zero());
        out
    } else {
        // One dot product per entry, as `a.tr_mul(b)`.
        match crate::pool::pooled_zeros(a.shape_generic().1, b.shape_generic().1) {
            Some(mut out) => {
                out.gemm_tr(s, a, b, F::zero());
                out
            }
            None => scaled(a.tr_mul(b), s),
        }
    }
}

/// `s a b'`, with `a: r x k` and `b: c x k`.
#[inline]
pub fn mul_tr<F: Elem, R: Dim, K: Dim, C: Dim>(s: F, a: &OMatrix<F, R, K>, b: &OMatrix<F, C, K>) -> OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<R, K> + Allocator<C, K> + Allocator<K, C> + Allocator<R, C>,
{
    let (r, k) = a.shape();
    if packed::<R, K, C>(r, k, b.nrows()) {
        let mut out = crate::pool::zeros_generic(a.shape_generic().0, b.shape_generic().0);
        out.gemm(s, a, &transposed(b), F::zero());
        out
    } else {
        match crate::pool::pooled_zeros(a.shape_generic().0, b.shape_generic().0) {
            // nalgebra's own loops over `b'` as a view: no copy of `b`.
            Some(mut out) => {
                out.gemm(s, a, &transposed(b), F::zero());
                out
            }
            None => scaled(a * b.transpose(), s),
        }
    }
}

/// `s a b`, with the scale inside the product.
#[inline]
pub fn mul<F: Elem, R: Dim, K: Dim, C: Dim>(s: F, a: &OMatrix<F, R, K>, b: &OMatrix<F, K, C>) -> OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<R, K> + Allocator<K, C> + Allocator<R, C>,
{
    let (r, k) = a.shape();
    if packed::<R, K, C>(r, k, b.ncols()) {
        let mut out = crate::pool::zeros_generic(a.shape_generic().0, b.shape_generic().1);
        out.gemm(s, a, b, F::zero());
        out
    } else {
        match crate::pool::pooled_zeros(a.shape_generic().0, b.shape_generic().1) {
            // nalgebra's `a * b` is this `gemm` (a `gemv` per column).
            Some(mut out) => {
                out.gemm(s, a, b, F::zero());
                out
            }
            None => scaled(a * b, s),
        }
    }
}

/// `acc + a' b`, with `a: k x r` and `b: k x c`, written into `acc`: a
/// pullback accumulated into the running sum of cotangents without a
/// temporary.
#[inline]
pub fn tr_mul_add<F: Elem, K: Dim, R: Dim, C: Dim>(
    mut acc: OMatrix<F, R, C>,
    a: &OMatrix<F, K, R>,
    b: &OMatrix<F, K, C>,
) -> OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<K, R> + Allocator<K, C> + Allocator<R, C>,
{
    let (k, r) = a.shape();
    if packed::<R, K, C>(r, k, b.ncols()) {
        acc.gemm(F::one(), &transposed(a), b, F::one());
    } else {
        // One `gemv_tr` per column: no temporary, static sizes included.
        acc.gemm_tr(F::one(), a, b, F::one());
    }
    acc
}

/// `acc + a b'`, with `a: r x k` and `b: c x k`, written into `acc`.
#[inline]
pub fn mul_tr_add<F: Elem, R: Dim, K: Dim, C: Dim>(
    mut acc: OMatrix<F, R, C>,
    a: &OMatrix<F, R, K>,
    b: &OMatrix<F, C, K>,
) -> OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<R, K> + Allocator<C, K> + Allocator<K, C> + Allocator<R, C>,
{
    let (r, k) = a.shape();
    if packed::<R, K, C>(r, k, b.nrows()) {
        acc.gemm(F::one(), a, &transposed(b), F::one());
    } else {
        acc.gemm(F::one(), a, &b.transpose(), F::one());
    }
    acc
}

/// `out = base + s a'` for `a: cols x rows` and `out`, `base`: `rows x
/// cols`, all column-major, where `base` is `out` itself when `None`. The
/// Hessian of x'Ax, A + A', is this with the copy of A as `base`.
///
/// One pass over square tiles (so that the strided side stays in cache),
/// each in blocks of 4 x 4 read from four contiguous runs of `a` and added
/// to four contiguous runs of `out`: about 1.5 times as fast as reading `a`
/// with a stride element by element.
pub fn add_transpose<F: Elem>(out: &mut [F], base: Option<&[F]>, a: &[F], rows: usize, cols: usize, s: F) {
    const TILE: usize = 32;
    const B: usize = 4;
    assert!(
        out.len() == rows * cols && a.len() == rows * cols && base.is_none_or(|b| b.len() == out.len()),
        "add_transpose: the operands are not rows x cols and cols x rows"
    );
    if let Some(base) = base {
        out.copy_from_slice(base);
    }
    // out[i + j rows] += s a[j + i cols], for i < rows, j < cols.
    let (full_rows, full_cols) = (rows - rows % B, cols - cols % B);
    for jb in (0..cols).step_by(TILE) {
        let je = (jb + TILE).min(cols);
        for ib in (0..rows).step_by(TILE) {
            let ie = (ib + TILE).min(rows);
            let mut j = jb;
            while j < je {
                if j + B > je || j >= full_cols {
                    for i in ib..ie {
                        out[j * rows + i] += s * a[j + i * cols];
                    }
                    j += 1;
                    continue;
                }
                let mut i = ib;
                while i < ie {
                    if i + B > ie || i >= full_rows {
                        for q in 0..B {
                            out[(j + q) * rows + i] += s * a[(j + q) + i * cols];
                        }
                        i += 1;
                        continue;
                    }
                    let mut block = [[F::zero(); B]; B];
                    for (p, run) in block.iter_mut().enumerate() {
                        run.copy_from_slice(&a[j + (i + p) * cols..][..B]);
                    }
                    for q in 0..B {
                        let column = &mut out[(j + q) * rows + i..][..B];
                        for (p, o) in column.iter_mut().enumerate() {
                            *o += s * block[p][q];
                        }
                    }
                    i += B;
                }
                j += B;
            }
        }
    }
}

/// `a' b` for `a: k x r` and `b: k x c` stored column-major in slices: the
/// products of the bundles of [`crate::bundle`].
pub fn tr_mul_slices<F: Elem>(a: &[F], k: usize, r: usize, b: &[F], c: usize) -> DMatrix<F> {
    let b = DMatrixView::from_slice(b, k, c);
    if packed::<Dyn, Dyn, Dyn>(r, k, c) {
        let at = DMatrixView::from_slice_with_strides(a, r, k, k, 1);
        let mut out = crate::pool::zeros_generic(Dyn(r), Dyn(c));
        out.gemm(F::one(), &at, &b, F::zero());
        out
    } else {
        let a = DMatrixView::from_slice(a, k, r);
        match crate::pool::pooled_zeros(Dyn(r), Dyn(c)) {
            Some(mut out) => {
                out.gemm_tr(F::one(), &a, &b, F::zero());
                out
            }
            None => a.tr_mul(&b),
        }
    }
}

/// `s a'` for `a: rows x cols` stored column-major in a slice, over square
/// tiles so that the strided side of the copy stays in cache.
pub fn transpose_slice<F: Elem>(s: F, a: &[F], rows: usize, cols: usize) -> DMatrix<F> {
    const TILE: usize = 32;
    // Up to this many elements (512 KB of f64) the matrix stays in the
    // second-level cache and nalgebra's plain transpose is faster.
    const CACHED: usize = 256 * 256;
    assert_eq!(a.len(), rows * cols, "transpose_slice: a is not rows x cols");
    if rows * cols <= CACHED {
        let a = DMatrixView::from_slice(a, rows, cols);
        let mut out = match crate::pool::pooled_zeros(Dyn(cols), Dyn(rows)) {
            Some(mut out) => {
                out.tr_copy_from(&a);
                out
            }
            None => a.transpose(),
        };
        if s != F::one() {
            out *= s;
        }
        return out;
    }
    let mut out = crate::pool::zeros_generic(Dyn(cols), Dyn(rows));
    let dst = out.as_mut_slice();
    for jb in (0..cols).step_by(TILE) {
        let je = (jb + TILE).min(cols);
        for ib in (0..rows).step_by(TILE) {
            let ie = (ib + TILE).min(rows);
            for j in jb..je {
                // Column j of `a` (contiguous) is row j of `a'` (strided).
                let column = &a[j * rows + ib..j * rows + ie];
                let row = dst[j + ib * cols..].iter_mut().step_by(cols);
                for (d, &v) in row.zip(column) {
                    *d = v * s;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use nalgebra::{DMatrix, Matrix2x3, Matrix3x2, Matrix3x4};

    use super::*;

    fn matrix(r: usize, c: usize, seed: f64) -> DMatrix<f64> {
        DMatrix::from_fn(r, c, |i, j| ((i * 7 + j * 13) as f64 * 0.37 + seed).sin())
    }

    /// Against the naive triple loop, on both sides of the threshold.
    #[test]
    fn products_with_transposes_are_the_triple_loops() {
        for (r, k, c) in [(2, 3, 4), (7, 9, 8), (40, 17, 23), (1, 30, 30), (30, 30, 1)] {
            let (a, b) = (matrix(r, k, 0.1), matrix(k, c, 0.2));
            let naive = DMatrix::from_fn(r, c, |i, j| (0..k).map(|l| a[(i, l)] * b[(l, j)]).sum::<f64>() * -2.5);
            let at = DMatrix::from_fn(k, r, |i, j| a[(j, i)]);
            let bt = DMatrix::from_fn(c, k, |i, j| b[(j, i)]);
            assert!((tr_mul(-2.5, &at, &b) - &naive).norm() < 1e-12 * (1.0 + naive.norm()));
            assert!((mul_tr(-2.5, &a, &bt) - &naive).norm() < 1e-12 * (1.0 + naive.norm()));
            assert!((mul(-2.5, &a, &b) - &naive).norm() < 1e-12 * (1.0 + naive.norm()));
            assert_eq!(transpose_slice(1.0, a.as_slice(), r, k), a.transpose());
            let unscaled = tr_mul_slices(at.as_slice(), k, r, b.as_slice(), c) * -2.5;
            assert!((unscaled - &naive).norm() < 1e-12 * (1.0 + naive.norm()));
        }
    }

    /// Past the cached size the transpose goes by tiles, with partial tiles
    /// at both edges.
    #[test]
    fn tiled_transpose_is_the_transpose() {
        let a = matrix(301, 259, 0.3);
        assert_eq!(transpose_slice(1.0, a.as_slice(), 301, 259), a.transpose());
        assert_eq!(transpose_slice(-2.0, a.as_slice(), 301, 259), a.transpose() * -2.0);
    }

    /// Against the transpose and the sum written with nalgebra's operators,
    /// in place and into a new matrix, with partial tiles at both edges.
    #[test]
    fn sum_with_a_transpose_is_the_sum() {
        for (rows, cols) in [(1, 1), (3, 5), (37, 37), (70, 33)] {
            let (a, base) = (matrix(cols, rows, 0.1), matrix(rows, cols, 0.2));
            let expected = &base + a.transpose() * -1.5;
            let mut out = base.clone();
            add_transpose(out.as_mut_slice(), None, a.as_slice(), rows, cols, -1.5);
            assert!((&out - &expected).norm() < 1e-13 * (1.0 + expected.norm()));
            let mut out = DMatrix::zeros(rows, cols);
            add_transpose(out.as_mut_slice(), Some(base.as_slice()), a.as_slice(), rows, cols, -1.5);
            assert!((&out - &expected).norm() < 1e-13 * (1.0 + expected.norm()));
        }
    }

    /// The accumulated products against the triple loops plus the sum.
    #[test]
    fn accumulated_products_are_the_sums() {
        for (r, k, c) in [(2, 3, 1), (7, 9, 8), (40, 17, 23), (30, 30, 1)] {
            let (a, b) = (matrix(r, k, 0.1), matrix(k, c, 0.2));
            let naive = DMatrix::from_fn(r, c, |i, j| (0..k).map(|l| a[(i, l)] * b[(l, j)]).sum::<f64>());
            let acc = matrix(r, c, 0.3);
            let expected = &acc + &naive;
            let at = DMatrix::from_fn(k, r, |i, j| a[(j, i)]);
            let bt = DMatrix::from_fn(c, k, |i, j| b[(j, i)]);
            assert!((tr_mul_add(acc.clone(), &at, &b) - &expected).norm() < 1e-12 * (1.0 + expected.norm()));
            assert!((mul_tr_add(acc.clone(), &a, &bt) - &expected).norm() < 1e-12 * (1.0 + expected.norm()));
        }
    }

    #[test]
    fn static_sizes_take_nalgebras_products() {
        let a = Matrix3x2::new(1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
        let b = Matrix3x4::from_fn(|i, j| (i + 2 * j) as f64);
        assert_eq!(tr_mul(2.0, &a, &b), a.transpose() * b * 2.0);
        let c = Matrix2x3::from_fn(|i, j| (3 * i + j) as f64);
        assert_eq!(mul_tr(1.0, &c, &c), c * c.transpose());
    }
}
