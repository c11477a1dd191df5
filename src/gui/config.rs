//! What the app remembers between runs: the language, the recent files and the
//! renderer, in the user's config folder (`config.ron`): on Windows
//! `%APPDATA%\ReformRoadmap\reform-roadmap\config\config.ron`, on Linux
//! `~/.config/reform-roadmap/config.ron`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::locale::Language;
use crate::renderer::Renderer;

const MAX_RECENT: usize = 8;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    pub language: Language,
    pub recent: Vec<PathBuf>,
    /// Chosen by hand in the header, or set to CPU when the GPU renderer failed.
    pub renderer: Renderer,
}

impl Config {
    /// The config file of this user, where the platform has one.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("id", "ReformRoadmap", "reform-roadmap")
            .map(|dirs| dirs.config_dir().join("config.ron"))
    }

    /// Reads the config; a missing or damaged file gives the defaults (a config is
    /// never worth refusing to start over).
    pub fn load(path: &Path) -> Self {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|text| ron::from_str(&text).ok())
            .unwrap_or_default()
    }

    pub fn save(&self, path: &Path) -> Result<(), crate::file::SaveError> {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| crate::file::SaveError::new(path, &e))?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new())
            .expect("the config always serializes");
        crate::file::write_atomically(path, text.as_bytes())
    }

    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(MAX_RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_recent_files_newest_first_without_repeats() {
        let mut config = Config::default();
        for name in ["a", "b", "a", "c"] {
            config.remember(Path::new(name));
        }
        assert_eq!(config.recent, [PathBuf::from("c"), "a".into(), "b".into()]);
        for n in 0..20 {
            config.remember(Path::new(&n.to_string()));
        }
        assert_eq!(config.recent.len(), MAX_RECENT);
    }

    #[test]
    fn round_trips_and_survives_a_damaged_file() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("sub/config.ron");
        let config = Config {
            language: Language::English,
            recent: vec!["/x/y.ron".into()],
            renderer: Renderer::Cpu,
        };
        config.save(&path).unwrap();
        assert_eq!(Config::load(&path), config);
        std::fs::write(&path, "(((").unwrap();
        assert_eq!(Config::load(&path), Config::default());
    }
}
