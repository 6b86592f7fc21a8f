pub fn fixed_point(a: f64, n: usize, b: f64) -> f64 {
    solve(a, n) + b
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
pub struct fixed_point {}
#[allow(dead_code, unused_variables, clippy::all, clippy::pedantic, clippy::nursery)]
impl fixed_point {
    #[doc(hidden)]
    #[inline]
    pub fn vjp(
        a: f64,
        n: usize,
        b: f64,
        __matdiff_out_bar: f64,
    ) -> (f64, (f64, ::matdiff::__private::NoDerivative, f64)) {
        let __matdiff_value = fixed_point(a, ::core::clone::Clone::clone(&n), b);
        let __matdiff_partials: [f64; 2usize] = [
            __matdiff_partial_fixed_point_a(
                a,
                ::core::clone::Clone::clone(&n),
                b,
                __matdiff_value,
            ),
            __matdiff_partial_fixed_point_b(
                a,
                ::core::clone::Clone::clone(&n),
                b,
                __matdiff_value,
            ),
        ];
        (
            __matdiff_value,
            (
                __matdiff_out_bar * __matdiff_partials[0],
                ::matdiff::__private::NoDerivative,
                __matdiff_out_bar * __matdiff_partials[1],
            ),
        )
    }
    #[doc(hidden)]
    #[inline]
    pub fn jvp<__MatdiffD: ::matdiff::__private::Directions<f64>>(
        a: f64,
        n: usize,
        b: f64,
        __matdiff_tangents: (
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<::matdiff::__private::NoDerivative>,
            ::core::option::Option<__MatdiffD>,
        ),
    ) -> (f64, __MatdiffD) {
        let __matdiff_value = fixed_point(a, ::core::clone::Clone::clone(&n), b);
        let __matdiff_partials: [f64; 2usize] = [
            __matdiff_partial_fixed_point_a(
                a,
                ::core::clone::Clone::clone(&n),
                b,
                __matdiff_value,
            ),
            __matdiff_partial_fixed_point_b(
                a,
                ::core::clone::Clone::clone(&n),
                b,
                __matdiff_value,
            ),
        ];
        let __matdiff_dots: [__MatdiffD; 2usize] = [
            ::matdiff::__private::tangent_or_zero::<
                f64,
                __MatdiffD,
            >(__matdiff_tangents.0),
            ::matdiff::__private::tangent_or_zero::<
                f64,
                __MatdiffD,
            >(__matdiff_tangents.2),
        ];
        (
            __matdiff_value,
            ::matdiff::__private::chain_partials(&__matdiff_partials, &__matdiff_dots),
        )
    }
    #[doc(hidden)]
    #[inline]
    pub fn vjp_jvp<__MatdiffD: ::matdiff::__private::Directions<f64>>(
        a: f64,
        n: usize,
        b: f64,
        __matdiff_tangents: (
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<::matdiff::__private::NoDerivative>,
            ::core::option::Option<__MatdiffD>,
        ),
        __matdiff_out_bar: f64,
        __matdiff_out_bar_dot: ::core::option::Option<__MatdiffD>,
    ) -> (
        f64,
        __MatdiffD,
        (f64, ::matdiff::__private::NoDerivative, f64),
        (__MatdiffD, ::matdiff::__private::NoDerivative, __MatdiffD),
    ) {
        let __matdiff_dots: [__MatdiffD; 2usize] = [
            ::matdiff::__private::tangent_or_zero::<
                f64,
                __MatdiffD,
            >(__matdiff_tangents.0),
            ::matdiff::__private::tangent_or_zero::<
                f64,
                __MatdiffD,
            >(__matdiff_tangents.2),
        ];
        let __matdiff_out_bar_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(__matdiff_out_bar_dot);
        let __matdiff_value = fixed_point(a, ::core::clone::Clone::clone(&n), b);
        let __matdiff_partials: [f64; 2usize] = [
            __matdiff_partial_fixed_point_a(
                a,
                ::core::clone::Clone::clone(&n),
                b,
                __matdiff_value,
            ),
            __matdiff_partial_fixed_point_b(
                a,
                ::core::clone::Clone::clone(&n),
                b,
                __matdiff_value,
            ),
        ];
        let __matdiff_result_dot = ::core::option::Option::Some(
            ::matdiff::__private::chain_partials(&__matdiff_partials, &__matdiff_dots),
        );
        let (__matdiff_partial0, __matdiff_partial_dot0) = __matdiff_partial_fixed_point_a::jvp::<
            __MatdiffD,
        >(
            a,
            ::core::clone::Clone::clone(&n),
            b,
            __matdiff_value,
            (
                ::core::option::Option::Some(__matdiff_dots[0]),
                ::core::option::Option::None,
                ::core::option::Option::Some(__matdiff_dots[1]),
                __matdiff_result_dot,
            ),
        );
        let (__matdiff_partial1, __matdiff_partial_dot1) = __matdiff_partial_fixed_point_b::jvp::<
            __MatdiffD,
        >(
            a,
            ::core::clone::Clone::clone(&n),
            b,
            __matdiff_value,
            (
                ::core::option::Option::Some(__matdiff_dots[0]),
                ::core::option::Option::None,
                ::core::option::Option::Some(__matdiff_dots[1]),
                __matdiff_result_dot,
            ),
        );
        let __matdiff_partials: [f64; 2usize] = [__matdiff_partial0, __matdiff_partial1];
        (
            __matdiff_value,
            ::matdiff::__private::chain_partials(&__matdiff_partials, &__matdiff_dots),
            (
                ::matdiff::__private::reseed_cotangent(
                    __matdiff_out_bar,
                    __matdiff_partial0,
                ),
                ::matdiff::__private::NoDerivative,
                ::matdiff::__private::reseed_cotangent(
                    __matdiff_out_bar,
                    __matdiff_partial1,
                ),
            ),
            (
                ::matdiff::__private::reseed_scalar(
                    __matdiff_out_bar,
                    &__matdiff_out_bar_dot,
                    &__matdiff_partial0,
                    __matdiff_partial_dot0,
                ),
                ::matdiff::__private::NoDerivative,
                ::matdiff::__private::reseed_scalar(
                    __matdiff_out_bar,
                    &__matdiff_out_bar_dot,
                    &__matdiff_partial1,
                    __matdiff_partial_dot1,
                ),
            ),
        )
    }
}
#[doc(hidden)]
#[allow(
    unused_variables,
    dead_code,
    non_snake_case,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]
