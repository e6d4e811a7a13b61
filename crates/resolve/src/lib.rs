//! Grounds what the analysis found: each place name to one gazetteer entry with coordinates.
//!
//! Place names are ambiguous (Homs, Syria and Al Khums, Libya; Damascus, Syria and Damascus,
//! Oregon; Washington the state, the capital and a dozen towns). Candidates are ranked by
//! what the article itself says — the countries it names, the divisions it names — then by
//! the kind of place (countries and divisions before towns) and its population; a name a
//! place bears only as an alternate ranks below a place whose own name it is. A second pass
//! uses what the first chose with confidence: towns near a confidently placed town, and
//! towns in a confidently chosen state, rank higher. What only a US report says (a
//! broadcaster's call sign, a county sheriff) counts as naming the US; a county and a town
//! that lie together place each other; a small namesake in another state, or far from all
//! the story's towns, is dropped rather than guessed.

// (Fx hashing: these sets are built for every article, of short keys SipHash spent more on)
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use sitrep_gazetteer::{Gazetteer, Kind, NameMatch};

mod sites;
pub use sites::{Site, sites_within, with_sites};

/// US state abbreviations (AP style and postal) that qualify a town: "Hobart, Okla.".
const US_STATES_TSV: &str = include_str!("../../../data/curated/us_state_abbreviations.tsv");

/// Abbreviation → (country, admin1 code), longest first so "W. Va." wins over "Va.".
static STATE_ABBREVIATIONS: LazyLock<Vec<(&'static str, &'static str, &'static str)>> = LazyLock::new(|| {
    let mut v: Vec<(&str, &str, &str)> = US_STATES_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter_map(|(code, abbrs)| code.split_once('.').map(|(cc, adm)| (cc, adm, abbrs)))
        .flat_map(|(cc, adm, abbrs)| abbrs.split('|').map(move |a| (a, cc, adm)))
        .collect();
    v.sort_by_key(|(a, _, _)| std::cmp::Reverse(a.len()));
    v
});

/// A state's abbreviation after a town ("Ill."): where it lies and the state it names.
#[derive(Debug, Clone, Copy)]
struct Abbreviation {
    start: usize,
    end: usize,
    state: u32,
}

/// How datelines abbreviate "County" after a county's name ("HALIFAX CO., Va.").
const COUNTY_ABBREVIATIONS: [&str; 4] = ["Co.", "CO.", "Cnty.", "CNTY."];

/// What follows a place name after a comma and narrows it down: "Denmark, South Carolina",
/// "Hobart, Okla.", "Paris, Texas", "Tripoli, Lebanon". Returns (country, admin1 or "", and
/// where an abbreviation lies with the state it names: "Kan." qualifies Topeka, and names
/// the state too).
fn qualifier<'g>(gaz: &'g Gazetteer, text: &str, m: &NameMatch, next: Option<&NameMatch>) -> Option<(&'g str, &'g str, Option<Abbreviation>)> {
    let rest = text.get(m.end..)?;
    // "HALIFAX CO., Va.": a county's name with its word abbreviated is qualified the same way
    let rest = COUNTY_ABBREVIATIONS.iter().find_map(|w| rest.strip_prefix(' ')?.strip_prefix(w)).unwrap_or(rest);
    let skipped = text.len() - m.end - rest.len();
    // "Walker County (Ga.) Sheriff's Office": in brackets, closed right after it
    if let Some(inside) = rest.strip_prefix(" (") {
        let at = m.end + skipped + 2;
        let closes = |end: usize| text.get(end..).is_some_and(|r| r.starts_with(')'));
        if let Some(q) = abbreviated_state(gaz, inside, at, |after| after.starts_with(')')) {
            return Some(q);
        }
        let named = next.filter(|n| n.start == at && closes(n.end))?;
        let mut states = named.candidates.iter().map(|c| gaz.place(c.place)).filter(|p| p.kind == Kind::Admin1);
        let p = states.next().filter(|_| states.next().is_none())?;
        return Some((p.country.as_str(), p.admin1.as_str(), None));
    }
    let after = rest.strip_prefix(',')?;
    let gap = after.len() - after.trim_start_matches([' ', '\u{a0}']).len();
    if gap == 0 || gap > 2 {
        return None;
    }
    let at = m.end + skipped + 1 + gap;
    if let Some(n) = next.filter(|n| n.start == at) {
        // the next name is a division or a country, and only one of each kind
        let mut quals: Vec<&sitrep_gazetteer::Place> = n
            .candidates
            .iter()
            .map(|c| gaz.place(c.place))
            .filter(|p| matches!(p.kind, Kind::Admin1 | Kind::Country) && !p.country.is_empty())
            .collect();
        // a place found by its own name and an alternate spelling is one place
        quals.dedup_by_key(|p| p.id.as_str());
        // a name that is a state and a country ("Georgia") qualifies as the one the town lies
        // in: "Hawkinsville, Georgia" the state, "Tbilisi, Georgia" the country
        if quals.len() > 1 {
            let holds = |q: &&sitrep_gazetteer::Place| {
                m.candidates.iter().map(|c| gaz.place(c.place)).any(|t| {
                    is_point(t.kind) && t.lies_in(q)
                })
            };
            quals.retain(holds);
        }
        if let [p] = quals.as_slice() {
            // "shows in Copenhagen, Hamburg, Brasoc and Mannheim": a division of a country the
            // name has no place in, followed by more names, is the next item of a list (one
            // the gazetteer does not know broke the list up)
            let foreign = !m.candidates.iter().any(|c| gaz.place(c.place).country == p.country);
            let listed = text.get(n.end..).is_some_and(|rest| {
                let after_comma = rest.strip_prefix(',');
                let r = after_comma.unwrap_or(rest).trim_start();
                let after_conjunction = r.strip_prefix("and ").or_else(|| r.strip_prefix("or "));
                (after_comma.is_some() || after_conjunction.is_some()) && after_conjunction.unwrap_or(r).starts_with(|c: char| c.is_uppercase())
            });
            if foreign && listed {
                return None;
            }
            return Some((p.country.as_str(), if p.kind == Kind::Admin1 { p.admin1.as_str() } else { "" }, None));
        }
    }
    // a postal code must stand alone ("OK" but not "OKC"); an abbreviation ends in its dot
    abbreviated_state(gaz, &text[at..], at, |after| after.chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

/// The state whose abbreviation opens `tail` (at byte `at` of the text) and is followed by
/// what `fits` accepts, as a qualifier.
fn abbreviated_state<'g>(gaz: &'g Gazetteer, tail: &str, at: usize, fits: impl Fn(&str) -> bool) -> Option<(&'g str, &'g str, Option<Abbreviation>)> {
    STATE_ABBREVIATIONS.iter().find_map(|(abbr, cc, adm)| {
        let after = tail.strip_prefix(abbr)?;
        let state = gaz.by_id(&format!("adm1:{cc}.{adm}"))?;
        let canonical = gaz.place(state);
        fits(after).then_some((canonical.country.as_str(), canonical.admin1.as_str(), Some(Abbreviation { start: at, end: at + abbr.len(), state })))
    })
}

/// What a name's country is said to be by the words before it: "the English city of
/// Salisbury" (England's, not North Carolina's), "the northern Syrian city of Aleppo", "the
/// Mexican border town of Nogales". The country of the adjective, when it is one country.
fn city_of<'g>(gaz: &'g Gazetteer, text: &str, matches: &[NameMatch], i: usize) -> Option<&'g str> {
    static CITY_OF: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)^\s+(?:[a-z-]+\s+){0,2}?(?:city|town|village|capital|port|suburb|province|region|district|enclave)\s+of\s+$").expect("city-of pattern")
    });
    let prev = matches.get(i.checked_sub(1)?)?;
    if !CITY_OF.is_match(text.get(prev.end..matches.get(i)?.start)?) {
        return None;
    }
    let mut countries = prev.candidates.iter().filter(|c| c.adjective).map(|c| gaz.place(c.place).country.as_str()).filter(|cc| !cc.is_empty());
    let cc = countries.next()?;
    countries.all(|o| o == cc).then_some(cc)
}

/// Whether the name at `i` and the one after it are items of a list ("Copenhagen, Hamburg,
/// Brasov and Mannheim", "Miami, West Palm Beach, New York") rather than a town and its state.
fn in_list(text: &str, matches: &[NameMatch], i: usize) -> bool {
    let joins = |a: &NameMatch, b: &NameMatch| {
        a.end <= b.start && matches!(text[a.end..b.start].trim(), "," | "and" | ", and" | "or" | ", or")
    };
    let before = i > 0 && joins(&matches[i - 1], &matches[i]);
    let after = matches.get(i + 1).zip(matches.get(i + 2)).is_some_and(|(q, n)| joins(&matches[i], q) && joins(q, n));
    before || after
}

