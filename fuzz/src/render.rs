//! Renders a program twice: as `#[differentiate]` Rust and as a generic oracle over num-dual scalars.

use crate::ast::{Arm, Block, Expr, Func, Iter, Pat, Program, Reduce, Ret, Src, Stmt, Ty};
use std::collections::HashSet;
use std::fmt::Write;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Matdiff,
    Oracle,
}

struct R {
    form: Form,
    /// nalgebra arguments, which are references already.
    ref_args: HashSet<String>,
    /// Names for the oracle's match scrutinees.
    fresh: usize,
}

fn lit(c: f64) -> String {
    let s = format!("{c:?}");
    if c < 0.0 { format!("({s})") } else { s }
}

fn pat_lit(c: f64) -> String {
    format!("{c:?}")
}

/// Whether rustc knows an expression is `f64` without looking at its
/// context: a method call on an expression that is not is E0689 in plain
/// Rust, so such receivers get a suffixed literal.
pub fn typed(e: &Expr) -> bool {
    match e {
        Expr::F(_) | Expr::U(_) => false,
        Expr::Bin(_, a, b) => typed(a) || typed(b),
        Expr::Neg(a) => typed(a),
        Expr::If(_, a, b) => block_typed(a) || block_typed(b),
        Expr::Match(_, _, arms) => arms.iter().any(|a| block_typed(&a.body)),
        Expr::Block(b) => block_typed(b),
        // matdiff's functions are generic over the float type; the
        // renderer types the first argument when no argument is typed.
        Expr::Lib(..) => true,
        _ => true,
    }
}

fn block_typed(b: &Block) -> bool {
    b.tail.as_ref().is_some_and(typed)
}

fn ty_md(t: Ty) -> String {
    match t {
        Ty::F => "f64".into(),
        Ty::U => "usize".into(),
        Ty::Slice(_) => "&[f64]".into(),
        Ty::Arr(n) | Ty::LocalArr(n) => format!("[f64; {n}]"),
        Ty::LocalVec(_) => "Vec<f64>".into(),
        Ty::DVec(_) => "&DVector<f64>".into(),
        Ty::DMat(..) => "&DMatrix<f64>".into(),
        Ty::Closure(_) => unreachable!("a closure is never an argument"),
    }
}

fn ty_or(t: Ty) -> String {
    match t {
        Ty::F => "T".into(),
        Ty::U => "usize".into(),
        Ty::Slice(_) => "&[T]".into(),
        Ty::Arr(n) | Ty::LocalArr(n) => format!("[T; {n}]"),
        Ty::LocalVec(_) => "Vec<T>".into(),
        Ty::DVec(_) => "&DVector<T>".into(),
        Ty::DMat(..) => "&DMatrix<T>".into(),
        Ty::Closure(_) => unreachable!("a closure is never an argument"),
    }
}

fn ret_md(r: Ret) -> String {
    match r {
        Ret::F => "f64".into(),
        Ret::Arr(m) => format!("[f64; {m}]"),
        Ret::Vec(_) => "Vec<f64>".into(),
        Ret::DVec(_) => "DVector<f64>".into(),
    }
}

fn ret_or(r: Ret) -> String {
    match r {
        Ret::F => "T".into(),
        Ret::Arr(m) => format!("[T; {m}]"),
        Ret::Vec(_) => "Vec<T>".into(),
        Ret::DVec(_) => "DVector<T>".into(),
    }
}

impl R {
    fn new(form: Form, f: &Func) -> R {
        let ref_args =
            f.params.iter().filter(|(_, t)| matches!(t, Ty::DVec(_) | Ty::DMat(..))).map(|(n, _)| n.clone()).collect();
        R { form, ref_args, fresh: 0 }
    }

    fn f(&self, c: f64) -> String {
        match self.form {
            Form::Matdiff => lit(c),
            Form::Oracle => format!("T::k({c:?})"),
        }
    }

    /// A receiver of a float method.
    fn recv(&mut self, e: &Expr) -> String {
        if self.form == Form::Matdiff && !typed(e) {
            // Only literals below: give the value a type so the plain function type-checks.
            return match const_value(e) {
                Some(c) => format!("({c:?}f64)"),
                None => format!("{{ let t_: f64 = {}; t_ }}", self.e(e)),
            };
        }
        self.e(e)
    }

    /// A nalgebra operand by reference.
    fn nref(&mut self, e: &Expr) -> String {
        match e {
            Expr::Var(n) if self.ref_args.contains(n) => n.clone(),
            Expr::Var(n) => format!("&{n}"),
            _ => format!("&{}", self.e(e)),
        }
    }

