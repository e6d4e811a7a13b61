//! People an article names: "Antonio Mason", "Officer Aaron Zemlock", "Sergio Daniel
//! Valencia del Toro". Reports of one shooting, one arrest, one strike keep naming the same
//! victims, suspects and officials, which makes names the sharpest evidence that two reports
//! tell the same event.

use std::sync::LazyLock;

/// A person's name as byte span and match key ("antonio mason": given name and surname).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub start: usize,
    pub end: usize,
    pub key: String,
}

/// Capitalised words that follow a given name without being a surname: "Austin Police
/// Department", "Jackson Street", "Lincoln High School".
const NOT_SURNAMES: &[&str] = &[
    "police", "department", "county", "city", "fire", "sheriff", "sheriff's", "school", "schools", "high", "middle",
    "elementary", "university", "college", "hospital", "medical", "street", "avenue", "road", "boulevard", "drive",
    "lane", "park", "church", "center", "centre", "mall", "airport", "station", "times", "post", "news", "herald",
    "tribune", "journal", "star", "mayor", "council", "state", "district", "attorney", "court", "metro", "area",
    "township", "parish", "village", "community", "international", "regional", "memorial", "highway", "bridge",
    "river", "lake", "beach", "bay", "valley", "heights", "springs", "falls", "mountain", "creek", "public",
    "national", "federal", "apartments", "homes", "hotel", "club", "bar", "grill", "restaurant", "store", "market",
    "foundation", "institute", "academy", "company", "group", "the", "and", "of", "in", "on", "at", "for", "but",
    "said", "says", "told", "was", "is", "jr", "sr", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];

/// Words right before a name that say a person follows: an age, an identification, a title.
const NAME_CUES: [&str; 37] = [
    "year-old ", "year old ", "month-old ", "identified as ", "identified him as ", "identified her as ", "named ", "coroner ", "sheriff ", "chief ",
    "officer ", "sgt. ", "lt. ", "capt. ", "detective ", "deputy ", "mayor ", "dr. ", "judge ", "trooper ", "prosecutor ",
    "spokesman ", "spokeswoman ", "chairman ", "chairwoman ", "councilman ", "councilwoman ", "commissioner ", "senator ",
    "sen. ", "rep. ", "gov. ", "governor ", "pastor ", "rev. ", "superintendent ", "principal ",
];

