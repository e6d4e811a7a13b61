//! The embedded default backend: one SQLite file, no server.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;

use rusqlite::Connection;
use rusqlite::wal::CheckpointMode;
use rusqlite::types::{ToSqlOutput, ValueRef};
use crate::leads::LeadCache;
use crate::sql::{Row, Sql, Value};
use crate::{Result, StoreError};

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
"#, r#"
-- an event absorbed into another hands over its names: found by event, not by scanning
CREATE INDEX event_names_event ON event_names(event);
"#, r#"
-- a county's events are found by where they are, as towns' are
UPDATE events SET lat = json_extract(json, '$.location.lat'), lon = json_extract(json, '$.location.lon')
WHERE lat IS NULL AND json_extract(json, '$.location.kind') = 'admin2';
"#, r#"
-- the site's name, split from the page title (articles stored before keep it in the title)
ALTER TABLE articles ADD COLUMN site TEXT;
"#, r#"
-- events by how many days they span (0: one or two, 1: up to a month, 2: more): a report's
-- window reads the day events starting in its few days, where reading every event starting
-- in the month before it had walked about nine times as many index entries
ALTER TABLE events ADD COLUMN span INTEGER NOT NULL DEFAULT 0;
UPDATE events SET span = CASE WHEN wide = 1 THEN 2 WHEN julianday(date_end) - julianday(date_start) > 1 THEN 1 ELSE 0 END;
DROP INDEX events_start;
DROP INDEX events_wide;
ALTER TABLE events DROP COLUMN wide;
CREATE INDEX events_start ON events(type, span, date_start, date_end, lat, lon, country);
CREATE INDEX events_wide ON events(type, date_end, date_start, lat, lon, country) WHERE span = 2;
"#, r#"
-- the day an event was first reported; the undated events of a town by it, which a dated
-- report of the town meets when they were reported in the days after its day
ALTER TABLE events ADD COLUMN reported TEXT;
UPDATE events SET reported = json_extract(json, '$.first_reported');
CREATE INDEX events_undated ON events(type, lat, lon, reported) WHERE date_start IS NULL;
"#, r#"
-- how many of each outlet's articles place an event in each first-level division
-- ("US/Tennessee", or a country's code) and, under '', at all: where a local outlet is
CREATE TABLE outlet_divisions (
    outlet   TEXT NOT NULL,
    division TEXT NOT NULL,
    articles INTEGER NOT NULL,
    PRIMARY KEY (outlet, division)
) WITHOUT ROWID;
INSERT INTO outlet_divisions (outlet, division, articles)
SELECT outlet, division, COUNT(*) FROM (
    SELECT DISTINCT article, json_extract(json, '$.outlet') AS outlet,
        json_extract(json, '$.location.country') || COALESCE('/' || NULLIF(json_extract(json, '$.location.admin1'), ''), '') AS division
    FROM mentions WHERE json_extract(json, '$.outlet') <> '' AND json_extract(json, '$.location.country') <> ''
) GROUP BY outlet, division
UNION ALL
SELECT outlet, '', COUNT(*) FROM (
    SELECT DISTINCT article, json_extract(json, '$.outlet') AS outlet
    FROM mentions WHERE json_extract(json, '$.outlet') <> '' AND json_extract(json, '$.location.country') <> ''
) GROUP BY outlet;
"#, r#"
-- the cell of one degree of latitude by two of longitude a town's event lies in (see
-- `events::cell`; coordinates are never negative once shifted, so the cast is the floor):
-- a report's box of candidates reads its few cells' events of its days, where the date
-- window alone had walked every event of the type in those days (and, for the events
-- spanning more than a month, every one ending after its day). The events of a country
-- are read by country, then days. The box is read through the cells only if no other
-- index starts with what it constrains: SQLite plans without statistics, and given an
-- index on (type, span, date_start) it read the long events of a box by their start,
-- before its day, which is nearly all of them.
ALTER TABLE events ADD COLUMN cell INTEGER;
UPDATE events SET cell = CAST(lat + 90 AS INTEGER) * 1000 + CAST((lon + 180) / 2 AS INTEGER) WHERE lat IS NOT NULL;
CREATE INDEX events_cell ON events(type, span, cell, date_start, date_end, lat, lon) WHERE cell IS NOT NULL;
DROP INDEX events_start;
DROP INDEX events_wide;
CREATE INDEX events_start ON events(type, span, country, date_start, date_end, lat, lon);
"#];

