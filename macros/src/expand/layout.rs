//! Where the inputs' scalars sit among all of them, and how sweeps over
//! them are seeded (in chunks, or all at once as a bundle) and gathered into
//! a matrix: shared by the Hessians and the Jacobians.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{CHUNK, Generator};
use crate::emit::Emitter;
use crate::ir::Var;
use crate::signature::Shape;

/// Where the differentiated arguments' scalars sit among all of them.
pub(super) struct Layout {
    /// The number of scalars of each argument, and whether it is a constant.
    pub(super) sizes: Vec<(TokenStream, bool)>,
    /// The position of each argument's first scalar.
    pub(super) bases: Vec<TokenStream>,
    /// The number of all scalars.
    pub(super) total: TokenStream,
    /// Whether that number is a constant.
    pub(super) fixed: bool,
}

impl<'a> Generator<'a> {
    /// The number of scalars in differentiated argument `i`, and whether it
    /// is a compile-time constant.
    fn size(&self, e: &Emitter, i: usize) -> (TokenStream, bool) {
        match &self.wrt_param(i).shape {
            Shape::Scalar => (quote!(1usize), true),
            // A length that names a const parameter is a constant rustc
            // cannot compute with in types (`N + 1`): counted at run time.
            Shape::Fixed(n) if self.sig.names_const_parameter(n) => {
                let p = e.ident(self.wrt[i]);
                (quote!(#p.len()), false)
            }
            Shape::Fixed(n) => (quote!((#n)), true),
            Shape::Matrix(m) if m.len.is_some() => {
                let len = &m.len;
                (quote!((#len)), true)
            }
            Shape::Dynamic | Shape::Matrix(_) => {
                let p = e.ident(self.wrt[i]);
                (quote!(#p.len()), false)
            }
        }
    }

    /// Where each differentiated argument's scalars sit among all of them.
    pub(super) fn layout(&self, e: &Emitter) -> Layout {
        let sizes: Vec<(TokenStream, bool)> = (0..self.wrt.len()).map(|i| self.size(e, i)).collect();
        let mut bases = Vec::new();
        let mut base = quote!(0usize);
        for (size, _) in &sizes {
            bases.push(base.clone());
            base = quote!(#base + #size);
        }
        let fixed = sizes.iter().all(|(_, f)| *f);
        Layout { sizes, bases, total: quote!((#base)), fixed }
    }

    /// The bundle of directions one sweep carries, the constants it needs,
    /// and the step from one sweep's first direction to the next.
    pub(super) fn chunk(&self, layout: &Layout) -> (TokenStream, TokenStream, TokenStream) {
        let float = &self.float;
        let chunk = proc_macro2::Literal::usize_unsuffixed(CHUNK);
        if layout.fixed {
            let total = &layout.total;
            (
                quote!([#float; __MATDIFF_CHUNK]),
                quote! {
                    const __MATDIFF_TOTAL: usize = #total;
                    const __MATDIFF_CHUNK: usize = if __MATDIFF_TOTAL == 0 { 1 } else if __MATDIFF_TOTAL < #chunk { __MATDIFF_TOTAL } else { #chunk };
                },
                quote!(__MATDIFF_CHUNK),
            )
        } else {
            (quote!([#float; #chunk]), quote!(), quote!(#chunk))
        }
    }

    /// `let x_dot = seed..;` for the sweep whose directions start at `first`.
    pub(super) fn chunk_seeds(
        &self,
        e: &Emitter,
        layout: &Layout,
        seed_vars: &[Var],
        directions: &TokenStream,
        first: &Ident,
    ) -> Vec<TokenStream> {
        let float = &self.float;
        seed_vars
            .iter()
            .enumerate()
            .map(|(i, &dot)| {
                let dot = e.ident(dot);
                let param = e.ident(self.wrt[i]);
                let base = &layout.bases[i];
                let seed = match &self.wrt_param(i).shape {
                    Shape::Scalar => quote!(::matdiff::__private::seed::<#float, #directions>(#base, #first)),
                    Shape::Dynamic => {
                        quote!(::matdiff::__private::seed_vec::<#float, #directions>(#param.len(), #base, #first))
                    }
                    Shape::Fixed(n) => {
                        quote!(::matdiff::__private::seed_array::<#float, #directions, {#n}>(#base, #first))
                    }
                    Shape::Matrix(_) => {
                        let like = e.borrow(self.wrt[i]);
                        quote!(::matdiff::__private::seed_matrix(#like, #base, #first))
                    }
                };
                quote!(let mut #dot = #seed;)
            })
            .collect()
    }

    /// The zero matrix of `rows` by all-inputs, fixed-size when both are.
    pub(super) fn matrix(&self, layout: &Layout, rows: Option<&TokenStream>) -> (TokenStream, TokenStream) {
        let float = &self.float;
        let total = &layout.total;
        match (layout.fixed, rows) {
            (true, Some(rows)) => {
                let zero = self.zero();
                (quote!([[#float; #total]; #rows]), quote!([[#zero; #total]; #rows]))
            }
            _ => {
                let zero = self.zero();
                (
                    quote!(::std::vec::Vec<::std::vec::Vec<#float>>),
                    quote!(::std::vec![::std::vec![#zero; __matdiff_total]; __matdiff_rows]),
                )
            }
        }
    }

    /// `let x_dot = Bundle::seed(..);` for each input: the identity at its
    /// columns of all `__matdiff_total` directions.
    pub(super) fn bundle_seeds(
        &self,
        e: &Emitter,
        layout: &Layout,
        seed_vars: &[Var],
        bundle: &TokenStream,
    ) -> Vec<TokenStream> {
        seed_vars
            .iter()
            .enumerate()
            .map(|(i, dot)| {
                let dot = e.ident(*dot);
                let (base, (size, _)) = (&layout.bases[i], &layout.sizes[i]);
                quote!(let #dot = <#bundle>::seed(#size, #base, __matdiff_total);)
            })
            .collect()
    }

    /// Whether the Hessian can be one sweep carrying a bundle of all
    /// directions: some size is dynamic (static sizes stay on the stack, one
    /// sweep per input), every argument is a float or a nalgebra value, and
    /// the body uses only primitives with bundle rules, no arrays and no
    /// calls.
    pub(super) fn bundle_mode(&self) -> bool {
        let dynamic = self.sig.wrt().any(|p| matches!(&p.shape, Shape::Matrix(m) if m.len.is_none()));
        let plain_params = self.sig.params.iter().all(|p| !p.is_array());
        dynamic && plain_params && bundle_capable(&self.lowered.body)
    }
}

/// Whether every statement of `block` has rules along bundles of
/// directions (see [`Generator::bundle_mode`]).
fn bundle_capable(block: &crate::ir::Block) -> bool {
    bundle_capable_in(block, false)
}

/// A linear primitive's rules read no primal value, so a loop's reverse
/// sweep may not have its arguments at hand; its bundle rule takes them
/// (a transpose needs the shape), so it is not used inside loops.
fn bundle_capable_in(block: &crate::ir::Block, in_loop: bool) -> bool {
    use crate::ir::{Expr, Header, Stmt};
    block.stmts.iter().all(|stmt| match stmt {
        Stmt::Let { expr, .. } => match expr {
            Expr::Prim { prim, .. } => !prim.matrix || (prim.bundle && !(in_loop && prim.linear)),
            Expr::Call { .. } | Expr::Read { .. } | Expr::NewArray(_) => false,
            _ => true,
        },
        Stmt::If { then_blk, else_blk, .. } => {
            bundle_capable_in(then_blk, in_loop) && bundle_capable_in(else_blk, in_loop)
        }
        Stmt::Loop(l) => {
            let header = match &l.header {
                Header::While { cond } => bundle_capable_in(cond, true),
                _ => true,
            };
            header && bundle_capable_in(&l.body, true)
        }
        Stmt::Effect { .. } => true,
        Stmt::Store { .. } | Stmt::AddAt { .. } | Stmt::AddAll { .. } | Stmt::WindowAdd { .. } | Stmt::Push { .. } => {
            false
        }
    })
}
