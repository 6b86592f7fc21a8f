//! The reverse (adjoint) pass: from the forward body, a gradient program
//! that runs the body, then propagates cotangents from the result back to
//! the inputs.
//!
//! Straight-line code needs no tape: every value the reverse sweep reads is
//! still in scope. An `if` arm's values are out of scope after the arm, so
//! the forward arm yields the ones its reverse needs as a tape, and the
//! reverse sweep matches on that tape to take the same arm.

use std::collections::{HashMap, HashSet};

use proc_macro2::Span;

use crate::ir::{Block, CallMode, Cond, Dst, Expr, Stmt, Var, Vars};

/// A gradient program.
pub struct Gradient {
    /// The forward body (with tapes) followed by the reverse sweep. It
    /// yields nothing; the caller reads `result` and `adjoints`.
    pub stmts: Vec<Stmt>,
    /// The cotangent of each requested input, `None` where it is zero.
    pub adjoints: Vec<Option<Var>>,
}

/// Where the cotangent of the result comes from.
pub enum Seed {
    /// 1, for a gradient.
    One,
    /// A parameter of the generated function, for a pullback.
    Given(Var),
}

/// Builds the gradient program of `body` (which yields the result) with
/// respect to `inputs`.
pub fn reverse(vars: &mut Vars, body: &Block, active: &HashSet<Var>, seed: Seed, inputs: &[Var]) -> Gradient {
    let result = body.yields[0];
    let mut pass = Reverse { vars, active };
    let mut adjoints = HashMap::new();
    let mut seed_stmts = Vec::new();
    if active.contains(&result) {
        let seed_var = match seed {
            Seed::Given(v) => v,
            Seed::One => {
                let v = pass.vars.derived(result, "_bar");
                seed_stmts.push(Stmt::Let {
                    dst: Dst::Var(v),
                    ty: None,
                    expr: Expr::OneLike(result),
                    span: Span::call_site(),
                });
                v
            }
        };
        adjoints.insert(result, seed_var);
    }
    let (forward, backward) = pass.block(&body.stmts, &mut adjoints);
    let mut stmts = forward;
    stmts.extend(seed_stmts);
    stmts.extend(backward);
    Gradient { stmts, adjoints: inputs.iter().map(|v| adjoints.get(v).copied()).collect() }
}

struct Reverse<'a> {
    vars: &'a mut Vars,
    active: &'a HashSet<Var>,
}

