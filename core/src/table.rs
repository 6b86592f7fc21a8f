//! The table of primitives: how each is written in user code, which of its
//! arguments are differentiable, and which second-order rules it has.
//!
//! The `#[differentiate]` macro reads this table when it expands (it links
//! this crate at compile time), so a primitive added here with its rules in
//! [`crate::rules`] is supported without touching the macro.

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
}

/// One primitive operation and the shape of its rules.
#[derive(Clone, Copy, Debug)]
pub struct Primitive {
    /// The module of [`crate::rules`] that holds its rule functions.
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
    /// Whether its rules are in [`crate::rules::matrix`] (a nalgebra
    /// primitive) rather than at the top of [`crate::rules`].
    pub matrix: bool,
}

const ONE: &[usize] = &[0];
const TWO: &[usize] = &[0, 1];
const THREE: &[usize] = &[0, 1, 2];
const NONE: &[(usize, usize)] = &[];
const SELF: &[(usize, usize)] = &[(0, 0)];
const CROSS: &[(usize, usize)] = &[(0, 1), (1, 0)];
const FULL: &[(usize, usize)] = &[(0, 0), (0, 1), (1, 0), (1, 1)];

const fn op(name: &'static str, symbol: &'static str, second_order: &'static [(usize, usize)]) -> Primitive {
    Primitive {
        name,
        syntax: Syntax::Binary(symbol),
        arity: 2,
        differentiable: TWO,
        second_order,
        linear: false,
        matrix: false,
    }
}

const fn linear_op(name: &'static str, symbol: &'static str) -> Primitive {
    Primitive {
        name,
        syntax: Syntax::Binary(symbol),
        arity: 2,
        differentiable: TWO,
        second_order: NONE,
        linear: true,
        matrix: false,
    }
}

const fn unary(name: &'static str, second_order: &'static [(usize, usize)]) -> Primitive {
    Primitive {
        name,
        syntax: Syntax::Method(name),
        arity: 1,
        differentiable: ONE,
        second_order,
        linear: false,
        matrix: false,
    }
}

const fn binary(name: &'static str, second_order: &'static [(usize, usize)]) -> Primitive {
    Primitive {
        name,
        syntax: Syntax::Method(name),
        arity: 2,
        differentiable: TWO,
        second_order,
        linear: false,
        matrix: false,
    }
}

/// Every primitive the macro differentiates.
pub const PRIMITIVES: &[Primitive] = &[
    linear_op("add", "+"),
    linear_op("sub", "-"),
    op("mul", "*", CROSS),
    op("div", "/", &[(0, 1), (1, 0), (1, 1)]),
    op("rem", "%", NONE),
    Primitive {
        name: "neg",
        syntax: Syntax::Unary("-"),
        arity: 1,
        differentiable: ONE,
        second_order: NONE,
        linear: true,
        matrix: false,
    },
    Primitive {
        name: "cast",
        syntax: Syntax::Cast,
        arity: 1,
        differentiable: ONE,
        second_order: NONE,
        linear: true,
        matrix: false,
    },
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
    Primitive {
        name: "powi",
        syntax: Syntax::Method("powi"),
        arity: 2,
        differentiable: ONE,
        second_order: SELF,
        linear: false,
        matrix: false,
    },
    binary("powf", FULL),
    binary("log", FULL),
    binary("atan2", FULL),
    binary("hypot", FULL),
    binary("min", NONE),
    binary("max", NONE),
    Primitive {
        name: "mul_add",
        syntax: Syntax::Method("mul_add"),
        arity: 3,
        differentiable: THREE,
        second_order: CROSS,
        linear: false,
        matrix: false,
    },
    Primitive {
        name: "clamp",
        syntax: Syntax::Method("clamp"),
        arity: 3,
        differentiable: THREE,
        second_order: NONE,
        linear: false,
        matrix: false,
    },
];

const fn matrix_method(name: &'static str, arity: usize, second_order: &'static [(usize, usize)]) -> Primitive {
    let differentiable = if arity == 1 { ONE } else { TWO };
    Primitive { name, syntax: Syntax::Method(name), arity, differentiable, second_order, linear: false, matrix: true }
}

