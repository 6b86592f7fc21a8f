//! Expands `#[differentiate]`: checks the function, lowers it, runs the
//! passes, and emits the derivative functions next to the unchanged
//! original.

use std::collections::HashMap;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::emit::{Emitter, companion_method};
use crate::errors::Errors;
use crate::ir::{Var, Vars};
use crate::lower::{self, Lowered};
use crate::options::{self, Options};
use crate::reverse::{self, Gradient, Seed};
use crate::signature::{self, Signature};
use crate::{activity, fence, tangent};

/// The attribute's whole output: the original item, then either the
/// generated functions or the errors.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let function: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(function) => function,
        Err(_) => {
            let error = syn::Error::new(
                Span::call_site(),
                "`#[differentiate]` goes on a function (`fn name(x: f64, ..) -> f64 { .. }`)",
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

fn generate(args: TokenStream, function: &syn::ItemFn) -> syn::Result<TokenStream> {
    let mut errors = Errors::default();
    let options = options::parse(args).unwrap_or_else(|e| {
        errors.add(e);
        Options::default()
    });
    if options.no_hessian {
        for name in [&options.hessian, &options.hvp].into_iter().flatten() {
            errors.push(name.span(), "`no_hessian` turns the Hessian functions off: drop it to name them");
        }
    }
    let sig = signature::analyze(&function.sig, &options);
    if let Err(e) = fence::check(&function.block) {
        errors.add(e);
    }
    let sig = match sig {
        Ok(sig) => sig,
        Err(e) => {
            errors.add(e);
            return errors.finish().map(|_| TokenStream::new());
        }
    };
    errors.finish()?;
    let lowered = lower::lower(&sig, &function.block)?;
    Ok(Generator::new(function, sig, lowered, options).all())
}

struct Generator<'a> {
    function: &'a syn::ItemFn,
    sig: Signature,
    lowered: Lowered,
    options: Options,
    float: Ident,
    /// The values of the differentiated parameters, in order.
    wrt: Vec<Var>,
}

/// Attributes of the original that the generated functions keep.
const CARRIED: &[&str] = &["cfg", "cfg_attr", "inline", "allow", "warn", "deny", "forbid", "expect", "deprecated"];

impl<'a> Generator<'a> {
    fn new(function: &'a syn::ItemFn, sig: Signature, lowered: Lowered, options: Options) -> Self {
        let wrt = sig.params.iter().zip(&lowered.params).filter(|(p, _)| p.wrt).map(|(_, v)| *v).collect();
        let float = sig.float.ident();
        Generator { function, sig, lowered, options, float, wrt }
    }

    fn all(&self) -> TokenStream {
        let mut out = TokenStream::new();
        out.extend(self.value_and_grad(false));
        out.extend(self.value_and_grad(true));
        if !self.options.no_hessian {
            out.extend(self.hessian());
            out.extend(self.hvp());
        }
        out.extend(self.companions());
        out
    }

    // ----- pieces shared by the generated functions -------------------------

    fn name(&self, option: &Option<Ident>, suffix: &str) -> Ident {
        option.clone().unwrap_or_else(|| {
            let base = self.sig.name.to_string();
            Ident::new(&format!("{}_{suffix}", base.trim_start_matches("r#")), self.sig.name.span())
        })
    }

    /// `[`f`]` or `[`Self::f`]`, for doc links.
    fn link(&self) -> String {
        if self.sig.is_method() { format!("[`Self::{}`]", self.sig.name) } else { format!("[`{}`]", self.sig.name) }
    }

    fn wrt_list(&self) -> String {
        let names: Vec<String> = self.sig.wrt().map(|p| format!("`{}`", p.ident)).collect();
        names.join(", ")
    }

    fn attrs(&self, public: bool) -> TokenStream {
        self.function
            .attrs
            .iter()
            .filter(|a| {
                let keep = if public { CARRIED } else { &["cfg", "cfg_attr"][..] };
                a.path().get_ident().is_some_and(|i| keep.iter().any(|k| i == k))
            })
            .map(|a| quote!(#a))
            .collect()
    }

    /// The parameters as written in the generated signature.
    fn params(&self) -> TokenStream {
        let receiver = self.sig.receiver.as_ref().map(|r| quote!(#r,));
        let params = self.sig.params.iter().map(|p| {
            let (ident, ty) = (&p.ident, &p.ty);
            let mutability = p.mutable.then(|| quote!(mut));
            quote!(#mutability #ident: #ty)
        });
        quote!(#receiver #(#params,)*)
    }

    fn generics(&self, extra: Option<TokenStream>) -> (TokenStream, TokenStream) {
        let params = self.sig.generics.params.iter().map(|p| quote!(#p));
        let all: Vec<TokenStream> = params.chain(extra).collect();
        let generics = if all.is_empty() { quote!() } else { quote!(<#(#all),*>) };
        let where_clause = &self.sig.generics.where_clause;
        (generics, quote!(#where_clause))
    }

    fn items(&self) -> TokenStream {
        let items = &self.lowered.items;
        quote!(#(#items)*)
    }

    fn lints() -> TokenStream {
        quote!(#[allow(dead_code, unused_variables, unused_mut, unused_parens, non_snake_case, clippy::all, clippy::pedantic, clippy::nursery)])
    }

    fn gradient(&self, vars: &mut Vars, seed: Seed) -> Gradient {
        let active = activity::active(vars, &self.lowered.body);
        reverse::reverse(vars, &self.lowered.body, &active, seed, &self.wrt)
    }

    /// The gradient's entries: each cotangent, or a zero where there is none.
    fn gradient_entries(&self, e: &Emitter, gradient: &Gradient) -> Vec<TokenStream> {
        gradient
            .adjoints
            .iter()
            .zip(&self.wrt)
            .map(|(adjoint, param)| match adjoint {
                Some(a) => {
                    let a = e.ident(*a);
                    quote!(#a)
                }
                None => {
                    let p = e.ident(*param);
                    quote!(::matdiff::__private::zero_like(&#p))
                }
            })
            .collect()
    }

    // ----- the public functions --------------------------------------------

    fn value_and_grad(&self, with_value: bool) -> TokenStream {
        let (name, doc) = if with_value {
            (
                self.name(&self.options.value_and_grad, "value_and_grad"),
                format!(
                    " The value of {} and its gradient with respect to {}, in that order; computed by reverse-mode differentiation generated at compile time.",
                    self.link(),
                    self.wrt_list()
                ),
            )
        } else {
            (
                self.name(&self.options.grad, "grad"),
                format!(
                    " The gradient of {} with respect to {}, in that order; computed by reverse-mode differentiation generated at compile time.",
                    self.link(),
                    self.wrt_list()
                ),
            )
        };
        let mut vars = self.lowered.vars.clone();
        let gradient = self.gradient(&mut vars, Seed::One);
        let float = &self.float;
        let e = Emitter::new(&vars, quote!(#float), &gradient.stmts);
        let stmts = e.stmts(&gradient.stmts);
        let entries = self.gradient_entries(&e, &gradient);
        let n = proc_macro2::Literal::usize_unsuffixed(self.wrt.len());
        let result = e.ident(self.lowered.result());
        let (ret, value) = if with_value {
            (quote!((#float, [#float; #n])), quote!((#result, [#(#entries),*])))
        } else {
            (quote!([#float; #n]), quote!([#(#entries),*]))
        };
        self.public_fn(&name, &doc, quote!(), ret, quote!(#stmts #value))
    }

    fn public_fn(
        &self,
        name: &Ident,
        doc: &str,
        extra_params: TokenStream,
        ret: TokenStream,
        body: TokenStream,
    ) -> TokenStream {
        let attrs = self.attrs(true);
        let vis = &self.function.vis;
        let params = self.params();
        let (generics, where_clause) = self.generics(None);
        let items = self.items();
        let lints = Self::lints();
        // Users often call only the derivatives; this use of the original
        // keeps rustc from calling it dead code.
        let original = &self.sig.name;
        let original = if self.sig.is_method() { quote!(Self::#original) } else { quote!(#original) };
        quote! {
            #[doc = #doc]
            #attrs
            #lints
            #vis fn #name #generics (#params #extra_params) -> #ret #where_clause {
                let _ = #original;
                #items
                #body
            }
        }
    }

    fn hessian(&self) -> TokenStream {
        let name = self.name(&self.options.hessian, "hessian");
        let doc = format!(
            " The Hessian of {} with respect to {}: `H[i][j]` is the second derivative in the i-th and j-th of them. Computed in one forward-over-reverse sweep generated at compile time.",
            self.link(),
            self.wrt_list()
        );
        let n = proc_macro2::Literal::usize_unsuffixed(self.wrt.len());
        let float = &self.float;
        let directions = quote!([#float; #n]);
        let mut vars = self.lowered.vars.clone();
        let gradient = self.gradient(&mut vars, Seed::One);
        let mut dots = HashMap::new();
        let mut seeds = Vec::new();
        for (i, &w) in self.wrt.iter().enumerate() {
            let dot = vars.derived(w, "_dot");
            dots.insert(w, dot);
            seeds.push((dot, i));
        }
        let stmts = tangent::tangent(&mut vars, &gradient.stmts, &mut dots);
        let e = Emitter::new(&vars, directions.clone(), &stmts);
        let seeds = seeds.iter().map(|(dot, i)| {
            let dot = e.ident(*dot);
            let i = proc_macro2::Literal::usize_unsuffixed(*i);
            quote!(let #dot: #directions = ::matdiff::__private::unit::<#float, #directions>(#i);)
        });
        let body = e.stmts(&stmts);
        let rows = gradient.adjoints.iter().map(|adjoint| match adjoint.and_then(|a| dots.get(&a)) {
            Some(row) => {
                let row = e.ident(*row);
                quote!(#row)
            }
            None => {
                quote!(<#directions as ::matdiff::__private::Directions<#float>>::zero())
            }
        });
        self.public_fn(&name, &doc, quote!(), quote!([#directions; #n]), quote!(#(#seeds)* #body [#(#rows),*]))
    }

    fn hvp(&self) -> TokenStream {
        let name = self.name(&self.options.hvp, "hvp");
        let n = proc_macro2::Literal::usize_unsuffixed(self.wrt.len());
        let float = &self.float;
        let mut vars = self.lowered.vars.clone();
        let direction = vars.fresh("v", self.sig.name.span(), false);
        let doc = format!(
            " The Hessian of {} with respect to {} times the vector `{}`, without forming the Hessian: one forward-over-reverse sweep, a small constant times the cost of the gradient.",
            self.link(),
            self.wrt_list(),
            vars.ident(direction)
        );
        let gradient = self.gradient(&mut vars, Seed::One);
        let mut dots = HashMap::new();
        let mut seeds = Vec::new();
        for (i, &w) in self.wrt.iter().enumerate() {
            let dot = vars.derived(w, "_dot");
            dots.insert(w, dot);
            seeds.push((dot, i));
        }
        let stmts = tangent::tangent(&mut vars, &gradient.stmts, &mut dots);
        let e = Emitter::new(&vars, quote!(#float), &stmts);
        let v = e.ident(direction);
        let seeds = seeds.iter().map(|(dot, i)| {
            let dot = e.ident(*dot);
            let i = proc_macro2::Literal::usize_unsuffixed(*i);
            quote!(let #dot: #float = #v[#i];)
        });
        let body = e.stmts(&stmts);
        let entries =
            gradient.adjoints.iter().zip(&self.wrt).map(|(adjoint, param)| match adjoint.and_then(|a| dots.get(&a)) {
                Some(entry) => {
                    let entry = e.ident(*entry);
                    quote!(#entry)
                }
                None => {
                    let p = e.ident(*param);
                    quote!(::matdiff::__private::zero_like(&#p))
                }
            });
        self.public_fn(
            &name,
            &doc,
            quote!(#v: [#float; #n]),
            quote!([#float; #n]),
            quote!(#(#seeds)* #body [#(#entries),*]),
        )
    }

    // ----- the companion: what differentiated callers use ------------------

    /// The derivative functions of the calling convention in
    /// `matdiff_core::calling`: a `struct` in the type namespace for a free
    /// function, hidden methods for a method.
    fn companions(&self) -> TokenStream {
        let float = &self.float;
        let direction_param = quote!(__MatdiffD: ::matdiff::__private::Directions<#float>);
        let no_derivative = quote!(::matdiff::__private::NoDerivative);
        let mut vars = self.lowered.vars.clone();
        let tangents = vars.fresh("tangents", Span::call_site(), false);
        let out_bar = vars.fresh("out_bar", Span::call_site(), true);
        let out_bar_dot = vars.fresh("out_bar_dot", Span::call_site(), true);

        let slot_types: Vec<TokenStream> =
            self.sig.params.iter().map(|p| if p.wrt { quote!(#float) } else { no_derivative.clone() }).collect();
        // A float argument outside `wrt` still takes a tangent, which is
        // ignored: a caller that passes a varied value there fails to compile
        // anyway, at the `cotangent` check of its gradient, with a clear
        // message, instead of at a type mismatch here.
        let tangent_types: Vec<TokenStream> = self
            .sig
            .params
            .iter()
            .map(|p| {
                if p.float.is_some() {
                    quote!(::core::option::Option<__MatdiffD>)
                } else {
                    quote!(::core::option::Option<#no_derivative>)
                }
            })
            .collect();
        let tangent_slot_types: Vec<TokenStream> =
            self.sig.params.iter().map(|p| if p.wrt { quote!(__MatdiffD) } else { no_derivative.clone() }).collect();

        // vjp
        let vjp = {
            let mut vars = vars.clone();
            let gradient = self.gradient(&mut vars, Seed::Given(out_bar));
            let e = Emitter::new(&vars, quote!(#float), &gradient.stmts);
            let stmts = e.stmts(&gradient.stmts);
            let slots = self.cotangent_slots(&e, &gradient.adjoints, |a| a, &no_derivative);
            let result = e.ident(self.lowered.result());
            let out_bar = e.ident(out_bar);
            self.companion_fn(
                "vjp",
                None,
                quote!(#out_bar: #float),
                quote!((#float, (#(#slot_types,)*))),
                quote!(#stmts (#result, (#(#slots,)*))),
            )
        };

        // jvp
        let jvp = {
            let mut vars = vars.clone();
            let (seed_stmts, mut dots) = self.tangent_seeds(&mut vars, tangents);
            let stmts = tangent::tangent(&mut vars, &self.lowered.body.stmts, &mut dots);
            let e = Emitter::new(&vars, quote!(__MatdiffD), &stmts);
            let seeds = seed_stmts.iter().map(|(dot, k)| {
                let (dot, t) = (e.ident(*dot), e.ident(tangents));
                let k = syn::Index::from(*k);
                quote!(let #dot = ::matdiff::__private::tangent_or_zero::<#float, __MatdiffD>(#t.#k);)
            });
            let body = e.stmts(&stmts);
            let result_var = self.lowered.result();
            let result = e.ident(result_var);
            let result_dot = self.dot_or_zero(&e, &dots, result_var);
            let t = e.ident(tangents);
            self.companion_fn(
                "jvp",
                Some(direction_param.clone()),
                quote!(#t: (#(#tangent_types,)*)),
                quote!((#float, __MatdiffD)),
                quote!(#(#seeds)* #body (#result, #result_dot)),
            )
        };

        // vjp_jvp
        let vjp_jvp = {
            let mut vars = vars.clone();
            let gradient = self.gradient(&mut vars, Seed::Given(out_bar));
            let (seed_stmts, mut dots) = self.tangent_seeds(&mut vars, tangents);
            let out_bar_dot_value = vars.derived(out_bar, "_dot");
            dots.insert(out_bar, out_bar_dot_value);
            let stmts = tangent::tangent(&mut vars, &gradient.stmts, &mut dots);
            let e = Emitter::new(&vars, quote!(__MatdiffD), &stmts);
            let seeds = seed_stmts.iter().map(|(dot, k)| {
                let (dot, t) = (e.ident(*dot), e.ident(tangents));
                let k = syn::Index::from(*k);
                quote!(let #dot = ::matdiff::__private::tangent_or_zero::<#float, __MatdiffD>(#t.#k);)
            });
            let body = e.stmts(&stmts);
            let result_var = self.lowered.result();
            let result = e.ident(result_var);
            let result_dot = self.dot_or_zero(&e, &dots, result_var);
            let slots = self.cotangent_slots(&e, &gradient.adjoints, |a| a, &no_derivative);
            let dot_slots: Vec<TokenStream> = self
                .sig
                .params
                .iter()
                .zip(&self.lowered.params)
                .map(|(p, &param)| {
                    if !p.wrt {
                        return no_derivative.clone();
                    }
                    let index = self.wrt.iter().position(|w| *w == param);
                    let adjoint = index.and_then(|i| gradient.adjoints[i]);
                    match adjoint.and_then(|a| dots.get(&a)) {
                        Some(d) => {
                            let d = e.ident(*d);
                            quote!(#d)
                        }
                        None => {
                            let p = e.ident(param);
                            quote!(::matdiff::__private::zero_tangent::<__MatdiffD, _>(&#p))
                        }
                    }
                })
                .collect();
            let (t, ob, obd, obd_value) =
                (e.ident(tangents), e.ident(out_bar), e.ident(out_bar_dot), e.ident(out_bar_dot_value));
            self.companion_fn(
                "vjp_jvp",
                Some(direction_param.clone()),
                quote!(#t: (#(#tangent_types,)*), #ob: #float, #obd: ::core::option::Option<__MatdiffD>),
                quote!((#float, __MatdiffD, (#(#slot_types,)*), (#(#tangent_slot_types,)*))),
                quote! {
                    #(#seeds)*
                    let #obd_value = ::matdiff::__private::tangent_or_zero::<#float, __MatdiffD>(#obd);
                    #body
                    (#result, #result_dot, (#(#slots,)*), (#(#dot_slots,)*))
                },
            )
        };

        if self.sig.is_method() {
            quote!(#vjp #jvp #vjp_jvp)
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
                    #vjp
                    #jvp
                    #vjp_jvp
                }
            }
        }
    }

    /// `let x_dot = ...` seeds for the differentiated parameters, from the
    /// `tangents` tuple; returns (dot, index in the tuple) pairs.
    fn tangent_seeds(&self, vars: &mut Vars, _tangents: Var) -> (Vec<(Var, usize)>, HashMap<Var, Var>) {
        let mut seeds = Vec::new();
        let mut dots = HashMap::new();
        for (k, (p, &param)) in self.sig.params.iter().zip(&self.lowered.params).enumerate() {
            if p.wrt {
                let dot = vars.derived(param, "_dot");
                dots.insert(param, dot);
                seeds.push((dot, k));
            }
        }
        (seeds, dots)
    }

    fn dot_or_zero(&self, e: &Emitter, dots: &HashMap<Var, Var>, v: Var) -> TokenStream {
        match dots.get(&v) {
            Some(d) => {
                let d = e.ident(*d);
                quote!(#d)
            }
            None => {
                let v = e.ident(v);
                quote!(::matdiff::__private::zero_tangent::<__MatdiffD, _>(&#v))
            }
        }
    }

    /// One entry per parameter: its cotangent, a zero, or `NoDerivative`.
    fn cotangent_slots(
        &self,
        e: &Emitter,
        adjoints: &[Option<Var>],
        pick: impl Fn(Var) -> Var,
        no_derivative: &TokenStream,
    ) -> Vec<TokenStream> {
        self.sig
            .params
            .iter()
            .zip(&self.lowered.params)
            .map(|(p, &param)| {
                if !p.wrt {
                    return no_derivative.clone();
                }
                let index = self.wrt.iter().position(|w| *w == param);
                match index.and_then(|i| adjoints[i]) {
                    Some(a) => {
                        let a = e.ident(pick(a));
                        quote!(#a)
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
        let (name, vis, attrs) = if self.sig.is_method() {
            (companion_method(suffix, &self.sig.name), self.function.vis.clone(), self.attrs(false))
        } else {
            (format_ident!("{}", suffix), syn::parse_quote!(pub), quote!())
        };
        quote! {
            #[doc(hidden)]
            #[inline]
            #attrs
            #lints
            #vis fn #name #generics (#params #extra_params) -> #ret #where_clause {
                #items
                #body
            }
        }
    }
}
