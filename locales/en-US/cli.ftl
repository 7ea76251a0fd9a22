# The command line's own words.

cli-about = Claim Dojo: practise complaint calls on scripted angry customers.
cli-validate-about = Check scenario files and report every mistake.
cli-play-about = Play a scenario without the app and print the session report.
cli-analyze-about = Analyse a scenario: endings, best and worst paths, difficulty.
cli-graph-about = Draw a scenario as a graph (DOT or Mermaid).
cli-new-about = Write a new scenario skeleton that validates clean.
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
cli-play-unmet = expectation not met: { $what }
