# Words of the session report, shared by the CLI and the app's debrief.

report-header = Scenario { $scenario } (seed { $seed })
report-outcome = Outcome: { $outcome } at { $time }
report-deescalation-passed = 3-minute de-escalation: passed, calm { $time } into the 3 minutes (call time { $call })
report-deescalation-late = 3-minute de-escalation: failed, calm only { $time } into the 3 minutes (call time { $call })
report-deescalation-failed = 3-minute de-escalation: failed, the customer never calmed down
report-steps = The 4 recovery steps
report-rules = Rules
report-score = Score: { $total } / { $max }

outcome-resolved = Resolved
outcome-follow_up = Follow-up promised
outcome-escalated = Escalated
outcome-hung_up = Customer hung up
outcome-secondary_complaint = Secondary complaint caused

step-1 = Accept the anger (first 3 minutes)
step-2 = Take stock of the facts
step-3 = Draw the line between requests and promises
step-4 = Show the next step
step-status-done = done
step-status-missed = missed
step-status-out_of_order = out of order

rule-status-kept = kept
rule-status-broken = broken
rule-status-na = not applicable

score-part-deescalation = 3-minute de-escalation
score-part-step1 = Step 1
score-part-step2 = Step 2
score-part-step3 = Step 3
score-part-step4 = Step 4
score-part-rules = Rules (8 points off per broken rule)
score-part-outcome = Outcome
