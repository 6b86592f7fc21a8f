//! Collects several errors so the user sees all of them at once.

use proc_macro2::Span;

#[derive(Default)]
pub struct Errors {
    combined: Option<syn::Error>,
}

impl Errors {
    pub fn push(&mut self, span: Span, message: impl std::fmt::Display) {
        self.add(syn::Error::new(span, message));
    }

    pub fn add(&mut self, error: syn::Error) {
        match &mut self.combined {
            Some(all) => all.combine(error),
            None => self.combined = Some(error),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.combined.is_none()
    }

    pub fn finish(self) -> syn::Result<()> {
        match self.combined {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

/// A view method with the wrong number of arguments.
pub fn view_arguments(method: &proc_macro2::Ident, count: usize) -> syn::Error {
    syn::Error::new(method.span(), format!("`{method}` takes {count} argument(s)"))
}

/// A view whose place or size depends on the differentiated inputs.
pub fn varied_view_argument(span: Span, method: &proc_macro2::Ident) -> syn::Error {
    syn::Error::new(
        span,
        format!(
            "the place and size of a view must not depend on the differentiated inputs: compute the indices of `{method}` from integers (lengths, loop indices, constants)"
        ),
    )
}

/// A view method applied to something that is not a nalgebra value.
pub fn view_of_non_matrix(method: &proc_macro2::Ident) -> syn::Error {
    syn::Error::new(
        method.span(),
        format!(
            "`{method}` takes a view of a nalgebra vector or matrix, and this is a differentiated float or array: index it instead"
        ),
    )
}
