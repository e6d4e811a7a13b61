//! `sitrep eval`: quality measured on annotated data rather than asserted.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use serde_json::json;
use sitrep_clean::Drop;
use sitrep_read::ReadOptions;
use sitrep_store::{ArticleFilter, MergeSettings, SqliteStore, Store};

#[derive(Subcommand)]
pub enum EvalCmd {
    /// How much the cleaner removes from real articles, by reason, with samples to check by hand.
    Clean(CleanArgs),
    /// Story groups (copies and rewrites) found in an article set, checked against gold incidents.
    Dedup(DedupArgs),
    /// Toponym recognition (span overlap P/R/F1) and resolution (share within 161 km).
    Geo(TaskArgs),
    /// Time expressions: detection F1 and value accuracy on DATE expressions.
    Timex(TaskArgs),
    /// Event sub-type of short reports: weighted and macro F1 over the gold labels.
    Types(TaskArgs),
    /// Source and target spans of event sentences: overlap and exact F1.
    Roles(TaskArgs),
    /// Runs analysis and extraction over articles: mentions by type and modality, and speed.
    Mentions(MentionsArgs),
    /// Article→incident grouping (B³) and incident attributes (date, place, killed, injured).
    Events(crate::eval_events::EventsArgs),
    /// Event coreference on ECB+: MUC, B³, CEAF-e and CoNLL F1 with gold and with sitrep's mentions.
    Coref(crate::eval_coref::CorefArgs),
}

#[derive(Args)]
pub struct TaskArgs {
    /// The task's JSONL file (e.g. ../shared/bench/geo/gwn.jsonl).
    #[arg(long)]
    data: PathBuf,
    /// Print up to this many errors (misses, wrong values) after the metrics.
    #[arg(long, default_value_t = 0)]
    errors: usize,
    #[arg(long, value_enum, default_value = "table")]
    format: crate::Format,
}

#[derive(Args)]
pub struct MentionsArgs {
    #[command(flatten)]
    task: TaskArgs,
    /// Read the articles this many times: the first pass also builds the regex engines' lazy
    /// automata states, later passes run as a long ingest does once they are built.
    #[arg(long, default_value_t = 1)]
    passes: usize,
}

pub(crate) fn read_jsonl(path: &std::path::Path) -> Result<Vec<serde_json::Value>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).with_context(|| format!("{}: line {}", path.display(), i + 1)))
        .collect()
}

/// An id given as a JSON string or number.
pub(crate) fn id_of(v: &serde_json::Value) -> Option<String> {
    v.as_str().map(str::to_string).or_else(|| v.as_i64().map(|n| n.to_string()))
}

/// Gold article→incident links (`{article_id, event_id}` lines), in file order.
pub(crate) fn read_gold_links(path: &std::path::Path) -> Result<Vec<(String, String)>> {
    read_jsonl(path)?
        .iter()
        .enumerate()
        .map(|(i, v)| match (id_of(&v["article_id"]), id_of(&v["event_id"])) {
            (Some(art), Some(ev)) => Ok((art, ev)),
            _ => anyhow::bail!("{}: line {}: needs article_id and event_id", path.display(), i + 1),
        })
        .collect()
}

/// Prints metrics as a two-column table or as one JSON object.
pub(crate) fn report(format: crate::Format, metrics: &serde_json::Value) -> Result<()> {
    if format != crate::Format::Table {
        println!("{}", serde_json::to_string_pretty(metrics)?);
        return Ok(());
    }
    if let Some(o) = metrics.as_object() {
        for (k, v) in o {
            match v.as_f64() {
                Some(f) if v.is_f64() => println!("{k:<24} {f:.3}"),
                _ => println!("{k:<24} {v}"),
            }
        }
    }
    Ok(())
}

fn prf(tp_pred: usize, n_pred: usize, tp_gold: usize, n_gold: usize) -> (f64, f64, f64) {
    let p = tp_pred as f64 / n_pred.max(1) as f64;
    let r = tp_gold as f64 / n_gold.max(1) as f64;
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}

