//! `--format sarif` validates against the official SARIF 2.1.0 JSON schema (vendored in
//! `tests/fixtures/sarif/`), on the seeds and on a Markdown article.

use std::process::Command;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{FIXTURES}/sarif/sarif-schema-2.1.0.json")).unwrap())
            .unwrap();
    jsonschema::draft4::new(&schema).expect("the SARIF schema compiles")
}

fn errors(validator: &jsonschema::Validator, log: &serde_json::Value) -> Vec<String> {
    validator.iter_errors(log).map(|e| format!("{} at {}", e, e.instance_path)).collect()
}

fn sarif(args: &[&str]) -> serde_json::Value {
    let o = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--no-config", "--format", "sarif"])
        .args(args)
        .current_dir(FIXTURES)
        .output()
        .unwrap();
    assert_ne!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("SARIF output is JSON")
}

#[test]
fn seeds_and_markdown_validate_against_the_schema() {
    let validator = validator();
    let log = sarif(&[
        "seeds/000_2a612bdaf78ad241.txt",
        "seeds/001_42ef759f57eed038.txt",
        "seeds/002_3589846f6bc8d896.txt",
        "markdown/article.md",
    ]);
    assert_eq!(errors(&validator, &log), Vec::<String>::new());
    let run = &log["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert!(results.len() >= 5);
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for r in results {
        // Every result names a rule the driver documents, at its index.
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
        assert!(rules[i]["help"]["markdown"].as_str().unwrap().contains("## What it flags"));
        let region = &r["locations"][0]["physicalLocation"]["region"];
        for key in ["startLine", "startColumn", "endLine", "endColumn", "byteOffset", "byteLength"] {
            assert!(region[key].is_u64(), "{key} missing in {region}");
        }
    }
    // A region's byte offsets give back its snippet.
    let uri = "seeds/002_3589846f6bc8d896.txt";
    let source = std::fs::read_to_string(format!("{FIXTURES}/{uri}")).unwrap();
    let r = results
        .iter()
        .find(|r| {
            r["ruleId"] == "repeated-word" && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri
        })
        .unwrap();
    let region = &r["locations"][0]["physicalLocation"]["region"];
    let (start, len) =
        (region["byteOffset"].as_u64().unwrap() as usize, region["byteLength"].as_u64().unwrap() as usize);
    assert_eq!(&source[start..start + len], "producing producing");
    assert_eq!(region["snippet"]["text"], "producing producing");
}

#[test]
fn an_empty_run_validates_and_the_validator_rejects_broken_logs() {
    let validator = validator();
    let mut log = sarif(&["corpus/bbc/tech-firefox-browser-takes-on-microsoft.txt", "--select", "repeated-word"]);
    assert_eq!(errors(&validator, &log), Vec::<String>::new());
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    // The test can fail: a wrong level and a missing version are caught.
    log["runs"][0]["results"] = serde_json::json!([{"message": {"text": "m"}, "level": "loud"}]);
    log.as_object_mut().unwrap().remove("version");
    assert!(errors(&validator, &log).len() >= 2);
}
