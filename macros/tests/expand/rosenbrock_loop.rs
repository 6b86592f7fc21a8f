fn rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        s += 100.0 * (x[i + 1] - x[i] * x[i]).powi(2) + (1.0 - x[i]).powi(2);
    }
    s
}
/// The gradient of [`rosenbrock`] with respect to `x`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn rosenbrock_grad(x: &[f64]) -> ::std::vec::Vec<f64> {
    let _ = rosenbrock;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = rosenbrock::second_order_core::<
        [f64; 0],
        false,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, ::std::vec::Vec::new(), ::std::vec::Vec::new());
    __matdiff_slots.0
}
/// The value of [`rosenbrock`] and its gradient with respect to `x`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn rosenbrock_value_and_grad(x: &[f64]) -> (f64, ::std::vec::Vec<f64>) {
    let _ = rosenbrock;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = rosenbrock::second_order_core::<
        [f64; 0],
        true,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, ::std::vec::Vec::new(), ::std::vec::Vec::new());
    (__matdiff_value, __matdiff_slots.0)
}
/// The gradient of [`rosenbrock`] with respect to `x`, written into `grad_x` (one entry per element of its argument, overwritten; a buffer of another length panics). Allocates nothing for the gradient: only the tapes of loops whose reverse sweep needs saved values, if any. Computed by reverse-mode differentiation generated at compile time.
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
fn rosenbrock_grad_into(x: &[f64], grad_x: &mut [f64]) {
    let _ = rosenbrock;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = rosenbrock::second_order_core::<
        [f64; 0],
        false,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, &mut *grad_x, ::std::vec::Vec::new());
}
/// The value of [`rosenbrock`] and its gradient with respect to `x`, written into `grad_x` (one entry per element of its argument, overwritten; a buffer of another length panics). Allocates nothing for the gradient: only the tapes of loops whose reverse sweep needs saved values, if any. Computed by reverse-mode differentiation generated at compile time.
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
fn rosenbrock_value_and_grad_into(x: &[f64], grad_x: &mut [f64]) -> f64 {
    let _ = rosenbrock;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = rosenbrock::second_order_core::<
        [f64; 0],
        true,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, &mut *grad_x, ::std::vec::Vec::new());
    __matdiff_value
}
/// The Hessian of [`rosenbrock`] with respect to `x` (all its scalars): `H[i][j]` is the second derivative in the i-th and j-th of them. Its band (bandwidth 1) was read from the loops' index offsets; the entries off the band are zero. Computed at compile time as the sum of each loop iteration's small Hessian in the elements it reads, added into the band.
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
fn rosenbrock_hessian(x: &[f64]) -> ::std::vec::Vec<::std::vec::Vec<f64>> {
    let _ = rosenbrock;
    let __matdiff_total: usize = (0usize + x.len());
    let __matdiff_rows: usize = __matdiff_total;
    let mut __matdiff_matrix = ::std::vec![
        ::std::vec![0.0; __matdiff_total]; __matdiff_rows
    ];
    let mut __matdiff_values: ::std::vec::Vec<f64> = ::std::vec![
        0.0; ::matdiff::__private::banded_len(__matdiff_total, 1)
    ];
    let mut __matdiff_workspace = <::matdiff::__private::SparseHessianWorkspace<
        f64,
        3,
    > as ::core::default::Default>::default();
    rosenbrock_hessian_sparse_into(
        x,
        &mut __matdiff_values[..],
        &mut __matdiff_workspace,
    );
    ::matdiff::__private::scatter_band_values(
        &mut __matdiff_matrix[..],
        1,
        &__matdiff_values,
    );
    __matdiff_matrix
}
/// The lower triangle of the Hessian of [`rosenbrock`] with respect to `x`, whose band (bandwidth 1) was read from the loops' index offsets: every entry `(j, k)` with `k <= j <= k + 1`, column by column (compressed sparse column order; `column_pointers` gives the column starts). The pattern depends only on the number of inputs: refill the values for new inputs with [`rosenbrock_hessian_sparse_into`]. Computed at compile time as the sum of each loop iteration's small Hessian in the elements it reads, added into the band.
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
fn rosenbrock_hessian_sparse(x: &[f64]) -> ::matdiff::__private::SparseHessian<f64> {
    let _ = rosenbrock;
    let __matdiff_total: usize = (0usize + x.len());
    let mut __matdiff_hessian = <::matdiff::__private::SparseHessian<
        f64,
    >>::banded(__matdiff_total, 1);
    let mut __matdiff_workspace = <::matdiff::__private::SparseHessianWorkspace<
        f64,
        3,
    > as ::core::default::Default>::default();
    rosenbrock_hessian_sparse_into(
        x,
        &mut __matdiff_hessian.values[..],
        &mut __matdiff_workspace,
    );
    __matdiff_hessian
}
/// Writes into `values` the values of the lower triangle of the Hessian of [`rosenbrock`], in the order of the pattern [`rosenbrock_hessian_sparse`] returns for inputs of this length (which depends only on the length). Panics if `values` has another length. The band's buffer lives in `workspace` (start from `SparseHessianWorkspace::default()` and keep it): called again with as many inputs, this allocates nothing. Computed at compile time as the sum of each loop iteration's small Hessian in the elements it reads, added into the band.
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
fn rosenbrock_hessian_sparse_into(
    x: &[f64],
    values: &mut [f64],
    workspace: &mut ::matdiff::__private::SparseHessianWorkspace<f64, 3>,
) {
    let _ = rosenbrock;
    let mut columns = ::matdiff::__private::SparseHessianWorkspace::element_columns::<
        2,
    >(workspace, x.len());
    let start = 0;
    let c = x.len();
    let c_1 = 1;
    let end = c - c_1;
    let s_3_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let mut s_1_bar = s_3_bar;
    let mut __matdiff_window_columns_0 = ::matdiff::__private::zero_element(&columns);
    let __matdiff_count_i: usize = ::core::primitive::usize::saturating_sub(end, start);
    let __matdiff_view_i_p1_x = ::matdiff::__private::loop_view(
        &x[..],
        start,
        1,
        __matdiff_count_i,
    );
    let __matdiff_view_i_p0_x = ::matdiff::__private::loop_view(
        &x[..],
        start,
        0,
        __matdiff_count_i,
    );
    let __matdiff_view_i_columns_mut = ::matdiff::__private::loop_view_mut(
        &mut columns[..],
        start,
        0,
        __matdiff_count_i,
    );
    for __matdiff_position_i in (0..__matdiff_count_i) {
        let i: usize = start + __matdiff_position_i;
        let i_1 = i;
        let c_2: f64 = 100.0;
        let i_2 = i_1 + 1;
        let element = __matdiff_view_i_p1_x[__matdiff_position_i];
        let element_dot = ::matdiff::__private::unit::<f64, [f64; 2]>(1);
        let element_1 = __matdiff_view_i_p0_x[__matdiff_position_i];
        let element_1_dot = ::matdiff::__private::unit::<f64, [f64; 2]>(0);
        let mul = element_1 * element_1;
        let mul_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
            element_1,
            element_1,
            (),
            element_1_dot,
        );
        let mul_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
            element_1,
            element_1,
            (),
            element_1_dot,
        );
        let mul_dot_2 = ::matdiff::__private::add_pair::<f64, _>(mul_dot, mul_dot_1);
        let sub = element - mul;
        let sub_dot_1 = ::matdiff::__private::rules::sub::by_value::jvp1::<
            f64,
            _,
        >(mul_dot_2);
        let sub_dot_2 = ::matdiff::__private::add_pair::<f64, _>(element_dot, sub_dot_1);
        let c_3 = 2;
        let powi = sub.powi(c_3);
        let c_4: f64 = 1.0;
        let sub_1 = c_4 - element_1;
        let sub_1_dot = ::matdiff::__private::rules::sub::by_value::jvp1::<
            f64,
            _,
        >(element_1_dot);
        let c_5 = 2;
        let powi_1 = sub_1.powi(c_5);
        let sub_1_bar_dot = ::matdiff::__private::rules::powi::by_value::vjp0_jvp0(
            sub_1,
            c_5,
            powi_1,
            s_1_bar,
            sub_1_dot,
        );
        let element_1_bar_dot = ::matdiff::__private::rules::sub::by_value::vjp1::<
            f64,
            _,
        >(sub_1_bar_dot);
        let powi_bar = ::matdiff::__private::rules::mul::by_value::vjp1(
            c_2,
            powi,
            (),
            s_1_bar,
        );
        let sub_bar = ::matdiff::__private::rules::powi::by_value::vjp0(
            sub,
            c_3,
            powi,
            powi_bar,
        );
        let sub_bar_dot = ::matdiff::__private::rules::powi::by_value::vjp0_jvp0(
            sub,
            c_3,
            powi,
            powi_bar,
            sub_dot_2,
        );
        let element_bar_dot = sub_bar_dot;
        let mul_bar = ::matdiff::__private::rules::sub::by_value::vjp1::<
            f64,
            _,
        >(sub_bar);
        let mul_bar_dot = ::matdiff::__private::rules::sub::by_value::vjp1::<
            f64,
            _,
        >(sub_bar_dot);
        let element_1_bar_1_dot = ::matdiff::__private::rules::mul::by_value::vjp0(
            element_1,
            element_1,
            (),
            mul_bar_dot,
        );
        let element_1_bar_1_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
            element_1,
            element_1,
            (),
            mul_bar,
            element_1_dot,
        );
        let element_1_bar_1_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(element_1_bar_1_dot, element_1_bar_1_dot_1);
        let element_1_bar_2_dot = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(element_1_bar_dot, element_1_bar_1_dot_2);
        let element_1_bar_3_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
            element_1,
            element_1,
            (),
            mul_bar_dot,
        );
        let element_1_bar_3_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
            element_1,
            element_1,
            (),
            mul_bar,
            element_1_dot,
        );
        let element_1_bar_3_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(element_1_bar_3_dot, element_1_bar_3_dot_1);
        let element_1_bar_4_dot = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(element_1_bar_2_dot, element_1_bar_3_dot_2);
        let column = i;
        let lane = ::matdiff::__private::band_lane::<
            f64,
            2,
            2,
        >(&element_1_bar_4_dot, 0, 0);
        __matdiff_window_columns_0 = ::matdiff::__private::add(
            &__matdiff_window_columns_0,
            &lane,
        );
        let column_1 = i;
        let lane_1 = ::matdiff::__private::band_lane::<
            f64,
            2,
            2,
        >(&element_bar_dot, 0, 1);
        __matdiff_window_columns_0 = ::matdiff::__private::add(
            &__matdiff_window_columns_0,
            &lane_1,
        );
        let column_2 = i + 1;
        let lane_2 = ::matdiff::__private::band_lane::<
            f64,
            2,
            2,
        >(&element_bar_dot, 1, 0);
        ::matdiff::__private::add_once(
            __matdiff_view_i_columns_mut,
            __matdiff_position_i,
            &__matdiff_window_columns_0,
        );
        __matdiff_window_columns_0 = ::matdiff::__private::zero_element(
            &*__matdiff_view_i_columns_mut,
        );
    }
    let mut s_1_bar = s_3_bar;
    let mut __matdiff_window_columns_0 = ::matdiff::__private::zero_element(&columns);
    let __matdiff_count_i: usize = ::core::primitive::usize::saturating_sub(end, start);
    let __matdiff_view_i_p1_x = ::matdiff::__private::loop_view(
        &x[..],
        start,
        1,
        __matdiff_count_i,
    );
    let __matdiff_view_i_p0_x = ::matdiff::__private::loop_view(
        &x[..],
        start,
        0,
        __matdiff_count_i,
    );
    let __matdiff_view_i_columns_mut = ::matdiff::__private::loop_view_mut(
        &mut columns[..],
        start,
        1,
        __matdiff_count_i,
    );
    for __matdiff_position_i in (0..__matdiff_count_i) {
        let i: usize = start + __matdiff_position_i;
        let i_1 = i;
        let c_2: f64 = 100.0;
        let i_2 = i_1 + 1;
        let element = __matdiff_view_i_p1_x[__matdiff_position_i];
        let element_dot = ::matdiff::__private::unit::<f64, [f64; 2]>(1);
        let element_1 = __matdiff_view_i_p0_x[__matdiff_position_i];
        let element_1_dot = ::matdiff::__private::unit::<f64, [f64; 2]>(0);
        let mul = element_1 * element_1;
        let mul_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
            element_1,
            element_1,
            (),
            element_1_dot,
        );
        let mul_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
            element_1,
            element_1,
            (),
            element_1_dot,
        );
        let mul_dot_2 = ::matdiff::__private::add_pair::<f64, _>(mul_dot, mul_dot_1);
        let sub = element - mul;
        let sub_dot_1 = ::matdiff::__private::rules::sub::by_value::jvp1::<
            f64,
            _,
        >(mul_dot_2);
        let sub_dot_2 = ::matdiff::__private::add_pair::<f64, _>(element_dot, sub_dot_1);
        let c_3 = 2;
        let powi = sub.powi(c_3);
        let powi_bar = ::matdiff::__private::rules::mul::by_value::vjp1(
            c_2,
            powi,
            (),
            s_1_bar,
        );
        let sub_bar_dot = ::matdiff::__private::rules::powi::by_value::vjp0_jvp0(
            sub,
            c_3,
            powi,
            powi_bar,
            sub_dot_2,
        );
        let element_bar_dot = sub_bar_dot;
        let column_2 = i + 1;
        let lane_2 = ::matdiff::__private::band_lane::<
            f64,
            2,
            2,
        >(&element_bar_dot, 1, 0);
        __matdiff_window_columns_0 = ::matdiff::__private::add(
            &__matdiff_window_columns_0,
            &lane_2,
        );
        ::matdiff::__private::add_once(
            __matdiff_view_i_columns_mut,
            __matdiff_position_i,
            &__matdiff_window_columns_0,
        );
        __matdiff_window_columns_0 = ::matdiff::__private::zero_element(
            &*__matdiff_view_i_columns_mut,
        );
    }
    ::matdiff::__private::fill_band_columns(values, 1, &*columns);
}
/// The Hessian of [`rosenbrock`] with respect to `x` times the vector `v` (shaped like the gradient), without forming the Hessian: one forward-over-reverse sweep, a small constant times the cost of the gradient.
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
fn rosenbrock_hvp(x: &[f64], v: &[f64]) -> ::std::vec::Vec<f64> {
    let _ = rosenbrock;
    let (_, _, _, __matdiff_tangents) = rosenbrock::second_order_core::<
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
struct rosenbrock {}
#[allow(dead_code)]
impl rosenbrock {
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
        let (__matdiff_value, _, __matdiff_slots, _) = rosenbrock::second_order_core::<
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
        let (__matdiff_value, __matdiff_value_dot, _, _) = rosenbrock::second_order_core::<
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
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = rosenbrock::second_order_core::<
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
        let s: f64 = 0.0;
        let start = 0;
        let c = x.len();
        let c_1 = 1;
        let end = c - c_1;
        let s_dot = ::matdiff::__private::zero_tangent::<__MatdiffD, _>(&s);
        let mut s_1 = s;
        let mut s_1_dot = s_dot;
        let __matdiff_count_i: usize = ::core::primitive::usize::saturating_sub(
            end,
            start,
        );
        let __matdiff_view_i_p1_x = ::matdiff::__private::loop_view(
            &x[..],
            start,
            1,
            __matdiff_count_i,
        );
        let __matdiff_view_i_p1_x_dot = ::matdiff::__private::loop_view(
            &x_dot[..],
            start,
            1,
            __matdiff_count_i,
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
            let c_2: f64 = 100.0;
            let i_2 = i_1 + 1;
            let element = __matdiff_view_i_p1_x[__matdiff_position_i];
            let element_dot = __matdiff_view_i_p1_x_dot[__matdiff_position_i];
            let element_1 = __matdiff_view_i_p0_x[__matdiff_position_i];
            let element_1_dot = __matdiff_view_i_p0_x_dot[__matdiff_position_i];
            let mul = element_1 * element_1;
            let mul_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
                element_1,
                element_1,
                (),
                element_1_dot,
            );
            let mul_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
                element_1,
                element_1,
                (),
                element_1_dot,
            );
            let mul_dot_2 = ::matdiff::__private::add_pair::<f64, _>(mul_dot, mul_dot_1);
            let sub = element - mul;
            let sub_dot_1 = ::matdiff::__private::rules::sub::by_value::jvp1::<
                f64,
                _,
            >(mul_dot_2);
            let sub_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(element_dot, sub_dot_1);
            let c_3 = 2;
            let powi = sub.powi(c_3);
            let powi_dot = ::matdiff::__private::rules::powi::by_value::jvp0(
                sub,
                c_3,
                powi,
                sub_dot_2,
            );
            let mul_1 = c_2 * powi;
            let mul_1_dot = ::matdiff::__private::rules::mul::by_value::jvp1(
                c_2,
                powi,
                (),
                powi_dot,
            );
            let c_4: f64 = 1.0;
            let sub_1 = c_4 - element_1;
            let sub_1_dot = ::matdiff::__private::rules::sub::by_value::jvp1::<
                f64,
                _,
            >(element_1_dot);
            let c_5 = 2;
            let powi_1 = sub_1.powi(c_5);
            let powi_1_dot = ::matdiff::__private::rules::powi::by_value::jvp0(
                sub_1,
                c_5,
                powi_1,
                sub_1_dot,
            );
            let add = mul_1 + powi_1;
            let add_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(mul_1_dot, powi_1_dot);
            let s_2 = s_1 + add;
            let s_2_dot_2 = ::matdiff::__private::add_pair::<f64, _>(s_1_dot, add_dot_2);
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
        let s_3_bar_dot = ::matdiff::__private::zero_tangent::<__MatdiffD, _>(&s_3_bar);
        let mut s_1_bar = s_3_bar;
        let mut s_1_bar_dot = s_3_bar_dot;
        let mut __matdiff_window_x_bar_0 = ::matdiff::__private::zero_element(&x_bar);
        let mut __matdiff_window_x_bar_1 = __matdiff_window_x_bar_0;
        let mut __matdiff_window_x_bar_low: ::core::option::Option<usize> = ::core::option::Option::None;
        let mut __matdiff_window_x_bar_dot_0 = ::matdiff::__private::zero_element(
            &x_bar_dot,
        );
        let mut __matdiff_window_x_bar_dot_1 = __matdiff_window_x_bar_dot_0;
        let mut __matdiff_window_x_bar_dot_low: ::core::option::Option<usize> = ::core::option::Option::None;
        let __matdiff_count_i: usize = ::core::primitive::usize::saturating_sub(
            end,
            start,
        );
        let __matdiff_view_i_p1_x = ::matdiff::__private::loop_view(
            &x[..],
            start,
            1,
            __matdiff_count_i,
        );
        let __matdiff_view_i_p1_x_dot = ::matdiff::__private::loop_view(
            &x_dot[..],
            start,
            1,
            __matdiff_count_i,
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
        let __matdiff_view_i_x_bar_mut = ::matdiff::__private::loop_view_mut(
            &mut x_bar[..],
            start,
            1,
            __matdiff_count_i,
        );
        let __matdiff_view_i_x_bar_dot_mut = ::matdiff::__private::loop_view_mut(
            &mut x_bar_dot[..],
            start,
            1,
            __matdiff_count_i,
        );
        for __matdiff_position_i in (0..__matdiff_count_i).rev() {
            let i: usize = start + __matdiff_position_i;
            let i_1 = i;
            let c_2: f64 = 100.0;
            let i_2 = i_1 + 1;
            let element = __matdiff_view_i_p1_x[__matdiff_position_i];
            let element_dot_1 = __matdiff_view_i_p1_x_dot[__matdiff_position_i];
            let element_1 = __matdiff_view_i_p0_x[__matdiff_position_i];
            let element_1_dot_1 = __matdiff_view_i_p0_x_dot[__matdiff_position_i];
            let mul = element_1 * element_1;
            let mul_dot_3 = ::matdiff::__private::rules::mul::by_value::jvp0(
                element_1,
                element_1,
                (),
                element_1_dot_1,
            );
            let mul_dot_4 = ::matdiff::__private::rules::mul::by_value::jvp1(
                element_1,
                element_1,
                (),
                element_1_dot_1,
            );
            let mul_dot_5 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(mul_dot_3, mul_dot_4);
            let sub = element - mul;
            let sub_dot_4 = ::matdiff::__private::rules::sub::by_value::jvp1::<
                f64,
                _,
            >(mul_dot_5);
            let sub_dot_5 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(element_dot_1, sub_dot_4);
            let c_3 = 2;
            let powi = sub.powi(c_3);
            let c_4: f64 = 1.0;
            let sub_1 = c_4 - element_1;
            let sub_1_dot_1 = ::matdiff::__private::rules::sub::by_value::jvp1::<
                f64,
                _,
            >(element_1_dot_1);
            let c_5 = 2;
            let powi_1 = sub_1.powi(c_5);
            let sub_1_bar = ::matdiff::__private::rules::powi::by_value::vjp0(
                sub_1,
                c_5,
                powi_1,
                s_1_bar,
            );
            let sub_1_bar_dot = ::matdiff::__private::rules::powi::by_value::vjp0(
                sub_1,
                c_5,
                powi_1,
                s_1_bar_dot,
            );
            let sub_1_bar_dot_1 = ::matdiff::__private::rules::powi::by_value::vjp0_jvp0(
                sub_1,
                c_5,
                powi_1,
                s_1_bar,
                sub_1_dot_1,
            );
            let sub_1_bar_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(sub_1_bar_dot, sub_1_bar_dot_1);
            let element_1_bar = ::matdiff::__private::rules::sub::by_value::vjp1::<
                f64,
                _,
            >(sub_1_bar);
            let element_1_bar_dot = ::matdiff::__private::rules::sub::by_value::vjp1::<
                f64,
                _,
            >(sub_1_bar_dot_2);
            let powi_bar = ::matdiff::__private::rules::mul::by_value::vjp1(
                c_2,
                powi,
                (),
                s_1_bar,
            );
            let powi_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
                c_2,
                powi,
                (),
                s_1_bar_dot,
            );
            let sub_bar = ::matdiff::__private::rules::powi::by_value::vjp0(
                sub,
                c_3,
                powi,
                powi_bar,
            );
            let sub_bar_dot = ::matdiff::__private::rules::powi::by_value::vjp0(
                sub,
                c_3,
                powi,
                powi_bar_dot,
            );
            let sub_bar_dot_1 = ::matdiff::__private::rules::powi::by_value::vjp0_jvp0(
                sub,
                c_3,
                powi,
                powi_bar,
                sub_dot_5,
            );
            let sub_bar_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(sub_bar_dot, sub_bar_dot_1);
            let mul_bar = ::matdiff::__private::rules::sub::by_value::vjp1::<
                f64,
                _,
            >(sub_bar);
            let mul_bar_dot = ::matdiff::__private::rules::sub::by_value::vjp1::<
                f64,
                _,
            >(sub_bar_dot_2);
            let element_1_bar_1 = ::matdiff::__private::rules::mul::by_value::vjp0(
                element_1,
                element_1,
                (),
                mul_bar,
            );
            let element_1_bar_1_dot = ::matdiff::__private::rules::mul::by_value::vjp0(
                element_1,
                element_1,
                (),
                mul_bar_dot,
            );
            let element_1_bar_1_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
                element_1,
                element_1,
                (),
                mul_bar,
                element_1_dot_1,
            );
            let element_1_bar_1_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(element_1_bar_1_dot, element_1_bar_1_dot_1);
            let element_1_bar_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(element_1_bar, element_1_bar_1);
            let element_1_bar_2_dot = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(element_1_bar_dot, element_1_bar_1_dot_2);
            let element_1_bar_3 = ::matdiff::__private::rules::mul::by_value::vjp1(
                element_1,
                element_1,
                (),
                mul_bar,
            );
            let element_1_bar_3_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
                element_1,
                element_1,
                (),
                mul_bar_dot,
            );
            let element_1_bar_3_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
                element_1,
                element_1,
                (),
                mul_bar,
                element_1_dot_1,
            );
            let element_1_bar_3_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(element_1_bar_3_dot, element_1_bar_3_dot_1);
            let element_1_bar_4 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(element_1_bar_2, element_1_bar_3);
            let element_1_bar_4_dot = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(element_1_bar_2_dot, element_1_bar_3_dot_2);
            __matdiff_window_x_bar_0 = ::matdiff::__private::add(
                &__matdiff_window_x_bar_0,
                &element_1_bar_4,
            );
            __matdiff_window_x_bar_dot_0 = ::matdiff::__private::add(
                &__matdiff_window_x_bar_dot_0,
                &element_1_bar_4_dot,
            );
            __matdiff_window_x_bar_1 = ::matdiff::__private::add(
                &__matdiff_window_x_bar_1,
                &sub_bar,
            );
            __matdiff_window_x_bar_dot_1 = ::matdiff::__private::add(
                &__matdiff_window_x_bar_dot_1,
                &sub_bar_dot_2,
            );
            ::matdiff::__private::add_once(
                __matdiff_view_i_x_bar_mut,
                __matdiff_position_i,
                &__matdiff_window_x_bar_1,
            );
            __matdiff_window_x_bar_1 = __matdiff_window_x_bar_0;
            __matdiff_window_x_bar_0 = ::matdiff::__private::zero_element(
                &*__matdiff_view_i_x_bar_mut,
            );
            __matdiff_window_x_bar_low = ::core::option::Option::Some(i_1);
            ::matdiff::__private::add_once(
                __matdiff_view_i_x_bar_dot_mut,
                __matdiff_position_i,
                &__matdiff_window_x_bar_dot_1,
            );
            __matdiff_window_x_bar_dot_1 = __matdiff_window_x_bar_dot_0;
            __matdiff_window_x_bar_dot_0 = ::matdiff::__private::zero_element(
                &*__matdiff_view_i_x_bar_dot_mut,
            );
            __matdiff_window_x_bar_dot_low = ::core::option::Option::Some(i_1);
        }
        if let ::core::option::Option::Some(__matdiff_low) = __matdiff_window_x_bar_low {
            ::matdiff::__private::add_once(
                &mut x_bar,
                __matdiff_low,
                &__matdiff_window_x_bar_1,
            );
        }
        if let ::core::option::Option::Some(__matdiff_low) = __matdiff_window_x_bar_dot_low {
            ::matdiff::__private::add_once(
                &mut x_bar_dot,
                __matdiff_low,
                &__matdiff_window_x_bar_dot_1,
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
}
