//! Carries batches of raw records from the machines that read inputs to the workers that
//! ingest them, through a NATS JetStream work queue (DESIGN, "Scale": stateless workers take
//! article batches from a durable queue and write to PostgreSQL).
//!
//! A batch is one message: its records as gzip-compressed JSON lines, so that a message
//! carries a few hundred pages under the server's payload limit. The stream keeps a message
//! until a worker acknowledges it, and a worker acknowledges only after its database
//! committed the batch: a worker that dies first leaves the message to be delivered again,
//! and ingesting a batch twice changes nothing (article ids are content hashes). Delivery is
//! at least once; the database's result is the same as once.
//!
//! Reading and cleaning stay where they were: the queue moves [`RawRecord`]s, so a worker
//! runs the whole pipeline from cleaning on, and records keep the origin (file and line)
//! their reader gave them for error messages.

use std::io::{BufRead, Read, Write};
use std::sync::Arc;
use std::time::Duration;

use async_nats::jetstream::{self, consumer::pull, stream};
use async_nats::HeaderMap;
use futures_util::StreamExt;
use sitrep_model::{Origin, RawRecord, RecordIssue};

/// The stream sitrep uses unless told otherwise.
pub const DEFAULT_STREAM: &str = "SITREP";

/// The durable consumer `sitrep queue work` processes share: they divide the messages between
/// them. (A work-queue stream lets only one consumer see each message, so a stream has one
/// such group.)
pub const DEFAULT_WORKERS: &str = "sitrep-workers";

/// How long a worker may hold a batch before the server gives it to another: a batch of a
/// few hundred articles takes seconds, but a merge waiting for another worker's lock can
/// take longer, and giving the same batch to a second worker only wastes work.
pub const ACK_WAIT: Duration = Duration::from_secs(600);

/// What went wrong talking to the queue, naming the server or stream so that the user
/// knows which service to look at.
#[derive(Debug, thiserror::Error)]
pub enum QueueError {
    #[error("NATS server {server}: {reason}")]
    Connect { server: String, reason: String },
    #[error("NATS JetStream stream {stream}: {reason}")]
    Stream { stream: String, reason: String },
    #[error("starting the NATS client's runtime: {0}")]
    Runtime(#[from] std::io::Error),
}

pub type Result<T> = std::result::Result<T, QueueError>;

/// A connection to one stream of record batches.
pub struct Queue {
    rt: Arc<tokio::runtime::Runtime>,
    js: jetstream::Context,
    stream: String,
    subject: String,
    max_payload: usize,
}

/// What [`Queue::publish`] did with a batch.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Published {
    /// Messages the stream stored.
    pub messages: usize,
    /// Messages the stream had stored before (the same batch published again within the
    /// stream's duplicate window) and dropped.
    pub duplicates: usize,
    /// Records that fit in no message, one issue each; the others were published.
    pub too_large: Vec<RecordIssue>,
}

