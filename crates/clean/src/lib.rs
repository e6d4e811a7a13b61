//! Turns a raw record into a clean [`Article`]: the story text and nothing else, repaired,
//! with its metadata normalized.
//!
//! Everything downstream (sentence splitting, gazetteer matching, dedup shingles) is only as
//! good as this text: an undecoded `& ldquo ;` hides a quote, `Iran - backed` hides an actor,
//! a photo caption adds a place and a person that the story never mentions.

mod html;
pub mod lines;
pub mod repair;
mod title;

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use rayon::prelude::*;
use sitrep_model::{Article, BodyKind, RawRecord, RecordIssue};

pub use lines::Drop;

/// A cleaned article and what was removed from it. The article's `id` is left empty: it is
/// the content hash, which the dedup stage owns.
#[derive(Debug, Clone)]
pub struct Cleaned {
    pub article: Article,
    /// Lines judged boilerplate, with the reason; kept for measurement (`sitrep eval clean`).
    pub dropped: Vec<(Drop, String)>,
    /// Lines before filtering (after repair), for the same measurement.
    pub lines_in: usize,
}

/// Cleans one record. Fails only when no story text is left, naming the record.
pub fn clean(rec: RawRecord) -> Result<Cleaned, RecordIssue> {
    finish(extract(rec), &HashSet::new())
}

/// Cleans a batch. HTML pages from the same site are compared with each other, so that a
/// block repeated across many of the site's pages (a footer or "about us" blurb written as
/// prose, a newsletter box) is dropped even when, alone, it reads like story text.
pub fn clean_batch(records: Vec<RawRecord>) -> Vec<Result<Cleaned, RecordIssue>> {
    let stages: Vec<Extracted> = records.into_par_iter().map(extract).collect();
    let repeated = site_repeated_lines(&stages);
    stages.into_par_iter().map(|s| finish(s, &repeated)).collect()
}

/// A record with its main text found but not yet repaired or filtered.
struct Extracted {
    origin: sitrep_model::Origin,
    kind: BodyKind,
    text: String,
    meta: sitrep_model::SourceMeta,
}

fn extract(rec: RawRecord) -> Extracted {
    let RawRecord { origin, kind, body, mut meta } = rec;
    let text = match kind {
        BodyKind::Html => {
            let ex = html::extract(&body);
            meta.fill_from(&ex.meta);
            ex.lines.join("\n")
        }
        BodyKind::Text => body,
    };
    Extracted { origin, kind, text, meta }
}

/// Minimum number of a site's pages (with different leads) that must share a block.
const SITE_REPEAT_MIN_PAGES: usize = 3;

fn line_key(line: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    std::hash::Hash::hash(&norm(line), &mut h);
    std::hash::Hasher::finish(&h)
}

/// (site, line) pairs that recur on at least three pages of one site whose opening lines
/// differ (copies of one story share their lines legitimately) and on at least 30% of the
/// site's pages in the batch.
fn site_repeated_lines(stages: &[Extracted]) -> HashSet<(String, u64)> {
    let mut pages: HashMap<String, usize> = HashMap::new();
    let mut seen: HashMap<(String, u64), HashSet<u64>> = HashMap::new();
    for s in stages.iter().filter(|s| s.kind == BodyKind::Html) {
        let Some(site) = s.meta.url.as_deref().and_then(host_of) else { continue };
        *pages.entry(site.clone()).or_default() += 1;
        let mut lines = s.text.lines().filter(|l| !l.trim().is_empty());
        let lead = lines.next().map(line_key).unwrap_or(0);
        let distinct: HashSet<u64> = s.text.lines().filter(|l| !l.trim().is_empty()).map(line_key).collect();
        for k in distinct {
            seen.entry((site.clone(), k)).or_default().insert(lead);
        }
    }
    seen.into_iter()
        .filter(|((site, _), leads)| {
            let n = pages.get(site).copied().unwrap_or(0);
            leads.len() >= SITE_REPEAT_MIN_PAGES && leads.len() * 10 >= n * 3
        })
        .map(|(k, _)| k)
        .collect()
}

/// Words a headline needs to stand for a page's lost body ("Home", "Access denied" do not).
const HEADLINE_TEXT_MIN_WORDS: usize = 4;

