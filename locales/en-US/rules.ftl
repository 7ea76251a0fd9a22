# The rule catalog R01–R23 (DOMAIN.md): a title, why it matters, and one sentence
# per verdict the engine can reach. `$n` is a number the verdict names.

R01 = Listen first
    .why = Apologising for the fault or explaining before the customer is heard out tells them their story does not matter.
    .comes-up = When you first explain or apologise for a fault, or when the customer vents several lines in a row.
R01-kept = You showed you were listening before you explained or apologised for the fault.
R01-broken = You explained or apologised for the fault before showing you had heard the customer out.
R01-kept-vent = You let the customer say it all before answering.
R01-broken-vent = You answered before the customer had finished venting.

R02 = Do not interrupt
    .why = Cutting a customer off while they speak raises their anger at once, whatever you meant to say.
    .comes-up = Every time you answer: kept after three answers, each once the customer had finished.
R02-kept = You let the customer finish each time before you answered.
R02-broken = You answered while the customer was still speaking.

R03 = Apologise for the feelings first
    .why = The first apology is for the discomfort caused; it eases the anger without admitting a fault that is not yet established.
    .comes-up = At your first apology.
R03-kept = Your first apology was for the discomfort the customer felt.
R03-broken = Your first apology admitted a fault before apologising for the customer's discomfort.

R04 = Do not over-apologise
    .why = Repeated apologies tell the customer they were badly treated and make them angrier, not calmer.
    .comes-up = From your second apology on, when one more could be one too many.
R04-kept = You apologised more than once, but never one time too many.
R04-broken-row = You apologised { $n } times in a row.
R04-broken-total = You apologised { $n } times in one call.

R05 = Apologise for the fault only after the facts
    .why = Admitting a fault before the facts show it invites demands you cannot meet; once they show it, the apology is owed.
    .comes-up = When you apologise for a fault, once the facts show the fault is ours and you answer, or when the customer claims a fault no fact shows and you apologise.
R05-kept = You apologised for the fault after the facts showed it was ours.
R05-kept-withheld = The customer claimed a fault no fact showed; you apologised for the worry alone, not for a fault.
R05-broken-early = You apologised for a fault before the facts showed it was ours.
R05-broken-never = The facts showed the fault was ours, but you never apologised for it.

R06 = No excuses
    .why = Excuses and D-words (だから、でも) sound like evasion and turn a complaint into a secondary complaint.
    .comes-up = When you answer a turn where an excuse was one of the answers on offer.
R06-kept = Where an excuse was on offer, you used accepting words instead.
R06-broken = You made an excuse.

R07 = Do not contradict
    .why = Contradicting an emotional customer adds fuel to the fire; facts can come once they are calm.
    .comes-up = When you answer a turn where contradicting the customer was one of the answers on offer.
R07-kept = Where contradicting was on offer, you did not contradict the customer.
R07-broken = You contradicted the customer.

R08 = Pause, but do not leave them waiting
    .why = A short pause shows you are taking in what was said; silence past the customer's patience makes them feel abandoned.
    .comes-up = Every time you answer: kept after three answers within the customer's patience.
R08-kept-pause = You answered within the customer's patience, with a short pause first.
R08-kept = You answered within the customer's patience every time.
R08-broken = You left the customer waiting in silence ({ $n } s).

R09 = Name yourself before apologising
    .why = Whoever takes over states name and role first, so the conversation does not start from a position of weakness.
    .comes-up = On a takeover, from your first words.
R09-kept = You stated your name and role before any apology.
R09-broken = You apologised before stating who you are. The apology eased things for a moment, but the customer took the upper hand: your name no longer steadied them, and the first line you drew landed harder.
R09-broken-same-breath = You apologised first and only then said who you are. The customer took the upper hand, and the first line you drew landed harder.
R09-broken-never = You took over the call without ever stating your name and role.

R10 = Acknowledge the burden of explaining again
    .why = A customer who must tell their story again carries a burden; naming it restores their willingness to talk.
    .comes-up = When you speak on a takeover, or after the customer says they have called before.
R10-kept = You acknowledged the burden of having to explain again.
R10-broken-asked = You asked the customer to explain again without acknowledging that burden.
R10-broken-late = Three minutes passed without acknowledging the burden of explaining again.
R10-broken-never = You never acknowledged the burden of having to explain again.

R11 = No solution before the anger is accepted
    .why = Jumping to a solution in the first three minutes, before the anger is accepted, brings the distrust back.
    .comes-up = At your first solution or explanation.
R11-kept = You offered solutions only after accepting the customer's anger.
R11-broken = You jumped to a solution or explanation before accepting the customer's anger.

R12 = Take stock of the facts
    .why = Acting on unchecked facts repeats the first handler's mistakes; letting the customer tell it also calms them.
    .comes-up = When you first act on the facts: a solution, a promise, an alternative.
