//! One test suite for every backend: each check runs on an in-memory SQLite database and,
//! when `SITREP_TEST_POSTGRES` names a server (`.ci/run` sets it), on a fresh PostgreSQL
//! schema; a backend-neutral check also compares what the two store.

use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use sitrep_model::{Article, MentionRecord};

use crate::{ArticleFilter, MergeSettings, Outcome, PostgresStore, Prepared, SqliteStore, Store, Totals};

pub(crate) fn art(text: &str, url: &str) -> Prepared {
    dated(text, url, "Test", "2020-01-02")
}

pub(crate) fn dated(text: &str, url: &str, outlet: &str, day: &str) -> Prepared {
    Prepared::new(Article {
        id: String::new(),
        ext_id: Some(format!("ext-{url}")),
        url: Some(url.into()),
        outlet: Some(outlet.into()),
        published: NaiveDate::parse_from_str(day, "%Y-%m-%d").ok(),
        title: None,
        site: None,
        byline: None,
        language: None,
        text: text.into(),
        origin: format!("t.jsonl: {url}"),
    })
}

pub(crate) const STORY: &str = "Two men were shot late Saturday outside a nightclub on the north side of the city, police said. \
    One of the men died at the scene and the other was taken to a hospital in serious condition. \
    Investigators said the shooter fled in a dark sedan and no arrests have been made. \
    Anyone with information is asked to call the police department.";
const REWRITE: &str = "Two men were shot late Saturday outside a nightclub on the north side of the city, police said. \
    One of the men died at the scene and the other was taken to a hospital in serious condition. \
    The shooter fled in a dark sedan, investigators said.";
const OTHER: &str = "A fire destroyed a warehouse near the river on Monday morning, fire officials said. \
    No one was hurt, but smoke could be seen for miles and nearby roads were closed for several hours.";

/// Two outlets' reports of one attack (told in their own words) and a report of another.
const ATTACK_A: &str = "Gunmen killed three soldiers in an attack on an army checkpoint near Maiduguri on Sunday, military officials said. \
    The attackers fled into the bush after a gun battle that lasted two hours, a spokesman said.";
const ATTACK_B: &str = "Three soldiers were killed on Sunday when gunmen attacked a military checkpoint near Maiduguri in Borno state, the army said. \
    Residents said they heard gunfire for about two hours.";
const AIRSTRIKE: &str = "An airstrike hit a crowded market in Idlib on Wednesday, killing 11 civilians, rescue workers said.";

pub(crate) fn reports() -> Vec<Prepared> {
    vec![
        dated(ATTACK_A, "http://a/attack", "Outlet A", "2020-03-09"),
        dated(ATTACK_B, "http://b/attack", "Outlet B", "2020-03-09"),
        dated(AIRSTRIKE, "http://c/strike", "Outlet C", "2020-03-12"),
    ]
}

/// Event mentions as the pipeline finds them before merging.
pub(crate) fn records(batch: &[Prepared]) -> Vec<MentionRecord> {
    batch
        .iter()
        .flat_map(|p| {
            let a = &p.article;
            let dct = a.published.expect("test articles are dated");
            sitrep_extract::mentions::extract(&a.text, dct)
                .iter()
                .enumerate()
                .filter(|(_, m)| m.modality.is_event())
                .map(|(i, m)| sitrep_extract::mentions::to_record(m, &a.text, a, i))
                .collect::<Vec<_>>()
        })
        .collect()
}

static SCHEMAS: AtomicUsize = AtomicUsize::new(0);

/// A PostgreSQL store in a schema of its own, dropped at the end of the test.
struct PgScratch {
    base: String,
    schema: String,
    store: PostgresStore,
}

impl Drop for PgScratch {
    fn drop(&mut self) {
        if let Ok(mut c) = ::postgres::Client::connect(&self.base, ::postgres::NoTls) {
            let _ = c.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
        }
    }
}

fn postgres() -> Option<PgScratch> {
    let Ok(base) = std::env::var("SITREP_TEST_POSTGRES") else {
        eprintln!("skipping the PostgreSQL run: SITREP_TEST_POSTGRES is not set (e.g. postgres://postgres@127.0.0.1:5432/test)");
        return None;
    };
    let schema = format!("sitrep_test_{}_{}", std::process::id(), SCHEMAS.fetch_add(1, Ordering::SeqCst));
    let mut admin = ::postgres::Client::connect(&base, ::postgres::NoTls).unwrap_or_else(|e| panic!("SITREP_TEST_POSTGRES={base}: {e}"));
    admin.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")).expect("create a test schema");
    let sep = if base.contains('?') { '&' } else { '?' };
    let store = PostgresStore::connect(&format!("{base}{sep}options=-csearch_path%3D{schema}")).expect("connect to the test schema");
    Some(PgScratch { base, schema, store })
}

