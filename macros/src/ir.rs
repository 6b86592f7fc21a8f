//! The intermediate representation: structured code in which every value is
//! assigned once and every primitive operation is one statement.
//!
//! The same language holds the forward function, the gradient program the
//! reverse pass builds from it, and the tangent program the forward pass
//! builds from that; so each pass is a function from programs to programs,
//! and the emitter is the only place that knows Rust syntax.

use matdiff_table::Primitive;
use proc_macro2::{Ident, Span, TokenStream};

/// A value: an index into [`Vars`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Var(pub u32);

/// What the passes know of a value.
#[derive(Clone)]
pub struct VarData {
    /// The name it is emitted under, unique in the generated function.
    pub ident: Ident,
    /// Whether it depends on a differentiated input (forward activity).
    pub varied: bool,
    /// Whether it is bound with `let mut` (user code mutates it in place).
    pub mutable: bool,
    /// Whether it is an array (slice, `Vec` or `[F; N]`) held in memory
    /// and read and written by element, rather than a single value.
    pub array: bool,
    /// Whether generated code mutates it in place (a loop variable, an
    /// accumulator, a cotangent buffer): always bound `mut`.
    pub place: bool,
    /// Whether it is a reference to a nalgebra matrix (a `&DMatrix<f64>`
    /// argument): rules take it as it is, not borrowed again.
    pub reference: bool,
    /// Whether it is known to be a nalgebra vector or matrix: an argument
    /// of such a type, or what matrix operations make of one. `false`
    /// means a float or not known.
    pub matrix: bool,
    /// Whether it is a tangent (of a value or of a cotangent): in a Hessian
    /// sweep that carries a bundle of directions, the rules it is passed to
    /// are the bundle rules.
    pub tangent: bool,
    /// Whether it is a tape (of a branch or a loop), which is read exactly
    /// once, by the reverse sweep.
    pub tape: bool,
}

/// The arena of values, with the allocator of their names.
#[derive(Clone, Default)]
pub struct Vars {
    data: Vec<VarData>,
    taken: std::collections::HashSet<String>,
    /// Whether the float type is a type parameter: then the zero tangent
    /// of a float is `Directions::zero()` of the directions, since
    /// `HasTangent`, which `zero_tangent` needs, is implemented per float
    /// type and a type parameter does not reach it.
    pub generic_float: bool,
    /// The float type of the function (`f64`, or its type parameter), if
    /// known: the emitter names it where a rule's float type is not fixed
    /// by its arguments.
    pub float: Option<Ident>,
}

impl Vars {
    /// No values yet, in a function of float type `float`;
    /// `generic_float`: see [`Vars::generic_float`].
    pub fn with_float(float: Ident, generic_float: bool) -> Self {
        Vars { generic_float, float: Some(float), ..Vars::default() }
    }

    /// A new value named after `base` (made unique), reported at `span`.
    pub fn fresh(&mut self, base: &str, span: Span, varied: bool) -> Var {
        let name = self.unique_name(base);
        let ident = Ident::new(&name, Span::mixed_site().located_at(span));
        self.push(ident, varied)
    }

    /// A value that keeps exactly the given identifier (a parameter).
    pub fn named(&mut self, ident: Ident, varied: bool) -> Var {
        self.taken.insert(ident.to_string());
        self.push(ident, varied)
    }

    /// Keeps `names` from being given to new values: the names of the
    /// enclosing function that code emitted inside it may refer to.
    pub fn reserve(&mut self, names: impl IntoIterator<Item = String>) {
        self.taken.extend(names);
    }

