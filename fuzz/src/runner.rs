//! Builds programs in a throw-away cargo crate, maps rustc errors to programs, runs the checks.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const SUPPORT: &str = include_str!("../runtime/support.rs");

#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// All points checked (the count of points with a finite oracle value).
    Pass(usize),
    /// rustc rejected the program: error code (or first line), full rendering.
    Compile(String, String),
    /// A derivative (or value) differed: the message names which and both numbers.
    Mismatch(String),
    Panic(String),
}

impl Outcome {
    /// What a reduced program must still show to count as the same bug.
    pub fn signature(&self) -> String {
        match self {
            Outcome::Pass(_) => "pass".into(),
            Outcome::Compile(code, _) => format!("compile {code}"),
            Outcome::Mismatch(m) => format!("mismatch {}", m.split(['[', ':']).next().unwrap_or("")),
            Outcome::Panic(m) => format!("panic {}", m.chars().take(40).collect::<String>()),
        }
    }

    pub fn failed(&self) -> bool {
        !matches!(self, Outcome::Pass(_))
    }
}

/// rustc's errors per program: (error code or first line, full rendering, line).
type Errors = BTreeMap<String, Vec<(String, String, usize)>>;

pub struct Work {
    dir: PathBuf,
    target: PathBuf,
    pub keep: bool,
}

impl Work {
    /// The work crate under the workspace's `target/`, sharing one target
    /// directory across batches so dependencies compile once.
    pub fn new(workspace: &Path, keep: bool) -> std::io::Result<Work> {
        let base = workspace.join("target").join("matdiff-fuzz");
        let dir = base.join("work");
        let target = base.join("target");
        fs::create_dir_all(dir.join("src"))?;
        let manifest = format!(
            "[package]\nname = \"work\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nmatdiff = {{ path = {:?} }}\nnalgebra = \"0.35\"\nnum-dual = \"0.15\"\nnum-traits = \"0.2\"\n\n\
             # Each batch is new code compiled once and run for a moment: compile speed matters most.\n\
             [profile.dev]\nopt-level = 0\ndebug = false\nincremental = false\n\n\
             [profile.dev.package.\"*\"]\nopt-level = 1\n\n[workspace]\n",
            workspace.display().to_string()
        );
        fs::write(dir.join("Cargo.toml"), manifest)?;
        let lock = dir.join("Cargo.lock");
        if !lock.exists() && workspace.join("Cargo.lock").exists() {
            // The workspace's versions, so nothing new is resolved.
            fs::copy(workspace.join("Cargo.lock"), &lock)?;
        }
        fs::write(dir.join("src").join("support.rs"), SUPPORT)?;
        Ok(Work { dir, target, keep })
    }

    fn write_sources(&self, programs: &[(String, String)]) -> std::io::Result<()> {
        let src = self.dir.join("src");
        for entry in fs::read_dir(&src)? {
            let path = entry?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name != "support.rs" {
                fs::remove_file(&path)?;
            }
        }
        let mut main = String::from("#![allow(warnings)]\nmod support;\n");
        for (name, text) in programs {
            fs::write(src.join(format!("{name}.rs")), text)?;
            main.push_str(&format!("mod {name};\n"));
        }
        main.push_str("\nfn main() {\n    std::panic::set_hook(Box::new(|_| {}));\n    let only: Vec<String> = std::env::args().skip(1).collect();\n    let all: &[(&str, fn() -> Result<usize, String>)] = &[\n");
        for (name, _) in programs {
            main.push_str(&format!("        (\"{name}\", {name}::check),\n"));
        }
        main.push_str(
            "    ];\n    for (name, check) in all {\n        if !only.is_empty() && !only.iter().any(|o| o == name) {\n            continue;\n        }\n        println!(\"START {name}\");\n        match std::panic::catch_unwind(check) {\n            Ok(Ok(n)) => println!(\"RESULT {name} ok {n}\"),\n            Ok(Err(e)) => println!(\"RESULT {name} mismatch {}\", e.replace('\\n', \" \")),\n            Err(p) => {\n                let m = p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();\n                println!(\"RESULT {name} panic {}\", m.replace('\\n', \" \"));\n            }\n        }\n    }\n}\n",
        );
        fs::write(src.join("main.rs"), main)
    }

