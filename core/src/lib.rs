//! The math behind matdiff: the derivative rules of every primitive, the
//! vector spaces that tangents and cotangents live in, the calling convention
//! of differentiated functions, and a finite-difference checker.
//!
//! Nothing here parses Rust: the `#[differentiate]` macro emits calls into
//! this crate (through `matdiff::__private`), and rustc's type checker picks
//! the implementation for the actual argument types. Every rule is itself
//! differentiable once more (each pullback has a tangent rule), which is what
//! lets the macro build Hessians from gradients.

pub mod arrays;
pub mod bundle;
pub mod calling;
pub mod check;
pub mod functions;
pub mod linalg;
pub mod linear;
pub mod matrix;
pub mod pool;
pub mod products;
pub mod rules;
pub mod scalar;
pub mod sparse;
pub mod structs;
pub mod support;

pub use linear::{Directions, Linear};
/// The table of primitives, which the macro reads (the `matdiff-table`
/// crate): one row per primitive, naming its modules of [`rules`].
pub use matdiff_table as table;
pub use nalgebra;
/// num-traits, whose `Float` and `FloatConst` bound [`Scalar`].
pub use num_traits;
pub use scalar::{Real, Scalar};
