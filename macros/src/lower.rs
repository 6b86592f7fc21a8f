//! Lowers the function body to the IR: one assignment per value, one
//! statement per primitive, mutable variables in SSA form, and early returns
//! turned into branches that carry the rest of the function.

use std::collections::HashMap;

use matdiff_core::table;
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::spanned::Spanned;
use syn::visit::Visit;

use crate::errors::Errors;
use crate::ir::{Block, CallMode, Callee, Cond, Dst, Expr, Form, Stmt, Target, Var, Vars};
use crate::rename;
use crate::signature::{Float, Signature};

/// The body in IR form.
pub struct Lowered {
    pub vars: Vars,
    /// The body; it yields one value, the function's result.
    pub body: Block,
    /// The value of each parameter, in signature order.
    pub params: Vec<Var>,
    /// Items declared in the body (constants, helper functions, imports),
    /// copied into every generated function.
    pub items: Vec<syn::Stmt>,
}

impl Lowered {
    pub fn result(&self) -> Var {
        self.body.yields[0]
    }
}

pub fn lower(sig: &Signature, body: &syn::Block) -> syn::Result<Lowered> {
    let mut lowerer = Lowerer {
        vars: Vars::default(),
        scopes: vec![HashMap::new()],
        stmts: Vec::new(),
        items: Vec::new(),
        errors: Errors::default(),
        float: sig.float,
    };
    let mut params = Vec::new();
    for param in &sig.params {
        let var = lowerer.vars.named(param.ident.clone(), param.wrt);
        lowerer.vars.get_mut(var).mutable = param.mutable;
        lowerer.declare(param.ident.to_string(), var);
        params.push(var);
    }
    let result = lowerer.seq(&body.stmts, &[]);
    let mut errors = lowerer.errors;
    match result {
        Ok(result) if errors.is_empty() => Ok(Lowered {
            vars: lowerer.vars,
            body: Block { stmts: lowerer.stmts, yields: vec![result] },
            params,
            items: lowerer.items,
        }),
        Ok(_) => errors.finish().map(|_| unreachable_lowered()),
        Err(e) => {
            errors.add(e);
            errors.finish().map(|_| unreachable_lowered())
        }
    }
}

/// `Errors::finish` on a non-empty collection never returns `Ok`; this
/// keeps the types happy without an `unwrap`.
fn unreachable_lowered() -> Lowered {
    Lowered { vars: Vars::default(), body: Block::default(), params: Vec::new(), items: Vec::new() }
}