/// Runs a check on every backend available.
fn on_each_backend(check: impl Fn(&mut dyn Store)) {
    check(&mut SqliteStore::in_memory().expect("in-memory SQLite"));
    if let Some(mut pg) = postgres() {
        check(&mut pg.store);
    }
}

#[test]
fn ingest_is_idempotent_and_groups_copies() {
    on_each_backend(|s| {
        let batch = vec![art(STORY, "http://a/1"), art(REWRITE, "http://b/1"), art(OTHER, "http://c/1"), art(STORY, "http://d/1")];
        let out = s.ingest_batch(&batch).unwrap();
        let Outcome::New { story: s1, joined: None, .. } = &out[0] else { panic!("{out:?}") };
        let Outcome::New { story: s2, joined: Some(_), .. } = &out[1] else { panic!("{out:?}") };
        let Outcome::New { story: s3, joined: None, .. } = &out[2] else { panic!("{out:?}") };
        assert_eq!(s1, s2);
        assert_ne!(s1, s3);
        assert!(matches!(out[3], Outcome::ExactCopy { .. }));
        let before = s.totals().unwrap();
        assert_eq!(before, Totals { articles: 3, sources: 4, stories: 2, multi_article_stories: 1, events: 0 });

        let again = s.ingest_batch(&batch).unwrap();
        assert!(again.iter().all(|o| matches!(o, Outcome::AlreadyStored { .. })), "{again:?}");
        assert_eq!(s.totals().unwrap(), before);
    });
}

#[test]
fn a_reprint_checked_against_a_text_read_before_joins_the_report_it_copies() {
    on_each_backend(|s| {
        let joined = |out: &[Outcome]| match &out[0] {
            Outcome::New { joined, .. } => joined.as_ref().map(|j| j.0.clone()),
            other => panic!("{other:?}"),
        };
        let first = s.ingest_batch(&[art(STORY, "http://a/1")]).unwrap();
        let Outcome::New { id: story, .. } = &first[0] else { panic!("{first:?}") };
        // the rewrite is checked against the story's text, which the store then remembers
        let second = s.ingest_batch(&[art(REWRITE, "http://b/1")]).unwrap();
        assert_eq!(joined(&second).as_ref(), Some(story));
        // a reprint with a line added is closer to the story than to the rewrite: checked
        // against the story's remembered shingles, it joins the story itself
        let reprint = format!("{STORY}\nThe news agency contributed to this report.");
        let third = s.ingest_batch(&[art(&reprint, "http://c/1")]).unwrap();
        assert_eq!(joined(&third).as_ref(), Some(story));
        assert_eq!(s.totals().unwrap().stories, 1);
    });
}

#[test]
fn lookup_by_prefix_and_filters() {
    on_each_backend(|s| {
        s.ingest_batch(&[art(STORY, "http://a/1"), art(OTHER, "http://c/1")]).unwrap();
        let all = s.articles(&ArticleFilter::default()).unwrap();
        assert_eq!(all.len(), 2);
        let id = &all[0].article.id;
        // a short prefix may be ambiguous between two ids; the full id never is
        assert_eq!(s.article(id).unwrap().unwrap().article.id, *id);
        if let Some(f) = s.article(&id[..6]).unwrap() {
            assert_eq!(f.article.id, *id);
        }
        assert!(s.article("a_nope").unwrap().is_none());
        // LIKE's wildcards in a prefix are literal
        assert!(s.article("a_%").unwrap().is_none());
        let none = s.articles(&ArticleFilter { since: NaiveDate::from_ymd_opt(2021, 1, 1), ..Default::default() }).unwrap();
        assert!(none.is_empty());
        let by_outlet = s.articles(&ArticleFilter { outlet: Some("TEST".into()), limit: Some(1), ..Default::default() }).unwrap();
        assert_eq!(by_outlet.len(), 1, "outlet names match whatever their case");
        let sources = s.sources(id).unwrap();
        assert_eq!(sources.len(), 1);
        assert_eq!(sources[0].published, NaiveDate::from_ymd_opt(2020, 1, 2));
    });
}

