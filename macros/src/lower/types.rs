//! Float types that rustc can no longer infer in the generated code.
//!
//! In the user's function a literal takes its type from whatever meets it:
//! the other arm of a `match`, a comparison, an assignment, an operation.
//! The generated functions copy the code after an early `return` into
//! every arm and drop code whose value nothing needs, so the only thing that
//! fixed the type may be gone (`let h = 0.5; .. h.max(0.5)` is then a call
//! on an ambiguous `{float}`). The values the user's code gives one type
//! are grouped here; a group that holds a differentiated float, which has
//! the function's float type, gives that type to the `let`s of its other
//! values that are computed from unsuffixed float literals, the only ones
//! whose type can be ambiguous. A type annotation costs nothing at run
//! time.
//!
//! Arrays lose their type the same way: the generated code builds an array
//! that holds differentiated values from its elements, without the type
//! written on its `let`, so those elements join the function's float type;
//! an inactive array of literals whose elements meet that type gets it as
//! a suffix on the literals (`[0.5_f64; 2]`), which fits a `Vec` and an
//! array alike.
//!
//! With nalgebra values an operator may mix a scalar and a matrix, and a
//! local is not always known to be a matrix, so a group there only means
//! one scalar type (of a float, or of a matrix's entries): only values
//! written as float literals alone are annotated, since a float literal
//! is never a matrix.

use std::collections::{HashMap, HashSet};

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use syn::punctuated::Punctuated;

use crate::ir::{ArrayInit, Expr, Header, Stmt, Var, Vars};

/// Groups of values of one type (a union-find over the values).
pub struct TypeClasses {
    parent: Vec<usize>,
    /// `(element, array)`: inactive code that reads an element of an
    /// inactive local array (`w[1]`).
    pub elements: Vec<(Var, Var)>,
    /// `(array, element)`: a local written as an element where an inactive
    /// array is built (`vec![a, 0.5]`).
    pub members: Vec<(Var, Var)>,
}

impl TypeClasses {
    /// Classes of `count` values, and one more node, [`TypeClasses::float`],
    /// that stands for the function's float type.
    pub fn new(count: usize) -> Self {
        TypeClasses { parent: (0..=count).collect(), elements: Vec::new(), members: Vec::new() }
    }

    /// The class of the function's float type.
    pub fn float(&mut self) -> usize {
        let node = self.parent.len() - 1;
        self.find(node)
    }

    fn union_float(&mut self, v: Var) {
        let (a, b) = (self.find(v.0 as usize), self.float());
        if a != b {
            self.parent[a] = b;
        }
    }

    fn find(&mut self, v: usize) -> usize {
        let mut root = v;
        while self.parent[root] != root {
            root = self.parent[root];
        }
        let mut node = v;
        while self.parent[node] != root {
            let next = self.parent[node];
            self.parent[node] = root;
            node = next;
        }
        root
    }

    pub fn class(&mut self, v: Var) -> usize {
        self.find(v.0 as usize)
    }

    pub fn union(&mut self, a: Var, b: Var) {
        let (a, b) = (self.find(a.0 as usize), self.find(b.0 as usize));
        if a != b {
            self.parent[a] = b;
        }
    }

    pub fn union_all(&mut self, values: &[Var]) {
        for pair in values.windows(2) {
            self.union(pair[0], pair[1]);
        }
    }

