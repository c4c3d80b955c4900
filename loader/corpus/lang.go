package corpus

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The languages of the articles.
var languages = []string{"ar", "fr", "en"}

var (
	frMonths = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	enMonths = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	// Moroccan month names, as the Moroccan press writes them.
	arMonths   = []string{"يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"}
	frWeekdays = []string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
	enWeekdays = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	arWeekdays = []string{"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"}
)

// longDate writes a date in full: "12 mars 2024", "March 12, 2024",
// "12 مارس 2024".
func longDate(lang string, d time.Time) string {
	switch lang {
	case "fr":
		day := fmt.Sprint(d.Day())
		if d.Day() == 1 {
			day = "1er"
		}
		return fmt.Sprintf("%s %s %d", day, frMonths[d.Month()-1], d.Year())
	case "en":
		return fmt.Sprintf("%s %d, %d", enMonths[d.Month()-1], d.Day(), d.Year())
	}
	return fmt.Sprintf("%d %s %d", d.Day(), arMonths[d.Month()-1], d.Year())
}

func weekday(lang string, d time.Time) string {
	switch lang {
	case "fr":
		return frWeekdays[d.Weekday()]
	case "en":
		return enWeekdays[d.Weekday()]
	}
	return arWeekdays[d.Weekday()]
}

// eventKind is a kind of event and how each language names it.
type eventKind struct {
	slug string // in event ids
	en   string // in the gold name
	// first is the phrase that introduces the event (Arabic: as the
	// indefinite object of a verb), ref the phrase that refers back to it.
	first, ref map[string]string
	frFem      bool // French gender: "une journée", "cette journée"
	arFem      bool // Arabic gender, for verbs that agree
	enAn       bool // "an awareness day"
}

var eventKinds = []eventKind{
	{slug: "workshop", en: "Training workshop",
		first: map[string]string{"ar": "ورشة تكوينية", "fr": "atelier de formation", "en": "training workshop"},
		ref:   map[string]string{"ar": "الورشة", "fr": "atelier", "en": "workshop"}, arFem: true},
	{slug: "seminar", en: "Regional seminar",
		first: map[string]string{"ar": "ندوة إقليمية", "fr": "séminaire régional", "en": "regional seminar"},
		ref:   map[string]string{"ar": "الندوة", "fr": "séminaire", "en": "seminar"}, arFem: true},
	{slug: "study-day", en: "Study day",
		first: map[string]string{"ar": "يوما دراسيا", "fr": "journée d'étude", "en": "study day"},
		ref:   map[string]string{"ar": "اليوم الدراسي", "fr": "journée d'étude", "en": "study day"}, frFem: true},
	{slug: "awareness-day", en: "Awareness day",
		first: map[string]string{"ar": "يوما تحسيسيا", "fr": "journée de sensibilisation", "en": "awareness day"},
		ref:   map[string]string{"ar": "اليوم التحسيسي", "fr": "journée de sensibilisation", "en": "awareness day"}, frFem: true, enAn: true},
	{slug: "conference", en: "National conference",
		first: map[string]string{"ar": "مؤتمرا وطنيا", "fr": "conférence nationale", "en": "national conference"},
		ref:   map[string]string{"ar": "المؤتمر", "fr": "conférence", "en": "conference"}, frFem: true},
	{slug: "training", en: "Training course",
		first: map[string]string{"ar": "دورة تكوينية", "fr": "session de formation", "en": "training course"},
		ref:   map[string]string{"ar": "الدورة", "fr": "session de formation", "en": "training course"}, frFem: true, arFem: true},
	{slug: "coordination-meeting", en: "Coordination meeting",
		first: map[string]string{"ar": "اجتماعا تنسيقيا", "fr": "réunion de coordination", "en": "coordination meeting"},
		ref:   map[string]string{"ar": "الاجتماع التنسيقي", "fr": "réunion de coordination", "en": "coordination meeting"}, frFem: true},
	{slug: "round-table", en: "Round table",
		first: map[string]string{"ar": "مائدة مستديرة", "fr": "table ronde", "en": "round table"},
		ref:   map[string]string{"ar": "المائدة المستديرة", "fr": "table ronde", "en": "round table"}, frFem: true, arFem: true},
}

// frIndef returns "un" or "une" before the kind's French phrase.
func (k eventKind) frIndef() string {
	if k.frFem {
		return "une "
	}
	return "un "
}

