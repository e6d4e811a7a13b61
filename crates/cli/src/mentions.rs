//! `sitrep mentions ARTICLE...`: what the extraction stage finds in stored articles.

use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use serde_json::json;
use sitrep_extract::mentions::{Mention, Page, extract_article};
use sitrep_gazetteer::Gazetteer;
use sitrep_store::Store;

use crate::Format;

#[derive(Args)]
pub struct MentionsArgs {
    /// Article ids (`a_…`) or unambiguous prefixes of them.
    #[arg(required = true)]
    ids: Vec<String>,
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Also list counts, habits and hypotheticals (never events).
    #[arg(long)]
    all: bool,
}

/// The JSON form of a mention, with its evidence as text.
pub fn mention_json(m: &Mention, text: &str) -> serde_json::Value {
    let gaz = Gazetteer::embedded();
    let span = |s: (usize, usize)| text.get(s.0..s.1).unwrap_or("").to_string();
    json!({
        "type": m.event_type,
        "subtype": m.subtype,
        "cameo": m.cameo,
        "trigger": {"text": span(m.trigger), "start": m.trigger.0, "end": m.trigger.1},
        "modality": m.modality.name(),
        "date": m.date.as_ref().map(|d| json!({
            "value": d.value,
            "start": d.range.map(|r| r.0.to_string()),
            "end": d.range.map(|r| r.1.to_string()),
            "precision": d.precision.name(),
            "text": span((d.start, d.end)),
        })),
        "location": m.place.as_ref().map(|p| {
            let pl = gaz.place(p.place);
            let mut v = json!({"name": pl.name, "country": pl.country, "lat": pl.lat, "lon": pl.lon,
                   "geonameid": pl.geonameid(), "precision": p.precision, "kind": pl.kind.precision(), "text": span(p.span)});
            if let Some(site) = m.site {
                v["site"] = json!({"text": span(site), "start": site.0, "end": site.1});
            }
            v
        }),
        "perpetrators": m.perpetrators.iter().map(|p| json!({
            "name": p.name,
            "kind": p.kind,
            "claims": p.claims.iter().map(|c| json!({"by": c.by, "stance": c.stance.name(), "quote": span(c.sentence)})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "targets": m.targets.iter().map(|t| json!({"name": t.name})).collect::<Vec<_>>(),
        "fatalities": m.fatalities.as_ref().map(|c| json!({"min": c.min, "max": c.max, "text": c.text})),
        "injured": m.injured.as_ref().map(|c| json!({"min": c.min, "max": c.max, "text": c.text})),
        "casualties": m.casualties.as_ref().map(|c| json!({"min": c.min, "max": c.max, "text": c.text})),
        "hit": m.hit.as_ref().map(|c| json!({"min": c.min, "max": c.max, "text": c.text})),
        "sentences": m.sentences.iter().map(|s| json!({"start": s.0, "end": s.1, "text": span(*s)})).collect::<Vec<_>>(),
    })
}

pub fn run(store: &dyn Store, args: MentionsArgs) -> Result<ExitCode> {
    let mut json_all = Vec::new();
    let mut status = ExitCode::SUCCESS;
    for id in &args.ids {
        let Some(s) = store.article(id)? else {
            eprintln!("sitrep: no article with id or unique prefix {id:?}");
            status = ExitCode::FAILURE;
            continue;
        };
        let a = &s.article;
        let Some(dct) = a.published else {
            eprintln!("sitrep: article {} has no publication date; relative dates cannot be resolved (ingest with --published)", a.id);
            status = ExitCode::FAILURE;
            continue;
        };
        // as ingest does: the headline's mentions when the body tells no event
        let (found, text, headline) = extract_article(&a.text, Page::of(a), dct);
        let ms: Vec<Mention> = found.into_iter().filter(|m| args.all || m.modality.is_event()).collect();
        let json = |m: &Mention| {
            let mut v = with_article(mention_json(m, text), &a.id);
            if headline {
                v["headline"] = json!(true);
            }
            v
        };
        match args.format {
            Format::Json => json_all.extend(ms.iter().map(json)),
            // one mention per line, as `events --format jsonl` gives one event per line
            Format::Jsonl => {
                for m in &ms {
                    println!("{}", json(m));
                }
            }
            Format::Table => print_table(&ms, &a.id, text, args.ids.len() > 1 || headline, headline),
        }
    }
    if args.format == Format::Json {
        println!("{}", serde_json::to_string_pretty(&json_all)?);
    }
    Ok(status)
}

/// Names the article a mention comes from: several articles' mentions share one listing.
fn with_article(mut v: serde_json::Value, id: &str) -> serde_json::Value {
    v["article"] = json!(id);
    v
}

fn print_table(ms: &[Mention], id: &str, text: &str, header: bool, headline: bool) {
    if header {
        println!("== {id}{}", if headline { " (the body tells no event: the headline's)" } else { "" });
    }
    for (i, m) in ms.iter().enumerate() {
        let v = mention_json(m, text);
        println!("#{} {} / {} (CAMEO {}) — {}", i + 1, m.event_type, m.subtype, m.cameo.as_deref().unwrap_or("-"), m.modality.name());
        println!("   trigger   {:?}", v["trigger"]["text"].as_str().unwrap_or(""));
        if let Some(d) = v["date"].as_object() {
            println!("   date      {} ({}, from {:?})", d["value"].as_str().unwrap_or(""), d["precision"].as_str().unwrap_or(""), d["text"].as_str().unwrap_or(""));
        }
        if let Some(p) = v["location"].as_object() {
            println!("   place     {} {}, {} ({}; from {:?})", p["precision"].as_str().unwrap_or(""), p["name"].as_str().unwrap_or(""), p["country"].as_str().unwrap_or(""), p["kind"].as_str().unwrap_or(""), p["text"].as_str().unwrap_or(""));
            if let Some(site) = p.get("site") {
                println!("   site      {:?}", site["text"].as_str().unwrap_or(""));
            }
        }
        for p in &m.perpetrators {
            for c in &p.claims {
                println!("   by        {:<22} {} per {}", p.name, c.stance.name(), c.by.as_deref().unwrap_or("the outlet"));
            }
        }
        for t in &m.targets {
            println!("   target    {}", t.name);
        }
        for (k, c) in [("killed", &m.fatalities), ("injured", &m.injured), ("casualties", &m.casualties), ("hit", &m.hit)] {
            if let Some(c) = c {
                println!("   {k:<9} {:?} (min {:?}, max {:?})", c.text, c.min, c.max);
            }
        }
        for s in &m.sentences {
            println!("   | {}", text.get(s.0..s.1).unwrap_or(""));
        }
        println!();
    }
}
