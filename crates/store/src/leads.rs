//! Each article's lead (title and opening words) kept for recognising other outlets' reports
//! of the same story: the words with their document frequencies, and postings of each
//! lead's most distinctive words by day.

use std::collections::BTreeMap;

// (foldhash: a lead word is hashed at every turn of the merge, and SipHash had been about 3%
// of an ingest; seeded per process, so crafted words still cannot pick the buckets)
use foldhash::HashMap;

use crate::Result;
use crate::sql::{Sql, Value, args, insert_many, placeholder_groups, query_in};

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
///
/// On a file it also keeps the postings of the words it has looked up, for the days asked
/// about so far (each range of days read once, whatever order the reports come in), which
/// every report's lead reads for some twenty words and day ranges: those reads,
/// a statement each, were about a twelfth of an ingest late in a large archive. The store's
/// own batches add to them as they write; a write by another connection (which SQLite's
/// `data_version` tells) empties the cache, as does passing [`MAX_HELD_POSTINGS`].
///
/// Beside the leads it keeps the shingle hashes of near-copy candidates checked before
/// ([`LeadCache::shingles`]), under the same rules.
#[derive(Debug, Default)]
pub(crate) struct LeadCache {
    ids: HashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
    /// article number -> (word number, count), in the order of the words themselves
    bags: HashMap<i64, Box<[(u32, u32)]>>,
    /// word number -> its postings of some days
    postings: HashMap<u32, Held>,
    /// postings held in `postings`
    held: usize,
    /// the database's `data_version` when this cache last matched it
    version: Option<i64>,
    /// article number -> its text's shingle hashes, for the near-copy check (see
    /// [`LeadCache::shingles`])
    shingles: HashMap<i64, Box<[u64]>>,
}

/// A word's postings (day, article number) of the days `spans` cover, sorted as the table's
/// key.
#[derive(Debug, Default)]
struct Held {
    /// the day ranges read, disjoint, apart and in order
    spans: Vec<(i64, i64)>,
    list: Vec<(i64, i64)>,
}

impl Held {
    fn covers(&self, day: i64) -> bool {
        self.spans.iter().any(|&(lo, hi)| (lo..=hi).contains(&day))
    }

    /// The parts of days `a..=b` not read yet, in order.
    fn gaps(&self, a: i64, b: i64) -> Vec<(i64, i64)> {
        let mut out = Vec::new();
        let mut from = a;
        for &(lo, hi) in self.spans.iter().filter(|&&(lo, hi)| hi >= a && lo <= b) {
            if lo > from {
                out.push((from, lo - 1));
            }
            from = from.max(hi.saturating_add(1));
        }
        if from <= b {
            out.push((from, b));
        }
        out
    }

    /// Adds the postings of a range of days not read before, and the range to the spans.
    fn add(&mut self, (a, b): (i64, i64), rows: Vec<(i64, i64)>) {
        let at = self.list.partition_point(|&(day, _)| day < a);
        self.list.splice(at..at, rows);
        self.spans.push((a, b));
        self.spans.sort_unstable();
        let mut merged: Vec<(i64, i64)> = Vec::with_capacity(self.spans.len());
        for &(lo, hi) in &self.spans {
            match merged.last_mut() {
                Some(last) if lo <= last.1.saturating_add(1) => last.1 = last.1.max(hi),
                _ => merged.push((lo, hi)),
            }
        }
        self.spans = merged;
    }
}

/// Most near-copy candidates whose shingle hashes a [`LeadCache`] keeps: a few KB each, so
/// some 20 MB.
const MAX_CACHED_SHINGLE_SETS: usize = 5_000;

/// Most postings of a word read whole the first time it is asked about (see [`Idf::hold`]).
const WHOLE_WORD_POSTINGS: i64 = 64;

/// Most postings a [`LeadCache`] holds between batches: 16 bytes each, so some 50 MB with
/// the words' tables (a 100,000-article ingest posts about a million).
const MAX_HELD_POSTINGS: usize = 2_000_000;

impl LeadCache {
    /// Forgets everything (after a failed write, or when full between batches).
    pub(crate) fn clear(&mut self) {
        *self = LeadCache::default();
    }

