//! Hessian sparsity of scalar functions, and a colouring of its columns into fewer directions.
//!
//! A second derivative in inputs j and k can be nonzero only if some
//! operation has a nonzero second derivative in two of its arguments (the
//! pairs [`matdiff_table`] lists for it) that depend on j and on k.
//! Collecting those pairs of input sets over every operation
//! over-approximates the Hessian's nonzeros (a call to another differentiated
//! function counts as dense in its arguments). Two columns with no
//! nonzero in a common row can share one tangent direction: the sweep seeded
//! with their sum still reads each nonzero exactly, because in every row at
//! most one column of a colour is nonzero (a distance-2 colouring). A
//! tridiagonal Hessian needs three directions whatever its size.

use std::collections::HashMap;

use crate::ir::{Block, Expr, Stmt, Var};

/// Which direction each input is seeded in, and where the Hessian can be
/// nonzero.
pub struct Colouring {
    /// How many directions the sweep carries.
    pub colours: usize,
    /// The direction of input j.
    pub colour_of: Vec<usize>,
    /// `nonzero[i]` has bit j set where `H[i][j]` may be nonzero.
    pub nonzero: Vec<u32>,
}

impl Colouring {
    pub fn may_be_nonzero(&self, i: usize, j: usize) -> bool {
        self.nonzero[i] & (1 << j) != 0
    }
}

/// A colouring with fewer directions than inputs, or `None` when there is
/// none or when the body has constructs this analysis does not follow
/// (arrays, loops): the caller then seeds every input in its own direction.
pub fn colour_hessian(body: &Block, inputs: &[Var]) -> Option<Colouring> {
    if inputs.len() > 32 {
        return None;
    }
    let mut analysis = Analysis { depends: HashMap::new(), nonzero: vec![0; inputs.len()] };
    for (j, input) in inputs.iter().enumerate() {
        analysis.depends.insert(*input, 1 << j);
    }
    analysis.block(body)?;
    let colouring = colour(&analysis.nonzero);
    (colouring.colours < inputs.len()).then_some(colouring)
}

struct Analysis {
    /// The inputs each value depends on, one bit per input.
    depends: HashMap<Var, u32>,
    nonzero: Vec<u32>,
}

impl Analysis {
    fn of(&self, v: &Var) -> u32 {
        self.depends.get(v).copied().unwrap_or(0)
    }

    fn of_all(&self, vars: &[Var]) -> u32 {
        vars.iter().fold(0, |mask, v| mask | self.of(v))
    }

    /// Every pair in `mask` may interact.
    fn interact(&mut self, mask: u32) {
        self.interact_pair(mask, mask);
    }

    /// Every input in `first` may interact with every input in `second`.
    fn interact_pair(&mut self, first: u32, second: u32) {
        for (i, row) in self.nonzero.iter_mut().enumerate() {
            if first & (1 << i) != 0 {
                *row |= second;
            }
            if second & (1 << i) != 0 {
                *row |= first;
            }
        }
    }

    fn block(&mut self, block: &Block) -> Option<()> {
        for stmt in &block.stmts {
            self.stmt(stmt)?;
        }
        Some(())
    }

    fn stmt(&mut self, stmt: &Stmt) -> Option<()> {
        match stmt {
            Stmt::Let { dst, expr, .. } => {
                let mask = self.expr(expr)?;
                let mut bound = Vec::new();
                dst.vars(&mut bound);
                for v in bound {
                    self.depends.insert(v, mask);
                }
            }
            Stmt::If { then_blk, else_blk, outs, .. } => {
                self.block(then_blk)?;
                self.block(else_blk)?;
                for (k, out) in outs.iter().enumerate() {
                    let mask = self.of(then_blk.yields.get(k)?) | self.of(else_blk.yields.get(k)?);
                    self.depends.insert(*out, mask);
                }
            }
            Stmt::Effect { uses, .. } if self.of_all(uses) == 0 => {}
            _ => return None,
        }
        Some(())
    }

    /// The inputs the expression's value depends on, after recording the
    /// interactions it creates.
    fn expr(&mut self, expr: &Expr) -> Option<u32> {
        match expr {
            // A comparison, an integer or a piecewise-constant value: the
            // derivative passes treat it as a constant, and so does this one.
            Expr::Opaque { .. } => Some(0),
            Expr::Copy(v) => Some(self.of(v)),
            // The primitive's second derivative in arguments k and j is
            // nonzero only for the pairs its table lists.
            Expr::Prim { prim, args, .. } => {
                for &(k, j) in prim.second_order {
                    let (first, second) = (self.of(args.get(k)?), self.of(args.get(j)?));
                    self.interact_pair(first, second);
                }
                Some(self.of_all(args))
            }
            Expr::Call { args, .. } => {
                let mask = self.of_all(args);
                self.interact(mask);
                Some(mask)
            }
            _ => None,
        }
    }
}

/// Greedy distance-2 colouring: columns j and k may share a colour when no
/// row has a nonzero in both.
fn colour(nonzero: &[u32]) -> Colouring {
    let n = nonzero.len();
    // The Hessian is symmetric: column j's nonzero rows are row j's columns.
    let mut colour_rows: Vec<u32> = Vec::new();
    let mut colour_of = Vec::with_capacity(n);
    for &column in nonzero {
        match colour_rows.iter().position(|rows| rows & column == 0) {
            Some(c) => {
                colour_rows[c] |= column;
                colour_of.push(c);
            }
            None => {
                colour_of.push(colour_rows.len());
                colour_rows.push(column);
            }
        }
    }
    Colouring { colours: colour_rows.len().max(1), colour_of, nonzero: nonzero.to_vec() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tridiagonal(n: usize) -> Vec<u32> {
        (0..n).map(|i| (0b111u32 << i) >> 1 & ((1u32 << n) - 1)).collect()
    }

    #[test]
    fn a_tridiagonal_hessian_takes_three_colours() {
        let c = colour(&tridiagonal(10));
        assert_eq!(c.colours, 3);
        for i in 0..10 {
            for j in 0..10 {
                for k in 0..10 {
                    if j != k && c.colour_of[j] == c.colour_of[k] {
                        assert!(!(c.may_be_nonzero(i, j) && c.may_be_nonzero(i, k)), "row {i} mixes {j} and {k}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_dense_hessian_takes_one_colour_per_column() {
        assert_eq!(colour(&[0b111, 0b111, 0b111]).colours, 3);
    }

    #[test]
    fn a_diagonal_hessian_takes_one_colour() {
        let c = colour(&[0b001, 0b010, 0b100]);
        assert_eq!(c.colours, 1);
        assert_eq!(c.colour_of, vec![0, 0, 0]);
    }

    #[test]
    fn inputs_without_second_derivatives_share_any_colour() {
        let c = colour(&[0b01, 0b01, 0]);
        assert_eq!(c.colours, 2);
        assert_eq!(c.colour_of[2], 0);
    }
}
