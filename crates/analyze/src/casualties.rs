//! Casualty phrases: how many were killed or hurt, as reported ("killed 6 civilians", "at
//! least 12 dead", "two were wounded", "multiple casualties", "between 5 and 7 killed").

use std::sync::LazyLock;

use regex::Regex;

use crate::gate;

/// Killed or injured (or unspecified casualties, which may be either).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Harm {
    Killed,
    Injured,
    Casualties,
    /// Hit, dead or alive: "seven people were shot", "three were taken to the hospital".
    /// The wounded are these less the dead the report counts elsewhere.
    Hit,
    /// The attacker's own death ("before taking his own life"): one more dead beside the
    /// victims the sentence counts.
    SelfKilled,
}

/// A casualty figure with its bounds as stated.
#[derive(Debug, Clone, PartialEq)]
pub struct Casualty {
    pub start: usize,
    pub end: usize,
    pub harm: Harm,
    pub min: Option<u32>,
    pub max: Option<u32>,
}

const NUM: &str = r"(?:\d{1,3}(?:,\d{3})+|\d+|both|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a dozen|dozens|scores|hundreds|several|a few)";
const QUAL: &str = r"(?:(?:at least|more than|over|up to|nearly|almost|about|around|some|as many as|fewer than|less than|an estimated)\s+)?";
const KILLED: &str = r"(?:killed|murdered|dead|died|deaths?|fatalities|(?:fatally|mortally) (?:shot|wounded|injured)|slain|gunned down|passed away|taken off life support|lives)";
/// Who a count includes, told between commas or dashes ("two people, including a teenager,",
/// "2 people —including a 16-year-old girl —").
const INCLUDING: &str = r"(?:\s*(?:,|—|–|--)\s*(?:including|among\s+them)(?:\s+[a-z0-9'-]+){1,6}\s*(?:,|—|–|--))";
const INJURED: &str = r"(?:wounded|injured|injuries|hurt|hospitali[sz]ed|grazed)";

/// Nouns for one person: the head of a one-victim phrase ("a 17-year-old boy", "his girlfriend").
const PERSON: &str = r"(?:man|woman|boy|girl|teen|teenager|person|child|toddler|baby|infant|victim|officer|deputy|trooper|driver|passenger|student|father|mother|resident|customer|clerk|security guard|guard|juvenile|female|male|adult|youth|pedestrian|bystander|employee|worker|homeowner|suspect|gunman|shooter|son|daughter|wife|husband|girlfriend|boyfriend|neighbou?r|friend|sister|brother|cousin|nephew|niece|grandson|granddaughter|grandmother|grandfather|roommate|patron|cashier|stepfather|stepmother|stepson|stepdaughter|individual|hunter|soldier|civilian|policeman|policewoman|journalist|reporter|photographer|doctor|nurse|paramedic|medic|militant|fighter|rebel|insurgent|protester|demonstrator|farmer|shepherd|teacher|commander|cleric|imam|priest|pastor|lawmaker|politician|activist|lawyer|judge|contractor|peacekeeper|gendarme|sergeant|lieutenant|colonel|pilgrim|refugee|migrant|detainee|prisoner|inmate|villager|tribesman|worshipper|shopkeeper|firefighter|constable|volunteer)";

/// An age used as a noun or before one ("a 14-year-old", "a 21 year old female").
const AGE: &str = r"[a-z0-9]+[- ](?:years?|months?)[- ]old";

/// How much a description of one person may say after its noun: "a woman, 31,", "a man in
/// his 40s", "a female, identified as Phoenix O'Dell,", "another boy who", "a police officer
/// in Weatherford", "the 17-year-old, whose name has not been released,".
const AFTER_ONE: &str = r"(?:\s+(?:in|inside)\s+the\s+(?:home|house|car|vehicle|apartment|residence|room)|\s+in\s+(?-i:[A-Z][a-z]+)|,\s+whose\s+[a-z ]{1,40},|,\s+\d{1,3},|,\s+(?:an?\s+)?[a-z0-9]+[- ]years?[- ]old\s+(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3}),|,\s+of\s+the\s+\d+\s+block\s+of\s+[\w .'-]{1,40},|\s+in\s+(?:his|her)\s+(?:early\s+|mid-?|late\s+)?(?:\d0s|teens|twenties|thirties|forties|fifties|sixties|seventies)|,\s+(?:later\s+)?(?:identified as|named)\s+(?-i:[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}),|,?\s+who)?";

/// Words before a person's noun that keep them one person ("a young", "an off-duty", "a
/// Missouri").
const ONE_ADJ: &str = r"(?:(?:senior|top|high-ranking|prominent|veteran)\s+)?(?:(?-i:(?:al-)?[A-Z][a-z]+)\s+){0,2}(?:(?:police|young|adult|pregnant|teenage|elderly|off-duty|unidentified|unnamed|male|female|other|second|third|fourth|fifth|sixth|local|former|own|estranged|longtime|wounded|injured|shooting|gunshot)\s+){0,2}";

/// One person described, named (in full or by one name: "Authorities said Hayden died") or
/// referred to: the subject of a one-victim phrase.
fn one_person() -> String {
    format!(r"(?:(?:a|an|one|the|another|his|her|their)\s+(?:[a-z]+'s\s+)?{ONE_ADJ}(?:{AGE}(?:(?:\s+(?-i:[A-Z][a-z]+))?\s+{PERSON})?|{PERSON}){AFTER_ONE}|(?-i:[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z](?:[a-z]*'?[A-Z])?[a-z]+)|(?-i:[A-Z][a-z]{{2,}})|(?-i:[Hh]e|[Ss]he))")
}

/// Nouns counting people: "six men", "two other women".
const GROUP: &str = r"(?:m[ae]n|wom[ae]n|boys?|girls?|teens?|teenagers?|people|persons?|adults?|child|children|juveniles?|males?|females?|others|victims?)";

/// Word stems at least one of which every casualty phrase contains (see [`PHRASES`]).
static HARM_WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    let stems = [
        "kill", "dead", "die", "death", "fatal", "slain", "gunned down", "passed away", "life support", "lives", "wound", "injur", "hurt", "grazed", "trauma cent", "hospital", "shot", "condition",
        "casualt", "toll", "deceased", "bodies", "stabbed", "beaten", "struck", "striking", "hit ", "hitting", "himself", "herself", "own life", "suicide", "homicide", "murder", "slaying", "double", "triple", "quadruple", "the life of", "recover", "treated",
        "shooting his ", "shooting her ", "shooting their ", "shooting the ", "shooting a ", "shooting an ", "shooting another ",
    ];
    aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(stems).expect("harm words")
});

/// "A 17-year-old girl showed up in a hospital emergency room with a gunshot wound", "Three
/// men walked into a gas station with gunshot wounds": people hit. Apart from [`PHRASES`],
/// and run only on a sentence that tells a gunshot wound: in the one automaton, its long
/// reach made every capture search of every sentence a tenth slower.
static ARRIVE: LazyLock<regex_automata::meta::Regex> = LazyLock::new(|| {
    let one = one_person();
    let p = format!(
        r"\b(?:(?P<arrn>{QUAL}{NUM})\s+(?:[a-z-]+\s+){{0,2}}?|(?P<arrone>{one})\s+)(?:showed\s+up|arrived|walked|went|came|turned\s+up|drove|(?:was|were)\s+dropped\s+off)\s+(?:[\w'.-]+\s+){{0,10}}?with\s+(?:an?\s+|multiple\s+|several\s+)?(?:apparent\s+)?(?:gunshot|gun\s+shot)\s+wounds?\b"
    );
    ascii_regex(&p)
});
static GUNSHOT_WOUND: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(["gunshot wound", "gun shot wound"]).expect("gunshot words")
});

/// A part of a counted whole told before it: "two of the" (four victims died).
static PART_OF: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"(?i)\b({NUM})\s+of\s+(?:the|those|these)\s+$")).expect("part-of pattern"));

/// What separates the people of a list: "his wife, two young children and his mother-in-law".
static LIST_SEP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r",\s+and\s+|,\s+|\s+and\s+").expect("list separator"));
static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(NUM).expect("number pattern"));
static KILLED_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!("^{KILLED}$")).expect("killed pattern"));