fn __matdiff_partial_fixed_point_a(a: f64, n: usize, b: f64, y: f64) -> f64 {
    let partial: f64 = y.cos() / (1.0 + a * y.sin());
    partial
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
struct __matdiff_partial_fixed_point_a {}
#[allow(dead_code)]
impl __matdiff_partial_fixed_point_a {
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
        a: f64,
        n: usize,
        b: f64,
        y: f64,
        out_bar: f64,
    ) -> (f64, (f64, ::matdiff::__private::NoDerivative, f64, f64)) {
        let __matdiff_no_tangent0: [f64; 0] = [];
        let __matdiff_no_tangent2: [f64; 0] = [];
        let __matdiff_no_tangent3: [f64; 0] = [];
        let (__matdiff_value, _, __matdiff_slots, _) = __matdiff_partial_fixed_point_a::second_order_core::<
            [f64; 0],
            true,
            true,
        >(
            a,
            n,
            b,
            y,
            __matdiff_no_tangent0,
            __matdiff_no_tangent2,
            __matdiff_no_tangent3,
        );
        (
            __matdiff_value,
            (
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),
                __matdiff_slots.1,
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.2),
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.3),
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
        a: f64,
        n: usize,
        b: f64,
        y: f64,
        tangents: (
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<::matdiff::__private::NoDerivative>,
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
        ),
    ) -> (f64, __MatdiffD) {
        let a_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.0);
        let b_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.2);
        let y_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.3);
        let (__matdiff_value, __matdiff_value_dot, _, _) = __matdiff_partial_fixed_point_a::second_order_core::<
            _,
            true,
            false,
        >(a, n, b, y, a_dot, b_dot, y_dot);
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
        a: f64,
        n: usize,
        b: f64,
        y: f64,
        tangents: (
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<::matdiff::__private::NoDerivative>,
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
        ),
        out_bar: f64,
        out_bar_dot: ::core::option::Option<__MatdiffD>,
    ) -> (
        f64,
        __MatdiffD,
        (f64, ::matdiff::__private::NoDerivative, f64, f64),
        (__MatdiffD, ::matdiff::__private::NoDerivative, __MatdiffD, __MatdiffD),
    ) {
        let a_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.0);
        let b_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.2);
        let y_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.3);
        let out_bar_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(out_bar_dot);
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = __matdiff_partial_fixed_point_a::second_order_core::<
            _,
            true,
            true,
        >(a, n, b, y, a_dot, b_dot, y_dot);
        let __matdiff_dots = (
            ::matdiff::__private::reseed_scalar(
                out_bar,
                &out_bar_dot,
                &__matdiff_slots.0,
                __matdiff_dots.0,
            ),
            __matdiff_dots.1,
            ::matdiff::__private::reseed_scalar(
                out_bar,
                &out_bar_dot,
                &__matdiff_slots.2,
                __matdiff_dots.2,
            ),
            ::matdiff::__private::reseed_scalar(
                out_bar,
                &out_bar_dot,
                &__matdiff_slots.3,
                __matdiff_dots.3,
            ),
        );
        (
            __matdiff_value,
            __matdiff_value_dot,
            (
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),
                __matdiff_slots.1,
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.2),
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.3),
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
        a: f64,
        n: usize,
        b: f64,
        y: f64,
        mut a_dot: __MatdiffD,
        mut b_dot: __MatdiffD,
        mut y_dot: __MatdiffD,
    ) -> (
        f64,
        __MatdiffD,
        (f64, ::matdiff::__private::NoDerivative, f64, f64),
        (__MatdiffD, ::matdiff::__private::NoDerivative, __MatdiffD, __MatdiffD),
    ) {
        let cos = y.cos();
        let cos_dot = ::matdiff::__private::rules::cos::by_value::jvp0(y, cos, y_dot);
        let c: f64 = 1.0;
        let sin = y.sin();
        let sin_dot = ::matdiff::__private::rules::sin::by_value::jvp0(y, sin, y_dot);
        let mul = a * sin;
        let mul_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
            a,
            sin,
            (),
            a_dot,
        );
        let mul_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
            a,
            sin,
            (),
            sin_dot,
        );
        let mul_dot_2 = ::matdiff::__private::add_pair::<f64, _>(mul_dot, mul_dot_1);
        let add = c + mul;
        let partial = cos / add;
        let partial_dot = ::matdiff::__private::rules::div::by_value::jvp0(
            cos,
            add,
            partial,
            cos_dot,
        );
        let partial_dot_1 = ::matdiff::__private::rules::div::by_value::jvp1(
            cos,
            add,
            partial,
            mul_dot_2,
        );
        let partial_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(partial_dot, partial_dot_1);
        let partial_1: f64 = partial;
        let _: () = if !__MATDIFF_REVERSE {
            return (
                partial_1,
                partial_dot_2,
                (
                    <f64 as ::matdiff::__private::Scalar>::of(0.0),
                    ::matdiff::__private::NoDerivative,
                    <f64 as ::matdiff::__private::Scalar>::of(0.0),
                    <f64 as ::matdiff::__private::Scalar>::of(0.0),
                ),
                (
                    <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
                    ::matdiff::__private::NoDerivative,
                    <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
                    <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
                ),
            );
        };
        let partial_1_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let cos_bar = ::matdiff::__private::rules::div::by_value::vjp0(
            cos,
            add,
            partial,
            partial_1_bar,
        );
        let cos_bar_dot = ::matdiff::__private::rules::div::by_value::vjp0_jvp1(
            cos,
            add,
            partial,
            partial_1_bar,
            mul_dot_2,
        );
        let add_bar = ::matdiff::__private::rules::div::by_value::vjp1(
            cos,
            add,
            partial,
            partial_1_bar,
        );
        let add_bar_dot = ::matdiff::__private::rules::div::by_value::vjp1_jvp0(
            cos,
            add,
            partial,
            partial_1_bar,
            cos_dot,
        );
        let add_bar_dot_1 = ::matdiff::__private::rules::div::by_value::vjp1_jvp1(
            cos,
            add,
            partial,
            partial_1_bar,
            mul_dot_2,
        );
        let add_bar_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(add_bar_dot, add_bar_dot_1);
        let a_bar = ::matdiff::__private::rules::mul::by_value::vjp0(
            a,
            sin,
            (),
            add_bar,
        );
        let a_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0(
            a,
            sin,
            (),
            add_bar_dot_2,
        );
        let a_bar_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
            a,
            sin,
            (),
            add_bar,
            sin_dot,
        );
        let a_bar_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(a_bar_dot, a_bar_dot_1);
        let sin_bar = ::matdiff::__private::rules::mul::by_value::vjp1(
            a,
            sin,
            (),
            add_bar,
        );
        let sin_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
            a,
            sin,
            (),
            add_bar_dot_2,
        );
        let sin_bar_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
            a,
            sin,
            (),
            add_bar,
            a_dot,
        );
        let sin_bar_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(sin_bar_dot, sin_bar_dot_1);
        let y_bar = ::matdiff::__private::rules::sin::by_value::vjp0(y, sin, sin_bar);
        let y_bar_dot = ::matdiff::__private::rules::sin::by_value::vjp0(
            y,
            sin,
            sin_bar_dot_2,
        );
        let y_bar_dot_1 = ::matdiff::__private::rules::sin::by_value::vjp0_jvp0(
            y,
            sin,
            sin_bar,
            y_dot,
        );
        let y_bar_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(y_bar_dot, y_bar_dot_1);
        let y_bar_1 = ::matdiff::__private::rules::cos::by_value::vjp0(y, cos, cos_bar);
        let y_bar_1_dot = ::matdiff::__private::rules::cos::by_value::vjp0(
            y,
            cos,
            cos_bar_dot,
        );
        let y_bar_1_dot_1 = ::matdiff::__private::rules::cos::by_value::vjp0_jvp0(
            y,
            cos,
            cos_bar,
            y_dot,
        );
        let y_bar_1_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(y_bar_1_dot, y_bar_1_dot_1);
        let y_bar_2 = ::matdiff::__private::add_pair::<f64, _>(y_bar, y_bar_1);
        let y_bar_2_dot = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(y_bar_dot_2, y_bar_1_dot_2);
        let (__matdiff_value, __matdiff_value_dot) = if __MATDIFF_VALUE {
            (partial_1, partial_dot_2)
        } else {
            (
                <f64 as ::matdiff::__private::Scalar>::of(0.0),
                <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
            )
        };
        (
            __matdiff_value,
            __matdiff_value_dot,
            (
                a_bar,
                ::matdiff::__private::NoDerivative,
                ::matdiff::__private::zero_like(&b),
                y_bar_2,
            ),
            (
                a_bar_dot_2,
                ::matdiff::__private::NoDerivative,
                ::matdiff::__private::zero_tangent::<__MatdiffD, _>(&b),
                y_bar_2_dot,
            ),
        )
    }
}
#[doc(hidden)]
#[allow(
    unused_variables,
    dead_code,
    non_snake_case,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]
