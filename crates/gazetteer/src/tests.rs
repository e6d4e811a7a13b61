use super::*;

fn g() -> &'static Gazetteer {
    Gazetteer::embedded()
}

/// The place names `find` takes in a text, as written.
fn names_in(text: &str) -> Vec<&str> {
    g().find(text).iter().map(|m| &text[m.start..m.end]).collect()
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
    // a division's adjective is read as that division, as a country's is
    let england = g().by_id("adm1:GB.ENG").unwrap();
    assert!(g().lookup("English").iter().any(|c| c.place == england && c.adjective));
}

#[test]
fn a_language_is_not_its_land() {
    for text in [
        "The suspects said a word that means battery in English.",
        "He speaks Spanish at home.",
        "The station broadcasts Spanish-language news and English subtitles.",
        "English is the main language at the school.",
        "Although English will remain an official language, the status of English has been questioned.",
    ] {
        assert!(!names_in(text).iter().any(|n| ["English", "Spanish"].contains(n)), "{text}: {:?}", names_in(text));
    }
    // the land's adjective stays one
    for text in ["Police in the English city of Salisbury said.", "He rose to stardom in English football.", "A Spanish artist designed it."] {
        assert!(names_in(text).iter().any(|n| ["English", "Spanish"].contains(n)), "{text}: {:?}", names_in(text));
    }
}

#[test]
fn finds_names_in_running_text() {
    let text = "Syrian state TV said the strike near Albu Kamal, close to the Iraq-Syria border, hit pro-regime forces. \
                Police said a man was arrested. Israeli jets struck near Damascus and Homs.";
    let found = names_in(text);
    assert_eq!(found, ["Syrian", "Albu Kamal", "Iraq-Syria border", "Israeli", "Damascus", "Homs"], "{found:?}");
}

#[test]
fn us_abbreviation_and_multiword() {
    let text = "A U.S. official told CNN that the U.S.-led coalition was not involved. He flew to New York.";
    let found = names_in(text);
    assert_eq!(found, ["U.S.", "U.S.", "New York"], "{found:?}");
}

#[test]
fn canadian_press_abbreviations_name_provinces_but_an_era_after_a_year_does_not() {
    let text = "The office opened in Nelson, B.C., on Monday. A farm near Sussex, N.B., and Truro, N.S., lost power.";
    let ids: Vec<&str> = g().find(text).iter().filter(|m| text[m.start..m.end].contains('.')).flat_map(|m| m.candidates.iter().map(|c| g().place(c.place).id.as_str())).collect();
    assert_eq!(ids, ["adm1:CA.02", "adm1:CA.04", "adm1:CA.07"]);
    let text = "The city was founded in 300 BC and sacked in 44 B.C. by the legions.";
    let found = names_in(text);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_state_whose_towns_crowd_one_side_lies_in_its_middle() {
    // Texas's towns crowd toward the east and Florida's down its peninsula's coasts: a state is
    // placed at the centre of the area its towns cover, near the geographic centres surveyors
    // give (Texas about 31.0 N, 99.9 W; Florida 12 miles north-northwest of Brooksville,
    // about 28.6 N, 82.4 W), which the middle of their span missed by 170 and 105 km
    for (id, lat, lon, within) in [("adm1:US.TX", 31.0, -99.9, 120.0), ("adm1:US.FL", 28.6, -82.4, 80.0)] {
        let p = g().place(g().by_id(id).unwrap());
        let km = sitrep_model::haversine_km(p.lat, p.lon, lat, lon);
        assert!(km < within, "{id} placed at {},{} ({km:.0} km from its middle)", p.lat, p.lon);
    }
}

#[test]
fn a_surname_after_a_given_name_is_not_a_place() {
    let text = "Spc. Ivan Lopez opened fire at Fort Hood, Texas. Lopez had served in Iraq. Singer Whitney Houston lived in Houston.";
    let found = names_in(text);
    assert_eq!(found, ["Fort Hood", "Texas", "Iraq", "Houston"], "{found:?}");
    assert!(is_given_name("Latoya") && is_given_name("IVAN") && is_given_name("José") && !is_given_name("Lopez"));
}

#[test]
fn a_name_a_state_qualifies_is_a_place_whatever_run_it_was_seen_in() {
    // seen first in a capitalised run (a related headline), then as a dateline
    let text = "Related Coverage Former Tucumcari football player dies in shooting\n\nTUCUMCARI, N.M. (KRQE) - Two students were shot.";
    let found = names_in(text);
    assert_eq!(found.first(), Some(&"TUCUMCARI"), "{found:?}");
    // not without the qualifier
    let found = names_in("Related Coverage Former Tucumcari football player dies in shooting. Tucumcari said nothing.");
    assert!(found.is_empty(), "{found:?}");
}

fn gz(text: &str) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(text.as_bytes()).unwrap();
    e.finish().unwrap()
}

