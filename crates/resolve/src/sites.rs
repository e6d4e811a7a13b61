//! Named sites that no gazetteer holds — streets, buildings, campuses, parks, estates —
//! placed at the town they stand in.
//!
//! "Gunmen opened fire on Royal Street", "a blast at the Rogers Centre": a report names where
//! it happened more narrowly than any town, and a geoparser that knows only towns loses the
//! place altogether (a fifth of GeoWebNews's toponyms are such sites). A site is told by the
//! word that ends its name ("Street", "Hospital", "Centre") or opens it ("University of
//! Alberta", "Rue Casa Calvo"), and lies in the town the story is told in: the nearest town the
//! article names, before the site if it names one there, within the division or country the
//! site's own name gives ("Florida Atlantic University" is in a Florida town). A town inside
//! the name places the site already ("Colchester General Hospital"), and a nation's adjective
//! does not ("the Russian Embassy" stands in the host's capital, "the French Quarter" in New
//! Orleans).

use std::sync::LazyLock;

use sitrep_gazetteer::{Gazetteer, Kind};

use crate::ResolvedPlace;

/// Words that end a site's name.
const HEADS: &[&str] = &[
    "Street", "Avenue", "Road", "Boulevard", "Lane", "Drive", "Place", "Terrace", "Parkway", "Circle", "Pike", "Highway", "Freeway", "Expressway",
    "Square", "Plaza", "Court", "Estate", "Park", "Gardens", "Heights", "Quarter", "Fields", "Apartments", "Dwellings",
    "Hospital", "Clinic", "Infirmary", "University", "College", "School", "Academy", "Institute", "Church", "Chapel", "Cathedral", "Basilica", "Abbey",
    "Mosque", "Temple", "Synagogue", "Shrine", "Centre", "Center", "Hall", "Theatre", "Theater", "Stadium", "Arena", "Castle", "Palace", "Tower",
    "Hotel", "Club", "Farm", "Farms", "Airport", "Airfield", "Station", "Bridge", "Mall", "Prison", "Jail", "Museum", "Library", "Embassy",
    "Consulate", "Ministry", "Base", "Barracks", "Compound", "Refinery", "Terminal", "Checkpoint", "Crossing", "Cemetery", "Graveyard", "Lagoon",
    "Camp",
];

/// Every head word, whole ("Street" but not "Streetsville").
/// (The word's end is checked by [`find`], as an ASCII `\b` finds none after "Praça"; the
/// longest words come first, so that "Farms" is not read as "Farm".)
static HEAD_WORDS: LazyLock<regex::Regex> = LazyLock::new(|| {
    let mut words: Vec<&str> = HEADS.iter().chain(LOWER_HEADS).chain(FORWARD_HEADS).chain(ABBREVIATED_HEADS).copied().collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let words: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    regex::RegexBuilder::new(&format!(r"\b(?:{})", words.join("|"))).unicode(false).build().expect("site head words pattern")
});

/// Words that open a street's name in the languages that put the street's word first ("Rue
/// Casa Calvo", "Avenida Paulista", "Calle Ocho").
const FORWARD_HEADS: &[&str] = &["Rue", "Avenida", "Calle", "Via", "Piazza", "Praça", "Boulevard"];

/// Street words as some outlets write them, in lower case ("Harare’s Third street").
const LOWER_HEADS: &[&str] = &["street", "avenue", "road"];

/// Abbreviated street words, which end a name only where no capitalised word follows ("Main
/// St." but "St. Louis").
const ABBREVIATED_HEADS: &[&str] = &["St.", "Ave.", "Rd.", "Blvd."];

/// Words that open a site's name when "of" and a name follow ("University of St. Thomas",
/// "Embassy of the Republic of Armenia", "Church of the Holy Sepulchre").
const OF_HEADS: &[&str] = &["University", "College", "Embassy", "Consulate", "Church", "Cathedral", "Basilica", "Palace", "Museum", "Institute", "Academy", "Mall"];

