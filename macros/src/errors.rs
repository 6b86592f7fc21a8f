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
/// `#[derive(Differentiable)]` on an enum, a union or a tuple struct.
pub fn struct_not_a_struct() -> String {
    "`#[derive(Differentiable)]` goes on a struct with named fields (`struct Params { w: DMatrix<f64>, b: f64 }`)"
        .to_string()
}

/// `#[derive(Differentiable)]` on a generic struct.
pub fn struct_generic(name: &proc_macro2::Ident) -> String {
    format!(
        "`#[derive(Differentiable)]` does not support generic structs: write `{name}` for `f64` (or `f32`) and fixed sizes"
    )
}

/// Differentiated fields of two float types.
pub fn struct_mixed_floats(field: &proc_macro2::Ident, first: &proc_macro2::Ident) -> String {
    format!(
        "every differentiated field of a `#[derive(Differentiable)]` struct has one float type, and an earlier field's is `{first}`: give `{field}` that type, or mark it `#[matdiff(constant)]`"
    )
}

/// A struct whose every field is constant.
pub fn struct_no_field(name: &proc_macro2::Ident) -> String {
    format!("`{name}` has no field to differentiate: every field is `#[matdiff(constant)]`")
}

/// `#[matdiff(..)]` with anything but `constant`.
pub fn struct_field_attribute() -> String {
    "the one field attribute is `#[matdiff(constant)]`: the field is passed through, not differentiated".to_string()
}

/// A field whose type cannot be differentiated.
pub fn struct_field_type(ty: &str) -> String {
    format!(
        "a field of type `{ty}` cannot be differentiated: fields may be `f64` (or `f32`), `[f64; N]`, `Vec<f64>`, `DVector<f64>`, `DMatrix<f64>`, `SVector<f64, N>`, `SMatrix<f64, R, C>` or their aliases (`Vector3<f64>`); a field whose type is a struct with `#[derive(Differentiable)]` is differentiated through its fields. Mark the field `#[matdiff(constant)]` to pass it through (its gradient is a copy of it)"
    )
}

/// An array or static nalgebra size that is not an integer literal.
pub fn struct_literal_length() -> String {
    "in a `#[derive(Differentiable)]` struct, write the sizes of arrays, `SVector`s and `SMatrix`es as numbers (`[f64; 3]`, `SVector<f64, 3>`): the derivatives are generated where the function is, which need not see a constant of the struct's module".to_string()
}

/// A struct parameter in `wrt(..)` taken by `&mut`.
pub fn struct_mutable(name: &proc_macro2::Ident) -> String {
    format!("a differentiated function cannot change its arguments through `&mut`: take `{name}` by `&` (or by value)")
}

/// A struct parameter in `wrt(..)` with generic arguments.
pub fn struct_generic_parameter(name: &proc_macro2::Ident) -> String {
    format!(
        "a struct parameter with generic arguments cannot be differentiated: give `{name}` a struct without type parameters, with `#[derive(matdiff::Differentiable)]`"
    )
}

/// A struct parameter in `wrt(..)` of a method.
pub fn struct_in_method(name: &proc_macro2::Ident) -> String {
    format!(
        "struct parameters are differentiated in free functions only: write a free function that takes `{name}` and call it from the method"
    )
}

/// `check` with a struct parameter.
pub fn struct_check() -> String {
    "`check` does not support struct parameters: test the gradient by hand, against `matdiff::check` of a function of the fields".to_string()
}

/// A function of a struct parameter whose result is not one float.
pub fn struct_vector_result() -> String {
    "a function differentiated with respect to a struct must return one float, `f64` or `f32` (its gradient is a struct like the parameter)".to_string()
}

/// A generic function with a struct parameter.
pub fn struct_generic_function() -> String {
    "a function differentiated with respect to a struct cannot have type or const parameters: write it for `f64` (or `f32`) and fixed sizes".to_string()
}

/// A use of a differentiated struct parameter other than a field read.
pub fn struct_whole_use(param: &proc_macro2::Ident, fields: &str) -> String {
    format!(
        "`{param}` is differentiated field by field, so the body may only read its fields ({fields}, and constant fields): pass the fields rather than `{param}` itself, or leave `{param}` out of `wrt(..)`"
    )
}

/// A binding that shadows a differentiated struct parameter.
pub fn struct_shadowed(param: &proc_macro2::Ident) -> String {
    format!("this name shadows the differentiated struct parameter `{param}`: give the new binding another name")
}

/// A function with no float argument and a struct argument, without
/// `wrt(..)`.
pub fn struct_not_in_wrt(param: &proc_macro2::Ident) -> String {
    format!(
        "this function has no `f64` or `f32` argument to differentiate with respect to: a struct argument is differentiated when `wrt(..)` names it, `#[differentiate(wrt({param}))]`, and its type has `#[derive(matdiff::Differentiable)]`"
    )
}

/// A struct parameter whose fields' float type is not the result's.
pub fn struct_float_type(
    param: &proc_macro2::Ident,
    fields: &proc_macro2::Ident,
    result: &proc_macro2::Ident,
) -> String {
    format!(
        "the differentiated fields of `{param}` are `{fields}` and the function returns `{result}`: return `{fields}` (convert inside the body), or give the struct `{result}` fields"
    )
}

/// A use of a struct field of a differentiated struct other than a read of
/// its fields.
pub fn struct_nested_use(read: &str, fields: &str) -> String {
    format!(
        "`{read}` is a struct differentiated field by field, so the body may only read its fields ({fields}, and constant fields): pass those rather than `{read}` itself"
    )
}

/// An assignment to a constant field of a differentiated struct.
pub fn struct_constant_assigned() -> String {
    "a constant field of a differentiated struct cannot be assigned in the function: copy it into a local variable and change that".to_string()
}

/// An assignment to a `Vec`, `DVector` or `DMatrix` field of a
/// differentiated struct.
pub fn struct_leaf_assigned() -> String {
    "a `Vec`, `DVector` or `DMatrix` field of a differentiated struct cannot be assigned in the function: compute the new value into a local variable (`let w = ..;`) and use that".to_string()
}

/// A `let`-bound closure called in a nalgebra `map` that cannot be inlined
/// there.
pub const CLOSURE_IN_MAP: &str = "this closure cannot be called inside the closure of a nalgebra `map` here (a variable it reads was bound again since it was written): write its body in the `map` closure";
