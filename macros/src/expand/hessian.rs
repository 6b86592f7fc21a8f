//! The Hessian: one sweep of the core (for a known band, with `2b + 1`
//! directions, and then its sparse lower triangle too), sweeps of `CHUNK`
//! directions, or with nalgebra values a bundled sweep or a pruned body
//! column by column.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::cores::Cores;
use super::layout::Layout;
use super::{CHUNK, Generator, ONE_SWEEP};
use crate::band::Band;
use crate::emit::Emitter;
use crate::gather::gather;
use crate::ir::{Stmt, Var};
use crate::naming::{SECOND_ORDER_CORE as CORE, SECOND_ORDER_SWEEP as SWEEP};
use crate::reverse::Seed;
use crate::signature::Shape;
use crate::simplify::simplify;
use crate::{elements, sparsity, tangent};

impl<'a> Generator<'a> {
    pub(super) fn hessian(&self, cores: &Cores) -> TokenStream {
        let name = self.name(&self.options.hessian, "hessian");
        let doc = format!(
            " The Hessian of {} with respect to {} (all their scalars, in argument order): `H[i][j]` is the second derivative in the i-th and j-th of them. Computed by forward-over-reverse sweeps generated at compile time.",
            self.link(),
            self.wrt_list()
        );
        if self.matrix_mode() {
            if self.bundle_mode() {
                return self.hessian_bundled(&name, &doc);
            }
            return self.hessian_by_columns_pruned(&name, &doc);
        }
        if let Some(band) = self.band {
            return self.hessian_banded(&name, band);
        }
        if !self.chunked_hessian() {
            return self.hessian_one_sweep(cores, &name, &doc);
        }
        self.hessian_chunked(cores, &name, &doc)
    }

