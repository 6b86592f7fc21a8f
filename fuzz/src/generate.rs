//! Seeded generator of random, well-typed programs over the constructs matdiff supports.

use crate::ast::{Arm, Block, Expr, Func, Iter, Pat, Program, Reduce, Ret, Src, Stmt, Ty};
use crate::rng::Rng;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    Plain,
    Loops,
    Nalgebra,
    /// `loop` (also valued), labelled jumps, `return` in loops, and
    /// iterator pipelines with `filter`, `chain`, `windows` and folds with
    /// `f64::max`/`f64::min`.
    Control,
    All,
}

impl Mode {
    pub fn parse(s: &str) -> Option<Mode> {
        Some(match s {
            "plain" => Mode::Plain,
            "loops" => Mode::Loops,
            "nalgebra" => Mode::Nalgebra,
            "control" => Mode::Control,
            "all" => Mode::All,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug)]
struct Var {
    name: String,
    ty: Ty,
    mutable: bool,
    /// For integers: every value is below this.
    bound: Option<usize>,
}

#[derive(Clone)]
struct Helper {
    name: String,
    params: Vec<Ty>,
    method: bool,
}

struct Gen {
    rng: Rng,
    mode: Mode,
    scope: Vec<Var>,
    fresh: usize,
    /// Inside a loop (`break`/`continue` allowed, `return` not).
    in_loop: bool,
    /// `return` allowed here (not in loops or closures; scalar result).
    can_return: bool,
    helpers: Vec<Helper>,
    method: bool,
    /// Loops may nest this much deeper.
    loop_budget: usize,
    /// Generate no early `return` (see `--avoid return`).
    no_return: bool,
    /// Containers a `for` loop iterates over: writing them in its body would not borrow-check.
    frozen: Vec<String>,
    /// The loops around the statement being generated, innermost last:
    /// label and whether it is a valued `loop`.
    loops: Vec<(Option<String>, bool)>,
    /// The function returns one float and may `return` early.
    fn_returns: bool,
    /// Variables bound to a view (`let n = m.rows(0, 2);`): in plain Rust
    /// they are views, which `matdiff::inv`, `solve` and `logdet` (owned
    /// matrices) do not take.
    views: Vec<String>,
}

fn b(e: Expr) -> Box<Expr> {
    Box::new(e)
}

/// Literals that are exact in binary, so both sides start from the same numbers.
fn lit(rng: &mut Rng) -> f64 {
    (rng.below(33) as f64 - 16.0) * 0.125
}

impl Gen {
    fn name(&mut self, prefix: &str) -> String {
        self.fresh += 1;
        format!("{prefix}{}", self.fresh)
    }

    fn vars(&self, pred: impl Fn(&Var) -> bool) -> Vec<Var> {
        // Later entries shadow earlier ones of the same name.
        let mut out: Vec<Var> = Vec::new();
        for v in self.scope.iter().rev() {
            if !out.iter().any(|o| o.name == v.name) {
                out.push(v.clone());
            }
        }
        out.retain(|v| pred(v));
        out
    }

    fn nalgebra(&self) -> bool {
        matches!(self.mode, Mode::Nalgebra | Mode::All)
    }

    /// The constructs of `Mode::Control` are drawn (rarer in the mix).
    fn control(&self) -> u32 {
        match self.mode {
            Mode::Control => 3,
            Mode::All => 1,
            _ => 0,
        }
    }

    fn loopy(&self) -> u32 {
        match self.mode {
            Mode::Loops | Mode::Control => 6,
            Mode::Plain => 1,
            _ => 3,
        }
    }

    fn float(&mut self, d: usize) -> Expr {
        if d == 0 || self.rng.chance(0.2) {
            return self.float_leaf();
        }
        let elems = self.vars(|v| v.ty.is_elems());
        let nvecs = self.vars(|v| matches!(v.ty, Ty::DVec(_)));
        let nmats = self.vars(|v| matches!(v.ty, Ty::DMat(..)));
        let has_n = !nvecs.is_empty() || !nmats.is_empty();
        let closures = self.vars(|v| matches!(v.ty, Ty::Closure(_)));
        let weights = [
            8,
            1,
            3,
            3,
            2,
            1,
            2,
            1,
            1,
            1,
            1,
            1,
            if d > 1 { 1 } else { 0 },
            if self.helpers.is_empty() { 0 } else { 3 },
            if elems.is_empty() { 0 } else { 3 },
            if has_n { 5 } else { 0 },
            1,
            if elems.is_empty() { 0 } else { 3 * self.control() },
            if closures.is_empty() { 0 } else { 4 },
        ];
        let d1 = d - 1;
        // `return` only in the arms of an `if` or `match` whose value is
        // bound by a `let`: elsewhere matdiff rejects it by design.
        let top = std::mem::replace(&mut self.can_return, false);
        let r = match self.rng.weighted(&weights) {
            0 => {
                let op = *self.rng.pick(&['+', '-', '*', '+']);
                Expr::Bin(op, b(self.float(d1)), b(self.float(d1)))
            }
            1 => Expr::Neg(b(self.float(d1))),
            2 => {
                let m = *self.rng.pick(&["sin", "cos", "tanh", "atan", "asinh", "abs", "floor", "round"]);
                Expr::M0(m, b(self.float(d1)))
            }
            3 => self.guarded(d1),
            4 => {
                let m = *self.rng.pick(&["hypot", "atan2", "min", "max"]);
                Expr::M1(m, b(self.float(d1)), b(self.float(d1)))
            }
            5 => {
                let k = *self.rng.pick(&[2, 3, -1, -2]);
                if k < 0 { Expr::Powi(b(self.positive(d1)), k) } else { Expr::Powi(b(self.float(d1)), k) }
            }
            6 => {
                // Denominators bounded away from zero.
                let den = if self.rng.chance(0.5) {
                    Expr::F(*self.rng.pick(&[2.0, 4.0, 1.5, -0.5]))
                } else {
                    self.positive(d1)
                };
                Expr::Bin('/', b(self.float(d1)), b(den))
            }
            7 => Expr::MulAdd(b(self.float(d1)), b(self.float(d1)), b(self.float(d1))),
            8 => {
                let lo = lit(&mut self.rng).min(0.0) - 0.25;
                Expr::Clamp(b(self.float(d1)), lo, lo + 0.5 + self.rng.unit().round())
            }
            9 => match self.rng.below(3) {
                0 => Expr::Lib("sigmoid", vec![self.float(d1)]),
                1 => Expr::Lib("softplus", vec![self.float(d1)]),
                _ => Expr::Lib("logaddexp", vec![self.float(d1), self.float(d1)]),
            },
            10 => {
                let c = self.cond(d1);
                self.can_return = top;
                let a = self.expr_block(d1);
                let e = self.else_block(d1);
                self.can_return = false;
                Expr::If(b(c), Box::new(a), Box::new(e))
            }
            11 => {
                self.can_return = top;
                let m = self.match_expr(d1);
                self.can_return = false;
                m
            }
            12 => Expr::Block(Box::new(self.expr_block(d1))),
            13 => self.call(d1),
            14 => {
                let c = self.rng.pick(&elems).name.clone();
                match self.rng.below(3) {
                    0 => Expr::Sum(c),
                    1 => {
                        let v = self.name("e");
                        let body = self.closure_body(&v, d1, true);
                        Expr::MapSum(c, v, b(body))
                    }
                    _ => {
                        let (acc, v) = (self.name("acc"), self.name("e"));
                        let init = Expr::F(lit(&mut self.rng));
                        self.scope.push(Var { name: acc.clone(), ty: Ty::F, mutable: false, bound: None });
                        let body = self.closure_body(&v, d1, true);
                        self.scope.pop();
                        Expr::Fold(c, b(init), acc, v, b(body))
                    }
                }
            }
            15 => self.nscalar(d1),
            17 => self.pipeline(d1),
            18 => {
                let closure = self.rng.pick(&closures).clone();
                let Ty::Closure(arity) = closure.ty else { unreachable!() };
                let args = (0..arity).map(|_| self.float(d1)).collect();
                Expr::CallClosure(closure.name, args)
            }
            _ => {
                let n = self.uexpr(d1);
                Expr::ToF(b(n))
            }
        };
        self.can_return = top;
        r
    }

    fn float_leaf(&mut self) -> Expr {
        let floats = self.vars(|v| v.ty == Ty::F);
        let elems = self.vars(|v| v.ty.is_elems() || matches!(v.ty, Ty::DVec(_)));
        let ints = self.vars(|v| v.ty == Ty::U);
        let weights = [
            if floats.is_empty() { 0 } else { 10 },
            2,
            if elems.is_empty() { 0 } else { 3 },
            if ints.is_empty() { 0 } else { 1 },
            if self.method { 1 } else { 0 },
        ];
        match self.rng.weighted(&weights) {
            0 => Expr::Var(self.rng.pick(&floats).name.clone()),
            2 => {
                let c = self.rng.pick(&elems).clone();
                let i = self.index(c.ty.len());
                Expr::Index(c.name, b(i))
            }
            3 => Expr::ToF(b(Expr::Var(self.rng.pick(&ints).name.clone()))),
            4 => Expr::SelfW(0.0),
            _ => Expr::F(lit(&mut self.rng)),
        }
    }

    /// An expression that is at least 0.25.
    fn positive(&mut self, d: usize) -> Expr {
        let e = self.float(d);
        if self.rng.chance(0.5) {
            Expr::Bin('+', b(Expr::Bin('*', b(e.clone()), b(e))), b(Expr::F(1.0)))
        } else {
            Expr::Bin('+', b(Expr::M0("abs", b(e))), b(Expr::F(0.5)))
        }
    }

    /// An expression in [-1, 1].
    fn bounded(&mut self, d: usize) -> Expr {
        let m = *self.rng.pick(&["tanh", "sin", "cos"]);
        Expr::M0(m, b(self.float(d)))
    }

    /// Functions with restricted domains or fast growth, fed arguments that keep them finite.
    fn guarded(&mut self, d: usize) -> Expr {
        match self.rng.below(9) {
            0 => Expr::M0("exp", b(self.bounded(d))),
            1 => {
                let m = *self.rng.pick(&["sinh", "cosh", "exp_m1"]);
                Expr::M0(m, b(self.bounded(d)))
            }
            2 | 3 => Expr::M0("ln", b(self.positive(d))),
            4 => {
                let e = self.float(d);
                Expr::M0("ln_1p", b(Expr::Bin('*', b(e.clone()), b(e))))
            }
            5 => {
                let m = *self.rng.pick(&["sqrt", "cbrt"]);
                Expr::M0(m, b(self.positive(d)))
            }
            6 => Expr::M0("recip", b(self.positive(d))),
            7 => {
                let ex = if self.rng.chance(0.5) {
                    Expr::F(*self.rng.pick(&[0.5, 1.5, -0.5, 2.5]))
                } else {
                    self.bounded(d)
                };
                Expr::M1("powf", b(self.positive(d)), b(ex))
            }
            _ => {
                let m = *self.rng.pick(&["sin", "atan"]);
                Expr::M0(m, b(self.float(d)))
            }
        }
    }

    /// `let q = |p: f64, ..| body;`, whose body reads its parameters and
    /// the immutable floats in scope (a mutable one could not change while
    /// the closure lives).
    fn let_closure(&mut self, d: usize, out: &mut Vec<Stmt>) {
        let arity = self.rng.range(1, 2);
        let params: Vec<String> = (0..arity).map(|_| self.name("p")).collect();
        // Names as they are here (a `let mut` shadowing an argument hides it).
        let mut scope: Vec<Var> = self.vars(|v| !v.mutable && matches!(v.ty, Ty::F | Ty::Closure(_)));
        scope.extend(params.iter().map(|p| Var { name: p.clone(), ty: Ty::F, mutable: false, bound: None }));
        let saved_scope = std::mem::replace(&mut self.scope, scope);
        let saved = (self.can_return, self.in_loop, self.loop_budget);
        (self.can_return, self.in_loop, self.loop_budget) = (false, false, 0);
        let mut body = self.float(d.min(3));
        if !params.iter().any(|p| mentions(&body, p)) {
            body = Expr::Bin('*', b(body), b(Expr::Var(params[0].clone())));
        }
        (self.can_return, self.in_loop, self.loop_budget) = saved;
        self.scope = saved_scope;
        let name = self.name("q");
        out.push(Stmt::LetClosure { name: name.clone(), params, body });
        self.scope.push(Var { name, ty: Ty::Closure(arity), mutable: false, bound: None });
    }

    fn closure_body(&mut self, v: &str, d: usize, outer: bool) -> Expr {
        let saved_scope = if outer { None } else { Some(std::mem::take(&mut self.scope)) };
        let saved = (self.can_return, self.in_loop);
        self.can_return = false;
        self.in_loop = false;
        let saved_helpers = std::mem::take(&mut self.helpers);
        self.scope.push(Var { name: v.to_string(), ty: Ty::F, mutable: false, bound: None });
        let mut e = self.float(d.min(2));
        if !mentions(&e, v) {
            e = Expr::Bin('*', b(e), b(Expr::Var(v.to_string())));
        }
        self.scope.pop();
        self.helpers = saved_helpers;
        (self.can_return, self.in_loop) = saved;
        if let Some(s) = saved_scope {
            self.scope = s;
        }
        e
    }

    /// An iterator pipeline over the containers in scope: elements (maybe
    /// chained) or windows (maybe zipped), an optional `filter` whose
    /// condition reads the items, then a reduction.
    fn pipeline(&mut self, d: usize) -> Expr {
        let elems = self.vars(|v| v.ty.is_elems());
        let x = self.rng.pick(&elems).clone();
        let y = self.rng.pick(&elems).clone();
        let windows = self.rng.chance(0.35);
        let src = if windows {
            let k = self.rng.range(2, 3).min(x.ty.len());
            if self.rng.chance(0.35) && y.ty.len() >= k {
                Src::ZipWindows(x.name, y.name, k)
            } else {
                Src::Windows(x.name, k)
            }
        } else if self.rng.chance(0.3) {
            Src::Chain(x.name, y.name)
        } else {
            Src::Elems(x.name)
        };
        let binders = |g: &mut Gen| -> Vec<String> {
            match src {
                Src::ZipWindows(..) => vec![g.name("a"), g.name("b")],
                Src::Windows(..) => vec![g.name("w")],
                _ => vec![g.name("e")],
            }
        };
        // `count` needs a filter to count anything interesting.
        let count = self.rng.chance(0.15);
        let filter = if count || self.rng.chance(0.6) {
            let names = binders(self);
            let readable = src.readable(&names);
            let c = self.closure_over(&readable, d, None, true);
            Some((names, b(c)))
        } else {
            None
        };
        let red = if count {
            Reduce::Count
        } else {
            let k = self.rng.weighted(&[
                if windows { 0 } else { 2 },
                if windows { 0 } else { 1 },
                3,
                3,
                if matches!(src, Src::Elems(_)) { 2 } else { 0 },
            ]);
            match k {
                0 => Reduce::Sum,
                1 => Reduce::Product,
                2 => {
                    let names = binders(self);
                    let readable = src.readable(&names);
                    Reduce::MapSum(names, b(self.closure_over(&readable, d, None, false)))
                }
                3 => {
                    let names = binders(self);
                    let readable = src.readable(&names);
                    let acc = self.name("acc");
                    let init = Expr::F(lit(&mut self.rng));
                    let body = self.closure_over(&readable, d, Some(&acc), false);
                    Reduce::Fold(b(init), acc, names, b(body))
                }
                _ => {
                    let f = *self.rng.pick(&["max", "min"]);
                    let init = if self.rng.chance(0.4) { None } else { Some(b(self.float(d.min(1)))) };
                    Reduce::FoldFn(init, f)
                }
            }
        };
        let e = Expr::Red(Box::new(src), filter, Box::new(red));
        if count { Expr::ToF(b(e)) } else { e }
    }

    /// A closure body (a float, or a condition for `filter`) that reads at
    /// least one of `readable` (the items, or the entries of windows), and
    /// `acc` for a fold.
    fn closure_over(&mut self, readable: &[String], d: usize, acc: Option<&str>, cond: bool) -> Expr {
        let saved = (self.can_return, self.in_loop, std::mem::take(&mut self.loops));
        self.can_return = false;
        self.in_loop = false;
        let saved_helpers = std::mem::take(&mut self.helpers);
        let mark = self.scope.len();
        for n in readable.iter().map(String::as_str).chain(acc) {
            self.scope.push(Var { name: n.to_string(), ty: Ty::F, mutable: false, bound: None });
        }
        let reads = |e: &Expr| readable.iter().any(|n| mentions(e, n));
        let e = if cond {
            let c = self.cond(d.min(2));
            if reads(&c) {
                c
            } else {
                let v = Expr::Var(self.rng.pick(readable).clone());
                let op = *self.rng.pick(&["<", ">"]);
                Expr::Cmp(op, b(v), b(Expr::F(lit(&mut self.rng) * 0.5)), true)
            }
        } else {
            let mut e = self.float(d.min(2));
            if !reads(&e) {
                e = Expr::Bin('*', b(e), b(Expr::Var(self.rng.pick(readable).clone())));
            }
            if let Some(a) = acc
                && !mentions(&e, a)
            {
                e = Expr::Bin('+', b(Expr::Var(a.to_string())), b(e));
            }
            e
        };
        self.scope.truncate(mark);
        self.helpers = saved_helpers;
        (self.can_return, self.in_loop, self.loops) = saved;
        e
    }

    fn call(&mut self, d: usize) -> Expr {
        let h = self.rng.pick(&self.helpers.clone()).clone();
        let mut args = Vec::new();
        for t in &h.params {
            args.push(match t {
                Ty::F => self.float(d),
                _ => {
                    let fits = self.vars(|v| v.ty == *t || (matches!(*t, Ty::Slice(_)) && v.ty == Ty::Slice(t.len())));
                    match fits.first() {
                        Some(v) => Expr::Var(v.name.clone()),
                        None => return self.float(d),
                    }
                }
            });
        }
        Expr::Call(h.name, h.method, args)
    }

    fn uexpr(&mut self, d: usize) -> Expr {
        let ints = self.vars(|v| v.ty == Ty::U);
        match self.rng.weighted(&[if ints.is_empty() { 0 } else { 4 }, 2, 1, if d > 0 { 1 } else { 0 }]) {
            0 => Expr::Var(self.rng.pick(&ints).name.clone()),
            2 if !ints.is_empty() => {
                Expr::UBin('+', b(Expr::Var(self.rng.pick(&ints).name.clone())), b(Expr::U(self.rng.range(1, 2))))
            }
            3 => {
                let e = self.float(d - 1);
                Expr::ToU(b(e), self.rng.range(2, 4))
            }
            _ => Expr::U(self.rng.range(0, 3)),
        }
    }

    /// An index below `n`.
    fn index(&mut self, n: usize) -> Expr {
        let fits = self.vars(|v| v.ty == Ty::U && v.bound.is_some_and(|bd| bd <= n));
        let ints = self.vars(|v| v.ty == Ty::U);
        // `i + 1` or `i + 2` where that stays below `n`: reads at offsets of
        // a loop index, which matdiff's reverse loops gather in windows.
        let shifted: Vec<(Var, usize)> = (1..=2)
            .flat_map(|c| {
                self.vars(|v| v.ty == Ty::U && v.bound.is_some_and(|bd| bd + c <= n)).into_iter().map(move |v| (v, c))
            })
            .collect();
        let weights = [
            if fits.is_empty() { 0 } else { 5 },
            2,
            if ints.is_empty() { 0 } else { 2 },
            if shifted.is_empty() { 0 } else { 3 },
        ];
        match self.rng.weighted(&weights) {
            0 => Expr::Var(self.rng.pick(&fits).name.clone()),
            3 => {
                let (v, c) = self.rng.pick(&shifted).clone();
                Expr::UBin('+', b(Expr::Var(v.name)), b(Expr::U(c)))
            }
            2 => {
                let i = Expr::Var(self.rng.pick(&ints).name.clone());
                let c = self.rng.range(0, 2);
                let sum = if c == 0 { i } else { Expr::UBin('+', b(i), b(Expr::U(c))) };
                Expr::UBin('%', b(sum), b(Expr::U(n)))
            }
            _ => Expr::U(self.rng.below(n)),
        }
    }

    /// A condition: never with a `return` inside it, which matdiff rejects.
    fn cond(&mut self, d: usize) -> Expr {
        let top = std::mem::replace(&mut self.can_return, false);
        let c = self.cond_inner(d);
        self.can_return = top;
        c
    }

    fn cond_inner(&mut self, d: usize) -> Expr {
        let ints = self.vars(|v| v.ty == Ty::U);
        match self.rng.weighted(&[6, if ints.is_empty() { 0 } else { 2 }, if d > 0 { 1 } else { 0 }, 1]) {
            1 => {
                let op = *self.rng.pick(&["<", ">", "==", "!="]);
                let i = Expr::Var(self.rng.pick(&ints).name.clone());
                Expr::Cmp(op, b(i), b(Expr::U(self.rng.range(0, 3))), false)
            }
            2 => {
                let op = *self.rng.pick(&["&&", "||"]);
                Expr::Logic(op, b(self.cond(d - 1)), b(self.cond(d - 1)))
            }
            3 => Expr::Not(b(self.cond(d.saturating_sub(1)))),
            _ => {
                let op = *self.rng.pick(&["<", ">", "<=", ">="]);
                let l = self.float(d.min(2));
                let r = if self.rng.chance(0.5) { Expr::F(lit(&mut self.rng) * 0.5) } else { self.float(d.min(1)) };
                Expr::Cmp(op, b(l), b(r), true)
            }
        }
    }

    /// A block valued by a float: some `let`s, then a tail.
    fn expr_block(&mut self, d: usize) -> Block {
        let mark = self.scope.len();
        let mut stmts = Vec::new();
        for _ in 0..self.rng.below(3) {
            let name = self.name("t");
            let init = self.float(d);
            stmts.push(Stmt::Let { name: name.clone(), mutable: false, ty: Ty::F, init });
            self.scope.push(Var { name, ty: Ty::F, mutable: false, bound: None });
        }
        let tail = if self.can_return && self.rng.chance(0.12) {
            self.can_return = false;
            let value = self.float(d);
            self.can_return = true;
            stmts.push(Stmt::Return(value));
            None
        } else if self.rng.chance(0.2) {
            Some(Expr::F(lit(&mut self.rng)))
        } else {
            Some(self.float(d))
        };
        self.scope.truncate(mark);
        Block { stmts, tail }
    }

    fn else_block(&mut self, d: usize) -> Block {
        if d > 0 && self.rng.chance(0.3) {
            let c = self.cond(d - 1);
            let a = self.expr_block(d - 1);
            let e = self.else_block(d - 1);
            Block { stmts: vec![], tail: Some(Expr::If(b(c), Box::new(a), Box::new(e))) }
        } else {
            self.expr_block(d)
        }
    }

    fn match_expr(&mut self, d: usize) -> Expr {
        let float = self.rng.chance(0.6);
        let top = std::mem::replace(&mut self.can_return, false);
        let scrut = if float { self.float(d) } else { self.uexpr(d) };
        self.can_return = top;
        let mut arms = Vec::new();
        let mut lo = -1.0;
        for _ in 0..self.rng.range(1, 3) {
            let pat = if float {
                let hi = lo + 0.25 + self.rng.below(4) as f64 * 0.25;
                let p = match self.rng.below(4) {
                    0 if arms.is_empty() => Pat::RangeF(None, Some(hi)),
                    1 => Pat::F(lo),
                    _ => Pat::RangeF(Some(lo), Some(hi)),
                };
                lo = hi + 0.125;
                p
            } else {
                match self.rng.below(2) {
                    0 => Pat::U(self.rng.range(0, 3)),
                    _ => Pat::RangeU(1, self.rng.range(1, 4)),
                }
            };
            let body = self.expr_block(d);
            arms.push(Arm { pat, guard: None, body });
        }
        if self.rng.chance(0.4) {
            // A guard arm; with a binding it sees the scrutinee's value.
            let bind = self.rng.chance(0.6);
            let mark = self.scope.len();
            let pat = if bind {
                let v = self.name("m");
                self.scope.push(Var {
                    name: v.clone(),
                    ty: if float { Ty::F } else { Ty::U },
                    mutable: false,
                    bound: None,
                });
                Pat::Bind(v)
            } else {
                Pat::Wild
            };
            let guard = if bind {
                let Pat::Bind(v) = &pat else { unreachable!() };
                let rhs = if float { Expr::F(lit(&mut self.rng) * 0.5) } else { Expr::U(self.rng.range(0, 3)) };
                let op = *self.rng.pick(&["<", ">"]);
                Expr::Cmp(op, b(Expr::Var(v.clone())), b(rhs), float)
            } else {
                self.cond(d.min(1))
            };
            let body = self.expr_block(d);
            self.scope.truncate(mark);
            arms.push(Arm { pat, guard: Some(guard), body });
        }
        let mark = self.scope.len();
        let pat = if self.rng.chance(0.4) {
            let v = self.name("m");
            self.scope.push(Var {
                name: v.clone(),
                ty: if float { Ty::F } else { Ty::U },
                mutable: false,
                bound: None,
            });
            Pat::Bind(v)
        } else {
            Pat::Wild
        };
        let body = self.expr_block(d);
        self.scope.truncate(mark);
        arms.push(Arm { pat, guard: None, body });
        Expr::Match(b(scrut), float, arms)
    }

    // ---- nalgebra ----

    fn nscalar(&mut self, d: usize) -> Expr {
        let nvecs = self.vars(|v| matches!(v.ty, Ty::DVec(_)));
        let nmats = self.vars(|v| matches!(v.ty, Ty::DMat(..)));
        let wv = if nvecs.is_empty() { 0 } else { 1 };
        let wm = if nmats.is_empty() { 0 } else { 1 };
        match self.rng.weighted(&[3 * wv, 2 * wv, 2 * wv, 2 * wm, 2 * wm, 2 * wm]) {
            0 => {
                let n = self.rng.pick(&nvecs).ty.len();
                let a = self.nvec(d, n);
                let c = self.nvec(d, n);
                Expr::NM1("dot", b(a), b(c))
            }
            1 => {
                let n = self.rng.pick(&nvecs).ty.len();
                let m = *self.rng.pick(&["norm", "norm_squared", "sum"]);
                Expr::NM0(m, b(self.nvec(d, n)))
            }
            2 => {
                let v = self.rng.pick(&nvecs).clone();
                let i = self.index(v.ty.len());
                Expr::Index(v.name, b(i))
            }
            3 => {
                let n = self.square(&nmats);
                Expr::Logdet(b(self.wellcond(d, n)))
            }
            4 => {
                let m = self.rng.pick(&nmats).clone();
                let Ty::DMat(r, c) = m.ty else { unreachable!() };
                let (i, j) = (self.index(r), self.index(c));
                Expr::Index2(m.name, b(i), b(j))
            }
            _ => {
                let n = self.square(&nmats);
                let m = *self.rng.pick(&["sum", "norm_squared", "norm"]);
                Expr::NM0(m, b(self.nmat(d, n)))
            }
        }
    }

    fn square(&mut self, mats: &[Var]) -> usize {
        match self.rng.pick(mats).ty {
            Ty::DMat(r, _) => r,
            _ => 2,
        }
    }

    fn nvec(&mut self, d: usize, n: usize) -> Expr {
        let vars = self.vars(|v| v.ty == Ty::DVec(n));
        let has_mat = !self.vars(|v| v.ty == Ty::DMat(n, n)).is_empty();
        if d == 0 || vars.is_empty() && !has_mat {
            // Callers only ask for sizes that some vector in scope has.
            return Expr::Var(vars.first().map(|v| v.name.clone()).unwrap_or_else(|| "v0".into()));
        }
        let d1 = d - 1;
        match self.rng.weighted(&[
            if vars.is_empty() { 0 } else { 4 },
            2,
            if has_mat { 3 } else { 0 },
            2,
            1,
            1,
            if has_mat { 1 } else { 0 },
            if has_mat { 2 } else { 0 },
            1,
        ]) {
            0 => Expr::Var(self.rng.pick(&vars).name.clone()),
            8 => {
                // Methods matdiff lowers as their definitions.
                let m = *self.rng.pick(&["normalize", "abs"]);
                Expr::NM0(m, b(self.nvec(d1, n)))
            }
            1 => {
                let op = *self.rng.pick(&['+', '-']);
                Expr::NBin(op, b(self.nvec(d1, n)), Ty::DVec(n), b(self.nvec(d1, n)), Ty::DVec(n))
            }
            2 => Expr::NBin('*', b(self.nmat(d1, n)), Ty::DMat(n, n), b(self.nvec(d1, n)), Ty::DVec(n)),
            3 => Expr::NScale(b(self.nvec(d1, n)), b(self.float(d1.min(1)))),
            4 => Expr::NM1("component_mul", b(self.nvec(d1, n)), b(self.nvec(d1, n))),
            5 => {
                let v = self.name("c");
                let body = self.closure_body(&v, 1, false);
                Expr::NMap(b(self.nvec(d1, n)), v, b(body))
            }
            6 => {
                let rhs = self.nvec(d1, n);
                Expr::Solve(b(self.wellcond(d1, n)), b(self.owned(rhs)))
            }
            _ => {
                let k = self.rng.below(n);
                let call =
                    if self.rng.below(2) == 0 { format!("column({k})") } else { format!("row({k}).transpose()") };
                // Of a variable: a view of a temporary cannot be bound by a `let`.
                Expr::NView(call, b(self.nmat_var(n)))
            }
        }
    }

    fn nmat_var(&mut self, n: usize) -> Expr {
        let vars = self.vars(|v| v.ty == Ty::DMat(n, n));
        Expr::Var(self.rng.pick(&vars).name.clone())
    }

    fn nmat(&mut self, d: usize, n: usize) -> Expr {
        if d == 0 {
            return self.nmat_var(n);
        }
        let d1 = d - 1;
        match self.rng.weighted(&[4, 2, 2, 2, 1, 1, 1, 1]) {
            1 => {
                let op = *self.rng.pick(&['+', '-']);
                Expr::NBin(op, b(self.nmat(d1, n)), Ty::DMat(n, n), b(self.nmat(d1, n)), Ty::DMat(n, n))
            }
            2 => Expr::NBin('*', b(self.nmat(d1, n)), Ty::DMat(n, n), b(self.nmat(d1, n)), Ty::DMat(n, n)),
            3 => Expr::NM0("transpose", b(self.nmat(d1, n))),
            4 => Expr::NScale(b(self.nmat(d1, n)), b(self.float(d1.min(1)))),
            5 => Expr::Inv(b(self.wellcond(d1, n))),
            6 => {
                let v = self.name("c");
                let body = self.closure_body(&v, 1, false);
                Expr::NMap(b(self.nmat(d1, n)), v, b(body))
            }
            7 => {
                let call = self
                    .rng
                    .pick(&["view((0, 0), (N, N))", "columns(0, N)", "rows(0, N)"])
                    .replace('N', &n.to_string());
                // Of a variable: a view of a temporary cannot be bound by a `let`.
                Expr::NView(call, b(self.nmat_var(n)))
            }
            _ => self.nmat_var(n),
        }
    }

    /// A matrix near a multiple of the identity (the matrix arguments are
    /// drawn that way), so `inv`, `solve` and `logdet` stay finite.
    fn wellcond(&mut self, d: usize, n: usize) -> Expr {
        if d == 0 {
            return self.owned_nmat_var(n);
        }
        match self.rng.below(5) {
            0 => {
                Expr::NBin('+', b(self.wellcond(d - 1, n)), Ty::DMat(n, n), b(self.wellcond(d - 1, n)), Ty::DMat(n, n))
            }
            1 => Expr::NScale(b(self.wellcond(d - 1, n)), b(Expr::F(*self.rng.pick(&[0.5, 1.5, 2.0])))),
            2 => Expr::NM0("transpose", b(self.wellcond(d - 1, n))),
            _ => self.owned_nmat_var(n),
        }
    }

    /// `e`, or its owned copy where it is a view or a variable bound to
    /// one: `matdiff::solve` takes owned vectors.
    fn owned(&self, e: Expr) -> Expr {
        let view = match &e {
            Expr::NView(..) => true,
            Expr::Var(name) => self.views.contains(name),
            _ => false,
        };
        if view { Expr::NM0("into_owned", b(e)) } else { e }
    }

    /// A matrix variable that is not a view (see `views`), or, if there
    /// is none, the view's owned copy.
    fn owned_nmat_var(&mut self, n: usize) -> Expr {
        let views = self.views.clone();
        let owned = self.vars(|v| v.ty == Ty::DMat(n, n) && !views.contains(&v.name));
        if owned.is_empty() {
            Expr::NM0("into_owned", b(self.nmat_var(n)))
        } else {
            Expr::Var(self.rng.pick(&owned).name.clone())
        }
    }

    // ---- statements ----

    fn stmts(&mut self, d: usize, count: usize, out: &mut Vec<Stmt>) {
        for _ in 0..count {
            self.stmt(d, out);
        }
    }

    fn stmt(&mut self, d: usize, out: &mut Vec<Stmt>) {
        let muts = self.vars(|v| v.mutable && v.ty == Ty::F);
        let frozen = self.frozen.clone();
        let writable =
            self.vars(|v| v.mutable && matches!(v.ty, Ty::LocalVec(_) | Ty::LocalArr(_)) && !frozen.contains(&v.name));
        let l = self.loopy();
        let loops = if self.loop_budget > 0 { l } else { 0 };
        let nvec_sizes: Vec<usize> =
            self.vars(|v| matches!(v.ty, Ty::DVec(_) | Ty::DMat(..))).iter().map(|v| v.ty.len()).collect();
        let weights = [
            6,
            if muts.is_empty() { 0 } else { 5 },
            if writable.is_empty() { 0 } else { 3 },
            2,
            loops * 2,
            loops,
            if self.in_loop { 2 } else { 0 },
            if self.can_return { 2 } else { 0 },
            l.min(loops),
            if nvec_sizes.is_empty() { 0 } else { 2 },
            if self.loop_budget > 0 { 2 * self.control() } else { 0 },
            if self.loop_budget > 0 { self.control() } else { 0 },
            1 + self.control(),
        ];
        let top = std::mem::replace(&mut self.can_return, false);
        match self.rng.weighted(&weights) {
            0 => {
                let shadow = self.vars(|v| v.ty == Ty::F && !v.mutable);
                let name = if !shadow.is_empty() && self.rng.chance(0.2) {
                    self.rng.pick(&shadow).name.clone()
                } else {
                    self.name("t")
                };
                self.can_return = top;
                let init = self.float(d);
                self.can_return = false;
                let mutable = self.rng.chance(0.4);
                out.push(Stmt::Let { name: name.clone(), mutable, ty: Ty::F, init });
                self.scope.push(Var { name, ty: Ty::F, mutable, bound: None });
            }
            1 if muts.len() >= 2 && self.rng.chance(0.25) => {
                // Two or three variables at once, some taking another's
                // value: swaps and rotations.
                let mut names: Vec<String> = Vec::new();
                let count = if muts.len() >= 3 && self.rng.chance(0.3) { 3 } else { 2 };
                while names.len() < count {
                    let name = self.rng.pick(&muts).name.clone();
                    if !names.contains(&name) {
                        names.push(name);
                    }
                }
                let values =
                    (0..count)
                        .map(|_| {
                            if self.rng.chance(0.6) { Expr::Var(self.rng.pick(&names).clone()) } else { self.float(d) }
                        })
                        .collect();
                out.push(Stmt::AssignTuple { names, values });
            }
            1 => {
                let name = self.rng.pick(&muts).name.clone();
                let (op, value) = self.update(d);
                out.push(Stmt::Assign { name, op, value });
            }
            2 => {
                let v = self.rng.pick(&writable).clone();
                let index = self.index(v.ty.len());
                let (op, value) = self.update(d);
                out.push(Stmt::IndexAssign { name: v.name, index, op, value });
            }
            3 => {
                let c = self.cond(d.min(2));
                self.can_return = top;
                let k = self.rng.range(1, 2);
                let a = self.stmt_block(d, k);
                let k = self.rng.range(1, 2);
                let e = if self.rng.chance(0.5) { Some(self.stmt_block(d, k)) } else { None };
                self.can_return = false;
                out.push(Stmt::If(c, a, e));
            }
            4 => self.for_loop(d, out),
            5 => self.while_loop(d, out),
            6 => {
                let c = self.cond(d.min(1));
                let s = self.jump(d);
                out.push(Stmt::If(c, Block { stmts: vec![s], tail: None }, None));
            }
            10 => self.loop_stmt(d, out, false),
            11 => self.loop_stmt(d, out, true),
            12 => self.let_closure(d, out),
            7 if top => {
                let c = self.cond(d.min(1));
                let e = self.float(d);
                out.push(Stmt::If(c, Block { stmts: vec![Stmt::Return(e)], tail: None }, None));
            }
            8 => {
                let n = self.rng.range(2, 4);
                let name = self.name("w");
                let ty = if self.rng.chance(0.5) { Ty::LocalVec(n) } else { Ty::LocalArr(n) };
                // A `Vec` may start as a copy of a container of its length
                // (`x.to_vec()`).
                let sources = self.vars(|v| v.ty.is_elems() && v.ty.len() == n);
                let init = if ty == Ty::LocalVec(n) && !sources.is_empty() && self.rng.chance(0.4) {
                    Expr::Var(self.rng.pick(&sources).name.clone())
                } else {
                    Expr::F(0.0)
                };
                out.push(Stmt::Let { name: name.clone(), mutable: true, ty, init });
                self.scope.push(Var { name, ty, mutable: true, bound: None });
            }
            _ => {
                let v = self.vars(|v| matches!(v.ty, Ty::DVec(_) | Ty::DMat(..)));
                let ty = self.rng.pick(&v).ty;
                let init = match ty {
                    Ty::DVec(n) => self.nvec(d.min(3), n),
                    Ty::DMat(n, _) => self.nmat(d.min(3), n),
                    _ => unreachable!(),
                };
                let name = self.name("n");
                if matches!(init, Expr::NView(..)) {
                    self.views.push(name.clone());
                }
                out.push(Stmt::Let { name: name.clone(), mutable: false, ty, init });
                self.scope.push(Var { name, ty, mutable: false, bound: None });
            }
        }
        self.can_return = top;
    }

    /// The operator and value of an assignment, kept from growing without bound.
    fn update(&mut self, d: usize) -> (Option<char>, Expr) {
        match self.rng.weighted(&[2, 5, 2, 2, 1]) {
            0 => (None, self.float(d)),
            1 => (Some('+'), self.float(d)),
            2 => (Some('-'), self.float(d)),
            3 => {
                let e = self.bounded(d);
                (Some('*'), Expr::Bin('+', b(Expr::Bin('*', b(e), b(Expr::F(0.5)))), b(Expr::F(1.0))))
            }
            _ => (Some('/'), self.positive(d)),
        }
    }

    fn stmt_block(&mut self, d: usize, count: usize) -> Block {
        let mark = self.scope.len();
        let mut stmts = Vec::new();
        self.stmts(d.saturating_sub(1).max(1), count, &mut stmts);
        self.scope.truncate(mark);
        Block { stmts, tail: None }
    }

    fn accumulator(&mut self, d: usize, out: &mut Vec<Stmt>) {
        if self.vars(|v| v.mutable && v.ty == Ty::F).is_empty() || self.rng.chance(0.4) {
            let name = self.name("s");
            let init = if self.rng.chance(0.5) { Expr::F(lit(&mut self.rng)) } else { self.float(d.min(2)) };
            out.push(Stmt::Let { name: name.clone(), mutable: true, ty: Ty::F, init });
            self.scope.push(Var { name, ty: Ty::F, mutable: true, bound: None });
        }
    }

    /// A `break` or `continue`, maybe to a label, with a value out of a
    /// valued `loop` (only the innermost loop: a value out of an inner loop
    /// is a documented compile error).
    fn jump(&mut self, d: usize) -> Stmt {
        let Some((own_label, valued)) = self.loops.last().cloned() else { return Stmt::Break };
        let labelled: Vec<(usize, String, bool)> =
            self.loops.iter().enumerate().filter_map(|(i, (l, v))| l.clone().map(|l| (i, l, *v))).collect();
        let brk = self.rng.chance(0.5);
        if !labelled.is_empty() && self.rng.chance(0.5) {
            let (i, l, v) = self.rng.pick(&labelled).clone();
            let innermost = i + 1 == self.loops.len();
            return match (brk, v) {
                (true, false) => Stmt::BreakTo(l),
                (true, true) if innermost => Stmt::BreakValue(Some(l), self.float(d)),
                _ => Stmt::ContinueTo(l),
            };
        }
        match (brk, valued) {
            (true, false) => Stmt::Break,
            (true, true) => {
                let e = self.float(d);
                Stmt::BreakValue(if self.rng.chance(0.3) { own_label } else { None }, e)
            }
            _ => Stmt::Continue,
        }
    }

    /// A label for a loop about to be generated, in the modes that draw them.
    fn label(&mut self) -> Option<String> {
        if self.control() > 0 && self.rng.chance(0.4) { Some(self.name("'l")) } else { None }
    }

    /// `loop` with a counter that always ends it, as a statement or as the
    /// value of a `let`.
    fn loop_stmt(&mut self, d: usize, out: &mut Vec<Stmt>, valued: bool) {
        if !valued {
            self.accumulator(d, out);
        }
        let counter = self.name("k");
        let limit = self.rng.range(1, 5);
        let label = self.label();
        let mark = self.scope.len();
        // The value at the counter's `break` sees the counter one past the limit.
        self.scope.push(Var { name: counter.clone(), ty: Ty::U, mutable: false, bound: Some(limit + 2) });
        let last = if valued { self.float(d.min(2)) } else { Expr::F(0.0) };
        self.scope.last_mut().expect("the counter was pushed").bound = Some(limit + 1);
        self.loops.push((label.clone(), valued));
        let body = self.loop_body(d);
        self.loops.pop();
        self.scope.truncate(mark);
        if valued {
            let name = self.name("t");
            out.push(Stmt::LetLoop { name: name.clone(), label, counter, limit, last, body });
            self.scope.push(Var { name, ty: Ty::F, mutable: false, bound: None });
        } else {
            out.push(Stmt::Loop { label, counter, limit, body });
        }
    }

    fn loop_body(&mut self, d: usize) -> Block {
        let saved = (self.in_loop, self.can_return);
        self.in_loop = true;
        // `return` inside loops: only where the macro carries it out
        // (functions returning one float), and only in the modes that draw
        // the new control flow.
        self.can_return = self.fn_returns && self.control() > 0 && self.rng.chance(0.5);
        self.loop_budget -= 1;
        let k = self.rng.range(1, 3);
        let b = self.stmt_block(d, k);
        self.loop_budget += 1;
        (self.in_loop, self.can_return) = saved;
        b
    }

    fn for_loop(&mut self, d: usize, out: &mut Vec<Stmt>) {
        self.accumulator(d, out);
        let elems = self.vars(|v| v.ty.is_elems());
        let mark = self.scope.len();
        let kind = self.rng.weighted(&[
            5,
            if elems.is_empty() { 0 } else { 2 },
            if elems.is_empty() { 0 } else { 2 },
            if elems.len() < 2 { 0 } else { 1 },
        ]);
        let (vars, iter) = match kind {
            1 | 2 if self.control() > 0 && self.rng.chance(0.4) => {
                // A filtered loop: the condition reads the element, and the
                // index when enumerated.
                let c = self.rng.pick(&elems).clone();
                let bv = self.name("e");
                let mut binders = vec![bv.clone()];
                let mut idx = None;
                if kind == 2 {
                    let bi = self.name("j");
                    idx = Some((bi.clone(), c.ty.len()));
                    binders.insert(0, bi);
                }
                // The filter's closure borrows what it reads for the whole
                // loop, so it reads no variable the body may write (nor one
                // that a mutable one shadows).
                let saved = self.scope.clone();
                let written: Vec<String> = self.vars(|v| v.mutable).into_iter().map(|v| v.name).collect();
                self.scope.retain(|v| !written.contains(&v.name));
                if let Some((bi, n)) = &idx {
                    self.scope.push(Var { name: bi.clone(), ty: Ty::U, mutable: false, bound: Some(*n) });
                }
                let cond = self.closure_over(std::slice::from_ref(&bv), d, None, true);
                self.scope = saved;
                let e = self.name("e");
                self.scope.push(Var { name: e.clone(), ty: Ty::F, mutable: false, bound: None });
                let mut vars = vec![e];
                if kind == 2 {
                    let i = self.name("i");
                    self.scope.push(Var { name: i.clone(), ty: Ty::U, mutable: false, bound: Some(c.ty.len()) });
                    vars.insert(0, i);
                }
                (vars, Iter::Filter { x: c.name, binders, cond: b(cond) })
            }
            1 | 2 => {
                let c = self.rng.pick(&elems).clone();
                let e = self.name("e");
                self.scope.push(Var { name: e.clone(), ty: Ty::F, mutable: false, bound: None });
                if kind == 1 {
                    (vec![e], Iter::Elems(c.name))
                } else {
                    let i = self.name("i");
                    self.scope.push(Var { name: i.clone(), ty: Ty::U, mutable: false, bound: Some(c.ty.len()) });
                    (vec![i, e], Iter::Enumerate(c.name))
                }
            }
            3 => {
                let a = self.rng.pick(&elems).name.clone();
                let c = self.rng.pick(&elems).name.clone();
                let (p, q) = (self.name("e"), self.name("e"));
                for n in [&p, &q] {
                    self.scope.push(Var { name: n.clone(), ty: Ty::F, mutable: false, bound: None });
                }
                (vec![p, q], Iter::Zip(a, c))
            }
            _ => {
                let sized = self.vars(|v| v.ty.is_elems());
                let (hi, bound) = match self.rng.below(4) {
                    0 if !sized.is_empty() => {
                        // Sometimes short of the end, so that the body can
                        // read ahead of its index (`x[i + 1]`).
                        let len = self.rng.pick(&sized).ty.len();
                        let short =
                            if self.rng.chance(0.4) { self.rng.range(1, 2).min(len.saturating_sub(1)) } else { 0 };
                        let n = len - short;
                        (Expr::U(n), Some(n))
                    }
                    1 => {
                        // A trip count that depends on the values.
                        let e = self.float(d.min(2));
                        (Expr::ToU(b(e), 4), Some(4))
                    }
                    _ => {
                        let n = self.rng.range(1, 4);
                        (Expr::U(n), Some(n))
                    }
                };
                let inclusive = self.rng.chance(0.15);
                let bound = bound.map(|x| if inclusive { x + 1 } else { x });
                let rev = self.rng.chance(0.25);
                let step = if !rev && self.rng.chance(0.2) { 2 } else { 1 };
                let lo = Expr::U(if self.rng.chance(0.8) { 0 } else { 1 });
                let i = self.name("i");
                self.scope.push(Var { name: i.clone(), ty: Ty::U, mutable: false, bound });
                (vec![i], Iter::Range { lo, hi, inclusive, rev, step })
            }
        };
        let frozen = self.frozen.len();
        match &iter {
            Iter::Elems(x) | Iter::Enumerate(x) | Iter::Filter { x, .. } => self.frozen.push(x.clone()),
            Iter::Zip(x, y) => self.frozen.extend([x.clone(), y.clone()]),
            Iter::Range { .. } => {}
        }
        let label = self.label();
        self.loops.push((label.clone(), false));
        let body = self.loop_body(d);
        self.loops.pop();
        self.frozen.truncate(frozen);
        self.scope.truncate(mark);
        out.push(Stmt::For { label, vars, iter, body });
    }

    fn while_loop(&mut self, d: usize, out: &mut Vec<Stmt>) {
        self.accumulator(d, out);
        let counter = self.name("k");
        let limit = self.rng.range(2, 6);
        let cond = self.cond(d.min(1));
        let mark = self.scope.len();
        self.scope.push(Var { name: counter.clone(), ty: Ty::U, mutable: false, bound: Some(limit + 1) });
        let label = self.label();
        self.loops.push((label.clone(), false));
        let body = self.loop_body(d);
        self.loops.pop();
        self.scope.truncate(mark);
        out.push(Stmt::While { label, counter, limit, cond, body });
    }

    /// A tail that reads the most recent floats, so little of the body is dead.
    fn tail(&mut self, d: usize) -> Expr {
        let floats = self.vars(|v| v.ty == Ty::F);
        let mut e = self.float(d);
        for v in floats.iter().take(3) {
            let op = *self.rng.pick(&['+', '*', '-']);
            e = Expr::Bin(op, b(e), b(Expr::Var(v.name.clone())));
        }
        e
    }

    fn func(&mut self, name: String, params: Vec<(String, Ty)>, ret: Ret, method: bool, size: usize) -> Func {
        self.scope = params.iter().map(|(n, t)| Var { name: n.clone(), ty: *t, mutable: false, bound: None }).collect();
        self.can_return = ret == Ret::F && !self.no_return;
        self.fn_returns = self.can_return;
        self.loops.clear();
        self.in_loop = false;
        // Deeper nests in the control mode, for jumps across several loops.
        self.loop_budget = if self.mode == Mode::Control { 3 } else { 2 };
        let d = self.rng.range(2, 3);
        let mut stmts = Vec::new();
        self.stmts(d, size, &mut stmts);
        self.can_return = false;
        let tail = match ret {
            Ret::F => self.tail(d),
            Ret::Arr(m) | Ret::Vec(m) => {
                let items = (0..m).map(|_| self.tail(d.min(2))).collect();
                Expr::List(matches!(ret, Ret::Vec(_)), items)
            }
            Ret::DVec(n) => {
                let v = self.nvec(d, n);
                Expr::NScale(b(v), b(self.tail(1)))
            }
        };
        Func { name, params, ret, body: Block { stmts, tail: Some(tail) }, method }
    }
}

fn mentions(e: &Expr, v: &str) -> bool {
    format!("{e:?}").contains(&format!("Var(\"{v}\")"))
}

/// The program of one seed.
/// With `no_return`, no early `return` is generated (a switch for while a
/// bug class of `return` drowns the others).
pub fn program(seed: u64, mode: Mode, no_return: bool) -> Program {
    let mut rng = Rng::new(seed);
    let mode = if mode == Mode::All {
        *rng.pick(&[Mode::Plain, Mode::Loops, Mode::Nalgebra, Mode::Control, Mode::All])
    } else {
        mode
    };
    let mut g = Gen {
        rng,
        mode,
        scope: vec![],
        fresh: 0,
        in_loop: false,
        can_return: true,
        helpers: vec![],
        method: false,
        loop_budget: 2,
        frozen: vec![],
        no_return,
        loops: vec![],
        fn_returns: false,
        views: vec![],
    };
    let method = g.rng.chance(0.15);
    g.method = method;
    let mut funcs = Vec::new();
    if g.rng.chance(0.3) {
        let mut params = vec![("p".to_string(), Ty::F)];
        if g.rng.chance(0.5) {
            params.push(("q".to_string(), Ty::F));
        }
        let k = g.rng.range(0, 2);
        let h = g.func("h".into(), params.clone(), Ret::F, method, k);
        g.helpers.push(Helper { name: "h".into(), params: params.iter().map(|p| p.1).collect(), method });
        funcs.push(h);
    }
    let mut params = Vec::new();
    let nalg = g.nalgebra() && (mode == Mode::Nalgebra || g.rng.chance(0.5));
    // A loop program without scalars differentiates its slice alone, whose
    // Hessian's band the macro may read from the loops' index offsets.
    let scalars =
        if nalg || matches!(mode, Mode::Loops | Mode::Control) { g.rng.range(0, 2) } else { g.rng.range(1, 3) };
    for i in 0..scalars {
        params.push((format!("x{i}"), Ty::F));
    }
    let mut vec_len = None;
    if nalg {
        let n = g.rng.range(2, 3);
        vec_len = Some(n);
        let kind = g.rng.below(3);
        if kind != 1 {
            params.push(("v0".into(), Ty::DVec(n)));
        }
        if kind != 0 {
            params.push(("m0".into(), Ty::DMat(n, n)));
        }
    } else if mode != Mode::Plain || g.rng.chance(0.3) {
        let n = g.rng.range(2, 4);
        params.push(("s0".into(), if g.rng.chance(0.5) { Ty::Slice(n) } else { Ty::Arr(n) }));
        // A second container to chain or zip with.
        if mode == Mode::Control && g.rng.chance(0.5) {
            let n = g.rng.range(2, 4);
            params.push(("s1".into(), if g.rng.chance(0.5) { Ty::Slice(n) } else { Ty::Arr(n) }));
        }
    }
    let ret = match g.rng.below(8) {
        0 => Ret::Arr(g.rng.range(1, 3)),
        1 => Ret::Vec(g.rng.range(1, 3)),
        2 if params.iter().any(|p| matches!(p.1, Ty::DVec(_))) => Ret::DVec(vec_len.unwrap_or(2)),
        _ => Ret::F,
    };
    let size = g.rng.range(1, 7);
    let f = g.func("f".into(), params.clone(), ret, method, size);
    funcs.push(f);
    let mut points = Vec::new();
    for _ in 0..2 {
        let mut pt = Vec::new();
        for (_, t) in &params {
            match t {
                Ty::DMat(r, c) => {
                    for j in 0..*c {
                        for i in 0..*r {
                            let noise = (g.rng.unit() - 0.5) * 0.6;
                            pt.push(round3(if i == j { 2.0 + noise } else { noise }));
                        }
                    }
                }
                t => {
                    for _ in 0..t.len() {
                        pt.push(round3((g.rng.unit() - 0.5) * 3.0));
                    }
                }
            }
        }
        points.push(pt);
    }
    let self_w = round3(g.rng.unit() + 0.25);
    fill_self_w(&mut funcs, self_w);
    Program { funcs, points, self_w }
}

/// `v` with three decimals, moved off the grid of the generator's
/// literals (multiples of 1/16) and off 0 by 0.0003: a point exactly on a
/// kink (`abs` at 0, a comparison with a literal) tests a documented
/// choice, not a derivative.
fn round3(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0 + 0.0003
}

fn fill_self_w(funcs: &mut [Func], w: f64) {
    for f in funcs {
        crate::shrink::visit_exprs_mut(&mut f.body, &mut |e| {
            if let Expr::SelfW(v) = e {
                *v = w;
            }
        });
    }
}
