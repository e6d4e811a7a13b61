//! Storing articles and their copies, grouping near-copies into stories, and reading them back:
//! the same statements for every backend.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use sitrep_dedup::{Fingerprint, exact_similarity, new_story_id, shingle_set};
use sitrep_model::Article;

use crate::leads::LeadCache;
use crate::sql::{Row, Sql, Value, args, insert_many, query_in};
use crate::{ArticleFilter, Outcome, Prepared, Result, Source, StoredArticle, Totals, leads};

pub(crate) fn date_str(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

fn parse_day(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

/// `id%` with LIKE's wildcards escaped, for lookups by id prefix.
pub(crate) fn prefix_pattern(id: &str) -> String {
    format!("{}%", id.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
}

/// How many LSH candidates (those sharing the most bands) are verified on exact overlap.
const MAX_VERIFIED_CANDIDATES: usize = 12;

/// Members of an LSH bucket read per bucket: a crowded bucket says little, and its newest
/// members are the likeliest copies of news.
const BUCKET_MEMBERS: i64 = 32;

/// The stored members of every LSH bucket a batch's articles fall in (the newest
/// [`BUCKET_MEMBERS`] of each), read for the whole batch at once: one lookup per bucket
/// and article cost more in statements than in B-tree work, and nearly all come back empty.
fn bucket_members(db: &mut dyn Sql, batch: &[Prepared]) -> Result<HashMap<i64, Vec<i64>>> {
    let mut keys: Vec<i64> = batch.iter().flat_map(|p| p.fingerprint.band_keys()).collect();
    keys.sort_unstable();
    keys.dedup();
    let keys: Vec<Value> = keys.into_iter().map(Value::Int).collect();
    let rows = query_in(
        db,
        &format!(
            "SELECT bucket, article FROM (SELECT bucket, article, ROW_NUMBER() OVER (PARTITION BY bucket ORDER BY article DESC) AS r
             FROM lsh WHERE bucket IN (%)) AS newest WHERE r <= {BUCKET_MEMBERS}"
        ),
        &keys,
    )?;
    let mut members: HashMap<i64, Vec<i64>> = HashMap::new();
    for r in rows {
        members.entry(r.int(0)?).or_default().push(r.int(1)?);
    }
    Ok(members)
}

/// Finds the best earlier article this one is a near-copy of, via the LSH buckets: the
/// stored `members` of each and the batch's own `pending` entries.
fn best_match(
    db: &mut dyn Sql,
    cache: &mut LeadCache,
    fp: &Fingerprint,
    members: &HashMap<i64, Vec<i64>>,
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
    for k in &keys {
        for n in members.get(k).into_iter().flatten().chain(pending.get(k).into_iter().flatten()) {
            *hits.entry(*n).or_default() += 1;
        }
    }
    let mut cands: Vec<(i64, u32)> = hits.into_iter().collect();
    cands.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    cands.truncate(MAX_VERIFIED_CANDIDATES);
    let mut best: Option<(String, String, f64)> = None;
    for (n, _) in cands {
        // (a candidate checked before is compared from memory, and read only if it is a copy)
        let s = match cache.shingles(n) {
            Some(set) => exact_similarity(&fp.shingle_set, set),
            None => {
                let Some(mut r) = db.one("SELECT text FROM articles WHERE n = ?1", args![n])? else { continue };
                let set = shingle_set(&r.text(0)?);
                let s = exact_similarity(&fp.shingle_set, &set);
                cache.remember_shingles(n, set);
                s
            }
        };
        if s.is_copy() && best.as_ref().is_none_or(|b| s.score() > b.2) {
            let Some(mut r) = db.one("SELECT id, story FROM articles WHERE n = ?1", args![n])? else { continue };
            best = Some((r.text(0)?, r.text(1)?, s.score()));
        }
    }
    Ok(best)
}

/// Records one more place the text of stored article `n` was read from; false when this
/// very source was recorded before.
fn insert_source(db: &mut dyn Sql, n: i64, a: &Article) -> Result<bool> {
    let changed = db.execute(
        "INSERT INTO sources (key, article, ext_id, url, outlet, published, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT DO NOTHING",
        args![a.source_key(), n, a.ext_id.as_deref(), a.url.as_deref(), a.outlet.as_deref(), date_str(a.published), a.origin.as_str()],
    )?;
    Ok(changed == 1)
}

/// Stores a batch (inside the caller's transaction) and assigns each new article to a story.
pub(crate) fn ingest_batch(db: &mut dyn Sql, cache: &mut LeadCache, batch: &[Prepared]) -> Result<Vec<Outcome>> {
    let mut out = Vec::with_capacity(batch.len());
    // This batch's bucket entries, inserted in key order at the end: sorted inserts touch
    // each B-tree page once instead of once per article.
    let mut pending: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut new_leads: Vec<(i64, i64, &[(String, u32)])> = Vec::new();
    let members = bucket_members(db, batch)?;
    for p in batch {
        let a = &p.article;
        if let Some(r) = db.one("SELECT n FROM articles WHERE id = ?1", args![a.id.as_str()])? {
            let added = insert_source(db, r.int(0)?, a)?;
            out.push(if added { Outcome::ExactCopy { id: a.id.clone() } } else { Outcome::AlreadyStored { id: a.id.clone() } });
            continue;
        }
        let matched = best_match(db, cache, &p.fingerprint, &members, &pending)?;
        let story = matched.as_ref().map(|m| m.1.clone()).unwrap_or_else(|| new_story_id(&a.id));
        let row = db.one(
            "INSERT INTO articles (id, story, ext_id, url, outlet, published, title, byline, language, text, origin, shingles, minhash, joined_from, similarity, site)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) RETURNING n",
            args![
                a.id.as_str(),
                story.as_str(),
                a.ext_id.as_deref(),
                a.url.as_deref(),
                a.outlet.as_deref(),
                date_str(a.published),
                a.title.as_deref(),
                a.byline.as_deref(),
                a.language.as_deref(),
                a.text.as_str(),
                a.origin.as_str(),
                p.fingerprint.shingles as i64,
                p.fingerprint.signature_bytes(),
                matched.as_ref().map(|m| m.0.as_str()),
                matched.as_ref().map(|m| m.2),
                a.site.as_deref(),
            ],
        )?;
        let n = match row {
            Some(r) => r.int(0)?,
            None => return Err(crate::StoreError::Corrupt { id: a.id.clone(), reason: "the insert returned no row number".into() }),
        };
        insert_source(db, n, a)?;
        if let Some(day) = a.published {
            new_leads.push((n, day.num_days_from_ce() as i64, &p.lead));
        }
        for k in p.fingerprint.band_keys() {
            pending.entry(k).or_default().push(n);
        }
        out.push(Outcome::New { id: a.id.clone(), story, joined: matched.map(|m| (m.0, m.2)) });
    }
    leads::store(db, cache, &new_leads)?;
    let mut entries: Vec<(i64, i64)> = pending.into_iter().flat_map(|(k, ns)| ns.into_iter().map(move |n| (k, n))).collect();
    entries.sort_unstable();
    let values: Vec<Value> = entries.into_iter().flat_map(|(k, n)| [Value::Int(k), Value::Int(n)]).collect();
    insert_many(db, "INSERT INTO lsh (bucket, article)", "ON CONFLICT DO NOTHING", 2, &values)?;
    Ok(out)
}

/// Which of `ids` name stored articles.
pub(crate) fn stored_ids(db: &mut dyn Sql, ids: &[&str]) -> Result<HashSet<String>> {
    let keys: Vec<Value> = ids.iter().map(|id| Value::Text(id.to_string())).collect();
    query_in(db, "SELECT id FROM articles WHERE id IN (%)", &keys)?.into_iter().map(|mut r| r.text(0)).collect()
}

const STORED_COLUMNS: &str = "SELECT a.id, a.story, a.ext_id, a.url, a.outlet, a.published, a.title, a.byline, a.language, a.text, a.origin,
        (SELECT COUNT(*) FROM sources s WHERE s.article = a.n) - 1, a.site
     FROM articles a";

fn row_to_stored(mut r: Row) -> Result<StoredArticle> {
    Ok(StoredArticle {
        story: r.text(1)?,
        copies: r.int(11)?.max(0) as usize,
        article: Article {
            id: r.text(0)?,
            ext_id: r.opt_text(2)?,
            url: r.opt_text(3)?,
            outlet: r.opt_text(4)?,
            published: parse_day(r.opt_text(5)?),
            title: r.opt_text(6)?,
            site: r.opt_text(12)?,
            byline: r.opt_text(7)?,
            language: r.opt_text(8)?,
            text: r.text(9)?,
            origin: r.text(10)?,
        },
    })
}

pub(crate) fn articles(db: &mut dyn Sql, f: &ArticleFilter) -> Result<Vec<StoredArticle>> {
    let mut sql = format!("{STORED_COLUMNS} WHERE 1=1");
    let mut params: Vec<Value> = Vec::new();
    let mut add = |cond: &str, v: Value| {
        params.push(v);
        sql.push_str(&cond.replace("?", &format!("?{}", params.len())));
    };
    if let Some(s) = &f.story {
        add(" AND a.story = ?", s.into());
    }
    if let Some(o) = &f.outlet {
        add(" AND lower(a.outlet) = lower(?)", o.into());
    }
    if let Some(d) = f.since {
        add(" AND a.published >= ?", date_str(Some(d)).into());
    }
    if let Some(d) = f.until {
        add(" AND a.published <= ?", date_str(Some(d)).into());
    }
    sql.push_str(" ORDER BY a.published IS NULL, a.published, a.n");
    if let Some(l) = f.limit {
        sql.push_str(&format!(" LIMIT {l}"));
    }
    db.query(&sql, &params)?.into_iter().map(row_to_stored).collect()
}

pub(crate) fn article(db: &mut dyn Sql, id: &str) -> Result<Option<StoredArticle>> {
    let sql = format!("{STORED_COLUMNS} WHERE a.id = ?1 OR a.id LIKE ?2 ESCAPE '\\' LIMIT 2");
    let rows: Vec<StoredArticle> = db.query(&sql, args![id, prefix_pattern(id)])?.into_iter().map(row_to_stored).collect::<Result<_>>()?;
    Ok(match rows.len() {
        1 => rows.into_iter().next(),
        _ => rows.into_iter().find(|r| r.article.id == id),
    })
}

pub(crate) fn totals(db: &mut dyn Sql) -> Result<Totals> {
    let mut q = |sql: &str| -> Result<u64> { Ok(db.count(sql, &[])?.max(0) as u64) };
    Ok(Totals {
        articles: q("SELECT COUNT(*) FROM articles")?,
        sources: q("SELECT COUNT(*) FROM sources")?,
        stories: q("SELECT COUNT(DISTINCT story) FROM articles")?,
        multi_article_stories: q("SELECT COUNT(*) FROM (SELECT story FROM articles GROUP BY story HAVING COUNT(*) > 1) AS multi")?,
        events: q("SELECT COUNT(*) FROM events")?,
    })
}

pub(crate) fn sources(db: &mut dyn Sql, id: &str) -> Result<Vec<Source>> {
    let rows = db.query(
        "SELECT s.key, s.ext_id, s.url, s.outlet, s.published, s.origin FROM sources s JOIN articles a ON a.n = s.article
         WHERE a.id = ?1 ORDER BY s.origin",
        args![id],
    )?;
    rows.into_iter()
        .map(|mut r| {
            Ok(Source {
                key: r.text(0)?,
                ext_id: r.opt_text(1)?,
                url: r.opt_text(2)?,
                outlet: r.opt_text(3)?,
                published: parse_day(r.opt_text(4)?),
                origin: r.text(5)?,
            })
        })
        .collect()
}

/// Every input id (JSONL `id`, WARC-Record-ID) with the stored article that holds its text.
pub(crate) fn ext_ids(db: &mut dyn Sql) -> Result<Vec<(String, String)>> {
    let rows = db.query("SELECT s.ext_id, a.id FROM sources s JOIN articles a ON a.n = s.article WHERE s.ext_id IS NOT NULL", &[])?;
    rows.into_iter().map(|mut r| Ok((r.text(0)?, r.text(1)?))).collect()
}
