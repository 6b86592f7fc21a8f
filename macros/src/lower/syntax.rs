//! Questions about the user's syntax that the lowering asks.

use matdiff_table as table;
use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::visit::Visit;

pub fn local_name(pat: &syn::Pat) -> Option<String> {
    match pat {
        syn::Pat::Ident(p) => Some(p.ident.to_string()),
        syn::Pat::Type(t) => local_name(&t.pat),
        _ => None,
    }
}

/// The identifier of a path that may name a local variable.
pub fn path_local(p: &syn::ExprPath) -> Option<&proc_macro2::Ident> {
    if p.qself.is_some() || p.path.leading_colon.is_some() || p.path.segments.len() != 1 {
        return None;
    }
    let segment = &p.path.segments[0];
    segment.arguments.is_none().then_some(&segment.ident)
}

/// The local variable an expression names, through parentheses.
pub fn expr_local(expr: &syn::Expr) -> Option<&proc_macro2::Ident> {
    match expr {
        syn::Expr::Path(p) => path_local(p),
        syn::Expr::Paren(p) => expr_local(&p.expr),
        syn::Expr::Group(g) => expr_local(&g.expr),
        _ => None,
    }
}

pub fn is_self(expr: &syn::Expr) -> bool {
    match expr {
        syn::Expr::Path(p) => p.path.is_ident("self"),
        syn::Expr::Paren(p) => is_self(&p.expr),
        _ => false,
    }
}

/// Whether the left side of an assignment is a tuple (`(a, b) = ..`).
pub fn is_tuple_assignee(expr: &syn::Expr) -> bool {
    match expr {
        syn::Expr::Paren(p) => is_tuple_assignee(&p.expr),
        syn::Expr::Tuple(_) => true,
        _ => false,
    }
}

pub fn is_branching(expr: &syn::Expr) -> bool {
    match expr {
        syn::Expr::Paren(p) => is_branching(&p.expr),
        syn::Expr::If(_) | syn::Expr::Match(_) => true,
        syn::Expr::Block(b) => b.label.is_none(),
        _ => false,
    }
}

/// `vec![..]`.
pub fn is_vec_macro(mac: &syn::Macro) -> bool {
    mac.path.is_ident("vec") || mac.path.segments.last().is_some_and(|s| s.ident == "vec")
}

/// The operator `+` of `+=`, and so on.
pub fn compound_base(op: &syn::BinOp) -> Option<syn::BinOp> {
    use syn::BinOp::*;
    Some(match op {
        AddAssign(t) => Add(syn::Token![+](t.spans[0])),
        SubAssign(t) => Sub(syn::Token![-](t.spans[0])),
        MulAssign(t) => Mul(syn::Token![*](t.spans[0])),
        DivAssign(t) => Div(syn::Token![/](t.spans[0])),
        RemAssign(t) => Rem(syn::Token![%](t.spans[0])),
        BitAndAssign(t) => BitAnd(syn::Token![&](t.spans[0])),
        BitOrAssign(t) => BitOr(syn::Token![|](t.spans[0])),
        BitXorAssign(t) => BitXor(syn::Token![^](t.spans[0])),
        ShlAssign(t) => Shl(syn::Token![<<](t.spans[0])),
        ShrAssign(t) => Shr(syn::Token![>>](t.spans[0])),
        _ => return None,
    })
}

/// Whether the expression's value is, by its syntax, not a float, or a
/// float with derivative 0 (a comparison, `!`, a cast to an integer, a test
/// such as `is_nan`, a piecewise-constant method such as `floor`, a length).
pub fn is_constant_valued(expr: &syn::Expr) -> bool {
    use syn::BinOp::*;
    match expr {
        syn::Expr::Paren(p) => is_constant_valued(&p.expr),
        syn::Expr::Group(g) => is_constant_valued(&g.expr),
        syn::Expr::Binary(b) => matches!(b.op, Eq(_) | Ne(_) | Lt(_) | Le(_) | Gt(_) | Ge(_) | And(_) | Or(_)),
        syn::Expr::Unary(u) => matches!(u.op, syn::UnOp::Not(_)),
        syn::Expr::MethodCall(m) => {
            let name = m.method.to_string();
            table::NON_FLOAT_METHODS.contains(&name.as_str())
                || table::PIECEWISE_CONSTANT_METHODS.contains(&name.as_str())
                || name == "len"
                // An iterator's `count` (`x.iter().filter(..).count()`).
                || (name == "count" && m.args.is_empty())
                || name == "is_empty"
                || name == "nrows"
                || name == "ncols"
                || name == "shape"
                || (INTEGER_METHODS.contains(&name.as_str()) && is_integer_valued(&m.receiver))
        }
        syn::Expr::Cast(c) => is_non_float_type(&c.ty),
        syn::Expr::Lit(l) => !matches!(l.lit, syn::Lit::Float(_)),
        _ => false,
    }
}