#[test]
fn a_gazetteer_read_from_files_indexes_its_names_at_run_time() {
    let places = "# id\tname\tlat\tlon\tkind\tcountry\tadmin1\tpopulation\n\
        163843\tSyria\t35\t38\tPCLI\tSY\t\t22933531\n\
        174448\tAbu Kamal\t34.45226\t40.91854\tPPLA2\tSY\t07\t42000\n";
    let names = "# name\tid\tflag\nSyria\t163843\tn\nSyrian\t163843\td\nAlbu Kamal\t174448\tn\nAl Bukamal\t174448\tn\n\
        Unknown Town\t999\tn\n";
    let g = Gazetteer::from_tsv_gz(&gz(places), &gz(names)).unwrap();
    assert_eq!(g.len(), 2);
    let ids = |n: &str| g.lookup(n).iter().map(|c| (g.place(c.place).id.clone(), c.adjective)).collect::<Vec<_>>();
    assert_eq!(ids("Albukamal"), [("174448".to_string(), false)]);
    assert_eq!(ids("Bukamal"), [("174448".to_string(), false)], "the Arabic article is optional");
    assert_eq!(ids("Syrian"), [("163843".to_string(), true)]);
    assert!(ids("Unknown Town").is_empty(), "names of places not in the list are dropped");
    assert_eq!(g.country("SY").map(|i| g.place(i).name.as_str()), Some("Syria"));
    let err = Gazetteer::from_tsv_gz(&gz("1\tX\tnorth\t2\tPPL\tSY\t\t0\n"), &gz(names)).err().unwrap();
    assert!(err.contains("places line 1"), "{err}");
    // a record with a field too few or too many, named by its line
    for bad in ["# header\n1\tX\t1\t2\tPPL\tSY\t0\n", "# header\n1\tX\t1\t2\tPPL\tSY\t\t0\textra\n"] {
        let err = Gazetteer::from_tsv_gz(&gz(bad), &gz(names)).err().unwrap();
        assert_eq!(err, "places line 2: expected 8 fields");
    }
}

#[test]
fn a_call_sign_after_the_dateline_is_not_a_town() {
    let text = "(WANE) – Police said a 7-year-old boy has died after a shooting in Noble County. (UK) and (Iraq) stay places.";
    let found = names_in(text);
    assert_eq!(found, ["Noble County", "UK", "Iraq"], "{found:?}");
    // nor a station's letters in a page title, while a dateline's town stays
    let found = names_in("16-year-old arrested for drive-by shooting - FOX10 News | WALA\n\nWACO, Texas - A man was shot.");
    assert_eq!(found, ["WACO", "Texas"], "{found:?}");
}

#[test]
fn titles_are_sorted_for_their_binary_search() {
    assert!(TITLES.windows(2).all(|w| w[0] < w[1]), "{TITLES:?}");
}