fn __matdiff_partial_fixed_point_b(a: f64, n: usize, b: f64, y: f64) -> f64 {
    let partial: f64 = 1.0;
    partial
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
struct __matdiff_partial_fixed_point_b {}
#[allow(dead_code)]
impl __matdiff_partial_fixed_point_b {
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
        a: f64,
        n: usize,
        b: f64,
        y: f64,
        out_bar: f64,
    ) -> (f64, (f64, ::matdiff::__private::NoDerivative, f64, f64)) {
        let __matdiff_no_tangent0: [f64; 0] = [];
        let __matdiff_no_tangent2: [f64; 0] = [];
        let __matdiff_no_tangent3: [f64; 0] = [];
        let (__matdiff_value, _, __matdiff_slots, _) = __matdiff_partial_fixed_point_b::second_order_core::<
            [f64; 0],
            true,
            true,
        >(
            a,
            n,
            b,
            y,
            __matdiff_no_tangent0,
            __matdiff_no_tangent2,
            __matdiff_no_tangent3,
        );
        (
            __matdiff_value,
            (
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),
                __matdiff_slots.1,
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.2),
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.3),
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
        a: f64,
        n: usize,
        b: f64,
        y: f64,
        tangents: (
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<::matdiff::__private::NoDerivative>,
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
        ),
    ) -> (f64, __MatdiffD) {
        let a_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.0);
        let b_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.2);
        let y_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.3);
        let (__matdiff_value, __matdiff_value_dot, _, _) = __matdiff_partial_fixed_point_b::second_order_core::<
            _,
            true,
            false,
        >(a, n, b, y, a_dot, b_dot, y_dot);
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
        a: f64,
        n: usize,
        b: f64,
        y: f64,
        tangents: (
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<::matdiff::__private::NoDerivative>,
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
        ),
        out_bar: f64,
        out_bar_dot: ::core::option::Option<__MatdiffD>,
    ) -> (
        f64,
        __MatdiffD,
        (f64, ::matdiff::__private::NoDerivative, f64, f64),
        (__MatdiffD, ::matdiff::__private::NoDerivative, __MatdiffD, __MatdiffD),
    ) {
        let a_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.0);
        let b_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.2);
        let y_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.3);
        let out_bar_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(out_bar_dot);
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = __matdiff_partial_fixed_point_b::second_order_core::<
            _,
            true,
            true,
        >(a, n, b, y, a_dot, b_dot, y_dot);
        let __matdiff_dots = (
            ::matdiff::__private::reseed_scalar(
                out_bar,
                &out_bar_dot,
                &__matdiff_slots.0,
                __matdiff_dots.0,
            ),
            __matdiff_dots.1,
            ::matdiff::__private::reseed_scalar(
                out_bar,
                &out_bar_dot,
                &__matdiff_slots.2,
                __matdiff_dots.2,
            ),
            ::matdiff::__private::reseed_scalar(
                out_bar,
                &out_bar_dot,
                &__matdiff_slots.3,
                __matdiff_dots.3,
            ),
        );
        (
            __matdiff_value,
            __matdiff_value_dot,
            (
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),
                __matdiff_slots.1,
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.2),
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.3),
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
        a: f64,
        n: usize,
        b: f64,
        y: f64,
        mut a_dot: __MatdiffD,
        mut b_dot: __MatdiffD,
        mut y_dot: __MatdiffD,
    ) -> (
        f64,
        __MatdiffD,
        (f64, ::matdiff::__private::NoDerivative, f64, f64),
        (__MatdiffD, ::matdiff::__private::NoDerivative, __MatdiffD, __MatdiffD),
    ) {
        let partial: f64 = 1.0;
        let partial_1: f64 = partial;
        let _: () = if !__MATDIFF_REVERSE {
            return (
                partial_1,
                ::matdiff::__private::zero_tangent::<__MatdiffD, _>(&partial_1),
                (
                    <f64 as ::matdiff::__private::Scalar>::of(0.0),
                    ::matdiff::__private::NoDerivative,
                    <f64 as ::matdiff::__private::Scalar>::of(0.0),
                    <f64 as ::matdiff::__private::Scalar>::of(0.0),
                ),
                (
                    <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
                    ::matdiff::__private::NoDerivative,
                    <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
                    <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
                ),
            );
        };
        let (__matdiff_value, __matdiff_value_dot) = if __MATDIFF_VALUE {
            (partial_1, ::matdiff::__private::zero_tangent::<__MatdiffD, _>(&partial_1))
        } else {
            (
                <f64 as ::matdiff::__private::Scalar>::of(0.0),
                <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
            )
        };
        (
            __matdiff_value,
            __matdiff_value_dot,
            (
                ::matdiff::__private::zero_like(&a),
                ::matdiff::__private::NoDerivative,
                ::matdiff::__private::zero_like(&b),
                ::matdiff::__private::zero_like(&y),
            ),
            (
                ::matdiff::__private::zero_tangent::<__MatdiffD, _>(&a),
                ::matdiff::__private::NoDerivative,
                ::matdiff::__private::zero_tangent::<__MatdiffD, _>(&b),
                ::matdiff::__private::zero_tangent::<__MatdiffD, _>(&y),
            ),
        )
    }
}
