//! Rewrites the locals that inactive user code refers to into the names of
//! their current values, respecting the bindings that code makes itself.

use std::collections::HashSet;

use proc_macro2::Ident;
use syn::visit::Visit;
use syn::visit_mut::{self, VisitMut};

use crate::ir::{Var, Vars};

/// Renames, in `node`, every use of a local that `lookup` knows, and
/// returns the values used. A name bound inside `node` (a closure parameter,
/// a `let`, a match arm) hides the outer local from there on; when in doubt
/// a name counts as hidden, so that a mistake is a compile error ("cannot
/// find value"), never a silently different value.
///
/// `by_value` tells the locals that the macro binds to a value where the
/// user's code has a reference (the elements of `for x in v.iter()`): `*x`
/// becomes `x`.
pub fn rename<N: Renameable>(
    node: &mut N,
    lookup: &dyn Fn(&str) -> Option<Var>,
    by_value: &dyn Fn(Var) -> bool,
    vars: &Vars,
) -> Vec<Var> {
    let mut renamer = Renamer { lookup, by_value, vars, hidden: vec![HashSet::new()], uses: Vec::new() };
    node.accept(&mut renamer);
    let mut seen = HashSet::new();
    renamer.uses.retain(|v| seen.insert(*v));
    renamer.uses
}

/// Syntax trees the renamer can walk.
pub trait Renameable {
    fn accept(&mut self, renamer: &mut Renamer<'_>);
}

impl Renameable for syn::Expr {
    fn accept(&mut self, renamer: &mut Renamer<'_>) {
        renamer.visit_expr_mut(self);
    }
}

pub struct Renamer<'a> {
    lookup: &'a dyn Fn(&str) -> Option<Var>,
    by_value: &'a dyn Fn(Var) -> bool,
    vars: &'a Vars,
    hidden: Vec<HashSet<String>>,
    uses: Vec<Var>,
}

impl Renamer<'_> {
    fn is_hidden(&self, name: &str) -> bool {
        self.hidden.iter().any(|scope| scope.contains(name))
    }

    fn hide_pattern(&mut self, pat: &syn::Pat) {
        let mut names = PatternNames::default();
        names.visit_pat(pat);
        if let Some(scope) = self.hidden.last_mut() {
            scope.extend(names.0);
        }
    }

    /// The current name of local `ident`, if it is one.
    fn resolve(&mut self, ident: &Ident) -> Option<Ident> {
        let name = ident.to_string();
        if self.is_hidden(&name) {
            return None;
        }
        let var = (self.lookup)(&name)?;
        self.uses.push(var);
        let target = self.vars.ident(var);
        Some(Ident::new(&target.to_string(), target.span().located_at(ident.span())))
    }
}

fn local_name(path: &syn::ExprPath) -> Option<&Ident> {
    if path.qself.is_some() || path.path.leading_colon.is_some() || path.path.segments.len() != 1 {
        return None;
    }
    let segment = &path.path.segments[0];
    if !segment.arguments.is_none() {
        return None;
    }
    Some(&segment.ident)
}

