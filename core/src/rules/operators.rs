//! Rules of the arithmetic operators and of `as` casts between float types.
//!
//! The macro cannot tell `a * b` between scalars from a matrix product or a
//! scalar times a matrix, so every operator's value and rules are functions
//! of their operands' types: each rule function forwards to a trait that is
//! implemented for the combinations of `f32`/`f64` and nalgebra matrices the
//! operator supports (the matrix ones in [`crate::rules::matrix`]), and
//! rustc picks the implementation. Between scalars the rules are generic over
//! the tangent bundle, so a whole Hessian still takes one sweep.

use crate::{Linear, Scalar};

/// Declares, in a binary operator's module, one trait per rule function
/// (implemented for the left operand, parameterised by the other types) and
/// the free function the generated code calls.
macro_rules! binary_dispatch {
    (
        first: [$($first:ident / $First:ident),*];
        second: [$($second:ident / $Second:ident),*];
    ) => {
        /// The value `a op b`, for left operands of this type and right
        /// operands of type `B`.
        pub trait Value<B> {
            type Output;
            fn value(a: &Self, b: &B) -> Self::Output;
        }

        /// The forward value, as the user wrote it.
        #[inline(always)]
        pub fn value<A: Value<B>, B>(a: &A, b: &B) -> A::Output {
            A::value(a, b)
        }

        $(
            /// A first-order rule: the tangent or cotangent `t` of one side
            /// mapped to the other.
            pub trait $First<B, Y: ?Sized, T> {
                type Output;
                fn $first(a: &Self, b: &B, y: &Y, t: &T) -> Self::Output;
            }

            #[inline(always)]
            pub fn $first<A: $First<B, Y, T>, B, Y: ?Sized, T>(a: &A, b: &B, y: &Y, t: &T) -> A::Output {
                A::$first(a, b, y, t)
            }
        )*

        $(
            /// A second-order rule: the tangent of a pullback of `c` along a
            /// tangent `t` of an argument.
            pub trait $Second<B, Y: ?Sized, C, T> {
                type Output;
                fn $second(a: &Self, b: &B, y: &Y, c: &C, t: &T) -> Self::Output;
            }

            #[inline(always)]
            pub fn $second<A: $Second<B, Y, C, T>, B, Y: ?Sized, C, T>(a: &A, b: &B, y: &Y, c: &C, t: &T) -> A::Output {
                A::$second(a, b, y, c, t)
            }
        )*
    };
}

/// Implements a dispatched rule trait of a binary operator between two
/// scalars, for every tangent bundle `T`.
macro_rules! scalar_rules {
    (
        value |$va:ident, $vb:ident| $value:expr;
        $($rest:tt)*
    ) => {
        scalar_rules!(@rules [] [F] value |$va, $vb| $value; $($rest)*);
    };
    // A primitive whose rules do not read its value (`*`): they take a
    // reference of any type in its place.
    (
        @unread_value value |$va:ident, $vb:ident| $value:expr;
        $($rest:tt)*
    ) => {
        scalar_rules!(@rules [Y: ?Sized,] [Y] value |$va, $vb| $value; $($rest)*);
    };
    (
        @rules $generics:tt [$Y:ty]
        value |$va:ident, $vb:ident| $value:expr;
        $($first:ident / $First:ident |$a:ident, $b:ident, $y:ident, $t:ident| $body:expr;)*
        $(@second $second:ident / $Second:ident |$sa:ident, $sb:ident, $sy:ident, $sc:ident, $st:ident| $sbody:expr;)*
    ) => {
        impl<F: Scalar> Value<F> for F {
            type Output = F;
            #[inline(always)]
            fn value($va: &F, $vb: &F) -> F {
                $value
            }
        }
        $(scalar_rules!(@first $generics [$Y] $first / $First |$a, $b, $y, $t| $body);)*
        $(scalar_rules!(@second $generics [$Y] $second / $Second |$sa, $sb, $sy, $sc, $st| $sbody);)*
    };
    (@first [$($generics:tt)*] [$Y:ty] $first:ident / $First:ident |$a:ident, $b:ident, $y:ident, $t:ident| $body:expr) => {
        impl<F: Scalar, $($generics)* T: Linear<F>> $First<F, $Y, T> for F {
            type Output = T;
            #[inline(always)]
            #[allow(unused_variables)]
            fn $first($a: &F, $b: &F, $y: &$Y, $t: &T) -> T {
                $body
            }
        }
    };
    (
        @second [$($generics:tt)*] [$Y:ty]
        $second:ident / $Second:ident |$sa:ident, $sb:ident, $sy:ident, $sc:ident, $st:ident| $sbody:expr
    ) => {
        impl<F: Scalar, $($generics)* T: Linear<F>> $Second<F, $Y, F, T> for F {
            type Output = T;
            #[inline(always)]
            #[allow(unused_variables)]
            fn $second($sa: &F, $sb: &F, $sy: &$Y, $sc: &F, $st: &T) -> T {
                $sbody
            }
        }
    };
}

