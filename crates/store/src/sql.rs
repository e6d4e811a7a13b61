//! The little SQL both backends speak, so that the store's logic is written once.
//!
//! Statements use SQLite's numbered placeholders (`?1`, `?2`), which PostgreSQL's backend
//! rewrites to `$1`, `$2`; everything else is written in the common subset of the two
//! dialects (`ON CONFLICT … DO NOTHING/UPDATE`, `RETURNING`, `lower()` for case folding).
//! Values travel as [`Value`]s: the backends convert them to and from their own types.

use crate::{Result, StoreError};

/// A bound parameter or a read column.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl From<i64> for Value {
    fn from(x: i64) -> Self {
        Value::Int(x)
    }
}

impl From<bool> for Value {
    fn from(x: bool) -> Self {
        Value::Int(x as i64)
    }
}

impl From<f64> for Value {
    fn from(x: f64) -> Self {
        Value::Real(x)
    }
}

impl From<&str> for Value {
    fn from(x: &str) -> Self {
        Value::Text(x.to_string())
    }
}

impl From<String> for Value {
    fn from(x: String) -> Self {
        Value::Text(x)
    }
}

impl From<&String> for Value {
    fn from(x: &String) -> Self {
        Value::Text(x.clone())
    }
}

impl From<Vec<u8>> for Value {
    fn from(x: Vec<u8>) -> Self {
        Value::Blob(x)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(x: Option<T>) -> Self {
        x.map_or(Value::Null, Into::into)
    }
}

/// Builds a parameter list: `args![id, n]`.
macro_rules! args {
    ($($x:expr),* $(,)?) => { &[$($crate::sql::Value::from($x)),*] };
}
pub(crate) use args;

/// One result row; columns are taken out by position.
#[derive(Debug)]
pub(crate) struct Row(pub(crate) Vec<Value>);

impl Row {
    fn mismatch(&self, i: usize, expected: &str) -> StoreError {
        StoreError::Column { index: i, expected: expected.to_string(), found: format!("{:?}", self.0.get(i)) }
    }

    pub(crate) fn int(&self, i: usize) -> Result<i64> {
        match self.0.get(i) {
            Some(Value::Int(x)) => Ok(*x),
            _ => Err(self.mismatch(i, "integer")),
        }
    }

    /// Takes a text column out of the row.
    pub(crate) fn text(&mut self, i: usize) -> Result<String> {
        self.opt_text(i)?.ok_or_else(|| self.mismatch(i, "text"))
    }

    pub(crate) fn opt_text(&mut self, i: usize) -> Result<Option<String>> {
        match self.0.get_mut(i) {
            Some(Value::Text(s)) => Ok(Some(std::mem::take(s))),
            Some(Value::Null) => Ok(None),
            _ => Err(self.mismatch(i, "text")),
        }
    }
}

/// A connection or transaction of either backend.
pub(crate) trait Sql {
    /// Runs a statement that returns rows.
    fn query(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Row>>;
    /// Runs a statement and says how many rows it changed.
    fn execute(&mut self, sql: &str, args: &[Value]) -> Result<u64>;

    /// Tells the planner how the tables have grown, where it plans by statistics that only
    /// `ANALYZE` gathers (PostgreSQL): planned for the empty tables a merge starts from, the
    /// lookup of events by a person's name walked every event of the type (5 ms a report
    /// after 2,000 articles). SQLite plans by its indexes and needs nothing.
    fn refresh_statistics(&mut self) -> Result<()> {
        Ok(())
    }

    /// Whether every statement is a round trip to a server (PostgreSQL): lookups are then
    /// made in one statement where, in process (SQLite), several small indexed ones cost less.
    fn remote(&self) -> bool {
        false
    }

    /// The first row, if any.
    fn one(&mut self, sql: &str, args: &[Value]) -> Result<Option<Row>> {
        Ok(self.query(sql, args)?.into_iter().next())
    }

    /// The first column of every row, as text.
    fn texts(&mut self, sql: &str, args: &[Value]) -> Result<Vec<String>> {
        self.query(sql, args)?.into_iter().map(|mut r| r.text(0)).collect()
    }

    /// The integer a one-row query returns (a count).
    fn count(&mut self, sql: &str, args: &[Value]) -> Result<i64> {
        match self.one(sql, args)? {
            Some(r) => r.int(0),
            None => Ok(0),
        }
    }
}

/// Most rows one multi-row statement carries. Statements are built in chunks of a power of
/// two rows, so that a batch of any size uses a handful of statement shapes, and those stay
/// in the prepared-statement caches.
const MAX_CHUNK: usize = 256;

/// The chunk sizes `n` items are sent in: as many of the largest as fit, then powers of two.
fn chunks(mut n: usize) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        if n == 0 {
            return None;
        }
        let size = if n >= MAX_CHUNK { MAX_CHUNK } else { 1 << (usize::BITS - 1 - n.leading_zeros()) };
        n -= size;
        Some(size)
    })
}

/// `(?1, ?2), (?3, ?4)`: `rows` groups of `width` numbered placeholders.
pub(crate) fn placeholder_groups(rows: usize, width: usize) -> String {
    let mut s = String::with_capacity(rows * width * 5);
    for r in 0..rows {
        s.push_str(if r == 0 { "(" } else { ", (" });
        for c in 0..width {
            if c > 0 {
                s.push_str(", ");
            }
            s.push('?');
            s.push_str(&(r * width + c + 1).to_string());
        }
        s.push(')');
    }
    s
}

/// Inserts many rows with few statements: `head` is `INSERT INTO t (a, b)`, `tail` what
/// follows the values (`ON CONFLICT DO NOTHING`), `values` the rows' columns one after
/// another. A statement per row cost more in its own overhead than in the B-tree work (and
/// a round trip each on a server).
pub(crate) fn insert_many(db: &mut dyn Sql, head: &str, tail: &str, width: usize, values: &[Value]) -> Result<()> {
    let mut rest = values;
    for rows in chunks(values.len() / width) {
        let (now, later) = rest.split_at(rows * width);
        db.execute(&format!("{head} VALUES {} {tail}", placeholder_groups(rows, width)), now)?;
        rest = later;
    }
    Ok(())
}

/// Runs `sql`, whose `IN (%)` is filled with `keys` (its only parameters), a chunk at a
/// time, and returns all the rows.
pub(crate) fn query_in(db: &mut dyn Sql, sql: &str, keys: &[Value]) -> Result<Vec<Row>> {
    let mut out = Vec::new();
    let mut rest = keys;
    for n in chunks(keys.len()) {
        let (now, later) = rest.split_at(n);
        out.extend(db.query(&sql.replacen("IN (%)", &format!("IN {}", placeholder_groups(1, n)), 1), now)?);
        rest = later;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_are_powers_of_two_covering_everything() {
        assert_eq!(chunks(0).count(), 0);
        assert_eq!(chunks(600).collect::<Vec<_>>(), [256, 256, 64, 16, 8]);
        assert_eq!(chunks(7).collect::<Vec<_>>(), [4, 2, 1]);
        for n in 0..1000 {
            assert_eq!(chunks(n).sum::<usize>(), n);
            assert!(chunks(n).all(|c| c.is_power_of_two() && c <= MAX_CHUNK));
        }
    }

    #[test]
    fn placeholders_are_numbered_row_by_row() {
        assert_eq!(placeholder_groups(2, 3), "(?1, ?2, ?3), (?4, ?5, ?6)");
        assert_eq!(placeholder_groups(1, 1), "(?1)");
    }
}