/// Words that make a name an institution's rather than a site's when it has no other: "the
/// Supreme Court", "the High Court", "the Catholic Church" are no places a report can be
/// placed at, where "Cloverhill District Court" is.
const GENERIC: &[&str] = &[
    "Supreme", "High", "Constitutional", "Federal", "Appeals", "Appellate", "Criminal", "Civil", "Family", "Juvenile", "Catholic", "Orthodox",
    "Anglican", "Protestant", "Evangelical", "Detention", "Secondary", "Primary", "Public", "Environmental", "International", "National", "Regional",
    "World", "Global",
];

/// Words that end a site's name and are surnames as often: after a given name alone they make
/// a person ("Amy Hall", "Tom Park", "Ryan Church").
const SURNAME_HEADS: &[&str] = &["Street", "Lane", "Court", "Park", "Hall", "Church", "Chapel", "Temple", "Tower", "Bridge", "Castle", "Fields", "Camp", "Hospital"];

/// Small words inside a site's name ("Church of the Holy Sepulchre", "Rue de la Paix").
const CONNECTORS: &[&str] = &["of", "the", "de", "du", "des", "la", "le", "del", "della", "di", "da", "do", "das", "dos", "and", "&", "for", "al", "bin", "ibn"];

/// Capitalised words that open a sentence or a phrase rather than a name.
const OPENERS: &[&str] = &[
    "The", "A", "An", "In", "At", "On", "From", "To", "By", "For", "And", "But", "Near", "Outside", "Inside", "Of", "This", "That", "Its", "His", "Her",
    "Their", "Our", "My", "When", "While", "After", "Before", "As", "Police", "Officers", "Authorities",
];

/// Words of a state's organs: with the state's name or adjective inside, the site is the
/// state's metonym (see [`place_sites`]).
const STATE_ORGANS: &[&str] = &["Ministry"];

/// Words that go on from a site's name to an organisation's ("Highway Patrol", "Street
/// Journal", "Park Service").
const ORGANISATION_WORDS: &[&str] = &[
    "Patrol", "Journal", "Department", "Police", "Authority", "Commission", "Association", "Board", "Council", "Committee", "Foundation", "Company",
    "Corporation", "Group", "Bank", "Service", "Services", "Fund", "Trust", "Society", "Union", "Bureau", "Agency", "Partners", "Capital", "Records",
    "Press", "Times", "News", "Project", "Alliance",
];

/// Titles that make the name after them a person's ("Mr. Hall").
const TITLES: &[&str] = &["Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Judge", "Sen.", "Rep.", "Gov.", "Officer", "Sgt.", "Det."];

/// Where a site's name lies in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: usize,
    end: usize,
}

