//! The name index: every folded form of every name, in an FST whose value points at the
//! form's candidate places. Built once at compile time for the embedded gazetteer
//! (`build.rs` includes this file), or at run time for a gazetteer read from files.

use std::io::BufRead;

/// Whether a line of `places.tsv` is a record (the i-th record is place number i).
pub fn is_record(line: &str) -> bool {
    !line.starts_with('#') && !line.is_empty()
}

/// The built index: FST bytes, and per FST value `v` the candidates
/// `cands[starts[v]..starts[v + 1]]`, each `place << 1 | adjective`.
pub struct Built {
    pub fst: Vec<u8>,
    pub starts: Vec<u32>,
    pub cands: Vec<u32>,
}

/// Indexes `names.tsv` (name, place id, `d` for an adjective) given the place number of
/// each id; names of unknown places are skipped.
pub fn build(names_tsv: impl BufRead, place_number: impl Fn(&str) -> Option<u32>) -> Result<Built, String> {
    let mut entries: Vec<(String, u32)> = Vec::with_capacity(1_500_000);
    for (i, line) in names_tsv.lines().enumerate() {
        let line = line.map_err(|e| format!("names line {}: {e}", i + 1))?;
        if !is_record(&line) {
            continue;
        }
        let mut f = line.split('\t');
        let (Some(name), Some(id), Some(flag)) = (f.next(), f.next(), f.next()) else {
            return Err(format!("names line {}: expected 3 fields", i + 1));
        };
        let Some(place) = place_number(id) else { continue };
        let cand = place << 1 | (flag == "d") as u32;
        for form in crate::fold::index_forms(name) {
            entries.push((form, cand));
        }
    }
    // one entry per form and place (the name reading before the adjective one)
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    entries.dedup_by(|a, b| a.0 == b.0 && a.1 >> 1 == b.1 >> 1);
    let mut builder = fst::MapBuilder::memory();
    let (mut starts, mut cands) = (vec![0u32], Vec::with_capacity(entries.len()));
    for group in entries.chunk_by(|a, b| a.0 == b.0) {
        builder.insert(group[0].0.as_bytes(), (starts.len() - 1) as u64).map_err(|e| e.to_string())?;
        cands.extend(group.iter().map(|e| e.1));
        starts.push(cands.len() as u32);
    }
    Ok(Built { fst: builder.into_inner().map_err(|e| e.to_string())?, starts, cands })
}
