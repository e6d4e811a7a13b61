//! Merging event mentions into events and reading the events back: the same statements for
//! every backend.

use std::collections::{HashMap, HashSet};

use sitrep_model::{Event, MentionRecord};

use crate::articles::prefix_pattern;
use crate::leads::{Idf, LeadCache, cosine_sorted};
use crate::sql::{Sql, Value, args, insert_many, placeholder_groups, query_in};
use crate::{MergeSettings, Result, StoreError};

/// How many candidate events are read for one mention (the date window normally holds far fewer).
const MAX_CANDIDATES: usize = 200;
/// Half-size in degrees of latitude of the box around a town-level mention in which
/// candidate events are looked for (about 55 km; twice that in longitude).
const BOX_DEG: f64 = 0.5;
/// Names of one report looked up for candidates (the first ones: the lead's people).
const MAX_NAMES: usize = 8;
/// Events spanning more days than this are "wide" (seasons, years), a span class of their own
/// (see `span_class`).
const WIDE_DAYS: u64 = 31;
/// Events spanning at most this many days (nearly all: a day's) are looked up by a window
/// of their own, a few days wide.
const DAY_SPAN: u64 = 1;
/// Events with this many articles take no more reports on the strength of their words alone:
/// lexical links chain (templated roundups, one outlet's boilerplate), and a story told this
/// widely is reported with dates and places that let the facts decide.
const MAX_STORY_ARTICLES: usize = 64;
/// Posted words a lead must share with a report's to be compared with it: leads of one story
/// share several of their most distinctive words, a lead that shares one is rarely similar
/// enough (B³ F1 on the dev incidents is the same as comparing every lead that shares one).
const MIN_SHARED_POSTINGS: u32 = 2;
/// Posted words a report and one published more than
/// [`sitrep_merge::lexical::NEAR_STORY_DAYS`] days apart share at least to be compared.
const MIN_SHARED_POSTINGS_FAR: u32 = 3;
/// Leads read per posted word of a report (a word in many leads of the same days says little).
const MAX_POSTINGS: i64 = 100;
/// Of a report's posted words, the most distinctive that look for leads published further
/// than [`sitrep_merge::lexical::NEAR_STORY_DAYS`] days away, and the leads read per word
/// there. Measured with callgrind, 2,000 articles into a 20,000-article bench database,
/// against a build reading only the days around (and extracting 3.5% faster): every posted
/// word, 100 leads each, over the whole window +11% instructions; all twenty words, 25
/// leads, +13%; twelve, +9%; eight, +7% (and dev B³ 0.9292 -> 0.9288).
const FAR_POSTED_TERMS: usize = 12;
/// (See [`FAR_POSTED_TERMS`].)
const FAR_POSTINGS: i64 = 25;
/// Articles merged before the planner's statistics are first refreshed (see
/// `Sql::refresh_statistics`).
const STATISTICS_FIRST: usize = 64;

/// The cell of one degree of latitude by two of longitude a point lies in, as a number: the
/// key by which a town's events are found near a report's town (see `candidates`). A box of
/// [`BOX_DEG`] around a town lies in at most four cells.
fn cell(lat: f64, lon: f64) -> i64 {
    (lat + 90.0).floor() as i64 * 1000 + ((lon + 180.0) / 2.0).floor() as i64
}

