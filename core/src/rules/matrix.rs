//! Rules of the nalgebra matrix primitives, in denominator layout.
//!
//! Same convention as the scalar rules (see [`crate::rules`]): for a
//! primitive `p` with arguments `x0, x1, ..` and value `y`, `p::jvp{k}` is
//! the tangent of `y` along a tangent `t` of argument `k`, `p::vjp{k}` the
//! cotangent of argument `k` given the cotangent `c` of `y`, and
//! `p::vjp{k}_jvp{j}` the tangent of that pullback along a tangent `t` of
//! argument `j` (the pairs [`crate::table::MATRIX_PRIMITIVES`] lists). A
//! matrix argument's tangent and cotangent are matrices of its shape; a
//! scalar's are scalars. Each rule is written with primitives that have
//! rules themselves, so it can be differentiated once more.
//!
//! Where a function is not differentiable the rule picks a value and says so:
//! `norm` at the zero vector has gradient zero (a subgradient); `determinant`,
//! `logdet`, `inverse` and `solve` need an invertible matrix, and their rules
//! give NaN where it is singular, never a silently wrong number.

use nalgebra::allocator::Allocator;
use nalgebra::{DefaultAllocator, Dim, DimMin, OMatrix};

use crate::matrix::Elem;

pub use crate::linalg::{inv as inverse_or_nan, logdet, softmax, solve};

/// ln(sum of e^x_i) over a vector or matrix, without overflow.
#[inline]
pub fn logsumexp<F: Elem, R: Dim, C: Dim>(x: &OMatrix<F, R, C>) -> F
where
    DefaultAllocator: Allocator<R, C>,
{
    crate::functions::logsumexp(x.as_slice())
}

/// `x.transpose()`: linear.
pub mod transpose {
    use super::*;

    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim>(t: &OMatrix<F, R, C>) -> OMatrix<F, C, R>
    where
        DefaultAllocator: Allocator<R, C> + Allocator<C, R>,
    {
        t.transpose()
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim>(c: &OMatrix<F, C, R>) -> OMatrix<F, R, C>
    where
        DefaultAllocator: Allocator<R, C> + Allocator<C, R>,
    {
        c.transpose()
    }
}

/// Rules of a bilinear primitive `y = p(a, b)` from its value and its two
/// pullbacks. Bilinearity gives the rest: the tangent along `t` in one
/// argument is the value with that argument replaced by `t`, and the tangent
/// of each pullback along the other argument is the pullback with that
/// argument replaced by `t`. The pullback to an argument does not depend on
/// that argument itself, so the table lists only the cross pairs.
macro_rules! bilinear_rule {
    (
        $(#[$doc:meta])*
        $name:ident<$($dim:ident),*> where [$($bound:tt)*]
        ($a:ident: $a_ty:ty, $b:ident: $b_ty:ty) -> $y_ty:ty;
        value = $value:expr;
        vjp0 = |$c0:ident| $vjp0:expr;
        vjp1 = |$c1:ident| $vjp1:expr;
        $(more: $($more:item)*)?
    ) => {
        $(#[$doc])*
        pub mod $name {
            use super::*;

            /// The value.
            #[inline]
            pub fn value<F: Elem, $($dim: Dim),*>($a: &$a_ty, $b: &$b_ty) -> $y_ty
            where
                DefaultAllocator: $($bound)*,
            {
                $value
            }
            #[inline]
            fn pullback0<F: Elem, $($dim: Dim),*>($b: &$b_ty, $c0: &$y_ty) -> $a_ty
            where
                DefaultAllocator: $($bound)*,
            {
                $vjp0
            }
            #[inline]
            fn pullback1<F: Elem, $($dim: Dim),*>($a: &$a_ty, $c1: &$y_ty) -> $b_ty
            where
                DefaultAllocator: $($bound)*,
            {
                $vjp1
            }

            #[inline]
            pub fn jvp0<F: Elem, $($dim: Dim,)* A: ?Sized, Y: ?Sized>(_a: &A, b: &$b_ty, _y: &Y, t: &$a_ty) -> $y_ty
            where
                DefaultAllocator: $($bound)*,
            {
                value(t, b)
            }
            #[inline]
            pub fn jvp1<F: Elem, $($dim: Dim,)* B: ?Sized, Y: ?Sized>(a: &$a_ty, _b: &B, _y: &Y, t: &$b_ty) -> $y_ty
            where
                DefaultAllocator: $($bound)*,
            {
                value(a, t)
            }
            #[inline]
            pub fn vjp0<F: Elem, $($dim: Dim,)* A: ?Sized, Y: ?Sized>(_a: &A, b: &$b_ty, _y: &Y, c: &$y_ty) -> $a_ty
            where
                DefaultAllocator: $($bound)*,
            {
                pullback0(b, c)
            }
            #[inline]
            pub fn vjp1<F: Elem, $($dim: Dim,)* B: ?Sized, Y: ?Sized>(a: &$a_ty, _b: &B, _y: &Y, c: &$y_ty) -> $b_ty
            where
                DefaultAllocator: $($bound)*,
            {
                pullback1(a, c)
            }
            #[inline]
            pub fn vjp0_jvp1<F: Elem, $($dim: Dim,)* A: ?Sized, B: ?Sized, Y: ?Sized>(
                _a: &A,
                _b: &B,
                _y: &Y,
                c: &$y_ty,
                t: &$b_ty,
            ) -> $a_ty
            where
                DefaultAllocator: $($bound)*,
            {
                pullback0(t, c)
            }
            #[inline]
            pub fn vjp1_jvp0<F: Elem, $($dim: Dim,)* A: ?Sized, B: ?Sized, Y: ?Sized>(
                _a: &A,
                _b: &B,
                _y: &Y,
                c: &$y_ty,
                t: &$a_ty,
            ) -> $b_ty
            where
                DefaultAllocator: $($bound)*,
            {
                pullback1(t, c)
            }
            $($($more)*)?
        }
    };
}

bilinear_rule! {
    /// `a * b`, the matrix product (matrix-vector and outer products
    /// included): the pullbacks are `c b'` and `a' c`.
    matmul<R, K, C> where [Allocator<R, K> + Allocator<K, C> + Allocator<R, C> + Allocator<C, K>]
    (a: OMatrix<F, R, K>, b: OMatrix<F, K, C>) -> OMatrix<F, R, C>;
    value = crate::products::mul(F::one(), a, b);
    vjp0 = |c| crate::products::mul_tr(F::one(), c, b);
    vjp1 = |c| crate::products::tr_mul(F::one(), a, c);
}

bilinear_rule! {
    /// `a.tr_mul(&b)` = a' b: the pullbacks are `b c'` and `a c`.
    tr_mul<K, R, C> where [Allocator<K, R> + Allocator<K, C> + Allocator<R, C> + Allocator<C, R>]
    (a: OMatrix<F, K, R>, b: OMatrix<F, K, C>) -> OMatrix<F, R, C>;
    value = crate::products::tr_mul(F::one(), a, b);
    vjp0 = |c| crate::products::mul_tr(F::one(), b, c);
    vjp1 = |c| a * c;
}

bilinear_rule! {
    /// `x.dot(&z)`: the Frobenius inner product, with a scalar value.
    dot<R, C> where [Allocator<R, C>]
    (x: OMatrix<F, R, C>, z: OMatrix<F, R, C>) -> F;
    value = x.dot(z);
    vjp0 = |c| crate::pool::pooled_map(z, |v| v * *c).unwrap_or_else(|| z * *c);
    vjp1 = |c| crate::pool::pooled_map(x, |v| v * *c).unwrap_or_else(|| x * *c);
    more:
        /// [`vjp0`] taking `z`, which nothing reads afterwards, by value:
        /// its storage holds the result.
        #[inline]
        pub fn vjp0_owned<F: Elem, R: Dim, C: Dim>(z: OMatrix<F, R, C>, c: &F) -> OMatrix<F, R, C>
        where
            DefaultAllocator: Allocator<R, C>,
        {
            scaled_in_place(z, *c)
        }
        /// [`vjp1`] taking `x` by value.
        #[inline]
        pub fn vjp1_owned<F: Elem, R: Dim, C: Dim>(x: OMatrix<F, R, C>, c: &F) -> OMatrix<F, R, C>
        where
            DefaultAllocator: Allocator<R, C>,
        {
            scaled_in_place(x, *c)
        }
}

/// `m * s` in `m`'s storage, over the storage (which vectorises); `m`
/// itself when `s` is 1.
fn scaled_in_place<F: Elem, R: Dim, C: Dim>(mut m: OMatrix<F, R, C>, s: F) -> OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<R, C>,
{
    if s != F::one() {
        m.as_mut_slice().iter_mut().for_each(|v| *v *= s);
    }
    m
}

bilinear_rule! {
    /// `s * x` and `x * s` with a scalar `s` (argument 0) and a matrix `x`
    /// (argument 1).
    scale<R, C> where [Allocator<R, C>]
    (s: F, x: OMatrix<F, R, C>) -> OMatrix<F, R, C>;
    value = x * *s;
    vjp0 = |c| x.dot(c);
    vjp1 = |c| c * *s;
}

/// The cross product of two 3-vectors of one shape (columns or rows),
/// entry by entry: it panics, as nalgebra's `cross` does, on other sizes.
pub fn cross3<F: Elem, R: Dim, C: Dim>(a: &OMatrix<F, R, C>, b: &OMatrix<F, R, C>) -> OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<R, C>,
{
    assert!(a.len() == 3 && b.len() == 3, "the cross product is defined for vectors of 3 entries");
    let mut y = a.clone();
    y[0] = a[1] * b[2] - a[2] * b[1];
    y[1] = a[2] * b[0] - a[0] * b[2];
    y[2] = a[0] * b[1] - a[1] * b[0];
    y
}

bilinear_rule! {
    /// `a.cross(&b)`, the cross product of 3-vectors: d(a × b) = da × b +
    /// a × db, and the pullbacks are `b × c` and `c × a`.
    cross<R, C> where [Allocator<R, C>]
    (a: OMatrix<F, R, C>, b: OMatrix<F, R, C>) -> OMatrix<F, R, C>;
    value = cross3(a, b);
    vjp0 = |c| cross3(b, c);
    vjp1 = |c| cross3(c, a);
}

bilinear_rule! {
    /// `a.component_mul(&b)`: elementwise product.
    component_mul<R, C> where [Allocator<R, C>]
    (a: OMatrix<F, R, C>, b: OMatrix<F, R, C>) -> OMatrix<F, R, C>;
    value = a.component_mul(b);
    vjp0 = |c| c.component_mul(b);
    vjp1 = |c| c.component_mul(a);
}

/// `a.component_div(&b)`: elementwise quotient y = a / b.
pub mod component_div {
    use super::*;

    type M<F, R, C> = OMatrix<F, R, C>;

    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim>(_a: &M<F, R, C>, b: &M<F, R, C>, _y: &M<F, R, C>, t: &M<F, R, C>) -> M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        t.component_div(b)
    }
    /// `-t y / b`.
    #[inline]
    pub fn jvp1<F: Elem, R: Dim, C: Dim>(_a: &M<F, R, C>, b: &M<F, R, C>, y: &M<F, R, C>, t: &M<F, R, C>) -> M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        -t.component_mul(y).component_div(b)
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim>(_a: &M<F, R, C>, b: &M<F, R, C>, _y: &M<F, R, C>, c: &M<F, R, C>) -> M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        c.component_div(b)
    }
    #[inline]
    pub fn vjp1<F: Elem, R: Dim, C: Dim>(_a: &M<F, R, C>, b: &M<F, R, C>, y: &M<F, R, C>, c: &M<F, R, C>) -> M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        -c.component_mul(y).component_div(b)
    }
    /// `-c t / b^2`.
    #[inline]
    pub fn vjp0_jvp1<F: Elem, R: Dim, C: Dim>(
        _a: &M<F, R, C>,
        b: &M<F, R, C>,
        _y: &M<F, R, C>,
        c: &M<F, R, C>,
        t: &M<F, R, C>,
    ) -> M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        -c.component_mul(t).component_div(&b.component_mul(b))
    }
    /// `-c t / b^2`.
    #[inline]
    pub fn vjp1_jvp0<F: Elem, R: Dim, C: Dim>(
        a: &M<F, R, C>,
        b: &M<F, R, C>,
        y: &M<F, R, C>,
        c: &M<F, R, C>,
        t: &M<F, R, C>,
    ) -> M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        vjp0_jvp1(a, b, y, c, t)
    }
    /// `2 c y t / b^2`.
    #[inline]
    pub fn vjp1_jvp1<F: Elem, R: Dim, C: Dim>(
        _a: &M<F, R, C>,
        b: &M<F, R, C>,
        y: &M<F, R, C>,
        c: &M<F, R, C>,
        t: &M<F, R, C>,
    ) -> M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        (c.component_mul(y).component_mul(t).component_div(&b.component_mul(b))) * F::of(2.0)
    }
}

