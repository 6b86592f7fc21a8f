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
    let name = &input.ident;
    let syn::Data::Struct(data) = &input.data else {
        return Err(syn::Error::new(name.span(), errors::struct_not_a_struct()));
    };
    if let Some(param) = input.generics.params.first() {
        return Err(syn::Error::new(param.span(), errors::struct_generic(name)));
    }
    let syn::Fields::Named(fields) = &data.fields else {
        return Err(syn::Error::new(name.span(), errors::struct_not_a_struct()));
    };
    let mut errors = Errors::default();
    let mut carried = TokenStream::new();
    let mut float: Option<Float> = None;
    let mut differentiated = 0;
    for field in &fields.named {
        let Some(ident) = &field.ident else { continue };
        let constant = match constant_attribute(&field.attrs) {
            Ok(constant) => constant,
            Err(e) => {
                errors.add(e);
                continue;
            }
        };
        if constant {
            carried.extend(quote!(const #ident;));
            continue;
        }
        match field_type(&field.ty) {
            Ok((field_float, ty)) => {
                if let Some(first) = &float
                    && *first != field_float
                {
                    errors.add(syn::Error::new_spanned(&field.ty, errors::struct_mixed_floats(ident, &first.ident())));
                }
                float.get_or_insert(field_float);
                differentiated += 1;
                carried.extend(quote!(#ident: #ty;));
            }
            Err(e) => errors.add(e),
        }
    }
    if differentiated == 0 && errors.is_empty() {
        errors.push(name.span(), errors::struct_no_field(name));
    }
    errors.finish()?;
    let bare = name.to_string();
    let hidden = format_ident!("__matdiff_struct_{}", bare.trim_start_matches("r#"), span = Span::call_site());
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
    })
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
    /// `None` for a `#[matdiff(constant)]` field.
    ty: Option<syn::Type>,
}

/// How a differentiated field reaches the flat function.
#[derive(Clone, Copy, PartialEq)]
enum Pass {
    /// By value: floats, arrays, static nalgebra types (all `Copy`).
    Copied,
    /// `&[F]`, from a `Vec`.
    Slice,
    /// By reference: `DVector`, `DMatrix`, `RowDVector`.
    Borrowed,
}

impl Field {
    fn pass(&self) -> Pass {
        match self.ty.as_ref().and_then(signature::shape_of) {
            Some((_, Shape::Dynamic)) => Pass::Slice,
            Some((_, Shape::Matrix(m))) if m.len.is_none() => Pass::Borrowed,
            _ => Pass::Copied,
        }
    }
}

struct Fields(Vec<Field>);

impl Parse for Fields {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut fields = Vec::new();
        while !input.is_empty() {
            if input.peek(syn::Token![const]) {
                input.parse::<syn::Token![const]>()?;
                let ident: Ident = input.parse()?;
                fields.push(Field { ident, ty: None });
            } else {
                let ident: Ident = input.parse()?;
                input.parse::<syn::Token![:]>()?;
                let ty: syn::Type = input.parse()?;
                fields.push(Field { ident, ty: Some(ty) });
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
        let known = self.known.iter().map(|(param, fields)| {
            let fields = fields.iter().map(|f| {
                let ident = &f.ident;
                match &f.ty {
                    Some(ty) => quote!(#ident: #ty;),
                    None => quote!(const #ident;),
                }
            });
            quote!(#param { #(#fields)* })
        });
        quote!((#args) { #function } [#next] [#(#known)*])
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

/// The input of [`callback`].
struct Callback {
    state: State,
    param: Ident,
    fields: Vec<Field>,
}

impl Parse for Callback {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let args;
        syn::parenthesized!(args in input);
        let args: TokenStream = args.parse()?;
        let function;
        syn::braced!(function in input);
        let function: syn::ItemFn = function.parse()?;
        let param;
        syn::bracketed!(param in input);
        let param: Ident = param.parse()?;
        let known_input;
        syn::bracketed!(known_input in input);
        let mut known = Vec::new();
        while !known_input.is_empty() {
            let name: Ident = known_input.parse()?;
            let fields;
            syn::braced!(fields in known_input);
            known.push((name, fields.parse::<Fields>()?.0));
        }
        let fields;
        syn::braced!(fields in input);
        let fields = fields.parse::<Fields>()?.0;
        Ok(Callback { state: State { args, function, known }, param, fields })
    }
}

/// The struct macro's expansion: the next struct parameter's macro, or the
/// derivatives once every struct parameter's fields are known.
pub fn callback(input: TokenStream) -> TokenStream {
    let Callback { mut state, param, fields } = match syn::parse2(input) {
        Ok(callback) => callback,
        Err(error) => return error.to_compile_error(),
    };
    state.known.push((param, fields));
    let result = options::parse(state.args.clone()).and_then(|options| {
        let wrt = options.wrt.clone().unwrap_or_default();
        match next_struct(&state.function, &wrt, &state.known)? {
            Some((param, path)) => Ok(call_macro(path, state.tokens(&param))),
            None => flatten(&state, &options),
        }
    });
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
    /// The flat parameter of each differentiated field, in field order.
    flat: Vec<(Field, Ident)>,
}

impl StructParam {
    fn field(&self, name: &Ident) -> Option<&(Field, Ident)> {
        self.flat.iter().find(|(f, _)| f.ident == *name)
    }

    fn is_constant(&self, name: &Ident) -> bool {
        self.fields.iter().any(|f| f.ident == *name && f.ty.is_none())
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
        let field_float =
            fields.iter().filter_map(|f| f.ty.as_ref().and_then(signature::shape_of)).map(|(f, _)| f.ident()).next();
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
        for field in fields.iter().filter(|f| f.ty.is_some()) {
            let flat_name = fresh(&taken, &format!("{}_{}", ident, field.ident), ident.span());
            let ty = field.ty.as_ref().map(|ty| match field.pass() {
                Pass::Copied => quote!(#ty),
                Pass::Slice => {
                    let elem = signature::shape_of(ty).map(|(f, _)| f.ident());
                    quote!(&[#elem])
                }
                Pass::Borrowed => quote!(&#ty),
            });
            let mutability = pat.mutability;
            flat_inputs.push(quote!(#mutability #flat_name: #ty));
            flat.push((field.clone(), flat_name));
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
        if path.qself.is_some() {
            return None;
        }
        self.structs.iter().find(|s| s.ident == *ident)
    }

    /// The flat parameter a field read `p.w` stands for.
    fn field(&self, expr: &syn::Expr) -> Option<(Ident, Pass)> {
        let syn::Expr::Field(field) = expr else { return None };
        let syn::Member::Named(member) = &field.member else { return None };
        let s = self.struct_named(&field.base)?;
        let (f, flat) = s.field(member)?;
        Some((Ident::new(&flat.to_string(), member.span()), f.pass()))
    }

    /// Whether `expr` reads a constant field (`p.c`), which stays as it is.
    fn constant_field(&self, expr: &syn::Expr) -> bool {
        let syn::Expr::Field(field) = expr else { return false };
        let syn::Member::Named(member) = &field.member else { return false };
        self.struct_named(&field.base).is_some_and(|s| s.is_constant(member))
    }

    fn whole_use(&mut self, s_ident: &Ident, span: Span) {
        if self.shadowed.contains(&s_ident.to_string()) {
            return;
        }
        let Some(s) = self.structs.iter().find(|s| s.ident == *s_ident) else { return };
        let fields: Vec<String> = s.flat.iter().map(|(f, _)| format!("`{}.{}`", s.ident, f.ident)).collect();
        self.errors.push(span, errors::struct_whole_use(&s.ident, &fields.join(", ")));
    }

    /// The same rewriting inside a macro's tokens (`vec![p.b; n]`), which
    /// are not parsed as expressions.
    fn tokens(&mut self, tokens: TokenStream) -> TokenStream {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < trees.len() {
            if let TokenTree::Group(g) = &trees[i] {
                let mut group = Group::new(g.delimiter(), self.tokens(g.stream()));
                group.set_span(g.span());
                out.push(TokenTree::Group(group));
                i += 1;
                continue;
            }
            let TokenTree::Ident(ident) = &trees[i] else {
                out.push(trees[i].clone());
                i += 1;
                continue;
            };
            let Some(s) = self.structs.iter().find(|s| s.ident == *ident) else {
                out.push(trees[i].clone());
                i += 1;
                continue;
            };
            let dot = matches!(trees.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '.');
            let member = match trees.get(i + 2) {
                Some(TokenTree::Ident(m)) if dot => Some(m.clone()),
                _ => None,
            };
            match member {
                Some(m) if s.field(&m).is_some() => {
                    if let Some((f, flat)) = s.field(&m) {
                        let borrowed = matches!(out.last(), Some(TokenTree::Punct(p)) if p.as_char() == '&');
                        if borrowed && f.pass() != Pass::Copied {
                            out.pop();
                        }
                        out.push(TokenTree::Ident(Ident::new(&flat.to_string(), m.span())));
                    }
                    i += 3;
                }
                Some(m) if s.is_constant(&m) => {
                    out.extend(trees[i..i + 3].iter().cloned());
                    i += 3;
                }
                _ => {
                    let ident = ident.clone();
                    self.whole_use(&ident, ident.span());
                    out.push(trees[i].clone());
                    i += 1;
                }
            }
        }
        out.into_iter().collect()
    }
}

impl VisitMut for Rewrite<'_> {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        if let syn::Expr::Reference(r) = expr
            && r.mutability.is_none()
            && let Some((flat, pass)) = self.field(&r.expr)
            && pass != Pass::Copied
        {
            *expr = syn::parse_quote!(#flat);
            return;
        }
        if let Some((flat, _)) = self.field(expr) {
            *expr = syn::parse_quote!(#flat);
            return;
        }
        if self.constant_field(expr) {
            return;
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
                    for (field, _) in &s.flat {
                        let f = &field.ident;
                        args.push(match field.pass() {
                            Pass::Copied => quote!(#ident.#f),
                            Pass::Slice | Pass::Borrowed => quote!(&#ident.#f),
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
                    let fields = s.fields.iter().map(|f| {
                        let name = &f.ident;
                        match &f.ty {
                            Some(_) => {
                                let entry = next.next();
                                quote!(#name: #entry)
                            }
                            None => quote!(#name: ::core::clone::Clone::clone(&#ident.#name)),
                        }
                    });
                    values.push(quote!(#path { #(#fields),* }));
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
                    for (field, _) in &s.flat {
                        let f = &field.ident;
                        let matrix =
                            matches!(field.ty.as_ref().and_then(signature::shape_of), Some((_, Shape::Matrix(_))));
                        flat_v.push(match field.pass() {
                            // The Hessian-vector product takes every nalgebra
                            // direction by reference.
                            Pass::Copied if matrix => quote!(&#whole.#f),
                            Pass::Copied => quote!(#whole.#f),
                            Pass::Slice => quote!(#whole.#f.as_slice()),
                            Pass::Borrowed => quote!(&#whole.#f),
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
