//! The table of matdiff's primitives: one row per primitive, with every fact
//! the `#[differentiate]` macro needs about it.
//!
//! The macro reads this table while it expands; `matdiff-core`, which holds
//! the rule functions, re-exports it as `matdiff_core::table`. The crate has
//! no dependencies, so the macro (compiled for the host) does not build
//! nalgebra a second time.
//!
//! A row ([`Primitive`]) says how the primitive is written, which arguments
//! have a derivative, which second-order rules exist, and how the generated
//! code treats it (linear, nalgebra, along bundles, with or without its
//! value, ...). The names of methods that are not primitives (tests such as
//! `is_nan`, piecewise-constant methods such as `floor`, methods without a
//! rule and what to write instead, nalgebra's aliases) are lists at the end.
//!
//! # Adding a primitive
//!
//! 1. Write its rules in `core/src/rules/`, in a module named after the row's
//!    `name`, with the functions [`Primitive::rule_functions`] lists: a float
//!    method in `elementwise.rs` (`unary_rule!` and `binary_rule!` write them
//!    from the partial derivatives, with their by-value forms; `by_value!`
//!    writes those of any other float rule module), an operator in
//!    `operators.rs`, a nalgebra
//!    primitive in `matrix.rs` and, if its row says `bundle: true`, its rules
//!    along bundles of directions in `bundle.rs`.
//! 2. Add its row to [`PRIMITIVES`] (floats) or [`MATRIX_PRIMITIVES`]
//!    (nalgebra values), in `table/src/lib.rs`. A `matdiff::name(..)` helper
//!    is also a function of `core/src/linalg.rs` or `core/src/functions.rs`,
//!    re-exported by `src/lib.rs`.
//! 3. Test it: `core/tests/table_rows.rs` does not compile while a row
//!    promises a rule function that core lacks; a nalgebra primitive needs a
//!    case in `core/tests/matrix_rules.rs` (and `core/tests/bundle_rules.rs`)
//!    against finite differences, a float one a case in `tests/primitives.rs`.
//!
//! The macro needs no change.