/// Rules of a reduction `x -> F` with a matrix argument: jvp, vjp and the
/// pullback's tangent.
macro_rules! reduction {
    (
        $(#[$doc:meta])*
        $name:ident |$x:ident, $y:ident, $t:ident, $c:ident|
        jvp: $jvp:expr, vjp: $vjp:expr $(, vjp_jvp: $vjp_jvp:expr)? $(,)?
    ) => {
        $(#[$doc])*
        pub mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[allow(unused_imports)]
            use crate::Scalar;

            #[inline]
            #[allow(unused_variables)]
            pub fn jvp0<F: Elem, R: Dim, C: Dim>($x: &OMatrix<F, R, C>, $y: &F, $t: &OMatrix<F, R, C>) -> F
            where
                DefaultAllocator: Allocator<R, C>,
            {
                $jvp
            }
            #[inline]
            #[allow(unused_variables)]
            pub fn vjp0<F: Elem, R: Dim, C: Dim>($x: &OMatrix<F, R, C>, $y: &F, $c: &F) -> OMatrix<F, R, C>
            where
                DefaultAllocator: Allocator<R, C>,
            {
                $vjp
            }
            $(
                #[inline]
                #[allow(unused_variables)]
                pub fn vjp0_jvp0<F: Elem, R: Dim, C: Dim>(
                    $x: &OMatrix<F, R, C>,
                    $y: &F,
                    $c: &F,
                    $t: &OMatrix<F, R, C>,
                ) -> OMatrix<F, R, C>
                where
                    DefaultAllocator: Allocator<R, C>,
                {
                    $vjp_jvp
                }
            )?
        }
    };
}

/// Rules of a linear reduction `x -> F` that read only the shape of `x`
/// and not the value: they take a reference of any type in its place, and
/// the generated code may pass, for `x`, another matrix of its type and
/// shape (the argument of the map that made it), so that neither `x` nor
/// the value need be computed when only derivatives are wanted.
macro_rules! shape_reduction {
    (
        $(#[$doc:meta])*
        $name:ident |$x:ident, $t:ident, $c:ident| jvp: $jvp:expr, vjp: $vjp:expr $(,)?
    ) => {
        $(#[$doc])*
        pub mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[allow(unused_imports)]
            use crate::Scalar;

            #[inline]
            #[allow(unused_variables)]
            pub fn jvp0<F: Elem, R: Dim, C: Dim, Y: ?Sized>($x: &OMatrix<F, R, C>, _y: &Y, $t: &OMatrix<F, R, C>) -> F
            where
                DefaultAllocator: Allocator<R, C>,
            {
                $jvp
            }
            #[inline]
            #[allow(unused_variables)]
            pub fn vjp0<F: Elem, R: Dim, C: Dim, Y: ?Sized>($x: &OMatrix<F, R, C>, _y: &Y, $c: &F) -> OMatrix<F, R, C>
            where
                DefaultAllocator: Allocator<R, C>,
            {
                $vjp
            }
        }
    };
}

shape_reduction! {
    /// `x.sum()`: linear.
    sum |x, t, c| jvp: t.sum(), vjp: crate::pool::map(x, |_| *c)
}

shape_reduction! {
    /// `x.mean()`: linear.
    mean |x, t, c| jvp: t.mean(), vjp: x.map(|_| *c / F::of(x.len() as f64))
}

reduction! {
    /// `x.norm_squared()`: 2 x' t; the gradient is 2 x.
    norm_squared |x, y, t, c| jvp: x.dot(t) * F::of(2.0), vjp: crate::pool::pooled_map(x, |v| v * (*c * F::of(2.0))).unwrap_or_else(|| x * (*c * F::of(2.0))),
    vjp_jvp: t * (*c * F::of(2.0))
}

reduction! {
    /// `x.norm()` (Frobenius for matrices): x' t / |x|; at the zero vector the
    /// gradient is taken to be zero, a subgradient.
    norm |x, y, t, c| jvp: if *y > F::zero() { x.dot(t) / *y } else { F::zero() },
    vjp: if *y > F::zero() { x * (*c / *y) } else { x.map(|_| F::zero()) },
    vjp_jvp: if *y > F::zero() {
        (t - x * (x.dot(t) / (*y * *y))) * (*c / *y)
    } else {
        x.map(|_| F::zero())
    }
}

reduction! {
    /// `matdiff::logsumexp(&x)` on a vector or matrix: the gradient is
    /// the softmax p, the Hessian diag(p) - p p'.
    logsumexp |x, y, t, c| jvp: softmax_weights(x, y).dot(t),
    vjp: softmax_weights(x, y) * *c,
    vjp_jvp: {
        let p = softmax_weights(x, y);
        let q = crate::functions::complements(p.as_slice());
        let pt = p.dot(t);
        let mut out = p.clone();
        for (i, o) in out.iter_mut().enumerate() {
            *o = *c * p[i] * crate::functions::centered(t[i], p[i], q[i], pt);
        }
        out
    }
}

/// e^(x_i - y) where y = logsumexp(x), computed from x alone (see
/// [`crate::functions::softmax_of`]).
#[inline]
fn softmax_weights<F: Elem, R: Dim, C: Dim>(x: &OMatrix<F, R, C>, _y: &F) -> OMatrix<F, R, C>
where
    DefaultAllocator: Allocator<R, C>,
{
    let (rows, cols) = x.shape_generic();
    OMatrix::from_iterator_generic(rows, cols, crate::functions::softmax_of(x.as_slice()))
}

/// `x[i]` or `a[(i, j)]`: linear in `x`; the pullback puts the cotangent
/// at the element. Each read costs a matrix of zeros in the reverse sweep, so
/// whole-matrix operations are cheaper than a loop that reads every element.
pub mod index {
    use super::*;
    use core::ops::{Index, IndexMut};

    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim, I: Clone>(_x: &OMatrix<F, R, C>, i: &I, _y: &F, t: &OMatrix<F, R, C>) -> F
    where
        DefaultAllocator: Allocator<R, C>,
        OMatrix<F, R, C>: Index<I, Output = F>,
    {
        t[i.clone()]
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim, I: Clone>(x: &OMatrix<F, R, C>, i: &I, _y: &F, c: &F) -> OMatrix<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
        OMatrix<F, R, C>: IndexMut<I, Output = F>,
    {
        let (rows, cols) = x.shape_generic();
        let mut bar = OMatrix::zeros_generic(rows, cols);
        bar[i.clone()] = *c;
        bar
    }
}

/// A vector or matrix built from floats (`Vector3::new(a, b, c)`,
/// `DVector::from_vec(v)`, `from_fn`): linear in its elements, which the
/// generated code gathers in an array in column-major order (the matrix's
/// storage order). The tangent is the matrix of the elements' tangents; the
/// cotangent of element `k` is entry `k` of the matrix's cotangent, in that
/// order. The sizes argument (`()` or `(nrows, ncols)`) and the elements'
/// values are not needed: the value `y` gives the shape.
pub mod from_elements {
    use super::*;

    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim, A: ?Sized, S, T: AsRef<[F]> + ?Sized>(
        _elements: &A,
        _sizes: &S,
        y: &OMatrix<F, R, C>,
        t: &T,
    ) -> OMatrix<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        let (rows, cols) = y.shape_generic();
        OMatrix::from_column_slice_generic(rows, cols, t.as_ref())
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim, A: ?Sized, S>(
        _elements: &A,
        _sizes: &S,
        _y: &OMatrix<F, R, C>,
        c: &OMatrix<F, R, C>,
    ) -> Elements<OMatrix<F, R, C>>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        Elements(c.clone())
    }

    /// The cotangent of the elements: the matrix's cotangent, read as the
    /// slice of its entries in column-major order, which is added into the
    /// elements' cotangent buffer as it is.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Elements<M>(pub M);

    impl<F: Elem, R: Dim, C: Dim> core::ops::Deref for Elements<OMatrix<F, R, C>>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        type Target = [F];
        #[inline(always)]
        fn deref(&self) -> &[F] {
            self.0.as_slice()
        }
    }
}

/// `x.add_scalar(s)`: `s` added to every element; linear in both.
pub mod add_scalar {
    use super::*;

    #[inline]
    pub fn value<F: Elem, R: Dim, C: Dim>(x: &OMatrix<F, R, C>, s: &F) -> OMatrix<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        x.add_scalar(*s)
    }

    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim>(
        _x: &OMatrix<F, R, C>,
        _s: &F,
        _y: &OMatrix<F, R, C>,
        t: &OMatrix<F, R, C>,
    ) -> OMatrix<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        t.clone()
    }
    #[inline]
    pub fn jvp1<F: Elem, R: Dim, C: Dim>(x: &OMatrix<F, R, C>, _s: &F, _y: &OMatrix<F, R, C>, t: &F) -> OMatrix<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        x.map(|_| *t)
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim>(
        _x: &OMatrix<F, R, C>,
        _s: &F,
        _y: &OMatrix<F, R, C>,
        c: &OMatrix<F, R, C>,
    ) -> OMatrix<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        c.clone()
    }
    #[inline]
    pub fn vjp1<F: Elem, R: Dim, C: Dim>(
        _x: &OMatrix<F, R, C>,
        _s: &F,
        _y: &OMatrix<F, R, C>,
        c: &OMatrix<F, R, C>,
    ) -> F
    where
        DefaultAllocator: Allocator<R, C>,
    {
        c.sum()
    }
}

