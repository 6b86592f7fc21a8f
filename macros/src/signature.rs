//! The function's signature: which arguments are differentiated, their float
//! type, and the shape of the generated functions.

use proc_macro2::{Ident, Span};
use quote::format_ident;
use syn::spanned::Spanned;

use crate::errors::{self, Errors};
use crate::options::Options;

/// The float type every differentiated argument and the result share.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Float {
    F32,
    F64,
    /// The function's type parameter bounded by `Float` or `matdiff::Real`
    /// (`fn f<T: Float>(x: T) -> T`): the generated functions are generic
    /// over it too.
    Generic(Ident),
}

impl Float {
    pub fn ident(&self) -> Ident {
        match self {
            Float::F32 => format_ident!("f32"),
            Float::F64 => format_ident!("f64"),
            Float::Generic(t) => t.clone(),
        }
    }

    pub fn is_generic(&self) -> bool {
        matches!(self, Float::Generic(_))
    }

    /// The concrete float type `ty` names (`f32` or `f64`).
    pub fn of(ty: &syn::Type) -> Option<Float> {
        Float::of_in(ty, None)
    }

    /// The float type `ty` names, where `generic` is the function's float
    /// type parameter, if it has one.
    fn of_in(ty: &syn::Type, generic: Option<&Ident>) -> Option<Float> {
        match ty {
            syn::Type::Path(p) if p.qself.is_none() => {
                let ident = p.path.get_ident()?;
                if ident == "f64" {
                    Some(Float::F64)
                } else if ident == "f32" {
                    Some(Float::F32)
                } else if generic.is_some_and(|t| ident == t) {
                    Some(Float::Generic(ident.clone()))
                } else {
                    None
                }
            }
            syn::Type::Group(g) => Float::of_in(&g.elem, generic),
            syn::Type::Paren(p) => Float::of_in(&p.elem, generic),
            _ => None,
        }
    }
}

/// The shape of a float argument.
#[derive(Clone)]
pub enum Shape {
    /// `f64`
    Scalar,
    /// `&[f64]`, `&Vec<f64>` or `Vec<f64>`: a length known at run time.
    Dynamic,
    /// `[f64; N]` or `&[f64; N]`: the length is the constant expression `N`.
    Fixed(syn::Expr),
    /// A nalgebra vector or matrix, owned or by reference.
    Matrix(MatrixShape),
}

/// A nalgebra argument: its owned type (the type of its gradient) and its
/// size.
#[derive(Clone)]
pub struct MatrixShape {
    /// The type as written, without the reference.
    pub owned: syn::Type,
    /// Whether the argument is a reference (`&DMatrix<f64>`).
    pub reference: bool,
    /// The number of elements as a constant expression, for static sizes.
    pub len: Option<proc_macro2::TokenStream>,
}

/// One argument of the function.
pub struct Param {
    /// The name the body uses (a fresh one for `_`).
    pub ident: Ident,
    /// Whether it was written `mut x`.
    pub mutable: bool,
    pub ty: syn::Type,
    /// `Some` for an `f32`/`f64` argument or an array of them.
    pub float: Option<Float>,
    /// The shape of a float argument.
    pub shape: Shape,
    /// Whether the generated functions differentiate with respect to it.
    pub wrt: bool,
}

impl Param {
    pub fn is_array(&self) -> bool {
        self.float.is_some() && matches!(self.shape, Shape::Dynamic | Shape::Fixed(_))
    }

    pub fn matrix(&self) -> Option<&MatrixShape> {
        match &self.shape {
            Shape::Matrix(m) if self.float.is_some() => Some(m),
            _ => None,
        }
    }
}

/// The element type and shape of a float argument type, if it is one.
/// `&mut` to floats is reported as an error.
fn float_shape(ty: &syn::Type, generic: Option<&Ident>, errors: &mut Errors) -> Option<(Float, Shape)> {
    match ty {
        syn::Type::Group(g) => float_shape(&g.elem, generic, errors),
        syn::Type::Paren(p) => float_shape(&p.elem, generic, errors),
        syn::Type::Reference(r) => {
            let inner = match &*r.elem {
                syn::Type::Slice(slice) => Float::of_in(&slice.elem, generic).map(|f| (f, Shape::Dynamic)),
                syn::Type::Array(array) => {
                    Float::of_in(&array.elem, generic).map(|f| (f, Shape::Fixed(array.len.clone())))
                }
                syn::Type::Path(_) => vec_of(&r.elem, generic)
                    .map(|f| (f, Shape::Dynamic))
                    .or_else(|| Float::of_in(&r.elem, generic).map(|f| (f, Shape::Scalar)))
                    .or_else(|| nalgebra_shape(&r.elem, true, generic)),
                _ => None,
            };
            if inner.is_some() && r.mutability.is_some() {
                errors.push(
                    r.span(),
                    "a differentiated function cannot change its arguments through `&mut`: take them by `&` (or by value) and return the result",
                );
                return None;
            }
            match inner {
                // `&f64` is passed through: write `f64`.
                Some((_, Shape::Scalar)) => None,
                other => other,
            }
        }
        syn::Type::Array(array) => Float::of_in(&array.elem, generic).map(|f| (f, Shape::Fixed(array.len.clone()))),
        syn::Type::Path(_) => Float::of_in(ty, generic)
            .map(|f| (f, Shape::Scalar))
            .or_else(|| vec_of(ty, generic).map(|f| (f, Shape::Dynamic)))
            .or_else(|| nalgebra_shape(ty, false, generic)),
        _ => None,
    }
}

