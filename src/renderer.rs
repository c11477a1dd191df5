//! Which renderer draws the desktop app's window. A plain choice shared by the command
//! line (`--renderer`) and the app's config, so it lives outside the GUI code.

use std::fmt;

/// The GPU renderer (wgpu) is faster and the default; the CPU renderer (tiny-skia)
/// works where the GPU path fails: old drivers, Remote Desktop, virtual machines.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    serde::Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
pub enum Renderer {
    #[default]
    Gpu,
    Cpu,
}

impl Renderer {
    pub const ALL: [Renderer; 2] = [Renderer::Gpu, Renderer::Cpu];

    /// The value of iced's `ICED_BACKEND` that forces this renderer.
    pub fn iced_backend(self) -> &'static str {
        match self {
            Renderer::Gpu => "wgpu",
            Renderer::Cpu => "tiny-skia",
        }
    }

    /// The other renderer.
    pub fn other(self) -> Self {
        match self {
            Renderer::Gpu => Renderer::Cpu,
            Renderer::Cpu => Renderer::Gpu,
        }
    }
}

impl fmt::Display for Renderer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Renderer::Gpu => "GPU",
            Renderer::Cpu => "CPU",
        })
    }
}
