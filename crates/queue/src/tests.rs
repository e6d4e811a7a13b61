//! Against a real NATS server with JetStream when `SITREP_TEST_NATS` names one (`.ci/run`
//! sets it); skipped with a printed reason otherwise. Each test uses a stream of its own and
//! deletes it at the end.

use std::time::Duration;

use sitrep_model::{BodyKind, Origin, RawRecord, SourceMeta};

use super::*;

fn record(i: usize, body: &str) -> RawRecord {
    RawRecord {
        origin: Origin { file: "reports.jsonl".into(), locator: Some(format!("line {i}")) },
        kind: BodyKind::Text,
        body: body.into(),
        meta: SourceMeta { ext_id: Some(format!("r{i}")), outlet: Some("Test".into()), published: Some("2020-01-02".into()), ..Default::default() },
    }
}

/// A queue on a stream of its own, deleted when the guard goes.
fn scratch(name: &str) -> Option<(Queue, impl Drop)> {
    let Ok(server) = std::env::var("SITREP_TEST_NATS") else {
        eprintln!("skipping: SITREP_TEST_NATS is not set (e.g. 127.0.0.1:4222)");
        return None;
    };
    let stream = format!("SITREP_TEST_{}_{}", name.to_uppercase(), std::process::id());
    let q = Queue::connect(&server, &stream).unwrap_or_else(|e| panic!("SITREP_TEST_NATS={server}: {e}"));
    struct Deleter(String, String);
    impl Drop for Deleter {
        fn drop(&mut self) {
            if let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() {
                let _ = rt.block_on(async {
                    let js = jetstream::new(async_nats::connect(&self.0).await?);
                    js.delete_stream(&self.1).await.map(|_| ()).map_err(async_nats::Error::from)
                });
            }
        }
    }
    Some((q, Deleter(server, stream)))
}

#[test]
fn batches_reach_one_worker_each_and_leave_the_stream_when_done() {
    let Some((q, _guard)) = scratch("batches") else { return };
    let first: Vec<RawRecord> = (1..=3).map(|i| record(i, &format!("Report number {i} about a shooting downtown."))).collect();
    let second = vec![record(4, "Police said two men were wounded on Friday night.")];
    assert_eq!(q.publish(&first).unwrap(), Published { messages: 1, ..Default::default() });
    assert_eq!(q.publish(&second).unwrap().messages, 1);
    // the same batch again is recognised as the same message and not stored twice
    assert_eq!(q.publish(&first).unwrap(), Published { duplicates: 1, ..Default::default() });
    assert_eq!(q.waiting().unwrap(), 2);

    let mut a = q.worker(DEFAULT_WORKERS).unwrap();
    let mut b = q.worker(DEFAULT_WORKERS).unwrap();
    let got_a = a.next(Duration::from_secs(5)).unwrap().expect("a batch for the first worker");
    let got_b = b.next(Duration::from_secs(5)).unwrap().expect("the other batch for the second worker");
    let mut bodies: Vec<Vec<RawRecord>> =
        [&got_a, &got_b].iter().map(|d| d.records.iter().map(|r| r.clone().unwrap()).collect()).collect();
    bodies.sort_by_key(|b| b.len());
    assert_eq!(bodies, vec![second, first], "each worker got one whole batch, records and origins intact");
    assert!(a.next(Duration::from_millis(300)).unwrap().is_none(), "nothing is left to hand out");
    // a batch handed back is delivered again; one done leaves the stream
    b.retry(got_b).unwrap();
    let again = a.next(Duration::from_secs(5)).unwrap().expect("the batch handed back");
    a.done(again).unwrap();
    a.done(got_a).unwrap();
    assert_eq!(q.waiting().unwrap(), 0);
}

