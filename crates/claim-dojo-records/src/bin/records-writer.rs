//! A process that only saves sessions, for the durability tests (a SIGKILL at
//! random moments, a file-size limit): `records-writer DB SCENARIO FIRST_SEED
//! [COUNT]` plays calls of SCENARIO with a simulated trainee from FIRST_SEED on
//! and saves each to DB, printing `saved UID` once each save has returned, and
//! `failed CODE` (then exiting 3) when a save fails. Not for people.

use std::io::Write;
use std::sync::Arc;

use claim_dojo_core::play::{self, Policy};
use claim_dojo_core::report::Report;
use claim_dojo_records::{NewSession, Source, Store};

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        eprintln!("usage: records-writer DB SCENARIO FIRST_SEED [COUNT]");
        return 2.into();
    }
    let Some(scenario) = claim_dojo_core::load_file(std::path::Path::new(&args[2])).scenario else {
        eprintln!("{}: not a scenario", args[2]);
        return 2.into();
    };
    let scenario = Arc::new(scenario);
    let first: u64 = args[3].parse().unwrap_or(1);
    let count: u64 = args.get(4).and_then(|c| c.parse().ok()).unwrap_or(u64::MAX);
    let store = match Store::open(std::path::Path::new(&args[1])) {
        Ok(o) => o.store,
        Err(e) => {
            println!("failed {}", e.code.as_str());
            eprintln!("{e}");
            return 3.into();
        }
    };
    let trainee = match store.trainee("kill-loop") {
        Ok(t) => t,
        Err(e) => {
            println!("failed {}", e.code.as_str());
            return 3.into();
        }
    };
    let mut out = std::io::stdout().lock();
    for seed in first..first.saturating_add(count) {
        let mut s = play::session(&scenario, seed);
        play::policy::run(&mut s, Policy::Plausible, seed);
        let card = s.finish();
        let json = Report::build(&s, &card).to_json();
        let now = jiff::Timestamp::now();
        let new = NewSession {
            trainee: trainee.id,
            report_json: &json,
            scenario_hash: None,
            started_at: now,
            ended_at: now,
            what_if: None,
            source: Source::App,
        };
        match store.save_session(&new) {
            Ok(_) => {
                let _ = writeln!(out, "saved {}", new.uid());
                let _ = out.flush();
            }
            Err(e) => {
                let _ = writeln!(out, "failed {}", e.code.as_str());
                let _ = out.flush();
                eprintln!("{e}");
                return 3.into();
            }
        }
    }
    0.into()
}
