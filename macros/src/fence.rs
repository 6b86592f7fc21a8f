//! Rejects, with an error at the user's span, what the macro cannot
//! differentiate, before any code is generated.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};

use crate::errors::Errors;

/// Checks the whole body and reports every unsupported construct at once.
pub fn check(body: &syn::Block) -> syn::Result<()> {
    let mut fence = Fence::default();
    fence.visit_block(body);
    fence.errors.finish()
}

#[derive(Default)]
struct Fence {
    errors: Errors,
}

impl Fence {
    fn reject(&mut self, span: Span, message: &str) {
        self.errors.push(span, message);
    }
}

impl<'ast> Visit<'ast> for Fence {
    fn visit_expr(&mut self, expr: &'ast syn::Expr) {
        match expr {
            syn::Expr::Unsafe(e) => self.reject(
                e.unsafe_token.span,
                "`unsafe` blocks cannot be differentiated: move the unsafe code into a function that does not take differentiated values",
            ),
            syn::Expr::Async(e) => {
                self.reject(e.async_token.span, "`async` blocks cannot be differentiated: differentiate plain synchronous code")
            }
            syn::Expr::Await(e) => {
                self.reject(e.await_token.span, "`.await` cannot be differentiated: differentiate plain synchronous code")
            }
            syn::Expr::Try(e) => self.reject(
                e.question_token.span,
                "the `?` operator is not supported in a differentiated function: it returns a plain float, so handle the error before calling it",
            ),
            syn::Expr::TryBlock(e) => self.reject(e.try_token.span, "`try` blocks are not supported in a differentiated function"),
            syn::Expr::Yield(e) => self.reject(e.yield_token.span, "`yield` is not supported in a differentiated function"),
            syn::Expr::Macro(e) if !e.mac.path.is_ident("vec") => self.reject(e.mac.path.span(), MACROS),
            syn::Expr::Let(e) => self.reject(
                e.let_token.span,
                "`if let` and `while let` are not supported: use `match` on values with literal, range or guard arms, or compute the value before the differentiated code",
            ),
            syn::Expr::Block(e) if e.label.is_some() => {
                self.reject(e.span(), "labeled blocks are not supported: use `if`/`else` or an early `return`")
            }
            _ => {}
        }
        visit::visit_expr(self, expr);
    }

    fn visit_local(&mut self, local: &'ast syn::Local) {
        if let Some(init) = &local.init {
            if let Some((else_token, _)) = &init.diverge {
                self.reject(
                    else_token.span,
                    "`let ... else` is not supported in a differentiated function: use `match` or `if`",
                );
            }
        }
        visit::visit_local(self, local);
    }

    fn visit_stmt_macro(&mut self, mac: &'ast syn::StmtMacro) {
        self.reject(mac.mac.path.span(), MACROS);
    }

    fn visit_item(&mut self, _item: &'ast syn::Item) {
        // Items in the body are separate functions, constants and imports:
        // they are copied as they are and not differentiated.
    }
}

const MACROS: &str = "macro calls are not supported in a differentiated function (the macro cannot see what they expand to), except `vec!`: write the code out, or move the macro call into a helper function";
