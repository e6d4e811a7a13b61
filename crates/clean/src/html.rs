//! Main text and metadata out of an HTML page.
//!
//! Blocks are judged by their text, as jusText does (length, link density, density of
//! function words, position between other good blocks), not by tag or class names: news
//! sites wrap navigation, cookie walls and footers in neutral `<div>`s, and a tag-based
//! extractor leaks them. Tag names only help at the edges (scripts, forms, `<nav>`).

use std::collections::HashSet;
use std::sync::LazyLock;

use scraper::{ElementRef, Html, Node};
use serde_json::Value;
use sitrep_model::SourceMeta;

use crate::lines;

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button",
    "select", "option", "textarea", "figcaption", "figure", "template", "canvas", "video", "audio", "picture",
    "object", "embed", "menu", "dialog", "head", "title", "input", "label",
];

/// Elements that start a new block of text.
const BLOCK: &[&str] = &[
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "td", "th", "tr", "table", "blockquote", "pre",
    "section", "article", "main", "dd", "dt", "dl", "address", "center", "body", "br", "hr", "caption", "summary",
    "details",
];

static STOPWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    "a about above after again against all am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves said says told also after since who whose according near".split(' ').collect()
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Good,
    NearGood,
    Short,
    Bad,
}

#[derive(Debug)]
struct Block {
    text: String,
    link_chars: usize,
    heading: bool,
    in_article: bool,
    class: Class,
}

/// What the HTML page gave: its main text as lines, and the metadata found in its head.
#[derive(Debug, Default)]
pub struct Extracted {
    pub lines: Vec<String>,
    pub meta: SourceMeta,
}

/// Extracts the main text (one line per block) and the page's own metadata.
pub fn extract(html: &str) -> Extracted {
    let doc = Html::parse_document(html);
    let meta = page_meta(&doc);
    let mut blocks = Vec::new();
    let mut cur = Block { text: String::new(), link_chars: 0, heading: false, in_article: false, class: Class::Bad };
    walk(doc.root_element(), &mut blocks, &mut cur, false, false);
    flush(&mut blocks, &mut cur);
    classify(&mut blocks);
    let any_article = blocks.iter().any(|b| b.in_article && b.class == Class::Good);
    let title_norm = meta.title.as_deref().map(norm_title);
    let lines = blocks
        .into_iter()
        .filter(|b| b.class == Class::Good && (!any_article || b.in_article))
        .filter(|b| !(b.heading && title_norm.as_deref() == Some(norm_title(&b.text).as_str())))
        .map(|b| b.text)
        .collect();
    Extracted { lines, meta }
}

fn norm_title(t: &str) -> String {
    t.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn article_like(el: &ElementRef<'_>) -> bool {
    let v = el.value();
    if v.name() == "article" || v.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("articleBody")) {
        return true;
    }
    v.attr("role").is_some_and(|r| r == "article")
}

fn flush(blocks: &mut Vec<Block>, cur: &mut Block) {
    let text = cur.text.split_whitespace().collect::<Vec<_>>().join(" ");
    if !text.is_empty() {
        blocks.push(Block { text, link_chars: cur.link_chars, heading: cur.heading, in_article: cur.in_article, class: Class::Bad });
    }
    cur.text.clear();
    cur.link_chars = 0;
    cur.heading = false;
}

fn walk(el: ElementRef<'_>, blocks: &mut Vec<Block>, cur: &mut Block, in_link: bool, in_article: bool) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => {
                if cur.text.is_empty() {
                    cur.in_article = in_article;
                }
                cur.text.push_str(t);
                if in_link {
                    cur.link_chars += t.trim().chars().count();
                }
            }
            Node::Element(e) => {
                let name = e.name();
                if SKIP.contains(&name) || is_hidden(e) {
                    continue;
                }
                let Some(child_el) = ElementRef::wrap(child) else { continue };
                let block = BLOCK.contains(&name);
                if block {
                    flush(blocks, cur);
                }
                if name.len() == 2 && name.starts_with('h') && name.as_bytes()[1].is_ascii_digit() {
                    cur.heading = true;
                }
                let art = in_article || article_like(&child_el);
                walk(child_el, blocks, cur, in_link || name == "a", art);
                if block {
                    flush(blocks, cur);
                } else if matches!(name, "span" | "a" | "em" | "strong" | "b" | "i") {
                    // inline: keep words apart only if the markup did
                }
            }
            _ => {}
        }
    }
}