/// The position of the first largest (or smallest) element of `x`.
pub fn extreme_position<F: Elem, R: Dim, C: Dim>(x: &OMatrix<F, R, C>, largest: bool) -> usize
where
    DefaultAllocator: Allocator<R, C>,
{
    let mut best = 0;
    for (k, &v) in x.iter().enumerate() {
        let better = if largest { v > x[best] } else { v < x[best] };
        if better {
            best = k;
        }
    }
    best
}

/// Rules of `x.max()` and `x.min()`, the largest and smallest element: the
/// derivative of the element at the first position attaining it (a
/// subgradient where several do).
macro_rules! extreme_element {
    ($(#[$doc:meta])* $name:ident, $largest:expr) => {
        $(#[$doc])*
        pub mod $name {
            use super::*;

            #[inline]
            pub fn jvp0<F: Elem, R: Dim, C: Dim>(x: &OMatrix<F, R, C>, _y: &F, t: &OMatrix<F, R, C>) -> F
            where
                DefaultAllocator: Allocator<R, C>,
            {
                t.as_slice()[extreme_position(x, $largest)]
            }
            #[inline]
            pub fn vjp0<F: Elem, R: Dim, C: Dim>(x: &OMatrix<F, R, C>, _y: &F, c: &F) -> OMatrix<F, R, C>
            where
                DefaultAllocator: Allocator<R, C>,
            {
                let (rows, cols) = x.shape_generic();
                let mut bar = OMatrix::zeros_generic(rows, cols);
                bar.as_mut_slice()[extreme_position(x, $largest)] = *c;
                bar
            }
        }
    };
}

extreme_element! {
    /// `x.max()`.
    max_element, true
}

extreme_element! {
    /// `x.min()`.
    min_element, false
}

/// `m.column(j)` and `m.row(i)`, as owned vectors: linear in `m`; the
/// pullback puts the cotangent in that column or row.
pub mod column {
    use super::*;
    use nalgebra::U1;

    #[inline]
    pub fn value<F: Elem, R: Dim, C: Dim>(m: &OMatrix<F, R, C>, j: &usize) -> OMatrix<F, R, U1>
    where
        DefaultAllocator: Allocator<R, C> + Allocator<R>,
    {
        m.column(*j).into_owned()
    }
    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim>(
        _m: &OMatrix<F, R, C>,
        j: &usize,
        _y: &OMatrix<F, R, U1>,
        t: &OMatrix<F, R, C>,
    ) -> OMatrix<F, R, U1>
    where
        DefaultAllocator: Allocator<R, C> + Allocator<R>,
    {
        t.column(*j).into_owned()
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim>(
        m: &OMatrix<F, R, C>,
        j: &usize,
        _y: &OMatrix<F, R, U1>,
        c: &OMatrix<F, R, U1>,
    ) -> OMatrix<F, R, C>
    where
        DefaultAllocator: Allocator<R, C> + Allocator<R>,
    {
        let (rows, cols) = m.shape_generic();
        let mut bar = OMatrix::zeros_generic(rows, cols);
        bar.column_mut(*j).copy_from(c);
        bar
    }
}

/// `m.row(i)`, as an owned row vector.
pub mod row {
    use super::*;
    use nalgebra::U1;

    #[inline]
    pub fn value<F: Elem, R: Dim, C: Dim>(m: &OMatrix<F, R, C>, i: &usize) -> OMatrix<F, U1, C>
    where
        DefaultAllocator: Allocator<R, C> + Allocator<U1, C>,
    {
        m.row(*i).into_owned()
    }
    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim>(
        _m: &OMatrix<F, R, C>,
        i: &usize,
        _y: &OMatrix<F, U1, C>,
        t: &OMatrix<F, R, C>,
    ) -> OMatrix<F, U1, C>
    where
        DefaultAllocator: Allocator<R, C> + Allocator<U1, C>,
    {
        t.row(*i).into_owned()
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim>(
        m: &OMatrix<F, R, C>,
        i: &usize,
        _y: &OMatrix<F, U1, C>,
        c: &OMatrix<F, U1, C>,
    ) -> OMatrix<F, R, C>
    where
        DefaultAllocator: Allocator<R, C> + Allocator<U1, C>,
    {
        let (rows, cols) = m.shape_generic();
        let mut bar = OMatrix::zeros_generic(rows, cols);
        bar.row_mut(*i).copy_from(c);
        bar
    }
}

/// `m.columns(j, n)`, `m.rows(i, n)`, `m.fixed_view::<R, C>(i, j)`,
/// `m.view((i, j), (r, c))` and the other view methods of a differentiated
/// matrix, as owned matrices: linear in `m`. The tangent is the same block
/// of the tangent; the pullback puts the cotangent in that block of a zero
/// matrix of `m`'s shape. The macro passes the method's arguments as a
/// [`view::Block`] (`view::Columns(j, n)`, ..), which gives the block's
/// place and its dimensions, static where nalgebra's view has them static.
pub mod view {
    use super::*;
    use nalgebra::{Const, Dyn, U1};

    /// Where a view method's block lies in an `r x c` matrix, and its
    /// dimensions: those of the view nalgebra's method returns.
    pub trait Block<R: Dim, C: Dim> {
        type Rows: Dim;
        type Cols: Dim;
        /// The first row and column, and the shape.
        fn place(&self, r: R, c: C) -> ((usize, usize), (Self::Rows, Self::Cols));
    }

    /// `m.columns(first, count)`.
    #[derive(Clone, Copy, Debug)]
    pub struct Columns(pub usize, pub usize);
    /// `m.rows(first, count)`.
    #[derive(Clone, Copy, Debug)]
    pub struct Rows(pub usize, pub usize);
    /// `m.fixed_columns::<N>(first)`.
    #[derive(Clone, Copy, Debug)]
    pub struct FixedColumns<const N: usize>(pub usize);
    /// `m.fixed_rows::<N>(first)`.
    #[derive(Clone, Copy, Debug)]
    pub struct FixedRows<const N: usize>(pub usize);
    /// `m.fixed_view::<RV, CV>(row, column)`.
    #[derive(Clone, Copy, Debug)]
    pub struct FixedView<const RV: usize, const CV: usize>(pub usize, pub usize);
    /// `m.view((row, column), (rows, columns))`.
    #[derive(Clone, Copy, Debug)]
    pub struct View(pub (usize, usize), pub (usize, usize));
    /// `m.column_part(j, n)`: the first `n` elements of column `j`.
    #[derive(Clone, Copy, Debug)]
    pub struct ColumnPart(pub usize, pub usize);
    /// `m.row_part(i, n)`: the first `n` elements of row `i`.
    #[derive(Clone, Copy, Debug)]
    pub struct RowPart(pub usize, pub usize);

    impl<R: Dim, C: Dim> Block<R, C> for Columns {
        type Rows = R;
        type Cols = Dyn;
        fn place(&self, r: R, _c: C) -> ((usize, usize), (R, Dyn)) {
            ((0, self.0), (r, Dyn(self.1)))
        }
    }
    impl<R: Dim, C: Dim> Block<R, C> for Rows {
        type Rows = Dyn;
        type Cols = C;
        fn place(&self, _r: R, c: C) -> ((usize, usize), (Dyn, C)) {
            ((self.0, 0), (Dyn(self.1), c))
        }
    }
    impl<R: Dim, C: Dim, const N: usize> Block<R, C> for FixedColumns<N> {
        type Rows = R;
        type Cols = Const<N>;
        fn place(&self, r: R, _c: C) -> ((usize, usize), (R, Const<N>)) {
            ((0, self.0), (r, Const::<N>))
        }
    }
    impl<R: Dim, C: Dim, const N: usize> Block<R, C> for FixedRows<N> {
        type Rows = Const<N>;
        type Cols = C;
        fn place(&self, _r: R, c: C) -> ((usize, usize), (Const<N>, C)) {
            ((self.0, 0), (Const::<N>, c))
        }
    }
    impl<R: Dim, C: Dim, const RV: usize, const CV: usize> Block<R, C> for FixedView<RV, CV> {
        type Rows = Const<RV>;
        type Cols = Const<CV>;
        fn place(&self, _r: R, _c: C) -> ((usize, usize), (Const<RV>, Const<CV>)) {
            ((self.0, self.1), (Const::<RV>, Const::<CV>))
        }
    }
    impl<R: Dim, C: Dim> Block<R, C> for View {
        type Rows = Dyn;
        type Cols = Dyn;
        fn place(&self, _r: R, _c: C) -> ((usize, usize), (Dyn, Dyn)) {
            (self.0, (Dyn(self.1.0), Dyn(self.1.1)))
        }
    }
    impl<R: Dim, C: Dim> Block<R, C> for ColumnPart {
        type Rows = Dyn;
        type Cols = U1;
        fn place(&self, _r: R, _c: C) -> ((usize, usize), (Dyn, U1)) {
            ((0, self.0), (Dyn(self.1), U1))
        }
    }
    impl<R: Dim, C: Dim> Block<R, C> for RowPart {
        type Rows = U1;
        type Cols = Dyn;
        fn place(&self, _r: R, _c: C) -> ((usize, usize), (U1, Dyn)) {
            ((self.0, 0), (U1, Dyn(self.1)))
        }
    }

    type Y<F, B, R, C> = OMatrix<F, <B as Block<R, C>>::Rows, <B as Block<R, C>>::Cols>;

    /// The block of `m`, copied: nalgebra's view, owned.
    #[inline]
    pub fn value<F: Elem, R: Dim, C: Dim, B: Block<R, C>>(m: &OMatrix<F, R, C>, block: &B) -> Y<F, B, R, C>
    where
        DefaultAllocator: Allocator<R, C> + Allocator<B::Rows, B::Cols>,
    {
        let (rows, cols) = m.shape_generic();
        let (start, shape) = block.place(rows, cols);
        m.generic_view(start, shape).into_owned()
    }
    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim, B: Block<R, C>>(
        _m: &OMatrix<F, R, C>,
        block: &B,
        _y: &Y<F, B, R, C>,
        t: &OMatrix<F, R, C>,
    ) -> Y<F, B, R, C>
    where
        DefaultAllocator: Allocator<R, C> + Allocator<B::Rows, B::Cols>,
    {
        value(t, block)
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim, B: Block<R, C>>(
        m: &OMatrix<F, R, C>,
        block: &B,
        _y: &Y<F, B, R, C>,
        c: &Y<F, B, R, C>,
    ) -> OMatrix<F, R, C>
    where
        DefaultAllocator: Allocator<R, C> + Allocator<B::Rows, B::Cols>,
    {
        let (rows, cols) = m.shape_generic();
        let (start, shape) = block.place(rows, cols);
        let mut bar = OMatrix::zeros_generic(rows, cols);
        bar.generic_view_mut(start, shape).copy_from(c);
        bar
    }

    /// The positions in `m`'s storage (column by column) of the block's
    /// elements, in the block's own storage order.
    pub fn storage_indices<F: Elem, R: Dim, C: Dim, B: Block<R, C>>(m: &OMatrix<F, R, C>, block: &B) -> Vec<usize>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        let (rows, cols) = m.shape_generic();
        let ((i, j), (r, c)) = block.place(rows, cols);
        let (r, c) = (r.value(), c.value());
        assert!(i + r <= m.nrows() && j + c <= m.ncols(), "Matrix slicing out of bounds.");
        (j..j + c).flat_map(|col| (i..i + r).map(move |row| row + col * m.nrows())).collect()
    }
}

/// A constant that a view method made (`x.column(j)` of constant data)
/// and that differentiated values meet: a nalgebra view is copied into an
/// owned matrix, which the rules take, and a copy costs no more than the
/// operation that reads it; a value of any other type (the user's own
/// `column` method) is kept as it is. The generated code writes
/// `value.into_matdiff_constant().into_constant()` with the traits in
/// scope: method resolution tries [`constant::OwnView`] on the value first
/// and falls back to [`constant::KeepValue`] on `&mut`, so rustc makes the
/// choice from the type. Only methods are called, so the macro can tell
/// that the expression has no effect and drop it where its value is unused.
pub mod constant {
    use super::*;
    use nalgebra::{Matrix, Storage};

    /// The constant, taken once.
    pub struct Constant<T>(pub Option<T>);

    /// Wraps any value in a [`Constant`].
    pub trait MakeConstant: Sized {
        #[inline]
        fn into_matdiff_constant(self) -> Constant<Self> {
            Constant(Some(self))
        }
    }

    impl<T> MakeConstant for T {}

    pub trait OwnView {
        type Owned;
        fn into_constant(self) -> Self::Owned;
    }

    impl<F: nalgebra::Scalar, R: Dim, C: Dim, S: Storage<F, R, C>> OwnView for Constant<Matrix<F, R, C, S>>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        type Owned = OMatrix<F, R, C>;
        #[inline]
        fn into_constant(self) -> OMatrix<F, R, C> {
            match self.0 {
                Some(view) => view.into_owned(),
                None => unreachable!("a constant is made with its value"),
            }
        }
    }

    pub trait KeepValue {
        type Owned;
        fn into_constant(self) -> Self::Owned;
    }

    impl<T> KeepValue for &mut Constant<T> {
        type Owned = T;
        #[inline]
        fn into_constant(self) -> T {
            match self.0.take() {
                Some(value) => value,
                None => unreachable!("a constant is taken once"),
            }
        }
    }
}

/// `x.trace()` of a square matrix: linear; the gradient is the identity.
pub mod trace {
    use super::*;

    #[inline]
    pub fn jvp0<F: Elem, D: Dim>(_x: &OMatrix<F, D, D>, _y: &F, t: &OMatrix<F, D, D>) -> F
    where
        DefaultAllocator: Allocator<D, D>,
    {
        t.trace()
    }
    #[inline]
    pub fn vjp0<F: Elem, D: Dim>(x: &OMatrix<F, D, D>, _y: &F, c: &F) -> OMatrix<F, D, D>
    where
        DefaultAllocator: Allocator<D, D>,
    {
        let (rows, cols) = x.shape_generic();
        OMatrix::identity_generic(rows, cols) * *c
    }
}

/// `x.determinant()`: d det X = det X tr(X^-1 dX), so the gradient is
/// det X X^-T (seed 003, rule 4).
pub mod determinant {
    use super::*;

    #[inline]
    pub fn jvp0<F: Elem, D: Dim + DimMin<D, Output = D>>(x: &OMatrix<F, D, D>, y: &F, t: &OMatrix<F, D, D>) -> F
    where
        DefaultAllocator: Allocator<D, D> + Allocator<D>,
    {
        *y * (inverse_or_nan(x) * t).trace()
    }
    #[inline]
    pub fn vjp0<F: Elem, D: Dim + DimMin<D, Output = D>>(x: &OMatrix<F, D, D>, y: &F, c: &F) -> OMatrix<F, D, D>
    where
        DefaultAllocator: Allocator<D, D> + Allocator<D>,
    {
        inverse_or_nan(x).transpose() * (*c * *y)
    }
    /// `c det X (tr(X^-1 t) X^-T - X^-T t' X^-T)`.
    #[inline]
    pub fn vjp0_jvp0<F: Elem, D: Dim + DimMin<D, Output = D>>(
        x: &OMatrix<F, D, D>,
        y: &F,
        c: &F,
        t: &OMatrix<F, D, D>,
    ) -> OMatrix<F, D, D>
    where
        DefaultAllocator: Allocator<D, D> + Allocator<D>,
    {
        let inverse_t = inverse_or_nan(x).transpose();
        let trace = (inverse_t.tr_mul(t)).trace();
        (&inverse_t * trace - &inverse_t * t.transpose() * &inverse_t) * (*c * *y)
    }
}

/// `matdiff::logdet(&x)` = ln |det X|: the gradient is X^-T (seed 003,
/// rule 5).
pub mod logdet {
    use super::*;

    #[inline]
    pub fn jvp0<F: Elem, D: Dim + DimMin<D, Output = D>>(x: &OMatrix<F, D, D>, _y: &F, t: &OMatrix<F, D, D>) -> F
    where
        DefaultAllocator: Allocator<D, D> + Allocator<D>,
    {
        (inverse_or_nan(x) * t).trace()
    }
    #[inline]
    pub fn vjp0<F: Elem, D: Dim + DimMin<D, Output = D>>(x: &OMatrix<F, D, D>, _y: &F, c: &F) -> OMatrix<F, D, D>
    where
        DefaultAllocator: Allocator<D, D> + Allocator<D>,
    {
        inverse_or_nan(x).transpose() * *c
    }
    /// `-c X^-T t' X^-T`.
    #[inline]
    pub fn vjp0_jvp0<F: Elem, D: Dim + DimMin<D, Output = D>>(
        x: &OMatrix<F, D, D>,
        _y: &F,
        c: &F,
        t: &OMatrix<F, D, D>,
    ) -> OMatrix<F, D, D>
    where
        DefaultAllocator: Allocator<D, D> + Allocator<D>,
    {
        let inverse_t = inverse_or_nan(x).transpose();
        -(&inverse_t * t.transpose() * &inverse_t) * *c
    }
}

/// `matdiff::inv(&x)`, Y = X^-1: dY = -Y dX Y, so the pullback is -Y' C Y'.
pub mod inverse {
    use super::*;

    #[inline]
    pub fn jvp0<F: Elem, D: Dim>(_x: &OMatrix<F, D, D>, y: &OMatrix<F, D, D>, t: &OMatrix<F, D, D>) -> OMatrix<F, D, D>
    where
        DefaultAllocator: Allocator<D, D>,
    {
        -(y * t * y)
    }
    #[inline]
    pub fn vjp0<F: Elem, D: Dim>(_x: &OMatrix<F, D, D>, y: &OMatrix<F, D, D>, c: &OMatrix<F, D, D>) -> OMatrix<F, D, D>
    where
        DefaultAllocator: Allocator<D, D>,
    {
        -(y.tr_mul(c) * y.transpose())
    }
    /// `(Y t Y)' C Y' + Y' C (Y t Y)'`.
    #[inline]
    pub fn vjp0_jvp0<F: Elem, D: Dim>(
        _x: &OMatrix<F, D, D>,
        y: &OMatrix<F, D, D>,
        c: &OMatrix<F, D, D>,
        t: &OMatrix<F, D, D>,
    ) -> OMatrix<F, D, D>
    where
        DefaultAllocator: Allocator<D, D>,
    {
        let yty_t = (y * t * y).transpose();
        &yty_t * c * y.transpose() + y.tr_mul(c) * &yty_t
    }
}

/// `matdiff::solve(&a, &b)`, Y = A^-1 B: with G = A^-T C the pullbacks are
/// -G Y' to A and G to B.
pub mod solve {
    use super::*;

    #[inline]
    pub fn jvp0<F: Elem, D: Dim + DimMin<D, Output = D>, C: Dim>(
        a: &OMatrix<F, D, D>,
        _b: &OMatrix<F, D, C>,
        y: &OMatrix<F, D, C>,
        t: &OMatrix<F, D, D>,
    ) -> OMatrix<F, D, C>
    where
        DefaultAllocator: Allocator<D, D> + Allocator<D> + Allocator<D, C>,
    {
        -super::solve(a, &(t * y))
    }
    #[inline]
    pub fn jvp1<F: Elem, D: Dim + DimMin<D, Output = D>, C: Dim>(
        a: &OMatrix<F, D, D>,
        _b: &OMatrix<F, D, C>,
        _y: &OMatrix<F, D, C>,
        t: &OMatrix<F, D, C>,
    ) -> OMatrix<F, D, C>
    where
        DefaultAllocator: Allocator<D, D> + Allocator<D> + Allocator<D, C>,
    {
        super::solve(a, t)
    }
    #[inline]
    pub fn vjp0<F: Elem, D: Dim + DimMin<D, Output = D>, C: Dim>(
        a: &OMatrix<F, D, D>,
        _b: &OMatrix<F, D, C>,
        y: &OMatrix<F, D, C>,
        c: &OMatrix<F, D, C>,
    ) -> OMatrix<F, D, D>
    where
        DefaultAllocator: Allocator<D, D> + Allocator<D> + Allocator<D, C> + Allocator<C, D>,
    {
        -(super::solve(&a.transpose(), c) * y.transpose())
    }
    #[inline]
    pub fn vjp1<F: Elem, D: Dim + DimMin<D, Output = D>, C: Dim>(
        a: &OMatrix<F, D, D>,
        _b: &OMatrix<F, D, C>,
        _y: &OMatrix<F, D, C>,
        c: &OMatrix<F, D, C>,
    ) -> OMatrix<F, D, C>
    where
        DefaultAllocator: Allocator<D, D> + Allocator<D> + Allocator<D, C>,
    {
        super::solve(&a.transpose(), c)
    }
    /// `A^-T t' G Y' + G (A^-1 t Y)'`.
    #[inline]
    pub fn vjp0_jvp0<F: Elem, D: Dim + DimMin<D, Output = D>, C: Dim>(
        a: &OMatrix<F, D, D>,
        _b: &OMatrix<F, D, C>,
        y: &OMatrix<F, D, C>,
        c: &OMatrix<F, D, C>,
        t: &OMatrix<F, D, D>,
    ) -> OMatrix<F, D, D>
    where
        DefaultAllocator: Allocator<D, D> + Allocator<D> + Allocator<D, C> + Allocator<C, D>,
    {
        let a_t = a.transpose();
        let g = super::solve(&a_t, c);
        super::solve(&a_t, &(t.tr_mul(&g))) * y.transpose() + &g * super::solve(a, &(t * y)).transpose()
    }
    /// `-G (A^-1 t)'`.
    #[inline]
    pub fn vjp0_jvp1<F: Elem, D: Dim + DimMin<D, Output = D>, C: Dim>(
        a: &OMatrix<F, D, D>,
        _b: &OMatrix<F, D, C>,
        _y: &OMatrix<F, D, C>,
        c: &OMatrix<F, D, C>,
        t: &OMatrix<F, D, C>,
    ) -> OMatrix<F, D, D>
    where
        DefaultAllocator: Allocator<D, D> + Allocator<D> + Allocator<D, C> + Allocator<C, D>,
    {
        -(super::solve(&a.transpose(), c) * super::solve(a, t).transpose())
    }
    /// `-A^-T t' G`.
    #[inline]
    pub fn vjp1_jvp0<F: Elem, D: Dim + DimMin<D, Output = D>, C: Dim>(
        a: &OMatrix<F, D, D>,
        _b: &OMatrix<F, D, C>,
        _y: &OMatrix<F, D, C>,
        c: &OMatrix<F, D, C>,
        t: &OMatrix<F, D, D>,
    ) -> OMatrix<F, D, C>
    where
        DefaultAllocator: Allocator<D, D> + Allocator<D> + Allocator<D, C>,
    {
        let a_t = a.transpose();
        -super::solve(&a_t, &(t.tr_mul(&super::solve(&a_t, c))))
    }
}

/// `matdiff::softmax(&x)` of a vector: dy = y (t - y't), a symmetric
/// Jacobian diag(y) - y y', so the pullback has the same form.
pub mod softmax {
    use super::*;
    use nalgebra::U1;

    type V<F, R> = OMatrix<F, R, U1>;

    /// `y_i (t_i - y't)` with the difference as in
    /// [`crate::functions::centered`]: the diagonal y_i (1 - y_i) of the
    /// Jacobian does not cancel where y_i is near 1.
    #[inline]
    pub fn jvp0<F: Elem, R: Dim>(_x: &V<F, R>, y: &V<F, R>, t: &V<F, R>) -> V<F, R>
    where
        DefaultAllocator: Allocator<R>,
    {
        let q = crate::functions::complements(y.as_slice());
        let yt = y.dot(t);
        let mut out = y.clone();
        for (i, o) in out.iter_mut().enumerate() {
            *o = y[i] * crate::functions::centered(t[i], y[i], q[i], yt);
        }
        out
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim>(x: &V<F, R>, y: &V<F, R>, c: &V<F, R>) -> V<F, R>
    where
        DefaultAllocator: Allocator<R>,
    {
        jvp0(x, y, c)
    }
    /// With s = dy along t: `s (c - y'c) - y (s'c)`.
    #[inline]
    pub fn vjp0_jvp0<F: Elem, R: Dim>(x: &V<F, R>, y: &V<F, R>, c: &V<F, R>, t: &V<F, R>) -> V<F, R>
    where
        DefaultAllocator: Allocator<R>,
    {
        let s = jvp0(x, y, t);
        let q = crate::functions::complements(y.as_slice());
        let yc = y.dot(c);
        let sc = s.dot(c);
        let mut out = s.clone();
        for (i, o) in out.iter_mut().enumerate() {
            *o = s[i] * crate::functions::centered(c[i], y[i], q[i], yc) - y[i] * sc;
        }
        out
    }
}

/// `x.map(|v| body)`: the closure `f` applied to every element, with its
/// first and second derivatives `d(v, y)` and `dd(v, y)` (which the macro
/// generates from the closure's body) at each element `v` and the element
/// `y = f(v)` of the value, which they read instead of computing it again
/// where the body's derivative is written with it. The Jacobian is
/// diagonal, so the rules are elementwise products.
pub mod map {
    use super::*;

    type M<F, R, C> = OMatrix<F, R, C>;

    #[inline]
    pub fn value<F: Elem, R: Dim, C: Dim>(x: &M<F, R, C>, f: &impl Fn(F) -> F) -> M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        crate::pool::map(x, f)
    }
    /// The derivative closures take the element and the element of the
    /// value `y`, so that a derivative written with the value (`1 - y^2` for
    /// `tanh`) does not compute it again; where they do not read it, the
    /// generated code passes `()` for `y` (see [`Value`]).
    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim, Y: Value<F, R, C> + ?Sized>(
        x: &M<F, R, C>,
        _f: &impl Fn(F) -> F,
        d: &impl Fn(F, F) -> F,
        _dd: &impl Fn(F, F) -> F,
        y: &Y,
        t: &M<F, R, C>,
    ) -> M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        y.zip_with(x, t, |xi, yi, ti| ti * d(xi, yi))
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim, Y: Value<F, R, C> + ?Sized>(
        x: &M<F, R, C>,
        f: &impl Fn(F) -> F,
        d: &impl Fn(F, F) -> F,
        dd: &impl Fn(F, F) -> F,
        y: &Y,
        c: &M<F, R, C>,
    ) -> M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        jvp0(x, f, d, dd, y, c)
    }
    #[inline]
    pub fn vjp0_jvp0<F: Elem, R: Dim, C: Dim, Y: Value<F, R, C> + ?Sized>(
        x: &M<F, R, C>,
        _f: &impl Fn(F) -> F,
        _d: &impl Fn(F, F) -> F,
        dd: &impl Fn(F, F) -> F,
        y: &Y,
        c: &M<F, R, C>,
        t: &M<F, R, C>,
    ) -> M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        y.zip_with(x, c, |xi, yi, ci| ci * dd(xi, yi)).component_mul(t)
    }

    /// The value of a map as its rules read it: the matrix of `f(x_i)`, or
    /// `()` where the derivative closures do not read it (`softplus' =
    /// sigmoid`), so that the generated code need not compute it. With `()`
    /// the closures are handed `x_i` in its place, which they ignore.
    pub trait Value<F: Elem, R: Dim, C: Dim>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        /// `g(x_i, y_i, t_i)` for every element.
        fn zip_with(&self, x: &M<F, R, C>, t: &M<F, R, C>, g: impl Fn(F, F, F) -> F) -> M<F, R, C>;
        /// `d(x_i, y_i)` for every element, in storage order.
        fn slopes(&self, x: &M<F, R, C>, d: &impl Fn(F, F) -> F) -> Vec<F>;
    }

    impl<F: Elem, R: Dim, C: Dim> Value<F, R, C> for M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        #[inline]
        fn zip_with(&self, x: &M<F, R, C>, t: &M<F, R, C>, g: impl Fn(F, F, F) -> F) -> M<F, R, C> {
            crate::pool::zip_zip_map(x, self, t, g)
        }
        #[inline]
        fn slopes(&self, x: &M<F, R, C>, d: &impl Fn(F, F) -> F) -> Vec<F> {
            x.iter().zip(self.iter()).map(|(&xi, &yi)| d(xi, yi)).collect()
        }
    }

    impl<F: Elem, R: Dim, C: Dim> Value<F, R, C> for ()
    where
        DefaultAllocator: Allocator<R, C>,
    {
        #[inline]
        fn zip_with(&self, x: &M<F, R, C>, t: &M<F, R, C>, g: impl Fn(F, F, F) -> F) -> M<F, R, C> {
            crate::pool::zip_map(x, t, |xi, ti| g(xi, xi, ti))
        }
        #[inline]
        fn slopes(&self, x: &M<F, R, C>, d: &impl Fn(F, F) -> F) -> Vec<F> {
            x.iter().map(|&xi| d(xi, xi)).collect()
        }
    }
}

