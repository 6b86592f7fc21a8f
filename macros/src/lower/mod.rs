//! Lowers the function body to the IR: one assignment per value, one
//! statement per primitive, mutable variables in SSA form, arrays as memory
//! read and written by element, loops with the values they carry, and early
//! returns turned into branches that carry the rest of the function.
//!
//! The closure of an elementwise map (`x.map(|v| ..)` of a nalgebra value)
//! is only checked and recorded here ([`Lowered::maps`]): the `closure`
//! pass, run after lowering, differentiates it.

mod build;
mod closures;
mod definitions;
mod loops;
mod syntax;
mod tuples;
mod types;
mod views;

use std::collections::{HashMap, HashSet};

use matdiff_table as table;
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::spanned::Spanned;

use crate::errors::{self, Errors};
use crate::ir::{
    ArrayInit, ArrayLen, Block, CallMode, Callee, Cond, Dst, Expr, Form, Stmt, StoreOp, Target, Var, Vars,
};
use crate::rename;
use crate::signature::{Float, Shape, Signature};
use syntax::*;
use tuples::{TupleShape, is_tuple_pattern, pattern_names, pattern_shape};
use types::TypeClasses;

/// The body in IR form.
pub struct Lowered {
    pub vars: Vars,
    /// The body; it yields one value, the function's result.
    pub body: Block,
    /// The value of each parameter, in signature order.
    pub params: Vec<Var>,
    /// Items declared in the body (constants, helper functions, imports),
    /// copied into every generated function.
    pub items: Vec<syn::Stmt>,
    /// The elementwise maps, whose derivative closures the `closure` pass
    /// writes into the `let`s that lowering left empty.
    pub maps: Vec<MapClosure>,
}

/// The closure of an elementwise map `x.map(|v| body)`, recorded by the
/// lowering, which binds the closure itself and leaves the `let`s of its
/// derivatives empty (`Expr::Opaque` with no tokens) for the `closure` pass.
pub struct MapClosure {
    /// The closure, the values it names from the function renamed.
    pub closure: syn::ExprClosure,
    /// The name of its argument, the element.
    pub param: syn::Ident,
    /// The float type of the elements.
    pub float: Float,
    /// The names of the function's values where the map was lowered, which
    /// the body may use as constants and the generated closures must not
    /// take.
    pub reserved: Vec<String>,
    /// The `let` of the closure `|v: F| f'(v)`.
    pub first: Var,
    /// The `let` of the closure `|v: F| f''(v)`.
    pub second: Var,
}

impl Lowered {
    pub fn result(&self) -> Var {
        self.body.yields[0]
    }

    /// Whether a nalgebra value holds a derivative: one built from
    /// differentiated floats, or made from a nalgebra argument.
    pub fn varied_matrices(&self) -> bool {
        self.vars.all().any(|v| self.vars.get(v).matrix && self.vars.varied(v))
    }
}

/// What an earlier attempt found out about variedness that the lowering
/// needs from the start: a variable carried round a loop, or an array, that
/// turns out to hold values depending on the inputs only after code that
/// reads it was lowered.
#[derive(Clone, Default, PartialEq, Eq)]
struct Hints {
    /// `(loop number, variable)`: carried values that are varied.
    varied_carried: HashSet<(usize, String)>,
    /// `(variable, declaration number)`: arrays that are varied.
    varied_arrays: HashSet<(String, usize)>,
}

pub fn lower(sig: &Signature, body: &syn::Block) -> syn::Result<Lowered> {
    lower_inside(sig, body, &[])
}

/// Lowers code that is emitted inside another function and may refer to
/// its values, whose names are `reserved`: no value here takes one of them.
pub fn lower_inside(sig: &Signature, body: &syn::Block, reserved: &[String]) -> syn::Result<Lowered> {
    let mut hints = Hints::default();
    // Each attempt can only add hints, and there are finitely many loops and
    // arrays, so this settles.
    for _ in 0..256 {
        let mut lowerer = Lowerer::new(sig, hints.clone());
        lowerer.vars.reserve(reserved.iter().cloned());
        let mut params = Vec::new();
        for param in &sig.params {
            let varied =
                param.wrt || (param.is_array() && lowerer.hints.varied_arrays.contains(&(param.ident.to_string(), 0)));
            let var = lowerer.vars.named(param.ident.clone(), varied);
            let data = lowerer.vars.get_mut(var);
            data.mutable = param.mutable;
            data.array = param.is_array();
            data.place = param.is_array() && param.mutable;
            data.reference = param.matrix().is_some_and(|m| m.reference);
            data.matrix = param.matrix().is_some();
            lowerer.declare(param.ident.to_string(), var);
            lowerer.decl_keys.insert(var, (param.ident.to_string(), 0));
            params.push(var);
        }
        let result = lowerer.seq(&body.stmts, &[]);
        if lowerer.learned != Hints::default() && lowerer.errors.is_empty() {
            hints.varied_carried.extend(lowerer.learned.varied_carried);
            hints.varied_arrays.extend(lowerer.learned.varied_arrays);
            continue;
        }
        let mut errors = std::mem::take(&mut lowerer.errors);
        return match result {
            Ok(yields) if errors.is_empty() => {
                let yields = lowerer.result_array(yields, body.span());
                let returns_array = lowerer.vars.is_array(yields[0]);
                let wants_array = matches!(sig.vector_output, Some(Shape::Dynamic | Shape::Fixed(_)));
                if returns_array != wants_array && lowerer.vars.varied(yields[0]) {
                    return Err(syn::Error::new(
                        body.span(),
                        "the value this function returns does not have the shape its signature says",
                    ));
                }
                let mut stmts = std::mem::take(&mut lowerer.stmts);
                lowerer.type_joins(&mut stmts);
                // A constant nalgebra result (`DVector::zeros(2)`) gets its
                // type from the signature: the generated bodies, which do
                // not return it, would not infer it.
                if let (Some(Shape::Matrix(m)), false) = (&sig.vector_output, lowerer.vars.varied(yields[0])) {
                    for stmt in &mut stmts {
                        if let Stmt::Let { dst: Dst::Var(v), ty, .. } = stmt {
                            if *v == yields[0] && ty.is_none() {
                                *ty = Some(Box::new(m.owned.clone()));
                            }
                        }
                    }
                }
                views::own_constant_views(&mut stmts, &yields, &lowerer.views, &mut lowerer.vars);
                Ok(Lowered {
                    vars: lowerer.vars,
                    body: Block { stmts, yields },
                    params,
                    items: lowerer.items,
                    maps: lowerer.maps,
                })
            }
            Ok(_) => errors.finish().map(|_| unreachable_lowered()),
            Err(e) => {
                errors.add(e);
                errors.finish().map(|_| unreachable_lowered())
            }
        };
    }
    Err(syn::Error::new(body.span(), "internal: the activity of the loop variables did not settle"))
}

/// `e` under any number of `*`.
fn strip_derefs(mut e: &syn::Expr) -> &syn::Expr {
    while let syn::Expr::Unary(syn::ExprUnary { op: syn::UnOp::Deref(_), expr, .. }) = e {
        e = expr;
    }
    e
}

/// `Errors::finish` on a non-empty collection never returns `Ok`; this
/// keeps the types happy without an `unwrap`.
fn unreachable_lowered() -> Lowered {
    Lowered { vars: Vars::default(), body: Block::default(), params: Vec::new(), items: Vec::new(), maps: Vec::new() }
}

/// The argument of the closure of an elementwise map, which must be one
/// name (`|v| ..` or `|v: f64| ..`), of a closure that is not `async`.
fn map_param(closure: &syn::ExprClosure) -> syn::Result<syn::Ident> {
    let param = match closure.inputs.iter().collect::<Vec<_>>().as_slice() {
        [syn::Pat::Ident(p)] if p.subpat.is_none() && p.by_ref.is_none() => p.ident.clone(),
        [syn::Pat::Type(t)] => match &*t.pat {
            syn::Pat::Ident(p) if p.subpat.is_none() && p.by_ref.is_none() => p.ident.clone(),
            other => return Err(not_a_name(other.span())),
        },
        [other] => return Err(not_a_name(other.span())),
        _ => {
            return Err(syn::Error::new(
                closure.inputs.span(),
                "the closure of `map` takes one argument, the element: `x.map(|v| ..)`",
            ));
        }
    };
    if let Some(asyncness) = &closure.asyncness {
        return Err(syn::Error::new(asyncness.span(), "an `async` closure cannot be differentiated"));
    }
    Ok(param)
}

fn not_a_name(span: Span) -> syn::Error {
    syn::Error::new(span, "the closure of `map` must name its argument (`|v| ..`): destructure it inside the body")
}

/// A jump an inner loop may have made, pending after it.
enum Pending {
    Return,
    /// `(label, is_continue)`.
    Label(String, bool),
}

/// Where arms of a branch meet again in the user's code: the statements
/// after it (their address and number), or the `let` it initializes.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum JoinPoint {
    Rest(usize, usize),
    Bind(usize),
}

