//! `sitrep events` and `sitrep event`: the event records, filtered and exported.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};
use serde_json::json;
use sitrep_model::Event;
use sitrep_store::Store;

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum EventFormat {
    Table,
    Json,
    Jsonl,
    Csv,
    Geojson,
}

#[derive(Args)]
pub struct EventsArgs {
    /// ACLED event type or sub-type (case-insensitive substring: "air", "Battles").
    #[arg(long = "type")]
    kind: Option<String>,
    /// Events whose date range ends on or after this day (YYYY-MM-DD).
    #[arg(long)]
    since: Option<chrono::NaiveDate>,
    /// Events whose date range starts on or before this day.
    #[arg(long)]
    until: Option<chrono::NaiveDate>,
    /// ISO country code (SY, US, …).
    #[arg(long)]
    country: Option<String>,
    /// Only events within --radius km of this place (a name the gazetteer knows).
    #[arg(long)]
    near: Option<String>,
    #[arg(long, default_value_t = 50.0)]
    radius: f64,
    /// Only events with an actor whose name contains this (case-insensitive).
    #[arg(long)]
    actor: Option<String>,
    /// Only events whose site (the street or building the reports name) contains this
    /// (case-insensitive: "racine" finds "S. Racine Ave." and "South Racine Avenue").
    #[arg(long)]
    site: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    format: EventFormat,
}

#[derive(Args)]
pub struct EventArgs {
    /// Event id (`ev_…`) or an unambiguous prefix of it.
    id: String,
    #[arg(long, value_enum, default_value = "table")]
    format: EventFormat,
}

/// The place `--near` names: the gazetteer's best reading of the name (largest, most
/// general first, as a user typing a name means the well-known one). Not a river: its point
/// is its mouth, and events along it would be missed.
fn near_point(name: &str) -> Result<(f64, f64)> {
    let gaz = sitrep_gazetteer::Gazetteer::embedded();
    let found: Vec<_> = gaz.lookup(name).iter().map(|c| gaz.place(c.place)).collect();
    let river = |p: &&sitrep_gazetteer::Place| p.kind == sitrep_gazetteer::Kind::River;
    let best = found.iter().filter(|p| !river(p)).max_by_key(|p| (matches!(p.kind, sitrep_gazetteer::Kind::Country), p.population));
    match best {
        Some(p) => Ok((p.lat, p.lon)),
        None if found.iter().any(river) => bail!("--near {name:?}: a river has no one point (sitrep places it at its mouth); name a town on its banks"),
        None => bail!("--near {name:?}: no such place in the gazetteer"),
    }
}

fn filter(events: Vec<Event>, a: &EventsArgs) -> Result<Vec<Event>> {
    let near = a.near.as_deref().map(near_point).transpose()?;
    Ok(events
        .into_iter()
        .filter(|e| {
            a.kind.as_ref().is_none_or(|k| {
                let k = k.to_lowercase();
                e.event_type.to_lowercase().contains(&k) || e.subtype.to_lowercase().contains(&k)
            })
        })
        .filter(|e| a.since.is_none_or(|s| e.date.as_ref().is_some_and(|d| d.end >= s)))
        .filter(|e| a.until.is_none_or(|u| e.date.as_ref().is_some_and(|d| d.start <= u)))
        .filter(|e| {
            a.country.as_ref().is_none_or(|c| e.location.as_ref().and_then(|l| l.country.as_ref()).is_some_and(|x| x.eq_ignore_ascii_case(c)))
        })
        .filter(|e| {
            near.is_none_or(|(lat, lon)| e.location.as_ref().is_some_and(|l| sitrep_model::haversine_km(lat, lon, l.lat, l.lon) <= a.radius))
        })
        .filter(|e| a.actor.as_ref().is_none_or(|n| e.actors.iter().any(|x| x.name.to_lowercase().contains(&n.to_lowercase()))))
        .filter(|e| {
            a.site.as_ref().is_none_or(|s| e.location.as_ref().and_then(|l| l.site.as_ref()).is_some_and(|x| x.to_lowercase().contains(&s.to_lowercase())))
        })
        .collect())
}

/// Who did it (ACLED's actor 1 and its associates): the perpetrators, or a protest's people;
/// those named before the unnamed ("Islamic State" before the "Unidentified armed group"
/// an official told of).
fn perpetrators(e: &Event) -> Vec<String> {
    let by = |role: &str| {
        let mut actors: Vec<_> = e.actors.iter().filter(|a| a.role == role).collect();
        actors.sort_by_key(|a| a.kind.as_deref() == Some("generic"));
        actors.into_iter().map(|a| a.name.clone()).collect::<Vec<_>>()
    };
    let perps = by("perpetrator");
    if perps.is_empty() { by("participant") } else { perps }
}

