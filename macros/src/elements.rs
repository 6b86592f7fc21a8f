//! Element Hessians: the banded Hessian of a function of one array as the sum, over the iterations of its loops, of each iteration's small Hessian in the elements it reads.
//!
//! When [`crate::band`] finds a band, every second derivative of the
//! function is made inside one iteration of a `for` loop, between elements
//! read at constant offsets `c1 .. ck` of the index, and every value that
//! outlives an iteration (an accumulator, a sum before the loop) meets only
//! constants: the function is partially separable, f = g + sum_i
//! f_i(x[i + c1], .., x[i + ck]) with g linear in what the iterations add
//! up. So H = sum_i (the k x k Hessian of iteration i, weighted by the
//! cotangent of what it adds to), and nothing outside the loops adds to it.
//!
//! The program this pass builds is the gradient program, first order
//! everywhere (which gives each iteration's cotangents, scaled accumulators
//! and branches after the loop included), except inside the reverse sweep of
//! each loop: there the tangent pass runs on the body alone, with the
//! element `x[i + c_a]` seeded in local direction `a` (a constant, which
//! the optimiser folds into the body's second-order code) and every value
//! from outside the iteration held constant. The tangent of the update of
//! `x_bar[i + c]` is then row `i + c` of the iteration's Hessian in the
//! columns `i + c_a`; its lower triangle is added into a buffer of the
//! band's columns of `b + 1` entries (`matdiff_core::arrays::fill_band_columns`).
//! A loop whose iterations are then independent runs up its index as one
//! pass per column offset ([`forward_passes`]), each writing one column per
//! iteration, which vectorises; another keeps the reverse sweep, its
//! columns in registers by the `gather` pass. Where the structure is not provably this (a loop reads the array
//! at an index that is not the loop's plus a constant, or in a branch only,
//! calls a function, keeps a tape, or the cotangent of the array is read),
//! [`element_program`] gives `None` and the caller keeps the sweep of
//! `2b + 1` directions through the whole forward-over-reverse body.

use std::collections::{BTreeSet, HashMap};

use proc_macro2::{Span, TokenStream};
use quote::quote;

use crate::band::Band;
use crate::ir::{Adapter, Block, Cond, Dst, Expr, Header, Loop, RangeSpec, Stmt, Var, Vars};
use crate::naming::DOT;
use crate::offsets::{Integer, integer_value};
use crate::reverse::Gradient;
use crate::tangent;

/// The program of the element Hessians.
pub struct ElementProgram {
    pub stmts: Vec<Stmt>,
    /// The band's columns (a buffer of `[F; b + 1]`, entry `d` of column
    /// `c` holding `H[c + d][c]`), declared by the program's first statement
    /// for the caller to provide.
    pub columns: Var,
    /// How many local directions the widest loop seeds: the tangents'
    /// type is `[F; directions]`.
    pub directions: usize,
}

