//! Time expressions found and normalized against the publication date.
//!
//! News speaks relative to its own date: "Sunday" in a Monday story is the day before,
//! "last month" is the calendar month before, "in April" is the most recent April. Values
//! follow TimeML (`2018-06-17`, `2018-W24`, `2018-06`, `2018-Q3`, `2018-SU`, `2018`,
//! `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`); the future reading is taken only when the
//! sentence says so ("will", "next", "scheduled").

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;

/// How precise a normalized date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    Week,
    Month,
    Quarter,
    Season,
    Year,
    Decade,
    /// A reference to the present, past or future without a calendar value.
    Ref,
}

impl Precision {
    pub fn name(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Season => "season",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Ref => "ref",
        }
    }
}

/// A time expression: its span, TimeML value, and the calendar range it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    pub value: String,
    pub precision: Precision,
    /// First and last day covered; `None` for references without a calendar value.
    pub range: Option<(NaiveDate, NaiveDate)>,
}

const MONTHS: &str = r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember)?)?\.?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)";
const WEEKDAYS: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
const ORD: &str = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)";
const NUMW: &str = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)";

/// The kinds of time expression, each an alternative of [`PATTERN`] with its named parts.
static ALTERNATIVES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let alts = [
        // ISO date
        r"(?P<iso>\d{4}-\d{2}-\d{2})".to_string(),
        // "09/17/2016", "9-17-16": month first as US reports write it, day first when the first
        // number cannot be a month ("17/09/2016")
        r"(?P<num>(?P<na>\d{1,2})(?:/(?P<nb>\d{1,2})/(?P<ny>\d{4}|\d{2})|-(?P<nb2>\d{1,2})-(?P<ny2>\d{4})))".to_string(),
        // June 17, 2018 / June 17 / Sept. 30 / early Jan. 3 (which the month alone would
        // otherwise take from the left)
        format!(r"(?P<md>(?:(?:early|late)\s+)?{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?P<mdy>\d{{4}}))?)"),
        // 17 June 2018 / 17 June
        format!(r"(?P<dm>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}(?:,?\s+(?P<dmy>\d{{4}}))?)"),
        // (early|late|mid-)? June 2018 / last April / this December / in April
        format!(r"(?P<my>(?:(?:early|late|mid-?)\s*)?(?:(?P<mymod>last|this|next|(?:early|late)\s+last)\s+)?{MONTHS}(?:\s+(?:of\s+)?(?P<myy>\d{{4}}))?)"),
        // weekdays, optionally with last/this/next/on
        format!(r"(?P<wd>(?:(?P<wdmod>last|this|next|early|late)\s+)?{WEEKDAYS}(?:\s+(?:night|morning|afternoon|evening))?)"),
        // holidays: "on Father's Day", "Christmas Eve 2015"
        r"(?P<hol>(?P<holname>new\s+year(?:'|’)?s\s+(?:eve|day)|christmas\s+(?:eve|day)|thanksgiving(?:\s+(?:day|eve))?|independence\s+day|(?:the\s+)?fourth\s+of\s+july|halloween|valentine(?:'|’)?s\s+day|mother(?:'|’)?s\s+day|father(?:'|’)?s\s+day|memorial\s+day|labor\s+day|easter(?:\s+sunday)?|(?:martin\s+luther\s+king(?:\s+jr\.?)?|mlk)\s+day)(?:,?\s+(?P<holy>\d{4}))?)".to_string(),
        // quarters
        format!(r"(?P<q>(?:the\s+)?(?:(?P<qy2>\d{{4}})\s+)?(?P<qmod>last\s+year's\s+|this\s+year's\s+)?(?P<qord>{ORD})[\s-]quarter(?:\s+of\s+(?P<qy>\d{{4}}))?)"),
        r"(?P<qcur>(?:the\s+)?(?:current|present)\s+quarter)".to_string(),
        // seasons
        r"(?P<season>(?P<smod>last|this|next|early|late)\s+(?P<sname>spring|summer|fall|autumn|winter))".to_string(),
        // relative units
        r"(?P<rel>(?:the\s+)?(?:(?P<rearly>earlier|later|early|late)\s+)?(?P<rmod>last|this|next|past|previous|coming|current|present)\s+(?P<runit>year|month|week|weekend))".to_string(),
        r"(?P<yago>(?:the\s+)?year[\s-](?:earlier|ago))".to_string(),
        format!(r"(?P<ago>(?P<agon>{NUMW})\s+(?P<agounit>years?|months?|weeks?|days?)\s+(?:ago|earlier|before))"),
        r"(?P<the>the\s+(?P<theunit>weekend|year|month))".to_string(),
        r"(?P<deixis>yesterday|today|tomorrow|tonight|last\s+night|this\s+morning|this\s+afternoon|this\s+evening)".to_string(),
        r"(?P<refpres>now|currently|current|at\s+present|nowadays|these\s+days)".to_string(),
        r"(?P<refpast>recently|recent|the\s+past|previously|in\s+recent\s+(?:years|months|weeks))".to_string(),
        r"(?P<reffut>the\s+future|in\s+the\s+coming\s+(?:years|months|weeks|days)|soon)".to_string(),
        // decades and years
        r"(?P<decade>(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?P<dec>1[89]\d0|20[0-2]0)s)".to_string(),
        r"(?P<year>(?:(?:early|late|mid-?)\s*)?(?P<yy>(?:1[89]|20)\d{2}))".to_string(),
    ];
    Vec::from(alts)
});

