//! `argmin_problem!(f)`: `matdiff::argmin::Problem::new(f, f_grad, f_hessian)`.
//!
//! A function-like procedural macro rather than a `macro_rules!` one, because
//! naming `f_grad` from `f` means joining identifiers, which `macro_rules!`
//! cannot do without a helper crate.

use proc_macro2::TokenStream;
use quote::quote;
use syn::spanned::Spanned;

/// Expands `path::to::f` to the `Problem` built from `f` and the functions
/// `#[differentiate]` generated next to it under their default names.
pub fn expand(input: TokenStream) -> TokenStream {
    let function: syn::Path = match syn::parse2(input) {
        Ok(path) => path,
        Err(error) => {
            let message = "`argmin_problem!` takes the name of a `#[differentiate]` function of one slice \
                 (`argmin_problem!(rosenbrock)`); for anything else call \
                 `matdiff::argmin::Problem::new(f, f_grad, f_hessian)` with closures";
            return syn::Error::new(error.span(), message).to_compile_error();
        }
    };
    let Some(last) = function.segments.last() else {
        return syn::Error::new(function.span(), "`argmin_problem!` needs a function name").to_compile_error();
    };
    // The names `#[differentiate]` gives by default (options `grad = ..` and
    // `hessian = ..` rename them; then call `Problem::new` yourself). The
    // span of the user's name makes a missing `f_hessian` (`no_hessian`) an
    // error at the macro's argument.
    let base = last.ident.to_string();
    let base = base.trim_start_matches("r#");
    let companion = |suffix: &str| {
        let mut path = function.clone();
        if let Some(segment) = path.segments.last_mut() {
            segment.ident = proc_macro2::Ident::new(&format!("{base}_{suffix}"), segment.ident.span());
        }
        path
    };
    let (grad, hessian) = (companion("grad"), companion("hessian"));
    quote!(::matdiff::argmin::Problem::new(#function, #grad, #hessian))
}