    fn e(&mut self, e: &Expr) -> String {
        let md = self.form == Form::Matdiff;
        match e {
            Expr::F(c) => self.f(*c),
            Expr::U(c) => format!("{c}usize"),
            Expr::Var(n) => n.clone(),
            Expr::SelfW(w) => {
                if md {
                    "self.w".into()
                } else {
                    self.f(*w)
                }
            }
            Expr::Bin(op, a, b) => format!("({} {op} {})", self.e(a), self.e(b)),
            Expr::Neg(a) => format!("(-{})", self.e(a)),
            Expr::M0(m, a) => format!("{}.{m}()", self.recv(a)),
            Expr::M1(m, a, b) => format!("{}.{m}({})", self.recv(a), self.e(b)),
            Expr::Powi(a, k) => format!("{}.powi({k})", self.recv(a)),
            Expr::MulAdd(a, b, c) => format!("{}.mul_add({}, {})", self.recv(a), self.e(b), self.e(c)),
            Expr::Clamp(a, lo, hi) => format!("{}.clamp({}, {})", self.recv(a), self.f(*lo), self.f(*hi)),
            Expr::Lib(name, args) => {
                // matdiff's functions are generic over the float type: with
                // literals alone for arguments, the first one gets a type.
                let untyped = !args.iter().any(typed);
                let args: Vec<String> = args
                    .iter()
                    .enumerate()
                    .map(|(i, a)| if untyped && i == 0 { self.recv(a) } else { self.e(a) })
                    .collect();
                let path = if md { "matdiff" } else { "support" };
                format!("{path}::{name}({})", args.join(", "))
            }
            Expr::CallClosure(name, args) => {
                let args: Vec<String> = args.iter().map(|a| self.e(a)).collect();
                format!("{name}({})", args.join(", "))
            }
            Expr::Call(name, method, args) => {
                let args: Vec<String> = args.iter().map(|a| self.e(a)).collect();
                match (md, method) {
                    (true, true) => format!("self.{name}({})", args.join(", ")),
                    (true, false) => format!("{name}({})", args.join(", ")),
                    (false, _) => format!("{name}_o({})", args.join(", ")),
                }
            }
            Expr::ToF(u) => {
                if md {
                    format!("({} as f64)", self.e(u))
                } else {
                    format!("T::k({} as f64)", self.e(u))
                }
            }
            Expr::ToU(a, m) => {
                if md {
                    format!("((({}).abs() * 2.0) as usize % {m})", self.recv(a))
                } else {
                    format!("((({}).rv().abs() * 2.0) as usize % {m})", self.e(a))
                }
            }
            Expr::UBin(op, a, b) => format!("({} {op} {})", self.e(a), self.e(b)),
            Expr::Cmp(op, a, b, float) => {
                if *float && !md {
                    format!("(({}).rv() {op} ({}).rv())", self.e(a), self.e(b))
                } else {
                    format!("({} {op} {})", self.e(a), self.e(b))
                }
            }
            Expr::Logic(op, a, b) => format!("({} {op} {})", self.e(a), self.e(b)),
            Expr::Not(a) => format!("(!{})", self.e(a)),
            Expr::If(c, a, b) => {
                let c = self.e(c);
                format!("(if {c} {} else {})", self.block(a), self.block(b))
            }
            Expr::Match(s, float, arms) => self.match_expr(s, *float, arms),
            Expr::Index(n, i) => format!("{n}[{}]", self.e(i)),
            Expr::Index2(n, i, j) => format!("{n}[({}, {})]", self.e(i), self.e(j)),
            // The oracle sums from -0.0, as Rust's float `sum` does (num-dual's
            // starts from +0.0): a sum of negative zeros keeps its sign.
            Expr::Sum(n) => {
                if md {
                    format!("{n}.iter().sum::<f64>()")
                } else {
                    format!("{n}.iter().fold(T::k(-0.0), |a_, &b_| a_ + b_)")
                }
            }
            Expr::MapSum(n, v, body) => {
                if md {
                    format!("{n}.iter().map(|&{v}| {}).sum::<f64>()", self.e(body))
                } else {
                    format!("{n}.iter().map(|&{v}| {}).fold(T::k(-0.0), |a_, b_| a_ + b_)", self.e(body))
                }
            }
            Expr::Fold(n, init, acc, v, body) => {
                let init = if md && !typed(init) { self.recv(init) } else { self.e(init) };
                format!("{n}.iter().fold({init}, |{acc}, &{v}| {})", self.e(body))
            }
            Expr::Block(b) => self.block(b),
            Expr::Red(src, filter, red) => self.pipeline(src, filter, red),
            Expr::List(is_vec, items) => {
                let items: Vec<String> = items.iter().map(|a| self.e(a)).collect();
                format!("{}[{}]", if *is_vec { "vec!" } else { "" }, items.join(", "))
            }
            Expr::NBin(op, a, _, b, _) => format!("({} {op} {})", self.nref(a), self.nref(b)),
            Expr::NScale(m, s) => format!("({} * {})", self.nref(m), self.e(s)),
            Expr::NM0(m, a) => match (md, *m) {
                (false, "norm") => format!("{{ let n_ = {}; n_.dot(n_).sqrt() }}", self.nref(a)),
                (false, "norm_squared") => format!("{{ let n_ = {}; n_.dot(n_) }}", self.nref(a)),
                (false, "normalize") => {
                    format!("{{ let n_ = {}; let s_ = n_.dot(n_).sqrt(); n_.map(|e_| e_ / s_) }}", self.nref(a))
                }
                (false, "abs") => format!("({}).map(|e_| e_.abs())", self.e(a)),
                // The oracle's views are owned already: a copy, not a move.
                (false, "into_owned") => format!("{}.clone()", self.e(a)),
                _ => format!("{}.{m}()", self.e(a)),
            },
            Expr::NM1(m, a, b) => format!("{}.{m}({})", self.e(a), self.nref(b)),
            Expr::NView(call, a) if md => format!("{}.{call}", self.e(a)),
            Expr::NView(call, a) => format!("{}.{call}.into_owned()", self.e(a)),
            // The closure's return type is written: a body of literals alone
            // (`|c| 0.5`) leaves rustc no float type to infer, in plain Rust
            // too.
            Expr::NMap(m, v, body) if md => format!("{}.map(|{v}| -> f64 {{ {} }})", self.e(m), self.e(body)),
            Expr::NMap(m, v, body) => format!("{}.map(|{v}| {})", self.e(m), self.e(body)),
            Expr::Inv(m) => format!("{}::inv({})", if md { "matdiff" } else { "support" }, self.nref(m)),
            Expr::Logdet(m) => format!("{}::logdet({})", if md { "matdiff" } else { "support" }, self.nref(m)),
            Expr::Solve(a, b) => {
                if md {
                    format!("matdiff::solve({}, {})", self.nref(a), self.nref(b))
                } else {
                    format!("support::solve_vec({}, {})", self.nref(a), self.nref(b))
                }
            }
        }
    }

