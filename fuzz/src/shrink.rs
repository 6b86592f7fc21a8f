//! Greedy reduction of a failing program: one-step smaller candidates, kept when they still fail the same way.

use crate::ast::{Block, Expr, Func, Iter, Pat, Program, Reduce, Stmt, Ty};

/// Calls `f` on every expression, parents before children.
pub fn visit_exprs_mut(b: &mut Block, f: &mut dyn FnMut(&mut Expr)) {
    for s in &mut b.stmts {
        match s {
            Stmt::Let { init, .. } => expr_mut(init, f),
            Stmt::LetClosure { body, .. } => expr_mut(body, f),
            Stmt::Assign { value, .. } => expr_mut(value, f),
            Stmt::AssignTuple { values, .. } => values.iter_mut().for_each(|v| expr_mut(v, f)),
            Stmt::IndexAssign { index, value, .. } => {
                expr_mut(index, f);
                expr_mut(value, f);
            }
            Stmt::If(c, a, e) => {
                expr_mut(c, f);
                visit_exprs_mut(a, f);
                if let Some(e) = e {
                    visit_exprs_mut(e, f);
                }
            }
            Stmt::For { iter, body, .. } => {
                match iter {
                    Iter::Range { lo, hi, .. } => {
                        expr_mut(lo, f);
                        expr_mut(hi, f);
                    }
                    Iter::Filter { cond, .. } => expr_mut(cond, f),
                    _ => {}
                }
                visit_exprs_mut(body, f);
            }
            Stmt::While { cond, body, .. } => {
                expr_mut(cond, f);
                visit_exprs_mut(body, f);
            }
            Stmt::Loop { body, .. } => visit_exprs_mut(body, f),
            Stmt::LetLoop { last, body, .. } => {
                expr_mut(last, f);
                visit_exprs_mut(body, f);
            }
            Stmt::Return(e) | Stmt::BreakValue(_, e) => expr_mut(e, f),
            Stmt::Break | Stmt::Continue | Stmt::BreakTo(_) | Stmt::ContinueTo(_) => {}
        }
    }
    if let Some(t) = &mut b.tail {
        expr_mut(t, f);
    }
}

/// The direct subexpressions and blocks of an expression.
fn parts_mut(e: &mut Expr) -> (Vec<&mut Expr>, Vec<&mut Block>) {
    match e {
        Expr::F(_) | Expr::U(_) | Expr::Var(_) | Expr::SelfW(_) | Expr::Sum(_) => (vec![], vec![]),
        Expr::Neg(a) | Expr::M0(_, a) | Expr::Powi(a, _) | Expr::Clamp(a, ..) | Expr::ToF(a) | Expr::ToU(a, _) => {
            (vec![&mut **a], vec![])
        }
        Expr::Not(a) | Expr::Index(_, a) | Expr::MapSum(_, _, a) | Expr::NM0(_, a) | Expr::Inv(a) | Expr::Logdet(a) => {
            (vec![&mut **a], vec![])
        }
        Expr::NView(_, a) => (vec![&mut **a], vec![]),
        Expr::Bin(_, a, c) | Expr::M1(_, a, c) | Expr::UBin(_, a, c) | Expr::Cmp(_, a, c, _) | Expr::Logic(_, a, c) => {
            (vec![&mut **a, &mut **c], vec![])
        }
        Expr::Index2(_, a, c) | Expr::Fold(_, a, _, _, c) | Expr::NScale(a, c) | Expr::NM1(_, a, c) => {
            (vec![&mut **a, &mut **c], vec![])
        }
        Expr::NBin(_, a, _, c, _) | Expr::NMap(a, _, c) | Expr::Solve(a, c) => (vec![&mut **a, &mut **c], vec![]),
        Expr::MulAdd(a, c, d) => (vec![&mut **a, &mut **c, &mut **d], vec![]),
        Expr::Lib(_, args) | Expr::Call(_, _, args) | Expr::CallClosure(_, args) | Expr::List(_, args) => {
            (args.iter_mut().collect(), vec![])
        }
        Expr::If(c, a, d) => (vec![&mut **c], vec![&mut **a, &mut **d]),
        Expr::Match(sc, _, arms) => {
            let mut es = vec![&mut **sc];
            let mut bs = Vec::new();
            for arm in arms {
                if let Some(g) = &mut arm.guard {
                    es.push(g);
                }
                bs.push(&mut arm.body);
            }
            (es, bs)
        }
        Expr::Block(b) => (vec![], vec![&mut **b]),
        Expr::Red(_, filter, red) => {
            let mut es: Vec<&mut Expr> = Vec::new();
            if let Some((_, c)) = filter {
                es.push(&mut **c);
            }
            match &mut **red {
                Reduce::Sum | Reduce::Product | Reduce::Count | Reduce::FoldFn(None, _) => {}
                Reduce::MapSum(_, body) => es.push(&mut **body),
                Reduce::Fold(init, _, _, body) => {
                    es.push(&mut **init);
                    es.push(&mut **body);
                }
                Reduce::FoldFn(Some(init), _) => es.push(&mut **init),
            }
            (es, vec![])
        }
    }
}