// frThis returns "ce", "cet" or "cette" before the kind's French ref.
func (k eventKind) frThis() string {
	switch {
	case k.frFem:
		return "cette "
	case startsWithVowel(k.ref["fr"]):
		return "cet "
	}
	return "ce "
}

// frThe returns "le", "la" or "l'" before the kind's French ref.
func (k eventKind) frThe() string {
	switch {
	case startsWithVowel(k.ref["fr"]):
		return "l'"
	case k.frFem:
		return "la "
	}
	return "le "
}

// frAgree returns the French past participle with the kind's gender:
// "organisé" or "organisée".
func (k eventKind) frAgree(participle string) string {
	if k.frFem {
		return participle + "e"
	}
	return participle
}

func (k eventKind) enA() string {
	if k.enAn {
		return "an "
	}
	return "a "
}

// arVerb returns the masculine or feminine form of an Arabic verb for the
// event as its subject.
func (k eventKind) arVerb(masc, fem string) string {
	if k.arFem {
		return fem
	}
	return masc
}

// topic is what an event is about. Topics name no entity of the lexicon.
type topic struct {
	slug string
	en   string // in the gold name
	text map[string]string
}

var topics = []topic{
	{"victim-identification", "the identification of trafficking victims", map[string]string{
		"ar": "تحديد هوية ضحايا الاتجار بالبشر", "fr": "l'identification des victimes de la traite", "en": "the identification of victims of trafficking"}},
	{"forced-labour", "forced labour and labour exploitation", map[string]string{
		"ar": "العمل القسري والاستغلال في العمل", "fr": "le travail forcé et l'exploitation par le travail", "en": "forced labour and labour exploitation"}},
	{"child-protection", "the protection of children from exploitation", map[string]string{
		"ar": "حماية الأطفال من الاستغلال", "fr": "la protection des enfants contre l'exploitation", "en": "the protection of children from exploitation"}},
	{"judicial-cooperation", "judicial and police cooperation against trafficking networks", map[string]string{
		"ar": "التعاون القضائي والأمني في مواجهة شبكات الاتجار بالبشر", "fr": "la coopération judiciaire et policière contre les réseaux de traite", "en": "judicial and police cooperation against trafficking networks"}},
	{"online-recruitment", "the online recruitment of victims", map[string]string{
		"ar": "استدراج الضحايا عبر الإنترنت", "fr": "le recrutement des victimes sur internet", "en": "the online recruitment of victims"}},
	{"victim-support", "the care and support of victims", map[string]string{
		"ar": "التكفل بالضحايا ومواكبتهم", "fr": "la prise en charge et l'accompagnement des victimes", "en": "the care and support of victims"}},
	{"migrant-protection", "the protection of migrants in vulnerable situations", map[string]string{
		"ar": "حماية المهاجرين في وضعية هشاشة", "fr": "la protection des migrants en situation de vulnérabilité", "en": "the protection of migrants in vulnerable situations"}},
	{"domestic-workers", "the rights of domestic workers", map[string]string{
		"ar": "حقوق العمال المنزليين", "fr": "les droits des travailleuses et travailleurs domestiques", "en": "the rights of domestic workers"}},
	{"investigations", "the investigation and prosecution of trafficking cases", map[string]string{
		"ar": "البحث والتحري في قضايا الاتجار بالبشر", "fr": "les enquêtes et les poursuites dans les affaires de traite", "en": "the investigation and prosecution of trafficking cases"}},
	{"prevention", "prevention and public awareness", map[string]string{
		"ar": "الوقاية والتحسيس بمخاطر الاتجار بالبشر", "fr": "la prévention et la sensibilisation du public", "en": "prevention and public awareness"}},
}

