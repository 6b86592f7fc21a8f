//! The `_into` functions of nalgebra parameters: the gradient and the
//! Hessian written into matrices the caller owns, with the temporaries'
//! storage lent by a workspace the caller keeps.
//!
//! Their bodies are the pruned bodies of `f_grad` and `f_hessian` with the
//! caller's `matdiff::MatrixWorkspace` installed for the call
//! (`matdiff_core::pool`): the rules take the storage of the matrices they
//! create from it, and each temporary's storage goes back to it where the
//! allocating body would drop it. The result the last rule wrote is moved
//! into the caller's matrix (no copy), and the storage that matrix held
//! goes to the workspace, so the next call finds it there.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use super::Generator;
use crate::emit::Emitter;
use crate::gather::gather;
use crate::ir::Var;
use crate::reverse::Seed;
use crate::signature::Shape;
use crate::simplify::simplify;
use crate::tangent;

impl<'a> Generator<'a> {
    /// Whether the function gets the `_into` functions of nalgebra
    /// parameters: every differentiated argument is a nalgebra value.
    fn matrix_into(&self) -> bool {
        self.sig.vector_output.is_none()
            && !self.wrt.is_empty()
            && self.sig.wrt().all(|p| matches!(p.shape, Shape::Matrix(_)) && p.float.is_some())
    }

    /// A name for a generated parameter that no argument of `f` has.
    fn fresh_param(&self, base: &str) -> Ident {
        let taken: Vec<String> = self.sig.params.iter().map(|p| p.ident.to_string()).collect();
        let mut name = format_ident!("{}", base);
        while taken.contains(&name.to_string()) {
            name = format_ident!("{}_", name);
        }
        name
    }

    /// `f_grad_into`, `f_value_and_grad_into` and, unless the Hessian is
    /// turned off, `f_hessian_into`.
    pub(super) fn matrix_into_functions(&self) -> TokenStream {
        if !self.matrix_into() {
            return TokenStream::new();
        }
        let mut out = self.grad_into_matrix(false);
        out.extend(self.grad_into_matrix(true));
        if !self.options.no_hessian {
            out.extend(self.hessian_into_matrix());
        }
        out
    }

