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
    /// A closure of this many floats, bound by `let`, returning a float.
    Closure(usize),
}

impl Ty {
    /// Length of a one-dimensional container (rows times columns for a matrix).
    pub fn len(self) -> usize {
        match self {
            Ty::F | Ty::U => 1,
            Ty::Closure(_) => 0,
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
    /// A call of a closure bound by `let` (`Stmt::LetClosure`).
    CallClosure(String, Vec<Expr>),
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
    /// An iterator pipeline: a source, an optional `filter`, a reduction.
    /// `Count` is an integer (rendered inside `ToF`).
    Red(Box<Src>, Option<(Vec<String>, Box<Expr>)>, Box<Reduce>),
}

/// The source of an iterator pipeline.
#[derive(Clone, Debug, PartialEq)]
pub enum Src {
    /// `x.iter()`
    Elems(String),
    /// `x.iter().chain(y.iter())`
    Chain(String, String),
    /// `x.windows(k)`
    Windows(String, usize),
    /// `x.windows(k).zip(y.windows(k))`
    ZipWindows(String, String, usize),
}

impl Src {
    /// What a closure over the items reads, for the closure's binders:
    /// the binders themselves for elements, the entries `w[0]` .. `w[k - 1]`
    /// of each window (kept as names, which render verbatim).
    pub fn readable(&self, binders: &[String]) -> Vec<String> {
        match self {
            Src::Elems(_) | Src::Chain(..) => binders.to_vec(),
            Src::Windows(_, k) | Src::ZipWindows(_, _, k) => {
                binders.iter().flat_map(|w| (0..*k).map(move |j| format!("{w}[{j}]"))).collect()
            }
        }
    }
    pub fn containers(&self) -> Vec<&str> {
        match self {
            Src::Elems(x) | Src::Windows(x, _) => vec![x],
            Src::Chain(x, y) | Src::ZipWindows(x, y, _) => vec![x, y],
        }
    }
}

/// The reduction ending an iterator pipeline.
#[derive(Clone, Debug, PartialEq)]
pub enum Reduce {
    Sum,
    Product,
    Count,
    /// `.map(|..| body).sum()`
    MapSum(Vec<String>, Box<Expr>),
    /// `.fold(init, |acc, ..| body)`
    Fold(Box<Expr>, String, Vec<String>, Box<Expr>),
    /// `.copied().fold(init, f64::max)` (or `min`); no init is the infinity
    /// of the right sign.
    FoldFn(Option<Box<Expr>>, &'static str),
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
    /// `for &v in x.iter().filter(|&&b| cond)`, or with `enumerate`:
    /// `for (i, &v) in x.iter().enumerate().filter(|&(j, &b)| cond)`; the
    /// names are the filter's binders (index first when enumerated).
    Filter {
        x: String,
        binders: Vec<String>,
        cond: Box<Expr>,
    },
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
    /// `let name = |p: f64, ..| body;`: the body reads the parameters and
    /// immutable floats of the enclosing scope.
    LetClosure {
        name: String,
        params: Vec<String>,
        body: Expr,
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
        label: Option<String>,
        vars: Vec<String>,
        iter: Iter,
        body: Block,
    },
    /// `let mut k = 0; while k < limit && cond { k += 1; body }`
    While {
        label: Option<String>,
        counter: String,
        limit: usize,
        cond: Expr,
        body: Block,
    },
    /// `let mut k = 0; 'l: loop { k += 1; if k > limit { break; } body }`
    Loop {
        label: Option<String>,
        counter: String,
        limit: usize,
        body: Block,
    },
    /// `let mut k = 0; let name = 'l: loop { k += 1; if k > limit { break last; } body };`
    LetLoop {
        name: String,
        label: Option<String>,
        counter: String,
        limit: usize,
        last: Expr,
        body: Block,
    },
    Break,
    Continue,
    BreakTo(String),
    ContinueTo(String),
    /// `break value;` or `break 'l value;` out of a valued `loop`.
    BreakValue(Option<String>, Expr),
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