/// How a primitive appears in a function body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// A binary operator, also in its compound-assignment form (`+` and `+=`).
    Binary(&'static str),
    /// A prefix operator.
    Unary(&'static str),
    /// A method of `f32`/`f64`, also callable as `f64::name(x, ..)`; the
    /// receiver is argument 0.
    Method(&'static str),
    /// `as f32` or `as f64` applied to a differentiated value.
    Cast,
    /// A function of matdiff's own, `matdiff::name(&x, ..)`.
    Helper(&'static str),
    /// Indexing a nalgebra vector or matrix, `x[i]` or `a[(i, j)]`; the
    /// index is argument 1, a constant.
    Index,
    /// `x.map(|v| ..)` of a nalgebra value; the closure and its first and
    /// second derivatives (which the macro generates) are arguments 1 to 3.
    Map,
    /// A nalgebra value built from floats: `Vector3::new(a, b, c)`,
    /// `DVector::from_vec(vec![..])`, `SVector::from([..])`,
    /// `from_column_slice`, `from_fn`. The macro gathers the elements, in
    /// column-major order, into an array (argument 0); argument 1 is a
    /// constant holding the sizes the constructor takes (`()` or
    /// `(nrows, ncols)`).
    Constructor,
    /// A view method of a nalgebra value (`m.columns(j, n)`, the methods of
    /// [`VIEW_METHODS`]): argument 1 is the block it takes, a constant the
    /// macro builds from the method's arguments.
    View,
}

/// One primitive operation: how it is written, the shape of its rules, and
/// how the generated code treats it.
#[derive(Clone, Copy, Debug)]
pub struct Primitive {
    /// The module of `matdiff_core::rules` that holds its rule functions.
    pub name: &'static str,
    /// How it is written.
    pub syntax: Syntax,
    /// The number of arguments (the receiver counts for methods).
    pub arity: usize,
    /// The arguments with a derivative; the others are constants such as
    /// the integer exponent of `powi`.
    pub differentiable: &'static [usize],
    /// The pairs `(k, j)` for which the pullback to argument `k` depends on
    /// argument `j`: the rule `vjp{k}_jvp{j}` exists for exactly these.
    pub second_order: &'static [(usize, usize)],
    /// Whether the primitive is linear with constant coefficients (`+`, `-`,
    /// negation, casts): then its rules take only the tangent or cotangent,
    /// `jvp{k}(&t)` and `vjp{k}(&c)`, and read no primal value. A loop's
    /// reverse sweep then needs no tape for an accumulator `s += ..`.
    pub linear: bool,
    /// The arguments along which the primitive passes derivatives on
    /// unchanged: `jvp{k}(&t)` is `t` and `vjp{k}(&c)` is `c` (both
    /// arguments of `+`, the left one of `-`). The generated code then
    /// writes no statement for them and reuses the tangent or cotangent.
    pub identity: &'static [usize],
    /// Whether its rules are in `matdiff_core::rules::matrix` (a nalgebra
    /// primitive) rather than at the top of `matdiff_core::rules`.
    pub matrix: bool,
    /// Whether it has rules along a bundle of directions, so that a function
    /// made of such primitives takes its whole Hessian in one sweep: the
    /// functions of `matdiff_core::rules::bundle::{name}` (for the products
    /// written `*`, implementations of the traits of
    /// `matdiff_core::rules::mul`). Only meaningful for nalgebra primitives;
    /// the float primitives take any tangent.
    pub bundle: bool,
    /// Whether its rule functions read its value `y`. When they do not
    /// (`*`, `dot`), they still take a reference in its place, of any type,
    /// and the generated code passes `&()`, so that the value need not be
    /// computed when only derivatives are wanted. The elementwise map's
    /// rules read it: its derivative closures read the element of the value
    /// (`1 - y^2` for `tanh`) instead of computing it again.
    pub reads_value: bool,
    /// Whether its second-order rules `vjp{k}_jvp{j}` read its arguments.
    /// When they do not (`dot`, whose pullbacks' tangents are `c t`), they
    /// take references of any type in their places and the generated code
    /// passes `&()`, so that a value only these rules would read (the value
    /// `a * x` in the Hessian of `x.dot(&(a * x))`) is not computed.
    pub second_order_reads_args: bool,
    /// Whether the first-order rules `jvp{k}` and `vjp{k}` of a binary
    /// primitive read argument `k` itself. When they do not (`dot`, whose
    /// pullback to `x` is `c z`), they take a reference of any type in its
    /// place and the generated code passes `&()`; and the pullbacks then
    /// have variants `vjp{k}_owned(other, c)` that take the other argument
    /// by value and reuse its storage, which the generated code calls where
    /// nothing reads that argument afterwards.
    pub first_order_reads_own_arg: bool,
    /// Whether its rules read only the shape of argument 0 (`sum`, `mean`):
    /// the generated code may then pass, in its place, another value of the
    /// same type and shape that it computes anyway (the argument of the
    /// elementwise map that made it), so that the argument itself need not
    /// be computed for the derivatives.
    pub reads_arg_shape_only: bool,
    /// Whether it is a nalgebra primitive whose value is a float rather than
    /// a matrix (`dot`, `sum`, `norm`, indexing, ...).
    pub reduction: bool,
    /// Whether it is a nalgebra method whose value the generated code
    /// computes with the rule module's `value` function (every argument by
    /// reference): one that takes a float or an index by value, or returns a
    /// view in nalgebra.
    pub value_function: bool,
    /// Whether it is an operator that applies to nalgebra values too (its
    /// rules dispatch on the operands' types); the other primitives of
    /// [`PRIMITIVES`] take floats.
    pub matrix_operands: bool,
}

impl Primitive {
    /// Whether the rule functions take the primitive's value.
    pub fn rules_read_value(&self) -> bool {
        self.reads_value
    }

    /// The arguments among `args` that the first-order rules `jvp{k}` and
    /// `vjp{k}` read (see
    /// [`first_order_reads_own_arg`](Primitive::first_order_reads_own_arg)).
    pub fn first_order_args<'a, T>(&self, k: usize, args: &'a [T]) -> impl Iterator<Item = &'a T> + use<'a, T> {
        let skip = (!self.first_order_reads_own_arg).then_some(k);
        args.iter().enumerate().filter(move |(i, _)| Some(*i) != skip).map(|(_, a)| a)
    }

    /// Whether the generated code computes the value with the rule module's
    /// `value` function: the operators (which dispatch on their operands'
    /// types), the elementwise map and the [`value_function`] methods. The
    /// others are written as the user wrote them (a method, a cast, an
    /// index, a `matdiff::` helper).
    ///
    /// [`value_function`]: Primitive::value_function
    pub fn value_in_rules(&self) -> bool {
        matches!(self.syntax, Syntax::Binary(_) | Syntax::Unary(_) | Syntax::Map) || self.value_function
    }

    /// The rule functions this row promises, as paths below
    /// `matdiff_core::rules`: in the primitive's module (`{name}`, or
    /// `matrix::{name}` for a nalgebra primitive), `value` if
    /// [`value_in_rules`](Primitive::value_in_rules), `jvp{k}` and `vjp{k}`
    /// for every differentiable argument `k` (and `vjp{k}_owned` where
    /// [`first_order_reads_own_arg`](Primitive::first_order_reads_own_arg)
    /// is false) and `vjp{k}_jvp{j}` for every second-order pair; with [`bundle`](Primitive::bundle), the same
    /// derivatives in `bundle::{name}`, except for the products written `*`,
    /// whose bundle rules are trait implementations that no path names. A
    /// float primitive also has each derivative rule in `{name}::by_value`,
    /// taking its arguments by value, which the generated code calls in
    /// functions without nalgebra values.
    pub fn rule_functions(&self) -> Vec<String> {
        let module = if self.matrix { format!("matrix::{}", self.name) } else { self.name.to_string() };
        let derivatives = |module: &str| {
            let mut out = Vec::new();
            for &k in self.differentiable {
                out.push(format!("{module}::jvp{k}"));
                out.push(format!("{module}::vjp{k}"));
                if !self.first_order_reads_own_arg {
                    out.push(format!("{module}::vjp{k}_owned"));
                }
            }
            for &(k, j) in self.second_order {
                out.push(format!("{module}::vjp{k}_jvp{j}"));
            }
            out
        };
        let mut out = Vec::new();
        if self.value_in_rules() {
            out.push(format!("{module}::value"));
        }
        out.extend(derivatives(&module));
        if !self.matrix {
            let by_value = derivatives(&format!("{module}::by_value"));
            out.extend(by_value.into_iter().filter(|path| !path.ends_with("_owned")));
        }
        if self.bundle && !matches!(self.syntax, Syntax::Binary(_)) {
            out.extend(derivatives(&format!("bundle::{}", self.name)));
        }
        out
    }
}

const ONE: &[usize] = &[0];
const TWO: &[usize] = &[0, 1];
const THREE: &[usize] = &[0, 1, 2];
const NONE: &[(usize, usize)] = &[];
const SELF: &[(usize, usize)] = &[(0, 0)];
const CROSS: &[(usize, usize)] = &[(0, 1), (1, 0)];
const FULL: &[(usize, usize)] = &[(0, 0), (0, 1), (1, 0), (1, 1)];

/// A float primitive whose rules read its value; the rows set the other
/// facts.
const fn float(
    name: &'static str,
    syntax: Syntax,
    arity: usize,
    differentiable: &'static [usize],
    second_order: &'static [(usize, usize)],
) -> Primitive {
    Primitive {
        name,
        syntax,
        arity,
        differentiable,
        second_order,
        linear: false,
        identity: &[],
        matrix: false,
        bundle: false,
        reads_value: true,
        second_order_reads_args: true,
        first_order_reads_own_arg: true,
        reads_arg_shape_only: false,
        reduction: false,
        value_function: false,
        matrix_operands: false,
    }
}

const fn op(name: &'static str, symbol: &'static str, second_order: &'static [(usize, usize)]) -> Primitive {
    float(name, Syntax::Binary(symbol), 2, TWO, second_order)
}

const fn unary(name: &'static str, second_order: &'static [(usize, usize)]) -> Primitive {
    float(name, Syntax::Method(name), 1, ONE, second_order)
}

const fn binary(name: &'static str, second_order: &'static [(usize, usize)]) -> Primitive {
    float(name, Syntax::Method(name), 2, TWO, second_order)
}

/// Every float primitive the macro differentiates, and the operators (which
/// apply to nalgebra values too where [`Primitive::matrix_operands`] says
/// so). To add one, see the [crate] docs.
pub const PRIMITIVES: &[Primitive] = &[
    Primitive { linear: true, identity: TWO, matrix_operands: true, ..op("add", "+", NONE) },
    Primitive { linear: true, identity: ONE, matrix_operands: true, ..op("sub", "-", NONE) },
    Primitive { matrix_operands: true, reads_value: false, ..op("mul", "*", CROSS) },
    Primitive { matrix_operands: true, ..op("div", "/", &[(0, 1), (1, 0), (1, 1)]) },
    op("rem", "%", NONE),
    Primitive { linear: true, matrix_operands: true, ..float("neg", Syntax::Unary("-"), 1, ONE, NONE) },
    Primitive { linear: true, ..float("cast", Syntax::Cast, 1, ONE, NONE) },
    unary("sqrt", SELF),
    unary("cbrt", SELF),
    unary("exp", SELF),
    unary("exp2", SELF),
    unary("exp_m1", SELF),
    unary("ln", SELF),
    unary("ln_1p", SELF),
    unary("log2", SELF),
    unary("log10", SELF),
    unary("sin", SELF),
    unary("cos", SELF),
    unary("tan", SELF),
    unary("asin", SELF),
    unary("acos", SELF),
    unary("atan", SELF),
    unary("sinh", SELF),
    unary("cosh", SELF),
    unary("tanh", SELF),
    unary("asinh", SELF),
    unary("acosh", SELF),
    unary("atanh", SELF),
    unary("abs", NONE),
    unary("recip", SELF),
    unary("fract", NONE),
    unary("to_degrees", NONE),
    unary("to_radians", NONE),
    float("powi", Syntax::Method("powi"), 2, ONE, SELF),
    binary("powf", FULL),
    binary("log", FULL),
    binary("atan2", FULL),
    binary("hypot", FULL),
    binary("min", NONE),
    binary("max", NONE),
    float("mul_add", Syntax::Method("mul_add"), 3, THREE, CROSS),
    float("clamp", Syntax::Method("clamp"), 3, THREE, NONE),
];

/// A nalgebra primitive whose rules read its value and whose value is a
/// matrix; the rows set the other facts.
const fn nalgebra(
    name: &'static str,
    syntax: Syntax,
    arity: usize,
    differentiable: &'static [usize],
    second_order: &'static [(usize, usize)],
) -> Primitive {
    Primitive { matrix: true, ..float(name, syntax, arity, differentiable, second_order) }
}

const fn matrix_method(name: &'static str, arity: usize, second_order: &'static [(usize, usize)]) -> Primitive {
    let differentiable = if arity == 1 { ONE } else { TWO };
    nalgebra(name, Syntax::Method(name), arity, differentiable, second_order)
}

const fn matrix_helper(name: &'static str, arity: usize, second_order: &'static [(usize, usize)]) -> Primitive {
    let differentiable = if arity == 1 { ONE } else { TWO };
    nalgebra(name, Syntax::Helper(name), arity, differentiable, second_order)
}

/// The nalgebra primitives, with rules in `matdiff_core::rules::matrix`.
/// Their `+`, `-` and negation are the linear rules of [`PRIMITIVES`]; `*`
/// is `matmul` between matrices and `scale` between a scalar and a matrix
/// (reached through the rules of `mul`). Reductions whose rules take the
/// argument's shape but read no value (`sum`, `mean`, `trace`) are linear in
/// the mathematical sense and are listed with `linear: false` because their
/// pullback needs that shape.
///
/// All but the constructor have rules along bundles (`bundle: true`): most
/// are whole-bundle operations; the products with a varying right factor, matrix transposes,
/// inverses and solves apply the one-direction rule to each direction. To
/// add one, see the [crate] docs.
pub const MATRIX_PRIMITIVES: &[Primitive] = &[
    Primitive { linear: true, bundle: true, ..matrix_method("transpose", 1, NONE) },
    Primitive { bundle: true, ..nalgebra("matmul", Syntax::Binary("*"), 2, TWO, CROSS) },
    Primitive { bundle: true, ..nalgebra("scale", Syntax::Binary("*"), 2, TWO, CROSS) },
    Primitive { bundle: true, reduction: true, ..nalgebra("index", Syntax::Index, 2, ONE, NONE) },
    Primitive { bundle: true, ..nalgebra("map", Syntax::Map, 4, ONE, SELF) },
    Primitive { bundle: true, value_function: true, ..nalgebra("column", Syntax::Method("column"), 2, ONE, NONE) },
    Primitive { bundle: true, value_function: true, ..nalgebra("row", Syntax::Method("row"), 2, ONE, NONE) },
    Primitive { bundle: true, value_function: true, ..nalgebra("view", Syntax::View, 2, ONE, NONE) },
    Primitive { bundle: true, ..matrix_method("tr_mul", 2, CROSS) },
    Primitive {
        bundle: true,
        reduction: true,
        reads_value: false,
        second_order_reads_args: false,
        first_order_reads_own_arg: false,
        ..matrix_method("dot", 2, CROSS)
    },
    Primitive { bundle: true, ..matrix_method("component_mul", 2, CROSS) },
    Primitive { bundle: true, ..matrix_method("cross", 2, CROSS) },
    Primitive { bundle: true, ..matrix_method("component_div", 2, &[(0, 1), (1, 0), (1, 1)]) },
    Primitive {
        bundle: true,
        reduction: true,
        reads_value: false,
        reads_arg_shape_only: true,
        ..matrix_method("sum", 1, NONE)
    },
    Primitive {
        bundle: true,
        reduction: true,
        reads_value: false,
        reads_arg_shape_only: true,
        ..matrix_method("mean", 1, NONE)
    },
    Primitive { bundle: true, reduction: true, ..matrix_method("trace", 1, NONE) },
    Primitive { bundle: true, reduction: true, ..matrix_method("norm_squared", 1, SELF) },
    Primitive { bundle: true, reduction: true, ..matrix_method("norm", 1, SELF) },
    Primitive { bundle: true, value_function: true, ..matrix_method("add_scalar", 2, NONE) },
    Primitive { bundle: true, reduction: true, ..nalgebra("max_element", Syntax::Method("max"), 1, ONE, NONE) },
    Primitive { bundle: true, reduction: true, ..nalgebra("min_element", Syntax::Method("min"), 1, ONE, NONE) },
    Primitive { bundle: true, reduction: true, ..matrix_method("determinant", 1, SELF) },
    Primitive { bundle: true, reduction: true, ..matrix_helper("logdet", 1, SELF) },
    Primitive { bundle: true, ..nalgebra("inverse", Syntax::Helper("inv"), 1, ONE, SELF) },
    Primitive { bundle: true, ..matrix_helper("solve", 2, &[(0, 0), (0, 1), (1, 0)]) },
    Primitive { bundle: true, ..matrix_helper("softmax", 1, SELF) },
    // Its argument is an array, which no bundled sweep carries: no bundle
    // rules, and a function that builds a matrix is differentiated one
    // direction at a time.
    nalgebra("from_elements", Syntax::Constructor, 2, ONE, NONE),
    // `matdiff::logsumexp` of a nalgebra value; of a slice it is the
    // function with its own companion in `matdiff_core::functions`.
    Primitive { bundle: true, reduction: true, ..matrix_helper("logsumexp", 1, SELF) },
];

/// The view methods of nalgebra with a rule (the primitive `view`), each
/// with the block of `matdiff_core::rules::matrix::view` that its arguments
/// build and their number: `m.columns(j, n)` is `view(m, Columns(j, n))`.
/// Generic arguments go to the block (`fixed_view::<2, 2>(i, j)` is
/// `FixedView::<2, 2>(i, j)`). `column` and `row` have rows of their own.
pub const VIEW_METHODS: &[(&str, &str, usize)] = &[
    ("columns", "Columns", 2),
    ("rows", "Rows", 2),
    ("fixed_columns", "FixedColumns", 1),
    ("fixed_rows", "FixedRows", 1),
    ("fixed_view", "FixedView", 2),
    ("view", "View", 2),
    ("column_part", "ColumnPart", 2),
    ("row_part", "RowPart", 2),
];

/// Other names nalgebra has for matrix methods with rules.
pub const MATRIX_METHOD_ALIASES: &[(&str, &str)] = &[("magnitude", "norm"), ("magnitude_squared", "norm_squared")];

/// Methods whose value is piecewise constant: their derivative is 0 wherever
/// it exists, so their result is treated as a constant. Not primitives: they
/// have no rules and no row.
pub const PIECEWISE_CONSTANT_METHODS: &[&str] = &["floor", "ceil", "round", "round_ties_even", "trunc", "signum"];

/// Methods whose result is not a float (a test, a bit pattern, an ordering):
/// they may be applied to differentiated values and have no derivative.
pub const NON_FLOAT_METHODS: &[&str] = &[
    "is_nan",
    "is_finite",
    "is_infinite",
    "is_normal",
    "is_subnormal",
    "is_sign_positive",
    "is_sign_negative",
    "classify",
    "to_bits",
    "total_cmp",
    "partial_cmp",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
];

/// Methods of nalgebra vectors and matrices that are written in terms of
/// methods with rules, as nalgebra defines them: `(method, arguments,
/// definition)`, where the definition names the receiver `v` and the
/// arguments `a0`, `a1`, .. . Their derivatives are those of the definition.
pub const MATRIX_METHOD_DEFINITIONS: &[(&str, usize, &str)] = &[
    ("normalize", 0, "v / v.norm()"),
    ("scale", 1, "v * a0"),
    ("unscale", 1, "v / a0"),
    ("abs", 0, "v.map(|e| e.abs())"),
    ("amax", 0, "v.map(|e| e.abs()).max()"),
    ("amin", 0, "v.map(|e| e.abs()).min()"),
    ("adjoint", 0, "v.transpose()"),
];

/// The fields of a fixed-size nalgebra vector (`v.x` is `v[0]`), in order.
pub const VECTOR_FIELDS: &[&str] = &["x", "y", "z", "w", "a", "b"];

/// Float methods that have no rule, with what to write instead.
pub const UNSUPPORTED_METHODS: &[(&str, &str)] = &[
    ("copysign", "write the sign explicitly, e.g. `if s < 0.0 { -x.abs() } else { x.abs() }`"),
    (
        "push",
        "a `Vec` of differentiated values does not grow: make it with its length, `let mut v = vec![0.0; n];`, and write `v[i] = ..`, or collect it, `x.iter().map(|xi| ..).collect()`",
    ),
    ("extend", "make the `Vec` with its length, `let mut v = vec![0.0; n];`, and write `v[i] = ..`"),
    ("rem_euclid", "use `%` and adjust the sign with an `if`"),
    ("div_euclid", "use `(a / b).floor()` (its derivative is 0)"),
    ("try_inverse", "use `matdiff::inv(&x)`, the inverse with its rules (NaN where `x` is singular)"),
    (
        "pseudo_inverse",
        "for a square invertible matrix use `matdiff::inv(&x)`; for least squares, `matdiff::solve(&(a.transpose() * &a), &(a.transpose() * &b))`",
    ),
    (
        "lu",
        "use `matdiff::solve(&a, &b)` for a^-1 b, `matdiff::inv(&a)` for the inverse, `matdiff::logdet(&a)` for ln |det a|",
    ),
    ("cholesky", "use `matdiff::solve(&a, &b)` for a^-1 b, `matdiff::logdet(&a)` for ln det a"),
    ("qr", "use `matdiff::solve(&a, &b)` for a^-1 b"),
    ("norm_squared_mut", "use `x.norm_squared()`"),
    ("rows_range", "use `rows(first, count)`, or `fixed_rows::<N>(first)` for a count known at compile time"),
    ("columns_range", "use `columns(first, count)`, or `fixed_columns::<N>(first)` for a count known at compile time"),
    ("view_range", "use `view((row, column), (rows, columns))`, or `fixed_view::<R, C>(row, column)`"),
    ("rows_with_step", "take the rows one by one with `row(i)`"),
    ("columns_with_step", "take the columns one by one with `column(j)`"),
    ("view_with_steps", "take the elements you need by index, or the rows or columns one by one"),
    ("fixed_view_with_steps", "take the elements you need by index, or the rows or columns one by one"),
    ("generic_view", "use `view((row, column), (rows, columns))` or `fixed_view::<R, C>(row, column)`"),
];

/// The view method `name` with a rule: the block its arguments build, and
/// their number.
pub fn view_method(name: &str) -> Option<(&'static str, usize)> {
    VIEW_METHODS.iter().find(|(m, _, _)| *m == name).map(|&(_, block, args)| (block, args))
}

/// The view primitive (`m.columns(j, n)` and the other [`VIEW_METHODS`]).
pub fn matrix_view() -> &'static Primitive {
    MATRIX_PRIMITIVES.iter().find(|p| p.syntax == Syntax::View).expect("the table lists matrix views")
}

/// The primitive written with binary operator `symbol`.
pub fn by_binary(symbol: &str) -> Option<&'static Primitive> {
    PRIMITIVES.iter().find(|p| matches!(p.syntax, Syntax::Binary(s) if s == symbol))
}

