//! The derivative test of `#[differentiate(check)]`: a `#[cfg(test)]` test
//! that compares the generated gradient and Hessian with finite
//! differences of the function at given or generated points.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use super::Generator;
use crate::options::Options;
use crate::signature::{Float, Shape, Signature};

/// How many scalars a slice argument has at a generated point.
const SLICE_LEN: usize = 5;

/// The generated points: each scalar in (0.2, 0.9), inside the domain of
/// every elementary function the crate differentiates (`ln`, `sqrt`,
/// `acos`, ...) and away from the kinks of `abs`, `min` and `max` at 0.
fn generated_scalar(point: usize, index: usize) -> f64 {
    let phase = (point * 7 + index * 3) as f64;
    0.55 + 0.35 * (phase * 0.73 + 0.4).sin()
}

/// The errors of a `check` the generated test could not honour.
pub(super) fn validate(options: &Options, sig: &Signature) -> syn::Result<()> {
    let Some(check) = &options.check else { return Ok(()) };
    let refuse = |why: &str| Err(syn::Error::new(check.span, why));
    if sig.in_impl() {
        return refuse(
            "`check` goes on free functions: a test cannot call a method without a value of its type; \
             test the method with `matdiff::check::gradient` and `matdiff::check::hessian`",
        );
    }
    // A generic function is checked at `f64`.
    if sig.float == Float::F32 {
        return refuse("`check` compares with finite differences in `f64`: it goes on functions of `f64`");
    }
    if let Some(c) = sig.generics.const_params().next() {
        return Err(syn::Error::new(
            c.ident.span(),
            format!(
                "`check` makes up arguments of fixed lengths, and this function has the const parameter `{}`; \
                 drop `check`, or test an instance with `matdiff::check::gradient` and `matdiff::check::hessian`",
                c.ident
            ),
        ));
    }
    if let Some(p) = sig.params.iter().find(|p| !p.wrt) {
        return Err(syn::Error::new(
            p.ident.span(),
            format!(
                "`check` makes up every argument's value, and `{}` is not differentiated; \
                 drop `check`, or test with `matdiff::check::gradient` and a value of your own",
                p.ident
            ),
        ));
    }
    if let Some(p) = sig.params.iter().find(|p| matches!(p.shape, Shape::Matrix(_))) {
        return Err(syn::Error::new(
            p.ident.span(),
            "`check` does not build nalgebra arguments; test with `matdiff::check::gradient` on the matrix's entries",
        ));
    }
    let slices = sig.params.iter().filter(|p| matches!(p.shape, Shape::Dynamic)).count();
    if slices > 1 {
        return refuse("`check` takes one slice or `Vec` argument at most: a point's length then says how long it is");
    }
    Ok(())
}

