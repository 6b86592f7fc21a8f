fn quadratic(x: &DVector<f64>, a: &DMatrix<f64>) -> f64 {
    x.dot(&(a * x))
}
/// The gradient of [`quadratic`] with respect to `x`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn quadratic_grad(x: &DVector<f64>, a: &DMatrix<f64>) -> DVector<f64> {
    let _ = quadratic;
    let mul = ::matdiff::__private::rules::mul::value(a, x);
    let dot_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let x_bar = ::matdiff::__private::rules::matrix::dot::vjp0_owned(mul, &dot_bar);
    let mul_bar = ::matdiff::__private::rules::matrix::dot::vjp1(x, &(), &(), &dot_bar);
    let x_bar_2 = ::matdiff::__private::rules::mul::vjp1_add(a, x, &(), &mul_bar, x_bar);
    ::core::mem::drop(mul_bar);
    x_bar_2
}
/// The value of [`quadratic`] and its gradient with respect to `x`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn quadratic_value_and_grad(x: &DVector<f64>, a: &DMatrix<f64>) -> (f64, DVector<f64>) {
    let _ = quadratic;
    let (__matdiff_value, __matdiff_slots) = quadratic::gradient_core::<true>(x, a);
    (__matdiff_value, __matdiff_slots.0)
}
/// The Hessian of [`quadratic`] with respect to `x` (all their scalars, in argument order): `H[i][j]` is the second derivative in the i-th and j-th of them. Computed by forward-over-reverse sweeps generated at compile time.
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
fn quadratic_hessian(
    x: &DVector<f64>,
    a: &DMatrix<f64>,
) -> ::matdiff::__private::nalgebra::DMatrix<f64> {
    let _ = quadratic;
    let __matdiff_total: usize = (0usize + x.len());
    let x_dot = <::matdiff::__private::Bundle<
        f64,
    >>::seed(x.len(), 0usize, __matdiff_total);
    let mul_dot = ::matdiff::__private::rules::mul::jvp1(a, x, &(), &x_dot);
    let dot_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let x_bar_dot = ::matdiff::__private::rules::bundle::dot::vjp0_jvp1(
        &(),
        &(),
        &(),
        &dot_bar,
        &mul_dot,
    );
    ::core::mem::drop(mul_dot);
    let mul_bar_dot = ::matdiff::__private::rules::bundle::dot::vjp1_jvp0(
        &(),
        &(),
        &(),
        &dot_bar,
        &x_dot,
    );
    let x_bar_2_dot = ::matdiff::__private::rules::mul::vjp1_add(
        a,
        x,
        &(),
        &mul_bar_dot,
        x_bar_dot,
    );
    ::core::mem::drop(mul_bar_dot);
    ::matdiff::__private::into_hessian(x_bar_2_dot, __matdiff_total)
}
/// The Hessian of [`quadratic`] with respect to `x` times the vector `v` (shaped like the gradient), without forming the Hessian: one forward-over-reverse sweep, a small constant times the cost of the gradient.
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
fn quadratic_hvp(x: &DVector<f64>, a: &DMatrix<f64>, v: &DVector<f64>) -> DVector<f64> {
    let _ = quadratic;
    let x_dot = ::core::clone::Clone::clone(v);
    let mul_dot = ::matdiff::__private::rules::mul::jvp1(a, x, &(), &x_dot);
    let dot_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let x_bar_dot = ::matdiff::__private::rules::matrix::dot::vjp0_jvp1(
        &(),
        &(),
        &(),
        &dot_bar,
        &mul_dot,
    );
    let mul_bar_dot = ::matdiff::__private::rules::matrix::dot::vjp1_jvp0(
        &(),
        &(),
        &(),
        &dot_bar,
        &x_dot,
    );
    let x_bar_1_dot = ::matdiff::__private::rules::mul::vjp1(a, x, &(), &mul_bar_dot);
    let x_bar_2_dot = ::matdiff::__private::add(&x_bar_dot, &x_bar_1_dot);
    x_bar_2_dot
}
/// The gradient of [`quadratic`] with respect to `x`, written into `grad_x` (each shaped like its argument; another shape panics). The temporaries' storage comes from `workspace` (start from `MatrixWorkspace::default()` and keep it): called again with inputs of the same sizes, this allocates nothing. The result is moved into the caller's matrix, whose previous storage goes to `workspace`. Computed by reverse-mode differentiation generated at compile time.
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
fn quadratic_grad_into(
    x: &DVector<f64>,
    a: &DMatrix<f64>,
    grad_x: &mut DVector<f64>,
    workspace: &mut ::matdiff::__private::MatrixWorkspace<f64>,
) {
    let _ = quadratic;
    ::matdiff::__private::check_output_shape(
        "grad_x",
        grad_x.shape(),
        x.shape(),
        "the shape of `x`",
    );
    #[allow(unused_imports)]
    use ::matdiff::__private::RecycleOther as _;
    let __matdiff_workspace = ::matdiff::__private::install_workspace(workspace);
    if let ::core::option::Option::Some(__matdiff_lent) = ::matdiff::__private::emptied(
        grad_x,
    ) {
        ::matdiff::__private::Recycle(__matdiff_lent).recycle();
    }
    let mul = ::matdiff::__private::rules::mul::value(a, x);
    let dot_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let x_bar = ::matdiff::__private::rules::matrix::dot::vjp0_owned(mul, &dot_bar);
    let mul_bar = ::matdiff::__private::rules::matrix::dot::vjp1(x, &(), &(), &dot_bar);
    let x_bar_2 = ::matdiff::__private::rules::mul::vjp1_add(a, x, &(), &mul_bar, x_bar);
    ::matdiff::__private::Recycle(mul_bar).recycle();
    ::matdiff::__private::Recycle(::core::mem::replace(grad_x, x_bar_2)).recycle();
}
/// The value of [`quadratic`] and its gradient with respect to `x`, written into `grad_x` (each shaped like its argument; another shape panics). The temporaries' storage comes from `workspace` (start from `MatrixWorkspace::default()` and keep it): called again with inputs of the same sizes, this allocates nothing. The result is moved into the caller's matrix, whose previous storage goes to `workspace`. Computed by reverse-mode differentiation generated at compile time.
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
fn quadratic_value_and_grad_into(
    x: &DVector<f64>,
    a: &DMatrix<f64>,
    grad_x: &mut DVector<f64>,
    workspace: &mut ::matdiff::__private::MatrixWorkspace<f64>,
) -> f64 {
    let _ = quadratic;
    ::matdiff::__private::check_output_shape(
        "grad_x",
        grad_x.shape(),
        x.shape(),
        "the shape of `x`",
    );
    #[allow(unused_imports)]
    use ::matdiff::__private::RecycleOther as _;
    let __matdiff_workspace = ::matdiff::__private::install_workspace(workspace);
    if let ::core::option::Option::Some(__matdiff_lent) = ::matdiff::__private::emptied(
        grad_x,
    ) {
        ::matdiff::__private::Recycle(__matdiff_lent).recycle();
    }
    let mul = ::matdiff::__private::rules::mul::value(a, x);
    let dot = x.dot(&mul);
    let dot_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let x_bar = ::matdiff::__private::rules::matrix::dot::vjp0(&(), &mul, &(), &dot_bar);
    ::matdiff::__private::Recycle(mul).recycle();
    let mul_bar = ::matdiff::__private::rules::matrix::dot::vjp1(x, &(), &(), &dot_bar);
    let x_bar_2 = ::matdiff::__private::rules::mul::vjp1_add(a, x, &(), &mul_bar, x_bar);
    ::matdiff::__private::Recycle(mul_bar).recycle();
    ::matdiff::__private::Recycle(::core::mem::replace(grad_x, x_bar_2)).recycle();
    dot
}
/// The Hessian of [`quadratic`] with respect to `x` (all their scalars, in argument order, as [`quadratic_hessian`]), written into `hessian` (another shape panics). The temporaries' storage comes from `workspace` (start from `MatrixWorkspace::default()` and keep it): called again with inputs of the same sizes, a Hessian computed in one bundled sweep allocates nothing. Computed by forward-over-reverse sweeps generated at compile time.
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
fn quadratic_hessian_into(
    x: &DVector<f64>,
    a: &DMatrix<f64>,
    hessian: &mut ::matdiff::__private::nalgebra::DMatrix<f64>,
    workspace: &mut ::matdiff::__private::MatrixWorkspace<f64>,
) {
    let _ = quadratic;
    let __matdiff_total: usize = (0usize + x.len());
    ::matdiff::__private::check_output_shape(
        ::core::stringify!(hessian),
        hessian.shape(),
        (__matdiff_total, __matdiff_total),
        "the number of differentiated scalars squared",
    );
    #[allow(unused_imports)]
    use ::matdiff::__private::RecycleOther as _;
    let __matdiff_workspace = ::matdiff::__private::install_workspace(workspace);
    if let ::core::option::Option::Some(__matdiff_lent) = ::matdiff::__private::emptied(
        hessian,
    ) {
        ::matdiff::__private::Recycle(__matdiff_lent).recycle();
    }
    let x_dot = <::matdiff::__private::Bundle<
        f64,
    >>::seed(x.len(), 0usize, __matdiff_total);
    let mul_dot = ::matdiff::__private::rules::mul::jvp1(a, x, &(), &x_dot);
    let dot_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let x_bar_dot = ::matdiff::__private::rules::bundle::dot::vjp0_jvp1(
        &(),
        &(),
        &(),
        &dot_bar,
        &mul_dot,
    );
    ::matdiff::__private::Recycle(mul_dot).recycle();
    let mul_bar_dot = ::matdiff::__private::rules::bundle::dot::vjp1_jvp0(
        &(),
        &(),
        &(),
        &dot_bar,
        &x_dot,
    );
    let x_bar_2_dot = ::matdiff::__private::rules::mul::vjp1_add(
        a,
        x,
        &(),
        &mul_bar_dot,
        x_bar_dot,
    );
    ::matdiff::__private::Recycle(mul_bar_dot).recycle();
    let __matdiff_result = ::matdiff::__private::into_hessian(
        x_bar_2_dot,
        __matdiff_total,
    );
    ::matdiff::__private::Recycle(::core::mem::replace(hessian, __matdiff_result))
        .recycle();
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
struct quadratic {}
#[allow(dead_code)]
impl quadratic {
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
    ) -> (f64, (DVector<f64>, ::matdiff::__private::NoDerivative)) {
        let mul = ::matdiff::__private::rules::mul::value(a, x);
        let dot = x.dot(&mul);
        let dot_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let x_bar = ::matdiff::__private::rules::matrix::dot::vjp0(
            &(),
            &mul,
            &(),
            &dot_bar,
        );
        ::core::mem::drop(mul);
        let mul_bar = ::matdiff::__private::rules::matrix::dot::vjp1(
            x,
            &(),
            &(),
            &dot_bar,
        );
        let x_bar_2 = ::matdiff::__private::rules::mul::vjp1_add(
            a,
            x,
            &(),
            &mul_bar,
            x_bar,
        );
        ::core::mem::drop(mul_bar);
        let __matdiff_value = if __MATDIFF_VALUE {
            dot
        } else {
            <f64 as ::matdiff::__private::Scalar>::of(0.0)
        };
        (__matdiff_value, (x_bar_2, ::matdiff::__private::NoDerivative))
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
        out_bar: f64,
    ) -> (f64, (DVector<f64>, ::matdiff::__private::NoDerivative)) {
        let (__matdiff_value, __matdiff_slots) = quadratic::gradient_core::<true>(x, a);
        (
            __matdiff_value,
            (
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),
                __matdiff_slots.1,
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
        tangents: (
            ::core::option::Option<DVector<f64>>,
            ::core::option::Option<DMatrix<f64>>,
        ),
    ) -> (f64, f64) {
        type __MatdiffD = f64;
        let x_dot = ::matdiff::__private::tangent_or_zero_matrix(tangents.0, x);
        let mul = ::matdiff::__private::rules::mul::value(a, x);
        let mul_dot = ::matdiff::__private::rules::mul::jvp1(a, x, &(), &x_dot);
        let dot = x.dot(&mul);
        let dot_dot = ::matdiff::__private::rules::matrix::dot::jvp0(
            &(),
            &mul,
            &(),
            &x_dot,
        );
        let dot_dot_1 = ::matdiff::__private::rules::matrix::dot::jvp1(
            x,
            &(),
            &(),
            &mul_dot,
        );
        let dot_dot_2 = ::matdiff::__private::add(&dot_dot, &dot_dot_1);
        (dot, dot_dot_2)
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
        tangents: (
            ::core::option::Option<DVector<f64>>,
            ::core::option::Option<DMatrix<f64>>,
        ),
        out_bar: f64,
        out_bar_dot: ::core::option::Option<f64>,
    ) -> (
        f64,
        f64,
        (DVector<f64>, ::matdiff::__private::NoDerivative),
        (DVector<f64>, ::matdiff::__private::NoDerivative),
    ) {
        type __MatdiffD = f64;
        let x_dot = ::matdiff::__private::tangent_or_zero_matrix(tangents.0, x);
        let out_bar_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(out_bar_dot);
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = quadratic::second_order_core::<
            true,
        >(x, a, x_dot);
        let __matdiff_dots = (
            ::matdiff::__private::reseed_matrix(
                out_bar,
                &out_bar_dot,
                &__matdiff_slots.0,
                __matdiff_dots.0,
            ),
            __matdiff_dots.1,
        );
        (
            __matdiff_value,
            __matdiff_value_dot,
            (
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),
                __matdiff_slots.1,
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
        mut tangents: (
            ::core::option::Option<DVector<f64>>,
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
            let (__matdiff_one, __matdiff_one_dot) = quadratic::jvp_one(
                x,
                a,
                (__matdiff_tangent0, __matdiff_tangent1),
            );
            <__MatdiffD as ::matdiff::__private::Directions<
                f64,
            >>::set(&mut __matdiff_value_dot, __matdiff_k, __matdiff_one_dot);
            __matdiff_value = ::core::option::Option::Some(__matdiff_one);
        }
        let __matdiff_value = match __matdiff_value {
            ::core::option::Option::Some(__matdiff_value) => __matdiff_value,
            ::core::option::Option::None => {
                quadratic::jvp_one(
                        x,
                        a,
                        (::core::option::Option::None, ::core::option::Option::None),
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
        mut tangents: (
            ::core::option::Option<DVector<f64>>,
            ::core::option::Option<DMatrix<f64>>,
        ),
        out_bar: f64,
        out_bar_dot: ::core::option::Option<__MatdiffD>,
    ) -> (
        f64,
        __MatdiffD,
        (DVector<f64>, ::matdiff::__private::NoDerivative),
        (DVector<f64>, ::matdiff::__private::NoDerivative),
    ) {
        let mut __matdiff_dot0 = ::core::option::Option::None;
        let mut __matdiff_dot1 = ::matdiff::__private::NoDerivative;
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
            let __matdiff_out_bar_dot = ::matdiff::__private::direction_scalar::<
                f64,
                __MatdiffD,
            >(out_bar_dot, __matdiff_k);
            let (__matdiff_one, __matdiff_one_dot, __matdiff_slots, __matdiff_dots) = quadratic::vjp_jvp_one(
                x,
                a,
                (__matdiff_tangent0, __matdiff_tangent1),
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
            ::core::option::Option::None => quadratic::vjp(x, a, out_bar),
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
        mut x_dot: DVector<f64>,
    ) -> (
        f64,
        f64,
        (DVector<f64>, ::matdiff::__private::NoDerivative),
        (DVector<f64>, ::matdiff::__private::NoDerivative),
    ) {
        type __MatdiffD = f64;
        let mul = ::matdiff::__private::rules::mul::value(a, x);
        let mul_dot = ::matdiff::__private::rules::mul::jvp1(a, x, &(), &x_dot);
        let dot = x.dot(&mul);
        let dot_dot = ::matdiff::__private::rules::matrix::dot::jvp0(
            &(),
            &mul,
            &(),
            &x_dot,
        );
        let dot_dot_1 = ::matdiff::__private::rules::matrix::dot::jvp1(
            x,
            &(),
            &(),
            &mul_dot,
        );
        let dot_dot_2 = ::matdiff::__private::add(&dot_dot, &dot_dot_1);
        let dot_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let x_bar = ::matdiff::__private::rules::matrix::dot::vjp0(
            &(),
            &mul,
            &(),
            &dot_bar,
        );
        let x_bar_dot = ::matdiff::__private::rules::matrix::dot::vjp0_jvp1(
            &(),
            &(),
            &(),
            &dot_bar,
            &mul_dot,
        );
        let mul_bar = ::matdiff::__private::rules::matrix::dot::vjp1(
            x,
            &(),
            &(),
            &dot_bar,
        );
        let mul_bar_dot = ::matdiff::__private::rules::matrix::dot::vjp1_jvp0(
            &(),
            &(),
            &(),
            &dot_bar,
            &x_dot,
        );
        let x_bar_1 = ::matdiff::__private::rules::mul::vjp1(a, x, &(), &mul_bar);
        let x_bar_1_dot = ::matdiff::__private::rules::mul::vjp1(
            a,
            x,
            &(),
            &mul_bar_dot,
        );
        let x_bar_2 = ::matdiff::__private::add(&x_bar, &x_bar_1);
        let x_bar_2_dot = ::matdiff::__private::add(&x_bar_dot, &x_bar_1_dot);
        let (__matdiff_value, __matdiff_value_dot) = if __MATDIFF_VALUE {
            (dot, dot_dot_2)
        } else {
            (
                <f64 as ::matdiff::__private::Scalar>::of(0.0),
                <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
            )
        };
        (
            __matdiff_value,
            __matdiff_value_dot,
            (x_bar_2, ::matdiff::__private::NoDerivative),
            (x_bar_2_dot, ::matdiff::__private::NoDerivative),
        )
    }
}
