//! Recognises an input's format from its name and its first bytes.

use std::io::{BufRead, Read};

/// The input formats sitrep reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Jsonl,
    JsonlGz,
    Warc,
    WarcGz,
    Feed,
}

const IMAGE_OR_BINARY_EXT: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "webp", "pdf", "zip", "mp4", "mp3", "exe", "so", "bin", "ico",
];

/// Decides the format: content wins over a misleading extension, and the extension breaks
/// ties the content cannot (a `.txt` file that happens to start with `{`).
pub(crate) fn detect(name: &str, input: &mut Box<dyn BufRead>) -> Result<Format, String> {
    let head = super::peek_head(input, 65536).map_err(|e| format!("read error: {e}"))?;
    if head.is_empty() {
        return Err("empty file".into());
    }
    let lower_name = name.to_ascii_lowercase();
    let ext = lower_name.rsplit('.').next().unwrap_or("");
    // A damaged first member must not hide the rest of an archive: the name decides, and
    // the member reader skips ahead to the first intact gzip header.
    if lower_name.ends_with(".warc.gz") && !head.starts_with(&[0x1f, 0x8b]) {
        return Ok(Format::WarcGz);
    }
    if head.starts_with(&[0x1f, 0x8b]) {
        let mut dec = flate2::read::GzDecoder::new(&head[..]);
        let mut inner = vec![0u8; 512];
        let n = read_some(&mut dec, &mut inner);
        inner.truncate(n);
        return match sniff_plain(&inner, &lower_name.trim_end_matches(".gz")) {
            Some(Format::Warc) => Ok(Format::WarcGz),
            Some(Format::Jsonl) => Ok(Format::JsonlGz),
            _ if lower_name.ends_with(".warc.gz") => Ok(Format::WarcGz),
            _ => Err("gzip file holding neither WARC nor JSONL".into()),
        };
    }
    // Record formats validate each record on its own, so a stray NUL in one line must not
    // condemn the whole file; other files are sniffed for binary content.
    let record_format = matches!(ext, "jsonl" | "ndjson" | "warc");
    if IMAGE_OR_BINARY_EXT.contains(&ext) || (!record_format && looks_binary(&head)) {
        return Err("binary file, not a news format".into());
    }
    sniff_plain(&head, &lower_name).ok_or_else(|| "unrecognised format".into())
}

fn read_some(r: &mut impl Read, buf: &mut [u8]) -> usize {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => n += k,
        }
    }
    n
}

fn looks_binary(head: &[u8]) -> bool {
    let sample = &head[..head.len().min(8192)];
    if memchr::memchr(0, sample).is_some() {
        return true;
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 20 > sample.len()
}

fn sniff_plain(head: &[u8], lower_name: &str) -> Option<Format> {
    let text = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    let tl = t.to_ascii_lowercase();
    if t.starts_with("WARC/1.") {
        return Some(Format::Warc);
    }
    if t.starts_with('{') && (lower_name.ends_with(".jsonl") || lower_name.ends_with(".ndjson") || lower_name.ends_with(".json") || !lower_name.ends_with(".txt")) {
        return Some(Format::Jsonl);
    }
    if tl.starts_with('<') {
        let is_feed = tl.contains("<rss") || tl.contains("<feed") || tl.contains("<rdf:rdf");
        if is_feed && !tl.contains("<html") {
            return Some(Format::Feed);
        }
        if tl.starts_with("<?xml") && !tl.contains("<html") {
            return None;
        }
        return Some(Format::Html);
    }
    if lower_name.ends_with(".html") || lower_name.ends_with(".htm") {
        return Some(Format::Html);
    }
    if lower_name.ends_with(".jsonl") || lower_name.ends_with(".ndjson") {
        return Some(Format::Jsonl);
    }
    if lower_name.ends_with(".warc") {
        return Some(Format::Warc);
    }
    if tl.contains("<html") || tl.contains("<body") || tl.contains("<p>") && tl.contains("</p>") {
        return Some(Format::Html);
    }
    Some(Format::Text)
}
