//! The tangent (forward) pass: to any program, adds the tangent of every
//! value along the tangents of some inputs. Applied to a gradient program
//! this is forward-over-reverse: the tangents of the cotangents of the
//! inputs are Hessian-vector products, or, with a bundle of N directions,
//! a whole Hessian in one sweep.

use std::collections::HashMap;

use proc_macro2::Span;

use crate::ir::{Block, CallMode, Cond, Dst, Expr, Stmt, Var, Vars};

/// Adds tangent statements to `stmts`. `dots` maps each value that has a
/// tangent to it; it starts with the seeded inputs and gains every value
/// whose tangent is not structurally zero.
pub fn tangent(vars: &mut Vars, stmts: &[Stmt], dots: &mut HashMap<Var, Var>) -> Vec<Stmt> {
    let mut out = Vec::with_capacity(stmts.len() * 2);
    for stmt in stmts {
        match stmt {
            Stmt::Let { dst, ty, expr, span } => let_stmt(vars, dst, ty, expr, *span, dots, &mut out),
            Stmt::If { cond, then_blk, else_blk, outs, span } => {
                let cond = match cond {
                    Cond::Bool(v) => Cond::Bool(*v),
                    Cond::Tape { tape, then_binds, else_binds } => Cond::Tape {
                        tape: *tape,
                        then_binds: with_tangents(then_binds, dots),
                        else_binds: with_tangents(else_binds, dots),
                    },
                };
                let mut then_blk =
                    Block { stmts: tangent(vars, &then_blk.stmts, dots), yields: then_blk.yields.clone() };
                let mut else_blk =
                    Block { stmts: tangent(vars, &else_blk.stmts, dots), yields: else_blk.yields.clone() };
                let mut outs = outs.clone();
                for i in 0..outs.len() {
                    let (t, e) = (then_blk.yields[i], else_blk.yields[i]);
                    if !dots.contains_key(&t) && !dots.contains_key(&e) {
                        continue;
                    }
                    let out_dot = vars.derived(outs[i], "_dot");
                    for (arm, value) in [(&mut then_blk, t), (&mut else_blk, e)] {
                        let dot = match dots.get(&value) {
                            Some(d) => *d,
                            None => {
                                let zero = vars.derived(value, "_dot");
                                arm.stmts.push(Stmt::Let {
                                    dst: Dst::Var(zero),
                                    ty: None,
                                    expr: Expr::ZeroTangent(value),
                                    span: Span::call_site(),
                                });
                                zero
                            }
                        };
                        arm.yields.push(dot);
                    }
                    dots.insert(outs[i], out_dot);
                    outs.push(out_dot);
                }
                out.push(Stmt::If { cond, then_blk, else_blk, outs, span: *span });
            }
            Stmt::Effect { .. } => out.push(stmt.clone()),
        }
    }
    out
}

/// `vars` followed by the tangents of those that have one.
fn with_tangents(vars: &[Var], dots: &HashMap<Var, Var>) -> Vec<Var> {
    let mut all = vars.to_vec();
    all.extend(vars.iter().filter_map(|v| dots.get(v)));
    all
}

