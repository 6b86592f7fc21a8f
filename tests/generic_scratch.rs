use matdiff::{Float, Real, differentiate};

#[differentiate]
fn paths<T: Float>(x: T, y: T) -> T {
    T::sin(x) * T::exp(y) + x.powi(3) / T::from(3).unwrap() + x.hypot(y)
}

#[differentiate]
fn branches<T: Float>(x: T, y: T) -> T {
    if x > T::zero() { x * y } else { -x + y.abs() }
}

#[differentiate]
fn assign_ops<T: Real>(x: &[T]) -> T {
    let mut s = T::zero();
    for &v in x.iter() {
        s += v * v;
    }
    let total: T = x.iter().sum();
    s * total
}

#[differentiate]
fn array<T: Float>(x: [T; 3]) -> T {
    x[0] * x[1] * x[2] + x[0].sin()
}

#[differentiate]
fn vec_arg<T: Float>(x: Vec<T>, scale: T) -> T {
    let mut s = T::zero();
    let mut i = 0;
    while i < x.len() {
        s = s + (x[i] * scale).tanh();
        i += 1;
    }
    s
}

#[differentiate]
fn vector_out<T: Float>(x: T, y: T) -> [T; 2] {
    [x * y, x.exp() - y]
}

#[differentiate]
fn tuple_out<T: Float>(x: T, y: T) -> (T, T) {
    (x * y, x.ln())
}

#[differentiate]
fn local_arrays<T: Float>(x: &[T]) -> T {
    let n = x.len();
    let mut v = vec![T::zero(); n];
    for i in 0..n {
        v[i] = x[i] * T::from(i + 1).unwrap();
    }
    let mut s = T::zero();
    for i in 0..n {
        s = s + v[i] * v[i];
    }
    s
}

#[differentiate]
fn map_fold<T: Real>(x: &[T]) -> T {
    let a: T = x.iter().map(|v| v.sin()).sum();
    let b = x.iter().fold(T::one(), |acc, v| acc * *v);
    a + b
}

#[differentiate]
fn helpers<T: Real>(x: T, y: T) -> T {
    matdiff::sigmoid(x) + matdiff::softplus(y) + matdiff::logaddexp(x, y)
}

#[differentiate]
fn sincos<T: Float>(x: T) -> T {
    let (s, c) = x.sin_cos();
    s * c
}

#[differentiate]
fn early<T: Float>(x: T, y: T) -> T {
    if x < y {
        return x * x;
    }
    let m = match 3 { 1 => x, _ => y };
    m * y
}

#[differentiate]
fn calls_slice<T: Real>(x: &[T]) -> T {
    assign_ops(x) + local_arrays::<T>(x)
}

fn user_generic<T: Real>(x: T, y: T) -> [T; 2] {
    paths_grad(x, y)
}

#[test]
fn scratch() {
    println!("{:?}", paths_hessian(0.3f64, 0.5));
    println!("{:?}", paths_hessian(0.3f32, 0.5));
    println!("{:?}", branches_grad(0.3f32, 0.5));
    println!("{:?}", assign_ops_hessian(&[0.3f32, 0.5]));
    println!("{:?}", array_hessian([0.3f32, 0.5, 0.7]));
    println!("{:?}", vec_arg_grad(vec![0.3f32, 0.5, 0.7], 2.0));
    println!("{:?}", vector_out_jacobian(0.3f32, 0.5));
    println!("{:?}", tuple_out_jacobian(0.3f64, 0.5));
    println!("{:?}", local_arrays_hessian(&[0.3f64, 0.5]));
    println!("{:?}", map_fold_hessian(&[0.3f64, 0.5]));
    println!("{:?}", helpers_hessian(0.3f64, 0.5));
    println!("{:?}", sincos_hessian(0.3f32));
    println!("{:?}", early_hessian(0.3f32, 0.5));
    println!("{:?}", calls_slice_hessian(&[0.3f32, 0.5]));
    println!("{:?}", user_generic(0.3f32, 0.5));
    let mut g = [0.0f32; 2];
    println!("{:?} {:?}", local_arrays_value_and_grad_into(&[0.3f32, 0.5], &mut g), g);
    println!("{:?}", paths_hvp(0.3f32, 0.5, [1.0, 0.0]));
}
