//! The place-name knowledge sitrep ships with: GeoNames populated places (cities500),
//! first-level divisions, countries with their adjectives, continents and curated regions,
//! embedded in the binary so that a fresh machine needs nothing else.
//!
//! Names are matched on a folded form (case, accents, hyphens, apostrophes, dots and the
//! Arabic article folded; spacing variants indexed), so "Albu Kamal", "Abu Kamal",
//! "Albukamal" and "Al Bukamal" all reach GeoNames 174448. Lookups walk an FST token by
//! token, so finding every place name in an article costs one pass over its tokens.

mod fold;
mod index;

use std::collections::HashMap;

// (Fx hashing for the sets of words asked about every word of every article, which SipHash
// had made about 4% of finding mentions: they hold the dictionaries' own words, or live for
// one article)
use rustc_hash::FxHashSet;
use std::io::{BufReader, Read};
use std::sync::LazyLock;

use compact_str::CompactString;

pub use fold::fold;

/// What kind of place an entry is; ranks candidates (a country before a village).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Continent,
    Region,
    Sea,
    /// A river, placed where GeoNames places streams: at its mouth. Context for the names
    /// around it, never an event's place (a river is a line, and its mouth may lie in
    /// another country than the stretch a story tells of).
    River,
    Border,
    /// A building or site that stands for an institution (White House, Kremlin).
    Landmark,
    Country,
    Admin1,
    /// Second-level division: a county, district or municipality.
    Admin2,
    Capital,
    AdminSeat,
    Town,
}

impl Kind {
    fn from_code(code: &str) -> Kind {
        match code {
            "CONT" => Kind::Continent,
            "RGN" => Kind::Region,
            "SEA" => Kind::Sea,
            "RIVER" => Kind::River,
            "BORDER" => Kind::Border,
            "LANDMARK" => Kind::Landmark,
            "PCLI" => Kind::Country,
            "ADM1" => Kind::Admin1,
            "ADM2" => Kind::Admin2,
            "PPLC" => Kind::Capital,
            "PPLA" | "PPLA2" => Kind::AdminSeat,
            _ => Kind::Town,
        }
    }

    /// How precise a location of this kind is, in the record's vocabulary.
    pub fn precision(self) -> &'static str {
        match self {
            Kind::Continent | Kind::Region | Kind::Sea | Kind::River => "region",
            Kind::Border => "border",
            Kind::Landmark => "site",
            Kind::Country => "country",
            Kind::Admin1 => "admin1",
            Kind::Admin2 => "admin2",
            Kind::Capital | Kind::AdminSeat | Kind::Town => "town",
        }
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// GeoNames id for GeoNames entries, `adm1:CC.NN`, `adm2:CC.NN.NNN`, `cont:XX`, `rgn:…`,
    /// `lm:…` or `riv:…` otherwise.
    pub id: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub kind: Kind,
    /// ISO 3166-1 alpha-2, empty for continents and multi-country regions.
    pub country: String,
    pub admin1: String,
    pub population: u64,
}

impl Place {
    /// GeoNames numeric id when the entry is a GeoNames feature.
    pub fn geonameid(&self) -> Option<u64> {
        self.id.parse().ok()
    }

    /// Whether it lies in `area`, a country or a first-level division (read by its codes: a
    /// county has no code of its own here, so it stands for its state).
    pub fn lies_in(&self, area: &Place) -> bool {
        self.country == area.country && (area.kind == Kind::Country || self.admin1 == area.admin1)
    }
}

/// A candidate reading of a name: the place, and whether the name is an adjective or
/// demonym ("Syrian") rather than the name itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub place: u32,
    pub adjective: bool,
    /// The name is one of the place's alternates, not (a spelling of) its own name.
    pub alternate: bool,
}

/// A place name found in a text (byte offsets into it), with every place it may denote.
#[derive(Debug, Clone, PartialEq)]
pub struct NameMatch {
    pub start: usize,
    pub end: usize,
    pub candidates: Vec<Candidate>,
}

/// The loaded gazetteer.
pub struct Gazetteer {
    places: Vec<Place>,
    names: fst::Map<std::borrow::Cow<'static, [u8]>>,
    /// candidates of FST value `v`: `cands[starts[v]..starts[v + 1]]`
    starts: Vec<u32>,
    cands: Vec<Candidate>,
    by_country: rustc_hash::FxHashMap<String, u32>,
    by_id: rustc_hash::FxHashMap<String, u32>,
}

static PLACES_TSV_GZ: &[u8] = include_bytes!("../../../data/gazetteer/places.tsv.gz");
// the name index of data/gazetteer/names.tsv.gz, built by build.rs
static NAMES_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.fst"));
static STARTS_U32: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/starts.u32"));
static CANDS_U32: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/cands.u32"));

static EMBEDDED: LazyLock<Gazetteer> = LazyLock::new(|| {
    let words = |b: &[u8]| b.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect::<Vec<u32>>();
    let places = parse_places(PLACES_TSV_GZ).expect("the embedded gazetteer is well-formed");
    Gazetteer::assemble(places, std::borrow::Cow::Borrowed(NAMES_FST), words(STARTS_U32), &words(CANDS_U32))
        .expect("the embedded name index is well-formed")
});

