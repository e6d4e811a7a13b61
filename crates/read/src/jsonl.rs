//! JSON Lines dumps: one article object per line, as news APIs and the bench files ship them.

use std::io::BufRead;

use serde::Deserialize;
use sitrep_model::{BodyKind, Origin, RawRecord, SourceMeta};

use crate::{ReadResult, issue};

/// The accepted fields; alternative names cover the common dump layouts.
#[derive(Deserialize)]
struct Row {
    #[serde(default, alias = "_id", alias = "doc_id")]
    id: Option<serde_json::Value>,
    #[serde(default, alias = "link")]
    url: Option<String>,
    #[serde(default, alias = "source", alias = "site", alias = "source_name")]
    outlet: Option<serde_json::Value>,
    #[serde(default, alias = "date", alias = "published_at", alias = "publish_date", alias = "pubdate")]
    published: Option<serde_json::Value>,
    #[serde(default, alias = "headline")]
    title: Option<String>,
    #[serde(default, alias = "body", alias = "content", alias = "maintext")]
    text: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default, alias = "author", alias = "authors")]
    byline: Option<serde_json::Value>,
    #[serde(default, alias = "lang")]
    language: Option<String>,
}

pub(crate) struct JsonlRecords {
    name: String,
    input: Box<dyn BufRead>,
    line_no: usize,
    buf: Vec<u8>,
}

impl JsonlRecords {
    pub(crate) fn new(name: String, input: Box<dyn BufRead>) -> Self {
        JsonlRecords { name, input, line_no: 0, buf: Vec::with_capacity(1 << 14) }
    }
}

fn scalar(v: Option<serde_json::Value>) -> Option<String> {
    match v? {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Object(o) => o.get("name").and_then(|n| n.as_str()).map(str::to_string),
        serde_json::Value::Array(a) => {
            let parts: Vec<String> = a
                .into_iter()
                .filter_map(|x| scalar(Some(x)))
                .collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        _ => None,
    }
}

impl Iterator for JsonlRecords {
    type Item = ReadResult;

    fn next(&mut self) -> Option<ReadResult> {
        loop {
            self.buf.clear();
            match self.input.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    self.line_no += 1;
                    let loc = Some(format!("line {}", self.line_no));
                    // A decompression or I/O error leaves the stream unusable: report, then stop.
                    let err = issue(&self.name, loc, format!("read error, rest of file skipped: {e}"));
                    self.input = Box::new(std::io::empty());
                    return Some(Err(err));
                }
            }
            self.line_no += 1;
            let loc = || Some(format!("line {}", self.line_no));
            let line = match std::str::from_utf8(&self.buf) {
                Ok(s) => s.trim(),
                Err(e) => {
                    return Some(Err(issue(&self.name, loc(), format!("invalid UTF-8 at byte {}", e.valid_up_to()))));
                }
            };
            if line.is_empty() {
                continue;
            }
            let row: Row = match serde_json::from_str(line) {
                Ok(r) => r,
                Err(e) => return Some(Err(issue(&self.name, loc(), format!("malformed JSON: {e}")))),
            };
            let (kind, body) = match (row.html, row.text) {
                (_, Some(t)) if !t.trim().is_empty() => (BodyKind::Text, t),
                (Some(h), _) if !h.trim().is_empty() => (BodyKind::Html, h),
                _ => return Some(Err(issue(&self.name, loc(), "no `text` or `html` field with content"))),
            };
            let meta = SourceMeta {
                ext_id: scalar(row.id),
                url: row.url,
                outlet: scalar(row.outlet),
                published: scalar(row.published),
                title: row.title,
                byline: scalar(row.byline),
                language: row.language,
            };
            return Some(Ok(RawRecord {
                origin: Origin { file: self.name.clone(), locator: loc() },
                kind,
                body,
                meta,
            }));
        }
    }
}
