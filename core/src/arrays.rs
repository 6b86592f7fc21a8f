//! Arrays, slices and vectors of floats: their cotangents and tangents, and
//! the element-wise accumulation that generated code does on them.
//!
//! The cotangent of an array has its shape: `[F; N]` for `[F; N]`, a
//! `Vec<F>` for a slice or a `Vec`. Its tangent along a bundle of directions
//! `D` holds one bundle per element: `[D; N]` or `Vec<D>`. Generated code
//! accumulates into these in place (`x_bar[i] += c`), which is what keeps
//! the reverse sweep of a loop over `n` elements O(n).

use crate::support::{HasTangent, Primal};
use crate::{Directions, Linear, Scalar};

impl<F: Scalar> Primal for [F] {
    type Cotangent = Vec<F>;
    #[inline]
    fn zero_cotangent(&self) -> Vec<F> {
        vec![F::zero(); self.len()]
    }
}

impl<F: Scalar> Primal for Vec<F> {
    type Cotangent = Vec<F>;
    #[inline]
    fn zero_cotangent(&self) -> Vec<F> {
        vec![F::zero(); self.len()]
    }
}

impl<F: Scalar, const N: usize> Primal for [F; N] {
    type Cotangent = [F; N];
    #[inline(always)]
    fn zero_cotangent(&self) -> [F; N] {
        [F::zero(); N]
    }
}

impl<T: Primal + ?Sized> Primal for &T {
    type Cotangent = T::Cotangent;
    #[inline(always)]
    fn zero_cotangent(&self) -> T::Cotangent {
        (**self).zero_cotangent()
    }
}

impl<F: Scalar, D: Directions<F>> HasTangent<D> for [F] {
    type Tangent = Vec<D>;
    #[inline]
    fn zero_tangent(&self) -> Vec<D> {
        vec![D::zero(); self.len()]
    }
}

impl<F: Scalar, D: Directions<F>> HasTangent<D> for Vec<F> {
    type Tangent = Vec<D>;
    #[inline]
    fn zero_tangent(&self) -> Vec<D> {
        vec![D::zero(); self.len()]
    }
}

impl<F: Scalar, D: Directions<F>, const N: usize> HasTangent<D> for [F; N] {
    type Tangent = [D; N];
    #[inline(always)]
    fn zero_tangent(&self) -> [D; N] {
        [D::zero(); N]
    }
}

impl<D, T: HasTangent<D> + ?Sized> HasTangent<D> for &T {
    type Tangent = T::Tangent;
    #[inline(always)]
    fn zero_tangent(&self) -> T::Tangent {
        (**self).zero_tangent()
    }
}

impl<F, T: Linear<F>> Linear<F> for Vec<T>
where
    F: Copy,
{
    fn add(&self, other: &Self) -> Self {
        self.iter().zip(other).map(|(a, b)| a.add(b)).collect()
    }
    fn sub(&self, other: &Self) -> Self {
        self.iter().zip(other).map(|(a, b)| a.sub(b)).collect()
    }
    fn neg(&self) -> Self {
        self.iter().map(Linear::neg).collect()
    }
    fn scale(&self, s: F) -> Self {
        self.iter().map(|a| a.scale(s)).collect()
    }
    fn zero_like(&self) -> Self {
        self.iter().map(Linear::zero_like).collect()
    }
}

/// `buffer[index] += value`.
///
/// The read and the write are volatile so that the compiler does not fuse
/// the updates of neighbouring slots in one iteration into one wide
/// access: the next iteration of a reverse loop reads one of those slots
/// again, and a wide store that a narrower, offset load partly overlaps
/// cannot be forwarded, which stalls the loop (it made the gradient of the
/// Rosenbrock function five times slower).
#[inline(always)]
pub fn add_at<F, T: Linear<F>>(buffer: &mut [T], index: usize, value: &T) {
    let slot: *mut T = &mut buffer[index];
    // SAFETY: `slot` points into `buffer`, which is borrowed mutably for
    // this call, and is valid and aligned for `T`.
    unsafe {
        let old = core::ptr::read_volatile(slot);
        core::ptr::write_volatile(slot, old.add(value));
    }
}

/// Where a reverse sweep writes the cotangent of a slice or `Vec` argument:
/// a `Vec` it allocates (`f_grad`), or a slice the caller owns
/// (`f_grad_into`), which makes a gradient allocate nothing.
pub trait CotangentStorage<F>: core::ops::DerefMut<Target = [F]> {
    /// The storage holding `len` zeros.
    fn zeroed(self, len: usize) -> Self;
}

impl<F: Scalar> CotangentStorage<F> for Vec<F> {
    #[inline]
    fn zeroed(mut self, len: usize) -> Self {
        if self.capacity() == 0 {
            // `vec!` of a zero asks the allocator for zeroed memory.
            return vec![F::zero(); len];
        }
        self.clear();
        self.resize(len, F::zero());
        self
    }
}

