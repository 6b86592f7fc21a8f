//! The reverse (adjoint) pass: from the forward body, a gradient program
//! that runs the body, then propagates cotangents from the result back to
//! the inputs.
//!
//! Straight-line code needs no tape: every value the reverse sweep reads is
//! still in scope. An `if` arm's values are out of scope after the arm, so
//! the forward arm yields the ones its reverse needs as a tape, and the
//! reverse sweep matches on that tape to take the same arm.
//!
//! A loop runs its reverse as a countdown over the same iterations. What
//! the reverse of an iteration needs is recomputed when it is a pure function
//! of values that do not change during the loop (the loop index, inputs,
//! elements of arrays that are never written); everything else (values
//! carried from the previous iteration, elements of arrays that are written,
//! the tapes of inner loops) is pushed on the loop's tape in the forward sweep
//! and popped in the reverse. So `s += f(x[i])` needs no tape at all.
//!
//! Scalars have cotangents in single assignment; arrays have cotangent
//! buffers that the reverse sweep updates element by element.

use std::collections::{HashMap, HashSet};

use proc_macro2::Span;

use crate::ir::{Adapter, ArrayInit, Block, CallMode, Cond, Dst, Expr, Header, Loop, Stmt, StoreOp, Var, Vars};

/// A gradient program.
pub struct Gradient {
    /// The forward body (with tapes) followed by the reverse sweep. It
    /// yields nothing; the caller reads `result` and `adjoints`.
    pub stmts: Vec<Stmt>,
    /// How many of `stmts` are the forward body: the reverse sweep starts
    /// after them.
    pub forward: usize,
    /// The cotangent of each requested input (a buffer for an array), `None`
    /// where it is zero.
    pub adjoints: Vec<Option<Var>>,
}

/// Where the cotangent of the result comes from.
pub enum Seed {
    /// 1 of the given float type, for a gradient.
    One(proc_macro2::Ident),
    /// 1 at element `index` of an array result, 0 elsewhere: one row of a
    /// Jacobian.
    UnitAt(Var),
    /// The same for a nalgebra vector result.
    UnitVector(Var),
}

