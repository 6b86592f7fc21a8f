fn logistic(w: &DVector<f64>, x: &DMatrix<f64>, y: &DVector<f64>) -> f64 {
    let z = x * w;
    z.map(matdiff::softplus).sum() - y.dot(&z)
}
/// The gradient of [`logistic`] with respect to `w`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn logistic_grad(w: &DVector<f64>, x: &DMatrix<f64>, y: &DVector<f64>) -> DVector<f64> {
    let _ = logistic;
    let z = ::matdiff::__private::rules::mul::value(x, w);
    let f = |v: f64| -> f64 { matdiff::softplus(v) };
    let df = |v: f64, __matdiff_y: f64| -> f64 {
        let softplus_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let (_, (v_bar,)) = matdiff::softplus::vjp(v, softplus_bar);
        let v_bar_1 = ::matdiff::__private::Cotangent::into_value(v_bar);
        v_bar_1
    };
    let ddf = |v: f64, __matdiff_y: f64| -> f64 {
        let v_dot: f64 = 1.0;
        let (softplus, softplus_dot) = matdiff::softplus::jvp(
            v,
            (::core::option::Option::Some(::core::clone::Clone::clone(&v_dot)),),
        );
        let softplus_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let (_, _, (v_bar,), (v_bar_dot,)) = matdiff::softplus::vjp_jvp(
            v,
            (::core::option::Option::Some(::core::clone::Clone::clone(&v_dot)),),
            softplus_bar,
            ::core::option::Option::None,
        );
        let v_bar_1 = ::matdiff::__private::Cotangent::into_value(v_bar);
        let v_bar_1_dot = ::matdiff::__private::Cotangent::into_value(v_bar_dot);
        v_bar_1_dot
    };
    let sub_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let sum_bar = ::matdiff::__private::rules::sub::vjp0(&sub_bar);
    let dot_bar = ::matdiff::__private::rules::sub::vjp1(&sub_bar);
    let z_bar = ::matdiff::__private::rules::matrix::dot::vjp1(y, &(), &(), &dot_bar);
    let map_bar = ::matdiff::__private::rules::matrix::sum::vjp0(&z, &(), &sum_bar);
    let z_bar_1 = ::matdiff::__private::rules::matrix::map::vjp0(
        &z,
        &f,
        &df,
        &ddf,
        &(),
        &map_bar,
    );
    ::core::mem::drop(z);
    ::core::mem::drop(map_bar);
    let z_bar_2 = ::matdiff::__private::add_pair(z_bar, z_bar_1);
    let w_bar = ::matdiff::__private::rules::mul::vjp1(x, w, &(), &z_bar_2);
    ::core::mem::drop(z_bar_2);
    w_bar
}
/// The value of [`logistic`] and its gradient with respect to `w`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn logistic_value_and_grad(
    w: &DVector<f64>,
    x: &DMatrix<f64>,
    y: &DVector<f64>,
) -> (f64, DVector<f64>) {
    let _ = logistic;
    let (__matdiff_value, __matdiff_slots) = logistic::gradient_core::<true>(w, x, y);
    (__matdiff_value, __matdiff_slots.0)
}
/// The Hessian of [`logistic`] with respect to `w` (all their scalars, in argument order): `H[i][j]` is the second derivative in the i-th and j-th of them. Computed by forward-over-reverse sweeps generated at compile time.
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
fn logistic_hessian(
    w: &DVector<f64>,
    x: &DMatrix<f64>,
    y: &DVector<f64>,
) -> ::matdiff::__private::nalgebra::DMatrix<f64> {
    let _ = logistic;
    let __matdiff_total: usize = (0usize + w.len());
    let w_dot = <::matdiff::__private::Bundle<
        f64,
    >>::seed(w.len(), 0usize, __matdiff_total);
    let z = ::matdiff::__private::rules::mul::value(x, w);
    let z_dot = ::matdiff::__private::rules::mul::jvp1(x, w, &(), &w_dot);
    let f = |v: f64| -> f64 { matdiff::softplus(v) };
    let df = |v: f64, __matdiff_y: f64| -> f64 {
        let softplus_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let (_, (v_bar,)) = matdiff::softplus::vjp(v, softplus_bar);
        let v_bar_1 = ::matdiff::__private::Cotangent::into_value(v_bar);
        v_bar_1
    };
    let ddf = |v: f64, __matdiff_y: f64| -> f64 {
        let v_dot: f64 = 1.0;
        let (softplus, softplus_dot) = matdiff::softplus::jvp(
            v,
            (::core::option::Option::Some(::core::clone::Clone::clone(&v_dot)),),
        );
        let softplus_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let (_, _, (v_bar,), (v_bar_dot,)) = matdiff::softplus::vjp_jvp(
            v,
            (::core::option::Option::Some(::core::clone::Clone::clone(&v_dot)),),
            softplus_bar,
            ::core::option::Option::None,
        );
        let v_bar_1 = ::matdiff::__private::Cotangent::into_value(v_bar);
        let v_bar_1_dot = ::matdiff::__private::Cotangent::into_value(v_bar_dot);
        v_bar_1_dot
    };
    let sub_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let sum_bar = ::matdiff::__private::rules::sub::vjp0_owned(sub_bar);
    let map_bar = ::matdiff::__private::rules::matrix::sum::vjp0(&z, &(), &sum_bar);
    let z_bar_1_dot = ::matdiff::__private::rules::bundle::map::vjp0_jvp0(
        &z,
        &f,
        &df,
        &ddf,
        &(),
        &map_bar,
        &z_dot,
    );
    ::core::mem::drop(z);
    ::core::mem::drop(z_dot);
    ::core::mem::drop(map_bar);
    let w_bar_dot = ::matdiff::__private::rules::mul::vjp1(x, w, &(), &z_bar_1_dot);
    ::core::mem::drop(z_bar_1_dot);
    ::matdiff::__private::into_hessian(w_bar_dot, __matdiff_total)
}
/// The Hessian of [`logistic`] with respect to `w` times the vector `v` (shaped like the gradient), without forming the Hessian: one forward-over-reverse sweep, a small constant times the cost of the gradient.
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
fn logistic_hvp(
    w: &DVector<f64>,
    x: &DMatrix<f64>,
    y: &DVector<f64>,
    v: &DVector<f64>,
) -> DVector<f64> {
    let _ = logistic;
    let w_dot = ::core::clone::Clone::clone(v);
    let z = ::matdiff::__private::rules::mul::value(x, w);
    let z_dot = ::matdiff::__private::rules::mul::jvp1(x, w, &(), &w_dot);
    let f = |v: f64| -> f64 { matdiff::softplus(v) };
    let df = |v: f64, __matdiff_y: f64| -> f64 {
        let softplus_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let (_, (v_bar,)) = matdiff::softplus::vjp(v, softplus_bar);
        let v_bar_1 = ::matdiff::__private::Cotangent::into_value(v_bar);
        v_bar_1
    };
    let ddf = |v: f64, __matdiff_y: f64| -> f64 {
        let v_dot: f64 = 1.0;
        let (softplus, softplus_dot) = matdiff::softplus::jvp(
            v,
            (::core::option::Option::Some(::core::clone::Clone::clone(&v_dot)),),
        );
        let softplus_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let (_, _, (v_bar,), (v_bar_dot,)) = matdiff::softplus::vjp_jvp(
            v,
            (::core::option::Option::Some(::core::clone::Clone::clone(&v_dot)),),
            softplus_bar,
            ::core::option::Option::None,
        );
        let v_bar_1 = ::matdiff::__private::Cotangent::into_value(v_bar);
        let v_bar_1_dot = ::matdiff::__private::Cotangent::into_value(v_bar_dot);
        v_bar_1_dot
    };
    let sub_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let sum_bar = ::matdiff::__private::rules::sub::vjp0(&sub_bar);
    let map_bar = ::matdiff::__private::rules::matrix::sum::vjp0(&z, &(), &sum_bar);
    let z_bar_1_dot = ::matdiff::__private::rules::matrix::map::vjp0_jvp0(
        &z,
        &f,
        &df,
        &ddf,
        &(),
        &map_bar,
        &z_dot,
    );
    let w_bar_dot = ::matdiff::__private::rules::mul::vjp1(x, w, &(), &z_bar_1_dot);
    w_bar_dot
}
/// The gradient of [`logistic`] with respect to `w`, written into `grad_w` (each shaped like its argument; another shape panics). The temporaries' storage comes from `workspace` (start from `MatrixWorkspace::default()` and keep it): called again with inputs of the same sizes, this allocates nothing. The result is moved into the caller's matrix, whose previous storage goes to `workspace`. Computed by reverse-mode differentiation generated at compile time.
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
fn logistic_grad_into(
    w: &DVector<f64>,
    x: &DMatrix<f64>,
    y: &DVector<f64>,
    grad_w: &mut DVector<f64>,
    workspace: &mut ::matdiff::__private::MatrixWorkspace<f64>,
) {
    let _ = logistic;
    ::matdiff::__private::check_output_shape(
        "grad_w",
        grad_w.shape(),
        w.shape(),
        "the shape of `w`",
    );
    #[allow(unused_imports)]
    use ::matdiff::__private::RecycleOther as _;
    let __matdiff_workspace = ::matdiff::__private::install_workspace(workspace);
    if let ::core::option::Option::Some(__matdiff_lent) = ::matdiff::__private::emptied(
        grad_w,
    ) {
        ::matdiff::__private::Recycle(__matdiff_lent).recycle();
    }
    let z = ::matdiff::__private::rules::mul::value(x, w);
    let f = |v: f64| -> f64 { matdiff::softplus(v) };
    let df = |v: f64, __matdiff_y: f64| -> f64 {
        let softplus_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let (_, (v_bar,)) = matdiff::softplus::vjp(v, softplus_bar);
        let v_bar_1 = ::matdiff::__private::Cotangent::into_value(v_bar);
        v_bar_1
    };
    let ddf = |v: f64, __matdiff_y: f64| -> f64 {
        let v_dot: f64 = 1.0;
        let (softplus, softplus_dot) = matdiff::softplus::jvp(
            v,
            (::core::option::Option::Some(::core::clone::Clone::clone(&v_dot)),),
        );
        let softplus_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let (_, _, (v_bar,), (v_bar_dot,)) = matdiff::softplus::vjp_jvp(
            v,
            (::core::option::Option::Some(::core::clone::Clone::clone(&v_dot)),),
            softplus_bar,
            ::core::option::Option::None,
        );
        let v_bar_1 = ::matdiff::__private::Cotangent::into_value(v_bar);
        let v_bar_1_dot = ::matdiff::__private::Cotangent::into_value(v_bar_dot);
        v_bar_1_dot
    };
    let sub_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let sum_bar = ::matdiff::__private::rules::sub::vjp0(&sub_bar);
    let dot_bar = ::matdiff::__private::rules::sub::vjp1(&sub_bar);
    let z_bar = ::matdiff::__private::rules::matrix::dot::vjp1(y, &(), &(), &dot_bar);
    let map_bar = ::matdiff::__private::rules::matrix::sum::vjp0(&z, &(), &sum_bar);
    let z_bar_1 = ::matdiff::__private::rules::matrix::map::vjp0(
        &z,
        &f,
        &df,
        &ddf,
        &(),
        &map_bar,
    );
    ::matdiff::__private::Recycle(z).recycle();
    ::matdiff::__private::Recycle(map_bar).recycle();
    let z_bar_2 = ::matdiff::__private::add_pair(z_bar, z_bar_1);
    let w_bar = ::matdiff::__private::rules::mul::vjp1(x, w, &(), &z_bar_2);
    ::matdiff::__private::Recycle(z_bar_2).recycle();
    ::matdiff::__private::Recycle(::core::mem::replace(grad_w, w_bar)).recycle();
}
/// The value of [`logistic`] and its gradient with respect to `w`, written into `grad_w` (each shaped like its argument; another shape panics). The temporaries' storage comes from `workspace` (start from `MatrixWorkspace::default()` and keep it): called again with inputs of the same sizes, this allocates nothing. The result is moved into the caller's matrix, whose previous storage goes to `workspace`. Computed by reverse-mode differentiation generated at compile time.
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
fn logistic_value_and_grad_into(
    w: &DVector<f64>,
    x: &DMatrix<f64>,
    y: &DVector<f64>,
    grad_w: &mut DVector<f64>,
    workspace: &mut ::matdiff::__private::MatrixWorkspace<f64>,
) -> f64 {
    let _ = logistic;
    ::matdiff::__private::check_output_shape(
        "grad_w",
        grad_w.shape(),
        w.shape(),
        "the shape of `w`",
    );
    #[allow(unused_imports)]
    use ::matdiff::__private::RecycleOther as _;
    let __matdiff_workspace = ::matdiff::__private::install_workspace(workspace);
    if let ::core::option::Option::Some(__matdiff_lent) = ::matdiff::__private::emptied(
        grad_w,
    ) {
        ::matdiff::__private::Recycle(__matdiff_lent).recycle();
    }
    let z = ::matdiff::__private::rules::mul::value(x, w);
    let f = |v: f64| -> f64 { matdiff::softplus(v) };
    let df = |v: f64, __matdiff_y: f64| -> f64 {
        let softplus_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let (_, (v_bar,)) = matdiff::softplus::vjp(v, softplus_bar);
        let v_bar_1 = ::matdiff::__private::Cotangent::into_value(v_bar);
        v_bar_1
    };
    let ddf = |v: f64, __matdiff_y: f64| -> f64 {
        let v_dot: f64 = 1.0;
        let (softplus, softplus_dot) = matdiff::softplus::jvp(
            v,
            (::core::option::Option::Some(::core::clone::Clone::clone(&v_dot)),),
        );
        let softplus_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let (_, _, (v_bar,), (v_bar_dot,)) = matdiff::softplus::vjp_jvp(
            v,
            (::core::option::Option::Some(::core::clone::Clone::clone(&v_dot)),),
            softplus_bar,
            ::core::option::Option::None,
        );
        let v_bar_1 = ::matdiff::__private::Cotangent::into_value(v_bar);
        let v_bar_1_dot = ::matdiff::__private::Cotangent::into_value(v_bar_dot);
        v_bar_1_dot
    };
    let map = ::matdiff::__private::rules::matrix::map::value(&z, &f);
    let sum = map.sum();
    ::matdiff::__private::Recycle(map).recycle();
    let dot = y.dot(&z);
    let sub = ::matdiff::__private::rules::sub::value(&sum, &dot);
    let sub_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let sum_bar = ::matdiff::__private::rules::sub::vjp0(&sub_bar);
    let dot_bar = ::matdiff::__private::rules::sub::vjp1(&sub_bar);
    let z_bar = ::matdiff::__private::rules::matrix::dot::vjp1(y, &(), &(), &dot_bar);
    let map_bar = ::matdiff::__private::rules::matrix::sum::vjp0(&z, &(), &sum_bar);
    let z_bar_1 = ::matdiff::__private::rules::matrix::map::vjp0(
        &z,
        &f,
        &df,
        &ddf,
        &(),
        &map_bar,
    );
    ::matdiff::__private::Recycle(z).recycle();
    ::matdiff::__private::Recycle(map_bar).recycle();
    let z_bar_2 = ::matdiff::__private::add_pair(z_bar, z_bar_1);
    let w_bar = ::matdiff::__private::rules::mul::vjp1(x, w, &(), &z_bar_2);
    ::matdiff::__private::Recycle(z_bar_2).recycle();
    ::matdiff::__private::Recycle(::core::mem::replace(grad_w, w_bar)).recycle();
    sub
}
/// The Hessian of [`logistic`] with respect to `w` (all their scalars, in argument order, as [`logistic_hessian`]), written into `hessian` (another shape panics). The temporaries' storage comes from `workspace` (start from `MatrixWorkspace::default()` and keep it): called again with inputs of the same sizes, a Hessian computed in one bundled sweep allocates nothing. Computed by forward-over-reverse sweeps generated at compile time.
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
fn logistic_hessian_into(
    w: &DVector<f64>,
    x: &DMatrix<f64>,
    y: &DVector<f64>,
    hessian: &mut ::matdiff::__private::nalgebra::DMatrix<f64>,
    workspace: &mut ::matdiff::__private::MatrixWorkspace<f64>,
) {
    let _ = logistic;
    let __matdiff_total: usize = (0usize + w.len());
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
    let w_dot = <::matdiff::__private::Bundle<
        f64,
    >>::seed(w.len(), 0usize, __matdiff_total);
    let z = ::matdiff::__private::rules::mul::value(x, w);
    let z_dot = ::matdiff::__private::rules::mul::jvp1(x, w, &(), &w_dot);
    let f = |v: f64| -> f64 { matdiff::softplus(v) };
    let df = |v: f64, __matdiff_y: f64| -> f64 {
        let softplus_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let (_, (v_bar,)) = matdiff::softplus::vjp(v, softplus_bar);
        let v_bar_1 = ::matdiff::__private::Cotangent::into_value(v_bar);
        v_bar_1
    };
    let ddf = |v: f64, __matdiff_y: f64| -> f64 {
        let v_dot: f64 = 1.0;
        let (softplus, softplus_dot) = matdiff::softplus::jvp(
            v,
            (::core::option::Option::Some(::core::clone::Clone::clone(&v_dot)),),
        );
        let softplus_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let (_, _, (v_bar,), (v_bar_dot,)) = matdiff::softplus::vjp_jvp(
            v,
            (::core::option::Option::Some(::core::clone::Clone::clone(&v_dot)),),
            softplus_bar,
            ::core::option::Option::None,
        );
        let v_bar_1 = ::matdiff::__private::Cotangent::into_value(v_bar);
        let v_bar_1_dot = ::matdiff::__private::Cotangent::into_value(v_bar_dot);
        v_bar_1_dot
    };
    let sub_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let sum_bar = ::matdiff::__private::rules::sub::vjp0_owned(sub_bar);
    let map_bar = ::matdiff::__private::rules::matrix::sum::vjp0(&z, &(), &sum_bar);
    let z_bar_1_dot = ::matdiff::__private::rules::bundle::map::vjp0_jvp0(
        &z,
        &f,
        &df,
        &ddf,
        &(),
        &map_bar,
        &z_dot,
    );
    ::matdiff::__private::Recycle(z).recycle();
    ::matdiff::__private::Recycle(z_dot).recycle();
    ::matdiff::__private::Recycle(map_bar).recycle();
    let w_bar_dot = ::matdiff::__private::rules::mul::vjp1(x, w, &(), &z_bar_1_dot);
    ::matdiff::__private::Recycle(z_bar_1_dot).recycle();
    let __matdiff_result = ::matdiff::__private::into_hessian(
        w_bar_dot,
        __matdiff_total,
    );
    ::matdiff::__private::Recycle(::core::mem::replace(hessian, __matdiff_result))
        .recycle();
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
struct logistic {}
#[allow(dead_code)]
impl logistic {
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
        w: &DVector<f64>,
        x: &DMatrix<f64>,
        y: &DVector<f64>,
    ) -> (
        f64,
        (
            DVector<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
    ) {
        let z = ::matdiff::__private::rules::mul::value(x, w);
        let f = |v: f64| -> f64 { matdiff::softplus(v) };
        let df = |v: f64, __matdiff_y: f64| -> f64 {
            let softplus_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
            let (_, (v_bar,)) = matdiff::softplus::vjp(v, softplus_bar);
            let v_bar_1 = ::matdiff::__private::Cotangent::into_value(v_bar);
            v_bar_1
        };
        let ddf = |v: f64, __matdiff_y: f64| -> f64 {
            let v_dot: f64 = 1.0;
            let (softplus, softplus_dot) = matdiff::softplus::jvp(
                v,
                (::core::option::Option::Some(::core::clone::Clone::clone(&v_dot)),),
            );
            let softplus_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
            let (_, _, (v_bar,), (v_bar_dot,)) = matdiff::softplus::vjp_jvp(
                v,
                (::core::option::Option::Some(::core::clone::Clone::clone(&v_dot)),),
                softplus_bar,
                ::core::option::Option::None,
            );
            let v_bar_1 = ::matdiff::__private::Cotangent::into_value(v_bar);
            let v_bar_1_dot = ::matdiff::__private::Cotangent::into_value(v_bar_dot);
            v_bar_1_dot
        };
        let map = ::matdiff::__private::rules::matrix::map::value(&z, &f);
        let sum = map.sum();
        ::core::mem::drop(map);
        let dot = y.dot(&z);
        let sub = ::matdiff::__private::rules::sub::value(&sum, &dot);
        let sub_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let sum_bar = ::matdiff::__private::rules::sub::vjp0(&sub_bar);
        let dot_bar = ::matdiff::__private::rules::sub::vjp1(&sub_bar);
        let z_bar = ::matdiff::__private::rules::matrix::dot::vjp1(
            y,
            &(),
            &(),
            &dot_bar,
        );
        let map_bar = ::matdiff::__private::rules::matrix::sum::vjp0(&z, &(), &sum_bar);
        let z_bar_1 = ::matdiff::__private::rules::matrix::map::vjp0(
            &z,
            &f,
            &df,
            &ddf,
            &(),
            &map_bar,
        );
        ::core::mem::drop(z);
        ::core::mem::drop(map_bar);
        let z_bar_2 = ::matdiff::__private::add_pair(z_bar, z_bar_1);
        let w_bar = ::matdiff::__private::rules::mul::vjp1(x, w, &(), &z_bar_2);
        ::core::mem::drop(z_bar_2);
        let __matdiff_value = if __MATDIFF_VALUE {
            sub
        } else {
            <f64 as ::matdiff::__private::Scalar>::of(0.0)
        };
        (
            __matdiff_value,
            (
                w_bar,
                ::matdiff::__private::NoDerivative,
                ::matdiff::__private::NoDerivative,
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
    pub fn vjp(
        w: &DVector<f64>,
        x: &DMatrix<f64>,
        y: &DVector<f64>,
        out_bar: f64,
    ) -> (
        f64,
        (
            DVector<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
    ) {
        let (__matdiff_value, __matdiff_slots) = logistic::gradient_core::<
            true,
        >(w, x, y);
        (
            __matdiff_value,
            (
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),
                __matdiff_slots.1,
                __matdiff_slots.2,
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
        w: &DVector<f64>,
        x: &DMatrix<f64>,
        y: &DVector<f64>,
        tangents: (
            ::core::option::Option<DVector<f64>>,
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DVector<f64>>,
        ),
    ) -> (f64, f64) {
        type __MatdiffD = f64;
        let w_dot = ::matdiff::__private::tangent_or_zero_matrix(tangents.0, w);
        let z = ::matdiff::__private::rules::mul::value(x, w);
        let z_dot = ::matdiff::__private::rules::mul::jvp1(x, w, &(), &w_dot);
        let f = |v: f64| -> f64 { matdiff::softplus(v) };
        let df = |v: f64, __matdiff_y: f64| -> f64 {
            let softplus_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
            let (_, (v_bar,)) = matdiff::softplus::vjp(v, softplus_bar);
            let v_bar_1 = ::matdiff::__private::Cotangent::into_value(v_bar);
            v_bar_1
        };
        let ddf = |v: f64, __matdiff_y: f64| -> f64 {
            let v_dot: f64 = 1.0;
            let (softplus, softplus_dot) = matdiff::softplus::jvp(
                v,
                (::core::option::Option::Some(::core::clone::Clone::clone(&v_dot)),),
            );
            let softplus_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
            let (_, _, (v_bar,), (v_bar_dot,)) = matdiff::softplus::vjp_jvp(
                v,
                (::core::option::Option::Some(::core::clone::Clone::clone(&v_dot)),),
                softplus_bar,
                ::core::option::Option::None,
            );
            let v_bar_1 = ::matdiff::__private::Cotangent::into_value(v_bar);
            let v_bar_1_dot = ::matdiff::__private::Cotangent::into_value(v_bar_dot);
            v_bar_1_dot
        };
        let map = ::matdiff::__private::rules::matrix::map::value(&z, &f);
        let map_dot = ::matdiff::__private::rules::matrix::map::jvp0(
            &z,
            &f,
            &df,
            &ddf,
            &(),
            &z_dot,
        );
        let sum = map.sum();
        let sum_dot = ::matdiff::__private::rules::matrix::sum::jvp0(&z, &(), &map_dot);
        let dot = y.dot(&z);
        let dot_dot = ::matdiff::__private::rules::matrix::dot::jvp1(
            y,
            &(),
            &(),
            &z_dot,
        );
        let sub = ::matdiff::__private::rules::sub::value(&sum, &dot);
        let sub_dot = ::matdiff::__private::rules::sub::jvp0(&sum_dot);
        let sub_dot_1 = ::matdiff::__private::rules::sub::jvp1(&dot_dot);
        let sub_dot_2 = ::matdiff::__private::add(&sub_dot, &sub_dot_1);
        (sub, sub_dot_2)
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
        w: &DVector<f64>,
        x: &DMatrix<f64>,
        y: &DVector<f64>,
        tangents: (
            ::core::option::Option<DVector<f64>>,
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DVector<f64>>,
        ),
        out_bar: f64,
        out_bar_dot: ::core::option::Option<f64>,
    ) -> (
        f64,
        f64,
        (
            DVector<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
        (
            DVector<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
    ) {
        type __MatdiffD = f64;
        let w_dot = ::matdiff::__private::tangent_or_zero_matrix(tangents.0, w);
        let out_bar_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(out_bar_dot);
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = logistic::second_order_core::<
            true,
        >(w, x, y, w_dot);
        let __matdiff_dots = (
            ::matdiff::__private::reseed_matrix(
                out_bar,
                &out_bar_dot,
                &__matdiff_slots.0,
                __matdiff_dots.0,
            ),
            __matdiff_dots.1,
            __matdiff_dots.2,
        );
        (
            __matdiff_value,
            __matdiff_value_dot,
            (
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.0),
                __matdiff_slots.1,
                __matdiff_slots.2,
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
        w: &DVector<f64>,
        x: &DMatrix<f64>,
        y: &DVector<f64>,
        mut tangents: (
            ::core::option::Option<DVector<f64>>,
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DVector<f64>>,
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
            let __matdiff_tangent2 = ::matdiff::__private::direction_matrix::<
                f64,
                __MatdiffD,
                _,
            >(&mut tangents.2, __matdiff_k);
            let (__matdiff_one, __matdiff_one_dot) = logistic::jvp_one(
                w,
                x,
                y,
                (__matdiff_tangent0, __matdiff_tangent1, __matdiff_tangent2),
            );
            <__MatdiffD as ::matdiff::__private::Directions<
                f64,
            >>::set(&mut __matdiff_value_dot, __matdiff_k, __matdiff_one_dot);
            __matdiff_value = ::core::option::Option::Some(__matdiff_one);
        }
        let __matdiff_value = match __matdiff_value {
            ::core::option::Option::Some(__matdiff_value) => __matdiff_value,
            ::core::option::Option::None => {
                logistic::jvp_one(
                        w,
                        x,
                        y,
                        (
                            ::core::option::Option::None,
                            ::core::option::Option::None,
                            ::core::option::Option::None,
                        ),
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
        w: &DVector<f64>,
        x: &DMatrix<f64>,
        y: &DVector<f64>,
        mut tangents: (
            ::core::option::Option<DVector<f64>>,
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DVector<f64>>,
        ),
        out_bar: f64,
        out_bar_dot: ::core::option::Option<__MatdiffD>,
    ) -> (
        f64,
        __MatdiffD,
        (
            DVector<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
        (
            DVector<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
    ) {
        let mut __matdiff_dot0 = ::core::option::Option::None;
        let mut __matdiff_dot1 = ::matdiff::__private::NoDerivative;
        let mut __matdiff_dot2 = ::matdiff::__private::NoDerivative;
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
            let __matdiff_tangent2 = ::matdiff::__private::direction_matrix::<
                f64,
                __MatdiffD,
                _,
            >(&mut tangents.2, __matdiff_k);
            let __matdiff_out_bar_dot = ::matdiff::__private::direction_scalar::<
                f64,
                __MatdiffD,
            >(out_bar_dot, __matdiff_k);
            let (__matdiff_one, __matdiff_one_dot, __matdiff_slots, __matdiff_dots) = logistic::vjp_jvp_one(
                w,
                x,
                y,
                (__matdiff_tangent0, __matdiff_tangent1, __matdiff_tangent2),
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
            ::core::option::Option::None => logistic::vjp(w, x, y, out_bar),
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
                            w,
                        )
                    }
                },
                __matdiff_dot1,
                __matdiff_dot2,
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
        w: &DVector<f64>,
        x: &DMatrix<f64>,
        y: &DVector<f64>,
        mut w_dot: DVector<f64>,
    ) -> (
        f64,
        f64,
        (
            DVector<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
        (
            DVector<f64>,
            ::matdiff::__private::NoDerivative,
            ::matdiff::__private::NoDerivative,
        ),
    ) {
        type __MatdiffD = f64;
        let z = ::matdiff::__private::rules::mul::value(x, w);
        let z_dot = ::matdiff::__private::rules::mul::jvp1(x, w, &(), &w_dot);
        let f = |v: f64| -> f64 { matdiff::softplus(v) };
        let df = |v: f64, __matdiff_y: f64| -> f64 {
            let softplus_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
            let (_, (v_bar,)) = matdiff::softplus::vjp(v, softplus_bar);
            let v_bar_1 = ::matdiff::__private::Cotangent::into_value(v_bar);
            v_bar_1
        };
        let ddf = |v: f64, __matdiff_y: f64| -> f64 {
            let v_dot: f64 = 1.0;
            let (softplus, softplus_dot) = matdiff::softplus::jvp(
                v,
                (::core::option::Option::Some(::core::clone::Clone::clone(&v_dot)),),
            );
            let softplus_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
            let (_, _, (v_bar,), (v_bar_dot,)) = matdiff::softplus::vjp_jvp(
                v,
                (::core::option::Option::Some(::core::clone::Clone::clone(&v_dot)),),
                softplus_bar,
                ::core::option::Option::None,
            );
            let v_bar_1 = ::matdiff::__private::Cotangent::into_value(v_bar);
            let v_bar_1_dot = ::matdiff::__private::Cotangent::into_value(v_bar_dot);
            v_bar_1_dot
        };
        let map = ::matdiff::__private::rules::matrix::map::value(&z, &f);
        let map_dot = ::matdiff::__private::rules::matrix::map::jvp0(
            &z,
            &f,
            &df,
            &ddf,
            &(),
            &z_dot,
        );
        let sum = map.sum();
        let sum_dot = ::matdiff::__private::rules::matrix::sum::jvp0(&z, &(), &map_dot);
        let dot = y.dot(&z);
        let dot_dot = ::matdiff::__private::rules::matrix::dot::jvp1(
            y,
            &(),
            &(),
            &z_dot,
        );
        let sub = ::matdiff::__private::rules::sub::value(&sum, &dot);
        let sub_dot = ::matdiff::__private::rules::sub::jvp0(&sum_dot);
        let sub_dot_1 = ::matdiff::__private::rules::sub::jvp1(&dot_dot);
        let sub_dot_2 = ::matdiff::__private::add(&sub_dot, &sub_dot_1);
        let sub_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let sum_bar = ::matdiff::__private::rules::sub::vjp0(&sub_bar);
        let dot_bar = ::matdiff::__private::rules::sub::vjp1(&sub_bar);
        let z_bar = ::matdiff::__private::rules::matrix::dot::vjp1(
            y,
            &(),
            &(),
            &dot_bar,
        );
        let map_bar = ::matdiff::__private::rules::matrix::sum::vjp0(&z, &(), &sum_bar);
        let z_bar_1 = ::matdiff::__private::rules::matrix::map::vjp0(
            &z,
            &f,
            &df,
            &ddf,
            &(),
            &map_bar,
        );
        let z_bar_1_dot = ::matdiff::__private::rules::matrix::map::vjp0_jvp0(
            &z,
            &f,
            &df,
            &ddf,
            &(),
            &map_bar,
            &z_dot,
        );
        let z_bar_2 = ::matdiff::__private::add(&z_bar, &z_bar_1);
        let w_bar = ::matdiff::__private::rules::mul::vjp1(x, w, &(), &z_bar_2);
        let w_bar_dot = ::matdiff::__private::rules::mul::vjp1(x, w, &(), &z_bar_1_dot);
        let (__matdiff_value, __matdiff_value_dot) = if __MATDIFF_VALUE {
            (sub, sub_dot_2)
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
                w_bar,
                ::matdiff::__private::NoDerivative,
                ::matdiff::__private::NoDerivative,
            ),
            (
                w_bar_dot,
                ::matdiff::__private::NoDerivative,
                ::matdiff::__private::NoDerivative,
            ),
        )
    }
}
