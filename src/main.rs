//! The `copydesk` command line: `check`, `rules`, `explain`.
//!
//! This is the only place that turns miette's `fancy` reports on for errors; findings
//! are rendered by the library's renderers.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use copydesk::baseline::Baseline;
use copydesk::render::{self, FileReport};
use copydesk::{Config, Diagnostic, Error, InputKind, Linter, Severity};

/// Lint scraped news articles: mangled names, run-together words, scrape debris,
/// typography and Unicode damage.
#[derive(Parser)]
#[command(name = "copydesk", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint files, directories (recursively: .txt, .md and .markdown) or `-` for standard
    /// input. Markdown files (.md, .markdown) are linted as Markdown: prose only.
    Check(CheckArgs),
    /// List every rule: code, family, default severity, summary.
    Rules(ConfigArgs),
    /// Print the normalised text of FILE (or standard input): see `NormalizeOptions`.
    Normalize(NormalizeArgs),
    /// Print a rule's full documentation.
    Explain {
        /// The rule code, such as `run-together`.
        rule: String,
        #[command(flatten)]
        config: ConfigArgs,
    },
}

#[derive(clap::Args)]
struct ConfigArgs {
    /// Read configuration from FILE instead of looking for copydesk.toml upward from the
    /// working directory.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore any copydesk.toml.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// Add an entity pack (repeatable).
    #[arg(long = "entities", value_name = "FILE")]
    entities: Vec<PathBuf>,
    /// Add a rule pack (repeatable).
    #[arg(long = "pack", value_name = "FILE")]
    packs: Vec<PathBuf>,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files, directories or `-` (standard input).
    #[arg(required_unless_present = "jsonl", value_name = "PATHS")]
    paths: Vec<PathBuf>,
    /// Lint JSON Lines records from FILE (or `-`) instead of files: one result line per
    /// record, in input order, in constant memory.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["paths", "fix", "diff", "baseline", "write_baseline"])]
    jsonl: Option<PathBuf>,
    #[command(flatten)]
    records: RecordArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Fail (exit 1) on findings at this level or above: `warnings` or `info`
    /// (default: errors only).
    #[arg(long, value_name = "LEVEL", value_parser = parse_level)]
    deny: Option<Severity>,
    /// Run only these rules or families (comma-separated), overriding the config.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    select: Vec<String>,
    /// Skip these rules or families (comma-separated), in addition to the config.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    ignore: Vec<String>,
    /// Apply every `auto` suggestion to the files in place, then report what is left.
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// Print the `auto` fixes as a unified diff instead of writing them (exit 1 when
    /// there is any).
    #[arg(long)]
    diff: bool,
    /// Also print findings per rule and per file (to standard error for the json, sarif,
    /// github and compact formats, so their output stays parseable).
    #[arg(long)]
    stats: bool,
    /// Hide the findings recorded in this baseline file; its entries that match nothing
    /// are reported as `unused-suppression`.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record every current finding in FILE as a baseline and print nothing else.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
    #[command(flatten)]
    config: ConfigArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// miette's graphical report with source snippets.
    Human,
    /// JSON, schema version 1.
    Json,
    /// `path:line:col: severity[rule]: message`.
    Compact,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow commands: one annotation per finding.
    Github,
}

