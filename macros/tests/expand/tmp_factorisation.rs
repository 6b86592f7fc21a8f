fn factorisation(x: &DMatrix<f64>, u: &DMatrix<f64>, v: &DMatrix<f64>) -> f64 {
    (x - u * v).norm_squared()
}
/// The gradient of [`factorisation`] with respect to `v`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn factorisation_grad(
    x: &DMatrix<f64>,
    u: &DMatrix<f64>,
    v: &DMatrix<f64>,
) -> DMatrix<f64> {
    let _ = factorisation;
    let mul = ::matdiff::__private::rules::mul::value(u, v);
    let sub = ::matdiff::__private::rules::sub::value(x, &mul);
    ::core::mem::drop(mul);
    let norm_squared = sub.norm_squared();
    let norm_squared_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let sub_bar = ::matdiff::__private::rules::matrix::norm_squared::vjp0(
        &sub,
        &norm_squared,
        &norm_squared_bar,
    );
    ::core::mem::drop(sub);
    let mul_bar = ::matdiff::__private::rules::sub::vjp1_owned(sub_bar);
    let v_bar = ::matdiff::__private::rules::mul::vjp1(u, v, &(), &mul_bar);
    ::core::mem::drop(mul_bar);
    v_bar
}
/// The value of [`factorisation`] and its gradient with respect to `v`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn factorisation_value_and_grad(
    x: &DMatrix<f64>,
    u: &DMatrix<f64>,
    v: &DMatrix<f64>,
) -> (f64, DMatrix<f64>) {
    let _ = factorisation;
    let (__matdiff_value, __matdiff_slots) = factorisation::gradient_core::<
        true,
    >(x, u, v);
    (__matdiff_value, __matdiff_slots.2)
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
struct factorisation {}
#[allow(dead_code)]
impl factorisation {
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
    pub fn gradient_core<const __MATDIFF_VALUE: bool>(
        x: &DMatrix<f64>,
        u: &DMatrix<f64>,
        v: &DMatrix<f64>,
    ) -> (
        f64,
        (
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
            DMatrix<f64>,
        ),
    ) {
        let mul = ::matdiff::__private::rules::mul::value(u, v);
        let sub = ::matdiff::__private::rules::sub::value(x, &mul);
        ::core::mem::drop(mul);
        let norm_squared = sub.norm_squared();
        let norm_squared_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let sub_bar = ::matdiff::__private::rules::matrix::norm_squared::vjp0(
            &sub,
            &norm_squared,
            &norm_squared_bar,
        );
        ::core::mem::drop(sub);
        let mul_bar = ::matdiff::__private::rules::sub::vjp1_owned(sub_bar);
        let v_bar = ::matdiff::__private::rules::mul::vjp1(u, v, &(), &mul_bar);
        ::core::mem::drop(mul_bar);
        let __matdiff_value = if __MATDIFF_VALUE {
            norm_squared
        } else {
            <f64 as ::matdiff::__private::Scalar>::of(0.0)
        };
        (
            __matdiff_value,
            (
                ::matdiff::__private::NoDerivative,
                ::matdiff::__private::NoDerivative,
                v_bar,
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
    pub fn vjp(
        x: &DMatrix<f64>,
        u: &DMatrix<f64>,
        v: &DMatrix<f64>,
        out_bar: f64,
    ) -> (
        f64,
        (
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
            DMatrix<f64>,
        ),
    ) {
        let (__matdiff_value, __matdiff_slots) = factorisation::gradient_core::<
            true,
        >(x, u, v);
        (
            __matdiff_value,
            (
                __matdiff_slots.0,
                __matdiff_slots.1,
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.2),
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
    pub fn jvp_one(
        x: &DMatrix<f64>,
        u: &DMatrix<f64>,
        v: &DMatrix<f64>,
        tangents: (
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DMatrix<f64>>,
        ),
    ) -> (f64, f64) {
        type __MatdiffD = f64;
        let v_dot = ::matdiff::__private::tangent_or_zero_matrix(tangents.2, v);
        let mul = ::matdiff::__private::rules::mul::value(u, v);
        let mul_dot = ::matdiff::__private::rules::mul::jvp1(u, v, &(), &v_dot);
        let sub = ::matdiff::__private::rules::sub::value(x, &mul);
        let sub_dot = ::matdiff::__private::rules::sub::jvp1(&mul_dot);
        let norm_squared = sub.norm_squared();
        let norm_squared_dot = ::matdiff::__private::rules::matrix::norm_squared::jvp0(
            &sub,
            &norm_squared,
            &sub_dot,
        );
        (norm_squared, norm_squared_dot)
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
    pub fn vjp_jvp_one(
        x: &DMatrix<f64>,
        u: &DMatrix<f64>,
        v: &DMatrix<f64>,
        tangents: (
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DMatrix<f64>>,
        ),
        out_bar: f64,
        out_bar_dot: ::core::option::Option<f64>,
    ) -> (
        f64,
        f64,
        (
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
            DMatrix<f64>,
        ),
        (
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
            DMatrix<f64>,
        ),
    ) {
        type __MatdiffD = f64;
        let v_dot = ::matdiff::__private::tangent_or_zero_matrix(tangents.2, v);
        let out_bar_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(out_bar_dot);
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = factorisation::second_order_core::<
            true,
        >(x, u, v, v_dot);
        let __matdiff_dots = (
            __matdiff_dots.0,
            __matdiff_dots.1,
            ::matdiff::__private::reseed_matrix(
                out_bar,
                &out_bar_dot,
                &__matdiff_slots.2,
                __matdiff_dots.2,
            ),
        );
        (
            __matdiff_value,
            __matdiff_value_dot,
            (
                __matdiff_slots.0,
                __matdiff_slots.1,
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.2),
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
    pub fn jvp<__MatdiffD: ::matdiff::__private::Directions<f64>>(
        x: &DMatrix<f64>,
        u: &DMatrix<f64>,
        v: &DMatrix<f64>,
        mut tangents: (
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DMatrix<f64>>,
        ),
    ) -> (f64, __MatdiffD) {
        let mut __matdiff_value_dot = <__MatdiffD as ::matdiff::__private::Directions<
            f64,
        >>::zero();
        let mut __matdiff_value = ::core::option::Option::None;
        for __matdiff_k in 0..<__MatdiffD as ::matdiff::__private::Directions<
            f64,
        >>::COUNT {
            let __matdiff_tangent0 = ::matdiff::__private::direction_matrix::<
                f64,
                __MatdiffD,
                _,
            >(&mut tangents.0, __matdiff_k);
            let __matdiff_tangent1 = ::matdiff::__private::direction_matrix::<
                f64,
                __MatdiffD,
                _,
            >(&mut tangents.1, __matdiff_k);
            let __matdiff_tangent2 = ::matdiff::__private::direction_matrix::<
                f64,
                __MatdiffD,
                _,
            >(&mut tangents.2, __matdiff_k);
            let (__matdiff_one, __matdiff_one_dot) = factorisation::jvp_one(
                x,
                u,
                v,
                (__matdiff_tangent0, __matdiff_tangent1, __matdiff_tangent2),
            );
            <__MatdiffD as ::matdiff::__private::Directions<
                f64,
            >>::set(&mut __matdiff_value_dot, __matdiff_k, __matdiff_one_dot);
            __matdiff_value = ::core::option::Option::Some(__matdiff_one);
        }
        let __matdiff_value = match __matdiff_value {
            ::core::option::Option::Some(__matdiff_value) => __matdiff_value,
            ::core::option::Option::None => {
                factorisation::jvp_one(
                        x,
                        u,
                        v,
                        (
                            ::core::option::Option::None,
                            ::core::option::Option::None,
                            ::core::option::Option::None,
                        ),
                    )
                    .0
            }
        };
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
        x: &DMatrix<f64>,
        u: &DMatrix<f64>,
        v: &DMatrix<f64>,
        mut tangents: (
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DMatrix<f64>>,
        ),
        out_bar: f64,
        out_bar_dot: ::core::option::Option<__MatdiffD>,
    ) -> (
        f64,
        __MatdiffD,
        (
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
            DMatrix<f64>,
        ),
        (
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
            DMatrix<f64>,
        ),
    ) {
        let mut __matdiff_dot0 = ::matdiff::__private::NoDerivative;
        let mut __matdiff_dot1 = ::matdiff::__private::NoDerivative;
        let mut __matdiff_dot2 = ::core::option::Option::None;
        let mut __matdiff_value_dot = <__MatdiffD as ::matdiff::__private::Directions<
            f64,
        >>::zero();
        let mut __matdiff_first = ::core::option::Option::None;
        for __matdiff_k in 0..<__MatdiffD as ::matdiff::__private::Directions<
            f64,
        >>::COUNT {
            let __matdiff_tangent0 = ::matdiff::__private::direction_matrix::<
                f64,
                __MatdiffD,
                _,
            >(&mut tangents.0, __matdiff_k);
            let __matdiff_tangent1 = ::matdiff::__private::direction_matrix::<
                f64,
                __MatdiffD,
                _,
            >(&mut tangents.1, __matdiff_k);
            let __matdiff_tangent2 = ::matdiff::__private::direction_matrix::<
                f64,
                __MatdiffD,
                _,
            >(&mut tangents.2, __matdiff_k);
            let __matdiff_out_bar_dot = ::matdiff::__private::direction_scalar::<
                f64,
                __MatdiffD,
            >(out_bar_dot, __matdiff_k);
            let (__matdiff_one, __matdiff_one_dot, __matdiff_slots, __matdiff_dots) = factorisation::vjp_jvp_one(
                x,
                u,
                v,
                (__matdiff_tangent0, __matdiff_tangent1, __matdiff_tangent2),
                out_bar,
                __matdiff_out_bar_dot,
            );
            <__MatdiffD as ::matdiff::__private::Directions<
                f64,
            >>::set(&mut __matdiff_value_dot, __matdiff_k, __matdiff_one_dot);
            if <__MatdiffD as ::matdiff::__private::Directions<f64>>::COUNT == 1 {
                __matdiff_dot2 = ::core::option::Option::Some(__matdiff_dots.2);
            }
            __matdiff_first = ::core::option::Option::Some((
                __matdiff_one,
                __matdiff_slots,
            ));
        }
        let (__matdiff_value, __matdiff_slots) = match __matdiff_first {
            ::core::option::Option::Some(__matdiff_first) => __matdiff_first,
            ::core::option::Option::None => factorisation::vjp(x, u, v, out_bar),
        };
        (
            __matdiff_value,
            __matdiff_value_dot,
            __matdiff_slots,
            (
                __matdiff_dot0,
                __matdiff_dot1,
                match __matdiff_dot2 {
                    ::core::option::Option::Some(__matdiff_dot) => __matdiff_dot,
                    ::core::option::Option::None => {
                        ::matdiff::__private::tangent_or_zero_matrix(
                            ::core::option::Option::None,
                            v,
                        )
                    }
                },
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
    pub fn second_order_core<const __MATDIFF_VALUE: bool>(
        x: &DMatrix<f64>,
        u: &DMatrix<f64>,
        v: &DMatrix<f64>,
        mut v_dot: DMatrix<f64>,
    ) -> (
        f64,
        f64,
        (
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
            DMatrix<f64>,
        ),
        (
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
            DMatrix<f64>,
        ),
    ) {
        type __MatdiffD = f64;
        let mul = ::matdiff::__private::rules::mul::value(u, v);
        let mul_dot = ::matdiff::__private::rules::mul::jvp1(u, v, &(), &v_dot);
        let sub = ::matdiff::__private::rules::sub::value(x, &mul);
        let sub_dot = ::matdiff::__private::rules::sub::jvp1(&mul_dot);
        let norm_squared = sub.norm_squared();
        let norm_squared_dot = ::matdiff::__private::rules::matrix::norm_squared::jvp0(
            &sub,
            &norm_squared,
            &sub_dot,
        );
        let norm_squared_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let sub_bar = ::matdiff::__private::rules::matrix::norm_squared::vjp0(
            &sub,
            &norm_squared,
            &norm_squared_bar,
        );
        let sub_bar_dot = ::matdiff::__private::rules::matrix::norm_squared::vjp0_jvp0(
            &sub,
            &norm_squared,
            &norm_squared_bar,
            &sub_dot,
        );
        let mul_bar = ::matdiff::__private::rules::sub::vjp1(&sub_bar);
        let mul_bar_dot = ::matdiff::__private::rules::sub::vjp1(&sub_bar_dot);
        let v_bar = ::matdiff::__private::rules::mul::vjp1(u, v, &(), &mul_bar);
        let v_bar_dot = ::matdiff::__private::rules::mul::vjp1(u, v, &(), &mul_bar_dot);
        let (__matdiff_value, __matdiff_value_dot) = if __MATDIFF_VALUE {
            (norm_squared, norm_squared_dot)
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
                ::matdiff::__private::NoDerivative,
                ::matdiff::__private::NoDerivative,
                v_bar,
            ),
            (
                ::matdiff::__private::NoDerivative,
                ::matdiff::__private::NoDerivative,
                v_bar_dot,
            ),
        )
    }
}