    /// Unions what the lowered code itself joins: the yields of an `if`'s
    /// arms with its outputs, a loop's carried values with their initial,
    /// next and final values, a copy with its source, the float operands
    /// of a float operation with its result, and the locals of inactive
    /// arithmetic (`-b`, `2.0 * a + b`) with its value.
    pub fn join_ir(&mut self, stmts: &[Stmt], vars: &Vars) {
        // An element of an array that holds differentiated values has the
        // function's float type; the generated code builds such an array
        // from its elements, without the type the user may have written on
        // the array (`let mut w: Vec<f64> = vec![0.0; n];`).
        let holds_floats = |array: Var| vars.is_array(array) && vars.varied(array);
        for stmt in stmts {
            match stmt {
                Stmt::Let { dst: crate::ir::Dst::Var(v), expr, .. } => match expr {
                    Expr::Copy(source) => self.union(*v, *source),
                    Expr::NewArray(ArrayInit::Fill { value, .. }) if holds_floats(*v) => self.union_float(*value),
                    Expr::NewArray(ArrayInit::List { items, .. }) if holds_floats(*v) => {
                        for &item in items {
                            self.union_float(item);
                        }
                    }
                    Expr::Read { array, .. } if holds_floats(*array) => self.union_float(*v),
                    Expr::Opaque { tokens, uses } => {
                        let Ok(parsed) = syn::parse2::<syn::Expr>(tokens.clone()) else {
                            continue;
                        };
                        let local = |name: &str| uses.iter().copied().find(|u| vars.ident(*u) == name);
                        let mut pairs = Vec::new();
                        method_operands(&parsed, &mut pairs);
                        for (a, b) in pairs {
                            if let (Some(a), Some(b)) = (local(&a), local(&b)) {
                                self.union(a, b);
                            }
                        }
                        let mut names = Vec::new();
                        if let syn::Expr::Index(ix) = &parsed {
                            // `w[1..]` is a slice, not an element.
                            let element = !matches!(&*ix.index, syn::Expr::Range(_));
                            if let Some(array) = expr_ident(&ix.expr).and_then(|name| local(&name)).filter(|_| element)
                            {
                                self.elements.push((*v, array));
                            }
                        } else if arithmetic_locals(&parsed, &mut names) {
                            for u in uses.iter().filter(|u| names.contains(&vars.ident(**u).to_string())) {
                                self.union(*v, *u);
                            }
                        } else if let Some(items) = array_items(&parsed) {
                            for member in items.iter().filter_map(expr_ident).filter_map(|name| local(&name)) {
                                self.members.push((*v, member));
                            }
                        }
                    }
                    Expr::Prim { prim, args, .. } if !prim.matrix && prim.name != "cast" => {
                        for &k in prim.differentiable {
                            if let Some(&arg) = args.get(k) {
                                self.union(*v, arg);
                            }
                        }
                    }
                    _ => {}
                },
                Stmt::Store { array, value, .. } if holds_floats(*array) => self.union_float(*value),
                Stmt::If { then_blk, else_blk, outs, .. } => {
                    for ((out, t), e) in outs.iter().zip(&then_blk.yields).zip(&else_blk.yields) {
                        self.union_all(&[*out, *t, *e]);
                    }
                    self.join_ir(&then_blk.stmts, vars);
                    self.join_ir(&else_blk.stmts, vars);
                }
                Stmt::Loop(l) => {
                    for (i, (phi, init)) in l.carried.iter().enumerate() {
                        self.union(*phi, *init);
                        if let Some(next) = l.body.yields.get(i) {
                            self.union(*phi, *next);
                        }
                        if let Some(out) = l.outs.get(i) {
                            self.union(*phi, *out);
                        }
                    }
                    if let Header::While { cond } = &l.header {
                        self.join_ir(&cond.stmts, vars);
                    }
                    self.join_ir(&l.body.stmts, vars);
                }
                _ => {}
            }
        }
    }
}

/// Which inactive `let`s [`annotate`] may give the float type.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Annotate {
    /// Any with an unsuffixed float literal: the function has no matrices,
    /// so a value of a float's class is that float's type.
    WithFloatLiteral,
    /// Only those whose value is arithmetic on unsuffixed float literals
    /// alone (`0.5`, `-(1.0 / 3.0)`): with nalgebra values, a class may
    /// also hold matrices of the float type (`s * m` joins the scalar `s`
    /// and the matrix `m`), but such a value is a float all the same.
    FloatLiteralsOnly,
}

/// Gives the type `ty` to the `let`s that bind one of `vars` without a type
/// to inactive code of the kind `which` allows.
pub fn annotate(stmts: &mut [Stmt], vars: &HashSet<Var>, ty: &syn::Type, which: Annotate) {
    for stmt in stmts {
        match stmt {
            Stmt::Let { dst: crate::ir::Dst::Var(v), ty: slot @ None, expr: Expr::Opaque { tokens, .. }, .. }
                if vars.contains(v) && annotatable(tokens, which) =>
            {
                *slot = Some(Box::new(ty.clone()));
            }
            Stmt::If { then_blk, else_blk, .. } => {
                annotate(&mut then_blk.stmts, vars, ty, which);
                annotate(&mut else_blk.stmts, vars, ty, which);
            }
            Stmt::Loop(l) => {
                if let Header::While { cond } = &mut l.header {
                    annotate(&mut cond.stmts, vars, ty, which);
                }
                annotate(&mut l.body.stmts, vars, ty, which);
            }
            _ => {}
        }
    }
}

