# Words of the app's screens. Ids are the same as in ja-JP/ui.ftl. The core's words (outcomes, steps, rules) are in report.ftl and rules.ftl.

app-name = Claim Dojo
app-tagline = Practise complaint calls with angry customers
error-no-display = Cannot open a window: there is no display ({ $detail } is not set). The commands work without one: claim-dojo --help
error-settings-unreadable = Could not read the saved settings; starting with the defaults (the file is left as it is until you change a setting): { $detail }
back-to-menu = Back to the menu
key-author = author mode
role-primary = First line
role-secondary = Takeover

# Menu
menu-language = Language
menu-thermometer = Thermometer
menu-thermometer-scenario = As scenario
menu-thermometer-show = Show
menu-thermometer-hide = Hide (hard)
menu-thermometer-help = A real customer shows no number. Hiding it is hard mode: read the temperature from the words alone.
menu-thermometer-on = Thermometer: shown
menu-thermometer-off = Thermometer: hidden (hard mode)
menu-speed = Text speed
menu-speed-help = How fast call time runs. Slower gives more time to think; scoring is in call time, so it stays fair.
menu-filter-role = Role
menu-filter-difficulty = Difficulty
menu-filter-all = All
menu-difficulty = Difficulty { $n } of 5
menu-minutes = about { $n } min
menu-hard-mode = Hard mode
menu-stale = Latest save has errors (the previous version plays)
menu-empty-library = No scenario to practise. Check the scenarios folder.
menu-empty-filter = No scenario matches these filters. Change them.
menu-caller = On the line
menu-rules = Rules this scenario teaches
menu-start-call = Start the call
menu-start-briefing = Read the handoff record
menu-problems = Scenarios that did not load: { $n }
menu-problems-notice = ⚠ { $n } scenario file(s) did not load. The details are at the end of the right-hand column.
menu-problems-folder = Folder: { $dir }
menu-problems-kept = The latest save has errors. Until they are fixed, the previous good version plays.
menu-problems-unplayable = Cannot be played until the errors are fixed.
menu-hint = Hint:
menu-key-choose = choose a scenario
menu-key-start = start
menu-key-lang = language
menu-key-thermometer = thermometer
menu-key-speed = text speed

# Handoff briefing
briefing-title = Handoff record
briefing-intro = The first handler's record. Read it before you take over the call. It may be incomplete, or wrong.
briefing-operator = First handler
briefing-no-record = There is no record.
briefing-missing = Not recorded
briefing-notes = Notes
briefing-take-over = Take over the call
brief-customer = Customer
brief-request = Original request
brief-reason = Why it escalated
brief-state = State now
brief-wants = What they want

# Call
call-live = On the call
call-replay = Replay (input off)
call-clock = Call time
call-window = 3 minutes
call-window-not-open = The 3 minutes start with your first words
call-pause = Pause
call-you = You
call-other = Other
call-cut = (cut off)
call-status-speaking = Speaking
call-status-you-speak = You are speaking
call-status-gap = …
call-status-waiting = Waiting for your answer
call-status-kept-waiting = Kept waiting
call-status-ended = Call ended
call-transcript = Transcript
call-back-channel = (back-channel)
call-answers = Answers
call-answer-interrupts = The customer is still speaking. Answering now cuts them off.
call-answer-wait = Waiting for the customer's reply
call-answer-your-turn = Your turn
call-answer-key = Key { $n } also says this
call-no-answers = Nothing to say right now.
call-listen = Yes… (back-channel)
call-coach = Tip:
call-thermometer = Customer's temperature
call-thermometer-hidden = The thermometer is hidden (hard mode). Read it from the customer's words.
anger-calm = Calm
anger-dissatisfied = Dissatisfied
anger-angry = Angry
anger-furious = Furious
call-calm = calm
call-hang-up = hangs up
call-calm-band = Calm band: below { $n }
call-hang-up-at = Hangs up at { $n }
call-memo = Memo
call-memo-help = When, what and the cause. Recorded when you leave a field.
memo-when = When
memo-when-hint = e.g. ordered 20 Nov
memo-what = What
memo-what-hint = e.g. parcel has not arrived
memo-cause = Cause
memo-cause-hint = e.g. delay at the depot
call-handoff = Handoff brief
call-handoff-help = For the supervisor: the customer, the original request, why it escalated, the state now, what they want. Nothing else.
call-handoff-send = Hand over the brief
call-handoff-sent = Brief handed over.
pause-title = Paused
pause-help = Call time has stopped. The customer is waiting too.
pause-resume = Back to the call
pause-restart = Start again
pause-leave = Leave the call for the menu
pause-leave-replay = Stop the replay, back to the debrief
pause-not-saved = A call started again or left is not saved.
wrapup-title = The call has ended (wrap-up)
wrapup-help = Finish your memo and handoff brief, then go on to the debrief.
wrapup-replay-title = The replay has ended
wrapup-replay-help = Back to the debrief.
wrapup-handoff-missing = The handoff brief has not been handed over yet.
wrapup-debrief = Go to the debrief

