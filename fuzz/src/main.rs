//! Differential fuzzer of matdiff: random programs, their derivatives checked against num-dual.

mod ast;
mod emit;
mod generate;
mod render;
mod rng;
mod runner;
mod shrink;

use ast::Program;
use generate::Mode;
use runner::{Outcome, Work};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

struct Options {
    seed: u64,
    count: usize,
    /// `None`: all kinds for fuzzing, plain scalar functions for `--emit-crate`.
    mode: Option<Mode>,
    batch: usize,
    regressions: bool,
    shrink: bool,
    keep: bool,
    shrink_secs: u64,
    no_return: bool,
    /// Write the crates of `emit.rs` here instead of fuzzing.
    emit: Option<PathBuf>,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        seed: 1,
        count: 100,
        mode: None,
        batch: 60,
        regressions: false,
        shrink: true,
        keep: false,
        shrink_secs: 240,
        no_return: false,
        emit: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--seed" => o.seed = value("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--count" => o.count = value("--count")?.parse().map_err(|e| format!("--count: {e}"))?,
            "--batch" => o.batch = value("--batch")?.parse::<usize>().map_err(|e| format!("--batch: {e}"))?.max(1),
            "--mode" => {
                let m = value("--mode")?;
                o.mode =
                    Some(Mode::parse(&m).ok_or(format!("--mode: plain, loops, nalgebra, control or all, not {m}"))?);
            }
            "--regressions" => o.regressions = true,
            "--emit-crate" => o.emit = Some(PathBuf::from(value("--emit-crate")?)),
            "--no-shrink" => o.shrink = false,
            "--keep" => o.keep = true,
            "--avoid" => match value("--avoid")?.as_str() {
                "return" => o.no_return = true,
                other => return Err(format!("--avoid: only `return` can be avoided, not {other}")),
            },
            "--shrink-secs" => {
                o.shrink_secs = value("--shrink-secs")?.parse().map_err(|e| format!("--shrink-secs: {e}"))?
            }
            _ => return Err(format!("unknown option {a}")),
        }
    }
    Ok(o)
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Seeds of successive programs, spread so neighbouring seeds share nothing.
fn program_seed(seed: u64, i: usize) -> u64 {
    rng::Rng::new(seed ^ (i as u64).wrapping_mul(0x2545_f491_4f6c_dd1d)).next_u64()
}

fn describe(o: &Outcome) -> String {
    match o {
        Outcome::Pass(n) => format!("passed at {n} points"),
        Outcome::Compile(_, rendered) => format!("rustc rejected it:\n{rendered}"),
        Outcome::Mismatch(m) => format!("derivatives differ: {m}"),
        Outcome::Panic(m) => format!("panicked: {m}"),
    }
}

/// Greedy reduction: the first one-step-smaller candidate that fails the
/// same way replaces the program, until none does.
fn shrink(work: &Work, p: &Program, failure: &Outcome, batch: usize, secs: u64) -> std::io::Result<(Program, Outcome)> {
    let sig = failure.signature();
    let mut best = (p.clone(), failure.clone());
    let start = Instant::now();
    let mut rounds = 0;
    'outer: while start.elapsed().as_secs() < secs && rounds < 60 {
        rounds += 1;
        let size = shrink::size(&best.0);
        let mut cands: Vec<Program> =
            shrink::candidates(&best.0).into_iter().filter(|c| shrink::size(c) < size).collect();
        // Biggest reductions first.
        cands.sort_by_key(shrink::size);
        cands.dedup();
        for chunk in cands.chunks(batch) {
            let files: Vec<(String, String)> = chunk
                .iter()
                .enumerate()
                .map(|(i, c)| (format!("s{i:04}"), render::program_file(c, "shrink candidate")))
                .collect();
            let outs = work.check_with(&files, matches!(failure, Outcome::Compile(..)))?;
            if let Some((c, o)) = chunk.iter().zip(outs).find(|(_, o)| o.signature() == sig) {
                best = (c.clone(), o);
                eprintln!("  shrunk to {} bytes", shrink::size(&best.0));
                continue 'outer;
            }
        }
        break;
    }
    Ok(best)
}

