//! Emits Rust from the IR: readable code (`x_bar`, `y_dot`) that names
//! only absolute paths, with each statement carrying the span of the user
//! code it came from.

mod blocks;

use std::collections::{HashMap, HashSet};

use matdiff_table::Primitive;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use crate::ir::{
    Adapter, ArrayInit, ArrayLen, Block, CallMode, Callee, Cond, Dst, Expr, Form, Header, Loop, RangeSpec, Stmt,
    StoreOp, Target, Var, Vars, Window,
};
use crate::naming;

pub struct Emitter<'a> {
    vars: &'a Vars,
    /// The type of a bundle of tangent directions in this function
    /// (`[f64; 2]` for a Hessian, `f64` for a Hessian-vector product).
    directions: TokenStream,
    /// Values that inactive user code may mutate in place (`v.push(..)`):
    /// those of a `let mut` variable are bound `mut`, the others need not be.
    in_place: HashSet<Var>,
    /// Whether tangents are bundles of directions (`matdiff::Bundle`): then
    /// the rules of nalgebra primitives that take a tangent are the bundle
    /// rules.
    bundle: bool,
    /// Values that an addition may take by value (read once, and not by
    /// the code that follows the statements); empty unless asked for.
    movable: HashSet<Var>,
    /// After which top-level statement each value is dropped: values that
    /// only borrowing statements read, freed after the last of them (a
    /// matrix's memory, not held to the end of the function).
    drops: std::collections::HashMap<usize, Vec<Var>>,
    /// A constant of the generated function that says whether its reverse
    /// sweep runs: loop tapes are then filled (and allocated) only if it
    /// does.
    tape_guard: Option<TokenStream>,
    /// Whether the function has nalgebra values, which are not `Copy`: then
    /// values that later code may read again are cloned where they would
    /// be moved (floats are copied either way, so scalar code is written
    /// without the clones).
    owns_matrices: bool,
    /// Whether the function calls nalgebra primitives, whose arguments may
    /// be matrices that no value is known to be (a call's result): then
    /// its rules are called by reference, as in a function with matrices,
    /// so that such code is rejected where it is written and not again in
    /// rules that fix its types.
    matrix_primitives: bool,
    /// Values whose `let` binds the given expression instead of their own
    /// (the cotangent of a slice, in storage the caller lends).
    provided: std::collections::HashMap<Var, TokenStream>,
    /// Pullbacks of a product of two matrices whose only reader is a sum
    /// with a cotangent nothing else reads, `b -> (sum, other)`: `b`'s
    /// `let` binds the sum, computed by the rule that accumulates the
    /// product into the other cotangent's storage, and the sum's own `let`
    /// is left out.
    fused: std::collections::HashMap<Var, (Var, Var)>,
    /// Element reads of a loop written as reads of an exact-length view
    /// (see [`Emitter::loop_views`]), filled as loops are emitted.
    viewed: std::cell::RefCell<std::collections::HashMap<Var, TokenStream>>,
    /// Whether the early drops give a value's storage to the installed
    /// workspace (`matdiff_core::pool`) rather than free it.
    recycling: bool,
}

impl<'a> Emitter<'a> {
    pub fn new(vars: &'a Vars, directions: TokenStream, stmts: &[Stmt]) -> Self {
        let mut in_place = HashSet::new();
        collect_opaque_uses(stmts, &mut in_place);
        let owns_matrices = vars.all().any(|v| vars.get(v).matrix);
        let matrix_primitives = uses_matrix_primitives(stmts);
        Emitter {
            vars,
            directions,
            in_place,
            bundle: false,
            movable: HashSet::new(),
            drops: Default::default(),
            tape_guard: None,
            owns_matrices,
            matrix_primitives,
            provided: Default::default(),
            fused: Default::default(),
            viewed: Default::default(),
            recycling: false,
        }
    }

    /// Fills and allocates loop tapes only where the constant `guard` holds.
    pub fn guarding_tapes(mut self, guard: TokenStream) -> Self {
        self.tape_guard = Some(guard);
        self
    }

    /// Binds `v` to `value` where its `let` would compute it.
    pub fn providing(mut self, v: Var, value: TokenStream) -> Self {
        self.provided.insert(v, value);
        self
    }

    /// Gives the storage of what the early drops drop to the installed
    /// workspace (for the `_into` functions of nalgebra parameters).
    pub fn recycling(mut self) -> Self {
        self.recycling = true;
        self
    }

    /// Lets additions reuse the storage of an operand that nothing reads
    /// afterwards; `outputs` are the values the code after `stmts` reads.
    pub fn reusing(mut self, stmts: &[Stmt], outputs: impl IntoIterator<Item = Var>) -> Self {
        self.movable = crate::ir::Block::read_once(stmts);
        let outputs: HashSet<Var> = outputs.into_iter().collect();
        for v in &outputs {
            self.movable.remove(v);
        }
        // Only what holds memory is worth a `drop`: matrices, and in a
        // bundled sweep every tangent.
        let heavy: HashSet<Var> =
            self.vars.all().filter(|&v| self.vars.get(v).matrix || (self.bundle && self.vars.get(v).tangent)).collect();
        self.drops = early_drops(stmts, &outputs, &self.movable, &heavy);
        self.fused = HashMap::new();
        self.find_fused(stmts);
        self
    }

    /// The sum that `b`'s `let` computes, and the cotangent it adds `b`
    /// to, if fused (and the sum is not bound to storage the caller lends).
    fn fused_at(&self, b: Var) -> Option<(Var, Var)> {
        self.fused.get(&b).copied().filter(|(sum, _)| !self.provided.contains_key(sum))
    }

    /// Fills [`Emitter::fused`] for `stmts` and the blocks inside them: a
    /// `let b = vjp{k}` of `*` between two matrices, read only by a later
    /// `let s = b + p` of the same list, where `p` is read only there and
    /// already exists at `b`'s `let`.
    fn find_fused(&mut self, stmts: &[Stmt]) {
        let defined_at: HashMap<Var, usize> = stmts
            .iter()
            .enumerate()
            .filter_map(|(i, stmt)| match stmt {
                Stmt::Let { dst: Dst::Var(v), .. } => Some((*v, i)),
                _ => None,
            })
            .collect();
        for stmt in stmts {
            match stmt {
                Stmt::Let { dst: Dst::Var(sum), expr: Expr::Add(x, y), .. } => {
                    for (b, other) in [(*y, *x), (*x, *y)] {
                        if b == other || !self.movable.contains(&b) || !self.movable.contains(&other) {
                            continue;
                        }
                        let Some(&i) = defined_at.get(&b) else { continue };
                        let Stmt::Let { expr: Expr::Vjp { prim, args, .. }, .. } = &stmts[i] else { continue };
                        let matrices = args.len() == 2 && args.iter().all(|a| self.vars.get(*a).matrix);
                        let ready = defined_at.get(&other).is_none_or(|&d| d < i);
                        if prim.name == "mul" && prim.matrix_operands && matrices && ready {
                            self.fused.insert(b, (*sum, other));
                            break;
                        }
                    }
                }
                Stmt::If { then_blk, else_blk, .. } => {
                    self.find_fused(&then_blk.stmts);
                    self.find_fused(&else_blk.stmts);
                }
                Stmt::Loop(l) => self.find_fused(&l.body.stmts),
                _ => {}
            }
        }
    }

