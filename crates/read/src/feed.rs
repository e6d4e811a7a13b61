//! RSS 2.0, RSS 1.0 and Atom feeds: each item becomes one record.

use sitrep_model::{BodyKind, Origin, RawRecord, RecordIssue, SourceMeta};

use crate::{ReadResult, issue};

pub(crate) fn read_feed(name: &str, bytes: Vec<u8>) -> Result<Vec<ReadResult>, RecordIssue> {
    let feed = feed_rs::parser::parse(&bytes[..]).map_err(|e| issue(name, None, format!("malformed feed: {e}")))?;
    let outlet = feed.title.as_ref().map(|t| t.content.trim().to_string()).filter(|t| !t.is_empty());
    let mut out = Vec::with_capacity(feed.entries.len());
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let locator = Some(format!("item {}", i + 1));
        let body = entry
            .content
            .and_then(|c| c.body)
            .filter(|b| !b.trim().is_empty())
            .or_else(|| entry.summary.map(|s| s.content).filter(|b| !b.trim().is_empty()));
        let Some(body) = body else {
            out.push(Err(issue(name, locator, "feed item has no content or description")));
            continue;
        };
        let url = entry.links.first().map(|l| l.href.clone());
        let published = entry.published.or(entry.updated).map(|d| d.to_rfc3339());
        let byline = {
            let names: Vec<String> = entry.authors.iter().filter_map(|p| p.name.clone()).filter(|n| !n.is_empty()).collect();
            (!names.is_empty()).then(|| names.join(", "))
        };
        let meta = SourceMeta {
            ext_id: Some(entry.id).filter(|s| !s.is_empty()),
            url,
            outlet: outlet.clone(),
            published,
            title: entry.title.map(|t| t.content),
            byline,
            language: feed.language.clone(),
        };
        // Feed bodies are HTML fragments (escaped markup in RSS descriptions), so let the
        // HTML cleaner strip the tags.
        out.push(Ok(RawRecord { origin: Origin { file: name.to_string(), locator }, kind: BodyKind::Html, body, meta }));
    }
    Ok(out)
}