/// Whether `w` is an ordinal number ("3rd", "125th"), as street names begin.
fn ordinal(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The word before `at` when a single space separates it ("Royal" before "Street").
fn word_before(text: &str, at: usize) -> Option<(usize, &str)> {
    let before = text.get(..at)?.strip_suffix(' ')?;
    let start = before.rfind(char::is_whitespace).map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let w = &before[start..];
    (!w.is_empty()).then_some((start, w))
}

/// The word after `at` when a single space separates it.
fn word_after(text: &str, at: usize) -> Option<(usize, &str)> {
    let after = text.get(at..)?.strip_prefix(' ')?;
    let len = after.find(char::is_whitespace).unwrap_or(after.len());
    (len > 0).then_some((at + 1, &after[..len]))
}

/// A word of a name: capitalised (possessives and abbreviations such as "St." included), or an
/// ordinal; `None` when the word ends the name (punctuation, a lower-case word).
fn name_word(w: &str) -> Option<bool> {
    let bare = w.trim_end_matches(['\'', '’']);
    if bare.ends_with([',', ';', ':', ')', '(', '"', '”', '“', '!', '?']) || w.starts_with(['(', '"', '“']) {
        return None;
    }
    if let Some(stem) = bare.strip_suffix('.') {
        // "St.", "N.", "Mt.": an abbreviation inside a name, not a sentence's end
        if !(stem.len() <= 3 && capitalised(stem)) {
            return None;
        }
    }
    // ("8 Mile Road": a short number names a street too; a house number is longer)
    if ordinal(bare) || (bare.len() <= 2 && bare.bytes().all(|b| b.is_ascii_digit())) {
        return Some(true);
    }
    if CONNECTORS.contains(&bare) {
        return Some(false);
    }
    // "d’Enghien", "l’Opéra": an elided article before a name; "al-Asad", "el-Fasher": the
    // Arabic article joined to one
    if let Some(rest) = ["d’", "d'", "l’", "l'", "al-", "el-", "ad-", "an-", "ar-", "as-", "ash-", "at-", "az-"].iter().find_map(|p| bare.strip_prefix(p)) {
        return capitalised(rest).then_some(true);
    }
    (capitalised(bare) && bare.chars().any(char::is_alphabetic)).then_some(true)
}

/// Site names in `text`: a head word and the capitalised words before it, or an opening head
/// word with "of" (or "de", "da", …) and a name after it, or a street's word that comes first
/// and the name after it.
fn find(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    // (the head words found by one automaton over the text: reading every capitalised word
    // and comparing it with each head had cost 4% of an article's analysis)
    for m in HEAD_WORDS.find_iter(text) {
        // (a whole word: "Street" but not "Streetsville")
        if text[m.end()..].chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let (start, word) = (m.start(), m.as_str());
        let len = word.len();
        let bare = word.trim_end_matches('.');
        let head = HEADS.contains(&bare) || LOWER_HEADS.contains(&bare) || ABBREVIATED_HEADS.contains(&word) && word_after(text, start + len).is_none_or(|(_, n)| !capitalised(n));
        let rest = &text[start + bare.len()..];
        let of_head = OF_HEADS.contains(&bare) && rest.starts_with(" of ")
            // "Place de la Concorde", "Avenue de l’Opéra", "Rue d’Enghien", "Rue Casa Calvo",
            // "Avenida Paulista": the name after the head
            || (HEADS.contains(&bare) || FORWARD_HEADS.contains(&bare)) && [" de ", " du ", " des ", " del ", " della ", " di ", " da ", " do ", " das ", " dos ", " d’", " d'"].iter().any(|p| rest.starts_with(p))
            || FORWARD_HEADS.contains(&bare) && word_after(text, start + bare.len()).is_some_and(|(_, n)| capitalised(n));
        if !head && !of_head {
            continue;
        }
        // ("School." at a sentence's end: the dot is the sentence's)
        let head_end = start + if head && ABBREVIATED_HEADS.contains(&word) { len } else { bare.len() };
        // the capitalised words before the head
        let mut first = start;
        let mut words = 0;
        let mut cursor = start;
        let mut titled = false;
        // (a street's word that opens its name has none before it: "and Rue d’Enghien")
        let opens = FORWARD_HEADS.contains(&bare) && !HEADS.contains(&bare);
        while let Some((s, w)) = word_before(text, cursor).filter(|_| !opens) {
            if TITLES.contains(&w) {
                titled = true;
                break;
            }
            match name_word(w) {
                Some(true) if !OPENERS.contains(&w) => {
                    first = s;
                    words += 1;
                }
                // a connector belongs to the name only with a name word before it, and "the"
                // only after "of" ("Church of the Holy Sepulchre"; "Forestry and the Ministry"
                // is two names)
                Some(false) if w == "the" && !word_before(text, s).is_some_and(|(_, p)| p == "of") => break,
                Some(false) => {}
                _ => break,
            }
            cursor = s;
            if words >= 6 {
                break;
            }
        }
        // a bare number opens a street's name only before "Mile" ("8 Mile Road"); else it is
        // the house's ("at 35 Golf View Drive")
        if words > 1 && text[first..].split(' ').next().is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit())) {
            if let Some((s, w)) = word_after(text, first + text[first..].find(' ').unwrap_or(0)) {
                if w != "Mile" {
                    first = s;
                    words -= 1;
                }
            }
        }
        // an opening head's "of" and the name after it
        let mut end = head_end;
        if of_head {
            let mut cursor = head_end;
            let mut named = 0;
            while let Some((s, w)) = word_after(text, cursor) {
                // ("St." inside a name keeps its dot; a name's last word loses its punctuation)
                let trimmed = if w.ends_with('.') && name_word(w).is_some() { w } else { w.trim_end_matches([',', '.', ';', ':', ')', '"', '”']) };
                match name_word(trimmed) {
                    Some(true) => {
                        named += 1;
                        end = s + trimmed.len();
                    }
                    // ("of the Holy Sepulchre", but "… and the Interior Ministry" or "… and Rue
                    // d’Enghien" is another)
                    Some(false) if trimmed == "the" && !word_before(text, s).is_some_and(|(_, p)| p == "of") => break,
                    Some(false) if trimmed == "and" && word_after(text, s + w.len()).is_some_and(|(_, n)| FORWARD_HEADS.contains(&n) || n == "the") => break,
                    Some(false) => {}
                    None => break,
                }
                if trimmed.len() < w.len() || named >= 5 {
                    break;
                }
                cursor = s + w.len();
            }
            if named == 0 && words == 0 {
                continue;
            }
        } else if words == 0 {
            continue;
        }
        // "on a Stapleton street": a street of a place, none named
        if LOWER_HEADS.contains(&bare) && word_before(text, first).is_some_and(|(_, w)| matches!(w, "a" | "an" | "A" | "An")) {
            continue;
        }
        // "the Missouri State Highway Patrol", "the Wall Street Journal": a site's name inside an
        // organisation's
        if word_after(text, end).is_some_and(|(_, n)| ORGANISATION_WORDS.contains(&n.trim_end_matches([',', '.', ';', ':', '\'', '’']).trim_end_matches("'s"))) {
            continue;
        }
        // "Amy Hall", "Mr. Hall", "Tom Park, 34,": a person
        let surname = words == 1
            && SURNAME_HEADS.contains(&bare)
            && (sitrep_gazetteer::is_given_name(&text[first..start - 1])
                || text[end..].starts_with(", ") && text[end + 2..].starts_with(|c: char| c.is_ascii_digit()));
        let generic = text[first..start].split(' ').filter(|w| !w.is_empty()).all(|w| GENERIC.contains(&w) || CONNECTORS.contains(&w));
        if surname || titled || generic && end == head_end {
            continue;
        }
        if out.last().is_some_and(|p| p.end > first) {
            // "Alder Hey Children's Hospital School": the longer name
            let last = out.last_mut().expect("checked above");
            last.end = last.end.max(end);
            continue;
        }
        out.push(Span { start: first, end });
    }
    out
}

