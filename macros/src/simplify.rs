//! Shortens a generated program before it is emitted: identity rules and
//! copies become no statement at all, then dead code goes ([`prune`]).
//!
//! Every `+` writes a tangent statement per operand and one more to add
//! them, and every cotangent of its operands is a statement too; about a
//! third of a generated body was such copies. rustc type-checks and
//! borrow-checks each one before it optimises them away, so they cost
//! compile time in every build, optimised or not.

use std::collections::{HashMap, HashSet};

use crate::ir::{Adapter, ArrayInit, ArrayLen, Block, CallMode, Cond, Dst, Expr, Header, RangeSpec, Stmt, Var, Vars};
use crate::prune::prune;

/// `stmts` without the copies that nothing needs under their own name, and
/// without dead code; the values in `roots` (what the generated function
/// returns or reads after `stmts`) keep their names.
pub fn simplify(mut stmts: Vec<Stmt>, vars: &Vars, roots: impl IntoIterator<Item = Var>) -> Vec<Stmt> {
    let roots: HashSet<Var> = roots.into_iter().collect();
    shapes_from_map_arguments(&mut stmts);
    // A nalgebra value is not `Copy`: two names for one matrix would be
    // moved twice where both are handed on (`(m_bar, n_bar)` of `m + n`).
    if vars.all().any(|v| vars.get(v).matrix) {
        return prune(stmts, roots);
    }
    fold_identities(&mut stmts);
    let mut pinned = roots.clone();
    let mut carried = HashSet::new();
    pin(&stmts, &mut pinned, &mut carried);
    // A reverse sweep binds again the forward values it takes from a tape,
    // in its own scope: a value bound twice keeps its name.
    let mut bound = HashMap::new();
    count_bindings(&stmts, &mut bound);
    pinned.extend(bound.into_iter().filter(|&(_, n)| n > 1).map(|(v, _)| v));
    let mut aliases = HashMap::new();
    let names = Names { vars, pinned: &pinned, carried: &carried };
    collect_aliases(&mut stmts, &names, &mut aliases);
    keep_snapshots(&stmts, &mut aliases);
    if !aliases.is_empty() {
        stmts = drop_aliases(stmts, &aliases);
        let resolve = |v: Var| resolve(&aliases, v);
        for stmt in &mut stmts {
            map_stmt(stmt, &resolve);
        }
    }
    prune(stmts, roots)
}

/// The rules that read only their argument's shape (`sum`, `mean`) take,
/// for a value an elementwise map made, the map's argument, which has the
/// same type and shape: the map's value is then not computed where only
/// derivatives are wanted (the loss in `x.map(f).sum()`). Only between
/// statements of the top level, where the argument is in scope at the rule.
fn shapes_from_map_arguments(stmts: &mut [Stmt]) {
    let mut source = HashMap::new();
    for stmt in stmts.iter_mut() {
        if let Stmt::Let { dst: Dst::Var(v), expr, .. } = stmt {
            match expr {
                Expr::Prim { prim, args, .. } if prim.syntax == matdiff_table::Syntax::Map && !args.is_empty() => {
                    source.insert(*v, resolve(&source, args[0]));
                }
                Expr::Jvp { prim, args, .. } | Expr::Vjp { prim, args, .. } | Expr::VjpJvp { prim, args, .. }
                    if prim.reads_arg_shape_only && !args.is_empty() =>
                {
                    args[0] = resolve(&source, args[0]);
                }
                _ => {}
            }
        }
    }
}

fn resolve(aliases: &HashMap<Var, Var>, mut v: Var) -> Var {
    while let Some(&to) = aliases.get(&v) {
        v = to;
    }
    v
}