fn geo(a: TaskArgs) -> Result<()> {
    use sitrep_gazetteer::{Gazetteer, NameMatch};
    let docs = read_jsonl(&a.data)?;
    let gaz = Gazetteer::embedded();
    let start = std::time::Instant::now();
    let (mut n_pred, mut n_gold, mut tp_pred, mut tp_gold) = (0, 0, 0, 0);
    let (mut within, mut within_gold_spans, mut resolvable) = (0usize, 0usize, 0usize);
    let mut errors_km = Vec::new();
    let mut shown = Vec::new();
    for d in &docs {
        let text = d["text"].as_str().unwrap_or("");
        let found = sitrep_analyze::places(text);
        let resolved = sitrep_resolve::with_sites(gaz, text, sitrep_resolve::resolve_places(gaz, text, &found));
        let gold = d["toponyms"].as_array().cloned().unwrap_or_default();
        n_pred += resolved.len();
        n_gold += gold.len();
        let overlaps = |s: usize, e: usize, gs: usize, ge: usize| s < ge && gs < e;
        let mut pred_hit = vec![false; resolved.len()];
        for g in &gold {
            let (gs, ge) = (g["byte_start"].as_u64().unwrap_or(0) as usize, g["byte_end"].as_u64().unwrap_or(0) as usize);
            let (glat, glon) = (g["lat"].as_f64().unwrap_or(0.0), g["lon"].as_f64().unwrap_or(0.0));
            let gtext = text.get(gs..ge).unwrap_or("");
            if let Some(i) = resolved.iter().position(|r| overlaps(r.start, r.end, gs, ge)) {
                tp_gold += 1;
                pred_hit[i] = true;
                let p = gaz.place(resolved[i].place);
                let km = sitrep_resolve::haversine_km(p.lat, p.lon, glat, glon);
                if km <= 161.0 {
                    within += 1;
                } else if shown.len() < a.errors {
                    shown.push(format!("wrong place {gtext:?} -> {} {} {} ({km:.0} km off; gold {glat},{glon})", p.id, p.name, p.country));
                }
            } else if shown.len() < a.errors {
                let (mut cs, mut ce) = (gs.saturating_sub(30), (ge + 30).min(text.len()));
                while !text.is_char_boundary(cs) {
                    cs -= 1;
                }
                while !text.is_char_boundary(ce) {
                    ce += 1;
                }
                let ctx = &text[cs..ce];
                shown.push(format!("missed {gtext:?} ({}) in …{}…", g["type"].as_str().unwrap_or(""), ctx.replace('\n', " ")));
            }
            // given the gold span: resolve its text in the context of the whole article
            let cands = gaz.lookup(gtext).to_vec();
            if !cands.is_empty() {
                resolvable += 1;
                let mut ctx: Vec<NameMatch> = found.iter().filter(|m| !overlaps(m.start, m.end, gs, ge)).cloned().collect();
                ctx.push(NameMatch { start: gs, end: ge, candidates: cands });
                ctx.sort_by_key(|m| m.start);
                let r = sitrep_resolve::resolve_places(gaz, text, &ctx);
                if let Some(r) = r.iter().find(|r| r.start == gs) {
                    let p = gaz.place(r.place);
                    let km = sitrep_resolve::haversine_km(p.lat, p.lon, glat, glon);
                    errors_km.push(km);
                    if km <= 161.0 {
                        within_gold_spans += 1;
                    }
                }
            }
        }
        for (i, h) in pred_hit.iter().enumerate() {
            if !h && shown.len() < a.errors {
                shown.push(format!("spurious {:?}", &text[resolved[i].start..resolved[i].end]));
            }
        }
        tp_pred += pred_hit.iter().filter(|h| **h).count();
    }
    let secs = start.elapsed().as_secs_f64();
    let (p, r, f) = prf(tp_pred, n_pred, tp_gold, n_gold);
    errors_km.sort_by(f64::total_cmp);
    for e in &shown {
        eprintln!("{e}");
    }
    let median = errors_km.get(errors_km.len() / 2).copied().unwrap_or(0.0);
    report(
        a.format,
        &json!({
            "documents": docs.len(),
            "gold_toponyms": n_gold,
            "predicted": n_pred,
            "precision": p,
            "recall": r,
            "f1": f,
            "acc161": within as f64 / n_gold.max(1) as f64,
            "acc161_gold_spans": within_gold_spans as f64 / n_gold.max(1) as f64,
            "gold_spans_in_gazetteer": resolvable as f64 / n_gold.max(1) as f64,
            "median_error_km_gold_spans": median,
            "articles_per_second": docs.len() as f64 / secs.max(1e-9),
        }),
    )
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
        EvalCmd::Geo(a) => geo(a),
        EvalCmd::Timex(a) => timex(a),
        EvalCmd::Types(a) => types(a),
        EvalCmd::Roles(a) => roles(a),
        EvalCmd::Mentions(a) => mentions(a),
        EvalCmd::Events(a) => crate::eval_events::run(a),
        EvalCmd::Coref(a) => crate::eval_coref::run(a),
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
    for (art, ev) in read_gold_links(&a.gold)? {
        gold.entry(art).or_default().insert(ev);
    }
    let mut store = SqliteStore::in_memory()?;
    let pb = indicatif::ProgressBar::hidden();
    let summary = crate::ingest::ingest_into(&mut store, MergeSettings::default(), std::slice::from_ref(&a.data), ReadOptions::default(), 2000, &pb, |_| {})?;
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

fn timex(a: TaskArgs) -> Result<()> {
    let docs = read_jsonl(&a.data)?;
    let start = std::time::Instant::now();
    let (mut n_pred, mut n_gold, mut tp_pred, mut tp_gold, mut value_ok) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut misses: Vec<String> = Vec::new();
    for d in &docs {
        let text = d["text"].as_str().unwrap_or("");
        let Some(dct) = d["dct"].as_str().and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()) else { continue };
        let pred = sitrep_analyze::timex::find(text, dct);
        let all_gold = d["timexes"].as_array().cloned().unwrap_or_default();
        let span = |g: &serde_json::Value| (g["byte_start"].as_u64().unwrap_or(0) as usize, g["byte_end"].as_u64().unwrap_or(0) as usize);
        let overlaps = |s: usize, e: usize, (gs, ge): (usize, usize)| s < ge && gs < e;
        // predictions that overlap a gold TIME, DURATION or SET are neither right nor wrong here
        let pred: Vec<_> = pred
            .into_iter()
            .filter(|p| !all_gold.iter().any(|g| g["type"] != "DATE" && overlaps(p.start, p.end, span(g))))
            .collect();
        let gold: Vec<_> = all_gold.iter().filter(|g| g["type"] == "DATE").collect();
        n_pred += pred.len();
        n_gold += gold.len();
        let mut hit = vec![false; pred.len()];
        for g in &gold {
            let gsp = span(g);
            if let Some(i) = pred.iter().position(|p| overlaps(p.start, p.end, gsp)) {
                tp_gold += 1;
                hit[i] = true;
                if Some(pred[i].value.as_str()) == g["value"].as_str() {
                    value_ok += 1;
                } else if misses.len() < a.errors {
                    misses.push(format!("{:?} dct {} gold {} got {}", g["text"].as_str().unwrap_or(""), dct, g["value"].as_str().unwrap_or(""), pred[i].value));
                }
            }
        }
        tp_pred += hit.iter().filter(|h| **h).count();
    }
    let secs = start.elapsed().as_secs_f64();
    let (p, r, f) = prf(tp_pred, n_pred, tp_gold, n_gold);
    report(
        a.format,
        &json!({
            "documents": docs.len(),
            "gold_dates": n_gold,
            "predicted": n_pred,
            "precision": p,
            "recall": r,
            "f1": f,
            "value_accuracy": value_ok as f64 / tp_gold.max(1) as f64,
            "value_correct_of_all_gold": value_ok as f64 / n_gold.max(1) as f64,
            "documents_per_second": docs.len() as f64 / secs.max(1e-9),
        }),
    )?;
    for m in misses {
        eprintln!("wrong value {m}");
    }
    Ok(())
}

