//! Builds the embedded gazetteer's name index at compile time, so that a run starts in
//! milliseconds instead of spending seconds folding and indexing 1.5 million name forms.

use std::io::{BufRead, BufReader, Write};

#[allow(dead_code)]
#[path = "src/fold.rs"]
mod fold;
#[allow(dead_code)]
#[path = "src/index.rs"]
mod index;

fn main() {
    // read when the script runs, not baked in when it is compiled: cargo may reuse the
    // compiled script for another checkout sharing the target directory
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let data = std::path::Path::new(&manifest).join("../../data/gazetteer");
    for f in ["places.tsv.gz", "names.tsv.gz"] {
        println!("cargo::rerun-if-changed={}", data.join(f).display());
    }
    println!("cargo::rerun-if-changed=src/fold.rs");
    println!("cargo::rerun-if-changed=src/index.rs");
    let open = |f: &str| BufReader::new(flate2::read::GzDecoder::new(std::fs::File::open(data.join(f)).expect("gazetteer data file")));
    let mut numbers = std::collections::HashMap::new();
    for line in open("places.tsv.gz").lines() {
        let line = line.expect("places.tsv.gz is gzip UTF-8");
        if index::is_record(&line) {
            let mut f = line.split('\t');
            let id = f.next().unwrap_or_default().to_string();
            let name = f.next().unwrap_or_default().to_string();
            let n = numbers.len() as u32;
            numbers.insert(id, (n, name));
        }
    }
    let built = index::build(open("names.tsv.gz"), |id| numbers.get(id).map(|(n, name)| (*n, name.as_str()))).expect("names.tsv.gz is well-formed");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("names.fst"), &built.fst).expect("write names.fst");
    for (name, values) in [("starts.u32", &built.starts), ("cands.u32", &built.cands)] {
        let mut f = std::io::BufWriter::new(std::fs::File::create(out.join(name)).expect("create index file"));
        for v in values.iter() {
            f.write_all(&v.to_le_bytes()).expect("write index file");
        }
    }
}
