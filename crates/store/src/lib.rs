//! Persists articles, their copies and story groups, and the events merged from them.
//!
//! The store is the only stage with durable state, so it owns the guarantees users rely on:
//! every batch is one transaction (a killed ingest leaves the database as it was after the
//! last whole batch), article ids are content hashes (re-ingesting the same input adds
//! nothing), and near-copy and event candidates come from indexes kept in the database
//! (memory does not grow with the archive). Two backends implement [`Store`] with the same
//! schema and the same statements: SQLite, embedded and the default, and PostgreSQL, for a
//! team's shared database; [`open`] picks one from what the user names.

/// Implements [`Store`] for a backend whose inherent `write` (one committed transaction) and
/// `read` run a closure over its [`sql::Sql`]: every operation is the shared logic of
/// `articles` and `events`, so the backends differ only in how they reach their database.
macro_rules! store_over_sql {
    ($backend:ty) => {
        impl $crate::Store for $backend {
            fn ingest_batch(&mut self, batch: &[$crate::Prepared]) -> $crate::Result<Vec<$crate::Outcome>> {
                self.write(|db, cache| $crate::articles::ingest_batch(db, cache, batch))
            }

            fn merge_mentions(&mut self, records: &[sitrep_model::MentionRecord], settings: $crate::MergeSettings) -> $crate::Result<usize> {
                self.write(|db, cache| $crate::events::merge_mentions(db, cache, records, settings))
            }

            fn ingest_and_merge(
                &mut self,
                batch: &[$crate::Prepared],
                mentions: &[sitrep_model::MentionRecord],
                settings: $crate::MergeSettings,
            ) -> $crate::Result<$crate::Ingested> {
                self.write(|db, cache| $crate::ingest_and_merge(db, cache, batch, mentions, settings))
            }

            fn stored_ids(&self, ids: &[&str]) -> $crate::Result<std::collections::HashSet<String>> {
                self.read(|db| $crate::articles::stored_ids(db, ids))
            }

            fn articles(&self, filter: &$crate::ArticleFilter) -> $crate::Result<Vec<$crate::StoredArticle>> {
                self.read(|db| $crate::articles::articles(db, filter))
            }

            fn article(&self, id: &str) -> $crate::Result<Option<$crate::StoredArticle>> {
                self.read(|db| $crate::articles::article(db, id))
            }

            fn totals(&self) -> $crate::Result<$crate::Totals> {
                self.read($crate::articles::totals)
            }

            fn sources(&self, id: &str) -> $crate::Result<Vec<$crate::Source>> {
                self.read(|db| $crate::articles::sources(db, id))
            }

            fn ext_ids(&self) -> $crate::Result<Vec<(String, String)>> {
                self.read($crate::articles::ext_ids)
            }

            fn events(&self) -> $crate::Result<Vec<sitrep_model::Event>> {
                self.read($crate::events::events)
            }

            fn event(&self, id: &str) -> $crate::Result<Option<sitrep_model::Event>> {
                self.read(|db| $crate::events::event(db, id))
            }

            fn outlet_counts(&self, outlets: &[&str]) -> $crate::Result<Vec<$crate::OutletCount>> {
                self.read(|db| $crate::outlets::counts(db, outlets))
            }
        }
    };
}
pub(crate) use store_over_sql;

mod articles;
mod outlets;
mod events;
mod leads;
mod postgres;
mod sql;
mod sqlite;
#[cfg(test)]
mod tests;

use std::collections::HashSet;
use std::path::Path;

use chrono::NaiveDate;
use sitrep_dedup::Fingerprint;
use sitrep_model::{Article, Event, MentionRecord};

pub use outlets::OutletCount;
pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;

/// Errors from a storage backend.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("PostgreSQL error: {0}")]
    Postgres(#[from] ::postgres::Error),
    #[error("unexpected value in result column {index}: expected {expected}, found {found}")]
    Column { index: usize, expected: String, found: String },
    #[error("database {path}: {reason}")]
    Open { path: String, reason: String },
    #[error("database schema version {found} is newer than this sitrep understands ({known}); upgrade sitrep")]
    TooNew { found: i64, known: i64 },
    #[error("corrupt stored value in article {id}: {reason}")]
    Corrupt { id: String, reason: String },
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// A cleaned article ready to store, with its fingerprint and the words of its lead
/// (computed in parallel beforehand).
#[derive(Debug, Clone)]
pub struct Prepared {
    pub article: Article,
    pub fingerprint: Fingerprint,
    /// Stemmed content words of title and lead with counts ([`sitrep_merge::lexical::lead_terms`]):
    /// how the merge recognises other outlets' reports of the same story.
    pub lead: Vec<(String, u32)>,
}

impl Prepared {
    /// Fingerprints an article and gives it its content-derived id.
    pub fn new(mut article: Article) -> Self {
        let fingerprint = sitrep_dedup::fingerprint(&article.text);
        article.id = fingerprint.article_id();
        let lead = sitrep_merge::lexical::lead_terms(article.title.as_deref(), &article.text);
        Prepared { article, fingerprint, lead }
    }
}

/// What happened to one record of a batch.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A new article; `joined` names the earlier article whose story it joined as a
    /// near-copy, with the similarity that decided it.
    New { id: String, story: String, joined: Option<(String, f64)> },
    /// The same text was already stored under `id`; this record adds a new source for it.
    ExactCopy { id: String },
    /// This very record (same text, same source) was ingested before: nothing changed.
    AlreadyStored { id: String },
}

/// What one [`Store::ingest_and_merge`] did.
#[derive(Debug, Clone, PartialEq)]
pub struct Ingested {
    /// One per record of the batch, in order.
    pub outcomes: Vec<Outcome>,
    /// Mentions of the new articles, all merged.
    pub mentions: usize,
    /// Events those mentions founded.
    pub new_events: usize,
}

