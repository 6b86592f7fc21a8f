fn least_squares(x: &DVector<f64>, a: &DMatrix<f64>, b: &DVector<f64>) -> f64 {
    (a * x - b).norm_squared()
}
/// The gradient of [`least_squares`] with respect to `x`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn least_squares_grad(
    x: &DVector<f64>,
    a: &DMatrix<f64>,
    b: &DVector<f64>,
) -> DVector<f64> {
    let _ = least_squares;
    let mul = ::matdiff::__private::rules::mul::value(a, x);
    let sub = ::matdiff::__private::rules::sub::value(&mul, b);
    ::core::mem::drop(mul);
    let norm_squared = sub.norm_squared();
    let norm_squared_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let sub_bar = ::matdiff::__private::rules::matrix::norm_squared::vjp0(
        &sub,
        &norm_squared,
        &norm_squared_bar,
    );
    ::core::mem::drop(sub);
    let mul_bar = ::matdiff::__private::rules::sub::vjp0_owned(sub_bar);
    let x_bar = ::matdiff::__private::rules::mul::vjp1(a, x, &(), &mul_bar);
    ::core::mem::drop(mul_bar);
    x_bar
}
/// The value of [`least_squares`] and its gradient with respect to `x`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn least_squares_value_and_grad(
    x: &DVector<f64>,
    a: &DMatrix<f64>,
    b: &DVector<f64>,
) -> (f64, DVector<f64>) {
    let _ = least_squares;
    let (__matdiff_value, __matdiff_slots) = least_squares::gradient_core::<
        true,
    >(x, a, b);
    (__matdiff_value, __matdiff_slots.0)
}
/// The Hessian of [`least_squares`] with respect to `x` (all their scalars, in argument order): `H[i][j]` is the second derivative in the i-th and j-th of them. Computed by forward-over-reverse sweeps generated at compile time.
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
fn least_squares_hessian(
    x: &DVector<f64>,
    a: &DMatrix<f64>,
    b: &DVector<f64>,
) -> ::matdiff::__private::nalgebra::DMatrix<f64> {
    let _ = least_squares;
    let __matdiff_total: usize = (0usize + x.len());
    let x_dot = <::matdiff::__private::Bundle<
        f64,
    >>::seed(x.len(), 0usize, __matdiff_total);
    let mul = ::matdiff::__private::rules::mul::value(a, x);
    let mul_dot = ::matdiff::__private::rules::mul::jvp1(a, x, &(), &x_dot);
    let sub = ::matdiff::__private::rules::sub::value(&mul, b);
    ::core::mem::drop(mul);
    let sub_dot = ::matdiff::__private::rules::sub::jvp0_owned(mul_dot);
    let norm_squared = sub.norm_squared();
    let norm_squared_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let sub_bar_dot = ::matdiff::__private::rules::bundle::norm_squared::vjp0_jvp0(
        &sub,
        &norm_squared,
        &norm_squared_bar,
        &sub_dot,
    );
    ::core::mem::drop(sub);
    ::core::mem::drop(sub_dot);
    let mul_bar_dot = ::matdiff::__private::rules::sub::vjp0_owned(sub_bar_dot);
    let x_bar_dot = ::matdiff::__private::rules::mul::vjp1(a, x, &(), &mul_bar_dot);
    ::core::mem::drop(mul_bar_dot);
    ::matdiff::__private::into_hessian(x_bar_dot, __matdiff_total)
}
/// The Hessian of [`least_squares`] with respect to `x` times the vector `v` (shaped like the gradient), without forming the Hessian: one forward-over-reverse sweep, a small constant times the cost of the gradient.
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
fn least_squares_hvp(
    x: &DVector<f64>,
    a: &DMatrix<f64>,
    b: &DVector<f64>,
    v: &DVector<f64>,
) -> DVector<f64> {
    let _ = least_squares;
    let x_dot = ::core::clone::Clone::clone(v);
    let mul = ::matdiff::__private::rules::mul::value(a, x);
    let mul_dot = ::matdiff::__private::rules::mul::jvp1(a, x, &(), &x_dot);
    let sub = ::matdiff::__private::rules::sub::value(&mul, b);
    let sub_dot = ::matdiff::__private::rules::sub::jvp0(&mul_dot);
    let norm_squared = sub.norm_squared();
    let norm_squared_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let sub_bar_dot = ::matdiff::__private::rules::matrix::norm_squared::vjp0_jvp0(
        &sub,
        &norm_squared,
        &norm_squared_bar,
        &sub_dot,
    );
    let mul_bar_dot = ::matdiff::__private::rules::sub::vjp0(&sub_bar_dot);
    let x_bar_dot = ::matdiff::__private::rules::mul::vjp1(a, x, &(), &mul_bar_dot);
    x_bar_dot
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
struct least_squares {}
#[allow(dead_code)]
impl least_squares {
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
        x: &DVector<f64>,
        a: &DMatrix<f64>,
        b: &DVector<f64>,
    ) -> (
        f64,
        (
            DVector<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
    ) {
        let mul = ::matdiff::__private::rules::mul::value(a, x);
        let sub = ::matdiff::__private::rules::sub::value(&mul, b);
        ::core::mem::drop(mul);
        let norm_squared = sub.norm_squared();
        let norm_squared_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let sub_bar = ::matdiff::__private::rules::matrix::norm_squared::vjp0(
            &sub,
            &norm_squared,
            &norm_squared_bar,
        );
        ::core::mem::drop(sub);
        let mul_bar = ::matdiff::__private::rules::sub::vjp0_owned(sub_bar);
        let x_bar = ::matdiff::__private::rules::mul::vjp1(a, x, &(), &mul_bar);
        ::core::mem::drop(mul_bar);
        let __matdiff_value = if __MATDIFF_VALUE {
            norm_squared
        } else {
            <f64 as ::matdiff::__private::Scalar>::of(0.0)
        };
        (
            __matdiff_value,
            (
                x_bar,
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
        x: &DVector<f64>,
        a: &DMatrix<f64>,
        b: &DVector<f64>,
        out_bar: f64,
    ) -> (
        f64,
        (
            DVector<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
    ) {
        let (__matdiff_value, __matdiff_slots) = least_squares::gradient_core::<
            true,
        >(x, a, b);
        (
            __matdiff_value,
            (
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),
                __matdiff_slots.1,
                __matdiff_slots.2,
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
        x: &DVector<f64>,
        a: &DMatrix<f64>,
        b: &DVector<f64>,
        tangents: (
            ::core::option::Option<DVector<f64>>,
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DVector<f64>>,
        ),
    ) -> (f64, f64) {
        type __MatdiffD = f64;
        let x_dot = ::matdiff::__private::tangent_or_zero_matrix(tangents.0, x);
        let mul = ::matdiff::__private::rules::mul::value(a, x);
        let mul_dot = ::matdiff::__private::rules::mul::jvp1(a, x, &(), &x_dot);
        let sub = ::matdiff::__private::rules::sub::value(&mul, b);
        let sub_dot = ::matdiff::__private::rules::sub::jvp0(&mul_dot);
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
        x: &DVector<f64>,
        a: &DMatrix<f64>,
        b: &DVector<f64>,
        tangents: (
            ::core::option::Option<DVector<f64>>,
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DVector<f64>>,
        ),
        out_bar: f64,
        out_bar_dot: ::core::option::Option<f64>,
    ) -> (
        f64,
        f64,
        (
            DVector<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
        (
            DVector<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
    ) {
        type __MatdiffD = f64;
        let x_dot = ::matdiff::__private::tangent_or_zero_matrix(tangents.0, x);
        let out_bar_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(out_bar_dot);
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = least_squares::second_order_core::<
            true,
        >(x, a, b, x_dot);
        let __matdiff_dots = (
            ::matdiff::__private::reseed_matrix(
                out_bar,
                &out_bar_dot,
                &__matdiff_slots.0,
                __matdiff_dots.0,
            ),
            __matdiff_dots.1,
            __matdiff_dots.2,
        );
        (
            __matdiff_value,
            __matdiff_value_dot,
            (
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),
                __matdiff_slots.1,
                __matdiff_slots.2,
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
        x: &DVector<f64>,
        a: &DMatrix<f64>,
        b: &DVector<f64>,
        mut tangents: (
            ::core::option::Option<DVector<f64>>,
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DVector<f64>>,
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
            let (__matdiff_one, __matdiff_one_dot) = least_squares::jvp_one(
                x,
                a,
                b,
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
                least_squares::jvp_one(
                        x,
                        a,
                        b,
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
        x: &DVector<f64>,
        a: &DMatrix<f64>,
        b: &DVector<f64>,
        mut tangents: (
            ::core::option::Option<DVector<f64>>,
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DVector<f64>>,
        ),
        out_bar: f64,
        out_bar_dot: ::core::option::Option<__MatdiffD>,
    ) -> (
        f64,
        __MatdiffD,
        (
            DVector<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
        (
            DVector<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
    ) {
        let mut __matdiff_dot0 = ::core::option::Option::None;
        let mut __matdiff_dot1 = ::matdiff::__private::NoDerivative;
        let mut __matdiff_dot2 = ::matdiff::__private::NoDerivative;
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
            let (__matdiff_one, __matdiff_one_dot, __matdiff_slots, __matdiff_dots) = least_squares::vjp_jvp_one(
                x,
                a,
                b,
                (__matdiff_tangent0, __matdiff_tangent1, __matdiff_tangent2),
                out_bar,
                __matdiff_out_bar_dot,
            );
            <__MatdiffD as ::matdiff::__private::Directions<
                f64,
            >>::set(&mut __matdiff_value_dot, __matdiff_k, __matdiff_one_dot);
            if <__MatdiffD as ::matdiff::__private::Directions<f64>>::COUNT == 1 {
                __matdiff_dot0 = ::core::option::Option::Some(__matdiff_dots.0);
            }
            __matdiff_first = ::core::option::Option::Some((
                __matdiff_one,
                __matdiff_slots,
            ));
        }
        let (__matdiff_value, __matdiff_slots) = match __matdiff_first {
            ::core::option::Option::Some(__matdiff_first) => __matdiff_first,
            ::core::option::Option::None => least_squares::vjp(x, a, b, out_bar),
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
                            x,
                        )
                    }
                },
                __matdiff_dot1,
                __matdiff_dot2,
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
        x: &DVector<f64>,
        a: &DMatrix<f64>,
        b: &DVector<f64>,
        mut x_dot: DVector<f64>,
    ) -> (
        f64,
        f64,
        (
            DVector<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
        (
            DVector<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
    ) {
        type __MatdiffD = f64;
        let mul = ::matdiff::__private::rules::mul::value(a, x);
        let mul_dot = ::matdiff::__private::rules::mul::jvp1(a, x, &(), &x_dot);
        let sub = ::matdiff::__private::rules::sub::value(&mul, b);
        let sub_dot = ::matdiff::__private::rules::sub::jvp0(&mul_dot);
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
        let mul_bar = ::matdiff::__private::rules::sub::vjp0(&sub_bar);
        let mul_bar_dot = ::matdiff::__private::rules::sub::vjp0(&sub_bar_dot);
        let x_bar = ::matdiff::__private::rules::mul::vjp1(a, x, &(), &mul_bar);
        let x_bar_dot = ::matdiff::__private::rules::mul::vjp1(a, x, &(), &mul_bar_dot);
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
                x_bar,
                ::matdiff::__private::NoDerivative,
                ::matdiff::__private::NoDerivative,
            ),
            (
                x_bar_dot,
                ::matdiff::__private::NoDerivative,
                ::matdiff::__private::NoDerivative,
            ),
        )
    }
}
