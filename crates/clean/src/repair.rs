//! Repairs text damaged on its way from the newsroom: escaped and tokenized entities
//! (`& ldquo ;`), tokenizer spacing (`Iran - backed`, `1 , 000`, `Lt .- Gen .`), stray
//! non-breaking and zero-width characters, and non-NFC Unicode.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

static ENTITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"&\s?(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31})\s?;").unwrap());

/// Decodes HTML entities, including the forms a tokenizer has pulled apart (`& nbsp ;`).
/// Only names that really are entities are touched, so `AT&T ;` and `R&D;` survive.
pub fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let once = ENTITY.replace_all(text, |c: &regex::Captures<'_>| {
        let candidate = format!("&{};", &c[1]);
        let decoded = html_escape::decode_html_entities(&candidate);
        if decoded == candidate { c[0].to_string() } else { decoded.into_owned() }
    });
    // Double-escaped input (`&amp;rsquo;`) needs a second pass; the check keeps it cheap.
    if once.contains('&') && ENTITY.is_match(&once) {
        let twice = ENTITY.replace_all(&once, |c: &regex::Captures<'_>| {
            let candidate = format!("&{};", &c[1]);
            let decoded = html_escape::decode_html_entities(&candidate);
            if decoded == candidate { c[0].to_string() } else { decoded.into_owned() }
        });
        return Cow::Owned(twice.into_owned());
    }
    Cow::Owned(once.into_owned())
}

/// Replaces invisible and look-alike space characters with what a reader sees.
pub fn normalize_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // (the runs of ASCII between the characters to replace are copied whole: a news text is
    // mostly ASCII, and pushing it a character at a time was most of this step)
    let mut rest = text;
    while let Some(i) = rest.bytes().position(|b| b >= 0x80 || b == b'\t' || b == b'\r') {
        out.push_str(&rest[..i]);
        let Some(ch) = rest[i..].chars().next() else { break };
        match ch {
            '\u{00a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{200a}' | '\u{2002}' | '\u{2003}' | '\t' => out.push(' '),
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}' => {}
            '\r' => {}
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            c => out.push(c),
        }
        rest = &rest[i + ch.len_utf8()..];
    }
    out.push_str(rest);
    // ASCII is in normal form C, and its characters combine with nothing before them: the
    // check starts at the first character that is not
    let Some(first) = out.bytes().position(|b| b >= 0x80) else { return out };
    if unicode_normalization::is_nfc_quick(out[first..].chars()) == unicode_normalization::IsNormalized::Yes {
        out
    } else {
        out.nfc().collect()
    }
}

/// Tells whether a document went through a word tokenizer (spaces before most commas and
/// full stops). Decided per document: a person's `a - b` in clean text must stay as written.
/// A single byte scan: it runs on every article, so it avoids regex passes.
pub fn is_tokenized(text: &str) -> bool {
    let b = text.as_bytes();
    let (mut spaced, mut normal) = (0usize, 0usize);
    for i in 1..b.len() {
        if !matches!(b[i], b',' | b'.' | b';' | b':' | b'?' | b'!') {
            continue;
        }
        let followed = i + 1 == b.len() || b[i + 1].is_ascii_whitespace();
        if !followed {
            continue;
        }
        let word = |c: u8| c.is_ascii_alphanumeric() || c >= 0x80;
        if b[i - 1] == b' ' && i >= 2 && word(b[i - 2]) {
            spaced += 1;
        } else if word(b[i - 1]) {
            normal += 1;
        }
    }
    spaced >= 3 && spaced * 2 > spaced + normal
}

struct Rule {
    re: Regex,
    rep: &'static str,
}

static DETOKENIZE: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let r = |p: &str, rep: &'static str| Rule { re: Regex::new(p).unwrap(), rep };
    vec![
        // thousands separators pulled apart: 1 , 000 -> 1,000
        r(r"(?-u:\b)(\d{1,3}) , (\d{3})(?-u:\b)", "$1,$2"),
        // abbreviations with hyphen: Lt .- Gen . -> Lt.-Gen.
        r(r"(\w) \.- ?(\w)", "$1.-$2"),
        // words joined by a hyphen: Iran - backed, Al - Monitor, K - 1
        r(r"(\w) - (\w)", "$1-$2"),
        // space before closing punctuation
        r(r"(\S) ([,.;:?!%]+)(\s|$|[”’\)\]])", "$1$2$3"),
        r(r"(\S) ([,.;:?!%]+)(\s|$|[”’\)\]])", "$1$2$3"),
        // PTB contractions and possessives: don 't, Iran 's
        r(r"(\w) (n't|'s|'re|'ve|'ll|'d|'m)(?-u:\b)", "$1$2"),
        // curly quotes and apostrophes: “ text ” ; that ’ s
        r(r"(\w) ?’ (s|t|re|ve|ll|d|m)(?-u:\b)", "$1’$2"),
        r(r"([“‘]) ", "$1"),
        r(r" ([”’])", "$1"),
        // brackets
        r(r"([(\[{]) ", "$1"),
        r(r" ([)\]}])", "$1"),
        // currency
        r(r"([$£€]) (\d)", "$1$2"),
    ]
});

