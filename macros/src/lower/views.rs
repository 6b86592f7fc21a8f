//! nalgebra views: a view of a differentiated matrix is the `view` primitive, and a view of a constant one that meets differentiated values is copied into an owned matrix.
//!
//! The rules take owned matrices (rustc picks them from the operands'
//! types), and nalgebra's views have types of their own. A view of a
//! constant matrix is left as it is where only the user's own code reads it
//! (`let xj = x.column(j); .. xj[i] ..`), and copied once where a primitive,
//! a copy, a branch or a loop does: the copy costs no more than the
//! operation that reads it.

use super::*;
use crate::errors;

/// nalgebra's methods whose value is a view of the receiver.
const VIEW_RETURNING: &[&str] = &[
    "column",
    "row",
    "columns",
    "rows",
    "fixed_columns",
    "fixed_rows",
    "fixed_view",
    "view",
    "column_part",
    "row_part",
    "rows_range",
    "columns_range",
    "view_range",
    "rows_with_step",
    "columns_with_step",
    "fixed_rows_with_step",
    "fixed_columns_with_step",
    "view_with_steps",
    "fixed_view_with_steps",
    "rows_generic",
    "columns_generic",
    "generic_view",
    "generic_view_with_steps",
    "as_view",
];

/// The view an expression is, through parentheses, one `&` and `clone()`
/// (the clone of a view is a view): the whole view call, and the view
/// method's receiver.
fn view_call(expr: &syn::Expr) -> Option<(&syn::Expr, &syn::Expr)> {
    match expr {
        syn::Expr::Paren(p) => view_call(&p.expr),
        syn::Expr::Group(g) => view_call(&g.expr),
        syn::Expr::Reference(r) if r.mutability.is_none() => view_call(&r.expr),
        syn::Expr::MethodCall(m) if m.method == "clone" && m.args.is_empty() => {
            view_call(&m.receiver).map(|(_, receiver)| (expr, receiver))
        }
        syn::Expr::MethodCall(m) if VIEW_RETURNING.contains(&m.method.to_string().as_str()) => {
            Some((expr, &m.receiver))
        }
        _ => None,
    }
}

impl Lowerer {
    /// Records `var`, the constant `written` (`renamed` after renaming),
    /// if it is a view, which [`own_constant_views`] may copy. A view of a
    /// value known to be a nalgebra matrix is one too; other receivers may
    /// be the user's own types, with `column` methods of their own.
    pub(super) fn note_constant_view(&mut self, var: Var, written: &syn::Expr, renamed: &syn::Expr) {
        let (Some((_, receiver)), Some((renamed_view, _))) = (view_call(written), view_call(renamed)) else { return };
        self.views.insert(var, renamed_view.to_token_stream());
        let receiver = expr_local(receiver).and_then(|i| self.lookup(&i.to_string()));
        if receiver.is_some_and(|r| self.vars.get(r).matrix) {
            self.vars.get_mut(var).matrix = true;
        }
    }

    /// `m.columns(j, n)` and the other [`table::VIEW_METHODS`] of a
    /// differentiated matrix: the `view` primitive of `m` and the block the
    /// arguments describe, a constant.
    pub(super) fn view_method(
        &mut self,
        m: &syn::ExprMethodCall,
        block: &str,
        count: usize,
        hint: Option<&str>,
    ) -> syn::Result<Var> {
        if m.args.len() != count {
            return Err(errors::view_arguments(&m.method, count));
        }
        if let Some(arg) = m.args.iter().find(|a| self.mentions_varied(a.to_token_stream())) {
            return Err(errors::varied_view_argument(arg.span(), &m.method));
        }
        let receiver = self.expr(&m.receiver, None)?;
        if !self.vars.get(receiver).matrix {
            return Err(errors::view_of_non_matrix(&m.method));
        }
        let block = syn::Ident::new(block, m.method.span());
        let turbofish = &m.turbofish;
        let fields = (0..m.args.len()).map(syn::Index::from);
        let args = m.args.iter();
        // Written as a struct literal, which dead-code removal knows has no
        // effect (a call might).
        let spec: syn::Expr = syn::parse_quote_spanned!(m.method.span()=>
            ::matdiff::__private::rules::matrix::view::#block #turbofish { #(#fields: #args),* }
        );
        let spec = self.opaque(&spec, Some("block"));
        let name = m.method.to_string();
        Ok(self.prim(table::matrix_view(), vec![receiver, spec], Form::Value, hint.unwrap_or(&name), m.span()))
    }
}

/// Copies into owned matrices the constant views (`views`: each value and
/// its view expression) that anything but the user's own code reads, and
/// drops the view type a `let` may have written for such a copy.
pub(super) fn own_constant_views(
    stmts: &mut [Stmt],
    yields: &[Var],
    views: &HashMap<Var, TokenStream>,
    vars: &mut Vars,
) {
    if views.is_empty() {
        return;
    }
    let mut without_opaque = stmts.to_vec();
    forget_opaque_uses(&mut without_opaque);
    let read: HashSet<Var> = Block { stmts: without_opaque, yields: yields.to_vec() }.all_uses().into_iter().collect();
    let owned: HashSet<Var> = views.keys().copied().filter(|v| read.contains(v)).collect();
    for v in &owned {
        vars.get_mut(*v).reference = false;
    }
    rewrite(stmts, views, &owned);
}

fn forget_opaque_uses(stmts: &mut [Stmt]) {
    for stmt in stmts {
        match stmt {
            Stmt::Let { expr: Expr::Opaque { uses, .. }, .. } | Stmt::Effect { uses, .. } => uses.clear(),
            Stmt::If { then_blk, else_blk, .. } => {
                forget_opaque_uses(&mut then_blk.stmts);
                forget_opaque_uses(&mut else_blk.stmts);
            }
            Stmt::Loop(l) => forget_opaque_uses(&mut l.body.stmts),
            _ => {}
        }
    }
}

fn rewrite(stmts: &mut [Stmt], views: &HashMap<Var, TokenStream>, owned: &HashSet<Var>) {
    for stmt in stmts {
        match stmt {
            Stmt::Let { dst: Dst::Var(v), expr: Expr::Opaque { tokens, .. }, ty, .. } if owned.contains(v) => {
                if let Some(view) = views.get(v) {
                    // Kept as it is when it is not a nalgebra view after
                    // all (a `column` method of the user's own type).
                    // Methods only, no calls: the expression stays one
                    // that dead-code removal may drop.
                    *tokens = quote!({
                        use ::matdiff::__private::rules::matrix::constant::{
                            KeepValue as _, MakeConstant as _, OwnView as _,
                        };
                        (#view).into_matdiff_constant().into_constant()
                    });
                    *ty = None;
                }
            }
            Stmt::Let { expr: Expr::Copy(v), ty, .. } if owned.contains(v) => *ty = None,
            Stmt::If { then_blk, else_blk, .. } => {
                rewrite(&mut then_blk.stmts, views, owned);
                rewrite(&mut else_blk.stmts, views, owned);
            }
            Stmt::Loop(l) => rewrite(&mut l.body.stmts, views, owned),
            _ => {}
        }
    }
}
