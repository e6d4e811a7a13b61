//! The event-trigger lexicon (`data/curated/triggers.tsv`): weighted patterns per ACLED
//! sub-event type. A text's sub-event type is the one whose matching patterns weigh most.

use std::sync::LazyLock;

use regex::Regex;

static TRIGGERS_TSV: &str = include_str!("../../../data/curated/triggers.tsv");

/// One sub-event type of the taxonomy, with the CAMEO code GDELT users join on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subtype {
    pub name: String,
    /// ACLED event type ("Explosions/Remote violence"); "Other" for types outside ACLED.
    pub event_type: String,
    pub cameo: Option<String>,
}

impl Subtype {
    /// Whether events of this sub-type belong in the event database (ACLED's taxonomy).
    pub fn is_acled(&self) -> bool {
        self.event_type != "Other"
    }
}

struct Pattern {
    subtype: usize,
    weight: f64,
    re: Regex,
}

/// The compiled lexicon.
pub struct Lexicon {
    pub subtypes: Vec<Subtype>,
    patterns: Vec<Pattern>,
}

/// A sub-event type's score for a text, with the span of its strongest cue.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub subtype: usize,
    pub score: f64,
    /// Byte span of the highest-weighted matching pattern (the trigger).
    pub trigger: (usize, usize),
}

/// Patterns at least this heavy are triggers; lighter ones are context.
pub const TRIGGER_WEIGHT: f64 = 2.5;

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(TRIGGERS_TSV).expect("the embedded trigger lexicon is valid"));

impl Lexicon {
    pub fn embedded() -> &'static Lexicon {
        &LEXICON
    }

    /// Parses the TSV format described at the top of `data/curated/triggers.tsv`.
    pub fn parse(tsv: &str) -> Result<Lexicon, String> {
        let mut subtypes: Vec<Subtype> = Vec::new();
        let mut patterns = Vec::new();
        for (i, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 5 {
                return Err(format!("triggers line {}: expected 5 tab-separated fields", i + 1));
            }
            let idx = match subtypes.iter().position(|s| s.name == f[0]) {
                Some(k) => k,
                None => {
                    subtypes.push(Subtype {
                        name: f[0].to_string(),
                        event_type: f[1].to_string(),
                        cameo: (!f[2].is_empty()).then(|| f[2].to_string()),
                    });
                    subtypes.len() - 1
                }
            };
            let weight: f64 = f[3].parse().map_err(|_| format!("triggers line {}: bad weight", i + 1))?;
            // ASCII word boundaries keep the regex engine on its fast DFA paths; Unicode \b
            // forces the slow PikeVM on every sentence
            let pattern = f[4].replace(r"\b", r"(?-u:\b)");
            let re = Regex::new(&format!("(?i){pattern}")).map_err(|e| format!("triggers line {}: {e}", i + 1))?;
            patterns.push(Pattern { subtype: idx, weight, re });
        }
        Ok(Lexicon { subtypes, patterns })
    }

    /// Every sub-event type with cues in `text`, best first.
    pub fn score(&self, text: &str) -> Vec<Scored> {
        let mut scores: Vec<Option<Scored>> = vec![None; self.subtypes.len()];
        let mut strongest = vec![0.0f64; self.subtypes.len()];
        // one search per pattern: each keeps its own literal prefilter and lazy DFA, where a
        // RegexSet of all of them falls back to the slow PikeVM on news-length sentences
        for p in &self.patterns {
            let Some(m) = p.re.find(text) else { continue };
            let entry = scores[p.subtype].get_or_insert(Scored { subtype: p.subtype, score: 0.0, trigger: (m.start(), m.end()) });
            // the trigger is the span of the strongest cue
            if p.weight > strongest[p.subtype] {
                strongest[p.subtype] = p.weight;
                entry.trigger = (m.start(), m.end());
            }
            entry.score += p.weight;
        }
        // only sub-types with a real trigger (not just context words) are candidates
        let mut out: Vec<Scored> =
            scores.into_iter().flatten().filter(|s| strongest[s.subtype] >= TRIGGER_WEIGHT).collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.subtype.cmp(&b.subtype)));
        out
    }

    /// The best sub-event type for `text`, if any cue matches.
    pub fn classify(&self, text: &str) -> Option<(&Subtype, f64)> {
        self.score(text).first().map(|s| (&self.subtypes[s.subtype], s.score))
    }

    pub fn by_name(&self, name: &str) -> Option<&Subtype> {
        self.subtypes.iter().find(|s| s.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn best(text: &str) -> String {
        Lexicon::embedded().classify(text).map(|(s, _)| s.name.clone()).unwrap_or_default()
    }

    #[test]
    fn every_acled_subtype_is_present_with_its_type() {
        let lex = Lexicon::embedded();
        for (name, ty) in [
            ("Armed clash", "Battles"),
            ("Air/drone strike", "Explosions/Remote violence"),
            ("Suicide bomb", "Explosions/Remote violence"),
            ("Grenade", "Explosions/Remote violence"),
            ("Attack", "Violence against civilians"),
            ("Peaceful protest", "Protests"),
            ("Mob violence", "Riots"),
            ("Arrests", "Strategic developments"),
        ] {
            assert_eq!(lex.by_name(name).map(|s| s.event_type.as_str()), Some(ty), "{name}");
        }
        assert_eq!(lex.by_name("Air/drone strike").and_then(|s| s.cameo.as_deref()), Some("195"));
    }

    #[test]
    fn sentences_get_their_subtype() {
        assert_eq!(best("An air strike on Sunday close to the border was carried out by Israel."), "Air/drone strike");
        assert_eq!(best("Militants hurled a grenade at a police patrol, injuring two officers."), "Grenade");
        assert_eq!(best("A suicide bomber blew himself up at a checkpoint, killing six soldiers."), "Suicide bomb");
        assert_eq!(best("Government forces recaptured the town after two days of fighting."), "Government regains territory");
        assert_eq!(best("Police fired tear gas to disperse hundreds of protesters in the capital."), "Protest with intervention");
        assert_eq!(best("Thousands of teachers held a peaceful rally outside parliament."), "Peaceful protest");
        assert_eq!(best("Bomb disposal experts defused an explosive device found near the market."), "Disrupted weapons use");
        assert_eq!(best("Gunmen kidnapped three aid workers on the road to the camp."), "Abduction/forced disappearance");
    }

    #[test]
    fn trigger_span_points_at_the_cue() {
        let text = "Syrian state TV blamed the air strike on the coalition.";
        let s = &Lexicon::embedded().score(text)[0];
        assert_eq!(&text[s.trigger.0..s.trigger.1], "air strike");
    }
}
