//! Each article's lead (title and opening words) kept for recognising other outlets' reports
//! of the same story: the words with their document frequencies, and postings of each
//! lead's most distinctive words by day.

use std::collections::BTreeMap;

// (foldhash: a lead word is hashed at every turn of the merge, and SipHash had been a
// twentieth of it; seeded per process, so crafted words still cannot pick the buckets)
use foldhash::HashMap;

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

/// Most stored leads whose word bags a store keeps between batches: enough for the weeks of
/// reports a day's news is compared with. A bag is some 300 bytes (a 100,000-article ingest,
/// all its leads kept, peaked 30 MB higher), so at most about 60 MB.
const MAX_CACHED_LEADS: usize = 200_000;

/// The words of stored leads, kept between batches as numbered bags. A stored lead never
/// changes, and late in a large ingest a report's lead is compared with dozens of others
/// that earlier batches compared too: reading and decoding them again, as strings, took a
/// tenth of the time of 20,000 articles ingested into a database of 80,000. Bounded by
/// [`MAX_CACHED_LEADS`], so memory does not grow with the archive. Emptied when a write
/// fails: SQLite gives a rolled-back batch's article numbers to the next articles (whose
/// leads, stored, replace the bags remembered; emptying makes sure without relying on it).
#[derive(Debug, Default)]
pub(crate) struct LeadCache {
    ids: HashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
    /// article number -> (word number, count), in the order of the words themselves
    bags: HashMap<i64, Box<[(u32, u32)]>>,
}

impl LeadCache {
    /// Forgets everything (after a failed write, or when full between batches).
    pub(crate) fn clear(&mut self) {
        *self = LeadCache::default();
    }

    fn intern(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.ids.get(w) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(w.into());
        self.ids.insert(w.into(), id);
        id
    }

    fn bag(&mut self, terms: &[(String, u32)]) -> Box<[(u32, u32)]> {
        terms.iter().map(|(w, n)| (self.intern(w), *n)).collect()
    }

    /// The word a number stands for.
    pub(crate) fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }
}

/// Document frequencies read from `term_df` and the weighed lead vectors of articles a
/// batch compares with, for one batch (a word's weight changes as leads are added), over
/// the store's [`LeadCache`]. Vectors are (word number, weight) in the order of the words
/// themselves, so that sums over them run in the same order as over the words.
pub(crate) struct Idf<'c> {
    leads: f64,
    cache: &'c mut LeadCache,
    /// by word number; NaN for a word not read yet
    weights: Vec<f64>,
    stored: HashMap<i64, Box<[(u32, f64)]>>,
}

impl<'c> Idf<'c> {
    pub(crate) fn new(db: &mut dyn Sql, cache: &'c mut LeadCache) -> Result<Self> {
        if cache.bags.len() > MAX_CACHED_LEADS {
            cache.clear();
        }
        let leads = db.count("SELECT COUNT(*) FROM leads", &[])?;
        Ok(Idf { leads: leads as f64, cache, weights: Vec::new(), stored: HashMap::default() })
    }

    fn known(&self, id: u32) -> Option<f64> {
        self.weights.get(id as usize).copied().filter(|x| !x.is_nan())
    }

    fn set(&mut self, id: u32, df: i64) {
        let i = id as usize;
        if self.weights.len() <= i {
            self.weights.resize(i + 1, f64::NAN);
        }
        self.weights[i] = sitrep_merge::lexical::idf(self.leads, df as f64);
    }

    fn of(&mut self, db: &mut dyn Sql, id: u32) -> Result<f64> {
        if let Some(x) = self.known(id) {
            return Ok(x);
        }
        let df = db.count("SELECT df FROM term_df WHERE term = ?1", args![self.cache.word(id)])?;
        self.set(id, df);
        Ok(self.weights[id as usize])
    }

    /// Reads the document frequencies of the words `ids` not read yet, with a few statements.
    fn prefetch(&mut self, db: &mut dyn Sql, ids: impl Iterator<Item = u32>) -> Result<()> {
        let mut missing: Vec<u32> = ids.filter(|&id| self.known(id).is_none()).collect();
        missing.sort_unstable();
        missing.dedup();
        let keys: Vec<Value> = missing.iter().map(|&id| Value::from(self.cache.word(id))).collect();
        let mut df: HashMap<String, i64> = HashMap::default();
        for mut r in query_in(db, "SELECT term, df FROM term_df WHERE term IN (%)", &keys)? {
            let n = r.int(1)?;
            df.insert(r.text(0)?, n);
        }
        for id in missing {
            let n = df.get(self.cache.word(id)).copied().unwrap_or(0);
            self.set(id, n);
        }
        Ok(())
    }

    /// The bag of article `n`'s lead (empty for an article without one), read once per
    /// store: leads compared late in an ingest were compared in earlier batches too.
    pub(crate) fn bag(&mut self, db: &mut dyn Sql, n: i64) -> Result<Box<[(u32, u32)]>> {
        self.bags(db, &[n])?;
        Ok(self.cache.bags.get(&n).cloned().unwrap_or_default())
    }

