//! Prints the casualty phrases found in each line of standard input: a quick way to see why
//! a figure was or was not read.
use std::io::BufRead;

fn main() {
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else {
            eprintln!("casualties: standard input is not UTF-8 text");
            std::process::exit(1);
        };
        println!("{line}");
        for c in sitrep_analyze::casualties::find(&line) {
            println!("    {:?} {:?}..{:?} {:?}", c.harm, c.min, c.max, &line[c.start..c.end]);
        }
    }
}
