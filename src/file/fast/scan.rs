//! The tokens of the RON subset the writer produces, read straight from the text.
//!
//! Every reader here accepts a token only where ron 0.12 would read the same token to
//! the same value; anything else (comments, escapes, `Some(..)`, hex or suffixed
//! numbers, exotic whitespace) is [`Unhandled`] and the whole file goes to ron.

use super::{Fast, Unhandled};

/// A position in the text being read.
pub(super) struct Scanner<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Scanner<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Self { text, at: 0 }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes().get(self.at).copied()
    }

    pub(super) fn at_end(&self) -> bool {
        self.at == self.text.len()
    }

    /// Skips the whitespace the writer uses. ron also skips comments and a few Unicode
    /// spaces; a `/` (a comment) is left for ron, any other byte for the caller.
    pub(super) fn skip_whitespace(&mut self) -> Fast<()> {
        let bytes = self.bytes();
        while let Some(&byte) = bytes.get(self.at) {
            match byte {
                b' ' | b'\n' | b'\r' | b'\t' => self.at += 1,
                b'/' => return Err(Unhandled),
                _ => break,
            }
        }
        Ok(())
    }

    /// Consumes `byte` if it is next.
    pub(super) fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    pub(super) fn expect(&mut self, byte: u8) -> Fast<()> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(Unhandled)
        }
    }

    /// Consumes `text` if it comes next, exactly.
    pub(super) fn eat_text(&mut self, text: &str) -> bool {
        let found = self.bytes()[self.at..].starts_with(text.as_bytes());
        if found {
            self.at += text.len();
        }
        found
    }

    /// `open item (, item)* ,? close`, whitespace anywhere between; `item` reads one
    /// element at the current position. As ron: a trailing comma is allowed, a
    /// leading or doubled one is not (the item reader meets the comma and gives up).
    pub(super) fn separated(
        &mut self,
        open: u8,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Fast<()>,
    ) -> Fast<()> {
        self.expect(open)?;
        self.skip_whitespace()?;
        if self.eat(close) {
            return Ok(());
        }
        loop {
            item(self)?;
            self.skip_whitespace()?;
            if self.eat(b',') {
                self.skip_whitespace()?;
                if self.eat(close) {
                    return Ok(());
                }
            } else if self.eat(close) {
                return Ok(());
            } else {
                return Err(Unhandled);
            }
        }
    }

    /// A struct body `(name: value, ...)`: `field` reads the value of the field named.
    pub(super) fn fields(
        &mut self,
        mut field: impl FnMut(&mut Self, &'a str) -> Fast<()>,
    ) -> Fast<()> {
        self.separated(b'(', b')', |scanner| {
            let name = scanner.identifier()?;
            scanner.skip_whitespace()?;
            scanner.expect(b':')?;
            scanner.skip_whitespace()?;
            field(scanner, name)
        })
    }

    /// An ASCII identifier (a field name, an enum variant, `true`). Whatever follows it
    /// that cannot (a non-ASCII letter, the `#` of a raw identifier `r#name`) is left
    /// unread: the caller then meets it where it expects `:`, `,` or a bracket, and the
    /// file goes to ron, which reads the longer identifier and reports it.
    pub(super) fn identifier(&mut self) -> Fast<&'a str> {
        let start = self.at;
        let bytes = self.bytes();
        match bytes.get(start) {
            Some(b'a'..=b'z' | b'A'..=b'Z' | b'_') => {}
            _ => return Err(Unhandled),
        }
        let mut end = start + 1;
        while let Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_') = bytes.get(end) {
            end += 1;
        }
        self.at = end;
        Ok(&self.text[start..end])
    }

    /// A string, borrowed from the text: `"..."` without a backslash (ron takes the
    /// text up to the next quote as it is, newlines included), or a raw string
    /// `r#"..."#`, which the writer uses for text with a quote or a backslash.
    pub(super) fn string(&mut self) -> Fast<&'a str> {
        let bytes = self.bytes();
        if self.eat(b'"') {
            let start = self.at;
            // One pass for the end and an escape both: a backslash first is ron's.
            let length = bytes[start..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\')
                .ok_or(Unhandled)?;
            if bytes[start + length] == b'\\' {
                return Err(Unhandled);
            }
            self.at = start + length + 1;
            return Ok(&self.text[start..start + length]);
        }
        if self.eat(b'r') {
            let hashes_start = self.at;
            while self.eat(b'#') {}
            let hashes = self.at - hashes_start;
            self.expect(b'"')?;
            let start = self.at;
            // The first quote followed by as many hashes ends it, as in ron.
            let mut search = start;
            loop {
                let quote = search + self.text[search..].find('"').ok_or(Unhandled)?;
                let after = quote + 1;
                if bytes.len() >= after + hashes
                    && bytes[after..after + hashes].iter().all(|&b| b == b'#')
                {
                    self.at = after + hashes;
                    return Ok(&self.text[start..quote]);
                }
                search = after;
            }
        }
        Err(Unhandled)
    }

    /// The bytes of a number token: the longest run of characters that could belong to
    /// a number or a suffix. Reading the whole run means `1.5f64`, `0x1F` or `12u8`
    /// are seen whole and refused, not read as `1.5` followed by garbage.
    fn number_token(&mut self) -> &'a str {
        let start = self.at;
        let bytes = self.bytes();
        let mut end = start;
        while let Some(b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'.' | b'+' | b'-') =
            bytes.get(end)
        {
            end += 1;
        }
        self.at = end;
        &self.text[start..end]
    }

    /// A float as the writer prints one (`{:?}` of an `f64`): `-?D+(.D+)?(e-?D+)?`.
    /// ron reads such a token with `f64::from_str` too, so the value is bit-identical.
    pub(super) fn float(&mut self) -> Fast<f64> {
        let token = self.number_token();
        if !is_plain_float(token.as_bytes()) {
            return Err(Unhandled);
        }
        token.parse().map_err(|_| Unhandled)
    }

    /// An unsigned integer in plain decimal digits; too large for `u64` is ron's
    /// error to report.
    pub(super) fn unsigned(&mut self) -> Fast<u64> {
        let token = self.number_token();
        if token.is_empty() || !token.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Unhandled);
        }
        token.parse().map_err(|_| Unhandled)
    }

    /// A signed 32-bit integer: plain decimal digits after an optional minus.
    pub(super) fn signed(&mut self) -> Fast<i32> {
        let token = self.number_token();
        let digits = token.strip_prefix('-').unwrap_or(token);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Unhandled);
        }
        token.parse().map_err(|_| Unhandled)
    }
}