fn regressions(work: &Work) -> std::io::Result<(usize, usize)> {
    let dir = workspace().join("fuzz").join("regressions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    let mut programs = Vec::new();
    for f in &files {
        let stem = f.file_stem().and_then(|s| s.to_str()).unwrap_or("r").replace(['-', '.'], "_");
        programs.push((format!("r_{stem}"), std::fs::read_to_string(f)?));
    }
    let outs = work.check(&programs)?;
    let (mut pass, mut fail) = (0, 0);
    for ((name, _), o) in programs.iter().zip(&outs) {
        if o.failed() {
            fail += 1;
            println!("FAIL {name}: {}", describe(o));
        } else {
            pass += 1;
            println!("ok   {name}: {}", describe(o));
        }
    }
    Ok((pass, fail))
}

fn fuzz(work: &Work, o: &Options) -> std::io::Result<(usize, usize)> {
    let start = Instant::now();
    let mode = o.mode.unwrap_or(Mode::All);
    let (mut pass, mut fail) = (0, 0);
    let mut zero_points = 0;
    // Failures grouped by signature: the first of each class is shrunk.
    let mut classes: BTreeMap<String, Vec<(String, Program, Outcome)>> = BTreeMap::new();
    let mut i = 0;
    while i < o.count {
        let n = o.batch.min(o.count - i);
        let progs: Vec<(String, Program)> = (i..i + n)
            .map(|k| (format!("p{k:05}"), generate::program(program_seed(o.seed, k), mode, o.no_return)))
            .collect();
        let files: Vec<(String, String)> = progs
            .iter()
            .map(|(name, p)| {
                (name.clone(), render::program_file(p, &format!("{name}: seed {} program {}", o.seed, &name[1..])))
            })
            .collect();
        let outs = work.check(&files)?;
        for ((name, p), out) in progs.into_iter().zip(outs) {
            match &out {
                Outcome::Pass(k) => {
                    pass += 1;
                    if *k == 0 {
                        zero_points += 1;
                    }
                }
                _ => {
                    fail += 1;
                    classes.entry(out.signature()).or_default().push((name, p, out));
                }
            }
        }
        i += n;
        eprintln!(
            "[{:>5.0}s] {i}/{}: {pass} passed, {fail} failed ({zero_points} passed with no point to check: none finite and well-conditioned)",
            start.elapsed().as_secs_f64(),
            o.count
        );
    }
    // The shrinking budget is shared, so a run with many bug classes still ends in time.
    let shrink_start = Instant::now();
    for (k, (sig, members)) in classes.iter().enumerate() {
        let left = o.shrink_secs.saturating_sub(shrink_start.elapsed().as_secs());
        let secs = (left / (classes.len() - k) as u64).max(left.min(20));
        let names: Vec<&str> = members.iter().map(|m| m.0.as_str()).collect();
        println!("\n==== {sig}: {} program(s): {}", members.len(), names.join(" "));
        let (name, p, out) = &members[0];
        let (small, why) =
            if o.shrink && secs > 0 { shrink(work, p, out, o.batch, secs)? } else { (p.clone(), out.clone()) };
        println!("---- reproducer (from {name}{}):", if o.shrink { ", shrunk" } else { "" });
        println!("{}", render::matdiff_source(&small));
        println!("---- {}", describe(&why));
        // In the regressions' format, ready to be moved there.
        let dir = workspace().join("target").join("matdiff-fuzz").join("findings");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("seed{}_{name}.rs", o.seed));
        std::fs::write(&path, render::program_file(&small, &format!("{sig}; reduced from {name} of seed {}", o.seed)))?;
        println!("---- saved as {}", path.display());
    }
    Ok((pass, fail))
}

/// The programs of `--seed`, `--count` and `--mode` (plain scalar
/// functions by default) as the crates of `emit.rs`.
fn emit_crate(dir: &Path, o: &Options) -> std::io::Result<()> {
    let mode = o.mode.unwrap_or(Mode::Plain);
    let programs: Vec<(String, Program)> = (0..o.count)
        .map(|k| (format!("p{k:05}"), generate::program(program_seed(o.seed, k), mode, o.no_return)))
        .collect();
    let title = format!("{} programs of seed {}, mode {mode:?}", o.count, o.seed);
    emit::write(dir, &workspace(), &programs, &title)
}

