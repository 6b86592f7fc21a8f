fn views(x: &DMatrix<f64>, mu: &DVector<f64>, a: &DMatrix<f64>) -> f64 {
    let mut s = 0.0;
    for j in 0..x.ncols() {
        let xj = x.column(j);
        s += (xj - mu).norm_squared() + xj[0] * a.rows(0, 2).sum();
    }
    s
}
/// The gradient of [`views`] with respect to `mu`, `a`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn views_grad(
    x: &DMatrix<f64>,
    mu: &DVector<f64>,
    a: &DMatrix<f64>,
) -> (DVector<f64>, DMatrix<f64>) {
    let _ = views;
    let start = 0;
    let end = x.ncols();
    let s_3_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let mu_bar = ::matdiff::__private::zero_like(&mu);
    let a_bar = ::matdiff::__private::zero_like(&a);
    let mut s_1_bar = ::core::clone::Clone::clone(&s_3_bar);
    let mut mu_bar_1 = ::core::clone::Clone::clone(&mu_bar);
    let mut a_bar_1 = ::core::clone::Clone::clone(&a_bar);
    for j in (start..end).rev() {
        let j_1 = j;
        let xj = {
            use ::matdiff::__private::rules::matrix::constant::{
                KeepValue as _, MakeConstant as _, OwnView as _,
            };
            (x.column(j_1)).into_matdiff_constant().into_constant()
        };
        let sub = ::matdiff::__private::rules::sub::value(&xj, mu);
        let norm_squared = sub.norm_squared();
        let c = xj[0];
        let block = ::matdiff::__private::rules::matrix::view::Rows {
            0: 0,
            1: 2,
        };
        let rows = ::matdiff::__private::rules::matrix::view::value(a, &block);
        let sum = rows.sum();
        let s_1_bar_1 = ::matdiff::__private::rules::add::vjp0(&s_1_bar);
        let add_bar = ::matdiff::__private::rules::add::vjp1(&s_1_bar);
        let norm_squared_bar = ::matdiff::__private::rules::add::vjp0(&add_bar);
        let mul_bar = ::matdiff::__private::rules::add::vjp1(&add_bar);
        let sum_bar = ::matdiff::__private::rules::mul::vjp1(&c, &sum, &(), &mul_bar);
        let rows_bar = ::matdiff::__private::rules::matrix::sum::vjp0(
            &rows,
            &(),
            &sum_bar,
        );
        let a_bar_2 = ::matdiff::__private::rules::matrix::view::vjp0(
            a,
            &block,
            &rows,
            &rows_bar,
        );
        let a_bar_3 = ::matdiff::__private::add(&a_bar_1, &a_bar_2);
        let sub_bar = ::matdiff::__private::rules::matrix::norm_squared::vjp0(
            &sub,
            &norm_squared,
            &norm_squared_bar,
        );
        let mu_bar_2 = ::matdiff::__private::rules::sub::vjp1(&sub_bar);
        let mu_bar_3 = ::matdiff::__private::add(&mu_bar_1, &mu_bar_2);
        s_1_bar = s_1_bar_1;
        mu_bar_1 = mu_bar_3;
        a_bar_1 = a_bar_3;
    }
    let s_1_bar_ = s_1_bar;
    let mu_bar_1_ = mu_bar_1;
    let a_bar_1_ = a_bar_1;
    (mu_bar_1_, a_bar_1_)
}
/// The value of [`views`] and its gradient with respect to `mu`, `a`, in that order; computed by reverse-mode differentiation generated at compile time.
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
fn views_value_and_grad(
    x: &DMatrix<f64>,
    mu: &DVector<f64>,
    a: &DMatrix<f64>,
) -> (f64, (DVector<f64>, DMatrix<f64>)) {
    let _ = views;
    let (__matdiff_value, __matdiff_slots) = views::gradient_core::<true>(x, mu, a);
    (__matdiff_value, (__matdiff_slots.1, __matdiff_slots.2))
}
/// The Hessian of [`views`] with respect to `mu`, `a` (all their scalars, in argument order): `H[i][j]` is the second derivative in the i-th and j-th of them. Computed by forward-over-reverse sweeps generated at compile time.
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
fn views_hessian(
    x: &DMatrix<f64>,
    mu: &DVector<f64>,
    a: &DMatrix<f64>,
) -> ::matdiff::__private::nalgebra::DMatrix<f64> {
    let _ = views;
    let __matdiff_total: usize = (0usize + mu.len() + a.len());
    let mu_dot = <::matdiff::__private::Bundle<
        f64,
    >>::seed(mu.len(), 0usize, __matdiff_total);
    let a_dot = <::matdiff::__private::Bundle<
        f64,
    >>::seed(a.len(), 0usize + mu.len(), __matdiff_total);
    let start = 0;
    let end = x.ncols();
    let s_3_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let mu_bar = ::matdiff::__private::zero_like(&mu);
    let a_bar = ::matdiff::__private::zero_like(&a);
    let s_3_bar_dot = ::matdiff::__private::zero_tangent::<
        ::matdiff::__private::Bundle<f64>,
        _,
    >(&s_3_bar);
    let mu_bar_dot = ::matdiff::__private::zero_tangent::<
        ::matdiff::__private::Bundle<f64>,
        _,
    >(&mu_bar);
    let a_bar_dot = ::matdiff::__private::zero_tangent::<
        ::matdiff::__private::Bundle<f64>,
        _,
    >(&a_bar);
    let mut s_1_bar = ::core::clone::Clone::clone(&s_3_bar);
    let mut mu_bar_1 = ::core::clone::Clone::clone(&mu_bar);
    let mut a_bar_1 = ::core::clone::Clone::clone(&a_bar);
    let mut s_1_bar_dot = ::core::clone::Clone::clone(&s_3_bar_dot);
    let mut mu_bar_1_dot = ::core::clone::Clone::clone(&mu_bar_dot);
    let mut a_bar_1_dot = ::core::clone::Clone::clone(&a_bar_dot);
    for j in (start..end).rev() {
        let j_1 = j;
        let xj = {
            use ::matdiff::__private::rules::matrix::constant::{
                KeepValue as _, MakeConstant as _, OwnView as _,
            };
            (x.column(j_1)).into_matdiff_constant().into_constant()
        };
        let sub = ::matdiff::__private::rules::sub::value(&xj, mu);
        let sub_dot_1 = ::matdiff::__private::rules::sub::jvp1(&mu_dot);
        let norm_squared = sub.norm_squared();
        let c = xj[0];
        let block = ::matdiff::__private::rules::matrix::view::Rows {
            0: 0,
            1: 2,
        };
        let rows = ::matdiff::__private::rules::matrix::view::value(a, &block);
        let sum = rows.sum();
        let s_1_bar_1 = ::matdiff::__private::rules::add::vjp0(&s_1_bar);
        let s_1_bar_1_dot = ::matdiff::__private::rules::add::vjp0(&s_1_bar_dot);
        let add_bar = ::matdiff::__private::rules::add::vjp1(&s_1_bar);
        let add_bar_dot = ::matdiff::__private::rules::add::vjp1(&s_1_bar_dot);
        let norm_squared_bar = ::matdiff::__private::rules::add::vjp0(&add_bar);
        let norm_squared_bar_dot = ::matdiff::__private::rules::add::vjp0(&add_bar_dot);
        let mul_bar = ::matdiff::__private::rules::add::vjp1(&add_bar);
        let mul_bar_dot = ::matdiff::__private::rules::add::vjp1(&add_bar_dot);
        let sum_bar = ::matdiff::__private::rules::mul::vjp1(&c, &sum, &(), &mul_bar);
        let sum_bar_dot = ::matdiff::__private::rules::mul::vjp1(
            &c,
            &sum,
            &(),
            &mul_bar_dot,
        );
        let rows_bar = ::matdiff::__private::rules::matrix::sum::vjp0(
            &rows,
            &(),
            &sum_bar,
        );
        let rows_bar_dot = ::matdiff::__private::rules::bundle::sum::vjp0(
            &rows,
            &(),
            &sum_bar_dot,
        );
        let a_bar_2 = ::matdiff::__private::rules::matrix::view::vjp0(
            a,
            &block,
            &rows,
            &rows_bar,
        );
        let a_bar_2_dot = ::matdiff::__private::rules::bundle::view::vjp0(
            a,
            &block,
            &rows,
            &rows_bar_dot,
        );
        let a_bar_3 = ::matdiff::__private::add(&a_bar_1, &a_bar_2);
        let a_bar_3_dot = ::matdiff::__private::add(&a_bar_1_dot, &a_bar_2_dot);
        let sub_bar = ::matdiff::__private::rules::matrix::norm_squared::vjp0(
            &sub,
            &norm_squared,
            &norm_squared_bar,
        );
        let sub_bar_dot = ::matdiff::__private::rules::bundle::norm_squared::vjp0(
            &sub,
            &norm_squared,
            &norm_squared_bar_dot,
        );
        let sub_bar_dot_1 = ::matdiff::__private::rules::bundle::norm_squared::vjp0_jvp0(
            &sub,
            &norm_squared,
            &norm_squared_bar,
            &sub_dot_1,
        );
        let sub_bar_dot_2 = ::matdiff::__private::add(&sub_bar_dot, &sub_bar_dot_1);
        let mu_bar_2 = ::matdiff::__private::rules::sub::vjp1(&sub_bar);
        let mu_bar_2_dot = ::matdiff::__private::rules::sub::vjp1(&sub_bar_dot_2);
        let mu_bar_3 = ::matdiff::__private::add(&mu_bar_1, &mu_bar_2);
        let mu_bar_3_dot = ::matdiff::__private::add(&mu_bar_1_dot, &mu_bar_2_dot);
        s_1_bar = s_1_bar_1;
        mu_bar_1 = mu_bar_3;
        a_bar_1 = a_bar_3;
        s_1_bar_dot = s_1_bar_1_dot;
        mu_bar_1_dot = mu_bar_3_dot;
        a_bar_1_dot = a_bar_3_dot;
    }
    let s_1_bar_ = s_1_bar;
    let mu_bar_1_ = mu_bar_1;
    let a_bar_1_ = a_bar_1;
    let s_1_bar__dot = s_1_bar_dot;
    let mu_bar_1__dot = mu_bar_1_dot;
    let a_bar_1__dot = a_bar_1_dot;
    let mut __matdiff_matrix = <::matdiff::__private::nalgebra::DMatrix<
        f64,
    >>::zeros(__matdiff_total, __matdiff_total);
    ::matdiff::__private::write_rows(&mut __matdiff_matrix, 0usize, &mu_bar_1__dot);
    ::matdiff::__private::write_rows(
        &mut __matdiff_matrix,
        0usize + mu.len(),
        &a_bar_1__dot,
    );
    __matdiff_matrix
}
/// The Hessian of [`views`] with respect to `mu`, `a` times the vector `v` (shaped like the gradient), without forming the Hessian: one forward-over-reverse sweep, a small constant times the cost of the gradient.
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
fn views_hvp(
    x: &DMatrix<f64>,
    mu: &DVector<f64>,
    a: &DMatrix<f64>,
    v: (&DVector<f64>, &DMatrix<f64>),
) -> (DVector<f64>, DMatrix<f64>) {
    let _ = views;
    let mu_dot = ::core::clone::Clone::clone(v.0);
    let a_dot = ::core::clone::Clone::clone(v.1);
    let start = 0;
    let end = x.ncols();
    let s_3_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let mu_bar = ::matdiff::__private::zero_like(&mu);
    let a_bar = ::matdiff::__private::zero_like(&a);
    let s_3_bar_dot = ::matdiff::__private::zero_tangent::<f64, _>(&s_3_bar);
    let mu_bar_dot = ::matdiff::__private::zero_tangent::<f64, _>(&mu_bar);
    let a_bar_dot = ::matdiff::__private::zero_tangent::<f64, _>(&a_bar);
    let mut s_1_bar = ::core::clone::Clone::clone(&s_3_bar);
    let mut mu_bar_1 = ::core::clone::Clone::clone(&mu_bar);
    let mut a_bar_1 = ::core::clone::Clone::clone(&a_bar);
    let mut s_1_bar_dot = ::core::clone::Clone::clone(&s_3_bar_dot);
    let mut mu_bar_1_dot = ::core::clone::Clone::clone(&mu_bar_dot);
    let mut a_bar_1_dot = ::core::clone::Clone::clone(&a_bar_dot);
    for j in (start..end).rev() {
        let j_1 = j;
        let xj = {
            use ::matdiff::__private::rules::matrix::constant::{
                KeepValue as _, MakeConstant as _, OwnView as _,
            };
            (x.column(j_1)).into_matdiff_constant().into_constant()
        };
        let sub = ::matdiff::__private::rules::sub::value(&xj, mu);
        let sub_dot_1 = ::matdiff::__private::rules::sub::jvp1(&mu_dot);
        let norm_squared = sub.norm_squared();
        let c = xj[0];
        let block = ::matdiff::__private::rules::matrix::view::Rows {
            0: 0,
            1: 2,
        };
        let rows = ::matdiff::__private::rules::matrix::view::value(a, &block);
        let sum = rows.sum();
        let s_1_bar_1 = ::matdiff::__private::rules::add::vjp0(&s_1_bar);
        let s_1_bar_1_dot = ::matdiff::__private::rules::add::vjp0(&s_1_bar_dot);
        let add_bar = ::matdiff::__private::rules::add::vjp1(&s_1_bar);
        let add_bar_dot = ::matdiff::__private::rules::add::vjp1(&s_1_bar_dot);
        let norm_squared_bar = ::matdiff::__private::rules::add::vjp0(&add_bar);
        let norm_squared_bar_dot = ::matdiff::__private::rules::add::vjp0(&add_bar_dot);
        let mul_bar = ::matdiff::__private::rules::add::vjp1(&add_bar);
        let mul_bar_dot = ::matdiff::__private::rules::add::vjp1(&add_bar_dot);
        let sum_bar = ::matdiff::__private::rules::mul::vjp1(&c, &sum, &(), &mul_bar);
        let sum_bar_dot = ::matdiff::__private::rules::mul::vjp1(
            &c,
            &sum,
            &(),
            &mul_bar_dot,
        );
        let rows_bar = ::matdiff::__private::rules::matrix::sum::vjp0(
            &rows,
            &(),
            &sum_bar,
        );
        let rows_bar_dot = ::matdiff::__private::rules::matrix::sum::vjp0(
            &rows,
            &(),
            &sum_bar_dot,
        );
        let a_bar_2 = ::matdiff::__private::rules::matrix::view::vjp0(
            a,
            &block,
            &rows,
            &rows_bar,
        );
        let a_bar_2_dot = ::matdiff::__private::rules::matrix::view::vjp0(
            a,
            &block,
            &rows,
            &rows_bar_dot,
        );
        let a_bar_3 = ::matdiff::__private::add(&a_bar_1, &a_bar_2);
        let a_bar_3_dot = ::matdiff::__private::add(&a_bar_1_dot, &a_bar_2_dot);
        let sub_bar = ::matdiff::__private::rules::matrix::norm_squared::vjp0(
            &sub,
            &norm_squared,
            &norm_squared_bar,
        );
        let sub_bar_dot = ::matdiff::__private::rules::matrix::norm_squared::vjp0(
            &sub,
            &norm_squared,
            &norm_squared_bar_dot,
        );
        let sub_bar_dot_1 = ::matdiff::__private::rules::matrix::norm_squared::vjp0_jvp0(
            &sub,
            &norm_squared,
            &norm_squared_bar,
            &sub_dot_1,
        );
        let sub_bar_dot_2 = ::matdiff::__private::add(&sub_bar_dot, &sub_bar_dot_1);
        let mu_bar_2 = ::matdiff::__private::rules::sub::vjp1(&sub_bar);
        let mu_bar_2_dot = ::matdiff::__private::rules::sub::vjp1(&sub_bar_dot_2);
        let mu_bar_3 = ::matdiff::__private::add(&mu_bar_1, &mu_bar_2);
        let mu_bar_3_dot = ::matdiff::__private::add(&mu_bar_1_dot, &mu_bar_2_dot);
        s_1_bar = s_1_bar_1;
        mu_bar_1 = mu_bar_3;
        a_bar_1 = a_bar_3;
        s_1_bar_dot = s_1_bar_1_dot;
        mu_bar_1_dot = mu_bar_3_dot;
        a_bar_1_dot = a_bar_3_dot;
    }
    let s_1_bar_ = s_1_bar;
    let mu_bar_1_ = mu_bar_1;
    let a_bar_1_ = a_bar_1;
    let s_1_bar__dot = s_1_bar_dot;
    let mu_bar_1__dot = mu_bar_1_dot;
    let a_bar_1__dot = a_bar_1_dot;
    (mu_bar_1__dot, a_bar_1__dot)
}
/// The gradient of [`views`] with respect to `mu`, `a`, written into `grad_mu`, `grad_a` (each shaped like its argument; another shape panics). The temporaries' storage comes from `workspace` (start from `MatrixWorkspace::default()` and keep it): called again with inputs of the same sizes, this allocates nothing. The result is moved into the caller's matrix, whose previous storage goes to `workspace`. Computed by reverse-mode differentiation generated at compile time.
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
fn views_grad_into(
    x: &DMatrix<f64>,
    mu: &DVector<f64>,
    a: &DMatrix<f64>,
    grad_mu: &mut DVector<f64>,
    grad_a: &mut DMatrix<f64>,
    workspace: &mut ::matdiff::__private::MatrixWorkspace<f64>,
) {
    let _ = views;
    ::matdiff::__private::check_output_shape(
        "grad_mu",
        grad_mu.shape(),
        mu.shape(),
        "the shape of `mu`",
    );
    ::matdiff::__private::check_output_shape(
        "grad_a",
        grad_a.shape(),
        a.shape(),
        "the shape of `a`",
    );
    #[allow(unused_imports)]
    use ::matdiff::__private::RecycleOther as _;
    let __matdiff_workspace = ::matdiff::__private::install_workspace(workspace);
    if let ::core::option::Option::Some(__matdiff_lent) = ::matdiff::__private::emptied(
        grad_mu,
    ) {
        ::matdiff::__private::Recycle(__matdiff_lent).recycle();
    }
    if let ::core::option::Option::Some(__matdiff_lent) = ::matdiff::__private::emptied(
        grad_a,
    ) {
        ::matdiff::__private::Recycle(__matdiff_lent).recycle();
    }
    let start = 0;
    let end = x.ncols();
    let s_3_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let mu_bar = ::matdiff::__private::zero_like(&mu);
    let a_bar = ::matdiff::__private::zero_like(&a);
    let mut s_1_bar = ::core::clone::Clone::clone(&s_3_bar);
    let mut mu_bar_1 = ::core::clone::Clone::clone(&mu_bar);
    let mut a_bar_1 = ::core::clone::Clone::clone(&a_bar);
    for j in (start..end).rev() {
        let j_1 = j;
        let xj = {
            use ::matdiff::__private::rules::matrix::constant::{
                KeepValue as _, MakeConstant as _, OwnView as _,
            };
            (x.column(j_1)).into_matdiff_constant().into_constant()
        };
        let sub = ::matdiff::__private::rules::sub::value(&xj, mu);
        let norm_squared = sub.norm_squared();
        let c = xj[0];
        let block = ::matdiff::__private::rules::matrix::view::Rows {
            0: 0,
            1: 2,
        };
        let rows = ::matdiff::__private::rules::matrix::view::value(a, &block);
        let sum = rows.sum();
        let s_1_bar_1 = ::matdiff::__private::rules::add::vjp0(&s_1_bar);
        let add_bar = ::matdiff::__private::rules::add::vjp1(&s_1_bar);
        let norm_squared_bar = ::matdiff::__private::rules::add::vjp0(&add_bar);
        let mul_bar = ::matdiff::__private::rules::add::vjp1(&add_bar);
        let sum_bar = ::matdiff::__private::rules::mul::vjp1(&c, &sum, &(), &mul_bar);
        let rows_bar = ::matdiff::__private::rules::matrix::sum::vjp0(
            &rows,
            &(),
            &sum_bar,
        );
        let a_bar_2 = ::matdiff::__private::rules::matrix::view::vjp0(
            a,
            &block,
            &rows,
            &rows_bar,
        );
        let a_bar_3 = ::matdiff::__private::add(&a_bar_1, &a_bar_2);
        let sub_bar = ::matdiff::__private::rules::matrix::norm_squared::vjp0(
            &sub,
            &norm_squared,
            &norm_squared_bar,
        );
        let mu_bar_2 = ::matdiff::__private::rules::sub::vjp1(&sub_bar);
        let mu_bar_3 = ::matdiff::__private::add(&mu_bar_1, &mu_bar_2);
        s_1_bar = s_1_bar_1;
        mu_bar_1 = mu_bar_3;
        a_bar_1 = a_bar_3;
    }
    let s_1_bar_ = s_1_bar;
    let mu_bar_1_ = mu_bar_1;
    let a_bar_1_ = a_bar_1;
    ::matdiff::__private::Recycle(::core::mem::replace(grad_mu, mu_bar_1_)).recycle();
    ::matdiff::__private::Recycle(::core::mem::replace(grad_a, a_bar_1_)).recycle();
}
/// The value of [`views`] and its gradient with respect to `mu`, `a`, written into `grad_mu`, `grad_a` (each shaped like its argument; another shape panics). The temporaries' storage comes from `workspace` (start from `MatrixWorkspace::default()` and keep it): called again with inputs of the same sizes, this allocates nothing. The result is moved into the caller's matrix, whose previous storage goes to `workspace`. Computed by reverse-mode differentiation generated at compile time.
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
fn views_value_and_grad_into(
    x: &DMatrix<f64>,
    mu: &DVector<f64>,
    a: &DMatrix<f64>,
    grad_mu: &mut DVector<f64>,
    grad_a: &mut DMatrix<f64>,
    workspace: &mut ::matdiff::__private::MatrixWorkspace<f64>,
) -> f64 {
    let _ = views;
    ::matdiff::__private::check_output_shape(
        "grad_mu",
        grad_mu.shape(),
        mu.shape(),
        "the shape of `mu`",
    );
    ::matdiff::__private::check_output_shape(
        "grad_a",
        grad_a.shape(),
        a.shape(),
        "the shape of `a`",
    );
    #[allow(unused_imports)]
    use ::matdiff::__private::RecycleOther as _;
    let __matdiff_workspace = ::matdiff::__private::install_workspace(workspace);
    if let ::core::option::Option::Some(__matdiff_lent) = ::matdiff::__private::emptied(
        grad_mu,
    ) {
        ::matdiff::__private::Recycle(__matdiff_lent).recycle();
    }
    if let ::core::option::Option::Some(__matdiff_lent) = ::matdiff::__private::emptied(
        grad_a,
    ) {
        ::matdiff::__private::Recycle(__matdiff_lent).recycle();
    }
    let s: f64 = 0.0;
    let start = 0;
    let end = x.ncols();
    let mut s_1 = ::core::clone::Clone::clone(&s);
    for j in (start..end) {
        let j_1 = j;
        let xj = {
            use ::matdiff::__private::rules::matrix::constant::{
                KeepValue as _, MakeConstant as _, OwnView as _,
            };
            (x.column(j_1)).into_matdiff_constant().into_constant()
        };
        let sub = ::matdiff::__private::rules::sub::value(&xj, mu);
        let norm_squared = sub.norm_squared();
        let c = xj[0];
        let block = ::matdiff::__private::rules::matrix::view::Rows {
            0: 0,
            1: 2,
        };
        let rows = ::matdiff::__private::rules::matrix::view::value(a, &block);
        let sum = rows.sum();
        let mul = ::matdiff::__private::rules::mul::value(&c, &sum);
        let add = ::matdiff::__private::rules::add::value(&norm_squared, &mul);
        let s_2 = ::matdiff::__private::rules::add::value(&s_1, &add);
        s_1 = s_2;
    }
    let s_3 = s_1;
    let s_3_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let mu_bar = ::matdiff::__private::zero_like(&mu);
    let a_bar = ::matdiff::__private::zero_like(&a);
    let mut s_1_bar = ::core::clone::Clone::clone(&s_3_bar);
    let mut mu_bar_1 = ::core::clone::Clone::clone(&mu_bar);
    let mut a_bar_1 = ::core::clone::Clone::clone(&a_bar);
    for j in (start..end).rev() {
        let j_1 = j;
        let xj = {
            use ::matdiff::__private::rules::matrix::constant::{
                KeepValue as _, MakeConstant as _, OwnView as _,
            };
            (x.column(j_1)).into_matdiff_constant().into_constant()
        };
        let sub = ::matdiff::__private::rules::sub::value(&xj, mu);
        let norm_squared = sub.norm_squared();
        let c = xj[0];
        let block = ::matdiff::__private::rules::matrix::view::Rows {
            0: 0,
            1: 2,
        };
        let rows = ::matdiff::__private::rules::matrix::view::value(a, &block);
        let sum = rows.sum();
        let s_1_bar_1 = ::matdiff::__private::rules::add::vjp0(&s_1_bar);
        let add_bar = ::matdiff::__private::rules::add::vjp1(&s_1_bar);
        let norm_squared_bar = ::matdiff::__private::rules::add::vjp0(&add_bar);
        let mul_bar = ::matdiff::__private::rules::add::vjp1(&add_bar);
        let sum_bar = ::matdiff::__private::rules::mul::vjp1(&c, &sum, &(), &mul_bar);
        let rows_bar = ::matdiff::__private::rules::matrix::sum::vjp0(
            &rows,
            &(),
            &sum_bar,
        );
        let a_bar_2 = ::matdiff::__private::rules::matrix::view::vjp0(
            a,
            &block,
            &rows,
            &rows_bar,
        );
        let a_bar_3 = ::matdiff::__private::add(&a_bar_1, &a_bar_2);
        let sub_bar = ::matdiff::__private::rules::matrix::norm_squared::vjp0(
            &sub,
            &norm_squared,
            &norm_squared_bar,
        );
        let mu_bar_2 = ::matdiff::__private::rules::sub::vjp1(&sub_bar);
        let mu_bar_3 = ::matdiff::__private::add(&mu_bar_1, &mu_bar_2);
        s_1_bar = s_1_bar_1;
        mu_bar_1 = mu_bar_3;
        a_bar_1 = a_bar_3;
    }
    let s_1_bar_ = s_1_bar;
    let mu_bar_1_ = mu_bar_1;
    let a_bar_1_ = a_bar_1;
    ::matdiff::__private::Recycle(::core::mem::replace(grad_mu, mu_bar_1_)).recycle();
    ::matdiff::__private::Recycle(::core::mem::replace(grad_a, a_bar_1_)).recycle();
    s_3
}
/// The Hessian of [`views`] with respect to `mu`, `a` (all their scalars, in argument order, as [`views_hessian`]), written into `hessian` (another shape panics). The temporaries' storage comes from `workspace` (start from `MatrixWorkspace::default()` and keep it): called again with inputs of the same sizes, a Hessian computed in one bundled sweep allocates nothing. Computed by forward-over-reverse sweeps generated at compile time.
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
fn views_hessian_into(
    x: &DMatrix<f64>,
    mu: &DVector<f64>,
    a: &DMatrix<f64>,
    hessian: &mut ::matdiff::__private::nalgebra::DMatrix<f64>,
    workspace: &mut ::matdiff::__private::MatrixWorkspace<f64>,
) {
    let _ = views;
    let __matdiff_total: usize = (0usize + mu.len() + a.len());
    ::matdiff::__private::check_output_shape(
        ::core::stringify!(hessian),
        hessian.shape(),
        (__matdiff_total, __matdiff_total),
        "the number of differentiated scalars squared",
    );
    #[allow(unused_imports)]
    use ::matdiff::__private::RecycleOther as _;
    let __matdiff_workspace = ::matdiff::__private::install_workspace(workspace);
    let mu_dot = <::matdiff::__private::Bundle<
        f64,
    >>::seed(mu.len(), 0usize, __matdiff_total);
    let a_dot = <::matdiff::__private::Bundle<
        f64,
    >>::seed(a.len(), 0usize + mu.len(), __matdiff_total);
    let start = 0;
    let end = x.ncols();
    let s_3_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
    let mu_bar = ::matdiff::__private::zero_like(&mu);
    let a_bar = ::matdiff::__private::zero_like(&a);
    let s_3_bar_dot = ::matdiff::__private::zero_tangent::<
        ::matdiff::__private::Bundle<f64>,
        _,
    >(&s_3_bar);
    let mu_bar_dot = ::matdiff::__private::zero_tangent::<
        ::matdiff::__private::Bundle<f64>,
        _,
    >(&mu_bar);
    let a_bar_dot = ::matdiff::__private::zero_tangent::<
        ::matdiff::__private::Bundle<f64>,
        _,
    >(&a_bar);
    let mut s_1_bar = ::core::clone::Clone::clone(&s_3_bar);
    let mut mu_bar_1 = ::core::clone::Clone::clone(&mu_bar);
    let mut a_bar_1 = ::core::clone::Clone::clone(&a_bar);
    let mut s_1_bar_dot = ::core::clone::Clone::clone(&s_3_bar_dot);
    let mut mu_bar_1_dot = ::core::clone::Clone::clone(&mu_bar_dot);
    let mut a_bar_1_dot = ::core::clone::Clone::clone(&a_bar_dot);
    for j in (start..end).rev() {
        let j_1 = j;
        let xj = {
            use ::matdiff::__private::rules::matrix::constant::{
                KeepValue as _, MakeConstant as _, OwnView as _,
            };
            (x.column(j_1)).into_matdiff_constant().into_constant()
        };
        let sub = ::matdiff::__private::rules::sub::value(&xj, mu);
        let sub_dot_1 = ::matdiff::__private::rules::sub::jvp1(&mu_dot);
        let norm_squared = sub.norm_squared();
        let c = xj[0];
        let block = ::matdiff::__private::rules::matrix::view::Rows {
            0: 0,
            1: 2,
        };
        let rows = ::matdiff::__private::rules::matrix::view::value(a, &block);
        let sum = rows.sum();
        let s_1_bar_1 = ::matdiff::__private::rules::add::vjp0(&s_1_bar);
        let s_1_bar_1_dot = ::matdiff::__private::rules::add::vjp0(&s_1_bar_dot);
        let add_bar = ::matdiff::__private::rules::add::vjp1(&s_1_bar);
        let add_bar_dot = ::matdiff::__private::rules::add::vjp1(&s_1_bar_dot);
        let norm_squared_bar = ::matdiff::__private::rules::add::vjp0(&add_bar);
        let norm_squared_bar_dot = ::matdiff::__private::rules::add::vjp0(&add_bar_dot);
        let mul_bar = ::matdiff::__private::rules::add::vjp1(&add_bar);
        let mul_bar_dot = ::matdiff::__private::rules::add::vjp1(&add_bar_dot);
        let sum_bar = ::matdiff::__private::rules::mul::vjp1(&c, &sum, &(), &mul_bar);
        let sum_bar_dot = ::matdiff::__private::rules::mul::vjp1(
            &c,
            &sum,
            &(),
            &mul_bar_dot,
        );
        let rows_bar = ::matdiff::__private::rules::matrix::sum::vjp0(
            &rows,
            &(),
            &sum_bar,
        );
        let rows_bar_dot = ::matdiff::__private::rules::bundle::sum::vjp0(
            &rows,
            &(),
            &sum_bar_dot,
        );
        let a_bar_2 = ::matdiff::__private::rules::matrix::view::vjp0(
            a,
            &block,
            &rows,
            &rows_bar,
        );
        let a_bar_2_dot = ::matdiff::__private::rules::bundle::view::vjp0(
            a,
            &block,
            &rows,
            &rows_bar_dot,
        );
        let a_bar_3 = ::matdiff::__private::add(&a_bar_1, &a_bar_2);
        let a_bar_3_dot = ::matdiff::__private::add(&a_bar_1_dot, &a_bar_2_dot);
        let sub_bar = ::matdiff::__private::rules::matrix::norm_squared::vjp0(
            &sub,
            &norm_squared,
            &norm_squared_bar,
        );
        let sub_bar_dot = ::matdiff::__private::rules::bundle::norm_squared::vjp0(
            &sub,
            &norm_squared,
            &norm_squared_bar_dot,
        );
        let sub_bar_dot_1 = ::matdiff::__private::rules::bundle::norm_squared::vjp0_jvp0(
            &sub,
            &norm_squared,
            &norm_squared_bar,
            &sub_dot_1,
        );
        let sub_bar_dot_2 = ::matdiff::__private::add(&sub_bar_dot, &sub_bar_dot_1);
        let mu_bar_2 = ::matdiff::__private::rules::sub::vjp1(&sub_bar);
        let mu_bar_2_dot = ::matdiff::__private::rules::sub::vjp1(&sub_bar_dot_2);
        let mu_bar_3 = ::matdiff::__private::add(&mu_bar_1, &mu_bar_2);
        let mu_bar_3_dot = ::matdiff::__private::add(&mu_bar_1_dot, &mu_bar_2_dot);
        s_1_bar = s_1_bar_1;
        mu_bar_1 = mu_bar_3;
        a_bar_1 = a_bar_3;
        s_1_bar_dot = s_1_bar_1_dot;
        mu_bar_1_dot = mu_bar_3_dot;
        a_bar_1_dot = a_bar_3_dot;
    }
    let s_1_bar_ = s_1_bar;
    let mu_bar_1_ = mu_bar_1;
    let a_bar_1_ = a_bar_1;
    let s_1_bar__dot = s_1_bar_dot;
    let mu_bar_1__dot = mu_bar_1_dot;
    let a_bar_1__dot = a_bar_1_dot;
    hessian.fill(0.0);
    ::matdiff::__private::write_rows(hessian, 0usize, &mu_bar_1__dot);
    ::matdiff::__private::write_rows(hessian, 0usize + mu.len(), &a_bar_1__dot);
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
struct views {}
#[allow(dead_code)]
impl views {
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
        x: &DMatrix<f64>,
        mu: &DVector<f64>,
        a: &DMatrix<f64>,
    ) -> (f64, (::matdiff::__private::NoDerivative, DVector<f64>, DMatrix<f64>)) {
        let s: f64 = 0.0;
        let start = 0;
        let end = x.ncols();
        let mut s_1 = ::core::clone::Clone::clone(&s);
        for j in (start..end) {
            let j_1 = j;
            let xj = {
                use ::matdiff::__private::rules::matrix::constant::{
                    KeepValue as _, MakeConstant as _, OwnView as _,
                };
                (x.column(j_1)).into_matdiff_constant().into_constant()
            };
            let sub = ::matdiff::__private::rules::sub::value(&xj, mu);
            let norm_squared = sub.norm_squared();
            let c = xj[0];
            let block = ::matdiff::__private::rules::matrix::view::Rows {
                0: 0,
                1: 2,
            };
            let rows = ::matdiff::__private::rules::matrix::view::value(a, &block);
            let sum = rows.sum();
            let mul = ::matdiff::__private::rules::mul::value(&c, &sum);
            let add = ::matdiff::__private::rules::add::value(&norm_squared, &mul);
            let s_2 = ::matdiff::__private::rules::add::value(&s_1, &add);
            s_1 = s_2;
        }
        let s_3 = s_1;
        let s_3_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let mu_bar = ::matdiff::__private::zero_like(&mu);
        let a_bar = ::matdiff::__private::zero_like(&a);
        let mut s_1_bar = ::core::clone::Clone::clone(&s_3_bar);
        let mut mu_bar_1 = ::core::clone::Clone::clone(&mu_bar);
        let mut a_bar_1 = ::core::clone::Clone::clone(&a_bar);
        for j in (start..end).rev() {
            let j_1 = j;
            let xj = {
                use ::matdiff::__private::rules::matrix::constant::{
                    KeepValue as _, MakeConstant as _, OwnView as _,
                };
                (x.column(j_1)).into_matdiff_constant().into_constant()
            };
            let sub = ::matdiff::__private::rules::sub::value(&xj, mu);
            let norm_squared = sub.norm_squared();
            let c = xj[0];
            let block = ::matdiff::__private::rules::matrix::view::Rows {
                0: 0,
                1: 2,
            };
            let rows = ::matdiff::__private::rules::matrix::view::value(a, &block);
            let sum = rows.sum();
            let s_1_bar_1 = ::matdiff::__private::rules::add::vjp0(&s_1_bar);
            let add_bar = ::matdiff::__private::rules::add::vjp1(&s_1_bar);
            let norm_squared_bar = ::matdiff::__private::rules::add::vjp0(&add_bar);
            let mul_bar = ::matdiff::__private::rules::add::vjp1(&add_bar);
            let sum_bar = ::matdiff::__private::rules::mul::vjp1(
                &c,
                &sum,
                &(),
                &mul_bar,
            );
            let rows_bar = ::matdiff::__private::rules::matrix::sum::vjp0(
                &rows,
                &(),
                &sum_bar,
            );
            let a_bar_2 = ::matdiff::__private::rules::matrix::view::vjp0(
                a,
                &block,
                &rows,
                &rows_bar,
            );
            let a_bar_3 = ::matdiff::__private::add(&a_bar_1, &a_bar_2);
            let sub_bar = ::matdiff::__private::rules::matrix::norm_squared::vjp0(
                &sub,
                &norm_squared,
                &norm_squared_bar,
            );
            let mu_bar_2 = ::matdiff::__private::rules::sub::vjp1(&sub_bar);
            let mu_bar_3 = ::matdiff::__private::add(&mu_bar_1, &mu_bar_2);
            s_1_bar = s_1_bar_1;
            mu_bar_1 = mu_bar_3;
            a_bar_1 = a_bar_3;
        }
        let s_1_bar_ = s_1_bar;
        let mu_bar_1_ = mu_bar_1;
        let a_bar_1_ = a_bar_1;
        let __matdiff_value = if __MATDIFF_VALUE {
            s_3
        } else {
            <f64 as ::matdiff::__private::Scalar>::of(0.0)
        };
        (__matdiff_value, (::matdiff::__private::NoDerivative, mu_bar_1_, a_bar_1_))
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
        x: &DMatrix<f64>,
        mu: &DVector<f64>,
        a: &DMatrix<f64>,
        out_bar: f64,
    ) -> (f64, (::matdiff::__private::NoDerivative, DVector<f64>, DMatrix<f64>)) {
        let (__matdiff_value, __matdiff_slots) = views::gradient_core::<true>(x, mu, a);
        (
            __matdiff_value,
            (
                __matdiff_slots.0,
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.1),
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.2),
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
        x: &DMatrix<f64>,
        mu: &DVector<f64>,
        a: &DMatrix<f64>,
        tangents: (
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DVector<f64>>,
            ::core::option::Option<DMatrix<f64>>,
        ),
    ) -> (f64, f64) {
        type __MatdiffD = f64;
        let mu_dot = ::matdiff::__private::tangent_or_zero_matrix(tangents.1, mu);
        let a_dot = ::matdiff::__private::tangent_or_zero_matrix(tangents.2, a);
        let s: f64 = 0.0;
        let start = 0;
        let end = x.ncols();
        let s_dot = ::matdiff::__private::zero_tangent::<__MatdiffD, _>(&s);
        let mut s_1 = ::core::clone::Clone::clone(&s);
        let mut s_1_dot = ::core::clone::Clone::clone(&s_dot);
        for j in (start..end) {
            let j_1 = j;
            let xj = {
                use ::matdiff::__private::rules::matrix::constant::{
                    KeepValue as _, MakeConstant as _, OwnView as _,
                };
                (x.column(j_1)).into_matdiff_constant().into_constant()
            };
            let sub = ::matdiff::__private::rules::sub::value(&xj, mu);
            let sub_dot = ::matdiff::__private::rules::sub::jvp1(&mu_dot);
            let norm_squared = sub.norm_squared();
            let norm_squared_dot = ::matdiff::__private::rules::matrix::norm_squared::jvp0(
                &sub,
                &norm_squared,
                &sub_dot,
            );
            let c = xj[0];
            let block = ::matdiff::__private::rules::matrix::view::Rows {
                0: 0,
                1: 2,
            };
            let rows = ::matdiff::__private::rules::matrix::view::value(a, &block);
            let rows_dot = ::matdiff::__private::rules::matrix::view::jvp0(
                a,
                &block,
                &rows,
                &a_dot,
            );
            let sum = rows.sum();
            let sum_dot = ::matdiff::__private::rules::matrix::sum::jvp0(
                &rows,
                &(),
                &rows_dot,
            );
            let mul = ::matdiff::__private::rules::mul::value(&c, &sum);
            let mul_dot = ::matdiff::__private::rules::mul::jvp1(
                &c,
                &sum,
                &(),
                &sum_dot,
            );
            let add = ::matdiff::__private::rules::add::value(&norm_squared, &mul);
            let add_dot = ::matdiff::__private::rules::add::jvp0(&norm_squared_dot);
            let add_dot_1 = ::matdiff::__private::rules::add::jvp1(&mul_dot);
            let add_dot_2 = ::matdiff::__private::add(&add_dot, &add_dot_1);
            let s_2 = ::matdiff::__private::rules::add::value(&s_1, &add);
            let s_2_dot = ::matdiff::__private::rules::add::jvp0(&s_1_dot);
            let s_2_dot_1 = ::matdiff::__private::rules::add::jvp1(&add_dot_2);
            let s_2_dot_2 = ::matdiff::__private::add(&s_2_dot, &s_2_dot_1);
            s_1 = s_2;
            s_1_dot = s_2_dot_2;
        }
        let s_3 = s_1;
        let s_3_dot = s_1_dot;
        (s_3, s_3_dot)
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
        x: &DMatrix<f64>,
        mu: &DVector<f64>,
        a: &DMatrix<f64>,
        tangents: (
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DVector<f64>>,
            ::core::option::Option<DMatrix<f64>>,
        ),
        out_bar: f64,
        out_bar_dot: ::core::option::Option<f64>,
    ) -> (
        f64,
        f64,
        (::matdiff::__private::NoDerivative, DVector<f64>, DMatrix<f64>),
        (::matdiff::__private::NoDerivative, DVector<f64>, DMatrix<f64>),
    ) {
        type __MatdiffD = f64;
        let mu_dot = ::matdiff::__private::tangent_or_zero_matrix(tangents.1, mu);
        let a_dot = ::matdiff::__private::tangent_or_zero_matrix(tangents.2, a);
        let out_bar_dot = ::matdiff::__private::tangent_or_zero::<
            f64,
            __MatdiffD,
        >(out_bar_dot);
        let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = views::second_order_core::<
            true,
        >(x, mu, a, mu_dot, a_dot);
        let __matdiff_dots = (
            __matdiff_dots.0,
            ::matdiff::__private::reseed_matrix(
                out_bar,
                &out_bar_dot,
                &__matdiff_slots.1,
                __matdiff_dots.1,
            ),
            ::matdiff::__private::reseed_matrix(
                out_bar,
                &out_bar_dot,
                &__matdiff_slots.2,
                __matdiff_dots.2,
            ),
        );
        (
            __matdiff_value,
            __matdiff_value_dot,
            (
                __matdiff_slots.0,
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.1),
                ::matdiff::__private::reseed_cotangent(out_bar, __matdiff_slots.2),
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
        x: &DMatrix<f64>,
        mu: &DVector<f64>,
        a: &DMatrix<f64>,
        mut tangents: (
            ::core::option::Option<DMatrix<f64>>,
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
            let __matdiff_tangent2 = ::matdiff::__private::direction_matrix::<
                f64,
                __MatdiffD,
                _,
            >(&mut tangents.2, __matdiff_k);
            let (__matdiff_one, __matdiff_one_dot) = views::jvp_one(
                x,
                mu,
                a,
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
                views::jvp_one(
                        x,
                        mu,
                        a,
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
        x: &DMatrix<f64>,
        mu: &DVector<f64>,
        a: &DMatrix<f64>,
        mut tangents: (
            ::core::option::Option<DMatrix<f64>>,
            ::core::option::Option<DVector<f64>>,
            ::core::option::Option<DMatrix<f64>>,
        ),
        out_bar: f64,
        out_bar_dot: ::core::option::Option<__MatdiffD>,
    ) -> (
        f64,
        __MatdiffD,
        (::matdiff::__private::NoDerivative, DVector<f64>, DMatrix<f64>),
        (::matdiff::__private::NoDerivative, DVector<f64>, DMatrix<f64>),
    ) {
        let mut __matdiff_dot0 = ::matdiff::__private::NoDerivative;
        let mut __matdiff_dot1 = ::core::option::Option::None;
        let mut __matdiff_dot2 = ::core::option::Option::None;
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
            let (__matdiff_one, __matdiff_one_dot, __matdiff_slots, __matdiff_dots) = views::vjp_jvp_one(
                x,
                mu,
                a,
                (__matdiff_tangent0, __matdiff_tangent1, __matdiff_tangent2),
                out_bar,
                __matdiff_out_bar_dot,
            );
            <__MatdiffD as ::matdiff::__private::Directions<
                f64,
            >>::set(&mut __matdiff_value_dot, __matdiff_k, __matdiff_one_dot);
            if <__MatdiffD as ::matdiff::__private::Directions<f64>>::COUNT == 1 {
                __matdiff_dot1 = ::core::option::Option::Some(__matdiff_dots.1);
            }
            if <__MatdiffD as ::matdiff::__private::Directions<f64>>::COUNT == 1 {
                __matdiff_dot2 = ::core::option::Option::Some(__matdiff_dots.2);
            }
            __matdiff_first = ::core::option::Option::Some((
                __matdiff_one,
                __matdiff_slots,
            ));
        }
        let (__matdiff_value, __matdiff_slots) = match __matdiff_first {
            ::core::option::Option::Some(__matdiff_first) => __matdiff_first,
            ::core::option::Option::None => views::vjp(x, mu, a, out_bar),
        };
        (
            __matdiff_value,
            __matdiff_value_dot,
            __matdiff_slots,
            (
                __matdiff_dot0,
                match __matdiff_dot1 {
                    ::core::option::Option::Some(__matdiff_dot) => __matdiff_dot,
                    ::core::option::Option::None => {
                        ::matdiff::__private::tangent_or_zero_matrix(
                            ::core::option::Option::None,
                            mu,
                        )
                    }
                },
                match __matdiff_dot2 {
                    ::core::option::Option::Some(__matdiff_dot) => __matdiff_dot,
                    ::core::option::Option::None => {
                        ::matdiff::__private::tangent_or_zero_matrix(
                            ::core::option::Option::None,
                            a,
                        )
                    }
                },
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
        x: &DMatrix<f64>,
        mu: &DVector<f64>,
        a: &DMatrix<f64>,
        mut mu_dot: DVector<f64>,
        mut a_dot: DMatrix<f64>,
    ) -> (
        f64,
        f64,
        (::matdiff::__private::NoDerivative, DVector<f64>, DMatrix<f64>),
        (::matdiff::__private::NoDerivative, DVector<f64>, DMatrix<f64>),
    ) {
        type __MatdiffD = f64;
        let s: f64 = 0.0;
        let start = 0;
        let end = x.ncols();
        let s_dot = ::matdiff::__private::zero_tangent::<__MatdiffD, _>(&s);
        let mut s_1 = ::core::clone::Clone::clone(&s);
        let mut s_1_dot = ::core::clone::Clone::clone(&s_dot);
        for j in (start..end) {
            let j_1 = j;
            let xj = {
                use ::matdiff::__private::rules::matrix::constant::{
                    KeepValue as _, MakeConstant as _, OwnView as _,
                };
                (x.column(j_1)).into_matdiff_constant().into_constant()
            };
            let sub = ::matdiff::__private::rules::sub::value(&xj, mu);
            let sub_dot = ::matdiff::__private::rules::sub::jvp1(&mu_dot);
            let norm_squared = sub.norm_squared();
            let norm_squared_dot = ::matdiff::__private::rules::matrix::norm_squared::jvp0(
                &sub,
                &norm_squared,
                &sub_dot,
            );
            let c = xj[0];
            let block = ::matdiff::__private::rules::matrix::view::Rows {
                0: 0,
                1: 2,
            };
            let rows = ::matdiff::__private::rules::matrix::view::value(a, &block);
            let rows_dot = ::matdiff::__private::rules::matrix::view::jvp0(
                a,
                &block,
                &rows,
                &a_dot,
            );
            let sum = rows.sum();
            let sum_dot = ::matdiff::__private::rules::matrix::sum::jvp0(
                &rows,
                &(),
                &rows_dot,
            );
            let mul = ::matdiff::__private::rules::mul::value(&c, &sum);
            let mul_dot = ::matdiff::__private::rules::mul::jvp1(
                &c,
                &sum,
                &(),
                &sum_dot,
            );
            let add = ::matdiff::__private::rules::add::value(&norm_squared, &mul);
            let add_dot = ::matdiff::__private::rules::add::jvp0(&norm_squared_dot);
            let add_dot_1 = ::matdiff::__private::rules::add::jvp1(&mul_dot);
            let add_dot_2 = ::matdiff::__private::add(&add_dot, &add_dot_1);
            let s_2 = ::matdiff::__private::rules::add::value(&s_1, &add);
            let s_2_dot = ::matdiff::__private::rules::add::jvp0(&s_1_dot);
            let s_2_dot_1 = ::matdiff::__private::rules::add::jvp1(&add_dot_2);
            let s_2_dot_2 = ::matdiff::__private::add(&s_2_dot, &s_2_dot_1);
            s_1 = s_2;
            s_1_dot = s_2_dot_2;
        }
        let s_3 = s_1;
        let s_3_dot = s_1_dot;
        let s_3_bar = <f64 as ::matdiff::__private::Scalar>::of(1.0);
        let mu_bar = ::matdiff::__private::zero_like(&mu);
        let a_bar = ::matdiff::__private::zero_like(&a);
        let s_3_bar_dot = ::matdiff::__private::zero_tangent::<__MatdiffD, _>(&s_3_bar);
        let mu_bar_dot = ::matdiff::__private::zero_tangent::<__MatdiffD, _>(&mu_bar);
        let a_bar_dot = ::matdiff::__private::zero_tangent::<__MatdiffD, _>(&a_bar);
        let mut s_1_bar = ::core::clone::Clone::clone(&s_3_bar);
        let mut mu_bar_1 = ::core::clone::Clone::clone(&mu_bar);
        let mut a_bar_1 = ::core::clone::Clone::clone(&a_bar);
        let mut s_1_bar_dot = ::core::clone::Clone::clone(&s_3_bar_dot);
        let mut mu_bar_1_dot = ::core::clone::Clone::clone(&mu_bar_dot);
        let mut a_bar_1_dot = ::core::clone::Clone::clone(&a_bar_dot);
        for j in (start..end).rev() {
            let j_1 = j;
            let xj = {
                use ::matdiff::__private::rules::matrix::constant::{
                    KeepValue as _, MakeConstant as _, OwnView as _,
                };
                (x.column(j_1)).into_matdiff_constant().into_constant()
            };
            let sub = ::matdiff::__private::rules::sub::value(&xj, mu);
            let sub_dot_1 = ::matdiff::__private::rules::sub::jvp1(&mu_dot);
            let norm_squared = sub.norm_squared();
            let c = xj[0];
            let block = ::matdiff::__private::rules::matrix::view::Rows {
                0: 0,
                1: 2,
            };
            let rows = ::matdiff::__private::rules::matrix::view::value(a, &block);
            let sum = rows.sum();
            let s_1_bar_1 = ::matdiff::__private::rules::add::vjp0(&s_1_bar);
            let s_1_bar_1_dot = ::matdiff::__private::rules::add::vjp0(&s_1_bar_dot);
            let add_bar = ::matdiff::__private::rules::add::vjp1(&s_1_bar);
            let add_bar_dot = ::matdiff::__private::rules::add::vjp1(&s_1_bar_dot);
            let norm_squared_bar = ::matdiff::__private::rules::add::vjp0(&add_bar);
            let norm_squared_bar_dot = ::matdiff::__private::rules::add::vjp0(
                &add_bar_dot,
            );
            let mul_bar = ::matdiff::__private::rules::add::vjp1(&add_bar);
            let mul_bar_dot = ::matdiff::__private::rules::add::vjp1(&add_bar_dot);
            let sum_bar = ::matdiff::__private::rules::mul::vjp1(
                &c,
                &sum,
                &(),
                &mul_bar,
            );
            let sum_bar_dot = ::matdiff::__private::rules::mul::vjp1(
                &c,
                &sum,
                &(),
                &mul_bar_dot,
            );
            let rows_bar = ::matdiff::__private::rules::matrix::sum::vjp0(
                &rows,
                &(),
                &sum_bar,
            );
            let rows_bar_dot = ::matdiff::__private::rules::matrix::sum::vjp0(
                &rows,
                &(),
                &sum_bar_dot,
            );
            let a_bar_2 = ::matdiff::__private::rules::matrix::view::vjp0(
                a,
                &block,
                &rows,
                &rows_bar,
            );
            let a_bar_2_dot = ::matdiff::__private::rules::matrix::view::vjp0(
                a,
                &block,
                &rows,
                &rows_bar_dot,
            );
            let a_bar_3 = ::matdiff::__private::add(&a_bar_1, &a_bar_2);
            let a_bar_3_dot = ::matdiff::__private::add(&a_bar_1_dot, &a_bar_2_dot);
            let sub_bar = ::matdiff::__private::rules::matrix::norm_squared::vjp0(
                &sub,
                &norm_squared,
                &norm_squared_bar,
            );
            let sub_bar_dot = ::matdiff::__private::rules::matrix::norm_squared::vjp0(
                &sub,
                &norm_squared,
                &norm_squared_bar_dot,
            );
            let sub_bar_dot_1 = ::matdiff::__private::rules::matrix::norm_squared::vjp0_jvp0(
                &sub,
                &norm_squared,
                &norm_squared_bar,
                &sub_dot_1,
            );
            let sub_bar_dot_2 = ::matdiff::__private::add(&sub_bar_dot, &sub_bar_dot_1);
            let mu_bar_2 = ::matdiff::__private::rules::sub::vjp1(&sub_bar);
            let mu_bar_2_dot = ::matdiff::__private::rules::sub::vjp1(&sub_bar_dot_2);
            let mu_bar_3 = ::matdiff::__private::add(&mu_bar_1, &mu_bar_2);
            let mu_bar_3_dot = ::matdiff::__private::add(&mu_bar_1_dot, &mu_bar_2_dot);
            s_1_bar = s_1_bar_1;
            mu_bar_1 = mu_bar_3;
            a_bar_1 = a_bar_3;
            s_1_bar_dot = s_1_bar_1_dot;
            mu_bar_1_dot = mu_bar_3_dot;
            a_bar_1_dot = a_bar_3_dot;
        }
        let s_1_bar_ = s_1_bar;
        let mu_bar_1_ = mu_bar_1;
        let a_bar_1_ = a_bar_1;
        let s_1_bar__dot = s_1_bar_dot;
        let mu_bar_1__dot = mu_bar_1_dot;
        let a_bar_1__dot = a_bar_1_dot;
        let (__matdiff_value, __matdiff_value_dot) = if __MATDIFF_VALUE {
            (s_3, s_3_dot)
        } else {
            (
                <f64 as ::matdiff::__private::Scalar>::of(0.0),
                <__MatdiffD as ::matdiff::__private::Directions<f64>>::zero(),
            )
        };
        (
            __matdiff_value,
            __matdiff_value_dot,
            (::matdiff::__private::NoDerivative, mu_bar_1_, a_bar_1_),
            (::matdiff::__private::NoDerivative, mu_bar_1__dot, a_bar_1__dot),
        )
    }
}
