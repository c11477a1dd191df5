//! Starting the desktop app so that it never just dies with a backtrace:
//! - without a graphical session (over SSH, on a server) it says so in one line and
//!   exits with status 2;
//! - when the GPU renderer panics (old drivers, Remote Desktop, virtual machines, Wine),
//!   the app starts again on the CPU renderer, remembers that in the config and tells
//!   the user once.
//!
//! iced 0.14 already tries the CPU renderer when the GPU one reports an error while it
//! is created; what it cannot survive is wgpu *panicking* (a validation error while the
//! surface is configured). The event loop cannot be created twice in one process
//! (winit's `RecreationAttempt`), so the way back is to run the program again with
//! `ICED_BACKEND=tiny-skia`, which iced reads when it creates its compositor.

use std::ffi::OsString;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;

use super::app::Options;
use super::config::Config;
use super::i18n::tr;
use super::notice::{Notice, Tone};
use crate::cli::EXIT_CANNOT_RUN;
use crate::locale::Language;
use crate::renderer::Renderer;

/// Set on the program run again after the GPU renderer failed: that run uses the CPU
/// renderer whatever the command line says, and tells the user why.
const FELL_BACK: &str = "REFORM_ROADMAP_RENDERER_FELL_BACK";

/// Why the app stopped before or while it showed its window, as recognised from a panic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The GPU renderer (wgpu) panicked; the message is wgpu's.
    Gpu(String),
    /// No event loop: there is no display to connect to.
    NoGraphicalSession,
}

/// What a panic of `message` raised in source `file` means for the start, if anything.
/// Panics from wgpu or iced's wgpu renderer are GPU failures wherever they come from;
/// iced_winit's failure to create its event loop means no display could be reached.
pub fn classify(file: &str, message: &str) -> Option<Failure> {
    if file.contains("wgpu") {
        Some(Failure::Gpu(message.to_owned()))
    } else if file.contains("iced_winit") && message.starts_with("Create event loop") {
        Some(Failure::NoGraphicalSession)
    } else {
        None
    }
}

/// What to do after the app stopped with `failure`, running on `renderer`, `restarted`
/// when this is already the run after a fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next<'a> {
    /// `detail` is the GPU renderer's panic message.
    RestartOnCpu {
        detail: &'a str,
    },
    ExplainNoSession,
    /// A bug, not a start-up problem: let the panic go on.
    Panic,
}

pub fn next(failure: Option<&Failure>, renderer: Renderer, restarted: bool) -> Next<'_> {
    match failure {
        Some(Failure::NoGraphicalSession) => Next::ExplainNoSession,
        Some(Failure::Gpu(detail)) if renderer == Renderer::Gpu && !restarted => {
            Next::RestartOnCpu { detail }
        }
        _ => Next::Panic,
    }
}

/// Whether a window can be shown at all. Windows and macOS always have a desktop; the
/// other Unix systems need Wayland or X11, found through these variables (as winit does).
pub fn has_graphical_session(var: impl Fn(&str) -> Option<OsString>) -> bool {
    if cfg!(any(windows, target_os = "macos")) {
        return true;
    }
    ["WAYLAND_DISPLAY", "WAYLAND_SOCKET", "DISPLAY"]
        .iter()
        .any(|name| var(name).is_some_and(|value| !value.is_empty()))
}

/// The line shown when there is no graphical session.
pub fn no_session_message(language: Language) -> String {
    tr(language, "app.start.no_session")
}

/// Starts the desktop app on `file` with the `requested` renderer (else the remembered
/// one) and returns the process's exit status.
pub fn start(file: Option<PathBuf>, requested: Option<Renderer>) -> ExitCode {
    #[cfg(windows)]
    console::leave_own_console();
    let config_path = Config::default_path();
    let mut config = config_path.as_deref().map(Config::load).unwrap_or_default();
    let language = config.language;
    if !has_graphical_session(|name| std::env::var_os(name)) {
        return explain_no_session(language);
    }
    let restarted = std::env::var_os(FELL_BACK).is_some();
    let renderer = if restarted {
        Renderer::Cpu
    } else {
        requested.unwrap_or(config.renderer)
    };
    if renderer == Renderer::Cpu {
        // SAFETY: nothing else runs yet (iced, tokio and winit start below), so no
        // other thread can read the environment while it changes.
        #[allow(unsafe_code)]
        unsafe {
            std::env::set_var("ICED_BACKEND", Renderer::Cpu.iced_backend())
        };
    }
    let notice = restarted.then(|| {
        Notice::said(Tone::Info, language, |language| {
            tr(language, "app.start.fell_back")
        })
    });
    let options = Options {
        file,
        config_path: config_path.clone(),
        recovery_folder: crate::safety::RecoveryStore::default_folder(),
        today: chrono::Local::now().date_naive(),
    };

    let failure = watch_panics();
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| super::run(options, notice)));
    let failure = failure.lock().map(|f| f.clone()).unwrap_or(None);
    match outcome {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(error)) => crate::cli::CliError::desktop_failed(error, language).exit(language),
        Err(panic) => match next(failure.as_ref(), renderer, restarted) {
            Next::ExplainNoSession => explain_no_session(language),
            Next::RestartOnCpu { detail } => {
                config.renderer = Renderer::Cpu;
                if let Some(path) = &config_path {
                    // Not remembered: the next start falls back again, no worse.
                    let _ = config.save(path);
                }
                // One line: wgpu's message spans several ("Caused by: ...").
                let detail = detail.split_whitespace().collect::<Vec<_>>().join(" ");
                eprintln!(
                    "{}",
                    tr(language, "app.start.restarting").replace("%{detail}", &detail)
                );
                restart_on_cpu()
            }
            Next::Panic => panic::resume_unwind(panic),
        },
    }
}