// fillers are sentences that name no entity, by language: what articles
// say around the facts.
var fillers = map[string][]string{
	"fr": {
		"Les participants ont insisté sur la nécessité de renforcer la coordination entre les différents intervenants.",
		"Les débats ont porté notamment sur les indicateurs permettant de repérer les situations d'exploitation.",
		"Plusieurs intervenants ont relevé la difficulté de distinguer la traite des êtres humains du trafic de migrants.",
		"Selon les organisateurs, l'objectif est de consolider les acquis et de partager les bonnes pratiques.",
		"Les intervenants ont averti que les réseaux criminels exploitent de plus en plus les plateformes numériques pour recruter leurs victimes.",
		"Des études de cas portant sur l'exploitation sexuelle, le travail forcé et la mendicité forcée ont été examinées.",
		"L'accent a été mis sur l'approche centrée sur la victime, qui place sa protection avant les poursuites.",
		"Les professionnels de terrain ont plaidé pour des moyens accrus en matière d'hébergement et d'assistance psychologique.",
		"Les échanges ont également porté sur l'harmonisation des statistiques et le partage des données entre institutions.",
		"Les femmes et les enfants restent les premières victimes de ces réseaux, a-t-on rappelé.",
		"La question de l'assistance juridique aux victimes étrangères a fait l'objet d'un long débat.",
		"Les recommandations issues des travaux seront transmises aux institutions concernées.",
	},
	"en": {
		"Participants stressed the need for closer coordination among the many actors involved.",
		"The discussions focused in particular on the indicators that help detect situations of exploitation.",
		"Several speakers pointed to the difficulty of distinguishing trafficking in persons from migrant smuggling.",
		"According to the organizers, the aim is to build on progress made and to share good practices.",
		"Criminal networks increasingly use digital platforms to recruit and control their victims, participants warned.",
		"Case studies on sexual exploitation, forced labour and forced begging were examined.",
		"Emphasis was placed on a victim-centred approach that puts protection before prosecution.",
		"Frontline workers called for more resources for shelter and psychological support.",
		"The exchanges also covered the harmonization of statistics and data sharing between institutions.",
		"Women and children remain the main victims of these networks, participants recalled.",
		"Legal assistance for foreign victims was the subject of a long debate.",
		"The recommendations of the meeting will be sent to the institutions concerned.",
	},
	"ar": {
		"وشدد المشاركون على ضرورة تعزيز التنسيق بين مختلف المتدخلين.",
		"وتناولت النقاشات بشكل خاص المؤشرات التي تساعد على رصد حالات الاستغلال.",
		"وأبرز عدد من المتدخلين صعوبة التمييز بين الاتجار بالبشر وتهريب المهاجرين.",
		"وحسب المنظمين، فإن الهدف هو تثمين المكتسبات وتقاسم الممارسات الفضلى.",
		"وحذر المتدخلون من لجوء الشبكات الإجرامية المتزايد إلى المنصات الرقمية لاستدراج ضحاياها.",
		"وتمت دراسة حالات عملية تتعلق بالاستغلال الجنسي والعمل القسري والتسول القسري.",
		"وتم التركيز على مقاربة تضع الضحية في صلب الاهتمام، وتقدم حمايتها على المتابعة.",
		"وطالب المهنيون الميدانيون بمزيد من الإمكانيات في مجال الإيواء والدعم النفسي.",
		"كما تطرقت المداخلات إلى توحيد الإحصائيات وتبادل المعطيات بين المؤسسات.",
		"وتظل النساء والأطفال أبرز ضحايا هذه الشبكات، وفق ما تم التذكير به.",
		"واستأثرت مسألة المساعدة القانونية للضحايا الأجانب بنقاش مطول.",
		"وستحال التوصيات المنبثقة عن هذه الأشغال على المؤسسات المعنية.",
	},
}

// reportFillers are sentences that name nothing, about a report.
var reportFillers = map[string][]string{
	"fr": {
		"Le document relève une hausse des cas de travail forcé détectés, en particulier dans l'agriculture et le travail domestique.",
		"Il recommande de renforcer l'identification des victimes parmi les migrants en situation irrégulière.",
		"Les auteurs soulignent que les condamnations restent peu nombreuses au regard du nombre de victimes identifiées.",
		"Le document insiste sur la nécessité d'améliorer la collecte de données et leur publication régulière.",
		"Il appelle également à développer les capacités d'hébergement spécialisé pour les victimes.",
	},
	"en": {
		"The document notes an increase in detected cases of forced labour, particularly in agriculture and domestic work.",
		"It recommends stronger identification of victims among irregular migrants.",
		"The authors point out that convictions remain few compared with the number of victims identified.",
		"The document stresses the need to improve data collection and to publish it regularly.",
		"It also calls for more specialized shelters for victims.",
	},
	"ar": {
		"ويسجل التقرير ارتفاعا في حالات العمل القسري المرصودة، خاصة في الفلاحة والعمل المنزلي.",
		"ويوصي بتعزيز التعرف على الضحايا في صفوف المهاجرين في وضعية غير نظامية.",
		"ويشير معدو التقرير إلى أن الأحكام بالإدانة تظل قليلة مقارنة بعدد الضحايا الذين تم التعرف عليهم.",
		"ويشدد التقرير على ضرورة تحسين جمع المعطيات ونشرها بشكل منتظم.",
		"كما يدعو إلى تطوير قدرات الإيواء المتخصص لفائدة الضحايا.",
	},
}