/// Ingests and merges the three reports; returns their article ids.
fn merge_reports(s: &mut dyn Store) -> Vec<String> {
    let batch = reports();
    s.ingest_batch(&batch).unwrap();
    let recs = records(&batch);
    assert!(recs.len() >= 3, "each report yields a mention: {recs:?}");
    let founded = s.merge_mentions(&recs, MergeSettings::default()).unwrap();
    assert_eq!(founded, s.events().unwrap().len());
    assert_eq!(s.totals().unwrap().events, founded as u64);
    batch.into_iter().map(|p| p.article.id).collect()
}

#[test]
fn reports_of_one_attack_merge_and_remerging_changes_nothing() {
    on_each_backend(|s| {
        let ids = merge_reports(s);
        let events = s.events().unwrap();
        let has = |e: &sitrep_model::Event, i: usize| e.articles.contains(&ids[i]);
        let attack = events.iter().find(|e| has(e, 0) && has(e, 1)).expect("two outlets' reports of the Maiduguri attack are one event");
        assert!(!has(attack, 2), "the Idlib airstrike is another event");
        let day = attack.date.as_ref().map(|d| d.start.to_string());
        assert_eq!(day.as_deref(), Some("2020-03-08"), "Sunday before the Monday reports");
        assert!(events.iter().any(|e| has(e, 2) && e.subtype == "Air/drone strike"));
        // lookups by prefix find it
        let prefix = &attack.id[..attack.id.len() - 2];
        assert_eq!(s.event(prefix).unwrap().map(|e| e.id), Some(attack.id.clone()));

        let before = serde_json::to_string(&events).unwrap();
        let again = s.merge_mentions(&records(&reports()), MergeSettings::default()).unwrap();
        assert_eq!(again, 0);
        assert_eq!(serde_json::to_string(&s.events().unwrap()).unwrap(), before);
    });
}

#[test]
fn one_transaction_stores_a_batch_and_merges_only_its_new_articles_mentions() {
    on_each_backend(|s| {
        let first = reports();
        let done = s.ingest_and_merge(&first[..1], &records(&first[..1]), MergeSettings::default()).unwrap();
        assert_eq!(done.new_events, 1);
        assert_eq!(s.stored_ids(&[first[0].article.id.as_str(), first[1].article.id.as_str()]).unwrap().len(), 1);
        // the whole batch again, with the first report's mentions among the others: those
        // of an article stored before are not merged twice
        let batch = reports();
        let done = s.ingest_and_merge(&batch, &records(&batch), MergeSettings::default()).unwrap();
        assert!(matches!(done.outcomes[0], Outcome::AlreadyStored { .. }), "{:?}", done.outcomes);
        assert!(done.outcomes[1..].iter().all(|o| matches!(o, Outcome::New { .. })), "{:?}", done.outcomes);
        assert_eq!(done.mentions, records(&batch[1..]).len());
        let events = s.events().unwrap();
        assert_eq!(done.new_events + 1, events.len());
        let (a, b) = (&batch[0].article.id, &batch[1].article.id);
        assert!(events.iter().any(|e| e.articles.contains(a) && e.articles.contains(b)), "the second outlet's report joins the attack");
        assert_eq!(events.iter().filter(|e| e.articles.contains(a)).count(), 1, "the first report's mentions were not merged again");
        let ids: Vec<&str> = batch.iter().map(|p| p.article.id.as_str()).collect();
        assert_eq!(s.stored_ids(&ids).unwrap().len(), 3);
        // and once more: nothing changes
        let before = serde_json::to_string(&s.events().unwrap()).unwrap();
        let again = s.ingest_and_merge(&batch, &records(&batch), MergeSettings::default()).unwrap();
        assert_eq!((again.mentions, again.new_events), (0, 0));
        assert_eq!(serde_json::to_string(&s.events().unwrap()).unwrap(), before);
    });
}