/// WAL pages after which a commit asks for a checkpoint (~64 MB): pages rewritten by
/// consecutive batches then reach the main file once.
const CHECKPOINT_PAGES: i32 = 16384;

/// The SQLite backend: one file (or memory), no server.
pub struct SqliteStore {
    conn: Connection,
    checkpointer: Option<Checkpointer>,
    leads: LeadCache,
}

/// Copies the write-ahead log into the database file on its own thread and connection. A
/// checkpoint ends in an fsync of the file; run by the writer, an ingest of 100,000 articles
/// spent 12 of its 94 s waiting on those. Asked for at a commit, it runs while the ingest
/// analyses its next batch; the next write transaction waits for it to finish, because the
/// log restarts from its beginning only when a transaction starts on a fully copied log (a
/// checkpointer racing a busy writer otherwise never lets it restart, and it grows).
struct Checkpointer {
    shared: Arc<(Mutex<Phase>, Condvar)>,
    thread: Option<JoinHandle<()>>,
    /// checkpoints run by the thread, and by the writer itself past the safety bound (read by
    /// the tests)
    #[cfg_attr(not(test), allow(dead_code))]
    counts: Arc<[AtomicUsize; 2]>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Idle,
    Asked,
    Running,
    Closing,
}

impl Checkpointer {
    /// Asks for a checkpoint once a commit leaves `pages` in the log.
    fn start(path: &Path, writer: &mut Connection, pages: i32) -> Result<Self> {
        let conn = Connection::open(path)
            .map_err(|e| StoreError::Open { path: path.display().to_string(), reason: e.to_string() })?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        // a connection that has read nothing has not opened the log yet, and its checkpoints
        // do nothing (they report -1 frames)
        let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Open { path: path.display().to_string(), reason: format!("journal mode {mode}, not WAL") });
        }
        let shared = Arc::new((Mutex::new(Phase::Idle), Condvar::new()));
        let theirs = Arc::clone(&shared);
        let counts: Arc<[AtomicUsize; 2]> = Arc::new([AtomicUsize::new(0), AtomicUsize::new(0)]);
        let (background, foreground) = (Arc::clone(&counts), Arc::clone(&counts));
        let thread = std::thread::Builder::new()
            .name("sqlite-checkpoint".into())
            .spawn(move || {
                let (phase, cv) = &*theirs;
                loop {
                    let mut p = cv.wait_while(lock(phase), |p| *p == Phase::Idle).unwrap_or_else(|e| e.into_inner());
                    if *p == Phase::Closing {
                        return;
                    }
                    *p = Phase::Running;
                    drop(p);
                    // a checkpoint that fails (busy, disk full) leaves the log as it was: the
                    // data is safe there, and the next one retries
                    let _ = conn.wal_checkpoint_v2(None::<&str>, CheckpointMode::PASSIVE);
                    background[0].fetch_add(1, Ordering::Relaxed);
                    let mut p = lock(phase);
                    if *p == Phase::Running {
                        *p = Phase::Idle;
                    }
                    cv.notify_all();
                }
            })
            .map_err(|e| StoreError::Open { path: path.display().to_string(), reason: format!("checkpoint thread: {e}") })?;
        let ours = Arc::clone(&shared);
        // replaces the automatic checkpoint, which SQLite runs through this same hook
        writer.wal_hook(Some(move |wal: &mut rusqlite::hooks::Wal, in_log: std::ffi::c_int| {
            // past four times the mark the writer checkpoints itself, waiting: a safety bound
            // for a log that could not restart (another process reading an old snapshot)
            if in_log >= 4 * pages {
                foreground[1].fetch_add(1, Ordering::Relaxed);
                wal.checkpoint_v2(CheckpointMode::PASSIVE)?;
            } else if in_log >= pages {
                let (phase, cv) = &*ours;
                let mut p = lock(phase);
                if *p == Phase::Idle {
                    *p = Phase::Asked;
                    cv.notify_all();
                }
            }
            Ok(())
        }))?;
        Ok(Checkpointer { shared, thread: Some(thread), counts })
    }

    /// Waits until no checkpoint is asked for or running.
    fn settle(&self) {
        let (phase, cv) = &*self.shared;
        drop(cv.wait_while(lock(phase), |p| matches!(p, Phase::Asked | Phase::Running)).unwrap_or_else(|e| e.into_inner()));
    }
}

