//! Attribute options: which arguments are differentiated and what the
//! generated functions are called.

use proc_macro2::{Ident, TokenStream};
use syn::parse::{Parse, ParseStream};
use syn::{Token, parenthesized};

/// The parsed `#[differentiate(...)]` arguments.
#[derive(Default)]
pub struct Options {
    /// `wrt(a, b)`: the differentiated arguments; `None` means every float
    /// argument.
    pub wrt: Option<Vec<Ident>>,
    /// `grad = name`
    pub grad: Option<Ident>,
    /// `value_and_grad = name`
    pub value_and_grad: Option<Ident>,
    /// `hessian = name`
    pub hessian: Option<Ident>,
    /// `hvp = name`
    pub hvp: Option<Ident>,
    /// `jacobian = name`
    pub jacobian: Option<Ident>,
    /// `no_hessian`: generate neither the Hessian nor the Hessian-vector
    /// product (saves compile time for large functions).
    pub no_hessian: bool,
    /// `check` or `check(points = [[..], ..])`: a test of the generated
    /// derivatives against finite differences.
    pub check: Option<Check>,
}

/// What `check` asked for.
pub struct Check {
    /// Where `check` was written, for errors about it.
    pub span: proc_macro2::Span,
    /// The points, each the differentiated scalars in argument order;
    /// `None` for a few generated ones.
    pub points: Option<Vec<Vec<syn::Expr>>>,
}

pub fn parse(args: TokenStream) -> syn::Result<Options> {
    syn::parse2(args)
}

const KNOWN: &str = "`wrt(..)`, `grad = name`, `value_and_grad = name`, `hessian = name`, `hvp = name`, `jacobian = name`, `no_hessian` and `check`";

impl Parse for Options {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut options = Options::default();
        let mut errors: Option<syn::Error> = None;
        while !input.is_empty() {
            let key: Ident = input.call(syn::ext::IdentExt::parse_any)?;
            let result = options.parse_one(&key, input);
            if let Err(e) = result {
                match &mut errors {
                    Some(all) => all.combine(e),
                    None => errors = Some(e),
                }
                // Skip to the next comma so that one bad option does not
                // hide the others.
                while !input.is_empty() && !input.peek(Token![,]) {
                    input.parse::<proc_macro2::TokenTree>()?;
                }
            }
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        match errors {
            Some(e) => Err(e),
            None => Ok(options),
        }
    }
}

impl Options {
    fn parse_one(&mut self, key: &Ident, input: ParseStream) -> syn::Result<()> {
        let duplicate = || syn::Error::new(key.span(), format!("`{key}` is given twice"));
        match key.to_string().as_str() {
            "wrt" => {
                if self.wrt.is_some() {
                    return Err(duplicate());
                }
                let content;
                parenthesized!(content in input);
                let names = content.parse_terminated(Ident::parse, Token![,])?;
                if names.is_empty() {
                    return Err(syn::Error::new(
                        key.span(),
                        "`wrt()` is empty: name at least one argument to differentiate",
                    ));
                }
                self.wrt = Some(names.into_iter().collect());
            }
            "grad" | "value_and_grad" | "hessian" | "hvp" | "jacobian" => {
                input.parse::<Token![=]>()?;
                let name: Ident = input.parse()?;
                let slot = match key.to_string().as_str() {
                    "grad" => &mut self.grad,
                    "value_and_grad" => &mut self.value_and_grad,
                    "hessian" => &mut self.hessian,
                    "hvp" => &mut self.hvp,
                    _ => &mut self.jacobian,
                };
                if slot.is_some() {
                    return Err(duplicate());
                }
                *slot = Some(name);
            }
            "check" => {
                if self.check.is_some() {
                    return Err(duplicate());
                }
                let points = if input.peek(syn::token::Paren) {
                    let content;
                    parenthesized!(content in input);
                    Some(parse_points(&content)?)
                } else {
                    None
                };
                self.check = Some(Check { span: key.span(), points });
            }
            "no_hessian" => {
                if self.no_hessian {
                    return Err(duplicate());
                }
                self.no_hessian = true;
            }
            _ => {
                return Err(syn::Error::new(key.span(), format!("unknown option `{key}`: the options are {KNOWN}")));
            }
        }
        Ok(())
    }
}

/// `points = [[1.0, 2.0], [-0.5, 3.0]]`: a list of points, each a list of
/// numbers.
fn parse_points(input: ParseStream) -> syn::Result<Vec<Vec<syn::Expr>>> {
    let key: Ident = input.parse()?;
    if key != "points" {
        return Err(syn::Error::new(key.span(), "write `check(points = [[1.0, 2.0], [-0.5, 3.0]])`"));
    }
    input.parse::<Token![=]>()?;
    let list: syn::ExprArray = input.parse()?;
    if list.elems.is_empty() {
        return Err(syn::Error::new_spanned(&list, "`points` is empty: give at least one point"));
    }
    list.elems
        .into_iter()
        .map(|point| match point {
            syn::Expr::Array(point) if !point.elems.is_empty() => Ok(point.elems.into_iter().collect()),
            other => Err(syn::Error::new_spanned(
                other,
                "a point is a list of the differentiated scalars in argument order: `[1.0, 2.0]`",
            )),
        })
        .collect()
}
