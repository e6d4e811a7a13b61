use chrono::NaiveDate;
use sitrep_model::{Claim, DateRange, Evidence};

use super::*;

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

fn loc(name: &str, id: u64, lat: f64, lon: f64, kind: &str) -> Location {
    Location {
        name: name.into(),
        admin1: None,
        country: Some("SY".into()),
        lat,
        lon,
        geonameid: Some(id),
        precision: "near".into(),
        kind: kind.into(),
        offset: None,
        site: None,
    }
}

fn mention(article: &str, date: DateRange, place: Option<Location>, perp: &str, by: &str) -> MentionRecord {
    MentionRecord {
        article: article.into(),
        outlet: None,
        published: Some(date.end),
        ordinal: 0,
        event_type: "Explosions/Remote violence".into(),
        subtype: "Air/drone strike".into(),
        cameo: Some("195".into()),
        modality: "reported".into(),
        date: Some(date),
        location: place,
        actors: vec![ActorRole {
            name: perp.into(),
            role: "perpetrator".into(),
            kind: Some("state".into()),
            claims: vec![Claim { by: Some(by.into()), stance: "asserts".into(), article: article.into(), quote: format!("{by} said {perp} struck.") }],
        }],
        targets: vec![],
        fatalities: Count::default(),
        injured: Count::default(),
        hit: Count::default(),
        evidence: vec![Evidence { article: article.into(), sentence: "An air strike hit the town.".into(), start: 0, end: 27, headline: false }],
        names: vec![],
    }
}

fn day(x: NaiveDate) -> DateRange {
    DateRange { start: x, end: x, precision: "day".into() }
}

fn month(y: i32, m: u32) -> DateRange {
    let end = if m == 12 { d(y + 1, 1, 1) } else { d(y, m + 1, 1) }.pred_opt().unwrap();
    DateRange { start: d(y, m, 1), end, precision: "month".into() }
}

fn abu_kamal() -> Location {
    loc("Albu Kamal", 174448, 34.45226, 40.91854, "town")
}

fn event_of(ms: &[MentionRecord]) -> Profile {
    profile(&event_id(&ms[0]), ms, |a| a.to_string())
}

#[test]
fn a_month_mention_joins_a_day_event_in_the_same_town() {
    let e = event_of(&[mention("a1", day(d(2018, 6, 17)), Some(abu_kamal()), "Israel", "a US official")]);
    let later = mention("a3", month(2018, 6), Some(abu_kamal()), "Israel", "Iraqi media");
    assert!(score(&later, &e).unwrap() >= JOIN_THRESHOLD);
    let merged = event_of(&[mention("a1", day(d(2018, 6, 17)), Some(abu_kamal()), "Israel", "a US official"), later]).event;
    assert_eq!(merged.date.as_ref().unwrap().precision, "day", "the tightest date wins");
    assert_eq!(merged.articles, ["a1", "a3"]);
    assert_eq!(merged.actors[0].claims.len(), 2);
}

#[test]
fn a_generic_perpetrator_is_no_sign_of_the_same_event() {
    // "Unidentified gunmen killed three villagers": unnamed attackers strike every day; the
    // same state or group named by both reports is a sign, the same unnamed kind is none
    let generic = |mut m: MentionRecord| {
        m.actors[0].name = "Unidentified armed group".into();
        m.actors[0].kind = Some("generic".into());
        m
    };
    let (a, b) = (mention("a1", day(d(2018, 6, 17)), Some(abu_kamal()), "Israel", "a US official"), mention("a2", day(d(2018, 6, 17)), Some(abu_kamal()), "Israel", "Syrian state TV"));
    let named = score(&b, &event_of(std::slice::from_ref(&a))).unwrap();
    let unnamed = score(&generic(b.clone()), &event_of(&[generic(a.clone())])).unwrap();
    let mut nobody = b.clone();
    nobody.actors.clear();
    let neither = score(&nobody, &event_of(&[a])).unwrap();
    assert_eq!(named, neither + 1.0);
    assert_eq!(unnamed, neither);
}