/// Per-label F1 from (gold, predicted) pairs: returns (weighted F1, macro F1, accuracy).
fn label_f1(pairs: &[(String, String)]) -> (f64, f64, f64) {
    let labels: std::collections::BTreeSet<&str> = pairs.iter().map(|p| p.0.as_str()).collect();
    let (mut weighted, mut macro_sum) = (0.0, 0.0);
    for l in &labels {
        let tp = pairs.iter().filter(|p| p.0 == *l && p.1 == *l).count() as f64;
        let gold = pairs.iter().filter(|p| p.0 == *l).count() as f64;
        let pred = pairs.iter().filter(|p| p.1 == *l).count() as f64;
        let (p, r) = (tp / pred.max(1.0), tp / gold.max(1.0));
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        weighted += f * gold;
        macro_sum += f;
    }
    let n = pairs.len().max(1) as f64;
    let acc = pairs.iter().filter(|p| p.0 == p.1).count() as f64 / n;
    (weighted / n, macro_sum / labels.len().max(1) as f64, acc)
}

fn types(a: TaskArgs) -> Result<()> {
    let docs = read_jsonl(&a.data)?;
    let lex = sitrep_extract::triggers::Lexicon::embedded();
    let start = std::time::Instant::now();
    let mut pairs = Vec::new();
    let mut ids = Vec::new();
    for d in &docs {
        let text = d["text"].as_str().unwrap_or("");
        let gold = d["label"].as_str().unwrap_or("").to_string();
        // with no cue at all, the commonest kind of violent event
        let pred = lex.classify(text).map(|(s, _)| s.name.clone()).unwrap_or_else(|| "Attack".to_string());
        pairs.push((gold, pred));
        ids.push(id_of(&d["id"]).unwrap_or_default());
    }
    let secs = start.elapsed().as_secs_f64();
    let (weighted, macro_f1, acc) = label_f1(&pairs);
    report(
        a.format,
        &json!({
            "snippets": pairs.len(),
            "weighted_f1": weighted,
            "macro_f1": macro_f1,
            "accuracy": acc,
            "snippets_per_second": pairs.len() as f64 / secs.max(1e-9),
        }),
    )?;
    let mut confusions: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (g, p) in pairs.iter().filter(|(g, p)| g != p) {
        *confusions.entry((g.clone(), p.clone())).or_default() += 1;
    }
    let mut confusions: Vec<_> = confusions.into_iter().collect();
    confusions.sort_by(|x, y| y.1.cmp(&x.1));
    for ((g, p), n) in confusions.into_iter().take(a.errors) {
        eprintln!("{n:>3}  gold {g:<40} predicted {p}");
    }
    // the snippets themselves, by id, to look up in the data
    for (id, (g, p)) in ids.iter().zip(&pairs).filter(|(_, (g, p))| g != p).take(a.errors) {
        eprintln!("  {id}: gold {g} -> {p}");
    }
    Ok(())
}

