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