    /// The one array argument's Hessian, whose band was read from the
    /// loops: one sweep of the core with `2b + 1` directions, element j
    /// seeded in direction j mod (2b + 1), which gives every entry of the
    /// band (see `matdiff_core::arrays::seed_band_vec`); zeros elsewhere.
    fn hessian_banded(&self, name: &Ident, band: Band) -> TokenStream {
        let e = self.argument_names();
        let layout = self.layout(&e);
        let bandwidth = proc_macro2::Literal::usize_unsuffixed(band.bandwidth);
        let doc = format!(
            " The Hessian of {} with respect to {} (all its scalars): `H[i][j]` is the second derivative in the i-th and j-th of them. Computed by one forward-over-reverse sweep of {} generated at compile time, the band (bandwidth {}) read from the loops' index offsets; the entries off the band are zero.",
            self.link(),
            self.wrt_list(),
            directions_text(band),
            band.bandwidth,
        );
        let total = &layout.total;
        let (matrix_type, matrix_init) = self.matrix(&layout, Some(total));
        if self.has_element_hessian(band) {
            let doc = format!(
                " The Hessian of {} with respect to {} (all its scalars): `H[i][j]` is the second derivative in the i-th and j-th of them. Its band (bandwidth {}) was read from the loops' index offsets; the entries off the band are zero. Computed at compile time as the sum of each loop iteration's small Hessian in the elements it reads, added into the band.",
                self.link(),
                self.wrt_list(),
                band.bandwidth,
            );
            let float = &self.float;
            let zero = self.zero();
            let workspace = self.local_workspace(band);
            let call = self.call_sparse_into(quote!(&mut __matdiff_values[..]), quote!(&mut __matdiff_workspace));
            return self.wrapper_fn(
                name,
                &doc,
                quote!(),
                matrix_type,
                quote! {
                    let __matdiff_total: usize = #total;
                    let __matdiff_rows: usize = __matdiff_total;
                    let mut __matdiff_matrix = #matrix_init;
                    let mut __matdiff_values: ::std::vec::Vec<#float> =
                        ::std::vec![#zero; ::matdiff::__private::banded_len(__matdiff_total, #bandwidth)];
                    #workspace
                    #call;
                    ::matdiff::__private::scatter_band_values(&mut __matdiff_matrix[..], #bandwidth, &__matdiff_values);
                    __matdiff_matrix
                },
            );
        }
        let sweep = self.band_sweep(&e, &layout, band);
        self.wrapper_fn(
            name,
            &doc,
            quote!(),
            matrix_type,
            quote! {
                #sweep
                let __matdiff_rows: usize = __matdiff_total;
                let mut __matdiff_matrix = #matrix_init;
                ::matdiff::__private::scatter_band(&mut __matdiff_matrix[..], #bandwidth, &__matdiff_band_rows);
                __matdiff_matrix
            },
        )
    }

    /// `f_hessian_sparse` and `f_hessian_sparse_into`, for a function whose
    /// Hessian's band is known: its lower triangle in compressed sparse
    /// column order (`matdiff_core::sparse::SparseHessian`), from the same
    /// one sweep as the dense Hessian.
    pub(super) fn hessian_sparse(&self) -> TokenStream {
        let Some(band) = self.band else { return TokenStream::new() };
        let e = self.argument_names();
        let layout = self.layout(&e);
        let float = &self.float;
        let bandwidth = proc_macro2::Literal::usize_unsuffixed(band.bandwidth);
        let sparse = quote!(::matdiff::__private::SparseHessian<#float>);
        let name = self.name(&None, "hessian_sparse");
        let into_name = self.name(&None, "hessian_sparse_into");
        let pattern = format!(
            " The lower triangle of the Hessian of {} with respect to {}, whose band (bandwidth {}) was read from the loops' index offsets: every entry `(j, k)` with `k <= j <= k + {}`, column by column (compressed sparse column order; `column_pointers` gives the column starts). The pattern depends only on the number of inputs: refill the values for new inputs with {}.",
            self.link(),
            self.wrt_list(),
            band.bandwidth,
            band.bandwidth,
            self.sibling_link(&into_name),
        );
        let doc = format!("{pattern} One forward-over-reverse sweep of {}.", directions_text(band));
        let mut vars = self.lowered.vars.clone();
        let values = vars.fresh("values", self.sig.name.span(), false);
        let values = vars.ident(values).clone();
        let workspace = vars.fresh("workspace", self.sig.name.span(), false);
        let workspace = vars.ident(workspace).clone();
        let width = proc_macro2::Literal::usize_unsuffixed(band.directions());
        let workspace_type = quote!(::matdiff::__private::SparseHessianWorkspace<#float, #width>);
        let into_doc = format!(
            " Writes into `{values}` the values of the lower triangle of the Hessian of {}, in the order of the pattern {} returns for inputs of this length (which depends only on the length). Panics if `{values}` has another length. The sweep's buffers live in `{workspace}` (start from `SparseHessianWorkspace::default()` and keep it): called again with as many inputs, this allocates nothing{}.",
            self.link(),
            self.sibling_link(&name),
            match &self.wrt_param(0).shape {
                Shape::Dynamic if self.borrowed_tangent_params().is_empty() => {
                    " but a copy of the seeds (the argument is owned, so the sweep may write to their copy)"
                }
                _ => "",
            },
        );
        let reserved = [values.to_string(), workspace.to_string()];
        let total = &layout.total;
        let elements_into = self.element_hessian(
            band,
            &quote!(#workspace),
            &reserved,
            |columns| quote!(::matdiff::__private::fill_band_columns(#values, #bandwidth, &*#columns);),
        );
        if let Some(program_into) = elements_into {
            // The element program is emitted once, in the `_into` function,
            // which the others call.
            let method = " Computed at compile time as the sum of each loop iteration's small Hessian in the elements it reads, added into the band.";
            let local_workspace = self.local_workspace(band);
            let call =
                self.call_sparse_into(quote!(&mut __matdiff_hessian.values[..]), quote!(&mut __matdiff_workspace));
            let sparse_fn = self.wrapper_fn(
                &name,
                &format!("{pattern}{method}"),
                quote!(),
                sparse.clone(),
                quote! {
                    let __matdiff_total: usize = #total;
                    let mut __matdiff_hessian = <#sparse>::banded(__matdiff_total, #bandwidth);
                    #local_workspace
                    #call;
                    __matdiff_hessian
                },
            );
            let into_doc = format!(
                " Writes into `{values}` the values of the lower triangle of the Hessian of {}, in the order of the pattern {} returns for inputs of this length (which depends only on the length). Panics if `{values}` has another length. The band's buffer lives in `{workspace}` (start from `SparseHessianWorkspace::default()` and keep it): called again with as many inputs, this allocates nothing.{method}",
                self.link(),
                self.sibling_link(&name),
            );
            let into_fn = self.public_fn(
                &into_name,
                &into_doc,
                quote!(#values: &mut [#float], #workspace: &mut #workspace_type),
                quote!(),
                program_into,
            );
            return quote!(#sparse_fn #into_fn);
        }
        let sweep = self.band_sweep(&e, &layout, band);
        let sparse_fn = self.wrapper_fn(
            &name,
            &doc,
            quote!(),
            sparse.clone(),
            quote! {
                #sweep
                let mut __matdiff_hessian = <#sparse>::banded(__matdiff_total, #bandwidth);
                ::matdiff::__private::fill_band_values(&mut __matdiff_hessian.values, #bandwidth, &__matdiff_band_rows);
                __matdiff_hessian
            },
        );
        let into_body = match &self.wrt_param(0).shape {
            Shape::Dynamic => {
                let param = e.ident(self.wrt[0]);
                let seeds = if self.borrowed_tangent_params().is_empty() {
                    quote!(__matdiff_seeds.to_vec())
                } else {
                    quote!(__matdiff_seeds)
                };
                let call = self.call_core_storing(
                    CORE,
                    self.core_generics(None, false),
                    [seeds, quote!(__matdiff_gradient), quote!(__matdiff_rows)],
                    false,
                );
                let row = self.slot(quote!(__matdiff_tangents), 0);
                quote! {
                    let (__matdiff_seeds, __matdiff_gradient, __matdiff_rows) = #workspace.buffers(#param.len());
                    let (_, _, _, __matdiff_tangents) = #call;
                    ::matdiff::__private::fill_band_values(#values, #bandwidth, &#row);
                }
            }
            // A fixed-size array's sweep allocates nothing anyway.
            _ => quote! {
                let _ = #workspace;
                #sweep
                ::matdiff::__private::fill_band_values(#values, #bandwidth, &__matdiff_band_rows);
            },
        };
        let into_fn = self.wrapper_fn(
            &into_name,
            &into_doc,
            quote!(#values: &mut [#float], #workspace: &mut #workspace_type),
            quote!(),
            into_body,
        );
        quote!(#sparse_fn #into_fn)
    }

    /// Whether the banded Hessian is computed by element Hessians (see
    /// [`Generator::element_hessian`]): then `f_hessian_sparse_into` holds
    /// their program, and `f_hessian` and `f_hessian_sparse` call it.
    fn has_element_hessian(&self, band: Band) -> bool {
        self.element_hessian(band, &quote!(__matdiff_workspace), &[], |_| TokenStream::new()).is_some()
    }

    /// A call of `f_hessian_sparse_into` with the function's arguments,
    /// then `values` and `workspace`.
    fn call_sparse_into(&self, values: TokenStream, workspace: TokenStream) -> TokenStream {
        let name = self.name(&None, "hessian_sparse_into");
        let args = self.sig.params.iter().map(|p| &p.ident);
        let receiver = self.sig.receiver.as_ref().map(|_| quote!(self,));
        let callee = if self.sig.in_impl() { quote!(Self::#name) } else { quote!(#name) };
        quote!(#callee(#receiver #(#args,)* #values, #workspace))
    }

    /// A workspace of the band's width made for one call.
    fn local_workspace(&self, band: Band) -> TokenStream {
        let float = &self.float;
        let width = proc_macro2::Literal::usize_unsuffixed(band.directions());
        quote! {
            let mut __matdiff_workspace = <::matdiff::__private::SparseHessianWorkspace<#float, #width> as ::core::default::Default>::default();
        }
    }

    /// The Hessian of the one array argument as the sum of its loops'
    /// element Hessians (see [`crate::elements`]): statements that take the
    /// band's columns from `workspace` (a `&mut SparseHessianWorkspace`)
    /// and end with what `finish` makes of them (given their name), or
    /// `None` where the structure is not provably that one. `reserved`: the
    /// names of the wrapper's own parameters.
    fn element_hessian(
        &self,
        band: Band,
        workspace: &TokenStream,
        reserved: &[String],
        finish: impl FnOnce(&Ident) -> TokenStream,
    ) -> Option<TokenStream> {
        if self.wrt.len() != 1 {
            return None;
        }
        let mut vars = self.lowered.vars.clone();
        vars.reserve(reserved.iter().cloned());
        let gradient = self.gradient(&mut vars, Seed::One(self.float.clone()));
        let array_bar = gradient.adjoints.first().copied().flatten()?;
        let float = &self.float;
        let program = elements::element_program(&mut vars, &gradient, self.wrt[0], array_bar, band, &quote!(#float))?;
        let columns = program.columns;
        let finish = finish(vars.ident(columns));
        let mut stmts = program.stmts;
        stmts.push(Stmt::Effect { tokens: finish, uses: vec![columns] });
        let stmts = simplify(stmts, &vars, [columns]);
        let stmts = gather(simplify(elements::forward_passes(stmts, columns, &vars), &vars, [columns]), &vars);
        let directions = proc_macro2::Literal::usize_unsuffixed(program.directions);
        let width = proc_macro2::Literal::usize_unsuffixed(band.bandwidth + 1);
        let array = vars.ident(self.wrt[0]).clone();
        let e = Emitter::new(&vars, quote!([#float; #directions]), &stmts).providing(
            columns,
            quote!(::matdiff::__private::SparseHessianWorkspace::element_columns::<#width>(#workspace, #array.len())),
        );
        Some(e.body(&stmts))
    }

    /// A doc link to another generated function.
    pub(super) fn sibling_link(&self, name: &Ident) -> String {
        if self.sig.in_impl() { format!("[`Self::{name}`]") } else { format!("[`{name}`]") }
    }

    /// `let __matdiff_band_rows = ..;`: the tangents of the gradient of the
    /// one array argument in the sweep of a banded Hessian; and
    /// `__matdiff_total`, its length.
    fn band_sweep(&self, e: &Emitter, layout: &Layout, band: Band) -> TokenStream {
        let float = &self.float;
        let width = proc_macro2::Literal::usize_unsuffixed(band.directions());
        let directions = quote!([#float; #width]);
        let param = e.ident(self.wrt[0]);
        let seed = match &self.wrt_param(0).shape {
            Shape::Fixed(n) => quote!(::matdiff::__private::seed_band_array::<#float, #directions, {#n}>()),
            _ => quote!(::matdiff::__private::seed_band_vec::<#float, #directions>(#param.len())),
        };
        let call = self.call_core_with(CORE, self.core_generics(None, false), [quote!(__matdiff_band_seed)], false);
        let row = self.slot(quote!(__matdiff_tangents), 0);
        let total = &layout.total;
        // Measured and seeded before the call, which may take an owned
        // `Vec` argument.
        quote! {
            let __matdiff_total: usize = #total;
            let __matdiff_band_seed = #seed;
            let (_, _, _, __matdiff_tangents) = #call;
            let __matdiff_band_rows = #row;
        }
    }

    /// Whether the Hessian of a function without nalgebra values takes
    /// sweeps of `CHUNK` directions in a loop, rather than one sweep.
    fn chunked_hessian(&self) -> bool {
        let one_sweep = self.all_scalar() && self.wrt.len() <= ONE_SWEEP;
        !(self.matrix_mode() || self.options.no_hessian || one_sweep || self.band.is_some())
    }

    /// Whether the loop of a chunked Hessian calls the core through the
    /// never-inlined sweep: unless every argument has a fixed size, in all
    /// at most one chunk, so that the loop runs once.
    pub(super) fn sweeps_called(&self) -> bool {
        let fixed_total: Option<usize> = self
            .sig
            .wrt()
            .map(|p| match &p.shape {
                Shape::Scalar => Some(1),
                Shape::Fixed(syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. })) => i.base10_parse().ok(),
                _ => None,
            })
            .sum();
        self.chunked_hessian() && fixed_total.is_none_or(|total| total > CHUNK)
    }

    /// All scalar inputs: one sweep of the core carrying every direction.
    /// When the Hessian is sparse, inputs whose columns share no row share a
    /// direction (see [`crate::sparsity`]), and the sweep carries fewer.
    fn hessian_one_sweep(&self, cores: &Cores, name: &Ident, doc: &str) -> TokenStream {
        let n = proc_macro2::Literal::usize_unsuffixed(self.wrt.len());
        let float = &self.float;
        let colouring = sparsity::colour_hessian(&self.lowered.body, &self.wrt);
        let width = proc_macro2::Literal::usize_unsuffixed(colouring.as_ref().map_or(self.wrt.len(), |c| c.colours));
        let directions = quote!([#float; #width]);
        let seeds = (0..self.wrt.len()).map(|i| {
            let direction = colouring.as_ref().map_or(i, |c| c.colour_of[i]);
            let direction = proc_macro2::Literal::usize_unsuffixed(direction);
            quote!(::matdiff::__private::unit::<#float, #directions>(#direction))
        });
        let extra: Vec<TokenStream> = seeds.collect();
        let call = self.call_core_with(CORE, self.core_generics(None, false), extra, false);
        let rows = (0..self.wrt.len()).map(|i| {
            let row = self.slot(quote!(__matdiff_tangents), i);
            match (cores.rows[i], &colouring) {
                (true, None) => row,
                (true, Some(colouring)) => {
                    let entries = (0..self.wrt.len()).map(|j| {
                        if colouring.may_be_nonzero(i, j) {
                            let direction = proc_macro2::Literal::usize_unsuffixed(colouring.colour_of[j]);
                            quote!(#row[#direction])
                        } else {
                            self.zero()
                        }
                    });
                    quote!([#(#entries),*])
                }
                (false, _) => {
                    let zero = self.zero();
                    quote!([#zero; #n])
                }
            }
        });
        let square = quote!([#float; #n]);
        self.wrapper_fn(
            name,
            doc,
            quote!(),
            quote!([#square; #n]),
            quote! {
                let (_, _, _, __matdiff_tangents) = #call;
                [#(#rows),*]
            },
        )
    }

    /// Arrays or many scalars: sweeps of the core with `CHUNK` directions
    /// (fewer when there are fewer inputs), each filling that many columns.
    fn hessian_chunked(&self, cores: &Cores, name: &Ident, doc: &str) -> TokenStream {
        let e = self.argument_names();
        let layout = self.layout(&e);
        let (directions, chunk_decl, step) = self.chunk(&layout);
        let first = Ident::new("__matdiff_first", Span::call_site());
        let seeds: Vec<TokenStream> =
            (0..self.wrt.len()).map(|i| self.sweep_seed(&e, &layout, i, &directions, &first)).collect();
        let extra = seeds;
        let call = if self.sweeps_called() {
            self.call_core(SWEEP, extra, true)
        } else {
            self.call_core_with(CORE, self.core_generics(None, false), extra, true)
        };
        let scatters = (0..self.wrt.len()).filter(|&i| cores.rows[i]).map(|i| {
            let row = self.slot(quote!(__matdiff_tangents), i);
            let (base, (size, _)) = (&layout.bases[i], &layout.sizes[i]);
            match &self.wrt_param(i).shape {
                Shape::Scalar => quote!(::matdiff::__private::scatter_row(&mut __matdiff_matrix[#base], #first, &#row);),
                _ => quote!(::matdiff::__private::scatter_rows(&mut __matdiff_matrix[#base..#base + #size], #first, &#row);),
            }
        });
        let total = &layout.total;
        let (matrix_type, matrix_init) = self.matrix(&layout, Some(total));
        self.wrapper_fn(
            name,
            doc,
            quote!(),
            matrix_type,
            quote! {
                #chunk_decl
                let __matdiff_total: usize = #total;
                let __matdiff_rows: usize = __matdiff_total;
                let mut __matdiff_matrix = #matrix_init;
                let mut #first: usize = 0;
                while #first < __matdiff_total {
                    let (_, _, _, __matdiff_tangents) = #call;
                    #(#scatters)*
                    #first += #step;
                }
                __matdiff_matrix
            },
        )
    }

    /// The seed of differentiated argument `i` for the sweep whose
    /// directions `directions` start at input scalar `first`.
    fn sweep_seed(
        &self,
        e: &Emitter,
        layout: &Layout,
        i: usize,
        directions: &TokenStream,
        first: &Ident,
    ) -> TokenStream {
        let float = &self.float;
        let param = e.ident(self.wrt[i]);
        let base = &layout.bases[i];
        match &self.wrt_param(i).shape {
            Shape::Scalar => quote!(::matdiff::__private::seed::<#float, #directions>(#base, #first)),
            Shape::Dynamic => {
                quote!(::matdiff::__private::seed_vec::<#float, #directions>(#param.len(), #base, #first))
            }
            Shape::Fixed(n) => quote!(::matdiff::__private::seed_array::<#float, #directions, {#n}>(#base, #first)),
            Shape::Matrix(_) => {
                let like = e.borrow(self.wrt[i]);
                quote!(::matdiff::__private::seed_matrix(#like, #base, #first))
            }
        }
    }

    /// An emitter for the names of the arguments, in wrappers.
    fn argument_names(&self) -> Emitter<'_> {
        Emitter::new(&self.lowered.vars, quote!(()), &[])
    }

    /// The Hessian in one forward-over-reverse sweep whose tangents are
    /// bundles of all directions (`matdiff_core::bundle`): the seed of each
    /// input is the identity at its columns, and the tangent of each
    /// gradient is its rows of the Hessian.
    fn hessian_bundled(&self, name: &Ident, doc: &str) -> TokenStream {
        let float = &self.float;
        let bundle = quote!(::matdiff::__private::Bundle<#float>);
        let mut vars = self.lowered.vars.clone();
        let gradient = self.gradient(&mut vars, Seed::One(self.float.clone()));
        let (mut dots, seed_vars) = self.input_tangents(&mut vars);
        let stmts = tangent::tangent(&mut vars, &gradient.stmts, &mut dots);
        let stmts = gather(
            simplify(stmts, &vars, gradient.adjoints.iter().flatten().filter_map(|a| dots.get(a).copied())),
            &vars,
        );
        let rows: Vec<Var> = gradient.adjoints.iter().flatten().filter_map(|a| dots.get(a).copied()).collect();
        let e = Emitter::bundled(&vars, bundle.clone(), &stmts).reusing(&stmts, rows);
        let layout = self.layout(&e);
        let seeds = self.bundle_seeds(&e, &layout, &seed_vars, &bundle);
        let body = e.body(&stmts);
        let total = &layout.total;
        let (matrix_type, matrix_init) = self.nalgebra_square(&layout);
        let single = match gradient.adjoints.as_slice() {
            [Some(a)] => dots.get(a).map(|rows| e.ident(*rows)),
            _ => None,
        };
        let assemble = match single {
            // One argument: its gradient's bundle is the whole Hessian.
            Some(rows) => quote!(::matdiff::__private::into_hessian(#rows, __matdiff_total)),
            None => {
                let writes = (0..self.wrt.len()).filter_map(|i| {
                    let rows = e.ident(*gradient.adjoints[i].and_then(|a| dots.get(&a))?);
                    let base = &layout.bases[i];
                    Some(quote!(::matdiff::__private::write_rows(&mut __matdiff_matrix, #base, &#rows);))
                });
                quote! {
                    let mut __matdiff_matrix = #matrix_init;
                    #(#writes)*
                    __matdiff_matrix
                }
            }
        };
        self.public_fn(
            name,
            doc,
            quote!(),
            matrix_type,
            quote! {
                let __matdiff_total: usize = #total;
                #(#seeds)*
                #body
                #assemble
            },
        )
    }

    /// With nalgebra arguments: one forward-over-reverse sweep per input
    /// scalar, from a body of its own pruned to the Hessian's columns (see
    /// [`Generator::hvp_pruned`]), each filling one column of a nalgebra matrix (`SMatrix` when
    /// every size is static, `DMatrix` otherwise), the inputs flattened in
    /// argument order and matrices column by column.
    fn hessian_by_columns_pruned(&self, name: &Ident, doc: &str) -> TokenStream {
        let float = &self.float;
        let mut vars = self.lowered.vars.clone();
        let gradient = self.gradient(&mut vars, Seed::One(self.float.clone()));
        let column = vars.fresh("column", Span::call_site(), false);
        let (mut dots, seed_vars) = self.input_tangents(&mut vars);
        let stmts = tangent::tangent(&mut vars, &gradient.stmts, &mut dots);
        let stmts = gather(
            simplify(stmts, &vars, gradient.adjoints.iter().flatten().filter_map(|a| dots.get(a).copied())),
            &vars,
        );
        let e = Emitter::new(&vars, quote!(#float), &stmts);
        let layout = self.layout(&e);
        let column_ident = e.ident(column).clone();
        let seeds = self.chunk_seeds(&e, &layout, &seed_vars, &quote!(#float), &column_ident);
        let writes = (0..self.wrt.len()).filter_map(|i| {
            let row = e.ident(*gradient.adjoints[i].and_then(|a| dots.get(&a))?);
            let base = &layout.bases[i];
            Some(quote!(::matdiff::__private::write_column(&mut __matdiff_matrix, #column_ident, #base, &#row);))
        });
        let body = e.stmts(&stmts);
        let total = &layout.total;
        let (matrix_type, matrix_init) = self.nalgebra_square(&layout);
        self.public_fn(
            name,
            doc,
            quote!(),
            matrix_type,
            quote! {
                let __matdiff_total: usize = #total;
                let mut __matdiff_matrix = #matrix_init;
                for #column_ident in 0..__matdiff_total {
                    #(#seeds)*
                    #body
                    #(#writes)*
                }
                __matdiff_matrix
            },
        )
    }

    /// The type and zero value of a square nalgebra matrix over all inputs.
    pub(super) fn nalgebra_square(&self, layout: &Layout) -> (TokenStream, TokenStream) {
        let float = &self.float;
        let total = &layout.total;
        if layout.fixed {
            let ty = quote!(::matdiff::__private::nalgebra::SMatrix<#float, {#total}, {#total}>);
            (ty.clone(), quote!(<#ty>::zeros()))
        } else {
            let ty = quote!(::matdiff::__private::nalgebra::DMatrix<#float>);
            (ty.clone(), quote!(<#ty>::zeros(__matdiff_total, __matdiff_total)))
        }
    }
}

/// "3 directions", "1 direction".
fn directions_text(band: Band) -> String {
    match band.directions() {
        1 => "1 direction".to_string(),
        n => format!("{n} directions"),
    }
}