fn parse_level(s: &str) -> Result<Severity, String> {
    Severity::parse(s).ok_or_else(|| format!("{s:?} is not one of errors, warnings, info"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(&args),
        Command::Rules(args) => rules(&args),
        Command::Explain { rule, config } => explain(&rule, &config),
        Command::Normalize(args) => normalize(&args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            report_error(e);
            ExitCode::from(2)
        }
    }
}

fn report_error(e: Error) {
    let report = miette::Report::new(e);
    eprintln!("{report:?}");
}

fn load_config(args: &ConfigArgs) -> Result<Config, Error> {
    let mut config = if args.no_config {
        Config::default()
    } else if let Some(path) = &args.config {
        Config::load(path)?
    } else {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        match Config::discover(&cwd) {
            Some(path) => Config::load(&path)?,
            None => Config::default(),
        }
    };
    for p in &args.packs {
        config.add_pack_file(p)?;
    }
    for p in &args.entities {
        config.add_entities_file(p)?;
    }
    Ok(config)
}

fn check(args: &CheckArgs) -> Result<ExitCode, Error> {
    let mut config = load_config(&args.config)?;
    if !args.select.is_empty() {
        config.select = Some(args.select.clone());
    }
    config.ignore.extend(args.ignore.iter().cloned());
    let known = config.known_codes();
    for name in args.select.iter().chain(&args.ignore) {
        let family = ["names", "words", "scrape", "typography", "unicode", "custom", "suppression", "all"]
            .contains(&name.as_str());
        if !family && !known.contains(name) {
            eprintln!("copydesk: unknown rule {name:?}; `copydesk rules` lists them");
            return Ok(ExitCode::from(2));
        }
    }
    // Never dropped: the process ends after the run, and freeing the compiled rules
    // (tens of thousands of allocations) would only delay the exit.
    let linter = std::mem::ManuallyDrop::new(Linter::from_config(&config)?);
    if let Some(path) = &args.jsonl {
        return check_jsonl(path, args, &linter);
    }
    let fail_at = args.deny.unwrap_or(Severity::Error);

    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in &args.paths {
        collect(path, &mut inputs, &mut errors);
    }
    let mut had_error = !errors.is_empty();
    errors.into_iter().for_each(report_error);
    let baseline_file = args.baseline.as_ref().or(args.write_baseline.as_ref());
    let base_dir = baseline_file.map(|p| p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new(".")));
    let mut baseline = match &args.baseline {
        Some(path) => {
            let source = std::fs::read_to_string(path).map_err(|e| Error::io(path, &e))?;
            Some((Baseline::parse(path, &source)?, source))
        }
        None => None,
    };
    let mut written = Baseline::new();
    let mut linted_keys = Vec::new();
    let mut results: Vec<(String, String, Vec<Diagnostic>)> = Vec::new();
    let mut fixes = FixReport::default();
    // Read, fix and lint on all cores; everything that depends on order (baseline,
    // output) happens afterwards, in input order.
    let lint_one = |input: &Input| -> Result<(String, Vec<Diagnostic>, FixReport), Error> {
        let mut local = FixReport::default();
        let text = read_input(input).and_then(|text| fix_input(args, &linter, input, text, &mut local))?;
        let kind = match input {
            Input::File(p) => InputKind::from_path(p),
            Input::Stdin => InputKind::Text,
        };
        let diagnostics = linter.check_as(&text, kind);
        Ok((text, diagnostics, local))
    };
    let linted: Vec<_> = if args.records.jobs == 1 {
        inputs.iter().map(lint_one).collect()
    } else {
        use rayon::prelude::*;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(args.records.jobs)
            .build()
            .map_err(|e| Error::io(Path::new("-"), &std::io::Error::other(e)))?;
        pool.install(|| inputs.par_iter().map(lint_one).collect())
    };
    for (input, outcome) in inputs.iter().zip(linted) {
        match outcome {
            Ok((text, mut diagnostics, local)) => {
                fixes.files += local.files;
                fixes.fixes += local.fixes;
                fixes.diff.push_str(&local.diff);
                if let Some(dir) = base_dir {
                    let key = baseline_key(input, dir);
                    if let Some((b, _)) = &mut baseline {
                        b.filter(&key, &text, &mut diagnostics);
                    }
                    if args.write_baseline.is_some() {
                        written.add(&key, &text, &diagnostics);
                    }
                    linted_keys.push(key);
                }
                results.push((display(input), text, diagnostics));
            }
            Err(e) => {
                report_error(e);
                had_error = true;
            }
        }
    }
    if args.diff || args.fix {
        if let Some(code) = finish_fixes(args, &fixes, had_error) {
            return Ok(code);
        }
    }
    if let Some(path) = &args.write_baseline {
        std::fs::write(path, written.to_json()).map_err(|e| Error::io(path, &e))?;
        eprintln!("copydesk: recorded {} finding(s) in {}", written.entries().len(), path.display());
        return Ok(ExitCode::from(if had_error { 2 } else { 0 }));
    }
    if let (Some((b, source)), Some(severity), Some(path)) = (baseline, linter.unused_suppression(), &args.baseline) {
        let keys: Vec<&str> = linted_keys.iter().map(String::as_str).collect();
        let ran: Vec<&str> = linter.rules().map(|m| m.code.as_ref()).collect();
        let unused = b.unused(&keys, &ran, severity);
        if !unused.is_empty() {
            results.push((path.display().to_string(), source, unused));
        }
    }
    let reports: Vec<FileReport<'_>> =
        results.iter().map(|(path, source, diagnostics)| FileReport { path, source, diagnostics }).collect();
    let mut out = String::new();
    match args.format {
        Format::Json => {
            out = render::json::render(&reports);
            out.push('\n');
        }
        Format::Compact => reports.iter().for_each(|r| render::compact::render(r, &mut out)),
        Format::Sarif => {
            out = render::sarif::render(&reports, linter.rules());
            out.push('\n');
        }
        Format::Github => reports.iter().for_each(|r| render::github::render(r, &mut out)),
        Format::Human => {
            let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal();
            let width = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).unwrap_or(100);
            let handler = render::human::handler(color, width);
            for r in &reports {
                render::human::render(r, &handler, &mut out);
            }
            out.push_str(&summary(&results));
        }
    }
    if args.stats {
        let stats = render::stats::render(&reports);
        if args.format == Format::Human {
            out.push_str(&stats);
        } else {
            eprint!("{stats}");
        }
    }
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("copydesk: cannot write output: {e}");
            return Ok(ExitCode::from(2));
        }
    }
    if had_error {
        return Ok(ExitCode::from(2));
    }
    let failing = results.iter().flat_map(|(_, _, d)| d).any(|d| d.severity >= fail_at);
    Ok(if failing { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn summary(results: &[(String, String, Vec<Diagnostic>)]) -> String {
    let count = |s: Severity| results.iter().flat_map(|(_, _, d)| d).filter(|d| d.severity == s).count();
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}, {} in {}\n",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Info), "info finding"),
        plural(results.len(), "file"),
    )
}

