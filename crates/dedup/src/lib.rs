//! Recognises copies of the same report: exact copies by a hash of the normalized text,
//! near-copies and rewrites by MinHash over word 3-shingles with LSH banding.
//!
//! A story group is one report and its copies (wire stories reprinted, an outlet rewriting
//! another's piece), not every report of an event: that is the merge stage's job. Rewrites
//! often drop half the text, so a pair counts as a copy when the estimated Jaccard
//! similarity is high *or* when most of the shorter text is contained in the longer one.

use xxhash_rust::xxh3::xxh3_64;

/// Number of MinHash permutations in a signature: exactly what the LSH bands use, since
/// candidates are confirmed on their exact shingle overlap, not on the signature.
pub const NUM_PERM: usize = BANDS * ROWS;
/// LSH bands and rows per band. With 2 rows a pair at Jaccard 0.3 becomes a candidate with
/// probability 0.95, at 0.2 with 0.73.
pub const BANDS: usize = 32;
pub const ROWS: usize = 2;
/// Word n-gram size for shingles: 3 keeps paraphrased rewrites (CNN vs. a rewrite of it:
/// Jaccard 0.36, containment 0.61) apart from unrelated stories on the same topic (< 0.05).
pub const SHINGLE: usize = 3;

/// Decision thresholds (estimates from the signature).
pub const MIN_JACCARD: f64 = 0.30;
pub const MIN_CONTAINMENT: f64 = 0.60;
/// Texts with fewer shingles than this are too short to call a near-copy; only exact
/// copies of them are recognised.
pub const MIN_SHINGLES: u32 = 15;

/// What dedup needs to know about one text, computed once and stored with the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Hash of the normalized text (case, punctuation and spacing folded).
    pub content_hash: u64,
    /// Number of distinct shingles, needed to turn Jaccard into containment.
    pub shingles: u32,
    pub signature: Vec<u32>,
    /// The sorted shingle hashes themselves, kept in memory (not stored) so candidate
    /// pairs are verified exactly: containment estimated from MinHash is unreliable when
    /// one text is many times longer than the other.
    pub shingle_set: Vec<u64>,
}

impl Fingerprint {
    /// The article id derived from the content hash: the same text always gets the same id.
    pub fn article_id(&self) -> String {
        format!("a_{:016x}", self.content_hash)
    }

    /// LSH bucket keys, one per band, each mixing the band number so bands never collide.
    pub fn band_keys(&self) -> Vec<i64> {
        if self.shingles < MIN_SHINGLES {
            return Vec::new();
        }
        (0..BANDS)
            .map(|b| {
                let mut buf = [0u8; 4 + 4 * ROWS];
                buf[..4].copy_from_slice(&(b as u32).to_le_bytes());
                for r in 0..ROWS {
                    buf[4 + 4 * r..8 + 4 * r].copy_from_slice(&self.signature[b * ROWS + r].to_le_bytes());
                }
                xxh3_64(&buf) as i64
            })
            .collect()
    }

    /// Signature as little-endian bytes, for storage.
    pub fn signature_bytes(&self) -> Vec<u8> {
        self.signature.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    pub fn signature_from_bytes(bytes: &[u8]) -> Option<Vec<u32>> {
        (bytes.len() == NUM_PERM * 4)
            .then(|| bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
    }
}

struct Perms {
    a: [u64; NUM_PERM],
    b: [u64; NUM_PERM],
}

/// Fixed permutation parameters (splitmix64 from a constant seed): signatures must be
/// identical across runs and machines because they are stored.
static PERMS: std::sync::LazyLock<Perms> = std::sync::LazyLock::new(|| {
    let mut state = 0x5157_5245_5000_0001u64;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut p = Perms { a: [0; NUM_PERM], b: [0; NUM_PERM] };
    for i in 0..NUM_PERM {
        p.a[i] = next() | 1;
        p.b[i] = next();
    }
    p
});

/// The sorted, distinct shingle hashes of a text.
pub fn shingle_set(text: &str) -> Vec<u64> {
    fingerprint_parts(text).1
}

/// Computes the fingerprint of a cleaned text.
pub fn fingerprint(text: &str) -> Fingerprint {
    let (content_hash, hashes) = fingerprint_parts(text);
    let perms = &*PERMS;
    let mut sig = [u32::MAX; NUM_PERM];
    for &h in &hashes {
        for i in 0..NUM_PERM {
            let v = (perms.a[i].wrapping_mul(h).wrapping_add(perms.b[i]) >> 32) as u32;
            if v < sig[i] {
                sig[i] = v;
            }
        }
    }
    Fingerprint { content_hash, shingles: hashes.len() as u32, signature: sig.to_vec(), shingle_set: hashes }
}

fn fingerprint_parts(text: &str) -> (u64, Vec<u64>) {
    // One pass builds the normalized text (lower-cased words joined by single spaces) and
    // records where each word starts; shingles are then hashed as slices of it.
    // (ASCII, most of a news text, is read byte by byte; other characters are decoded)
    let mut norm: Vec<u8> = Vec::with_capacity(text.len());
    let mut starts: Vec<usize> = Vec::with_capacity(text.len() / 5);
    let mut in_word = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (ch, len) = match bytes[i] {
            b if b < 0x80 => (b as char, 1),
            _ => text[i..].chars().next().map_or(('\u{fffd}', 1), |ch| (ch, ch.len_utf8())),
        };
        i += len;
        if !ch.is_alphanumeric() {
            in_word = false;
            continue;
        }
        if !in_word {
            if !norm.is_empty() {
                norm.push(b' ');
            }
            starts.push(norm.len());
            in_word = true;
        }
        if ch.is_ascii() {
            norm.push(ch.to_ascii_lowercase() as u8);
        } else {
            for lower in ch.to_lowercase() {
                norm.extend_from_slice(lower.encode_utf8(&mut [0; 4]).as_bytes());
            }
        }
    }
    let content_hash = xxh3_64(&norm);
    let n = starts.len();
    starts.push(norm.len() + 1);
    let mut hashes: Vec<u64> = if n >= SHINGLE {
        (0..=n - SHINGLE).map(|i| xxh3_64(&norm[starts[i]..starts[i + SHINGLE] - 1])).collect()
    } else if n > 0 {
        vec![content_hash]
    } else {
        Vec::new()
    };
    hashes.sort_unstable();
    hashes.dedup();
    (content_hash, hashes)
}

/// How alike two texts are, estimated from their signatures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Similarity {
    pub jaccard: f64,
    /// Share of the shorter text's shingles found in the longer one.
    pub containment: f64,
}

