//! Expands `#[differentiate]`: checks the function, lowers it, runs the
//! passes, and emits the derivative functions next to the unchanged
//! original.

use std::collections::HashMap;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::emit::Emitter;
use crate::errors::Errors;
use crate::ir::{Var, Vars};
use crate::lower::{self, Lowered};
use crate::naming::{self, GRADIENT_CORE, SECOND_ORDER_CORE as CORE, SECOND_ORDER_SWEEP as SWEEP, companion_method};
use crate::options::{self, Options};
use crate::reverse::{self, Gradient, Seed};
use crate::signature::{self, Param, Shape, Signature};
use crate::simplify::simplify;
use crate::{activity, fence, sparsity, tangent};

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
    let mut lowered = lower::lower(&sig, &function.block)?;
    crate::closure::differentiate_maps(&mut lowered)?;
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
    /// The differentiated parameters themselves, in the same order.
    wrt_params: Vec<usize>,
}

/// Whether every statement of `block` has rules along bundles of
/// directions (see [`Generator::bundle_mode`]).
fn bundle_capable(block: &crate::ir::Block) -> bool {
    bundle_capable_in(block, false)
}

/// A linear primitive's rules read no primal value, so a loop's reverse
/// sweep may not have its arguments at hand; its bundle rule takes them
/// (a transpose needs the shape), so it is not used inside loops.
fn bundle_capable_in(block: &crate::ir::Block, in_loop: bool) -> bool {
    use crate::ir::{Expr, Header, Stmt};
    block.stmts.iter().all(|stmt| match stmt {
        Stmt::Let { expr, .. } => match expr {
            Expr::Prim { prim, .. } => !prim.matrix || (prim.bundle && !(in_loop && prim.linear)),
            Expr::Call { .. } | Expr::Read { .. } | Expr::NewArray(_) => false,
            _ => true,
        },
        Stmt::If { then_blk, else_blk, .. } => {
            bundle_capable_in(then_blk, in_loop) && bundle_capable_in(else_blk, in_loop)
        }
        Stmt::Loop(l) => {
            let header = match &l.header {
                Header::While { cond } => bundle_capable_in(cond, true),
                _ => true,
            };
            header && bundle_capable_in(&l.body, true)
        }
        Stmt::Effect { .. } => true,
        Stmt::Store { .. } | Stmt::AddAt { .. } | Stmt::AddAll { .. } | Stmt::Push { .. } => false,
    })
}

/// Attributes of the original that the generated functions keep.
const CARRIED: &[&str] = &["cfg", "cfg_attr", "inline", "allow", "warn", "deny", "forbid", "expect", "deprecated"];

/// Where the differentiated arguments' scalars sit among all of them.
struct Layout {
    /// The number of scalars of each argument, and whether it is a constant.
    sizes: Vec<(TokenStream, bool)>,
    /// The position of each argument's first scalar.
    bases: Vec<TokenStream>,
    /// The number of all scalars.
    total: TokenStream,
    /// Whether that number is a constant.
    fixed: bool,
}

/// The derivative bodies of a function, built once: the reverse core, the
/// forward-over-reverse core (and its sweep), the forward `jvp`, and the
/// companions `vjp` and `vjp_jvp` that wrap the cores for callers; the
/// public functions wrap the cores too.
struct Cores {
    tokens: TokenStream,
    /// For each differentiated argument, whether the core computes the
    /// tangent of its cotangent (its rows of the Hessian); it is zero
    /// otherwise.
    rows: Vec<bool>,
}

/// Lowered statements up to which a function is small: its derivative
/// bodies are then inlined where they are called.
const SMALL: usize = 64;

/// Up to this many scalar inputs, a Hessian takes one sweep with all
/// directions at once; beyond, sweeps of `CHUNK` directions.
const ONE_SWEEP: usize = 16;
const CHUNK: usize = 8;

impl<'a> Generator<'a> {
    fn new(function: &'a syn::ItemFn, sig: Signature, lowered: Lowered, options: Options) -> Self {
        let wrt_params: Vec<usize> = sig.params.iter().enumerate().filter(|(_, p)| p.wrt).map(|(i, _)| i).collect();
        let wrt = wrt_params.iter().map(|&i| lowered.params[i]).collect();
        let float = sig.float.ident();
        Generator { function, sig, lowered, options, float, wrt, wrt_params }
    }