impl Queue {
    /// Connects to `server` (`nats://host:4222` or `host:4222`) and opens the stream named
    /// `stream`, creating it if it is missing: a work queue on disk, whose messages go once
    /// a worker acknowledges them.
    pub fn connect(server: &str, stream: &str) -> Result<Queue> {
        // one background thread keeps the connection served (the server's pings answered)
        // while the worker is busy storing a batch outside the runtime
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build()?;
        let connect_err = |e: &dyn std::fmt::Display| QueueError::Connect { server: server.to_string(), reason: e.to_string() };
        let client = rt
            .block_on(async_nats::ConnectOptions::new().connection_timeout(Duration::from_secs(5)).retry_on_initial_connect().connect(server))
            .map_err(|e| connect_err(&e))?;
        // with retry_on_initial_connect the client connects in the background; wait for it
        // a while instead of hanging on the first request forever
        rt.block_on(async {
            for _ in 0..50 {
                if client.connection_state() == async_nats::connection::State::Connected {
                    return Ok(());
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(connect_err(&"could not connect within 5 seconds"))
        })?;
        let max_payload = client.server_info().max_payload;
        let js = {
            let _in_runtime = rt.enter();
            jetstream::new(client)
        };
        let subject = format!("{}.records", stream.to_lowercase());
        let config = stream::Config {
            name: stream.to_string(),
            subjects: vec![subject.clone()],
            retention: stream::RetentionPolicy::WorkQueue,
            storage: stream::StorageType::File,
            ..Default::default()
        };
        rt.block_on(js.get_or_create_stream(config))
            .map_err(|e| QueueError::Stream { stream: stream.to_string(), reason: e.to_string() })?;
        Ok(Queue { rt: Arc::new(rt), js, stream: stream.to_string(), subject, max_payload })
    }

    fn stream_err(&self, e: impl std::fmt::Display) -> QueueError {
        QueueError::Stream { stream: self.stream.clone(), reason: e.to_string() }
    }

    /// Publishes `records` as one message, or as several when they do not fit in one, and
    /// waits until the stream has stored each. A message is named by the hash of its
    /// content, so publishing the same batch again within the stream's duplicate window
    /// (two minutes by default) stores nothing.
    pub fn publish(&self, records: &[RawRecord]) -> Result<Published> {
        let mut out = Published::default();
        self.publish_split(records, &mut out)?;
        Ok(out)
    }

    fn publish_split(&self, records: &[RawRecord], out: &mut Published) -> Result<()> {
        if records.is_empty() {
            return Ok(());
        }
        let payload = encode(records);
        // keep room for the headers under the server's limit
        if payload.len() + 256 > self.max_payload {
            if records.len() == 1 {
                out.too_large.push(RecordIssue {
                    origin: records[0].origin.clone(),
                    reason: format!(
                        "too large for the queue: {} bytes compressed, the server takes messages up to {} bytes",
                        payload.len(),
                        self.max_payload
                    ),
                });
                return Ok(());
            }
            let (a, b) = records.split_at(records.len() / 2);
            self.publish_split(a, out)?;
            return self.publish_split(b, out);
        }
        let mut headers = HeaderMap::new();
        headers.insert("Nats-Msg-Id", message_id(&payload).as_str());
        let ack = self
            .rt
            .block_on(async {
                let pending = self.js.publish_with_headers(self.subject.clone(), headers, payload.into()).await?;
                pending.await
            })
            .map_err(|e| self.stream_err(e))?;
        if ack.duplicate {
            out.duplicates += 1;
        } else {
            out.messages += 1;
        }
        Ok(())
    }

    /// Messages waiting in the stream (published and not yet acknowledged by a worker).
    pub fn waiting(&self) -> Result<u64> {
        let info = self.rt.block_on(async {
            let mut s = self.js.get_stream(&self.stream).await.map_err(|e| self.stream_err(e))?;
            s.info().await.map(|i| i.state.messages).map_err(|e| self.stream_err(e))
        })?;
        Ok(info)
    }

    /// Deletes the stream with every batch still in it (and its workers' positions).
    pub fn delete(self) -> Result<()> {
        self.rt.block_on(self.js.delete_stream(&self.stream)).map(|_| ()).map_err(|e| self.stream_err(e))
    }

    /// Joins the workers named `name` (a durable consumer of the stream, created if
    /// missing, with [`ACK_WAIT`]): each message goes to one of them. The group keeps the
    /// ack wait it has.
    pub fn worker(&self, name: &str) -> Result<Worker> {
        self.join(name, ACK_WAIT, false)
    }

    /// Joins the workers named `name` and sets how long any of them may hold a batch
    /// before the server gives it to another: the group shares one setting, so this changes
    /// it for the workers already running too. Shorter hands the batches of a dead worker
    /// on sooner; it must stay longer than a batch takes, or batches are ingested twice
    /// (harmless, since ingesting is idempotent, but wasted).
    pub fn worker_with(&self, name: &str, ack_wait: Duration) -> Result<Worker> {
        self.join(name, ack_wait, true)
    }

    fn join(&self, name: &str, ack_wait: Duration, set: bool) -> Result<Worker> {
        let config = pull::Config {
            durable_name: Some(name.to_string()),
            ack_policy: jetstream::consumer::AckPolicy::Explicit,
            ack_wait,
            ..Default::default()
        };
        let consumer = self
            .rt
            .block_on(async {
                let s = self.js.get_stream(&self.stream).await.map_err(|e| self.stream_err(e))?;
                // creating a durable consumer that exists updates its settings
                if set {
                    s.create_consumer(config).await.map_err(|e| self.stream_err(e))
                } else {
                    s.get_or_create_consumer(name, config).await.map_err(|e| self.stream_err(e))
                }
            })?;
        Ok(Worker { rt: self.rt.clone(), consumer, stream: self.stream.clone() })
    }
}

/// One of the workers that share a stream's messages.
pub struct Worker {
    rt: Arc<tokio::runtime::Runtime>,
    consumer: jetstream::consumer::Consumer<pull::Config>,
    stream: String,
}

/// A batch handed to a worker; it stays in the stream until [`Worker::done`].
pub struct Delivery {
    message: jetstream::Message,
    /// The batch's records, or for each line that could not be decoded the reason.
    pub records: Vec<std::result::Result<RawRecord, RecordIssue>>,
    /// Where the message sits in the stream ("SITREP message 42"), for error messages.
    pub label: String,
}

impl Worker {
    /// The next batch, waiting up to `wait` for one to arrive; None when none did.
    pub fn next(&mut self, wait: Duration) -> Result<Option<Delivery>> {
        let stream_err = |e: &dyn std::fmt::Display| QueueError::Stream { stream: self.stream.clone(), reason: e.to_string() };
        let message = self.rt.block_on(async {
            let mut batch = self.consumer.fetch().max_messages(1).expires(wait).messages().await.map_err(|e| stream_err(&e))?;
            match batch.next().await {
                Some(Ok(m)) => Ok(Some(m)),
                Some(Err(e)) => Err(stream_err(&e)),
                None => Ok(None),
            }
        })?;
        let Some(message) = message else { return Ok(None) };
        let seq = message.info().map(|i| i.stream_sequence).unwrap_or(0);
        let label = format!("{} message {seq}", self.stream);
        let records = decode(&message.payload, &label);
        Ok(Some(Delivery { message, records, label }))
    }

    /// Tells the stream the batch is stored: it is removed and never delivered again. Waits
    /// for the server to confirm, so that a worker that stops next has not lost the ack.
    pub fn done(&self, d: Delivery) -> Result<()> {
        self.rt
            .block_on(d.message.double_ack())
            .map_err(|e| QueueError::Stream { stream: self.stream.clone(), reason: format!("acknowledging {}: {e}", d.label) })
    }

    /// Hands the batch back for another delivery (this worker could not store it).
    pub fn retry(&self, d: Delivery) -> Result<()> {
        self.rt
            .block_on(d.message.ack_with(jetstream::AckKind::Nak(None)))
            .map_err(|e| QueueError::Stream { stream: self.stream.clone(), reason: format!("returning {}: {e}", d.label) })
    }
}

/// A batch as a message body: gzip-compressed JSON lines, one record each.
fn encode(records: &[RawRecord]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    for r in records {
        // serialising plain strings and enums cannot fail
        if serde_json::to_writer(&mut gz, r).is_ok() {
            let _ = gz.write_all(b"\n");
        }
    }
    gz.finish().unwrap_or_default()
}

/// The records of a message body; a line that is not a record, or a body that is not
/// gzip, becomes an issue naming the message and the line, and the other lines still count.
fn decode(payload: &[u8], label: &str) -> Vec<std::result::Result<RawRecord, RecordIssue>> {
    let issue = |line: Option<usize>, reason: String| RecordIssue {
        origin: Origin { file: label.to_string(), locator: line.map(|n| format!("line {n}")) },
        reason,
    };
    let mut text = Vec::new();
    if let Err(e) = flate2::read::GzDecoder::new(payload).read_to_end(&mut text) {
        return vec![Err(issue(None, format!("not a gzip batch of records: {e}")))];
    }
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.as_ref().map_or(true, |l| !l.trim().is_empty()))
        .map(|(i, l)| {
            let l = l.map_err(|e| issue(Some(i + 1), format!("not UTF-8: {e}")))?;
            serde_json::from_str::<RawRecord>(&l).map_err(|e| issue(Some(i + 1), format!("not a record: {e}")))
        })
        .collect()
}

/// A message's name for the stream's duplicate detection: a hash of its body.
fn message_id(payload: &[u8]) -> String {
    format!("sitrep-{:032x}", xxhash_rust::xxh3::xxh3_128(payload))
}

#[cfg(test)]
mod tests;