impl VisitMut for Renamer<'_> {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        if let syn::Expr::Unary(syn::ExprUnary { op: syn::UnOp::Deref(_), expr: inner, .. }) = expr {
            // `*v` and `**v` (a `filter` closure's item) of a value bound by value.
            let mut target = &**inner;
            while let syn::Expr::Unary(syn::ExprUnary { op: syn::UnOp::Deref(_), expr, .. }) = target {
                target = expr;
            }
            if let syn::Expr::Path(path) = target {
                if let Some(ident) = local_name(path) {
                    let name = ident.to_string();
                    if !self.is_hidden(&name) && (self.lookup)(&name).is_some_and(|v| (self.by_value)(v)) {
                        *expr = target.clone();
                    }
                }
            }
        }
        match expr {
            syn::Expr::Macro(m) if m.mac.path.is_ident("vec") => {
                // `vec![..]` holds expressions: rename inside them.
                if let Ok(mut repeat) = m.mac.parse_body_with(parse_repeat) {
                    self.visit_expr_mut(&mut repeat.0);
                    self.visit_expr_mut(&mut repeat.1);
                    let (value, len) = repeat;
                    m.mac.tokens = quote::quote!(#value; #len);
                } else if let Ok(mut items) =
                    m.mac.parse_body_with(syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated)
                {
                    for item in items.iter_mut() {
                        self.visit_expr_mut(item);
                    }
                    m.mac.tokens = quote::quote!(#items);
                }
            }
            syn::Expr::Path(path) => {
                if let Some(ident) = local_name(path) {
                    if let Some(renamed) = self.resolve(&ident.clone()) {
                        path.path.segments[0].ident = renamed;
                    }
                }
            }
            syn::Expr::Closure(closure) => {
                self.hidden.push(HashSet::new());
                for input in &closure.inputs {
                    self.hide_pattern(input);
                }
                self.visit_expr_mut(&mut closure.body);
                self.hidden.pop();
            }
            syn::Expr::ForLoop(for_loop) => {
                self.visit_expr_mut(&mut for_loop.expr);
                self.hidden.push(HashSet::new());
                self.hide_pattern(&for_loop.pat);
                self.visit_block_mut(&mut for_loop.body);
                self.hidden.pop();
            }
            syn::Expr::Let(let_expr) => {
                // The bindings of `if let` reach into the `then` block: hide
                // them for the rest of the enclosing scope.
                self.visit_expr_mut(&mut let_expr.expr);
                self.hide_pattern(&let_expr.pat);
            }
            syn::Expr::Struct(s) => {
                for field in &mut s.fields {
                    if field.colon_token.is_none() {
                        if let syn::Expr::Path(path) = &field.expr {
                            if let Some(ident) = local_name(path) {
                                if let Some(renamed) = self.resolve(&ident.clone()) {
                                    field.colon_token = Some(Default::default());
                                    field.expr = syn::parse_quote!(#renamed);
                                }
                            }
                        }
                        continue;
                    }
                    self.visit_expr_mut(&mut field.expr);
                }
                if let Some(rest) = &mut s.rest {
                    self.visit_expr_mut(rest);
                }
            }
            _ => visit_mut::visit_expr_mut(self, expr),
        }
    }

    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        self.hidden.push(HashSet::new());
        for stmt in &mut block.stmts {
            match stmt {
                syn::Stmt::Local(local) => {
                    if let Some(init) = &mut local.init {
                        self.visit_expr_mut(&mut init.expr);
                        if let Some((_, diverge)) = &mut init.diverge {
                            self.visit_expr_mut(diverge);
                        }
                    }
                    self.hide_pattern(&local.pat);
                }
                syn::Stmt::Item(item) => {
                    // A nested function or constant may share a name with
                    // a local; it hides the local in this block.
                    if let Some(ident) = item_name(item) {
                        if let Some(scope) = self.hidden.last_mut() {
                            scope.insert(ident.to_string());
                        }
                    }
                }
                other => self.visit_stmt_mut(other),
            }
        }
        self.hidden.pop();
    }

    fn visit_arm_mut(&mut self, arm: &mut syn::Arm) {
        self.hidden.push(HashSet::new());
        self.hide_pattern(&arm.pat);
        if let Some((_, guard)) = &mut arm.guard {
            self.visit_expr_mut(guard);
        }
        self.visit_expr_mut(&mut arm.body);
        self.hidden.pop();
    }

    fn visit_item_mut(&mut self, _item: &mut syn::Item) {}

    fn visit_macro_mut(&mut self, _mac: &mut syn::Macro) {}
}

fn item_name(item: &syn::Item) -> Option<&Ident> {
    match item {
        syn::Item::Const(i) => Some(&i.ident),
        syn::Item::Fn(i) => Some(&i.sig.ident),
        syn::Item::Static(i) => Some(&i.ident),
        _ => None,
    }
}

/// The names a pattern binds.
#[derive(Default)]
pub struct PatternNames(pub Vec<String>);

impl<'ast> Visit<'ast> for PatternNames {
    fn visit_pat_ident(&mut self, pat: &'ast syn::PatIdent) {
        self.0.push(pat.ident.to_string());
        syn::visit::visit_pat_ident(self, pat);
    }

    fn visit_expr(&mut self, _expr: &'ast syn::Expr) {
        // Range bounds and constants inside patterns bind nothing.
    }
}

/// Whether any identifier anywhere in `tokens` (macros and closures
/// included) is one of `names`: a conservative test for "refers to".
pub fn mentions(tokens: proc_macro2::TokenStream, names: &dyn Fn(&str) -> bool) -> bool {
    tokens.into_iter().any(|tree| match tree {
        proc_macro2::TokenTree::Ident(ident) => names(&ident.to_string()),
        proc_macro2::TokenTree::Group(group) => mentions(group.stream(), names),
        _ => false,
    })
}

fn parse_repeat(input: syn::parse::ParseStream) -> syn::Result<(syn::Expr, syn::Expr)> {
    let value: syn::Expr = input.parse()?;
    input.parse::<syn::Token![;]>()?;
    let len: syn::Expr = input.parse()?;
    Ok((value, len))
}
