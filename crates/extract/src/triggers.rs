//! The event-trigger lexicon (`data/curated/triggers.tsv`): weighted patterns per ACLED
//! sub-event type. A text's sub-event type is the one whose matching patterns weigh most.

use std::sync::LazyLock;

use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input};
use sitrep_analyze::gate::{ANYWHERE, Gate};

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
    /// As written in the lexicon.
    source: String,
}

/// The compiled lexicon.
pub struct Lexicon {
    pub subtypes: Vec<Subtype>,
    patterns: Vec<Pattern>,
    /// Which cues can match in a sentence and where (so each cue is searched anchored at its
    /// own words, not over the sentence: that halved the scoring time over the bench articles).
    gate: Gate,
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
            patterns.push(Pattern { subtype: idx, weight, re, source: f[4].to_string() });
        }
        let gate = Gate::new(&patterns.iter().map(|p| p.source.as_str()).collect::<Vec<_>>()).map_err(|e| format!("triggers: {e}"))?;
        Ok(Lexicon { subtypes, patterns, gate })
    }

    /// Every sub-event type with cues in `text`, best first.
    pub fn score(&self, text: &str) -> Vec<Scored> {
        self.score_cues(text, &self.gate.open(text))
    }

    /// Scores `text` with the cues at the places `open` gives ((cue, start), as [`Gate::open`]).
    fn score_cues(&self, text: &str, open: &[(usize, usize)]) -> Vec<Scored> {
        let mut scores: Vec<Option<Scored>> = vec![None; self.subtypes.len()];
        let mut strongest = vec![0.0f64; self.subtypes.len()];
        // one search per cue and place the gate lets through, in text order (the first that
        // matches is the cue's leftmost match): each cue keeps its own lazy DFA, where a
        // RegexSet of all of them falls back to the slow PikeVM
        for cue in open.chunk_by(|a, b| a.0 == b.0) {
            let p = &self.patterns[cue[0].0];
            let found = cue.iter().find_map(|&(_, at)| match at {
                ANYWHERE => p.re.find(text),
                _ => p.re.find(Input::new(text).range(at..).anchored(Anchored::Yes)),
            });
            let Some(m) = found else { continue };
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

    /// Each cue's pattern as written in the TSV with its compiled form, for measuring them.
    pub fn patterns(&self) -> impl Iterator<Item = (&str, &Regex)> {
        self.patterns.iter().map(|p| (p.source.as_str(), &p.re))
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
    fn the_literal_gate_never_changes_a_score() {
        let lex = Lexicon::embedded();
        let texts = [
            "An air strike on Sunday close to the border was carried out by Israel.",
            "Warplanes bombed the village, and a U.S. strike hit a depot near the river.",
            "Protesters threw stones and police fired tear gas to disperse the crowd.",
            "Two men were shot and killed in a drive-by; gunfire rang out for minutes.",
            "Militants seized control of the town after fighting broke out with the army.",
            "A roadside bomb exploded as the convoy passed, and a suicide bomber blew himself up.",
            "Police arrested three suspects and recovered a cache of weapons.",
            "The storm caused flooding; no one was hurt.",
            // a cue's words twice, the first time not as the cue: the search goes on to the next
            "After the strike by dock workers ended, an air strike hit the base and a second strike hit the port.",
            "Shots were fired at the fire station; shot in the leg, a man was shot dead.",
            "",
        ];
        // every cue searched everywhere, as without the gate
        let everywhere: Vec<(usize, usize)> = (0..lex.patterns.len()).map(|i| (i, ANYWHERE)).collect();
        for t in texts {
            assert_eq!(lex.score(t), lex.score_cues(t, &everywhere), "{t}");
        }
        // the gate does its job: most cues are not run on a sentence without their words
        let open = lex.gate.open("The storm caused flooding; no one was hurt.");
        let cues = open.chunk_by(|a, b| a.0 == b.0).count();
        assert!(cues * 4 < lex.patterns.len(), "{open:?}");
    }

    #[test]
    fn sentences_get_their_subtype() {
        assert_eq!(best("An air strike on Sunday close to the border was carried out by Israel."), "Air/drone strike");
        assert_eq!(best("Militants hurled a grenade at a police patrol, injuring two officers."), "Grenade");
        // a bullet that hit or grazed someone, however told
        assert_eq!(best("7-year-old boy hit with bullet while watching fireworks"), "Attack");
        assert_eq!(best("Officer Grazed In Face By Bullet After Carjacking, Police Say"), "Attack");
        assert_eq!(best("A suicide bomber blew himself up at a checkpoint, killing six soldiers."), "Suicide bomb");
        assert_eq!(best("Government forces recaptured the town after two days of fighting."), "Government regains territory");
        assert_eq!(best("Police fired tear gas to disperse hundreds of protesters in the capital."), "Protest with intervention");
        assert_eq!(best("Thousands of teachers held a peaceful rally outside parliament."), "Peaceful protest");
        assert_eq!(best("Bomb disposal experts defused an explosive device found near the market."), "Disrupted weapons use");
        assert_eq!(best("Gunmen kidnapped three aid workers on the road to the camp."), "Abduction/forced disappearance");
    }

    #[test]
    fn events_beside_the_violent_ones() {
        assert_eq!(best("The army has set up its sixth observation post in the province."), "Headquarters or base established");
        assert_eq!(best("Six workers were killed when a chemical plant exploded on Thursday."), "Man-made disaster");
        assert_eq!(best("A driver died after his car lost control on an icy road."), "Man-made disaster");
        // a landmine is no mining accident
        assert_eq!(best("A mine explosion killed two soldiers on patrol near the border."), "Remote explosive/landmine/IED");
        assert_eq!(best("Rebel fighters began leaving the town under an evacuation deal with the government."), "Non-violent transfer of territory");
        assert_eq!(best("The coast guard thwarted an attempt to smuggle 40 migrants to the island."), "Organized crime");
        assert_eq!(best("Rights groups said police used excessive force to disperse the rally."), "Excessive force against protesters");
        assert_eq!(best("Violent protests erupted in the capital after the vote."), "Violent demonstration");
        assert_eq!(best("Warplanes destroyed an arms depot in the province, the source said."), "Air/drone strike");
        assert_eq!(best("The aerial bombardments on militant positions left dozens dead."), "Air/drone strike");
        assert_eq!(best("Rebels fired shells filled with poisonous gas at the neighbourhood."), "Chemical weapon");
        assert_eq!(best("Two caches containing weapons and ammunition were discovered near the border."), "Disrupted weapons use");
        assert_eq!(best("Two firearms and 150 rounds of ammunition were seized during the operation."), "Disrupted weapons use");
        assert_eq!(best("The group denied any involvement in the bombing of the hotel."), "Attribution/claim of responsibility");
        assert_eq!(best("The minister urged his counterparts to impose sanctions on the officials."), "Diplomatic event");
        assert_eq!(best("Insurgents attacked a military post near the border, killing two soldiers."), "Armed clash");
        assert_eq!(best("Militants detonated two bombs along the highway on Friday morning."), "Remote explosive/landmine/IED");
        assert_eq!(best("Army units restored control over the area after a week of fighting."), "Government regains territory");
        assert_eq!(best("Police said dozens of activists broke into the council building."), "Violent demonstration");
        assert_eq!(best("Police suppressed a peaceful march of the opposition coalition."), "Protest with intervention");
        assert_eq!(best("Protesters were pepper-sprayed in a scuffle with officers at the station."), "Protest with intervention");
        // police arresting is an arrest; arresting protesters is an intervention in a protest
        assert_eq!(best("On Friday, police arrested Lionel Francis, 34, at a home on Lockwood Court."), "Arrests");
        assert_eq!(best("Riot police arrested dozens of demonstrators outside parliament."), "Protest with intervention");
        assert_eq!(best("Jets destroyed weapon depots used by the militants, the military said."), "Air/drone strike");
        assert_eq!(best("Two suicide bombers detonated explosives, killing themselves near the capital."), "Suicide bomb");
        assert_eq!(best("Security forces in a crackdown on Taliban militants recaptured the district on Friday."), "Government regains territory");
        // accidents with guns are shootings too, as gun-violence trackers count them
        assert_eq!(best("A teenager accidentally shot himself in the leg while cleaning a handgun."), "Attack");
        assert_eq!(best("A gun went off inside a home on Lappin Street on Tuesday."), "Attack");
        assert_eq!(best("The deputy said a gun was discharged at the residence around 10 p.m."), "Attack");
        assert_eq!(best("His son, 6, shot his 3-year-old sister in the hand."), "Attack");
        assert_eq!(best("Police say her father intentionally shot her during a domestic argument Friday night."), "Attack");
        assert_eq!(best("Police said an 18-year-old shot a student outside the school."), "Attack");
        assert_eq!(Lexicon::embedded().classify("She shot her first feature film in Lisbon last spring."), None);
        // a surname is no lynching
        assert_eq!(Lexicon::embedded().classify("Marsha Lynch told deputies she heard a knock at the door."), None);
        assert_eq!(best("Villagers lynched two men accused of stealing cattle."), "Mob violence");
        // who takes a town decides the kind: insurgents are not the government
        assert_eq!(best("Taliban militants recaptured the district centre from the army on Monday."), "Non-state actor overtakes territory");
        assert_eq!(best("Government forces recaptured the district centre from the Taliban."), "Government regains territory");
    }

    #[test]
    fn trigger_span_points_at_the_cue() {
        let text = "Syrian state TV blamed the air strike on the coalition.";
        let s = &Lexicon::embedded().score(text)[0];
        assert_eq!(&text[s.trigger.0..s.trigger.1], "air strike");
    }
}