#[test]
fn each_stored_article_counts_once_for_where_its_outlet_places_events() {
    on_each_backend(|s| {
        let counts = |s: &dyn Store, outlet: &str| {
            let mut c: Vec<(Option<String>, u64)> = s.outlet_counts(&[outlet]).unwrap().into_iter().map(|c| (c.division, c.articles)).collect();
            c.sort();
            c
        };
        let batch = reports();
        s.ingest_and_merge(&batch, &records(&batch), MergeSettings::default()).unwrap();
        assert_eq!(counts(s, "Outlet A"), [(None, 1), (Some("NG/Borno State".to_string()), 1)]);
        assert_eq!(counts(s, "Outlet C"), [(None, 1), (Some("SY/Idlib".to_string()), 1)]);
        // a second report of Outlet A, of two events in one state: one more article there
        let more = [dated(
            "Gunmen killed two farmers near Maiduguri on Friday, police said. On Saturday, a bomb killed four people at a market in Maiduguri, residents said.",
            "http://a/more",
            "Outlet A",
            "2020-03-16",
        )];
        assert!(records(&more).len() >= 2, "{:?}", records(&more));
        s.ingest_and_merge(&more, &records(&more), MergeSettings::default()).unwrap();
        assert_eq!(counts(s, "Outlet A"), [(None, 2), (Some("NG/Borno State".to_string()), 2)]);
        // ingesting the same articles again counts nothing
        s.ingest_and_merge(&batch, &records(&batch), MergeSettings::default()).unwrap();
        s.ingest_and_merge(&more, &records(&more), MergeSettings::default()).unwrap();
        assert_eq!(counts(s, "Outlet A"), [(None, 2), (Some("NG/Borno State".to_string()), 2)]);
        assert!(counts(s, "Outlet Z").is_empty());
    });
}

/// Ingests reports and merges their mentions on the facts alone (a story threshold no two
/// leads reach): returns the mentions and the events.
fn merge_on_facts(s: &mut dyn Store, batch: &[Prepared]) -> (Vec<MentionRecord>, Vec<sitrep_model::Event>) {
    s.ingest_batch(batch).unwrap();
    let recs = records(batch);
    s.merge_mentions(&recs, MergeSettings { story_threshold: 2.0, ..MergeSettings::default() }).unwrap();
    (recs, s.events().unwrap())
}

#[test]
fn a_protest_and_another_outlets_riot_of_that_day_and_town_merge() {
    on_each_backend(|s| {
        // one outlet tells it dispersed, the other a riot: two kinds of event the index files
        // apart, met on the facts alone
        let batch = vec![
            dated("Police fired tear gas to disperse hundreds of protesters in Nairobi on Wednesday.", "http://a/nbo", "Outlet A", "2023-07-13"),
            dated("Protesters threw stones at police and set tyres on fire in Nairobi on Wednesday, witnesses said.", "http://b/nbo", "Outlet B", "2023-07-13"),
        ];
        let (recs, events) = merge_on_facts(s, &batch);
        let kinds: Vec<&str> = recs.iter().map(|r| r.event_type.as_str()).collect();
        assert_eq!(kinds, ["Protests", "Riots"]);
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!((events[0].event_type.as_str(), events[0].articles.len()), ("Riots", 2));
    });
}

#[test]
fn two_reports_placing_a_shooting_in_one_county_merge() {
    on_each_backend(|s| {
        // no words in common beyond the facts: no story link, only the place and the day
        let batch = vec![
            dated("Harris County deputies said a man was shot and killed Sunday outside a bar.", "http://a/hc", "Outlet A", "2020-03-09"),
            dated("One person died after gunfire erupted Sunday in Harris County, the sheriff's office reported.", "http://b/hc", "Outlet B", "2020-03-10"),
        ];
        let (recs, events) = merge_on_facts(s, &batch);
        assert!(recs.iter().all(|r| r.location.as_ref().is_some_and(|l| l.kind == "admin2")), "{recs:#?}");
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].articles.len(), 2);
    });
}

/// Town events are found by the cells of a degree of latitude by two of longitude their box
/// overlaps (`events::cells`): a report in Evanston (42.04 N) meets the event of Chicago's
/// (41.88 N) across the line at 42 degrees, in either order, and the same day and toll join
/// them (no person named: only the box finds it).
#[test]
fn a_shooting_reported_from_two_towns_across_a_cell_line_merges() {
    for chicago_first in [true, false] {
        on_each_backend(|s| {
            let mut batch = vec![
                dated("CHICAGO - One man was killed and five people were wounded in a shooting Sunday outside a bar on the North Side, police said.", "http://a/ch", "Outlet A", "2020-03-09"),
                dated("EVANSTON, Ill. - Gunfire near the city line left one man dead and five others injured Sunday, the police department reported.", "http://b/ev", "Outlet B", "2020-03-09"),
            ];
            if !chicago_first {
                batch.reverse();
            }
            let (recs, events) = merge_on_facts(s, &batch);
            let lats: Vec<f64> = recs.iter().filter_map(|r| r.location.as_ref().map(|l| l.lat)).collect();
            assert!(lats.iter().any(|&l| l < 42.0) && lats.iter().any(|&l| l > 42.0), "{recs:#?}");
            assert_eq!(events.len(), 1, "{events:#?}");
            assert_eq!(events[0].articles.len(), 2);
        });
    }
}

