//! The Jacobian of a function with a vector result.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::{CHUNK, Generator};
use crate::emit::Emitter;
use crate::gather::gather;
use crate::ir::Var;
use crate::reverse::Seed;
use crate::signature::Shape;
use crate::simplify::simplify;
use crate::tangent;

impl<'a> Generator<'a> {
    /// The Jacobian of a function with a vector result, `J[i][j]` = the
    /// derivative of output i in input j: by one reverse sweep per output
    /// or one forward sweep per chunk of inputs, whichever takes fewer.
    pub(super) fn jacobian(&self) -> TokenStream {
        let name = self.name(&self.options.jacobian, "jacobian");
        let doc = format!(
            " The Jacobian of {} with respect to {} (all their scalars, in argument order): `J[i][j]` is the derivative of output i in input j. Computed by reverse sweeps, one per output, or forward sweeps, one per {CHUNK} inputs, whichever needs fewer.",
            self.link(),
            self.wrt_list()
        );
        if self.matrix_mode() {
            return self.jacobian_by_sweeps(&name, &doc);
        }
        let result_var = self.lowered.result();
        let output_len = match &self.sig.vector_output {
            Some(Shape::Fixed(m)) => Some(quote!((#m))),
            _ => None,
        };

        // Reverse: one sweep per output.
        let mut vars = self.lowered.vars.clone();
        let row = vars.fresh("row", Span::call_site(), false);
        let mut gradient = self.gradient(&mut vars, Seed::UnitAt(row));
        let live: Vec<Var> = gradient.adjoints.iter().flatten().copied().collect();
        gradient.stmts = gather(simplify(std::mem::take(&mut gradient.stmts), &vars, live), &vars);
        let e = Emitter::new(&vars, quote!(()), &gradient.stmts);
        let layout = self.layout(&e);
        let row_ident = e.ident(row).clone();
        let reverse_body = e.stmts(&gradient.stmts);
        let writes: Vec<TokenStream> = (0..self.wrt.len())
            .filter_map(|i| {
                let entry = e.ident(gradient.adjoints[i]?);
                let (base, (size, _)) = (&layout.bases[i], &layout.sizes[i]);
                let _ = size;
                Some(match &self.wrt_param(i).shape {
                    Shape::Scalar => quote!(__matdiff_matrix[#row_ident][#base] = #entry;),
                    _ => quote!(::matdiff::__private::write_row(&mut __matdiff_matrix[#row_ident], #base, &#entry);),
                })
            })
            .collect();

        // Forward: one sweep per chunk of inputs.
        let mut fvars = self.lowered.vars.clone();
        let first = fvars.fresh("first", Span::call_site(), false);
        let (mut dots, seed_vars) = self.input_tangents(&mut fvars);
        let fstmts = tangent::tangent(&mut fvars, &self.lowered.body.stmts, &mut dots);
        let fstmts = simplify(fstmts, &fvars, dots.get(&result_var).copied());
        let flayout = self.layout(&Emitter::new(&fvars, quote!(()), &fstmts));
        let (directions, chunk_decl, step) = self.chunk(&flayout);
        let fe = Emitter::new(&fvars, directions.clone(), &fstmts);
        let first_ident = fe.ident(first).clone();
        let seeds = self.chunk_seeds(&fe, &flayout, &seed_vars, &directions, &first_ident);
        let forward_body = fe.stmts(&fstmts);
        let forward_scatter = dots.get(&result_var).map(|d| {
            let d = fe.ident(*d);
            quote!(::matdiff::__private::scatter_rows(&mut __matdiff_matrix[..], #first_ident, &#d);)
        });

        // The number of outputs: the result's length, from one forward run
        // when it is not a constant.
        let pe = Emitter::new(&self.lowered.vars, quote!(()), &self.lowered.body.stmts);
        let rows = match &output_len {
            Some(m) => quote!(#m),
            None => {
                let forward = pe.stmts(&self.lowered.body.stmts);
                let result = pe.ident(result_var);
                quote!({ #forward #result.len() })
            }
        };
        let total = &layout.total;
        let (matrix_type, matrix_init) = self.matrix(&layout, output_len.as_ref());
        let chunk = proc_macro2::Literal::usize_unsuffixed(CHUNK);
        self.public_fn(
            &name,
            &doc,
            quote!(),
            matrix_type,
            quote! {
                #chunk_decl
                let __matdiff_total: usize = #total;
                let __matdiff_rows: usize = #rows;
                let mut __matdiff_matrix = #matrix_init;
                if __matdiff_rows <= __matdiff_total.div_ceil(#chunk) {
                    for #row_ident in 0..__matdiff_rows {
                        #reverse_body
                        #(#writes)*
                    }
                } else {
                    let mut #first_ident: usize = 0;
                    while #first_ident < __matdiff_total {
                        #(#seeds)*
                        #forward_body
                        #forward_scatter
                        #first_ident += #step;
                    }
                }
                __matdiff_matrix
            },
        )
    }

    /// With nalgebra arguments or result: a nalgebra Jacobian (`SMatrix`
    /// when every size is static), by one reverse sweep per output or one
    /// forward sweep per input scalar, whichever needs fewer.
    fn jacobian_by_sweeps(&self, name: &Ident, doc: &str) -> TokenStream {
        let float = &self.float;
        let result_var = self.lowered.result();
        let vector_result = matches!(self.sig.vector_output, Some(Shape::Matrix(_)));
        if vector_result && self.bundle_mode() {
            return self.jacobian_bundled(name, doc);
        }
        let output_len = match &self.sig.vector_output {
            Some(Shape::Fixed(m)) => Some(quote!((#m))),
            Some(Shape::Matrix(m)) => m.len.as_ref().map(|len| quote!((#len))),
            _ => None,
        };

        // Reverse: one sweep per output.
        let mut vars = self.lowered.vars.clone();
        let row = vars.fresh("row", Span::call_site(), false);
        let seed = if vector_result { Seed::UnitVector(row) } else { Seed::UnitAt(row) };
        let mut gradient = self.gradient(&mut vars, seed);
        let live: Vec<Var> = gradient.adjoints.iter().flatten().copied().collect();
        gradient.stmts = gather(simplify(std::mem::take(&mut gradient.stmts), &vars, live), &vars);
        let e = Emitter::new(&vars, quote!(#float), &gradient.stmts);
        let layout = self.layout(&e);
        let row_ident = e.ident(row).clone();
        let reverse_body = e.stmts(&gradient.stmts);
        let writes = (0..self.wrt.len()).filter_map(|i| {
            let entry = e.ident(gradient.adjoints[i]?);
            let base = &layout.bases[i];
            Some(quote!(::matdiff::__private::write_matrix_row(&mut __matdiff_matrix, #row_ident, #base, &#entry);))
        });

        // Forward: one sweep per input scalar.
        let mut fvars = self.lowered.vars.clone();
        let column = fvars.fresh("column", Span::call_site(), false);
        let (mut dots, seed_vars) = self.input_tangents(&mut fvars);
        let fstmts = tangent::tangent(&mut fvars, &self.lowered.body.stmts, &mut dots);
        let fstmts = simplify(fstmts, &fvars, dots.get(&result_var).copied());
        let fe = Emitter::new(&fvars, quote!(#float), &fstmts);
        let column_ident = fe.ident(column).clone();
        let seeds = self.chunk_seeds(&fe, &self.layout(&fe), &seed_vars, &quote!(#float), &column_ident);
        let forward_body = fe.stmts(&fstmts);
        let forward_write = dots.get(&result_var).map(|d| {
            let d = fe.ident(*d);
            quote!(::matdiff::__private::write_column(&mut __matdiff_matrix, #column_ident, 0, &#d);)
        });

        let pe = Emitter::new(&self.lowered.vars, quote!(#float), &self.lowered.body.stmts);
        let rows = match &output_len {
            Some(m) => quote!(#m),
            None => {
                let forward = pe.stmts(&self.lowered.body.stmts);
                let result = pe.ident(result_var);
                quote!({ #forward #result.len() })
            }
        };
        let total = &layout.total;
        let (matrix_type, matrix_init) = match &output_len {
            Some(m) if layout.fixed => {
                let ty = quote!(::matdiff::__private::nalgebra::SMatrix<#float, {#m}, {#total}>);
                (ty.clone(), quote!(<#ty>::zeros()))
            }
            _ => {
                let ty = quote!(::matdiff::__private::nalgebra::DMatrix<#float>);
                (ty.clone(), quote!(<#ty>::zeros(__matdiff_rows, __matdiff_total)))
            }
        };
        self.public_fn(
            name,
            doc,
            quote!(),
            matrix_type,
            quote! {
                let __matdiff_total: usize = #total;
                let __matdiff_rows: usize = #rows;
                let mut __matdiff_matrix = #matrix_init;
                if __matdiff_rows <= __matdiff_total {
                    for #row_ident in 0..__matdiff_rows {
                        #reverse_body
                        #(#writes)*
                    }
                } else {
                    for #column_ident in 0..__matdiff_total {
                        #(#seeds)*
                        #forward_body
                        #forward_write
                    }
                }
                __matdiff_matrix
            },
        )
    }

    /// A nalgebra vector result of dynamic-size arguments: one forward
    /// sweep whose tangents carry every input direction; the result's
    /// bundle is the Jacobian (for `A x`, a copy of `A`).
    fn jacobian_bundled(&self, name: &Ident, doc: &str) -> TokenStream {
        let float = &self.float;
        let bundle = quote!(::matdiff::__private::Bundle<#float>);
        let result_var = self.lowered.result();
        let mut vars = self.lowered.vars.clone();
        let (mut dots, seed_vars) = self.input_tangents(&mut vars);
        let stmts = tangent::tangent(&mut vars, &self.lowered.body.stmts, &mut dots);
        let result_dot = dots.get(&result_var).copied();
        let stmts = gather(simplify(stmts, &vars, [result_var].into_iter().chain(result_dot)), &vars);
        let outputs: Vec<Var> = [result_var].into_iter().chain(result_dot).collect();
        let e = Emitter::bundled(&vars, bundle.clone(), &stmts).reusing(&stmts, outputs);
        let layout = self.layout(&e);
        let seeds = self.bundle_seeds(&e, &layout, &seed_vars, &bundle);
        let body = e.body(&stmts);
        let result = e.ident(result_var);
        let jacobian = match result_dot {
            Some(d) => {
                let d = e.ident(d);
                quote!(::matdiff::__private::into_jacobian(#d, #result.len(), __matdiff_total))
            }
            None => quote!(<::matdiff::__private::nalgebra::DMatrix<#float>>::zeros(#result.len(), __matdiff_total)),
        };
        let total = &layout.total;
        self.public_fn(
            name,
            doc,
            quote!(),
            quote!(::matdiff::__private::nalgebra::DMatrix<#float>),
            quote! {
                let __matdiff_total: usize = #total;
                #(#seeds)*
                #body
                #jacobian
            },
        )
    }
}
