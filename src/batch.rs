//! Linting JSON Lines: one article per record, as scrapers write them by the million.
//!
//! [`check_jsonl`] reads records in bounded batches, lints each batch on all cores
//! (rayon), and writes one result line per record in input order, so memory stays
//! constant whatever the input size and the output is the same for any number of
//! threads. A malformed line yields an `error` record with its line number and the
//! run goes on.
//!
//! Each output line is `{"id": …, "diagnostics": [...]}` with diagnostics as in the
//! JSON schema (spans are byte offsets into that record's text), or
//! `{"id": …, "line": N, "error": "…"}`.
//!
//! [`normalize_jsonl`] is the same loop for [`crate::normalize()`]: it rewrites each
//! record's text field and leaves the other fields alone. Both read any
//! [`BufRead`] and write any [`Write`]; [`JsonlOptions`] names the fields and sets the
//! threads and batch sizes, and the returned [`JsonlSummary`] tallies the run.
//!
//! ```
//! use copydesk::batch::{check_jsonl, JsonlOptions};
//! use copydesk::{Linter, Severity};
//!
//! let input = concat!(
//!     r#"{"url": "https://example.com/a", "text": "The the end."}"#, "\n",
//!     "not json\n",
//!     r#"{"url": "https://example.com/b", "text": "Fine."}"#, "\n",
//! );
//! let opts = JsonlOptions { id_field: Some("url".into()), ..JsonlOptions::default() };
//! let mut out = Vec::new();
//! let summary = check_jsonl(&Linter::new(), input.as_bytes(), &mut out, &opts)?;
//! assert_eq!((summary.records, summary.malformed, summary.diagnostics), (3, 1, 1));
//! assert_eq!(summary.max_severity, Some(Severity::Warning));
//!
//! let lines: Vec<serde_json::Value> =
//!     String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
//! assert_eq!(lines[0]["id"], "https://example.com/a");
//! assert_eq!(lines[0]["diagnostics"][0]["rule"], "repeated-word");
//! assert_eq!(lines[0]["diagnostics"][0]["text"], "The the");
//! assert_eq!(lines[1]["line"], 2);
//! assert!(lines[1]["error"].as_str().unwrap().starts_with("malformed JSON"));
//! assert_eq!(lines[2]["diagnostics"], serde_json::json!([]));
//! # Ok::<(), std::io::Error>(())
//! ```

use std::io::{BufRead, Write};

use rayon::prelude::*;
use serde_json::Value;

use crate::{Linter, Severity};

/// How to read records.
///
/// ```
/// use copydesk::batch::{check_jsonl, JsonlOptions};
/// let opts = JsonlOptions { text_field: "body".into(), jobs: 1, ..JsonlOptions::default() };
/// assert_eq!(opts.batch_records, 512);
/// let mut out = Vec::new();
/// check_jsonl(&copydesk::Linter::new(), &b"{\"body\": \"ok\"}\n"[..], &mut out, &opts)?;
/// assert_eq!(out, b"{\"id\":1,\"diagnostics\":[]}\n"); // no id field: the line number
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct JsonlOptions {
    /// The field holding the article text (default `text`).
    pub text_field: String,
    /// The field naming the record; `None` uses the 1-based line number.
    pub id_field: Option<String>,
    /// Worker threads; 1 lints on the calling thread.
    pub jobs: usize,
    /// Records per batch; with `batch_bytes`, bounds memory.
    pub batch_records: usize,
    /// Input bytes per batch.
    pub batch_bytes: usize,
}

impl Default for JsonlOptions {
    fn default() -> Self {
        JsonlOptions { text_field: "text".into(), id_field: None, jobs: 0, batch_records: 512, batch_bytes: 8 << 20 }
    }
}

/// What a run saw.
///
/// ```
/// use copydesk::batch::{check_jsonl, JsonlOptions};
/// let input = "{\"text\": \"Leave a Comment\"}\n[1, 2]\n";
/// let summary = check_jsonl(&copydesk::Linter::new(), input.as_bytes(), std::io::sink(), &JsonlOptions::default())?;
/// assert_eq!(summary.records, 2);
/// assert_eq!(summary.malformed, 1);
/// assert_eq!(summary.max_severity, Some(copydesk::Severity::Error));
/// assert_eq!(summary.errors, [(2, "a record must be a JSON object".to_owned())]);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JsonlSummary {
    /// Records read (including malformed ones).
    pub records: usize,
    /// Lines that were not a JSON object with a string text field.
    pub malformed: usize,
    /// Diagnostics reported.
    pub diagnostics: usize,
    /// The highest severity reported, if any.
    pub max_severity: Option<Severity>,
    /// Line numbers and messages of the first malformed lines (at most 100).
    pub errors: Vec<(usize, String)>,
}