/// Builds the gradient program of `body` (which yields the result) with
/// respect to `inputs`.
pub fn reverse(vars: &mut Vars, body: &Block, active: &HashSet<Var>, seed: Seed, inputs: &[Var]) -> Gradient {
    let result = body.yields[0];
    let mut fixed = HashSet::new();
    find_changing(&body.stmts, &mut fixed);
    let mut pass = Reverse { vars, active, changing: fixed, buffers: HashMap::new() };
    let mut adjoints = HashMap::new();
    let mut head = Vec::new();
    for &input in inputs {
        if pass.vars.is_array(input) && active.contains(&input) {
            pass.declare_buffer(input, &mut head);
        }
    }
    if active.contains(&result) {
        match seed {
            Seed::One(float) => {
                // A literal of the result's type, so that the forward value
                // itself can be left out when only the gradient is wanted.
                let v = pass.vars.derived(result, crate::naming::BAR);
                head.push(let_(
                    v,
                    Expr::Opaque {
                        tokens: quote::quote!(<#float as ::matdiff::__private::Scalar>::of(1.0)),
                        uses: Vec::new(),
                    },
                ));
                adjoints.insert(result, v);
            }
            Seed::UnitVector(index) => {
                let v = pass.vars.derived(result, crate::naming::BAR);
                let (result_ident, index_ident) = (pass.vars.ident(result).clone(), pass.vars.ident(index).clone());
                head.push(let_(
                    v,
                    Expr::Opaque {
                        tokens: quote::quote!(::matdiff::__private::seed_matrix(&#result_ident, 0, #index_ident)),
                        uses: vec![result, index],
                    },
                ));
                adjoints.insert(result, v);
            }
            Seed::UnitAt(index) => {
                let buffer = pass.declare_buffer(result, &mut head);
                let one = pass.vars.fresh("one", Span::call_site(), false);
                // A type parameter takes no literal: its 1 is inferred
                // from the buffer.
                let tokens = if pass.vars.generic_float {
                    quote::quote!(::matdiff::__private::Scalar::of(1.0))
                } else {
                    quote::quote!(1.0)
                };
                head.push(let_(one, Expr::Opaque { tokens, uses: Vec::new() }));
                head.push(Stmt::AddAt { buffer, index, value: one });
            }
        }
    }
    let (forward, backward) = pass.block(&body.stmts, &mut adjoints);
    let forward_len = forward.len();
    let mut stmts = forward;
    stmts.extend(head);
    stmts.extend(backward);
    let adjoints = inputs
        .iter()
        .map(|v| if pass.vars.is_array(*v) { pass.buffers.get(v).copied() } else { adjoints.get(v).copied() })
        .collect();
    Gradient { stmts, forward: forward_len, adjoints }
}

fn let_(dst: Var, expr: Expr) -> Stmt {
    Stmt::Let { dst: Dst::Var(dst), ty: None, expr, span: Span::call_site() }
}

/// Collects the values whose content changes after they are defined: arrays
/// that are written, and values that inactive statements may mutate.
fn find_changing(stmts: &[Stmt], out: &mut HashSet<Var>) {
    for stmt in stmts {
        match stmt {
            Stmt::Store { array, .. } => {
                out.insert(*array);
            }
            Stmt::Effect { uses, .. } => out.extend(uses),
            Stmt::If { then_blk, else_blk, .. } => {
                find_changing(&then_blk.stmts, out);
                find_changing(&else_blk.stmts, out);
            }
            Stmt::Loop(l) => {
                if let Header::While { cond } = &l.header {
                    find_changing(&cond.stmts, out);
                }
                find_changing(&l.body.stmts, out);
            }
            _ => {}
        }
    }
}

struct Reverse<'a> {
    vars: &'a mut Vars,
    active: &'a HashSet<Var>,
    /// Arrays that are written and values that inactive code may mutate:
    /// reading them again in the reverse sweep would see other contents.
    changing: HashSet<Var>,
    /// The cotangent buffer of each active array.
    buffers: HashMap<Var, Var>,
}

/// The reverse sweep of one arm of a branch.
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

impl Reverse<'_> {
    fn declare_buffer(&mut self, array: Var, out: &mut Vec<Stmt>) -> Var {
        let buffer = self.vars.derived_like(array, crate::naming::BAR);
        out.push(let_(buffer, Expr::ZeroLike(array)));
        self.buffers.insert(array, buffer);
        buffer
    }

    /// Returns the forward statements (with tapes added) and the reverse
    /// sweep of `stmts`, updating `adjoints` from the cotangents after the
    /// statements to those before them.
    fn block(&mut self, stmts: &[Stmt], adjoints: &mut HashMap<Var, Var>) -> (Vec<Stmt>, Vec<Stmt>) {
        // The buffers of the arrays this block defines come first in its
        // reverse sweep, before any contribution to them.
        let mut head = Vec::new();
        for stmt in stmts {
            if let Stmt::Let { dst: Dst::Var(v), expr: Expr::NewArray(_), .. } = stmt {
                if self.active.contains(v) && !self.buffers.contains_key(v) {
                    self.declare_buffer(*v, &mut head);
                }
            }
        }
        let mut forward = Vec::with_capacity(stmts.len());
        let mut backward = head;
        for stmt in stmts.iter().rev() {
            match stmt {
                Stmt::Let { dst, expr, span, .. } => {
                    forward.push(stmt.clone());
                    if let Dst::Var(out) = dst {
                        if self.vars.is_array(*out) {
                            if self.buffers.contains_key(out) {
                                self.array_pullback(*out, expr, adjoints, &mut backward);
                            }
                        } else if let Some(&out_bar) = adjoints.get(out) {
                            self.pullback(*out, out_bar, expr, *span, adjoints, &mut backward);
                        }
                    }
                }
                Stmt::If { cond, then_blk, else_blk, outs, span } => {
                    let (fwd, bwd) = self.branch(cond, then_blk, else_blk, outs, *span, adjoints);
                    forward.push(fwd);
                    backward.extend(bwd);
                }
                Stmt::Store { array, index, value, op, span } => {
                    forward.push(stmt.clone());
                    if let Some(&buffer) = self.buffers.get(array) {
                        let c = self.vars.derived(*value, crate::naming::BAR);
                        let expr = match op {
                            StoreOp::Set => Expr::Take { buffer, index: *index },
                            StoreOp::Add | StoreOp::Sub => Expr::Read { array: buffer, index: *index },
                        };
                        backward.push(Stmt::Let { dst: Dst::Var(c), ty: None, expr, span: *span });
                        let c = if *op == StoreOp::Sub {
                            let negated = self.vars.derived(*value, crate::naming::BAR);
                            backward.push(let_(negated, Expr::Neg(c)));
                            negated
                        } else {
                            c
                        };
                        self.contribute(*value, c, adjoints, &mut backward);
                    }
                }
                Stmt::Loop(l) => {
                    let (fwd, bwd) = self.loop_(l, adjoints);
                    // `forward` is built backwards and reversed at the end.
                    forward.extend(fwd.into_iter().rev());
                    backward.extend(bwd);
                }
                Stmt::Effect { .. }
                | Stmt::AddAt { .. }
                | Stmt::AddAll { .. }
                | Stmt::WindowAdd { .. }
                | Stmt::Push { .. } => forward.push(stmt.clone()),
            }
        }
        forward.reverse();
        (forward, backward)
    }

    /// Adds `c` to the cotangent of `v`. The first contribution to a scalar
    /// is the cotangent itself; later ones are sums. An array's cotangent is
    /// its buffer, which `c` (a whole array) is added into.
    fn contribute(&mut self, v: Var, c: Var, adjoints: &mut HashMap<Var, Var>, out: &mut Vec<Stmt>) {
        if !self.active.contains(&v) {
            return;
        }
        if self.vars.is_array(v) {
            if let Some(&buffer) = self.buffers.get(&v) {
                out.push(Stmt::AddAll { buffer, values: c });
            }
            return;
        }
        match adjoints.get(&v) {
            None => {
                adjoints.insert(v, c);
            }
            Some(&previous) => {
                let sum = self.vars.derived(v, crate::naming::BAR);
                out.push(let_(sum, Expr::Add(previous, c)));
                adjoints.insert(v, sum);
            }
        }
    }

    /// The reverse statements of scalar `out = expr`, given the cotangent
    /// `out_bar`.
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
                    let c = self.vars.derived(arg, crate::naming::BAR);
                    backward.push(Stmt::Let {
                        dst: Dst::Var(c),
                        ty: None,
                        expr: Expr::Vjp { prim, k, args: args.clone(), out, c: out_bar },
                        span,
                    });
                    self.contribute(arg, c, adjoints, backward);
                }
            }
            Expr::Read { array, index } => {
                if let Some(&buffer) = self.buffers.get(array) {
                    backward.push(Stmt::AddAt { buffer, index: *index, value: out_bar });
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
                        let raw = self.vars.derived(arg, crate::naming::BAR);
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
                    let checked = self.vars.derived(arg, crate::naming::BAR);
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

    /// The reverse statements of the definition of array `out`, whose
    /// buffer has collected its cotangent.
    fn array_pullback(&mut self, out: Var, expr: &Expr, adjoints: &mut HashMap<Var, Var>, backward: &mut Vec<Stmt>) {
        let Some(&buffer) = self.buffers.get(&out) else { return };
        let Expr::NewArray(init) = expr else { return };
        match init {
            ArrayInit::Fill { value, .. } => {
                if self.active.contains(value) {
                    let zero = self.vars.derived(*value, crate::naming::BAR);
                    backward.push(let_(zero, Expr::ZeroLike(*value)));
                    let c = self.vars.derived(*value, crate::naming::BAR);
                    backward.push(let_(c, Expr::SumAll { buffer, like: zero }));
                    self.contribute(*value, c, adjoints, backward);
                }
            }
            ArrayInit::List { items, .. } => {
                for (k, item) in items.iter().enumerate() {
                    if !self.active.contains(item) {
                        continue;
                    }
                    let index = self.vars.fresh("k", Span::call_site(), false);
                    let literal = proc_macro2::Literal::usize_unsuffixed(k);
                    backward.push(let_(index, Expr::Opaque { tokens: quote::quote!(#literal), uses: Vec::new() }));
                    let c = self.vars.derived(*item, crate::naming::BAR);
                    backward.push(let_(c, Expr::Read { array: buffer, index }));
                    self.contribute(*item, c, adjoints, backward);
                }
            }
            ArrayInit::CopyOf { source, .. } => self.contribute(*source, buffer, adjoints, backward),
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
                        let zero = self.vars.derived(*v, crate::naming::BAR);
                        arm.backward.push(let_(zero, Expr::ZeroLike(*v)));
                        zero
                    }
                };
                arm.backward_yields.push(value);
            }
            let merged = self.vars.derived(*v, crate::naming::BAR);
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
        self.vars.get_mut(tape).tape = true;
        let mut forward_outs = outs.to_vec();
        forward_outs.push(tape);
        let forward = Stmt::If {
            cond: cond.clone(),
            then_blk: self.forward_arm(&then_arm, then_blk, true, span),
            else_blk: self.forward_arm(&else_arm, else_blk, false, span),
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

    /// The forward arm, yielding its outputs and then its tape.
    fn forward_arm(&mut self, arm: &ArmResult, original: &Block, then: bool, span: Span) -> Block {
        let mut stmts = arm.forward.clone();
        let tape = self.vars.fresh("tape", span, true);
        self.vars.get_mut(tape).tape = true;
        stmts.push(Stmt::Let {
            dst: Dst::Var(tape),
            ty: None,
            expr: Expr::Tape { then, vars: arm.taped.clone() },
            span,
        });
        let mut yields = original.yields.clone();
        yields.push(tape);
        Block { stmts, yields }
    }

    /// The forward loop (with its tape and counter) and its reverse.
    fn loop_(&mut self, l: &Loop, adjoints: &mut HashMap<Var, Var>) -> (Vec<Stmt>, Vec<Stmt>) {
        let body_defs = l.body.defined_vars();
        let mut inner = HashSet::new();
        for (phi, _) in &l.carried {
            inner.insert(*phi);
        }
        if let Header::For { index, .. } = &l.header {
            inner.insert(*index);
        }
        // Outer scalars the body reads with a derivative: their cotangents
        // accumulate round the reverse loop.
        let mut outer: Vec<Var> = l
            .body
            .free_vars()
            .into_iter()
            .filter(|v| !inner.contains(v) && !body_defs.contains(v))
            .filter(|v| self.active.contains(v) && !self.vars.is_array(*v))
            .collect();
        outer.sort();
        outer.dedup();
        let carried_active: Vec<usize> = (0..l.carried.len())
            .filter(|&i| self.active.contains(&l.carried[i].0) || self.active.contains(&l.outs[i]))
            .collect();
        let arrays_written = {
            let mut changing = HashSet::new();
            find_changing(&l.body.stmts, &mut changing);
            changing.iter().any(|a| self.buffers.contains_key(a))
        };
        let reads_arrays = l.body.free_vars().iter().any(|v| self.buffers.contains_key(v));
        if carried_active.is_empty() && outer.is_empty() && !arrays_written && !reads_arrays {
            // Nothing flows back through this loop.
            return (vec![Stmt::Loop(Box::new(l.clone()))], Vec::new());
        }

        // The reverse loop carries the cotangents of the carried values and
        // of the outer scalars.
        let mut body_adjoints = adjoints.clone();
        let mut reverse_carried = Vec::new();
        let mut pre = Vec::new();
        let mut seed_stmts = Vec::new();
        let mut carried_rphis = Vec::new();
        for &i in &carried_active {
            let (phi, _) = l.carried[i];
            let out = l.outs[i];
            let init = match adjoints.get(&out) {
                Some(a) => *a,
                None => {
                    let zero = self.vars.derived(out, crate::naming::BAR);
                    pre.push(let_(zero, Expr::ZeroLike(out)));
                    zero
                }
            };
            let rphi = self.vars.derived(phi, crate::naming::BAR);
            self.vars.get_mut(rphi).place = true;
            reverse_carried.push((rphi, init));
            carried_rphis.push((i, rphi));
            let _ = phi;
        }
        let mut outer_rphis = Vec::new();
        for &u in &outer {
            let init = match adjoints.get(&u) {
                Some(a) => *a,
                None => {
                    let zero = self.vars.derived(u, crate::naming::BAR);
                    pre.push(let_(zero, Expr::ZeroLike(u)));
                    zero
                }
            };
            let rphi = self.vars.derived(u, crate::naming::BAR);
            self.vars.get_mut(rphi).place = true;
            reverse_carried.push((rphi, init));
            body_adjoints.insert(u, rphi);
            outer_rphis.push((u, rphi));
        }
        // Each iteration's reverse starts from the cotangents of what the
        // iteration yields.
        for &(i, rphi) in &carried_rphis {
            self.contribute(l.body.yields[i], rphi, &mut body_adjoints, &mut seed_stmts);
        }
        let (forward_body, adjoint_stmts) = self.block(&l.body.stmts, &mut body_adjoints);
        let mut adjoint_body = seed_stmts;
        adjoint_body.extend(adjoint_stmts);

        let mut reverse_yields = Vec::new();
        for &(i, _) in &carried_rphis {
            let phi = l.carried[i].0;
            let value = match body_adjoints.get(&phi) {
                Some(a) => *a,
                None => {
                    let zero = self.vars.derived(phi, crate::naming::BAR);
                    adjoint_body.push(let_(zero, Expr::ZeroLike(l.outs[i])));
                    zero
                }
            };
            reverse_yields.push(value);
        }
        for &(u, rphi) in &outer_rphis {
            reverse_yields.push(body_adjoints.get(&u).copied().unwrap_or(rphi));
        }
        // The reverse loop assigns its carried cotangents one after the
        // other, and a copy passes its cotangent on unchanged: a next
        // cotangent that is another carried cotangent (of a loop that swaps
        // `a` and `b`) must be read before that one changes, from a copy
        // taken first.
        let rphis: Vec<Var> = reverse_carried.iter().map(|(rphi, _)| *rphi).collect();
        for (n, next) in reverse_yields.iter_mut().enumerate() {
            if *next != rphis[n] && rphis.contains(next) {
                let snapshot = self.vars.derived(*next, "_next");
                adjoint_body.push(let_(snapshot, Expr::Copy(*next)));
                *next = snapshot;
            }
        }

        // What the reverse body reads from the forward body: recomputed when
        // it can be, taped otherwise. The forward body now holds the tapes
        // and counts of its inner branches and loops too.
        let k = self.vars.fresh("k", l.span, false);
        let forward_defs = Block { stmts: forward_body.clone(), yields: Vec::new() }.defined_vars();
        let (recompute, taped, uses_index) = self.plan_reverse(l, &forward_body, &adjoint_body, &forward_defs);

        let mut forward = Vec::new();
        let mut reverse_body = Vec::new();
        let mut forward_loop = l.clone();
        forward_loop.body.stmts = forward_body;

        let needs_counter = l.breaks || matches!(l.header, Header::While { .. });
        let count = self.vars.fresh("count", l.span, false);
        if needs_counter {
            forward_loop.counter = Some(count);
        } else if let Header::For { range, .. } = &l.header {
            forward.push(let_(count, Expr::TripCount(range.clone())));
        }
        if !taped.is_empty() {
            let tape = self.vars.fresh("tape", l.span, false);
            self.vars.get_mut(tape).tape = true;
            self.vars.get_mut(tape).place = true;
            let capacity = if needs_counter { None } else { Some(count) };
            forward.push(let_(tape, Expr::NewTape { capacity }));
            forward_loop.body.stmts.push(Stmt::Push { tape, vars: taped.clone() });
            reverse_body.push(Stmt::Let {
                dst: Dst::Tuple(taped.iter().map(|v| Dst::Var(*v)).collect()),
                ty: None,
                expr: Expr::Pop { tape },
                span: l.span,
            });
        }
        // A loop over a plain range that ran to its end runs backwards over
        // the same range; otherwise the reverse counts iterations down and
        // finds each index.
        let reverse_header = match &l.header {
            Header::For { index, range }
                if !needs_counter
                    && range.adapters.len() <= 1
                    && range.adapters.iter().all(|a| matches!(a, Adapter::Rev)) =>
            {
                let mut reversed = range.clone();
                if reversed.adapters.is_empty() {
                    reversed.adapters.push(Adapter::Rev);
                } else {
                    reversed.adapters.clear();
                }
                Header::For { index: *index, range: reversed }
            }
            _ => {
                if uses_index {
                    if let Header::For { index, range } = &l.header {
                        reverse_body.push(let_(*index, Expr::RangeIndex { range: range.clone(), k, count }));
                    }
                }
                Header::Countdown { count, k }
            }
        };
        reverse_body.extend(recompute);
        reverse_body.extend(adjoint_body);
        forward.push(Stmt::Loop(Box::new(forward_loop)));

        let reverse_outs: Vec<Var> = reverse_carried.iter().map(|(rphi, _)| self.vars.derived(*rphi, "_")).collect();
        let mut backward = pre;
        backward.push(Stmt::Loop(Box::new(Loop {
            header: reverse_header,
            carried: reverse_carried,
            body: Block { stmts: reverse_body, yields: reverse_yields },
            breaks: false,
            outs: reverse_outs.clone(),
            counter: None,
            windows: Vec::new(),
            span: l.span,
        })));
        // An outer value's cotangent after the reverse loop already holds
        // its cotangent from before it (the reverse loop started from
        // that), so it replaces it; only then are the carried values'
        // initial values contributed to, since one may be that same outer
        // value (`let mut s = z; for .. { s += z }`), and a contribution
        // made first would be overwritten.
        for (n, &(u, _)) in outer_rphis.iter().enumerate() {
            adjoints.insert(u, reverse_outs[carried_rphis.len() + n]);
        }
        for (n, &(i, _)) in carried_rphis.iter().enumerate() {
            let init = l.carried[i].1;
            self.contribute(init, reverse_outs[n], adjoints, &mut backward);
        }
        (forward, backward)
    }

    /// Decides, for the values of the forward body that the reverse body
    /// reads, which are recomputed (returned as statements, in order) and
    /// which are taped; and whether the loop index is needed.
    fn plan_reverse(
        &mut self,
        l: &Loop,
        forward_body: &[Stmt],
        adjoint_body: &[Stmt],
        body_defs: &HashSet<Var>,
    ) -> (Vec<Stmt>, Vec<Var>, bool) {
        let index = match &l.header {
            Header::For { index, .. } => Some(*index),
            _ => None,
        };
        // The defining statement of each body-level value.
        let mut definitions: HashMap<Var, usize> = HashMap::new();
        for (n, stmt) in forward_body.iter().enumerate() {
            if let Stmt::Let { dst, .. } = stmt {
                let mut defined = Vec::new();
                dst.vars(&mut defined);
                for v in defined {
                    definitions.insert(v, n);
                }
            }
        }
        let mut needed: Vec<Var> = Block { stmts: adjoint_body.to_vec(), yields: Vec::new() }.free_vars();
        let mut recompute: HashSet<usize> = HashSet::new();
        let mut taped: Vec<Var> = Vec::new();
        let mut uses_index = false;
        let mut seen = HashSet::new();
        while let Some(v) = needed.pop() {
            if !seen.insert(v) {
                continue;
            }
            if Some(v) == index {
                uses_index = true;
                continue;
            }
            let is_phi = l.carried.iter().any(|(phi, _)| *phi == v);
            if !is_phi && !body_defs.contains(&v) {
                // Defined outside the loop: available in the reverse sweep.
                continue;
            }
            match definitions.get(&v) {
                Some(&n) if !is_phi && self.recomputable(&forward_body[n]) => {
                    if recompute.insert(n) {
                        let mut uses = Vec::new();
                        if let Stmt::Let { expr, .. } = &forward_body[n] {
                            expr.uses(&mut uses);
                        }
                        needed.extend(uses);
                    }
                }
                _ => taped.push(v),
            }
        }
        let mut order: Vec<usize> = recompute.into_iter().collect();
        order.sort();
        taped.sort();
        (order.into_iter().map(|n| forward_body[n].clone()).collect(), taped, uses_index)
    }

    /// Whether a statement of a loop body can be run again in the reverse
    /// sweep and give the same value: pure arithmetic on values that do not
    /// change.
    fn recomputable(&self, stmt: &Stmt) -> bool {
        let Stmt::Let { expr, .. } = stmt else { return false };
        match expr {
            // A primitive of an array (a vector built from its elements)
            // would see the array's later contents.
            Expr::Prim { args, .. } => args.iter().all(|a| !self.changing.contains(a)),
            Expr::Copy(_) => true,
            Expr::Opaque { uses, .. } => uses.iter().all(|u| !self.changing.contains(u)),
            Expr::Read { array, .. } => !self.changing.contains(array),
            _ => false,
        }
    }
}
