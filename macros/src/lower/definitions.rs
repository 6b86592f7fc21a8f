//! nalgebra methods that are defined by methods with rules (`v.normalize()`
//! is `v / v.norm()`, `v.x` is `v[0]`): each use is lowered as its
//! definition, so it needs no rule of its own.

use std::collections::HashMap;

use matdiff_table as table;
use proc_macro2::Span;
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;

use super::Lowerer;
use crate::ir::Var;

/// The names a definition gives its receiver and arguments, replaced by
/// hidden ones that no user code can name.
struct Placeholders<'a>(&'a HashMap<String, syn::Ident>);

impl VisitMut for Placeholders<'_> {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        if let syn::Expr::Path(p) = expr {
            if let Some(hidden) = p.path.get_ident().and_then(|i| self.0.get(&i.to_string())) {
                p.path = hidden.clone().into();
                return;
            }
        }
        syn::visit_mut::visit_expr_mut(self, expr);
    }
}

impl Lowerer {
    /// `v.normalize()` and the other methods of
    /// [`table::MATRIX_METHOD_DEFINITIONS`] that floats do not have,
    /// lowered as their definitions.
    pub(super) fn defined_method(&mut self, m: &syn::ExprMethodCall, hint: Option<&str>) -> Option<syn::Result<Var>> {
        let name = m.method.to_string();
        if table::by_method(&name).is_some() {
            // `abs` of a float has its rule: the float path lowers the
            // receiver and asks [`Lowerer::defined_method_of`] for matrices.
            return None;
        }
        definition(&name, m.args.len())?;
        Some(self.expr(&m.receiver, None).and_then(|receiver| {
            self.defined_method_of(m, receiver, hint).unwrap_or_else(|| {
                Err(syn::Error::new(
                    m.method.span(),
                    format!("`{name}` is a method of nalgebra vectors and matrices, not of this value"),
                ))
            })
        }))
    }

    /// The definition of method `m` of the lowered `receiver`, if it is a
    /// matrix and the method has one.
    pub(super) fn defined_method_of(
        &mut self,
        m: &syn::ExprMethodCall,
        receiver: Var,
        hint: Option<&str>,
    ) -> Option<syn::Result<Var>> {
        let (arity, definition) = definition(&m.method.to_string(), m.args.len())?;
        if !self.vars.get(receiver).matrix {
            return None;
        }
        Some(self.lower_definition(m, receiver, arity, definition, hint))
    }

    fn lower_definition(
        &mut self,
        m: &syn::ExprMethodCall,
        receiver: Var,
        arity: usize,
        definition: &str,
        hint: Option<&str>,
    ) -> syn::Result<Var> {
        let mut values = vec![("v".to_string(), receiver)];
        for (k, arg) in m.args.iter().enumerate().take(arity) {
            values.push((format!("a{k}"), self.expr(arg, None)?));
        }
        let span = m.span();
        let hidden: HashMap<String, syn::Ident> = values
            .iter()
            .map(|(name, _)| (name.clone(), syn::Ident::new(&format!("__matdiff_{name}"), Span::call_site())))
            .collect();
        let mut expr: syn::Expr = syn::parse_str(definition)
            .map_err(|e| syn::Error::new(span, format!("internal: the definition of `{}`: {e}", m.method)))?;
        Placeholders(&hidden).visit_expr_mut(&mut expr);
        let expr = respan(expr, span)?;
        let depth = self.scopes.len();
        self.scopes.push(values.iter().map(|(name, var)| (hidden[name].to_string(), *var)).collect());
        let value = self.expr(&expr, hint);
        self.scopes.truncate(depth);
        value
    }

    /// Whether `field` names an element of a fixed-size vector (`.x`).
    pub(super) fn vector_field_name(&self, field: &syn::ExprField) -> bool {
        matches!(&field.member, syn::Member::Named(m) if table::VECTOR_FIELDS.iter().any(|f| m == f))
    }

    /// `v.x`, `v.y`, `v.z`, `v.w` of a nalgebra vector: `v[0]` .. `v[3]`;
    /// `None` for other fields.
    pub(super) fn vector_field(&mut self, field: &syn::ExprField, hint: Option<&str>) -> Option<syn::Result<Var>> {
        let syn::Member::Named(member) = &field.member else {
            return None;
        };
        let index = table::VECTOR_FIELDS.iter().position(|f| member == f)?;
        Some(self.vector_element(field, index, hint))
    }

    fn vector_element(&mut self, field: &syn::ExprField, index: usize, hint: Option<&str>) -> syn::Result<Var> {
        let base = self.expr(&field.base, None)?;
        if !self.vars.get(base).matrix {
            return Err(syn::Error::new(
                field.member.span(),
                format!(
                    "`.{}` is supported on nalgebra vectors (the element `[{index}]`), not on this value",
                    field.member.to_token_stream()
                ),
            ));
        }
        let hidden = syn::Ident::new("__matdiff_v", Span::call_site());
        let expr: syn::Expr = syn::parse_quote_spanned!(field.span()=> #hidden[#index]);
        let depth = self.scopes.len();
        self.scopes.push(HashMap::from([(hidden.to_string(), base)]));
        let value = self.expr(&respan(expr, field.span())?, hint);
        self.scopes.truncate(depth);
        value
    }
}

/// The number of arguments and the definition of a matrix method taking
/// `args` arguments.
fn definition(method: &str, args: usize) -> Option<(usize, &'static str)> {
    table::MATRIX_METHOD_DEFINITIONS
        .iter()
        .find(|(name, arity, _)| *name == method && *arity == args)
        .map(|(_, arity, definition)| (*arity, *definition))
}

/// `expr` with every token at `span`, where errors about it point.
fn respan(expr: syn::Expr, span: Span) -> syn::Result<syn::Expr> {
    fn tokens(stream: proc_macro2::TokenStream, span: Span) -> proc_macro2::TokenStream {
        stream
            .into_iter()
            .map(|tree| match tree {
                proc_macro2::TokenTree::Group(g) => {
                    let mut group = proc_macro2::Group::new(g.delimiter(), tokens(g.stream(), span));
                    group.set_span(span);
                    proc_macro2::TokenTree::Group(group)
                }
                mut other => {
                    other.set_span(span);
                    other
                }
            })
            .collect()
    }
    syn::parse2(tokens(quote::ToTokens::into_token_stream(expr), span))
}
