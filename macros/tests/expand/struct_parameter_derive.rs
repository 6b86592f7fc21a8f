#[doc(hidden)]
macro_rules! __matdiff_struct_Point {
    ($($state:tt)*) => {
        ::matdiff::__private::struct_parameter! { $($state)* { x : f64; y : f64; const
        label; } }
    };
}
#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __matdiff_struct_Point as Point;