    /// Builds once; returns the errors per program file, and those that no file claims.
    fn build(&self) -> std::io::Result<(Errors, Vec<String>)> {
        let out = Command::new(env!("CARGO"))
            .args(["build", "--message-format=json", "--quiet"])
            .env("CARGO_TARGET_DIR", &self.target)
            .current_dir(&self.dir)
            .output()?;
        let mut per_file = BTreeMap::new();
        let mut unclaimed = Vec::new();
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            if v["reason"] != "compiler-message" || v["message"]["level"] != "error" {
                continue;
            }
            let msg = &v["message"];
            let rendered = msg["rendered"].as_str().unwrap_or("").to_string();
            let code = msg["code"]["code"]
                .as_str()
                .map(String::from)
                .unwrap_or_else(|| msg["message"].as_str().unwrap_or("").chars().take(60).collect());
            if code.starts_with("aborting due to") || code.starts_with("could not compile") {
                continue;
            }
            let mut files = Vec::new();
            collect_files(msg, &mut files);
            let line = msg["spans"]
                .as_array()
                .and_then(|s| s.iter().find(|s| s["is_primary"] == true))
                .and_then(|s| s["line_start"].as_u64())
                .unwrap_or(0) as usize;
            match files.iter().find_map(|f| program_of(f)) {
                Some(p) => {
                    per_file.entry(p).or_insert_with(Vec::new).push((code, rendered, line));
                }
                None => unclaimed.push(rendered),
            }
        }
        if !out.status.success() && per_file.is_empty() && unclaimed.is_empty() {
            unclaimed.push(String::from_utf8_lossy(&out.stderr).into_owned());
        }
        Ok((per_file, unclaimed))
    }

    fn run(&self, names: &[String]) -> std::io::Result<HashMap<String, Outcome>> {
        let exe = self.target.join("debug").join(if cfg!(windows) { "work.exe" } else { "work" });
        let mut results = HashMap::new();
        let mut left: Vec<String> = names.to_vec();
        while !left.is_empty() {
            let out = Command::new(&exe).args(&left).output()?;
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            let mut started = None;
            for line in text.lines() {
                if let Some(n) = line.strip_prefix("START ") {
                    started = Some(n.to_string());
                } else if let Some(rest) = line.strip_prefix("RESULT ") {
                    let mut it = rest.splitn(3, ' ');
                    let (name, kind, detail) =
                        (it.next().unwrap_or(""), it.next().unwrap_or(""), it.next().unwrap_or("").to_string());
                    let o = match kind {
                        "ok" => Outcome::Pass(detail.trim().parse().unwrap_or(0)),
                        "mismatch" => Outcome::Mismatch(detail),
                        _ => Outcome::Panic(detail),
                    };
                    results.insert(name.to_string(), o);
                    started = None;
                }
            }
            // A program that took the process down (stack overflow, abort) is a finding too.
            if let Some(n) = started {
                let why = String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or("").to_string();
                results.insert(n, Outcome::Panic(format!("process died: {why}")));
            } else if !out.status.success() {
                break;
            }
            left.retain(|n| !results.contains_key(n));
        }
        Ok(results)
    }

    /// Builds and runs programs `(module name, file text)`; a program whose
    /// file rustc rejects is set aside and the rest rebuilt without it.
    pub fn check(&self, programs: &[(String, String)]) -> std::io::Result<Vec<Outcome>> {
        self.check_with(programs, false)
    }

    /// With `compile_only`, stops after the first build: programs without
    /// errors count as passed (enough to reduce a compile error).
    pub fn check_with(&self, programs: &[(String, String)], compile_only: bool) -> std::io::Result<Vec<Outcome>> {
        let mut outcomes: HashMap<String, Outcome> = HashMap::new();
        let mut live: Vec<(String, String)> = programs.to_vec();
        loop {
            if live.is_empty() {
                break;
            }
            self.write_sources(&live)?;
            let (errors, unclaimed) = self.build()?;
            if compile_only && !errors.is_empty() {
                for p in &live {
                    outcomes.entry(p.0.clone()).or_insert(Outcome::Pass(0));
                }
            }
            if errors.is_empty() && unclaimed.is_empty() {
                if compile_only {
                    outcomes.extend(live.iter().map(|p| (p.0.clone(), Outcome::Pass(0))));
                    break;
                }
                let names: Vec<String> = live.iter().map(|p| p.0.clone()).collect();
                outcomes.extend(self.run(&names)?);
                break;
            }
            if errors.is_empty() {
                // Errors rustc placed in no program file: find the culprit by halving.
                if live.len() == 1 {
                    let msg = unclaimed.join("\n");
                    let code = msg.lines().next().unwrap_or("").chars().take(60).collect();
                    outcomes.insert(live[0].0.clone(), Outcome::Compile(code, msg));
                    break;
                }
                let half = live.len() / 2;
                let (a, b) = live.split_at(half);
                for part in [a.to_vec(), b.to_vec()] {
                    let names: Vec<String> = part.iter().map(|p| p.0.clone()).collect();
                    let sub = self.check_with(&part, compile_only)?;
                    outcomes.extend(names.into_iter().zip(sub));
                }
                break;
            }
            for (name, errs) in errors {
                let text = live.iter().find(|p| p.0 == name).map(|p| p.1.as_str()).unwrap_or("");
                let mut blamed: Vec<(String, String)> =
                    errs.into_iter().map(|(code, rendered, line)| (blame(text, line, code), rendered)).collect();
                // One defect of the fuzzer's own outweighs any matdiff error it causes.
                let pick = blamed.iter().position(|b| b.0.starts_with("fuzzer defect")).unwrap_or(0);
                let (code, rendered) = blamed.swap_remove(pick);
                outcomes.insert(name, Outcome::Compile(code, rendered));
            }
            if compile_only {
                break;
            }
            live.retain(|p| !outcomes.contains_key(&p.0));
        }
        Ok(programs
            .iter()
            .map(|(n, _)| outcomes.remove(n).unwrap_or_else(|| Outcome::Panic("no result printed".into())))
            .collect())
    }
}