    /// An iterator pipeline; both forms read the same items, the oracle
    /// reduces with folds from the same starting values as `sum` and
    /// `product` (Rust's float `sum` starts from -0.0).
    fn pipeline(&mut self, src: &Src, filter: &Option<(Vec<String>, Box<Expr>)>, red: &Reduce) -> String {
        let md = self.form == Form::Matdiff;
        let copied = matches!(red, Reduce::FoldFn(..));
        let windows = matches!(src, Src::Windows(..) | Src::ZipWindows(..));
        let mut out = match src {
            Src::Elems(x) => format!("{x}.iter()"),
            Src::Chain(x, y) => format!("{x}.iter().chain({y}.iter())"),
            Src::Windows(x, k) => format!("{x}.windows({k})"),
            Src::ZipWindows(x, y, k) => format!("{x}.windows({k}).zip({y}.windows({k}))"),
        };
        if copied {
            out.push_str(".copied()");
        }
        // Binders: `&v` for an element by reference, `w` for a window,
        // `(a, b)` for zipped windows.
        let binder = |names: &[String], refs: usize| -> String {
            if windows {
                if names.len() == 1 { names[0].clone() } else { format!("({})", names.join(", ")) }
            } else {
                format!("{}{}", "&".repeat(refs), names[0])
            }
        };
        if let Some((names, cond)) = filter {
            let _ = write!(out, ".filter(|{}| {})", binder(names, if copied { 1 } else { 2 }), self.e(cond));
        }
        match red {
            Reduce::Sum if md => out.push_str(".sum::<f64>()"),
            Reduce::Sum => out.push_str(".fold(T::k(-0.0), |a_, &b_| a_ + b_)"),
            Reduce::Product if md => out.push_str(".product::<f64>()"),
            Reduce::Product => out.push_str(".fold(T::k(1.0), |a_, &b_| a_ * b_)"),
            Reduce::Count => out.push_str(".count()"),
            Reduce::MapSum(names, body) => {
                let _ = write!(out, ".map(|{}| {})", binder(names, 1), self.e(body));
                out.push_str(if md { ".sum::<f64>()" } else { ".fold(T::k(-0.0), |a_, b_| a_ + b_)" });
            }
            Reduce::Fold(init, acc, names, body) => {
                let init = if md && !typed(init) { self.recv(init) } else { self.e(init) };
                let _ = write!(out, ".fold({init}, |{acc}, {}| {})", binder(names, 1), self.e(body));
            }
            Reduce::FoldFn(init, f) => {
                let init = match init {
                    Some(i) if md && !typed(i) => self.recv(i),
                    Some(i) => self.e(i),
                    None => {
                        let inf = if *f == "max" { "f64::NEG_INFINITY" } else { "f64::INFINITY" };
                        if md { inf.to_string() } else { format!("T::k({inf})") }
                    }
                };
                if md {
                    let _ = write!(out, ".fold({init}, f64::{f})");
                } else {
                    let _ = write!(out, ".fold({init}, |a_, b_| support::Num::{f}(a_, b_))");
                }
            }
        }
        out
    }

