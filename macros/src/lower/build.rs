//! nalgebra values built from differentiated floats: `Vector3::new(a, b, c)`,
//! `DVector::from_vec(..)`, `from_column_slice`, `SVector::from([..])` and
//! `from_fn`, lowered to the array of the elements and one primitive.

use matdiff_table as table;
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;

use super::Lowerer;
use super::syntax::expr_local;
use crate::ir::{Expr, Form, Var};

/// The constructors with a rule, for messages.
pub(super) const CONSTRUCTORS: &str = "`Vector3::new(a, b, c)` (and `Vector1` to `Vector6`, `Matrix2`.. written row by row), `DVector::from_vec(vec![..])`, `from_column_slice(&v)`, `SVector::from([..])`, `DVector::from_fn(n, |i, _| ..)`, `DMatrix::from_fn(r, c, |i, j| ..)`, `Matrix3::from_columns(&[a, b, c])`, `from_rows`";

/// The rows and columns of a fixed-size nalgebra type named `name`
/// (`Vector3`, `Matrix2x3`), or the sizes in its generic arguments
/// (`SVector::<f64, 3>`, `SMatrix::<f64, 2, 3>`), as constant expressions.
fn fixed_size(segment: &syn::PathSegment) -> Option<(TokenStream, TokenStream)> {
    let name = segment.ident.to_string();
    let literal = |n: usize| proc_macro2::Literal::usize_unsuffixed(n).into_token_stream();
    if let Some(n) = name.strip_prefix("Vector").and_then(|n| n.parse::<usize>().ok()) {
        return Some((literal(n), literal(1)));
    }
    if let Some(n) = name.strip_prefix("RowVector").and_then(|n| n.parse::<usize>().ok()) {
        return Some((literal(1), literal(n)));
    }
    if let Some(dims) = name.strip_prefix("Matrix") {
        let (r, c) = match dims.split_once('x') {
            Some((r, c)) => (r.parse::<usize>().ok()?, c.parse::<usize>().ok()?),
            None => {
                let n = dims.parse::<usize>().ok()?;
                (n, n)
            }
        };
        return Some((literal(r), literal(c)));
    }
    let syn::PathArguments::AngleBracketed(args) = &segment.arguments else { return None };
    let consts: Vec<TokenStream> = args
        .args
        .iter()
        .filter_map(|a| match a {
            syn::GenericArgument::Const(e) => Some(e.to_token_stream()),
            // `SVector::<f64, N>`: a const item parses as a type.
            syn::GenericArgument::Type(syn::Type::Path(p)) if p.path.get_ident().is_some_and(is_const_name) => {
                Some(p.to_token_stream())
            }
            _ => None,
        })
        .collect();
    match (name.as_str(), consts.as_slice()) {
        ("SVector", [n]) => Some((n.clone(), literal(1))),
        ("SMatrix", [r, c]) => Some((r.clone(), c.clone())),
        _ => None,
    }
}

