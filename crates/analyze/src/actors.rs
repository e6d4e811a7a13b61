//! Actors named in a text: states and their forces, armed groups, media, officials and
//! generic actors ("police", "a gunman"), from the curated dictionary
//! `data/curated/actors.tsv`, with the canonical name a record uses.

use std::sync::LazyLock;

use regex::Regex;

static ACTORS_TSV: &str = include_str!("../../../data/curated/actors.tsv");

/// One dictionary actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    /// state, military, armed_group, media, official, police, generic, international
    pub kind: String,
    pub country: Option<String>,
}

/// An actor named in a text (byte span).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorMention {
    pub start: usize,
    pub end: usize,
    pub actor: usize,
}

struct Entry {
    actor: Actor,
    res: Vec<Regex>,
}

static DICT: LazyLock<Vec<Entry>> = LazyLock::new(|| parse(ACTORS_TSV).expect("the embedded actor dictionary is valid"));

/// Splits `a|b(c|d)|e` at the top-level bars only.
fn top_level_alternatives(p: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start, mut escaped) = (0i32, 0, false);
    for (i, ch) in p.char_indices() {
        match ch {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '(' => depth += 1,
            ')' => depth -= 1,
            '|' if depth == 0 => {
                out.push(&p[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&p[start..]);
    out
}

fn parse(tsv: &str) -> Result<Vec<Entry>, String> {
    let mut out = Vec::new();
    for (i, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 4 {
            return Err(format!("actors line {}: expected 4 fields", i + 1));
        }
        let mut res = Vec::new();
        for alt in top_level_alternatives(f[3]) {
            let (flags, body) = match alt.strip_prefix('=') {
                Some(b) => ("", b),
                None => ("(?i)", alt),
            };
            res.push(Regex::new(&format!("{flags}(?:{body})")).map_err(|e| format!("actors line {}: {e}", i + 1))?);
        }
        out.push(Entry {
            actor: Actor { name: f[0].to_string(), kind: f[1].to_string(), country: (!f[2].is_empty()).then(|| f[2].to_string()) },
            res,
        });
    }
    Ok(out)
}

/// The dictionary entry of a mention.
pub fn actor(idx: usize) -> &'static Actor {
    &DICT[idx].actor
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Finds actor names in a text: longest match wins where names overlap ("US-led coalition"
/// over "US"), and matches must stand on word boundaries.
pub fn find(text: &str) -> Vec<ActorMention> {
    let mut all: Vec<ActorMention> = Vec::new();
    for (idx, e) in DICT.iter().enumerate() {
        for re in &e.res {
            for m in re.find_iter(text) {
                if m.start() == m.end() {
                    continue;
                }
                let before = text[..m.start()].chars().next_back();
                let after = text[m.end()..].chars().next();
                let first = m.as_str().chars().next();
                let last = m.as_str().chars().next_back();
                if (is_word(first) && is_word(before)) || (is_word(last) && is_word(after)) {
                    continue;
                }
                all.push(ActorMention { start: m.start(), end: m.end(), actor: idx });
            }
        }
    }
    all.sort_by(|a, b| a.start.cmp(&b.start).then((b.end - b.start).cmp(&(a.end - a.start))));
    let mut out: Vec<ActorMention> = Vec::new();
    for m in all {
        if out.last().is_some_and(|p| m.start < p.end) {
            continue;
        }
        out.push(m);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, String)> {
        find(text).into_iter().map(|m| (text[m.start..m.end].to_string(), actor(m.actor).name.clone())).collect()
    }

    #[test]
    fn coalition_beats_its_leader() {
        assert_eq!(
            names("Syrian state TV blamed the strike on the U.S.-led coalition."),
            [("Syrian state TV".to_string(), "Syrian state TV".to_string()), ("U.S.-led coalition".into(), "US-led coalition".into())]
        );
    }

    #[test]
    fn groups_the_2015_dictionaries_lack() {
        let n = names("facilities used by Kataib Hezbollah and Kataib Sayyid al-Shuhada, and the pro-Iranian Hashd al-Shaabi");
        let canon: Vec<&str> = n.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(canon, ["Kataib Hezbollah", "Kataib Sayyid al-Shuhada", "Popular Mobilization Forces"]);
    }

    #[test]
    fn case_sensitive_abbreviations() {
        // "us" the pronoun is not the United States; "IS" is, "is" is not
        assert!(names("He told us that it is over.").is_empty());
        assert_eq!(names("The IDF declined to comment.")[0].1, "Israel");
        assert_eq!(names("Israeli jets struck targets.")[0].0, "Israeli jets");
    }
}