    fn all(&self) -> TokenStream {
        if self.sig.vector_output.is_some() {
            return self.jacobian();
        }
        let cores = self.companions();
        let mut out = TokenStream::new();
        out.extend(if self.matrix_mode() { self.grad_pruned() } else { self.grad_wrapper(false) });
        out.extend(self.grad_wrapper(true));
        if !self.options.no_hessian {
            out.extend(self.hessian(&cores));
            out.extend(self.hvp());
        }
        out.extend(cores.tokens);
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
        quote!(#[allow(dead_code, unused_variables, unused_mut, unused_parens, non_snake_case, dropping_copy_types, clippy::all, clippy::pedantic, clippy::nursery)])
    }

    /// A call of the companion `suffix` with the function's arguments, then
    /// `extra`. `repeated`: the call runs more than once (in a loop of
    /// sweeps), so arguments that are neither references nor floats are
    /// cloned for each.
    fn call_core(&self, suffix: &str, extra: impl IntoIterator<Item = TokenStream>, repeated: bool) -> TokenStream {
        self.call_core_with(suffix, quote!(), extra, repeated)
    }

    /// [`Generator::call_core`] with generic arguments `turbofish`
    /// (`::<true>`).
    fn call_core_with(
        &self,
        suffix: &str,
        turbofish: TokenStream,
        extra: impl IntoIterator<Item = TokenStream>,
        repeated: bool,
    ) -> TokenStream {
        let args = self.sig.params.iter().map(|p| {
            let ident = &p.ident;
            let copied = matches!(p.ty, syn::Type::Reference(_))
                || (p.float.is_some() && matches!(p.shape, Shape::Scalar | Shape::Fixed(_)));
            if repeated && !copied { quote!(::core::clone::Clone::clone(&#ident)) } else { quote!(#ident) }
        });
        let extra = extra.into_iter();
        match &self.sig.receiver {
            Some(receiver) => {
                let method = companion_method(suffix, &self.sig.name);
                let this = if repeated && receiver.reference.is_none() {
                    quote!(::core::clone::Clone::clone(&self))
                } else {
                    quote!(self)
                };
                quote!(Self::#method #turbofish (#this, #(#args,)* #(#extra),*))
            }
            None => {
                let name = &self.sig.name;
                let suffix = format_ident!("{}", suffix);
                quote!(#name::#suffix #turbofish (#(#args,)* #(#extra),*))
            }
        }
    }

    /// The generic arguments of a call of the forward-over-reverse core:
    /// the directions (`_` to infer them from the tangents) and whether the
    /// caller reads the value. A Hessian does not: then the code that only
    /// computes the value and its tangent is dead in that instance of the
    /// core, inlined or not.
    fn core_generics(&self, directions: Option<TokenStream>, value: bool) -> TokenStream {
        if self.matrix_mode() {
            quote!(::<#value>)
        } else {
            let directions = directions.unwrap_or_else(|| quote!(_));
            quote!(::<#directions, #value>)
        }
    }

    /// Statements that bind `__matdiff_value` and `__matdiff_slots` (the
    /// cotangent of each argument) by one reverse sweep seeded with 1.
    /// Without nalgebra values that is the forward-over-reverse core along
    /// no direction at all (`[F; 0]`, whose tangents have no size and whose
    /// code compiles to nothing): one body serves gradients and Hessians.
    /// A nalgebra value has a tangent of its own size whatever the number of
    /// directions, so there the reverse core has a body of its own.
    fn gradient_call(&self, with_value: bool) -> TokenStream {
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
        let call =
            self.call_core_with(CORE, self.core_generics(Some(quote!([#float; 0])), with_value), tangents, false);
        quote! {
            #(#lets)*
            let (__matdiff_value, _, __matdiff_slots, _) = #call;
        }
    }

    /// Entry `i` of the per-argument tuple `tuple` returned by a core, for
    /// differentiated argument `i`.
    fn slot(&self, tuple: TokenStream, i: usize) -> TokenStream {
        let index = syn::Index::from(self.wrt_params[i]);
        quote!(#tuple.#index)
    }

    fn gradient(&self, vars: &mut Vars, seed: Seed) -> Gradient {
        let active = activity::active(vars, &self.lowered.body);
        reverse::reverse(vars, &self.lowered.body, &active, seed, &self.wrt)
    }

    /// A tangent for each differentiated input (a buffer for an array),
    /// as the map the tangent pass starts from and in input order.
    fn input_tangents(&self, vars: &mut Vars) -> (HashMap<Var, Var>, Vec<Var>) {
        let dots: Vec<Var> = self.wrt.iter().map(|&w| vars.derived_like(w, naming::DOT)).collect();
        (self.wrt.iter().copied().zip(dots.iter().copied()).collect(), dots)
    }

    /// `let x_dot = Bundle::seed(..);` for each input: the identity at its
    /// columns of all `__matdiff_total` directions.
    fn bundle_seeds(&self, e: &Emitter, layout: &Layout, seed_vars: &[Var], bundle: &TokenStream) -> Vec<TokenStream> {
        seed_vars
            .iter()
            .enumerate()
            .map(|(i, dot)| {
                let dot = e.ident(*dot);
                let (base, (size, _)) = (&layout.bases[i], &layout.sizes[i]);
                quote!(let #dot = <#bundle>::seed(#size, #base, __matdiff_total);)
            })
            .collect()
    }

    fn wrt_param(&self, i: usize) -> &Param {
        &self.sig.params[self.wrt_params[i]]
    }

    /// Whether every differentiated argument is a scalar: then the gradient
    /// is an array `[F; n]`.
    fn all_scalar(&self) -> bool {
        self.sig.wrt().all(|p| matches!(p.shape, Shape::Scalar))
    }

    /// The gradient's type for one argument, with tangents `elem`.
    fn shaped(&self, p: &Param, elem: &TokenStream) -> TokenStream {
        match &p.shape {
            Shape::Scalar => elem.clone(),
            Shape::Dynamic => quote!(::std::vec::Vec<#elem>),
            Shape::Fixed(n) => quote!([#elem; #n]),
            // One direction at a time: the tangent of a matrix is a matrix.
            Shape::Matrix(m) => {
                let owned = &m.owned;
                quote!(#owned)
            }
        }
    }

    /// Whether a nalgebra value may carry a derivative: then tangents carry
    /// one direction at a time (a matrix's tangent is a matrix of its shape),
    /// Hessians are built column by column, and results are nalgebra
    /// matrices.
    fn matrix_mode(&self) -> bool {
        self.sig.params.iter().any(|p| p.matrix().is_some())
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

    // ----- the public functions --------------------------------------------

    /// `f_grad` or `f_value_and_grad`: the reverse core seeded with 1.
    fn grad_wrapper(&self, with_value: bool) -> TokenStream {
        let (name, doc) = self.grad_name_doc(with_value);
        let float = &self.float;
        let call = if self.matrix_mode() {
            let call = self.call_core_with(GRADIENT_CORE, quote!(::<#with_value>), [], false);
            quote!(let (__matdiff_value, __matdiff_slots) = #call;)
        } else {
            self.gradient_call(with_value)
        };
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
    fn grad_pruned(&self) -> TokenStream {
        let (name, doc) = self.grad_name_doc(false);
        let mut vars = self.lowered.vars.clone();
        let mut gradient = self.gradient(&mut vars, Seed::One(self.float.clone()));
        let live: Vec<Var> = gradient.adjoints.iter().flatten().copied().collect();
        gradient.stmts = simplify(std::mem::take(&mut gradient.stmts), &vars, live);
        let float = &self.float;
        let outputs: Vec<Var> = gradient.adjoints.iter().flatten().copied().chain([self.lowered.result()]).collect();
        let e = Emitter::new(&vars, quote!(#float), &gradient.stmts).reusing(&gradient.stmts, outputs);
        let stmts = e.body(&gradient.stmts);
        let grad = self.grad_value(&e, &gradient.adjoints);
        self.public_fn(&name, &doc, quote!(), self.grad_type(), quote!(#stmts #grad))
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
        let inline = self.inline_body();
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
            #inline
            #lints
            #vis fn #name #generics (#params #extra_params) -> #ret #where_clause {
                let _ = #original;
                #items
                #body
            }
        }
    }

    /// A public function that calls the cores: no body of its own, and
    /// `#[inline]`, so that only the derivatives a crate calls are compiled
    /// to machine code.
    fn wrapper_fn(
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
        let original = &self.sig.name;
        let original = if self.sig.is_method() { quote!(Self::#original) } else { quote!(#original) };
        quote! {
            #[doc = #doc]
            #attrs
            #inline
            #lints
            #vis fn #name #generics (#params #extra_params) -> #ret #where_clause {
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

    /// The number of scalars in differentiated argument `i`, and whether it
    /// is a compile-time constant.
    fn size(&self, e: &Emitter, i: usize) -> (TokenStream, bool) {
        match &self.wrt_param(i).shape {
            Shape::Scalar => (quote!(1usize), true),
            Shape::Fixed(n) => (quote!((#n)), true),
            Shape::Matrix(m) if m.len.is_some() => {
                let len = &m.len;
                (quote!((#len)), true)
            }
            Shape::Dynamic | Shape::Matrix(_) => {
                let p = e.ident(self.wrt[i]);
                (quote!(#p.len()), false)
            }
        }
    }

    fn hessian(&self, cores: &Cores) -> TokenStream {
        let name = self.name(&self.options.hessian, "hessian");
        let doc = format!(
            " The Hessian of {} with respect to {} (all their scalars, in argument order): `H[i][j]` is the second derivative in the i-th and j-th of them. Computed by forward-over-reverse sweeps generated at compile time.",
            self.link(),
            self.wrt_list()
        );
        if self.matrix_mode() {
            if self.bundle_mode() {
                return self.hessian_bundled(&name, &doc);
            }
            return self.hessian_by_columns_pruned(&name, &doc);
        }
        if !self.chunked_hessian() {
            return self.hessian_one_sweep(cores, &name, &doc);
        }
        self.hessian_chunked(cores, &name, &doc)
    }

    /// Whether the loop of a chunked Hessian calls the core through the
    /// never-inlined sweep: unless every argument has a fixed size, in all
    /// at most one chunk, so that the loop runs once.
    fn sweeps_called(&self) -> bool {
        let fixed_total: Option<usize> = self
            .sig
            .wrt()
            .map(|p| match &p.shape {
                Shape::Scalar => Some(1),
                Shape::Fixed(syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. })) => i.base10_parse().ok(),
                _ => None,
            })
            .sum();
        self.chunked_hessian() && fixed_total.is_none_or(|total| total > CHUNK)
    }

    /// Whether the Hessian of a function without nalgebra values takes
    /// sweeps of `CHUNK` directions in a loop, rather than one sweep.
    fn chunked_hessian(&self) -> bool {
        let one_sweep = self.all_scalar() && self.wrt.len() <= ONE_SWEEP;
        !(self.matrix_mode() || self.options.no_hessian || one_sweep)
    }

    /// All scalar inputs: one sweep of the core carrying every direction.
    /// When the Hessian is sparse, inputs whose columns share no row share a
    /// direction (see [`crate::sparsity`]), and the sweep carries fewer.
    fn hessian_one_sweep(&self, cores: &Cores, name: &Ident, doc: &str) -> TokenStream {
        let n = proc_macro2::Literal::usize_unsuffixed(self.wrt.len());
        let float = &self.float;
        let colouring = sparsity::colour_hessian(&self.lowered.body, &self.wrt);
        let width = proc_macro2::Literal::usize_unsuffixed(colouring.as_ref().map_or(self.wrt.len(), |c| c.colours));
        let directions = quote!([#float; #width]);
        let seeds = (0..self.wrt.len()).map(|i| {
            let direction = colouring.as_ref().map_or(i, |c| c.colour_of[i]);
            let direction = proc_macro2::Literal::usize_unsuffixed(direction);
            quote!(::matdiff::__private::unit::<#float, #directions>(#direction))
        });
        let extra: Vec<TokenStream> = seeds.collect();
        let call = self.call_core_with(CORE, self.core_generics(None, false), extra, false);
        let rows = (0..self.wrt.len()).map(|i| {
            let row = self.slot(quote!(__matdiff_tangents), i);
            match (cores.rows[i], &colouring) {
                (true, None) => row,
                (true, Some(colouring)) => {
                    let entries = (0..self.wrt.len()).map(|j| {
                        if colouring.may_be_nonzero(i, j) {
                            let direction = proc_macro2::Literal::usize_unsuffixed(colouring.colour_of[j]);
                            quote!(#row[#direction])
                        } else {
                            quote!(0.0)
                        }
                    });
                    quote!([#(#entries),*])
                }
                (false, _) => quote!([0.0; #n]),
            }
        });
        let square = quote!([#float; #n]);
        self.wrapper_fn(
            name,
            doc,
            quote!(),
            quote!([#square; #n]),
            quote! {
                let (_, _, _, __matdiff_tangents) = #call;
                [#(#rows),*]
            },
        )
    }

    /// Whether the function is small enough that its derivative bodies may
    /// be inlined into their callers (see [`Generator::companion_fn`]).
    fn small(&self) -> bool {
        fn count(stmts: &[crate::ir::Stmt]) -> usize {
            use crate::ir::{Header, Stmt};
            stmts
                .iter()
                .map(|stmt| match stmt {
                    Stmt::If { then_blk, else_blk, .. } => 1 + count(&then_blk.stmts) + count(&else_blk.stmts),
                    Stmt::Loop(l) => {
                        let cond = match &l.header {
                            Header::While { cond } => count(&cond.stmts),
                            _ => 0,
                        };
                        1 + cond + count(&l.body.stmts)
                    }
                    _ => 1,
                })
                .sum()
        }
        count(&self.lowered.body.stmts) <= SMALL
    }

    /// The seed of differentiated argument `i` for the sweep whose
    /// directions `directions` start at input scalar `first`.
    fn sweep_seed(
        &self,
        e: &Emitter,
        layout: &Layout,
        i: usize,
        directions: &TokenStream,
        first: &Ident,
    ) -> TokenStream {
        let float = &self.float;
        let param = e.ident(self.wrt[i]);
        let base = &layout.bases[i];
        match &self.wrt_param(i).shape {
            Shape::Scalar => quote!(::matdiff::__private::seed::<#float, #directions>(#base, #first)),
            Shape::Dynamic => {
                quote!(::matdiff::__private::seed_vec::<#float, #directions>(#param.len(), #base, #first))
            }
            Shape::Fixed(n) => quote!(::matdiff::__private::seed_array::<#float, #directions, {#n}>(#base, #first)),
            Shape::Matrix(_) => {
                let like = e.borrow(self.wrt[i]);
                quote!(::matdiff::__private::seed_matrix(#like, #base, #first))
            }
        }
    }

    /// An emitter for the names of the arguments, in wrappers.
    fn argument_names(&self) -> Emitter<'_> {
        Emitter::new(&self.lowered.vars, quote!(()), &[])
    }

    /// Where each differentiated argument's scalars sit among all of them.
    fn layout(&self, e: &Emitter) -> Layout {
        let sizes: Vec<(TokenStream, bool)> = (0..self.wrt.len()).map(|i| self.size(e, i)).collect();
        let mut bases = Vec::new();
        let mut base = quote!(0usize);
        for (size, _) in &sizes {
            bases.push(base.clone());
            base = quote!(#base + #size);
        }
        let fixed = sizes.iter().all(|(_, f)| *f);
        Layout { sizes, bases, total: quote!((#base)), fixed }
    }

    /// The bundle of directions one sweep carries, the constants it needs,
    /// and the step from one sweep's first direction to the next.
    fn chunk(&self, layout: &Layout) -> (TokenStream, TokenStream, TokenStream) {
        let float = &self.float;
        let chunk = proc_macro2::Literal::usize_unsuffixed(CHUNK);
        if layout.fixed {
            let total = &layout.total;
            (
                quote!([#float; __MATDIFF_CHUNK]),
                quote! {
                    const __MATDIFF_TOTAL: usize = #total;
                    const __MATDIFF_CHUNK: usize = if __MATDIFF_TOTAL == 0 { 1 } else if __MATDIFF_TOTAL < #chunk { __MATDIFF_TOTAL } else { #chunk };
                },
                quote!(__MATDIFF_CHUNK),
            )
        } else {
            (quote!([#float; #chunk]), quote!(), quote!(#chunk))
        }
    }

    /// `let x_dot = seed..;` for the sweep whose directions start at `first`.
    fn chunk_seeds(
        &self,
        e: &Emitter,
        layout: &Layout,
        seed_vars: &[Var],
        directions: &TokenStream,
        first: &Ident,
    ) -> Vec<TokenStream> {
        let float = &self.float;
        seed_vars
            .iter()
            .enumerate()
            .map(|(i, &dot)| {
                let dot = e.ident(dot);
                let param = e.ident(self.wrt[i]);
                let base = &layout.bases[i];
                let seed = match &self.wrt_param(i).shape {
                    Shape::Scalar => quote!(::matdiff::__private::seed::<#float, #directions>(#base, #first)),
                    Shape::Dynamic => {
                        quote!(::matdiff::__private::seed_vec::<#float, #directions>(#param.len(), #base, #first))
                    }
                    Shape::Fixed(n) => {
                        quote!(::matdiff::__private::seed_array::<#float, #directions, {#n}>(#base, #first))
                    }
                    Shape::Matrix(_) => {
                        let like = e.borrow(self.wrt[i]);
                        quote!(::matdiff::__private::seed_matrix(#like, #base, #first))
                    }
                };
                quote!(let mut #dot = #seed;)
            })
            .collect()
    }

    /// The zero matrix of `rows` by all-inputs, fixed-size when both are.
    fn matrix(&self, layout: &Layout, rows: Option<&TokenStream>) -> (TokenStream, TokenStream) {
        let float = &self.float;
        let total = &layout.total;
        match (layout.fixed, rows) {
            (true, Some(rows)) => (quote!([[#float; #total]; #rows]), quote!([[0.0; #total]; #rows])),
            _ => (
                quote!(::std::vec::Vec<::std::vec::Vec<#float>>),
                quote!(::std::vec![::std::vec![0.0; __matdiff_total]; __matdiff_rows]),
            ),
        }
    }

    /// Arrays or many scalars: sweeps of the core with `CHUNK` directions
    /// (fewer when there are fewer inputs), each filling that many columns.
    fn hessian_chunked(&self, cores: &Cores, name: &Ident, doc: &str) -> TokenStream {
        let e = self.argument_names();
        let layout = self.layout(&e);
        let (directions, chunk_decl, step) = self.chunk(&layout);
        let first = Ident::new("__matdiff_first", Span::call_site());
        let seeds: Vec<TokenStream> =
            (0..self.wrt.len()).map(|i| self.sweep_seed(&e, &layout, i, &directions, &first)).collect();
        let extra = seeds;
        let call = if self.sweeps_called() {
            self.call_core(SWEEP, extra, true)
        } else {
            self.call_core_with(CORE, self.core_generics(None, false), extra, true)
        };
        let scatters = (0..self.wrt.len()).filter(|&i| cores.rows[i]).map(|i| {
            let row = self.slot(quote!(__matdiff_tangents), i);
            let (base, (size, _)) = (&layout.bases[i], &layout.sizes[i]);
            match &self.wrt_param(i).shape {
                Shape::Scalar => quote!(::matdiff::__private::scatter_row(&mut __matdiff_matrix[#base], #first, &#row);),
                _ => quote!(::matdiff::__private::scatter_rows(&mut __matdiff_matrix[#base..#base + #size], #first, &#row);),
            }
        });
        let total = &layout.total;
        let (matrix_type, matrix_init) = self.matrix(&layout, Some(total));
        self.wrapper_fn(
            name,
            doc,
            quote!(),
            matrix_type,
            quote! {
                #chunk_decl
                let __matdiff_total: usize = #total;
                let __matdiff_rows: usize = __matdiff_total;
                let mut __matdiff_matrix = #matrix_init;
                let mut #first: usize = 0;
                while #first < __matdiff_total {
                    let (_, _, _, __matdiff_tangents) = #call;
                    #(#scatters)*
                    #first += #step;
                }
                __matdiff_matrix
            },
        )
    }

    /// Whether the Hessian can be one sweep carrying a bundle of all
    /// directions: some size is dynamic (static sizes stay on the stack, one
    /// sweep per input), every argument is a float or a nalgebra value, and
    /// the body uses only primitives with bundle rules, no arrays and no
    /// calls.
    fn bundle_mode(&self) -> bool {
        let dynamic = self.sig.wrt().any(|p| matches!(&p.shape, Shape::Matrix(m) if m.len.is_none()));
        let plain_params = self.sig.params.iter().all(|p| !p.is_array());
        dynamic && plain_params && bundle_capable(&self.lowered.body)
    }

    /// The Hessian in one forward-over-reverse sweep whose tangents are
    /// bundles of all directions (`matdiff_core::bundle`): the seed of each
    /// input is the identity at its columns, and the tangent of each
    /// gradient is its rows of the Hessian.
    fn hessian_bundled(&self, name: &Ident, doc: &str) -> TokenStream {
        let float = &self.float;
        let bundle = quote!(::matdiff::__private::Bundle<#float>);
        let mut vars = self.lowered.vars.clone();
        let gradient = self.gradient(&mut vars, Seed::One(self.float.clone()));
        let (mut dots, seed_vars) = self.input_tangents(&mut vars);
        let stmts = tangent::tangent(&mut vars, &gradient.stmts, &mut dots);
        let stmts = simplify(stmts, &vars, gradient.adjoints.iter().flatten().filter_map(|a| dots.get(a).copied()));
        let rows: Vec<Var> = gradient.adjoints.iter().flatten().filter_map(|a| dots.get(a).copied()).collect();
        let e = Emitter::bundled(&vars, bundle.clone(), &stmts).reusing(&stmts, rows);
        let layout = self.layout(&e);
        let seeds = self.bundle_seeds(&e, &layout, &seed_vars, &bundle);
        let body = e.body(&stmts);
        let total = &layout.total;
        let (matrix_type, matrix_init) = self.nalgebra_square(&layout);
        let single = match gradient.adjoints.as_slice() {
            [Some(a)] => dots.get(a).map(|rows| e.ident(*rows)),
            _ => None,
        };
        let assemble = match single {
            // One argument: its gradient's bundle is the whole Hessian.
            Some(rows) => quote!(::matdiff::__private::into_hessian(#rows, __matdiff_total)),
            None => {
                let writes = (0..self.wrt.len()).filter_map(|i| {
                    let rows = e.ident(*gradient.adjoints[i].and_then(|a| dots.get(&a))?);
                    let base = &layout.bases[i];
                    Some(quote!(::matdiff::__private::write_rows(&mut __matdiff_matrix, #base, &#rows);))
                });
                quote! {
                    let mut __matdiff_matrix = #matrix_init;
                    #(#writes)*
                    __matdiff_matrix
                }
            }
        };
        self.public_fn(
            name,
            doc,
            quote!(),
            matrix_type,
            quote! {
                let __matdiff_total: usize = #total;
                #(#seeds)*
                #body
                #assemble
            },
        )
    }

    /// With nalgebra arguments: one forward-over-reverse sweep per input
    /// scalar, from a body of its own pruned to the Hessian's columns (see
    /// [`Generator::hvp_pruned`]), each filling one column of a nalgebra matrix (`SMatrix` when
    /// every size is static, `DMatrix` otherwise), the inputs flattened in
    /// argument order and matrices column by column.
    fn hessian_by_columns_pruned(&self, name: &Ident, doc: &str) -> TokenStream {
        let float = &self.float;
        let mut vars = self.lowered.vars.clone();
        let gradient = self.gradient(&mut vars, Seed::One(self.float.clone()));
        let column = vars.fresh("column", Span::call_site(), false);
        let (mut dots, seed_vars) = self.input_tangents(&mut vars);
        let stmts = tangent::tangent(&mut vars, &gradient.stmts, &mut dots);
        let stmts = simplify(stmts, &vars, gradient.adjoints.iter().flatten().filter_map(|a| dots.get(a).copied()));
        let e = Emitter::new(&vars, quote!(#float), &stmts);
        let layout = self.layout(&e);
        let column_ident = e.ident(column).clone();
        let seeds = self.chunk_seeds(&e, &layout, &seed_vars, &quote!(#float), &column_ident);
        let writes = (0..self.wrt.len()).filter_map(|i| {
            let row = e.ident(*gradient.adjoints[i].and_then(|a| dots.get(&a))?);
            let base = &layout.bases[i];
            Some(quote!(::matdiff::__private::write_column(&mut __matdiff_matrix, #column_ident, #base, &#row);))
        });
        let body = e.stmts(&stmts);
        let total = &layout.total;
        let (matrix_type, matrix_init) = self.nalgebra_square(&layout);
        self.public_fn(
            name,
            doc,
            quote!(),
            matrix_type,
            quote! {
                let __matdiff_total: usize = #total;
                let mut __matdiff_matrix = #matrix_init;
                for #column_ident in 0..__matdiff_total {
                    #(#seeds)*
                    #body
                    #(#writes)*
                }
                __matdiff_matrix
            },
        )
    }

    /// The type and zero value of a square nalgebra matrix over all inputs.
    fn nalgebra_square(&self, layout: &Layout) -> (TokenStream, TokenStream) {
        let float = &self.float;
        let total = &layout.total;
        if layout.fixed {
            let ty = quote!(::matdiff::__private::nalgebra::SMatrix<#float, {#total}, {#total}>);
            (ty.clone(), quote!(<#ty>::zeros()))
        } else {
            let ty = quote!(::matdiff::__private::nalgebra::DMatrix<#float>);
            (ty.clone(), quote!(<#ty>::zeros(__matdiff_total, __matdiff_total)))
        }
    }

    /// The Jacobian of a function with a vector result, `J[i][j]` = the
    /// derivative of output i in input j: by one reverse sweep per output
    /// or one forward sweep per chunk of inputs, whichever takes fewer.
    fn jacobian(&self) -> TokenStream {
        let name = self.name(&self.options.jacobian, "jacobian");
        let doc = format!(
            " The Jacobian of {} with respect to {} (all their scalars, in argument order): `J[i][j]` is the derivative of output i in input j. Computed by reverse sweeps, one per output, or forward sweeps, one per {CHUNK} inputs, whichever needs fewer.",
            self.link(),
            self.wrt_list()
        );
        if self.matrix_mode() {
            return self.jacobian_by_sweeps(&name, &doc);
        }
        let result_var = self.lowered.result();
        let output_len = match &self.sig.vector_output {
            Some(Shape::Fixed(m)) => Some(quote!((#m))),
            _ => None,
        };

        // Reverse: one sweep per output.
        let mut vars = self.lowered.vars.clone();
        let row = vars.fresh("row", Span::call_site(), false);
        let mut gradient = self.gradient(&mut vars, Seed::UnitAt(row));
        let live: Vec<Var> = gradient.adjoints.iter().flatten().copied().collect();
        gradient.stmts = simplify(std::mem::take(&mut gradient.stmts), &vars, live);
        let e = Emitter::new(&vars, quote!(()), &gradient.stmts);
        let layout = self.layout(&e);
        let row_ident = e.ident(row).clone();
        let reverse_body = e.stmts(&gradient.stmts);
        let writes: Vec<TokenStream> = (0..self.wrt.len())
            .filter_map(|i| {
                let entry = e.ident(gradient.adjoints[i]?);
                let (base, (size, _)) = (&layout.bases[i], &layout.sizes[i]);
                let _ = size;
                Some(match &self.wrt_param(i).shape {
                    Shape::Scalar => quote!(__matdiff_matrix[#row_ident][#base] = #entry;),
                    _ => quote!(::matdiff::__private::write_row(&mut __matdiff_matrix[#row_ident], #base, &#entry);),
                })
            })
            .collect();

        // Forward: one sweep per chunk of inputs.
        let mut fvars = self.lowered.vars.clone();
        let first = fvars.fresh("first", Span::call_site(), false);
        let (mut dots, seed_vars) = self.input_tangents(&mut fvars);
        let fstmts = tangent::tangent(&mut fvars, &self.lowered.body.stmts, &mut dots);
        let fstmts = simplify(fstmts, &fvars, dots.get(&result_var).copied());
        let flayout = self.layout(&Emitter::new(&fvars, quote!(()), &fstmts));
        let (directions, chunk_decl, step) = self.chunk(&flayout);
        let fe = Emitter::new(&fvars, directions.clone(), &fstmts);
        let first_ident = fe.ident(first).clone();
        let seeds = self.chunk_seeds(&fe, &flayout, &seed_vars, &directions, &first_ident);
        let forward_body = fe.stmts(&fstmts);
        let forward_scatter = dots.get(&result_var).map(|d| {
            let d = fe.ident(*d);
            quote!(::matdiff::__private::scatter_rows(&mut __matdiff_matrix[..], #first_ident, &#d);)
        });

        // The number of outputs: the result's length, from one forward run
        // when it is not a constant.
        let pe = Emitter::new(&self.lowered.vars, quote!(()), &self.lowered.body.stmts);
        let rows = match &output_len {
            Some(m) => quote!(#m),
            None => {
                let forward = pe.stmts(&self.lowered.body.stmts);
                let result = pe.ident(result_var);
                quote!({ #forward #result.len() })
            }
        };
        let total = &layout.total;
        let (matrix_type, matrix_init) = self.matrix(&layout, output_len.as_ref());
        let chunk = proc_macro2::Literal::usize_unsuffixed(CHUNK);
        self.public_fn(
            &name,
            &doc,
            quote!(),
            matrix_type,
            quote! {
                #chunk_decl
                let __matdiff_total: usize = #total;
                let __matdiff_rows: usize = #rows;
                let mut __matdiff_matrix = #matrix_init;
                if __matdiff_rows <= __matdiff_total.div_ceil(#chunk) {
                    for #row_ident in 0..__matdiff_rows {
                        #reverse_body
                        #(#writes)*
                    }
                } else {
                    let mut #first_ident: usize = 0;
                    while #first_ident < __matdiff_total {
                        #(#seeds)*
                        #forward_body
                        #forward_scatter
                        #first_ident += #step;
                    }
                }
                __matdiff_matrix
            },
        )
    }

    /// With nalgebra arguments or result: a nalgebra Jacobian (`SMatrix`
    /// when every size is static), by one reverse sweep per output or one
    /// forward sweep per input scalar, whichever needs fewer.
    fn jacobian_by_sweeps(&self, name: &Ident, doc: &str) -> TokenStream {
        let float = &self.float;
        let result_var = self.lowered.result();
        let vector_result = matches!(self.sig.vector_output, Some(Shape::Matrix(_)));
        if vector_result && self.bundle_mode() {
            return self.jacobian_bundled(name, doc);
        }
        let output_len = match &self.sig.vector_output {
            Some(Shape::Fixed(m)) => Some(quote!((#m))),
            Some(Shape::Matrix(m)) => m.len.as_ref().map(|len| quote!((#len))),
            _ => None,
        };

        // Reverse: one sweep per output.
        let mut vars = self.lowered.vars.clone();
        let row = vars.fresh("row", Span::call_site(), false);
        let seed = if vector_result { Seed::UnitVector(row) } else { Seed::UnitAt(row) };
        let mut gradient = self.gradient(&mut vars, seed);
        let live: Vec<Var> = gradient.adjoints.iter().flatten().copied().collect();
        gradient.stmts = simplify(std::mem::take(&mut gradient.stmts), &vars, live);
        let e = Emitter::new(&vars, quote!(#float), &gradient.stmts);
        let layout = self.layout(&e);
        let row_ident = e.ident(row).clone();
        let reverse_body = e.stmts(&gradient.stmts);
        let writes = (0..self.wrt.len()).filter_map(|i| {
            let entry = e.ident(gradient.adjoints[i]?);
            let base = &layout.bases[i];
            Some(quote!(::matdiff::__private::write_matrix_row(&mut __matdiff_matrix, #row_ident, #base, &#entry);))
        });

        // Forward: one sweep per input scalar.
        let mut fvars = self.lowered.vars.clone();
        let column = fvars.fresh("column", Span::call_site(), false);
        let (mut dots, seed_vars) = self.input_tangents(&mut fvars);
        let fstmts = tangent::tangent(&mut fvars, &self.lowered.body.stmts, &mut dots);
        let fstmts = simplify(fstmts, &fvars, dots.get(&result_var).copied());
        let fe = Emitter::new(&fvars, quote!(#float), &fstmts);
        let column_ident = fe.ident(column).clone();
        let seeds = self.chunk_seeds(&fe, &self.layout(&fe), &seed_vars, &quote!(#float), &column_ident);
        let forward_body = fe.stmts(&fstmts);
        let forward_write = dots.get(&result_var).map(|d| {
            let d = fe.ident(*d);
            quote!(::matdiff::__private::write_column(&mut __matdiff_matrix, #column_ident, 0, &#d);)
        });

        let pe = Emitter::new(&self.lowered.vars, quote!(#float), &self.lowered.body.stmts);
        let rows = match &output_len {
            Some(m) => quote!(#m),
            None => {
                let forward = pe.stmts(&self.lowered.body.stmts);
                let result = pe.ident(result_var);
                quote!({ #forward #result.len() })
            }
        };
        let total = &layout.total;
        let (matrix_type, matrix_init) = match &output_len {
            Some(m) if layout.fixed => {
                let ty = quote!(::matdiff::__private::nalgebra::SMatrix<#float, {#m}, {#total}>);
                (ty.clone(), quote!(<#ty>::zeros()))
            }
            _ => {
                let ty = quote!(::matdiff::__private::nalgebra::DMatrix<#float>);
                (ty.clone(), quote!(<#ty>::zeros(__matdiff_rows, __matdiff_total)))
            }
        };
        self.public_fn(
            name,
            doc,
            quote!(),
            matrix_type,
            quote! {
                let __matdiff_total: usize = #total;
                let __matdiff_rows: usize = #rows;
                let mut __matdiff_matrix = #matrix_init;
                if __matdiff_rows <= __matdiff_total {
                    for #row_ident in 0..__matdiff_rows {
                        #reverse_body
                        #(#writes)*
                    }
                } else {
                    for #column_ident in 0..__matdiff_total {
                        #(#seeds)*
                        #forward_body
                        #forward_write
                    }
                }
                __matdiff_matrix
            },
        )
    }

    /// A nalgebra vector result of dynamic-size arguments: one forward
    /// sweep whose tangents carry every input direction; the result's
    /// bundle is the Jacobian (for `A x`, a copy of `A`).
    fn jacobian_bundled(&self, name: &Ident, doc: &str) -> TokenStream {
        let float = &self.float;
        let bundle = quote!(::matdiff::__private::Bundle<#float>);
        let result_var = self.lowered.result();
        let mut vars = self.lowered.vars.clone();
        let (mut dots, seed_vars) = self.input_tangents(&mut vars);
        let stmts = tangent::tangent(&mut vars, &self.lowered.body.stmts, &mut dots);
        let result_dot = dots.get(&result_var).copied();
        let stmts = simplify(stmts, &vars, [result_var].into_iter().chain(result_dot));
        let outputs: Vec<Var> = [result_var].into_iter().chain(result_dot).collect();
        let e = Emitter::bundled(&vars, bundle.clone(), &stmts).reusing(&stmts, outputs);
        let layout = self.layout(&e);
        let seeds = self.bundle_seeds(&e, &layout, &seed_vars, &bundle);
        let body = e.body(&stmts);
        let result = e.ident(result_var);
        let jacobian = match result_dot {
            Some(d) => {
                let d = e.ident(d);
                quote!(::matdiff::__private::into_jacobian(#d, #result.len(), __matdiff_total))
            }
            None => quote!(<::matdiff::__private::nalgebra::DMatrix<#float>>::zeros(#result.len(), __matdiff_total)),
        };
        let total = &layout.total;
        self.public_fn(
            name,
            doc,
            quote!(),
            quote!(::matdiff::__private::nalgebra::DMatrix<#float>),
            quote! {
                let __matdiff_total: usize = #total;
                #(#seeds)*
                #body
                #jacobian
            },
        )
    }

    /// The Hessian times a vector: one sweep of the core along it.
    fn hvp(&self) -> TokenStream {
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
        let stmts = simplify(stmts, &vars, gradient.adjoints.iter().flatten().filter_map(|a| dots.get(a).copied()));
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

    // ----- the companion: what differentiated callers use ------------------

    /// The derivative functions of the calling convention in
    /// `matdiff_core::calling`: a `struct` in the type namespace for a free
    /// function, hidden methods for a method.
    fn companions(&self) -> Cores {
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
            gradient.stmts = simplify(std::mem::take(&mut gradient.stmts), &vars, live);
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

        // jvp
        let jvp = {
            let mut vars = vars.clone();
            let (seed_stmts, mut dots) = self.tangent_seeds(&mut vars);
            let stmts = tangent::tangent(&mut vars, &self.lowered.body.stmts, &mut dots);
            let result_var = self.lowered.result();
            let stmts = simplify(stmts, &vars, [result_var].into_iter().chain(dots.get(&result_var).copied()));
            let e = Emitter::new(&vars, quote!(__MatdiffD), &stmts);
            let seeds = self.seed_tokens(&e, &seed_stmts, tangents);
            let body = e.stmts(&stmts);
            let result_var = self.lowered.result();
            let result = e.ident(result_var);
            let result_dot = self.dot_or_zero(&e, &dots, result_var);
            let t = e.ident(tangents);
            self.companion_fn(
                naming::JVP,
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
            let stmts = tangent::tangent(&mut vars, &gradient.stmts, &mut dots);
            let result_var = self.lowered.result();
            let mut live: Vec<Var> = vec![result_var];
            live.extend(dots.get(&result_var));
            for adjoint in gradient.adjoints.iter().flatten() {
                live.push(*adjoint);
                live.extend(dots.get(adjoint));
            }
            let stmts = simplify(stmts, &vars, live);
            let e = Emitter::new(&vars, quote!(__MatdiffD), &stmts);
            let tangent_params = seed_stmts.iter().map(|(dot, k)| {
                let dot = e.ident(*dot);
                let ty = self.shaped(&self.sig.params[*k], &d);
                quote!(mut #dot: #ty,)
            });
            let tangent_params: TokenStream = tangent_params.collect();
            let body = e.stmts(&stmts);
            let result = e.ident(result_var);
            let result_dot = self.dot_or_zero(&e, &dots, result_var);
            let slots = self.cotangent_slots(&e, &gradient.adjoints, &no_derivative);
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
                            rows.push(true);
                            let d = e.ident(*d);
                            quote!(#d)
                        }
                        None => {
                            rows.push(false);
                            let p = e.ident(param);
                            quote!(::matdiff::__private::zero_tangent::<__MatdiffD, _>(&#p))
                        }
                    }
                })
                .collect();
            let generics = match &direction_param {
                Some(directions) => quote!(#directions, const __MATDIFF_VALUE: bool),
                None => quote!(const __MATDIFF_VALUE: bool),
            };
            self.companion_fn(
                CORE,
                Some(generics),
                quote!(#tangent_params),
                quote!((#float, #d, (#(#slot_types,)*), (#(#tangent_slot_types,)*))),
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
                naming::VJP_JVP,
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

        let tokens = if self.sig.is_method() {
            quote!(#gradient_core #vjp #jvp #vjp_jvp #core #sweep)
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
                    #core
                    #sweep
                }
            }
        };
        Cores { tokens, rows }
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
            None => {
                let v = e.ident(v);
                quote!(::matdiff::__private::zero_tangent::<__MatdiffD, _>(&#v))
            }
        }
    }

    /// One entry per parameter: its cotangent, a zero, or `NoDerivative`.
    fn cotangent_slots(&self, e: &Emitter, adjoints: &[Option<Var>], no_derivative: &TokenStream) -> Vec<TokenStream> {
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
                        let a = e.ident(a);
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
        // A small body is inlined where it is called; a larger one is not
        // (the wrappers `vjp` and `vjp_jvp` always may be):
        // inlined into a wrapper and the wrapper into its caller, a few
        // such bodies make one function that takes the optimiser minutes or
        // overflows its stack, and a call costs nothing beside them. Both
        // are generic, so only the instances a crate calls are compiled.
        let own_body = suffix == GRADIENT_CORE || suffix == CORE || suffix == naming::JVP;
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