fn finish(stage: Extracted, repeated: &HashSet<(String, u64)>) -> Result<Cleaned, RecordIssue> {
    let Extracted { origin, kind, text: raw_lines, meta } = stage;
    let mut site_dropped = Vec::new();
    let raw_lines = match meta.url.as_deref().and_then(host_of).filter(|_| !repeated.is_empty()) {
        Some(site) => raw_lines
            .lines()
            .filter(|l| {
                let rep = repeated.contains(&(site.clone(), line_key(l)));
                if rep {
                    site_dropped.push((Drop::Boilerplate, l.to_string()));
                }
                !rep
            })
            .collect::<Vec<_>>()
            .join("\n"),
        None => raw_lines,
    };
    let repaired = repair::repair(&raw_lines);
    let paragraphs = join_wrapped_lines(&repaired);
    let lines_in = paragraphs.iter().filter(|l| !l.trim().is_empty()).count() + site_dropped.len();
    let (mut kept, byline, mut dropped) = lines::filter(&paragraphs);
    dropped.retain(|(d, _)| *d != Drop::Empty);
    dropped.extend(site_dropped);

    let host = meta.url.as_deref().and_then(host_of).or_else(|| meta.outlet.clone());
    let mut title = meta.title.as_deref().map(|t| repair::repair(t).replace('\n', " ")).filter(|t| !t.is_empty());
    let mut site = None;
    if let Some(t) = title.take() {
        let (head, name) = title::split(&t, host.as_deref());
        if kept.first().is_some_and(|l| norm(l) == norm(&t) || norm(l) == norm(head)) {
            kept.remove(0);
        }
        site = name.map(str::to_string);
        title = Some(head.to_string());
    } else if kind == BodyKind::Text && kept.len() >= 3 && looks_like_headline(&kept[0]) {
        title = Some(kept.remove(0));
    }
    // a page whose body is all boilerplate (a video player, a playlist, a sign-in wall) still
    // reports what its headline tells: the headline stands for its text
    if kept.is_empty() {
        if let Some(t) = title.as_ref().filter(|t| t.split_whitespace().count() >= HEADLINE_TEXT_MIN_WORDS) {
            kept.push(t.clone());
        }
    }
    if kept.is_empty() {
        return Err(RecordIssue {
            origin,
            reason: format!("no article text after cleaning ({} lines dropped as boilerplate)", dropped.len()),
        });
    }
    let url = meta.url.filter(|u| !u.trim().is_empty());
    let outlet = meta
        .outlet
        .map(|o| o.trim().to_string())
        .filter(|o| !o.is_empty())
        .or_else(|| url.as_deref().and_then(host_of));
    let article = Article {
        id: String::new(),
        ext_id: meta.ext_id,
        url,
        outlet,
        published: meta.published.as_deref().and_then(parse_date),
        title,
        site,
        byline: meta.byline.or(byline).map(|b| b.trim().to_string()).filter(|b| !b.is_empty()),
        language: meta.language.map(|l| l.trim().to_ascii_lowercase()),
        text: kept.join("\n\n"),
        origin: origin.to_string(),
    };
    Ok(Cleaned { article, dropped, lines_in })
}

fn norm(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn looks_like_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let last = line.chars().last().unwrap_or('.');
    (2..=20).contains(&words)
        && !matches!(last, '.' | ',' | ';' | ':' | '"' | '”' | '’' | '\'' | '|')
        && line.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric() || c == '‘' || c == '\'')
}

/// Lines of one paragraph that were hard-wrapped are joined: a line that does not end a
/// sentence, followed by one that starts in lower case, continues it.
fn join_wrapped_lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut prev_blank = true;
    for line in text.split('\n') {
        let t = line.trim();
        if t.is_empty() {
            out.push(String::new());
            prev_blank = true;
            continue;
        }
        let continues = !prev_blank
            && out.last().is_some_and(|p| !p.is_empty() && !p.ends_with(['.', '!', '?', ':', '"', '”', '’', ')', '|']))
            && t.chars().next().is_some_and(|c| c.is_lowercase());
        if continues {
            if let Some(p) = out.last_mut() {
                p.push(' ');
                p.push_str(t);
            }
        } else {
            out.push(t.to_string());
        }
        prev_blank = false;
    }
    out
}

/// The host of a URL without `www.`, which stands in for the outlet when nothing names it.
/// Archive copies (`web.archive.org/web/2016…/http://www.example.com/…`) give the original host.
pub fn host_of(url: &str) -> Option<String> {
    let mut u = url.trim();
    loop {
        let rest = u.split_once("://").map(|(_, r)| r)?;
        let host = rest.split(['/', '?', '#']).next()?.split('@').last()?.split(':').next()?.to_ascii_lowercase();
        if host == "web.archive.org" {
            if let Some(i) = rest.find("/http") {
                u = &rest[i + 1..];
                continue;
            }
        }
        let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
        return (!host.is_empty()).then_some(host);
    }
}

/// Parses the publication dates news metadata uses: ISO 8601 and RFC 3339 (with or without
/// time and zone), RFC 2822 (feeds), `2018/06/18`, `June 18, 2018`, `18 June 2018`,
/// `20180618`. The calendar date as written is kept; time zones do not shift it.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.date_naive());
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    if s.len() >= 10 {
        if let Some(head) = s.get(..10) {
            for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"] {
                if let Ok(d) = NaiveDate::parse_from_str(head, f) {
                    return Some(d);
                }
            }
        }
    }
    for f in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S"] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return Some(d.date());
        }
    }
    let cleaned: String = s.replace(',', " ").replace("Sept ", "Sep ").split_whitespace().collect::<Vec<_>>().join(" ");
    let no_weekday = cleaned
        .split_once(' ')
        .filter(|(w, _)| w.len() >= 3 && w.trim_end_matches('.').parse::<chrono::Weekday>().is_ok())
        .map(|(_, r)| r.to_string())
        .unwrap_or(cleaned);
    let first3: String = no_weekday.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    for f in ["%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%b. %d %Y", "%Y%m%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(&first3, f) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests;
