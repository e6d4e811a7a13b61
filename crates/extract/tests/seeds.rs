//! The product's acceptance case: the three example articles (cleaned as `sitrep ingest`
//! cleans them) yield the Abu Kamal air strike with its disputed claims, the 2021 article's
//! June 2018 strike in Albukamal, and no event for statistics or statements of intent.

use chrono::NaiveDate;
use sitrep_extract::mentions::{Mention, Modality, Stance, extract};
use sitrep_gazetteer::Gazetteer;
use sitrep_model::{BodyKind, Origin, RawRecord, SourceMeta};

fn cleaned(raw: &str) -> String {
    let rec = RawRecord {
        origin: Origin { file: "seed.txt".into(), locator: None },
        kind: BodyKind::Text,
        body: raw.to_string(),
        meta: SourceMeta::default(),
    };
    sitrep_clean::clean(rec).expect("seed cleans").article.text
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const A7: &str = include_str!("../../../examples/seeds/abu-kamal-arutz-sheva.txt");
const CNN: &str = include_str!("../../../examples/seeds/abu-kamal-cnn.txt");
const JPOST: &str = include_str!("../../../examples/seeds/syria-strikes-jpost.txt");

fn claims(m: &Mention, actor: &str) -> Vec<(Option<String>, Stance)> {
    m.perpetrators
        .iter()
        .filter(|p| p.name == actor)
        .flat_map(|p| p.claims.iter().map(|c| (c.by.clone(), c.stance)))
        .collect()
}

fn check_abu_kamal(text: &str, official: &str, idf: &str) {
    let ms = extract(text, day(2018, 6, 18));
    let m = ms.iter().find(|m| m.modality.is_event() && m.subtype == "Air/drone strike").expect("an air strike");
    assert_eq!(m.event_type, "Explosions/Remote violence");
    assert_eq!(m.cameo.as_deref(), Some("195"));
    assert_eq!(m.date.as_ref().map(|d| d.value.as_str()), Some("2018-06-17"), "Sunday before a Monday story");
    let place = m.place.as_ref().expect("a place");
    let p = Gazetteer::embedded().place(place.place);
    assert_eq!((p.geonameid(), p.country.as_str(), place.precision), (Some(174448), "SY", "near"));
    assert_eq!(claims(m, "Israel"), [(Some(official.to_string()), Stance::Asserts), (Some(idf.to_string()), Stance::DeclinesToComment)]);
    let coalition = claims(m, "US-led coalition");
    assert!(coalition.contains(&(Some("Syrian state TV".into()), Stance::Asserts)), "{coalition:?}");
    assert!(coalition.contains(&(Some("a spokesman for the coalition".into()), Stance::Denies)), "{coalition:?}");
    assert!(m.targets.iter().any(|t| t.name == "pro-regime forces"));
    assert_eq!(m.casualties.as_ref().map(|c| c.text.as_str()), Some("multiple casualties"));
}

#[test]
fn arutz_sheva_abu_kamal() {
    check_abu_kamal(&cleaned(A7), "a United States official", "The IDF");
}

#[test]
fn cnn_abu_kamal() {
    check_abu_kamal(&cleaned(CNN), "a US official", "The Israel Defense Forces");
}

#[test]
fn other_strikes_in_the_2018_articles_are_separate_and_dated() {
    let ms = extract(&cleaned(A7), day(2018, 6, 18));
    let events: Vec<&Mention> = ms.iter().filter(|m| m.modality.is_event()).collect();
    let dated = |v: &str| events.iter().find(|m| m.date.as_ref().is_some_and(|d| d.value == v)).copied();
    let last_month = dated("2018-05").expect("last month's strike near Damascus");
    assert_eq!(Gazetteer::embedded().place(last_month.place.as_ref().unwrap().place).name, "Damascus");
    assert_eq!(claims(last_month, "Israel"), [(Some("Syrian media".into()), Stance::Asserts)]);
    let april = dated("2018-04").expect("the April strike near Homs");
    assert_eq!(Gazetteer::embedded().place(april.place.as_ref().unwrap().place).country, "SY");
    // Netanyahu's "We will act" is not an event, nor are the habitual strikes near Damascus
    assert!(!events.iter().any(|m| m.sentences.iter().any(|s| cleaned(A7)[s.0..s.1].contains("We will act"))));
}

#[test]
fn jpost_june_2018_strike_in_albukamal() {
    let text = cleaned(JPOST);
    let ms = extract(&text, day(2021, 3, 1));
    let m = ms
        .iter()
        .find(|m| m.modality.is_event() && m.date.as_ref().is_some_and(|d| d.value == "2018-06"))
        .expect("the June 2018 strike");
    assert_eq!(m.subtype, "Air/drone strike");
    let p = Gazetteer::embedded().place(m.place.as_ref().unwrap().place);
    assert_eq!(p.geonameid(), Some(174448), "Albukamal is Albu Kamal");
    assert!(m.targets.iter().any(|t| t.name.contains("KH headquarters")));
    let by: Vec<_> = m.perpetrators.iter().map(|p| (p.name.as_str(), p.claims[0].by.as_deref())).collect();
    assert!(by.contains(&("Israel", Some("Iraqi media"))) && by.contains(&("United States", Some("Iraqi media"))), "{by:?}");
}

#[test]
fn jpost_statistics_are_not_events() {
    let text = cleaned(JPOST);
    let ms = extract(&text, day(2021, 3, 1));
    for m in &ms {
        let s = &text[m.sentences[0].0..m.sentences[0].1];
        if s.contains("1,000 airstrikes") || s.contains("1,500 airstrikes") || s.contains("several times") {
            assert_eq!(m.modality, Modality::Aggregate, "{s}");
        }
    }
    assert!(ms.iter().any(|m| m.modality == Modality::Aggregate));
}
