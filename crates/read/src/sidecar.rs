//! Per-file metadata supplied beside the articles (`--meta FILE.jsonl`).

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;
use sitrep_model::SourceMeta;

/// Why a sidecar file could not be used; unlike a bad article, a bad sidecar stops the run,
/// since ingesting without the metadata the user asked for would silently mislabel articles.
#[derive(Debug, thiserror::Error)]
pub enum SidecarError {
    #[error("{file}: cannot read: {source}")]
    Io { file: String, source: std::io::Error },
    #[error("{file}: line {line}: {reason}")]
    Line { file: String, line: usize, reason: String },
}

#[derive(Deserialize)]
struct Row {
    #[serde(alias = "path", alias = "filename")]
    file: String,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default, alias = "source")]
    outlet: Option<String>,
    #[serde(default, alias = "date")]
    published: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default, alias = "author")]
    byline: Option<String>,
    #[serde(default, alias = "lang")]
    language: Option<String>,
}

/// Metadata keyed by file name, matched against each record's file path.
#[derive(Debug, Default, Clone)]
pub struct Sidecar {
    by_name: HashMap<String, SourceMeta>,
}

impl Sidecar {
    pub fn load(path: &Path) -> Result<Self, SidecarError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| SidecarError::Io { file: file.clone(), source })?;
        let mut by_name = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let row: Row = serde_json::from_str(line)
                .map_err(|e| SidecarError::Line { file: file.clone(), line: i + 1, reason: e.to_string() })?;
            let meta = SourceMeta {
                ext_id: row.id,
                url: row.url,
                outlet: row.outlet,
                published: row.published,
                title: row.title,
                byline: row.byline,
                language: row.language,
            };
            by_name.insert(row.file, meta);
        }
        Ok(Sidecar { by_name })
    }

    /// Finds the entry for a record's file: by the path as given, else by its final
    /// components (`seeds/a.txt`, then `a.txt`), so a sidecar works from any directory.
    pub fn lookup(&self, file: &str) -> Option<&SourceMeta> {
        if let Some(m) = self.by_name.get(file) {
            return Some(m);
        }
        let parts: Vec<&str> = file.split(['/', '\\']).collect();
        (0..parts.len()).find_map(|i| self.by_name.get(&parts[i..].join("/")))
    }

    pub fn len(&self) -> usize {
        self.by_name.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_name.is_empty()
    }
}