#[test]
fn an_undated_report_joins_the_shooting_it_counts_in_its_town() {
    on_each_backend(|s| {
        let batch = vec![
            dated("PHOENIX - One man was killed and four people were injured in a shooting early Sunday, police said.", "http://a/px", "Outlet A", "2015-10-25"),
            dated("Police in Phoenix are investigating a shooting that left one person dead and four others injured.", "http://b/px", "Outlet B", "2015-10-26"),
        ];
        let (recs, events) = merge_on_facts(s, &batch);
        assert!(recs.iter().any(|r| r.date.is_none()), "{recs:#?}");
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].articles.len(), 2);
    });
}

/// A later report that retells [`STORY`]'s lead before its own news.
const FOLLOW_UP: &str = "Two men were shot late Saturday outside a nightclub on the north side of the city, police said. \
    One of the men died at the scene and the other was taken to a hospital in serious condition. \
    A vigil was held on the sidewalk for the man who died, relatives said, and the family set up a fund for the funeral.";

#[test]
fn a_follow_up_within_two_weeks_follows_its_story_and_one_a_month_later_does_not() {
    on_each_backend(|s| {
        let batch = vec![
            dated(&format!("DAYTON, Ohio - {STORY}"), "http://a/club", "Outlet A", "2020-03-09"),
            // ten days on, the lead retold: "late Saturday" is now another Saturday, the story
            // is the same
            dated(&format!("DAYTON, Ohio - {}", FOLLOW_UP), "http://b/club", "Outlet B", "2020-03-19"),
            dated(&format!("DAYTON, Ohio - {}", FOLLOW_UP.replace("relatives", "neighbours")), "http://c/club", "Outlet C", "2020-04-09"),
            // other news, from which the shooting's words stand out
            dated(OTHER, "http://d/fire", "Outlet D", "2020-03-19"),
            dated(ATTACK_A, "http://d/attack", "Outlet D", "2020-03-19"),
            dated(AIRSTRIKE, "http://d/strike", "Outlet D", "2020-04-09"),
        ];
        s.ingest_batch(&batch).unwrap();
        s.merge_mentions(&records(&batch), MergeSettings::default()).unwrap();
        let events = s.events().unwrap();
        let of = |i: usize| events.iter().position(|e| e.articles.contains(&batch[i].article.id));
        assert!(of(0).is_some() && of(0) == of(1), "{events:#?}");
        assert_ne!(of(0), of(2), "a month on, the same words tell another Saturday's shooting");
    });
}

/// A store keeps the stored leads' words between batches (`leads::LeadCache`): a later
/// batch compared with leads an earlier one stored or read must find what a fresh process
/// reading them from the file finds.
#[test]
fn leads_remembered_between_batches_compare_as_leads_read_from_the_file() {
    let first = vec![
        dated(&format!("DAYTON, Ohio - {STORY}"), "http://a/club", "Outlet A", "2020-03-09"),
        dated(OTHER, "http://a/fire", "Outlet A", "2020-03-18"),
        dated(ATTACK_A, "http://a/attack", "Outlet A", "2020-03-19"),
    ];
    let second = vec![
        // ten days on: joins the first report through its lead only (see the test above)
        dated(&format!("DAYTON, Ohio - {FOLLOW_UP}"), "http://b/club", "Outlet B", "2020-03-19"),
        dated(&OTHER.replace("warehouse", "barn"), "http://b/fire", "Outlet B", "2020-03-19"),
    ];
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str, reopen: bool| {
        let path = dir.path().join(name);
        let mut s = SqliteStore::open(&path).unwrap();
        s.ingest_and_merge(&first, &records(&first), MergeSettings::default()).unwrap();
        if reopen {
            s = SqliteStore::open(&path).unwrap();
        }
        s.ingest_and_merge(&second, &records(&second), MergeSettings::default()).unwrap();
        s.events().unwrap()
    };
    let (kept, reread) = (run("kept.db", false), run("reread.db", true));
    let of = |events: &[sitrep_model::Event], p: &Prepared| events.iter().position(|e| e.articles.contains(&p.article.id));
    assert!(of(&kept, &first[0]).is_some() && of(&kept, &first[0]) == of(&kept, &second[0]), "{kept:#?}");
    assert_eq!(serde_json::to_string(&kept).unwrap(), serde_json::to_string(&reread).unwrap());
}