enum Input {
    Stdin,
    File(PathBuf),
}

fn display(input: &Input) -> String {
    match input {
        Input::Stdin => "-".to_owned(),
        Input::File(p) => p.display().to_string(),
    }
}

/// Expands `path` into inputs: directories recursively (sorted; .txt and .md files).
/// Unreadable entries are collected in `errors` and the walk goes on.
fn collect(path: &Path, out: &mut Vec<Input>, errors: &mut Vec<Error>) {
    if path.as_os_str() == "-" {
        out.push(Input::Stdin);
        return;
    }
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return errors.push(Error::io(path, &e)),
    };
    if !meta.is_dir() {
        out.push(Input::File(path.to_path_buf()));
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(rd) => rd,
        Err(e) => return errors.push(Error::io(path, &e)),
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect(&entry, out, errors);
        } else if entry.extension().is_some_and(|x| x == "txt" || x == "md" || x == "markdown") {
            out.push(Input::File(entry));
        }
    }
}

/// The key of `input` in a baseline: its path relative to the baseline file's folder
/// `dir` (with `/` separators, `..` where needed), so a baseline written and read from
/// different working directories matches; the path as given when it cannot be resolved.
fn baseline_key(input: &Input, dir: &Path) -> String {
    let Input::File(path) = input else { return "-".to_owned() };
    let join = |parts: Vec<String>| parts.join("/");
    let (Ok(file), Ok(dir)) = (std::fs::canonicalize(path), std::fs::canonicalize(dir)) else {
        return join(path.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect());
    };
    let (f, d): (Vec<_>, Vec<_>) = (file.components().collect(), dir.components().collect());
    let common = f.iter().zip(&d).take_while(|(a, b)| a == b).count();
    let up = std::iter::repeat_n("..".to_owned(), d.len() - common);
    join(up.chain(f[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned())).collect())
}

fn read_input(input: &Input) -> Result<String, Error> {
    let (bytes, path) = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map_err(|e| Error::io(Path::new("-"), &e))?;
            (buf, Path::new("-"))
        }
        Input::File(p) => (std::fs::read(p).map_err(|e| Error::io(p, &e))?, p.as_path()),
    };
    copydesk::decode(&bytes).map(str::to_owned).map_err(|e| e.in_file(path))
}

