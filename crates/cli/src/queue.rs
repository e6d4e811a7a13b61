//! `sitrep queue`: ingest spread over machines. `push` reads inputs and queues their records
//! in NATS JetStream; each `work` process takes batches from the queue and runs the rest of
//! the pipeline into the database they share (PostgreSQL), where the merge of each batch
//! holds the database's write lock, so the result is the one a single ingest would give.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use sitrep_queue::{Queue, DEFAULT_STREAM, DEFAULT_WORKERS};
use sitrep_store::MergeSettings;

use crate::ingest::{self, Summary};

#[derive(Subcommand)]
pub enum QueueCmd {
    /// Read files, directories or `-` and queue their records for workers, in batches.
    ///
    /// Bad records are reported on one line each and skipped, as `ingest` does; pushing the
    /// same input twice is harmless (a batch queued again within two minutes is dropped by
    /// the stream, and a worker stores an article once however often it arrives).
    Push(PushArgs),
    /// Take batches from the queue and ingest them into --db until stopped.
    ///
    /// Run as many as there are cores to spare, on as many machines, all with the same
    /// --db (a PostgreSQL URL; a SQLite file works for workers on one machine). A batch
    /// leaves the queue only when the database has committed it: a worker killed mid-batch
    /// leaves it for another.
    Work(WorkArgs),
    /// How many batches wait in the queue.
    Status(QueueArgs),
    /// Delete the stream and every batch still waiting in it.
    Delete(QueueArgs),
}

#[derive(Args)]
pub struct QueueArgs {
    /// NATS server with JetStream.
    #[arg(long, env = "SITREP_NATS", default_value = "nats://127.0.0.1:4222")]
    pub nats: String,
    /// JetStream stream that holds the batches (created if missing).
    #[arg(long, default_value = DEFAULT_STREAM)]
    pub stream: String,
}

#[derive(Args)]
pub struct PushArgs {
    #[command(flatten)]
    pub queue: QueueArgs,
    #[command(flatten)]
    pub input: ingest::InputArgs,
    /// Records per batch (a batch too large for one message is split).
    #[arg(long, default_value_t = 200)]
    pub batch: usize,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Args)]
pub struct WorkArgs {
    #[command(flatten)]
    pub queue: QueueArgs,
    /// Stop when no batch has arrived for --wait seconds, instead of waiting for more.
    #[arg(long)]
    pub until_empty: bool,
    /// Seconds to wait for a batch before looking again (or stopping, with --until-empty).
    #[arg(long, default_value_t = 5.0)]
    pub wait: f64,
    /// Seconds any worker may hold a batch unanswered before the server hands it to another
    /// (a worker that died). Shared by all workers of the stream: given here, it changes the
    /// setting for those already running too; left out, the workers keep the one they have
    /// (600 when the first worker starts). Keep it longer than a batch takes to store.
    #[arg(long, value_parser = ack_wait, value_name = "SECONDS")]
    pub ack_wait: Option<Duration>,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

pub fn run(db: &str, cmd: QueueCmd) -> Result<ExitCode> {
    match cmd {
        QueueCmd::Push(a) => push(a),
        QueueCmd::Work(a) => work(db, a),
        QueueCmd::Status(a) => {
            let q = connect(&a)?;
            println!("{} batches waiting in stream {}", q.waiting()?, a.stream);
            Ok(ExitCode::SUCCESS)
        }
        QueueCmd::Delete(a) => {
            let q = connect(&a)?;
            let waiting = q.waiting()?;
            q.delete()?;
            eprintln!("deleted stream {} with {waiting} batches waiting", a.stream);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A whole number of seconds, at least one (the server counts the wait in whole seconds at
/// best, and no wait would hand every batch to every worker).
fn ack_wait(s: &str) -> std::result::Result<Duration, String> {
    match s.parse::<u64>() {
        Ok(n) if n >= 1 => Ok(Duration::from_secs(n)),
        _ => Err(format!("{s:?} is not a whole number of seconds of at least 1")),
    }
}

fn connect(a: &QueueArgs) -> Result<Queue> {
    Queue::connect(&a.nats, &a.stream).with_context(|| "opening the queue (is a NATS server with JetStream running? see --nats)")
}

fn push(a: PushArgs) -> Result<ExitCode> {
    let options = a.input.read_options()?;
    let q = connect(&a.queue)?;
    let progress = ingest::progress_bar(a.quiet, "{spinner} {elapsed_precise} {pos} records queued ({per_sec})")?;
    let start = Instant::now();
    let (mut queued, mut skipped, mut messages, mut duplicates) = (0usize, 0usize, 0usize, 0usize);
    let mut batch = Vec::with_capacity(a.batch.max(1));
    let mut records = sitrep_read::read_inputs(&a.input.paths, options).peekable();
    while let Some(r) = records.next() {
        match r {
            Ok(r) => batch.push(r),
            Err(issue) => {
                progress.suspend(|| eprintln!("sitrep: skipped {issue}"));
                skipped += 1;
            }
        }
        if batch.len() >= a.batch.max(1) || (records.peek().is_none() && !batch.is_empty()) {
            let p = q.publish(&batch)?;
            for issue in &p.too_large {
                progress.suspend(|| eprintln!("sitrep: skipped {issue}"));
            }
            skipped += p.too_large.len();
            queued += batch.len() - p.too_large.len();
            messages += p.messages;
            duplicates += p.duplicates;
            batch.clear();
            progress.set_position(queued as u64);
        }
    }
    progress.finish_and_clear();
    eprintln!(
        "queued {queued} records in {messages} batches in {:.1}s to stream {}{}, {skipped} skipped",
        start.elapsed().as_secs_f64(),
        a.queue.stream,
        if duplicates > 0 { format!(" ({duplicates} batches were queued already)") } else { String::new() },
    );
    // as `ingest`: an input with no usable record is a failure
    Ok(if queued == 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn work(db: &str, a: WorkArgs) -> Result<ExitCode> {
    let q = connect(&a.queue)?;
    let mut worker = match a.ack_wait {
        Some(w) => q.worker_with(DEFAULT_WORKERS, w)?,
        None => q.worker(DEFAULT_WORKERS)?,
    };
    let mut store = crate::open_db(db)?;
    let wait = Duration::from_secs_f64(a.wait.max(0.1));
    let progress = ingest::progress_bar(a.quiet, "{spinner} {elapsed_precise} {pos} records ({per_sec}) {msg}")?;
    let start = Instant::now();
    let mut summary = Summary::default();
    let mut batches = 0usize;
    loop {
        let Some(mut d) = worker.next(wait)? else {
            if a.until_empty {
                break;
            }
            continue;
        };
        let records = std::mem::take(&mut d.records);
        let pb = progress.clone();
        let stored = ingest::ingest_records(store.as_mut(), MergeSettings::default(), records, &mut summary, |issue| {
            pb.suspend(|| eprintln!("sitrep: skipped {issue}"));
        });
        match stored {
            Ok(()) => worker.done(d)?,
            Err(e) => {
                // the batch goes back to the queue for another try (here or elsewhere)
                let label = d.label.clone();
                let _ = worker.retry(d);
                return Err(e.context(format!("ingesting {label}")));
            }
        }
        batches += 1;
        progress.set_position(summary.read);
        progress.set_message(format!("{batches} batches, {} new articles", summary.new_articles));
    }
    progress.finish_and_clear();
    eprintln!("worker took {batches} batches from stream {}", a.queue.stream);
    ingest::print_summary(db, store.as_ref(), &summary, start.elapsed().as_secs_f64())?;
    Ok(ExitCode::SUCCESS)
}