/// The cells a box from `(lat0, lon0)` to `(lat1, lon1)` overlaps, each once.
fn cells(lat0: f64, lat1: f64, lon0: f64, lon1: f64) -> Vec<i64> {
    let mut out: Vec<i64> = [(lat0, lon0), (lat0, lon1), (lat1, lon0), (lat1, lon1)].iter().map(|&(a, b)| cell(a, b)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn parse_profiles(rows: &[String]) -> Vec<sitrep_merge::Profile> {
    rows.iter().filter_map(|j| serde_json::from_str(j).ok()).collect()
}

/// Merges a batch of mention records into events (inside the caller's transaction). Each
/// article's mentions are first grouped into the events it tells
/// (`sitrep_merge::within_article`); each group, combined into one report, joins the best
/// candidate event (found through indexes by `candidates`) or founds a new one, and the event
/// is rebuilt from all its mentions. Mentions already stored (same article and position) are
/// skipped, so re-ingesting changes nothing. Returns how many events were founded.
pub(crate) fn merge_mentions(db: &mut dyn Sql, cache: &mut LeadCache, records: &[MentionRecord], settings: MergeSettings) -> Result<usize> {
    let mut founded: usize = 0;
    // mentions already stored (same article and position) were merged before
    let mut articles: Vec<Value> = records.iter().map(|m| Value::from(m.article.as_str())).collect();
    articles.dedup();
    let mut stored: HashSet<(String, i64)> = HashSet::new();
    for mut r in query_in(db, "SELECT article, ordinal FROM mentions WHERE article IN (%)", &articles)? {
        stored.insert((r.text(0)?, r.int(1)?));
    }
    let fresh: Vec<MentionRecord> = records.iter().filter(|m| !stored.contains(&(m.article.clone(), m.ordinal as i64))).cloned().collect();
    let mut idf = Idf::new(db, cache)?;
    // the planner's statistics, refreshed as the tables grow within this call, while it more
    // than doubles them: after 64 articles (or as many as there are events already), then
    // each time their number doubles (between calls, a server's own analysis keeps up)
    let mut refresh_at = STATISTICS_FIRST.max(db.count("SELECT COUNT(*) FROM events", &[])? as usize);
    // one article at a time: its mentions of one event are merged as one report
    for (done, article) in fresh.chunk_by(|a, b| a.article == b.article).enumerate() {
        if done == refresh_at {
            db.refresh_statistics()?;
            refresh_at *= 2;
        }
        let clusters = sitrep_merge::within_article(article);
        // the article's story, once read
        let mut article_story: Option<String> = None;
        // the event the article tells most about, in sentences (the first on a tie: its lead)
        let main = clusters.iter().enumerate().max_by(|(i, a), (j, b)| a.1.evidence.len().cmp(&b.1.evidence.len()).then(j.cmp(i))).map(|(i, _)| i);
        for (k, (cluster, m)) in clusters.into_iter().enumerate() {
            let mut found = candidates(db, &m)?;
            // a demonstration meets those of the other kind too (a protest another report
            // tells as the riot it became: see `sitrep_merge::score`)
            let other = match m.event_type.as_str() {
                "Protests" => Some("Riots"),
                "Riots" => Some("Protests"),
                _ => None,
            };
            if let Some(other) = other {
                let as_other = MentionRecord { event_type: other.to_string(), ..m.clone() };
                found.extend(candidates(db, &as_other)?);
            }
            let typed = sitrep_merge::best(&m, &found, settings.join_threshold).map(|e| (e.event.id.clone(), e.event.articles.len()));
            let mut story = match Some(k) == main && settings.story_threshold <= 1.0 {
                true => story_events(db, &mut idf, &m, settings.story_threshold)?.into_iter(),
                false => Vec::new().into_iter(),
            };
            let (event, mut size, mut new) = match typed.or_else(|| story.next()) {
                Some((e, n)) => (e, n, false),
                None => {
                    founded += 1;
                    (sitrep_merge::event_id(&m), 0, true)
                }
            };
            // the report's facts and its story lead to several events: they are one
            for (other, n) in story.filter(|s| s.0 != event) {
                if size + n <= MAX_STORY_ARTICLES {
                    absorb(db, &event, &other)?;
                    founded = founded.saturating_sub(1);
                    size += n;
                    new = false;
                }
            }
            let mut rows: Vec<Value> = Vec::with_capacity(cluster.len() * 4);
            for member in cluster.iter().map(|&i| &article[i]) {
                let json = serde_json::to_string(member).map_err(|e| StoreError::Corrupt { id: member.article.clone(), reason: e.to_string() })?;
                rows.extend([member.article.as_str().into(), (member.ordinal as i64).into(), event.as_str().into(), json.into()]);
            }
            insert_many(db, "INSERT INTO mentions (article, ordinal, event, json)", "", 4, &rows)?;
            if new {
                // an event this report founds has no mentions but the report's: they need not
                // be read back (nor their JSON parsed) to build it
                let mut members: Vec<MentionRecord> = cluster.iter().map(|&i| article[i].clone()).collect();
                members.sort_by_key(|m| m.ordinal);
                let article_id = members.first().map(|m| m.article.clone()).unwrap_or_default();
                let story = match &article_story {
                    Some(s) => s.clone(),
                    None => db.texts("SELECT story FROM articles WHERE id = ?1", args![article_id.as_str()])?.pop().unwrap_or_else(|| article_id.clone()),
                };
                article_story = Some(story.clone());
                store_event(db, &event, &members, &HashMap::from([(article_id, story)]))?;
            } else {
                rebuild_event(db, &event)?;
            }
        }
    }
    Ok(founded)
}

/// Makes event `from` part of event `into`: its mentions and names move over and the
/// record is rebuilt (by the caller, once the report that linked them is stored).
fn absorb(db: &mut dyn Sql, into: &str, from: &str) -> Result<()> {
    db.execute("UPDATE mentions SET event = ?1 WHERE event = ?2", args![into, from])?;
    db.execute(
        "INSERT INTO event_names (name, event) SELECT name, CAST(?1 AS TEXT) FROM event_names WHERE event = ?2 ON CONFLICT DO NOTHING",
        args![into, from],
    )?;
    db.execute("DELETE FROM event_names WHERE event = ?1", args![from])?;
    db.execute("DELETE FROM events WHERE id = ?1", args![from])?;
    Ok(())
}

/// The events other outlets' reports of the same story tell most about, most similar
/// first: the articles published within [`sitrep_merge::lexical::STORY_DAYS`] days whose
/// lead is at least `threshold` similar (more when published more than
/// [`sitrep_merge::lexical::NEAR_STORY_DAYS`] apart; TF-IDF cosine, found through the
/// postings of this lead's most distinctive words) and that are already merged, unless their
/// event is placed in another country or already reported by [`MAX_STORY_ARTICLES`] articles;
/// none for a report with neither date nor place. This is how reports whose dates or
/// places were read differently (the day of the shooting or of the arrest, the town or
/// the county) still meet: news leads of one story share names, streets and wording that
/// leads of different stories do not. The dates read from the texts are therefore not
/// compared; the publication window bounds them.
fn story_events(db: &mut dyn Sql, idf: &mut Idf, m: &MentionRecord, threshold: f64) -> Result<Vec<(String, usize)>> {
    // a report with neither date nor place tells too little to be sure of its event (a place
    // the article stands in for the sentences' does not count). Linking such reports too
    // gained dev B3 0.9236 -> 0.9243, but pages alike and about nothing (a site's paywall, its
    // boilerplate) then all looked for their story: ten times the time of an ingest of
    // templated texts (the killed-ingest test, 22 s -> 220 s)
    let location = m.location.as_ref().filter(|l| l.is_told());
    if m.date.is_none() && location.is_none() {
        return Ok(Vec::new());
    }
    let lead = db.one("SELECT l.article, l.day FROM leads l JOIN articles a ON a.n = l.article WHERE a.id = ?1", args![m.article.as_str()])?;
    let Some(lead) = lead else { return Ok(Vec::new()) };
    let (n, day) = (lead.int(0)?, lead.int(1)?);
    let bag = idf.bag(db, n)?;
    let v = idf.vector(db, &bag)?;
    let (near, far) = (sitrep_merge::lexical::NEAR_STORY_DAYS, sitrep_merge::lexical::STORY_DAYS);
    // leads sharing at least two of this lead's most distinctive words are compared: those of
    // the days around it through every posted word; those of the days further on, which must
    // share three, through the most distinctive few (the days around keep their postings
    // however many the further days hold)
    let words = idf.posted(&v);
    let mut found = idf.postings(db, &words, &[(day - near, day + near)], MAX_POSTINGS)?;
    let far_words = &words[..words.len().min(FAR_POSTED_TERMS)];
    found.extend(idf.postings(db, far_words, &[(day - far, day - near - 1), (day + near + 1, day + far)], FAR_POSTINGS)?);
    // (article, its lead's day) of each posting read, sorted: an article's run is how many
    // of the words it shares (a thousand rows a report late in a large ingest, which two
    // hash maps had counted at a tenth of the merge's own time)
    found.sort_unstable();
    let further = |d: i64| (d - day).abs() > near;
    let shared: Vec<(i64, i64)> = found
        .chunk_by(|a, b| a.0 == b.0)
        .map(|run| (run[0], run.len() as u32))
        .filter(|&((o, d), k)| o != n && k >= if further(d) { MIN_SHARED_POSTINGS_FAR } else { MIN_SHARED_POSTINGS })
        .map(|(o, _)| o)
        .collect();
    let ids: Vec<i64> = shared.iter().map(|o| o.0).collect();
    let mut similar: Vec<(f64, i64)> = Vec::new();
    let mut probe = v;
    probe.sort_unstable_by_key(|x| x.0);
    for (&(other, d), stored) in shared.iter().zip(idf.stored_vectors(db, &ids)?) {
        let c = cosine_sorted(&probe, stored);
        let needed = if further(d) { threshold + sitrep_merge::lexical::FAR_STORY_EXTRA } else { threshold };
        if c >= needed {
            similar.push((c, other));
        }
    }
    similar.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let country = location.and_then(|l| l.country.as_deref());
    let mut events: Vec<(String, usize)> = Vec::new();
    for (_, other) in similar {
        let Some(event) = main_event(db, other)? else { continue };
        let summary = db.texts("SELECT summary FROM events WHERE id = ?1", args![event.as_str()])?;
        let Some(p) = parse_profiles(&summary).pop() else { continue };
        let elsewhere = match (country, p.event.location.as_ref().and_then(|l| l.country.as_deref())) {
            (Some(a), Some(b)) => a != b,
            _ => false,
        };
        let crowded = p.event.articles.len() >= MAX_STORY_ARTICLES;
        if !elsewhere && !crowded && !events.iter().any(|e| e.0 == event) {
            events.push((event, p.event.articles.len()));
        }
    }
    Ok(events)
}

/// The event article number `n` tells most about, as `merge_mentions` chose its main report:
/// the one its stored mentions give the most evidence sentences, the first told on a tie.
/// Counting mentions instead would take an article's background ("last month, an air strike
/// near Damascus"; "in May, warplanes targeted two positions"), told in two short mentions,
/// for its main event, told in one mention of four sentences, and the next outlet's report
/// of the main event would fold the background into it.
fn main_event(db: &mut dyn Sql, n: i64) -> Result<Option<String>> {
    let rows = db.query(
        "SELECT event, json FROM mentions WHERE article = (SELECT id FROM articles WHERE n = ?1) ORDER BY ordinal",
        args![n],
    )?;
    // only the evidence is counted: the rest of each record is skipped, not built
    #[derive(serde::Deserialize)]
    struct Told {
        evidence: Vec<serde::de::IgnoredAny>,
    }
    // (event, sentences), in the order first told
    let mut told: Vec<(String, usize)> = Vec::new();
    for mut r in rows {
        let (event, json) = (r.text(0)?, r.text(1)?);
        let m: Told = serde_json::from_str(&json).map_err(|e| StoreError::Corrupt { id: event.clone(), reason: e.to_string() })?;
        match told.iter_mut().find(|t| t.0 == event) {
            Some(t) => t.1 += m.evidence.len(),
            None => told.push((event, m.evidence.len())),
        }
    }
    // max_by keeps the last of equals: compare so that the earlier wins a tie
    Ok(told.into_iter().enumerate().max_by(|(i, a), (j, b)| a.1.cmp(&b.1).then(j.cmp(i))).map(|(_, t)| t.0))
}

/// Blocking: the events a report could reach the join threshold with (see
/// `sitrep_merge::score`), read through indexes instead of scanning. They are the events
/// naming the same people (whatever their date: the score rejects conflicting ones), and
/// for a dated report the events of its type in its date window (a day either side) that
/// are towns in a box around its town, or placed no finer than its country (a town in its
/// country too when it names a perpetrator, who can lift a country-level match); a report
/// placed only by its article meets the events of that very town when it counts its dead or
/// wounded, and those around it when it names people or counts both. A report of a day told
/// in a town that counts its dead or wounded also meets the undated events of that town
/// first reported in the days after its day; an undated one told in a town, the events there
/// of the days before it was published. A report with a mass shooting's toll told in a town
/// meets that town's day events of the 60 days around. Other undated or placeless reports
/// meet events only through the people they name.
fn candidates(db: &mut dyn Sql, m: &MentionRecord) -> Result<Vec<sitrep_merge::Profile>> {
    let mut rows: Vec<String> = Vec::new();
    let mut push = |found: Vec<String>| {
        for r in found {
            if !rows.contains(&r) {
                rows.push(r);
            }
        }
    };
    // the events naming any of the first names, in one statement (an event naming two of
    // them comes twice; `push` keeps it once)
    let names: Vec<&String> = m.names.iter().take(MAX_NAMES).collect();
    if !names.is_empty() {
        let k = names.len();
        let sql = format!(
            // CROSS JOIN: SQLite would otherwise walk the events of the type and probe names
            "SELECT e.summary FROM event_names n CROSS JOIN events e WHERE n.name IN {} AND e.id = n.event AND e.type = ?{} LIMIT ?{}",
            placeholder_groups(1, k),
            k + 1,
            k + 2
        );
        let mut values: Vec<Value> = names.iter().map(|n| Value::from(*n)).collect();
        values.extend([Value::from(m.event_type.as_str()), Value::from((MAX_CANDIDATES * k) as i64)]);
        push(db.texts(&sql, &values)?);
    }
    // a mass shooting's toll told in a town meets that town's events of the weeks around (see
    // sitrep_merge::score: the same toll there joins them, whatever the days told); such
    // reports are few, and a town's day events of two months are read by its point through the
    // window's covering index (without the span class, it was read by type alone: a scan of
    // the type's events for each such report, 4% of a 100,000-article ingest)
    if let Some(l) = m.location.as_ref().filter(|l| l.is_told() && found_by_point(l) && sitrep_merge::counts_mass(m))
        && let Some(day) = m.date.as_ref().map(|d| d.start).or(m.published)
    {
        let days = chrono::Days::new(sitrep_merge::MASS_DAYS);
        push(db.texts(
            "SELECT summary FROM events WHERE type = ?1 AND span = 0 AND cell = ?7 AND date_start BETWEEN ?4 AND ?5 AND lat = ?2 AND lon = ?3 LIMIT ?6",
            args![m.event_type.as_str(), l.lat, l.lon, (day - days).to_string(), (day + days).to_string(), MAX_CANDIDATES as i64, cell(l.lat, l.lon)],
        )?);
    }
    // an undated report tells of the days before it was published: counting its dead or its
    // wounded, it meets the events there at its very town (see sitrep_merge::score for what
    // it takes to join one; measured on the dev incidents, with the undated events a dated
    // report meets below: B3 0.9225 -> 0.9234, date 0.838 -> 0.840, precision unchanged;
    // callgrind, 2,000 articles into a 20,000-article bench database: +0.2% instructions)
    let (from, to) = match (&m.date, m.published) {
        // a day on either side: adjacent days may still be one event (see sitrep_merge::score)
        (Some(d), _) => (d.start - chrono::Days::new(1), d.end + chrono::Days::new(1)),
        (None, Some(p)) if counts_any(m) && m.location.as_ref().is_some_and(|l| l.is_told() && found_by_point(l)) => (p - chrono::Days::new(sitrep_merge::UNDATED_DAYS), p),
        _ => return Ok(parse_profiles(&rows)),
    };
    // the events overlapping [from, to]: of each span class, those starting late enough to
    // reach it
    let window = |place: &str| {
        format!(
            "SELECT summary FROM events WHERE type = ?1 AND span = 0 AND date_start BETWEEN ?2 AND ?4 AND date_end >= ?3 AND {place}
             UNION ALL
             SELECT summary FROM events WHERE type = ?1 AND span = 1 AND date_start BETWEEN ?5 AND ?4 AND date_end >= ?3 AND {place}
             UNION ALL
             SELECT summary FROM events WHERE type = ?1 AND span = 2 AND date_end >= ?3 AND date_start <= ?4 AND {place}
             LIMIT {MAX_CANDIDATES}"
        )
    };
    let day_from = from - chrono::Days::new(DAY_SPAN);
    let month_from = from - chrono::Days::new(WIDE_DAYS);
    let dates: [Value; 5] =
        [m.event_type.as_str().into(), day_from.to_string().into(), from.to_string().into(), to.to_string().into(), month_from.to_string().into()];
    let with = |extra: &[Value]| -> Vec<Value> { dates.iter().chain(extra).cloned().collect() };
    let perpetrators = m.actors.iter().any(|a| a.role == "perpetrator");
    // a town the article stands in for the sentences' finds the events around it too when the
    // report counts its dead and wounded or names people: the place does not join them, the
    // same day and figures or people may (see sitrep_merge::score; the people named may be
    // spelt otherwise than the event's, "Isaak" and "Izaak Bridges", which the lookup by name
    // misses; measured on the dev incidents: B3 0.9183 -> 0.9189)
    let location = m.location.as_ref().filter(|l| l.is_told());
    let country = location.and_then(|l| l.country.clone());
    // a town's or a county's events lie close by (a county's point is among its towns)
    if let Some(l) = m.location.as_ref().filter(|l| found_by_point(l) && (l.is_told() || m.date.is_some() && (counts_both(m) || !m.names.is_empty()))) {
        let (lat0, lat1, lon0, lon1) = (l.lat - BOX_DEG, l.lat + BOX_DEG, l.lon - BOX_DEG * 2.0, l.lon + BOX_DEG * 2.0);
        let cells = cells(lat0, lat1, lon0, lon1);
        let mut boxed: Vec<Value> = [lat0, lat1, lon0, lon1].map(Value::from).to_vec();
        boxed.extend(cells.iter().map(|&c| Value::from(c)));
        let listed: Vec<String> = (0..cells.len()).map(|i| format!("?{}", 10 + i)).collect();
        push(db.texts(&window(&format!("cell IN ({}) AND lat BETWEEN ?6 AND ?7 AND lon BETWEEN ?8 AND ?9", listed.join(", "))), &with(&boxed))?);
        if let Some(cc) = country.filter(|_| perpetrators) {
            push(db.texts(&window("lat IS NULL AND country = ?6"), &with(&[cc.into()]))?);
        }
        // the undated events of the very town, reported in the days after this one's day
        // (see sitrep_merge::score: the town and one figure in common join them)
        if let Some(d) = m.date.as_ref().filter(|d| d.precision == "day" && l.is_told() && counts_any(m)) {
            let last = d.end + chrono::Days::new(sitrep_merge::UNDATED_DAYS);
            push(db.texts(
                "SELECT summary FROM events WHERE type = ?1 AND date_start IS NULL AND lat = ?2 AND lon = ?3 AND reported BETWEEN ?4 AND ?5",
                args![m.event_type.as_str(), l.lat, l.lon, d.start.to_string(), last.to_string()],
            )?);
        }
    } else if let Some(l) = m.location.as_ref().filter(|l| found_by_point(l) && m.date.is_some() && counts_any(m)) {
        // a report that counts its dead or its wounded meets the same day's events of the very
        // town its article stands in, where the day, the place and the figure may join it,
        // whichever of two such reports is ingested first (a report told in the town finds the
        // other's event by its box); measured on the dev incidents: B3 0.9196 -> 0.9203, killed
        // 0.875 -> 0.876; callgrind, 2,000 articles into a 75,000-article bench database: 0.3%
        // more instructions (10.8% when every report placed by its article looked)
        push(db.texts(&window("cell = ?8 AND lat = ?6 AND lon = ?7"), &with(&[l.lat.into(), l.lon.into(), cell(l.lat, l.lon).into()]))?);
    } else if let Some(cc) = country {
        let place = if perpetrators { "country = ?6" } else { "lat IS NULL AND country = ?6" };
        push(db.texts(&window(place), &with(&[cc.into()]))?);
    }
    Ok(parse_profiles(&rows))
}

/// Whether a report counts both its dead and its wounded: only then can it join an event with
/// its date or its town missing or standing in (see `sitrep_merge::score`), so only then is it
/// worth looking for one there (measured: looking for every such report cost 13% of a
/// 100,000-article ingest for 0.0007 of B³ F1).
fn counts_both(m: &MentionRecord) -> bool {
    m.fatalities.text.is_some() && m.injured.text.is_some()
}

/// Whether a report counts its dead or its wounded.
fn counts_any(m: &MentionRecord) -> bool {
    m.fatalities.text.is_some() || m.injured.text.is_some()
}

/// Whether events placed at `l` are stored with its point and found by it (towns, sites and
/// counties; coarser places are found by country): `candidates` and `rebuild_event` agree
/// through this.
fn found_by_point(l: &sitrep_model::Location) -> bool {
    matches!(l.kind.as_str(), "town" | "site" | "admin2")
}

/// The span class stored with an event (the `span` column): 0 for a day or two, 1 up to
/// [`WIDE_DAYS`], 2 beyond. Each class is read with a window as wide as its events: a
/// report's candidates among the day events are those starting within a few days of it.
fn span_class(d: &sitrep_model::DateRange) -> i64 {
    match (d.end - d.start).num_days() {
        n if n > WIDE_DAYS as i64 => 2,
        n if n > DAY_SPAN as i64 => 1,
        _ => 0,
    }
}

/// Recomputes an event's record from all its mentions (oldest report first) and stores it
/// with the small summary the merge compares new reports with.
pub(crate) fn rebuild_event(db: &mut dyn Sql, id: &str) -> Result<()> {
    let rows = db.query(
        "SELECT m.json, a.story FROM mentions m LEFT JOIN articles a ON a.id = m.article WHERE m.event = ?1
         ORDER BY a.published IS NOT NULL, a.published, a.n, m.ordinal",
        args![id],
    )?;
    let mut mentions: Vec<MentionRecord> = Vec::with_capacity(rows.len());
    let mut stories: HashMap<String, String> = HashMap::new();
    for mut r in rows {
        let Ok(m) = serde_json::from_str::<MentionRecord>(&r.text(0)?) else { continue };
        // an article not stored (mentions merged on their own) is its own story
        let story = match r.0.get(1) {
            Some(Value::Text(s)) => s.clone(),
            _ => m.article.clone(),
        };
        stories.entry(m.article.clone()).or_insert(story);
        mentions.push(m);
    }
    store_event(db, id, &mentions, &stories)
}

/// Stores the record of event `id` built from `mentions` (oldest report first), whose
/// articles belong to `stories` (an article missing there is its own story).
fn store_event(db: &mut dyn Sql, id: &str, mentions: &[MentionRecord], stories: &HashMap<String, String>) -> Result<()> {
    let profile = sitrep_merge::profile(id, mentions, |a| stories.get(a).cloned().unwrap_or_else(|| a.to_string()));
    let e = &profile.event;
    let corrupt = |err: serde_json::Error| StoreError::Corrupt { id: id.to_string(), reason: err.to_string() };
    let json = serde_json::to_string(e).map_err(corrupt)?;
    // what merging needs, without the evidence sentences and quotes
    // (sitrep_merge::score reads type, subtype, articles, date, place, perpetrators, names,
    // figures)
    let mut small = profile.clone();
    small.event.mentions.clear();
    small.event.targets.clear();
    // the figures without their words: whether a report counts the same victims
    for c in [&mut small.event.fatalities, &mut small.event.injured] {
        if c.text.is_some() {
            c.text = Some(String::new());
        }
    }
    small.event.actors.retain(|a| a.role == "perpetrator");
    for a in &mut small.event.actors {
        a.claims.clear();
    }
    let summary = serde_json::to_string(&small).map_err(corrupt)?;
    let names: Vec<Value> = profile.names.iter().flat_map(|n| [Value::from(n), Value::from(id)]).collect();
    insert_many(db, "INSERT INTO event_names (name, event)", "ON CONFLICT DO NOTHING", 2, &names)?;
    let town = e.location.as_ref().filter(|l| found_by_point(l));
    db.execute(
        "INSERT INTO events (id, type, date_start, date_end, country, lat, lon, summary, json, span, reported, cell) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (id) DO UPDATE SET type = excluded.type, date_start = excluded.date_start, date_end = excluded.date_end,
         country = excluded.country, lat = excluded.lat, lon = excluded.lon, summary = excluded.summary, json = excluded.json,
         span = excluded.span, reported = excluded.reported, cell = excluded.cell",
        args![
            e.id.as_str(),
            e.event_type.as_str(),
            e.date.as_ref().map(|d| d.start.to_string()),
            e.date.as_ref().map(|d| d.end.to_string()),
            e.location.as_ref().and_then(|l| l.country.clone()),
            town.map(|l| l.lat),
            town.map(|l| l.lon),
            summary,
            json,
            e.date.as_ref().map_or(0, span_class),
            e.first_reported.map(|d| d.to_string()),
            town.map(|l| cell(l.lat, l.lon)),
        ],
    )?;
    Ok(())
}

/// All events, oldest first (undated last).
pub(crate) fn events(db: &mut dyn Sql) -> Result<Vec<Event>> {
    let rows = db.texts("SELECT json FROM events ORDER BY date_start IS NULL, date_start, id", &[])?;
    Ok(rows.iter().filter_map(|j| serde_json::from_str(j).ok()).collect())
}

/// One event by id or unambiguous prefix.
pub(crate) fn event(db: &mut dyn Sql, id: &str) -> Result<Option<Event>> {
    let rows = db.texts("SELECT json FROM events WHERE id = ?1 OR id LIKE ?2 ESCAPE '\\' LIMIT 2", args![id, prefix_pattern(id)])?;
    let evs: Vec<Event> = rows.iter().filter_map(|j| serde_json::from_str(j).ok()).collect();
    Ok(match evs.len() {
        1 => evs.into_iter().next(),
        _ => evs.into_iter().find(|e| e.id == id),
    })
}