const fn matrix_helper(name: &'static str, arity: usize, second_order: &'static [(usize, usize)]) -> Primitive {
    let differentiable = if arity == 1 { ONE } else { TWO };
    Primitive { name, syntax: Syntax::Helper(name), arity, differentiable, second_order, linear: false, matrix: true }
}

/// The nalgebra primitives, with rules in [`crate::rules::matrix`]. Their
/// `+`, `-` and negation are the linear rules of [`PRIMITIVES`]; `*` is
/// `matmul` between matrices and `scale` between a scalar and a matrix.
/// Reductions whose rules take the argument's shape but read no value
/// (`sum`, `mean`, `trace`) are linear in the mathematical sense and are
/// listed with `linear: false` because their pullback needs that shape.
pub const MATRIX_PRIMITIVES: &[Primitive] = &[
    Primitive {
        name: "transpose",
        syntax: Syntax::Method("transpose"),
        arity: 1,
        differentiable: ONE,
        second_order: NONE,
        linear: true,
        matrix: true,
    },
    Primitive {
        name: "matmul",
        syntax: Syntax::Binary("*"),
        arity: 2,
        differentiable: TWO,
        second_order: CROSS,
        linear: false,
        matrix: true,
    },
    Primitive {
        name: "scale",
        syntax: Syntax::Binary("*"),
        arity: 2,
        differentiable: TWO,
        second_order: CROSS,
        linear: false,
        matrix: true,
    },
    Primitive {
        name: "index",
        syntax: Syntax::Index,
        arity: 2,
        differentiable: ONE,
        second_order: NONE,
        linear: false,
        matrix: true,
    },
    Primitive {
        name: "map",
        syntax: Syntax::Map,
        arity: 4,
        differentiable: ONE,
        second_order: SELF,
        linear: false,
        matrix: true,
    },
    Primitive {
        name: "column",
        syntax: Syntax::Method("column"),
        arity: 2,
        differentiable: ONE,
        second_order: NONE,
        linear: false,
        matrix: true,
    },
    Primitive {
        name: "row",
        syntax: Syntax::Method("row"),
        arity: 2,
        differentiable: ONE,
        second_order: NONE,
        linear: false,
        matrix: true,
    },
    matrix_method("tr_mul", 2, CROSS),
    matrix_method("dot", 2, CROSS),
    matrix_method("component_mul", 2, CROSS),
    matrix_method("component_div", 2, &[(0, 1), (1, 0), (1, 1)]),
    matrix_method("sum", 1, NONE),
    matrix_method("mean", 1, NONE),
    matrix_method("trace", 1, NONE),
    matrix_method("norm_squared", 1, SELF),
    matrix_method("norm", 1, SELF),
    Primitive {
        name: "add_scalar",
        syntax: Syntax::Method("add_scalar"),
        arity: 2,
        differentiable: TWO,
        second_order: NONE,
        linear: false,
        matrix: true,
    },
    Primitive {
        name: "max_element",
        syntax: Syntax::Method("max"),
        arity: 1,
        differentiable: ONE,
        second_order: NONE,
        linear: false,
        matrix: true,
    },
    Primitive {
        name: "min_element",
        syntax: Syntax::Method("min"),
        arity: 1,
        differentiable: ONE,
        second_order: NONE,
        linear: false,
        matrix: true,
    },
    matrix_method("determinant", 1, SELF),
    matrix_helper("logdet", 1, SELF),
    Primitive {
        name: "inverse",
        syntax: Syntax::Helper("inv"),
        arity: 1,
        differentiable: ONE,
        second_order: SELF,
        linear: false,
        matrix: true,
    },
    matrix_helper("solve", 2, &[(0, 0), (0, 1), (1, 0)]),
    matrix_helper("softmax", 1, SELF),
    // `matdiff::logsumexp` of a nalgebra value; of a slice it is the
    // function with its own companion in `crate::functions`.
    matrix_helper("logsumexp", 1, SELF),
];