/// A rule the table says is the identity along its argument becomes a
/// copy of the tangent or cotangent.
fn fold_identities(stmts: &mut [Stmt]) {
    for stmt in stmts {
        match stmt {
            Stmt::Let { expr, .. } => {
                let copied = match expr {
                    Expr::Jvp { prim, k, t, .. } if prim.identity.contains(k) => Some(*t),
                    Expr::Vjp { prim, k, c, .. } if prim.identity.contains(k) => Some(*c),
                    _ => None,
                };
                if let Some(source) = copied {
                    *expr = Expr::Copy(source);
                }
            }
            Stmt::If { then_blk, else_blk, .. } => {
                fold_identities(&mut then_blk.stmts);
                fold_identities(&mut else_blk.stmts);
            }
            Stmt::Loop(l) => {
                if let Header::While { cond } = &mut l.header {
                    fold_identities(&mut cond.stmts);
                }
                fold_identities(&mut l.body.stmts);
            }
            _ => {}
        }
    }
}

/// Values that must keep their own binding: those user code reads by name
/// (its tokens are not rewritten), and loop counters. Collects the loops'
/// carried variables too.
fn pin(stmts: &[Stmt], pinned: &mut HashSet<Var>, carried: &mut HashSet<Var>) {
    for stmt in stmts {
        match stmt {
            Stmt::Let { expr: Expr::Opaque { uses, .. }, .. } | Stmt::Effect { uses, .. } => pinned.extend(uses),
            Stmt::If { then_blk, else_blk, .. } => {
                pin(&then_blk.stmts, pinned, carried);
                pin(&else_blk.stmts, pinned, carried);
            }
            Stmt::Loop(l) => {
                pinned.extend(l.counter);
                carried.extend(l.carried.iter().map(|(phi, _)| *phi));
                if let Header::While { cond } = &l.header {
                    pin(&cond.stmts, pinned, carried);
                }
                pin(&l.body.stmts, pinned, carried);
            }
            _ => {}
        }
    }
}

fn count_bindings(stmts: &[Stmt], bound: &mut HashMap<Var, usize>) {
    let mut binds = Vec::new();
    for stmt in stmts {
        match stmt {
            Stmt::Let { dst, .. } => dst.vars(&mut binds),
            Stmt::If { cond, then_blk, else_blk, outs, .. } => {
                if let Cond::Tape { then_binds, else_binds, .. } = cond {
                    binds.extend(then_binds.iter().chain(else_binds));
                }
                binds.extend(outs);
                count_bindings(&then_blk.stmts, bound);
                count_bindings(&else_blk.stmts, bound);
            }
            Stmt::Loop(l) => {
                match &l.header {
                    Header::For { index, .. } => binds.push(*index),
                    Header::Countdown { k, .. } => binds.push(*k),
                    Header::While { cond } => count_bindings(&cond.stmts, bound),
                }
                binds.extend(l.carried.iter().map(|(phi, _)| *phi));
                binds.extend(&l.outs);
                binds.extend(l.counter);
                count_bindings(&l.body.stmts, bound);
            }
            _ => {}
        }
    }
    for v in binds {
        *bound.entry(v).or_insert(0) += 1;
    }
}

/// What decides whether a value may be another name for one.
struct Names<'a> {
    vars: &'a Vars,
    pinned: &'a HashSet<Var>,
    carried: &'a HashSet<Var>,
}

impl Names<'_> {
    /// A value bound once and read, not changed in place: not an array or
    /// a tape, and no place generated code updates, except a loop's carried
    /// variable, which holds one value through an iteration and its final
    /// one after the loop.
    fn plain(&self, v: Var) -> bool {
        let d = self.vars.get(v);
        !self.pinned.contains(&v) && !d.array && !d.tape && (!d.place || self.carried.contains(&v))
    }

    /// Whether `a` may be written as `b`: the emitter picks rules and
    /// borrows by these flags.
    fn alike(&self, a: Var, b: Var) -> bool {
        let (a, b) = (self.vars.get(a), self.vars.get(b));
        a.tangent == b.tangent && a.matrix == b.matrix && a.reference == b.reference
    }
}

