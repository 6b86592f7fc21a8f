//! Snapshot tests of the expansion: the generated code of a few
//! representative functions, formatted, compared with the files in
//! `macros/tests/expand/`. Run with `MATDIFF_BLESS=1` to rewrite them after
//! an intended change, and review the diff like any other code.

use std::path::PathBuf;

use quote::quote;

use crate::expand::expand;

fn check(name: &str, args: proc_macro2::TokenStream, item: proc_macro2::TokenStream) {
    check_expansion(name, expand(args, item));
}

fn check_expansion(name: &str, expanded: proc_macro2::TokenStream) {
    let file: syn::File = match syn::parse2(expanded.clone()) {
        Ok(file) => file,
        Err(e) => panic!("the expansion of {name} does not parse: {e}\n{expanded}"),
    };
    let pretty = prettyplease::unparse(&file);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/expand").join(format!("{name}.rs"));
    if std::env::var_os("MATDIFF_BLESS").is_some() {
        std::fs::write(&path, &pretty).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("no snapshot {}: run with MATDIFF_BLESS=1 to create it", path.display()));
    assert!(
        expected == pretty,
        "the expansion of {name} changed; review it and run with MATDIFF_BLESS=1 to accept it\n--- new ---\n{pretty}"
    );
}

#[test]
fn logsumexp_of_two() {
    check(
        "logsumexp_of_two",
        quote!(),
        quote! {
            fn f(x: f64, y: f64) -> f64 {
                (x.exp() + y.exp()).ln()
            }
        },
    );
}

#[test]
fn sparse_hessian() {
    check(
        "sparse_hessian",
        quote!(),
        quote! {
            fn chain(a: f64, b: f64, c: f64, d: f64) -> f64 {
                (b - a * a).powi(2) + (c - b * b).powi(2) + (d - c * c).powi(2)
            }
        },
    );
}

#[test]
fn branch_and_early_return() {
    check(
        "branch_and_early_return",
        quote!(wrt(x)),
        quote! {
            pub fn huber(x: f64, delta: f64) -> f64 {
                let a = x.abs();
                if a <= delta {
                    return 0.5 * x * x;
                }
                delta * (a - 0.5 * delta)
            }
        },
    );
}

#[test]
fn mutation_and_calls() {
    check(
        "mutation_and_calls",
        quote!(),
        quote! {
            fn loss(w: f64, b: f64, n: usize) -> f64 {
                let mut s = w * w;
                s += sigmoid(w * 2.0 + b);
                if n > 2 {
                    s *= 0.5;
                }
                s
            }
        },
    );
}

#[test]
fn rosenbrock_loop() {
    check(
        "rosenbrock_loop",
        quote!(),
        quote! {
            fn rosenbrock(x: &[f64]) -> f64 {
                let mut s = 0.0;
                for i in 0..x.len() - 1 {
                    s += 100.0 * (x[i + 1] - x[i] * x[i]).powi(2) + (1.0 - x[i]).powi(2);
                }
                s
            }
        },
    );
}

/// A five-point stencil: the band (bandwidth 2) read from the offsets -1,
/// 0 and +1 of the loop index makes the Hessian one sweep of five
/// directions, and gives the sparse functions.
#[test]
fn stencil_band() {
    check(
        "stencil_band",
        quote!(),
        quote! {
            fn stencil(x: &[f64]) -> f64 {
                let n = x.len();
                let mut s = 0.0;
                for i in 1..n - 1 {
                    let d = x[i - 1] - 2.0 * x[i] + x[i + 1];
                    s += d * d + x[i].powi(4);
                }
                s
            }
        },
    );
}

#[test]
fn while_loop_with_counter() {
    check(
        "while_loop_with_counter",
        quote!(),
        quote! {
            fn value_dependent_while(x: &[f64]) -> f64 {
                let mut t = 0.0;
                let mut k = 0;
                while k < x.len() && t < 2.0 {
                    t += x[k] * x[k] + 0.1;
                    k += 1;
                }
                t * x[0] + k as f64
            }
        },
    );
}

#[test]
fn slice_calls() {
    check(
        "slice_calls",
        quote!(),
        quote! {
            fn calls_with_slices(x: &[f64]) -> f64 {
                let mut doubled = vec![0.0; x.len()];
                for i in 0..x.len() {
                    doubled[i] = 2.0 * x[i];
                }
                inner_sum(x) * inner_sum(&doubled).sin()
            }
        },
    );
}

#[test]
fn map_sum() {
    check(
        "map_sum",
        quote!(),
        quote! {
            fn inner_sum(x: &[f64]) -> f64 {
                x.iter().map(|v| v * v * v).sum::<f64>()
            }
        },
    );
}