/// Reads `places.tsv.gz` (see `scripts/build-gazetteer.py`): one place per record, in order.
fn parse_places(places_gz: &[u8]) -> Result<Vec<Place>, String> {
    // the whole table at once, read line by line in place (a string per line and a vector of
    // fields per line had been a fifth of loading the 230,000 places)
    let mut text = String::with_capacity(16 << 20);
    flate2::read::GzDecoder::new(places_gz).read_to_string(&mut text).map_err(|e| format!("places: {e}"))?;
    let mut places = Vec::with_capacity(230_000);
    for (i, line) in text.lines().enumerate() {
        if !index::is_record(line) {
            continue;
        }
        let mut f = line.split('\t');
        let mut field = || f.next().ok_or_else(|| format!("places line {}: expected 8 fields", i + 1));
        let (id, name, lat, lon, kind, country, admin1, population) = (field()?, field()?, field()?, field()?, field()?, field()?, field()?, field()?);
        if f.next().is_some() {
            return Err(format!("places line {}: expected 8 fields", i + 1));
        }
        let num = |s: &str| s.parse::<f64>().map_err(|_| format!("places line {}: bad number {s:?}", i + 1));
        places.push(Place {
            id: id.to_string(),
            name: name.to_string(),
            lat: num(lat)?,
            lon: num(lon)?,
            kind: Kind::from_code(kind),
            country: country.to_string(),
            admin1: admin1.to_string(),
            population: population.parse().unwrap_or(0),
        });
    }
    Ok(places)
}

/// Single capitalised words that are place names somewhere but, in English news, are
/// almost always something else ("Police said…" is not Police, Poland).
const COMMON_WORDS: &str = include_str!("../../../data/curated/common_words.txt");

/// Common words: skipped alone unless they name a country, division or region mid-sentence.
static COMMON: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    COMMON_WORDS.lines().filter(|l| !l.starts_with('#')).map(|l| fold(l.trim_start_matches('!'))).filter(|w| !w.is_empty()).collect()
});

/// Words never taken as a place on their own ("June", "Central", "West"), marked `!`.
static NEVER_ALONE: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    COMMON_WORDS.lines().filter_map(|l| l.strip_prefix('!')).map(fold).filter(|w| !w.is_empty()).collect()
});

/// Below this population a place named like a person ("Robert Lee", Texas) is taken for the
/// person.
const SMALL_NAMESAKE: u64 = 20_000;

/// Number words, which with a common noun make a phrase and not a name ("Four Men").
const NUMBER_WORDS: &[&str] =
    &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "first", "second", "third"];

/// Words that start sentences without starting names: "A Wilmington police officer", "The
/// Dallas shooting" put a town after a capital that says nothing.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "in", "on", "at", "for", "from", "by", "with", "after", "before", "when", "while", "as", "this", "that",
    "but", "and", "of", "to", "if", "during", "near", "outside", "inside", "since", "until", "both", "all", "some", "another",
];

/// The common words that name who acts rather than where (scripts/build-common-words.py's
/// curated list): "in Police custody" is no town in Poland.
const INSTITUTIONS: &[&str] = &["man", "police", "army", "officer", "victim", "suspect", "gunman", "president", "minister", "court"];

/// Compass words, alone or together ("Northeast", "South East").
const COMPASS: &[&str] = &["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"];

/// Time zones as US pages print them after a time ("2:06 PM EST").
const TIME_ZONES: &[&str] = &["EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST", "GMT", "UTC", "BST", "CET", "CEST"];

/// Given names (US Census): a capitalised word right after one is a surname, not a place.
const GIVEN_NAMES_TXT: &str = include_str!("../../../data/curated/given_names.txt");

static GIVEN_NAMES: LazyLock<FxHashSet<String>> =
    LazyLock::new(|| GIVEN_NAMES_TXT.lines().filter(|l| !l.starts_with('#')).map(fold).filter(|w| !w.is_empty()).collect());

/// Colours news gives a car before its make or model, which are often town names.
const COLOURS: &[&str] = &[
    "white", "black", "silver", "gray", "grey", "red", "blue", "green", "gold", "tan", "maroon", "burgundy", "beige", "brown", "dark-colored", "light-colored",
];

/// Car makes: a name after one is the model ("a Chevy Tahoe", "a Dodge Durango"), not the
/// place it is named after.
const CAR_MAKES: &[&str] = &[
    "chevy", "chevrolet", "ford", "dodge", "gmc", "toyota", "honda", "nissan", "jeep", "chrysler", "buick", "cadillac", "hyundai", "kia", "mazda", "subaru",
    "volkswagen", "vw", "bmw", "mercedes", "audi", "lexus", "acura", "infiniti", "mitsubishi", "volvo", "oldsmobile", "saturn",
];

/// Words after a town that make it the town's office or public body, as "Police" does
/// ("Owensboro Public Schools", "the Nenagh Municipal District", "the Paranaque Regional
/// Trial Court").
const OFFICES: &[&str] = &["department", "commission", "council", "public", "regional", "municipal", "metropolitan", "chamber", "fire", "schools", "board", "authority"];

