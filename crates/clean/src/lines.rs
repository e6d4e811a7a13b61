//! Line-level judgement of what is story and what is page furniture: photo captions and
//! credits, bylines, share widgets, sign-in walls, newsletter prompts, copyright notices,
//! and the comment section that trails a story.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

/// Why a line was removed; counted so the cleaning can be measured on real corpora.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Drop {
    Caption,
    Teaser,
    Byline,
    Widget,
    Prompt,
    Copyright,
    Separator,
    CommentsTail,
    Empty,
    Boilerplate,
    Playlist,
}

impl Drop {
    pub fn name(self) -> &'static str {
        match self {
            Drop::Caption => "caption/credit",
            Drop::Teaser => "truncated teaser repeated in full",
            Drop::Byline => "byline",
            Drop::Widget => "share/menu widget",
            Drop::Prompt => "sign-in/newsletter/video prompt",
            Drop::Copyright => "copyright notice",
            Drop::Separator => "separator",
            Drop::CommentsTail => "comments section",
            Drop::Empty => "empty/entity-only",
            Drop::Boilerplate => "page boilerplate block",
            Drop::Playlist => "video playlist",
        }
    }
}

/// Short lines that are whole widgets or menu entries when they stand alone.
const WIDGET_LINES: &[&str] = &[
    "advertisement", "email", "print", "google", "google+", "pinterest", "twitter", "facebook", "more",
    "share", "tweet", "linkedin", "reddit", "whatsapp", "photos", "video", "videos", "comments",
    "comment", "share this", "share this story", "share this article", "related", "related stories",
    "related articles", "read more", "recommended", "trending", "menu", "search", "home", "skip to content",
    "skip to main content", "close", "next", "previous", "back to top", "loading...", "like this:",
    "sponsored", "sponsored content", "listen", "copy link", "click to share", "show comments",
    "hide comments", "leave a comment", "0 comments", "view comments", "gallery", "more local news",
    "top stories", "latest news", "most popular", "most read", "follow us", "subscribe", "sign in",
    "log in", "login", "register", "newsletter", "print this article", "email this article",
    "font size", "text size", "a a a", "ad", "ads", "image", "photo", "audio", "watch", "watch live",
];

/// Phrases that mark a whole line as a prompt, wall or notice rather than story text.
static PROMPT: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        r"(?i)you must enter the characters",
        r"(?i)please enable javascript",
        r"(?i)having trouble viewing the video",
        r"(?i)(?-u:\b)sign up (today|now|for|to receive)(?-u:\b)",
        r"(?i)sign up for (one of )?our",
        r"(?i)(?-u:\b)(subscribe|register) (now|today|to (our|continue|read|get))",
        r"(?i)(?-u:\b)newsletters?(?-u:\b).{0,40}(?-u:\b)(sign up|subscribe|inbox|delivered)",
        r"(?i)(get|receive) (alerted|breaking news|the latest).{0,60}(email|inbox|alerts?)",
        r"(?i)email notifications are only sent",
        r"(?i)get email notifications on .{1,60} daily",
        r"(?i)whenever .{1,60} posts new content",
        r"(?i)your notification has been saved",
        r"(?i)there was a problem saving your notification",
        r"(?i)(?-u:\b)we use cookies(?-u:\b)",
        r"(?i)(?-u:\b)this (web)?site uses cookies(?-u:\b)",
        r"(?i)by (continuing to use|using) (this|our) (site|website)",
        r"(?i)(?-u:\b)accept (all )?cookies(?-u:\b)",
        r"(?i)(?-u:\b)(already a subscriber|log in to continue|sign in to continue|create (a free|an) account)",
        r"(?i)(?-u:\b)you have (reached|read) (your|\d+) (free )?(article|story) limit",
        r"(?i)^(>>\s*)?download (the|our) .{0,40}(?-u:\b)app(?-u:\b)",
        r"(?i)^(stay up to date, )?follow .{0,30} on (twitter|facebook|instagram)",
        r"(?i)^join the conversation",
        r"(?i)^report an error",
        r"(?i)^for more .{0,40} news, (listen|visit|go)",
        r"(?i)^more from [a-z0-9.]+",
        r"(?i)^like this:",
        r"(?i)^share this:",
        r"(?i)^(read or )?share this (story|article)(?-u:\b)",
        r"(?i)^click (here )?to (share|print|email|open)",
        r"(?i)^\d+ (pending )?comments?$",
        r"(?i)ad ?blocking extensions",
        r"(?i)your browser (does not|doesn't) support",
        r"(?i)^(this|the) (video|content) (is|has been) (not available|unavailable|removed)",
        r"(?i)^(related|recommended|more)( coverage| stories| articles| content)?:",
        r"(?i)(?-u:\b)terms of (use|service)(?-u:\b).{0,40}(?-u:\b)privacy policy(?-u:\b)",
        r"(?i)^privacy policy$",
        r"(?i)^(autoplay|up next)(?-u:\b)",
    ])
    .unwrap()
});

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?(©|copyright(?-u:\b)|\(c\) \d{4})|all rights reserved|may not be (re)?published, broadcast, rewritten|this material may not be").unwrap()
});