    fn pat(&self, p: &Pat) -> String {
        match p {
            Pat::F(c) => pat_lit(*c),
            Pat::U(c) => format!("{c}"),
            Pat::RangeF(lo, hi) => format!(
                "{}..{}",
                lo.map(pat_lit).unwrap_or_default(),
                hi.map(|h| format!("={}", pat_lit(h))).unwrap_or_default()
            ),
            Pat::RangeU(lo, hi) => format!("{lo}..={hi}"),
            Pat::Wild => "_".into(),
            Pat::Bind(n) => n.clone(),
        }
    }

    fn match_expr(&mut self, s: &Expr, float: bool, arms: &[Arm]) -> String {
        // A float scrutinee of literals alone gets a type: a binding arm
        // may call a method on it.
        let scrut = if float { self.recv(s) } else { self.e(s) };
        if self.form == Form::Matdiff || !float {
            let mut out = format!("(match {scrut} {{");
            for a in arms {
                let guard = a.guard.as_ref().map(|g| format!(" if {}", self.e(g))).unwrap_or_default();
                let _ = write!(out, " {}{guard} => {}", self.pat(&a.pat), self.block(&a.body));
            }
            out.push_str(" })");
            return out;
        }
        // The oracle matches on the real part; a binding arm rebinds the
        // dual value so the body's derivatives are kept.
        self.fresh += 1;
        let m = format!("m{}_", self.fresh);
        let mut out = format!("({{ let {m} = {scrut}; match {m}.rv() {{");
        for a in arms {
            match &a.pat {
                Pat::Bind(v) => {
                    let guard =
                        a.guard.as_ref().map(|g| format!(" if {{ let {v} = {m}; {} }}", self.e(g))).unwrap_or_default();
                    let _ = write!(out, " _{guard} => {{ let {v} = {m}; {} }}", self.block(&a.body));
                }
                p => {
                    let guard = a.guard.as_ref().map(|g| format!(" if {}", self.e(g))).unwrap_or_default();
                    let _ = write!(out, " {}{guard} => {}", self.pat(p), self.block(&a.body));
                }
            }
        }
        out.push_str(" } })");
        out
    }

    fn block(&mut self, b: &Block) -> String {
        let mut out = String::from("{\n");
        for s in &b.stmts {
            out.push_str(&self.stmt(s));
        }
        if let Some(t) = &b.tail {
            out.push_str(&self.e(t));
            out.push('\n');
        }
        out.push('}');
        out
    }

