//! Times each trigger pattern over the sentences of a JSONL of articles (one `text` per line):
//! shows which cues dominate `Lexicon::score` (before the literal gate, every cue cost about
//! the same: the per-search overhead, not the pattern, was the cost).
//! `cargo run --release -p sitrep-extract --example lexicon_cost < articles.jsonl | sort -rn`
use std::io::BufRead;

fn main() {
    let lex = sitrep_extract::triggers::Lexicon::embedded();
    let mut sentences = Vec::new();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let Some(start) = line.find("\"text\": \"").or_else(|| line.find("\"text\":\"")) else { continue };
        let text = &line[start..];
        for (s, e) in sitrep_analyze::sentences::split(text) {
            sentences.push(text[s..e].to_string());
        }
    }
    let t = std::time::Instant::now();
    let mut n = 0;
    for s in &sentences {
        n += lex.score(s).len();
    }
    eprintln!("{} sentences, score() total {:?} ({n} scored)", sentences.len(), t.elapsed());
    for (i, (p, re)) in lex.patterns().enumerate() {
        let t = std::time::Instant::now();
        let mut hits = 0;
        for s in &sentences {
            hits += re.is_match(s) as usize;
        }
        println!("{:>8.1}ms {hits:>6} {i:>3} {}", t.elapsed().as_secs_f64() * 1e3, &p.chars().take(90).collect::<String>());
    }
}