fn town_like(k: Kind) -> bool {
    level_of(k) == Some(0)
}

/// How a site's place is chosen among the article's places: towns first, then counties,
/// states and countries.
fn level_of(k: Kind) -> Option<u8> {
    match k {
        Kind::Town | Kind::AdminSeat | Kind::Capital => Some(0),
        Kind::Admin2 => Some(1),
        Kind::Admin1 => Some(2),
        Kind::Country => Some(3),
        _ => None,
    }
}

/// Adds to `places` (sorted by start) the sites of `text` that can be placed, each at the town
/// it stands in, with the division, country or nation's adjective inside its name dropped
/// (the site stands for them). A site with a town inside its name is that town already, and
/// one that no place of the article can hold is left as it was.
pub fn with_sites(gaz: &Gazetteer, text: &str, mut places: Vec<ResolvedPlace>) -> Vec<ResolvedPlace> {
    let sites = find(text);
    let (added, mut dropped) = place_sites(gaz, text, &places, &sites, false, None);
    if added.is_empty() {
        return places;
    }
    dropped.sort_unstable();
    dropped.dedup();
    for i in dropped.into_iter().rev() {
        places.remove(i);
    }
    places.extend(added);
    places.sort_by_key(|p| p.start);
    places
}

/// A site named within the ranges [`sites_within`] reads, and where it stands when a place
/// of the article could hold it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Site {
    pub start: usize,
    pub end: usize,
    /// Gazetteer index of the town (or, failing one, the county, state or country) it lies in:
    /// the town inside its name ("Kabul International Airport"), else the nearest the article
    /// names; `None` when no place the article names can hold it.
    pub place: Option<u32>,
}

