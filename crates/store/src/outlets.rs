//! Where each outlet's articles place their events, counted as they are merged: what
//! teaches the analysis where a local outlet is ([`sitrep_model::OutletVote`]). Kept with
//! the articles, in their transaction, so that the counts are those of the stored articles
//! however an ingest was interrupted and resumed.

use std::collections::HashMap;

use sitrep_model::{MentionRecord, OutletVote};

use crate::sql::{insert_many, query_in, Sql, Value};
use crate::Result;

/// What the store knows of one outlet: `articles` of its articles placed an event in
/// `division` ([`sitrep_model::Location::division`]), or, with `division` `None`, placed
/// one at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutletCount {
    pub outlet: String,
    pub division: Option<String>,
    pub articles: u64,
}

/// The division key that stands for "any": the articles of the outlet with a placed event.
const ANY: &str = "";

/// Adds the votes of the articles whose mentions are `records` (all newly stored).
pub(crate) fn count(db: &mut dyn Sql, records: &[MentionRecord]) -> Result<()> {
    let mut counts: HashMap<(&str, &str), i64> = HashMap::new();
    let votes = OutletVote::of(records);
    for v in &votes {
        *counts.entry((&v.outlet, ANY)).or_default() += 1;
        for d in &v.divisions {
            *counts.entry((&v.outlet, d)).or_default() += 1;
        }
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_unstable();
    let values: Vec<Value> = rows.into_iter().flat_map(|((o, d), n)| [Value::from(o), Value::from(d), Value::Int(n)]).collect();
    insert_many(
        db,
        "INSERT INTO outlet_divisions (outlet, division, articles)",
        "ON CONFLICT (outlet, division) DO UPDATE SET articles = outlet_divisions.articles + excluded.articles",
        3,
        &values,
    )
}

/// The counts kept for `outlets`.
pub(crate) fn counts(db: &mut dyn Sql, outlets: &[&str]) -> Result<Vec<OutletCount>> {
    let mut keys: Vec<&str> = outlets.to_vec();
    keys.sort_unstable();
    keys.dedup();
    let keys: Vec<Value> = keys.into_iter().map(Value::from).collect();
    query_in(db, "SELECT outlet, division, articles FROM outlet_divisions WHERE outlet IN (%)", &keys)?
        .into_iter()
        .map(|mut r| {
            let division = r.text(1)?;
            Ok(OutletCount { outlet: r.text(0)?, division: (division != ANY).then_some(division), articles: r.int(2)?.max(0) as u64 })
        })
        .collect()
}
