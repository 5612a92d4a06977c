//! The `copydesk` command line end to end: exit codes 0/1/2, every output format,
//! `--stats`, Markdown by extension, suppression (accept lists, directives, baselines)
//! and the input and configuration errors a CI gate meets.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
const SEED_NAMES: [&str; 3] = ["000_2a612bdaf78ad241.txt", "001_42ef759f57eed038.txt", "002_3589846f6bc8d896.txt"];

/// Runs `copydesk ARGS` in `dir`, without colour, at 100 columns.
fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .output()
        .expect("copydesk runs")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally, not by a signal")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// A temporary folder holding `files`.
fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, body).unwrap();
    }
    dir
}

/// A temporary copy of the seed articles.
fn seeds() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in SEED_NAMES {
        std::fs::copy(Path::new(SEEDS).join(name), dir.path().join(name)).unwrap();
    }
    dir
}

const CLEAN: &[u8] = b"The council met on Tuesday and agreed the budget.\n";
/// `apostrophe` is an error: a quote mark used as an apostrophe.
const ERROR: &[u8] = "The players\u{2018} union met on Tuesday.\n".as_bytes();
/// `repeated-word` is a warning.
const WARNING: &[u8] = b"The council met on on Tuesday.\n";

// ---------------------------------------------------------------- exit codes

