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
//! time. Functions with nalgebra values are left as they are: there an
//! operator may mix a scalar and a matrix, and a local is not always known
//! to be a matrix.

use std::collections::HashSet;

use proc_macro2::{TokenStream, TokenTree};

use crate::ir::{Expr, Header, Stmt, Var};

/// Groups of values of one type (a union-find over the values).
pub struct TypeClasses {
    parent: Vec<usize>,
}

impl TypeClasses {
    pub fn new(count: usize) -> Self {
        TypeClasses { parent: (0..count).collect() }
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
    /// next and final values, a copy with its source, and the float
    /// operands of a float operation with its result.
    pub fn join_ir(&mut self, stmts: &[Stmt]) {
        for stmt in stmts {
            match stmt {
                Stmt::Let { dst: crate::ir::Dst::Var(v), expr, .. } => match expr {
                    Expr::Copy(source) => self.union(*v, *source),
                    Expr::Prim { prim, args, .. } if !prim.matrix && prim.name != "cast" => {
                        for &k in prim.differentiable {
                            if let Some(&arg) = args.get(k) {
                                self.union(*v, arg);
                            }
                        }
                    }
                    _ => {}
                },
                Stmt::If { then_blk, else_blk, outs, .. } => {
                    for ((out, t), e) in outs.iter().zip(&then_blk.yields).zip(&else_blk.yields) {
                        self.union_all(&[*out, *t, *e]);
                    }
                    self.join_ir(&then_blk.stmts);
                    self.join_ir(&else_blk.stmts);
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
                        self.join_ir(&cond.stmts);
                    }
                    self.join_ir(&l.body.stmts);
                }
                _ => {}
            }
        }
    }
}

/// Gives the type `ty` to the `let`s that bind one of `vars` without a type
/// to inactive code with an unsuffixed float literal.
pub fn annotate(stmts: &mut [Stmt], vars: &HashSet<Var>, ty: &syn::Type) {
    for stmt in stmts {
        match stmt {
            Stmt::Let { dst: crate::ir::Dst::Var(v), ty: slot @ None, expr: Expr::Opaque { tokens, .. }, .. }
                if vars.contains(v) && has_float_literal(tokens.clone()) =>
            {
                *slot = Some(Box::new(ty.clone()));
            }
            Stmt::If { then_blk, else_blk, .. } => {
                annotate(&mut then_blk.stmts, vars, ty);
                annotate(&mut else_blk.stmts, vars, ty);
            }
            Stmt::Loop(l) => {
                if let Header::While { cond } = &mut l.header {
                    annotate(&mut cond.stmts, vars, ty);
                }
                annotate(&mut l.body.stmts, vars, ty);
            }
            _ => {}
        }
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
