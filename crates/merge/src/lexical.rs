//! Lexical evidence of identity for open-domain event mentions: which reports tell the same
//! story (TF-IDF cosine of their words), and which mentions in those reports name the same
//! happening (the same predicate lemma). Typed conflict mentions merge on date, place and
//! participants ([`crate::score`]); mentions of arbitrary events (ECB+'s "survived",
//! "escaped", "heist") have only their words, and this is the evidence they are merged on.

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

/// Words that carry no identity of an event (auxiliaries, particles, articles): skipped when
/// looking for a mention's head word and when weighing a document's words.
const STOP: &[&str] = &[
    "a", "an", "the", "be", "been", "being", "was", "were", "is", "are", "am", "has", "have", "had", "having", "do",
    "did", "does", "to", "of", "in", "on", "at", "by", "for", "with", "from", "up", "out", "off", "down", "over", "and",
    "or", "but", "not", "no", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "you", "i",
    "his", "her", "their", "our", "your", "my", "as", "will", "would", "could", "should", "may", "might", "can",
    "said", "says", "say", "also", "after", "before", "into", "who", "which", "what", "when", "where", "than", "then",
    "there", "here", "about", "more", "most", "one", "two", "new", "s", "get", "got",
];

fn is_stop(w: &str) -> bool {
    STOP.contains(&w)
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// The lemma key of a mention's predicate: the stem of its first content word ("was
/// arrested" → "arrest", "arrests" → "arrest"), or of its last word when all are function words.
pub fn predicate_key(mention: &str) -> String {
    let stemmer = Stemmer::create(Algorithm::English);
    let all: Vec<String> = words(mention).collect();
    let head = all.iter().find(|w| !is_stop(w)).or(all.last());
    head.map(|w| stemmer.stem(w).into_owned()).unwrap_or_default()
}

/// Groups documents that tell the same story: average-link agglomerative clustering on the
/// TF-IDF cosine of their stemmed content words, merging while the closest pair of groups is
/// at least `threshold` similar. Returns a group number per document.
pub fn story_groups(docs: &[&str], threshold: f64) -> Vec<usize> {
    let stemmer = Stemmer::create(Algorithm::English);
    let bags: Vec<HashMap<String, f64>> = docs
        .iter()
        .map(|d| {
            let mut tf: HashMap<String, f64> = HashMap::new();
            for w in words(d).filter(|w| w.len() > 2 && !is_stop(w) && !w.chars().all(|c| c.is_ascii_digit())) {
                *tf.entry(stemmer.stem(&w).into_owned()).or_default() += 1.0;
            }
            tf
        })
        .collect();
    let mut df: HashMap<&str, f64> = HashMap::new();
    for b in &bags {
        for w in b.keys() {
            *df.entry(w.as_str()).or_default() += 1.0;
        }
    }
    let n = docs.len() as f64;
    let vectors: Vec<HashMap<&str, f64>> = bags
        .iter()
        .map(|b| {
            let mut v: HashMap<&str, f64> =
                b.iter().map(|(w, tf)| (w.as_str(), (1.0 + tf.ln()) * ((1.0 + n) / (1.0 + df[w.as_str()])).ln())).collect();
            let norm = v.values().map(|x| x * x).sum::<f64>().sqrt().max(1e-12);
            v.values_mut().for_each(|x| *x /= norm);
            v
        })
        .collect();
    let cos = |a: &HashMap<&str, f64>, b: &HashMap<&str, f64>| -> f64 {
        let (small, large) = if a.len() < b.len() { (a, b) } else { (b, a) };
        small.iter().filter_map(|(w, x)| large.get(w).map(|y| x * y)).sum()
    };
    let sim: Vec<Vec<f64>> = vectors.iter().map(|a| vectors.iter().map(|b| cos(a, b)).collect()).collect();
    let mut groups: Vec<Vec<usize>> = (0..docs.len()).map(|i| vec![i]).collect();
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for i in 0..groups.len() {
            for j in i + 1..groups.len() {
                let total: f64 = groups[i].iter().flat_map(|&a| groups[j].iter().map(move |&b| (a, b))).map(|(a, b)| sim[a][b]).sum();
                let avg = total / (groups[i].len() * groups[j].len()) as f64;
                if avg >= threshold && best.is_none_or(|(s, _, _)| avg > s) {
                    best = Some((avg, i, j));
                }
            }
        }
        let Some((_, i, j)) = best else { break };
        let moved = groups.swap_remove(j);
        groups[i].extend(moved);
    }
    let mut out = vec![0; docs.len()];
    for (g, members) in groups.iter().enumerate() {
        for &d in members {
            out[d] = g;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predicates_meet_across_inflections_and_auxiliaries() {
        assert_eq!(predicate_key("was arrested"), predicate_key("arrests"));
        assert_eq!(predicate_key("killing"), predicate_key("killed"));
        assert_ne!(predicate_key("shot"), predicate_key("died"));
        assert_eq!(predicate_key("has been"), "been", "all function words: the last one");
    }

    #[test]
    fn reports_of_one_story_group_apart_from_another() {
        let docs = [
            "An Australian climber died on Mount Cook after a fall; his brother survived two nights on the ridge.",
            "The brother of a climber who died on Mount Cook was rescued after two nights stuck on the ridge.",
            "Thieves stole jewels worth millions from a Paris jeweller in an armed heist on Thursday.",
            "Armed robbers stole millions in jewels from a jeweller in central Paris, police said.",
        ];
        let g = story_groups(&docs, 0.1);
        assert_eq!(g[0], g[1]);
        assert_eq!(g[2], g[3]);
        assert_ne!(g[0], g[2]);
        // a threshold nothing reaches keeps every report apart
        let apart = story_groups(&docs, 1.1);
        assert_eq!(apart.iter().collect::<std::collections::HashSet<_>>().len(), 4);
    }
}