/// What only US reports say: a broadcaster's call sign ("(WBTV)", "WSOC reports", "KHOU-TV")
/// or a county sheriff. A report that says either is most likely about the US: "Salisbury"
/// in a Charlotte station's story is North Carolina's, not Harare's old name, and
/// "Birmingham" beside "WBRC" is Alabama's.
static US_SIGNALS: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"\([KW][A-Z]{3}(?:-(?:TV|DT|FM|AM))?\)|\b[KW][A-Z]{3}-(?:TV|DT)\b|\b[KW][A-Z]{3} (?:reports|reported|News|Channel|has learned)\b|(?i:sheriff's (?:office|department|deputies)|county sheriff)",
    )
    .expect("US signals pattern")
});

/// A North American phone number ("843-554-1111", "(302) 576-3630"): the US or Canada.
static NANP_PHONE: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"\(?\b[2-9]\d{2}\)?[-. ]\d{3}-\d{4}\b").expect("phone pattern"));

/// A place name with the entry chosen for it.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedPlace {
    pub start: usize,
    pub end: usize,
    /// Index into the gazetteer.
    pub place: u32,
    /// The name was an adjective or demonym ("Syrian"), not the place's own name.
    pub adjective: bool,
    /// Margin of the winner over the runner-up (0 when unambiguous); low means uncertain.
    pub margin: f64,
    /// The name is a site's inside the place ("Royal Street" in New Orleans; see [`with_sites`]),
    /// not the place's own.
    pub site: bool,
}

/// Below this population a town abroad needs the article to point to its country.
const SMALL_TOWN: u64 = 20_000;
/// Below this population a town or division abroad needs the article to point to its country
/// when the article points to countries at all: a local story's "West Coast" (America's) is
/// not New Zealand's region, nor "Rockingham" in an English story Australia's. (A name that
/// can be only one place abroad still vouches for its country: deferring such names lost
/// 0.008 of GeoWebNews acc161.) Measured: dev incidents placed within 50 km 0.865 -> 0.867;
/// GeoWebNews toponym F1 0.874 -> 0.875 (precision 0.933 -> 0.942), acc161 0.767 -> 0.766
/// (Cork and Dundalk lost).
const MINOR_ABROAD: u64 = 1_000_000;

/// What lifts a town of a state the article names over a country of the same name the article
/// points to nowhere else (Lebanon, Tennessee; Jordan, Minnesota): enough to pass a country of
/// a few million people (its kind's bonus and the size of its population).
const TOWN_OVER_COUNTRY: f64 = 3.0;

/// A division's word right after a name that a division and its seat share ("Deir ez-Zor
/// province", "Tigray region", "Kunar Province"; "state" only in lower case: "the Oklahoma
/// State Bureau of Investigation" and "Ohio State" are institutions).
static DIVISION_WORD: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::RegexBuilder::new(r"^\s+(?:(?i:province|governorate|region|oblast|prefecture|district)|state)\b").unicode(false).build().expect("division word pattern")
});
/// What a division's word after its name weighs: more than its seat's population and the
/// lead a seat has over its namesake division.
const DIVISION_CALLED: f64 = 8.0;

/// A city this large overshadows a small namesake in a state the article names.
const METROPOLIS_NAMESAKE: u64 = 100_000;

/// A city this large that shares its name with its state or province is what the bare name
/// means in the news ("New York"), as a provincial seat is ("Homs").
const METROPOLIS: u64 = 1_000_000;

fn kind_bonus(k: Kind) -> f64 {
    match k {
        Kind::Country | Kind::Continent => 8.0,
        Kind::Region | Kind::Sea | Kind::River | Kind::Border | Kind::Landmark => 7.0,
        Kind::Admin1 => 3.0,
        Kind::Admin2 => 1.0,
        // "Washington" in the news is the capital more often than the state
        Kind::Capital => 6.0,
        Kind::AdminSeat => 1.5,
        Kind::Town => 0.0,
    }
}

/// What lifts a place in the state (or country) the outlet serves over its namesakes, when
/// the text names no state: less than a state the text names ([`resolve_places_at`]).
/// Measured on the dev incidents (place within 50 km): 4.5 to 6 gave 0.894; 4 gave 0.888 (too
/// little to pass Lebanon the country); 7 read a Chicago-and-New-York site's "MANHATTAN —" as
/// Illinois's Manhattan.
const HOME_BONUS: f64 = 5.0;

/// A name that is also a word: one word that is a given name or a common word ("Mary",
/// "Northeast"), or compass words only (see [`compass_only`]).
fn word_like(name: &str) -> bool {
    !name.contains(' ') && (sitrep_gazetteer::is_given_name(name) || sitrep_gazetteer::is_common_word(name)) || compass_only(name)
}

/// A name made of compass words only ("South West", "North-East", "Far North"): a region of
/// the story's own country as often as the division abroad so called (Cameroon's South-West
/// in "the South West Multi County Correctional Center" of a North Dakota story).
fn compass_only(name: &str) -> bool {
    name.split([' ', '-']).filter(|w| !w.is_empty()).all(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "north" | "south" | "east" | "west" | "northeast" | "northwest" | "southeast" | "southwest" | "central" | "far" | "upper" | "lower" | "middle" | "mid"
        )
    })
}

/// Chooses an entry for every match of `text`, using the other matches as context and the
/// division or country that follows a name after a comma ("Denmark, S.C.") as a constraint.
pub fn resolve_places(gaz: &Gazetteer, text: &str, matches: &[NameMatch]) -> Vec<ResolvedPlace> {
    resolve_places_at(gaz, text, matches, None)
}

