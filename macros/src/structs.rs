//! Struct parameters: `#[derive(Differentiable)]` and the differentiation of
//! a function with respect to such a struct, by flattening it into one
//! parameter per field.
//!
//! The attribute on a function sees that function alone, not the fields of
//! the types it names. So the derive records the fields in a `macro_rules!`
//! that it re-exports under the struct's own name (macros and types live in
//! different namespaces, so every path that names the type names the macro
//! too), and the attribute, meeting a parameter of an unknown type in
//! `wrt(..)`, calls that macro with the function. The macro hands the
//! fields and the function to [`callback`], which asks the next struct
//! parameter's macro in turn, then differentiates a flat function of the
//! fields with the existing passes and wraps it in functions of the struct.
//! A struct field of a struct is found the same way: the derive asks the
//! field type's macro (in the struct's module, where that type is in
//! scope) before it emits its own, and each derive emits the function that
//! rebuilds its struct from the leaves, so that the function's module never
//! names an inner type.

use std::collections::HashSet;

use proc_macro2::{Group, Ident, Span, TokenStream, TokenTree};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;

use crate::errors::{self, Errors};
use crate::options;
use crate::signature::{self, Float, Shape};

// ----- the derive ------------------------------------------------------------

/// `#[derive(Differentiable)]`: checks the fields and emits the macro that
/// carries them, or the errors.
pub fn derive(item: TokenStream) -> TokenStream {
    match derive_inner(item) {
        Ok(tokens) => tokens,
        Err(error) => error.to_compile_error(),
    }
}

fn derive_inner(item: TokenStream) -> syn::Result<TokenStream> {
    let input: syn::DeriveInput = syn::parse2(item)?;
    derive_with(&input, &[])
}

