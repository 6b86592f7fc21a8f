//! Closures bound by `let` and called by name (`let sq = |v: f64| v * v;
//! sq(x)`): each call is lowered as the closure's body, inline.
//!
//! A call sees the variables the closure captured as they were where it
//! was written (the borrow checker keeps a capturing closure's variables
//! from changing while it lives, and a `move` closure holds copies), so
//! the body is lowered in the scope of its definition, with its parameters
//! bound to the call's arguments. A closure that changes a variable or
//! returns early is not inlined: that would change what the code means.

use std::collections::HashMap;

use quote::ToTokens;
use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;

use super::Lowerer;
use super::syntax::ControlFinder;
use crate::errors;
use crate::ir::Var;
use crate::rename;

/// A closure bound by a `let`, with the variables visible where it was
/// written.
pub(super) struct LocalClosure {
    closure: syn::ExprClosure,
    captured: HashMap<String, Var>,
}

/// The closure an initializer is, through parentheses.
pub(super) fn as_closure(init: &syn::Expr) -> Option<&syn::ExprClosure> {
    match init {
        syn::Expr::Closure(c) => Some(c),
        syn::Expr::Paren(p) => as_closure(&p.expr),
        syn::Expr::Group(g) => as_closure(&g.expr),
        _ => None,
    }
}

/// The name a closure parameter binds, if it is a name (`v`, `v: f64`) or
/// `_`.
fn parameter(pat: &syn::Pat) -> syn::Result<Option<&syn::PatIdent>> {
    match pat {
        syn::Pat::Type(t) => parameter(&t.pat),
        syn::Pat::Ident(p) if p.subpat.is_none() && p.by_ref.is_none() => Ok(Some(p)),
        syn::Pat::Wild(_) => Ok(None),
        other => Err(syn::Error::new(other.span(), errors::CLOSURE_PARAMETER)),
    }
}

/// What keeps a closure from being inlined: a `return`, an assignment, a
/// parameter that is not a name.
fn check(closure: &syn::ExprClosure) -> syn::Result<()> {
    if closure.asyncness.is_some() {
        return Err(syn::Error::new(closure.span(), "an `async` closure cannot be differentiated"));
    }
    let control = ControlFinder::of_expr(&closure.body);
    if control.returns {
        let span = control.first_return.unwrap_or_else(|| closure.body.span());
        return Err(syn::Error::new(span, errors::CLOSURE_RETURN));
    }
    if control.assigns {
        return Err(syn::Error::new(closure.body.span(), errors::CLOSURE_ASSIGNS));
    }
    for input in &closure.inputs {
        parameter(input)?;
    }
    Ok(())
}

impl Lowerer {
    /// `let name = |..| ..;`: remembers the closure for the calls of `name`,
    /// and binds `name` to it as written.
    pub(super) fn closure_local(
        &mut self,
        local: &syn::Local,
        name: &str,
        closure: &syn::ExprClosure,
        init: &syn::Expr,
    ) -> syn::Result<()> {
        if let Err(e) = check(closure) {
            // Its calls are not reported again.
            let var = self.vars.fresh(name, local.pat.span(), false);
            self.declare(name.to_string(), var);
            self.broken_closures.insert(var);
            return Err(e);
        }
        let mut captured = HashMap::new();
        for scope in &self.scopes {
            captured.extend(scope.iter().map(|(name, var)| (name.clone(), *var)));
        }
        // The parameters shadow the variables of their names.
        let params: Vec<String> =
            closure.inputs.iter().filter_map(|p| parameter(p).ok().flatten()).map(|p| p.ident.to_string()).collect();
        let reads_varied = rename::mentions(closure.body.to_token_stream(), &|name| {
            !params.iter().any(|p| p == name) && self.lookup(name).is_some_and(|v| self.vars.varied(v))
        });
        // The closure is also kept as written, for code that is not
        // differentiated (a condition, an index); there it computes values.
        let value = self.opaque(init, Some(name));
        self.bind(local, value)?;
        let var = self.lookup(name).unwrap_or(value);
        if reads_varied {
            // Code that calls it is lowered as differentiated code, which
            // inlines the call.
            self.varied_closures.insert(var);
        }
        self.closures.insert(var, LocalClosure { closure: closure.clone(), captured });
        Ok(())
    }

    /// The closure a called name is bound to, if it is one (or one whose
    /// definition was reported as an error).
    pub(super) fn called_closure(&self, path: &syn::Path) -> Option<Var> {
        let var = self.lookup(&path.get_ident()?.to_string())?;
        (self.closures.contains_key(&var) || self.broken_closures.contains(&var)).then_some(var)
    }

