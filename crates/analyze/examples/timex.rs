//! Prints the time expressions found in standard input, normalized against the date given
//! as the first argument (YYYY-MM-DD): a quick way to check a reading.
use std::io::Read;

fn main() {
    let Some(dct) = std::env::args().nth(1).and_then(|a| a.parse::<chrono::NaiveDate>().ok()) else {
        eprintln!("usage: timex YYYY-MM-DD < text");
        std::process::exit(2);
    };
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("timex: standard input is not UTF-8 text");
        std::process::exit(1);
    }
    for t in sitrep_analyze::timex::find(&text, dct) {
        println!("{:?} -> {} ({}) {:?}", &text[t.start..t.end], t.value, t.precision.name(), t.range);
    }
}
