//! Removes the statements of a generated function whose values nothing
//! reads (the forward value of `f` in `f_grad`, say), so that a loop that
//! only computes an unused value is not run at all.

use std::collections::HashSet;

use proc_macro2::{TokenStream, TokenTree};

use crate::ir::{Block, Dst, Expr, Header, Stmt, Var};

/// Prunes `stmts`, keeping what the values in `live` need and every
/// statement with an effect.
pub fn prune(stmts: Vec<Stmt>, live: impl IntoIterator<Item = Var>) -> Vec<Stmt> {
    let mut live: HashSet<Var> = live.into_iter().collect();
    prune_in(stmts, &mut live)
}

fn prune_in(stmts: Vec<Stmt>, live: &mut HashSet<Var>) -> Vec<Stmt> {
    let mut kept = Vec::with_capacity(stmts.len());
    for stmt in stmts.into_iter().rev() {
        if let Some(stmt) = keep(stmt, live) {
            kept.push(stmt);
        }
    }
    kept.reverse();
    kept
}

/// Whether to keep `stmt` (pruned inside), marking what it reads as live.
fn keep(stmt: Stmt, live: &mut HashSet<Var>) -> Option<Stmt> {
    match stmt {
        Stmt::Let { ref dst, ref expr, .. } => {
            let mut defined = Vec::new();
            dst.vars(&mut defined);
            let needed = defined.iter().any(|v| live.contains(v)) || matches!(dst, Dst::Ignore) && has_effect(expr);
            if !needed && !has_effect(expr) {
                return None;
            }
            let mut uses = Vec::new();
            expr.uses(&mut uses);
            live.extend(uses);
            Some(stmt)
        }
        Stmt::If { cond, then_blk, else_blk, outs, span } => {
            let any_out = outs.iter().any(|o| live.contains(o));
            if !any_out && pure_block(&then_blk) && pure_block(&else_blk) {
                return None;
            }
            let then_blk = prune_block(then_blk, live);
            let else_blk = prune_block(else_blk, live);
            match &cond {
                crate::ir::Cond::Bool(c) => {
                    live.insert(*c);
                }
                crate::ir::Cond::Tape { tape, .. } => {
                    live.insert(*tape);
                }
            }
            Some(Stmt::If { cond, then_blk, else_blk, outs, span })
        }
        Stmt::Loop(mut l) => {
            let any_out = l.outs.iter().any(|o| live.contains(o)) || l.counter.is_some_and(|c| live.contains(&c));
            let cond_pure = match &l.header {
                Header::While { cond } => pure_block(cond),
                _ => true,
            };
            if !any_out && cond_pure && pure_block(&l.body) {
                return None;
            }
            // Round a loop, everything the body yields may be read by the
            // next iteration.
            let mut inner = live.clone();
            inner.extend(l.body.yields.iter().copied());
            inner.extend(l.carried.iter().map(|(phi, _)| *phi));
            l.body = Block { stmts: prune_in(l.body.stmts, &mut inner), yields: l.body.yields };
            live.extend(inner);
            if let Header::While { cond } = &l.header {
                let mut uses = Vec::new();
                collect_uses(cond, &mut uses);
                live.extend(uses);
            }
            let mut header_uses = Vec::new();
            match &l.header {
                Header::For { range, .. } => range.vars(&mut header_uses),
                Header::Countdown { count, .. } => header_uses.push(*count),
                Header::While { .. } => {}
            }
            live.extend(header_uses);
            live.extend(l.carried.iter().map(|(_, init)| *init));
            Some(Stmt::Loop(l))
        }
        other => {
            let block = Block { stmts: vec![other], yields: Vec::new() };
            live.extend(block.free_vars());
            block.stmts.into_iter().next()
        }
    }
}

fn prune_block(block: Block, live: &mut HashSet<Var>) -> Block {
    live.extend(block.yields.iter().copied());
    Block { stmts: prune_in(block.stmts, live), yields: block.yields }
}

fn collect_uses(block: &Block, out: &mut Vec<Var>) {
    out.extend(block.free_vars());
}

/// Whether a block only computes values (removing it changes nothing else).
fn pure_block(block: &Block) -> bool {
    block.stmts.iter().all(|stmt| match stmt {
        Stmt::Let { expr, .. } => !has_effect(expr),
        Stmt::If { then_blk, else_blk, .. } => pure_block(then_blk) && pure_block(else_blk),
        Stmt::Loop(l) => {
            pure_block(&l.body)
                && match &l.header {
                    Header::While { cond } => pure_block(cond),
                    _ => true,
                }
        }
        _ => false,
    })
}

/// Whether evaluating `expr` does more than produce its value.
fn has_effect(expr: &Expr) -> bool {
    match expr {
        // A check that must stay to report a missing derivative; buffer
        // and tape operations; calls into user code.
        Expr::Cotangent(_) | Expr::Take { .. } | Expr::Pop { .. } | Expr::Call { .. } => true,
        Expr::Opaque { tokens, .. } => {
            tokens.to_string() != unset_value().to_string() && calls_something(tokens.clone())
        }
        _ => false,
    }
}

/// What a `loop`'s value holds before its first `break` sets it: a call,
/// but one without an effect, pruned like a value when nothing reads the
/// loop's value; kept, it would leave rustc a default of no inferable type
/// once the `break`s that give it one are pruned.
pub fn unset_value() -> TokenStream {
    quote::quote!(::core::default::Default::default())
}

/// Whether user code calls a function or a macro (which might have an
/// effect), as opposed to operators and methods on values.
fn calls_something(tokens: TokenStream) -> bool {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, tree) in trees.iter().enumerate() {
        if let TokenTree::Group(g) = tree {
            if calls_something(g.stream()) {
                return true;
            }
            let called = matches!(g.delimiter(), proc_macro2::Delimiter::Parenthesis)
                && i > 0
                && matches!(&trees[i - 1], TokenTree::Ident(_))
                && !(i > 1 && matches!(&trees[i - 2], TokenTree::Punct(p) if p.as_char() == '.'));
            let macro_call = i > 0 && matches!(&trees[i - 1], TokenTree::Punct(p) if p.as_char() == '!');
            if called || macro_call {
                return true;
            }
        }
    }
    false
}