/// The element-Hessian program of `gradient` (the gradient program of a
/// function of the one array `array`, whose cotangent buffer is `array_bar`
/// and whose Hessian has the band `band`), or `None` where its structure is
/// not the one this pass proves right.
pub fn element_program(
    vars: &mut Vars,
    gradient: &Gradient,
    array: Var,
    array_bar: Var,
    band: Band,
    float: &TokenStream,
) -> Option<ElementProgram> {
    let (forward, backward) = gradient.stmts.split_at(gradient.forward);
    let mentions = |stmt: &Stmt| {
        let uses = Block { stmts: vec![stmt.clone()], yields: Vec::new() }.all_uses();
        uses.contains(&array) || uses.contains(&array_bar)
    };
    // The reverse sweeps that read the array or add to its cotangent, with
    // the offsets each reads at in every iteration.
    let mut loops = Vec::new();
    for (n, stmt) in backward.iter().enumerate() {
        match stmt {
            Stmt::Loop(l) if mentions(stmt) => loops.push((n, element_offsets(l, array, array_bar, vars)?)),
            Stmt::If { then_blk, else_blk, .. }
                if (has_loop(&then_blk.stmts) || has_loop(&else_blk.stmts)) && mentions(stmt) =>
            {
                return None;
            }
            _ => {}
        }
    }
    let directions = loops.iter().map(|(_, offsets)| offsets.slots.len()).max().unwrap_or(0).max(1);
    let columns = vars.fresh("columns", Span::call_site(), true);
    {
        let data = vars.get_mut(columns);
        data.array = true;
        data.place = true;
    }
    let mut stmts =
        vec![Stmt::Let { dst: Dst::Var(columns), ty: None, expr: Expr::ZeroLike(array), span: Span::call_site() }];
    stmts.extend(forward.iter().cloned());
    let mut backward = backward.to_vec();
    let mut context = Context { vars, array, array_bar, columns, band, float, directions };
    for (n, offsets) in loops {
        let Stmt::Loop(l) = &mut backward[n] else { return None };
        context.element_loop(l, &offsets)?;
    }
    stmts.extend(backward);
    // The gradient itself is not wanted: its updates go, and so must every
    // read of it (none is expected in a gradient program).
    let mut stmts = without_updates(stmts, array_bar);
    stmts.retain(|stmt| !matches!(stmt, Stmt::Let { dst: Dst::Var(v), .. } if *v == array_bar));
    let block = Block { stmts, yields: Vec::new() };
    if block.all_uses().contains(&array_bar) {
        return None;
    }
    Some(ElementProgram { stmts: block.stmts, columns, directions })
}

/// The offsets at which a reverse loop reads the array in every iteration.
struct Offsets {
    /// Local direction `a` seeds `x[i + slots[a]]`.
    slots: Vec<i64>,
    /// What is known of the body's integer values.
    integers: HashMap<Var, Integer>,
}

/// The offsets of an eligible loop: a `for` loop without `break` or step
/// whose body holds no loop, call, tape or write but updates of the
/// array's cotangent, reads the array only at constant offsets of its
/// index, each of them at the top of the body too (so in every iteration:
/// the columns it adds to exist), and reads the cotangent nowhere.
fn element_offsets(l: &Loop, array: Var, array_bar: Var, vars: &Vars) -> Option<Offsets> {
    let Header::For { index, range } = &l.header else { return None };
    if l.breaks || range.adapters.iter().any(|a| matches!(a, Adapter::StepBy(_))) || !l.windows.is_empty() {
        return None;
    }
    let mut integers = HashMap::from([(*index, Integer::Offset(0))]);
    let mut top = BTreeSet::new();
    let mut anywhere = BTreeSet::new();
    for stmt in &l.body.stmts {
        check(stmt, array, array_bar, vars, &mut integers, &mut anywhere)?;
        if let Stmt::Let { expr: Expr::Read { array: a, index }, .. } = stmt {
            if *a == array {
                if let Some(Integer::Offset(offset)) = integers.get(index) {
                    top.insert(*offset);
                }
            }
        }
    }
    if !anywhere.is_subset(&top) {
        return None;
    }
    Some(Offsets { slots: top.into_iter().collect(), integers })
}