/// The float type and shape of a concrete (not generic) float type, if it
/// is one: what a field of a `#[derive(Differentiable)]` struct may be.
pub fn shape_of(ty: &syn::Type) -> Option<(Float, Shape)> {
    float_shape(ty, None, &mut Errors::default())
}

/// `Vec<f64>`, `Vec<f32>` or `Vec<T>` of the float type parameter.
fn vec_of(ty: &syn::Type, generic: Option<&Ident>) -> Option<Float> {
    let syn::Type::Path(p) = ty else { return None };
    if p.qself.is_some() {
        return None;
    }
    let last = p.path.segments.last()?;
    if last.ident != "Vec" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else { return None };
    match args.args.first()? {
        syn::GenericArgument::Type(inner) if args.args.len() == 1 => Float::of_in(inner, generic),
        _ => None,
    }
}

/// What the generated functions need to know about the signature.
pub struct Signature {
    pub name: Ident,
    pub receiver: Option<syn::Receiver>,
    pub params: Vec<Param>,
    /// The float type of the differentiated arguments and of the result.
    pub float: Float,
    /// `None` for a scalar result; the shape of a vector result (`[F; M]`,
    /// `Vec<F>`, a nalgebra vector or matrix, read by its `vec()`), whose
    /// derivative is a Jacobian.
    pub vector_output: Option<Shape>,
    /// For a result that is a tuple of floats, `(F, F, ..)`, its length:
    /// a vector result of that many outputs, in tuple order.
    pub tuple_output: Option<usize>,
    /// Lifetime parameters, copied onto the generated functions.
    pub generics: syn::Generics,
    /// Whether the function is an associated function of an impl block
    /// (the attribute is on the block): its derivatives are associated
    /// functions too, `Self::f_grad`, with hidden companions beside them.
    pub associated: bool,
    /// The trait, when that impl block is a trait's.
    pub trait_impl: Option<syn::Path>,
}

impl Signature {
    /// The differentiated arguments, in order.
    pub fn wrt(&self) -> impl Iterator<Item = &Param> {
        self.params.iter().filter(|p| p.wrt)
    }

    /// Whether the function lives in an impl block (a method, or an
    /// associated function): its companions are hidden associated
    /// functions, not a hidden struct.
    pub fn in_impl(&self) -> bool {
        self.receiver.is_some() || self.associated
    }

    /// Whether `expr` (an array length) names one of the function's const
    /// parameters.
    pub fn names_const_parameter(&self, expr: &syn::Expr) -> bool {
        fn mentions(tokens: proc_macro2::TokenStream, names: &[&Ident]) -> bool {
            tokens.into_iter().any(|t| match t {
                proc_macro2::TokenTree::Ident(i) => names.contains(&&i),
                proc_macro2::TokenTree::Group(g) => mentions(g.stream(), names),
                _ => false,
            })
        }
        let names: Vec<&Ident> = self
            .generics
            .params
            .iter()
            .filter_map(|p| match p {
                syn::GenericParam::Const(c) => Some(&c.ident),
                _ => None,
            })
            .collect();
        !names.is_empty() && mentions(quote::ToTokens::to_token_stream(expr), &names)
    }
}