/// Every time expression (the first alternative that matches where one starts), found
/// without its parts, which [`PARTS`] then read.
static PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    // ASCII classes: Unicode case folding and \s multiply the states of a large alternation
    regex::RegexBuilder::new(&format!(r"(?i)\b(?:{})\b", ALTERNATIVES.join("|"))).unicode(false).build().expect("timex pattern")
});

/// Each alternative alone, anchored, with the bytes it can begin with: to read the parts of
/// an expression [`PATTERN`] found, from the first alternative that matches where it
/// starts (as the alternation chose). A capture search pays for every state of its
/// automaton over the matched words, and one alternative's is a small part of them all
/// (the capture search over the whole alternation had been about 3% of finding an
/// article's mentions).
static PARTS: LazyLock<Vec<(Regex, [bool; 256])>> = LazyLock::new(|| {
    ALTERNATIVES
        .iter()
        .map(|a| {
            let re = regex::RegexBuilder::new(&format!(r"(?i)^(?:{a})\b")).unicode(false).build().expect("timex alternative");
            (re, crate::gate::first_bytes(std::slice::from_ref(a)).unwrap_or([true; 256]))
        })
        .collect()
});

/// The parts of the expression `whole` found in `text`: those of the first alternative that
/// matches there and ends where it ends (offsets relative to its start).
fn parts_of<'t>(text: &'t str, whole: regex::Match<'_>) -> Option<regex::Captures<'t>> {
    let from = &text[whole.start()..];
    let first = *from.as_bytes().first()? as usize;
    PARTS
        .iter()
        .filter(|(_, starts)| starts[first])
        .find_map(|(re, _)| re.captures(from))
        .filter(|c| c.get(0).is_some_and(|m| m.end() == whole.len()))
}

static FUTURE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(will|won't|'ll|shall|scheduled|expected\s+to|due\s+to|plans?\s+to|planned|is\s+to|are\s+to|upcoming)(?-u:\b)").unwrap()
});

fn month_num(s: &str) -> Option<u32> {
    let l = s.trim().trim_end_matches('.').to_ascii_lowercase();
    let m = match l.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn weekday(s: &str) -> Option<Weekday> {
    s.split_whitespace().find_map(|w| w.parse::<Weekday>().ok())
}

fn month_range(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(y, m + 1, 1)? };
    Some((first, next - Duration::days(1)))
}

fn year_range(y: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?))
}

fn day(d: NaiveDate) -> (String, Precision, Option<(NaiveDate, NaiveDate)>) {
    (d.format("%Y-%m-%d").to_string(), Precision::Day, Some((d, d)))
}

fn month(y: i32, m: u32) -> Option<(String, Precision, Option<(NaiveDate, NaiveDate)>)> {
    Some((format!("{y:04}-{m:02}"), Precision::Month, Some(month_range(y, m)?)))
}

fn year(y: i32) -> Option<(String, Precision, Option<(NaiveDate, NaiveDate)>)> {
    Some((format!("{y:04}"), Precision::Year, Some(year_range(y)?)))
}

fn week(d: NaiveDate, weekend: bool) -> (String, Precision, Option<(NaiveDate, NaiveDate)>) {
    let w = d.iso_week();
    let monday = d - Duration::days(d.weekday().num_days_from_monday() as i64);
    if weekend {
        let sat = monday + Duration::days(5);
        (format!("{:04}-W{:02}-WE", w.year(), w.week()), Precision::Week, Some((sat, sat + Duration::days(1))))
    } else {
        (format!("{:04}-W{:02}", w.year(), w.week()), Precision::Week, Some((monday, monday + Duration::days(6))))
    }
}


