//! WARC 1.0/1.1 archives, plain or gzip with one member per record (Common Crawl's CC-NEWS).
//!
//! The record framing is parsed here rather than with the `warc` crate because sitrep must
//! survive damage that crate stops at: a broken header is skipped by resynchronising on the
//! next `WARC/1.` line, and a corrupt or truncated gzip member by scanning to the next gzip
//! header, so one bad record never costs the rest of a multi-gigabyte archive.

use std::collections::VecDeque;
use std::io::{BufRead, Cursor, Read};

use sitrep_model::{BodyKind, Origin, RawRecord, SourceMeta};

use crate::{ReadResult, decode_text, issue};

/// A limit on a single decompressed member or record block; larger ones are reported and
/// skipped instead of exhausting memory (news pages are far below it).
const MAX_BLOCK: u64 = 256 << 20;

/// A reader that remembers the bytes consumed since the start of the current gzip member,
/// so that after a corrupt member the search for the next one starts right after the bad
/// member's header rather than wherever the confused decoder stopped.
struct Rewind {
    inner: Box<dyn BufRead>,
    replay: Vec<u8>,
    replay_pos: usize,
    record: Vec<u8>,
    recording: bool,
}

impl Rewind {
    fn mark(&mut self) {
        self.record.clear();
        self.recording = true;
    }

    /// Puts back everything consumed since `mark` except its first byte.
    fn rewind_past_first_byte(&mut self) {
        self.recording = false;
        let mut back = std::mem::take(&mut self.record);
        if !back.is_empty() {
            back.remove(0);
        }
        back.extend_from_slice(&self.replay[self.replay_pos..]);
        self.replay = back;
        self.replay_pos = 0;
    }
}

impl Read for Rewind {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Rewind {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.replay_pos < self.replay.len() {
            return Ok(&self.replay[self.replay_pos..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        if self.replay_pos < self.replay.len() {
            if self.recording {
                self.record.extend_from_slice(&self.replay[self.replay_pos..self.replay_pos + amt]);
            }
            self.replay_pos += amt;
            if self.replay_pos >= self.replay.len() {
                self.replay.clear();
                self.replay_pos = 0;
            }
            return;
        }
        if self.recording {
            if let Ok(buf) = self.inner.fill_buf() {
                self.record.extend_from_slice(&buf[..amt.min(buf.len())]);
            }
        }
        self.inner.consume(amt);
    }
}

pub(crate) struct WarcRecords {
    name: String,
    input: Rewind,
    gzip: bool,
    record_no: usize,
    member_no: usize,
    pending: VecDeque<ReadResult>,
    plain: Option<Parser<Box<dyn BufRead>>>,
    done: bool,
}

impl WarcRecords {
    pub(crate) fn plain(name: String, input: Box<dyn BufRead>) -> Self {
        Self::new(name, input, false)
    }

    pub(crate) fn gzip(name: String, input: Box<dyn BufRead>) -> Self {
        Self::new(name, input, true)
    }

    fn new(name: String, input: Box<dyn BufRead>, gzip: bool) -> Self {
        let (inner, plain): (Box<dyn BufRead>, _) =
            if gzip { (input, None) } else { (Box::new(std::io::empty()), Some(Parser::new(input))) };
        let input = Rewind { inner, replay: Vec::new(), replay_pos: 0, record: Vec::new(), recording: false };
        WarcRecords { name, input, gzip, record_no: 0, member_no: 0, pending: VecDeque::new(), plain, done: false }
    }
}

/// One WARC record's headers and block, before interpretation.
struct RawWarc {
    headers: Vec<(String, String)>,
    block: Vec<u8>,
}

impl RawWarc {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

struct Parser<R: BufRead> {
    r: R,
    peeked: Option<Vec<u8>>,
}

impl<R: BufRead> Parser<R> {
    fn new(r: R) -> Self {
        Parser { r, peeked: None }
    }

    fn line(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        if let Some(l) = self.peeked.take() {
            return Ok(Some(l));
        }
        let mut buf = Vec::new();
        let n = self.r.read_until(b'\n', &mut buf)?;
        Ok((n > 0).then_some(buf))
    }

    /// Skips ahead to the next line that starts a record, after a damaged one.
    fn resync(&mut self) {
        while let Ok(Some(l)) = self.line() {
            if l.starts_with(b"WARC/1.") {
                self.peeked = Some(l);
                return;
            }
        }
    }

