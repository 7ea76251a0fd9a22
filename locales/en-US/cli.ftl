# The command line's own words.

cli-about = Claim Dojo: practise complaint calls on scripted angry customers.
cli-validate-about = Check scenario files and report every mistake.
cli-play-about = Play a scenario without the app and print the session report.
cli-analyze-about = Analyse a scenario: endings, best and worst paths, difficulty.
cli-graph-about = Draw a scenario as a graph (DOT or Mermaid).
cli-new-about = Write a new scenario skeleton with no errors (its placeholders are warned about).
cli-validate-summary = { $files } { $files ->
        [one] file
       *[other] files
    } checked: { $errors } { $errors ->
        [one] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }
cli-app-only = --scenarios and --results are for the app: give them without a command (`claim-dojo --scenarios DIR`).
cli-play-unmet = expectation not met: { $what }

analyze-header = Scenario { $scenario }: { $nodes } nodes, { $choices } choices, paths in the graph: { $paths }
analyze-paths-cyclic = unbounded (the graph has cycles)
analyze-endings = Reachable endings
analyze-exhaustive = Search: exhaustive — { $paths } paths, { $steps } choices simulated, { $merged } repeated states skipped.
analyze-bounded = Search: bounded — stopped at the budget of { $budget } choices after { $paths } paths ({ $merged } repeated states skipped); more paths exist.
analyze-pruned = Search: complete — { $paths } paths played, { $steps } choices simulated; { $pruned } states from which nothing below could change and { $merged } repeated states skipped. The best, worst and passing paths, the endings and the nodes reached are those of every path (`--exhaustive` plays them all).
analyze-rules-simulated = Rules over { $calls } simulated calls (random and plausible trainees; * = listed in the scenario)
analyze-rule-line-simulated = kept in { $kept } of { $calls } calls, broken in { $broken }
analyze-flags-simulated = Flags over { $calls } simulated calls (what the call remembers)
analyze-flag-line-simulated = set in { $set } of { $paths } calls
analyze-best = Best path
analyze-worst = Worst path
analyze-passing = Best path passing the 3-minute check
analyze-no-passing = No path passes the 3-minute check and keeps the call (no hang-up, no secondary complaint).
analyze-passes = passes the 3-minute check (calm { $into } into the 3 minutes, call time { $calm })
analyze-passes-then-lost = calm { $into } into the 3 minutes (call time { $calm }), but the call was lost later: not a passing path
analyze-fails = fails the 3-minute check
analyze-kept = kept
analyze-broken = broken
analyze-rules = Rules over every distinct path (* = listed in the scenario)
analyze-rule-line = kept on { $kept } paths, broken on { $broken }
analyze-flags = Flags over every distinct path (what the call remembers)
analyze-flag-line = set on { $set } of { $paths } paths
analyze-unexercised = Listed but exercised by no path played and no simulated call: { $rules }
analyze-unreached = Reached by no path that answers promptly: { $nodes } (only a customer kept waiting or interrupted, and so angrier, gets there; or nobody does)
analyze-difficulty = Difficulty, by simulation ({ $sessions } sessions each, seed { $seed }):
analyze-random = random trainees: { $pass }% pass the 3-minute check, mean score { $score }
analyze-plausible = plausible (nervous) trainees: { $pass }% pass the 3-minute check, mean score { $score }

cli-new-bad-id = `{ $id }` is not a valid scenario id: use lowercase letters, digits, - and _ (at most 64).
cli-file-exists = { $path } already exists; choose another name or add --force to overwrite it.
cli-new-written = Wrote { $path }. claim-dojo validate { $path } lists the placeholders to fill in (warning W014).
cli-new-failed = Could not write { $path }: { $reason }

# Edge labels of `graph` for a choice's anger branches.
graph-if-angry = anger ≥ { $at_least }
graph-if-calm = if calm
# What a choice remembers (`sets`) and needs (`if_set`, `unless_set`).
graph-sets = sets { $flags }
graph-if-set = if { $flags }
graph-unless-set = unless { $flags }