fn digits(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// `-?D+(.D+)?(e-?D+)?`
fn is_plain_float(token: &[u8]) -> bool {
    let rest = token.strip_prefix(b"-").unwrap_or(token);
    let whole = digits(rest);
    if whole == 0 {
        return false;
    }
    let mut rest = &rest[whole..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let n = digits(fraction);
        if n == 0 {
            return false;
        }
        rest = &fraction[n..];
    }
    if let Some(exponent) = rest.strip_prefix(b"e") {
        let exponent = exponent.strip_prefix(b"-").unwrap_or(exponent);
        let n = digits(exponent);
        if n == 0 {
            return false;
        }
        rest = &exponent[n..];
    }
    rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_in_the_writers_shape_only() {
        for (token, plain) in [
            ("45.0", true),
            ("-0.5", true),
            ("7", true),
            ("1e16", true),
            ("1.5e-7", true),
            ("45.", false),
            (".5", false),
            ("1_0.0", false),
            ("+1.0", false),
            ("1e+5", false),
            ("1E5", false),
            ("1.0f64", false),
            ("NaN", false),
            ("inf", false),
            ("-", false),
            ("1e", false),
        ] {
            assert_eq!(is_plain_float(token.as_bytes()), plain, "{token}");
        }
    }

    #[test]
    fn strings_plain_and_raw() {
        for (text, read, rest) in [
            ("\"abc\", x", Some("abc"), ", x"),
            ("\"baris\nbaru\")", Some("baris\nbaru"), ")"),
            ("\"a\\nb\"", None, ""),
            ("r#\"say \"hi\"\"#,", Some("say \"hi\""), ","),
            ("r##\"a\"#b\"##)", Some("a\"#b"), ")"),
            ("r\"no hash\"", Some("no hash"), ""),
            ("\"unterminated", None, ""),
            ("r#\"unterminated\"", None, ""),
            ("b\"bytes\"", None, ""),
        ] {
            let mut scanner = Scanner::new(text);
            let result = scanner.string().ok();
            assert_eq!(result, read, "{text}");
            if read.is_some() {
                assert_eq!(&text[scanner.at..], rest, "{text}");
            }
        }
    }
}
