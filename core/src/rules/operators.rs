//! Rules of the arithmetic operators and of `as` casts between float types.

use crate::{Linear, Scalar};

/// `a + b`: linear, so its rules take only the tangent or cotangent.
pub mod add {
    use super::*;

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
}

/// `a - b`: linear.
pub mod sub {
    use super::*;

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
}

/// `a * b`: bilinear, so each pullback's tangent is the pullback with the
/// other factor replaced by its tangent.
pub mod mul {
    use super::*;

    #[inline(always)]
    pub fn jvp0<F: Scalar, T: Linear<F>>(_a: &F, b: &F, _y: &F, t: &T) -> T {
        t.scale(*b)
    }
    #[inline(always)]
    pub fn jvp1<F: Scalar, T: Linear<F>>(a: &F, _b: &F, _y: &F, t: &T) -> T {
        t.scale(*a)
    }
    #[inline(always)]
    pub fn vjp0<F: Scalar, T: Linear<F>>(_a: &F, b: &F, _y: &F, c: &T) -> T {
        c.scale(*b)
    }
    #[inline(always)]
    pub fn vjp1<F: Scalar, T: Linear<F>>(a: &F, _b: &F, _y: &F, c: &T) -> T {
        c.scale(*a)
    }
    #[inline(always)]
    pub fn vjp0_jvp1<F: Scalar, T: Linear<F>>(_a: &F, _b: &F, _y: &F, c: &F, t: &T) -> T {
        t.scale(*c)
    }
    #[inline(always)]
    pub fn vjp1_jvp0<F: Scalar, T: Linear<F>>(_a: &F, _b: &F, _y: &F, c: &F, t: &T) -> T {
        t.scale(*c)
    }
}

/// `a / b`.
pub mod div {
    use super::*;

    #[inline(always)]
    pub fn jvp0<F: Scalar, T: Linear<F>>(_a: &F, b: &F, _y: &F, t: &T) -> T {
        t.scale(b.recip())
    }
    #[inline(always)]
    pub fn jvp1<F: Scalar, T: Linear<F>>(_a: &F, b: &F, y: &F, t: &T) -> T {
        t.scale(-*y / *b)
    }
    #[inline(always)]
    pub fn vjp0<F: Scalar, T: Linear<F>>(_a: &F, b: &F, _y: &F, c: &T) -> T {
        c.scale(b.recip())
    }
    #[inline(always)]
    pub fn vjp1<F: Scalar, T: Linear<F>>(_a: &F, b: &F, y: &F, c: &T) -> T {
        c.scale(-*y / *b)
    }
    #[inline(always)]
    pub fn vjp0_jvp1<F: Scalar, T: Linear<F>>(_a: &F, b: &F, _y: &F, c: &F, t: &T) -> T {
        t.scale(-*c / (*b * *b))
    }
    #[inline(always)]
    pub fn vjp1_jvp0<F: Scalar, T: Linear<F>>(_a: &F, b: &F, _y: &F, c: &F, t: &T) -> T {
        t.scale(-*c / (*b * *b))
    }
    #[inline(always)]
    pub fn vjp1_jvp1<F: Scalar, T: Linear<F>>(_a: &F, b: &F, y: &F, c: &F, t: &T) -> T {
        t.scale(F::of(2.0) * *c * *y / (*b * *b))
    }
}

/// `a % b` = a - b trunc(a / b): slope 1 in `a` and -trunc(a / b) in `b` on
/// each piece.
pub mod rem {
    use super::*;

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
}

/// `-a`: linear.
pub mod neg {
    use super::*;

    #[inline(always)]
    pub fn jvp0<F, T: Linear<F>>(t: &T) -> T {
        t.neg()
    }
    #[inline(always)]
    pub fn vjp0<F, T: Linear<F>>(c: &T) -> T {
        c.neg()
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
}