/// Methods of integers that give an integer (`n.saturating_sub(1)`).
const INTEGER_METHODS: &[&str] = &[
    "saturating_sub",
    "saturating_add",
    "saturating_mul",
    "wrapping_sub",
    "wrapping_add",
    "wrapping_mul",
    "abs_diff",
    "min",
    "max",
    "clamp",
    "pow",
    "rem_euclid",
    "div_euclid",
    "isqrt",
    "ilog2",
    "ilog10",
    "next_power_of_two",
    "count_ones",
    "leading_zeros",
    "trailing_zeros",
];

/// Whether the expression is an integer by its syntax: a length, an
/// integer literal or cast, or integer arithmetic and methods on those.
/// (`x.len().saturating_sub(1)` reads a differentiated slice but has no
/// derivative.)
fn is_integer_valued(expr: &syn::Expr) -> bool {
    use syn::BinOp::*;
    match expr {
        syn::Expr::Paren(p) => is_integer_valued(&p.expr),
        syn::Expr::Group(g) => is_integer_valued(&g.expr),
        syn::Expr::Lit(l) => matches!(l.lit, syn::Lit::Int(_)),
        syn::Expr::Cast(c) => {
            is_non_float_type(&c.ty) && !matches!(&*c.ty, syn::Type::Path(p) if p.path.is_ident("bool"))
        }
        syn::Expr::Binary(b) => {
            matches!(b.op, Add(_) | Sub(_) | Mul(_) | Div(_) | Rem(_))
                && is_integer_valued(&b.left)
                && is_integer_valued(&b.right)
        }
        syn::Expr::MethodCall(m) => {
            let name = m.method.to_string();
            matches!(name.as_str(), "len" | "nrows" | "ncols")
                || (INTEGER_METHODS.contains(&name.as_str()) && is_integer_valued(&m.receiver))
        }
        _ => false,
    }
}

pub fn is_non_float_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(p) if p.qself.is_none() => p.path.get_ident().is_some_and(|i| {
            matches!(
                i.to_string().as_str(),
                "i8" | "i16"
                    | "i32"
                    | "i64"
                    | "i128"
                    | "isize"
                    | "u8"
                    | "u16"
                    | "u32"
                    | "u64"
                    | "u128"
                    | "usize"
                    | "bool"
                    | "char"
            )
        }),
        syn::Type::Paren(p) => is_non_float_type(&p.elem),
        syn::Type::Group(g) => is_non_float_type(&g.elem),
        _ => false,
    }
}

/// Finds the jumps and assignments in code (not inside closures or items,
/// which have their own; `break` and `continue` only for the loop the code
/// is the body of, not for loops nested inside it).
#[derive(Default)]
pub struct ControlFinder {
    pub returns: bool,
    pub breaks: bool,
    pub continues: bool,
    /// Whether a `break` of the enclosing loop carries a value.
    pub break_value: bool,
    /// The labelled jumps, at any depth, to loops outside the code:
    /// `(label, is_continue)`, each once.
    pub labelled: Vec<(String, bool)>,
    /// The labels of the loops the visit is inside.
    labels: Vec<String>,
    pub assigns: bool,
    /// Where the first `return` is.
    pub first_return: Option<Span>,
    loop_depth: usize,
}