/// Whether a cue of [`NAME_CUES`] ends right before byte `s` of `text`, in any case. Asked of
/// nearly every capitalised word, so the cues are looked up by their last letter (their
/// final space aside) instead of compared one by one (the comparisons, and lower-casing the
/// words before, had been about 2% of finding an article's mentions).
fn introduced_at(text: &str, s: usize) -> bool {
    static BY_LAST: LazyLock<[Vec<&'static str>; 256]> = LazyLock::new(|| {
        let mut by: [Vec<&'static str>; 256] = std::array::from_fn(|_| Vec::new());
        for c in NAME_CUES {
            let b = c.as_bytes();
            by[b[b.len() - 2] as usize].push(c);
        }
        by
    });
    let b = text.as_bytes();
    if s < 2 || b[s - 1] != b' ' {
        return false;
    }
    BY_LAST[b[s - 2].to_ascii_lowercase() as usize].iter().any(|c| s >= c.len() && b[s - c.len()..s].eq_ignore_ascii_case(c.as_bytes()))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The words a name is built from, as byte spans: a capitalised word runs on through
/// apostrophes and hyphens and keeps a final period ("O'Brien", "Al-Masri", "Jr."); another
/// word is a run of letters standing alone (not part of "3rd" or "abc_1"). Hand-rolled: a
/// Unicode word-boundary regex fell back to its slowest engine on any non-ASCII text.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((s, c)) = chars.next() {
        if !c.is_alphabetic() || prev.is_some_and(is_word_char) {
            prev = Some(c);
            continue;
        }
        let mut end = s + c.len_utf8();
        let mut last = c;
        if c.is_uppercase() {
            while let Some(&(i, n)) = chars.peek() {
                if !(n.is_alphabetic() || matches!(n, '\'' | '’' | '-')) {
                    break;
                }
                chars.next();
                end = i + n.len_utf8();
                last = n;
            }
            if let Some(&(i, '.')) = chars.peek() {
                chars.next();
                end = i + 1;
                last = '.';
            }
            out.push((s, end));
        } else {
            while let Some(&(i, n)) = chars.peek() {
                if !n.is_alphabetic() {
                    break;
                }
                chars.next();
                end = i + n.len_utf8();
                last = n;
            }
            // letters glued to a digit or underscore are no word of their own
            if !chars.peek().is_some_and(|&(_, n)| is_word_char(n)) {
                out.push((s, end));
            }
        }
        prev = Some(last);
    }
    out
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Names led by a common given name (or by any capitalised word after an age, an
/// identification or a title), with up to two more capitalised words (a middle name or
/// initial, a compound surname); an all-capitals word (a dateline, a headline) is not a name.
pub fn find(text: &str) -> Vec<Person> {
    let words = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (s, e) = words[i];
        let w = &text[s..e];
        let shouting = w.len() > 1 && w.chars().all(|c| !c.is_lowercase());
        // "32-year-old Tanishia Graham", "identified as Izaak Bridges", "Coroner Bill
        // Salisbury": a capitalised word after an age, an identification or a title begins a
        // person's name, however rare (or however common a word) the given name (the words
        // before are read only for a capitalised word: most are not)
        let introduced = || introduced_at(text, s);
        if !is_cap(w) || shouting || w.ends_with('.') || !(sitrep_gazetteer::is_given_name(w) || introduced()) {
            i += 1;
            continue;
        }
        // following capitalised words separated by one space each
        let mut last = i;
        for j in i + 1..(i + 4).min(words.len()) {
            let (_, pe) = words[j - 1];
            let (ns, ne) = words[j];
            let next = text[ns..ne].trim_end_matches('.');
            // an initial keeps its period in its span ("Ivan A. Lopez"), so one space joins it too
            let single_space = &text[pe..ns] == " ";
            // "… Ariel Morgan. She said": a word ending a sentence ends the name (an initial
            // keeps its period and the name goes on)
            let prev = &text[words[j - 1].0..pe];
            if prev.ends_with('.') && prev.chars().filter(|c| c.is_alphabetic()).count() > 1 {
                break;
            }
            let surname_like = is_cap(next) && !NOT_SURNAMES.contains(&next.to_lowercase().as_str());
            if !single_space || !surname_like {
                break;
            }
            last = j;
        }
        if last > i {
            // "Ariel Morgan's shooting", "at Davis' home": the possessive is no part of the name
            let surname = text[words[last].0..words[last].1].trim_end_matches('.');
            let surname = surname.strip_suffix("'s").or(surname.strip_suffix("’s")).unwrap_or(surname).trim_end_matches(['\'', '’']);
            // a lone initial ("John F.") is not a surname
            if surname.chars().count() > 1 {
                let key = format!("{} {}", w.to_lowercase(), surname.to_lowercase().replace('’', "'"));
                out.push(Person { start: s, end: words[last].1, key });
            }
        }
        i = last + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        find(text).into_iter().map(|p| p.key).collect()
    }

    #[test]
    fn words_keep_apostrophes_hyphens_and_initials_of_capitalised_words() {
        let text = "Mr. O'Brien-Smith met al-Masri (3rd try) on abc_1 day’s end, Ünal.";
        let got: Vec<&str> = words(text).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(got, ["Mr.", "O'Brien-Smith", "met", "al", "Masri", "try", "on", "day", "s", "end", "Ünal."]);
    }

    #[test]
    fn names_of_victims_suspects_and_officials() {
        assert_eq!(
            keys("Antonio Mason, 35, died at the scene, the Austin Police Department said. Officer Aaron Zemlock of Menasha said Sergio Daniel Valencia shot himself."),
            ["antonio mason", "aaron zemlock", "sergio valencia"]
        );
        // a rare given name after an age or an identification; a possessive; a sentence's end
        assert_eq!(
            keys("Twenty-one-year-old Izaak Bridges and 32-year-old Tanishia Graham were shot, Coroner Bill Salisbury said."),
            ["izaak bridges", "tanishia graham", "bill salisbury"]
        );
        assert_eq!(keys("Ten-month-old Ja'Mari Dukes was shot."), ["ja'mari dukes"]);
        // an official's title before a given name that is also a town's ("Berlin Boyd")
        assert_eq!(keys("Memphis City Council chairman Berlin Boyd said he has heard the complaints."), ["berlin boyd"]);
        assert_eq!(keys("Anyone with information in Ariel Morgan's death should call. Police said she loved Ariel Morgan. She was 19."), ["ariel morgan", "ariel morgan"]);
        // streets, schools and headlines are not people; neither is an initial alone
        assert!(keys("Shots were fired on Jackson Street near Lincoln High School. JAMES SMITH said John F. left.").is_empty());
    }
}
