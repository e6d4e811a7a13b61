//! `sitrep articles` and `sitrep article`: reading the store back.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use serde_json::json;
use sitrep_store::{ArticleFilter, Store, StoredArticle};

use crate::Format;

#[derive(Args)]
pub struct ArticlesArgs {
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Only this story group.
    #[arg(long)]
    story: Option<String>,
    /// Only this outlet (case-insensitive).
    #[arg(long)]
    outlet: Option<String>,
    /// Published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    since: Option<chrono::NaiveDate>,
    /// Published on or before this date (YYYY-MM-DD).
    #[arg(long)]
    until: Option<chrono::NaiveDate>,
    #[arg(long)]
    limit: Option<usize>,
}

#[derive(Args)]
pub struct ArticleArgs {
    /// Article id (`a_…`) or an unambiguous prefix of it.
    id: String,
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

fn to_json(s: &StoredArticle, with_text: bool) -> serde_json::Value {
    let a = &s.article;
    let mut v = json!({
        "id": a.id,
        "title": a.title,
        "outlet": a.outlet,
        "site": a.site,
        "published": a.published.map(|d| d.to_string()),
        "url": a.url,
        "story": s.story,
        "byline": a.byline,
        "language": a.language,
        "copies": s.copies,
        "origin": a.origin,
    });
    if with_text {
        v["text"] = json!(a.text);
    }
    v
}

/// A title to show: the headline, or the opening words when the article has none.
fn display_title(s: &StoredArticle) -> String {
    match &s.article.title {
        Some(t) => t.clone(),
        None => {
            let first: String = s.article.text.chars().take(70).collect();
            format!("({}…)", first.trim())
        }
    }
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n { s.to_string() } else { format!("{}…", s.chars().take(n - 1).collect::<String>()) }
}

pub fn articles(store: &dyn Store, args: ArticlesArgs) -> Result<()> {
    let filter = ArticleFilter { story: args.story, outlet: args.outlet, since: args.since, until: args.until, limit: args.limit };
    let rows = store.articles(&filter)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        Format::Json => {
            let v: Vec<_> = rows.iter().map(|r| to_json(r, true)).collect();
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            for r in &rows {
                serde_json::to_writer(&mut out, &to_json(r, true))?;
                writeln!(out)?;
            }
        }
        Format::Table => {
            writeln!(out, "{:<20} {:<10} {:<20} {:<20} {}", "ID", "PUBLISHED", "OUTLET", "STORY", "TITLE")?;
            for r in &rows {
                let a = &r.article;
                writeln!(
                    out,
                    "{:<20} {:<10} {:<20} {:<20} {}",
                    a.id,
                    a.published.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
                    cut(a.outlet.as_deref().unwrap_or("-"), 20),
                    r.story,
                    cut(&display_title(r), 80)
                )?;
            }
            let stories: std::collections::HashSet<&str> = rows.iter().map(|r| r.story.as_str()).collect();
            writeln!(out, "{} articles in {} story groups", rows.len(), stories.len())?;
        }
    }
    Ok(())
}

pub fn article(store: &dyn Store, args: ArticleArgs) -> Result<ExitCode> {
    let Some(s) = store.article(&args.id)? else {
        eprintln!("sitrep: no article with id or unique prefix {:?}", args.id);
        return Ok(ExitCode::FAILURE);
    };
    let mates: Vec<StoredArticle> = store
        .articles(&ArticleFilter { story: Some(s.story.clone()), ..Default::default() })?
        .into_iter()
        .filter(|m| m.article.id != s.article.id)
        .collect();
    let sources = store.sources(&s.article.id)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.format != Format::Table {
        let mut v = to_json(&s, true);
        v["story_mates"] = json!(mates.iter().map(|m| to_json(m, false)).collect::<Vec<_>>());
        v["sources"] = json!(sources
            .iter()
            .map(|x| json!({"url": x.url, "outlet": x.outlet, "published": x.published.map(|d| d.to_string()), "ext_id": x.ext_id, "origin": x.origin}))
            .collect::<Vec<_>>());
        serde_json::to_writer_pretty(&mut out, &v)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let a = &s.article;
    let field = |k: &str, v: Option<&str>| format!("{k:<10} {}\n", v.unwrap_or("-"));
    write!(out, "{}", field("id", Some(&a.id)))?;
    write!(out, "{}", field("title", a.title.as_deref()))?;
    write!(out, "{}", field("outlet", a.outlet.as_deref()))?;
    if a.site.is_some() {
        write!(out, "{}", field("site", a.site.as_deref()))?;
    }
    write!(out, "{}", field("published", a.published.map(|d| d.to_string()).as_deref()))?;
    write!(out, "{}", field("byline", a.byline.as_deref()))?;
    write!(out, "{}", field("url", a.url.as_deref()))?;
    write!(out, "{}", field("language", a.language.as_deref()))?;
    write!(out, "{}", field("read from", Some(&a.origin)))?;
    write!(out, "{}", field("story", Some(&s.story)))?;
    if sources.len() > 1 {
        writeln!(out, "copies     {} other sources carried exactly this text:", sources.len() - 1)?;
        for x in sources.iter().filter(|x| x.origin != a.origin) {
            writeln!(out, "           {} {}", x.outlet.as_deref().unwrap_or("-"), x.url.as_deref().unwrap_or(&x.origin))?;
        }
    }
    if mates.is_empty() {
        writeln!(out, "group      no other article in this story group")?;
    } else {
        writeln!(out, "group      {} other article(s) are copies or rewrites of the same report:", mates.len())?;
        for m in &mates {
            writeln!(
                out,
                "           {} {} {} {}",
                m.article.id,
                m.article.published.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
                m.article.outlet.as_deref().unwrap_or("-"),
                cut(&display_title(m), 60)
            )?;
        }
    }
    writeln!(out, "\n{}", a.text)?;
    Ok(ExitCode::SUCCESS)
}

pub fn stats(store: &dyn Store, format: Format) -> Result<()> {
    let t = store.totals()?;
    if format == Format::Table {
        println!("articles      {}", t.articles);
        println!("sources       {}  (URLs or records that carried an article's text)", t.sources);
        println!("story groups  {}  ({} with more than one article)", t.stories, t.multi_article_stories);
        println!("events        {}  (one record per real event, merged across articles)", t.events);
    } else {
        let v = json!({"articles": t.articles, "sources": t.sources, "stories": t.stories, "multi_article_stories": t.multi_article_stories, "events": t.events});
        println!("{v}");
    }
    Ok(())
}