fn expr_mut(e: &mut Expr, f: &mut dyn FnMut(&mut Expr)) {
    f(e);
    let (es, bs) = parts_mut(e);
    for c in es {
        expr_mut(c, f);
    }
    for b in bs {
        visit_exprs_mut(b, f);
    }
}

/// Calls `f` on every block; the flag says whether the block must produce a value.
fn visit_blocks_mut(b: &mut Block, valued: bool, f: &mut dyn FnMut(&mut Block, bool)) {
    f(b, valued);
    for s in &mut b.stmts {
        match s {
            Stmt::If(c, a, e) => {
                blocks_in_expr(c, f);
                visit_blocks_mut(a, false, f);
                if let Some(e) = e {
                    visit_blocks_mut(e, false, f);
                }
            }
            Stmt::For { body, .. } | Stmt::Loop { body, .. } => visit_blocks_mut(body, false, f),
            Stmt::LetLoop { last, body, .. } => {
                blocks_in_expr(last, f);
                visit_blocks_mut(body, false, f);
            }
            Stmt::While { cond, body, .. } => {
                blocks_in_expr(cond, f);
                visit_blocks_mut(body, false, f);
            }
            Stmt::Let { init: e, .. }
            | Stmt::LetClosure { body: e, .. }
            | Stmt::Assign { value: e, .. }
            | Stmt::Return(e)
            | Stmt::BreakValue(_, e) => blocks_in_expr(e, f),
            Stmt::IndexAssign { value, .. } => blocks_in_expr(value, f),
            Stmt::AssignTuple { values, .. } => values.iter_mut().for_each(|v| blocks_in_expr(v, f)),
            Stmt::Break | Stmt::Continue | Stmt::BreakTo(_) | Stmt::ContinueTo(_) => {}
        }
    }
    if let Some(t) = &mut b.tail {
        blocks_in_expr(t, f);
    }
}

fn blocks_in_expr(e: &mut Expr, f: &mut dyn FnMut(&mut Block, bool)) {
    let (es, bs) = parts_mut(e);
    for c in es {
        blocks_in_expr(c, f);
    }
    for b in bs {
        visit_blocks_mut(b, true, f);
    }
}

fn kind(e: &Expr) -> char {
    match e {
        Expr::U(_) | Expr::UBin(..) | Expr::ToU(..) => 'u',
        Expr::Red(_, _, r) if **r == Reduce::Count => 'u',
        Expr::Cmp(..) | Expr::Logic(..) | Expr::Not(_) => 'b',
        Expr::Var(_) | Expr::List(..) => '?',
        Expr::NBin(..) | Expr::NScale(..) | Expr::NMap(..) | Expr::Inv(_) | Expr::Solve(..) | Expr::NView(..) => 'n',
        Expr::NM0(m, _) if matches!(*m, "transpose" | "normalize" | "abs") => 'n',
        Expr::NM1(m, ..) if *m == "component_mul" => 'n',
        _ => 'f',
    }
}

