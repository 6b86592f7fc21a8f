//! placeholder docs (rewritten below)
extern crate self as matdiff;

pub use matdiff_core::check;
pub use matdiff_core::functions::{logaddexp, sigmoid, softplus};
pub use matdiff_core::{Directions, Linear, Scalar};
pub use matdiff_macros::differentiate;

/// What generated code calls. Not a public API: it changes without notice.
#[doc(hidden)]
pub mod __private {
    pub use matdiff_core::calling::{NoDerivative, cotangent, tangent_or_zero};
    pub use matdiff_core::rules;
    pub use matdiff_core::support::{Branch, add, one_like, unit, zero_like, zero_tangent};
    pub use matdiff_core::{Directions, Linear, Scalar};
}
