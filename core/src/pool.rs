//! Storage the caller keeps for the temporaries of the `_into` functions of
//! nalgebra parameters ([`MatrixWorkspace`]), lent to the rules for the
//! duration of one call.
//!
//! The rules return owned matrices, so a derivative body allocates one per
//! temporary. An `_into` function installs the caller's workspace for the
//! call ([`install`]); the rules then take the storage of the matrices they
//! create from it ([`pooled`] and the functions over it) and the
//! generated code gives a temporary's storage back where it would drop it
//! ([`Recycle`]). The calls of one function take and give in the same order
//! every time, so from the second call on with inputs of the same sizes
//! nothing is allocated. Without an installed workspace (every other
//! generated function) the rules allocate as before. Static sizes live on
//! the stack and never touch the workspace.

use std::cell::Cell;
use std::marker::PhantomData;

use nalgebra::allocator::Allocator;
use nalgebra::{DefaultAllocator, Dim, Matrix, OMatrix, VecStorage};

use crate::bundle::Bundle;
use crate::matrix::Elem;

/// Buffers for the temporaries of the `_into` functions of nalgebra
/// parameters (`f_grad_into`, `f_value_and_grad_into`, `f_hessian_into`).
/// Start from `MatrixWorkspace::default()` and pass the same workspace to
/// every call: after the first call with inputs of given sizes, the
/// following ones allocate nothing. One workspace may serve several
/// functions (it keeps what the largest needs).
#[derive(Debug)]
pub struct MatrixWorkspace<F> {
    free: Vec<Vec<F>>,
    /// The buffers asked for during the current call.
    requests: usize,
    /// The most buffers any call asked for: what the workspace keeps at
    /// most. A rule that allocates its result itself gives one buffer more
    /// than it took, every call; without this bound they would pile up.
    most: usize,
}

impl<F> Default for MatrixWorkspace<F> {
    fn default() -> Self {
        MatrixWorkspace { free: Vec::new(), requests: 0, most: 0 }
    }
}

impl<F> MatrixWorkspace<F> {
    /// An empty workspace (it allocates nothing until a call needs it).
    pub fn new() -> Self {
        Self::default()
    }

    /// The number of buffers kept, and their elements in all.
    pub fn held(&self) -> (usize, usize) {
        (self.free.len(), self.free.iter().map(Vec::capacity).sum())
    }

    /// The smallest buffer that holds `len` elements, or else the largest
    /// (which grows), emptied.
    fn take(&mut self, len: usize) -> Option<Vec<F>> {
        self.requests += 1;
        let fits = self.free.iter().enumerate().filter(|(_, b)| b.capacity() >= len).min_by_key(|(_, b)| b.capacity());
        let index = match fits {
            Some((i, _)) => i,
            None => self.free.iter().enumerate().max_by_key(|(_, b)| b.capacity())?.0,
        };
        let mut buffer = self.free.swap_remove(index);
        buffer.clear();
        Some(buffer)
    }

    /// The end of a call: keeps the largest buffers, as many as the most
    /// any call asked for, and frees the others.
    fn end_call(&mut self) {
        self.most = self.most.max(self.requests);
        self.requests = 0;
        if self.free.len() > self.most {
            self.free.sort_unstable_by_key(|b| std::cmp::Reverse(b.capacity()));
            self.free.truncate(self.most);
        }
    }
}

/// The installed workspace: the name of its float type and its address.
type Current = (&'static str, *mut ());

thread_local! {
    static CURRENT: Cell<Current> = const { Cell::new(("", std::ptr::null_mut())) };
}

/// The workspace lent to the rules while this lives (see [`install`]);
/// dropping it, on return or unwinding, puts back what was installed before.
pub struct Installed<'a, F> {
    previous: Current,
    _workspace: PhantomData<&'a mut MatrixWorkspace<F>>,
}

/// Lends `workspace` to the rules on this thread until the guard is
/// dropped.
pub fn install<F>(workspace: &mut MatrixWorkspace<F>) -> Installed<'_, F> {
    workspace.requests = 0;
    let current = (std::any::type_name::<F>(), (workspace as *mut MatrixWorkspace<F>).cast::<()>());
    let previous = CURRENT.with(|c| c.replace(current));
    Installed { previous, _workspace: PhantomData }
}

impl<F> Drop for Installed<'_, F> {
    fn drop(&mut self) {
        with_installed(MatrixWorkspace::<F>::end_call);
        CURRENT.with(|c| c.set(self.previous));
    }
}

