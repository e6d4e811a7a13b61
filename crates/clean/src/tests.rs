use super::*;
use sitrep_model::{Origin, SourceMeta};

fn text_record(body: &str) -> RawRecord {
    RawRecord {
        origin: Origin { file: "t.txt".into(), locator: None },
        kind: BodyKind::Text,
        body: body.to_string(),
        meta: SourceMeta::default(),
    }
}

fn html_record(body: &str) -> RawRecord {
    RawRecord { kind: BodyKind::Html, ..text_record(body) }
}

const JPOST: &str = include_str!("../../../examples/seeds/syria-strikes-jpost.txt");
const CNN: &str = include_str!("../../../examples/seeds/abu-kamal-cnn.txt");
const A7: &str = include_str!("../../../examples/seeds/abu-kamal-arutz-sheva.txt");

#[test]
fn jpost_damage_is_repaired() {
    let a = clean(text_record(JPOST)).unwrap().article;
    let t = &a.text;
    for want in [
        "Iranian-backed forces in Syria over the last several days, according to reports.",
        "more than 1,000 airstrikes",
        "Lt.-Gen. Gregory Guillot",
        "Maj.-Gen. Amikam Norkin said.",
        "according to Al-Monitor, a Washington-based news website.",
        "“Specifically, the strikes destroyed multiple facilities",
        "Kataib Sayyid al-Shuhada,” the US said.",
        "Are we ever going to get to a place where Iran does not have forces in Syria?”",
        "that’s not going to happen.”",
        "Tehran’s influence",
        "the [Syrian] regime’s military options.",
        "the pro-Iranian Hashd al-Shaabi",
        "K-1 base in Iraq.",
        "2,000 kilometers away.",
    ] {
        assert!(t.contains(want), "missing {want:?} in cleaned text");
    }
    for gone in ["& nbsp", "&nbsp", "& ldquo", " ,", " .", "- backed", "\u{a0}"] {
        assert!(!t.contains(gone), "{gone:?} survived cleaning");
    }
}

#[test]
fn cnn_caption_byline_and_comments_removed() {
    let a = clean(text_record(CNN)).unwrap().article;
    assert!(a.text.starts_with("An airstrike close to the Iraq-Syria border Sunday was carried out by Israel"), "{}", &a.text[..80]);
    assert!(!a.text.contains("Getty Images"));
    assert!(!a.text.contains("Oval Offic"));
    assert!(!a.text.trim_end().ends_with("COMMENTS"));
    assert!(a.text.trim_end().ends_with("namely Iranian military positions."));
    assert_eq!(a.byline.as_deref(), Some("Barbara Starr, Ryan Browne and Oren Liebermann, CNN"));
    // Human dashes in a quotation are not tokenizer damage.
    assert!(a.text.contains("We will take action - and are already taking action - against efforts"));
}

#[test]
fn arutz_sheva_caption_removed_story_kept() {
    let c = clean(text_record(A7)).unwrap();
    let a = c.article;
    assert!(a.text.starts_with("A United States official told CNN on Monday"), "{}", &a.text[..60]);
    assert!(!a.text.contains("(archive)"));
    assert!(a.title.is_none(), "a photo caption is not a headline: {:?}", a.title);
    assert!(a.text.contains("U.S.-led coalition"));
    assert_eq!(c.dropped.iter().filter(|d| d.0 == Drop::Caption).count(), 2);
}

#[test]
fn plain_text_headline_detected() {
    let c = clean(text_record(
        "Gunman kills two at Texas bar\n\nTwo people were killed late Saturday when a man opened fire at a bar.\n\nPolice said the suspect fled.\n\nNo arrests have been made.",
    ))
    .unwrap();
    assert_eq!(c.article.title.as_deref(), Some("Gunman kills two at Texas bar"));
    assert!(c.article.text.starts_with("Two people were killed"));
    assert!(c.article.text.ends_with("No arrests have been made."));
}

#[test]
fn hard_wrapped_paragraphs_are_joined() {
    let c = clean(text_record(
        "Police said two men armed with handguns began\nfiring shots from the doorway into the home.\n\nThe shooters fled the scene before police arrived\nand have not been identified.",
    ))
    .unwrap();
    assert_eq!(
        c.article.text,
        "Police said two men armed with handguns began firing shots from the doorway into the home.\n\nThe shooters fled the scene before police arrived and have not been identified."
    );
}

#[test]
fn boilerplate_only_record_is_rejected_with_reason() {
    let err = clean(text_record(
        "Please enable Javascript to watch this video\n\nYou must enter the characters with black color that stand out from the other characters\n\nAdvertisement",
    ))
    .unwrap_err();
    assert!(err.to_string().starts_with("t.txt: no article text after cleaning"), "{err}");
}

