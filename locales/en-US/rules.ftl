# The rule catalog R01–R23 (DOMAIN.md): a title, why it matters, and one sentence
# per verdict the engine can reach. `$n` is a number the verdict names.

R01 = Listen first
    .why = Apologising for the fault or explaining before the customer is heard out tells them their story does not matter.
R01-kept = You showed you were listening before you explained or apologised for the fault.
R01-kept-listened = You listened throughout and never explained before hearing the customer out.
R01-broken = You explained or apologised for the fault before showing you had heard the customer out.
R01-na = You neither explained nor apologised for a fault.

R02 = Do not interrupt
    .why = Cutting a customer off while they speak raises their anger at once, whatever you meant to say.
R02-kept = You let the customer finish every time before you answered.
R02-broken = You answered while the customer was still speaking.
R02-na = You never answered the customer.

R03 = Apologise for the feelings first
    .why = The first apology is for the discomfort caused; it eases the anger without admitting a fault that is not yet established.
R03-kept = Your first apology was for the discomfort the customer felt.
R03-broken = Your first apology admitted a fault before apologising for the customer's discomfort.
R03-na = You did not apologise.

R04 = Do not over-apologise
    .why = Repeated apologies tell the customer they were badly treated and make them angrier, not calmer.
R04-kept = Your apologies were measured.
R04-broken-row = You apologised { $n } times in a row.
R04-broken-total = You apologised { $n } times in one call.
R04-na = You did not apologise.

R05 = Apologise for the fault only after the facts
    .why = Admitting a fault before the facts show it invites demands you cannot meet; once they show it, the apology is owed.
R05-kept = You apologised for the fault after the facts showed it was ours.
R05-broken-early = You apologised for a fault before the facts showed it was ours.
R05-broken-never = The facts showed the fault was ours, but you never apologised for it.
R05-na = No fault of ours came up.

R06 = No excuses
    .why = Excuses and D-words (だから、でも) sound like evasion and turn a complaint into a secondary complaint.
R06-kept = You used accepting words, never excuses.
R06-broken = You made an excuse.
R06-na = You never answered the customer.

R07 = Do not contradict
    .why = Contradicting an emotional customer adds fuel to the fire; facts can come once they are calm.
R07-kept = You never contradicted the customer.
R07-broken = You contradicted the customer.
R07-na = You never answered the customer.

R08 = Pause, but do not leave them waiting
    .why = A short pause shows you are taking in what was said; silence past the customer's patience makes them feel abandoned.
R08-kept-pause = You took a short pause before answering, which calmed the customer.
R08-kept = You never left the customer waiting.
R08-broken = You left the customer waiting in silence ({ $n } s).
R08-na = You never answered the customer.

R09 = Name yourself before apologising
    .why = Whoever takes over states name and role first, so the conversation does not start from a position of weakness.
R09-kept = You stated your name and role before apologising.
R09-kept-no-apology = You stated your name and role on taking over.
R09-broken = You apologised before stating who you are. The apology eased things for a moment, but the customer took the upper hand: your name no longer steadied them, and the first line you drew landed harder.
R09-broken-same-breath = You apologised first and only then said who you are. The customer took the upper hand, and the first line you drew landed harder.
R09-broken-never = You took over the call without ever stating your name and role.
R09-na = There was no takeover in this call.

R10 = Acknowledge the burden of explaining again
    .why = A customer who must tell their story again carries a burden; naming it restores their willingness to talk.
R10-kept = You acknowledged the burden of having to explain again.
R10-broken-asked = You asked the customer to explain again without acknowledging that burden.
R10-broken-late = Three minutes passed without acknowledging the burden of explaining again.
R10-broken-never = You never acknowledged the burden of having to explain again.
R10-na = The customer had not explained this before.

R11 = No solution before the anger is accepted
    .why = Jumping to a solution in the first three minutes, before the anger is accepted, brings the distrust back.
R11-kept = You offered solutions only after accepting the customer's anger.
R11-broken = You jumped to a solution or explanation before accepting the customer's anger.
R11-na = You offered no solution or explanation.

R12 = Take stock of the facts
    .why = Acting on unchecked facts repeats the first handler's mistakes; letting the customer tell it also calms them.
R12-kept = You took stock of the facts before acting on them.
R12-kept-checked = You took stock of the facts.
R12-broken = You acted before checking the facts.
R12-na = No facts needed checking.

R13 = Requests are not promises
    .why = A promise that cannot be kept calms the customer now and causes a worse complaint later; say what can and cannot be done.