/// Same-typed replacements of one expression, smaller first.
fn replacements(e: &Expr, params: &[String]) -> Vec<Expr> {
    let mut out = Vec::new();
    match kind(e) {
        'f' => {
            if !matches!(e, Expr::F(_)) {
                out.push(Expr::F(0.5));
                out.extend(params.iter().map(|p| Expr::Var(p.clone())));
            }
            let mut children = Vec::new();
            let mut first = true;
            let mut clone = e.clone();
            expr_mut(&mut clone, &mut |c| {
                if first {
                    first = false;
                } else if kind(c) == 'f' {
                    children.push(c.clone());
                }
            });
            // Direct children only would be better, but any float below works
            // when the names it reads are in scope (checked afterwards).
            out.extend(children.into_iter().take(6));
            if let Expr::If(_, a, b) = e {
                for arm in [a, b] {
                    if arm.stmts.is_empty() {
                        out.extend(arm.tail.clone());
                    }
                }
            }
        }
        'u' if !matches!(e, Expr::U(_)) => out.push(Expr::U(1)),
        'b' => {
            if let Expr::Logic(_, a, c) = e {
                out.push((**a).clone());
                out.push((**c).clone());
            }
            if let Expr::Not(a) = e {
                out.push((**a).clone());
            }
        }
        'n' => match e {
            Expr::NBin(op, a, ta, c, tc) => {
                // A sum keeps either operand; a product keeps the one of the result's type.
                if *op != '*' || ta == tc {
                    out.push((**a).clone());
                }
                out.push((**c).clone());
            }
            Expr::NScale(a, _) | Expr::NMap(a, ..) | Expr::Inv(a) | Expr::NM0(_, a) => out.push((**a).clone()),
            // A column or row of a matrix is a vector; the other views keep the type.
            Expr::NView(call, a) if !call.starts_with("column(") && !call.starts_with("row(") => {
                out.push((**a).clone())
            }
            Expr::NM1(_, a, c) => {
                out.push((**a).clone());
                out.push((**c).clone());
            }
            Expr::Solve(_, c) => out.push((**c).clone()),
            _ => {}
        },
        _ => {}
    }
    if let Expr::Match(s, fl, arms) = e
        && arms.len() > 1
    {
        for i in 0..arms.len() - 1 {
            let mut arms = arms.clone();
            arms.remove(i);
            out.push(Expr::Match(s.clone(), *fl, arms));
        }
    }
    if let Expr::Cmp(op, a, c, fl) = e
        && *fl
    {
        let _ = op;
        let _ = c;
        if !matches!(**a, Expr::Var(_)) {
            out.push(Expr::Cmp(op, Box::new(Expr::Var(params.first().cloned().unwrap_or_default())), c.clone(), true));
        }
    }
    out
}

/// Statement-level reductions of one block.
fn block_reductions(b: &Block, valued: bool) -> Vec<Block> {
    let mut out = Vec::new();
    for i in 0..b.stmts.len() {
        let last_return = valued && b.tail.is_none() && i + 1 == b.stmts.len();
        if !last_return {
            let mut c = b.clone();
            c.stmts.remove(i);
            out.push(c);
        }
        let inline: Option<Vec<Stmt>> = match &b.stmts[i] {
            Stmt::If(_, a, e) => {
                let mut v = vec![a.stmts.clone()];
                if let Some(e) = e {
                    v.push(e.stmts.clone());
                    let mut c = b.clone();
                    if let Stmt::If(_, _, e) = &mut c.stmts[i] {
                        *e = None;
                    }
                    out.push(c);
                }
                v.into_iter().next()
            }
            Stmt::For { body, .. } | Stmt::While { body, .. } | Stmt::Loop { body, .. } => Some(body.stmts.clone()),
            Stmt::LetLoop { name, last, .. } => {
                Some(vec![Stmt::Let { name: name.clone(), mutable: false, ty: Ty::F, init: last.clone() }])
            }
            _ => None,
        };
        // Labels and trip counts go where nothing needs them.
        let mut c = b.clone();
        let reduced = match &mut c.stmts[i] {
            Stmt::For { label, .. }
            | Stmt::While { label, .. }
            | Stmt::Loop { label, .. }
            | Stmt::LetLoop { label, .. }
                if label.is_some() =>
            {
                *label = None;
                true
            }
            Stmt::Loop { limit, .. } | Stmt::LetLoop { limit, .. } if *limit > 1 => {
                *limit = 1;
                true
            }
            _ => false,
        };
        if reduced {
            out.push(c);
        }
        if let Some(stmts) = inline {
            let mut c = b.clone();
            c.stmts.splice(i..=i, stmts);
            out.push(c);
        }
        if let Stmt::Let { mutable: true, .. } = &b.stmts[i] {
            let mut c = b.clone();
            if let Stmt::Let { mutable, .. } = &mut c.stmts[i] {
                *mutable = false;
            }
            out.push(c);
        }
        if let Stmt::For { iter: Iter::Range { hi, .. }, .. } = &b.stmts[i]
            && *hi != Expr::U(1)
        {
            let mut c = b.clone();
            if let Stmt::For { iter: Iter::Range { hi, inclusive, rev, step, .. }, .. } = &mut c.stmts[i] {
                *hi = Expr::U(1);
                *inclusive = false;
                *rev = false;
                *step = 1;
            }
            out.push(c);
        }
    }
    out
}