R12-kept = You took stock of the facts before acting on them.
R12-broken = You acted before checking the facts.

R13 = Requests are not promises
    .why = A promise that cannot be kept calms the customer now and causes a worse complaint later; say what can and cannot be done.
    .comes-up = At an impossible demand, a promise or a hedge, or where an unkeepable promise was on offer.
R13-kept = You promised only what can be delivered, where an empty promise was within reach.
R13-kept-line = You said clearly what cannot be done, and why, or what can be done instead.
R13-broken-unkeepable = You promised something that cannot be delivered.
R13-broken-hedge = You blurred the answer so it sounded like a promise.
R13-broken-unanswered = An impossible demand was never answered with what can and cannot be done.

R14 = A next step with a deadline
    .why = The customer wants to know when this will be over: a follow-up without a deadline leaves them waiting and calling again.
    .comes-up = At a callback, a promise or a next step, and at the end of a call that closed.
R14-kept = You gave a concrete next step with its deadline.
R14-broken-no-deadline = You promised a follow-up without saying by when.
R14-broken-none = The call ended without saying what happens next.

R15 = Never volunteer money
    .why = Money and goods go by the contract; volunteering them invites higher demands and treats every customer differently.
    .comes-up = At a demand for money or 誠意, when money is offered, or where money was on offer.
R15-kept-asked = You asked what would satisfy the customer instead of offering money.
R15-kept-declined = You declined the demand for money by the rules.
R15-broken = You offered money or goods beyond what the contract provides.
R15-kept-resisted = Where money was on offer, you kept to what the contract provides.
R15-broken-unanswered = A demand for money or 誠意 was never answered by asking what would satisfy or declining by the rules.

R16 = Escalate promptly
    .why = When the customer asks for a supervisor, or the call has turned against you, handing over at once is the service they want.
    .comes-up = When the customer asks for a supervisor or complains about the call itself.
R16-kept = You handed the call over at once, politely.
R16-broken = You kept the call after the customer asked for a supervisor.
R16-broken-never = The customer asked for a supervisor and the call was never handed over.

R17 = A concise handoff brief
    .why = The supervisor needs who the customer is, the request, why it escalated, the state now and what they want; nothing else, so the customer is not kept waiting.
    .comes-up = When you hand the call over.
R17-kept = Your handoff brief was complete and concise.
R17-broken-missing = Your handoff brief left out { $n } of the five items.
R17-broken-chatter = Your handoff brief carried more than the five items.
R17-broken-none = You handed the call over without a brief.
R17-broken-facts = Your handoff form left out { $n } of the facts the customer gave.

R18 = No run-around
    .why = Each extra transfer feels like being passed around (たらい回し) and costs the customer's trust.
    .comes-up = When you change the person, or where passing a handed-over call on again was on offer.
R18-kept-once = You changed the person once, which is allowed.
R18-kept = Where you could have passed the call on again, you kept it.
R18-broken = The customer was passed on again ({ $n } handlers).

R19 = Change person, time or place
    .why = When this call cannot satisfy the customer, a callback at a stated time, a visit or the right person cools things down.
    .comes-up = When you answer after the customer cannot be satisfied on this call.
R19-kept = You changed the person, the time or the place to cool things down.
R19-broken-no-time = You offered to call back without stating when.
R19-broken-no-change = The customer could not be satisfied on this call and nothing was changed.

R20 = Keep a memo
    .why = A memo of when, what and why prevents “you said, I said” and lets the next handler pick up the facts.
    .comes-up = Once the customer has told you one of the facts to note.
R20-kept-memo = Your memo, written during the call, holds the facts the customer had given.
R20-broken = The customer gave facts to note, and no memo of them was written during the call.
R20-broken-facts = Your memo left out { $n } of the facts the customer had given by then.

R21 = Follow the company's rules
    .why = Even when named personally, acting on your own judgement is not responsibility but a breach of the rules.
    .comes-up = When you decline by policy, are held personally responsible, or a personal exception was on offer.
R21-kept = You answered by the company's rules.
R21-broken = You made a personal exception to the rules.

R22 = Cause and prevention with a date
    .why = A business client needs the cause and a dated prevention measure to trust the next delivery.
    .comes-up = When you report a cause, or answer a business client once the fault is shown to be ours.
R22-kept = You reported the cause and a prevention measure with its date.
R22-broken-no-date = You gave the cause and prevention without a date.
R22-broken-none = A fault of ours was shown to a business client and no cause or prevention was reported.

# A rule the call never put to the test.
rule-not-tested = This did not come up in this call.

R23 = Abuse: warn, say it is recorded, end by policy
    .why = Abuse is not a complaint to be solved: arguing or giving in rewards it. Warn once, say the call is recorded, and if it goes on end the call by the company's policy and report to your SV. A customer who is only angry is never cut off.
    .comes-up = When the customer turns abusive (threats, insults, demands to kneel or to come to their house), or when you warn them or end the call by policy.
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
