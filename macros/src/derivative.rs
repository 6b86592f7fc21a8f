//! `#[derivative(..)]`: a function's derivative given by hand, as its partials or its tangent, from which its companion is built.
//!
//! The function is kept as it is and never read. With partials, the
//! companion (`matdiff_core::calling`) computes the value by calling it,
//! the cotangents as partial times seed, the tangent as the sum of partials
//! times tangents, and the second-order terms from the tangents of the
//! partials: each partial becomes a hidden function of the arguments (and
//! of the result, when the user names it) that goes through the
//! `#[differentiate]` pipeline, whose `jvp` gives its derivative along the
//! caller's directions, the result's tangent included. With a tangent
//! (for slices and arrays), the hidden function is the tangent, linear in
//! the arguments' tangents, and its own reverse and forward-over-reverse
//! give the gradient and the second order (see `Emitter::emit_tangent`).
//! Either way the user gives first-order rules only, and gradients,
//! Hessians, Hessian-vector products and Jacobians of callers all work
//! through the call.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;
use syn::{Token, parse_quote};

use crate::errors::Errors;
use crate::naming;
use crate::signature::Float;

/// The attribute's whole output: the original function, then either its
/// companion and the hidden partials or the errors.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let function: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(function) => function,
        Err(_) => {
            let error = syn::Error::new(
                Span::call_site(),
                "`#[derivative(..)]` goes on a function of floats (`fn erf(x: f64) -> f64 { .. }`), with the partial derivative of each argument: `#[derivative(x = ..)]`",
            )
            .to_compile_error();
            return quote!(#item #error);
        }
    };
    match generate(args, &function) {
        Ok(generated) => quote!(#function #generated),
        Err(error) => {
            let error = error.to_compile_error();
            quote!(#function #error)
        }
    }
}

/// What the attribute says: a name for the result, and the partials or
/// the tangent.
struct Rule {
    /// `result = y`: the name the partials give the function's value.
    result: Option<Ident>,
    /// `x = expr`, in the order written.
    partials: Vec<(Ident, syn::Expr)>,
    /// `tangent = expr`: the directional derivative, in the arguments and
    /// their tangents `x_dot`.
    tangent: Option<(Ident, syn::Expr)>,
}

/// The key that names the result rather than an argument.
const RESULT: &str = "result";

/// The key of the general form: the tangent rather than the partials.
const TANGENT: &str = "tangent";

impl Parse for Rule {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut rule = Rule { result: None, partials: Vec::new(), tangent: None };
        let mut errors = Errors::default();
        while !input.is_empty() {
            let key: Ident = input.call(syn::ext::IdentExt::parse_any).map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "expected `argument = partial derivative` (`x = 2.0 * x`), `tangent = ..` or `result = name`",
                )
            })?;
            input.parse::<Token![=]>().map_err(|e| {
                syn::Error::new(
                    e.span(),
                    format!("expected `{key} = ..`: each entry is an argument and its partial derivative"),
                )
            })?;
            let value: syn::Expr = input.parse()?;
            if key == RESULT {
                match (&rule.result, value) {
                    (Some(_), _) => errors.push(key.span(), "`result = ..` is given twice"),
                    (None, syn::Expr::Path(p)) if p.qself.is_none() && p.path.get_ident().is_some() => {
                        rule.result = p.path.get_ident().cloned();
                    }
                    (None, other) => errors.push(
                        other.span(),
                        "`result = name` gives the function's value a name for the partials to use (`result = y`, then `x = 1.0 / y`): a plain name",
                    ),
                }
            } else if key == TANGENT {
                match &rule.tangent {
                    Some(_) => errors.push(key.span(), "`tangent = ..` is given twice"),
                    None => rule.tangent = Some((key, value)),
                }
            } else if rule.partials.iter().any(|(k, _)| *k == key) {
                errors.push(key.span(), format!("the partial derivative with respect to `{key}` is given twice"));
            } else {
                rule.partials.push((key, value));
            }
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        errors.finish()?;
        Ok(rule)
    }
}

