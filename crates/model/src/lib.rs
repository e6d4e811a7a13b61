//! Shared types that flow between sitrep's pipeline stages.
//!
//! Every stage depends on this crate and on no later stage, so the types here are the only
//! vocabulary two stages share. They are plain data: no I/O, no behaviour beyond small helpers.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How a record's body must be interpreted; the clean stage chooses its extractor from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BodyKind {
    /// Running text, possibly damaged by a tokenizer or an entity-escaping scraper.
    Text,
    /// A whole HTML page (or fragment) whose main text still has to be found.
    Html,
}

/// Metadata that arrives with a record (from JSONL fields, WARC headers, feed items, a
/// sidecar file or command-line flags), before the page itself has been looked at.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceMeta {
    /// The identifier the input gave the record (a JSONL `id`, a WARC-Record-ID).
    pub ext_id: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// Publication date or date-time as the input wrote it; the clean stage parses it.
    pub published: Option<String>,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub language: Option<String>,
}

impl SourceMeta {
    /// Fills every field that is still empty from `other`, so that more specific metadata
    /// (the record's own) wins over batch-wide defaults.
    pub fn fill_from(&mut self, other: &SourceMeta) {
        fn fill(dst: &mut Option<String>, src: &Option<String>) {
            if dst.as_deref().is_none_or(|s| s.trim().is_empty()) {
                if let Some(v) = src {
                    if !v.trim().is_empty() {
                        *dst = Some(v.clone());
                    }
                }
            }
        }
        fill(&mut self.ext_id, &other.ext_id);
        fill(&mut self.url, &other.url);
        fill(&mut self.outlet, &other.outlet);
        fill(&mut self.published, &other.published);
        fill(&mut self.title, &other.title);
        fill(&mut self.byline, &other.byline);
        fill(&mut self.language, &other.language);
    }
}

/// Where a record came from, precise enough for a user to find it again in their files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The file path as given (or `-` for standard input).
    pub file: String,
    /// Position inside the file when it holds several records: `line 12`, `record 3`, `item 2`.
    pub locator: Option<String>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.locator {
            Some(loc) => write!(f, "{}: {}", self.file, loc),
            None => write!(f, "{}", self.file),
        }
    }
}

/// One record as read from the input, before any cleaning (serialisable: the queue carries
/// records from the machine that read them to the worker that ingests them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawRecord {
    pub origin: Origin,
    pub kind: BodyKind,
    pub body: String,
    pub meta: SourceMeta,
}

/// A news report after cleaning: the unit that dedup groups and later stages analyse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// `a_` followed by 16 hex digits of the hash of the normalized text: identical text
    /// always gets the same id, which is what makes re-ingesting idempotent.
    pub id: String,
    pub ext_id: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    /// The page's headline, without the site's name.
    pub title: Option<String>,
    /// The name the site gives itself in its page titles ("WAFB 9 News Baton Rouge,
    /// Louisiana"), kept apart from the headline: it names the outlet's home, not the story's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    pub byline: Option<String>,
    pub language: Option<String>,
    /// The cleaned article text: paragraphs separated by a blank line.
    pub text: String,
    /// `file: locator` of the record this article was first read from.
    pub origin: String,
}

impl Article {
    /// The key under which a copy of this report is remembered: the URL when there is one,
    /// otherwise the input's own id, otherwise the position in the input. Re-reading the same
    /// input produces the same keys, so nothing is added twice.
    pub fn source_key(&self) -> String {
        if let Some(u) = self.url.as_deref().filter(|u| !u.is_empty()) {
            return format!("url:{u}");
        }
        if let Some(id) = self.ext_id.as_deref().filter(|u| !u.is_empty()) {
            return format!("id:{id}");
        }
        format!("at:{}", self.origin)
    }
}

/// A problem with one input record: reported on one line and skipped, never fatal to the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordIssue {
    pub origin: Origin,
    pub reason: String,
}

impl std::fmt::Display for RecordIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.reason)
    }
}

impl std::error::Error for RecordIssue {}

/// A date or date range with the precision the text supports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// day, week, month, quarter, season, year, decade
    pub precision: String,
}