/// `f` of the installed workspace of `F`, if there is one.
fn with_installed<F, T>(f: impl FnOnce(&mut MatrixWorkspace<F>) -> T) -> Option<T> {
    let (name, address) = CURRENT.with(Cell::get);
    if address.is_null() || name != std::any::type_name::<F>() {
        return None;
    }
    // SAFETY: the address is that of a `MatrixWorkspace<F>` (the type name
    // matches) mutably borrowed by the live `Installed` guard that set it,
    // on this thread; the reference does not outlive this call, and nothing
    // called here installs or reads a workspace.
    Some(f(unsafe { &mut *address.cast::<MatrixWorkspace<F>>() }))
}

/// Gives `buffer` to the installed workspace of `F`, or frees it.
pub fn give<F>(buffer: Vec<F>) {
    if buffer.capacity() > 0 {
        let mut buffer = Some(buffer);
        with_installed(|w: &mut MatrixWorkspace<F>| w.free.extend(buffer.take()));
    }
}

/// An `r x c` matrix of the elements of `elements` in storage order (it
/// yields exactly `r c`) in storage from the installed workspace, or `None`
/// when no workspace is installed or both dimensions are static: the caller
/// then computes the matrix as without a workspace (nalgebra's own
/// operations), so that the allocating functions are not slowed down.
#[inline]
pub fn pooled<F: Elem, R: Dim, C: Dim>(r: R, c: C, elements: impl Iterator<Item = F>) -> Option<OMatrix<F, R, C>>
where
    DefaultAllocator: Allocator<R, C>,
{
    if !(R::is::<nalgebra::Dyn>() || C::is::<nalgebra::Dyn>()) {
        return None;
    }
    let mut buffer = with_installed(|w: &mut MatrixWorkspace<F>| w.take(r.value() * c.value())).flatten()?;
    buffer.extend(elements);
    Some(OMatrix::from_vec_generic(r, c, buffer))
}

/// `f` of every element of `m` in pooled storage ([`pooled`]).
#[inline]
pub fn pooled_map<F: Elem, R: Dim, C: Dim>(m: &OMatrix<F, R, C>, mut f: impl FnMut(F) -> F) -> Option<OMatrix<F, R, C>>
where
    DefaultAllocator: Allocator<R, C>,
{
    let (r, c) = m.shape_generic();
    pooled(r, c, m.as_slice().iter().map(|&v| f(v)))
}

/// `f(a_i, b_i)` for matrices of one shape in pooled storage ([`pooled`]).
#[inline]
pub fn pooled_zip_map<F: Elem, R: Dim, C: Dim>(
    a: &OMatrix<F, R, C>,
    b: &OMatrix<F, R, C>,
    mut f: impl FnMut(F, F) -> F,
) -> Option<OMatrix<F, R, C>>
where
    DefaultAllocator: Allocator<R, C>,
{
    assert_eq!(a.shape(), b.shape(), "Matrix sum/difference dimensions mismatch.");
    let (r, c) = a.shape_generic();
    pooled(r, c, a.as_slice().iter().zip(b.as_slice()).map(|(&x, &y)| f(x, y)))
}

/// An `r x c` zero matrix in pooled storage ([`pooled`]).
#[inline]
pub fn pooled_zeros<F: Elem, R: Dim, C: Dim>(r: R, c: C) -> Option<OMatrix<F, R, C>>
where
    DefaultAllocator: Allocator<R, C>,
{
    pooled(r, c, std::iter::repeat_n(F::zero(), r.value() * c.value()))
}

/// An `r x c` zero matrix, pooled ([`pooled`]) or nalgebra's.
#[inline]
pub fn zeros_generic<F: Elem, R: Dim, C: Dim>(r: R, c: C) -> OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<R, C>,
{
    pooled_zeros(r, c).unwrap_or_else(|| OMatrix::zeros_generic(r, c))
}

/// nalgebra's `m.map(f)`, pooled ([`pooled`]).
#[inline]
pub fn map<F: Elem, R: Dim, C: Dim>(m: &OMatrix<F, R, C>, mut f: impl FnMut(F) -> F) -> OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<R, C>,
{
    pooled_map(m, &mut f).unwrap_or_else(|| m.map(f))
}

/// nalgebra's `a.zip_map(b, f)`, pooled ([`pooled`]).
#[inline]
pub fn zip_map<F: Elem, R: Dim, C: Dim>(
    a: &OMatrix<F, R, C>,
    b: &OMatrix<F, R, C>,
    mut f: impl FnMut(F, F) -> F,
) -> OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<R, C>,
{
    pooled_zip_map(a, b, &mut f).unwrap_or_else(|| a.zip_map(b, f))
}