fn let_stmt(
    vars: &mut Vars,
    dst: &Dst,
    ty: &Option<Box<syn::Type>>,
    expr: &Expr,
    span: Span,
    dots: &mut HashMap<Var, Var>,
    out: &mut Vec<Stmt>,
) {
    let single = match dst {
        Dst::Var(v) => Some(*v),
        _ => None,
    };
    let mut terms: Vec<Expr> = Vec::new();
    match expr {
        Expr::Cotangent(raw) => {
            // The tangent of a callee's cotangent is checked the same way.
            out.push(Stmt::Let { dst: dst.clone(), ty: ty.clone(), expr: expr.clone(), span });
            if let (Some(v), Some(raw_dot)) = (single, dots.get(raw).copied()) {
                let checked = vars.derived(v, "_dot");
                out.push(Stmt::Let { dst: Dst::Var(checked), ty: None, expr: Expr::Cotangent(raw_dot), span });
                dots.insert(v, checked);
            }
            return;
        }
        Expr::Copy(source) => {
            out.push(Stmt::Let { dst: dst.clone(), ty: ty.clone(), expr: expr.clone(), span });
            if let (Some(v), Some(d)) = (single, dots.get(source).copied()) {
                dots.insert(v, d);
            }
            return;
        }
        Expr::Prim { prim, args, .. } => {
            if let Some(y) = single {
                for &k in prim.differentiable {
                    if let Some(&t) = dots.get(&args[k]) {
                        terms.push(Expr::Jvp { prim, k, args: args.clone(), out: y, t });
                    }
                }
            }
        }
        Expr::Vjp { prim, k, args, out: y, c } => {
            if let Some(&c_dot) = dots.get(c) {
                terms.push(Expr::Vjp { prim, k: *k, args: args.clone(), out: *y, c: c_dot });
            }
            for &(kk, j) in prim.second_order {
                if kk == *k {
                    if let Some(&t) = dots.get(&args[j]) {
                        terms.push(Expr::VjpJvp { prim, k: *k, j, args: args.clone(), out: *y, c: *c, t });
                    }
                }
            }
        }
        Expr::Add(a, b) => match (dots.get(a).copied(), dots.get(b).copied()) {
            (Some(a), Some(b)) => terms.push(Expr::Add(a, b)),
            (Some(d), None) | (None, Some(d)) => {
                out.push(Stmt::Let { dst: dst.clone(), ty: ty.clone(), expr: expr.clone(), span });
                if let Some(v) = single {
                    dots.insert(v, d);
                }
                return;
            }
            (None, None) => {}
        },
        Expr::Tape { then, vars: taped } => {
            let expr = Expr::Tape { then: *then, vars: with_tangents(taped, dots) };
            out.push(Stmt::Let { dst: dst.clone(), ty: ty.clone(), expr, span });
            return;
        }
        Expr::Call { callee, args, mode } => {
            if let Some(stmt) = call(vars, dst, callee, args, mode, span, dots) {
                out.push(stmt);
                return;
            }
        }
        // Constants, zeros and seeds have zero tangents.
        _ => {}
    }
    out.push(Stmt::Let { dst: dst.clone(), ty: ty.clone(), expr: expr.clone(), span });
    let Some(y) = single else { return };
    let mut sum: Option<Var> = None;
    for term in terms {
        let term_var = vars.derived(y, "_dot");
        out.push(Stmt::Let { dst: Dst::Var(term_var), ty: None, expr: term, span });
        sum = Some(match sum {
            None => term_var,
            Some(previous) => {
                let total = vars.derived(y, "_dot");
                out.push(Stmt::Let { dst: Dst::Var(total), ty: None, expr: Expr::Add(previous, term_var), span });
                total
            }
        });
    }
    if let Some(d) = sum {
        dots.insert(y, d);
    }
}

/// A call whose arguments or seed have tangents becomes a call to the
/// callee's tangent companion, which returns the tangents too.
fn call(
    vars: &mut Vars,
    dst: &Dst,
    callee: &crate::ir::Callee,
    args: &[Var],
    mode: &CallMode,
    span: Span,
    dots: &mut HashMap<Var, Var>,
) -> Option<Stmt> {
    let tangents: Vec<Option<Var>> = args.iter().map(|a| dots.get(a).copied()).collect();
    let any_tangent = tangents.iter().any(Option::is_some);
    match (mode, dst) {
        (CallMode::Value, Dst::Var(y)) if any_tangent => {
            let y_dot = vars.derived(*y, "_dot");
            dots.insert(*y, y_dot);
            Some(Stmt::Let {
                dst: Dst::Tuple(vec![Dst::Var(*y), Dst::Var(y_dot)]),
                ty: None,
                expr: Expr::Call { callee: callee.clone(), args: args.to_vec(), mode: CallMode::Jvp { tangents } },
                span,
            })
        }
        (CallMode::Vjp { out_bar }, Dst::Tuple(parts)) => {
            let out_bar_dot = dots.get(out_bar).copied();
            if !any_tangent && out_bar_dot.is_none() {
                return None;
            }
            let Some(Dst::Tuple(slots)) = parts.get(1) else {
                return None;
            };
            let dot_slots: Vec<Dst> = slots
                .iter()
                .map(|slot| match slot {
                    Dst::Var(c) => {
                        let c_dot = vars.derived(*c, "_dot");
                        dots.insert(*c, c_dot);
                        Dst::Var(c_dot)
                    }
                    _ => Dst::Ignore,
                })
                .collect();
            Some(Stmt::Let {
                dst: Dst::Tuple(vec![Dst::Ignore, Dst::Ignore, Dst::Tuple(slots.clone()), Dst::Tuple(dot_slots)]),
                ty: None,
                expr: Expr::Call {
                    callee: callee.clone(),
                    args: args.to_vec(),
                    mode: CallMode::VjpJvp { tangents, out_bar: *out_bar, out_bar_dot },
                },
                span,
            })
        }
        _ => None,
    }
}