/// `let a = b;` where both are plain values: `a` is another name for `b`.
/// A loop's value after it is another name for its carried variable, which
/// holds that value from the loop's end on (the loop's `outs` become the
/// carried variables themselves).
fn collect_aliases(stmts: &mut [Stmt], names: &Names, out: &mut HashMap<Var, Var>) {
    for stmt in stmts {
        match stmt {
            Stmt::Let { dst: Dst::Var(a), ty: None, expr: Expr::Copy(b), .. }
                if a != b
                    && names.plain(*a)
                    && !names.carried.contains(a)
                    && names.plain(*b)
                    && names.alike(*a, *b) =>
            {
                out.insert(*a, *b);
            }
            Stmt::If { then_blk, else_blk, .. } => {
                collect_aliases(&mut then_blk.stmts, names, out);
                collect_aliases(&mut else_blk.stmts, names, out);
            }
            Stmt::Loop(l) => {
                if let Header::While { cond } = &mut l.header {
                    collect_aliases(&mut cond.stmts, names, out);
                }
                collect_aliases(&mut l.body.stmts, names, out);
                for ((phi, _), after) in l.carried.iter().zip(l.outs.iter_mut()) {
                    if *after != *phi && names.plain(*after) && names.alike(*after, *phi) {
                        out.insert(*after, *phi);
                        *after = *phi;
                    }
                }
            }
            _ => {}
        }
    }
}

/// A loop assigns its carried variables their next values one after the
/// other: a next value that is another name for a carried variable other
/// than the one it is assigned to would read that variable after its own
/// update. Such a value keeps its binding, a copy taken before the updates.
fn keep_snapshots(stmts: &[Stmt], aliases: &mut HashMap<Var, Var>) {
    for stmt in stmts {
        match stmt {
            Stmt::If { then_blk, else_blk, .. } => {
                keep_snapshots(&then_blk.stmts, aliases);
                keep_snapshots(&else_blk.stmts, aliases);
            }
            Stmt::Loop(l) => {
                if let Header::While { cond } = &l.header {
                    keep_snapshots(&cond.stmts, aliases);
                }
                keep_snapshots(&l.body.stmts, aliases);
                for (i, next) in l.body.yields.iter().enumerate() {
                    let source = resolve(aliases, *next);
                    let other_carried = l.carried.iter().enumerate().any(|(j, (phi, _))| j != i && *phi == source);
                    if other_carried && aliases.contains_key(next) {
                        aliases.remove(next);
                    }
                }
            }
            _ => {}
        }
    }
}

fn drop_aliases(stmts: Vec<Stmt>, aliases: &HashMap<Var, Var>) -> Vec<Stmt> {
    stmts
        .into_iter()
        .filter(
            |stmt| !matches!(stmt, Stmt::Let { dst: Dst::Var(a), expr: Expr::Copy(_), .. } if aliases.contains_key(a)),
        )
        .map(|stmt| match stmt {
            Stmt::If { cond, then_blk, else_blk, outs, span } => Stmt::If {
                cond,
                then_blk: drop_aliases_in(then_blk, aliases),
                else_blk: drop_aliases_in(else_blk, aliases),
                outs,
                span,
            },
            Stmt::Loop(mut l) => {
                if let Header::While { cond } = l.header {
                    l.header = Header::While { cond: drop_aliases_in(cond, aliases) };
                }
                l.body = drop_aliases_in(l.body, aliases);
                Stmt::Loop(l)
            }
            other => other,
        })
        .collect()
}

fn drop_aliases_in(block: Block, aliases: &HashMap<Var, Var>) -> Block {
    Block { stmts: drop_aliases(block.stmts, aliases), yields: block.yields }
}

