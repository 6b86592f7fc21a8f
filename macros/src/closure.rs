//! Derivatives of the closure of an elementwise map (`x.map(|v| ..)`): its
//! body, run through the pipeline as a function of one float, becomes the
//! closures of its first and second derivatives that the map's rules take.

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::spanned::Spanned;

use crate::emit::Emitter;
use crate::options::Options;
use crate::prune::prune;
use crate::reverse::{self, Seed};
use crate::signature::{self, Float};
use crate::{activity, lower, tangent};

/// The closure itself with its parameter typed, and the closures
/// `|v: F| f'(v)` and `|v: F| f''(v)`. `reserved` are the names
/// of the enclosing function's values, which the body may use as constants.
pub struct Derivatives {
    pub value: TokenStream,
    pub first: TokenStream,
    pub second: TokenStream,
}

pub fn derivatives(closure: &syn::ExprClosure, float: Float, reserved: &[String]) -> syn::Result<Derivatives> {
    let param = match closure.inputs.iter().collect::<Vec<_>>().as_slice() {
        [syn::Pat::Ident(p)] if p.subpat.is_none() && p.by_ref.is_none() => p.ident.clone(),
        [syn::Pat::Type(t)] => match &*t.pat {
            syn::Pat::Ident(p) if p.subpat.is_none() && p.by_ref.is_none() => p.ident.clone(),
            other => return Err(not_a_name(other.span())),
        },
        [other] => return Err(not_a_name(other.span())),
        _ => {
            return Err(syn::Error::new(
                closure.inputs.span(),
                "the closure of `map` takes one argument, the element: `x.map(|v| ..)`",
            ));
        }
    };
    if let Some(asyncness) = &closure.asyncness {
        return Err(syn::Error::new(asyncness.span(), "an `async` closure cannot be differentiated"));
    }
    let f = float.ident();
    let body = &closure.body;
    let signature: syn::Signature = syn::parse_quote!(fn __matdiff_element(#param: #f) -> #f);
    let block: syn::Block = syn::parse_quote!({ #body });
    let sig = signature::analyze(&signature, &Options::default())?;
    let lowered = lower::lower_inside(&sig, &block, reserved)?;
    let input = lowered.params[0];
    let items = &lowered.items;

    // f'(v): the gradient program.
    let mut vars = lowered.vars.clone();
    let active = activity::active(&vars, &lowered.body);
    let gradient = reverse::reverse(&mut vars, &lowered.body, &active, Seed::One(f.clone()), &[input]);
    let first_stmts = prune(gradient.stmts.clone(), gradient.adjoints.iter().flatten().copied());
    let e = Emitter::new(&vars, quote!(#f), &first_stmts);
    let stmts = e.stmts(&first_stmts);
    let slope = match gradient.adjoints[0] {
        Some(a) => {
            let a = e.ident(a);
            quote!(#a)
        }
        None => quote!(0.0),
    };
    let v = e.ident(input).clone();
    let first = quote!(|#v: #f| -> #f { #(#items)* #stmts #slope });

    // f''(v): the tangent of that program along v.
    let mut dots = HashMap::new();
    let v_dot = vars.derived(input, "_dot");
    dots.insert(input, v_dot);
    let second_stmts = tangent::tangent(&mut vars, &gradient.stmts, &mut dots);
    let second_stmts = prune(second_stmts, gradient.adjoints.iter().flatten().filter_map(|a| dots.get(a).copied()));
    let e = Emitter::new(&vars, quote!(#f), &second_stmts);
    let stmts = e.stmts(&second_stmts);
    let curvature = match gradient.adjoints[0].and_then(|a| dots.get(&a)) {
        Some(d) => {
            let d = e.ident(*d);
            quote!(#d)
        }
        None => quote!(0.0),
    };
    let v_dot = e.ident(v_dot);
    let second = quote!(|#v: #f| -> #f { #(#items)* let #v_dot: #f = 1.0; #stmts #curvature });

    let value = quote!(|#param: #f| -> #f { #body });
    Ok(Derivatives { value, first, second })
}

fn not_a_name(span: Span) -> syn::Error {
    syn::Error::new(span, "the closure of `map` must name its argument (`|v| ..`): destructure it inside the body")
}
