//! `sitrep eval coref`: event coreference within and across documents on ECB+ (see
//! ../shared/bench/README.md, section coref), scored with the CoNLL-2012 metrics the field
//! reports (MUC, B³, CEAF-e and their mean), once with the gold event mentions and once with
//! the mentions sitrep's extractor finds.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use serde_json::json;

/// Average TF-IDF cosine at which two groups of one topic's documents are taken to tell the
/// same story; calibrated on ecbplus-train.jsonl (see the README's quality table).
const STORY_THRESHOLD: f64 = 0.05;

#[derive(Args)]
pub struct CorefArgs {
    /// ECB+ JSONL (e.g. ../shared/bench/coref/ecbplus-dev.jsonl).
    #[arg(long)]
    data: PathBuf,
    /// Override the story-grouping threshold (for calibrating it on the training topics).
    #[arg(long, default_value_t = STORY_THRESHOLD)]
    story_threshold: f64,
    #[arg(long, value_enum, default_value = "table")]
    format: crate::Format,
}

/// One ECB+ document with its annotated event mentions.
struct Doc {
    topic: i64,
    text: String,
    annotated: BTreeSet<usize>,
    /// (byte start, byte end, text, gold chain)
    events: Vec<(usize, usize, String, String)>,
}

fn read_docs(path: &std::path::Path) -> Result<Vec<Doc>> {
    let mut docs = Vec::new();
    for (i, v) in crate::eval::read_jsonl(path)?.into_iter().enumerate() {
        let bad = || format!("{}: line {}: not an ECB+ document", path.display(), i + 1);
        let id = v["doc_id"].as_str().with_context(bad)?.to_string();
        let text = v["text"].as_str().with_context(bad)?.to_string();
        let annotated: BTreeSet<usize> =
            v["sentences_annotated"].as_array().with_context(bad)?.iter().filter_map(|s| s.as_u64()).map(|s| s as usize).collect();
        let mut events = Vec::new();
        for m in v["mentions"].as_array().with_context(bad)? {
            let kind = m["kind"].as_str().unwrap_or("");
            let sentence = m["sentence"].as_u64().unwrap_or(u64::MAX) as usize;
            if !(kind.starts_with("ACTION") || kind.starts_with("NEG_ACTION")) || !annotated.contains(&sentence) {
                continue;
            }
            let (Some(s), Some(e)) = (m["byte_start"].as_u64(), m["byte_end"].as_u64()) else { continue };
            // cross-document chain, else a chain inside this document, else a singleton
            let chain = match (m["chain"].as_str(), m["intra_chain"].as_str()) {
                (Some(c), _) => c.to_string(),
                (None, Some(c)) => format!("{id}/{c}"),
                (None, None) => format!("{id}/m{}", crate::eval::id_of(&m["id"]).unwrap_or_default()),
            };
            events.push((s as usize, e as usize, m["text"].as_str().unwrap_or("").to_string(), chain));
        }
        docs.push(Doc { topic: v["topic"].as_i64().with_context(bad)?, text, annotated, events });
    }
    Ok(docs)
}

/// Precision, recall and F1 of one metric.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Prf {
    pub p: f64,
    pub r: f64,
    pub f: f64,
}

fn prf(p: f64, r: f64) -> Prf {
    Prf { p, r, f: if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 } }
}

/// Clusters of mention ids; ids absent from the other side are twinless mentions.
type Clusters = [Vec<usize>];

fn owner(clusters: &Clusters) -> HashMap<usize, usize> {
    clusters.iter().enumerate().flat_map(|(c, ms)| ms.iter().map(move |&m| (m, c))).collect()
}

/// MUC (Vilain et al. 1995): links kept. Recall counts, per key cluster, its size minus the
/// number of pieces the response cuts it into (a mention the response lacks is a piece).
fn muc_side(key: &Clusters, response: &Clusters) -> f64 {
    let of = owner(response);
    let (mut num, mut den) = (0.0, 0.0);
    for k in key {
        let mut pieces = BTreeSet::new();
        let mut alone = 0;
        for m in k {
            match of.get(m) {
                Some(&c) => {
                    pieces.insert(c);
                }
                None => alone += 1,
            }
        }
        num += (k.len() - pieces.len() - alone) as f64;
        den += (k.len() - 1) as f64;
    }
    if den > 0.0 { num / den } else { 0.0 }
}

/// B³ (Bagga & Baldwin 1998) as the CoNLL reference scorer computes it with twinless mentions.
fn b3_side(key: &Clusters, response: &Clusters) -> f64 {
    let of = owner(response);
    let (mut num, mut den) = (0.0, 0.0);
    for k in key {
        let mut overlap: HashMap<usize, usize> = HashMap::new();
        for m in k {
            if let Some(&c) = of.get(m) {
                *overlap.entry(c).or_default() += 1;
            }
        }
        num += overlap.values().map(|&n| (n * n) as f64).sum::<f64>() / k.len() as f64;
        den += k.len() as f64;
    }
    if den > 0.0 { num / den } else { 0.0 }
}