// quotes are what speakers say, by language, without quotation marks.
var quotes = map[string][]string{
	"fr": {
		"la protection des victimes doit rester au cœur de notre action",
		"aucune institution ne peut, seule, venir à bout de réseaux aussi organisés",
		"l'identification précoce des victimes conditionne tout le reste de la chaîne de prise en charge",
		"les chiffres ne disent qu'une partie de la réalité, car beaucoup de victimes ne portent jamais plainte",
		"la formation des professionnels est un investissement qui se mesure en vies protégées",
		"la coopération internationale est indispensable face à une criminalité qui ignore les frontières",
	},
	"en": {
		"the protection of victims must remain at the heart of our action",
		"no institution can, on its own, defeat networks this organized",
		"early identification of victims determines everything that follows",
		"the figures tell only part of the story, because many victims never come forward",
		"training frontline professionals is an investment measured in lives protected",
		"international cooperation is essential against crime that ignores borders",
	},
	"ar": {
		"حماية الضحايا يجب أن تظل في صلب عملنا",
		"لا يمكن لأي مؤسسة بمفردها أن تتصدى لشبكات بهذا القدر من التنظيم",
		"التعرف المبكر على الضحايا هو الشرط الأول لنجاعة سلسلة التكفل",
		"الأرقام لا تعكس سوى جزء من الواقع، لأن العديد من الضحايا لا يتقدمون بشكايات",
		"تكوين المهنيين استثمار يقاس بالأرواح التي تتم حمايتها",
		"التعاون الدولي ضروري في مواجهة جريمة لا تعترف بالحدود",
	},
}

// expertTitle is a working-level title of an invented expert.
type expertTitle struct {
	role string // holds_role literal
	// by language: masculine and feminine forms
	m, f map[string]string
}

var expertTitles = []expertTitle{
	{"programme officer", map[string]string{"fr": "chargé de programme", "en": "programme officer", "ar": "مسؤول البرامج"},
		map[string]string{"fr": "chargée de programme", "en": "programme officer", "ar": "مسؤولة البرامج"}},
	{"legal expert", map[string]string{"fr": "expert juridique", "en": "legal expert", "ar": "الخبير القانوني"},
		map[string]string{"fr": "experte juridique", "en": "legal expert", "ar": "الخبيرة القانونية"}},
	{"project coordinator", map[string]string{"fr": "coordinateur de projet", "en": "project coordinator", "ar": "منسق المشروع"},
		map[string]string{"fr": "coordinatrice de projet", "en": "project coordinator", "ar": "منسقة المشروع"}},
	{"protection officer", map[string]string{"fr": "chargé de la protection", "en": "protection officer", "ar": "المسؤول عن الحماية"},
		map[string]string{"fr": "chargée de la protection", "en": "protection officer", "ar": "المسؤولة عن الحماية"}},
	{"researcher", map[string]string{"fr": "chercheur", "en": "researcher", "ar": "الباحث"},
		map[string]string{"fr": "chercheuse", "en": "researcher", "ar": "الباحثة"}},
}

// A name part in Latin and Arabic script.
type namePart struct{ latin, arabic string }

