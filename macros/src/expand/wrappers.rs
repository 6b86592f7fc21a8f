//! The public gradient, value-and-gradient and Hessian-vector product, and
//! the shell every public function is written in.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::Generator;
use crate::emit::Emitter;
use crate::gather::gather;
use crate::ir::Var;
use crate::naming::SECOND_ORDER_CORE as CORE;
use crate::reverse::Seed;
use crate::signature::Shape;
use crate::simplify::simplify;
use crate::tangent;

impl<'a> Generator<'a> {
    /// `f_grad` or `f_value_and_grad`: the reverse core seeded with 1.
    pub(super) fn grad_wrapper(&self, with_value: bool) -> TokenStream {
        let (name, doc) = self.grad_name_doc(with_value);
        let float = &self.float;
        let call = self.gradient_call(with_value);
        let entries: Vec<TokenStream> = (0..self.wrt.len()).map(|i| self.slot(quote!(__matdiff_slots), i)).collect();
        let grad = self.gather(vec![quote!(); entries.len()], entries).1;
        let grad_type = self.grad_type();
        let (ret, value) = if with_value {
            (quote!((#float, #grad_type)), quote!((__matdiff_value, #grad)))
        } else {
            (grad_type, grad)
        };
        self.wrapper_fn(&name, &doc, quote!(), ret, quote!(#call #value))
    }

    /// `f_grad_into` or `f_value_and_grad_into`, when every differentiated
    /// argument is a slice or a `Vec`: the gradient written into buffers
    /// the caller owns, one per argument, as optimisers' callbacks take it
    /// (`FnMut(&[f64], &mut [f64]) -> f64`).
    pub(super) fn grad_into_wrapper(&self, with_value: bool) -> Option<TokenStream> {
        let storage = self.storage_params();
        if storage.is_empty() || storage.len() != self.wrt.len() {
            return None;
        }
        let (name, _) = self.grad_name_doc(with_value);
        let name = format_ident!("{}_into", name);
        let float = &self.float;
        let taken: Vec<String> = self.sig.params.iter().map(|p| p.ident.to_string()).collect();
        let buffers: Vec<Ident> = storage
            .iter()
            .map(|&k| {
                let mut buffer =
                    format_ident!("grad_{}", self.sig.params[k].ident.to_string().trim_start_matches("r#"));
                while taken.contains(&buffer.to_string()) {
                    buffer = format_ident!("{}_", buffer);
                }
                buffer
            })
            .collect();
        let params = buffers.iter().map(|b| quote!(#b: &mut [#float]));
        let lent = buffers.iter().map(|b| quote!(&mut *#b)).collect();
        let call = self.gradient_call_storing(with_value, Some(lent));
        let arguments: Vec<String> = storage.iter().map(|&k| format!("`{}`", self.sig.params[k].ident)).collect();
        let written: Vec<String> = buffers.iter().map(|b| format!("`{b}`")).collect();
        let (what, ret, value) = if with_value {
            ("The value of {f} and its gradient", quote!(#float), quote!(__matdiff_value))
        } else {
            ("The gradient of {f}", quote!(), quote!())
        };
        let doc = format!(
            " {} with respect to {}, written into {} (one entry per element of its argument, overwritten; a buffer of another length panics). Allocates nothing for the gradient: only the tapes of loops whose reverse sweep needs saved values, if any. Computed by reverse-mode differentiation generated at compile time.",
            what.replace("{f}", &self.link()),
            arguments.join(", "),
            written.join(", "),
        );
        Some(self.wrapper_fn(&name, &doc, quote!(#(#params,)*), ret, quote!(#call #value)))
    }

    fn grad_name_doc(&self, with_value: bool) -> (Ident, String) {
        if with_value {
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
        }
    }

    /// With nalgebra values, `f_grad` from a body of its own pruned to the
    /// gradient (see [`Generator::hvp_pruned`]): the value, which nothing
    /// else needs, may be a matrix computation the optimiser cannot drop.
    pub(super) fn grad_pruned(&self) -> TokenStream {
        let (name, doc) = self.grad_name_doc(false);
        let mut vars = self.lowered.vars.clone();
        let mut gradient = self.gradient(&mut vars, Seed::One(self.float.clone()));
        let live: Vec<Var> = gradient.adjoints.iter().flatten().copied().collect();
        gradient.stmts = gather(simplify(std::mem::take(&mut gradient.stmts), &vars, live), &vars);
        let float = &self.float;
        let outputs: Vec<Var> = gradient.adjoints.iter().flatten().copied().chain([self.lowered.result()]).collect();
        let e = Emitter::new(&vars, quote!(#float), &gradient.stmts).reusing(&gradient.stmts, outputs);
        let stmts = e.body(&gradient.stmts);
        let grad = self.grad_value(&e, &gradient.adjoints);
        self.public_fn(&name, &doc, quote!(), self.grad_type(), quote!(#stmts #grad))
    }

    /// The Hessian times a vector: one sweep of the core along it.
    pub(super) fn hvp(&self) -> TokenStream {
        if self.matrix_mode() {
            return self.hvp_pruned();
        }
        let name = self.name(&self.options.hvp, "hvp");
        let float = &self.float;
        let mut vars = self.lowered.vars.clone();
        let direction = vars.fresh("v", self.sig.name.span(), false);
        let v = vars.ident(direction).clone();
        let doc = format!(
            " The Hessian of {} with respect to {} times the vector `{v}` (shaped like the gradient), without forming the Hessian: one forward-over-reverse sweep, a small constant times the cost of the gradient.",
            self.link(),
            self.wrt_list(),
        );
        let single = !self.all_scalar() && self.wrt.len() == 1;
        let mut v_types = Vec::new();
        let seeds: Vec<TokenStream> = (0..self.wrt.len())
            .map(|i| {
                let part = if self.all_scalar() {
                    let i = proc_macro2::Literal::usize_unsuffixed(i);
                    quote!(#v[#i])
                } else if single {
                    quote!(#v)
                } else {
                    let i = syn::Index::from(i);
                    quote!(#v.#i)
                };
                let p = self.wrt_param(i);
                v_types.push(match &p.shape {
                    Shape::Scalar => quote!(#float),
                    Shape::Dynamic => quote!(&[#float]),
                    Shape::Fixed(n) => quote!([#float; #n]),
                    Shape::Matrix(m) => {
                        let owned = &m.owned;
                        quote!(&#owned)
                    }
                });
                match &p.shape {
                    Shape::Dynamic => quote!(#part.to_vec()),
                    Shape::Matrix(_) => quote!(::core::clone::Clone::clone(#part)),
                    _ => part,
                }
            })
            .collect();
        let v_type = if self.all_scalar() {
            let n = proc_macro2::Literal::usize_unsuffixed(self.wrt.len());
            quote!([#float; #n])
        } else if single {
            v_types[0].clone()
        } else {
            quote!((#(#v_types,)*))
        };
        let extra = seeds;
        let call = self.call_core_with(CORE, self.core_generics(None, false), extra, false);
        let entries: Vec<TokenStream> = (0..self.wrt.len()).map(|i| self.slot(quote!(__matdiff_tangents), i)).collect();
        let value = self.gather(vec![quote!(); entries.len()], entries).1;
        self.wrapper_fn(
            &name,
            &doc,
            quote!(#v: #v_type),
            self.grad_type(),
            quote! {
                let (_, _, _, __matdiff_tangents) = #call;
                #value
            },
        )
    }

    /// With nalgebra values, the Hessian times a vector from a body of its
    /// own, pruned to what the product needs: the core would also compute
    /// the gradient and the value's tangent, whose matrices the optimiser
    /// cannot remove once they are allocated.
    fn hvp_pruned(&self) -> TokenStream {
        let name = self.name(&self.options.hvp, "hvp");
        let float = &self.float;
        let mut vars = self.lowered.vars.clone();
        let direction = vars.fresh("v", self.sig.name.span(), false);
        let doc = format!(
            " The Hessian of {} with respect to {} times the vector `{}` (shaped like the gradient), without forming the Hessian: one forward-over-reverse sweep, a small constant times the cost of the gradient.",
            self.link(),
            self.wrt_list(),
            vars.ident(direction)
        );
        let gradient = self.gradient(&mut vars, Seed::One(self.float.clone()));
        let (mut dots, seed_vars) = self.input_tangents(&mut vars);
        let stmts = tangent::tangent(&mut vars, &gradient.stmts, &mut dots);
        let stmts = gather(
            simplify(stmts, &vars, gradient.adjoints.iter().flatten().filter_map(|a| dots.get(a).copied())),
            &vars,
        );
        let e = Emitter::new(&vars, quote!(#float), &stmts);
        let v = e.ident(direction);
        let single = !self.all_scalar() && self.wrt.len() == 1;
        let mut v_types = Vec::new();
        let seeds: Vec<TokenStream> = seed_vars
            .iter()
            .enumerate()
            .map(|(i, dot)| {
                let dot = e.ident(*dot);
                let part = if self.all_scalar() {
                    let i = proc_macro2::Literal::usize_unsuffixed(i);
                    quote!(#v[#i])
                } else if single {
                    quote!(#v)
                } else {
                    let i = syn::Index::from(i);
                    quote!(#v.#i)
                };
                let p = self.wrt_param(i);
                v_types.push(match &p.shape {
                    Shape::Scalar => quote!(#float),
                    Shape::Dynamic => quote!(&[#float]),
                    Shape::Fixed(n) => quote!([#float; #n]),
                    Shape::Matrix(m) => {
                        let owned = &m.owned;
                        quote!(&#owned)
                    }
                });
                match &p.shape {
                    Shape::Dynamic => quote!(let #dot = #part.to_vec();),
                    Shape::Matrix(_) => quote!(let #dot = ::core::clone::Clone::clone(#part);),
                    _ => quote!(let #dot = #part;),
                }
            })
            .collect();
        let v_type = if self.all_scalar() {
            let n = proc_macro2::Literal::usize_unsuffixed(self.wrt.len());
            quote!([#float; #n])
        } else if single {
            v_types[0].clone()
        } else {
            quote!((#(#v_types,)*))
        };
        let body = e.stmts(&stmts);
        let entries: Vec<Option<Var>> =
            gradient.adjoints.iter().map(|adjoint| adjoint.and_then(|a| dots.get(&a)).copied()).collect();
        let value = self.grad_value(&e, &entries);
        self.public_fn(&name, &doc, quote!(#v: #v_type), self.grad_type(), quote!(#(#seeds)* #body #value))
    }

    /// A value per differentiated argument, gathered the way the gradient
    /// is: an array for scalars only, the one value for a single argument,
    /// a tuple otherwise. Returns the type and the value.
    fn gather(&self, types: Vec<TokenStream>, values: Vec<TokenStream>) -> (TokenStream, TokenStream) {
        let float = &self.float;
        if self.all_scalar() {
            let n = proc_macro2::Literal::usize_unsuffixed(values.len());
            (quote!([#float; #n]), quote!([#(#values),*]))
        } else if values.len() == 1 {
            (types[0].clone(), values[0].clone())
        } else {
            (quote!((#(#types,)*)), quote!((#(#values,)*)))
        }
    }

    /// The gradient's type.
    fn grad_type(&self) -> TokenStream {
        let float = &self.float;
        let float = quote!(#float);
        let types = self.sig.wrt().map(|p| self.shaped(p, &float)).collect();
        self.gather(types, vec![quote!(); self.wrt.len()]).0
    }

    /// The gradient's value: each cotangent, or a zero where there is none.
    fn grad_value(&self, e: &Emitter, entries: &[Option<Var>]) -> TokenStream {
        let float = &self.float;
        let float = quote!(#float);
        let types = self.sig.wrt().map(|p| self.shaped(p, &float)).collect();
        let values = entries
            .iter()
            .zip(&self.wrt)
            .map(|(entry, param)| match entry {
                Some(a) => {
                    let a = e.ident(*a);
                    quote!(#a)
                }
                None => {
                    let p = e.ident(*param);
                    quote!(::matdiff::__private::zero_like(&#p))
                }
            })
            .collect();
        self.gather(types, values).1
    }

    pub(super) fn public_fn(
        &self,
        name: &Ident,
        doc: &str,
        extra_params: TokenStream,
        ret: TokenStream,
        body: TokenStream,
    ) -> TokenStream {
        let attrs = self.attrs(true);
        let inline = self.inline_body();
        let vis = &self.function.vis;
        let params = self.params();
        let (generics, where_clause) = self.generics(None);
        let items = self.items();
        let lints = Self::lints();
        // Users often call only the derivatives; this use of the original
        // keeps rustc from calling it dead code.
        let original = self.original();
        let ret = if ret.is_empty() { quote!() } else { quote!(-> #ret) };
        quote! {
            #[doc = #doc]
            #attrs
            #inline
            #lints
            #vis fn #name #generics (#params #extra_params) #ret #where_clause {
                let _ = #original;
                #items
                #body
            }
        }
    }

    /// A public function that calls the cores: no body of its own, and
    /// `#[inline]`, so that only the derivatives a crate calls are compiled
    /// to machine code.
    pub(super) fn wrapper_fn(
        &self,
        name: &Ident,
        doc: &str,
        extra_params: TokenStream,
        ret: TokenStream,
        body: TokenStream,
    ) -> TokenStream {
        let attrs = self.attrs(true);
        let inline = self.inline();
        let vis = &self.function.vis;
        let params = self.params();
        let (generics, where_clause) = self.generics(None);
        let lints = Self::lints();
        let original = self.original();
        let ret = if ret.is_empty() { quote!() } else { quote!(-> #ret) };
        quote! {
            #[doc = #doc]
            #attrs
            #inline
            #lints
            #vis fn #name #generics (#params #extra_params) #ret #where_clause {
                let _ = #original;
                #body
            }
        }
    }

    /// `#[inline]` unless the user wrote their own: a crate then compiles to
    /// machine code only the derivatives it calls.
    fn inline(&self) -> Option<TokenStream> {
        (!self.function.attrs.iter().any(|a| a.path().is_ident("inline"))).then(|| quote!(#[inline]))
    }

    /// [`Generator::inline`] for a public function with a body of its own:
    /// none unless the function is small (see [`Generator::companion_fn`]).
    fn inline_body(&self) -> Option<TokenStream> {
        if self.small() { self.inline() } else { None }
    }
}
