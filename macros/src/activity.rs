//! Activity analysis: a value gets derivative code only when it depends on
//! a differentiated input (varied, found while lowering) and influences the
//! result through differentiable operations (useful, found here).

use std::collections::HashSet;

use crate::ir::{Block, CallMode, Cond, Expr, Stmt, Var, Vars};

/// The values that are both varied and useful for `result`.
pub fn active(vars: &Vars, body: &Block) -> HashSet<Var> {
    let mut useful: HashSet<Var> = body.yields.iter().copied().collect();
    mark_block(body, &mut useful);
    useful.retain(|v| vars.varied(*v));
    useful
}

/// Walks `block` backwards, marking the inputs of every useful value.
/// The block's own yields must already be marked by the caller.
fn mark_block(block: &Block, useful: &mut HashSet<Var>) {
    for stmt in block.stmts.iter().rev() {
        match stmt {
            Stmt::Let { dst, expr, .. } => {
                let mut defined = Vec::new();
                dst.vars(&mut defined);
                if defined.iter().any(|v| useful.contains(v)) {
                    mark_inputs(expr, useful);
                }
            }
            Stmt::If { cond, then_blk, else_blk, outs, .. } => {
                debug_assert!(matches!(cond, Cond::Bool(_)));
                for (i, out) in outs.iter().enumerate() {
                    if useful.contains(out) {
                        useful.insert(then_blk.yields[i]);
                        useful.insert(else_blk.yields[i]);
                    }
                }
                mark_block(then_blk, useful);
                mark_block(else_blk, useful);
            }
            Stmt::Effect { .. } => {}
        }
    }
}

/// Marks the inputs through which `expr` has a derivative.
fn mark_inputs(expr: &Expr, useful: &mut HashSet<Var>) {
    match expr {
        Expr::Copy(v) => {
            useful.insert(*v);
        }
        Expr::Prim { prim, args, .. } => {
            for &k in prim.differentiable {
                useful.insert(args[k]);
            }
        }
        Expr::Call { args, mode: CallMode::Value, .. } => useful.extend(args),
        // Inactive code, and the derivative expressions that only later
        // passes create.
        _ => {}
    }
}