/// Words before "Police" that name a kind of police, not a town's ("Metro Police", "Capitol
/// Police", "Transit Police").
const POLICE_KINDS: &[&str] = &[
    "metro", "metropolitan", "capitol", "park", "state", "transit", "military", "border", "tribal", "campus", "airport", "port", "harbor", "harbour", "city",
    "county", "village", "township", "university", "school", "railroad", "railway", "secret", "royal", "national", "federal", "river", "marine", "highway",
    "mounted", "provincial", "central", "regional", "area", "local",
];

/// Words after a name that make it a street or a road, not the place it is named after.
const STREET_WORDS: &[&str] = &[
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "dr", "lane", "ln", "place", "pl",
    "court", "ct", "way", "highway", "hwy", "parkway", "pkwy", "terrace", "circle", "expressway", "freeway", "pike",
    // "the Northwest Side", "the South Side": a part of a city
    "side",
];

/// "Washington Avenue", "the 6700 block of South Winchester", "Jackson St.", "the Austin
/// neighborhood": a street or a part of a city named after a place is not that place.
fn is_street(text: &str, start: usize, end: usize) -> bool {
    let next = text[end..].trim_start_matches(' ').split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    // the rules below read a few words before the name: lowercase those (lowercasing all the
    // text before every name made finding them quadratic in the article's length)
    let from = text.floor_char_boundary(start.saturating_sub(200));
    let near = if from == 0 { &text[..start] } else { text[from..start].split_once(char::is_whitespace).map_or("", |(_, rest)| rest) };
    let before = near.trim_end_matches(' ').to_ascii_lowercase();
    // "the Austin neighborhood" (of Chicago) is not Austin, Texas; but "a northwest Atlanta
    // neighborhood", a quarter of the city told by a compass word, is in Atlanta
    let quarter = text[..start].trim_end_matches(' ').rsplit(' ').next().is_some_and(|w| COMPASS.contains(&w));
    matches!(next, "neighborhood" | "neighbourhood" | "neighborhoods" | "neighbourhoods") && !quarter
        // "Central High School" is no Central High, Oklahoma
        || next == "School" && text[..end].ends_with(" High")
        // "Washington Township, Clarion County" is no Washington (a township the gazetteer
        // holds under its own name is matched whole)
        || matches!(next, "Township" | "Twp")
        || STREET_WORDS.contains(&next.to_ascii_lowercase().as_str()) && next.chars().next().is_some_and(char::is_uppercase)
        // "at 18th and Arapahoe streets": two streets named together
        || matches!(next, "streets" | "avenues")
        // "a 9-year-old girl was shot in Bedford Dwellings": a housing complex
        || matches!(next, "Dwellings" | "Apartments" | "Projects")
        // "998 S. Wellington": a house number and a compass point before a street's name
        || house_number(&before)
        || before.ends_with("block of")
        || cross_street(&before)
        || before.ends_with("block of north")
        || before.ends_with("block of south")
        || before.ends_with("block of east")
        || before.ends_with("block of west")
}

/// A word with a digit in it ("A429", "I-95", "F-16"): a road's, a route's or a model's code,
/// capitalised but no part of a person's or an organisation's name.
fn coded(tok: &fold::Token) -> bool {
    tok.folded.bytes().any(|b| b.is_ascii_digit())
}

