//! The command line of `claim-dojo`: parsing, and the headless commands
//! (`validate`, `play`, `analyze`, `graph`, `new`, `voice`, and `history` and
//! `export` of the trainees' records). No Bevy: the binary at the
//! workspace root opens the app when no command is given and hands everything
//! else to [`dispatch`]. Every command maps its result to an exit code: 0 done,
//! 1 problems found, 2 bad usage. Output goes through [`Io`] so tests can run
//! commands in-process.

mod analyze;
mod export;
mod export_sheet;
mod graph;
mod history;
mod import;
mod new;
mod play;
mod records;
mod report;
pub mod sheet;
mod validate;
mod voice;

use std::io::Write;
use std::path::PathBuf;

use claim_dojo_core::{Lang, i18n};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(name = "claim-dojo", version, about)]
pub struct Cli {
    /// Language of messages: ja or en (default: the system's, else ja).
    #[arg(long, global = true, value_parser = ["ja", "en"])]
    pub lang: Option<String>,
    /// The app only: the folder of scenarios to open (default: scenarios/).
    #[arg(long, value_name = "DIR")]
    pub scenarios: Option<PathBuf>,
    /// The app only: the folder of JSON results from versions before the
    /// records file, imported into it once.
    #[arg(long, value_name = "DIR")]
    pub results: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check scenario files and report every mistake.
    Validate {
        /// Files or directories (default: scenarios/).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Play a scenario without the app and print the session report.
    Play(PlayArgs),
    /// Analyse a scenario: endings, best and worst paths, difficulty.
    Analyze {
        /// A scenario file, or the id of a scenario in scenarios/.
        scenario: PathBuf,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Simulated trainees of each kind for the difficulty estimate.
        #[arg(long, default_value_t = 1000)]
        trainees: usize,
        /// Seed of the simulated trainees (and of every explored path).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Choices the path search may simulate before it stops (default
        /// 200000, or 2000000 with --exhaustive).
        #[arg(long)]
        budget: Option<usize>,
        /// Seeds each degenerate policy of the gaming check plays.
        #[arg(long, default_value_t = claim_dojo_core::analyze::gaming::GAMING_SEEDS)]
        gaming_seeds: usize,
        /// Explore every distinct state and count rules and flags over those
        /// paths (slower; the default finds the same best, worst and endings).
        #[arg(long)]
        exhaustive: bool,
    },
    /// Draw a scenario as a graph (DOT or Mermaid).
    Graph {
        scenario: PathBuf,
        #[arg(long, value_enum, default_value = "dot")]
        format: GraphFormat,
        /// Draw from this node instead of the start (for large files).
        #[arg(long, value_name = "NODE")]
        from: Option<String>,
        /// Draw only nodes at most this many choices away.
        #[arg(long, value_name = "N")]
        depth: Option<usize>,
    },
    /// Turn a spreadsheet (CSV, one row per choice) into a scenario file.
    Import {
        /// The CSV file, UTF-8 or Shift_JIS as Excel saves it.
        sheet: PathBuf,
        /// Where to write the scenario (default: scenarios/ID.ron).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Write a scenario as a spreadsheet (CSV, one row per choice).
    ExportSheet {
        /// A scenario file, or the id of a scenario in scenarios/.
        scenario: PathBuf,
        /// Where to write the sheet (default: ID.csv).
        #[arg(long)]
        out: Option<PathBuf>,
        /// utf-8 (with the mark Excel looks for) or shift_jis.
        #[arg(long, value_enum, default_value = "utf-8")]
        encoding: sheet::Encoding,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Write a new scenario skeleton that validates clean.
    New {
        /// The new scenario's id (lowercase letters, digits, - and _).
        id: String,
        #[arg(long, value_enum, default_value = "primary")]
        role: RoleArg,
        /// Where to write it (default: scenarios/ID.ron).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// The trainees' progress: attempts, trend, rules broken, the next call.
    History {
        /// Only this trainee (default: everyone).
        #[arg(long)]
        trainee: Option<String>,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// The records file (default: CLAIM_DOJO_RECORDS, else the user's data folder).
        #[arg(long, value_name = "FILE")]
        records: Option<PathBuf>,
        /// The scenarios the next call is chosen from.
        #[arg(long, value_name = "DIR", default_value = "scenarios")]
        scenarios: PathBuf,
    },
    /// Every session, one line or row each, for trainers and spreadsheets.
    Export {
        /// Only this trainee (default: everyone).
        #[arg(long)]
        trainee: Option<String>,
        #[arg(long, value_enum)]
        format: export::ExportFormat,
        /// Write to this file (atomically) instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// The records file (default: CLAIM_DOJO_RECORDS, else the user's data folder).
        #[arg(long, value_name = "FILE", conflicts_with = "results")]
        records: Option<PathBuf>,
        /// A folder of session reports (`.json`) instead of the records file.
        #[arg(long, value_name = "DIR")]
        results: Option<PathBuf>,
    },
    /// Write every customer line of a scenario to a WAV file named by node.
    Voice(VoiceArgs),
    /// The whole class's report: one self-contained HTML file.
    Report {
        /// Records files to read (one or more).
        #[arg(long = "db", value_name = "FILE", num_args = 1..)]
        db: Vec<PathBuf>,
        /// A folder of session reports (`.json`).
        #[arg(long, value_name = "DIR")]
        results: Option<PathBuf>,
        /// An LRS's xAPI endpoint (key and secret from CLAIM_DOJO_LRS_KEY/SECRET).
        #[arg(long, value_name = "URL")]
        lrs: Option<String>,
        /// The HTML file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

#[derive(Args, Debug)]
pub struct VoiceArgs {
    /// A scenario file, or the id of a scenario in scenarios/.
    pub scenario: PathBuf,
    /// The folder to write the WAV files to.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// The customer's anger, 0–100 (default: the persona's at the start).
    #[arg(long)]
    pub anger: Option<f64>,
    /// The cache of synthesised lines (default: the user's cache folder, or CLAIM_DOJO_CACHE).
    #[arg(long, value_name = "DIR")]
    pub cache: Option<PathBuf>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Dot,
    Mermaid,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    Primary,
    Secondary,
}

#[derive(Args, Debug)]
#[group(required = true, multiple = false, id = "trainee")]
pub struct TraineeArgs {
    /// A RON file of timed actions.
    #[arg(long)]
    pub script: Option<PathBuf>,
    /// Choice ids, each said one second after the customer stops speaking.
    #[arg(long, value_delimiter = ',')]
    pub choices: Option<Vec<String>>,
    /// A simulated trainee: random or plausible; or a degenerate one for the
    /// gaming check: first, last, longest, shortest, silent, instant.
    #[arg(long, value_parser = ["first", "last", "longest", "shortest", "silent", "instant", "random", "plausible"])]
    pub policy: Option<String>,
    /// A result JSON file to replay exactly.
    #[arg(long)]
    pub replay: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct PlayArgs {
    /// A scenario file, or the id of a scenario in scenarios/.
    pub scenario: PathBuf,
    /// Seed of the session's randomness (default: the script's, else 1).
    #[arg(long)]
    pub seed: Option<u64>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    #[command(flatten)]
    pub trainee: TraineeArgs,
}

/// The language to speak: `--lang`, else the system locale, else Japanese.
pub fn pick_lang(flag: Option<&str>) -> Lang {
    flag.and_then(Lang::parse)
        .or_else(|| {
            std::env::var("LC_ALL")
                .ok()
                .as_deref()
                .and_then(Lang::parse)
        })
        .or_else(|| std::env::var("LANG").ok().as_deref().and_then(Lang::parse))
        .or_else(|| sys_locale::get_locale().as_deref().and_then(Lang::parse))
        .unwrap_or(Lang::Ja)
}

/// `--lang` read before clap runs, so that help itself can be in that language.
fn lang_from(args: &[String]) -> Option<String> {
    args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .map(str::to_string)
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).cloned()).flatten())
    })
}

/// clap's help, with every about text taken from `cli.ftl` in the reader's language.
fn localized_command(lang: Lang) -> clap::Command {
    let tr = |id: &str| i18n::message(lang, id, &vec![]);
    let mut cmd = Cli::command().about(tr("cli-about"));
    for name in [
        "validate",
        "play",
        "analyze",
        "graph",
        "new",
        "import",
        "export-sheet",
        "voice",
        "history",
        "export",
        "report",
    ] {
        let about = tr(&format!("cli-{name}-about"));
        if cmd.find_subcommand(name).is_some() {
            cmd = cmd.mut_subcommand(name, |c| c.about(about));
        }
    }
    cmd
}

/// Where a command writes: its result to `out`, diagnostics to `err`.
pub struct Io<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

/// How the app was asked to open.
#[derive(Debug, Clone, PartialEq)]
pub struct AppLaunch {
    /// `--lang`, else the system's language, else Japanese.
    pub lang: Lang,
    /// Whether `--lang` was given: it then wins over the language saved in the
    /// trainee's settings.
    pub lang_given: bool,
    pub scenarios: Option<PathBuf>,
    pub results: Option<PathBuf>,
}

/// What the binary should do after parsing.
pub enum Dispatch {
    /// No command: open the app.
    App(AppLaunch),
    /// A command ran (or parsing failed); exit with this code.
    Exit(u8),
}

/// Parses `args` (with the program name first) and runs the command, if any.
pub fn dispatch(args: Vec<String>, io: &mut Io) -> Dispatch {
    let lang = pick_lang(lang_from(&args).as_deref());
    let matches = match localized_command(lang).try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let text = e.render().to_string();
            let _ = if e.use_stderr() {
                write!(io.err, "{text}")
            } else {
                write!(io.out, "{text}")
            };
            return Dispatch::Exit(code);
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => {
            let _ = write!(io.err, "{e}");
            return Dispatch::Exit(2);
        }
    };
    let lang = pick_lang(cli.lang.as_deref());
    if cli.command.is_some() && (cli.scenarios.is_some() || cli.results.is_some()) {
        let _ = writeln!(io.err, "{}", i18n::message(lang, "cli-app-only", &vec![]));
        return Dispatch::Exit(2);
    }
    match cli.command {
        None => Dispatch::App(AppLaunch {
            lang,
            lang_given: cli.lang.is_some(),
            scenarios: cli.scenarios,
            results: cli.results,
        }),
        Some(Command::Validate { paths, format }) => {
            Dispatch::Exit(validate::run(&paths, format, lang, io))
        }
        Some(Command::Play(args)) => Dispatch::Exit(play::run(&args, lang, io)),
        Some(Command::Analyze {
            scenario,
            format,
            trainees,
            seed,
            budget,
            gaming_seeds,
            exhaustive,
        }) => Dispatch::Exit(analyze::run(
            &scenario,
            format,
            analyze::Sizes {
                trainees,
                seed,
                budget: budget.unwrap_or(if exhaustive {
                    claim_dojo_core::analyze::EXHAUSTIVE_STEP_BUDGET
                } else {
                    claim_dojo_core::analyze::DEFAULT_STEP_BUDGET
                }),
                gaming_seeds,
                exhaustive,
            },
            lang,
            io,
        )),
        Some(Command::Graph {
            scenario,
            format,
            from,
            depth,
        }) => Dispatch::Exit(graph::run(
            &scenario,
            format,
            &claim_dojo_core::graph::Options { from, depth },
            lang,
            io,
        )),
        Some(Command::Import {
            sheet,
            out,
            force,
            format,
        }) => Dispatch::Exit(import::run(&sheet, out, force, format, lang, io)),
        Some(Command::ExportSheet {
            scenario,
            out,
            encoding,
            force,
        }) => Dispatch::Exit(export_sheet::run(&scenario, out, encoding, force, lang, io)),
        Some(Command::New {
            id,
            role,
            out,
            force,
        }) => Dispatch::Exit(new::run(&id, role, out, force, lang, io)),
        Some(Command::Voice(args)) => Dispatch::Exit(voice::run(&args, lang, io)),
        Some(Command::History {
            trainee,
            format,
            records,
            scenarios,
        }) => Dispatch::Exit(history::run(
            records.as_deref(),
            trainee.as_deref(),
            &scenarios,
            format,
            lang,
            io,
        )),
        Some(Command::Report {
            db,
            results,
            lrs,
            out,
        }) => Dispatch::Exit(report::run(
            report::Sources {
                db: &db,
                results: results.as_deref(),
                lrs: lrs.as_deref(),
            },
            &out,
            lang,
            io,
        )),
        Some(Command::Export {
            trainee,
            format,
            out,
            records,
            results,
        }) => Dispatch::Exit(export::run(
            records.as_deref(),
            results.as_deref(),
            trainee.as_deref(),
            format,
            out.as_deref(),
            lang,
            io,
        )),
    }
}

/// [`dispatch`] on the process's own arguments, standard output and error.
pub fn dispatch_env() -> Dispatch {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    dispatch(
        std::env::args().collect(),
        &mut Io {
            out: &mut out,
            err: &mut err,
        },
    )
}

/// Prints diagnostics to standard error, in the chosen form.
pub(crate) fn print_diagnostics(
    diags: &[claim_dojo_core::Diagnostic],
    format: Format,
    lang: Lang,
    w: &mut dyn Write,
) {
    use claim_dojo_core::diagnostic::render;
    let _ = match format {
        Format::Human => write!(w, "{}", render::human_all(diags, lang)),
        Format::Json => {
            let v: Vec<_> = diags.iter().map(|d| render::json_value(d, lang)).collect();
            writeln!(
                w,
                "{}",
                serde_json::to_string_pretty(&v).unwrap_or_default()
            )
        }
    };
}

/// Loads the scenario a command names, or prints why it cannot be used.
pub(crate) fn load_scenario(
    arg: &std::path::Path,
    format: Format,
    lang: Lang,
    io: &mut Io,
) -> Option<std::sync::Arc<claim_dojo_core::Scenario>> {
    let loaded = claim_dojo_core::load_file(&scenario_path(arg));
    match loaded.scenario {
        Some(s) => Some(std::sync::Arc::new(s)),
        None => {
            print_diagnostics(&loaded.diagnostics, format, lang, io.err);
            None
        }
    }
}

/// The scenario a command names: a path, or an id looked up in `scenarios/`.
pub(crate) fn scenario_path(arg: &std::path::Path) -> PathBuf {
    if arg.exists() || arg.extension().is_some() {
        return arg.to_path_buf();
    }
    PathBuf::from("scenarios").join(arg).with_extension("ron")
}

/// Writes a file a command made, never over an existing one unless `force`;
/// says what was written (`written` builds the sentence from the path shown).
pub(crate) fn write_new(
    path: &std::path::Path,
    bytes: &[u8],
    force: bool,
    lang: Lang,
    io: &mut Io,
    written: impl FnOnce(&str) -> String,
) -> u8 {
    let shown = path.display().to_string();
    let say = |key: &str, args: &[(&str, &str)]| i18n::message(lang, key, &args.to_vec());
    if path.exists() && !force {
        let _ = writeln!(io.err, "{}", say("cli-file-exists", &[("path", &shown)]));
        return 1;
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(dir);
    }
    match std::fs::write(path, bytes) {
        Ok(()) => {
            let _ = writeln!(io.out, "{}", written(&shown));
            0
        }
        Err(e) => {
            let reason = e.to_string();
            let _ = writeln!(
                io.err,
                "{}",
                say("cli-new-failed", &[("path", &shown), ("reason", &reason)])
            );
            1
        }
    }
}
