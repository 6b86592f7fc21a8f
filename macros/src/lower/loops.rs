//! Loops: `for` over ranges and over slices, `while`, and the iterator
//! reductions people write (`sum`, `product`, `map(..).sum()`, `fold`,
//! `map(..).collect()`), all lowered to loops that carry their variables
//! from one iteration to the next.

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::spanned::Spanned;

use super::syntax::{ControlFinder, assigned_names, expr_local};
use super::{Frame, Lowerer};
use crate::ir::{Adapter, ArrayInit, ArrayLen, Block, Expr, Form, Header, Loop, RangeSpec, Stmt, StoreOp, Var};
use matdiff_table as table;

/// What a `for` loop iterates over.
struct Iteration {
    range: RangeSyntax,
    item: Item,
    /// Whether the order was reversed (`.rev()` on a slice iterator).
    reversed: bool,
}

/// A range written by the user, or `0..count` for a slice iteration.
struct RangeSyntax {
    start: Bound,
    end: Bound,
    inclusive: bool,
    adapters: Vec<AdapterSyntax>,
}

enum Bound {
    /// User code.
    User(syn::Expr),
    /// Code the macro builds from values it has lowered already.
    Built(TokenStream, Vec<Var>),
}

enum AdapterSyntax {
    Rev,
    StepBy(syn::Expr),
}

/// What each iteration yields.
enum Item {
    /// The range's value.
    Index,
    /// How many iterations came before (`enumerate`).
    Position,
    /// `source[position + offset]`.
    Element {
        source: Source,
        offset: Vec<syn::Expr>,
    },
    Pair(Box<Item>, Box<Item>),
}

enum Source {
    /// An array of differentiated values.
    Array(Var),
    /// A differentiated nalgebra vector or matrix, read by element with
    /// the matrix indexing primitive.
    Matrix(Var),
    /// Anything else that can be indexed, as written (renamed), with the
    /// values it reads: never a differentiated value.
    Other(Box<syn::Expr>, Vec<Var>),
}

/// How a loop is headed, before lowering.
enum HeaderSyntax<'a> {
    For { range: RangeSpec, index_name: String },
    While { cond: &'a syn::Expr },
}

type LoopBody<'f> = Box<dyn FnOnce(&mut Lowerer, Option<Var>, usize) -> syn::Result<Vec<Var>> + 'f>;

const ITERATE: &str = "iterate over a range (`for i in a..b`, with `.rev()` or `.step_by(k)`), or over a slice, array or `Vec` with `.iter()`, `.iter().enumerate()`, `.iter().zip(..)`, `.skip(n)` or `.take(n)`";

impl Lowerer {
    /// A `for` loop statement.
    pub(super) fn for_loop(&mut self, f: &syn::ExprForLoop) -> syn::Result<()> {
        if let Some(label) = &f.label {
            return Err(syn::Error::new(label.span(), "labelled loops are not supported"));
        }
        let iteration = self.iteration(&f.expr)?;
        let (range, position_base) = self.range(&iteration.range)?;
        let index_name = match &*f.pat {
            syn::Pat::Ident(p) if matches!(iteration.item, Item::Index) => p.ident.to_string(),
            _ => "k".to_string(),
        };
        let carried = self.carried(&f.body);
        let breaks = ControlFinder::of_block(&f.body).breaks;
        let pat = &*f.pat;
        let item = iteration.item;
        let body_block = &f.body;
        let names: Vec<String> = carried.iter().map(|(name, _)| name.clone()).collect();
        let body: LoopBody = Box::new(move |s: &mut Lowerer, index, depth| {
            s.scopes.push(HashMap::new());
            if let Some(index) = index {
                s.bind_item(pat, &item, index, position_base)?;
            }
            let frames = [Frame::LoopEnd { carried: &names, breaks, depth }];
            s.seq(&body_block.stmts, &frames)
        });
        self.build_loop(HeaderSyntax::For { range, index_name }, carried, breaks, body, f.span())?;
        Ok(())
    }

