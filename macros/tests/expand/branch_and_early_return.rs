pub fn huber(x: f64, delta: f64) -> f64 {
    let a = x.abs();
    if a <= delta {
        return 0.5 * x * x;
    }
    delta * (a - 0.5 * delta)
}
/// The gradient of [`huber`] with respect to `x`, in that order; computed by reverse-mode differentiation generated at compile time.
#[inline]
#[allow(
    dead_code,
    unused_variables,
    unused_mut,
    unused_parens,
    non_snake_case,
    dropping_copy_types,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]
pub fn huber_grad(x: f64, delta: f64) -> [f64; 1] {
    let _ = huber;
    let __matdiff_no_tangent0: [f64; 0] = [];
    let (__matdiff_value, _, __matdiff_slots, _) = huber::second_order_core::<
        [f64; 0],
        false,
        true,
    >(x, delta, __matdiff_no_tangent0);
    [__matdiff_slots.0]
}
/// The value of [`huber`] and its gradient with respect to `x`, in that order; computed by reverse-mode differentiation generated at compile time.
#[inline]
#[allow(
    dead_code,
    unused_variables,
    unused_mut,
    unused_parens,
    non_snake_case,
    dropping_copy_types,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]
pub fn huber_value_and_grad(x: f64, delta: f64) -> (f64, [f64; 1]) {
    let _ = huber;
    let __matdiff_no_tangent0: [f64; 0] = [];
    let (__matdiff_value, _, __matdiff_slots, _) = huber::second_order_core::<
        [f64; 0],
        true,
        true,
    >(x, delta, __matdiff_no_tangent0);
    (__matdiff_value, [__matdiff_slots.0])
}
/// The Hessian of [`huber`] with respect to `x` (all their scalars, in argument order): `H[i][j]` is the second derivative in the i-th and j-th of them. Computed by forward-over-reverse sweeps generated at compile time.
#[inline]
#[allow(
    dead_code,
    unused_variables,
    unused_mut,
    unused_parens,
    non_snake_case,
    dropping_copy_types,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]
pub fn huber_hessian(x: f64, delta: f64) -> [[f64; 1]; 1] {
    let _ = huber;
    let (_, _, _, __matdiff_tangents) = huber::second_order_core::<
        _,
        false,
        true,
    >(x, delta, ::matdiff::__private::unit::<f64, [f64; 1]>(0));
    [__matdiff_tangents.0]
}
/// The Hessian of [`huber`] with respect to `x` times the vector `v` (shaped like the gradient), without forming the Hessian: one forward-over-reverse sweep, a small constant times the cost of the gradient.
#[inline]
#[allow(
    dead_code,
    unused_variables,
    unused_mut,
    unused_parens,
    non_snake_case,
    dropping_copy_types,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]