/// What follows a house number: a block, a street's direction, a street.
static ADDRESS_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+(?:block|blk\b|hundred block|[NSEW]\.?\s|[A-Z][a-z]+\s+(?:St|Street|Ave|Avenue|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Way|Court|Ct)\b)").unwrap());

/// Finds and normalizes the time expressions in `text`, published on `dct`.
pub fn find(text: &str, dct: NaiveDate) -> Vec<Timex> {
    let mut out = Vec::new();
    for whole in PATTERN.find_iter(text) {
        // (not reached: the alternation and its alternatives agree on what matches)
        let Some(c) = parts_of(text, whole).or_else(|| PATTERN.captures_at(text, whole.start())) else { continue };
        // A future cue counts when it governs the expression: earlier in the same clause and
        // at most a few words before it ("will resume on Tuesday", "is scheduled for Nov. 30").
        let mut clause_start = text[..whole.start()].rfind(['.', '!', '?', '\n', ',', ';']).map(|i| i + 1).unwrap_or(0);
        clause_start = clause_start.max(whole.start().saturating_sub(60));
        while !text.is_char_boundary(clause_start) {
            clause_start += 1;
        }
        let future = FUTURE_CUE.is_match(&text[clause_start..whole.start()]);
        // "In May, …", "since May": a preposition of time makes a capitalised May the month
        let prev_word = text[..whole.start()].split_whitespace().last().unwrap_or("").to_ascii_lowercase();
        let time_prep = matches!(prev_word.as_str(), "in" | "since" | "until" | "by" | "during" | "early" | "late" | "mid" | "through")
            && whole.as_str().trim_start().starts_with("May");
        // "the 1800 block of N. 20th St.", "at 2000 W. Main": a house number, not a year
        if c.name("yy").is_some() && ADDRESS_AFTER.is_match(&text[whole.end()..]) {
            continue;
        }
        // "have fasted every Thursday": a habit, not a day
        if matches!(prev_word.as_str(), "every" | "each") && weekday(&whole.as_str().trim_start().to_ascii_lowercase()).is_some() {
            continue;
        }
        if let Some((value, precision, range)) = normalize(&c, dct, future, time_prep) {
            let lead = whole.as_str().len() - whole.as_str().trim_start().len();
            out.push(Timex { start: whole.start() + lead, end: whole.end(), value, precision, range });
        }
    }
    // "Saturday, April 25": the calendar date says which Saturday
    let mut merged: Vec<Timex> = Vec::with_capacity(out.len());
    for t in out {
        if let Some(prev) = merged.last_mut() {
            let gap = text.get(prev.end..t.start).unwrap_or("x");
            let weekday_first = weekday(&text[prev.start..prev.end]).is_some() && weekday(&text[t.start..t.end]).is_none();
            if weekday_first && t.precision == Precision::Day && matches!(gap, ", " | " " | ",") {
                let named = weekday(&text[prev.start..prev.end].to_ascii_lowercase());
                let t = match named {
                    Some(wd) => {
                        let span = &text[t.start..t.end];
                        on_weekday(t, span, wd)
                    }
                    None => t,
                };
                *prev = Timex { start: prev.start, ..t };
                continue;
            }
        }
        merged.push(t);
    }
    merged
}

/// Years a yearless date with its weekday ("Saturday, Sept. 12") is looked for in before the
/// one its publication date suggests: the weekdays of a date repeat within seven years.
const WEEKDAY_YEARS_BACK: i32 = 7;

/// A date written with its weekday but not its year ("Saturday, Sept. 12") whose nearest
/// reading falls on another weekday is of an earlier year, the latest one on which it was that
/// weekday: the page's date is later than the text's (an archive's capture of an old story
/// dated by the crawl). A date that names its year, or that no recent year fits, is kept.
fn on_weekday(t: Timex, span: &str, wd: Weekday) -> Timex {
    let names_year = span.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
    let Some((d, _)) = t.range else { return t };
    if names_year || d.weekday() == wd {
        return t;
    }
    let earlier = (1..=WEEKDAY_YEARS_BACK).find_map(|back| d.with_year(d.year() - back).filter(|e| e.weekday() == wd));
    match earlier {
        Some(e) => {
            let (value, precision, range) = day(e);
            Timex { value, precision, range, ..t }
        }
        None => t,
    }
}

type Norm = (String, Precision, Option<(NaiveDate, NaiveDate)>);

