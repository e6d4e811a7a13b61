use super::*;

fn g() -> &'static Gazetteer {
    Gazetteer::embedded()
}

fn ids(name: &str) -> Vec<String> {
    g().lookup(name).iter().map(|c| g().place(c.place).id.clone()).collect()
}

#[test]
fn spellings_of_abu_kamal_meet() {
    for spelling in ["Albu Kamal", "Abu Kamal", "Albukamal", "Al Bukamal", "Al-Bukamal", "ALBU KAMAL", "Ālbū Kamāl"] {
        assert!(ids(spelling).contains(&"174448".to_string()), "{spelling} -> {:?}", ids(spelling));
    }
}

#[test]
fn folding() {
    assert_eq!(fold("Ālbū Kamāl"), "albu kamal");
    assert_eq!(fold("U.S."), "us");
    assert_eq!(fold("Deir ez-Zor"), "deir ez zor");
    assert_eq!(fold("Sant Julià de Lòria"), "sant julia de loria");
    assert_eq!(fold("Ma'arrat al-Nu'man"), "maarrat al numan");
}

#[test]
fn countries_adjectives_and_regions() {
    let syria = g().country("SY").unwrap();
    assert_eq!(g().place(syria).name, "Syria");
    let c = g().lookup("Syrian");
    assert!(c.iter().any(|c| c.place == syria && c.adjective));
    assert!(g().lookup("U.S.").iter().any(|c| g().place(c.place).country == "US" && g().place(c.place).kind == Kind::Country));
    assert!(!g().lookup("Gulf of Oman").is_empty());
    let deir = g().lookup("Deir ez-Zor");
    assert!(deir.iter().any(|c| g().place(c.place).kind == Kind::Admin1));
}

#[test]
fn finds_names_in_running_text() {
    let text = "Syrian state TV said the strike near Albu Kamal, close to the Iraq-Syria border, hit pro-regime forces. \
                Police said a man was arrested. Israeli jets struck near Damascus and Homs.";
    let found: Vec<&str> = g().find(text).iter().map(|m| &text[m.start..m.end]).collect();
    assert_eq!(found, ["Syrian", "Albu Kamal", "Iraq-Syria border", "Israeli", "Damascus", "Homs"], "{found:?}");
}

#[test]
fn us_abbreviation_and_multiword() {
    let text = "A U.S. official told CNN that the U.S.-led coalition was not involved. He flew to New York.";
    let found: Vec<&str> = g().find(text).iter().map(|m| &text[m.start..m.end]).collect();
    assert_eq!(found, ["U.S.", "U.S.", "New York"], "{found:?}");
}

#[test]
fn a_surname_after_a_given_name_is_not_a_place() {
    let text = "Spc. Ivan Lopez opened fire at Fort Hood, Texas. Lopez had served in Iraq. Singer Whitney Houston lived in Houston.";
    let found: Vec<&str> = g().find(text).iter().map(|m| &text[m.start..m.end]).collect();
    assert_eq!(found, ["Fort Hood", "Texas", "Iraq", "Houston"], "{found:?}");
    assert!(is_given_name("Latoya") && is_given_name("IVAN") && !is_given_name("Lopez"));
}