#[test]
fn a_damaged_message_is_reported_line_by_line_and_the_rest_is_kept() {
    let Some((q, _guard)) = scratch("damaged") else { return };
    // a body that is not gzip at all
    let not_gzip = decode(b"{\"not\": \"compressed\"}", "S message 1");
    assert_eq!(not_gzip.len(), 1);
    let e = not_gzip[0].as_ref().unwrap_err();
    assert_eq!(e.origin.to_string(), "S message 1");
    assert!(e.reason.contains("not a gzip batch"), "{e}");
    // a gzip body with one good record between two bad lines
    let good = record(7, "A woman was shot on Elm Street on Sunday.");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    writeln!(gz, "{{\"origin\": 12}}").unwrap();
    writeln!(gz, "{}", serde_json::to_string(&good).unwrap()).unwrap();
    writeln!(gz, "not json").unwrap();
    let body = gz.finish().unwrap();
    // through the server, as a worker would receive it
    q.rt.block_on(async { q.js.publish(q.subject.clone(), body.into()).await.unwrap().await.unwrap() });
    let mut w = q.worker("damaged").unwrap();
    let d = w.next(Duration::from_secs(5)).unwrap().expect("the message");
    let lines: Vec<String> = d.records.iter().map(|r| match r {
        Ok(r) => format!("ok {}", r.origin),
        Err(e) => format!("{}", e.origin),
    }).collect();
    assert_eq!(lines[1], "ok reports.jsonl: line 7");
    assert!(lines[0].ends_with("message 1: line 1") && lines[2].ends_with("message 1: line 3"), "{lines:?}");
}

#[test]
fn a_batch_too_large_for_one_message_is_split_and_a_record_too_large_for_any_is_reported() {
    let Some((q, _guard)) = scratch("large") else { return };
    // incompressible bodies: a hash chain rendered as hex, about a fifth of the limit each
    let mut x = 0x9e37_79b9_7f4a_7c15u64;
    let mut noise = |n: usize| -> String {
        (0..n / 16)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                format!("{x:016x}")
            })
            .collect()
    };
    let fifth = q.max_payload / 5;
    let mut batch: Vec<RawRecord> = (0..8).map(|i| record(i, &noise(fifth))).collect();
    batch.push(record(99, &noise(q.max_payload * 2)));
    let p = q.publish(&batch).unwrap();
    assert!(p.messages >= 2, "{p:?}");
    assert_eq!(p.too_large.len(), 1, "{p:?}");
    assert_eq!(p.too_large[0].origin.to_string(), "reports.jsonl: line 99");
    let mut w = q.worker("large").unwrap();
    let mut seen = 0;
    while let Some(d) = w.next(Duration::from_millis(500)).unwrap() {
        seen += d.records.iter().filter(|r| r.is_ok()).count();
        w.done(d).unwrap();
    }
    assert_eq!(seen, 8, "every record that fits arrived");
}

#[test]
fn a_batch_its_worker_never_answers_for_goes_to_another_worker() {
    let Some((q, _guard)) = scratch("abandoned") else { return };
    let batch = vec![record(1, "Two men were shot outside a bar on Saturday night, police said.")];
    assert_eq!(q.publish(&batch).unwrap().messages, 1);
    // the first worker joins with the default wait; the second sets a shorter one for the
    // whole group
    let mut first = q.worker(DEFAULT_WORKERS).unwrap();
    let mut second = q.worker_with(DEFAULT_WORKERS, Duration::from_secs(1)).unwrap();
    // the first worker takes the batch and dies without a word (dropped, as by kill -9)
    let taken = first.next(Duration::from_secs(5)).unwrap().expect("the batch");
    drop(taken);
    drop(first);
    assert_eq!(q.waiting().unwrap(), 1, "an unanswered batch stays in the stream");
    let again = second.next(Duration::from_secs(10)).unwrap().expect("the batch, delivered again after the ack wait");
    assert_eq!(again.records.iter().map(|r| r.clone().unwrap()).collect::<Vec<_>>(), batch);
    second.done(again).unwrap();
    assert_eq!(q.waiting().unwrap(), 0);
}
