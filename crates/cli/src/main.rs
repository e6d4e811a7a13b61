//! `sitrep`: turn news reports into a database of events, from the command line.

mod eval;
mod eval_coref;
mod eval_events;
mod events;
mod ingest;
mod mentions;
mod queue;
mod show;

use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};
use sitrep_store::Store;

/// The allocator: extraction builds and drops many small strings and vectors per sentence;
/// mimalloc serves them faster than the system allocator (measured on whole ingests).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "sitrep",
    version,
    about = "Turn news reports into a trustworthy, deduplicated database",
    long_about = "sitrep reads news articles (plain text, HTML pages, JSONL dumps, WARC archives, RSS/Atom feeds), \
cleans their text, groups copies and rewrites of the same report into stories, and stores everything \
in a local SQLite database (./sitrep.db unless --db says otherwise; --db postgres://… uses a \
PostgreSQL server instead).\n\n\
Start with:\n  sitrep ingest --meta examples/seeds/meta.jsonl examples/seeds\n  sitrep articles"
)]
struct Cli {
    /// Database: a SQLite file (created if missing) or a PostgreSQL URL
    /// (postgres://user@host:5432/dbname). Also read from $SITREP_DB.
    #[arg(long, global = true, env = "SITREP_DB", default_value = "sitrep.db")]
    db: String,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Read, clean, deduplicate and store articles from files, directories or `-` (stdin).
    ///
    /// Formats are detected from the file name and content: .txt (first line is the
    /// headline when it looks like one), .html, .jsonl/.ndjson (fields id, url, outlet or
    /// source, published or date, title, text or html), .warc/.warc.gz, RSS/Atom feeds.
    /// Bad records are reported on one line each and skipped; re-ingesting is harmless.
    Ingest(ingest::IngestArgs),
    /// Ingest spread over processes and machines through a NATS JetStream queue: `push`
    /// queues the records of inputs, each `work` process ingests batches into --db.
    #[command(subcommand)]
    Queue(queue::QueueCmd),
    /// List stored articles with their story group.
    Articles(show::ArticlesArgs),
    /// Show one article (by id or unique id prefix), cleaned, with its story group-mates.
    Article(show::ArticleArgs),
    /// List events: one record per real event, merged across articles, with filters and exports.
    Events(events::EventsArgs),
    /// One event's dossier: every field with the sentences it came from and who claims what.
    Event(events::EventArgs),
    /// The event mentions found in stored articles, with the sentences they come from.
    Mentions(mentions::MentionsArgs),
    /// Counts of what the database holds.
    Stats {
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Measure sitrep on annotated data (see ../shared/bench in the development setup).
    #[command(subcommand)]
    Eval(eval::EvalCmd),
}

/// Output formats shared by listing commands.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Jsonl,
}

fn open_db(spec: &str) -> Result<Box<dyn Store>> {
    sitrep_store::open(spec).map_err(|e| match e {
        // names the database already
        sitrep_store::StoreError::Open { .. } => anyhow::Error::new(e),
        e => anyhow::Error::new(e).context(format!("cannot open database {}", sitrep_store::display_name(spec))),
    })
}

fn main() -> ExitCode {
    // `sitrep events --format csv | head` should stop quietly when the reader goes away, as
    // other Unix tools do, instead of panicking on the first write to a closed pipe
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE before any thread or I/O exists
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let result = match cli.cmd {
        Cmd::Ingest(args) => ingest::run(&cli.db, args),
        Cmd::Queue(cmd) => queue::run(&cli.db, cmd),
        Cmd::Articles(args) => open_db(&cli.db).and_then(|s| show::articles(s.as_ref(), args)).map(|_| ExitCode::SUCCESS),
        Cmd::Article(args) => open_db(&cli.db).and_then(|s| show::article(s.as_ref(), args)),
        Cmd::Events(args) => open_db(&cli.db).and_then(|s| events::list(s.as_ref(), args)).map(|_| ExitCode::SUCCESS),
        Cmd::Event(args) => open_db(&cli.db).and_then(|s| events::show(s.as_ref(), args)),
        Cmd::Mentions(args) => open_db(&cli.db).and_then(|s| mentions::run(s.as_ref(), args)),
        Cmd::Stats { format } => open_db(&cli.db).and_then(|s| show::stats(s.as_ref(), format)).map(|_| ExitCode::SUCCESS),
        Cmd::Eval(cmd) => eval::run(cmd).map(|_| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sitrep: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
