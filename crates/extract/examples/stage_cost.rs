//! Times each analysis step that extraction runs, one after the other over the same articles
//! (a JSONL with `text` and `published` fields, as the bench's): which step to make cheaper.
//! `taskset -c 0 cargo run --release -p sitrep-extract --example stage_cost < articles.jsonl`
//! With `WARM=1` the whole extraction runs three times before the steps are timed, so the
//! regex engines' lazy DFAs hold the states the text needs: the steady cost of a long ingest,
//! where without it each step also pays for building them.
use std::io::BufRead;
use std::time::Instant;

fn main() {
    let mut texts: Vec<(String, chrono::NaiveDate)> = Vec::new();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else { continue };
        let Some(text) = v["text"].as_str() else { continue };
        let dct = v["published"].as_str().and_then(|d| d.get(..10)?.parse().ok()).unwrap_or_default();
        texts.push((text.to_string(), dct));
    }
    let gaz = sitrep_gazetteer::Gazetteer::embedded();
    let lex = sitrep_extract::triggers::Lexicon::embedded();
    // the dictionaries load on first use: load them before timing
    let warm = "Israeli forces killed 2 in Gaza, police said Monday. John Smith was hurt.";
    let _ = sitrep_extract::mentions::extract(warm, chrono::NaiveDate::default());
    if std::env::var_os("WARM").is_some() {
        for _ in 0..3 {
            let _: usize = texts.iter().map(|(text, dct)| sitrep_extract::mentions::extract(text, *dct).len()).sum();
        }
    }
    let sentences: Vec<Vec<(usize, usize)>> = texts.iter().map(|(t, _)| sitrep_analyze::sentences::split(t)).collect();
    let mut total = 0.0;
    let mut step = |name: &str, f: &mut dyn FnMut(&str, chrono::NaiveDate, &[(usize, usize)]) -> usize| {
        let t = Instant::now();
        let n: usize = texts.iter().zip(&sentences).map(|((text, dct), ss)| f(text, *dct, ss)).sum();
        let ms = t.elapsed().as_secs_f64() * 1e3;
        total += ms;
        println!("{ms:>9.1} ms  {name:<22} ({n} found)");
    };
    step("sentences", &mut |t, _, _| sitrep_analyze::sentences::split(t).len());
    step("places (gazetteer)", &mut |t, _, _| gaz.find(t).len());
    step("places resolved", &mut |t, _, _| sitrep_resolve::resolve_places(gaz, t, &gaz.find(t)).len());
    step("time expressions", &mut |t, d, _| sitrep_analyze::timex::find(t, d).len());
    step("actors", &mut |t, d, _| sitrep_analyze::actors::find_dated(t, Some(d)).len());
    step("  of which curated", &mut |t, _, _| sitrep_analyze::actors::find(t).len());
    step("people", &mut |t, _, _| sitrep_analyze::persons::find(t).len());
    step("triggers per sentence", &mut |t, _, ss| ss.iter().map(|&(s, e)| lex.score(&t[s..e]).len()).sum());
    step("casualties per sentence", &mut |t, _, ss| ss.iter().map(|&(s, e)| sitrep_analyze::casualties::find(&t[s..e]).len()).sum());
    println!("{total:>9.1} ms  the steps above");
    let t = Instant::now();
    let n: usize = texts.iter().map(|(text, dct)| sitrep_extract::mentions::extract(text, *dct).len()).sum();
    println!("{:>9.1} ms  whole extraction ({n} mentions, {} articles)", t.elapsed().as_secs_f64() * 1e3, texts.len());
}