impl<F: Scalar> CotangentStorage<F> for &mut [F] {
    #[inline]
    fn zeroed(self, len: usize) -> Self {
        assert!(
            self.len() == len,
            "the gradient buffer has {} elements, but its argument has {len}: give it one per element of the argument",
            self.len()
        );
        self.fill(F::zero());
        self
    }
}

/// Where the forward-over-reverse sweep writes the tangent of the
/// cotangent of a slice or `Vec` argument (one bundle of directions per
/// element): a `Vec` it allocates, or a slice the caller owns
/// (`f_hessian_sparse_into`'s workspace), the counterpart of
/// [`CotangentStorage`] one order up.
pub trait TangentStorage<F, D>: core::ops::DerefMut<Target = [D]> + TangentCopy<Owned = Vec<D>> {
    /// The storage holding `len` zero bundles.
    fn zeroed(self, len: usize) -> Self;
}

impl<F: Scalar, D: Directions<F>> TangentStorage<F, D> for Vec<D> {
    #[inline]
    fn zeroed(mut self, len: usize) -> Self {
        if self.capacity() == 0 {
            return vec![D::zero(); len];
        }
        self.clear();
        self.resize(len, D::zero());
        self
    }
}

impl<F: Scalar, D: Directions<F>> TangentStorage<F, D> for &mut [D] {
    #[inline]
    fn zeroed(self, len: usize) -> Self {
        assert_eq!(self.len(), len, "the tangent buffer has the wrong length");
        self.fill(D::zero());
        self
    }
}

/// A copy of an array's tangents (`copy_dot` of the user's `let copy =
/// v.clone();`), whatever holds them: a parameter's tangents may be a
/// buffer the caller lends ([`TangentStorage`]), which is not `Clone`.
pub trait TangentCopy {
    type Owned;
    fn tangent_copy(&self) -> Self::Owned;
}

impl<D: Clone> TangentCopy for Vec<D> {
    type Owned = Vec<D>;
    #[inline]
    fn tangent_copy(&self) -> Vec<D> {
        self.clone()
    }
}

impl<D: Clone> TangentCopy for &mut [D] {
    type Owned = Vec<D>;
    #[inline]
    fn tangent_copy(&self) -> Vec<D> {
        self.to_vec()
    }
}

impl<D: Clone> TangentCopy for &[D] {
    type Owned = Vec<D>;
    #[inline]
    fn tangent_copy(&self) -> Vec<D> {
        self.to_vec()
    }
}

impl<D: Copy, const N: usize> TangentCopy for [D; N] {
    type Owned = [D; N];
    #[inline]
    fn tangent_copy(&self) -> [D; N] {
        *self
    }
}

/// The zero of `buffer`'s elements: the initial value of the slots of a
/// reverse loop's window on it.
///
/// A window holds the cotangent updates that a loop running its index down
/// makes to the entries `index + lo ..= index + hi` of a buffer, in one
/// local per entry, until no later iteration adds to them; then each entry
/// is written once ([`add_once`]). A loop that scatters (`x_bar[i] += a;
/// x_bar[i + 1] += b`) instead reads in each iteration what the one before
/// it wrote, a store-to-load dependency that keeps it from being
/// vectorised. The sums are formed in the order the scattered updates
/// would have made them. The slots are separate locals, not an array: a
/// shifted array is copied through memory, locals stay in registers.
#[inline(always)]
pub fn zero_element<F, T: Directions<F>>(buffer: &[T]) -> T {
    let _ = buffer;
    T::zero()
}

/// The `len` elements of `buffer` from `start + offset` on: what a loop
/// over `start..start + len` reads as `buffer[i + offset]`. Its length is
/// exactly `len`, so that an index below `len` needs no bounds check in
/// the loop (the optimiser can then vectorise it).
///
/// # Panics
///
/// If `len > 0` and those elements are not all in `buffer` (the loop would
/// have read out of bounds); with `len == 0` never, whatever the start.
#[inline(always)]
pub fn loop_view<T>(buffer: &[T], start: usize, offset: isize, len: usize) -> &[T] {
    let first = start.wrapping_add_signed(offset).min(buffer.len());
    &buffer[first..][..len]
}

/// [`loop_view`] of a buffer the loop writes.
#[inline(always)]
pub fn loop_view_mut<T>(buffer: &mut [T], start: usize, offset: isize, len: usize) -> &mut [T] {
    let first = start.wrapping_add_signed(offset).min(buffer.len());
    &mut buffer[first..][..len]
}

/// `buffer[index] += value`, for an entry that a loop writes once (see
/// [`zero_element`]); `add_at` is for entries it updates again.
#[inline(always)]
pub fn add_once<F, T: Linear<F>>(buffer: &mut [T], index: usize, value: &T) {
    buffer[index] = buffer[index].add(value);
}