/// The claims as one line: "Israel (asserts: a US official; declines to comment: The IDF)".
fn claims_text(e: &Event) -> String {
    e.actors
        .iter()
        .map(|a| {
            let cs: Vec<String> = a.claims.iter().map(|c| format!("{}: {}", c.stance, c.by.as_deref().unwrap_or("outlet"))).collect();
            format!("{} ({})", a.name, cs.join("; "))
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

fn write_csv(events: &[Event], out: impl Write) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "country", "admin1",
        "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities", "injured", "claims", "articles",
        "cameo", "date_precision", "confidence", "site",
    ])?;
    for e in events {
        let perps = perpetrators(e);
        let loc = e.location.as_ref();
        let geo_precision = match loc.map(|l| (l.kind.as_str(), l.precision.as_str())) {
            Some(("town" | "site", "in")) => "1",
            Some(("town" | "site", _)) => "2",
            Some(_) => "3",
            None => "",
        };
        let sources: Vec<String> = e.mentions.iter().map(|m| m.article.clone()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
        w.write_record([
            e.id.clone(),
            e.date.as_ref().map(|d| d.start.to_string()).unwrap_or_default(),
            e.event_type.clone(),
            e.subtype.clone(),
            perps.first().cloned().unwrap_or_default(),
            perps.iter().skip(1).cloned().collect::<Vec<_>>().join("; "),
            e.targets.first().map(|t| t.name.clone()).unwrap_or_default(),
            loc.and_then(|l| l.country.clone()).unwrap_or_default(),
            loc.and_then(|l| l.admin1.clone()).unwrap_or_default(),
            loc.map(|l| l.name.clone()).unwrap_or_default(),
            loc.map(|l| l.lat.to_string()).unwrap_or_default(),
            loc.map(|l| l.lon.to_string()).unwrap_or_default(),
            geo_precision.to_string(),
            sources.join("; "),
            e.mentions.first().map(|m| m.sentence.clone()).unwrap_or_default(),
            e.fatalities.min.map(|n| n.to_string()).unwrap_or_default(),
            e.injured.min.map(|n| n.to_string()).unwrap_or_default(),
            claims_text(e),
            e.articles.join("; "),
            e.cameo.clone().unwrap_or_default(),
            e.date.as_ref().map(|d| d.precision.clone()).unwrap_or_default(),
            e.confidence.to_string(),
            loc.and_then(|l| l.site.clone()).unwrap_or_default(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn geojson(events: &[Event]) -> serde_json::Value {
    let features: Vec<serde_json::Value> = events
        .iter()
        .filter_map(|e| {
            let l = e.location.as_ref()?;
            Some(json!({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [l.lon, l.lat]},
                "properties": serde_json::to_value(e).unwrap_or_default(),
            }))
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}

fn print(events: &[Event], format: EventFormat) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        EventFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(events)?)?,
        EventFormat::Jsonl => {
            for e in events {
                writeln!(out, "{}", serde_json::to_string(e)?)?;
            }
        }
        EventFormat::Csv => write_csv(events, &mut out)?,
        EventFormat::Geojson => writeln!(out, "{}", serde_json::to_string_pretty(&geojson(events))?)?,
        EventFormat::Table => {
            writeln!(out, "{:<20} {:<10} {:<24} {:<26} {:<30} {}", "ID", "DATE", "SUB-TYPE", "PLACE", "PERPETRATORS (CLAIMED)", "ARTICLES")?;
            for e in events {
                let place = e.location.as_ref().map(|l| format!("{}, {}", l.describe(), l.country.as_deref().unwrap_or(""))).unwrap_or_else(|| "-".into());
                writeln!(
                    out,
                    "{:<20} {:<10} {:<24} {:<26} {:<30} {}",
                    e.id,
                    e.date.as_ref().map(|d| if d.precision == "day" { d.start.to_string() } else { format!("{}~", &d.start.to_string()[..7]) }).unwrap_or_else(|| "-".into()),
                    e.subtype.chars().take(24).collect::<String>(),
                    place.chars().take(26).collect::<String>(),
                    perpetrators(e).join(", ").chars().take(30).collect::<String>(),
                    e.articles.len()
                )?;
            }
            writeln!(out, "{} events", events.len())?;
        }
    }
    Ok(())
}

pub fn list(store: &dyn Store, a: EventsArgs) -> Result<()> {
    let events = filter(store.events()?, &a)?;
    print(&events, a.format)
}

pub fn show(store: &dyn Store, a: EventArgs) -> Result<ExitCode> {
    let Some(e) = store.event(&a.id)? else {
        eprintln!("sitrep: no event with id or unique prefix {:?}", a.id);
        return Ok(ExitCode::FAILURE);
    };
    if a.format != EventFormat::Table {
        print(std::slice::from_ref(&e), a.format)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(out, "{}  {} / {} (CAMEO {})", e.id, e.event_type, e.subtype, e.cameo.as_deref().unwrap_or("-"))?;
    if let Some(d) = &e.date {
        writeln!(out, "date        {} .. {} ({})", d.start, d.end, d.precision)?;
    }
    if let Some(l) = &e.location {
        writeln!(out, "place       {}, {} {} ({:.3}, {:.3}; {})", l.describe(), l.admin1.as_deref().unwrap_or(""), l.country.as_deref().unwrap_or(""), l.lat, l.lon, l.kind)?;
    }
    writeln!(out, "confidence  {} ({} articles; first reported {})", e.confidence, e.articles.len(), e.first_reported.map(|d| d.to_string()).unwrap_or_default())?;
    for a in &e.actors {
        writeln!(out, "{:<11} {}", a.role, a.name)?;
        for c in &a.claims {
            writeln!(out, "            {:<20} {:<28} [{}] \"{}\"", c.stance, c.by.as_deref().unwrap_or("(the outlet)"), c.article, c.quote)?;
        }
    }
    for t in &e.targets {
        writeln!(out, "target      {}", t.name)?;
    }
    for (k, c) in [("fatalities", &e.fatalities), ("injured", &e.injured)] {
        if c.text.is_some() {
            writeln!(out, "{k:<11} {:?}..{:?} \"{}\"", c.min, c.max, c.text.as_deref().unwrap_or(""))?;
        }
    }
    writeln!(out, "evidence")?;
    for m in &e.mentions {
        writeln!(out, "  [{}] {}{}", m.article, if m.headline { "(headline) " } else { "" }, m.sentence)?;
    }
    Ok(ExitCode::SUCCESS)
}