/// Whether `stmt` is one an element loop may hold; records the integer
/// values it binds and the offsets at which it reads the array.
fn check(
    stmt: &Stmt,
    array: Var,
    array_bar: Var,
    vars: &Vars,
    integers: &mut HashMap<Var, Integer>,
    reads: &mut BTreeSet<i64>,
) -> Option<()> {
    let offset = |integers: &HashMap<Var, Integer>, index: &Var| match integers.get(index) {
        Some(Integer::Offset(offset)) => Some(*offset),
        _ => None,
    };
    match stmt {
        Stmt::Let { dst, expr, .. } => {
            match expr {
                Expr::Call { .. }
                | Expr::Tape { .. }
                | Expr::Pop { .. }
                | Expr::NewTape { .. }
                | Expr::Take { .. }
                | Expr::NewArray(_)
                | Expr::SumAll { .. } => return None,
                Expr::Read { array: a, index } if *a == array => {
                    reads.insert(offset(integers, index)?);
                }
                _ => {}
            }
            let mut uses = Vec::new();
            expr.uses(&mut uses);
            if uses.contains(&array_bar) {
                return None;
            }
            if let Dst::Var(v) = dst {
                if let Some(integer) = integer_value(expr, integers, vars) {
                    integers.insert(*v, integer);
                }
            }
        }
        Stmt::If { cond: Cond::Bool(_), then_blk, else_blk, .. } => {
            for arm in [then_blk, else_blk] {
                if arm.yields.contains(&array_bar) {
                    return None;
                }
                for stmt in &arm.stmts {
                    check(stmt, array, array_bar, vars, integers, reads)?;
                }
            }
        }
        Stmt::AddAt { buffer, index, value } if *buffer == array_bar => {
            offset(integers, index)?;
            if *value == array_bar {
                return None;
            }
        }
        Stmt::AddAt { buffer, value, .. } => {
            if *buffer == array || *value == array_bar {
                return None;
            }
        }
        Stmt::Effect { uses, .. } if !uses.contains(&array_bar) => {}
        _ => return None,
    }
    Some(())
}

struct Context<'a> {
    vars: &'a mut Vars,
    array: Var,
    array_bar: Var,
    columns: Var,
    band: Band,
    float: &'a TokenStream,
    directions: usize,
}

