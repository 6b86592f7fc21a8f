//! `#[differentiate]` on an impl block: its functions' derivatives become
//! associated functions of the type, in the block itself for an inherent
//! impl, and in a new inherent impl of the same type (with the block's
//! generics) for a trait impl, which cannot take items the trait does not
//! declare and is left as written.

use proc_macro2::TokenStream;
use quote::quote;
use syn::spanned::Spanned;

use super::{Place, generate_at};

/// The block, unchanged but for the attributes of its functions, then the
/// derivatives (or the errors) of the functions it differentiates: those
/// with an attribute of their own if any has one (with its options), else
/// all of them (with the block's options).
pub fn expand(args: TokenStream, mut block: syn::ItemImpl) -> TokenStream {
    let trait_path = block.trait_.as_ref().map(|(_, path, _)| path.clone());
    let place = match &trait_path {
        Some(path) => Place::TraitImpl(path),
        None => Place::InherentImpl,
    };
    let marked = block.items.iter().any(|item| matches!(item, syn::ImplItem::Fn(f) if own_attribute(f).is_some()));
    let mut generated = TokenStream::new();
    let mut errors = TokenStream::new();
    let mut any = false;
    for item in &mut block.items {
        let syn::ImplItem::Fn(f) = item else { continue };
        let own = own_attribute(f).map(|i| f.attrs.remove(i));
        if marked && own.is_none() {
            continue;
        }
        any = true;
        let options = match &own {
            Some(attr) => match &attr.meta {
                syn::Meta::Path(_) => TokenStream::new(),
                syn::Meta::List(list) => list.tokens.clone(),
                syn::Meta::NameValue(nv) => {
                    errors.extend(
                        syn::Error::new(nv.span(), "write the options in parentheses: `#[differentiate(wrt(x))]`")
                            .to_compile_error(),
                    );
                    continue;
                }
            },
            None => args.clone(),
        };
        // The derivatives of a trait's function are the type's own: public,
        // as the trait's function is wherever the trait is.
        let vis = if trait_path.is_some() { syn::parse_quote!(pub) } else { f.vis.clone() };
        let function =
            syn::ItemFn { attrs: f.attrs.clone(), vis, sig: f.sig.clone(), block: Box::new(f.block.clone()) };
        match generate_at(options, &function, place) {
            Ok(tokens) => generated.extend(tokens),
            Err(error) => errors.extend(error.to_compile_error()),
        }
    }
    if !any {
        let error = syn::Error::new(
            block.impl_token.span,
            "this impl block has no function to differentiate: `#[differentiate]` on an impl block differentiates its functions",
        );
        errors.extend(error.to_compile_error());
    }
    match place {
        Place::TraitImpl(_) => {
            let (impl_generics, _, where_clause) = block.generics.split_for_impl();
            let self_ty = &block.self_ty;
            quote! {
                #block
                impl #impl_generics #self_ty #where_clause {
                    #generated
                }
                #errors
            }
        }
        _ => {
            block.items.push(syn::ImplItem::Verbatim(generated));
            quote!(#block #errors)
        }
    }
}

/// The position of a function's own `#[differentiate]` (or
/// `#[matdiff::differentiate]`) among its attributes.
fn own_attribute(f: &syn::ImplItemFn) -> Option<usize> {
    f.attrs.iter().position(|a| a.path().segments.last().is_some_and(|s| s.ident == "differentiate"))
}
