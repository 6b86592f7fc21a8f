//! Builds the rule functions of a scalar primitive from its partial
//! derivatives, so that each primitive is written down as data: its first and
//! second partials as expressions of its arguments and its value.

/// A module `by_value` of the rules listed, each taking its arguments by
/// value and calling the rule of the same name in the enclosing module with
/// references. Generated code whose values are all floats and `Copy`
/// tangents calls these: a call without borrows, to a function whose float
/// type its arguments fix, is several times cheaper for rustc to check than
/// the reference form, and the formula stays written once.
macro_rules! by_value {
    ($($rule:ident($($arg:ident: $ty:ty),* $(,)?);)*) => {
        /// The rules of this primitive with every argument by value.
        pub mod by_value {
            #[allow(unused_imports)]
            use crate::{Linear, Scalar};

            $(
                #[inline(always)]
                pub fn $rule<F: Scalar, T: Linear<F>>($($arg: $ty),*) -> T {
                    super::$rule($(&$arg),*)
                }
            )*
        }
    };
}

/// A scalar function of one argument, given by `d` = f'(x) and, unless the
/// second derivative vanishes everywhere it exists, `dd` = f''(x). Both may use
/// the value `y` = f(x) to share work.
macro_rules! unary_rule {
    // The by-value rules, with the second-order one where `dd` is given.
    (@by_value [$($second:ident $dd:tt)?]) => {
        by_value! {
            jvp0(x: F, y: F, t: T);
            vjp0(x: F, y: F, c: T);
            $($second(x: F, y: F, c: F, t: T);)?
        }
    };
    (
        $(#[$doc:meta])*
        $name:ident |$x:ident, $y:ident| d: $d:expr $(, dd: $dd:expr)? $(,)?
    ) => {
        $(#[$doc])*
        pub mod $name {
            #[allow(unused_imports)]
            use crate::{Linear, Scalar};

            /// The first derivative at `x`, where `y` is the value there.
            #[inline(always)]
            #[allow(unused_variables)]
            pub fn d<F: Scalar>($x: F, $y: F) -> F {
                $d
            }

            #[inline(always)]
            pub fn jvp0<F: Scalar, T: Linear<F>>(x: &F, y: &F, t: &T) -> T {
                t.scale(d(*x, *y))
            }

            #[inline(always)]
            pub fn vjp0<F: Scalar, T: Linear<F>>(x: &F, y: &F, c: &T) -> T {
                c.scale(d(*x, *y))
            }

            $(
                /// The second derivative at `x`, where `y` is the value there.
                #[inline(always)]
                #[allow(unused_variables)]
                pub fn dd<F: Scalar>($x: F, $y: F) -> F {
                    $dd
                }

                #[inline(always)]
                pub fn vjp0_jvp0<F: Scalar, T: Linear<F>>(x: &F, y: &F, c: &F, t: &T) -> T {
                    t.scale(*c * dd(*x, *y))
                }
            )?

            unary_rule!(@by_value [$(vjp0_jvp0 ($dd))?]);
        }
    };
}

/// A scalar function of two arguments, given by its partials `d0`, `d1` and
/// those second partials `dd00`, `dd01` (= `dd10`), `dd11` that do not
/// vanish everywhere. All may use the value `y`.
macro_rules! binary_rule {
    // The by-value rules, with the second-order ones whose partials are given.
    (@by_value [$($second:ident $dd:tt)*]) => {
        by_value! {
            jvp0(a: F, b: F, y: F, t: T);
            jvp1(a: F, b: F, y: F, t: T);
            vjp0(a: F, b: F, y: F, c: T);
            vjp1(a: F, b: F, y: F, c: T);
            $($second(a: F, b: F, y: F, c: F, t: T);)*
        }
    };
    (
        $(#[$doc:meta])*
        $name:ident |$a:ident, $b:ident, $y:ident|
        d0: $d0:expr, d1: $d1:expr
        $(, dd00: $dd00:expr)?
        $(, dd01: $dd01:expr)?
        $(, dd11: $dd11:expr)?
        $(,)?
    ) => {
        $(#[$doc])*
        pub mod $name {
            #[allow(unused_imports)]
            use crate::{Linear, Scalar};

            /// The partial derivative in the first argument.
            #[inline(always)]
            #[allow(unused_variables)]
            pub fn d0<F: Scalar>($a: F, $b: F, $y: F) -> F {
                $d0
            }

            /// The partial derivative in the second argument.
            #[inline(always)]
            #[allow(unused_variables)]
            pub fn d1<F: Scalar>($a: F, $b: F, $y: F) -> F {
                $d1
            }

            #[inline(always)]
            pub fn jvp0<F: Scalar, T: Linear<F>>(a: &F, b: &F, y: &F, t: &T) -> T {
                t.scale(d0(*a, *b, *y))
            }

            #[inline(always)]
            pub fn jvp1<F: Scalar, T: Linear<F>>(a: &F, b: &F, y: &F, t: &T) -> T {
                t.scale(d1(*a, *b, *y))
            }

            #[inline(always)]
            pub fn vjp0<F: Scalar, T: Linear<F>>(a: &F, b: &F, y: &F, c: &T) -> T {
                c.scale(d0(*a, *b, *y))
            }

            #[inline(always)]
            pub fn vjp1<F: Scalar, T: Linear<F>>(a: &F, b: &F, y: &F, c: &T) -> T {
                c.scale(d1(*a, *b, *y))
            }

            $(
                #[inline(always)]
                #[allow(unused_variables)]
                pub fn dd00<F: Scalar>($a: F, $b: F, $y: F) -> F {
                    $dd00
                }

                #[inline(always)]
                pub fn vjp0_jvp0<F: Scalar, T: Linear<F>>(a: &F, b: &F, y: &F, c: &F, t: &T) -> T {
                    t.scale(*c * dd00(*a, *b, *y))
                }
            )?

            $(
                #[inline(always)]
                #[allow(unused_variables)]
                pub fn dd01<F: Scalar>($a: F, $b: F, $y: F) -> F {
                    $dd01
                }

                #[inline(always)]
                pub fn vjp0_jvp1<F: Scalar, T: Linear<F>>(a: &F, b: &F, y: &F, c: &F, t: &T) -> T {
                    t.scale(*c * dd01(*a, *b, *y))
                }

                #[inline(always)]
                pub fn vjp1_jvp0<F: Scalar, T: Linear<F>>(a: &F, b: &F, y: &F, c: &F, t: &T) -> T {
                    t.scale(*c * dd01(*a, *b, *y))
                }
            )?

            $(
                #[inline(always)]
                #[allow(unused_variables)]
                pub fn dd11<F: Scalar>($a: F, $b: F, $y: F) -> F {
                    $dd11
                }

                #[inline(always)]
                pub fn vjp1_jvp1<F: Scalar, T: Linear<F>>(a: &F, b: &F, y: &F, c: &F, t: &T) -> T {
                    t.scale(*c * dd11(*a, *b, *y))
                }
            )?

            binary_rule!(@by_value [
                $(vjp0_jvp0 ($dd00))?
                $(vjp0_jvp1 ($dd01) vjp1_jvp0 ($dd01))?
                $(vjp1_jvp1 ($dd11))?
            ]);
        }
    };
}