impl<'ast> Visit<'ast> for ControlFinder {
    fn visit_expr(&mut self, expr: &'ast syn::Expr) {
        match expr {
            syn::Expr::Return(r) => {
                self.returns = true;
                self.first_return.get_or_insert(r.return_token.span);
            }
            syn::Expr::Break(b) => {
                if let Some(label) = &b.label {
                    self.labelled_jump(label, false);
                }
                if self.loop_depth == 0 {
                    self.breaks = true;
                    self.break_value |= b.expr.is_some();
                }
            }
            syn::Expr::Continue(c) => {
                if let Some(label) = &c.label {
                    self.labelled_jump(label, true);
                }
                if self.loop_depth == 0 {
                    self.continues = true;
                }
            }
            syn::Expr::Assign(_) => self.assigns = true,
            syn::Expr::Binary(b) if compound_base(&b.op).is_some() => self.assigns = true,
            syn::Expr::Closure(_) => return,
            syn::Expr::ForLoop(_) | syn::Expr::While(_) | syn::Expr::Loop(_) => {
                let label = loop_label(expr);
                if let Some(label) = &label {
                    self.labels.push(label.clone());
                }
                self.loop_depth += 1;
                syn::visit::visit_expr(self, expr);
                self.loop_depth -= 1;
                if label.is_some() {
                    self.labels.pop();
                }
                return;
            }
            _ => {}
        }
        syn::visit::visit_expr(self, expr);
    }

    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

impl ControlFinder {
    pub fn of_stmt(stmt: &syn::Stmt) -> Self {
        let mut finder = ControlFinder::default();
        finder.visit_stmt(stmt);
        finder
    }

    pub fn of_expr(expr: &syn::Expr) -> Self {
        let mut finder = ControlFinder::default();
        finder.visit_expr(expr);
        finder
    }

    pub fn of_block(block: &syn::Block) -> Self {
        let mut finder = ControlFinder::default();
        finder.visit_block(block);
        finder
    }

    /// A `return`, a `break`/`continue` of the enclosing loop, or a
    /// labelled one of a loop around the code.
    pub fn jumps(&self) -> bool {
        self.returns || self.breaks || self.continues || !self.labelled.is_empty()
    }

    fn labelled_jump(&mut self, label: &syn::Lifetime, is_continue: bool) {
        let name = label.ident.to_string();
        if !self.labels.contains(&name) && !self.labelled.contains(&(name.clone(), is_continue)) {
            self.labelled.push((name, is_continue));
        }
    }

    /// The labelled jumps out of a loop labelled `own`: to loops around it.
    pub fn jumps_out_of(&self, own: Option<&str>) -> Vec<(String, bool)> {
        self.labelled.iter().filter(|(label, _)| Some(label.as_str()) != own).cloned().collect()
    }