    /// Every name given out so far.
    pub fn names(&self) -> impl Iterator<Item = String> + '_ {
        self.data.iter().map(|d| d.ident.to_string())
    }

    fn push(&mut self, ident: Ident, varied: bool) -> Var {
        self.data.push(VarData {
            ident,
            varied,
            mutable: false,
            array: false,
            place: false,
            reference: false,
            matrix: false,
            tangent: false,
            tape: false,
        });
        Var(self.data.len() as u32 - 1)
    }

    fn unique_name(&mut self, base: &str) -> String {
        // Keys of values the macro itself carries (`#sum#12`) name them
        // by their first word.
        let base = base.trim_start_matches("r#").trim_start_matches('#');
        let base = base.split('#').next().unwrap_or(base);
        let base = if base.is_empty() || base == "_" { "v" } else { base };
        let mut name = base.to_string();
        let mut n = 1;
        while self.taken.contains(&name) || is_keyword(&name) {
            name = format!("{base}_{n}");
            n += 1;
        }
        self.taken.insert(name.clone());
        name
    }

    /// The value the next `fresh` will make: every value made later is at
    /// least this one.
    pub fn next(&self) -> Var {
        Var(self.data.len() as u32)
    }

    /// Every value.
    pub fn all(&self) -> impl Iterator<Item = Var> + '_ {
        (0..self.data.len() as u32).map(Var)
    }

    pub fn get(&self, v: Var) -> &VarData {
        &self.data[v.0 as usize]
    }

    pub fn get_mut(&mut self, v: Var) -> &mut VarData {
        &mut self.data[v.0 as usize]
    }

    pub fn ident(&self, v: Var) -> &Ident {
        &self.get(v).ident
    }

    pub fn varied(&self, v: Var) -> bool {
        self.get(v).varied
    }

    pub fn is_array(&self, v: Var) -> bool {
        self.get(v).array
    }

    /// A value derived from `v` that has its array-ness (a cotangent or
    /// tangent buffer of an array), named `{v}{suffix}`.
    pub fn derived_like(&mut self, v: Var, suffix: &str) -> Var {
        let d = self.derived(v, suffix);
        if self.is_array(v) {
            let data = self.get_mut(d);
            data.array = true;
            data.place = true;
        }
        d
    }

    /// The base name of a value, for naming values derived from it.
    pub fn base_name(&self, v: Var) -> String {
        self.ident(v).to_string()
    }

    /// A value derived from `v`, named `{v}{suffix}`. Every tangent is
    /// derived with the suffix `_dot` (and nothing else is), which marks it
    /// as a tangent.
    pub fn derived(&mut self, v: Var, suffix: &str) -> Var {
        let name = format!("{}{suffix}", self.base_name(v));
        let span = self.ident(v).span();
        let d = self.fresh(&name, span, true);
        // The cotangent and (one-direction) tangent of a matrix are matrices.
        let matrix = self.get(v).matrix;
        let data = self.get_mut(d);
        data.tangent = suffix == crate::naming::DOT;
        data.matrix = matrix;
        d
    }
}

fn is_keyword(name: &str) -> bool {
    matches!(
        name,
        "as" | "break"
            | "const"
            | "continue"
            | "crate"
            | "else"
            | "enum"
            | "extern"
            | "false"
            | "fn"
            | "for"
            | "if"
            | "impl"
            | "in"
            | "let"
            | "loop"
            | "match"
            | "mod"
            | "move"
            | "mut"
            | "pub"
            | "ref"
            | "return"
            | "self"
            | "Self"
            | "static"
            | "struct"
            | "super"
            | "trait"
            | "true"
            | "type"
            | "unsafe"
            | "use"
            | "where"
            | "while"
            | "async"
            | "await"
            | "dyn"
            | "abstract"
            | "become"
            | "box"
            | "do"
            | "final"
            | "macro"
            | "override"
            | "priv"
            | "typeof"
            | "unsized"
            | "virtual"
            | "yield"
            | "try"
            | "gen"
    )
}

/// A sequence of statements that ends by yielding values to its parent
/// (the outputs of an `if`, or the result of the function).
#[derive(Clone, Default)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub yields: Vec<Var>,
}

