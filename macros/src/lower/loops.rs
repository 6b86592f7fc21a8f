//! Loops: `for` over ranges and over slices, `while`, `loop` (with its
//! `break` value), labelled jumps and `return` out of them, and the iterator
//! reductions people write (`sum`, `product`, `map(..).sum()`, `fold`,
//! `map(..).collect()`, with `filter`, `chain` and `windows`), all lowered
//! to loops that carry their variables from one iteration to the next.

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
    /// The closures of `filter`: an item counts only where all are true.
    /// They come last in the chain, so each sees the final item.
    filters: Vec<syn::ExprClosure>,
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
#[derive(Clone)]
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
    /// `source[position + offset + j]` for `j` in `0..width` (`windows`).
    Window {
        source: Source,
        offset: Vec<syn::Expr>,
        width: usize,
    },
}

/// A closure argument bound to a window (see [`Item::Window`]).
pub(super) struct WindowBinding {
    name: syn::Ident,
    source: Source,
    offset: Vec<syn::Expr>,
    width: usize,
    index: Var,
    base: Var,
}

#[derive(Clone)]
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
    For {
        range: RangeSpec,
        index_name: String,
    },
    While {
        cond: &'a syn::Expr,
    },
    /// `loop`: only a `break` or a `return` ends it.
    Loop,
}

/// The keys of the value a `return` inside a loop returns and of whether
/// one did: every loop around the `return` carries them, and the code
/// after the outermost returns the value if the flag is set.
pub(super) const RETURN_VALUE: &str = "#returned_value#";
pub(super) const RETURNED: &str = "#returned#";

/// The key of the flag of a `break 'label` (or `continue 'label`) from a
/// loop inside the one labelled: every loop in between carries it and stops
/// when it is set, and the code after each tests it and jumps again.
pub(super) fn label_flag(label: &str, is_continue: bool) -> String {
    format!("#{}#{label}", if is_continue { "continued" } else { "broke" })
}

type LoopBody<'f> = Box<dyn FnOnce(&mut Lowerer, Option<Var>, usize) -> syn::Result<Vec<Var>> + 'f>;

const ITERATE: &str = "iterate over a range (`for i in a..b`, with `.rev()` or `.step_by(k)`), or over a slice, array or `Vec` with `.iter()`, `.iter().enumerate()`, `.iter().zip(..)`, `.skip(n)` or `.take(n)`";

impl Lowerer {
    /// A `for` loop statement.
    pub(super) fn for_loop(&mut self, f: &syn::ExprForLoop) -> syn::Result<()> {
        let label = f.label.as_ref().map(|l| l.name.ident.to_string());
        let iteration = self.iteration(&f.expr)?;
        let (range, position_base) = self.range(&iteration.range)?;
        let index_name = match &*f.pat {
            syn::Pat::Ident(p) if matches!(iteration.item, Item::Index) => p.ident.to_string(),
            _ => "k".to_string(),
        };
        let mut carried = self.carried(&f.body);
        let finder = ControlFinder::of_block(&f.body);
        self.carry_returns(&finder, &mut carried)?;
        self.carry_label_flags(&finder, label.as_deref(), &mut carried);
        let breaks = finder.loop_stops(label.as_deref());
        let pat = &*f.pat;
        let item = iteration.item;
        let filters = iteration.filters;
        let body_block = &f.body;
        let names: Vec<String> = carried.iter().map(|(name, _)| name.clone()).collect();
        let span = f.span();
        let body: LoopBody = Box::new(move |s: &mut Lowerer, index, depth| {
            s.scopes.push(HashMap::new());
            let frames = [Frame::LoopEnd { carried: &names, breaks, depth, value: None, label: label.as_deref() }];
            let index = index.ok_or_else(|| syn::Error::new(span, "internal: a `for` loop without an index"))?;
            if has_window(&item) {
                return Err(syn::Error::new(
                    span,
                    "a `for` loop over `windows` is not supported: loop over the index, `for i in 0..x.len() - 1 { .. x[i + 1] - x[i] .. }`, or use `x.windows(2).map(|w| ..).sum()`",
                ));
            }
            let Some(keep) = s.filter_condition(&filters, &item, index, position_base)? else {
                s.bind_item(pat, &item, index, position_base)?;
                return s.seq(&body_block.stmts, &frames);
            };
            let frames = &frames;
            let kept: super::Arm = Box::new(move |s: &mut Lowerer| {
                s.scopes.push(HashMap::new());
                s.bind_item(pat, &item, index, position_base)?;
                s.seq(&body_block.stmts, frames)
            });
            let skipped: super::Arm = Box::new(move |s: &mut Lowerer| s.continue_frames(frames));
            s.branch(keep, kept, skipped, &super::terminal_names(frames, None), false, span)
        });
        self.build_loop(HeaderSyntax::For { range, index_name }, carried, breaks, body, f.span())?;
        Ok(())
    }

