//! Lexical evidence of identity for open-domain event mentions: which reports tell the same
//! story (TF-IDF cosine of their words), and which mentions in those reports name the same
//! happening (the same predicate lemma). Typed conflict mentions merge on date, place and
//! participants ([`crate::score`]); mentions of arbitrary events (ECB+'s "survived",
//! "escaped", "heist") have only their words, and this is the evidence they are merged on.

// (foldhash: every word of every lead is looked up here)
use foldhash::HashMap;

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

/// [`STOP`] as a set: every word of every lead is asked about, and a scan of the list cost
/// more than the word's stemming, once cached.
static STOP_SET: std::sync::LazyLock<foldhash::HashSet<&'static str>> = std::sync::LazyLock::new(|| STOP.iter().copied().collect());

fn is_stop(w: &str) -> bool {
    STOP_SET.contains(w)
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

/// Stems kept per thread (word -> stem) before the map is emptied: a news archive's leads
/// reuse a vocabulary of some tens of thousands of words, and stemming one costs about
/// 3,700 instructions (stemming was three fifths of reading an article's lead; the about
/// 100,000 words of 2,000 bench leads now need 11,000 stemmings).
const MAX_CACHED_STEMS: usize = 100_000;

thread_local! {
    static STEMS: std::cell::RefCell<HashMap<String, String>> = std::cell::RefCell::new(HashMap::default());
}

/// The stem of a lower-case word, from this thread's cache when it was stemmed before.
fn stem(stemmer: &Stemmer, w: String) -> String {
    STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(s) = cache.get(&w) {
            return s.clone();
        }
        if cache.len() >= MAX_CACHED_STEMS {
            cache.clear();
        }
        let s = stemmer.stem(&w).into_owned();
        cache.insert(w, s.clone());
        s
    })
}

/// The stems of a text's content words: no function words, no one- or two-letter words, no
/// bare numbers (a count or a year says little about which story a text tells).
fn content_stems<'a>(stemmer: &'a Stemmer, text: &'a str) -> impl Iterator<Item = String> + 'a {
    words(text).filter(|w| w.len() > 2 && !is_stop(w) && !w.chars().all(|c| c.is_ascii_digit())).map(|w| stem(stemmer, w))
}

/// Smoothed inverse document frequency of a word found in `df` of `n` documents.
pub fn idf(n: f64, df: f64) -> f64 {
    ((1.0 + n) / (1.0 + df)).ln()
}

/// Characters of an article's text that, with its title, make the lead compared across
/// outlets: enough for the who, where and when a news lead gives, short enough that
/// background paragraphs (an earlier shooting, the city's crime figures) stay out.
pub const LEAD_CHARS: usize = 300;

/// Reports published this many days apart or less can tell the same story: a follow-up
/// (the victim named, a death in hospital, an arrest) comes days or weeks after the first
/// report, dated by what it tells happened then, and its lead still tells the shooting.
/// Measured on the dev incidents with [`FAR_STORY_EXTRA`]: 3 days B³ F1 0.9243, 7 days
/// 0.9274, 14 days 0.9292 (precision 0.9855 -> 0.9838; killed 0.892 -> 0.889, date 0.839 ->
/// 0.838), 30 days 0.9281, 60 days 0.9238 (measured while reports with neither day nor
/// place followed their story too; without them, 14 days gives 0.9290).
pub const STORY_DAYS: i64 = 14;

/// Reports published this many days apart or less need only [`SAME_STORY`] to tell one
/// story; further apart, [`FAR_STORY_EXTRA`] more.
pub const NEAR_STORY_DAYS: i64 = 3;

/// How much more alike the leads of reports published more than [`NEAR_STORY_DAYS`] apart
/// must be: a city's shootings of one week are told in the same words more often than one
/// shooting's reports a week apart differ (14 days: B³ F1 0.9289 at 0.1, precision 0.981;
/// 0.9292 at 0.15, 0.984; 0.9277 at 0.2, 0.984).
pub const FAR_STORY_EXTRA: f64 = 0.15;

/// TF-IDF cosine of two leads at which two reports tell the same story. Calibrated on the
/// bench's dev incidents (`sitrep eval events --story-threshold T`): B³ F1 0.873 at 0.15
/// (precision 0.961), 0.873 at 0.2 (0.977), 0.871 at 0.25 (0.988), 0.863 at 0.3, 0.816
/// without, when titles still carried their site's name. Without it (a station's "News,
/// Weather, Sports" had made its stories alike): 0.906 at 0.15, 0.909 at 0.2, 0.910 at
/// 0.22, 0.911 at 0.23, 0.910 at 0.24, 0.908 at 0.25, with date, place and counts best
/// from 0.23 on.
pub const SAME_STORY: f64 = 0.23;

