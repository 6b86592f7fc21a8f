fn inner_sum(x: &[f64]) -> f64 {
    x.iter().map(|v| v * v * v).sum::<f64>()
}
/// The gradient of [`inner_sum`] with respect to `x`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn inner_sum_grad(x: &[f64]) -> ::std::vec::Vec<f64> {
    let _ = inner_sum;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = inner_sum::second_order_core::<
        [f64; 0],
        false,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, ::std::vec::Vec::new(), ::std::vec::Vec::new());
    __matdiff_slots.0
}
/// The value of [`inner_sum`] and its gradient with respect to `x`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn inner_sum_value_and_grad(x: &[f64]) -> (f64, ::std::vec::Vec<f64>) {
    let _ = inner_sum;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = inner_sum::second_order_core::<
        [f64; 0],
        true,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, ::std::vec::Vec::new(), ::std::vec::Vec::new());
    (__matdiff_value, __matdiff_slots.0)
}
/// The gradient of [`inner_sum`] with respect to `x`, written into `grad_x` (one entry per element of its argument, overwritten; a buffer of another length panics). Allocates nothing for the gradient: only the tapes of loops whose reverse sweep needs saved values, if any. Computed by reverse-mode differentiation generated at compile time.
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
fn inner_sum_grad_into(x: &[f64], grad_x: &mut [f64]) {
    let _ = inner_sum;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = inner_sum::second_order_core::<
        [f64; 0],
        false,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, &mut *grad_x, ::std::vec::Vec::new());
}
/// The value of [`inner_sum`] and its gradient with respect to `x`, written into `grad_x` (one entry per element of its argument, overwritten; a buffer of another length panics). Allocates nothing for the gradient: only the tapes of loops whose reverse sweep needs saved values, if any. Computed by reverse-mode differentiation generated at compile time.
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
fn inner_sum_value_and_grad_into(x: &[f64], grad_x: &mut [f64]) -> f64 {
    let _ = inner_sum;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = inner_sum::second_order_core::<
        [f64; 0],
        true,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, &mut *grad_x, ::std::vec::Vec::new());
    __matdiff_value
}
/// The Hessian of [`inner_sum`] with respect to `x` (all its scalars): `H[i][j]` is the second derivative in the i-th and j-th of them. Its band (bandwidth 0) was read from the loops' index offsets; the entries off the band are zero. Computed at compile time as the sum of each loop iteration's small Hessian in the elements it reads, added into the band.
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
fn inner_sum_hessian(x: &[f64]) -> ::std::vec::Vec<::std::vec::Vec<f64>> {
    let _ = inner_sum;
    let __matdiff_total: usize = (0usize + x.len());
    let __matdiff_rows: usize = __matdiff_total;
    let mut __matdiff_matrix = ::std::vec![
        ::std::vec![0.0; __matdiff_total]; __matdiff_rows
    ];
    let mut __matdiff_values: ::std::vec::Vec<f64> = ::std::vec![
        0.0; ::matdiff::__private::banded_len(__matdiff_total, 0)
    ];
    let mut __matdiff_workspace = <::matdiff::__private::SparseHessianWorkspace<
        f64,
        1,
    > as ::core::default::Default>::default();
    inner_sum_hessian_sparse_into(
        x,
        &mut __matdiff_values[..],
        &mut __matdiff_workspace,
    );
    ::matdiff::__private::scatter_band_values(
        &mut __matdiff_matrix[..],
        0,
        &__matdiff_values,
    );
    __matdiff_matrix
}
/// The lower triangle of the Hessian of [`inner_sum`] with respect to `x`, whose band (bandwidth 0) was read from the loops' index offsets: every entry `(j, k)` with `k <= j <= k + 0`, column by column (compressed sparse column order; `column_pointers` gives the column starts). The pattern depends only on the number of inputs: refill the values for new inputs with [`inner_sum_hessian_sparse_into`]. Computed at compile time as the sum of each loop iteration's small Hessian in the elements it reads, added into the band.
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
fn inner_sum_hessian_sparse(x: &[f64]) -> ::matdiff::__private::SparseHessian<f64> {
    let _ = inner_sum;
    let __matdiff_total: usize = (0usize + x.len());
    let mut __matdiff_hessian = <::matdiff::__private::SparseHessian<
        f64,
    >>::banded(__matdiff_total, 0);
    let mut __matdiff_workspace = <::matdiff::__private::SparseHessianWorkspace<
        f64,
        1,
    > as ::core::default::Default>::default();
    inner_sum_hessian_sparse_into(
        x,
        &mut __matdiff_hessian.values[..],
        &mut __matdiff_workspace,
    );
    __matdiff_hessian
}
/// Writes into `values` the values of the lower triangle of the Hessian of [`inner_sum`], in the order of the pattern [`inner_sum_hessian_sparse`] returns for inputs of this length (which depends only on the length). Panics if `values` has another length. The band's buffer lives in `workspace` (start from `SparseHessianWorkspace::default()` and keep it): called again with as many inputs, this allocates nothing. Computed at compile time as the sum of each loop iteration's small Hessian in the elements it reads, added into the band.
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
fn inner_sum_hessian_sparse_into(
    x: &[f64],
    values: &mut [f64],
    workspace: &mut ::matdiff::__private::SparseHessianWorkspace<f64, 1>,
) {
    let _ = inner_sum;
    let mut columns = ::matdiff::__private::SparseHessianWorkspace::element_columns::<
        1,
    >(workspace, x.len());
    let start = 0usize;
    let end = x.len();
    let sum_3_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let mut sum_1_bar = sum_3_bar;
    let mut __matdiff_window_columns_0 = ::matdiff::__private::zero_element(&columns);
    let __matdiff_count_k: usize = ::core::primitive::usize::saturating_sub(end, start);
    let __matdiff_view_k_p0_x = ::matdiff::__private::loop_view(
        &x[..],
        start,
        0,
        __matdiff_count_k,
    );
    let __matdiff_view_k_columns_mut = ::matdiff::__private::loop_view_mut(
        &mut columns[..],
        start,
        0,
        __matdiff_count_k,
    );
    for __matdiff_position_k in (0..__matdiff_count_k) {
        let k: usize = start + __matdiff_position_k;
        let v = __matdiff_view_k_p0_x[__matdiff_position_k];
        let v_dot = ::matdiff::__private::unit::<f64, [f64; 1]>(0);
        let mul = v * v;
        let mul_dot = ::matdiff::__private::rules::mul::by_value::jvp0(v, v, (), v_dot);
        let mul_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
            v,
            v,
            (),
            v_dot,
        );
        let mul_dot_2 = ::matdiff::__private::add_pair::<f64, _>(mul_dot, mul_dot_1);
        let mul_bar = ::matdiff::__private::rules::mul::by_value::vjp0(
            mul,
            v,
            (),
            sum_1_bar,
        );
        let mul_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
            mul,
            v,
            (),
            sum_1_bar,
            v_dot,
        );
        let v_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
            mul,
            v,
            (),
            sum_1_bar,
            mul_dot_2,
        );
        let v_bar_1_dot = ::matdiff::__private::rules::mul::by_value::vjp0(
            v,
            v,
            (),
            mul_bar_dot,
        );
        let v_bar_1_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
            v,
            v,
            (),
            mul_bar,
            v_dot,
        );
        let v_bar_1_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(v_bar_1_dot, v_bar_1_dot_1);
        let v_bar_2_dot = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(v_bar_dot, v_bar_1_dot_2);
        let v_bar_3_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
            v,
            v,
            (),
            mul_bar_dot,
        );
        let v_bar_3_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
            v,
            v,
            (),
            mul_bar,
            v_dot,
        );
        let v_bar_3_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(v_bar_3_dot, v_bar_3_dot_1);
        let v_bar_4_dot = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(v_bar_2_dot, v_bar_3_dot_2);
        let column = k;
        let lane = ::matdiff::__private::band_lane::<f64, 1, 1>(&v_bar_4_dot, 0, 0);
        __matdiff_window_columns_0 = ::matdiff::__private::add(
            &__matdiff_window_columns_0,
            &lane,
        );
        ::matdiff::__private::add_once(
            __matdiff_view_k_columns_mut,
            __matdiff_position_k,
            &__matdiff_window_columns_0,
        );
        __matdiff_window_columns_0 = ::matdiff::__private::zero_element(
            &*__matdiff_view_k_columns_mut,
        );
    }
    ::matdiff::__private::fill_band_columns(values, 0, &*columns);
}
/// The Hessian of [`inner_sum`] with respect to `x` times the vector `v_1` (shaped like the gradient), without forming the Hessian: one forward-over-reverse sweep, a small constant times the cost of the gradient.
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
fn inner_sum_hvp(x: &[f64], v_1: &[f64]) -> ::std::vec::Vec<f64> {
    let _ = inner_sum;
    let (_, _, _, __matdiff_tangents) = inner_sum::second_order_core::<
        _,
        false,
        true,
        _,
        _,
        _,
    >(x, v_1.to_vec(), ::std::vec::Vec::new(), ::std::vec::Vec::new());
    __matdiff_tangents.0
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
struct inner_sum {}
#[allow(dead_code)]
impl inner_sum {
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
        let (__matdiff_value, _, __matdiff_slots, _) = inner_sum::second_order_core::<
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
        let (__matdiff_value, __matdiff_value_dot, _, _) = inner_sum::second_order_core::<
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
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = inner_sum::second_order_core::<
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
        let start = 0usize;
        let end = x.len();
        let sum: f64 = -0.0;
        let sum_dot = ::matdiff::__private::zero_tangent::<__MatdiffD, _>(&sum);
        let mut sum_1 = sum;
        let mut sum_1_dot = sum_dot;
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
            let v = __matdiff_view_k_p0_x[__matdiff_position_k];
            let v_dot = __matdiff_view_k_p0_x_dot[__matdiff_position_k];
            let mul = v * v;
            let mul_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
                v,
                v,
                (),
                v_dot,
            );
            let mul_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
                v,
                v,
                (),
                v_dot,
            );
            let mul_dot_2 = ::matdiff::__private::add_pair::<f64, _>(mul_dot, mul_dot_1);
            let mul_1 = mul * v;
            let mul_1_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
                mul,
                v,
                (),
                mul_dot_2,
            );
            let mul_1_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
                mul,
                v,
                (),
                v_dot,
            );
            let mul_1_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(mul_1_dot, mul_1_dot_1);
            let sum_2 = sum_1 + mul_1;
            let sum_2_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(sum_1_dot, mul_1_dot_2);
            sum_1 = sum_2;
            sum_1_dot = sum_2_dot_2;
        }
        let sum_3 = sum_1;
        let sum_3_dot = sum_1_dot;
        let _: () = if !__MATDIFF_REVERSE {
            return (
                sum_3,
                sum_3_dot,
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
        let sum_3_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let sum_3_bar_dot = ::matdiff::__private::zero_tangent::<
            __MatdiffD,
            _,
        >(&sum_3_bar);
        let mut sum_1_bar = sum_3_bar;
        let mut sum_1_bar_dot = sum_3_bar_dot;
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
            let v = __matdiff_view_k_p0_x[__matdiff_position_k];
            let v_dot_1 = __matdiff_view_k_p0_x_dot[__matdiff_position_k];
            let mul = v * v;
            let mul_dot_3 = ::matdiff::__private::rules::mul::by_value::jvp0(
                v,
                v,
                (),
                v_dot_1,
            );
            let mul_dot_4 = ::matdiff::__private::rules::mul::by_value::jvp1(
                v,
                v,
                (),
                v_dot_1,
            );
            let mul_dot_5 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(mul_dot_3, mul_dot_4);
            let mul_bar = ::matdiff::__private::rules::mul::by_value::vjp0(
                mul,
                v,
                (),
                sum_1_bar,
            );
            let mul_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0(
                mul,
                v,
                (),
                sum_1_bar_dot,
            );
            let mul_bar_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
                mul,
                v,
                (),
                sum_1_bar,
                v_dot_1,
            );
            let mul_bar_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(mul_bar_dot, mul_bar_dot_1);
            let v_bar = ::matdiff::__private::rules::mul::by_value::vjp1(
                mul,
                v,
                (),
                sum_1_bar,
            );
            let v_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
                mul,
                v,
                (),
                sum_1_bar_dot,
            );
            let v_bar_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
                mul,
                v,
                (),
                sum_1_bar,
                mul_dot_5,
            );
            let v_bar_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(v_bar_dot, v_bar_dot_1);
            let v_bar_1 = ::matdiff::__private::rules::mul::by_value::vjp0(
                v,
                v,
                (),
                mul_bar,
            );
            let v_bar_1_dot = ::matdiff::__private::rules::mul::by_value::vjp0(
                v,
                v,
                (),
                mul_bar_dot_2,
            );
            let v_bar_1_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
                v,
                v,
                (),
                mul_bar,
                v_dot_1,
            );
            let v_bar_1_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(v_bar_1_dot, v_bar_1_dot_1);
            let v_bar_2 = ::matdiff::__private::add_pair::<f64, _>(v_bar, v_bar_1);
            let v_bar_2_dot = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(v_bar_dot_2, v_bar_1_dot_2);
            let v_bar_3 = ::matdiff::__private::rules::mul::by_value::vjp1(
                v,
                v,
                (),
                mul_bar,
            );
            let v_bar_3_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
                v,
                v,
                (),
                mul_bar_dot_2,
            );
            let v_bar_3_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
                v,
                v,
                (),
                mul_bar,
                v_dot_1,
            );
            let v_bar_3_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(v_bar_3_dot, v_bar_3_dot_1);
            let v_bar_4 = ::matdiff::__private::add_pair::<f64, _>(v_bar_2, v_bar_3);
            let v_bar_4_dot = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(v_bar_2_dot, v_bar_3_dot_2);
            __matdiff_window_x_bar_0 = ::matdiff::__private::add(
                &__matdiff_window_x_bar_0,
                &v_bar_4,
            );
            __matdiff_window_x_bar_dot_0 = ::matdiff::__private::add(
                &__matdiff_window_x_bar_dot_0,
                &v_bar_4_dot,
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
            (sum_3, sum_3_dot)
        } else {
            (
                <f64 as ::matdiff::__private::Scalar>::of(0.0),
                <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
            )
        };
        (__matdiff_value, __matdiff_value_dot, (x_bar,), (x_bar_dot,))
    }
}
