//! The naming conventions of generated code, in one place.
//!
//! A value `x` of the user's function keeps its name in every generated
//! body; its cotangent (adjoint) is `x_bar` and its tangent `x_dot`, with a
//! number appended when a name is taken (`x_bar_1`). Locals that belong to
//! the generated code rather than to a value of the user's (loop counters
//! of sweeps, tuples returned by the cores) start with `__matdiff_`, which a
//! user's code does not use. The derivative bodies of function `f` live in
//! a hidden `struct f {}` (or, for a method or an associated function of
//! an impl block, in hidden associated functions named by
//! [`companion_method`]: `m_vjp` of method `m`).

use proc_macro2::Ident;

/// Suffix of a cotangent: `x_bar`.
pub const BAR: &str = "_bar";

/// Suffix of a tangent: `x_dot`.
pub const DOT: &str = "_dot";

/// The pullback of the calling convention (`matdiff_core::calling`).
pub const VJP: &str = "vjp";

/// The pushforward of the calling convention.
pub const JVP: &str = "jvp";

/// The pullback with its tangent, of the calling convention.
pub const VJP_JVP: &str = "vjp_jvp";

/// The companions `jvp` and `vjp_jvp` of a function holding nalgebra
/// values along one direction, which their generic forms loop over.
pub const JVP_ONE: &str = "jvp_one";
pub const VJP_JVP_ONE: &str = "vjp_jvp_one";

/// The reverse core, seeded with 1, that the gradients and `vjp` call.
pub const GRADIENT_CORE: &str = "gradient_core";

/// The forward-over-reverse core, seeded with 1, that the Hessians, the
/// Hessian-vector product and `vjp_jvp` call.
pub const SECOND_ORDER_CORE: &str = "second_order_core";

/// One sweep of the forward-over-reverse core, never inlined, that the
/// loop of a chunked Hessian calls.
pub const SECOND_ORDER_SWEEP: &str = "second_order_sweep";

/// Slot `slot` of the window of a cotangent buffer in a reverse loop (see
/// `gather`).
pub fn window_slot(buffer: &Ident, slot: usize) -> Ident {
    let buffer_name = buffer.to_string();
    quote::format_ident!("__matdiff_window_{}_{}", buffer_name.trim_start_matches("r#"), slot, span = buffer.span())
}

/// The entry of slot 0 of a window in the last iteration of its loop.
pub fn window_low(buffer: &Ident) -> Ident {
    let buffer_name = buffer.to_string();
    quote::format_ident!("__matdiff_window_{}_low", buffer_name.trim_start_matches("r#"), span = buffer.span())
}

/// The parameter of the forward-over-reverse core that lends the storage
/// of the cotangent of its `k`-th argument, a slice (see
/// `matdiff_core::arrays::CotangentStorage`), and its type.
pub fn cotangent_storage(k: usize) -> (Ident, Ident) {
    let span = proc_macro2::Span::call_site();
    (quote::format_ident!("__matdiff_storage{}", k, span = span), quote::format_ident!("__MatdiffS{}", k, span = span))
}

/// The parameter of the forward-over-reverse core that lends the storage
/// of the tangent of the cotangent of its `k`-th argument, a slice (see
/// `matdiff_core::arrays::TangentStorage`), and its type.
pub fn tangent_storage(k: usize) -> (Ident, Ident) {
    let span = proc_macro2::Span::call_site();
    (
        quote::format_ident!("__matdiff_tangent_storage{}", k, span = span),
        quote::format_ident!("__MatdiffR{}", k, span = span),
    )
}

/// The type of the tangents the forward-over-reverse core is given for its
/// `k`-th argument, a borrowed slice: any borrow of a slice of bundles (a
/// `Vec` or a caller's seeds).
pub fn borrowed_tangent(k: usize) -> Ident {
    quote::format_ident!("__MatdiffT{}", k, span = proc_macro2::Span::call_site())
}

/// Whether a called path names an associated function (`Self::f`,
/// `Model::f`: the segment before the function is `Self` or a type, which
/// Rust's conventions capitalise) rather than a function of a module.
pub fn names_associated_function(path: &syn::Path) -> bool {
    let n = path.segments.len();
    n >= 2
        && path.segments[n - 2].ident.to_string().trim_start_matches("r#").starts_with(|c: char| c.is_ascii_uppercase())
}

/// The hidden method that holds companion `suffix` of method `method`:
/// `cost_vjp` of `cost`. It is named after the user's method, not with the
/// `__matdiff_` prefix, because rustc names it in its own errors (a method
/// of a trait impl whose attribute is not on the block: "method `cost_vjp`
/// is not a member of trait"), which must not name matdiff's internals.
pub fn companion_method(suffix: &str, method: &Ident) -> Ident {
    Ident::new(&format!("{}_{suffix}", method.to_string().trim_start_matches("r#")), method.span())
}

/// The hidden function that computes the partial derivative of `function`
/// with respect to `arg`, given by `#[derivative(..)]`.
pub fn partial(function: &Ident, arg: &Ident) -> Ident {
    let function = function.to_string();
    let arg = arg.to_string();
    Ident::new(
        &format!("__matdiff_partial_{}_{}", function.trim_start_matches("r#"), arg.trim_start_matches("r#")),
        proc_macro2::Span::call_site(),
    )
}

/// The hidden function that computes the tangent of `function`, given by
/// `#[derivative(tangent = ..)]`.
pub fn tangent(function: &Ident) -> Ident {
    let function = function.to_string();
    Ident::new(&format!("__matdiff_tangent_{}", function.trim_start_matches("r#")), proc_macro2::Span::call_site())
}

/// The parameter of an elementwise map's derivative closures that holds the
/// element of the map's value.
pub fn element_value() -> Ident {
    quote::format_ident!("__matdiff_y")
}