    fn stmt(&mut self, s: &Stmt) -> String {
        let md = self.form == Form::Matdiff;
        match s {
            Stmt::Let { name, mutable, ty, init } => {
                let m = if *mutable { "mut " } else { "" };
                match ty {
                    Ty::LocalVec(_) if matches!(init, Expr::Var(_)) => {
                        let t = if md { "f64" } else { "T" };
                        format!("let {m}{name}: Vec<{t}> = {}.to_vec();\n", self.e(init))
                    }
                    Ty::LocalVec(n) => {
                        let t = if md { "f64" } else { "T" };
                        format!("let {m}{name}: Vec<{t}> = vec![{}; {n}];\n", self.f(0.0))
                    }
                    Ty::LocalArr(n) => {
                        let t = if md { "f64" } else { "T" };
                        format!("let {m}{name}: [{t}; {n}] = [{}; {n}];\n", self.f(0.0))
                    }
                    Ty::F if md && !typed(init) => format!("let {m}{name}: f64 = {};\n", self.e(init)),
                    // A `match` whose arms all return leaves the oracle's
                    // generic local without a type.
                    Ty::F if !md => format!("let {m}{name}: T = {};\n", self.e(init)),
                    Ty::U => format!("let {m}{name}: usize = {};\n", self.e(init)),
                    // A bare name would move a local or bind a reference to an argument.
                    Ty::DVec(_) | Ty::DMat(..) if matches!(init, Expr::Var(_)) => {
                        format!("let {m}{name} = {}.clone();\n", self.e(init))
                    }
                    _ => format!("let {m}{name} = {};\n", self.e(init)),
                }
            }
            Stmt::LetClosure { name, params, body } => {
                let t = if md { "f64" } else { "T" };
                let params: Vec<String> = params.iter().map(|p| format!("{p}: {t}")).collect();
                // A body whose value comes from arms (a `match`, an `if`, a
                // block) may be a float literal in every arm: without the
                // return type written out, plain Rust cannot type it.
                if matches!(body, Expr::If(..) | Expr::Match(..) | Expr::Block(_)) {
                    format!("let {name} = |{}| -> {t} {{ {} }};\n", params.join(", "), self.e(body))
                } else {
                    format!("let {name} = |{}| {};\n", params.join(", "), self.e(body))
                }
            }
            Stmt::Assign { name, op, value } => {
                format!("{name} {}= {};\n", op.map(String::from).unwrap_or_default(), self.e(value))
            }
            Stmt::AssignTuple { names, values } => {
                let values: Vec<String> = values.iter().map(|v| self.e(v)).collect();
                format!("({}) = ({});\n", names.join(", "), values.join(", "))
            }
            // For a dual scalar `+=` is a method call, which borrows the
            // vector before a value that reads it is computed.
            Stmt::IndexAssign { name, index, op, value } if !md => format!(
                "{{ let r_ = {}; {name}[{}] {}= r_; }}\n",
                self.e(value),
                self.e(index),
                op.map(String::from).unwrap_or_default()
            ),
            Stmt::IndexAssign { name, index, op, value } => {
                format!("{name}[{}] {}= {};\n", self.e(index), op.map(String::from).unwrap_or_default(), self.e(value))
            }
            Stmt::If(c, a, b) => {
                let c = self.e(c);
                let a = self.block(a);
                match b {
                    Some(b) => format!("if {c} {a} else {}\n", self.block(b)),
                    None => format!("if {c} {a}\n"),
                }
            }
            Stmt::For { label, vars, iter, body } => {
                let head = match iter {
                    Iter::Range { lo, hi, inclusive, rev, step } => {
                        let r = format!("{}..{}{}", self.e(lo), if *inclusive { "=" } else { "" }, self.e(hi));
                        if *rev {
                            format!("for {} in ({r}).rev()", vars[0])
                        } else if *step > 1 {
                            format!("for {} in ({r}).step_by({step})", vars[0])
                        } else {
                            format!("for {} in {r}", vars[0])
                        }
                    }
                    Iter::Elems(x) => format!("for &{} in {x}.iter()", vars[0]),
                    Iter::Enumerate(x) => format!("for ({}, &{}) in {x}.iter().enumerate()", vars[0], vars[1]),
                    Iter::Zip(x, y) => format!("for (&{}, &{}) in {x}.iter().zip({y}.iter())", vars[0], vars[1]),
                    Iter::Filter { x, binders, cond } => {
                        let c = self.e(cond);
                        if binders.len() == 2 {
                            format!(
                                "for ({}, &{}) in {x}.iter().enumerate().filter(|&({}, &{})| {c})",
                                vars[0], vars[1], binders[0], binders[1]
                            )
                        } else {
                            format!("for &{} in {x}.iter().filter(|&&{}| {c})", vars[0], binders[0])
                        }
                    }
                };
                format!("{}{head} {}\n", label_of(label), self.block(body))
            }
            Stmt::While { label, counter, limit, cond, body } => {
                let c = self.e(cond);
                let mut b = self.block(body);
                b.insert_str(2, &format!("{counter} += 1;\n"));
                format!("let mut {counter}: usize = 0;\n{}while {counter} < {limit} && {c} {b}\n", label_of(label))
            }
            // The counter is tested first, so every `loop` ends whatever
            // its body does (a `continue` included).
            Stmt::Loop { label, counter, limit, body } => {
                let mut b = self.block(body);
                b.insert_str(2, &format!("{counter} += 1;\nif {counter} > {limit} {{ break; }}\n"));
                format!("let mut {counter}: usize = 0;\n{}loop {b}\n", label_of(label))
            }
            Stmt::LetLoop { name, label, counter, limit, last, body } => {
                let last = self.e(last);
                let mut b = self.block(body);
                b.insert_str(2, &format!("{counter} += 1;\nif {counter} > {limit} {{ break {last}; }}\n"));
                let t = if md { "f64" } else { "T" };
                format!("let mut {counter}: usize = 0;\nlet {name}: {t} = {}loop {b};\n", label_of(label))
            }
            Stmt::Break => "break;\n".into(),
            Stmt::Continue => "continue;\n".into(),
            Stmt::BreakTo(l) => format!("break {l};\n"),
            Stmt::ContinueTo(l) => format!("continue {l};\n"),
            Stmt::BreakValue(l, e) => {
                let e = self.e(e);
                match l {
                    Some(l) => format!("break {l} {e};\n"),
                    None => format!("break {e};\n"),
                }
            }
            Stmt::Return(e) => format!("return {};\n", self.e(e)),
        }
    }
}

