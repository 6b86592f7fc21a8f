//! Compile-fail cases: every construct `#[differentiate]` rejects, with the
//! message the user sees (the `.stderr` next to each case).

#[test]
fn rejected_code_gives_a_clear_error_at_the_right_place() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