# Debrief
debrief-title = Debrief
debrief-seed = seed { $seed }
debrief-retry = Try again
debrief-replay = Watch again
debrief-outcome = Outcome
debrief-ended = Call time { $time }
debrief-deescalation = 3-minute de-escalation
debrief-never-calm = Failed: never reached the calm band
debrief-window = 3 minutes: from { $start } to { $end }
debrief-score = Score
debrief-curve = Anger over the call
debrief-curve-x = Call time
debrief-curve-y = Anger
debrief-calm-band = Calm band
debrief-hang-up-line = Hang-up line
debrief-window-start = 3 minutes start
debrief-window-line = 3:00
debrief-anger = Anger
debrief-mark-choice = Your answers
debrief-mark-other = Back-channel, waiting
debrief-step-at = at { $time }
debrief-step-never = never
debrief-step-late = after the first 3 minutes
debrief-said-nothing = You never answered.
debrief-listen = (back-channel)
debrief-waiting = (kept waiting)
debrief-transcript = Full transcript
debrief-rules = Rules: { $broken } broken · { $kept } kept
debrief-rules-na = Not tested ({ $n }): no points
debrief-why = Why it matters:
debrief-save-failed = The result could not be saved: { $error }
debrief-not-kept = Replays and author-mode trials are not saved.

# Author mode
author-title = Author mode (F2)
author-node = Node: { $id }
author-jump = Jump to node:
author-jumped = After a jump this call is a trial and is not saved.
author-changes = Anger changes (newest first): time cause: from→to (change) = ×volatility (authored rules noise)
author-cause-listen = back-channel
author-cause-waiting = waiting
author-choice = { $id } [{ $tags }] authored { $authored } · if said now { $preview }
author-effective = actual { $delta }
author-leads = {" "}→ { $next }
author-if-angry = , if anger ≥ { $at_least } → { $next }
author-if-calm = , if calm → { $next }
author-leads-now = {" "}(said now → { $next })

