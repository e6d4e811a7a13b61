//! Turns files, directories and standard input into raw records, whatever their format.
//!
//! News arrives as plain text, HTML pages, JSONL dumps, WARC archives (Common Crawl's CC-NEWS
//! ships gzip member per record) and RSS/Atom feeds. This crate recognises each by name and
//! content, reads records one at a time so memory stays flat on large inputs, and reports
//! every unreadable record as a [`RecordIssue`] naming the file and the record, then carries
//! on with the rest: one bad line never costs a user the other million.

mod detect;
mod feed;
mod jsonl;
mod sidecar;
mod single;
mod warc;

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

pub use detect::Format;
pub use sidecar::{Sidecar, SidecarError};
use sitrep_model::{Origin, RawRecord, RecordIssue, SourceMeta};

/// What a reader yields: a record, or the one-line reason a record was skipped.
pub type ReadResult = Result<RawRecord, RecordIssue>;

type RecordIter = Box<dyn Iterator<Item = ReadResult>>;

/// Batch-wide settings for reading: metadata to attach and files to leave out.
#[derive(Debug, Default, Clone)]
pub struct ReadOptions {
    /// Per-file metadata that overrides what the record itself says (a user's sidecar file
    /// is more deliberate than a page's own tags).
    pub sidecar: Option<Sidecar>,
    /// Metadata for fields the record and the sidecar leave empty (`--outlet`, `--published`).
    pub defaults: SourceMeta,
    /// Files never read as input, such as the sidecar itself when it sits among the articles.
    pub exclude: Vec<PathBuf>,
}

/// A lazy stream of records over all inputs, in a stable order (directories sorted by name).
pub struct Records {
    pending: VecDeque<PathBuf>,
    current: Option<RecordIter>,
    /// Its `exclude` list holds canonical paths, so a file is recognised however it is named.
    options: ReadOptions,
}

/// Reads every input path (`-` is standard input; directories are walked recursively).
pub fn read_inputs(paths: &[PathBuf], mut options: ReadOptions) -> Records {
    for p in &mut options.exclude {
        *p = p.canonicalize().unwrap_or_else(|_| p.clone());
    }
    Records { pending: paths.iter().cloned().collect(), current: None, options }
}

impl Records {
    fn open_next(&mut self) -> Option<Result<(), RecordIssue>> {
        let path = self.pending.pop_front()?;
        let name = path.to_string_lossy().into_owned();
        if name == "-" {
            let stdin = BufReader::with_capacity(1 << 16, io::stdin());
            return Some(self.start(name, Box::new(stdin)));
        }
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => return Some(Err(issue(&name, None, format!("cannot open: {e}")))),
        };
        if meta.is_dir() {
            let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&path)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file() && !is_hidden(e.path()))
                .map(|e| e.into_path())
                .collect();
            files.retain(|f| !self.is_excluded(f));
            for f in files.into_iter().rev() {
                self.pending.push_front(f);
            }
            return Some(Ok(()));
        }
        if self.is_excluded(&path) {
            return Some(Ok(()));
        }
        match File::open(&path) {
            Ok(f) => Some(self.start(name, Box::new(BufReader::with_capacity(1 << 16, f)))),
            Err(e) => Some(Err(issue(&name, None, format!("cannot open: {e}")))),
        }
    }

    fn is_excluded(&self, path: &Path) -> bool {
        let canon = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.options.exclude.iter().any(|e| *e == canon)
    }

    fn start(&mut self, name: String, mut input: Box<dyn BufRead>) -> Result<(), RecordIssue> {
        let format = detect::detect(&name, &mut input).map_err(|r| issue(&name, None, r))?;
        self.current = Some(open_format(format, name, input)?);
        Ok(())
    }

    fn finish(&self, mut rec: RawRecord) -> RawRecord {
        if let Some(sc) = &self.options.sidecar {
            if let Some(m) = sc.lookup(&rec.origin.file) {
                let own = std::mem::take(&mut rec.meta);
                rec.meta = m.clone();
                rec.meta.fill_from(&own);
            }
        }
        rec.meta.fill_from(&self.options.defaults);
        rec
    }
}