/// The logistic loss through an elementwise map: the gradient needs the
/// map's derivative (the sigmoid), not the loss that the map's value feeds.
#[test]
fn logistic_map() {
    check(
        "logistic_map",
        quote!(wrt(w)),
        quote! {
            fn logistic(w: &DVector<f64>, x: &DMatrix<f64>, y: &DVector<f64>) -> f64 {
                let z = x * w;
                z.map(matdiff::softplus).sum() - y.dot(&z)
            }
        },
    );
}

/// Seed 003's quadratic form with a constant matrix: no cotangent of `a` is
/// computed anywhere, and the Hessian is one sweep whose tangents are
/// bundles of all directions.
#[test]
fn quadratic_form() {
    check(
        "quadratic_form",
        quote!(wrt(x)),
        quote! {
            fn quadratic(x: &DVector<f64>, a: &DMatrix<f64>) -> f64 {
                x.dot(&(a * x))
            }
        },
    );
}

#[test]
fn views() {
    check(
        "views",
        quote!(wrt(mu, a)),
        quote! {
            fn views(x: &DMatrix<f64>, mu: &DVector<f64>, a: &DMatrix<f64>) -> f64 {
                let mut s = 0.0;
                for j in 0..x.ncols() {
                    let xj = x.column(j);
                    s += (xj - mu).norm_squared() + xj[0] * a.rows(0, 2).sum();
                }
                s
            }
        },
    );
}

#[test]
fn tuples() {
    check(
        "tuples",
        quote!(),
        quote! {
            fn polar(r: f64, t: f64) -> f64 {
                let (s, c) = t.sin_cos();
                let (a, b) = if r > 0.0 { (r * s, c) } else { (c, r) };
                a * b
            }
        },
    );
}

#[test]
fn vector_built_from_scalars() {
    check(
        "vector_built_from_scalars",
        quote!(),
        quote! {
            fn residual(x: f64, y: f64, z: f64) -> Vector2<f64> {
                Vector2::new(x + y + z, x * y * z)
            }
        },
    );
}

#[test]
fn generic_float() {
    check(
        "generic_float",
        quote!(),
        quote! {
            fn damped<T: Float>(x: &[T], c: T) -> T {
                let mut s = T::zero();
                for i in 0..x.len() {
                    s = s + (x[i] * c).sin() / T::from(i + 1).unwrap();
                }
                s
            }
        },
    );
}

#[test]
fn derivative_with_result() {
    check_expansion(
        "derivative_with_result",
        crate::derivative::expand(
            quote!(result = y, a = y.cos() / (1.0 + a * y.sin()), b = 1.0),
            quote! {
                pub fn fixed_point(a: f64, n: usize, b: f64) -> f64 {
                    solve(a, n) + b
                }
            },
        ),
    );
}

#[test]
fn derivative_by_tangent() {
    check_expansion(
        "derivative_by_tangent",
        crate::derivative::expand(
            quote!(tangent = x_dot[0] * t + x[0] * t_dot),
            quote! {
                fn scaled_first(x: &[f64], t: f64) -> f64 {
                    opaque(x) * t
                }
            },
        ),
    );
}

/// A struct parameter, in its three steps: the derive's macro, the
/// attribute's call of it, and what that call expands to once the fields
/// are known (the flat function, its derivatives, the struct's wrappers).
#[test]
fn struct_parameter() {
    check_expansion(
        "struct_parameter_derive",
        crate::structs::derive(quote! {
            struct Point {
                x: f64,
                y: f64,
                #[matdiff(constant)]
                label: usize,
            }
        }),
    );
    let function = quote! {
        fn bowl(p: &Point, k: f64) -> f64 {
            k * p.x * p.x + p.y * p.x
        }
    };
    check("struct_parameter_attribute", quote!(wrt(p)), function.clone());
    check_expansion(
        "struct_parameter_callback",
        crate::structs::callback(quote! {
            (wrt(p)) { #function } [p] [] { x: f64; y: f64; const label; }
        }),
    );
}

#[test]
fn trigonometric_loop() {
    check(
        "trigonometric_loop",
        quote!(),
        quote! {
            fn trigonometric(x: &[f64]) -> f64 {
                let n = x.len();
                let mut c = 0.0;
                for &xj in x.iter() {
                    c += xj.cos();
                }
                let mut s = 0.0;
                for i in 0..n {
                    let r = n as f64 - c + (i + 1) as f64 * (1.0 - x[i].cos()) - x[i].sin();
                    s += r * r;
                }
                s
            }
        },
    );
}