fn is_hidden(e: &scraper::node::Element) -> bool {
    e.attr("hidden").is_some()
        || e.attr("aria-hidden").is_some_and(|v| v == "true")
        || e.attr("style").is_some_and(|s| {
            let s = s.replace(' ', "").to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// jusText's two passes: each block on its own, then short and near-good blocks by the
/// company they keep.
fn classify(blocks: &mut [Block]) {
    for b in blocks.iter_mut() {
        let chars = b.text.chars().count();
        let words: Vec<String> = b.text.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).collect();
        let n = words.len().max(1);
        let stop = words.iter().filter(|w| STOPWORDS.contains(w.as_str())).count() as f64 / n as f64;
        let link_density = b.link_chars as f64 / chars.max(1) as f64;
        b.class = if lines::judge(&b.text).is_some() || link_density > 0.2 {
            Class::Bad
        } else if chars < 70 {
            if b.link_chars > 0 { Class::Bad } else { Class::Short }
        } else if stop >= 0.32 {
            if chars > 200 { Class::Good } else { Class::NearGood }
        } else if stop >= 0.22 {
            Class::NearGood
        } else {
            Class::Bad
        };
        // Sentences end with punctuation; a long block without any is a list of links or tags.
        if b.class == Class::Good && !b.text.contains(['.', '!', '?', '"', '”']) {
            b.class = Class::NearGood;
        }
    }
    let len = blocks.len();
    let neighbour = |blocks: &[Block], i: usize, forward: bool, skip_near: bool| -> Class {
        let mut j = i as isize;
        loop {
            j += if forward { 1 } else { -1 };
            if j < 0 || j as usize >= len {
                return Class::Bad;
            }
            let c = blocks[j as usize].class;
            if c == Class::Short || (skip_near && c == Class::NearGood) {
                continue;
            }
            return c;
        }
    };
    let mut new = Vec::with_capacity(len);
    for i in 0..len {
        let c = blocks[i].class;
        new.push(match c {
            Class::Short => {
                let (p, n) = (neighbour(blocks, i, false, true), neighbour(blocks, i, true, true));
                let heading_before_good = blocks[i].heading && n == Class::Good;
                // A short closing sentence ("No arrests have been made.") after the story.
                let sentence_after_good = matches!(neighbour(blocks, i, false, false), Class::Good | Class::NearGood)
                    && blocks[i].text.split_whitespace().count() >= 4
                    && blocks[i].text.ends_with(['.', '!', '?', '"', '”']);
                if (p == Class::Good && n == Class::Good) || heading_before_good || sentence_after_good {
                    Class::Good
                } else if p == Class::Bad && n == Class::Bad {
                    Class::Bad
                } else if neighbour(blocks, i, false, false) == Class::NearGood || neighbour(blocks, i, true, false) == Class::NearGood {
                    Class::Good
                } else {
                    Class::Bad
                }
            }
            other => other,
        });
    }
    for (b, c) in blocks.iter_mut().zip(&new) {
        b.class = *c;
    }
    let snapshot: Vec<Class> = blocks.iter().map(|b| b.class).collect();
    for i in 0..len {
        if snapshot[i] == Class::NearGood {
            let prev = snapshot[..i].iter().rev().find(|c| **c != Class::NearGood && **c != Class::Short);
            let next = snapshot[i + 1..].iter().find(|c| **c != Class::NearGood && **c != Class::Short);
            blocks[i].class = if prev == Some(&Class::Good) || next == Some(&Class::Good) { Class::Good } else { Class::Bad };
        }
    }
    // A page with no good block at all (a short wire item) keeps its near-good prose.
    if !blocks.iter().any(|b| b.class == Class::Good) {
        for (b, c) in blocks.iter_mut().zip(snapshot) {
            if c == Class::NearGood {
                b.class = Class::Good;
            }
        }
    }
}

/// Metadata from `<meta>` (Open Graph, article:, Dublin Core, name=author/date), JSON-LD,
/// `<link rel=canonical>`, `<time>` and `<title>`, most specific source first.
fn page_meta(doc: &Html) -> SourceMeta {
    let mut m = SourceMeta::default();
    let sel = |s: &str| scraper::Selector::parse(s).expect("static selector");
    for script in doc.select(&sel(r#"script[type="application/ld+json"]"#)) {
        let raw: String = script.text().collect();
        if let Ok(v) = serde_json::from_str::<Value>(raw.trim()) {
            json_ld(&v, &mut m, 0);
        }
    }
    let mut metas: Vec<(String, String)> = Vec::new();
    for el in doc.select(&sel("meta[content]")) {
        let v = el.value();
        let key = v.attr("property").or(v.attr("name")).or(v.attr("itemprop")).unwrap_or("").to_ascii_lowercase();
        if let Some(c) = v.attr("content") {
            if !key.is_empty() && !c.trim().is_empty() {
                metas.push((key, c.trim().to_string()));
            }
        }
    }
    let find = |keys: &[&str]| keys.iter().find_map(|k| metas.iter().find(|(mk, _)| mk == k).map(|(_, c)| c.clone()));
    let fill = |slot: &mut Option<String>, v: Option<String>| {
        if slot.is_none() {
            *slot = v.filter(|s| !s.trim().is_empty());
        }
    };
    fill(&mut m.title, find(&["og:title", "twitter:title", "headline", "dc.title"]));
    fill(
        &mut m.published,
        find(&[
            "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
            "publish-date", "date", "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date", "article.published",
        ]),
    );
    fill(&mut m.byline, find(&["author", "article:author", "byl", "parsely-author", "dc.creator"]).filter(|a| !a.starts_with("http")));
    fill(&mut m.outlet, find(&["og:site_name", "application-name", "publisher", "twitter:site"]));
    fill(&mut m.url, doc.select(&sel(r#"link[rel="canonical"]"#)).find_map(|e| e.value().attr("href").map(str::to_string)));
    fill(&mut m.url, find(&["og:url"]));
    fill(&mut m.published, doc.select(&sel("time[datetime]")).find_map(|e| e.value().attr("datetime").map(str::to_string)));
    fill(&mut m.title, doc.select(&sel("title")).next().map(|t| strip_site_suffix(&t.text().collect::<String>())));
    fill(&mut m.title, doc.select(&sel("h1")).next().map(|t| t.text().collect::<Vec<_>>().join(" ").trim().to_string()));
    fill(&mut m.language, doc.select(&sel("html[lang]")).next().and_then(|e| e.value().attr("lang")).map(str::to_string));
    if let Some(o) = m.outlet.as_mut() {
        *o = o.trim_start_matches('@').to_string();
    }
    m
}

fn strip_site_suffix(title: &str) -> String {
    let t = title.split_whitespace().collect::<Vec<_>>().join(" ");
    for sep in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some(i) = t.rfind(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            if tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3 {
                return head.to_string();
            }
        }
    }
    t
}

fn json_ld(v: &Value, m: &mut SourceMeta, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| json_ld(x, m, depth + 1)),
        Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                json_ld(g, m, depth + 1);
            }
            let ty = match o.get("@type") {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Array(a)) => a.iter().filter_map(|x| x.as_str()).collect::<Vec<_>>().join(","),
                _ => String::new(),
            };
            if !(ty.contains("Article") || ty.contains("NewsArticle") || ty.contains("BlogPosting") || ty.contains("Report")) {
                return;
            }
            let s = |k: &str| o.get(k).and_then(|x| x.as_str()).map(|x| x.trim().to_string()).filter(|x| !x.is_empty());
            if m.title.is_none() {
                m.title = s("headline").or_else(|| s("name"));
            }
            if m.published.is_none() {
                m.published = s("datePublished").or_else(|| s("dateCreated"));
            }
            if m.url.is_none() {
                m.url = s("url");
            }
            if m.byline.is_none() {
                m.byline = names(o.get("author"));
            }
            if m.outlet.is_none() {
                m.outlet = names(o.get("publisher"));
            }
            if m.language.is_none() {
                m.language = s("inLanguage");
            }
        }
        _ => {}
    }
}

fn names(v: Option<&Value>) -> Option<String> {
    let v = v?;
    let list: Vec<String> = match v {
        Value::String(s) => vec![s.clone()],
        Value::Object(o) => o.get("name").and_then(|n| n.as_str()).map(|s| vec![s.to_string()]).unwrap_or_default(),
        Value::Array(a) => a.iter().filter_map(|x| names(Some(x))).collect(),
        _ => vec![],
    };
    let list: Vec<String> = list.into_iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
    (!list.is_empty()).then(|| list.join(", "))
}
