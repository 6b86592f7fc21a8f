//! The band of the Hessian of a function of one array, read at compile time from the index offsets of its loops.
//!
//! In an iteration of `for i in ..`, a value computed from `x[i - 1]` and
//! `x[i + 1]` depends on the elements at offsets -1 and +1 of the index.
//! An operation with a nonzero second derivative in two of its arguments
//! (the pairs [`matdiff_table`] lists for it, as in [`crate::sparsity`])
//! whose arguments depend on offsets A and B can make `H[i + a][i + b]`
//! nonzero for a in A and b in B, whatever `i` is: so every nonzero lies
//! within `max |a - b|` of the diagonal. That holds only while every value
//! that depends on elements from more than one iteration (an accumulator
//! carried round the loop, a local array, a read at an index that is not
//! the loop's plus a constant, the whole array) flows linearly into the
//! result: such a value may meet constants only, never another value that
//! depends on the array. Anything this pass does not follow (nested or
//! `while` loops, writes to the array) gives no band, and the caller
//! computes the dense Hessian.

use std::collections::{BTreeSet, HashMap};

use crate::ir::{Block, Expr, Header, Loop, Stmt, Var, Vars};
use crate::offsets::{Integer, integer_value};

/// The widest band computed as one: beyond it, the dense sweeps.
pub const MAX_BANDWIDTH: usize = 8;

/// A Hessian whose entries `H[j][k]` are zero wherever `|j - k| > bandwidth`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    pub bandwidth: usize,
}

impl Band {
    /// How many directions one sweep carries: columns `j` and `k` share
    /// direction `j mod (2b + 1)` only if no row has a nonzero in both.
    pub fn directions(&self) -> usize {
        2 * self.bandwidth + 1
    }
}

/// The band of the Hessian in the elements of `array` (the only
/// differentiated argument), or `None` when the body has constructs this
/// analysis does not follow or the band is wider than [`MAX_BANDWIDTH`].
pub fn hessian_band(body: &Block, array: Var, vars: &Vars) -> Option<Band> {
    let mut analysis =
        Analysis { vars, array, depends: HashMap::new(), integers: HashMap::new(), in_loop: false, bandwidth: 0 };
    analysis.block(body)?;
    (analysis.bandwidth <= MAX_BANDWIDTH).then_some(Band { bandwidth: analysis.bandwidth })
}

/// Which elements of the array a value depends on.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Elements {
    None,
    /// The elements at these offsets of the index of the loop the value is
    /// computed in, in the same iteration.
    Relative(BTreeSet<i64>),
    /// Elements not known relative to an iteration.
    Any,
}

impl Elements {
    fn union(self, other: Elements) -> Elements {
        match (self, other) {
            (Elements::None, e) | (e, Elements::None) => e,
            (Elements::Relative(mut a), Elements::Relative(b)) => {
                a.extend(b);
                Elements::Relative(a)
            }
            _ => Elements::Any,
        }
    }

    /// The value outside the iteration it was computed in (carried to the
    /// next one, or out of the loop): its offsets no longer mean anything.
    fn escaped(self) -> Elements {
        match self {
            Elements::None => Elements::None,
            _ => Elements::Any,
        }
    }
}

struct Analysis<'a> {
    vars: &'a Vars,
    array: Var,
    depends: HashMap<Var, Elements>,
    /// Integer values known in terms of the current loop's index.
    integers: HashMap<Var, Integer>,
    in_loop: bool,
    /// The widest `|a - b|` of an interaction so far.
    bandwidth: usize,
}