    /// A `while` loop statement.
    pub(super) fn while_loop(&mut self, w: &syn::ExprWhile) -> syn::Result<()> {
        let label = w.label.as_ref().map(|l| l.name.ident.to_string());
        let mut carried = self.carried(&w.body);
        let finder = ControlFinder::of_block(&w.body);
        self.carry_returns(&finder, &mut carried)?;
        self.carry_label_flags(&finder, label.as_deref(), &mut carried);
        let breaks = finder.loop_stops(label.as_deref());
        let body_block = &w.body;
        let names: Vec<String> = carried.iter().map(|(name, _)| name.clone()).collect();
        let body: LoopBody = Box::new(move |s: &mut Lowerer, _index, depth| {
            s.scopes.push(HashMap::new());
            let frames = [Frame::LoopEnd { carried: &names, breaks, depth, value: None, label: label.as_deref() }];
            s.seq(&body_block.stmts, &frames)
        });
        self.build_loop(HeaderSyntax::While { cond: &w.cond }, carried, breaks, body, w.span())?;
        Ok(())
    }

    /// A `loop`: the value its `break`s give, if they give one. It runs as
    /// a `while` whose condition is always true, and its `break` value is
    /// one more carried variable, which each `break value` sets.
    pub(super) fn loop_loop(&mut self, l: &syn::ExprLoop) -> syn::Result<Option<Var>> {
        let label = l.label.as_ref().map(|l| l.name.ident.to_string());
        let finder = ControlFinder::of_block(&l.body);
        if !finder.loop_stops(label.as_deref()) {
            return Err(syn::Error::new(
                l.loop_token.span,
                "this `loop` never ends: leave it with `break` (or `break value`) or `return`",
            ));
        }
        let mut carried = self.carried(&l.body);
        self.carry_returns(&finder, &mut carried)?;
        self.carry_label_flags(&finder, label.as_deref(), &mut carried);
        let value_key = finder.break_value.then(|| format!("#loop_value#{}", self.loop_count));
        if let Some(key) = &value_key {
            // Before the first `break` the value is never read; its type is
            // the `break` values' (an integer, a float), which rustc infers
            // from them, unless it is differentiated: then it is the float.
            let varied = self.hints.varied_carried.contains(&(self.loop_count, key.clone()));
            let init = if varied {
                self.float_zero("loop_value")
            } else {
                self.constant(crate::prune::unset_value(), "loop_value")
            };
            carried.push((key.clone(), init));
        }
        let breaks = true;
        let body_block = &l.body;
        let names: Vec<String> = carried.iter().map(|(name, _)| name.clone()).collect();
        let key = value_key.clone();
        let body: LoopBody = Box::new(move |s: &mut Lowerer, _index, depth| {
            s.scopes.push(HashMap::new());
            let frames =
                [Frame::LoopEnd { carried: &names, breaks, depth, value: key.as_deref(), label: label.as_deref() }];
            s.seq(&body_block.stmts, &frames)
        });
        let outs = self.build_loop(HeaderSyntax::Loop, carried, breaks, body, l.span())?;
        Ok(value_key.and(outs.last().copied()))
    }