var (
	maleFirst = []namePart{{"Youssef", "يوسف"}, {"Karim", "كريم"}, {"Hicham", "هشام"}, {"Rachid", "رشيد"}, {"Mehdi", "مهدي"},
		{"Omar", "عمر"}, {"Anas", "أنس"}, {"Said", "سعيد"}, {"Tarik", "طارق"}, {"Driss", "إدريس"}, {"Marc", "مارك"}, {"Paolo", "باولو"},
		{"Javier", "خافيير"}, {"Thomas", "توماس"}, {"Amine", "أمين"}, {"Nabil", "نبيل"}}
	femaleFirst = []namePart{{"Karima", "كريمة"}, {"Nadia", "نادية"}, {"Salma", "سلمى"}, {"Imane", "إيمان"}, {"Houda", "هدى"},
		{"Latifa", "لطيفة"}, {"Meryem", "مريم"}, {"Samira", "سميرة"}, {"Ghita", "غيثة"}, {"Laila", "ليلى"}, {"Claire", "كلير"},
		{"Elena", "إيلينا"}, {"Sara", "سارة"}, {"Anna", "آنا"}, {"Zineb", "زينب"}, {"Asmae", "أسماء"}}
	lastNames = []namePart{{"Bennani", "بناني"}, {"Alaoui", "العلوي"}, {"Tazi", "التازي"}, {"Berrada", "برادة"}, {"Chraibi", "الشرايبي"},
		{"Idrissi", "الإدريسي"}, {"Lahlou", "لحلو"}, {"Sefrioui", "الصفريوي"}, {"Ouazzani", "الوزاني"}, {"Amrani", "العمراني"},
		{"Kettani", "الكتاني"}, {"Naciri", "الناصري"}, {"Bouzidi", "البوزيدي"}, {"Filali", "الفيلالي"}, {"Rossi", "روسي"},
		{"Garcia", "غارسيا"}, {"Martin", "مارتان"}, {"Schmidt", "شميت"}, {"Haddad", "الحداد"}, {"Zerouali", "الزروالي"}}
)

// Campaigns fall on a day of the year; an event that belongs to one is held
// on that day or in the days after it.
var campaignDays = map[string][2]int{ // id -> month, day
	"world-day-against-trafficking":  {7, 30},
	"eu-anti-trafficking-day":        {10, 18},
	"international-migrants-day":     {12, 18},
	"world-refugee-day":              {6, 20},
	"world-day-against-child-labour": {6, 12},
	"national-childrens-day":         {5, 25},
	"world-childrens-day":            {11, 20},
	"day-elimination-violence-women": {11, 25},
	"day-abolition-slavery":          {12, 2},
	"sixteen-days-activism":          {11, 26},
	"blue-heart-campaign":            {0, 0}, // any day
}

// ratifications are Morocco's ratifications of, or accessions to,
// conventions of the lexicon, with their year: real facts, so that the
// synthetic articles do not invent them.
var ratifications = []struct {
	law  string
	year int
}{
	{"palermo-protocol", 2011}, {"untoc", 2002}, {"ilo-c29", 1957}, {"ilo-c105", 1966},
	{"ilo-c138", 2000}, {"ilo-c182", 2001}, {"crc", 1993}, {"cedaw", 1993}, {"crc-opsc", 2001},
}

// Pools of lexicon ids by what they do in a story. Ids that a lexicon
// lacks are left out when the generator is built.
var (
	moroccanCities = []string{"rabat", "casablanca", "tangier", "fez", "marrakech", "agadir", "oujda", "nador", "laayoune",
		"dakhla", "tetouan", "meknes", "kenitra", "el-jadida", "beni-mellal", "safi", "errachidia", "al-hoceima", "ouarzazate", "essaouira"}
	moroccanBodies = []string{"cnclt", "ministry-justice", "public-prosecution", "cndh", "dgsn", "ministry-solidarity-family",
		"entraide-nationale", "onde", "house-of-councillors", "house-of-representatives", "didh", "ministry-employment",
		"gendarmerie-royale", "cspj", "ism", "ministry-interior", "national-observatory-violence-women", "ministry-health"}
	ngos            = []string{"amdh", "insaf", "bayti", "solidarite-feminine", "adala", "omdh", "touche-pas-a-mon-enfant", "caritas-maroc", "moroccan-red-crescent", "umt", "cgem"}
	internationals  = []string{"unodc", "iom", "unhcr", "unicef", "ilo", "undp", "un-women", "council-of-europe", "icmpd", "ohchr", "unfpa"}
	funders         = []string{"eu", "usaid", "giz", "aecid", "afd", "us-state-department", "council-of-europe", "unicef", "world-bank", "undp"}
	guestCountries  = []string{"tunisia", "jordan", "lebanon", "mauritania", "senegal", "mali", "niger", "cote-divoire", "egypt", "spain", "france", "nigeria"}
	eventPlans      = []string{"national-plan-2023-2030", "national-strategy-tip", "national-referral-mechanism", "glo-act", "snia", "panddh"}
	moroccanLaws    = []string{"law-27-14", "law-19-12", "law-103-13", "law-65-15", "law-02-03"}
	reportsByOrg    = []string{"tip-report", "glotip"}
	frFeminineHeads = []string{"commission", "organisation", "direction", "délégation", "présidence", "union", "fondation",
		"association", "ligue", "chambre", "cour", "gendarmerie", "entraide", "agence", "confédération", "banque", "institution",
		"haute", "ambassade", "stratégie", "campagne", "journée", "convention", "loi", "charte", "constitution", "plateforme",
		"coalition", "unité", "brigade", "préfecture", "wilaya", "région", "protection", "organisation", "fédération", "onu"}
	frPluralHeads = []string{"nations", "états-unis", "émirats", "pays-bas", "philippines", "comores"}
	enNoArticle   = []string{"amnesty", "human", "save", "caritas", "médecins", "oxfam", "ecpat", "plan", "terre", "interpol", "europol", "frontex", "eurojust", "unicef", "un", "law"}
)