/// The casualty phrases, most telling first: where two match at the same place, the first
/// listed is the one read.
static PHRASES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let one = one_person();
    let more = format!(r"(?:(?:his|her|their)\s+)?(?:{NUM}\s+(?:[a-z-]+\s+)?(?:{GROUP}|sons|daughters|kids|sisters|brothers|stepchildren|grandchildren)|(?:his|her|their|a|an)\s+{ONE_ADJ}(?:{AGE}(?:\s+{PERSON})?|{PERSON}))");
    let p = [
        // "killing three men and wounding another", "wounding his girlfriend", "wounded a
        // six-year-old", "wounded 72-year-old Margaret Peters": one hurt (before
        // the counts: "wounded 72" would take the age for a count)
        // "accused of killing 34-year-old Ernest Edwards": one dead, named with an age (before
        // the counts, which would take the age for one)
        format!(r"(?P<kone>(?:(?:shot|stabbed)\s+and\s+)?kill(?:ed|ing)\s+{AGE}\s+(?-i:[A-Z][a-z]+))\b"),
        // "Vicksburg shooting injures teen", "Accidental shooting hospitalizes juvenile": a
        // headline's object without its article ("the injured man's lawyer" is no count)
        format!(r"(?P<wone>(?:wound|injur|hospitali[sz])(?:ed|ing|es|s)\s+(?:another|{AGE}\s+(?-i:[A-Z][a-z]+)|(?:his|her|their|a|an|the)\s+{ONE_ADJ}(?:{AGE}(?:\s+{PERSON})?|(?:[[a-z0-9_]-]+\s+)?{PERSON}))|(?:wounds|injures|hospitali[sz]es)\s+{PERSON})\b"),
        // "killed 6 civilians", "killing at least 12 people", "wounding two"
        format!(r"(?P<v>kill(?:ed|ing|s)|murder(?:ed|ing|s)|shot\s+dead|gunned\s+down|wound(?:ed|ing|s)|injur(?:ed|ing|es))\s+(?:(?:his|her|their)\s+)?(?P<n1>{QUAL}(?:between\s+)?{NUM}(?:\s+(?:and|to|or)\s+{NUM})?)(?:\s+(?:other\s+)?(?:people|persons|civilians|soldiers|children|others|men|women|members|fighters|militants|troops|officers|policemen|workers|residents))?"),
        // "at least 12 dead", "two were wounded", "five people were killed", "6 killed"
        format!(r"(?P<n2>{QUAL}(?:between\s+)?{NUM}(?:\s+(?:and|to|or)\s+{NUM})?)(?:\s+[a-z-]+){{0,3}}?{INCLUDING}?\s+(?:(?:were|was|have been|had been|are|got|being)\s+)?(?:(?:reportedly|reported|confirmed|critically|seriously|slightly|also)\s+)?(?P<v2>{KILLED}|{INJURED}|(?:are|were)\s+recovering)"),
        // "six other people were treated for non life-threatening injuries"
        format!(r"(?P<n4>{QUAL}{NUM})\s+(?:[a-z-]+\s+){{0,3}}?(?:were|was)\s+(?:(?:treated|hospitali[sz]ed)\s+for\s+(?:[[a-z0-9_]-]+\s+){{0,3}}?(?:injuries|wounds)|treated\s+(?:and\s+released\s+)?(?:at|in|by))"),
        // "the death toll rose to 15", "The death toll from Friday's suicide bombing of a Shiite
        // mosque in northern Afghanistan rose to 55"
        format!(r"(?P<toll>death toll|toll)\s+(?:(?:from|in)\s+(?:[a-z0-9_'-]+\s+){{1,10}}?)?(?:[a-z0-9_]+\s+){{0,3}}?(?:to|of|at|reached|stood at)\s+(?P<n3>{QUAL}{NUM})"),
        // a parent and their children: "a man and his two kids were found dead", "Laura
        // Coleman and her two children died", "finding a mother and her two children dead"
        format!(r"(?P<fam>(?:(?:found|finding|discovered)\s+)?(?:{one})\s+and\s+(?:his|her|their)\s+(?P<famn>{NUM})\s+(?:[a-z-]+\s+)?(?:children|kids|sons|daughters|grandchildren|stepchildren|brothers|sisters))\s+(?:(?:were|have\s+been|had\s+been)\s+(?:found\s+)?(?:shot\s+)?(?:dead|killed|to\s+death)|(?:shot\s+)?dead|died)"),
        // two victims: "a 2-year-old boy and a 26-year-old man were killed"
        format!(r"(?P<pair>(?:{one})(?:,\s+\d{{1,3}},?)?\s+and\s+(?:{one})(?:,\s+\d{{1,3}},)?)\s+(?:were|have been|had been)\s+(?:(?:shot|stabbed)\s+(?:and\s+)?)?(?P<v6>{KILLED}|{INJURED}|shot dead|shot to death|shot)"),
        // "four people were shot, one man fatally": the dead and the wounded
        format!(r"(?P<shotn>{NUM})\s+(?:[a-z-]+\s+){{0,3}}?(?:were|had been|have been)\s+shot,?\s+(?:with\s+)?(?P<fataln>{NUM})\s+(?:of them\s+|[a-z]+\s+)?(?:fatally|dead)"),
        // "six men and one woman were shot": the two groups together
        format!(r"(?P<sum>(?P<suma>{NUM}|an?)\s+(?:[a-z-]+\s+)?{GROUP}\s+and\s+(?P<sumb>{NUM}|an?)\s+(?:[a-z-]+\s+)?{GROUP})\s+(?:were|have been|had been)\s+(?:(?:fatally|critically|seriously)\s+)?(?P<sumv>shot dead|shot and killed|shot|wounded|injured|hurt|killed)"),
        // "seven people were shot", "two men were shot and wounded", "three were taken to
        // the hospital": the people hit, dead or alive
        format!(r"(?P<hitn>{QUAL}{NUM})(?:\s+[a-z-]+){{0,3}}?{INCLUDING}?\s+(?:were|have been|had been|are|got)\s+(?:(?:reportedly|also|all)\s+)?(?:shot(?P<hitrest>\s+(?:and\s+killed|dead|to\s+death|and\s+wounded|and\s+injured))?|struck|hit\s+by\s+(?:gunfire|bullets|stray\s+bullets|shots|pellets)|(?:taken|transported|rushed|airlifted|flown|driven|sent)\s+to\s+(?:the\s+|a\s+|local\s+|area\s+|nearby\s+|several\s+|different\s+|two\s+)*hospitals?)"),
        // "shot and killed a neighbor", "shot and killed her", "killed his wife, two young
        // children and his mother-in-law"
        // "a shooting that killed a 3-year-old girl", "accidentally shot and killed his
        // 9-month-old brother"
        format!(r"(?P<object>(?:shot|stabbed) and killed (?:her|him)\b|(?:(?:(?:shot|stabbed)\s+and\s+)?kill(?:ed|ing)|shot\s+dead|gunned\s+down)\s+(?:his|her|their|a|an|the|another)\s+{ONE_ADJ}(?:{AGE}(?:\s+{PERSON})?|{PERSON})(?P<objand>(?:,\s+{more})*,?\s+and\s+{more})?\b)"),
        // "opened fire, killing Lewis and wounding the other man": one dead, named
        format!(r"(?P<killwho>(?:(?:shot|stabbed)\s+and\s+)?kill(?:ed|ing)\s+(?P<killname>(?-i:[A-Z][a-z]+)))\b"),
        // one victim: "a 28-year-old man was shot and killed", "Antonio Mason was killed", "a
        // 3-year-old boy has died", "the man was shot in the leg", "a teen is in critical
        // condition", "the man suffered a gunshot wound", "a woman was hit by a bullet", "the
        // victim was taken to Grant Hospital", "the man shot Sunday is in critical condition"
        format!(r"(?P<one>{one})(?:,\s+\d{{1,3}},|\s+(?:of|from)\s+(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?),?){{0,2}}(?:\s+(?:(?:who\s+)?(?:was|had\s+been|has\s+been)\s+)?(?:shot|wounded|injured)(?:\s+[\w'.-]+){{0,5}}?)?\s+(?:(?:also\s+)?(?:was|is|has been|had been|remains|remained)\s+(?:(?:accidentally|critically|seriously|severely|badly|slightly|reportedly|allegedly|apparently|also|then|later|initially)\s+)?(?:(?:shot|stabbed|beaten)\s+(?:and\s+)?)?(?P<v3>{KILLED}|{INJURED}|shot dead|shot to death|pronounced dead|(?:listed\s+)?in\s+(?:critical|serious|stable|grave|fair|good|guarded)\s+condition|recovering|shot|(?:hit|struck)\s+(?:by|with)\s+(?:an?\s+|the\s+)?(?:stray\s+|single\s+)?(?:bullets?|gunfire|rounds?|shots?|shotgun\s+(?:blast|pellets))|struck\s+(?:once|twice|several times|multiple times)|(?:hit|struck)\s+in\s+the\s+[a-z]+|(?:taken|transported|rushed|airlifted|flown|driven|sent)\s+(?:by\s+[a-z]+\s+)?to\s+(?:[\w'.-]+\s+){{0,4}}?(?:hospitals?|medical\s+cent(?:er|re)|trauma\s+cent(?:er|re))|treated\s+for\s+(?:[[a-z0-9_]-]+\s+){{0,3}}?(?:injuries|wounds?))|(?P<v4>died|dies|has died|later died|passed away|(?:is\s+nursing|suffered|received|sustained)\s+(?:an?\s+)?(?:[[a-z0-9_]-]+\s+){{0,4}}?(?:wounds?|injury|injuries)))"),
        // "three people were found with gunshot wounds", "officers found a 21-year-old male
        // suffering from a gunshot wound", "found Duane Helms with a gunshot wound": people
        // hit, dead or alive
        format!(r"(?P<foundw>(?:(?P<foundwn>{QUAL}{NUM})\s+(?:[a-z-]+\s+){{0,2}}?(?:were|was)\s+found|(?:found|finds?|finding|located)\s+(?:(?:a|an|one|the|another)\s+{ONE_ADJ}(?:{AGE}(?:\s+{PERSON})?|{PERSON})|(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+)(?:,\s+(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?),?)?))\s+(?:with|suffering\s+from)\s+(?:an?\s+|multiple\s+|several\s+)?(?:apparent\s+)?(?:gunshot|gun\s+shot|stab)\s+wounds?)"),
        // "the 17-year-old boy fatally shot in Government Hill", "a man shot to death on Elm
        // Street": a victim named with a reduced clause
        // "A man killed while turkey hunting Sunday was identified" (but "a man killed at
        // least three", "he killed his wife")
        format!(r"(?P<reduced>{one})\s+(?:(?:fatally\s+shot|shot\s+and\s+killed|shot\s+to\s+death|slain)\s+(?:in|on|at|early|late|last|outside|inside|near|during|while)|killed\s+(?:in|on|early|late|last|outside|inside|near|during|while|at\s+(?:a|an|the|his|her|their)))\b"),
        // "accidentally shot his girlfriend", "shot a 17-year-old in the stomach", "the gun went
        // off, hitting the 9-year-old in the cheek", "a stray bullet hit her last week", "found a
        // juvenile shot in the ankle": one person hit
        format!(r"(?P<hitobj>(?:shot|shooting|hit|struck|hitting|striking)\s+(?:(?:his|her|their|a|an|the|another)\s+{ONE_ADJ}(?:{AGE}(?:\s+{PERSON})?|{PERSON})|(?:him|her)\s+(?:in|at least|once|twice))|(?:bullets?|rounds?|gunfire|pellets?)\s+(?:hit|struck)\s+(?:him|her)\s+(?:in|on|at|once|twice|last|early|late|while|as|and)|(?:found|located|discovered)\s+(?:a|an)\s+{ONE_ADJ}(?:{AGE}(?:\s+{PERSON})?|{PERSON})\s+shot\s+(?:in|at|on|near|outside|inside|behind|once|twice|multiple|several))\b"),
        // "The shot struck Helms in the leg": one person hit, named
        format!(r"(?P<hitname>(?:shot|hit|struck|hitting|striking)\s+(?P<hitwho>(?-i:[A-Z][a-z]+))\s+(?:in\s+(?:the|his|her)|once|twice|(?:multiple|several)\s+times))\b"),
        // "they found five people shot", "located two men with gunshot wounds", "discovered
        // five people shot": people hit
        format!(r"(?P<foundg>(?:found|located|discovered)\s+(?P<foundgn>{NUM})\s+(?:[a-z-]+\s+)?{GROUP}\s+(?:shot(?P<foundgdead>\s+to\s+death|\s+dead)?|(?:with|suffering\s+from)\s+(?:apparent\s+)?(?:gunshot|gun\s+shot)\s+wounds?))"),
        // "two other people inside the restaurant suffered minor injuries"
        format!(r"(?P<n5>{QUAL}{NUM})\s+(?:[a-z-]+\s+){{0,5}}?(?:suffered|sustained|received)\s+(?:[[a-z0-9_]-]+\s+){{0,3}}?(?:injuries|wounds)"),
        // "a shooting that left a young man dead", "left one man dead and six others injured",
        // "left two people dead", "left two dead and two wounded"
        format!(r"(?P<left>(?:left|leaving|leaves)\s+(?P<ln>{NUM}|a|an)\s+(?:(?:[[a-z0-9_]-]+\s+){{0,2}}?(?:man|woman|boy|girl|teen|teenager|person|child|toddler|baby|infant|victim|people|persons|men|women|boys|girls|teens|teenagers|children|victims|others)\s+)?(?P<v5>dead|injured|wounded|hurt)(?:,?\s+and\s+(?P<ln2>{NUM})\s+(?:(?:other|more)\s+)?(?:people|persons|others|men|women|victims)?\s*(?P<v7>injured|wounded|hurt|dead))?)"),
        // "shot six people, one fatally", "wounded four, two of them fatally"
        format!(r"(?P<shota>shot|wounded)\s+(?P<shotan>{NUM})\s+(?:(?:other\s+)?(?:people|persons|men|women|teens|teenagers|children|adults|officers|others)\s*)?,?\s+(?P<fatala>{NUM})\s+(?:of them\s+)?fatally"),
        // "shot six people at a party", "shooting two men"
        format!(r"(?P<hitv>shot|shooting|shoots|struck|striking|hitting)\s+(?P<hitvn>{NUM})\s+(?:other\s+)?(?:people|persons|men|women|boys|girls|teens|teenagers|children|adults|officers|others|victims|students|bystanders|partygoers|relatives|family members)\b"),
        // "Gunfire struck Milner and three others": one named and a number more, all hit
        format!(r"(?P<hitand>(?:shot|struck|hit|shooting|striking|hitting)\s+(?-i:[A-Z][a-z]+)\s+and\s+(?P<hitandn>{NUM})\s+(?:other|others|more)(?:\s+(?:people|persons|men|women|victims))?)\b"),
        // "sent five people to the hospital", "put three women into the hospital", "sent a
        // juvenile to the hospital"
        format!(r"(?P<hosp>(?:sent|sending|sends|put|putting|puts)\s+(?P<hospn>{NUM}|an?)\s+(?:[a-z-]+\s+){{0,2}}?(?:to|into|in)\s+(?:the\s+|a\s+|local\s+|area\s+|nearby\s+)*(?:hospitals?|trauma\s+cent(?:er|re)))"),
        // "all four victims are listed in stable condition"
        format!(r"(?P<cond>(?:all\s+)?(?P<condn>{NUM})\s+(?:[a-z-]+\s+){{0,2}}?(?:are|were|remain|remained)\s+(?:(?:listed|reported)\s+)?in\s+(?:critical|serious|stable|grave|fair|good|guarded)\s+condition)"),
        // "found 21-year-old Terrance Carroll dead", "found him dead", "found two men dead"
        format!(r"(?P<found>(?:found|find|discovered)\s+(?P<foundn>{NUM}\s+)?(?:(?:him|her|[[a-z0-9_].-]+)\s+){{0,4}}?dead)\b"),
        // "the bodies of four people were found", "two bodies were recovered"
        format!(r"(?P<bodies>bodies\s+of\s+(?P<bodn>{NUM})\s+(?:[a-z-]+\s+)?{GROUP}|(?P<bodn2>{NUM})\s+bodies\s+(?:were|have\s+been|had\s+been)\s+(?:found|discovered|recovered|pulled))"),
        // "before killing himself", "then took his own life", "turned the gun on herself",
        // "accidentally shot himself and died Wednesday"
        r"(?P<suicide>(?:killing|killed|kills|shot and killed)\s+(?:himself|herself)|shot\s+(?:himself|herself)(?:\s+[\w'.-]+){0,6}?\s+(?:and|but)\s+(?:later\s+)?died|(?:took|taking|takes)\s+(?:(?:his|her)\s+)?own\s+life|turn(?:ed|ing|s)?\s+(?:the|his|her)\s+(?:gun|weapon)\s+on\s+(?:himself|herself)|(?:committ(?:ed|ing)|commits)\s+suicide)\b".to_string(),
        // "fatally shot himself", "fatally shot a man", "mortally wounding Troyer in the chest"
        r"(?P<fatal>(?:fatally|mortally)\s+(?:shot|stabbed|wounded|wounding|shooting|stabbing)\s+(?:himself|herself|a|an|his|her|their|(?-i:[A-Z][a-z]+\s+in))\b)".to_string(),
        // "accidentally shot himself in the leg", "Teen shoots himself in the leg", "wounds self
        // with rifle": one hit
        r"(?P<selfshot>(?:shot|shoots|shooting)\s+(?:himself|herself|self)|wound(?:s|ed|ing)\s+(?:himself|herself|self))\b".to_string(),
        // a death told without its subject: "was pronounced dead at the scene", "she died as
        // a result of her injuries"
        r"(?P<scene>(?:pronounced|declared) (?:clinically |brain )?(?:dead|deceased)|(?:is|was|now|been|left (?:him|her)) (?:now )?brain[- ]dead|pronounced (?:him|her|the victim|the man|the woman|the boy|the girl) (?:dead|deceased)|(?:(?:he|she)\s+(?:later\s+)?)?died (?:at the scene|at (?:a|the) (?:local\s+|area\s+|nearby\s+)?hospital|(?:from|of|as a result of) (?:his|her|the|a) (?:[a-z-]+\s+)?(?:wounds?|injuries))|(?:he|she)\s+(?:later\s+)?died)".to_string(),
        // "the fatal shooting of a 7-year-old girl", "the shooting death of a student", "a
        // shooting that claimed the life of a 9-year-old"
        r"(?P<deathof>(?:(?:fatal|deadly)\s+(?:shooting|stabbing|beating)|(?:shooting|stabbing|beating)\s+death)\s+of\s+(?:an?|his|her|their|the)?\s*[a-z0-9-]*|claimed\s+the\s+life\s+of)\b".to_string(),
        // "the deaths of a 9-year-old girl and her grandmother": two dead, named
        format!(r"(?P<deathsof>deaths?\s+of\s+(?:an?\s+|the\s+)?(?:{AGE}(?:\s+{PERSON})?|{PERSON})(?:,|\s+and)\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?:{AGE}(?:\s+{PERSON})?|{PERSON}))\b"),
        // "a 17-year-old's shooting death", "the girl's killing": one dead, named by a possessive
        format!(r"(?P<possdeath>(?:{AGE}|{PERSON})(?:'s|’s)\s+(?:fatal\s+shooting|shooting\s+death|death|killing|slaying|murder))\b"),
        // "Sunday's triple homicide", "a double murder-suicide", "a double shooting"
        r"(?P<multi>(?P<times>double|triple|quadruple)[\s-]+(?P<what>homicide|murder-suicide|murder|killing|slaying|fatal shooting|shooting)|murder-suicide)".to_string(),
        // "multiple casualties", "heavy casualties"
        r"(?P<vague>(?:multiple|heavy|many|several|numerous|no|mass|significant)\s+(?:casualties|deaths|fatalities|injuries|dead|killed|wounded))".to_string(),
    ];
    Vec::from(p)
});