pub fn analyze(sig: &syn::Signature, options: &Options) -> syn::Result<Signature> {
    let mut errors = Errors::default();

    if let Some(asyncness) = &sig.asyncness {
        errors.push(
            asyncness.span(),
            "`#[differentiate]` does not support `async fn`: differentiate a plain `fn` and call it from async code",
        );
    }
    if let Some(unsafety) = &sig.unsafety {
        errors.push(
            unsafety.span(),
            "`#[differentiate]` does not support `unsafe fn`: move the unsafe part out of the differentiated function",
        );
    }
    if let Some(variadic) = &sig.variadic {
        errors.push(variadic.span(), "`#[differentiate]` does not support variadic functions");
    }
    let generic = float_parameter(&sig.generics, &mut errors);
    let generic = generic.as_ref();

    let mut receiver = None;
    let mut params = Vec::new();
    for (index, input) in sig.inputs.iter().enumerate() {
        match input {
            syn::FnArg::Receiver(r) => receiver = Some(r.clone()),
            syn::FnArg::Typed(pat_type) => {
                let (float, shape) = match float_shape(&pat_type.ty, generic, &mut errors) {
                    Some((f, shape)) => (Some(f), shape),
                    None => (None, Shape::Scalar),
                };
                let (ident, mutable) = match &*pat_type.pat {
                    syn::Pat::Ident(p) if p.subpat.is_none() && p.by_ref.is_none() => {
                        (p.ident.clone(), p.mutability.is_some())
                    }
                    syn::Pat::Wild(_) => (Ident::new(&format!("arg{index}"), Span::mixed_site()), false),
                    other => {
                        errors.push(
                            other.span(),
                            "`#[differentiate]` needs a plain name for each argument: destructure it inside the body",
                        );
                        continue;
                    }
                };
                params.push(Param { ident, mutable, ty: (*pat_type.ty).clone(), float, shape, wrt: false });
            }
        }
    }

    match &options.wrt {
        Some(names) => {
            for name in names {
                match params.iter_mut().find(|p| p.ident == *name) {
                    Some(param) if param.wrt => errors.push(name.span(), format!("`{name}` is listed twice in `wrt`")),
                    Some(param) if param.float.is_some() => param.wrt = true,
                    Some(param) if is_nalgebra(&param.ty) => {
                        errors.push(name.span(), nalgebra_unsupported(name, &param.ty));
                    }
                    Some(param) => {
                        errors.push(
                            name.span(),
                            format!(
                                "`{name}` has type `{}`; only `f32` and `f64` arguments, and slices, arrays and `Vec`s of them, can be differentiated",
                                type_text(&param.ty)
                            ),
                        );
                    }
                    None => {
                        let names: Vec<String> = params.iter().map(|p| format!("`{}`", p.ident)).collect();
                        errors.push(
                            name.span(),
                            format!(
                                "`wrt` names `{name}`, which is not an argument of this function (its arguments are {})",
                                if names.is_empty() { "none".to_string() } else { names.join(", ") }
                            ),
                        );
                    }
                }
            }
        }
        None => params.iter_mut().filter(|p| p.float.is_some()).for_each(|p| p.wrt = true),
    }

    let output = match &sig.output {
        syn::ReturnType::Type(_, ty) => (**ty).clone(),
        syn::ReturnType::Default => {
            errors.push(
                sig.ident.span(),
                "a differentiated function must return `f64` or `f32`: add `-> f64` and return the value to differentiate",
            );
            syn::parse_quote!(())
        }
    };
    let tuple_output = match &output {
        syn::Type::Tuple(t) if !t.elems.is_empty() => Some(t.elems.len()),
        _ => None,
    };
    let (output_float, vector_output) = match Float::of_in(&output, generic) {
        Some(f) => (Some(f), None),
        None => match &output {
            syn::Type::Tuple(t) if !t.elems.is_empty() => {
                let floats: Vec<Option<Float>> = t.elems.iter().map(|e| Float::of_in(e, generic)).collect();
                let float = floats[0].clone().filter(|f| floats.iter().all(|g| g.as_ref() == Some(f)));
                let len = proc_macro2::Literal::usize_unsuffixed(t.elems.len());
                (float, Some(Shape::Fixed(syn::parse_quote!(#len))))
            }
            syn::Type::Array(array) => (Float::of_in(&array.elem, generic), Some(Shape::Fixed(array.len.clone()))),
            other => match nalgebra_shape(other, false, generic) {
                Some((float, shape @ Shape::Matrix(_))) => (Some(float), Some(shape)),
                _ => (vec_of(other, generic), Some(Shape::Dynamic)),
            },
        },
    };
    if output_float.is_none() && !matches!(sig.output, syn::ReturnType::Default) {
        errors.push(
            output.span(),
            "a differentiated function must return `f64` or `f32` (a scalar, for a gradient), or `[f64; M]`, `Vec<f64>`, a nalgebra vector or matrix (`DVector<f64>`, `SVector<f64, M>`, `DMatrix<f64>`) or a tuple of one float type, `(f64, f64)` (a vector, for a Jacobian)",
        );
    }

    let wrt_floats: Vec<&Param> = params.iter().filter(|p| p.wrt).collect();
    if wrt_floats.is_empty() && options.wrt.is_none() && errors.is_empty() {
        match params.iter().find(|p| is_nalgebra(&p.ty)) {
            Some(param) => errors.push(param.ty.span(), nalgebra_unsupported(&param.ident, &param.ty)),
            None => match params.iter().find(|p| crate::structs::may_be_a_struct(&p.ty, &sig.generics)) {
                Some(param) => errors.push(sig.ident.span(), errors::struct_not_in_wrt(&param.ident)),
                None => errors.push(
                    sig.ident.span(),
                    "this function has no `f64` or `f32` argument to differentiate with respect to",
                ),
            },
        }
    }
    let float = output_float.or_else(|| wrt_floats.first().and_then(|p| p.float.clone())).unwrap_or(Float::F64);
    for param in &wrt_floats {
        if param.float.as_ref() != Some(&float) {
            errors.push(
                param.ty.span(),
                format!(
                    "every differentiated argument must have the result's type `{}`: convert inside the body, or leave `{}` out of `wrt(..)`",
                    float.ident(),
                    param.ident
                ),
            );
        }
    }

    if let Float::Generic(t) = &float {
        let nalgebra = params
            .iter()
            .find(|p| p.wrt && p.matrix().is_some())
            .map(|p| p.ty.span())
            .or_else(|| matches!(&vector_output, Some(Shape::Matrix(_))).then(|| output.span()));
        if let Some(span) = nalgebra {
            errors.push(span, errors::generic_nalgebra(t));
        }
    }

    if let Some(c) = sig.generics.const_params().next() {
        let nalgebra = params
            .iter()
            .find(|p| p.matrix().is_some())
            .map(|p| p.ty.span())
            .or_else(|| matches!(&vector_output, Some(Shape::Matrix(_))).then(|| output.span()));
        if let Some(span) = nalgebra {
            errors.push(span, errors::const_parameter_nalgebra(&c.ident));
        }
    }

    errors.finish()?;
    let mut generics = sig.generics.clone();
    if let Float::Generic(t) = &float {
        // What the rules need of the float type, whatever bound the user
        // wrote (`Float` alone lacks it).
        generics.make_where_clause().predicates.push(syn::parse_quote!(#t: ::matdiff::Real));
    }
    Ok(Signature {
        name: sig.ident.clone(),
        receiver,
        params,
        float,
        vector_output,
        tuple_output,
        generics,
        associated: false,
        trait_impl: None,
    })
}

/// The function's float type parameter: the one type parameter bounded
/// (in place or in the `where` clause) by `Float` (num-traits', or its
/// re-export `matdiff::Float`) or `matdiff::Real`. Every other type or
/// const parameter is an error that says what to write.
fn float_parameter(generics: &syn::Generics, errors: &mut Errors) -> Option<Ident> {
    let mut float: Option<Ident> = None;
    for param in &generics.params {
        match param {
            syn::GenericParam::Lifetime(_) => {}
            syn::GenericParam::Type(t) if names_float_bound(generics, t) => {
                if let Some(first) = &float {
                    errors.push(t.ident.span(), errors::second_float_parameter(first));
                } else {
                    float = Some(t.ident.clone());
                }
            }
            syn::GenericParam::Type(t) => errors.push(t.ident.span(), errors::other_type_parameter(&t.ident)),
            // `const N: usize` for the lengths of arrays (`[T; N]`).
            syn::GenericParam::Const(_) => {}
        }
    }
    float
}

/// Whether type parameter `param` is bounded by `Float` or `Real`.
fn names_float_bound(generics: &syn::Generics, param: &syn::TypeParam) -> bool {
    let is_float = |bound: &syn::TypeParamBound| match bound {
        syn::TypeParamBound::Trait(t) => {
            t.path.segments.last().is_some_and(|s| s.ident == "Float" || s.ident == "Real")
        }
        _ => false,
    };
    let in_where = generics.where_clause.iter().flat_map(|w| &w.predicates).any(|predicate| match predicate {
        syn::WherePredicate::Type(p) => {
            matches!(&p.bounded_ty, syn::Type::Path(ty) if ty.qself.is_none() && ty.path.is_ident(&param.ident))
                && p.bounds.iter().any(is_float)
        }
        _ => false,
    });
    param.bounds.iter().any(is_float) || in_where
}

/// The nalgebra types users write for vectors and matrices.
const NALGEBRA_TYPES: &[&str] = &[
    "DVector",
    "DMatrix",
    "SVector",
    "SMatrix",
    "OVector",
    "OMatrix",
    "Matrix",
    "RowDVector",
    "RowSVector",
    "Vector1",
    "Vector2",
    "Vector3",
    "Vector4",
    "Vector5",
    "Vector6",
    "Matrix1",
    "Matrix2",
    "Matrix3",
    "Matrix4",
    "Matrix5",
    "Matrix6",
    "Point2",
    "Point3",
];

/// Whether `name` is one of the nalgebra vector and matrix types.
pub fn is_nalgebra_name(name: &str) -> bool {
    NALGEBRA_TYPES.contains(&name)
}

/// Whether `ty`, behind any references, names a nalgebra vector or matrix.
pub fn is_nalgebra(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Reference(reference) => is_nalgebra(&reference.elem),
        syn::Type::Path(path) => {
            path.path.segments.last().is_some_and(|last| NALGEBRA_TYPES.iter().any(|name| last.ident == name))
        }
        _ => false,
    }
}

fn nalgebra_unsupported(name: &Ident, ty: &syn::Type) -> String {
    format!(
        "`{name}` has type `{}`, a nalgebra type that cannot be differentiated: write `DVector<f64>`, `DMatrix<f64>`, `SVector<f64, N>`, `SMatrix<f64, R, C>` or one of their aliases (`Vector3<f64>`, `Matrix2x3<f64>`, ..), owned or by `&`",
        type_text(ty)
    )
}

/// The float type and shape of a nalgebra vector or matrix type with
/// `f32`/`f64` elements: `DVector<F>`, `DMatrix<F>`, `RowDVector<F>`,
/// `SVector<F, N>`, `RowSVector<F, N>`, `SMatrix<F, R, C>`, `VectorN<F>`,
/// `RowVectorN<F>`, `MatrixN<F>` and `MatrixRxC<F>`.
fn nalgebra_shape(ty: &syn::Type, reference: bool, generic: Option<&Ident>) -> Option<(Float, Shape)> {
    let syn::Type::Path(p) = ty else { return None };
    if p.qself.is_some() {
        return None;
    }
    let last = p.path.segments.last()?;
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else { return None };
    let mut args = args.args.iter();
    let float = match args.next()? {
        syn::GenericArgument::Type(elem) => Float::of_in(elem, generic)?,
        _ => return None,
    };
    let consts: Vec<proc_macro2::TokenStream> = args
        .map(|a| match a {
            syn::GenericArgument::Const(e) => Some(quote::quote!((#e))),
            syn::GenericArgument::Type(t) => Some(quote::quote!((#t))),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let name = last.ident.to_string();
    let fixed = |dims: &[usize]| -> Option<proc_macro2::TokenStream> {
        let len = dims.iter().product::<usize>();
        Some(quote::quote!(#len))
    };
    let len = match (name.as_str(), consts.as_slice()) {
        ("DVector" | "DMatrix" | "RowDVector", []) => None,
        ("SVector" | "RowSVector", [n]) => Some(n.clone()),
        ("SMatrix", [r, c]) => Some(quote::quote!((#r * #c))),
        (alias, []) => {
            let dims = alias_dims(alias)?;
            fixed(&dims)
        }
        _ => return None,
    };
    Some((float, Shape::Matrix(MatrixShape { owned: ty.clone(), reference, len })))
}

/// The dimensions of nalgebra's fixed-size aliases: `Vector3` is 3,
/// `RowVector2` 2, `Matrix4` 4 x 4, `Matrix2x3` 2 x 3.
fn alias_dims(alias: &str) -> Option<Vec<usize>> {
    let digit = |s: &str| -> Option<usize> { s.parse().ok().filter(|n| (1..=6).contains(n)) };
    if let Some(n) = alias.strip_prefix("RowVector").or_else(|| alias.strip_prefix("Vector")) {
        return Some(vec![digit(n)?]);
    }
    let dims = alias.strip_prefix("Matrix")?;
    match dims.split_once('x') {
        Some((r, c)) => Some(vec![digit(r)?, digit(c)?]),
        None => Some(vec![digit(dims)?, digit(dims)?]),
    }
}

/// A type as the user wrote it, without the token spacing of `quote!`.
pub fn type_text(ty: &syn::Type) -> String {
    let text = quote::quote!(#ty).to_string();
    [(" < ", "<"), ("< ", "<"), (" >", ">"), ("& ", "&"), (" ,", ","), (" :: ", "::"), (":: ", "::"), (" ;", ";")]
        .iter()
        .fold(text, |text, (from, to)| text.replace(from, to))
}
