//! Where a local outlet is, learned from where its reports place their events.
//!
//! A local story names its town and leaves its state unsaid: "Police in Lebanon said a
//! 10-year-old boy accidentally shot himself" on a Nashville station's site is Lebanon,
//! Tennessee, not the country. The outlet's name says where it is only sometimes
//! ("delawareonline.com"); a call sign ("wsmv.com") or a paper's name ("dailypress.com")
//! does not. But the outlet's other reports do: most of them place their events, by a state
//! they name or a town only one state has, in the state the outlet serves. [`OutletHomes`]
//! counts their votes ([`OutletVote`]), and an article's
//! [`Page::learned_home`](crate::mentions::Page::learned_home) carries what it learned.

use std::collections::HashMap;

use sitrep_gazetteer::{Gazetteer, Kind};
use sitrep_model::OutletVote;

/// An outlet's home is learned from this many of its articles at least … (two let an
/// outlet's two reports of one story, placed wrongly alike, confirm each other: measured on
/// the dev incidents, placed within 50 km 0.8939 both ways, B3 0.9320 against 0.9336 with three)
const MIN_ARTICLES: u64 = 3;
/// … when this share of its articles with a placed event (at least) place one there
/// (0.5: 0.8949 within 50 km; 0.75 keeps too few homes: 0.8878).
const MIN_SHARE: f64 = 0.6;

/// How many of each outlet's articles place an event in each first-level division (a
/// state, a province) or, placed no finer, country: the evidence for [`OutletHomes::home`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutletHomes {
    outlets: HashMap<String, Tally>,
}

/// One outlet's counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Tally {
    /// Articles with at least one placed event.
    located: u64,
    /// Division key ([`sitrep_model::Location::division`]) -> articles placing an event there.
    divisions: HashMap<String, u64>,
}

impl OutletHomes {
    /// Counts one article's vote.
    pub fn add(&mut self, vote: &OutletVote) {
        if vote.divisions.is_empty() {
            return;
        }
        let t = self.outlets.entry(vote.outlet.clone()).or_default();
        t.located += 1;
        for d in &vote.divisions {
            *t.divisions.entry(d.clone()).or_default() += 1;
        }
    }

    /// Adds counts kept from earlier ingests: `articles` of `outlet`'s placed an event in
    /// `division`, or, with `division` `None`, placed one at all.
    pub fn add_counted(&mut self, outlet: &str, division: Option<&str>, articles: u64) {
        let t = self.outlets.entry(outlet.to_string()).or_default();
        match division {
            Some(d) => *t.divisions.entry(d.to_string()).or_default() += articles,
            None => t.located += articles,
        }
    }

    /// The division (gazetteer index of a state or a country) most of `outlet`'s placed
    /// reports are in, if they are many enough and agree enough to say it is its home; none
    /// for an outlet named after its place ("delawareonline.com"), whose name says it.
    pub fn home(&self, outlet: &str) -> Option<u32> {
        let t = self.outlets.get(outlet)?;
        let gaz = Gazetteer::embedded();
        if crate::mentions::outlet_place(gaz, outlet).is_some() {
            return None;
        }
        // the most votes; among equals, the first key, so that the answer is the same every time
        let (key, n) = t.divisions.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))?;
        if *n < MIN_ARTICLES || (*n as f64) < MIN_SHARE * t.located as f64 {
            return None;
        }
        division_place(gaz, key)
    }
}

/// The gazetteer entry of a division key (the name the records give it): "US/Tennessee"
/// the state, "SY" the country.
fn division_place(gaz: &Gazetteer, key: &str) -> Option<u32> {
    match key.split_once('/') {
        Some((cc, admin1)) => gaz.lookup(admin1).iter().map(|c| c.place).find(|&p| {
            let p = gaz.place(p);
            p.kind == Kind::Admin1 && p.country == cc && p.name == admin1
        }),
        None => gaz.country(key),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::{extract_article, Page};

    fn vote(outlet: &str, divisions: &[&str]) -> OutletVote {
        OutletVote { outlet: outlet.to_string(), divisions: divisions.iter().map(|d| d.to_string()).collect() }
    }

    fn name(p: Option<u32>) -> Option<String> {
        p.map(|p| Gazetteer::embedded().place(p).name.clone())
    }

    #[test]
    fn an_outlet_is_where_most_of_its_placed_reports_are() {
        let mut homes = OutletHomes::default();
        for v in [&["US/Tennessee"][..], &["US/Tennessee", "US/Kentucky"], &["US/Missouri"], &[], &["US/Tennessee"]] {
            homes.add(&vote("wsmv.com", v));
        }
        assert_eq!(name(homes.home("wsmv.com")), Some("Tennessee".to_string()));
        // two reports are too few, and a split outlet has no home
        homes.add(&vote("fox43.com", &["US/Pennsylvania"]));
        homes.add(&vote("fox43.com", &["US/Pennsylvania"]));
        assert_eq!(homes.home("fox43.com"), None);
        for d in ["US/Illinois", "US/New York", "US/Illinois", "US/New York", "US/Illinois", "US/New York"] {
            homes.add(&vote("dnainfo.com", &[d]));
        }
        assert_eq!(homes.home("dnainfo.com"), None);
        assert_eq!(homes.home("unknown.com"), None);
        // an outlet named after its place learns nothing
        for _ in 0..3 {
            homes.add(&vote("delawareonline.com", &["US/Delaware"]));
        }
        assert_eq!(homes.home("delawareonline.com"), None);
        // a country stands for an outlet abroad
        for _ in 0..3 {
            homes.add(&vote("sana.sy", &["SY"]));
        }
        assert_eq!(name(homes.home("sana.sy")), Some("Syria".to_string()));
    }

    #[test]
    fn counts_kept_by_a_store_teach_the_same_home() {
        let mut learned = OutletHomes::default();
        for v in [&["US/Virginia"][..], &["US/Virginia"], &["GB/England"], &["US/Virginia"]] {
            learned.add(&vote("dailypress.com", v));
        }
        let mut kept = OutletHomes::default();
        kept.add_counted("dailypress.com", None, 4);
        kept.add_counted("dailypress.com", Some("US/Virginia"), 3);
        kept.add_counted("dailypress.com", Some("GB/England"), 1);
        assert_eq!(kept, learned);
        assert_eq!(name(kept.home("dailypress.com")), Some("Virginia".to_string()));
    }

    #[test]
    fn a_learned_home_chooses_the_town_but_places_no_placeless_report() {
        let d = chrono::NaiveDate::from_ymd_opt(2016, 2, 18).unwrap();
        let mut homes = OutletHomes::default();
        for _ in 0..3 {
            homes.add(&vote("dailypress.com", &["US/Virginia"]));
        }
        let home = homes.home("dailypress.com");
        let place = |text: &str, learned_home: Option<u32>| {
            let (found, _, _) = extract_article(text, Page { outlet: Some("dailypress.com"), learned_home, ..Page::default() }, d);
            let m = found.into_iter().find(|m| m.modality.is_event()).expect("an event");
            m.place.map(|p| {
                let p = Gazetteer::embedded().place(p.place);
                (p.name.clone(), p.country.clone())
            })
        };
        let t = "Police said a 3-year-old boy in Suffolk shot himself Wednesday night.";
        assert_eq!(place(t, None), Some(("Suffolk".to_string(), "GB".to_string())));
        assert_eq!(place(t, home), Some(("Suffolk".to_string(), "US".to_string())));
        // the home is a preference among namesakes, not the place of a report that names none
        assert_eq!(place("Police said a 3-year-old boy shot himself Wednesday night.", home), None);
    }
}
