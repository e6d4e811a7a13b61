//! The embedded default backend: one SQLite file, no server.

use std::collections::HashMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OptionalExtension, params};
use sitrep_dedup::{Fingerprint, exact_similarity, new_story_id, shingle_set};
use sitrep_model::Article;

use crate::{ArticleFilter, ArticleStore, Outcome, Prepared, Result, Source, StoreError, StoredArticle, Totals};

/// Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
const MIGRATIONS: &[&str] = &[r#"
CREATE TABLE articles (
    n           INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    story       TEXT NOT NULL,
    ext_id      TEXT,
    url         TEXT,
    outlet      TEXT,
    published   TEXT,
    title       TEXT,
    byline      TEXT,
    language    TEXT,
    text        TEXT NOT NULL,
    origin      TEXT NOT NULL,
    shingles    INTEGER NOT NULL,
    minhash     BLOB NOT NULL,
    joined_from TEXT,
    similarity  REAL,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX articles_story ON articles(story);
CREATE INDEX articles_published ON articles(published);
CREATE TABLE sources (
    key       TEXT NOT NULL,
    article   INTEGER NOT NULL REFERENCES articles(n),
    ext_id    TEXT,
    url       TEXT,
    outlet    TEXT,
    published TEXT,
    origin    TEXT NOT NULL,
    PRIMARY KEY (key, article)
) WITHOUT ROWID;
CREATE INDEX sources_article ON sources(article);
CREATE TABLE lsh (
    bucket  INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (bucket, article)
) WITHOUT ROWID;
"#, r#"
CREATE TABLE mentions (
    article TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    event   TEXT NOT NULL,
    json    TEXT NOT NULL,
    PRIMARY KEY (article, ordinal)
) WITHOUT ROWID;
CREATE INDEX mentions_event ON mentions(event);
CREATE TABLE events (
    id         TEXT PRIMARY KEY,
    type       TEXT NOT NULL,
    date_start TEXT,
    date_end   TEXT,
    country    TEXT,
    lat        REAL,
    lon        REAL,
    summary    TEXT NOT NULL,
    json       TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX events_window ON events(type, date_end);
CREATE INDEX events_country ON events(type, country);
"#, r#"
-- candidates by a window bounded on both sides: events spanning a month or less by their
-- start, the few wider ones (a year, a season) by their own index
ALTER TABLE events ADD COLUMN wide INTEGER NOT NULL DEFAULT 0;
UPDATE events SET wide = (julianday(date_end) - julianday(date_start) > 31);
DROP INDEX events_window;
DROP INDEX events_country;
-- covering: the window and the box are checked in the index, only matches read their row
CREATE INDEX events_start ON events(type, date_start, date_end, lat, lon, country);
CREATE INDEX events_wide ON events(type, wide, date_end, date_start, lat, lon, country);
-- people named in an event's reports: an undated report finds its event through them
CREATE TABLE event_names (
    name  TEXT NOT NULL,
    event TEXT NOT NULL,
    PRIMARY KEY (name, event)
) WITHOUT ROWID;
"#, r#"
-- mentions and events hold kilobytes of JSON per row: in a WITHOUT ROWID table every key
-- comparison of a lookup reads the whole row through its overflow pages (44% of a 25k-article
-- ingest went there), so they become rowid tables with their keys in small indexes
CREATE TABLE mentions_r (
    n       INTEGER PRIMARY KEY,
    article TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    event   TEXT NOT NULL,
    json    TEXT NOT NULL,
    UNIQUE (article, ordinal)
);
INSERT INTO mentions_r (article, ordinal, event, json) SELECT article, ordinal, event, json FROM mentions ORDER BY article, ordinal;
DROP TABLE mentions;
ALTER TABLE mentions_r RENAME TO mentions;
CREATE INDEX mentions_event ON mentions(event);
CREATE TABLE events_r (
    n          INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    type       TEXT NOT NULL,
    date_start TEXT,
    date_end   TEXT,
    country    TEXT,
    lat        REAL,
    lon        REAL,
    summary    TEXT NOT NULL,
    json       TEXT NOT NULL,
    wide       INTEGER NOT NULL DEFAULT 0
);
INSERT INTO events_r (id, type, date_start, date_end, country, lat, lon, summary, json, wide)
    SELECT id, type, date_start, date_end, country, lat, lon, summary, json, wide FROM events ORDER BY id;
DROP TABLE events;
ALTER TABLE events_r RENAME TO events;
CREATE INDEX events_start ON events(type, date_start, date_end, lat, lon, country);
CREATE INDEX events_wide ON events(type, wide, date_end, date_start, lat, lon, country);
"#, r#"
-- the words of each article's lead (title and opening), for recognising other outlets'
-- reports of the same story; `day` is the publication day (days since 0001-01-01)
CREATE TABLE leads (
    article INTEGER PRIMARY KEY REFERENCES articles(n),
    day     INTEGER NOT NULL,
    terms   TEXT NOT NULL
);
-- each lead's most distinctive words, looked up by word and day
CREATE TABLE lead_postings (
    term    TEXT NOT NULL,
    day     INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (term, day, article)
) WITHOUT ROWID;
-- in how many leads each word occurs (its inverse document frequency)
CREATE TABLE term_df (
    term TEXT PRIMARY KEY,
    df   INTEGER NOT NULL
) WITHOUT ROWID;
"#];

/// SQLite-backed [`ArticleStore`].
pub struct SqliteStore {
    conn: Connection,
    join_threshold: f64,
    story_threshold: f64,
}

impl SqliteStore {
    /// Opens (creating if needed) and migrates the database at `path`.
    pub fn open(path: &Path) -> Result<Self> {
        let conn = Connection::open(path)
            .map_err(|e| StoreError::Open { path: path.display().to_string(), reason: e.to_string() })?;
        Self::init(conn)
    }

    /// A private in-memory database, for tests and one-off evaluation runs.
    pub fn in_memory() -> Result<Self> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Self> {
        // WAL with synchronous=NORMAL: a crash or kill loses at most the last unfinished
        // batch and never corrupts what was committed.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "cache_size", -65536)?;
        // Checkpoint the WAL every ~64 MB rather than every 4 MB: pages rewritten by
        // consecutive batches then reach the main file once.
        conn.pragma_update(None, "wal_autocheckpoint", 16384)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        // One plan per statement: without the query planner stability guarantee, SQLite
        // (built with STAT4) re-prepares a cached statement each time a parameter it could
        // plan on is bound anew; the merge's per-event queries spent 7% of an ingest parsing.
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        conn.set_prepared_statement_cache_capacity(64);
        let mut store = SqliteStore { conn, join_threshold: sitrep_merge::JOIN_THRESHOLD, story_threshold: sitrep_merge::lexical::SAME_STORY };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<()> {
        let version: i64 = self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(StoreError::TooNew { found: version, known });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            // another process opening the same new database (a `stats` beside an `ingest`)
            // may have applied it meanwhile: take the write lock first, then look again
            let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let now: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
            if now > i as i64 {
                continue;
            }
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Sets the score a report needs to join an existing event, for calibrating the merge
    /// (`sitrep eval events --join-threshold`); the default is [`sitrep_merge::JOIN_THRESHOLD`].
    pub fn set_join_threshold(&mut self, threshold: f64) {
        self.join_threshold = threshold;
    }

    /// Sets the lead similarity at which a report joins the event of another outlet's report
    /// of the same story, for calibrating (`sitrep eval events --story-threshold`); the
    /// default is [`sitrep_merge::lexical::SAME_STORY`]. Above 1, leads are never compared.
    pub fn set_story_threshold(&mut self, threshold: f64) {
        self.story_threshold = threshold;
    }

    /// The schema version in use (number of migrations applied).
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Direct access for later pipeline stages that keep their own tables in the same file.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

fn date_str(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

fn parse_day(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

/// How many LSH candidates (those sharing the most bands) are verified on exact overlap.
const MAX_VERIFIED_CANDIDATES: usize = 12;

/// Finds the best earlier article this one is a near-copy of, via the LSH buckets.
fn best_match(
    tx: &rusqlite::Transaction<'_>,
    fp: &Fingerprint,
    pending: &HashMap<i64, Vec<i64>>,
) -> Result<Option<(String, String, f64)>> {
    let keys = fp.band_keys();
    if keys.is_empty() {
        return Ok(None);
    }
    // Count shared bands per candidate and verify only the strongest few: templated texts
    // (police blotters, sports scores) share bands with thousands of articles, and checking
    // them all would make ingest quadratic.
    let mut hits: HashMap<i64, u32> = HashMap::new();
    {
        // A crowded bucket says little; its newest members are the likeliest copies of news.
        let mut q = tx.prepare_cached("SELECT article FROM lsh WHERE bucket = ?1 ORDER BY article DESC LIMIT 32")?;
        for k in &keys {
            let rows = q.query_map([k], |r| r.get::<_, i64>(0))?;
            for n in rows {
                *hits.entry(n?).or_default() += 1;
            }
            for n in pending.get(k).into_iter().flatten() {
                *hits.entry(*n).or_default() += 1;
            }
        }
    }
    let mut cands: Vec<(i64, u32)> = hits.into_iter().collect();
    cands.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    cands.truncate(MAX_VERIFIED_CANDIDATES);
    let cands: Vec<i64> = cands.into_iter().map(|c| c.0).collect();
    let mut best: Option<(String, String, f64)> = None;
    let mut q = tx.prepare_cached("SELECT id, story, text FROM articles WHERE n = ?1")?;
    for n in cands {
        let (id, story, text): (String, String, String) = q.query_row([n], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        let s = exact_similarity(&fp.shingle_set, &shingle_set(&text));
        if s.is_copy() && best.as_ref().is_none_or(|b| s.score() > b.2) {
            best = Some((id, story, s.score()));
        }
    }
    Ok(best)
}

/// Events with this many articles take no more reports on the strength of their words alone:
/// lexical links chain (templated roundups, one outlet's boilerplate), and a story told this
/// widely is reported with dates and places that let the facts decide.
const MAX_STORY_ARTICLES: usize = 64;
/// Words of a lead posted for lookup: its most distinctive ones by TF-IDF. Two leads similar
/// enough to tell one story share several of them.
const POSTED_TERMS: usize = 20;
/// Posted words a lead must share with a report's to be compared with it: leads of one story
/// share several of their most distinctive words, a lead that shares one is rarely similar
/// enough (B³ F1 on the dev incidents is the same as comparing every lead that shares one).
const MIN_SHARED_POSTINGS: u32 = 2;
/// Leads read per posted word of a report (a word in many leads of the same days says little).
const MAX_POSTINGS: i64 = 100;

fn encode_terms(terms: &[(String, u32)]) -> String {
    let mut s = String::new();
    for (w, n) in terms {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(w);
        s.push(':');
        s.push_str(&n.to_string());
    }
    s
}

fn decode_terms(s: &str) -> Vec<(String, u32)> {
    s.split(' ').filter_map(|t| t.rsplit_once(':')).filter_map(|(w, n)| Some((w.to_string(), n.parse().ok()?))).collect()
}

/// Document frequencies read from `term_df`, and the weighed lead vectors of articles a
/// batch compares with, cached for one batch.
struct Idf<'t> {
    tx: &'t rusqlite::Transaction<'t>,
    leads: f64,
    cache: HashMap<String, f64>,
    stored: HashMap<i64, Vec<(String, f64)>>,
}

impl<'t> Idf<'t> {
    fn new(tx: &'t rusqlite::Transaction<'t>) -> Result<Self> {
        let leads: i64 = tx.query_row("SELECT COUNT(*) FROM leads", [], |r| r.get(0))?;
        Ok(Idf { tx, leads: leads as f64, cache: HashMap::new(), stored: HashMap::new() })
    }

    fn of(&mut self, term: &str) -> Result<f64> {
        if let Some(x) = self.cache.get(term) {
            return Ok(*x);
        }
        let df: i64 = self.tx.prepare_cached("SELECT df FROM term_df WHERE term = ?1")?.query_row([term], |r| r.get(0)).optional()?.unwrap_or(0);
        let x = sitrep_merge::lexical::idf(self.leads, df as f64);
        self.cache.insert(term.to_string(), x);
        Ok(x)
    }

    /// The lead vector of stored article `n`.
    fn stored_vector(&mut self, n: i64) -> Result<&[(String, f64)]> {
        if !self.stored.contains_key(&n) {
            let terms: String = self.tx.prepare_cached("SELECT terms FROM leads WHERE article = ?1")?.query_row([n], |r| r.get(0))?;
            let terms = decode_terms(&terms);
            let v: Vec<(String, f64)> = self.vector(&terms)?.into_iter().map(|(w, x)| (w.to_string(), x)).collect();
            self.stored.insert(n, v);
        }
        Ok(self.stored.get(&n).map(Vec::as_slice).unwrap_or_default())
    }

    fn vector<'a>(&mut self, terms: &'a [(String, u32)]) -> Result<Vec<(&'a str, f64)>> {
        for (w, _) in terms {
            self.of(w)?;
        }
        Ok(sitrep_merge::lexical::tfidf_vector(terms, |w| self.cache.get(w).copied().unwrap_or(0.0)))
    }
}

/// The most distinctive words of a lead vector, highest weight first.
fn posted<'a>(v: &[(&'a str, f64)]) -> Vec<&'a str> {
    let mut by_weight: Vec<(&str, f64)> = v.to_vec();
    by_weight.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    by_weight.into_iter().take(POSTED_TERMS).map(|x| x.0).collect()
}

/// Stores a batch's leads: the words, their document frequencies, and postings of each lead's
/// most distinctive words (weighed once the whole batch is counted).
fn store_leads(tx: &rusqlite::Transaction<'_>, leads: &[(i64, i64, &[(String, u32)])]) -> Result<()> {
    if leads.is_empty() {
        return Ok(());
    }
    let mut df: std::collections::BTreeMap<&str, i64> = std::collections::BTreeMap::new();
    {
        let mut q = tx.prepare_cached("INSERT INTO leads (article, day, terms) VALUES (?1, ?2, ?3)")?;
        for (n, day, terms) in leads {
            q.execute(params![n, day, encode_terms(terms)])?;
            for (w, _) in terms.iter() {
                *df.entry(w.as_str()).or_default() += 1;
            }
        }
        let mut q = tx.prepare_cached("INSERT INTO term_df (term, df) VALUES (?1, ?2) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df")?;
        for (w, k) in df {
            q.execute(params![w, k])?;
        }
    }
    let mut idf = Idf::new(tx)?;
    let mut postings: Vec<(&str, i64, i64)> = Vec::new();
    for (n, day, terms) in leads {
        for w in posted(&idf.vector(terms)?) {
            postings.push((w, *day, *n));
        }
    }
    postings.sort_unstable();
    let mut q = tx.prepare_cached("INSERT OR IGNORE INTO lead_postings (term, day, article) VALUES (?1, ?2, ?3)")?;
    for (w, day, n) in postings {
        q.execute(params![w, day, n])?;
    }
    Ok(())
}

fn insert_source(tx: &rusqlite::Transaction<'_>, n: i64, a: &Article) -> Result<bool> {
    let mut q = tx.prepare_cached(
        "INSERT OR IGNORE INTO sources (key, article, ext_id, url, outlet, published, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let changed = q.execute(params![a.source_key(), n, a.ext_id, a.url, a.outlet, date_str(a.published), a.origin])?;
    Ok(changed == 1)
}

impl ArticleStore for SqliteStore {
    fn ingest_batch(&mut self, batch: &[Prepared]) -> Result<Vec<Outcome>> {
        let tx = self.conn.transaction()?;
        let mut out = Vec::with_capacity(batch.len());
        // This batch's bucket entries, inserted in key order at the end: sorted inserts touch
        // each B-tree page once instead of once per article.
        let mut pending: HashMap<i64, Vec<i64>> = HashMap::new();
        let mut leads: Vec<(i64, i64, &[(String, u32)])> = Vec::new();
        for p in batch {
            let a = &p.article;
            let existing: Option<i64> = tx
                .prepare_cached("SELECT n FROM articles WHERE id = ?1")?
                .query_row([&a.id], |r| r.get(0))
                .optional()?;
            if let Some(n) = existing {
                let added = insert_source(&tx, n, a)?;
                out.push(if added { Outcome::ExactCopy { id: a.id.clone() } } else { Outcome::AlreadyStored { id: a.id.clone() } });
                continue;
            }
            let matched = best_match(&tx, &p.fingerprint, &pending)?;
            let story = matched.as_ref().map(|m| m.1.clone()).unwrap_or_else(|| new_story_id(&a.id));
            tx.prepare_cached(
                "INSERT INTO articles (id, story, ext_id, url, outlet, published, title, byline, language, text, origin, shingles, minhash, joined_from, similarity)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            )?
            .execute(params![
                a.id,
                story,
                a.ext_id,
                a.url,
                a.outlet,
                date_str(a.published),
                a.title,
                a.byline,
                a.language,
                a.text,
                a.origin,
                p.fingerprint.shingles,
                p.fingerprint.signature_bytes(),
                matched.as_ref().map(|m| m.0.clone()),
                matched.as_ref().map(|m| m.2),
            ])?;
            let n = tx.last_insert_rowid();
            insert_source(&tx, n, a)?;
            if let Some(day) = a.published {
                leads.push((n, day.num_days_from_ce() as i64, &p.lead));
            }
            for k in p.fingerprint.band_keys() {
                pending.entry(k).or_default().push(n);
            }
            out.push(Outcome::New { id: a.id.clone(), story, joined: matched.map(|m| (m.0, m.2)) });
        }
        store_leads(&tx, &leads)?;
        let mut entries: Vec<(i64, i64)> = pending.into_iter().flat_map(|(k, ns)| ns.into_iter().map(move |n| (k, n))).collect();
        entries.sort_unstable();
        {
            let mut q = tx.prepare_cached("INSERT OR IGNORE INTO lsh (bucket, article) VALUES (?1, ?2)")?;
            for (k, n) in entries {
                q.execute(params![k, n])?;
            }
        }
        tx.commit()?;
        Ok(out)
    }

    fn articles(&self, f: &ArticleFilter) -> Result<Vec<StoredArticle>> {
        let mut sql = String::from(
            "SELECT a.id, a.story, a.ext_id, a.url, a.outlet, a.published, a.title, a.byline, a.language, a.text, a.origin,
                    (SELECT COUNT(*) FROM sources s WHERE s.article = a.n) - 1
             FROM articles a WHERE 1=1",
        );
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        if let Some(s) = &f.story {
            args.push(Box::new(s.clone()));
            sql.push_str(&format!(" AND a.story = ?{}", args.len()));
        }
        if let Some(o) = &f.outlet {
            args.push(Box::new(o.clone()));
            sql.push_str(&format!(" AND a.outlet = ?{} COLLATE NOCASE", args.len()));
        }
        if let Some(d) = f.since {
            args.push(Box::new(d.format("%Y-%m-%d").to_string()));
            sql.push_str(&format!(" AND a.published >= ?{}", args.len()));
        }
        if let Some(d) = f.until {
            args.push(Box::new(d.format("%Y-%m-%d").to_string()));
            sql.push_str(&format!(" AND a.published <= ?{}", args.len()));
        }
        sql.push_str(" ORDER BY a.published IS NULL, a.published, a.n");
        if let Some(l) = f.limit {
            sql.push_str(&format!(" LIMIT {l}"));
        }
        let mut q = self.conn.prepare(&sql)?;
        let rows = q.query_map(rusqlite::params_from_iter(args.iter().map(|b| b.as_ref())), row_to_stored)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        let sql = "SELECT a.id, a.story, a.ext_id, a.url, a.outlet, a.published, a.title, a.byline, a.language, a.text, a.origin,
                          (SELECT COUNT(*) FROM sources s WHERE s.article = a.n) - 1
                   FROM articles a WHERE a.id = ?1 OR a.id LIKE ?2 ESCAPE '\\' LIMIT 2";
        let prefix = format!("{}%", id.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        let mut q = self.conn.prepare(sql)?;
        let rows: Vec<StoredArticle> = q.query_map(params![id, prefix], row_to_stored)?.collect::<std::result::Result<_, _>>()?;
        Ok(match rows.len() {
            1 => rows.into_iter().next(),
            _ => rows.into_iter().find(|r| r.article.id == id),
        })
    }

    fn totals(&self) -> Result<Totals> {
        let q = |sql: &str| -> Result<u64> { Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64) };
        Ok(Totals {
            articles: q("SELECT COUNT(*) FROM articles")?,
            sources: q("SELECT COUNT(*) FROM sources")?,
            stories: q("SELECT COUNT(DISTINCT story) FROM articles")?,
            multi_article_stories: q("SELECT COUNT(*) FROM (SELECT story FROM articles GROUP BY story HAVING COUNT(*) > 1)")?,
        })
    }

    fn sources(&self, id: &str) -> Result<Vec<Source>> {
        let mut q = self.conn.prepare(
            "SELECT s.key, s.ext_id, s.url, s.outlet, s.published, s.origin FROM sources s JOIN articles a ON a.n = s.article
             WHERE a.id = ?1 ORDER BY s.origin",
        )?;
        let rows = q.query_map([id], |r| {
            Ok(Source {
                key: r.get(0)?,
                ext_id: r.get(1)?,
                url: r.get(2)?,
                outlet: r.get(3)?,
                published: parse_day(r.get(4)?),
                origin: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

fn row_to_stored(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredArticle> {
    Ok(StoredArticle {
        story: r.get(1)?,
        article: Article {
            id: r.get(0)?,
            ext_id: r.get(2)?,
            url: r.get(3)?,
            outlet: r.get(4)?,
            published: parse_day(r.get(5)?),
            title: r.get(6)?,
            byline: r.get(7)?,
            language: r.get(8)?,
            text: r.get(9)?,
            origin: r.get(10)?,
        },
        copies: r.get::<_, i64>(11)?.max(0) as usize,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(text: &str, url: &str) -> Prepared {
        Prepared::new(Article {
            id: String::new(),
            ext_id: None,
            url: Some(url.into()),
            outlet: Some("Test".into()),
            published: NaiveDate::from_ymd_opt(2020, 1, 2),
            title: None,
            byline: None,
            language: None,
            text: text.into(),
            origin: "t.jsonl: line 1".into(),
        })
    }

    const STORY: &str = "Two men were shot late Saturday outside a nightclub on the north side of the city, police said. \
        One of the men died at the scene and the other was taken to a hospital in serious condition. \
        Investigators said the shooter fled in a dark sedan and no arrests have been made. \
        Anyone with information is asked to call the police department.";
    const REWRITE: &str = "Two men were shot late Saturday outside a nightclub on the north side of the city, police said. \
        One of the men died at the scene and the other was taken to a hospital in serious condition. \
        The shooter fled in a dark sedan, investigators said.";
    const OTHER: &str = "A fire destroyed a warehouse near the river on Monday morning, fire officials said. \
        No one was hurt, but smoke could be seen for miles and nearby roads were closed for several hours.";

    #[test]
    fn ingest_is_idempotent_and_groups_copies() {
        let mut s = SqliteStore::in_memory().unwrap();
        let batch = vec![art(STORY, "http://a/1"), art(REWRITE, "http://b/1"), art(OTHER, "http://c/1"), art(STORY, "http://d/1")];
        let out = s.ingest_batch(&batch).unwrap();
        let Outcome::New { story: s1, joined: None, .. } = &out[0] else { panic!("{out:?}") };
        let Outcome::New { story: s2, joined: Some(_), .. } = &out[1] else { panic!("{out:?}") };
        let Outcome::New { story: s3, joined: None, .. } = &out[2] else { panic!("{out:?}") };
        assert_eq!(s1, s2);
        assert_ne!(s1, s3);
        assert!(matches!(out[3], Outcome::ExactCopy { .. }));
        let before = s.totals().unwrap();
        assert_eq!(before, Totals { articles: 3, sources: 4, stories: 2, multi_article_stories: 1 });

        let again = s.ingest_batch(&batch).unwrap();
        assert!(again.iter().all(|o| matches!(o, Outcome::AlreadyStored { .. })), "{again:?}");
        assert_eq!(s.totals().unwrap(), before);
    }

    #[test]
    fn lookup_by_prefix_and_filters() {
        let mut s = SqliteStore::in_memory().unwrap();
        s.ingest_batch(&[art(STORY, "http://a/1"), art(OTHER, "http://c/1")]).unwrap();
        let all = s.articles(&ArticleFilter::default()).unwrap();
        assert_eq!(all.len(), 2);
        let id = &all[0].article.id;
        let found = s.article(&id[..6]).unwrap();
        // a 4-hex-digit prefix may be ambiguous between two ids; the full id never is
        assert_eq!(s.article(id).unwrap().unwrap().article.id, *id);
        if let Some(f) = found {
            assert_eq!(f.article.id, *id);
        }
        assert!(s.article("a_nope").unwrap().is_none());
        let none = s.articles(&ArticleFilter { since: NaiveDate::from_ymd_opt(2021, 1, 1), ..Default::default() }).unwrap();
        assert!(none.is_empty());
        assert_eq!(s.sources(id).unwrap().len(), 1);
    }

    #[test]
    fn migration_to_rowid_tables_keeps_mentions_and_events() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v3.db");
        {
            // a database as version 3 left it, with one event and its mention
            let conn = Connection::open(&path).unwrap();
            for sql in &MIGRATIONS[..3] {
                conn.execute_batch(sql).unwrap();
            }
            conn.pragma_update(None, "user_version", 3).unwrap();
            conn.execute(
                "INSERT INTO events (id, type, date_start, date_end, country, lat, lon, summary, json, wide)
                 VALUES ('ev_1', 'Battles', '2018-06-17', '2018-06-17', 'SY', 34.45, 40.92, '{}', '{\"id\":\"ev_1\"}', 0)",
                [],
            )
            .unwrap();
            conn.execute("INSERT INTO mentions (article, ordinal, event, json) VALUES ('a_1', 0, 'ev_1', '{}')", []).unwrap();
        }
        let s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as i64);
        let c = s.connection();
        let (id, lat): (String, f64) = c.query_row("SELECT id, lat FROM events WHERE id = 'ev_1'", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        assert_eq!((id.as_str(), lat), ("ev_1", 34.45));
        let event: String = c.query_row("SELECT event FROM mentions WHERE article = 'a_1' AND ordinal = 0", [], |r| r.get(0)).unwrap();
        assert_eq!(event, "ev_1");
        // the keys are still unique after the rebuild
        assert!(c.execute("INSERT INTO mentions (article, ordinal, event, json) VALUES ('a_1', 0, 'ev_2', '{}')", []).is_err());
        assert!(c.execute("INSERT INTO events (id, type, summary, json) VALUES ('ev_1', 'Riots', '{}', '{}')", []).is_err());
    }

    #[test]
    fn reopening_keeps_data_and_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.db");
        {
            let mut s = SqliteStore::open(&path).unwrap();
            s.ingest_batch(&[art(STORY, "http://a/1")]).unwrap();
        }
        let s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as i64);
        assert_eq!(s.totals().unwrap().articles, 1);
    }
}

fn parse_profiles(rows: &[String]) -> Vec<sitrep_merge::Profile> {
    rows.iter().filter_map(|j| serde_json::from_str(j).ok()).collect()
}

/// How many candidate events are read for one mention (the date window normally holds far fewer).
const MAX_CANDIDATES: usize = 200;
/// Half-size in degrees of latitude of the box around a town-level mention in which
/// candidate events are looked for (about 55 km; twice that in longitude).
const BOX_DEG: f64 = 0.5;
/// Names of one report looked up for candidates (the first ones: the lead's people).
const MAX_NAMES: usize = 8;
/// Events spanning more days than this are "wide" (seasons, years) and indexed apart.
const WIDE_DAYS: u64 = 31;

impl SqliteStore {
    /// Merges a batch of mention records into events, in one transaction. Each article's
    /// mentions are first grouped into the events it tells (`sitrep_merge::within_article`);
    /// each group, combined into one report, joins the best candidate event (found through
    /// indexes by `candidates`) or founds a new one, and the event is rebuilt from all its
    /// mentions. Mentions already stored (same article and position) are skipped, so
    /// re-ingesting changes nothing.
    pub fn merge_mentions(&mut self, records: &[sitrep_model::MentionRecord]) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let mut founded: usize = 0;
        // mentions already stored (same article and position) were merged before
        let mut fresh: Vec<sitrep_model::MentionRecord> = Vec::with_capacity(records.len());
        for m in records {
            let exists: Option<i64> = tx
                .prepare_cached("SELECT 1 FROM mentions WHERE article = ?1 AND ordinal = ?2")?
                .query_row(params![m.article, m.ordinal as i64], |r| r.get(0))
                .optional()?;
            if exists.is_none() {
                fresh.push(m.clone());
            }
        }
        let mut idf = Idf::new(&tx)?;
        // one article at a time: its mentions of one event are merged as one report
        for article in fresh.chunk_by(|a, b| a.article == b.article) {
            let clusters = sitrep_merge::within_article(article);
            // the event the article tells most about, in sentences (the first on a tie: its lead)
            let main = clusters.iter().enumerate().max_by(|(i, a), (j, b)| a.1.evidence.len().cmp(&b.1.evidence.len()).then(j.cmp(i))).map(|(i, _)| i);
            for (k, (cluster, m)) in clusters.into_iter().enumerate() {
                let candidates = Self::candidates(&tx, &m)?;
                let typed = sitrep_merge::best(&m, &candidates, self.join_threshold).map(|e| (e.event.id.clone(), e.event.articles.len()));
                let mut story = match Some(k) == main && self.story_threshold <= 1.0 {
                    true => Self::story_events(&tx, &mut idf, &m, self.story_threshold)?.into_iter(),
                    false => Vec::new().into_iter(),
                };
                let (event, mut size) = match typed.or_else(|| story.next()) {
                    Some(e) => e,
                    None => {
                        founded += 1;
                        (sitrep_merge::event_id(&m), 0)
                    }
                };
                // the report's facts and its story lead to several events: they are one
                for (other, n) in story.filter(|s| s.0 != event) {
                    if size + n <= MAX_STORY_ARTICLES {
                        Self::absorb(&tx, &event, &other)?;
                        founded = founded.saturating_sub(1);
                        size += n;
                    }
                }
                for member in cluster.iter().map(|&i| &article[i]) {
                    let json = serde_json::to_string(member).map_err(|e| StoreError::Corrupt { id: member.article.clone(), reason: e.to_string() })?;
                    tx.prepare_cached("INSERT INTO mentions (article, ordinal, event, json) VALUES (?1, ?2, ?3, ?4)")?
                        .execute(params![member.article, member.ordinal as i64, event, json])?;
                }
                Self::rebuild_event(&tx, &event)?;
            }
        }
        drop(idf);
        tx.commit()?;
        Ok(founded)
    }

    /// Makes event `from` part of event `into`: its mentions and names move over and the
    /// record is rebuilt (by the caller, once the report that linked them is stored).
    fn absorb(tx: &rusqlite::Transaction<'_>, into: &str, from: &str) -> Result<()> {
        tx.prepare_cached("UPDATE mentions SET event = ?1 WHERE event = ?2")?.execute(params![into, from])?;
        tx.prepare_cached("UPDATE OR IGNORE event_names SET event = ?1 WHERE event = ?2")?.execute(params![into, from])?;
        tx.prepare_cached("DELETE FROM event_names WHERE event = ?1")?.execute([from])?;
        tx.prepare_cached("DELETE FROM events WHERE id = ?1")?.execute([from])?;
        Ok(())
    }

    /// The events other outlets' reports of the same story tell most about, most similar
    /// first: the articles published within [`sitrep_merge::lexical::STORY_DAYS`] days whose
    /// lead is at least `threshold` similar (TF-IDF cosine, found through the postings of this
    /// lead's most distinctive words) and that are already merged, unless their event is
    /// placed in another country or already reported by [`MAX_STORY_ARTICLES`] articles;
    /// none for a report with neither date nor place. This is how reports whose dates or
    /// places were read differently (the day of the shooting or of the arrest, the town or
    /// the county) still meet: news leads of one story share names, streets and wording that
    /// leads of different stories do not. The dates read from the texts are therefore not
    /// compared; the publication window bounds them.
    fn story_events(
        tx: &rusqlite::Transaction<'_>,
        idf: &mut Idf<'_>,
        m: &sitrep_model::MentionRecord,
        threshold: f64,
    ) -> Result<Vec<(String, usize)>> {
        let lead: Option<(i64, i64, String)> = tx
            .prepare_cached("SELECT l.article, l.day, l.terms FROM leads l JOIN articles a ON a.n = l.article WHERE a.id = ?1")?
            .query_row([&m.article], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        // a report with neither date nor place tells too little to be sure of its event
        let Some((n, day, terms)) = lead.filter(|_| m.date.is_some() || m.location.is_some()) else { return Ok(Vec::new()) };
        let terms = decode_terms(&terms);
        let v = idf.vector(&terms)?;
        let days = sitrep_merge::lexical::STORY_DAYS;
        // leads sharing at least two of this lead's most distinctive words are compared
        let mut hits: HashMap<i64, u32> = HashMap::new();
        for w in posted(&v) {
            let mut q = tx.prepare_cached("SELECT article FROM lead_postings WHERE term = ?1 AND day BETWEEN ?2 AND ?3 LIMIT ?4")?;
            for other in q.query_map(params![w, day - days, day + days, MAX_POSTINGS], |r| r.get::<_, i64>(0))? {
                *hits.entry(other?).or_default() += 1;
            }
        }
        let mut shared: Vec<i64> = hits.into_iter().filter(|&(o, k)| o != n && k >= MIN_SHARED_POSTINGS).map(|(o, _)| o).collect();
        shared.sort_unstable();
        let mut similar: Vec<(f64, i64)> = Vec::new();
        for other in shared {
            let c = sitrep_merge::lexical::cosine(&v, idf.stored_vector(other)?);
            if c >= threshold {
                similar.push((c, other));
            }
        }
        similar.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let country = m.location.as_ref().and_then(|l| l.country.as_deref());
        let mut events: Vec<(String, usize)> = Vec::new();
        for (_, other) in similar {
            let main: Option<String> = tx
                .prepare_cached(
                    "SELECT event FROM mentions WHERE article = (SELECT id FROM articles WHERE n = ?1)
                     GROUP BY event ORDER BY COUNT(*) DESC, MIN(ordinal) LIMIT 1",
                )?
                .query_row([other], |r| r.get(0))
                .optional()?;
            let Some(event) = main else { continue };
            let summary: String = tx.prepare_cached("SELECT summary FROM events WHERE id = ?1")?.query_row([&event], |r| r.get(0))?;
            let Some(p) = parse_profiles(&[summary]).pop() else { continue };
            let elsewhere = match (country, p.event.location.as_ref().and_then(|l| l.country.as_deref())) {
                (Some(a), Some(b)) => a != b,
                _ => false,
            };
            let crowded = p.event.articles.len() >= MAX_STORY_ARTICLES;
            if !elsewhere && !crowded && !events.iter().any(|e| e.0 == event) {
                events.push((event, p.event.articles.len()));
            }
        }
        Ok(events)
    }

    /// Blocking: the events a report could reach the join threshold with (see
    /// `sitrep_merge::score`), read through indexes instead of scanning. They are the events
    /// naming the same people (whatever their date: the score rejects conflicting ones), and
    /// for a dated report the events of its type in its date window (a day either side) that
    /// are towns in a box around its town, or placed no finer than its country (a town in its
    /// country too when it names a perpetrator, who can lift a country-level match). An
    /// undated or placeless report meets events only through the people it names.
    fn candidates(tx: &rusqlite::Transaction<'_>, m: &sitrep_model::MentionRecord) -> Result<Vec<sitrep_merge::Profile>> {
        let mut rows: Vec<String> = Vec::new();
        let mut push = |r: String| {
            if !rows.contains(&r) {
                rows.push(r);
            }
        };
        let mut by_name = tx.prepare_cached(
            "SELECT e.summary FROM event_names n JOIN events e ON e.id = n.event WHERE n.name = ?1 AND e.type = ?2 LIMIT ?3",
        )?;
        for name in m.names.iter().take(MAX_NAMES) {
            for r in by_name.query_map(params![name, m.event_type, MAX_CANDIDATES as i64], |r| r.get::<_, String>(0))? {
                push(r?);
            }
        }
        let Some(d) = &m.date else { return Ok(parse_profiles(&rows)) };
        // a day on either side: adjacent days may still be one event (see sitrep_merge::score)
        let (from, to) = (d.start - chrono::Days::new(1), d.end + chrono::Days::new(1));
        let narrow_from = from - chrono::Days::new(WIDE_DAYS);
        let window = |place: &str| {
            format!(
                "SELECT summary FROM events WHERE type = ?1 AND date_start BETWEEN ?2 AND ?4 AND date_end >= ?3 AND {place}
                 UNION ALL
                 SELECT summary FROM events WHERE type = ?1 AND wide = 1 AND date_end >= ?3 AND date_start < ?2 AND {place}
                 LIMIT {MAX_CANDIDATES}"
            )
        };
        let dates = [m.event_type.clone(), narrow_from.to_string(), from.to_string(), to.to_string()];
        let perpetrators = m.actors.iter().any(|a| a.role == "perpetrator");
        let country = m.location.as_ref().and_then(|l| l.country.clone());
        let mut run = |sql: String, extra: Vec<rusqlite::types::Value>| -> Result<()> {
            let mut q = tx.prepare_cached(&sql)?;
            let mut args: Vec<rusqlite::types::Value> = dates.iter().map(|x| x.clone().into()).collect();
            args.extend(extra);
            for r in q.query_map(rusqlite::params_from_iter(args), |r| r.get::<_, String>(0))? {
                push(r?);
            }
            Ok(())
        };
        if let Some(l) = m.location.as_ref().filter(|l| matches!(l.kind.as_str(), "town" | "site")) {
            let boxed = [l.lat - BOX_DEG, l.lat + BOX_DEG, l.lon - BOX_DEG * 2.0, l.lon + BOX_DEG * 2.0];
            run(window("lat BETWEEN ?5 AND ?6 AND lon BETWEEN ?7 AND ?8"), boxed.iter().map(|&x| x.into()).collect())?;
            if let Some(cc) = country.filter(|_| perpetrators) {
                run(window("lat IS NULL AND country = ?5"), vec![cc.into()])?;
            }
        } else if let Some(cc) = country {
            let place = if perpetrators { "country = ?5" } else { "lat IS NULL AND country = ?5" };
            run(window(place), vec![cc.into()])?;
        }
        Ok(parse_profiles(&rows))
    }

    fn rebuild_event(tx: &rusqlite::Transaction<'_>, id: &str) -> Result<()> {
        let mut q = tx.prepare_cached(
            "SELECT m.json FROM mentions m LEFT JOIN articles a ON a.id = m.article WHERE m.event = ?1 ORDER BY a.published, a.n, m.ordinal",
        )?;
        let rows: Vec<String> = q.query_map([id], |r| r.get(0))?.collect::<std::result::Result<_, _>>()?;
        let mentions: Vec<sitrep_model::MentionRecord> = rows.iter().filter_map(|j| serde_json::from_str(j).ok()).collect();
        let mut story_q = tx.prepare_cached("SELECT story FROM articles WHERE id = ?1")?;
        let story_of = |a: &str| story_q.query_row([a], |r| r.get::<_, String>(0)).unwrap_or_else(|_| a.to_string());
        let profile = sitrep_merge::profile(id, &mentions, story_of);
        let e = &profile.event;
        let corrupt = |err: serde_json::Error| StoreError::Corrupt { id: id.to_string(), reason: err.to_string() };
        let json = serde_json::to_string(e).map_err(corrupt)?;
        // what merging needs, without the evidence sentences and quotes
        // (sitrep_merge::score reads type, subtype, articles, date, place, perpetrators, names)
        let mut small = profile.clone();
        small.event.mentions.clear();
        small.event.targets.clear();
        small.event.fatalities = Default::default();
        small.event.injured = Default::default();
        small.event.actors.retain(|a| a.role == "perpetrator");
        for a in &mut small.event.actors {
            a.claims.clear();
        }
        let summary = serde_json::to_string(&small).map_err(corrupt)?;
        let mut add_name = tx.prepare_cached("INSERT OR IGNORE INTO event_names (name, event) VALUES (?1, ?2)")?;
        for n in &profile.names {
            add_name.execute(params![n, id])?;
        }
        let town = e.location.as_ref().filter(|l| matches!(l.kind.as_str(), "town" | "site"));
        tx.prepare_cached(
            "INSERT INTO events (id, type, date_start, date_end, country, lat, lon, summary, json, wide) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT(id) DO UPDATE SET type = excluded.type, date_start = excluded.date_start, date_end = excluded.date_end,
             country = excluded.country, lat = excluded.lat, lon = excluded.lon, summary = excluded.summary, json = excluded.json,
             wide = excluded.wide",
        )?
        .execute(params![
            e.id,
            e.event_type,
            e.date.as_ref().map(|d| d.start.to_string()),
            e.date.as_ref().map(|d| d.end.to_string()),
            e.location.as_ref().and_then(|l| l.country.clone()),
            town.map(|l| l.lat),
            town.map(|l| l.lon),
            summary,
            json,
            e.date.as_ref().is_some_and(|d| (d.end - d.start).num_days() > WIDE_DAYS as i64)
        ])?;
        Ok(())
    }

    /// Every input id (JSONL `id`, WARC-Record-ID) with the stored article that holds its text.
    pub fn ext_ids(&self) -> Result<Vec<(String, String)>> {
        let mut q = self.conn.prepare("SELECT s.ext_id, a.id FROM sources s JOIN articles a ON a.n = s.article WHERE s.ext_id IS NOT NULL")?;
        let rows = q.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// All events, oldest first (undated last).
    pub fn events(&self) -> Result<Vec<sitrep_model::Event>> {
        let mut q = self.conn.prepare("SELECT json FROM events ORDER BY date_start IS NULL, date_start, id")?;
        let rows: Vec<String> = q.query_map([], |r| r.get(0))?.collect::<std::result::Result<_, _>>()?;
        Ok(rows.iter().filter_map(|j| serde_json::from_str(j).ok()).collect())
    }

    /// One event by id or unambiguous prefix.
    pub fn event(&self, id: &str) -> Result<Option<sitrep_model::Event>> {
        let prefix = format!("{}%", id.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        let mut q = self.conn.prepare("SELECT json FROM events WHERE id = ?1 OR id LIKE ?2 ESCAPE '\\' LIMIT 2")?;
        let rows: Vec<String> = q.query_map(params![id, prefix], |r| r.get(0))?.collect::<std::result::Result<_, _>>()?;
        let evs: Vec<sitrep_model::Event> = rows.iter().filter_map(|j| serde_json::from_str(j).ok()).collect();
        Ok(match evs.len() {
            1 => evs.into_iter().next(),
            _ => evs.into_iter().find(|e| e.id == id),
        })
    }
}
