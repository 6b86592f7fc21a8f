//! Rules of the nalgebra primitives along a [`Bundle`] of directions: the
//! same derivatives as [`crate::rules::matrix`], applied to all directions
//! at once, so that linear maps become one matrix product. Here are the
//! rules whose tangent or cotangent argument is a bundle (the tangent of a
//! value, or the tangent of a cotangent); the primal arguments are as in
//! [`crate::rules::matrix`]. The operators' rules along bundles are
//! implementations of their traits, at the end.

use nalgebra::allocator::Allocator;
use nalgebra::{DMatrix, DefaultAllocator, Dim, Dyn, OMatrix};

use crate::Linear;
use crate::bundle::Bundle;
use crate::matrix::Elem;

type M<F, R, C> = OMatrix<F, R, C>;

/// A dynamic copy of a matrix, for per-direction products.
fn dynamic<F: Elem, R: Dim, C: Dim>(m: &M<F, R, C>) -> DMatrix<F>
where
    DefaultAllocator: Allocator<R, C>,
{
    DMatrix::from_column_slice(m.nrows(), m.ncols(), m.as_slice())
}

/// Rules of a bilinear reduction-free product along bundles, given how its
/// value acts on one direction.
macro_rules! bundle_reduction {
    (
        $(#[$doc:meta])*
        $name:ident |$x:ident, $t:ident, $c:ident|
        jvp: $jvp:expr, vjp: $vjp:expr $(, vjp_jvp: $vjp_jvp:expr)? $(,)?
    ) => {
        $(#[$doc])*
        pub mod $name {
            use super::*;

            #[inline]
            #[allow(unused_variables)]
            pub fn jvp0<F: Elem, R: Dim, C: Dim>($x: &M<F, R, C>, _y: &F, $t: &Bundle<F>) -> Bundle<F>
            where
                DefaultAllocator: Allocator<R, C>,
            {
                $jvp
            }
            #[inline]
            #[allow(unused_variables)]
            pub fn vjp0<F: Elem, R: Dim, C: Dim>($x: &M<F, R, C>, _y: &F, $c: &Bundle<F>) -> Bundle<F>
            where
                DefaultAllocator: Allocator<R, C>,
            {
                $vjp
            }
            $(
                #[inline]
                #[allow(unused_variables)]
                pub fn vjp0_jvp0<F: Elem, R: Dim, C: Dim>(
                    $x: &M<F, R, C>,
                    _y: &F,
                    $c: &F,
                    $t: &Bundle<F>,
                ) -> Bundle<F>
                where
                    DefaultAllocator: Allocator<R, C>,
                {
                    $vjp_jvp
                }
            )?
        }
    };
}

/// `x.sum()` and `x.mean()`, which read only the shape of `x` (see
/// `shape_reduction!` in [`crate::rules::matrix`]).
macro_rules! bundle_shape_reduction {
    ($(#[$doc:meta])* $name:ident |$x:ident, $t:ident, $c:ident| jvp: $jvp:expr, vjp: $vjp:expr $(,)?) => {
        $(#[$doc])*
        pub mod $name {
            use super::*;

            #[inline]
            #[allow(unused_variables)]
            pub fn jvp0<F: Elem, R: Dim, C: Dim, Y: ?Sized>($x: &M<F, R, C>, _y: &Y, $t: &Bundle<F>) -> Bundle<F>
            where
                DefaultAllocator: Allocator<R, C>,
            {
                $jvp
            }
            #[inline]
            pub fn vjp0<F: Elem, R: Dim, C: Dim, Y: ?Sized>($x: &M<F, R, C>, _y: &Y, $c: &Bundle<F>) -> Bundle<F>
            where
                DefaultAllocator: Allocator<R, C>,
            {
                $vjp
            }
        }
    };
}

bundle_shape_reduction! {
    /// `x.sum()`.
    sum |x, t, c| jvp: t.element_sum(), vjp: Bundle::outer(&vec![F::one(); x.len()], c)
}

bundle_shape_reduction! {
    /// `x.mean()`.
    mean |x, t, c| jvp: t.element_sum().scale(F::one() / F::of(x.len() as f64)),
    vjp: Bundle::outer(&vec![F::one() / F::of(x.len() as f64); x.len()], c)
}

bundle_reduction! {
    /// `x.norm_squared()`.
    norm_squared |x, t, c| jvp: t.inner(x.as_slice()).scale(F::of(2.0)),
    vjp: Bundle::outer(x.as_slice(), c).scale(F::of(2.0)),
    vjp_jvp: t.scale(F::of(2.0) * *c)
}

bundle_reduction! {
    /// `x.trace()` of a square matrix.
    trace |x, t, c| jvp: t.inner(identity(x).as_slice()), vjp: Bundle::outer(identity(x).as_slice(), c)
}

fn identity<F: Elem, R: Dim, C: Dim>(x: &M<F, R, C>) -> DMatrix<F>
where
    DefaultAllocator: Allocator<R, C>,
{
    DMatrix::identity(x.nrows(), x.ncols())
}

/// `x.dot(&z)`. No rule reads the value, and the pullbacks' tangents read
/// neither argument (see the table's `second_order_reads_args`).
pub mod dot {
    use super::*;

    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim, X: ?Sized, Y: ?Sized>(
        _x: &X,
        z: &M<F, R, C>,
        _y: &Y,
        t: &Bundle<F>,
    ) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        t.inner(z.as_slice())
    }
    #[inline]
    pub fn jvp1<F: Elem, R: Dim, C: Dim, Z: ?Sized, Y: ?Sized>(
        x: &M<F, R, C>,
        _z: &Z,
        _y: &Y,
        t: &Bundle<F>,
    ) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        t.inner(x.as_slice())
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim, X: ?Sized, Y: ?Sized>(
        _x: &X,
        z: &M<F, R, C>,
        _y: &Y,
        c: &Bundle<F>,
    ) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        Bundle::outer(z.as_slice(), c)
    }
    #[inline]
    pub fn vjp1<F: Elem, R: Dim, C: Dim, Z: ?Sized, Y: ?Sized>(
        x: &M<F, R, C>,
        _z: &Z,
        _y: &Y,
        c: &Bundle<F>,
    ) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        Bundle::outer(x.as_slice(), c)
    }
    /// [`vjp0`] taking `z` by value (a bundle has storage of its own, so
    /// `z` is only read).
    #[inline]
    pub fn vjp0_owned<F: Elem, R: Dim, C: Dim>(z: M<F, R, C>, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        Bundle::outer(z.as_slice(), c)
    }
    /// [`vjp1`] taking `x` by value.
    #[inline]
    pub fn vjp1_owned<F: Elem, R: Dim, C: Dim>(x: M<F, R, C>, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        Bundle::outer(x.as_slice(), c)
    }
    #[inline]
    pub fn vjp0_jvp1<F: Elem, X: ?Sized, Z: ?Sized, Y: ?Sized>(
        _x: &X,
        _z: &Z,
        _y: &Y,
        c: &F,
        t: &Bundle<F>,
    ) -> Bundle<F> {
        t.scale(*c)
    }
    #[inline]
    pub fn vjp1_jvp0<F: Elem, X: ?Sized, Z: ?Sized, Y: ?Sized>(
        _x: &X,
        _z: &Z,
        _y: &Y,
        c: &F,
        t: &Bundle<F>,
    ) -> Bundle<F> {
        t.scale(*c)
    }
}

/// `a.component_mul(&b)`.
pub mod component_mul {
    use super::*;

    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim>(_a: &M<F, R, C>, b: &M<F, R, C>, _y: &M<F, R, C>, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        t.hadamard(b.as_slice())
    }
    #[inline]
    pub fn jvp1<F: Elem, R: Dim, C: Dim>(a: &M<F, R, C>, _b: &M<F, R, C>, _y: &M<F, R, C>, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        t.hadamard(a.as_slice())
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim>(_a: &M<F, R, C>, b: &M<F, R, C>, _y: &M<F, R, C>, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        c.hadamard(b.as_slice())
    }
    #[inline]
    pub fn vjp1<F: Elem, R: Dim, C: Dim>(a: &M<F, R, C>, _b: &M<F, R, C>, _y: &M<F, R, C>, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        c.hadamard(a.as_slice())
    }
    #[inline]
    pub fn vjp0_jvp1<F: Elem, R: Dim, C: Dim>(
        _a: &M<F, R, C>,
        _b: &M<F, R, C>,
        _y: &M<F, R, C>,
        c: &M<F, R, C>,
        t: &Bundle<F>,
    ) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        t.hadamard(c.as_slice())
    }
    #[inline]
    pub fn vjp1_jvp0<F: Elem, R: Dim, C: Dim>(
        _a: &M<F, R, C>,
        _b: &M<F, R, C>,
        _y: &M<F, R, C>,
        c: &M<F, R, C>,
        t: &Bundle<F>,
    ) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        t.hadamard(c.as_slice())
    }
}

