//! Sentence boundaries that survive news abbreviations ("U.S.", "Lt.-Gen.", "Maj.-Gen.",
//! "Sept. 30", "Mr."), initials ("J. Smith") and quotations that end a sentence ('?”').

/// Words that end with a full stop without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "brig", "cmdr",
    "gov", "sen", "rep", "rev", "st", "mt", "ft", "no", "nos", "vs", "etc", "inc", "corp", "co", "ltd", "jr", "sr",
    "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "d.c", "a.m",
    "p.m", "i.e", "e.g", "al", "approx", "est", "dept", "univ", "ave", "blvd", "rd", "hwy", "pres", "supt", "insp",
    "det", "ofc", "atty", "gen.-", "lt.-gen", "maj.-gen", "brig.-gen", "vol", "fig", "pp", "op",
];

/// [`ABBREVIATIONS`] for lookup: every full stop of an article asks twice.
static ABBREVIATION_SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> = std::sync::LazyLock::new(|| ABBREVIATIONS.iter().copied().collect());

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
    let w = w.trim_end_matches('.');
    if w.is_empty() {
        return false;
    }
    // single initials ("J.") and dotted acronyms ("U.S.") are abbreviations
    if w.chars().count() == 1 && w.chars().all(|c| c.is_alphabetic()) {
        return true;
    }
    if w.contains('.') && w.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    let last = w.rsplit(['-', '.']).next().unwrap_or(&w);
    ABBREVIATION_SET.contains(w) || ABBREVIATION_SET.contains(last)
}

/// Byte spans of the sentences of `text` (paragraph breaks always end a sentence).
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'\n' {
            push(text, &mut out, start, i);
            start = i + 1;
            i += 1;
            continue;
        }
        if matches!(c, b'.' | b'!' | b'?') {
            // closing quotes and brackets belong to the sentence they end
            let mut end = i + 1;
            loop {
                let rest = &text[end..];
                let Some(ch) = rest.chars().next() else { break };
                if matches!(ch, '"' | '”' | '’' | '\'' | ')' | ']') || (ch == '.' && end == i + 1) {
                    end += ch.len_utf8();
                } else {
                    break;
                }
            }
            let next = text[end..].chars().next();
            let after = text[end..].trim_start_matches([' ', '\t']);
            let next_starts = after.chars().next().is_some_and(|ch| ch.is_uppercase() || ch.is_numeric() || matches!(ch, '"' | '“' | '‘' | '(' | '\''));
            let word_start = text[..i].rfind(|ch: char| ch.is_whitespace()).map(|k| k + 1).unwrap_or(0);
            let word = &text[word_start..=i];
            let boundary = glued_sentence(text, i, word)
                || matches!(next, None | Some(' ') | Some('\n') | Some('\t'))
                && (next.is_none() || next_starts || after.starts_with('\n'))
                && !(c == b'.' && is_abbreviation(word) && !after.is_empty() && !starts_new_sentence_after_abbrev(word, after));
            if boundary {
                push(text, &mut out, start, end);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push(text, &mut out, start, text.len());
    out
}

/// "…with a wound to her toe.Gunfire broke out…": scraped text often loses the space after
/// a full stop. A stop right after two lower-case letters and right before a capitalised
/// word ends the sentence, unless the word is an abbreviation or part of an address
/// ("St.Louis", "news.Yahoo.com").
fn glued_sentence(text: &str, i: usize, word: &str) -> bool {
    let b = text.as_bytes();
    let lower = |k: usize| b.get(k).is_some_and(u8::is_ascii_lowercase);
    b[i] == b'.'
        && i >= 2
        && lower(i - 1)
        && lower(i - 2)
        && b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
        // "toe.Gunfire", "injured.A third suspect"
        && (lower(i + 2) || b[i + 1] == b'A' && b.get(i + 2) == Some(&b' '))
        && !is_abbreviation(word)
        && !word.contains(['/', '@', ':'])
        && !word.starts_with("www")
        && !is_address(text[i + 1..].split_whitespace().next().unwrap_or(""))
}

/// The rest of a host name or path: another stop or slash inside the token ("Yahoo.com").
fn is_address(token: &str) -> bool {
    let t = token.trim_end_matches(|c: char| !c.is_alphanumeric());
    t.contains(['.', '/', '@'])
}

/// "... in the U.S. The next day" ends a sentence after an abbreviation when the next word
/// is a common sentence opener; "U.S. officials" does not.
fn starts_new_sentence_after_abbrev(word: &str, after: &str) -> bool {
    let w = word.to_ascii_lowercase();
    if !(w.ends_with("u.s.") || w.ends_with("u.k.") || w.ends_with("d.c.") || w.ends_with("a.m.") || w.ends_with("p.m.")) {
        return false;
    }
    let next: String = after.split_whitespace().next().unwrap_or("").chars().filter(|c| c.is_alphabetic()).collect();
    matches!(next.as_str(), "The" | "A" | "An" | "He" | "She" | "It" | "They" | "We" | "I" | "In" | "On" | "But" | "This" | "That" | "There")
}

fn push(text: &str, out: &mut Vec<(usize, usize)>, start: usize, end: usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if s.trim().is_empty() {
        return;
    }
    out.push((start + lead, end - trail));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn abbreviations_and_titles_do_not_split() {
        let t = "The visit by US Central Command Air Force Commander Lt.-Gen. Gregory Guillot to Israel on Friday drew notice. IAF Commander Maj.-Gen. Amikam Norkin said so.";
        assert_eq!(sents(t).len(), 2, "{:?}", sents(t));
        let t = "U.S. officials have said that militias operate there. Mr. Smith arrived on Sept. 30 at 5 p.m. local time.";
        assert_eq!(sents(t).len(), 2, "{:?}", sents(t));
    }

    #[test]
    fn quotes_end_sentences() {
        let t = "“Are we ever going to get there?” Mulroy asked. “No,” he said.";
        assert_eq!(sents(t), ["“Are we ever going to get there?”", "Mulroy asked.", "“No,” he said."]);
    }

    #[test]
    fn abbreviation_at_sentence_end() {
        let t = "The strikes were carried out by the U.S. The Pentagon declined to comment.";
        assert_eq!(sents(t).len(), 2, "{:?}", sents(t));
    }

    #[test]
    fn a_lost_space_after_a_stop_still_ends_the_sentence() {
        let t = "A girl showed up yesterday with a wound to her toe.Gunfire broke out about 12:30 Saturday morning.";
        assert_eq!(sents(t), ["A girl showed up yesterday with a wound to her toe.", "Gunfire broke out about 12:30 Saturday morning."]);
        let t = "The party left two people dead and five others injured.A third suspect was arrested on Saturday.";
        assert_eq!(sents(t).len(), 2, "{:?}", sents(t));
        // addresses, initials and abbreviations stay whole
        for t in ["Read more at news.Yahoo.com today.", "He moved to St.Louis last year.", "Officer J.Smith said so."] {
            assert_eq!(sents(t).len(), 1, "{t}");
        }
    }

    #[test]
    fn paragraphs_always_split() {
        let t = "First paragraph without a stop\n\nSecond one.";
        assert_eq!(sents(t), ["First paragraph without a stop", "Second one."]);
    }
}