#[test]
fn a_page_whose_story_is_a_video_playlist_keeps_its_headline_as_text() {
    // (the shape of an archived kansascity.com page: the story is gone, the clips remain)
    let mut rec = text_record(
        "1:05 Suspects in rape, kidnap of Johnson County deputy make first appearance Pause\n\n\
         0:08 Surveillance video of car sought in kidnapping and assault of Johnson County deputy\n\n\
         2:31 May 9 arrests at Kansas City library event\n\n\
         0:33 District attorney discusses opiate problem in Johnson County\n\n\
         0:45 A man is shot outside a Westport bar",
    );
    rec.meta.title = Some("KC man accused of accidentally shooting himself and 1-year-old daughter".into());
    let c = clean(rec).unwrap();
    assert_eq!(c.article.text, "KC man accused of accidentally shooting himself and 1-year-old daughter");
    assert_eq!(c.dropped.iter().filter(|(d, _)| *d == lines::Drop::Playlist).count(), 5);
    // a headline of a word or two is no report
    let mut rec = text_record("Please enable Javascript to watch this video");
    rec.meta.title = Some("Home".into());
    assert!(clean(rec).is_err());
}

#[test]
fn a_timeline_is_not_a_playlist() {
    let body = "Deputies were called to the house on Tuesday.\n\n\
                4:15 p.m. Deputies arrived and heard shots.\n\n\
                5:02 PM SWAT officers surrounded the house\n\n\
                6:30 pm The man surrendered and was taken into custody\n\n\
                7:45 The road was reopened to traffic.\n\n\
                8:10 PM Neighbors were allowed back home";
    let c = clean(text_record(body)).unwrap();
    assert_eq!(c.article.text.split("\n\n").count(), 6, "{}", c.article.text);
    // two clips are not yet a playlist
    let body = "A man was shot on Main Street on Tuesday.\n\n1:05 Police search for gunman\n\n0:44 Neighbors describe the shots";
    assert_eq!(clean(text_record(body)).unwrap().article.text.split("\n\n").count(), 3);
}

/// A page whose navigation, cookie banner, related list and footer are neutral `<div>`s.
const DIV_PAGE: &str = r#"<!doctype html><html lang="en"><head>
<title>Three hurt in warehouse blast | Example Gazette</title>
<meta property="og:site_name" content="Example Gazette">
<meta property="article:published_time" content="2019-03-04T08:15:00-05:00">
<meta name="author" content="Jane Roe">
<link rel="canonical" href="https://www.example-gazette.com/news/blast">
</head><body>
<div class="c1"><div class="c2"><a href="/">Home</a> <a href="/news">News</a> <a href="/sports">Sports</a> <a href="/weather">Weather</a> <a href="/opinion">Opinion</a></div></div>
<div class="c3">We use cookies to give you the best experience on our website. By continuing to use this site you consent to our use of cookies.</div>
<div class="c4"><div class="c5">Three workers were hurt on Monday when an explosion tore through a warehouse on the east side of the city, fire officials said.</div>
<div class="c5">The blast happened shortly after 6 a.m. and could be heard several miles away, according to residents who called the emergency line.</div>
<div class="c5">Two of the workers were taken to a hospital with burns and the third was treated at the scene, a fire department spokesman said.</div>
<div class="c5">Investigators have not said what caused the explosion.</div></div>
<div class="c6"><div><a href="/a">Mayor announces new budget plan for the coming year</a></div><div><a href="/b">High school team wins state title in overtime thriller</a></div></div>
<div class="c7">Sign up for our daily newsletter and get the latest headlines delivered to your inbox.</div>
<div class="c8">© 2019 Example Gazette. All rights reserved.</div>
</body></html>"#;

#[test]
fn div_only_page_yields_only_the_story() {
    let c = clean(html_record(DIV_PAGE)).unwrap();
    let a = c.article;
    assert_eq!(a.title.as_deref(), Some("Three hurt in warehouse blast"));
    assert_eq!(a.outlet.as_deref(), Some("Example Gazette"));
    assert_eq!(a.published, NaiveDate::from_ymd_opt(2019, 3, 4));
    assert_eq!(a.byline.as_deref(), Some("Jane Roe"));
    assert_eq!(a.url.as_deref(), Some("https://www.example-gazette.com/news/blast"));
    assert_eq!(a.language.as_deref(), Some("en"));
    let paras: Vec<&str> = a.text.split("\n\n").collect();
    assert_eq!(paras.len(), 4, "{paras:#?}");
    assert!(paras[0].starts_with("Three workers were hurt on Monday"));
    assert_eq!(paras[3], "Investigators have not said what caused the explosion.");
    for leak in ["cookies", "Home", "newsletter", "Mayor announces", "All rights reserved"] {
        assert!(!a.text.contains(leak), "{leak} leaked into {}", a.text);
    }
}

#[test]
fn the_site_name_leaves_the_headline_for_its_own_field() {
    let mut rec = text_record("A 6-year-old child was shot at a house in Lamesa, police said.\n\nThe mother was arrested.");
    rec.meta.url = Some("http://www.wafb.com/story/34246246/police-6-year-old-shot".into());
    rec.meta.title = Some("Police: 6-year-old shot in Lamesa - WAFB 9 News Baton Rouge, Louisiana News, Weather, Sports".into());
    let a = clean(rec).unwrap().article;
    assert_eq!(a.title.as_deref(), Some("Police: 6-year-old shot in Lamesa"));
    assert_eq!(a.site.as_deref(), Some("WAFB 9 News Baton Rouge, Louisiana News, Weather, Sports"));
}

