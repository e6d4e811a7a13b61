//! Many regexes over one text, each searched only where it can start: every match of a
//! pattern begins with one of its prefix literals, so one Aho-Corasick pass over the text
//! tells which patterns can match and where, and a pattern none of whose literals occurs is
//! not run. Each regex search costs about half a microsecond however short the text, and one
//! multi-pattern automaton of many patterns is slower still (a `RegexSet` leaves the lazy
//! DFA), so the gate is what keeps dictionaries of patterns cheap; searched anchored at its
//! literals, a pattern reads its own words instead of the whole text.

/// The start [`Gate::open`] gives a pattern without prefix literals: it may start anywhere.
pub const ANYWHERE: usize = usize::MAX;

/// The prefix literals of a list of patterns, with the patterns each one opens.
pub struct Gate {
    literals: aho_corasick::AhoCorasick,
    /// per literal: the patterns it opens
    opens: Vec<Vec<usize>>,
    /// patterns without a finite literal prefix set, always run
    always: Vec<usize>,
}

impl Gate {
    /// The gate of `patterns` (as the regex crate reads them, matched case-insensitively or
    /// not: the literals are compared ignoring ASCII case, which only lets more through).
    pub fn new(patterns: &[&str]) -> Result<Gate, String> {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut opens: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        for (i, p) in patterns.iter().enumerate() {
            match prefix_literals(p) {
                Some(lits) => {
                    for l in lits {
                        match literals.iter().position(|x| *x == l) {
                            Some(k) => opens[k].push(i),
                            None => {
                                literals.push(l);
                                opens.push(vec![i]);
                            }
                        }
                    }
                }
                None => always.push(i),
            }
        }
        let literals = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&literals)
            .map_err(|e| format!("literal gate: {e}"))?;
        Ok(Gate { literals, opens, always })
    }

    /// The patterns that can match in `text` with where: (pattern, start) in pattern and
    /// text order, [`ANYWHERE`] as the start of a pattern without prefix literals.
    pub fn open(&self, text: &str) -> Vec<(usize, usize)> {
        let mut open: Vec<(usize, usize)> = self.always.iter().map(|&i| (i, ANYWHERE)).collect();
        for m in self.literals.find_overlapping_iter(text) {
            open.extend(self.opens[m.pattern().as_usize()].iter().map(|&i| (i, m.start())));
        }
        open.sort_unstable();
        open.dedup();
        open
    }
}

/// The lower-cased literals every match of `pattern` starts with, or None when there is no
/// such finite set (a pattern that can start anywhere). Patterns are parsed lower-cased, as
/// the literals are compared ignoring case (a pattern with an upper-case escape such as `\W`,
/// which lower-casing would change, is always run).
fn prefix_literals(pattern: &str) -> Option<Vec<Vec<u8>>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    if pattern.as_bytes().windows(2).any(|w| w[0] == b'\\' && w[1].is_ascii_uppercase()) {
        return None;
    }
    let hir = regex_syntax::Parser::new().parse(&pattern.to_lowercase()).ok()?;
    let mut ex = Extractor::new();
    ex.kind(ExtractKind::Prefix);
    let seq = ex.extract(&hir);
    let lits: Vec<Vec<u8>> = seq.literals()?.iter().map(|l| l.as_bytes().to_vec()).collect();
    // an empty literal means the pattern can start with anything
    (!lits.is_empty() && lits.iter().all(|l| !l.is_empty())).then_some(lits)
}

/// The bytes matches of `patterns` (case-insensitive ASCII patterns, as the casualty and time
/// patterns are compiled) can begin with, or None when a pattern can match the empty string
/// (or does not parse).
pub(crate) fn first_bytes(patterns: &[String]) -> Option<[bool; 256]> {
    let mut first = [false; 256];
    for p in patterns {
        let hir = regex_syntax::ParserBuilder::new().case_insensitive(true).unicode(false).build().parse(p).ok()?;
        if first_of(&hir, &mut first) {
            return None;
        }
    }
    Some(first)
}

/// Marks in `out` the bytes a match of `hir` can begin with; true when it can match empty
/// (then what follows it can begin the match too). Assertions are passed over: a superset.
fn first_of(hir: &regex_syntax::hir::Hir, out: &mut [bool; 256]) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(l) => match l.0.first() {
            Some(&b) => {
                out[b as usize] = true;
                false
            }
            None => true,
        },
        HirKind::Class(Class::Bytes(c)) => {
            for r in c.ranges() {
                (r.start()..=r.end()).for_each(|b| out[b as usize] = true);
            }
            false
        }
        HirKind::Class(Class::Unicode(c)) => {
            for r in c.ranges() {
                (r.start()..=r.end().min('\x7f')).for_each(|ch| out[ch as usize] = true);
                if r.end() > '\x7f' {
                    // (the lead bytes of any longer character)
                    (0xC2..=0xF4).for_each(|b| out[b] = true);
                }
            }
            false
        }
        HirKind::Repetition(r) => first_of(&r.sub, out) || r.min == 0,
        HirKind::Capture(c) => first_of(&c.sub, out),
        HirKind::Concat(items) => items.iter().all(|h| first_of(h, out)),
        HirKind::Alternation(alts) => alts.iter().fold(false, |empty, h| first_of(h, out) | empty),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_opens_where_its_literals_occur_and_one_without_them_everywhere() {
        let gate = Gate::new(&[r"(?i)air\s*strikes?", r"(?i)(?:the )?kremlin", r"\w+ said", "shell(?:ed|ing)"]).unwrap();
        let text = "The Kremlin said an air strike hit; Shelling went on. The airstrikes";
        let open = gate.open(text);
        let at = |p: usize| open.iter().filter(|o| o.0 == p).map(|o| o.1).collect::<Vec<_>>();
        assert_eq!(at(0), [text.find("air strike").unwrap(), text.rfind("airstrikes").unwrap()]);
        // "the kremlin" and "kremlin" both open it (the first "The" only once)
        assert_eq!(at(1), [0, 4]);
        assert_eq!(at(2), [ANYWHERE]);
        // ASCII case is ignored, whatever the pattern's flags
        assert_eq!(at(3), [text.find("Shelling").unwrap()]);
        assert!(open.windows(2).all(|w| w[0] < w[1]), "{open:?}");
    }
}
