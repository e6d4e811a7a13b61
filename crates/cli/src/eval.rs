//! `sitrep eval`: quality measured on annotated data rather than asserted.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use serde_json::json;
use sitrep_clean::Drop;
use sitrep_read::ReadOptions;
use sitrep_store::{ArticleFilter, ArticleStore, SqliteStore};

#[derive(Subcommand)]
pub enum EvalCmd {
    /// How much the cleaner removes from real articles, by reason, with samples to check by hand.
    Clean(CleanArgs),
    /// Story groups (copies and rewrites) found in an article set, checked against gold incidents.
    Dedup(DedupArgs),
}

#[derive(Args)]
pub struct CleanArgs {
    /// Articles in any format sitrep reads (e.g. ../shared/bench/events/dev-articles.jsonl).
    #[arg(long)]
    data: PathBuf,
    /// Dropped lines to print per reason, for spot checks.
    #[arg(long, default_value_t = 3)]
    samples: usize,
    #[arg(long, value_enum, default_value = "table")]
    format: crate::Format,
}

#[derive(Args)]
pub struct DedupArgs {
    /// Articles JSONL with `id` fields (e.g. ../shared/bench/events/dev-articles.jsonl).
    #[arg(long)]
    data: PathBuf,
    /// Gold article→incident links: JSONL with `article_id` and `event_id`.
    #[arg(long)]
    gold: PathBuf,
    /// Multi-article groups to print for a check by hand.
    #[arg(long, default_value_t = 10)]
    samples: usize,
    #[arg(long, value_enum, default_value = "table")]
    format: crate::Format,
}

pub fn run(cmd: EvalCmd) -> Result<()> {
    match cmd {
        EvalCmd::Clean(a) => clean(a),
        EvalCmd::Dedup(a) => dedup(a),
    }
}

/// A prose line: long enough and ending like a sentence. Dropping one is a likely loss.
fn is_prose(line: &str) -> bool {
    line.split_whitespace().count() >= 15 && line.trim_end().ends_with(['.', '"', '”', '!', '?'])
}