/// `buffer[index]`, leaving zero in its place (the cotangent of a value
/// that an assignment overwrote).
#[inline(always)]
pub fn take_at<F, T: Linear<F>>(buffer: &mut [T], index: usize) -> T {
    let slot = &mut buffer[index];
    let value = slot.clone();
    *slot = slot.zero_like();
    value
}

/// `buffer[index]`.
#[inline(always)]
pub fn read_at<T: Clone>(buffer: &[T], index: usize) -> T {
    buffer[index].clone()
}

/// `buffer[index] = value`.
#[inline(always)]
pub fn write_at<T>(buffer: &mut [T], index: usize, value: T) {
    buffer[index] = value;
}

/// `buffer += values`, element by element.
#[inline]
pub fn add_all<F, T: Linear<F>>(buffer: &mut [T], values: &[T]) {
    for (slot, value) in buffer.iter_mut().zip(values) {
        *slot = slot.add(value);
    }
}

/// The sum of the elements (the cotangent of a value copied into every
/// element, as in `vec![x; n]`).
#[inline]
pub fn sum_all<F, T: Linear<F>>(values: &[T], zero: T) -> T {
    values.iter().fold(zero, |sum, v| sum.add(v))
}

/// The seed of element `global` of the inputs for the Hessian sweep whose
/// directions are inputs `first .. first + D::COUNT`: a unit direction
/// inside that window, zero outside.
#[inline(always)]
pub fn seed<F: Scalar, D: Directions<F>>(global: usize, first: usize) -> D {
    if global >= first && global < first + D::COUNT { D::unit(global - first) } else { D::zero() }
}

/// The tangent seeds of an input slice of `len` elements that starts at
/// position `base` of the flattened inputs.
#[inline]
pub fn seed_vec<F: Scalar, D: Directions<F>>(len: usize, base: usize, first: usize) -> Vec<D> {
    (0..len).map(|j| seed::<F, D>(base + j, first)).collect()
}

/// The tangent seeds of an input array of `N` elements that starts at
/// position `base` of the flattened inputs.
#[inline(always)]
pub fn seed_array<F: Scalar, D: Directions<F>, const N: usize>(base: usize, first: usize) -> [D; N] {
    core::array::from_fn(|j| seed::<F, D>(base + j, first))
}

/// Writes the directions of `dot` into `row` from column `first` on (the
/// part of a Hessian row that one sweep computes).
#[inline]
pub fn scatter_row<F: Scalar, D: Directions<F>>(row: &mut [F], first: usize, dot: &D) {
    for d in 0..D::COUNT {
        if first + d < row.len() {
            row[first + d] = dot.get(d);
        }
    }
}

/// [`scatter_row`] for consecutive rows, one per element of `dots`.
#[inline]
pub fn scatter_rows<F: Scalar, D: Directions<F>, R: AsMut<[F]>>(rows: &mut [R], first: usize, dots: &[D]) {
    for (row, dot) in rows.iter_mut().zip(dots) {
        scatter_row(row.as_mut(), first, dot);
    }
}

/// The tangent seeds of an input slice of `len` elements for a banded
/// Hessian of bandwidth b in one sweep of `D::COUNT` = 2b + 1 directions:
/// element j in direction j mod (2b + 1). Two elements of one direction are
/// at least 2b + 1 apart, so no row of the Hessian has a nonzero in both,
/// and the tangent of row j's gradient holds in direction k mod (2b + 1)
/// exactly `H[j][k]`, for every k within b of j ([`scatter_band`]).
#[inline]
pub fn seed_band_vec<F: Scalar, D: Directions<F>>(len: usize) -> Vec<D> {
    (0..len).map(|j| D::unit(j % D::COUNT)).collect()
}

/// [`seed_band_vec`] for an input array of `N` elements.
#[inline(always)]
pub fn seed_band_array<F: Scalar, D: Directions<F>, const N: usize>() -> [D; N] {
    core::array::from_fn(|j| D::unit(j % D::COUNT))
}

/// Writes the band of a Hessian of bandwidth `bandwidth` into `rows` from
/// the tangents `dots` of the gradient of one sweep seeded by
/// [`seed_band_vec`]: `rows[j][k]` for `|j - k| <= bandwidth`. The entries
/// off the band are left as they are (zero in a new matrix).
#[inline]
pub fn scatter_band<F: Scalar, D: Directions<F>, R: AsMut<[F]>>(rows: &mut [R], bandwidth: usize, dots: &[D]) {
    debug_assert_eq!(D::COUNT, 2 * bandwidth + 1);
    let n = dots.len();
    for (j, (row, dot)) in rows.iter_mut().zip(dots).enumerate() {
        let first = j.saturating_sub(bandwidth);
        let end = (j + bandwidth + 1).min(n);
        for (k, entry) in (first..).zip(&mut row.as_mut()[first..end]) {
            *entry = dot.get(k % D::COUNT);
        }
    }
}

