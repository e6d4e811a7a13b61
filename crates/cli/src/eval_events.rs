//! `sitrep eval events`: does sitrep find one record per real incident, with its facts right?
//!
//! The articles are ingested into a private in-memory database exactly as `sitrep ingest`
//! would, then compared with gold article→incident links and gold incident attributes.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use serde_json::json;
use sitrep_model::Event;
use sitrep_read::ReadOptions;
use sitrep_store::{MergeSettings, SqliteStore, Store};

#[derive(Args)]
pub struct EventsArgs {
    /// Articles JSONL ({id, url, outlet, published, title, text}).
    #[arg(long)]
    data: PathBuf,
    /// Gold links JSONL ({article_id, event_id}).
    #[arg(long)]
    gold: PathBuf,
    /// Gold incidents JSONL ({event_id, date, lat, lon, killed, injured}).
    #[arg(long)]
    events: PathBuf,
    /// Write one JSON line per article (gold incident, predicted event and its record) here.
    #[arg(long)]
    dump: Option<PathBuf>,
    /// Score a report needs to join an event (to calibrate; default: sitrep's own).
    #[arg(long, default_value_t = sitrep_merge::JOIN_THRESHOLD)]
    join_threshold: f64,
    /// Lead similarity at which a report joins the event of another outlet's report of the
    /// same story (to calibrate; above 1 turns it off; default: sitrep's own).
    #[arg(long, default_value_t = sitrep_merge::lexical::SAME_STORY)]
    story_threshold: f64,
    /// Print up to this many errors of each kind after the metrics.
    #[arg(long, default_value_t = 0)]
    errors: usize,
    #[arg(long, value_enum, default_value = "table")]
    format: crate::Format,
}

/// A gold incident's attributes.
struct Incident {
    date: Option<chrono::NaiveDate>,
    point: Option<(f64, f64)>,
    killed: Option<u32>,
    injured: Option<u32>,
    label: String,
}

