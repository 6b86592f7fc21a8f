#!/usr/bin/env python3
"""Reference derivatives for the precision tests of the rules in matdiff-core.

Computes, with mpmath at 50 significant digits, the first and second
derivatives of every float method and helper that has a rule, at points
spread over each function's range (tails included), and prints them as a
Rust file of literals:

    python3 scripts/precision-reference.py > core/tests/data/precision_reference.rs

The derivatives are written out in closed form here, independently of the
forms the rules use, and evaluated at the exact values of the f64 points.
A reference that is not a normal f64 (it overflows, underflows or is
subnormal) is written as NaN, which the test reads as "not checked": there
the rules only need to give the right limit, not a few ulps.
"""

import sys

import mpmath
from mpmath import mp, mpf

mp.dps = 50

F64_MIN_NORMAL = mpf(2) ** -1022
F64_MAX = (2 - mpf(2) ** -52) * mpf(2) ** 1023


def lit(v):
    """A Rust f64 literal that round-trips the nearest f64 to `v`."""
    if v == 0:
        return "0.0"
    if not (F64_MIN_NORMAL <= abs(v) <= F64_MAX):
        return "f64::NAN"
    f = float(v)
    r = repr(f)
    if "e" not in r and "." not in r and "inf" not in r and "nan" not in r:
        r += ".0"
    return r


def pt(x):
    """An f64 point as an exact mpf, and its literal."""
    x = float(x)
    return mpf(x), repr(x) if ("." in repr(x) or "e" in repr(x)) else repr(x) + ".0"


def real_cbrt(x):
    return mpmath.sign(x) * mpmath.cbrt(abs(x))


def sigmoid(x):
    return 1 / (1 + mpmath.exp(-x))


def sech2(x):
    return 1 / mpmath.cosh(x) ** 2


LN2 = mpmath.log(2)
LN10 = mpmath.log(10)

