//! The folding that makes spellings of one name meet: the same function prepares the
//! gazetteer's names at load time and the article's words at match time.

use compact_str::CompactString;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds a name: lower case, accents and apostrophes removed, dots dropped (`U.S.` → `us`),
/// hyphens and other punctuation turned into single spaces.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] appending to `out`, so that many words can be folded through one buffer.
fn fold_into(s: &str, out: &mut String) {
    let mut pending_space = false;
    // most words of English news are ASCII: the same folding without decomposition (which
    // took a quarter of the place finder's time)
    if s.is_ascii() {
        // (a plain word, the most common, copied and lower-cased whole)
        if s.bytes().all(|b| b.is_ascii_alphanumeric()) {
            let from = out.len();
            out.push_str(s);
            out[from..].make_ascii_lowercase();
            return;
        }
        for b in s.bytes() {
            match b {
                b'\'' | b'`' | b'.' => {}
                _ if b.is_ascii_alphanumeric() => {
                    if pending_space && !out.is_empty() {
                        out.push(' ');
                    }
                    pending_space = false;
                    out.push(b.to_ascii_lowercase() as char);
                }
                _ => pending_space = true,
            }
        }
        return;
    }
    fold_unicode(s, out)
}

/// [`fold_into`] for any text: decomposed, accents dropped.
fn fold_unicode(s: &str, out: &mut String) {
    let mut pending_space = false;
    for ch in s.nfkd() {
        if is_combining_mark(ch) {
            continue;
        }
        let mapped: &str = match ch {
            'ı' => "i",
            'ß' => "ss",
            'æ' | 'Æ' => "ae",
            'ø' | 'Ø' => "o",
            'ł' | 'Ł' => "l",
            'đ' | 'Đ' => "d",
            'œ' | 'Œ' => "oe",
            'þ' | 'Þ' => "th",
            '\'' | '’' | '‘' | 'ʻ' | 'ʼ' | 'ʿ' | 'ʾ' | '`' | '´' | '.' => "",
            _ => {
                if ch.is_alphanumeric() {
                    if pending_space && !out.is_empty() {
                        out.push(' ');
                    }
                    pending_space = false;
                    out.extend(ch.to_lowercase());
                } else {
                    pending_space = true;
                }
                continue;
            }
        };
        if !mapped.is_empty() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push_str(mapped);
        }
    }
}

/// The folded forms under which a gazetteer name is indexed: as folded, without a leading
/// Arabic article (`al bukamal` → `bukamal`), and with its spaces closed up for names of
/// up to three words (`albu kamal` → `albukamal`).
pub(crate) fn index_forms(name: &str) -> Vec<String> {
    let f = fold(name);
    if f.is_empty() {
        return Vec::new();
    }
    let mut forms = vec![f.clone()];
    for article in ["al ", "el ", "ad ", "ar ", "as ", "ash ", "at ", "az "] {
        if let Some(rest) = f.strip_prefix(article) {
            if rest.len() >= 4 {
                forms.push(rest.to_string());
            }
        }
    }
    let words = f.split(' ').count();
    if (2..=3).contains(&words) {
        forms.push(f.replace(' ', ""));
    }
    forms
}

/// A word of the text being searched, with its byte span and folded form.
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    /// (inline up to 24 bytes: an article's words are folded and dropped by the hundred, and
    /// a heap string each had cost a fifth of finding names)
    pub folded: CompactString,
    pub capitalized: bool,
    /// First word of a sentence (its capital says nothing about being a name).
    pub sentence_start: bool,
}

/// Splits a text into words for matching. Dots inside a word stay with it (`U.S.`), and a
/// leading Arabic article joined by a hyphen is split off (`al-Harra` → `al`, `Harra`), so
/// that both the full and the bare name can match.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    // (about one word in six bytes of news text)
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut folded = String::new();
    let b = text.as_bytes();
    let mut i = 0;
    let mut sentence_start = true;
    while i < text.len() {
        // (ASCII read byte by byte: decoding every character from a fresh slice had cost
        // about 3% of finding an article's mentions)
        let ch = if b[i].is_ascii() { b[i] as char } else { text[i..].chars().next().unwrap_or(' ') };
        if !ch.is_alphanumeric() {
            if matches!(ch, '.' | '!' | '?' | '\n' | ':' | '“' | '"') {
                sentence_start = true;
            }
            i += ch.len_utf8();
            continue;
        }
        let start = i;
        let mut end = i;
        while end < text.len() {
            if b[end].is_ascii_alphanumeric() {
                end += 1;
                continue;
            }
            let c = text[end..].chars().next().unwrap_or(' ');
            if c.is_alphanumeric() {
                end += c.len_utf8();
                continue;
            }
            let next = text[end + c.len_utf8()..].chars().next();
            // "U.S.", "p.m.", "6abc.com" keep their dots; "Delaware.The" is two sentences run
            // together by a scraper that lost the space
            let dot_joins = c != '.' || {
                let part = text[start..end].rsplit('.').next().unwrap_or("");
                part.chars().count() == 1 || next.is_some_and(|n| !n.is_uppercase())
            };
            let continues_word =
                matches!(c, '.' | '\'' | '’') && next.is_some_and(|n| n.is_alphanumeric()) && dot_joins && !(c == '.' && end + 1 < b.len() && b[end + 1] == b' ');
            if !continues_word {
                break;
            }
            end += c.len_utf8();
        }
        // "U.S." keeps its final dot as part of the abbreviation
        if end < text.len() && b[end] == b'.' && text[start..end].contains('.') {
            end += 1;
        }
        // a possessive is not part of the name: "China's" -> "China"
        for suffix in ["'s", "’s", "'S", "’S"] {
            if text[start..end].ends_with(suffix) && end - start > suffix.len() {
                end -= suffix.len();
                break;
            }
        }
        let word = &text[start..end];
        let capitalized = ch.is_uppercase() || ch.is_numeric();
        folded.clear();
        fold_into(word, &mut folded);
        out.push(Token { start, end, folded: CompactString::from(folded.as_str()), capitalized, sentence_start });
        sentence_start = false;
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_ascii_shortcut_folds_as_the_full_folding() {
        for s in ["Albukamal", "ISIS", "6abc", "U.S.", "Deir ez-Zor", "Ma'arrat al-Nu'man", "  Fort  Worth--TX ", "O`Neill's", "A&M 2nd St.", "x_y(z)", ""] {
            let mut unicode = String::new();
            super::fold_unicode(s, &mut unicode);
            assert_eq!(super::fold(s), unicode, "{s:?}");
        }
    }
}
