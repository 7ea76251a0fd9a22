# Messages for scenario diagnostics. Each message id is the stable code; `.hint`
# says what to do about it. Arguments are named in crates/claim-dojo-core.

E001 = { $kind ->
        [sheet_not_found] no such file
        [not_found] no such file or folder
        [permission_denied] cannot read the file: permission denied
        [is_directory] cannot read the file: it is a folder, not a file
        [not_a_folder] cannot read the folder: it is not a folder
       *[other] cannot read the file: { $reason }
    }
    .hint = { $kind ->
        [sheet_not_found] Check the path of the spreadsheet (CSV) file; a relative path starts from the folder you are in.
        [not_found] Check the path. Without a path, `claim-dojo validate` checks the scenarios/ folder of the current folder.
       *[other] Check the path and that the file can be read.
    }
E002 = the file is { $size } bytes, over the limit of { $limit } bytes
    .hint = A scenario is a few hundred kilobytes at most; this is probably not a scenario file.
E003 = the text is nested more than { $limit } levels deep
    .hint = Close the brackets that are left open; real scenarios nest about eight levels.
E004 = the file is not UTF-8 text
    .hint = Save the file as UTF-8 (not Shift_JIS); the position shows the first byte that is not.
E005 = found `{ $found }` where { $expected ->
        [value] a value
        [field-name] a field name
        [colon-after-field] `:` after a field name
        [colon-in-map] `:` between a key and its value
        [raw-string-quote] `"` to open a raw string
        [comma-or-paren] `,` or `)`
        [comma-or-bracket] `,` or `]`
       *[other] { $expected }
    } was expected
    .hint = Check the character just before this point: a missing comma or bracket is the usual cause.
E006 = the file ends where { $expected ->
        [value] a value
        [field-name] a field name
        [colon-after-field] `:` after a field name
        [colon-in-map] `:` between a key and its value
        [raw-string-quote] `"` to open a raw string
        [comma-or-paren] `,` or `)`
        [comma-or-bracket] `,` or `]`
       *[other] { $expected }
    } was expected
    .hint = The file is cut off, or a bracket opened earlier is never closed.
E007 = this string is never closed
    .hint = Add the closing `"`; a `"` inside text must be written `\"`.
E008 = this comment is never closed
    .hint = Close it with `*/`.
E009 = unknown escape in a string
    .hint = Use \n, \t, \\, \" or \u{"{"}…{"}"}; write a backslash itself as \\.
E010 = this is not a number
    .hint = Write numbers like 42, -5 or 0.75.
E011 = unexpected text after the end of the scenario
    .hint = A file holds exactly one scenario; remove what follows its closing `)`.
E012 = `{ $type }` has no field `{ $field }`
    .hint = { $suggested ->
        [yes] Did you mean `{ $suggestion }`?
       *[other] Fields of `{ $type }`: { $expected }.
    }
E013 = `{ $type }` is missing the required field `{ $field }`
    .hint = Add `{ $field }: …` to this `{ $type }`; docs/scenario-format.md lists every field.
E014 = field `{ $field }` is given twice
    .hint = Keep one of them; the second would silently win.
E015 = expected { $expected }, found { $found }
    .hint = See docs/scenario-format.md for the form of this field.
E016 = `{ $name }` is not a valid `{ $type }`
    .hint = { $suggested ->
        [yes] Did you mean `{ $suggestion }`?
       *[other] See docs/scenario-format.md for the values of `{ $type }`.
    }
E017 = unknown tag `{ $name }`
    .hint = { $suggested ->
        [yes] Did you mean `{ $suggestion }`? Tags are listed in docs/scenario-format.md.
       *[other] Tags are listed in docs/scenario-format.md.
    }
E018 = unknown cue `{ $name }`
    .hint = { $suggested ->
        [yes] Did you mean `{ $suggestion }`? Cues are listed in docs/scenario-format.md.
       *[other] Cues are listed in docs/scenario-format.md.
    }
