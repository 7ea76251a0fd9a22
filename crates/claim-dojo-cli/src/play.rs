//! `claim-dojo play SCENARIO`: a session without the app, driven by a script, a
//! list of choices, a simulated trainee or a recorded result.

use std::sync::Arc;

use claim_dojo_core::load::load_file;
use claim_dojo_core::play::{self, Policy};
use claim_dojo_core::report::{self, Report};
use claim_dojo_core::span::LineIndex;
use claim_dojo_core::{Diagnostic, Lang, i18n};

use super::{Format, Io, PlayArgs, print_diagnostics, scenario_path};

fn read(path: &std::path::Path) -> Result<String, Diagnostic> {
    std::fs::read_to_string(path)
        .map_err(|e| claim_dojo_core::load::io_error(&path.display().to_string(), &e))
}

pub fn run(args: &PlayArgs, lang: Lang, io: &mut Io) -> u8 {
    let mut fail = |diags: &[Diagnostic]| {
        print_diagnostics(diags, args.format, lang, io.err);
        1
    };
    let loaded = load_file(&scenario_path(&args.scenario));
    let Some(scenario) = loaded.scenario else {
        return fail(&loaded.diagnostics);
    };
    let scenario = Arc::new(scenario);
    let t = &args.trainee;
    let mut expect = None;
    let (session, refused) = if let Some(path) = &t.script {
        let src = match read(path) {
            Ok(s) => s,
            Err(d) => return fail(&[d]),
        };
        let file = path.display().to_string();
        let script = match play::parse_script(&file, &src) {
            Ok(s) => s,
            Err(d) => return fail(&d),
        };
        if let Some(id) = &script.scenario
            && *id != scenario.id
        {
            let d = Diagnostic::new(claim_dojo_core::Code::ScenarioMismatch, Default::default())
                .arg("found", id)
                .arg("expected", &scenario.id);
            return fail(&[d.locate(&file, &src, &LineIndex::new(&src))]);
        }
        expect = script.expect.clone();
        let mut s = play::session(&scenario, args.seed.or(script.seed).unwrap_or(1));
        let r = play::run_script(&mut s, &script)
            .err()
            .map(|r| r.diagnostic().locate(&file, &src, &LineIndex::new(&src)));
        (s, r)
    } else if let Some(choices) = &t.choices {
        let mut s = play::session(&scenario, args.seed.unwrap_or(1));
        let r = play::run_choices(&mut s, choices).err().map(|r| {
            let mut d = r.diagnostic();
            d.file = format!("--choices #{}", r.index + 1);
            d
        });
        (s, r)
    } else if let Some(policy) = t.policy.as_deref().and_then(Policy::parse) {
        let seed = args.seed.unwrap_or(1);
        let mut s = play::session(&scenario, seed);
        play::policy::run(&mut s, policy, seed);
        (s, None)
    } else if let Some(path) = &t.replay {
        let src = match read(path) {
            Ok(s) => s,
            Err(d) => return fail(&[d]),
        };
        let file = path.display().to_string();
        let rec = match play::parse_recording(&file, &src) {
            Ok(r) => r,
            Err(d) => return fail(&[d]),
        };
        if rec.scenario != scenario.id {
            let mut d =
                Diagnostic::new(claim_dojo_core::Code::ScenarioMismatch, Default::default())
                    .arg("found", &rec.scenario)
                    .arg("expected", &scenario.id);
            d.file = file;
            d.line = 1;
            d.column = 1;
            return fail(&[d]);
        }
        let mut s = play::session(&scenario, rec.seed);
        let r = play::run_recording(&mut s, &rec).err().map(|r| {
            let mut d = r.diagnostic();
            d.file = format!("{file} actions[{}]", r.index);
            d
        });
        (s, r)
    } else {
        unreachable!("clap requires exactly one trainee")
    };
    if let Some(d) = refused {
        return fail(&[d]);
    }
    let mut session = session;
    let card = session.finish();
    let report = Report::build(&session, &card);
    match args.format {
        Format::Json => writeln!(io.out, "{}", report.to_json()),
        Format::Human => write!(io.out, "{}", report::human(&report, lang)),
    }
    .ok();
    if let Some(e) = expect {
        let unmet = play::unmet(&card, &e);
        for u in &unmet {
            let _ = writeln!(
                io.err,
                "{}",
                i18n::message(lang, "cli-play-unmet", &vec![("what", u.as_str())])
            );
        }
        if !unmet.is_empty() {
            return 1;
        }
    }
    0
}