/// All the phrases in one alternation, searched anchored at each place where a phrase may
/// start (a word boundary) to find the first phrase of a text. Searched unanchored, one
/// alternation of them all had a lazy DFA whose states were every mix of partial matches
/// begun at different words: new text kept reaching new ones and building them was most of
/// the casualty step (the phrases had been split into eight alternations to contain it; over
/// one pass of the bench articles building states was still four fifths of the step).
/// Anchored, a state holds the partial matches from one start only, few and soon shared by
/// every text. The lazy DFA is built and used directly, with a cache per thread: without the
/// meta regex's prefilter and reverse automata, which anchored searches never use, it
/// compiles in about three fifths of the instructions (stepping it by hand instead of a
/// search call per start saves little: the time is in the bytes read).
static ANCHORED: LazyLock<regex_automata::hybrid::dfa::DFA> = LazyLock::new(|| {
    regex_automata::hybrid::dfa::DFA::builder()
        .syntax(regex_automata::util::syntax::Config::new().case_insensitive(true).unicode(false))
        .thompson(regex_automata::nfa::thompson::Config::new().which_captures(regex_automata::nfa::thompson::WhichCaptures::None))
        .configure(regex_automata::hybrid::dfa::Config::new().cache_capacity(16 << 20))
        .build(&format!(r"\b(?:{})\b", PHRASES.join("|")))
        .expect("casualty phrases")
});

thread_local! {
    static ANCHORED_CACHE: std::cell::RefCell<regex_automata::hybrid::dfa::Cache> = std::cell::RefCell::new(ANCHORED.create_cache());
}

/// Where the first phrase at or after `at` starts: the first word boundary (ASCII, as the
/// phrases' `\b`) where one matches, among those whose byte can begin a phrase.
fn next_start(text: &str, at: usize) -> Option<usize> {
    next_start_among(text, at, &FIRST_BYTES)
}

/// [`next_start`] trying only the word boundaries whose byte is marked in `first` (the end
/// of the text is always tried).
fn next_start_among(text: &str, at: usize, first: &[bool; 256]) -> Option<usize> {
    let b = text.as_bytes();
    let word = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_');
    ANCHORED_CACHE.with_borrow_mut(|cache| {
        (at..=b.len())
            .filter(|&i| (i > 0 && word(i - 1)) != word(i) && b.get(i).is_none_or(|&c| first[c as usize]))
            // (a search the lazy DFA gives up is left to the phrases themselves to decide)
            .find(|&i| begins_phrase(cache, b, i).unwrap_or(true))
    })
}

/// Whether a phrase matches from byte `i` of `b`, walking the lazy DFA's transitions until
/// it matches or dies (most starts die within a byte or two); None when the DFA gives up.
fn begins_phrase(cache: &mut regex_automata::hybrid::dfa::Cache, b: &[u8], i: usize) -> Option<bool> {
    let dfa = &*ANCHORED;
    let start = regex_automata::util::start::Config::new().anchored(regex_automata::Anchored::Yes).look_behind(i.checked_sub(1).map(|j| b[j]));
    let mut sid = dfa.start_state(cache, &start).ok()?;
    // each byte, then the end of the text (None)
    for byte in b[i..].iter().copied().map(Some).chain([None]) {
        if sid.is_tagged() {
            if sid.is_match() {
                return Some(true);
            }
            if sid.is_dead() {
                return Some(false);
            }
            if sid.is_quit() {
                return None;
            }
        }
        sid = match byte {
            Some(byte) => dfa.next_state(cache, sid, byte),
            None => dfa.next_eoi_state(cache, sid),
        }
        .ok()?;
    }
    Some(sid.is_match())
}

/// The bytes a phrase can begin with, in either case: half of a sentence's word boundaries
/// are word ends, before a space or a comma that begins no phrase. Every byte when some
/// phrase can match nothing at all.
static FIRST_BYTES: LazyLock<[bool; 256]> = LazyLock::new(|| gate::first_bytes(&PHRASES).unwrap_or([true; 256]));

/// Each phrase alone, to tell which one matched where [`ANCHORED`] found one (the first that
/// matches there, as in the alternation) and read its parts: a capture search pays for every
/// state of its automaton over the matched words, and one phrase's automaton is a small part
/// of all of them (measured: the capture search was a third of the casualty step).
static PARTS: LazyLock<Vec<regex_automata::meta::Regex>> = LazyLock::new(|| PHRASES.iter().map(|p| ascii_regex(&format!(r"\b(?:{p})\b"))).collect());

/// A case-insensitive ASCII regex with the parts of its match by name.
fn ascii_regex(pattern: &str) -> regex_automata::meta::Regex {
    regex_automata::meta::Regex::builder()
        .syntax(regex_automata::util::syntax::Config::new().case_insensitive(true).unicode(false))
        .build(pattern)
        .expect("casualty phrase")
}

/// The parts of one phrase's match, read by group name as [`regex::Captures`] reads them.
struct Parts<'t> {
    text: &'t str,
    caps: regex_automata::util::captures::Captures,
}

/// One part of a match.
#[derive(Clone, Copy)]
struct Part<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Part<'t> {
    fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
}

impl<'t> Parts<'t> {
    fn part(&self, span: Option<regex_automata::Span>) -> Option<Part<'t>> {
        span.map(|s| Part { text: self.text, start: s.start, end: s.end })
    }
    /// (By a scan of the phrase's few group names: the regex crate's own lookup hashes the
    /// name, and the casualty rules ask for dozens of names a match mostly lacks.)
    fn name(&self, name: &str) -> Option<Part<'t>> {
        let pid = self.caps.pattern()?;
        let index = self.caps.group_info().pattern_names(pid).position(|n| n == Some(name))?;
        self.part(self.caps.get_group(index))
    }
    fn get(&self, i: usize) -> Option<Part<'t>> {
        self.part(self.caps.get_group(i))
    }
}

/// The phrase that matches at `start` (the first listed) with its parts.
fn phrase_at(text: &str, start: usize) -> Option<Parts<'_>> {
    let input = regex_automata::Input::new(text).range(start..).anchored(regex_automata::Anchored::Yes);
    let re = PARTS.iter().find(|re| re.is_match(input.clone()))?;
    let mut caps = re.create_captures();
    re.search_captures(&input, &mut caps);
    caps.is_match().then_some(Parts { text, caps })
}

/// A headline's casualty without the words a sentence would have ("Teen injured in accidental
/// shooting", "Kansas man injured during attempt to shoot a buffalo", "4-year-old shot by
/// brother", "2 men shot outside bar"): one person, or a number of them, and the harm.
/// (Its lazy DFA gets more than the default 2 MB: headlines reach new states as sentences do.)
static HEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    let p = format!(
        r"(?i)(?:^|[\s,:;])(?:(?P<who>(?:{AGE}\s+)?(?:(?-i:[A-Z][a-z]+)\s+)?{PERSON}(?:,\s*\d{{1,3}},)?|{AGE})|(?P<n>{NUM})\s+(?:[a-z-]+\s+)?{GROUP})(?:\s+[a-z0-9' -]{{1,60}},\s+then)?\s+(?:(?P<adv>accidentally|critically|seriously|fatally|reportedly)\s+)?(?P<v>shot(?:\s+(?:dead|and\s+killed|to\s+death)|,\s+killed)?|gunned\s+down|injured|wounded|hurt|hospitali[sz]ed|killed|dies|die|dead|suffers\s+(?:an?\s+)?(?:[a-z-]+\s+)?(?:gunshot\s+)?(?:wounds?|injury|injuries))\b"
    );
    regex::RegexBuilder::new(&p).unicode(false).dfa_size_limit(16 << 20).build().expect("headline casualty pattern")
});

/// "4th victim of Henry County shooting dies", "Third person dies after …": the dead counted
/// up to this one, the headline's way.
static ORDINAL_HEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?P<digit>[2-9])(?:nd|rd|th)|(?P<word>second|third|fourth|fifth|sixth))\s+(?:victim|person|man|woman|teen|child|boy|girl)\b[a-z0-9 ,'-]{0,60}?\b(?:dies|died|has\s+died)\b")
        .expect("ordinal headline pattern")
});

/// The end of a headline telling that the one shot has died ("… shot near Hofstra University
/// dies", "… shot Sunday has died").
static DIES_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^[a-z0-9 ,.'-]{0,60}?\b(?:dies|died|has\s+died)\b[a-z0-9 ,'-]{0,30}$").expect("dies-after pattern"));

/// A count over days or a period in a headline ("in just two days", "this week").
static OVER_DAYS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:in\s+(?:just\s+|only\s+)?(?:\d+|two|three|four|five|six|seven|several|a\s+few)\s+(?:days|weeks|months)|this\s+(?:week|month|year|weekend))\b").expect("over-days pattern"));

/// Finds casualty phrases in a headline: those a sentence would tell, and those told the
/// headline's way, without article or verb ("Toddler shot in Portland neighborhood").
pub fn find_in_headline(text: &str) -> Vec<Casualty> {
    let mut out = find(text);
    // ("Third child dies from a shooting in Chicago in just two days": the city's count)
    if let Some(c) = ORDINAL_HEADLINE.captures(text).filter(|_| !OVER_DAYS.is_match(text)) {
        let n = c.name("digit").and_then(|d| d.as_str().parse().ok()).or_else(|| c.name("word").and_then(|w| ordinal(w.as_str())));
        if let (Some(n), Some(m)) = (n, c.get(0)) {
            out.retain(|o| o.end <= m.start() || o.start >= m.end());
            out.push(Casualty { start: m.start(), end: m.end(), harm: Harm::Killed, min: Some(n), max: Some(n) });
        }
    }
    let told: Vec<(usize, usize)> = out.iter().map(|c| (c.start, c.end)).collect();
    for c in HEADLINE.captures_iter(text) {
        let (Some(m), Some(v)) = (c.get(0), c.name("v")) else { continue };
        let start = c.name("who").or(c.name("n")).map_or(m.start(), |w| w.start());
        if told.iter().any(|&(s, e)| s < m.end() && start < e) {
            continue;
        }
        let n = match c.name("n") {
            Some(n) => match number(n.as_str()) {
                Some(n) => n,
                None => continue,
            },
            None => 1,
        };
        let v = v.as_str().to_ascii_lowercase();
        let fatally = c.name("adv").is_some_and(|a| a.as_str().eq_ignore_ascii_case("fatally"));
        let harm = if fatally || v.starts_with("shot ") || v.starts_with("shot,") || v.starts_with("gunned") || ["killed", "dies", "die", "dead"].contains(&v.as_str()) {
            Harm::Killed
        } else if v == "shot" && n == 1 && DIES_AFTER.is_match(&text[m.end()..]) {
            // "Teen shot near Hofstra University dies": the one shot has died since
            Harm::Killed
        } else if v == "shot" {
            Harm::Hit
        } else {
            Harm::Injured
        };
        out.push(Casualty { start, end: m.end(), harm, min: Some(n), max: Some(n) });
    }
    out
}