# Fair score (issue 11): the 3-minute card when handing over at once was the goal,
# and the report's outcome reason.
debrief-not-the-goal = Not the goal: handing over at once was the right move, and you made it
debrief-outcome-not-counted = Not counted as closed
# Records (issue 13): trainees, the history screen, what-if, keeping sessions.
menu-trainee = Practising:
menu-trainee-entry = { $name } ({ $sessions } { $sessions ->
    [one] session
   *[other] sessions
})
menu-trainee-new = a new name
menu-trainee-add = Add
menu-trainee-no-records = The records cannot be used this time: sessions will not be kept (see below).
menu-history = History
menu-key-history = history
menu-records-problem = The records
menu-records-imported = { $added } { $added ->
    [one] session
   *[other] sessions
} imported from the old results folder{ $skipped ->
    [0] .
   *[other] ; { $skipped } files could not be read:
}
debrief-kept = Kept in { $name }'s records (session { $id }, { $path }).
debrief-save-again = Save again
debrief-export = Export the report
debrief-exported = Report exported: { $path }
debrief-export-failed = The report could not be exported: { $error }
debrief-what-if = What if…
debrief-what-if-hint = Restart the call at one of your answers, with the same customer and everything before it, answer differently and finish.
debrief-what-if-here = From answer { $n }
debrief-what-if-compared = What if: restarted at { $at }
debrief-what-if-score = Score { $before } → { $after } / { $max }
debrief-what-if-same = No verdict changed.
debrief-what-if-changed = Verdicts that changed:
debrief-what-if-restart = restart
debrief-what-if-before = the original call
debrief-what-if-after = what if
history-title = History
history-trainee = { $name }
history-key-start = start the next call
history-unavailable = The history cannot be shown: { $detail }
history-next = Next call to practise
history-next-none = Every call is passed. Try hard mode (hide the thermometer) or a faster text speed.
history-why-broken = It exercises the rules you break most ({ $rules }), and you have not passed it yet.
history-why-new = You have not tried it yet, and it is the gentlest such call.
history-why-not-passed = You have not passed it yet ({ $attempts } { $attempts ->
    [one] attempt
   *[other] attempts
}).
history-start = Start this call
history-trend = Trend
history-empty = No sessions yet: finish a call and it appears here.
history-trend-x = session
history-trend-y = score (%)
history-trend-score = score
history-trend-rate = 3-minute passes over the last { $n } (%)
history-trend-passed = calmed within 3 minutes
history-trend-failed = not calmed within 3 minutes
history-attempts = Attempts per scenario
history-col-scenario = Scenario
history-col-attempts = Attempts
history-col-best = Best
history-col-last = Last
history-col-passed = Passed
history-broken = Rules broken most often
history-broken-none = No rule broken yet.
history-broken-rule = { $rule } ×{ $count }
history-sessions = Sessions
history-sessions-rule = Sessions that broke { $rule }
history-sessions-scenario = Sessions of { $scenario }
history-sessions-hint = Tick two to compare their curves; "What if…" lists a session's answers to restart from.
history-compare-pick = compare
history-what-if-mark = (what if)
history-what-if = What if…
history-compare = Compare
history-compare-hint = Tick two sessions below to lay their anger curves on one plot.
history-compare-session = { $title }, { $at } ({ $score })
# Debrief coaching, call screen, text size, folders (coach, issue 16)
call-over = Call ended
call-window-calm-at = Calm at { $time } (the 3 minutes run to { $deadline })
call-window-closed = The 3 minutes ended at { $deadline }
call-window-deadline = The 3 minutes run to { $deadline }
call-own-line-fast = Your own words play { $n }× faster; call time runs as if spoken.
call-ended-hung-up = The customer hung up
call-ended-as = The call has ended: { $outcome }
call-status-hung-up = Hung up
call-record = Handoff record
call-thermometer-hidden-short = Hidden (hard mode)
wrapup-help-memo = Finish your memo, then go on to the debrief.
menu-text-size = Text size
menu-text-size-help = Ctrl + and Ctrl − change it too (Ctrl 0 resets). It is kept for next time.
key-text-size = text size
menu-folder-notice = ⚠ The scenarios folder cannot be read. The details are at the end of the right-hand column.
menu-folder-problem = The scenarios folder cannot be read
menu-folder-help = Give a folder with --scenarios or set CLAIM_DOJO_SCENARIOS. The app also looks beside the program and in claim-dojo/scenarios in the data folders.
debrief-key-scroll = scroll
debrief-key-ends = top, bottom
debrief-answers = Your answers, with the trainer's comments
debrief-coach-anger = anger { $from } → { $to } ({ $delta })
debrief-coach-note = Trainer:
debrief-coach-better = Better at this moment
debrief-coach-no-rule = no rule broken
debrief-coach-breaks = breaks { $rules }
debrief-coach-would = Said instead, anger would have gone { $from } → { $to } ({ $delta }); { $rules }.
debrief-coach-waited = Said after the customer had finished, the same words would have changed the anger by { $delta } (they changed it by { $said }).
debrief-model = The model call
debrief-model-intro = The best path the analysis (claim-dojo analyze) finds through this call, played to the end by the engine. Read it beside yours.
debrief-model-searching = Finding the model call…
debrief-model-none = No model call was found.
debrief-model-yours = You
debrief-model-theirs = Model
debrief-model-headline = { $score } / { $max } points · { $outcome } · call time { $time }
debrief-mark-model = Model call
debrief-window-after-call = The 3 minutes would have ended at { $time }, after the call.
debrief-calm-at = Passed: calm at { $time }
debrief-calm-after-deadline = Failed: calm only at { $time }, after the 3 minutes

# Sending to the learning record store (issue 14)
menu-lrs = To the learning record store: { $waiting } waiting, { $rejected } refused
menu-lrs-why = Not sending now: { $why }
