//! Collects several errors so the user sees all of them at once.

use proc_macro2::Span;

#[derive(Default)]
pub struct Errors {
    combined: Option<syn::Error>,
}

impl Errors {
    pub fn push(&mut self, span: Span, message: impl std::fmt::Display) {
        self.add(syn::Error::new(span, message));
    }

    pub fn add(&mut self, error: syn::Error) {
        match &mut self.combined {
            Some(all) => all.combine(error),
            None => self.combined = Some(error),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.combined.is_none()
    }

    pub fn finish(self) -> syn::Result<()> {
        match self.combined {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

/// A type parameter that is not the float type.
pub fn other_type_parameter(param: &proc_macro2::Ident) -> String {
    format!(
        "`#[differentiate]` supports one type parameter, the float type, bounded by `Float` (num-traits' `Float`, re-exported as `matdiff::Float`) or `matdiff::Real`, as in `fn f<T: Float>(x: T) -> T`; `{param}` has neither bound: add one if `{param}` is the float type, otherwise write the function for concrete types"
    )
}

/// A second type parameter bounded like a float.
pub fn second_float_parameter(first: &proc_macro2::Ident) -> String {
    format!(
        "`#[differentiate]` supports one float type parameter, and `{first}` is already one: use `{first}` for every differentiated argument and the result"
    )
}

/// A nalgebra argument or result whose element type is the float type
/// parameter.
pub fn generic_nalgebra(param: &proc_macro2::Ident) -> String {
    format!(
        "nalgebra vectors and matrices of the type parameter `{param}` cannot be differentiated: write this function for `f64` or `f32` (a generic function may take `{param}`, `[{param}; N]`, `&[{param}]` and `Vec<{param}>`)"
    )
}

/// `as` on a differentiated value of the float type parameter.
pub fn generic_cast(param: &proc_macro2::Ident) -> String {
    format!(
        "a differentiated value of the type parameter `{param}` cannot be cast with `as`: compute in `{param}` throughout, and write constants as `{param}::from(2.0).unwrap()`, `{param}::one()` or `{param}::PI()`"
    )
}

/// A nalgebra argument or result beside a const parameter.
pub fn const_parameter_nalgebra(param: &proc_macro2::Ident) -> String {
    format!(
        "nalgebra vectors and matrices cannot be differentiated in a function with the const parameter `{param}`: write their sizes as numbers (`SVector<f64, 3>`), or take a `DVector<f64>`"
    )
}

/// A view method with the wrong number of arguments.
pub fn view_arguments(method: &proc_macro2::Ident, count: usize) -> syn::Error {
    syn::Error::new(method.span(), format!("`{method}` takes {count} argument(s)"))
}

/// A view whose place or size depends on the differentiated inputs.
pub fn varied_view_argument(span: Span, method: &proc_macro2::Ident) -> syn::Error {
    syn::Error::new(
        span,
        format!(
            "the place and size of a view must not depend on the differentiated inputs: compute the indices of `{method}` from integers (lengths, loop indices, constants)"
        ),
    )
}

/// A view method applied to something that is not a nalgebra value.
pub fn view_of_non_matrix(method: &proc_macro2::Ident) -> syn::Error {
    syn::Error::new(
        method.span(),
        format!(
            "`{method}` takes a view of a nalgebra vector or matrix, and this is a differentiated float or array: index it instead"
        ),
    )
}

/// A closure parameter that is not a name.
pub const CLOSURE_PARAMETER: &str = "a closure called in a differentiated function takes names as parameters (`|v: f64| ..`, `|_| ..`): take a tuple or reference apart inside the body";

/// A `return` inside a closure that a differentiated function calls.
pub const CLOSURE_RETURN: &str = "a closure called in a differentiated function cannot `return` early: make its body one expression (`if c { a } else { b }`)";

/// A closure that assigns to a variable.
pub const CLOSURE_ASSIGNS: &str = "a closure called in a differentiated function cannot assign to variables: return the new value from the closure and assign it at the call (`s = step(s, x);`)";

/// `let [a, b] = expr;` of something other than a name.
pub const ARRAY_PATTERN_OF_A_NAME: &str =
    "an array pattern takes apart an array by its name: bind the value first (`let v = ..; let [a, b, c] = v;`)";

/// An element of an array pattern that is not a name or `_`.
pub const ARRAY_PATTERN_ELEMENT: &str =
    "the elements of an array pattern are names, `_` or one `..`: take nested values apart with a `let` of their own";

/// An integer where float arithmetic needs a float (`x + 1`, `x * v.len()`).
pub fn integer_in_float_arithmetic(written: &str, instead: &str) -> String {
    format!("`{written}` is an integer, and a float is needed here: write `{instead}`")
}

/// A float exponent given to `powi`.
pub const POWI_FLOAT_EXPONENT: &str =
    "`powi` takes an integer exponent (`x.powi(2)`): for a float exponent use `powf` (`x.powf(2.5)`)";
