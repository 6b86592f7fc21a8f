fn chain(a: f64, b: f64, c: f64, d: f64) -> f64 {
    (b - a * a).powi(2) + (c - b * b).powi(2) + (d - c * c).powi(2)
}
/// The gradient of [`chain`] with respect to `a`, `b`, `c`, `d`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn chain_grad(a: f64, b: f64, c: f64, d: f64) -> [f64; 4] {
    let _ = chain;
    let __matdiff_no_tangent0: [f64; 0] = [];
    let __matdiff_no_tangent1: [f64; 0] = [];
    let __matdiff_no_tangent2: [f64; 0] = [];
    let __matdiff_no_tangent3: [f64; 0] = [];
    let (__matdiff_value, _, __matdiff_slots, _) = chain::second_order_core::<
        [f64; 0],
        false,
        true,
    >(
        a,
        b,
        c,
        d,
        __matdiff_no_tangent0,
        __matdiff_no_tangent1,
        __matdiff_no_tangent2,
        __matdiff_no_tangent3,
    );
    [__matdiff_slots.0, __matdiff_slots.1, __matdiff_slots.2, __matdiff_slots.3]
}
/// The value of [`chain`] and its gradient with respect to `a`, `b`, `c`, `d`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn chain_value_and_grad(a: f64, b: f64, c: f64, d: f64) -> (f64, [f64; 4]) {
    let _ = chain;
    let __matdiff_no_tangent0: [f64; 0] = [];
    let __matdiff_no_tangent1: [f64; 0] = [];
    let __matdiff_no_tangent2: [f64; 0] = [];
    let __matdiff_no_tangent3: [f64; 0] = [];
    let (__matdiff_value, _, __matdiff_slots, _) = chain::second_order_core::<
        [f64; 0],
        true,
        true,
    >(
        a,
        b,
        c,
        d,
        __matdiff_no_tangent0,
        __matdiff_no_tangent1,
        __matdiff_no_tangent2,
        __matdiff_no_tangent3,
    );
    (
        __matdiff_value,
        [__matdiff_slots.0, __matdiff_slots.1, __matdiff_slots.2, __matdiff_slots.3],
    )
}
/// The Hessian of [`chain`] with respect to `a`, `b`, `c`, `d` (all their scalars, in argument order): `H[i][j]` is the second derivative in the i-th and j-th of them. Computed by forward-over-reverse sweeps generated at compile time.
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
fn chain_hessian(a: f64, b: f64, c: f64, d: f64) -> [[f64; 4]; 4] {
    let _ = chain;
    let (_, _, _, __matdiff_tangents) = chain::second_order_core::<
        _,
        false,
        true,
    >(
        a,
        b,
        c,
        d,
        ::matdiff::__private::unit::<f64, [f64; 3]>(0),
        ::matdiff::__private::unit::<f64, [f64; 3]>(1),
        ::matdiff::__private::unit::<f64, [f64; 3]>(2),
        ::matdiff::__private::unit::<f64, [f64; 3]>(0),
    );
    [
        [__matdiff_tangents.0[0], __matdiff_tangents.0[1], 0.0, 0.0],
        [__matdiff_tangents.1[0], __matdiff_tangents.1[1], __matdiff_tangents.1[2], 0.0],
        [0.0, __matdiff_tangents.2[1], __matdiff_tangents.2[2], __matdiff_tangents.2[0]],
        [0.0, 0.0, __matdiff_tangents.3[2], __matdiff_tangents.3[0]],
    ]
}
/// The Hessian of [`chain`] with respect to `a`, `b`, `c`, `d` times the vector `v` (shaped like the gradient), without forming the Hessian: one forward-over-reverse sweep, a small constant times the cost of the gradient.
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
fn chain_hvp(a: f64, b: f64, c: f64, d: f64, v: [f64; 4]) -> [f64; 4] {
    let _ = chain;
    let (_, _, _, __matdiff_tangents) = chain::second_order_core::<
        _,
        false,
        true,
    >(a, b, c, d, v[0], v[1], v[2], v[3]);
    [
        __matdiff_tangents.0,
        __matdiff_tangents.1,
        __matdiff_tangents.2,
        __matdiff_tangents.3,
    ]
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
struct chain {}
#[allow(dead_code)]
impl chain {
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
        b: f64,
        c: f64,
        d: f64,
        out_bar: f64,
    ) -> (f64, (f64, f64, f64, f64)) {
        let __matdiff_no_tangent0: [f64; 0] = [];
        let __matdiff_no_tangent1: [f64; 0] = [];
        let __matdiff_no_tangent2: [f64; 0] = [];
        let __matdiff_no_tangent3: [f64; 0] = [];
        let (__matdiff_value, _, __matdiff_slots, _) = chain::second_order_core::<
            [f64; 0],
            true,
            true,
        >(
            a,
            b,
            c,
            d,
            __matdiff_no_tangent0,
            __matdiff_no_tangent1,
            __matdiff_no_tangent2,
            __matdiff_no_tangent3,
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
        a: f64,
        b: f64,
        c: f64,
        d: f64,
        tangents: (
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
        ),
    ) -> (f64, __MatdiffD) {
        let a_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.0);
        let b_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.1);
        let c_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.2);
        let d_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.3);
        let (__matdiff_value, __matdiff_value_dot, _, _) = chain::second_order_core::<
            _,
            true,
            false,
        >(a, b, c, d, a_dot, b_dot, c_dot, d_dot);
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
        b: f64,
        c: f64,
        d: f64,
        tangents: (
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
        ),
        out_bar: f64,
        out_bar_dot: ::core::option::Option<__MatdiffD>,
    ) -> (
        f64,
        __MatdiffD,
        (f64, f64, f64, f64),
        (__MatdiffD, __MatdiffD, __MatdiffD, __MatdiffD),
    ) {
        let a_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.0);
        let b_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.1);
        let c_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.2);
        let d_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.3);
        let out_bar_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(out_bar_dot);
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = chain::second_order_core::<
            _,
            true,
            true,
        >(a, b, c, d, a_dot, b_dot, c_dot, d_dot);
        let __matdiff_dots = (
            ::matdiff::__private::reseed_scalar(
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
    >(
        a: f64,
        b: f64,
        c: f64,
        d: f64,
        mut a_dot: __MatdiffD,
        mut b_dot: __MatdiffD,
        mut c_dot: __MatdiffD,
        mut d_dot: __MatdiffD,
    ) -> (
        f64,
        __MatdiffD,
        (f64, f64, f64, f64),
        (__MatdiffD, __MatdiffD, __MatdiffD, __MatdiffD),
    ) {
        let mul = a * a;
        let mul_dot = ::matdiff::__private::rules::mul::by_value::jvp0(a, a, (), a_dot);
        let mul_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
            a,
            a,
            (),
            a_dot,
        );
        let mul_dot_2 = ::matdiff::__private::add_pair::<f64, _>(mul_dot, mul_dot_1);
        let sub = b - mul;
        let sub_dot_1 = ::matdiff::__private::rules::sub::by_value::jvp1::<
            f64,
            _,
        >(mul_dot_2);
        let sub_dot_2 = ::matdiff::__private::add_pair::<f64, _>(b_dot, sub_dot_1);
        let c_1 = 2;
        let powi = sub.powi(c_1);
        let powi_dot = ::matdiff::__private::rules::powi::by_value::jvp0(
            sub,
            c_1,
            powi,
            sub_dot_2,
        );
        let mul_1 = b * b;
        let mul_1_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
            b,
            b,
            (),
            b_dot,
        );
        let mul_1_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
            b,
            b,
            (),
            b_dot,
        );
        let mul_1_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(mul_1_dot, mul_1_dot_1);
        let sub_1 = c - mul_1;
        let sub_1_dot_1 = ::matdiff::__private::rules::sub::by_value::jvp1::<
            f64,
            _,
        >(mul_1_dot_2);
        let sub_1_dot_2 = ::matdiff::__private::add_pair::<f64, _>(c_dot, sub_1_dot_1);
        let c_2 = 2;
        let powi_1 = sub_1.powi(c_2);
        let powi_1_dot = ::matdiff::__private::rules::powi::by_value::jvp0(
            sub_1,
            c_2,
            powi_1,
            sub_1_dot_2,
        );
        let add = powi + powi_1;
        let add_dot_2 = ::matdiff::__private::add_pair::<f64, _>(powi_dot, powi_1_dot);
        let mul_2 = c * c;
        let mul_2_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
            c,
            c,
            (),
            c_dot,
        );
        let mul_2_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
            c,
            c,
            (),
            c_dot,
        );
        let mul_2_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(mul_2_dot, mul_2_dot_1);
        let sub_2 = d - mul_2;
        let sub_2_dot_1 = ::matdiff::__private::rules::sub::by_value::jvp1::<
            f64,
            _,
        >(mul_2_dot_2);
        let sub_2_dot_2 = ::matdiff::__private::add_pair::<f64, _>(d_dot, sub_2_dot_1);
        let c_3 = 2;
        let powi_2 = sub_2.powi(c_3);
        let powi_2_dot = ::matdiff::__private::rules::powi::by_value::jvp0(
            sub_2,
            c_3,
            powi_2,
            sub_2_dot_2,
        );
        let add_1 = add + powi_2;
        let add_1_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(add_dot_2, powi_2_dot);
        let _: () = if !__MATDIFF_REVERSE {
            return (
                add_1,
                add_1_dot_2,
                (
                    <f64 as ::matdiff::__private::Scalar>::of(0.0),
                    <f64 as ::matdiff::__private::Scalar>::of(0.0),
                    <f64 as ::matdiff::__private::Scalar>::of(0.0),
                    <f64 as ::matdiff::__private::Scalar>::of(0.0),
                ),
                (
                    <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
                    <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
                    <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
                    <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
                ),
            );
        };
        let add_1_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let sub_2_bar = ::matdiff::__private::rules::powi::by_value::vjp0(
            sub_2,
            c_3,
            powi_2,
            add_1_bar,
        );
        let sub_2_bar_dot = ::matdiff::__private::rules::powi::by_value::vjp0_jvp0(
            sub_2,
            c_3,
            powi_2,
            add_1_bar,
            sub_2_dot_2,
        );
        let d_bar = sub_2_bar;
        let d_bar_dot = sub_2_bar_dot;
        let mul_2_bar = ::matdiff::__private::rules::sub::by_value::vjp1::<
            f64,
            _,
        >(sub_2_bar);
        let mul_2_bar_dot = ::matdiff::__private::rules::sub::by_value::vjp1::<
            f64,
            _,
        >(sub_2_bar_dot);
        let c_bar = ::matdiff::__private::rules::mul::by_value::vjp0(
            c,
            c,
            (),
            mul_2_bar,
        );
        let c_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0(
            c,
            c,
            (),
            mul_2_bar_dot,
        );
        let c_bar_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
            c,
            c,
            (),
            mul_2_bar,
            c_dot,
        );
        let c_bar_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(c_bar_dot, c_bar_dot_1);
        let c_bar_1 = ::matdiff::__private::rules::mul::by_value::vjp1(
            c,
            c,
            (),
            mul_2_bar,
        );
        let c_bar_1_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
            c,
            c,
            (),
            mul_2_bar_dot,
        );
        let c_bar_1_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
            c,
            c,
            (),
            mul_2_bar,
            c_dot,
        );
        let c_bar_1_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(c_bar_1_dot, c_bar_1_dot_1);
        let c_bar_2 = ::matdiff::__private::add_pair::<f64, _>(c_bar, c_bar_1);
        let c_bar_2_dot = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(c_bar_dot_2, c_bar_1_dot_2);
        let sub_1_bar = ::matdiff::__private::rules::powi::by_value::vjp0(
            sub_1,
            c_2,
            powi_1,
            add_1_bar,
        );
        let sub_1_bar_dot = ::matdiff::__private::rules::powi::by_value::vjp0_jvp0(
            sub_1,
            c_2,
            powi_1,
            add_1_bar,
            sub_1_dot_2,
        );
        let c_bar_4 = ::matdiff::__private::add_pair::<f64, _>(c_bar_2, sub_1_bar);
        let c_bar_4_dot = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(c_bar_2_dot, sub_1_bar_dot);
        let mul_1_bar = ::matdiff::__private::rules::sub::by_value::vjp1::<
            f64,
            _,
        >(sub_1_bar);
        let mul_1_bar_dot = ::matdiff::__private::rules::sub::by_value::vjp1::<
            f64,
            _,
        >(sub_1_bar_dot);
        let b_bar = ::matdiff::__private::rules::mul::by_value::vjp0(
            b,
            b,
            (),
            mul_1_bar,
        );
        let b_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0(
            b,
            b,
            (),
            mul_1_bar_dot,
        );
        let b_bar_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
            b,
            b,
            (),
            mul_1_bar,
            b_dot,
        );
        let b_bar_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(b_bar_dot, b_bar_dot_1);
        let b_bar_1 = ::matdiff::__private::rules::mul::by_value::vjp1(
            b,
            b,
            (),
            mul_1_bar,
        );
        let b_bar_1_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
            b,
            b,
            (),
            mul_1_bar_dot,
        );
        let b_bar_1_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
            b,
            b,
            (),
            mul_1_bar,
            b_dot,
        );
        let b_bar_1_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(b_bar_1_dot, b_bar_1_dot_1);
        let b_bar_2 = ::matdiff::__private::add_pair::<f64, _>(b_bar, b_bar_1);
        let b_bar_2_dot = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(b_bar_dot_2, b_bar_1_dot_2);
        let sub_bar = ::matdiff::__private::rules::powi::by_value::vjp0(
            sub,
            c_1,
            powi,
            add_1_bar,
        );
        let sub_bar_dot = ::matdiff::__private::rules::powi::by_value::vjp0_jvp0(
            sub,
            c_1,
            powi,
            add_1_bar,
            sub_dot_2,
        );
        let b_bar_4 = ::matdiff::__private::add_pair::<f64, _>(b_bar_2, sub_bar);
        let b_bar_4_dot = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(b_bar_2_dot, sub_bar_dot);
        let mul_bar = ::matdiff::__private::rules::sub::by_value::vjp1::<
            f64,
            _,
        >(sub_bar);
        let mul_bar_dot = ::matdiff::__private::rules::sub::by_value::vjp1::<
            f64,
            _,
        >(sub_bar_dot);
        let a_bar = ::matdiff::__private::rules::mul::by_value::vjp0(a, a, (), mul_bar);
        let a_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0(
            a,
            a,
            (),
            mul_bar_dot,
        );
        let a_bar_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
            a,
            a,
            (),
            mul_bar,
            a_dot,
        );
        let a_bar_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(a_bar_dot, a_bar_dot_1);
        let a_bar_1 = ::matdiff::__private::rules::mul::by_value::vjp1(
            a,
            a,
            (),
            mul_bar,
        );
        let a_bar_1_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
            a,
            a,
            (),
            mul_bar_dot,
        );
        let a_bar_1_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
            a,
            a,
            (),
            mul_bar,
            a_dot,
        );
        let a_bar_1_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(a_bar_1_dot, a_bar_1_dot_1);
        let a_bar_2 = ::matdiff::__private::add_pair::<f64, _>(a_bar, a_bar_1);
        let a_bar_2_dot = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(a_bar_dot_2, a_bar_1_dot_2);
        let (__matdiff_value, __matdiff_value_dot) = if __MATDIFF_VALUE {
            (add_1, add_1_dot_2)
        } else {
            (
                <f64 as ::matdiff::__private::Scalar>::of(0.0),
                <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
            )
        };
        (
            __matdiff_value,
            __matdiff_value_dot,
            (a_bar_2, b_bar_4, c_bar_4, d_bar),
            (a_bar_2_dot, b_bar_4_dot, c_bar_4_dot, d_bar_dot),
        )
    }
}