impl Drop for Checkpointer {
    /// Lets a checkpoint under way finish; the thread's connection, closed last, folds what
    /// is left of the log into the file.
    fn drop(&mut self) {
        self.settle();
        let (phase, cv) = &*self.shared;
        *lock(phase) = Phase::Closing;
        cv.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The phase survives a panicking holder: it is a plain value, always consistent.
fn lock(m: &Mutex<Phase>) -> std::sync::MutexGuard<'_, Phase> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl SqliteStore {
    /// Opens (creating if needed) and migrates the database at `path`.
    pub fn open(path: &Path) -> Result<Self> {
        let conn = Connection::open(path)
            .map_err(|e| StoreError::Open { path: path.display().to_string(), reason: e.to_string() })?;
        Self::with_checkpoints(conn, path, CHECKPOINT_PAGES)
    }

    fn with_checkpoints(conn: Connection, path: &Path, pages: i32) -> Result<Self> {
        let mut store = Self::init(conn)?;
        store.checkpointer = Some(Checkpointer::start(path, &mut store.conn, pages)?);
        Ok(store)
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
        // statement journals (the undo record of one statement inside a transaction) in
        // memory: on disk they wrote more pages than the log itself
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        // for a database without the background checkpointer (in memory)
        conn.pragma_update(None, "wal_autocheckpoint", CHECKPOINT_PAGES)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        // One plan per statement: without the query planner stability guarantee, SQLite
        // (built with STAT4) re-prepares a cached statement each time a parameter it could
        // plan on is bound anew; the merge's per-event queries spent 7% of an ingest parsing.
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        conn.set_prepared_statement_cache_capacity(64);
        let mut store = SqliteStore { conn, checkpointer: None, leads: LeadCache::default() };
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
            // the articles stored before leads were kept get theirs
            if sql.contains("CREATE TABLE leads") {
                crate::leads::backfill(&mut Lite(&tx))?;
            }
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// The schema version in use (number of migrations applied).
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Direct access for later pipeline stages that keep their own tables in the same file.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one transaction, committed when it succeeds (the lead cache forgotten
    /// when it does not, or when another connection has written since: see [`LeadCache`]).
    fn write<T>(&mut self, f: impl FnOnce(&mut dyn Sql, &mut LeadCache) -> Result<T>) -> Result<T> {
        if let Some(c) = &self.checkpointer {
            c.settle();
        }
        let tx = self.conn.transaction()?;
        let version: i64 = tx.pragma_query_value(None, "data_version", |r| r.get(0))?;
        self.leads.follow(version);
        let out = f(&mut Lite(&tx), &mut self.leads).and_then(|out| {
            tx.commit()?;
            Ok(out)
        });
        if out.is_err() {
            self.leads.clear();
        }
        out
    }

    /// Runs `f` on the connection, outside any write.
    fn read<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
        f(&mut Lite(&self.conn))
    }
}

/// A connection or transaction speaking the backends' common SQL.
struct Lite<'c>(&'c Connection);

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Int(x) => ValueRef::Integer(*x),
            Value::Real(x) => ValueRef::Real(*x),
            Value::Text(s) => ValueRef::Text(s.as_bytes()),
            Value::Blob(b) => ValueRef::Blob(b),
        }))
    }
}

impl Sql for Lite<'_> {
    fn query(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Row>> {
        let mut q = self.0.prepare_cached(sql)?;
        let width = q.column_count();
        let mut rows = q.query(rusqlite::params_from_iter(args))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let mut values = Vec::with_capacity(width);
            for i in 0..width {
                values.push(match r.get_ref(i)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(x) => Value::Int(x),
                    ValueRef::Real(x) => Value::Real(x),
                    // checked the fast way first: the lossy reader walks long JSON rows in chunks
                    ValueRef::Text(t) => Value::Text(match std::str::from_utf8(t) {
                        Ok(s) => s.to_owned(),
                        Err(_) => String::from_utf8_lossy(t).into_owned(),
                    }),
                    ValueRef::Blob(b) => Value::Blob(b.to_vec()),
                });
            }
            out.push(Row(values));
        }
        Ok(out)
    }

    fn execute(&mut self, sql: &str, args: &[Value]) -> Result<u64> {
        let sql = without_statement_undo(sql);
        Ok(self.0.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(args))? as u64)
    }
}