#[test]
fn a_protest_and_the_riot_it_became_are_one_demonstration_of_the_worse_kind() {
    // "Protesters clashed with police in Khartoum on Sunday … Two demonstrators were wounded.":
    // the second sentence reads as a protest, the first as a riot; one article, one event
    let demo = |ordinal: usize, event_type: &str, subtype: &str, role: &str| {
        let mut m = mention("a1", day(d(2023, 5, 14)), Some(loc("Khartoum", 379252, 15.55177, 32.53241, "town")), "protesters", "witnesses");
        m.ordinal = ordinal;
        (m.event_type, m.subtype) = (event_type.into(), subtype.into());
        m.actors[0].role = role.into();
        m.actors[0].kind = Some("generic".into());
        m
    };
    let (riot, protest) = (demo(0, "Riots", "Violent demonstration", "perpetrator"), demo(1, "Protests", "Peaceful protest", "participant"));
    let groups = within_article(&[protest.clone(), riot.clone()]);
    assert_eq!(groups.len(), 1, "{groups:#?}");
    let e = event_of(&[protest.clone(), riot.clone()]).event;
    assert_eq!((e.event_type.as_str(), e.subtype.as_str()), ("Riots", "Violent demonstration"));
    assert_eq!(e.actors.iter().map(|a| (a.name.as_str(), a.role.as_str())).collect::<Vec<_>>(), [("protesters", "perpetrator")]);
    // another outlet's protest report meets the riot event
    let mut other = demo(0, "Protests", "Protest with intervention", "participant");
    other.article = "a2".into();
    assert!(score(&other, &event_of(&[riot])).is_some());
    // an attack is no demonstration
    let mut attack = protest;
    (attack.event_type, attack.subtype) = ("Violence against civilians".into(), "Attack".into());
    assert_eq!(within_article(&[attack, demo(1, "Riots", "Violent demonstration", "perpetrator")]).len(), 2);
}

#[test]
fn a_year_is_too_loose_to_join_a_day_event_on_its_place_alone() {
    // "Last year in Chicago, 4,368 people were shot": a year in a town overlaps every event
    // the town had that year; a month ("June 2018") says which one far more
    let e = event_of(&[mention("a1", day(d(2018, 6, 17)), Some(abu_kamal()), "Israel", "x")]);
    let year = DateRange { start: d(2018, 1, 1), end: d(2018, 12, 31), precision: "year".into() };
    let s = score(&mention("a2", year, Some(abu_kamal()), "a gunman", "y"), &e).unwrap();
    assert!(s < JOIN_THRESHOLD, "{s}");
    let s = score(&mention("a2", month(2018, 6), Some(abu_kamal()), "a gunman", "y"), &e).unwrap();
    assert!(s >= JOIN_THRESHOLD, "{s}");
}

#[test]
fn different_days_never_merge() {
    let e = event_of(&[mention("a1", day(d(2018, 6, 17)), Some(abu_kamal()), "Israel", "x")]);
    assert_eq!(score(&mention("a2", day(d(2018, 6, 18)), Some(abu_kamal()), "Israel", "x"), &e), None);
}

#[test]
fn distant_towns_never_merge() {
    let e = event_of(&[mention("a1", day(d(2018, 6, 17)), Some(abu_kamal()), "Israel", "x")]);
    let homs = loc("Homs", 169577, 34.72682, 36.72339, "town");
    assert_eq!(score(&mention("a2", day(d(2018, 6, 17)), Some(homs), "Israel", "x"), &e), None);
}

#[test]
fn a_country_level_report_joins_a_town_event_in_that_country() {
    let e = event_of(&[mention("a1", day(d(2018, 6, 17)), Some(abu_kamal()), "Israel", "x")]);
    let syria = loc("Syria", 163843, 35.0, 38.0, "country");
    let s = score(&mention("a2", day(d(2018, 6, 17)), Some(syria), "Israel", "y"), &e).unwrap();
    assert!(s >= JOIN_THRESHOLD, "{s}");
}