/// A tangent row of an element Hessian placed in one column of the band:
/// `row[slot]` (the second derivative in the element the row belongs to and
/// the one seeded in local direction `slot`) at entry `at` of the column,
/// zeros elsewhere (see [`fill_band_columns`]).
#[inline(always)]
pub fn band_lane<F: Scalar, const W: usize, const K: usize>(row: &[F; K], slot: usize, at: usize) -> [F; W] {
    let mut lane = [F::zero(); W];
    lane[at] = row[slot];
    lane
}

/// Writes the lower triangle of the band from `columns`, where entry `d` of
/// `columns[c]` holds `H[c + d][c]` (what the loops of element Hessians
/// accumulate), into `values` in the order of
/// [`crate::sparse::SparseHessian::banded`].
///
/// # Panics
///
/// If `values` does not have one entry per stored entry of that pattern
/// ([`crate::sparse::banded_len`]).
#[inline]
pub fn fill_band_columns<F: Scalar, const W: usize>(values: &mut [F], bandwidth: usize, columns: &[[F; W]]) {
    let n = columns.len();
    assert_eq!(
        values.len(),
        crate::sparse::banded_len(n, bandwidth),
        "the values of a banded Hessian of {n} inputs and bandwidth {bandwidth} have the wrong length: take it from the pattern (`f_hessian_sparse`)"
    );
    let width = bandwidth + 1;
    assert!(width <= W, "a column of the band is wider than its storage");
    let full = n.saturating_sub(bandwidth);
    let (head, tail) = values.split_at_mut(full * width);
    if W == width {
        // Columns of exactly the band's width: the full ones are laid out
        // as the values are.
        head.copy_from_slice(columns[..full].as_flattened());
    } else {
        for (column, slots) in columns.iter().zip(head.chunks_exact_mut(width)) {
            slots.copy_from_slice(&column[..width]);
        }
    }
    // The last columns (all of them when n <= b), shorter.
    let mut slots = tail.iter_mut();
    for (c, column) in columns.iter().enumerate().skip(full) {
        for (value, slot) in column[..n - c].iter().zip(slots.by_ref()) {
            *slot = *value;
        }
    }
}

/// Writes the band from `values`, the lower triangle in the order of
/// [`crate::sparse::SparseHessian::banded`], into the rows of a dense
/// symmetric matrix whose entries off the band are zero.
#[inline]
pub fn scatter_band_values<F: Scalar, R: AsMut<[F]>>(rows: &mut [R], bandwidth: usize, values: &[F]) {
    let n = rows.len();
    let mut values = values.iter();
    for c in 0..n {
        for (d, value) in (0..(bandwidth + 1).min(n - c)).zip(values.by_ref()) {
            rows[c + d].as_mut()[c] = *value;
            rows[c].as_mut()[c + d] = *value;
        }
    }
}

/// Writes the lower triangle of the band, from the tangents of one sweep
/// seeded by [`seed_band_vec`], into `values` in the order of
/// [`crate::sparse::SparseHessian::banded`]: column by column, each from
/// the diagonal down.
///
/// # Panics
///
/// If `values` does not have one entry per stored entry of that pattern
/// ([`crate::sparse::banded_len`]).
#[inline]
pub fn fill_band_values<F: Scalar, D: Directions<F>>(values: &mut [F], bandwidth: usize, dots: &[D]) {
    debug_assert_eq!(D::COUNT, 2 * bandwidth + 1);
    let n = dots.len();
    assert_eq!(
        values.len(),
        crate::sparse::banded_len(n, bandwidth),
        "the values of a banded Hessian of {n} inputs and bandwidth {bandwidth} have the wrong length: take it from the pattern (`f_hessian_sparse`)"
    );
    // The first n - b columns hold b + 1 entries each, from a window of
    // `dots`; the direction of column c, c mod (2b + 1), counted along.
    let width = bandwidth + 1;
    let full = n.saturating_sub(bandwidth);
    let (head, tail) = values.split_at_mut(full * width);
    let mut direction = 0;
    for (window, column) in dots.windows(width).zip(head.chunks_exact_mut(width)) {
        for (dot, slot) in window.iter().zip(column) {
            *slot = dot.get(direction);
        }
        direction += 1;
        if direction == D::COUNT {
            direction = 0;
        }
    }
    // The last columns (all of them when n <= b), shorter.
    let mut slots = tail.iter_mut();
    for column in full..n {
        let direction = column % D::COUNT;
        // `dots` first: a zip stops without taking a slot it has no value for.
        for (dot, slot) in dots[column..].iter().zip(slots.by_ref()) {
            *slot = dot.get(direction);
        }
    }
}