/// The primitives whose rules do not take their value `y`: their rule
/// functions have no `y` argument, so the value need not be computed when
/// only derivatives are wanted (the elementwise map's derivative closures
/// take the element alone).
pub const VALUE_FREE_RULES: &[&str] = &["map"];

impl Primitive {
    /// Whether the rule functions take the primitive's value.
    pub fn rules_read_value(&self) -> bool {
        !VALUE_FREE_RULES.contains(&self.name)
    }
}

/// The operators that apply to nalgebra values too (their rules dispatch on
/// the operands' types); the other primitives of [`PRIMITIVES`] take floats.
pub const MATRIX_OPERATORS: &[&str] = &["add", "sub", "mul", "div", "neg"];

/// The nalgebra primitives whose value is a float rather than a matrix.
pub const MATRIX_REDUCTIONS: &[&str] = &[
    "index",
    "dot",
    "sum",
    "mean",
    "trace",
    "norm",
    "norm_squared",
    "determinant",
    "logdet",
    "logsumexp",
    "max_element",
    "min_element",
];

/// The nalgebra methods whose value the generated code computes with the
/// rule module's `value` function (every argument by reference): those that
/// take a float or an index by value, or return a view in nalgebra.
pub const MATRIX_VALUE_FUNCTIONS: &[&str] = &["column", "row", "add_scalar"];

/// Other names nalgebra has for matrix methods with rules.
pub const MATRIX_METHOD_ALIASES: &[(&str, &str)] = &[("magnitude", "norm"), ("magnitude_squared", "norm_squared")];

/// The nalgebra primitives with rules along a bundle of directions in
/// [`crate::rules::bundle`]: all of them. (The operators and the float
/// primitives take any tangent.) Most are whole-bundle operations; the
/// products with a varying right factor, matrix transposes, inverses and
/// solves apply the one-direction rule to each direction.
pub const BUNDLE_PRIMITIVES: &[&str] = &[
    "transpose",
    "matmul",
    "scale",
    "index",
    "column",
    "row",
    "map",
    "tr_mul",
    "dot",
    "component_mul",
    "component_div",
    "sum",
    "mean",
    "trace",
    "norm_squared",
    "norm",
    "determinant",
    "logdet",
    "inverse",
    "solve",
    "softmax",
    "logsumexp",
    "max_element",
    "min_element",
    "add_scalar",
];

/// Methods whose value is piecewise constant: their derivative is 0 wherever
/// it exists, so their result is treated as a constant.
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

/// Float methods that have no rule, with what to write instead.
pub const UNSUPPORTED_METHODS: &[(&str, &str)] = &[
    ("sin_cos", "call `x.sin()` and `x.cos()` separately"),
    ("copysign", "write the sign explicitly, e.g. `if s < 0.0 { -x.abs() } else { x.abs() }`"),
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
];

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

/// `x.map(|v| ..)` of a nalgebra value.
pub fn matrix_map() -> &'static Primitive {
    MATRIX_PRIMITIVES.iter().find(|p| p.syntax == Syntax::Map).expect("the table lists matrix maps")
}

/// The cast primitive.
pub fn cast() -> &'static Primitive {
    PRIMITIVES.iter().find(|p| p.syntax == Syntax::Cast).expect("the table lists the cast primitive")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_syntax_are_unique() {
        for (i, a) in PRIMITIVES.iter().enumerate() {
            for b in &PRIMITIVES[i + 1..] {
                assert_ne!(a.name, b.name);
                assert_ne!(a.syntax, b.syntax);
            }
        }
    }

    #[test]
    fn every_matrix_primitive_has_bundle_rules() {
        for p in MATRIX_PRIMITIVES {
            assert!(BUNDLE_PRIMITIVES.contains(&p.name), "{}", p.name);
        }
    }

    #[test]
    fn second_order_pairs_name_differentiable_arguments() {
        for p in PRIMITIVES {
            for &(k, j) in p.second_order {
                assert!(p.differentiable.contains(&k) && p.differentiable.contains(&j), "{}", p.name);
            }
            assert!(p.differentiable.iter().all(|&k| k < p.arity), "{}", p.name);
        }
    }
}