/// The derive once the fields of the struct fields in `known` are known:
/// the next struct field's macro, asked for its fields, or the struct's
/// own macro and the function that rebuilds it from its leaves.
fn derive_with(input: &syn::DeriveInput, known: &[(Ident, Vec<Field>)]) -> syn::Result<TokenStream> {
    let name = &input.ident;
    let syn::Data::Struct(data) = &input.data else {
        return Err(syn::Error::new(name.span(), errors::struct_not_a_struct()));
    };
    if let Some(param) = input.generics.params.first() {
        return Err(syn::Error::new(param.span(), errors::struct_generic(name)));
    }
    let syn::Fields::Named(named) = &data.fields else {
        return Err(syn::Error::new(name.span(), errors::struct_not_a_struct()));
    };
    let mut errors = Errors::default();
    let mut fields = Vec::new();
    // Each leaf of the struct's own fields with the type the user wrote,
    // which the rebuilding function (in the struct's module) takes.
    let mut own_types: Vec<Option<&syn::Type>> = Vec::new();
    let mut float: Option<Float> = None;
    let mut pending: Option<(&Ident, &syn::Path)> = None;
    for field in &named.named {
        let Some(ident) = &field.ident else { continue };
        let constant = match constant_attribute(&field.attrs) {
            Ok(constant) => constant,
            Err(e) => {
                errors.add(e);
                continue;
            }
        };
        if constant {
            fields.push(Field { ident: ident.clone(), kind: Kind::Constant });
            continue;
        }
        let field_float = match field_type(&field.ty) {
            Ok((field_float, ty)) => {
                fields.push(Field { ident: ident.clone(), kind: Kind::Leaf(syn::parse2(ty)?) });
                own_types.push(Some(&field.ty));
                Some(field_float)
            }
            Err(e) => match nested_path(&field.ty) {
                Some(path) => match known.iter().find(|(k, _)| k == ident) {
                    Some((_, sub)) => {
                        let leaves = leaves(sub);
                        own_types.extend(leaves.iter().map(|_| None));
                        fields.push(Field { ident: ident.clone(), kind: Kind::Nested(path.clone(), sub.clone()) });
                        leaves.first().and_then(|l| signature::shape_of(&l.ty)).map(|(f, _)| f)
                    }
                    None => {
                        pending = pending.or(Some((ident, path)));
                        None
                    }
                },
                None => {
                    errors.add(e);
                    None
                }
            },
        };
        if let Some(field_float) = field_float {
            if let Some(first) = &float
                && *first != field_float
            {
                errors.add(syn::Error::new_spanned(&field.ty, errors::struct_mixed_floats(ident, &first.ident())));
            }
            float.get_or_insert(field_float);
        }
    }
    errors.finish()?;
    if let Some((field, path)) = pending {
        let known = known_tokens(known);
        return Ok(call_macro(path, quote!(derive { #input } [#field] [#known])));
    }
    let all = leaves(&fields);
    if all.is_empty() {
        return Err(syn::Error::new(name.span(), errors::struct_no_field(name)));
    }
    let carried = fields_tokens(&fields);
    let bare = name.to_string();
    let hidden = format_ident!("__matdiff_struct_{}", bare.trim_start_matches("r#"), span = Span::call_site());
    let rebuild = rebuild(&fields, &all, &own_types);
    Ok(quote! {
        #[doc(hidden)]
        macro_rules! #hidden {
            ($($state:tt)*) => {
                ::matdiff::__private::struct_parameter! { $($state)* { #carried } }
            };
        }
        #[doc(hidden)]
        #[allow(unused_imports)]
        pub(crate) use #hidden as #name;
        impl #name {
            #rebuild
        }
    })
}

/// The function that builds a value of the struct from its leaves (a
/// gradient's entries), copying the constant fields from `self`: the
/// gradient's struct, built where the types of the struct fields are in
/// scope, which they need not be where the differentiated function is.
fn rebuild(fields: &[Field], all: &[Leaf], own_types: &[Option<&syn::Type>]) -> TokenStream {
    let names: Vec<Ident> = (0..all.len()).map(|i| format_ident!("leaf{}", i)).collect();
    let params = all.iter().zip(&names).zip(own_types).map(|((leaf, name), own)| {
        let ty = match own {
            Some(ty) => quote!(#ty),
            None => leaf.ty.to_token_stream(),
        };
        quote!(#name: #ty)
    });
    let mut next = names.iter();
    let values = fields.iter().map(|f| {
        let ident = &f.ident;
        match &f.kind {
            Kind::Leaf(_) => {
                let leaf = next.next();
                quote!(#ident: #leaf)
            }
            Kind::Constant => quote!(#ident: ::core::clone::Clone::clone(&self.#ident)),
            Kind::Nested(path, sub) => {
                let taken: Vec<&Ident> = next.by_ref().take(leaves(sub).len()).collect();
                quote!(#ident: #path::__matdiff_rebuild(&self.#ident, #(#taken),*))
            }
        }
    });
    quote! {
        #[doc(hidden)]
        #[allow(dead_code, clippy::all, clippy::pedantic, clippy::nursery)]
        pub(crate) fn __matdiff_rebuild(&self, #(#params),*) -> Self {
            Self { #(#values),* }
        }
    }
}

/// The type of a field that may be a `#[derive(Differentiable)]` struct.
fn nested_path(ty: &syn::Type) -> Option<&syn::Path> {
    match ty {
        syn::Type::Path(p)
            if p.qself.is_none()
                && names_a_struct(&p.path)
                && p.path.segments.iter().all(|s| s.arguments.is_none()) =>
        {
            Some(&p.path)
        }
        _ => None,
    }
}

/// Whether a field is marked `#[matdiff(constant)]`.
fn constant_attribute(attrs: &[syn::Attribute]) -> syn::Result<bool> {
    let mut constant = false;
    for attr in attrs.iter().filter(|a| a.path().is_ident("matdiff")) {
        let word: syn::Result<Ident> = attr.parse_args();
        match word {
            Ok(word) if word == "constant" => constant = true,
            _ => return Err(syn::Error::new_spanned(attr, errors::struct_field_attribute())),
        }
    }
    Ok(constant)
}

/// The float type of a differentiated field and its type as the generated
/// code writes it: nalgebra's types by matdiff's path to them and sizes as
/// literals, since the function may be in a module that imports neither.
fn field_type(ty: &syn::Type) -> syn::Result<(Float, TokenStream)> {
    let unsupported = || syn::Error::new_spanned(ty, errors::struct_field_type(&signature::type_text(ty)));
    let (float, shape) = match ty {
        syn::Type::Reference(_) => return Err(unsupported()),
        _ => signature::shape_of(ty).ok_or_else(unsupported)?,
    };
    let f = float.ident();
    let written = match (&shape, ty) {
        (Shape::Scalar, _) => quote!(#f),
        (Shape::Dynamic, _) => quote!(::std::vec::Vec<#f>),
        (Shape::Fixed(n), _) => {
            literal_length(n)?;
            quote!([#f; #n])
        }
        (Shape::Matrix(_), syn::Type::Path(path)) => {
            let last = path.path.segments.last().ok_or_else(unsupported)?;
            let syn::PathArguments::AngleBracketed(args) = &last.arguments else { return Err(unsupported()) };
            for arg in args.args.iter().skip(1) {
                match arg {
                    syn::GenericArgument::Const(e) => literal_length(e)?,
                    other => return Err(syn::Error::new_spanned(other, errors::struct_literal_length())),
                }
            }
            let name = &last.ident;
            let rest = args.args.iter().skip(1);
            quote!(::matdiff::__private::nalgebra::#name<#f #(, #rest)*>)
        }
        _ => return Err(unsupported()),
    };
    Ok((float, written))
}

fn literal_length(expr: &syn::Expr) -> syn::Result<()> {
    match expr {
        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(_), .. }) => Ok(()),
        other => Err(syn::Error::new_spanned(other, errors::struct_literal_length())),
    }
}

// ----- the attribute's side -------------------------------------------------

/// A field of a struct parameter, as the derive's macro carries it.
#[derive(Clone)]
struct Field {
    ident: Ident,
    kind: Kind,
}

#[derive(Clone)]
enum Kind {
    /// A differentiated field, with its type as generated code writes it.
    Leaf(syn::Type),
    /// `#[matdiff(constant)]`.
    Constant,
    /// A field that is a `#[derive(Differentiable)]` struct (its type as
    /// written, which only the struct's own module uses), and its fields.
    Nested(syn::Path, Vec<Field>),
}

/// A differentiated value inside a struct parameter: the fields that lead
/// to it (`inner`, `w` for `p.inner.w`) and its type.
#[derive(Clone)]
struct Leaf {
    path: Vec<Ident>,
    ty: syn::Type,
}

/// How a differentiated field reaches the flat function.
#[derive(Clone, Copy, PartialEq)]
enum Pass {
    /// By value: floats, arrays, static nalgebra types (all `Copy`).
    Copied,
    /// By reference, a `Vec` (whose Hessian-vector direction is a slice).
    Slice,
    /// By reference: `DVector`, `DMatrix`, `RowDVector`.
    Borrowed,
}

impl Leaf {
    fn pass(&self) -> Pass {
        match signature::shape_of(&self.ty) {
            Some((_, Shape::Dynamic)) => Pass::Slice,
            Some((_, Shape::Matrix(m))) if m.len.is_none() => Pass::Borrowed,
            _ => Pass::Copied,
        }
    }

    fn is_matrix(&self) -> bool {
        matches!(signature::shape_of(&self.ty), Some((_, Shape::Matrix(_))))
    }

    /// `p.inner.w`, from `base` (`p`).
    fn read(&self, base: &TokenStream) -> TokenStream {
        let path = &self.path;
        quote!(#base #(.#path)*)
    }
}

/// The differentiated leaves of `fields`, depth first in declaration order:
/// the order of the flat function's parameters and of the Hessian.
fn leaves(fields: &[Field]) -> Vec<Leaf> {
    let mut out = Vec::new();
    for field in fields {
        match &field.kind {
            Kind::Leaf(ty) => out.push(Leaf { path: vec![field.ident.clone()], ty: ty.clone() }),
            Kind::Constant => {}
            Kind::Nested(_, sub) => {
                for mut leaf in leaves(sub) {
                    leaf.path.insert(0, field.ident.clone());
                    out.push(leaf);
                }
            }
        }
    }
    out
}

/// Whether the fields `chain` lead into a constant field (`p.c`,
/// `p.inner.c.len()`).
fn reaches_constant(fields: &[Field], chain: &[Ident]) -> bool {
    let mut level = fields;
    for member in chain {
        match level.iter().find(|f| f.ident == *member).map(|f| &f.kind) {
            Some(Kind::Constant) => return true,
            Some(Kind::Nested(_, sub)) => level = sub,
            _ => return false,
        }
    }
    false
}

/// The carried form: `w: Type;`, `const c;`, `inner: { .. };`.
fn fields_tokens(fields: &[Field]) -> TokenStream {
    fields
        .iter()
        .map(|f| {
            let ident = &f.ident;
            match &f.kind {
                Kind::Leaf(ty) => quote!(#ident: #ty;),
                Kind::Constant => quote!(const #ident;),
                Kind::Nested(path, sub) => {
                    let sub = fields_tokens(sub);
                    quote!(#ident: #path { #sub };)
                }
            }
        })
        .collect()
}

fn known_tokens(known: &[(Ident, Vec<Field>)]) -> TokenStream {
    known
        .iter()
        .map(|(name, fields)| {
            let fields = fields_tokens(fields);
            quote!(#name { #fields })
        })
        .collect()
}

struct Fields(Vec<Field>);

impl Parse for Fields {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut fields = Vec::new();
        while !input.is_empty() {
            if input.peek(syn::Token![const]) {
                input.parse::<syn::Token![const]>()?;
                let ident: Ident = input.parse()?;
                fields.push(Field { ident, kind: Kind::Constant });
            } else {
                let ident: Ident = input.parse()?;
                input.parse::<syn::Token![:]>()?;
                let fork = input.fork();
                let nested = fork.parse::<syn::Path>().is_ok() && fork.peek(syn::token::Brace);
                if nested {
                    let path: syn::Path = input.parse()?;
                    let content;
                    syn::braced!(content in input);
                    fields.push(Field { ident, kind: Kind::Nested(path, content.parse::<Fields>()?.0) });
                } else {
                    let ty: syn::Type = input.parse()?;
                    fields.push(Field { ident, kind: Kind::Leaf(ty) });
                }
            }
            input.parse::<syn::Token![;]>()?;
        }
        Ok(Fields(fields))
    }
}

/// What travels through the struct macros: the attribute's arguments, the
/// function, the parameter whose fields come next, and the parameters whose
/// fields are known.
struct State {
    args: TokenStream,
    function: syn::ItemFn,
    known: Vec<(Ident, Vec<Field>)>,
}

impl State {
    /// `(args) { fn .. } [param] [known ..]`, as the next macro receives
    /// it.
    fn tokens(&self, next: &Ident) -> TokenStream {
        let args = &self.args;
        let function = &self.function;
        let known = known_tokens(&self.known);
        quote!((#args) { #function } [#next] [#known])
    }
}

/// The parameter named in `wrt(..)` whose type is a path matdiff does not
/// know, and that path, the first one not yet known.
fn next_struct<'a>(
    function: &'a syn::ItemFn,
    wrt: &[Ident],
    known: &[(Ident, Vec<Field>)],
) -> syn::Result<Option<(Ident, &'a syn::Path)>> {
    for name in wrt {
        if known.iter().any(|(k, _)| k == name) {
            continue;
        }
        let Some((ident, ty)) = function.sig.inputs.iter().find_map(|input| match input {
            syn::FnArg::Typed(t) => match &*t.pat {
                syn::Pat::Ident(p) if p.ident == *name => Some((p.ident.clone(), &*t.ty)),
                _ => None,
            },
            syn::FnArg::Receiver(_) => None,
        }) else {
            continue;
        };
        let (inner, mutable) = match ty {
            syn::Type::Reference(r) => (&*r.elem, r.mutability.is_some()),
            other => (other, false),
        };
        let syn::Type::Path(path) = inner else { continue };
        let type_parameter =
            function.sig.generics.type_params().any(|t| path.path.segments.first().is_some_and(|s| s.ident == t.ident));
        if path.qself.is_some() || type_parameter || !names_a_struct(&path.path) || signature::shape_of(inner).is_some()
        {
            continue;
        }
        if mutable {
            return Err(syn::Error::new_spanned(ty, errors::struct_mutable(name)));
        }
        if let Some(args) = path.path.segments.iter().find(|s| !s.arguments.is_none()) {
            return Err(syn::Error::new_spanned(&args.arguments, errors::struct_generic_parameter(name)));
        }
        return Ok(Some((ident, &path.path)));
    }
    Ok(None)
}

/// Whether a path may name a user's struct: its last segment is
/// capitalised and is not a standard or nalgebra type whose message the
/// signature gives.
fn names_a_struct(path: &syn::Path) -> bool {
    const KNOWN: &[&str] = &["Vec", "String", "Option", "Box", "Rc", "Arc", "Cow", "HashMap", "BTreeMap", "Result"];
    let Some(last) = path.segments.last() else { return false };
    let name = last.ident.to_string();
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && !KNOWN.contains(&name.as_str())
        && !signature::is_nalgebra_name(&name)
        && !signature::is_nalgebra(&syn::Type::Path(syn::TypePath { qself: None, path: path.clone() }))
}

/// Whether an argument of this type (`Params`, `&Params`) may be a
/// `#[derive(Differentiable)]` struct, for the message of a function with
/// no float argument.
pub fn may_be_a_struct(ty: &syn::Type, generics: &syn::Generics) -> bool {
    let inner = match ty {
        syn::Type::Reference(r) => &*r.elem,
        other => other,
    };
    matches!(inner, syn::Type::Path(p) if p.qself.is_none()
        && names_a_struct(&p.path)
        && !generics.type_params().any(|t| p.path.segments.first().is_some_and(|s| s.ident == t.ident)))
}

/// The attribute's output beside the function when `wrt(..)` names a
/// struct parameter: the call of its macro (or the error); `None`
/// otherwise, and the usual expansion follows.
pub fn intercept(args: &TokenStream, function: &syn::ItemFn) -> Option<TokenStream> {
    let options = options::parse(args.clone()).ok()?;
    let wrt = options.wrt?;
    let result = next_struct(function, &wrt, &[]).and_then(|next| {
        let Some((param, path)) = next else { return Ok(None) };
        if let Some(receiver) = function.sig.receiver() {
            return Err(syn::Error::new_spanned(receiver, errors::struct_in_method(&param)));
        }
        let state = State { args: args.clone(), function: function.clone(), known: Vec::new() };
        Ok(Some(call_macro(path, state.tokens(&param))))
    });
    match result {
        Ok(tokens) => tokens,
        Err(error) => Some(error.to_compile_error()),
    }
}

fn call_macro(path: &syn::Path, state: TokenStream) -> TokenStream {
    let span = path.span();
    quote_spanned!(span=> #path ! { #state })
}

/// The input of [`callback`]: the state of a function's differentiation
/// or of a struct's derive, the parameter or field whose fields follow,
/// and those fields.
struct Callback {
    step: Step,
    param: Ident,
    fields: Vec<Field>,
}

enum Step {
    Function(State),
    /// `derive { struct .. } [field] [known ..]`: a struct whose struct
    /// fields' fields are being collected.
    Derive(syn::DeriveInput, Vec<(Ident, Vec<Field>)>),
}

fn parse_known(input: ParseStream) -> syn::Result<Vec<(Ident, Vec<Field>)>> {
    let known_input;
    syn::bracketed!(known_input in input);
    let mut known = Vec::new();
    while !known_input.is_empty() {
        let name: Ident = known_input.parse()?;
        let fields;
        syn::braced!(fields in known_input);
        known.push((name, fields.parse::<Fields>()?.0));
    }
    Ok(known)
}

impl Parse for Callback {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let derive = input.peek(syn::Ident) && input.fork().parse::<Ident>().is_ok_and(|i| i == "derive");
        let step_head = if derive {
            input.parse::<Ident>()?;
            let item;
            syn::braced!(item in input);
            Some(item.parse::<syn::DeriveInput>()?)
        } else {
            None
        };
        let (args, function) = match step_head {
            Some(_) => (None, None),
            None => {
                let args;
                syn::parenthesized!(args in input);
                let args: TokenStream = args.parse()?;
                let function;
                syn::braced!(function in input);
                (Some(args), Some(function.parse::<syn::ItemFn>()?))
            }
        };
        let param;
        syn::bracketed!(param in input);
        let param: Ident = param.parse()?;
        let known = parse_known(input)?;
        let fields;
        syn::braced!(fields in input);
        let fields = fields.parse::<Fields>()?.0;
        let step = match (step_head, args, function) {
            (Some(item), _, _) => Step::Derive(item, known),
            (None, Some(args), Some(function)) => Step::Function(State { args, function, known }),
            _ => return Err(input.error("unexpected input")),
        };
        Ok(Callback { step, param, fields })
    }
}

/// The struct macro's expansion: the next struct's macro, or, once every
/// struct's fields are known, the derivatives of the function (or the
/// derive's output, for a struct with struct fields).
pub fn callback(input: TokenStream) -> TokenStream {
    let Callback { step, param, fields } = match syn::parse2(input) {
        Ok(callback) => callback,
        Err(error) => return error.to_compile_error(),
    };
    let result = match step {
        Step::Derive(item, mut known) => {
            known.push((param, fields));
            derive_with(&item, &known)
        }
        Step::Function(mut state) => {
            state.known.push((param, fields));
            options::parse(state.args.clone()).and_then(|options| {
                let wrt = options.wrt.clone().unwrap_or_default();
                match next_struct(&state.function, &wrt, &state.known)? {
                    Some((param, path)) => Ok(call_macro(path, state.tokens(&param))),
                    None => flatten(&state, &options),
                }
            })
        }
    };
    result.unwrap_or_else(|error| error.to_compile_error())
}

// ----- flattening -------------------------------------------------------------

/// A struct parameter of the function, with the names of its fields'
/// parameters in the flat function.
struct StructParam {
    ident: Ident,
    /// The struct's type, without the reference.
    path: syn::Path,
    /// Whether the function takes it by reference.
    reference: bool,
    fields: Vec<Field>,
    /// Each differentiated leaf with its flat parameter, in order.
    flat: Vec<(Leaf, Ident)>,
}

/// What a chain of field reads `p.a.b` is.
enum Resolved<'a> {
    /// A differentiated leaf, and its flat parameter.
    Leaf(&'a Leaf, &'a Ident),
    /// A leaf and more (`p.s.x` of a vector `s`): the leaf is rewritten.
    Beyond,
    /// A struct field, only part of the way to its leaves.
    Nested,
    /// A constant field, or something below one.
    Constant,
    /// No field of the struct: rustc reports it on the function as written.
    Unknown,
}

impl StructParam {
    fn resolve(&self, chain: &[Ident]) -> Resolved<'_> {
        if let Some((leaf, flat)) = self.flat.iter().find(|(l, _)| l.path == chain) {
            return Resolved::Leaf(leaf, flat);
        }
        if self.flat.iter().any(|(l, _)| chain.starts_with(&l.path)) {
            return Resolved::Beyond;
        }
        if self.flat.iter().any(|(l, _)| l.path.starts_with(chain)) {
            return Resolved::Nested;
        }
        if reaches_constant(&self.fields, chain) { Resolved::Constant } else { Resolved::Unknown }
    }

    /// `p.a`, `p.inner.w`, .. for messages.
    fn leaf_list(&self, prefix: &[Ident]) -> String {
        let reads: Vec<String> = self
            .flat
            .iter()
            .filter(|(l, _)| l.path.starts_with(prefix))
            .map(|(l, _)| {
                let path: Vec<String> = l.path.iter().map(Ident::to_string).collect();
                format!("`{}.{}`", self.ident, path.join("."))
            })
            .collect();
        reads.join(", ")
    }
}

fn flatten(state: &State, options: &options::Options) -> syn::Result<TokenStream> {
    let function = &state.function;
    let sig = &function.sig;
    let mut errors = Errors::default();
    if let Some(check) = &options.check {
        errors.push(check.span, errors::struct_check());
    }
    let float = match &sig.output {
        syn::ReturnType::Type(_, ty) => Float::of(ty),
        syn::ReturnType::Default => None,
    };
    let float = match (float, &sig.output) {
        (Some(float), _) => float.ident(),
        (None, syn::ReturnType::Type(_, ty)) => {
            return Err(syn::Error::new_spanned(ty, errors::struct_vector_result()));
        }
        (None, syn::ReturnType::Default) => {
            return Err(syn::Error::new(sig.ident.span(), errors::struct_vector_result()));
        }
    };
    if let Some(param) = sig.generics.type_params().next() {
        errors.push(param.ident.span(), errors::struct_generic_function());
    }
    if let Some(param) = sig.generics.const_params().next() {
        errors.push(param.ident.span(), errors::struct_generic_function());
    }
    errors.finish()?;

    let taken = body_names(function);
    let mut structs: Vec<StructParam> = Vec::new();
    let mut flat_inputs: Vec<TokenStream> = Vec::new();
    for input in &sig.inputs {
        let syn::FnArg::Typed(typed) = input else { continue };
        let syn::Pat::Ident(pat) = &*typed.pat else {
            flat_inputs.push(quote!(#typed));
            continue;
        };
        let Some((_, fields)) = state.known.iter().find(|(k, _)| *k == pat.ident) else {
            flat_inputs.push(quote!(#typed));
            continue;
        };
        let all = leaves(fields);
        let field_float = all.first().and_then(|l| signature::shape_of(&l.ty)).map(|(f, _)| f.ident());
        if let Some(field_float) = field_float.filter(|f| *f != float) {
            return Err(syn::Error::new_spanned(
                &typed.ty,
                errors::struct_float_type(&pat.ident, &field_float, &float),
            ));
        }
        let (path, reference) = match &*typed.ty {
            syn::Type::Reference(r) => (&*r.elem, true),
            other => (other, false),
        };
        let syn::Type::Path(path) = path else { continue };
        let ident = &pat.ident;
        let path = path.path.clone();
        flat_inputs.push(quote!(#ident: &#path));
        let mut flat = Vec::new();
        for leaf in all {
            let path: Vec<String> = leaf.path.iter().map(Ident::to_string).collect();
            let flat_name = fresh(&taken, &format!("{}_{}", ident, path.join("_")), ident.span());
            let ty = &leaf.ty;
            // A `Vec` as `&Vec`, not `&[F]`: the body may use it as the
            // `Vec` it is (`p.v.clone()` is a `Vec`).
            let ty = match leaf.pass() {
                Pass::Copied => quote!(#ty),
                Pass::Slice | Pass::Borrowed => quote!(&#ty),
            };
            let mutability = pat.mutability;
            flat_inputs.push(quote!(#mutability #flat_name: #ty));
            flat.push((leaf, flat_name));
        }
        structs.push(StructParam { ident: ident.clone(), path, reference, fields: fields.clone(), flat });
    }

    let mut body = (*function.block).clone();
    let mut rewrite = Rewrite { structs: &structs, errors: Errors::default(), shadowed: HashSet::new() };
    rewrite.visit_block_mut(&mut body);
    rewrite.errors.finish()?;

    let wrt = options.wrt.clone().unwrap_or_default();
    let flat_wrt: Vec<Ident> = wrt
        .iter()
        .flat_map(|name| match structs.iter().find(|s| s.ident == *name) {
            Some(s) => s.flat.iter().map(|(_, flat)| flat.clone()).collect(),
            None => vec![name.clone()],
        })
        .collect();
    let no_hessian = options.no_hessian.then(|| quote!(, no_hessian));
    let flat_args = quote!(wrt(#(#flat_wrt),*) #no_hessian);
    let name = &sig.ident;
    let flat_name = format_ident!("__matdiff_flat_{}", name.to_string().trim_start_matches("r#"), span = name.span());
    let carried = function.attrs.iter().filter(|a| a.path().is_ident("cfg") || a.path().is_ident("cfg_attr"));
    let carried: Vec<&syn::Attribute> = carried.collect();
    let (generics, where_clause) = (&sig.generics, &sig.generics.where_clause);
    let output = &sig.output;
    let flat_fn: syn::ItemFn = syn::parse2(quote! {
        #(#carried)*
        #[doc(hidden)]
        // The user's lints apply to the function as written, not to this copy.
        #[allow(dead_code, unused_variables, unused_mut, clippy::all, clippy::pedantic, clippy::nursery)]
        fn #flat_name #generics (#(#flat_inputs),*) #output #where_clause #body
    })?;
    let generated = crate::expand::generate(flat_args, &flat_fn)?;
    let flat_sig = signature::analyze(&flat_fn.sig, &options::parse(quote!(wrt(#(#flat_wrt),*)))?)?;
    let wrappers = Wrappers { function, options, structs: &structs, float, flat_name: &flat_name, flat_sig: &flat_sig };
    let wrappers = wrappers.all();
    Ok(quote!(#flat_fn #generated #wrappers))
}

/// Every identifier in the function, so that the flat parameters' names
/// take none of them.
fn body_names(function: &syn::ItemFn) -> HashSet<String> {
    fn walk(tokens: TokenStream, names: &mut HashSet<String>) {
        for token in tokens {
            match token {
                TokenTree::Ident(i) => {
                    names.insert(i.to_string());
                }
                TokenTree::Group(g) => walk(g.stream(), names),
                _ => {}
            }
        }
    }
    let mut names = HashSet::new();
    walk(function.to_token_stream(), &mut names);
    names
}

fn fresh(taken: &HashSet<String>, base: &str, span: Span) -> Ident {
    let mut name = base.to_string();
    while taken.contains(&name) {
        name.push('_');
    }
    Ident::new(&name, span)
}

/// Replaces the reads of differentiated fields (`p.w`, `&p.w`) by the flat
/// parameters, and reports any other use of a struct parameter.
struct Rewrite<'a> {
    structs: &'a [StructParam],
    errors: Errors,
    /// Parameters a binding shadows, already reported: their later uses
    /// are the new binding's.
    shadowed: HashSet<String>,
}

impl Rewrite<'_> {
    fn struct_named(&self, expr: &syn::Expr) -> Option<&StructParam> {
        let syn::Expr::Path(path) = expr else { return None };
        let ident = path.path.get_ident()?;
        if path.qself.is_some() || self.shadowed.contains(&ident.to_string()) {
            return None;
        }
        self.structs.iter().find(|s| s.ident == *ident)
    }

    /// `p.a.b` as the struct parameter and the fields read.
    fn chain(&self, expr: &syn::Expr) -> Option<(&StructParam, Vec<Ident>)> {
        let mut members = Vec::new();
        let mut e = expr;
        while let syn::Expr::Field(field) = e {
            let syn::Member::Named(member) = &field.member else { return None };
            members.push(member.clone());
            e = &field.base;
        }
        if members.is_empty() {
            return None;
        }
        members.reverse();
        Some((self.struct_named(e)?, members))
    }

    fn whole_use(&mut self, s_ident: &Ident, span: Span) {
        let Some(s) = self.structs.iter().find(|s| s.ident == *s_ident) else { return };
        let message = errors::struct_whole_use(&s.ident, &s.leaf_list(&[]));
        self.errors.push(span, message);
    }

    /// `written`: the read as the user wrote it, for the error's span.
    fn nested_use(&mut self, s_ident: &Ident, chain: &[Ident], written: TokenStream) {
        let Some(s) = self.structs.iter().find(|s| s.ident == *s_ident) else { return };
        let path: Vec<String> = chain.iter().map(Ident::to_string).collect();
        let read = format!("{}.{}", s.ident, path.join("."));
        let message = errors::struct_nested_use(&read, &s.leaf_list(chain));
        self.errors.add(syn::Error::new_spanned(written, message));
    }

    /// The same rewriting inside a macro's tokens (`vec![p.b; n]`), which
    /// are not parsed as expressions.
    fn tokens(&mut self, tokens: TokenStream) -> TokenStream {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut out: Vec<TokenTree> = Vec::new();
        let mut i = 0;
        while i < trees.len() {
            if let TokenTree::Group(g) = &trees[i] {
                let mut group = Group::new(g.delimiter(), self.tokens(g.stream()));
                group.set_span(g.span());
                out.push(TokenTree::Group(group));
                i += 1;
                continue;
            }
            let s = match &trees[i] {
                TokenTree::Ident(ident) if !self.shadowed.contains(&ident.to_string()) => {
                    self.structs.iter().find(|s| s.ident == *ident)
                }
                _ => None,
            };
            let Some(s) = s else {
                out.push(trees[i].clone());
                i += 1;
                continue;
            };
            let s_ident = s.ident.clone();
            // `.a.b..`: each `.` followed by a name.
            let mut members = Vec::new();
            while let (Some(TokenTree::Punct(dot)), Some(TokenTree::Ident(m))) =
                (trees.get(i + 1 + 2 * members.len()), trees.get(i + 2 + 2 * members.len()))
            {
                if dot.as_char() != '.' {
                    break;
                }
                members.push(m.clone());
            }
            // `p.w.len()`, `p.clone()`: the last name is a method's.
            let after = trees.get(i + 1 + 2 * members.len());
            if matches!(after, Some(TokenTree::Group(g)) if g.delimiter() == proc_macro2::Delimiter::Parenthesis) {
                members.pop();
            }
            let longest = (1..=members.len()).rev().find_map(|k| match s.resolve(&members[..k]) {
                Resolved::Leaf(leaf, flat) => Some((k, leaf.pass(), flat.clone())),
                _ => None,
            });
            let nested = matches!(s.resolve(&members), Resolved::Nested);
            match longest {
                Some((k, pass, flat)) => {
                    let after = trees.get(i + 1 + 2 * k);
                    let whole = k == members.len() && !matches!(after, Some(TokenTree::Group(_)));
                    let borrowed = matches!(out.last(), Some(TokenTree::Punct(p)) if p.as_char() == '&');
                    if borrowed && whole && pass != Pass::Copied {
                        out.pop();
                    }
                    out.push(TokenTree::Ident(Ident::new(&flat.to_string(), members[k - 1].span())));
                    i += 1 + 2 * k;
                }
                None if members.is_empty() => {
                    self.whole_use(&s_ident, trees[i].span());
                    out.push(trees[i].clone());
                    i += 1;
                }
                None => {
                    let end = i + 1 + 2 * members.len();
                    if nested {
                        self.nested_use(&s_ident, &members, trees[i..end].iter().cloned().collect());
                    }
                    out.extend(trees[i..end].iter().cloned());
                    i = end;
                }
            }
        }
        out.into_iter().collect()
    }
}

impl Rewrite<'_> {
    /// Whether `expr` is (an element of) a leaf the flat function takes by
    /// reference (a `Vec`, `DVector` or `DMatrix`), which it cannot assign.
    fn borrowed_leaf(&self, expr: &syn::Expr) -> bool {
        let mut e = expr;
        while let syn::Expr::Index(index) = e {
            e = &index.expr;
        }
        self.chain(e).is_some_and(|(s, chain)| match s.resolve(&chain) {
            Resolved::Leaf(leaf, _) => leaf.pass() != Pass::Copied,
            _ => false,
        })
    }

    /// Whether `expr` reads a constant field of a struct the function takes
    /// by value: the derivatives read it through a reference.
    fn owned_constant(&self, expr: &syn::Expr) -> bool {
        self.chain(expr).is_some_and(|(s, chain)| !s.reference && matches!(s.resolve(&chain), Resolved::Constant))
    }
}

impl VisitMut for Rewrite<'_> {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        // The derivatives take a struct by reference, so a constant field
        // of a struct taken by value is borrowed where it is a place
        // (`p.name.len()`, `&p.name`, `p.table[i]`) and cloned where it is
        // moved (`let name = p.name;`); it cannot be assigned.
        match expr {
            syn::Expr::MethodCall(call) if self.owned_constant(&call.receiver) => {
                for arg in &mut call.args {
                    self.visit_expr_mut(arg);
                }
                return;
            }
            syn::Expr::Reference(r) if self.owned_constant(&r.expr) => return,
            syn::Expr::Index(index) if self.owned_constant(&index.expr) => {
                self.visit_expr_mut(&mut index.index);
                return;
            }
            syn::Expr::Assign(syn::ExprAssign { left, .. }) if self.borrowed_leaf(left) => {
                self.errors.add(syn::Error::new_spanned(&*left, errors::struct_leaf_assigned()));
                return;
            }
            syn::Expr::Binary(syn::ExprBinary { left, op, .. }) if is_assign_op(op) && self.borrowed_leaf(left) => {
                self.errors.add(syn::Error::new_spanned(&*left, errors::struct_leaf_assigned()));
                return;
            }
            syn::Expr::Assign(syn::ExprAssign { left, .. }) if self.owned_constant(left) => {
                self.errors.add(syn::Error::new_spanned(&*left, errors::struct_constant_assigned()));
                return;
            }
            syn::Expr::Binary(syn::ExprBinary { left, op, .. }) if is_assign_op(op) && self.owned_constant(left) => {
                self.errors.add(syn::Error::new_spanned(&*left, errors::struct_constant_assigned()));
                return;
            }
            other if self.owned_constant(other) => {
                let read = other.clone();
                *other = syn::parse_quote!(::core::clone::Clone::clone(&#read));
                return;
            }
            _ => {}
        }
        if let syn::Expr::Reference(r) = expr
            && r.mutability.is_none()
            && let Some((s, chain)) = self.chain(&r.expr)
            && let Resolved::Leaf(leaf, flat) = s.resolve(&chain)
            && leaf.pass() != Pass::Copied
        {
            let flat = Ident::new(&flat.to_string(), chain[chain.len() - 1].span());
            *expr = syn::parse_quote!(#flat);
            return;
        }
        if let Some((s, chain)) = self.chain(expr) {
            let s_ident = s.ident.clone();
            match s.resolve(&chain) {
                Resolved::Leaf(_, flat) => {
                    let flat = Ident::new(&flat.to_string(), chain[chain.len() - 1].span());
                    *expr = syn::parse_quote!(#flat);
                    return;
                }
                Resolved::Beyond => {}
                Resolved::Nested => {
                    self.nested_use(&s_ident, &chain, expr.to_token_stream());
                    return;
                }
                Resolved::Constant | Resolved::Unknown => return,
            }
        }
        if let Some(s) = self.struct_named(expr) {
            let ident = s.ident.clone();
            self.whole_use(&ident, expr.span());
            return;
        }
        if let syn::Expr::Macro(m) = expr {
            m.mac.tokens = self.tokens(m.mac.tokens.clone());
            return;
        }
        syn::visit_mut::visit_expr_mut(self, expr);
    }

    fn visit_stmt_macro_mut(&mut self, m: &mut syn::StmtMacro) {
        m.mac.tokens = self.tokens(m.mac.tokens.clone());
    }

    fn visit_pat_ident_mut(&mut self, pat: &mut syn::PatIdent) {
        if self.structs.iter().any(|s| s.ident == pat.ident) {
            self.errors.push(pat.ident.span(), errors::struct_shadowed(&pat.ident));
            self.shadowed.insert(pat.ident.to_string());
        }
        syn::visit_mut::visit_pat_ident_mut(self, pat);
    }
}

// ----- the functions of the struct --------------------------------------------

/// The user-facing derivatives: the flat function's, with each struct's
/// fields passed in and its gradient put back together as a struct.
struct Wrappers<'a> {
    function: &'a syn::ItemFn,
    options: &'a options::Options,
    structs: &'a [StructParam],
    float: Ident,
    flat_name: &'a Ident,
    flat_sig: &'a signature::Signature,
}

/// One differentiated parameter of the user's function.
enum Part<'a> {
    Struct(&'a StructParam),
    Plain(&'a signature::Param),
}

impl<'a> Wrappers<'a> {
    fn all(&self) -> TokenStream {
        let mut out = self.grad(false);
        out.extend(self.grad(true));
        if !self.options.no_hessian {
            out.extend(self.hessian());
            out.extend(self.hvp());
        }
        out
    }

    fn name(&self, option: &Option<Ident>, suffix: &str) -> Ident {
        option.clone().unwrap_or_else(|| {
            let base = self.function.sig.ident.to_string();
            Ident::new(&format!("{}_{suffix}", base.trim_start_matches("r#")), self.function.sig.ident.span())
        })
    }

    fn flat(&self, suffix: &str) -> Ident {
        format_ident!("{}_{}", self.flat_name, suffix)
    }

    /// The differentiated parameters of the user's function, in argument
    /// order (the order of the flat gradient).
    fn parts(&self) -> Vec<Part<'a>> {
        let wrt = self.options.wrt.clone().unwrap_or_default();
        let mut parts = Vec::new();
        for input in &self.function.sig.inputs {
            let syn::FnArg::Typed(t) = input else { continue };
            let syn::Pat::Ident(p) = &*t.pat else { continue };
            if !wrt.contains(&p.ident) {
                continue;
            }
            if let Some(s) = self.structs.iter().find(|s| s.ident == p.ident) {
                parts.push(Part::Struct(s));
            } else if let Some(param) = self.flat_sig.params.iter().find(|q| q.ident == p.ident) {
                parts.push(Part::Plain(param));
            }
        }
        parts
    }

    /// The flat function's arguments, from the user's.
    fn flat_args(&self) -> Vec<TokenStream> {
        let mut args = Vec::new();
        for (k, input) in self.function.sig.inputs.iter().enumerate() {
            let syn::FnArg::Typed(t) = input else { continue };
            let ident = &match &*t.pat {
                syn::Pat::Ident(p) => p.ident.clone(),
                _ => unnamed(k),
            };
            match self.structs.iter().find(|s| s.ident == *ident) {
                Some(s) => {
                    args.push(if s.reference { quote!(#ident) } else { quote!(&#ident) });
                    for (leaf, _) in &s.flat {
                        let read = leaf.read(&quote!(#ident));
                        args.push(match leaf.pass() {
                            Pass::Copied => read,
                            Pass::Slice | Pass::Borrowed => quote!(&#read),
                        });
                    }
                }
                None => args.push(quote!(#ident)),
            }
        }
        args
    }

    /// The flat differentiated parameters' shapes, in order.
    fn flat_shapes(&self) -> Vec<&Shape> {
        self.flat_sig.wrt().map(|p| &p.shape).collect()
    }

    /// How the flat gradient is packed: `[F; n]` when every flat
    /// differentiated parameter is a scalar, alone when there is one, a
    /// tuple otherwise; `names` are its entries.
    fn pack(&self, names: &[TokenStream]) -> TokenStream {
        let shapes = self.flat_shapes();
        if shapes.iter().all(|s| matches!(s, Shape::Scalar)) {
            quote!([#(#names),*])
        } else if names.len() == 1 {
            names[0].clone()
        } else {
            quote!((#(#names,)*))
        }
    }

    fn gradient_names(&self) -> Vec<TokenStream> {
        (0..self.flat_shapes().len()).map(|i| format_ident!("__matdiff_g{}", i).into_token_stream()).collect()
    }

    /// The user's gradient from the entries of the flat one: each struct
    /// rebuilt from its fields' entries (constants copied from `source`),
    /// alone or in a tuple.
    fn unpack(&self, entries: &[TokenStream]) -> (TokenStream, TokenStream) {
        let mut next = entries.iter();
        let mut values = Vec::new();
        let mut types = Vec::new();
        for part in self.parts() {
            match part {
                Part::Struct(s) => {
                    let ident = &s.ident;
                    let path = &s.path;
                    let point = if s.reference { quote!(#ident) } else { quote!(&#ident) };
                    let taken: Vec<&TokenStream> = next.by_ref().take(s.flat.len()).collect();
                    values.push(quote!(#path::__matdiff_rebuild(#point, #(#taken),*)));
                    types.push(quote!(#path));
                }
                Part::Plain(p) => {
                    let entry = next.next();
                    values.push(quote!(#entry));
                    types.push(self.gradient_type(p));
                }
            }
        }
        if values.len() == 1 {
            (values.remove(0), types.remove(0))
        } else {
            (quote!((#(#values,)*)), quote!((#(#types,)*)))
        }
    }

    fn gradient_type(&self, p: &signature::Param) -> TokenStream {
        let float = &self.float;
        match &p.shape {
            Shape::Scalar => quote!(#float),
            Shape::Dynamic => quote!(::std::vec::Vec<#float>),
            Shape::Fixed(n) => quote!([#float; #n]),
            Shape::Matrix(m) => m.owned.to_token_stream(),
        }
    }

    fn attrs(&self) -> TokenStream {
        const CARRIED: &[&str] =
            &["cfg", "cfg_attr", "inline", "allow", "warn", "deny", "forbid", "expect", "deprecated"];
        let attrs = self.function.attrs.iter().filter(|a| CARRIED.iter().any(|c| a.path().is_ident(c)));
        quote!(#(#attrs)*)
    }

    fn shell(
        &self,
        name: &Ident,
        doc: &str,
        extra: TokenStream,
        output: TokenStream,
        body: TokenStream,
    ) -> TokenStream {
        let vis = &self.function.vis;
        let attrs = self.attrs();
        let sig = &self.function.sig;
        let generics = &sig.generics;
        let where_clause = &sig.generics.where_clause;
        // An argument `_` is passed on, so it needs a name here.
        let inputs = sig.inputs.iter().enumerate().map(|(k, input)| match input {
            syn::FnArg::Typed(t) if !matches!(&*t.pat, syn::Pat::Ident(_)) => {
                let (name, ty) = (unnamed(k), &t.ty);
                quote!(#name: #ty)
            }
            other => quote!(#other),
        });
        let original = &sig.ident;
        // Like the other generated functions: a crate compiles to machine
        // code only the derivatives it calls.
        let inline = (!self.function.attrs.iter().any(|a| a.path().is_ident("inline"))).then(|| quote!(#[inline]));
        // Users often call only the derivatives: this keeps rustc from
        // calling the original dead code.
        quote! {
            #attrs
            #[doc = #doc]
            #inline
            #[allow(dead_code, unused_variables, unused_mut, clippy::all, clippy::pedantic, clippy::nursery)]
            #vis fn #name #generics (#(#inputs,)* #extra) -> #output #where_clause {
                let _ = #original;
                #body
            }
        }
    }

    fn wrt_text(&self) -> String {
        let names: Vec<String> = self.options.wrt.iter().flatten().map(|name| format!("`{name}`")).collect();
        names.join(", ")
    }

    fn grad(&self, with_value: bool) -> TokenStream {
        let (name, flat) = if with_value {
            (self.name(&self.options.value_and_grad, "value_and_grad"), self.flat("value_and_grad"))
        } else {
            (self.name(&self.options.grad, "grad"), self.flat("grad"))
        };
        let entries = self.gradient_names();
        let packed = self.pack(&entries);
        let (value, ty) = self.unpack(&entries);
        let args = self.flat_args();
        let float = &self.float;
        let original = &self.function.sig.ident;
        let (body, output, doc) = if with_value {
            (
                quote!(let (__matdiff_value, #packed) = #flat(#(#args),*); (__matdiff_value, #value)),
                quote!((#float, #ty)),
                format!(
                    " The value of [`{original}`] and its gradient with respect to {}, each struct as a struct of its fields' gradients.",
                    self.wrt_text()
                ),
            )
        } else {
            (
                quote!(let #packed = #flat(#(#args),*); #value),
                ty,
                format!(
                    " The gradient of [`{original}`] with respect to {}: each struct as a struct of its fields' gradients (constant fields are copied).",
                    self.wrt_text()
                ),
            )
        };
        self.shell(&name, &doc, quote!(), output, body)
    }

    fn hessian(&self) -> TokenStream {
        let name = self.name(&self.options.hessian, "hessian");
        let flat = self.flat("hessian");
        let args = self.flat_args();
        let float = &self.float;
        let original = &self.function.sig.ident;
        let doc = format!(
            " The Hessian of [`{original}`] with respect to {}, over the fields' `vec()` in declaration order (a scalar is one entry, a matrix its entries column by column).",
            self.wrt_text()
        );
        self.shell(
            &name,
            &doc,
            quote!(),
            quote!(::matdiff::__private::nalgebra::DMatrix<#float>),
            quote!(::matdiff::__private::IntoDenseHessian::into_dense_hessian(#flat(#(#args),*))),
        )
    }

    fn hvp(&self) -> TokenStream {
        let name = self.name(&self.options.hvp, "hvp");
        let flat = self.flat("hvp");
        let float = &self.float;
        let v = {
            let mut v = "v".to_string();
            while self.function.sig.inputs.iter().any(|i| match i {
                syn::FnArg::Typed(t) => matches!(&*t.pat, syn::Pat::Ident(p) if p.ident == v),
                _ => false,
            }) {
                v.push('_');
            }
            Ident::new(&v, Span::call_site())
        };
        let parts = self.parts();
        let single = parts.len() == 1;
        let mut v_types = Vec::new();
        let mut flat_v = Vec::new();
        for (k, part) in parts.iter().enumerate() {
            let whole = if single {
                quote!(#v)
            } else {
                let k = syn::Index::from(k);
                quote!(#v.#k)
            };
            match part {
                Part::Struct(s) => {
                    let path = &s.path;
                    v_types.push(quote!(&#path));
                    for (leaf, _) in &s.flat {
                        let read = leaf.read(&whole);
                        flat_v.push(match leaf.pass() {
                            // The Hessian-vector product takes every nalgebra
                            // direction by reference.
                            Pass::Copied if leaf.is_matrix() => quote!(&#read),
                            Pass::Copied => read,
                            Pass::Slice => quote!(#read.as_slice()),
                            Pass::Borrowed => quote!(&#read),
                        });
                    }
                }
                Part::Plain(p) => {
                    v_types.push(match &p.shape {
                        Shape::Scalar => quote!(#float),
                        Shape::Dynamic => quote!(&[#float]),
                        Shape::Fixed(n) => quote!([#float; #n]),
                        Shape::Matrix(m) => {
                            let owned = &m.owned;
                            quote!(&#owned)
                        }
                    });
                    flat_v.push(whole);
                }
            }
        }
        let v_type = if single { v_types.remove(0) } else { quote!((#(#v_types,)*)) };
        let flat_v = self.pack(&flat_v);
        let entries = self.gradient_names();
        let packed = self.pack(&entries);
        let (value, ty) = self.unpack(&entries);
        let args = self.flat_args();
        let original = &self.function.sig.ident;
        let doc = format!(
            " The Hessian of [`{original}`] with respect to {} times `{v}` (shaped like the gradient), without forming the Hessian.",
            self.wrt_text()
        );
        self.shell(&name, &doc, quote!(#v: #v_type), ty, quote!(let #packed = #flat(#(#args,)* #flat_v); #value))
    }
}

/// The name a wrapper gives the argument `_` at position `k`.
fn unnamed(k: usize) -> Ident {
    format_ident!("__matdiff_arg{}", k)
}

/// `+=` and the other compound assignments.
fn is_assign_op(op: &syn::BinOp) -> bool {
    matches!(
        op,
        syn::BinOp::AddAssign(_)
            | syn::BinOp::SubAssign(_)
            | syn::BinOp::MulAssign(_)
            | syn::BinOp::DivAssign(_)
            | syn::BinOp::RemAssign(_)
            | syn::BinOp::BitXorAssign(_)
            | syn::BinOp::BitAndAssign(_)
            | syn::BinOp::BitOrAssign(_)
            | syn::BinOp::ShlAssign(_)
            | syn::BinOp::ShrAssign(_)
    )
}
