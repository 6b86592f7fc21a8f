//! Tuples: a tuple pattern is matched against the tuple expression that
//! makes it, element by element, so every element is a value of its own
//! and the IR has no tuple type.

use std::collections::HashMap;

use matdiff_table as table;
use proc_macro2::{Ident, Span};
use quote::{ToTokens, quote};
use syn::spanned::Spanned;

use super::syntax::{expr_local, has_control, is_self};
use super::{Arm, ArmMode, Lowerer, names_type};
use crate::ir::{ArrayInit, Dst, Expr, Form, Stmt, Var};

/// The value of an expression that a tuple pattern takes apart: one value,
/// or a tuple whose elements were lowered one by one.
pub(super) enum Shaped {
    One(Var, Span),
    Tuple(Vec<Shaped>, Span),
}

/// What a pattern asks of the value it binds: the arms of an `if` or
/// `match` that yields a tuple must each yield one value per leaf.
pub(super) enum TupleShape {
    /// A name or `_`: one value, named after it.
    Leaf(String),
    Tuple(Vec<TupleShape>),
    /// A tuple pattern with `..`, which does not say how many elements it
    /// matches.
    Open(Span),
}

/// The message for a tuple of differentiated values kept as one value.
pub(super) fn tuple_as_value(span: Span) -> syn::Error {
    syn::Error::new(
        span,
        "a tuple of differentiated values cannot be kept as one value: take it apart where it is made, with a tuple pattern (`let (a, b) = (..);`), and use the names",
    )
}

/// The message for `x.sin_cos()` that no tuple pattern takes apart.
pub(super) fn sin_cos_as_value(span: Span) -> syn::Error {
    syn::Error::new(
        span,
        "`sin_cos` of a differentiated value gives a pair, which must be taken apart where it is called: `let (s, c) = x.sin_cos();`",
    )
}

/// Whether `pat` is a tuple pattern (possibly typed or in parentheses).
pub(super) fn is_tuple_pattern(pat: &syn::Pat) -> bool {
    match pat {
        syn::Pat::Type(t) => is_tuple_pattern(&t.pat),
        syn::Pat::Paren(p) => is_tuple_pattern(&p.pat),
        syn::Pat::Tuple(_) => true,
        _ => false,
    }
}

/// The names a pattern binds.
pub(super) fn pattern_names(pat: &syn::Pat, out: &mut Vec<String>) {
    match pat {
        syn::Pat::Type(t) => pattern_names(&t.pat, out),
        syn::Pat::Paren(p) => pattern_names(&p.pat, out),
        syn::Pat::Tuple(t) => t.elems.iter().for_each(|p| pattern_names(p, out)),
        syn::Pat::Ident(p) => out.push(p.ident.to_string()),
        _ => {}
    }
}

/// What `pat` asks of the value it binds.
pub(super) fn pattern_shape(pat: &syn::Pat) -> TupleShape {
    match pat {
        syn::Pat::Type(t) => pattern_shape(&t.pat),
        syn::Pat::Paren(p) => pattern_shape(&p.pat),
        syn::Pat::Tuple(t) => match t.elems.iter().find(|p| matches!(p, syn::Pat::Rest(_))) {
            Some(rest) => TupleShape::Open(rest.span()),
            None => TupleShape::Tuple(t.elems.iter().map(pattern_shape).collect()),
        },
        syn::Pat::Ident(p) => TupleShape::Leaf(p.ident.to_string()),
        _ => TupleShape::Leaf("v".to_string()),
    }
}

impl TupleShape {
    /// The first `..` in the shape, which a branch cannot yield.
    fn open(&self) -> Option<Span> {
        match self {
            TupleShape::Leaf(_) => None,
            TupleShape::Tuple(items) => items.iter().find_map(TupleShape::open),
            TupleShape::Open(rest) => Some(*rest),
        }
    }

    pub(super) fn leaf_names(&self, out: &mut Vec<String>) {
        match self {
            TupleShape::Leaf(name) => out.push(name.clone()),
            TupleShape::Tuple(items) => items.iter().for_each(|s| s.leaf_names(out)),
            TupleShape::Open(_) => {}
        }
    }

