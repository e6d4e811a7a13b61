//! Each article's lead (title and opening words) kept for recognising other outlets' reports
//! of the same story: the words with their document frequencies, and postings of each
//! lead's most distinctive words by day.

use std::collections::{BTreeMap, HashMap};

use crate::Result;
use crate::sql::{Sql, Value, args, insert_many, query_in};

/// Words of a lead posted for lookup: its most distinctive ones by TF-IDF. Two leads similar
/// enough to tell one story share several of them.
pub(crate) const POSTED_TERMS: usize = 20;

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

pub(crate) fn decode_terms(s: &str) -> Vec<(String, u32)> {
    s.split(' ').filter_map(|t| t.rsplit_once(':')).filter_map(|(w, n)| Some((w.to_string(), n.parse().ok()?))).collect()
}

/// Document frequencies read from `term_df`, and the weighed lead vectors of articles a
/// batch compares with, cached for one batch.
pub(crate) struct Idf {
    leads: f64,
    cache: HashMap<String, f64>,
    stored: HashMap<i64, Vec<(String, f64)>>,
}

impl Idf {
    pub(crate) fn new(db: &mut dyn Sql) -> Result<Self> {
        let leads = db.count("SELECT COUNT(*) FROM leads", &[])?;
        Ok(Idf { leads: leads as f64, cache: HashMap::new(), stored: HashMap::new() })
    }

    fn of(&mut self, db: &mut dyn Sql, term: &str) -> Result<f64> {
        if let Some(x) = self.cache.get(term) {
            return Ok(*x);
        }
        let df = db.count("SELECT df FROM term_df WHERE term = ?1", args![term])?;
        let x = sitrep_merge::lexical::idf(self.leads, df as f64);
        self.cache.insert(term.to_string(), x);
        Ok(x)
    }

    /// Reads the document frequencies of `terms` not read yet, with a few statements.
    pub(crate) fn prefetch<'t>(&mut self, db: &mut dyn Sql, terms: impl Iterator<Item = &'t str>) -> Result<()> {
        let mut missing: Vec<&str> = terms.filter(|t| !self.cache.contains_key(*t)).collect();
        missing.sort_unstable();
        missing.dedup();
        let keys: Vec<Value> = missing.iter().map(|t| Value::from(*t)).collect();
        let mut df: HashMap<String, i64> = HashMap::new();
        for mut r in query_in(db, "SELECT term, df FROM term_df WHERE term IN (%)", &keys)? {
            let n = r.int(1)?;
            df.insert(r.text(0)?, n);
        }
        for t in missing {
            let n = df.get(t).copied().unwrap_or(0);
            self.cache.insert(t.to_string(), sitrep_merge::lexical::idf(self.leads, n as f64));
        }
        Ok(())
    }

    /// The lead vectors of stored articles `ns` (empty for one without a lead), in their
    /// order. Those not read yet in this batch are read with a few statements: late in a
    /// large ingest a lead is compared with dozens of others, and one statement each had
    /// cost more than the comparisons.
    pub(crate) fn stored_vectors(&mut self, db: &mut dyn Sql, ns: &[i64]) -> Result<Vec<&[(String, f64)]>> {
        let mut missing: Vec<i64> = ns.iter().copied().filter(|n| !self.stored.contains_key(n)).collect();
        missing.sort_unstable();
        missing.dedup();
        let keys: Vec<Value> = missing.iter().map(|&n| Value::from(n)).collect();
        let mut read: Vec<(i64, Vec<(String, u32)>)> = Vec::with_capacity(missing.len());
        for mut r in query_in(db, "SELECT article, terms FROM leads WHERE article IN (%)", &keys)? {
            read.push((r.int(0)?, decode_terms(&r.text(1)?)));
        }
        for (n, terms) in read {
            let v: Vec<(String, f64)> = self.vector(db, &terms)?.into_iter().map(|(w, x)| (w.to_string(), x)).collect();
            self.stored.insert(n, v);
        }
        for n in missing {
            self.stored.entry(n).or_default();
        }
        Ok(ns.iter().map(|n| self.stored.get(n).map(Vec::as_slice).unwrap_or_default()).collect())
    }

    pub(crate) fn vector<'a>(&mut self, db: &mut dyn Sql, terms: &'a [(String, u32)]) -> Result<Vec<(&'a str, f64)>> {
        // a server is asked once for the words not cached; in process, a lookup each costs less
        if db.remote() {
            self.prefetch(db, terms.iter().map(|(w, _)| w.as_str()))?;
        } else {
            for (w, _) in terms {
                self.of(db, w)?;
            }
        }
        Ok(sitrep_merge::lexical::tfidf_vector(terms, |w| self.cache.get(w).copied().unwrap_or(0.0)))
    }
}