/// [`resolve_places`] for a text from an outlet whose home (a first-level division or a
/// country, gazetteer index) is known: its places are preferred where the text says nothing
/// to the contrary, but a state the text names, or a big city elsewhere, still wins.
pub fn resolve_places_at(gaz: &Gazetteer, text: &str, matches: &[NameMatch], home: Option<u32>) -> Vec<ResolvedPlace> {
    let quals: Vec<Option<(&str, &str, Option<Abbreviation>)>> = matches
        .iter()
        .enumerate()
        .map(|(i, m)| qualifier(gaz, text, m, matches.get(i + 1)).or_else(|| city_of(gaz, text, matches, i).map(|cc| (cc, "", None))))
        .collect();
    let abbreviated: Vec<Abbreviation> = quals.iter().flatten().filter_map(|q| q.2).collect();
    let abbreviations: HashSet<usize> = abbreviated.iter().map(|a| a.start).collect();
    // a name that qualifies the one before it ("Athens, Georgia") is that state or country
    // (not an item of a list: "Boston, Washington and Denver")
    let qualifying: Vec<Option<(&str, &str)>> = (0..matches.len())
        .map(|i| {
            let prev = i.checked_sub(1).filter(|&p| !in_list(text, matches, p))?;
            let (cc, adm, pos) = quals[prev]?;
            let between = text.get(matches[prev].end..matches[i].start)?;
            (pos.is_none() && between.trim() == ",").then_some((cc, adm))
        })
        .collect();
    // one sense per article: after "Manchester, Illinois", "a shooting in Manchester" is the
    // same town, whatever the gazetteer knows of Manchesters
    let mut qualified: HashMap<String, (&str, &str)> = HashMap::default();
    for (i, m) in matches.iter().enumerate() {
        if let Some((cc, adm, _)) = quals[i].filter(|_| !in_list(text, matches, i)) {
            qualified.entry(text[m.start..m.end].to_lowercase()).or_insert((cc, adm));
        }
    }
    let quals: Vec<Option<(&str, &str, Option<Abbreviation>)>> = matches
        .iter()
        .zip(quals)
        .map(|(m, q)| q.or_else(|| qualified.get(&text[m.start..m.end].to_lowercase()).map(|&(cc, adm)| (cc, adm, None))))
        .collect();
    // Countries the text names outright, or names through places that are unambiguous.
    let mut countries: HashSet<&str> = HashSet::default();
    let mut admins: HashSet<(&str, &str)> = HashSet::default();
    for (country, admin1, _) in quals.iter().flatten() {
        countries.insert(country);
        if !admin1.is_empty() {
            admins.insert((country, admin1));
        }
    }
    if US_SIGNALS.is_match(text) {
        countries.insert("US");
    }
    // the countries the article names outright, by qualifiers or signals
    let stated = countries.clone();
    if NANP_PHONE.is_match(text) {
        countries.extend(["US", "CA"]);
    }
    let home = home.map(|h| gaz.place(h)).filter(|h| matches!(h.kind, Kind::Admin1 | Kind::Country));
    if let Some(h) = home {
        countries.insert(h.country.as_str());
    }
    let at_home = |p: &sitrep_gazetteer::Place| home.is_some_and(|h| p.lies_in(h));
    // a one-word name that is also a given name or a common word ("Brittany and Tiffany each
    // had a wound") is context only for a country the rest of the article already points to
    // (or when it points nowhere): otherwise it would vouch for itself
    let wordlike = |m: &&NameMatch| {
        let word = &text[m.start..m.end];
        word_like(word)
    };
    let (plain, wordlike_names): (Vec<&NameMatch>, Vec<&NameMatch>) = matches.iter().partition(|m| !wordlike(m));
    let shared = shared_country(gaz, &plain);
    // the states the article names outright: "a home in Lebanon" in a story of a Tennessee boy
    // is the town there, and the country's name then vouches for no country
    let states: HashSet<(&str, &str)> = matches
        .iter()
        .filter_map(|m| {
            let adm: Vec<_> = m.candidates.iter().map(|c| gaz.place(c.place)).filter(|p| p.kind == Kind::Admin1).collect();
            let one_country = m.candidates.iter().all(|c| adm.first().is_some_and(|a| gaz.place(c.place).country == a.country));
            (adm.len() == 1 && one_country).then(|| (adm[0].country.as_str(), adm[0].admin1.as_str()))
        })
        .collect();
    let town_of_named_state = |m: &NameMatch| {
        m.candidates.iter().any(|c| {
            let p = gaz.place(c.place);
            is_point(p.kind) && !c.alternate && (states.contains(&(p.country.as_str(), p.admin1.as_str())) || home.is_some_and(|h| h.kind == Kind::Admin1) && at_home(p))
        })
    };
    // a name that is a country and a state of another ("Georgia") is looked at last: where the
    // rest of the article points to the state's country, it is the state and vouches for no
    // country of its own ("VALDOSTA — Police in Georgia said")
    let dual = |m: &&NameMatch| {
        let country = m.candidates.iter().map(|c| gaz.place(c.place)).find(|p| p.kind == Kind::Country);
        country.is_some_and(|k| m.candidates.iter().map(|c| gaz.place(c.place)).any(|p| p.kind == Kind::Admin1 && p.country != k.country))
    };
    let (duals, singles): (Vec<&NameMatch>, Vec<&NameMatch>) = plain.into_iter().chain(wordlike_names).partition(dual);
    for m in singles.into_iter().chain(duals) {
        if dual(&m) && m.candidates.iter().map(|c| gaz.place(c.place)).any(|p| p.kind == Kind::Admin1 && countries.contains(p.country.as_str())) {
            continue;
        }
        let cs: HashSet<&str> = m.candidates.iter().map(|c| gaz.place(c.place).country.as_str()).collect();
        // (but a word that is no given name, told twice and once after "in", "at", "near" or
        // "from", is a place: "in Cork city", "A Cork mother" in a story whose only country
        // is the "Holland" a drug comes from; not a charge's "Felon in Possession of a Firearm")
        let word = &text[m.start..m.end];
        let told_twice = || {
            let told: Vec<&NameMatch> = matches.iter().filter(|o| text[o.start..o.end].eq_ignore_ascii_case(word)).collect();
            let after_locative = |o: &&NameMatch| {
                let before = text[..o.start].trim_end();
                ["in", "at", "near", "from"].iter().any(|w| before.strip_suffix(w).is_some_and(|r| r.is_empty() || r.ends_with(' '))) && !text[o.end..].starts_with(" of ")
            };
            !sitrep_gazetteer::is_given_name(word) && told.len() >= 2 && told.iter().any(after_locative)
        };
        if wordlike(&m) && !countries.is_empty() && !cs.iter().any(|c| countries.contains(c)) && !told_twice() {
            continue;
        }
        let explicit = m.candidates.iter().find(|c| matches!(gaz.place(c.place).kind, Kind::Country));
        // a small town's country is no evidence by itself (it may be the wrong town), nor is a
        // small district's ("Saddam Hussein": Al Hussein, a Yemeni district)
        let weighty = m.candidates.iter().any(|c| {
            let p = gaz.place(c.place);
            !matches!(p.kind, Kind::Town | Kind::AdminSeat | Kind::Admin2) || p.population >= SMALL_TOWN
        });
        // a minor place abroad ("a Northland teen" in a story from "GLADSTONE, Mo.": New
        // Zealand's region, or a part of Wellington) does not vouch for its country against a
        // state or country the article names outright
        let minor = m.candidates.iter().all(|c| {
            let p = gaz.place(c.place);
            p.kind != Kind::Country && p.population < MINOR_ABROAD
        });
        let outvoted = minor && !stated.is_empty() && !cs.iter().any(|c| stated.contains(c));
        if let Some(c) = explicit.filter(|_| !town_of_named_state(m)) {
            countries.insert(gaz.place(c.place).country.as_str());
        } else if cs.len() == 1 && weighty && !outvoted {
            countries.extend(cs.iter().copied());
        }
        // a division counts as context only when the name cannot be read as anything in
        // another country ("Oregon" yes; "Damascus", also a Syrian governorate, no)
        let adm: Vec<_> = m.candidates.iter().map(|c| gaz.place(c.place)).filter(|p| p.kind == Kind::Admin1).collect();
        if adm.len() == 1 && cs.len() == 1 {
            admins.insert((adm[0].country.as_str(), adm[0].admin1.as_str()));
        }
    }
    // Two names that can both be read in one country, and in no other together ("Dundalk"
    // and "Dundrum": each in Ireland and elsewhere), point to it, though neither alone does
    if let Some(cc) = shared {
        countries.insert(cc);
    }
    let coherent = county_coherent(gaz, text, matches);
    let choose = |anchors: &[Anchor], admins: &HashSet<(&str, &str)>, countries: &HashSet<&str>| -> Vec<ResolvedPlace> {
        // the countries that speak against a minor place abroad: not a microstate, whose name
        // is more often part of another's ("police told the Jersey Journal")
        let major = countries.iter().any(|cc| gaz.country(cc).is_none_or(|i| gaz.place(i).population >= MINOR_ABROAD));
        matches
            .iter()
            .enumerate()
            .zip(&quals)
            .filter(|((_, m), _)| !abbreviations.contains(&m.start))
            .filter_map(|((i, m), qual)| {
                // "Denmark, South Carolina": only what lies in the qualifier, when anything does
                let within = |c: &&sitrep_gazetteer::Candidate| {
                    let p = gaz.place(c.place);
                    qual.is_some_and(|(cc, adm, _)| p.country == cc && (adm.is_empty() || p.admin1 == adm) && p.kind != Kind::Country && p.kind != Kind::Admin1)
                };
                let narrowed = m.candidates.iter().any(|c| within(&c));
                // "Manchester, Illinois": a village too small for the gazetteer is not the
                // Manchester of another state (nor England's); the qualifier itself is the
                // place then
                let unqualified = |c: &&sitrep_gazetteer::Candidate| {
                    let p = gaz.place(c.place);
                    !narrowed
                        && !in_list(text, matches, i)
                        && qual.is_some_and(|(cc, adm, _)| !adm.is_empty() && (p.country != cc || (is_point(p.kind) && p.admin1 != adm)))
                };
                let name = if anchors.is_empty() { String::new() } else { text[m.start..m.end].to_lowercase() };
                // "Salisbury" is Harare's old name but Salisbury, England's own: a name a
                // candidate bears only as an alternate loses to one that bears it as its own
                let own = |c: &sitrep_gazetteer::Candidate| !c.adjective && !c.alternate;
                let someone_owns = m.candidates.len() > 1 && m.candidates.iter().any(own);
                let is_qualifier = |c: &&sitrep_gazetteer::Candidate| {
                    let p = gaz.place(c.place);
                    qualifying[i].is_none_or(|(cc, adm)| p.country == cc && if adm.is_empty() { p.kind == Kind::Country } else { p.kind == Kind::Admin1 && p.admin1 == adm })
                };
                let mut scored: Vec<(f64, &sitrep_gazetteer::Candidate)> = m
                    .candidates
                    .iter()
                    .filter(|c| !narrowed || within(c))
                    .filter(is_qualifier)
                    .filter(|c| !unqualified(c))
                    .map(|c| {
                        let p = gaz.place(c.place);
                        let mut s = (1.0 + p.population as f64).ln() + kind_bonus(p.kind);
                        if !p.country.is_empty() && countries.contains(p.country.as_str()) {
                            s += 5.0;
                        }
                        let named_state = admins.contains(&(p.country.as_str(), p.admin1.as_str()));
                        let home_bonus = if !named_state && is_point(p.kind) && at_home(p) { HOME_BONUS } else { 0.0 };
                        // (not a small town whose namesake in the same country is a city twenty
                        // times its size: "Louisville" in a story from "COLUMBUS, Ohio" is
                        // Kentucky's, not Louisville, Ohio)
                        let overshadowed = || {
                            p.population < SMALL_TOWN
                                && m.candidates.iter().map(|o| gaz.place(o.place)).any(|q| {
                                    q.country == p.country && is_point(q.kind) && q.population >= METROPOLIS_NAMESAKE && q.population >= 20 * p.population.max(1)
                                })
                        };
                        if p.kind != Kind::Admin1 && named_state && !overshadowed() {
                            s += 7.0;
                        }
                        s += home_bonus;
                        // and over a country of its name the article points to nowhere else
                        if p.kind != Kind::Admin1
                            && (named_state || home_bonus > 0.0)
                            && m.candidates.iter().any(|o| gaz.place(o.place).kind == Kind::Country && !countries.contains(gaz.place(o.place).country.as_str()))
                        {
                            s += TOWN_OVER_COUNTRY;
                        }
                        // a city and its province share a name ("Homs"), or a metropolis and
                        // its state ("New York"): news means the city (a seat that bears the
                        // name only as an alternate, as Yuma bears "Arizona", does not count),
                        // unless the text calls it a division ("in Deir ez-Zor province")
                        let called_division = matches!(p.kind, Kind::Admin1 | Kind::Admin2) && DIVISION_WORD.is_match(&text[m.end..]);
                        if called_division {
                            s += DIVISION_CALLED;
                        } else if p.kind == Kind::Admin1
                            && m.candidates.iter().any(|o| {
                                let q = gaz.place(o.place);
                                // (New York City bears "New York" as an alternate name)
                                let seat = matches!(q.kind, Kind::AdminSeat | Kind::Capital) && own(o);
                                let metropolis = q.kind == Kind::Town && q.population >= METROPOLIS;
                                (seat || metropolis) && q.country == p.country && q.admin1 == p.admin1
                            })
                        {
                            s -= 6.0;
                        }
                        // "Police in Cudahy … Milwaukee County": a town close to another place
                        // the article names surely is the one meant
                        let neighbourly = if m.candidates.len() > 1 && is_point(p.kind) && anchors.iter().any(|a| a.name != name && a.near(p.lat, p.lon)) {
                            NEIGHBOUR_BONUS
                        } else {
                            0.0
                        };
                        s += neighbourly;
                        if m.candidates.len() > 1 && coherent.contains(&c.place) {
                            s += COUNTY_BONUS;
                        }
                        // a candidate that bears the name only as an alternate loses, and being
                        // near the story does not lift it ("MEXICO CITY (AP) Mexico's Senate":
                        // the country, not the capital also called Mexico)
                        if someone_owns && !own(c) && !c.adjective {
                            s -= ALTERNATE_NAME_PENALTY + neighbourly;
                        }
                        (s, c)
                    })
                    .collect();
                scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.place.cmp(&b.1.place)));
                let (best, c) = *scored.first()?;
                let margin = scored.get(1).map(|r| best - r.0).unwrap_or(0.0);
                // A small town abroad, in an article whose places are all elsewhere, is more
                // likely a village sharing the name of one too small for the gazetteer
                // ("al-Harra" in a Syrian story is not Harra, Germany).
                let p = gaz.place(c.place);
                let small = matches!(p.kind, Kind::Town | Kind::AdminSeat) && p.population < SMALL_TOWN;
                // nor is a division abroad named like a person or a common word ("Mary",
                // Turkmenistan, in "Mary said"; "Northeast", Iceland)
                let word = &text[m.start..m.end];
                let wordlike = matches!(p.kind, Kind::Admin1 | Kind::Admin2) && word_like(word);
                // nor a town or division of some size in a country the article does not
                // point to: the article's big cities abroad stay ("fled to Toronto")
                let minor = matches!(p.kind, Kind::Town | Kind::AdminSeat | Kind::Admin1 | Kind::Admin2) && p.population < MINOR_ABROAD;
                if (small || wordlike) && !countries.is_empty() && !countries.contains(p.country.as_str()) {
                    return None;
                }
                if minor && major && !countries.contains(p.country.as_str()) {
                    return None;
                }
                // likewise a small town in another state than those the article names: "Elmo"
                // in a report on "a Missouri baby" is not Elmo, Texas (Elmo, Missouri is too
                // small for the gazetteer)
                let states_here = admins.iter().any(|(cc, _)| *cc == p.country) || home.is_some_and(|h| h.kind == Kind::Admin1 && h.country == p.country);
                if small && states_here && !admins.contains(&(p.country.as_str(), p.admin1.as_str())) && !at_home(p) {
                    return None;
                }
                // and a town of some size far from every town the article places with confidence
                // in its country, and named no more often than one of them, is most often a
                // neighbourhood of it: "Walnut Park" in a St. Louis story is not Walnut Park,
                // California (a story about Samos names Samos more often than Athens); so is a
                // landmark of any renown ("the Capitol Hill apartment" of a Salt Lake City story)
                let said = |n: &str| matches.iter().filter(|o| text[o.start..o.end].eq_ignore_ascii_case(n)).count();
                let others = || anchors.iter().filter(|a| a.name != name);
                let lone = || {
                    others().any(|a| a.country == p.country && said(&a.name) >= said(&name))
                        && !others().any(|a| haversine_km(a.lat, a.lon, p.lat, p.lon) <= NEIGHBOURHOOD_FAR_KM)
                };
                if (p.population < NEIGHBOURHOOD_MAX_POPULATION && is_point(p.kind) || p.kind == Kind::Landmark) && qual.is_none() && lone() {
                    return None;
                }
                Some(ResolvedPlace { start: m.start, end: m.end, place: c.place, adjective: c.adjective, margin, site: false })
            })
            .collect()
    };
    // "SPRINGFIELD, Ill. (AP)": the abbreviation names the state as well as narrowing the town
    let states_abbreviated = |mut places: Vec<ResolvedPlace>| {
        for a in &abbreviated {
            places.push(ResolvedPlace { start: a.start, end: a.end, place: a.state, adjective: false, margin: 0.0, site: false });
        }
        places.sort_by_key(|p| p.start);
        places
    };
    let first = choose(&[], &admins, &countries);
    // places chosen with confidence anchor the others: a second pass with their neighbourhoods
    let anchors: Vec<Anchor> = first
        .iter()
        .filter(|r| {
            let p = gaz.place(r.place);
            is_point(p.kind) && !r.adjective && (r.margin >= ANCHOR_MARGIN || matches.iter().any(|m| m.start == r.start && m.candidates.len() == 1))
        })
        .map(|r| {
            let p = gaz.place(r.place);
            Anchor { name: text[r.start..r.end].to_lowercase(), country: p.country.clone(), lat: p.lat, lon: p.lon }
        })
        .collect();
    // a first-level division chosen with confidence ("Florida" over Florida, Uruguay) is
    // context for the towns too, and so is the country of a town chosen with confidence
    // ("Birmingham" beside Hoover and Bessemer is Alabama's)
    let mut admins = admins.clone();
    let mut countries = countries.clone();
    let (before, known) = (admins.len(), countries.len());
    for r in first.iter().filter(|r| !r.adjective && r.margin >= ANCHOR_MARGIN) {
        let p = gaz.place(r.place);
        if p.kind == Kind::Admin1 {
            admins.insert((p.country.as_str(), p.admin1.as_str()));
        } else if is_point(p.kind) && !p.country.is_empty() {
            countries.insert(p.country.as_str());
        }
    }
    if anchors.is_empty() && admins.len() == before && countries.len() == known {
        return states_abbreviated(first);
    }
    states_abbreviated(choose(&anchors, &admins, &countries))
}