    /// A `while` loop statement.
    pub(super) fn while_loop(&mut self, w: &syn::ExprWhile) -> syn::Result<()> {
        if let Some(label) = &w.label {
            return Err(syn::Error::new(label.span(), "labelled loops are not supported"));
        }
        let carried = self.carried(&w.body);
        let breaks = ControlFinder::of_block(&w.body).breaks;
        let body_block = &w.body;
        let names: Vec<String> = carried.iter().map(|(name, _)| name.clone()).collect();
        let body: LoopBody = Box::new(move |s: &mut Lowerer, _index, depth| {
            s.scopes.push(HashMap::new());
            let frames = [Frame::LoopEnd { carried: &names, breaks, depth }];
            s.seq(&body_block.stmts, &frames)
        });
        self.build_loop(HeaderSyntax::While { cond: &w.cond }, carried, breaks, body, w.span())?;
        Ok(())
    }

    /// The user variables a loop body assigns that live outside it: their
    /// values are carried from one iteration to the next. Arrays are written
    /// in place and are not carried.
    fn carried(&self, body: &syn::Block) -> Vec<(String, Var)> {
        assigned_names(body)
            .into_iter()
            .filter_map(|name| {
                let var = self.lookup(&name)?;
                (!self.vars.is_array(var)).then_some((name, var))
            })
            .collect()
    }

    /// Builds a loop: `carried` (name, value before the loop) are rebound
    /// to the values at the start of each iteration; `body` lowers the body
    /// in the loop's scope and returns what it yields. Returns the carried
    /// values after the loop (also rebound to the names).
    fn build_loop(
        &mut self,
        header: HeaderSyntax,
        carried: Vec<(String, Var)>,
        breaks: bool,
        body: LoopBody,
        span: Span,
    ) -> syn::Result<Vec<Var>> {
        let loop_id = self.loop_count;
        self.loop_count += 1;
        let depth = self.scopes.len();
        self.scopes.push(HashMap::new());
        let mut phis = Vec::new();
        for (name, init) in &carried {
            let varied = self.vars.varied(*init) || self.hints.varied_carried.contains(&(loop_id, name.clone()));
            let phi = self.vars.fresh(name_of_key(name), span, varied);
            let mutable = self.vars.get(*init).mutable;
            let data = self.vars.get_mut(phi);
            data.place = true;
            data.mutable = mutable;
            self.declare(name.clone(), phi);
            phis.push(phi);
        }
        let outer = std::mem::take(&mut self.stmts);
        // An element read before the loop may be written by an iteration.
        let outer_reads = std::mem::take(&mut self.reads);
        let (header, index) = match header {
            HeaderSyntax::For { range, index_name } => {
                let index = self.vars.fresh(&index_name, span, false);
                (Header::For { index, range }, Some(index))
            }
            HeaderSyntax::While { cond } => {
                let cond_var = self.condition(cond);
                let stmts = std::mem::take(&mut self.stmts);
                (Header::While { cond: Block { stmts, yields: vec![cond_var] } }, None)
            }
        };
        let yields = body(self, index, depth);
        let body_stmts = std::mem::replace(&mut self.stmts, outer);
        let written = super::stored_arrays(&body_stmts);
        self.reads = outer_reads;
        self.reads.retain(|(a, _), _| !written.contains(a));
        self.scopes.truncate(depth);
        let yields = yields?;
        if yields.len() != carried.len() + usize::from(breaks) {
            return Err(syn::Error::new(span, "internal: a loop body yields the wrong number of values"));
        }
        let mut outs = Vec::new();
        for (i, ((name, init), phi)) in carried.iter().zip(&phis).enumerate() {
            let next = yields[i];
            if self.vars.varied(next) && !self.vars.varied(*phi) {
                self.learned.varied_carried.insert((loop_id, name.clone()));
            }
            let varied = self.vars.varied(*phi) || self.vars.varied(next);
            let out = self.vars.fresh(name_of_key(name), span, varied);
            self.vars.get_mut(out).mutable = self.vars.get(*init).mutable;
            outs.push(out);
        }
        self.stmts.push(Stmt::Loop(Box::new(Loop {
            header,
            carried: phis.into_iter().zip(carried.iter().map(|(_, init)| *init)).collect(),
            body: Block { stmts: body_stmts, yields },
            breaks,
            outs: outs.clone(),
            counter: None,
            windows: Vec::new(),
            span,
        })));
        for ((name, _), out) in carried.iter().zip(&outs) {
            self.assign(name, *out);
        }
        Ok(outs)
    }