/// What follows a block whose statements contain an early `return`,
/// `break` or `continue`: the lowering carries these into every arm that
/// does not jump.
enum Frame<'b> {
    /// The remaining statements of an enclosing block.
    Rest { stmts: &'b [syn::Stmt], depth: usize },
    /// Bind the value the block produced with this `let`, then go on.
    Bind { local: &'b syn::Local, depth: usize },
    /// The end of a loop body: yield the carried variables (as they are in
    /// the loop's scope, `depth`), then, if the loop breaks, whether to stop.
    /// `value` is the carried key that holds a `loop`'s `break` value,
    /// `label` the loop's label.
    LoopEnd { carried: &'b [String], breaks: bool, depth: usize, value: Option<&'b str>, label: Option<&'b str> },
}

impl<'b> Frame<'b> {
    fn reborrow(&self) -> Frame<'b> {
        match self {
            Frame::Rest { stmts, depth } => Frame::Rest { stmts, depth: *depth },
            Frame::Bind { local, depth } => Frame::Bind { local, depth: *depth },
            Frame::LoopEnd { carried, breaks, depth, value, label } => {
                Frame::LoopEnd { carried, breaks: *breaks, depth: *depth, value: *value, label: *label }
            }
        }
    }
}

/// The names of the values a chain of frames ends by yielding: a loop
/// body's carried values, or the function's result (`outputs` values, for
/// a tuple result).
fn terminal_names(frames: &[Frame], outputs: Option<usize>) -> Vec<String> {
    for frame in frames {
        if let Frame::LoopEnd { carried, breaks, .. } = frame {
            let mut names = carried.to_vec();
            if *breaks {
                names.push("stop".to_string());
            }
            return names;
        }
    }
    match outputs {
        Some(len) => vec!["output".to_string(); len],
        None => vec!["result".to_string()],
    }
}

struct Lowerer {
    vars: Vars,
    /// The current value of every user variable, innermost scope last.
    scopes: Vec<HashMap<String, Var>>,
    /// The block being built.
    stmts: Vec<Stmt>,
    items: Vec<syn::Stmt>,
    errors: Errors,
    /// The float type of the differentiated values.
    float: Float,
    /// The function's const parameters (`const N: usize`).
    const_params: Vec<syn::Ident>,
    hints: Hints,
    /// Hints this attempt learned; a non-empty set means "try again".
    learned: Hints,
    /// How many `let` declarations of each name came before.
    let_counts: HashMap<String, usize>,
    /// nalgebra values built from array literals so far: names the
    /// literals' arrays for the hints of later attempts.
    build_count: usize,
    /// The declaration each variable bound by a `let` (or a parameter) came from.
    decl_keys: HashMap<Var, (String, usize)>,
    /// How many loops came before.
    loop_count: usize,
    /// Loop elements bound by value (`for x in v.iter()` binds `x` to the
    /// element, not a reference): `*x` is `x`.
    by_value: HashSet<Var>,
    /// The elements already read in this block, by (array, index): reading
    /// `x[i]` three times gives one value, so its cotangent is summed in a
    /// register and added to the array's buffer once.
    reads: HashMap<(Var, Var), Var>,
    /// The values a user variable has where the code after an early
    /// `return`, `break` or `continue` starts, one per arm that reaches it:
    /// keyed by that code (its address) and the name. The user's code
    /// joins them into one variable of one type; the lowering copies that
    /// code into every arm, where a literal no longer meets the other arms'
    /// values and rustc cannot tell its float type (`let y = 0.5;
    /// y.hypot(..)`).
    joins: HashMap<(JoinPoint, String), Vec<Var>>,
    /// Pairs of values of one type: the old and new value of an assigned
    /// variable, whose initializer alone may not tell it (`g = -0.25;` of a
    /// float variable `g`), and the two sides of a comparison (`w > g`).
    same_type: Vec<(Var, Var)>,
    /// The values the function returns, at its end or by `return`: when
    /// the result is a float, they have the function's float type, which
    /// the arm that computes one may not tell (`return t` of `let t = 0.5;`
    /// lowered after an arm that calls `t.hypot(..)`).
    results: Vec<Var>,
    /// Values bound by a `let` that writes the function's float type: the
    /// other values of their class have it too, though the code that made
    /// the type known may be gone (`let mut s: f64 = 0.5; s = -1.5;`).
    written_float: Vec<Var>,
    /// Whether the function returns one float.
    scalar_result: bool,
    /// The length of the tuple of floats the function returns, if it does.
    tuple_result: Option<usize>,
    /// The elementwise maps lowered so far.
    maps: Vec<MapClosure>,
    /// Closure arguments bound to a window of `windows(k)` and not yet
    /// substituted into the closure's body: `(name, source, offsets, k)`.
    windows: Vec<loops::WindowBinding>,
    /// Constants that are nalgebra views, with their view expressions (see
    /// `views`).
    views: HashMap<Var, TokenStream>,
    /// Closures bound by `let`, by the variable their name is bound to.
    closures: HashMap<Var, closures::LocalClosure>,
    /// The variables of closures that read differentiated values: code
    /// that names one is differentiated code.
    varied_closures: HashSet<Var>,
    /// The variables of closures whose definition was reported as an error.
    broken_closures: HashSet<Var>,
}

type Arm<'f> = Box<dyn FnOnce(&mut Lowerer) -> syn::Result<Vec<Var>> + 'f>;

impl Lowerer {
    fn new(sig: &Signature, hints: Hints) -> Self {
        Lowerer {
            vars: Vars::with_float(sig.float.ident(), sig.float.is_generic()),
            scopes: vec![HashMap::new()],
            stmts: Vec::new(),
            items: Vec::new(),
            errors: Errors::default(),
            float: sig.float.clone(),
            const_params: sig
                .generics
                .params
                .iter()
                .filter_map(|p| match p {
                    syn::GenericParam::Const(c) => Some(c.ident.clone()),
                    _ => None,
                })
                .collect(),
            hints,
            learned: Hints::default(),
            let_counts: HashMap::new(),
            build_count: 0,
            decl_keys: HashMap::new(),
            loop_count: 0,
            by_value: HashSet::new(),
            reads: HashMap::new(),
            joins: HashMap::new(),
            same_type: Vec::new(),
            results: Vec::new(),
            written_float: Vec::new(),
            scalar_result: sig.vector_output.is_none(),
            tuple_result: sig.tuple_output,
            maps: Vec::new(),
            windows: Vec::new(),
            views: HashMap::new(),
            closures: HashMap::new(),
            varied_closures: HashSet::new(),
            broken_closures: HashSet::new(),
        }
    }

    // ----- variables -------------------------------------------------------

    fn lookup(&self, name: &str) -> Option<Var> {
        self.scopes.iter().rev().find_map(|scope| scope.get(name).copied())
    }

    /// The value of `name` as seen from scope `depth` (ignoring the scopes
    /// opened inside it).
    fn lookup_at(&self, name: &str, depth: usize) -> Option<Var> {
        self.scopes[..=depth.min(self.scopes.len() - 1)].iter().rev().find_map(|scope| scope.get(name).copied())
    }

    fn declare(&mut self, name: String, var: Var) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.insert(name, var);
        }
    }

    /// Gives the user variable `name` a new value; false if it is unknown.
    fn assign(&mut self, name: &str, var: Var) -> bool {
        for scope in self.scopes.iter_mut().rev() {
            if let Some(slot) = scope.get_mut(name) {
                self.same_type.push((*slot, var));
                *slot = var;
                return true;
            }
        }
        false
    }

    fn mentions_varied(&self, tokens: TokenStream) -> bool {
        rename::mentions(tokens, &|name| {
            self.lookup(name).is_some_and(|v| self.vars.varied(v) || self.varied_closures.contains(&v))
        })
    }

    fn emit(&mut self, dst: Var, expr: Expr, span: Span) -> Var {
        self.stmts.push(Stmt::Let { dst: Dst::Var(dst), ty: None, expr, span });
        dst
    }

    /// Inactive user code: evaluated as written, with no derivative.
    fn opaque(&mut self, written: &syn::Expr, hint: Option<&str>) -> Var {
        let mut expr = written.clone();
        let uses = self.rename(&mut expr);
        let var = self.vars.fresh(hint.unwrap_or("c"), expr.span(), false);
        // `&self.a`: the value is a reference, which rules take as it is.
        self.vars.get_mut(var).reference = matches!(&expr, syn::Expr::Reference(r) if r.mutability.is_none());
        self.note_constant_view(var, written, &expr);
        let span = expr.span();
        self.emit(var, Expr::Opaque { tokens: expr.into_token_stream(), uses }, span)
    }

    /// A constant written by the macro itself (a literal, `true`).
    /// A float literal of the function's float type: as written, or
    /// through `Scalar::of` for a type parameter, which takes no literals.
    fn float_constant(&self, literal: TokenStream) -> TokenStream {
        match &self.float {
            Float::Generic(t) => quote!(<#t as ::matdiff::__private::Scalar>::of(#literal)),
            _ => literal,
        }
    }

    fn constant(&mut self, tokens: TokenStream, name: &str) -> Var {
        let var = self.vars.fresh(name, Span::call_site(), false);
        self.emit(var, Expr::Opaque { tokens, uses: Vec::new() }, Span::call_site())
    }

    fn rename(&self, expr: &mut syn::Expr) -> Vec<Var> {
        let lookup = |name: &str| self.lookup(name);
        let by_value = |var: Var| self.by_value.contains(&var);
        rename::rename(expr, &lookup, &by_value, &self.vars)
    }

    /// Asks for another attempt in which the array declared by `var` is
    /// varied; false if `var` was not declared by a `let` or a parameter.
    fn learn_varied_array(&mut self, var: Var) -> bool {
        match self.decl_keys.get(&var) {
            // Already declared varied, and still not an array: it was not
            // built in a form the macro can make an array of.
            Some(key) if self.hints.varied_arrays.contains(key) => false,
            Some(key) => {
                self.learned.varied_arrays.insert(key.clone());
                true
            }
            None => false,
        }
    }

    // ----- statements and jumps --------------------------------------------

    /// Lowers `stmts` and whatever `frames` says follows them, up to the
    /// values the whole construct yields (the function's result, or the next
    /// values of a loop body), which it returns.
    fn seq(&mut self, stmts: &[syn::Stmt], frames: &[Frame]) -> syn::Result<Vec<Var>> {
        for (i, stmt) in stmts.iter().enumerate() {
            let rest = &stmts[i + 1..];
            let is_tail = rest.is_empty() && matches!(stmt, syn::Stmt::Expr(_, None));
            if ControlFinder::of_stmt(stmt).jumps() {
                return self.jumping_stmt(stmt, rest, is_tail, frames);
            }
            if is_tail {
                if let syn::Stmt::Expr(expr, None) = stmt {
                    return self.finish(expr, frames);
                }
            }
            let first_new = self.vars.next();
            if let Err(e) = self.stmt(stmt) {
                self.errors.add(e);
                self.declare_unlowered(stmt, first_new);
            }
        }
        self.continue_frames(frames)
    }

    /// The block produced the value `expr`: hand it to the next frame.
    fn finish(&mut self, expr: &syn::Expr, frames: &[Frame]) -> syn::Result<Vec<Var>> {
        match frames.first() {
            None => self.result_value(expr),
            Some(Frame::Rest { stmts, depth }) => {
                if let Err(e) = self.expr_stmt(expr) {
                    self.errors.add(e);
                }
                self.scopes.truncate(*depth);
                self.record_join(stmts);
                self.seq(stmts, &frames[1..])
            }
            Some(Frame::Bind { local, depth }) if is_tuple_pattern(&local.pat) => {
                let value = self.tuple_value(expr, &pattern_shape(&local.pat))?;
                self.scopes.truncate(*depth);
                self.bind_pattern(&local.pat, None, value)?;
                let mut names = Vec::new();
                pattern_names(&local.pat, &mut names);
                for name in names {
                    if let Some(var) = self.lookup(&name) {
                        let key = (JoinPoint::Bind(*local as *const syn::Local as usize), name);
                        self.joins.entry(key).or_default().push(var);
                    }
                }
                self.continue_frames(&frames[1..])
            }
            Some(Frame::Bind { local, depth }) => {
                let name = local_name(&local.pat);
                let value = self.expr(expr, name.as_deref())?;
                self.scopes.truncate(*depth);
                self.bind(local, value)?;
                if let Some(var) = name.as_deref().and_then(|name| self.lookup(name)) {
                    let key = (JoinPoint::Bind(*local as *const syn::Local as usize), name.unwrap_or_default());
                    self.joins.entry(key).or_default().push(var);
                }
                self.continue_frames(&frames[1..])
            }
            Some(Frame::LoopEnd { .. }) => {
                if let Err(e) = self.expr_stmt(expr) {
                    self.errors.add(e);
                }
                self.continue_frames(frames)
            }
        }
    }

    /// The block ended without a value: go on with the next frame.
    fn continue_frames(&mut self, frames: &[Frame]) -> syn::Result<Vec<Var>> {
        match frames.first() {
            Some(Frame::Rest { stmts, depth }) => {
                self.scopes.truncate(*depth);
                self.record_join(stmts);
                self.seq(stmts, &frames[1..])
            }
            Some(Frame::Bind { local, .. }) => Err(syn::Error::new(
                local.span(),
                "this block ends without a value on some path: end every branch with a value or a `return`",
            )),
            Some(Frame::LoopEnd { carried, breaks, depth, .. }) => {
                Ok(self.loop_yields(carried, *breaks, *depth, false))
            }
            None => Err(syn::Error::new(
                Span::call_site(),
                "the function body ends without a value on some path: end it with the value to differentiate",
            )),
        }
    }

    /// Notes the value of every variable in scope where the statements
    /// `rest` start, for [`Lowerer::type_joins`].
    fn record_join(&mut self, rest: &[syn::Stmt]) {
        if rest.is_empty() {
            // Nothing follows here that could read a variable.
            return;
        }
        let code = JoinPoint::Rest(rest.as_ptr() as usize, rest.len());
        let mut visible: HashMap<&String, Var> = HashMap::new();
        for scope in &self.scopes {
            visible.extend(scope.iter().map(|(name, var)| (name, *var)));
        }
        for (name, var) in visible {
            let values = self.joins.entry((code, name.clone())).or_default();
            if !values.contains(&var) {
                values.push(var);
            }
        }
    }

    /// Gives the function's float type to the inactive floats that the
    /// user's code gives one type with a differentiated float or with the
    /// function's float result (see [`types`]).
    fn type_joins(&self, stmts: &mut [Stmt]) {
        // A generic function has no float literals of its float type (rustc
        // rejects them), so nothing needs it written.
        if self.float.is_generic() {
            return;
        }
        // With nalgebra values, whether a value is a matrix is not always
        // known here, and a matrix must not be typed as a float: a class
        // then means one scalar type (of a float, or of a matrix's
        // entries), and only floats written as literals are annotated.
        let matrices = self.vars.all().any(|v| self.vars.get(v).matrix);
        let count = self.vars.all().count();
        let mut classes = TypeClasses::new(count);
        for values in self.joins.values() {
            classes.union_all(values);
        }
        for &(a, b) in &self.same_type {
            classes.union(a, b);
        }
        classes.join_ir(stmts, &self.vars);
        if self.scalar_result {
            classes.union_all(&self.results);
        }
        let is_float = |v: Var| {
            let data = self.vars.get(v);
            !data.array && !data.matrix && !data.reference
        };
        let mut float_classes = HashSet::new();
        float_classes.insert(classes.float());
        for v in self.vars.all().filter(|&v| self.vars.varied(v) && (matrices || is_float(v))) {
            float_classes.insert(classes.class(v));
        }
        if self.scalar_result {
            if let Some(&result) = self.results.first() {
                float_classes.insert(classes.class(result));
            }
        }
        for &v in &self.written_float {
            float_classes.insert(classes.class(v));
        }
        let float = self.float.ident();
        let mut casts = Vec::new();
        types::float_casts(stmts, &float, &mut casts);
        for v in casts {
            float_classes.insert(classes.class(v));
        }
        // Inactive arrays whose elements meet the float type; the locals
        // they are built from have it too.
        let mut array_classes = HashSet::new();
        for (element, array) in classes.elements.clone() {
            if float_classes.contains(&classes.class(element)) {
                array_classes.insert(classes.class(array));
            }
        }
        for (array, member) in classes.members.clone() {
            if array_classes.contains(&classes.class(array)) {
                float_classes.insert(classes.class(member));
            }
        }
        let arrays: HashSet<Var> =
            self.vars.all().filter(|&v| !self.vars.varied(v) && array_classes.contains(&classes.class(v))).collect();
        types::suffix_array_literals(stmts, &arrays, &float);
        let typed: HashSet<Var> = self
            .vars
            .all()
            .filter(|&v| !self.vars.varied(v) && is_float(v) && float_classes.contains(&classes.class(v)))
            .collect();
        if typed.is_empty() {
            return;
        }
        let ty: syn::Type = syn::parse_quote!(#float);
        let which = if matrices { types::Annotate::FloatLiteralsOnly } else { types::Annotate::WithFloatLiteral };
        types::annotate(stmts, &typed, &ty, which);
    }

    /// What a loop body yields: the carried variables, then the stop flag.
    fn loop_yields(&mut self, carried: &[String], breaks: bool, depth: usize, stop: bool) -> Vec<Var> {
        let mut yields: Vec<Var> = carried.iter().filter_map(|name| self.lookup_at(name, depth)).collect();
        if breaks {
            yields.push(self.constant(if stop { quote!(true) } else { quote!(false) }, "stop"));
        }
        yields
    }

    /// A statement that contains an early `return`, `break` or `continue`.
    fn jumping_stmt(
        &mut self,
        stmt: &syn::Stmt,
        rest: &[syn::Stmt],
        is_tail: bool,
        frames: &[Frame],
    ) -> syn::Result<Vec<Var>> {
        let depth = self.scopes.len();
        match stmt {
            syn::Stmt::Expr(jump @ (syn::Expr::Return(_) | syn::Expr::Break(_) | syn::Expr::Continue(_)), _) => {
                self.jump(jump, frames)
            }
            syn::Stmt::Expr(expr, _) if is_branching(expr) => {
                if is_tail {
                    self.jumping_expr(expr, frames)
                } else {
                    let mut inner = vec![Frame::Rest { stmts: rest, depth }];
                    inner.extend(frames.iter().map(Frame::reborrow));
                    self.jumping_expr(expr, &inner)
                }
            }
            syn::Stmt::Expr(looped @ (syn::Expr::ForLoop(_) | syn::Expr::While(_) | syn::Expr::Loop(_)), _) => {
                let value = self.loop_stmt(looped)?;
                let span = looped.span();
                let else_arm: Arm = Box::new(move |s: &mut Lowerer| {
                    if !is_tail {
                        let mut inner = vec![Frame::Rest { stmts: rest, depth }];
                        inner.extend(frames.iter().map(Frame::reborrow));
                        return s.continue_frames(&inner);
                    }
                    if !frames.is_empty() {
                        return s.continue_frames(frames);
                    }
                    // The loop is the function's value: its `break` value, or
                    // (a loop left only by `return`) the returned value, on a
                    // path that never runs.
                    let result = value
                        .or_else(|| s.lookup(loops::RETURN_VALUE))
                        .ok_or_else(|| syn::Error::new(span, "internal: a returning loop without its value"))?;
                    s.results.push(result);
                    Ok(vec![result])
                });
                self.after_loop(looped, else_arm, frames, span)
            }
            syn::Stmt::Local(local) => match local.init.as_ref().map(|init| &*init.expr) {
                Some(init) if is_branching(init) => {
                    let mut inner = vec![Frame::Bind { local, depth }, Frame::Rest { stmts: rest, depth }];
                    inner.extend(frames.iter().map(Frame::reborrow));
                    self.jumping_expr(init, &inner)
                }
                Some(looped @ syn::Expr::Loop(_)) if local.init.as_ref().is_some_and(|i| i.diverge.is_none()) => {
                    let value = self.loop_stmt(looped)?;
                    let span = looped.span();
                    let else_arm: Arm = Box::new(move |s: &mut Lowerer| {
                        let value = value.ok_or_else(|| syn::Error::new(span, "this `loop` has no `break` value"))?;
                        s.bind(local, value)?;
                        let mut inner = vec![Frame::Rest { stmts: rest, depth }];
                        inner.extend(frames.iter().map(Frame::reborrow));
                        s.continue_frames(&inner)
                    });
                    self.after_loop(looped, else_arm, frames, span)
                }
                _ => Err(misplaced_return(stmt)),
            },
            _ => Err(misplaced_return(stmt)),
        }
    }

    /// A loop statement that may `return` or jump to a loop around it: its
    /// `break` value, if it has one.
    fn loop_stmt(&mut self, looped: &syn::Expr) -> syn::Result<Option<Var>> {
        match looped {
            syn::Expr::ForLoop(f) => self.for_loop(f).map(|_| None),
            syn::Expr::While(w) => self.while_loop(w).map(|_| None),
            syn::Expr::Loop(l) => self.loop_loop(l),
            other => Err(syn::Error::new(other.span(), "internal: not a loop")),
        }
    }

    /// After a loop statement that may `return` or jump to a labelled loop
    /// around it: for each such jump, if its flag is set, make it again
    /// from here (return the value; leave the enclosing loop, or continue
    /// or leave it if it is the one labelled); otherwise `go_on`.
    fn after_loop(&mut self, looped: &syn::Expr, go_on: Arm, frames: &[Frame], span: Span) -> syn::Result<Vec<Var>> {
        let finder = ControlFinder::of_expr(looped);
        let mut pending = Vec::new();
        if finder.returns {
            pending.push(Pending::Return);
        }
        pending.extend(finder.labelled.iter().map(|(label, is_continue)| Pending::Label(label.clone(), *is_continue)));
        self.check_pending(pending, go_on, frames, span)
    }

    fn check_pending(
        &mut self,
        mut pending: Vec<Pending>,
        go_on: Arm,
        frames: &[Frame],
        span: Span,
    ) -> syn::Result<Vec<Var>> {
        if pending.is_empty() {
            return go_on(self);
        }
        let first = pending.remove(0);
        let key = match &first {
            Pending::Return => loops::RETURNED.to_string(),
            Pending::Label(label, is_continue) => loops::label_flag(label, *is_continue),
        };
        let flag = self
            .lookup(&key)
            .ok_or_else(|| syn::Error::new(span, "internal: a jump out of a loop without its flag"))?;
        let then_arm: Arm = Box::new(move |s: &mut Lowerer| s.jump_again(&first, frames, span));
        let else_arm: Arm = Box::new(move |s: &mut Lowerer| s.check_pending(pending, go_on, frames, span));
        self.branch(flag, then_arm, else_arm, &terminal_names(frames, self.tuple_result), false, span)
    }

    /// A jump that an inner loop made, made again after it.
    fn jump_again(&mut self, pending: &Pending, frames: &[Frame], span: Span) -> syn::Result<Vec<Var>> {
        let loop_end = frames.iter().find_map(|f| match f {
            Frame::LoopEnd { carried, breaks, depth, label, .. } => Some((*carried, *breaks, *depth, *label)),
            _ => None,
        });
        match (pending, loop_end) {
            (Pending::Return, Some((carried, breaks, depth, _))) => Ok(self.loop_yields(carried, breaks, depth, true)),
            (Pending::Return, None) => {
                let result = self
                    .lookup(loops::RETURN_VALUE)
                    .ok_or_else(|| syn::Error::new(span, "internal: a returning loop without its value"))?;
                self.results.push(result);
                Ok(vec![result])
            }
            (Pending::Label(target, is_continue), Some((carried, breaks, depth, label))) => {
                let stop = label != Some(target.as_str()) || !is_continue;
                Ok(self.loop_yields(carried, breaks, depth, stop))
            }
            (Pending::Label(..), None) => Err(syn::Error::new(span, "internal: a labelled jump outside its loop")),
        }
    }

    /// `return value`, `break` or `continue`.
    fn jump(&mut self, jump: &syn::Expr, frames: &[Frame]) -> syn::Result<Vec<Var>> {
        let loop_end = frames.iter().find_map(|f| match f {
            Frame::LoopEnd { carried, breaks, depth, value, label } => {
                Some((*carried, *breaks, *depth, *value, *label))
            }
            _ => None,
        });
        // A labelled jump to a loop around the innermost: set its flag and
        // leave the innermost (see `loops::label_flag`).
        let (label, is_continue) = match jump {
            syn::Expr::Break(b) => (b.label.as_ref(), false),
            syn::Expr::Continue(c) => (c.label.as_ref(), true),
            _ => (None, false),
        };
        if let (Some(label), Some((carried, breaks, depth, _, innermost))) = (label, loop_end) {
            let target = label.ident.to_string();
            if innermost != Some(target.as_str()) {
                if let syn::Expr::Break(syn::ExprBreak { expr: Some(value), .. }) = jump {
                    return Err(syn::Error::new(
                        value.span(),
                        "a `break` with a value out of an inner loop is not supported: assign the value to a variable declared before the loops, `break` with the label, and use the variable",
                    ));
                }
                let set = self.constant(quote!(true), if is_continue { "continued" } else { "broke" });
                if !self.assign(&loops::label_flag(&target, is_continue), set) {
                    return Err(syn::Error::new(label.span(), "internal: a labelled jump lost its flag"));
                }
                return Ok(self.loop_yields(carried, breaks, depth, true));
            }
        }
        match jump {
            syn::Expr::Return(ret) => {
                let Some(value) = &ret.expr else {
                    return Err(syn::Error::new(ret.span(), "`return` needs the value to differentiate"));
                };
                let inner = ControlFinder::of_expr(value);
                if inner.jumps() {
                    return Err(syn::Error::new(
                        inner.first_return.unwrap_or_else(|| value.span()),
                        "a `return` or loop jump inside the value of a `return` is not supported: compute the value into a variable first, then return it",
                    ));
                }
                let Some((carried, breaks, depth, _, _)) = loop_end else {
                    return self.result_value(value);
                };
                // Inside a loop: keep the value and leave every loop; the
                // code after the outermost one returns it (see
                // `after_returning_loop`).
                let result = self.result_value(value)?;
                let returned = self.constant(quote!(true), "returned");
                let kept = match result.as_slice() {
                    [result] => self.assign(loops::RETURN_VALUE, *result) && self.assign(loops::RETURNED, returned),
                    _ => false,
                };
                if !kept {
                    return Err(syn::Error::new(ret.span(), "internal: a `return` inside a loop lost its slot"));
                }
                Ok(self.loop_yields(carried, breaks, depth, true))
            }
            syn::Expr::Break(b) => {
                let Some((carried, breaks, depth, value_key, _)) = loop_end else {
                    return Err(syn::Error::new(b.span(), "`break` outside a loop"));
                };
                if let Some(value) = &b.expr {
                    let Some(key) = value_key else {
                        return Err(syn::Error::new(value.span(), "only a `loop` can `break` with a value"));
                    };
                    let inner = ControlFinder::of_expr(value);
                    if inner.jumps() || inner.break_value {
                        return Err(syn::Error::new(
                            value.span(),
                            "a jump inside the value of a `break` is not supported: compute the value into a variable first",
                        ));
                    }
                    let value = self.expr(value, Some("loop_value"))?;
                    if self.vars.is_array(value) || self.vars.get(value).matrix {
                        return Err(syn::Error::new(
                            b.span(),
                            "a `loop` can `break` with a number, not an array or matrix: declare the array before the loop and write into it",
                        ));
                    }
                    if !self.assign(key, value) {
                        return Err(syn::Error::new(b.span(), "internal: a `break` value lost its slot"));
                    }
                }
                Ok(self.loop_yields(carried, breaks, depth, true))
            }
            syn::Expr::Continue(c) => {
                let Some((carried, breaks, depth, _, _)) = loop_end else {
                    return Err(syn::Error::new(c.span(), "`continue` outside a loop"));
                };
                Ok(self.loop_yields(carried, breaks, depth, false))
            }
            other => Err(syn::Error::new(other.span(), "unexpected jump")),
        }
    }

    /// An `if`, `match` or block whose arms may jump: each arm ends the
    /// function or the loop body, either by a jump or by running `frames`.
    fn jumping_expr(&mut self, expr: &syn::Expr, frames: &[Frame]) -> syn::Result<Vec<Var>> {
        match expr {
            syn::Expr::Paren(p) => self.jumping_expr(&p.expr, frames),
            syn::Expr::Group(g) => self.jumping_expr(&g.expr, frames),
            syn::Expr::Return(_) | syn::Expr::Break(_) | syn::Expr::Continue(_) => self.jump(expr, frames),
            syn::Expr::Block(b) if b.label.is_none() => {
                let depth = self.scopes.len();
                self.scopes.push(HashMap::new());
                let result = self.seq(&b.block.stmts, frames);
                self.scopes.truncate(depth);
                result
            }
            syn::Expr::If(e) => {
                let cond = self.condition(&e.cond);
                let then_arm: Arm = Box::new(|s: &mut Lowerer| {
                    s.scopes.push(HashMap::new());
                    s.seq(&e.then_branch.stmts, frames)
                });
                let else_arm: Arm = Box::new(|s: &mut Lowerer| match &e.else_branch {
                    Some((_, else_expr)) => s.jumping_expr(else_expr, frames),
                    None => s.continue_frames(frames),
                });
                self.branch(cond, then_arm, else_arm, &terminal_names(frames, self.tuple_result), false, e.span())
            }
            syn::Expr::Match(m) => {
                let scrutinee = self.expr(&m.expr, Some("scrutinee"))?;
                self.match_arms(scrutinee, &m.arms, ArmMode::Jumping(frames), None)
            }
            other if ControlFinder::of_expr(other).jumps() => Err(syn::Error::new(
                other.span(),
                "`return`, `break` and `continue` are only supported as statements, or inside the arms of an `if`, `else` or `match`: compute the value into a variable first",
            )),
            other => self.finish(other, frames),
        }
    }

    // ----- ordinary statements ----------------------------------------------

    fn stmt(&mut self, stmt: &syn::Stmt) -> syn::Result<()> {
        match stmt {
            syn::Stmt::Local(local) => self.local(local),
            syn::Stmt::Item(_) => {
                self.items.push(stmt.clone());
                Ok(())
            }
            syn::Stmt::Expr(expr, _) => self.expr_stmt(expr),
            syn::Stmt::Macro(m) => Err(syn::Error::new(m.span(), "macro calls are not supported here")),
        }
    }

    /// After an error in a `let`, its names stand for a value that was not
    /// lowered, so that their uses report nothing more (the function is not
    /// generated anyway).
    fn declare_unlowered(&mut self, stmt: &syn::Stmt, first_new: Var) {
        if let syn::Stmt::Local(local) = stmt {
            let mut names = Vec::new();
            pattern_names(&local.pat, &mut names);
            for name in names {
                // A name the statement bound before its error keeps that value.
                if self.lookup(&name).is_none_or(|v| v.0 < first_new.0) {
                    let var = self.vars.fresh(&name, local.pat.span(), false);
                    self.declare(name, var);
                }
            }
        }
    }

    fn local(&mut self, local: &syn::Local) -> syn::Result<()> {
        let Some(init) = &local.init else {
            return Err(syn::Error::new(
                local.pat.span(),
                "declare and initialize a variable together in a differentiated function (`let x = ...;`)",
            ));
        };
        let name = local_name(&local.pat);
        if let (Some(name), Some(closure)) = (&name, closures::as_closure(&init.expr)) {
            return self.closure_local(local, name, closure, &init.expr);
        }
        if let Some(name) = &name {
            let count = self.let_counts.entry(name.clone()).or_insert(0);
            *count += 1;
            let key = (name.clone(), *count);
            if let Some(array) = self.array_init(&init.expr, name, &key)? {
                return self.bind(local, array);
            }
            let value = self.expr(&init.expr, Some(name))?;
            self.bind(local, value)?;
            if let Some(var) = self.lookup(name) {
                self.decl_keys.insert(var, key);
            }
            return Ok(());
        }
        match &local.pat {
            syn::Pat::Wild(_) => {
                self.expr(&init.expr, None)?;
                Ok(())
            }
            _ => self.destructure(local, &init.expr),
        }
    }

    /// If `init` builds an array that holds varied values (or may come to,
    /// as an earlier attempt found), lowers it to an array value.
    fn array_init(&mut self, init: &syn::Expr, name: &str, key: &(String, usize)) -> syn::Result<Option<Var>> {
        let hinted = self.hints.varied_arrays.contains(key);
        let varied = self.mentions_varied(init.to_token_stream());
        if !hinted && !varied {
            return Ok(None);
        }
        let array_init = match init {
            syn::Expr::Paren(p) => return self.array_init(&p.expr, name, key),
            syn::Expr::Macro(m) if is_vec_macro(&m.mac) => {
                if let Ok(repeat) = m.mac.parse_body_with(parse_repeat) {
                    let value = self.expr(&repeat.0, None)?;
                    let len = self.inactive(&repeat.1, "n")?;
                    ArrayInit::Fill { value, len: ArrayLen::Runtime(len) }
                } else {
                    let items = m
                        .mac
                        .parse_body_with(syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated)?;
                    let items = items.iter().map(|e| self.expr(e, None)).collect::<syn::Result<Vec<_>>>()?;
                    ArrayInit::List { items, vec: true }
                }
            }
            syn::Expr::Repeat(r) => {
                let value = self.expr(&r.expr, None)?;
                let mut len = (*r.len).clone();
                self.rename(&mut len);
                ArrayInit::Fill { value, len: ArrayLen::Const(len.into_token_stream()) }
            }
            syn::Expr::Array(a) => {
                let items = a.elems.iter().map(|e| self.expr(e, None)).collect::<syn::Result<Vec<_>>>()?;
                ArrayInit::List { items, vec: false }
            }
            // A copy of an array, or `to_vec()` of a constant one (which
            // makes a `Vec` whatever it copies), that will hold varied
            // values: a new array, whose tangent starts at zero when its
            // source has none.
            syn::Expr::MethodCall(m)
                if m.args.is_empty()
                    && ["to_vec", "clone", "to_owned"].contains(&m.method.to_string().as_str())
                    && expr_local(&m.receiver)
                        .and_then(|i| self.lookup(&i.to_string()))
                        .is_some_and(|v| self.vars.is_array(v) || (m.method == "to_vec" && !self.vars.varied(v))) =>
            {
                let source = self.expr(&m.receiver, None)?;
                ArrayInit::CopyOf { source, method: m.method.clone() }
            }
            syn::Expr::MethodCall(m) if m.method == "collect" => {
                return self.collect(m, name).map(Some);
            }
            _ => return Ok(None),
        };
        let var = self.vars.fresh(name, init.span(), true);
        let data = self.vars.get_mut(var);
        data.array = true;
        self.emit(var, Expr::NewArray(array_init), init.span());
        self.decl_keys.insert(var, key.clone());
        Ok(Some(var))
    }

    /// An expression that must not depend on the differentiated inputs (an
    /// index, a length), lowered as inactive code.
    fn inactive(&mut self, expr: &syn::Expr, hint: &str) -> syn::Result<Var> {
        let var = self.expr(expr, Some(hint))?;
        if self.vars.varied(var) {
            return Err(syn::Error::new(
                expr.span(),
                "this must not depend on the differentiated inputs (it is an index, a length or a count)",
            ));
        }
        Ok(var)
    }

    /// Binds the pattern of `local` (a name, possibly typed, or `_`) to `value`.
    fn bind(&mut self, local: &syn::Local, value: Var) -> syn::Result<()> {
        let (pat, ty) = match &local.pat {
            syn::Pat::Type(t) => (&*t.pat, Some(t.ty.clone())),
            other => (other, None),
        };
        match pat {
            syn::Pat::Wild(_) => Ok(()),
            syn::Pat::Ident(p) if p.subpat.is_none() && p.by_ref.is_none() => {
                // A value the initializer just computed takes the name as
                // it is; a value that already had a name gets a copy.
                self.bind_name(p, ty, value, true);
                Ok(())
            }
            other => Err(syn::Error::new(other.span(), "this pattern is not supported here: bind the value to a name")),
        }
    }

    /// Whether `var` was defined by the statement just emitted.
    fn defined_last(&self, var: Var) -> bool {
        match self.stmts.last() {
            Some(Stmt::Let { dst: Dst::Var(v), .. }) => *v == var,
            Some(Stmt::If { outs, .. }) => outs.first() == Some(&var),
            Some(Stmt::Loop(l)) => l.outs.contains(&var),
            _ => false,
        }
    }

    fn pattern_dst(&mut self, pat: &syn::Pat, bound: &mut Vec<(String, Var)>) -> syn::Result<Dst> {
        match pat {
            syn::Pat::Wild(_) => Ok(Dst::Ignore),
            syn::Pat::Ident(p) if p.subpat.is_none() && p.by_ref.is_none() => {
                let var = self.vars.fresh(&p.ident.to_string(), p.ident.span(), false);
                self.vars.get_mut(var).mutable = p.mutability.is_some();
                bound.push((p.ident.to_string(), var));
                Ok(Dst::Var(var))
            }
            syn::Pat::Tuple(t) => {
                let items = t.elems.iter().map(|p| self.pattern_dst(p, bound)).collect::<syn::Result<_>>()?;
                Ok(Dst::Tuple(items))
            }
            syn::Pat::Paren(p) => self.pattern_dst(&p.pat, bound),
            other => Err(syn::Error::new(
                other.span(),
                "only names, `_` and tuples of them are supported in `let` patterns here",
            )),
        }
    }

    fn expr_stmt(&mut self, expr: &syn::Expr) -> syn::Result<()> {
        match expr {
            syn::Expr::Paren(p) => self.expr_stmt(&p.expr),
            syn::Expr::Group(g) => self.expr_stmt(&g.expr),
            syn::Expr::Assign(a) => self.assignment(&a.left, None, &a.right, a.span()),
            syn::Expr::Binary(b) if compound_base(&b.op).is_some() => {
                self.assignment(&b.left, Some(&b.op), &b.right, b.span())
            }
            syn::Expr::If(e) => self.if_expr(e, false, None).map(drop),
            syn::Expr::Match(m) => {
                let scrutinee = self.expr(&m.expr, Some("scrutinee"))?;
                self.match_arms(scrutinee, &m.arms, ArmMode::Statement, None).map(drop)
            }
            syn::Expr::Block(b) if b.label.is_none() => {
                let depth = self.scopes.len();
                self.scopes.push(HashMap::new());
                self.block_statements(&b.block);
                self.scopes.truncate(depth);
                Ok(())
            }
            syn::Expr::ForLoop(f) if self.needs_structure(expr) => self.for_loop(f),
            syn::Expr::While(w) if self.needs_structure(expr) => self.while_loop(w),
            syn::Expr::Loop(l) if self.needs_structure(expr) => self.loop_loop(l).map(drop),
            other if self.mentions_varied(other.to_token_stream()) || has_control(other) => {
                self.expr(other, None).map(drop)
            }
            other => {
                let mut other = other.clone();
                let uses = self.rename(&mut other);
                self.stmts.push(Stmt::Effect { tokens: other.into_token_stream(), uses });
                Ok(())
            }
        }
    }

    /// Whether a loop must be lowered (it touches varied values or assigns
    /// variables), rather than run as inactive code.
    fn needs_structure(&self, expr: &syn::Expr) -> bool {
        self.mentions_varied(expr.to_token_stream()) || ControlFinder::of_expr(expr).assigns
    }

    /// `left = right` or `left op= right`.
    fn assignment(
        &mut self,
        left: &syn::Expr,
        op: Option<&syn::BinOp>,
        right: &syn::Expr,
        span: Span,
    ) -> syn::Result<()> {
        if let syn::Expr::Index(index) = left {
            return self.store(index, op, right, span);
        }
        if is_tuple_assignee(left) && op.is_none() {
            return self.tuple_assignment(left, right);
        }
        let name = expr_local(left).map(|i| i.to_string());
        let Some(name) = name.filter(|n| self.lookup(n).is_some()) else {
            return Err(syn::Error::new(
                left.span(),
                "only local variables and their elements can be assigned in a differentiated function: compute the value into a local variable",
            ));
        };
        if self.lookup(&name).is_some_and(|v| self.vars.is_array(v)) {
            return Err(syn::Error::new(
                left.span(),
                "assigning a whole array is not supported: assign its elements, or declare a new array",
            ));
        }
        let value = match op {
            None => self.expr(right, Some(&name))?,
            Some(op) => {
                let current = self.lookup(&name).ok_or_else(|| syn::Error::new(left.span(), "unknown variable"))?;
                if self.is_varied_value(current) {
                    check_float_operand(right)?;
                }
                let rhs = self.expr(right, None)?;
                let base = compound_base(op).ok_or_else(|| syn::Error::new(op.span(), "unsupported operator"))?;
                self.binary_value(&base, current, rhs, Some(&name), span)?
            }
        };
        let mutable = self.lookup(&name).is_some_and(|v| self.vars.get(v).mutable);
        if mutable {
            self.vars.get_mut(value).mutable = true;
        }
        self.assign(&name, value);
        Ok(())
    }

    /// `array[index] = right` or `array[index] op= right`.
    fn store(
        &mut self,
        left: &syn::ExprIndex,
        op: Option<&syn::BinOp>,
        right: &syn::Expr,
        span: Span,
    ) -> syn::Result<()> {
        let array = expr_local(&left.expr).and_then(|i| self.lookup(&i.to_string()));
        let Some(array) = array else {
            return Err(syn::Error::new(
                left.expr.span(),
                "only elements of local arrays can be assigned in a differentiated function",
            ));
        };
        if !self.vars.is_array(array) && self.vars.varied(array) {
            return Err(syn::Error::new(
                left.span(),
                "an element of a differentiated nalgebra value cannot be assigned: build the new value with operations instead (`+`, `component_mul` with a constant mask, `map`), or copy the elements into a local array (`let mut a = vec![0.0; n];`) and assign there",
            ));
        }
        if !self.vars.is_array(array) {
            if self.mentions_varied(right.to_token_stream()) {
                // The array holds varied values after all: declare it as an
                // array and lower again.
                if !self.learn_varied_array(array) {
                    return Err(syn::Error::new(
                        left.span(),
                        "this array cannot hold values that depend on the differentiated inputs: declare a local array (`let mut v = vec![0.0; n];`) and write into that",
                    ));
                }
                return Ok(());
            }
            let mut whole: syn::Expr = match op {
                None => syn::parse_quote!(#left = #right),
                Some(op) => syn::parse_quote!(#left #op #right),
            };
            let uses = self.rename(&mut whole);
            self.stmts.push(Stmt::Effect { tokens: whole.into_token_stream(), uses });
            return Ok(());
        }
        let index = self.inactive(&left.index, "i")?;
        let store_op = match op.map(compound_base) {
            None => Some(StoreOp::Set),
            Some(Some(syn::BinOp::Add(_))) => Some(StoreOp::Add),
            Some(Some(syn::BinOp::Sub(_))) => Some(StoreOp::Sub),
            _ => None,
        };
        let value = match (store_op, op.and_then(compound_base)) {
            (Some(_), _) => self.expr(right, None)?,
            (None, Some(base)) => {
                // `a[i] *= r` is `a[i] = a[i] * r`.
                let current = self.vars.fresh("element", span, true);
                self.emit(current, Expr::Read { array, index }, span);
                let rhs = self.expr(right, None)?;
                self.binary_value(&base, current, rhs, Some("element"), span)?
            }
            (None, None) => return Err(syn::Error::new(span, "unsupported assignment")),
        };
        self.stmts.push(Stmt::Store { array, index, value, op: store_op.unwrap_or(StoreOp::Set), span });
        self.reads.retain(|(a, _), _| *a != array);
        Ok(())
    }

    // ----- expressions ------------------------------------------------------

    /// Lowers an expression to the value it computes. `hint` names it.
    fn expr(&mut self, expr: &syn::Expr, hint: Option<&str>) -> syn::Result<Var> {
        if let Some(var) = expr_local(expr).and_then(|i| self.lookup(&i.to_string())) {
            return Ok(var);
        }
        if let Some(inner) = self.borrowed(expr) {
            return self.expr(inner, hint);
        }
        if is_constant_valued(expr) || (!self.mentions_varied(expr.to_token_stream()) && !has_control(expr)) {
            return Ok(self.opaque(expr, hint));
        }
        match expr {
            syn::Expr::Paren(p) => self.expr(&p.expr, hint),
            syn::Expr::Group(g) => self.expr(&g.expr, hint),
            syn::Expr::Binary(b) => {
                if compound_base(&b.op).is_some() {
                    return Err(syn::Error::new(
                        b.op.span(),
                        "a compound assignment cannot be used as a value: write it as its own statement",
                    ));
                }
                let lhs = self.expr(&b.left, None)?;
                let rhs = self.expr(&b.right, None)?;
                if is_arithmetic(&b.op) {
                    // An integer beside a differentiated value (`x + 1`);
                    // integers among themselves (`x.len() - 1`) are fine.
                    if self.is_varied_value(lhs) {
                        check_float_operand(&b.right)?;
                    }
                    if self.is_varied_value(rhs) {
                        check_float_operand(&b.left)?;
                    }
                }
                self.binary_value(&b.op, lhs, rhs, hint, b.span())
            }
            syn::Expr::Unary(u) => match u.op {
                syn::UnOp::Neg(_) => {
                    let operand = self.expr(&u.expr, None)?;
                    if !self.vars.varied(operand) {
                        let x = self.vars.ident(operand).clone();
                        let var = self.vars.fresh(hint.unwrap_or("c"), u.span(), false);
                        let tokens = quote!(-#x);
                        return Ok(self.emit(var, Expr::Opaque { tokens, uses: vec![operand] }, u.span()));
                    }
                    let prim = table::by_unary("-")
                        .ok_or_else(|| syn::Error::new(u.span(), "internal: the primitive table lacks `-`"))?;
                    Ok(self.prim(prim, vec![operand], Form::Operator, hint.unwrap_or("neg"), u.span()))
                }
                syn::UnOp::Deref(_) => {
                    match expr_local(strip_derefs(&u.expr)).and_then(|i| self.lookup(&i.to_string())) {
                        Some(var) if self.by_value.contains(&var) => Ok(var),
                        _ => Err(syn::Error::new(
                            u.span(),
                            "dereferencing a differentiated value is not supported: pass floats by value",
                        )),
                    }
                }
                _ => Err(syn::Error::new(u.op.span(), "this operator has no derivative")),
            },
            syn::Expr::Cast(c) => {
                let other = match &self.float {
                    Float::F64 => "f32",
                    Float::F32 => "f64",
                    // `x as f64` of a `T` is no Rust; say what is.
                    Float::Generic(t) => return Err(syn::Error::new(c.span(), errors::generic_cast(t))),
                };
                if matches!(&*c.ty, syn::Type::Path(p) if p.path.is_ident(other)) {
                    return Err(syn::Error::new(
                        c.ty.span(),
                        format!(
                            "a differentiated value cannot change precision (`as {other}` in an `{}` function): compute in one precision throughout",
                            self.float.ident()
                        ),
                    ));
                }
                let operand = self.expr(&c.expr, None)?;
                Ok(self.prim(
                    table::cast(),
                    vec![operand],
                    Form::Cast((*c.ty).clone()),
                    hint.unwrap_or("cast"),
                    c.span(),
                ))
            }
            syn::Expr::Index(ix) => self.index(ix, hint),
            syn::Expr::Array(_) | syn::Expr::Repeat(_) | syn::Expr::Macro(_) => {
                let name = hint.unwrap_or("array").to_string();
                // Built in place (as a result, say): never written later,
                // so it needs no key to be found again.
                let key = (format!("#{name}"), 0);
                self.array_init(expr, &name, &key)?.ok_or_else(|| {
                    syn::Error::new(expr.span(), "this array cannot be built here: declare it with `let` first")
                })
            }
            syn::Expr::MethodCall(m) => self.method_call(m, hint),
            syn::Expr::Call(c) => self.call(c, hint),
            syn::Expr::If(e) => self
                .if_expr(e, true, hint)?
                .into_iter()
                .next()
                .ok_or_else(|| syn::Error::new(e.span(), "this `if` has no value")),
            syn::Expr::Match(m) => {
                let scrutinee = self.expr(&m.expr, Some("scrutinee"))?;
                self.match_arms(scrutinee, &m.arms, ArmMode::Value, hint)?
                    .into_iter()
                    .next()
                    .ok_or_else(|| syn::Error::new(m.span(), "this `match` has no value"))
            }
            syn::Expr::Block(b) if b.label.is_none() => self.block_value(&b.block, hint),
            syn::Expr::Return(r) => Err(syn::Error::new(
                r.span(),
                "`return` is only supported as a statement, or inside the arms of an `if`, `else` or `match`: compute the value into a variable first",
            )),
            syn::Expr::Assign(a) => {
                Err(syn::Error::new(a.span(), "an assignment cannot be used as a value: write it as its own statement"))
            }
            syn::Expr::Lit(_) => Ok(self.opaque(expr, hint)),
            syn::Expr::Tuple(t) => Err(tuples::tuple_as_value(t.span())),
            syn::Expr::Field(f) if matches!(f.member, syn::Member::Unnamed(_)) => self.tuple_field(f, hint),
            syn::Expr::Field(f) if self.vector_field_name(f) => {
                self.vector_field(f, hint).unwrap_or_else(|| Err(syn::Error::new(f.span(), "internal: not a field")))
            }
            // `&v` of an array passed to a function, or of a matrix passed to
            // a method (`x.dot(&y)`): the value itself. The emitter borrows
            // what the callee takes by reference.
            syn::Expr::Reference(r) if r.mutability.is_none() => self.expr(&r.expr, hint),
            syn::Expr::Reference(r) => Err(syn::Error::new(
                r.span(),
                "a differentiated value cannot be borrowed mutably: compute a new value instead",
            )),
            syn::Expr::Closure(c) => Err(syn::Error::new(
                c.span(),
                "a closure over differentiated values is only supported as the argument of `map` or `fold` on an iterator, or bound by `let` and called by name (`let f = |v: f64| ..; f(x)`): write the computation inline, or put it in a separate `#[differentiate]` function",
            )),
            syn::Expr::Loop(l) => self.loop_loop(l)?.ok_or_else(|| {
                syn::Error::new(l.loop_token.span, "this `loop` has no value: give it one with `break value`")
            }),
            syn::Expr::ForLoop(_) | syn::Expr::While(_) => Err(syn::Error::new(
                expr.span(),
                "a `for` or `while` loop has no value: write it as a statement and use the variables it assigns",
            )),
            other => Err(syn::Error::new(
                other.span(),
                format!(
                    "{} cannot be differentiated here: `#[differentiate]` supports arithmetic, float methods, calls, indexing, `if`, `match` and loops on differentiated values",
                    describe(other)
                ),
            )),
        }
    }

    /// `array[index]`.
    fn index(&mut self, ix: &syn::ExprIndex, hint: Option<&str>) -> syn::Result<Var> {
        let array = self.expr(&ix.expr, None)?;
        if !self.vars.is_array(array) {
            // A nalgebra vector or matrix: `x[i]`, `a[(i, j)]`.
            let index = self.inactive(&ix.index, "i")?;
            let prim = table::matrix_index();
            return Ok(self.prim(prim, vec![array, index], Form::Index, hint.unwrap_or("element"), ix.span()));
        }
        let index = self.inactive(&ix.index, "i")?;
        if let Some(&known) = self.reads.get(&(array, index)) {
            return Ok(known);
        }
        let varied = self.vars.varied(array);
        let var = self.vars.fresh(hint.unwrap_or("element"), ix.span(), varied);
        self.reads.insert((array, index), var);
        Ok(self.emit(var, Expr::Read { array, index }, ix.span()))
    }

    fn binary_value(
        &mut self,
        op: &syn::BinOp,
        lhs: Var,
        rhs: Var,
        hint: Option<&str>,
        span: Span,
    ) -> syn::Result<Var> {
        let symbol = op.to_token_stream().to_string();
        let constant = !self.vars.varied(lhs) && !self.vars.varied(rhs);
        match table::by_binary(&symbol) {
            // Arithmetic on constants (`x.len() - 1`) stays as written: it
            // may be on integers, which the rules do not know.
            Some(prim) if !constant => {
                self.check_float_operands(prim, &[lhs, rhs], op.span())?;
                Ok(self.prim(prim, vec![lhs, rhs], Form::Operator, hint.unwrap_or(prim.name), span))
            }
            _ if constant => {
                let (a, b) = (self.vars.ident(lhs).clone(), self.vars.ident(rhs).clone());
                let var = self.vars.fresh(hint.unwrap_or("c"), span, false);
                Ok(self.emit(var, Expr::Opaque { tokens: quote!(#a #op #b), uses: vec![lhs, rhs] }, span))
            }
            _ => Err(syn::Error::new(
                op.span(),
                format!(
                    "the operator `{symbol}` has no derivative: use `+`, `-`, `*`, `/` or `%` on differentiated values"
                ),
            )),
        }
    }

    /// A primitive applied to `args`; its value is varied when a
    /// differentiable argument is.
    fn prim(&mut self, prim: &'static table::Primitive, args: Vec<Var>, form: Form, name: &str, span: Span) -> Var {
        let varied = prim.differentiable.iter().any(|&k| self.vars.varied(args[k]));
        let var = self.vars.fresh(name, span, varied);
        self.vars.get_mut(var).matrix = if prim.matrix {
            !prim.reduction
        } else {
            prim.matrix_operands && args.iter().any(|a| self.vars.get(*a).matrix)
        };
        self.emit(var, Expr::Prim { prim, args, form }, span)
    }

    /// Rejects a float primitive applied to a value known to be a nalgebra
    /// vector or matrix, which rustc would report inside the generated
    /// code.
    /// Whether `var` is a differentiated float or matrix (not an array).
    fn is_varied_value(&self, var: Var) -> bool {
        self.vars.varied(var) && !self.vars.is_array(var)
    }

    fn check_float_operands(&self, prim: &'static table::Primitive, args: &[Var], span: Span) -> syn::Result<()> {
        if prim.matrix || prim.matrix_operands {
            return Ok(());
        }
        if args.iter().any(|a| self.vars.get(*a).matrix) {
            let what = match prim.syntax {
                table::Syntax::Binary(symbol) => format!("`{symbol}`"),
                _ => format!("`{}`", prim.name),
            };
            return Err(syn::Error::new(
                span,
                format!(
                    "{what} applies to floats, and this is a nalgebra vector or matrix: apply it to every element with `.map(|v| ..)` (e.g. `x.map(|v| v.exp())`), or use a matrix operation (`dot`, `norm`, `sum`, `component_mul`, ..)"
                ),
            ));
        }
        Ok(())
    }

    fn method_call(&mut self, m: &syn::ExprMethodCall, hint: Option<&str>) -> syn::Result<Var> {
        if let Some(result) = self.reduction(m, hint) {
            return result;
        }
        let name = m.method.to_string();
        if name == "sin_cos" && !is_self(&m.receiver) {
            return Err(tuples::sin_cos_as_value(m.method.span()));
        }
        if let Some((block, count)) = table::view_method(&name).filter(|_| !is_self(&m.receiver)) {
            return self.view_method(m, block, count, hint);
        }
        if let Some(turbofish) = &m.turbofish {
            return Err(syn::Error::new(
                turbofish.span(),
                "generic arguments on a method of a differentiated value are not supported",
            ));
        }
        if is_self(&m.receiver) {
            let (args, by_ref) = self.call_args(&m.args)?;
            return Ok(self.call_value(
                Callee {
                    target: Target::SelfMethod(m.method.clone()),
                    arg_spans: m.args.iter().map(|a| a.span()).collect(),
                    by_ref,
                },
                args,
                hint.unwrap_or(&name),
                m.span(),
            ));
        }
        // `x.clone()` of a float or a matrix is the same value; arrays are
        // copied by `let v = x.clone();` (see `array_init`).
        let array_receiver =
            expr_local(&m.receiver).and_then(|i| self.lookup(&i.to_string())).is_some_and(|v| self.vars.is_array(v));
        if name == "map" && m.args.len() == 1 && !array_receiver && !loops::looks_iterable(&m.receiver) {
            match &m.args[0] {
                syn::Expr::Closure(closure) => return self.elementwise_map(m, closure, hint),
                // `x.map(f64::tanh)`, `x.map(matdiff::softplus)`: the closure
                // that calls it.
                syn::Expr::Path(function)
                    if self.lookup(&function.to_token_stream().to_string()).is_none()
                        || self.called_closure(&function.path).is_some() =>
                {
                    let closure: syn::ExprClosure = syn::parse_quote_spanned!(function.span()=> |v| #function(v));
                    return self.elementwise_map(m, &closure, hint);
                }
                _ => {}
            }
        }
        if (name == "clone" || name == "into_owned") && m.args.is_empty() && !array_receiver {
            let receiver = self.expr(&m.receiver, None)?;
            let var = self.vars.fresh(hint.unwrap_or("clone"), m.span(), self.vars.varied(receiver));
            self.vars.get_mut(var).matrix = self.vars.get(receiver).matrix;
            return Ok(self.emit(var, Expr::Copy(receiver), m.span()));
        }
        if let Some(defined) = self.defined_method(m, hint) {
            return defined;
        }
        // `x.max()` of a vector is its largest element, `a.max(b)` of floats
        // the larger one: the number of arguments tells them apart.
        let arity = m.args.len() + 1;
        let float_method = table::by_method(&name);
        let matrix_method = table::by_matrix_method(&name);
        let candidate = match (float_method, matrix_method) {
            (Some(f), Some(mm)) if f.arity != arity && mm.arity == arity => Some(mm),
            (Some(f), _) => Some(f),
            (None, mm) => mm,
        };
        let Some(prim) = candidate else {
            // `x.try_inverse().unwrap()`: the error that helps is the one
            // about the method that made the `Option`.
            if matches!(name.as_str(), "unwrap" | "expect") && matches!(&*m.receiver, syn::Expr::MethodCall(_)) {
                self.expr(&m.receiver, None)?;
            }
            if expr_local(&m.receiver).and_then(|i| self.lookup(&i.to_string())).is_some_and(|v| self.vars.is_array(v))
            {
                return Err(syn::Error::new(
                    m.method.span(),
                    format!(
                        "`{name}` on a differentiated array is not supported: index it, loop over it with `for`, or reduce it with `.iter().sum()`, `.iter().map(..).sum()` or `.iter().fold(..)`"
                    ),
                ));
            }
            return Err(unknown_method(&m.method));
        };
        if m.args.len() + 1 != prim.arity {
            return Err(syn::Error::new(
                m.method.span(),
                format!("`{name}` takes {} argument(s) here", prim.arity - 1),
            ));
        }
        let receiver = self.expr(&m.receiver, None)?;
        if let Some(defined) = self.defined_method_of(m, receiver, hint) {
            // `v.abs()` of a vector: the matrix method.
            return defined;
        }
        if self.is_varied_value(receiver) && !prim.matrix {
            for (k, arg) in m.args.iter().enumerate() {
                if prim.differentiable.contains(&(k + 1)) {
                    check_float_operand(arg)?;
                } else if prim.name == "powi"
                    && matches!(
                        types::unparenthesized(arg),
                        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Float(_), .. })
                    )
                {
                    return Err(syn::Error::new(arg.span(), crate::errors::POWI_FLOAT_EXPONENT));
                }
            }
        }
        let mut args = vec![receiver];
        for arg in &m.args {
            args.push(self.expr(arg, None)?);
        }
        self.check_scalar_args(&args, m.span())?;
        self.check_constant_args(prim, &args, &name, m.span())?;
        self.check_float_operands(prim, &args, m.method.span())?;
        // `m.column(j)` is a view in nalgebra, `x.add_scalar(s)` takes `s` by
        // value: their rule modules compute the owned value from references.
        let form = if prim.value_function { Form::Value } else { Form::Method(m.method.clone()) };
        Ok(self.prim(prim, args, form, hint.unwrap_or(&name), m.span()))
    }

    /// `x.map(|v| body)` of a nalgebra value: the map primitive, with the
    /// closure and the closures of its derivatives as constant arguments.
    /// The derivatives are left empty and the closure recorded in
    /// [`Lowered::maps`]: the `closure` pass fills them in after lowering.
    fn elementwise_map(
        &mut self,
        m: &syn::ExprMethodCall,
        closure: &syn::ExprClosure,
        hint: Option<&str>,
    ) -> syn::Result<Var> {
        let receiver = self.expr(&m.receiver, None)?;
        let closure = &self.inline_into_map(closure)?;
        let mut renamed = syn::Expr::Closure(closure.clone());
        let uses = self.rename(&mut renamed);
        if uses.iter().any(|v| self.vars.varied(*v)) {
            return Err(syn::Error::new(
                closure.span(),
                "the closure of `map` may use only its argument and constants: a differentiated value inside it would get no derivative. Compute with that value outside the map, e.g. `x.map(|v| v.exp()) * s` instead of `x.map(|v| (v * s).exp())` where possible, or write a loop over the elements",
            ));
        }
        let syn::Expr::Closure(renamed) = renamed else {
            return Err(syn::Error::new(closure.span(), "internal: a renamed closure is no longer a closure"));
        };
        let param = map_param(&renamed)?;
        let reserved: Vec<String> = self.vars.names().collect();
        let float = self.float.ident();
        let body = &renamed.body;
        let value = quote!(|#param: #float| -> #float { #body });
        let span = closure.span();
        let constant = |lowerer: &mut Self, tokens: TokenStream, name: &str| {
            let var = lowerer.vars.fresh(name, span, false);
            lowerer.emit(var, Expr::Opaque { tokens, uses: uses.clone() }, span)
        };
        let f = constant(self, value, "f");
        let d = constant(self, TokenStream::new(), "df");
        let dd = constant(self, TokenStream::new(), "ddf");
        self.maps.push(MapClosure {
            closure: renamed,
            param,
            float: self.float.clone(),
            reserved,
            first: d,
            second: dd,
        });
        Ok(self.prim(table::matrix_map(), vec![receiver, f, d, dd], Form::Map, hint.unwrap_or("map"), m.span()))
    }

    fn check_scalar_args(&self, args: &[Var], span: Span) -> syn::Result<()> {
        if args.iter().any(|a| self.vars.is_array(*a)) {
            return Err(syn::Error::new(
                span,
                "this operation applies to numbers, not to a whole array: index the array, or loop over it",
            ));
        }
        Ok(())
    }

    fn check_constant_args(
        &self,
        prim: &'static table::Primitive,
        args: &[Var],
        name: &str,
        span: Span,
    ) -> syn::Result<()> {
        for (k, arg) in args.iter().enumerate() {
            if !prim.differentiable.contains(&k) && self.vars.varied(*arg) {
                let hint = if name == "powi" { ": use `powf` for a differentiated exponent" } else { "" };
                return Err(syn::Error::new(
                    span,
                    format!(
                        "argument {k} of `{name}` has no derivative and must not depend on the differentiated inputs{hint}"
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The operand of `&operand` where the borrow is the macro's business: a
    /// local (`&a`, `&x`) or a differentiated value (`&(a * x)`). Other
    /// borrows of constants (`&data.field`) stay as written.
    fn borrowed<'e>(&self, expr: &'e syn::Expr) -> Option<&'e syn::Expr> {
        let syn::Expr::Reference(r) = expr else { return None };
        if r.mutability.is_some() {
            return None;
        }
        let local = expr_local(&r.expr).is_some_and(|i| self.lookup(&i.to_string()).is_some());
        (local || self.mentions_varied(r.expr.to_token_stream())).then_some(&*r.expr)
    }

    /// The arguments of a call: their values, and whether each was written
    /// as a reference to an array (`&v`).
    fn call_args(
        &mut self,
        args: &syn::punctuated::Punctuated<syn::Expr, syn::Token![,]>,
    ) -> syn::Result<(Vec<Var>, Vec<bool>)> {
        let mut values = Vec::new();
        let mut by_ref = Vec::new();
        for arg in args {
            match self.borrowed(arg) {
                Some(inner) => {
                    values.push(self.expr(inner, None)?);
                    by_ref.push(true);
                }
                None => {
                    values.push(self.expr(arg, None)?);
                    by_ref.push(false);
                }
            }
        }
        Ok((values, by_ref))
    }

    fn call(&mut self, c: &syn::ExprCall, hint: Option<&str>) -> syn::Result<Var> {
        let syn::Expr::Path(func) = &*c.func else {
            return Err(syn::Error::new(c.func.span(), "only calls to named functions can be differentiated"));
        };
        if func.qself.is_some() {
            return Err(syn::Error::new(func.span(), "qualified paths (`<T as Trait>::f`) are not supported in calls"));
        }
        if let Some(built) = self.nalgebra_constructor(c, &func.path, hint) {
            return built;
        }
        // `g::<T>(x)` of a generic function: its companions are generic
        // in the same way and infer `T` from the arguments.
        let path = &self.without_own_arguments(&func.path);
        if let Some(segment) = path.segments.iter().find(|s| !s.arguments.is_none()) {
            return Err(syn::Error::new(
                segment.arguments.span(),
                "generic arguments on a called function are supported only when they are the caller's float type (`g::<T>(x)`): drop them, and the callee's float type is inferred from its arguments",
            ));
        }
        let name = path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
        if let Some(closure) = self.called_closure(path) {
            return self.inline_closure(c, closure, hint);
        }
        if path.get_ident().is_some_and(|i| self.lookup(&i.to_string()).is_some()) {
            return Err(syn::Error::new(
                path.span(),
                "calling a closure or a function value on differentiated values is not supported: write the computation inline, or put it in a `#[differentiate]` function and call that by name",
            ));
        }
        // `matdiff::logdet(&x)`: a matrix helper with rules in matdiff-core.
        if path.segments.len() == 2 && path.segments[0].ident == "matdiff" {
            if name == "logsumexp" && c.args.len() == 1 {
                // Of a nalgebra value: the matrix rule; of a slice: the
                // function with its own companion.
                let (value, by_ref) = match self.borrowed(&c.args[0]) {
                    Some(inner) => (self.expr(inner, None)?, true),
                    None => (self.expr(&c.args[0], None)?, false),
                };
                if self.vars.get(value).matrix {
                    let prim = table::by_helper("logsumexp")
                        .ok_or_else(|| syn::Error::new(path.span(), "internal: the table lacks logsumexp"))?;
                    let helper = quote!(::matdiff::__private::rules::matrix::logsumexp);
                    return Ok(self.prim(prim, vec![value], Form::Helper(helper), hint.unwrap_or(&name), c.span()));
                }
                let callee = Callee {
                    target: Target::Path(path.clone()),
                    arg_spans: vec![c.args[0].span()],
                    by_ref: vec![by_ref],
                };
                return Ok(self.call_value(callee, vec![value], hint.unwrap_or(&name), c.span()));
            }
            if let Some(prim) = table::by_helper(&name).filter(|p| p.name != "logsumexp") {
                if c.args.len() != prim.arity {
                    return Err(syn::Error::new(
                        path.span(),
                        format!("`matdiff::{name}` takes {} argument(s)", prim.arity),
                    ));
                }
                let args = c.args.iter().map(|a| self.expr(a, None)).collect::<syn::Result<Vec<_>>>()?;
                self.check_scalar_args(&args, c.span())?;
                let helper = &path.segments[1].ident;
                let helper = quote!(::matdiff::#helper);
                return Ok(self.prim(prim, args, Form::Helper(helper), hint.unwrap_or(&name), c.span()));
            }
        }
        // `f64::sin(x)`: a float method in function form.
        if path.segments.len() == 2 && path.leading_colon.is_none() {
            let ty = path.segments[0].ident.to_string();
            if ty == "f64" || ty == "f32" || (self.float.is_generic() && self.float.ident() == ty) {
                if name == "sin_cos" {
                    return Err(tuples::sin_cos_as_value(path.span()));
                }
                let Some(prim) = table::by_method(&name) else {
                    return Err(unknown_method(&path.segments[1].ident));
                };
                if c.args.len() != prim.arity {
                    return Err(syn::Error::new(
                        path.span(),
                        format!("`{ty}::{name}` takes {} argument(s)", prim.arity),
                    ));
                }
                let args = c.args.iter().map(|a| self.expr(a, None)).collect::<syn::Result<Vec<_>>>()?;
                self.check_scalar_args(&args, c.span())?;
                self.check_constant_args(prim, &args, &name, c.span())?;
                self.check_float_operands(prim, &args, c.span())?;
                return Ok(self.prim(prim, args, Form::Path(path.to_token_stream()), hint.unwrap_or(&name), c.span()));
            }
        }
        let (args, by_ref) = self.call_args(&c.args)?;
        // `Point3::new(x, y, z)`, `nalgebra::convert(..)`: a nalgebra value
        // made of differentiated floats other than by the constructors of
        // `build`, which have rules.
        let nalgebra = path.segments.len() >= 2
            && path.segments.iter().any(|s| crate::signature::is_nalgebra_name(&s.ident.to_string()));
        if nalgebra && args.iter().any(|a| self.vars.varied(*a)) {
            return Err(syn::Error::new(
                c.span(),
                format!(
                    "a nalgebra value built from differentiated floats cannot be differentiated through `{}`: build a vector or matrix with {}, or take it as an argument of the function (`x: &DVector<f64>`)",
                    path.segments.iter().map(|s| s.ident.to_string()).collect::<Vec<_>>().join("::"),
                    build::CONSTRUCTORS
                ),
            ));
        }
        Ok(self.call_value(
            Callee { target: Target::Path(path.clone()), arg_spans: c.args.iter().map(|a| a.span()).collect(), by_ref },
            args,
            hint.unwrap_or(&name),
            c.span(),
        ))
    }

    /// `path` without generic arguments that are the function's own
    /// float type and const parameters (`g::<T>`, `g::<T, N>`, `g::<f64>`
    /// in a function of `f64`): the callee's companions infer them from
    /// the arguments.
    fn without_own_arguments(&self, path: &syn::Path) -> syn::Path {
        let mut path = path.clone();
        let float = self.float.ident();
        let own = |ty: &syn::Type| {
            matches!(ty, syn::Type::Path(p) if p.qself.is_none()
                && p.path.get_ident().is_some_and(|i| *i == float || self.const_params.contains(i)))
        };
        if let Some(last) = path.segments.last_mut() {
            let only_own = matches!(&last.arguments, syn::PathArguments::AngleBracketed(args)
                if args.args.iter().all(|a| matches!(a, syn::GenericArgument::Type(ty) if own(ty))));
            if only_own {
                last.arguments = syn::PathArguments::None;
            }
        }
        path
    }

    fn call_value(&mut self, callee: Callee, args: Vec<Var>, name: &str, span: Span) -> Var {
        let varied = args.iter().any(|a| self.vars.varied(*a));
        let var = self.vars.fresh(name, span, varied);
        self.emit(var, Expr::Call { callee, args, mode: CallMode::Value }, span)
    }

    fn block_value(&mut self, block: &syn::Block, hint: Option<&str>) -> syn::Result<Var> {
        let depth = self.scopes.len();
        self.scopes.push(HashMap::new());
        let result = self.block_contents(block, hint);
        self.scopes.truncate(depth);
        result
    }

    /// The statements of `block` in the current scope, and its tail value.
    fn block_contents(&mut self, block: &syn::Block, hint: Option<&str>) -> syn::Result<Var> {
        self.block_then(block, |s, tail| s.expr(tail, hint))
    }

    /// The statements of `block` in the current scope, then `tail` on its
    /// tail expression.
    fn block_then<T>(
        &mut self,
        block: &syn::Block,
        tail: impl FnOnce(&mut Self, &syn::Expr) -> syn::Result<T>,
    ) -> syn::Result<T> {
        let Some((syn::Stmt::Expr(last, None), init)) = block.stmts.split_last() else {
            return Err(syn::Error::new(block.span(), "this block has no value: end it with an expression (no `;`)"));
        };
        for stmt in init {
            if let Err(e) = self.stmt(stmt) {
                self.errors.add(e);
            }
        }
        tail(self, last)
    }

    fn block_statements(&mut self, block: &syn::Block) {
        for stmt in &block.stmts {
            if let Err(e) = self.stmt(stmt) {
                self.errors.add(e);
            }
        }
    }

    /// Lowers a condition: inactive code whose value picks a branch.
    fn condition(&mut self, cond: &syn::Expr) -> Var {
        // The condition is emitted as written, and a `return` in it would
        // return a float from every generated function.
        let inner = ControlFinder::of_expr(cond);
        if inner.jumps() {
            self.errors.add(syn::Error::new(
                inner.first_return.unwrap_or_else(|| cond.span()),
                "a `return` or loop jump inside a condition is not supported: compute the condition into a variable first",
            ));
        }
        self.compared(cond, &[]);
        self.opaque(cond, Some("cond"))
    }

    /// Notes the locals that a condition compares with each other: the
    /// comparison is inactive code, which tells rustc that they have one
    /// type in the user's function but may be all that does.
    /// `hidden` are names the condition binds itself (a `match` arm's).
    fn compared(&mut self, cond: &syn::Expr, hidden: &[String]) {
        match cond {
            syn::Expr::Paren(p) => self.compared(&p.expr, hidden),
            syn::Expr::Group(g) => self.compared(&g.expr, hidden),
            syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Not(_)) => self.compared(&u.expr, hidden),
            syn::Expr::Binary(b) => match b.op {
                syn::BinOp::And(_) | syn::BinOp::Or(_) => {
                    self.compared(&b.left, hidden);
                    self.compared(&b.right, hidden);
                }
                syn::BinOp::Lt(_)
                | syn::BinOp::Le(_)
                | syn::BinOp::Gt(_)
                | syn::BinOp::Ge(_)
                | syn::BinOp::Eq(_)
                | syn::BinOp::Ne(_) => {
                    let side = |e: &syn::Expr| {
                        let e = match e {
                            syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => &*u.expr,
                            other => other,
                        };
                        let name = expr_local(e)?.to_string();
                        if hidden.contains(&name) {
                            return None;
                        }
                        self.lookup(&name)
                    };
                    if let (Some(a), Some(b)) = (side(&b.left), side(&b.right)) {
                        self.same_type.push((a, b));
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }

    /// An `if` as a value (one yield, named `hint`) or as a statement.
    fn if_expr(&mut self, e: &syn::ExprIf, want_value: bool, hint: Option<&str>) -> syn::Result<Vec<Var>> {
        let cond = self.condition(&e.cond);
        let then_arm: Arm = Box::new(move |s: &mut Lowerer| {
            s.scopes.push(HashMap::new());
            if want_value {
                Ok(vec![s.block_contents(&e.then_branch, None)?])
            } else {
                s.block_statements(&e.then_branch);
                Ok(Vec::new())
            }
        });
        let else_arm: Arm = Box::new(move |s: &mut Lowerer| match &e.else_branch {
            Some((_, else_expr)) => match &**else_expr {
                syn::Expr::If(nested) => s.if_expr(nested, want_value, None),
                syn::Expr::Block(b) => {
                    s.scopes.push(HashMap::new());
                    if want_value {
                        Ok(vec![s.block_contents(&b.block, None)?])
                    } else {
                        s.block_statements(&b.block);
                        Ok(Vec::new())
                    }
                }
                other => {
                    if want_value {
                        Ok(vec![s.expr(other, None)?])
                    } else {
                        s.expr_stmt(other).map(|_| Vec::new())
                    }
                }
            },
            None if want_value => {
                Err(syn::Error::new(e.span(), "an `if` without `else` has no value: add an `else` branch"))
            }
            None => Ok(Vec::new()),
        });
        let names = if want_value { vec![hint.unwrap_or("branch").to_string()] } else { Vec::new() };
        self.branch(cond, then_arm, else_arm, &names, true, e.span())
    }

    /// A two-way branch on `cond` whose arms yield one value per name in
    /// `names`; with `merge`, the user variables the arms assign get new
    /// values after the branch.
    fn branch(
        &mut self,
        cond: Var,
        then_arm: Arm,
        else_arm: Arm,
        names: &[String],
        merge: bool,
        span: Span,
    ) -> syn::Result<Vec<Var>> {
        let before = self.scopes.clone();
        let (then_blk, then_values) = self.arm(then_arm, before.len())?;
        let then_scopes = std::mem::replace(&mut self.scopes, before.clone());
        let (else_blk, else_values) = self.arm(else_arm, before.len())?;
        let else_scopes = std::mem::replace(&mut self.scopes, before.clone());
        if then_values.len() != names.len() || else_values.len() != names.len() {
            return Err(syn::Error::new(span, "internal: the arms of a branch yield different numbers of values"));
        }

        let mut outs = Vec::new();
        let (mut then_yields, mut else_yields) = (Vec::new(), Vec::new());
        for ((name, t), e) in names.iter().zip(&then_values).zip(&else_values) {
            if self.vars.is_array(*t) || self.vars.is_array(*e) {
                return Err(syn::Error::new(
                    span,
                    "a branch cannot choose between arrays: write into one array in both arms",
                ));
            }
            let varied = self.vars.varied(*t) || self.vars.varied(*e);
            let var = self.vars.fresh(name, span, varied);
            outs.push(var);
            then_yields.push(*t);
            else_yields.push(*e);
        }
        let results = outs.clone();
        let mut updates = Vec::new();
        if merge {
            for (depth, scope) in before.iter().enumerate() {
                let mut scope_names: Vec<&String> = scope.keys().collect();
                scope_names.sort();
                for name in scope_names {
                    let old = scope[name];
                    let t = then_scopes[depth].get(name).copied().unwrap_or(old);
                    let e = else_scopes[depth].get(name).copied().unwrap_or(old);
                    if t != old || e != old {
                        let varied = self.vars.varied(t) || self.vars.varied(e);
                        let var = self.vars.fresh(name, span, varied);
                        self.vars.get_mut(var).mutable = self.vars.get(old).mutable;
                        outs.push(var);
                        then_yields.push(t);
                        else_yields.push(e);
                        updates.push((depth, name.clone(), var));
                    }
                }
            }
        }
        self.stmts.push(Stmt::If {
            cond: Cond::Bool(cond),
            then_blk: Block { stmts: then_blk, yields: then_yields },
            else_blk: Block { stmts: else_blk, yields: else_yields },
            outs,
            span,
        });
        for (depth, name, var) in updates {
            self.scopes[depth].insert(name, var);
        }
        Ok(results)
    }

    /// Runs `arm` into a fresh statement list.
    fn arm(&mut self, arm: Arm, depth: usize) -> syn::Result<(Vec<Stmt>, Vec<Var>)> {
        let outer = std::mem::take(&mut self.stmts);
        let reads = self.reads.clone();
        let values = arm(self);
        self.scopes.truncate(depth);
        let inner = std::mem::replace(&mut self.stmts, outer);
        // What an arm read is out of scope after it; what it wrote may
        // differ from what was read before.
        let written = stored_arrays(&inner);
        self.reads = reads;
        self.reads.retain(|(a, _), _| !written.contains(a));
        Ok((inner, values?))
    }

    /// The arms of a `match` from `arms[0]` on, as a chain of branches.
    fn match_arms(
        &mut self,
        scrutinee: Var,
        arms: &[syn::Arm],
        mode: ArmMode,
        hint: Option<&str>,
    ) -> syn::Result<Vec<Var>> {
        let Some((arm, rest)) = arms.split_first() else {
            return Err(syn::Error::new(Span::call_site(), "a `match` needs at least one arm"));
        };
        let bindings = self.arm_bindings(&arm.pat)?;
        let jumping = matches!(mode, ArmMode::Jumping(_));
        let else_mode = mode.reborrow();
        let names = match &mode {
            ArmMode::Statement => Vec::new(),
            ArmMode::Value => vec![hint.unwrap_or("branch").to_string()],
            ArmMode::Jumping(frames) => terminal_names(frames, self.tuple_result),
            ArmMode::Tuple(shape) => {
                let mut names = Vec::new();
                shape.leaf_names(&mut names);
                names
            }
        };
        let body = move |s: &mut Lowerer| -> syn::Result<Vec<Var>> {
            s.scopes.push(HashMap::new());
            for (name, mutable) in &bindings {
                let var = if *mutable {
                    let varied = s.vars.varied(scrutinee);
                    let var = s.vars.fresh(name, Span::call_site(), varied);
                    s.vars.get_mut(var).mutable = true;
                    s.stmts.push(Stmt::Let {
                        dst: Dst::Var(var),
                        ty: None,
                        expr: Expr::Copy(scrutinee),
                        span: Span::call_site(),
                    });
                    var
                } else {
                    scrutinee
                };
                s.declare(name.clone(), var);
            }
            match &mode {
                ArmMode::Jumping(frames) => {
                    if ControlFinder::of_expr(&arm.body).jumps() {
                        s.jumping_expr(&arm.body, frames)
                    } else {
                        s.finish(&arm.body, frames)
                    }
                }
                ArmMode::Value => Ok(vec![s.expr(&arm.body, None)?]),
                ArmMode::Tuple(shape) => s.tuple_leaves(&arm.body, shape),
                ArmMode::Statement => s.expr_stmt(&arm.body).map(|_| Vec::new()),
            }
        };
        // The last arm needs no test: rustc checks that the match is
        // exhaustive, so if every earlier arm failed, this one matches.
        if rest.is_empty() {
            let depth = self.scopes.len();
            let values = body(self);
            self.scopes.truncate(depth);
            return values;
        }
        let cond = self.arm_condition(scrutinee, arm);
        let then_arm: Arm = Box::new(body);
        let else_arm: Arm = Box::new(move |s: &mut Lowerer| s.match_arms(scrutinee, rest, else_mode, None));
        self.branch(cond, then_arm, else_arm, &names, !jumping, arm.pat.span())
    }

    /// The names an arm's pattern binds (to the scrutinee itself).
    fn arm_bindings(&self, pat: &syn::Pat) -> syn::Result<Vec<(String, bool)>> {
        match pat {
            syn::Pat::Ident(p) => {
                if let Some((_, sub)) = &p.subpat {
                    self.arm_bindings(sub)?;
                }
                Ok(vec![(p.ident.to_string(), p.mutability.is_some())])
            }
            syn::Pat::Or(or) => {
                for case in &or.cases {
                    if !self.arm_bindings(case)?.is_empty() {
                        return Err(syn::Error::new(
                            case.span(),
                            "bindings inside `|` patterns are not supported here",
                        ));
                    }
                }
                Ok(Vec::new())
            }
            syn::Pat::Wild(_) | syn::Pat::Lit(_) | syn::Pat::Range(_) | syn::Pat::Path(_) | syn::Pat::Const(_) => {
                Ok(Vec::new())
            }
            syn::Pat::Paren(p) => self.arm_bindings(&p.pat),
            other => Err(syn::Error::new(
                other.span(),
                "a `match` in a differentiated function supports literal, range, `_` and name patterns (with guards)",
            )),
        }
    }

    /// `match scrutinee { PAT if GUARD => true, _ => false }`
    fn arm_condition(&mut self, scrutinee: Var, arm: &syn::Arm) -> Var {
        let pat = &arm.pat;
        if let (Some((_, g)), Ok(bound)) = (&arm.guard, self.arm_bindings(pat)) {
            let bound: Vec<String> = bound.into_iter().map(|(name, _)| name).collect();
            self.compared(g, &bound);
        }
        let guard = arm.guard.as_ref().map(|(if_token, g)| quote!(#if_token #g));
        let mut test: syn::Expr = syn::parse_quote_spanned! {pat.span()=>
            match () { #pat #guard => true, _ => false }
        };
        let mut uses = self.rename(&mut test);
        if let syn::Expr::Match(m) = &mut test {
            let ident = self.vars.ident(scrutinee).clone();
            *m.expr = syn::parse_quote!(#ident);
        }
        uses.push(scrutinee);
        let var = self.vars.fresh("cond", pat.span(), false);
        let span = pat.span();
        self.emit(var, Expr::Opaque { tokens: test.into_token_stream(), uses }, span)
    }
}

/// How the arms of a `match` end.
enum ArmMode<'f, 'b> {
    Value,
    Statement,
    Jumping(&'f [Frame<'b>]),
    /// Every arm yields a tuple of this shape, one value per leaf.
    Tuple(&'f TupleShape),
}

impl<'f, 'b> ArmMode<'f, 'b> {
    fn reborrow(&self) -> ArmMode<'f, 'b> {
        match self {
            ArmMode::Value => ArmMode::Value,
            ArmMode::Statement => ArmMode::Statement,
            ArmMode::Jumping(frames) => ArmMode::Jumping(frames),
            ArmMode::Tuple(shape) => ArmMode::Tuple(shape),
        }
    }
}

/// The body of `vec![value; len]`.
fn parse_repeat(input: syn::parse::ParseStream) -> syn::Result<(syn::Expr, syn::Expr)> {
    let value: syn::Expr = input.parse()?;
    input.parse::<syn::Token![;]>()?;
    let len: syn::Expr = input.parse()?;
    Ok((value, len))
}

/// The arrays that `stmts` write into, at any depth.
fn stored_arrays(stmts: &[Stmt]) -> HashSet<Var> {
    let mut out = HashSet::new();
    for stmt in stmts {
        match stmt {
            Stmt::Store { array, .. } => {
                out.insert(*array);
            }
            Stmt::If { then_blk, else_blk, .. } => {
                out.extend(stored_arrays(&then_blk.stmts));
                out.extend(stored_arrays(&else_blk.stmts));
            }
            Stmt::Loop(l) => out.extend(stored_arrays(&l.body.stmts)),
            _ => {}
        }
    }
    out
}

/// Whether `ty` is the type named `name` alone (`f64`).
fn names_type(ty: &syn::Type, name: &str) -> bool {
    matches!(ty, syn::Type::Path(p) if p.qself.is_none() && p.path.is_ident(name))
}

/// `+ - * / %`.
fn is_arithmetic(op: &syn::BinOp) -> bool {
    matches!(op, syn::BinOp::Add(_) | syn::BinOp::Sub(_) | syn::BinOp::Mul(_) | syn::BinOp::Div(_) | syn::BinOp::Rem(_))
}

/// An error at an operand of float arithmetic that is an integer (see
/// [`syntax::integer_operand`]).
fn check_float_operand(expr: &syn::Expr) -> syn::Result<()> {
    match syntax::integer_operand(expr) {
        Some((span, written, instead)) => {
            Err(syn::Error::new(span, crate::errors::integer_in_float_arithmetic(&written, &instead)))
        }
        None => Ok(()),
    }
}