impl Iterator for Records {
    type Item = ReadResult;

    fn next(&mut self) -> Option<ReadResult> {
        loop {
            if let Some(cur) = self.current.as_mut() {
                match cur.next() {
                    Some(Ok(rec)) => return Some(Ok(self.finish(rec))),
                    Some(Err(e)) => return Some(Err(e)),
                    None => self.current = None,
                }
            }
            match self.open_next()? {
                Ok(()) => continue,
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

fn open_format(format: Format, name: String, input: Box<dyn BufRead>) -> Result<RecordIter, RecordIssue> {
    Ok(match format {
        Format::Jsonl => Box::new(jsonl::JsonlRecords::new(name, input)),
        Format::JsonlGz => {
            let dec = BufReader::new(flate2::bufread::MultiGzDecoder::new(input));
            Box::new(jsonl::JsonlRecords::new(name, Box::new(dec)))
        }
        Format::Warc => Box::new(warc::WarcRecords::plain(name, input)),
        Format::WarcGz => Box::new(warc::WarcRecords::gzip(name, input)),
        Format::Feed => Box::new(feed::read_feed(&name, read_all(&name, input)?)?.into_iter()),
        Format::Html | Format::Text => {
            let bytes = read_all(&name, input)?;
            Box::new(std::iter::once(single::read_single(&name, format, bytes)))
        }
    })
}

fn read_all(name: &str, mut input: Box<dyn BufRead>) -> Result<Vec<u8>, RecordIssue> {
    let mut buf = Vec::new();
    input.read_to_end(&mut buf).map_err(|e| issue(name, None, format!("read error: {e}")))?;
    Ok(buf)
}

fn is_hidden(p: &Path) -> bool {
    p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
}

pub(crate) fn issue(file: &str, locator: Option<String>, reason: impl Into<String>) -> RecordIssue {
    RecordIssue { origin: Origin { file: file.to_string(), locator }, reason: reason.into() }
}

/// Decodes bytes of a web page or text file to a string: UTF-8 when valid, else the
/// declared charset, else windows-1252 (what browsers assume for undeclared legacy pages).
pub(crate) fn decode_text(bytes: &[u8], declared: Option<&str>) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    let label = declared.map(str::to_string).or_else(|| sniff_meta_charset(bytes));
    let enc = label
        .as_deref()
        .and_then(|l| encoding_rs::Encoding::for_label(l.trim().as_bytes()))
        .filter(|e| *e != encoding_rs::UTF_8);
    match enc {
        Some(enc) => Ok(enc.decode(bytes).0.into_owned()),
        None if label.is_none() && looks_like_html(bytes) => {
            Ok(encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned())
        }
        None => {
            let at = std::str::from_utf8(bytes).err().map(|e| e.valid_up_to()).unwrap_or(0);
            Err(format!("invalid UTF-8 at byte {at} and no charset declared"))
        }
    }
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    memchr::memmem::find(&lower, b"<html").is_some() || memchr::memmem::find(&lower, b"<!doctype html").is_some()
}

fn sniff_meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = memchr::memmem::find(&lower, b"charset=")? + 8;
    let rest = &lower[at..];
    let rest = rest.strip_prefix(b"\"").unwrap_or(rest);
    let end = rest.iter().position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))?;
    std::str::from_utf8(&rest[..end]).ok().map(str::to_string)
}

/// Reads up to `n` bytes without consuming them, growing the buffer across short reads.
pub(crate) fn peek_head(input: &mut Box<dyn BufRead>, n: usize) -> io::Result<Vec<u8>> {
    // BufReader only exposes its current buffer; that is enough for sniffing because every
    // input is wrapped in a 64 KiB BufReader and the first fill_buf returns what is there.
    let buf = input.fill_buf()?;
    Ok(buf[..buf.len().min(n)].to_vec())
}

#[cfg(test)]
mod tests;
