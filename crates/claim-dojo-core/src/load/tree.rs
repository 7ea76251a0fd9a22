//! A RON reader that keeps the position of every value.
//!
//! serde reports only the first problem and forgets where values were; trainers need
//! every mistake at its line and column, so scenarios are first read into this tree
//! and then decoded by `super::decode`. The reader never recurses deeper than
//! [`MAX_DEPTH`], so 100,000 open brackets give a diagnostic, not a stack overflow.
//!
//! The tree lives in a bump arena that the caller owns: building it is a pointer
//! bump per struct or list instead of a heap allocation, its nodes lie next to
//! each other in the order they are read (the decoder and the checks walk them in
//! that order), and dropping it is freeing a few large chunks, not a walk over
//! every node. A value owns nothing, so it is `Copy`.

use std::borrow::Cow;

use bumpalo::Bump;

use crate::span::Span;

/// Deepest nesting a scenario needs is about 8; anything past this is a mistake.
pub const MAX_DEPTH: usize = 64;

/// A value as written, borrowing its text from the source where it can: a
/// scenario of thousands of nodes is read without copying every string twice.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Value<'a> {
    pub kind: Kind<'a>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind<'a> {
    /// Borrowed from the source, or copied into the arena when it had escapes to resolve.
    Str(&'a str),
    Char(char),
    /// A number literal; `int` is set when it was written without fraction or exponent.
    Number {
        value: f64,
        int: bool,
    },
    Bool(bool),
    /// A bare identifier: an enum variant without fields, or `None`.
    Ident(&'a str),
    /// `Name(field: value, …)` or `(field: value, …)`.
    Struct {
        name: Option<Ident<'a>>,
        fields: &'a [Field<'a>],
    },
    /// `Name(value, …)` or `(value, …)`, including `Some(x)` and `()`.
    Tuple {
        name: Option<Ident<'a>>,
        items: &'a [Value<'a>],
    },
    List(&'a [Value<'a>]),
    Map(&'a [(Value<'a>, Value<'a>)]),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ident<'a> {
    pub name: &'a str,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Field<'a> {
    pub name: Ident<'a>,
    pub value: Value<'a>,
}

/// Why the text is not RON. Positions are byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub enum SyntaxError {
    /// Something other than what the grammar allows here. `expected` is a key
    /// the messages of E005 and E006 translate (`value`, `field-name`, …) or
    /// punctuation shown as it is (`` `]` ``).
    Unexpected {
        found: String,
        expected: &'static str,
        span: Span,
    },
    /// The text ends where a value or a closing bracket should follow.
    UnexpectedEnd {
        expected: &'static str,
        open: Option<Span>,
        at: usize,
    },
    UnterminatedString {
        span: Span,
    },
    UnterminatedComment {
        span: Span,
    },
    BadEscape {
        span: Span,
    },
    BadNumber {
        span: Span,
    },
    TooDeep {
        span: Span,
    },
    TrailingText {
        span: Span,
    },
}

impl SyntaxError {
    pub fn span(&self) -> Span {
        match self {
            SyntaxError::Unexpected { span, .. }
            | SyntaxError::UnterminatedString { span }
            | SyntaxError::UnterminatedComment { span }
            | SyntaxError::BadEscape { span }
            | SyntaxError::BadNumber { span }
            | SyntaxError::TooDeep { span }
            | SyntaxError::TrailingText { span } => *span,
            SyntaxError::UnexpectedEnd { at, .. } => Span::point(*at),
        }
    }
}

/// Arena bytes to reserve per byte of source. A shipped scenario's tree takes
/// 1.1–1.3 per byte, so it fits in the first chunk; the generated 5,000-node
/// scenario of the validate bench (short lines of small structs) takes 4.3 and
/// grows into more. The size saves only chunk allocations: validating with 0
/// (an empty arena), 1, 2 or 5 cost the same instructions within 0.4 %.
pub const ARENA_PER_SOURCE_BYTE: usize = 2;

/// An arena large enough for the tree of `src` (see [`ARENA_PER_SOURCE_BYTE`]).
pub fn arena_for(src: &str) -> Bump {
    Bump::with_capacity(src.len().saturating_mul(ARENA_PER_SOURCE_BYTE))
}

/// Reads one RON value (with optional `#![enable(...)]` attributes before it),
/// building its tree in `arena`.
pub fn parse<'a>(src: &'a str, arena: &'a Bump) -> Result<Value<'a>, SyntaxError> {
    let mut p = Parser {
        src,
        bytes: src.as_bytes(),
        pos: 0,
        depth: 0,
        arena,
        values: Vec::new(),
        fields: Vec::new(),
        entries: Vec::new(),
        unescaped: String::new(),
    };
    p.skip_trivia()?;
    p.skip_attributes()?;
    let value = p.value()?;
    p.skip_trivia()?;
    if p.pos < p.bytes.len() {
        let end = p.token_end(p.pos);
        return Err(SyntaxError::TrailingText {
            span: Span::new(p.pos, end),
        });
    }
    Ok(value)
}

struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    arena: &'a Bump,
    /// The items, fields and entries of every sequence still open, innermost
    /// last. A sequence's own are copied into the arena at its close, in one
    /// exactly sized slice: growing them in the arena (bumpalo's `Vec`) would
    /// leave every outgrown buffer behind in it, since its children are
    /// allocated after it, and cost 2 % more instructions on the generated
    /// 5,000-node scenario. These stacks grow to the widest open sequences and
    /// are reused.
    values: Vec<Value<'a>>,
    fields: Vec<Field<'a>>,
    entries: Vec<(Value<'a>, Value<'a>)>,
    /// A string with escapes, resolved here before it is copied into the arena.
    unescaped: String,
}

