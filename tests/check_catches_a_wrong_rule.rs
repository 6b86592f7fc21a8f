//! `#[differentiate(check)]` catches a wrong derivative: the fixture crate
//! `tests/fixtures/wrong-rule` gives a helper a derivative rule of the wrong
//! sign and calls it from a function with `check`; its generated test must
//! fail, naming the entry that is off.

use std::path::Path;
use std::process::Command;

#[test]
fn the_generated_test_fails_on_a_wrong_rule() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixture = root.join("tests/fixtures/wrong-rule");
    let output = Command::new(env!("CARGO"))
        .args(["test", "--quiet", "--manifest-path"])
        .arg(fixture.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", root.join("target/fixtures"))
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "the fixture's tests passed:\n{stdout}\n{stderr}");
    assert!(
        stdout.contains("wave_derivatives_match_finite_differences") && stdout.contains("dwave/dx is"),
        "the failure does not name the generated test and the wrong entry:\n{stdout}\n{stderr}"
    );
}