/// The primitive written with prefix operator `symbol`.
pub fn by_unary(symbol: &str) -> Option<&'static Primitive> {
    PRIMITIVES.iter().find(|p| matches!(p.syntax, Syntax::Unary(s) if s == symbol))
}

/// The primitive written as method `name`.
pub fn by_method(name: &str) -> Option<&'static Primitive> {
    PRIMITIVES.iter().find(|p| matches!(p.syntax, Syntax::Method(m) if m == name))
}

/// The nalgebra primitive written as method `name` (`x.dot(&y)`).
pub fn by_matrix_method(name: &str) -> Option<&'static Primitive> {
    let name = MATRIX_METHOD_ALIASES.iter().find(|(alias, _)| *alias == name).map_or(name, |(_, method)| method);
    MATRIX_PRIMITIVES.iter().find(|p| matches!(p.syntax, Syntax::Method(m) if m == name))
}

/// The nalgebra primitive written as `matdiff::name(..)`.
pub fn by_helper(name: &str) -> Option<&'static Primitive> {
    MATRIX_PRIMITIVES.iter().find(|p| matches!(p.syntax, Syntax::Helper(h) if h == name))
}

/// Indexing a nalgebra value.
pub fn matrix_index() -> &'static Primitive {
    MATRIX_PRIMITIVES.iter().find(|p| p.syntax == Syntax::Index).expect("the table lists matrix indexing")
}