# name: (d, dd, points). d and dd take the exact mpf point.
UNARY = {
    "sqrt": (
        lambda x: 1 / (2 * mpmath.sqrt(x)),
        lambda x: -1 / (4 * x * mpmath.sqrt(x)),
        [1e-300, 1e-200, 1e-100, 0.01, 0.5, 1.0, 2.0, 10.0, 1e100, 1e200, 1e300],
    ),
    "cbrt": (
        lambda x: 1 / (3 * real_cbrt(x) ** 2),
        lambda x: -2 / (9 * real_cbrt(x) ** 5),
        [-1e300, -1e150, -8.0, -1e-100, 1e-100, 0.3, 1.0, 27.0, 1e150, 1e180, 1e300],
    ),
    "exp": (
        mpmath.exp,
        mpmath.exp,
        [-700.0, -30.0, -1.0, -1e-10, 0.0, 1e-10, 1.0, 30.0, 700.0],
    ),
    "exp2": (
        lambda x: LN2 * mpmath.power(2, x),
        lambda x: LN2**2 * mpmath.power(2, x),
        [-1000.0, -10.0, 0.0, 0.5, 10.0, 1000.0],
    ),
    "exp_m1": (
        mpmath.exp,
        mpmath.exp,
        [-700.0, -40.0, -10.0, -1.0, -0.5, -1e-10, 0.0, 1e-10, 0.5, 1.0, 10.0, 700.0],
    ),
    "ln": (
        lambda x: 1 / x,
        lambda x: -1 / x**2,
        [1e-300, 1e-150, 1e-10, 0.5, 1.0, 2.0, 1e10, 1e150, 1e300],
    ),
    "ln_1p": (
        lambda x: 1 / (1 + x),
        lambda x: -1 / (1 + x) ** 2,
        [-0.9999999999, -0.5, -1e-10, 0.0, 1e-10, 1.0, 1e100, 1e300],
    ),
    "log2": (
        lambda x: 1 / (x * LN2),
        lambda x: -1 / (x**2 * LN2),
        [1e-300, 1e-150, 1e-10, 0.5, 1.0, 2.0, 1e10, 1e150, 1e300],
    ),
    "log10": (
        lambda x: 1 / (x * LN10),
        lambda x: -1 / (x**2 * LN10),
        [1e-300, 1e-150, 1e-10, 0.5, 1.0, 2.0, 1e10, 1e150, 1e300],
    ),
    "sin": (
        mpmath.cos,
        lambda x: -mpmath.sin(x),
        [-100.0, -3.0, -1.0, -1e-10, 1e-10, 1.0, 1.5707963267948966, 3.141592653589793, 100.0, 1e10],
    ),
    "cos": (
        lambda x: -mpmath.sin(x),
        lambda x: -mpmath.cos(x),
        [-100.0, -3.0, -1.0, -1e-10, 1e-10, 1.0, 1.5707963267948966, 3.141592653589793, 100.0, 1e10],
    ),
    "tan": (
        lambda x: 1 + mpmath.tan(x) ** 2,
        lambda x: 2 * mpmath.tan(x) * (1 + mpmath.tan(x) ** 2),
        [-1.5, -1.0, -1e-10, 1e-10, 0.5, 1.0, 1.5, 1.5707963267948966],
    ),
    "asin": (
        lambda x: 1 / mpmath.sqrt(1 - x**2),
        lambda x: x / (1 - x**2) ** mpf(1.5),
        [-0.9999999999999999, -0.999999, -0.5, -1e-10, 0.0, 1e-10, 0.5, 0.9, 0.999999, 0.9999999999999999],
    ),
    "acos": (
        lambda x: -1 / mpmath.sqrt(1 - x**2),
        lambda x: -x / (1 - x**2) ** mpf(1.5),
        [-0.9999999999999999, -0.999999, -0.5, -1e-10, 0.0, 1e-10, 0.5, 0.9, 0.999999, 0.9999999999999999],
    ),
    "atan": (
        lambda x: 1 / (1 + x**2),
        lambda x: -2 * x / (1 + x**2) ** 2,
        [-1e300, -1e100, -1e10, -1.0, -1e-10, 0.0, 1e-10, 1.0, 1e10, 1e80, 1e100, 1e150, 1e300],
    ),
    "sinh": (
        mpmath.cosh,
        mpmath.sinh,
        [-700.0, -30.0, -1.0, -1e-10, 0.0, 1e-10, 1.0, 30.0, 700.0],
    ),
    "cosh": (
        mpmath.sinh,
        mpmath.cosh,
        [-700.0, -30.0, -1.0, -1e-10, 0.0, 1e-10, 1.0, 30.0, 700.0],
    ),
    "tanh": (
        sech2,
        lambda x: -2 * mpmath.tanh(x) * sech2(x),
        [-300.0, -30.0, -20.0, -10.0, -1.0, -0.5, -0.3, -1e-10, 0.0, 1e-10, 0.3, 0.5, 1.0, 10.0, 20.0, 30.0, 300.0],
    ),
    "asinh": (
        lambda x: 1 / mpmath.sqrt(x**2 + 1),
        lambda x: -x / (x**2 + 1) ** mpf(1.5),
        [-1e300, -1e200, -1e10, -1.0, -1e-10, 0.0, 1e-10, 1.0, 1e10, 1e100, 1e200, 1e300],
    ),
    "acosh": (
        lambda x: 1 / mpmath.sqrt(x**2 - 1),
        lambda x: -x / (x**2 - 1) ** mpf(1.5),
        [1.0000000000000002, 1.000001, 1.5, 2.0, 10.0, 1e10, 1e100, 1e200, 1e300],
    ),
    "atanh": (
        lambda x: 1 / (1 - x**2),
        lambda x: 2 * x / (1 - x**2) ** 2,
        [-0.9999999999999999, -0.999999, -0.5, -1e-10, 0.0, 1e-10, 0.5, 0.999999, 0.9999999999999999],
    ),
    "recip": (
        lambda x: -1 / x**2,
        lambda x: 2 / x**3,
        [-1e300, -1e100, -2.0, -1e-100, 1e-100, 0.3, 1.0, 3.0, 1e100, 1e150, 1e300],
    ),
    "sigmoid": (
        lambda x: sigmoid(x) * sigmoid(-x),
        lambda x: sigmoid(x) * sigmoid(-x) * (sigmoid(-x) - sigmoid(x)),
        [s * v for v in [1e-10, 0.5, 1.0, 10.0, 20.0, 30.0, 36.0, 40.0, 100.0, 700.0] for s in (1.0, -1.0)] + [0.0],
    ),
    "softplus": (
        sigmoid,
        lambda x: sigmoid(x) * sigmoid(-x),
        [s * v for v in [1e-10, 0.5, 1.0, 10.0, 20.0, 30.0, 36.0, 40.0, 100.0, 700.0] for s in (1.0, -1.0)] + [0.0],
    ),
}