fn annotatable(tokens: &TokenStream, which: Annotate) -> bool {
    let Ok(expr) = syn::parse2::<syn::Expr>(tokens.clone()) else {
        return false;
    };
    match which {
        // An array built from literals is not a float, whatever its class.
        Annotate::WithFloatLiteral => {
            !matches!(expr, syn::Expr::Macro(_) | syn::Expr::Array(_) | syn::Expr::Repeat(_))
                && has_float_literal(tokens.clone())
        }
        Annotate::FloatLiteralsOnly => float_literals_only(&expr),
    }
}

/// Whether `expr` is `+ - * / %` and unary `-` on unsuffixed float literals
/// alone, which is a float of the type every literal in it has.
fn float_literals_only(expr: &syn::Expr) -> bool {
    match expr {
        syn::Expr::Lit(l) => matches!(&l.lit, syn::Lit::Float(f) if f.suffix().is_empty()),
        syn::Expr::Paren(p) => float_literals_only(&p.expr),
        syn::Expr::Group(g) => float_literals_only(&g.expr),
        // `{ -0.375 }`, `{ let t = ..; 0.5 }`: a block's value is its tail's,
        // whatever its other statements are.
        syn::Expr::Block(b) if b.label.is_none() => match b.block.stmts.last() {
            Some(syn::Stmt::Expr(tail, None)) => float_literals_only(tail),
            _ => false,
        },
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => float_literals_only(&u.expr),
        syn::Expr::Binary(b)
            if matches!(
                b.op,
                syn::BinOp::Add(_) | syn::BinOp::Sub(_) | syn::BinOp::Mul(_) | syn::BinOp::Div(_) | syn::BinOp::Rem(_)
            ) =>
        {
            float_literals_only(&b.left) && float_literals_only(&b.right)
        }
        _ => false,
    }
}

/// Whether `tokens` hold a float literal without a suffix (`0.5`, not `0.5_f64`).
fn has_float_literal(tokens: TokenStream) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Literal(lit) => matches!(syn::Lit::new(lit), syn::Lit::Float(f) if f.suffix().is_empty()),
        TokenTree::Group(g) => has_float_literal(g.stream()),
        _ => false,
    })
}

/// Whether `expr` is arithmetic on literals and locals (`+ - * / %`, unary
/// `-`, float methods), whose value has the type of each local; collects
/// their names.
fn arithmetic_locals(expr: &syn::Expr, names: &mut Vec<String>) -> bool {
    match expr {
        syn::Expr::Lit(_) => true,
        syn::Expr::Path(p) => match p.path.get_ident() {
            Some(ident) if p.qself.is_none() => {
                names.push(ident.to_string());
                true
            }
            _ => false,
        },
        // An element (`w[1]`) has the type the arithmetic gives it; it names
        // no local of the float's own type.
        syn::Expr::Index(_) => true,
        syn::Expr::Paren(p) => arithmetic_locals(&p.expr, names),
        syn::Expr::Group(g) => arithmetic_locals(&g.expr, names),
        // A match arm or branch written as a block of its value alone
        // (`1 => { x0 }`) has that value's type.
        syn::Expr::Block(b) if b.label.is_none() => block_locals(&b.block, names),
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => arithmetic_locals(&u.expr, names),
        // A float method with a derivative rule returns its receiver's type
        // (`fi.tanh()`, `t.powi(2)`); its other arguments may be integers.
        syn::Expr::MethodCall(m) if matdiff_table::by_method(&m.method.to_string()).is_some() => {
            arithmetic_locals(&m.receiver, names)
        }
        syn::Expr::Binary(b)
            if matches!(
                b.op,
                syn::BinOp::Add(_) | syn::BinOp::Sub(_) | syn::BinOp::Mul(_) | syn::BinOp::Div(_) | syn::BinOp::Rem(_)
            ) =>
        {
            arithmetic_locals(&b.left, names) && arithmetic_locals(&b.right, names)
        }
        _ => false,
    }
}