    // ----- what a loop iterates over ---------------------------------------

    fn iteration(&mut self, expr: &syn::Expr) -> syn::Result<Iteration> {
        match expr {
            syn::Expr::Paren(p) => self.iteration(&p.expr),
            syn::Expr::Group(g) => self.iteration(&g.expr),
            syn::Expr::Range(r) => match (&r.start, &r.end) {
                (Some(start), Some(end)) => Ok(Iteration {
                    range: RangeSyntax {
                        start: Bound::User((**start).clone()),
                        end: Bound::User((**end).clone()),
                        inclusive: matches!(r.limits, syn::RangeLimits::Closed(_)),
                        adapters: Vec::new(),
                    },
                    item: Item::Index,
                    reversed: false,
                }),
                _ => Err(syn::Error::new(r.span(), format!("a loop needs both ends of its range: {ITERATE}"))),
            },
            syn::Expr::Reference(r) if r.mutability.is_none() => self.elements(&r.expr),
            syn::Expr::Path(_) => self.elements(expr),
            syn::Expr::MethodCall(m) => {
                let method = m.method.to_string();
                match (method.as_str(), m.args.len()) {
                    ("iter" | "into_iter", 0) => self.elements(&m.receiver),
                    ("copied" | "cloned", 0) => self.iteration(&m.receiver),
                    ("rev", 0) => {
                        let mut it = self.iteration(&m.receiver)?;
                        it.range.adapters.push(AdapterSyntax::Rev);
                        it.reversed = !it.reversed;
                        Ok(it)
                    }
                    ("step_by", 1) => {
                        let mut it = self.iteration(&m.receiver)?;
                        if !matches!(it.item, Item::Index) {
                            return Err(syn::Error::new(
                                m.method.span(),
                                format!("`step_by` is supported on ranges: {ITERATE}"),
                            ));
                        }
                        it.range.adapters.push(AdapterSyntax::StepBy(m.args[0].clone()));
                        Ok(it)
                    }
                    ("enumerate", 0) => {
                        let it = self.iteration(&m.receiver)?;
                        if it.reversed || !matches!(it.item, Item::Element { .. } | Item::Pair(..)) {
                            return Err(syn::Error::new(
                                m.method.span(),
                                format!("`enumerate` is supported on slice iterators before any `rev`: {ITERATE}"),
                            ));
                        }
                        Ok(Iteration { item: Item::Pair(Box::new(Item::Position), Box::new(it.item)), ..it })
                    }
                    ("zip", 1) => {
                        let left = self.iteration(&m.receiver)?;
                        let right = self.iteration(&m.args[0])?;
                        if left.reversed
                            || right.reversed
                            || matches!(left.item, Item::Index)
                            || matches!(right.item, Item::Index)
                        {
                            return Err(syn::Error::new(
                                m.method.span(),
                                format!("`zip` is supported between slice iterators: {ITERATE}"),
                            ));
                        }
                        let end = self.min_bound(left.range.end, right.range.end)?;
                        Ok(Iteration {
                            range: RangeSyntax { end, ..left.range },
                            item: Item::Pair(Box::new(left.item), Box::new(right.item)),
                            reversed: false,
                        })
                    }
                    ("skip" | "take", 1) => {
                        let mut it = self.iteration(&m.receiver)?;
                        if it.reversed || matches!(it.item, Item::Index) {
                            return Err(syn::Error::new(
                                m.method.span(),
                                format!("`{method}` is supported on slice iterators before any `rev`: {ITERATE}"),
                            ));
                        }
                        let n = self.inactive(&m.args[0], "n")?;
                        let n_ident = self.vars.ident(n).clone();
                        let (end_tokens, mut uses) = self.bound_tokens(it.range.end)?;
                        uses.push(n);
                        if method == "skip" {
                            shift(&mut it.item, &m.args[0]);
                            it.range.end = Bound::Built(quote!((#end_tokens).saturating_sub(#n_ident)), uses);
                        } else {
                            it.range.end = Bound::Built(quote!((#end_tokens).min(#n_ident)), uses);
                        }
                        Ok(it)
                    }
                    _ => Err(syn::Error::new(
                        m.method.span(),
                        format!(
                            "`{method}` is not supported in an iterator over differentiated values; write the loop instead, e.g. `let mut total = 0.0; for &v in x.iter() {{ if v > 0.0 {{ total += v * v; }} }}`. Loops can {ITERATE}"
                        ),
                    )),
                }
            }
            other => Err(syn::Error::new(other.span(), format!("this cannot be iterated with derivatives: {ITERATE}"))),
        }
    }

    /// The elements of an array (or of another indexable local).
    fn elements(&mut self, source: &syn::Expr) -> syn::Result<Iteration> {
        let Some(ident) = expr_local(source) else {
            return Err(syn::Error::new(
                source.span(),
                format!("a loop over differentiated values needs a named slice: {ITERATE}"),
            ));
        };
        let var = self.lookup(&ident.to_string());
        let (source, len_tokens, uses) = match var {
            Some(var) if self.vars.is_array(var) => {
                let ident = self.vars.ident(var).clone();
                (Source::Array(var), quote!(#ident.len()), vec![var])
            }
            Some(var) if self.vars.varied(var) => {
                let ident = self.vars.ident(var).clone();
                (Source::Matrix(var), quote!(#ident.len()), vec![var])
            }
            _ => {
                let mut expr = source.clone();
                let uses = self.rename(&mut expr);
                let tokens = quote!(#expr.len());
                (Source::Other(Box::new(expr), uses.clone()), tokens, uses)
            }
        };
        Ok(Iteration {
            range: RangeSyntax {
                start: Bound::Built(quote!(0usize), Vec::new()),
                end: Bound::Built(len_tokens, uses),
                inclusive: false,
                adapters: Vec::new(),
            },
            item: Item::Element { source, offset: Vec::new() },
            reversed: false,
        })
    }

    fn bound_tokens(&mut self, bound: Bound) -> syn::Result<(TokenStream, Vec<Var>)> {
        match bound {
            Bound::Built(tokens, uses) => Ok((tokens, uses)),
            Bound::User(expr) => {
                let var = self.inactive(&expr, "n")?;
                let ident = self.vars.ident(var).clone();
                Ok((quote!(#ident), vec![var]))
            }
        }
    }

    fn min_bound(&mut self, a: Bound, b: Bound) -> syn::Result<Bound> {
        let (a, mut uses) = self.bound_tokens(a)?;
        let (b, more) = self.bound_tokens(b)?;
        uses.extend(more);
        Ok(Bound::Built(quote!((#a).min(#b)), uses))
    }

    /// Lowers the bounds and adapters of a range to values before the loop.
    /// Also returns the value of the first index, from which `enumerate`
    /// positions count.
    fn range(&mut self, range: &RangeSyntax) -> syn::Result<(RangeSpec, Var)> {
        let start = self.bound(&range.start, "start")?;
        let end = self.bound(&range.end, "end")?;
        let mut adapters = Vec::new();
        for adapter in &range.adapters {
            adapters.push(match adapter {
                AdapterSyntax::Rev => Adapter::Rev,
                AdapterSyntax::StepBy(step) => Adapter::StepBy(self.inactive(step, "step")?),
            });
        }
        Ok((RangeSpec { start, end, inclusive: range.inclusive, adapters }, start))
    }

    fn bound(&mut self, bound: &Bound, name: &str) -> syn::Result<Var> {
        match bound {
            Bound::User(expr) => self.inactive(expr, name),
            Bound::Built(tokens, uses) => {
                let var = self.vars.fresh(name, Span::call_site(), false);
                Ok(self.emit(var, Expr::Opaque { tokens: tokens.clone(), uses: uses.clone() }, Span::call_site()))
            }
        }
    }

    /// Binds a loop pattern to the item of iteration `index`.
    fn bind_item(&mut self, pat: &syn::Pat, item: &Item, index: Var, base: Var) -> syn::Result<()> {
        match (pat, item) {
            (syn::Pat::Wild(_), _) => Ok(()),
            (syn::Pat::Reference(r), Item::Element { .. }) => self.bind_item(&r.pat, item, index, base),
            (syn::Pat::Paren(p), _) => self.bind_item(&p.pat, item, index, base),
            (syn::Pat::Ident(p), _) if p.subpat.is_none() && p.by_ref.is_none() => {
                let value = self.item_value(item, index, base, &p.ident.to_string())?;
                if p.mutability.is_some() {
                    self.vars.get_mut(value).mutable = true;
                }
                self.by_value.insert(value);
                self.declare(p.ident.to_string(), value);
                Ok(())
            }
            (syn::Pat::Tuple(t), Item::Pair(a, b)) if t.elems.len() == 2 => {
                self.bind_item(&t.elems[0], a, index, base)?;
                self.bind_item(&t.elems[1], b, index, base)
            }
            (other, _) => Err(syn::Error::new(other.span(), "this pattern does not fit what the loop iterates over")),
        }
    }

    /// The value of an item in iteration `index` (whose range starts at `base`).
    fn item_value(&mut self, item: &Item, index: Var, base: Var, name: &str) -> syn::Result<Var> {
        match item {
            Item::Index => {
                let ident = self.vars.ident(index).clone();
                let var = self.vars.fresh(name, Span::call_site(), false);
                Ok(self.emit(var, Expr::Opaque { tokens: quote!(#ident), uses: vec![index] }, Span::call_site()))
            }
            Item::Position => {
                let (i, b) = (self.vars.ident(index).clone(), self.vars.ident(base).clone());
                let var = self.vars.fresh(name, Span::call_site(), false);
                Ok(self.emit(var, Expr::Opaque { tokens: quote!(#i - #b), uses: vec![index, base] }, Span::call_site()))
            }
            Item::Element { source, offset } => {
                let position = if offset.is_empty() {
                    index
                } else {
                    let ident = self.vars.ident(index).clone();
                    let mut uses = vec![index];
                    let mut tokens = quote!(#ident);
                    for o in offset {
                        let o = self.inactive(o, "offset")?;
                        let o_ident = self.vars.ident(o).clone();
                        uses.push(o);
                        tokens = quote!(#tokens + #o_ident);
                    }
                    let var = self.vars.fresh("position", Span::call_site(), false);
                    self.emit(var, Expr::Opaque { tokens, uses }, Span::call_site())
                };
                match source {
                    Source::Array(array) => {
                        let varied = self.vars.varied(*array);
                        let var = self.vars.fresh(name, Span::call_site(), varied);
                        Ok(self.emit(var, Expr::Read { array: *array, index: position }, Span::call_site()))
                    }
                    Source::Matrix(matrix) => {
                        let prim = table::matrix_index();
                        Ok(self.prim(prim, vec![*matrix, position], Form::Index, name, Span::call_site()))
                    }
                    Source::Other(expr, uses) => {
                        // Renamed already: renaming it again would find no
                        // user names in it, and lose what it reads.
                        let mut uses = uses.clone();
                        let p = self.vars.ident(position).clone();
                        uses.push(position);
                        let var = self.vars.fresh(name, Span::call_site(), false);
                        Ok(self.emit(var, Expr::Opaque { tokens: quote!(#expr[#p]), uses }, Span::call_site()))
                    }
                }
            }
            Item::Pair(..) => Err(syn::Error::new(
                Span::call_site(),
                "this loop yields pairs: bind them with a tuple pattern, `(a, b)`",
            )),
        }
    }

    // ----- iterator reductions ---------------------------------------------

    /// `iter.sum()`, `iter.product()`, `iter.map(f).sum()`, `iter.fold(init, f)`,
    /// and so on; `None` when `m` is not such a reduction.
    pub(super) fn reduction(&mut self, m: &syn::ExprMethodCall, hint: Option<&str>) -> Option<syn::Result<Var>> {
        let method = m.method.to_string();
        match (method.as_str(), m.args.len()) {
            ("sum" | "product", 0) => {
                let (source, map) = split_map(&m.receiver);
                if !looks_iterable(source) {
                    return None;
                }
                // The standard library's float `sum` starts from -0.0, so
                // that a sum of negative zeros is -0.0: a sign that `atan2`
                // and division by it can see.
                let start = self.float_constant(if method == "sum" { quote!(-0.0) } else { quote!(1.0) });
                let op: syn::BinOp = if method == "sum" { syn::parse_quote!(+) } else { syn::parse_quote!(*) };
                Some(self.fold_loop(
                    source,
                    map,
                    Init::Literal(start),
                    Combine::Op(op),
                    hint.unwrap_or(&method),
                    m.span(),
                ))
            }
            ("fold", 2) => {
                let (source, map) = split_map(&m.receiver);
                if !looks_iterable(source) {
                    return None;
                }
                let syn::Expr::Closure(closure) = &m.args[1] else {
                    return Some(Err(syn::Error::new(
                        m.args[1].span(),
                        "`fold` over differentiated values needs a closure `|acc, x| ...` here; or write the loop: `let mut acc = init; for &v in x.iter() { acc = acc.max(v); }`",
                    )));
                };
                Some(self.fold_loop(
                    source,
                    map,
                    Init::User(&m.args[0]),
                    Combine::Closure(closure),
                    hint.unwrap_or("fold"),
                    m.span(),
                ))
            }
            ("collect", 0) if looks_iterable(&m.receiver) => Some(self.collect(m, hint.unwrap_or("collected"))),
            ("max" | "min" | "max_by" | "min_by" | "reduce" | "for_each" | "filter" | "count", _)
                if looks_iterable(&m.receiver) =>
            {
                Some(Err(syn::Error::new(
                    m.method.span(),
                    format!(
                        "`{method}` over differentiated values is not supported: write the loop, e.g. `let mut best = x[0]; for &xi in x.iter() {{ best = best.max(xi); }}`"
                    ),
                )))
            }
            _ => None,
        }
    }

    /// A loop that folds the items of `source` (mapped by `map`) into an
    /// accumulator starting at `init`.
    fn fold_loop(
        &mut self,
        source: &syn::Expr,
        map: Option<&syn::ExprClosure>,
        init: Init,
        combine: Combine,
        name: &str,
        span: Span,
    ) -> syn::Result<Var> {
        let iteration = self.iteration(source)?;
        let (range, base) = self.range(&iteration.range)?;
        let init = match init {
            Init::Literal(tokens) => self.constant(tokens, name),
            Init::User(expr) => self.expr(expr, None)?,
        };
        // The accumulator's key is the fold's own: a fold inside the map
        // closure of another binds its accumulator in the same body, and
        // a shared key made the outer fold add to the inner one's result.
        let acc_name = format!("#{name}#{}", init.0);
        let item = iteration.item;
        let acc_key = acc_name.clone();
        let hint = name.to_string();
        let body: LoopBody = Box::new(move |s: &mut Lowerer, index, depth| {
            s.scopes.push(HashMap::new());
            let index = index.ok_or_else(|| syn::Error::new(span, "internal: a fold without an index"))?;
            let value = match map {
                Some(closure) => s.closure_value(closure, &[&item], index, base, None)?,
                None => s.item_value(&item, index, base, "item")?,
            };
            let acc =
                s.lookup_at(&acc_key, depth).ok_or_else(|| syn::Error::new(span, "internal: lost accumulator"))?;
            let next = match &combine {
                Combine::Op(op) => s.binary_value(op, acc, value, Some(&hint), span)?,
                Combine::Closure(closure) => {
                    s.check_closure_arity(closure, 2)?;
                    s.bind_closure_param(&closure.inputs[0], acc)?;
                    s.bind_closure_item(&closure.inputs[1], value)?;
                    s.expr(&closure.body, None)?
                }
            };
            Ok(vec![next])
        });
        let header = HeaderSyntax::For { range, index_name: "k".to_string() };
        let outs = self.build_loop(header, vec![(acc_name, init)], false, body, span)?;
        Ok(outs[0])
    }

    /// `let v: Vec<f64> = iter.map(f).collect();`: a new array filled by a loop.
    pub(super) fn collect(&mut self, m: &syn::ExprMethodCall, name: &str) -> syn::Result<Var> {
        let (source, map) = split_map(&m.receiver);
        let iteration = self.iteration(source)?;
        if !iteration.range.adapters.is_empty() {
            return Err(syn::Error::new(
                m.span(),
                format!("`collect` is supported on plain ranges and slice iterators: {ITERATE}"),
            ));
        }
        let (range, base) = self.range(&iteration.range)?;
        let (start, end) = (self.vars.ident(range.start).clone(), self.vars.ident(range.end).clone());
        let count_tokens = if range.inclusive { quote!((#start..=#end).count()) } else { quote!((#start..#end).len()) };
        let count = self.vars.fresh("n", m.span(), false);
        self.emit(count, Expr::Opaque { tokens: count_tokens, uses: vec![range.start, range.end] }, m.span());
        let zero = self.float_constant(quote!(0.0));
        let zero = self.constant(zero, "zero");
        let array = self.vars.fresh(name, m.span(), true);
        let data = self.vars.get_mut(array);
        data.array = true;
        data.place = true;
        self.emit(array, Expr::NewArray(ArrayInit::Fill { value: zero, len: ArrayLen::Runtime(count) }), m.span());
        let item = iteration.item;
        let span = m.span();
        let body: LoopBody = Box::new(move |s: &mut Lowerer, index, _depth| {
            s.scopes.push(HashMap::new());
            let index = index.ok_or_else(|| syn::Error::new(span, "internal: a collect without an index"))?;
            let value = match map {
                Some(closure) => s.closure_value(closure, &[&item], index, base, None)?,
                None => s.item_value(&item, index, base, "item")?,
            };
            let (i, b) = (s.vars.ident(index).clone(), s.vars.ident(base).clone());
            let position = s.vars.fresh("position", span, false);
            s.emit(position, Expr::Opaque { tokens: quote!(#i - #b), uses: vec![index, base] }, span);
            s.stmts.push(Stmt::Store { array, index: position, value, op: StoreOp::Set, span });
            Ok(Vec::new())
        });
        self.build_loop(HeaderSyntax::For { range, index_name: "k".to_string() }, Vec::new(), false, body, span)?;
        Ok(array)
    }

    /// The value of `closure` applied to the items of iteration `index`.
    fn closure_value(
        &mut self,
        closure: &syn::ExprClosure,
        items: &[&Item],
        index: Var,
        base: Var,
        _name: Option<&str>,
    ) -> syn::Result<Var> {
        self.check_closure_arity(closure, items.len())?;
        for (input, item) in closure.inputs.iter().zip(items) {
            let pat = match input {
                syn::Pat::Type(t) => &*t.pat,
                other => other,
            };
            self.bind_item(pat, item, index, base)?;
        }
        self.expr(&closure.body, None)
    }

    fn check_closure_arity(&self, closure: &syn::ExprClosure, n: usize) -> syn::Result<()> {
        if closure.inputs.len() != n || closure.asyncness.is_some() || closure.capture.is_some() {
            return Err(syn::Error::new(
                closure.span(),
                format!("this closure should take {n} argument(s): `|{}| ...`", if n == 1 { "x" } else { "acc, x" }),
            ));
        }
        Ok(())
    }

    fn bind_closure_param(&mut self, pat: &syn::Pat, value: Var) -> syn::Result<()> {
        let pat = match pat {
            syn::Pat::Type(t) => &*t.pat,
            other => other,
        };
        match pat {
            syn::Pat::Ident(p) if p.subpat.is_none() => {
                self.declare(p.ident.to_string(), value);
                Ok(())
            }
            syn::Pat::Wild(_) => Ok(()),
            other => Err(syn::Error::new(other.span(), "bind the accumulator to a name")),
        }
    }

    fn bind_closure_item(&mut self, pat: &syn::Pat, value: Var) -> syn::Result<()> {
        let pat = match pat {
            syn::Pat::Type(t) => &*t.pat,
            syn::Pat::Reference(r) => &*r.pat,
            other => other,
        };
        match pat {
            syn::Pat::Ident(p) if p.subpat.is_none() => {
                self.by_value.insert(value);
                self.declare(p.ident.to_string(), value);
                Ok(())
            }
            syn::Pat::Wild(_) => Ok(()),
            other => Err(syn::Error::new(other.span(), "bind the item to a name (use `map` before `fold` for pairs)")),
        }
    }
}

enum Init<'a> {
    Literal(TokenStream),
    User(&'a syn::Expr),
}

enum Combine<'a> {
    Op(syn::BinOp),
    Closure(&'a syn::ExprClosure),
}

/// `iter.map(f)` as `(iter, Some(f))`; anything else as `(expr, None)`.
fn split_map(expr: &syn::Expr) -> (&syn::Expr, Option<&syn::ExprClosure>) {
    if let syn::Expr::MethodCall(m) = expr {
        if m.method == "map" && m.args.len() == 1 {
            if let syn::Expr::Closure(c) = &m.args[0] {
                return (&m.receiver, Some(c));
            }
        }
    }
    (expr, None)
}

/// Whether an expression looks like an iterator chain: a range, or method
/// calls on top of `.iter()` or `.into_iter()`.
pub(super) fn looks_iterable(expr: &syn::Expr) -> bool {
    match expr {
        syn::Expr::Paren(p) => looks_iterable(&p.expr),
        syn::Expr::Range(_) => true,
        syn::Expr::MethodCall(m) => match m.method.to_string().as_str() {
            "iter" | "into_iter" => true,
            // What consumes an iterator yields a value (`xs.iter().fold(..).min(p)`
            // is a float's `min`).
            "fold" | "sum" | "product" | "count" | "last" | "nth" | "min" | "max" | "reduce" | "collect" => false,
            _ => looks_iterable(&m.receiver),
        },
        _ => false,
    }
}

/// Adds `offset` to every element position of `item` (for `skip`).
fn shift(item: &mut Item, offset: &syn::Expr) {
    match item {
        Item::Element { offset: offsets, .. } => offsets.push(offset.clone()),
        Item::Pair(a, b) => {
            shift(a, offset);
            shift(b, offset);
        }
        Item::Index | Item::Position => {}
    }
}

/// The name a loop-carried value is emitted under: its key without the
/// marks that keep generated keys apart from user names (`#sum#12`).
fn name_of_key(key: &str) -> &str {
    key.trim_start_matches('#').split('#').next().unwrap_or(key)
}