    fn next(&mut self) -> Option<Result<RawWarc, String>> {
        let first = loop {
            match self.line() {
                Ok(None) => return None,
                Ok(Some(l)) if l.iter().all(|b| b.is_ascii_whitespace()) => continue,
                Ok(Some(l)) => break l,
                Err(e) => return Some(Err(format!("read error: {e}"))),
            }
        };
        if !first.starts_with(b"WARC/") {
            let shown = String::from_utf8_lossy(&first[..first.len().min(40)]).trim().to_string();
            self.resync();
            return Some(Err(format!("broken header: expected `WARC/1.x`, found `{shown}`")));
        }
        let mut headers = Vec::new();
        loop {
            let l = match self.line() {
                Ok(Some(l)) => l,
                Ok(None) => return Some(Err("truncated record: headers end early".into())),
                Err(e) => return Some(Err(format!("read error: {e}"))),
            };
            let s = String::from_utf8_lossy(&l);
            let s = s.trim_end_matches(['\r', '\n']);
            if s.is_empty() {
                break;
            }
            match s.split_once(':') {
                Some((k, v)) => headers.push((k.trim().to_string(), v.trim().to_string())),
                None => {
                    let shown: String = s.chars().take(40).collect();
                    self.resync();
                    return Some(Err(format!("broken header line `{shown}`")));
                }
            }
        }
        let rec = RawWarc { headers, block: Vec::new() };
        let len = match rec.header("Content-Length").map(|v| v.parse::<u64>()) {
            Some(Ok(n)) if n <= MAX_BLOCK => n,
            Some(Ok(n)) => {
                self.resync();
                return Some(Err(format!("record block of {n} bytes exceeds the {MAX_BLOCK}-byte limit")));
            }
            _ => {
                self.resync();
                return Some(Err("broken header: missing or invalid Content-Length".into()));
            }
        };
        let mut block = Vec::with_capacity(len as usize);
        match (&mut self.r).take(len).read_to_end(&mut block) {
            Ok(n) if n as u64 == len => {}
            Ok(n) => return Some(Err(format!("truncated record: block has {n} of {len} bytes"))),
            Err(e) => return Some(Err(format!("read error in block: {e}"))),
        }
        Some(Ok(RawWarc { block, ..rec }))
    }
}

impl WarcRecords {
    fn locator(&self, id: Option<&str>) -> Option<String> {
        match id {
            Some(id) => Some(format!("record {} {}", self.record_no, id)),
            None => Some(format!("record {}", self.record_no)),
        }
    }

    fn interpret(&mut self, parsed: Option<Result<RawWarc, String>>) -> Option<Option<ReadResult>> {
        let parsed = parsed?;
        self.record_no += 1;
        Some(match parsed {
            Err(reason) => Some(Err(issue(&self.name, self.locator(None), reason))),
            Ok(rec) => {
                let id = rec.header("WARC-Record-ID").map(|s| s.trim_matches(['<', '>']).to_string());
                let loc = self.locator(id.as_deref());
                match to_record(rec, id) {
                    Ok(None) => None,
                    Ok(Some((kind, body, meta))) => Some(Ok(RawRecord {
                        origin: Origin { file: self.name.clone(), locator: loc },
                        kind,
                        body,
                        meta,
                    })),
                    Err(reason) => Some(Err(issue(&self.name, loc, reason))),
                }
            }
        })
    }

    /// Decompresses the next gzip member; on damage, reports it and skips to the next member.
    fn next_member(&mut self) -> Option<Result<Vec<u8>, String>> {
        match self.input.fill_buf() {
            Ok(b) if b.is_empty() => return None,
            Ok(_) => {}
            Err(e) => {
                self.done = true;
                return Some(Err(format!("read error: {e}")));
            }
        }
        self.member_no += 1;
        self.input.mark();
        let mut out = Vec::new();
        let res = flate2::bufread::GzDecoder::new(&mut self.input).take(MAX_BLOCK + 1).read_to_end(&mut out);
        match res {
            Ok(_) if out.len() as u64 > MAX_BLOCK => {
                self.skip_to_next_member();
                Some(Err(format!("gzip member {} exceeds the {MAX_BLOCK}-byte limit", self.member_no)))
            }
            Ok(_) => {
                self.input.recording = false;
                Some(Ok(out))
            }
            Err(e) => {
                self.skip_to_next_member();
                Some(Err(format!("corrupt or truncated gzip member {}: {e}", self.member_no)))
            }
        }
    }

    fn skip_to_next_member(&mut self) {
        self.input.rewind_past_first_byte();
        // Scan for the gzip magic plus deflate method (1f 8b 08) that opens the next member.
        loop {
            let (found, consumed) = match self.input.fill_buf() {
                Ok([]) | Err(_) => return,
                Ok(buf) => match memchr::memmem::find(buf, &[0x1f, 0x8b, 0x08]) {
                    Some(i) => (true, i),
                    None => (false, buf.len().saturating_sub(2).max(1)),
                },
            };
            self.input.consume(consumed);
            if found {
                return;
            }
        }
    }
}

impl Iterator for WarcRecords {
    type Item = ReadResult;