def powf_d(x, p):
    y = mpmath.power(x, p)
    lx = mpmath.log(x)
    return (
        p * mpmath.power(x, p - 1),
        y * lx,
        p * (p - 1) * mpmath.power(x, p - 2),
        mpmath.power(x, p - 1) * (1 + p * lx),
        y * lx**2,
    )


def log_d(x, b):
    lx, lb = mpmath.log(x), mpmath.log(b)
    return (
        1 / (x * lb),
        -lx / (b * lb**2),
        -1 / (x**2 * lb),
        -1 / (x * b * lb**2),
        lx * (lb + 2) / (b**2 * lb**3),
    )


def atan2_d(a, b):
    r2 = a**2 + b**2
    return (b / r2, -a / r2, -2 * a * b / r2**2, (a**2 - b**2) / r2**2, 2 * a * b / r2**2)


def hypot_d(a, b):
    h = mpmath.sqrt(a**2 + b**2)
    return (a / h, b / h, b**2 / h**3, -a * b / h**3, a**2 / h**3)


def div_d(a, b):
    return (1 / b, -a / b**2, mpf(0), -1 / b**2, 2 * a / b**3)


def logaddexp_d(a, b):
    p = sigmoid(a - b)
    q = sigmoid(b - a)
    return (p, q, p * q, -p * q, p * q)


# name: (partials (d0, d1, dd00, dd01, dd11), points (a, b)).
BINARY = {
    "powf": (
        powf_d,
        [
            (2.0, 3.0),
            (0.5, 0.1),
            (3.0, -0.3),
            (7.0, 1.5),
            (1e10, 1 / 3),
            (1e100, 0.1),
            (1e-100, 2.5),
            (1e200, 1.4),
            (1e-200, 1.6),
            (1e-300, -0.9),
        ],
    ),
    "log": (
        log_d,
        [(2.0, 10.0), (1e100, 2.0), (0.5, 3.0), (1e-100, 0.5), (7.0, 1e10)],
    ),
    "atan2": (
        atan2_d,
        [(1.0, 2.0), (-3.0, 0.5), (1e200, 1e200), (1e-200, 1e-200), (1e-200, 1.0), (1.0, 1e-100), (-1e150, 3e150)],
    ),
    "hypot": (
        hypot_d,
        [(3.0, 4.0), (-2.0, 5.0), (1e110, 1e110), (1e200, 1.0), (1e-200, 1e-200), (1.0, 1e-100), (1e-200, 3e-200)],
    ),
    "div": (
        div_d,
        [(1.0, 3.0), (-2.5, 0.1), (1e300, 1e200), (1e-300, 1e-200), (3.0, 1e150), (1e10, -1e-100)],
    ),
    "logaddexp": (
        logaddexp_d,
        [
            (0.0, 0.0),
            (1.0, 2.0),
            (0.0, -40.0),
            (-40.0, 0.0),
            (0.1, -40.3),
            (1000.0, 999.0),
            (-1000.0, -1040.5),
            (30.0, -6.0),
            (700.0, 0.0),
            (0.0, -700.0),
            (5.5, 5.5 - 1e-10),
        ],
    ),
}