E019 = unknown rule ID `{ $id }`
    .hint = Rule IDs run from "R01" to "R23", as in DOMAIN.md.
E020 = unknown handoff brief item `{ $name }`
    .hint = { $suggested ->
        [yes] Did you mean `{ $suggestion }`?
       *[other] Items are Customer, Request, Reason, State, Wants and Chatter.
    }
E021 = scenario format { $found } is not supported
    .hint = This version of Claim Dojo reads format { $supported }.
E022 = `{ $id }` is not a valid id
    .hint = Ids use lowercase letters, digits, `-` and `_` only (at most 64), e.g. "ask-order-number".
E023 = node id `{ $id }` is used twice
    .hint = Node ids must be unique; the first `{ $id }` is on line { $first_line }.
E024 = choice id `{ $id }` is used twice
    .hint = Choice ids must be unique in the whole scenario (scripts name choices by id); the first is on line { $first_line }.
E025 = choice `{ $choice }` leads to node `{ $id }`, which does not exist
    .hint = { $suggested ->
        [yes] Did you mean `{ $suggestion }`?
       *[other] Add a node with id `{ $id }` or point `next` at an existing node.
    }
E026 = the start node `{ $id }` does not exist
    .hint = { $suggested ->
        [yes] Did you mean `{ $suggestion }`?
       *[other] `start` must name one of the nodes.
    }
E027 = node `{ $id }` has no choices and is not an ending
    .hint = Give it choices, or mark it with `ending: Resolved` (or another outcome).
E028 = ending node `{ $id }` also has choices
    .hint = An ending closes the call: remove its choices or its `ending`.
E029 = from node `{ $id }` no ending can be reached
    .hint = Every path must be able to end the call; give one of its choices a way to an ending.
E030 = { $behind ->
        [0] node `{ $id }` cannot be reached from the start `{ $start }`
        [one] node `{ $id }` cannot be reached from the start `{ $start }`, nor can the node behind it ({ $examples })
       *[other] node `{ $id }` cannot be reached from the start `{ $start }`, nor can the { $behind } nodes behind it ({ $examples })
    }
    .hint = { $likely_start ->
        [yes] No choice leads here, and most of the call lies behind it: should `start` be `{ $id }`?
       *[other] No choice leads here; point a `next` at it or remove the node.
    }
E031 = the { $lang ->
        [ja] Japanese
       *[en] English
    } text is missing
    .hint = Every text needs both `ja` and `en`, neither empty.
E032 = `{ $field }` is { $value }, out of range ({ $min } to { $max })
    .hint = See docs/scenario-format.md for what this value means.
E033 = persona `{ $what }` is { $value }, but must stay below hang_up_at ({ $limit })
    .hint = The calm band and the starting anger must both lie below the hang-up point.
E034 = a Secondary scenario needs a `handoff` record
    .hint = Add the first handler's record the supervisor reads before taking over (it may be incomplete on purpose).
E043 = choice `{ $id }` is tagged `{ $tag }`, but its authored anger { $value } goes past { $bound }
    .hint = Authors describe, the engine scores: an excuse or a contradiction may not calm the customer, an apology may anger by at most 3. The rules add the real effect.
E044 = choice `{ $id }` has an authored anger of { $value }; at most ±{ $max } is allowed
    .hint = The authored change is the flavour of the words; the rule effects decide the lesson. Describe the words with tags instead.
E045 = choice `{ $id }` lists step { $step }, which its tags do not show
    .hint = Steps follow from the tags (docs/scenario-format.md); `steps` may only leave some out. Remove { $step }, or tag what the words do.
E046 = fact `{ $id }` is never said by the customer nor written in the first handler's record
    .hint = A trainee can only note what they hear: add one of its forms to a customer line, or a form the line really uses.
E047 = fact `{ $id }` is declared twice (first on line { $first })
    .hint = Give each fact its own id.
