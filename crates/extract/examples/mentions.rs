//! Prints the event mentions found in the text given on standard input, read as published on
//! the date given as the first argument (default 2016-06-15): a quick way to see why a
//! sentence did or did not become an event, or got the date, place and counts it got. With
//! `HEADLINE` set in the environment, the text is read as an article under that headline
//! (whose mentions stand in when the body tells no event), and `OUTLET` names its outlet.
use std::io::Read;

fn main() {
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("mentions: standard input is not UTF-8 text");
        std::process::exit(1);
    }
    let dct = std::env::args().nth(1).unwrap_or_else(|| "2016-06-15".into());
    let Ok(dct) = chrono::NaiveDate::parse_from_str(&dct, "%Y-%m-%d") else {
        eprintln!("mentions: {dct:?} is not a YYYY-MM-DD date");
        std::process::exit(1);
    };
    let headline = std::env::var("HEADLINE").ok();
    let outlet = std::env::var("OUTLET").ok();
    let (found, text) = match headline.as_deref() {
        Some(h) => {
            let page = sitrep_extract::mentions::Page { headline: Some(h), outlet: outlet.as_deref(), ..Default::default() };
            let (found, text, _) = sitrep_extract::mentions::extract_article(&text, page, dct);
            (found, text.to_string())
        }
        None => (sitrep_extract::mentions::extract(&text, dct), text.clone()),
    };
    for m in found {
        println!(
            "{:?} {} {:?} date={:?} place={:?} site={:?} killed={:?} injured={:?} hit={:?} targets={:?} by={:?}",
            &text[m.trigger.0..m.trigger.1],
            m.subtype,
            m.modality,
            m.date.as_ref().map(|d| (&text[d.start..d.end], d.value.clone())),
            m.place.as_ref().map(|p| (&text[p.span.0..p.span.1], p.precision, sitrep_gazetteer::Gazetteer::embedded().place(p.place).country.as_str())),
            m.site.map(|(s, e)| &text[s..e]),
            m.fatalities.as_ref().map(|c| (c.min, c.max)),
            m.injured.as_ref().map(|c| (c.min, c.max)),
            m.hit.as_ref().map(|c| (c.min, c.max)),
            m.targets.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
            m.perpetrators.iter().map(|p| (p.name.as_str(), p.claims.iter().map(|c| (c.by.as_deref().unwrap_or("-"), c.stance.name())).collect::<Vec<_>>())).collect::<Vec<_>>(),
        );
    }
}