func startsWithVowel(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("aeiouyéèêàâîïôûhAEIOUYÉÈÊÀÂÎÏÔÛH", r)
}

// frArticle returns the French definite article for a name that has none:
// "la " (Commission ...), "le " (Conseil ...), "l'" (Office ...), "les "
// (Nations unies ...), or "" for an acronym or a proper name.
func frArticle(name string) string {
	first, _, _ := strings.Cut(name, " ")
	lower := strings.ToLower(first)
	switch {
	case isAcronym(first):
		return ""
	case contains(frPluralHeads, lower):
		return "les "
	case startsWithVowel(first) && !strings.HasPrefix(lower, "haut") && !strings.HasPrefix(lower, "hau"):
		return "l'"
	case contains(frFeminineHeads, lower):
		return "la "
	}
	return "le "
}

// frArticleOfShort returns the article of a short form (an acronym) of a
// French name: "l'" before a vowel (l'OIM), else the gender of the full
// name (la CNCLT, le HCR, la GIZ).
func frArticleOfShort(full, short string) string {
	if strings.ContainsAny(short[:1], "AEIOU") {
		return "l'"
	}
	first, _, _ := strings.Cut(full, " ")
	if contains(frFeminineHeads, strings.ToLower(first)) {
		return "la "
	}
	return "le "
}

// frWith returns prep + article + name with French contractions:
// ("de", "le Conseil") -> "du Conseil", ("à", "les Nations") -> "aux
// Nations", ("de", "l'Office") -> "de l'Office".
func frWith(prep, name string) string { return frWithArticle(prep, frArticle(name), name) }

// frWithArticle is frWith with the article given.
func frWithArticle(prep, art, name string) string {
	switch {
	case prep == "de" && art == "le ":
		return "du " + name
	case prep == "de" && art == "les ":
		return "des " + name
	case prep == "à" && art == "le ":
		return "au " + name
	case prep == "à" && art == "les ":
		return "aux " + name
	case prep == "de" && art == "" && startsWithVowel(name):
		return "d'" + name
	case prep == "":
		return art + name
	}
	return prep + " " + art + name
}

// enThe returns "the " + name, or name alone for the names that take no
// article.
func enThe(name string) string {
	first, _, _ := strings.Cut(name, " ")
	if isAcronym(first) || contains(enNoArticle, strings.ToLower(first)) {
		return name
	}
	return "the " + name
}

func isAcronym(s string) bool {
	if utf8.RuneCountInString(s) < 2 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '-' {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// frCountry returns "de" + a country's French name with its article:
// "du Maroc", "de Tunisie", "d'Espagne", "des Philippines".
func frCountry(id, name string) string {
	if masc := map[string]bool{"morocco": true, "lebanon": true, "senegal": true, "mali": true, "niger": true,
		"nigeria": true, "cameroon": true, "chad": true, "sudan": true, "yemen": true, "qatar": true, "portugal": true}; masc[id] {
		return "du " + name
	}
	if startsWithVowel(name) {
		return "d'" + name
	}
	return "de " + name
}

// joinList joins phrases as a language lists them: "a, b et c", "a, b and
// c", "أ وب وج".
func joinList(lang string, items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	if lang == "ar" {
		return strings.Join(items, " و")
	}
	and := " and "
	if lang == "fr" {
		and = " et "
	}
	return strings.Join(items[:len(items)-1], ", ") + and + items[len(items)-1]
}

// slug turns a name into a lower-case ASCII id part.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
