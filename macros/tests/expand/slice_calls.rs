fn calls_with_slices(x: &[f64]) -> f64 {
    let mut doubled = vec![0.0; x.len()];
    for i in 0..x.len() {
        doubled[i] = 2.0 * x[i];
    }
    inner_sum(x) * inner_sum(&doubled).sin()
}
/// The gradient of [`calls_with_slices`] with respect to `x`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn calls_with_slices_grad(x: &[f64]) -> ::std::vec::Vec<f64> {
    let _ = calls_with_slices;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = calls_with_slices::second_order_core::<
        [f64; 0],
        false,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, ::std::vec::Vec::new(), ::std::vec::Vec::new());
    __matdiff_slots.0
}
/// The value of [`calls_with_slices`] and its gradient with respect to `x`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn calls_with_slices_value_and_grad(x: &[f64]) -> (f64, ::std::vec::Vec<f64>) {
    let _ = calls_with_slices;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = calls_with_slices::second_order_core::<
        [f64; 0],
        true,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, ::std::vec::Vec::new(), ::std::vec::Vec::new());
    (__matdiff_value, __matdiff_slots.0)
}
/// The gradient of [`calls_with_slices`] with respect to `x`, written into `grad_x` (one entry per element of its argument, overwritten; a buffer of another length panics). Allocates nothing for the gradient: only the tapes of loops whose reverse sweep needs saved values, if any. Computed by reverse-mode differentiation generated at compile time.
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
fn calls_with_slices_grad_into(x: &[f64], grad_x: &mut [f64]) {
    let _ = calls_with_slices;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = calls_with_slices::second_order_core::<
        [f64; 0],
        false,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, &mut *grad_x, ::std::vec::Vec::new());
}
/// The value of [`calls_with_slices`] and its gradient with respect to `x`, written into `grad_x` (one entry per element of its argument, overwritten; a buffer of another length panics). Allocates nothing for the gradient: only the tapes of loops whose reverse sweep needs saved values, if any. Computed by reverse-mode differentiation generated at compile time.
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
fn calls_with_slices_value_and_grad_into(x: &[f64], grad_x: &mut [f64]) -> f64 {
    let _ = calls_with_slices;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = calls_with_slices::second_order_core::<
        [f64; 0],
        true,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, &mut *grad_x, ::std::vec::Vec::new());
    __matdiff_value
}
/// The Hessian of [`calls_with_slices`] with respect to `x` (all their scalars, in argument order): `H[i][j]` is the second derivative in the i-th and j-th of them. Computed by forward-over-reverse sweeps generated at compile time.
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
fn calls_with_slices_hessian(x: &[f64]) -> ::std::vec::Vec<::std::vec::Vec<f64>> {
    let _ = calls_with_slices;
    let __matdiff_total: usize = (0usize + x.len());
    let __matdiff_rows: usize = __matdiff_total;
    let mut __matdiff_matrix = ::std::vec![
        ::std::vec![0.0; __matdiff_total]; __matdiff_rows
    ];
    let mut __matdiff_first: usize = 0;
    while __matdiff_first < __matdiff_total {
        let (_, _, _, __matdiff_tangents) = calls_with_slices::second_order_sweep(
            x,
            ::matdiff::__private::seed_vec::<
                f64,
                [f64; 8],
            >(x.len(), 0usize, __matdiff_first),
        );
        ::matdiff::__private::scatter_rows(
            &mut __matdiff_matrix[0usize..0usize + x.len()],
            __matdiff_first,
            &__matdiff_tangents.0,
        );
        __matdiff_first += 8;
    }
    __matdiff_matrix
}
/// The Hessian of [`calls_with_slices`] with respect to `x` times the vector `v` (shaped like the gradient), without forming the Hessian: one forward-over-reverse sweep, a small constant times the cost of the gradient.
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
fn calls_with_slices_hvp(x: &[f64], v: &[f64]) -> ::std::vec::Vec<f64> {
    let _ = calls_with_slices;
    let (_, _, _, __matdiff_tangents) = calls_with_slices::second_order_core::<
        _,
        false,
        true,
        _,
        _,
        _,
    >(x, v.to_vec(), ::std::vec::Vec::new(), ::std::vec::Vec::new());
    __matdiff_tangents.0
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
struct calls_with_slices {}
#[allow(dead_code)]
impl calls_with_slices {
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
    pub fn vjp(x: &[f64], out_bar: f64) -> (f64, (::std::vec::Vec<f64>,)) {
        let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
        let (__matdiff_value, _, __matdiff_slots, _) = calls_with_slices::second_order_core::<
            [f64; 0],
            true,
            true,
            _,
            _,
            _,
        >(x, __matdiff_no_tangent0, ::std::vec::Vec::new(), ::std::vec::Vec::new());
        (
            __matdiff_value,
            (::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),),
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
        tangents: (::core::option::Option<&[__MatdiffD]>,),
    ) -> (f64, __MatdiffD) {
        let mut x_dot = ::matdiff::__private::tangent_or_zero_vec::<
            f64,
            __MatdiffD,
        >(tangents.0, x.len());
        let (__matdiff_value, __matdiff_value_dot, _, _) = calls_with_slices::second_order_core::<
            _,
            true,
            false,
            _,
            _,
            _,
        >(x, x_dot, ::std::vec::Vec::new(), ::std::vec::Vec::new());
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
        tangents: (::core::option::Option<&[__MatdiffD]>,),
        out_bar: f64,
        out_bar_dot: ::core::option::Option<__MatdiffD>,
    ) -> (f64, __MatdiffD, (::std::vec::Vec<f64>,), (::std::vec::Vec<__MatdiffD>,)) {
        let mut x_dot = ::matdiff::__private::tangent_or_zero_vec::<
            f64,
            __MatdiffD,
        >(tangents.0, x.len());
        let out_bar_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(out_bar_dot);
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = calls_with_slices::second_order_core::<
            _,
            true,
            true,
            _,
            _,
            _,
        >(x, x_dot, ::std::vec::Vec::new(), ::std::vec::Vec::new());
        let __matdiff_dots = (
            ::matdiff::__private::reseed_vec(
                out_bar,
                &out_bar_dot,
                &__matdiff_slots.0,
                __matdiff_dots.0,
            ),
        );
        (
            __matdiff_value,
            __matdiff_value_dot,
            (::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),),
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
        __MatdiffR0: ::matdiff::__private::TangentStorage<f64, __MatdiffD>,
        __MatdiffT0: ::core::ops::Deref<Target = [__MatdiffD]>
            + ::matdiff::__private::TangentCopy<Owned = ::std::vec::Vec<__MatdiffD>>,
    >(
        x: &[f64],
        x_dot: __MatdiffT0,
        mut __matdiff_storage0: __MatdiffS0,
        mut __matdiff_tangent_storage0: __MatdiffR0,
    ) -> (f64, __MatdiffD, (__MatdiffS0,), (__MatdiffR0,)) {
        let c: f64 = 0.0;
        let n = x.len();
        let mut doubled = ::std::vec![c; n];
        let mut doubled_dot = ::matdiff::__private::zero_tangent::<
            __MatdiffD,
            _,
        >(&doubled);
        let start = 0;
        let end = x.len();
        let __matdiff_count_i: usize = ::core::primitive::usize::saturating_sub(
            end,
            start,
        );
        let __matdiff_view_i_p0_x = ::matdiff::__private::loop_view(
            &x[..],
            start,
            0,
            __matdiff_count_i,
        );
        let __matdiff_view_i_p0_x_dot = ::matdiff::__private::loop_view(
            &x_dot[..],
            start,
            0,
            __matdiff_count_i,
        );
        for __matdiff_position_i in (0..__matdiff_count_i) {
            let i: usize = start + __matdiff_position_i;
            let i_1 = i;
            let c_1: f64 = 2.0;
            let element = __matdiff_view_i_p0_x[__matdiff_position_i];
            let element_dot = __matdiff_view_i_p0_x_dot[__matdiff_position_i];
            let mul = c_1 * element;
            let mul_dot = ::matdiff::__private::rules::mul::by_value::jvp1(
                c_1,
                element,
                (),
                element_dot,
            );
            doubled[i_1] = mul;
            doubled_dot[i_1] = mul_dot;
        }
        let (inner_sum, inner_sum_dot) = inner_sum::jvp(
            x,
            (::core::option::Option::Some(&x_dot),),
        );
        let (inner_sum_1, inner_sum_1_dot) = inner_sum::jvp(
            &doubled,
            (::core::option::Option::Some(&doubled_dot),),
        );
        let sin = inner_sum_1.sin();
        let sin_dot = ::matdiff::__private::rules::sin::by_value::jvp0(
            inner_sum_1,
            sin,
            inner_sum_1_dot,
        );
        let mul_1 = inner_sum * sin;
        let mul_1_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
            inner_sum,
            sin,
            (),
            inner_sum_dot,
        );
        let mul_1_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
            inner_sum,
            sin,
            (),
            sin_dot,
        );
        let mul_1_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(mul_1_dot, mul_1_dot_1);
        let _: () = if !__MATDIFF_REVERSE {
            return (
                mul_1,
                mul_1_dot_2,
                (__matdiff_storage0,),
                (__matdiff_tangent_storage0,),
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
        let mul_1_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let mut doubled_bar = ::matdiff::__private::zero_like(&doubled);
        let mut doubled_bar_dot = ::matdiff::__private::zero_tangent::<
            __MatdiffD,
            _,
        >(&doubled);
        let inner_sum_bar = ::matdiff::__private::rules::mul::by_value::vjp0(
            inner_sum,
            sin,
            (),
            mul_1_bar,
        );
        let inner_sum_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
            inner_sum,
            sin,
            (),
            mul_1_bar,
            sin_dot,
        );
        let sin_bar = ::matdiff::__private::rules::mul::by_value::vjp1(
            inner_sum,
            sin,
            (),
            mul_1_bar,
        );
        let sin_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
            inner_sum,
            sin,
            (),
            mul_1_bar,
            inner_sum_dot,
        );
        let inner_sum_1_bar = ::matdiff::__private::rules::sin::by_value::vjp0(
            inner_sum_1,
            sin,
            sin_bar,
        );
        let inner_sum_1_bar_dot = ::matdiff::__private::rules::sin::by_value::vjp0(
            inner_sum_1,
            sin,
            sin_bar_dot,
        );
        let inner_sum_1_bar_dot_1 = ::matdiff::__private::rules::sin::by_value::vjp0_jvp0(
            inner_sum_1,
            sin,
            sin_bar,
            inner_sum_1_dot,
        );
        let inner_sum_1_bar_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(inner_sum_1_bar_dot, inner_sum_1_bar_dot_1);
        let (_, _, (doubled_bar_1,), (doubled_bar_1_dot,)) = inner_sum::vjp_jvp(
            &doubled,
            (::core::option::Option::Some(&doubled_dot),),
            inner_sum_1_bar,
            ::core::option::Option::Some(inner_sum_1_bar_dot_2),
        );
        let doubled_bar_2 = ::matdiff::__private::Cotangent::into_value(doubled_bar_1);
        let doubled_bar_2_dot = ::matdiff::__private::Cotangent::into_value(
            doubled_bar_1_dot,
        );
        ::matdiff::__private::add_all(&mut doubled_bar, &doubled_bar_2);
        ::matdiff::__private::add_all(&mut doubled_bar_dot, &doubled_bar_2_dot);
        let (_, _, (x_bar_1,), (x_bar_1_dot,)) = inner_sum::vjp_jvp(
            x,
            (::core::option::Option::Some(&x_dot),),
            inner_sum_bar,
            ::core::option::Option::Some(inner_sum_bar_dot),
        );
        let x_bar_2 = ::matdiff::__private::Cotangent::into_value(x_bar_1);
        let x_bar_2_dot = ::matdiff::__private::Cotangent::into_value(x_bar_1_dot);
        ::matdiff::__private::add_all(&mut x_bar, &x_bar_2);
        ::matdiff::__private::add_all(&mut x_bar_dot, &x_bar_2_dot);
        let mut __matdiff_window_x_bar_0 = ::matdiff::__private::zero_element(&x_bar);
        let mut __matdiff_window_x_bar_dot_0 = ::matdiff::__private::zero_element(
            &x_bar_dot,
        );
        let __matdiff_count_i: usize = ::core::primitive::usize::saturating_sub(
            end,
            start,
        );
        let __matdiff_view_i_p0_x = ::matdiff::__private::loop_view(
            &x[..],
            start,
            0,
            __matdiff_count_i,
        );
        let __matdiff_view_i_x_bar_mut = ::matdiff::__private::loop_view_mut(
            &mut x_bar[..],
            start,
            0,
            __matdiff_count_i,
        );
        let __matdiff_view_i_x_bar_dot_mut = ::matdiff::__private::loop_view_mut(
            &mut x_bar_dot[..],
            start,
            0,
            __matdiff_count_i,
        );
        for __matdiff_position_i in (0..__matdiff_count_i).rev() {
            let i: usize = start + __matdiff_position_i;
            let i_1 = i;
            let c_1: f64 = 2.0;
            let element = __matdiff_view_i_p0_x[__matdiff_position_i];
            let mul_bar = ::matdiff::__private::take_at(&mut doubled_bar, i_1);
            let mul_bar_dot = ::matdiff::__private::take_at(&mut doubled_bar_dot, i_1);
            let element_bar = ::matdiff::__private::rules::mul::by_value::vjp1(
                c_1,
                element,
                (),
                mul_bar,
            );
            let element_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
                c_1,
                element,
                (),
                mul_bar_dot,
            );
            __matdiff_window_x_bar_0 = ::matdiff::__private::add(
                &__matdiff_window_x_bar_0,
                &element_bar,
            );
            __matdiff_window_x_bar_dot_0 = ::matdiff::__private::add(
                &__matdiff_window_x_bar_dot_0,
                &element_bar_dot,
            );
            ::matdiff::__private::add_once(
                __matdiff_view_i_x_bar_mut,
                __matdiff_position_i,
                &__matdiff_window_x_bar_0,
            );
            __matdiff_window_x_bar_0 = ::matdiff::__private::zero_element(
                &*__matdiff_view_i_x_bar_mut,
            );
            ::matdiff::__private::add_once(
                __matdiff_view_i_x_bar_dot_mut,
                __matdiff_position_i,
                &__matdiff_window_x_bar_dot_0,
            );
            __matdiff_window_x_bar_dot_0 = ::matdiff::__private::zero_element(
                &*__matdiff_view_i_x_bar_dot_mut,
            );
        }
        let (__matdiff_value, __matdiff_value_dot) = if __MATDIFF_VALUE {
            (mul_1, mul_1_dot_2)
        } else {
            (
                <f64 as ::matdiff::__private::Scalar>::of(0.0),
                <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
            )
        };
        (__matdiff_value, __matdiff_value_dot, (x_bar,), (x_bar_dot,))
    }
    #[doc(hidden)]
    #[inline(never)]
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
    pub fn second_order_sweep<__MatdiffD: ::matdiff::__private::Directions<f64>>(
        x: &[f64],
        __matdiff_tangent0: ::std::vec::Vec<__MatdiffD>,
    ) -> (f64, __MatdiffD, (::std::vec::Vec<f64>,), (::std::vec::Vec<__MatdiffD>,)) {
        calls_with_slices::second_order_core::<
            _,
            false,
            true,
            _,
            _,
            _,
        >(x, __matdiff_tangent0, ::std::vec::Vec::new(), ::std::vec::Vec::new())
    }
}