#[test]
fn a_town_report_joins_the_event_of_its_county() {
    let place = |name: &str, kind: &str, state: &str, lat: f64, lon: f64| Location {
        name: name.into(),
        admin1: Some(state.into()),
        country: Some("US".into()),
        lat,
        lon,
        geonameid: None,
        precision: "in".into(),
        kind: kind.into(),
        offset: None,
        site: None,
    };
    let shooting = |a: &str, l: Location| MentionRecord { actors: vec![], ..mention(a, day(d(2016, 9, 15)), Some(l), "", "") };
    let county = event_of(&[shooting("a1", place("Harris County", "admin2", "Texas", 29.77, -95.24))]);
    let pasadena = shooting("a2", place("Pasadena", "town", "Texas", 29.69, -95.21));
    assert!(score(&pasadena, &county).unwrap() >= JOIN_THRESHOLD);
    // a town as far from another state's county is not in it
    let over_the_line = event_of(&[shooting("a3", place("Harris County", "admin2", "Georgia", 29.77, -95.24))]);
    assert!(score(&pasadena, &over_the_line).unwrap() < JOIN_THRESHOLD);
    // a county the article stands in (its outlet's) holds the town another report tells, as
    // much as the very town would: "Augusta" and the Augusta Chronicle's Richmond County
    let stood_in = |l: Location| Location { precision: "article".into(), ..l };
    let of_outlet = event_of(&[shooting("a4", stood_in(place("Harris County", "admin2", "Texas", 29.77, -95.24)))]);
    let same_town = event_of(&[shooting("a5", stood_in(place("Pasadena", "town", "Texas", 29.69, -95.21)))]);
    assert_eq!(score(&pasadena, &of_outlet), score(&pasadena, &same_town));
    let elsewhere = event_of(&[shooting("a6", stood_in(place("Dallas County", "admin2", "Texas", 32.77, -96.78)))]);
    assert!(score(&pasadena, &elsewhere).unwrap() < score(&pasadena, &of_outlet).unwrap());
}

#[test]
fn the_same_victims_counted_lift_a_report_to_the_event() {
    // an undated report of a shooting in the same town: the place alone is not enough, the
    // same dead and wounded are
    let shooting = |a: &str, date: Option<DateRange>, killed: u32, wounded: u32| MentionRecord {
        actors: vec![],
        date,
        fatalities: Count { min: Some(killed), max: Some(killed), text: Some(format!("{killed} killed")) },
        injured: Count { min: Some(wounded), max: Some(wounded), text: Some(format!("{wounded} injured")) },
        ..mention(a, day(d(2015, 10, 25)), Some(loc("Phoenix", 5308655, 33.44838, -112.07404, "town")), "", "")
    };
    let e = event_of(&[shooting("a1", Some(day(d(2015, 10, 25))), 1, 4)]);
    assert!(score(&shooting("a2", None, 1, 4), &e).unwrap() >= JOIN_THRESHOLD);
    assert!(score(&shooting("a2", None, 2, 0), &e).unwrap() < JOIN_THRESHOLD);
    // in a neighbouring town on the same day one dead is no sign of the same shooting; the
    // same dead and the same wounded are
    let glendale = loc("Glendale", 5295985, 33.53865, -112.18599, "town");
    let next_door = |killed: u32, wounded: u32| MentionRecord { location: Some(glendale.clone()), ..shooting("a3", Some(day(d(2015, 10, 25))), killed, wounded) };
    let e = event_of(&[shooting("a1", Some(day(d(2015, 10, 25))), 1, 0)]);
    assert!(score(&next_door(1, 0), &e).unwrap() < JOIN_THRESHOLD);
    let e = event_of(&[shooting("a1", Some(day(d(2015, 10, 25))), 1, 4)]);
    assert!(score(&next_door(1, 4), &e).unwrap() >= JOIN_THRESHOLD);
}

#[test]
fn a_mass_shooting_retold_weeks_later_joins_whatever_day_it_is_dated() {
    // a survivor's story dated by its vigil, twelve days on, counting Pulse's 49 dead
    let orlando = loc("Orlando", 4167147, 28.53834, -81.37924, "town");
    let shooting = |a: &str, date: DateRange, killed: u32, name: &str| MentionRecord {
        actors: vec![],
        fatalities: Count { min: Some(killed), max: Some(killed), text: Some(format!("{killed} killed")) },
        names: vec![name.to_string()],
        ..mention(a, date, Some(orlando.clone()), "", "")
    };
    let e = event_of(&[shooting("a1", day(d(2016, 6, 12)), 50, "omar mateen")]);
    assert!(score(&shooting("a2", day(d(2016, 6, 24)), 49, "angel colon"), &e).unwrap() >= JOIN_THRESHOLD);
    // not a common toll, nor one told of another year, nor one two seasons on
    let e3 = event_of(&[shooting("a1", day(d(2016, 6, 12)), 3, "omar mateen")]);
    assert_eq!(score(&shooting("a2", day(d(2016, 6, 24)), 3, "angel colon"), &e3), None);
    let last_year = DateRange { start: d(2016, 1, 1), end: d(2016, 12, 31), precision: "year".into() };
    assert!(score(&shooting("a2", last_year, 49, "cornell beckley"), &e).unwrap() < JOIN_THRESHOLD);
    assert_eq!(score(&shooting("a2", day(d(2016, 12, 24)), 49, "angel colon"), &e), None);
    // nor in another town
    let elsewhere = MentionRecord { location: Some(loc("Kissimmee", 4160983, 28.30468, -81.41667, "town")), ..shooting("a2", day(d(2016, 6, 24)), 49, "x y") };
    assert_eq!(score(&elsewhere, &e), None);
}