/// One input line, numbered.
struct Record {
    line: usize,
    raw: String,
}

/// The outcome of one record, rendered.
struct Outcome {
    json: Vec<u8>,
    /// The line number and message, for a malformed line.
    malformed: Option<(usize, String)>,
    diagnostics: usize,
    max: Option<Severity>,
}

/// Lints every record of `input` and writes one JSON line per record to `out`.
///
/// The output does not depend on the number of threads:
///
/// ```
/// use copydesk::batch::{check_jsonl, JsonlOptions};
/// let linter = copydesk::Linter::new();
/// let input: String = (0..20).map(|i| format!("{{\"text\": \"the the day {i}\"}}\n")).collect();
/// let run = |jobs| {
///     let mut out = Vec::new();
///     let opts = JsonlOptions { jobs, batch_records: 4, ..JsonlOptions::default() };
///     check_jsonl(&linter, input.as_bytes(), &mut out, &opts).map(|s| (s.diagnostics, out))
/// };
/// let (one, two) = (run(1)?, run(2)?);
/// assert_eq!(one.0, 20);
/// assert_eq!(one, two);
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// # Errors
/// I/O errors from reading or writing, or a thread pool that cannot start.
pub fn check_jsonl(
    linter: &Linter,
    input: impl BufRead,
    out: impl Write,
    opts: &JsonlOptions,
) -> std::io::Result<JsonlSummary> {
    run_batches(input, out, opts, |record| lint_record(linter, record, opts))
}

/// Normalises the text field of every record of `input` and writes the records back,
/// other fields untouched and in their original order. Malformed lines yield an
/// `error` record, as in [`check_jsonl`].
///
/// ```
/// use copydesk::batch::{normalize_jsonl, JsonlOptions};
/// use copydesk::NormalizeOptions;
/// let input = r#"{"url": "u1", "text": "Itâ€™s here &amp; now", "lang": "en"}"#;
/// let mut out = Vec::new();
/// let summary = normalize_jsonl(input.as_bytes(), &mut out, &JsonlOptions::default(), &NormalizeOptions::default())?;
/// assert_eq!(String::from_utf8(out).unwrap(), "{\"url\":\"u1\",\"text\":\"It’s here & now\",\"lang\":\"en\"}\n");
/// assert_eq!(summary.diagnostics, 2); // the number of changes
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// # Errors
/// I/O errors from reading or writing, or a thread pool that cannot start.
pub fn normalize_jsonl(
    input: impl BufRead,
    out: impl Write,
    opts: &JsonlOptions,
    normalize: &crate::normalize::NormalizeOptions,
) -> std::io::Result<JsonlSummary> {
    run_batches(input, out, opts, |record| {
        let (_, mut value) = match parse_record(record, opts) {
            Ok(v) => v,
            Err(outcome) => return outcome,
        };
        let text = value[&opts.text_field].as_str().unwrap_or_default();
        let normalized = crate::normalize(text, normalize);
        let changes = normalized.changes().len();
        value[&opts.text_field] = Value::String(normalized.text().to_owned());
        let json = serde_json::to_vec(&value).expect("serialises");
        Outcome { json, malformed: None, diagnostics: changes, max: None }
    })
}

/// Reads batches, maps each record with `f` (in parallel unless `jobs == 1`), writes
/// outcomes in input order.
///
/// With several jobs, this thread reads the next batch and writes the previous one's
/// outcomes while the pool lints the current batch, so reading and writing do not
/// leave the workers idle between batches.
fn run_batches(
    mut input: impl BufRead,
    mut out: impl Write,
    opts: &JsonlOptions,
    f: impl Fn(&Record) -> Outcome + Sync,
) -> std::io::Result<JsonlSummary> {
    let pool = (opts.jobs != 1)
        .then(|| rayon::ThreadPoolBuilder::new().num_threads(opts.jobs).build().map_err(std::io::Error::other))
        .transpose()?;
    let mut summary = JsonlSummary::default();
    let mut line_no = 0;
    let (mut batch, mut done) = read_batch(&mut input, opts, &mut line_no)?;
    let mut finished: Vec<Outcome> = Vec::new();
    loop {
        let outcomes = match &pool {
            Some(pool) => {
                let (outcomes, next) = std::thread::scope(|scope| {
                    let linting = scope.spawn(|| pool.install(|| batch.par_iter().map(&f).collect::<Vec<_>>()));
                    let written = write_outcomes(&mut out, std::mem::take(&mut finished), &mut summary);
                    let next = written.and_then(|()| {
                        if done {
                            Ok((Vec::new(), true))
                        } else {
                            read_batch(&mut input, opts, &mut line_no)
                        }
                    });
                    (linting.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), next)
                });
                (batch, done) = next?;
                outcomes
            }
            None => {
                write_outcomes(&mut out, std::mem::take(&mut finished), &mut summary)?;
                let outcomes = batch.iter().map(&f).collect();
                (batch, done) = if done { (Vec::new(), true) } else { read_batch(&mut input, opts, &mut line_no)? };
                outcomes
            }
        };
        finished = outcomes;
        if batch.is_empty() && done {
            break;
        }
    }
    write_outcomes(&mut out, finished, &mut summary)?;
    out.flush()?;
    Ok(summary)
}