#[test]
fn a_titled_name_is_a_persons_however_big_the_place() {
    // Aden, Yemen has 863,000 people
    let found = names_in("Police Chief Hassan Aden said the gunman fired at officers in Greenville. Aden said the victims were chosen at random.");
    assert_eq!(found, ["Greenville"], "{found:?}");
    assert_eq!(names_in("Chief Aden said the shots were fired in Aden, Yemen's port."), ["Aden", "Yemen"]);
    // the offices of international news are titles too (Vladimir, Russia has 357,000 people),
    // right before the name only
    let found = names_in("Russian leader Vladimir Putin called. Protests were held in Vladimir.");
    assert_eq!(found, ["Russian", "Vladimir"], "{found:?}");
    let found = names_in("According to the minister, Slovenia had sent a message.");
    assert_eq!(found, ["Slovenia"], "{found:?}");
}

#[test]
fn contractions_and_lower_case_words_make_no_names() {
    // "I’ve" spells an alternate name of Iwye, Belarus; "Western District" is a division of
    // American Samoa
    let found = names_in("“I’ve never seen anything,” a neighbor said in Mobile. Western district detectives are investigating.");
    assert_eq!(found, ["Mobile"], "{found:?}");
    // a longer name stops before a lower-case word, unless it names such a feature
    let found = names_in("He moved to New York state, near the Iraq-Syria border.");
    assert_eq!(found, ["New York", "Iraq-Syria border"], "{found:?}");
}

#[test]
fn phrases_of_common_words_and_time_zones_are_not_places() {
    let text = "Posted: Wednesday, March 4, 2015 2:06 PM EST. Four Men were shot in Baltimore. \
                They fled to the West Bank and then to North Carolina.";
    let found = names_in(text);
    assert_eq!(found, ["Baltimore", "West Bank", "North Carolina"], "{found:?}");
}

#[test]
fn a_doubtful_word_listed_after_a_place_is_a_place_too() {
    // "Cheltenham" and "Cork" are doubtful alone (too rare for the dictionary, a word): after
    // a place and "and", "or" or a comma they are the list's next place
    let found = names_in("The closure will affect people travelling from Gloucester and Cheltenham, or Limerick, Cork.");
    assert_eq!(found, ["Gloucester", "Cheltenham", "Limerick", "Cork"], "{found:?}");
    // not a word that opens a name of its own ("Police Superintendent"), nor one after a name
    // that was not taken as a place
    let found = names_in("The mayor of Chicago and Police Superintendent Eddie Johnson spoke. Smith and Cork agreed.");
    assert_eq!(found, ["Chicago"], "{found:?}");
}

#[test]
fn a_word_frequent_only_as_a_place_name_is_a_place() {
    // frequent words, but only as names of places: not doubtful as "Police" or "Most" are,
    // after "and" or at a sentence's start
    let found = names_in("Fans travelled from Gloucester and Norwich. Hollywood loved it, and so did Boise.");
    assert_eq!(found, ["Gloucester", "Norwich", "Hollywood", "Boise"], "{found:?}");
    // a frequent surname stays doubtful alone, a word that means something else too
    let found = names_in("Burton said the Cork plant in Gloucester would close. Police said so.");
    assert_eq!(found, ["Gloucester"], "{found:?}");
}

#[test]
fn people_and_parts_of_a_city_are_not_places() {
    let text = "Spc. Ivan A. Lopez opened fire in Killeen. Jovanni Leon Vargas, 23, was shot in Chicago on the Northwest Side, in the Austin neighborhood. \
                Cashaan Williams, 18, is charged.";
    let found = names_in(text);
    assert_eq!(found, ["Killeen", "Chicago"], "{found:?}");
    // a given name leading a capitalised run is a person's, unless a country answers to it
    let text = "Police identified the man as Robert Lee. Michael Brown was shot in Missouri. Jordan Valley farmers met in Jordan.";
    let found = names_in(text);
    assert!(!found.contains(&"Robert Lee") && !found.contains(&"Michael"), "{found:?}");
    assert!(found.contains(&"Missouri") && found.iter().filter(|f| f.starts_with("Jordan")).count() == 2, "{found:?}");
}

