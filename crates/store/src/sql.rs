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
