//! The tangent (forward) pass: to any program, adds the tangent of every
//! value along the tangents of some inputs. Applied to a gradient program
//! this is forward-over-reverse: the tangents of the cotangents of the
//! inputs are Hessian-vector products, or, with a bundle of N directions,
//! N columns of the Hessian in one sweep.

use std::collections::HashMap;

use proc_macro2::Span;

use crate::ir::{ArrayInit, Block, CallMode, Callee, Cond, Dst, Expr, Header, Loop, Stmt, StoreOp, Var, Vars};

/// Adds tangent statements to `stmts`. `dots` maps each value that has a
/// tangent to it; it starts with the seeded inputs and gains every value
/// whose tangent is not structurally zero.
pub fn tangent(vars: &mut Vars, stmts: &[Stmt], dots: &mut HashMap<Var, Var>) -> Vec<Stmt> {
    let mut pass = Tangent { vars, dots };
    pass.stmts(stmts)
}

struct Tangent<'a> {
    vars: &'a mut Vars,
    dots: &'a mut HashMap<Var, Var>,
}

fn let_(dst: Var, expr: Expr, span: Span) -> Stmt {
    Stmt::Let { dst: Dst::Var(dst), ty: None, expr, span }
}

impl Tangent<'_> {
    fn stmts(&mut self, stmts: &[Stmt]) -> Vec<Stmt> {
        let mut out = Vec::with_capacity(stmts.len() * 2);
        for stmt in stmts {
            self.stmt(stmt, &mut out);
        }
        out
    }

    fn dot(&self, v: Var) -> Option<Var> {
        self.dots.get(&v).copied()
    }

    /// The tangent of `v`, or a zero one declared into `out`.
    fn dot_or_zero(&mut self, v: Var, out: &mut Vec<Stmt>) -> Var {
        match self.dot(v) {
            Some(d) => d,
            None => {
                let zero = self.vars.derived_like(v, crate::naming::DOT);
                out.push(let_(zero, Expr::ZeroTangent(v), Span::call_site()));
                zero
            }
        }
    }

    /// A new tangent for `v` (a buffer if `v` is an array).
    fn new_dot(&mut self, v: Var) -> Var {
        let d = self.vars.derived_like(v, crate::naming::DOT);
        self.dots.insert(v, d);
        d
    }

    /// `vars` followed by the tangents of those that have one.
    fn with_tangents(&self, vars: &[Var]) -> Vec<Var> {
        let mut all = vars.to_vec();
        all.extend(vars.iter().filter_map(|v| self.dots.get(v)));
        all
    }

    fn stmt(&mut self, stmt: &Stmt, out: &mut Vec<Stmt>) {
        match stmt {
            Stmt::Let { dst, ty, expr, span } => self.let_stmt(dst, ty, expr, *span, out),
            Stmt::If { cond, then_blk, else_blk, outs, span } => {
                let cond = match cond {
                    Cond::Bool(v) => Cond::Bool(*v),
                    Cond::Tape { tape, then_binds, else_binds } => Cond::Tape {
                        tape: *tape,
                        then_binds: self.with_tangents(then_binds),
                        else_binds: self.with_tangents(else_binds),
                    },
                };
                let mut then_blk = Block { stmts: self.stmts(&then_blk.stmts), yields: then_blk.yields.clone() };
                let mut else_blk = Block { stmts: self.stmts(&else_blk.stmts), yields: else_blk.yields.clone() };
                let mut outs = outs.clone();
                for i in 0..outs.len() {
                    let (t, e) = (then_blk.yields[i], else_blk.yields[i]);
                    if self.dot(t).is_none() && self.dot(e).is_none() {
                        continue;
                    }
                    let out_dot = self.vars.derived(outs[i], crate::naming::DOT);
                    let t_dot = self.dot_or_zero(t, &mut then_blk.stmts);
                    then_blk.yields.push(t_dot);
                    let e_dot = self.dot_or_zero(e, &mut else_blk.stmts);
                    else_blk.yields.push(e_dot);
                    self.dots.insert(outs[i], out_dot);
                    outs.push(out_dot);
                }
                out.push(Stmt::If { cond, then_blk, else_blk, outs, span: *span });
            }
            Stmt::Effect { .. } => out.push(stmt.clone()),
            Stmt::Store { array, index, value, op, span } => {
                out.push(stmt.clone());
                if let Some(array_dot) = self.dot(*array) {
                    let value_dot = match (self.dot(*value), op) {
                        (Some(d), _) => Some(d),
                        (None, StoreOp::Set) => Some(self.dot_or_zero(*value, out)),
                        (None, _) => None,
                    };
                    match (value_dot, op) {
                        (Some(v), StoreOp::Set) => {
                            out.push(Stmt::Store { array: array_dot, index: *index, value: v, op: *op, span: *span })
                        }
                        // Tangent bundles have no `+=`: accumulate with the
                        // buffer operations.
                        (Some(v), StoreOp::Add) => out.push(Stmt::AddAt { buffer: array_dot, index: *index, value: v }),
                        (Some(v), StoreOp::Sub) => {
                            let negated = self.vars.derived(*value, crate::naming::DOT);
                            out.push(let_(negated, Expr::Neg(v), *span));
                            out.push(Stmt::AddAt { buffer: array_dot, index: *index, value: negated });
                        }
                        (None, _) => {}
                    }
                }
            }
            Stmt::AddAt { buffer, index, value } => {
                out.push(stmt.clone());
                if let (Some(buffer_dot), Some(value_dot)) = (self.dot(*buffer), self.dot(*value)) {
                    out.push(Stmt::AddAt { buffer: buffer_dot, index: *index, value: value_dot });
                }
            }
            // Windows are made after every other pass (see `gather`).
            Stmt::WindowAdd { .. } => out.push(stmt.clone()),
            Stmt::AddAll { buffer, values } => {
                out.push(stmt.clone());
                if let (Some(buffer_dot), Some(values_dot)) = (self.dot(*buffer), self.dot(*values)) {
                    out.push(Stmt::AddAll { buffer: buffer_dot, values: values_dot });
                }
            }
            Stmt::Push { tape, vars } => out.push(Stmt::Push { tape: *tape, vars: self.with_tangents(vars) }),
            Stmt::Loop(l) => self.loop_(l, out),
        }
    }

    fn loop_(&mut self, l: &Loop, out: &mut Vec<Stmt>) {
        let mut l = l.clone();
        if let Header::While { cond } = &l.header {
            let cond = Block { stmts: self.stmts(&cond.stmts), yields: cond.yields.clone() };
            l.header = Header::While { cond };
        }
        // A varied carried value has a tangent round the loop.
        let mut dotted = Vec::new();
        for (i, (phi, init)) in l.carried.clone().into_iter().enumerate() {
            if self.vars.varied(phi) || self.dot(init).is_some() {
                let init_dot = self.dot_or_zero(init, out);
                let phi_dot = self.new_dot(phi);
                self.vars.get_mut(phi_dot).place = true;
                dotted.push((i, phi_dot, init_dot));
            }
        }
        let mut body = Block { stmts: self.stmts(&l.body.stmts), yields: Vec::new() };
        let carried_count = l.carried.len();
        let mut yields: Vec<Var> = l.body.yields[..carried_count].to_vec();
        let phi_dots: Vec<Var> = dotted.iter().map(|&(_, phi_dot, _)| phi_dot).collect();
        for &(i, phi_dot, init_dot) in &dotted {
            let next = l.body.yields[i];
            let mut next_dot = self.dot_or_zero(next, &mut body.stmts);
            // The loop assigns its carried tangents one after the other, and
            // the tangent of a copy is the tangent copied: a next tangent
            // that is another carried tangent (`b = a` of a carried `a`)
            // must be read before that one changes, from a copy taken first.
            if next_dot != phi_dot && phi_dots.contains(&next_dot) {
                let snapshot = self.vars.derived_like(next, crate::naming::DOT);
                body.stmts.push(let_(snapshot, Expr::Copy(next_dot), l.span));
                next_dot = snapshot;
            }
            yields.push(next_dot);
            l.carried.push((phi_dot, init_dot));
        }
        if l.breaks {
            yields.extend(l.body.yields.last());
        }
        body.yields = yields;
        l.body = body;
        for &(i, _, _) in &dotted {
            let out_var = l.outs[i];
            let out_dot = self.new_dot(out_var);
            l.outs.push(out_dot);
        }
        out.push(Stmt::Loop(Box::new(l)));
    }

    fn let_stmt(&mut self, dst: &Dst, ty: &Option<Box<syn::Type>>, expr: &Expr, span: Span, out: &mut Vec<Stmt>) {
        let single = match dst {
            Dst::Var(v) => Some(*v),
            _ => None,
        };
        let original = Stmt::Let { dst: dst.clone(), ty: ty.clone(), expr: expr.clone(), span };
        let mut terms: Vec<Expr> = Vec::new();
        match expr {
            Expr::Cotangent(raw) => {
                // The tangent of a callee's cotangent is checked the same way.
                out.push(original);
                if let (Some(v), Some(raw_dot)) = (single, self.dot(*raw)) {
                    let checked = self.vars.derived_like(v, crate::naming::DOT);
                    out.push(let_(checked, Expr::Cotangent(raw_dot), span));
                    self.dots.insert(v, checked);
                }
                return;
            }
            Expr::Copy(source) => {
                out.push(original);
                if let (Some(v), Some(d)) = (single, self.dot(*source)) {
                    self.dots.insert(v, d);
                }
                return;
            }
            Expr::Prim { prim, args, .. } => {
                if let Some(y) = single {
                    for &k in prim.differentiable {
                        if let Some(t) = self.dot(args[k]) {
                            terms.push(Expr::Jvp { prim, k, args: args.clone(), out: y, t });
                        }
                    }
                }
            }
            Expr::Vjp { prim, k, args, out: y, c } => {
                if let Some(c_dot) = self.dot(*c) {
                    terms.push(Expr::Vjp { prim, k: *k, args: args.clone(), out: *y, c: c_dot });
                }
                for &(kk, j) in prim.second_order {
                    if kk == *k {
                        if let Some(t) = self.dot(args[j]) {
                            terms.push(Expr::VjpJvp { prim, k: *k, j, args: args.clone(), out: *y, c: *c, t });
                        }
                    }
                }
            }
            Expr::Add(a, b) => match (self.dot(*a), self.dot(*b)) {
                (Some(a), Some(b)) => terms.push(Expr::Add(a, b)),
                (Some(d), None) | (None, Some(d)) => {
                    out.push(original);
                    if let Some(v) = single {
                        self.dots.insert(v, d);
                    }
                    return;
                }
                (None, None) => {}
            },
            Expr::Neg(a) => {
                if let Some(d) = self.dot(*a) {
                    terms.push(Expr::Neg(d));
                }
            }
            Expr::Tape { then, vars } => {
                let expr = Expr::Tape { then: *then, vars: self.with_tangents(vars) };
                out.push(Stmt::Let { dst: dst.clone(), ty: ty.clone(), expr, span });
                return;
            }
            Expr::Pop { .. } => {
                let Dst::Tuple(items) = dst else {
                    out.push(original);
                    return;
                };
                let bound: Vec<Var> = items
                    .iter()
                    .filter_map(|d| match d {
                        Dst::Var(v) => Some(*v),
                        _ => None,
                    })
                    .collect();
                // The forward sweep pushed the tangents of these values after
                // them; give them the same names here.
                let all = self.with_tangents(&bound);
                out.push(Stmt::Let {
                    dst: Dst::Tuple(all.into_iter().map(Dst::Var).collect()),
                    ty: None,
                    expr: expr.clone(),
                    span,
                });
                return;
            }
            Expr::Read { array, index } => {
                if let Some(array_dot) = self.dot(*array) {
                    terms.push(Expr::Read { array: array_dot, index: *index });
                }
            }
            Expr::Take { buffer, index } => {
                if let Some(buffer_dot) = self.dot(*buffer) {
                    terms.push(Expr::Take { buffer: buffer_dot, index: *index });
                }
            }
            Expr::ZeroLike(primal) if single.is_some_and(|v| self.vars.is_array(v)) => {
                // A cotangent buffer: its tangent is a buffer too.
                out.push(original);
                if let Some(v) = single {
                    let d = self.new_dot(v);
                    out.push(let_(d, Expr::ZeroTangent(*primal), span));
                }
                return;
            }
            Expr::NewArray(init) => {
                out.push(original);
                let Some(v) = single else { return };
                if !self.vars.varied(v) {
                    return;
                }
                let dot_init = match init {
                    ArrayInit::Fill { value, len } => match self.dot(*value) {
                        Some(d) => Expr::NewArray(ArrayInit::Fill { value: d, len: len.clone() }),
                        None => Expr::ZeroTangent(v),
                    },
                    ArrayInit::List { items, vec } => {
                        let items = items.iter().map(|item| self.dot_or_zero(*item, out)).collect();
                        Expr::NewArray(ArrayInit::List { items, vec: *vec })
                    }
                    ArrayInit::CopyOf { source, method } => match self.dot(*source) {
                        Some(d) => Expr::NewArray(ArrayInit::CopyOf { source: d, method: method.clone() }),
                        None => Expr::ZeroTangent(v),
                    },
                };
                let d = self.new_dot(v);
                out.push(let_(d, dot_init, span));
                return;
            }
            Expr::SumAll { buffer, like } => {
                if let Some(buffer_dot) = self.dot(*buffer) {
                    out.push(original);
                    let zero = self.vars.derived(*like, crate::naming::DOT);
                    out.push(let_(zero, Expr::ZeroTangent(*like), span));
                    if let Some(v) = single {
                        let d = self.new_dot(v);
                        out.push(let_(d, Expr::SumAll { buffer: buffer_dot, like: zero }, span));
                    }
                    return;
                }
            }
            Expr::Call { callee, args, mode } => {
                if let Some(stmt) = self.call(dst, callee, args, mode, span) {
                    out.push(stmt);
                    return;
                }
            }
            // Constants, zeros, seeds, tapes and counts have zero tangents.
            _ => {}
        }
        out.push(original);
        let Some(y) = single else { return };
        let mut sum: Option<Var> = None;
        for term in terms {
            let term_var = self.vars.derived(y, crate::naming::DOT);
            out.push(let_(term_var, term, span));
            sum = Some(match sum {
                None => term_var,
                Some(previous) => {
                    let total = self.vars.derived(y, crate::naming::DOT);
                    out.push(let_(total, Expr::Add(previous, term_var), span));
                    total
                }
            });
        }
        if let Some(d) = sum {
            self.dots.insert(y, d);
        }
    }

    /// A call whose arguments or seed have tangents becomes a call to the
    /// callee's tangent companion, which returns the tangents too.
    fn call(&mut self, dst: &Dst, callee: &Callee, args: &[Var], mode: &CallMode, span: Span) -> Option<Stmt> {
        let tangents: Vec<Option<Var>> = args.iter().map(|a| self.dot(*a)).collect();
        let any_tangent = tangents.iter().any(Option::is_some);
        match (mode, dst) {
            (CallMode::Value, Dst::Var(y)) if any_tangent => {
                let y_dot = self.new_dot(*y);
                Some(Stmt::Let {
                    dst: Dst::Tuple(vec![Dst::Var(*y), Dst::Var(y_dot)]),
                    ty: None,
                    expr: Expr::Call { callee: callee.clone(), args: args.to_vec(), mode: CallMode::Jvp { tangents } },
                    span,
                })
            }
            (CallMode::Vjp { out_bar }, Dst::Tuple(parts)) => {
                let out_bar_dot = self.dot(*out_bar);
                if !any_tangent && out_bar_dot.is_none() {
                    return None;
                }
                let Some(Dst::Tuple(slots)) = parts.get(1) else { return None };
                let dot_slots: Vec<Dst> = slots
                    .iter()
                    .map(|slot| match slot {
                        Dst::Var(c) => Dst::Var(self.new_dot(*c)),
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
}