fn label_of(label: &Option<String>) -> String {
    label.as_ref().map(|l| format!("{l}: ")).unwrap_or_default()
}

fn const_value(e: &Expr) -> Option<f64> {
    match e {
        Expr::F(c) => Some(*c),
        Expr::Bin(op, a, b) => {
            let (a, b) = (const_value(a)?, const_value(b)?);
            Some(match op {
                '+' => a + b,
                '-' => a - b,
                '*' => a * b,
                _ => a / b,
            })
        }
        Expr::Neg(a) => Some(-const_value(a)?),
        _ => None,
    }
}

fn params(f: &Func, form: Form) -> String {
    let mut ps: Vec<String> = Vec::new();
    if f.method && form == Form::Matdiff {
        ps.push("&self".into());
    }
    for (n, t) in &f.params {
        ps.push(format!("{n}: {}", if form == Form::Matdiff { ty_md(*t) } else { ty_or(*t) }));
    }
    ps.join(", ")
}

/// The `#[differentiate]` functions, as a user would write them.
pub fn matdiff_source(p: &Program) -> String {
    matdiff_source_vis(p, "")
}

/// The same with `vis` (such as `"pub "`) before each function and the
/// struct of methods.
pub fn matdiff_source_vis(p: &Program, vis: &str) -> String {
    let mut out = String::new();
    let mut methods = String::new();
    for f in &p.funcs {
        let mut r = R::new(Form::Matdiff, f);
        let text = format!(
            "#[differentiate]\n{vis}fn {}({}) -> {} {}\n",
            f.name,
            params(f, Form::Matdiff),
            ret_md(f.ret),
            r.block(&f.body)
        );
        if f.method { methods.push_str(&text) } else { out.push_str(&text) }
    }
    if !methods.is_empty() {
        let _ = write!(out, "{vis}struct P {{\n    w: f64,\n}}\n\nimpl P {{\n{methods}}}\n");
    }
    out
}

fn oracle_source(p: &Program) -> String {
    let mut out = String::new();
    for f in &p.funcs {
        let mut r = R::new(Form::Oracle, f);
        let _ = writeln!(
            out,
            "fn {}_o<T: support::Num>({}) -> {} {}",
            f.name,
            params(f, Form::Oracle),
            ret_or(f.ret),
            r.block(&f.body)
        );
    }
    out
}

/// Expressions building each argument of the checked function from the flat slice `z`.
pub fn arg_builders(f: &Func, z: &str) -> (Vec<String>, Vec<String>) {
    let (mut lets, mut names) = (Vec::new(), Vec::new());
    let mut k = 0;
    for (n, t) in &f.params {
        let len = t.len();
        let init = match t {
            Ty::F => format!("{z}[{k}]"),
            Ty::Slice(_) => format!("&{z}[{k}..{}]", k + len),
            Ty::Arr(_) => format!("[{}]", (k..k + len).map(|i| format!("{z}[{i}]")).collect::<Vec<_>>().join(", ")),
            Ty::DVec(_) => format!("DVector::from_column_slice(&{z}[{k}..{}])", k + len),
            Ty::DMat(r, c) => format!("DMatrix::from_column_slice({r}, {c}, &{z}[{k}..{}])", k + len),
            _ => unreachable!("only these types are arguments"),
        };
        lets.push(format!("let {n}_a = {init};"));
        names.push(if matches!(t, Ty::DVec(_) | Ty::DMat(..)) { format!("&{n}_a") } else { format!("{n}_a") });
        k += len;
    }
    (lets, names)
}

/// The direction of a Hessian-vector product in the gradient's shape.
fn hvp_direction(f: &Func) -> String {
    let mut parts = Vec::new();
    let mut k = 0;
    for (_, t) in &f.params {
        let len = t.len();
        parts.push(match t {
            Ty::F => format!("d[{k}]"),
            Ty::Slice(_) => format!("&d[{k}..{}]", k + len),
            Ty::Arr(_) => format!("[{}]", (k..k + len).map(|i| format!("d[{i}]")).collect::<Vec<_>>().join(", ")),
            Ty::DVec(_) => format!("&DVector::from_column_slice(&d[{k}..{}])", k + len),
            Ty::DMat(r, c) => format!("&DMatrix::from_column_slice({r}, {c}, &d[{k}..{}])", k + len),
            _ => unreachable!("only these types are arguments"),
        });
        k += len;
    }
    if f.params.iter().all(|(_, t)| *t == Ty::F) {
        format!("[{}]", parts.join(", "))
    } else if parts.len() == 1 {
        parts.pop().unwrap_or_default()
    } else {
        format!("({})", parts.join(", "))
    }
}

