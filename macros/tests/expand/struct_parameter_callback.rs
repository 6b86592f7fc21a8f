#[doc(hidden)]
#[allow(
    dead_code,
    unused_variables,
    unused_mut,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]
fn __matdiff_flat_bowl(p: &Point, p_x: f64, p_y: f64, k: f64) -> f64 {
    k * p_x * p_x + p_y * p_x
}
/// The gradient of [`__matdiff_flat_bowl`] with respect to `p_x`, `p_y`, in that order; computed by reverse-mode differentiation generated at compile time.
#[allow(
    dead_code,
    unused_variables,
    unused_mut,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]
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
fn __matdiff_flat_bowl_grad(p: &Point, p_x: f64, p_y: f64, k: f64) -> [f64; 2] {
    let _ = __matdiff_flat_bowl;
    let __matdiff_no_tangent1: [f64; 0] = [];
    let __matdiff_no_tangent2: [f64; 0] = [];
    let (__matdiff_value, _, __matdiff_slots, _) = __matdiff_flat_bowl::second_order_core::<
        [f64; 0],
        false,
        true,
    >(p, p_x, p_y, k, __matdiff_no_tangent1, __matdiff_no_tangent2);
    [__matdiff_slots.1, __matdiff_slots.2]
}
/// The value of [`__matdiff_flat_bowl`] and its gradient with respect to `p_x`, `p_y`, in that order; computed by reverse-mode differentiation generated at compile time.
#[allow(
    dead_code,
    unused_variables,
    unused_mut,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]
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
fn __matdiff_flat_bowl_value_and_grad(
    p: &Point,
    p_x: f64,
    p_y: f64,
    k: f64,
) -> (f64, [f64; 2]) {
    let _ = __matdiff_flat_bowl;
    let __matdiff_no_tangent1: [f64; 0] = [];
    let __matdiff_no_tangent2: [f64; 0] = [];
    let (__matdiff_value, _, __matdiff_slots, _) = __matdiff_flat_bowl::second_order_core::<
        [f64; 0],
        true,
        true,
    >(p, p_x, p_y, k, __matdiff_no_tangent1, __matdiff_no_tangent2);
    (__matdiff_value, [__matdiff_slots.1, __matdiff_slots.2])
}
/// The Hessian of [`__matdiff_flat_bowl`] with respect to `p_x`, `p_y` (all their scalars, in argument order): `H[i][j]` is the second derivative in the i-th and j-th of them. Computed by forward-over-reverse sweeps generated at compile time.
#[allow(
    dead_code,
    unused_variables,
    unused_mut,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]
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
fn __matdiff_flat_bowl_hessian(p: &Point, p_x: f64, p_y: f64, k: f64) -> [[f64; 2]; 2] {
    let _ = __matdiff_flat_bowl;
    let (_, _, _, __matdiff_tangents) = __matdiff_flat_bowl::second_order_core::<
        _,
        false,
        true,
    >(
        p,
        p_x,
        p_y,
        k,
        ::matdiff::__private::unit::<f64, [f64; 2]>(0),
        ::matdiff::__private::unit::<f64, [f64; 2]>(1),
    );
    [__matdiff_tangents.1, __matdiff_tangents.2]
}
/// The Hessian of [`__matdiff_flat_bowl`] with respect to `p_x`, `p_y` times the vector `v` (shaped like the gradient), without forming the Hessian: one forward-over-reverse sweep, a small constant times the cost of the gradient.
#[allow(
    dead_code,
    unused_variables,
    unused_mut,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]
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
fn __matdiff_flat_bowl_hvp(
    p: &Point,
    p_x: f64,
    p_y: f64,
    k: f64,
    v: [f64; 2],
) -> [f64; 2] {
    let _ = __matdiff_flat_bowl;
    let (_, _, _, __matdiff_tangents) = __matdiff_flat_bowl::second_order_core::<
        _,
        false,
        true,
    >(p, p_x, p_y, k, v[0], v[1]);
    [__matdiff_tangents.1, __matdiff_tangents.2]
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
struct __matdiff_flat_bowl {}
#[allow(dead_code)]
impl __matdiff_flat_bowl {
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
        p: &Point,
        p_x: f64,
        p_y: f64,
        k: f64,
        out_bar: f64,
    ) -> (
        f64,
        (
            ::matdiff::__private::NoDerivative,
            f64,
            f64,
            ::matdiff::__private::NoDerivative,
        ),
    ) {
        let __matdiff_no_tangent1: [f64; 0] = [];
        let __matdiff_no_tangent2: [f64; 0] = [];
        let (__matdiff_value, _, __matdiff_slots, _) = __matdiff_flat_bowl::second_order_core::<
            [f64; 0],
            true,
            true,
        >(p, p_x, p_y, k, __matdiff_no_tangent1, __matdiff_no_tangent2);
        (
            __matdiff_value,
            (
                __matdiff_slots.0,
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.1),
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.2),
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
    pub fn jvp<__MatdiffD: ::matdiff::__private::Directions<f64>>(
        p: &Point,
        p_x: f64,
        p_y: f64,
        k: f64,
        tangents: (
            ::core::option::Option<::matdiff::__private::NoDerivative>,
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
        ),
    ) -> (f64, __MatdiffD) {
        let p_x_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(tangents.1);
        let p_y_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(tangents.2);
        let (__matdiff_value, __matdiff_value_dot, _, _) = __matdiff_flat_bowl::second_order_core::<
            _,
            true,
            false,
        >(p, p_x, p_y, k, p_x_dot, p_y_dot);
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
        p: &Point,
        p_x: f64,
        p_y: f64,
        k: f64,
        tangents: (
            ::core::option::Option<::matdiff::__private::NoDerivative>,
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
            ::core::option::Option<__MatdiffD>,
        ),
        out_bar: f64,
        out_bar_dot: ::core::option::Option<__MatdiffD>,
    ) -> (
        f64,
        __MatdiffD,
        (
            ::matdiff::__private::NoDerivative,
            f64,
            f64,
            ::matdiff::__private::NoDerivative,
        ),
        (
            ::matdiff::__private::NoDerivative,
            __MatdiffD,
            __MatdiffD,
            ::matdiff::__private::NoDerivative,
        ),
    ) {
        let p_x_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(tangents.1);
        let p_y_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(tangents.2);
        let out_bar_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(out_bar_dot);
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = __matdiff_flat_bowl::second_order_core::<
            _,
            true,
            true,
        >(p, p_x, p_y, k, p_x_dot, p_y_dot);
        let __matdiff_dots = (
            __matdiff_dots.0,
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
            __matdiff_dots.3,
        );
        (
            __matdiff_value,
            __matdiff_value_dot,
            (
                __matdiff_slots.0,
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.1),
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.2),
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
    pub fn second_order_core<
        __MatdiffD: ::matdiff::__private::Directions<f64>,
        const __MATDIFF_VALUE: bool,
        const __MATDIFF_REVERSE: bool,
    >(
        p: &Point,
        p_x: f64,
        p_y: f64,
        k: f64,
        mut p_x_dot: __MatdiffD,
        mut p_y_dot: __MatdiffD,
    ) -> (
        f64,
        __MatdiffD,
        (
            ::matdiff::__private::NoDerivative,
            f64,
            f64,
            ::matdiff::__private::NoDerivative,
        ),
        (
            ::matdiff::__private::NoDerivative,
            __MatdiffD,
            __MatdiffD,
            ::matdiff::__private::NoDerivative,
        ),
    ) {
        let mul = k * p_x;
        let mul_dot = ::matdiff::__private::rules::mul::by_value::jvp1(
            k,
            p_x,
            (),
            p_x_dot,
        );
        let mul_1 = mul * p_x;
        let mul_1_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
            mul,
            p_x,
            (),
            mul_dot,
        );
        let mul_1_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
            mul,
            p_x,
            (),
            p_x_dot,
        );
        let mul_1_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(mul_1_dot, mul_1_dot_1);
        let mul_2 = p_y * p_x;
        let mul_2_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
            p_y,
            p_x,
            (),
            p_y_dot,
        );
        let mul_2_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
            p_y,
            p_x,
            (),
            p_x_dot,
        );
        let mul_2_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(mul_2_dot, mul_2_dot_1);
        let add = mul_1 + mul_2;
        let add_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(mul_1_dot_2, mul_2_dot_2);
        let _: () = if !__MATDIFF_REVERSE {
            return (
                add,
                add_dot_2,
                (
                    ::matdiff::__private::NoDerivative,
                    <f64 as ::matdiff::__private::Scalar>::of(0.0),
                    <f64 as ::matdiff::__private::Scalar>::of(0.0),
                    ::matdiff::__private::NoDerivative,
                ),
                (
                    ::matdiff::__private::NoDerivative,
                    <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
                    <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
                    ::matdiff::__private::NoDerivative,
                ),
            );
        };
        let add_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let p_y_bar = ::matdiff::__private::rules::mul::by_value::vjp0(
            p_y,
            p_x,
            (),
            add_bar,
        );
        let p_y_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
            p_y,
            p_x,
            (),
            add_bar,
            p_x_dot,
        );
        let p_x_bar = ::matdiff::__private::rules::mul::by_value::vjp1(
            p_y,
            p_x,
            (),
            add_bar,
        );
        let p_x_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
            p_y,
            p_x,
            (),
            add_bar,
            p_y_dot,
        );
        let mul_bar = ::matdiff::__private::rules::mul::by_value::vjp0(
            mul,
            p_x,
            (),
            add_bar,
        );
        let mul_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
            mul,
            p_x,
            (),
            add_bar,
            p_x_dot,
        );
        let p_x_bar_1 = ::matdiff::__private::rules::mul::by_value::vjp1(
            mul,
            p_x,
            (),
            add_bar,
        );
        let p_x_bar_1_dot = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
            mul,
            p_x,
            (),
            add_bar,
            mul_dot,
        );
        let p_x_bar_2 = ::matdiff::__private::add_pair::<f64, _>(p_x_bar, p_x_bar_1);
        let p_x_bar_2_dot = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(p_x_bar_dot, p_x_bar_1_dot);
        let p_x_bar_3 = ::matdiff::__private::rules::mul::by_value::vjp1(
            k,
            p_x,
            (),
            mul_bar,
        );
        let p_x_bar_3_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
            k,
            p_x,
            (),
            mul_bar_dot,
        );
        let p_x_bar_4 = ::matdiff::__private::add_pair::<f64, _>(p_x_bar_2, p_x_bar_3);
        let p_x_bar_4_dot = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(p_x_bar_2_dot, p_x_bar_3_dot);
        let (__matdiff_value, __matdiff_value_dot) = if __MATDIFF_VALUE {
            (add, add_dot_2)
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
                p_x_bar_4,
                p_y_bar,
                ::matdiff::__private::NoDerivative,
            ),
            (
                ::matdiff::__private::NoDerivative,
                p_x_bar_4_dot,
                p_y_bar_dot,
                ::matdiff::__private::NoDerivative,
            ),
        )
    }
}
/// The gradient of [`bowl`] with respect to `p`: each struct as a struct of its fields' gradients (constant fields are copied).
#[inline]
#[allow(
    dead_code,
    unused_variables,
    unused_mut,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]
