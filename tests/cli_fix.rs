//! CLI tests for `copydesk normalize`, `copydesk check --fix` and `--diff`.

use std::io::Write;
use std::process::{Command, Stdio};

fn copydesk() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    c.env("NO_COLOR", "1");
    c
}

fn run_stdin(args: &[&str], input: &str) -> (String, i32) {
    let mut child = copydesk().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), out.status.code().unwrap())
}

#[test]
fn normalize_prints_repaired_text() {
    let (out, code) = run_stdin(&["normalize"], "Itâ€™s cafÃ©&nbsp;time\u{200b}!\r\n");
    assert_eq!(code, 0);
    assert_eq!(out, "It’s café time!\n");
    let (out, _) = run_stdin(&["normalize", "-", "--form", "nfkc", "--quotes", "straighten"], "ᵇʸ “𝐛𝐨𝐥𝐝”");
    assert_eq!(out, "by \"bold\"");
    let (out, _) = run_stdin(&["normalize", "--no-entities", "--collapse-whitespace"], "a  &amp;   b  \n\n\n\nc");
    assert_eq!(out, "a &amp; b\n\nc");
}

#[test]
fn normalize_explain_lists_changes_with_original_spans() {
    let (out, code) = run_stdin(&["normalize", "--explain"], "ab&amp;c\u{200b}d");
    assert_eq!(code, 0);
    assert_eq!(out, "1:3 html-entities 2..7 \"&amp;\" → \"&\"\n1:9 invisible 8..11 \"\\u{200b}\" → \"\"\n");
}

#[test]
fn fix_rewrites_only_files_with_fixes_and_keeps_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let dirty = dir.path().join("dirty.txt");
    let clean = dir.path().join("clean.txt");
    std::fs::write(&dirty, "Itâ€™s a pop\u{200b}star ᵇʸ fans 🏼\n").unwrap();
    std::fs::write(&clean, "Nothing to fix here.\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dirty, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let clean_mtime = std::fs::metadata(&clean).unwrap().modified().unwrap();
    let out = copydesk().args(["check", "--fix", "--no-config"]).arg(dir.path()).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("applied 5 fixes to 1 file"), "{out:?}");
    assert_eq!(std::fs::read_to_string(&dirty).unwrap(), "It’s a popstar by fans\n");
    assert_eq!(std::fs::read_to_string(&clean).unwrap(), "Nothing to fix here.\n");
    assert_eq!(std::fs::metadata(&clean).unwrap().modified().unwrap(), clean_mtime);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&dirty).unwrap().permissions().mode() & 0o777, 0o640);
    }
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    // A second run finds nothing to fix.
    let out = copydesk().args(["check", "--fix", "--no-config"]).arg(dir.path()).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("applied 0 fixes to 0 files"));
}

#[test]
fn diff_prints_a_unified_diff_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    std::fs::write(&file, "one\nItâ€™s\nthree\n").unwrap();
    let out = copydesk().args(["check", "--diff", "--no-config"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("-Itâ€™s\n+It’s\n"), "{stdout}");
    assert!(stdout.starts_with("--- "), "{stdout}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "one\nItâ€™s\nthree\n");
    let (stdout, code) = run_stdin(&["check", "--diff", "--no-config", "-"], "All clean.\n");
    assert_eq!((stdout.as_str(), code), ("", 0));
}

#[test]
fn fix_refuses_standard_input() {
    let (_, code) = run_stdin(&["check", "--fix", "--no-config", "-"], "Itâ€™s\n");
    assert_eq!(code, 2);
}

/// `check --fix` on a copy of the seed articles writes exactly what the library's fix
/// function computes, and changes only lines where a finding had an `auto` suggestion.
#[test]
fn fix_on_seeds_changes_only_auto_suggestions() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
    let dir = tempfile::tempdir().unwrap();
    let names = ["000_2a612bdaf78ad241.txt", "001_42ef759f57eed038.txt", "002_3589846f6bc8d896.txt"];
    for name in names {
        std::fs::copy(format!("{seeds}/{name}"), dir.path().join(name)).unwrap();
    }
    let out = copydesk().args(["check", "--fix", "--no-config"]).arg(dir.path()).output().unwrap();
    assert_ne!(out.status.code(), Some(2), "{out:?}");
    let linter = copydesk::Linter::new();
    for name in names {
        let original = std::fs::read_to_string(format!("{seeds}/{name}")).unwrap();
        let fixed = std::fs::read_to_string(dir.path().join(name)).unwrap();
        let expected = copydesk::fix::fix(&linter, &original).map_or(original.clone(), |f| f.text);
        assert_eq!(fixed, expected, "{name}");
        // Every line that changed held an auto suggestion.
        let auto_lines: std::collections::BTreeSet<usize> = linter
            .check(&original)
            .iter()
            .filter(|d| d.suggestions.iter().any(|s| s.applicability == copydesk::Applicability::Auto))
            .flat_map(|d| {
                let first = original[..d.span.start].matches('\n').count();
                let last = original[..d.span.end].matches('\n').count();
                first..=last
            })
            .collect();
        let diff = similar::TextDiff::from_lines(&original, &fixed);
        for op in diff.ops() {
            let old = op.old_range();
            if op.tag() != similar::DiffTag::Equal {
                // A diff may attribute a deleted line to an identical neighbour (one of
                // two blank lines), so a neighbouring line's fix also counts.
                let lines = old.start.saturating_sub(1)..old.end.max(old.start + 1) + 1;
                assert!(
                    lines.clone().any(|l| auto_lines.contains(&l)),
                    "{name}: lines {lines:?} changed without a fix"
                );
            }
        }
    }
}