/// `a.cross(&b)` of 3-vectors, one direction at a time (three entries).
pub mod cross {
    use super::*;

    /// The cross product of two directions (dynamic matrices of 3 entries),
    /// outside the rules' `where` clauses, which would fix its shape.
    fn cross3<F: Elem>(a: &DMatrix<F>, b: &DMatrix<F>) -> DMatrix<F> {
        crate::rules::matrix::cross3::<F, Dyn, Dyn>(a, b)
    }

    /// `f(direction)` for every direction of `t`, whose directions have
    /// the shape of `like`.
    fn each<F: Elem>(like: &DMatrix<F>, t: &Bundle<F>, f: impl Fn(&DMatrix<F>) -> DMatrix<F>) -> Bundle<F> {
        t.per_direction(like.nrows(), like.ncols(), like.len(), f)
    }

    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim>(_a: &M<F, R, C>, b: &M<F, R, C>, _y: &M<F, R, C>, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        let b = dynamic(b);
        each(&b, t, |t| cross3(t, &b))
    }
    #[inline]
    pub fn jvp1<F: Elem, R: Dim, C: Dim>(a: &M<F, R, C>, _b: &M<F, R, C>, _y: &M<F, R, C>, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        let a = dynamic(a);
        each(&a, t, |t| cross3(&a, t))
    }
    /// `b × C`.
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim>(_a: &M<F, R, C>, b: &M<F, R, C>, _y: &M<F, R, C>, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        let b = dynamic(b);
        each(&b, c, |c| cross3(&b, c))
    }
    /// `C × a`.
    #[inline]
    pub fn vjp1<F: Elem, R: Dim, C: Dim>(a: &M<F, R, C>, _b: &M<F, R, C>, _y: &M<F, R, C>, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        let a = dynamic(a);
        each(&a, c, |c| cross3(c, &a))
    }
    /// `T_b × c`.
    #[inline]
    pub fn vjp0_jvp1<F: Elem, R: Dim, C: Dim>(
        _a: &M<F, R, C>,
        b: &M<F, R, C>,
        _y: &M<F, R, C>,
        c: &M<F, R, C>,
        t: &Bundle<F>,
    ) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        let c = dynamic(c);
        each(&dynamic(b), t, |t| cross3(t, &c))
    }
    /// `c × T_a`.
    #[inline]
    pub fn vjp1_jvp0<F: Elem, R: Dim, C: Dim>(
        a: &M<F, R, C>,
        _b: &M<F, R, C>,
        _y: &M<F, R, C>,
        c: &M<F, R, C>,
        t: &Bundle<F>,
    ) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        let c = dynamic(c);
        each(&dynamic(a), t, |t| cross3(&c, t))
    }
}

/// `x.map(|v| ..)`: the Jacobian is diagonal.
pub mod map {
    use super::*;