/// `x.map(|v| v.f())` for a scalar function `f` with a rule in
/// [`crate::rules`]: pass that rule's first derivative `d` (and second
/// derivative `dd`), which take the element and the element of the value.
pub mod elementwise {
    use super::*;

    type M<F, R, C> = OMatrix<F, R, C>;

    #[inline]
    pub fn jvp0<F: Elem, R: Dim, C: Dim>(
        x: &M<F, R, C>,
        y: &M<F, R, C>,
        t: &M<F, R, C>,
        d: impl Fn(F, F) -> F,
    ) -> M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        x.zip_zip_map(y, t, |xi, yi, ti| ti * d(xi, yi))
    }
    #[inline]
    pub fn vjp0<F: Elem, R: Dim, C: Dim>(
        x: &M<F, R, C>,
        y: &M<F, R, C>,
        c: &M<F, R, C>,
        d: impl Fn(F, F) -> F,
    ) -> M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        jvp0(x, y, c, d)
    }
    #[inline]
    pub fn vjp0_jvp0<F: Elem, R: Dim, C: Dim>(
        x: &M<F, R, C>,
        y: &M<F, R, C>,
        c: &M<F, R, C>,
        t: &M<F, R, C>,
        dd: impl Fn(F, F) -> F,
    ) -> M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        x.zip_zip_map(y, c, |xi, yi, ci| ci * dd(xi, yi)).component_mul(t)
    }
}

