//! Files that hold one article each: plain text and HTML pages.

use sitrep_model::{BodyKind, Origin, RawRecord, SourceMeta};

use crate::{Format, ReadResult, decode_text, issue};

pub(crate) fn read_single(name: &str, format: Format, bytes: Vec<u8>) -> ReadResult {
    let body = decode_text(&bytes, None).map_err(|r| issue(name, None, r))?;
    if body.trim().is_empty() {
        return Err(issue(name, None, "empty file"));
    }
    let kind = if format == Format::Html { BodyKind::Html } else { BodyKind::Text };
    Ok(RawRecord {
        origin: Origin { file: name.to_string(), locator: None },
        kind,
        body,
        meta: SourceMeta::default(),
    })
}
