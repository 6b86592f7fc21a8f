//! The derivative cores and the companions of the calling convention: what
//! the public functions wrap and what differentiated callers use.

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote};

use super::Generator;
use crate::emit::Emitter;
use crate::gather::gather;
use crate::ir::{Stmt, Var, Vars};
use crate::naming::{self, GRADIENT_CORE, SECOND_ORDER_CORE as CORE, SECOND_ORDER_SWEEP as SWEEP, companion_method};
use crate::reverse::Seed;
use crate::signature::Shape;
use crate::simplify::simplify;
use crate::tangent;

/// The derivative bodies of a function, built once: the reverse core, the
/// forward-over-reverse core (and its sweep), the forward `jvp`, and the
/// companions `vjp` and `vjp_jvp` that wrap the cores for callers; the
/// public functions wrap the cores too.
pub(super) struct Cores {
    pub(super) tokens: TokenStream,
    /// For each differentiated argument, whether the core computes the
    /// tangent of its cotangent (its rows of the Hessian); it is zero
    /// otherwise.
    pub(super) rows: Vec<bool>,
}

impl<'a> Generator<'a> {
    /// The derivative functions of the calling convention in
    /// `matdiff_core::calling`: a `struct` in the type namespace for a free
    /// function, hidden methods for a method.
    pub(super) fn companions(&self) -> Cores {
        let float = &self.float;
        // With matrices, a tangent carries one direction: the companions are
        // written for `D = F` (a type alias keeps the code below the same).
        let (d, direction_param) = if self.matrix_mode() {
            (quote!(#float), None)
        } else {
            (quote!(__MatdiffD), Some(quote!(__MatdiffD: ::matdiff::__private::Directions<#float>)))
        };
        let direction_alias = self.matrix_mode().then(|| quote!(type __MatdiffD = #float;));
        let no_derivative = quote!(::matdiff::__private::NoDerivative);
        let mut vars = self.lowered.vars.clone();
        let tangents = vars.fresh("tangents", Span::call_site(), false);
        let out_bar = vars.fresh("out_bar", Span::call_site(), true);
        let out_bar_dot = vars.fresh("out_bar_dot", Span::call_site(), true);

        let float_tokens = quote!(#float);
        let slot_types: Vec<TokenStream> = self
            .sig
            .params
            .iter()
            .map(|p| if p.wrt { self.shaped(p, &float_tokens) } else { no_derivative.clone() })
            .collect();
        // A float argument outside `wrt` still takes a tangent, which is
        // ignored: a caller that passes a varied value there fails to compile
        // anyway, at the `cotangent` check of its gradient, with a clear
        // message, instead of at a type mismatch here.
        let tangent_types: Vec<TokenStream> = self
            .sig
            .params
            .iter()
            .map(|p| match (&p.float, &p.shape) {
                (None, _) => quote!(::core::option::Option<#no_derivative>),
                (Some(_), Shape::Scalar) => quote!(::core::option::Option<#d>),
                (Some(_), Shape::Dynamic) => quote!(::core::option::Option<&[#d]>),
                (Some(_), Shape::Fixed(n)) => quote!(::core::option::Option<&[#d; #n]>),
                (Some(_), Shape::Matrix(m)) => {
                    let owned = &m.owned;
                    quote!(::core::option::Option<#owned>)
                }
            })
            .collect();
        let tangent_slot_types: Vec<TokenStream> =
            self.sig.params.iter().map(|p| if p.wrt { self.shaped(p, &d) } else { no_derivative.clone() }).collect();

        // The reverse core, seeded with 1: `f_grad` and `f_value_and_grad`
        // call it as it is; `vjp` scales its cotangents by the caller's seed,
        // since they are linear in it.
        let gradient_core = self.matrix_mode().then(|| {
            let mut vars = vars.clone();
            let mut gradient = self.gradient(&mut vars, Seed::One(self.float.clone()));
            let mut live: Vec<Var> = gradient.adjoints.iter().flatten().copied().collect();
            live.push(self.lowered.result());
            gradient.stmts = gather(simplify(std::mem::take(&mut gradient.stmts), &vars, live), &vars);
            let outputs: Vec<Var> =
                gradient.adjoints.iter().flatten().copied().chain([self.lowered.result()]).collect();
            let e = Emitter::new(&vars, quote!(#float), &gradient.stmts).reusing(&gradient.stmts, outputs);
            let stmts = e.body(&gradient.stmts);
            let slots = self.cotangent_slots(&e, &gradient.adjoints, &no_derivative);
            let result = e.ident(self.lowered.result());
            // `f_grad` asks for no value: with the constant `false` the
            // code that computes only the value (a loop that only sums it)
            // is dead in that instance and dropped, inlined or not.
            self.companion_fn(
                GRADIENT_CORE,
                Some(quote!(const __MATDIFF_VALUE: bool)),
                quote!(),
                quote!((#float, (#(#slot_types,)*))),
                quote! {
                    #stmts
                    let __matdiff_value = if __MATDIFF_VALUE { #result } else { <#float as ::matdiff::__private::Scalar>::of(0.0) };
                    (__matdiff_value, (#(#slots,)*))
                },
            )
        });
        let vjp = {
            let e = Emitter::new(&vars, quote!(#float), &[]);
            let out_bar = e.ident(out_bar);
            let call = self.gradient_call(true);
            let slots = self.sig.params.iter().enumerate().map(|(k, p)| {
                let index = syn::Index::from(k);
                if p.wrt {
                    quote!(::matdiff::__private::reseed_cotangent(#out_bar, __matdiff_slots.#index))
                } else {
                    quote!(__matdiff_slots.#index)
                }
            });
            self.companion_fn(
                naming::VJP,
                None,
                quote!(#out_bar: #float),
                quote!((#float, (#(#slot_types,)*))),
                quote! {
                    #call
                    (__matdiff_value, (#(#slots,)*))
                },
            )
        };

        // jvp: without nalgebra values, the core's forward sweep alone (see
        // `forward_only`); with them, a body of its own.
        let jvp = if !self.matrix_mode() {
            let mut vars = vars.clone();
            let (seed_stmts, _) = self.tangent_seeds(&mut vars);
            let e = Emitter::new(&vars, quote!(__MatdiffD), &[]);
            let seeds = self.seed_tokens(&e, &seed_stmts, tangents);
            let dots = seed_stmts.iter().map(|(dot, _)| {
                let dot = e.ident(*dot);
                quote!(#dot)
            });
            let call = self.call_core_with(CORE, self.core_turbofish(None, true, false), dots, false);
            let t = e.ident(tangents);
            self.companion_fn(
                naming::JVP,
                direction_param.clone(),
                quote!(#t: (#(#tangent_types,)*)),
                quote!((#float, #d)),
                quote! {
                    #(#seeds)*
                    let (__matdiff_value, __matdiff_value_dot, _, _) = #call;
                    (__matdiff_value, __matdiff_value_dot)
                },
            )
        } else {
            let mut vars = vars.clone();
            let (seed_stmts, mut dots) = self.tangent_seeds(&mut vars);
            let stmts = tangent::tangent(&mut vars, &self.lowered.body.stmts, &mut dots);
            let result_var = self.lowered.result();
            let stmts =
                gather(simplify(stmts, &vars, [result_var].into_iter().chain(dots.get(&result_var).copied())), &vars);
            let e = Emitter::new(&vars, quote!(__MatdiffD), &stmts);
            let seeds = self.seed_tokens(&e, &seed_stmts, tangents);
            let body = e.stmts(&stmts);
            let result_var = self.lowered.result();
            let result = e.ident(result_var);
            let result_dot = self.dot_or_zero(&e, &dots, result_var);
            let t = e.ident(tangents);
            self.companion_fn(
                naming::JVP_ONE,
                direction_param.clone(),
                quote!(#t: (#(#tangent_types,)*)),
                quote!((#float, #d)),
                quote!(#direction_alias #(#seeds)* #body (#result, #result_dot)),
            )
        };

        // The forward-over-reverse core: the tangents of the differentiated
        // arguments and of the seed are given whole, so that each caller
        // seeds them its own way (a Hessian with unit directions, a
        // Hessian-vector product with the vector, `vjp_jvp` with a caller's
        // tangents or zeros).
        let mut rows = Vec::new();
        let core = {
            let mut vars = vars.clone();
            let gradient = self.gradient(&mut vars, Seed::One(self.float.clone()));
            let (seed_stmts, mut dots) = self.tangent_seeds(&mut vars);
            let result_var = self.lowered.result();
            let (forward, backward) = gradient.stmts.split_at(gradient.forward);
            let mut stmts = tangent::tangent(&mut vars, forward, &mut dots);
            if !self.matrix_mode() {
                stmts.push(self.forward_only(&vars, &dots));
            }
            stmts.extend(tangent::tangent(&mut vars, backward, &mut dots));
            let mut live: Vec<Var> = vec![result_var];
            live.extend(dots.get(&result_var));
            for adjoint in gradient.adjoints.iter().flatten() {
                live.push(*adjoint);
                live.extend(dots.get(adjoint));
            }
            let stmts = gather(simplify(stmts, &vars, live), &vars);
            let mut e = Emitter::new(&vars, quote!(__MatdiffD), &stmts);
            if !self.matrix_mode() {
                e = e.guarding_tapes(quote!(__MATDIFF_REVERSE));
            }
            // The cotangent of a slice is written into the storage the
            // caller lends (a new `Vec`, or the caller's buffer).
            // So is the tangent of that cotangent (the rows of the Hessian).
            let storage = self.storage_params();
            let borrowed = self.borrowed_tangent_params();
            for &k in &storage {
                let (storage_param, _) = naming::cotangent_storage(k);
                let (tangent_param, _) = naming::tangent_storage(k);
                let param = self.lowered.params[k];
                let Some(buffer) = self.wrt.iter().position(|w| *w == param).and_then(|i| gradient.adjoints[i]) else {
                    continue;
                };
                let ident = &self.sig.params[k].ident;
                e = e.providing(
                    buffer,
                    quote!(::matdiff::__private::CotangentStorage::zeroed(#storage_param, #ident.len())),
                );
                if let Some(&buffer_dot) = dots.get(&buffer) {
                    e = e.providing(
                        buffer_dot,
                        quote!(::matdiff::__private::TangentStorage::<#float, __MatdiffD>::zeroed(#tangent_param, #ident.len())),
                    );
                }
            }
            let storage_params = storage
                .iter()
                .map(|&k| {
                    let (param, ty) = naming::cotangent_storage(k);
                    quote!(mut #param: #ty,)
                })
                .chain(storage.iter().map(|&k| {
                    let (param, ty) = naming::tangent_storage(k);
                    quote!(mut #param: #ty,)
                }));
            let storage_generics = storage
                .iter()
                .map(|&k| {
                    let (_, ty) = naming::cotangent_storage(k);
                    quote!(#ty: ::matdiff::__private::CotangentStorage<#float>)
                })
                .chain(storage.iter().map(|&k| {
                    let (_, ty) = naming::tangent_storage(k);
                    quote!(#ty: ::matdiff::__private::TangentStorage<#float, __MatdiffD>)
                }))
                .chain(borrowed.iter().map(|&k| {
                    let ty = naming::borrowed_tangent(k);
                    quote!(#ty: ::core::ops::Deref<Target = [__MatdiffD]> + ::matdiff::__private::TangentCopy<Owned = ::std::vec::Vec<__MatdiffD>>)
                }));
            let core_slot_types: Vec<TokenStream> =
                slot_types
                    .iter()
                    .enumerate()
                    .map(|(k, ty)| {
                        if storage.contains(&k) {
                            naming::cotangent_storage(k).1.into_token_stream()
                        } else {
                            ty.clone()
                        }
                    })
                    .collect();
            let tangent_params = seed_stmts.iter().map(|(dot, k)| {
                let dot = e.ident(*dot);
                if borrowed.contains(k) {
                    let ty = naming::borrowed_tangent(*k);
                    return quote!(#dot: #ty,);
                }
                let ty = self.shaped(&self.sig.params[*k], &d);
                quote!(mut #dot: #ty,)
            });
            let core_tangent_slot_types: Vec<TokenStream> =
                tangent_slot_types
                    .iter()
                    .enumerate()
                    .map(|(k, ty)| {
                        if storage.contains(&k) { naming::tangent_storage(k).1.into_token_stream() } else { ty.clone() }
                    })
                    .collect();
            let tangent_params: TokenStream = tangent_params.chain(storage_params).collect();
            let body = e.stmts(&stmts);
            let result = e.ident(result_var);
            let result_dot = self.dot_or_zero(&e, &dots, result_var);
            let slots = self.cotangent_slots(&e, &gradient.adjoints, &no_derivative);
            let dot_slots: Vec<TokenStream> = self
                .sig
                .params
                .iter()
                .zip(&self.lowered.params)
                .enumerate()
                .map(|(k, (p, &param))| {
                    if !p.wrt {
                        return no_derivative.clone();
                    }
                    let index = self.wrt.iter().position(|w| *w == param);
                    let adjoint = index.and_then(|i| gradient.adjoints[i]);
                    match adjoint.and_then(|a| dots.get(&a)) {
                        Some(d) => {
                            rows.push(true);
                            let d = e.ident(*d);
                            quote!(#d)
                        }
                        None if storage.contains(&k) => {
                            rows.push(false);
                            let (tangent_param, _) = naming::tangent_storage(k);
                            let ident = &p.ident;
                            quote!(::matdiff::__private::TangentStorage::<#float, __MatdiffD>::zeroed(#tangent_param, #ident.len()))
                        }
                        None => {
                            rows.push(false);
                            crate::emit::zero_tangent(&vars, param, &quote!(__MatdiffD), Span::call_site())
                        }
                    }
                })
                .collect();
            let generics = match &direction_param {
                Some(directions) => {
                    quote!(#directions, const __MATDIFF_VALUE: bool, const __MATDIFF_REVERSE: bool #(, #storage_generics)*)
                }
                None => quote!(const __MATDIFF_VALUE: bool),
            };
            self.companion_fn(
                CORE,
                Some(generics),
                quote!(#tangent_params),
                quote!((#float, #d, (#(#core_slot_types,)*), (#(#core_tangent_slot_types,)*))),
                quote! {
                    #direction_alias
                    #body
                    let (__matdiff_value, __matdiff_value_dot) = if __MATDIFF_VALUE {
                        (#result, #result_dot)
                    } else {
                        (
                            <#float as ::matdiff::__private::Scalar>::of(0.0),
                            <__MatdiffD as ::matdiff::__private::Directions<#float>>::zero(),
                        )
                    };
                    (__matdiff_value, __matdiff_value_dot, (#(#slots,)*), (#(#dot_slots,)*))
                },
            )
        };

        // vjp_jvp: the core along the caller's tangents (or zeros), its
        // cotangents scaled by the caller's seed `out_bar` and their tangents
        // by `out_bar` and `out_bar_dot` (the product rule).
        let vjp_jvp = {
            let mut vars = vars.clone();
            let (seed_stmts, _) = self.tangent_seeds(&mut vars);
            let e = Emitter::new(&vars, quote!(__MatdiffD), &[]);
            let seeds = self.seed_tokens(&e, &seed_stmts, tangents);
            let dots: Vec<TokenStream> = seed_stmts
                .iter()
                .map(|(dot, _)| {
                    let dot = e.ident(*dot);
                    quote!(#dot)
                })
                .collect();
            let (t, ob, obd) = (e.ident(tangents), e.ident(out_bar), e.ident(out_bar_dot));
            let call = self.call_core_with(CORE, self.core_generics(None, true), dots, false);
            let mut slots = Vec::new();
            let mut dot_slots = Vec::new();
            for (k, p) in self.sig.params.iter().enumerate() {
                let index = syn::Index::from(k);
                let (slot, dot) = (quote!(__matdiff_slots.#index), quote!(__matdiff_dots.#index));
                if !p.wrt {
                    slots.push(slot);
                    dot_slots.push(dot);
                    continue;
                }
                let reseed = match &p.shape {
                    Shape::Scalar => quote!(::matdiff::__private::reseed_scalar(#ob, &#obd, &#slot, #dot)),
                    Shape::Fixed(_) => quote!(::matdiff::__private::reseed_array(#ob, &#obd, &#slot, #dot)),
                    Shape::Dynamic => quote!(::matdiff::__private::reseed_vec(#ob, &#obd, &#slot, #dot)),
                    Shape::Matrix(_) => quote!(::matdiff::__private::reseed_matrix(#ob, &#obd, &#slot, #dot)),
                };
                dot_slots.push(reseed);
                slots.push(quote!(::matdiff::__private::reseed_cotangent(#ob, #slot)));
            }
            self.companion_fn(
                if self.matrix_mode() { naming::VJP_JVP_ONE } else { naming::VJP_JVP },
                direction_param.clone(),
                quote!(#t: (#(#tangent_types,)*), #ob: #float, #obd: ::core::option::Option<#d>),
                quote!((#float, #d, (#(#slot_types,)*), (#(#tangent_slot_types,)*))),
                quote! {
                    #direction_alias
                    #(#seeds)*
                    let #obd = ::matdiff::__private::tangent_or_zero::<#float, __MatdiffD>(#obd);
                    let (__matdiff_value, __matdiff_value_dot, __matdiff_slots, __matdiff_dots) = #call;
                    let __matdiff_dots = (#(#dot_slots,)*);
                    (__matdiff_value, __matdiff_value_dot, (#(#slots,)*), __matdiff_dots)
                },
            )
        };

        // One sweep of the core for the loop of a chunked Hessian, never
        // inlined: inlined into that loop, the core made functions on which
        // LLVM's code generation overflowed its stack; a call per sweep of
        // eight directions costs nothing beside the sweep.
        let sweep = self.sweeps_called().then(|| {
            let mut params = Vec::new();
            let mut args = Vec::new();
            for (k, p) in self.sig.params.iter().enumerate().filter(|(_, p)| p.wrt) {
                let name = format_ident!("__matdiff_tangent{}", k);
                let ty = self.shaped(p, &d);
                params.push(quote!(#name: #ty));
                args.push(quote!(#name));
            }
            let call = self.call_core_with(CORE, self.core_generics(None, false), args, false);
            self.companion_fn(
                SWEEP,
                direction_param.clone(),
                quote!(#(#params,)*),
                quote!((#float, #d, (#(#slot_types,)*), (#(#tangent_slot_types,)*))),
                quote!(#direction_alias #call),
            )
        });

        let loops =
            self.matrix_mode().then(|| self.direction_loops(&vars, tangents, out_bar, out_bar_dot, &slot_types));
        let tokens = if self.sig.in_impl() {
            quote!(#gradient_core #vjp #jvp #vjp_jvp #loops #core #sweep)
        } else {
            let name = &self.sig.name;
            let vis = &self.function.vis;
            let attrs = self.attrs(false);
            quote! {
                #[doc(hidden)]
                #[allow(non_camel_case_types, dead_code)]
                #attrs
                #vis struct #name {}

                #attrs
                #[allow(dead_code)]
                impl #name {
                    #gradient_core
                    #vjp
                    #jvp
                    #vjp_jvp
                    #loops
                    #core
                    #sweep
                }
            }
        };
        Cores { tokens, rows }
    }

    /// A function that returns a vector has no companions: these stand in
    /// for them, so that a differentiated caller gets one clear error at
    /// the call (their bound holds for no type; it names a lifetime so that
    /// rustc checks it at the call rather than here).
    pub(super) fn vector_result_stand_ins(&self) -> TokenStream {
        let params = self.params();
        let own = self.sig.generics.params.iter().map(|p| quote!(#p));
        let generics: Vec<TokenStream> = own.collect();
        let where_clause = &self.sig.generics.where_clause;
        let predicates = where_clause.as_ref().map(|w| {
            let p = w.predicates.iter();
            quote!(#(#p,)*)
        });
        let lints = Self::lints();
        let in_impl = self.sig.in_impl();
        let this = if in_impl {
            quote!(Self)
        } else {
            let name = &self.sig.name;
            quote!(#name)
        };
        let stand_in = |suffix: &str, extra: TokenStream, types: TokenStream| {
            let (name, vis, attrs) = if in_impl {
                (companion_method(suffix, &self.sig.name), self.function.vis.clone(), self.attrs(false))
            } else {
                (format_ident!("{}", suffix), syn::parse_quote!(pub), quote!())
            };
            quote! {
                #[doc(hidden)]
                #attrs
                #lints
                #vis fn #name<'__matdiff, #(#generics,)* #types __MatdiffOut>(#params #extra) -> __MatdiffOut
                where
                    #predicates
                    &'__matdiff #this: ::matdiff::__private::ReturnsOneFloat,
                {
                    ::core::unreachable!()
                }
            }
        };
        let vjp = stand_in(naming::VJP, quote!(_: __MatdiffSeed), quote!(__MatdiffSeed,));
        let jvp = stand_in(naming::JVP, quote!(_: __MatdiffTangents), quote!(__MatdiffTangents,));
        let vjp_jvp = stand_in(
            naming::VJP_JVP,
            quote!(_: __MatdiffTangents, _: __MatdiffSeed, _: __MatdiffSeedDot),
            quote!(__MatdiffTangents, __MatdiffSeed, __MatdiffSeedDot,),
        );
        if in_impl {
            return quote!(#vjp #jvp #vjp_jvp);
        }
        let name = &self.sig.name;
        let vis = &self.function.vis;
        let attrs = self.attrs(false);
        quote! {
            #[doc(hidden)]
            #[allow(non_camel_case_types, dead_code)]
            #attrs
            #vis struct #name {}

            #attrs
            #[allow(dead_code)]
            impl #name {
                #vjp
                #jvp
                #vjp_jvp
            }
        }
    }

    /// The companions `jvp` and `vjp_jvp` of a function holding nalgebra
    /// values, generic over the caller's directions like those of any
    /// function: a caller of floats and arrays may carry several at once,
    /// and these run one sweep of `jvp_one` or `vjp_jvp_one` per direction
    /// (a caller holding nalgebra values carries one, `D = F`).
    fn direction_loops(
        &self,
        vars: &Vars,
        tangents: Var,
        out_bar: Var,
        out_bar_dot: Var,
        slot_types: &[TokenStream],
    ) -> TokenStream {
        let float = &self.float;
        let d = quote!(__MatdiffD);
        let directions = quote!(<__MatdiffD as ::matdiff::__private::Directions<#float>>);
        let no_derivative = quote!(::matdiff::__private::NoDerivative);
        let e = Emitter::new(vars, d.clone(), &[]);
        let (t, ob, obd) = (e.ident(tangents), e.ident(out_bar), e.ident(out_bar_dot));
        let mut tangent_types = Vec::new();
        let mut tangent_slot_types = Vec::new();
        // Direction `__matdiff_k` of each argument's tangent, and how it is
        // passed on.
        let mut takes = Vec::new();
        let mut passes = Vec::new();
        let mut nones = Vec::new();
        // The tangents of the cotangents: their zeros, how direction
        // `__matdiff_k` goes in, and their final form.
        let mut inits = Vec::new();
        let mut puts = Vec::new();
        let mut finals = Vec::new();
        for (k, (p, &param)) in self.sig.params.iter().zip(&self.lowered.params).enumerate() {
            let index = syn::Index::from(k);
            let one = format_ident!("__matdiff_tangent{}", k);
            let acc = format_ident!("__matdiff_dot{}", k);
            let arg = e.ident(param);
            nones.push(quote!(::core::option::Option::None));
            tangent_slot_types.push(if p.wrt { self.shaped(p, &d) } else { no_derivative.clone() });
            let (ty, take, pass) = match (&p.float, &p.shape) {
                (None, _) => (quote!(::core::option::Option<#no_derivative>), quote!(#t.#index), quote!(#one)),
                (Some(_), Shape::Scalar) => (
                    quote!(::core::option::Option<#d>),
                    quote!(::matdiff::__private::direction_scalar::<#float, #d>(#t.#index, __matdiff_k)),
                    quote!(#one),
                ),
                (Some(_), Shape::Dynamic) => (
                    quote!(::core::option::Option<&[#d]>),
                    quote!(::matdiff::__private::direction_vec::<#float, #d>(#t.#index, __matdiff_k)),
                    quote!(#one.as_deref()),
                ),
                (Some(_), Shape::Fixed(n)) => (
                    quote!(::core::option::Option<&[#d; #n]>),
                    quote!(::matdiff::__private::direction_fixed::<#float, #d, #n>(#t.#index, __matdiff_k)),
                    quote!(#one.as_ref()),
                ),
                (Some(_), Shape::Matrix(m)) => {
                    let owned = &m.owned;
                    (
                        quote!(::core::option::Option<#owned>),
                        quote!(::matdiff::__private::direction_matrix::<#float, #d, _>(&mut #t.#index, __matdiff_k)),
                        quote!(#one),
                    )
                }
            };
            tangent_types.push(ty);
            takes.push(quote!(let #one = #take;));
            passes.push(pass);
            if !p.wrt {
                inits.push(quote!(let mut #acc = #no_derivative;));
                finals.push(quote!(#acc));
                continue;
            }
            let got = quote!(__matdiff_dots.#index);
            match &p.shape {
                Shape::Scalar => {
                    inits.push(quote!(let mut #acc = #directions::zero();));
                    puts.push(quote!(#directions::set(&mut #acc, __matdiff_k, #got);));
                    finals.push(quote!(#acc));
                }
                Shape::Fixed(n) => {
                    inits.push(quote!(let mut #acc = [#directions::zero(); #n];));
                    puts.push(quote!(::matdiff::__private::put_direction_fixed(&mut #acc, __matdiff_k, &#got);));
                    finals.push(quote!(#acc));
                }
                Shape::Dynamic => {
                    inits.push(quote!(let mut #acc = ::std::vec![#directions::zero(); #arg.len()];));
                    puts.push(quote!(::matdiff::__private::put_direction_vec(&mut #acc, __matdiff_k, &#got);));
                    finals.push(quote!(#acc));
                }
                // A caller of several directions holds no nalgebra value
                // that depends on them (it would take one at a time), so the
                // tangent of this argument's cotangent goes unused there.
                Shape::Matrix(_) => {
                    let like = e.borrow(param);
                    inits.push(quote!(let mut #acc = ::core::option::Option::None;));
                    puts.push(quote!(if #directions::COUNT == 1 { #acc = ::core::option::Option::Some(#got); }));
                    finals.push(quote!(match #acc {
                        ::core::option::Option::Some(__matdiff_dot) => __matdiff_dot,
                        ::core::option::Option::None => ::matdiff::__private::tangent_or_zero_matrix(::core::option::Option::None, #like),
                    }));
                }
            }
        }
        let direction_param = Some(quote!(__MatdiffD: ::matdiff::__private::Directions<#float>));
        let jvp_one = self.call_core_with(naming::JVP_ONE, quote!(), [quote!((#(#passes,)*))], true);
        let jvp_zero = self.call_core_with(naming::JVP_ONE, quote!(), [quote!((#(#nones,)*))], true);
        let jvp = self.companion_fn(
            naming::JVP,
            direction_param.clone(),
            quote!(mut #t: (#(#tangent_types,)*)),
            quote!((#float, #d)),
            quote! {
                let mut __matdiff_value_dot = #directions::zero();
                let mut __matdiff_value = ::core::option::Option::None;
                for __matdiff_k in 0..#directions::COUNT {
                    #(#takes)*
                    let (__matdiff_one, __matdiff_one_dot) = #jvp_one;
                    #directions::set(&mut __matdiff_value_dot, __matdiff_k, __matdiff_one_dot);
                    __matdiff_value = ::core::option::Option::Some(__matdiff_one);
                }
                let __matdiff_value = match __matdiff_value {
                    ::core::option::Option::Some(__matdiff_value) => __matdiff_value,
                    ::core::option::Option::None => #jvp_zero.0,
                };
                (__matdiff_value, __matdiff_value_dot)
            },
        );
        let vjp_jvp_one = self.call_core_with(
            naming::VJP_JVP_ONE,
            quote!(),
            [quote!((#(#passes,)*)), quote!(#ob), quote!(__matdiff_out_bar_dot)],
            true,
        );
        let vjp = self.call_core_with(naming::VJP, quote!(), [quote!(#ob)], true);
        let vjp_jvp = self.companion_fn(
            naming::VJP_JVP,
            direction_param,
            quote!(mut #t: (#(#tangent_types,)*), #ob: #float, #obd: ::core::option::Option<#d>),
            quote!((#float, #d, (#(#slot_types,)*), (#(#tangent_slot_types,)*))),
            quote! {
                #(#inits)*
                let mut __matdiff_value_dot = #directions::zero();
                let mut __matdiff_first = ::core::option::Option::None;
                for __matdiff_k in 0..#directions::COUNT {
                    #(#takes)*
                    let __matdiff_out_bar_dot = ::matdiff::__private::direction_scalar::<#float, #d>(#obd, __matdiff_k);
                    let (__matdiff_one, __matdiff_one_dot, __matdiff_slots, __matdiff_dots) = #vjp_jvp_one;
                    #directions::set(&mut __matdiff_value_dot, __matdiff_k, __matdiff_one_dot);
                    #(#puts)*
                    __matdiff_first = ::core::option::Option::Some((__matdiff_one, __matdiff_slots));
                }
                let (__matdiff_value, __matdiff_slots) = match __matdiff_first {
                    ::core::option::Option::Some(__matdiff_first) => __matdiff_first,
                    ::core::option::Option::None => #vjp,
                };
                (__matdiff_value, __matdiff_value_dot, __matdiff_slots, (#(#finals,)*))
            },
        );
        quote!(#jvp #vjp_jvp)
    }

    /// The statement between the core's forward sweep and its reverse
    /// sweep: with `__MATDIFF_REVERSE` false the core returns there, with
    /// its value and tangent and zero cotangents, which makes it the
    /// forward body (`jvp`) as well. Loop tapes are then neither filled nor
    /// allocated (see `Emitter::guarding_tapes`), and no cotangent buffer
    /// is either (`Vec::new()` does not allocate).
    fn forward_only(&self, vars: &Vars, dots: &HashMap<Var, Var>) -> Stmt {
        let float = &self.float;
        let result_var = self.lowered.result();
        let result = vars.ident(result_var);
        let result_dot = match dots.get(&result_var) {
            Some(d) => {
                let d = vars.ident(*d);
                quote!(#d)
            }
            None => crate::emit::zero_tangent(vars, result_var, &quote!(__MatdiffD), Span::call_site()),
        };
        let zero = quote!(<#float as ::matdiff::__private::Scalar>::of(0.0));
        let zero_dot = quote!(<__MatdiffD as ::matdiff::__private::Directions<#float>>::zero());
        let no_derivative = quote!(::matdiff::__private::NoDerivative);
        let zeros = |zero: &TokenStream| -> Vec<TokenStream> {
            self.sig
                .params
                .iter()
                .map(|p| match (&p.shape, p.wrt) {
                    (_, false) => no_derivative.clone(),
                    (Shape::Scalar, true) => zero.clone(),
                    (Shape::Fixed(n), true) => quote!([#zero; #n]),
                    (Shape::Dynamic | Shape::Matrix(_), true) => quote!(::std::vec::Vec::new()),
                })
                .collect()
        };
        // The storage lent for a slice's cotangent goes back untouched.
        let slot_zeros = {
            let mut slots = zeros(&zero);
            for k in self.storage_params() {
                let (storage, _) = naming::cotangent_storage(k);
                slots[k] = quote!(#storage);
            }
            slots
        };
        let dot_zeros = {
            let mut slots = zeros(&zero_dot);
            for k in self.storage_params() {
                let (storage, _) = naming::tangent_storage(k);
                slots[k] = quote!(#storage);
            }
            slots
        };
        let (slots, dot_slots) = (slot_zeros, dot_zeros);
        // No `uses`: the value and its tangent are outputs of the core, so
        // every later pass keeps them under their names anyway, and a use
        // here would count as a move (user code may move what it reads),
        // which the return only does on its own path.
        let uses = Vec::new();
        Stmt::Effect {
            tokens: quote! {
                let _: () = if !__MATDIFF_REVERSE {
                    return (#result, #result_dot, (#(#slots,)*), (#(#dot_slots,)*));
                }
            },
            uses,
        }
    }

    /// Statements that bind `__matdiff_value` and `__matdiff_slots` (the
    /// cotangent of each argument) by one reverse sweep seeded with 1.
    /// Without nalgebra values that is the forward-over-reverse core along
    /// no direction at all (`[F; 0]`, whose tangents have no size and whose
    /// code compiles to nothing): one body serves gradients and Hessians.
    /// A nalgebra value has a tangent of its own size whatever the number of
    /// directions, so there the reverse core has a body of its own.
    pub(super) fn gradient_call(&self, with_value: bool) -> TokenStream {
        self.gradient_call_storing(with_value, None)
    }

    /// [`Generator::gradient_call`] with the storage of the cotangents of
    /// the differentiated slices given (see
    /// [`Generator::storage_params`]), rather than allocated.
    pub(super) fn gradient_call_storing(&self, with_value: bool, storage: Option<Vec<TokenStream>>) -> TokenStream {
        let reverse_core = || {
            let call = self.call_core_with(GRADIENT_CORE, quote!(::<#with_value>), [], false);
            quote!(let (__matdiff_value, __matdiff_slots) = #call;)
        };
        if self.matrix_mode() {
            return reverse_core();
        }
        let float = &self.float;
        let mut lets = Vec::new();
        let mut tangents = Vec::new();
        for (k, p) in self.sig.params.iter().enumerate().filter(|(_, p)| p.wrt) {
            let name = format_ident!("__matdiff_no_tangent{}", k);
            let ident = &p.ident;
            let (ty, value) = match &p.shape {
                Shape::Scalar => (quote!([#float; 0]), quote!([])),
                Shape::Fixed(n) => (quote!([[#float; 0]; #n]), quote!([[]; #n])),
                // A `Vec` of values of no size does not allocate.
                Shape::Dynamic => (quote!(::std::vec::Vec<[#float; 0]>), quote!(::std::vec![[]; #ident.len()])),
                Shape::Matrix(_) => return reverse_core(),
            };
            lets.push(quote!(let #name: #ty = #value;));
            tangents.push(quote!(#name));
        }
        let generics = self.core_generics(Some(quote!([#float; 0])), with_value);
        let call = match storage {
            Some(storage) => {
                // No direction: the tangents of the cotangents take no memory.
                let tangent_storage: Vec<TokenStream> =
                    self.storage_params().iter().map(|_| quote!(::std::vec::Vec::new())).collect();
                self.call_core_storing(
                    CORE,
                    generics,
                    tangents.into_iter().chain(storage).chain(tangent_storage),
                    false,
                )
            }
            None => self.call_core_with(CORE, generics, tangents, false),
        };
        quote! {
            #(#lets)*
            let (__matdiff_value, _, __matdiff_slots, _) = #call;
        }
    }

    /// Tangent values for the differentiated parameters, to be read from
    /// the `tangents` tuple; returns (tangent, parameter number) pairs.
    fn tangent_seeds(&self, vars: &mut Vars) -> (Vec<(Var, usize)>, HashMap<Var, Var>) {
        let mut seeds = Vec::new();
        let mut dots = HashMap::new();
        for (k, (p, &param)) in self.sig.params.iter().zip(&self.lowered.params).enumerate() {
            if p.wrt {
                let dot = vars.derived_like(param, naming::DOT);
                dots.insert(param, dot);
                seeds.push((dot, k));
            }
        }
        (seeds, dots)
    }

    /// `let x_dot = tangent_or_zero..(tangents.k)` for each seed.
    fn seed_tokens(&self, e: &Emitter, seeds: &[(Var, usize)], tangents: Var) -> Vec<TokenStream> {
        let float = &self.float;
        seeds
            .iter()
            .map(|(dot, k)| {
                let (dot, t) = (e.ident(*dot), e.ident(tangents));
                let param = e.ident(self.lowered.params[*k]);
                let index = syn::Index::from(*k);
                match &self.sig.params[*k].shape {
                    Shape::Scalar => {
                        quote!(let #dot = ::matdiff::__private::tangent_or_zero::<#float, __MatdiffD>(#t.#index);)
                    }
                    Shape::Dynamic => quote!(let mut #dot = ::matdiff::__private::tangent_or_zero_vec::<#float, __MatdiffD>(#t.#index, #param.len());),
                    Shape::Fixed(_) => quote!(let mut #dot = ::matdiff::__private::tangent_or_zero_fixed::<#float, __MatdiffD, _>(#t.#index);),
                    Shape::Matrix(_) => {
                        let like = e.borrow(self.lowered.params[*k]);
                        quote!(let #dot = ::matdiff::__private::tangent_or_zero_matrix(#t.#index, #like);)
                    }
                }
            })
            .collect()
    }

    fn dot_or_zero(&self, e: &Emitter, dots: &HashMap<Var, Var>, v: Var) -> TokenStream {
        match dots.get(&v) {
            Some(d) => {
                let d = e.ident(*d);
                quote!(#d)
            }
            None => e.zero_tangent(v, &quote!(__MatdiffD)),
        }
    }

    /// One entry per parameter: its cotangent, a zero, or `NoDerivative`.
    fn cotangent_slots(&self, e: &Emitter, adjoints: &[Option<Var>], no_derivative: &TokenStream) -> Vec<TokenStream> {
        self.sig
            .params
            .iter()
            .zip(&self.lowered.params)
            .enumerate()
            .map(|(k, (p, &param))| {
                if !p.wrt {
                    return no_derivative.clone();
                }
                let index = self.wrt.iter().position(|w| *w == param);
                match index.and_then(|i| adjoints[i]) {
                    Some(a) => {
                        let a = e.ident(a);
                        quote!(#a)
                    }
                    None if self.storage_params().contains(&k) => {
                        let (storage, _) = naming::cotangent_storage(k);
                        let p = e.ident(param);
                        quote!(::matdiff::__private::CotangentStorage::zeroed(#storage, #p.len()))
                    }
                    None => {
                        let p = e.ident(param);
                        quote!(::matdiff::__private::zero_like(&#p))
                    }
                }
            })
            .collect()
    }

    fn companion_fn(
        &self,
        suffix: &str,
        generic: Option<TokenStream>,
        extra_params: TokenStream,
        ret: TokenStream,
        body: TokenStream,
    ) -> TokenStream {
        let params = self.params();
        let (generics, where_clause) = self.generics(generic);
        let items = self.items();
        let lints = Self::lints();
        let (name, vis, attrs) = if self.sig.in_impl() {
            (companion_method(suffix, &self.sig.name), self.function.vis.clone(), self.attrs(false))
        } else {
            (format_ident!("{}", suffix), syn::parse_quote!(pub), quote!())
        };
        // A small body is inlined where it is called; a larger one is not
        // (the wrappers `vjp` and `vjp_jvp` always may be):
        // inlined into a wrapper and the wrapper into its caller, a few
        // such bodies make one function that takes the optimiser minutes or
        // overflows its stack, and a call costs nothing beside them. Both
        // are generic, so only the instances a crate calls are compiled.
        let own_body = suffix == GRADIENT_CORE || suffix == CORE || suffix == naming::JVP_ONE;
        let inline =
            if suffix == SWEEP || (own_body && !self.small()) { quote!(#[inline(never)]) } else { quote!(#[inline]) };
        quote! {
            #[doc(hidden)]
            #inline
            #attrs
            #lints
            #vis fn #name #generics (#params #extra_params) -> #ret #where_clause {
                #items
                #body
            }
        }
    }
}
