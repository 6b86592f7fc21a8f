fn damped<T: Float>(x: &[T], c: T) -> T {
    let mut s = T::zero();
    for i in 0..x.len() {
        s = s + (x[i] * c).sin() / T::from(i + 1).unwrap();
    }
    s
}
/// The gradient of [`damped`] with respect to `x`, `c`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn damped_grad<T: Float>(x: &[T], c: T) -> (::std::vec::Vec<T>, T)
where
    T: ::matdiff::Real,
{
    let _ = damped::<T>;
    let __matdiff_no_tangent0: ::std::vec::Vec<[T; 0]> = ::std::vec![[]; x.len()];
    let __matdiff_no_tangent1: [T; 0] = [];
    let (__matdiff_value, _, __matdiff_slots, _) = damped::second_order_core::<
        T,
        [T; 0],
        false,
        true,
        _,
        _,
        _,
    >(
        x,
        c,
        __matdiff_no_tangent0,
        __matdiff_no_tangent1,
        ::std::vec::Vec::new(),
        ::std::vec::Vec::new(),
    );
    (__matdiff_slots.0, __matdiff_slots.1)
}
/// The value of [`damped`] and its gradient with respect to `x`, `c`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn damped_value_and_grad<T: Float>(x: &[T], c: T) -> (T, (::std::vec::Vec<T>, T))
where
    T: ::matdiff::Real,
{
    let _ = damped::<T>;
    let __matdiff_no_tangent0: ::std::vec::Vec<[T; 0]> = ::std::vec![[]; x.len()];
    let __matdiff_no_tangent1: [T; 0] = [];
    let (__matdiff_value, _, __matdiff_slots, _) = damped::second_order_core::<
        T,
        [T; 0],
        true,
        true,
        _,
        _,
        _,
    >(
        x,
        c,
        __matdiff_no_tangent0,
        __matdiff_no_tangent1,
        ::std::vec::Vec::new(),
        ::std::vec::Vec::new(),
    );
    (__matdiff_value, (__matdiff_slots.0, __matdiff_slots.1))
}
/// The Hessian of [`damped`] with respect to `x`, `c` (all their scalars, in argument order): `H[i][j]` is the second derivative in the i-th and j-th of them. Computed by forward-over-reverse sweeps generated at compile time.
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
fn damped_hessian<T: Float>(x: &[T], c: T) -> ::std::vec::Vec<::std::vec::Vec<T>>
where
    T: ::matdiff::Real,
{
    let _ = damped::<T>;
    let __matdiff_total: usize = (0usize + x.len() + 1usize);
    let __matdiff_rows: usize = __matdiff_total;
    let mut __matdiff_matrix = ::std::vec![
        ::std::vec![< T as ::matdiff::__private::Scalar > ::of(0.0); __matdiff_total];
        __matdiff_rows
    ];
    let mut __matdiff_first: usize = 0;
    while __matdiff_first < __matdiff_total {
        let (_, _, _, __matdiff_tangents) = damped::second_order_sweep(
            x,
            c,
            ::matdiff::__private::seed_vec::<
                T,
                [T; 8],
            >(x.len(), 0usize, __matdiff_first),
            ::matdiff::__private::seed::<T, [T; 8]>(0usize + x.len(), __matdiff_first),
        );
        ::matdiff::__private::scatter_rows(
            &mut __matdiff_matrix[0usize..0usize + x.len()],
            __matdiff_first,
            &__matdiff_tangents.0,
        );
        ::matdiff::__private::scatter_row(
            &mut __matdiff_matrix[0usize + x.len()],
            __matdiff_first,
            &__matdiff_tangents.1,
        );
        __matdiff_first += 8;
    }
    __matdiff_matrix
}
/// The Hessian of [`damped`] with respect to `x`, `c` times the vector `v` (shaped like the gradient), without forming the Hessian: one forward-over-reverse sweep, a small constant times the cost of the gradient.
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
fn damped_hvp<T: Float>(x: &[T], c: T, v: (&[T], T)) -> (::std::vec::Vec<T>, T)
where
    T: ::matdiff::Real,
{
    let _ = damped::<T>;
    let (_, _, _, __matdiff_tangents) = damped::second_order_core::<
        T,
        _,
        false,
        true,
        _,
        _,
        _,
    >(x, c, v.0.to_vec(), v.1, ::std::vec::Vec::new(), ::std::vec::Vec::new());
    (__matdiff_tangents.0, __matdiff_tangents.1)
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
struct damped {}
#[allow(dead_code)]
impl damped {
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
    pub fn vjp<T: Float>(x: &[T], c: T, out_bar: T) -> (T, (::std::vec::Vec<T>, T))
    where
        T: ::matdiff::Real,
    {
        let __matdiff_no_tangent0: ::std::vec::Vec<[T; 0]> = ::std::vec![[]; x.len()];
        let __matdiff_no_tangent1: [T; 0] = [];
        let (__matdiff_value, _, __matdiff_slots, _) = damped::second_order_core::<
            T,
            [T; 0],
            true,
            true,
            _,
            _,
            _,
        >(
            x,
            c,
            __matdiff_no_tangent0,
            __matdiff_no_tangent1,
            ::std::vec::Vec::new(),
            ::std::vec::Vec::new(),
        );
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
    pub fn jvp<T: Float, __MatdiffD: ::matdiff::__private::Directions<T>>(
        x: &[T],
        c: T,
        tangents: (
            ::core::option::Option<&[__MatdiffD]>,
            ::core::option::Option<__MatdiffD>,
        ),
    ) -> (T, __MatdiffD)
    where
        T: ::matdiff::Real,
    {
        let mut x_dot = ::matdiff::__private::tangent_or_zero_vec::<
            T,
            __MatdiffD,
        >(tangents.0, x.len());
        let c_dot = ::matdiff::__private::tangent_or_zero::<T, __MatdiffD>(tangents.1);
        let (__matdiff_value, __matdiff_value_dot, _, _) = damped::second_order_core::<
            T,
            _,
            true,
            false,
            _,
            _,
            _,
        >(x, c, x_dot, c_dot, ::std::vec::Vec::new(), ::std::vec::Vec::new());
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
    pub fn vjp_jvp<T: Float, __MatdiffD: ::matdiff::__private::Directions<T>>(
        x: &[T],
        c: T,
        tangents: (
            ::core::option::Option<&[__MatdiffD]>,
            ::core::option::Option<__MatdiffD>,
        ),
        out_bar: T,
        out_bar_dot: ::core::option::Option<__MatdiffD>,
    ) -> (
        T,
        __MatdiffD,
        (::std::vec::Vec<T>, T),
        (::std::vec::Vec<__MatdiffD>, __MatdiffD),
    )
    where
        T: ::matdiff::Real,
    {
        let mut x_dot = ::matdiff::__private::tangent_or_zero_vec::<
            T,
            __MatdiffD,
        >(tangents.0, x.len());
        let c_dot = ::matdiff::__private::tangent_or_zero::<T, __MatdiffD>(tangents.1);
        let out_bar_dot = ::matdiff::__private::tangent_or_zero::<
            T,
            __MatdiffD,
        >(out_bar_dot);
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = damped::second_order_core::<
            T,
            _,
            true,
            true,
            _,
            _,
            _,
        >(x, c, x_dot, c_dot, ::std::vec::Vec::new(), ::std::vec::Vec::new());
        let __matdiff_dots = (
            ::matdiff::__private::reseed_vec(
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
        T: Float,
        __MatdiffD: ::matdiff::__private::Directions<T>,
        const __MATDIFF_VALUE: bool,
        const __MATDIFF_REVERSE: bool,
        __MatdiffS0: ::matdiff::__private::CotangentStorage<T>,
        __MatdiffR0: ::matdiff::__private::TangentStorage<T, __MatdiffD>,
        __MatdiffT0: ::core::ops::Deref<Target = [__MatdiffD]>
            + ::matdiff::__private::TangentCopy<Owned = ::std::vec::Vec<__MatdiffD>>,
    >(
        x: &[T],
        c: T,
        x_dot: __MatdiffT0,
        mut c_dot: __MatdiffD,
        mut __matdiff_storage0: __MatdiffS0,
        mut __matdiff_tangent_storage0: __MatdiffR0,
    ) -> (T, __MatdiffD, (__MatdiffS0, T), (__MatdiffR0, __MatdiffD))
    where
        T: ::matdiff::Real,
    {
        let s = T::zero();
        let start = 0;
        let end = x.len();
        let s_dot = <__MatdiffD as ::matdiff::__private::Directions<_>>::zero();
        let mut s_1 = s;
        let mut s_1_dot = s_dot;
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
            let element = __matdiff_view_i_p0_x[__matdiff_position_i];
            let element_dot = __matdiff_view_i_p0_x_dot[__matdiff_position_i];
            let mul = element * c;
            let mul_dot = ::matdiff::__private::rules::mul::by_value::jvp0(
                element,
                c,
                (),
                element_dot,
            );
            let mul_dot_1 = ::matdiff::__private::rules::mul::by_value::jvp1(
                element,
                c,
                (),
                c_dot,
            );
            let mul_dot_2 = ::matdiff::__private::add_pair::<T, _>(mul_dot, mul_dot_1);
            let sin = mul.sin();
            let sin_dot = ::matdiff::__private::rules::sin::by_value::jvp0(
                mul,
                sin,
                mul_dot_2,
            );
            let c_1 = T::from(i_1 + 1).unwrap();
            let div = sin / c_1;
            let div_dot = ::matdiff::__private::rules::div::by_value::jvp0(
                sin,
                c_1,
                div,
                sin_dot,
            );
            let s_2 = s_1 + div;
            let s_2_dot_2 = ::matdiff::__private::add_pair::<T, _>(s_1_dot, div_dot);
            s_1 = s_2;
            s_1_dot = s_2_dot_2;
        }
        let s_3 = s_1;
        let s_3_dot = s_1_dot;
        let _: () = if !__MATDIFF_REVERSE {
            return (
                s_3,
                s_3_dot,
                (__matdiff_storage0, <T as ::matdiff::__private::Scalar>::of(0.0)),
                (
                    __matdiff_tangent_storage0,
                    <__MatdiffD as ::matdiff::__private::Directions<T>>::zero(),
                ),
            );
        };
        let mut x_bar = ::matdiff::__private::CotangentStorage::zeroed(
            __matdiff_storage0,
            x.len(),
        );
        let mut x_bar_dot = ::matdiff::__private::TangentStorage::<
            T,
            __MatdiffD,
        >::zeroed(__matdiff_tangent_storage0, x.len());
        let s_3_bar = <T as ::matdiff::__private::Scalar>::of(1.0);
        let c_bar = ::matdiff::__private::zero_like(&c);
        let s_3_bar_dot = <__MatdiffD as ::matdiff::__private::Directions<_>>::zero();
        let c_bar_dot = <__MatdiffD as ::matdiff::__private::Directions<_>>::zero();
        let mut s_1_bar = s_3_bar;
        let mut c_bar_1 = c_bar;
        let mut s_1_bar_dot = s_3_bar_dot;
        let mut c_bar_1_dot = c_bar_dot;
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
        let __matdiff_view_i_p0_x_dot = ::matdiff::__private::loop_view(
            &x_dot[..],
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
            let element = __matdiff_view_i_p0_x[__matdiff_position_i];
            let element_dot_1 = __matdiff_view_i_p0_x_dot[__matdiff_position_i];
            let mul = element * c;
            let mul_dot_3 = ::matdiff::__private::rules::mul::by_value::jvp0(
                element,
                c,
                (),
                element_dot_1,
            );
            let mul_dot_4 = ::matdiff::__private::rules::mul::by_value::jvp1(
                element,
                c,
                (),
                c_dot,
            );
            let mul_dot_5 = ::matdiff::__private::add_pair::<T, _>(mul_dot_3, mul_dot_4);
            let sin = mul.sin();
            let c_1 = T::from(i_1 + 1).unwrap();
            let div = sin / c_1;
            let sin_bar = ::matdiff::__private::rules::div::by_value::vjp0(
                sin,
                c_1,
                div,
                s_1_bar,
            );
            let sin_bar_dot = ::matdiff::__private::rules::div::by_value::vjp0(
                sin,
                c_1,
                div,
                s_1_bar_dot,
            );
            let mul_bar = ::matdiff::__private::rules::sin::by_value::vjp0(
                mul,
                sin,
                sin_bar,
            );
            let mul_bar_dot = ::matdiff::__private::rules::sin::by_value::vjp0(
                mul,
                sin,
                sin_bar_dot,
            );
            let mul_bar_dot_1 = ::matdiff::__private::rules::sin::by_value::vjp0_jvp0(
                mul,
                sin,
                sin_bar,
                mul_dot_5,
            );
            let mul_bar_dot_2 = ::matdiff::__private::add_pair::<
                T,
                _,
            >(mul_bar_dot, mul_bar_dot_1);
            let element_bar = ::matdiff::__private::rules::mul::by_value::vjp0(
                element,
                c,
                (),
                mul_bar,
            );
            let element_bar_dot = ::matdiff::__private::rules::mul::by_value::vjp0(
                element,
                c,
                (),
                mul_bar_dot_2,
            );
            let element_bar_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp0_jvp1(
                element,
                c,
                (),
                mul_bar,
                c_dot,
            );
            let element_bar_dot_2 = ::matdiff::__private::add_pair::<
                T,
                _,
            >(element_bar_dot, element_bar_dot_1);
            let c_bar_2 = ::matdiff::__private::rules::mul::by_value::vjp1(
                element,
                c,
                (),
                mul_bar,
            );
            let c_bar_2_dot = ::matdiff::__private::rules::mul::by_value::vjp1(
                element,
                c,
                (),
                mul_bar_dot_2,
            );
            let c_bar_2_dot_1 = ::matdiff::__private::rules::mul::by_value::vjp1_jvp0(
                element,
                c,
                (),
                mul_bar,
                element_dot_1,
            );
            let c_bar_2_dot_2 = ::matdiff::__private::add_pair::<
                T,
                _,
            >(c_bar_2_dot, c_bar_2_dot_1);
            let c_bar_3 = ::matdiff::__private::add_pair::<T, _>(c_bar_1, c_bar_2);
            let c_bar_3_dot = ::matdiff::__private::add_pair::<
                T,
                _,
            >(c_bar_1_dot, c_bar_2_dot_2);
            __matdiff_window_x_bar_0 = ::matdiff::__private::add(
                &__matdiff_window_x_bar_0,
                &element_bar,
            );
            __matdiff_window_x_bar_dot_0 = ::matdiff::__private::add(
                &__matdiff_window_x_bar_dot_0,
                &element_bar_dot_2,
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
            c_bar_1 = c_bar_3;
            c_bar_1_dot = c_bar_3_dot;
        }
        let c_bar_1_ = c_bar_1;
        let c_bar_1__dot = c_bar_1_dot;
        let (__matdiff_value, __matdiff_value_dot) = if __MATDIFF_VALUE {
            (s_3, s_3_dot)
        } else {
            (
                <T as ::matdiff::__private::Scalar>::of(0.0),
                <__MatdiffD as ::matdiff::__private::Directions<T>>::zero(),
            )
        };
        (
            __matdiff_value,
            __matdiff_value_dot,
            (x_bar, c_bar_1_),
            (x_bar_dot, c_bar_1__dot),
        )
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
    pub fn second_order_sweep<T: Float, __MatdiffD: ::matdiff::__private::Directions<T>>(
        x: &[T],
        c: T,
        __matdiff_tangent0: ::std::vec::Vec<__MatdiffD>,
        __matdiff_tangent1: __MatdiffD,
    ) -> (
        T,
        __MatdiffD,
        (::std::vec::Vec<T>, T),
        (::std::vec::Vec<__MatdiffD>, __MatdiffD),
    )
    where
        T: ::matdiff::Real,
    {
        damped::second_order_core::<
            T,
            _,
            false,
            true,
            _,
            _,
            _,
        >(
            x,
            c,
            __matdiff_tangent0,
            __matdiff_tangent1,
            ::std::vec::Vec::new(),
            ::std::vec::Vec::new(),
        )
    }
}