fn bowl_grad(p: &Point, k: f64) -> Point {
    let _ = bowl;
    let [__matdiff_g0, __matdiff_g1] = __matdiff_flat_bowl_grad(p, p.x, p.y, k);
    Point::__matdiff_rebuild(p, __matdiff_g0, __matdiff_g1)
}
/// The value of [`bowl`] and its gradient with respect to `p`, each struct as a struct of its fields' gradients.
#[inline]
#[allow(
    dead_code,
    unused_variables,
    unused_mut,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]
fn bowl_value_and_grad(p: &Point, k: f64) -> (f64, Point) {
    let _ = bowl;
    let (__matdiff_value, [__matdiff_g0, __matdiff_g1]) = __matdiff_flat_bowl_value_and_grad(
        p,
        p.x,
        p.y,
        k,
    );
    (__matdiff_value, Point::__matdiff_rebuild(p, __matdiff_g0, __matdiff_g1))
}
/// The Hessian of [`bowl`] with respect to `p`, over the fields' `vec()` in declaration order (a scalar is one entry, a matrix its entries column by column).
#[inline]
#[allow(
    dead_code,
    unused_variables,
    unused_mut,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]
fn bowl_hessian(p: &Point, k: f64) -> ::matdiff::__private::nalgebra::DMatrix<f64> {
    let _ = bowl;
    ::matdiff::__private::IntoDenseHessian::into_dense_hessian(
        __matdiff_flat_bowl_hessian(p, p.x, p.y, k),
    )
}
/// The Hessian of [`bowl`] with respect to `p` times `v` (shaped like the gradient), without forming the Hessian.
#[inline]
#[allow(
    dead_code,
    unused_variables,
    unused_mut,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]
fn bowl_hvp(p: &Point, k: f64, v: &Point) -> Point {
    let _ = bowl;
    let [__matdiff_g0, __matdiff_g1] = __matdiff_flat_bowl_hvp(
        p,
        p.x,
        p.y,
        k,
        [v.x, v.y],
    );
    Point::__matdiff_rebuild(p, __matdiff_g0, __matdiff_g1)
}