/// Every one-step reduction of a program (helpers dropped, statements
/// removed or inlined, subexpressions replaced), to be filtered by `valid`.
pub fn candidates(p: &Program) -> Vec<Program> {
    let mut out = Vec::new();
    if p.funcs.len() > 1 {
        // Calls of the helper become a literal.
        let mut c = p.clone();
        let helper = c.funcs.remove(0);
        for f in &mut c.funcs {
            visit_exprs_mut(&mut f.body, &mut |e| {
                if matches!(e, Expr::Call(n, ..) if *n == helper.name) {
                    *e = Expr::F(0.5);
                }
            });
        }
        out.push(c);
    }
    for fi in 0..p.funcs.len() {
        let params: Vec<String> =
            p.funcs[fi].params.iter().filter(|(_, t)| *t == Ty::F).map(|(n, _)| n.clone()).collect();
        let mut nblocks = 0;
        let mut scratch = p.funcs[fi].body.clone();
        visit_blocks_mut(&mut scratch, true, &mut |_, _| nblocks += 1);
        for bi in 0..nblocks {
            let mut seen = 0;
            let mut reds = Vec::new();
            let mut body = p.funcs[fi].body.clone();
            visit_blocks_mut(&mut body, true, &mut |b, valued| {
                if seen == bi {
                    reds = block_reductions(b, valued);
                }
                seen += 1;
            });
            for r in reds {
                let mut c = p.clone();
                let mut seen = 0;
                visit_blocks_mut(&mut c.funcs[fi].body, true, &mut |b, _| {
                    if seen == bi {
                        *b = r.clone();
                    }
                    seen += 1;
                });
                out.push(c);
            }
        }
        let mut nexprs = 0;
        visit_exprs_mut(&mut scratch, &mut |_| nexprs += 1);
        for ei in 0..nexprs {
            let mut seen = 0;
            let mut reps = Vec::new();
            let mut body = p.funcs[fi].body.clone();
            visit_exprs_mut(&mut body, &mut |e| {
                if seen == ei {
                    reps = replacements(e, &params);
                }
                seen += 1;
            });
            for r in reps {
                let mut c = p.clone();
                let mut seen = 0;
                visit_exprs_mut(&mut c.funcs[fi].body, &mut |e| {
                    if seen == ei {
                        *e = r.clone();
                    }
                    seen += 1;
                });
                out.push(c);
            }
        }
    }
    out.retain(valid);
    out
}

#[derive(Clone)]
struct Scope {
    names: Vec<(String, bool)>,
    /// The enclosing loops, innermost last: label and whether it is a valued `loop`.
    loops: Vec<(Option<String>, bool)>,
}

impl Scope {
    fn inner_loop(&self, label: Option<String>, valued: bool) -> Scope {
        let mut s = self.clone();
        s.loops.push((label, valued));
        s
    }
    fn outside_loops(&self) -> Scope {
        Scope { names: self.names.clone(), loops: Vec::new() }
    }
    fn jump_ok(&self, s: &Stmt) -> bool {
        let labelled = |l: &str| self.loops.iter().rposition(|(m, _)| m.as_deref() == Some(l));
        match s {
            Stmt::Break => self.loops.last().is_some_and(|(_, v)| !v),
            Stmt::Continue => !self.loops.is_empty(),
            Stmt::BreakTo(l) => labelled(l).is_some_and(|i| !self.loops[i].1),
            Stmt::ContinueTo(l) => labelled(l).is_some(),
            // A value leaves only the innermost loop.
            Stmt::BreakValue(None, _) => self.loops.last().is_some_and(|(_, v)| *v),
            Stmt::BreakValue(Some(l), _) => labelled(l).is_some_and(|i| i + 1 == self.loops.len() && self.loops[i].1),
            _ => false,
        }
    }
}

