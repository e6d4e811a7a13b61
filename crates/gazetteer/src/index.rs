//! The name index: every folded form of every name, in an FST whose value points at the
//! form's candidate places. Built once at compile time for the embedded gazetteer
//! (`build.rs` includes this file), or at run time for a gazetteer read from files.

use std::io::BufRead;

/// Whether a line of `places.tsv` is a record (the i-th record is place number i).
pub fn is_record(line: &str) -> bool {
    !line.starts_with('#') && !line.is_empty()
}

/// The built index: FST bytes, and per FST value `v` the candidates
/// `cands[starts[v]..starts[v + 1]]`, each `place << 2 | adjective << 1 | alternate` (see
/// [`decode`]).
pub struct Built {
    pub fst: Vec<u8>,
    pub starts: Vec<u32>,
    pub cands: Vec<u32>,
}

/// A candidate's place number, whether the form is an adjective of the place ("Syrian"), and
/// whether it is an alternate name rather than a form of the place's own ("Salisbury" for
/// Harare).
pub fn decode(c: u32) -> (u32, bool, bool) {
    (c >> 2, c & 2 != 0, c & 1 != 0)
}

/// Indexes `names.tsv` (name, place id, `d` for an adjective) given the number and own name
/// of each place id; names of unknown places are skipped.
pub fn build<'p>(names_tsv: impl BufRead, place: impl Fn(&str) -> Option<(u32, &'p str)>) -> Result<Built, String> {
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
        let Some((number, own)) = place(id) else { continue };
        let alternate = crate::fold::fold(name) != crate::fold::fold(own);
        let cand = number << 2 | ((flag == "d") as u32) << 1 | alternate as u32;
        for form in crate::fold::index_forms(name) {
            entries.push((form, cand));
        }
    }
    // one entry per form and place (the name reading before the adjective one, the place's
    // own name before an alternate)
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    entries.dedup_by(|a, b| a.0 == b.0 && a.1 >> 2 == b.1 >> 2);
    let mut builder = fst::MapBuilder::memory();
    let (mut starts, mut cands) = (vec![0u32], Vec::with_capacity(entries.len()));
    for group in entries.chunk_by(|a, b| a.0 == b.0) {
        builder.insert(group[0].0.as_bytes(), (starts.len() - 1) as u64).map_err(|e| e.to_string())?;
        cands.extend(group.iter().map(|e| e.1));
        starts.push(cands.len() as u32);
    }
    Ok(Built { fst: builder.into_inner().map_err(|e| e.to_string())?, starts, cands })
}