    /// Whether a loop labelled `own` whose body this is must be able to
    /// stop: a `break`, a `return`, or a labelled jump other than a
    /// `continue` of itself.
    pub fn loop_stops(&self, own: Option<&str>) -> bool {
        self.breaks
            || self.returns
            || self.labelled.iter().any(|(label, is_continue)| Some(label.as_str()) != own || !is_continue)
    }
}

/// The label of a loop, without its quote.
pub fn loop_label(expr: &syn::Expr) -> Option<String> {
    let label = match expr {
        syn::Expr::ForLoop(f) => f.label.as_ref(),
        syn::Expr::While(w) => w.label.as_ref(),
        syn::Expr::Loop(l) => l.label.as_ref(),
        _ => None,
    };
    label.map(|l| l.name.ident.to_string())
}

/// Whether the expression assigns, returns or jumps: it must be lowered
/// structurally even when it involves no differentiated value.
pub fn has_control(expr: &syn::Expr) -> bool {
    let finder = ControlFinder::of_expr(expr);
    finder.jumps() || finder.assigns
}

/// The names a block assigns to (`x = ..`, `x += ..`), anywhere inside it
/// except in closures and items.
pub fn assigned_names(block: &syn::Block) -> Vec<String> {
    #[derive(Default)]
    struct Assigned(Vec<String>);
    impl Assigned {
        /// The locals of an assignment's left side: a name, or a tuple of
        /// them (`(a, b) = (b, a)`).
        fn targets(&mut self, target: &syn::Expr) {
            match target {
                syn::Expr::Paren(p) => self.targets(&p.expr),
                syn::Expr::Tuple(t) => t.elems.iter().for_each(|e| self.targets(e)),
                other => {
                    if let Some(name) = expr_local(other) {
                        let name = name.to_string();
                        if !self.0.contains(&name) {
                            self.0.push(name);
                        }
                    }
                }
            }
        }
    }
    impl<'ast> Visit<'ast> for Assigned {
        fn visit_expr(&mut self, expr: &'ast syn::Expr) {
            let target = match expr {
                syn::Expr::Assign(a) => Some(&*a.left),
                syn::Expr::Binary(b) if compound_base(&b.op).is_some() => Some(&*b.left),
                syn::Expr::Closure(_) => return,
                _ => None,
            };
            if let Some(target) = target {
                self.targets(target);
            }
            syn::visit::visit_expr(self, expr);
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut assigned = Assigned::default();
    assigned.visit_block(block);
    assigned.0
}

pub fn misplaced_return(stmt: &syn::Stmt) -> syn::Error {
    let finder = ControlFinder::of_stmt(stmt);
    syn::Error::new(
        finder.first_return.unwrap_or_else(|| stmt.span()),
        "`return` is only supported as a statement, or inside the arms of an `if`, `else` or `match`: compute the value into a variable first",
    )
}

pub fn unknown_method(method: &proc_macro2::Ident) -> syn::Error {
    let name = method.to_string();
    if let Some((_, instead)) = table::UNSUPPORTED_METHODS.iter().find(|(m, _)| *m == name) {
        return syn::Error::new(method.span(), format!("`{name}` has no derivative rule: {instead}"));
    }
    let mut known: Vec<&str> = table::PRIMITIVES
        .iter()
        .filter_map(|p| match p.syntax {
            table::Syntax::Method(m) => Some(m),
            _ => None,
        })
        .collect();
    known.sort_unstable();
    let mut matrix: Vec<&str> = table::MATRIX_PRIMITIVES
        .iter()
        .filter_map(|p| match p.syntax {
            table::Syntax::Method(m) => Some(m),
            table::Syntax::Map => Some("map"),
            _ => None,
        })
        .collect();
    matrix.push("clone");
    matrix.extend(table::VIEW_METHODS.iter().map(|(m, _, _)| *m));
    matrix
        .extend(table::MATRIX_METHOD_DEFINITIONS.iter().map(|(m, _, _)| *m).filter(|m| table::by_method(m).is_none()));
    matrix.sort_unstable();
    syn::Error::new(
        method.span(),
        format!(
            "no derivative rule for the method `{name}` on a differentiated value. Methods with rules: {}; \
             on nalgebra vectors and matrices: {}. For your own function, put `#[differentiate]` on it and call it as a function",
            known.join(", "),
            matrix.join(", ")
        ),
    )
}

pub fn describe(expr: &syn::Expr) -> &'static str {
    match expr {
        syn::Expr::Array(_) => "an array",
        syn::Expr::Field(_) => "a field access",
        syn::Expr::Index(_) => "indexing",
        syn::Expr::Range(_) => "a range",
        syn::Expr::Struct(_) => "a struct literal",
        syn::Expr::Tuple(_) => "a tuple",
        syn::Expr::Repeat(_) => "an array",
        syn::Expr::Closure(_) => "a closure",
        _ => "this expression",
    }
}

/// An operand of float arithmetic that is an integer in the user's code,
/// whatever its context: an integer literal (`1`, `2usize`) or a count
/// (`v.len()`, `m.nrows()`, `it.count()`), with the float to write instead.
/// rustc rejects such an operand in the user's function; the macro reports
/// it first so that rustc does not report it again inside generated code.
pub fn integer_operand(expr: &syn::Expr) -> Option<(proc_macro2::Span, String, String)> {
    match expr {
        syn::Expr::Paren(p) => integer_operand(&p.expr),
        syn::Expr::Group(g) => integer_operand(&g.expr),
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => integer_operand(&u.expr),
        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(int), .. }) if !matches!(int.suffix(), "f32" | "f64") => {
            let written = int.to_string();
            Some((int.span(), written, format!("{}.0", int.base10_digits())))
        }
        syn::Expr::MethodCall(m)
            if m.args.is_empty() && matches!(m.method.to_string().as_str(), "len" | "nrows" | "ncols" | "count") =>
        {
            let written = quote::ToTokens::to_token_stream(m).to_string().replace(" . ", ".").replace(" ()", "()");
            Some((m.span(), written.clone(), format!("{written} as f64")))
        }
        _ => None,
    }
}