    /// An emitter whose tangents are bundles of directions.
    pub fn bundled(vars: &'a Vars, directions: TokenStream, stmts: &[Stmt]) -> Self {
        Emitter { bundle: true, ..Self::new(vars, directions, stmts) }
    }

    /// Whether `v` may own memory (and so is not `Copy`): any value of a
    /// function with matrices, and the tangents of a bundled sweep (a
    /// `Bundle` of directions) even in a function whose matrices are all
    /// unused.
    fn may_own(&self, v: Var) -> bool {
        self.owns_matrices || (self.bundle && self.vars.get(v).tangent)
    }

    /// The zero tangent of `v` along `directions` (see [`zero_tangent`]).
    pub fn zero_tangent(&self, v: Var, directions: &TokenStream) -> TokenStream {
        zero_tangent(self.vars, v, directions, Span::call_site())
    }

    pub fn ident(&self, v: Var) -> &Ident {
        self.vars.ident(v)
    }

    pub fn stmts(&self, stmts: &[Stmt]) -> TokenStream {
        self.stmts_then(stmts, &[])
    }

    /// The statements, followed by code that reads `read_after`.
    fn stmts_then(&self, stmts: &[Stmt], read_after: &[Var]) -> TokenStream {
        let codes = stmts.iter().map(|s| self.stmt(s)).collect();
        self.in_blocks(stmts, codes, &vec![&[][..]; stmts.len()], read_after)
    }

