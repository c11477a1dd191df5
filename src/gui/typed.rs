//! The one rule for a number typed into an input (a draft field or grid cell, a monev
//! actual): the document takes the text only while it reads as a value. Typing goes
//! into the document key by key, so without this rule `12,5x` would leave the `12,5`
//! typed a key earlier in the file while the cell showed red; instead, text that does
//! not read puts back what the document held before this typing began.

/// The value a document holds, as text that reads back exactly: `f64`'s `Display` is
/// the shortest text that parses to the same number, with no exponent and a dot for
/// the decimal point, which `locale::parse_number` reads (a single dot is a decimal
/// point). `None` is the empty text, which clears an optional value.
pub fn exact<T: std::fmt::Display>(value: Option<T>) -> String {
    value.map(|value| value.to_string()).unwrap_or_default()
}

/// What typing `text` does to the document. `apply` reads text into the updated item
/// (`Ok(None)`: the document already holds it); `before` is what the document held
/// when typing in this input began (see [`exact`]).
///
/// Returns the item the document should hold now (if it changes) and why `text` does
/// not read (if it does not).
pub fn take<T, P>(
    text: &str,
    before: &str,
    apply: impl Fn(&str) -> Result<Option<T>, P>,
) -> (Option<T>, Option<P>) {
    match apply(text) {
        Ok(updated) => (updated, None),
        // What was there before was valid, so it reads; if the rules changed meanwhile
        // and it no longer does, nothing is changed rather than something invented.
        Err(problem) => (apply(before).ok().flatten(), Some(problem)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::parse_number;

    /// A cell holding `held`, read like the grid reads it.
    fn cell(held: Option<f64>) -> impl Fn(&str) -> Result<Option<Option<f64>>, ()> {
        move |text: &str| {
            let value = if text.trim().is_empty() {
                None
            } else {
                Some(parse_number(text).map_err(|_| ())?)
            };
            Ok((value != held).then_some(value))
        }
    }

    #[test]
    fn invalid_text_puts_back_what_was_there() {
        for (held, before, typed, expected) in [
            // Typing "5O" key by key: "5" went in, "5O" puts the empty cell back.
            (Some(5.0), "", "5O", (Some(None), Some(()))),
            (Some(12.5), "45", "12,5x", (Some(Some(45.0)), Some(()))),
            // Already what it was: nothing to change, still refused.
            (Some(45.0), "45", "4x5", (None, Some(()))),
            (None, "", "12,5", (Some(Some(12.5)), None)),
            (Some(12.5), "45", "12,5", (None, None)),
        ] {
            assert_eq!(take(typed, before, cell(held)), expected, "{typed:?}");
        }
    }

    #[test]
    fn exact_text_reads_back_the_same_value() {
        for value in [0.1, 1234.5, -3.25, 60.27, 1e-7, 123456789.123, 1e21] {
            let text = exact(Some(value));
            assert_eq!(parse_number(&text), Ok(value), "{text}");
        }
        assert_eq!(exact::<f64>(None), "");
    }
}
