# Words of the session report, shared by the CLI and the app's debrief.

report-header = Scenario { $scenario } (seed { $seed })
report-outcome = Outcome: { $outcome } at { $time }
report-deescalation-passed = 3-minute de-escalation: passed, calm { $time } into the 3 minutes (call time { $call })
report-deescalation-then-lost = …but the call was lost later (see how it ended, above): the calm did not last to the end.
report-deescalation-late = 3-minute de-escalation: failed, calm only { $time } into the 3 minutes (call time { $call })
report-deescalation-failed = 3-minute de-escalation: failed, the customer never calmed down for long
report-deescalation-not-goal = 3-minute de-escalation: not the goal; the right move was to hand over at once, and you did
report-steps = The 4 recovery steps
report-rules = Rules
report-score = Score: { $total } / { $max }

outcome-resolved = Resolved
outcome-follow_up = Follow-up promised
outcome-escalated = Escalated
outcome-hung_up = Customer hung up
outcome-secondary_complaint = Secondary complaint caused
outcome-ended_by_policy = Call ended by policy

step-1 = Accept the anger (first 3 minutes)
step-2 = Take stock of the facts
step-3 = Draw the line between requests and promises
step-4 = Show the next step
step-status-done = done
step-status-missed = missed
step-status-out_of_order = out of order

rule-status-kept = kept
rule-status-broken = broken
rule-status-not_tested = not tested

score-part-deescalation = 3-minute de-escalation
score-part-step1 = Step 1
score-part-step2 = Step 2
score-part-step3 = Step 3
score-part-step4 = Step 4
score-part-rules = Rules (share kept of those that came up)
score-part-outcome = Outcome

# Facts the trainee's memo and handoff form captured (the report's `facts`).
report-facts = Facts to note
report-fact-memo = memo:
report-fact-handoff = handoff form:
report-fact-captured = captured
report-fact-missed = missed
report-fact-not_heard = not heard in this call

# Why a call that closed earned no outcome points.
outcome-unsound-unkeepable_promise = Not scored as “{ $outcome }”: the customer agreed to a promise that cannot be kept (R13). The complaint will come back when it breaks.
outcome-unsound-money_offered = Not scored as “{ $outcome }”: the call closed on money offered beyond the contract (R15).
outcome-unsound-personal_exception = Not scored as “{ $outcome }”: the call closed on a personal exception to the rules (R21).