    use crate::rules::matrix::map::Value;

    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim, Y: Value<F, R, C> + ?Sized>(
        x: &M<F, R, C>,
        _f: &impl Fn(F) -> F,
        d: &impl Fn(F, F) -> F,
        _dd: &impl Fn(F, F) -> F,
        y: &Y,
        t: &Bundle<F>,
    ) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        t.hadamard(&y.slopes(x, d))
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim, Y: Value<F, R, C> + ?Sized>(
        x: &M<F, R, C>,
        _f: &impl Fn(F) -> F,
        d: &impl Fn(F, F) -> F,
        _dd: &impl Fn(F, F) -> F,
        y: &Y,
        c: &Bundle<F>,
    ) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        c.hadamard(&y.slopes(x, d))
    }
    #[inline]
    pub fn vjp0_jvp0<F: Elem, R: Dim, C: Dim, Y: Value<F, R, C> + ?Sized>(
        x: &M<F, R, C>,
        _f: &impl Fn(F) -> F,
        _d: &impl Fn(F, F) -> F,
        dd: &impl Fn(F, F) -> F,
        y: &Y,
        c: &M<F, R, C>,
        t: &Bundle<F>,
    ) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        let weights: Vec<F> = y.slopes(x, dd).iter().zip(c.iter()).map(|(&h, &ci)| h * ci).collect();
        t.hadamard(&weights)
    }
}

/// The position of an index in a matrix's storage (column-major).
pub trait LinearIndex {
    fn linear(&self, rows: usize) -> usize;
}

impl LinearIndex for usize {
    fn linear(&self, _rows: usize) -> usize {
        *self
    }
}

impl LinearIndex for (usize, usize) {
    fn linear(&self, rows: usize) -> usize {
        self.0 + self.1 * rows
    }
}

/// `x[i]`, `a[(i, j)]`.
pub mod index {
    use super::*;

    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim, I: LinearIndex>(x: &M<F, R, C>, i: &I, _y: &F, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        t.element(i.linear(x.nrows()))
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim, I: LinearIndex>(x: &M<F, R, C>, i: &I, _y: &F, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        Bundle::at_element(x.len(), i.linear(x.nrows()), c)
    }
}

/// `x.add_scalar(s)`.
pub mod add_scalar {
    use super::*;

    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim>(_x: &M<F, R, C>, _s: &F, _y: &M<F, R, C>, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        t.clone()
    }
    #[inline]
    pub fn jvp1<F: Elem, R: Dim, C: Dim>(x: &M<F, R, C>, _s: &F, _y: &M<F, R, C>, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        Bundle::outer(&vec![F::one(); x.len()], t)
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim>(_x: &M<F, R, C>, _s: &F, _y: &M<F, R, C>, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        c.clone()
    }
    #[inline]
    pub fn vjp1<F: Elem, R: Dim, C: Dim>(_x: &M<F, R, C>, _s: &F, _y: &M<F, R, C>, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        c.element_sum()
    }
}

/// `x.max()` and `x.min()`: the element at the first extreme position.
macro_rules! extreme_element {
    ($name:ident, $largest:expr) => {
        pub mod $name {
            use super::*;
            use crate::rules::matrix::extreme_position;

            #[inline]
            pub fn jvp0<F: Elem, R: Dim, C: Dim>(x: &M<F, R, C>, _y: &F, t: &Bundle<F>) -> Bundle<F>
            where
                DefaultAllocator: Allocator<R, C>,
            {
                t.element(extreme_position(x, $largest))
            }
            #[inline]
            pub fn vjp0<F: Elem, R: Dim, C: Dim>(x: &M<F, R, C>, _y: &F, c: &Bundle<F>) -> Bundle<F>
            where
                DefaultAllocator: Allocator<R, C>,
            {
                Bundle::at_element(x.len(), extreme_position(x, $largest), c)
            }
        }
    };
}

extreme_element!(max_element, true);
extreme_element!(min_element, false);

/// `m.column(j)`: the elements `j r .. j r + r` of `m`'s storage.
pub mod column {
    use super::*;

    fn indices(rows: usize, j: usize) -> Vec<usize> {
        (j * rows..(j + 1) * rows).collect()
    }

    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim, Y>(m: &M<F, R, C>, j: &usize, _y: &Y, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        t.select(&indices(m.nrows(), *j))
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim, Y>(m: &M<F, R, C>, j: &usize, _y: &Y, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        Bundle::placed(m.len(), &indices(m.nrows(), *j), c)
    }
}

/// `m.row(i)`: the elements `i, i + r, i + 2r, ..` of `m`'s storage.
pub mod row {
    use super::*;

    fn indices(rows: usize, cols: usize, i: usize) -> Vec<usize> {
        (0..cols).map(|j| i + j * rows).collect()
    }

    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim, Y>(m: &M<F, R, C>, i: &usize, _y: &Y, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        t.select(&indices(m.nrows(), m.ncols(), *i))
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim, Y>(m: &M<F, R, C>, i: &usize, _y: &Y, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        Bundle::placed(m.len(), &indices(m.nrows(), m.ncols(), *i), c)
    }
}

/// `m.columns(j, n)` and the other views: the block's elements of `m`'s
/// storage (see [`crate::rules::matrix::view::storage_indices`]).
pub mod view {
    use super::*;
    use crate::rules::matrix::view::{Block, storage_indices};

    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim, B: Block<R, C>, Y>(
        m: &M<F, R, C>,
        block: &B,
        _y: &Y,
        t: &Bundle<F>,
    ) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        t.select(&storage_indices(m, block))
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim, B: Block<R, C>, Y>(
        m: &M<F, R, C>,
        block: &B,
        _y: &Y,
        c: &Bundle<F>,
    ) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        Bundle::placed(m.len(), &storage_indices(m, block), c)
    }
}

/// `x.transpose()`: for a vector the directions' storage is unchanged;
/// for a matrix each direction is transposed.
pub mod transpose {
    use super::*;

    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim, Y>(x: &M<F, R, C>, _y: &Y, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        transposed(t, x.nrows(), x.ncols())
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim, Y>(x: &M<F, R, C>, _y: &Y, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        // The cotangent's directions are `cols x rows`.
        transposed(c, x.ncols(), x.nrows())
    }

    fn transposed<F: Elem>(t: &Bundle<F>, rows: usize, cols: usize) -> Bundle<F> {
        if rows == 1 || cols == 1 {
            return t.clone();
        }
        t.per_direction(rows, cols, rows * cols, |t| t.transpose())
    }
}

/// `a.tr_mul(&b)` = a' b with `a: k x r`, `b: k x c`.
pub mod tr_mul {
    use super::*;

