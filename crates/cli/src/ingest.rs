//! `sitrep ingest`: the read → clean → dedup → store pipeline over a batch of inputs.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use sitrep_extract::outlets::OutletHomes;
use sitrep_model::{RecordIssue, SourceMeta};
use sitrep_read::{ReadOptions, Sidecar};
use sitrep_store::{MergeSettings, Outcome, Prepared, Store};

/// What to read and the metadata to give it: the same for `ingest` and `queue push`.
#[derive(Args)]
pub struct InputArgs {
    /// Files, directories (read recursively) or `-` for standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// JSONL sidecar with per-file metadata: {"file": "a.txt", "outlet": "...", "published": "YYYY-MM-DD", ...}
    #[arg(long)]
    pub meta: Option<PathBuf>,
    /// Outlet for records that do not name one.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Publication date (YYYY-MM-DD) for records that do not carry one.
    #[arg(long)]
    pub published: Option<String>,
}

impl InputArgs {
    /// The reading options these arguments ask for (the sidecar loaded, the date checked).
    pub fn read_options(&self) -> Result<ReadOptions> {
        let sidecar = self.meta.as_deref().map(Sidecar::load).transpose()?;
        if let Some(p) = &self.published {
            if sitrep_clean::parse_date(p).is_none() {
                anyhow::bail!("--published {p:?} is not a date (use YYYY-MM-DD)");
            }
        }
        Ok(ReadOptions {
            sidecar,
            defaults: SourceMeta { outlet: self.outlet.clone(), published: self.published.clone(), ..SourceMeta::default() },
            exclude: self.meta.iter().cloned().collect(),
        })
    }
}

#[derive(Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Records per transaction: a killed ingest loses at most one unfinished batch.
    #[arg(long, default_value_t = 2000)]
    pub batch: usize,
    /// No progress bar (it is also hidden when stderr is not a terminal).
    #[arg(long, short)]
    pub quiet: bool,
}

/// Counts for the end-of-run summary.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub read: u64,
    pub new_articles: u64,
    pub near_copies: u64,
    pub exact_copies: u64,
    pub already: u64,
    pub skipped: BTreeMap<String, u64>,
    /// Event mentions found in the new articles, and events they founded.
    pub mentions: u64,
    pub new_events: u64,
}

/// The event mentions of an article, ready to merge (none without a publication date:
/// relative dates could not be resolved).
fn event_records(a: &sitrep_model::Article, learned_home: Option<u32>) -> Vec<sitrep_model::MentionRecord> {
    let Some(dct) = a.published else { return Vec::new() };
    let page = sitrep_extract::mentions::Page { learned_home, ..sitrep_extract::mentions::Page::of(a) };
    let (mentions, text, headline) = sitrep_extract::mentions::extract_article(&a.text, page, dct);
    mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.modality.is_event())
        .map(|(i, m)| {
            let mut r = sitrep_extract::mentions::to_record(m, text, a, i);
            for e in &mut r.evidence {
                e.headline = headline;
            }
            r
        })
        .collect()
}

impl Summary {
    pub fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }
}

/// Groups skip reasons for the summary: the reason up to its first detail.
fn reason_kind(issue: &RecordIssue) -> String {
    let r = &issue.reason;
    let cut = r.find([':', '(']).unwrap_or(r.len());
    r[..cut].trim().to_string()
}

/// Runs the pipeline over `paths` into `store`; `report` receives each skipped record.
pub fn ingest_into(
    store: &mut dyn Store,
    settings: MergeSettings,
    paths: &[PathBuf],
    options: ReadOptions,
    batch_size: usize,
    progress: &ProgressBar,
    mut report: impl FnMut(&RecordIssue),
) -> Result<Summary> {
    let mut summary = Summary::default();
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<sitrep_read::ReadResult>>(2);
    let paths = paths.to_vec();
    let batch_size = batch_size.max(1);
    let reader = std::thread::spawn(move || {
        let mut batch = Vec::with_capacity(batch_size);
        for r in sitrep_read::read_inputs(&paths, options) {
            batch.push(r);
            if batch.len() >= batch_size {
                if tx.send(std::mem::replace(&mut batch, Vec::with_capacity(batch_size))).is_err() {
                    return;
                }
            }
        }
        if !batch.is_empty() {
            let _ = tx.send(batch);
        }
    });
    for batch in rx {
        ingest_records(store, settings, batch, &mut summary, &mut report)?;
        progress.set_position(summary.read);
        progress.set_message(format!("{} new, {} skipped", summary.new_articles, summary.skipped_total()));
    }
    reader.join().map_err(|_| anyhow::anyhow!("the reader thread panicked"))?;
    Ok(summary)
}

