//! The `#[differentiate]` attribute of matdiff: generates gradient and
//! Hessian functions by source transformation at compile time.
//!
//! The entry point only parses and hands over to `expand`; each pass is a
//! module of its own: `options` → `signature` → `fence` → `lower` →
//! `closure` (the closures of elementwise maps, which lowering records) →
//! `activity` → `reverse` → `tangent` → `simplify` (then `prune`) →
//! `emit`; `sparsity` and `band` read where a Hessian can be nonzero;
//! `expand` builds each
//! function's derivative cores once (`expand/cores`) and the public
//! functions as wrappers over them (`expand/wrappers`, `expand/hessian`,
//! `expand/jacobian`). `derivative` is the other attribute: a function's
//! derivative given by its partials, whose second order it gets from
//! `expand` run on each partial. The names generated code uses are in `naming`, the
//! messages users see in the passes that find the problem (`fence` for
//! unsupported syntax), each through `errors`.

mod activity;
mod argmin_problem;
mod band;
mod closure;
mod derivative;
mod elements;
mod emit;
mod errors;
mod expand;
mod fence;
mod gather;
mod ir;
mod lower;
mod naming;
mod offsets;
mod options;
mod prune;
mod rename;
mod reverse;
mod signature;
mod simplify;
mod sparsity;
mod structs;
mod tangent;

#[cfg(test)]
mod snapshots;

use proc_macro::TokenStream;

/// Generates the derivatives of a scalar function: see the `matdiff` crate.
#[proc_macro_attribute]
pub fn differentiate(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::expand(args.into(), item.into()).into()
}

/// Gives the derivative of a function of scalars as its partials, for
/// `#[differentiate]` callers: see the `matdiff` crate.
#[proc_macro_attribute]
pub fn derivative(args: TokenStream, item: TokenStream) -> TokenStream {
    derivative::expand(args.into(), item.into()).into()
}

/// `argmin_problem!(f)` is `matdiff::argmin::Problem::new(f, f_grad,
/// f_hessian)`: see `matdiff::argmin` (feature `argmin` of `matdiff`).
#[proc_macro]
pub fn argmin_problem(function: TokenStream) -> TokenStream {
    argmin_problem::expand(function.into()).into()
}

/// Makes a struct a parameter `#[differentiate(wrt(..))]` can differentiate:
/// see "Struct parameters" in the `matdiff` crate.
#[proc_macro_derive(Differentiable, attributes(matdiff))]
pub fn differentiable(item: TokenStream) -> TokenStream {
    structs::derive(item.into()).into()
}

/// What the macro a `#[derive(Differentiable)]` emits expands to: the
/// differentiation of a function once its struct parameters' fields are
/// known. Not a public API.
#[doc(hidden)]
#[proc_macro]
pub fn __struct_parameter(input: TokenStream) -> TokenStream {
    structs::callback(input.into()).into()
}