E048 = fact `{ $id }` has no form that can be matched (or is past the { $max }th fact)
    .hint = List the words that count as having noted it, e.g. forms: ["HD-20581", "20581"].
E040 = choice `{ $choice }` is not offered at this point
    .hint = Offered now: { $offered }.
E041 = this file is for scenario `{ $found }`, not `{ $expected }`
    .hint = Play it with the scenario it was recorded on.
E042 = not a valid result file: { $message }
    .hint = Use the JSON that `claim-dojo play --format json` printed.
E049 = `{ $action }` cannot be done now: { $reason ->
        [call-over] the call is over
        [not-your-turn] it is not the trainee's turn (they are speaking, or the call is ending)
        [no-handover] the call was not handed over, so there is no brief to send
       *[other] it is not offered now
    }
    .hint = Check the timing of the actions before it (WaitTurn, Wait, Answer).
W001 = choice `{ $id }` has no tags
    .hint = Without tags the engine cannot judge the choice; say what the words do (e.g. FeelingsApology, ChecksFact).
W002 = rule { $rule } is listed but nothing in the scenario exercises it
    .hint = Add a choice or cue that can keep or break { $rule }, or remove it from `rules`.
W003 = choice `{ $id }` says 「{ $word }」 but is not tagged Excuse
    .hint = D-words sound like excuses; tag it `Excuse` or rephrase it with accepting words.
W004 = scenario id `{ $id }` does not match the file name `{ $file }`
    .hint = Name the file `{ $id }.ron` so reports and files agree.
W005 = a Primary scenario's handoff record is never shown
    .hint = Only Secondary (supervisor) scenarios show a handoff briefing.
W006 = the customer starts calm (anger { $anger }, calm below { $calm })
    .hint = The 3-minute check passes at once; start the anger at or above `calm_below`.
W007 = choice `{ $id }` lists tag `{ $tag }` twice
    .hint = Remove the repeated tag.
W008 = the `{ $policy }` policy averages { $mean } (best { $max }), within { $margin } points of the best path's { $best }
    .hint = A trainee can score without handling the call: vary which answer is right (order, length, wording) and make wrong answers cost more.
W009 = the `{ $policy }` policy passes the 3-minute check in { $passed } of { $sessions } sessions
    .hint = Calm should come from handling the call, not from a habit; make that policy's answers anger the customer.
W010 = the best path's answer is the longest one at { $share }% of its nodes
    .hint = Trainees learn that the longest answer wins: write shorter right answers and longer polite wrong ones.
W011 = scenario `{ $id }` declares no facts
    .hint = Without `facts`, memos and handoff briefs cannot be judged on content (R20, R17); declare what the customer tells (order number, date, what went wrong).
W012 = { $count } answers trail off with 「……」 and none on the best path does
    .hint = The ellipsis tells trainees which answers are wrong; end right and wrong answers alike.

# trainer-tools (issue 17): floods summed up, placeholders, spreadsheets.
diagnostics-more = … and { $count } more { $severity }[{ $code }] in { $file } (all of them: --format json)
W014 = placeholder text “{ $text }” is still here
    .hint = This is a placeholder of the `claim-dojo new` skeleton; replace it with what a trainee should read.
W015 = this line takes { $seconds } s to say, { $percent }% of the 3-minute window
    .hint = Little time is left to calm the customer in. Cut it down, or split it over several nodes.
E055 = this file is neither UTF-8 nor Shift_JIS text
    .hint = Save it again from Excel as “CSV UTF-8 (Comma delimited)” or “CSV (Comma delimited)”; the position is the line where reading failed.
E056 = { $problem ->
        [no-table] there is no table of nodes and choices (no header row whose first cell is `{ $column }`)
        [missing-column] the table has no `{ $column }` column
       *[repeated-column] the column `{ $column }` is there twice
    }
    .hint = { $problem ->
        [no-table] Below the scenario's fields, put a header row starting with `node`, then one row per choice (docs/spreadsheet.md).
        [missing-column] Add a `{ $column }` column to the header row; docs/spreadsheet.md lists the columns.
       *[repeated-column] Delete one of them or correct its name.
    }
