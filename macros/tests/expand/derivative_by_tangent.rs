fn scaled_first(x: &[f64], t: f64) -> f64 {
    opaque(x) * t
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
struct scaled_first {}
#[allow(dead_code, unused_variables, clippy::all, clippy::pedantic, clippy::nursery)]
impl scaled_first {
    #[doc(hidden)]
    #[inline]
    pub fn vjp(
        x: &[f64],
        t: f64,
        __matdiff_out_bar: f64,
    ) -> (f64, (::std::vec::Vec<f64>, f64)) {
        let __matdiff_value = scaled_first(x, t);
        let __matdiff_zero0: ::std::vec::Vec<f64> = ::std::vec![0.0; x.len()];
        let __matdiff_zero1: f64 = 0.0;
        let (_, __matdiff_slots) = __matdiff_tangent_scaled_first::vjp(
            x,
            t,
            &__matdiff_zero0,
            __matdiff_zero1,
            __matdiff_out_bar,
        );
        (__matdiff_value, (__matdiff_slots.2, __matdiff_slots.3))
    }
    #[doc(hidden)]
    #[inline]
    pub fn jvp<__MatdiffD: ::matdiff::__private::Directions<f64>>(
        x: &[f64],
        t: f64,
        __matdiff_tangents: (
            ::core::option::Option<&[__MatdiffD]>,
            ::core::option::Option<__MatdiffD>,
        ),
    ) -> (f64, __MatdiffD) {
        let __matdiff_value = scaled_first(x, t);
        let __matdiff_zero0: ::std::vec::Vec<f64> = ::std::vec![0.0; x.len()];
        let __matdiff_zero1: f64 = 0.0;
        let (_, __matdiff_value_dot) = __matdiff_tangent_scaled_first::jvp::<
            __MatdiffD,
        >(
            x,
            t,
            &__matdiff_zero0,
            __matdiff_zero1,
            (
                ::core::option::Option::None,
                ::core::option::Option::None,
                __matdiff_tangents.0,
                __matdiff_tangents.1,
            ),
        );
        (__matdiff_value, __matdiff_value_dot)
    }
    #[doc(hidden)]
    #[inline]
    pub fn vjp_jvp<__MatdiffD: ::matdiff::__private::Directions<f64>>(
        x: &[f64],
        t: f64,
        __matdiff_tangents: (
            ::core::option::Option<&[__MatdiffD]>,
            ::core::option::Option<__MatdiffD>,
        ),
        __matdiff_out_bar: f64,
        __matdiff_out_bar_dot: ::core::option::Option<__MatdiffD>,
    ) -> (
        f64,
        __MatdiffD,
        (::std::vec::Vec<f64>, f64),
        (::std::vec::Vec<__MatdiffD>, __MatdiffD),
    ) {
        let __matdiff_value = scaled_first(x, t);
        let __matdiff_zero0: ::std::vec::Vec<f64> = ::std::vec![0.0; x.len()];
        let __matdiff_zero1: f64 = 0.0;
        let (_, __matdiff_value_dot) = __matdiff_tangent_scaled_first::jvp::<
            __MatdiffD,
        >(
            x,
            t,
            &__matdiff_zero0,
            __matdiff_zero1,
            (
                ::core::option::Option::None,
                ::core::option::Option::None,
                __matdiff_tangents.0,
                __matdiff_tangents.1,
            ),
        );
        let (_, _, __matdiff_slots, __matdiff_dots) = __matdiff_tangent_scaled_first::vjp_jvp::<
            __MatdiffD,
        >(
            x,
            t,
            &__matdiff_zero0,
            __matdiff_zero1,
            (
                __matdiff_tangents.0,
                __matdiff_tangents.1,
                ::core::option::Option::None,
                ::core::option::Option::None,
            ),
            __matdiff_out_bar,
            __matdiff_out_bar_dot,
        );
        (
            __matdiff_value,
            __matdiff_value_dot,
            (__matdiff_slots.2, __matdiff_slots.3),
            (__matdiff_dots.2, __matdiff_dots.3),
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
fn __matdiff_tangent_scaled_first(x: &[f64], t: f64, x_dot: &[f64], t_dot: f64) -> f64 {
    let tangent: f64 = x_dot[0] * t + x[0] * t_dot;
    tangent
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
struct __matdiff_tangent_scaled_first {}
#[allow(dead_code)]
impl __matdiff_tangent_scaled_first {
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
        x: &[f64],
        t: f64,
        x_dot: &[f64],
        t_dot: f64,
        out_bar: f64,
    ) -> (f64, (::std::vec::Vec<f64>, f64, ::std::vec::Vec<f64>, f64)) {
        let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
        let __matdiff_no_tangent1: [f64; 0] = [];
        let __matdiff_no_tangent2: ::std::vec::Vec<[f64; 0]> = ::std::vec![
            []; x_dot.len()
        ];
        let __matdiff_no_tangent3: [f64; 0] = [];
        let (__matdiff_value, _, __matdiff_slots, _) = __matdiff_tangent_scaled_first::second_order_core::<
            [f64; 0],
            true,
            true,
            _,
            _,
            _,
            _,
            _,
            _,
        >(
            x,
            t,
            x_dot,
            t_dot,
            __matdiff_no_tangent0,
            __matdiff_no_tangent1,
            __matdiff_no_tangent2,
            __matdiff_no_tangent3,
            ::std::vec::Vec::new(),
            ::std::vec::Vec::new(),
            ::std::vec::Vec::new(),
            ::std::vec::Vec::new(),
        );
        (
            __matdiff_value,
            (
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.1),
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
        x: &[f64],
        t: f64,
        x_dot: &[f64],
        t_dot: f64,
        tangents: (
            ::core::option::Option<&[__MatdiffD]>,
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<&[__MatdiffD]>,
            ::core::option::Option<__MatdiffD>,
        ),
    ) -> (f64, __MatdiffD) {
        let mut x_dot_1 = ::matdiff::__private::tangent_or_zero_vec::<
            f64,
            __MatdiffD,
        >(tangents.0, x.len());
        let t_dot_1 = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(tangents.1);
        let mut x_dot_dot = ::matdiff::__private::tangent_or_zero_vec::<
            f64,
            __MatdiffD,
        >(tangents.2, x_dot.len());
        let t_dot_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(tangents.3);
        let (__matdiff_value, __matdiff_value_dot, _, _) = __matdiff_tangent_scaled_first::second_order_core::<
            _,
            true,
            false,
            _,
            _,
            _,
            _,
            _,
            _,
        >(
            x,
            t,
            x_dot,
            t_dot,
            x_dot_1,
            t_dot_1,
            x_dot_dot,
            t_dot_dot,
            ::std::vec::Vec::new(),
            ::std::vec::Vec::new(),
            ::std::vec::Vec::new(),
            ::std::vec::Vec::new(),
        );
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
        x: &[f64],
        t: f64,
        x_dot: &[f64],
        t_dot: f64,
        tangents: (
            ::core::option::Option<&[__MatdiffD]>,
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<&[__MatdiffD]>,
            ::core::option::Option<__MatdiffD>,
        ),
        out_bar: f64,
        out_bar_dot: ::core::option::Option<__MatdiffD>,
    ) -> (
        f64,
        __MatdiffD,
        (::std::vec::Vec<f64>, f64, ::std::vec::Vec<f64>, f64),
        (
            ::std::vec::Vec<__MatdiffD>,
            __MatdiffD,
            ::std::vec::Vec<__MatdiffD>,
            __MatdiffD,
        ),
    ) {
        let mut x_dot_1 = ::matdiff::__private::tangent_or_zero_vec::<
            f64,
            __MatdiffD,
        >(tangents.0, x.len());
        let t_dot_1 = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(tangents.1);
        let mut x_dot_dot = ::matdiff::__private::tangent_or_zero_vec::<
            f64,
            __MatdiffD,
        >(tangents.2, x_dot.len());
        let t_dot_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(tangents.3);
        let out_bar_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(out_bar_dot);
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = __matdiff_tangent_scaled_first::second_order_core::<
            _,
            true,
            true,
            _,
            _,
            _,
            _,
            _,
            _,
        >(
            x,
            t,
            x_dot,
            t_dot,
            x_dot_1,
            t_dot_1,
            x_dot_dot,
            t_dot_dot,
            ::std::vec::Vec::new(),
            ::std::vec::Vec::new(),
            ::std::vec::Vec::new(),
            ::std::vec::Vec::new(),
        );
        let __matdiff_dots = (
            ::matdiff::__private::reseed_vec(
                out_bar,
                &out_bar_dot,
                &__matdiff_slots.0,
                __matdiff_dots.0,
            ),
            ::matdiff::__private::reseed_scalar(
                out_bar,
                &out_bar_dot,
                &__matdiff_slots.1,
                __matdiff_dots.1,
            ),
            ::matdiff::__private::reseed_vec(
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
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.1),
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
        __MatdiffS0: ::matdiff::__private::CotangentStorage<f64>,
        __MatdiffS2: ::matdiff::__private::CotangentStorage<f64>,
        __MatdiffR0: ::matdiff::__private::TangentStorage<f64, __MatdiffD>,
        __MatdiffR2: ::matdiff::__private::TangentStorage<f64, __MatdiffD>,
        __MatdiffT0: ::core::ops::Deref<Target = [__MatdiffD]>
            + ::matdiff::__private::TangentCopy<Owned = ::std::vec::Vec<__MatdiffD>>,
        __MatdiffT2: ::core::ops::Deref<Target = [__MatdiffD]>
            + ::matdiff::__private::TangentCopy<Owned = ::std::vec::Vec<__MatdiffD>>,
    >(
        x: &[f64],
        t: f64,
        x_dot: &[f64],
        t_dot: f64,
        x_dot_1: __MatdiffT0,
        mut t_dot_1: __MatdiffD,
        x_dot_dot: __MatdiffT2,
        mut t_dot_dot: __MatdiffD,
        mut __matdiff_storage0: __MatdiffS0,
        mut __matdiff_storage2: __MatdiffS2,
        mut __matdiff_tangent_storage0: __MatdiffR0,
        mut __matdiff_tangent_storage2: __MatdiffR2,
    ) -> (
        f64,
        __MatdiffD,
        (__MatdiffS0, f64, __MatdiffS2, f64),
        (__MatdiffR0, __MatdiffD, __MatdiffR2, __MatdiffD),
    ) {
        let i = 0;
        let element = x_dot[i];
        let element_dot = x_dot_dot[i];
        let mul = element * t;
        let mul_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
            element,
            t,
            (),
            element_dot,
        );
        let mul_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
            element,
            t,
            (),
            t_dot_1,
        );
        let mul_dot_2 = ::matdiff::__private::add_pair::<f64, _>(mul_dot, mul_dot_1);
        let i_1 = 0;
        let element_1 = x[i_1];
        let element_1_dot = x_dot_1[i_1];
        let mul_1 = element_1 * t_dot;
        let mul_1_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
            element_1,
            t_dot,
            (),
            element_1_dot,
        );
        let mul_1_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
            element_1,
            t_dot,
            (),
            t_dot_dot,
        );
        let mul_1_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(mul_1_dot, mul_1_dot_1);
        let tangent = mul + mul_1;
        let tangent_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(mul_dot_2, mul_1_dot_2);
        let tangent_1: f64 = tangent;
        let _: () = if !__MATDIFF_REVERSE {
            return (
                tangent_1,
                tangent_dot_2,
                (
                    __matdiff_storage0,
                    <f64 as ::matdiff::__private::Scalar>::of(0.0),
                    __matdiff_storage2,
                    <f64 as ::matdiff::__private::Scalar>::of(0.0),
                ),
                (
                    __matdiff_tangent_storage0,
                    <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
                    __matdiff_tangent_storage2,
                    <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
                ),
            );
        };
        let mut x_bar = ::matdiff::__private::CotangentStorage::zeroed(
            __matdiff_storage0,
            x.len(),
        );
        let mut x_bar_dot = ::matdiff::__private::TangentStorage::<
            f64,
            __MatdiffD,
        >::zeroed(__matdiff_tangent_storage0, x.len());
        let mut x_dot_bar = ::matdiff::__private::CotangentStorage::zeroed(
            __matdiff_storage2,
            x_dot.len(),
        );
        let mut x_dot_bar_dot = ::matdiff::__private::TangentStorage::<
            f64,
            __MatdiffD,
        >::zeroed(__matdiff_tangent_storage2, x_dot.len());
        let tangent_1_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let element_1_bar = ::matdiff::__private::rules::mul::by_value::vjp0(
            element_1,
            t_dot,
            (),
            tangent_1_bar,
        );
        let element_1_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
            element_1,
            t_dot,
            (),
            tangent_1_bar,
            t_dot_dot,
        );
        let t_dot_bar = ::matdiff::__private::rules::mul::by_value::vjp1(
            element_1,
            t_dot,
            (),
            tangent_1_bar,
        );
        let t_dot_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
            element_1,
            t_dot,
            (),
            tangent_1_bar,
            element_1_dot,
        );
        ::matdiff::__private::add_at(&mut x_bar, i_1, &element_1_bar);
        ::matdiff::__private::add_at(&mut x_bar_dot, i_1, &element_1_bar_dot);
        let element_bar = ::matdiff::__private::rules::mul::by_value::vjp0(
            element,
            t,
            (),
            tangent_1_bar,
        );
        let element_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
            element,
            t,
            (),
            tangent_1_bar,
            t_dot_1,
        );
        let t_bar = ::matdiff::__private::rules::mul::by_value::vjp1(
            element,
            t,
            (),
            tangent_1_bar,
        );
        let t_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
            element,
            t,
            (),
            tangent_1_bar,
            element_dot,
        );
        ::matdiff::__private::add_at(&mut x_dot_bar, i, &element_bar);
        ::matdiff::__private::add_at(&mut x_dot_bar_dot, i, &element_bar_dot);
        let (__matdiff_value, __matdiff_value_dot) = if __MATDIFF_VALUE {
            (tangent_1, tangent_dot_2)
        } else {
            (
                <f64 as ::matdiff::__private::Scalar>::of(0.0),
                <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
            )
        };
        (
            __matdiff_value,
            __matdiff_value_dot,
            (x_bar, t_bar, x_dot_bar, t_dot_bar),
            (x_bar_dot, t_bar_dot, x_dot_bar_dot, t_dot_bar_dot),
        )
    }
}