/// CEAF-e (Luo 2005): the best one-to-one alignment of key and response clusters under
/// φ4 = 2|K∩R| / (|K|+|R|). Clusters that share no mention never align, so the assignment
/// is solved per connected group of clusters.
fn ceafe(key: &Clusters, response: &Clusters) -> Prf {
    let (kof, rof) = (owner(key), owner(response));
    let mut seen_k = vec![false; key.len()];
    let mut total = 0.0;
    for start in 0..key.len() {
        if seen_k[start] {
            continue;
        }
        // the key and response clusters connected to `start` through shared mentions
        let (mut ks, mut rs) = (vec![start], Vec::new());
        seen_k[start] = true;
        let mut seen_r = BTreeSet::new();
        let mut i = 0;
        while i < ks.len() {
            for m in &key[ks[i]] {
                if let Some(&r) = rof.get(m).filter(|r| seen_r.insert(**r)) {
                    rs.push(r);
                    for m2 in &response[r] {
                        if let Some(&k2) = kof.get(m2).filter(|k2| !seen_k[**k2]) {
                            seen_k[k2] = true;
                            ks.push(k2);
                        }
                    }
                }
            }
            i += 1;
        }
        if rs.is_empty() {
            continue;
        }
        const SCALE: f64 = 1e9;
        let phi = |k: usize, r: usize| -> i64 {
            let common = key[k].iter().filter(|m| rof.get(m) == Some(&r)).count();
            (2.0 * common as f64 / (key[k].len() + response[r].len()) as f64 * SCALE).round() as i64
        };
        let (rows, cols) = if ks.len() <= rs.len() { (&ks, &rs) } else { (&rs, &ks) };
        let key_rows = ks.len() <= rs.len();
        let weights: Vec<Vec<i64>> =
            rows.iter().map(|&a| cols.iter().map(|&b| if key_rows { phi(a, b) } else { phi(b, a) }).collect()).collect();
        let matrix = pathfinding::matrix::Matrix::from_rows(weights).expect("rows of equal length");
        let (best, _) = pathfinding::kuhn_munkres::kuhn_munkres(&matrix);
        total += best as f64 / SCALE;
    }
    let r = if key.is_empty() { 0.0 } else { total / key.len() as f64 };
    let p = if response.is_empty() { 0.0 } else { total / response.len() as f64 };
    prf(p, r)
}

/// MUC, B³ and CEAF-e of a response against a key, and the CoNLL F1 (their mean).
pub(crate) fn conll(key: &Clusters, response: &Clusters) -> [Prf; 4] {
    let muc = prf(muc_side(response, key), muc_side(key, response));
    let b3 = prf(b3_side(response, key), b3_side(key, response));
    let ce = ceafe(key, response);
    let avg = (muc.f + b3.f + ce.f) / 3.0;
    [muc, b3, ce, Prf { p: (muc.p + b3.p + ce.p) / 3.0, r: (muc.r + b3.r + ce.r) / 3.0, f: avg }]
}

fn group(labels: impl IntoIterator<Item = (usize, String)>) -> Vec<Vec<usize>> {
    let mut by: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (id, label) in labels {
        by.entry(label).or_default().push(id);
    }
    by.into_values().collect()
}

fn metrics_json(s: &[Prf; 4], key_mentions: usize, response_mentions: usize) -> serde_json::Value {
    let one = |p: &Prf| json!({"precision": p.p, "recall": p.r, "f1": p.f});
    json!({
        "muc": one(&s[0]), "b3": one(&s[1]), "ceafe": one(&s[2]), "conll_f1": s[3].f,
        "key_mentions": key_mentions, "response_mentions": response_mentions,
    })
}