/// The `n`th `wd` of a month (`n` = 0 for the last one).
fn nth_weekday(y: i32, m: u32, wd: Weekday, n: u32) -> Option<NaiveDate> {
    if n == 0 {
        let last = month_range(y, m)?.1;
        let back = (last.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64).rem_euclid(7);
        return Some(last - Duration::days(back));
    }
    NaiveDate::from_weekday_of_month_opt(y, m, wd, n as u8)
}

/// Easter Sunday of year `y` (Gregorian computus, Meeus/Jones/Butcher).
fn easter(y: i32) -> Option<NaiveDate> {
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (8 * b + 13) / 25;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 19 * l) / 433;
    let month = (h + l - 7 * m + 90) / 25;
    let day = (h + l - 7 * m + 33 * month + 19) % 32;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

/// The day of a holiday (as the US press names them) in year `y`; `name` is lower case.
fn holiday(name: &str, y: i32) -> Option<NaiveDate> {
    let ymd = |m, d| NaiveDate::from_ymd_opt(y, m, d);
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.first().copied()? {
        "new" => ymd(if name.ends_with("eve") { 12 } else { 1 }, if name.ends_with("eve") { 31 } else { 1 }),
        "christmas" => ymd(12, if name.ends_with("eve") { 24 } else { 25 }),
        "thanksgiving" => {
            let day = nth_weekday(y, 11, Weekday::Thu, 4)?;
            Some(if name.ends_with("eve") { day - Duration::days(1) } else { day })
        }
        "independence" | "the" | "fourth" => ymd(7, 4),
        "halloween" => ymd(10, 31),
        "valentine's" | "valentines" => ymd(2, 14),
        "mother's" | "mothers" => nth_weekday(y, 5, Weekday::Sun, 2),
        "father's" | "fathers" => nth_weekday(y, 6, Weekday::Sun, 3),
        "memorial" => nth_weekday(y, 5, Weekday::Mon, 0),
        "labor" => nth_weekday(y, 9, Weekday::Mon, 1),
        "easter" => easter(y),
        "martin" | "mlk" => nth_weekday(y, 1, Weekday::Mon, 3),
        _ => None,
    }
}



impl Timex {
    /// The same month, or month and day, a year earlier, for a date written without its year
    /// that reads as weeks ahead of publication ("On April 2, Lopez opened fire" in a January
    /// story): right for what a text tells as done, which cannot be ahead of its telling.
    /// `None` when the expression names its year or is no month's ("next week").
    pub fn year_before(&self, text: &str) -> Option<Timex> {
        let span = text.get(self.start..self.end)?;
        let names_month = span.split(|c: char| !c.is_ascii_alphabetic()).any(|w| w.len() >= 3 && month_num(w).is_some());
        let names_year = span.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
        if !names_month || names_year || !matches!(self.precision, Precision::Day | Precision::Month) {
            return None;
        }
        let (s, _) = self.range?;
        let (y, m) = (s.year() - 1, s.month());
        let (range, value) = match self.precision {
            Precision::Day => {
                let day = s.with_year(y)?;
                ((day, day), day.format("%Y-%m-%d").to_string())
            }
            _ => {
                let next = if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(y, m + 1, 1)? };
                let first = NaiveDate::from_ymd_opt(y, m, 1)?;
                ((first, next - Duration::days(1)), first.format("%Y-%m").to_string())
            }
        };
        Some(Timex { start: self.start, end: self.end, value, precision: self.precision, range: Some(range) })
    }
}

/// How far ahead a date without a year may be read when nothing marks the future: news
/// announces what is weeks away ("the vote on Nov. 30"), but a month named without a year
/// and far ahead is usually the one just past.
const NEAR_FUTURE_DAYS: i64 = 92;

/// The year for a month (and day) written without one: the closest occurrence to the
/// publication date, preferring the past, allowing the near future (any future with a cue).
fn nearest_year(dct: NaiveDate, future: bool, make: impl Fn(i32) -> Option<NaiveDate>) -> Option<i32> {
    let y = dct.year();
    let mut best: Option<(i64, i32)> = None;
    for yy in [y - 1, y, y + 1] {
        let Some(d) = make(yy) else { continue };
        let delta = (d - dct).num_days();
        let allowed = if future { delta >= -1 } else { delta <= NEAR_FUTURE_DAYS };
        if allowed && best.is_none_or(|(b, _)| delta.abs() < b) {
            best = Some((delta.abs(), yy));
        }
    }
    best.map(|b| b.1)
}