impl Context<'_> {
    /// The body of `l` with the tangents of its iteration's Hessian, added
    /// into the columns.
    fn element_loop(&mut self, l: &mut Loop, offsets: &Offsets) -> Option<()> {
        let Header::For { index, .. } = &l.header else { return None };
        let index = *index;
        let array_dot = self.vars.derived_like(self.array, DOT);
        let bar_dot = self.vars.derived_like(self.array_bar, DOT);
        let mut dots = HashMap::from([(self.array, array_dot), (self.array_bar, bar_dot)]);
        let stmts = tangent::tangent(self.vars, &l.body.stmts, &mut dots);
        let mut integers = offsets.integers.clone();
        let stmts = self.rewrite(stmts, index, offsets, &mut integers, array_dot, bar_dot)?;
        let body = Block { stmts, yields: l.body.yields.clone() };
        let uses = body.all_uses();
        if uses.contains(&array_dot) || uses.contains(&bar_dot) {
            return None;
        }
        l.body = body;
        Some(())
    }

    /// Seeds the reads of the array's tangent and turns the updates of its
    /// cotangent's tangent into updates of the columns.
    fn rewrite(
        &mut self,
        stmts: Vec<Stmt>,
        index: Var,
        offsets: &Offsets,
        integers: &mut HashMap<Var, Integer>,
        array_dot: Var,
        bar_dot: Var,
    ) -> Option<Vec<Stmt>> {
        let mut out = Vec::with_capacity(stmts.len());
        for stmt in stmts {
            match stmt {
                Stmt::Let { dst: Dst::Var(v), expr: Expr::Read { array, index: at }, span, .. }
                    if array == array_dot =>
                {
                    let Some(Integer::Offset(offset)) = integers.get(&at) else { return None };
                    let slot = offsets.slots.iter().position(|s| s == offset)?;
                    let (float, width) = (self.float, proc_macro2::Literal::usize_unsuffixed(self.directions));
                    let slot = proc_macro2::Literal::usize_unsuffixed(slot);
                    out.push(Stmt::Let {
                        dst: Dst::Var(v),
                        ty: None,
                        expr: Expr::Opaque {
                            tokens: quote!(::matdiff::__private::unit::<#float, [#float; #width]>(#slot)),
                            uses: Vec::new(),
                        },
                        span,
                    });
                }
                Stmt::AddAt { buffer, index: at, value } if buffer == bar_dot => {
                    let Some(Integer::Offset(row)) = integers.get(&at).copied() else { return None };
                    self.add_row(row, value, index, offsets, integers, &mut out);
                }
                Stmt::If { cond, then_blk, else_blk, outs, span } => {
                    let then_stmts = self.rewrite(then_blk.stmts, index, offsets, integers, array_dot, bar_dot)?;
                    let else_stmts = self.rewrite(else_blk.stmts, index, offsets, integers, array_dot, bar_dot)?;
                    out.push(Stmt::If {
                        cond,
                        then_blk: Block { stmts: then_stmts, yields: then_blk.yields },
                        else_blk: Block { stmts: else_stmts, yields: else_blk.yields },
                        outs,
                        span,
                    });
                }
                Stmt::Let { dst, ty, expr, span } => {
                    if let Dst::Var(v) = &dst {
                        if let Some(integer) = integer_value(&expr, integers, self.vars) {
                            integers.insert(*v, integer);
                        }
                    }
                    out.push(Stmt::Let { dst, ty, expr, span });
                }
                other => out.push(other),
            }
        }
        Some(out)
    }

    /// `x_bar_dot[i + row] += value`: entry `a` of `value` is `H[i + row][i
    /// + slots[a]]`; those on and below the diagonal and within the band go
    /// to entry `row - slots[a]` of column `i + slots[a]`.
    fn add_row(
        &mut self,
        row: i64,
        value: Var,
        index: Var,
        offsets: &Offsets,
        integers: &mut HashMap<Var, Integer>,
        out: &mut Vec<Stmt>,
    ) {
        let float = self.float;
        let width = proc_macro2::Literal::usize_unsuffixed(self.band.bandwidth + 1);
        let directions = proc_macro2::Literal::usize_unsuffixed(self.directions);
        let index_ident = self.vars.ident(index).clone();
        let value_ident = self.vars.ident(value).clone();
        for (slot, &column) in offsets.slots.iter().enumerate() {
            let Ok(below) = usize::try_from(row - column) else { continue };
            if below > self.band.bandwidth {
                continue;
            }
            let at = self.vars.fresh("column", Span::call_site(), false);
            let shift = proc_macro2::Literal::usize_unsuffixed(column.unsigned_abs() as usize);
            let tokens = match column {
                0 => quote!(#index_ident),
                c if c > 0 => quote!(#index_ident + #shift),
                _ => quote!(#index_ident - #shift),
            };
            out.push(Stmt::Let {
                dst: Dst::Var(at),
                ty: None,
                expr: Expr::Opaque { tokens, uses: vec![index] },
                span: Span::call_site(),
            });
            integers.insert(at, Integer::Offset(column));
            let lane = self.vars.fresh("lane", Span::call_site(), true);
            let (slot, below) =
                (proc_macro2::Literal::usize_unsuffixed(slot), proc_macro2::Literal::usize_unsuffixed(below));
            out.push(Stmt::Let {
                dst: Dst::Var(lane),
                ty: None,
                expr: Expr::Opaque {
                    tokens: quote!(::matdiff::__private::band_lane::<#float, #width, #directions>(&#value_ident, #slot, #below)),
                    uses: vec![value],
                },
                span: Span::call_site(),
            });
            out.push(Stmt::AddAt { buffer: self.columns, index: at, value: lane });
        }
    }
}

/// `stmts` (an element program, simplified) with each element loop whose
/// iterations are independent split into loops that run up their index,
/// one per column offset they add to.
///
/// The reverse sweep runs its index down because it carries cotangents
/// from one iteration to the one before; one that carries nothing that
/// changes (the cotangent of an accumulator that meets only constants is
/// the same in every iteration) and writes nothing but the columns may run
/// in any order. Each loop of the split keeps the updates of one column
/// `i + c` only (simplifying again drops the part of the body it does not
/// need): an iteration then writes one column that no other iteration of
/// that loop writes, with no store for the next one to wait on (`gather`
/// keeps it in a window of one entry), and the loop vectorises, as the
/// passes of a hand-written Hessian do.
pub fn forward_passes(stmts: Vec<Stmt>, columns: Var, vars: &Vars) -> Vec<Stmt> {
    let mut out = Vec::with_capacity(stmts.len());
    for stmt in stmts {
        match stmt {
            Stmt::Loop(l) => match split(&l, columns, vars) {
                Some(passes) => out.extend(passes.into_iter().map(|pass| Stmt::Loop(Box::new(pass)))),
                None => out.push(Stmt::Loop(l)),
            },
            other => out.push(other),
        }
    }
    out
}

/// The passes of the element loop `l`, or `None` where its iterations are
/// not independent.
fn split(l: &Loop, columns: Var, vars: &Vars) -> Option<Vec<Loop>> {
    let Header::For { index, range } = &l.header else { return None };
    if l.breaks || l.counter.is_some() || !l.windows.is_empty() || !matches!(range.adapters[..], [Adapter::Rev]) {
        return None;
    }
    let unchanged = l.carried.iter().enumerate().all(|(k, (phi, _))| l.body.yields.get(k) == Some(phi));
    if !unchanged || !independent(&l.body.stmts, columns) {
        return None;
    }
    let mut integers = HashMap::from([(*index, Integer::Offset(0))]);
    let mut targets = Vec::new();
    column_targets(&l.body.stmts, columns, vars, &mut integers, &mut targets)?;
    let offsets: BTreeSet<i64> = targets.iter().map(|&(_, offset)| offset).collect();
    if offsets.is_empty() {
        return None;
    }
    let range = RangeSpec { adapters: Vec::new(), ..range.clone() };
    let passes = offsets
        .into_iter()
        .map(|offset| {
            let kept: Vec<Var> = targets.iter().filter(|&&(_, c)| c == offset).map(|&(at, _)| at).collect();
            let mut pass = l.clone();
            pass.header = Header::For { index: *index, range: range.clone() };
            pass.body.stmts = only_updates_at(std::mem::take(&mut pass.body.stmts), columns, &kept);
            pass
        })
        .collect();
    Some(passes)
}

/// The index values of the updates of `columns` in `stmts`, with their
/// offsets from the loop's index; `None` if one has no constant offset.
fn column_targets(
    stmts: &[Stmt],
    columns: Var,
    vars: &Vars,
    integers: &mut HashMap<Var, Integer>,
    targets: &mut Vec<(Var, i64)>,
) -> Option<()> {
    for stmt in stmts {
        match stmt {
            Stmt::Let { dst: Dst::Var(v), expr, .. } => {
                if let Some(integer) = integer_value(expr, integers, vars) {
                    integers.insert(*v, integer);
                }
            }
            Stmt::AddAt { buffer, index, .. } if *buffer == columns => {
                let Some(Integer::Offset(offset)) = integers.get(index) else { return None };
                targets.push((*index, *offset));
            }
            Stmt::If { then_blk, else_blk, .. } => {
                column_targets(&then_blk.stmts, columns, vars, integers, targets)?;
                column_targets(&else_blk.stmts, columns, vars, integers, targets)?;
            }
            _ => {}
        }
    }
    Some(())
}

/// Whether `stmts` write nothing but `columns` and hold no loop.
fn independent(stmts: &[Stmt], columns: Var) -> bool {
    stmts.iter().all(|stmt| match stmt {
        Stmt::Let { .. } => true,
        Stmt::AddAt { buffer, .. } => *buffer == columns,
        Stmt::If { then_blk, else_blk, .. } => {
            independent(&then_blk.stmts, columns) && independent(&else_blk.stmts, columns)
        }
        _ => false,
    })
}

/// `stmts` without the updates of `columns` at indices not in `kept`.
fn only_updates_at(stmts: Vec<Stmt>, columns: Var, kept: &[Var]) -> Vec<Stmt> {
    stmts
        .into_iter()
        .filter_map(|stmt| match stmt {
            Stmt::AddAt { buffer, index, .. } if buffer == columns && !kept.contains(&index) => None,
            Stmt::If { cond, then_blk, else_blk, outs, span } => Some(Stmt::If {
                cond,
                then_blk: Block { stmts: only_updates_at(then_blk.stmts, columns, kept), yields: then_blk.yields },
                else_blk: Block { stmts: only_updates_at(else_blk.stmts, columns, kept), yields: else_blk.yields },
                outs,
                span,
            }),
            other => Some(other),
        })
        .collect()
}

fn has_loop(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|stmt| match stmt {
        Stmt::Loop(_) => true,
        Stmt::If { then_blk, else_blk, .. } => has_loop(&then_blk.stmts) || has_loop(&else_blk.stmts),
        _ => false,
    })
}

/// `stmts` without the updates of `buffer`, in branches and loops too.
fn without_updates(stmts: Vec<Stmt>, buffer: Var) -> Vec<Stmt> {
    stmts
        .into_iter()
        .filter_map(|stmt| match stmt {
            Stmt::AddAt { buffer: b, .. } | Stmt::AddAll { buffer: b, .. } if b == buffer => None,
            Stmt::If { cond, then_blk, else_blk, outs, span } => Some(Stmt::If {
                cond,
                then_blk: Block { stmts: without_updates(then_blk.stmts, buffer), yields: then_blk.yields },
                else_blk: Block { stmts: without_updates(else_blk.stmts, buffer), yields: else_blk.yields },
                outs,
                span,
            }),
            Stmt::Loop(mut l) => {
                l.body.stmts = without_updates(std::mem::take(&mut l.body.stmts), buffer);
                Some(Stmt::Loop(l))
            }
            other => Some(other),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use proc_macro2::{Span, TokenStream};
    use quote::quote;

    use super::*;
    use crate::options::Options;
    use crate::reverse::Seed;

    /// Whether the element Hessians compute the Hessian of a function of
    /// one array whose band is known.
    fn applies(item: TokenStream) -> bool {
        let function: syn::ItemFn = syn::parse2(item).expect("a function");
        let sig = crate::signature::analyze(&function.sig, &Options::default()).expect("a signature");
        let lowered = crate::lower::lower(&sig, &function.block).expect("a body");
        let array = lowered.params[0];
        let band = crate::band::hessian_band(&lowered.body, array, &lowered.vars).expect("a band");
        let mut vars = lowered.vars.clone();
        let active = crate::activity::active(&vars, &lowered.body);
        let float = proc_macro2::Ident::new("f64", Span::call_site());
        let gradient = crate::reverse::reverse(&mut vars, &lowered.body, &active, Seed::One(float), &[array]);
        let Some(array_bar) = gradient.adjoints[0] else { return false };
        element_program(&mut vars, &gradient, array, array_bar, band, &quote!(f64)).is_some()
    }

    /// The loops of the element program of a function of one array after
    /// the split into forward passes: whether each runs up its index.
    fn passes(item: TokenStream) -> Vec<bool> {
        let function: syn::ItemFn = syn::parse2(item).expect("a function");
        let sig = crate::signature::analyze(&function.sig, &Options::default()).expect("a signature");
        let lowered = crate::lower::lower(&sig, &function.block).expect("a body");
        let array = lowered.params[0];
        let band = crate::band::hessian_band(&lowered.body, array, &lowered.vars).expect("a band");
        let mut vars = lowered.vars.clone();
        let active = crate::activity::active(&vars, &lowered.body);
        let float = proc_macro2::Ident::new("f64", Span::call_site());
        let gradient = crate::reverse::reverse(&mut vars, &lowered.body, &active, Seed::One(float), &[array]);
        let array_bar = gradient.adjoints[0].expect("a cotangent");
        let program = element_program(&mut vars, &gradient, array, array_bar, band, &quote!(f64)).expect("elements");
        let stmts = crate::simplify::simplify(program.stmts, &vars, [program.columns]);
        forward_passes(stmts, program.columns, &vars)
            .iter()
            .filter_map(|stmt| match stmt {
                Stmt::Loop(l) => match &l.header {
                    Header::For { range, .. } => Some(range.adapters.is_empty()),
                    _ => Some(false),
                },
                _ => None,
            })
            .collect()
    }

    #[test]
    fn independent_iterations_run_up_one_pass_per_column_offset() {
        // Rosenbrock adds to columns i and i + 1.
        let rosenbrock = quote! { fn f(x: &[f64]) -> f64 { let mut s = 0.0; for i in 0..x.len() - 1 { s += 100.0 * (x[i + 1] - x[i] * x[i]).powi(2) + (1.0 - x[i]).powi(2); } s } };
        assert_eq!(passes(rosenbrock), [true, true]);
        // The stencil to columns i - 1, i and i + 1; the diagonal loop to i.
        let stencil = quote! { fn f(x: &[f64]) -> f64 { let mut s = 0.0; for i in 1..x.len() - 1 { let d = x[i - 1] - 2.0 * x[i] + x[i + 1]; s += d * d; } for i in 0..x.len() { s += x[i].powi(4); } s } };
        assert_eq!(passes(stencil), [true, true, true, true]);
    }

    #[test]
    fn separable_loops_get_element_hessians() {
        let cases = [
            quote! { fn f(x: &[f64]) -> f64 { let mut s = 0.0; for i in 0..x.len() - 1 { s += 100.0 * (x[i + 1] - x[i] * x[i]).powi(2) + (1.0 - x[i]).powi(2); } s } },
            // Offsets on both sides, a local, two accumulators.
            quote! { fn f(x: &[f64]) -> f64 { let mut s = 0.0; let mut t = 0.0; for i in 1..x.len() - 1 { let d = x[i - 1] - 2.0 * x[i] + x[i + 1]; s += d * d; t -= x[i].cos(); } s + 2.0 * t } },
            // A scale and a branch on the input after the loop, a linear
            // sum before it.
            quote! { fn f(x: &[f64]) -> f64 { let total: f64 = x.iter().sum(); let mut s = 0.0; for i in 1..x.len() { s += (x[i] * x[i - 1]).sin(); } let r = if x[0] > 0.0 { 3.0 * s } else { -s }; r + total } },
            // Two loops.
            quote! { fn f(x: &[f64]) -> f64 { let mut s = 0.0; for i in 0..x.len() { s += x[i].powi(4); } for i in 1..x.len() { s += x[i] * x[i - 1]; } s } },
        ];
        for f in cases {
            let text = f.to_string();
            assert!(applies(f), "{text}");
        }
    }

    #[test]
    fn other_loops_keep_the_sweeps() {
        let cases = [
            // A call in the loop.
            quote! { fn f(x: &[f64]) -> f64 { let mut s = 0.0; for i in 1..x.len() { s += g(x[i - 1], x[i]); } s } },
            // A read in one branch only, at an offset no other read has.
            quote! { fn f(x: &[f64]) -> f64 { let mut s = 0.0; for i in 0..x.len() { let v = if i > 0 { x[i - 1] * x[i] } else { x[i].exp() }; s += v * v; } s } },
            // An accumulator that a product reads is taped for the reverse
            // sweep (its tangent would not matter, but a tape is not followed).
            quote! { fn f(x: &[f64]) -> f64 { let mut s = 0.0; for i in 1..x.len() { s = 0.5 * s + (x[i] * x[i - 1]).sin(); } s } },
            // A branch inside the loop: its reverse takes the arm from a tape.
            quote! { fn f(x: &[f64]) -> f64 { let mut s = 0.0; for i in 0..x.len() - 1 { let (a, b) = (x[i], x[i + 1]); s += if a > 0.0 { a * b } else { b.exp() }; } s } },
            // A step.
            quote! { fn f(x: &[f64]) -> f64 { let mut s = 0.0; for i in (0..x.len() - 1).step_by(2) { s += (x[i] * x[i + 1]).cosh(); } s } },
        ];
        for f in cases {
            let text = f.to_string();
            assert!(!applies(f), "{text}");
        }
    }
}
