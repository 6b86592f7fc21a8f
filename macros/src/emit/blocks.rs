//! Splits a long statement list into nested blocks, so that emitted code
//! never nests thousands of `let` scopes.
//!
//! Each `let` opens a scope that holds the rest of its block, and LLVM
//! walks the debug information of nested scopes recursively: the Hessian
//! of a straight-line function of a few hundred statements (thousands of
//! `let`s) overflowed rustc's stack in a default debug build. A long list
//! is therefore emitted as `let (a, b, ..) = { ..; (a, b, ..) };` per
//! stretch of statements, each stretch handing on what it binds, so that
//! the nesting is the number of stretches plus the length of one. A `let`
//! is kept as it is (rather than declaring every value first and assigning
//! it later): deferred initialisation makes rustc's type checking
//! quadratic in the number of values.

use std::collections::{HashMap, HashSet};

use proc_macro2::TokenStream;
use quote::quote;

use super::Emitter;
use crate::ir::{Block, Cond, Expr, Stmt, Var};

/// Statements per block in a list too long to emit flat.
const STRETCH: usize = 96;

impl Emitter<'_> {
    /// The code of `stmts` (`codes[i]` is that of `stmts[i]`, its drops
    /// included; `dropped[i]` what those drops free), which the code after
    /// them follows, reading `read_after`: flat when the list is short, in
    /// nested blocks when it is long.
    pub(super) fn in_blocks(
        &self,
        stmts: &[Stmt],
        codes: Vec<TokenStream>,
        dropped: &[&[Var]],
        read_after: &[Var],
    ) -> TokenStream {
        if stmts.len() <= 2 * STRETCH {
            return codes.into_iter().collect();
        }
        // The last statement that reads each value; the code after the
        // list counts as one past the end.
        let mut last_read = HashMap::new();
        for (i, stmt) in stmts.iter().enumerate() {
            for v in reads(stmt) {
                last_read.insert(v, i);
            }
        }
        for v in read_after {
            last_read.insert(*v, stmts.len());
        }
        let cuttable = cuttable(stmts, &last_read);
        let mut defined_at = HashMap::new();
        for (i, stmt) in stmts.iter().enumerate() {
            for v in bound(stmt) {
                defined_at.insert(v, i);
            }
        }
        let mut out = TokenStream::new();
        let mut codes = codes.into_iter();
        let mut start = 0;
        while start < stmts.len() {
            let mut end = start + 1;
            while end < stmts.len() && !(cuttable[end] && end - start >= STRETCH) {
                // A closure handed on must not borrow a value of its own
                // stretch: its stretch starts after what it captures.
                let captures_from_stretch =
                    closure_captures(&stmts[end]).iter().any(|v| defined_at.get(v).is_some_and(|&d| d >= start));
                if captures_from_stretch && cuttable[end] {
                    break;
                }
                end += 1;
            }
            let code: TokenStream = codes.by_ref().take(end - start).collect();
            if end == stmts.len() {
                out.extend(code);
                break;
            }
            let read_later = |v: &Var| last_read.get(v).is_some_and(|&i| i >= end);
            let handed_on = self.handed_on(&stmts[start..end], &dropped[start..end], read_later);
            let patterns = handed_on.iter().map(|v| self.binding(*v));
            let idents = handed_on.iter().map(|v| self.ident(*v));
            out.extend(quote!(let (#(#patterns,)*) = { #code (#(#idents,)*) };));
            start = end;
        }
        out
    }

    /// The values a stretch binds that the code after it may read: those
    /// the rest of the list reads, and those the stretch neither drops nor
    /// may move (the code after the list, which this list does not see,
    /// reads only such: its outputs are never moved).
    fn handed_on(&self, stmts: &[Stmt], dropped: &[&[Var]], read_later: impl Fn(&Var) -> bool) -> Vec<Var> {
        let mut consumed: HashSet<Var> = dropped.iter().flat_map(|d| d.iter().copied()).collect();
        for stmt in stmts {
            self.may_move(stmt, &mut consumed);
        }
        stmts.iter().flat_map(bound).filter(|v| read_later(v) || !consumed.contains(v)).collect()
    }

    /// Adds to `out` the values that `stmt`'s code may take by value,
    /// whatever their type (the macro does not know which are `Copy`).
    fn may_move(&self, stmt: &Stmt, out: &mut HashSet<Var>) {
        match stmt {
            Stmt::Let { expr, .. } => {
                let mut reads = Vec::new();
                expr.uses(&mut reads);
                // What is read once may be taken by value (`add_owned`).
                out.extend(reads.iter().filter(|v| self.movable.contains(v)));
                match expr {
                    Expr::Copy(v) if self.copied_by_move(*v) => {
                        out.insert(*v);
                    }
                    Expr::Tape { vars, .. } => out.extend(vars.iter().filter(|v| self.taped_by_move(**v))),
                    // User code may move what it reads.
                    Expr::Opaque { uses, .. } => out.extend(uses),
                    _ => {}
                }
            }
            Stmt::If { cond, then_blk, else_blk, .. } => {
                if let Cond::Tape { tape, .. } = cond {
                    out.insert(*tape);
                }
                for block in [then_blk, else_blk] {
                    for inner in &block.stmts {
                        self.may_move(inner, out);
                    }
                    out.extend(&block.yields);
                }
            }
            Stmt::Loop(l) => {
                out.extend(l.carried.iter().map(|(_, init)| *init).filter(|v| self.copied_by_move(*v)));
            }
            Stmt::Push { vars, .. } => out.extend(vars.iter().filter(|v| self.taped_by_move(**v))),
            Stmt::Effect { uses, .. } => out.extend(uses),
            Stmt::Store { .. } | Stmt::AddAt { .. } | Stmt::AddAll { .. } | Stmt::WindowAdd { .. } => {}
        }
    }

    /// Whether a copy of `v` is written as `v` itself rather than cloned.
    fn copied_by_move(&self, v: Var) -> bool {
        !self.may_own(v) || self.vars.is_array(v)
    }

    /// Whether saving `v` on a tape writes `v` itself (`taped`).
    fn taped_by_move(&self, v: Var) -> bool {
        let data = self.vars.get(v);
        !self.may_own(v) || data.array || data.reference || data.tape
    }
}

/// The values a statement binds in the block it stands in (a loop's
/// carried values are its own: they are moved into its results; its trip
/// counter is read by its reverse sweep).
fn bound(stmt: &Stmt) -> Vec<Var> {
    match stmt {
        Stmt::Let { dst, .. } => {
            let mut vars = Vec::new();
            dst.vars(&mut vars);
            vars
        }
        Stmt::If { outs, .. } => outs.clone(),
        Stmt::Loop(l) => l.outs.iter().copied().chain(l.counter).collect(),
        Stmt::Effect { .. }
        | Stmt::Store { .. }
        | Stmt::AddAt { .. }
        | Stmt::AddAll { .. }
        | Stmt::WindowAdd { .. }
        | Stmt::Push { .. } => Vec::new(),
    }
}

/// What a closure bound by `stmt` may borrow (the closures of a `map`).
fn closure_captures(stmt: &Stmt) -> &[Var] {
    match stmt {
        Stmt::Let { expr: Expr::Opaque { tokens, uses }, .. } if is_closure(tokens) => uses,
        _ => &[],
    }
}

fn is_closure(tokens: &TokenStream) -> bool {
    match tokens.clone().into_iter().next() {
        Some(proc_macro2::TokenTree::Punct(p)) => p.as_char() == '|',
        Some(proc_macro2::TokenTree::Ident(i)) => i == "move",
        _ => false,
    }
}

/// For each index `i`, whether the list may be cut before `stmts[i]`: not
/// while a value of user code that borrows (`let r = &(a + b);`) is still
/// read, since it may borrow a temporary whose life its `let` extends to
/// the end of the block it stands in.
fn cuttable(stmts: &[Stmt], last_read: &HashMap<Var, usize>) -> Vec<bool> {
    let mut cuttable = vec![true; stmts.len()];
    let mut pinned_until = 0;
    for (i, stmt) in stmts.iter().enumerate() {
        cuttable[i] = pinned_until < i;
        if let Stmt::Let { dst, expr: Expr::Opaque { tokens, .. }, .. } = stmt {
            if !is_closure(tokens) && borrows(tokens.clone()) {
                let mut bound = Vec::new();
                dst.vars(&mut bound);
                for v in bound {
                    pinned_until = pinned_until.max(last_read.get(&v).copied().unwrap_or(i));
                }
            }
        }
    }
    cuttable
}

fn borrows(tokens: TokenStream) -> bool {
    tokens.into_iter().any(|t| match t {
        proc_macro2::TokenTree::Punct(p) => p.as_char() == '&',
        proc_macro2::TokenTree::Group(g) => borrows(g.stream()),
        _ => false,
    })
}

/// Every value a statement reads that it does not bind itself.
fn reads(stmt: &Stmt) -> Vec<Var> {
    Block { stmts: vec![stmt.clone()], yields: Vec::new() }.free_vars()
}