/// The forward value of a linear operator (`+`, `-`, negation), by trait so
/// that matrices are added by reference.
pub trait Plus<B> {
    type Output;
    fn plus(a: &Self, b: &B) -> Self::Output;
}

pub trait Minus<B> {
    type Output;
    fn minus(a: &Self, b: &B) -> Self::Output;
}

pub trait Negate {
    type Output;
    fn negate(a: &Self) -> Self::Output;
}

impl<F: Scalar> Plus<F> for F {
    type Output = F;
    #[inline(always)]
    fn plus(a: &F, b: &F) -> F {
        *a + *b
    }
}

impl<F: Scalar> Minus<F> for F {
    type Output = F;
    #[inline(always)]
    fn minus(a: &F, b: &F) -> F {
        *a - *b
    }
}

impl<F: Scalar> Negate for F {
    type Output = F;
    #[inline(always)]
    fn negate(a: &F) -> F {
        -*a
    }
}

/// `a + b`: linear, so its rules take only the tangent or cotangent.
pub mod add {
    use super::*;

    #[inline(always)]
    pub fn value<A: Plus<B>, B>(a: &A, b: &B) -> A::Output {
        A::plus(a, b)
    }
    #[inline(always)]
    pub fn jvp0<F, T: Linear<F>>(t: &T) -> T {
        t.clone()
    }
    #[inline(always)]
    pub fn jvp1<F, T: Linear<F>>(t: &T) -> T {
        t.clone()
    }
    #[inline(always)]
    pub fn vjp0<F, T: Linear<F>>(c: &T) -> T {
        c.clone()
    }
    #[inline(always)]
    pub fn vjp1<F, T: Linear<F>>(c: &T) -> T {
        c.clone()
    }
    /// [`jvp0`] of a tangent nothing reads afterwards: no copy.
    #[inline(always)]
    pub fn jvp0_owned<F, T: Linear<F>>(t: T) -> T {
        t
    }
    #[inline(always)]
    pub fn jvp1_owned<F, T: Linear<F>>(t: T) -> T {
        t
    }
    #[inline(always)]
    pub fn vjp0_owned<F, T: Linear<F>>(c: T) -> T {
        c
    }
    #[inline(always)]
    pub fn vjp1_owned<F, T: Linear<F>>(c: T) -> T {
        c
    }

    by_value! {
        jvp0(t: T);
        jvp1(t: T);
        vjp0(c: T);
        vjp1(c: T);
    }
}

/// `a - b`: linear.
pub mod sub {
    use super::*;

    #[inline(always)]
    pub fn value<A: Minus<B>, B>(a: &A, b: &B) -> A::Output {
        A::minus(a, b)
    }
    #[inline(always)]
    pub fn jvp0<F, T: Linear<F>>(t: &T) -> T {
        t.clone()
    }
    #[inline(always)]
    pub fn jvp1<F, T: Linear<F>>(t: &T) -> T {
        t.neg()
    }
    #[inline(always)]
    pub fn vjp0<F, T: Linear<F>>(c: &T) -> T {
        c.clone()
    }
    #[inline(always)]
    pub fn vjp1<F, T: Linear<F>>(c: &T) -> T {
        c.neg()
    }
    /// [`jvp0`] of a tangent nothing reads afterwards.
    #[inline(always)]
    pub fn jvp0_owned<F, T: Linear<F>>(t: T) -> T {
        t
    }
    #[inline(always)]
    pub fn jvp1_owned<F, T: Linear<F>>(t: T) -> T {
        t.neg_owned()
    }
    #[inline(always)]
    pub fn vjp0_owned<F, T: Linear<F>>(c: T) -> T {
        c
    }
    #[inline(always)]
    pub fn vjp1_owned<F, T: Linear<F>>(c: T) -> T {
        c.neg_owned()
    }