/// A nalgebra value built from floats (`Vector3::new(a, b, c)`).
pub fn matrix_constructor() -> &'static Primitive {
    MATRIX_PRIMITIVES.iter().find(|p| p.syntax == Syntax::Constructor).expect("the table lists matrix constructors")
}

/// `x.map(|v| ..)` of a nalgebra value.
pub fn matrix_map() -> &'static Primitive {
    MATRIX_PRIMITIVES.iter().find(|p| p.syntax == Syntax::Map).expect("the table lists matrix maps")
}

/// `x.map(|v| ..)` whose derivative closures do not read the element of
/// the map's value: the row of [`matrix_map`], except that its rules do
/// not read the value (the generated code passes `()`, see
/// `matdiff_core::rules::matrix::map::Value`), so that the value need not
/// be computed for the derivatives. The macro uses it for such maps.
pub fn matrix_map_without_value() -> &'static Primitive {
    static ROW: std::sync::OnceLock<Primitive> = std::sync::OnceLock::new();
    ROW.get_or_init(|| Primitive { reads_value: false, ..*matrix_map() })
}

/// The cast primitive.
pub fn cast() -> &'static Primitive {
    PRIMITIVES.iter().find(|p| p.syntax == Syntax::Cast).expect("the table lists the cast primitive")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> impl Iterator<Item = &'static Primitive> {
        PRIMITIVES.iter().chain(MATRIX_PRIMITIVES)
    }

    #[test]
    fn names_are_unique_and_float_syntax_too() {
        let rows: Vec<&Primitive> = all().collect();
        for (i, a) in rows.iter().enumerate() {
            for b in &rows[i + 1..] {
                assert_ne!(a.name, b.name);
            }
        }
        for (i, a) in PRIMITIVES.iter().enumerate() {
            for b in &PRIMITIVES[i + 1..] {
                assert_ne!(a.syntax, b.syntax, "{} and {}", a.name, b.name);
            }
        }
    }

    #[test]
    fn every_matrix_primitive_has_bundle_rules() {
        for p in MATRIX_PRIMITIVES {
            assert!(p.matrix, "{}", p.name);
            assert_eq!(p.bundle, p.syntax != Syntax::Constructor, "{}", p.name);
        }
    }

    #[test]
    fn flags_belong_to_their_kind_of_row() {
        for p in PRIMITIVES {
            assert!(!p.matrix && !p.bundle && !p.reduction && !p.value_function, "{}", p.name);
            if p.matrix_operands {
                assert!(matches!(p.syntax, Syntax::Binary(_) | Syntax::Unary(_)), "{}", p.name);
            }
        }
        for p in MATRIX_PRIMITIVES {
            assert!(!p.matrix_operands, "{}", p.name);
            if p.value_function {
                assert!(matches!(p.syntax, Syntax::Method(_) | Syntax::View), "{}", p.name);
            }
        }
        for p in all() {
            if p.linear {
                assert!(p.second_order.is_empty(), "{}", p.name);
            }
        }
    }

    #[test]
    fn second_order_pairs_name_differentiable_arguments() {
        for p in all() {
            for &(k, j) in p.second_order {
                assert!(p.differentiable.contains(&k) && p.differentiable.contains(&j), "{}", p.name);
            }
            assert!(p.differentiable.iter().all(|&k| k < p.arity), "{}", p.name);
        }
    }

    #[test]
    fn lookups_find_the_rows() {
        assert_eq!(by_binary("*").map(|p| p.name), Some("mul"));
        assert_eq!(by_unary("-").map(|p| p.name), Some("neg"));
        assert_eq!(by_method("max").map(|p| p.name), Some("max"));
        assert_eq!(by_matrix_method("max").map(|p| p.name), Some("max_element"));
        assert_eq!(by_matrix_method("magnitude").map(|p| p.name), Some("norm"));
        assert_eq!(by_helper("inv").map(|p| p.name), Some("inverse"));
        assert_eq!(by_method("floor").map(|p| p.name), None);
        assert_eq!(
            (matrix_index().name, matrix_map().name, matrix_view().name, cast().name),
            ("index", "map", "view", "cast")
        );
        assert_eq!(
            matrix_constructor().rule_functions(),
            ["matrix::from_elements::jvp0", "matrix::from_elements::vjp0"]
        );
        assert_eq!(view_method("fixed_view"), Some(("FixedView", 2)));
    }

    #[test]
    fn identity_arguments_are_linear_and_differentiable() {
        for p in PRIMITIVES.iter().chain(MATRIX_PRIMITIVES) {
            assert!(p.identity.is_empty() || p.linear, "{}", p.name);
            assert!(p.identity.iter().all(|k| p.differentiable.contains(k)), "{}", p.name);
        }
    }

    #[test]
    fn rule_functions_follow_the_row() {
        let div = by_binary("/").unwrap().rule_functions();
        assert_eq!(
            div,
            [
                "div::value",
                "div::jvp0",
                "div::vjp0",
                "div::jvp1",
                "div::vjp1",
                "div::vjp0_jvp1",
                "div::vjp1_jvp0",
                "div::vjp1_jvp1",
                "div::by_value::jvp0",
                "div::by_value::vjp0",
                "div::by_value::jvp1",
                "div::by_value::vjp1",
                "div::by_value::vjp0_jvp1",
                "div::by_value::vjp1_jvp0",
                "div::by_value::vjp1_jvp1"
            ]
        );
        let column = by_matrix_method("column").unwrap().rule_functions();
        assert_eq!(
            column,
            [
                "matrix::column::value",
                "matrix::column::jvp0",
                "matrix::column::vjp0",
                "bundle::column::jvp0",
                "bundle::column::vjp0"
            ]
        );
        assert_eq!(
            by_method("sqrt").unwrap().rule_functions(),
            [
                "sqrt::jvp0",
                "sqrt::vjp0",
                "sqrt::vjp0_jvp0",
                "sqrt::by_value::jvp0",
                "sqrt::by_value::vjp0",
                "sqrt::by_value::vjp0_jvp0"
            ]
        );
    }
}