impl Reverse<'_> {
    /// Returns the forward statements (with tapes added) and the reverse
    /// sweep of `stmts`, updating `adjoints` from the cotangents after the
    /// statements to those before them.
    fn block(&mut self, stmts: &[Stmt], adjoints: &mut HashMap<Var, Var>) -> (Vec<Stmt>, Vec<Stmt>) {
        let mut forward = Vec::with_capacity(stmts.len());
        let mut backward = Vec::new();
        for stmt in stmts.iter().rev() {
            match stmt {
                Stmt::Let { dst, expr, span, .. } => {
                    forward.push(stmt.clone());
                    if let Dst::Var(out) = dst {
                        if let Some(&out_bar) = adjoints.get(out) {
                            self.pullback(*out, out_bar, expr, *span, adjoints, &mut backward);
                        }
                    }
                }
                Stmt::If { cond, then_blk, else_blk, outs, span } => {
                    let (fwd, bwd) = self.branch(cond, then_blk, else_blk, outs, *span, adjoints);
                    forward.push(fwd);
                    backward.extend(bwd);
                }
                Stmt::Effect { .. } => forward.push(stmt.clone()),
            }
        }
        forward.reverse();
        (forward, backward)
    }

    /// Adds `c` to the cotangent of `v`. The first contribution is the
    /// cotangent itself; later ones are sums.
    fn contribute(&mut self, v: Var, c: Var, adjoints: &mut HashMap<Var, Var>, out: &mut Vec<Stmt>) {
        if !self.active.contains(&v) {
            return;
        }
        match adjoints.get(&v) {
            None => {
                adjoints.insert(v, c);
            }
            Some(&previous) => {
                let sum = self.vars.derived(v, "_bar");
                out.push(Stmt::Let {
                    dst: Dst::Var(sum),
                    ty: None,
                    expr: Expr::Add(previous, c),
                    span: Span::call_site(),
                });
                adjoints.insert(v, sum);
            }
        }
    }

    /// The reverse statements of `out = expr`, given the cotangent `out_bar`.
    fn pullback(
        &mut self,
        out: Var,
        out_bar: Var,
        expr: &Expr,
        span: Span,
        adjoints: &mut HashMap<Var, Var>,
        backward: &mut Vec<Stmt>,
    ) {
        match expr {
            Expr::Copy(source) => self.contribute(*source, out_bar, adjoints, backward),
            Expr::Prim { prim, args, .. } => {
                for &k in prim.differentiable {
                    let arg = args[k];
                    if !self.active.contains(&arg) {
                        continue;
                    }
                    let c = self.vars.derived(arg, "_bar");
                    backward.push(Stmt::Let {
                        dst: Dst::Var(c),
                        ty: None,
                        expr: Expr::Vjp { prim, k, args: args.clone(), out, c: out_bar },
                        span,
                    });
                    self.contribute(arg, c, adjoints, backward);
                }
            }
            Expr::Call { callee, args, mode: CallMode::Value } => {
                if !args.iter().any(|a| self.active.contains(a)) {
                    return;
                }
                let mut slots = Vec::new();
                let mut received = Vec::new();
                for (k, &arg) in args.iter().enumerate() {
                    if self.active.contains(&arg) {
                        let raw = self.vars.derived(arg, "_bar");
                        slots.push(Dst::Var(raw));
                        received.push((arg, raw, callee.arg_spans.get(k).copied().unwrap_or(span)));
                    } else {
                        slots.push(Dst::Ignore);
                    }
                }
                backward.push(Stmt::Let {
                    dst: Dst::Tuple(vec![Dst::Ignore, Dst::Tuple(slots)]),
                    ty: None,
                    expr: Expr::Call { callee: callee.clone(), args: args.clone(), mode: CallMode::Vjp { out_bar } },
                    span,
                });
                for (arg, raw, arg_span) in received {
                    let checked = self.vars.derived(arg, "_bar");
                    backward.push(Stmt::Let {
                        dst: Dst::Var(checked),
                        ty: None,
                        expr: Expr::Cotangent(raw),
                        span: arg_span,
                    });
                    self.contribute(arg, checked, adjoints, backward);
                }
            }
            // No derivative flows through inactive code.
            _ => {}
        }
    }

    /// The forward `if` with tapes, and its reverse.
    fn branch(
        &mut self,
        cond: &Cond,
        then_blk: &Block,
        else_blk: &Block,
        outs: &[Var],
        span: Span,
        adjoints: &mut HashMap<Var, Var>,
    ) -> (Stmt, Option<Stmt>) {
        let before = adjoints.clone();
        let then_arm = self.arm(then_blk, outs, &before);
        let else_arm = self.arm(else_blk, outs, &before);

        // The cotangents of outer values that either arm changed.
        let mut changed: Vec<Var> = then_arm
            .adjoints
            .iter()
            .chain(&else_arm.adjoints)
            .filter(|(v, a)| !then_arm.local.contains(v) && !else_arm.local.contains(v) && before.get(v) != Some(a))
            .map(|(v, _)| *v)
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        changed.sort();

        let mut arms = [then_arm, else_arm];
        let mut new_outs = Vec::new();
        for v in &changed {
            for arm in &mut arms {
                let value = match arm.adjoints.get(v).or(before.get(v)) {
                    Some(a) => *a,
                    None => {
                        let zero = self.vars.derived(*v, "_bar");
                        arm.backward.push(Stmt::Let {
                            dst: Dst::Var(zero),
                            ty: None,
                            expr: Expr::ZeroLike(*v),
                            span: Span::call_site(),
                        });
                        zero
                    }
                };
                arm.backward_yields.push(value);
            }
            let merged = self.vars.derived(*v, "_bar");
            new_outs.push(merged);
            adjoints.insert(*v, merged);
        }

        let [then_arm, else_arm] = arms;
        if new_outs.is_empty() && then_arm.backward.is_empty() && else_arm.backward.is_empty() {
            // Nothing flows back through this `if`: no tape, no reverse.
            let forward = Stmt::If {
                cond: cond.clone(),
                then_blk: Block { stmts: then_arm.forward, yields: then_blk.yields.clone() },
                else_blk: Block { stmts: else_arm.forward, yields: else_blk.yields.clone() },
                outs: outs.to_vec(),
                span,
            };
            return (forward, None);
        }
        let tape = self.vars.fresh("tape", span, true);
        let mut forward_outs = outs.to_vec();
        forward_outs.push(tape);
        let forward = Stmt::If {
            cond: cond.clone(),
            then_blk: then_arm.forward_block(self.vars, then_blk, true, span),
            else_blk: else_arm.forward_block(self.vars, else_blk, false, span),
            outs: forward_outs,
            span,
        };
        let backward = Stmt::If {
            cond: Cond::Tape { tape, then_binds: then_arm.taped.clone(), else_binds: else_arm.taped.clone() },
            then_blk: Block { stmts: then_arm.backward, yields: then_arm.backward_yields },
            else_blk: Block { stmts: else_arm.backward, yields: else_arm.backward_yields },
            outs: new_outs,
            span,
        };
        (forward, Some(backward))
    }

    /// The reverse sweep of one arm, starting from the cotangents of the
    /// `if`'s outputs.
    fn arm(&mut self, block: &Block, outs: &[Var], before: &HashMap<Var, Var>) -> ArmResult {
        let mut adjoints = before.clone();
        let mut backward = Vec::new();
        for (out, value) in outs.iter().zip(&block.yields) {
            if let Some(&out_bar) = before.get(out) {
                self.contribute(*value, out_bar, &mut adjoints, &mut backward);
            }
        }
        let (forward, rest) = self.block(&block.stmts, &mut adjoints);
        backward.extend(rest);
        // The arm's own values, the tapes of nested branches included.
        let local = Block { stmts: forward.clone(), yields: Vec::new() }.defined_vars();
        let reverse_block = Block { stmts: backward.clone(), yields: Vec::new() };
        let mut taped: Vec<Var> = reverse_block.free_vars().into_iter().filter(|v| local.contains(v)).collect();
        taped.sort();
        ArmResult { forward, backward, backward_yields: Vec::new(), adjoints, local, taped }
    }
}

struct ArmResult {
    forward: Vec<Stmt>,
    backward: Vec<Stmt>,
    backward_yields: Vec<Var>,
    adjoints: HashMap<Var, Var>,
    /// Values defined inside the arm.
    local: HashSet<Var>,
    /// The arm's values its reverse sweep reads: saved on the tape.
    taped: Vec<Var>,
}

impl ArmResult {
    /// The forward arm, yielding its outputs and then its tape.
    fn forward_block(&self, vars: &mut Vars, original: &Block, then: bool, span: Span) -> Block {
        let mut stmts = self.forward.clone();
        let tape = vars.fresh("tape", span, true);
        stmts.push(Stmt::Let {
            dst: Dst::Var(tape),
            ty: None,
            expr: Expr::Tape { then, vars: self.taped.clone() },
            span,
        });
        let mut yields = original.yields.clone();
        yields.push(tape);
        Block { stmts, yields }
    }
}