#[test]
fn a_name_told_with_an_age_stays_a_person_however_big_the_place() {
    // Mecca is a city of a million people: once "Mecca Canty, 21," is a person, so is the
    // "Mecca Canty" told again, and "to Valencia" after "Jesus Valencia, 47,"
    let text = "Her daughter, Mecca Canty, 21, was charged in Toledo. Mecca Canty was also charged with tampering. \
                They were identified as Jesus Valencia, 47, and his daughters. Her relationship to Valencia is unknown.";
    let found = names_in(text);
    assert_eq!(found, ["Toledo"], "{found:?}");
    // a place said with a locative is the place still
    assert_eq!(names_in("Mecca Canty, 21, was charged. Pilgrims travel to Mecca every year."), ["Mecca"]);
}

#[test]
fn a_car_of_some_colour_is_not_the_town_it_is_named_after() {
    let found = names_in("The gunman fled in a white Pontiac, police in Flint said. A silver Tahoe was found in Detroit.");
    assert_eq!(found, ["Flint", "Detroit"], "{found:?}");
    assert_eq!(names_in("He was shot in Pontiac."), ["Pontiac"]);
    // a capitalised colour before a make and its model
    assert_eq!(names_in("The driver of a Red Honda Civic drove to Madera."), ["Madera"]);
    assert_eq!(names_in("Witnesses saw a silver Chevy Tahoe leave toward Vicksburg."), ["Vicksburg"]);
    assert_eq!(names_in("The fire broke out in Red Oak, Iowa."), ["Red Oak", "Iowa"]);
}

#[test]
fn a_township_is_not_the_town_it_shares_a_name_with() {
    assert_eq!(names_in("The shooting occurred in Washington Township, Clarion County."), ["Clarion County"]);
    assert_eq!(names_in("The shooting occurred in Washington on Wednesday."), ["Washington"]);
}

#[test]
fn a_towns_police_name_the_town() {
    // a capitalised run, and a frequent surname, before the police are their town
    assert_eq!(names_in("Vicksburg Police continue to investigate a shooting."), ["Vicksburg"]);
    assert_eq!(names_in("Dickinson police responded to a report of a gunshot victim."), ["Dickinson"]);
    assert!(names_in("Dickinson said he heard shots.").is_empty());
    // a kind of police, or the end of a hyphenated name, is no town
    assert!(names_in("Metro Police said two men were shot.").is_empty());
    assert_eq!(names_in("Miami-Dade Police said two men were shot."), ["Miami"]);
    // so do its public bodies (Owensboro is also a surname), but not a word inside one's name
    assert_eq!(names_in("Superintendents for Owensboro Public Schools and the district met."), ["Owensboro"]);
    assert_eq!(names_in("The Nenagh Municipal District has 28 contracts."), ["Nenagh"]);
    assert!(names_in("The Alcoholic Beverage Control Board will review the shooting.").is_empty());
    assert!(names_in("The Beaumont Police Department said a man shot himself.").contains(&"Beaumont"));
    assert!(!names_in("The Beaumont Police Department said a man shot himself.").contains(&"Police"));
}

#[test]
fn a_town_someone_is_from_is_a_place_though_a_common_word() {
    // "Hutchinson" is also a frequent surname: a common word, kept only where a place is meant
    assert_eq!(names_in("A Hutchinson teen was arrested Sunday."), ["Hutchinson"]);
    assert!(names_in("The Hutchinson family said nothing.").is_empty());
    assert!(names_in("Anne Hutchinson was banished.").is_empty());
}

