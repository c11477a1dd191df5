//! Every slide as a PNG in a folder (`slide-01.png`, ...), for the minutes of the
//! meeting or for a colleague without the program.
//!
//! Each slide is drawn offscreen at a fixed size ([`super::picture`]), without the
//! window's chrome and without changing what the screen shows. [`Export`] is the state
//! machine that drives it (which slide is next, when to stop); [`write_png`] turns one
//! slide's pixels into its file. Neither touches iced, so both are tested without a
//! window.

use std::fs::File;
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};

/// Why a slide could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("{}: {message}", path.display())]
    Write {
        path: PathBuf,
        kind: io::ErrorKind,
        message: String,
    },
    #[error(
        "{}: the picture has {got} bytes, not the {expected} of {width} × {height} pixels",
        path.display()
    )]
    Size {
        path: PathBuf,
        width: u32,
        height: u32,
        expected: usize,
        got: usize,
    },
}

/// Makes `folder` (and its parents) when it does not exist yet, and removes the slides
/// of an earlier export there (only files named like ours, `slide-NN.png`), so that
/// a shorter deck does not leave old slides among the new ones.
pub fn prepare_folder(folder: &Path) -> Result<(), ExportError> {
    let fail = |path: &Path, error: std::io::Error| ExportError::Write {
        path: path.to_owned(),
        kind: error.kind(),
        message: error.to_string(),
    };
    std::fs::create_dir_all(folder).map_err(|error| fail(folder, error))?;
    let entries = std::fs::read_dir(folder).map_err(|error| fail(folder, error))?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_str().is_some_and(is_slide_file_name) {
            let path = entry.path();
            std::fs::remove_file(&path).map_err(|error| fail(&path, error))?;
        }
    }
    Ok(())
}

/// `slide-` digits `.png`: a file this export writes.
fn is_slide_file_name(name: &str) -> bool {
    name.strip_prefix("slide-")
        .and_then(|rest| rest.strip_suffix(".png"))
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// `slide-01.png` for the first of up to 99 slides; more digits for longer decks, so
/// that the files sort in slide order.
pub fn file_name(index: usize, total: usize) -> String {
    let digits = total.to_string().len().max(2);
    format!("slide-{:0digits$}.png", index + 1)
}

/// Writes `rgba` (8 bits a channel, rows top to bottom) as the PNG `name` in `folder`.
pub fn write_png(
    folder: &Path,
    name: &str,
    rgba: &[u8],
    width: u32,
    height: u32,
) -> Result<PathBuf, ExportError> {
    let path = folder.join(name);
    let expected = width as usize * height as usize * 4;
    if rgba.len() != expected || expected == 0 {
        return Err(ExportError::Size {
            path,
            width,
            height,
            expected,
            got: rgba.len(),
        });
    }
    let write_error = |error: &dyn std::fmt::Display, kind| ExportError::Write {
        path: path.clone(),
        kind,
        message: error.to_string(),
    };
    let encoding_error = |error: png::EncodingError| match error {
        png::EncodingError::IoError(error) => write_error(&error, error.kind()),
        other => write_error(&other, io::ErrorKind::Other),
    };
    let file = File::create(&path).map_err(|e| write_error(&e, e.kind()))?;
    let mut encoder = png::Encoder::new(BufWriter::new(file), width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    // Slides are flat colour: fast compression is already small, and quick.
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(encoding_error)?;
    writer.write_image_data(rgba).map_err(encoding_error)?;
    writer.finish().map_err(encoding_error)?;
    Ok(path)
}

/// An export under way.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    folder: PathBuf,
    total: usize,
    next: usize,
}

/// What an export does after a slide was written.
#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    /// Draw and write this slide next.
    Next(usize),
    /// Every slide is written.
    Done { count: usize, folder: PathBuf },
}

impl Export {
    /// Starts at the first slide.
    pub fn start(folder: PathBuf, total: usize) -> Self {
        Self {
            folder,
            total,
            next: 0,
        }
    }

    /// The slide to draw next.
    pub fn slide(&self) -> usize {
        self.next
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The next slide's pixels: writes them and says what comes next.
    pub fn shot(&mut self, rgba: &[u8], width: u32, height: u32) -> Result<Progress, ExportError> {
        let name = file_name(self.next, self.total);
        write_png(&self.folder, &name, rgba, width, height)?;
        self.next += 1;
        Ok(if self.next >= self.total {
            Progress::Done {
                count: self.total,
                folder: self.folder.clone(),
            }
        } else {
            Progress::Next(self.next)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preparing_removes_only_the_slides_of_an_earlier_export() {
        let folder = tempfile::tempdir().unwrap();
        for name in [
            "slide-01.png",
            "slide-17.png",
            "slide-x.png",
            "photo.png",
            "slide-01.png.txt",
        ] {
            std::fs::write(folder.path().join(name), b"x").unwrap();
        }
        prepare_folder(folder.path()).unwrap();
        let mut left: Vec<String> = std::fs::read_dir(folder.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, ["photo.png", "slide-01.png.txt", "slide-x.png"]);
    }

    #[test]
    fn names_sort_in_slide_order() {
        for (index, total, expected) in [
            (0, 1, "slide-01.png"),
            (8, 12, "slide-09.png"),
            (11, 12, "slide-12.png"),
            (4, 120, "slide-005.png"),
            (119, 120, "slide-120.png"),
        ] {
            assert_eq!(file_name(index, total), expected);
        }
    }

    #[test]
    fn writes_each_slide_in_turn_and_then_stops() {
        let folder = tempfile::tempdir().unwrap();
        let mut export = Export::start(folder.path().to_owned(), 2);
        let pixels = vec![255; 4 * 3 * 2];
        assert_eq!(export.slide(), 0);
        assert_eq!(export.shot(&pixels, 3, 2), Ok(Progress::Next(1)));
        assert_eq!(export.slide(), 1);
        assert_eq!(
            export.shot(&pixels, 3, 2),
            Ok(Progress::Done {
                count: 2,
                folder: folder.path().to_owned()
            })
        );
        assert!(folder.path().join("slide-02.png").exists());
    }

    #[test]
    fn refuses_pixels_that_do_not_match_the_size() {
        let folder = tempfile::tempdir().unwrap();
        let error = write_png(folder.path(), "x.png", &[0; 10], 2, 2).unwrap_err();
        assert!(matches!(
            error,
            ExportError::Size {
                expected: 16,
                got: 10,
                ..
            }
        ));
        let missing = folder.path().join("no/such/folder");
        let error = write_png(&missing, "x.png", &[0; 16], 2, 2).unwrap_err();
        assert!(
            matches!(
                &error,
                ExportError::Write {
                    kind: io::ErrorKind::NotFound,
                    ..
                }
            ),
            "{error:?}"
        );
        assert!(error.to_string().contains("x.png"));
    }
}