fn is_const_name(ident: &syn::Ident) -> bool {
    let s = ident.to_string();
    s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// Whether the type is a vector with a dynamic length (`DVector`), whose
/// constructors take the length, or a matrix with two (`DMatrix`), whose
/// constructors take both sizes.
fn dynamic_sizes(name: &str) -> Option<usize> {
    match name {
        "DVector" | "RowDVector" => Some(1),
        "DMatrix" => Some(2),
        _ => None,
    }
}

impl Lowerer {
    /// `Vector3::new(a, b, c)` and the other constructors of a nalgebra value
    /// from floats, when an element may be differentiated; `None` for other
    /// calls.
    pub(super) fn nalgebra_constructor(
        &mut self,
        c: &syn::ExprCall,
        path: &syn::Path,
        hint: Option<&str>,
    ) -> Option<syn::Result<Var>> {
        let n = path.segments.len();
        if n < 2 {
            return None;
        }
        let ty = &path.segments[n - 2];
        let ty_name = ty.ident.to_string();
        let named = crate::signature::is_nalgebra_name(&ty_name) || fixed_size(ty).is_some();
        if !named || ty_name.starts_with("Point") {
            return None;
        }
        let method = path.segments[n - 1].ident.to_string();
        // The sizes of `from_fn` are integers, whatever they are computed
        // from (`x.len()`): the closure says whether the value varies.
        let varied = match (method.as_str(), c.args.last()) {
            ("from_fn", Some(closure @ syn::Expr::Closure(_))) => self.mentions_varied(closure.to_token_stream()),
            _ => self.mentions_varied(c.args.to_token_stream()),
        };
        if !varied {
            return None;
        }
        let mut prefix = path.clone();
        prefix.segments.pop();
        let prefix = {
            let segments = prefix.segments.iter();
            let colon = prefix.leading_colon;
            quote!(#colon #(#segments)::*)
        };
        let span = c.span();
        let name = hint.unwrap_or("v");
        Some(match method.as_str() {
            "new" => self.build_new(c, ty, prefix, name),
            "from_vec" | "from_column_slice" => {
                let sized = dynamic_sizes(&ty_name) == Some(2);
                let expected = if sized { 3 } else { 1 };
                if c.args.len() != expected {
                    return Some(Err(syn::Error::new(
                        span,
                        format!("`{ty_name}::{method}` takes {expected} argument(s) here"),
                    )));
                }
                self.build_from_elements(&c.args[expected - 1], sized.then(|| (&c.args[0], &c.args[1])), prefix, name)
            }
            "from" if c.args.len() == 1 && dynamic_sizes(&ty_name).is_none() => {
                self.build_from_elements(&c.args[0], None, prefix, name)
            }
            "from_fn" => self.build_from_fn(c, ty, prefix, hint),
            "from_columns" | "from_rows" => self.build_from_parts(c, ty, prefix, method == "from_columns", hint),
            _ => Err(syn::Error::new(
                span,
                format!(
                    "a nalgebra value built from differentiated floats cannot be differentiated through `{ty_name}::{method}`: build it with {CONSTRUCTORS}, or take it as an argument of the function (`x: &DVector<f64>`)"
                ),
            )),
        })
    }

    /// `VectorN::new(a, b, ..)`; a matrix's `new` lists the elements row by
    /// row, and the array holds them column by column.
    fn build_new(
        &mut self,
        c: &syn::ExprCall,
        ty: &syn::PathSegment,
        prefix: TokenStream,
        name: &str,
    ) -> syn::Result<Var> {
        let Some((rows, cols)) = fixed_size(ty) else {
            return Err(syn::Error::new(
                c.span(),
                format!(
                    "`{}::new` of differentiated floats is supported for the fixed-size types (`Vector3`, `Matrix2x3`, ..): for other types use {CONSTRUCTORS}",
                    ty.ident
                ),
            ));
        };
        let parse =
            |t: &TokenStream| syn::parse2::<syn::LitInt>(t.clone()).ok().and_then(|l| l.base10_parse::<usize>().ok());
        let (Some(rows), Some(cols)) = (parse(&rows), parse(&cols)) else {
            return Err(syn::Error::new(
                c.span(),
                format!(
                    "`{}::new` with sizes in generic arguments is not supported: use `{}::from([..])`, with the elements column by column",
                    ty.ident, ty.ident
                ),
            ));
        };
        if c.args.len() != rows * cols {
            return Err(syn::Error::new(c.span(), format!("`{}::new` takes {} elements", ty.ident, rows * cols)));
        }
        let items = c.args.iter().map(|a| self.expr(a, None)).collect::<syn::Result<Vec<_>>>()?;
        let column_major = (0..rows * cols).map(|k| items[(k % rows) * cols + k / rows]).collect();
        let elements = self.vars.fresh("elements", c.span(), true);
        self.vars.get_mut(elements).array = true;
        self.emit(elements, Expr::NewArray(crate::ir::ArrayInit::List { items: column_major, vec: false }), c.span());
        Ok(self.build(elements, None, prefix, name, c.span()))
    }

    /// `from_vec(v)`, `from_column_slice(&v)`, `from([..])`: the elements
    /// are an array literal or a local array.
    fn build_from_elements(
        &mut self,
        arg: &syn::Expr,
        sizes: Option<(&syn::Expr, &syn::Expr)>,
        prefix: TokenStream,
        name: &str,
    ) -> syn::Result<Var> {
        let span = arg.span();
        let mut inner = arg;
        loop {
            match inner {
                syn::Expr::Reference(r) if r.mutability.is_none() => inner = &r.expr,
                syn::Expr::Paren(p) => inner = &p.expr,
                _ => break,
            }
        }
        let local = expr_local(inner).and_then(|i| self.lookup(&i.to_string())).filter(|v| self.vars.is_array(*v));
        let elements = match local {
            Some(v) => v,
            None => {
                self.build_count += 1;
                let key = (format!("elements {}", self.build_count), 1);
                match self.array_init(inner, "elements", &key)? {
                    Some(v) if self.vars.is_array(v) => v,
                    _ => {
                        return Err(syn::Error::new(
                            span,
                            "the elements of a differentiated nalgebra value must be an array: a `vec![..]` or `[..]` written here, or a local `Vec` or array (`let mut r = vec![0.0; n];` filled in a loop)",
                        ));
                    }
                }
            }
        };
        let sizes = match sizes {
            Some((rows, cols)) => {
                let rows = self.inactive(rows, "nrows")?;
                let cols = self.inactive(cols, "ncols")?;
                Some((rows, cols))
            }
            None => None,
        };
        Ok(self.build(elements, sizes, prefix, name, span))
    }

    /// `from_fn(.., |i, j| body)`: the loop that fills the elements column
    /// by column, then `from_column_slice` of them.
    fn build_from_fn(
        &mut self,
        c: &syn::ExprCall,
        ty: &syn::PathSegment,
        prefix: TokenStream,
        hint: Option<&str>,
    ) -> syn::Result<Var> {
        let span = c.span();
        let Some(syn::Expr::Closure(closure)) = c.args.last() else {
            return Err(syn::Error::new(
                span,
                "`from_fn` of differentiated floats takes a closure `|i, j| ..` as its last argument",
            ));
        };
        if closure.inputs.len() != 2 {
            return Err(syn::Error::new(
                closure.span(),
                "the closure of `from_fn` takes two arguments, the row and the column: `|i, j| ..` or `|i, _| ..`",
            ));
        }
        let mut params = Vec::new();
        for (k, input) in closure.inputs.iter().enumerate() {
            let input = match input {
                syn::Pat::Type(t) => &*t.pat,
                other => other,
            };
            params.push(match input {
                syn::Pat::Ident(p) if p.subpat.is_none() && p.by_ref.is_none() => Some(p.ident.clone()),
                syn::Pat::Wild(_) => None,
                other => {
                    return Err(syn::Error::new(
                        other.span(),
                        "the arguments of the closure of `from_fn` must be names or `_`",
                    ));
                }
            });
            let _ = k;
        }
        let cspan = closure.span();
        let row = params[0].clone().unwrap_or_else(|| syn::Ident::new("__matdiff_row", cspan));
        let col = params[1].clone().unwrap_or_else(|| syn::Ident::new("__matdiff_column", cspan));
        let body = &closure.body;
        let elements = syn::Ident::new("__matdiff_elements", cspan);
        let (rows, cols, storage, build) = match dynamic_sizes(&ty.ident.to_string()) {
            Some(1) if c.args.len() == 2 => {
                let n = &c.args[0];
                (
                    quote!(#n),
                    quote!(1usize),
                    quote!(::std::vec![0.0; __matdiff_nrows]),
                    quote!(#prefix::from_column_slice(&#elements)),
                )
            }
            Some(2) if c.args.len() == 3 => {
                let (r, k) = (&c.args[0], &c.args[1]);
                (
                    quote!(#r),
                    quote!(#k),
                    quote!(::std::vec![0.0; __matdiff_nrows * __matdiff_ncols]),
                    quote!(#prefix::from_column_slice(__matdiff_nrows, __matdiff_ncols, &#elements)),
                )
            }
            None if c.args.len() == 1 => {
                let Some((r, k)) = fixed_size(ty) else {
                    return Err(syn::Error::new(
                        span,
                        format!(
                            "the size of `{}` is not known here: write its sizes as generic arguments (`SVector::<f64, 3>::from_fn(..)`), or use a named type (`Vector3`)",
                            ty.ident
                        ),
                    ));
                };
                (r.clone(), k.clone(), quote!([0.0; (#r) * (#k)]), quote!(#prefix::from_column_slice(&#elements)))
            }
            _ => {
                return Err(syn::Error::new(
                    span,
                    format!("`{}::from_fn` takes the sizes the type does not fix, then the closure", ty.ident),
                ));
            }
        };
        let block: syn::Expr = syn::parse2(quote_spanned! {cspan=>
            {
                let __matdiff_nrows: usize = #rows;
                let __matdiff_ncols: usize = #cols;
                let mut #elements = #storage;
                for #col in 0..__matdiff_ncols {
                    for #row in 0..__matdiff_nrows {
                        #elements[#row + #col * __matdiff_nrows] = (#body);
                    }
                }
                #build
            }
        })?;
        self.expr(&block, hint)
    }

    /// `Matrix3::from_columns(&[a, b, c])` and `from_rows` of a fixed-size
    /// type: the matrix of the parts' entries, read by index.
    fn build_from_parts(
        &mut self,
        c: &syn::ExprCall,
        ty: &syn::PathSegment,
        prefix: TokenStream,
        columns: bool,
        hint: Option<&str>,
    ) -> syn::Result<Var> {
        let span = c.span();
        let method = if columns { "from_columns" } else { "from_rows" };
        let parse =
            |t: &TokenStream| syn::parse2::<syn::LitInt>(t.clone()).ok().and_then(|l| l.base10_parse::<usize>().ok());
        let sizes = fixed_size(ty).and_then(|(r, k)| Some((parse(&r)?, parse(&k)?)));
        let Some((rows, cols)) = sizes else {
            return Err(syn::Error::new(
                span,
                format!(
                    "`{}::{method}` of differentiated values is supported for the fixed-size types (`Matrix3`, `Matrix2x3`, ..): for a dynamic size use `DMatrix::from_fn(r, c, |i, j| ..)`",
                    ty.ident
                ),
            ));
        };
        let mut arg = c.args.first();
        while let Some(syn::Expr::Reference(r)) = arg {
            arg = Some(&r.expr);
        }
        let parts = match (c.args.len(), arg) {
            (1, Some(syn::Expr::Array(a))) => a.elems.iter().collect::<Vec<_>>(),
            _ => {
                return Err(syn::Error::new(
                    span,
                    format!("`{method}` of differentiated values takes the parts written out, `{method}(&[a, b, ..])`"),
                ));
            }
        };
        let expected = if columns { cols } else { rows };
        if parts.len() != expected {
            return Err(syn::Error::new(span, format!("`{}::{method}` takes {expected} parts", ty.ident)));
        }
        let names: Vec<syn::Ident> =
            (0..parts.len()).map(|k| syn::Ident::new(&format!("__matdiff_part_{k}"), span)).collect();
        let mut entries = Vec::new();
        for i in 0..rows {
            for j in 0..cols {
                let (part, index) = if columns { (&names[j], i) } else { (&names[i], j) };
                let index = proc_macro2::Literal::usize_unsuffixed(index);
                entries.push(quote_spanned!(span=> #part[#index]));
            }
        }
        let block: syn::Expr = syn::parse2(quote_spanned! {span=>
            {
                #(let #names = #parts;)*
                #prefix::new(#(#entries),*)
            }
        })?;
        self.expr(&block, hint)
    }

    /// The primitive that makes the value from `elements`.
    fn build(&mut self, elements: Var, sizes: Option<(Var, Var)>, prefix: TokenStream, name: &str, span: Span) -> Var {
        let (sizes, sized) = match sizes {
            Some((rows, cols)) => {
                let (r, c) = (self.vars.ident(rows).clone(), self.vars.ident(cols).clone());
                let v = self.vars.fresh("sizes", span, false);
                (self.emit(v, Expr::Opaque { tokens: quote!((#r, #c)), uses: vec![rows, cols] }, span), true)
            }
            None => (self.constant(quote!(()), "sizes"), false),
        };
        let prim = table::matrix_constructor();
        self.prim(prim, vec![elements, sizes], Form::Build { prefix, sized }, name, span)
    }
}