R13-kept = You promised only what can be delivered.
R13-kept-line = You said clearly what cannot be done, and why, or what can be done instead.
R13-broken-unkeepable = You promised something that cannot be delivered.
R13-broken-hedge = You blurred the answer so it sounded like a promise.
R13-broken-unanswered = An impossible demand was never answered with what can and cannot be done.
R13-na = No promise or impossible demand came up.

R14 = A next step with a deadline
    .why = The customer wants to know when this will be over: a follow-up without a deadline leaves them waiting and calling again.
R14-kept = You gave a concrete next step with its deadline.
R14-broken-no-deadline = You promised a follow-up without saying by when.
R14-broken-none = The call ended without saying what happens next.
R14-na = No next step was due in this call.

R15 = Never volunteer money
    .why = Money and goods go by the contract; volunteering them invites higher demands and treats every customer differently.
R15-kept-asked = You asked what would satisfy the customer instead of offering money.
R15-kept-declined = You declined the demand for money by the rules.
R15-broken = You offered money or goods beyond what the contract provides.
R15-na = Money did not come up.

R16 = Escalate promptly
    .why = When the customer asks for a supervisor, or the call has turned against you, handing over at once is the service they want.
R16-kept = You handed the call over at once, politely.
R16-broken = You kept the call after the customer asked for a supervisor.
R16-na = There was no reason to escalate.

R17 = A concise handoff brief
    .why = The supervisor needs who the customer is, the request, why it escalated, the state now and what they want; nothing else, so the customer is not kept waiting.
R17-kept = Your handoff brief was complete and concise.
R17-broken-missing = Your handoff brief left out { $n } of the five items.
R17-broken-chatter = Your handoff brief carried more than the five items.
R17-broken-none = You handed the call over without a brief.
R17-na = You did not hand the call over.

R18 = No run-around
    .why = Each extra transfer feels like being passed around (たらい回し) and costs the customer's trust.
R18-kept-once = You changed the person once, which is allowed.
R18-kept = The call stayed with one handler after the handover.
R18-broken = The customer was passed on again ({ $n } handlers).
R18-na = No handover came up.

R19 = Change person, time or place
    .why = When this call cannot satisfy the customer, a callback at a stated time, a visit or the right person cools things down.
R19-kept = You changed the person, the time or the place to cool things down.
R19-broken-no-time = You offered to call back without stating when.
R19-broken-no-change = The customer could not be satisfied on this call and nothing was changed.
R19-na = The call did not reach a deadlock.

R20 = Keep a memo
    .why = A memo of when, what and why prevents “you said, I said” and lets the next handler pick up the facts.
R20-kept-memo = Your memo holds when it happened, what the complaint is and its cause.
R20-kept-spoken = You told the customer you were noting the details.
R20-broken = No memo of when, what and why was kept.
R20-na = You never answered the customer.

R21 = Follow the company's rules
    .why = Even when named personally, acting on your own judgement is not responsibility but a breach of the rules.
R21-kept = You answered by the company's rules.
R21-broken = You made a personal exception to the rules.
R21-na = No question of policy came up.

R22 = Cause and prevention with a date
    .why = A business client needs the cause and a dated prevention measure to trust the next delivery.
R22-kept = You reported the cause and a prevention measure with its date.
R22-broken-no-date = You gave the cause and prevention without a date.
R22-broken-none = A fault of ours was shown to a business client and no cause or prevention was reported.
R22-na = No fault of ours needed a cause and prevention report.

R23 = Abuse: warn, say it is recorded, end by policy
    .why = Abuse is not a complaint to be solved: arguing or giving in rewards it. Warn once, say the call is recorded, and if it goes on end the call by the company's policy and report to your SV. A customer who is only angry is never cut off.
R23-kept = The abuse went on after your warning and the recording notice, so you ended the call by the company's policy.
R23-kept-warned = You answered the abuse with a warning and the recording notice, and it stopped.
R23-broken-angry = You ended the call on a customer who was angry but not abusive.
R23-broken-warned-angry = You warned a customer who was angry but not abusive, as if they were an abuser.
R23-broken-unwarned = You ended the call without first warning the customer about their conduct.
R23-broken-unrecorded = You ended the call without having told the customer the call is recorded.
R23-broken-early = You ended the call after the warning although the abuse had stopped.
R23-broken-gave-in = You gave in to abuse: money, a visit, a promise or an exception extracted by threats.
R23-broken-never-warned = The customer was abusive and you never warned them.
R23-broken-endured = The abuse went on after your warning and you let the call go on instead of ending it by policy.
R23-na = There was no abuse, and the call was not ended by policy.
