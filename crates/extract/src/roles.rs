//! Who did what to whom in one sentence, as spans: the source (the actor of the event verb)
//! and the target (what it acted on), without a parser.
//!
//! The event verb is the first verb form of PETRARCH2's CAMEO dictionary that is not an
//! auxiliary (after a toll told first, "two were killed when …", the first of the clause that
//! follows); the source is the noun phrase before it (leading time and place phrases and
//! a trailing place phrase dropped), the target the phrase after it up to a clause break.
//! Passives swap them: "X was attacked by Y" has source Y and target X.

use std::sync::LazyLock;

static VERBS_TSV: &str = include_str!("../../../data/cameo/verbs.tsv");

static VERBS: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| VERBS_TSV.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split('\t').next()).collect());

const AUX: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could", "should", "may",
    "might", "can", "must", "shall", "do", "does", "did", "not", "also", "reportedly", "allegedly",
    // adverbs between the subject and its verb ("Denmark have already provided")
    "already", "recently", "however", "jointly", "together", "fully", "formally", "officially", "strongly", "again",
    "still", "now", "today", "yesterday", "finally", "repeatedly",
];
/// Words a verb form shares with nouns and adjectives too often to be the event verb.
const NOT_VERBS: &[&str] = &[
    "state", "states", "forces", "force", "police", "group", "groups", "leader", "leaders", "government", "president",
    "minister", "official", "officials", "army", "people", "security", "military", "party", "court", "fire", "attack",
    "attacks", "strike", "strikes", "talks", "meeting", "visit", "aid", "support", "help", "report", "reports", "control",
    "protest", "protests", "demands", "calls", "plans", "plan", "deal", "rule", "order", "need", "use", "claims", "claim",
    "charge", "charges", "cause", "border", "head", "means", "lead", "move", "moves", "press", "mark", "face", "back",
    "return", "work", "point", "set", "put", "last", "end", "open", "free", "near", "like", "well", "even", "just",
    // of the verb classes CAMEO lists without patterns: more often adjectives and nouns
    "armed", "arm", "arms", "fine", "fines", "cable", "sentence", "sentences", "parade", "stock", "gear", "tax", "taxes",
    "spy", "riot", "riots", "massacre", "outfit", "tender", "humble", "savage", "appropriate", "console", "attire",
    "comfort",
];
/// Objects that name the event rather than its target ("an assault on X", "talks with X").
const EVENT_NOUNS: &[&str] = &[
    "assault", "attack", "attacks", "strike", "strikes", "raid", "raids", "offensive", "operation", "operations", "talks",
    "meeting", "training", "support", "aid", "assistance", "dinner", "invitation", "appeal", "request", "efforts",
    "visit", "call", "calls", "criticism", "warning", "threat", "threats", "sanctions", "ban", "protest", "campaign",
    "pressure", "fire", "shelling", "bombardment", "war", "crackdown", "condolences", "congratulations", "message",
    "letter", "proposal", "offer", "demand", "demands", "ultimatum", "concerns", "apology", "tribute", "respects",
    // what is expressed or claimed, to or for someone ("expressed concern to X", "claimed
    // responsibility for X")
    "concern", "surprise", "responsibility", "condemnation", "solidarity", "gratitude", "thanks", "sympathy", "regret",
    "satisfaction", "readiness", "willingness", "action",
    // agreed or imposed with or on someone ("a ceasefire with the Taliban", "a travel ban
    // imposed on Chadian citizens", "a statement calling on the government")
    "ceasefire", "truce", "agreement", "deal", "restrictions", "statement",
    // kept with or waged against someone ("diplomatic ties with Bhutan", "a mediation effort
    // between India and Pakistan", "cyber warfare against India")
    "ties", "relations", "effort", "mediation", "cooperation", "negotiations", "dialogue", "warfare",
    // violence itself, claimed or condemned ("claimed responsibility for a suicide bombing")
    "bombing", "bombings", "shooting", "shootings", "ambush", "massacre", "explosion", "blast", "assassination", "killing", "killings",
];
const BREAKS: &[&str] = &[",", ".", ";", ":", "who", "which", "that", "after", "as", "while", "when", "because", "but", "and", "since", "before", "amid"];
const LEADING: &[&str] = &["in", "on", "at", "during", "after", "since", "meanwhile", "earlier", "later", "last", "yesterday", "today"];

