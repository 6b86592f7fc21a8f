fn residual(x: f64, y: f64, z: f64) -> Vector2<f64> {
    Vector2::new(x + y + z, x * y * z)
}
/// The Jacobian of [`residual`] with respect to `x`, `y`, `z` (all their scalars, in argument order): `J[i][j]` is the derivative of output i in input j. Computed by reverse sweeps, one per output, or forward sweeps, one per 8 inputs, whichever needs fewer.
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
fn residual_jacobian(
    x: f64,
    y: f64,
    z: f64,
) -> ::matdiff::__private::nalgebra::SMatrix<
    f64,
    { (2usize) },
    { (0usize + 1usize + 1usize + 1usize) },
> {
    let _ = residual;
    let __matdiff_total: usize = (0usize + 1usize + 1usize + 1usize);
    let __matdiff_rows: usize = (2usize);
    let mut __matdiff_matrix = <::matdiff::__private::nalgebra::SMatrix<
        f64,
        { (2usize) },
        { (0usize + 1usize + 1usize + 1usize) },
    >>::zeros();
    if __matdiff_rows <= __matdiff_total {
        for row in 0..__matdiff_rows {
            let add = ::matdiff::__private::rules::add::value(&x, &y);
            let add_1 = ::matdiff::__private::rules::add::value(&add, &z);
            let mul = ::matdiff::__private::rules::mul::value(&x, &y);
            let mul_1 = ::matdiff::__private::rules::mul::value(&mul, &z);
            let elements = [add_1, mul_1];
            let sizes = ();
            let v = Vector2::from_column_slice(&elements);
            let v_bar = ::matdiff::__private::seed_matrix(&v, 0, row);
            let mut elements_bar = ::matdiff::__private::zero_like(&elements);
            let elements_bar_1 = ::matdiff::__private::rules::matrix::from_elements::vjp0(
                &elements,
                &sizes,
                &v,
                &v_bar,
            );
            ::matdiff::__private::add_all(&mut elements_bar, &elements_bar_1);
            let k = 0;
            let add_1_bar = elements_bar[k];
            let k_1 = 1;
            let mul_1_bar = elements_bar[k_1];
            let mul_bar = ::matdiff::__private::rules::mul::vjp0(
                &mul,
                &z,
                &(),
                &mul_1_bar,
            );
            let z_bar = ::matdiff::__private::rules::mul::vjp1(
                &mul,
                &z,
                &(),
                &mul_1_bar,
            );
            let x_bar = ::matdiff::__private::rules::mul::vjp0(&x, &y, &(), &mul_bar);
            let y_bar = ::matdiff::__private::rules::mul::vjp1(&x, &y, &(), &mul_bar);
            let add_bar = ::matdiff::__private::rules::add::vjp0(&add_1_bar);
            let z_bar_1 = ::matdiff::__private::rules::add::vjp1(&add_1_bar);
            let z_bar_2 = ::matdiff::__private::add(&z_bar, &z_bar_1);
            let x_bar_1 = ::matdiff::__private::rules::add::vjp0(&add_bar);
            let x_bar_2 = ::matdiff::__private::add(&x_bar, &x_bar_1);
            let y_bar_1 = ::matdiff::__private::rules::add::vjp1(&add_bar);
            let y_bar_2 = ::matdiff::__private::add(&y_bar, &y_bar_1);
            ::matdiff::__private::write_matrix_row(
                &mut __matdiff_matrix,
                row,
                0usize,
                &x_bar_2,
            );
            ::matdiff::__private::write_matrix_row(
                &mut __matdiff_matrix,
                row,
                0usize + 1usize,
                &y_bar_2,
            );
            ::matdiff::__private::write_matrix_row(
                &mut __matdiff_matrix,
                row,
                0usize + 1usize + 1usize,
                &z_bar_2,
            );
        }
    } else {
        for column in 0..__matdiff_total {
            let mut x_dot = ::matdiff::__private::seed::<f64, f64>(0usize, column);
            let mut y_dot = ::matdiff::__private::seed::<
                f64,
                f64,
            >(0usize + 1usize, column);
            let mut z_dot = ::matdiff::__private::seed::<
                f64,
                f64,
            >(0usize + 1usize + 1usize, column);
            let add = ::matdiff::__private::rules::add::value(&x, &y);
            let add_dot = ::matdiff::__private::rules::add::jvp0(&x_dot);
            let add_dot_1 = ::matdiff::__private::rules::add::jvp1(&y_dot);
            let add_dot_2 = ::matdiff::__private::add(&add_dot, &add_dot_1);
            let add_1 = ::matdiff::__private::rules::add::value(&add, &z);
            let add_1_dot = ::matdiff::__private::rules::add::jvp0(&add_dot_2);
            let add_1_dot_1 = ::matdiff::__private::rules::add::jvp1(&z_dot);
            let add_1_dot_2 = ::matdiff::__private::add(&add_1_dot, &add_1_dot_1);
            let mul = ::matdiff::__private::rules::mul::value(&x, &y);
            let mul_dot = ::matdiff::__private::rules::mul::jvp0(&x, &y, &(), &x_dot);
            let mul_dot_1 = ::matdiff::__private::rules::mul::jvp1(&x, &y, &(), &y_dot);
            let mul_dot_2 = ::matdiff::__private::add(&mul_dot, &mul_dot_1);
            let mul_1 = ::matdiff::__private::rules::mul::value(&mul, &z);
            let mul_1_dot = ::matdiff::__private::rules::mul::jvp0(
                &mul,
                &z,
                &(),
                &mul_dot_2,
            );
            let mul_1_dot_1 = ::matdiff::__private::rules::mul::jvp1(
                &mul,
                &z,
                &(),
                &z_dot,
            );
            let mul_1_dot_2 = ::matdiff::__private::add(&mul_1_dot, &mul_1_dot_1);
            let elements = [add_1, mul_1];
            let mut elements_dot = [add_1_dot_2, mul_1_dot_2];
            let sizes = ();
            let v = Vector2::from_column_slice(&elements);
            let v_dot = ::matdiff::__private::rules::matrix::from_elements::jvp0(
                &elements,
                &sizes,
                &v,
                &elements_dot,
            );
            ::matdiff::__private::write_column(&mut __matdiff_matrix, column, 0, &v_dot);
        }
    }
    __matdiff_matrix
}
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
struct residual {}
#[allow(dead_code)]
impl residual {
    #[doc(hidden)]
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
    pub fn vjp<'__matdiff, __MatdiffSeed, __MatdiffOut>(
        x: f64,
        y: f64,
        z: f64,
        _: __MatdiffSeed,
    ) -> __MatdiffOut
    where
        &'__matdiff residual: ::matdiff::__private::ReturnsOneFloat,
    {
        ::core::unreachable!()
    }
    #[doc(hidden)]
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
    pub fn jvp<'__matdiff, __MatdiffTangents, __MatdiffOut>(
        x: f64,
        y: f64,
        z: f64,
        _: __MatdiffTangents,
    ) -> __MatdiffOut
    where
        &'__matdiff residual: ::matdiff::__private::ReturnsOneFloat,
    {
        ::core::unreachable!()
    }
    #[doc(hidden)]
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
    pub fn vjp_jvp<
        '__matdiff,
        __MatdiffTangents,
        __MatdiffSeed,
        __MatdiffSeedDot,
        __MatdiffOut,
    >(
        x: f64,
        y: f64,
        z: f64,
        _: __MatdiffTangents,
        _: __MatdiffSeed,
        _: __MatdiffSeedDot,
    ) -> __MatdiffOut
    where
        &'__matdiff residual: ::matdiff::__private::ReturnsOneFloat,
    {
        ::core::unreachable!()
    }
}
