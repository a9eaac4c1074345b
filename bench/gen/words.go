package gen

import "strings"

// The vocabulary is written for this generator: plain English words a news
// desk uses, arranged by a small grammar in text.go. Nothing here is taken
// from real articles.

func fields(s string) []string { return strings.Fields(s) }

var (
	nouns = fields(`
agency airport alliance analysis appeal archive assembly auction audit
ballot bank barrier board border bridge briefing budget bureau cabinet
campaign canal candidate capital cargo census charity chamber circuit clinic
coalition coastline college commission committee company contract council
court crew currency custom dataset deadline deal debate decision delegation
department deposit district dock economy election embassy engineer estimate
exhibition expansion factory farm ferry festival fleet forecast forum
foundation framework fund gallery garden governor grant harbour highway
hospital household index industry inquiry inspector institute insurer
investor island journal judge jury laboratory landlord league ledger licence
lighthouse market mayor merger minister mission monitor motion museum
network newsroom observatory office operator orchestra outbreak panel
parliament partner patrol pension permit pipeline plan platform port
programme project proposal prosecutor province quarry railway reactor
referendum refinery regulator report reservoir resident review river
runway satellite scheme school senate settlement shipyard shortage signal
squad stadium station strategy studio subsidy summit supplier survey
tariff teacher terminal textbook theatre timetable tournament trader
treaty tribunal tunnel union university valley verdict village voter wage
warehouse watchdog workforce workshop`)

	massNouns = fields(`
broadband electricity evidence farmland funding groundwater housing
infrastructure legislation rainfall research software tourism traffic
turnout weather`)

	pastVerbs = fields(`
accepted adopted announced approved audited blocked boosted cancelled
challenged cleared closed confirmed delayed doubled drafted dropped eased
endorsed expanded extended finalised halved inspected launched lifted
mapped narrowed opened outlined paused postponed published questioned
rebuilt reopened replaced restored revised scrapped secured shelved signed
streamlined tightened trimmed unveiled upgraded widened`)

	baseVerbs = fields(`
accept adopt approve audit block boost cancel challenge clear close confirm
delay double draft ease endorse expand extend finalise inspect launch lift
map open outline pause postpone publish rebuild reopen replace restore
revise scrap secure sign tighten trim unveil upgrade widen`)

	presentVerbs = fields(`
backs blocks boosts challenges clears delays doubles drafts eases endorses
expands extends launches lifts opens outlines pauses publishes rebuilds
reopens replaces restores revises scraps secures signs tightens trims
unveils upgrades weighs widens`)

	adjectives = fields(`
annual bold busy careful central coastal crowded cautious detailed direct
early eastern expensive fragile frequent gradual historic independent
inland joint large lengthy local long-awaited major measured minor modest
narrow national northern overdue popular provisional quiet rapid rare
regional remote revised rural seasonal second senior sharp short-term
southern steady sudden temporary tentative unexpected upland urban
valuable western wider`)

	adverbs = fields(`
abruptly briefly cautiously firmly formally gradually narrowly openly
partly quietly quickly rarely repeatedly sharply slowly steadily suddenly
unanimously`)

	prepositions = fields(`
across after against along around before behind beside beyond during for
from inside near outside over past through toward under within without`)

	openers = []string{
		"By midweek", "Even so", "For now", "In response", "Last month",
		"Meanwhile", "On Thursday", "On Monday evening", "Overnight",
		"Separately", "Since then", "Until recently", "With that in mind",
		"Yesterday", "Earlier in the year", "Across the region",
	}

	timePhrases = []string{
		"by the end of the quarter", "earlier this week", "for the second time",
		"in the spring", "late on Friday", "last autumn", "next month",
		"on Wednesday", "over the summer", "this season", "within a fortnight",
		"before the holidays", "after a long delay", "ahead of schedule",
	}

	places = fields(`
Aldmere Brackwater Caldon Dunmore Eastholm Fairhaven Glenross Harwick
Islemoor Jasper Kingsford Lindale Marrow Northfield Oakridge Pemberton
Quarrington Redcliff Southmere Thornbury Underwood Valemont Westbrook
Yarrow Zennor Ashby Bellport Corrin Dalby Elmstead`)

	givenNames = fields(`
Alma Bram Cleo Dario Edda Finn Greta Hal Ilse Joss Kira Lior Maeve Niall
Odile Pim Rhea Soren Tova Ulla Vik Wren Ysolde Zane Ada Bo Cas Dov Eira Fen`)

	familyNames = fields(`
Ashdown Birch Calloway Dunlop Ellery Farrow Gale Holloway Ivers Jessop
Kemble Linton Mercer Norris Orme Pryce Quarles Rook Sutter Thorne Upton
Vance Whitlock Yates Zeller Abbot Brandt Coyle Deering Eastwood`)

	roles = []string{
		"a council spokesperson", "the board's chair", "a local shopkeeper",
		"an economist at the institute", "the harbour master", "a retired engineer",
		"the union's regional secretary", "a parent at the school",
		"the project's director", "a senior inspector", "the league's commissioner",
		"a volunteer with the charity", "the regulator's deputy head",
	}

	headlinePrefixes = []string{"Breaking: ", "Analysis: ", "Explained: ", "Update: ", "Big News: ", "", "", "", "", "", ""}

	headingStarts = []string{
		"What comes next", "Inside the numbers", "The view from the ground",
		"A long road", "Who pays", "The fine print", "Reaction",
		"How it works", "Background", "By the numbers",
	}
)