#[test]
fn the_same_article_is_not_merged_again() {
    let e = event_of(&[mention("a1", month(2018, 5), Some(abu_kamal()), "Israel", "x")]);
    assert_eq!(score(&mention("a1", month(2018, 5), Some(abu_kamal()), "Israel", "x"), &e), None);
}

#[test]
fn best_candidate_and_aggregates() {
    let mut a = mention("a1", day(d(2019, 3, 2)), Some(abu_kamal()), "Israel", "x");
    a.fatalities = Count { min: Some(3), max: Some(3), text: Some("killed 3".into()) };
    let mut b = mention("a2", day(d(2019, 3, 2)), Some(abu_kamal()), "Israel", "y");
    b.fatalities = Count { min: Some(5), max: None, text: Some("at least 5 dead".into()) };
    let e = event_of(&[a.clone(), b]);
    let ev = &e.event;
    assert_eq!((ev.fatalities.min, ev.fatalities.max), (Some(3), Some(5)), "the range over the reports");
    assert_eq!(ev.fatalities.text.as_deref(), Some("at least 5 dead"));
    assert_eq!(ev.confidence, 0.64, "two independent reports");
    let other = event_of(&[mention("a9", day(d(2019, 3, 9)), Some(abu_kamal()), "Israel", "z")]);
    let cands = [other, e.clone()];
    assert_eq!(best(&mention("a4", day(d(2019, 3, 2)), Some(abu_kamal()), "Israel", "w"), &cands, JOIN_THRESHOLD).map(|x| x.event.id.clone()), Some(e.event.id.clone()));
    assert_eq!(event_id(&a), event_id(&a.clone()), "ids are stable");
}

#[test]
fn a_shared_victim_links_reports_and_different_victims_keep_them_apart() {
    let town = loc("Gainesville", 4156404, 29.65163, -82.32483, "town");
    let mut first = mention("a1", day(d(2016, 7, 27)), Some(town.clone()), "a gunman", "police");
    first.names = vec!["antonio mason".into()];
    let e = event_of(&[first]);
    // a follow-up with no date and no place, naming the victim
    let mut follow = mention("a2", day(d(2016, 7, 27)), None, "a gunman", "police");
    follow.date = None;
    follow.names = vec!["antonio mason".into(), "tony jones".into()];
    assert!(score(&follow, &e).is_some_and(|s| s >= JOIN_THRESHOLD), "{:?}", score(&follow, &e));
    // the same day and town, but other people
    let mut other = mention("a3", day(d(2016, 7, 27)), Some(town), "a gunman", "police");
    other.names = vec!["maria lopez".into()];
    let same_place = score(&other, &e).unwrap();
    other.names.clear();
    assert!(same_place < score(&other, &e).unwrap(), "naming other people lowers the score");
    // "11:40 p.m. Wednesday" and "early Thursday": the next day joins only with the same people
    let mut next_day = mention("a4", day(d(2016, 7, 28)), Some(loc("Gainesville", 4156404, 29.65163, -82.32483, "town")), "a gunman", "p");
    assert_eq!(score(&next_day, &e), None);
    next_day.names = vec!["antonio mason".into()];
    assert!(score(&next_day, &e).is_some_and(|s| s >= JOIN_THRESHOLD));
    // outlets spell a name their own way: still the same person
    follow.names = vec!["tony mason".into()];
    let unnamed = score(&follow, &e);
    for spelling in ["antonio masson", "antonnio mason", "anton mason"] {
        follow.names = vec![spelling.into()];
        assert!(score(&follow, &e) > unnamed, "{spelling}");
    }
}