fn explain_no_session(language: Language) -> ExitCode {
    let prefix = rust_i18n::t!("cli.error.prefix", locale = language.code());
    eprintln!("{prefix}: {}", no_session_message(language));
    ExitCode::from(EXIT_CANNOT_RUN)
}

/// Installs a panic hook that records start-up failures (and keeps them quiet: the user
/// gets one line instead) and leaves every other panic to the default hook.
fn watch_panics() -> &'static Mutex<Option<Failure>> {
    static FAILURE: Mutex<Option<Failure>> = Mutex::new(None);
    let default_hook = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        let file = info.location().map(|l| l.file()).unwrap_or("");
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        match classify(file, &message) {
            Some(failure) => {
                if let Ok(mut slot) = FAILURE.lock() {
                    slot.get_or_insert(failure);
                }
            }
            None => default_hook(info),
        }
    }));
    &FAILURE
}

/// Runs this program again, same arguments, on the CPU renderer; its status is ours.
fn restart_on_cpu() -> ExitCode {
    let run = std::env::current_exe().and_then(|program| {
        let mut command = std::process::Command::new(program);
        command
            .args(std::env::args_os().skip(1))
            .env("ICED_BACKEND", Renderer::Cpu.iced_backend())
            .env(FELL_BACK, "1");
        #[cfg(windows)]
        console::no_new_console(&mut command);
        command.status()
    });
    match run {
        Ok(status) => ExitCode::from(status.code().map_or(EXIT_CANNOT_RUN, |c| c as u8)),
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(EXIT_CANNOT_RUN)
        }
    }
}

/// Windows gives a console program started from Explorer (a double click, the Start
/// menu, a file association) a console window of its own, which would stay open behind
/// the app. The command line needs a console, the desktop app does not.
#[cfg(windows)]
#[allow(unsafe_code)] // Win32 calls, each with its SAFETY note.
mod console {
    use windows_sys::Win32::System::Console::{
        FreeConsole, GetConsoleProcessList, GetConsoleWindow,
    };

    /// Leaves the console when no other process uses it (started from Explorer); one
    /// shared with a command prompt stays, so messages still reach it.
    pub fn leave_own_console() {
        let mut processes = [0u32; 2];
        // SAFETY: the buffer has room for the 2 process ids asked for.
        let attached = unsafe { GetConsoleProcessList(processes.as_mut_ptr(), 2) };
        if attached == 1 {
            // SAFETY: detaching only; std treats writes to the closed console as done.
            unsafe { FreeConsole() };
        }
    }

    /// A restart from a process without a console gets none either.
    pub fn no_new_console(command: &mut std::process::Command) {
        use std::os::windows::process::CommandExt;
        const CREATE_NO_WINDOW: u32 = 0x0800_0000;
        // SAFETY: a plain query without arguments.
        if unsafe { GetConsoleWindow() }.is_null() {
            command.creation_flags(CREATE_NO_WINDOW);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_are_classified_by_where_they_come_from() {
        let cargo = "/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f";
        for (file, message, expected) in [
            (
                format!("{cargo}/wgpu-27.0.1/src/backend/wgpu_core.rs"),
                "wgpu error: Validation Error",
                Some(Failure::Gpu("wgpu error: Validation Error".into())),
            ),
            (
                format!("{cargo}/iced_wgpu-0.14.0/src/window/compositor.rs"),
                "Create surface",
                Some(Failure::Gpu("Create surface".into())),
            ),
            (
                format!("{cargo}/iced_winit-0.14.1/src/lib.rs"),
                "Create event loop: Os(OsError { .. })",
                Some(Failure::NoGraphicalSession),
            ),
            (
                format!("{cargo}/iced_winit-0.14.1/src/lib.rs"),
                "Send compositor",
                None,
            ),
            ("src/gui/app/mod.rs".to_owned(), "index out of bounds", None),
        ] {
            assert_eq!(classify(&file, message), expected, "{file}: {message}");
        }
    }

    #[test]
    fn only_a_gpu_failure_on_the_first_gpu_run_restarts() {
        let gpu = Failure::Gpu("x".into());
        let session = Failure::NoGraphicalSession;
        for (failure, renderer, restarted, expected) in [
            (
                Some(&gpu),
                Renderer::Gpu,
                false,
                Next::RestartOnCpu { detail: "x" },
            ),
            // Already on the CPU, or already restarted: never a loop of restarts.
            (Some(&gpu), Renderer::Cpu, false, Next::Panic),
            (Some(&gpu), Renderer::Gpu, true, Next::Panic),
            (Some(&session), Renderer::Gpu, false, Next::ExplainNoSession),
            (Some(&session), Renderer::Cpu, true, Next::ExplainNoSession),
            (None, Renderer::Gpu, false, Next::Panic),
        ] {
            assert_eq!(next(failure, renderer, restarted), expected);
        }
    }

    #[test]
    fn a_session_needs_wayland_or_x11_outside_windows_and_macos() {
        let with = |set: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                set.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| OsString::from(v))
            }
        };
        assert!(has_graphical_session(with(&[("DISPLAY", ":0")])));
        assert!(has_graphical_session(with(&[(
            "WAYLAND_DISPLAY",
            "wayland-0"
        )])));
        assert!(has_graphical_session(with(&[("WAYLAND_SOCKET", "3")])));
        let none = has_graphical_session(with(&[("DISPLAY", ""), ("TERM", "xterm")]));
        assert_eq!(none, cfg!(any(windows, target_os = "macos")));
    }
}