    /// A call of a closure bound by `let`: its body, with its parameters
    /// bound to the arguments, in the scope where it was written.
    pub(super) fn inline_closure(
        &mut self,
        call: &syn::ExprCall,
        closure: Var,
        hint: Option<&str>,
    ) -> syn::Result<Var> {
        if self.broken_closures.contains(&closure) {
            return Ok(self.constant(quote::quote!(0.0), hint.unwrap_or("c")));
        }
        let Some(LocalClosure { closure, captured }) = self.closures.get(&closure) else {
            return Err(syn::Error::new(call.span(), "internal: a call of an unknown closure"));
        };
        let (closure, captured) = (closure.clone(), captured.clone());
        if closure.inputs.len() != call.args.len() {
            return Err(syn::Error::new(
                call.span(),
                format!("this closure takes {} argument(s), not {}", closure.inputs.len(), call.args.len()),
            ));
        }
        let args = call.args.iter().map(|a| self.expr(a, None)).collect::<syn::Result<Vec<_>>>()?;
        let depth = self.scopes.len();
        self.scopes.push(captured);
        self.scopes.push(HashMap::new());
        let mut bound = Ok(());
        for (input, arg) in closure.inputs.iter().zip(args) {
            match parameter(input) {
                Ok(Some(p)) => {
                    // The argument is bound as a value: a reference type
                    // (`v: &DVector<f64>`) describes the borrow, not it.
                    let ty = match input {
                        syn::Pat::Type(t) if !matches!(&*t.ty, syn::Type::Reference(_)) => Some(t.ty.clone()),
                        _ => None,
                    };
                    self.bind_name(p, ty, arg, false);
                }
                Ok(None) => {}
                Err(e) => bound = Err(e),
            }
        }
        let value = bound.and_then(|()| self.expr(&closure.body, hint));
        self.scopes.truncate(depth);
        value
    }
}

/// Replaces the calls of `let`-bound closures in a `map` closure's body by
/// their bodies (see [`Lowerer::inline_into_map`]).
struct MapInliner<'a> {
    lowerer: &'a Lowerer,
    error: Option<syn::Error>,
    /// How many replacements so far: a closure calling closures is
    /// replaced level by level, and a bound stops a cycle.
    count: usize,
}

impl VisitMut for MapInliner<'_> {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        if self.error.is_some() {
            return;
        }
        if let syn::Expr::Call(call) = expr {
            let closure = match &*call.func {
                syn::Expr::Path(p) => self.lowerer.called_closure(&p.path),
                _ => None,
            };
            if let Some(var) = closure {
                match self.lowerer.closure_body_at_call(call, var) {
                    Ok(body) if self.count < 64 => {
                        self.count += 1;
                        *expr = body;
                        self.visit_expr_mut(expr);
                    }
                    Ok(_) => self.error = Some(syn::Error::new(call.span(), errors::CLOSURE_IN_MAP)),
                    Err(e) => self.error = Some(e),
                }
                return;
            }
        }
        syn::visit_mut::visit_expr_mut(self, expr);
    }
}

impl Lowerer {
    /// The closure of a nalgebra `map` (`x.map(|v| sq(v))`), whose body is
    /// differentiated on its own, apart from this function: the calls of
    /// closures bound by `let` in it are replaced by the closures' bodies.
    pub(super) fn inline_into_map(&self, closure: &syn::ExprClosure) -> syn::Result<syn::ExprClosure> {
        let mut inliner = MapInliner { lowerer: self, error: None, count: 0 };
        let mut closure = closure.clone();
        inliner.visit_expr_mut(&mut closure.body);
        match inliner.error {
            Some(e) => Err(e),
            None => Ok(closure),
        }
    }

    /// `{ let v: f64 = arg; body }` for a call of the closure bound to
    /// `var`, if every variable the body reads is the one it captured.
    fn closure_body_at_call(&self, call: &syn::ExprCall, var: Var) -> syn::Result<syn::Expr> {
        let Some(LocalClosure { closure, captured }) = self.closures.get(&var) else {
            return Err(syn::Error::new(call.span(), errors::CLOSURE_IN_MAP));
        };
        if closure.inputs.len() != call.args.len() {
            return Err(syn::Error::new(
                call.span(),
                format!("this closure takes {} argument(s), not {}", closure.inputs.len(), call.args.len()),
            ));
        }
        let params: Vec<String> =
            closure.inputs.iter().filter_map(|p| parameter(p).ok().flatten()).map(|p| p.ident.to_string()).collect();
        // A name bound again since the closure was written would read the
        // new value here.
        let rebound = rename::mentions(closure.body.to_token_stream(), &|name| {
            !params.iter().any(|p| p == name) && captured.get(name).is_some_and(|old| self.lookup(name) != Some(*old))
        });
        if rebound {
            return Err(syn::Error::new(call.span(), errors::CLOSURE_IN_MAP));
        }
        let lets = closure.inputs.iter().zip(&call.args).map(|(input, arg)| quote::quote!(let #input = #arg;));
        let body = &closure.body;
        // In parentheses: a block at the start of a statement would end it
        // (`{ .. } + w` is a block, then `+ w`).
        syn::parse2(quote::quote_spanned!(call.span()=> ({ #(#lets)* #body })))
    }
}