impl<'a> Generator<'a> {
    /// The test, if `check` was asked for (see [`validate`]).
    pub(super) fn derivative_check(&self) -> Option<TokenStream> {
        let check = self.options.check.as_ref()?;
        let span = check.span;
        let function = &self.sig.name;
        let points: Vec<TokenStream> = match &check.points {
            Some(points) => points
                .iter()
                .map(|point| {
                    let scalars = point.iter().map(|e| quote_spanned!(span=> (#e) as f64));
                    quote!(::std::vec![#(#scalars),*])
                })
                .collect(),
            None => (0..3)
                .map(|point| {
                    let scalars = (0..self.generated_len()).map(|i| generated_scalar(point, i));
                    quote!(::std::vec![#(#scalars),*])
                })
                .collect(),
        };
        // Each argument from its scalars, which come in argument order.
        let mut lets = Vec::new();
        let mut names = Vec::new();
        let function_name = function.to_string();
        let function_name_early = &function_name;
        let fixed: Vec<TokenStream> = self.sig.params.iter().filter_map(|p| self.fixed_len(&p.shape)).collect();
        for (k, p) in self.sig.params.iter().enumerate() {
            let len = match &p.shape {
                Shape::Dynamic => quote!(__matdiff_point.len() - (0usize #(+ #fixed)*)),
                shape => self.fixed_len(shape).unwrap_or_else(|| quote!(1usize)),
            };
            let arg = format_ident!("__matdiff_arg{}", k);
            let scalars = quote!(&__matdiff_point[__matdiff_at..__matdiff_at + #len]);
            let value = argument(&self.at_f64(&p.ty), scalars);
            lets.push(quote! {
                let #arg = #value;
                __matdiff_at += #len;
            });
            let name = p.ident.to_string();
            let array = !matches!(p.shape, Shape::Scalar);
            names.push(quote!((#name, #len, #array)));
        }
        let args: Vec<_> = (0..self.sig.params.len()).map(|k| format_ident!("__matdiff_arg{}", k)).collect();
        let grad = self.name(&self.options.grad, "grad");
        let jacobian = self.name(&self.options.jacobian, "jacobian");
        let build = quote! {
            let mut __matdiff_at = 0usize;
            #(#lets)*
        };
        let hessian = (!self.options.no_hessian).then(|| {
            let hessian = self.name(&self.options.hessian, "hessian");
            quote!(::core::option::Option::Some(&{ #build ::matdiff::check::scalars(&#hessian(#(#args),*)) }[..]))
        });
        let hessian = hessian.unwrap_or_else(|| quote!(::core::option::Option::None));
        // A point must have the function's number of scalars (at least
        // those of its fixed-size arguments, with a slice).
        let has_slice = self.sig.params.iter().any(|p| matches!(p.shape, Shape::Dynamic));
        let length_check = if has_slice {
            quote! {
                assert!(
                    __matdiff_point.len() >= 0usize #(+ #fixed)*,
                    "a check point of {} has {} scalars, fewer than its arguments of fixed size take",
                    #function_name_early, __matdiff_point.len()
                );
            }
        } else {
            quote! {
                assert!(
                    __matdiff_point.len() == 0usize #(+ #fixed)*,
                    "a check point of {} has {} scalars, but it takes {}",
                    #function_name_early, __matdiff_point.len(), 0usize #(+ #fixed)*
                );
            }
        };
        let test =
            format_ident!("{}_derivatives_match_finite_differences", function.to_string().trim_start_matches("r#"));
        let module = format_ident!("__matdiff_check_{}", function.to_string().trim_start_matches("r#"));
        // A function with several outputs has its Jacobian checked, one
        // has its gradient and Hessian.
        // A nalgebra Jacobian is stored column by column: its transpose's
        // storage holds the rows one after the other.
        let jacobian_rows =
            if self.matrix_mode() { quote!(#jacobian(#(#args),*).transpose()) } else { quote!(#jacobian(#(#args),*)) };
        let compare = if self.sig.vector_output.is_some() {
            quote! {
                let __matdiff_value = |__matdiff_point: &[f64]| -> ::std::vec::Vec<f64> {
                    #build
                    ::matdiff::check::scalars(&#function(#(#args),*))
                };
                let __matdiff_jacobian = { #build ::matdiff::check::scalars(&#jacobian_rows) };
                ::matdiff::check::check_jacobian_point(
                    #function_name,
                    &__matdiff_names,
                    __matdiff_point,
                    __matdiff_value,
                    &__matdiff_jacobian,
                );
            }
        } else {
            quote! {
                let __matdiff_value = |__matdiff_point: &[f64]| -> f64 {
                    #build
                    #function(#(#args),*)
                };
                let __matdiff_gradient = { #build ::matdiff::check::scalars(&#grad(#(#args),*)) };
                ::matdiff::check::check_point(
                    #function_name,
                    &__matdiff_names,
                    __matdiff_point,
                    __matdiff_value,
                    &__matdiff_gradient,
                    #hessian,
                );
            }
        };
        Some(quote_spanned! {Span::call_site()=>
            #[cfg(test)]
            #[doc(hidden)]
            #[allow(non_snake_case, unused_variables, clippy::all)]
            mod #module {
                use super::*;

                #[test]
                fn #test() {
                    let __matdiff_points: ::std::vec::Vec<::std::vec::Vec<f64>> = ::std::vec![#(#points),*];
                    for __matdiff_point in &__matdiff_points {
                        let __matdiff_point: &[f64] = __matdiff_point;
                        #length_check
                        let __matdiff_names = {
                            #build
                            ::matdiff::check::scalar_names(&[#(#names),*])
                        };
                        #compare
                    }
                }
            }
        })
    }

    /// The number of scalars of a generated point.
    fn generated_len(&self) -> usize {
        self.sig
            .params
            .iter()
            .map(|p| match &p.shape {
                Shape::Scalar => 1,
                Shape::Fixed(syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(n), .. })) => {
                    n.base10_parse().unwrap_or(1)
                }
                Shape::Fixed(_) => 1,
                Shape::Dynamic | Shape::Matrix(_) => SLICE_LEN,
            })
            .sum()
    }

    /// `ty` with the float type parameter of a generic function replaced
    /// by `f64`, at which the test checks it.
    fn at_f64(&self, ty: &syn::Type) -> syn::Type {
        struct AtF64<'p>(&'p proc_macro2::Ident);
        impl syn::visit_mut::VisitMut for AtF64<'_> {
            fn visit_type_mut(&mut self, ty: &mut syn::Type) {
                if matches!(ty, syn::Type::Path(p) if p.qself.is_none() && p.path.is_ident(self.0)) {
                    *ty = syn::parse_quote!(f64);
                } else {
                    syn::visit_mut::visit_type_mut(self, ty);
                }
            }
        }
        let mut ty = ty.clone();
        if let Float::Generic(t) = &self.sig.float {
            syn::visit_mut::VisitMut::visit_type_mut(&mut AtF64(t), &mut ty);
        }
        ty
    }

    /// The length of an argument of fixed size, as an expression.
    fn fixed_len(&self, shape: &Shape) -> Option<TokenStream> {
        match shape {
            Shape::Scalar => Some(quote!(1usize)),
            Shape::Fixed(n) => Some(quote!((#n) as usize)),
            Shape::Dynamic | Shape::Matrix(_) => None,
        }
    }
}

/// The argument of type `ty` built from `scalars` (a `&[f64]`).
fn argument(ty: &syn::Type, scalars: TokenStream) -> TokenStream {
    match ty {
        syn::Type::Reference(r) => match &*r.elem {
            syn::Type::Slice(_) => scalars,
            inner => quote!(&<#inner as ::matdiff::check::FromScalars>::from_scalars(#scalars)),
        },
        syn::Type::Paren(p) => argument(&p.elem, scalars),
        ty => quote!(<#ty as ::matdiff::check::FromScalars>::from_scalars(#scalars)),
    }
}
