//! `copydesk check --jsonl` and `copydesk normalize --jsonl`: one result line per
//! record in input order, malformed lines reported with their line numbers, and the
//! same bytes whatever the number of threads.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn records_in_order_with_malformed_lines_reported() {
    let input = "{\"url\": \"a\", \"text\": \"The band said the the tour was on.\"}\nnot json\n{\"url\": \"b\", \"body\": \"x\"}\n{\"url\": \"c\", \"text\": \"Fine.\"}\n";
    let out = run(&["check", "--no-config", "--jsonl", "-", "--id-field", "url"], input);
    assert_eq!(out.status.code(), Some(2), "malformed lines make the run fail");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "a");
    let d = &lines[0]["diagnostics"][0];
    assert_eq!((d["rule"].as_str(), d["text"].as_str()), (Some("repeated-word"), Some("the the")));
    assert_eq!(d["span"]["start"], 14);
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[2]["id"], "b");
    assert_eq!(lines[3]["diagnostics"], serde_json::json!([]));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("-:2: malformed JSON"), "{stderr}");
    assert!(stderr.contains("-:3: no string field \"text\""), "{stderr}");
}

#[test]
fn exit_code_follows_severity() {
    let clean = run(&["check", "--no-config", "--jsonl", "-"], "{\"text\": \"All is well.\"}\n");
    assert_eq!(clean.status.code(), Some(0));
    let warn = run(&["check", "--no-config", "--jsonl", "-"], "{\"text\": \"the the\"}\n");
    assert_eq!(warn.status.code(), Some(0), "warnings pass by default");
    let deny = run(&["check", "--no-config", "--jsonl", "-", "--deny", "warnings"], "{\"text\": \"the the\"}\n");
    assert_eq!(deny.status.code(), Some(1));
}

#[test]
fn jobs_do_not_change_the_output() {
    let corpus = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus/bbc")).unwrap();
    let mut input = String::new();
    for entry in corpus {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            input.push_str(
                &serde_json::json!({"id": path.file_name().unwrap().to_string_lossy(), "text": text}).to_string(),
            );
            input.push('\n');
        }
    }
    let one = run(&["check", "--no-config", "--jsonl", "-", "--id-field", "id", "--jobs", "1"], &input);
    let two = run(&["check", "--no-config", "--jsonl", "-", "--id-field", "id", "--jobs", "2"], &input);
    assert_eq!(one.stdout, two.stdout);
    assert!(!one.stdout.is_empty());
}

#[test]
fn normalize_rewrites_the_text_field_only() {
    let out = run(
        &["normalize", "--jsonl", "-"],
        "{\"id\": 7, \"text\": \"It\\u00e2\\u20ac\\u2122s&amp;\", \"tags\": [\"x\"]}\n",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "{\"id\":7,\"text\":\"It’s&\",\"tags\":[\"x\"]}\n");
}
