use matdiff::differentiate;
use matdiff::{Float, FloatConst};

#[differentiate]
fn rosenbrock<T: Float>(x: &[T]) -> T {
    let hundred = T::from(100.0).unwrap();
    let mut s = T::zero();
    for i in 0..x.len() - 1 {
        s = s + hundred * (x[i + 1] - x[i] * x[i]).powi(2) + (T::one() - x[i]).powi(2);
    }
    s
}

#[differentiate]
fn g<T: Float + FloatConst>(x: T, y: T) -> T {
    (x * y).sin() + T::PI() * x.exp() / y
}

#[differentiate]
fn h<T: matdiff::Real>(x: T, y: T) -> T {
    g::<T>(x, y) * g(y, x)
}

#[test]
fn smoke() {
    let x = [1.2f64, 1.0, 0.8];
    let g64 = rosenbrock_grad(&x);
    let x32 = [1.2f32, 1.0, 0.8];
    let g32 = rosenbrock_grad(&x32);
    let h64 = rosenbrock_hessian(&x);
    println!("{g64:?} {g32:?} {h64:?}");
    println!("{:?} {:?}", g_grad(1.0f64, 2.0), g_hessian(1.0f32, 2.0));
    println!("{:?}", h_hessian(1.0f64, 2.0));
}
