//! Emits Rust from the IR: readable code (`x_bar`, `y_dot`) that names
//! only absolute paths, with each statement carrying the span of the user
//! code it came from.

use std::collections::HashSet;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use crate::ir::{Block, CallMode, Callee, Cond, Dst, Expr, Form, Stmt, Target, Var, Vars};

pub struct Emitter<'a> {
    vars: &'a Vars,
    /// The type of a bundle of tangent directions in this function
    /// (`[f64; 2]` for a Hessian, `f64` for a Hessian-vector product).
    directions: TokenStream,
    /// Values that inactive user code may mutate in place (`v.push(..)`):
    /// those of a `let mut` variable are bound `mut`, the others need not be.
    in_place: HashSet<Var>,
}

impl<'a> Emitter<'a> {
    pub fn new(vars: &'a Vars, directions: TokenStream, stmts: &[Stmt]) -> Self {
        let mut in_place = HashSet::new();
        collect_opaque_uses(stmts, &mut in_place);
        Emitter { vars, directions, in_place }
    }

    pub fn ident(&self, v: Var) -> &Ident {
        self.vars.ident(v)
    }

    pub fn stmts(&self, stmts: &[Stmt]) -> TokenStream {
        stmts.iter().map(|s| self.stmt(s)).collect()
    }

