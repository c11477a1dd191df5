//! A fast reader for the RON our writer produces, in front of ron.
//!
//! ron spends most of a load skipping whitespace and parsing numbers through its
//! general machinery (serde visitors, spans kept for errors); on a 2,000-indicator
//! roadmap that made loading about four times slower than serde_json on the same
//! structure. This reader knows the document's shape and builds the model straight
//! from the text, borrowing every string until it is owned by the model.
//!
//! It reads a strict subset of what ron reads, to exactly the same value, and gives
//! up ([`Unhandled`]) on anything else: comments, escapes, `Some(..)`/`None`, named
//! structs, number suffixes and bases, unknown or repeated fields, invalid quarters or
//! dates, trailing text. Loading then parses the file again with ron, so every file,
//! valid or not, loads to the same document or fails with the same error (line and
//! column, newer-version refusals) as with ron alone. `tests/domain/fast_reader.rs`
//! holds the two readers to that on every fixture, template, generated roadmap and a
//! mutated corpus.

mod document;
mod scan;

use crate::model::Roadmap;

use scan::Scanner;

/// The fast reader met something it leaves to ron: not necessarily an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unhandled;

type Fast<T> = Result<T, Unhandled>;

/// The only attribute the writer puts at the top. ron reads it (and others) anywhere
/// in the whitespace before the value; implicit `Some` is on for loading either way.
const IMPLICIT_SOME: &str = "#![enable(implicit_some)]";

/// Reads `text` as ron would with the loader's options, or says it leaves it to ron.
pub fn read(text: &str) -> Result<Roadmap, Unhandled> {
    let mut scanner = Scanner::new(text);
    scanner.skip_whitespace()?;
    if scanner.peek() == Some(b'#') {
        if !scanner.eat_text(IMPLICIT_SOME) {
            return Err(Unhandled);
        }
        scanner.skip_whitespace()?;
    }
    let roadmap = document::roadmap(&mut scanner)?;
    scanner.skip_whitespace()?;
    if scanner.at_end() {
        Ok(roadmap)
    } else {
        Err(Unhandled)
    }
}
