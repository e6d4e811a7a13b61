use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::write::GzEncoder;
use proptest::prelude::*;
use sitrep_model::BodyKind;

use super::*;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, bytes).unwrap();
    p
}

fn read_all_of(paths: &[PathBuf]) -> (Vec<RawRecord>, Vec<RecordIssue>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for r in read_inputs(paths, ReadOptions::default()) {
        match r {
            Ok(x) => ok.push(x),
            Err(e) => bad.push(e),
        }
    }
    (ok, bad)
}

const PAGE: &str = "<html><head><title>Blast</title></head><body><p>Three workers were hurt on Monday when an explosion tore through a warehouse.</p></body></html>";

fn warc_record(wtype: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {wtype}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2019-03-04T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http_response(body: &str) -> Vec<u8> {
    format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

#[test]
fn jsonl_good_bad_and_aliased_lines() {
    let dir = tempfile::tempdir().unwrap();
    let mut body = Vec::new();
    body.extend_from_slice(br#"{"id": "a1", "url": "http://x/1", "outlet": "X", "published": "2016-07-28", "title": "T1", "text": "Two people were shot."}"#);
    body.extend_from_slice(b"\n\n{not json}\n");
    body.extend_from_slice(br#"{"id": 7, "source": "Y", "date": "2016-07-29", "html": "<p>Police said one man died.</p>"}"#);
    body.extend_from_slice(b"\n");
    body.extend_from_slice(br#"{"id": "a3", "title": "no body"}"#);
    body.extend_from_slice(b"\n{\"id\": \"a4\", \"text\": \"caf\xe9 broken\"}\n");
    body.extend_from_slice(br#"{"id": "a5", "text": "Last line without newline."}"#);
    let p = write(dir.path(), "dump.jsonl", &body);
    let (ok, bad) = read_all_of(&[p]);
    assert_eq!(ok.len(), 3, "{bad:?}");
    assert_eq!(ok[0].meta.ext_id.as_deref(), Some("a1"));
    assert_eq!(ok[0].meta.outlet.as_deref(), Some("X"));
    assert_eq!(ok[0].kind, BodyKind::Text);
    assert_eq!(ok[1].meta.ext_id.as_deref(), Some("7"));
    assert_eq!(ok[1].meta.outlet.as_deref(), Some("Y"));
    assert_eq!(ok[1].meta.published.as_deref(), Some("2016-07-29"));
    assert_eq!(ok[1].kind, BodyKind::Html);
    assert_eq!(ok[2].origin.locator.as_deref(), Some("line 7"));
    let msgs: Vec<String> = bad.iter().map(|b| b.to_string()).collect();
    assert_eq!(bad.len(), 3, "{msgs:?}");
    assert!(msgs[0].contains("dump.jsonl: line 3: malformed JSON"), "{msgs:?}");
    assert!(msgs[1].contains("dump.jsonl: line 5: no `text` or `html`"), "{msgs:?}");
    assert!(msgs[2].contains("dump.jsonl: line 6: invalid UTF-8"), "{msgs:?}");
}

#[test]
fn jsonl_gzip_is_read_and_truncation_reported() {
    let dir = tempfile::tempdir().unwrap();
    let lines: String = (0..200).map(|i| format!("{{\"id\": \"{i}\", \"text\": \"Report number {i} about a shooting downtown.\"}}\n")).collect();
    let whole = gz(lines.as_bytes());
    let p = write(dir.path(), "d.jsonl.gz", &whole);
    let (ok, bad) = read_all_of(&[p]);
    assert_eq!((ok.len(), bad.len()), (200, 0));
    let cut = write(dir.path(), "cut.jsonl.gz", &whole[..whole.len() / 2]);
    let (ok, bad) = read_all_of(&[cut]);
    assert!(!ok.is_empty() && ok.len() < 200);
    assert_eq!(bad.len(), 1);
    assert!(bad[0].to_string().starts_with(&format!("{}", dir.path().join("cut.jsonl.gz").display())));
}

#[test]
fn warc_plain_keeps_html_responses_and_resyncs_after_broken_header() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Vec::new();
    w.extend(warc_record("warcinfo", "", "application/warc-fields", b"software: test\r\n"));
    w.extend(warc_record("request", "http://n.example/a", "application/http; msgtype=request", b"GET /a HTTP/1.1\r\n\r\n"));
    w.extend(warc_record("response", "http://n.example/a", "application/http; msgtype=response", &http_response(PAGE)));
    // broken header: no colon, no Content-Length
    w.extend_from_slice(b"WARC/1.0\r\nWARC-Type response\r\ngarbage\r\n\r\nsome body\r\n\r\n");
    w.extend(warc_record("response", "http://n.example/img", "application/http; msgtype=response", b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"));
    w.extend(warc_record("response", "http://n.example/moved", "application/http; msgtype=response", b"HTTP/1.1 301 Moved\r\nLocation: /b\r\n\r\n"));
    w.extend(warc_record("resource", "http://n.example/b", "text/html", PAGE.as_bytes()));
    let mut last = warc_record("response", "http://n.example/c", "application/http; msgtype=response", &http_response(PAGE));
    last.truncate(last.len() - 40);
    w.extend(last);
    let p = write(dir.path(), "crawl.warc", &w);
    let (ok, bad) = read_all_of(&[p]);
    assert_eq!(ok.len(), 2, "{bad:?}");
    assert_eq!(ok[0].meta.url.as_deref(), Some("http://n.example/a"));
    assert_eq!(ok[0].kind, BodyKind::Html);
    assert!(ok[0].body.starts_with("<html>"), "HTTP headers must be stripped: {}", &ok[0].body[..30]);
    assert_eq!(ok[1].meta.url.as_deref(), Some("http://n.example/b"));
    let msgs: Vec<String> = bad.iter().map(|b| b.to_string()).collect();
    assert_eq!(bad.len(), 2, "{msgs:?}");
    assert!(msgs[0].contains("crawl.warc: record 4") && msgs[0].contains("broken header"), "{msgs:?}");
    assert!(msgs[1].contains("truncated record"), "{msgs:?}");
}

#[test]
fn warc_gzip_members_survive_a_corrupt_and_a_truncated_member() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = Vec::new();
    for i in 0..5 {
        let rec = warc_record("response", &format!("http://n.example/{i}"), "application/http; msgtype=response", &http_response(PAGE));
        let mut member = gz(&rec);
        if i == 2 {
            // damage the deflate stream in the middle of the member
            let mid = member.len() / 2;
            for b in &mut member[mid..mid + 8] {
                *b ^= 0xff;
            }
        }
        file.extend(member);
    }
    let mut last = gz(&warc_record("response", "http://n.example/5", "application/http; msgtype=response", &http_response(PAGE)));
    last.truncate(last.len() / 2);
    file.extend(last);
    let p = write(dir.path(), "cc-news.warc.gz", &file);
    let (ok, bad) = read_all_of(&[p]);
    let urls: Vec<&str> = ok.iter().filter_map(|r| r.meta.url.as_deref()).collect();
    assert_eq!(urls, ["http://n.example/0", "http://n.example/1", "http://n.example/3", "http://n.example/4"], "{bad:?}");
    assert_eq!(bad.len(), 2, "{bad:?}");
    assert!(bad.iter().all(|b| b.to_string().contains("cc-news.warc.gz: record")));
    assert!(bad[0].reason.contains("gzip member 3"));
}

#[test]
fn rss_and_atom_items() {
    let dir = tempfile::tempdir().unwrap();
    let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title><link>http://w.example</link>
<item><title>Strike hits depot</title><link>http://w.example/1</link><pubDate>Mon, 18 Jun 2018 10:00:00 GMT</pubDate>
<description>&lt;p&gt;An air strike hit a fuel depot on Sunday, officials said.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>http://w.example/2</link></item>
</channel></rss>"#;
    let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><id>urn:x</id><updated>2018-06-18T00:00:00Z</updated>
<entry><title>Protest in capital</title><id>urn:1</id><link href="http://a.example/1"/><updated>2018-06-17T09:00:00Z</updated>
<content type="html">&lt;p&gt;Thousands marched in the capital on Saturday.&lt;/p&gt;</content><author><name>R. Porter</name></author></entry></feed>"#;
    let p1 = write(dir.path(), "wire.rss", rss.as_bytes());
    let p2 = write(dir.path(), "news.xml", atom.as_bytes());
    let (ok, bad) = read_all_of(&[p1, p2]);
    assert_eq!(ok.len(), 2, "{bad:?}");
    assert_eq!(ok[0].meta.outlet.as_deref(), Some("Example Wire"));
    assert_eq!(ok[0].meta.url.as_deref(), Some("http://w.example/1"));
    assert!(ok[0].meta.published.as_deref().unwrap().starts_with("2018-06-18"));
    assert!(ok[0].body.contains("fuel depot"));
    assert_eq!(ok[1].meta.byline.as_deref(), Some("R. Porter"));
    assert_eq!(ok[1].meta.title.as_deref(), Some("Protest in capital"));
    assert_eq!(bad.len(), 1);
    assert!(bad[0].to_string().contains("wire.rss: item 2"));
}

#[test]
fn single_files_directories_and_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b/page.html", PAGE.as_bytes());
    write(dir.path(), "a.txt", b"Headline here\nBody text.");
    write(dir.path(), "b/c/empty.txt", b"");
    write(dir.path(), "b/c/photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00");
    write(dir.path(), "b/c/blob.dat", b"\x00\x01\x02\x03binary\x00\x00");
    write(dir.path(), "b/c/latin1.txt", b"Caf\xe9 au lait");
    write(dir.path(), "b/legacy.html", b"<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 \x93quoted\x94</p></body></html>");
    write(dir.path(), ".hidden.txt", b"ignored");
    let (ok, bad) = read_all_of(&[dir.path().to_path_buf()]);
    let names: Vec<String> = ok.iter().map(|r| r.origin.file.rsplit('/').next().unwrap().to_string()).collect();
    assert_eq!(names, ["a.txt", "legacy.html", "page.html"], "{bad:?}");
    assert_eq!(ok[0].kind, BodyKind::Text);
    assert!(ok[1].body.contains("Café “quoted”"), "{}", ok[1].body);
    let mut msgs: Vec<String> = bad.iter().map(|b| b.to_string()).collect();
    msgs.sort();
    assert_eq!(msgs.len(), 4, "{msgs:?}");
    assert!(msgs[0].ends_with("blob.dat: binary file, not a news format"), "{msgs:?}");
    assert!(msgs[1].ends_with("empty.txt: empty file"), "{msgs:?}");
    assert!(msgs[2].contains("latin1.txt: invalid UTF-8"), "{msgs:?}");
    assert!(msgs[3].ends_with("photo.jpg: binary file, not a news format"), "{msgs:?}");
}

#[test]
fn missing_path_is_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "a.txt", b"Some story text.");
    let (ok, bad) = read_all_of(&[dir.path().join("nope.txt"), good]);
    assert_eq!(ok.len(), 1);
    assert!(bad[0].to_string().contains("nope.txt: cannot open"));
}

#[test]
fn sidecar_overrides_and_defaults_fill() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "seeds/a.txt", b"Story A.");
    write(dir.path(), "seeds/b.txt", b"Story B.");
    let meta = write(
        dir.path(),
        "seeds/meta.jsonl",
        br#"{"file": "a.txt", "outlet": "CNN", "published": "2018-06-18", "language": "en"}"#,
    );
    let opts = ReadOptions {
        sidecar: Some(Sidecar::load(&meta).unwrap()),
        defaults: SourceMeta { outlet: Some("Batch Outlet".into()), published: Some("2020-01-01".into()), ..Default::default() },
        exclude: vec![meta.clone()],
    };
    let recs: Vec<RawRecord> = read_inputs(&[dir.path().join("seeds")], opts).map(|r| r.unwrap()).collect();
    assert_eq!(recs.len(), 2, "the sidecar itself must not be read as articles");
    assert_eq!(recs[0].origin.file, a.display().to_string());
    assert_eq!(recs[0].meta.outlet.as_deref(), Some("CNN"));
    assert_eq!(recs[0].meta.published.as_deref(), Some("2018-06-18"));
    assert_eq!(recs[1].meta.outlet.as_deref(), Some("Batch Outlet"));
    assert_eq!(recs[1].meta.published.as_deref(), Some("2020-01-01"));
}

#[test]
fn sidecar_errors_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let meta = write(dir.path(), "m.jsonl", b"{\"file\": \"a.txt\"}\n{broken\n");
    let err = Sidecar::load(&meta).unwrap_err().to_string();
    assert!(err.contains("m.jsonl: line 2:"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the bytes, every reader terminates without panicking and every issue names
    /// the file it came from.
    #[test]
    fn readers_never_panic_on_garbage(bytes in proptest::collection::vec(any::<u8>(), 0..2048), ext in prop::sample::select(vec!["jsonl", "warc", "warc.gz", "html", "txt", "rss", "jsonl.gz"])) {
        let dir = tempfile::tempdir().unwrap();
        let name = format!("f.{ext}");
        let p = write(dir.path(), &name, &bytes);
        for r in read_inputs(&[p], ReadOptions::default()).take(10_000) {
            if let Err(e) = r {
                prop_assert!(e.to_string().contains(&name));
            }
        }
    }

    /// Damaging any byte range of a gzip WARC loses at most the records it touches.
    #[test]
    fn warc_gz_damage_is_contained(start in 0usize..4000, len in 1usize..64) {
        let mut file = Vec::new();
        for i in 0..8 {
            file.extend(gz(&warc_record("response", &format!("http://n.example/{i}"), "application/http; msgtype=response", &http_response(PAGE))));
        }
        let member = file.len() / 8;
        let start = start % file.len();
        let end = (start + len).min(file.len());
        for b in &mut file[start..end] {
            *b ^= 0x5a;
        }
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "x.warc.gz", &file);
        let (ok, _bad) = read_all_of(&[p]);
        let touched = end.div_ceil(member) - start / member;
        prop_assert!(ok.len() + touched + 1 >= 8, "only {} of 8 records survived damage at {}..{}", ok.len(), start, end);
    }

    /// Well-formed JSONL lines around a corrupt one are all read.
    #[test]
    fn jsonl_corrupt_line_loses_only_itself(n in 1usize..30, bad_at in 0usize..30, junk in "[^\n]{1,40}") {
        let bad_at = bad_at % n;
        let mut body = String::new();
        for i in 0..n {
            if i == bad_at {
                body.push_str(&format!("{{\"id\": \"x\", \"text\": {junk}\n"));
            } else {
                body.push_str(&format!("{{\"id\": \"{i}\", \"text\": \"Story {i}.\"}}\n"));
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "x.jsonl", body.as_bytes());
        let (ok, bad) = read_all_of(&[p]);
        prop_assert!(ok.len() >= n - 1);
        prop_assert!(ok.len() + bad.len() == n);
    }
}