    by_value! {
        jvp0(t: T);
        jvp1(t: T);
        vjp0(c: T);
        vjp1(c: T);
    }
}

/// `a * b`: bilinear, so each pullback's tangent is the pullback with the
/// other factor replaced by its tangent. Between matrices it is the matrix
/// product, between a scalar and a matrix the scaling.
pub mod mul {
    use super::*;

    binary_dispatch! {
        first: [jvp0 / Jvp0, jvp1 / Jvp1, vjp0 / Vjp0, vjp1 / Vjp1];
        second: [vjp0_jvp1 / Vjp0Jvp1, vjp1_jvp0 / Vjp1Jvp0];
    }

    /// A pullback of the matrix product added to a running sum of
    /// cotangents that nothing else reads: `acc + vjp0(a, b, y, c)`, with
    /// `acc` consumed. The product goes straight into `acc`'s storage (a
    /// GEMM with beta = 1), where `vjp0` and a sum would make a temporary
    /// and a second pass. Implemented for products of two matrices; the
    /// generated code uses it only there.
    pub trait Vjp0Add<B, Y: ?Sized, T> {
        type Output;
        fn vjp0_add(a: &Self, b: &B, y: &Y, c: &T, acc: Self::Output) -> Self::Output;
    }

    /// `acc + vjp1(a, b, y, c)`, as [`Vjp0Add`].
    pub trait Vjp1Add<B, Y: ?Sized, T> {
        type Output;
        fn vjp1_add(a: &Self, b: &B, y: &Y, c: &T, acc: Self::Output) -> Self::Output;
    }

    #[inline(always)]
    pub fn vjp0_add<A: Vjp0Add<B, Y, T>, B, Y: ?Sized, T>(a: &A, b: &B, y: &Y, c: &T, acc: A::Output) -> A::Output {
        A::vjp0_add(a, b, y, c, acc)
    }

    #[inline(always)]
    pub fn vjp1_add<A: Vjp1Add<B, Y, T>, B, Y: ?Sized, T>(a: &A, b: &B, y: &Y, c: &T, acc: A::Output) -> A::Output {
        A::vjp1_add(a, b, y, c, acc)
    }

    scalar_rules! {
        @unread_value
        value |a, b| *a * *b;
        jvp0 / Jvp0 |a, b, y, t| t.scale(*b);
        jvp1 / Jvp1 |a, b, y, t| t.scale(*a);
        vjp0 / Vjp0 |a, b, y, c| c.scale(*b);
        vjp1 / Vjp1 |a, b, y, c| c.scale(*a);
        @second vjp0_jvp1 / Vjp0Jvp1 |a, b, y, c, t| t.scale(*c);
        @second vjp1_jvp0 / Vjp1Jvp0 |a, b, y, c, t| t.scale(*c);
    }

    // Between floats; the value is not read, so it is `()`.
    by_value! {
        jvp0(a: F, b: F, y: (), t: T);
        jvp1(a: F, b: F, y: (), t: T);
        vjp0(a: F, b: F, y: (), c: T);
        vjp1(a: F, b: F, y: (), c: T);
        vjp0_jvp1(a: F, b: F, y: (), c: F, t: T);
        vjp1_jvp0(a: F, b: F, y: (), c: F, t: T);
    }
}

/// `a / b`. Between matrices and scalars: a matrix divided by a scalar.
pub mod div {
    use super::*;

    binary_dispatch! {
        first: [jvp0 / Jvp0, jvp1 / Jvp1, vjp0 / Vjp0, vjp1 / Vjp1];
        second: [vjp0_jvp1 / Vjp0Jvp1, vjp1_jvp0 / Vjp1Jvp0, vjp1_jvp1 / Vjp1Jvp1];
    }

