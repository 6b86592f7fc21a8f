fn value_dependent_while(x: &[f64]) -> f64 {
    let mut t = 0.0;
    let mut k = 0;
    while k < x.len() && t < 2.0 {
        t += x[k] * x[k] + 0.1;
        k += 1;
    }
    t * x[0] + k as f64
}
/// The gradient of [`value_dependent_while`] with respect to `x`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn value_dependent_while_grad(x: &[f64]) -> ::std::vec::Vec<f64> {
    let _ = value_dependent_while;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = value_dependent_while::second_order_core::<
        [f64; 0],
        false,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, ::std::vec::Vec::new(), ::std::vec::Vec::new());
    __matdiff_slots.0
}
/// The value of [`value_dependent_while`] and its gradient with respect to `x`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn value_dependent_while_value_and_grad(x: &[f64]) -> (f64, ::std::vec::Vec<f64>) {
    let _ = value_dependent_while;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = value_dependent_while::second_order_core::<
        [f64; 0],
        true,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, ::std::vec::Vec::new(), ::std::vec::Vec::new());
    (__matdiff_value, __matdiff_slots.0)
}
/// The gradient of [`value_dependent_while`] with respect to `x`, written into `grad_x` (one entry per element of its argument, overwritten; a buffer of another length panics). Allocates nothing for the gradient: only the tapes of loops whose reverse sweep needs saved values, if any. Computed by reverse-mode differentiation generated at compile time.
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
fn value_dependent_while_grad_into(x: &[f64], grad_x: &mut [f64]) {
    let _ = value_dependent_while;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = value_dependent_while::second_order_core::<
        [f64; 0],
        false,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, &mut *grad_x, ::std::vec::Vec::new());
}
/// The value of [`value_dependent_while`] and its gradient with respect to `x`, written into `grad_x` (one entry per element of its argument, overwritten; a buffer of another length panics). Allocates nothing for the gradient: only the tapes of loops whose reverse sweep needs saved values, if any. Computed by reverse-mode differentiation generated at compile time.
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
fn value_dependent_while_value_and_grad_into(x: &[f64], grad_x: &mut [f64]) -> f64 {
    let _ = value_dependent_while;
    let __matdiff_no_tangent0: ::std::vec::Vec<[f64; 0]> = ::std::vec![[]; x.len()];
    let (__matdiff_value, _, __matdiff_slots, _) = value_dependent_while::second_order_core::<
        [f64; 0],
        true,
        true,
        _,
        _,
        _,
    >(x, __matdiff_no_tangent0, &mut *grad_x, ::std::vec::Vec::new());
    __matdiff_value
}
/// The Hessian of [`value_dependent_while`] with respect to `x` (all their scalars, in argument order): `H[i][j]` is the second derivative in the i-th and j-th of them. Computed by forward-over-reverse sweeps generated at compile time.
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
fn value_dependent_while_hessian(x: &[f64]) -> ::std::vec::Vec<::std::vec::Vec<f64>> {
    let _ = value_dependent_while;
    let __matdiff_total: usize = (0usize + x.len());
    let __matdiff_rows: usize = __matdiff_total;
    let mut __matdiff_matrix = ::std::vec![
        ::std::vec![0.0; __matdiff_total]; __matdiff_rows
    ];
    let mut __matdiff_first: usize = 0;
    while __matdiff_first < __matdiff_total {
        let (_, _, _, __matdiff_tangents) = value_dependent_while::second_order_sweep(
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
/// The Hessian of [`value_dependent_while`] with respect to `x` times the vector `v` (shaped like the gradient), without forming the Hessian: one forward-over-reverse sweep, a small constant times the cost of the gradient.
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
fn value_dependent_while_hvp(x: &[f64], v: &[f64]) -> ::std::vec::Vec<f64> {
    let _ = value_dependent_while;
    let (_, _, _, __matdiff_tangents) = value_dependent_while::second_order_core::<
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
struct value_dependent_while {}
#[allow(dead_code)]
impl value_dependent_while {
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
        let (__matdiff_value, _, __matdiff_slots, _) = value_dependent_while::second_order_core::<
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
        let (__matdiff_value, __matdiff_value_dot, _, _) = value_dependent_while::second_order_core::<
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
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = value_dependent_while::second_order_core::<
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
        let t: f64 = 0.0;
        let k = 0;
        let mut tape = ::std::vec::Vec::new();
        let t_dot = ::matdiff::__private::zero_tangent::<__MatdiffD, _>(&t);
        let mut count: usize = 0;
        let mut t_1 = t;
        let mut k_1 = k;
        let mut t_1_dot = t_dot;
        loop {
            let cond = k_1 < x.len() && t_1 < 2.0;
            if !cond {
                break;
            }
            {
                let element = x[k_1];
                let element_dot = x_dot[k_1];
                let mul = element * element;
                let mul_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
                    element,
                    element,
                    (),
                    element_dot,
                );
                let mul_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
                    element,
                    element,
                    (),
                    element_dot,
                );
                let mul_dot_2 = ::matdiff::__private::add_pair::<
                    f64,
                    _,
                >(mul_dot, mul_dot_1);
                let c: f64 = 0.1;
                let add = mul + c;
                let t_2 = t_1 + add;
                let t_2_dot_2 = ::matdiff::__private::add_pair::<
                    f64,
                    _,
                >(t_1_dot, mul_dot_2);
                let c_1 = 1;
                let k_2 = k_1 + c_1;
                if __MATDIFF_REVERSE {
                    tape.push((k_1,));
                }
                t_1 = t_2;
                k_1 = k_2;
                t_1_dot = t_2_dot_2;
                count += 1;
            }
        }
        let mut k_3 = k_1;
        let i = 0;
        let element_1 = x[i];
        let element_1_dot = x_dot[i];
        let mul_1 = t_1 * element_1;
        let mul_1_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
            t_1,
            element_1,
            (),
            t_1_dot,
        );
        let mul_1_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
            t_1,
            element_1,
            (),
            element_1_dot,
        );
        let mul_1_dot_2 = ::matdiff::__private::add_pair::<
            f64,
            _,
        >(mul_1_dot, mul_1_dot_1);
        let c_2 = k_3 as f64;
        let add_1 = mul_1 + c_2;
        let add_1_dot = mul_1_dot_2;
        let _: () = if !__MATDIFF_REVERSE {
            return (
                add_1,
                add_1_dot,
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
        let add_1_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let t_3_bar = ::matdiff::__private::rules::mul::by_value::vjp0(
            t_1,
            element_1,
            (),
            add_1_bar,
        );
        let t_3_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
            t_1,
            element_1,
            (),
            add_1_bar,
            element_1_dot,
        );
        let element_1_bar = ::matdiff::__private::rules::mul::by_value::vjp1(
            t_1,
            element_1,
            (),
            add_1_bar,
        );
        let element_1_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
            t_1,
            element_1,
            (),
            add_1_bar,
            t_1_dot,
        );
        ::matdiff::__private::add_at(&mut x_bar, i, &element_1_bar);
        ::matdiff::__private::add_at(&mut x_bar_dot, i, &element_1_bar_dot);
        let mut t_1_bar = t_3_bar;
        let mut t_1_bar_dot = t_3_bar_dot;
        for k_4 in (0..count).rev() {
            let (mut k_1,) = ::matdiff::__private::pop(&mut tape);
            let element = x[k_1];
            let element_dot_1 = x_dot[k_1];
            let element_bar = ::matdiff::__private::rules::mul::by_value::vjp0(
                element,
                element,
                (),
                t_1_bar,
            );
            let element_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0(
                element,
                element,
                (),
                t_1_bar_dot,
            );
            let element_bar_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
                element,
                element,
                (),
                t_1_bar,
                element_dot_1,
            );
            let element_bar_dot_2 = ::matdiff::__private::add_pair::<
                f64,
                _,
            >(element_bar_dot, element_bar_dot_1);
            let element_bar_1 = ::matdiff::__private::rules::mul::by_value::vjp1(
                element,
                element,
                (),
                t_1_bar,
            );
            let element_bar_1_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
                element,
                element,
                (),
                t_1_bar_dot,
            );
            let element_bar_1_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
                element,
                element,
                (),
                t_1_bar,
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
            ::matdiff::__private::add_at(&mut x_bar, k_1, &element_bar_2);
            ::matdiff::__private::add_at(&mut x_bar_dot, k_1, &element_bar_2_dot);
        }
        let (__matdiff_value, __matdiff_value_dot) = if __MATDIFF_VALUE {
            (add_1, add_1_dot)
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
        value_dependent_while::second_order_core::<
            _,
            false,
            true,
            _,
            _,
            _,
        >(x, __matdiff_tangent0, ::std::vec::Vec::new(), ::std::vec::Vec::new())
    }
}
