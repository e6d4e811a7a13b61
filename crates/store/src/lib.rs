//! Persists articles, their copies and their story groups.
//!
//! The store is the only stage with durable state, so it owns the guarantees users rely on:
//! every batch is one transaction (a killed ingest leaves the database as it was after the
//! last whole batch), article ids are content hashes (re-ingesting the same input adds
//! nothing), and near-copy candidates come from an LSH index kept in the database (memory
//! does not grow with the archive). [`ArticleStore`] is the seam for other backends.

mod sqlite;

use chrono::NaiveDate;
use sitrep_dedup::Fingerprint;
use sitrep_model::Article;

pub use sqlite::SqliteStore;

/// Errors from a storage backend.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
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
}

/// The storage operations the pipeline needs; SQLite implements it, PostgreSQL will.
pub trait ArticleStore {
    /// Stores a batch atomically and assigns each new article to a story group.
    fn ingest_batch(&mut self, batch: &[Prepared]) -> Result<Vec<Outcome>>;
    fn articles(&self, filter: &ArticleFilter) -> Result<Vec<StoredArticle>>;
    /// Looks an article up by full id or unambiguous prefix (`a_3f2`).
    fn article(&self, id: &str) -> Result<Option<StoredArticle>>;
    fn totals(&self) -> Result<Totals>;
    /// Every source (URL or record) that carried the article's text.
    fn sources(&self, id: &str) -> Result<Vec<Source>>;
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
