fn network(
    w1: &DMatrix<f64>,
    w2: &DMatrix<f64>,
    x: &DMatrix<f64>,
    y: &DMatrix<f64>,
) -> f64 {
    let hidden = (w1 * x).map(f64::tanh);
    (w2 * hidden - y).norm_squared()
}
/// The gradient of [`network`] with respect to `w1`, `w2`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn network_grad(
    w1: &DMatrix<f64>,
    w2: &DMatrix<f64>,
    x: &DMatrix<f64>,
    y: &DMatrix<f64>,
) -> (DMatrix<f64>, DMatrix<f64>) {
    let _ = network;
    let mul = ::matdiff::__private::rules::mul::value(w1, x);
    let f = |v: f64| -> f64 { f64::tanh(v) };
    let df = |v: f64, __matdiff_y: f64| -> f64 {
        let tanh = __matdiff_y;
        let tanh_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let v_bar = ::matdiff::__private::rules::tanh::vjp0(&v, &tanh, &tanh_bar);
        v_bar
    };
    let ddf = |v: f64, __matdiff_y: f64| -> f64 {
        let v_dot: f64 = 1.0;
        let tanh = __matdiff_y;
        let tanh_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let v_bar_dot = ::matdiff::__private::rules::tanh::vjp0_jvp0(
            &v,
            &tanh,
            &tanh_bar,
            &v_dot,
        );
        v_bar_dot
    };
    let hidden = ::matdiff::__private::rules::matrix::map::value(&mul, &f);
    let mul_1 = ::matdiff::__private::rules::mul::value(w2, &hidden);
    let sub = ::matdiff::__private::rules::sub::value(&mul_1, y);
    ::core::mem::drop(mul_1);
    let norm_squared = sub.norm_squared();
    let norm_squared_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let sub_bar = ::matdiff::__private::rules::matrix::norm_squared::vjp0(
        &sub,
        &norm_squared,
        &norm_squared_bar,
    );
    ::core::mem::drop(sub);
    let mul_1_bar = ::matdiff::__private::rules::sub::vjp0_owned(sub_bar);
    let w2_bar = ::matdiff::__private::rules::mul::vjp0(w2, &hidden, &(), &mul_1_bar);
    let hidden_bar = ::matdiff::__private::rules::mul::vjp1(
        w2,
        &hidden,
        &(),
        &mul_1_bar,
    );
    ::core::mem::drop(mul_1_bar);
    let mul_bar = ::matdiff::__private::rules::matrix::map::vjp0(
        &mul,
        &f,
        &df,
        &ddf,
        &hidden,
        &hidden_bar,
    );
    ::core::mem::drop(mul);
    ::core::mem::drop(hidden);
    ::core::mem::drop(hidden_bar);
    let w1_bar = ::matdiff::__private::rules::mul::vjp0(w1, x, &(), &mul_bar);
    ::core::mem::drop(mul_bar);
    (w1_bar, w2_bar)
}
/// The value of [`network`] and its gradient with respect to `w1`, `w2`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn network_value_and_grad(
    w1: &DMatrix<f64>,
    w2: &DMatrix<f64>,
    x: &DMatrix<f64>,
    y: &DMatrix<f64>,
) -> (f64, (DMatrix<f64>, DMatrix<f64>)) {
    let _ = network;
    let (__matdiff_value, __matdiff_slots) = network::gradient_core::<
        true,
    >(w1, w2, x, y);
    (__matdiff_value, (__matdiff_slots.0, __matdiff_slots.1))
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
struct network {}
#[allow(dead_code)]
impl network {
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
        w1: &DMatrix<f64>,
        w2: &DMatrix<f64>,
        x: &DMatrix<f64>,
        y: &DMatrix<f64>,
    ) -> (
        f64,
        (
            DMatrix<f64>,
            DMatrix<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
    ) {
        let mul = ::matdiff::__private::rules::mul::value(w1, x);
        let f = |v: f64| -> f64 { f64::tanh(v) };
        let df = |v: f64, __matdiff_y: f64| -> f64 {
            let tanh = __matdiff_y;
            let tanh_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
            let v_bar = ::matdiff::__private::rules::tanh::vjp0(&v, &tanh, &tanh_bar);
            v_bar
        };
        let ddf = |v: f64, __matdiff_y: f64| -> f64 {
            let v_dot: f64 = 1.0;
            let tanh = __matdiff_y;
            let tanh_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
            let v_bar_dot = ::matdiff::__private::rules::tanh::vjp0_jvp0(
                &v,
                &tanh,
                &tanh_bar,
                &v_dot,
            );
            v_bar_dot
        };
        let hidden = ::matdiff::__private::rules::matrix::map::value(&mul, &f);
        let mul_1 = ::matdiff::__private::rules::mul::value(w2, &hidden);
        let sub = ::matdiff::__private::rules::sub::value(&mul_1, y);
        ::core::mem::drop(mul_1);
        let norm_squared = sub.norm_squared();
        let norm_squared_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let sub_bar = ::matdiff::__private::rules::matrix::norm_squared::vjp0(
            &sub,
            &norm_squared,
            &norm_squared_bar,
        );
        ::core::mem::drop(sub);
        let mul_1_bar = ::matdiff::__private::rules::sub::vjp0_owned(sub_bar);
        let w2_bar = ::matdiff::__private::rules::mul::vjp0(
            w2,
            &hidden,
            &(),
            &mul_1_bar,
        );
        let hidden_bar = ::matdiff::__private::rules::mul::vjp1(
            w2,
            &hidden,
            &(),
            &mul_1_bar,
        );
        ::core::mem::drop(mul_1_bar);
        let mul_bar = ::matdiff::__private::rules::matrix::map::vjp0(
            &mul,
            &f,
            &df,
            &ddf,
            &hidden,
            &hidden_bar,
        );
        ::core::mem::drop(mul);
        ::core::mem::drop(hidden);
        ::core::mem::drop(hidden_bar);
        let w1_bar = ::matdiff::__private::rules::mul::vjp0(w1, x, &(), &mul_bar);
        ::core::mem::drop(mul_bar);
        let __matdiff_value = if __MATDIFF_VALUE {
            norm_squared
        } else {
            <f64 as ::matdiff::__private::Scalar>::of(0.0)
        };
        (
            __matdiff_value,
            (
                w1_bar,
                w2_bar,
                ::matdiff::__private::NoDerivative,
                ::matdiff::__private::NoDerivative,
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
        w1: &DMatrix<f64>,
        w2: &DMatrix<f64>,
        x: &DMatrix<f64>,
        y: &DMatrix<f64>,
        out_bar: f64,
    ) -> (
        f64,
        (
            DMatrix<f64>,
            DMatrix<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
    ) {
        let (__matdiff_value, __matdiff_slots) = network::gradient_core::<
            true,
        >(w1, w2, x, y);
        (
            __matdiff_value,
            (
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.1),
                __matdiff_slots.2,
                __matdiff_slots.3,
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
        w1: &DMatrix<f64>,
        w2: &DMatrix<f64>,
        x: &DMatrix<f64>,
        y: &DMatrix<f64>,
        tangents: (
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DMatrix<f64>>,
        ),
    ) -> (f64, f64) {
        type __MatdiffD = f64;
        let w1_dot = ::matdiff::__private::tangent_or_zero_matrix(tangents.0, w1);
        let w2_dot = ::matdiff::__private::tangent_or_zero_matrix(tangents.1, w2);
        let mul = ::matdiff::__private::rules::mul::value(w1, x);
        let mul_dot = ::matdiff::__private::rules::mul::jvp0(w1, x, &(), &w1_dot);
        let f = |v: f64| -> f64 { f64::tanh(v) };
        let df = |v: f64, __matdiff_y: f64| -> f64 {
            let tanh = __matdiff_y;
            let tanh_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
            let v_bar = ::matdiff::__private::rules::tanh::vjp0(&v, &tanh, &tanh_bar);
            v_bar
        };
        let ddf = |v: f64, __matdiff_y: f64| -> f64 {
            let v_dot: f64 = 1.0;
            let tanh = __matdiff_y;
            let tanh_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
            let v_bar_dot = ::matdiff::__private::rules::tanh::vjp0_jvp0(
                &v,
                &tanh,
                &tanh_bar,
                &v_dot,
            );
            v_bar_dot
        };
        let hidden = ::matdiff::__private::rules::matrix::map::value(&mul, &f);
        let hidden_dot = ::matdiff::__private::rules::matrix::map::jvp0(
            &mul,
            &f,
            &df,
            &ddf,
            &hidden,
            &mul_dot,
        );
        let mul_1 = ::matdiff::__private::rules::mul::value(w2, &hidden);
        let mul_1_dot = ::matdiff::__private::rules::mul::jvp0(
            w2,
            &hidden,
            &(),
            &w2_dot,
        );
        let mul_1_dot_1 = ::matdiff::__private::rules::mul::jvp1(
            w2,
            &hidden,
            &(),
            &hidden_dot,
        );
        let mul_1_dot_2 = ::matdiff::__private::add(&mul_1_dot, &mul_1_dot_1);
        let sub = ::matdiff::__private::rules::sub::value(&mul_1, y);
        let sub_dot = ::matdiff::__private::rules::sub::jvp0(&mul_1_dot_2);
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
        w1: &DMatrix<f64>,
        w2: &DMatrix<f64>,
        x: &DMatrix<f64>,
        y: &DMatrix<f64>,
        tangents: (
            ::core::option::Option<DMatrix<f64>>,
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
            DMatrix<f64>,
            DMatrix<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
        (
            DMatrix<f64>,
            DMatrix<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
    ) {
        type __MatdiffD = f64;
        let w1_dot = ::matdiff::__private::tangent_or_zero_matrix(tangents.0, w1);
        let w2_dot = ::matdiff::__private::tangent_or_zero_matrix(tangents.1, w2);
        let out_bar_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(out_bar_dot);
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = network::second_order_core::<
            true,
        >(w1, w2, x, y, w1_dot, w2_dot);
        let __matdiff_dots = (
            ::matdiff::__private::reseed_matrix(
                out_bar,
                &out_bar_dot,
                &__matdiff_slots.0,
                __matdiff_dots.0,
            ),
            ::matdiff::__private::reseed_matrix(
                out_bar,
                &out_bar_dot,
                &__matdiff_slots.1,
                __matdiff_dots.1,
            ),
            __matdiff_dots.2,
            __matdiff_dots.3,
        );
        (
            __matdiff_value,
            __matdiff_value_dot,
            (
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.1),
                __matdiff_slots.2,
                __matdiff_slots.3,
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
        w1: &DMatrix<f64>,
        w2: &DMatrix<f64>,
        x: &DMatrix<f64>,
        y: &DMatrix<f64>,
        mut tangents: (
            ::core::option::Option<DMatrix<f64>>,
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
            let __matdiff_tangent3 = ::matdiff::__private::direction_matrix::<
                f64,
                __MatdiffD,
                _,
            >(&mut tangents.3, __matdiff_k);
            let (__matdiff_one, __matdiff_one_dot) = network::jvp_one(
                w1,
                w2,
                x,
                y,
                (
                    __matdiff_tangent0,
                    __matdiff_tangent1,
                    __matdiff_tangent2,
                    __matdiff_tangent3,
                ),
            );
            <__MatdiffD as ::matdiff::__private::Directions<
                f64,
            >>::set(&mut __matdiff_value_dot, __matdiff_k, __matdiff_one_dot);
            __matdiff_value = ::core::option::Option::Some(__matdiff_one);
        }
        let __matdiff_value = match __matdiff_value {
            ::core::option::Option::Some(__matdiff_value) => __matdiff_value,
            ::core::option::Option::None => {
                network::jvp_one(
                        w1,
                        w2,
                        x,
                        y,
                        (
                            ::core::option::Option::None,
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
        w1: &DMatrix<f64>,
        w2: &DMatrix<f64>,
        x: &DMatrix<f64>,
        y: &DMatrix<f64>,
        mut tangents: (
            ::core::option::Option<DMatrix<f64>>,
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
            DMatrix<f64>,
            DMatrix<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
        (
            DMatrix<f64>,
            DMatrix<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
    ) {
        let mut __matdiff_dot0 = ::core::option::Option::None;
        let mut __matdiff_dot1 = ::core::option::Option::None;
        let mut __matdiff_dot2 = ::matdiff::__private::NoDerivative;
        let mut __matdiff_dot3 = ::matdiff::__private::NoDerivative;
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
            let __matdiff_tangent3 = ::matdiff::__private::direction_matrix::<
                f64,
                __MatdiffD,
                _,
            >(&mut tangents.3, __matdiff_k);
            let __matdiff_out_bar_dot = ::matdiff::__private::direction_scalar::<
                f64,
                __MatdiffD,
            >(out_bar_dot, __matdiff_k);
            let (__matdiff_one, __matdiff_one_dot, __matdiff_slots, __matdiff_dots) = network::vjp_jvp_one(
                w1,
                w2,
                x,
                y,
                (
                    __matdiff_tangent0,
                    __matdiff_tangent1,
                    __matdiff_tangent2,
                    __matdiff_tangent3,
                ),
                out_bar,
                __matdiff_out_bar_dot,
            );
            <__MatdiffD as ::matdiff::__private::Directions<
                f64,
            >>::set(&mut __matdiff_value_dot, __matdiff_k, __matdiff_one_dot);
            if <__MatdiffD as ::matdiff::__private::Directions<f64>>::COUNT == 1 {
                __matdiff_dot0 = ::core::option::Option::Some(__matdiff_dots.0);
            }
            if <__MatdiffD as ::matdiff::__private::Directions<f64>>::COUNT == 1 {
                __matdiff_dot1 = ::core::option::Option::Some(__matdiff_dots.1);
            }
            __matdiff_first = ::core::option::Option::Some((
                __matdiff_one,
                __matdiff_slots,
            ));
        }
        let (__matdiff_value, __matdiff_slots) = match __matdiff_first {
            ::core::option::Option::Some(__matdiff_first) => __matdiff_first,
            ::core::option::Option::None => network::vjp(w1, w2, x, y, out_bar),
        };
        (
            __matdiff_value,
            __matdiff_value_dot,
            __matdiff_slots,
            (
                match __matdiff_dot0 {
                    ::core::option::Option::Some(__matdiff_dot) => __matdiff_dot,
                    ::core::option::Option::None => {
                        ::matdiff::__private::tangent_or_zero_matrix(
                            ::core::option::Option::None,
                            w1,
                        )
                    }
                },
                match __matdiff_dot1 {
                    ::core::option::Option::Some(__matdiff_dot) => __matdiff_dot,
                    ::core::option::Option::None => {
                        ::matdiff::__private::tangent_or_zero_matrix(
                            ::core::option::Option::None,
                            w2,
                        )
                    }
                },
                __matdiff_dot2,
                __matdiff_dot3,
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
        w1: &DMatrix<f64>,
        w2: &DMatrix<f64>,
        x: &DMatrix<f64>,
        y: &DMatrix<f64>,
        mut w1_dot: DMatrix<f64>,
        mut w2_dot: DMatrix<f64>,
    ) -> (
        f64,
        f64,
        (
            DMatrix<f64>,
            DMatrix<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
        (
            DMatrix<f64>,
            DMatrix<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
    ) {
        type __MatdiffD = f64;
        let mul = ::matdiff::__private::rules::mul::value(w1, x);
        let mul_dot = ::matdiff::__private::rules::mul::jvp0(w1, x, &(), &w1_dot);
        let f = |v: f64| -> f64 { f64::tanh(v) };
        let df = |v: f64, __matdiff_y: f64| -> f64 {
            let tanh = __matdiff_y;
            let tanh_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
            let v_bar = ::matdiff::__private::rules::tanh::vjp0(&v, &tanh, &tanh_bar);
            v_bar
        };
        let ddf = |v: f64, __matdiff_y: f64| -> f64 {
            let v_dot: f64 = 1.0;
            let tanh = __matdiff_y;
            let tanh_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
            let v_bar_dot = ::matdiff::__private::rules::tanh::vjp0_jvp0(
                &v,
                &tanh,
                &tanh_bar,
                &v_dot,
            );
            v_bar_dot
        };
        let hidden = ::matdiff::__private::rules::matrix::map::value(&mul, &f);
        let hidden_dot = ::matdiff::__private::rules::matrix::map::jvp0(
            &mul,
            &f,
            &df,
            &ddf,
            &hidden,
            &mul_dot,
        );
        let mul_1 = ::matdiff::__private::rules::mul::value(w2, &hidden);
        let mul_1_dot = ::matdiff::__private::rules::mul::jvp0(
            w2,
            &hidden,
            &(),
            &w2_dot,
        );
        let mul_1_dot_1 = ::matdiff::__private::rules::mul::jvp1(
            w2,
            &hidden,
            &(),
            &hidden_dot,
        );
        let mul_1_dot_2 = ::matdiff::__private::add(&mul_1_dot, &mul_1_dot_1);
        let sub = ::matdiff::__private::rules::sub::value(&mul_1, y);
        let sub_dot = ::matdiff::__private::rules::sub::jvp0(&mul_1_dot_2);
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
        let mul_1_bar = ::matdiff::__private::rules::sub::vjp0(&sub_bar);
        let mul_1_bar_dot = ::matdiff::__private::rules::sub::vjp0(&sub_bar_dot);
        let w2_bar = ::matdiff::__private::rules::mul::vjp0(
            w2,
            &hidden,
            &(),
            &mul_1_bar,
        );
        let w2_bar_dot = ::matdiff::__private::rules::mul::vjp0(
            w2,
            &hidden,
            &(),
            &mul_1_bar_dot,
        );
        let w2_bar_dot_1 = ::matdiff::__private::rules::mul::vjp0_jvp1(
            w2,
            &hidden,
            &(),
            &mul_1_bar,
            &hidden_dot,
        );
        let w2_bar_dot_2 = ::matdiff::__private::add(&w2_bar_dot, &w2_bar_dot_1);
        let hidden_bar = ::matdiff::__private::rules::mul::vjp1(
            w2,
            &hidden,
            &(),
            &mul_1_bar,
        );
        let hidden_bar_dot = ::matdiff::__private::rules::mul::vjp1(
            w2,
            &hidden,
            &(),
            &mul_1_bar_dot,
        );
        let hidden_bar_dot_1 = ::matdiff::__private::rules::mul::vjp1_jvp0(
            w2,
            &hidden,
            &(),
            &mul_1_bar,
            &w2_dot,
        );
        let hidden_bar_dot_2 = ::matdiff::__private::add(
            &hidden_bar_dot,
            &hidden_bar_dot_1,
        );
        let mul_bar = ::matdiff::__private::rules::matrix::map::vjp0(
            &mul,
            &f,
            &df,
            &ddf,
            &hidden,
            &hidden_bar,
        );
        let mul_bar_dot = ::matdiff::__private::rules::matrix::map::vjp0(
            &mul,
            &f,
            &df,
            &ddf,
            &hidden,
            &hidden_bar_dot_2,
        );
        let mul_bar_dot_1 = ::matdiff::__private::rules::matrix::map::vjp0_jvp0(
            &mul,
            &f,
            &df,
            &ddf,
            &hidden,
            &hidden_bar,
            &mul_dot,
        );
        let mul_bar_dot_2 = ::matdiff::__private::add(&mul_bar_dot, &mul_bar_dot_1);
        let w1_bar = ::matdiff::__private::rules::mul::vjp0(w1, x, &(), &mul_bar);
        let w1_bar_dot = ::matdiff::__private::rules::mul::vjp0(
            w1,
            x,
            &(),
            &mul_bar_dot_2,
        );
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
                w1_bar,
                w2_bar,
                ::matdiff::__private::NoDerivative,
                ::matdiff::__private::NoDerivative,
            ),
            (
                w1_bar_dot,
                w2_bar_dot_2,
                ::matdiff::__private::NoDerivative,
                ::matdiff::__private::NoDerivative,
            ),
        )
    }
}
