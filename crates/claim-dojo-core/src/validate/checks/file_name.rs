//! `scenarios/<id>.ron`: a scenario's id and its file name agree, so trainers find
//! the file a report names.

use crate::diagnostic::{Code, Diagnostic};
use crate::validate::Cx;

pub fn check(cx: &mut Cx) {
    let s = cx.scenario;
    if let Some(stem) = cx.file_stem
        && stem != s.id
    {
        cx.report(
            Diagnostic::new(Code::IdNotFileName, s.spans.id)
                .arg("id", &s.id)
                .arg("file", stem),
        );
    }
}
