//! People an article names: "Antonio Mason", "Officer Aaron Zemlock", "Sergio Daniel
//! Valencia del Toro". Reports of one shooting, one arrest, one strike keep naming the same
//! victims, suspects and officials, which makes names the sharpest evidence that two reports
//! tell the same event.

use std::sync::LazyLock;

use regex::Regex;

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

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b[\p{Lu}][\p{L}'’\-]*\.?|\b[\p{L}]+\b").unwrap());

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Names led by a common given name, with up to two more capitalised words (a middle name or
/// initial, a compound surname); an all-capitals word (a dateline, a headline) is not a name.
pub fn find(text: &str) -> Vec<Person> {
    let words: Vec<(usize, usize)> = WORD.find_iter(text).map(|m| (m.start(), m.end())).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (s, e) = words[i];
        let w = &text[s..e];
        let shouting = w.len() > 1 && w.chars().all(|c| !c.is_lowercase());
        if !is_cap(w) || shouting || !sitrep_gazetteer::is_given_name(w) {
            i += 1;
            continue;
        }
        // following capitalised words separated by one space each
        let mut last = i;
        for j in i + 1..(i + 4).min(words.len()) {
            let (ps, pe) = words[j - 1];
            let (ns, ne) = words[j];
            let next = text[ns..ne].trim_end_matches('.');
            let single_space = &text[pe..ns] == " " || (text[ps..pe].ends_with('.') && &text[pe..ns] == " ");
            let surname_like = is_cap(next) && !NOT_SURNAMES.contains(&next.to_lowercase().as_str());
            if !single_space || !surname_like {
                break;
            }
            last = j;
        }
        if last > i {
            let surname = text[words[last].0..words[last].1].trim_end_matches('.');
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
    fn names_of_victims_suspects_and_officials() {
        assert_eq!(
            keys("Antonio Mason, 35, died at the scene, the Austin Police Department said. Officer Aaron Zemlock of Menasha said Sergio Daniel Valencia shot himself."),
            ["antonio mason", "aaron zemlock", "sergio valencia"]
        );
        // streets, schools and headlines are not people; neither is an initial alone
        assert!(keys("Shots were fired on Jackson Street near Lincoln High School. JAMES SMITH said John F. left.").is_empty());
    }
}
