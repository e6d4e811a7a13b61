//! Prints the places found and resolved in the text given on standard input, and the sites
//! placed among them: a quick way to see why a name was or was not taken as a place.
use std::io::Read;

fn main() {
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("places: standard input is not UTF-8 text");
        std::process::exit(1);
    }
    let gaz = sitrep_gazetteer::Gazetteer::embedded();
    let matches = sitrep_analyze::places(&text);
    // `places --matches`: also the names found before grounding, with their candidates
    if std::env::args().any(|a| a == "--matches") {
        for m in &matches {
            let cands: Vec<String> = m.candidates.iter().map(|c| {
                let p = gaz.place(c.place);
                format!("{} {:?} {} pop {}", p.name, p.kind, p.country, p.population)
            }).collect();
            eprintln!("match {:?}: {}", &text[m.start..m.end], cands.join("; "));
        }
    }
    // (with the sites no gazetteer holds, placed in their town, marked "site")
    let resolved = sitrep_resolve::with_sites(gaz, &text, sitrep_resolve::resolve_places(gaz, &text, &matches));
    for r in resolved {
        let p = gaz.place(r.place);
        let site = if r.site { " site" } else { "" };
        println!("{:?}{site} -> {} {} ({:?}, {} {}, pop {})", &text[r.start..r.end], p.id, p.name, p.kind, p.admin1, p.country, p.population);
    }
}
