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
impl Point {
    #[doc(hidden)]
    #[allow(dead_code, clippy::all, clippy::pedantic, clippy::nursery)]
    pub(crate) fn __matdiff_rebuild(&self, leaf0: f64, leaf1: f64) -> Self {
        Self {
            x: leaf0,
            y: leaf1,
            label: ::core::clone::Clone::clone(&self.label),
        }
    }
}
