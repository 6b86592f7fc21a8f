//! Integer values of a loop body in terms of its index: `i`, `i + 1`, `i - 2` (shared by `gather` and `band`).

use std::collections::HashMap;

use crate::ir::{Expr, Var, Vars};

/// What an integer value is, in terms of the index of the loop around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Integer {
    /// The loop index plus this.
    Offset(i64),
    Constant(i64),
}

/// The offset from the loop index of the value `expr` computes, if it is
/// the index plus or minus a constant; `known` holds what is known of the
/// values it may read (the index itself is `Offset(0)`).
pub fn offset_of(expr: &Expr, known: &HashMap<Var, Integer>, vars: &Vars) -> Option<i64> {
    match integer_value(expr, known, vars)? {
        Integer::Offset(offset) => Some(offset),
        Integer::Constant(_) => None,
    }
}

/// What the value `expr` computes is, in terms of the loop index: the
/// index plus a constant, a constant, or neither (`None`).
pub fn integer_value(expr: &Expr, known: &HashMap<Var, Integer>, vars: &Vars) -> Option<Integer> {
    match expr {
        Expr::Copy(v) => known.get(v).copied(),
        Expr::Opaque { tokens, uses } => {
            let parsed: syn::Expr = syn::parse2(tokens.clone()).ok()?;
            integer(&parsed, uses, known, vars)
        }
        _ => None,
    }
}

/// What an integer expression of the user's code is, in terms of the loop
/// index.
fn integer(expr: &syn::Expr, uses: &[Var], known: &HashMap<Var, Integer>, vars: &Vars) -> Option<Integer> {
    match expr {
        syn::Expr::Paren(e) => integer(&e.expr, uses, known, vars),
        syn::Expr::Group(e) => integer(&e.expr, uses, known, vars),
        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(n), .. }) => {
            let suffix = n.suffix();
            if !(suffix.is_empty() || suffix == "usize") {
                return None;
            }
            n.base10_parse::<i64>().ok().map(Integer::Constant)
        }
        syn::Expr::Path(p) if p.qself.is_none() => {
            let ident = p.path.get_ident()?;
            let var = uses.iter().find(|u| vars.ident(**u) == ident)?;
            known.get(var).copied()
        }
        syn::Expr::Binary(b) => {
            let left = integer(&b.left, uses, known, vars)?;
            let right = integer(&b.right, uses, known, vars)?;
            match (&b.op, left, right) {
                (syn::BinOp::Add(_), Integer::Offset(a), Integer::Constant(c))
                | (syn::BinOp::Add(_), Integer::Constant(c), Integer::Offset(a)) => {
                    a.checked_add(c).map(Integer::Offset)
                }
                (syn::BinOp::Sub(_), Integer::Offset(a), Integer::Constant(c)) => a.checked_sub(c).map(Integer::Offset),
                _ => None,
            }
        }
        _ => None,
    }
}