    /// The statements of the function's body, with the early drops.
    pub fn body(&self, stmts: &[Stmt]) -> TokenStream {
        let dropped: Vec<&[Var]> =
            (0..stmts.len()).map(|i| self.drops.get(&i).map_or(&[][..], Vec::as_slice)).collect();
        let codes = stmts
            .iter()
            .zip(&dropped)
            .map(|(s, dropped)| {
                let stmt = self.stmt(s);
                let drops = dropped.iter().map(|v| {
                    let v = self.ident(*v);
                    if self.recycling {
                        quote!(::matdiff::__private::Recycle(#v).recycle();)
                    } else {
                        quote!(::core::mem::drop(#v);)
                    }
                });
                quote!(#stmt #(#drops)*)
            })
            .collect();
        self.in_blocks(stmts, codes, &dropped, &[])
    }

    fn block(&self, block: &Block) -> TokenStream {
        let stmts = self.stmts_then(&block.stmts, &block.yields);
        let defined = block.defined_vars();
        // A value yielded twice: one tangent for two outputs that a copy
        // made equal.
        let yields = block
            .yields
            .iter()
            .enumerate()
            .map(|(k, v)| self.handed_out_again(*v, block.yields[k + 1..].contains(v), &defined));
        let value = match block.yields.len() {
            1 => quote!(#(#yields)*),
            _ => quote!((#(#yields),*)),
        };
        quote!({ #stmts #value })
    }

    /// [`Emitter::handed_out`] for a value also handed out later (`again`):
    /// then it is cloned here if it may own memory, so that the later
    /// place can take it.
    fn handed_out_again(&self, v: Var, again: bool, defined: &HashSet<Var>) -> TokenStream {
        if again && self.may_own(v) && !self.vars.is_array(v) {
            let borrowed = self.borrow(v);
            quote!(::core::clone::Clone::clone(#borrowed))
        } else {
            self.handed_out(v, defined)
        }
    }

    /// `v` as a block yields it: a value from outside the block that may
    /// own memory is cloned, since the code after the block, or the next
    /// round of a loop around it, may read it again (an arm's copy of an
    /// outer value yields that value's own tangent).
    fn handed_out(&self, v: Var, defined: &HashSet<Var>) -> TokenStream {
        let ident = self.ident(v);
        if defined.contains(&v) || !self.may_own(v) || self.vars.is_array(v) {
            quote!(#ident)
        } else {
            let borrowed = self.borrow(v);
            quote!(::core::clone::Clone::clone(#borrowed))
        }
    }

    fn binding(&self, v: Var) -> TokenStream {
        let ident = self.ident(v);
        let data = self.vars.get(v);
        if data.place || (data.mutable && self.in_place.contains(&v)) { quote!(mut #ident) } else { quote!(#ident) }
    }

    fn pattern(&self, dst: &Dst) -> TokenStream {
        self.pattern_once(dst, &mut HashSet::new())
    }

    /// A pattern that binds each value once. A tape holds the tangent of
    /// every value it saves, and a copy has its source's tangent, so one
    /// tangent can fill two positions of a tape; a pattern may not bind a
    /// name twice, and the later positions hold the same value, so they are
    /// ignored.
    fn pattern_once(&self, dst: &Dst, bound: &mut HashSet<Var>) -> TokenStream {
        match dst {
            Dst::Var(v) if bound.insert(*v) => self.binding(*v),
            Dst::Var(_) | Dst::Ignore => quote!(_),
            Dst::Tuple(items) => {
                let items: Vec<TokenStream> = items.iter().map(|d| self.pattern_once(d, bound)).collect();
                quote!((#(#items,)*))
            }
        }
    }

    /// The tuple pattern of the values a branch saved on its tape, bound as
    /// the values were (a loop's tape is popped, so it stays `mut`).
    fn taped_pattern(&self, vars: &[Var]) -> TokenStream {
        self.pattern_once(&Dst::Tuple(vars.iter().map(|v| Dst::Var(*v)).collect()), &mut HashSet::new())
    }

    fn outs_pattern(&self, outs: &[Var]) -> TokenStream {
        match outs {
            [one] => self.binding(*one),
            many => {
                let items = many.iter().map(|v| self.binding(*v));
                quote!((#(#items),*))
            }
        }
    }

    fn stmt(&self, stmt: &Stmt) -> TokenStream {
        match stmt {
            Stmt::Let { dst: Dst::Var(b), expr: Expr::Vjp { prim, k, args, out, c }, span, .. }
                if self.fused_at(*b).is_some() =>
            {
                let Some((sum, other)) = self.fused_at(*b) else { return quote!() };
                let rules = Self::rules(prim);
                let rule = format_ident!("vjp{}_add", k);
                let args = self.refs(args);
                let out = self.value_arg(prim, *out);
                let (c, other) = (self.ident(*c), self.ident(other));
                let sum = self.binding(sum);
                quote_spanned!(*span=> let #sum = #rules::#rule(#(#args,)* #out &#c, #other);)
            }
            Stmt::Let { dst: Dst::Var(sum), .. }
                if self.fused.keys().any(|b| self.fused_at(*b).is_some_and(|(s, _)| s == *sum)) =>
            {
                quote!()
            }
            Stmt::Let { dst, ty, expr, span } => {
                let pattern = self.pattern(dst);
                let provided = match dst {
                    Dst::Var(v) => self.provided.get(v).cloned().or_else(|| self.viewed.borrow().get(v).cloned()),
                    _ => None,
                };
                let value = provided.unwrap_or_else(|| self.expr(expr, *span));
                let ty = ty.as_ref().map(|t| quote!(: #t));
                quote_spanned!(*span=> let #pattern #ty = #value;)
            }
            Stmt::Effect { tokens, .. } => quote!(#tokens;),
            Stmt::Store { array, index, value, op, span } => {
                let (array, index, value) = (self.ident(*array), self.ident(*index), self.ident(*value));
                match op {
                    StoreOp::Set => quote_spanned!(*span=> #array[#index] = #value;),
                    StoreOp::Add => quote_spanned!(*span=> #array[#index] += #value;),
                    StoreOp::Sub => quote_spanned!(*span=> #array[#index] -= #value;),
                }
            }
            Stmt::AddAt { buffer, index, value } => {
                let (buffer, index, value) = (self.ident(*buffer), self.ident(*index), self.ident(*value));
                quote!(::matdiff::__private::add_at(&mut #buffer, #index, &#value);)
            }
            Stmt::AddAll { buffer, values } => {
                let (buffer, values) = (self.ident(*buffer), self.ident(*values));
                quote!(::matdiff::__private::add_all(&mut #buffer, &#values);)
            }
            Stmt::WindowAdd { buffer, slot, value } => {
                let (slot, value) = (naming::window_slot(self.ident(*buffer), *slot), self.ident(*value));
                quote!(#slot = ::matdiff::__private::add(&#slot, &#value);)
            }
            Stmt::Push { tape, vars } => {
                let tape = self.ident(*tape);
                let vars = vars.iter().map(|v| self.taped(*v));
                match &self.tape_guard {
                    Some(guard) => quote!(if #guard { #tape.push((#(#vars,)*)); }),
                    None => quote!(#tape.push((#(#vars,)*));),
                }
            }
            Stmt::Loop(l) => self.loop_stmt(l),
            Stmt::If { cond, then_blk, else_blk, outs, span } => {
                let then_blk = self.block(then_blk);
                let else_blk = self.block(else_blk);
                let branch = match cond {
                    Cond::Bool(c) => {
                        let c = self.ident(*c);
                        quote_spanned!(*span=> if #c #then_blk else #else_blk)
                    }
                    Cond::Tape { tape, then_binds, else_binds } => {
                        let tape = self.ident(*tape);
                        let then_binds = self.taped_pattern(then_binds);
                        let else_binds = self.taped_pattern(else_binds);
                        quote_spanned! {*span=>
                            match #tape {
                                ::matdiff::__private::Branch::Then(#then_binds) => #then_blk,
                                ::matdiff::__private::Branch::Else(#else_binds) => #else_blk,
                            }
                        }
                    }
                };
                if outs.is_empty() {
                    quote!(#branch;)
                } else {
                    let pattern = self.outs_pattern(outs);
                    quote!(let #pattern = #branch;)
                }
            }
        }
    }

    /// `(start..end)` with its adapters.
    fn range(&self, range: &RangeSpec) -> TokenStream {
        let (start, end) = (self.ident(range.start), self.ident(range.end));
        let mut tokens = if range.inclusive { quote!((#start..=#end)) } else { quote!((#start..#end)) };
        for adapter in &range.adapters {
            tokens = match adapter {
                Adapter::Rev => quote!(#tokens.rev()),
                Adapter::StepBy(s) => {
                    let s = self.ident(*s);
                    quote!(#tokens.step_by(#s))
                }
            };
        }
        tokens
    }

    fn loop_stmt(&self, l: &Loop) -> TokenStream {
        let inits = l.carried.iter().map(|(phi, init)| {
            let phi = self.ident(*phi);
            // The value before the loop may be read again (the reverse sweep,
            // another tangent that shares it): a matrix is cloned, a float
            // copied.
            let init = if !self.may_own(*init) || self.vars.is_array(*init) {
                let init = self.ident(*init);
                quote!(#init)
            } else {
                let borrowed = self.borrow(*init);
                quote!(::core::clone::Clone::clone(#borrowed))
            };
            quote!(let mut #phi = #init;)
        });
        let counter_decl = l.counter.map(|c| {
            let c = self.ident(c);
            quote!(let mut #c: usize = 0;)
        });
        // The windows' entries are read after the body, with its yields.
        let mut read_after = l.body.yields.clone();
        read_after.extend(l.windows.iter().flat_map(|w| [w.low, w.high]));
        // Registered before the body is written, which reads the views.
        let views = self.loop_views(l);
        let body_stmts = self.stmts_then(&l.body.stmts, &read_after);
        let body_defined = l.body.defined_vars();
        let changed: Vec<(Var, Var)> = l
            .carried
            .iter()
            .zip(&l.body.yields)
            .filter(|((phi, _), next)| phi != *next)
            .map(|(c, n)| (c.0, *n))
            .collect();
        let updates = changed.iter().enumerate().map(|(i, (phi, next))| {
            // Two carried values may take the same next value (`s = t; u =
            // t;`): all but the last assignment copy it.
            let again = changed[i + 1..].iter().any(|(_, later)| later == next);
            let next = self.handed_out_again(*next, again, &body_defined);
            let phi = self.ident(*phi);
            quote!(#phi = #next;)
        });
        let count = l.counter.map(|c| {
            let c = self.ident(c);
            quote!(#c += 1;)
        });
        let stop = if l.breaks {
            l.body.yields.last().map(|flag| {
                let flag = self.ident(*flag);
                quote!(if #flag { break; })
            })
        } else {
            None
        };
        let window_decls = l.windows.iter().map(|w| self.window_decl(w));
        let retires = l.windows.iter().map(|w| {
            let view = views.as_ref().and_then(|v| v.windows.get(&w.buffer).map(|view| (view, &v.position)));
            self.window_retire(w, view)
        });
        let flushes = l.windows.iter().map(|w| self.window_flush(w));
        let index_binding = views.as_ref().map(|v| {
            let (index, start, position) = (&v.index, &v.start, &v.position);
            quote!(let #index: usize = #start + #position;)
        });
        let body = quote!({ #index_binding #body_stmts #(#retires)* #(#updates)* #count #stop });
        let looped = match (&l.header, &views) {
            (Header::For { range, .. }, Some(v)) => {
                let (position, count, decls) = (&v.position, &v.count, &v.decls);
                let positions = if range.adapters.is_empty() { quote!((0..#count)) } else { quote!((0..#count).rev()) };
                quote!(#decls for #position in #positions #body)
            }
            (Header::For { index, range }, None) => {
                let index = self.ident(*index);
                let range = self.range(range);
                quote!(for #index in #range #body)
            }
            (Header::While { cond }, _) => {
                let cond_stmts = self.stmts_then(&cond.stmts, &cond.yields);
                let cond_var = cond.yields.first().map(|c| self.ident(*c));
                quote!(loop { #cond_stmts if !#cond_var { break; } #body })
            }
            (Header::Countdown { count, k }, _) => {
                let (count, k) = (self.ident(*count), self.ident(*k));
                quote!(for #k in (0..#count).rev() #body)
            }
        };
        // An out that is its carried variable (see `simplify`) needs no
        // binding of its own.
        let outs = l.carried.iter().zip(&l.outs).filter(|((phi, _), out)| phi != *out).map(|((phi, _), out)| {
            let (phi, out) = (self.ident(*phi), self.binding(*out));
            quote!(let #out = #phi;)
        });
        quote!(#counter_decl #(#inits)* #(#window_decls)* #looped #(#flushes)* #(#outs)*)
    }

    /// Views of exact length for a `for` loop over `start..end` (or its
    /// reverse, without step or inclusive end) that reads arrays at
    /// constant offsets of its index: a read of `x[i + c]` in every
    /// iteration (not in a branch) becomes `view[p]` of a view
    /// `x[start + c..][..count]` made before the loop, the loop running
    /// its position `p` over `0..count` and binding `i = start + p`; the
    /// writes of its windows likewise. Indexed by a position below the
    /// views' known length, the body keeps no bounds check, which is what
    /// lets the optimiser vectorise it. Only arrays that the loop reads in
    /// no other way are viewed; a view out of bounds panics before the
    /// loop, where the loop would have panicked at that read.
    fn loop_views(&self, l: &Loop) -> Option<LoopViews> {
        let Header::For { index, range } = &l.header else { return None };
        if l.breaks || range.inclusive || !matches!(range.adapters[..], [] | [Adapter::Rev]) {
            return None;
        }
        let mut offsets: std::collections::HashMap<Var, crate::offsets::Integer> =
            std::collections::HashMap::from([(*index, crate::offsets::Integer::Offset(0))]);
        let mut reads: Vec<(Var, Var, i64)> = Vec::new();
        for stmt in &l.body.stmts {
            if let Stmt::Let { dst: Dst::Var(v), expr, .. } = stmt {
                if let Some(offset) = crate::offsets::offset_of(expr, &offsets, self.vars) {
                    offsets.insert(*v, crate::offsets::Integer::Offset(offset));
                }
                if let Expr::Read { array, index } = expr {
                    if let Some(&crate::offsets::Integer::Offset(offset)) = offsets.get(index) {
                        reads.push((*v, *array, offset));
                    }
                }
            }
        }
        let mut uses: std::collections::HashMap<Var, usize> = std::collections::HashMap::new();
        for v in l.body.all_uses() {
            *uses.entry(v).or_default() += 1;
        }
        let made_in_body = l.body.defined_vars();
        let carried: HashSet<Var> = l.carried.iter().map(|(phi, _)| *phi).collect();
        let mut read_count: std::collections::HashMap<Var, usize> = std::collections::HashMap::new();
        for (_, array, _) in &reads {
            *read_count.entry(*array).or_default() += 1;
        }
        let viewable = |array: Var| {
            let data = self.vars.get(array);
            data.array
                && !data.matrix
                && !made_in_body.contains(&array)
                && !carried.contains(&array)
                && uses.get(&array) == read_count.get(&array)
        };
        let reads: Vec<(Var, Var, i64)> = reads.into_iter().filter(|(_, array, _)| viewable(*array)).collect();
        let window_offsets: Vec<(Var, i64)> = l
            .windows
            .iter()
            .filter_map(|w| match offsets.get(&w.high) {
                Some(&crate::offsets::Integer::Offset(offset)) => Some((w.buffer, offset)),
                _ => None,
            })
            .collect();
        if reads.is_empty() && window_offsets.is_empty() {
            return None;
        }
        let index_ident = self.ident(*index).clone();
        let name = index_ident.to_string();
        let name = name.trim_start_matches("r#");
        let position = format_ident!("__matdiff_position_{}", name);
        let count = format_ident!("__matdiff_count_{}", name);
        let (start, end) = (self.ident(range.start), self.ident(range.end));
        let mut decls = quote!(let #count: usize = ::core::primitive::usize::saturating_sub(#end, #start););
        let mut made: std::collections::HashMap<(Var, i64), Ident> = std::collections::HashMap::new();
        let mut viewed = self.viewed.borrow_mut();
        for (v, array, offset) in reads {
            let view = made.entry((array, offset)).or_insert_with(|| {
                let view = format_ident!("__matdiff_view_{}_{}", name, offset_name(offset));
                let view = format_ident!("{}_{}", view, self.ident(array).to_string().trim_start_matches("r#"));
                let array = self.ident(array);
                let offset = proc_macro2::Literal::isize_unsuffixed(offset as isize);
                decls.extend(quote! {
                    let #view = ::matdiff::__private::loop_view(&#array[..], #start, #offset, #count);
                });
                view
            });
            viewed.insert(v, quote!(#view[#position]));
        }
        let mut windows = std::collections::HashMap::new();
        for (buffer, offset) in window_offsets {
            let view = format_ident!(
                "__matdiff_view_{}_{}_mut",
                name,
                self.ident(buffer).to_string().trim_start_matches("r#")
            );
            let ident = self.ident(buffer);
            let offset = proc_macro2::Literal::isize_unsuffixed(offset as isize);
            decls.extend(quote! {
                let #view = ::matdiff::__private::loop_view_mut(&mut #ident[..], #start, #offset, #count);
            });
            windows.insert(buffer, view);
        }
        Some(LoopViews { index: index_ident, start: start.clone(), position, count, decls, windows })
    }

    /// The slots of a window, zero, before its loop (see `ir::Window`).
    fn window_decl(&self, w: &Window) -> TokenStream {
        let buffer = self.ident(w.buffer);
        let first = naming::window_slot(buffer, 0);
        let others = (1..w.width).map(|s| naming::window_slot(buffer, s));
        let low = (w.width > 1).then(|| {
            let low = naming::window_low(buffer);
            quote!(let mut #low: ::core::option::Option<usize> = ::core::option::Option::None;)
        });
        quote! {
            let mut #first = ::matdiff::__private::zero_element(&#buffer);
            #(let mut #others = #first;)*
            #low
        }
    }

    /// The end of an iteration: the window's highest entry is complete and
    /// written (through the loop's view of the buffer at that entry, if it
    /// has one), the other slots move up one entry.
    fn window_retire(&self, w: &Window, view: Option<(&Ident, &Ident)>) -> TokenStream {
        let buffer = self.ident(w.buffer);
        let (low, high) = (self.ident(w.low), self.ident(w.high));
        let top = naming::window_slot(buffer, w.width - 1);
        let (write, like) = match view {
            Some((view, position)) => {
                (quote!(::matdiff::__private::add_once(#view, #position, &#top);), quote!(&*#view))
            }
            None => (quote!(::matdiff::__private::add_once(&mut #buffer, #high, &#top);), quote!(&#buffer)),
        };
        let moves = (1..w.width).rev().map(|s| {
            let (to, from) = (naming::window_slot(buffer, s), naming::window_slot(buffer, s - 1));
            quote!(#to = #from;)
        });
        let first = naming::window_slot(buffer, 0);
        let last_low = (w.width > 1).then(|| {
            let last_low = naming::window_low(buffer);
            quote!(#last_low = ::core::option::Option::Some(#low);)
        });
        quote! {
            #write
            #(#moves)*
            #first = ::matdiff::__private::zero_element(#like);
            #last_low
        }
    }

    /// After the loop: the entries still pending, those of the last
    /// iteration below its highest.
    fn window_flush(&self, w: &Window) -> Option<TokenStream> {
        if w.width == 1 {
            return None;
        }
        let buffer = self.ident(w.buffer);
        let last_low = naming::window_low(buffer);
        let writes = (1..w.width).map(|s| {
            let slot = naming::window_slot(buffer, s);
            let entry = match s - 1 {
                0 => quote!(__matdiff_low),
                offset => {
                    let offset = proc_macro2::Literal::usize_unsuffixed(offset);
                    quote!(__matdiff_low + #offset)
                }
            };
            quote!(::matdiff::__private::add_once(&mut #buffer, #entry, &#slot);)
        });
        Some(quote! {
            if let ::core::option::Option::Some(__matdiff_low) = #last_low {
                #(#writes)*
            }
        })
    }

    fn refs(&self, vars: &[Var]) -> Vec<TokenStream> {
        vars.iter().map(|v| self.borrow(*v)).collect()
    }

    /// A value saved on a tape. The code that follows may still read it (an
    /// arm yields it too), so a matrix is cloned; a float's clone is a
    /// copy. Arrays are saved only where nothing reads them afterwards.
    fn taped(&self, v: Var) -> TokenStream {
        let ident = self.ident(v);
        let data = self.vars.get(v);
        if !self.may_own(v) || data.array || data.reference || data.tape {
            quote!(#ident)
        } else {
            quote!(::core::clone::Clone::clone(&#ident))
        }
    }

    /// `&v`, or `v` itself when it is already a reference to a matrix.
    pub fn borrow(&self, v: Var) -> TokenStream {
        let ident = self.ident(v);
        if self.vars.get(v).reference { quote!(#ident) } else { quote!(&#ident) }
    }

    /// `&a` for each argument of a first-order rule `jvp{k}` or `vjp{k}`,
    /// and `&()` for argument `k` where the rule does not read it.
    fn first_order_refs(&self, prim: &Primitive, k: usize, args: &[Var]) -> Vec<TokenStream> {
        let own = (!prim.first_order_reads_own_arg).then_some(k);
        args.iter().enumerate().map(|(i, v)| if Some(i) == own { quote!(&()) } else { self.borrow(*v) }).collect()
    }

    /// The argument other than `k` that `vjp{k}_owned` may take by value:
    /// an owned matrix read nowhere else.
    fn owned_other(&self, prim: &Primitive, k: usize, args: &[Var]) -> Option<Var> {
        if prim.first_order_reads_own_arg || args.len() != 2 {
            return None;
        }
        let other = args[1 - k];
        let data = self.vars.get(other);
        (self.movable.contains(&other) && data.matrix && !data.reference && !self.provided.contains_key(&other))
            .then_some(other)
    }

    /// The module of a primitive's rules.
    fn rules(prim: &Primitive) -> TokenStream {
        let name = format_ident!("{}", prim.name);
        if prim.matrix {
            quote!(::matdiff::__private::rules::matrix::#name)
        } else {
            quote!(::matdiff::__private::rules::#name)
        }
    }

    /// `&y,` for the value argument of a rule, or `&(),` for a primitive
    /// whose rules do not read it, so that the value need not exist.
    fn value_arg(&self, prim: &Primitive, out: Var) -> TokenStream {
        if prim.rules_read_value() {
            let out = self.ident(out);
            quote!(&#out,)
        } else {
            quote!(&(),)
        }
    }

    /// Whether the rule of `prim` along `carrier` is a bundle rule of a
    /// nalgebra primitive, which takes the primal arguments even when the
    /// primitive is linear (a transpose needs the shape).
    fn bundled_matrix_rule(&self, prim: &Primitive, carrier: Var) -> bool {
        self.bundle && prim.matrix && self.vars.get(carrier).tangent
    }

    /// The module of a primitive's rules that take the tangent `carrier`.
    fn rules_along(&self, prim: &Primitive, carrier: Var) -> TokenStream {
        if self.bundle && prim.matrix && self.vars.get(carrier).tangent {
            let name = format_ident!("{}", prim.name);
            quote!(::matdiff::__private::rules::bundle::#name)
        } else {
            Self::rules(prim)
        }
    }

    /// The float type, where values are passed by value: in a function
    /// without nalgebra values and without bundled tangents, every value is
    /// a float, an array, or a `Copy` tangent (a float, `[F; N]` or a
    /// `Directions` bundle), so the float primitives' rules and the sums
    /// of tangents take their arguments by value (`rules::{name}::by_value`),
    /// which rustc checks several times faster than the reference forms.
    /// `None` where a value among `vars` is an array (or the float type is
    /// not known): those keep the reference forms.
    fn by_value_float(&self, vars: &[Var]) -> Option<&Ident> {
        let scalar = !self.owns_matrices && !self.matrix_primitives && !self.bundle;
        let floats = vars.iter().all(|v| {
            let data = self.vars.get(*v);
            !data.array && !data.matrix && !data.reference
        });
        (scalar && floats).then_some(self.vars.float.as_ref()).flatten()
    }

    /// A derivative rule of a float primitive called by value (see
    /// [`Emitter::by_value_float`]): `rules::{name}::by_value::{rule}(..)`
    /// with the arguments, the value (`()` where the rules do not read
    /// it), and `tail` (the cotangent and tangent); only the tangent or
    /// cotangent for a linear primitive, whose float type is named since
    /// nothing else fixes it. `None` where the reference form is kept.
    fn by_value_rule(
        &self,
        prim: &Primitive,
        rule: &Ident,
        args: &[Var],
        out: Var,
        tail: &[Var],
        span: Span,
    ) -> Option<TokenStream> {
        if prim.matrix || !prim.first_order_reads_own_arg || !prim.second_order_reads_args {
            return None;
        }
        let float = self.by_value_float(&[args, tail].concat())?;
        let rules = Self::rules(prim);
        let tail: Vec<&Ident> = tail.iter().map(|v| self.ident(*v)).collect();
        if prim.name == "cast" {
            return Some(quote_spanned!(span=> #rules::by_value::#rule(#(#tail),*)));
        }
        if prim.linear {
            return Some(quote_spanned!(span=> #rules::by_value::#rule::<#float, _>(#(#tail),*)));
        }
        let args = args.iter().map(|v| self.ident(*v));
        let out = if prim.rules_read_value() {
            let out = self.ident(out);
            quote!(#out)
        } else {
            quote!(())
        };
        Some(quote_spanned!(span=> #rules::by_value::#rule(#(#args,)* #out, #(#tail),*)))
    }

    /// The value of an operator between floats, written as the operator
    /// (see [`Emitter::by_value_float`]).
    fn native_operator(&self, prim: &Primitive, args: &[Var], span: Span) -> Option<TokenStream> {
        if prim.matrix {
            return None;
        }
        self.by_value_float(args)?;
        let a: Vec<&Ident> = args.iter().map(|v| self.ident(*v)).collect();
        Some(match (prim.name, &a[..]) {
            ("add", [x, y]) => quote_spanned!(span=> #x + #y),
            ("sub", [x, y]) => quote_spanned!(span=> #x - #y),
            ("mul", [x, y]) => quote_spanned!(span=> #x * #y),
            ("div", [x, y]) => quote_spanned!(span=> #x / #y),
            ("rem", [x, y]) => quote_spanned!(span=> #x % #y),
            ("neg", [x]) => quote_spanned!(span=> -#x),
            _ => return None,
        })
    }

    fn expr(&self, expr: &Expr, span: Span) -> TokenStream {
        match expr {
            Expr::Opaque { tokens, .. } => tokens.clone(),
            Expr::Copy(v) => {
                let ident = self.ident(*v);
                if !self.may_own(*v) || self.vars.is_array(*v) {
                    quote!(#ident)
                } else {
                    // A matrix is used again after it is copied; a float's
                    // clone is a copy. A reference argument's copy is an
                    // owned matrix, like every other matrix value.
                    let borrowed = self.borrow(*v);
                    quote_spanned!(span=> ::core::clone::Clone::clone(#borrowed))
                }
            }
            Expr::Prim { prim, args, form } => self.primal(prim, args, form, span),
            Expr::Jvp { prim, k, args, out, t } => {
                let t_var = t;
                let rule = format_ident!("jvp{}", k);
                if let Some(call) = self.by_value_rule(prim, &rule, args, *out, &[*t], span) {
                    return call;
                }
                let rules = self.rules_along(prim, *t);
                if prim.linear && !prim.matrix && prim.name != "cast" && self.movable.contains(t) {
                    let (rule, t) = (format_ident!("jvp{}_owned", k), self.ident(*t));
                    return quote_spanned!(span=> #rules::#rule(#t));
                }
                let t = self.ident(*t);
                if prim.linear && !self.bundled_matrix_rule(prim, *t_var) {
                    return quote_spanned!(span=> #rules::#rule(&#t));
                }
                let args = self.first_order_refs(prim, *k, args);
                let out = self.value_arg(prim, *out);
                quote_spanned!(span=> #rules::#rule(#(#args,)* #out &#t))
            }
            Expr::Vjp { prim, k, args, out, c } => {
                let rule = format_ident!("vjp{}", k);
                if let Some(call) = self.by_value_rule(prim, &rule, args, *out, &[*c], span) {
                    return call;
                }
                let rules = self.rules_along(prim, *c);
                // The linear operators (not the casts) take a cotangent
                // nothing else reads by value, and reuse its storage.
                if prim.linear && !prim.matrix && prim.name != "cast" && self.movable.contains(c) {
                    let (rule, c) = (format_ident!("vjp{}_owned", k), self.ident(*c));
                    return quote_spanned!(span=> #rules::#rule(#c));
                }
                let c_var = *c;
                let c = self.ident(*c);
                if prim.linear && !self.bundled_matrix_rule(prim, c_var) {
                    return quote_spanned!(span=> #rules::#rule(&#c));
                }
                // The pullback scales the other argument: it takes that
                // argument's storage where nothing reads it afterwards.
                if let Some(other) = self.owned_other(prim, *k, args) {
                    let (rule, other) = (format_ident!("vjp{}_owned", k), self.ident(other));
                    return quote_spanned!(span=> #rules::#rule(#other, &#c));
                }
                let args = self.first_order_refs(prim, *k, args);
                let out = self.value_arg(prim, *out);
                quote_spanned!(span=> #rules::#rule(#(#args,)* #out &#c))
            }
            Expr::VjpJvp { prim, k, j, args, out, c, t } => {
                let rule = format_ident!("vjp{}_jvp{}", k, j);
                if let Some(call) = self.by_value_rule(prim, &rule, args, *out, &[*c, *t], span) {
                    return call;
                }
                let rules = self.rules_along(prim, *t);
                let args = if prim.second_order_reads_args {
                    self.refs(args)
                } else {
                    args.iter().map(|_| quote!(&())).collect()
                };
                let out = self.value_arg(prim, *out);
                let (c, t) = (self.ident(*c), self.ident(*t));
                quote_spanned!(span=> #rules::#rule(#(#args,)* #out &#c, &#t))
            }
            Expr::Call { callee, args, mode } => self.call(callee, args, mode, span),
            Expr::Cotangent(c) => {
                // Located at the user's argument, where rustc reports a
                // missing derivative.
                let c = self.ident(*c);
                let c = Ident::new(&c.to_string(), c.span().located_at(span));
                quote_spanned!(span=> ::matdiff::__private::Cotangent::into_value(#c))
            }
            Expr::Add(a, b) => {
                if let Some(float) = self.by_value_float(&[*a, *b]) {
                    let (a, b) = (self.ident(*a), self.ident(*b));
                    return quote_spanned!(span=> ::matdiff::__private::add_pair::<#float, _>(#a, #b));
                }
                // Addition of tangents and cotangents is exactly commutative,
                // so either operand may lend its storage.
                if self.movable.contains(a) && self.movable.contains(b) {
                    let (a, b) = (self.ident(*a), self.ident(*b));
                    return quote_spanned!(span=> ::matdiff::__private::add_pair(#a, #b));
                }
                let (owned, other) = if self.movable.contains(a) {
                    (Some(*a), *b)
                } else if self.movable.contains(b) {
                    (Some(*b), *a)
                } else {
                    (None, *b)
                };
                match owned {
                    Some(owned) => {
                        let (owned, other) = (self.ident(owned), self.ident(other));
                        quote_spanned!(span=> ::matdiff::__private::add_owned(#owned, &#other))
                    }
                    None => {
                        let (a, b) = (self.ident(*a), self.ident(*b));
                        quote_spanned!(span=> ::matdiff::__private::add(&#a, &#b))
                    }
                }
            }
            Expr::Neg(v) => {
                if let Some(float) = self.by_value_float(&[*v]) {
                    let v = self.ident(*v);
                    return quote_spanned!(span=> ::matdiff::__private::neg_owned::<#float, _>(#v));
                }
                let v = self.ident(*v);
                quote!(::matdiff::__private::neg(&#v))
            }
            Expr::ZeroLike(v) => {
                let v = self.ident(*v);
                quote_spanned!(span=> ::matdiff::__private::zero_like(&#v))
            }
            Expr::ZeroTangent(v) => zero_tangent(self.vars, *v, &self.directions, span),
            Expr::Read { array, index } => {
                let (array, index) = (self.ident(*array), self.ident(*index));
                quote_spanned!(span=> #array[#index])
            }
            Expr::Take { buffer, index } => {
                let (buffer, index) = (self.ident(*buffer), self.ident(*index));
                quote!(::matdiff::__private::take_at(&mut #buffer, #index))
            }
            Expr::NewArray(init) => match init {
                ArrayInit::Fill { value, len: ArrayLen::Runtime(n) } => {
                    let (value, n) = (self.ident(*value), self.ident(*n));
                    quote_spanned!(span=> ::std::vec![#value; #n])
                }
                ArrayInit::Fill { value, len: ArrayLen::Const(n) } => {
                    let value = self.ident(*value);
                    quote_spanned!(span=> [#value; #n])
                }
                ArrayInit::List { items, vec } => {
                    let items = items.iter().map(|v| self.ident(*v));
                    if *vec {
                        quote_spanned!(span=> ::std::vec![#(#items),*])
                    } else {
                        quote_spanned!(span=> [#(#items),*])
                    }
                }
                ArrayInit::CopyOf { source, .. } if self.vars.get(*source).tangent => {
                    let source = self.ident(*source);
                    quote_spanned!(span=> ::matdiff::__private::TangentCopy::tangent_copy(&#source))
                }
                ArrayInit::CopyOf { source, method } => {
                    let source = self.ident(*source);
                    quote_spanned!(span=> #source.#method())
                }
            },
            Expr::SumAll { buffer, like } => {
                let (buffer, like) = (self.ident(*buffer), self.ident(*like));
                quote!(::matdiff::__private::sum_all(&#buffer, #like))
            }
            Expr::NewTape { capacity } => match capacity {
                Some(c) => {
                    let c = self.ident(*c);
                    match &self.tape_guard {
                        Some(guard) => quote!(::std::vec::Vec::with_capacity(if #guard { #c } else { 0 })),
                        None => quote!(::std::vec::Vec::with_capacity(#c)),
                    }
                }
                None => quote!(::std::vec::Vec::new()),
            },
            Expr::Pop { tape } => {
                let tape = self.ident(*tape);
                quote!(::matdiff::__private::pop(&mut #tape))
            }
            Expr::TripCount(range) => {
                let range = self.range(range);
                quote!(::matdiff::__private::trip_count(#range))
            }
            Expr::RangeIndex { range, k, .. } => {
                let k = self.ident(*k);
                if range.adapters.is_empty() {
                    // Element `k` of `a..b` or `a..=b` is element `k` of `a..`,
                    // which is one addition.
                    let start = self.ident(range.start);
                    return quote!(::matdiff::__private::range_nth((#start..), #k));
                }
                let range = self.range(range);
                quote!(::matdiff::__private::range_nth(#range, #k))
            }
            Expr::Tape { then, vars } => {
                let vars = vars.iter().map(|v| self.taped(*v));
                if *then {
                    quote_spanned!(span=> ::matdiff::__private::Branch::Then((#(#vars,)*)))
                } else {
                    quote_spanned!(span=> ::matdiff::__private::Branch::Else((#(#vars,)*)))
                }
            }
        }
    }

    /// The forward value of a primitive. Operators go through their rule
    /// module, which takes the operands by reference, so that a matrix is not
    /// moved; float methods are written as the user wrote them.
    fn primal(&self, prim: &Primitive, args: &[Var], form: &Form, span: Span) -> TokenStream {
        let a: Vec<&Ident> = args.iter().map(|v| self.ident(*v)).collect();
        match form {
            Form::Operator => {
                if let Some(value) = self.native_operator(prim, args, span) {
                    return value;
                }
                let rules = Self::rules(prim);
                let borrowed = self.refs(args);
                quote_spanned!(span=> #rules::value(#(#borrowed),*))
            }
            Form::Method(method) if prim.matrix => {
                let receiver = a[0];
                let rest = self.refs(&args[1..]);
                quote_spanned!(span=> #receiver.#method(#(#rest),*))
            }
            Form::Method(method) => {
                let (receiver, rest) = (a[0], &a[1..]);
                quote_spanned!(span=> #receiver.#method(#(#rest),*))
            }
            Form::Path(path) => quote_spanned!(span=> #path(#(#a),*)),
            Form::Cast(ty) => {
                let x = a[0];
                quote_spanned!(span=> #x as #ty)
            }
            Form::Value => {
                let rules = Self::rules(prim);
                let borrowed = self.refs(args);
                quote_spanned!(span=> #rules::value(#(#borrowed),*))
            }
            Form::Map => {
                let x = self.borrow(args[0]);
                let f = a[1];
                quote_spanned!(span=> ::matdiff::__private::rules::matrix::map::value(#x, &#f))
            }
            Form::Index => {
                let (x, i) = (a[0], a[1]);
                quote_spanned!(span=> #x[#i])
            }
            Form::Helper(path) => {
                let borrowed = self.refs(args);
                quote_spanned!(span=> #path(#(#borrowed),*))
            }
            Form::Build { prefix, sized } => {
                let elements = self.borrow(args[0]);
                if *sized {
                    let sizes = a[1];
                    quote_spanned!(span=> #prefix::from_column_slice(#sizes.0, #sizes.1, #elements))
                } else {
                    quote_spanned!(span=> #prefix::from_column_slice(#elements))
                }
            }
        }
    }

    fn call(&self, callee: &Callee, args: &[Var], mode: &CallMode, span: Span) -> TokenStream {
        let arg_tokens: Vec<TokenStream> = args
            .iter()
            .enumerate()
            .map(|(k, v)| {
                let ident = self.ident(*v);
                if callee.by_ref.get(k).copied().unwrap_or(false) { self.borrow(*v) } else { quote!(#ident) }
            })
            .collect();
        let args_are_arrays: Vec<bool> = args.iter().map(|v| self.vars.is_array(*v)).collect();
        let args = arg_tokens;
        // The tangent of an array argument is lent; a scalar's is copied.
        let option = |(k, t): (usize, &Option<Var>)| match t {
            Some(v) => {
                let v = self.ident(*v);
                if args_are_arrays.get(k).copied().unwrap_or(false) {
                    quote_spanned!(span=> ::core::option::Option::Some(&#v))
                } else {
                    // A float's tangent is copied, a matrix's cloned: the
                    // caller may still need it.
                    quote_spanned!(span=> ::core::option::Option::Some(::core::clone::Clone::clone(&#v)))
                }
            }
            None => quote_spanned!(span=> ::core::option::Option::None),
        };
        let out_option = |t: &Option<Var>| match t {
            Some(v) => {
                let v = self.ident(*v);
                quote_spanned!(span=> ::core::option::Option::Some(#v))
            }
            None => quote_spanned!(span=> ::core::option::Option::None),
        };
        let (suffix, extra) = match mode {
            CallMode::Value => (None, quote!()),
            CallMode::Vjp { out_bar } => {
                let out_bar = self.ident(*out_bar);
                (Some(crate::naming::VJP), quote!(, #out_bar))
            }
            CallMode::Jvp { tangents } => {
                let tangents = tangents.iter().enumerate().map(option);
                (Some(crate::naming::JVP), quote!(, (#(#tangents,)*)))
            }
            CallMode::VjpJvp { tangents, out_bar, out_bar_dot } => {
                let tangents = tangents.iter().enumerate().map(option);
                let out_bar = self.ident(*out_bar);
                let out_bar_dot = out_option(out_bar_dot);
                (Some(crate::naming::VJP_JVP), quote!(, (#(#tangents,)*), #out_bar, #out_bar_dot))
            }
        };
        let call = self.call_target(callee, &args, suffix, extra, span);
        // A caller holding nalgebra values takes one direction at a time;
        // when every tangent it passes is a matrix's, nothing else tells
        // the callee's generic companions so.
        let d = &self.directions;
        match mode {
            CallMode::Jvp { .. } if self.owns_matrices && !self.bundle => {
                quote_spanned!(span=> { let __matdiff_call: (_, #d) = #call; __matdiff_call })
            }
            CallMode::VjpJvp { .. } if self.owns_matrices && !self.bundle => {
                quote_spanned!(span=> { let __matdiff_call: (_, #d, _, _) = #call; __matdiff_call })
            }
            _ => call,
        }
    }

    fn call_target(
        &self,
        callee: &Callee,
        args: &[TokenStream],
        suffix: Option<&str>,
        extra: TokenStream,
        span: Span,
    ) -> TokenStream {
        match (&callee.target, suffix) {
            (Target::Path(path), None) => quote_spanned!(span=> #path(#(#args),*)),
            (Target::Path(path), Some(suffix)) if crate::naming::names_associated_function(path) => {
                // `Self::f(..)`, `Model::f(..)`: the companions of an
                // associated function are hidden associated functions.
                let mut path = path.clone();
                if let Some(last) = path.segments.last_mut() {
                    last.ident = crate::naming::companion_method(suffix, &last.ident);
                }
                quote_spanned!(span=> #path(#(#args),* #extra))
            }
            (Target::Path(path), Some(suffix)) => {
                let suffix = Ident::new(suffix, span);
                quote_spanned!(span=> #path::#suffix(#(#args),* #extra))
            }
            (Target::SelfMethod(method), None) => quote_spanned!(span=> self.#method(#(#args),*)),
            (Target::SelfMethod(method), Some(suffix)) => {
                let hidden = crate::naming::companion_method(suffix, method);
                quote_spanned!(span=> self.#hidden(#(#args),* #extra))
            }
        }
    }
}

/// For each top-level statement, the values to drop after it: defined by a
/// `let` of the list, read only by `let`s whose expressions borrow their
/// operands (rules, operators, sums), not an output, not moved anywhere.
fn early_drops(
    stmts: &[Stmt],
    outputs: &HashSet<Var>,
    movable: &HashSet<Var>,
    heavy: &HashSet<Var>,
) -> std::collections::HashMap<usize, Vec<Var>> {
    let mut defined = Vec::new();
    let mut last_read = std::collections::HashMap::new();
    let mut unsafe_to_drop = HashSet::new();
    for (i, stmt) in stmts.iter().enumerate() {
        let block = Block { stmts: vec![stmt.clone()], yields: Vec::new() };
        let reads = block.free_vars();
        let borrowing = match stmt {
            Stmt::Let { dst, expr, .. } => {
                if let Dst::Var(v) = dst {
                    defined.push(*v);
                }
                matches!(
                    expr,
                    Expr::Prim { .. }
                        | Expr::Jvp { .. }
                        | Expr::Vjp { .. }
                        | Expr::VjpJvp { .. }
                        | Expr::Add(..)
                        | Expr::Neg(_)
                        | Expr::ZeroLike(_)
                        | Expr::ZeroTangent(_)
                        | Expr::Copy(_)
                )
            }
            _ => false,
        };
        for v in reads {
            last_read.insert(v, i);
            if !borrowing {
                unsafe_to_drop.insert(v);
            }
        }
    }
    // A value read once is moved only where an addition or a linear rule
    // takes it; read once by a rule that borrows it, it is dropped like any
    // other (and a bundle that shares its storage may then reuse it).
    let mut consumed = HashSet::new();
    taken_by_value(stmts, &mut consumed);
    let mut drops: std::collections::HashMap<usize, Vec<Var>> = std::collections::HashMap::new();
    for v in defined {
        let moved = movable.contains(&v) && consumed.contains(&v);
        if !heavy.contains(&v) || outputs.contains(&v) || moved || unsafe_to_drop.contains(&v) {
            continue;
        }
        if let Some(&i) = last_read.get(&v) {
            drops.entry(i).or_default().push(v);
        }
    }
    drops
}

/// The values that the code of `stmts` may take by value where they are
/// read once: the operands of sums and the tangents and cotangents of
/// linear rules.
fn taken_by_value(stmts: &[Stmt], out: &mut HashSet<Var>) {
    for stmt in stmts {
        match stmt {
            Stmt::Let { expr, .. } => match expr {
                Expr::Add(a, b) => out.extend([*a, *b]),
                Expr::Jvp { prim, t: v, .. } | Expr::Vjp { prim, c: v, .. } if prim.linear => {
                    out.insert(*v);
                }
                Expr::Vjp { prim, k, args, .. } if !prim.first_order_reads_own_arg && args.len() == 2 => {
                    out.insert(args[1 - k]);
                }
                _ => {}
            },
            Stmt::If { then_blk, else_blk, .. } => {
                taken_by_value(&then_blk.stmts, out);
                taken_by_value(&else_blk.stmts, out);
            }
            Stmt::Loop(l) => {
                if let Header::While { cond } = &l.header {
                    taken_by_value(&cond.stmts, out);
                }
                taken_by_value(&l.body.stmts, out);
            }
            _ => {}
        }
    }
}

/// Whether a statement of `stmts` (or of a block inside) applies a nalgebra
/// primitive or one of its rules.
fn uses_matrix_primitives(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|stmt| match stmt {
        Stmt::Let {
            expr: Expr::Prim { prim, .. } | Expr::Jvp { prim, .. } | Expr::Vjp { prim, .. } | Expr::VjpJvp { prim, .. },
            ..
        } => prim.matrix,
        Stmt::If { then_blk, else_blk, .. } => {
            uses_matrix_primitives(&then_blk.stmts) || uses_matrix_primitives(&else_blk.stmts)
        }
        Stmt::Loop(l) => {
            let cond = match &l.header {
                Header::While { cond } => uses_matrix_primitives(&cond.stmts),
                _ => false,
            };
            cond || uses_matrix_primitives(&l.body.stmts)
        }
        _ => false,
    })
}

/// The values read by inactive user code anywhere in `stmts`.
fn collect_opaque_uses(stmts: &[Stmt], out: &mut HashSet<Var>) {
    for stmt in stmts {
        match stmt {
            Stmt::Let { expr: Expr::Opaque { uses, .. }, .. } | Stmt::Effect { uses, .. } => out.extend(uses),
            Stmt::If { then_blk, else_blk, .. } => {
                collect_opaque_uses(&then_blk.stmts, out);
                collect_opaque_uses(&else_blk.stmts, out);
            }
            Stmt::Loop(l) => {
                if let Header::While { cond } = &l.header {
                    collect_opaque_uses(&cond.stmts, out);
                }
                collect_opaque_uses(&l.body.stmts, out);
            }
            _ => {}
        }
    }
}

/// The zero tangent of `v` along `directions`.
pub fn zero_tangent(vars: &Vars, v: Var, directions: &TokenStream, span: Span) -> TokenStream {
    let data = vars.get(v);
    if vars.generic_float && !data.array && !data.matrix {
        return quote_spanned!(span=> <#directions as ::matdiff::__private::Directions<_>>::zero());
    }
    let v = vars.ident(v);
    quote_spanned!(span=> ::matdiff::__private::zero_tangent::<#directions, _>(&#v))
}

/// The views of a loop (see `Emitter::loop_views`).
struct LoopViews {
    /// The loop's index, bound in the body from the position.
    index: Ident,
    start: Ident,
    /// What the loop runs over `0..count`.
    position: Ident,
    count: Ident,
    /// The count and the views, before the loop.
    decls: TokenStream,
    /// The view each window writes its highest entry through.
    windows: std::collections::HashMap<Var, Ident>,
}

/// `p2` for offset 2, `m1` for -1: part of a view's name.
fn offset_name(offset: i64) -> String {
    if offset < 0 { format!("m{}", -offset) } else { format!("p{offset}") }
}