/// A store on a file holds the lead postings it has read (`leads::LeadCache`); another
/// connection's write must not leave it with stale ones: a follow-up meets the story
/// another process stored after this one had read the postings of the same words.
#[test]
fn a_story_another_connection_stored_is_met_through_postings_read_before() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let (mut mine, mut theirs) = (SqliteStore::open(&path).unwrap(), SqliteStore::open(&path).unwrap());
    // a year before, the same words: this store reads their postings
    let old = vec![
        dated(&format!("DAYTON, Ohio - {}", FOLLOW_UP.replace("relatives", "neighbours")), "http://c/club", "Outlet C", "2019-03-19"),
        // other news, from which the shooting's words stand out
        dated(OTHER, "http://d/fire", "Outlet D", "2020-03-19"),
        dated(ATTACK_A, "http://d/attack", "Outlet D", "2020-03-19"),
        dated(AIRSTRIKE, "http://d/strike", "Outlet D", "2020-03-18"),
    ];
    mine.ingest_and_merge(&old, &records(&old), MergeSettings::default()).unwrap();
    let story = vec![dated(&format!("DAYTON, Ohio - {STORY}"), "http://a/club", "Outlet A", "2020-03-09")];
    theirs.ingest_and_merge(&story, &records(&story), MergeSettings::default()).unwrap();
    // ten days on: joins the story through its lead only (see the tests above)
    let follow_up = vec![dated(&format!("DAYTON, Ohio - {FOLLOW_UP}"), "http://b/club", "Outlet B", "2020-03-19")];
    mine.ingest_and_merge(&follow_up, &records(&follow_up), MergeSettings::default()).unwrap();
    let events = mine.events().unwrap();
    let of = |p: &Prepared| events.iter().position(|e| e.articles.contains(&p.article.id));
    assert!(of(&story[0]).is_some() && of(&story[0]) == of(&follow_up[0]), "{events:#?}");
    assert_ne!(of(&old[0]), of(&story[0]));
}

#[test]
fn an_undated_report_with_one_figure_joins_its_towns_shooting_of_the_days_before_in_either_order() {
    let dated_report = || dated("PHOENIX - A man was shot and killed early Sunday outside a bar, police said.", "http://a/px1", "Outlet A", "2015-10-26");
    let undated_report = || dated("Police in Phoenix are investigating a shooting that left one man dead.", "http://b/px1", "Outlet B", "2015-10-27");
    for dated_first in [true, false] {
        on_each_backend(|s| {
            let (first, second) = if dated_first { (dated_report(), undated_report()) } else { (undated_report(), dated_report()) };
            merge_on_facts(s, &[first]);
            let (recs, events) = merge_on_facts(s, &[second]);
            assert_eq!(events.len(), 1, "dated first: {dated_first}; {recs:#?} {events:#?}");
            assert_eq!(events[0].articles.len(), 2);
            assert_eq!(events[0].date.as_ref().map(|d| d.start.to_string()).as_deref(), Some("2015-10-25"));
        });
    }
    // a week later, the town's undated report is another shooting's
    on_each_backend(|s| {
        merge_on_facts(s, &[dated_report()]);
        let late = dated("Police in Phoenix are investigating a shooting that left one man dead.", "http://c/px1", "Outlet C", "2015-11-02");
        let (_, events) = merge_on_facts(s, &[late]);
        assert_eq!(events.len(), 2, "{events:#?}");
    });
}