/// The words of an article's lead (title and the first [`LEAD_CHARS`] of its text) as
/// stemmed content words with their counts, sorted: the bag two reports of one story share
/// whatever their wording of the date, place or count.
pub fn lead_terms(title: Option<&str>, text: &str) -> Vec<(String, u32)> {
    let cut = text.char_indices().nth(LEAD_CHARS).map_or(text.len(), |(i, _)| i);
    term_counts(&[title.unwrap_or(""), &text[..cut]])
}

/// The stemmed content words of some texts with their counts, sorted by word.
fn term_counts(texts: &[&str]) -> Vec<(String, u32)> {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut tf: HashMap<String, u32> = HashMap::default();
    for w in texts.iter().flat_map(|t| content_stems(&stemmer, t)) {
        *tf.entry(w).or_default() += 1;
    }
    let mut terms: Vec<(String, u32)> = tf.into_iter().collect();
    terms.sort_unstable();
    terms
}

/// A bag of words' TF-IDF vector (from [`lead_terms`]), unit length, given each word's
/// inverse document frequency.
pub fn tfidf_vector<'a>(terms: &'a [(String, u32)], idf: impl FnMut(&'a str) -> f64) -> Vec<(&'a str, f64)> {
    weigh(terms.iter().map(|(w, tf)| (w.as_str(), *tf)), idf)
}

/// [`tfidf_vector`] of words under any key (a store numbers them), in the order given.
pub fn weigh<K: Copy>(terms: impl Iterator<Item = (K, u32)>, mut idf: impl FnMut(K) -> f64) -> Vec<(K, f64)> {
    let mut v: Vec<(K, f64)> = terms.map(|(w, tf)| (w, (1.0 + (tf as f64).ln()) * idf(w))).collect();
    let norm = v.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt().max(1e-12);
    v.iter_mut().for_each(|x| x.1 /= norm);
    v
}

/// Cosine of two vectors from [`tfidf_vector`] (both sorted by word).
pub fn cosine<A: AsRef<str>, B: AsRef<str>>(a: &[(A, f64)], b: &[(B, f64)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.as_ref().cmp(b[j].0.as_ref()) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Groups documents that tell the same story: average-link agglomerative clustering on the
/// TF-IDF cosine of their stemmed content words, merging while the closest pair of groups is
/// at least `threshold` similar. Returns a group number per document.
pub fn story_groups(docs: &[&str], threshold: f64) -> Vec<usize> {
    let bags: Vec<Vec<(String, u32)>> = docs.iter().map(|d| term_counts(&[d])).collect();
    let mut df: HashMap<&str, f64> = HashMap::default();
    for (w, _) in bags.iter().flatten() {
        *df.entry(w.as_str()).or_default() += 1.0;
    }
    let n = docs.len() as f64;
    let vectors: Vec<Vec<(&str, f64)>> = bags.iter().map(|b| tfidf_vector(b, |w| idf(n, df[w]))).collect();
    let sim: Vec<Vec<f64>> = vectors.iter().map(|a| vectors.iter().map(|b| cosine(a, b)).collect()).collect();
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
    fn leads_of_one_story_are_closer_than_leads_of_two() {
        let a = lead_terms(Some("Woman killed, three wounded in West Side shooting"), "A woman was killed and three men were wounded in a shooting Saturday night outside a home in the 5000 block of West Jackson Boulevard, police said.");
        let b = lead_terms(Some("Woman killed in Austin shooting"), "A shooting outside a home on West Jackson Boulevard killed a woman and wounded three men Saturday, officials said.");
        let c = lead_terms(Some("Man shot dead in Englewood alley"), "A 34-year-old man was shot and killed Saturday afternoon in an alley on South Halsted Street, police said.");
        // stems meet across inflections; counts are per stem; function words and numbers are out
        assert!(a.contains(&("wound".to_string(), 2)), "{a:?}");
        assert!(!a.iter().any(|(w, _)| w == "the" || w == "5000"), "{a:?}");
        // words every lead shares ("shooting", "Saturday") weigh nothing
        let df = |w: &str| [&a, &b, &c].iter().filter(|t| t.iter().any(|(x, _)| x == w)).count() as f64;
        let (va, vb, vc) = (tfidf_vector(&a, |w| idf(3.0, df(w))), tfidf_vector(&b, |w| idf(3.0, df(w))), tfidf_vector(&c, |w| idf(3.0, df(w))));
        let (same, other) = (cosine(&va, &vb), cosine(&va, &vc));
        assert!(same >= SAME_STORY && other < SAME_STORY, "same story {same}, other story {other}");
        assert!((cosine(&va, &va) - 1.0).abs() < 1e-9);
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