    /// The workspace's name, its parameter `workspace: &mut
    /// MatrixWorkspace<F>`, and the statements that install it for the call.
    fn workspace_param(&self) -> (Ident, TokenStream, TokenStream) {
        let float = &self.float;
        let workspace = self.fresh_param("workspace");
        let param = quote!(#workspace: &mut ::matdiff::__private::MatrixWorkspace<#float>);
        let install = quote! {
            #[allow(unused_imports)]
            use ::matdiff::__private::RecycleOther as _;
            let __matdiff_workspace = ::matdiff::__private::install_workspace(#workspace);
        };
        (workspace, param, install)
    }

    /// Gives the storage of the caller's output `buffer` to the installed
    /// workspace: the rules take it for a temporary or for the result,
    /// which is moved into `buffer` at the end. (Taken at the end instead,
    /// the storage would come back too late for the next call's first
    /// temporaries, which would allocate once more.)
    fn lend_output(buffer: &Ident) -> TokenStream {
        quote! {
            if let ::core::option::Option::Some(__matdiff_lent) = ::matdiff::__private::emptied(#buffer) {
                ::matdiff::__private::Recycle(__matdiff_lent).recycle();
            }
        }
    }

    /// `f_grad_into(args.., grad_x.., workspace)` or
    /// `f_value_and_grad_into(..) -> F`.
    fn grad_into_matrix(&self, with_value: bool) -> TokenStream {
        let float = &self.float;
        let base = if with_value {
            self.name(&self.options.value_and_grad, "value_and_grad")
        } else {
            self.name(&self.options.grad, "grad")
        };
        let name = format_ident!("{}_into", base);
        let mut vars = self.lowered.vars.clone();
        let mut gradient = self.gradient(&mut vars, Seed::One(self.float.clone()));
        let mut live: Vec<Var> = gradient.adjoints.iter().flatten().copied().collect();
        if with_value {
            live.push(self.lowered.result());
        }
        gradient.stmts = gather(simplify(std::mem::take(&mut gradient.stmts), &vars, live), &vars);
        let outputs: Vec<Var> = gradient.adjoints.iter().flatten().copied().chain([self.lowered.result()]).collect();
        let e = Emitter::new(&vars, quote!(#float), &gradient.stmts).reusing(&gradient.stmts, outputs).recycling();
        let stmts = e.body(&gradient.stmts);
        let buffers: Vec<Ident> = self
            .sig
            .wrt()
            .map(|p| self.fresh_param(&format!("grad_{}", p.ident.to_string().trim_start_matches("r#"))))
            .collect();
        let params = self.sig.wrt().zip(&buffers).map(|(p, b)| {
            let ty = self.shaped(p, &quote!(#float));
            quote!(#b: &mut #ty,)
        });
        let checks = self.sig.wrt().zip(&buffers).map(|(p, b)| {
            let ident = &p.ident;
            let (name, what) = (b.to_string(), format!("the shape of `{ident}`"));
            quote!(::matdiff::__private::check_output_shape(#name, #b.shape(), #ident.shape(), #what);)
        });
        let stores = gradient.adjoints.iter().zip(&buffers).map(|(adjoint, b)| match adjoint {
            Some(a) => {
                let a = e.ident(*a);
                quote!(::matdiff::__private::Recycle(::core::mem::replace(#b, #a)).recycle();)
            }
            None => {
                let zero = self.zero();
                quote!(#b.fill(#zero);)
            }
        });
        let (workspace, workspace_param, install) = self.workspace_param();
        let lend = buffers.iter().map(Self::lend_output);
        let (ret, value) = if with_value {
            let result = e.ident(self.lowered.result());
            (quote!(#float), quote!(#result))
        } else {
            (quote!(), quote!())
        };
        let arguments: Vec<String> = self.sig.wrt().map(|p| format!("`{}`", p.ident)).collect();
        let written: Vec<String> = buffers.iter().map(|b| format!("`{b}`")).collect();
        let what = if with_value { "The value of {f} and its gradient" } else { "The gradient of {f}" };
        let doc = format!(
            " {} with respect to {}, written into {} (each shaped like its argument; another shape panics). The temporaries' storage comes from `{workspace}` (start from `MatrixWorkspace::default()` and keep it): called again with inputs of the same sizes, this allocates nothing. The result is moved into the caller's matrix, whose previous storage goes to `{workspace}`. Computed by reverse-mode differentiation generated at compile time.",
            what.replace("{f}", &self.link()),
            arguments.join(", "),
            written.join(", "),
        );
        self.public_fn(
            &name,
            &doc,
            quote!(#(#params)* #workspace_param),
            ret,
            quote! {
                #(#checks)*
                #install
                #(#lend)*
                #stmts
                #(#stores)*
                #value
            },
        )
    }

    /// `f_hessian_into(args.., hessian, workspace)`: the Hessian's bundled
    /// sweep (or its sweeps column by column) with the result in the
    /// caller's matrix.
    fn hessian_into_matrix(&self) -> TokenStream {
        let float = &self.float;
        let base = self.name(&self.options.hessian, "hessian");
        let name = format_ident!("{}_into", base);
        let hessian = self.fresh_param("hessian");
        let (workspace, workspace_param, install) = self.workspace_param();
        let mut vars = self.lowered.vars.clone();
        let gradient = self.gradient(&mut vars, Seed::One(self.float.clone()));
        let column = vars.fresh("column", Span::call_site(), false);
        let (mut dots, seed_vars) = self.input_tangents(&mut vars);
        let stmts = tangent::tangent(&mut vars, &gradient.stmts, &mut dots);
        let stmts = gather(
            simplify(stmts, &vars, gradient.adjoints.iter().flatten().filter_map(|a| dots.get(a).copied())),
            &vars,
        );
        let rows: Vec<Option<Var>> = gradient.adjoints.iter().map(|a| a.and_then(|a| dots.get(&a).copied())).collect();
        let bundled = self.bundle_mode();
        let e = if bundled {
            let bundle = quote!(::matdiff::__private::Bundle<#float>);
            Emitter::bundled(&vars, bundle, &stmts).reusing(&stmts, rows.iter().flatten().copied()).recycling()
        } else {
            Emitter::new(&vars, quote!(#float), &stmts)
        };
        let layout = self.layout(&e);
        let total = &layout.total;
        let (matrix_type, _) = self.nalgebra_square(&layout);
        let zero = self.zero();
        // The storage is lent only where the result is moved in.
        let lend = match rows.as_slice() {
            [Some(_)] if bundled => Self::lend_output(&hessian),
            _ => quote!(),
        };
        let body = if bundled {
            let bundle = quote!(::matdiff::__private::Bundle<#float>);
            let seeds = self.bundle_seeds(&e, &layout, &seed_vars, &bundle);
            let body = e.body(&stmts);
            let assemble = match rows.as_slice() {
                // One argument: its gradient's bundle is the whole Hessian,
                // moved into the caller's matrix.
                [Some(rows)] => {
                    let rows = e.ident(*rows);
                    quote! {
                        let __matdiff_result = ::matdiff::__private::into_hessian(#rows, __matdiff_total);
                        ::matdiff::__private::Recycle(::core::mem::replace(#hessian, __matdiff_result)).recycle();
                    }
                }
                _ => {
                    let writes = rows.iter().enumerate().filter_map(|(i, rows)| {
                        let rows = e.ident((*rows)?);
                        let base = &layout.bases[i];
                        Some(quote!(::matdiff::__private::write_rows(#hessian, #base, &#rows);))
                    });
                    quote! {
                        #hessian.fill(#zero);
                        #(#writes)*
                    }
                }
            };
            quote! {
                #(#seeds)*
                #body
                #assemble
            }
        } else {
            let column_ident = e.ident(column).clone();
            let seeds = self.chunk_seeds(&e, &layout, &seed_vars, &quote!(#float), &column_ident);
            let writes = rows.iter().enumerate().filter_map(|(i, row)| {
                let row = e.ident((*row)?);
                let base = &layout.bases[i];
                Some(quote!(::matdiff::__private::write_column(#hessian, #column_ident, #base, &#row);))
            });
            let body = e.stmts(&stmts);
            quote! {
                #hessian.fill(#zero);
                for #column_ident in 0..__matdiff_total {
                    #(#seeds)*
                    #body
                    #(#writes)*
                }
            }
        };
        let doc = format!(
            " The Hessian of {} with respect to {} (all their scalars, in argument order, as {}), written into `{hessian}` (another shape panics). The temporaries' storage comes from `{workspace}` (start from `MatrixWorkspace::default()` and keep it): called again with inputs of the same sizes, a Hessian computed in one bundled sweep allocates nothing. Computed by forward-over-reverse sweeps generated at compile time.",
            self.link(),
            self.wrt_list(),
            self.sibling_link(&base),
        );
        self.public_fn(
            &name,
            &doc,
            quote!(#hessian: &mut #matrix_type, #workspace_param),
            quote!(),
            quote! {
                let __matdiff_total: usize = #total;
                ::matdiff::__private::check_output_shape(
                    ::core::stringify!(#hessian),
                    #hessian.shape(),
                    (__matdiff_total, __matdiff_total),
                    "the number of differentiated scalars squared",
                );
                #install
                #lend
                #body
            },
        )
    }
}
