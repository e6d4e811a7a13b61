//! Victims told one by one: "Antwan Brown, 17, was shot twice in the abdomen. … Michael
//! McKinnie, 16, was shot in his ankle." Local reports often count no group at all and walk
//! through the people hit instead, each in a sentence of their own that alone counts one. A
//! reader adds them up by telling the people apart: by name, by age, by role (the officer and
//! the suspect), and by the words that announce someone new ("another", "a second").
//! A description that says nothing new ("the man", "he", "the victim") is someone already
//! counted.

use std::sync::LazyLock;

use regex::Regex;
use sitrep_analyze::casualties::{Casualty, Harm};
use sitrep_analyze::persons::Person;

/// The victims a report told one by one.
pub(crate) struct Victims<'t> {
    /// How many people were told apart.
    pub people: u32,
    /// How many of them were told dead.
    pub dead: u32,
    /// How many of them were told hurt and none told dead: the wounded for sure, where "was
    /// shot" leaves open whether another sentence tells them dead ("Both died later").
    pub hurt: u32,
    /// The words that brought in each one.
    pub words: Vec<&'t str>,
}

/// What tells one victim from another.
#[derive(Debug, Default, Clone, PartialEq)]
struct Identity {
    /// "17-year", "11-month": the age as told.
    age: Option<String>,
    /// The name's key ("antwan brown"), or the one name a later sentence uses ("mahaj").
    name: Option<String>,
    /// "suspect" (the suspect, the gunman, the shooter) or "officer".
    role: Option<&'static str>,
    /// Told dead in one of the phrases about them.
    dead: bool,
    /// Told hurt ("wounded", "in stable condition") in one of them, not only hit.
    hurt: bool,
}

impl Identity {
    fn is_empty(&self) -> bool {
        self.age.is_none() && self.name.is_none() && self.role.is_none()
    }

    /// Whether the two cannot be one person: different ages, names or roles.
    fn conflicts(&self, other: &Identity) -> bool {
        let differ = |a: &Option<String>, b: &Option<String>, same: fn(&str, &str) -> bool| matches!((a, b), (Some(x), Some(y)) if !same(x, y));
        differ(&self.age, &other.age, |x, y| x == y || !same_unit(x, y)) || differ(&self.name, &other.name, same_name) || matches!((self.role, other.role), (Some(x), Some(y)) if x != y)
    }

    /// Whether the two share an age, a name or a role.
    fn shares(&self, other: &Identity) -> bool {
        let both = |a: &Option<String>, b: &Option<String>, same: fn(&str, &str) -> bool| matches!((a, b), (Some(x), Some(y)) if same(x, y));
        both(&self.age, &other.age, |x, y| x == y) || both(&self.name, &other.name, same_name) || matches!((self.role, other.role), (Some(x), Some(y)) if x == y)
    }

    fn absorb(&mut self, other: Identity) {
        self.age = self.age.take().or(other.age);
        self.name = self.name.take().or(other.name);
        self.role = self.role.or(other.role);
        self.dead |= other.dead;
        self.hurt |= other.hurt;
    }
}

/// Whether two ages are told in the same unit: "20-month" and "1-year" may be one baby.
fn same_unit(a: &str, b: &str) -> bool {
    a.rsplit('-').next() == b.rsplit('-').next()
}

/// "antwan brown" and "brown", "mahaj" and "mahaj brown": one name, or one of them a part of
/// the other (but "samuel ortiz" and "maria ortiz" are two people of one family).
fn same_name(a: &str, b: &str) -> bool {
    let part = |one: &str, full: &str| !one.contains(' ') && full.split(' ').any(|w| w == one);
    a == b || part(a, b) || part(b, a)
}

static AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)([a-z]+|\d{1,3})[- ](year|month|week)s?[- ]old(?-u:\b)|,\s*(\d{1,3}),").unwrap()
});
static SUSPECT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(suspect|gunman|shooter|robber|intruder)(?-u:\b)").unwrap());
static OFFICER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(officer|deputy|trooper|policeman|agent)(?-u:\b)").unwrap());
/// Words that bring in someone not yet counted. ("Also" does not: "He was also pronounced
/// dead" is someone told before, "the suspect was also struck" someone told apart by role.)
static FRESH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:another|an?\s+(?:[a-z-]+\s+)?(?:second|third|fourth|fifth|sixth)|the\s+(?:other|second|third|fourth|fifth|sixth))(?-u:\b)").unwrap()
});
/// A first word that is no name: determiners, pronouns, and the capitalised nouns that open a
/// phrase or a headline about someone ("Teen Fatally Shot inside Bronx Apartment").
const NOT_A_NAME: [&str; 30] = [
    "the", "a", "an", "one", "another", "his", "her", "their", "he", "she", "both", "police", "officers", "victim", "authorities", "it", "man", "woman",
    "boy", "girl", "teen", "teenager", "child", "toddler", "baby", "infant", "mother", "father", "son", "daughter",
];