/// The value of a number written in digits ("1,200") or words ("twelve", "a dozen", "a few");
/// `None` for vague quantities ("several") and non-numbers. Shared with the time expressions.
pub fn number(s: &str) -> Option<u32> {
    let s = s.trim().to_ascii_lowercase();
    let n = match s.as_str() {
        "a" | "an" | "one" => 1,
        "two" | "both" => 2,
        "three" | "a few" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" | "a dozen" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => return s.replace(',', "").parse().ok(),
    };
    Some(n)
}

/// Bounds of a stated figure: "at least 12" is 12..open, "nearly 30" is open..30,
/// "between 5 and 7" is 5..7, "dozens" is 24..open, "several" is 3..open.
fn bounds(phrase: &str) -> (Option<u32>, Option<u32>) {
    let p = phrase.to_ascii_lowercase();
    let nums: Vec<u32> = NUMBER.find_iter(&p).filter_map(|m| number(m.as_str())).collect();
    let vague = |w: &str| p.contains(w);
    if vague("dozens") {
        return (Some(24), None);
    }
    if vague("hundreds") {
        return (Some(200), None);
    }
    if vague("scores") {
        return (Some(40), None);
    }
    if vague("several") || vague("a few") {
        return (Some(3), None);
    }
    match nums.as_slice() {
        [a, b, ..] => (Some(*a.min(b)), Some(*a.max(b))),
        [n] => {
            if p.starts_with("at least") || p.starts_with("more than") || p.starts_with("over") {
                (Some(*n), None)
            } else if ["up to", "nearly", "almost", "fewer than", "less than", "as many as"].iter().any(|q| p.starts_with(q)) {
                (None, Some(*n))
            } else {
                (Some(*n), Some(*n))
            }
        }
        [] => (None, None),
    }
}

/// Capture groups that hold the number of people a phrase counts.
const COUNT_GROUPS: [&str; 25] = [
    "n1", "arrn", "foundgn", "n5", "foundwn", "n2", "n3", "n4", "hitn", "hitvn", "hitandn", "hospn", "condn", "shotn", "fataln", "shotan", "fatala", "foundn", "ln", "ln2",
    "suma", "sumb", "bodn", "bodn2", "famn",
];

/// Month names and their abbreviations, which a day of the month follows ("Jan. 19").
const MONTHS: [&str; 24] = [
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug", "august", "sep",
    "sept", "september", "oct", "october", "nov", "november", "dec", "december",
];

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Things a count may count where a casualty phrase counts people ("two cars were hit by
/// gunfire", "Several homes were struck").
const NOT_PEOPLE: [&str; 21] = [
    "car", "cars", "vehicle", "vehicles", "truck", "trucks", "home", "homes", "house", "houses", "building", "buildings", "window",
    "windows", "round", "rounds", "shots", "bullet", "bullets", "dog", "dogs",
];

/// Whether the words before a number end a list of ages it closes: "ages 19 and", "age 22,
/// 26, 29 and", "aged between 20 and", "between the ages of 18 and".
fn ends_an_age_list(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    if !matches!(words.next(), Some("and" | "&")) {
        return false;
    }
    let mut numbers = 0;
    let mut between = false;
    for w in words {
        if !between && w.trim_end_matches(',').parse::<u32>().is_ok() {
            numbers += 1;
            continue;
        }
        let w = w.to_ascii_lowercase();
        if w == "between" && numbers == 1 && !between {
            between = true;
            continue;
        }
        // "between the ages of 18 and"
        if numbers > 0 && matches!(w.as_str(), "of" | "the") {
            continue;
        }
        return numbers > 0 && matches!(w.as_str(), "age" | "ages" | "aged");
    }
    false
}

/// Capitalised words that stand where a one-victim phrase has its person, naming none.
const NOT_A_PERSON: [&str; 24] = [
    "nobody", "none", "neither", "noone", "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "police", "officers",
    "authorities", "deputies", "it", "this", "that", "what", "which", "there", "here", "who", "nothing", "something",
];

/// Whether a match counts people and not something that reads like it: an age ("killed
/// 42-year-old Kysha"), a day of a month ("Corbin's Jan. 19 death"), where someone lives
/// ("one lives in Charleston"), or the object of another verb ("returned three rounds and
/// killed her").
fn is_a_count(text: &str, c: &Parts) -> bool {
    for g in COUNT_GROUPS.iter().filter_map(|g| c.name(g)) {
        let digits = g.as_str().ends_with(|ch: char| ch.is_ascii_digit());
        if digits && text[g.end()..].starts_with('-') {
            return false;
        }
        // "a 14 year old boy injured", "an 8 yo girl": an age
        let rest: String = text[g.end()..].trim_start().chars().take(24).collect::<String>().to_ascii_lowercase();
        if digits && (["year old", "years old", "year-old", "yr", "yo ", "y/o", "y.o.", "month old", "month-old"].iter().any(|w| rest.starts_with(w))) {
            return false;
        }
        // "three days after his death", "in four days three people died": a span of time
        let unit = rest.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
        if ["day", "days", "hour", "hours", "week", "weeks", "month", "months", "year", "years", "minute", "minutes", "decade", "decades"].contains(&unit) {
            return false;
        }
        if g.as_str().starts_with(|ch: char| ch.is_ascii_digit()) {
            let before = &text[..g.start()];
            // "K-9", "the '90 shooting": a name, a year
            if before.ends_with(['-', '\'', '’']) {
                return false;
            }
            // "two men ages 19 and 23 were treated", "The victims -- age 22, 26, 29 and 37 --",
            // "victims aged between 20 and 37": the last of the ages told
            if ends_an_age_list(before) {
                return false;
            }
            // "Darrell Hawkins, 34 who were shot": an age after a name (but "killed in
            // Charlotte, 3 others injured" counts)
            if let Some(name) = before.strip_suffix(", ") {
                let counted = ["others", "other", "people", "persons", "men", "women", "children", "teens", "victims", "more", "injured", "wounded", "dead", "killed", "hurt"]
                    .contains(&unit);
                if !counted && name.rsplit(' ').next().is_some_and(|w| w.starts_with(|c: char| c.is_ascii_uppercase())) {
                    return false;
                }
            }
        }
        // "two cars were hit by gunfire", "three homes were struck": things, not people
        let counted_words = rest.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()).take(3);
        if counted_words.take_while(|w| !matches!(*w, "were" | "was" | "are" | "have" | "had")).any(|w| NOT_PEOPLE.contains(&w)) {
            return false;
        }
        // "No one else was injured": nobody
        let word_before = text[..g.start()].trim_end().rsplit(|ch: char| !ch.is_ascii_alphabetic()).next().unwrap_or("");
        if g.as_str().eq_ignore_ascii_case("one") && word_before.eq_ignore_ascii_case("no") {
            return false;
        }
        // "told WAVE 3 News the man died": a broadcaster's name
        if digits && text[g.end()..].starts_with(" News") {
            return false;
        }
        // "Image 5 of 12 Seven people were shot": the count is the last number before its noun
        let next = text[g.end()..].split_whitespace().next().unwrap_or("").to_ascii_lowercase();
        if NUMBER.find(&next).is_some_and(|n| n.start() == 0 && n.end() == next.len()) {
            return false;
        }
        if g.as_str().starts_with(|ch: char| ch.is_ascii_digit()) {
            let before = text[..g.start()].trim_end().trim_end_matches('.');
            let word = before.rsplit(|ch: char| !ch.is_ascii_alphabetic()).next().unwrap_or("").to_ascii_lowercase();
            if MONTHS.contains(&word.as_str()) {
                return false;
            }
        }
    }
    // "Nobody was injured", "Police were shot at": a capitalised word that names no one
    for g in ["one", "reduced", "pair", "arrone", "hitwho", "killname"].iter().filter_map(|g| c.name(g)) {
        let first = g.as_str().split_whitespace().next().unwrap_or("");
        if NOT_A_PERSON.iter().any(|w| w.eq_ignore_ascii_case(first)) {
            return false;
        }
    }
    // one name alone ("Hayden died") is a person's unless it is a day, a month or a place
    // that is no given name ("Sunday is in critical condition", "Arkansas is recovering")
    if let Some(one) = c.name("one").or(c.name("hitwho")).or(c.name("arrone")).or(c.name("killname")).map(|g| g.as_str()).filter(|w| !w.contains(char::is_whitespace)) {
        let lower = one.to_ascii_lowercase();
        let pronoun = matches!(lower.as_str(), "he" | "she");
        let calendar = MONTHS.contains(&lower.as_str()) || WEEKDAYS.contains(&lower.as_str());
        let place = !sitrep_gazetteer::is_given_name(one) && !sitrep_gazetteer::Gazetteer::embedded().lookup(one).is_empty();
        if !pronoun && (calendar || place) {
            return false;
        }
    }
    if let (Some(n), Some(v)) = (c.name("n2"), c.name("v2")) {
        let between = &text[n.end()..v.start()];
        let has_aux = ["were", "was", "have", "had", "are", "is", "got", "been"].iter().any(|a| between.split_whitespace().any(|w| w.eq_ignore_ascii_case(a)));
        if between.split_whitespace().any(|w| w.eq_ignore_ascii_case("and")) && !has_aux {
            return false;
        }
        // "One victim was not hospitalized", "two others weren't hurt" (but "two were not
        // seriously injured" were hurt)
        let words: Vec<String> = between.split_whitespace().map(str::to_ascii_lowercase).collect();
        let negated = words.iter().position(|w| w == "not" || w == "never" || w.ends_with("n't") || w.ends_with("n’t"));
        if negated.is_some_and(|i| !words.get(i + 1).is_some_and(|w| matches!(w.as_str(), "seriously" | "critically" | "severely" | "badly" | "gravely"))) {
            return false;
        }
        let after = text[v.end()..].split_whitespace().next().unwrap_or("").to_ascii_lowercase();
        if v.as_str().eq_ignore_ascii_case("lives") && matches!(after.as_str(), "in" | "at" | "on" | "with" | "near" | "there" | "here" | "a" | "an" | "the") {
            return false;
        }
    }
    true
}

/// What the verb of a one- or two-victim phrase tells: dead ("killed", "shot dead", "shot to
/// death", "pronounced dead"), hit ("shot") or hurt ("wounded", "in critical condition").
fn harm_of(verb: &str) -> Harm {
    let v = verb.to_ascii_lowercase();
    if KILLED_WORD.is_match(&v) || v.starts_with("shot ") || v == "pronounced dead" {
        Harm::Killed
    } else if v == "shot" || ["hit", "struck", "taken", "transported", "rushed", "airlifted", "flown"].iter().any(|w| v.starts_with(w)) {
        Harm::Hit
    } else {
        Harm::Injured
    }
}

/// One more dead besides those told: "Gino Nicolas, 24, was also killed", "his wife also died".
static ALSO_DEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:(?:was|were|has\s+been|had\s+been)\s+also\s+(?:shot\s+and\s+)?killed|also\s+(?:died|was\s+killed))\b").expect("also-dead pattern"));

impl Casualty {
    /// Whether the phrase tells one person, as a reader telling victims apart counts them:
    /// a figure of one, or one dead besides others ("was also killed"), which [`find`]
    /// counts as two dead at least. `text` is the text the phrase was found in.
    pub fn tells_one(&self, text: &str) -> bool {
        (self.min == Some(1) && self.max == Some(1)) || (self.harm == Harm::Killed && ALSO_DEAD.is_match(&text[self.start..self.end]))
    }
}

/// The ordinals a victim is told with, from the second on.
const ORDINALS: [&str; 5] = ["second", "third", "fourth", "fifth", "sixth"];

/// "A third victim", "a second man": the one who died last of those counted so far.
static ORDINAL_DEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?i:an?\s+(?:[a-z-]+\s+)?({})\s)", ORDINALS.join("|"))).expect("ordinal pattern"));

fn ordinal(word: &str) -> Option<u32> {
    ORDINALS.iter().position(|w| word.eq_ignore_ascii_case(w)).map(|i| i as u32 + 2)
}