pub fn inputs(f: &Func) -> usize {
    f.params.iter().map(|(_, t)| t.len()).sum()
}

/// The oracle and the checks: value, gradients, Hessian and its product
/// with a direction for a scalar result; value and Jacobian otherwise.
pub fn harness_source(p: &Program) -> String {
    let f = p.main();
    let n = inputs(f);
    let mut out = oracle_source(p);
    let (olets, onames) = arg_builders(f, "z");
    let flat_ret = match f.ret {
        Ret::F => "vec![r]",
        Ret::Arr(_) => "r.to_vec()",
        Ret::Vec(_) => "r",
        Ret::DVec(_) => "r.as_slice().to_vec()",
    };
    let _ = writeln!(
        out,
        "fn oracle_flat<T: support::Num>(z: &[T]) -> Vec<T> {{\n{}\nlet r = {}_o({});\n{flat_ret}\n}}\n",
        olets.join("\n"),
        f.name,
        onames.join(", ")
    );
    let points: Vec<String> = p
        .points
        .iter()
        .map(|pt| format!("&[{}]", pt.iter().map(|v| format!("{v:?}")).collect::<Vec<_>>().join(", ")))
        .collect();
    let (lets, names) = arg_builders(f, "z");
    let args = names.join(", ");
    let call = |suffix: &str, extra: &str| {
        let recv = if f.method { "s_." } else { "" };
        let sep = if args.is_empty() || extra.is_empty() { "" } else { ", " };
        format!("{recv}{}{suffix}({args}{sep}{extra})", f.name)
    };
    // Everything the oracle says at a point, in groups compared alike:
    // the value, the gradient and the Hessian's rows, or the value and the
    // Jacobian's rows.
    if f.ret == Ret::F {
        let _ = writeln!(
            out,
            "fn oracle_at(z: &[f64]) -> (Vec<f64>, SVector<f64, {n}>, nalgebra::SMatrix<f64, {n}, {n}>) {{\nlet (v, og, oh) = num_dual::hessian(|d: SVector<Dual2SVec64<{n}>, {n}>| oracle_flat(d.as_slice())[0], &SVector::<f64, {n}>::from_column_slice(z));\n(vec![v], og, oh)\n}}\n\nfn oracle_directional_hvp(z: &[f64], d: &[f64]) -> Vec<f64> {{\n(0..z.len()).map(|i| {{\nlet h: Vec<HyperDual64> = z.iter().zip(d).enumerate().map(|(j, (&x, &dj))| HyperDual64::new(x, if i == j {{ 1.0 }} else {{ 0.0 }}, dj, 0.0)).collect();\noracle_flat(&h)[0].eps1eps2\n}}).collect()\n}}\n\nfn oracle_groups(z: &[f64]) -> Vec<Vec<f64>> {{\nlet (v, og, oh) = oracle_at(z);\nlet mut groups = vec![v, og.as_slice().to_vec()];\ngroups.extend(support::Rows::rows(&oh));\ngroups\n}}\n"
        );
    } else {
        let _ = writeln!(
            out,
            "fn oracle_jacobian(z: &[f64], rows: usize) -> Vec<Vec<f64>> {{\n(0..rows).map(|r| num_dual::gradient(|d: SVector<DualSVec64<{n}>, {n}>| oracle_flat(d.as_slice())[r], &SVector::<f64, {n}>::from_column_slice(z)).1.as_slice().to_vec()).collect()\n}}\n\nfn oracle_groups(z: &[f64]) -> Vec<Vec<f64>> {{\nlet want = oracle_flat::<f64>(z);\nlet mut groups = vec![want.clone()];\ngroups.extend(oracle_jacobian(z, want.len()));\ngroups\n}}\n"
        );
    }
    let mut body = String::new();
    // The oracle first: where its derivatives are not finite (a kink such
    // as atan2 at the origin) it cannot judge matdiff's documented choice.
    if f.ret == Ret::F {
        let _ = writeln!(body, "let (ov, og, oh) = oracle_at(z);");
        let _ = writeln!(body, "if !og.iter().chain(oh.iter()).all(|v| v.is_finite()) {{ continue; }}");
        // The derivative pass must have followed the path of the plain
        // evaluation: num-dual's `powf` is not f64's to the last bit, and a
        // `floor` or a branch at an integer or an edge can then go the other
        // way in one of them.
        let _ = writeln!(body, "if support::compare(\"oracle\", &ov, &want, z).is_err() {{ continue; }}");
    } else {
        let _ = writeln!(body, "let oj = oracle_jacobian(z, want.len());");
        let _ = writeln!(body, "if !oj.iter().flatten().all(|v| v.is_finite()) {{ continue; }}");
    }
    // Where the function is so ill-conditioned that two evaluation orders
    // of one formula differ by more than the tolerance (cos of 1e12, the
    // difference of two huge terms), no comparison can judge matdiff.
    let _ = writeln!(body, "if !support::well_conditioned(z, oracle_groups) {{ continue; }}");
    let _ = writeln!(body, "checked += 1;");
    let _ = writeln!(body, "let value = {};", call("", ""));
    let _ = writeln!(body, "support::compare(\"value\", &support::flat(&value), &want, z)?;");
    if f.ret == Ret::F {
        let _ = writeln!(body, "let (value2, grad) = {};", call("_value_and_grad", ""));
        let _ = writeln!(body, "support::compare(\"value_and_grad value\", &[value2], &want, z)?;");
        let _ = writeln!(body, "let grad2 = {};", call("_grad", ""));
        let _ = writeln!(body, "support::compare(\"gradient\", &support::flat(&grad2), og.as_slice(), z)?;");
        let _ =
            writeln!(body, "support::compare(\"value_and_grad gradient\", &support::flat(&grad), og.as_slice(), z)?;");
        let _ = writeln!(body, "let h = {};", call("_hessian", ""));
        let _ = writeln!(
            body,
            "support::compare_rows(\"hessian\", &support::Rows::rows(&h), &support::Rows::rows(&oh), z)?;"
        );
        let _ = writeln!(body, "let d: Vec<f64> = (0..{n}).map(|i| 0.7 - 0.37 * i as f64).collect();");
        let _ = writeln!(body, "let hv = {};", call("_hvp", &hvp_direction(f)));
        let _ = writeln!(body, "let ohv = oh * SVector::<f64, {n}>::from_column_slice(&d);");
        // H v two ways: the Hessian times v, and the derivative along v of
        // the gradient (what an HVP computes). Where they differ, tangents
        // along v are huge and cancel (x + y - x with |dx| ~ 1e17), and no
        // comparison can judge matdiff's HVP at that point.
        let _ = writeln!(
            body,
            "if support::compare(\"hvp\", &oracle_directional_hvp(z, &d), ohv.as_slice(), z).is_ok() {{\nsupport::compare(\"hvp\", &support::flat(&hv), ohv.as_slice(), z)?;\n}}"
        );
    } else {
        let _ = writeln!(body, "let j = {};", call("_jacobian", ""));
        let _ = writeln!(body, "support::compare_rows(\"jacobian\", &support::Rows::rows(&j), &oj, z)?;");
    }
    let s_let = if f.method { format!("let s_ = P {{ w: {:?} }};", p.self_w) } else { String::new() };
    let _ = writeln!(out, "{CHECK_MARK}");
    let _ = writeln!(
        out,
        "pub fn check() -> Result<usize, String> {{\nlet points: &[&[f64]] = &[{}];\nlet mut checked = 0;\nfor z in points {{\nlet z: &[f64] = z;\nlet want = oracle_flat::<f64>(z);\nif !want.iter().all(|v| v.is_finite()) {{ continue; }}\nif !support::oracle_judges(|| oracle_flat(&support::tracked(z))) {{ continue; }}\n{s_let}\n{}\n{body}}}\nOk(checked)\n}}",
        points.join(", "),
        lets.join("\n")
    );
    out
}