fn rules(args: &ConfigArgs) -> Result<ExitCode, Error> {
    let config = load_config(args)?;
    let mut all = Config { select: None, ignore: Vec::new(), ..config };
    all.severity.clear();
    let linter = Linter::from_config(&all)?;
    let out = copydesk::render::table::plain(linter.rules());
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

fn explain(rule: &str, args: &ConfigArgs) -> Result<ExitCode, Error> {
    let config = load_config(args)?;
    let all = Config { select: None, ignore: Vec::new(), ..config };
    let linter = Linter::from_config(&all)?;
    let Some(meta) = linter.rules().find(|m| m.code == rule) else {
        eprintln!("copydesk: unknown rule {rule:?}; `copydesk rules` lists them");
        return Ok(ExitCode::from(2));
    };
    println!("# {}\n", meta.code);
    println!("family: {} · default severity: {}\n", meta.family.as_str(), meta.default_severity);
    println!("{}", copydesk::rule::clean_docs(&meta.docs));
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args)]
struct NormalizeArgs {
    /// The file to normalise, or `-` for standard input.
    #[arg(default_value = "-", value_name = "FILE")]
    file: PathBuf,
    /// Read FILE as JSON Lines and write each record back with its text field normalised.
    #[arg(long, conflicts_with = "explain")]
    jsonl: bool,
    #[command(flatten)]
    records: RecordArgs,
    /// List each change (step, original span, before → after) instead of printing the
    /// text.
    #[arg(long)]
    explain: bool,
    /// Keep HTML character references (`&amp;`, `&#8217;`).
    #[arg(long)]
    no_entities: bool,
    /// Do not repair mojibake.
    #[arg(long)]
    no_mojibake: bool,
    /// Keep line endings as they are.
    #[arg(long)]
    no_line_endings: bool,
    /// Keep invisible and control characters.
    #[arg(long)]
    no_invisible: bool,
    /// Keep no-break and fixed-width spaces.
    #[arg(long)]
    no_spaces: bool,
    /// Keep modifiers and combining marks that have no base.
    #[arg(long)]
    no_orphans: bool,
    /// Unicode normalisation form (`nfkc` also folds stylized letters).
    #[arg(long, value_enum, default_value_t = FormArg::Nfc)]
    form: FormArg,
    /// Collapse runs of spaces and blank lines.
    #[arg(long)]
    collapse_whitespace: bool,
    /// What to do with quotes and apostrophes.
    #[arg(long, value_enum, default_value_t = QuotesArg::Keep)]
    quotes: QuotesArg,
}

/// How JSON Lines records are read, and how many threads work on them.
#[derive(clap::Args)]
struct RecordArgs {
    /// The field of a JSON Lines record that holds the article text.
    #[arg(long, default_value = "text", value_name = "FIELD")]
    text_field: String,
    /// The field that names a record in the output (default: its line number).
    #[arg(long, value_name = "FIELD")]
    id_field: Option<String>,
    /// Worker threads for files and records (default: all cores; 1 = single-threaded).
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    jobs: usize,
}

impl RecordArgs {
    fn options(&self) -> copydesk::batch::JsonlOptions {
        copydesk::batch::JsonlOptions {
            text_field: self.text_field.clone(),
            id_field: self.id_field.clone(),
            jobs: self.jobs,
            ..copydesk::batch::JsonlOptions::default()
        }
    }
}

/// Opens `path` (or standard input for `-`) for buffered reading.
fn open_reader(path: &Path) -> Result<Box<dyn std::io::BufRead>, Error> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(std::io::BufReader::new(std::io::stdin().lock())));
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, &e))?;
    Ok(Box::new(std::io::BufReader::with_capacity(1 << 20, file)))
}

/// Reports a JSON Lines run's malformed records; exit code 2 when there were any.
fn finish_records(
    path: &Path,
    summary: &copydesk::batch::JsonlSummary,
    result: std::io::Result<()>,
) -> Option<ExitCode> {
    if let Err(e) = result {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("copydesk: {}: {e}", path.display());
            return Some(ExitCode::from(2));
        }
    }
    for (line, message) in &summary.errors {
        eprintln!("copydesk: {}:{line}: {message}", path.display());
    }
    if summary.malformed > summary.errors.len() {
        eprintln!("copydesk: … {} malformed records in all", summary.malformed);
    }
    (summary.malformed > 0).then(|| ExitCode::from(2))
}