/// The shared logic of [`Store::ingest_and_merge`], inside the backend's transaction.
fn ingest_and_merge(db: &mut dyn sql::Sql, cache: &mut leads::LeadCache, batch: &[Prepared], mentions: &[MentionRecord], settings: MergeSettings) -> Result<Ingested> {
    let outcomes = articles::ingest_batch(db, cache, batch)?;
    let new: HashSet<&str> =
        outcomes.iter().filter_map(|o| if let Outcome::New { id, .. } = o { Some(id.as_str()) } else { None }).collect();
    // usually every mention is a new article's: no copy then
    let records: std::borrow::Cow<[MentionRecord]> = if mentions.iter().all(|m| new.contains(m.article.as_str())) {
        mentions.into()
    } else {
        mentions.iter().filter(|m| new.contains(m.article.as_str())).cloned().collect::<Vec<_>>().into()
    };
    let new_events = events::merge_mentions(db, cache, &records, settings)?;
    outlets::count(db, &records)?;
    Ok(Ingested { outcomes, mentions: records.len(), new_events })
}

/// A stored article with its story group.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    pub article: Article,
    pub story: String,
    /// Other sources (URLs, records) that carried exactly this text.
    pub copies: usize,
}

/// Which articles to list.
#[derive(Debug, Clone, Default)]
pub struct ArticleFilter {
    pub story: Option<String>,
    pub outlet: Option<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub limit: Option<usize>,
}

/// Counts over the whole store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    pub articles: u64,
    pub sources: u64,
    pub stories: u64,
    /// Stories with more than one article.
    pub multi_article_stories: u64,
    /// Events, merged across articles.
    pub events: u64,
}

/// How eagerly reports join events; the defaults are the calibrated ones, and
/// `sitrep eval events` sets others to calibrate them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MergeSettings {
    /// The score a report needs to join an existing event ([`sitrep_merge::JOIN_THRESHOLD`]).
    pub join_threshold: f64,
    /// The lead similarity at which a report joins the event of another outlet's report of
    /// the same story ([`sitrep_merge::lexical::SAME_STORY`]); above 1, leads are never compared.
    pub story_threshold: f64,
}

impl Default for MergeSettings {
    fn default() -> Self {
        MergeSettings { join_threshold: sitrep_merge::JOIN_THRESHOLD, story_threshold: sitrep_merge::lexical::SAME_STORY }
    }
}

/// The storage operations the pipeline needs, the same for every backend.
pub trait Store {
    /// Stores a batch atomically and assigns each new article to a story group.
    fn ingest_batch(&mut self, batch: &[Prepared]) -> Result<Vec<Outcome>>;
    /// Merges the event mentions of newly stored articles into events, atomically; returns
    /// how many events were founded. Mentions merged before are skipped.
    fn merge_mentions(&mut self, records: &[MentionRecord], settings: MergeSettings) -> Result<usize>;
    /// Stores a batch and merges the mentions of the articles it adds, in one transaction.
    /// An ingest needs both or neither: killed between two transactions it would leave
    /// articles stored without their events, and a rerun, finding them stored, would never
    /// merge them. `mentions` may hold those of every article in the batch; only the
    /// mentions of articles that come out [`Outcome::New`] are merged.
    fn ingest_and_merge(&mut self, batch: &[Prepared], mentions: &[MentionRecord], settings: MergeSettings) -> Result<Ingested>;
    /// Which of `ids` name stored articles: their mentions were merged when they were
    /// stored, so an ingest need not analyse them again (a resumed ingest skips its
    /// finished part at the speed of this lookup).
    fn stored_ids(&self, ids: &[&str]) -> Result<HashSet<String>>;
    fn articles(&self, filter: &ArticleFilter) -> Result<Vec<StoredArticle>>;
    /// Looks an article up by full id or unambiguous prefix (`a_3f2`).
    fn article(&self, id: &str) -> Result<Option<StoredArticle>>;
    fn totals(&self) -> Result<Totals>;
    /// Every source (URL or record) that carried the article's text.
    fn sources(&self, id: &str) -> Result<Vec<Source>>;
    /// Every input id (JSONL `id`, WARC-Record-ID) with the stored article that holds its
    /// text: how evaluation finds the articles gold annotations name.
    fn ext_ids(&self) -> Result<Vec<(String, String)>>;
    /// All events, oldest first (undated last).
    fn events(&self) -> Result<Vec<Event>>;
    /// One event by full id or unambiguous prefix.
    fn event(&self, id: &str) -> Result<Option<Event>>;
    /// Where the stored articles of `outlets` place their events, counted by first-level
    /// division: how the analysis learns where a local outlet is.
    fn outlet_counts(&self, outlets: &[&str]) -> Result<Vec<OutletCount>>;
}

/// Opens the database a user names: a `postgres://` or `postgresql://` URL is a PostgreSQL
/// database (its `options=-csearch_path%3DNAME` parameter picks a schema), anything else
/// the path of a SQLite file, created if missing.
pub fn open(spec: &str) -> Result<Box<dyn Store>> {
    if spec.starts_with("postgres://") || spec.starts_with("postgresql://") {
        Ok(Box::new(PostgresStore::connect(spec)?))
    } else {
        Ok(Box::new(SqliteStore::open(Path::new(spec))?))
    }
}

/// One place a text was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub key: String,
    pub ext_id: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub origin: String,
}

/// How to name the database a user gave in messages: a PostgreSQL URL without its password.
pub fn display_name(spec: &str) -> String {
    postgres::redact(spec)
}