/// Finds casualty phrases in a sentence or text.
pub fn find(text: &str) -> Vec<Casualty> {
    let mut out = Vec::new();
    // most sentences tell no harm: one pass for the words every casualty phrase contains
    // spares them the captures search
    if !HARM_WORDS.is_match(text) {
        return out;
    }
    let mut at = 0;
    while let Some(found) = next_start(text, at) {
        let Some(c) = phrase_at(text, found) else {
            // (the alternation and its phrases agree on where one matches: not reached)
            at = found + text[found..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let Some(m) = c.get(0) else { break };
        at = m.end().max(m.start() + 1);
        if !is_a_count(text, &c) {
            // "… 33 Seven people have been shot": the phrase may start further on
            at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let (harm, phrase) = if let Some(v) = c.name("v") {
            let verb = v.as_str().to_ascii_lowercase();
            let h = if ["kill", "murder", "shot", "gunned"].iter().any(|k| verb.starts_with(k)) { Harm::Killed } else { Harm::Injured };
            (h, c.name("n1").map(|x| x.as_str()).unwrap_or(""))
        } else if let Some(v) = c.name("v2") {
            let lv = v.as_str().to_ascii_lowercase();
            let h = if KILLED_WORD.is_match(&lv) { Harm::Killed } else { Harm::Injured };
            // "two of the four shooting victims had died": the verb's count is the part
            // (read in the few words before the count only)
            let part = c.name("n2").and_then(|n| {
                let from = text.floor_char_boundary(n.start().saturating_sub(40));
                let caps = PART_OF.captures(&text[from..n.start()])?;
                Some((from + caps.get(0)?.start(), number(caps.get(1)?.as_str())?))
            });
            if let Some((start, n)) = part {
                out.push(Casualty { start, end: m.end(), harm: h, min: Some(n), max: Some(n) });
                continue;
            }
            (h, c.name("n2").map(|x| x.as_str()).unwrap_or(""))
        } else if let Some(v) = c.name("v3") {
            (harm_of(v.as_str()), "one")
        } else if let (Some(v), Some(n)) = (c.name("v5"), c.name("ln")) {
            let harm_of = |w: &str| if w.eq_ignore_ascii_case("dead") { Harm::Killed } else { Harm::Injured };
            let first = number(n.as_str()).unwrap_or(1);
            out.push(Casualty { start: m.start(), end: m.end(), harm: harm_of(v.as_str()), min: Some(first), max: Some(first) });
            if let (Some(v), Some(n)) = (c.name("v7"), c.name("ln2").and_then(|n| number(n.as_str()))) {
                out.push(Casualty { start: m.start(), end: m.end(), harm: harm_of(v.as_str()), min: Some(n), max: Some(n) });
            }
            continue;
        } else if let (Some(shot), Some(fatal)) = (c.name("shotn").or(c.name("shotan")), c.name("fataln").or(c.name("fatala"))) {
            // "four people were shot, one fatally", "shot six people, one fatally": the dead
            // and the rest wounded
            let (Some(all), Some(dead)) = (number(shot.as_str()), number(fatal.as_str())) else { continue };
            out.push(Casualty { start: m.start(), end: m.end(), harm: Harm::Killed, min: Some(dead), max: Some(dead) });
            if all > dead {
                out.push(Casualty { start: m.start(), end: m.end(), harm: Harm::Injured, min: Some(all - dead), max: Some(all - dead) });
            }
            continue;
        } else if let (Some(a), Some(b), Some(v)) = (c.name("suma"), c.name("sumb"), c.name("sumv")) {
            let (Some(a), Some(b)) = (number(a.as_str()), number(b.as_str())) else { continue };
            let v = v.as_str().to_ascii_lowercase();
            let harm = match v.as_str() {
                "shot" => Harm::Hit,
                "wounded" | "injured" | "hurt" => Harm::Injured,
                _ => Harm::Killed,
            };
            out.push(Casualty { start: m.start(), end: m.end(), harm, min: Some(a + b), max: Some(a + b) });
            continue;
        } else if let Some(n) = c.name("famn") {
            // the parent is one more
            let Some(n) = number(n.as_str()) else { continue };
            out.push(Casualty { start: m.start(), end: m.end(), harm: Harm::Killed, min: Some(n + 1), max: Some(n + 1) });
            continue;
        } else if let Some(n) = c.name("hitn") {
            let h = match c.name("hitrest").map(|r| r.as_str().to_ascii_lowercase()) {
                Some(r) if r.contains("wounded") || r.contains("injured") => Harm::Injured,
                Some(_) => Harm::Killed,
                None => Harm::Hit,
            };
            (h, n.as_str())
        } else if let Some(n) = c.name("hitvn") {
            (Harm::Hit, n.as_str())
        } else if let Some(n) = c.name("hitandn").and_then(|n| number(n.as_str())) {
            // the one named besides the number
            out.push(Casualty { start: m.start(), end: m.end(), harm: Harm::Hit, min: Some(n + 1), max: Some(n + 1) });
            continue;
        } else if let Some(n) = c.name("hospn").or(c.name("condn")) {
            (Harm::Injured, n.as_str())
        } else if let Some(n) = c.name("n4").or(c.name("n5")) {
            (Harm::Injured, n.as_str())
        } else if c.name("hitobj").is_some() || c.name("hitname").is_some() {
            // "shot her estranged husband and their son", "shooting a 7-year-old and her
            // 33-year old father": two hit
            if let Some(more) = c.name("hitobj").and_then(|_| AND_ANOTHER.find(&text[m.end()..])) {
                let end = m.end() + more.end();
                out.push(Casualty { start: m.start(), end, harm: Harm::Hit, min: Some(2), max: Some(2) });
                at = end;
                continue;
            }
            (Harm::Hit, "one")
        } else if let Some(n) = c.name("bodn").or(c.name("bodn2")) {
            (Harm::Killed, n.as_str())
        } else if let Some(n) = c.name("foundgn") {
            (if c.name("foundgdead").is_some() { Harm::Killed } else { Harm::Hit }, n.as_str())
        } else if c.name("foundw").is_some() {
            (Harm::Hit, c.name("foundwn").map_or("one", |n| n.as_str()))
        } else if c.name("wone").is_some() {
            (Harm::Injured, "one")
        } else if c.name("found").is_some() {
            // "a couple and their two children were found dead": a plural subject, no count
            let plural = text[..m.start()].trim_end().rsplit(|ch: char| !ch.is_ascii_alphabetic()).next().is_some_and(|w| w.eq_ignore_ascii_case("were") || w.eq_ignore_ascii_case("are"));
            if plural && c.name("foundn").is_none() {
                continue;
            }
            let n = c.name("foundn").and_then(|n| number(n.as_str())).unwrap_or(1);
            out.push(Casualty { start: m.start(), end: m.end(), harm: Harm::Killed, min: Some(n), max: Some(n) });
            continue;
        } else if let Some(v) = c.name("v4") {
            let lv = v.as_str().to_ascii_lowercase();
            let h = if lv.contains("died") || lv == "dies" || lv == "dead" || lv == "passed away" { Harm::Killed } else { Harm::Injured };
            (h, "one")
        } else if let Some(v) = c.name("v6") {
            (harm_of(v.as_str()), "two")
        } else if c.name("selfshot").is_some() {
            (Harm::Hit, "one")
        } else if c.name("suicide").is_some() {
            (Harm::SelfKilled, "one")
        } else if c.name("multi").is_some() {
            let times = match c.name("times").map(|t| t.as_str().to_ascii_lowercase()).as_deref() {
                Some("double") => 2,
                Some("triple") => 3,
                Some("quadruple") => 4,
                _ => 1,
            };
            let what = c.name("what").map(|w| w.as_str().to_ascii_lowercase()).unwrap_or_else(|| "murder-suicide".into());
            let (harm, n) = match what.as_str() {
                // the killer's own death is one more
                "murder-suicide" => (Harm::Killed, times + 1),
                "shooting" => (Harm::Hit, times),
                _ => (Harm::Killed, times),
            };
            out.push(Casualty { start: m.start(), end: m.end(), harm, min: Some(n), max: Some(n) });
            continue;
        } else if let Some(more) = c.name("objand") {
            // "killed his wife and two daughters", "killed his wife and her boyfriend",
            // "killed his wife, two young children and his mother-in-law": each one named
            // is one, each number counts its group
            let mut n = 1;
            for item in LIST_SEP.split(more.as_str()).filter(|i| !i.trim().is_empty()) {
                let first = item.split_whitespace().find(|w| !matches!(w.to_ascii_lowercase().as_str(), "his" | "her" | "their"));
                n += first.filter(|w| NUMBER.find(w).is_some_and(|m| m.len() == w.len())).map_or(Some(1), number).unwrap_or(1);
            }
            out.push(Casualty { start: m.start(), end: m.end(), harm: Harm::Killed, min: Some(n), max: Some(n) });
            continue;
        } else if c.name("fatal").is_some() || c.name("reduced").is_some() || c.name("scene").is_some() || c.name("object").is_some() || c.name("kone").is_some() || c.name("killwho").is_some() || c.name("deathof").is_some() || c.name("possdeath").is_some() {
            (Harm::Killed, "one")
        } else if c.name("deathsof").is_some() {
            // "the deaths of a husband, wife and their two children": a longer list, told
            // otherwise
            let rest = &text[m.end()..];
            if rest.starts_with(',') && !rest.starts_with(", police") || rest.starts_with(" and ") {
                continue;
            }
            (Harm::Killed, "two")
        } else if c.name("toll").is_some() {
            (Harm::Killed, c.name("n3").map(|x| x.as_str()).unwrap_or(""))
        } else {
            let v = m.as_str().to_ascii_lowercase();
            let h = if v.ends_with("casualties") {
                Harm::Casualties
            } else if v.ends_with("injuries") || v.ends_with("wounded") {
                Harm::Injured
            } else {
                Harm::Killed
            };
            let (min, max) = if v.starts_with("no ") { (Some(0), Some(0)) } else { (None, None) };
            out.push(Casualty { start: m.start(), end: m.end(), harm: h, min, max });
            continue;
        };
        // "sent a juvenile to the hospital": one
        let phrase = if phrase.eq_ignore_ascii_case("a") || phrase.eq_ignore_ascii_case("an") { "one" } else { phrase };
        let (min, max) = bounds(phrase);
        if min.is_none() && max.is_none() {
            continue;
        }
        out.push(Casualty { start: m.start(), end: m.end(), harm, min, max });
    }
    // "A third person has died": the dead are counted up to this one; and one "also killed"
    // is a second dead at least
    for c in out.iter_mut().filter(|c| c.harm == Harm::Killed && c.min == Some(1)) {
        if let Some(n) = ORDINAL_DEAD.captures(&text[c.start..c.end]).and_then(|o| ordinal(&o[1])) {
            (c.min, c.max) = (Some(n), Some(n));
        } else if c.max == Some(1) && ALSO_DEAD.is_match(&text[c.start..c.end]) {
            (c.min, c.max) = (Some(2), None);
        }
    }
    if GUNSHOT_WOUND.is_match(text) {
        for caps in ARRIVE.captures_iter(text) {
            let c = Parts { text, caps };
            let Some(m) = c.get(0) else { continue };
            let told = out.iter().any(|o| o.start < m.end() && m.start() < o.end);
            let n = c.name("arrn").map_or(Some(1), |n| bounds(n.as_str()).0);
            if let (false, true, Some(n)) = (told, is_a_count(text, &c), n) {
                out.push(Casualty { start: m.start(), end: m.end(), harm: Harm::Hit, min: Some(n), max: Some(n) });
            }
        }
    }
    // "There should've been five or six people dead": what might have been counts no one
    out.retain(|c| !COUNTERFACTUAL.is_match(&text[text.floor_char_boundary(c.start.saturating_sub(24))..c.start]));
    // "the woman's boyfriend was also shot in his leg": hit besides those already told, who
    // are the dead when a report counts them first; one told so is a survivor
    for c in out.iter_mut().filter(|c| c.harm == Harm::Hit) {
        if ALSO_SHOT.is_match(&text[c.start..c.end]) {
            c.harm = Harm::Injured;
        }
    }
    // "A woman who was wounded in a Sunday night shooting in Metairie has died": the one
    // wounded of a relative clause whose person has since died is dead, not wounded (looked
    // for apart: in the alternation above, the person's phrase once more cost a quarter of
    // the time this function takes)
    if text.contains("died") {
        for m in RELATIVE_DIED.find_iter(text) {
            for c in out.iter_mut().filter(|c| matches!(c.harm, Harm::Injured | Harm::Hit) && c.min == Some(1) && c.max == Some(1)) {
                if c.start < m.start() && m.start() < c.end {
                    c.harm = Harm::Killed;
                    c.end = c.end.max(m.end());
                }
            }
        }
    }
    out
}

/// "… and their son", "… and her 33-year old father": a second person hit, right after the
/// first (see [`find`]).
static AND_ANOTHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^\s+and\s+(?:his|her|their|a|an|the)\s+(?:[a-z'-]+\s+){{0,2}}?(?:{AGE}(?:\s+{PERSON})?|{PERSON})(?-u:\b)")).expect("and-another pattern")
});

/// "who was wounded … has died", "who had been in critical condition … has now died" (see the
/// end of [`find`]).
static RELATIVE_DIED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)who\s+(?:was|had\s+been)\s+(?:[a-z0-9'-]+,?\s+){1,20}?(?:has|had)\s+(?:now\s+|since\s+)?died(?-u:\b)").expect("relative-died pattern")
});

/// "should have been", "could've been", "would have been" right before a figure (see the end of
/// [`find`]).
static COUNTERFACTUAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:should|could|would|might)(?:'ve|\s+have)\s+been\s+(?:as\s+many\s+as\s+|at\s+least\s+)?$").expect("counterfactual pattern"));

/// "was also shot", "was also struck" (one person: "three other men were also shot" are as
/// often the dead and the wounded together): see the end of [`find`].
static ALSO_SHOT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bwas\s+also\s+(?:shot|struck|hit)$").expect("also-shot pattern"));

#[cfg(test)]
mod tests {
    use super::*;

    /// The harm and lower bound of each phrase a text tells, in order.
    fn harms(text: &str) -> Vec<(Harm, Option<u32>)> {
        find(text).iter().map(|c| (c.harm, c.min)).collect()
    }

    fn one(text: &str) -> (Harm, Option<u32>, Option<u32>, String) {
        let c = &find(text)[0];
        (c.harm, c.min, c.max, text[c.start..c.end].to_string())
    }

    #[test]
    fn figures_and_bounds() {
        assert_eq!(one("The raid killed 6 civilians."), (Harm::Killed, Some(6), Some(6), "killed 6 civilians".into()));
        assert_eq!(one("At least 12 dead after the blast."), (Harm::Killed, Some(12), None, "At least 12 dead".into()));
        assert_eq!(one("Two were wounded, police said.").0, Harm::Injured);
        assert_eq!(one("Two were wounded, police said.").1, Some(2));
        assert_eq!(one("between 5 and 7 people were killed").1..=one("between 5 and 7 people were killed").2, Some(5)..=Some(7));
        assert_eq!(one("the death toll rose to 1,200").1, Some(1200));
        assert_eq!(one("The death toll from Friday's suicide bombing of a Shiite mosque in northern Afghanistan rose to 55").1, Some(55));
        assert_eq!(one("nearly 30 were injured").2, Some(30));
        assert_eq!(one("dozens of people were hurt").1, Some(24));
    }

    #[test]
    fn the_anchored_alternation_finds_the_first_phrase_start_as_each_phrase_would() {
        let text = "He said three men were shot. Gunmen shot dead a policeman, and the blast killed 6 civilians and wounded a soldier; \
                    a 17-year-old boy was shot and killed, two others were hurt, and the death toll rose to 15.";
        // every start at which some phrase matches, found one position at a time
        let starts: Vec<usize> = (0..text.len()).filter(|&i| text.is_char_boundary(i) && phrase_at(text, i).is_some()).collect();
        let mut at = 0;
        for &s in &starts {
            assert_eq!(next_start(text, at), Some(s), "from {at}");
            at = s + 1;
        }
        assert_eq!(next_start(text, at), None);
        assert!(starts.len() >= 6, "{starts:?}");
        // and as the search that tries every word boundary
        for at in 0..text.len() {
            assert_eq!(next_start(text, at), next_start_among(text, at, &[true; 256]), "from {at}");
        }
    }

    #[test]
    fn phrases_begin_with_the_bytes_their_patterns_list() {
        // read from the phrases, not every byte: no phrase begins with a space or a comma
        assert!(!FIRST_BYTES[b' ' as usize] && !FIRST_BYTES[b',' as usize]);
        assert!(FIRST_BYTES[b'2' as usize] && FIRST_BYTES[b'k' as usize] && FIRST_BYTES[b'K' as usize]);
        let listed = |p: &str| gate::first_bytes(&[p.to_string()]).map(|f| (0..=255u8).filter(|&b| f[b as usize]).map(char::from).collect::<String>());
        assert_eq!(listed("(?:x|y)?z").as_deref(), Some("XYZxyz"));
        // a pattern that can match nothing has no first byte, and every start is tried
        assert_eq!(listed("(?:dead)?"), None);
    }

    #[test]
    fn one_victim_of_a_conflict_by_role() {
        // the victims of conflict news, told one by their role, as "a man" is
        assert_eq!(harms("A car bomb in Kiev killed a soldier on Sunday."), [(Harm::Killed, Some(1))]);
        assert_eq!(harms("The shelling killed a child and wounded a civilian."), [(Harm::Killed, Some(1)), (Harm::Injured, Some(1))]);
        assert_eq!(one("Israeli fire killed a Palestinian journalist.").3, "killed a Palestinian journalist");
        // the agencies' "shot dead" and "gunned down" before the victims
        assert_eq!(harms("Gunmen shot dead a policeman in Peshawar."), [(Harm::Killed, Some(1))]);
        assert_eq!(harms("Militants gunned down two soldiers at a checkpoint."), [(Harm::Killed, Some(2))]);
        assert_eq!(harms("Police shot dead 3 suspects."), [(Harm::Killed, Some(3))]);
    }

    #[test]
    fn vague_phrases() {
        let c = &find("The strike caused multiple casualties.")[0];
        assert_eq!((c.harm, c.min, c.max), (Harm::Casualties, None, None));
        let c = &find("There were no injuries.")[0];
        assert_eq!((c.harm, c.min, c.max), (Harm::Injured, Some(0), Some(0)));
    }

    #[test]
    fn one_named_or_described_victim() {
        assert_eq!(one("Antonio Mason was killed and two other people were wounded."), (Harm::Killed, Some(1), Some(1), "Antonio Mason was killed".into()));
        assert_eq!(one("A 28-year-old man was shot and killed outside a store.").1, Some(1));
        assert_eq!(one("Police said a woman, 31, was wounded.").0, Harm::Injured);
        assert_eq!(one("The victim was shot to death in his car.").0, Harm::Killed);
        // a name that is not the subject of the harm is not a victim
        assert!(find("Police Chief Tony Jones said the suspect was arrested.").is_empty());
    }

    #[test]
    fn one_victim_told_without_a_number() {
        assert_eq!(one("Police said a 3-year-old boy has died after being shot in the face.").0, Harm::Killed);
        // shot, not yet said to have lived or died
        assert_eq!(one("A 66-year-old man was shot in his leg early Monday."), (Harm::Hit, Some(1), Some(1), "A 66-year-old man was shot".into()));
        assert_eq!(one("A 15-year-old boy is in critical condition after being shot overnight.").0, Harm::Injured);
        assert_eq!(one("The man suffered a gunshot wound to the back of the head.").0, Harm::Injured);
        assert_eq!(one("Police are investigating a shooting that left a young man dead.").0, Harm::Killed);
        assert_eq!(one("A teenager was gunned down in his neighborhood Monday night.").0, Harm::Killed);
        assert_eq!(one("The victim, 53-year-old Brenda Marie Flues, died on the way to the hospital, police said.").0, Harm::Killed);
        assert_eq!(one("He passed away Sunday at the hospital.").0, Harm::Killed);
        assert_eq!(one("The boy was taken off life support on Sunday.").0, Harm::Killed);
        assert_eq!(harms("They were charged in connection with the deaths of a 9-year-old girl and her grandmother."), vec![(Harm::Killed, Some(2))]);
        assert_eq!(harms("Deputies are investigating the deaths of a husband, wife and their two children."), vec![]);
        // hit besides those told before: a survivor
        assert_eq!(one("A 24-year-old Roswell woman was also shot, but survived after multiple surgeries.").0, Harm::Injured);
        assert_eq!(one("Smith says the woman's 23-year-old boyfriend was also shot in his leg.").0, Harm::Injured);
        // who a count includes, between commas or dashes
        assert_eq!(harms("2 people —including a 16-year-old girl — were shot dead in a car."), vec![(Harm::Killed, Some(2))]);
        assert_eq!(harms("Two people, including a teenager, were shot."), vec![(Harm::Hit, Some(2))]);
        // what might have been
        assert!(harms("\"There should've been five or six people dead that day,\" he said.").is_empty());
        assert!(harms("There could have been at least ten people killed.").is_empty());
        let both = harms;
        assert_eq!(
            both("A shootout between rival gangs left one man dead and six others injured at a nightclub."),
            vec![(Harm::Killed, Some(1)), (Harm::Injured, Some(6))]
        );
        assert_eq!(both("The crash left two people dead."), vec![(Harm::Killed, Some(2))]);
        assert_eq!(both("A pair of gunmen shot six people, one fatally, at a West Side party."), vec![(Harm::Killed, Some(1)), (Harm::Injured, Some(5))]);
        assert_eq!(both("Officers arrived to find 21-year-old Terrance Carroll dead from gun shot wounds."), vec![(Harm::Killed, Some(1))]);
        assert_eq!(both("Deputies found two men dead inside the home."), vec![(Harm::Killed, Some(2))]);
        // people found dead without a number are not one: the count is told elsewhere
        assert_eq!(
            both("A Roy couple and their two young children were found dead inside their home in an apparent triple murder-suicide."),
            vec![(Harm::Killed, Some(4))]
        );
        assert_eq!(
            both("A Beaumont man pleaded guilty to killing his three siblings and wounding his girlfriend last year."),
            vec![(Harm::Killed, Some(3)), (Harm::Injured, Some(1))]
        );
        assert_eq!(both("He is accused of killing three men and wounding another in an attack."), vec![(Harm::Killed, Some(3)), (Harm::Injured, Some(1))]);
        assert_eq!(both("The man shot and killed five people and wounded a six-year-old."), vec![(Harm::Killed, Some(5)), (Harm::Injured, Some(1))]);
        // an age after the verb is the victim's, not a count
        assert_eq!(both("The shooter, who also wounded 72-year-old Margaret Peters, escaped."), vec![(Harm::Injured, Some(1))]);
        // two victims named with their ages
        assert_eq!(
            both("Ronald Williams, 33, and Kendra Hill, 28, were killed, and Jason Kimble and Laquintin Carter were injured."),
            vec![(Harm::Killed, Some(2)), (Harm::Injured, Some(2))]
        );
        assert_eq!(both("Seven people were shot, with six confirmed dead."), vec![(Harm::Killed, Some(6)), (Harm::Injured, Some(1))]);
        assert_eq!(both("Another 5-year-old was hurt and Juliet Lynch was killed."), vec![(Harm::Injured, Some(1)), (Harm::Killed, Some(1))]);
        assert_eq!(both("An 8-year-old boy is recovering after being accidentally shot in the hand."), vec![(Harm::Injured, Some(1))]);
        assert_eq!(both("The child suffered a through and through wound to the leg."), vec![(Harm::Injured, Some(1))]);
        assert_eq!(both("Six other people were treated for non life-threatening injuries."), vec![(Harm::Injured, Some(6))]);
        assert_eq!(one("His son found a loaded gun and fatally shot himself in the head.").1, Some(1));
        assert_eq!(one("He was pronounced dead at the scene.").0, Harm::Killed);
        // a mortal wound is a death
        assert_eq!(both("That caused it to fire, mortally wounding Troyer in the chest."), vec![(Harm::Killed, Some(1))]);
        assert_eq!(both("A deputy was mortally wounded during the standoff."), vec![(Harm::Killed, Some(1))]);
        // a headline's object without its article; a trauma center is a hospital
        assert_eq!(both("Several in custody after Vicksburg shooting injures teen"), vec![(Harm::Injured, Some(1))]);
        assert_eq!(both("Accidental shooting hospitalizes juvenile at Kissimmee resort"), vec![(Harm::Injured, Some(1))]);
        assert_eq!(both("A shooting late Tuesday sent a Vanceburg woman to the trauma center."), vec![(Harm::Injured, Some(1))]);
        // a broadcaster's name is no count
        assert_eq!(both("A witness told WAVE 3 News the man died at the scene."), vec![(Harm::Killed, Some(1))]);
        // one also killed is a second dead at least
        let all = |t: &str| find(t).iter().map(|c| (c.harm, c.min, c.max)).collect::<Vec<_>>();
        assert_eq!(all("Gino Nicolas, 24, was also killed in the shooting."), vec![(Harm::Killed, Some(2), None)]);
        assert_eq!(all("Gino Nicolas, 24, was killed in the shooting."), vec![(Harm::Killed, Some(1), Some(1))]);
        // a part of the counted
        assert_eq!(both("Police said Sunday that two of the four shooting victims had died."), vec![(Harm::Killed, Some(2))]);
        // one named and a number more; people discovered shot
        assert_eq!(both("Gunfire struck Milner and three others at the home."), vec![(Harm::Hit, Some(4))]);
        assert_eq!(both("Officers responded and discovered five people shot, one of whom was dead."), vec![(Harm::Hit, Some(5)), (Harm::Killed, Some(1))]);
        // nobody hurt, told of the counted
        assert!(both("Three of the victims were taken to a hospital. One victim was not hospitalized.").iter().all(|c| c.0 != Harm::Injured));
        assert_eq!(both("Two others were not seriously injured."), vec![(Harm::Injured, Some(2))]);
        // a graze is a wound; a stray bullet that hit someone hit one person
        assert_eq!(both("An officer was grazed in his face by a bullet while trying to pull over a car."), vec![(Harm::Injured, Some(1))]);
        assert_eq!(both("Hayley was sleeping in her bedroom when a stray bullet hit her last week."), vec![(Harm::Hit, Some(1))]);
        assert!(both("A stray bullet hit her car on Elm Street.").is_empty());
        // a victim named with a reduced clause
        assert_eq!(both("A man killed while turkey hunting Sunday was identified Monday as David Tilton."), vec![(Harm::Killed, Some(1))]);
        assert_eq!(both("The woman killed at the park was identified Monday."), vec![(Harm::Killed, Some(1))]);
        assert!(both("Police said the man killed at least three neighbors before he fled.").iter().all(|c| c.1 != Some(1)));
        // brain death is death
        assert_eq!(one("Deputies said he was pronounced clinically dead on Monday.").0, Harm::Killed);
        assert_eq!(one("Doctors say his daughter is now brain dead.").0, Harm::Killed);
        assert_eq!(one("Both men died at the scene.").1, Some(2));
        // shot and then killed is one death, not an injury too
        let c = find("A 28-year-old man was shot and killed outside a store.");
        assert_eq!((c.len(), c[0].harm), (1, Harm::Killed), "{c:?}");
        assert_eq!(one("A 2-year-old boy and a 26-year-old man were killed when a gunman opened fire.").1, Some(2));
        let c = find("Four people were shot, one man fatally, outside a home Sunday.");
        assert_eq!(c.iter().map(|c| (c.harm, c.min)).collect::<Vec<_>>(), vec![(Harm::Killed, Some(1)), (Harm::Injured, Some(3))]);
        assert_eq!(one("Police say the man shot and killed a neighbor before fleeing.").0, Harm::Killed);
        // the shooter is not a victim
        assert!(find("The man shot at officers before fleeing.").is_empty());
    }

    #[test]
    fn people_hit_and_taken_to_hospital() {
        let all = |t: &str| find(t).iter().map(|c| (c.harm, c.min, c.max)).collect::<Vec<_>>();
        assert_eq!(all("Seven people were shot on a busy street early Saturday."), vec![(Harm::Hit, Some(7), Some(7))]);
        assert_eq!(all("Police said six men and one woman were shot around 2:20 a.m."), vec![(Harm::Hit, Some(7), Some(7))]);
        assert_eq!(all("Two men and a woman were wounded in the attack."), vec![(Harm::Injured, Some(3), Some(3))]);
        assert_eq!(all("A woman and a child were shot outside a home on Tuckahoe Road."), vec![(Harm::Hit, Some(2), Some(2))]);
        assert_eq!(all("Police are looking for the person who shot six people at an Easter party."), vec![(Harm::Hit, Some(6), Some(6))]);
        assert_eq!(all("Three victims were taken to area hospitals."), vec![(Harm::Hit, Some(3), Some(3))]);
        assert_eq!(all("Five people were shot and killed inside the store."), vec![(Harm::Killed, Some(5), Some(5))]);
        assert_eq!(all("Two men were shot and wounded outside a bar."), vec![(Harm::Injured, Some(2), Some(2))]);
        assert_eq!(all("A shooting late Tuesday sent five people to the hospital."), vec![(Harm::Injured, Some(5), Some(5))]);
        assert_eq!(all("All four victims are listed in stable condition."), vec![(Harm::Injured, Some(4), Some(4))]);
        assert_eq!(
            all("Buffalo police say four male teenagers were shot, one fatally, on Tuesday."),
            vec![(Harm::Killed, Some(1), Some(1)), (Harm::Injured, Some(3), Some(3))]
        );
        assert_eq!(all("When officers arrived, they found five people shot."), vec![(Harm::Hit, Some(5), Some(5))]);
        assert_eq!(all("All four victims were struck though none of their injuries were life-threatening."), vec![(Harm::Hit, Some(4), Some(4))]);
        assert_eq!(all("The pellets ricocheted off the concrete and struck six people."), vec![(Harm::Hit, Some(6), Some(6))]);
        // alive: recovering, treated somewhere, counted past an aside
        assert_eq!(all("Seven people are recovering after an argument escalated into a shooting."), vec![(Harm::Injured, Some(7), Some(7))]);
        assert_eq!(all("The three other people were treated at Erie County Medical Center."), vec![(Harm::Injured, Some(3), Some(3))]);
        assert_eq!(
            all("Six people, including four children and two men, were injured at a shooting range."),
            vec![(Harm::Injured, Some(6), Some(6))]
        );
        // nor an age after a name, nor a year
        assert!(all("Reshowna Hawkins, 34, and Darrell Hawkins, 34 who were shot and killed.").iter().all(|c| c.1 != Some(34)));
        assert!(all("NYC '90 shooting of slain man leaves cops with a cold case").iter().all(|c| c.1 != Some(90)));
        assert_eq!(all("7-year-old shot, killed in Southwest Charlotte, 3 others injured"), vec![(Harm::Injured, Some(3), Some(3))]);
        // a span of time is no count either
        assert!(all("Three days after his death, police made an arrest.").is_empty());
        assert!(all("An 8 yo girl killed in a crash.").iter().all(|c| c.1 == Some(1)));
        // an age or a name is no count
        assert!(all("A 14 year old boy injured in the shooting is recovering.").iter().all(|c| c.1 == Some(1)), "{:?}", all("A 14 year old boy injured in the shooting is recovering."));
        assert!(all("The K-9 unit was injured during the chase.").is_empty());
        // a gun's shots and a shooter's are not victims
        assert!(all("The man fired two shots into the air.").is_empty());
        assert!(all("He was shot three times.").iter().all(|c| c.1 == Some(1)));
    }

    #[test]
    fn one_person_however_described() {
        let all = harms;
        for (t, harm) in [
            ("A 9-year-old boy was seriously injured when the gun went off.", Harm::Injured),
            // a rank and a group's name before the role
            ("A US drone strike killed a senior al-Shabaab commander near Jilib.", Harm::Killed),
            ("Police said a young girl was accidentally shot in the foot on Sunday.", Harm::Hit),
            ("A man in his 40s was shot in his hand, a spokeswoman said.", Harm::Hit),
            ("A 21 year old female, identified as Dana Smith, was shot in the abdomen.", Harm::Hit),
            ("A juvenile was shot in the hand during a private party.", Harm::Hit),
            ("A 5-year-old child received a gunshot wound in his right hand.", Harm::Injured),
            ("A woman was hit by a bullet while walking in her driveway.", Harm::Hit),
            ("A 7-year-old boy was hit with a bullet while watching fireworks.", Harm::Hit),
            ("The teen was struck once in the right hand.", Harm::Hit),
            ("A 16-year-old girl was hit in the shoulder by a bullet.", Harm::Hit),
            ("A 12-year-old boy is nursing a gunshot wound, police stated.", Harm::Injured),
            ("Another man in the home was wounded.", Harm::Injured),
            ("The man shot Sunday is in critical condition.", Harm::Injured),
            ("A 22-year-old man shot on Elm Street early Saturday remains hospitalized.", Harm::Injured),
            ("The victim was taken to Grant Medical Center in critical condition.", Harm::Hit),
            ("The woman was transported to the hospital and is expected to recover.", Harm::Hit),
            ("A 16-year-old boy told police he was shot while sitting in a car.", Harm::Hit),
            ("Police say a homeowner accidentally shot his girlfriend instead.", Harm::Hit),
            ("Police are searching for the person who shot a 17-year-old in the stomach.", Harm::Hit),
            ("The gun went off, hitting the 9-year-old in the cheek.", Harm::Hit),
            ("Her father fired his gun, hitting her in the leg.", Harm::Hit),
            ("He was shot and killed in the home he shared with his mother.", Harm::Killed),
            ("A Missouri baby was killed Monday after his brother fired the gun.", Harm::Killed),
            ("Police described a tragic shooting that killed a 3-year-old girl on Saturday.", Harm::Killed),
            ("The boy accidentally shot and killed his 9-month-old brother.", Harm::Killed),
            ("Family members identified the 17-year-old boy fatally shot in Government Hill early Saturday.", Harm::Killed),
            ("At the hospital he was later pronounced deceased.", Harm::Killed),
            ("The coroner was called to the scene and pronounced the victim dead.", Harm::Killed),
            ("The man who fatally shot his wife at their home expressed remorse.", Harm::Killed),
            ("Authorities said Hayden died after being shot near his home.", Harm::Killed),
            ("Tolbert was shot in the chest.", Harm::Hit),
        ] {
            assert_eq!(all(t), vec![(harm, Some(1))], "{t}");
        }
        assert_eq!(all("Two other people inside the restaurant suffered minor injuries."), vec![(Harm::Injured, Some(2))]);
        assert_eq!(all("Three people were found with gunshot wounds after police heard shots."), vec![(Harm::Hit, Some(3))]);
        assert_eq!(all("Officers found a 21-year-old male suffering from a gunshot wound to the hip."), vec![(Harm::Hit, Some(1))]);
        assert_eq!(all("Three other victims are reported in stable condition."), vec![(Harm::Injured, Some(3))]);
        // one capitalised word that names no one: a pronoun of nobody, a day, a place
        assert_eq!(all("Nobody was injured in the shooting."), vec![]);
        assert_eq!(all("No one else was injured."), vec![]);
        // one dead named with an age, a hometown, a relation, or a later death
        assert_eq!(all("He is accused of killing 34-year-old Ernest Edwards at the Nite Owl."), vec![(Harm::Killed, Some(1))]);
        assert_eq!(all("Tre Edwards of Lilburn was killed in the shootings."), vec![(Harm::Killed, Some(1))]);
        // one and more killed together
        assert_eq!(all("A man shot and killed his wife and two daughters before killing himself."), vec![(Harm::Killed, Some(3)), (Harm::SelfKilled, Some(1))]);
        assert_eq!(all("A man killed his estranged wife and her boyfriend, then shot himself."), vec![(Harm::Killed, Some(2)), (Harm::Hit, Some(1))]);
        assert_eq!(all("Griffin was playing with the gun, accidentally shooting and killing his own cousin."), vec![(Harm::Killed, Some(1))]);
        assert_eq!(all("They found a 15-year-old boy, who had been shot once in the head and died."), vec![(Harm::Killed, Some(1))]);
        assert_eq!(all("No one else was hurt, but one person was wounded."), vec![(Harm::Injured, Some(1))]);
        assert_eq!(all("Arkansas is in critical condition after the crash."), vec![]);
        // unhurt, a vehicle hit, a person hit by a car: no casualty of a shooting
        for t in [
            "The officer was not injured in the exchange.",
            "The maroon sedan was struck three times.",
            "A pedestrian was hit by a car on Main Street.",
            "He hit the gas and drove away.",
        ] {
            assert!(all(t).is_empty(), "{t}: {:?}", all(t));
        }
    }

    #[test]
    fn deaths_named_by_the_crime() {
        let all = harms;
        assert_eq!(all("He was booked Monday in Sunday's triple homicide on Fourth Street."), vec![(Harm::Killed, Some(3))]);
        assert_eq!(all("Deputies are investigating a murder-suicide in the town."), vec![(Harm::Killed, Some(2))]);
        assert_eq!(all("It was supposed to be a double murder-suicide."), vec![(Harm::Killed, Some(3))]);
        assert_eq!(all("Police are investigating a double shooting on Elm Street."), vec![(Harm::Hit, Some(2))]);
        assert_eq!(all("The sheriff identified the weapon in the fatal shooting of a 7-year-old girl."), vec![(Harm::Killed, Some(1))]);
        assert_eq!(all("He was arrested in the shooting death of a high school student."), vec![(Harm::Killed, Some(1))]);
        assert_eq!(all("Police investigate a shooting that claimed the life of a 9-year-old."), vec![(Harm::Killed, Some(1))]);
        assert_eq!(all("She died as a result of her injuries."), vec![(Harm::Killed, Some(1))]);
        assert_eq!(all("The boy died from the gunshot wound, authorities said."), vec![(Harm::Killed, Some(1))]);
        // a shooting is not a death
        assert!(all("Police are investigating the shooting of a teenager.").is_empty());
    }

    #[test]
    fn ages_days_and_homes_are_not_counts() {
        // an age is no count: the one person it describes is
        let c = find("Police sought him after the attacks that killed 42-year-old Kysha Edmond-Gray.");
        assert_eq!(c.iter().map(|c| (c.harm, c.min)).collect::<Vec<_>>(), vec![(Harm::Killed, Some(1))]);
        for t in [
            "The prosecutor called Corbin's Jan. 19 death tragic and accidental.",
            "Both were shot; one lives in Charleston and the other in North Charleston.",
            "The officers returned three rounds and killed her, police said.",
        ] {
            assert!(find(t).iter().all(|c| c.harm != Harm::Killed), "{t}: {:?}", find(t));
        }
        assert_eq!(find("Ten lives were lost in the fire.")[0].min, Some(10));
        let c = find("Photo 4 of 33 Seven people have been shot, five fatally.");
        assert_eq!(c.iter().map(|c| (c.harm, c.min)).collect::<Vec<_>>(), vec![(Harm::Killed, Some(5)), (Harm::Injured, Some(2))]);
    }

    #[test]
    fn the_attackers_own_death_is_told_apart() {
        let all = harms;
        assert_eq!(all("He opened fire, killing three and wounding 16 before taking his own life."), vec![(Harm::Killed, Some(3)), (Harm::Injured, Some(16)), (Harm::SelfKilled, Some(1))]);
        // the wife hit, dead or alive, and the father dead
        assert_eq!(all("The father shot his wife before turning the gun on himself."), vec![(Harm::Hit, Some(1)), (Harm::SelfKilled, Some(1))]);
        assert_eq!(all("He shot the mother and then fatally turned his gun on himself."), vec![(Harm::Hit, Some(1)), (Harm::SelfKilled, Some(1))]);
        // shot, not killed
        assert_eq!(all("He accidentally shot himself in the leg while cleaning the gun."), vec![(Harm::Hit, Some(1))]);
        assert_eq!(all("Teen shoots himself in the leg in Bluffton neighborhood"), vec![(Harm::Hit, Some(1))]);
        assert_eq!(all("A 13-year-old boy underwent surgery after accidentally wounding himself with a rifle while hunting."), vec![(Harm::Hit, Some(1))]);
        assert_eq!(all("Police ID man who shot self after slipping on ice"), vec![(Harm::Hit, Some(1))]);
        assert_eq!(all("The toddler accidentally shot and killed himself at home."), vec![(Harm::SelfKilled, Some(1))]);
        assert_eq!(all("Two boys killed, father commits suicide following Amber Alert"), vec![(Harm::Killed, Some(2)), (Harm::SelfKilled, Some(1))]);
        assert_eq!(all("Student Takes Own Life In Parking Lot, No Other Injuries Reported"), vec![(Harm::SelfKilled, Some(1))]);
        // shot, and dead of it
        assert_eq!(all("A teenager was handling a gun when he accidentally shot himself and died Wednesday evening."), vec![(Harm::SelfKilled, Some(1))]);
        // (read as one who died: "She … died")
        assert_eq!(all("She shot herself with it but died a short time later."), vec![(Harm::Killed, Some(1))]);
    }

    #[test]
    fn the_harm_word_gate_never_hides_a_phrase() {
        // every alternative of the pattern, on sentences that contain only that alternative's
        // harm word: the gate must let each through
        for s in [
            "The raid killed 6 civilians.",
            "At least 12 dead.",
            "Two people died.",
            "Three deaths were reported.",
            "Four fatalities.",
            "Two were slain.",
            "Ten lives were lost.",
            "Two were wounded.",
            "Five were injured.",
            "Three were hurt.",
            "Two were hospitalized.",
            "The death toll rose to 15.",
            "A man was shot.",
            "A teen is in critical condition.",
            "Heavy casualties.",
            "The man suffered a gunshot wound.",
        ] {
            assert!(HARM_WORDS.is_match(s) && !find(s).is_empty(), "{s}");
        }
        assert!(find("The council met on Tuesday to discuss the budget.").is_empty());
    }

    #[test]
    fn killing_with_a_number() {
        // "a" is no figure of its own, but a contractor is one person killed
        let c = &find("an attack that killed a contractor at K-1 base")[..];
        assert_eq!(c.iter().map(|c| (c.harm, c.min, c.max)).collect::<Vec<_>>(), [(Harm::Killed, Some(1), Some(1))], "{c:?}");
        let c = &find("a blast killing at least 25 Iraqi soldiers")[0];
        assert_eq!((c.harm, c.min, c.max), (Harm::Killed, Some(25), None), "at least 25: no upper bound");
        let c = &find("the shelling wounded nearly 30 people")[0];
        assert_eq!((c.harm, c.min, c.max), (Harm::Injured, None, Some(30)));
    }

    #[test]
    fn headlines_tell_casualties_without_article_or_verb() {
        let all = |t: &str| find_in_headline(t).iter().map(|c| (c.harm, c.min)).collect::<Vec<_>>();
        assert_eq!(all("Teen injured in accidental shooting"), vec![(Harm::Injured, Some(1))]);
        assert_eq!(all("13-year-old Pollok boy injured in accidental shooting"), vec![(Harm::Injured, Some(1))]);
        assert_eq!(all("Man shot in knee when boy drops rifle at shooting range"), vec![(Harm::Hit, Some(1))]);
        assert_eq!(all("Toddler fatally shot by gunman in front of parents"), vec![(Harm::Killed, Some(1))]);
        assert_eq!(all("Brownsburg Man Suffers Gunshot Wound In Hunting Incident"), vec![(Harm::Injured, Some(1))]);
        assert_eq!(all("2 men shot outside Main Street bar"), vec![(Harm::Hit, Some(2))]);
        assert_eq!(all("3 teens die after shooting at skate park"), vec![(Harm::Killed, Some(3))]);
        assert_eq!(all("Teen, 17, dead in apparent accidental shooting"), vec![(Harm::Killed, Some(1))]);
        assert_eq!(all("Teen dropped off by CISP van, then shot dead"), vec![(Harm::Killed, Some(1))]);
        assert_eq!(all("Man gunned down outside Dollar General"), vec![(Harm::Killed, Some(1))]);
        assert_eq!(all("4th victim of Henry County shooting dies after several days in hospital"), vec![(Harm::Killed, Some(4))]);
        assert_eq!(all("Third person dies after Sunday shooting"), vec![(Harm::Killed, Some(3))]);
        assert_eq!(all("Teen shot near Hofstra University dies"), vec![(Harm::Killed, Some(1))]);
        assert_eq!(all("Baby girl shot by father in Tulare dies, authorities say"), vec![(Harm::Killed, Some(1))]);
        assert_eq!(all("Teen shot near Hofstra University in critical condition"), vec![(Harm::Hit, Some(1))]);
        // (the city's third in two days is this shooting's one)
        assert_eq!(all("Third child dies from a shooting in Chicago in just two days"), vec![(Harm::Killed, Some(1))]);
        assert_eq!(all("7-year-old shot, killed in Southwest Charlotte, 3 others injured"), vec![(Harm::Injured, Some(3)), (Harm::Killed, Some(1))]);
        // what a sentence would tell is told once, not again the headline's way
        assert_eq!(all("Police: 4 wounded in shooting"), vec![(Harm::Injured, Some(4))]);
        // a body sentence still needs its verb: a noun phrase alone tells no harm
        assert!(find("The injured man's lawyer spoke.").is_empty());
        assert!(all("Police chief says shooting range will close").is_empty());
    }

    #[test]
    fn victims_who_arrive_are_found_or_are_struck_by_name() {
        let all = harms;
        assert_eq!(all("A 17-year-old girl showed up in a hospital emergency room on Saturday afternoon with a gunshot wound."), vec![(Harm::Hit, Some(1))]);
        assert_eq!(all("Three men walked into a Pine Hills gas station with gunshot wounds Saturday night."), vec![(Harm::Hit, Some(3))]);
        assert_eq!(all("Police say the shooting victim showed up at a local hospital with a gunshot wound."), vec![(Harm::Hit, Some(1))]);
        assert_eq!(all("When they arrived they found Duane Helms, Moundridge with a gunshot wound to his right calf."), vec![(Harm::Hit, Some(1))]);
        assert_eq!(all("She returned to find the girl with a gunshot wound to her leg."), vec![(Harm::Hit, Some(1))]);
        assert_eq!(all("The shot struck Helms in the leg."), vec![(Harm::Hit, Some(1))]);
        assert_eq!(all("Officers found a juvenile shot in the ankle outside of a convenience store."), vec![(Harm::Hit, Some(1))]);
        // two people hit, told together
        assert_eq!(all("Police say a 30-year-old woman shot her estranged husband and their son Saturday evening."), vec![(Harm::Hit, Some(2))]);
        assert_eq!(all("The two are accused of shooting a 7-year-old and her 33-year old father as they walked home."), vec![(Harm::Hit, Some(2))]);
        assert_eq!(all("He shot his wife and then fled in a car."), vec![(Harm::Hit, Some(1))]);
        // the wounded one of a relative clause who has since died is dead, not wounded
        assert_eq!(all("A woman who was wounded in a Sunday night shooting in Metairie has died."), vec![(Harm::Killed, Some(1))]);
        assert_eq!(all("A man who was shot Sunday is in critical condition."), vec![(Harm::Injured, Some(1))]);
        assert_eq!(all("Police found a man shot dead in his car."), vec![(Harm::Killed, Some(1))]);
        assert_eq!(all("His gun accidentally discharged, shooting his 4-year-old daughter in the arm."), vec![(Harm::Hit, Some(1))]);
        // a day is no one struck
        assert!(all("The storm struck Sunday in the afternoon.").is_empty());
    }

    #[test]
    fn the_victims_an_attacker_killed_listed() {
        let all = harms;
        assert_eq!(
            all("Police say an officer shot and killed his wife, two young children and his mother-in-law, before killing himself."),
            vec![(Harm::Killed, Some(4)), (Harm::SelfKilled, Some(1))]
        );
        assert_eq!(all("He killed his wife and her boyfriend."), vec![(Harm::Killed, Some(2))]);
        assert_eq!(all("Police said he killed his stepfather and injured four others."), vec![(Harm::Killed, Some(1)), (Harm::Injured, Some(4))]);
    }

    #[test]
    fn a_parent_and_their_children_dead_are_counted_together() {
        let all = harms;
        assert_eq!(all("A man and his two kids were found dead inside their home on Thursday."), vec![(Harm::Killed, Some(3))]);
        assert_eq!(all("A woman and her three daughters were shot to death."), vec![(Harm::Killed, Some(4))]);
        assert_eq!(all("Deputies reported finding a mother and her two children dead."), vec![(Harm::Killed, Some(3))]);
        // the children alone are the children
        assert_eq!(all("Her two children were found dead."), vec![(Harm::Killed, Some(2))]);
    }

    #[test]
    fn the_dead_told_by_name_murder_or_where_found() {
        let all = harms;
        assert_eq!(all("A gunman opened fire, killing Lewis and critically wounding the other man."), vec![(Harm::Killed, Some(1)), (Harm::Injured, Some(1))]);
        assert_eq!(all("Officers found three people shot to death in the living room."), vec![(Harm::Killed, Some(3))]);
        assert_eq!(all("Damon Sochko, 16, of Morgantown, died Wednesday after being shot in the head Monday."), vec![(Harm::Killed, Some(1))]);
        assert_eq!(all("Police released the names of the five people who were murdered in their home."), vec![(Harm::Killed, Some(5))]);
        assert_eq!(all("He is accused of murdering two people in 2015."), vec![(Harm::Killed, Some(2))]);
        // a day is no one killed
        assert!(all("The storm killed Sunday's harvest.").is_empty());
    }

    #[test]
    fn more_ways_to_tell_one_victim_or_a_few() {
        let all = harms;
        assert_eq!(all("A fourth man suffered a gunshot wound in his arm."), vec![(Harm::Injured, Some(1))]);
        // the dead are counted up to the one a sentence says died last
        assert_eq!(all("A third person has died after the shooting on Elm Street."), vec![(Harm::Killed, Some(3))]);
        assert_eq!(all("A second victim died Tuesday at the hospital."), vec![(Harm::Killed, Some(2))]);
        // the dead counted by their bodies
        assert_eq!(all("The bodies of four people, including two children, were found in the home."), vec![(Harm::Killed, Some(4))]);
        assert_eq!(all("Two bodies were recovered from the river on Sunday."), vec![(Harm::Killed, Some(2))]);
        assert_eq!(all("The wounded officer was taken to Advocate Christ Medical Center."), vec![(Harm::Hit, Some(1))]);
        assert_eq!(all("A Hart County teen was taken to University of Louisville Hospital after being shot."), vec![(Harm::Hit, Some(1))]);
        assert_eq!(all("Smith says the woman's 23-year-old boyfriend was also shot in his leg."), vec![(Harm::Injured, Some(1))]);
        assert_eq!(all("An 18-year-old male from Milwaukee was also shot in the abdomen."), vec![(Harm::Injured, Some(1))]);
        assert_eq!(all("The shotgun went off, injuring the man in the abdomen."), vec![(Harm::Injured, Some(1))]);
        assert_eq!(all("Police are investigating a shooting that sent a juvenile to the hospital."), vec![(Harm::Injured, Some(1))]);
        assert_eq!(all("That shoot-out left two dead and two wounded."), vec![(Harm::Killed, Some(2)), (Harm::Injured, Some(2))]);
        assert_eq!(all("Three other men were sent to the hospital."), vec![(Harm::Hit, Some(3))]);
        // ages told as a pair are no count
        assert!(all("Two men ages 19 and 23 were treated at Ben Taub.").is_empty());
        // surnames with a capital inside
        assert_eq!(all("Darnell McKee, 16, was shot in his ankle."), vec![(Harm::Hit, Some(1))]);
        assert_eq!(all("Tony O'Neal was taken to a hospital."), vec![(Harm::Hit, Some(1))]);
        assert_eq!(all("A police officer in Weatherford was shot during a traffic stop."), vec![(Harm::Hit, Some(1))]);
        assert_eq!(all("The suspect is in guarded condition at the hospital."), vec![(Harm::Injured, Some(1))]);
        assert_eq!(all("The 17-year-old, whose name has not been released, was taken to the hospital."), vec![(Harm::Hit, Some(1))]);
        assert_eq!(all("The fourth individual also was injured and hospitalized."), vec![(Harm::Injured, Some(1))]);
        assert!(all("The men -- age 19, 24, 30 and 41 -- were taken to a hospital downtown.").is_empty());
        assert!(all("Eight men aged between 18 and 41 were taken to hospitals.").is_empty());
        assert!(!all("Three men between the ages of 18 and 23 with Aniya received life-threatening injuries.").iter().any(|c| c.1 == Some(23)));
        // a range of people is still a count
        assert_eq!(all("Between 20 and 37 people were killed in the blast."), vec![(Harm::Killed, Some(20))]);
        // a death named by a possessive
        assert_eq!(all("Teen charged in Hawkinsville 17-year-old's shooting death"), vec![(Harm::Killed, Some(1))]);
        // (a day's is no person's)
        assert!(all("Sunday's shooting death remains unsolved").is_empty());
        // things hit are no casualties
        assert!(all("Three parked cars were hit by gunfire on Elm Street.").is_empty());
        assert!(all("Two homes were struck by bullets overnight.").is_empty());
    }
}
