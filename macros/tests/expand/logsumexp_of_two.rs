fn f(x: f64, y: f64) -> f64 {
    (x.exp() + y.exp()).ln()
}
/// The gradient of [`f`] with respect to `x`, `y`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn f_grad(x: f64, y: f64) -> [f64; 2] {
    let _ = f;
    let __matdiff_no_tangent0: [f64; 0] = [];
    let __matdiff_no_tangent1: [f64; 0] = [];
    let (__matdiff_value, _, __matdiff_slots, _) = f::second_order_core::<
        [f64; 0],
        false,
        true,
    >(x, y, __matdiff_no_tangent0, __matdiff_no_tangent1);
    [__matdiff_slots.0, __matdiff_slots.1]
}
/// The value of [`f`] and its gradient with respect to `x`, `y`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn f_value_and_grad(x: f64, y: f64) -> (f64, [f64; 2]) {
    let _ = f;
    let __matdiff_no_tangent0: [f64; 0] = [];
    let __matdiff_no_tangent1: [f64; 0] = [];
    let (__matdiff_value, _, __matdiff_slots, _) = f::second_order_core::<
        [f64; 0],
        true,
        true,
    >(x, y, __matdiff_no_tangent0, __matdiff_no_tangent1);
    (__matdiff_value, [__matdiff_slots.0, __matdiff_slots.1])
}
/// The Hessian of [`f`] with respect to `x`, `y` (all their scalars, in argument order): `H[i][j]` is the second derivative in the i-th and j-th of them. Computed by forward-over-reverse sweeps generated at compile time.
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
fn f_hessian(x: f64, y: f64) -> [[f64; 2]; 2] {
    let _ = f;
    let (_, _, _, __matdiff_tangents) = f::second_order_core::<
        _,
        false,
        true,
    >(
        x,
        y,
        ::matdiff::__private::unit::<f64, [f64; 2]>(0),
        ::matdiff::__private::unit::<f64, [f64; 2]>(1),
    );
    [__matdiff_tangents.0, __matdiff_tangents.1]
}
/// The Hessian of [`f`] with respect to `x`, `y` times the vector `v` (shaped like the gradient), without forming the Hessian: one forward-over-reverse sweep, a small constant times the cost of the gradient.
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
fn f_hvp(x: f64, y: f64, v: [f64; 2]) -> [f64; 2] {
    let _ = f;
    let (_, _, _, __matdiff_tangents) = f::second_order_core::<
        _,
        false,
        true,
    >(x, y, v[0], v[1]);
    [__matdiff_tangents.0, __matdiff_tangents.1]
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
struct f {}
#[allow(dead_code)]
impl f {
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
    pub fn vjp(x: f64, y: f64, out_bar: f64) -> (f64, (f64, f64)) {
        let __matdiff_no_tangent0: [f64; 0] = [];
        let __matdiff_no_tangent1: [f64; 0] = [];
        let (__matdiff_value, _, __matdiff_slots, _) = f::second_order_core::<
            [f64; 0],
            true,
            true,
        >(x, y, __matdiff_no_tangent0, __matdiff_no_tangent1);
        (
            __matdiff_value,
            (
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.1),
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
        y: f64,
        tangents: (
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
        ),
    ) -> (f64, __MatdiffD) {
        let x_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.0);
        let y_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.1);
        let (__matdiff_value, __matdiff_value_dot, _, _) = f::second_order_core::<
            _,
            true,
            false,
        >(x, y, x_dot, y_dot);
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
        y: f64,
        tangents: (
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
        ),
        out_bar: f64,
        out_bar_dot: ::core::option::Option<__MatdiffD>,
    ) -> (f64, __MatdiffD, (f64, f64), (__MatdiffD, __MatdiffD)) {
        let x_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.0);
        let y_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.1);
        let out_bar_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(out_bar_dot);
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = f::second_order_core::<
            _,
            true,
            true,
        >(x, y, x_dot, y_dot);
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
        );
        (
            __matdiff_value,
            __matdiff_value_dot,
            (
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.1),
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
        y: f64,
        mut x_dot: __MatdiffD,
        mut y_dot: __MatdiffD,
    ) -> (f64, __MatdiffD, (f64, f64), (__MatdiffD, __MatdiffD)) {
        let exp = x.exp();
        let exp_dot = ::matdiff::__private::rules::exp::by_value::jvp0(x, exp, x_dot);
        let exp_1 = y.exp();
        let exp_1_dot = ::matdiff::__private::rules::exp::by_value::jvp0(
            y,
            exp_1,
            y_dot,
        );
        let add = exp + exp_1;
        let add_dot_2 = ::matdiff::__private::add_pair::<f64, _>(exp_dot, exp_1_dot);
        let ln = add.ln();
        let ln_dot = ::matdiff::__private::rules::ln::by_value::jvp0(add, ln, add_dot_2);
        let _: () = if !__MATDIFF_REVERSE {
            return (
                ln,
                ln_dot,
                (
                    <f64 as ::matdiff::__private::Scalar>::of(0.0),
                    <f64 as ::matdiff::__private::Scalar>::of(0.0),
                ),
                (
                    <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
                    <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
                ),
            );
        };
        let ln_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let add_bar = ::matdiff::__private::rules::ln::by_value::vjp0(add, ln, ln_bar);
        let add_bar_dot = ::matdiff::__private::rules::ln::by_value::vjp0_jvp0(
            add,
            ln,
            ln_bar,
            add_dot_2,
        );
        let y_bar = ::matdiff::__private::rules::exp::by_value::vjp0(y, exp_1, add_bar);
        let y_bar_dot = ::matdiff::__private::rules::exp::by_value::vjp0(
            y,
            exp_1,
            add_bar_dot,
        );
        let y_bar_dot_1 = ::matdiff::__private::rules::exp::by_value::vjp0_jvp0(
            y,
            exp_1,
            add_bar,
            y_dot,
        );
        let y_bar_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(y_bar_dot, y_bar_dot_1);
        let x_bar = ::matdiff::__private::rules::exp::by_value::vjp0(x, exp, add_bar);
        let x_bar_dot = ::matdiff::__private::rules::exp::by_value::vjp0(
            x,
            exp,
            add_bar_dot,
        );
        let x_bar_dot_1 = ::matdiff::__private::rules::exp::by_value::vjp0_jvp0(
            x,
            exp,
            add_bar,
            x_dot,
        );
        let x_bar_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(x_bar_dot, x_bar_dot_1);
        let (__matdiff_value, __matdiff_value_dot) = if __MATDIFF_VALUE {
            (ln, ln_dot)
        } else {
            (
                <f64 as ::matdiff::__private::Scalar>::of(0.0),
                <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
            )
        };
        (
            __matdiff_value,
            __matdiff_value_dot,
            (x_bar, y_bar),
            (x_bar_dot_2, y_bar_dot_2),
        )
    }
}