pub fn run(a: CorefArgs) -> Result<()> {
    let docs = read_docs(&a.data)?;
    // stories: documents of one topic grouped by their words
    let mut story: Vec<String> = vec![String::new(); docs.len()];
    let mut topics: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        topics.entry(d.topic).or_default().push(i);
    }
    for (t, members) in &topics {
        let texts: Vec<&str> = members.iter().map(|&i| docs[i].text.as_str()).collect();
        for (&i, g) in members.iter().zip(sitrep_merge::lexical::story_groups(&texts, a.story_threshold)) {
            story[i] = format!("{t}/{g}");
        }
    }
    // the key: every gold event mention, numbered
    let mut key_labels = Vec::new();
    let mut gold_at: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); docs.len()];
    let mut gold_response = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        for (s, e, text, chain) in &d.events {
            let id = key_labels.len();
            key_labels.push((id, chain.clone()));
            gold_at[i].push((*s, *e, id));
            gold_response.push((id, format!("{}/{}", story[i], sitrep_merge::lexical::predicate_key(text))));
        }
    }
    let key = group(key_labels.iter().cloned());
    let with_gold = conll(&key, &group(gold_response));

    // sitrep's own event mentions in the annotated sentences, aligned to a gold mention their
    // trigger overlaps (else twinless); ECB+ documents carry no date, so any day serves
    let day = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
    let mut next_id = key_labels.len();
    let mut predicted = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let mut taken = BTreeSet::new();
        for m in sitrep_extract::mentions::extract(&d.text, day).into_iter().filter(|m| m.modality.is_event()) {
            let (s, e) = m.trigger;
            let sentence = d.text[..s].matches('\n').count();
            if !d.annotated.contains(&sentence) {
                continue;
            }
            let id = match gold_at[i].iter().find(|(gs, ge, id)| *gs < e && s < *ge && !taken.contains(id)) {
                Some(&(_, _, id)) => id,
                None => {
                    next_id += 1;
                    next_id
                }
            };
            if taken.insert(id) {
                predicted.push((id, format!("{}/{}", story[i], sitrep_merge::lexical::predicate_key(&d.text[s..e]))));
            }
        }
    }
    let n_pred = predicted.len();
    let with_predicted = conll(&key, &group(predicted));
    let m = json!({
        "documents": docs.len(),
        "topics": topics.len(),
        "stories": story.iter().collect::<BTreeSet<_>>().len(),
        "gold_mentions": metrics_json(&with_gold, key_labels.len(), key_labels.len()),
        "predicted_mentions": metrics_json(&with_predicted, key_labels.len(), n_pred),
    });
    if a.format != crate::Format::Table {
        return crate::eval::report(a.format, &m);
    }
    println!("{} documents, {} topics, {} stories found; {} gold event mentions", docs.len(), topics.len(), m["stories"], key_labels.len());
    println!("{:<20} {:>7} {:>7} {:>7} {:>7} {:>9}", "mentions", "MUC", "B3", "CEAF-e", "CoNLL", "mentions");
    for (name, s, n) in [("gold", &with_gold, key_labels.len()), ("sitrep's own", &with_predicted, n_pred)] {
        println!("{name:<20} {:>7.3} {:>7.3} {:>7.3} {:>7.3} {n:>9}", s[0].f, s[1].f, s[2].f, s[3].f);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn a_perfect_response_scores_one_everywhere() {
        let key = vec![vec![0, 1, 2], vec![3], vec![4, 5]];
        for s in conll(&key, &key) {
            assert!(close(s.f, 1.0), "{s:?}");
        }
    }

    #[test]
    fn metrics_match_hand_computed_values() {
        // key {a,b,c} {d,e}; response {a,b} {c,d,e}
        let key = vec![vec![0, 1, 2], vec![3, 4]];
        let response = vec![vec![0, 1], vec![2, 3, 4]];
        let [muc, b3, ce, all] = conll(&key, &response);
        // MUC: recall (3-2 + 2-1)/(2+1) = 2/3; precision (2-1 + 3-2)/(1+2) = 2/3
        assert!(close(muc.r, 2.0 / 3.0) && close(muc.p, 2.0 / 3.0), "{muc:?}");
        // B³ recall: a,b 2/3 each, c 1/3, d,e 1 each → (2/3+2/3+1/3+1+1)/5 = 11/15
        assert!(close(b3.r, 11.0 / 15.0), "{b3:?}");
        // B³ precision: a,b 1 each, c 1/3, d,e 2/3 each → (1+1+1/3+2/3+2/3)/5 = 11/15
        assert!(close(b3.p, 11.0 / 15.0), "{b3:?}");
        // CEAF-e: align {a,b,c}-{a,b} (φ=4/5) and {d,e}-{c,d,e} (φ=4/5): 1.6 / 2 each side
        assert!(close(ce.r, 0.8) && close(ce.p, 0.8), "{ce:?}");
        assert!(close(all.f, (2.0 / 3.0 + 11.0 / 15.0 + 0.8) / 3.0), "{all:?}");
    }

    #[test]
    fn twinless_mentions_cost_precision_and_missing_ones_recall() {
        let key = vec![vec![0, 1], vec![2]];
        // the response misses mention 2 and invents mention 9 in the cluster of 0 and 1
        let response = vec![vec![0, 1, 9]];
        let [muc, b3, ce, _] = conll(&key, &response);
        assert!(close(muc.r, 1.0) && close(muc.p, 0.5), "{muc:?}");
        // B³ recall: 0,1 full, 2 missing → 2/3; precision: 0,1 2/3 each, 9 0 → 4/9
        assert!(close(b3.r, 2.0 / 3.0) && close(b3.p, 4.0 / 9.0), "{b3:?}");
        // CEAF-e: {0,1}-{0,1,9} φ = 4/5; recall over 2 key clusters, precision over 1
        assert!(close(ce.r, 0.4) && close(ce.p, 0.8), "{ce:?}");
    }
}