#[test]
fn within_an_article_one_event_per_kind_place_and_date() {
    let damascus = loc("Damascus", 170654, 33.5102, 36.29128, "town");
    let douma = loc("Douma", 170592, 33.57175, 36.40270, "town");
    let mut strike = mention("a1", month(2018, 5), Some(damascus.clone()), "Israel", "Syrian media");
    strike.ordinal = 0;
    // a later sentence of the same strike without a date, and a chemical attack nearby
    let mut again = mention("a1", month(2018, 5), Some(damascus), "Israel", "Syrian media");
    again.ordinal = 1;
    again.date = None;
    let mut chemical = mention("a1", month(2018, 4), Some(douma), "Syrian government", "x");
    chemical.ordinal = 2;
    chemical.date = None;
    chemical.subtype = "Chemical weapon".into();
    // and one in Abu Kamal, too far to be the same
    let mut far = mention("a1", month(2018, 5), Some(abu_kamal()), "Israel", "x");
    far.ordinal = 3;
    let groups = within_article(&[strike, again, chemical, far]);
    let members: Vec<Vec<usize>> = groups.iter().map(|g| g.0.clone()).collect();
    assert_eq!(members, vec![vec![0, 1], vec![2], vec![3]]);
    // the undated sentence takes the group's month
    assert_eq!(groups[0].1.date, Some(month(2018, 5)));
}

#[test]
fn disagreeing_reports_give_the_event_the_reading_most_articles_share() {
    let mayadin = loc("Mayadin", 164816, 35.01982, 40.45154, "town");
    // the first report misreads the day and the town; the two later ones agree
    let first = mention("a1", day(d(2018, 6, 16)), Some(mayadin.clone()), "Israel", "a US official");
    let second = mention("a2", day(d(2018, 6, 17)), Some(abu_kamal()), "Israel", "Iraqi media");
    let mut third = mention("a3", day(d(2018, 6, 17)), Some(abu_kamal()), "Israel", "Syrian state TV");
    // a vaguer report supports the day it contains, not a rival day
    third.date = Some(month(2018, 6));
    let fourth = mention("a4", day(d(2018, 6, 17)), Some(loc("Syria", 163843, 35.0, 38.0, "country")), "Israel", "a monitor");
    let e = aggregate("ev", &[first.clone(), second.clone(), third, fourth], |a| a.to_string());
    assert_eq!(e.date.unwrap().start, d(2018, 6, 17));
    assert_eq!(e.location.unwrap().name, "Albu Kamal");
    // on a tie the first reported wins
    let e = aggregate("ev", &[first, second], |a| a.to_string());
    assert_eq!(e.date.unwrap().start, d(2018, 6, 16));
    assert_eq!(e.location.unwrap().name, "Mayadin");
}

#[test]
fn a_place_the_article_stands_in_counts_for_little_but_does_not_bar() {
    let stood_in = Location { precision: "article".into(), ..abu_kamal() };
    let event = event_of(&[mention("a1", day(d(2018, 6, 17)), Some(abu_kamal()), "Israel", "a US official")]);
    let told = score(&mention("a2", day(d(2018, 6, 17)), Some(abu_kamal()), "Israel", "state TV"), &event).unwrap();
    let same = score(&mention("a2", day(d(2018, 6, 17)), Some(stood_in), "Israel", "state TV"), &event).unwrap();
    let nowhere = score(&mention("a2", day(d(2018, 6, 17)), None, "Israel", "state TV"), &event).unwrap();
    // the same town, but only as the article's: less than told, more than nothing
    assert!(nowhere < same && same < told, "{nowhere} {same} {told}");
}

#[test]
fn a_place_the_article_stands_in_bars_no_merge_nor_splits_an_article() {
    let homs = loc("Homs", 169577, 34.72682, 36.72339, "town");
    let event = event_of(&[mention("a1", day(d(2018, 6, 17)), Some(abu_kamal()), "Israel", "a US official")]);
    // told in a sentence, a town 400 km away is another event
    assert!(score(&mention("a2", day(d(2018, 6, 17)), Some(homs.clone()), "Israel", "state TV"), &event).is_none());
    // stood in by the article, it is no bar
    let inferred = Location { precision: "article".into(), ..homs };
    assert!(score(&mention("a2", day(d(2018, 6, 17)), Some(inferred.clone()), "Israel", "state TV"), &event).is_some());
    // nor does it split an article's mentions
    let told = mention("a3", day(d(2018, 6, 17)), Some(abu_kamal()), "Israel", "a US official");
    let stood_in = MentionRecord { ordinal: 1, ..mention("a3", day(d(2018, 6, 17)), Some(inferred), "Israel", "state TV") };
    assert_eq!(within_article(&[told, stood_in]).len(), 1);
}