/// [`arithmetic_locals`] of a block's value: a match arm or branch written
/// as a block (`1 => { x0 }`, `{ let t = x0; t }`) has the type of its
/// value, whose locals bound in the block stand for their initializers.
fn block_locals(block: &syn::Block, names: &mut Vec<String>) -> bool {
    let Some((syn::Stmt::Expr(value, None), lets)) = block.stmts.split_last() else {
        return false;
    };
    // What each local of the block stands for: the outer locals its
    // initializer names, or `None` where it is not arithmetic.
    let mut bound: HashMap<String, Option<Vec<String>>> = HashMap::new();
    let resolve = |expr: &syn::Expr, bound: &HashMap<String, Option<Vec<String>>>| {
        let mut inner = Vec::new();
        if !arithmetic_locals(expr, &mut inner) {
            return None;
        }
        let mut outer = Vec::new();
        for name in inner {
            match bound.get(&name) {
                Some(Some(names)) => outer.extend(names.iter().cloned()),
                Some(None) => return None,
                None => outer.push(name),
            }
        }
        Some(outer)
    };
    for stmt in lets {
        let syn::Stmt::Local(local) = stmt else {
            return false;
        };
        let syn::Pat::Ident(pat) = strip_type(&local.pat) else {
            return false;
        };
        let meaning =
            local.init.as_ref().filter(|init| init.diverge.is_none()).and_then(|init| resolve(&init.expr, &bound));
        bound.insert(pat.ident.to_string(), meaning);
    }
    match resolve(value, &bound) {
        Some(outer) => {
            names.extend(outer);
            true
        }
        None => false,
    }
}

/// `x` of a pattern `x: T`.
fn strip_type(pat: &syn::Pat) -> &syn::Pat {
    match pat {
        syn::Pat::Type(t) => strip_type(&t.pat),
        other => other,
    }
}

/// The values of inactive code that casts to the float type `float`
/// (`let fi = i as f64;`): they have the function's float type too.
pub fn float_casts(stmts: &[Stmt], float: &syn::Ident, out: &mut Vec<Var>) {
    for stmt in stmts {
        match stmt {
            Stmt::Let { dst: crate::ir::Dst::Var(v), expr: Expr::Opaque { tokens, .. }, .. } => {
                let cast = syn::parse2::<syn::Expr>(tokens.clone()).is_ok_and(|e| {
                    matches!(unparenthesized(&e), syn::Expr::Cast(c) if matches!(&*c.ty, syn::Type::Path(t) if t.path.is_ident(float)))
                });
                if cast {
                    out.push(*v);
                }
            }
            Stmt::If { then_blk, else_blk, .. } => {
                float_casts(&then_blk.stmts, float, out);
                float_casts(&else_blk.stmts, float, out);
            }
            Stmt::Loop(l) => {
                if let Header::While { cond } = &l.header {
                    float_casts(&cond.stmts, float, out);
                }
                float_casts(&l.body.stmts, float, out);
            }
            _ => {}
        }
    }
}

/// `expr` without the parentheses around it (`(1usize as f64)`).
pub(super) fn unparenthesized(expr: &syn::Expr) -> &syn::Expr {
    match expr {
        syn::Expr::Paren(p) => unparenthesized(&p.expr),
        syn::Expr::Group(g) => unparenthesized(&g.expr),
        other => other,
    }
}

/// Pairs of locals that a float method call inside `expr` gives one type:
/// its receiver and its other float arguments (`t.min(x)`, `a.hypot(b)`),
/// found at any depth, where no `let` of their own records them (a
/// condition the generated code evaluates as written).
fn method_operands(expr: &syn::Expr, out: &mut Vec<(String, String)>) {
    use syn::visit::Visit;
    struct Finder<'a>(&'a mut Vec<(String, String)>);
    impl<'ast> Visit<'ast> for Finder<'_> {
        fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
            if let (Some(prim), Some(receiver)) =
                (matdiff_table::by_method(&m.method.to_string()), expr_ident(&m.receiver))
            {
                for &k in prim.differentiable.iter().filter(|&&k| k > 0) {
                    if let Some(arg) = m.args.iter().nth(k - 1).and_then(expr_ident) {
                        self.0.push((receiver.clone(), arg));
                    }
                }
            }
            syn::visit::visit_expr_method_call(self, m);
        }
    }
    Finder(out).visit_expr(expr);
}

fn expr_ident(expr: &syn::Expr) -> Option<String> {
    match expr {
        syn::Expr::Path(p) if p.qself.is_none() => p.path.get_ident().map(|i| i.to_string()),
        syn::Expr::Paren(p) => expr_ident(&p.expr),
        syn::Expr::Group(g) => expr_ident(&g.expr),
        _ => None,
    }
}