#[test]
fn a_cross_street_is_not_the_town_it_is_named_after() {
    let found = names_in("The shooting happened near Yosemite Avenue and Cleveland in Madera. Three were shot at the intersection of Cleveland and Yosemite.");
    assert_eq!(found, ["Madera"], "{found:?}");
    assert_eq!(names_in("He moved from Cleveland and Detroit to Madera."), ["Cleveland", "Detroit", "Madera"]);
    // a numbered street beside a named one, and two streets told together
    assert_eq!(names_in("Police secured an area at 18th and Arapahoe streets in Denver."), ["Denver"]);
    assert_eq!(names_in("Officers were looking into a shooting in the 18th and Arapahoe area of Denver."), ["Denver"]);
    // deep in a long article, where the rules read only the words right before the name
    let long = format!("{} Three were shot at the intersection of Cleveland and Yosemite in Madera.", "Police said the search went on through the night. ".repeat(12));
    assert_eq!(names_in(&long), ["Madera"]);
}

#[test]
fn an_address_or_a_housing_complex_is_not_the_town_it_is_named_after() {
    assert_eq!(names_in("Memphis Police responded to a shooting call at 998 S. Wellington on Sunday."), ["Memphis"]);
    assert_eq!(names_in("A 9-year-old girl was shot in Bedford Dwellings in Pittsburgh."), ["Pittsburgh"]);
    // a year is no house number, nor a number without its compass point
    assert_eq!(names_in("In 2016 Wellington voted."), ["Wellington"]);
}

#[test]
fn a_direction_before_a_big_city_is_part_of_it() {
    let found = |t: &str| g().find(t).iter().map(|m| (t[m.start..m.end].to_string(), m.candidates.iter().any(|c| g().place(c.place).geonameid() == Some(4460243)))).collect::<Vec<_>>();
    // Charlotte, North Carolina (4460243), not the hamlet of West Charlotte, Vermont
    // and a neighbourhood of the city told by its compass word is in it (while "the Austin
    // neighborhood" of Chicago is not Austin, Texas)
    assert_eq!(
        found("Police searched a west Charlotte neighborhood. IMAGES: West Charlotte shooting"),
        vec![("Charlotte".to_string(), true), ("West Charlotte".to_string(), true)]
    );
    assert_eq!(names_in("Five people were shot in northwest Atlanta neighborhood Wednesday."), ["Atlanta"]);
    // a high school named like a town elsewhere is the school
    assert_eq!(names_in("A student was shot outside Central High School in Knoxville."), ["Knoxville"]);
    // a place of its own keeps its name: West Palm Beach is no part of Palm Beach
    let wpb = g().find("He lived in West Palm Beach.");
    assert!(wpb[0].candidates.iter().any(|c| g().place(c.place).name == "West Palm Beach"), "{:?}", wpb[0]);
    let sb = g().find("He lived in South Bend.");
    assert!(sb[0].candidates.iter().any(|c| g().place(c.place).name == "South Bend"), "{:?}", sb[0]);
}

#[test]
fn a_possessive_stays_in_the_name() {
    for t in ["The shooting happened in Prince George's County, Maryland.", "Prince George’s County police said"] {
        let f = g().find(t);
        assert_eq!(g().place(f[0].candidates[0].place).name, "Prince George's County", "{t}");
    }
    // a store is no town
    assert!(g().find("He was shot in the parking lot of a Lowe's store.").is_empty());
}

#[test]
fn a_common_word_after_a_locative_or_once_qualified_is_a_place() {
    // scraped text that lost the space after a full stop, a town after "A", a town whose name
    // is a frequent English word ("Wilmington") named again after it was qualified
    let text = "Four people were hurt in a shooting in Wilmington, Delaware.The shooting occurred Tuesday.A Wilmington police officer heard shots.";
    let found = names_in(text);
    assert_eq!(found, ["Wilmington", "Delaware", "Wilmington"], "{found:?}");
    let text = "A man was shot in Wilmington on Tuesday and taken into Police custody. Most victims knew him.";
    let found = names_in(text);
    assert_eq!(found, ["Wilmington"], "{found:?}");
    // the dots of an abbreviation or a web address still hold a word together
    let text = "The U.S. Army said so on 6abc.com.";
    let found = names_in(text);
    assert_eq!(found, ["U.S."], "{found:?}");
}