#[derive(Clone)]
pub enum Stmt {
    /// `let dst: ty = expr;`
    Let { dst: Dst, ty: Option<Box<syn::Type>>, expr: Expr, span: Span },
    /// A two-way branch whose arms yield the values bound to `outs`.
    If { cond: Cond, then_blk: Block, else_blk: Block, outs: Vec<Var>, span: Span },
    /// Inactive user code run for its effect (`v.push(1.0);`).
    Effect { tokens: TokenStream, uses: Vec<Var> },
    /// `array[index] = value`, `+= value` or `-= value` on a user array.
    Store { array: Var, index: Var, value: Var, op: StoreOp, span: Span },
    /// `buffer[index] += value` on a cotangent or tangent buffer.
    AddAt { buffer: Var, index: Var, value: Var },
    /// `buffer += values`, element by element.
    AddAll { buffer: Var, values: Var },
    /// Adds `value` to slot `slot` of `buffer`'s window in the loop this
    /// statement stands in (see [`Window`]).
    WindowAdd { buffer: Var, slot: usize, value: Var },
    /// Saves `vars` on a loop's tape, once per iteration.
    Push { tape: Var, vars: Vec<Var> },
    /// A loop.
    Loop(Box<Loop>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreOp {
    Set,
    Add,
    Sub,
}

/// A loop: `carried` values flow from one iteration to the next; the body
/// yields their next values (and then, if the loop `breaks`, whether to stop).
#[derive(Clone)]
pub struct Loop {
    pub header: Header,
    /// `(phi, init)`: the value at the start of an iteration, and before the
    /// first one.
    pub carried: Vec<(Var, Var)>,
    pub body: Block,
    pub breaks: bool,
    /// The carried values after the loop.
    pub outs: Vec<Var>,
    /// Counts the iterations, for a reverse sweep that needs the number.
    pub counter: Option<Var>,
    /// Cotangent buffers whose updates wait in registers (see `gather`).
    pub windows: Vec<Window>,
    pub span: Span,
}

/// The pending updates of a cotangent buffer in a loop that runs down its
/// index and adds to the entries at `index + lo ..= index + hi` only: slot
/// `s` holds what this and earlier iterations added to entry `index + lo +
/// s`, and at the end of an iteration entry `index + hi`, which no later
/// iteration touches, is written once.
#[derive(Clone)]
pub struct Window {
    pub buffer: Var,
    /// `hi - lo + 1`.
    pub width: usize,
    /// Values of the body that hold `index + lo` and `index + hi`.
    pub low: Var,
    pub high: Var,
}

#[derive(Clone)]
pub enum Header {
    /// `for index in range`.
    For { index: Var, range: RangeSpec },
    /// `while cond`: `cond` runs at the start of every iteration and yields
    /// the condition.
    While { cond: Block },
    /// The reverse sweep of a loop: `for k in (0..count).rev()`.
    Countdown { count: Var, k: Var },
}

/// An integer range with adapters: `(start..end).rev().step_by(s)`.
#[derive(Clone)]
pub struct RangeSpec {
    pub start: Var,
    pub end: Var,
    pub inclusive: bool,
    pub adapters: Vec<Adapter>,
}

#[derive(Clone, Copy)]
pub enum Adapter {
    Rev,
    StepBy(Var),
}

impl RangeSpec {
    pub fn vars(&self, out: &mut Vec<Var>) {
        out.extend([self.start, self.end]);
        for a in &self.adapters {
            if let Adapter::StepBy(s) = a {
                out.push(*s);
            }
        }
    }
}

/// What selects the arm of an [`Stmt::If`].
#[derive(Clone)]
pub enum Cond {
    /// A boolean value (the user's condition).
    Bool(Var),
    /// The tape a forward `if` left behind: the reverse sweep takes the arm
    /// the forward sweep took, and gets back the values it saved there.
    Tape { tape: Var, then_binds: Vec<Var>, else_binds: Vec<Var> },
}

/// The left side of a `let`.
#[derive(Clone, Debug)]
pub enum Dst {
    Var(Var),
    Ignore,
    Tuple(Vec<Dst>),
}

impl Dst {
    /// Every value the pattern binds.
    pub fn vars(&self, out: &mut Vec<Var>) {
        match self {
            Dst::Var(v) => out.push(*v),
            Dst::Ignore => {}
            Dst::Tuple(items) => items.iter().for_each(|d| d.vars(out)),
        }
    }
}

/// How the forward value of a primitive is written.
#[derive(Clone)]
pub enum Form {
    /// `a op b` or `op a`, computed by the operator's rule module
    /// (`rules::mul::value(&a, &b)`), which picks the operation for the
    /// operands' types.
    Operator,
    /// `a.name(b, ..)`
    Method(Ident),
    /// `path(a, b, ..)`, e.g. `f64::sin(a)`
    Path(TokenStream),
    /// `a as ty`
    Cast(syn::Type),
    /// `path(&a, ..)`: a matrix helper (`::matdiff::logdet`).
    Helper(TokenStream),
    /// `a[i]` of a nalgebra value.
    Index,
    /// `x.map(f)` of a nalgebra value, through its rule module.
    Map,
    /// The value function of the primitive's rule module, every argument
    /// borrowed (`rules::matrix::column::value(&m, &j)`).
    Value,
    /// A nalgebra value built from the array of its elements (argument 0)
    /// by `{prefix}::from_column_slice`, the type as the user wrote it;
    /// `sized`: the constructor takes the sizes in argument 1, `(nrows,
    /// ncols)`, first (a `DMatrix`).
    Build { prefix: TokenStream, sized: bool },
}

/// Who a call goes to, and where its arguments were written.
#[derive(Clone)]
pub struct Callee {
    pub target: Target,
    /// The span of each argument expression, for errors about one argument.
    pub arg_spans: Vec<Span>,
    /// Whether each argument was written `&array`.
    pub by_ref: Vec<bool>,
}

#[derive(Clone)]
pub enum Target {
    /// A function path as the user wrote it; its companion has the same path.
    Path(syn::Path),
    /// A method of `self`; its companions are hidden methods.
    SelfMethod(Ident),
}

/// Which of a callee's functions a call uses (see `matdiff_core::calling`).
#[derive(Clone)]
pub enum CallMode {
    /// The function itself: `y`.
    Value,
    /// `(y, (c0, c1, ..))`.
    Vjp { out_bar: Var },
    /// `(y, y_dot)`.
    Jvp { tangents: Vec<Option<Var>> },
    /// `(y, y_dot, (c0, ..), (c0_dot, ..))`.
    VjpJvp { tangents: Vec<Option<Var>>, out_bar: Var, out_bar_dot: Option<Var> },
}

#[derive(Clone)]
pub enum Expr {
    /// Inactive user code with its locals renamed; `uses` are those locals.
    Opaque { tokens: TokenStream, uses: Vec<Var> },
    /// Another name for a value.
    Copy(Var),
    /// The value of a primitive.
    Prim { prim: &'static Primitive, args: Vec<Var>, form: Form },
    /// Tangent of a primitive's value along a tangent of argument `k`.
    Jvp { prim: &'static Primitive, k: usize, args: Vec<Var>, out: Var, t: Var },
    /// Cotangent of argument `k` of a primitive from the cotangent `c` of its value.
    Vjp { prim: &'static Primitive, k: usize, args: Vec<Var>, out: Var, c: Var },
    /// Tangent of `Vjp { k, c }` along a tangent `t` of argument `j`.
    VjpJvp { prim: &'static Primitive, k: usize, j: usize, args: Vec<Var>, out: Var, c: Var, t: Var },
    /// A call to a differentiated function.
    Call { callee: Callee, args: Vec<Var>, mode: CallMode },
    /// A callee's cotangent, checked to be one (not `NoDerivative`).
    Cotangent(Var),
    /// The sum of two tangents or two cotangents.
    Add(Var, Var),
    /// The negation of a tangent or cotangent.
    Neg(Var),
    /// The zero cotangent of a value.
    ZeroLike(Var),
    /// The zero tangent of a value (a bundle of directions).
    ZeroTangent(Var),
    /// The tape an arm of a forward `if` yields: the values the reverse
    /// sweep of that arm needs.
    Tape { then: bool, vars: Vec<Var> },
    /// `array[index]`: an element of a user array or of a buffer.
    Read { array: Var, index: Var },
    /// `buffer[index]`, leaving zero in its place.
    Take { buffer: Var, index: Var },
    /// A new array.
    NewArray(ArrayInit),
    /// The sum of a buffer's elements.
    SumAll { buffer: Var, like: Var },
    /// An empty tape for a loop, with room for `capacity` iterations.
    NewTape { capacity: Option<Var> },
    /// The values saved last on a loop's tape.
    Pop { tape: Var },
    /// The number of elements of a range.
    TripCount(RangeSpec),
    /// Element `k` of a range, counted from the end: the index of
    /// iteration `count - 1 - k` of the forward loop, for its reverse.
    RangeIndex { range: RangeSpec, k: Var, count: Var },
}

/// How a new array is filled.
#[derive(Clone)]
pub enum ArrayInit {
    /// `vec![value; len]` or `[value; LEN]`.
    Fill { value: Var, len: ArrayLen },
    /// `vec![a, b, ..]` or `[a, b, ..]`.
    List { items: Vec<Var>, vec: bool },
    /// `source.to_vec()` and the like: a copy of another array.
    CopyOf { source: Var, method: Ident },
}

#[derive(Clone)]
pub enum ArrayLen {
    /// A `Vec` of a length computed at run time.
    Runtime(Var),
    /// A fixed-size array; the length is a constant expression.
    Const(TokenStream),
}

impl Expr {
    /// Every value the expression reads.
    pub fn uses(&self, out: &mut Vec<Var>) {
        match self {
            Expr::Opaque { uses, .. } => out.extend(uses),
            Expr::Copy(v) | Expr::Cotangent(v) | Expr::ZeroLike(v) | Expr::ZeroTangent(v) | Expr::Neg(v) => {
                out.push(*v)
            }
            Expr::Prim { args, .. } => out.extend(args),
            // A linear primitive's rules read only the tangent, except the
            // bundle rules of nalgebra ones (a transpose needs the shape).
            Expr::Jvp { prim, k, args, out: o, t } => {
                if !prim.linear || prim.matrix {
                    out.extend(prim.first_order_args(*k, args));
                    out.extend(prim.rules_read_value().then_some(*o));
                }
                out.push(*t);
            }
            Expr::Vjp { prim, k, args, out: o, c } => {
                if !prim.linear || prim.matrix {
                    out.extend(prim.first_order_args(*k, args));
                    out.extend(prim.rules_read_value().then_some(*o));
                }
                out.push(*c);
            }
            Expr::VjpJvp { prim, args, out: o, c, t, .. } => {
                if prim.second_order_reads_args {
                    out.extend(args);
                }
                out.extend(prim.rules_read_value().then_some(*o));
                out.extend([*c, *t]);
            }
            Expr::Call { args, mode, .. } => {
                out.extend(args);
                match mode {
                    CallMode::Value => {}
                    CallMode::Vjp { out_bar } => out.push(*out_bar),
                    CallMode::Jvp { tangents } => out.extend(tangents.iter().flatten()),
                    CallMode::VjpJvp { tangents, out_bar, out_bar_dot } => {
                        out.extend(tangents.iter().flatten());
                        out.push(*out_bar);
                        out.extend(out_bar_dot);
                    }
                }
            }
            Expr::Add(a, b) => out.extend([*a, *b]),
            Expr::Tape { vars, .. } => out.extend(vars),
            Expr::Read { array, index } => out.extend([*array, *index]),
            Expr::Take { buffer, index } => out.extend([*buffer, *index]),
            Expr::NewArray(init) => match init {
                ArrayInit::Fill { value, len } => {
                    out.push(*value);
                    if let ArrayLen::Runtime(n) = len {
                        out.push(*n);
                    }
                }
                ArrayInit::List { items, .. } => out.extend(items),
                ArrayInit::CopyOf { source, .. } => out.push(*source),
            },
            Expr::SumAll { buffer, like } => out.extend([*buffer, *like]),
            Expr::NewTape { capacity } => out.extend(capacity),
            Expr::Pop { tape } => out.push(*tape),
            Expr::TripCount(range) => range.vars(out),
            Expr::RangeIndex { range, k, count } => {
                range.vars(out);
                out.extend([*k, *count]);
            }
        }
    }
}

impl Block {
    /// Every value the block reads that it does not define itself.
    pub fn free_vars(&self) -> Vec<Var> {
        let mut defined = std::collections::HashSet::new();
        let mut used = Vec::new();
        self.collect(&mut defined, &mut used);
        let mut seen = std::collections::HashSet::new();
        used.into_iter().filter(|v| !defined.contains(v) && seen.insert(*v)).collect()
    }

    /// Every read of a value in the block, arms and inner loops included,
    /// once per place that reads it.
    pub fn all_uses(&self) -> Vec<Var> {
        let mut defined = std::collections::HashSet::new();
        let mut used = Vec::new();
        self.collect(&mut defined, &mut used);
        used
    }

    /// Every value defined anywhere in the block, arms included.
    pub fn defined_vars(&self) -> std::collections::HashSet<Var> {
        let mut defined = std::collections::HashSet::new();
        let mut used = Vec::new();
        self.collect(&mut defined, &mut used);
        defined
    }

    /// The values read exactly once by these statements, outside any loop
    /// they are not defined in (a value read in a loop is read again in
    /// every iteration): the last reader may take them by value.
    pub fn read_once(stmts: &[Stmt]) -> std::collections::HashSet<Var> {
        let mut counts = std::collections::HashMap::new();
        count_reads(stmts, &mut counts);
        counts.into_iter().filter(|(_, n)| *n == 1).map(|(v, _)| v).collect()
    }

    fn collect(&self, defined: &mut std::collections::HashSet<Var>, used: &mut Vec<Var>) {
        for stmt in &self.stmts {
            match stmt {
                Stmt::Let { dst, expr, .. } => {
                    expr.uses(used);
                    let mut vars = Vec::new();
                    dst.vars(&mut vars);
                    defined.extend(vars);
                }
                Stmt::If { cond, then_blk, else_blk, outs, .. } => {
                    match cond {
                        Cond::Bool(v) => used.push(*v),
                        Cond::Tape { tape, then_binds, else_binds } => {
                            used.push(*tape);
                            defined.extend(then_binds);
                            defined.extend(else_binds);
                        }
                    }
                    then_blk.collect(defined, used);
                    else_blk.collect(defined, used);
                    defined.extend(outs);
                }
                Stmt::Effect { uses, .. } => used.extend(uses),
                Stmt::Store { array, index, value, .. } => used.extend([*array, *index, *value]),
                Stmt::AddAt { buffer, index, value } => used.extend([*buffer, *index, *value]),
                Stmt::AddAll { buffer, values } => used.extend([*buffer, *values]),
                Stmt::WindowAdd { buffer, value, .. } => used.extend([*buffer, *value]),
                Stmt::Push { tape, vars } => {
                    used.push(*tape);
                    used.extend(vars);
                }
                Stmt::Loop(l) => {
                    match &l.header {
                        Header::For { index, range } => {
                            range.vars(used);
                            defined.insert(*index);
                        }
                        Header::While { cond } => cond.collect(defined, used),
                        Header::Countdown { count, k } => {
                            used.push(*count);
                            defined.insert(*k);
                        }
                    }
                    for (phi, init) in &l.carried {
                        defined.insert(*phi);
                        used.push(*init);
                    }
                    used.extend(l.windows.iter().map(|w| w.buffer));
                    l.body.collect(defined, used);
                    for w in &l.windows {
                        used.extend([w.low, w.high]);
                    }
                    defined.extend(&l.outs);
                    defined.extend(l.counter);
                }
            }
        }
        used.extend(&self.yields);
    }
}

/// Counts the reads of every value in `stmts`; a value read inside a loop
/// but defined outside it counts twice.
fn count_reads(stmts: &[Stmt], counts: &mut std::collections::HashMap<Var, usize>) {
    for stmt in stmts {
        if let Stmt::Loop(_) = stmt {
            let block = Block { stmts: vec![stmt.clone()], yields: Vec::new() };
            for v in block.free_vars() {
                *counts.entry(v).or_insert(0) += 2;
            }
            // A carried variable is read by every iteration, and may be the
            // loop's value after it too (an unchanged accumulator).
            if let Stmt::Loop(l) = stmt {
                for (phi, _) in &l.carried {
                    *counts.entry(*phi).or_insert(0) += 2;
                }
            }
            continue;
        }
        // The arms of a branch may hold loops (everything after an early
        // `return` is an arm): they are counted as statements too, so that
        // a value read in a loop inside an arm is not taken for read once.
        if let Stmt::If { cond, then_blk, else_blk, .. } = stmt {
            match cond {
                Cond::Bool(v) => *counts.entry(*v).or_insert(0) += 1,
                Cond::Tape { tape, .. } => *counts.entry(*tape).or_insert(0) += 1,
            }
            for arm in [then_blk, else_blk] {
                count_reads(&arm.stmts, counts);
                for v in &arm.yields {
                    *counts.entry(*v).or_insert(0) += 1;
                }
            }
            continue;
        }
        let block = Block { stmts: vec![stmt.clone()], yields: Vec::new() };
        let mut defined = std::collections::HashSet::new();
        let mut used = Vec::new();
        block.collect(&mut defined, &mut used);
        for v in used {
            *counts.entry(v).or_insert(0) += 1;
        }
    }
}
