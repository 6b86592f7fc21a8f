fn stencil(x: &[f64]) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    for i in 1..n - 1 {
        let d = x[i - 1] - 2.0 * x[i] + x[i + 1];
        s += d * d + x[i].powi(4);
    }
    s
}
/// The gradient of [`stencil`] with respect to `x`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn stencil_grad(x: &[f64]) -> ::std::vec::Vec<f64> {
    let _ = stencil;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = stencil::second_order_core::<
        [f64; 0],
        false,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, ::std::vec::Vec::new(), ::std::vec::Vec::new());
    __matdiff_slots.0
}
/// The value of [`stencil`] and its gradient with respect to `x`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn stencil_value_and_grad(x: &[f64]) -> (f64, ::std::vec::Vec<f64>) {
    let _ = stencil;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = stencil::second_order_core::<
        [f64; 0],
        true,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, ::std::vec::Vec::new(), ::std::vec::Vec::new());
    (__matdiff_value, __matdiff_slots.0)
}
/// The gradient of [`stencil`] with respect to `x`, written into `grad_x` (one entry per element of its argument, overwritten; a buffer of another length panics). Allocates nothing for the gradient: only the tapes of loops whose reverse sweep needs saved values, if any. Computed by reverse-mode differentiation generated at compile time.
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
fn stencil_grad_into(x: &[f64], grad_x: &mut [f64]) {
    let _ = stencil;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = stencil::second_order_core::<
        [f64; 0],
        false,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, &mut *grad_x, ::std::vec::Vec::new());
}
/// The value of [`stencil`] and its gradient with respect to `x`, written into `grad_x` (one entry per element of its argument, overwritten; a buffer of another length panics). Allocates nothing for the gradient: only the tapes of loops whose reverse sweep needs saved values, if any. Computed by reverse-mode differentiation generated at compile time.
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
fn stencil_value_and_grad_into(x: &[f64], grad_x: &mut [f64]) -> f64 {
    let _ = stencil;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = stencil::second_order_core::<
        [f64; 0],
        true,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, &mut *grad_x, ::std::vec::Vec::new());
    __matdiff_value
}
/// The Hessian of [`stencil`] with respect to `x` (all its scalars): `H[i][j]` is the second derivative in the i-th and j-th of them. Its band (bandwidth 2) was read from the loops' index offsets; the entries off the band are zero. Computed at compile time as the sum of each loop iteration's small Hessian in the elements it reads, added into the band.
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
fn stencil_hessian(x: &[f64]) -> ::std::vec::Vec<::std::vec::Vec<f64>> {
    let _ = stencil;
    let __matdiff_total: usize = (0usize + x.len());
    let __matdiff_rows: usize = __matdiff_total;
    let mut __matdiff_matrix = ::std::vec![
        ::std::vec![0.0; __matdiff_total]; __matdiff_rows
    ];
    let mut __matdiff_values: ::std::vec::Vec<f64> = ::std::vec![
        0.0; ::matdiff::__private::banded_len(__matdiff_total, 2)
    ];
    let mut __matdiff_workspace = <::matdiff::__private::SparseHessianWorkspace<
        f64,
        5,
    > as ::core::default::Default>::default();
    stencil_hessian_sparse_into(x, &mut __matdiff_values[..], &mut __matdiff_workspace);
    ::matdiff::__private::scatter_band_values(
        &mut __matdiff_matrix[..],
        2,
        &__matdiff_values,
    );
    __matdiff_matrix
}
/// The lower triangle of the Hessian of [`stencil`] with respect to `x`, whose band (bandwidth 2) was read from the loops' index offsets: every entry `(j, k)` with `k <= j <= k + 2`, column by column (compressed sparse column order; `column_pointers` gives the column starts). The pattern depends only on the number of inputs: refill the values for new inputs with [`stencil_hessian_sparse_into`]. Computed at compile time as the sum of each loop iteration's small Hessian in the elements it reads, added into the band.
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
fn stencil_hessian_sparse(x: &[f64]) -> ::matdiff::__private::SparseHessian<f64> {
    let _ = stencil;
    let __matdiff_total: usize = (0usize + x.len());
    let mut __matdiff_hessian = <::matdiff::__private::SparseHessian<
        f64,
    >>::banded(__matdiff_total, 2);
    let mut __matdiff_workspace = <::matdiff::__private::SparseHessianWorkspace<
        f64,
        5,
    > as ::core::default::Default>::default();
    stencil_hessian_sparse_into(
        x,
        &mut __matdiff_hessian.values[..],
        &mut __matdiff_workspace,
    );
    __matdiff_hessian
}
/// Writes into `values` the values of the lower triangle of the Hessian of [`stencil`], in the order of the pattern [`stencil_hessian_sparse`] returns for inputs of this length (which depends only on the length). Panics if `values` has another length. The band's buffer lives in `workspace` (start from `SparseHessianWorkspace::default()` and keep it): called again with as many inputs, this allocates nothing. Computed at compile time as the sum of each loop iteration's small Hessian in the elements it reads, added into the band.
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
fn stencil_hessian_sparse_into(
    x: &[f64],
    values: &mut [f64],
    workspace: &mut ::matdiff::__private::SparseHessianWorkspace<f64, 5>,
) {
    let _ = stencil;
    let mut columns = ::matdiff::__private::SparseHessianWorkspace::element_columns::<
        3,
    >(workspace, x.len());
    let n = x.len();
    let start = 1;
    let end = n - 1;
    let s_3_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let mut s_1_bar = s_3_bar;
    let mut __matdiff_window_columns_0 = ::matdiff::__private::zero_element(&columns);
    let __matdiff_count_i: usize = ::core::primitive::usize::saturating_sub(end, start);
    let __matdiff_view_i_m1_x = ::matdiff::__private::loop_view(
        &x[..],
        start,
        -1,
        __matdiff_count_i,
    );
    let __matdiff_view_i_p0_x = ::matdiff::__private::loop_view(
        &x[..],
        start,
        0,
        __matdiff_count_i,
    );
    let __matdiff_view_i_p1_x = ::matdiff::__private::loop_view(
        &x[..],
        start,
        1,
        __matdiff_count_i,
    );
    let __matdiff_view_i_columns_mut = ::matdiff::__private::loop_view_mut(
        &mut columns[..],
        start,
        -1,
        __matdiff_count_i,
    );
    for __matdiff_position_i in (0..__matdiff_count_i) {
        let i: usize = start + __matdiff_position_i;
        let i_1 = i;
        let i_2 = i_1 - 1;
        let element = __matdiff_view_i_m1_x[__matdiff_position_i];
        let element_dot = ::matdiff::__private::unit::<f64, [f64; 3]>(0);
        let c: f64 = 2.0;
        let element_1 = __matdiff_view_i_p0_x[__matdiff_position_i];
        let element_1_dot = ::matdiff::__private::unit::<f64, [f64; 3]>(1);
        let mul = c * element_1;
        let mul_dot = ::matdiff::__private::rules::mul::by_value::jvp1(
            c,
            element_1,
            (),
            element_1_dot,
        );
        let sub = element - mul;
        let sub_dot_1 = ::matdiff::__private::rules::sub::by_value::jvp1::<
            f64,
            _,
        >(mul_dot);
        let sub_dot_2 = ::matdiff::__private::add_pair::<f64, _>(element_dot, sub_dot_1);
        let i_3 = i_1 + 1;
        let element_2 = __matdiff_view_i_p1_x[__matdiff_position_i];
        let element_2_dot = ::matdiff::__private::unit::<f64, [f64; 3]>(2);
        let d = sub + element_2;
        let d_dot_2 = ::matdiff::__private::add_pair::<f64, _>(sub_dot_2, element_2_dot);
        let c_1 = 4;
        let powi = element_1.powi(c_1);
        let element_1_bar_dot = ::matdiff::__private::rules::powi::by_value::vjp0_jvp0(
            element_1,
            c_1,
            powi,
            s_1_bar,
            element_1_dot,
        );
        let d_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
            d,
            d,
            (),
            s_1_bar,
            d_dot_2,
        );
        let d_bar_1_dot = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
            d,
            d,
            (),
            s_1_bar,
            d_dot_2,
        );
        let d_bar_2_dot = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(d_bar_dot, d_bar_1_dot);
        let element_2_bar_dot = d_bar_2_dot;
        let column = i - 1;
        let lane = ::matdiff::__private::band_lane::<
            f64,
            3,
            3,
        >(&element_2_bar_dot, 0, 2);
        __matdiff_window_columns_0 = ::matdiff::__private::add(
            &__matdiff_window_columns_0,
            &lane,
        );
        let column_1 = i;
        let lane_1 = ::matdiff::__private::band_lane::<
            f64,
            3,
            3,
        >(&element_2_bar_dot, 1, 1);
        let column_2 = i + 1;
        let lane_2 = ::matdiff::__private::band_lane::<
            f64,
            3,
            3,
        >(&element_2_bar_dot, 2, 0);
        let element_bar_dot = d_bar_2_dot;
        let mul_bar_dot = ::matdiff::__private::rules::sub::by_value::vjp1::<
            f64,
            _,
        >(d_bar_2_dot);
        let element_1_bar_1_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
            c,
            element_1,
            (),
            mul_bar_dot,
        );
        let element_1_bar_2_dot = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(element_1_bar_dot, element_1_bar_1_dot);
        let column_3 = i - 1;
        let lane_3 = ::matdiff::__private::band_lane::<
            f64,
            3,
            3,
        >(&element_1_bar_2_dot, 0, 1);
        __matdiff_window_columns_0 = ::matdiff::__private::add(
            &__matdiff_window_columns_0,
            &lane_3,
        );
        let column_4 = i;
        let lane_4 = ::matdiff::__private::band_lane::<
            f64,
            3,
            3,
        >(&element_1_bar_2_dot, 1, 0);
        let column_5 = i - 1;
        let lane_5 = ::matdiff::__private::band_lane::<
            f64,
            3,
            3,
        >(&element_bar_dot, 0, 0);
        __matdiff_window_columns_0 = ::matdiff::__private::add(
            &__matdiff_window_columns_0,
            &lane_5,
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
    let mut s_1_bar = s_3_bar;
    let mut __matdiff_window_columns_0 = ::matdiff::__private::zero_element(&columns);
    let __matdiff_count_i: usize = ::core::primitive::usize::saturating_sub(end, start);
    let __matdiff_view_i_m1_x = ::matdiff::__private::loop_view(
        &x[..],
        start,
        -1,
        __matdiff_count_i,
    );
    let __matdiff_view_i_p0_x = ::matdiff::__private::loop_view(
        &x[..],
        start,
        0,
        __matdiff_count_i,
    );
    let __matdiff_view_i_p1_x = ::matdiff::__private::loop_view(
        &x[..],
        start,
        1,
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
        let i_2 = i_1 - 1;
        let element = __matdiff_view_i_m1_x[__matdiff_position_i];
        let element_dot = ::matdiff::__private::unit::<f64, [f64; 3]>(0);
        let c: f64 = 2.0;
        let element_1 = __matdiff_view_i_p0_x[__matdiff_position_i];
        let element_1_dot = ::matdiff::__private::unit::<f64, [f64; 3]>(1);
        let mul = c * element_1;
        let mul_dot = ::matdiff::__private::rules::mul::by_value::jvp1(
            c,
            element_1,
            (),
            element_1_dot,
        );
        let sub = element - mul;
        let sub_dot_1 = ::matdiff::__private::rules::sub::by_value::jvp1::<
            f64,
            _,
        >(mul_dot);
        let sub_dot_2 = ::matdiff::__private::add_pair::<f64, _>(element_dot, sub_dot_1);
        let i_3 = i_1 + 1;
        let element_2 = __matdiff_view_i_p1_x[__matdiff_position_i];
        let element_2_dot = ::matdiff::__private::unit::<f64, [f64; 3]>(2);
        let d = sub + element_2;
        let d_dot_2 = ::matdiff::__private::add_pair::<f64, _>(sub_dot_2, element_2_dot);
        let c_1 = 4;
        let powi = element_1.powi(c_1);
        let element_1_bar_dot = ::matdiff::__private::rules::powi::by_value::vjp0_jvp0(
            element_1,
            c_1,
            powi,
            s_1_bar,
            element_1_dot,
        );
        let d_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
            d,
            d,
            (),
            s_1_bar,
            d_dot_2,
        );
        let d_bar_1_dot = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
            d,
            d,
            (),
            s_1_bar,
            d_dot_2,
        );
        let d_bar_2_dot = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(d_bar_dot, d_bar_1_dot);
        let element_2_bar_dot = d_bar_2_dot;
        let column_1 = i;
        let lane_1 = ::matdiff::__private::band_lane::<
            f64,
            3,
            3,
        >(&element_2_bar_dot, 1, 1);
        __matdiff_window_columns_0 = ::matdiff::__private::add(
            &__matdiff_window_columns_0,
            &lane_1,
        );
        let column_2 = i + 1;
        let lane_2 = ::matdiff::__private::band_lane::<
            f64,
            3,
            3,
        >(&element_2_bar_dot, 2, 0);
        let mul_bar_dot = ::matdiff::__private::rules::sub::by_value::vjp1::<
            f64,
            _,
        >(d_bar_2_dot);
        let element_1_bar_1_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
            c,
            element_1,
            (),
            mul_bar_dot,
        );
        let element_1_bar_2_dot = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(element_1_bar_dot, element_1_bar_1_dot);
        let column_4 = i;
        let lane_4 = ::matdiff::__private::band_lane::<
            f64,
            3,
            3,
        >(&element_1_bar_2_dot, 1, 0);
        __matdiff_window_columns_0 = ::matdiff::__private::add(
            &__matdiff_window_columns_0,
            &lane_4,
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
    let mut s_1_bar = s_3_bar;
    let mut __matdiff_window_columns_0 = ::matdiff::__private::zero_element(&columns);
    let __matdiff_count_i: usize = ::core::primitive::usize::saturating_sub(end, start);
    let __matdiff_view_i_m1_x = ::matdiff::__private::loop_view(
        &x[..],
        start,
        -1,
        __matdiff_count_i,
    );
    let __matdiff_view_i_p0_x = ::matdiff::__private::loop_view(
        &x[..],
        start,
        0,
        __matdiff_count_i,
    );
    let __matdiff_view_i_p1_x = ::matdiff::__private::loop_view(
        &x[..],
        start,
        1,
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
        let i_2 = i_1 - 1;
        let element = __matdiff_view_i_m1_x[__matdiff_position_i];
        let element_dot = ::matdiff::__private::unit::<f64, [f64; 3]>(0);
        let c: f64 = 2.0;
        let element_1 = __matdiff_view_i_p0_x[__matdiff_position_i];
        let element_1_dot = ::matdiff::__private::unit::<f64, [f64; 3]>(1);
        let mul = c * element_1;
        let mul_dot = ::matdiff::__private::rules::mul::by_value::jvp1(
            c,
            element_1,
            (),
            element_1_dot,
        );
        let sub = element - mul;
        let sub_dot_1 = ::matdiff::__private::rules::sub::by_value::jvp1::<
            f64,
            _,
        >(mul_dot);
        let sub_dot_2 = ::matdiff::__private::add_pair::<f64, _>(element_dot, sub_dot_1);
        let i_3 = i_1 + 1;
        let element_2 = __matdiff_view_i_p1_x[__matdiff_position_i];
        let element_2_dot = ::matdiff::__private::unit::<f64, [f64; 3]>(2);
        let d = sub + element_2;
        let d_dot_2 = ::matdiff::__private::add_pair::<f64, _>(sub_dot_2, element_2_dot);
        let d_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
            d,
            d,
            (),
            s_1_bar,
            d_dot_2,
        );
        let d_bar_1_dot = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
            d,
            d,
            (),
            s_1_bar,
            d_dot_2,
        );
        let d_bar_2_dot = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(d_bar_dot, d_bar_1_dot);
        let element_2_bar_dot = d_bar_2_dot;
        let column_2 = i + 1;
        let lane_2 = ::matdiff::__private::band_lane::<
            f64,
            3,
            3,
        >(&element_2_bar_dot, 2, 0);
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
    ::matdiff::__private::fill_band_columns(values, 2, &*columns);
}
/// The Hessian of [`stencil`] with respect to `x` times the vector `v` (shaped like the gradient), without forming the Hessian: one forward-over-reverse sweep, a small constant times the cost of the gradient.
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
fn stencil_hvp(x: &[f64], v: &[f64]) -> ::std::vec::Vec<f64> {
    let _ = stencil;
    let (_, _, _, __matdiff_tangents) = stencil::second_order_core::<
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
struct stencil {}
#[allow(dead_code)]
impl stencil {
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
        let (__matdiff_value, _, __matdiff_slots, _) = stencil::second_order_core::<
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
        let (__matdiff_value, __matdiff_value_dot, _, _) = stencil::second_order_core::<
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
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = stencil::second_order_core::<
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
        let s: f64 = 0.0;
        let start = 1;
        let end = n - 1;
        let s_dot = ::matdiff::__private::zero_tangent::<__MatdiffD, _>(&s);
        let mut s_1 = s;
        let mut s_1_dot = s_dot;
        let __matdiff_count_i: usize = ::core::primitive::usize::saturating_sub(
            end,
            start,
        );
        let __matdiff_view_i_m1_x = ::matdiff::__private::loop_view(
            &x[..],
            start,
            -1,
            __matdiff_count_i,
        );
        let __matdiff_view_i_m1_x_dot = ::matdiff::__private::loop_view(
            &x_dot[..],
            start,
            -1,
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
        for __matdiff_position_i in (0..__matdiff_count_i) {
            let i: usize = start + __matdiff_position_i;
            let i_1 = i;
            let i_2 = i_1 - 1;
            let element = __matdiff_view_i_m1_x[__matdiff_position_i];
            let element_dot = __matdiff_view_i_m1_x_dot[__matdiff_position_i];
            let c: f64 = 2.0;
            let element_1 = __matdiff_view_i_p0_x[__matdiff_position_i];
            let element_1_dot = __matdiff_view_i_p0_x_dot[__matdiff_position_i];
            let mul = c * element_1;
            let mul_dot = ::matdiff::__private::rules::mul::by_value::jvp1(
                c,
                element_1,
                (),
                element_1_dot,
            );
            let sub = element - mul;
            let sub_dot_1 = ::matdiff::__private::rules::sub::by_value::jvp1::<
                f64,
                _,
            >(mul_dot);
            let sub_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(element_dot, sub_dot_1);
            let i_3 = i_1 + 1;
            let element_2 = __matdiff_view_i_p1_x[__matdiff_position_i];
            let element_2_dot = __matdiff_view_i_p1_x_dot[__matdiff_position_i];
            let d = sub + element_2;
            let d_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(sub_dot_2, element_2_dot);
            let mul_1 = d * d;
            let mul_1_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
                d,
                d,
                (),
                d_dot_2,
            );
            let mul_1_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
                d,
                d,
                (),
                d_dot_2,
            );
            let mul_1_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(mul_1_dot, mul_1_dot_1);
            let c_1 = 4;
            let powi = element_1.powi(c_1);
            let powi_dot = ::matdiff::__private::rules::powi::by_value::jvp0(
                element_1,
                c_1,
                powi,
                element_1_dot,
            );
            let add = mul_1 + powi;
            let add_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(mul_1_dot_2, powi_dot);
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
        let mut __matdiff_window_x_bar_2 = __matdiff_window_x_bar_0;
        let mut __matdiff_window_x_bar_low: ::core::option::Option<usize> = ::core::option::Option::None;
        let mut __matdiff_window_x_bar_dot_0 = ::matdiff::__private::zero_element(
            &x_bar_dot,
        );
        let mut __matdiff_window_x_bar_dot_1 = __matdiff_window_x_bar_dot_0;
        let mut __matdiff_window_x_bar_dot_2 = __matdiff_window_x_bar_dot_0;
        let mut __matdiff_window_x_bar_dot_low: ::core::option::Option<usize> = ::core::option::Option::None;
        let __matdiff_count_i: usize = ::core::primitive::usize::saturating_sub(
            end,
            start,
        );
        let __matdiff_view_i_m1_x = ::matdiff::__private::loop_view(
            &x[..],
            start,
            -1,
            __matdiff_count_i,
        );
        let __matdiff_view_i_m1_x_dot = ::matdiff::__private::loop_view(
            &x_dot[..],
            start,
            -1,
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
            let i_2 = i_1 - 1;
            let element = __matdiff_view_i_m1_x[__matdiff_position_i];
            let element_dot_1 = __matdiff_view_i_m1_x_dot[__matdiff_position_i];
            let c: f64 = 2.0;
            let element_1 = __matdiff_view_i_p0_x[__matdiff_position_i];
            let element_1_dot_1 = __matdiff_view_i_p0_x_dot[__matdiff_position_i];
            let mul = c * element_1;
            let mul_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
                c,
                element_1,
                (),
                element_1_dot_1,
            );
            let sub = element - mul;
            let sub_dot_4 = ::matdiff::__private::rules::sub::by_value::jvp1::<
                f64,
                _,
            >(mul_dot_1);
            let sub_dot_5 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(element_dot_1, sub_dot_4);
            let i_3 = i_1 + 1;
            let element_2 = __matdiff_view_i_p1_x[__matdiff_position_i];
            let element_2_dot_1 = __matdiff_view_i_p1_x_dot[__matdiff_position_i];
            let d = sub + element_2;
            let d_dot_5 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(sub_dot_5, element_2_dot_1);
            let c_1 = 4;
            let powi = element_1.powi(c_1);
            let element_1_bar = ::matdiff::__private::rules::powi::by_value::vjp0(
                element_1,
                c_1,
                powi,
                s_1_bar,
            );
            let element_1_bar_dot = ::matdiff::__private::rules::powi::by_value::vjp0(
                element_1,
                c_1,
                powi,
                s_1_bar_dot,
            );
            let element_1_bar_dot_1 = ::matdiff::__private::rules::powi::by_value::vjp0_jvp0(
                element_1,
                c_1,
                powi,
                s_1_bar,
                element_1_dot_1,
            );
            let element_1_bar_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(element_1_bar_dot, element_1_bar_dot_1);
            let d_bar = ::matdiff::__private::rules::mul::by_value::vjp0(
                d,
                d,
                (),
                s_1_bar,
            );
            let d_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0(
                d,
                d,
                (),
                s_1_bar_dot,
            );
            let d_bar_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
                d,
                d,
                (),
                s_1_bar,
                d_dot_5,
            );
            let d_bar_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(d_bar_dot, d_bar_dot_1);
            let d_bar_1 = ::matdiff::__private::rules::mul::by_value::vjp1(
                d,
                d,
                (),
                s_1_bar,
            );
            let d_bar_1_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
                d,
                d,
                (),
                s_1_bar_dot,
            );
            let d_bar_1_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
                d,
                d,
                (),
                s_1_bar,
                d_dot_5,
            );
            let d_bar_1_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(d_bar_1_dot, d_bar_1_dot_1);
            let d_bar_2 = ::matdiff::__private::add_pair::<f64, _>(d_bar, d_bar_1);
            let d_bar_2_dot = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(d_bar_dot_2, d_bar_1_dot_2);
            __matdiff_window_x_bar_2 = ::matdiff::__private::add(
                &__matdiff_window_x_bar_2,
                &d_bar_2,
            );
            __matdiff_window_x_bar_dot_2 = ::matdiff::__private::add(
                &__matdiff_window_x_bar_dot_2,
                &d_bar_2_dot,
            );
            let mul_bar = ::matdiff::__private::rules::sub::by_value::vjp1::<
                f64,
                _,
            >(d_bar_2);
            let mul_bar_dot = ::matdiff::__private::rules::sub::by_value::vjp1::<
                f64,
                _,
            >(d_bar_2_dot);
            let element_1_bar_1 = ::matdiff::__private::rules::mul::by_value::vjp1(
                c,
                element_1,
                (),
                mul_bar,
            );
            let element_1_bar_1_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
                c,
                element_1,
                (),
                mul_bar_dot,
            );
            let element_1_bar_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(element_1_bar, element_1_bar_1);
            let element_1_bar_2_dot = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(element_1_bar_dot_2, element_1_bar_1_dot);
            __matdiff_window_x_bar_1 = ::matdiff::__private::add(
                &__matdiff_window_x_bar_1,
                &element_1_bar_2,
            );
            __matdiff_window_x_bar_dot_1 = ::matdiff::__private::add(
                &__matdiff_window_x_bar_dot_1,
                &element_1_bar_2_dot,
            );
            __matdiff_window_x_bar_0 = ::matdiff::__private::add(
                &__matdiff_window_x_bar_0,
                &d_bar_2,
            );
            __matdiff_window_x_bar_dot_0 = ::matdiff::__private::add(
                &__matdiff_window_x_bar_dot_0,
                &d_bar_2_dot,
            );
            ::matdiff::__private::add_once(
                __matdiff_view_i_x_bar_mut,
                __matdiff_position_i,
                &__matdiff_window_x_bar_2,
            );
            __matdiff_window_x_bar_2 = __matdiff_window_x_bar_1;
            __matdiff_window_x_bar_1 = __matdiff_window_x_bar_0;
            __matdiff_window_x_bar_0 = ::matdiff::__private::zero_element(
                &*__matdiff_view_i_x_bar_mut,
            );
            __matdiff_window_x_bar_low = ::core::option::Option::Some(i_2);
            ::matdiff::__private::add_once(
                __matdiff_view_i_x_bar_dot_mut,
                __matdiff_position_i,
                &__matdiff_window_x_bar_dot_2,
            );
            __matdiff_window_x_bar_dot_2 = __matdiff_window_x_bar_dot_1;
            __matdiff_window_x_bar_dot_1 = __matdiff_window_x_bar_dot_0;
            __matdiff_window_x_bar_dot_0 = ::matdiff::__private::zero_element(
                &*__matdiff_view_i_x_bar_dot_mut,
            );
            __matdiff_window_x_bar_dot_low = ::core::option::Option::Some(i_2);
        }
        if let ::core::option::Option::Some(__matdiff_low) = __matdiff_window_x_bar_low {
            ::matdiff::__private::add_once(
                &mut x_bar,
                __matdiff_low,
                &__matdiff_window_x_bar_1,
            );
            ::matdiff::__private::add_once(
                &mut x_bar,
                __matdiff_low + 1,
                &__matdiff_window_x_bar_2,
            );
        }
        if let ::core::option::Option::Some(__matdiff_low) = __matdiff_window_x_bar_dot_low {
            ::matdiff::__private::add_once(
                &mut x_bar_dot,
                __matdiff_low,
                &__matdiff_window_x_bar_dot_1,
            );
            ::matdiff::__private::add_once(
                &mut x_bar_dot,
                __matdiff_low + 1,
                &__matdiff_window_x_bar_dot_2,
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