/// One argument of the function.
struct Arg {
    ident: Ident,
    ty: syn::Type,
    /// Whether it is the float the function is of (or a slice or array of
    /// it, which only the tangent form takes); the others (integers, flags,
    /// data) are constants, passed through.
    float: bool,
    shape: ArgShape,
}

/// How a float argument holds its floats.
enum ArgShape {
    /// `f64`
    Scalar,
    /// `&[f64]`
    Slice,
    /// `[f64; N]`, or `&[f64; N]` with `reference`.
    Array { len: syn::Expr, reference: bool },
}

impl ArgShape {
    /// The type of a cotangent or tangent of this shape with elements
    /// `elem`.
    fn shaped(&self, elem: &TokenStream) -> TokenStream {
        match self {
            ArgShape::Scalar => elem.clone(),
            ArgShape::Slice => quote!(::std::vec::Vec<#elem>),
            ArgShape::Array { len, .. } => quote!([#elem; #len]),
        }
    }

    /// The float argument's shape, if `ty` is one of those of `float`.
    fn of(ty: &syn::Type, float: &Float) -> Option<ArgShape> {
        let same = |elem: &syn::Type| Float::of(elem).as_ref() == Some(float);
        match ty {
            syn::Type::Paren(p) => ArgShape::of(&p.elem, float),
            syn::Type::Group(g) => ArgShape::of(&g.elem, float),
            syn::Type::Array(a) if same(&a.elem) => Some(ArgShape::Array { len: a.len.clone(), reference: false }),
            syn::Type::Reference(r) if r.mutability.is_none() => match &*r.elem {
                syn::Type::Slice(slice) if same(&slice.elem) => Some(ArgShape::Slice),
                syn::Type::Array(a) if same(&a.elem) => Some(ArgShape::Array { len: a.len.clone(), reference: true }),
                _ => None,
            },
            _ => same(ty).then_some(ArgShape::Scalar),
        }
    }
}

/// The error for a function that has both attributes, from whichever of
/// the two runs first (`other` is the one still on the function).
pub fn both_attributes(function: &syn::ItemFn, other: &str) -> Option<syn::Error> {
    let attr = function.attrs.iter().find(|a| a.path().segments.last().is_some_and(|s| s.ident == other))?;
    let name = &function.sig.ident;
    Some(syn::Error::new(
        attr.path().segments.last().map_or(attr.span(), |s| s.ident.span()),
        format!(
            "`#[differentiate]` and `#[derivative(..)]` both define the derivatives of `{name}`: keep `#[differentiate]` if matdiff may read its body, `#[derivative(..)]` if it may not"
        ),
    ))
}

fn generate(args: TokenStream, function: &syn::ItemFn) -> syn::Result<TokenStream> {
    let mut errors = Errors::default();
    if let Some(error) = both_attributes(function, "differentiate") {
        return Err(error);
    }
    let rule = syn::parse2::<Rule>(args);
    let tangent_form = rule.as_ref().is_ok_and(|r| r.tangent.is_some());
    let signature = check_signature(&function.sig, tangent_form);
    let (rule, (float, params)) = match (rule, signature) {
        (Ok(rule), Ok(signature)) => (rule, signature),
        (rule, signature) => {
            for error in [rule.err(), signature.err()].into_iter().flatten() {
                errors.add(error);
            }
            return errors.finish().map(|_| TokenStream::new());
        }
    };
    let name = &function.sig.ident;
    let float = float.ident();
    let floats: Vec<String> = params.iter().filter(|p| p.float).map(|p| format!("`{}`", p.ident)).collect();
    if floats.is_empty() {
        errors.push(
            name.span(),
            format!(
                "`{name}` has no `{float}` argument, so a differentiated caller never needs its derivative: drop `#[derivative(..)]`"
            ),
        );
    }
    if let Some(result) = &rule.result
        && params.iter().any(|p| p.ident == *result)
    {
        errors.push(
            result.span(),
            format!("`{result}` is an argument of `{name}`: name the result differently (`result = value`)"),
        );
    }
    if let Some((key, _)) = &rule.tangent {
        if let Some((partial, _)) = rule.partials.first() {
            errors.push(
                partial.span(),
                format!(
                    "give either the partials or the tangent: `{partial} = ..` beside `{key} = ..`; the tangent alone says it all (`{key} = .. * {partial}_dot + ..`)"
                ),
            );
        }
        for p in params.iter().filter(|p| p.float) {
            let dot = format_ident!("{}_dot", p.ident);
            if let Some(clash) = params.iter().find(|q| q.ident == dot) {
                errors.push(
                    clash.ident.span(),
                    format!(
                        "`{dot}` is the name of `{}`'s tangent in `tangent = ..`, so an argument cannot take it: rename the argument",
                        p.ident
                    ),
                );
            }
        }
        errors.finish()?;
        return Emitter { function, float, params, rule }.emit_tangent();
    }
    for (key, _) in &rule.partials {
        match params.iter().find(|p| p.ident == *key) {
            Some(p) if p.float => {}
            Some(_) => errors.push(
                key.span(),
                format!(
                    "`{key}` is not a `{float}`: it is passed through as a constant and has no partial derivative; drop `{key} = ..`"
                ),
            ),
            None => errors.push(
                key.span(),
                format!(
                    "`{key}` is not an argument of `{name}`: give one partial derivative per `{float}` argument ({}), and `result = name` to name the result",
                    floats.join(", ")
                ),
            ),
        }
    }
    for p in params.iter().filter(|p| p.float) {
        if !rule.partials.iter().any(|(k, _)| *k == p.ident) {
            errors.push(
                p.ident.span(),
                format!(
                    "no partial derivative with respect to `{0}`: add `{0} = ..` to `#[derivative(..)]` (`{0} = 0.0` if `{name}` does not depend on it)",
                    p.ident
                ),
            );
        }
    }
    errors.finish()?;
    Emitter { function, float, params, rule }.emit_partials()
}

/// The arguments and the float type; errors for what the companion cannot
/// take.
fn check_signature(sig: &syn::Signature, tangent_form: bool) -> syn::Result<(Float, Vec<Arg>)> {
    let mut errors = Errors::default();
    let what = "`#[derivative(..)]` takes a plain function of floats (`fn f(x: f64, y: f64) -> f64`)";
    if let Some(token) = &sig.asyncness {
        errors.push(token.span(), format!("{what}, not an `async fn`"));
    }
    if let Some(token) = &sig.unsafety {
        errors.push(token.span(), format!("{what}, not an `unsafe fn`: wrap the unsafe call in a safe function"));
    }
    if let Some(token) = &sig.constness {
        errors.push(token.span(), format!("{what}, not a `const fn`: drop `const`"));
    }
    for param in &sig.generics.params {
        if !matches!(param, syn::GenericParam::Lifetime(_)) {
            errors.push(param.span(), format!("{what}: write it for `f64` (or `f32`), without type parameters"));
        }
    }
    let float = match &sig.output {
        syn::ReturnType::Type(_, ty) => Float::of(ty),
        syn::ReturnType::Default => None,
    };
    if float.is_none() {
        errors.push(
            sig.output.span().join(sig.ident.span()).unwrap_or(sig.ident.span()),
            format!(
                "{what} that returns one `f64` (or `f32`): for a function with several outputs, give one `#[derivative(..)]` function per output"
            ),
        );
    }
    let float = float.unwrap_or(Float::F64);
    let mut params = Vec::new();
    for input in &sig.inputs {
        let typed = match input {
            syn::FnArg::Receiver(r) => {
                errors
                    .push(r.span(), format!("{what}, not a method: write a free function and call it from the method"));
                continue;
            }
            syn::FnArg::Typed(typed) => typed,
        };
        let ident = match &*typed.pat {
            syn::Pat::Ident(p) if p.subpat.is_none() && p.by_ref.is_none() => p.ident.clone(),
            other => {
                errors.push(other.span(), format!("{what}: give each argument a plain name"));
                continue;
            }
        };
        let shape = match (ArgShape::of(&typed.ty, &float), Float::of(&typed.ty)) {
            (Some(ArgShape::Scalar), _) => Some(ArgShape::Scalar),
            (Some(shape), _) if tangent_form => Some(shape),
            (Some(_), _) => {
                errors.push(
                    typed.ty.span(),
                    format!(
                        "{what}: partials are of scalar arguments; for a function of slices or arrays give its tangent instead, `tangent = ..` in the arguments and their tangents (`x_dot`)"
                    ),
                );
                continue;
            }
            (None, Some(_)) => {
                errors.push(
                    typed.ty.span(),
                    format!("{what}: its arguments and result share one float type, `{}`", float.ident()),
                );
                continue;
            }
            (None, None) if mentions_float(&typed.ty) => {
                errors.push(
                    typed.ty.span(),
                    format!(
                        "{what}: its floats come as `{0}`, `&[{0}]` or `[{0}; N]` (`&[{0}; N]`); for a `Vec` take `&[{0}]`, and put `#[differentiate]` on functions of nalgebra values",
                        float.ident()
                    ),
                );
                continue;
            }
            (None, None) => None,
        };
        params.push(Arg {
            ident,
            ty: (*typed.ty).clone(),
            float: shape.is_some(),
            shape: shape.unwrap_or(ArgShape::Scalar),
        });
    }
    errors.finish()?;
    Ok((float, params))
}

/// Whether a type holds floats somewhere (`&[f64]`, `[f64; 3]`,
/// `Vec<f64>`): arguments the partials form cannot take, unlike data
/// passed through as a constant.
fn mentions_float(ty: &syn::Type) -> bool {
    fn walk(tokens: TokenStream) -> bool {
        tokens.into_iter().any(|tree| match tree {
            proc_macro2::TokenTree::Ident(i) => i == "f64" || i == "f32",
            proc_macro2::TokenTree::Group(g) => walk(g.stream()),
            _ => false,
        })
    }
    walk(quote!(#ty))
}

struct Emitter<'a> {
    function: &'a syn::ItemFn,
    float: Ident,
    params: Vec<Arg>,
    rule: Rule,
}

impl Emitter<'_> {
    fn emit_partials(&self) -> syn::Result<TokenStream> {
        let name = &self.function.sig.ident;
        let vis = &self.function.vis;
        let float = &self.float;
        let cfgs = self.cfgs();
        let partials = self.partial_functions()?;

        let params: Vec<TokenStream> = self
            .params
            .iter()
            .map(|p| {
                let (ident, ty) = (&p.ident, &p.ty);
                quote!(#ident: #ty)
            })
            .collect();
        let no_derivative = quote!(::matdiff::__private::NoDerivative);
        let slot_types: Vec<TokenStream> =
            self.params.iter().map(|p| if p.float { quote!(#float) } else { no_derivative.clone() }).collect();
        let tangent_slot_types: Vec<TokenStream> =
            self.params.iter().map(|p| if p.float { quote!(__MatdiffD) } else { no_derivative.clone() }).collect();
        let tangent_types: Vec<TokenStream> = self
            .params
            .iter()
            .map(|p| {
                if p.float {
                    quote!(::core::option::Option<__MatdiffD>)
                } else {
                    quote!(::core::option::Option<#no_derivative>)
                }
            })
            .collect();
        let directions = quote!(__MatdiffD: ::matdiff::__private::Directions<#float>);

        let args = self.args();
        let value = quote!(let __matdiff_value = #name(#(#args),*););
        let partial_values = self.partial_values();
        let floats: Vec<usize> = (0..self.params.len()).filter(|&k| self.params[k].float).collect();
        let count = floats.len();

        // Each float argument's slot takes the next partial; the others
        // take `NoDerivative`.
        let slots = |per_float: &dyn Fn(usize) -> TokenStream| -> Vec<TokenStream> {
            let mut i = 0;
            self.params
                .iter()
                .map(|p| {
                    if p.float {
                        i += 1;
                        per_float(i - 1)
                    } else {
                        no_derivative.clone()
                    }
                })
                .collect()
        };
        let index = |i: usize| syn::Index::from(i);

        let vjp_slots = slots(&|i| {
            let i = index(i);
            quote!(__matdiff_out_bar * __matdiff_partials[#i])
        });
        let vjp = quote! {
            #[doc(hidden)]
            #[inline]
            pub fn vjp(#(#params,)* __matdiff_out_bar: #float) -> (#float, (#(#slot_types,)*)) {
                #value
                #partial_values
                (__matdiff_value, (#(#vjp_slots,)*))
            }
        };

        let tangent_reads: Vec<TokenStream> = floats
            .iter()
            .map(|&k| {
                let k = index(k);
                quote!(::matdiff::__private::tangent_or_zero::<#float, __MatdiffD>(__matdiff_tangents.#k))
            })
            .collect();
        let jvp = quote! {
            #[doc(hidden)]
            #[inline]
            pub fn jvp<#directions>(#(#params,)* __matdiff_tangents: (#(#tangent_types,)*)) -> (#float, __MatdiffD) {
                #value
                #partial_values
                let __matdiff_dots: [__MatdiffD; #count] = [#(#tangent_reads),*];
                (__matdiff_value, ::matdiff::__private::chain_partials(&__matdiff_partials, &__matdiff_dots))
            }
        };

        // The tangent of each partial along the caller's directions, from
        // its hidden function's `jvp`; with `result = y` the partial also
        // moves with the result, whose tangent is the first-order one.
        let partial_tangents = {
            let mut lets = Vec::new();
            let result_tangent = self.rule.result.as_ref().map(|_| {
                quote!(::core::option::Option::Some(::matdiff::__private::chain_partials(
                    &__matdiff_partials,
                    &__matdiff_dots
                )))
            });
            if self.rule.result.is_some() {
                lets.push(partial_values.clone());
                lets.push(quote!(let __matdiff_result_dot = #result_tangent;));
            }
            let mut i = 0;
            let tangents: Vec<TokenStream> = self
                .params
                .iter()
                .map(|p| {
                    if p.float {
                        let k = index(i);
                        i += 1;
                        quote!(::core::option::Option::Some(__matdiff_dots[#k]))
                    } else {
                        quote!(::core::option::Option::None)
                    }
                })
                .chain(self.rule.result.as_ref().map(|_| quote!(__matdiff_result_dot)))
                .collect();
            let mut pairs = Vec::new();
            for (i, p) in self.params.iter().filter(|p| p.float).enumerate() {
                let hidden = naming::partial(name, &p.ident);
                let args = self.partial_args();
                let (value, dot) =
                    (format_ident!("__matdiff_partial{}", i), format_ident!("__matdiff_partial_dot{}", i));
                lets.push(quote! {
                    let (#value, #dot) = #hidden::jvp::<__MatdiffD>(#(#args,)* (#(#tangents,)*));
                });
                pairs.push((value, dot));
            }
            let values = pairs.iter().map(|(v, _)| v);
            lets.push(quote!(let __matdiff_partials: [#float; #count] = [#(#values),*];));
            (lets, pairs)
        };
        let (tangent_lets, pairs) = partial_tangents;
        let value_dot = quote!(::matdiff::__private::chain_partials(&__matdiff_partials, &__matdiff_dots));
        let mut i = 0;
        let (cotangents, cotangent_dots): (Vec<TokenStream>, Vec<TokenStream>) = self
            .params
            .iter()
            .map(|p| {
                if !p.float {
                    return (no_derivative.clone(), no_derivative.clone());
                }
                let (value, dot) = &pairs[i];
                i += 1;
                (
                    quote!(::matdiff::__private::reseed_cotangent(__matdiff_out_bar, #value)),
                    quote!(::matdiff::__private::reseed_scalar(__matdiff_out_bar, &__matdiff_out_bar_dot, &#value, #dot)),
                )
            })
            .unzip();
        let vjp_jvp = quote! {
            #[doc(hidden)]
            #[inline]
            pub fn vjp_jvp<#directions>(
                #(#params,)*
                __matdiff_tangents: (#(#tangent_types,)*),
                __matdiff_out_bar: #float,
                __matdiff_out_bar_dot: ::core::option::Option<__MatdiffD>,
            ) -> (#float, __MatdiffD, (#(#slot_types,)*), (#(#tangent_slot_types,)*)) {
                let __matdiff_dots: [__MatdiffD; #count] = [#(#tangent_reads),*];
                let __matdiff_out_bar_dot = ::matdiff::__private::tangent_or_zero::<#float, __MatdiffD>(__matdiff_out_bar_dot);
                #value
                #(#tangent_lets)*
                (__matdiff_value, #value_dot, (#(#cotangents,)*), (#(#cotangent_dots,)*))
            }
        };

        Ok(quote! {
            #[doc(hidden)]
            #[allow(non_camel_case_types, dead_code)]
            #cfgs
            #vis struct #name {}

            #cfgs
            #[allow(dead_code, unused_variables, clippy::all, clippy::pedantic, clippy::nursery)]
            impl #name {
                #vjp
                #jvp
                #vjp_jvp
            }

            #partials
        })
    }

    /// The companion of the tangent form. The hidden function
    /// `T(x.., x_dot.., [y]) = tangent` is linear in the `x_dot`s, so its
    /// derivative with respect to `x_dot` is the gradient of `f`: `f`'s
    /// cotangents are `T`'s cotangents of the `x_dot`s (at `x_dot` = 0), and
    /// their tangents along the caller's directions are `T`'s along `x`
    /// (and `y`, with `f`'s tangent), which its own forward-over-reverse
    /// gives. `f`'s tangent is `T`'s along `x_dot`.
    fn emit_tangent(&self) -> syn::Result<TokenStream> {
        let name = &self.function.sig.ident;
        let vis = &self.function.vis;
        let float = &self.float;
        let cfgs = self.cfgs();
        let hidden = naming::tangent(name);
        let Some((_, expr)) = &self.rule.tangent else { return Ok(TokenStream::new()) };

        let floats: Vec<&Arg> = self.params.iter().filter(|p| p.float).collect();
        let dots: Vec<Ident> = floats.iter().map(|p| format_ident!("{}_dot", p.ident, span = p.ident.span())).collect();
        let params: Vec<TokenStream> = self
            .params
            .iter()
            .map(|p| {
                let (ident, ty) = (&p.ident, &p.ty);
                quote!(#ident: #ty)
            })
            .collect();
        let mut hidden_params = params.clone();
        for (p, dot) in floats.iter().zip(&dots) {
            let ty = &p.ty;
            hidden_params.push(quote!(#dot: #ty));
        }
        if let Some(result) = &self.rule.result {
            hidden_params.push(quote!(#result: #float));
        }
        let item: syn::ItemFn = parse_quote! {
            #[doc(hidden)]
            #[allow(unused_variables, dead_code, non_snake_case, clippy::all, clippy::pedantic, clippy::nursery)]
            #cfgs
            fn #hidden(#(#hidden_params),*) -> #float {
                let tangent: #float = #expr;
                tangent
            }
        };
        let hidden_companion = crate::expand::companion_only(&item)?;

        let no_derivative = quote!(::matdiff::__private::NoDerivative);
        let d = quote!(__MatdiffD);
        let slot_types: Vec<TokenStream> = self
            .params
            .iter()
            .map(|p| if p.float { p.shape.shaped(&quote!(#float)) } else { no_derivative.clone() })
            .collect();
        let tangent_slot_types: Vec<TokenStream> =
            self.params.iter().map(|p| if p.float { p.shape.shaped(&d) } else { no_derivative.clone() }).collect();
        let tangent_types: Vec<TokenStream> = self
            .params
            .iter()
            .map(|p| {
                if !p.float {
                    return quote!(::core::option::Option<#no_derivative>);
                }
                match &p.shape {
                    ArgShape::Scalar => quote!(::core::option::Option<#d>),
                    ArgShape::Slice => quote!(::core::option::Option<&[#d]>),
                    ArgShape::Array { len, .. } => quote!(::core::option::Option<&[#d; #len]>),
                }
            })
            .collect();
        let directions = quote!(__MatdiffD: ::matdiff::__private::Directions<#float>);

        // The zero tangents `T` is evaluated at, and the arguments of `T`.
        let zeros: Vec<TokenStream> = floats
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let zero = format_ident!("__matdiff_zero{}", i);
                let ident = &p.ident;
                match &p.shape {
                    ArgShape::Scalar => quote!(let #zero: #float = 0.0;),
                    ArgShape::Slice => {
                        quote!(let #zero: ::std::vec::Vec<#float> = ::std::vec![0.0; #ident.len()];)
                    }
                    ArgShape::Array { len, .. } => quote!(let #zero: [#float; #len] = [0.0; #len];),
                }
            })
            .collect();
        let mut hidden_args = self.args();
        for (i, p) in floats.iter().enumerate() {
            let zero = format_ident!("__matdiff_zero{}", i);
            hidden_args.push(match &p.shape {
                ArgShape::Scalar | ArgShape::Array { reference: false, .. } => quote!(#zero),
                ArgShape::Slice | ArgShape::Array { reference: true, .. } => quote!(&#zero),
            });
        }
        if self.rule.result.is_some() {
            hidden_args.push(quote!(__matdiff_value));
        }
        // `T`'s tangents: `of_args` for the arguments, `of_dots` for the
        // `x_dot`s, `of_result` for the result.
        let hidden_tangents = |of_args: bool, of_dots: bool, of_result: TokenStream| -> TokenStream {
            let mut tangents = Vec::new();
            for (k, p) in self.params.iter().enumerate() {
                let k = syn::Index::from(k);
                tangents.push(if p.float && of_args {
                    quote!(__matdiff_tangents.#k)
                } else {
                    quote!(::core::option::Option::None)
                });
            }
            for (k, _) in self.params.iter().enumerate().filter(|(_, p)| p.float) {
                let k = syn::Index::from(k);
                tangents.push(if of_dots {
                    quote!(__matdiff_tangents.#k)
                } else {
                    quote!(::core::option::Option::None)
                });
            }
            if self.rule.result.is_some() {
                tangents.push(of_result);
            }
            quote!((#(#tangents,)*))
        };
        // `f`'s slot `k` is `T`'s slot of `x_dot`.
        let n = self.params.len();
        let pick = |tuple: TokenStream| -> Vec<TokenStream> {
            let mut i = 0;
            self.params
                .iter()
                .map(|p| {
                    if p.float {
                        let index = syn::Index::from(n + i);
                        i += 1;
                        quote!(#tuple.#index)
                    } else {
                        no_derivative.clone()
                    }
                })
                .collect()
        };
        let args = self.args();
        let value = quote!(let __matdiff_value = #name(#(#args),*););
        let none = quote!(::core::option::Option::None);

        let vjp_slots = pick(quote!(__matdiff_slots));
        let vjp = quote! {
            #[doc(hidden)]
            #[inline]
            pub fn vjp(#(#params,)* __matdiff_out_bar: #float) -> (#float, (#(#slot_types,)*)) {
                #value
                #(#zeros)*
                let (_, __matdiff_slots) = #hidden::vjp(#(#hidden_args,)* __matdiff_out_bar);
                (__matdiff_value, (#(#vjp_slots,)*))
            }
        };
        let forward_tangents = hidden_tangents(false, true, none.clone());
        let forward = quote! {
            let (_, __matdiff_value_dot) = #hidden::jvp::<#d>(#(#hidden_args,)* #forward_tangents);
        };
        let jvp = quote! {
            #[doc(hidden)]
            #[inline]
            pub fn jvp<#directions>(#(#params,)* __matdiff_tangents: (#(#tangent_types,)*)) -> (#float, #d) {
                #value
                #(#zeros)*
                #forward
                (__matdiff_value, __matdiff_value_dot)
            }
        };
        let second_tangents = hidden_tangents(true, false, quote!(::core::option::Option::Some(__matdiff_value_dot)));
        let (cotangents, cotangent_dots) = (pick(quote!(__matdiff_slots)), pick(quote!(__matdiff_dots)));
        let vjp_jvp = quote! {
            #[doc(hidden)]
            #[inline]
            pub fn vjp_jvp<#directions>(
                #(#params,)*
                __matdiff_tangents: (#(#tangent_types,)*),
                __matdiff_out_bar: #float,
                __matdiff_out_bar_dot: ::core::option::Option<#d>,
            ) -> (#float, #d, (#(#slot_types,)*), (#(#tangent_slot_types,)*)) {
                #value
                #(#zeros)*
                #forward
                let (_, _, __matdiff_slots, __matdiff_dots) = #hidden::vjp_jvp::<#d>(
                    #(#hidden_args,)* #second_tangents, __matdiff_out_bar, __matdiff_out_bar_dot,
                );
                (__matdiff_value, __matdiff_value_dot, (#(#cotangents,)*), (#(#cotangent_dots,)*))
            }
        };

        Ok(quote! {
            #[doc(hidden)]
            #[allow(non_camel_case_types, dead_code)]
            #cfgs
            #vis struct #name {}

            #cfgs
            #[allow(dead_code, unused_variables, clippy::all, clippy::pedantic, clippy::nursery)]
            impl #name {
                #vjp
                #jvp
                #vjp_jvp
            }

            #item
            #hidden_companion
        })
    }

    /// The function's `#[cfg]` attributes, which every generated item keeps.
    fn cfgs(&self) -> TokenStream {
        let cfgs =
            self.function.attrs.iter().filter(|a| a.path().get_ident().is_some_and(|i| i == "cfg" || i == "cfg_attr"));
        quote!(#(#cfgs)*)
    }

    /// The arguments of a call, each used more than once: a constant that
    /// is not `Copy` is cloned.
    fn args(&self) -> Vec<TokenStream> {
        self.params
            .iter()
            .map(|p| {
                let ident = &p.ident;
                if p.float { quote!(#ident) } else { quote!(::core::clone::Clone::clone(&#ident)) }
            })
            .collect()
    }

    /// The arguments of a hidden partial: the function's, then its value
    /// when the partials name it.
    fn partial_args(&self) -> Vec<TokenStream> {
        let mut args = self.args();
        if self.rule.result.is_some() {
            args.push(quote!(__matdiff_value));
        }
        args
    }

    /// `let __matdiff_partials = [..];`: each partial at the arguments.
    fn partial_values(&self) -> TokenStream {
        let float = &self.float;
        let name = &self.function.sig.ident;
        let calls = self.params.iter().filter(|p| p.float).map(|p| {
            let hidden = naming::partial(name, &p.ident);
            let args = self.partial_args();
            quote!(#hidden(#(#args),*))
        });
        let count = self.params.iter().filter(|p| p.float).count();
        quote!(let __matdiff_partials: [#float; #count] = [#(#calls),*];)
    }

    /// One hidden function per partial, of the arguments (and the result),
    /// with its own companion from the `#[differentiate]` pipeline: the
    /// partial's tangent is what the second order needs.
    fn partial_functions(&self) -> syn::Result<TokenStream> {
        let name = &self.function.sig.ident;
        let float = &self.float;
        let cfgs = self.cfgs();
        let mut params: Vec<TokenStream> = self
            .params
            .iter()
            .map(|p| {
                let (ident, ty) = (&p.ident, &p.ty);
                quote!(#ident: #ty)
            })
            .collect();
        if let Some(result) = &self.rule.result {
            params.push(quote!(#result: #float));
        }
        let mut errors = Errors::default();
        let mut out = TokenStream::new();
        for p in self.params.iter().filter(|p| p.float) {
            let Some((_, expr)) = self.rule.partials.iter().find(|(k, _)| *k == p.ident) else { continue };
            let hidden = naming::partial(name, &p.ident);
            let item: syn::ItemFn = parse_quote! {
                #[doc(hidden)]
                #[allow(unused_variables, dead_code, non_snake_case, clippy::all, clippy::pedantic, clippy::nursery)]
                #cfgs
                fn #hidden(#(#params),*) -> #float {
                    let partial: #float = #expr;
                    partial
                }
            };
            match crate::expand::companion_only(&item) {
                Ok(companion) => out.extend(quote!(#item #companion)),
                Err(e) => errors.add(e),
            }
        }
        errors.finish()?;
        Ok(out)
    }
}