#[test]
fn a_mass_shooting_retold_at_a_vigil_weeks_later_joins_it_in_either_order() {
    let shooting = || {
        dated("ORLANDO, Fla. - A gunman killed 49 people at a nightclub in Orlando early Sunday, police said.", "http://a/pulse", "Outlet A", "2016-06-12")
    };
    // dated by its vigil, another day: only the toll and the town tell which shooting it is
    let vigil = || {
        dated(
            "Church bells rang in Orlando on Friday to remember the 49 people who were killed in the nightclub shooting.",
            "http://b/vigil",
            "Outlet B",
            "2016-06-25",
        )
    };
    for shooting_first in [true, false] {
        on_each_backend(|s| {
            let (first, second) = if shooting_first { (shooting(), vigil()) } else { (vigil(), shooting()) };
            merge_on_facts(s, &[first]);
            let (recs, events) = merge_on_facts(s, &[second]);
            assert!(recs.iter().all(|r| r.date.as_ref().is_some_and(|d| d.precision == "day")), "{recs:#?}");
            assert_eq!(events.len(), 1, "shooting first: {shooting_first}; {recs:#?} {events:#?}");
            assert_eq!(events[0].articles.len(), 2);
        });
    }
    // a town's shooting with one dead, retold at a vigil days later, is not told apart from
    // the town's other shootings by its toll
    on_each_backend(|s| {
        merge_on_facts(s, &[dated("ORLANDO, Fla. - A gunman killed a man outside a bar in Orlando early Sunday, police said.", "http://c/bar", "Outlet C", "2016-06-12")]);
        let (_, events) = merge_on_facts(
            s,
            &[dated("Church bells rang in Orlando on Friday to remember the man who was killed in the shooting.", "http://d/vigil", "Outlet D", "2016-06-25")],
        );
        assert_eq!(events.len(), 2, "{events:#?}");
    });
}

#[test]
fn a_later_report_placed_by_the_article_joins_the_shooting_of_the_person_it_names() {
    on_each_backend(|s| {
        // weeks later, the town only in another sentence, the victim's name spelt otherwise:
        // only the day and the person tie it to the shooting
        let batch = vec![
            dated("Twenty-one-year-old Izaak Bridges was shot to death at a house party in Hope Mills on Sunday, police said.", "http://a/hm", "Outlet A", "2015-01-11"),
            dated(
                "A third suspect was arrested Saturday in connection with the fatal shooting on January 11. \
                 21-year-old Isaak Bridges was killed at the gathering. The party was held at a house on Gumberry Road in Hope Mills.",
                "http://b/hm",
                "Outlet B",
                "2015-02-28",
            ),
        ];
        let (recs, events) = merge_on_facts(s, &batch);
        let later: Vec<&MentionRecord> = recs.iter().filter(|r| r.published == NaiveDate::from_ymd_opt(2015, 2, 28)).collect();
        assert!(!later.is_empty() && later.iter().all(|r| r.location.as_ref().is_some_and(|l| l.name == "Hope Mills" && l.precision == "article")), "{later:#?}");
        assert!(later.iter().any(|r| r.names.iter().any(|n| n == "isaak bridges")), "{later:#?}");
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].articles.len(), 2);
    });
}

#[test]
fn a_report_placed_by_its_article_joins_the_days_shooting_it_counts_in_that_town() {
    on_each_backend(|s| {
        // the second report names no one and counts only the wounded; its town is in another
        // sentence than the shooting's
        let told = dated("A man was wounded in a shooting in Fresno on Friday night, police said.", "http://a/fr", "Outlet A", "2015-05-09");
        let (_, events) = merge_on_facts(s, &[told]);
        assert_eq!(events.len(), 1, "{events:#?}");
        let later = dated(
            "A man was shot in the leg Friday night and taken to a hospital, police said. Officers were called to a store on Blackstone Avenue in Fresno.",
            "http://b/fr",
            "Outlet B",
            "2015-05-10",
        );
        let (recs, events) = merge_on_facts(s, &[later]);
        let placed: Vec<_> = recs.iter().filter_map(|r| r.location.as_ref()).map(|l| (l.name.as_str(), l.precision.as_str())).collect();
        assert_eq!(placed, [("Fresno", "article")], "{recs:#?}");
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].articles.len(), 2);
    });
}