#[test]
fn json_ld_metadata_and_article_body() {
    let page = r#"<html><head><script type="application/ld+json">
{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"Police arrest suspect in shooting","datePublished":"2017-11-02T10:00:00Z","author":[{"@type":"Person","name":"A. Writer"},{"@type":"Person","name":"B. Writer"}],"publisher":{"@type":"Organization","name":"Daily Example"}}]}
</script></head><body><div class="menu"><a href="/">Front page</a></div>
<article><h1>Police arrest suspect in shooting</h1><p>Police on Wednesday arrested a man suspected of shooting two people outside a convenience store last week, the police chief said at a news conference.</p>
<p>The victims, both in their 20s, are expected to survive, he said.</p><figure><img src="x.jpg"><figcaption>The store where the shooting happened. (Photo by Someone/Agency)</figcaption></figure></article>
<div>Most read: <a href="/1">Story one</a> <a href="/2">Story two</a></div></body></html>"#;
    let a = clean(html_record(page)).unwrap().article;
    assert_eq!(a.title.as_deref(), Some("Police arrest suspect in shooting"));
    assert_eq!(a.published, NaiveDate::from_ymd_opt(2017, 11, 2));
    assert_eq!(a.byline.as_deref(), Some("A. Writer, B. Writer"));
    assert_eq!(a.outlet.as_deref(), Some("Daily Example"));
    assert!(a.text.starts_with("Police on Wednesday arrested a man"));
    assert!(a.text.ends_with("are expected to survive, he said."));
    assert!(!a.text.contains("Photo by"));
}

#[test]
fn dates_in_news_formats() {
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
    assert_eq!(parse_date("2018-06-18"), d(2018, 6, 18));
    assert_eq!(parse_date("2018-06-18T23:30:00+03:00"), d(2018, 6, 18));
    assert_eq!(parse_date("Mon, 18 Jun 2018 10:00:00 GMT"), d(2018, 6, 18));
    assert_eq!(parse_date("June 18, 2018"), d(2018, 6, 18));
    assert_eq!(parse_date("18 June 2018"), d(2018, 6, 18));
    assert_eq!(parse_date("Monday, June 18, 2018 4:05 PM"), d(2018, 6, 18));
    assert_eq!(parse_date("2018/06/18 10:00"), d(2018, 6, 18));
    assert_eq!(parse_date("yesterday"), None);
    assert_eq!(parse_date("2018-13-45"), None);
}

#[test]
fn hosts_from_urls() {
    assert_eq!(host_of("https://www.cnn.com/2018/06/18/x").as_deref(), Some("cnn.com"));
    assert_eq!(
        host_of("http://web.archive.org/web/20160924093615/http://www.news4jax.com:80/news/crime/x").as_deref(),
        Some("news4jax.com")
    );
    assert_eq!(host_of("not a url"), None);
}

#[test]
fn blocks_repeated_across_a_site_are_dropped_in_a_batch() {
    let footer = "The Valley Courier has served readers in the valley since 1921 and is owned by its employees, who answer to no one but you.";
    let stories = [
        "A man was shot in the leg on Tuesday night outside a convenience store on Main Street, police said, and is expected to survive.",
        "Two teenagers were arrested on Wednesday after a string of car break-ins in the north end, according to the sheriff's office.",
        "A fire heavily damaged a vacant house early Thursday, and investigators are treating it as suspicious, the fire chief said.",
        "Police are searching for a driver who struck a cyclist on Route 9 on Friday evening and then fled the scene, officials said.",
    ];
    let records: Vec<RawRecord> = stories
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut r = html_record(&format!("<html><body><div><p>{s}</p><p>Officers asked anyone with information to call the department.</p></div><div><p>{footer}</p></div></body></html>"));
            r.meta.url = Some(format!("https://www.valleycourier.example/news/{i}"));
            r
        })
        .collect();
    // Alone, the footer reads like prose and is kept: only the site-wide view can tell.
    assert!(clean(records[0].clone()).unwrap().article.text.contains("since 1921"));
    let cleaned = clean_batch(records);
    for (c, s) in cleaned.iter().zip(stories) {
        let c = c.as_ref().unwrap();
        assert!(c.article.text.starts_with(s), "{}", c.article.text);
        assert!(!c.article.text.contains("since 1921"), "{}", c.article.text);
        assert!(c.dropped.iter().any(|d| d.0 == Drop::Boilerplate));
    }
}

#[test]
fn copies_of_one_story_keep_their_shared_text() {
    let story = "Three people were hurt when a car crashed into a bus shelter downtown on Monday, police said, and the driver was arrested.";
    let records: Vec<RawRecord> = (0..4)
        .map(|i| {
            let mut r = html_record(&format!("<html><body><p>{story}</p><p>Update {i}: the victims were taken to hospital with injuries that are not life-threatening.</p></body></html>"));
            r.meta.url = Some(format!("https://news.example/crash?v={i}"));
            r
        })
        .collect();
    for c in clean_batch(records) {
        assert!(c.unwrap().article.text.starts_with(story));
    }
}