/// Reads up to a batch of non-blank lines; the flag says the input has ended.
fn read_batch(
    input: &mut impl BufRead,
    opts: &JsonlOptions,
    line_no: &mut usize,
) -> std::io::Result<(Vec<Record>, bool)> {
    let mut batch = Vec::new();
    let mut bytes = 0;
    while batch.len() < opts.batch_records.max(1) && bytes < opts.batch_bytes {
        let mut buf = Vec::new();
        if input.read_until(b'\n', &mut buf)? == 0 {
            return Ok((batch, true));
        }
        *line_no += 1;
        // Invalid UTF-8 in a line is replaced, so the record is still read (JSON
        // strings cannot carry it anyway) rather than ending the run.
        let raw = match String::from_utf8(buf) {
            Ok(valid) => valid,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        };
        if raw.trim().is_empty() {
            continue;
        }
        bytes += raw.len();
        batch.push(Record { line: *line_no, raw });
    }
    Ok((batch, false))
}

/// Writes `outcomes` in order, one line each, and counts them into `summary`.
fn write_outcomes(out: &mut impl Write, outcomes: Vec<Outcome>, summary: &mut JsonlSummary) -> std::io::Result<()> {
    for o in outcomes {
        summary.records += 1;
        if let Some(e) = o.malformed {
            summary.malformed += 1;
            if summary.errors.len() < 100 {
                summary.errors.push(e);
            }
        }
        summary.diagnostics += o.diagnostics;
        summary.max_severity = summary.max_severity.max(o.max);
        out.write_all(&o.json)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The record's id: its id field, or its line number.
fn record_id(value: &Value, record: &Record, opts: &JsonlOptions) -> Value {
    opts.id_field.as_ref().and_then(|f| value.get(f).cloned()).unwrap_or_else(|| Value::from(record.line))
}

fn error_outcome(id: Value, line: usize, message: String) -> Outcome {
    let json = serde_json::to_vec(&serde_json::json!({"id": id, "line": line, "error": message})).expect("serialises");
    Outcome { json, malformed: Some((line, message)), diagnostics: 0, max: None }
}

/// Parses a record and returns its text field, or an error outcome.
fn parse_record(record: &Record, opts: &JsonlOptions) -> Result<(Value, Value), Outcome> {
    let value: Value = serde_json::from_str(&record.raw)
        .map_err(|e| error_outcome(Value::from(record.line), record.line, format!("malformed JSON: {e}")))?;
    let id = record_id(&value, record, opts);
    if !value.is_object() {
        return Err(error_outcome(id, record.line, "a record must be a JSON object".into()));
    }
    if !value.get(&opts.text_field).is_some_and(Value::is_string) {
        return Err(error_outcome(id, record.line, format!("no string field {:?}", opts.text_field)));
    }
    Ok((id, value))
}

/// The fields `check --jsonl` reads from a record; the rest is skipped unparsed.
struct Fields {
    object: bool,
    text: Option<Value>,
    id: Option<Value>,
}

/// Deserialises [`Fields`] for the given field names.
struct FieldsSeed<'o> {
    text: &'o str,
    id: Option<&'o str>,
}

impl<'de> serde::de::DeserializeSeed<'de> for FieldsSeed<'_> {
    type Value = Fields;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Fields, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for FieldsSeed<'_> {
    type Value = Fields;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
        let mut fields = Fields { object: true, text: None, id: None };
        // Later duplicates win, as they do in a parsed object.
        while let Some(key) = map.next_key::<String>()? {
            if key == self.text {
                let value: Value = map.next_value()?;
                if self.id == Some(self.text) {
                    fields.id = Some(value.clone());
                }
                fields.text = Some(value);
            } else if self.id == Some(key.as_str()) {
                fields.id = Some(map.next_value()?);
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        Ok(fields)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Fields, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(Fields { object: false, text: None, id: None })
    }

    fn visit_bool<E>(self, _: bool) -> Result<Fields, E> {
        Ok(Fields { object: false, text: None, id: None })
    }

    fn visit_i64<E>(self, _: i64) -> Result<Fields, E> {
        Ok(Fields { object: false, text: None, id: None })
    }

    fn visit_u64<E>(self, _: u64) -> Result<Fields, E> {
        Ok(Fields { object: false, text: None, id: None })
    }

    fn visit_f64<E>(self, _: f64) -> Result<Fields, E> {
        Ok(Fields { object: false, text: None, id: None })
    }

    fn visit_str<E>(self, _: &str) -> Result<Fields, E> {
        Ok(Fields { object: false, text: None, id: None })
    }

    fn visit_unit<E>(self) -> Result<Fields, E> {
        Ok(Fields { object: false, text: None, id: None })
    }
}

/// Reads a record's id and text without building the whole record: on a news crawl
/// the other fields (HTML, metadata) can outweigh the text.
fn read_fields(record: &Record, opts: &JsonlOptions) -> Result<(Value, String), Outcome> {
    use serde::de::DeserializeSeed;
    let malformed =
        |e: serde_json::Error| error_outcome(Value::from(record.line), record.line, format!("malformed JSON: {e}"));
    let mut de = serde_json::Deserializer::from_str(&record.raw);
    let fields =
        FieldsSeed { text: &opts.text_field, id: opts.id_field.as_deref() }.deserialize(&mut de).map_err(malformed)?;
    de.end().map_err(malformed)?;
    let id = fields.id.unwrap_or_else(|| Value::from(record.line));
    if !fields.object {
        return Err(error_outcome(id, record.line, "a record must be a JSON object".into()));
    }
    match fields.text {
        Some(Value::String(text)) => Ok((id, text)),
        _ => Err(error_outcome(id, record.line, format!("no string field {:?}", opts.text_field))),
    }
}

fn lint_record(linter: &Linter, record: &Record, opts: &JsonlOptions) -> Outcome {
    let (id, text) = match read_fields(record, opts) {
        Ok(v) => v,
        Err(outcome) => return outcome,
    };
    let text = text.as_str();
    let diagnostics = linter.check(text);
    let mut json = Vec::with_capacity(64 + diagnostics.len() * 256);
    json.extend_from_slice(b"{\"id\":");
    serde_json::to_writer(&mut json, &id).expect("serialises");
    json.extend_from_slice(b",\"diagnostics\":");
    crate::render::json::write_diagnostics(&mut json, text, &diagnostics).expect("writing to a Vec cannot fail");
    json.push(b'}');
    let max = diagnostics.iter().map(|d| d.severity).max();
    Outcome { json, malformed: None, diagnostics: diagnostics.len(), max }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str, jobs: usize) -> (String, JsonlSummary) {
        let linter = Linter::new();
        let mut out = Vec::new();
        let opts = JsonlOptions { jobs, batch_records: 2, ..JsonlOptions::default() };
        let summary = check_jsonl(&linter, input.as_bytes(), &mut out, &opts).unwrap();
        (String::from_utf8(out).unwrap(), summary)
    }

    #[test]
    fn one_line_per_record_in_order() {
        let input = "{\"text\": \"the the cat\"}\nnot json\n\n{\"text\": \"fine\"}\n{\"body\": 1}\n";
        let (out, summary) = run(input, 1);
        let lines: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0]["id"], 1);
        assert_eq!(lines[0]["diagnostics"][0]["rule"], "repeated-word");
        assert_eq!(lines[0]["diagnostics"][0]["span"]["start"], 0);
        assert_eq!(lines[1]["line"], 2);
        assert!(lines[1]["error"].as_str().unwrap().contains("malformed JSON"));
        assert_eq!(lines[2]["id"], 4);
        assert_eq!(lines[3]["error"], "no string field \"text\"");
        assert_eq!(summary.records, 4);
        assert_eq!(summary.malformed, 2);
        assert_eq!(summary.max_severity, Some(Severity::Warning));
    }

    #[test]
    fn normalizes_records_keeping_field_order() {
        let input = concat!(r#"{"url": "u", "text": "It\u00e2\u20ac\u2122s", "z": 1}"#, "\nnope\n");
        let mut out = Vec::new();
        let opts = JsonlOptions { jobs: 1, ..JsonlOptions::default() };
        let s =
            normalize_jsonl(input.as_bytes(), &mut out, &opts, &crate::normalize::NormalizeOptions::default()).unwrap();
        let out = String::from_utf8(out).unwrap();
        let first = out.lines().next().unwrap();
        assert_eq!(first, "{\"url\":\"u\",\"text\":\"It’s\",\"z\":1}");
        assert_eq!(s.malformed, 1);
    }

    #[test]
    fn parallel_output_is_identical() {
        let input: String = (0..50).map(|i| format!("{{\"id\": \"a{i}\", \"text\": \"word word {i}\"}}\n")).collect();
        assert_eq!(run(&input, 1).0, run(&input, 3).0);
    }
}