/// Every name read is bound, every name written is mutable, `break` is in
/// a loop, and valued blocks end in a value or a `return`.
pub fn valid(p: &Program) -> bool {
    let helpers: Vec<&str> = p.funcs[..p.funcs.len() - 1].iter().map(|f| f.name.as_str()).collect();
    p.funcs.iter().all(|f| func_valid(f, &helpers))
}

fn func_valid(f: &Func, helpers: &[&str]) -> bool {
    let mut s = Scope { names: f.params.iter().map(|(n, _)| (n.clone(), false)).collect(), loops: Vec::new() };
    block_ok(&f.body, &mut s, helpers, true)
}

fn bound(s: &Scope, n: &str) -> Option<bool> {
    s.names.iter().rev().find(|(m, _)| m == n).map(|(_, m)| *m)
}

fn block_ok(b: &Block, s: &mut Scope, h: &[&str], valued: bool) -> bool {
    let mark = s.names.len();
    let mut ok = true;
    for st in &b.stmts {
        ok &= match st {
            Stmt::Let { name, mutable, init, .. } => {
                let r = expr_ok(init, s, h);
                s.names.push((name.clone(), *mutable));
                r
            }
            Stmt::LetClosure { name, params, body } => {
                // The body reads its parameters and the immutable names
                // around it.
                let mut inner = s.outside_loops();
                let shadowed_by_mut: Vec<String> =
                    inner.names.iter().filter(|(n, _)| bound(s, n) == Some(true)).map(|(n, _)| n.clone()).collect();
                inner.names.retain(|(n, _)| !shadowed_by_mut.contains(n));
                inner.names.extend(params.iter().map(|p| (p.clone(), false)));
                let r = expr_ok(body, &inner, h);
                s.names.push((name.clone(), false));
                r
            }
            Stmt::Assign { name, value, .. } => bound(s, name) == Some(true) && expr_ok(value, s, h),
            Stmt::AssignTuple { names, values } => {
                names.iter().all(|n| bound(s, n) == Some(true)) && values.iter().all(|v| expr_ok(v, s, h))
            }
            Stmt::IndexAssign { name, index, value, .. } => {
                bound(s, name) == Some(true) && expr_ok(index, s, h) && expr_ok(value, s, h)
            }
            Stmt::If(c, a, e) => {
                expr_ok(c, s, h) && block_ok(a, s, h, false) && e.as_ref().is_none_or(|e| block_ok(e, s, h, false))
            }
            Stmt::For { label, vars, iter, body } => {
                let it = match iter {
                    Iter::Range { lo, hi, .. } => expr_ok(lo, s, h) && expr_ok(hi, s, h),
                    Iter::Elems(x) | Iter::Enumerate(x) => bound(s, x).is_some(),
                    Iter::Zip(x, y) => bound(s, x).is_some() && bound(s, y).is_some(),
                    Iter::Filter { x, binders, cond } => {
                        let mut inner = s.outside_loops();
                        inner.names.extend(binders.iter().map(|b| (b.clone(), false)));
                        bound(s, x).is_some() && expr_ok(cond, &inner, h)
                    }
                };
                let mut inner = s.inner_loop(label.clone(), false);
                inner.names.extend(vars.iter().map(|v| (v.clone(), false)));
                it && block_ok(body, &mut inner, h, false)
            }
            Stmt::While { label, counter, cond, body, .. } => {
                let c = expr_ok(cond, s, h);
                let mut inner = s.inner_loop(label.clone(), false);
                inner.names.push((counter.clone(), false));
                c && block_ok(body, &mut inner, h, false)
            }
            Stmt::Loop { label, counter, body, .. } => {
                let mut inner = s.inner_loop(label.clone(), false);
                inner.names.push((counter.clone(), false));
                block_ok(body, &mut inner, h, false)
            }
            Stmt::LetLoop { name, label, counter, last, body, .. } => {
                let mut inner = s.inner_loop(label.clone(), true);
                inner.names.push((counter.clone(), false));
                let r = expr_ok(last, &inner, h) && block_ok(body, &mut inner, h, false);
                s.names.push((name.clone(), false));
                r
            }
            Stmt::BreakValue(_, e) => s.jump_ok(st) && expr_ok(e, s, h),
            Stmt::Break | Stmt::Continue | Stmt::BreakTo(_) | Stmt::ContinueTo(_) => s.jump_ok(st),
            Stmt::Return(e) => expr_ok(e, s, h),
        };
    }
    ok &= match &b.tail {
        Some(t) => expr_ok(t, s, h),
        None => !valued || matches!(b.stmts.last(), Some(Stmt::Return(_))),
    };
    s.names.truncate(mark);
    ok
}