    #[inline]
    pub fn jvp0<F: Elem, K: Dim, R: Dim, C: Dim, Y>(a: &M<F, K, R>, b: &M<F, K, C>, _y: &Y, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<K, R> + Allocator<K, C>,
    {
        let b = dynamic(b);
        t.per_direction(a.nrows(), a.ncols(), a.ncols() * b.ncols(), |t| t.tr_mul(&b))
    }
    #[inline]
    pub fn jvp1<F: Elem, K: Dim, R: Dim, C: Dim, Y>(a: &M<F, K, R>, b: &M<F, K, C>, _y: &Y, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<K, R> + Allocator<K, C>,
    {
        t.left_tr_mul(a.as_slice(), a.nrows(), a.ncols(), b.ncols())
    }
    /// `b C'`.
    #[inline]
    pub fn vjp0<F: Elem, K: Dim, R: Dim, C: Dim, Y>(a: &M<F, K, R>, b: &M<F, K, C>, _y: &Y, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<K, R> + Allocator<K, C>,
    {
        let b = dynamic(b);
        c.per_direction(a.ncols(), b.ncols(), a.len(), |c| &b * c.transpose())
    }
    /// `a C`.
    #[inline]
    pub fn vjp1<F: Elem, K: Dim, R: Dim, C: Dim, Y>(a: &M<F, K, R>, b: &M<F, K, C>, _y: &Y, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<K, R> + Allocator<K, C>,
    {
        c.left_mul(a.as_slice(), a.nrows(), a.ncols(), b.ncols())
    }
    /// `T_b c'`.
    #[inline]
    pub fn vjp0_jvp1<F: Elem, K: Dim, R: Dim, C: Dim, Y: Elementwise<F>>(
        a: &M<F, K, R>,
        b: &M<F, K, C>,
        _y: &Y,
        c: &Y,
        t: &Bundle<F>,
    ) -> Bundle<F>
    where
        DefaultAllocator: Allocator<K, R> + Allocator<K, C>,
    {
        let c = DMatrix::from_column_slice(a.ncols(), b.ncols(), c.elements());
        t.per_direction(b.nrows(), b.ncols(), a.len(), |t| t * c.transpose())
    }
    /// `T_a c`.
    #[inline]
    pub fn vjp1_jvp0<F: Elem, K: Dim, R: Dim, C: Dim, Y: Elementwise<F>>(
        a: &M<F, K, R>,
        b: &M<F, K, C>,
        _y: &Y,
        c: &Y,
        t: &Bundle<F>,
    ) -> Bundle<F>
    where
        DefaultAllocator: Allocator<K, R> + Allocator<K, C>,
    {
        let c = DMatrix::from_column_slice(a.ncols(), b.ncols(), c.elements());
        t.per_direction(a.nrows(), a.ncols(), b.len(), |t| t * &c)
    }
}

/// The elements of a matrix value in storage order.
pub trait Elementwise<F> {
    fn elements(&self) -> &[F];
}

impl<F: Elem, R: Dim, C: Dim> Elementwise<F> for M<F, R, C>
where
    DefaultAllocator: Allocator<R, C>,
{
    fn elements(&self) -> &[F] {
        self.as_slice()
    }
}

fn zip_elements<F: Elem>(a: &[F], b: &[F], f: impl Fn(F, F) -> F) -> Vec<F> {
    a.iter().zip(b).map(|(&a, &b)| f(a, b)).collect()
}

/// `a.component_div(&b)`, `y = a / b` elementwise.
pub mod component_div {
    use super::*;

    type V<F, R, C> = M<F, R, C>;

    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim>(_a: &V<F, R, C>, b: &V<F, R, C>, _y: &V<F, R, C>, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        t.hadamard(&b.iter().map(|&b| F::one() / b).collect::<Vec<_>>())
    }
    #[inline]
    pub fn jvp1<F: Elem, R: Dim, C: Dim>(_a: &V<F, R, C>, b: &V<F, R, C>, y: &V<F, R, C>, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        t.hadamard(&zip_elements(y.as_slice(), b.as_slice(), |y, b| -y / b))
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim>(a: &V<F, R, C>, b: &V<F, R, C>, y: &V<F, R, C>, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        jvp0(a, b, y, c)
    }
    #[inline]
    pub fn vjp1<F: Elem, R: Dim, C: Dim>(a: &V<F, R, C>, b: &V<F, R, C>, y: &V<F, R, C>, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        jvp1(a, b, y, c)
    }
    /// `-c t / b^2`.
    #[inline]
    pub fn vjp0_jvp1<F: Elem, R: Dim, C: Dim>(
        _a: &V<F, R, C>,
        b: &V<F, R, C>,
        _y: &V<F, R, C>,
        c: &V<F, R, C>,
        t: &Bundle<F>,
    ) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        t.hadamard(&zip_elements(c.as_slice(), b.as_slice(), |c, b| -c / (b * b)))
    }
    #[inline]
    pub fn vjp1_jvp0<F: Elem, R: Dim, C: Dim>(
        a: &V<F, R, C>,
        b: &V<F, R, C>,
        y: &V<F, R, C>,
        c: &V<F, R, C>,
        t: &Bundle<F>,
    ) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        vjp0_jvp1(a, b, y, c, t)
    }
    /// `2 c y t / b^2`.
    #[inline]
    pub fn vjp1_jvp1<F: Elem, R: Dim, C: Dim>(
        _a: &V<F, R, C>,
        b: &V<F, R, C>,
        y: &V<F, R, C>,
        c: &V<F, R, C>,
        t: &Bundle<F>,
    ) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        let cy = zip_elements(c.as_slice(), y.as_slice(), |c, y| c * y);
        t.hadamard(&zip_elements(&cy, b.as_slice(), |cy, b| F::of(2.0) * cy / (b * b)))
    }
}

/// `x.norm()` (Frobenius for matrices): gradient `u = x / |x|`, zero at
/// the zero vector as in the one-direction rule; the pullback's tangent is
/// `(t - u (u't)) c / |x|`.
pub mod norm {
    use super::*;

    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim>(x: &M<F, R, C>, _y: &F, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        t.inner(unit(x).as_slice())
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim>(x: &M<F, R, C>, _y: &F, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        Bundle::outer(unit(x).as_slice(), c)
    }
    #[inline]
    pub fn vjp0_jvp0<F: Elem, R: Dim, C: Dim>(x: &M<F, R, C>, y: &F, c: &F, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        if *y <= F::zero() {
            return Bundle::Zero { len: x.len() };
        }
        let u = unit(x);
        let along = Bundle::outer(u.as_slice(), &t.inner(u.as_slice()));
        t.sub(&along).scale(*c / *y)
    }
}

/// `x / |x|`, or zero at the zero vector.
fn unit<F: Elem, R: Dim, C: Dim>(x: &M<F, R, C>) -> DMatrix<F>
where
    DefaultAllocator: Allocator<R, C>,
{
    let norm = x.norm();
    let x = dynamic(x);
    if norm > F::zero() { x / norm } else { x * F::zero() }
}

/// `matdiff::logsumexp(&x)`: gradient p (the softmax), Hessian diag(p) - p p'.
pub mod logsumexp {
    use super::*;

    fn weights<F: Elem, R: Dim, C: Dim>(x: &M<F, R, C>, _y: &F) -> Vec<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        crate::functions::softmax_of(x.as_slice())
    }

    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim>(x: &M<F, R, C>, y: &F, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        t.inner(&weights(x, y))
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim>(x: &M<F, R, C>, y: &F, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        Bundle::outer(&weights(x, y), c)
    }
    #[inline]
    pub fn vjp0_jvp0<F: Elem, R: Dim, C: Dim>(x: &M<F, R, C>, y: &F, c: &F, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        let p = weights(x, y);
        let cp: Vec<F> = p.iter().map(|&p| *c * p).collect();
        centered_product(&cp, &p, t)
    }
}

/// `w_i (t_i - p't)` in every direction of `t`, for weights `p` that sum
/// to 1: as `w_i q_i t_i - (w_i p't - w_i p_i t_i)` with `q` the
/// complements 1 - p_i, so that along a seed the diagonal, w_i (1 - p_i),
/// does not cancel where p_i is near 1 (there the parenthesis is exactly
/// 0).
fn centered_product<F: Elem>(w: &[F], p: &[F], t: &Bundle<F>) -> Bundle<F> {
    let q = crate::functions::complements(p);
    let wq: Vec<F> = w.iter().zip(&q).map(|(&w, &q)| w * q).collect();
    let wp: Vec<F> = w.iter().zip(p).map(|(&w, &p)| w * p).collect();
    t.hadamard(&wq).sub(&Bundle::outer(w, &t.inner(p)).sub(&t.hadamard(&wp)))
}

/// `matdiff::softmax(&x)`: the Jacobian diag(y) - y y' is symmetric.
pub mod softmax {
    use super::*;
    use nalgebra::U1;

    type V<F, R> = M<F, R, U1>;

    #[inline]
    pub fn jvp0<F: Elem, R: Dim>(_x: &V<F, R>, y: &V<F, R>, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R>,
    {
        super::centered_product(y.as_slice(), y.as_slice(), t)
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim>(x: &V<F, R>, y: &V<F, R>, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R>,
    {
        jvp0(x, y, c)
    }
    /// With S = dy along the directions: `S (c - y'c) - y (S'c)`.
    #[inline]
    pub fn vjp0_jvp0<F: Elem, R: Dim>(x: &V<F, R>, y: &V<F, R>, c: &V<F, R>, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<R>,
    {
        let s = jvp0(x, y, t);
        let q = crate::functions::complements(y.as_slice());
        let yc = y.dot(c);
        let shifted: Vec<F> = (0..c.len()).map(|i| crate::functions::centered(c[i], y[i], q[i], yc)).collect();
        s.hadamard(&shifted).sub(&Bundle::outer(y.as_slice(), &s.inner(c.as_slice())))
    }
}

/// `x.determinant()`: d det X = det X <X^-T, dX>.
pub mod determinant {
    use super::*;
    use nalgebra::DimMin;

    fn inverse_transposed<F: Elem, D: Dim + DimMin<D, Output = D>>(x: &M<F, D, D>) -> DMatrix<F>
    where
        DefaultAllocator: Allocator<D, D> + Allocator<D>,
    {
        dynamic(&crate::rules::matrix::inverse_or_nan(x)).transpose()
    }

    #[inline]
    pub fn jvp0<F: Elem, D: Dim + DimMin<D, Output = D>>(x: &M<F, D, D>, y: &F, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<D, D> + Allocator<D>,
    {
        t.inner(inverse_transposed(x).as_slice()).scale(*y)
    }
    #[inline]
    pub fn vjp0<F: Elem, D: Dim + DimMin<D, Output = D>>(x: &M<F, D, D>, y: &F, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<D, D> + Allocator<D>,
    {
        Bundle::outer((inverse_transposed(x) * *y).as_slice(), c)
    }
    /// `c det X (<X^-T, T> X^-T - X^-T T' X^-T)`.
    #[inline]
    pub fn vjp0_jvp0<F: Elem, D: Dim + DimMin<D, Output = D>>(x: &M<F, D, D>, y: &F, c: &F, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<D, D> + Allocator<D>,
    {
        let g = inverse_transposed(x);
        let n = x.nrows();
        let trace = Bundle::outer(g.as_slice(), &t.inner(g.as_slice()));
        let product = t.per_direction(n, n, n * n, |t| &g * t.transpose() * &g);
        trace.sub(&product).scale(*c * *y)
    }
}

/// `matdiff::logdet(&x)`: the gradient X^-T.
pub mod logdet {
    use super::*;
    use nalgebra::DimMin;

    #[inline]
    pub fn jvp0<F: Elem, D: Dim + DimMin<D, Output = D>>(x: &M<F, D, D>, _y: &F, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<D, D> + Allocator<D>,
    {
        let g = dynamic(&crate::rules::matrix::inverse_or_nan(x)).transpose();
        t.inner(g.as_slice())
    }
    #[inline]
    pub fn vjp0<F: Elem, D: Dim + DimMin<D, Output = D>>(x: &M<F, D, D>, _y: &F, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<D, D> + Allocator<D>,
    {
        let g = dynamic(&crate::rules::matrix::inverse_or_nan(x)).transpose();
        Bundle::outer(g.as_slice(), c)
    }
    /// `-c X^-T T' X^-T`.
    #[inline]
    pub fn vjp0_jvp0<F: Elem, D: Dim + DimMin<D, Output = D>>(x: &M<F, D, D>, _y: &F, c: &F, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<D, D> + Allocator<D>,
    {
        let g = dynamic(&crate::rules::matrix::inverse_or_nan(x)).transpose();
        let n = x.nrows();
        t.per_direction(n, n, n * n, |t| &g * t.transpose() * &g).scale(-*c)
    }
}

/// `matdiff::inv(&x)`, `Y = X^-1`: one direction at a time, with the
/// one-direction rules.
pub mod inverse {
    use super::*;
    use crate::rules::matrix::inverse as plain;

    #[inline]
    pub fn jvp0<F: Elem, D: Dim>(x: &M<F, D, D>, y: &M<F, D, D>, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<D, D>,
    {
        let (x, y, n) = (dynamic(x), dynamic(y), x.nrows());
        t.per_direction(n, n, n * n, |t| plain::jvp0::<F, Dyn>(&x, &y, t))
    }
    #[inline]
    pub fn vjp0<F: Elem, D: Dim>(x: &M<F, D, D>, y: &M<F, D, D>, c: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<D, D>,
    {
        let (x, y, n) = (dynamic(x), dynamic(y), x.nrows());
        c.per_direction(n, n, n * n, |c| plain::vjp0::<F, Dyn>(&x, &y, c))
    }
    #[inline]
    pub fn vjp0_jvp0<F: Elem, D: Dim>(x: &M<F, D, D>, y: &M<F, D, D>, c: &M<F, D, D>, t: &Bundle<F>) -> Bundle<F>
    where
        DefaultAllocator: Allocator<D, D>,
    {
        let (x, y, c, n) = (dynamic(x), dynamic(y), dynamic(c), x.nrows());
        t.per_direction(n, n, n * n, |t| plain::vjp0_jvp0::<F, Dyn>(&x, &y, &c, t))
    }
}

/// `matdiff::solve(&a, &b)`, `Y = A^-1 B`: one direction at a time, with
/// the one-direction rules.
pub mod solve {
    use super::*;
    use crate::rules::matrix::solve as plain;
    use nalgebra::DimMin;

    macro_rules! solve_rule {
        ($name:ident ($($extra:ident),*), $carrier_rows:expr, $carrier_cols:expr, $out_len:expr) => {
            #[inline]
            #[allow(unused_variables)]
            pub fn $name<F: Elem, D: Dim + DimMin<D, Output = D>, C: Dim>(
                a: &M<F, D, D>,
                b: &M<F, D, C>,
                y: &M<F, D, C>,
                $($extra: &M<F, D, C>,)*
                t: &Bundle<F>,
            ) -> Bundle<F>
            where
                DefaultAllocator: Allocator<D, D> + Allocator<D> + Allocator<D, C> + Allocator<C, D>,
            {
                let (n, k) = (a.nrows(), b.ncols());
                let (a, b, y) = (dynamic(a), dynamic(b), dynamic(y));
                $(let $extra = dynamic($extra);)*
                t.per_direction($carrier_rows(n, k), $carrier_cols(n, k), $out_len(n, k), |t| {
                    plain::$name::<F, Dyn, Dyn>(&a, &b, &y, $(&$extra,)* t)
                })
            }
        };
    }

    solve_rule!(jvp0(), |n, _| n, |n, _| n, |n, k| n * k);
    solve_rule!(jvp1(), |n, _| n, |_, k| k, |n, k| n * k);
    solve_rule!(vjp0(), |n, _| n, |_, k| k, |n, _| n * n);
    solve_rule!(vjp1(), |n, _| n, |_, k| k, |n, k| n * k);
    solve_rule!(vjp0_jvp0(c), |n, _| n, |n, _| n, |n, _| n * n);
    solve_rule!(vjp0_jvp1(c), |n, _| n, |_, k| k, |n, _| n * n);
    solve_rule!(vjp1_jvp0(c), |n, _| n, |n, _| n, |n, k| n * k);
}

/// The operators along bundles: `*` between matrices, between a scalar and
/// a matrix, and `/` of a matrix by a scalar.
mod operators {
    use super::*;
    use crate::rules::operators::{div, mul};

    /// `a * b` with `a: r x k`, `b: k x q`.
    impl<F: Elem, R: Dim, K: Dim, C: Dim, Y: ?Sized> mul::Jvp0<M<F, K, C>, Y, Bundle<F>> for M<F, R, K>
    where
        DefaultAllocator: Allocator<R, K> + Allocator<K, C> + Allocator<R, C>,
    {
        type Output = Bundle<F>;
        fn jvp0(a: &Self, b: &M<F, K, C>, _y: &Y, t: &Bundle<F>) -> Bundle<F> {
            let b = dynamic(b);
            t.per_direction(a.nrows(), a.ncols(), a.nrows() * b.ncols(), |t| t * &b)
        }
    }
    impl<F: Elem, R: Dim, K: Dim, C: Dim, Y: ?Sized> mul::Jvp1<M<F, K, C>, Y, Bundle<F>> for M<F, R, K>
    where
        DefaultAllocator: Allocator<R, K> + Allocator<K, C> + Allocator<R, C>,
    {
        type Output = Bundle<F>;
        fn jvp1(a: &Self, b: &M<F, K, C>, _y: &Y, t: &Bundle<F>) -> Bundle<F> {
            t.left_mul(a.as_slice(), a.nrows(), a.ncols(), b.ncols())
        }
    }
    impl<F: Elem, R: Dim, K: Dim, C: Dim, Y: ?Sized> mul::Vjp0<M<F, K, C>, Y, Bundle<F>> for M<F, R, K>
    where
        DefaultAllocator: Allocator<R, K> + Allocator<K, C> + Allocator<R, C>,
    {
        type Output = Bundle<F>;
        fn vjp0(a: &Self, b: &M<F, K, C>, _y: &Y, c: &Bundle<F>) -> Bundle<F> {
            let b_t = dynamic(b).transpose();
            c.per_direction(a.nrows(), b.ncols(), a.len(), |c| c * &b_t)
        }
    }
    impl<F: Elem, R: Dim, K: Dim, C: Dim, Y: ?Sized> mul::Vjp1<M<F, K, C>, Y, Bundle<F>> for M<F, R, K>
    where
        DefaultAllocator: Allocator<R, K> + Allocator<K, C> + Allocator<R, C>,
    {
        type Output = Bundle<F>;
        fn vjp1(a: &Self, b: &M<F, K, C>, _y: &Y, c: &Bundle<F>) -> Bundle<F> {
            c.left_tr_mul(a.as_slice(), a.nrows(), a.ncols(), b.ncols())
        }
    }
    /// `c t'`.
    impl<F: Elem, R: Dim, K: Dim, C: Dim, Y: ?Sized> mul::Vjp0Jvp1<M<F, K, C>, Y, M<F, R, C>, Bundle<F>> for M<F, R, K>
    where
        DefaultAllocator: Allocator<R, K> + Allocator<K, C> + Allocator<R, C>,
    {
        type Output = Bundle<F>;
        fn vjp0_jvp1(a: &Self, b: &M<F, K, C>, _y: &Y, c: &M<F, R, C>, t: &Bundle<F>) -> Bundle<F> {
            let c = dynamic(c);
            t.per_direction(b.nrows(), b.ncols(), a.len(), |t| &c * t.transpose())
        }
    }
    /// `t' c`.
    impl<F: Elem, R: Dim, K: Dim, C: Dim, Y: ?Sized> mul::Vjp1Jvp0<M<F, K, C>, Y, M<F, R, C>, Bundle<F>> for M<F, R, K>
    where
        DefaultAllocator: Allocator<R, K> + Allocator<K, C> + Allocator<R, C>,
    {
        type Output = Bundle<F>;
        fn vjp1_jvp0(a: &Self, b: &M<F, K, C>, _y: &Y, c: &M<F, R, C>, t: &Bundle<F>) -> Bundle<F> {
            let c = dynamic(c);
            t.per_direction(a.nrows(), a.ncols(), b.len(), |t| t.tr_mul(&c))
        }
    }

    /// `acc + c b'` along bundles: the pullback, then the sum.
    impl<F: Elem, R: Dim, K: Dim, C: Dim, Y: ?Sized> mul::Vjp0Add<M<F, K, C>, Y, Bundle<F>> for M<F, R, K>
    where
        DefaultAllocator: Allocator<R, K> + Allocator<K, C> + Allocator<R, C>,
    {
        type Output = Bundle<F>;
        fn vjp0_add(a: &Self, b: &M<F, K, C>, y: &Y, c: &Bundle<F>, acc: Bundle<F>) -> Bundle<F> {
            acc.add_pair(<Self as mul::Vjp0<M<F, K, C>, Y, Bundle<F>>>::vjp0(a, b, y, c))
        }
    }
    /// `acc + a' c` along bundles: one pass when `c` is a seed.
    impl<F: Elem, R: Dim, K: Dim, C: Dim, Y: ?Sized> mul::Vjp1Add<M<F, K, C>, Y, Bundle<F>> for M<F, R, K>
    where
        DefaultAllocator: Allocator<R, K> + Allocator<K, C> + Allocator<R, C>,
    {
        type Output = Bundle<F>;
        fn vjp1_add(a: &Self, b: &M<F, K, C>, _y: &Y, c: &Bundle<F>, acc: Bundle<F>) -> Bundle<F> {
            c.left_tr_mul_add(a.as_slice(), a.nrows(), a.ncols(), b.ncols(), acc)
        }
    }

    /// Implements `*` between a scalar `s` and a matrix `x` along bundles,
    /// for either order; `$scalar` and `$matrix` name the arguments' rule
    /// numbers.
    macro_rules! scaling {
        ($lhs:ty, $rhs:ty, |$a:ident, $b:ident| ($s:expr, $x:expr),
         $jvp_s:ident / $Jvp_s:ident, $jvp_x:ident / $Jvp_x:ident,
         $vjp_s:ident / $Vjp_s:ident, $vjp_x:ident / $Vjp_x:ident,
         $second_s:ident / $Second_s:ident, $second_x:ident / $Second_x:ident) => {
            impl<F: Elem, R: Dim, C: Dim, Y: ?Sized> mul::$Jvp_s<$rhs, Y, Bundle<F>> for $lhs
            where
                DefaultAllocator: Allocator<R, C>,
            {
                type Output = Bundle<F>;
                fn $jvp_s($a: &Self, $b: &$rhs, _y: &Y, t: &Bundle<F>) -> Bundle<F> {
                    let (_s, x) = ($s, $x);
                    Bundle::outer(x.as_slice(), t)
                }
            }
            impl<F: Elem, R: Dim, C: Dim, Y: ?Sized> mul::$Jvp_x<$rhs, Y, Bundle<F>> for $lhs
            where
                DefaultAllocator: Allocator<R, C>,
            {
                type Output = Bundle<F>;
                fn $jvp_x($a: &Self, $b: &$rhs, _y: &Y, t: &Bundle<F>) -> Bundle<F> {
                    let (s, _x) = ($s, $x);
                    t.scale(*s)
                }
            }
            impl<F: Elem, R: Dim, C: Dim, Y: ?Sized> mul::$Vjp_s<$rhs, Y, Bundle<F>> for $lhs
            where
                DefaultAllocator: Allocator<R, C>,
            {
                type Output = Bundle<F>;
                fn $vjp_s($a: &Self, $b: &$rhs, _y: &Y, c: &Bundle<F>) -> Bundle<F> {
                    let (_s, x) = ($s, $x);
                    c.inner(x.as_slice())
                }
            }
            impl<F: Elem, R: Dim, C: Dim, Y: ?Sized> mul::$Vjp_x<$rhs, Y, Bundle<F>> for $lhs
            where
                DefaultAllocator: Allocator<R, C>,
            {
                type Output = Bundle<F>;
                fn $vjp_x($a: &Self, $b: &$rhs, _y: &Y, c: &Bundle<F>) -> Bundle<F> {
                    let (s, _x) = ($s, $x);
                    c.scale(*s)
                }
            }
            /// The pullback to the scalar along the matrix: `<t, c>`.
            #[allow(unused_variables)]
            impl<F: Elem, R: Dim, C: Dim, Y: ?Sized> mul::$Second_s<$rhs, Y, M<F, R, C>, Bundle<F>> for $lhs
            where
                DefaultAllocator: Allocator<R, C>,
            {
                type Output = Bundle<F>;
                fn $second_s($a: &Self, $b: &$rhs, _y: &Y, c: &M<F, R, C>, t: &Bundle<F>) -> Bundle<F> {
                    t.inner(c.as_slice())
                }
            }
            /// The pullback to the matrix along the scalar: `c t`.
            #[allow(unused_variables)]
            impl<F: Elem, R: Dim, C: Dim, Y: ?Sized> mul::$Second_x<$rhs, Y, M<F, R, C>, Bundle<F>> for $lhs
            where
                DefaultAllocator: Allocator<R, C>,
            {
                type Output = Bundle<F>;
                fn $second_x($a: &Self, $b: &$rhs, _y: &Y, c: &M<F, R, C>, t: &Bundle<F>) -> Bundle<F> {
                    Bundle::outer(c.as_slice(), t)
                }
            }
        };
    }

    scaling!(F, M<F, R, C>, |a, b| (a, b),
        jvp0 / Jvp0, jvp1 / Jvp1, vjp0 / Vjp0, vjp1 / Vjp1, vjp0_jvp1 / Vjp0Jvp1, vjp1_jvp0 / Vjp1Jvp0);
    scaling!(M<F, R, C>, F, |a, b| (b, a),
        jvp1 / Jvp1, jvp0 / Jvp0, vjp1 / Vjp1, vjp0 / Vjp0, vjp1_jvp0 / Vjp1Jvp0, vjp0_jvp1 / Vjp0Jvp1);

    /// `a / b` for a matrix `a` and a scalar `b`, `y = a / b`.
    impl<F: Elem, R: Dim, C: Dim> div::Jvp0<F, M<F, R, C>, Bundle<F>> for M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        type Output = Bundle<F>;
        fn jvp0(_a: &Self, b: &F, _y: &Self, t: &Bundle<F>) -> Bundle<F> {
            t.scale(F::one() / *b)
        }
    }
    impl<F: Elem, R: Dim, C: Dim> div::Jvp1<F, M<F, R, C>, Bundle<F>> for M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        type Output = Bundle<F>;
        fn jvp1(_a: &Self, b: &F, y: &Self, t: &Bundle<F>) -> Bundle<F> {
            Bundle::outer(y.as_slice(), t).scale(-F::one() / *b)
        }
    }
    impl<F: Elem, R: Dim, C: Dim> div::Vjp0<F, M<F, R, C>, Bundle<F>> for M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        type Output = Bundle<F>;
        fn vjp0(_a: &Self, b: &F, _y: &Self, c: &Bundle<F>) -> Bundle<F> {
            c.scale(F::one() / *b)
        }
    }
    impl<F: Elem, R: Dim, C: Dim> div::Vjp1<F, M<F, R, C>, Bundle<F>> for M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        type Output = Bundle<F>;
        fn vjp1(_a: &Self, b: &F, y: &Self, c: &Bundle<F>) -> Bundle<F> {
            c.inner(y.as_slice()).scale(-F::one() / *b)
        }
    }
    impl<F: Elem, R: Dim, C: Dim> div::Vjp0Jvp1<F, M<F, R, C>, M<F, R, C>, Bundle<F>> for M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        type Output = Bundle<F>;
        fn vjp0_jvp1(_a: &Self, b: &F, _y: &Self, c: &Self, t: &Bundle<F>) -> Bundle<F> {
            Bundle::outer(c.as_slice(), t).scale(-F::one() / (*b * *b))
        }
    }
    impl<F: Elem, R: Dim, C: Dim> div::Vjp1Jvp0<F, M<F, R, C>, M<F, R, C>, Bundle<F>> for M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        type Output = Bundle<F>;
        fn vjp1_jvp0(_a: &Self, b: &F, _y: &Self, c: &Self, t: &Bundle<F>) -> Bundle<F> {
            t.inner(c.as_slice()).scale(-F::one() / (*b * *b))
        }
    }
    impl<F: Elem, R: Dim, C: Dim> div::Vjp1Jvp1<F, M<F, R, C>, M<F, R, C>, Bundle<F>> for M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        type Output = Bundle<F>;
        fn vjp1_jvp1(_a: &Self, b: &F, y: &Self, c: &Self, t: &Bundle<F>) -> Bundle<F> {
            t.scale(F::of(2.0) * y.dot(c) / (*b * *b))
        }
    }
}