E057 = { $what ->
        [column] unknown column `{ $name }`
       *[key] unknown field `{ $name }`
    }
    .hint = { $suggested ->
        [yes] Did you mean `{ $suggestion }`?
       *[other] docs/spreadsheet.md lists the names that can be used.
    }
E058 = { $expected ->
        [number] not a number
        [numbers] not a list of numbers
        [name] not a name (a letter, then letters, digits and _)
        [names] not a list of names (separated by spaces or commas)
        [one-value] this field takes one value, in column B
        [ending] a deadline belongs to an ending (the `ending` column)
       *[node-row] a node's cells belong on the node's first row
    }
    .hint = { $expected ->
        [number] Write it as 42, -5 or 0.75.
        [numbers] Separate the numbers with spaces or commas, as in 1 3.
        [name] For example Primary, HungUp, FeelingsApology.
        [names] For example FeelingsApology Restates; docs/scenario-format.md lists them.
        [one-value] Leave column C empty (it holds only the English of a text).
        [ending] Put FollowUp (or another ending) in the `ending` column, or remove the deadline.
       *[node-row] A row with an empty `node` cell continues the node above and holds only a choice and a waiting line; move this value to the node's first row.
    }
E059 = this row belongs to no node and no field
    .hint = In the table, a row with the `node` cell filled must come first; above the table, put a field name in column A.
# Scenario pack (issue 12): ending a call by policy (R23).
W020 = choice `{ $id }` leads to `{ $node }`, which ends the call by policy, but does not say so
    .hint = Tag the choice `EndsByPolicy`: ending a call by policy is something the trainee says, and R23 judges it.
W021 = choice `{ $id }` ends the call by policy, but `{ $node }` is not an `EndedByPolicy` ending
    .hint = Point `next` to a node with `ending: EndedByPolicy`, or remove the `EndsByPolicy` tag.
# Scenario pack (issue 12): names the pack keeps distinct.
E065 = the name 「{ $name }」 is declared but never said in the call
    .hint = `company` and `staff` name what the call says, so that the pack can keep names distinct: use the name in a line, an answer or the summary, or remove it.
# The call's memory (issue 17): flags a choice sets and a choice tests.
E070 = choice `{ $choice }` tests the flag `{ $flag }`, which no choice sets
    .hint = { $suggested ->
        [yes] Did you mean `{ $suggestion }`?
       *[other] Add `sets: ["{ $flag }"]` to the choice that should make the call remember it, or remove the test.
    }
E071 = node `{ $id }` can be reached with none of its choices offered
    .hint = { $count ->
        [0] Reached by { $route } with no flag set.
       *[other] Reached by { $route } with { $flags } set.
    } Give it a choice without `if_set` / `unless_set`, or one whose flags hold on that route.
E072 = { $count } flags are used; a scenario may use at most { $max }
    .hint = Reuse a flag for what is remembered the same way, or split the call into two scenarios.
W023 = choice `{ $choice }` sets the flag `{ $flag }`, but no choice tests it
    .hint = Test it with `if_set` or `unless_set` where the call should remember it, or remove it.
W025 = choice `{ $id }` says it takes the call over (`TakesOver`), but in a `Primary` call the trainee answered it first
    .hint = Remove `TakesOver`, or make the scenario `role: Secondary` with the first handler's `handoff` record.
W026 = choice `{ $id }` takes the customer off hold (`EndsHold`), but nobody is on hold: its node has no `speaker`
    .hint = Remove `EndsHold`, or put the choice on the node where the colleague speaks on the internal line.
W024 = choice `{ $id }` is never offered: no route reaches `{ $node }` with its flags
    .hint = Its `if_set` flags must be set by a choice said before `{ $node }`, and none of its `unless_set` flags on the same route.