/// The one country in which two or more differently named `names` (the article's names that
/// are not words) each have a reading, a town or a division, when there is just one such
/// country. Many names share the United States and Canada (Paris, London): those decide nothing.
fn shared_country<'g>(gaz: &'g Gazetteer, names: &[&NameMatch]) -> Option<&'g str> {
    // (country, name) pairs, a name known by its first candidate: told again, it has the same
    let mut seen: Vec<(&'g str, u32)> = Vec::new();
    for m in names {
        let Some(first) = m.candidates.first() else { continue };
        // a reading counts when its country's place is a tenth as big as the name's biggest
        // at least: "Rome" is no evidence for the United States' small Romes, nor "U.S." for
        // Us, France
        let biggest = m.candidates.iter().map(|c| gaz.place(c.place).population).max().unwrap_or(0);
        let readings = m.candidates.iter().map(|c| gaz.place(c.place)).filter(|p| is_point(p.kind) || matches!(p.kind, Kind::Admin1 | Kind::Admin2));
        seen.extend(readings.filter(|p| p.population.saturating_mul(10) >= biggest && !p.country.is_empty()).map(|p| (p.country.as_str(), first.place)));
    }
    seen.sort_unstable();
    seen.dedup();
    let mut shared = seen.chunk_by(|a, b| a.0 == b.0).filter(|names| names.len() >= 2).map(|names| names[0].0);
    let cc = shared.next()?;
    shared.next().is_none().then_some(cc)
}