/// The elements written in `vec![v; n]`, `vec![a, b]`, `[v; N]` or `[a, b]`.
fn array_items(expr: &syn::Expr) -> Option<Vec<syn::Expr>> {
    match expr {
        syn::Expr::Paren(p) => array_items(&p.expr),
        syn::Expr::Group(g) => array_items(&g.expr),
        syn::Expr::Array(a) => Some(a.elems.iter().cloned().collect()),
        syn::Expr::Repeat(r) => Some(vec![(*r.expr).clone()]),
        syn::Expr::Macro(m) if super::syntax::is_vec_macro(&m.mac) => {
            if let Ok((value, _)) = m.mac.parse_body_with(super::parse_repeat) {
                return Some(vec![value]);
            }
            let items = m.mac.parse_body_with(Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated).ok()?;
            Some(items.into_iter().collect())
        }
        _ => None,
    }
}

/// Gives the suffix `float` to the unsuffixed float literals written as
/// elements of the arrays that the `let`s of `arrays` build from literals
/// (`vec![0.5; n]` becomes `vec![0.5_f64; n]`): those arrays hold floats
/// of that type, which the generated code may no longer tell rustc. A
/// suffix, unlike a type on the `let`, fits a `Vec` and an array alike.
pub fn suffix_array_literals(stmts: &mut [Stmt], arrays: &HashSet<Var>, float: &syn::Ident) {
    for stmt in stmts {
        match stmt {
            Stmt::Let { dst: crate::ir::Dst::Var(v), expr: Expr::Opaque { tokens, .. }, .. } if arrays.contains(v) => {
                if let Ok(mut parsed) = syn::parse2::<syn::Expr>(tokens.clone()) {
                    if suffix_items(&mut parsed, float) {
                        *tokens = parsed.into_token_stream();
                    }
                }
            }
            Stmt::If { then_blk, else_blk, .. } => {
                suffix_array_literals(&mut then_blk.stmts, arrays, float);
                suffix_array_literals(&mut else_blk.stmts, arrays, float);
            }
            Stmt::Loop(l) => {
                if let Header::While { cond } = &mut l.header {
                    suffix_array_literals(&mut cond.stmts, arrays, float);
                }
                suffix_array_literals(&mut l.body.stmts, arrays, float);
            }
            _ => {}
        }
    }
}

/// Suffixes the float literals among the elements of an array built by
/// `expr`; whether it built one.
fn suffix_items(expr: &mut syn::Expr, float: &syn::Ident) -> bool {
    match expr {
        syn::Expr::Paren(p) => suffix_items(&mut p.expr, float),
        syn::Expr::Group(g) => suffix_items(&mut g.expr, float),
        syn::Expr::Array(a) => {
            a.elems.iter_mut().for_each(|e| suffix_literal(e, float));
            true
        }
        syn::Expr::Repeat(r) => {
            suffix_literal(&mut r.expr, float);
            true
        }
        syn::Expr::Macro(m) if super::syntax::is_vec_macro(&m.mac) => {
            if let Ok((mut value, len)) = m.mac.parse_body_with(super::parse_repeat) {
                suffix_literal(&mut value, float);
                m.mac.tokens = quote::quote!(#value; #len);
                return true;
            }
            match m.mac.parse_body_with(Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated) {
                Ok(mut items) => {
                    items.iter_mut().for_each(|e| suffix_literal(e, float));
                    m.mac.tokens = items.into_token_stream();
                    true
                }
                Err(_) => false,
            }
        }
        _ => false,
    }
}

/// Suffixes `expr` if it is an unsuffixed float literal (or its negation),
/// or the elements of an array it builds.
fn suffix_literal(expr: &mut syn::Expr, float: &syn::Ident) {
    match expr {
        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Float(f), .. }) if f.suffix().is_empty() => {
            let mut digits = f.base10_digits().to_string();
            if digits.ends_with('.') {
                digits.push('0');
            }
            *f = syn::LitFloat::new(&format!("{digits}_{float}"), f.span());
        }
        syn::Expr::Paren(p) => suffix_literal(&mut p.expr, float),
        syn::Expr::Group(g) => suffix_literal(&mut g.expr, float),
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => suffix_literal(&mut u.expr, float),
        other => {
            suffix_items(other, float);
        }
    }
}