pub const HEADER: &str = "#![allow(warnings, clippy::all)]\nuse crate::support;\nuse matdiff::differentiate;\nuse nalgebra::{DMatrix, DVector, SVector};\nuse num_dual::{Dual2SVec64, DualSVec64, HyperDual64};\n";

/// Marks the start of the oracle half of a program file, so a reproducer
/// can be printed without it.
pub const ORACLE_MARK: &str = "// ---- oracle and checks (not matdiff) ----";

/// Marks the checks, which call the generated functions: an error there is
/// a generated function missing or shaped unlike the README says.
pub const CHECK_MARK: &str = "// ---- checks ----";

/// Marks the copy of the functions without the attribute: an error there
/// is the generator's, not matdiff's.
pub const PLAIN_MARK: &str = "// ---- the same functions without #[differentiate] ----";

/// A whole program file, as the work crate and `regressions/` hold it.
pub fn program_file(p: &Program, title: &str) -> String {
    let md = matdiff_source(p);
    let plain: String = md.lines().filter(|l| *l != "#[differentiate]").map(|l| format!("{l}\n")).collect();
    format!(
        "//! {title}\n{HEADER}\n{md}\n{PLAIN_MARK}\nmod plain {{\nuse super::*;\n{plain}}}\n\n{ORACLE_MARK}\n\n{}",
        harness_source(p)
    )
}