    /// The shape filled with `values`, in leaf order.
    fn rebuild(&self, values: &mut impl Iterator<Item = Var>, span: Span) -> syn::Result<Shaped> {
        match self {
            TupleShape::Leaf(_) => values
                .next()
                .map(|v| Shaped::One(v, span))
                .ok_or_else(|| syn::Error::new(span, "internal: a branch yields fewer values than its tuple holds")),
            TupleShape::Tuple(items) => {
                Ok(Shaped::Tuple(items.iter().map(|s| s.rebuild(values, span)).collect::<syn::Result<_>>()?, span))
            }
            TupleShape::Open(rest) => Err(open_branch(*rest)),
        }
    }
}

fn open_branch(rest: Span) -> syn::Error {
    syn::Error::new(
        rest,
        "a tuple that an `if` or `match` yields must be taken apart element by element: write a name or `_` for every element instead of `..`",
    )
}

/// The elements of a tuple pattern against `count` values: the index of
/// the value each sub-pattern takes, `..` taking those in the middle.
fn element_positions(pat: &syn::PatTuple, count: usize) -> Option<Vec<(usize, &syn::Pat)>> {
    let rest = pat.elems.iter().position(|p| matches!(p, syn::Pat::Rest(_)));
    let named = pat.elems.len() - usize::from(rest.is_some());
    if named > count || (rest.is_none() && named != count) {
        return None;
    }
    let mut positions = Vec::new();
    for (i, sub) in pat.elems.iter().enumerate() {
        match rest {
            Some(r) if i == r => {}
            Some(r) if i > r => positions.push((count - (pat.elems.len() - i), sub)),
            _ => positions.push((i, sub)),
        }
    }
    Some(positions)
}

impl Lowerer {
    /// `let PAT = init;` with a tuple pattern.
    pub(super) fn destructure(&mut self, local: &syn::Local, init: &syn::Expr) -> syn::Result<()> {
        if let syn::Pat::Slice(slice) = &local.pat {
            return self.destructure_array(slice, init);
        }
        if !self.mentions_varied(init.to_token_stream()) && !has_control(init) {
            return self.destructure_constant(local, init);
        }
        let value = self.tuple_value(init, &pattern_shape(&local.pat))?;
        self.bind_pattern(&local.pat, None, value)
    }