    fn next(&mut self) -> Option<ReadResult> {
        loop {
            if let Some(r) = self.pending.pop_front() {
                return Some(r);
            }
            if self.done {
                return None;
            }
            if let Some(mut p) = self.plain.take() {
                let parsed = p.next();
                self.plain = Some(p);
                match self.interpret(parsed) {
                    None => {
                        self.done = true;
                        return None;
                    }
                    Some(Some(r)) => return Some(r),
                    Some(None) => continue,
                }
            }
            if !self.gzip {
                return None;
            }
            match self.next_member()? {
                Err(reason) => {
                    self.record_no += 1;
                    return Some(Err(issue(&self.name, self.locator(None), reason)));
                }
                Ok(bytes) => {
                    let mut p = Parser::new(Cursor::new(bytes));
                    loop {
                        let parsed = p.next();
                        match self.interpret(parsed) {
                            None => break,
                            Some(Some(r)) => self.pending.push_back(r),
                            Some(None) => {}
                        }
                    }
                }
            }
        }
    }
}

type Interpreted = Option<(BodyKind, String, SourceMeta)>;

/// Keeps the records that carry an article (HTML or text responses and resources) and
/// silently passes over the rest of a crawl (requests, metadata, images, redirects).
fn to_record(rec: RawWarc, id: Option<String>) -> Result<Interpreted, String> {
    let wtype = rec.header("WARC-Type").unwrap_or("").to_ascii_lowercase();
    let meta = SourceMeta {
        ext_id: id,
        url: rec.header("WARC-Target-URI").map(|u| u.trim_matches(['<', '>']).to_string()),
        published: rec.header("WARC-Date").map(str::to_string),
        ..SourceMeta::default()
    };
    let (content_type, payload) = match wtype.as_str() {
        "response" => {
            let wct = rec.header("Content-Type").unwrap_or("").to_ascii_lowercase();
            if !wct.is_empty() && !wct.contains("application/http") {
                return Ok(None);
            }
            match http_payload(rec.block)? {
                Some(x) => x,
                None => return Ok(None),
            }
        }
        "resource" => (rec.header("Content-Type").unwrap_or("text/html").to_ascii_lowercase(), rec.block),
        _ => return Ok(None),
    };
    let kind = if content_type.contains("html") {
        BodyKind::Html
    } else if content_type.starts_with("text/plain") {
        BodyKind::Text
    } else {
        return Ok(None);
    };
    let charset = content_type.split("charset=").nth(1).map(|c| c.trim_matches(['"', ' ', ';']).to_string());
    let body = decode_text(&payload, charset.as_deref())?;
    if body.trim().is_empty() {
        return Err("empty payload".into());
    }
    Ok(Some((kind, body, meta)))
}

/// Splits an HTTP response into content type and decoded body; `None` for non-2xx replies.
fn http_payload(block: Vec<u8>) -> Result<Option<(String, Vec<u8>)>, String> {
    let split = memchr::memmem::find(&block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(&block, b"\n\n").map(|i| (i, i + 2)))
        .ok_or("HTTP response without header/body separator")?;
    let head = String::from_utf8_lossy(&block[..split.0]).into_owned();
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    let code: u16 = status.split_whitespace().nth(1).and_then(|c| c.parse().ok()).ok_or_else(|| {
        format!("bad HTTP status line `{}`", status.chars().take(40).collect::<String>())
    })?;
    if !(200..300).contains(&code) {
        return Ok(None);
    }
    let mut ctype = String::from("text/html");
    let mut chunked = false;
    let mut encoding = String::new();
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            let (k, v) = (k.trim().to_ascii_lowercase(), v.trim().to_ascii_lowercase());
            match k.as_str() {
                "content-type" => ctype = v,
                "transfer-encoding" => chunked = v.contains("chunked"),
                "content-encoding" => encoding = v,
                _ => {}
            }
        }
    }
    let mut body = block[split.1..].to_vec();
    if chunked {
        body = dechunk(&body).unwrap_or(body);
    }
    if encoding.contains("gzip") || encoding.contains("deflate") {
        let mut out = Vec::new();
        let ok = if encoding.contains("gzip") {
            flate2::read::MultiGzDecoder::new(&body[..]).read_to_end(&mut out).is_ok()
        } else {
            flate2::read::ZlibDecoder::new(&body[..]).read_to_end(&mut out).is_ok()
        };
        // Common Crawl stores payloads already decoded while keeping the original header;
        // fall back to the bytes as stored when they do not decompress.
        if ok {
            body = out;
        }
    }
    Ok(Some((ctype, body)))
}

fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let eol = memchr::memmem::find(b, b"\r\n")?;
        let size_str = std::str::from_utf8(&b[..eol]).ok()?.split(';').next()?.trim();
        let size = usize::from_str_radix(size_str, 16).ok()?;
        b = &b[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size + 2..).unwrap_or(&[]);
    }
}