    /// Forgets everything when the database's `data_version` is not the one this cache was
    /// last in step with: another connection has written to it since.
    pub(crate) fn follow(&mut self, version: i64) {
        if self.version != Some(version) {
            self.clear();
            self.version = Some(version);
        }
    }

    /// The shingle hashes of stored article `n`'s text, when it was checked as a near-copy
    /// candidate before. A report reprinted many times is the candidate of each reprint, and
    /// hashing its text again each time was 1.5% of the instructions of 20,000 articles
    /// ingested into an empty database (with the reprints the bench inputs make); with the
    /// sets remembered, about half as many are hashed (0.9% fewer instructions in all). A
    /// stored text never changes; the sets go with the rest of the cache.
    pub(crate) fn shingles(&self, n: i64) -> Option<&[u64]> {
        self.shingles.get(&n).map(|s| &s[..])
    }

    /// Remembers the shingle hashes of stored article `n`, up to [`MAX_CACHED_SHINGLE_SETS`].
    pub(crate) fn remember_shingles(&mut self, n: i64, set: Vec<u64>) {
        if self.shingles.len() >= MAX_CACHED_SHINGLE_SETS {
            self.shingles.clear();
        }
        self.shingles.insert(n, set.into_boxed_slice());
    }

    /// Adds a posting a batch writes, when its word's postings of its day are held.
    fn post(&mut self, id: u32, day: i64, n: i64) {
        if let Some(h) = self.postings.get_mut(&id).filter(|h| h.covers(day)) {
            let at = h.list.partition_point(|&p| p < (day, n));
            if h.list.get(at) != Some(&(day, n)) {
                h.list.insert(at, (day, n));
                self.held += 1;
            }
        }
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
        if cache.held > MAX_HELD_POSTINGS {
            cache.postings.clear();
            cache.held = 0;
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

    /// Makes sure the cache holds word `id`'s postings of days `a..=b`, reading the days
    /// of them it lacks. A word first asked about is read whole when it has at most
    /// [`WHOLE_WORD_POSTINGS`] postings (most posted words are rare: read by ranges only,
    /// they kept costing a statement a report), else its first days so read.
    fn hold(&mut self, db: &mut dyn Sql, id: u32, a: i64, b: i64) -> Result<()> {
        if !self.cache.postings.contains_key(&id) {
            let mut rows = Vec::new();
            for r in db.query("SELECT day, article FROM lead_postings WHERE term = ?1 ORDER BY day, article LIMIT ?2", args![self.word(id), WHOLE_WORD_POSTINGS + 1])? {
                rows.push((r.int(0)?, r.int(1)?));
            }
            let mut h = Held::default();
            if rows.len() as i64 <= WHOLE_WORD_POSTINGS {
                h.spans.push((i64::MIN, i64::MAX));
            } else if let Some(&(last, _)) = rows.last() {
                // (the last day read may have more)
                rows.retain(|&(day, _)| day < last);
                h.spans.push((i64::MIN, last - 1));
            }
            self.cache.held += rows.len();
            h.list = rows;
            self.cache.postings.insert(id, h);
        }
        let gaps = self.cache.postings.get(&id).map_or_else(|| vec![(a, b)], |h| h.gaps(a, b));
        let mut read = Vec::with_capacity(gaps.len());
        for &(from, to) in &gaps {
            let mut rows = Vec::new();
            for r in db.query("SELECT day, article FROM lead_postings WHERE term = ?1 AND day BETWEEN ?2 AND ?3 ORDER BY day, article", args![self.word(id), from, to])? {
                rows.push((r.int(0)?, r.int(1)?));
            }
            read.push(rows);
        }
        let h = self.cache.postings.entry(id).or_default();
        for (gap, rows) in gaps.into_iter().zip(read) {
            self.cache.held += rows.len();
            h.add(gap, rows);
        }
        Ok(())
    }

    /// The first `limit` postings (article, day) of each word `ids` published within one of
    /// the day ranges (in order of day), by day: one round trip for all the words on a
    /// server; on a file, from the postings the cache holds ([`Idf::hold`]).
    pub(crate) fn postings(&mut self, db: &mut dyn Sql, ids: &[u32], ranges: &[(i64, i64)], limit: i64) -> Result<Vec<(i64, i64)>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        if db.remote() {
            let n = ids.len();
            let within: Vec<String> = (0..ranges.len()).map(|i| format!("day BETWEEN ?{} AND ?{}", n + 2 * i + 1, n + 2 * i + 2)).collect();
            let sql = format!(
                "SELECT article, day FROM (SELECT article, day, ROW_NUMBER() OVER (PARTITION BY term ORDER BY day, article) AS r
                 FROM lead_postings WHERE term IN {} AND ({})) p WHERE r <= ?{}",
                placeholder_groups(1, n),
                within.join(" OR "),
                n + 2 * ranges.len() + 1
            );
            let mut values: Vec<Value> = ids.iter().map(|&id| Value::from(self.word(id))).collect();
            values.extend(ranges.iter().flat_map(|&(a, b)| [Value::from(a), Value::from(b)]));
            values.push(Value::from(limit));
            let mut out = Vec::new();
            for r in db.query(&sql, &values)? {
                out.push((r.int(0)?, r.int(1)?));
            }
            return Ok(out);
        }
        let mut out = Vec::new();
        for &id in ids {
            for &(a, b) in ranges {
                self.hold(db, id, a, b)?;
            }
            let Some(Held { list, .. }) = self.cache.postings.get(&id) else { continue };
            // as "WHERE day BETWEEN a AND b ORDER BY day, article LIMIT left" per range
            let mut left = limit.max(0) as usize;
            for &(a, b) in ranges {
                let from = list.partition_point(|&(day, _)| day < a);
                let found = list[from..].iter().take_while(|&&(day, _)| day <= b).take(left);
                let before = out.len();
                out.extend(found.map(|&(day, n)| (n, day)));
                left -= out.len() - before;
                if left == 0 {
                    break;
                }
            }
        }
        Ok(out)
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
    let mut postings: Vec<(&str, i64, i64)> = posted.iter().map(|&(id, day, n)| (idf.word(id), day, n)).collect();
    postings.sort_unstable();
    let values: Vec<Value> = postings.into_iter().flat_map(|(w, day, n)| [Value::from(w), Value::Int(day), Value::Int(n)]).collect();
    insert_many(db, "INSERT INTO lead_postings (term, day, article)", "ON CONFLICT DO NOTHING", 3, &values)?;
    for (id, day, n) in posted {
        idf.cache.post(id, day, n);
    }
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

#[cfg(test)]
mod tests {
    use super::Held;

    /// A word's postings read range by range, in any order, are those of one read of all
    /// the days, and each day is read once.
    #[test]
    fn postings_read_by_ranges_in_any_order_make_one_sorted_list() {
        let all: Vec<(i64, i64)> = vec![(1, 10), (3, 11), (3, 12), (8, 13), (15, 14), (20, 15), (21, 16), (30, 17)];
        let of = |a: i64, b: i64| all.iter().copied().filter(|&(d, _)| (a..=b).contains(&d)).collect::<Vec<_>>();
        let mut h = Held::default();
        let mut read_days = 0;
        for (a, b) in [(10, 16), (1, 4), (14, 22), (0, 30), (5, 9)] {
            for gap in h.gaps(a, b) {
                read_days += gap.1 - gap.0 + 1;
                h.add(gap, of(gap.0, gap.1));
            }
        }
        assert_eq!(h.list, all);
        assert_eq!(h.spans, [(0, 30)]);
        assert_eq!(read_days, 31);
        assert!(h.gaps(2, 29).is_empty() && h.gaps(-3, 31) == [(-3, -1), (31, 31)]);
        // a word read whole, or its first days
        let whole = Held { spans: vec![(i64::MIN, i64::MAX)], list: all.clone() };
        assert!(whole.gaps(-5, 40).is_empty() && whole.covers(1_000_000));
        let mut first = Held { spans: vec![(i64::MIN, 8)], list: of(i64::MIN, 8) };
        assert_eq!(first.gaps(0, 30), [(9, 30)]);
        first.add((9, 30), of(9, 30));
        assert_eq!((first.list, first.spans), (all, vec![(i64::MIN, 30)]));
    }
}