#[test]
fn exit_0_when_clean_or_below_the_threshold() {
    let dir = folder(&[("clean.txt", CLEAN), ("warn.txt", WARNING)]);
    let o = run(dir.path(), &["check", "--no-config", "clean.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), "0 errors, 0 warnings, 0 info findings in 1 file\n");
    // Warnings do not fail by default.
    let o = run(dir.path(), &["check", "--no-config", "warn.txt"]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("1 warning"));
}

#[test]
fn exit_1_on_findings_at_the_threshold() {
    let dir = folder(&[("err.txt", ERROR), ("warn.txt", WARNING)]);
    let o = run(dir.path(), &["check", "--no-config", "err.txt"]);
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains("apostrophe"));
    let o = run(dir.path(), &["check", "--no-config", "--deny", "warnings", "warn.txt"]);
    assert_eq!(code(&o), 1);
}

#[test]
fn exit_2_on_a_missing_file_even_with_findings_elsewhere() {
    let dir = folder(&[("err.txt", ERROR)]);
    let o = run(dir.path(), &["check", "--no-config", "err.txt", "missing.txt"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("missing.txt"), "{}", stderr(&o));
    // The readable file is still reported.
    assert!(stdout(&o).contains("apostrophe"));
}

#[test]
fn unknown_rule_exits_2() {
    let dir = folder(&[("clean.txt", CLEAN)]);
    let o = run(dir.path(), &["check", "--no-config", "--select", "no-such-rule", "clean.txt"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("unknown rule \"no-such-rule\""), "{}", stderr(&o));
    let o = run(dir.path(), &["explain", "no-such-rule", "--no-config"]);
    assert_eq!(code(&o), 2);
    // The suppression layer's code is known to explain, select and ignore.
    let o = run(dir.path(), &["explain", "unused-suppression", "--no-config"]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("## What it flags"));
    let o = run(dir.path(), &["check", "--no-config", "--ignore", "unused-suppression", "clean.txt"]);
    assert_eq!(code(&o), 0);
}

#[test]
fn bad_config_points_into_the_toml() {
    let toml = b"select = [\"typography\"]\n\n[severity]\nrepeated-word = \"loud\"\n";
    let dir = folder(&[("copydesk.toml", toml), ("clean.txt", CLEAN)]);
    let o = run(dir.path(), &["check", "clean.txt"]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    // miette's report: the error code, the file, the offending line and a label under it.
    assert!(err.contains("copydesk::config"), "{err}");
    assert!(err.contains("copydesk.toml:4:"), "{err}");
    assert!(err.contains("repeated-word = \"loud\""), "{err}");
    assert!(err.contains("severity \"loud\" is not error, warning or info"), "{err}");
    // A malformed accept list points at its rule.
    let dir = folder(&[("copydesk.toml", b"[rules.repeated-word]\naccept = [1]\n"), ("clean.txt", CLEAN)]);
    let o = run(dir.path(), &["check", "clean.txt"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("must be a list of strings"), "{}", stderr(&o));
}

// ---------------------------------------------------------------- input errors

#[test]
fn invalid_utf8_binary_and_empty_files() {
    let dir = folder(&[
        ("latin1.txt", b"caf\xe9 au lait\n"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        ("empty.txt", b""),
    ]);
    let o = run(dir.path(), &["check", "--no-config", "latin1.txt"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("latin1.txt: not valid UTF-8 (invalid byte at offset 3)"), "{}", stderr(&o));
    let o = run(dir.path(), &["check", "--no-config", "image.txt"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("image.txt: binary data (NUL byte at offset 8)"), "{}", stderr(&o));
    let o = run(dir.path(), &["check", "--no-config", "--format", "json", "empty.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["files"][0]["diagnostics"], serde_json::json!([]));
}

#[test]
fn a_50_mb_single_line() {
    let dir = tempfile::tempdir().unwrap();
    let sentence = "The council met on Tuesday and agreed the budget for the year. ";
    let mut text = sentence.repeat(50 * 1024 * 1024 / sentence.len());
    text.push_str("It ended on on a Friday.");
    let path = dir.path().join("huge.txt");
    std::fs::write(&path, &text).unwrap();
    let started = std::time::Instant::now();
    let o = run(dir.path(), &["check", "--no-config", "--select", "repeated-word", "--format", "compact", "huge.txt"]);
    println!("50 MB single line: {:?} (debug build)", started.elapsed());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // One finding, located by character column on line 1.
    let col = text.find("on on").unwrap() + 1;
    assert_eq!(stdout(&o), format!("huge.txt:1:{col}: warning[repeated-word]: “on” is repeated\n"));
}

#[test]
fn unreadable_directory() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder(&[("locked/a.txt", CLEAN), ("open/b.txt", WARNING)]);
    let locked = dir.path().join("locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let blocked = std::fs::read_dir(&locked).is_err();
    let o = run(dir.path(), &["check", "--no-config", "--format", "compact", "locked", "open"]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    if !blocked {
        println!("skipped: permissions do not block this user (root?), so an unreadable directory cannot be made");
        return;
    }
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("locked"), "{}", stderr(&o));
    // The walk goes on past it.
    assert!(stdout(&o).contains("open/b.txt:1:"), "{}", stdout(&o));
}

#[test]
fn standard_input() {
    use std::io::Write as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--no-config", "--format", "compact", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(WARNING).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o), "-:1:17: warning[repeated-word]: “on” is repeated\n");
}

// ---------------------------------------------------------------- formats

#[test]
fn human_format() {
    let dir = folder(&[("warn.txt", WARNING)]);
    let o = run(dir.path(), &["check", "--no-config", "warn.txt"]);
    let out = stdout(&o);
    assert!(out.contains("repeated-word"), "{out}");
    assert!(out.contains("[warn.txt:1:17]"), "{out}");
    assert!(out.contains("The council met on on Tuesday."), "{out}");
    assert!(out.ends_with("0 errors, 1 warning, 0 info findings in 1 file\n"), "{out}");
}

#[test]
fn json_and_compact_formats() {
    let dir = folder(&[("warn.txt", WARNING), ("err.txt", ERROR)]);
    let o = run(dir.path(), &["check", "--no-config", "--format", "json", "err.txt", "warn.txt"]);
    assert_eq!(code(&o), 1);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["files"][1]["diagnostics"][0]["text"], "on on");
    let o = run(dir.path(), &["check", "--no-config", "--format", "compact", "warn.txt"]);
    assert_eq!(stdout(&o), "warn.txt:1:17: warning[repeated-word]: “on” is repeated\n");
}

/// Workflow commands for the seeds, one per finding: reviewed as a snapshot.
#[test]
fn github_format_golden() {
    let dir = seeds();
    let mut args = vec!["check", "--no-config", "--format", "github"];
    args.extend(SEED_NAMES);
    let o = run(dir.path(), &args);
    assert_ne!(code(&o), 2, "{}", stderr(&o));
    let out = stdout(&o);
    let json = run(dir.path(), &[&["check", "--no-config", "--format", "json"][..], &SEED_NAMES[..]].concat());
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let findings: usize =
        v["files"].as_array().unwrap().iter().map(|f| f["diagnostics"].as_array().unwrap().len()).sum();
    assert_eq!(out.lines().count(), findings, "one annotation per finding");
    assert!(out.lines().all(|l| l.starts_with("::error file=")
        || l.starts_with("::warning file=")
        || l.starts_with("::notice file=")));
    insta::assert_snapshot!(out);
}

#[test]
fn stats_go_to_stderr_for_machine_formats() {
    let dir = folder(&[("warn.txt", WARNING), ("err.txt", ERROR), ("clean.txt", CLEAN)]);
    let o =
        run(dir.path(), &["check", "--no-config", "--format", "json", "--stats", "err.txt", "warn.txt", "clean.txt"]);
    serde_json::from_str::<serde_json::Value>(&stdout(&o)).expect("stdout stays valid JSON");
    assert_eq!(
        stderr(&o),
        "findings by rule:\n      1  apostrophe\n      1  repeated-word\nfindings by file:\n      1  err.txt\n      \
         1  warn.txt\ntotal: 2 findings (1 error, 1 warning, 0 info) in 3 files\n"
    );
    let o = run(dir.path(), &["check", "--no-config", "--stats", "warn.txt"]);
    assert!(stdout(&o).contains("findings by rule:\n      1  repeated-word\n"), "{}", stdout(&o));
}

// ---------------------------------------------------------------- Markdown and suppression

#[test]
fn markdown_is_picked_by_extension() {
    let md = b"---\ndate: on on\n---\n\n```\nthe the\n```\n\nA line with `on on` code and on on prose.\n";
    let dir = folder(&[("a.md", md), ("a.markdown", md), ("a.txt", md)]);
    let o = run(dir.path(), &["check", "--no-config", "--format", "compact", "--select", "repeated-word", "."]);
    let out = stdout(&o);
    assert_eq!(out.lines().filter(|l| l.starts_with("./a.md:") || l.starts_with("./a.markdown:")).count(), 2, "{out}");
    assert!(out.contains("./a.md:9:30: warning[repeated-word]"), "{out}");
    // As text, front matter and code count too.
    assert_eq!(out.lines().filter(|l| l.starts_with("./a.txt:")).count(), 4, "{out}");
}

#[test]
fn accept_lists_in_the_config() {
    // Case and whitespace do not matter; other rules and other text are unaffected.
    let toml = b"[rules.repeated-word]\naccept = [\"ON  On\"]\n";
    let other = b"They met in in March.\n";
    let dir = folder(&[("copydesk.toml", toml), ("warn.txt", WARNING), ("err.txt", ERROR), ("other.txt", other)]);
    let o = run(dir.path(), &["check", "--format", "compact", "warn.txt", "err.txt", "other.txt"]);
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains("warn.txt"), "{out}");
    assert!(out.contains("err.txt:1:12: error[apostrophe]"), "{out}");
    assert!(out.contains("other.txt:1:10: warning[repeated-word]"), "{out}");
}

#[test]
fn directives_in_markdown_and_unused_ones() {
    let md = "Intro with on on here.\n\n\
              <!-- copydesk-disable-next-line repeated-word -->\n\
              A line with on on here.\n\n\
              <!-- copydesk-disable repeated-word, apostrophe -->\n\
              Inside with to to here.\n\n\
              <!-- copydesk-enable -->\n\n\
              After with at at here.\n\n\
              <!-- copydesk-disable-next-line whitespace -->\n\
              Nothing to hide.\n\n\
              ```\n<!-- copydesk-disable repeated-word -->\n```\n\n\
              End with in in here.\n";
    let dir = folder(&[("a.md", md.as_bytes())]);
    let o = run(dir.path(), &["check", "--no-config", "--format", "compact", "a.md"]);
    assert_eq!(
        stdout(&o),
        "a.md:1:12: warning[repeated-word]: “on” is repeated\n\
         a.md:6:1: warning[unused-suppression]: `copydesk-disable` for `apostrophe` suppresses nothing\n\
         a.md:11:12: warning[repeated-word]: “at” is repeated\n\
         a.md:13:1: warning[unused-suppression]: `copydesk-disable-next-line` for `whitespace` suppresses nothing\n\
         a.md:20:10: warning[repeated-word]: “in” is repeated\n"
    );
    // A directive for a rule that did not run is not reported as unused.
    let o = run(dir.path(), &["check", "--no-config", "--format", "compact", "--select", "repeated-word", "a.md"]);
    assert!(!stdout(&o).contains("apostrophe"), "{}", stdout(&o));
}

/// Write a baseline on the seeds, append a paragraph to one seed: only the new
/// paragraph's findings appear. Fix a baselined finding: its entry is reported unused.
#[test]
fn baseline_round_trip() {
    let dir = seeds();
    let all = |extra: &[&'static str]| -> Vec<&str> {
        let mut v = vec!["check", "--no-config", "--format", "compact"];
        v.extend(extra);
        v.extend(SEED_NAMES);
        v
    };
    let before = run(dir.path(), &all(&[]));
    assert!(stdout(&before).lines().count() >= 5, "{}", stdout(&before));
    let o = run(dir.path(), &all(&["--write-baseline", "ci/baseline.json"]));
    assert_eq!(code(&o), 2, "the folder does not exist yet");
    std::fs::create_dir(dir.path().join("ci")).unwrap();
    let o = run(dir.path(), &all(&["--write-baseline", "ci/baseline.json"]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    let baseline = std::fs::read_to_string(dir.path().join("ci/baseline.json")).unwrap();
    assert_eq!(baseline.lines().count(), stdout(&before).lines().count() + 2, "{baseline}");
    // Paths are relative to the baseline file.
    assert!(baseline.contains("\"path\":\"../000_2a612bdaf78ad241.txt\""), "{baseline}");

    // Unchanged: everything hidden, exit 0.
    let o = run(dir.path(), &all(&["--baseline", "ci/baseline.json"]));
    assert_eq!((code(&o), stdout(&o)), (0, String::new()), "{}", stderr(&o));

    // Edit one seed elsewhere: a new paragraph at the top and one at the end.
    let path = dir.path().join(SEED_NAMES[1]);
    let seed = std::fs::read_to_string(&path).unwrap();
    let new_para = "A new paragraph says that the the budget was met.";
    let edited = format!("Editor's note: updated.\n\n{seed}\n\n{new_para}\n");
    std::fs::write(&path, &edited).unwrap();
    let o = run(dir.path(), &all(&["--baseline", "ci/baseline.json"]));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "{out}");
    let line = edited.lines().position(|l| l == new_para).unwrap() + 1;
    assert!(out.starts_with(&format!("{}:{line}:", SEED_NAMES[1])), "{out}");
    assert!(out.contains("repeated-word"), "{out}");

    // The baseline works from another working directory too.
    let sub = dir.path().join("ci");
    let o = run(
        &sub,
        &["check", "--no-config", "--format", "compact", "--baseline", "baseline.json", "../001_42ef759f57eed038.txt"],
    );
    assert_eq!(stdout(&o).lines().count(), 1, "{}", stdout(&o));

    // Fix a baselined finding: the entry no longer suppresses anything.
    let path = dir.path().join(SEED_NAMES[2]);
    let seed = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, seed.replace("producing producing", "producing")).unwrap();
    let o = run(dir.path(), &all(&["--baseline", "ci/baseline.json"]));
    let out = stdout(&o);
    let unused: Vec<&str> = out.lines().filter(|l| l.contains("unused-suppression")).collect();
    assert_eq!(unused.len(), 1, "{out}");
    assert!(unused[0].starts_with("ci/baseline.json:"), "{out}");
    assert!(unused[0].contains("repeated-word") && unused[0].contains("producing producing"), "{out}");

    // Entries of rules that did not run are not reported unused.
    let o = run(dir.path(), &all(&["--baseline", "ci/baseline.json", "--select", "apostrophe,unused-suppression"]));
    assert_eq!(stdout(&o), "", "{}", stdout(&o));

    // A broken baseline is an error pointing into it.
    std::fs::write(dir.path().join("ci/bad.json"), "{\"version\": 1, \"entries\": [\n{\"path\": 1}\n]}").unwrap();
    let o = run(dir.path(), &all(&["--baseline", "ci/bad.json"]));
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("copydesk::baseline"), "{}", stderr(&o));
}

#[test]
fn sarif_output_is_written() {
    let dir = folder(&[("warn.txt", WARNING)]);
    let o = run(dir.path(), &["check", "--no-config", "--format", "sarif", "warn.txt"]);
    assert_eq!(code(&o), 0);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(v["runs"][0]["results"][0]["ruleId"], "repeated-word");
}

#[test]
fn pre_commit_hook_file() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let hooks = std::fs::read_to_string(root.join(".pre-commit-hooks.yaml")).unwrap();
    for needle in ["- id: copydesk", "entry: copydesk check", "language: rust", "types_or: [markdown, plain-text]"] {
        assert!(hooks.contains(needle), "{needle} missing from .pre-commit-hooks.yaml");
    }
}
