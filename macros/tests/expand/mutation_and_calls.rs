fn loss(w: f64, b: f64, n: usize) -> f64 {
    let mut s = w * w;
    s += sigmoid(w * 2.0 + b);
    if n > 2 {
        s *= 0.5;
    }
    s
}
/// The gradient of [`loss`] with respect to `w`, `b`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn loss_grad(w: f64, b: f64, n: usize) -> [f64; 2] {
    let _ = loss;
    let __matdiff_no_tangent0: [f64; 0] = [];
    let __matdiff_no_tangent1: [f64; 0] = [];
    let (__matdiff_value, _, __matdiff_slots, _) = loss::second_order_core::<
        [f64; 0],
        false,
        true,
    >(w, b, n, __matdiff_no_tangent0, __matdiff_no_tangent1);
    [__matdiff_slots.0, __matdiff_slots.1]
}
/// The value of [`loss`] and its gradient with respect to `w`, `b`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn loss_value_and_grad(w: f64, b: f64, n: usize) -> (f64, [f64; 2]) {
    let _ = loss;
    let __matdiff_no_tangent0: [f64; 0] = [];
    let __matdiff_no_tangent1: [f64; 0] = [];
    let (__matdiff_value, _, __matdiff_slots, _) = loss::second_order_core::<
        [f64; 0],
        true,
        true,
    >(w, b, n, __matdiff_no_tangent0, __matdiff_no_tangent1);
    (__matdiff_value, [__matdiff_slots.0, __matdiff_slots.1])
}
/// The Hessian of [`loss`] with respect to `w`, `b` (all their scalars, in argument order): `H[i][j]` is the second derivative in the i-th and j-th of them. Computed by forward-over-reverse sweeps generated at compile time.
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
fn loss_hessian(w: f64, b: f64, n: usize) -> [[f64; 2]; 2] {
    let _ = loss;
    let (_, _, _, __matdiff_tangents) = loss::second_order_core::<
        _,
        false,
        true,
    >(
        w,
        b,
        n,
        ::matdiff::__private::unit::<f64, [f64; 2]>(0),
        ::matdiff::__private::unit::<f64, [f64; 2]>(1),
    );
    [__matdiff_tangents.0, __matdiff_tangents.1]
}
/// The Hessian of [`loss`] with respect to `w`, `b` times the vector `v` (shaped like the gradient), without forming the Hessian: one forward-over-reverse sweep, a small constant times the cost of the gradient.
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
fn loss_hvp(w: f64, b: f64, n: usize, v: [f64; 2]) -> [f64; 2] {
    let _ = loss;
    let (_, _, _, __matdiff_tangents) = loss::second_order_core::<
        _,
        false,
        true,
    >(w, b, n, v[0], v[1]);
    [__matdiff_tangents.0, __matdiff_tangents.1]
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
struct loss {}
#[allow(dead_code)]
impl loss {
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
        w: f64,
        b: f64,
        n: usize,
        out_bar: f64,
    ) -> (f64, (f64, f64, ::matdiff::__private::NoDerivative)) {
        let __matdiff_no_tangent0: [f64; 0] = [];
        let __matdiff_no_tangent1: [f64; 0] = [];
        let (__matdiff_value, _, __matdiff_slots, _) = loss::second_order_core::<
            [f64; 0],
            true,
            true,
        >(w, b, n, __matdiff_no_tangent0, __matdiff_no_tangent1);
        (
            __matdiff_value,
            (
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.1),
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
    pub fn jvp<__MatdiffD: ::matdiff::__private::Directions<f64>>(
        w: f64,
        b: f64,
        n: usize,
        tangents: (
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<::matdiff::__private::NoDerivative>,
        ),
    ) -> (f64, __MatdiffD) {
        let w_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.0);
        let b_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.1);
        let (__matdiff_value, __matdiff_value_dot, _, _) = loss::second_order_core::<
            _,
            true,
            false,
        >(w, b, n, w_dot, b_dot);
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
        w: f64,
        b: f64,
        n: usize,
        tangents: (
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<::matdiff::__private::NoDerivative>,
        ),
        out_bar: f64,
        out_bar_dot: ::core::option::Option<__MatdiffD>,
    ) -> (
        f64,
        __MatdiffD,
        (f64, f64, ::matdiff::__private::NoDerivative),
        (__MatdiffD, __MatdiffD, ::matdiff::__private::NoDerivative),
    ) {
        let w_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.0);
        let b_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.1);
        let out_bar_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(out_bar_dot);
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = loss::second_order_core::<
            _,
            true,
            true,
        >(w, b, n, w_dot, b_dot);
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
            __matdiff_dots.2,
        );
        (
            __matdiff_value,
            __matdiff_value_dot,
            (
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.1),
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
    pub fn second_order_core<
        __MatdiffD: ::matdiff::__private::Directions<f64>,
        const __MATDIFF_VALUE: bool,
        const __MATDIFF_REVERSE: bool,
    >(
        w: f64,
        b: f64,
        n: usize,
        mut w_dot: __MatdiffD,
        mut b_dot: __MatdiffD,
    ) -> (
        f64,
        __MatdiffD,
        (f64, f64, ::matdiff::__private::NoDerivative),
        (__MatdiffD, __MatdiffD, ::matdiff::__private::NoDerivative),
    ) {
        let s = w * w;
        let s_dot = ::matdiff::__private::rules::mul::by_value::jvp0(w, w, (), w_dot);
        let s_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(w, w, (), w_dot);
        let s_dot_2 = ::matdiff::__private::add_pair::<f64, _>(s_dot, s_dot_1);
        let c: f64 = 2.0;
        let mul = w * c;
        let mul_dot = ::matdiff::__private::rules::mul::by_value::jvp0(w, c, (), w_dot);
        let add = mul + b;
        let add_dot_2 = ::matdiff::__private::add_pair::<f64, _>(mul_dot, b_dot);
        let (sigmoid, sigmoid_dot) = sigmoid::jvp(
            add,
            (::core::option::Option::Some(::core::clone::Clone::clone(&add_dot_2)),),
        );
        let s_1 = s + sigmoid;
        let s_1_dot_2 = ::matdiff::__private::add_pair::<f64, _>(s_dot_2, sigmoid_dot);
        let cond = n > 2;
        let (s_3, tape, s_3_dot) = if cond {
            let c_1: f64 = 0.5;
            let s_2 = s_1 * c_1;
            let s_2_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
                s_1,
                c_1,
                (),
                s_1_dot_2,
            );
            let tape_1 = ::matdiff::__private::Branch::Then((c_1,));
            (s_2, tape_1, s_2_dot)
        } else {
            let tape_2 = ::matdiff::__private::Branch::Else(());
            (s_1, tape_2, s_1_dot_2)
        };
        let _: () = if !__MATDIFF_REVERSE {
            return (
                s_3,
                s_3_dot,
                (
                    <f64 as ::matdiff::__private::Scalar>::of(0.0),
                    <f64 as ::matdiff::__private::Scalar>::of(0.0),
                    ::matdiff::__private::NoDerivative,
                ),
                (
                    <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
                    <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
                    ::matdiff::__private::NoDerivative,
                ),
            );
        };
        let s_3_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let s_1_bar_1 = match tape {
            ::matdiff::__private::Branch::Then((c_1,)) => {
                let s_1_bar = ::matdiff::__private::rules::mul::by_value::vjp0(
                    s_1,
                    c_1,
                    (),
                    s_3_bar,
                );
                s_1_bar
            }
            ::matdiff::__private::Branch::Else(()) => s_3_bar,
        };
        let (_, _, (add_bar,), (add_bar_dot,)) = sigmoid::vjp_jvp(
            add,
            (::core::option::Option::Some(::core::clone::Clone::clone(&add_dot_2)),),
            s_1_bar_1,
            ::core::option::Option::None,
        );
        let add_bar_1 = ::matdiff::__private::Cotangent::into_value(add_bar);
        let add_bar_1_dot = ::matdiff::__private::Cotangent::into_value(add_bar_dot);
        let b_bar = add_bar_1;
        let b_bar_dot = add_bar_1_dot;
        let w_bar = ::matdiff::__private::rules::mul::by_value::vjp0(
            w,
            c,
            (),
            add_bar_1,
        );
        let w_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0(
            w,
            c,
            (),
            add_bar_1_dot,
        );
        let w_bar_1 = ::matdiff::__private::rules::mul::by_value::vjp0(
            w,
            w,
            (),
            s_1_bar_1,
        );
        let w_bar_1_dot = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
            w,
            w,
            (),
            s_1_bar_1,
            w_dot,
        );
        let w_bar_2 = ::matdiff::__private::add_pair::<f64, _>(w_bar, w_bar_1);
        let w_bar_2_dot = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(w_bar_dot, w_bar_1_dot);
        let w_bar_3 = ::matdiff::__private::rules::mul::by_value::vjp1(
            w,
            w,
            (),
            s_1_bar_1,
        );
        let w_bar_3_dot = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
            w,
            w,
            (),
            s_1_bar_1,
            w_dot,
        );
        let w_bar_4 = ::matdiff::__private::add_pair::<f64, _>(w_bar_2, w_bar_3);
        let w_bar_4_dot = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(w_bar_2_dot, w_bar_3_dot);
        let (__matdiff_value, __matdiff_value_dot) = if __MATDIFF_VALUE {
            (s_3, s_3_dot)
        } else {
            (
                <f64 as ::matdiff::__private::Scalar>::of(0.0),
                <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
            )
        };
        (
            __matdiff_value,
            __matdiff_value_dot,
            (w_bar_4, b_bar, ::matdiff::__private::NoDerivative),
            (w_bar_4_dot, b_bar_dot, ::matdiff::__private::NoDerivative),
        )
    }
}