#[test]
fn the_wounded_are_the_most_hit_less_the_most_dead() {
    let count = |n: u32, text: &str| Count { min: Some(n), max: Some(n), text: Some(text.into()) };
    // one report counts seven hit (and so, alone, seven wounded); another counts two dead
    let hit = MentionRecord {
        hit: count(7, "seven people were shot"),
        injured: count(7, "seven people were shot"),
        ..mention("a1", day(d(2018, 6, 17)), Some(abu_kamal()), "Israel", "x")
    };
    let dead = MentionRecord { fatalities: count(2, "two of them died"), ..mention("a2", day(d(2018, 6, 17)), Some(abu_kamal()), "Israel", "y") };
    let e = event_of(&[hit.clone(), dead.clone()]).event;
    assert_eq!((e.fatalities.max, e.injured.min, e.injured.max), (Some(2), Some(5), Some(5)));
    assert_eq!(e.injured.text.as_deref(), Some("seven people were shot"));
    // a report that counts the wounded outright is believed
    let wounded = MentionRecord { injured: count(6, "six were wounded"), ..mention("a3", day(d(2018, 6, 17)), Some(abu_kamal()), "Israel", "z") };
    assert_eq!(event_of(&[hit.clone(), dead.clone(), wounded]).event.injured.max, Some(6));
    // but a report of one of them hurt ("a third victim was hospitalized") counts fewer than
    // the hit who lived: it does not undo them
    let one = MentionRecord { injured: count(1, "a third victim was hospitalized"), ..mention("a4", day(d(2018, 6, 17)), Some(abu_kamal()), "Israel", "w") };
    let e = event_of(&[hit, dead, one]).event;
    assert_eq!((e.injured.min, e.injured.max), (Some(1), Some(5)));
}

#[test]
fn wounded_counted_before_anyone_died_include_the_later_dead() {
    let count = |n: u32, text: &str| Count { min: Some(n), max: Some(n), text: Some(text.into()) };
    let shot = d(2016, 11, 23);
    // the day of the shooting: a boy in critical condition; the next day: the boy is dead
    let early = MentionRecord { injured: count(1, "he was listed in critical condition"), ..mention("a1", day(shot), Some(abu_kamal()), "Israel", "x") };
    let late = MentionRecord {
        fatalities: count(1, "the boy died"),
        published: Some(d(2016, 11, 24)),
        ..mention("a2", day(shot), Some(abu_kamal()), "Israel", "y")
    };
    let e = event_of(&[early.clone(), late.clone()]).event;
    assert_eq!((e.fatalities.max, e.injured.max), (Some(1), Some(0)));
    // a report of the same day as the first to tell a death counts wounded besides the dead
    let same_day = MentionRecord { published: Some(d(2016, 11, 24)), ..early };
    let e = event_of(&[same_day, late]).event;
    assert_eq!((e.fatalities.max, e.injured.max), (Some(1), Some(1)));
}

#[test]
fn a_county_the_article_stands_in_says_more_than_the_state_a_sentence_tells() {
    let in_state = |name: &str, id: u64, lat: f64, lon: f64, kind: &str, state: &str, precision: &str| Location {
        admin1: Some(state.into()),
        country: Some("US".into()),
        precision: precision.into(),
        ..loc(name, id, lat, lon, kind)
    };
    let oklahoma = in_state("Oklahoma", 4544379, 35.49, -97.5, "admin1", "Oklahoma", "in");
    let wagoner = in_state("Wagoner County", 4553433, 35.96, -95.52, "admin2", "Oklahoma", "article");
    let day_of = day(d(2017, 3, 27));
    let told = mention("a1", day_of.clone(), Some(oklahoma.clone()), "a homeowner's son", "officials");
    let dateline = mention("a2", day_of.clone(), Some(wagoner.clone()), "a homeowner's son", "officials");
    assert_eq!(event_of(&[told.clone(), dateline.clone()]).event.location.unwrap().name, "Wagoner County");
    // a county of another state, or a town the article stands in (an outlet's home), does not
    let elsewhere = mention("a2", day_of.clone(), Some(Location { admin1: Some("Arkansas".into()), ..wagoner }), "a homeowner's son", "officials");
    assert_eq!(event_of(&[told.clone(), elsewhere]).event.location.unwrap().name, "Oklahoma");
    let tulsa = in_state("Tulsa", 4553433, 36.15, -95.99, "town", "Oklahoma", "article");
    let home = mention("a2", day_of, Some(tulsa), "a homeowner's son", "officials");
    assert_eq!(event_of(&[told, home]).event.location.unwrap().name, "Oklahoma");
}

