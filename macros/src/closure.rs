//! Differentiates the closures of elementwise maps after lowering.
//!
//! Lowering records the closure of every `x.map(|v| ..)` of a nalgebra
//! value ([`MapClosure`]) and binds it, and leaves empty the `let`s of the
//! closures of its first and second derivatives, which the map's rules
//! take. This pass runs the pipeline on each closure body as a function of
//! one float (lower, activity, reverse, emit for f', tangent and emit for
//! f'') and writes the two closures into those `let`s.

use std::collections::{HashMap, HashSet};

use proc_macro2::TokenStream;
use quote::quote;

use crate::emit::Emitter;
use crate::errors::Errors;
use crate::ir::{Block, Dst, Expr, Header, Stmt, Var};
use crate::lower::{self, Lowered, MapClosure};
use crate::options::Options;
use crate::prune::prune;
use crate::reverse::{self, Seed};
use crate::{activity, tangent};
use crate::{naming, signature};

/// Fills in the derivatives of every map that `lowered` recorded (and
/// empties [`Lowered::maps`]); reports the errors of all of them.
pub fn differentiate_maps(lowered: &mut Lowered) -> syn::Result<()> {
    let maps = std::mem::take(&mut lowered.maps);
    let mut errors = Errors::default();
    let mut closures = HashMap::new();
    let mut without_value = HashSet::new();
    for map in &maps {
        match derivatives(map) {
            Ok((first, second, reads_value)) => {
                closures.insert(map.first, first);
                closures.insert(map.second, second);
                if !reads_value {
                    without_value.insert(map.first);
                }
            }
            Err(e) => errors.add(e),
        }
    }
    errors.finish()?;
    fill(&mut lowered.body, &closures, &without_value);
    Ok(())
}

/// The closures `|v: F, y: F| f'(v)` and `|v: F, y: F| f''(v)` of one
/// map, where `y = f(v)`, and whether either reads `y`.
fn derivatives(map: &MapClosure) -> syn::Result<(TokenStream, TokenStream, bool)> {
    let f = map.float.ident();
    let param = &map.param;
    let body = &map.closure.body;
    let signature: syn::Signature = syn::parse_quote!(fn __matdiff_element(#param: #f) -> #f);
    let block: syn::Block = syn::parse_quote!({ #body });
    let sig = signature::analyze(&signature, &Options::default())?;
    let mut lowered = lower::lower_inside(&sig, &block, &map.reserved)?;
    // The maps inside the closure's own body.
    differentiate_maps(&mut lowered)?;
    let input = lowered.params[0];
    let items = &lowered.items;

    // f'(v): the gradient program, reading the element of the map's value
    // where the body computes it.
    let mut vars = lowered.vars.clone();
    let active = activity::active(&vars, &lowered.body);
    let gradient = reverse::reverse(&mut vars, &lowered.body, &active, Seed::One(f.clone()), &[input]);
    let y = naming::element_value();
    let result = lowered.result();
    let mut first_stmts = gradient.stmts.clone();
    bind_value(&mut first_stmts, result, &y);
    let first_stmts = prune(first_stmts, gradient.adjoints.iter().flatten().copied());
    let e = Emitter::new(&vars, quote!(#f), &first_stmts);
    let stmts = e.stmts(&first_stmts);
    let slope = match gradient.adjoints[0] {
        Some(a) => {
            let a = e.ident(a);
            quote!(#a)
        }
        None => quote!(0.0),
    };
    let v = e.ident(input).clone();
    let first = quote!(|#v: #f, #y: #f| -> #f { #(#items)* #stmts #slope });

    // f''(v): the tangent of that program along v.
    let mut dots = HashMap::new();
    let v_dot = vars.derived(input, crate::naming::DOT);
    dots.insert(input, v_dot);
    let mut second_stmts = tangent::tangent(&mut vars, &gradient.stmts, &mut dots);
    bind_value(&mut second_stmts, result, &y);
    let second_stmts = prune(second_stmts, gradient.adjoints.iter().flatten().filter_map(|a| dots.get(a).copied()));
    let e = Emitter::new(&vars, quote!(#f), &second_stmts);
    let stmts = e.stmts(&second_stmts);
    let curvature = match gradient.adjoints[0].and_then(|a| dots.get(&a)) {
        Some(d) => {
            let d = e.ident(*d);
            quote!(#d)
        }
        None => quote!(0.0),
    };
    let v_dot = e.ident(v_dot);
    let second = quote!(|#v: #f, #y: #f| -> #f { #(#items)* let #v_dot: #f = 1.0; #stmts #curvature });
    let reads_value = binds_value(&first_stmts, &y) || binds_value(&second_stmts, &y);
    Ok((first, second, reads_value))
}

/// Whether [`bind_value`] bound a statement of `stmts` to `y` and pruning
/// kept it: then the closure reads the element of the map's value.
fn binds_value(stmts: &[Stmt], y: &proc_macro2::Ident) -> bool {
    let y = y.to_string();
    stmts
        .iter()
        .any(|stmt| matches!(stmt, Stmt::Let { expr: Expr::Opaque { tokens, .. }, .. } if tokens.to_string() == y))
}

/// Binds the closure's result to the parameter `y`, the element of the map's
/// value, where a statement at the top of `stmts` computes it: the rules
/// that read it (`tanh' = 1 - y^2`) then take it from there, and pruning
/// drops what only computed it. A result computed in a branch or loop is
/// left alone, and `y` goes unread.
fn bind_value(stmts: &mut [Stmt], result: Var, y: &proc_macro2::Ident) {
    for stmt in stmts {
        if let Stmt::Let { dst: Dst::Var(v), expr, .. } = stmt {
            if *v == result {
                *expr = Expr::Opaque { tokens: quote!(#y), uses: Vec::new() };
                return;
            }
        }
    }
}

/// Writes `closures` into the `let`s of their values, wherever they are in
/// `block` (in the arms of a branch, the body or condition of a loop), and
/// gives the maps whose first derivative is in `without_value` the row
/// whose rules do not read the map's value.
fn fill(block: &mut Block, closures: &HashMap<Var, TokenStream>, without_value: &HashSet<Var>) {
    for stmt in &mut block.stmts {
        match stmt {
            Stmt::Let { dst: Dst::Var(v), expr: Expr::Opaque { tokens, .. }, .. } => {
                if let Some(closure) = closures.get(v) {
                    *tokens = closure.clone();
                }
            }
            Stmt::Let { expr: Expr::Prim { prim, args, .. }, .. }
                if std::ptr::eq(*prim, matdiff_table::matrix_map())
                    && args.get(2).is_some_and(|d| without_value.contains(d)) =>
            {
                *prim = matdiff_table::matrix_map_without_value();
            }
            Stmt::If { then_blk, else_blk, .. } => {
                fill(then_blk, closures, without_value);
                fill(else_blk, closures, without_value);
            }
            Stmt::Loop(l) => {
                if let Header::While { cond } = &mut l.header {
                    fill(cond, closures, without_value);
                }
                fill(&mut l.body, closures, without_value);
            }
            _ => {}
        }
    }
}
