//! The stable diagnostic codes. A code never changes meaning once shipped; the
//! messages for each live in `locales/*/diagnostics.ftl` under the code itself.

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($($variant:ident = $code:literal $sev:ident,)+) => {
        /// What went wrong. `as_str` gives the code printed to users (`E022`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code { $($variant),+ }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code),+ }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev),+ }
            }
        }
    };
}

codes! {
    // Reading the file.
    Io = "E001" Error,
    TooLarge = "E002" Error,
    TooDeep = "E003" Error,
    NotUtf8 = "E004" Error,
    // RON syntax.
    Unexpected = "E005" Error,
    UnexpectedEnd = "E006" Error,
    UnterminatedString = "E007" Error,
    UnterminatedComment = "E008" Error,
    BadEscape = "E009" Error,
    BadNumber = "E010" Error,
    TrailingText = "E011" Error,
    // Shape of the scenario.
    UnknownField = "E012" Error,
    MissingField = "E013" Error,
    DuplicateField = "E014" Error,
    WrongType = "E015" Error,
    UnknownVariant = "E016" Error,
    UnknownTag = "E017" Error,
    UnknownCue = "E018" Error,
    UnknownRule = "E019" Error,
    UnknownBriefItem = "E020" Error,
    UnsupportedFormat = "E021" Error,
    InvalidId = "E022" Error,
    // The call graph.
    DuplicateNode = "E023" Error,
    DuplicateChoice = "E024" Error,
    UnknownNext = "E025" Error,
    UnknownStart = "E026" Error,
    DeadEnd = "E027" Error,
    EndingWithChoices = "E028" Error,
    NoEndingReachable = "E029" Error,
    Unreachable = "E030" Error,
    // Content.
    MissingTranslation = "E031" Error,
    OutOfRange = "E032" Error,
    Thresholds = "E033" Error,
    MissingHandoff = "E034" Error,
    // Authors describe, the engine scores.
    AngerContradictsTags = "E043" Error,
    AngerTooLarge = "E044" Error,
    StepsNotSupported = "E045" Error,
    // Declared facts.
    FactNeverSaid = "E046" Error,
    DuplicateFact = "E047" Error,
    FactWithoutForms = "E048" Error,
    // Scripts and results for `claim-dojo play`.
    UnknownChoice = "E040" Error,
    ScenarioMismatch = "E041" Error,
    BadJson = "E042" Error,
    ActionRefused = "E049" Error,
    // Spreadsheets for `claim-dojo import` (trainer tools, E055–E064).
    SheetEncoding = "E055" Error,
    SheetLayout = "E056" Error,
    SheetUnknownColumn = "E057" Error,
    SheetBadCell = "E058" Error,
    SheetOrphanRow = "E059" Error,
    // Smells: the scenario works but probably not as meant.
    Untagged = "W001" Warning,
    RuleNotExercised = "W002" Warning,
    UntaggedExcuse = "W003" Warning,
    IdNotFileName = "W004" Warning,
    HandoffIgnored = "W005" Warning,
    StartsCalm = "W006" Warning,
    RepeatedTag = "W007" Warning,
    // The gaming check of `claim-dojo analyze`, and facts.
    GamedByPolicy = "W008" Warning,
    PolicyPasses = "W009" Warning,
    LongestIsRight = "W010" Warning,
    NoFacts = "W011" Warning,
    EllipsisTell = "W012" Warning,
    // Trainer tools (W014–W019).
    Placeholder = "W014" Warning,
    LongLine = "W015" Warning,
    // Scenario pack (issue 12): W020–W022, E065–E069.
    PolicyEndingUnsaid = "W020" Warning,
    PolicyEndingMissing = "W021" Warning,
    NameNeverSaid = "E065" Error,
    // The call's memory (issue 17): E070–E072, W023–W024.
    UnknownFlag = "E070" Error,
    NothingOffered = "E071" Error,
    TooManyFlags = "E072" Error,
    FlagNeverRead = "W023" Warning,
    NeverOffered = "W024" Warning,
    TakeoverInPrimary = "W025" Warning,
    HoldNotOn = "W026" Warning,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for code in Code::ALL {
            let s = code.as_str();
            assert!(seen.insert(s), "{s} used twice");
            let (letter, digits) = s.split_at(1);
            assert_eq!(digits.len(), 3, "{s}");
            assert!(digits.bytes().all(|b| b.is_ascii_digit()), "{s}");
            let expected = if letter == "E" {
                Severity::Error
            } else {
                Severity::Warning
            };
            assert_eq!(code.severity(), expected, "{s}");
        }
    }
}