/// Where an event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    pub admin1: Option<String>,
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub geonameid: Option<u64>,
    /// "in", "near" (the text said near / close to / south of …), or "article" (the sentences
    /// that tell the event name no place; the nearest town or county the article names close
    /// by stands in: likely, but weaker evidence)
    pub precision: String,
    /// town, admin2, admin1, border, region, country, site
    pub kind: String,
    /// How far and which way from the named place the text puts the event ("150 miles
    /// northeast of Denver"): `lat`/`lon` are then that point, not the place's own, so that a
    /// map and a radius search put the event where the text says it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<Offset>,
    /// The street, building or grounds inside the place where the sentences put the event
    /// ("Royal Street", "the Radisson Blu Hotel"), as the text names it: no gazetteer
    /// holds such sites, so `lat`/`lon` stay the place's, but an analyst reads where in town.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
}

/// A distance and a compass direction from a named place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Offset {
    pub km: f64,
    /// north, northeast, east, … as the text says it
    pub direction: String,
}

/// Who says an actor took part, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// The source as the text names it; `None` when the outlet says it in its own voice.
    pub by: Option<String>,
    /// asserts, denies, declines to comment
    pub stance: String,
    pub article: String,
    pub quote: String,
}

/// An actor of an event with the claims about its part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRole {
    pub name: String,
    pub role: String,
    /// What sort of actor it is: "state", "military", "police", "armed_group",
    /// "international", or "generic" for the unnamed ("Unidentified armed group",
    /// "protesters", "militants"), who say who acted without telling one event from another
    /// (see ACLED's actor types). Absent in records stored before sitrep kept it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    pub claims: Vec<Claim>,
}

/// A target of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub name: String,
}

/// Casualty figures: the range over the reports, and the words of one of them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub min: Option<u32>,
    pub max: Option<u32>,
    pub text: Option<String>,
}

impl Location {
    /// Whether the sentences that tell the event name this place, rather than the article
    /// standing in for them (precision "article"): only a told place is evidence of which
    /// event a report tells.
    pub fn is_told(&self) -> bool {
        self.precision != "article"
    }

    /// How a reader would say where it is: "in Homs", "near Abu Kamal", "241 km northeast of
    /// Denver".
    pub fn describe(&self) -> String {
        let place = match &self.offset {
            Some(o) => format!("{:.0} km {} of {}", o.km, o.direction, self.name),
            None => format!("{} {}", self.precision, self.name),
        };
        match &self.site {
            Some(site) => format!("{place} ({site})"),
            None => place,
        }
    }

    /// The first-level division the place lies in, as "US/Tennessee", or its country ("SY")
    /// when it is placed no finer: what an outlet's reports are counted by to learn where the
    /// outlet is ([`OutletVote`]).
    pub fn division(&self) -> Option<String> {
        let cc = self.country.as_deref().filter(|c| !c.is_empty())?;
        Some(match self.admin1.as_deref().filter(|a| !a.is_empty()) {
            Some(a) => format!("{cc}/{a}"),
            None => cc.to_string(),
        })
    }
}

/// One article's vote on where its outlet is: the divisions ([`Location::division`]) its
/// event mentions are placed in, each once. A local outlet's articles mostly vote for the
/// state it serves, which then tells which of a name's towns its next story means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutletVote {
    pub outlet: String,
    pub divisions: Vec<String>,
}

impl OutletVote {
    /// The votes of the articles of `records` that have an outlet and a placed mention, in
    /// the order the articles first appear.
    pub fn of(records: &[MentionRecord]) -> Vec<OutletVote> {
        let mut votes: Vec<OutletVote> = Vec::new();
        let mut at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for r in records {
            let Some(outlet) = r.outlet.as_deref().filter(|o| !o.is_empty()) else { continue };
            let Some(d) = r.location.as_ref().and_then(Location::division) else { continue };
            let i = *at.entry(&r.article).or_insert_with(|| {
                votes.push(OutletVote { outlet: outlet.to_string(), divisions: Vec::new() });
                votes.len() - 1
            });
            if !votes[i].divisions.contains(&d) {
                votes[i].divisions.push(d);
            }
        }
        votes
    }
}

impl Count {
    /// No report gives this figure.
    pub fn is_empty(&self) -> bool {
        self.min.is_none() && self.max.is_none() && self.text.is_none()
    }
}

