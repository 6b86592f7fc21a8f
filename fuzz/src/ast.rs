//! The typed syntax tree of a generated program, shared by the generator, renderers and shrinker.

/// Types of values in generated code. `U` is `usize`; `Slice`, `Arr`,
/// `DVec` and `DMat` are arguments, `LocalVec`/`LocalArr` writable locals.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Ty {
    F,
    U,
    Slice(usize),
    Arr(usize),
    LocalVec(usize),
    LocalArr(usize),
    DVec(usize),
    DMat(usize, usize),
}

impl Ty {
    /// Length of a one-dimensional container (rows times columns for a matrix).
    pub fn len(self) -> usize {
        match self {
            Ty::F | Ty::U => 1,
            Ty::Slice(n) | Ty::Arr(n) | Ty::LocalVec(n) | Ty::LocalArr(n) | Ty::DVec(n) => n,
            Ty::DMat(r, c) => r * c,
        }
    }
    pub fn is_elems(self) -> bool {
        matches!(self, Ty::Slice(_) | Ty::Arr(_) | Ty::LocalVec(_) | Ty::LocalArr(_))
    }
}

/// What a function returns.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Ret {
    F,
    Arr(usize),
    Vec(usize),
    DVec(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    F(f64),
    U(usize),
    Var(String),
    /// `self.w` in a method; the oracle gets the field's value as a constant.
    SelfW(f64),
    Bin(char, Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
    /// `e.method()`
    M0(&'static str, Box<Expr>),
    /// `e.method(arg)`
    M1(&'static str, Box<Expr>, Box<Expr>),
    Powi(Box<Expr>, i32),
    MulAdd(Box<Expr>, Box<Expr>, Box<Expr>),
    Clamp(Box<Expr>, f64, f64),
    /// `matdiff::sigmoid(..)` and friends.
    Lib(&'static str, Vec<Expr>),
    /// A call of another generated function, `self.name(..)` when `method`.
    Call(String, bool, Vec<Expr>),
    ToF(Box<Expr>),
    /// `((e).abs() * 2.0) as usize % m`: an integer that depends on values.
    ToU(Box<Expr>, usize),
    UBin(char, Box<Expr>, Box<Expr>),
    /// Comparison; the flag says whether the operands are floats.
    Cmp(&'static str, Box<Expr>, Box<Expr>, bool),
    Logic(&'static str, Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    If(Box<Expr>, Box<Block>, Box<Block>),
    Match(Box<Expr>, bool, Vec<Arm>),
    Index(String, Box<Expr>),
    Index2(String, Box<Expr>, Box<Expr>),
    Sum(String),
    MapSum(String, String, Box<Expr>),
    Fold(String, Box<Expr>, String, String, Box<Expr>),
    Block(Box<Block>),
    /// Vector results: `[a, b]` or `vec![a, b]`.
    List(bool, Vec<Expr>),
    /// nalgebra binary operation; the types of both operands are recorded
    /// because the oracle's rendering depends on them.
    NBin(char, Box<Expr>, Ty, Box<Expr>, Ty),
    /// nalgebra value times a float: `(m) * s`.
    NScale(Box<Expr>, Box<Expr>),
    /// `transpose`, `sum`, `norm`, `norm_squared` on a nalgebra value.
    NM0(&'static str, Box<Expr>),
    /// `dot`, `component_mul`.
    NM1(&'static str, Box<Expr>, Box<Expr>),
    /// A view of a nalgebra value, written without `.into_owned()`: the
    /// call after the dot (`column(1)`, `row(0).transpose()`, `view((0, 0),
    /// (3, 3))`); the oracle owns it.
    NView(String, Box<Expr>),
    NMap(Box<Expr>, String, Box<Expr>),
    Inv(Box<Expr>),
    Logdet(Box<Expr>),
    Solve(Box<Expr>, Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Pat {
    F(f64),
    U(usize),
    /// Inclusive range; a missing end is open.
    RangeF(Option<f64>, Option<f64>),
    RangeU(usize, usize),
    Wild,
    Bind(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Arm {
    pub pat: Pat,
    pub guard: Option<Expr>,
    pub body: Block,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Iter {
    Range {
        lo: Expr,
        hi: Expr,
        inclusive: bool,
        rev: bool,
        step: usize,
    },
    /// `for &v in x`
    Elems(String),
    /// `for (i, &v) in x.iter().enumerate()`
    Enumerate(String),
    /// `for (&p, &q) in x.iter().zip(y.iter())`
    Zip(String, String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Stmt {
    Let {
        name: String,
        mutable: bool,
        ty: Ty,
        init: Expr,
    },
    Assign {
        name: String,
        op: Option<char>,
        value: Expr,
    },
    /// `(a, b) = (x, y);`: every value is computed before any variable
    /// changes, so `(a, b) = (b, a)` swaps.
    AssignTuple {
        names: Vec<String>,
        values: Vec<Expr>,
    },
    IndexAssign {
        name: String,
        index: Expr,
        op: Option<char>,
        value: Expr,
    },
    If(Expr, Block, Option<Block>),
    For {
        vars: Vec<String>,
        iter: Iter,
        body: Block,
    },
    /// `let mut k = 0; while k < limit && cond { k += 1; body }`
    While {
        counter: String,
        limit: usize,
        cond: Expr,
        body: Block,
    },
    Break,
    Continue,
    Return(Expr),
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub tail: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Func {
    pub name: String,
    pub params: Vec<(String, Ty)>,
    pub ret: Ret,
    pub body: Block,
    /// A method of the program's struct (takes `&self`).
    pub method: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    /// Helpers first; the last function is the one checked.
    pub funcs: Vec<Func>,
    /// Evaluation points: one value per differentiated scalar, in argument order.
    pub points: Vec<Vec<f64>>,
    /// The value of `self.w` when the checked function is a method.
    pub self_w: f64,
}

impl Program {
    pub fn main(&self) -> &Func {
        self.funcs.last().expect("a program has a function")
    }
}