#[test]
fn an_event_keeps_the_targets_most_reports_name() {
    let d = day(NaiveDate::from_ymd_opt(2018, 6, 17).unwrap());
    let with = |article: &str, names: &[&str]| MentionRecord {
        targets: names.iter().map(|n| Target { name: n.to_string() }).collect(),
        ..mention(article, d.clone(), Some(abu_kamal()), "Israel", "a US official")
    };
    let reports = [
        with("a1", &["a checkpoint", "the convoy"]),
        with("a2", &["pro-regime forces", "a depot", "a school"]),
        with("a3", &["pro-regime forces", "a bridge"]),
        with("a4", &["pro-regime forces", "the convoy", "a mosque"]),
    ];
    let e = aggregate("ev", &reports, |a| a.to_string());
    let names: Vec<&str> = e.targets.iter().map(|t| t.name.as_str()).collect();
    // the most named first, then the first named of the rest, five at most
    assert_eq!(names, ["pro-regime forces", "the convoy", "a checkpoint", "a depot", "a school"]);
}

#[test]
fn the_site_one_report_names_in_the_events_place_is_the_events() {
    let town = || loc("Abu Kamal", 174448, 34.45, 40.92, "town");
    let at_site = Location { site: Some("Hamdan airport".into()), ..town() };
    let plain = mention("a1", day(d(2018, 6, 17)), Some(town()), "Israel", "a US official");
    let detailed = mention("a2", day(d(2018, 6, 17)), Some(at_site), "Israel", "SANA");
    for order in [[plain.clone(), detailed.clone()], [detailed.clone(), plain.clone()]] {
        assert_eq!(event_of(&order).event.location.unwrap().site.as_deref(), Some("Hamdan airport"));
    }
    // a site in another place is not the event's
    let elsewhere = mention("a2", day(d(2018, 6, 17)), Some(Location { site: Some("Palmyra airbase".into()), ..loc("Palmyra", 170017, 34.56, 38.28, "town") }), "Israel", "SANA");
    let e = event_of(&[plain.clone(), plain.clone(), elsewhere]).event;
    assert_eq!(e.location.as_ref().map(|l| (l.name.as_str(), l.site.as_deref())), Some(("Abu Kamal", None)));
}

#[test]
fn the_same_street_named_by_two_reports_joins_a_suburb_to_its_city() {
    // "Englewood" and "Chicago": towns close by, no sign of the same shooting by themselves;
    // the same street, however each report writes it, is
    let at = |name: &str, id: u64, lat: f64, lon: f64, site: Option<&str>| Location {
        admin1: Some("Illinois".into()),
        country: Some("US".into()),
        precision: "in".into(),
        site: site.map(str::to_string),
        ..loc(name, id, lat, lon, "town")
    };
    let shooting = |a: &str, l: Location| MentionRecord { actors: vec![], ..mention(a, day(d(2016, 7, 4)), Some(l), "", "") };
    let city = event_of(&[shooting("a1", at("Chicago", 4887398, 41.85, -87.65, Some("South Racine Avenue")))]);
    let suburb = |site: Option<&str>| shooting("a2", at("Englewood", 4890009, 41.78, -87.64, site));
    assert!(score(&suburb(None), &city).unwrap() < JOIN_THRESHOLD);
    assert!(score(&suburb(Some("S. Racine Ave.")), &city).unwrap() >= JOIN_THRESHOLD);
    assert!(score(&suburb(Some("West 63rd Street and South Racine Avenue")), &city).unwrap() >= JOIN_THRESHOLD);
    assert!(score(&suburb(Some("South Ashland Avenue")), &city).unwrap() < JOIN_THRESHOLD);
}
