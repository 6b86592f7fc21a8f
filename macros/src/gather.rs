//! Gathers the scattered cotangent updates of reverse loops into windows,
//! so that each buffer entry is written once per loop (see `ir::Window`).
//!
//! A reverse loop that reads `x[i - 1]`, `x[i]` and `x[i + 1]` adds to
//! three entries of `x_bar` in every iteration, and the next iteration adds
//! again to two of them: in memory, each iteration waits for the stores of
//! the one before it. When every update of a buffer in the loop is at a
//! constant offset of the index of a loop that runs its index down, the
//! updates wait in registers instead, and each entry is written when the
//! last iteration that adds to it ends: the gather form of the adjoint
//! (Hückelheim et al., PerforAD, ICPP 2019), with
//! the loop's ends handled by the window's flush rather than peeled.
//! Updates at other indices keep the scatter form.
//!
//! Most such loops are the reverse sweeps of loops the user wrote running
//! up; a user's loop that runs down gets windows on the tangent buffers it
//! adds to. This pass runs last, on programs no other pass reads again.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::ir::{Adapter, Block, Dst, Header, Loop, Stmt, Var, Vars, Window};
use crate::offsets::{Integer, offset_of};

/// The widest window made: offsets further apart than this keep the
/// scatter form (a window is that many registers live round the loop).
const MAX_WIDTH: usize = 8;

/// `stmts` with the updates of every eligible reverse loop gathered.
pub fn gather(stmts: Vec<Stmt>, vars: &Vars) -> Vec<Stmt> {
    stmts.into_iter().map(|stmt| gather_stmt(stmt, vars)).collect()
}

fn gather_stmt(stmt: Stmt, vars: &Vars) -> Stmt {
    match stmt {
        Stmt::If { cond, then_blk, else_blk, outs, span } => Stmt::If {
            cond,
            then_blk: gather_block(then_blk, vars),
            else_blk: gather_block(else_blk, vars),
            outs,
            span,
        },
        Stmt::Loop(mut l) => {
            l.body = gather_block(std::mem::take(&mut l.body), vars);
            window_loop(&mut l, vars);
            Stmt::Loop(l)
        }
        other => other,
    }
}

fn gather_block(block: Block, vars: &Vars) -> Block {
    Block { stmts: gather(block.stmts, vars), yields: block.yields }
}

/// Gives `l` a window for each buffer whose every update in it is at a
/// constant offset of its index.
fn window_loop(l: &mut Loop, vars: &Vars) {
    let Header::For { index, range } = &l.header else { return };
    // A loop running up its index may keep only windows of one entry:
    // each iteration's, written as it ends, which no other iteration adds to.
    let up = match range.adapters[..] {
        [Adapter::Rev] => false,
        [] => true,
        _ => return,
    };
    if l.breaks {
        return;
    }
    // The body's index values: `i`, `i + 1`, `i - 2`, through copies.
    let mut offsets: HashMap<Var, Integer> = HashMap::from([(*index, Integer::Offset(0))]);
    for stmt in &l.body.stmts {
        if let Stmt::Let { dst: Dst::Var(v), expr, .. } = stmt {
            if let Some(offset) = offset_of(expr, &offsets, vars) {
                offsets.insert(*v, Integer::Offset(offset));
            }
        }
    }
    // The body's own updates of each buffer, with their offsets.
    let mut updates: BTreeMap<Var, Vec<(usize, Var, i64)>> = BTreeMap::new();
    let mut scattered: HashSet<Var> = HashSet::new();
    for (n, stmt) in l.body.stmts.iter().enumerate() {
        if let Stmt::AddAt { buffer, index, .. } = stmt {
            match offsets.get(index) {
                Some(&Integer::Offset(offset)) => updates.entry(*buffer).or_default().push((n, *index, offset)),
                _ => {
                    scattered.insert(*buffer);
                }
            }
        }
    }
    if updates.is_empty() {
        return;
    }
    // A buffer the loop reads, or updates anywhere else (in a branch, in an
    // inner loop), keeps the scatter form: its entries must be current. So
    // does one the body itself makes (a new one in each iteration), which
    // the window, declared before the loop, could not name.
    let mut uses: HashMap<Var, usize> = HashMap::new();
    for v in l.body.all_uses() {
        *uses.entry(v).or_default() += 1;
    }
    let made_in_body = l.body.defined_vars();
    for (buffer, adds) in updates {
        if scattered.contains(&buffer) || made_in_body.contains(&buffer) || uses.get(&buffer) != Some(&adds.len()) {
            continue;
        }
        let lowest = adds.iter().min_by_key(|(_, _, offset)| *offset);
        let highest = adds.iter().max_by_key(|(_, _, offset)| *offset);
        let (Some(&(_, low, lo)), Some(&(_, high, hi))) = (lowest, highest) else { continue };
        let width = (hi - lo) as usize + 1;
        if width > MAX_WIDTH || (up && width > 1) {
            continue;
        }
        for &(n, _, offset) in &adds {
            if let Stmt::AddAt { value, .. } = l.body.stmts[n] {
                l.body.stmts[n] = Stmt::WindowAdd { buffer, slot: (offset - lo) as usize, value };
            }
        }
        l.windows.push(Window { buffer, width, low, high });
    }
}