#[test]
fn a_name_part_is_a_place_again_after_in() {
    // "Ariel" is a town in the West Bank and a poetic name of Jerusalem: that alternate makes
    // no city big enough to be a place inside "Ariel Morgan"
    let text = "Coroner Bill Smith said 19-year-old Ariel Morgan was shot at a block party.";
    let found = names_in(text);
    assert!(found.is_empty(), "{found:?}");
    // a town first seen inside a business name is the town after "in", but not after "to"
    // (as in "said to Davis")
    let text = "The ticket was sold at Riverdale Lukoil South. He owns horses nearby in Riverdale.";
    let found = names_in(text);
    assert_eq!(found, ["Riverdale"], "{found:?}");
    assert_eq!(g().find(text)[0].start, text.rfind("Riverdale").unwrap());
}

#[test]
fn a_town_leading_an_organisations_name_or_after_a_road_code_stays_a_town() {
    // the first word of an event's or a club's name is the town the article then names bare
    let text = "The congressman spoke at the Immokalee Woman's Club. The money will help revitalize Immokalee.";
    let found = names_in(text);
    assert_eq!(found, ["Immokalee"], "{found:?}");
    assert_eq!(g().find(text)[0].start, text.rfind("Immokalee").unwrap());
    // a road's number is no given name: "the A429 Cirencester junction" is the town's
    let text = "The carriageway to the A429 Cirencester junction will close, doubling the distance to Cirencester.";
    let found = names_in(text);
    assert_eq!(found, ["Cirencester", "Cirencester"], "{found:?}");
    // while a surname seen after a first name stays the person's
    let text = "Chief Justin Mason spoke. Mason said the road would close.";
    let found = names_in(text);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_compass_word_is_no_town() {
    let text = "A 17-year-old boy was shot to death in Northeast Baltimore. Southeast parents are worried.";
    let found = names_in(text);
    assert_eq!(found, ["Baltimore"], "{found:?}");
}

#[test]
fn a_possessive_surname_or_a_name_given_is_a_person() {
    let text = "Police met Devolia Sims and Aaron Davis. Sims said she arrived at Davis’ residence and heard a gunshot.";
    let found = names_in(text);
    assert!(found.is_empty(), "{found:?}");
    let text = "A 21 year old female, identified as Phoenix O'Dell, was shot. She grew up in a town named Phoenix.";
    let found: Vec<usize> = g().find(text).iter().map(|m| m.start).collect();
    assert_eq!(found, [text.rfind("Phoenix").unwrap()]);
}

#[test]
fn a_state_lies_in_its_middle_not_where_its_towns_crowd() {
    // Oregon's towns crowd the Willamette valley in the west; the middle of the state is about
    // 44.0 N, 120.6 W, east of the Cascades (the median of its towns fell 200 km west of it)
    let oregon = g().place(g().by_id("adm1:US.OR").unwrap());
    let km = sitrep_model::haversine_km(oregon.lat, oregon.lon, 44.0, -120.6);
    assert!(km < 100.0, "Oregon placed at {},{} ({km:.0} km from its middle)", oregon.lat, oregon.lon);
}

#[test]
fn a_town_lies_in_its_state_and_country_not_in_another_state() {
    let place = |id: &str| g().place(g().by_id(id).unwrap());
    // 4699066: Houston, Texas
    let (houston, texas, oklahoma, us) = (place("4699066"), place("adm1:US.TX"), place("adm1:US.OK"), place("6252001"));
    assert!(houston.lies_in(texas) && houston.lies_in(us));
    assert!(!houston.lies_in(oklahoma));
    assert!(!houston.lies_in(place("2017370")), "not in Russia");
}