impl Drop for Work {
    fn drop(&mut self) {
        if !self.keep {
            let _ = fs::remove_dir_all(self.dir.join("src"));
        }
    }
}

/// Errors in the plain copy or the oracle are the fuzzer's own defects;
/// the class says so, so they are never taken for matdiff bugs. Errors in
/// the checks mean a generated function is missing or has another shape.
fn blame(text: &str, line: usize, code: String) -> String {
    let mark = |m: &str| text.lines().position(|l| l == m).map(|i| i + 1);
    let after = |m: Option<usize>| m.is_some_and(|at| line > at);
    if after(mark(crate::render::CHECK_MARK)) {
        format!("calling the generated functions: {code}")
    } else if after(mark(crate::render::ORACLE_MARK)) {
        format!("fuzzer defect (oracle) {code}")
    } else if after(mark(crate::render::PLAIN_MARK)) {
        format!("fuzzer defect (plain Rust) {code}")
    } else {
        code
    }
}

fn collect_files(v: &serde_json::Value, out: &mut Vec<String>) {
    if let Some(spans) = v["spans"].as_array() {
        for s in spans {
            if let Some(f) = s["file_name"].as_str() {
                out.push(f.to_string());
            }
            let mut exp = &s["expansion"];
            while !exp.is_null() {
                if let Some(f) = exp["span"]["file_name"].as_str() {
                    out.push(f.to_string());
                }
                exp = &exp["span"]["expansion"];
            }
        }
    }
    if let Some(children) = v["children"].as_array() {
        for c in children {
            collect_files(c, out);
        }
    }
}

fn program_of(file: &str) -> Option<String> {
    let name = Path::new(file).file_stem()?.to_str()?;
    let parent = Path::new(file).parent()?.file_name()?.to_str()?;
    (parent == "src" && name != "main" && name != "support").then(|| name.to_string())
}