/// Cleans, stores and merges one batch of read records (one transaction), adding to
/// `summary`; `report` receives each skipped record. `sitrep ingest` calls it for each batch
/// its reader thread fills, a queue worker for each batch it is handed.
pub fn ingest_records(
    store: &mut dyn Store,
    settings: MergeSettings,
    batch: Vec<sitrep_read::ReadResult>,
    summary: &mut Summary,
    mut report: impl FnMut(&RecordIssue),
) -> Result<()> {
    let mut issues = Vec::new();
    let records: Vec<_> = batch.into_iter().filter_map(|r| r.map_err(|e| issues.push(e)).ok()).collect();
    let cleaned: Vec<Result<Prepared, RecordIssue>> = sitrep_clean::clean_batch(records)
        .into_par_iter()
        .map(|c| c.map(|c| Prepared::new(c.article)))
        .chain(issues.into_par_iter().map(Err))
        .collect();
    let mut ok = Vec::with_capacity(cleaned.len());
    for c in cleaned {
        summary.read += 1;
        match c {
            Ok(p) => ok.push(p),
            Err(issue) => {
                report(&issue);
                *summary.skipped.entry(reason_kind(&issue)).or_default() += 1;
            }
        }
    }
    // Find the event mentions before storing, so that the articles and their events are
    // committed together; skip texts stored before (their events were merged with them)
    // and a batch's repeated texts.
    let ids: Vec<&str> = ok.iter().map(|p| p.article.id.as_str()).collect();
    let mut seen = store.stored_ids(&ids)?;
    let fresh: Vec<&Prepared> = ok.iter().filter(|p| seen.insert(p.article.id.clone())).collect();
    // An outlet's stored reports say where it is, if they agree ([`OutletHomes`]); this
    // batch's own reports add to them, and an article whose outlet's home they change is
    // read again with it (after the first batches of an outlet, none is).
    let outlets: Vec<&str> = fresh.iter().filter_map(|p| p.article.outlet.as_deref()).collect();
    let mut homes = OutletHomes::default();
    for c in store.outlet_counts(&outlets)? {
        homes.add_counted(&c.outlet, c.division.as_deref(), c.articles);
    }
    // (each outlet's home worked out once per reading)
    let by_outlet = |homes: &OutletHomes| -> HashMap<&str, u32> { outlets.iter().filter_map(|&o| Some((o, homes.home(o)?))).collect() };
    let home_of = |known: &HashMap<&str, u32>, p: &Prepared| p.article.outlet.as_deref().and_then(|o| known.get(o).copied());
    let before = by_outlet(&homes);
    let mut found: Vec<Vec<sitrep_model::MentionRecord>> = fresh.par_iter().map(|p| event_records(&p.article, home_of(&before, p))).collect();
    for vote in found.iter().flat_map(|f| sitrep_model::OutletVote::of(f)) {
        homes.add(&vote);
    }
    let after = by_outlet(&homes);
    let again: Vec<usize> = (0..fresh.len()).filter(|&i| home_of(&after, fresh[i]) != home_of(&before, fresh[i])).collect();
    let redone: Vec<(usize, Vec<sitrep_model::MentionRecord>)> = again.par_iter().map(|&i| (i, event_records(&fresh[i].article, home_of(&after, fresh[i])))).collect();
    for (i, records) in redone {
        found[i] = records;
    }
    let records: Vec<sitrep_model::MentionRecord> = found.into_iter().flatten().collect();
    let done = store.ingest_and_merge(&ok, &records, settings)?;
    summary.mentions += done.mentions as u64;
    summary.new_events += done.new_events as u64;
    let outcomes = done.outcomes;
    for o in outcomes {
        match o {
            Outcome::New { joined: Some(_), .. } => {
                summary.new_articles += 1;
                summary.near_copies += 1;
            }
            Outcome::New { .. } => summary.new_articles += 1,
            Outcome::ExactCopy { .. } => summary.exact_copies += 1,
            Outcome::AlreadyStored { .. } => summary.already += 1,
        }
    }
    Ok(())
}

pub fn run(db: &str, args: IngestArgs) -> Result<ExitCode> {
    let options = args.input.read_options()?;
    let mut store = crate::open_db(db)?;
    let progress = progress_bar(args.quiet, "{spinner} {elapsed_precise} {pos} records ({per_sec}) {msg}")?;
    let start = Instant::now();
    let pb = progress.clone();
    let summary = ingest_into(store.as_mut(), MergeSettings::default(), &args.input.paths, options, args.batch, &progress, |issue| {
        pb.suspend(|| eprintln!("sitrep: skipped {issue}"));
    })?;
    progress.finish_and_clear();
    print_summary(db, store.as_ref(), &summary, start.elapsed().as_secs_f64())?;
    let nothing_read = summary.read == summary.skipped_total();
    Ok(if nothing_read { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// A spinner on stderr with `template`, hidden when asked or when stderr is not a terminal.
pub fn progress_bar(quiet: bool, template: &str) -> Result<ProgressBar> {
    if quiet || !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return Ok(ProgressBar::hidden());
    }
    let pb = ProgressBar::new_spinner();
    pb.set_style(ProgressStyle::with_template(template).context("progress template")?);
    pb.enable_steady_tick(std::time::Duration::from_millis(200));
    Ok(pb)
}

/// The end-of-run report on stderr: what was read and skipped, and what the database holds.
pub fn print_summary(db: &str, store: &dyn Store, summary: &Summary, secs: f64) -> Result<()> {
    eprintln!(
        "read {} records in {:.1}s: {} new articles ({} joined an existing story as near-copies), {} exact copies of stored articles, {} already in the database, {} skipped",
        summary.read,
        secs,
        summary.new_articles,
        summary.near_copies,
        summary.exact_copies,
        summary.already,
        summary.skipped_total()
    );
    for (reason, n) in &summary.skipped {
        eprintln!("  skipped {n:>6}  {reason}");
    }
    let totals = store.totals()?;
    eprintln!("{} event mentions in the new articles founded {} new events", summary.mentions, summary.new_events);
    eprintln!(
        "database {}: {} articles in {} story groups ({} with several articles), {} sources, {} events",
        sitrep_store::display_name(db),
        totals.articles,
        totals.stories,
        totals.multi_article_stories,
        totals.sources,
        totals.events
    );
    Ok(())
}