/// A sentence that reports an event, as evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub article: String,
    pub sentence: String,
    /// Byte offsets of the sentence in the article's cleaned text (in its headline when
    /// `headline` is set).
    pub start: usize,
    pub end: usize,
    /// The sentence is the article's headline: a body that tells no event (a page whose text
    /// is a weather box or a video list) still has its headline's. Omitted when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub headline: bool,
}

/// One event as one article reports it, with every field grounded and resolved: the unit
/// the merge stage works with and the store keeps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionRecord {
    pub article: String,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    /// Position of the mention in its article (0, 1, …): with `article`, its identity.
    pub ordinal: usize,
    #[serde(rename = "type")]
    pub event_type: String,
    pub subtype: String,
    pub cameo: Option<String>,
    pub modality: String,
    pub date: Option<DateRange>,
    pub location: Option<Location>,
    pub actors: Vec<ActorRole>,
    pub targets: Vec<Target>,
    pub fatalities: Count,
    pub injured: Count,
    /// People hit without a word on whether they lived ("seven people were shot"): where no
    /// report counts the wounded, they are these less the dead the reports count. Evidence
    /// for the event record, not part of it.
    #[serde(default, skip_serializing_if = "Count::is_empty")]
    pub hit: Count,
    pub evidence: Vec<Evidence>,
    /// People the article names in telling this event (victims, suspects, officials) as
    /// lowercase "given surname" keys: evidence for merging, not part of the event record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
}

/// The event record `sitrep events --format json` emits; its field names are a contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    #[serde(rename = "type")]
    pub event_type: String,
    pub subtype: String,
    pub cameo: Option<String>,
    pub date: Option<DateRange>,
    pub location: Option<Location>,
    pub actors: Vec<ActorRole>,
    pub targets: Vec<Target>,
    pub fatalities: Count,
    pub injured: Count,
    pub articles: Vec<String>,
    pub mentions: Vec<Evidence>,
    pub first_reported: Option<NaiveDate>,
    pub confidence: f64,
}

/// The Earth's mean radius: the one sphere [`destination`] and [`haversine_km`] agree on, so a
/// point moved "150 miles" away lies 150 miles away by the distance every stage measures.
const EARTH_RADIUS_KM: f64 = 6371.0;

/// The point `km` away from (`lat`, `lon`) (degrees) on the compass `bearing` (degrees
/// clockwise from north), on a sphere: where "150 miles northeast of Denver" is.
pub fn destination(lat: f64, lon: f64, km: f64, bearing: f64) -> (f64, f64) {
    let d = km / EARTH_RADIUS_KM;
    let (p1, l1, b) = (lat.to_radians(), lon.to_radians(), bearing.to_radians());
    let p2 = (p1.sin() * d.cos() + p1.cos() * d.sin() * b.cos()).asin();
    let l2 = l1 + (b.sin() * d.sin() * p1.cos()).atan2(d.cos() - p1.sin() * p2.sin());
    let lon2 = (l2.to_degrees() + 540.0) % 360.0 - 180.0;
    (p2.to_degrees(), lon2)
}

/// Great-circle distance in kilometres between two points (degrees): the one distance every
/// stage that compares places uses.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    EARTH_RADIUS_KM * 2.0 * a.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::{destination, haversine_km};

    #[test]
    fn destination_lies_at_the_distance_and_bearing_given() {
        // 150 miles (241 km) northeast of Denver: about Sterling, Colorado's way
        let (lat, lon) = destination(39.739, -104.985, 241.4, 45.0);
        assert!((haversine_km(39.739, -104.985, lat, lon) - 241.4).abs() < 0.5, "{lat} {lon}");
        assert!(lat > 41.0 && lat < 41.4 && lon > -103.0 && lon < -102.8, "{lat} {lon}");
        // due south keeps the longitude; across the antimeridian the longitude wraps
        let (lat, lon) = destination(10.0, 20.0, 111.2, 180.0);
        assert!((lat - 9.0).abs() < 0.01 && (lon - 20.0).abs() < 1e-9, "{lat} {lon}");
        let (_, lon) = destination(0.0, 179.9, 111.2, 90.0);
        assert!(lon < -179.0, "{lon}");
    }
}