fn roles(a: TaskArgs) -> Result<()> {
    let docs = read_jsonl(&a.data)?;
    let start = std::time::Instant::now();
    let (mut n_pred, mut n_gold, mut tp_pred, mut tp_gold, mut exact) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut by_role: BTreeMap<&str, (usize, usize, usize, usize)> = BTreeMap::new();
    let mut shown = 0;
    // the targets the event records carry, read from the event mentions of each sentence that
    // tells one (their names are words of the sentence): (predicted, of them right, gold
    // targets of those sentences, of them found)
    let mut record = (0usize, 0usize, 0usize, 0usize);
    let overlap = |(a, b): (usize, usize), (c, d): (usize, usize)| a < d && c < b;
    let some_day = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    for d in &docs {
        let text = d["text"].as_str().unwrap_or("");
        let pred = sitrep_extract::roles::roles(text);
        let gold: Vec<(&str, usize, usize)> = d["spans"]
            .as_array()
            .map(|v| {
                v.iter()
                    .filter(|s| matches!(s["role"].as_str(), Some("source" | "target")))
                    .map(|s| (s["role"].as_str().unwrap_or(""), s["byte_start"].as_u64().unwrap_or(0) as usize, s["byte_end"].as_u64().unwrap_or(0) as usize))
                    .collect()
            })
            .unwrap_or_default();
        n_pred += pred.len();
        n_gold += gold.len();
        let role = |p: &sitrep_extract::roles::RoleSpan| if p.source { "source" } else { "target" };
        for p in &pred {
            by_role.entry(role(p)).or_default().0 += 1;
            if gold.iter().any(|g| g.0 == role(p) && overlap((p.start, p.end), (g.1, g.2))) {
                tp_pred += 1;
                by_role.entry(role(p)).or_default().2 += 1;
            }
            if gold.iter().any(|g| g.0 == role(p) && p.start == g.1 && p.end == g.2) {
                exact += 1;
            }
        }
        let events: Vec<_> = sitrep_extract::mentions::extract(text, some_day).into_iter().filter(|m| m.modality.is_event()).collect();
        if !events.is_empty() {
            let spans: Vec<(usize, usize)> =
                events.iter().flat_map(|m| &m.targets).filter_map(|t| text.find(t.name.as_str()).map(|i| (i, i + t.name.len()))).collect();
            let gold_targets: Vec<&(&str, usize, usize)> = gold.iter().filter(|g| g.0 == "target").collect();
            record.0 += spans.len();
            record.1 += spans.iter().filter(|&&p| gold_targets.iter().any(|g| overlap(p, (g.1, g.2)))).count();
            record.2 += gold_targets.len();
            record.3 += gold_targets.iter().filter(|g| spans.iter().any(|&p| overlap(p, (g.1, g.2)))).count();
        }
        for g in &gold {
            by_role.entry(g.0).or_default().1 += 1;
            if pred.iter().any(|p| role(p) == g.0 && overlap((p.start, p.end), (g.1, g.2))) {
                tp_gold += 1;
                by_role.entry(g.0).or_default().3 += 1;
            } else if shown < a.errors {
                shown += 1;
                let got: Vec<String> = pred.iter().filter(|p| role(p) == g.0).map(|p| text[p.start..p.end].to_string()).collect();
                eprintln!("missed {} {:?}, predicted {:?}\n    in: {}", g.0, text.get(g.1..g.2).unwrap_or(""), got, text);
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let (p, r, f) = prf(tp_pred, n_pred, tp_gold, n_gold);
    let (_, _, f_exact) = prf(exact, n_pred, exact, n_gold);
    let mut m = json!({
        "sentences": docs.len(),
        "gold_spans": n_gold,
        "predicted": n_pred,
        "precision": p,
        "recall": r,
        "f1": f,
        "f1_exact": f_exact,
        "sentences_per_second": docs.len() as f64 / secs.max(1e-9),
    });
    for (k, (np, ng, tpp, tpg)) in by_role {
        m[format!("f1_{k}")] = json!(prf(tpp, np, tpg, ng).2);
    }
    let (rp, rr, rf) = prf(record.1, record.0, record.3, record.2);
    m["record_target_sentences_gold"] = json!(record.2);
    m["record_target_precision"] = json!(rp);
    m["record_target_recall"] = json!(rr);
    m["record_target_f1"] = json!(rf);
    report(a.format, &m)
}

fn mentions(args: MentionsArgs) -> Result<()> {
    let MentionsArgs { task: a, passes } = args;
    let mut arts = Vec::new();
    for r in sitrep_read::read_inputs(std::slice::from_ref(&a.data), ReadOptions::default()) {
        let Ok(r) = r else { continue };
        if let Ok(c) = sitrep_clean::clean(r) {
            if let Some(d) = c.article.published {
                arts.push((c.article.text, d));
            }
        }
    }
    // load the embedded resources before timing
    let _ = sitrep_extract::mentions::extract("An air strike hit Homs on Sunday, killing two people.", chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default());
    let start = std::time::Instant::now();
    let mut by_modality: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut by_subtype: BTreeMap<String, usize> = BTreeMap::new();
    let (mut dated, mut placed, mut killed, mut events) = (0usize, 0usize, 0usize, 0usize);
    let mut bytes = 0usize;
    for (text, dct) in &arts {
        bytes += text.len();
        for m in sitrep_extract::mentions::extract(text, *dct) {
            *by_modality.entry(m.modality.name()).or_default() += 1;
            if m.modality.is_event() {
                events += 1;
                *by_subtype.entry(m.subtype.clone()).or_default() += 1;
                dated += m.date.is_some() as usize;
                placed += m.place.is_some() as usize;
                killed += m.fatalities.is_some() as usize;
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    // the same work again, timed apart: how fast a long run goes once the automata are built
    let later = std::time::Instant::now();
    let mut again = 0usize;
    for _ in 1..passes.max(1) {
        for (text, dct) in &arts {
            again += sitrep_extract::mentions::extract(text, *dct).len();
        }
    }
    let later_secs = later.elapsed().as_secs_f64();
    let mut top: Vec<_> = by_subtype.into_iter().collect();
    top.sort_by(|x, y| y.1.cmp(&x.1));
    report(
        a.format,
        &json!({
            "articles": arts.len(),
            "event_mentions": events,
            "with_date": dated,
            "with_place": placed,
            "with_fatalities": killed,
            "by_modality": by_modality,
            "top_subtypes": top.into_iter().take(8).collect::<BTreeMap<_, _>>(),
            "articles_per_second": arts.len() as f64 / secs.max(1e-9),
            "mb_per_second": bytes as f64 / 1e6 / secs.max(1e-9),
            "passes": passes.max(1),
            "articles_per_second_later_passes": (passes > 1).then(|| (arts.len() * (passes - 1)) as f64 / later_secs.max(1e-9)),
            // (the same as the first pass's mentions of every modality: each pass does the same work)
            "mentions_per_later_pass": (passes > 1).then(|| again / (passes - 1)),
        }),
    )
}