/// `sql` with a failed constraint stopping the statement where it is (`OR FAIL`) instead of
/// undoing the statement's earlier rows (the default, `ABORT`). To undo them SQLite copies every
/// page a multi-row INSERT or an UPDATE touches into a statement journal first: 2.4% of an
/// ingest's instructions (10,000 articles into 80,000). Every write here runs inside
/// [`SqliteStore::write`]'s one transaction (or a migration's), which is rolled back whole when
/// a statement fails, so the journal was never read. Conflicts an upsert's `ON CONFLICT`
/// names are still resolved by that clause.
fn without_statement_undo(sql: &str) -> std::borrow::Cow<'_, str> {
    if let Some(rest) = sql.strip_prefix("INSERT INTO ") {
        format!("INSERT OR FAIL INTO {rest}").into()
    } else if let Some(rest) = sql.strip_prefix("UPDATE ") {
        format!("UPDATE OR FAIL {rest}").into()
    } else {
        sql.into()
    }
}


crate::store_over_sql!(SqliteStore);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;
    use crate::tests::{STORY, art};

    #[test]
    fn a_write_failing_halfway_through_a_statement_leaves_nothing_of_it() {
        // statements run without SQLite's per-statement undo (OR FAIL): the rows a failing
        // multi-row INSERT or UPDATE wrote before the bad one must go with the transaction
        let mut s = SqliteStore::in_memory().unwrap();
        let rows = [Value::Int(7), Value::Int(1), Value::Int(7), Value::Int(2)];
        s.write(|db, _| crate::sql::insert_many(db, "INSERT INTO lsh (bucket, article)", "ON CONFLICT DO NOTHING", 2, &rows)).unwrap();
        let bad = [Value::Int(8), Value::Int(1), Value::Int(7), Value::Int(1), Value::Int(8), Value::Null];
        let err = s.write(|db, _| {
            db.execute("UPDATE lsh SET bucket = 9 WHERE bucket = 7", &[])?;
            crate::sql::insert_many(db, "INSERT INTO lsh (bucket, article)", "ON CONFLICT DO NOTHING", 2, &bad)
        });
        assert!(err.is_err(), "a NULL article must fail the batch");
        let kept: Vec<(i64, i64)> = s
            .connection()
            .prepare("SELECT bucket, article FROM lsh ORDER BY 1, 2")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(kept, [(7, 1), (7, 2)]);
        // and a conflict an upsert names is still resolved by its clause, not failed
        s.write(|db, _| crate::sql::insert_many(db, "INSERT INTO lsh (bucket, article)", "ON CONFLICT DO NOTHING", 2, &rows[..2])).unwrap();
    }

    #[test]
    fn an_event_a_report_founds_is_stored_as_its_stored_mentions_rebuild_it() {
        // (a founded event is built from the report in memory, the others from what is
        // stored): the first outlet's report of the attack (two sentences of one event), the
        // airstrike and a report of two attacks found events; the second outlet's report then
        // joins the first
        let mut s = SqliteStore::in_memory().unwrap();
        let mut reports = crate::tests::reports();
        let joining = reports.remove(1);
        reports.push(crate::tests::dated(
            "A suicide bomber killed 12 people at a market in Baghdad on Monday, police said. \
             In a separate attack on Tuesday, gunmen shot dead a shopkeeper in Kirkuk.",
            "http://d/two",
            "Outlet D",
            "2020-03-11",
        ));
        let rows = |s: &SqliteStore| -> Vec<(String, String, String)> {
            let c = s.connection();
            let mut q = c.prepare("SELECT id, summary, json FROM events ORDER BY id").unwrap();
            q.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().collect::<rusqlite::Result<_>>().unwrap()
        };
        let rebuilt = |s: &mut SqliteStore, events: &[(String, String, String)]| {
            s.write(|db, _| events.iter().try_for_each(|(id, _, _)| crate::events::rebuild_event(db, id))).unwrap();
        };
        for batch in [reports, vec![joining]] {
            s.ingest_and_merge(&batch, &crate::tests::records(&batch), crate::MergeSettings::default()).unwrap();
            let stored = rows(&s);
            assert!(stored.iter().any(|(_, _, json)| json.matches("\"sentence\"").count() >= 2), "{stored:?}");
            rebuilt(&mut s, &stored);
            assert_eq!(rows(&s), stored);
        }
        let joined = rows(&s).iter().filter_map(|(_, _, json)| serde_json::from_str::<sitrep_model::Event>(json).ok()).filter(|e| e.articles.len() == 2).count();
        assert_eq!(joined, 1);
    }

    /// A database file as the first `version` migrations left it.
    fn at_version(path: &std::path::Path, version: usize) -> Connection {
        let conn = Connection::open(path).unwrap();
        for sql in &MIGRATIONS[..version] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", version as i64).unwrap();
        conn
    }

    /// A database file in `dir` as it was just before the migration containing `marker`,
    /// holding what `fill` wrote (closed again, for the store to open and migrate).
    fn before_migration(dir: &tempfile::TempDir, marker: &str, fill: impl FnOnce(&Connection)) -> std::path::PathBuf {
        let path = dir.path().join("v.db");
        let version = MIGRATIONS.iter().position(|m| m.contains(marker)).unwrap_or_else(|| panic!("no migration contains {marker:?}"));
        fill(&at_version(&path, version));
        path
    }

    #[test]
    fn migration_to_rowid_tables_keeps_mentions_and_events() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v3.db");
        {
            // a database as version 3 left it, with one event and its mention
            let conn = at_version(&path, 3);
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
    fn migration_places_county_events() {
        let dir = tempfile::tempdir().unwrap();
        let path = before_migration(&dir, "a county's events", |conn| {
            conn.execute(
                "INSERT INTO events (id, type, summary, json) VALUES ('ev_1', 'Battles', '{}', '{\"location\":{\"kind\":\"admin2\",\"lat\":29.77,\"lon\":-95.24}}')",
                [],
            )
            .unwrap();
        });
        let s = SqliteStore::open(&path).unwrap();
        let lat: Option<f64> = s.connection().query_row("SELECT lat FROM events WHERE id = 'ev_1'", [], |r| r.get(0)).unwrap();
        assert_eq!(lat, Some(29.77));
    }

    #[test]
    fn migration_counts_where_stored_outlets_placed_their_events() {
        let dir = tempfile::tempdir().unwrap();
        let tn = r#"{"name":"Lebanon","admin1":"Tennessee","country":"US"}"#;
        let ky = r#"{"name":"Bowling Green","admin1":"Kentucky","country":"US"}"#;
        let sy = r#"{"name":"Syria","admin1":null,"country":"SY"}"#;
        let path = before_migration(&dir, "CREATE TABLE outlet_divisions", |conn| {
            let mentions = [
                // two mentions in one state count once for their article
                ("a_1", 0, Some("wsmv.com"), Some(tn)),
                ("a_1", 1, Some("wsmv.com"), Some(tn)),
                ("a_2", 0, Some("wsmv.com"), Some(tn)),
                ("a_2", 1, Some("wsmv.com"), Some(ky)),
                // unplaced, or of no outlet: no vote
                ("a_3", 0, Some("wsmv.com"), None),
                ("a_4", 0, None, Some(tn)),
                ("a_5", 0, Some("sana.sy"), Some(sy)),
            ];
            for (article, ordinal, outlet, location) in mentions {
                let json = format!(r#"{{"article":"{article}","outlet":{},"location":{}}}"#, outlet.map_or("null".to_string(), |o| format!("\"{o}\"")), location.unwrap_or("null"));
                conn.execute("INSERT INTO mentions (article, ordinal, event, json) VALUES (?1, ?2, 'ev_1', ?3)", rusqlite::params![article, ordinal, json]).unwrap();
            }
        });
        let s = SqliteStore::open(&path).unwrap();
        let mut counts: Vec<(String, Option<String>, u64)> =
            crate::Store::outlet_counts(&s, &["wsmv.com", "sana.sy"]).unwrap().into_iter().map(|c| (c.outlet, c.division, c.articles)).collect();
        counts.sort();
        // the keys the ingest counts by (Location::division)
        let key = |json: &str| serde_json::from_str::<sitrep_model::Location>(&json.replace('}', r#","lat":0,"lon":0,"geonameid":null,"precision":"in","kind":"town"}"#)).unwrap().division();
        let expected = [
            ("sana.sy", None, 1),
            ("sana.sy", key(sy), 1),
            ("wsmv.com", None, 2),
            ("wsmv.com", key(ky), 1),
            ("wsmv.com", key(tn), 2),
        ];
        assert_eq!(counts, expected.map(|(o, d, n)| (o.to_string(), d, n)));
    }

    #[test]
    fn migration_gives_older_articles_their_leads() {
        let dir = tempfile::tempdir().unwrap();
        let path = before_migration(&dir, "CREATE TABLE leads", |conn| {
            for (n, published, title) in [(1, Some("2020-03-09"), "Gunmen kill three soldiers near Maiduguri"), (2, None, "Undated page")] {
                conn.execute(
                    "INSERT INTO articles (n, id, story, published, title, text, origin, shingles, minhash) VALUES (?1, ?2, ?2, ?3, ?4, ?5, 'old.jsonl', 0, x'')",
                    rusqlite::params![n, format!("a_{n}"), published, title, "Gunmen killed three soldiers in an attack on an army checkpoint near Maiduguri on Sunday."],
                )
                .unwrap();
            }
        });
        let s = SqliteStore::open(&path).unwrap();
        let c = s.connection();
        // the dated article has a lead, posted under its distinctive words; the undated none
        let leads: Vec<i64> = c.prepare("SELECT article FROM leads").unwrap().query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
        assert_eq!(leads, [1]);
        let posted: i64 = c.query_row("SELECT COUNT(*) FROM lead_postings WHERE article = 1 AND term LIKE 'maiduguri%'", [], |r| r.get(0)).unwrap();
        assert_eq!(posted, 1);
    }

    #[test]
    fn migration_classes_events_by_their_span() {
        let dir = tempfile::tempdir().unwrap();
        let path = before_migration(&dir, "ADD COLUMN span", |conn| {
            for (id, start, end, wide) in [("ev_day", "2020-03-08", "2020-03-08", 0), ("ev_month", "2020-03-01", "2020-03-31", 0), ("ev_year", "2020-01-01", "2020-12-31", 1)] {
                conn.execute(
                    "INSERT INTO events (id, type, date_start, date_end, summary, json, wide) VALUES (?1, 'Battles', ?2, ?3, '{}', '{}', ?4)",
                    rusqlite::params![id, start, end, wide],
                )
                .unwrap();
            }
            conn.execute("INSERT INTO events (id, type, summary, json) VALUES ('ev_undated', 'Battles', '{}', '{}')", []).unwrap();
        });
        let s = SqliteStore::open(&path).unwrap();
        let c = s.connection();
        let spans: Vec<(String, i64)> = c.prepare("SELECT id, span FROM events ORDER BY id").unwrap().query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(|r| r.unwrap()).collect();
        let spans: Vec<(&str, i64)> = spans.iter().map(|(id, n)| (id.as_str(), *n)).collect();
        assert_eq!(spans, [("ev_day", 0), ("ev_month", 1), ("ev_undated", 0), ("ev_year", 2)]);
        // the column it replaces is gone
        assert!(c.prepare("SELECT wide FROM events").is_err());
    }

    #[test]
    fn the_log_is_copied_into_the_file_beside_the_writer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.db");
        let n = 60;
        let (background, foreground) = {
            let mut s = SqliteStore::with_checkpoints(Connection::open(&path).unwrap(), &path, 16).unwrap();
            for i in 0..n {
                let text = format!("{STORY} Case number {i} was assigned to detective {}.", i * 7919);
                s.ingest_batch(&[art(&text, &format!("http://a/{i}"))]).unwrap();
            }
            let c = s.checkpointer.as_ref().unwrap();
            c.settle();
            (c.counts[0].load(Ordering::Relaxed), c.counts[1].load(Ordering::Relaxed))
        };
        // the thread's checkpoints let the log restart: the writer never had to wait on one
        assert!(background > 0, "no checkpoint ran beside the writer");
        assert_eq!(foreground, 0, "the writer checkpointed {foreground} times itself");
        // closing folds the rest of the log into the file
        let wal = dir.path().join("x.db-wal");
        assert!(!wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0);
        let s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.totals().unwrap().articles, n);
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