fn clean(a: CleanArgs) -> Result<()> {
    let mut records = 0u64;
    let mut lines_in = 0u64;
    let mut rejected = 0u64;
    let mut by_reason: BTreeMap<Drop, (u64, Vec<String>)> = BTreeMap::new();
    let mut prose_dropped = Vec::new();
    let mut articles_touched = 0u64;
    let mut results = Vec::new();
    let mut chunk = Vec::new();
    for r in sitrep_read::read_inputs(std::slice::from_ref(&a.data), ReadOptions::default()) {
        let Ok(r) = r else { continue };
        records += 1;
        chunk.push(r);
        if chunk.len() == 2000 {
            results.extend(sitrep_clean::clean_batch(std::mem::take(&mut chunk)));
        }
    }
    results.extend(sitrep_clean::clean_batch(chunk));
    for res in results {
        match res {
            Ok(c) => {
                lines_in += c.lines_in as u64;
                if !c.dropped.is_empty() {
                    articles_touched += 1;
                }
                for (d, line) in c.dropped {
                    if is_prose(&line) {
                        prose_dropped.push((d, line.clone()));
                    }
                    let e = by_reason.entry(d).or_default();
                    e.0 += 1;
                    if e.1.len() < a.samples {
                        e.1.push(line);
                    }
                }
            }
            Err(_) => rejected += 1,
        }
    }
    let dropped: u64 = by_reason.values().map(|v| v.0).sum();
    if a.format != crate::Format::Table {
        let v = json!({
            "records": records,
            "rejected_no_text": rejected,
            "lines_in": lines_in,
            "lines_dropped": dropped,
            "articles_with_drops": articles_touched,
            "prose_lines_dropped": prose_dropped.len(),
            "by_reason": by_reason.iter().map(|(d, (n, _))| (d.name(), *n)).collect::<BTreeMap<_, _>>(),
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(());
    }
    println!("records            {records}");
    println!("rejected (no text) {rejected}  (boilerplate-only pages: paywalls, video players, sign-in walls)");
    println!("lines in           {lines_in}");
    println!("lines dropped      {dropped} ({:.1}%) in {articles_touched} articles", 100.0 * dropped as f64 / lines_in.max(1) as f64);
    println!("prose-like dropped {} (≥15 words ending a sentence: the ones to check)", prose_dropped.len());
    for (d, (n, samples)) in &by_reason {
        println!("\n{:>6}  {}", n, d.name());
        for s in samples {
            println!("        | {}", s.chars().take(110).collect::<String>());
        }
    }
    if !prose_dropped.is_empty() {
        println!("\nprose-like lines dropped:");
        for (d, l) in prose_dropped.iter().take(a.samples * 3) {
            println!("  [{}] {}", d.name(), l.chars().take(120).collect::<String>());
        }
    }
    Ok(())
}

fn dedup(a: DedupArgs) -> Result<()> {
    let mut gold: HashMap<String, HashSet<String>> = HashMap::new();
    let text = std::fs::read_to_string(&a.gold).with_context(|| format!("reading {}", a.gold.display()))?;
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).with_context(|| format!("{}: line {}", a.gold.display(), i + 1))?;
        let (Some(art), Some(ev)) = (v["article_id"].as_str(), v["event_id"].as_str().map(str::to_string).or_else(|| v["event_id"].as_i64().map(|n| n.to_string()))) else {
            anyhow::bail!("{}: line {}: needs article_id and event_id", a.gold.display(), i + 1);
        };
        gold.entry(art.to_string()).or_default().insert(ev);
    }
    let mut store = SqliteStore::in_memory()?;
    let pb = indicatif::ProgressBar::hidden();
    let summary = crate::ingest::ingest_into(&mut store, std::slice::from_ref(&a.data), ReadOptions::default(), 2000, &pb, |_| {})?;
    // ext ids per stored article (an exact copy may carry several input ids)
    let all = store.articles(&ArticleFilter::default())?;
    let mut groups: BTreeMap<String, Vec<(String, Vec<String>, String)>> = BTreeMap::new();
    for s in &all {
        let ids: Vec<String> = store.sources(&s.article.id)?.into_iter().filter_map(|x| x.ext_id).collect();
        let label = format!(
            "{} {} {}",
            s.article.published.map(|d| d.to_string()).unwrap_or_default(),
            s.article.outlet.as_deref().unwrap_or("-"),
            s.article.title.as_deref().unwrap_or("").chars().take(60).collect::<String>()
        );
        groups.entry(s.story.clone()).or_default().push((s.article.id.clone(), ids, label));
    }
    let incidents = |ids: &[String]| -> HashSet<String> { ids.iter().flat_map(|i| gold.get(i).into_iter().flatten().cloned()).collect() };
    let (mut pairs, mut pairs_same, mut exact_pairs, mut exact_same) = (0u64, 0u64, 0u64, 0u64);
    let mut false_merges = Vec::new();
    for members in groups.values() {
        for (_, ids, label) in members {
            // exact copies: input records collapsed onto one stored article
            for i in 0..ids.len() {
                for j in i + 1..ids.len() {
                    exact_pairs += 1;
                    if !incidents(&ids[i..=i]).is_disjoint(&incidents(&ids[j..=j])) {
                        exact_same += 1;
                    } else {
                        false_merges.push(format!("exact copy: {label} [{} / {}]", ids[i], ids[j]));
                    }
                }
            }
        }
        for i in 0..members.len() {
            for j in i + 1..members.len() {
                pairs += 1;
                if !incidents(&members[i].1).is_disjoint(&incidents(&members[j].1)) {
                    pairs_same += 1;
                } else {
                    false_merges.push(format!("near copy: {}  ~  {}", members[i].2, members[j].2));
                }
            }
        }
    }
    // the pairs a perfect *event* grouping would link, for scale
    let mut by_incident: HashMap<&str, u64> = HashMap::new();
    for evs in gold.values() {
        for e in evs {
            *by_incident.entry(e.as_str()).or_default() += 1;
        }
    }
    let gold_pairs: u64 = by_incident.values().map(|n| n * (n - 1) / 2).sum();
    let multi: Vec<_> = groups.values().filter(|m| m.len() > 1).collect();
    if a.format != crate::Format::Table {
        let v = json!({
            "records": summary.read,
            "articles": summary.new_articles,
            "skipped": summary.skipped_total(),
            "exact_copies": summary.exact_copies,
            "story_groups": groups.len(),
            "multi_article_groups": multi.len(),
            "near_copy_pairs": pairs,
            "near_copy_pairs_same_incident": pairs_same,
            "exact_copy_pairs": exact_pairs,
            "exact_copy_pairs_same_incident": exact_same,
            "gold_same_incident_pairs": gold_pairs,
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(());
    }
    println!("records {}, stored articles {}, skipped {}, exact copies {}", summary.read, summary.new_articles, summary.skipped_total(), summary.exact_copies);
    println!("story groups {} ({} with more than one article)", groups.len(), multi.len());
    println!("near-copy pairs in groups: {pairs}, of which share a gold incident: {pairs_same}");
    println!("exact-copy pairs: {exact_pairs}, of which share a gold incident: {exact_same}");
    println!("(for scale: {gold_pairs} article pairs share a gold incident; most are different reports of one event)");
    if !false_merges.is_empty() {
        println!("\npairs not sharing a gold incident (check by hand):");
        for f in false_merges.iter().take(a.samples * 2) {
            println!("  {f}");
        }
    }
    println!("\nsample groups:");
    for m in multi.iter().take(a.samples) {
        println!("  group of {}:", m.len());
        for (id, _, label) in m.iter() {
            println!("    {id} {label}");
        }
    }
    Ok(())
}