// categories are the site's sections, most common first; categoryWeights
// make the split look like a newsroom's.
var (
	categories      = []string{"News", "World", "Politics", "Business", "Technology", "Science", "Sport", "Health", "Culture", "Environment", "Travel", "Opinion"}
	categoryWeights = []float64{30, 14, 12, 10, 8, 6, 6, 4, 4, 3, 2, 1}
)

// author is an entry of site.authors.
type author struct{ id, name, bio string }

var authors = []author{
	{"badely", "B. Adely", "Covers the city desk."},
	{"amercer", "Alma Mercer", "Economics correspondent."},
	{"bthorne", "Bram Thorne", "Politics and parliament."},
	{"cholloway", "Cleo Holloway", "Science and health."},
	{"dvance", "Dario Vance", "Sport, mostly football."},
	{"eellery", "Edda Ellery", "Foreign desk."},
	{"ffarrow", "Finn Farrow", "Technology and startups."},
	{"gpryce", "Greta Pryce", "Culture and the arts."},
	{"hlinton", "Hal Linton", "Transport and infrastructure."},
	{"iorme", "Ilse Orme", "Environment and climate."},
	{"jrook", "Joss Rook", "Courts and crime."},
	{"kbirch", "Kira Birch", "Education."},
	{"lyates", "Lior Yates", "Business and markets."},
	{"mdunlop", "Maeve Dunlop", "Travel and food."},
	{"nkemble", "Niall Kemble", "Opinion editor."},
	{"ogale", "Odile Gale", "Data journalism."},
	{"psutter", "Pim Sutter", "Local government."},
	{"rjessop", "Rhea Jessop", "Health policy."},
	{"scoyle", "Soren Coyle", "Defence and security."},
	{"twhitlock", "Tova Whitlock", "Housing and planning."},
}

// tagRoots and tagSuffixes make the ~200 tags. Words YAML 1.1 reads as
// booleans or null (yes, no, on, off, null) are left out on purpose.
var (
	tagRoots = fields(`
budget elections housing transport energy climate schools hospitals
courts policing farming fishing tourism trade jobs wages pensions rail
buses ferries roads bridges water flooding drought wildfires storms
heatwave science space robotics software privacy startups markets banking
insurance shipping ports aviation football cricket rugby tennis athletics
cycling rowing music film theatre books galleries museums festivals food
restaurants parliament council diplomacy defence migration census`)
	tagSuffixes = fields(`funding reform strike inquiry report review plan deal prices record`)
)

type snippet struct{ lang, code string }

var codeSnippets = []snippet{
	{"python", "import csv\n\nwith open(\"turnout.csv\") as f:\n    rows = list(csv.DictReader(f))\nprint(len(rows))"},
	{"json", "{\n  \"ward\": \"Northfield\",\n  \"turnout\": 0.58,\n  \"seats\": [4, 3, 1]\n}"},
	{"sql", "SELECT district, SUM(amount) AS total\nFROM grants\nGROUP BY district\nORDER BY total DESC;"},
	{"bash", "curl -s https://data.example.net/budget.csv | wc -l"},
}

var linkHosts = []string{"https://www.example.org", "https://data.example.net", "https://archive.example.com"}