/// Whether `phrase` names an event rather than who or what it was done to ("the strike",
/// "airstrikes in Syria"): its head, the last word before a preposition, is one of
/// [`EVENT_NOUNS`] or a kind of strike.
pub fn names_event(phrase: &str) -> bool {
    let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
    let head_end = words.iter().position(|w| matches!(w.as_str(), "in" | "on" | "at" | "of" | "near" | "against" | "across")).unwrap_or(words.len());
    words[..head_end].last().is_some_and(|w| EVENT_NOUNS.contains(&w.as_str()) || w.ends_with("strike") || w.ends_with("strikes"))
}

/// A role span in byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleSpan {
    pub source: bool,
    pub start: usize,
    pub end: usize,
}

fn tokens(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, ch) in s.char_indices() {
        if ch.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

/// Where the phrase ending before word `end` starts: after the last break before it.
fn phrase_start(words: &[String], end: usize) -> usize {
    let mut start = end;
    while start > 0 && !BREAKS.contains(&words[start - 1].as_str()) {
        start -= 1;
    }
    start
}

/// Source and target spans of the sentence's first event verb.
pub fn roles(sentence: &str) -> Vec<RoleSpan> {
    let toks = tokens(sentence);
    let words: Vec<String> = toks.iter().map(|&(a, b)| sentence[a..b].to_lowercase()).collect();
    let is_verb = |i: usize| {
        let w = words[i].as_str();
        // a capitalised word inside a sentence is a name ("March", "Rush"), not a verb
        if sentence[toks[i].0..].starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        // "a roadside bomb": after a determiner, a base form is a noun; a past tense
        // ("the army attacked") is still the verb
        let det = |k: usize| matches!(words[k].as_str(), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "that");
        // two words after a determiner, a base form is a noun when a preposition or a
        // clause break follows ("a roadside bomb in Kandahar"), a verb otherwise ("The
        // envoy held talks")
        let next_is_break = words.get(i + 1).is_none_or(|n| matches!(n.as_str(), "in" | "at" | "on" | "near" | "of" | "from" | "," | "." | "that" | "which" | "exploded" | "went" | "killed" | "struck" | "hit" | "targeted" | "wounded" | "damaged" | "destroyed" | "blew" | "ripped" | "tore"));
        let after_det = (i > 0 && det(i - 1)) || (i > 1 && det(i - 2) && next_is_break);
        // "will visit", "would support": after a modal a word nouns share is the verb
        let after_modal = i > 0 && matches!(words[i - 1].as_str(), "will" | "would" | "could" | "should" | "may" | "might" | "must" | "shall" | "can");
        VERBS.contains(w) && !AUX.contains(&w) && (after_modal || !NOT_VERBS.contains(&w)) && !(after_det && !w.ends_with("ed"))
    };
    let Some(v) = (1..words.len()).find(|&i| is_verb(i)) else { return Vec::new() };
    // ("have been launching airstrikes" is active)
    let passive = v > 0 && matches!(words[v - 1].as_str(), "was" | "were" | "been" | "being" | "is" | "are") && !words[v].ends_with("ing");
    // "At least 23 civilians were killed … as government forces launched air strikes against
    // X", "two people were killed when ISIL launched an attack on Y": a toll told first, and
    // the event that took it in the clause after "as", "when" or "after", whose actor and
    // object are the roles
    if passive && matches!(words[v].as_str(), "killed" | "wounded" | "injured" | "hurt") {
        let event = (v + 1..words.len()).find(|&i| matches!(words[i].as_str(), "as" | "when" | "after"));
        if let Some(at) = event {
            let from = toks[at].1;
            let later = roles(&sentence[from..]);
            if later.iter().any(|r| r.source) && later.iter().any(|r| !r.source) {
                return later.into_iter().map(|r| RoleSpan { start: r.start + from, end: r.end + from, ..r }).collect();
            }
        }
    }
    // left phrase: back to a break, skipping auxiliaries right before the verb
    let mut l_end = v;
    while l_end > 0 && AUX.contains(&words[l_end - 1].as_str()) {
        l_end -= 1;
    }
    let mut l_start = phrase_start(&words, l_end);
    // "Zabihullah Mujahid , the Taliban spokesman , claimed …", "The then president , Goodluck
    // Jonathan , had rejected …": a name and its apposition between commas
    if l_start == l_end && l_end > 1 && words[l_end - 1] == "," {
        let e = l_end - 1;
        let b = phrase_start(&words, e);
        if b < e {
            let mut a = b;
            if a > 1 && words[a - 1] == "," {
                a = phrase_start(&words, a - 1);
                if a == b - 1 {
                    a = b;
                }
            }
            (l_start, l_end) = (a, e);
        }
    }
    // drop a leading time/place phrase ("In September , …") and a trailing place ("… in Kiev")
    if l_start < l_end && LEADING.contains(&words[l_start].as_str()) {
        if let Some(c) = (l_start..l_end).find(|&i| words[i] == ",") {
            l_start = c + 1;
        }
    }
    if let Some(p) = (l_start + 1..l_end).find(|&i| matches!(words[i].as_str(), "in" | "at" | "near" | "on")) {
        l_end = p;
    }
    // right phrase: up to a break or a place/time preposition, at most 12 words
    let mut r_start = v + 1;
    // (a particle after the verb: "blew up", "shot dead")
    while r_start < words.len() && matches!(words[r_start].as_str(), "to" | "up" | "out" | "off" | "down" | "back" | "dead") {
        r_start += 1;
    }
    // (a second verb of the same act: "shot and wounded a man", "attacked and robbed him")
    if words.get(r_start).is_some_and(|w| w == "and") && words.get(r_start + 1).is_some_and(|w| w.ends_with("ed") && VERBS.contains(w.as_str())) {
        r_start += 2;
    }
    let mut r_end = r_start;
    let is_light = |w: &str| EVENT_NOUNS.contains(&w) || w.ends_with("strikes") || w.ends_with("attacks");
    while r_end < words.len() && r_end - r_start < 12 {
        // "air and artillery strikes on X": one object, joined before its noun
        let joins_object = words[r_end] == "and" && r_end > r_start && words[r_end + 1..].iter().take(2).any(|w| is_light(w));
        if BREAKS.contains(&words[r_end].as_str()) && !joins_object {
            break;
        }
        if r_end > r_start && matches!(words[r_end].as_str(), "on" | "over" | "during" | "with" | "for" | "to" | "by" | "against" | "between") {
            break;
        }
        r_end += 1;
    }
    // "launched an assault on X", "held talks with X": the object is the event itself and
    // the target follows the preposition
    let mut head = (r_start..r_end).rev().find(|&i| words[i].chars().all(char::is_alphabetic));
    // "a statement calling on X", "a travel ban imposed on X", "an appeal lodged by X": a
    // light object and a participle before the preposition
    if let Some(h) = head.filter(|&h| h > r_start && (words[h].ends_with("ing") || words[h].ends_with("ed"))) {
        let light_before = EVENT_NOUNS.contains(&words[h - 1].as_str());
        if light_before && r_end < words.len() && matches!(words[r_end].as_str(), "on" | "by" | "against" | "to" | "for") {
            head = Some(h - 1);
        }
    }
    if let Some(h) = head {
        let light = is_light(&words[h]);
        // "carried out a raid earlier in the day , targeting X", "numerous attacks , primarily
        // on X", "air strikes in western Mosul , killing X": the target told after a comma
        let after_comma = (r_end..words.len().min(r_end + 8)).find(|&i| words[i] == ",").and_then(|c| {
            let mut k = c + 1;
            if words.get(k).is_some_and(|w| matches!(w.as_str(), "primarily" | "mainly" | "mostly" | "chiefly" | "reportedly" | "apparently")) {
                k += 1;
            }
            let w = words.get(k)?;
            let names_target = matches!(w.as_str(), "on" | "against" | "at" | "into" | "targeting" | "killing" | "hitting" | "striking" | "wounding");
            names_target.then_some(k)
        });
        let prep = r_end < words.len() && matches!(words[r_end].as_str(), "on" | "against" | "to" | "with" | "for" | "at" | "into" | "upon" | "over" | "about" | "by" | "between");
        // (the event noun there may be followed by its time: "a raid earlier in the day")
        let names_event = light || (r_start..r_end).any(|i| is_light(&words[i]));
        let at = if prep && light { Some(r_end) } else { after_comma.filter(|_| names_event) };
        if let Some(at) = at {
            let t0 = at + 1;
            let mut t1 = t0;
            while t1 < words.len() && t1 - t0 < 12 && !BREAKS.contains(&words[t1].as_str()) {
                if t1 > t0 && matches!(words[t1].as_str(), "on" | "over" | "during" | "for" | "to" | "by" | "since" | "after") {
                    break;
                }
                t1 += 1;
            }
            if t1 > t0 {
                r_start = t0;
                r_end = t1;
            }
        }
    }
    let span = |a: usize, b: usize| (a < b).then(|| (toks[a].0, toks[b - 1].1));
    let mut left = span(l_start, l_end);
    let mut right = span(r_start, r_end);
    if passive {
        // "X was attacked by Y": Y is the source
        let by = (v + 1..words.len()).find(|&i| words[i] == "by");
        let agent = by.and_then(|b| {
            let mut e = b + 1;
            while e < words.len() && e - b < 10 && !BREAKS.contains(&words[e].as_str()) {
                e += 1;
            }
            span(b + 1, e)
        });
        right = left;
        left = agent;
    }
    let mut out = Vec::new();
    // "China and Russia call on …", "Germany , Russia , Sweden and Denmark have provided …":
    // each of the subjects joined before the verb is a source
    if !passive && l_start >= 2 && words[l_start - 1] == "and" {
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut end = l_start - 1;
        loop {
            let start = phrase_start(&words, end);
            if start == end || end - start > 8 {
                items.clear();
                break;
            }
            items.push((start, end));
            if start >= 2 && words[start - 1] == "," {
                end = start - 1;
            } else {
                // the list opens the sentence
                if start != 0 {
                    items.clear();
                }
                break;
            }
        }
        for (a, b) in items.into_iter().rev() {
            if let Some((a, b)) = span(a, b) {
                out.push(RoleSpan { source: true, start: a, end: b });
            }
        }
    }
    if let Some((a, b)) = left {
        out.push(RoleSpan { source: true, start: a, end: b });
    }
    if let Some((a, b)) = right {
        out.push(RoleSpan { source: false, start: a, end: b });
    }
    // "an ultimatum to India and Pakistan", "between the Government and the secessionists":
    // a name joined to the target is a target too
    let proper = |i: usize| sentence[toks[i].0..].starts_with(|c: char| c.is_uppercase()) || (words[i] == "the" && words.get(i + 1).is_some_and(|_| sentence[toks[i + 1].0..].starts_with(|c: char| c.is_uppercase())));
    if !passive && r_end + 1 < words.len() && r_end > r_start && words[r_end] == "and" && proper(r_start) && proper(r_end + 1) {
        let (a, mut b) = (r_end + 1, r_end + 1);
        while b < words.len() && b - a < 8 && !BREAKS.contains(&words[b].as_str()) && !matches!(words[b].as_str(), "on" | "over" | "during" | "for" | "to" | "by" | "in" | "at") {
            b += 1;
        }
        if let Some((a, b)) = span(a, b) {
            out.push(RoleSpan { source: false, start: a, end: b });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(s: &str) -> Vec<(bool, &str)> {
        roles(s).into_iter().map(|r| (r.source, &s[r.start..r.end])).collect()
    }

    #[test]
    fn a_toll_told_first_takes_its_roles_from_the_event_after_it() {
        assert_eq!(
            spans("At least two people were killed when the militants launched an attack on the embassy in Kabul on Monday ."),
            [(true, "the militants"), (false, "the embassy in Kabul")]
        );
        assert_eq!(
            spans("Five soldiers were wounded after a roadside bomb struck their convoy near Kandahar ."),
            [(true, "a roadside bomb"), (false, "their convoy near Kandahar")]
        );
        // without an event clause of its own, the toll keeps its roles
        assert_eq!(spans("Three police officers were killed by a roadside bomb in Kandahar ."), [(true, "a roadside bomb in Kandahar"), (false, "Three police officers")]);
    }

    #[test]
    fn active_sentence() {
        assert_eq!(
            spans("In March , a roadside bomb in Kandahar killed three police officers , officials said ."),
            [(true, "a roadside bomb"), (false, "three police officers")]
        );
    }

    #[test]
    fn the_verbs_particle_is_not_its_object() {
        assert_eq!(
            spans("Gunmen shot dead a shopkeeper in Kirkuk on Tuesday ."),
            [(true, "Gunmen"), (false, "a shopkeeper in Kirkuk")]
        );
        assert_eq!(spans("Militants blew up a bridge near Raqqa ."), [(true, "Militants"), (false, "a bridge near Raqqa")]);
    }

    #[test]
    fn light_verb_objects_point_to_the_target() {
        assert_eq!(
            spans("Government troops launched an assault on the rebel stronghold on Monday ."),
            [(true, "Government troops"), (false, "the rebel stronghold")]
        );
        assert_eq!(spans("The envoy held talks with the opposition leader ."), [(true, "The envoy"), (false, "the opposition leader")]);
        // an object joined before its noun, and a target told after a comma
        assert_eq!(
            spans("The U.S. military launched air and artillery strikes on Syrian government - backed troops ."),
            [(true, "The U.S. military"), (false, "Syrian government - backed troops")]
        );
        assert_eq!(
            spans("Iraqi warplanes carried out a raid earlier in the day , targeting Islamic State group commanders in eastern Syria ."),
            [(true, "Iraqi warplanes"), (false, "Islamic State group commanders in eastern Syria")]
        );
        // (the target found after the comma; "and" still ends it there)
        let found = spans("AQAP has carried out numerous attacks , primarily on military and security targets .");
        assert!(found.contains(&(true, "AQAP")) && found.iter().any(|&(src, t)| !src && t.starts_with("military")), "{found:?}");
        // what is expressed or claimed names no target; who it is for does
        assert_eq!(spans("The Taliban claimed responsibility for the bombing of the police station ."), [(true, "The Taliban"), (false, "the bombing of the police station")]);
        assert_eq!(spans("The peacekeeping chief expressed serious concern to the Security Council ."), [(true, "The peacekeeping chief"), (false, "the Security Council")]);
        assert_eq!(spans("The foreign minister welcomed the visit by the Sudanese envoy ."), [(true, "The foreign minister"), (false, "the Sudanese envoy")]);
        // agreed or imposed with or on someone, also through a participle
        assert_eq!(spans("The president announced a ceasefire with the Taliban ."), [(true, "The president"), (false, "the Taliban")]);
        assert_eq!(spans("The president lifted a travel ban imposed on Chadian citizens ."), [(true, "The president"), (false, "Chadian citizens")]);
        assert_eq!(spans("Rights groups issued a statement calling on the government to act ."), [(true, "Rights groups"), (false, "the government")]);
        assert_eq!(spans("Government forces launched air strikes against the rebel enclave ."), [(true, "Government forces"), (false, "the rebel enclave")]);
    }

    #[test]
    fn a_name_and_its_apposition_are_the_source() {
        assert_eq!(
            spans("Zabihullah Mujahid , the Taliban spokesman , claimed responsibility for the attack ."),
            [(true, "Zabihullah Mujahid , the Taliban spokesman"), (false, "the attack")]
        );
        assert_eq!(spans("The then president , Goodluck Jonathan , had rejected the proposals ."), [(true, "The then president , Goodluck Jonathan"), (false, "the proposals")]);
    }

    #[test]
    fn each_subject_joined_before_the_verb_is_a_source() {
        assert_eq!(
            spans("Germany , Russia , Sweden and Denmark have already provided their annual donations to Palestinians ."),
            [(true, "Germany"), (true, "Russia"), (true, "Sweden"), (true, "Denmark"), (false, "their annual donations")]
        );
        // not a clause before the subject
        let s = spans("Police said the gunmen fled and the army attacked the village .");
        assert_eq!(s.iter().filter(|x| x.0).count(), 1, "{s:?}");
    }

    #[test]
    fn ties_kept_and_efforts_made_point_to_their_parties() {
        assert_eq!(spans("Israel has established diplomatic ties with Bhutan ."), [(true, "Israel"), (false, "Bhutan")]);
        assert_eq!(spans("The Security Council issued an ultimatum to India and Pakistan ."), [(true, "The Security Council"), (false, "India"), (false, "Pakistan")]);
        assert_eq!(
            spans("Kuwait launched a mediation effort between the National Democratic Alliance and Hadas ."),
            [(true, "Kuwait"), (false, "the National Democratic Alliance"), (false, "Hadas")]
        );
        // a clause joined to the target is not another target
        assert_eq!(spans("Gunmen attacked the village and killed three people ."), [(true, "Gunmen"), (false, "the village")]);
    }

    #[test]
    fn a_verb_class_without_patterns_is_a_verb_too() {
        // CAMEO 2.0 lists THREATEN and TORTURE with their codes but no patterns
        assert_eq!(spans("Iranian intelligence police tortured a young inmate to death ."), [(true, "Iranian intelligence police"), (false, "a young inmate")]);
        assert_eq!(spans("North Korea has threatened to shell the border post .")[0], (true, "North Korea"));
    }

    #[test]
    fn after_a_modal_a_word_nouns_share_is_the_verb() {
        assert_eq!(spans("Mexico 's top diplomat will visit California next week ."), [(true, "Mexico 's top diplomat"), (false, "California next week")]);
    }

    #[test]
    fn a_progressive_after_been_is_active() {
        assert_eq!(
            spans("The Turkish armed forces have been launching airstrikes on PKK targets in northern Iraq ."),
            [(true, "The Turkish armed forces"), (false, "PKK targets in northern Iraq")]
        );
    }

    #[test]
    fn passive_sentence() {
        assert_eq!(
            spans("The convoy was attacked by unidentified gunmen near the border ."),
            [(true, "unidentified gunmen near the border"), (false, "The convoy")]
        );
    }
}