/// Whether the words before a name (lowercased) are a house number and a compass point, as
/// an address tells them before a street's name ("998 S. Wellington", "1024 North Main").
fn house_number(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let compass = words.next().is_some_and(|w| matches!(w.trim_end_matches('.'), "n" | "s" | "e" | "w" | "north" | "south" | "east" | "west"));
    compass && words.next().is_some_and(|w| (2..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether the words before a name (lowercased) make it a cross street: "the intersection of
/// Cleveland and Yosemite" (both of them), "near Yosemite Avenue and Cleveland".
fn cross_street(before: &str) -> bool {
    // (most names follow neither word: read no further)
    let last = before.trim_end();
    if !(last.ends_with("of") || last.ends_with("and")) {
        return false;
    }
    let words: Vec<&str> = before.split_whitespace().rev().take(7).collect();
    let street_word = |w: &str| STREET_WORDS.contains(&w.trim_end_matches('.'));
    let at_corner = |i: usize| words.get(i) == Some(&"of") && words.get(i + 1).is_some_and(|w| matches!(*w, "intersection" | "corner"));
    match words.first() {
        Some(&"of") => at_corner(0),
        // "Yosemite Avenue and", "the intersection of Cleveland and", "the 18th and" (a
        // numbered street)
        Some(&"and") => words.get(1).is_some_and(|w| street_word(w) || numbered_street(w)) || (2..=4).any(at_corner),
        _ => false,
    }
}

/// "18th", "1st", "22nd", "3rd": how a numbered street is told beside a named one.
fn numbered_street(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&word[digits..], "st" | "nd" | "rd" | "th")
}

/// Whether the capitalised run through token `end` ("Jovanni Leon Vargas") is followed by
/// an age between commas (", 23,"), as news writes a person's name.
fn person_with_age(text: &str, toks: &[fold::Token], end: usize) -> bool {
    let mut last = end;
    while toks.get(last + 1).is_some_and(|n| n.capitalized && &text[toks[last].end..n.start] == " ") {
        last += 1;
    }
    let rest = text[toks[last].end..].strip_prefix(", ").unwrap_or("");
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && rest[digits..].starts_with(',')
}

/// People told by where they are from ("a Hutchinson teen"): lowercase nouns only, and no
/// "family", which follows a surname ("a Hutchinson family").
const RESIDENTS: [&str; 12] = ["man", "woman", "teen", "teenager", "boy", "girl", "resident", "couple", "youth", "student", "mother", "father"];

/// Titles before a person's name (folded: "Sgt." is "sgt"), and the offices and roles
/// international news puts there ("Russian leader Vladimir Putin", "Foreign Minister Sergei
/// Lavrov", "Gen. Qassem Soleimani", "Hezbollah chief Hassan Nasrallah"); sorted, as they
/// are searched for every capitalised word.
const TITLES: [&str; 63] = [
    "ambassador", "attorney", "ayatollah", "capt", "captain", "cardinal", "chairman", "chancellor", "chief", "cleric", "coach", "col", "colonel",
    "commander", "commissioner", "councilman", "councilwoman", "counterpart", "deputy", "det", "detective", "dr", "emir", "envoy", "gen", "general",
    "gov", "governor", "imam", "judge", "king", "lawmaker", "leader", "lieutenant", "lt", "mayor", "minister", "mr", "mrs", "ms", "officer", "pastor",
    "pope", "premier", "president", "prince", "princess", "principal", "queen", "rep", "rev", "reverend", "secretary", "sen", "senator", "sergeant",
    "sgt", "sheikh", "sheriff", "spokesman", "spokeswoman", "superintendent", "trooper",
];

/// Whether the adjective at `start..end` names a language: "in English", "speaks French",
/// "fluent in Arabic", "Spanish-language", "English speakers", "a Russian translation",
/// "English is the main language".
fn speaks_language(text: &str, start: usize, end: usize) -> bool {
    const SPEAK: [&str; 13] = ["speak", "speaks", "speaking", "spoke", "spoken", "learn", "learns", "learned", "learning", "teach", "teaches", "teaching", "taught"];
    const AFTER: [&str; 17] = [
        "language", "languages", "speaker", "speakers", "speaking", "translation", "translations", "subtitles", "word", "words", "version",
        "versions", "class", "classes", "teacher", "teachers", "lessons",
    ];
    let after = &text[end..];
    let next = after.trim_start_matches([' ', '-']).split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if after.starts_with("-language") || (after.starts_with(' ') || after.starts_with('-')) && AFTER.contains(&next.to_lowercase().as_str()) {
        return true;
    }
    // "English is the main language", "English will remain an official language": the
    // language as a subject
    if after.starts_with(' ') && matches!(next, "is" | "was" | "will" | "would" | "has" | "remains" | "provides" | "became" | "becomes") {
        return true;
    }
    // "in English", "the status of English", but not "in English football" or "of Russian
    // Minister of Defence Sergey Shoigu", which are the country's
    let prev = text[..start].split_whitespace().next_back().unwrap_or("").to_lowercase();
    let next_is_word = after.starts_with(' ') && next.starts_with(char::is_alphabetic) && !matches!(next, "and" | "or");
    SPEAK.contains(&prev.as_str()) || matches!(prev.as_str(), "in" | "of" | "into" | "both") && !next_is_word
}

/// Whether a word is a common given name ("Ivan", "Latoya"), folded or not.
pub fn is_given_name(word: &str) -> bool {
    // (a plain word, asked of every capitalised word of an article, folded on the stack)
    let b = word.as_bytes();
    if b.len() <= 32 && b.iter().all(u8::is_ascii_alphanumeric) {
        let mut buf = [0u8; 32];
        buf[..b.len()].copy_from_slice(b);
        buf[..b.len()].make_ascii_lowercase();
        return std::str::from_utf8(&buf[..b.len()]).is_ok_and(|w| GIVEN_NAMES.contains(w));
    }
    GIVEN_NAMES.contains(&fold(word))
}

/// Whether a word is one English uses for something else than the places it names
/// ("Police", "Northeast", "Most"), folded or not.
pub fn is_common_word(word: &str) -> bool {
    COMMON.contains(&fold(word))
}

impl Gazetteer {
    /// The gazetteer built into the binary (loaded on first use).
    pub fn embedded() -> &'static Gazetteer {
        &EMBEDDED
    }

    /// Loads from the two gzip TSV files that `scripts/build-gazetteer.py` writes, indexing
    /// the names at run time (the embedded gazetteer's index is built at compile time).
    pub fn from_tsv_gz(places_gz: &[u8], names_gz: &[u8]) -> Result<Gazetteer, String> {
        let places = parse_places(places_gz)?;
        let numbers: HashMap<&str, (u32, &str)> = places.iter().enumerate().map(|(i, p)| (p.id.as_str(), (i as u32, p.name.as_str()))).collect();
        let index::Built { fst, starts, cands } =
            index::build(BufReader::new(flate2::read::GzDecoder::new(names_gz)), |id| numbers.get(id).copied())?;
        Gazetteer::assemble(places, std::borrow::Cow::Owned(fst), starts, &cands)
    }

    /// A gazetteer from its places and a name index over them (see `index::Built`).
    fn assemble(places: Vec<Place>, fst: std::borrow::Cow<'static, [u8]>, starts: Vec<u32>, cands: &[u32]) -> Result<Gazetteer, String> {
        let names = fst::Map::new(fst).map_err(|e| format!("name index: {e}"))?;
        let n = places.len() as u32;
        let cands: Vec<Candidate> = cands
            .iter()
            .map(|&c| {
                let (place, adjective, alternate) = index::decode(c);
                Candidate { place, adjective, alternate }
            })
            .collect();
        if cands.iter().any(|c| c.place >= n) || starts.last().is_none_or(|&e| e as usize != cands.len()) {
            return Err("name index does not match the places".into());
        }
        let mut by_id = rustc_hash::FxHashMap::with_capacity_and_hasher(places.len(), Default::default());
        let mut by_country = rustc_hash::FxHashMap::default();
        for (i, p) in places.iter().enumerate() {
            if p.kind == Kind::Country {
                by_country.insert(p.country.clone(), i as u32);
            }
            by_id.insert(p.id.clone(), i as u32);
        }
        Ok(Gazetteer { places, names, starts, cands, by_country, by_id })
    }

    /// The candidates stored under FST value `v`.
    fn candidates(&self, v: u64) -> &[Candidate] {
        let v = v as usize;
        match (self.starts.get(v), self.starts.get(v + 1)) {
            (Some(&s), Some(&e)) => &self.cands[s as usize..e as usize],
            _ => &[],
        }
    }

    pub fn place(&self, idx: u32) -> &Place {
        &self.places[idx as usize]
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The country entry for an ISO alpha-2 code.
    pub fn country(&self, iso2: &str) -> Option<u32> {
        self.by_country.get(iso2).copied()
    }

    pub fn by_id(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// Every place a name may denote.
    pub fn lookup(&self, name: &str) -> &[Candidate] {
        match self.names.get(fold(name)) {
            Some(i) => self.candidates(i),
            None => &[],
        }
    }

    /// "West Charlotte", "North Philadelphia": a direction before a big city's name is a part
    /// of that city, unless the whole name is a place near it or a town of some size. Without
    /// this a hamlet named "West Charlotte" (Vermont) would take the name from Charlotte, North
    /// Carolina. Returns the FST value whose candidates the name stands for.
    fn part_of_city(&self, text: &str, toks: &[fold::Token], i: usize, k: usize, v: u64) -> u64 {
        if k == 0 || !COMPASS.contains(&toks[i].folded.as_str()) {
            return v;
        }
        let Some((rest_k, rest_v)) = self.longest_at(text, toks, i + 1) else { return v };
        if rest_k + 1 != k {
            return v;
        }
        let whole = self.candidates(v);
        // "South Bend" is a city of its own, whatever Bend, Oregon is
        if whole.iter().any(|c| self.places[c.place as usize].population >= SMALL_NAMESAKE) {
            return v;
        }
        let city = self.candidates(rest_v).iter().map(|c| &self.places[c.place as usize]).filter(|p| p.population >= 100_000).max_by_key(|p| p.population);
        match city {
            Some(city) if !whole.iter().any(|c| {
                let p = &self.places[c.place as usize];
                sitrep_model::haversine_km(p.lat, p.lon, city.lat, city.lon) <= 30.0
            }) =>
            {
                rest_v
            }
            _ => v,
        }
    }

    /// The longest name starting at token `i`: how many more tokens it takes and its FST value.
    /// Walks the FST over folded tokens i, i+1, … joined by spaces.
    fn longest_at(&self, text: &str, toks: &[fold::Token], i: usize) -> Option<(usize, u64)> {
        let fst = self.names.as_fst();
        let mut node = fst.root();
        let mut out_val = 0u64;
        let mut best: Option<(usize, u64)> = None;
        let mut ok = true;
        for (k, tk) in toks[i..toks.len().min(i + 7)].iter().enumerate() {
            // "Prince George's County": folded names keep a possessive's s on its word, and no
            // name ends in one ("Lowe's" is a store, not Lowes, Kentucky)
            let possessive = k > 0 && tk.folded == "s" && matches!(&text[toks[i + k - 1].end..tk.start], "'" | "’");
            if k > 0 {
                let gap = &text[toks[i + k - 1].end..tk.start];
                // "Washington, D.C.": a comma may precede an abbreviation, nothing else
                let abbrev = gap.trim() == "," && tk.folded.len() <= 3 && text[tk.start..tk.end].contains('.');
                if tk.start > toks[i + k - 1].end + 3 || (gap.contains(['\n', ',', ';', '(', ')']) && !abbrev) {
                    break;
                }
                if !possessive {
                    let Some(ti) = node.find_input(b' ') else { break };
                    let tr = node.transition(ti);
                    out_val += tr.out.value();
                    node = fst.node(tr.addr);
                }
            }
            for &b in tk.folded.as_bytes() {
                match node.find_input(b) {
                    Some(ti) => {
                        let tr = node.transition(ti);
                        out_val += tr.out.value();
                        node = fst.node(tr.addr);
                    }
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if !ok {
                break;
            }
            // a one-word name must be capitalised (checked above); a longer one may end in
            // a generic word ("Iraq-Syria border") when it names such a feature, but a
            // division's or a town's words are all capitalised ("Western district detectives"
            // is no Western District, and "New York state" is New York)
            if node.is_final() && !possessive {
                let value = out_val + node.final_output().value();
                let lowered = toks[i + 1..=i + k].iter().any(|w| !w.capitalized && w.folded.len() >= 4);
                let generic_feature = || {
                    self.candidates(value)
                        .iter()
                        .any(|c| matches!(self.places[c.place as usize].kind, Kind::Border | Kind::Region | Kind::Sea | Kind::River | Kind::Continent | Kind::Landmark))
                };
                if !lowered || generic_feature() {
                    best = Some((k, value));
                }
            }
        }
        best
    }

    /// The countries of what follows the name ending at token `end` and qualifies it as a
    /// place: a comma, then a state or country ("Bedford, New Hampshire") or an abbreviation,
    /// taken for a US state ("BEDFORD, N.H.", "Hobart, Okla."). Empty when nothing does.
    fn qualifying_countries(&self, text: &str, toks: &[fold::Token], end: usize) -> Vec<&str> {
        let Some(next) = toks.get(end + 1) else { return Vec::new() };
        let gap = &text[toks[end].end..next.start];
        if gap.trim() != "," || gap.len() > 3 || !next.capitalized {
            return Vec::new();
        }
        let word = &text[next.start..next.end];
        if (word.contains('.') || text[next.end..].starts_with('.')) && word.len() <= 6 {
            return vec!["US"];
        }
        match self.longest_at(text, toks, end + 1) {
            Some((_, v)) => self
                .candidates(v)
                .iter()
                .map(|c| &self.places[c.place as usize])
                .filter(|p| matches!(p.kind, Kind::Admin1 | Kind::Country))
                .map(|p| p.country.as_str())
                .collect(),
            None => Vec::new(),
        }
    }

    /// Finds place names in a text: longest match first, starting at a capitalised word,
    /// skipping single common words ("Police", "Man", "Most") unless they name a country,
    /// a first-level division or a continent, or a state or country qualifies them.
    pub fn find(&self, text: &str) -> Vec<NameMatch> {
        let toks = fold::tokens(text);
        let mut out = Vec::new();
        let mut i = 0;
        let mut persons: FxHashSet<CompactString> = FxHashSet::default();
        let mut surnames: FxHashSet<CompactString> = FxHashSet::default();
        // names seen with an age ("Mecca Canty, 21,"): a person's, however big a place shares them
        let mut aged_names: FxHashSet<CompactString> = FxHashSet::default();
        let mut last_end = 0;
        let mut qualified_common: FxHashSet<CompactString> = FxHashSet::default();
        let mut titled_names: FxHashSet<CompactString> = FxHashSet::default();
        while i < toks.len() {
            let t = &toks[i];
            if !t.capitalized {
                i += 1;
                continue;
            }
            let best = self.longest_at(text, &toks, i).map(|(k, v)| (k, self.part_of_city(text, &toks, i, k, v)));
            if let Some((k, v)) = best {
                let cands = self.candidates(v);
                // "Four Men" (an alternate name of Choteau, Montana): an alternate name made of
                // common words is as doubtful as one common word; a place's own name ("North
                // Carolina", "Noble County") is not
                let generic = k > 0
                    && toks[i..=i + k].iter().all(|w| COMMON.contains(w.folded.as_str()) || NUMBER_WORDS.contains(&w.folded.as_str()))
                    && cands.iter().all(|c| c.alternate);
                let single_common = (k == 0 && COMMON.contains(t.folded.as_str())) || generic;
                let strong = !generic
                    && cands.iter().any(|c| !matches!(self.places[c.place as usize].kind, Kind::Town | Kind::AdminSeat | Kind::Capital));
                // "2:06 PM EST": a time zone, not Est, Burkina Faso
                let time_zone = k == 0 && TIME_ZONES.contains(&&text[t.start..t.end]);
                // "Northeast Baltimore", "Southeast parents": a compass word is a part of a
                // city or of a country, not North East, Maryland; only a division or region
                // may be named so ("North West" province)
                let compass = toks[i..=i + k].iter().all(|w| COMPASS.contains(&w.folded.as_str())) && (k == 0 || !strong);
                // "I’ve", "We’ll": a contraction, whatever alternate name it spells
                let contraction = k == 0
                    && text[t.start..t.end].rsplit(['\'', '’']).next().is_some_and(|tail| {
                        tail.len() < t.end - t.start && ["ve", "ll", "re", "m", "d", "t"].contains(&tail.to_ascii_lowercase().as_str())
                    });
                // "in English", "Spanish-language", "speaks French": a language, not its land
                let language = k == 0 && cands.iter().any(|c| c.adjective) && speaks_language(text, t.start, t.end);
                // "44 B.C.", "300 BC": an era after a year, not British Columbia
                let era = k == 0 && t.folded == "bc" && i > 0 && toks[i - 1].folded.bytes().all(|b| b.is_ascii_digit());
                let never = (k == 0 && NEVER_ALONE.contains(t.folded.as_str())) || time_zone || compass || contraction || language || era;
                // A lone town name inside a run of capitalised words is most often part of a
                // person's or an organisation's name ("Mark Zuckerberg", "Chen Wei said").
                let cap_before = i > 0
                    && toks[i - 1].capitalized
                    && !coded(&toks[i - 1])
                    && !t.sentence_start
                    && toks[i - 1].end + 1 >= t.start
                    && !(toks[i - 1].sentence_start && FUNCTION_WORDS.contains(&toks[i - 1].folded.as_str()));
                let cap_after = toks.get(i + k + 1).is_some_and(|n| n.capitalized && !coded(n) && n.start <= toks[i + k].end + 1);
                // big by its own name: "Ariel" is also a poetic name of Jerusalem, which makes no
                // city of "Ariel Morgan"
                let big = cands.iter().any(|c| !c.alternate && self.places[c.place as usize].population >= 100_000);
                // "Antonio Mason … Mason died": a surname or name part seen before stays one, but
                // "lived in Houston" after "Whitney Houston" is the city
                let locative = i > 0 && matches!(toks[i - 1].folded.as_str(), "in" | "at" | "near" | "from" | "to" | "outside" | "into" | "across");
                let in_name_run = k == 0 && !strong && !big && (cap_before || cap_after || (persons.contains(&t.folded) && !(locative && toks[i - 1].folded != "to")));
                // "Ivan Lopez", "Ivan A. Lopez", "Whitney Houston": after a given name (and an
                // initial), a lone town is a surname
                let given_at = |j: usize| {
                    last_end <= toks[j].start && toks[j].capitalized && &text[toks[j].end..toks[j + 1].start] == " " && GIVEN_NAMES.contains(toks[j].folded.as_str())
                };
                let initial_before = i > 1 && toks[i - 1].end - toks[i - 1].start == 1 && &text[toks[i - 1].end..t.start] == ". ";
                let after_given = k == 0 && i > 0 && (given_at(i - 1) || (initial_before && given_at(i - 2)));
                // "Jovanni Leon Vargas, 23,", "Cashaan Williams, 18,": a name followed by an
                // age is a person's
                let aged = person_with_age(text, &toks, i + k);
                // "Michael Brown" is no division called Michael, and "Robert Lee" no town in
                // Texas: a given name leading a capitalised run names a person, unless a country
                // or a city answers to it ("Jordan", "Victoria")
                let given_first = GIVEN_NAMES.contains(t.folded.as_str())
                    && !locative
                    && !big
                    && !cands.iter().any(|c| self.places[c.place as usize].kind == Kind::Country)
                    && (if k == 0 { cap_after } else { cands.iter().all(|c| self.places[c.place as usize].population < SMALL_NAMESAKE) });
                // "at Davis’ residence" after "Aaron Davis": a possessive surname is the person's
                // even after a locative
                let possessive = text[toks[i + k].end..].starts_with(['\'', '’']);
                let to = i > 0 && toks[i - 1].folded == "to";
                let known_surname = k == 0 && surnames.contains(&t.folded) && (!locative || possessive || to);
                // "Mecca Canty, 21, … Mecca Canty was also charged": the person again
                let aged_before = k == 0 && aged_names.contains(&t.folded) && (cap_before || cap_after) && (!locative || to);
                // "a 21 year old female, identified as Phoenix O'Dell": what follows "identified
                // as" or "named" is a person
                let before = text[..t.start].trim_end();
                let ends_with_words = |w: &str| before.strip_suffix(w).is_some_and(|rest| rest.is_empty() || rest.ends_with(' '));
                let named = ["identified as", "identified him as", "identified her as", "named", "nicknamed"].iter().any(|w| ends_with_words(w))
                    && !["town named", "city named", "village named", "county named", "place named"].iter().any(|w| ends_with_words(w));
                // "Police Chief Hassan Aden", "Chief Aden said", "Mayor Joe Hogsett": a title
                // makes the name a person's, however big a place shares it, and the article's
                // later bare "Aden said" too
                // (right before the name: "the minister, Slovenia's action" names no one)
                let title_at = |j: usize| TITLES.binary_search(&toks[j].folded.as_str()).is_ok() && matches!(&text[toks[j].end..toks[j + 1].start], " " | ". ");
                let titled = k == 0 && i > 0 && (title_at(i - 1) || (i > 1 && toks[i - 1].capitalized && !toks[i - 1].sentence_start && title_at(i - 2)));
                if titled {
                    titled_names.insert(t.folded.clone());
                }
                let titled_before = k == 0 && titled_names.contains(&t.folded) && !locative;
                // "BEDFORD, N.H.", "Hobart, Okla.": a state or country that has a place of the name
                // follows it (looked up once, for the two rules that read it)
                let state_after = (single_common || !cap_before)
                    && self.qualifying_countries(text, &toks, i + k).iter().any(|cc| cands.iter().any(|c| self.places[c.place as usize].country == *cc));
                // "Former Tucumcari football player … TUCUMCARI, N.M. (KRQE)": a name a state or
                // country that has such a place qualifies is that place, whatever capitalised
                // run it was seen in before (not "King, Jr.")
                let qualified_place = !cap_before && !text.get(toks[i + k].end..).is_some_and(|r| r.starts_with(", Jr") || r.starts_with(", Sr")) && state_after;
                // "Vicksburg Police continue to investigate", "Dickinson police responded": the
                // town's police, whatever capitalised run or surname the name is otherwise
                // (not "Metro Police", "Capitol Police", nor the end of "Miami-Dade Police")
                let before_office = |words: &[&str]| {
                    toks.get(i + k + 1).is_some_and(|n| words.contains(&n.folded.as_str()) && text.get(toks[i + k].end..n.start).is_some_and(|g| g == " "))
                        && !text[..t.start].ends_with('-')
                        && !(k == 0 && POLICE_KINDS.contains(&t.folded.as_str()))
                };
                let police = before_office(&["police", "sheriff", "pd"]);
                // likewise a town's public body opening a run ("the Venice Commission", not
                // "the Alcoholic Beverage Control Board"), when the name is not a word
                let office = !cap_before && !single_common && toks.get(i + k + 1).is_some_and(|n| n.capitalized) && before_office(OFFICES);
                let in_name_run = (in_name_run || after_given || given_first || known_surname || named || aged_before || titled || titled_before) && !qualified_place && !police && !office;
                // only a name's later part, or one a person's sign marks, is remembered as a
                // person's: the first word of "Immokalee TIGER Grant Event" or "The Allendale
                // Woman's Club" is the town the article goes on to name bare
                let leads_run_only = !cap_before && !(after_given || given_first || known_surname || named || aged_before || titled || titled_before);
                if in_name_run && (cap_before || cap_after || after_given) && !leads_run_only {
                    persons.insert(t.folded.clone());
                }
                if after_given {
                    surnames.insert(t.folded.clone());
                }
                let street = is_street(text, t.start, toks[i + k].end);
                // "(WANE) – Police said…", "(KTLA)": a broadcaster's call sign after the
                // dateline, not a town that shares the letters
                // nor is "FOX10 News | WALA" or "WALA-TV" in a page's title
                let word = &text[t.start..t.end];
                let upper = word.chars().all(|c| c.is_ascii_uppercase());
                let station = upper
                    && word.len() == 4
                    && word.starts_with(['K', 'W'])
                    && (text[..t.start].trim_end().ends_with('|') || ["-TV", "-DT", "-FM", "-AM"].iter().any(|s| text[t.end..].starts_with(s)));
                let call_sign = k == 0 && !strong && upper && ((text[..t.start].ends_with('(') && text[t.end..].starts_with(')')) || station);
                // "a white Pontiac", "a silver Tahoe": a car, not the town it is named after
                // (or "a Red Honda Civic": a capitalised colour before a make and its model)
                let painted = i > 0 && COLOURS.contains(&toks[i - 1].folded.as_str()) && (!toks[i - 1].capitalized || (cap_after && !toks[i - 1].sentence_start));
                // "a silver Chevy Tahoe": a make before a model
                let painted = painted || (i > 0 && toks[i - 1].capitalized && CAR_MAKES.contains(&toks[i - 1].folded.as_str()));
                let street = street || call_sign || painted;
                // "BEDFORD, N.H.": a common word is a place when a state or country that has
                // a place of that name qualifies it ("Police, Fla." is not Police, Poland)
                let qualified = single_common && state_after;
                if qualified {
                    qualified_common.insert(t.folded.clone());
                }
                // "a Hutchinson teen", "an Elmira man": a town told as where someone is from
                let from_town = k == 0 && i > 0 && matches!(toks[i - 1].folded.as_str(), "a" | "an") && {
                    let next = text[t.end..].strip_prefix(' ').unwrap_or("");
                    let word = next.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
                    RESIDENTS.contains(&word)
                };
                // "from Gloucester and Cheltenham", "in Dundalk, Navan or Bath": the next item of
                // a list whose last item was taken as a place is read as one after a locative
                let listed_after_place = out.last().is_some_and(|prev: &NameMatch| {
                    prev.end <= t.start && matches!(&text[prev.end..t.start], " and " | " or " | ", " | ", and " | ", or ")
                });
                // "a shooting in Wilmington", "near Akron": capitalised mid-sentence after a
                // locative, a common word is a name; and once "Wilmington, Delaware" has
                // qualified it, the article's later "Wilmington police" is the same town
                let keep_common = (strong && !t.sentence_start)
                    || qualified
                    || (single_common && k == 0 && police)
                    || (single_common && from_town)
                    || (single_common && k == 0 && qualified_common.contains(&t.folded))
                    || (single_common && k == 0 && (locative || listed_after_place) && !t.sentence_start && !cap_after && !INSTITUTIONS.contains(&t.folded.as_str()));
                if aged {
                    for w in &toks[i..=i + k] {
                        persons.insert(w.folded.clone());
                        aged_names.insert(w.folded.clone());
                    }
                }
                if !never && !in_name_run && !street && !aged && (!single_common || keep_common) {
                    out.push(NameMatch { start: t.start, end: toks[i + k].end, candidates: cands.to_vec() });
                    last_end = toks[i + k].end;
                    i += k + 1;
                    continue;
                }
            } else if t.capitalized && toks.get(i + 1).is_some_and(|n| n.capitalized) && !t.sentence_start {
                // remember both words of an unknown capitalised pair as a possible name
                persons.insert(t.folded.clone());
            }
            i += 1;
        }
        out
    }
}

#[cfg(test)]
mod tests;