fn main() {
    let o = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!(
                "{e}\nusage: matdiff-fuzz [--seed N] [--count N] [--mode plain|loops|nalgebra|control|all] [--batch N] [--regressions] [--no-shrink] [--shrink-secs N] [--avoid return] [--keep] [--emit-crate DIR]"
            );
            std::process::exit(2);
        }
    };
    if let Some(dir) = &o.emit {
        if let Err(e) = emit_crate(dir, &o) {
            eprintln!("fuzz: writing {}: {e}", dir.display());
            std::process::exit(2);
        }
        println!("wrote plain/, annotated/ and calls/ under {}", dir.display());
        return;
    }
    let result =
        Work::new(&workspace(), o.keep).and_then(|w| if o.regressions { regressions(&w) } else { fuzz(&w, &o) });
    match result {
        Ok((pass, fail)) => {
            println!("fuzz: {pass} passed, {fail} failed");
            std::process::exit(if fail > 0 { 1 } else { 0 });
        }
        Err(e) => {
            eprintln!("fuzz: {e}");
            std::process::exit(2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_names_one_program() {
        for mode in [Mode::Plain, Mode::Loops, Mode::Nalgebra, Mode::Control, Mode::All] {
            let a = generate::program(program_seed(3, 5), mode, false);
            let b = generate::program(program_seed(3, 5), mode, false);
            assert_eq!(render::program_file(&a, "a"), render::program_file(&b, "a"));
        }
    }

    #[test]
    fn generated_programs_pass_the_shrinker_checks() {
        // The shrinker's validity check must accept what the generator
        // makes, or reductions would be judged against a different rule.
        for (i, mode) in (0..300).map(|i| (i, Mode::All)).chain((0..300).map(|i| (i, Mode::Control))) {
            let p = generate::program(program_seed(11, i), mode, false);
            assert!(shrink::valid(&p), "program {i} fails the validity check:\n{}", render::matdiff_source(&p));
            let n = render::inputs(p.main());
            assert!(p.points.iter().all(|pt| pt.len() == n), "program {i}: points do not match the arguments");
        }
    }

    #[test]
    fn no_return_switch_removes_returns() {
        for (i, mode) in (0..100).map(|i| (i, Mode::All)).chain((0..100).map(|i| (i, Mode::Control))) {
            let p = generate::program(program_seed(5, i), mode, true);
            assert!(!render::matdiff_source(&p).contains("return"), "program {i} returns early");
        }
    }

    #[test]
    fn control_mode_draws_every_new_construct() {
        let sources: Vec<String> = (0..200)
            .map(|i| render::matdiff_source(&generate::program(program_seed(9, i), Mode::Control, false)))
            .collect();
        let constructs = [
            ("loop statement", "\nloop {"),
            ("labelled loop", ": loop {"),
            ("valued loop", "= loop {"),
            ("break with a value", "{ break ("),
            ("break to a label", "break '"),
            ("continue to a label", "continue '"),
            ("filter", ".filter(|"),
            ("filtered for loop", ".enumerate().filter(|&("),
            ("fold with f64::max", ", f64::max)"),
            ("fold with f64::min", ", f64::min)"),
            ("chain", ".chain("),
            ("windows", ".windows("),
            ("zipped windows", ".zip(s0.windows("),
            ("count", ".count()"),
            ("product", ".product::<f64>()"),
        ];
        for (what, text) in constructs {
            assert!(sources.iter().any(|s| s.contains(text)), "no program has a {what} (`{text}`)");
        }
        // `return` inside a loop body: a `return` after a loop head with no
        // closing brace at the start of a line in between.
        let in_loop = sources.iter().any(|s| {
            s.split("\nfor ").skip(1).chain(s.split("loop {").skip(1)).any(|rest| {
                let body = rest.split("\n}").next().unwrap_or("");
                body.contains("return ")
            })
        });
        assert!(in_loop, "no program returns from inside a loop");
    }

    #[test]
    fn jumps_are_checked_against_their_loops() {
        use ast::{Block, Expr, Func, Program, Ret, Stmt};
        let body = |inner: Stmt| {
            let inner_loop = Stmt::Loop {
                label: None,
                counter: "k2".into(),
                limit: 1,
                body: Block { stmts: vec![inner], tail: None },
            };
            Block {
                stmts: vec![Stmt::LetLoop {
                    name: "t".into(),
                    label: Some("'a".into()),
                    counter: "k1".into(),
                    limit: 2,
                    last: Expr::F(1.0),
                    body: Block { stmts: vec![inner_loop], tail: None },
                }],
                tail: Some(Expr::Var("t".into())),
            }
        };
        let prog = |inner: Stmt| Program {
            funcs: vec![Func { name: "f".into(), params: vec![], ret: Ret::F, body: body(inner), method: false }],
            points: vec![],
            self_w: 0.5,
        };
        // A value out of an inner loop, and a plain break of a valued loop, are not Rust the macro takes.
        assert!(!shrink::valid(&prog(Stmt::BreakValue(Some("'a".into()), Expr::F(0.5)))));
        assert!(!shrink::valid(&prog(Stmt::BreakTo("'a".into()))));
        assert!(!shrink::valid(&prog(Stmt::ContinueTo("'b".into()))));
        assert!(shrink::valid(&prog(Stmt::ContinueTo("'a".into()))));
        assert!(shrink::valid(&prog(Stmt::Break)));
    }
}