/// B³ precision and recall of a predicted clustering against a gold one (both: item → cluster).
pub fn b_cubed(pred: &[String], gold: &[String]) -> (f64, f64) {
    let n = pred.len();
    if n == 0 {
        return (0.0, 0.0);
    }
    let mut pred_size: HashMap<&str, f64> = HashMap::new();
    let mut gold_size: HashMap<&str, f64> = HashMap::new();
    let mut both: HashMap<(&str, &str), f64> = HashMap::new();
    for (p, g) in pred.iter().zip(gold) {
        *pred_size.entry(p).or_default() += 1.0;
        *gold_size.entry(g).or_default() += 1.0;
        *both.entry((p, g)).or_default() += 1.0;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for (p, g) in pred.iter().zip(gold) {
        let shared = both[&(p.as_str(), g.as_str())];
        precision += shared / pred_size[p.as_str()];
        recall += shared / gold_size[g.as_str()];
    }
    (precision / n as f64, recall / n as f64)
}

/// The single figure an event gives for a count: the highest any report gives (later reports
/// of a shooting add the victims who died in hospital), none reported meaning zero.
fn point(c: &sitrep_model::Count) -> u32 {
    c.max.or(c.min).unwrap_or(0)
}

pub fn run(a: EventsArgs) -> Result<()> {
    let mut gold_of: BTreeMap<String, String> = BTreeMap::new();
    for (art, ev) in crate::eval::read_gold_links(&a.gold)? {
        // an article citing several incidents is scored against the first it is linked to
        gold_of.entry(art).or_insert(ev);
    }
    let mut incidents: HashMap<String, Incident> = HashMap::new();
    for (i, v) in crate::eval::read_jsonl(&a.events)?.iter().enumerate() {
        let id = crate::eval::id_of(&v["event_id"]).with_context(|| format!("{}: line {}: no event_id", a.events.display(), i + 1))?;
        let count = |k: &str| v[k].as_u64().map(|n| n as u32);
        incidents.insert(
            id,
            Incident {
                date: v["date"].as_str().and_then(|d| d.parse().ok()),
                point: v["lat"].as_f64().zip(v["lon"].as_f64()),
                killed: count("killed"),
                injured: count("injured"),
                label: format!(
                    "{} {}, {}",
                    v["date"].as_str().unwrap_or("?"),
                    v["place"].as_str().unwrap_or("?"),
                    v["admin1"].as_str().unwrap_or("?")
                ),
            },
        );
    }

    let mut store = SqliteStore::in_memory()?;
    let settings = MergeSettings { join_threshold: a.join_threshold, story_threshold: a.story_threshold };
    let pb = indicatif::ProgressBar::hidden();
    let start = std::time::Instant::now();
    let summary = crate::ingest::ingest_into(&mut store, settings, std::slice::from_ref(&a.data), ReadOptions::default(), 2000, &pb, |_| {})?;
    let secs = start.elapsed().as_secs_f64();
    let stored_of: HashMap<String, String> = store.ext_ids()?.into_iter().collect();
    let events: HashMap<String, Event> = store.events()?.into_iter().map(|e| (e.id.clone(), e)).collect();
    // an article's event is the one it gives most sentences of evidence to, the earliest told
    // on a tie (an article leads with its main event)
    let mut event_of: HashMap<&str, (usize, std::cmp::Reverse<usize>, &str)> = HashMap::new();
    for e in events.values() {
        let mut per_article: HashMap<&str, (usize, usize)> = HashMap::new();
        for ev in &e.mentions {
            let x = per_article.entry(ev.article.as_str()).or_insert((0, usize::MAX));
            x.0 += 1;
            x.1 = x.1.min(ev.start);
        }
        for (art, (n, first)) in per_article {
            let cand = (n, std::cmp::Reverse(first), e.id.as_str());
            let best = event_of.entry(art).or_insert(cand);
            if cand > *best {
                *best = cand;
            }
        }
    }

    let mut pred = Vec::new();
    let mut gold = Vec::new();
    let mut without_event = 0;
    let mut by_incident: HashMap<&str, Vec<&str>> = HashMap::new();
    for (art, inc) in &gold_of {
        let predicted = stored_of.get(art).and_then(|s| event_of.get(s.as_str())).map(|(_, _, e)| *e);
        match predicted {
            Some(e) => {
                pred.push(e.to_string());
                by_incident.entry(inc).or_default().push(e);
            }
            None => {
                without_event += 1;
                pred.push(format!("alone:{art}"));
                by_incident.entry(inc).or_default();
            }
        }
        gold.push(inc.clone());
    }
    if let Some(path) = &a.dump {
        use std::io::Write;
        let mut w = std::io::BufWriter::new(std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?);
        for ((art, inc), p) in gold_of.iter().zip(&pred) {
            let line = json!({"article": art, "stored": stored_of.get(art), "gold": inc, "predicted": p, "event": events.get(p)});
            writeln!(w, "{line}")?;
        }
        w.flush()?;
    }
    let (p, r) = b_cubed(&pred, &gold);
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };

    // each gold incident meets the predicted event most of its articles went to
    let (mut matched, mut date_ok, mut located, mut loc_ok, mut killed_ok, mut injured_ok) = (0, 0, 0, 0, 0, 0);
    let mut errors: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut note = |kind: &'static str, line: String| {
        let v = errors.entry(kind).or_default();
        if v.len() < a.errors {
            v.push(line);
        }
    };
    let mut incident_ids: Vec<&&str> = by_incident.keys().collect();
    incident_ids.sort();
    for inc_id in incident_ids {
        let Some(inc) = incidents.get(*inc_id as &str) else { continue };
        let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
        for e in &by_incident[*inc_id] {
            *votes.entry(e).or_default() += 1;
        }
        let Some(ev) = votes.iter().max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0))).and_then(|(e, _)| events.get(*e)) else {
            note("missed", inc.label.clone());
            continue;
        };
        matched += 1;
        if votes.len() > 1 || votes.values().sum::<usize>() < by_incident[*inc_id].len() {
            let parts: Vec<String> = by_incident[*inc_id]
                .iter()
                .map(|e| match events.get(*e) {
                    Some(ev) => format!(
                        "{} {} {} {:?}",
                        ev.subtype,
                        ev.date.as_ref().map(|d| format!("{}..{} {}", d.start, d.end, d.precision)).unwrap_or("undated".into()),
                        ev.location.as_ref().map(|l| format!("{} ({})", l.name, l.kind)).unwrap_or("nowhere".into()),
                        ev.articles.len()
                    ),
                    None => "no event".into(),
                })
                .collect();
            let missing = by_incident[*inc_id].len() - votes.values().sum::<usize>();
            note("split", format!("{}: {} (+{missing} articles without event)", inc.label, parts.join(" | ")));
        }
        let day = ev.date.as_ref().filter(|d| d.precision == "day").map(|d| d.start);
        if day.is_some() && day == inc.date {
            date_ok += 1;
        } else {
            note("date", format!("{} -> {:?} [{}]", inc.label, ev.date, ev.id));
        }
        if let Some((lat, lon)) = inc.point {
            located += 1;
            match &ev.location {
                Some(l) if sitrep_model::haversine_km(lat, lon, l.lat, l.lon) <= 50.0 => loc_ok += 1,
                l => note("location", format!("{} -> {:?} [{}]", inc.label, l.as_ref().map(|l| (&l.name, &l.admin1, &l.country)), ev.id)),
            }
        }
        if inc.killed == Some(point(&ev.fatalities)) {
            killed_ok += 1;
        } else {
            note("killed", format!("{} gold {:?} -> {:?} [{}]", inc.label, inc.killed, ev.fatalities.text, ev.id));
        }
        if inc.injured == Some(point(&ev.injured)) {
            injured_ok += 1;
        } else {
            note("injured", format!("{} gold {:?} -> {:?} [{}]", inc.label, inc.injured, ev.injured.text, ev.id));
        }
    }
    let share = |n: usize, d: usize| n as f64 / d.max(1) as f64;
    let mut metrics = json!({
        "articles": gold.len(),
        "articles_without_event": without_event,
        "incidents": by_incident.len(),
        "predicted_events": events.len(),
        "b3_precision": p,
        "b3_recall": r,
        "b3_f1": f,
        "incidents_missed": share(by_incident.len() - matched, by_incident.len()),
        "date_accuracy": share(date_ok, matched),
        "location_acc50": share(loc_ok, located),
        "killed_accuracy": share(killed_ok, matched),
        "injured_accuracy": share(injured_ok, matched),
        "articles_per_second": summary.read as f64 / secs.max(1e-9),
    });
    errors.retain(|_, v| !v.is_empty());
    if a.format != crate::Format::Table && !errors.is_empty() {
        metrics["errors"] = json!(errors);
    }
    crate::eval::report(a.format, &metrics)?;
    if a.format == crate::Format::Table {
        for (kind, lines) in &errors {
            println!("\n{kind}:");
            for l in lines {
                println!("  {l}");
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::b_cubed;

    fn v(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn b_cubed_matches_hand_computed_values() {
        // gold {a,b,c} {d}; predicted {a,b} {c,d}
        let (p, r) = b_cubed(&v(&["x", "x", "y", "y"]), &v(&["1", "1", "1", "2"]));
        // precision: a 2/2, b 2/2, c 1/2, d 1/2 -> 0.75; recall: a 2/3, b 2/3, c 1/3, d 1/1 -> 2/3
        assert!((p - 0.75).abs() < 1e-9, "{p}");
        assert!((r - 2.0 / 3.0).abs() < 1e-9, "{r}");
        // all singletons: precision 1, recall = mean 1/|gold cluster|
        let (p, r) = b_cubed(&v(&["a", "b", "c", "d"]), &v(&["1", "1", "1", "2"]));
        assert_eq!(p, 1.0);
        assert!((r - (3.0 * (1.0 / 3.0) + 1.0) / 4.0).abs() < 1e-9);
    }
}