/// Who a one-victim phrase is about, as far as its words tell.
fn identity(phrase: &str, persons: &[Person], offset: usize) -> Identity {
    let age = AGE.captures(phrase).and_then(|c| match (c.get(1), c.get(2), c.get(3)) {
        // "a 4-year-old" and "the four-year-old"
        (Some(n), Some(unit), _) => {
            let n = sitrep_analyze::casualties::number(n.as_str()).map_or_else(|| n.as_str().to_ascii_lowercase(), |n| n.to_string());
            Some(format!("{n}-{}", unit.as_str().to_ascii_lowercase()))
        }
        (_, _, Some(n)) => Some(format!("{}-year", n.as_str())),
        _ => None,
    });
    let name = persons
        .iter()
        .find(|p| p.start >= offset && p.end <= offset + phrase.len())
        .map(|p| p.key.clone())
        .or_else(|| {
            // "Mahaj was critically wounded": one name of someone the article names in full
            // (not "High School died")
            let first = phrase.split(|c: char| !c.is_alphanumeric() && c != '\'').next()?;
            let capital = first.chars().next().is_some_and(char::is_uppercase) && first.chars().skip(1).all(char::is_lowercase);
            let word = first.to_lowercase();
            let named = persons.iter().any(|p| p.key.split(' ').any(|w| w == word));
            (capital && named && !NOT_A_NAME.iter().any(|w| w.eq_ignore_ascii_case(first))).then_some(word)
        });
    let role = if SUSPECT.is_match(phrase) {
        Some("suspect")
    } else if OFFICER.is_match(phrase) {
        Some("officer")
    } else {
        None
    };
    Identity { age, name, role, dead: false, hurt: false }
}

/// The victims a report tells one by one, as told apart and the words that told each one
/// apart; `None` when fewer than two people are told apart. `phrases` are the casualty
/// phrases of the event's sentences (those counting one person are read), in the order told,
/// each with its sentence and the sentence's byte offset in the text `persons` were found in.
pub(crate) fn one_by_one<'t>(phrases: &[(&'t str, usize, Casualty)], persons: &[Person]) -> Option<Victims<'t>> {
    let mut seen: Vec<Identity> = Vec::new();
    let mut words: Vec<&'t str> = Vec::new();
    for &(sentence, offset, ref c) in phrases {
        if !c.tells_one(sentence) || !matches!(c.harm, Harm::Hit | Harm::Injured | Harm::Killed) {
            continue;
        }
        let phrase = &sentence[c.start..c.end];
        let who = Identity { dead: c.harm == Harm::Killed, hurt: c.harm == Harm::Injured, ..identity(phrase, persons, offset + c.start) };
        let fresh = FRESH.is_match(phrase);
        let same = seen.iter().position(|s| s.shares(&who) && !s.conflicts(&who));
        let new = match same {
            Some(i) => {
                seen[i].absorb(who);
                false
            }
            // someone told apart from everyone counted, or announced as someone new
            None if seen.is_empty() || fresh || (!who.is_empty() && seen.iter().all(|s| s.conflicts(&who))) => {
                seen.push(who);
                true
            }
            // nothing new said ("the man", "he"): someone counted, the last told when it can be
            None => {
                if let Some(s) = seen.iter_mut().rev().find(|s| !s.conflicts(&who)) {
                    s.absorb(who);
                }
                false
            }
        };
        if new {
            words.push(phrase);
        }
    }
    let dead = seen.iter().filter(|s| s.dead).count() as u32;
    let hurt = seen.iter().filter(|s| s.hurt && !s.dead).count() as u32;
    (seen.len() >= 2).then_some(Victims { people: seen.len() as u32, dead, hurt, words })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The number of victims told apart in sentences (one text, split at full stops).
    fn tally(text: &str) -> Option<u32> {
        let persons = sitrep_analyze::persons::find(text);
        let mut found = Vec::new();
        let mut offset = 0;
        for sentence in text.split_inclusive(". ") {
            for c in sitrep_analyze::casualties::find(sentence) {
                found.push((sentence, offset, c));
            }
            offset += sentence.len();
        }
        one_by_one(&found, &persons).map(|v| v.people)
    }

    #[test]
    fn people_told_apart_by_name_age_or_role_add_up() {
        assert_eq!(tally("Darnell Hayes, 17, was shot twice in the abdomen. He was taken to a hospital in stable condition. Marcus Trent, 16, was shot in his ankle."), Some(2));
        assert_eq!(tally("A 37-year-old woman was shot and injured during the fight. The 19-year-old was taken to the hospital with a gunshot wound."), Some(2));
        assert_eq!(tally("A police officer was shot during a traffic stop. The suspect was also struck by gunfire."), Some(2));
        assert_eq!(tally("A man was shot in the leg on Elm Street. Another man, 21, suffered a gunshot wound to his arm. A third victim was driven to the hospital by a friend."), Some(3));
    }

    #[test]
    fn the_dead_count_too() {
        assert_eq!(tally("Samuel Ortiz, 10, was pronounced dead at the scene. Paul Reyes, 43, was also pronounced dead. Maria Ortiz is in stable condition."), Some(3));
        assert_eq!(tally("Samuel Ortiz, 10, died at the scene. Paul Reyes, 43, was also killed."), Some(2));
    }

    #[test]
    fn the_same_person_told_again_is_one() {
        // named, then by age, then by pronoun: one victim
        assert_eq!(tally("Darnell Hayes, 17, was shot in the chest. The 17-year-old was taken to a hospital. He is in critical condition."), None);
        assert_eq!(tally("A 1-year-old boy was shot on Elm Street. The one-year-old was taken to a hospital. The 20-month-old is recovering."), None);
        // an indefinite lead and the name the body gives
        assert_eq!(tally("A man was shot Sunday night on Elm Street. Darnell Hayes was taken to the hospital."), None);
        assert_eq!(tally("Darnell Hayes was shot Sunday. Hayes was listed in stable condition."), None);
    }
}