/// The operators `+`, `-`, `*`, `/` and negation on matrices: their values
/// (by reference, so no operand is moved) and their rules, dispatched from
/// [`crate::rules::operators`]. `*` is [`matmul`] between matrices and
/// [`scale`] between a scalar and a matrix (either side); `/` divides a
/// matrix by a scalar.
mod operators {
    use super::*;
    use crate::rules::operators::{Minus, Negate, Plus, div, mul};

    type M<F, R, C> = OMatrix<F, R, C>;

    impl<F: Elem, R: Dim, C: Dim> Plus<M<F, R, C>> for M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        type Output = M<F, R, C>;
        #[inline]
        fn plus(a: &Self, b: &Self) -> Self {
            crate::pool::pooled_zip_map(a, b, |x, y| x + y).unwrap_or_else(|| a + b)
        }
    }

    impl<F: Elem, R: Dim, C: Dim> Minus<M<F, R, C>> for M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        type Output = M<F, R, C>;
        #[inline]
        fn minus(a: &Self, b: &Self) -> Self {
            crate::pool::pooled_zip_map(a, b, |x, y| x - y).unwrap_or_else(|| a - b)
        }
    }

    impl<F: Elem, R: Dim, C: Dim> Negate for M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        type Output = M<F, R, C>;
        #[inline]
        fn negate(a: &Self) -> Self {
            crate::Linear::neg(a)
        }
    }

    /// Implements the rule traits of `*` for one combination of operand
    /// types by forwarding to a bilinear rule table of this module.
    macro_rules! product {
        (
            <$($dim:ident),*> where [$($bound:tt)*]
            $a:ty, $b:ty => $y:ty;
            $table:ident($($swap:tt)*)
        ) => {
            impl<F: Elem, $($dim: Dim),*> mul::Value<$b> for $a
            where
                DefaultAllocator: $($bound)*,
            {
                type Output = $y;
                #[inline]
                fn value(a: &Self, b: &$b) -> $y {
                    product!(@value $table a b $($swap)*)
                }
            }
            impl<F: Elem, $($dim: Dim,)* Y: ?Sized> mul::Jvp0<$b, Y, $a> for $a
            where
                DefaultAllocator: $($bound)*,
            {
                type Output = $y;
                #[inline]
                fn jvp0(a: &Self, b: &$b, y: &Y, t: &$a) -> $y {
                    product!(@call $table jvp0 jvp1 (a, b, y, t) $($swap)*)
                }
            }
            impl<F: Elem, $($dim: Dim,)* Y: ?Sized> mul::Jvp1<$b, Y, $b> for $a
            where
                DefaultAllocator: $($bound)*,
            {
                type Output = $y;
                #[inline]
                fn jvp1(a: &Self, b: &$b, y: &Y, t: &$b) -> $y {
                    product!(@call $table jvp1 jvp0 (a, b, y, t) $($swap)*)
                }
            }
            impl<F: Elem, $($dim: Dim,)* Y: ?Sized> mul::Vjp0<$b, Y, $y> for $a
            where
                DefaultAllocator: $($bound)*,
            {
                type Output = $a;
                #[inline]
                fn vjp0(a: &Self, b: &$b, y: &Y, c: &$y) -> $a {
                    product!(@call $table vjp0 vjp1 (a, b, y, c) $($swap)*)
                }
            }
            impl<F: Elem, $($dim: Dim,)* Y: ?Sized> mul::Vjp1<$b, Y, $y> for $a
            where
                DefaultAllocator: $($bound)*,
            {
                type Output = $b;
                #[inline]
                fn vjp1(a: &Self, b: &$b, y: &Y, c: &$y) -> $b {
                    product!(@call $table vjp1 vjp0 (a, b, y, c) $($swap)*)
                }
            }
            impl<F: Elem, $($dim: Dim,)* Y: ?Sized> mul::Vjp0Jvp1<$b, Y, $y, $b> for $a
            where
                DefaultAllocator: $($bound)*,
            {
                type Output = $a;
                #[inline]
                fn vjp0_jvp1(a: &Self, b: &$b, y: &Y, c: &$y, t: &$b) -> $a {
                    product!(@call2 $table vjp0_jvp1 vjp1_jvp0 (a, b, y, c, t) $($swap)*)
                }
            }
            impl<F: Elem, $($dim: Dim,)* Y: ?Sized> mul::Vjp1Jvp0<$b, Y, $y, $a> for $a
            where
                DefaultAllocator: $($bound)*,
            {
                type Output = $b;
                #[inline]
                fn vjp1_jvp0(a: &Self, b: &$b, y: &Y, c: &$y, t: &$a) -> $b {
                    product!(@call2 $table vjp1_jvp0 vjp0_jvp1 (a, b, y, c, t) $($swap)*)
                }
            }
        };
        (@value $table:ident $a:ident $b:ident) => { $table::value($a, $b) };
        (@value $table:ident $a:ident $b:ident swap) => { $table::value($b, $a) };
        (@call $table:ident $same:ident $other:ident ($a:ident, $b:ident, $y:ident, $t:ident)) => {
            $table::$same($a, $b, $y, $t)
        };
        (@call $table:ident $same:ident $other:ident ($a:ident, $b:ident, $y:ident, $t:ident) swap) => {
            $table::$other($b, $a, $y, $t)
        };
        (@call2 $table:ident $same:ident $other:ident ($a:ident, $b:ident, $y:ident, $c:ident, $t:ident)) => {
            $table::$same($a, $b, $y, $c, $t)
        };
        (@call2 $table:ident $same:ident $other:ident ($a:ident, $b:ident, $y:ident, $c:ident, $t:ident) swap) => {
            $table::$other($b, $a, $y, $c, $t)
        };
    }

    product! {
        <R, K, C> where [Allocator<R, K> + Allocator<K, C> + Allocator<R, C> + Allocator<C, K>]
        M<F, R, K>, M<F, K, C> => M<F, R, C>;
        matmul()
    }

    product! {
        <R, C> where [Allocator<R, C>]
        F, M<F, R, C> => M<F, R, C>;
        scale()
    }

    product! {
        <R, C> where [Allocator<R, C>]
        M<F, R, C>, F => M<F, R, C>;
        scale(swap)
    }

    /// The pullbacks of a product of two matrices accumulated into a sum
    /// of cotangents: `acc + c b'` and `acc + a' c` by one GEMM each.
    impl<F: Elem, R: Dim, K: Dim, C: Dim, Y: ?Sized> mul::Vjp0Add<M<F, K, C>, Y, M<F, R, C>> for M<F, R, K>
    where
        DefaultAllocator: Allocator<R, K> + Allocator<K, C> + Allocator<R, C> + Allocator<C, K>,
    {
        type Output = M<F, R, K>;
        #[inline]
        fn vjp0_add(_a: &Self, b: &M<F, K, C>, _y: &Y, c: &M<F, R, C>, acc: M<F, R, K>) -> M<F, R, K> {
            crate::products::mul_tr_add(acc, c, b)
        }
    }
    impl<F: Elem, R: Dim, K: Dim, C: Dim, Y: ?Sized> mul::Vjp1Add<M<F, K, C>, Y, M<F, R, C>> for M<F, R, K>
    where
        DefaultAllocator: Allocator<R, K> + Allocator<K, C> + Allocator<R, C> + Allocator<C, K>,
    {
        type Output = M<F, K, C>;
        #[inline]
        fn vjp1_add(a: &Self, _b: &M<F, K, C>, _y: &Y, c: &M<F, R, C>, acc: M<F, K, C>) -> M<F, K, C> {
            crate::products::tr_mul_add(acc, a, c)
        }
    }

    impl<F: Elem, R: Dim, C: Dim> div::Value<F> for M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        type Output = M<F, R, C>;
        #[inline]
        fn value(a: &Self, b: &F) -> Self {
            a / *b
        }
    }

    /// `t / b`.
    impl<F: Elem, R: Dim, C: Dim> div::Jvp0<F, M<F, R, C>, M<F, R, C>> for M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        type Output = M<F, R, C>;
        #[inline]
        fn jvp0(_a: &Self, b: &F, _y: &Self, t: &Self) -> Self {
            t / *b
        }
    }

    /// `-y t / b`.
    impl<F: Elem, R: Dim, C: Dim> div::Jvp1<F, M<F, R, C>, F> for M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        type Output = M<F, R, C>;
        #[inline]
        fn jvp1(_a: &Self, b: &F, y: &Self, t: &F) -> Self {
            y * (-*t / *b)
        }
    }

    /// `c / b`.
    impl<F: Elem, R: Dim, C: Dim> div::Vjp0<F, M<F, R, C>, M<F, R, C>> for M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        type Output = M<F, R, C>;
        #[inline]
        fn vjp0(_a: &Self, b: &F, _y: &Self, c: &Self) -> Self {
            c / *b
        }
    }

    /// `-y'c / b`.
    impl<F: Elem, R: Dim, C: Dim> div::Vjp1<F, M<F, R, C>, M<F, R, C>> for M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        type Output = F;
        #[inline]
        fn vjp1(_a: &Self, b: &F, y: &Self, c: &Self) -> F {
            -y.dot(c) / *b
        }
    }

    /// `-c t / b^2`.
    impl<F: Elem, R: Dim, C: Dim> div::Vjp0Jvp1<F, M<F, R, C>, M<F, R, C>, F> for M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        type Output = M<F, R, C>;
        #[inline]
        fn vjp0_jvp1(_a: &Self, b: &F, _y: &Self, c: &Self, t: &F) -> Self {
            c * (-*t / (*b * *b))
        }
    }

    /// `-t'c / b^2`.
    impl<F: Elem, R: Dim, C: Dim> div::Vjp1Jvp0<F, M<F, R, C>, M<F, R, C>, M<F, R, C>> for M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        type Output = F;
        #[inline]
        fn vjp1_jvp0(_a: &Self, b: &F, _y: &Self, c: &Self, t: &Self) -> F {
            -t.dot(c) / (*b * *b)
        }
    }

    /// `2 (y'c) t / b^2`.
    impl<F: Elem, R: Dim, C: Dim> div::Vjp1Jvp1<F, M<F, R, C>, M<F, R, C>, F> for M<F, R, C>
    where
        DefaultAllocator: Allocator<R, C>,
    {
        type Output = F;
        #[inline]
        fn vjp1_jvp1(_a: &Self, b: &F, y: &Self, c: &Self, t: &F) -> F {
            F::of(2.0) * y.dot(c) * *t / (*b * *b)
        }
    }
}