/// Candidates that a county and a town of the article agree on: a town lying within
/// [`COUNTY_KM`] of a county the article names, and that county. "Paulding County … Camp
/// Circle in Dallas" is Dallas, Georgia (in Paulding County, Georgia), not Dallas, Texas,
/// though neither name is sure alone. Counties only: towns named after big cities cluster
/// (Paris and London, Ontario), counties are how US reports place a town.
fn county_coherent(gaz: &Gazetteer, text: &str, matches: &[NameMatch]) -> HashSet<u32> {
    let mut towns: Vec<(&str, u32)> = Vec::new();
    let mut counties: Vec<(&str, u32)> = Vec::new();
    for m in matches {
        let name = &text[m.start..m.end];
        for c in m.candidates.iter().filter(|c| !c.adjective) {
            match gaz.place(c.place).kind {
                Kind::Admin2 => counties.push((name, c.place)),
                Kind::Town | Kind::AdminSeat | Kind::Capital => towns.push((name, c.place)),
                _ => {}
            }
        }
    }
    let mut out = HashSet::default();
    for &(county_name, county) in &counties {
        let cp = gaz.place(county);
        for &(town_name, town) in &towns {
            let tp = gaz.place(town);
            if !town_name.eq_ignore_ascii_case(county_name)
                && (cp.lat - tp.lat).abs() <= COUNTY_KM / 111.0
                && haversine_km(cp.lat, cp.lon, tp.lat, tp.lon) <= COUNTY_KM
            {
                out.insert(county);
                out.insert(town);
            }
        }
    }
    out
}

/// How close a town must lie to a county's point to be in it, near enough (most US counties
/// are under 50 km across), and what the agreement earns both.
const COUNTY_KM: f64 = 40.0;
const COUNTY_BONUS: f64 = 5.0;

/// What a candidate loses when the name is only an alternate of its own and another
/// candidate's very name.
const ALTERNATE_NAME_PENALTY: f64 = 5.0;

/// A place resolved with confidence, whose neighbourhood makes namesakes nearby likelier.
struct Anchor {
    name: String,
    country: String,
    lat: f64,
    lon: f64,
}

impl Anchor {
    /// Within [`NEIGHBOUR_KM`]; a degree of latitude is 111 km, so most places are ruled out
    /// before the trigonometry.
    fn near(&self, lat: f64, lon: f64) -> bool {
        (self.lat - lat).abs() <= NEIGHBOUR_KM / 111.0 && haversine_km(self.lat, self.lon, lat, lon) <= NEIGHBOUR_KM
    }
}

/// Places with a point location (a town or a county), which can anchor or be anchored.
fn is_point(k: Kind) -> bool {
    matches!(k, Kind::Town | Kind::AdminSeat | Kind::Capital | Kind::Admin2)
}

/// How close a namesake must lie to an anchor, and the score that earns it (the population
/// term is a natural logarithm: 4 lets a town near the story beat one fifty times larger).
const NEIGHBOUR_KM: f64 = 80.0;
const NEIGHBOUR_BONUS: f64 = 4.0;
/// How far from every confidently placed town a namesake must lie, and how few people it may
/// have, to be taken for a neighbourhood of one of them rather than a town of its own
/// (measured: 80 km cost GeoWebNews its Samos, Lahaina and Thruxton; towns under 100,000
/// rather than 20,000 people placed 0.6% more dev incidents and lost San Marcos, California).
const NEIGHBOURHOOD_FAR_KM: f64 = 500.0;
const NEIGHBOURHOOD_MAX_POPULATION: u64 = 100_000;
/// Margin over the runner-up for a place to anchor others.
const ANCHOR_MARGIN: f64 = 3.0;