static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\((photo|image|picture|file photo|video)( by|:|\)| credit)|(?-u:\b)photo( credit)?:|(?-u:\b)photograph:|(?-u:\b)image (caption|copyright)(?-u:\b)|\((afp|ap|reuters|getty) out\)|/getty images\)|(?-u:\b)getty images\)?\s*\|?\s*$|\|\s*$|\((archive|illustrative|illustration|file)\)\s*$",
    )
    .unwrap()
});

/// Credits that a scraper glues after a caption: "…(archive)Reuters", "…Flash 90".
static CREDIT_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(reuters|afp|ap|getty images|flash ?90|epa|shutterstock|istock|courtesy|file|[A-Z][\w.]*( [A-Z][\w.]*){0,3})\s*$").unwrap()
});

static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\s_\-=*~#.·•|]+$").unwrap());

/// Headings after which the rest of the page is readers' comments, not the story.
fn is_comments_heading(line: &str) -> bool {
    let l = line.trim().trim_end_matches(':').to_lowercase();
    matches!(
        l.as_str(),
        "comments" | "reader comments" | "leave a comment" | "leave a reply" | "join the discussion"
            | "add a comment" | "post a comment" | "conversation" | "discussion"
    )
}

/// Judges one line on its own.
pub fn judge(line: &str) -> Option<Drop> {
    let t = line.trim();
    if t.is_empty() {
        return Some(Drop::Empty);
    }
    if SEPARATOR.is_match(t) {
        return Some(Drop::Separator);
    }
    // (no rule looks past 80 words)
    let words = words_up_to(t, 81);
    if words <= 4 && WIDGET_LINES.contains(&t.to_lowercase().trim_end_matches([':', '.', '…'])) {
        return Some(Drop::Widget);
    }
    if words <= 60 && PROMPT.is_match(t) {
        return Some(Drop::Prompt);
    }
    if words <= 40 && COPYRIGHT.is_match(t) {
        return Some(Drop::Copyright);
    }
    if words <= 80 && CAPTION.is_match(t) {
        return Some(Drop::Caption);
    }
    None
}

