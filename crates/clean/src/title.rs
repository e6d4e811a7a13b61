//! Page titles without the site's name: "Teen shot in Baker - WAFB 9 News Baton Rouge,
//! Louisiana News, Weather, Sports" is the headline "Teen shot in Baker". The site's name is
//! the same on all its pages, so left in place it makes unrelated stories of one outlet look
//! alike (story leads are compared word by word) and puts every story in the station's town.

use std::sync::LazyLock;

use regex::Regex;

// letters and digits only, lower case: "WMC Action News 5" and "wmcactionnews5" alike
use super::norm as fold;

/// Separators between a headline and the site's name: a spaced dash, a bar, a bullet.
static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+(?:--?|–|—|•|::)\s+|\s*\|\s*").expect("separator pattern"));

/// Words that name a news site rather than tell news: "News", "Weather", "Channel", a
/// newspaper's "Gazette" or "Tribune", a network and its number ("FOX 12", "CBS46"), a web
/// address, station call letters.
static SITE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:news|weather|sports|tv|television|channel|newschannel|radio|online|gazette|herald|tribune|journal|times|courier|chronicle|inquirer|observer|examiner|dispatch|sentinel|bulletin|(?:fox|abc|cbs|nbc|cw)\s?\d+|[a-z0-9-]+\.(?:com|net|org|tv))\b|(?-i:\b[KW][A-Z]{2,3}(?:-(?:TV|DT|FM|AM))?\b)")
        .expect("site-words pattern")
});

/// Longest segment (in words) still taken for a site's name.
const MAX_SITE_WORDS: usize = 14;

/// A page title split into its headline and the site's name: the headline runs up to the
/// first segment after the first that names the site (by the words sites name themselves
/// with, or by the name the site's `host` is registered under, "wmcactionnews5" of
/// "www.wmcactionnews5.com"); the site's name is that segment and all after it ("WMC Action
/// News 5 - Memphis, Tennessee"). The first segment is always the headline's.
pub fn split<'a>(title: &'a str, host: Option<&str>) -> (&'a str, Option<&'a str>) {
    // the label before the top-level domain: "suntimes" of "chicago.suntimes.com", not the
    // city a "Chicago police say" segment would match
    let stem: Option<String> = host.and_then(|h| h.rsplit('.').nth(1)).map(fold).filter(|s| s.len() >= 4);
    let names_site = |segment: &str| {
        let folded = fold(segment);
        segment.split_whitespace().count() <= MAX_SITE_WORDS
            && (SITE_WORDS.is_match(segment)
                || stem.as_deref().is_some_and(|s| !folded.is_empty() && (folded.contains(s) || (folded.len() >= 4 && s.contains(&folded)))))
    };
    for sep in SEPARATOR.find_iter(title) {
        if sep.start() == 0 {
            continue;
        }
        let rest = &title[sep.end()..];
        let segment = SEPARATOR.find(rest).map_or(rest, |next| &rest[..next.start()]);
        if names_site(segment) {
            let name = rest.trim();
            return (title[..sep.start()].trim_end(), (!name.is_empty()).then_some(name));
        }
    }
    (title, None)
}

#[cfg(test)]
mod tests {
    use super::split;

    fn headline<'a>(title: &'a str, site: Option<&str>) -> &'a str {
        split(title, site).0
    }

    #[test]
    fn the_site_name_and_what_follows_it_go() {
        let t = "Baker PD: 11-year-old boy shot in hand by teen; suspect arrested - WAFB 9 News Baton Rouge, Louisiana News, Weather, Sports";
        assert_eq!(headline(t, Some("wafb.com")), "Baker PD: 11-year-old boy shot in hand by teen; suspect arrested");
        let t = "Man shot near Tom Lee Park - WMC Action News 5 - Memphis, Tennessee";
        assert_eq!(split(t, Some("wmcactionnews5.com")), ("Man shot near Tom Lee Park", Some("WMC Action News 5 - Memphis, Tennessee")));
        // named by the host alone, with no site words
        assert_eq!(headline("Two hurt in Tishomingo crash - MSNewsNow.com - Jackson, MS", Some("msnewsnow.com")), "Two hurt in Tishomingo crash");
        assert_eq!(headline("Deputy shot in Independence | KCTV5", Some("kctv5.com")), "Deputy shot in Independence");
        assert_eq!(headline("Police: 2 dead in shooting |ETX News", None), "Police: 2 dead in shooting");
    }

    #[test]
    fn a_headline_with_dashes_of_its_own_stays_whole() {
        // the second part tells news, not the site
        let t = "Gunman opens fire at mall - 3 dead, 2 wounded";
        assert_eq!(split(t, Some("wafb.com")), (t, None));
        // the first part is the headline even when it speaks of a station
        assert_eq!(headline("Fox News anchor robbed - police", Some("nypost.com")), "Fox News anchor robbed - police");
        assert_eq!(headline("Shooting in Memphis", Some("wmcactionnews5.com")), "Shooting in Memphis");
        // a host's first label may be a city the headline names
        assert_eq!(headline("Man shot on South Side - Chicago police", Some("chicago.suntimes.com")), "Man shot on South Side - Chicago police");
    }
}