# The gaming check of `analyze`.
analyze-gaming = Gaming check ({ $seeds } seeds per policy; best path { $best }):
analyze-gaming-line = mean { $mean }, max { $max }, passed the 3-minute check { $passed }/{ $sessions }
analyze-gaming-lengths = on the best path the answer is the longest at { $longest }% and the shortest at { $shortest }% of its nodes
# Records (issue 13): the trainees' sessions in records.sqlite3, history and export.
cli-history-about = The trainees' progress: attempts, trend, rules broken, the next call to practise.
cli-export-about = Every session, one JSON line or CSV row each, for trainers and spreadsheets.
cli-records-missing = No records at { $path } yet: sessions are saved there when a call is finished in the app (or give --records FILE).
cli-trainee-unknown = No trainee called “{ $name }” in these records. Trainees: { $known }
cli-history-trainee = { $name }: { $sessions } { $sessions ->
    [one] session
   *[other] sessions
}
cli-history-scenarios = Attempts per scenario (✓ = passed)
cli-history-attempts = { $attempts } { $attempts ->
    [one] attempt
   *[other] attempts
}, best { $best }, last { $last } / { $max }
cli-history-trend = Latest scores (✓ = 3-minute pass): { $scores } — 3-minute passes lately: { $rate }%
cli-history-broken = Rules broken most often
cli-history-sessions = sessions { $ids }
cli-history-next = Next call: { $scenario } — { $why }
cli-history-why-broken = it exercises the rules you break most ({ $rules }), and you have not passed it yet
cli-history-why-new = you have not tried it yet, and it is the gentlest such call
cli-history-why-not-passed = you have not passed it yet ({ $attempts } { $attempts ->
    [one] attempt
   *[other] attempts
})
records-s001 = Cannot open or create the records file { $path }: { $detail }
records-s002 = { $path } was not Claim Dojo's records (damaged, or another program's file: { $detail }). It was moved to { $moved }, not deleted, and new records were started.
records-s003 = { $path } was written by a newer Claim Dojo; it is left as it is. Update Claim Dojo to see these records. ({ $detail })
records-s004 = The disk is full: the session could not be saved to { $path }. ({ $detail })
records-s005 = { $path } cannot be written (a read-only folder or file). ({ $detail })
records-s006 = The records file { $path } could not be written or read: { $detail }
records-s007 = { $path } is not a session report: { $detail }
records-s008 = There is no such session in { $path } ({ $detail }).
records-s009 = Cannot read the folder { $path } to import from: { $detail }
records-s010 = Cannot write the export { $path }: { $detail }
records-s011 = “{ $detail }” cannot be a trainee's name: use 1 to 64 characters, without line breaks. { $path }
# trainer-tools (issue 17): install without the app, spreadsheets, new --out, graph --from.
cli-import-about = Turn a spreadsheet (CSV, one row per choice) into a scenario file.
cli-export-sheet-about = Write a scenario as a spreadsheet (CSV, one row per choice).
cli-import-written = Wrote { $path } ({ $nodes } nodes, { $choices } choices).
cli-export-written = Wrote { $path } ({ $rows } rows). Open it in Excel; after editing, claim-dojo import brings it back.
cli-export-unencodable = Cell { $cell } holds “{ $character }”, which Shift_JIS cannot hold: export with --encoding utf-8 (the default).
cli-new-bad-out = Cannot write { $path }: scenarios are found by file name, so it must be called { $file } (--out also takes a folder).
cli-no-app = This claim-dojo was built without the app (--no-default-features). Its commands: claim-dojo --help. To open the app, run cargo run --release in the source folder, or install it with cargo install --path . --locked.
cli-graph-no-node = There is no node `{ $id }`.
graph-hangs-up = hangs up

# trainer-tools (issue 17): analysis a trainer can predict
analyze-never-kept = Listed, but no path that answers promptly keeps them (every path breaks them): { $rules }

# Cohort report (issue 14: claim-dojo report)
cli-report-about = Write the whole class's report (HTML)
cohort-title = Class report
cohort-generated = As of { $time } · { $trainees } trainees · { $sessions } sessions
cohort-scenarios = Pass rate and score distribution per scenario
cohort-col-scenario = Scenario
cohort-col-sessions = Sessions
cohort-col-pass = Pass rate
cohort-col-scores = Scores
cohort-rules = Rules broken most across the class
cohort-col-rule = Rule
cohort-col-broken = Times broken
cohort-trainees = Each trainee's trend
cohort-col-trainee = Trainee
cohort-col-last = Last practised
cohort-col-trend = Recent scores
cohort-hardest = The hardest moments
cohort-hardest-note = Where the customer's anger rose most in total after what the trainee said.
cohort-col-node = Moment
cohort-col-words = Words said
cohort-col-rise = Anger rise (total / times)
cohort-stale = Not practised lately ({ $days } days or more)
cohort-stale-none = Everyone has practised lately.
cohort-empty = No sessions yet.
cohort-no-moments = These records give no moments (LRS statements carry no transcript).
cli-report-source = Give one of --db, --results or --lrs.
cli-report-lrs = Cannot read the LRS { $url }: { $detail }
cli-report-written = Wrote { $path } ({ $sessions } sessions).