# Vectors for logsumexp and softmax: value, softmax p, Jacobian of the
# softmax diag(p) - p p' (the Hessian of logsumexp), and the Hessians of
# the softmax's components.
VECTORS = [
    [0.0, -40.0],
    [0.1, -40.3, -1.0],
    [1000.0, 999.5, 960.25],
    [-3.0, -3.0, -3.0],
    [1.0, 2.0, 3.0, 4.0],
    [-700.0, -745.5, -710.0],
    [30.0, 0.0, -6.0],
]


def vector_refs(xs):
    x = [mpf(v) for v in xs]
    n = len(x)
    m = max(x)
    s = sum(mpmath.exp(v - m) for v in x)
    lse = m + mpmath.log(s)
    p = [mpmath.exp(v - lse) for v in x]
    delta = lambda i, j: 1 if i == j else 0
    jac = [[p[i] * (delta(i, j) - p[j]) for j in range(n)] for i in range(n)]
    # d^2 p_l / dx_i dx_j
    hess = [
        [
            [
                p[l] * (delta(l, j) - p[j]) * (delta(l, i) - p[i]) - p[l] * p[i] * (delta(i, j) - p[j])
                for j in range(n)
            ]
            for i in range(n)
        ]
        for l in range(n)
    ]
    return lse, p, jac, hess


def rust_list(vals):
    return "[" + ", ".join(vals) + "]"


def main():
    out = []
    w = out.append
    w("// Generated by scripts/precision-reference.py with mpmath %s at %d digits:" % (mpmath.__version__, mp.dps))
    w("//")
    w("//     python3 scripts/precision-reference.py > core/tests/data/precision_reference.rs")
    w("//")
    w("// Do not edit by hand. Every value is the f64 nearest to the exact derivative")
    w("// at the exact f64 point; NaN marks a reference that is not a normal f64.")
    w("")
    w("/// (x, f'(x), f''(x)) for each float method or helper with a one-argument rule.")
    w("pub const UNARY: &[(&str, &[(f64, f64, f64)])] = &[")
    for name, (d, dd, points) in UNARY.items():
        w('    ("%s", &[' % name)
        for x in points:
            xm, xl = pt(x)
            w("        (%s, %s, %s)," % (xl, lit(d(xm)), lit(dd(xm))))
        w("    ]),")
    w("];")
    w("")
    w("/// (a, b, [d0, d1, dd00, dd01, dd11]) for each two-argument rule.")
    w("pub const BINARY: &[(&str, &[(f64, f64, [f64; 5])])] = &[")
    for name, (partials, points) in BINARY.items():
        w('    ("%s", &[' % name)
        for a, b in points:
            am, al = pt(a)
            bm, bl = pt(b)
            w("        (%s, %s, %s)," % (al, bl, rust_list(lit(v) for v in partials(am, bm))))
        w("    ]),")
    w("];")
    w("")
    w("/// A point of logsumexp and softmax with the exact results there.")
    w("pub struct VectorCase {")
    w("    pub x: &'static [f64],")
    w("    /// logsumexp(x).")
    w("    pub logsumexp: f64,")
    w("    /// softmax(x), the gradient of logsumexp.")
    w("    pub softmax: &'static [f64],")
    w("    /// Row-major diag(p) - p p': the softmax's Jacobian, logsumexp's Hessian.")
    w("    pub jacobian: &'static [f64],")
    w("    /// Row-major Hessian of each softmax component, one after the other.")
    w("    pub hessians: &'static [f64],")
    w("}")
    w("")
    w("pub const VECTORS: &[VectorCase] = &[")
    for xs in VECTORS:
        lse, p, jac, hess = vector_refs(xs)
        w("    VectorCase {")
        w("        x: &%s," % rust_list(pt(v)[1] for v in xs))
        w("        logsumexp: %s," % lit(lse))
        w("        softmax: &%s," % rust_list(lit(v) for v in p))
        w("        jacobian: &%s," % rust_list(lit(v) for row in jac for v in row))
        w("        hessians: &%s," % rust_list(lit(v) for h in hess for row in h for v in row))
        w("    },")
    w("];")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
