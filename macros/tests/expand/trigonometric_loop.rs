fn trigonometric(x: &[f64]) -> f64 {
    let n = x.len();
    let mut c = 0.0;
    for &xj in x.iter() {
        c += xj.cos();
    }
    let mut s = 0.0;
    for i in 0..n {
        let r = n as f64 - c + (i + 1) as f64 * (1.0 - x[i].cos()) - x[i].sin();
        s += r * r;
    }
    s
}
/// The gradient of [`trigonometric`] with respect to `x`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn trigonometric_grad(x: &[f64]) -> ::std::vec::Vec<f64> {
    let _ = trigonometric;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = trigonometric::second_order_core::<
        [f64; 0],
        false,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, ::std::vec::Vec::new(), ::std::vec::Vec::new());
    __matdiff_slots.0
}
/// The value of [`trigonometric`] and its gradient with respect to `x`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn trigonometric_value_and_grad(x: &[f64]) -> (f64, ::std::vec::Vec<f64>) {
    let _ = trigonometric;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = trigonometric::second_order_core::<
        [f64; 0],
        true,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, ::std::vec::Vec::new(), ::std::vec::Vec::new());
    (__matdiff_value, __matdiff_slots.0)
}
/// The gradient of [`trigonometric`] with respect to `x`, written into `grad_x` (one entry per element of its argument, overwritten; a buffer of another length panics). Allocates nothing for the gradient: only the tapes of loops whose reverse sweep needs saved values, if any. Computed by reverse-mode differentiation generated at compile time.
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
fn trigonometric_grad_into(x: &[f64], grad_x: &mut [f64]) {
    let _ = trigonometric;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = trigonometric::second_order_core::<
        [f64; 0],
        false,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, &mut *grad_x, ::std::vec::Vec::new());
}
/// The value of [`trigonometric`] and its gradient with respect to `x`, written into `grad_x` (one entry per element of its argument, overwritten; a buffer of another length panics). Allocates nothing for the gradient: only the tapes of loops whose reverse sweep needs saved values, if any. Computed by reverse-mode differentiation generated at compile time.
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
fn trigonometric_value_and_grad_into(x: &[f64], grad_x: &mut [f64]) -> f64 {
    let _ = trigonometric;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = trigonometric::second_order_core::<
        [f64; 0],
        true,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, &mut *grad_x, ::std::vec::Vec::new());
    __matdiff_value
}
/// The Hessian of [`trigonometric`] with respect to `x` (all their scalars, in argument order): `H[i][j]` is the second derivative in the i-th and j-th of them. Computed by forward-over-reverse sweeps generated at compile time.
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
fn trigonometric_hessian(x: &[f64]) -> ::std::vec::Vec<::std::vec::Vec<f64>> {
    let _ = trigonometric;
    let __matdiff_total: usize = (0usize + x.len());
    let __matdiff_rows: usize = __matdiff_total;
    let mut __matdiff_matrix = ::std::vec![
        ::std::vec![0.0; __matdiff_total]; __matdiff_rows
    ];
    let mut __matdiff_first: usize = 0;
    while __matdiff_first < __matdiff_total {
        let (_, _, _, __matdiff_tangents) = trigonometric::second_order_sweep(
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
/// The Hessian of [`trigonometric`] with respect to `x` times the vector `v` (shaped like the gradient), without forming the Hessian: one forward-over-reverse sweep, a small constant times the cost of the gradient.
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
fn trigonometric_hvp(x: &[f64], v: &[f64]) -> ::std::vec::Vec<f64> {
    let _ = trigonometric;
    let (_, _, _, __matdiff_tangents) = trigonometric::second_order_core::<
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
struct trigonometric {}
#[allow(dead_code)]
impl trigonometric {
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
        let (__matdiff_value, _, __matdiff_slots, _) = trigonometric::second_order_core::<
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
        let (__matdiff_value, __matdiff_value_dot, _, _) = trigonometric::second_order_core::<
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
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = trigonometric::second_order_core::<
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
        let n = x.len();
        let c: f64 = 0.0;
        let start = 0usize;
        let end = x.len();
        let c_dot = ::matdiff::__private::zero_tangent::<__MatdiffD, _>(&c);
        let mut c_1 = c;
        let mut c_1_dot = c_dot;
        let __matdiff_count_k: usize = ::core::primitive::usize::saturating_sub(
            end,
            start,
        );
        let __matdiff_view_k_p0_x = ::matdiff::__private::loop_view(
            &x[..],
            start,
            0,
            __matdiff_count_k,
        );
        let __matdiff_view_k_p0_x_dot = ::matdiff::__private::loop_view(
            &x_dot[..],
            start,
            0,
            __matdiff_count_k,
        );
        for __matdiff_position_k in (0..__matdiff_count_k) {
            let k: usize = start + __matdiff_position_k;
            let xj = __matdiff_view_k_p0_x[__matdiff_position_k];
            let xj_dot = __matdiff_view_k_p0_x_dot[__matdiff_position_k];
            let cos = xj.cos();
            let cos_dot = ::matdiff::__private::rules::cos::by_value::jvp0(
                xj,
                cos,
                xj_dot,
            );
            let c_2 = c_1 + cos;
            let c_2_dot_2 = ::matdiff::__private::add_pair::<f64, _>(c_1_dot, cos_dot);
            c_1 = c_2;
            c_1_dot = c_2_dot_2;
        }
        let s: f64 = 0.0;
        let start_1 = 0;
        let s_dot = ::matdiff::__private::zero_tangent::<__MatdiffD, _>(&s);
        let mut s_1 = s;
        let mut s_1_dot = s_dot;
        let __matdiff_count_i: usize = ::core::primitive::usize::saturating_sub(
            n,
            start_1,
        );
        let __matdiff_view_i_p0_x = ::matdiff::__private::loop_view(
            &x[..],
            start_1,
            0,
            __matdiff_count_i,
        );
        let __matdiff_view_i_p0_x_dot = ::matdiff::__private::loop_view(
            &x_dot[..],
            start_1,
            0,
            __matdiff_count_i,
        );
        for __matdiff_position_i in (0..__matdiff_count_i) {
            let i: usize = start_1 + __matdiff_position_i;
            let i_1 = i;
            let c_4 = n as f64;
            let sub = c_4 - c_1;
            let sub_dot = ::matdiff::__private::rules::sub::by_value::jvp1::<
                f64,
                _,
            >(c_1_dot);
            let c_5 = (i_1 + 1) as f64;
            let c_6: f64 = 1.0;
            let element = __matdiff_view_i_p0_x[__matdiff_position_i];
            let element_dot = __matdiff_view_i_p0_x_dot[__matdiff_position_i];
            let cos_1 = element.cos();
            let cos_1_dot = ::matdiff::__private::rules::cos::by_value::jvp0(
                element,
                cos_1,
                element_dot,
            );
            let sub_1 = c_6 - cos_1;
            let sub_1_dot = ::matdiff::__private::rules::sub::by_value::jvp1::<
                f64,
                _,
            >(cos_1_dot);
            let mul = c_5 * sub_1;
            let mul_dot = ::matdiff::__private::rules::mul::by_value::jvp1(
                c_5,
                sub_1,
                (),
                sub_1_dot,
            );
            let add = sub + mul;
            let add_dot_2 = ::matdiff::__private::add_pair::<f64, _>(sub_dot, mul_dot);
            let sin = element.sin();
            let sin_dot = ::matdiff::__private::rules::sin::by_value::jvp0(
                element,
                sin,
                element_dot,
            );
            let r = add - sin;
            let r_dot_1 = ::matdiff::__private::rules::sub::by_value::jvp1::<
                f64,
                _,
            >(sin_dot);
            let r_dot_2 = ::matdiff::__private::add_pair::<f64, _>(add_dot_2, r_dot_1);
            let mul_1 = r * r;
            let mul_1_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
                r,
                r,
                (),
                r_dot_2,
            );
            let mul_1_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
                r,
                r,
                (),
                r_dot_2,
            );
            let mul_1_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(mul_1_dot, mul_1_dot_1);
            let s_2 = s_1 + mul_1;
            let s_2_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(s_1_dot, mul_1_dot_2);
            s_1 = s_2;
            s_1_dot = s_2_dot_2;
        }
        let s_3 = s_1;
        let s_3_dot = s_1_dot;
        let _: () = if !__MATDIFF_REVERSE {
            return (s_3, s_3_dot, (__matdiff_storage0,), (__matdiff_tangent_storage0,));
        };
        let mut x_bar = ::matdiff::__private::CotangentStorage::zeroed(
            __matdiff_storage0,
            x.len(),
        );
        let mut x_bar_dot = ::matdiff::__private::TangentStorage::<
            f64,
            __MatdiffD,
        >::zeroed(__matdiff_tangent_storage0, x.len());
        let s_3_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let c_3_bar = ::matdiff::__private::zero_like(&c_1);
        let s_3_bar_dot = ::matdiff::__private::zero_tangent::<__MatdiffD, _>(&s_3_bar);
        let c_3_bar_dot = ::matdiff::__private::zero_tangent::<__MatdiffD, _>(&c_3_bar);
        let mut s_1_bar = s_3_bar;
        let mut c_3_bar_1 = c_3_bar;
        let mut s_1_bar_dot = s_3_bar_dot;
        let mut c_3_bar_1_dot = c_3_bar_dot;
        let mut __matdiff_window_x_bar_0 = ::matdiff::__private::zero_element(&x_bar);
        let mut __matdiff_window_x_bar_dot_0 = ::matdiff::__private::zero_element(
            &x_bar_dot,
        );
        let __matdiff_count_i: usize = ::core::primitive::usize::saturating_sub(
            n,
            start_1,
        );
        let __matdiff_view_i_p0_x = ::matdiff::__private::loop_view(
            &x[..],
            start_1,
            0,
            __matdiff_count_i,
        );
        let __matdiff_view_i_p0_x_dot = ::matdiff::__private::loop_view(
            &x_dot[..],
            start_1,
            0,
            __matdiff_count_i,
        );
        let __matdiff_view_i_x_bar_mut = ::matdiff::__private::loop_view_mut(
            &mut x_bar[..],
            start_1,
            0,
            __matdiff_count_i,
        );
        let __matdiff_view_i_x_bar_dot_mut = ::matdiff::__private::loop_view_mut(
            &mut x_bar_dot[..],
            start_1,
            0,
            __matdiff_count_i,
        );
        for __matdiff_position_i in (0..__matdiff_count_i).rev() {
            let i: usize = start_1 + __matdiff_position_i;
            let i_1 = i;
            let c_4 = n as f64;
            let sub = c_4 - c_1;
            let sub_dot_1 = ::matdiff::__private::rules::sub::by_value::jvp1::<
                f64,
                _,
            >(c_1_dot);
            let c_5 = (i_1 + 1) as f64;
            let c_6: f64 = 1.0;
            let element = __matdiff_view_i_p0_x[__matdiff_position_i];
            let element_dot_1 = __matdiff_view_i_p0_x_dot[__matdiff_position_i];
            let cos_1 = element.cos();
            let cos_1_dot_1 = ::matdiff::__private::rules::cos::by_value::jvp0(
                element,
                cos_1,
                element_dot_1,
            );
            let sub_1 = c_6 - cos_1;
            let sub_1_dot_1 = ::matdiff::__private::rules::sub::by_value::jvp1::<
                f64,
                _,
            >(cos_1_dot_1);
            let mul = c_5 * sub_1;
            let mul_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
                c_5,
                sub_1,
                (),
                sub_1_dot_1,
            );
            let add = sub + mul;
            let add_dot_5 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(sub_dot_1, mul_dot_1);
            let sin = element.sin();
            let sin_dot_1 = ::matdiff::__private::rules::sin::by_value::jvp0(
                element,
                sin,
                element_dot_1,
            );
            let r = add - sin;
            let r_dot_4 = ::matdiff::__private::rules::sub::by_value::jvp1::<
                f64,
                _,
            >(sin_dot_1);
            let r_dot_5 = ::matdiff::__private::add_pair::<f64, _>(add_dot_5, r_dot_4);
            let r_bar = ::matdiff::__private::rules::mul::by_value::vjp0(
                r,
                r,
                (),
                s_1_bar,
            );
            let r_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0(
                r,
                r,
                (),
                s_1_bar_dot,
            );
            let r_bar_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
                r,
                r,
                (),
                s_1_bar,
                r_dot_5,
            );
            let r_bar_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(r_bar_dot, r_bar_dot_1);
            let r_bar_1 = ::matdiff::__private::rules::mul::by_value::vjp1(
                r,
                r,
                (),
                s_1_bar,
            );
            let r_bar_1_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
                r,
                r,
                (),
                s_1_bar_dot,
            );
            let r_bar_1_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
                r,
                r,
                (),
                s_1_bar,
                r_dot_5,
            );
            let r_bar_1_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(r_bar_1_dot, r_bar_1_dot_1);
            let r_bar_2 = ::matdiff::__private::add_pair::<f64, _>(r_bar, r_bar_1);
            let r_bar_2_dot = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(r_bar_dot_2, r_bar_1_dot_2);
            let sin_bar = ::matdiff::__private::rules::sub::by_value::vjp1::<
                f64,
                _,
            >(r_bar_2);
            let sin_bar_dot = ::matdiff::__private::rules::sub::by_value::vjp1::<
                f64,
                _,
            >(r_bar_2_dot);
            let element_bar = ::matdiff::__private::rules::sin::by_value::vjp0(
                element,
                sin,
                sin_bar,
            );
            let element_bar_dot = ::matdiff::__private::rules::sin::by_value::vjp0(
                element,
                sin,
                sin_bar_dot,
            );
            let element_bar_dot_1 = ::matdiff::__private::rules::sin::by_value::vjp0_jvp0(
                element,
                sin,
                sin_bar,
                element_dot_1,
            );
            let element_bar_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(element_bar_dot, element_bar_dot_1);
            let sub_1_bar = ::matdiff::__private::rules::mul::by_value::vjp1(
                c_5,
                sub_1,
                (),
                r_bar_2,
            );
            let sub_1_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
                c_5,
                sub_1,
                (),
                r_bar_2_dot,
            );
            let cos_1_bar = ::matdiff::__private::rules::sub::by_value::vjp1::<
                f64,
                _,
            >(sub_1_bar);
            let cos_1_bar_dot = ::matdiff::__private::rules::sub::by_value::vjp1::<
                f64,
                _,
            >(sub_1_bar_dot);
            let element_bar_1 = ::matdiff::__private::rules::cos::by_value::vjp0(
                element,
                cos_1,
                cos_1_bar,
            );
            let element_bar_1_dot = ::matdiff::__private::rules::cos::by_value::vjp0(
                element,
                cos_1,
                cos_1_bar_dot,
            );
            let element_bar_1_dot_1 = ::matdiff::__private::rules::cos::by_value::vjp0_jvp0(
                element,
                cos_1,
                cos_1_bar,
                element_dot_1,
            );
            let element_bar_1_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(element_bar_1_dot, element_bar_1_dot_1);
            let element_bar_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(element_bar, element_bar_1);
            let element_bar_2_dot = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(element_bar_dot_2, element_bar_1_dot_2);
            __matdiff_window_x_bar_0 = ::matdiff::__private::add(
                &__matdiff_window_x_bar_0,
                &element_bar_2,
            );
            __matdiff_window_x_bar_dot_0 = ::matdiff::__private::add(
                &__matdiff_window_x_bar_dot_0,
                &element_bar_2_dot,
            );
            let c_3_bar_2 = ::matdiff::__private::rules::sub::by_value::vjp1::<
                f64,
                _,
            >(r_bar_2);
            let c_3_bar_2_dot = ::matdiff::__private::rules::sub::by_value::vjp1::<
                f64,
                _,
            >(r_bar_2_dot);
            let c_3_bar_3 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(c_3_bar_1, c_3_bar_2);
            let c_3_bar_3_dot = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(c_3_bar_1_dot, c_3_bar_2_dot);
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
            c_3_bar_1 = c_3_bar_3;
            c_3_bar_1_dot = c_3_bar_3_dot;
        }
        let mut c_1_bar = c_3_bar_1;
        let mut c_1_bar_dot = c_3_bar_1_dot;
        let mut __matdiff_window_x_bar_0 = ::matdiff::__private::zero_element(&x_bar);
        let mut __matdiff_window_x_bar_dot_0 = ::matdiff::__private::zero_element(
            &x_bar_dot,
        );
        let __matdiff_count_k: usize = ::core::primitive::usize::saturating_sub(
            end,
            start,
        );
        let __matdiff_view_k_p0_x = ::matdiff::__private::loop_view(
            &x[..],
            start,
            0,
            __matdiff_count_k,
        );
        let __matdiff_view_k_p0_x_dot = ::matdiff::__private::loop_view(
            &x_dot[..],
            start,
            0,
            __matdiff_count_k,
        );
        let __matdiff_view_k_x_bar_mut = ::matdiff::__private::loop_view_mut(
            &mut x_bar[..],
            start,
            0,
            __matdiff_count_k,
        );
        let __matdiff_view_k_x_bar_dot_mut = ::matdiff::__private::loop_view_mut(
            &mut x_bar_dot[..],
            start,
            0,
            __matdiff_count_k,
        );
        for __matdiff_position_k in (0..__matdiff_count_k).rev() {
            let k: usize = start + __matdiff_position_k;
            let xj = __matdiff_view_k_p0_x[__matdiff_position_k];
            let xj_dot_1 = __matdiff_view_k_p0_x_dot[__matdiff_position_k];
            let cos = xj.cos();
            let xj_bar = ::matdiff::__private::rules::cos::by_value::vjp0(
                xj,
                cos,
                c_1_bar,
            );
            let xj_bar_dot = ::matdiff::__private::rules::cos::by_value::vjp0(
                xj,
                cos,
                c_1_bar_dot,
            );
            let xj_bar_dot_1 = ::matdiff::__private::rules::cos::by_value::vjp0_jvp0(
                xj,
                cos,
                c_1_bar,
                xj_dot_1,
            );
            let xj_bar_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(xj_bar_dot, xj_bar_dot_1);
            __matdiff_window_x_bar_0 = ::matdiff::__private::add(
                &__matdiff_window_x_bar_0,
                &xj_bar,
            );
            __matdiff_window_x_bar_dot_0 = ::matdiff::__private::add(
                &__matdiff_window_x_bar_dot_0,
                &xj_bar_dot_2,
            );
            ::matdiff::__private::add_once(
                __matdiff_view_k_x_bar_mut,
                __matdiff_position_k,
                &__matdiff_window_x_bar_0,
            );
            __matdiff_window_x_bar_0 = ::matdiff::__private::zero_element(
                &*__matdiff_view_k_x_bar_mut,
            );
            ::matdiff::__private::add_once(
                __matdiff_view_k_x_bar_dot_mut,
                __matdiff_position_k,
                &__matdiff_window_x_bar_dot_0,
            );
            __matdiff_window_x_bar_dot_0 = ::matdiff::__private::zero_element(
                &*__matdiff_view_k_x_bar_dot_mut,
            );
        }
        let (__matdiff_value, __matdiff_value_dot) = if __MATDIFF_VALUE {
            (s_3, s_3_dot)
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
        trigonometric::second_order_core::<
            _,
            false,
            true,
            _,
            _,
            _,
        >(x, __matdiff_tangent0, ::std::vec::Vec::new(), ::std::vec::Vec::new())
    }
}
