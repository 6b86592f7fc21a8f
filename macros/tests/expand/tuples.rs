fn polar(r: f64, t: f64) -> f64 {
    let (s, c) = t.sin_cos();
    let (a, b) = if r > 0.0 { (r * s, c) } else { (c, r) };
    a * b
}
/// The gradient of [`polar`] with respect to `r`, `t`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn polar_grad(r: f64, t: f64) -> [f64; 2] {
    let _ = polar;
    let __matdiff_no_tangent0: [f64; 0] = [];
    let __matdiff_no_tangent1: [f64; 0] = [];
    let (__matdiff_value, _, __matdiff_slots, _) = polar::second_order_core::<
        [f64; 0],
        false,
        true,
    >(r, t, __matdiff_no_tangent0, __matdiff_no_tangent1);
    [__matdiff_slots.0, __matdiff_slots.1]
}
/// The value of [`polar`] and its gradient with respect to `r`, `t`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn polar_value_and_grad(r: f64, t: f64) -> (f64, [f64; 2]) {
    let _ = polar;
    let __matdiff_no_tangent0: [f64; 0] = [];
    let __matdiff_no_tangent1: [f64; 0] = [];
    let (__matdiff_value, _, __matdiff_slots, _) = polar::second_order_core::<
        [f64; 0],
        true,
        true,
    >(r, t, __matdiff_no_tangent0, __matdiff_no_tangent1);
    (__matdiff_value, [__matdiff_slots.0, __matdiff_slots.1])
}
/// The Hessian of [`polar`] with respect to `r`, `t` (all their scalars, in argument order): `H[i][j]` is the second derivative in the i-th and j-th of them. Computed by forward-over-reverse sweeps generated at compile time.
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
fn polar_hessian(r: f64, t: f64) -> [[f64; 2]; 2] {
    let _ = polar;
    let (_, _, _, __matdiff_tangents) = polar::second_order_core::<
        _,
        false,
        true,
    >(
        r,
        t,
        ::matdiff::__private::unit::<f64, [f64; 2]>(0),
        ::matdiff::__private::unit::<f64, [f64; 2]>(1),
    );
    [__matdiff_tangents.0, __matdiff_tangents.1]
}
/// The Hessian of [`polar`] with respect to `r`, `t` times the vector `v` (shaped like the gradient), without forming the Hessian: one forward-over-reverse sweep, a small constant times the cost of the gradient.
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
fn polar_hvp(r: f64, t: f64, v: [f64; 2]) -> [f64; 2] {
    let _ = polar;
    let (_, _, _, __matdiff_tangents) = polar::second_order_core::<
        _,
        false,
        true,
    >(r, t, v[0], v[1]);
    [__matdiff_tangents.0, __matdiff_tangents.1]
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
struct polar {}
#[allow(dead_code)]
impl polar {
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
    pub fn vjp(r: f64, t: f64, out_bar: f64) -> (f64, (f64, f64)) {
        let __matdiff_no_tangent0: [f64; 0] = [];
        let __matdiff_no_tangent1: [f64; 0] = [];
        let (__matdiff_value, _, __matdiff_slots, _) = polar::second_order_core::<
            [f64; 0],
            true,
            true,
        >(r, t, __matdiff_no_tangent0, __matdiff_no_tangent1);
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
        r: f64,
        t: f64,
        tangents: (
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
        ),
    ) -> (f64, __MatdiffD) {
        let r_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.0);
        let t_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.1);
        let (__matdiff_value, __matdiff_value_dot, _, _) = polar::second_order_core::<
            _,
            true,
            false,
        >(r, t, r_dot, t_dot);
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
        r: f64,
        t: f64,
        tangents: (
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
        ),
        out_bar: f64,
        out_bar_dot: ::core::option::Option<__MatdiffD>,
    ) -> (f64, __MatdiffD, (f64, f64), (__MatdiffD, __MatdiffD)) {
        let r_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.0);
        let t_dot = ::matdiff::__private::tangent_or_zero::<f64, __MatdiffD>(tangents.1);
        let out_bar_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(out_bar_dot);
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = polar::second_order_core::<
            _,
            true,
            true,
        >(r, t, r_dot, t_dot);
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
        r: f64,
        t: f64,
        mut r_dot: __MatdiffD,
        mut t_dot: __MatdiffD,
    ) -> (f64, __MatdiffD, (f64, f64), (__MatdiffD, __MatdiffD)) {
        let s = t.sin();
        let s_dot = ::matdiff::__private::rules::sin::by_value::jvp0(t, s, t_dot);
        let c = t.cos();
        let c_dot = ::matdiff::__private::rules::cos::by_value::jvp0(t, c, t_dot);
        let cond = r > 0.0;
        let (a_1, b, tape, a_1_dot, b_dot) = if cond {
            let a = r * s;
            let a_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
                r,
                s,
                (),
                r_dot,
            );
            let a_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
                r,
                s,
                (),
                s_dot,
            );
            let a_dot_2 = ::matdiff::__private::add_pair::<f64, _>(a_dot, a_dot_1);
            let tape_1 = ::matdiff::__private::Branch::Then(());
            (a, c, tape_1, a_dot_2, c_dot)
        } else {
            let tape_2 = ::matdiff::__private::Branch::Else(());
            (c, r, tape_2, c_dot, r_dot)
        };
        let mul = a_1 * b;
        let mul_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
            a_1,
            b,
            (),
            a_1_dot,
        );
        let mul_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
            a_1,
            b,
            (),
            b_dot,
        );
        let mul_dot_2 = ::matdiff::__private::add_pair::<f64, _>(mul_dot, mul_dot_1);
        let _: () = if !__MATDIFF_REVERSE {
            return (
                mul,
                mul_dot_2,
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
        let mul_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let a_2_bar = ::matdiff::__private::rules::mul::by_value::vjp0(
            a_1,
            b,
            (),
            mul_bar,
        );
        let a_2_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
            a_1,
            b,
            (),
            mul_bar,
            b_dot,
        );
        let b_1_bar = ::matdiff::__private::rules::mul::by_value::vjp1(
            a_1,
            b,
            (),
            mul_bar,
        );
        let b_1_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
            a_1,
            b,
            (),
            mul_bar,
            a_1_dot,
        );
        let (r_bar_1, s_1_bar_2, c_1_bar, r_bar_1_dot, s_1_bar_2_dot, c_1_bar_dot) = match tape {
            ::matdiff::__private::Branch::Then(()) => {
                let r_bar = ::matdiff::__private::rules::mul::by_value::vjp0(
                    r,
                    s,
                    (),
                    a_2_bar,
                );
                let r_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0(
                    r,
                    s,
                    (),
                    a_2_bar_dot,
                );
                let r_bar_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
                    r,
                    s,
                    (),
                    a_2_bar,
                    s_dot,
                );
                let r_bar_dot_2 = ::matdiff::__private::add_pair::<
                    f64,
                    _,
                >(r_bar_dot, r_bar_dot_1);
                let s_1_bar = ::matdiff::__private::rules::mul::by_value::vjp1(
                    r,
                    s,
                    (),
                    a_2_bar,
                );
                let s_1_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
                    r,
                    s,
                    (),
                    a_2_bar_dot,
                );
                let s_1_bar_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
                    r,
                    s,
                    (),
                    a_2_bar,
                    r_dot,
                );
                let s_1_bar_dot_2 = ::matdiff::__private::add_pair::<
                    f64,
                    _,
                >(s_1_bar_dot, s_1_bar_dot_1);
                (r_bar, s_1_bar, b_1_bar, r_bar_dot_2, s_1_bar_dot_2, b_1_bar_dot)
            }
            ::matdiff::__private::Branch::Else(()) => {
                let s_1_bar_1 = ::matdiff::__private::zero_like(&s);
                let s_1_bar_1_dot = ::matdiff::__private::zero_tangent::<
                    __MatdiffD,
                    _,
                >(&s_1_bar_1);
                (b_1_bar, s_1_bar_1, a_2_bar, b_1_bar_dot, s_1_bar_1_dot, a_2_bar_dot)
            }
        };
        let t_bar = ::matdiff::__private::rules::cos::by_value::vjp0(t, c, c_1_bar);
        let t_bar_dot = ::matdiff::__private::rules::cos::by_value::vjp0(
            t,
            c,
            c_1_bar_dot,
        );
        let t_bar_dot_1 = ::matdiff::__private::rules::cos::by_value::vjp0_jvp0(
            t,
            c,
            c_1_bar,
            t_dot,
        );
        let t_bar_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(t_bar_dot, t_bar_dot_1);
        let t_bar_1 = ::matdiff::__private::rules::sin::by_value::vjp0(t, s, s_1_bar_2);
        let t_bar_1_dot = ::matdiff::__private::rules::sin::by_value::vjp0(
            t,
            s,
            s_1_bar_2_dot,
        );
        let t_bar_1_dot_1 = ::matdiff::__private::rules::sin::by_value::vjp0_jvp0(
            t,
            s,
            s_1_bar_2,
            t_dot,
        );
        let t_bar_1_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(t_bar_1_dot, t_bar_1_dot_1);
        let t_bar_2 = ::matdiff::__private::add_pair::<f64, _>(t_bar, t_bar_1);
        let t_bar_2_dot = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(t_bar_dot_2, t_bar_1_dot_2);
        let (__matdiff_value, __matdiff_value_dot) = if __MATDIFF_VALUE {
            (mul, mul_dot_2)
        } else {
            (
                <f64 as ::matdiff::__private::Scalar>::of(0.0),
                <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
            )
        };
        (
            __matdiff_value,
            __matdiff_value_dot,
            (r_bar_1, t_bar_2),
            (r_bar_1_dot, t_bar_2_dot),
        )
    }
}