/// The words of `line` (as `split_whitespace` counts them), counted up to `cap`: every line
/// of every page is judged, most are long paragraphs, and the rules ask only whether a line
/// is short. ASCII bytes are read as they are, other characters decoded.
fn words_up_to(line: &str, cap: usize) -> usize {
    let b = line.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while i < b.len() {
        let (space, len) = match b[i] {
            c if c < 0x80 => (matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'), 1),
            _ => line[i..].chars().next().map_or((false, 1), |ch| (ch.is_whitespace(), ch.len_utf8())),
        };
        if !space && !in_word {
            words += 1;
            if words >= cap {
                return words;
            }
        }
        in_word = !space;
        i += len;
    }
    words
}

/// How many clip lines make a playlist: one or two may be a timeline's entries.
const PLAYLIST_MIN_ENTRIES: usize = 3;

/// A clip of a video playlist: its length, then its title, short and without a full stop
/// ("0:54 Missouri Republicans celebrate Donald Trump and Roy Blunt"; not a timeline's "4:15
/// p.m. Deputies arrived.", nor "10:30 PM - Police ...").
static PLAYLIST_ENTRY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}:\d{2}\s+[A-Z0-9‘“'\x22]").expect("playlist entry pattern"));

fn is_playlist_entry(line: &str) -> bool {
    let t = line.trim();
    PLAYLIST_ENTRY.is_match(t)
        && t.split_whitespace().count() <= 25
        && !t.ends_with('.')
        && !t.split_whitespace().nth(1).is_some_and(|w| matches!(w.trim_end_matches('.').to_ascii_lowercase().as_str(), "am" | "pm" | "a.m" | "p.m"))
}

/// Extracts a byline ("By Barbara Starr, Ryan Browne and Oren Liebermann, CNN").
pub fn byline(line: &str) -> Option<String> {
    let t = line.trim();
    if t.split_whitespace().count() > 16 || t.ends_with('.') && !t.ends_with("Jr.") {
        return None;
    }
    let rest = t.strip_prefix("By ").or_else(|| t.strip_prefix("BY ")).or_else(|| t.strip_prefix("by "))?;
    const JOINERS: &[&str] = &["and", "de", "van", "von", "der", "al", "bin", "da", "la", "le", "&"];
    let words: Vec<&str> = rest.split_whitespace().map(|w| w.trim_matches(|c: char| c == ',' || c == ';')).collect();
    let named = words.iter().all(|w| {
        w.is_empty() || JOINERS.contains(w) || w.chars().next().is_some_and(|c| c.is_uppercase())
    });
    (named && !words.is_empty()).then(|| rest.trim().to_string())
}

/// Filters the lines of one article, returning kept lines, the byline if one was found,
/// and what was dropped (for measurement).
pub fn filter(lines: &[String]) -> (Vec<String>, Option<String>, Vec<(Drop, String)>) {
    let mut dropped = Vec::new();
    let mut keep = vec![true; lines.len()];
    let mut found_byline = None;
    for (i, line) in lines.iter().enumerate() {
        if !keep[i] {
            continue;
        }
        // A caption followed by itself plus a glued credit ("…(archive)" / "…(archive)Reuters").
        let t = line.trim();
        if let Some(next) = lines.get(i + 1) {
            let n = next.trim();
            if t.len() >= 8 && n.len() > t.len() && n.starts_with(t) && t.split_whitespace().count() <= 20 {
                let tail = &n[t.len()..];
                if CREDIT_TAIL.is_match(tail) {
                    keep[i] = false;
                    keep[i + 1] = false;
                    dropped.push((Drop::Caption, line.clone()));
                    dropped.push((Drop::Caption, next.clone()));
                    continue;
                }
            }
        }
        if let Some(d) = judge(line) {
            keep[i] = false;
            dropped.push((d, line.clone()));
            continue;
        }
        if found_byline.is_none() && i < 8 {
            if let Some(b) = byline(line) {
                found_byline = Some(b);
                keep[i] = false;
                dropped.push((Drop::Byline, line.clone()));
                continue;
            }
        }
        // A truncated teaser ("…Oval Offic...") repeated in full by the next line.
        if let Some(prefix) = t.strip_suffix("...").or_else(|| t.strip_suffix('…')) {
            let next = lines[i + 1..].iter().find(|l| !l.trim().is_empty());
            if prefix.len() > 20 && next.is_some_and(|n| n.trim().starts_with(prefix.trim())) {
                keep[i] = false;
                dropped.push((Drop::Teaser, line.clone()));
                continue;
            }
        }
    }
    // A video playlist: three or more lines that each give a clip's length and title ("1:05
    // Suspects in rape, kidnap of Johnson County deputy make first appearance Pause"), which a
    // page may carry in place of its story; read as sentences, each title told another event
    let clips: Vec<usize> = (0..lines.len()).filter(|&i| is_playlist_entry(&lines[i])).collect();
    if clips.len() >= PLAYLIST_MIN_ENTRIES {
        for i in clips {
            if keep[i] {
                keep[i] = false;
                dropped.push((Drop::Playlist, lines[i].clone()));
            }
        }
    }
    // Everything after a comments heading in the last third of the page is comments.
    let n = lines.len();
    if let Some(pos) = (0..n).find(|&i| keep[i] && is_comments_heading(&lines[i]) && i * 3 >= n * 2 - n.min(3)) {
        for i in pos..n {
            if keep[i] {
                keep[i] = false;
                dropped.push((Drop::CommentsTail, lines[i].clone()));
            }
        }
    }
    let kept = lines.iter().zip(keep).filter(|(_, k)| *k).map(|(l, _)| l.trim().to_string()).collect();
    (kept, found_byline, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn cnn_style_caption_byline_and_comments() {
        let lines = own(&[
            "WASHINGTON, DC - MARCH 5: (AFP OUT) U.S. President Donald Trump (L) and the Prime Minister walk outside the Oval Offic...",
            "WASHINGTON, DC - MARCH 5: (AFP OUT) U.S. President Donald Trump (L) and the Prime Minister walk outside the Oval Office of the White House. (Photo by Jane Roe-Pool/Getty Images) |",
            "By Barbara Starr, Ryan Browne and Oren Liebermann, CNN",
            "An airstrike close to the border Sunday was carried out by a neighbour, an official says.",
            "The ministry declined to comment on the strike.",
            "COMMENTS",
        ]);
        let (kept, by, dropped) = filter(&lines);
        assert_eq!(kept.len(), 2, "{kept:?}");
        assert!(kept[0].starts_with("An airstrike"));
        assert_eq!(by.as_deref(), Some("Barbara Starr, Ryan Browne and Oren Liebermann, CNN"));
        // the teaser carries "(AFP OUT)", so it counts as a caption like the full version
        assert_eq!(dropped.iter().filter(|d| d.0 == Drop::Caption).count(), 2);
        assert!(dropped.iter().any(|d| d.0 == Drop::CommentsTail || d.0 == Drop::Widget));
    }

    #[test]
    fn repeated_teaser_dropped() {
        let lines = own(&[
            "LEWISBURG (AP) - A police chief says two officers wounded in a shootout have been released from the...",
            "LEWISBURG (AP) - A police chief says two officers wounded in a shootout have been released from the hospital.",
        ]);
        let (kept, _, dropped) = filter(&lines);
        assert_eq!(kept.len(), 1);
        assert!(kept[0].ends_with("hospital."));
        assert_eq!(dropped[0].0, Drop::Teaser);
    }

    #[test]
    fn glued_caption_credit() {
        let lines = own(&["Airstrike in Gaza (archive)", "Airstrike in Gaza (archive)Reuters", "", "A strike hit the town on Sunday, officials said."]);
        let (kept, _, _) = filter(&lines);
        assert_eq!(kept, own(&["A strike hit the town on Sunday, officials said."]));
    }

    #[test]
    fn prompts_and_notices() {
        for l in [
            "You must enter the characters with black color that stand out from the other characters",
            "Please enable Javascript to watch this video",
            "Sign up for one of our email newsletters.",
            "Copyright 2016 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
            "© 2016 Cox Media Group.",
            "Like this: Like Loading...",
            "Read or Share this story: http://usat.ly/1bqrXLy",
            "Share this: Facebook",
            "Advertisement",
            "We use cookies to improve your experience. By continuing to use this site you agree.",
            "___",
        ] {
            assert!(judge(l).is_some(), "kept: {l}");
        }
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them_up_to_the_cap() {
        let lines = [
            "\u{201c}We will act,\u{201d} he said\u{a0}\u{2014} then\u{2003}left.",
            "  Share\tthis\u{3000}story ",
            "Ālbū Kamāl\u{85}lies\u{2028}on the border",
            "",
            "one",
        ];
        for l in lines {
            assert_eq!(words_up_to(l, 81), l.split_whitespace().count(), "{l:?}");
        }
        let long = "word ".repeat(200);
        assert_eq!(words_up_to(&long, 81), 81);
        assert_eq!(words_up_to("a b c", 2), 2);
    }

    #[test]
    fn story_lines_survive() {
        for l in [
            "No arrests have been made.",
            "The investigation is ongoing.",
            "Police said the man was shot in the arm and taken to the hospital, where he is expected to recover.",
            "UPDATE: Police have identified the victim as a 35-year-old man.",
            "Anyone with information is asked to call Crime Stoppers.",
            "More than 20 people were inside the home when the gunfire began.",
            "The photographer, who asked not to be named, said she saw two men running.",
            "By the time officers arrived, the suspect had fled.",
        ] {
            assert_eq!(judge(l), None, "dropped: {l}");
            assert_eq!(byline(l), None, "byline: {l}");
        }
    }
}