/// The elements of `stack` from `mark` on, moved into `arena`.
fn close<'a, T: Copy>(arena: &'a Bump, stack: &mut Vec<T>, mark: usize) -> &'a [T] {
    let slice = match &stack[mark..] {
        [] => &[],
        items => &*arena.alloc_slice_copy(items),
    };
    stack.truncate(mark);
    slice
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_trivia(&mut self) -> Result<(), SyntaxError> {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                Some(b'/') if self.bytes.get(self.pos + 1) == Some(&b'/') => {
                    while let Some(b) = self.peek() {
                        if b == b'\n' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                Some(b'/') if self.bytes.get(self.pos + 1) == Some(&b'*') => {
                    let start = self.pos;
                    self.pos += 2;
                    let mut level = 1usize;
                    while level > 0 {
                        match self.peek() {
                            None => {
                                return Err(SyntaxError::UnterminatedComment {
                                    span: Span::new(start, start + 2),
                                });
                            }
                            Some(b'*') if self.bytes.get(self.pos + 1) == Some(&b'/') => {
                                level -= 1;
                                self.pos += 2;
                            }
                            Some(b'/') if self.bytes.get(self.pos + 1) == Some(&b'*') => {
                                level += 1;
                                self.pos += 2;
                            }
                            Some(_) => self.pos += 1,
                        }
                    }
                }
                Some(0xEF) if self.pos == 0 && self.src.starts_with('\u{feff}') => {
                    self.pos += 3;
                }
                _ => return Ok(()),
            }
        }
    }

    /// `#![enable(implicit_some)]` and friends: accepted and ignored, because the
    /// decoder already treats a bare value as `Some` wherever an option is expected.
    fn skip_attributes(&mut self) -> Result<(), SyntaxError> {
        while self.src[self.pos..].starts_with("#!") {
            let start = self.pos;
            match self.src[self.pos..].find(']') {
                Some(close) => self.pos += close + 1,
                None => {
                    return Err(SyntaxError::UnexpectedEnd {
                        expected: "`]`",
                        open: Some(Span::new(start, start + 2)),
                        at: self.bytes.len(),
                    });
                }
            }
            self.skip_trivia()?;
        }
        Ok(())
    }

    /// End of the token starting at `start`, for marking what was found.
    fn token_end(&self, start: usize) -> usize {
        let rest = &self.src[start..];
        let mut chars = rest.char_indices();
        match chars.next() {
            None => start,
            Some((_, c)) if is_ident_char(c) => {
                start
                    + rest
                        .char_indices()
                        .find(|&(_, c)| !is_ident_char(c))
                        .map_or(rest.len(), |(i, _)| i)
            }
            Some((_, c)) => start + c.len_utf8(),
        }
    }

    fn found(&self, at: usize) -> String {
        let end = self.token_end(at);
        self.src[at..end].to_string()
    }

    fn unexpected(&self, expected: &'static str) -> SyntaxError {
        if self.pos >= self.bytes.len() {
            SyntaxError::UnexpectedEnd {
                expected,
                open: None,
                at: self.bytes.len(),
            }
        } else {
            SyntaxError::Unexpected {
                found: self.found(self.pos),
                expected,
                span: Span::new(self.pos, self.token_end(self.pos)),
            }
        }
    }

    fn value(&mut self) -> Result<Value<'a>, SyntaxError> {
        let start = self.pos;
        match self.peek() {
            None => Err(self.unexpected("value")),
            Some(b'"') => {
                let s = self.string()?;
                Ok(Value {
                    kind: Kind::Str(s),
                    span: Span::new(start, self.pos),
                })
            }
            Some(b'r') if matches!(self.bytes.get(self.pos + 1), Some(b'"' | b'#')) => {
                let s = self.raw_string()?;
                Ok(Value {
                    kind: Kind::Str(s),
                    span: Span::new(start, self.pos),
                })
            }
            Some(b'\'') => self.char_literal(),
            Some(b'(') => self.parens(None, start),
            Some(b'[') => self.list(),
            Some(b'{') => self.map(),
            Some(b'0'..=b'9' | b'-' | b'+' | b'.') => self.number(),
            Some(_) => {
                let ident = self.ident()?;
                self.skip_trivia()?;
                match ident.name {
                    "true" => Ok(Value {
                        kind: Kind::Bool(true),
                        span: ident.span,
                    }),
                    "false" => Ok(Value {
                        kind: Kind::Bool(false),
                        span: ident.span,
                    }),
                    "inf" | "NaN" => Ok(Value {
                        kind: Kind::Number {
                            value: if ident.name == "inf" {
                                f64::INFINITY
                            } else {
                                f64::NAN
                            },
                            int: false,
                        },
                        span: ident.span,
                    }),
                    _ if self.peek() == Some(b'(') => {
                        let pos = self.pos;
                        self.parens(Some(ident), pos).map(|mut v| {
                            v.span.start = start as u32;
                            v
                        })
                    }
                    _ => Ok(Value {
                        span: ident.span,
                        kind: Kind::Ident(ident.name),
                    }),
                }
            }
        }
    }

    fn ident(&mut self) -> Result<Ident<'a>, SyntaxError> {
        let start = self.pos;
        let src: &'a str = self.src;
        let rest = &src[start..];
        // Identifier characters are ASCII, so bytes will do: the first byte of
        // any other character ends the identifier as the character would.
        let len = rest
            .bytes()
            .position(|b| !is_ident_byte(b))
            .unwrap_or(rest.len());
        if len == 0 || rest.as_bytes()[0].is_ascii_digit() {
            return Err(self.unexpected("value"));
        }
        self.pos += len;
        Ok(Ident {
            name: &rest[..len],
            span: Span::new(start, start + len),
        })
    }

    fn enter(&mut self, open: usize) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(SyntaxError::TooDeep {
                span: Span::new(open, open + 1),
            });
        }
        Ok(())
    }

    /// Expects `close` or `,`; returns true when the sequence is closed.
    fn after_item(
        &mut self,
        close: u8,
        open: usize,
        expected: &'static str,
    ) -> Result<bool, SyntaxError> {
        self.skip_trivia()?;
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                self.skip_trivia()?;
                if self.peek() == Some(close) {
                    self.pos += 1;
                    return Ok(true);
                }
                Ok(false)
            }
            Some(b) if b == close => {
                self.pos += 1;
                Ok(true)
            }
            None => Err(SyntaxError::UnexpectedEnd {
                expected,
                open: Some(Span::new(open, open + 1)),
                at: self.bytes.len(),
            }),
            Some(_) => Err(self.unexpected(expected)),
        }
    }

    fn parens(&mut self, name: Option<Ident<'a>>, open: usize) -> Result<Value<'a>, SyntaxError> {
        self.enter(open)?;
        self.pos += 1;
        self.skip_trivia()?;
        let start = name.as_ref().map_or(open, |n| n.span.start as usize);
        if self.peek() == Some(b')') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Value {
                kind: Kind::Tuple { name, items: &[] },
                span: Span::new(start, self.pos),
            });
        }
        if self.peek().is_none() {
            return Err(SyntaxError::UnexpectedEnd {
                expected: "`)`",
                open: Some(Span::new(open, open + 1)),
                at: self.bytes.len(),
            });
        }
        // A struct starts with `identifier :`; anything else is a tuple.
        let save = self.pos;
        let first_field = match self.ident() {
            Ok(field) => {
                self.skip_trivia()?;
                (self.peek() == Some(b':')).then_some(field)
            }
            Err(_) => None,
        };
        let kind = if let Some(mut field) = first_field {
            let mark = self.fields.len();
            loop {
                // At the `:` after `field`.
                self.pos += 1;
                self.skip_trivia()?;
                let value = self.value()?;
                self.fields.push(Field { name: field, value });
                if self.after_item(b')', open, "comma-or-paren")? {
                    break;
                }
                if !matches!(self.peek(), Some(b) if is_ident_start(b)) {
                    return Err(self.unexpected("field-name"));
                }
                field = self.ident()?;
                self.skip_trivia()?;
                if self.peek() != Some(b':') {
                    return Err(self.unexpected("colon-after-field"));
                }
            }
            Kind::Struct {
                name,
                fields: close(self.arena, &mut self.fields, mark),
            }
        } else {
            self.pos = save;
            let mark = self.values.len();
            loop {
                let item = self.value()?;
                self.values.push(item);
                if self.after_item(b')', open, "comma-or-paren")? {
                    break;
                }
            }
            Kind::Tuple {
                name,
                items: close(self.arena, &mut self.values, mark),
            }
        };
        self.depth -= 1;
        Ok(Value {
            kind,
            span: Span::new(start, self.pos),
        })
    }

    fn list(&mut self) -> Result<Value<'a>, SyntaxError> {
        let open = self.pos;
        self.enter(open)?;
        self.pos += 1;
        self.skip_trivia()?;
        let mark = self.values.len();
        if self.peek() == Some(b']') {
            self.pos += 1;
        } else {
            loop {
                if self.peek().is_none() {
                    return Err(SyntaxError::UnexpectedEnd {
                        expected: "`]`",
                        open: Some(Span::new(open, open + 1)),
                        at: self.bytes.len(),
                    });
                }
                let item = self.value()?;
                self.values.push(item);
                if self.after_item(b']', open, "comma-or-bracket")? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(Value {
            kind: Kind::List(close(self.arena, &mut self.values, mark)),
            span: Span::new(open, self.pos),
        })
    }

    fn map(&mut self) -> Result<Value<'a>, SyntaxError> {
        let open = self.pos;
        self.enter(open)?;
        self.pos += 1;
        self.skip_trivia()?;
        let mark = self.entries.len();
        if self.peek() == Some(b'}') {
            self.pos += 1;
        } else {
            loop {
                let key = self.value()?;
                self.skip_trivia()?;
                if self.peek() != Some(b':') {
                    return Err(self.unexpected("colon-in-map"));
                }
                self.pos += 1;
                self.skip_trivia()?;
                let value = self.value()?;
                self.entries.push((key, value));
                if self.after_item(b'}', open, "`,` or `}`")? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(Value {
            kind: Kind::Map(close(self.arena, &mut self.entries, mark)),
            span: Span::new(open, self.pos),
        })
    }

    fn string(&mut self) -> Result<&'a str, SyntaxError> {
        let start = self.pos;
        self.pos += 1;
        // Most strings have no escape: borrow them straight from the source.
        let src: &'a str = self.src;
        let rest = &src[self.pos..];
        if let Some(stop) = rest.find(['"', '\\'])
            && rest.as_bytes()[stop] == b'"'
        {
            self.pos += stop + 1;
            return Ok(&rest[..stop]);
        }
        let mut out = std::mem::take(&mut self.unescaped);
        out.clear();
        let resolved = self.unescape(start, &mut out);
        let s = resolved.map(|()| &*self.arena.alloc_str(&out));
        self.unescaped = out;
        s
    }

    /// The rest of the string opened at `start`, its escapes resolved into `out`.
    fn unescape(&mut self, start: usize, out: &mut String) -> Result<(), SyntaxError> {
        loop {
            let rest = &self.src[self.pos..];
            let Some(stop) = rest.find(['"', '\\']) else {
                self.pos = self.bytes.len();
                return Err(SyntaxError::UnterminatedString {
                    span: Span::new(start, start + 1),
                });
            };
            out.push_str(&rest[..stop]);
            self.pos += stop;
            if self.bytes[self.pos] == b'"' {
                self.pos += 1;
                return Ok(());
            }
            let esc_start = self.pos;
            self.pos += 1;
            let c = match self.peek() {
                Some(b'n') => '\n',
                Some(b't') => '\t',
                Some(b'r') => '\r',
                Some(b'0') => '\0',
                Some(b'\\') => '\\',
                Some(b'"') => '"',
                Some(b'\'') => '\'',
                Some(b'\n') => {
                    // A backslash at the end of a line continues the string.
                    self.pos += 1;
                    while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                        self.pos += 1;
                    }
                    continue;
                }
                Some(b'u') => {
                    let c = self.unicode_escape(esc_start)?;
                    out.push(c);
                    continue;
                }
                None => {
                    return Err(SyntaxError::UnterminatedString {
                        span: Span::new(start, start + 1),
                    });
                }
                Some(_) => {
                    let len = self.src[self.pos..]
                        .chars()
                        .next()
                        .map_or(1, char::len_utf8);
                    return Err(SyntaxError::BadEscape {
                        span: Span::new(esc_start, self.pos + len),
                    });
                }
            };
            self.pos += 1;
            out.push(c);
        }
    }

    fn unicode_escape(&mut self, esc_start: usize) -> Result<char, SyntaxError> {
        // At `u`; accepts `\u{1F600}` and `\u00e9`.
        self.pos += 1;
        let bad = |p: &Parser| SyntaxError::BadEscape {
            span: Span::new(esc_start, p.pos.min(p.bytes.len())),
        };
        let digits = if self.peek() == Some(b'{') {
            let close = self.src[self.pos..].find('}').ok_or_else(|| bad(self))?;
            let d = &self.src[self.pos + 1..self.pos + close];
            self.pos += close + 1;
            d
        } else {
            let end = (self.pos + 4).min(self.bytes.len());
            let d = self.src.get(self.pos..end).ok_or_else(|| bad(self))?;
            self.pos = end;
            d
        };
        u32::from_str_radix(digits, 16)
            .ok()
            .filter(|_| !digits.is_empty() && digits.len() <= 6)
            .and_then(char::from_u32)
            .ok_or_else(|| bad(self))
    }

    fn raw_string(&mut self) -> Result<&'a str, SyntaxError> {
        let start = self.pos;
        self.pos += 1;
        let hashes = self.src[self.pos..]
            .bytes()
            .take_while(|&b| b == b'#')
            .count();
        self.pos += hashes;
        if self.peek() != Some(b'"') {
            return Err(self.unexpected("raw-string-quote"));
        }
        self.pos += 1;
        let closing: String = std::iter::once('"')
            .chain(std::iter::repeat_n('#', hashes))
            .collect();
        match self.src[self.pos..].find(&closing) {
            Some(end) => {
                let src: &'a str = self.src;
                let s = &src[self.pos..self.pos + end];
                self.pos += end + closing.len();
                Ok(s)
            }
            None => {
                self.pos = self.bytes.len();
                Err(SyntaxError::UnterminatedString {
                    span: Span::new(start, start + 1 + hashes + 1),
                })
            }
        }
    }

    fn char_literal(&mut self) -> Result<Value<'a>, SyntaxError> {
        let start = self.pos;
        self.pos += 1;
        let c = match self.src[self.pos..].chars().next() {
            None => {
                return Err(SyntaxError::UnterminatedString {
                    span: Span::new(start, start + 1),
                });
            }
            Some('\\') => {
                self.pos += 1;
                match self.peek() {
                    Some(b'u') => self.unicode_escape(self.pos - 1)?,
                    Some(b) => {
                        self.pos += 1;
                        match b {
                            b'n' => '\n',
                            b't' => '\t',
                            b'r' => '\r',
                            b'0' => '\0',
                            b'\\' => '\\',
                            b'\'' => '\'',
                            b'"' => '"',
                            _ => {
                                return Err(SyntaxError::BadEscape {
                                    span: Span::new(self.pos - 2, self.pos),
                                });
                            }
                        }
                    }
                    None => {
                        return Err(SyntaxError::UnterminatedString {
                            span: Span::new(start, start + 1),
                        });
                    }
                }
            }
            Some(c) => {
                self.pos += c.len_utf8();
                c
            }
        };
        if self.peek() != Some(b'\'') {
            return Err(SyntaxError::UnterminatedString {
                span: Span::new(start, start + 1),
            });
        }
        self.pos += 1;
        Ok(Value {
            kind: Kind::Char(c),
            span: Span::new(start, self.pos),
        })
    }

    fn number(&mut self) -> Result<Value<'a>, SyntaxError> {
        let start = self.pos;
        let rest = &self.src[start..];
        let len = rest
            .char_indices()
            .find(|&(i, c)| {
                !(c.is_ascii_alphanumeric()
                    || c == '_'
                    || c == '.'
                    || ((c == '-' || c == '+')
                        && (i == 0 || matches!(rest.as_bytes()[i - 1], b'e' | b'E'))))
            })
            .map_or(rest.len(), |(i, _)| i);
        self.pos += len;
        let span = Span::new(start, self.pos);
        let text: Cow<str> = if rest[..len].contains('_') {
            rest[..len].chars().filter(|&c| c != '_').collect()
        } else {
            Cow::Borrowed(&rest[..len])
        };
        let (neg, body) = match text.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, text.strip_prefix('+').unwrap_or(&text)),
        };
        let sign = if neg { -1.0 } else { 1.0 };
        let radix = match body.get(..2) {
            Some("0x") => Some(16),
            Some("0o") => Some(8),
            Some("0b") => Some(2),
            _ => None,
        };
        let parsed = if let Some(radix) = radix {
            i64::from_str_radix(&body[2..], radix)
                .ok()
                .map(|v| (sign * v as f64, true))
        } else if body == "inf" {
            Some((sign * f64::INFINITY, false))
        } else if !body.is_empty()
            && body
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
            && body
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_digit() || b == b'.')
        {
            let int = body.bytes().all(|b| b.is_ascii_digit());
            body.parse::<f64>().ok().map(|v| (sign * v, int))
        } else {
            None
        };
        match parsed {
            Some((value, int)) => Ok(Value {
                kind: Kind::Number { value, int },
                span,
            }),
            None => Err(SyntaxError::BadNumber { span }),
        }
    }
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `parse` with an arena of its own, leaked: tests read a few short texts.
    fn parse(src: &str) -> Result<Value<'_>, SyntaxError> {
        let arena = Box::leak(Box::new(Bump::new()));
        super::parse(src, arena)
    }

    fn kind(src: &str) -> Kind<'_> {
        parse(src).unwrap().kind
    }

    #[test]
    fn reads_structs_tuples_lists_and_scalars_with_positions() {
        let src = r#"Scenario(id: "a", n: -2.5, l: [1, 0x10,], b: true, o: Some(x), u: ())"#;
        let v = parse(src).unwrap();
        let Kind::Struct { name, fields } = v.kind else {
            panic!("not a struct")
        };
        assert_eq!(name.unwrap().name, "Scenario");
        assert_eq!(fields.len(), 6);
        assert_eq!(fields[0].value.kind, Kind::Str("a"));
        assert_eq!(
            &src[fields[0].value.span.start as usize..fields[0].value.span.end as usize],
            "\"a\""
        );
        assert_eq!(
            fields[1].value.kind,
            Kind::Number {
                value: -2.5,
                int: false
            }
        );
        let Kind::List(items) = &fields[2].value.kind else {
            panic!()
        };
        assert_eq!(
            items[1].kind,
            Kind::Number {
                value: 16.0,
                int: true
            }
        );
        assert!(
            matches!(&fields[4].value.kind, Kind::Tuple { name: Some(n), items } if n.name == "Some" && items.len() == 1)
        );
        assert!(
            matches!(&fields[5].value.kind, Kind::Tuple { name: None, items } if items.is_empty())
        );
    }

    #[test]
    fn strings_keep_japanese_and_resolve_escapes() {
        assert_eq!(
            kind(r#""申し訳\"ござい\u{307E}す\n""#),
            Kind::Str("申し訳\"ございます\n")
        );
        assert_eq!(kind(r##"r#"a "raw" b"#"##), Kind::Str("a \"raw\" b"));
        assert_eq!(kind("'あ'"), Kind::Char('あ'));
    }

    #[test]
    fn nested_sequences_keep_their_own_items() {
        // Each open sequence collects its items on a stack shared with those
        // inside it; every one must get exactly its own back.
        let v =
            parse(r#"[(a: [1, (b: 2, c: [])], d: {"k": [3, 4], 5: ()}), 6, Some([7])]"#).unwrap();
        let Kind::List(top) = v.kind else { panic!() };
        assert_eq!(top.len(), 3);
        let Kind::Struct { fields, .. } = top[0].kind else {
            panic!()
        };
        assert_eq!(fields.len(), 2);
        assert_eq!((fields[0].name.name, fields[1].name.name), ("a", "d"));
        let Kind::List(a) = fields[0].value.kind else {
            panic!()
        };
        assert_eq!(a.len(), 2);
        let Kind::Struct { fields: b, .. } = a[1].kind else {
            panic!()
        };
        assert_eq!((b.len(), b[1].value.kind), (2, Kind::List(&[])));
        let Kind::Map(d) = fields[1].value.kind else {
            panic!()
        };
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].0.kind, Kind::Str("k"));
        assert!(matches!(d[0].1.kind, Kind::List(l) if l.len() == 2));
        assert!(matches!(d[1].1.kind, Kind::Tuple { items, .. } if items.is_empty()));
        assert_eq!(
            top[1].kind,
            Kind::Number {
                value: 6.0,
                int: true
            }
        );
        let Kind::Tuple { items, .. } = top[2].kind else {
            panic!()
        };
        assert!(
            matches!(items, [Value { kind: Kind::List([seven]), .. }] if seven.kind == Kind::Number { value: 7.0, int: true })
        );
    }

    #[test]
    fn comments_nest_and_attributes_are_skipped() {
        let v =
            parse("#![enable(implicit_some)]\n/* a /* b */ c */ // x\n[1, /* in */ 2]").unwrap();
        assert!(matches!(v.kind, Kind::List(i) if i.len() == 2));
    }

    #[test]
    fn a_hundred_thousand_brackets_are_too_deep_not_a_crash() {
        let src = "[".repeat(100_000);
        let err = parse(&src).unwrap_err();
        assert_eq!(
            err,
            SyntaxError::TooDeep {
                span: Span::new(MAX_DEPTH, MAX_DEPTH + 1)
            }
        );
        let src = "(a:".repeat(50_000);
        assert!(matches!(parse(&src), Err(SyntaxError::TooDeep { .. })));
    }

    #[test]
    fn errors_point_at_the_offending_token() {
        let src = "(a: 1 b: 2)";
        //             ^ missing comma
        assert_eq!(
            parse(src).unwrap_err(),
            SyntaxError::Unexpected {
                found: "b".into(),
                expected: "comma-or-paren",
                span: Span::new(6, 7)
            }
        );
        assert_eq!(
            parse("[1, 2").unwrap_err(),
            SyntaxError::UnexpectedEnd {
                expected: "comma-or-bracket",
                open: Some(Span::new(0, 1)),
                at: 5
            }
        );
        assert_eq!(
            parse("\"abc").unwrap_err(),
            SyntaxError::UnterminatedString {
                span: Span::new(0, 1)
            }
        );
        assert_eq!(
            parse("[1.2.3]").unwrap_err(),
            SyntaxError::BadNumber {
                span: Span::new(1, 6)
            }
        );
        assert_eq!(
            parse("\"\\q\"").unwrap_err(),
            SyntaxError::BadEscape {
                span: Span::new(1, 3)
            }
        );
        assert_eq!(
            parse("1 2").unwrap_err(),
            SyntaxError::TrailingText {
                span: Span::new(2, 3)
            }
        );
        assert_eq!(
            parse("/* x").unwrap_err(),
            SyntaxError::UnterminatedComment {
                span: Span::new(0, 2)
            }
        );
    }
}