    /// Makes sure the bags of articles `ns` are cached, reading the missing ones with a few
    /// statements.
    fn bags(&mut self, db: &mut dyn Sql, ns: &[i64]) -> Result<()> {
        let mut missing: Vec<i64> = ns.iter().copied().filter(|n| !self.cache.bags.contains_key(n)).collect();
        missing.sort_unstable();
        missing.dedup();
        let keys: Vec<Value> = missing.iter().map(|&n| Value::from(n)).collect();
        for mut r in query_in(db, "SELECT article, terms FROM leads WHERE article IN (%)", &keys)? {
            let n = r.int(0)?;
            let bag = self.cache.bag(&decode_terms(&r.text(1)?));
            self.cache.bags.insert(n, bag);
        }
        for n in missing {
            self.cache.bags.entry(n).or_default();
        }
        Ok(())
    }

    /// Remembers the bag of a lead this batch stores.
    fn remember(&mut self, n: i64, terms: &[(String, u32)]) -> Box<[(u32, u32)]> {
        let bag = self.cache.bag(terms);
        self.cache.bags.insert(n, bag.clone());
        bag
    }

    /// The lead vectors of stored articles `ns` (empty for one without a lead), in their
    /// order. Those not read yet in this batch are read with a few statements: late in a
    /// large ingest a lead is compared with dozens of others, and one statement each had
    /// cost more than the comparisons.
    pub(crate) fn stored_vectors(&mut self, db: &mut dyn Sql, ns: &[i64]) -> Result<Vec<&[(u32, f64)]>> {
        self.bags(db, ns)?;
        for &n in ns {
            if !self.stored.contains_key(&n) {
                let bag = self.cache.bags.get(&n).cloned().unwrap_or_default();
                let v = self.vector(db, &bag)?.into_boxed_slice();
                self.stored.insert(n, v);
            }
        }
        Ok(ns.iter().map(|n| self.stored.get(n).map(|v| &v[..]).unwrap_or_default()).collect())
    }

    /// A bag's TF-IDF vector, unit length ([`sitrep_merge::lexical::weigh`]).
    pub(crate) fn vector(&mut self, db: &mut dyn Sql, bag: &[(u32, u32)]) -> Result<Vec<(u32, f64)>> {
        // a server is asked once for the words not cached; in process, a lookup each costs less
        if db.remote() {
            self.prefetch(db, bag.iter().map(|x| x.0))?;
        } else {
            for &(id, _) in bag {
                self.of(db, id)?;
            }
        }
        Ok(sitrep_merge::lexical::weigh(bag.iter().copied(), |id| self.known(id).unwrap_or(0.0)))
    }

    /// The word a number stands for.
    pub(crate) fn word(&self, id: u32) -> &str {
        self.cache.word(id)
    }

    /// The most distinctive words of a lead vector, highest weight first.
    pub(crate) fn posted(&self, v: &[(u32, f64)]) -> Vec<u32> {
        let mut by_weight: Vec<(u32, f64)> = v.to_vec();
        by_weight.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| self.word(a.0).cmp(self.word(b.0))));
        by_weight.into_iter().take(POSTED_TERMS).map(|x| x.0).collect()
    }
}

/// Cosine of two lead vectors of one batch's [`Idf`], `probe` sorted by word number: its
/// weights are looked up for each word of `other` in turn, so that the products are summed
/// in the order of the words themselves, as [`sitrep_merge::lexical::cosine`] sums them.
pub(crate) fn cosine_sorted(probe: &[(u32, f64)], other: &[(u32, f64)]) -> f64 {
    let mut sum = 0.0;
    for (id, w) in other {
        if let Ok(i) = probe.binary_search_by_key(id, |x| x.0) {
            sum += probe[i].1 * w;
        }
    }
    sum
}

/// Stores a batch's leads (article number, publication day, words): the words, their
/// document frequencies, and postings of each lead's most distinctive words (weighed once
/// the whole batch is counted).
pub(crate) fn store(db: &mut dyn Sql, cache: &mut LeadCache, leads: &[(i64, i64, &[(String, u32)])]) -> Result<()> {
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
    let mut idf = Idf::new(db, cache)?;
    let bags: Vec<Box<[(u32, u32)]>> = leads.iter().map(|(n, _, terms)| idf.remember(*n, terms)).collect();
    idf.prefetch(db, bags.iter().flat_map(|b| b.iter().map(|x| x.0)))?;
    let mut posted: Vec<(u32, i64, i64)> = Vec::new();
    for ((n, day, _), bag) in leads.iter().zip(&bags) {
        let v = idf.vector(db, bag)?;
        posted.extend(idf.posted(&v).into_iter().map(|id| (id, *day, *n)));
    }
    let mut postings: Vec<(&str, i64, i64)> = posted.into_iter().map(|(id, day, n)| (idf.word(id), day, n)).collect();
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
    store(db, &mut LeadCache::default(), &leads)?;
    Ok(leads.len())
}