/// The sites [`with_sites`] would add, looked for only within `ranges` of `text` (the
/// sentences that tell events: reading the whole article for them had cost 2% of its
/// analysis), placed among all of `places`; and the sites no place of the article holds, for a
/// caller that knows where the story is from elsewhere (a headline, an outlet's home).
pub fn sites_within(gaz: &Gazetteer, text: &str, places: &[ResolvedPlace], ranges: &[(usize, usize)]) -> Vec<Site> {
    let mut sites = Vec::new();
    for &(a, b) in ranges {
        let Some(part) = text.get(a..b) else { continue };
        sites.extend(find(part).into_iter().map(|s| Span { start: s.start + a, end: s.end + a }));
    }
    sites.sort_by_key(|s| s.start);
    sites.dedup();
    let mut unplaced = Vec::new();
    let (placed, _) = place_sites(gaz, text, places, &sites, true, Some(&mut unplaced));
    let mut out: Vec<Site> = placed.iter().map(|p| Site { start: p.start, end: p.end, place: Some(p.place) }).collect();
    out.extend(unplaced.into_iter().map(|s| Site { start: s.start, end: s.end, place: None }));
    out.sort_by_key(|s| s.start);
    out
}

/// Places each of `sites`: the sites placed, and the indices of the places inside them that
/// they stand for; the sites no place holds go to `unplaced`. A site with a town inside its
/// name is placed at that town when `named_towns` is set, and left out otherwise (the town's
/// name places the text there already).
fn place_sites(
    gaz: &Gazetteer,
    text: &str,
    places: &[ResolvedPlace],
    sites: &[Span],
    named_towns: bool,
    mut unplaced: Option<&mut Vec<Span>>,
) -> (Vec<ResolvedPlace>, Vec<usize>) {
    let mut added = Vec::new();
    let mut dropped = Vec::new();
    for s in sites {
        // "Harare’s Third Street": a town told as the site's owner is where it stands
        let owner = places.iter().find(|p| p.start == s.start && !p.adjective && town_like(gaz.place(p.place).kind)).and_then(|p| {
            let rest = text.get(p.end..s.end)?;
            let name = rest.strip_prefix("’s ").or_else(|| rest.strip_prefix("'s "))?;
            Some((p.place, s.end - name.len()))
        });
        if let Some((town, start)) = owner {
            added.push(ResolvedPlace { start, end: s.end, place: town, adjective: false, margin: 0.0, site: true });
            continue;
        }
        let inner: Vec<usize> = (0..places.len()).filter(|&i| places[i].start >= s.start && places[i].end <= s.end).collect();
        // "Russia's Foreign Ministry", "the Vietnamese Defence Ministry": a state's organ named
        // by its state stands for the state, as the name inside says
        if !inner.is_empty() && text[s.start..s.end].split(' ').any(|w| STATE_ORGANS.contains(&w)) {
            continue;
        }
        let crossing = places.iter().any(|p| p.start < s.end && s.start < p.end && !(p.start >= s.start && p.end <= s.end));
        let whole = inner.iter().any(|&i| places[i].start == s.start && places[i].end == s.end);
        if crossing || whole {
            continue;
        }
        if let Some(&i) = inner.iter().find(|&&i| !places[i].adjective && town_like(gaz.place(places[i].place).kind)) {
            // ("on a Dallas street": a street of the town, none named)
            let generic = text.get(places[i].end..s.end).and_then(|r| r.strip_prefix(' ')).is_some_and(|r| LOWER_HEADS.contains(&r));
            if named_towns && !generic {
                added.push(ResolvedPlace { start: s.start, end: s.end, place: places[i].place, adjective: false, margin: places[i].margin, site: true });
            }
            continue;
        }
        // (a continent or a region inside the name, "SM Mall of Asia", bounds nothing)
        let areas: Vec<u32> = inner
            .iter()
            .filter(|&&i| !places[i].adjective && matches!(gaz.place(places[i].place).kind, Kind::Country | Kind::Admin1 | Kind::Admin2))
            .map(|&i| places[i].place)
            .collect();
        let fits = |p: &ResolvedPlace, level: u8| {
            !p.adjective
                && level_of(gaz.place(p.place).kind) == Some(level)
                && !sites.iter().any(|o| p.start >= o.start && p.end <= o.end)
                && areas.iter().all(|&a| gaz.place(p.place).lies_in(gaz.place(a)))
        };
        // the town told right after it ("the Presidential Palace in Khartoum", "Royal Street,
        // New Orleans"); else the nearest town, before the site if the article names one there;
        // failing a town, the nearest county, state or country (the site is then placed as
        // coarsely)
        let told_after = places.iter().find(|p| {
            p.start >= s.end && fits(p, 0) && text.get(s.end..p.start).is_some_and(|gap| matches!(gap.trim(), "in" | "," | "near" | "outside" | "in the city of" | "in the town of"))
        });
        let town = told_after.or_else(|| {
            (0..4).find_map(|level| {
                let before = places.iter().rev().find(|p| p.end <= s.start && fits(p, level));
                before.or_else(|| places.iter().find(|p| p.start >= s.end && fits(p, level)))
            })
        });
        match town {
            Some(t) => {
                added.push(ResolvedPlace { start: s.start, end: s.end, place: t.place, adjective: false, margin: t.margin, site: true });
                dropped.extend(inner);
            }
            None => unplaced.iter_mut().for_each(|u| u.push(*s)),
        }
    }
    (added, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        find(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn sites_are_told_by_the_word_that_ends_or_opens_their_name() {
        assert_eq!(names("Gunmen opened fire on Royal Street late on Friday."), ["Royal Street"]);
        assert_eq!(names("He was taken to Alder Hey Children's Hospital in a critical condition."), ["Alder Hey Children's Hospital"]);
        assert_eq!(names("Students at the University of St. Thomas, in Houston, were told."), ["University of St. Thomas"]);
        assert_eq!(names("A crowd gathered outside the Embassy of the Republic of Armenia."), ["Embassy of the Republic of Armenia"]);
        assert_eq!(names("The blast hit the 3rd Avenue bridge."), ["3rd Avenue"]);
        assert_eq!(names("Police responded to the Heritage Place Apartments around 11:30 p.m."), ["Heritage Place Apartments"]);
        assert_eq!(names("A car was found near Main St. on Tuesday, police said."), ["Main St."]);
        assert_eq!(names("The renaming of Third street was a council resolution, not a roadside sign."), ["Third street"]);
        assert!(names("He was robbed on a Stapleton street.").is_empty());
        // a street's abbreviation before a capitalised word is a saint's
        assert!(names("They moved to St. Louis in May.").is_empty());
        assert_eq!(names("The club at 13859 8 Mile Road was closed."), ["8 Mile Road"]);
        assert_eq!(names("Police were called to 35 Golf View Drive on Monday."), ["Golf View Drive"]);
        assert_eq!(names("Rockets struck Ain al-Asad Air Base and the Masjid al Nuri Mosque."), ["Ain al-Asad Air Base", "Masjid al Nuri Mosque"]);
        assert_eq!(names("Houses on Rue Casa Calvo and Rue d’Enghien, and the Place de la Concorde."), ["Rue Casa Calvo", "Rue d’Enghien", "Place de la Concorde"]);
        assert_eq!(names("Crowds on the Königsallee Street, Piazza San Marco and Avenida São João."), ["Königsallee Street", "Piazza San Marco", "Avenida São João"]);
        assert_eq!(names("Police cleared the Praça da Sé overnight."), ["Praça da Sé"]);
        assert_eq!(names("Pilgrims at the Church of the Holy Sepulchre and the Interior Ministry"), ["Church of the Holy Sepulchre", "Interior Ministry"]);
        // a site's name inside an organisation's is no site
        assert!(names("The Missouri State Highway Patrol arrested two men. The Wall Street Journal reported it.").is_empty());
    }

    /// Each place of `text` with sites: its name, and the name and country of where it lies.
    fn placed(text: &str) -> Vec<(String, String, String)> {
        let g = Gazetteer::embedded();
        let places = crate::resolve_places(g, text, &g.find(text));
        with_sites(g, text, places)
            .into_iter()
            .map(|r| (text[r.start..r.end].to_string(), g.place(r.place).name.clone(), g.place(r.place).country.clone()))
            .collect()
    }

    #[test]
    fn a_site_lies_in_the_town_the_story_names() {
        let p = placed("NEW ORLEANS (AP) - Two men were shot on Royal Street early Sunday, police said.");
        assert!(p.contains(&("Royal Street".into(), "New Orleans".into(), "US".into())), "{p:?}");
        // a town after the site, when none comes before it
        let p = placed("Students at Florida Atlantic University said the campus in Boca Raton was locked down.");
        assert!(p.contains(&("Florida Atlantic University".into(), "Boca Raton".into(), "US".into())), "{p:?}");
        // the province inside the name rules out a town elsewhere: no Alberta campus in Toronto
        let p = placed("Researchers at the University of Alberta said in a statement released in Toronto that the vaccine worked.");
        assert!(!p.iter().any(|(n, _, _)| n == "University of Alberta"), "{p:?}");
        assert!(p.contains(&("Alberta".into(), "Alberta".into(), "CA".into())), "{p:?}");
        // a nation's adjective is no place of the site: the embassy stands in the host's city
        let p = placed("Diplomats left the Russian Embassy in Washington on Saturday.");
        assert!(p.contains(&("Russian Embassy".into(), "Washington".into(), "US".into())), "{p:?}");
        // the town told right after it, whatever town the article named before
        let p = placed("Fighting raged in Omdurman on Saturday. On Sunday shells hit near the Presidential Palace in Khartoum.");
        assert!(p.contains(&("Presidential Palace".into(), "Khartoum".into(), "SD".into())), "{p:?}");
        // a town told as its owner
        let p = placed("Harare’s Third Street will soon be renamed, the council said.");
        assert!(p.contains(&("Third Street".into(), "Harare".into(), "ZW".into())), "{p:?}");
        // a town whose name holds a site's word is no site ("North College Hill")
        let p = placed("A 17-year-old was injured in a Friday afternoon shooting in North College Hill, police said.");
        assert!(p.iter().all(|(n, _, _)| n == "North College Hill"), "{p:?}");
        // a state's ministry named by its state is the state's
        let p = placed("Russia's Foreign Ministry said the diplomats would leave Moscow.");
        assert!(p.contains(&("Russia".into(), "Russia".into(), "RU".into())) && !p.iter().any(|q| q.0.ends_with("Ministry")), "{p:?}");
        // a town's street, none named, is no site
        let g = Gazetteer::embedded();
        let text = "A man was found shot on a Dallas street early Sunday.";
        let places = crate::resolve_places(g, text, &g.find(text));
        assert!(sites_within(g, text, &places, &[(0, text.len())]).is_empty());
        let text = "A man was found shot near Dallas Love Field Airport early Sunday.";
        let places = crate::resolve_places(g, text, &g.find(text));
        let found: Vec<&str> = sites_within(g, text, &places, &[(0, text.len())]).iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(found, ["Dallas Love Field Airport"]);
        // a town inside the name places it already
        let p = placed("The boy died at Colchester General Hospital in Essex.");
        assert!(p.iter().any(|(n, place, _)| n == "Colchester" && place == "Colchester"), "{p:?}");
        assert!(!p.iter().any(|(n, _, _)| n.ends_with("Hospital")), "{p:?}");
    }

    #[test]
    fn odd_text_around_head_words_is_read_without_fault() {
        // heads at the text's edges, after non-ASCII letters, quotes and elisions, an "of"
        // with nothing after it: every span found lies on character boundaries
        let g = Gazetteer::embedded();
        for text in [
            "Street", " Street", "Street ", "St.", "Rue", "Rue ", "University of", "University of ", "’s Street", "’ Street", "ÉStreet Road",
            "Ça Street.", "«Royal» Street", "d’ Avenue", "Al- Base", "8 Mile Road", "Harare’s", "Harare’s Street", "Place de", "Place d’",
            "The Königsallee Street and Rue d’Été — Piazza San Marco, Avenida São João.",
        ] {
            for s in find(text) {
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end) && s.start < s.end, "{text:?}: {s:?}");
            }
            let places = crate::resolve_places(g, text, &g.find(text));
            let _ = with_sites(g, text, places.clone());
            let _ = sites_within(g, text, &places, &[(0, text.len())]);
        }
    }

    #[test]
    fn a_head_word_alone_or_after_a_given_name_is_no_site() {
        assert!(names("Hospital officials said the man died.").is_empty());
        assert!(names("The school was closed. Street vendors fled.").is_empty());
        assert!(names("Amy Hall, the mayor, said the town would rebuild.").is_empty());
        assert!(names("A suspect, Tom Park, 34, was arrested.").is_empty());
        assert!(names("Judge Anne Court said the case would resume.").is_empty());
        assert!(names("The Supreme Court ruled on Monday. The Catholic Church said it would appeal.").is_empty());
        assert_eq!(names("He appeared at Cloverhill District Court. Pupils at the Secondary School."), ["Cloverhill District Court"]);
    }
}