impl Similarity {
    /// Whether the pair is the same report (a copy or a rewrite).
    pub fn is_copy(&self) -> bool {
        self.jaccard >= MIN_JACCARD || self.containment >= MIN_CONTAINMENT
    }

    /// A single score for choosing the best of several matches.
    pub fn score(&self) -> f64 {
        self.jaccard.max(self.containment * 0.9)
    }
}

/// Exact similarity of two sorted shingle sets; used to confirm LSH candidates.
pub fn exact_similarity(a: &[u64], b: &[u64]) -> Similarity {
    if (a.len() as u32) < MIN_SHINGLES || (b.len() as u32) < MIN_SHINGLES {
        return Similarity { jaccard: if a == b { 1.0 } else { 0.0 }, containment: 0.0 };
    }
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - inter;
    Similarity { jaccard: inter as f64 / union as f64, containment: inter as f64 / a.len().min(b.len()) as f64 }
}

/// The story id of a report that starts a new group: derived from its article id.
pub fn new_story_id(article_id: &str) -> String {
    format!("s_{}", article_id.trim_start_matches("a_"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CNN: &str = include_str!("../../../examples/seeds/abu-kamal-cnn.txt");
    const A7: &str = include_str!("../../../examples/seeds/abu-kamal-arutz-sheva.txt");
    const JPOST: &str = include_str!("../../../examples/seeds/syria-strikes-jpost.txt");

    fn sim(a: &str, b: &str) -> Similarity {
        exact_similarity(&fingerprint(a).shingle_set, &fingerprint(b).shingle_set)
    }

    #[test]
    fn exact_hash_ignores_case_punctuation_and_spacing() {
        let a = fingerprint("Three people were shot, police said.");
        let b = fingerprint("three  people were SHOT -- police said");
        assert_eq!(a.content_hash, b.content_hash);
        assert_eq!(a.article_id(), b.article_id());
        assert_ne!(a.content_hash, fingerprint("Four people were shot, police said.").content_hash);
    }

    #[test]
    fn the_text_hashed_is_its_words_lowercased_with_single_spaces() {
        // the normalized text stored databases hold the hashes of: letters of every script
        // lowercased, "İ" to its two characters, everything else a word break
        let f = fingerprint("Ālbū-Kamāl: STRIKE\u{a0}on İdlib, 2018!");
        assert_eq!(f.content_hash, xxh3_64("ālbū kamāl strike on i\u{307}dlib 2018".as_bytes()));
        assert_eq!(fingerprint("«Σ»").content_hash, xxh3_64("σ".as_bytes()));
    }

    #[test]
    fn rewrite_is_a_copy_other_story_is_not() {
        let rewrite = sim(CNN, A7);
        assert!(rewrite.is_copy(), "{rewrite:?}");
        let other = sim(CNN, JPOST);
        assert!(!other.is_copy(), "{other:?}");
        assert!(other.jaccard < 0.1);
    }

    #[test]
    fn shortened_copy_is_caught_by_containment() {
        let full = A7;
        let half: String = full.lines().take(full.lines().count() / 3).collect::<Vec<_>>().join("\n");
        let s = sim(full, &half);
        assert!(s.jaccard < MIN_JACCARD, "{s:?}");
        assert!(s.containment >= MIN_CONTAINMENT, "{s:?}");
        assert!(s.is_copy());
    }

    #[test]
    fn signatures_are_stable_and_roundtrip() {
        let f = fingerprint(CNN);
        assert_eq!(f, fingerprint(CNN));
        assert_eq!(Fingerprint::signature_from_bytes(&f.signature_bytes()).unwrap(), f.signature);
        assert_eq!(f.band_keys().len(), BANDS);
        // Copies share at least one band with high probability; identical texts share all.
        assert_eq!(f.band_keys(), fingerprint(CNN).band_keys());
    }

    #[test]
    fn signature_agreement_tracks_jaccard() {
        // The share of equal signature slots estimates Jaccard; LSH relies on it.
        let (a, b) = (fingerprint(CNN), fingerprint(A7));
        let same = a.signature.iter().zip(&b.signature).filter(|(x, y)| x == y).count() as f64 / NUM_PERM as f64;
        let exact = exact_similarity(&a.shingle_set, &b.shingle_set);
        assert!((same - exact.jaccard).abs() < 0.15, "{same} vs {exact:?}");
        let c = fingerprint(JPOST);
        let unrelated = a.signature.iter().zip(&c.signature).filter(|(x, y)| x == y).count();
        assert!(unrelated <= 3, "{unrelated}");
        assert_eq!(exact_similarity(&a.shingle_set, &a.shingle_set).jaccard, 1.0);
    }

    #[test]
    fn short_texts_only_match_exactly() {
        let s = sim("Shots fired downtown.", "Shots fired uptown.");
        assert!(!s.is_copy());
        assert!(fingerprint("Shots fired downtown.").band_keys().is_empty());
    }
}