pub fn huber_hvp(x: f64, delta: f64, v: [f64; 1]) -> [f64; 1] {
    let _ = huber;
    let (_, _, _, __matdiff_tangents) = huber::second_order_core::<
        _,
        false,
        true,
    >(x, delta, v[0]);
    [__matdiff_tangents.0]
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
pub struct huber {}
#[allow(dead_code)]
impl huber {
    #[doc(hidden)]
    #[inline]
    #[allow(
        dead_code,
        unused_variables,
        unused_mut,
        unused_parens,
        non_snake_case,
        dropping_copy_types,
        clippy::all,
        clippy::pedantic,
        clippy::nursery
    )]
    pub fn vjp(
        x: f64,
        delta: f64,
        out_bar: f64,
    ) -> (f64, (f64, ::matdiff::__private::NoDerivative)) {
        let __matdiff_no_tangent0: [f64; 0] = [];
        let (__matdiff_value, _, __matdiff_slots, _) = huber::second_order_core::<
            [f64; 0],
            true,
            true,
        >(x, delta, __matdiff_no_tangent0);
        (
            __matdiff_value,
            (
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),
                __matdiff_slots.1,
            ),
        )
    }
    #[doc(hidden)]
    #[inline]
    #[allow(
        dead_code,
        unused_variables,
        unused_mut,
        unused_parens,
        non_snake_case,
        dropping_copy_types,
        clippy::all,
        clippy::pedantic,
        clippy::nursery
    )]
    pub fn jvp<__MatdiffD: ::matdiff::__private::Directions<f64>>(
        x: f64,
        delta: f64,
        tangents: (
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
        ),
    ) -> (f64, __MatdiffD) {
        let x_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.0);
        let (__matdiff_value, __matdiff_value_dot, _, _) = huber::second_order_core::<
            _,
            true,
            false,
        >(x, delta, x_dot);
        (__matdiff_value, __matdiff_value_dot)
    }
    #[doc(hidden)]
    #[inline]
    #[allow(
        dead_code,
        unused_variables,
        unused_mut,
        unused_parens,
        non_snake_case,
        dropping_copy_types,
        clippy::all,
        clippy::pedantic,
        clippy::nursery
    )]
    pub fn vjp_jvp<__MatdiffD: ::matdiff::__private::Directions<f64>>(
        x: f64,
        delta: f64,
        tangents: (
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
        ),
        out_bar: f64,
        out_bar_dot: ::core::option::Option<__MatdiffD>,
    ) -> (
        f64,
        __MatdiffD,
        (f64, ::matdiff::__private::NoDerivative),
        (__MatdiffD, ::matdiff::__private::NoDerivative),
    ) {
        let x_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.0);
        let out_bar_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(out_bar_dot);
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = huber::second_order_core::<
            _,
            true,
            true,
        >(x, delta, x_dot);
        let __matdiff_dots = (
            ::matdiff::__private::reseed_scalar(
                out_bar,
                &out_bar_dot,
                &__matdiff_slots.0,
                __matdiff_dots.0,
            ),
            __matdiff_dots.1,
        );
        (
            __matdiff_value,
            __matdiff_value_dot,
            (
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),
                __matdiff_slots.1,
            ),
            __matdiff_dots,
        )
    }
    #[doc(hidden)]
    #[inline]
    #[allow(
        dead_code,
        unused_variables,
        unused_mut,
        unused_parens,
        non_snake_case,
        dropping_copy_types,
        clippy::all,
        clippy::pedantic,
        clippy::nursery
    )]
    pub fn second_order_core<
        __MatdiffD: ::matdiff::__private::Directions<f64>,
        const __MATDIFF_VALUE: bool,
        const __MATDIFF_REVERSE: bool,
    >(
        x: f64,
        delta: f64,
        mut x_dot: __MatdiffD,
    ) -> (
        f64,
        __MatdiffD,
        (f64, ::matdiff::__private::NoDerivative),
        (__MatdiffD, ::matdiff::__private::NoDerivative),
    ) {
        let a = x.abs();
        let a_dot = ::matdiff::__private::rules::abs::by_value::jvp0(x, a, x_dot);
        let cond = a <= delta;
        let (result, tape, result_dot) = if cond {
            let c: f64 = 0.5;
            let mul = c * x;
            let mul_dot = ::matdiff::__private::rules::mul::by_value::jvp1(
                c,
                x,
                (),
                x_dot,
            );
            let mul_1 = mul * x;
            let mul_1_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
                mul,
                x,
                (),
                mul_dot,
            );
            let mul_1_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
                mul,
                x,
                (),
                x_dot,
            );
            let mul_1_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(mul_1_dot, mul_1_dot_1);
            let tape_1 = ::matdiff::__private::Branch::Then((c, mul, mul_dot));
            (mul_1, tape_1, mul_1_dot_2)
        } else {
            let c_1: f64 = 0.5 * delta;
            let sub = a - c_1;
            let sub_dot = a_dot;
            let mul_2 = delta * sub;
            let mul_2_dot = ::matdiff::__private::rules::mul::by_value::jvp1(
                delta,
                sub,
                (),
                sub_dot,
            );
            let tape_2 = ::matdiff::__private::Branch::Else((sub, sub_dot));
            (mul_2, tape_2, mul_2_dot)
        };
        let _: () = if !__MATDIFF_REVERSE {
            return (
                result,
                result_dot,
                (
                    <f64 as ::matdiff::__private::Scalar>::of(0.0),
                    ::matdiff::__private::NoDerivative,
                ),
                (
                    <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
                    ::matdiff::__private::NoDerivative,
                ),
            );
        };
        let result_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let (x_bar_4, a_bar_2, x_bar_4_dot) = match tape {
            ::matdiff::__private::Branch::Then((c, mul, mul_dot)) => {
                let mul_bar = ::matdiff::__private::rules::mul::by_value::vjp0(
                    mul,
                    x,
                    (),
                    result_bar,
                );
                let mul_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
                    mul,
                    x,
                    (),
                    result_bar,
                    x_dot,
                );
                let x_bar = ::matdiff::__private::rules::mul::by_value::vjp1(
                    mul,
                    x,
                    (),
                    result_bar,
                );
                let x_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
                    mul,
                    x,
                    (),
                    result_bar,
                    mul_dot,
                );
                let x_bar_1 = ::matdiff::__private::rules::mul::by_value::vjp1(
                    c,
                    x,
                    (),
                    mul_bar,
                );
                let x_bar_1_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
                    c,
                    x,
                    (),
                    mul_bar_dot,
                );
                let x_bar_2 = ::matdiff::__private::add_pair::<f64, _>(x_bar, x_bar_1);
                let x_bar_2_dot = ::matdiff::__private::add_pair::<
                    f64,
                    _,
                >(x_bar_dot, x_bar_1_dot);
                let a_bar_1 = ::matdiff::__private::zero_like(&a);
                (x_bar_2, a_bar_1, x_bar_2_dot)
            }
            ::matdiff::__private::Branch::Else((sub, sub_dot)) => {
                let sub_bar = ::matdiff::__private::rules::mul::by_value::vjp1(
                    delta,
                    sub,
                    (),
                    result_bar,
                );
                let x_bar_3 = ::matdiff::__private::zero_like(&x);
                let x_bar_3_dot = ::matdiff::__private::zero_tangent::<
                    __MatdiffD,
                    _,
                >(&x_bar_3);
                (x_bar_3, sub_bar, x_bar_3_dot)
            }
        };
        let x_bar_5 = ::matdiff::__private::rules::abs::by_value::vjp0(x, a, a_bar_2);
        let x_bar_6 = ::matdiff::__private::add_pair::<f64, _>(x_bar_4, x_bar_5);
        let (__matdiff_value, __matdiff_value_dot) = if __MATDIFF_VALUE {
            (result, result_dot)
        } else {
            (
                <f64 as ::matdiff::__private::Scalar>::of(0.0),
                <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
            )
        };
        (
            __matdiff_value,
            __matdiff_value_dot,
            (x_bar_6, ::matdiff::__private::NoDerivative),
            (x_bar_4_dot, ::matdiff::__private::NoDerivative),
        )
    }
}