/// nalgebra's `a.zip_zip_map(b, c, f)`, pooled ([`pooled`]).
#[inline]
pub fn zip_zip_map<F: Elem, R: Dim, C: Dim>(
    a: &OMatrix<F, R, C>,
    b: &OMatrix<F, R, C>,
    c: &OMatrix<F, R, C>,
    mut f: impl FnMut(F, F, F) -> F,
) -> OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<R, C>,
{
    assert!(a.shape() == b.shape() && a.shape() == c.shape(), "Dimension mismatch.");
    let (r, cols) = a.shape_generic();
    let elements = a.as_slice().iter().zip(b.as_slice()).zip(c.as_slice()).map(|((&x, &y), &z)| f(x, y, z));
    match pooled(r, cols, elements) {
        Some(m) => m,
        None => a.zip_zip_map(b, c, f),
    }
}

/// A value the generated code is done with: `Recycle(v).recycle()` gives
/// its storage to the installed workspace when it is a matrix with a
/// dynamic dimension or a bundle, and drops it otherwise.
pub struct Recycle<T>(pub T);

impl<F, R: Dim, C: Dim> Recycle<Matrix<F, R, C, VecStorage<F, R, C>>> {
    #[inline]
    pub fn recycle(self) {
        give(Vec::from(self.0.data));
    }
}

impl<F: Elem> Recycle<Bundle<F>> {
    #[inline]
    pub fn recycle(self) {
        if let Bundle::Dense(d) = self.0 {
            if let Ok(d) = std::rc::Rc::try_unwrap(d) {
                give(Vec::from(d.data));
            }
        }
    }
}

/// What [`Recycle`] does with any other value: drop it.
pub trait RecycleOther {
    fn recycle(self);
}

impl<T> RecycleOther for Recycle<T> {
    #[inline]
    fn recycle(self) {}
}

/// Panics unless the caller's output `name` of an `_into` function has
/// the shape it must have (`what` says which).
#[track_caller]
#[inline]
pub fn check_output_shape(name: &str, shape: (usize, usize), expected: (usize, usize), what: &str) {
    if shape != expected {
        panic!("`{name}` is {} x {} but must be {} x {}, {what}", shape.0, shape.1, expected.0, expected.1);
    }
}

/// The caller's output `m` of an `_into` function, replaced by a matrix
/// without elements (which holds no storage) when a dimension is dynamic:
/// its storage then goes to the workspace ([`Recycle`]) for the call's
/// temporaries and result. `None` for static sizes.
#[inline]
pub fn emptied<F: Elem, R: Dim, C: Dim>(m: &mut OMatrix<F, R, C>) -> Option<OMatrix<F, R, C>>
where
    DefaultAllocator: Allocator<R, C>,
{
    let (r, c) = m.shape_generic();
    let (dynamic_r, dynamic_c) = (R::is::<nalgebra::Dyn>(), C::is::<nalgebra::Dyn>());
    if !dynamic_r && !dynamic_c {
        return None;
    }
    let r = if dynamic_r { R::from_usize(0) } else { r };
    let c = if dynamic_c { C::from_usize(0) } else { c };
    Some(std::mem::replace(m, OMatrix::from_iterator_generic(r, c, std::iter::empty())))
}

/// Gives the storage of `m` to the installed workspace when a dimension is
/// dynamic ([`Recycle`] for code generic over the dimensions).
#[inline]
pub fn recycle_matrix<F: Elem, R: Dim, C: Dim>(m: OMatrix<F, R, C>)
where
    DefaultAllocator: Allocator<R, C>,
{
    if !(R::is::<nalgebra::Dyn>() || C::is::<nalgebra::Dyn>()) {
        return;
    }
    let m = std::mem::ManuallyDrop::new(m);
    assert_eq!(std::mem::size_of_val(&m.data), std::mem::size_of::<VecStorage<F, R, C>>());
    // SAFETY: with a dynamic dimension, nalgebra's `DefaultAllocator` stores
    // the elements in a `VecStorage<F, R, C>` (its `Buffer` for every
    // allocator with `Dyn` in it), so `m.data` is one; it is read once, and
    // `m` is not dropped.
    let storage: VecStorage<F, R, C> = unsafe { std::ptr::read((&raw const m.data).cast::<VecStorage<F, R, C>>()) };
    give(Vec::from(storage));
}