fn normalize(c: &regex::Captures<'_>, dct: NaiveDate, future: bool, time_preposition_before: bool) -> Option<Norm> {
    let get = |n: &str| c.name(n).map(|m| m.as_str());
    // Month names are capitalised in English; lower-case "march" and "may" are verbs.
    if let Some(s) = get("md").or(get("dm")).or(get("my")) {
        let mon_word = s.split(|ch: char| !ch.is_alphabetic()).find(|w| month_num(w).is_some())?;
        if mon_word.chars().next().is_some_and(char::is_lowercase) {
            return None;
        }
    }
    let (y, m) = (dct.year(), dct.month());
    if let Some(s) = get("iso") {
        return NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(day);
    }
    if get("num").is_some() {
        let num = |g: &str| get(g).and_then(|v| v.parse::<u32>().ok());
        let (a, b, yy) = (num("na")?, num("nb").or(num("nb2"))?, num("ny").or(num("ny2"))?);
        let yy = if yy < 100 { 2000 + yy as i32 } else { yy as i32 };
        let (mon, dnum) = if a > 12 { (b, a) } else { (a, b) };
        return Some(day(NaiveDate::from_ymd_opt(yy, mon, dnum)?));
    }
    if let Some(s) = get("md").or(get("dm")) {
        let mon = s.split(|ch: char| !ch.is_alphabetic()).find_map(month_num)?;
        let dnum: u32 = s.split(|ch: char| !ch.is_ascii_digit()).find(|t| !t.is_empty() && t.len() <= 2)?.parse().ok()?;
        let explicit_year = get("mdy").or(get("dmy")).and_then(|v| v.parse::<i32>().ok());
        let date = match explicit_year {
            Some(yy) => NaiveDate::from_ymd_opt(yy, mon, dnum)?,
            None => {
                let pick = nearest_year(dct, future, |yy| NaiveDate::from_ymd_opt(yy, mon, dnum))?;
                NaiveDate::from_ymd_opt(pick, mon, dnum)?
            }
        };
        return Some(day(date));
    }
    if let Some(s) = get("my") {
        let mon_word = s.split_whitespace().find(|w| month_num(w).is_some())?;
        // "may" alone is almost always the verb, and a bare "Jan" or "Mar" is a name
        if mon_word.eq_ignore_ascii_case("may") && get("myy").is_none() && get("mymod").is_none() && !time_preposition_before {
            return None;
        }
        if mon_word.len() <= 3 && !mon_word.ends_with('.') && get("myy").is_none() && !mon_word.eq_ignore_ascii_case("may") {
            return None;
        }
        let mon = month_num(mon_word)?;
        if let Some(yy) = get("myy").and_then(|v| v.parse::<i32>().ok()) {
            return month(yy, mon);
        }
        let modifier = get("mymod").map(|s| s.to_ascii_lowercase()).unwrap_or_default();
        let yy = if modifier.ends_with("last") {
            if mon < m && mon + 1 != m { y } else { y - 1 }
        } else if modifier == "next" {
            if mon > m { y } else { y + 1 }
        } else if modifier == "this" {
            y
        } else {
            nearest_year(dct, future, |yy| NaiveDate::from_ymd_opt(yy, mon, 15))?
        };
        return month(yy, mon);
    }
    if let Some(s) = get("wd") {
        let wd = weekday(&s.to_ascii_lowercase())?;
        let modifier = get("wdmod").map(|s| s.to_ascii_lowercase()).unwrap_or_default();
        let back = (dct.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64).rem_euclid(7);
        let date = if modifier == "next" || (future && modifier != "last") {
            let ahead = (wd.num_days_from_monday() as i64 - dct.weekday().num_days_from_monday() as i64).rem_euclid(7);
            dct + Duration::days(if ahead == 0 { 7 } else { ahead })
        } else if modifier == "last" && back == 0 {
            dct - Duration::days(7)
        } else {
            dct - Duration::days(back)
        };
        return Some(day(date));
    }
    if let Some(name) = get("holname") {
        let name = name.to_ascii_lowercase().replace('’', "'");
        let date = match get("holy").and_then(|v| v.parse::<i32>().ok()) {
            Some(yy) => holiday(&name, yy)?,
            None => holiday(&name, nearest_year(dct, future, |yy| holiday(&name, yy))?)?,
        };
        return Some(day(date));
    }
    if get("q").is_some() {
        let q = match get("qord")?.to_ascii_lowercase().as_str() {
            "first" | "1st" => 1,
            "second" | "2nd" => 2,
            "third" | "3rd" => 3,
            _ => 4,
        };
        let qmod = get("qmod").unwrap_or("").to_ascii_lowercase();
        let yy = get("qy")
            .or(get("qy2"))
            .and_then(|v| v.parse().ok())
            .unwrap_or(if qmod.starts_with("last") { y - 1 } else { y });
        let first = NaiveDate::from_ymd_opt(yy, (q - 1) * 3 + 1, 1)?;
        let last = month_range(yy, q * 3)?.1;
        return Some((format!("{yy:04}-Q{q}"), Precision::Quarter, Some((first, last))));
    }
    if get("qcur").is_some() {
        let q = (m - 1) / 3 + 1;
        let first = NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1)?;
        return Some((format!("{y:04}-Q{q}"), Precision::Quarter, Some((first, month_range(y, q * 3)?.1))));
    }
    if get("season").is_some() {
        let code = match get("sname")?.to_ascii_lowercase().as_str() {
            "spring" => "SP",
            "summer" => "SU",
            "fall" | "autumn" => "FA",
            _ => "WI",
        };
        let yy = match get("smod")?.to_ascii_lowercase().as_str() {
            "last" => y - 1,
            "next" => y + 1,
            _ => y,
        };
        return Some((format!("{yy:04}-{code}"), Precision::Season, year_range(yy)));
    }
    if get("rel").is_some() {
        let unit = get("runit")?.to_ascii_lowercase();
        let shift: i64 = match get("rmod")?.to_ascii_lowercase().as_str() {
            "last" | "past" | "previous" => -1,
            "next" | "coming" => 1,
            _ => 0,
        };
        return match unit.as_str() {
            "year" => year(y + shift as i32),
            "month" => {
                let total = y * 12 + m as i32 - 1 + shift as i32;
                month(total.div_euclid(12), total.rem_euclid(12) as u32 + 1)
            }
            "week" => Some(week(dct + Duration::weeks(shift), false)),
            _ => Some(week(dct + Duration::weeks(shift), true)),
        };
    }
    if get("yago").is_some() {
        return year(y - 1);
    }
    if get("ago").is_some() {
        let n = crate::casualties::number(get("agon")?)? as i64;
        let unit = get("agounit")?.to_ascii_lowercase();
        return if unit.starts_with("year") {
            year(y - n as i32)
        } else if unit.starts_with("month") {
            let total = y * 12 + m as i32 - 1 - n as i32;
            month(total.div_euclid(12), total.rem_euclid(12) as u32 + 1)
        } else if unit.starts_with("week") {
            Some(week(dct - Duration::weeks(n), false))
        } else {
            Some(day(dct - Duration::days(n)))
        };
    }
    if get("the").is_some() {
        return match get("theunit")?.to_ascii_lowercase().as_str() {
            "weekend" => {
                let back = (dct.weekday().num_days_from_monday() as i64 - 5).rem_euclid(7);
                Some(week(dct - Duration::days(if future { -((5 - dct.weekday().num_days_from_monday() as i64).rem_euclid(7)) } else { back }), true))
            }
            "year" => year(y),
            _ => month(y, m),
        };
    }
    if let Some(s) = get("deixis") {
        let s = s.to_ascii_lowercase();
        let d = if s == "yesterday" || s.starts_with("last") {
            dct - Duration::days(1)
        } else if s == "tomorrow" {
            dct + Duration::days(1)
        } else {
            dct
        };
        return Some(day(d));
    }
    if get("refpres").is_some() {
        return Some(("PRESENT_REF".into(), Precision::Ref, None));
    }
    if get("refpast").is_some() {
        return Some(("PAST_REF".into(), Precision::Ref, None));
    }
    if get("reffut").is_some() {
        return Some(("FUTURE_REF".into(), Precision::Ref, None));
    }
    if let Some(d) = get("dec") {
        let start: i32 = d.parse().ok()?;
        return Some((d[..3].to_string(), Precision::Decade, Some((NaiveDate::from_ymd_opt(start, 1, 1)?, NaiveDate::from_ymd_opt(start + 9, 12, 31)?))));
    }
    if let Some(yy) = get("yy") {
        return year(yy.parse().ok()?);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    fn values(text: &str, dct: NaiveDate) -> Vec<(String, String)> {
        find(text, dct).into_iter().map(|t| (text[t.start..t.end].to_string(), t.value)).collect()
    }

    #[test]
    fn each_expression_reads_its_parts_from_the_alternative_the_alternation_chose() {
        let text = "On Sunday, June 17, 2018, and again last week (2018-06-10, 6/9/18, 9 June), the \
                    first quarter of 2017, last summer, two years ago, the 1990s, Christmas Eve 2015, \
                    early last April and yesterday; the 1800 block, now, mid-2019.";
        let names: Vec<&str> = PATTERN.capture_names().flatten().collect();
        let mut found = 0;
        for whole in PATTERN.find_iter(text) {
            let parts = parts_of(text, whole).expect("an alternative matches where the alternation did");
            let all = PATTERN.captures_at(text, whole.start()).expect("the alternation matches again");
            for n in &names {
                assert_eq!(parts.name(n).map(|m| m.as_str()), all.name(n).map(|m| m.as_str()), "{n} in {:?}", whole.as_str());
            }
            found += 1;
        }
        assert!(found >= 15, "{found}");
    }

    #[test]
    fn a_weekday_with_its_date_is_that_date() {
        // published Friday 1998-04-24: "Saturday, April 25" is tomorrow, not last Saturday
        assert_eq!(values("The vote is set for Saturday, April 25.", d(1998, 4, 24)), [("Saturday, April 25".to_string(), "1998-04-25".to_string())]);
        assert_eq!(values("It happened on Saturday in April.", d(1998, 4, 24)).len(), 2);
    }

    #[test]
    fn a_weekday_that_does_not_fit_the_nearest_year_says_which_year() {
        // an archive's capture dated 2017-01-28 of a story told in 2015, when Sept. 12 was a
        // Saturday (2016's was a Monday)
        let dct = d(2017, 1, 28);
        assert_eq!(values("The shooting happened at 2:30 a.m. Saturday, Sept. 12, near Fifth Street.", dct)[0].1, "2015-09-12");
        assert_eq!(values("The shooting happened Monday, Sept. 12.", dct)[0].1, "2016-09-12");
        // a year written out is kept, whatever the weekday
        assert_eq!(values("The shooting happened Saturday, Sept. 12, 2016.", dct)[0].1, "2016-09-12");
    }

    #[test]
    fn numeric_dates_month_first_unless_the_first_cannot_be_a_month() {
        let dct = d(2016, 9, 18);
        let v = |t: &str| values(t, dct).into_iter().map(|x| x.1).collect::<Vec<_>>();
        assert_eq!(v("On 09/17/2016, at approximately 9:04 AM, police received a report."), ["2016-09-17"]);
        assert_eq!(v("Accidental Shooting Death Date: 09-17-2016 01:01:46"), ["2016-09-17"]);
        assert_eq!(v("It happened on 9/3/16."), ["2016-09-03"]);
        assert_eq!(v("It happened on 17/09/2016."), ["2016-09-17"]);
        // a phone number, a score and a range are no dates
        assert!(v("Call 843-554-1111 or 1-888-274-6372.").is_empty());
        assert!(v("They won 3-2-1 in the league.").is_empty());
    }

    #[test]
    fn a_weekday_every_week_is_no_day() {
        let v = values("Her family members have fasted every Thursday and prayed daily for an arrest.", d(2013, 3, 18));
        assert!(v.is_empty(), "{v:?}");
        assert_eq!(values("The family fasted on Thursday.", d(2013, 3, 18))[0].1, "2013-03-14");
    }

    #[test]
    fn sunday_in_a_monday_story_is_the_day_before() {
        // 2018-06-18 was a Monday
        let v = values("An air strike on Sunday close to the Iraq-Syria border was carried out by Israel.", d(2018, 6, 18));
        assert_eq!(v, [("Sunday".to_string(), "2018-06-17".to_string())]);
    }

    #[test]
    fn months_and_years_take_the_past_reading() {
        let dct = d(2018, 6, 18);
        let v = values("Last month, an air strike took place south of Damascus. In April, an airbase was hit.", dct);
        assert_eq!(v, [("Last month".into(), "2018-05".into()), ("April".into(), "2018-04".into())]);
        let v = values("A strike in June 2018 hit a KH headquarters, as in December 2019 and in 2021.", d(2021, 3, 1));
        assert_eq!(v, [("June 2018".into(), "2018-06".into()), ("December 2019".into(), "2019-12".into()), ("2021".into(), "2021".into())]);
        let v = values("the event on December 17, the report noted", d(2021, 3, 1));
        assert_eq!(v[0].1, "2020-12-17");
        // a house number is no year
        assert!(values("Police responded to the 1800 block of Lehigh Avenue.", d(2016, 6, 24)).is_empty());
        assert!(values("He was shot at 2000 W. Main and died at 1900 Lincoln Street.", d(2016, 6, 24)).is_empty());
        assert_eq!(values("It happened in 1999 in Ohio.", d(2016, 6, 24)).len(), 1);
        assert_eq!(values("In 2015 West Virginia passed the law.", d(2016, 6, 24)).len(), 1);
        // a part of the day before the date is still that day
        let v = values("The shooting happened early Jan. 3 near the barricade.", d(2017, 2, 28));
        assert_eq!(v, [("early Jan. 3".into(), "2017-01-03".into())]);
    }

    #[test]
    fn future_cues_turn_the_reading_forward() {
        let v = values("The talks will resume on Tuesday.", d(2018, 6, 18));
        assert_eq!(v[0].1, "2018-06-19");
        let v = values("The vote is scheduled for Nov. 30.", d(1989, 10, 30));
        assert_eq!(v[0].1, "1989-11-30");
    }

    #[test]
    fn relative_expressions() {
        let dct = d(1998, 3, 6); // a Friday
        assert_eq!(values("last week", dct)[0].1, "1998-W09");
        assert_eq!(values("yesterday", dct)[0].1, "1998-03-05");
        assert_eq!(values("two years ago", dct)[0].1, "1996");
        assert_eq!(values("the third quarter", dct)[0].1, "1998-Q3");
        assert_eq!(values("last February", d(1998, 3, 1))[0].1, "1997-02");
        assert_eq!(values("this summer", dct)[0].1, "1998-SU");
        assert_eq!(values("now", dct)[0].1, "PRESENT_REF");
        assert_eq!(values("Friday", dct)[0].1, "1998-03-06");
    }

    #[test]
    fn dates_without_a_year_take_the_nearest_occurrence() {
        // weeks ahead: an announced date; months ahead: the one just past
        assert_eq!(values("Shareholders meet Dec. 7 in Chicago.", d(1989, 10, 30))[0].1, "1989-12-07");
        assert_eq!(values("Sales rose in August, the company said.", d(1989, 10, 30))[0].1, "1989-08");
        assert_eq!(values("The plant closed in July.", d(1990, 2, 10))[0].1, "1989-07");
        assert_eq!(values("the 1988 third quarter", d(1989, 10, 30))[0].1, "1988-Q3");
        assert_eq!(values("the current quarter", d(1989, 10, 30))[0].1, "1989-Q4");
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert!(values("The strikes may have been in response to an attack.", d(2021, 3, 1)).is_empty());
        assert_eq!(values("In May, a military unit said warplanes struck.", d(2018, 6, 18))[0].1, "2018-05");
        assert_eq!(values("in May 2018", d(2021, 3, 1))[0].1, "2018-05");
    }

    #[test]
    fn holidays_fall_on_their_day_of_the_nearest_year() {
        // a Monday story about the day before
        assert_eq!(values("found dead inside their home on Father's Day", d(2015, 6, 22))[0].1, "2015-06-21");
        assert_eq!(values("shot on Thanksgiving Day", d(2016, 11, 26))[0].1, "2016-11-24");
        assert_eq!(values("killed on Christmas Eve", d(2015, 1, 3))[0].1, "2014-12-24");
        assert_eq!(values("a party on New Year’s Eve", d(2017, 1, 2))[0].1, "2016-12-31");
        assert_eq!(values("over Memorial Day weekend", d(2014, 5, 28))[0].1, "2014-05-26");
        assert_eq!(values("on Easter Sunday 2016", d(2017, 1, 1))[0].1, "2016-03-27");
        assert_eq!(values("on Labor Day", d(2017, 9, 5))[0].1, "2017-09-04");
        assert_eq!(values("Mother's Day", d(2018, 5, 14))[0].1, "2018-05-13");
        assert_eq!(values("the Fourth of July", d(2016, 7, 6))[0].1, "2016-07-04");
    }

    #[test]
    fn precision_and_range() {
        let t = &find("in June 2018", d(2021, 3, 1))[0];
        assert_eq!(t.precision, Precision::Month);
        assert_eq!(t.range, Some((d(2018, 6, 1), d(2018, 6, 30))));
    }

    #[test]
    fn a_yearless_date_reads_a_year_earlier_on_request() {
        let text = "On April 2, he opened fire. In December, police said. Next week, on April 9, 2015.";
        let all = find(text, d(2015, 1, 25));
        let back: Vec<_> = all.iter().map(|t| t.year_before(text).map(|b| (b.value, b.range))).collect();
        assert_eq!(all[0].value, "2015-04-02");
        assert_eq!(back[0], Some(("2014-04-02".to_string(), Some((d(2014, 4, 2), d(2014, 4, 2))))));
        // a month covers its days, and a date or week that names its year stays
        assert_eq!(back[1], Some(("2013-12".to_string(), Some((d(2013, 12, 1), d(2013, 12, 31))))));
        assert!(back[2..].iter().all(Option::is_none));
    }
}
