//! Sparse Hessians: the lower triangle of a banded Hessian in compressed sparse column order.

use crate::{Directions, Scalar};

/// The lower triangle of a symmetric n x n Hessian in coordinate form, in
/// compressed sparse column (CSC) order: column by column, and within a
/// column by increasing row, every stored entry with `rows[p] >= cols[p]`.
/// Entries that are not stored are zero; a stored entry may be zero too.
///
/// `f_hessian_sparse` returns one for a function whose band the macro
/// read from its loops; the pattern (`n`, `rows`, `cols`) depends only on
/// the number of inputs, so `f_hessian_sparse_into` refills just `values`
/// for new inputs of the same length.
#[derive(Clone, Debug, PartialEq)]
pub struct SparseHessian<F> {
    /// The number of inputs (rows and columns).
    pub n: usize,
    /// The row of each stored entry.
    pub rows: Vec<usize>,
    /// The column of each stored entry (nondecreasing).
    pub cols: Vec<usize>,
    /// The value of each stored entry.
    pub values: Vec<F>,
}

/// How many entries the lower triangle of an n x n band of bandwidth
/// `bandwidth` has.
pub fn banded_len(n: usize, bandwidth: usize) -> usize {
    // Column c holds min(b + 1, n - c) entries: the first n - b columns
    // b + 1 each, the last b (or all, when n <= b) 1 + 2 + ... fewer.
    let short = n.min(bandwidth);
    (n - short) * (bandwidth + 1) + short * (short + 1) / 2
}

impl<F: Scalar> SparseHessian<F> {
    /// The pattern of the lower triangle of an n x n band of bandwidth
    /// `bandwidth` (the entries `(j, k)` with `k <= j <= k + bandwidth`),
    /// with zero values.
    pub fn banded(n: usize, bandwidth: usize) -> Self {
        let len = banded_len(n, bandwidth);
        let (mut rows, mut cols) = (Vec::with_capacity(len), Vec::with_capacity(len));
        for column in 0..n {
            for row in column..(column + bandwidth + 1).min(n) {
                rows.push(row);
                cols.push(column);
            }
        }
        SparseHessian { n, rows, cols, values: vec![F::zero(); len] }
    }

    /// The CSC column pointers: the entries of column `c` are at positions
    /// `pointers[c]..pointers[c + 1]`; `pointers[n]` is the number of
    /// stored entries.
    pub fn column_pointers(&self) -> Vec<usize> {
        let mut pointers = vec![0; self.n + 1];
        for &column in &self.cols {
            pointers[column + 1] += 1;
        }
        for c in 0..self.n {
            pointers[c + 1] += pointers[c];
        }
        pointers
    }

    /// The whole symmetric matrix, as rows.
    pub fn to_dense(&self) -> Vec<Vec<F>> {
        let mut dense = vec![vec![F::zero(); self.n]; self.n];
        for ((&row, &column), &value) in self.rows.iter().zip(&self.cols).zip(&self.values) {
            dense[row][column] = value;
            dense[column][row] = value;
        }
        dense
    }
}

/// The buffers of `f_hessian_sparse_into`'s sweep, kept by the caller
/// between calls so that refilling the values allocates nothing: the
/// seeds of the `W` directions (element j in direction j mod W), the
/// gradient and its tangents, one entry per input.
///
/// Start from `SparseHessianWorkspace::default()` (or [`Self::new`]); the
/// first call sizes it for its inputs, and later calls with as many inputs
/// reuse it as it is (another length sizes it again, which allocates).
#[derive(Clone, Debug)]
pub struct SparseHessianWorkspace<F, const W: usize> {
    seeds: Vec<[F; W]>,
    gradient: Vec<F>,
    tangents: Vec<[F; W]>,
}

impl<F, const W: usize> Default for SparseHessianWorkspace<F, W> {
    fn default() -> Self {
        SparseHessianWorkspace { seeds: Vec::new(), gradient: Vec::new(), tangents: Vec::new() }
    }
}

impl<F: Scalar, const W: usize> SparseHessianWorkspace<F, W>
where
    [F; W]: Directions<F>,
{
    /// A workspace sized for `n` inputs.
    pub fn new(n: usize) -> Self {
        let mut workspace = Self::default();
        workspace.resize(n);
        workspace
    }

    fn resize(&mut self, n: usize) {
        if self.seeds.len() != n {
            self.seeds.clear();
            self.seeds.extend((0..n).map(|j| <[F; W]>::unit(j % W)));
            self.gradient.resize(n, F::zero());
            self.tangents.resize(n, <[F; W]>::zero());
        }
    }

    /// The columns of the band for `n` inputs, `B` entries each (the
    /// bandwidth plus one, at most `W`), zero: where the loops of element
    /// Hessians add each iteration's small Hessian (entry `d` of column `c`
    /// is `H[c + d][c]`; see `fill_band_columns`). They are laid out one
    /// after another at the start of the tangents' buffer (which that
    /// method does not use), so that the full columns are copied into the
    /// values in one piece.
    #[doc(hidden)]
    #[inline]
    pub fn element_columns<const B: usize>(&mut self, n: usize) -> &mut [[F; B]] {
        assert!(B <= W, "a column of the band is wider than the workspace's");
        if self.tangents.len() < n {
            self.tangents.resize(n, <[F; W]>::zero());
        }
        let columns = &mut self.tangents.as_flattened_mut()[..n * B];
        columns.fill(F::zero());
        // SAFETY: `columns` holds `n * B` initialised `F`s, one after
        // another, and `[F; B]` is `B` of them laid out the same way with
        // the same alignment; the result borrows `self` as `columns` did.
        unsafe { core::slice::from_raw_parts_mut(columns.as_mut_ptr().cast::<[F; B]>(), n) }
    }

    /// The seeds, the gradient's buffer and its tangents' buffer for `n`
    /// inputs (what the generated sweep borrows).
    #[doc(hidden)]
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn buffers(&mut self, n: usize) -> (&[[F; W]], &mut [F], &mut [[F; W]]) {
        self.resize(n);
        (&self.seeds, &mut self.gradient, &mut self.tangents)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tridiagonal_pattern_in_column_order() {
        let h = SparseHessian::<f64>::banded(3, 1);
        assert_eq!(h.rows, vec![0, 1, 1, 2, 2]);
        assert_eq!(h.cols, vec![0, 0, 1, 1, 2]);
        assert_eq!(h.column_pointers(), vec![0, 2, 4, 5]);
        assert_eq!(banded_len(3, 1), 5);
    }

    #[test]
    fn a_band_wider_than_the_matrix_is_the_whole_lower_triangle() {
        assert_eq!(banded_len(3, 8), 6);
        assert_eq!(banded_len(0, 2), 0);
        for n in 0..12 {
            for bandwidth in 0..6 {
                let counted: usize = (0..n).map(|column| (bandwidth + 1).min(n - column)).sum();
                assert_eq!(banded_len(n, bandwidth), counted, "n = {n}, bandwidth = {bandwidth}");
            }
        }
        assert_eq!(SparseHessian::<f32>::banded(0, 2).column_pointers(), vec![0]);
    }
}