    /// The carried variables of a `return` inside a loop body (see
    /// [`RETURN_VALUE`]), declared before the outermost loop.
    fn carry_returns(&mut self, finder: &ControlFinder, carried: &mut Vec<(String, Var)>) -> syn::Result<()> {
        if !finder.returns {
            return Ok(());
        }
        if self.tuple_result.is_some() || !self.scalar_result {
            return Err(syn::Error::new(
                finder.first_return.unwrap_or_else(Span::call_site),
                "`return` inside a loop is supported in functions that return one float: `break` out of the loop and return after it",
            ));
        }
        for key in [RETURN_VALUE, RETURNED] {
            let var = match self.lookup(key) {
                Some(var) => var,
                None => {
                    let var = if key == RETURN_VALUE {
                        self.float_zero("returned_value")
                    } else {
                        self.constant(quote!(false), "returned")
                    };
                    self.declare(key.to_string(), var);
                    var
                }
            };
            carried.push((key.to_string(), var));
        }
        Ok(())
    }

    /// The carried flags of the labelled jumps out of a loop labelled
    /// `own` to loops around it (see [`label_flag`]), declared before the
    /// outermost loop that carries them.
    fn carry_label_flags(&mut self, finder: &ControlFinder, own: Option<&str>, carried: &mut Vec<(String, Var)>) {
        for (label, is_continue) in finder.jumps_out_of(own) {
            let key = label_flag(&label, is_continue);
            let var = match self.lookup(&key) {
                Some(var) => var,
                None => {
                    let var = self.constant(quote!(false), if is_continue { "continued" } else { "broke" });
                    self.declare(key.clone(), var);
                    var
                }
            };
            carried.push((key, var));
        }
    }