#[test]
fn a_day_report_joins_the_event_a_month_report_founded() {
    on_each_backend(|s| {
        // the month's event starts on the first: a window of the day's few days reaches it
        // only through the month events' own window
        let month = dated(
            "Gunmen killed three soldiers at an army checkpoint near Maiduguri in March, military officials said in a monthly report.",
            "http://a/month",
            "Outlet A",
            "2020-04-02",
        );
        let (recs, events) = merge_on_facts(s, &[month]);
        assert!(recs.iter().all(|r| r.date.as_ref().is_some_and(|d| d.precision == "month")), "{recs:#?}");
        assert_eq!(events.len(), 1, "{events:#?}");
        let (_, events) = merge_on_facts(s, &[dated(ATTACK_A, "http://b/day", "Outlet B", "2020-03-30")]);
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].articles.len(), 2);
    });
}

#[test]
fn postgres_stores_what_sqlite_stores() {
    let Some(mut pg) = postgres() else { return };
    let mut lite = SqliteStore::in_memory().unwrap();
    merge_reports(&mut lite);
    merge_reports(&mut pg.store);
    let json = |s: &dyn Store| serde_json::to_value(s.events().unwrap()).unwrap();
    assert_eq!(json(&pg.store), json(&lite));
    assert_eq!(pg.store.ext_ids().unwrap().len(), 3);
    let mut a = pg.store.ext_ids().unwrap();
    let mut b = lite.ext_ids().unwrap();
    a.sort();
    b.sort();
    assert_eq!(a, b);
    assert_eq!(pg.store.totals().unwrap(), lite.totals().unwrap());
    assert_eq!(pg.store.schema_version().unwrap(), crate::postgres::MIGRATIONS.len() as i64);
}

#[test]
fn a_growing_merge_keeps_the_planners_statistics_fresh() {
    let Some(mut pg) = postgres() else { return };
    // seventy reports of shootings, merged in one call on empty tables
    let batch: Vec<Prepared> = (0..70)
        .map(|i| dated(&format!("A man was shot and killed Sunday outside a bar, police said. He was {} years old.", 20 + i), &format!("http://x/{i}"), "Outlet", "2020-03-09"))
        .collect();
    pg.store.ingest_batch(&batch).unwrap();
    let recs = records(&batch);
    pg.store.merge_mentions(&recs, MergeSettings::default()).unwrap();
    let mut admin = ::postgres::Client::connect(&pg.base, ::postgres::NoTls).unwrap();
    let analysed = admin
        .query_one("SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE schemaname = $1 AND relname = 'event_names'", &[&pg.schema])
        .unwrap()
        .get::<_, bool>(0);
    assert!(analysed, "the merge of 70 articles should have refreshed the statistics");
}

#[test]
fn postgres_upgraded_counts_its_outlets_as_an_ingest_does() {
    let Some(mut pg) = postgres() else { return };
    let mut lite = SqliteStore::in_memory().unwrap();
    let batch = reports();
    for s in [&mut lite as &mut dyn Store, &mut pg.store] {
        s.ingest_and_merge(&batch, &records(&batch), MergeSettings::default()).unwrap();
    }
    // the database as the version before the counts left it (the event cells of the next
    // migration undone too), then opened by this one
    let mut admin = ::postgres::Client::connect(&pg.base, ::postgres::NoTls).unwrap();
    let before = crate::postgres::MIGRATIONS.iter().position(|m| m.contains("CREATE TABLE outlet_divisions")).unwrap();
    admin
        .batch_execute(&format!(
            "DROP INDEX {0}.events_cell; DROP INDEX {0}.events_start; ALTER TABLE {0}.events DROP COLUMN cell;
             CREATE INDEX events_start ON {0}.events(type, span, date_start, date_end, lat, lon, country);
             CREATE INDEX events_wide ON {0}.events(type, date_end, date_start, lat, lon, country) WHERE span = 2;
             DROP TABLE {0}.outlet_divisions; UPDATE {0}.sitrep_schema SET version = {before}",
            pg.schema
        ))
        .unwrap();
    let sep = if pg.base.contains('?') { '&' } else { '?' };
    let upgraded = PostgresStore::connect(&format!("{}{sep}options=-csearch_path%3D{}", pg.base, pg.schema)).unwrap();
    let outlets = ["Outlet A", "Outlet B", "Outlet C"];
    let counts = |s: &dyn Store| {
        let mut c: Vec<_> = s.outlet_counts(&outlets).unwrap().into_iter().map(|c| (c.outlet, c.division, c.articles)).collect();
        c.sort();
        c
    };
    assert_eq!(counts(&upgraded).len(), 6, "{:?}", counts(&upgraded));
    assert_eq!(counts(&upgraded), counts(&lite));
}
