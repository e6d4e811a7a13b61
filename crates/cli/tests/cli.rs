//! End-to-end tests of the `sitrep` binary on the bundled examples and on damaged input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds")
}

fn run(db: &Path, args: &[&str]) -> Output {
    let out = bin().arg("--db").arg(db).args(args).output().expect("run sitrep");
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ingest_examples(db: &Path) -> Output {
    let meta = examples().join("meta.jsonl");
    let out = run(db, &["ingest", "--meta", meta.to_str().unwrap(), examples().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    out
}

fn articles_json(db: &Path) -> Vec<serde_json::Value> {
    let out = run(db, &["articles", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout).expect("articles json")
}

#[test]
fn examples_ingest_into_two_story_groups() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let out = ingest_examples(&db);
    let err = stderr(&out);
    assert!(err.contains("read 3 records"), "{err}");
    assert!(err.contains("3 new articles (1 joined an existing story"), "{err}");
    assert!(!err.contains("skipped "), "meta.jsonl must not be read as articles: {err}");

    let arts = articles_json(&db);
    assert_eq!(arts.len(), 3);
    let by_outlet = |o: &str| arts.iter().find(|a| a["outlet"] == o).unwrap_or_else(|| panic!("no {o}"));
    let (cnn, a7, jp) = (by_outlet("CNN"), by_outlet("Arutz Sheva"), by_outlet("The Jerusalem Post"));
    assert_eq!(cnn["story"], a7["story"], "the rewrite shares the CNN report's story group");
    assert_ne!(cnn["story"], jp["story"]);
    assert_eq!(cnn["published"], "2018-06-18");
    assert_eq!(jp["published"], "2021-03-01");
    assert_eq!(cnn["byline"], "Barbara Starr, Ryan Browne and Oren Liebermann, CNN");
    for field in ["id", "title", "url", "text", "story"] {
        assert!(cnn.get(field).is_some(), "json lacks {field}");
    }
    assert!(jp["text"].as_str().unwrap().contains("more than 1,000 airstrikes"));

    // table output lists all three with their groups
    let table = stdout(&run(&db, &["articles"]));
    assert!(table.contains("3 articles in 2 story groups"), "{table}");

    // one article, by prefix, with its group-mate
    let id = cnn["id"].as_str().unwrap();
    let one = run(&db, &["article", &id[..10]]);
    assert!(one.status.success(), "{}", stderr(&one));
    let text = stdout(&one);
    assert!(text.contains(a7["id"].as_str().unwrap()), "group-mate missing: {text}");
    assert!(text.contains("An airstrike close to the Iraq-Syria border"));
    let missing = run(&db, &["article", "a_ffffffffffffffff"]);
    assert!(!missing.status.success());
}

#[test]
fn reingest_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    ingest_examples(&db);
    let before = articles_json(&db);
    let again = ingest_examples(&db);
    assert!(stderr(&again).contains("0 new articles"), "{}", stderr(&again));
    assert!(stderr(&again).contains("3 already in the database"), "{}", stderr(&again));
    assert_eq!(articles_json(&db), before);
}

#[test]
fn bad_records_are_reported_and_the_rest_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    std::fs::write(
        inputs.join("dump.jsonl"),
        "{\"id\": \"1\", \"outlet\": \"KXAN\", \"published\": \"2017-03-01\", \"text\": \"Two men were shot Tuesday night outside a bar on Sixth Street, police said.\"}\n\
         {\"id\": \"2\", \"text\": \"unterminated\n\
         {\"id\": \"3\", \"outlet\": \"KVUE\", \"text\": \"A woman was arrested Wednesday in connection with the shooting, police said.\"}\n",
    )
    .unwrap();
    std::fs::write(inputs.join("empty.txt"), "").unwrap();
    std::fs::write(inputs.join("junk.bin"), [0u8, 159, 146, 150, 0, 0, 1]).unwrap();
    let db = dir.path().join("s.db");
    let out = run(&db, &["ingest", inputs.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("dump.jsonl: line 2: malformed JSON"), "{err}");
    assert!(err.contains("empty.txt: empty file"), "{err}");
    assert!(err.contains("junk.bin: binary file"), "{err}");
    assert!(err.contains("2 new articles"), "{err}");
    assert_eq!(articles_json(&db).len(), 2);

    // nothing readable at all: a failing exit code
    let only_bad = run(&dir.path().join("t.db"), &["ingest", inputs.join("empty.txt").to_str().unwrap()]);
    assert!(!only_bad.status.success());
}

#[test]
fn stdin_and_batch_flags() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut child = bin()
        .arg("--db")
        .arg(&db)
        .args(["ingest", "--outlet", "Wire", "--published", "2019-05-02", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"id\": \"w1\", \"text\": \"Protesters gathered outside parliament on Thursday, demanding the minister resign.\"}\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let arts = articles_json(&db);
    assert_eq!(arts[0]["outlet"], "Wire");
    assert_eq!(arts[0]["published"], "2019-05-02");
    let bad_date = run(&db, &["ingest", "--published", "last week", "-"]);
    assert!(stderr(&bad_date).contains("--published"), "{}", stderr(&bad_date));
}

#[test]
fn a_body_that_tells_no_event_leaves_the_headlines() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let input = dir.path().join("page.jsonl");
    // the scraper kept the page's weather box instead of the story
    let record = serde_json::json!({
        "id": "p1", "published": "2016-08-30", "outlet": "Daily Press",
        "title": "Girl wounded by gunfire in Newport News",
        "text": "Today: cloudy early with isolated thunderstorms this afternoon. High around 80F.\n\nTonight: scattered thunderstorms in the evening. Low 69F.",
    });
    std::fs::write(&input, format!("{record}\n")).unwrap();
    let out = run(&db, &["ingest", input.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let events = events_json(&db, &[]);
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0]["location"]["name"], "Newport News");
    let m = &events[0]["mentions"][0];
    assert_eq!((m["sentence"].as_str(), m["headline"].as_bool()), (Some("Girl wounded by gunfire in Newport News"), Some(true)));
}

/// Varied article-like texts drawn from a word list with a fixed generator, so that no two
/// are near-copies of each other (templated texts would all be one story).
fn synthetic_jsonl(n: usize) -> String {
    const WORDS: &[&str] = &[
        "police", "said", "man", "woman", "shot", "killed", "wounded", "street", "night", "officers", "arrested",
        "suspect", "hospital", "condition", "investigation", "witnesses", "vehicle", "fled", "scene", "county",
        "sheriff", "deputies", "home", "car", "gun", "fire", "injured", "victim", "identified", "charged", "court",
        "judge", "morning", "afternoon", "evening", "block", "avenue", "downtown", "neighborhood", "family", "friends",
        "school", "church", "store", "parking", "lot", "apartment", "complex", "bar", "club", "party", "dispute",
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut s = String::new();
    for i in 0..n {
        let mut text = String::new();
        for w in 0..120 {
            let word = WORDS[(next() % WORDS.len() as u64) as usize];
            text.push_str(word);
            text.push(if w % 15 == 14 { '.' } else { ' ' });
            if w % 15 == 14 {
                text.push(' ');
            }
        }
        s.push_str(&serde_json::json!({"id": format!("k{i}"), "outlet": "Test", "published": "2020-01-01", "text": text}).to_string());
        s.push('\n');
    }
    s
}

#[test]
fn killed_ingest_leaves_a_consistent_database_and_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("big.jsonl");
    let n = 30_000;
    std::fs::write(&input, synthetic_jsonl(n)).unwrap();
    let db = dir.path().join("s.db");
    let mut child = bin()
        .arg("--db")
        .arg(&db)
        .args(["ingest", "--batch", "200", "-q", input.to_str().unwrap()])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // wait until some batches are committed, then kill -9 mid-run
    let started = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(20));
        let committed = rusqlite_count(&db);
        if committed > 0 || started.elapsed().as_secs() > 60 {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let partial = rusqlite_count(&db);
    assert!(partial > 0, "no batch was committed before the kill");
    assert!(partial < n as i64, "the ingest finished before it could be killed; use a larger input");
    assert!(partial % 200 == 0 || partial == n as i64, "a partial batch is visible: {partial}");
    // a rerun completes the work
    let out = run(&db, &["ingest", "--batch", "200", "-q", input.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(rusqlite_count(&db), n as i64);
    let err = stderr(&out);
    assert!(err.contains(&format!("{} already in the database", partial)), "{err}");
    // and leaves what an uninterrupted ingest leaves: the articles stored before the kill
    // have their events too (stored and merged in one transaction, the kill cannot fall
    // between them)
    let whole = dir.path().join("whole.db");
    let out = run(&whole, &["ingest", "--batch", "200", "-q", input.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (resumed, uninterrupted) = (stats(&db), stats(&whole));
    assert!(uninterrupted["events"].as_i64().unwrap() > 0, "the synthetic texts found no events: {uninterrupted}");
    assert_eq!(resumed, uninterrupted);
}

fn stats(db: &Path) -> serde_json::Value {
    let out = run(db, &["stats", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Counts committed articles through the CLI itself (a second reader of the WAL database).
fn rusqlite_count(db: &Path) -> i64 {
    if !db.exists() {
        return 0;
    }
    let out = bin().arg("--db").arg(db).args(["stats", "--format", "json"]).output().unwrap();
    if !out.status.success() {
        return 0;
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    v["articles"].as_i64().unwrap_or(0)
}

#[test]
fn mentions_of_a_stored_article_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    ingest_examples(&db);
    let arts = articles_json(&db);
    let cnn = arts.iter().find(|a| a["outlet"] == "CNN").unwrap();
    let out = run(&db, &["mentions", cnn["id"].as_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ms: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ms.len(), 1, "one event in the CNN report: {ms:#?}");
    let m = &ms[0];
    assert_eq!(m["subtype"], "Air/drone strike");
    assert_eq!(m["cameo"], "195");
    assert_eq!(m["date"]["start"], "2018-06-17");
    assert_eq!(m["location"]["geonameid"], 174448);
    assert_eq!(m["location"]["precision"], "near");
    let quotes: Vec<&str> = m["sentences"].as_array().unwrap().iter().map(|s| s["text"].as_str().unwrap()).collect();
    assert!(quotes[0].starts_with("An airstrike close to the Iraq-Syria border"));
    // with --all the aggregate and hypothetical mentions are listed too, never fewer
    let all = run(&db, &["mentions", cnn["id"].as_str().unwrap(), "--format", "json", "--all"]);
    let all: Vec<serde_json::Value> = serde_json::from_slice(&all.stdout).unwrap();
    assert!(all.len() >= ms.len());
    // jsonl: the same mentions, one JSON object per line
    let lines = run(&db, &["mentions", cnn["id"].as_str().unwrap(), "--format", "jsonl", "--all"]);
    let lines: Vec<serde_json::Value> = String::from_utf8(lines.stdout).unwrap().lines().map(|l| serde_json::from_str(l).expect("one mention per line")).collect();
    assert_eq!(lines, all);
}

fn events_json(db: &Path, extra: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["events", "--format", "json"];
    args.extend_from_slice(extra);
    let out = run(db, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("events json")
}

#[test]
fn examples_give_one_abu_kamal_event_with_its_disputed_claims() {
    let dir = tempfile::tempdir().unwrap();
    abu_kamal_event_with_its_disputed_claims(&dir.path().join("s.db"));
}

/// A PostgreSQL URL for a schema of its own (dropped when the guard goes), or None with the
/// reason printed when no server is configured.
fn postgres_db(name: &str) -> Option<(String, impl Drop)> {
    let Ok(base) = std::env::var("SITREP_TEST_POSTGRES") else {
        eprintln!("skipping: SITREP_TEST_POSTGRES is not set (e.g. postgres://postgres@127.0.0.1:5432/test)");
        return None;
    };
    struct Dropper(String, String);
    impl Drop for Dropper {
        fn drop(&mut self) {
            if let Ok(mut c) = postgres::Client::connect(&self.0, postgres::NoTls) {
                let _ = c.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.1));
            }
        }
    }
    let schema = format!("sitrep_cli_{name}_{}", std::process::id());
    let mut c = postgres::Client::connect(&base, postgres::NoTls).unwrap_or_else(|e| panic!("SITREP_TEST_POSTGRES={base}: {e}"));
    c.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")).expect("create schema");
    let sep = if base.contains('?') { '&' } else { '?' };
    Some((format!("{base}{sep}options=-csearch_path%3D{schema}"), Dropper(base, schema)))
}

#[test]
fn a_postgres_database_holds_what_the_sqlite_file_holds() {
    let Some((url, _guard)) = postgres_db("examples") else { return };
    let pg = Path::new(&url);
    abu_kamal_event_with_its_disputed_claims(pg);
    let dir = tempfile::tempdir().unwrap();
    let lite = dir.path().join("s.db");
    ingest_examples(&lite);
    assert_eq!(events_json(pg, &[]), events_json(&lite, &[]));
    assert_eq!(articles_json(pg), articles_json(&lite));
    let stats = |db: &Path| stdout(&run(db, &["stats", "--format", "json"]));
    assert_eq!(stats(pg), stats(&lite));
}

/// The stream of a queue test, deleted (through the CLI) when the guard goes; None with the
/// reason printed when no NATS server is configured.
fn nats_stream(name: &str) -> Option<(String, String, impl Drop)> {
    let Ok(server) = std::env::var("SITREP_TEST_NATS") else {
        eprintln!("skipping: SITREP_TEST_NATS is not set (e.g. 127.0.0.1:4222)");
        return None;
    };
    struct Deleter(String, String);
    impl Drop for Deleter {
        fn drop(&mut self) {
            let _ = bin().args(["queue", "delete", "--nats", &self.0, "--stream", &self.1]).output();
        }
    }
    let stream = format!("SITREP_CLI_{}_{}", name.to_uppercase(), std::process::id());
    Some((server.clone(), stream.clone(), Deleter(server, stream)))
}

#[test]
fn workers_fed_through_the_queue_build_what_one_ingest_builds() {
    let Some((nats, stream, _stream_guard)) = nats_stream("examples") else { return };
    let Some((url, _guard)) = postgres_db("queue") else { return };
    let meta = examples().join("meta.jsonl");
    let queue = |db: &str, args: &[&str]| bin().arg("--db").arg(db).arg("queue").args(args).args(["--nats", &nats, "--stream", &stream]).output().unwrap();
    // the examples queued one record a batch, then again two a batch: every record twice,
    // in two batches the stream cannot tell are repeats and one (the last record alone) it can
    for (batch, note) in [("1", "in 3 batches"), ("2", "in 1 batches in")] {
        let out = queue("unused.db", &["push", "--batch", batch, "--meta", meta.to_str().unwrap(), examples().to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stderr(&out).contains("queued 3 records") && stderr(&out).contains(note), "{}", stderr(&out));
    }
    assert_eq!(stdout(&queue("unused.db", &["status"])).trim(), format!("4 batches waiting in stream {stream}"));
    // no ack wait is no wait at all: refused before anything is taken
    let out = queue(&url, &["work", "--ack-wait", "0"]);
    assert!(!out.status.success() && stderr(&out).contains("'0' for '--ack-wait"), "{}", stderr(&out));
    // two workers share the batches (the first sets the group's ack wait)
    let spawn = |extra: &[&str]| {
        bin().arg("--db").arg(&url).args(["queue", "work", "--until-empty", "--wait", "2", "-q", "--nats", &nats, "--stream", &stream])
            .args(extra)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(&["--ack-wait", "120"]), spawn(&[]));
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success() && b.status.success(), "{}\n{}", stderr(&a), stderr(&b));
    let took = |o: &Output| -> usize {
        let e = stderr(o);
        e.split("took ").nth(1).and_then(|r| r.split(' ').next()).and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("{e}"))
    };
    assert_eq!(took(&a) + took(&b), 4, "{}\n{}", stderr(&a), stderr(&b));
    assert_eq!(stdout(&queue("unused.db", &["status"])).trim(), format!("0 batches waiting in stream {stream}"));
    // the same database as one ingest of the examples
    let dir = tempfile::tempdir().unwrap();
    let lite = dir.path().join("s.db");
    ingest_examples(&lite);
    let pg = Path::new(&url);
    let stats = |db: &Path| stdout(&run(db, &["stats", "--format", "json"]));
    assert_eq!(stats(pg), stats(&lite));
    let groups = |db: &Path| {
        let mut g: Vec<Vec<String>> = events_json(db, &[])
            .iter()
            .map(|e| {
                let mut a: Vec<String> = e["articles"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_string()).collect();
                a.sort();
                a
            })
            .collect();
        g.sort();
        g
    };
    assert_eq!(groups(pg), groups(&lite));
    let abu = events_json(pg, &["--near", "Abu Kamal", "--radius", "50"]);
    assert_eq!(abu.len(), 1, "{abu:#?}");
    assert_eq!(abu[0]["articles"].as_array().unwrap().len(), 3);
}

fn abu_kamal_event_with_its_disputed_claims(db: &Path) {
    let db = db.to_path_buf();
    ingest_examples(&db);
    let all = events_json(&db, &[]);
    let abu: Vec<&serde_json::Value> = all.iter().filter(|e| e["location"]["geonameid"] == 174448).collect();
    assert_eq!(abu.len(), 1, "one Abu Kamal event: {all:#?}");
    let e = abu[0];
    for field in ["id", "type", "subtype", "cameo", "date", "location", "actors", "targets", "fatalities", "injured", "articles", "mentions", "first_reported", "confidence"] {
        assert!(e.get(field).is_some(), "record lacks {field}");
    }
    assert_eq!(e["subtype"], "Air/drone strike");
    assert_eq!(e["date"]["start"], "2018-06-17");
    assert_eq!(e["date"]["precision"], "day");
    assert_eq!(e["articles"].as_array().unwrap().len(), 3, "CNN, Arutz Sheva and the 2021 article");
    assert_eq!(e["first_reported"], "2018-06-18");
    let claims = |actor: &str| -> Vec<(String, String)> {
        e["actors"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["name"] == actor)
            .flat_map(|a| a["claims"].as_array().unwrap().iter().map(|c| (c["by"].as_str().unwrap_or("").to_string(), c["stance"].as_str().unwrap().to_string())))
            .collect()
    };
    let israel = claims("Israel");
    assert!(israel.contains(&("a US official".into(), "asserts".into())), "{israel:?}");
    assert!(israel.contains(&("The Israel Defense Forces".into(), "declines to comment".into())), "{israel:?}");
    assert!(israel.contains(&("Iraqi media".into(), "asserts".into())), "the 2021 article's claim joined: {israel:?}");
    let coalition = claims("US-led coalition");
    assert!(coalition.contains(&("Syrian state TV".into(), "asserts".into())), "{coalition:?}");
    assert!(coalition.contains(&("a spokesman for the coalition".into(), "denies".into())), "{coalition:?}");
    // the other strikes in the examples stay separate events: Arutz Sheva's background (an
    // air strike near Damascus last month, the coalition's strikes in May) is told in more
    // mentions than its Abu Kamal report, yet CNN's report of the same story must not fold it in
    let sentences = |e: &serde_json::Value| -> Vec<String> {
        e["mentions"].as_array().unwrap().iter().map(|m| m["sentence"].as_str().unwrap().to_string()).collect()
    };
    let background = ["south of the capital, Damascus", "In May, a military unit run by Hezbollah"];
    for told in sentences(e) {
        assert!(!background.iter().any(|b| told.contains(b)), "the Abu Kamal event holds a background sentence: {told}");
    }
    let may: Vec<&serde_json::Value> = all.iter().filter(|x| x["date"]["start"] == "2018-05-01" && x["subtype"] == "Air/drone strike").collect();
    assert_eq!(may.len(), 1, "one event of the May 2018 strikes: {all:#?}");
    assert!(background.iter().all(|b| sentences(may[0]).iter().any(|s| s.contains(b))), "{:#?}", may[0]);
    assert!(all.iter().filter(|x| x["subtype"] == "Air/drone strike").count() >= 3);
    // --near finds it; a distant place does not
    let near = events_json(&db, &["--near", "Abu Kamal", "--radius", "50"]);
    assert_eq!(near.len(), 1);
    assert_eq!(near[0]["id"], e["id"]);
    assert!(events_json(&db, &["--near", "Paris", "--radius", "50"]).is_empty());
    // nor is a river a point to measure from
    let river = run(&db, &["events", "--near", "Euphrates", "--radius", "50"]);
    assert!(!river.status.success() && String::from_utf8_lossy(&river.stderr).contains("a river has no one point"), "{river:?}");
    // re-ingesting changes no event
    ingest_examples(&db);
    assert_eq!(events_json(&db, &[]), all);
    // the dossier names the disputed claims
    let dossier = stdout(&run(&db, &["event", e["id"].as_str().unwrap()]));
    assert!(dossier.contains("declines to comment") && dossier.contains("Syrian state TV"), "{dossier}");
}

#[test]
fn csv_and_geojson_exports_parse_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    ingest_examples(&db);
    let n = events_json(&db, &[]).len();
    let csv_out = run(&db, &["events", "--format", "csv"]);
    let text = String::from_utf8(csv_out.stdout).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    for col in ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "country", "latitude", "longitude", "fatalities", "claims"] {
        assert!(header.contains(&col), "missing column {col}");
    }
    // quoted fields with commas parse back into the same number of records and columns
    let records = parse_csv(&text);
    assert_eq!(records.len(), n + 1);
    assert!(records.iter().all(|r| r.len() == header.len()), "ragged CSV");
    let geo: serde_json::Value = serde_json::from_slice(&run(&db, &["events", "--format", "geojson"]).stdout).unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    let feats = geo["features"].as_array().unwrap();
    assert!(!feats.is_empty() && feats.len() <= n);
    for f in feats {
        let c = f["geometry"]["coordinates"].as_array().unwrap();
        let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
    }
}

#[test]
fn a_bombing_told_by_two_outlets_is_one_event_with_its_named_claimant_first() {
    // two wire reports of one bombing, written here: one names the bomber only as such and
    // then the group's claim, the other the group telling of "one of its fighters" and a toll
    // that rose; a protest beside them
    let lines = [
        serde_json::json!({"id": "w1", "outlet": "reuters.com", "published": "2021-10-08", "title": "Suicide bomber kills dozens at Kunduz mosque",
            "text": "KABUL (Reuters) - A suicide bomber struck a crowd of worshippers at a mosque in the northern Afghan city of Kunduz on Friday, killing at least 46 people and wounding 143, officials said.\n\nIslamic State claimed responsibility for the attack.\n\nThe Taliban, who took power in August, condemned the bombing."}),
        serde_json::json!({"id": "w2", "outlet": "apnews.com", "published": "2021-10-09", "title": "Death toll rises in Kunduz mosque bombing",
            "text": "KUNDUZ, Afghanistan (AP) - The death toll from Friday's suicide bombing of a mosque in northern Afghanistan rose to 55, a local official said Saturday. The Islamic State group said one of its fighters carried out the attack."}),
        serde_json::json!({"id": "w3", "outlet": "reuters.com", "published": "2023-05-15", "title": "Sudanese protest in Khartoum",
            "text": "KHARTOUM (Reuters) - Thousands of protesters marched through Khartoum on Sunday, witnesses said."}),
        // one demonstration, told dispersed by one outlet and as a riot by another
        serde_json::json!({"id": "w4", "outlet": "apnews.com", "published": "2023-07-13", "title": "Nairobi protest",
            "text": "NAIROBI (AP) - Police fired tear gas to disperse hundreds of protesters in Nairobi on Wednesday."}),
        serde_json::json!({"id": "w5", "outlet": "nation.africa", "published": "2023-07-13", "title": "Nairobi riots",
            "text": "NAIROBI - Protesters threw stones at police and set tyres on fire in Nairobi on Wednesday, witnesses said."}),
    ];
    let (_dir, db) = ingested(&lines);
    let events = events_json(&db, &[]);
    let bombings: Vec<_> = events.iter().filter(|e| e["subtype"] == "Suicide bomb").collect();
    assert_eq!(bombings.len(), 1, "{events:#?}");
    let e = bombings[0];
    assert_eq!((e["date"]["start"].as_str(), e["location"]["name"].as_str()), (Some("2021-10-08"), Some("Kunduz")));
    assert_eq!((e["fatalities"]["min"].as_u64(), e["fatalities"]["max"].as_u64()), (Some(46), Some(55)));
    let kinds: Vec<(&str, &str)> = e["actors"].as_array().unwrap().iter().map(|a| (a["name"].as_str().unwrap(), a["kind"].as_str().unwrap())).collect();
    assert!(kinds.contains(&("Islamic State", "armed_group")) && kinds.contains(&("Unidentified armed group", "generic")), "{kinds:?}");
    let is_claims = e["actors"].as_array().unwrap().iter().find(|a| a["name"] == "Islamic State").unwrap()["claims"].as_array().unwrap().len();
    assert_eq!(is_claims, 2, "both outlets' word of the group's claim");
    let csv = parse_csv(&stdout(&run(&db, &["events", "--format", "csv"])));
    let col = |name: &str| csv[0].iter().position(|c| c == name).unwrap();
    let row = csv.iter().find(|r| r[col("sub_event_type")] == "Suicide bomb").unwrap();
    assert_eq!((row[col("actor1")].as_str(), row[col("assoc_actor_1")].as_str()), ("Islamic State", "Unidentified armed group"));
    let row = csv.iter().find(|r| r[col("event_type")] == "Protests").unwrap();
    assert_eq!(row[col("actor1")], "protesters");
    let nairobi: Vec<_> = events.iter().filter(|e| e["location"]["name"] == "Nairobi").collect();
    assert_eq!(nairobi.len(), 1, "{nairobi:#?}");
    assert_eq!((nairobi[0]["type"].as_str(), nairobi[0]["articles"].as_array().map(Vec::len)), (Some("Riots"), Some(2)));
}

#[test]
fn the_street_a_report_names_is_the_events_site_in_every_format() {
    // two reports of one shooting, written here: only the second names the street
    let lines = [
        serde_json::json!({"id": "n1", "outlet": "wwl.com", "published": "2019-05-12", "title": "Two men shot in the Marigny",
            "text": "NEW ORLEANS - Two men were shot early Sunday in New Orleans, police said. Both were taken to University Medical Center."}),
        serde_json::json!({"id": "n2", "outlet": "nola.com", "published": "2019-05-12", "title": "Two shot on Royal Street",
            "text": "NEW ORLEANS - Two men were shot on Royal Street in New Orleans early Sunday, police said."}),
    ];
    let (_dir, db) = ingested(&lines);
    let events = events_json(&db, &[]);
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = &events[0];
    assert_eq!((e["location"]["name"].as_str(), e["location"]["site"].as_str()), (Some("New Orleans"), Some("Royal Street")));
    let csv = parse_csv(&stdout(&run(&db, &["events", "--format", "csv"])));
    let col = |name: &str| csv[0].iter().position(|c| c == name).unwrap();
    assert_eq!((csv[1][col("location")].as_str(), csv[1][col("site")].as_str()), ("New Orleans", "Royal Street"));
    let dossier = stdout(&run(&db, &["event", e["id"].as_str().unwrap()]));
    assert!(dossier.contains("in New Orleans (Royal Street)"), "{dossier}");
    assert_eq!(events_json(&db, &["--site", "royal"]).len(), 1);
    assert!(events_json(&db, &["--site", "Bourbon"]).is_empty());
    // the report's own mention shows where it names the site
    let nola = articles_json(&db).into_iter().find(|a| a["outlet"] == "nola.com").unwrap();
    let id = nola["id"].as_str().unwrap();
    let ms: Vec<serde_json::Value> = serde_json::from_slice(&run(&db, &["mentions", id, "--format", "json"]).stdout).unwrap();
    let text = nola["text"].as_str().unwrap();
    let site = &ms[0]["location"]["site"];
    assert_eq!(site["text"], "Royal Street");
    assert_eq!(text.get(site["start"].as_u64().unwrap() as usize..site["end"].as_u64().unwrap() as usize), Some("Royal Street"));
    assert!(stdout(&run(&db, &["mentions", id])).contains("site      \"Royal Street\""));
}

/// A fresh database holding `records`, ingested from a JSONL file of them (the directory
/// holding both lives as long as the returned guard).
fn ingested(records: &[serde_json::Value]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (db, input) = (dir.path().join("s.db"), dir.path().join("in.jsonl"));
    std::fs::write(&input, records.iter().map(|l| l.to_string() + "\n").collect::<String>()).unwrap();
    let out = run(&db, &["ingest", input.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    (dir, db)
}

/// A small RFC 4180 reader, independent of the writer under test.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[test]
fn eval_events_scores_grouping_and_attributes_against_gold() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles.jsonl");
    let texts = [
        ("a1", "2016-07-28", "GAINESVILLE, Fla. - Antonio Mason was killed and two other people were wounded when two masked men opened fire into a home on Wednesday night, police said. Officers said the shooters fled before they arrived."),
        ("a2", "2016-07-29", "The man killed in a shooting at a Gainesville home on Wednesday has been identified as Antonio Mason, 35, police said. Mason died at the scene after he was shot in the chest. Two other people were wounded in the shooting."),
        ("a3", "2016-07-29", "TOPEKA, Kan. - A woman was shot and killed outside a convenience store on Thursday, police said. Detectives are looking for a man who drove away in a gray pickup truck."),
    ];
    let mut lines = String::new();
    for (id, date, text) in texts {
        lines.push_str(&serde_json::json!({"id": id, "url": format!("http://news.test/{id}"), "outlet": "news.test", "published": date, "text": text}).to_string());
        lines.push('\n');
    }
    std::fs::write(&articles, lines).unwrap();
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(&gold, "{\"article_id\": \"a1\", \"event_id\": \"1\"}\n{\"article_id\": \"a2\", \"event_id\": \"1\"}\n{\"article_id\": \"a3\", \"event_id\": \"2\"}\n").unwrap();
    let events = dir.path().join("events.jsonl");
    std::fs::write(
        &events,
        "{\"event_id\": \"1\", \"date\": \"2016-07-27\", \"lat\": 29.65, \"lon\": -82.32, \"killed\": 1, \"injured\": 2}\n\
         {\"event_id\": \"2\", \"date\": \"2016-07-28\", \"lat\": 39.05, \"lon\": -95.68, \"killed\": 1, \"injured\": 0}\n",
    )
    .unwrap();
    let out = bin()
        .args(["eval", "events", "--format", "json", "--data"])
        .arg(&articles)
        .arg("--gold")
        .arg(&gold)
        .arg("--events")
        .arg(&events)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let m: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    // the follow-up that names the victim joins the first report; Topeka stays apart
    assert_eq!(m["b3_f1"], 1.0, "{m}");
    assert_eq!(m["predicted_events"], 2, "{m}");
    assert_eq!(m["date_accuracy"], 1.0, "{m}");
    assert_eq!(m["location_acc50"], 1.0, "{m}");
    assert_eq!(m["killed_accuracy"], 1.0, "{m}");
}

#[test]
fn eval_mentions_times_later_passes_apart_with_the_same_work() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles.jsonl");
    let mut lines = String::new();
    for (id, text) in [
        ("b1", "An air strike hit a depot near Homs on Sunday, killing two people, state media said."),
        ("b2", "Police said a gunman shot and wounded three men outside a bar in Topeka on Friday night."),
    ] {
        lines.push_str(&serde_json::json!({"id": id, "url": format!("http://news.test/{id}"), "published": "2019-03-04", "text": text}).to_string());
        lines.push('\n');
    }
    std::fs::write(&articles, lines).unwrap();
    let metrics = |extra: &[&str]| -> serde_json::Value {
        let out = bin().args(["eval", "mentions", "--format", "json", "--data"]).arg(&articles).args(extra).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice(&out.stdout).expect("one JSON object")
    };
    let once = metrics(&[]);
    assert_eq!(once["articles"], 2, "{once}");
    assert_eq!(once["event_mentions"], 2, "{once}");
    assert!(once["articles_per_second_later_passes"].is_null(), "{once}");
    let thrice = metrics(&["--passes", "3"]);
    assert_eq!(thrice["passes"], 3, "{thrice}");
    // each later pass finds what the first found, of every modality
    let all: u64 = thrice["by_modality"].as_object().unwrap().values().map(|v| v.as_u64().unwrap()).sum();
    assert_eq!(thrice["mentions_per_later_pass"], all, "{thrice}");
    assert!(thrice["articles_per_second_later_passes"].as_f64().is_some_and(|r| r > 0.0), "{thrice}");
}

/// An ECB+-format document: `tokens` joined by spaces, event mentions given by token index
/// with their chain.
fn ecb_doc(id: &str, topic: i64, text: &str, events: &[(&str, &str)]) -> serde_json::Value {
    let mut mentions = Vec::new();
    for (i, (word, chain)) in events.iter().enumerate() {
        let start = text.find(&format!(" {word} ")).map(|s| s + 1).unwrap_or_else(|| panic!("{word} in {text}"));
        mentions.push(serde_json::json!({
            "id": i.to_string(), "kind": "ACTION_OCCURRENCE", "text": word, "start": start, "end": start + word.len(),
            "byte_start": start, "byte_end": start + word.len(), "sentence": 0, "token_ids": [], "discontinuous": false,
            "chain": chain, "intra_chain": null,
        }));
    }
    serde_json::json!({"doc_id": id, "topic": topic, "subtopic": "ecb", "text": text, "sentences_annotated": [0], "mentions": mentions})
}

#[test]
fn eval_coref_scores_event_chains_across_documents() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("ecb.jsonl");
    let docs = [
        ecb_doc("1_1", 1, "Police arrested a man who robbed a jewellery store in Paris on Thursday .", &[("arrested", "A1"), ("robbed", "R1")]),
        ecb_doc("1_2", 1, "The man who robbed the Paris jewellery store was arrested by police .", &[("robbed", "R1"), ("arrested", "A1")]),
        ecb_doc("1_3", 1, "A climber died on Mount Cook after a fall , and rescuers arrested nobody .", &[("died", "D1"), ("fall", "F1")]),
    ];
    std::fs::write(&data, docs.iter().map(|d| d.to_string() + "\n").collect::<String>()).unwrap();
    let out = bin().args(["eval", "coref", "--format", "json", "--data"]).arg(&data).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let m: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(m["documents"], 3);
    assert_eq!(m["gold_mentions"]["key_mentions"], 6);
    // the two robbery reports form one story, the climbing accident another: every chain is
    // found and nothing wrongly joined
    assert_eq!(m["stories"], 2, "{m}");
    assert_eq!(m["gold_mentions"]["conll_f1"], 1.0, "{m}");
    // a threshold nothing reaches keeps every report its own story: the chains across
    // documents are lost
    let apart = bin().args(["eval", "coref", "--format", "json", "--story-threshold", "1.1", "--data"]).arg(&data).output().unwrap();
    let a: serde_json::Value = serde_json::from_str(&stdout(&apart)).unwrap();
    assert_eq!(a["stories"], 3);
    assert!(a["gold_mentions"]["muc"]["recall"].as_f64().unwrap() < 0.01, "{a}");
    assert!(a["gold_mentions"]["conll_f1"].as_f64().unwrap() < 0.9, "{a}");
}

#[test]
fn reports_of_one_story_meet_though_their_places_were_read_apart() {
    // Two outlets report one Chicago shooting; the second names only the neighbourhood
    // ("Austin"), which, with no "Chicago" in its text, reads as Austin, Texas: date and
    // place cannot join them, their leads can. A third shooting the same night in another
    // neighbourhood stays apart.
    let lines = [
        serde_json::json!({"id": "a", "outlet": "suntimes.example", "published": "2017-02-12",
            "title": "Woman killed, three wounded in West Side shooting",
            "text": "CHICAGO — A woman was killed and three men were wounded in a shooting Saturday night on the West Side, police said. The four were standing outside a home in the 5000 block of West Jackson Boulevard when a gunman opened fire about 8:30 p.m., police said. Tenisha Mallory, 21, was pronounced dead at Stroger Hospital."}),
        serde_json::json!({"id": "b", "outlet": "dnainfo.example", "published": "2017-02-13",
            "title": "Tenisha Mallory, 21, killed in Austin shooting; three others wounded",
            "text": "A shooting in Austin killed Tenisha Mallory, 21, and wounded three men Saturday night, officials said. The four were outside a home in the 5000 block of West Jackson Boulevard when a man walked up and fired, police said."}),
        serde_json::json!({"id": "c", "outlet": "tribune.example", "published": "2017-02-12",
            "title": "Man shot dead in Englewood alley",
            "text": "CHICAGO — A 34-year-old man was shot and killed Saturday afternoon in an alley in Englewood on the South Side, police said. He was walking in the 6400 block of South Halsted Street when someone fired from a passing car."}),
    ];
    let (_dir, db) = ingested(&lines);
    let all = events_json(&db, &[]);
    let with = |name: &str| -> Vec<&serde_json::Value> {
        all.iter().filter(|e| e["mentions"].as_array().unwrap().iter().any(|m| m["sentence"].as_str().unwrap().contains(name))).collect()
    };
    let mallory = with("Tenisha Mallory");
    assert_eq!(mallory.len(), 1, "one event for both reports: {all:#?}");
    assert_eq!(mallory[0]["articles"].as_array().unwrap().len(), 2, "{:#?}", mallory[0]);
    let englewood = with("Englewood");
    assert_eq!(englewood.len(), 1, "{all:#?}");
    assert_ne!(englewood[0]["id"], mallory[0]["id"], "another shooting stays apart");
}

#[test]
fn a_local_outlets_reports_teach_where_its_next_story_is() {
    // three Daily Press reports placed in Virginia, then one whose "Suffolk" alone would be
    // England's county
    let reports = [
        ("dp1", "2016-02-01", "NORFOLK, Va. - A man was shot and killed Sunday night outside a convenience store, police said."),
        ("dp2", "2016-02-05", "A teenager was wounded in a shooting Thursday in Newport News, Virginia, police said."),
        ("dp3", "2016-02-10", "HAMPTON, Va. - Two men were injured in a shooting Tuesday evening near a gas station, police said."),
        ("dp4", "2016-02-18", "Police said a 3-year-old boy in Suffolk shot himself Wednesday night. The boy found the handgun inside the home."),
    ];
    let line = |(id, day, text): &(&str, &str, &str)| {
        serde_json::json!({"id": id, "outlet": "dailypress.com", "published": day, "text": text}).to_string() + "\n"
    };
    let suffolk = |db: &Path| {
        let events = events_json(db, &[]);
        let e = events.iter().find(|e| e["location"]["name"] == "Suffolk").unwrap_or_else(|| panic!("no Suffolk event: {events:?}"));
        (e["location"]["country"].as_str().unwrap_or("").to_string(), e["location"]["admin1"].as_str().unwrap_or("").to_string())
    };
    let dir = tempfile::tempdir().unwrap();
    // alone, the report is placed in England
    let alone = dir.path().join("alone.jsonl");
    std::fs::write(&alone, line(&reports[3])).unwrap();
    let db = dir.path().join("alone.db");
    assert!(run(&db, &["ingest", "-q", alone.to_str().unwrap()]).status.success());
    assert_eq!(suffolk(&db).0, "GB");
    // with the outlet's other reports, in one batch or stored by earlier ones, in Virginia
    let all = dir.path().join("all.jsonl");
    std::fs::write(&all, reports.iter().map(line).collect::<String>()).unwrap();
    for batch in ["100", "1"] {
        let db = dir.path().join(format!("batch{batch}.db"));
        let out = run(&db, &["ingest", "-q", "--batch", batch, all.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(suffolk(&db), ("US".to_string(), "Virginia".to_string()), "batches of {batch}");
    }
}