    fn block(&self, block: &Block) -> TokenStream {
        let stmts = self.stmts(&block.stmts);
        let value = self.tuple(&block.yields);
        quote!({ #stmts #value })
    }

    /// `()`, `a` or `(a, b, ..)`.
    fn tuple(&self, vars: &[Var]) -> TokenStream {
        match vars {
            [] => quote!(()),
            [one] => self.ident(*one).to_token_stream_owned(),
            many => {
                let idents = many.iter().map(|v| self.ident(*v));
                quote!((#(#idents),*))
            }
        }
    }

    fn binding(&self, v: Var) -> TokenStream {
        let ident = self.ident(v);
        if self.vars.get(v).mutable && self.in_place.contains(&v) { quote!(mut #ident) } else { quote!(#ident) }
    }

    fn pattern(&self, dst: &Dst) -> TokenStream {
        match dst {
            Dst::Var(v) => self.binding(*v),
            Dst::Ignore => quote!(_),
            Dst::Tuple(items) => {
                let items = items.iter().map(|d| self.pattern(d));
                quote!((#(#items,)*))
            }
        }
    }

    fn outs_pattern(&self, outs: &[Var]) -> TokenStream {
        match outs {
            [one] => self.binding(*one),
            many => {
                let items = many.iter().map(|v| self.binding(*v));
                quote!((#(#items),*))
            }
        }
    }

    fn stmt(&self, stmt: &Stmt) -> TokenStream {
        match stmt {
            Stmt::Let { dst, ty, expr, span } => {
                let pattern = self.pattern(dst);
                let value = self.expr(expr, *span);
                let ty = ty.as_ref().map(|t| quote!(: #t));
                quote_spanned!(*span=> let #pattern #ty = #value;)
            }
            Stmt::Effect { tokens, .. } => quote!(#tokens;),
            Stmt::If { cond, then_blk, else_blk, outs, span } => {
                let then_blk = self.block(then_blk);
                let else_blk = self.block(else_blk);
                let branch = match cond {
                    Cond::Bool(c) => {
                        let c = self.ident(*c);
                        quote_spanned!(*span=> if #c #then_blk else #else_blk)
                    }
                    Cond::Tape { tape, then_binds, else_binds } => {
                        let tape = self.ident(*tape);
                        let then_binds = then_binds.iter().map(|v| self.ident(*v));
                        let else_binds = else_binds.iter().map(|v| self.ident(*v));
                        quote_spanned! {*span=>
                            match #tape {
                                ::matdiff::__private::Branch::Then((#(#then_binds,)*)) => #then_blk,
                                ::matdiff::__private::Branch::Else((#(#else_binds,)*)) => #else_blk,
                            }
                        }
                    }
                };
                if outs.is_empty() {
                    quote!(#branch;)
                } else {
                    let pattern = self.outs_pattern(outs);
                    quote!(let #pattern = #branch;)
                }
            }
        }
    }

    fn refs(&self, vars: &[Var]) -> Vec<TokenStream> {
        vars.iter()
            .map(|v| {
                let ident = self.ident(*v);
                quote!(&#ident)
            })
            .collect()
    }

    fn expr(&self, expr: &Expr, span: Span) -> TokenStream {
        match expr {
            Expr::Opaque { tokens, .. } => tokens.clone(),
            Expr::Copy(v) => self.ident(*v).to_token_stream_owned(),
            Expr::Prim { args, form, .. } => self.primal(args, form, span),
            Expr::Jvp { prim, k, args, out, t } => {
                let rule = format_ident!("jvp{}", k);
                let name = format_ident!("{}", prim.name);
                let args = self.refs(args);
                let (out, t) = (self.ident(*out), self.ident(*t));
                quote_spanned!(span=> ::matdiff::__private::rules::#name::#rule(#(#args,)* &#out, &#t))
            }
            Expr::Vjp { prim, k, args, out, c } => {
                let rule = format_ident!("vjp{}", k);
                let name = format_ident!("{}", prim.name);
                let args = self.refs(args);
                let (out, c) = (self.ident(*out), self.ident(*c));
                quote_spanned!(span=> ::matdiff::__private::rules::#name::#rule(#(#args,)* &#out, &#c))
            }
            Expr::VjpJvp { prim, k, j, args, out, c, t } => {
                let rule = format_ident!("vjp{}_jvp{}", k, j);
                let name = format_ident!("{}", prim.name);
                let args = self.refs(args);
                let (out, c, t) = (self.ident(*out), self.ident(*c), self.ident(*t));
                quote_spanned!(span=> ::matdiff::__private::rules::#name::#rule(#(#args,)* &#out, &#c, &#t))
            }
            Expr::Call { callee, args, mode } => self.call(callee, args, mode, span),
            Expr::Cotangent(c) => {
                // Located at the user's argument, where rustc reports a
                // missing derivative.
                let c = self.ident(*c);
                let c = Ident::new(&c.to_string(), c.span().located_at(span));
                quote_spanned!(span=> ::matdiff::__private::cotangent(#c))
            }
            Expr::Add(a, b) => {
                let (a, b) = (self.ident(*a), self.ident(*b));
                quote_spanned!(span=> ::matdiff::__private::add(&#a, &#b))
            }
            Expr::ZeroLike(v) => {
                let v = self.ident(*v);
                quote_spanned!(span=> ::matdiff::__private::zero_like(&#v))
            }
            Expr::ZeroTangent(v) => {
                let v = self.ident(*v);
                let directions = &self.directions;
                quote_spanned!(span=> ::matdiff::__private::zero_tangent::<#directions, _>(&#v))
            }
            Expr::OneLike(v) => {
                let v = self.ident(*v);
                quote_spanned!(span=> ::matdiff::__private::one_like(&#v))
            }
            Expr::Tape { then, vars } => {
                let vars = vars.iter().map(|v| self.ident(*v));
                if *then {
                    quote_spanned!(span=> ::matdiff::__private::Branch::Then((#(#vars,)*)))
                } else {
                    quote_spanned!(span=> ::matdiff::__private::Branch::Else((#(#vars,)*)))
                }
            }
        }
    }

    /// The forward value of a primitive, written as the user wrote it.
    fn primal(&self, args: &[Var], form: &Form, span: Span) -> TokenStream {
        let a: Vec<&Ident> = args.iter().map(|v| self.ident(*v)).collect();
        match form {
            Form::Binary(op) => {
                let (l, r) = (a[0], a[1]);
                quote_spanned!(span=> #l #op #r)
            }
            Form::Unary(op) => {
                let x = a[0];
                quote_spanned!(span=> #op #x)
            }
            Form::Method(method) => {
                let (receiver, rest) = (a[0], &a[1..]);
                quote_spanned!(span=> #receiver.#method(#(#rest),*))
            }
            Form::Path(path) => quote_spanned!(span=> #path(#(#a),*)),
            Form::Cast(ty) => {
                let x = a[0];
                quote_spanned!(span=> #x as #ty)
            }
        }
    }

    fn call(&self, callee: &Callee, args: &[Var], mode: &CallMode, span: Span) -> TokenStream {
        let args: Vec<&Ident> = args.iter().map(|v| self.ident(*v)).collect();
        let option = |t: &Option<Var>| match t {
            Some(v) => {
                let v = self.ident(*v);
                quote_spanned!(span=> ::core::option::Option::Some(#v))
            }
            None => quote_spanned!(span=> ::core::option::Option::None),
        };
        let (suffix, extra) = match mode {
            CallMode::Value => (None, quote!()),
            CallMode::Vjp { out_bar } => {
                let out_bar = self.ident(*out_bar);
                (Some("vjp"), quote!(, #out_bar))
            }
            CallMode::Jvp { tangents } => {
                let tangents = tangents.iter().map(option);
                (Some("jvp"), quote!(, (#(#tangents,)*)))
            }
            CallMode::VjpJvp { tangents, out_bar, out_bar_dot } => {
                let tangents = tangents.iter().map(option);
                let out_bar = self.ident(*out_bar);
                let out_bar_dot = option(out_bar_dot);
                (Some("vjp_jvp"), quote!(, (#(#tangents,)*), #out_bar, #out_bar_dot))
            }
        };
        match (&callee.target, suffix) {
            (Target::Path(path), None) => quote_spanned!(span=> #path(#(#args),*)),
            (Target::Path(path), Some(suffix)) => {
                let suffix = Ident::new(suffix, span);
                quote_spanned!(span=> #path::#suffix(#(#args),* #extra))
            }
            (Target::SelfMethod(method), None) => quote_spanned!(span=> self.#method(#(#args),*)),
            (Target::SelfMethod(method), Some(suffix)) => {
                let hidden = companion_method(suffix, method);
                quote_spanned!(span=> self.#hidden(#(#args),* #extra))
            }
        }
    }
}

/// The hidden method that holds `suffix` (`vjp`, `jvp`, `vjp_jvp`) of method
/// `method`.
pub fn companion_method(suffix: &str, method: &Ident) -> Ident {
    Ident::new(&format!("__matdiff_{suffix}_{}", method.to_string().trim_start_matches("r#")), method.span())
}

trait IdentTokens {
    fn to_token_stream_owned(&self) -> TokenStream;
}

impl IdentTokens for Ident {
    fn to_token_stream_owned(&self) -> TokenStream {
        quote!(#self)
    }
}

/// The values read by inactive user code anywhere in `stmts`.
fn collect_opaque_uses(stmts: &[Stmt], out: &mut HashSet<Var>) {
    for stmt in stmts {
        match stmt {
            Stmt::Let { expr: Expr::Opaque { uses, .. }, .. } | Stmt::Effect { uses, .. } => out.extend(uses),
            Stmt::If { then_blk, else_blk, .. } => {
                collect_opaque_uses(&then_blk.stmts, out);
                collect_opaque_uses(&else_blk.stmts, out);
            }
            Stmt::Let { .. } => {}
        }
    }
}