/// What follows a block whose statements contain an early `return`: the
/// lowering carries these into every arm that does not return.
enum Frame<'b> {
    /// The remaining statements of an enclosing block.
    Rest { stmts: &'b [syn::Stmt], depth: usize },
    /// Bind the value the block produced with this `let`, then go on.
    Bind { local: &'b syn::Local, depth: usize },
}

struct Lowerer {
    vars: Vars,
    /// The current value of every user variable, innermost scope last.
    scopes: Vec<HashMap<String, Var>>,
    /// The block being built.
    stmts: Vec<Stmt>,
    items: Vec<syn::Stmt>,
    errors: Errors,
    /// The float type of the differentiated values.
    float: Float,
}

type Arm<'f> = Box<dyn FnOnce(&mut Lowerer) -> syn::Result<Option<Var>> + 'f>;

impl Lowerer {
    // ----- variables -------------------------------------------------------

    fn lookup(&self, name: &str) -> Option<Var> {
        self.scopes.iter().rev().find_map(|scope| scope.get(name).copied())
    }

    fn declare(&mut self, name: String, var: Var) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.insert(name, var);
        }
    }

    /// Gives the user variable `name` a new value; false if it is unknown.
    fn assign(&mut self, name: &str, var: Var) -> bool {
        for scope in self.scopes.iter_mut().rev() {
            if let Some(slot) = scope.get_mut(name) {
                *slot = var;
                return true;
            }
        }
        false
    }

    fn mentions_varied(&self, tokens: TokenStream) -> bool {
        rename::mentions(tokens, &|name| self.lookup(name).is_some_and(|v| self.vars.varied(v)))
    }

    fn emit(&mut self, dst: Var, expr: Expr, span: Span) -> Var {
        self.stmts.push(Stmt::Let { dst: Dst::Var(dst), ty: None, expr, span });
        dst
    }

    /// Inactive user code: evaluated as written, with no derivative.
    fn opaque(&mut self, expr: &syn::Expr, hint: Option<&str>) -> Var {
        let mut expr = expr.clone();
        let uses = self.rename(&mut expr);
        let var = self.vars.fresh(hint.unwrap_or("c"), expr.span(), false);
        let span = expr.span();
        self.emit(var, Expr::Opaque { tokens: expr.into_token_stream(), uses }, span)
    }

    fn rename(&self, expr: &mut syn::Expr) -> Vec<Var> {
        let lookup = |name: &str| self.lookup(name);
        rename::rename(expr, &lookup, &self.vars)
    }

    // ----- statements and early returns -----------------------------------

    /// Lowers `stmts` and whatever `frames` says follows them, up to the
    /// function's result, which it returns.
    fn seq(&mut self, stmts: &[syn::Stmt], frames: &[Frame]) -> syn::Result<Var> {
        for (i, stmt) in stmts.iter().enumerate() {
            let rest = &stmts[i + 1..];
            let is_tail = rest.is_empty() && matches!(stmt, syn::Stmt::Expr(_, None));
            if contains_return(stmt) {
                return self.returning_stmt(stmt, rest, is_tail, frames);
            }
            if is_tail {
                if let syn::Stmt::Expr(expr, None) = stmt {
                    return self.finish(expr, frames);
                }
            }
            if let Err(e) = self.stmt(stmt) {
                self.errors.add(e);
            }
        }
        self.continue_frames(frames)
    }

    /// The block produced the value `expr`: hand it to the next frame.
    fn finish(&mut self, expr: &syn::Expr, frames: &[Frame]) -> syn::Result<Var> {
        match frames.first() {
            None => self.expr(expr, None),
            Some(Frame::Rest { stmts, depth }) => {
                if let Err(e) = self.expr_stmt(expr) {
                    self.errors.add(e);
                }
                self.scopes.truncate(*depth);
                self.seq(stmts, &frames[1..])
            }
            Some(Frame::Bind { local, depth }) => {
                let name = local_name(&local.pat);
                let value = self.expr(expr, name.as_deref())?;
                self.scopes.truncate(*depth);
                self.bind(local, value)?;
                self.continue_frames(&frames[1..])
            }
        }
    }

    /// The block ended without a value: go on with the next frame.
    fn continue_frames(&mut self, frames: &[Frame]) -> syn::Result<Var> {
        match frames.first() {
            Some(Frame::Rest { stmts, depth }) => {
                self.scopes.truncate(*depth);
                self.seq(stmts, &frames[1..])
            }
            Some(Frame::Bind { local, .. }) => Err(syn::Error::new(
                local.span(),
                "this block ends without a value on some path: end every branch with a value or a `return`",
            )),
            None => Err(syn::Error::new(
                Span::call_site(),
                "the function body ends without a value on some path: end it with the value to differentiate",
            )),
        }
    }

    /// A statement that contains an early `return`.
    fn returning_stmt(
        &mut self,
        stmt: &syn::Stmt,
        rest: &[syn::Stmt],
        is_tail: bool,
        frames: &[Frame],
    ) -> syn::Result<Var> {
        let depth = self.scopes.len();
        match stmt {
            syn::Stmt::Expr(syn::Expr::Return(ret), _) => self.return_value(ret),
            syn::Stmt::Expr(expr, _) if is_branching(expr) => {
                if is_tail {
                    self.returning_expr(expr, frames)
                } else {
                    let mut inner = vec![Frame::Rest { stmts: rest, depth }];
                    inner.extend(frames.iter().map(Frame::reborrow));
                    self.returning_expr(expr, &inner)
                }
            }
            syn::Stmt::Local(local) => match local.init.as_ref().map(|init| &*init.expr) {
                Some(init) if is_branching(init) => {
                    let mut inner = vec![Frame::Bind { local, depth }, Frame::Rest { stmts: rest, depth }];
                    inner.extend(frames.iter().map(Frame::reborrow));
                    self.returning_expr(init, &inner)
                }
                _ => Err(misplaced_return(stmt)),
            },
            _ => Err(misplaced_return(stmt)),
        }
    }

    fn return_value(&mut self, ret: &syn::ExprReturn) -> syn::Result<Var> {
        match &ret.expr {
            Some(value) => self.expr(value, None),
            None => Err(syn::Error::new(ret.span(), "`return` needs the value to differentiate")),
        }
    }

    /// An `if`, `match` or block whose arms may return: each arm ends the
    /// function, either by a `return` or by running `frames`.
    fn returning_expr(&mut self, expr: &syn::Expr, frames: &[Frame]) -> syn::Result<Var> {
        match expr {
            syn::Expr::Paren(p) => self.returning_expr(&p.expr, frames),
            syn::Expr::Group(g) => self.returning_expr(&g.expr, frames),
            syn::Expr::Return(ret) => self.return_value(ret),
            syn::Expr::Block(b) if b.label.is_none() => {
                let depth = self.scopes.len();
                self.scopes.push(HashMap::new());
                let result = self.seq(&b.block.stmts, frames);
                self.scopes.truncate(depth);
                result
            }
            syn::Expr::If(e) => {
                let cond = self.condition(&e.cond);
                let then_arm: Arm = Box::new(|s: &mut Lowerer| {
                    s.scopes.push(HashMap::new());
                    s.seq(&e.then_branch.stmts, frames).map(Some)
                });
                let else_arm: Arm = Box::new(|s: &mut Lowerer| match &e.else_branch {
                    Some((_, else_expr)) => s.returning_expr(else_expr, frames).map(Some),
                    None => s.continue_frames(frames).map(Some),
                });
                let value = self.branch(cond, then_arm, else_arm, Some("result"), false, e.span())?;
                value.ok_or_else(|| syn::Error::new(e.span(), "this `if` has no value"))
            }
            syn::Expr::Match(m) => {
                let scrutinee = self.expr(&m.expr, Some("scrutinee"))?;
                let value = self.match_arms(scrutinee, &m.arms, ArmMode::Returning(frames), Some("result"))?;
                value.ok_or_else(|| syn::Error::new(m.span(), "this `match` has no value"))
            }
            other if contains_return_expr(other) => Err(syn::Error::new(
                other.span(),
                "`return` is only supported as a statement, or inside the arms of an `if`, `else` or `match`: compute the value into a variable first",
            )),
            other => self.finish(other, frames),
        }
    }

    // ----- ordinary statements ----------------------------------------------

    fn stmt(&mut self, stmt: &syn::Stmt) -> syn::Result<()> {
        match stmt {
            syn::Stmt::Local(local) => self.local(local),
            syn::Stmt::Item(_) => {
                self.items.push(stmt.clone());
                Ok(())
            }
            syn::Stmt::Expr(expr, _) => self.expr_stmt(expr),
            syn::Stmt::Macro(m) => Err(syn::Error::new(m.span(), "macro calls are not supported here")),
        }
    }

    fn local(&mut self, local: &syn::Local) -> syn::Result<()> {
        let Some(init) = &local.init else {
            return Err(syn::Error::new(
                local.pat.span(),
                "declare and initialize a variable together in a differentiated function (`let x = ...;`)",
            ));
        };
        let name = local_name(&local.pat);
        let value = match &local.pat {
            syn::Pat::Ident(_) | syn::Pat::Type(_) | syn::Pat::Wild(_) => self.expr(&init.expr, name.as_deref())?,
            _ => return self.destructure(local, &init.expr),
        };
        self.bind(local, value)
    }

    /// Binds the pattern of `local` (a name, possibly typed, or `_`) to `value`.
    fn bind(&mut self, local: &syn::Local, value: Var) -> syn::Result<()> {
        let (pat, ty) = match &local.pat {
            syn::Pat::Type(t) => (&*t.pat, Some(t.ty.clone())),
            other => (other, None),
        };
        match pat {
            syn::Pat::Wild(_) => Ok(()),
            syn::Pat::Ident(p) if p.subpat.is_none() && p.by_ref.is_none() => {
                let name = p.ident.to_string();
                // A value the initializer just computed takes the name as
                // it is; a value that already had a name gets a copy.
                let var = if self.defined_last(value) && ty.is_none() {
                    value
                } else {
                    let varied = self.vars.varied(value);
                    let var = self.vars.fresh(&name, p.ident.span(), varied);
                    self.stmts.push(Stmt::Let {
                        dst: Dst::Var(var),
                        ty,
                        expr: Expr::Copy(value),
                        span: p.ident.span(),
                    });
                    var
                };
                if p.mutability.is_some() {
                    self.vars.get_mut(var).mutable = true;
                }
                self.declare(name, var);
                Ok(())
            }
            other => Err(syn::Error::new(other.span(), "this pattern is not supported here: bind the value to a name")),
        }
    }

    /// Whether `var` was defined by the statement just emitted.
    fn defined_last(&self, var: Var) -> bool {
        match self.stmts.last() {
            Some(Stmt::Let { dst: Dst::Var(v), .. }) => *v == var,
            Some(Stmt::If { outs, .. }) => outs.first() == Some(&var),
            _ => false,
        }
    }

    /// `let (a, b) = init;` with an inactive `init`.
    fn destructure(&mut self, local: &syn::Local, init: &syn::Expr) -> syn::Result<()> {
        if self.mentions_varied(init.to_token_stream()) {
            return Err(syn::Error::new(
                local.pat.span(),
                "destructuring a value that depends on the differentiated inputs is not supported: bind each value with its own `let`",
            ));
        }
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

    fn pattern_dst(&mut self, pat: &syn::Pat, bound: &mut Vec<(String, Var)>) -> syn::Result<Dst> {
        match pat {
            syn::Pat::Wild(_) => Ok(Dst::Ignore),
            syn::Pat::Ident(p) if p.subpat.is_none() && p.by_ref.is_none() => {
                let var = self.vars.fresh(&p.ident.to_string(), p.ident.span(), false);
                self.vars.get_mut(var).mutable = p.mutability.is_some();
                bound.push((p.ident.to_string(), var));
                Ok(Dst::Var(var))
            }
            syn::Pat::Tuple(t) => {
                let items = t.elems.iter().map(|p| self.pattern_dst(p, bound)).collect::<syn::Result<_>>()?;
                Ok(Dst::Tuple(items))
            }
            syn::Pat::Paren(p) => self.pattern_dst(&p.pat, bound),
            other => Err(syn::Error::new(
                other.span(),
                "only names, `_` and tuples of them are supported in `let` patterns here",
            )),
        }
    }

    fn expr_stmt(&mut self, expr: &syn::Expr) -> syn::Result<()> {
        match expr {
            syn::Expr::Paren(p) => self.expr_stmt(&p.expr),
            syn::Expr::Group(g) => self.expr_stmt(&g.expr),
            syn::Expr::Assign(a) => self.assignment(&a.left, None, &a.right, a.span()),
            syn::Expr::Binary(b) if compound_base(&b.op).is_some() => {
                self.assignment(&b.left, Some(&b.op), &b.right, b.span())
            }
            syn::Expr::If(e) => self.if_expr(e, false).map(drop),
            syn::Expr::Match(m) => {
                let scrutinee = self.expr(&m.expr, Some("scrutinee"))?;
                self.match_arms(scrutinee, &m.arms, ArmMode::Statement, None).map(drop)
            }
            syn::Expr::Block(b) if b.label.is_none() => {
                let depth = self.scopes.len();
                self.scopes.push(HashMap::new());
                for stmt in &b.block.stmts {
                    if let Err(e) = self.stmt(stmt) {
                        self.errors.add(e);
                    }
                }
                self.scopes.truncate(depth);
                Ok(())
            }
            other if self.mentions_varied(other.to_token_stream()) || has_control(other) => {
                self.expr(other, None).map(drop)
            }
            other => {
                let mut other = other.clone();
                let uses = self.rename(&mut other);
                self.stmts.push(Stmt::Effect { tokens: other.into_token_stream(), uses });
                Ok(())
            }
        }
    }

    /// `left = right` or `left op= right`.
    fn assignment(
        &mut self,
        left: &syn::Expr,
        op: Option<&syn::BinOp>,
        right: &syn::Expr,
        span: Span,
    ) -> syn::Result<()> {
        let name = match left {
            syn::Expr::Path(p) => path_local(p).map(|i| i.to_string()),
            _ => None,
        };
        let Some(name) = name.filter(|n| self.lookup(n).is_some()) else {
            return Err(syn::Error::new(
                left.span(),
                "only local variables can be assigned in a differentiated function: compute the value into a local variable",
            ));
        };
        let value = match op {
            None => self.expr(right, Some(&name))?,
            Some(op) => {
                let current = self.lookup(&name).ok_or_else(|| syn::Error::new(left.span(), "unknown variable"))?;
                let rhs = self.expr(right, None)?;
                let base = compound_base(op).ok_or_else(|| syn::Error::new(op.span(), "unsupported operator"))?;
                self.binary_value(&base, current, rhs, Some(&name), span)?
            }
        };
        let mutable = self.lookup(&name).is_some_and(|v| self.vars.get(v).mutable);
        if mutable {
            self.vars.get_mut(value).mutable = true;
        }
        self.assign(&name, value);
        Ok(())
    }

    // ----- expressions ------------------------------------------------------

    /// Lowers an expression to the value it computes. `hint` names it.
    fn expr(&mut self, expr: &syn::Expr, hint: Option<&str>) -> syn::Result<Var> {
        if let syn::Expr::Path(p) = expr {
            if let Some(var) = path_local(p).and_then(|i| self.lookup(&i.to_string())) {
                return Ok(var);
            }
        }
        if is_constant_valued(expr) || (!self.mentions_varied(expr.to_token_stream()) && !has_control(expr)) {
            return Ok(self.opaque(expr, hint));
        }
        match expr {
            syn::Expr::Paren(p) => self.expr(&p.expr, hint),
            syn::Expr::Group(g) => self.expr(&g.expr, hint),
            syn::Expr::Path(p) => match path_local(p).and_then(|i| self.lookup(&i.to_string())) {
                Some(var) => Ok(var),
                None => Ok(self.opaque(expr, hint)),
            },
            syn::Expr::Binary(b) => {
                if compound_base(&b.op).is_some() {
                    return Err(syn::Error::new(
                        b.op.span(),
                        "a compound assignment cannot be used as a value: write it as its own statement",
                    ));
                }
                let lhs = self.expr(&b.left, None)?;
                let rhs = self.expr(&b.right, None)?;
                self.binary_value(&b.op, lhs, rhs, hint, b.span())
            }
            syn::Expr::Unary(u) => match u.op {
                syn::UnOp::Neg(_) => {
                    let operand = self.expr(&u.expr, None)?;
                    let prim = table::by_unary("-").ok_or_else(|| missing_rule(u.span()))?;
                    Ok(self.prim(prim, vec![operand], Form::Unary(u.op), hint.unwrap_or("neg"), u.span()))
                }
                syn::UnOp::Deref(_) => Err(syn::Error::new(
                    u.span(),
                    "dereferencing a differentiated value is not supported: pass floats by value",
                )),
                _ => Err(syn::Error::new(u.op.span(), "this operator has no derivative")),
            },
            syn::Expr::Cast(c) => {
                let other = match self.float {
                    Float::F64 => "f32",
                    Float::F32 => "f64",
                };
                if matches!(&*c.ty, syn::Type::Path(p) if p.path.is_ident(other)) {
                    return Err(syn::Error::new(
                        c.ty.span(),
                        format!(
                            "a differentiated value cannot change precision (`as {other}` in an `{}` function): compute in one precision throughout",
                            self.float.ident()
                        ),
                    ));
                }
                let operand = self.expr(&c.expr, None)?;
                Ok(self.prim(
                    table::cast(),
                    vec![operand],
                    Form::Cast((*c.ty).clone()),
                    hint.unwrap_or("cast"),
                    c.span(),
                ))
            }
            syn::Expr::MethodCall(m) => self.method_call(m, hint),
            syn::Expr::Call(c) => self.call(c, hint),
            syn::Expr::If(e) => {
                self.if_expr_named(e, true, hint)?.ok_or_else(|| syn::Error::new(e.span(), "this `if` has no value"))
            }
            syn::Expr::Match(m) => {
                let scrutinee = self.expr(&m.expr, Some("scrutinee"))?;
                self.match_arms(scrutinee, &m.arms, ArmMode::Value, hint)?
                    .ok_or_else(|| syn::Error::new(m.span(), "this `match` has no value"))
            }
            syn::Expr::Block(b) if b.label.is_none() => self.block_value(&b.block, hint),
            syn::Expr::Return(r) => Err(syn::Error::new(
                r.span(),
                "`return` is only supported as a statement, or inside the arms of an `if`, `else` or `match`: compute the value into a variable first",
            )),
            syn::Expr::Assign(a) => {
                Err(syn::Error::new(a.span(), "an assignment cannot be used as a value: write it as its own statement"))
            }
            syn::Expr::Lit(_) => Ok(self.opaque(expr, hint)),
            syn::Expr::Reference(r) => Err(syn::Error::new(
                r.span(),
                "references to differentiated values are not supported: pass floats by value",
            )),
            other => Err(syn::Error::new(
                other.span(),
                format!(
                    "{} cannot be differentiated here: `#[differentiate]` supports arithmetic, float methods, calls, `if` and `match` on differentiated values",
                    describe(other)
                ),
            )),
        }
    }

    fn binary_value(
        &mut self,
        op: &syn::BinOp,
        lhs: Var,
        rhs: Var,
        hint: Option<&str>,
        span: Span,
    ) -> syn::Result<Var> {
        let symbol = op.to_token_stream().to_string();
        match table::by_binary(&symbol) {
            Some(prim) => Ok(self.prim(prim, vec![lhs, rhs], Form::Binary(*op), hint.unwrap_or(prim.name), span)),
            None if !self.vars.varied(lhs) && !self.vars.varied(rhs) => {
                let (a, b) = (self.vars.ident(lhs).clone(), self.vars.ident(rhs).clone());
                let var = self.vars.fresh(hint.unwrap_or("c"), span, false);
                Ok(self.emit(var, Expr::Opaque { tokens: quote!(#a #op #b), uses: vec![lhs, rhs] }, span))
            }
            None => Err(syn::Error::new(
                op.span(),
                format!(
                    "the operator `{symbol}` has no derivative: use `+`, `-`, `*`, `/` or `%` on differentiated values"
                ),
            )),
        }
    }

    /// A primitive applied to `args`; its value is varied when a
    /// differentiable argument is.
    fn prim(&mut self, prim: &'static table::Primitive, args: Vec<Var>, form: Form, name: &str, span: Span) -> Var {
        let varied = prim.differentiable.iter().any(|&k| self.vars.varied(args[k]));
        let var = self.vars.fresh(name, span, varied);
        self.emit(var, Expr::Prim { prim, args, form }, span)
    }

    fn method_call(&mut self, m: &syn::ExprMethodCall, hint: Option<&str>) -> syn::Result<Var> {
        let name = m.method.to_string();
        if let Some(turbofish) = &m.turbofish {
            return Err(syn::Error::new(
                turbofish.span(),
                "generic arguments on a method of a differentiated value are not supported",
            ));
        }
        if is_self(&m.receiver) {
            let args = m.args.iter().map(|a| self.expr(a, None)).collect::<syn::Result<Vec<_>>>()?;
            return Ok(self.call_value(
                Callee {
                    target: Target::SelfMethod(m.method.clone()),
                    arg_spans: m.args.iter().map(|a| a.span()).collect(),
                },
                args,
                hint.unwrap_or(&name),
                m.span(),
            ));
        }
        let Some(prim) = table::by_method(&name) else {
            return Err(unknown_method(&m.method));
        };
        if m.args.len() + 1 != prim.arity {
            return Err(syn::Error::new(
                m.method.span(),
                format!("`{name}` takes {} argument(s) here", prim.arity - 1),
            ));
        }
        let mut args = vec![self.expr(&m.receiver, None)?];
        for arg in &m.args {
            args.push(self.expr(arg, None)?);
        }
        self.check_constant_args(prim, &args, &name, m.span())?;
        Ok(self.prim(prim, args, Form::Method(m.method.clone()), hint.unwrap_or(&name), m.span()))
    }

    fn check_constant_args(
        &self,
        prim: &'static table::Primitive,
        args: &[Var],
        name: &str,
        span: Span,
    ) -> syn::Result<()> {
        for (k, arg) in args.iter().enumerate() {
            if !prim.differentiable.contains(&k) && self.vars.varied(*arg) {
                let hint = if name == "powi" { ": use `powf` for a differentiated exponent" } else { "" };
                return Err(syn::Error::new(
                    span,
                    format!(
                        "argument {k} of `{name}` has no derivative and must not depend on the differentiated inputs{hint}"
                    ),
                ));
            }
        }
        Ok(())
    }

    fn call(&mut self, c: &syn::ExprCall, hint: Option<&str>) -> syn::Result<Var> {
        let syn::Expr::Path(func) = &*c.func else {
            return Err(syn::Error::new(c.func.span(), "only calls to named functions can be differentiated"));
        };
        if func.qself.is_some() {
            return Err(syn::Error::new(func.span(), "qualified paths (`<T as Trait>::f`) are not supported in calls"));
        }
        let path = &func.path;
        if let Some(segment) = path.segments.iter().find(|s| !s.arguments.is_none()) {
            return Err(syn::Error::new(
                segment.arguments.span(),
                "generic arguments on a called function are not supported: call a non-generic `#[differentiate]` function",
            ));
        }
        let name = path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
        // `f64::sin(x)`: a float method in function form.
        if path.segments.len() == 2 && path.leading_colon.is_none() {
            let ty = path.segments[0].ident.to_string();
            if ty == "f64" || ty == "f32" {
                let Some(prim) = table::by_method(&name) else {
                    return Err(unknown_method(&path.segments[1].ident));
                };
                if c.args.len() != prim.arity {
                    return Err(syn::Error::new(
                        path.span(),
                        format!("`{ty}::{name}` takes {} argument(s)", prim.arity),
                    ));
                }
                let args = c.args.iter().map(|a| self.expr(a, None)).collect::<syn::Result<Vec<_>>>()?;
                self.check_constant_args(prim, &args, &name, c.span())?;
                return Ok(self.prim(prim, args, Form::Path(path.to_token_stream()), hint.unwrap_or(&name), c.span()));
            }
        }
        let args = c.args.iter().map(|a| self.expr(a, None)).collect::<syn::Result<Vec<_>>>()?;
        Ok(self.call_value(
            Callee { target: Target::Path(path.clone()), arg_spans: c.args.iter().map(|a| a.span()).collect() },
            args,
            hint.unwrap_or(&name),
            c.span(),
        ))
    }

    fn call_value(&mut self, callee: Callee, args: Vec<Var>, name: &str, span: Span) -> Var {
        let varied = args.iter().any(|a| self.vars.varied(*a));
        let var = self.vars.fresh(name, span, varied);
        self.emit(var, Expr::Call { callee, args, mode: CallMode::Value }, span)
    }

    fn block_value(&mut self, block: &syn::Block, hint: Option<&str>) -> syn::Result<Var> {
        let depth = self.scopes.len();
        self.scopes.push(HashMap::new());
        let result = self.block_contents(block, hint);
        self.scopes.truncate(depth);
        result
    }

    /// The statements of `block` in the current scope, and its tail value.
    fn block_contents(&mut self, block: &syn::Block, hint: Option<&str>) -> syn::Result<Var> {
        let Some((syn::Stmt::Expr(tail, None), init)) = block.stmts.split_last() else {
            return Err(syn::Error::new(block.span(), "this block has no value: end it with an expression (no `;`)"));
        };
        for stmt in init {
            if let Err(e) = self.stmt(stmt) {
                self.errors.add(e);
            }
        }
        self.expr(tail, hint)
    }

    /// Lowers a condition: inactive code whose value picks a branch.
    fn condition(&mut self, cond: &syn::Expr) -> Var {
        self.opaque(cond, Some("cond"))
    }

    fn if_expr(&mut self, e: &syn::ExprIf, want_value: bool) -> syn::Result<Option<Var>> {
        self.if_expr_named(e, want_value, None)
    }

    fn if_expr_named(&mut self, e: &syn::ExprIf, want_value: bool, hint: Option<&str>) -> syn::Result<Option<Var>> {
        let cond = self.condition(&e.cond);
        let then_arm: Arm = Box::new(move |s: &mut Lowerer| {
            s.scopes.push(HashMap::new());
            if want_value {
                s.block_contents(&e.then_branch, None).map(Some)
            } else {
                s.block_statements(&e.then_branch);
                Ok(None)
            }
        });
        let else_arm: Arm = Box::new(move |s: &mut Lowerer| match &e.else_branch {
            Some((_, else_expr)) => match &**else_expr {
                syn::Expr::If(nested) => s.if_expr_named(nested, want_value, None),
                syn::Expr::Block(b) => {
                    s.scopes.push(HashMap::new());
                    if want_value {
                        s.block_contents(&b.block, None).map(Some)
                    } else {
                        s.block_statements(&b.block);
                        Ok(None)
                    }
                }
                other => {
                    if want_value {
                        s.expr(other, None).map(Some)
                    } else {
                        s.expr_stmt(other).map(|_| None)
                    }
                }
            },
            None if want_value => {
                Err(syn::Error::new(e.span(), "an `if` without `else` has no value: add an `else` branch"))
            }
            None => Ok(None),
        });
        let hint = if want_value { Some(hint.unwrap_or("branch")) } else { None };
        self.branch(cond, then_arm, else_arm, hint, true, e.span())
    }

    fn block_statements(&mut self, block: &syn::Block) {
        for stmt in &block.stmts {
            if let Err(e) = self.stmt(stmt) {
                self.errors.add(e);
            }
        }
    }

    /// A two-way branch on `cond`. `value` names the value the arms yield
    /// (none for a statement); with `merge`, the user variables the arms
    /// assign get new values after the branch.
    fn branch(
        &mut self,
        cond: Var,
        then_arm: Arm,
        else_arm: Arm,
        value: Option<&str>,
        merge: bool,
        span: Span,
    ) -> syn::Result<Option<Var>> {
        let before = self.scopes.clone();
        let (then_blk, then_value) = self.arm(then_arm, before.len())?;
        let then_scopes = std::mem::replace(&mut self.scopes, before.clone());
        let (else_blk, else_value) = self.arm(else_arm, before.len())?;
        let else_scopes = std::mem::replace(&mut self.scopes, before.clone());

        let mut outs = Vec::new();
        let (mut then_yields, mut else_yields) = (Vec::new(), Vec::new());
        let mut result = None;
        if let (Some(name), Some(t), Some(e)) = (value, then_value, else_value) {
            let varied = self.vars.varied(t) || self.vars.varied(e);
            let var = self.vars.fresh(name, span, varied);
            outs.push(var);
            then_yields.push(t);
            else_yields.push(e);
            result = Some(var);
        }
        let mut updates = Vec::new();
        if merge {
            for (depth, scope) in before.iter().enumerate() {
                let mut names: Vec<&String> = scope.keys().collect();
                names.sort();
                for name in names {
                    let old = scope[name];
                    let t = then_scopes[depth].get(name).copied().unwrap_or(old);
                    let e = else_scopes[depth].get(name).copied().unwrap_or(old);
                    if t != old || e != old {
                        let varied = self.vars.varied(t) || self.vars.varied(e);
                        let var = self.vars.fresh(name, span, varied);
                        self.vars.get_mut(var).mutable = self.vars.get(old).mutable;
                        outs.push(var);
                        then_yields.push(t);
                        else_yields.push(e);
                        updates.push((depth, name.clone(), var));
                    }
                }
            }
        }
        self.stmts.push(Stmt::If {
            cond: Cond::Bool(cond),
            then_blk: Block { stmts: then_blk, yields: then_yields },
            else_blk: Block { stmts: else_blk, yields: else_yields },
            outs,
            span,
        });
        for (depth, name, var) in updates {
            self.scopes[depth].insert(name, var);
        }
        Ok(result)
    }

    /// Runs `arm` into a fresh statement list.
    fn arm(&mut self, arm: Arm, depth: usize) -> syn::Result<(Vec<Stmt>, Option<Var>)> {
        let outer = std::mem::take(&mut self.stmts);
        let value = arm(self);
        self.scopes.truncate(depth);
        let inner = std::mem::replace(&mut self.stmts, outer);
        Ok((inner, value?))
    }

    /// The arms of a `match` from `arms[0]` on, as a chain of branches.
    fn match_arms(
        &mut self,
        scrutinee: Var,
        arms: &[syn::Arm],
        mode: ArmMode,
        hint: Option<&str>,
    ) -> syn::Result<Option<Var>> {
        let Some((arm, rest)) = arms.split_first() else {
            return Err(syn::Error::new(Span::call_site(), "a `match` needs at least one arm"));
        };
        let bindings = self.arm_bindings(&arm.pat)?;
        let returning = matches!(mode, ArmMode::Returning(_));
        let else_mode = mode.reborrow();
        let value = match mode {
            ArmMode::Statement => None,
            _ => Some(hint.unwrap_or(if returning { "result" } else { "branch" })),
        };
        let body = move |s: &mut Lowerer| -> syn::Result<Option<Var>> {
            s.scopes.push(HashMap::new());
            for (name, mutable) in &bindings {
                let var = if *mutable {
                    let varied = s.vars.varied(scrutinee);
                    let var = s.vars.fresh(name, Span::call_site(), varied);
                    s.vars.get_mut(var).mutable = true;
                    s.stmts.push(Stmt::Let {
                        dst: Dst::Var(var),
                        ty: None,
                        expr: Expr::Copy(scrutinee),
                        span: Span::call_site(),
                    });
                    var
                } else {
                    scrutinee
                };
                s.declare(name.clone(), var);
            }
            match &mode {
                ArmMode::Returning(frames) => {
                    if contains_return_expr(&arm.body) {
                        s.returning_expr(&arm.body, frames).map(Some)
                    } else {
                        s.finish(&arm.body, frames).map(Some)
                    }
                }
                ArmMode::Value => s.expr(&arm.body, None).map(Some),
                ArmMode::Statement => s.expr_stmt(&arm.body).map(|_| None),
            }
        };
        // The last arm needs no test: rustc checks that the match is
        // exhaustive, so if every earlier arm failed, this one matches.
        if rest.is_empty() {
            let depth = self.scopes.len();
            let value = body(self);
            self.scopes.truncate(depth);
            return value;
        }
        let cond = self.arm_condition(scrutinee, arm);
        let then_arm: Arm = Box::new(body);
        let else_arm: Arm = Box::new(move |s: &mut Lowerer| s.match_arms(scrutinee, rest, else_mode, None));
        self.branch(cond, then_arm, else_arm, value, !returning, arm.pat.span())
    }

    /// The names an arm's pattern binds (to the scrutinee itself).
    fn arm_bindings(&self, pat: &syn::Pat) -> syn::Result<Vec<(String, bool)>> {
        match pat {
            syn::Pat::Ident(p) => {
                if let Some((_, sub)) = &p.subpat {
                    self.arm_bindings(sub)?;
                }
                Ok(vec![(p.ident.to_string(), p.mutability.is_some())])
            }
            syn::Pat::Or(or) => {
                for case in &or.cases {
                    if !self.arm_bindings(case)?.is_empty() {
                        return Err(syn::Error::new(
                            case.span(),
                            "bindings inside `|` patterns are not supported here",
                        ));
                    }
                }
                Ok(Vec::new())
            }
            syn::Pat::Wild(_) | syn::Pat::Lit(_) | syn::Pat::Range(_) | syn::Pat::Path(_) | syn::Pat::Const(_) => {
                Ok(Vec::new())
            }
            syn::Pat::Paren(p) => self.arm_bindings(&p.pat),
            other => Err(syn::Error::new(
                other.span(),
                "a `match` in a differentiated function supports literal, range, `_` and name patterns (with guards)",
            )),
        }
    }

    /// `match scrutinee { PAT if GUARD => true, _ => false }`
    fn arm_condition(&mut self, scrutinee: Var, arm: &syn::Arm) -> Var {
        let pat = &arm.pat;
        let guard = arm.guard.as_ref().map(|(if_token, g)| quote!(#if_token #g));
        let mut test: syn::Expr = syn::parse_quote_spanned! {pat.span()=>
            match () { #pat #guard => true, _ => false }
        };
        let mut uses = self.rename(&mut test);
        if let syn::Expr::Match(m) = &mut test {
            let ident = self.vars.ident(scrutinee).clone();
            *m.expr = syn::parse_quote!(#ident);
        }
        uses.push(scrutinee);
        let var = self.vars.fresh("cond", pat.span(), false);
        let span = pat.span();
        self.emit(var, Expr::Opaque { tokens: test.into_token_stream(), uses }, span)
    }
}

/// How the arms of a `match` end.
enum ArmMode<'f, 'b> {
    Value,
    Statement,
    Returning(&'f [Frame<'b>]),
}

impl<'f, 'b> ArmMode<'f, 'b> {
    fn reborrow(&self) -> ArmMode<'f, 'b> {
        match self {
            ArmMode::Value => ArmMode::Value,
            ArmMode::Statement => ArmMode::Statement,
            ArmMode::Returning(frames) => ArmMode::Returning(frames),
        }
    }
}

impl<'b> Frame<'b> {
    fn reborrow(&self) -> Frame<'b> {
        match self {
            Frame::Rest { stmts, depth } => Frame::Rest { stmts, depth: *depth },
            Frame::Bind { local, depth } => Frame::Bind { local, depth: *depth },
        }
    }
}

// ----- syntax helpers --------------------------------------------------------

fn local_name(pat: &syn::Pat) -> Option<String> {
    match pat {
        syn::Pat::Ident(p) => Some(p.ident.to_string()),
        syn::Pat::Type(t) => local_name(&t.pat),
        _ => None,
    }
}

fn path_local(p: &syn::ExprPath) -> Option<&proc_macro2::Ident> {
    if p.qself.is_some() || p.path.leading_colon.is_some() || p.path.segments.len() != 1 {
        return None;
    }
    let segment = &p.path.segments[0];
    segment.arguments.is_none().then_some(&segment.ident)
}

fn is_self(expr: &syn::Expr) -> bool {
    match expr {
        syn::Expr::Path(p) => p.path.is_ident("self"),
        syn::Expr::Paren(p) => is_self(&p.expr),
        _ => false,
    }
}

fn is_branching(expr: &syn::Expr) -> bool {
    match expr {
        syn::Expr::Paren(p) => is_branching(&p.expr),
        syn::Expr::If(_) | syn::Expr::Match(_) => true,
        syn::Expr::Block(b) => b.label.is_none(),
        _ => false,
    }
}

/// The operator `+` of `+=`, and so on.
fn compound_base(op: &syn::BinOp) -> Option<syn::BinOp> {
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
/// such as `is_nan`, a piecewise-constant method such as `floor`).
fn is_constant_valued(expr: &syn::Expr) -> bool {
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
        }
        syn::Expr::Cast(c) => is_non_float_type(&c.ty),
        syn::Expr::Lit(l) => !matches!(l.lit, syn::Lit::Float(_)),
        _ => false,
    }
}

fn is_non_float_type(ty: &syn::Type) -> bool {
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

/// Finds `return`, assignments, `break` and `continue` (not inside
/// closures or items, which have their own).
#[derive(Default)]
struct ControlFinder {
    returns: bool,
    assigns: bool,
    /// Where the first `return` is.
    first_return: Option<Span>,
}

impl<'ast> Visit<'ast> for ControlFinder {
    fn visit_expr(&mut self, expr: &'ast syn::Expr) {
        match expr {
            syn::Expr::Return(r) => {
                self.returns = true;
                self.first_return.get_or_insert(r.return_token.span);
            }
            syn::Expr::Assign(_) | syn::Expr::Break(_) | syn::Expr::Continue(_) => self.assigns = true,
            syn::Expr::Binary(b) if compound_base(&b.op).is_some() => self.assigns = true,
            syn::Expr::Closure(_) => return,
            _ => {}
        }
        syn::visit::visit_expr(self, expr);
    }

    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

fn contains_return(stmt: &syn::Stmt) -> bool {
    let mut finder = ControlFinder::default();
    finder.visit_stmt(stmt);
    finder.returns
}

fn contains_return_expr(expr: &syn::Expr) -> bool {
    let mut finder = ControlFinder::default();
    finder.visit_expr(expr);
    finder.returns
}

fn has_control(expr: &syn::Expr) -> bool {
    let mut finder = ControlFinder::default();
    finder.visit_expr(expr);
    finder.returns || finder.assigns
}

fn misplaced_return(stmt: &syn::Stmt) -> syn::Error {
    let mut finder = ControlFinder::default();
    finder.visit_stmt(stmt);
    syn::Error::new(
        finder.first_return.unwrap_or_else(|| stmt.span()),
        "`return` is only supported as a statement, or inside the arms of an `if`, `else` or `match`: compute the value into a variable first",
    )
}

fn missing_rule(span: Span) -> syn::Error {
    syn::Error::new(span, "internal: the primitive table lacks this operator")
}

fn unknown_method(method: &proc_macro2::Ident) -> syn::Error {
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
    syn::Error::new(
        method.span(),
        format!(
            "no derivative rule for the method `{name}` on a differentiated value. Methods with rules: {}. \
             For your own function, put `#[differentiate]` on it and call it as a function",
            known.join(", ")
        ),
    )
}

fn describe(expr: &syn::Expr) -> &'static str {
    match expr {
        syn::Expr::Array(_) => "an array",
        syn::Expr::Field(_) => "a field access",
        syn::Expr::Index(_) => "indexing",
        syn::Expr::Range(_) => "a range",
        syn::Expr::Struct(_) => "a struct literal",
        syn::Expr::Tuple(_) => "a tuple",
        syn::Expr::Repeat(_) => "an array",
        _ => "this expression",
    }
}