    scalar_rules! {
        value |a, b| *a / *b;
        jvp0 / Jvp0 |a, b, y, t| t.scale(b.recip());
        jvp1 / Jvp1 |a, b, y, t| t.scale(-*y / *b);
        vjp0 / Vjp0 |a, b, y, c| c.scale(b.recip());
        vjp1 / Vjp1 |a, b, y, c| c.scale(-*y / *b);
        // Divided by b twice rather than by b * b, which overflows from
        // |b| = 1e154 on where 2 a / b^3 can still be a normal float.
        @second vjp0_jvp1 / Vjp0Jvp1 |a, b, y, c, t| t.scale(-(*c / *b) / *b);
        @second vjp1_jvp0 / Vjp1Jvp0 |a, b, y, c, t| t.scale(-(*c / *b) / *b);
        @second vjp1_jvp1 / Vjp1Jvp1 |a, b, y, c, t| t.scale(F::of(2.0) * *c * (*y / *b) / *b);
    }

    // Between floats.
    by_value! {
        jvp0(a: F, b: F, y: F, t: T);
        jvp1(a: F, b: F, y: F, t: T);
        vjp0(a: F, b: F, y: F, c: T);
        vjp1(a: F, b: F, y: F, c: T);
        vjp0_jvp1(a: F, b: F, y: F, c: F, t: T);
        vjp1_jvp0(a: F, b: F, y: F, c: F, t: T);
        vjp1_jvp1(a: F, b: F, y: F, c: F, t: T);
    }
}

/// `a % b` = a - b trunc(a / b): slope 1 in `a` and -trunc(a / b) in `b` on
/// each piece. Scalars only.
pub mod rem {
    use super::*;

    #[inline(always)]
    pub fn value<F: Scalar>(a: &F, b: &F) -> F {
        *a % *b
    }
    #[inline(always)]
    pub fn jvp0<F: Scalar, T: Linear<F>>(_a: &F, _b: &F, _y: &F, t: &T) -> T {
        t.clone()
    }
    #[inline(always)]
    pub fn jvp1<F: Scalar, T: Linear<F>>(a: &F, b: &F, _y: &F, t: &T) -> T {
        t.scale(-(*a / *b).trunc())
    }
    #[inline(always)]
    pub fn vjp0<F: Scalar, T: Linear<F>>(_a: &F, _b: &F, _y: &F, c: &T) -> T {
        c.clone()
    }
    #[inline(always)]
    pub fn vjp1<F: Scalar, T: Linear<F>>(a: &F, b: &F, _y: &F, c: &T) -> T {
        c.scale(-(*a / *b).trunc())
    }

    by_value! {
        jvp0(a: F, b: F, y: F, t: T);
        jvp1(a: F, b: F, y: F, t: T);
        vjp0(a: F, b: F, y: F, c: T);
        vjp1(a: F, b: F, y: F, c: T);
    }
}

/// `-a`: linear.
pub mod neg {
    use super::*;

    #[inline(always)]
    pub fn value<A: Negate>(a: &A) -> A::Output {
        A::negate(a)
    }
    #[inline(always)]
    pub fn jvp0<F, T: Linear<F>>(t: &T) -> T {
        t.neg()
    }
    #[inline(always)]
    pub fn vjp0<F, T: Linear<F>>(c: &T) -> T {
        c.neg()
    }
    /// [`jvp0`] of a tangent nothing reads afterwards.
    #[inline(always)]
    pub fn jvp0_owned<F, T: Linear<F>>(t: T) -> T {
        t.neg_owned()
    }
    #[inline(always)]
    pub fn vjp0_owned<F, T: Linear<F>>(c: T) -> T {
        c.neg_owned()
    }

    by_value! {
        jvp0(t: T);
        vjp0(c: T);
    }
}

/// `x as f64` in an `f64` function (or `as f32` in an `f32` one): the
/// identity. Casts between precisions of differentiated values are rejected
/// by the macro, so tangents never change precision.
pub mod cast {
    #[inline(always)]
    pub fn jvp0<T: Clone>(t: &T) -> T {
        t.clone()
    }
    #[inline(always)]
    pub fn vjp0<C: Clone>(c: &C) -> C {
        c.clone()
    }

    /// The rules with the tangent or cotangent by value.
    pub mod by_value {
        #[inline(always)]
        pub fn jvp0<T: Clone>(t: T) -> T {
            super::jvp0(&t)
        }
        #[inline(always)]
        pub fn vjp0<C: Clone>(c: C) -> C {
            super::vjp0(&c)
        }
    }
}