pub use sitrep_model::haversine_km;

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(text: &str) -> Vec<(String, String, String)> {
        let g = Gazetteer::embedded();
        let m = g.find(text);
        resolve_places(g, text, &m)
            .into_iter()
            .map(|r| {
                let p = g.place(r.place);
                (text[r.start..r.end].to_string(), p.id.clone(), p.country.clone())
            })
            .collect()
    }

    #[test]
    fn counties_islands_ranges_and_short_forms_the_gazetteer_lacked() {
        let got = |t: &str| resolve(t).into_iter().map(|(name, id, _)| format!("{name}={id}")).collect::<Vec<_>>();
        // England's historic counties, split into unitary authorities in GeoNames
        let t = "Flooding closed roads across Yorkshire and Cheshire, and the A43 in Northamptonshire.";
        assert_eq!(got(t), ["Yorkshire=rgn:yorkshire", "Cheshire=rgn:cheshire", "Northamptonshire=rgn:northamptonshire"]);
        // short forms of held divisions and countries
        let t = "He moved from Hamilton, Ont., to Watford, Herts, and then to Pyongyang, the capital of the Democratic People's Republic of Korea.";
        let r = got(t);
        for want in ["Hamilton=5969782", "Ont=adm1:CA.08", "Herts=adm2:GB.ENG.F8", "Democratic People's Republic of Korea=1873107"] {
            assert!(r.contains(&want.to_string()), "{want} not in {r:?}");
        }
        // a division called so is the division, not its seat
        for t in ["Militants killed two fighters in an ambush in Deir ez-Zor province, near Homs.", "An ambush in Deir ez-Zor Province killed two."] {
            assert_eq!(got(t)[0], "Deir ez-Zor=adm1:SY.07", "{t}");
        }
        // the wires' spellings of places in conflict news that GeoNames transliterates otherwise
        let t = "Al-Shabaab fighters attacked a base in Lower Shabelle, and ships left Hodeidah.";
        assert_eq!(got(t), ["Lower Shabelle=adm1:SO.14", "Hodeidah=79415"]);
        let t = "A drone struck a car near Bint Jbeil in southern Lebanon.";
        assert!(got(t).contains(&"Bint Jbeil=276592".to_string()), "{:?}", got(t));
        // islands, mountain ranges and disputed regions
        let t = "Tourists left Maui as fighting resumed in Nagorno-Karabakh and snow fell on the Appalachians.";
        assert_eq!(got(t), ["Maui=rgn:maui", "Nagorno-Karabakh=rgn:nagorno-karabakh", "Appalachians=rgn:appalachians"]);
        // adjectives of divisions and of South Korea read as the division or the country
        let t = "A Sicilian court fined a Texan rancher as fans waved Korean flags.";
        assert_eq!(got(t), ["Sicilian=adm1:IT.15", "Texan=adm1:US.TX", "Korean=1835841"]);
        // "Arab" is the Arab world, not Arab, Alabama, unless the story is there
        let t = "Leaders of Arab countries met in Cairo.";
        assert!(got(t).contains(&"Arab=rgn:arab-world".to_string()), "{:?}", got(t));
    }

    #[test]
    fn a_list_broken_by_an_unknown_name_is_still_a_list() {
        // "Hamburg" would qualify "Copenhagen" as its state, where it has no Copenhagen
        let t = "The band was due to play shows in Copenhagen, Hamburg, Brasoc and Mannheim this month.";
        let r = resolve(t);
        assert!(r.iter().any(|(n, _, cc)| n == "Copenhagen" && cc == "DK"), "{r:?}");
        // a capitalised word after the division is no list by itself
        let t = "The band was due to play in Copenhagen, Hamburg Police said.";
        let r = resolve(t);
        assert!(!r.iter().any(|(n, _, _)| n == "Copenhagen"), "{r:?}");
        // a state that has a town of the name still qualifies it, list or not
        let t = "He played in Portland, Oregon, and Seattle last week.";
        let r = resolve(t);
        assert!(r.iter().any(|(n, id, _)| n == "Portland" && id == "5746545"), "{r:?}");
    }

    #[test]
    fn a_small_district_named_like_a_person_vouches_for_no_country() {
        let t = "Slovenia endorsed the invasion of Iraq in 2003, though Saddam Hussein had no such weapons. Bulgaria, Malta and Portugal did the same.";
        let r = resolve(t);
        assert!(!r.iter().any(|(n, _, _)| n == "Hussein"), "{r:?}");
    }

    #[test]
    fn a_landmark_far_from_the_story_is_a_neighbourhood_named_like_it() {
        let t = "SALT LAKE CITY — A man shot his son before shooting himself, Salt Lake police said. The family lived in the Capitol Hill apartment.";
        assert!(!resolve(t).iter().any(|r| r.0 == "Capitol Hill"), "{:?}", resolve(t));
        let t = "WASHINGTON — Lawmakers on Capitol Hill debated the bill, Washington officials said.";
        assert!(resolve(t).iter().any(|r| r.0 == "Capitol Hill"), "{:?}", resolve(t));
    }

    #[test]
    fn a_division_abroad_named_by_compass_words_does_not_vouch_for_its_country() {
        let t = "Dickinson police responded to a report of a gunshot victim. The suspect is being held at the South West Multi County Correctional Center.";
        let found = resolve(t);
        assert!(found.iter().any(|r| r.0 == "Dickinson" && r.2 == "US"), "{found:?}");
        assert!(!found.iter().any(|r| r.2 == "CM"), "{found:?}");
        // told with its country, it is the division
        let t = "Separatists attacked a checkpoint in the South West region of Cameroon on Monday.";
        assert!(resolve(t).iter().any(|r| r.0 == "South West" && r.2 == "CM"), "{:?}", resolve(t));
    }

    #[test]
    fn an_outlets_home_chooses_among_namesakes_unless_the_text_says_otherwise() {
        let g = Gazetteer::embedded();
        let state = |name: &str| g.lookup(name).iter().map(|c| c.place).find(|&p| g.place(p).kind == Kind::Admin1 && g.place(p).country == "US");
        let at = |text: &str, home: Option<u32>, name: &str| {
            let m = g.find(text);
            resolve_places_at(g, text, &m, home).into_iter().find(|r| &text[r.start..r.end] == name).map(|r| {
                let p = g.place(r.place);
                (p.country.clone(), g.by_id(&format!("adm1:{}.{}", p.country, p.admin1)).map(|s| g.place(s).name.clone()).unwrap_or_default())
            })
        };
        let us = |s: &str| Some(("US".to_string(), s.to_string()));
        let tennessee = state("Tennessee");
        assert!(tennessee.is_some());
        let t = "Police in Lebanon said a 10-year-old boy accidentally shot himself in the stomach on Friday afternoon.";
        assert_ne!(at(t, None, "Lebanon"), us("Tennessee"));
        assert_eq!(at(t, tennessee, "Lebanon"), us("Tennessee"));
        // "Springfield" of an Illinois station is Illinois's, not Missouri's bigger one
        let t = "A 19-year-old man has been arrested in connection with a Sunday afternoon shooting in Springfield that injured one person.";
        assert_eq!(at(t, None, "Springfield"), us("Missouri"));
        assert_eq!(at(t, state("Illinois"), "Springfield"), us("Illinois"));
        // a state the text names wins, and so does a big city elsewhere over a small namesake
        let t = "Police in Lebanon, Ohio said a 10-year-old boy accidentally shot himself.";
        assert_eq!(at(t, tennessee, "Lebanon"), us("Ohio"));
        let t = "MANHATTAN — A father was killed and four other people were injured in what police believe was a gang-related shooting.";
        assert_eq!(at(t, state("Illinois"), "MANHATTAN"), us("New York"));
    }

    #[test]
    fn a_place_abroad_needs_its_country_pointed_to() {
        let found = |t: &str| resolve(t).into_iter().map(|r| (r.0, r.2)).collect::<Vec<_>>();
        // New Zealand's region is, alone, the best reading of the name
        let t = "The senator from Ohio spent this week on the West Coast meeting business leaders.";
        assert!(!found(t).iter().any(|r| r.0 == "West Coast"), "{:?}", found(t));
        // a big city abroad stays, and a named country brings its towns back
        let t = "MEMPHIS, Tenn. - The suspect in the Memphis, Tennessee shooting fled to Toronto.";
        assert!(found(t).contains(&("Toronto".into(), "CA".into())), "{:?}", found(t));
        let t = "The senator from Ohio spent this week on the West Coast of New Zealand.";
        assert!(found(t).contains(&("West Coast".into(), "NZ".into())), "{:?}", found(t));
    }

    #[test]
    fn two_namesakes_that_share_one_country_point_to_it() {
        // Dundalk (Ireland, Maryland) and Dundrum (Ireland, Northern Ireland) agree only on
        // Ireland; the Japanese victim does not make them small towns abroad
        let t = "A youth is charged with the murder of a Japanese man in a stabbing in Dundalk. \
                 He is held in the Central Mental Hospital in Dundrum.";
        let found: Vec<(String, String)> = resolve(t).into_iter().map(|r| (r.0, r.2)).collect();
        assert!(found.contains(&("Dundalk".into(), "IE".into())) && found.contains(&("Dundrum".into(), "IE".into())), "{found:?}");
        // a small namesake of a capital is no reading of it: "Rome" shares no country with
        // Saint Peter, Minnesota
        let t = "Pilgrims gathered in Rome. A Nigerian priest spoke in St. Peter's Square.";
        assert!(!resolve(t).iter().any(|r| r.2 == "US"), "{:?}", resolve(t));
        // nor is a country's name one for its namesake villages: "U.S." and "Ain" do not agree
        // on France
        let t = "BAGHDAD (Reuters) - Rockets struck Ain al-Asad Air Base in western Iraq, the U.S.-led coalition said.";
        assert!(!resolve(t).iter().any(|r| r.2 == "FR"), "{:?}", resolve(t));
    }

    #[test]
    fn the_seas_straits_and_regions_of_conflict_reporting() {
        let ids = |t: &str| resolve(t).into_iter().map(|r| (r.0, r.1)).collect::<Vec<_>>();
        let t = "Houthi rebels fired a missile at a tanker in the Bab el-Mandeb, and Iran seized another in the Strait of Hormuz.";
        assert_eq!(ids(t), [("Bab el-Mandeb".into(), "rgn:bab-el-mandeb".into()), ("Iran".into(), "130758".into()), ("Strait of Hormuz".into(), "rgn:strait-of-hormuz".into())]);
        // the delta, not the country Niger
        let t = "Militants blew up an oil pipeline in the Niger Delta on Monday, officials said.";
        assert_eq!(ids(t), [("Niger Delta".into(), "rgn:niger-delta".into())]);
        let t = "Russian coast guard ships fired on three Ukrainian vessels in the Kerch Strait.";
        assert!(ids(t).contains(&("Kerch Strait".into(), "rgn:kerch-strait".into())), "{:?}", ids(t));
        // rivers, where GeoNames places them (at the mouth), the river before the state
        let t = "Karnataka asked the court for time to set up the Cauvery Management Board. Barges sail up the Mississippi River.";
        assert_eq!(ids(t), [("Karnataka".into(), "adm1:IN.19".into()), ("Cauvery".into(), "riv:kaveri".into()), ("Mississippi River".into(), "riv:mississippi".into())]);
        // the lands of the Kurds, in four countries, not Iraq's Kurdistan Region
        let t = "BEIRUT (AP) - A Kurdish militia spokesman says Turkey has shelled a Syrian Kurdish enclave.";
        assert_eq!(ids(t).iter().filter(|r| r.0 == "Kurdish").map(|r| r.1.as_str()).collect::<Vec<_>>(), ["rgn:kurdish-lands", "rgn:kurdish-lands"], "{:?}", ids(t));
    }

    #[test]
    fn context_picks_the_syrian_homs_and_damascus() {
        let r = resolve("Israeli planes fired missiles at targets near Damascus. A military airbase near the Syrian city of Homs was hit.");
        let dam = r.iter().find(|x| x.0 == "Damascus").unwrap();
        let homs = r.iter().find(|x| x.0 == "Homs").unwrap();
        assert_eq!(dam.2, "SY");
        assert_eq!(homs.2, "SY");
    }

    #[test]
    fn a_us_broadcaster_or_sheriff_puts_the_story_in_the_us() {
        let text = "A 7-year-old girl was killed early Sunday morning after a Salisbury home was sprayed with bullets.";
        assert_eq!(resolve(text)[0].2, "ZW", "without a clue, Harare's old name wins by population");
        for clue in [", WSOC reports.", " (WBTV)", ", the sheriff's office said."] {
            let text = format!("A 7-year-old girl was killed early Sunday morning after a Salisbury home was sprayed with bullets{clue}");
            let r = resolve(&text);
            assert_eq!((r[0].0.as_str(), r[0].2.as_str()), ("Salisbury", "US"), "{text}");
        }
        // a North American phone number says the US or Canada, not which
        let text = "Police in Nelson asked anyone with information to call 250-354-3919.";
        assert!(["US", "CA"].contains(&resolve(text)[0].2.as_str()));
    }

    #[test]
    fn a_town_the_state_qualifies_is_in_that_state_or_nowhere() {
        // Manchester, Illinois has 300 people, too few for the gazetteer: no Manchester of
        // another state or country stands in for it, here or where the article names it again
        let r = resolve("The mass shooting in Manchester, Illinois left five dead. Schools closed after a shooting in Manchester.");
        assert_eq!(r.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(), ["Illinois"], "{r:?}");
        // items of a list are not qualified by the next one
        let r = resolve("The band plays in Copenhagen, Hamburg, Berlin and Mannheim.");
        assert_eq!(r.iter().find(|x| x.0 == "Copenhagen").map(|x| x.2.as_str()), Some("DK"), "{r:?}");
        let r = resolve("It has offices in Los Angeles, Miami, West Palm Beach, New York, and Detroit.");
        assert!(r.iter().any(|x| x.0 == "West Palm Beach"), "{r:?}");
    }

    #[test]
    fn a_county_and_a_town_that_agree_place_each_other() {
        let text = "A three-year-old shot himself Tuesday morning in Paulding County. The shooting happened at a home on Camp Circle in Dallas.";
        let alone = resolve("The shooting happened at a home on Camp Circle in Dallas.");
        assert_eq!(alone[0].2, "US");
        let g = Gazetteer::embedded();
        let admin1 = |r: &[(String, String, String)], name: &str| {
            let id = &r.iter().find(|x| x.0 == name).expect("resolved").1;
            g.place(g.by_id(id).expect("known id")).admin1.clone()
        };
        assert_eq!(admin1(&alone, "Dallas"), "TX");
        let r = resolve(text);
        assert_eq!((admin1(&r, "Paulding County").as_str(), admin1(&r, "Dallas").as_str()), ("GA", "GA"), "{r:?}");
    }

    #[test]
    fn a_small_town_of_another_state_is_not_the_one_meant() {
        // Elmo, Missouri is too small for the gazetteer; Elmo, Texas has 800 people
        assert_eq!(resolve("Crews arrived at the home in Elmo.").len(), 1);
        let r = resolve("A Missouri baby was killed Monday. Crews arrived at the home in Elmo.");
        assert_eq!(r.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(), ["Missouri"], "{r:?}");
    }

    #[test]
    fn a_small_town_far_from_the_story_is_a_neighbourhood_of_it() {
        assert_eq!(resolve("The shooting happened in Walnut Park.").len(), 1, "alone, Walnut Park, California");
        let r = resolve("A man was killed in St. Louis on Sunday. The shooting happened in Walnut Park.");
        assert_eq!(r.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(), ["St. Louis"], "{r:?}");
        // nor a town of 60,000 people half a continent away
        let r = resolve("A man was killed in Erie on Sunday. The suspect fled to Millcreek.");
        assert!(!r.iter().any(|x| x.0 == "Millcreek" && x.1 == "5778352"), "Millcreek, Utah: {r:?}");
        // a town close to the story stays
        let r = resolve("A man was killed in St. Louis on Sunday. The suspect lives in Ferguson.");
        assert_eq!(r.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(), ["St. Louis", "Ferguson"], "{r:?}");
    }

    #[test]
    fn oregon_context_moves_damascus() {
        let r = resolve("Deputies in Clackamas County, Oregon, said the crash happened in Damascus on Tuesday.");
        let dam = r.iter().find(|x| x.0 == "Damascus").unwrap();
        assert_eq!(dam.2, "US", "{r:?}");
    }

    #[test]
    fn a_name_both_state_and_country_is_the_state_where_the_story_is_in_its_country() {
        let countries = |text: &str| -> Vec<(String, String)> { resolve(text).into_iter().map(|(name, _, cc)| (name, cc)).collect() };
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            countries("Police in Georgia said an officer was shot Friday at an apartment complex in Valdosta."),
            [pair("Georgia", "US"), pair("Valdosta", "US")]
        );
        assert_eq!(countries("Protests spread across Georgia on Sunday, a week after the vote in Tbilisi."), [pair("Georgia", "GE"), pair("Tbilisi", "GE")]);
    }

    #[test]
    fn a_name_both_state_and_country_after_a_town_is_the_one_the_town_lies_in() {
        let countries = |text: &str| -> Vec<(String, String)> { resolve(text).into_iter().map(|(name, _, cc)| (name, cc)).collect() };
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(countries("HAWKINSVILLE, Georgia (41NBC) - A teen was shot Monday."), [pair("HAWKINSVILLE", "US"), pair("Georgia", "US")]);
        assert_eq!(countries("A man was shot in Athens, Georgia, on Sunday."), [pair("Athens", "US"), pair("Georgia", "US")]);
        assert_eq!(countries("TBILISI, Georgia (AP) - Protesters gathered on Sunday."), [pair("TBILISI", "GE"), pair("Georgia", "GE")]);
        // an item of a list qualifies nothing
        let listed = resolve("Protests were held in Boston, Washington and Denver on Sunday.");
        assert!(listed.iter().any(|(name, id, _)| name == "Washington" && id != "adm1:US.WA"), "{listed:?}");
    }

    #[test]
    fn a_city_overshadows_its_small_namesake_in_the_state_named() {
        // Louisville, Ohio has 9,000 people; Louisville, Kentucky 244,000
        let t = "COLUMBUS, Ohio (AP) - Mississippi State outlasted Louisville in overtime on Friday.";
        let found = resolve(t);
        assert!(found.iter().any(|r| r.0 == "Louisville" && r.1 == "4299276"), "{found:?}");
        // unless the state is told with it
        let t = "COLUMBUS, Ohio (AP) - A man was shot in Louisville, Ohio on Friday.";
        assert!(resolve(t).iter().any(|r| r.0 == "Louisville" && r.1 == "5161347"), "{:?}", resolve(t));
    }

    #[test]
    fn a_word_told_twice_as_a_place_vouches_for_its_country() {
        // Cork is also a word, and the story's one country the Holland a drug comes from
        let t = "Her medicinal cannabis comes from Holland. A Cork mother says she is terrified. She told a press conference in Cork city today.";
        let cork: Vec<String> = resolve(t).into_iter().filter(|r| r.0 == "Cork").map(|r| r.2).collect();
        assert_eq!(cork, ["IE", "IE"], "{:?}", resolve(t));
        // a charge's words are no place, however often told
        let t = "The pills came from Holland. He was arrested for Felon in Possession of a Firearm and booked for Felon in Possession of a Firearm.";
        assert!(!resolve(t).iter().any(|r| r.0 == "Possession"), "{:?}", resolve(t));
    }

    #[test]
    fn a_state_in_brackets_narrows_the_county_and_dc_is_washington() {
        // (Walker County is also Alabama's and Texas's)
        let found = resolve("The Walker County (Ga.) Sheriff's Office is asking for help. In D.C., we've had a problem.");
        let names: Vec<&str> = found.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(names, ["Walker County", "Ga.", "D.C."], "{found:?}");
        assert!(found[0].1.starts_with("adm2:US.GA.") && found[1].1 == "adm1:US.GA" && found[2].1 == "4140963", "{found:?}");
    }

    #[test]
    fn a_state_or_country_after_a_comma_narrows_the_town() {
        let r = resolve("DENMARK, S.C. - A man was shot in Denmark, South Carolina, on Saturday. HOBART, Okla. (AP) - Two died.");
        let ids: Vec<(&str, &str)> = r.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        // the abbreviation narrows the town and names the state
        assert_eq!(
            ids,
            [
                ("DENMARK", "4576544"),
                ("S.C.", "adm1:US.SC"),
                ("Denmark", "4576544"),
                ("South Carolina", "adm1:US.SC"),
                ("HOBART", "4538821"),
                ("Okla.", "adm1:US.OK")
            ],
            "{r:?}"
        );
        let g = Gazetteer::embedded();
        let text = "HOBART, Okla. (AP) - Two died. Hobart police said. TOPEKA, Kan. - One died.";
        let found: Vec<_> = resolve_places(g, text, &g.find(text)).iter().map(|f| (&text[f.start..f.end], g.place(f.place).admin1.as_str())).collect();
        assert_eq!(found, [("HOBART", "OK"), ("Okla.", "OK"), ("Hobart", "OK"), ("TOPEKA", "KS"), ("Kan.", "KS")]);
        // a county's dateline with its word abbreviated ("HALIFAX CO., Va."): the state is
        // named, and the county told next is that state's (North Carolina's is bigger)
        let text = "HALIFAX CO., Va. - A woman was hit by a bullet Sunday in Halifax County.";
        let found: Vec<_> = resolve_places(g, text, &g.find(text)).iter().map(|f| (&text[f.start..f.end], g.place(f.place).admin1.as_str())).collect();
        assert_eq!(found, [("HALIFAX", "VA"), ("Va.", "VA"), ("Halifax County", "VA")]);
        // a common word before a state is a place only when the state has one of that name
        assert_eq!(resolve("BEDFORD, N.H. - Investigators said a Bedford woman shot her daughters.")[0], ("BEDFORD".into(), "5083221".into(), "US".into()));
        assert!(resolve("Police, Fla. officials said.").is_empty());
        // the country itself stays the country when nothing qualifies it
        assert_eq!(resolve("Denmark and Sweden agreed.")[0].2, "DK");
    }

    #[test]
    fn a_minor_place_abroad_does_not_vouch_for_its_country_against_the_stated_one() {
        // Northland is a New Zealand region (and a part of Wellington), and a Kansas City area
        let r = resolve("GLADSTONE, Mo. -- Police say a Northland teen was killed in an accidental shooting Monday night.");
        assert!(r.iter().all(|x| x.2 == "US"), "{r:?}");
        // alone, it is New Zealand's
        assert_eq!(resolve("A Northland teen was killed.").first().map(|x| x.2.as_str()), Some("NZ"));
    }

    #[test]
    fn the_adjective_before_city_of_names_its_country() {
        let country = |text: &str, name: &str| resolve(text).into_iter().find(|r| r.0 == name).map(|r| r.2);
        // alone, Salisbury is not England's (Harare's old name wins)
        assert_ne!(country("Investigators went to Salisbury on Monday.", "Salisbury").as_deref(), Some("GB"));
        assert_eq!(country("The poisoning happened in the English city of Salisbury on Monday.", "Salisbury").as_deref(), Some("GB"));
        assert_eq!(country("Police in the southern English city of Salisbury said on Monday.", "Salisbury").as_deref(), Some("GB"));
        // and the article's later "Salisbury" is the same
        let r = resolve("A spy was found in the English city of Salisbury. Salisbury residents were told to wash their clothes.");
        assert!(r.iter().filter(|x| x.0 == "Salisbury").all(|x| x.2 == "GB"), "{r:?}");
    }

    #[test]
    fn a_town_near_the_other_places_of_the_story_beats_its_namesakes() {
        let admin1 = |text: &str, name: &str| {
            let g = Gazetteer::embedded();
            let found = resolve_places(g, text, &g.find(text));
            found.iter().find(|r| &text[r.start..r.end] == name).map(|r| g.place(r.place).admin1.clone())
        };
        // alone, the larger Cudahy (California) wins; beside Milwaukee, Wisconsin's
        assert_eq!(admin1("Police in Cudahy found a father and daughter dead.", "Cudahy").as_deref(), Some("CA"));
        assert_eq!(admin1("Police in Cudahy found a father and daughter dead, the Milwaukee medical examiner said.", "Cudahy").as_deref(), Some("WI"));
    }

    #[test]
    fn own_names_and_confident_states_decide() {
        let g = Gazetteer::embedded();
        let at = |text: &str, name: &str| {
            let found = resolve_places(g, text, &g.find(text));
            found.iter().find(|r| &text[r.start..r.end] == name).map(|r| {
                let p = g.place(r.place);
                (p.country.clone(), p.admin1.clone(), p.kind)
            })
        };
        // Harare was once Salisbury; Salisbury, England is still called so
        assert_eq!(at("The poisoning in Salisbury shocked Britain.", "Salisbury").map(|p| p.0).as_deref(), Some("GB"));
        // Yuma once bore the name Arizona; the state is meant
        assert_eq!(at("Wildfires spread across Arizona on Monday.", "Arizona").map(|p| p.2), Some(Kind::Admin1));
        // a state named with confidence places its towns
        assert_eq!(
            at("Students in Parkland walked out of class, and schools across Florida joined them.", "Parkland").map(|p| p.1).as_deref(),
            Some("FL")
        );
    }

    #[test]
    fn a_metropolis_named_like_its_state_is_the_city() {
        let g = Gazetteer::embedded();
        let text = "Police in New York said two men were shot in Brooklyn on Sunday.";
        let found = resolve_places(g, text, &g.find(text));
        let ny = found.iter().find(|r| &text[r.start..r.end] == "New York").map(|r| g.place(r.place));
        assert_eq!(ny.map(|p| (p.kind, p.admin1.as_str())), Some((Kind::Town, "NY")));
        assert!(ny.is_some_and(|p| p.population >= METROPOLIS), "{ny:?}");
        // a state whose towns are all small is still the state
        let text = "Wildfires spread across Oregon on Monday.";
        let found = resolve_places(g, text, &g.find(text));
        assert_eq!(found.first().map(|r| g.place(r.place).kind), Some(Kind::Admin1));
    }

    #[test]
    fn a_capital_in_the_dateline_does_not_take_its_countrys_name() {
        let g = Gazetteer::embedded();
        let text = "MEXICO CITY (AP) Mexico's Senate has passed a resolution.";
        let found = resolve_places(g, text, &g.find(text));
        let kinds: Vec<(&str, Kind)> = found.iter().map(|r| (&text[r.start..r.end], g.place(r.place).kind)).collect();
        assert_eq!(kinds, [("MEXICO CITY", Kind::Capital), ("Mexico", Kind::Country)]);
    }

    #[test]
    fn a_division_abroad_named_like_a_word_or_a_person_is_dropped() {
        // "Mary" is a province of Turkmenistan
        let names: Vec<String> = resolve("The shooting happened in Dallas, Texas. Mary told police she heard shots.").into_iter().map(|r| r.0).collect();
        assert_eq!(names, ["Dallas", "Texas"]);
        // a name that would vouch for its own country does not: "Brittany" is a French region
        let names: Vec<String> = resolve("The Kane County Coroner will perform the autopsy. Brittany had a gunshot wound.").into_iter().map(|r| r.0).collect();
        assert_eq!(names, ["Kane County"]);
        // a division of a country the article names stays
        assert!(resolve("Fighting continued in Idlib, Syria, on Monday.").iter().any(|r| r.0 == "Idlib"));
    }

    #[test]
    fn a_town_of_the_state_named_beats_a_country_of_its_name() {
        let text = "10-year-old Tennessee boy accidentally shoots self in stomach\n\nIt happened at a home on Dandelion Drive in Lebanon, according to the Lebanon Police Department.";
        let countries: Vec<String> = resolve(text).into_iter().filter(|r| r.0 == "Lebanon").map(|r| r.2).collect();
        assert_eq!(countries, ["US", "US"]);
        // without the state, the country
        let text = "Aid convoys reached Lebanon on Monday, officials in Beirut said.";
        assert!(resolve(text).iter().any(|r| r.0 == "Lebanon" && r.2 == "LB"));
    }

    #[test]
    fn abu_kamal_resolves_to_geonames_174448() {
        let r = resolve("A spokesman said there were no coalition strikes in the area near Abu Kamal.");
        assert_eq!(r[0].1, "174448");
    }

    #[test]
    fn distance() {
        // Damascus to Homs is about 140 km
        let d = haversine_km(33.5102, 36.2913, 34.7268, 36.7234);
        assert!((130.0..150.0).contains(&d), "{d}");
    }
}