/// Undoes tokenizer spacing in a document already known to be tokenized.
pub fn detokenize(text: &str) -> String {
    let mut s = text.to_string();
    for rule in DETOKENIZE.iter() {
        if let Cow::Owned(o) = rule.re.replace_all(&s, rule.rep) {
            s = o;
        }
    }
    pair_straight_quotes(&s)
}

/// Straight double quotes cannot say whether they open or close; in tokenized text they
/// alternate within a paragraph, so the odd ones attach rightwards and the even leftwards.
fn pair_straight_quotes(text: &str) -> String {
    if !text.contains(" \" ") && !text.contains("\" ") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for (li, line) in text.split('\n').enumerate() {
        if li > 0 {
            out.push('\n');
        }
        if line.matches('"').count() % 2 != 0 {
            out.push_str(line);
            continue;
        }
        let mut open = true;
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '"' {
                if open {
                    out.push('"');
                    if chars.get(i + 1) == Some(&' ') {
                        i += 1;
                    }
                } else {
                    if out.ends_with(' ') {
                        out.pop();
                    }
                    out.push('"');
                }
                open = !open;
            } else {
                out.push(c);
            }
            i += 1;
        }
    }
    out
}

/// The whole repair: entities, spaces, Unicode NFC, then tokenizer spacing where detected.
pub fn repair(text: &str) -> String {
    let decoded = decode_entities(text);
    let spaced = normalize_spaces(&decoded);
    let collapsed = collapse_inline_spaces(&spaced);
    if is_tokenized(&collapsed) { detokenize(&collapsed) } else { collapsed }
}

fn collapse_inline_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut prev_space = false;
        for ch in line.trim().chars() {
            if ch == ' ' {
                if !prev_space {
                    out.push(' ');
                }
                prev_space = true;
            } else {
                out.push(ch);
                prev_space = false;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_entities_decode() {
        assert_eq!(decode_entities("& ldquo ;Hi ,& rdquo ; he said"), "“Hi ,” he said");
        assert_eq!(decode_entities("Tehran & rsquo ; s"), "Tehran ’ s");
        assert_eq!(decode_entities("a&nbsp;b &amp; c &#8220;q&#x201D;"), "a\u{a0}b & c “q”");
        assert_eq!(decode_entities("&amp;rsquo;"), "’");
    }

    #[test]
    fn non_entities_survive() {
        assert_eq!(decode_entities("AT&T ; R&D; Q&A"), "AT&T ; R&D; Q&A");
        assert_eq!(decode_entities("Tom & Jerry ; fine"), "Tom & Jerry ; fine");
    }

    #[test]
    fn tokenized_text_is_repaired() {
        let src = "Israel and the US have targeted Iranian - backed forces , according to reports . \
                   Israel had carried out more than 1 , 000 airstrikes . \
                   The visit by Lt .- Gen . Gregory Guillot , per Al - Monitor , at K - 1 base .";
        assert!(is_tokenized(src));
        let out = detokenize(src);
        assert!(out.contains("Iranian-backed forces, according to reports."), "{out}");
        assert!(out.contains("more than 1,000 airstrikes."), "{out}");
        assert!(out.contains("Lt.-Gen. Gregory Guillot, per Al-Monitor, at K-1 base."), "{out}");
    }

    #[test]
    fn quotes_and_apostrophes_attach() {
        let src = "He asked , & ldquo ; Are we ever going to get there ?& rdquo ; It isn & rsquo ; t , he said . \
                   That & rsquo ; s Iran & rsquo ; s view . The [ Syrian ] regime ( again ) .";
        let out = repair(src);
        assert!(out.contains("“Are we ever going to get there?”"), "{out}");
        assert!(out.contains("isn’t, he said."), "{out}");
        assert!(out.contains("That’s Iran’s view."), "{out}");
        assert!(out.contains("The [Syrian] regime (again)."), "{out}");
    }

    #[test]
    fn human_text_is_left_alone() {
        let src = "We will take action - and are already taking action - against efforts, he said. \
                   Pages 10 - 20 of the U.S. report. The vote was 5 - 4. Mr. Smith arrived.";
        assert!(!is_tokenized(src));
        assert_eq!(repair(src), src);
    }

    #[test]
    fn straight_quotes_pair_in_tokenized_text() {
        let src = "He said \" we will win \" , and left . Then \" no \" . Again , yes .";
        assert_eq!(repair(src), "He said \"we will win\", and left. Then \"no\". Again, yes.");
    }

    #[test]
    fn spaces_and_nfc() {
        // e + combining acute -> é; nbsp and zero-width space removed
        assert_eq!(normalize_spaces("Caf\u{0065}\u{0301}\u{00a0}x\u{200b}y"), "Café xy");
    }

    #[test]
    fn spaces_between_runs_of_ascii_and_at_the_ends() {
        let src = "\u{feff}Homs\u{00a0}(AFP)\t\u{2014} \u{201c}We\u{00ad}ll see,\u{201d} he said.\r\nSecond\u{2028}line\u{2009}\u{200b}";
        assert_eq!(normalize_spaces(src), "Homs (AFP) \u{2014} \u{201c}Well see,\u{201d} he said.\nSecond\nline ");
        assert_eq!(normalize_spaces("plain ASCII, kept as it is."), "plain ASCII, kept as it is.");
        // a combining mark right after the ASCII part still composes with it
        assert_eq!(normalize_spaces("Ame\u{0301}lie"), "Am\u{00e9}lie");
    }
}
