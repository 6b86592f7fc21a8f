//! Activity analysis: a value gets derivative code only when it depends on
//! a differentiated input (varied, found while lowering) and influences the
//! result through differentiable operations (useful, found here).

use std::collections::HashSet;

use crate::ir::{ArrayInit, Block, CallMode, Expr, Header, Stmt, Var, Vars};

/// The values that are both varied and useful for what `body` yields.
pub fn active(vars: &Vars, body: &Block) -> HashSet<Var> {
    let mut useful: HashSet<Var> = body.yields.iter().copied().collect();
    // An array is memory, read and written out of order (and round a loop),
    // so the marking runs to a fixed point.
    loop {
        let before = useful.len();
        mark_block(body, &mut useful);
        if useful.len() == before {
            break;
        }
    }
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
            Stmt::If { then_blk, else_blk, outs, .. } => {
                for (i, out) in outs.iter().enumerate() {
                    if useful.contains(out) {
                        useful.insert(then_blk.yields[i]);
                        useful.insert(else_blk.yields[i]);
                    }
                }
                mark_block(then_blk, useful);
                mark_block(else_blk, useful);
            }
            Stmt::Store { array, value, .. } => {
                if useful.contains(array) {
                    useful.insert(*value);
                }
            }
            Stmt::Loop(l) => {
                for (i, ((phi, init), out)) in l.carried.iter().zip(&l.outs).enumerate() {
                    if useful.contains(out) || useful.contains(phi) {
                        useful.insert(l.body.yields[i]);
                        useful.insert(*init);
                        useful.insert(*phi);
                    }
                }
                mark_block(&l.body, useful);
                if let Header::While { cond } = &l.header {
                    mark_block(cond, useful);
                }
            }
            Stmt::Effect { .. }
            | Stmt::AddAt { .. }
            | Stmt::AddAll { .. }
            | Stmt::WindowAdd { .. }
            | Stmt::Push { .. } => {}
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
        Expr::Read { array, .. } => {
            useful.insert(*array);
        }
        Expr::NewArray(init) => match init {
            ArrayInit::Fill { value, .. } => {
                useful.insert(*value);
            }
            ArrayInit::List { items, .. } => useful.extend(items),
            ArrayInit::CopyOf { source, .. } => {
                useful.insert(*source);
            }
        },
        // Inactive code, and the derivative expressions that only later
        // passes create.
        _ => {}
    }
}