/// Rewrites every value `stmt` reads through `f`; the values it binds stay.
fn map_stmt(stmt: &mut Stmt, f: &impl Fn(Var) -> Var) {
    let m = |v: &mut Var| *v = f(*v);
    match stmt {
        Stmt::Let { expr, .. } => map_expr(expr, f),
        Stmt::If { cond, then_blk, else_blk, .. } => {
            match cond {
                Cond::Bool(v) => m(v),
                Cond::Tape { tape, .. } => m(tape),
            }
            map_block(then_blk, f);
            map_block(else_blk, f);
        }
        // User code is pinned: nothing it reads is renamed.
        Stmt::Effect { .. } => {}
        Stmt::Store { array, index, value, .. } | Stmt::AddAt { buffer: array, index, value } => {
            m(array);
            m(index);
            m(value);
        }
        Stmt::AddAll { buffer, values } => {
            m(buffer);
            m(values);
        }
        Stmt::WindowAdd { buffer, value, .. } => {
            m(buffer);
            m(value);
        }
        Stmt::Push { tape, vars } => {
            m(tape);
            vars.iter_mut().for_each(m);
        }
        Stmt::Loop(l) => {
            match &mut l.header {
                Header::For { range, .. } => map_range(range, f),
                Header::While { cond } => map_block(cond, f),
                Header::Countdown { count, .. } => m(count),
            }
            l.carried.iter_mut().for_each(|(_, init)| m(init));
            map_block(&mut l.body, f);
        }
    }
}

fn map_block(block: &mut Block, f: &impl Fn(Var) -> Var) {
    for stmt in &mut block.stmts {
        map_stmt(stmt, f);
    }
    block.yields.iter_mut().for_each(|v| *v = f(*v));
}

fn map_range(range: &mut RangeSpec, f: &impl Fn(Var) -> Var) {
    range.start = f(range.start);
    range.end = f(range.end);
    for adapter in &mut range.adapters {
        if let Adapter::StepBy(s) = adapter {
            *s = f(*s);
        }
    }
}

fn map_expr(expr: &mut Expr, f: &impl Fn(Var) -> Var) {
    let m = |v: &mut Var| *v = f(*v);
    match expr {
        // User code is pinned: nothing it reads is renamed.
        Expr::Opaque { .. } => {}
        Expr::Copy(v) | Expr::Cotangent(v) | Expr::ZeroLike(v) | Expr::ZeroTangent(v) | Expr::Neg(v) => m(v),
        Expr::Prim { args, .. } => args.iter_mut().for_each(m),
        Expr::Jvp { args, out, t, .. } => {
            args.iter_mut().for_each(m);
            m(out);
            m(t);
        }
        Expr::Vjp { args, out, c, .. } => {
            args.iter_mut().for_each(m);
            m(out);
            m(c);
        }
        Expr::VjpJvp { args, out, c, t, .. } => {
            args.iter_mut().for_each(m);
            m(out);
            m(c);
            m(t);
        }
        Expr::Call { args, mode, .. } => {
            args.iter_mut().for_each(m);
            match mode {
                CallMode::Value => {}
                CallMode::Vjp { out_bar } => m(out_bar),
                CallMode::Jvp { tangents } => tangents.iter_mut().flatten().for_each(m),
                CallMode::VjpJvp { tangents, out_bar, out_bar_dot } => {
                    tangents.iter_mut().flatten().for_each(m);
                    m(out_bar);
                    out_bar_dot.iter_mut().for_each(m);
                }
            }
        }
        Expr::Add(a, b) => {
            m(a);
            m(b);
        }
        Expr::Tape { vars, .. } => vars.iter_mut().for_each(m),
        Expr::Read { array, index } | Expr::Take { buffer: array, index } => {
            m(array);
            m(index);
        }
        Expr::NewArray(init) => match init {
            ArrayInit::Fill { value, len } => {
                m(value);
                if let ArrayLen::Runtime(n) = len {
                    m(n);
                }
            }
            ArrayInit::List { items, .. } => items.iter_mut().for_each(m),
            ArrayInit::CopyOf { source, .. } => m(source),
        },
        Expr::SumAll { buffer, like } => {
            m(buffer);
            m(like);
        }
        Expr::NewTape { capacity } => capacity.iter_mut().for_each(m),
        Expr::Pop { tape } => m(tape),
        Expr::TripCount(range) => map_range(range, f),
        Expr::RangeIndex { range, k, count } => {
            map_range(range, f);
            m(k);
            m(count);
        }
    }
}