impl Analysis<'_> {
    fn of(&self, v: Var) -> Elements {
        if v == self.array {
            return Elements::Any;
        }
        // Other arrays are memory written by element, in any iteration: a
        // varied one may hold any element.
        if self.vars.is_array(v) {
            return if self.vars.varied(v) { Elements::Any } else { Elements::None };
        }
        self.depends.get(&v).cloned().unwrap_or(Elements::None)
    }

    fn of_all(&self, vars: &[Var]) -> Elements {
        vars.iter().fold(Elements::None, |all, v| all.union(self.of(*v)))
    }

    /// A second derivative between values depending on `first` and
    /// `second`: `None` when it may fall outside any band.
    fn interact(&mut self, first: &Elements, second: &Elements) -> Option<()> {
        match (first, second) {
            (Elements::None, _) | (_, Elements::None) => Some(()),
            (Elements::Relative(a), Elements::Relative(b)) => {
                for x in a {
                    for y in b {
                        let width = usize::try_from(x.checked_sub(*y)?.unsigned_abs()).ok()?;
                        self.bandwidth = self.bandwidth.max(width);
                    }
                }
                Some(())
            }
            _ => None,
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
                let elements = self.expr(expr)?;
                let mut bound = Vec::new();
                dst.vars(&mut bound);
                if let [v] = bound[..] {
                    if let Some(integer) = integer_value(expr, &self.integers, self.vars) {
                        self.integers.insert(v, integer);
                    }
                }
                for v in bound {
                    // An array that receives values depending on the input
                    // must be known as varied, or its reads are constants.
                    if self.vars.is_array(v) && elements != Elements::None && !self.vars.varied(v) {
                        return None;
                    }
                    self.depends.insert(v, elements.clone());
                }
            }
            Stmt::If { then_blk, else_blk, outs, .. } => {
                self.block(then_blk)?;
                self.block(else_blk)?;
                for (k, out) in outs.iter().enumerate() {
                    let elements = self.of(*then_blk.yields.get(k)?).union(self.of(*else_blk.yields.get(k)?));
                    self.depends.insert(*out, elements);
                }
            }
            Stmt::Effect { uses, .. } if self.of_all(uses) == Elements::None => {}
            Stmt::Store { array, value, .. } => {
                if *array == self.array || (self.of(*value) != Elements::None && !self.vars.varied(*array)) {
                    return None;
                }
            }
            Stmt::Loop(l) => self.loop_(l)?,
            _ => return None,
        }
        Some(())
    }

    /// A `for` loop, not inside another: its body is followed until what
    /// its carried values may hold settles (each can only become `Any`).
    fn loop_(&mut self, l: &Loop) -> Option<()> {
        let Header::For { index, .. } = &l.header else { return None };
        if self.in_loop {
            return None;
        }
        for (phi, init) in &l.carried {
            let elements = self.of(*init).escaped();
            self.depends.insert(*phi, elements);
        }
        for _ in 0..=l.carried.len() {
            self.integers.insert(*index, Integer::Offset(0));
            self.in_loop = true;
            let body = self.block(&l.body);
            self.in_loop = false;
            body?;
            let mut settled = true;
            for ((phi, _), next) in l.carried.iter().zip(&l.body.yields) {
                let elements = self.of(*phi).union(self.of(*next).escaped());
                if elements != self.of(*phi) {
                    self.depends.insert(*phi, elements);
                    settled = false;
                }
            }
            if settled {
                for ((phi, _), out) in l.carried.iter().zip(&l.outs) {
                    let elements = self.of(*phi);
                    self.depends.insert(*out, elements);
                }
                return Some(());
            }
        }
        None
    }

    /// Which elements the expression's value depends on, after recording
    /// the interactions it creates.
    fn expr(&mut self, expr: &Expr) -> Option<Elements> {
        match expr {
            // Integers, comparisons, piecewise-constant values: constants to
            // the derivative passes.
            Expr::Opaque { .. } | Expr::TripCount(_) => Some(Elements::None),
            Expr::Copy(v) => Some(self.of(*v)),
            Expr::Prim { prim, args, .. } if !prim.matrix => {
                for &(k, j) in prim.second_order {
                    let (first, second) = (self.of(*args.get(k)?), self.of(*args.get(j)?));
                    self.interact(&first, &second)?;
                }
                Some(self.of_all(args))
            }
            // The callee's Hessian may be dense in all its arguments.
            Expr::Call { args, .. } => {
                let all = self.of_all(args);
                self.interact(&all, &all)?;
                Some(all)
            }
            Expr::Read { array, index } => Some(if *array != self.array {
                self.of(*array)
            } else {
                match (self.in_loop, self.integers.get(index)) {
                    (true, Some(Integer::Offset(offset))) => Elements::Relative(BTreeSet::from([*offset])),
                    _ => Elements::Any,
                }
            }),
            Expr::NewArray(init) => {
                let mut items = Vec::new();
                Expr::NewArray(init.clone()).uses(&mut items);
                Some(self.of_all(&items))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use proc_macro2::TokenStream;
    use quote::quote;

    use super::*;
    use crate::options::Options;

    /// The bandwidth read from a function whose first argument is the array.
    fn bandwidth(item: TokenStream) -> Option<usize> {
        let function: syn::ItemFn = syn::parse2(item).expect("a function");
        let sig = crate::signature::analyze(&function.sig, &Options::default()).expect("a signature");
        let lowered = crate::lower::lower(&sig, &function.block).expect("a body");
        hessian_band(&lowered.body, lowered.params[0], &lowered.vars).map(|band| band.bandwidth)
    }

    #[test]
    fn rosenbrock_is_tridiagonal() {
        let f = quote! {
            fn rosenbrock(x: &[f64]) -> f64 {
                let mut s = 0.0;
                for i in 0..x.len() - 1 {
                    s += 100.0 * (x[i + 1] - x[i] * x[i]).powi(2) + (1.0 - x[i]).powi(2);
                }
                s
            }
        };
        assert_eq!(bandwidth(f), Some(1));
    }

    #[test]
    fn offsets_through_locals_and_named_constants() {
        let f = quote! {
            fn f(x: &[f64]) -> f64 {
                let mut s = 0.0;
                let one = 1;
                for i in 2..x.len() {
                    let back = i - 2;
                    let d = x[back] - 2.0 * x[i - one] + x[i];
                    s += d * d;
                }
                s
            }
        };
        assert_eq!(bandwidth(f), Some(2));
    }

    #[test]
    fn a_carried_value_in_a_product_has_no_band() {
        let f = quote! {
            fn f(x: &[f64]) -> f64 {
                let mut s = 1.0;
                for i in 0..x.len() {
                    s = s * x[i];
                }
                s
            }
        };
        assert_eq!(bandwidth(f), None);
    }

    #[test]
    fn a_carried_value_scaled_by_a_constant_keeps_the_band() {
        let f = quote! {
            fn f(x: &[f64], c: f64) -> f64 {
                let mut s = 0.0;
                for i in 1..x.len() {
                    s = c * s - (x[i] * x[i - 1]).sin();
                }
                -s
            }
        };
        assert_eq!(bandwidth(f), Some(1));
    }

    #[test]
    fn what_is_not_followed_has_no_band() {
        let cases = [
            // A read at an index that is not the loop's plus a constant.
            quote! { fn f(x: &[f64]) -> f64 { let n = x.len(); let mut s = 0.0; for i in 0..n { s += x[i] * x[n - 1 - i]; } s } },
            // A read outside any loop, meeting the loop's elements.
            quote! { fn f(x: &[f64]) -> f64 { let mut s = 0.0; for i in 0..x.len() { s += x[0] * x[i]; } s } },
            // Nested loops.
            quote! { fn f(x: &[f64]) -> f64 { let mut s = 0.0; for i in 0..x.len() { for j in 0..2 { s += x[i] * x[i]; } } s } },
            // An index carried round the loop is not the loop's.
            quote! { fn f(x: &[f64]) -> f64 { let mut s = 0.0; let mut k = 0; for i in 0..x.len() { s += x[k] * x[i]; k += 1; } s } },
            // A `while` loop.
            quote! { fn f(x: &[f64]) -> f64 { let mut s = 0.0; let mut i = 0; while i < x.len() { s += x[i] * x[i]; i += 1; } s } },
            // A local array carries elements between iterations.
            quote! { fn f(x: &[f64]) -> f64 { let mut v = vec![0.0; x.len()]; let mut s = 0.0; for i in 0..x.len() { v[i] = x[i]; if i > 3 { s += v[i - 4] * x[i]; } } s } },
            // A band wider than the cap.
            quote! { fn f(x: &[f64]) -> f64 { let mut s = 0.0; for i in 0..x.len() - 9 { s += x[i] * x[i + 9]; } s } },
            // A call that takes the whole slice.
            quote! { fn f(x: &[f64]) -> f64 { let mut s = 0.0; for i in 0..x.len() { s += x[i] * g(x); } s } },
        ];
        for f in cases {
            let text = f.to_string();
            assert_eq!(bandwidth(f), None, "{text}");
        }
    }

    #[test]
    fn a_linear_function_has_a_band_of_zero() {
        let f = quote! {
            fn f(x: &[f64]) -> f64 {
                let total: f64 = x.iter().sum();
                3.0 * total + x[0]
            }
        };
        assert_eq!(bandwidth(f), Some(0));
    }
}
