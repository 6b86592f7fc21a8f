//! Expands `#[differentiate]`: checks the function, lowers it, runs the
//! passes, and emits the derivative functions next to the unchanged
//! original.
//!
//! [`Generator::all`] is the plan: which functions are generated, in what
//! order. `cores` builds the derivative bodies once; `wrappers` the
//! gradient, value-and-gradient and Hessian-vector product over them, and
//! the shell of every public function; `hessian` and `jacobian` the
//! matrices, with `layout` placing the inputs' scalars among all of them.

mod check;
mod cores;
mod hessian;
mod impls;
mod into;
mod jacobian;
mod layout;
mod wrappers;

use std::collections::HashMap;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::band::{self, Band};
use crate::errors::Errors;
use crate::ir::{Var, Vars};
use crate::lower::{self, Lowered};
use crate::naming::{self, companion_method};
use crate::options::{self, Options};
use crate::reverse::{self, Gradient, Seed};
use crate::signature::{self, Param, Shape, Signature};
use crate::{activity, fence};

/// The attribute's whole output: the original item, then either the
/// generated functions or the errors.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let function: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(function) => function,
        Err(_) => {
            if let Ok(block) = syn::parse2::<syn::ItemImpl>(item.clone()) {
                return expand_block(args, block);
            }
            let error = syn::Error::new(
                Span::call_site(),
                "`#[differentiate]` goes on a function (`fn name(x: f64, ..) -> f64 { .. }`) or on an impl block",
            )
            .to_compile_error();
            return quote!(#item #error);
        }
    };
    if let Some(callback) = crate::structs::intercept(&args, &function) {
        return quote!(#function #callback);
    }
    match generate(args, &function) {
        Ok(generated) => quote!(#function #generated),
        Err(error) => {
            let error = error.to_compile_error();
            quote!(#function #error)
        }
    }
}

/// `#[differentiate]` on an impl block (see [`impls`]).
pub fn expand_block(args: TokenStream, block: syn::ItemImpl) -> TokenStream {
    impls::expand(args, block)
}

/// Where a function is, for where its derivatives go.
#[derive(Clone, Copy)]
pub enum Place<'a> {
    /// A free function, or a method whose attribute is its own.
    Alone,
    /// A function of an inherent impl block that has the attribute.
    InherentImpl,
    /// A function of an impl block of this trait that has the attribute:
    /// its derivatives go to an inherent impl of the same type.
    TraitImpl(&'a syn::Path),
}

pub fn generate(args: TokenStream, function: &syn::ItemFn) -> syn::Result<TokenStream> {
    generate_at(args, function, Place::Alone)
}

fn generate_at(args: TokenStream, function: &syn::ItemFn, place: Place) -> syn::Result<TokenStream> {
    let mut errors = Errors::default();
    if let Some(error) = crate::derivative::both_attributes(function, "derivative") {
        return Err(error);
    }
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
        Ok(mut sig) => {
            sig.associated = !matches!(place, Place::Alone);
            if let Place::TraitImpl(path) = place {
                sig.trait_impl = Some(path.clone());
            }
            sig
        }
        Err(e) => {
            errors.add(e);
            return errors.finish().map(|_| TokenStream::new());
        }
    };
    if let Err(e) = check::validate(&options, &sig) {
        errors.add(e);
    }
    errors.finish()?;
    let mut lowered = lower::lower(&sig, &function.block)?;
    crate::closure::differentiate_maps(&mut lowered)?;
    Ok(Generator::new(function, sig, lowered, options).all())
}

/// The companion alone (the calling convention's `vjp`, `jvp` and
/// `vjp_jvp`, with the cores they call) of `function`, which is not
/// emitted: what `#[derivative(..)]` builds for each partial it is given.
pub fn companion_only(function: &syn::ItemFn) -> syn::Result<TokenStream> {
    let options = Options { no_hessian: true, ..Options::default() };
    let sig = signature::analyze(&function.sig, &options)?;
    fence::check(&function.block)?;
    let mut lowered = lower::lower(&sig, &function.block)?;
    crate::closure::differentiate_maps(&mut lowered)?;
    Ok(Generator::new(function, sig, lowered, options).companions().tokens)
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
    /// The band of the Hessian, when the only differentiated argument is an
    /// array and the band could be read from the loops (see [`crate::band`]).
    band: Option<Band>,
}

/// Attributes of the original that the generated functions keep.
const CARRIED: &[&str] = &["cfg", "cfg_attr", "inline", "allow", "warn", "deny", "forbid", "expect", "deprecated"];

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
        let wrt: Vec<Var> = wrt_params.iter().map(|&i| lowered.params[i]).collect();
        let float = sig.float.ident();
        let band = match (&wrt_params[..], &wrt[..]) {
            ([param], [array])
                if sig.params[*param].is_array()
                    && sig.vector_output.is_none()
                    && !options.no_hessian
                    && !sig.params.iter().any(|p| p.matrix().is_some())
                    && !lowered.varied_matrices() =>
            {
                band::hessian_band(&lowered.body, *array, &lowered.vars)
            }
            _ => None,
        };
        Generator { function, sig, lowered, options, float, wrt, wrt_params, band }
    }

    /// The plan: which functions are generated, in the order they are
    /// emitted.
    fn all(&self) -> TokenStream {
        if self.sig.vector_output.is_some() {
            let mut out = self.jacobian();
            out.extend(self.vector_result_stand_ins());
            out.extend(self.derivative_check());
            return out;
        }
        let cores = self.companions();
        let mut out = TokenStream::new();
        out.extend(if self.matrix_mode() { self.grad_pruned() } else { self.grad_wrapper(false) });
        out.extend(self.grad_wrapper(true));
        out.extend(self.grad_into_wrapper(false));
        out.extend(self.grad_into_wrapper(true));
        if !self.options.no_hessian {
            out.extend(self.hessian(&cores));
            out.extend(self.hessian_sparse());
            out.extend(self.hvp());
        }
        out.extend(self.matrix_into_functions());
        out.extend(cores.tokens);
        out.extend(self.derivative_check());
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
        if self.sig.in_impl() { format!("[`Self::{}`]", self.sig.name) } else { format!("[`{}`]", self.sig.name) }
    }

    /// `let _ = f;`: users often call only the derivatives, and this use of
    /// the original keeps rustc from calling it dead code. A function of a
    /// trait impl is named through its trait, which need not be in scope; a
    /// generic one with its own type and const arguments (`f::<T, N>`).
    fn keep_original(&self) -> TokenStream {
        let original = &self.sig.name;
        let own = self.own_generic_arguments();
        let turbofish = (!own.is_empty()).then(|| quote!(::<#(#own),*>));
        if let Some(path) = &self.sig.trait_impl {
            quote!(let _ = <Self as #path>::#original #turbofish;)
        } else if self.sig.in_impl() {
            quote!(let _ = Self::#original #turbofish;)
        } else {
            quote!(let _ = #original #turbofish;)
        }
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
    /// (`::<true>`). The forward-over-reverse core is lent no storage for
    /// the cotangents of slices: it allocates them.
    fn call_core_with(
        &self,
        suffix: &str,
        turbofish: TokenStream,
        extra: impl IntoIterator<Item = TokenStream>,
        repeated: bool,
    ) -> TokenStream {
        let storage = if suffix == naming::SECOND_ORDER_CORE {
            // The cotangents' storage, then their tangents'.
            let count = 2 * self.storage_params().len();
            (0..count).map(|_| quote!(::std::vec::Vec::new())).collect()
        } else {
            Vec::new()
        };
        self.call_core_storing(suffix, turbofish, extra.into_iter().chain(storage), repeated)
    }

    /// The parameters whose cotangents the forward-over-reverse core writes
    /// into storage its caller lends it (`matdiff_core::arrays::CotangentStorage`):
    /// the differentiated slices and `Vec`s, by position in the signature.
    fn storage_params(&self) -> Vec<usize> {
        if self.matrix_mode() {
            return Vec::new();
        }
        self.sig
            .params
            .iter()
            .enumerate()
            .filter(|(_, p)| p.wrt && matches!(p.shape, Shape::Dynamic))
            .map(|(k, _)| k)
            .collect()
    }

    /// The differentiated slices the forward-over-reverse core takes the
    /// tangents of by any borrow (`naming::borrowed_tangent`) rather than
    /// as a `Vec`: those passed by shared reference and never rebound, so
    /// that the body cannot write to them, and a caller can lend seeds it
    /// keeps between calls.
    fn borrowed_tangent_params(&self) -> Vec<usize> {
        self.storage_params()
            .into_iter()
            .filter(|&k| {
                let p = &self.sig.params[k];
                !p.mutable && matches!(&p.ty, syn::Type::Reference(r) if r.mutability.is_none())
            })
            .collect()
    }

    /// A call of companion `suffix` with the function's arguments, then
    /// `extra` as they are.
    fn call_core_storing(
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
            None if self.sig.associated => {
                let function = companion_method(suffix, &self.sig.name);
                quote!(Self::#function #turbofish (#(#args,)* #(#extra),*))
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
        if self.matrix_mode() { quote!(::<#value>) } else { self.core_turbofish(directions, value, true) }
    }

    /// The generic arguments of the forward-over-reverse core without
    /// nalgebra values: the directions, whether the value and the reverse
    /// sweep are wanted, and the storage types (inferred).
    fn core_turbofish(&self, directions: Option<TokenStream>, value: bool, reverse: bool) -> TokenStream {
        let directions = directions.unwrap_or_else(|| quote!(_));
        let storage = self.storage_params().into_iter().flat_map(|_| [quote!(_), quote!(_)]);
        let borrowed = self.borrowed_tangent_params().into_iter().map(|_| quote!(_));
        let own = self.own_arguments();
        quote!(::<#own #directions, #value, #reverse #(, #storage)* #(, #borrowed)*>)
    }

    /// `T, N,`: the function's own type and const parameters, which come
    /// first among the generic arguments of its cores.
    fn own_arguments(&self) -> Option<TokenStream> {
        let own = self.own_generic_arguments();
        (!own.is_empty()).then(|| quote!(#(#own,)*))
    }

    /// The function's type and const parameters, in order (lifetimes are
    /// left to inference).
    fn own_generic_arguments(&self) -> Vec<Ident> {
        self.sig
            .generics
            .params
            .iter()
            .filter_map(|p| match p {
                syn::GenericParam::Type(t) => Some(t.ident.clone()),
                syn::GenericParam::Const(c) => Some(c.ident.clone()),
                syn::GenericParam::Lifetime(_) => None,
            })
            .collect()
    }

    /// A zero of the float type where rustc infers the type: the literal,
    /// which a type parameter does not take.
    fn zero(&self) -> TokenStream {
        let float = &self.float;
        if self.sig.float.is_generic() {
            quote!(<#float as ::matdiff::__private::Scalar>::of(0.0))
        } else {
            quote!(0.0)
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

    /// Whether a nalgebra value may carry a derivative (a nalgebra
    /// argument or result, or a vector built from differentiated floats): then
    /// tangents carry one direction at a time (a matrix's tangent is a
    /// matrix of its shape), Hessians are built column by column, and
    /// results are nalgebra matrices.
    fn matrix_mode(&self) -> bool {
        self.sig.params.iter().any(|p| p.matrix().is_some())
            || self.lowered.varied_matrices()
            || matches!(self.sig.vector_output, Some(Shape::Matrix(_)))
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
}