    /// `0.0` of the function's float type.
    fn float_zero(&mut self, name: &str) -> Var {
        let var = self.vars.fresh(name, Span::call_site(), false);
        let float = self.float.ident();
        self.stmts.push(Stmt::Let {
            dst: crate::ir::Dst::Var(var),
            ty: Some(Box::new(syn::parse_quote!(#float))),
            expr: Expr::Opaque { tokens: quote!(0.0), uses: Vec::new() },
            span: Span::call_site(),
        });
        var
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
            HeaderSyntax::Loop => {
                let always = self.constant(quote!(true), "always");
                let stmts = std::mem::take(&mut self.stmts);
                (Header::While { cond: Block { stmts, yields: vec![always] } }, None)
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
                    filters: Vec::new(),
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
                    ("filter", 1) => {
                        let mut it = self.iteration(&m.receiver)?;
                        let syn::Expr::Closure(closure) = &m.args[0] else {
                            return Err(syn::Error::new(
                                m.args[0].span(),
                                "`filter` over differentiated values needs a closure here: `.filter(|v| **v > 0.0)`",
                            ));
                        };
                        it.filters.push(closure.clone());
                        Ok(it)
                    }
                    (_, _) if filtered(&m.receiver) && method != "copied" && method != "cloned" => {
                        Err(syn::Error::new(
                            m.method.span(),
                            format!(
                                "`{method}` after `filter` is not supported: put `filter` last, before `map`, `sum`, `fold` or `count`"
                            ),
                        ))
                    }
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
                    ("windows", 1) => {
                        let width = match &m.args[0] {
                            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(w), .. }) => w.base10_parse::<usize>()?,
                            _ => 0,
                        };
                        if width == 0 {
                            return Err(syn::Error::new(
                                m.args[0].span(),
                                "the width of `windows` over differentiated values must be a positive integer literal: `x.windows(2)`",
                            ));
                        }
                        let it = self.elements(&m.receiver)?;
                        let Item::Element { source, offset } = it.item else {
                            return Err(syn::Error::new(
                                m.span(),
                                "internal: the elements of a slice are not elements",
                            ));
                        };
                        let (end, uses) = self.bound_tokens(it.range.end)?;
                        let shrink = width - 1;
                        Ok(Iteration {
                            range: RangeSyntax {
                                end: Bound::Built(quote!((#end).saturating_sub(#shrink)), uses),
                                ..it.range
                            },
                            item: Item::Window { source, offset, width },
                            ..it
                        })
                    }
                    ("enumerate", 0) => {
                        let it = self.iteration(&m.receiver)?;
                        if it.reversed
                            || !matches!(it.item, Item::Element { .. } | Item::Pair(..) | Item::Window { .. })
                        {
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
                        if !right.filters.is_empty() {
                            return Err(syn::Error::new(
                                m.args[0].span(),
                                "`filter` inside `zip` is not supported: put `filter` last, after `zip`",
                            ));
                        }
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
                            filters: Vec::new(),
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
            filters: Vec::new(),
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
            (syn::Pat::Reference(r), _) => self.bind_item(&r.pat, item, index, base),
            (syn::Pat::Paren(p), _) => self.bind_item(&p.pat, item, index, base),
            (syn::Pat::Ident(p), Item::Window { source, offset, width }) if p.subpat.is_none() => {
                self.windows.push(WindowBinding {
                    name: p.ident.clone(),
                    source: source.clone(),
                    offset: offset.clone(),
                    width: *width,
                    index,
                    base,
                });
                Ok(())
            }
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
            Item::Window { .. } => {
                Err(syn::Error::new(Span::call_site(), "a window of `windows` is read by entry: `|w| w[1] - w[0]`"))
            }
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
                let combine = match &m.args[1] {
                    syn::Expr::Closure(closure) => Combine::Closure(closure),
                    syn::Expr::Path(path) => Combine::Function(path),
                    other => {
                        return Some(Err(syn::Error::new(
                            other.span(),
                            "`fold` over differentiated values needs a closure `|acc, x| ...` or a function such as `f64::max` here",
                        )));
                    }
                };
                Some(self.fold_loop(source, map, Init::User(&m.args[0]), combine, hint.unwrap_or("fold"), m.span()))
            }
            // `iter.max_by(..).unwrap()`: what is said of `max_by`.
            ("unwrap" | "unwrap_or" | "unwrap_or_else" | "unwrap_or_default" | "expect", _) => match &*m.receiver {
                syn::Expr::MethodCall(inner)
                    if matches!(
                        inner.method.to_string().as_str(),
                        "max" | "min" | "max_by" | "min_by" | "max_by_key" | "min_by_key" | "reduce"
                    ) =>
                {
                    self.reduction(inner, hint)
                }
                _ => None,
            },
            ("collect", 0) if looks_iterable(&m.receiver) => Some(self.collect(m, hint.unwrap_or("collected"))),
            ("max" | "min" | "max_by" | "min_by" | "max_by_key" | "min_by_key" | "reduce", _)
                if looks_iterable(&m.receiver) =>
            {
                Some(Err(syn::Error::new(
                    m.method.span(),
                    format!(
                        "`{method}` over differentiated values is not supported: fold instead, `.fold(f64::NEG_INFINITY, f64::max)` for the largest (`f64::INFINITY, f64::min` for the smallest), or write the loop"
                    ),
                )))
            }
            ("for_each" | "filter", _) if looks_iterable(&m.receiver) => Some(Err(syn::Error::new(
                m.method.span(),
                format!(
                    "`{method}` over differentiated values is not supported here: end the chain with `sum`, `product`, `fold` or `count`, or write the loop, e.g. `for &v in x.iter() {{ .. }}`"
                ),
            ))),
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
        if let Some((first, second)) = split_chain(source) {
            // `a.chain(b)`: fold `a`, then fold `b` from where `a` ended.
            let middle = self.fold_loop(&first, map, init, combine.clone(), name, span)?;
            return self.fold_loop(&second, map, Init::Var(middle), combine, name, span);
        }
        let iteration = self.iteration(source)?;
        let (range, base) = self.range(&iteration.range)?;
        let init = match init {
            Init::Literal(tokens) => self.constant(tokens, name),
            Init::User(expr) => self.expr(expr, None)?,
            Init::Var(var) => var,
        };
        let filters = iteration.filters;
        // The accumulator's key is the fold's own: a fold inside the map
        // closure of another binds its accumulator in the same body, and
        // a shared key made the outer fold add to the inner one's result.
        let acc_name = format!("#{name}#{}", init.0);
        let item = iteration.item;
        let item_for_filters = item.clone();
        let hint_name = name.to_string();
        let acc_key = acc_name.clone();
        let hint = name.to_string();
        let body: LoopBody = Box::new(move |s: &mut Lowerer, index, depth| {
            s.scopes.push(HashMap::new());
            let index = index.ok_or_else(|| syn::Error::new(span, "internal: a fold without an index"))?;
            let acc =
                s.lookup_at(&acc_key, depth).ok_or_else(|| syn::Error::new(span, "internal: lost accumulator"))?;
            let step = move |s: &mut Lowerer| -> syn::Result<Vec<Var>> {
                if let (None, Combine::Closure(closure)) = (map, &combine) {
                    if has_window(&item) {
                        // `fold(init, |acc, w| .. w[1] ..)`: the closure reads
                        // the window itself, as a `map` closure would.
                        s.check_closure_arity(closure, 2)?;
                        s.bind_closure_param(&closure.inputs[0], acc)?;
                        let next = s.closure_value_of(closure, &closure.inputs[1], &item, index, base)?;
                        return Ok(vec![next]);
                    }
                }
                let value = match map {
                    Some(closure) => s.closure_value(closure, &[&item], index, base, None)?,
                    None => s.item_value(&item, index, base, "item")?,
                };
                let next = match &combine {
                    Combine::Op(op) => s.binary_value(op, acc, value, Some(&hint), span)?,
                    Combine::Closure(closure) => {
                        s.check_closure_arity(closure, 2)?;
                        s.bind_closure_param(&closure.inputs[0], acc)?;
                        s.bind_closure_item(&closure.inputs[1], value)?;
                        s.expr(&closure.body, None)?
                    }
                    Combine::Function(path) => {
                        // `f(acc, item)`, lowered as the user's call would be,
                        // with the two values under names of a scope of its own.
                        s.scopes.push(HashMap::new());
                        s.declare("acc".to_string(), acc);
                        s.declare("item".to_string(), value);
                        let call: syn::Expr = syn::parse_quote_spanned!(path.span()=> #path(acc, item));
                        s.expr(&call, Some(&hint))?
                    }
                };
                Ok(vec![next])
            };
            match s.filter_condition(&filters, &item_for_filters, index, base)? {
                None => step(s),
                Some(keep) => {
                    let kept: super::Arm = Box::new(move |s: &mut Lowerer| {
                        s.scopes.push(HashMap::new());
                        step(s)
                    });
                    let skipped: super::Arm = Box::new(move |_: &mut Lowerer| Ok(vec![acc]));
                    s.branch(keep, kept, skipped, &[hint_name], false, span)
                }
            }
        });
        let header = HeaderSyntax::For { range, index_name: "k".to_string() };
        let outs = self.build_loop(header, vec![(acc_name, init)], false, body, span)?;
        Ok(outs[0])
    }

    /// Whether the item of iteration `index` passes every filter: `None`
    /// without filters, else a boolean value.
    fn filter_condition(
        &mut self,
        filters: &[syn::ExprClosure],
        item: &Item,
        index: Var,
        base: Var,
    ) -> syn::Result<Option<Var>> {
        let mut all: Option<Var> = None;
        for closure in filters {
            self.scopes.push(HashMap::new());
            let keep = self.closure_value(closure, &[item], index, base, None);
            self.scopes.pop();
            let keep = keep?;
            if self.vars.varied(keep) {
                return Err(syn::Error::new(
                    closure.body.span(),
                    "the closure of `filter` must give a `bool` (a comparison such as `**v > 0.0`)",
                ));
            }
            all = Some(match all {
                None => keep,
                Some(before) => {
                    let (a, b) = (self.vars.ident(before).clone(), self.vars.ident(keep).clone());
                    let var = self.vars.fresh("keep", closure.span(), false);
                    self.emit(var, Expr::Opaque { tokens: quote!(#a && #b), uses: vec![before, keep] }, closure.span())
                }
            });
        }
        Ok(all)
    }

    /// `let v: Vec<f64> = iter.map(f).collect();`: a new array filled by a loop.
    pub(super) fn collect(&mut self, m: &syn::ExprMethodCall, name: &str) -> syn::Result<Var> {
        let (source, map) = split_map(&m.receiver);
        let iteration = self.iteration(source)?;
        if !iteration.filters.is_empty() {
            return Err(syn::Error::new(
                m.span(),
                "`collect` after `filter` is not supported: declare the `Vec` before a loop and `push` the kept values, or keep every value and skip them later",
            ));
        }
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
        self.closure_body(closure)
    }

    /// The value of `closure`'s body with argument `input` bound to the
    /// item of iteration `index` (the others bound already).
    fn closure_value_of(
        &mut self,
        closure: &syn::ExprClosure,
        input: &syn::Pat,
        item: &Item,
        index: Var,
        base: Var,
    ) -> syn::Result<Var> {
        let pat = match input {
            syn::Pat::Type(t) => &*t.pat,
            other => other,
        };
        self.bind_item(pat, item, index, base)?;
        self.closure_body(closure)
    }

    /// The value of `closure`'s body, its arguments bound, windows read
    /// by entry.
    fn closure_body(&mut self, closure: &syn::ExprClosure) -> syn::Result<Var> {
        if self.windows.is_empty() {
            return self.expr(&closure.body, None);
        }
        let mut body = (*closure.body).clone();
        for window in std::mem::take(&mut self.windows) {
            self.bind_window(window, &mut body)?;
        }
        self.expr(&body, None)
    }

    /// Reads the entries `w[j]` of a window the closure body uses as values
    /// of their own, under names the body cannot write, which replace them
    /// in `body`; any other use of the window is an error.
    fn bind_window(&mut self, window: WindowBinding, body: &mut syn::Expr) -> syn::Result<()> {
        use syn::visit_mut::VisitMut;
        struct Entries<'a> {
            window: &'a WindowBinding,
            used: Vec<usize>,
            error: Option<syn::Error>,
        }
        impl Entries<'_> {
            fn key(&self, j: usize) -> syn::Ident {
                syn::Ident::new(&format!("__window_{}_{j}", self.window.name), self.window.name.span())
            }
        }
        impl VisitMut for Entries<'_> {
            fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
                if let syn::Expr::Index(ix) = expr {
                    if expr_local(&ix.expr).is_some_and(|i| *i == self.window.name) {
                        let entry = match &*ix.index {
                            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(j), .. }) => {
                                j.base10_parse::<usize>().ok()
                            }
                            _ => None,
                        };
                        match entry {
                            Some(j) if j < self.window.width => {
                                let key = self.key(j);
                                self.used.push(j);
                                *expr = syn::parse_quote!(#key);
                            }
                            _ => {
                                self.error.get_or_insert(syn::Error::new(
                                    ix.index.span(),
                                    format!(
                                        "read a window of `windows({})` at an integer literal from 0 to {}",
                                        self.window.width,
                                        self.window.width - 1
                                    ),
                                ));
                            }
                        }
                        return;
                    }
                }
                if let Some(ident) = expr_local(expr) {
                    if *ident == self.window.name {
                        self.error.get_or_insert(syn::Error::new(
                            ident.span(),
                            format!(
                                "a window of `windows({})` is read by entry, `{}[0]` to `{}[{}]`: other uses of it are not supported",
                                self.window.width,
                                self.window.name,
                                self.window.name,
                                self.window.width - 1
                            ),
                        ));
                    }
                }
                syn::visit_mut::visit_expr_mut(self, expr);
            }
        }
        let mut entries = Entries { window: &window, used: Vec::new(), error: None };
        entries.visit_expr_mut(body);
        if let Some(error) = entries.error {
            return Err(error);
        }
        let mut used = entries.used.clone();
        used.sort_unstable();
        used.dedup();
        for j in used {
            let key = entries.key(j).to_string();
            let mut offset = window.offset.clone();
            offset.push(syn::parse_quote!(#j));
            let element = Item::Element { source: window.source.clone(), offset };
            let value = self.item_value(&element, window.index, window.base, &format!("{}_{j}", window.name))?;
            self.by_value.insert(value);
            self.declare(key, value);
        }
        Ok(())
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
    Var(Var),
}

#[derive(Clone)]
enum Combine<'a> {
    Op(syn::BinOp),
    Closure(&'a syn::ExprClosure),
    /// A function of the accumulator and the item (`f64::max`).
    Function(&'a syn::ExprPath),
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

/// `a.chain(b)` as `(a, b)`; adapters after the `chain` that act on each
/// item alone (`copied`, `cloned`, `filter`) go to both sides.
fn split_chain(expr: &syn::Expr) -> Option<(syn::Expr, syn::Expr)> {
    match expr {
        syn::Expr::Paren(p) => split_chain(&p.expr),
        syn::Expr::MethodCall(m) if m.method == "chain" && m.args.len() == 1 => {
            Some(((*m.receiver).clone(), m.args[0].clone()))
        }
        syn::Expr::MethodCall(m)
            if ((m.method == "copied" || m.method == "cloned") && m.args.is_empty())
                || (m.method == "filter" && m.args.len() == 1) =>
        {
            let (a, b) = split_chain(&m.receiver)?;
            let on = |receiver: syn::Expr| {
                let mut call = m.clone();
                call.receiver = Box::new(receiver);
                syn::Expr::MethodCall(call)
            };
            Some((on(a), on(b)))
        }
        _ => None,
    }
}

/// Whether an iterator chain has a `filter` (under any `copied`/`cloned`).
fn filtered(expr: &syn::Expr) -> bool {
    match expr {
        syn::Expr::Paren(p) => filtered(&p.expr),
        syn::Expr::MethodCall(m) => m.method == "filter" || filtered(&m.receiver),
        _ => false,
    }
}

/// Whether an expression looks like an iterator chain: a range, or method
/// calls on top of `.iter()` or `.into_iter()`.
pub(super) fn looks_iterable(expr: &syn::Expr) -> bool {
    match expr {
        syn::Expr::Paren(p) => looks_iterable(&p.expr),
        syn::Expr::Range(_) => true,
        syn::Expr::MethodCall(m) => match m.method.to_string().as_str() {
            "iter" | "into_iter" | "windows" => true,
            // What consumes an iterator yields a value (`xs.iter().fold(..).min(p)`
            // is a float's `min`).
            "fold" | "sum" | "product" | "count" | "last" | "nth" | "min" | "max" | "reduce" | "collect" => false,
            _ => looks_iterable(&m.receiver),
        },
        _ => false,
    }
}

/// Whether an item holds a window of `windows`.
fn has_window(item: &Item) -> bool {
    match item {
        Item::Window { .. } => true,
        Item::Pair(a, b) => has_window(a) || has_window(b),
        Item::Index | Item::Position | Item::Element { .. } => false,
    }
}

/// Adds `offset` to every element position of `item` (for `skip`).
fn shift(item: &mut Item, offset: &syn::Expr) {
    match item {
        Item::Element { offset: offsets, .. } | Item::Window { offset: offsets, .. } => offsets.push(offset.clone()),
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