fn expr_ok(e: &Expr, s: &Scope, h: &[&str]) -> bool {
    let mut ok = true;
    let mut e = e.clone();
    // Names bound inside the expression (closure parameters, match
    // bindings, block lets) are checked by the nested walks below.
    match &mut e {
        Expr::Var(n) => return bound(s, n).is_some(),
        Expr::Index(n, i) => return bound(s, n).is_some() && expr_ok(i, s, h),
        Expr::Index2(n, i, j) => return bound(s, n).is_some() && expr_ok(i, s, h) && expr_ok(j, s, h),
        Expr::Sum(n) => return bound(s, n).is_some(),
        Expr::Call(n, _, args) => return h.contains(&n.as_str()) && args.iter().all(|a| expr_ok(a, s, h)),
        Expr::CallClosure(n, args) => return bound(s, n).is_some() && args.iter().all(|a| expr_ok(a, s, h)),
        Expr::MapSum(n, v, body) => {
            let mut inner = s.clone();
            inner.names.push((v.clone(), false));
            return bound(s, n).is_some() && expr_ok(body, &inner, h);
        }
        Expr::Fold(n, init, acc, v, body) => {
            let mut inner = s.clone();
            inner.names.push((acc.clone(), false));
            inner.names.push((v.clone(), false));
            return bound(s, n).is_some() && expr_ok(init, s, h) && expr_ok(body, &inner, h);
        }
        Expr::Red(src, filter, red) => {
            let mut r = src.containers().iter().all(|x| bound(s, x).is_some());
            let closure = |binders: &[String], extra: Option<&String>| {
                let mut inner = s.outside_loops();
                inner.names.extend(extra.map(|a| (a.clone(), false)));
                inner.names.extend(src.readable(binders).into_iter().map(|n| (n, false)));
                inner
            };
            if let Some((b, c)) = filter {
                r &= expr_ok(c, &closure(b, None), h);
            }
            r &= match &**red {
                Reduce::Sum | Reduce::Product | Reduce::Count | Reduce::FoldFn(None, _) => true,
                Reduce::MapSum(b, body) => expr_ok(body, &closure(b, None), h),
                Reduce::Fold(init, acc, b, body) => expr_ok(init, s, h) && expr_ok(body, &closure(b, Some(acc)), h),
                Reduce::FoldFn(Some(init), _) => expr_ok(init, s, h),
            };
            return r;
        }
        Expr::NMap(m, v, body) => {
            let inner = Scope { names: vec![(v.clone(), false)], loops: Vec::new() };
            return expr_ok(m, s, h) && expr_ok(body, &inner, h);
        }
        Expr::If(c, a, b) => {
            let mut inner = s.outside_loops();
            return expr_ok(c, s, h) && block_ok(a, &mut inner.clone(), h, true) && block_ok(b, &mut inner, h, true);
        }
        Expr::Match(sc, _, arms) => {
            let last_catches =
                arms.last().is_some_and(|a| a.guard.is_none() && matches!(a.pat, Pat::Wild | Pat::Bind(_)));
            let mut r = expr_ok(sc, s, h) && last_catches;
            for a in arms.iter() {
                let mut inner = s.outside_loops();
                if let Pat::Bind(v) = &a.pat {
                    inner.names.push((v.clone(), false));
                }
                r &= a.guard.as_ref().is_none_or(|g| expr_ok(g, &inner, h)) && block_ok(&a.body, &mut inner, h, true);
            }
            return r;
        }
        Expr::Block(b) => {
            let mut inner = s.outside_loops();
            return block_ok(b, &mut inner, h, true);
        }
        _ => {}
    }
    // Plain operators: check the direct children.
    let (es, _) = parts_mut(&mut e);
    for c in es {
        ok &= expr_ok(c, s, h);
    }
    ok
}

/// Size used to prefer smaller reproducers.
pub fn size(p: &Program) -> usize {
    crate::render::matdiff_source(p).len()
}