fn check_jsonl(path: &Path, args: &CheckArgs, linter: &Linter) -> Result<ExitCode, Error> {
    let input = open_reader(path)?;
    let stdout = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    let result = copydesk::batch::check_jsonl(linter, input, stdout, &args.records.options());
    let summary = result.as_ref().cloned().unwrap_or_default();
    if let Some(code) = finish_records(path, &summary, result.map(|_| ())) {
        return Ok(code);
    }
    let fail_at = args.deny.unwrap_or(Severity::Error);
    Ok(if summary.max_severity.is_some_and(|s| s >= fail_at) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormArg {
    /// Leave the form as it is.
    None,
    /// Canonical composition.
    Nfc,
    /// Compatibility composition.
    Nfkc,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum QuotesArg {
    /// Leave quotes as they are.
    Keep,
    /// Curl straight quotes.
    Curl,
    /// Straighten curly quotes.
    Straighten,
}

fn normalize(args: &NormalizeArgs) -> Result<ExitCode, Error> {
    use copydesk::normalize::{Form, NormalizeOptions, Quotes};
    let mut opts = NormalizeOptions::default();
    opts.html_entities = !args.no_entities;
    opts.mojibake = !args.no_mojibake;
    opts.line_endings = !args.no_line_endings;
    opts.invisible = !args.no_invisible;
    opts.spaces = !args.no_spaces;
    opts.orphans = !args.no_orphans;
    opts.collapse_whitespace = args.collapse_whitespace;
    opts.form = match args.form {
        FormArg::None => Form::None,
        FormArg::Nfc => Form::Nfc,
        FormArg::Nfkc => Form::Nfkc,
    };
    opts.quotes = match args.quotes {
        QuotesArg::Keep => Quotes::Keep,
        QuotesArg::Curl => Quotes::Curl,
        QuotesArg::Straighten => Quotes::Straighten,
    };
    if args.jsonl {
        let input = open_reader(&args.file)?;
        let stdout = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
        let result = copydesk::batch::normalize_jsonl(input, stdout, &args.records.options(), &opts);
        let summary = result.as_ref().cloned().unwrap_or_default();
        return Ok(finish_records(&args.file, &summary, result.map(|_| ())).unwrap_or(ExitCode::SUCCESS));
    }
    let input = if args.file.as_os_str() == "-" { Input::Stdin } else { Input::File(args.file.clone()) };
    let text = read_input(&input)?;
    let normalized = copydesk::normalize(&text, &opts);
    let out = if args.explain {
        let mut loc = copydesk::render::Locator::new(&text);
        let mut out = String::new();
        for c in normalized.changes() {
            let (line, col) = loc.locate(c.original.start);
            out.push_str(&format!(
                "{line}:{col} {} {}..{} {:?} → {:?}\n",
                c.step.as_str(),
                c.original.start,
                c.original.end,
                c.before,
                c.after
            ));
        }
        out
    } else {
        normalized.text().to_owned()
    };
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("copydesk: cannot write output: {e}");
            return Ok(ExitCode::from(2));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What `check --fix` / `--diff` did across the files.
#[derive(Default)]
struct FixReport {
    files: usize,
    fixes: usize,
    diff: String,
}

/// With `--fix` or `--diff`, applies the `auto` fixes to `text`: writes the file (for
/// `--fix`) or records its diff (for `--diff`); returns the text to lint.
fn fix_input(
    args: &CheckArgs,
    linter: &Linter,
    input: &Input,
    text: String,
    report: &mut FixReport,
) -> Result<String, Error> {
    if !args.fix && !args.diff {
        return Ok(text);
    }
    let kind = match input {
        Input::File(p) => InputKind::from_path(p),
        Input::Stdin => InputKind::Text,
    };
    let Some(fixed) = copydesk::fix::fix_as(linter, &text, kind) else { return Ok(text) };
    let name = display(input);
    if args.diff {
        let diff = similar::TextDiff::from_lines(&text, &fixed.text);
        report.diff.push_str(&diff.unified_diff().context_radius(3).header(&name, &name).to_string());
    } else {
        let Input::File(path) = input else {
            let why = "--fix writes files in place; for standard input use --diff or `copydesk normalize`";
            return Err(Error::io(Path::new("-"), &std::io::Error::new(std::io::ErrorKind::InvalidInput, why)));
        };
        write_atomically(path, &fixed.text)?;
    }
    report.files += 1;
    report.fixes += fixed.applied;
    Ok(fixed.text)
}

/// Prints the outcome of `--fix` / `--diff`; returns the exit code when nothing more is
/// to be reported (`--diff`).
fn finish_fixes(args: &CheckArgs, report: &FixReport, had_error: bool) -> Option<ExitCode> {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "es" });
    let files = |n: usize| format!("{n} file{}", if n == 1 { "" } else { "s" });
    if args.diff {
        let mut stdout = std::io::stdout().lock();
        let _ = stdout.write_all(report.diff.as_bytes()).and_then(|()| stdout.flush());
        eprintln!("copydesk: {} would be applied to {}", plural(report.fixes, "fix"), files(report.files));
        return Some(if had_error {
            ExitCode::from(2)
        } else if report.files > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    eprintln!("copydesk: applied {} to {}", plural(report.fixes, "fix"), files(report.files));
    None
}

/// Replaces `path` with `text` atomically: a temporary file in the same directory,
/// given the original's permissions, then renamed over it.
fn write_atomically(path: &Path, text: &str) -> Result<(), Error> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let perms = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?.permissions();
    let mut attempt = 0u32;
    let (tmp, mut file) = loop {
        let tmp = dir.join(format!(".{name}.copydesk-{}-{attempt}.tmp", std::process::id()));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(Error::io(&tmp, &e)),
        }
    };
    let result = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::set_permissions(&tmp, perms))
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, &e));
    }
    Ok(())
}