    /// `let [a, b, c] = x;` (also with `_` and one `..`): one `let` per
    /// named element, `let a = x[0];`, counting from the end after `..`
    /// (`x[x.len() - 1]`).
    fn destructure_array(&mut self, slice: &syn::PatSlice, init: &syn::Expr) -> syn::Result<()> {
        let rest = slice.elems.iter().position(|p| matches!(p, syn::Pat::Rest(_)));
        if let (syn::Expr::Array(items), None) = (init, rest) {
            // `let [a, b] = [x * y, x + y];`: element by element.
            if items.elems.len() == slice.elems.len() {
                for (element, item) in slice.elems.iter().zip(&items.elems) {
                    let stmt: syn::Stmt = syn::parse_quote_spanned!(element.span()=> let #element = #item;);
                    if let syn::Stmt::Local(local) = stmt {
                        self.local(&local)?;
                    }
                }
                return Ok(());
            }
        }
        let array = match init {
            syn::Expr::Path(p) if p.path.get_ident().is_some() => init.clone(),
            syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => (*u.expr).clone(),
            syn::Expr::Paren(p) => return self.destructure_array(slice, &p.expr),
            other => return Err(syn::Error::new(other.span(), crate::errors::ARRAY_PATTERN_OF_A_NAME)),
        };
        let count = slice.elems.len();
        for (position, element) in slice.elems.iter().enumerate() {
            let index: syn::Expr = match rest {
                Some(r) if position == r => continue,
                Some(r) if position > r => {
                    let from_end = count - position;
                    syn::parse_quote_spanned!(element.span()=> #array.len() - #from_end)
                }
                _ => syn::parse_quote_spanned!(element.span()=> #position),
            };
            match element {
                syn::Pat::Wild(_) => {}
                syn::Pat::Ident(p) if p.subpat.is_none() && p.by_ref.is_none() => {
                    let stmt: syn::Stmt = syn::parse_quote_spanned!(element.span()=> let #p = #array[#index];);
                    if let syn::Stmt::Local(local) = stmt {
                        self.local(&local)?;
                    }
                }
                other => return Err(syn::Error::new(other.span(), crate::errors::ARRAY_PATTERN_ELEMENT)),
            }
        }
        Ok(())
    }

    /// `let (a, b) = init;` with an inactive `init`: as written.
    fn destructure_constant(&mut self, local: &syn::Local, init: &syn::Expr) -> syn::Result<()> {
        let (pat, ty) = match &local.pat {
            syn::Pat::Type(t) => (&*t.pat, Some(t.ty.clone())),
            other => (other, None),
        };
        let mut bound = Vec::new();
        let dst = self.pattern_dst(pat, &mut bound)?;
        let mut init = init.clone();
        let uses = self.rename(&mut init);
        let span = init.span();
        self.stmts.push(Stmt::Let { dst, ty, expr: Expr::Opaque { tokens: init.into_token_stream(), uses }, span });
        for (name, var) in bound {
            self.declare(name, var);
        }
        Ok(())
    }

    /// Lowers `expr`, seeing into the tuples it makes: tuple expressions,
    /// `sin_cos`, and the blocks, `if`s and `match`es that end in them.
    pub(super) fn tuple_value(&mut self, expr: &syn::Expr, shape: &TupleShape) -> syn::Result<Shaped> {
        let span = expr.span();
        let hint = match shape {
            TupleShape::Leaf(name) => Some(name.as_str()),
            _ => None,
        };
        // A tuple written out is taken apart even when it is constant: its
        // literals then meet the values they are used with one by one, and
        // get their float type from them.
        let structural = matches!(expr, syn::Expr::Paren(_) | syn::Expr::Group(_) | syn::Expr::Tuple(_));
        if !structural && !self.mentions_varied(expr.to_token_stream()) && !has_control(expr) {
            return Ok(Shaped::One(self.expr(expr, hint)?, span));
        }
        match expr {
            syn::Expr::Paren(p) => self.tuple_value(&p.expr, shape),
            syn::Expr::Group(g) => self.tuple_value(&g.expr, shape),
            syn::Expr::Tuple(t) => {
                let count = t.elems.len();
                let items = match shape {
                    TupleShape::Tuple(items) if items.len() == count => items.iter().collect(),
                    _ => Vec::new(),
                };
                let any = TupleShape::Leaf("v".to_string());
                let elements = t
                    .elems
                    .iter()
                    .enumerate()
                    .map(|(i, e)| self.tuple_value(e, items.get(i).copied().unwrap_or(&any)))
                    .collect::<syn::Result<_>>()?;
                Ok(Shaped::Tuple(elements, span))
            }
            syn::Expr::MethodCall(m)
                if m.method == "sin_cos" && m.args.is_empty() && m.turbofish.is_none() && !is_self(&m.receiver) =>
            {
                let x = self.expr(&m.receiver, None)?;
                self.sin_cos(x, shape, m.method.span(), span)
            }
            syn::Expr::Call(c) if is_float_sin_cos(c, &self.float.ident()) => {
                let x = self.expr(&c.args[0], None)?;
                self.sin_cos(x, shape, c.func.span(), span)
            }
            syn::Expr::Block(b) if b.label.is_none() => {
                let depth = self.scopes.len();
                self.scopes.push(HashMap::new());
                let value = self.block_then(&b.block, |s, tail| s.tuple_value(tail, shape));
                self.scopes.truncate(depth);
                value
            }
            syn::Expr::If(e) if !matches!(shape, TupleShape::Leaf(_)) => {
                let values = self.tuple_if(e, shape)?;
                shape.rebuild(&mut values.into_iter(), span)
            }
            syn::Expr::Match(m) if !matches!(shape, TupleShape::Leaf(_)) => {
                if let Some(rest) = shape.open() {
                    return Err(open_branch(rest));
                }
                let scrutinee = self.expr(&m.expr, Some("scrutinee"))?;
                let values = self.match_arms(scrutinee, &m.arms, ArmMode::Tuple(shape), None)?;
                shape.rebuild(&mut values.into_iter(), span)
            }
            syn::Expr::Call(_) | syn::Expr::MethodCall(_) if !matches!(shape, TupleShape::Leaf(_)) => {
                let value = self.expr(expr, hint)?;
                if self.vars.varied(value) {
                    return Err(syn::Error::new(
                        span,
                        "the tuple a call returns cannot be taken apart in a differentiated function: compute each element with a call of its own (of a `#[differentiate]` function that returns one float)",
                    ));
                }
                Ok(Shaped::One(value, span))
            }
            other => Ok(Shaped::One(self.expr(other, hint)?, span)),
        }
    }

    /// The values the function returns: one, or each element of a tuple
    /// result, which [`Lowerer::result_array`] gathers at the end.
    pub(super) fn result_value(&mut self, expr: &syn::Expr) -> syn::Result<Vec<Var>> {
        let Some(len) = self.tuple_result else {
            let result = self.expr(expr, None)?;
            self.results.push(result);
            return Ok(vec![result]);
        };
        let shape = TupleShape::Tuple((0..len).map(|_| TupleShape::Leaf("output".to_string())).collect());
        self.tuple_leaves(expr, &shape)
    }

    /// The result of the function from what its body yields: the elements
    /// of a tuple result become the array whose Jacobian is generated.
    pub(super) fn result_array(&mut self, yields: Vec<Var>, span: Span) -> Vec<Var> {
        if self.tuple_result.is_none() {
            return yields;
        }
        let var = self.vars.fresh("result", span, true);
        self.vars.get_mut(var).array = true;
        vec![self.emit(var, Expr::NewArray(ArrayInit::List { items: yields, vec: false }), span)]
    }

    /// `(a, b) = right;`: every value of `right` is computed before any
    /// variable changes, so `(a, b) = (b, a)` swaps.
    pub(super) fn tuple_assignment(&mut self, left: &syn::Expr, right: &syn::Expr) -> syn::Result<()> {
        let shape = assignee_shape(left)?;
        let leaves = self.tuple_leaves(right, &shape)?;
        self.assign_leaves(left, &mut leaves.into_iter())
    }

    fn assign_leaves(&mut self, left: &syn::Expr, leaves: &mut impl Iterator<Item = Var>) -> syn::Result<()> {
        let missing = || syn::Error::new(left.span(), "internal: fewer values than assigned variables");
        match left {
            syn::Expr::Paren(p) => self.assign_leaves(&p.expr, leaves),
            syn::Expr::Tuple(t) => t.elems.iter().try_for_each(|e| self.assign_leaves(e, leaves)),
            syn::Expr::Infer(_) => leaves.next().map(drop).ok_or_else(missing),
            _ => {
                let value = leaves.next().ok_or_else(missing)?;
                let name = expr_local(left).map(|i| i.to_string());
                let Some((name, current)) = name.and_then(|n| self.lookup(&n).map(|v| (n, v))) else {
                    return Err(not_assignable(left.span()));
                };
                if self.vars.is_array(current) {
                    return Err(syn::Error::new(
                        left.span(),
                        "assigning a whole array is not supported: assign its elements, or declare a new array",
                    ));
                }
                // A loop updates its carried variables one after the other:
                // a copy keeps the value of another variable (`(a, b) = (b,
                // a)`) from changing with it before it is read.
                let var = self.vars.fresh(&name, left.span(), self.vars.varied(value));
                let (matrix, mutable) = (self.vars.get(value).matrix, self.vars.get(current).mutable);
                let data = self.vars.get_mut(var);
                data.matrix = matrix;
                data.mutable = mutable;
                self.emit(var, Expr::Copy(value), left.span());
                self.assign(&name, var);
                Ok(())
            }
        }
    }

    /// `t.0` of an expression that makes a tuple (`x.sin_cos().0`).
    pub(super) fn tuple_field(&mut self, field: &syn::ExprField, hint: Option<&str>) -> syn::Result<Var> {
        let syn::Member::Unnamed(index) = &field.member else {
            return Err(syn::Error::new(field.span(), "internal: a named field taken for a tuple element"));
        };
        let name = hint.unwrap_or("element").to_string();
        match self.tuple_value(&field.base, &TupleShape::Leaf(name))? {
            Shaped::Tuple(mut items, span) if (index.index as usize) < items.len() => {
                match items.swap_remove(index.index as usize) {
                    Shaped::One(v, _) => Ok(v),
                    Shaped::Tuple(_, inner) => Err(tuple_as_value(inner.join(span).unwrap_or(inner))),
                }
            }
            _ => Err(syn::Error::new(
                field.span(),
                "only the elements of a tuple written out or of `x.sin_cos()` can be read by position here: take the tuple apart with a pattern, `let (a, b) = ..;`",
            )),
        }
    }

    /// `(x.sin(), x.cos())`, named after the pattern that takes it apart.
    fn sin_cos(&mut self, x: Var, shape: &TupleShape, method_span: Span, span: Span) -> syn::Result<Shaped> {
        let names = match shape {
            TupleShape::Tuple(items) => match items.as_slice() {
                [TupleShape::Leaf(s), TupleShape::Leaf(c)] => [s.as_str(), c.as_str()],
                _ => ["sin", "cos"],
            },
            _ => ["sin", "cos"],
        };
        let mut parts = Vec::new();
        for (name, hint) in ["sin", "cos"].into_iter().zip(names) {
            let prim = table::by_method(name)
                .ok_or_else(|| syn::Error::new(span, format!("internal: the primitive table lacks `{name}`")))?;
            self.check_scalar_args(&[x], span)?;
            self.check_float_operands(prim, &[x], method_span)?;
            let method = Ident::new(name, method_span);
            parts.push(Shaped::One(self.prim(prim, vec![x], Form::Method(method), hint, span), span));
        }
        Ok(Shaped::Tuple(parts, span))
    }

    /// An `if` whose arms yield a tuple of `shape`: one output per leaf.
    fn tuple_if(&mut self, e: &syn::ExprIf, shape: &TupleShape) -> syn::Result<Vec<Var>> {
        if let Some(rest) = shape.open() {
            return Err(open_branch(rest));
        }
        let cond = self.condition(&e.cond);
        let then_arm: Arm = Box::new(move |s: &mut Lowerer| {
            s.scopes.push(HashMap::new());
            s.block_then(&e.then_branch, |s, tail| s.tuple_leaves(tail, shape))
        });
        let else_arm: Arm = Box::new(move |s: &mut Lowerer| match &e.else_branch {
            Some((_, else_expr)) => match &**else_expr {
                syn::Expr::If(nested) => s.tuple_if(nested, shape),
                other => {
                    s.scopes.push(HashMap::new());
                    s.tuple_leaves(other, shape)
                }
            },
            None => Err(syn::Error::new(e.span(), "an `if` without `else` has no value: add an `else` branch")),
        });
        let mut names = Vec::new();
        shape.leaf_names(&mut names);
        self.branch(cond, then_arm, else_arm, &names, true, e.span())
    }

    /// The leaves of `expr`'s value, which must have `shape`: what an arm
    /// of a branch that yields a tuple yields.
    pub(super) fn tuple_leaves(&mut self, expr: &syn::Expr, shape: &TupleShape) -> syn::Result<Vec<Var>> {
        let value = self.tuple_value(expr, shape)?;
        let mut leaves = Vec::new();
        self.flatten(value, shape, &mut leaves)?;
        Ok(leaves)
    }

    fn flatten(&mut self, value: Shaped, shape: &TupleShape, out: &mut Vec<Var>) -> syn::Result<()> {
        match (value, shape) {
            (Shaped::One(v, _), TupleShape::Leaf(_)) => out.push(v),
            (Shaped::Tuple(_, span), TupleShape::Leaf(_)) => return Err(tuple_as_value(span)),
            (Shaped::Tuple(items, span), TupleShape::Tuple(shapes)) => {
                if items.len() != shapes.len() {
                    return Err(syn::Error::new(span, "this tuple does not have as many elements as its pattern"));
                }
                for (item, shape) in items.into_iter().zip(shapes) {
                    self.flatten(item, shape, out)?;
                }
            }
            (Shaped::One(v, span), TupleShape::Tuple(shapes)) => {
                if self.vars.varied(v) {
                    return Err(opaque_tuple(span));
                }
                // A constant tuple: taken apart by a `let` of its own.
                let mut leaves = Vec::new();
                let dst = self.constant_leaves(shapes, span, &mut leaves);
                let ident = self.vars.ident(v).clone();
                self.stmts.push(Stmt::Let {
                    dst,
                    ty: None,
                    expr: Expr::Opaque { tokens: ident.into_token_stream(), uses: vec![v] },
                    span,
                });
                out.extend(leaves);
            }
            (_, TupleShape::Open(rest)) => return Err(open_branch(*rest)),
        }
        Ok(())
    }

    /// A pattern of fresh values for the leaves of `shapes`.
    fn constant_leaves(&mut self, shapes: &[TupleShape], span: Span, out: &mut Vec<Var>) -> Dst {
        Dst::Tuple(
            shapes
                .iter()
                .map(|shape| match shape {
                    TupleShape::Tuple(items) => self.constant_leaves(items, span, out),
                    TupleShape::Leaf(name) => {
                        let var = self.vars.fresh(name, span, false);
                        out.push(var);
                        Dst::Var(var)
                    }
                    TupleShape::Open(_) => Dst::Ignore,
                })
                .collect(),
        )
    }

    /// Binds `pat` (with the type `ty` written around it) to `value`.
    pub(super) fn bind_pattern(&mut self, pat: &syn::Pat, ty: Option<&syn::Type>, value: Shaped) -> syn::Result<()> {
        match (pat, value) {
            (syn::Pat::Type(t), value) => self.bind_pattern(&t.pat, Some(&t.ty), value),
            (syn::Pat::Paren(p), value) => self.bind_pattern(&p.pat, ty, value),
            (syn::Pat::Wild(_), _) => Ok(()),
            (syn::Pat::Ident(p), Shaped::One(v, _)) if p.subpat.is_none() && p.by_ref.is_none() => {
                self.bind_name(p, ty.cloned().map(Box::new), v, false);
                Ok(())
            }
            (syn::Pat::Ident(p), Shaped::Tuple(items, span)) if p.subpat.is_none() && p.by_ref.is_none() => {
                // A tuple of constants may be one value, as written.
                let tuple = self.constant_tuple(Shaped::Tuple(items, span)).ok_or_else(|| tuple_as_value(span))?;
                self.bind_name(p, ty.cloned().map(Box::new), tuple, false);
                Ok(())
            }
            (syn::Pat::Tuple(t), Shaped::Tuple(items, span)) => {
                let Some(positions) = element_positions(t, items.len()) else {
                    return Err(syn::Error::new(
                        t.span(),
                        format!("this pattern does not match the {} elements of the tuple", items.len()),
                    ));
                };
                let types = match ty {
                    Some(syn::Type::Tuple(types)) if types.elems.len() == t.elems.len() => {
                        types.elems.iter().map(Some).collect()
                    }
                    _ => vec![None; t.elems.len()],
                };
                let mut items: Vec<Option<Shaped>> = items.into_iter().map(Some).collect();
                let sub_types = t.elems.iter().zip(types).filter(|(p, _)| !matches!(p, syn::Pat::Rest(_)));
                for ((position, sub), (_, sub_ty)) in positions.into_iter().zip(sub_types) {
                    let item = items[position]
                        .take()
                        .ok_or_else(|| syn::Error::new(span, "internal: a tuple element is matched twice"))?;
                    self.bind_pattern(sub, sub_ty, item)?;
                }
                Ok(())
            }
            (syn::Pat::Tuple(_), Shaped::One(v, span)) => {
                if self.vars.varied(v) {
                    return Err(opaque_tuple(span));
                }
                let mut bound = Vec::new();
                let dst = self.pattern_dst(pat, &mut bound)?;
                let ident = self.vars.ident(v).clone();
                self.stmts.push(Stmt::Let {
                    dst,
                    ty: ty.cloned().map(Box::new),
                    expr: Expr::Opaque { tokens: ident.into_token_stream(), uses: vec![v] },
                    span,
                });
                for (name, var) in bound {
                    self.declare(name, var);
                }
                Ok(())
            }
            (other, _) => Err(syn::Error::new(
                other.span(),
                "only names, `_`, `..` and tuples of them are supported in `let` patterns: bind the value to a name",
            )),
        }
    }

    /// The tuple `value` as one inactive value, if none of it is varied.
    fn constant_tuple(&mut self, value: Shaped) -> Option<Var> {
        let mut uses = Vec::new();
        let tokens = self.constant_tokens(&value, &mut uses)?;
        let span = match &value {
            Shaped::One(_, span) | Shaped::Tuple(_, span) => *span,
        };
        let var = self.vars.fresh("tuple", span, false);
        Some(self.emit(var, Expr::Opaque { tokens, uses }, span))
    }

    fn constant_tokens(&self, value: &Shaped, uses: &mut Vec<Var>) -> Option<proc_macro2::TokenStream> {
        match value {
            Shaped::One(v, _) if !self.vars.varied(*v) && !self.vars.is_array(*v) => {
                uses.push(*v);
                Some(self.vars.ident(*v).to_token_stream())
            }
            Shaped::One(..) => None,
            Shaped::Tuple(items, _) => {
                let items = items.iter().map(|item| self.constant_tokens(item, uses)).collect::<Option<Vec<_>>>()?;
                Some(quote!((#(#items,)*)))
            }
        }
    }

    /// Binds the name of `p` to `value`; with `reuse`, a value that the
    /// last statement computed takes the name itself rather than a copy.
    pub(super) fn bind_name(&mut self, p: &syn::PatIdent, ty: Option<Box<syn::Type>>, value: Var, reuse: bool) {
        let name = p.ident.to_string();
        if self.vars.is_array(value) {
            // An array is memory: a new name for it is the same array.
            if p.mutability.is_some() {
                self.vars.get_mut(value).place = true;
            }
            self.declare(name, value);
            return;
        }
        let var = if reuse && self.defined_last(value) && ty.is_none() {
            value
        } else {
            let varied = self.vars.varied(value);
            let var = self.vars.fresh(&name, p.ident.span(), varied);
            if ty.as_ref().is_some_and(|ty| names_type(ty, &self.float.ident().to_string())) {
                self.written_float.push(var);
            }
            self.stmts.push(Stmt::Let { dst: Dst::Var(var), ty, expr: Expr::Copy(value), span: p.ident.span() });
            var
        };
        if p.mutability.is_some() {
            self.vars.get_mut(var).mutable = true;
        }
        self.declare(name, var);
    }
}

/// The message for a differentiated value that a tuple pattern cannot see into.
fn opaque_tuple(span: Span) -> syn::Error {
    syn::Error::new(
        span,
        "the macro cannot see into this tuple: only a tuple written out (`(a, b)`), `x.sin_cos()`, or a block, `if` or `match` that ends in one can be taken apart. Compute each element with its own `let`",
    )
}

/// What the left side of a tuple assignment asks of the value.
fn assignee_shape(left: &syn::Expr) -> syn::Result<TupleShape> {
    match left {
        syn::Expr::Paren(p) => assignee_shape(&p.expr),
        syn::Expr::Tuple(t) => Ok(TupleShape::Tuple(t.elems.iter().map(assignee_shape).collect::<syn::Result<_>>()?)),
        syn::Expr::Infer(_) => Ok(TupleShape::Leaf("v".to_string())),
        syn::Expr::Range(r) if r.start.is_none() && r.end.is_none() => Err(syn::Error::new(
            r.span(),
            "`..` is not supported in an assignment to a tuple: write a variable or `_` for every element",
        )),
        other => match expr_local(other) {
            Some(name) => Ok(TupleShape::Leaf(name.to_string())),
            None => Err(not_assignable(other.span())),
        },
    }
}

fn not_assignable(span: Span) -> syn::Error {
    syn::Error::new(
        span,
        "only local variables and `_` can be assigned together in a tuple: assign elements of arrays and fields with statements of their own",
    )
}

/// `f64::sin_cos(x)`, `f32::sin_cos(x)`, or `T::sin_cos(x)` of the float
/// type `float`.
fn is_float_sin_cos(c: &syn::ExprCall, float: &syn::Ident) -> bool {
    let syn::Expr::Path(func) = &*c.func else { return false };
    let segments: Vec<String> = func.path.segments.iter().map(|s| s.ident.to_string()).collect();
    func.qself.is_none()
        && c.args.len() == 1
        && matches!(segments.as_slice(), [ty, name] if (ty == "f64" || ty == "f32" || float == ty) && name == "sin_cos")
}