/// The most distinctive words of a lead vector, highest weight first.
pub(crate) fn posted<'a>(v: &[(&'a str, f64)]) -> Vec<&'a str> {
    let mut by_weight: Vec<(&str, f64)> = v.to_vec();
    by_weight.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    by_weight.into_iter().take(POSTED_TERMS).map(|x| x.0).collect()
}

/// Stores a batch's leads (article number, publication day, words): the words, their
/// document frequencies, and postings of each lead's most distinctive words (weighed once
/// the whole batch is counted).
pub(crate) fn store(db: &mut dyn Sql, leads: &[(i64, i64, &[(String, u32)])]) -> Result<()> {
    if leads.is_empty() {
        return Ok(());
    }
    let mut df: BTreeMap<&str, i64> = BTreeMap::new();
    let mut rows: Vec<Value> = Vec::with_capacity(leads.len() * 3);
    for (n, day, terms) in leads {
        rows.extend([Value::Int(*n), Value::Int(*day), Value::Text(encode_terms(terms))]);
        for (w, _) in terms.iter() {
            *df.entry(w.as_str()).or_default() += 1;
        }
    }
    insert_many(db, "INSERT INTO leads (article, day, terms)", "", 3, &rows)?;
    let counts: Vec<Value> = df.into_iter().flat_map(|(w, k)| [Value::from(w), Value::Int(k)]).collect();
    insert_many(db, "INSERT INTO term_df (term, df)", "ON CONFLICT (term) DO UPDATE SET df = term_df.df + excluded.df", 2, &counts)?;
    let mut idf = Idf::new(db)?;
    idf.prefetch(db, leads.iter().flat_map(|(_, _, terms)| terms.iter().map(|(w, _)| w.as_str())))?;
    let mut postings: Vec<(&str, i64, i64)> = Vec::new();
    for (n, day, terms) in leads {
        for w in posted(&idf.vector(db, terms)?) {
            postings.push((w, *day, *n));
        }
    }
    postings.sort_unstable();
    let values: Vec<Value> = postings.into_iter().flat_map(|(w, day, n)| [Value::from(w), Value::Int(day), Value::Int(n)]).collect();
    insert_many(db, "INSERT INTO lead_postings (term, day, article)", "ON CONFLICT DO NOTHING", 3, &values)?;
    Ok(())
}

/// Gives the stored articles that have none a lead (title and opening words), as ingesting
/// them now would: a database made before leads were kept (SQLite schema 5) then finds other
/// outlets' reports of its stories too. Articles without a publication day have no lead.
pub(crate) fn backfill(db: &mut dyn Sql) -> Result<usize> {
    let rows = db.query(
        "SELECT n, published, title, text FROM articles WHERE published IS NOT NULL AND n NOT IN (SELECT article FROM leads) ORDER BY n",
        &[],
    )?;
    let mut found: Vec<(i64, i64, Vec<(String, u32)>)> = Vec::with_capacity(rows.len());
    for mut r in rows {
        let (n, published, text) = (r.int(0)?, r.text(1)?, r.text(3)?);
        let title = match r.0.get(2) {
            Some(Value::Text(t)) => Some(t.clone()),
            _ => None,
        };
        // a day the store wrote itself; one it cannot read gives no lead rather than a wrong one
        let Ok(day) = chrono::NaiveDate::parse_from_str(&published, "%Y-%m-%d") else { continue };
        found.push((n, chrono::Datelike::num_days_from_ce(&day) as i64, sitrep_merge::lexical::lead_terms(title.as_deref(), &text)));
    }
    let leads: Vec<(i64, i64, &[(String, u32)])> = found.iter().map(|(n, d, t)| (*n, *d, t.as_slice())).collect();
    store(db, &leads)?;
    Ok(leads.len())
}
