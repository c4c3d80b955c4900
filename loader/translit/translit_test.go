package translit

import (
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// pair is two spellings. limit, when set, names the known limit of the
// package doc that makes Match get the pair wrong: such a row counts in the
// precision and recall but does not fail the test.
type pair struct {
	a, b  string
	limit string
}

// samePerson holds spellings of one person in Arabic, French and English
// press. The Arabic spellings are those of the default lexicon
// (loader/lexicon/data/people-roles.jsonl), of the official sites of the
// institutions and of the Arabic-language Moroccan press (MAP, Hespress).
var samePerson = []pair{
	// Moroccan government, parliament and institutions.
	{a: "Abdellatif Ouahbi", b: "عبد اللطيف وهبي"},
	{a: "Abdelatif Wahbi", b: "عبد اللطيف وهبي"},
	{a: "Abdellatif Ouahbi", b: "Abdelatif Wahbi"},
	{a: "Mohamed Mehdi Bensaid", b: "محمد مهدي بنسعيد"},
	{a: "Mohammed Mahdi Bensaïd", b: "محمد المهدي بنسعيد"},
	{a: "Ghizlane Benjelloun", b: "غزلان بنجلون"},
	{a: "El Hassan Daki", b: "الحسن الداكي"},
	{a: "Hassan Daki", b: "الحسن الداكي"},
	{a: "Amina Bouayach", b: "أمينة بوعياش"},
	{a: "Younes Sekkouri", b: "يونس السكوري"},
	{a: "Aawatif Hayar", b: "عواطف حيار"},
	{a: "Awatif Hayar", b: "عواطف حيار"},
	{a: "Nasser Bourita", b: "ناصر بوريطة"},
	{a: "Abdelouafi Laftit", b: "عبد الوافي لفتيت"},
	{a: "Abdelwafi Laftit", b: "عبد الوافي لفتيت"},
	{a: "Aziz Akhannouch", b: "عزيز أخنوش"},
	{a: "Saad Eddine El Othmani", b: "سعد الدين العثماني"},
	{a: "Saadeddine Othmani", b: "سعد الدين العثماني"},
	{a: "Saâd Eddine El Othmani", b: "Saadeddine El Othmani"},
	{a: "Abdelilah Benkirane", b: "عبد الإله بنكيران"},
	{a: "Abdelilah Benkirane", b: "عبد الإله ابن كيران"},
	{a: "Mohamed Benabdelkader", b: "محمد بن عبد القادر"},
	{a: "Mohamed Ben Abdelkader", b: "Mohamed Benabdelkader"},
	{a: "Mohamed Aujjar", b: "محمد أوجار"},
	{a: "Mustapha Ramid", b: "مصطفى الرميد"},
	{a: "El Mustapha Ramid", b: "Mustapha Ramid"},
	{a: "Mohamed Hassad", b: "محمد حصاد"},
	{a: "Salaheddine Mezouar", b: "صلاح الدين مزوار"},
	{a: "Jamila El Moussali", b: "جميلة المصلي"},
	{a: "Bassima Hakkaoui", b: "بسيمة الحقاوي"},
	{a: "Chakib Benmoussa", b: "شكيب بنموسى"},
	{a: "Mohamed Saad Berrada", b: "محمد سعد برادة"},
	{a: "Khalid Aït Taleb", b: "خالد آيت الطالب"},
	{a: "Amine Tahraoui", b: "أمين التهراوي"},
	{a: "Nadia Fettah Alaoui", b: "نادية فتاح العلوي"},
	{a: "Ahmed Chaouki Benyoub", b: "أحمد شوقي بنيوب"},
	{a: "Omar Hilale", b: "عمر هلال"},
	{a: "Mohamed Abdennabaoui", b: "محمد عبد النباوي"},
	{a: "Abdellatif Hammouchi", b: "عبد اللطيف حموشي"},
	{a: "Mohamed Haramou", b: "محمد حرمو"},
	{a: "Driss El Yazami", b: "إدريس اليزمي"},
	{a: "Aïcha Ech-Chenna", b: "عائشة الشنا"},
	{a: "Aicha Chenna", b: "عائشة الشنا"},
	{a: "Najat Anwar", b: "نجاة أنور"},
	{a: "Lalla Meryem", b: "للا مريم"},
	{a: "Fouzi Lekjaa", b: "فوزي لقجع"},
	{a: "Nizar Baraka", b: "نزار بركة"},
	{a: "Abdellatif Jouahri", b: "عبد اللطيف الجواهري"},
	{a: "Rachid Talbi Alami", b: "رشيد الطالبي العلمي"},
	{a: "Habib El Malki", b: "الحبيب المالكي"},
	{a: "Ahmed Toufiq", b: "أحمد التوفيق"},
	{a: "Leila Benali", b: "ليلى بنعلي"},
	{a: "Mohamed Benchaaboun", b: "محمد بنشعبون"},
	{a: "Nabila Mounib", b: "نبيلة منيب"},
	{a: "Saaid Amzazi", b: "سعيد أمزازي"},
	{a: "Ryad Mezzour", b: "رياض مزور"},
	{a: "Tayeb Fassi Fihri", b: "الطيب الفاسي الفهري"},
	{a: "Abdelhak Khiame", b: "عبد الحق الخيام"},
	{a: "Omar Azziman", b: "عمر عزيمان"},
	{a: "Mohamed Ouzzine", b: "محمد أوزين"},
	{a: "Youssef Amrani", b: "يوسف العمراني"},
	{a: "Fatima Zahra Ammor", b: "فاطمة الزهراء عمور"},
	{a: "Mohcine Jazouli", b: "محسن الجزولي"},
	{a: "Lahcen Daoudi", b: "لحسن الداودي"},
	{a: "Mohamed Sajid", b: "محمد ساجد"},
	{a: "Achraf Hakimi", b: "أشرف حكيمي"},
	{a: "Hakim Ziyech", b: "حكيم زياش"},
	{a: "Youssef En-Nesyri", b: "يوسف النصيري"},
	{a: "Benkirane Abdelilah", b: "عبد الإله بنكيران"}, // family name first
	{a: "Walid Regragui", b: "وليد الركراكي", limit: "Moroccan g written ك"},
	{a: "Driss Lachguar", b: "إدريس لشكر", limit: "Moroccan g written ك"},
	{a: "Ahmed Lahlimi Alami", b: "أحمد الحليمي العلمي", limit: "Latin article fused into the word"},
	{a: "Fatim-Zahra Ammor", b: "فاطمة الزهراء عمور", limit: "short form of a compound name"},
	{a: "Mehdi Bensaid", b: "محمد مهدي بنسعيد", limit: "different numbers of name words"},

	// Foreign and international officials as the Arabic press writes them.
	{a: "Natalie Fustier", b: "ناتالي فوستييه"},
	{a: "Patricia Llombart Cussac", b: "باتريشيا لومبارت كوساك"},
	{a: "António Guterres", b: "أنطونيو غوتيريس"},
	{a: "Ban Ki-moon", b: "بان كي مون"},
	{a: "Ghada Waly", b: "غادة والي"},
	{a: "Amy Pope", b: "إيمي بوب"},
	{a: "António Vitorino", b: "أنطونيو فيتورينو"},
	{a: "Filippo Grandi", b: "فيليبو غراندي"},
	{a: "Volker Türk", b: "فولكر تورك"},
	{a: "Catherine Russell", b: "كاثرين راسل"},
	{a: "Guy Ryder", b: "غاي رايدر"},
	{a: "Ursula von der Leyen", b: "أورسولا فون دير لاين"},
	{a: "Mike Pompeo", b: "مايك بومبيو"},
	{a: "Antony Blinken", b: "أنتوني بلينكن"},
	{a: "Marco Rubio", b: "ماركو روبيو"},
	{a: "Puneet Talwar", b: "بونيت تالوار"},
	{a: "Kofi Annan", b: "كوفي عنان"},
	{a: "Emmanuel Macron", b: "إيمانويل ماكرون"},
	{a: "Federica Mogherini", b: "فيديريكا موغيريني"},
	{a: "Staffan de Mistura", b: "ستافان دي ميستورا"},
	{a: "Christopher Ross", b: "كريستوفر روس"},
	{a: "Ramtane Lamamra", b: "رمطان لعمامرة"},
	{a: "Yousef Al Otaiba", b: "يوسف العتيبة"},
	{a: "Ahmed Aboul Gheit", b: "أحمد أبو الغيط"},
	{a: "Pedro Sánchez", b: "بيدرو سانشيز"},
	{a: "Antonio Guterres", b: "أنطونيو غوتيريش", limit: "Portuguese final s is ش"},
	{a: "Fernando Grande-Marlaska", b: "فرناندو غراندي مارلاسكا", limit: "Spanish final e is pronounced"},
	{a: "José Manuel Albares", b: "خوسيه مانويل ألباريس", limit: "Spanish j is خ"},
	{a: "Josep Borrell", b: "جوزيب بوريل", limit: "single s written ز"},
	{a: "Kaja Kallas", b: "كايا كالاس", limit: "Estonian j is y"},
	{a: "Michelle Bachelet", b: "ميشيل باشليه", limit: "French mute final t"},
	{a: "Nicolas Sarkozy", b: "نيكولا ساركوزي", limit: "French mute final s"},
}

// differentPeople holds names of different people that look alike: one
// consonant apart, male and female forms, nisba and plain forms, compounds
// that differ in one part. The rows marked limit collide on the key because
// Arabic does not write short vowels.
var differentPeople = []pair{
	{a: "Mohamed Benabdelkader", b: "Mohamed Benabdellah"},
	{a: "Mohamed Benabdelkader", b: "محمد بن عبد الله"},
	{a: "Amina Bouayach", b: "Amina Bouchaib"},
	{a: "Amina Bouayach", b: "أمينة بوشعيب"},
	{a: "Hassan Daki", b: "Hassan Dakir"},
	{a: "Mohamed Hassad", b: "Mohamed Hassan"},
	{a: "Mohamed Hassad", b: "محمد حسن"},
	{a: "Driss El Yazami", b: "Driss El Azami"},
	{a: "Driss El Azami", b: "إدريس اليزمي"},
	{a: "Mohamed Saad Berrada", b: "Mohamed Berrada"},
	{a: "Abdelkader Amara", b: "Abdelkrim Amara"},
	{a: "Abderrahim Bouazza", b: "Abderrahmane Bouazza"},
	{a: "عبد الرحيم بوعزة", b: "Abderrahmane Bouazza"},
	{a: "Amine Tahraoui", b: "Amina Tahraoui"},
	{a: "أمين التهراوي", b: "Amina Tahraoui"},
	{a: "Karim Ghellab", b: "Karima Ghellab"},
	{a: "Mohamed Bennani", b: "Mohamed Bennouna"},
	{a: "محمد بناني", b: "Mohamed Bennouna"},
	{a: "Omar Hilale", b: "Omar Hilali"},
	{a: "عمر هلال", b: "Omar Hilali"},
	{a: "Lahcen Daoudi", b: "Lahcen Daoud"},
	{a: "Hicham El Guerrouj", b: "Houssam El Guerrouj"},
	{a: "هشام الكروج", b: "حسام الكروج"},
	{a: "Chadia Arab", b: "Saadia Arab"},
	{a: "Mohamed Ouzzine", b: "Mohamed Ouazzani"},
	{a: "محمد أوزين", b: "Mohamed Ouazzani"},
	{a: "Bassima Hakkaoui", b: "Bassima Hakkou"},
	{a: "Khalid Ait Taleb", b: "Khalid Ait Tayeb"},
	{a: "Nasser Bourita", b: "Nasser Bouchta"},
	{a: "Younes Sekkouri", b: "Younes Sekkat"},
	{a: "Mustapha Ramid", b: "Mustapha Rachid"},
	{a: "Mohamed Aujjar", b: "Mohamed Najjar"},
	{a: "Jamila El Moussali", b: "Jamila El Moussaoui"},
	{a: "Nadia Fettah Alaoui", b: "Nadia Fettah Alami"},
	{a: "Leila Benali", b: "Leila Benalla"},
	{a: "Abdelilah Benkirane", b: "Abdellah Benkirane"},
	{a: "عبد الإله بنكيران", b: "Abdellah Benkirane"},
	{a: "Mohammed VI", b: "Mohammed V"},
	{a: "Fouzi Lekjaa", b: "Fouad Lekjaa"},
	{a: "Nizar Baraka", b: "Nizar Barakat"},
	{a: "Aicha Ech-Chenna", b: "Aicha Chennaoui"},
	{a: "Najat Anwar", b: "Najat Ammar"},
	{a: "Amy Pope", b: "Amy Poe"},
	{a: "Antonio Guterres", b: "Antonio Gutierrez"},
	{a: "Filippo Grandi", b: "Filippo Grande"},
	{a: "Marco Rubio", b: "Mario Rubio"},
	{a: "Puneet Talwar", b: "Puneet Tiwari"},
	{a: "Mohamed Abdennabaoui", b: "Mohamed Abdennebi", limit: "medial و read as a vowel"},
	{a: "Ahmed Toufiq", b: "Ahmed Rafiq"},
	{a: "Abdellatif Hammouchi", b: "Abdellatif Hamdouchi"},
	{a: "Ghizlane Benjelloun", b: "Ghizlane Benjelloul"},
	{a: "Youssef Amrani", b: "Youssef Omari"},
	{a: "Mohamed Said", b: "Mohamed Saad", limit: "short vowels are not written"},
	{a: "Mahmoud Abbas", b: "Mohamed Abbas", limit: "short vowels are not written"},
}

// heldOutMoroccan, heldOutForeign and heldOutDifferent were written after the rules were
// chosen and were not used to choose them: TestHeldOut only logs how Match
// does on them, as an estimate of how it does on names it was not tuned on.
// Do not tune the rules on them; move rows to the tables above instead and
// write new held-out rows.
var heldOutMoroccan = []pair{
	{a: "Nabil Benabdallah", b: "نبيل بنعبد الله"},
	{a: "Abdelouahed Radi", b: "عبد الواحد الراضي"},
	{a: "Mohamed Yassine Mansouri", b: "محمد ياسين المنصوري"},
	{a: "Fouad Ali El Himma", b: "فؤاد عالي الهمة"},
	{a: "Omar Seghrouchni", b: "عمر السغروشني"},
	{a: "Ahmed Reda Chami", b: "أحمد رضا الشامي"},
	{a: "Driss Guerraoui", b: "إدريس الكراوي"},
	{a: "Abdellatif Miraoui", b: "عبد اللطيف الميراوي"},
	{a: "Chakib Alj", b: "شكيب لعلج"},
	{a: "Nadia Bernoussi", b: "نادية البرنوصي"},
	{a: "Ahmed Akhchichine", b: "أحمد أخشيشن"},
	{a: "Latifa Akharbach", b: "لطيفة أخرباش"},
	{a: "Rahma Bourqia", b: "رحمة بورقية"},
	{a: "Mustapha Baitas", b: "مصطفى بايتاس"},
	{a: "Ahmed El Bouari", b: "أحمد البواري"},
	{a: "Karim Zidane", b: "كريم زيدان"},
	{a: "Abdelkader Amara", b: "عبد القادر اعمارة"},
}

var heldOutForeign = []pair{
	{a: "Angela Merkel", b: "أنجيلا ميركل"},
	{a: "Joe Biden", b: "جو بايدن"},
	{a: "Donald Trump", b: "دونالد ترامب"},
	{a: "Vladimir Putin", b: "فلاديمير بوتين"},
	{a: "Theresa May", b: "تيريزا ماي"},
	{a: "Boris Johnson", b: "بوريس جونسون"},
	{a: "Xi Jinping", b: "شي جين بينغ"},
	{a: "Recep Tayyip Erdoğan", b: "رجب طيب أردوغان"},
	{a: "Abiy Ahmed", b: "آبي أحمد"},
	{a: "Macky Sall", b: "ماكي سال"},
	{a: "Giorgia Meloni", b: "جورجيا ميلوني"},
	{a: "Olaf Scholz", b: "أولاف شولتس"},
	{a: "Amina J. Mohammed", b: "أمينة محمد"},
	{a: "Jean-Yves Le Drian", b: "جان إيف لودريان"},
	{a: "Hillary Clinton", b: "هيلاري كلينتون"},
	{a: "John Kerry", b: "جون كيري"},
}

var heldOutDifferent = []pair{
	{a: "Karim Zidane", b: "Karima Zidane"},
	{a: "Mohamed Yassine Mansouri", b: "Mohamed Yassine Mansour"},
	{a: "Chakib Alj", b: "Chakib Alaj"},
	{a: "Latifa Akharbach", b: "Latifa Akhrouch"},
	{a: "Nadia Bernoussi", b: "Nadia Bennouri"},
	{a: "Fouad Ali El Himma", b: "Fouad Ali El Hamma"},
	{a: "Mustapha Baitas", b: "Mustapha Bakkoury"},
	{a: "Abdelkader Amara", b: "Abdelkader Amrani"},
	{a: "Mohamed Hajoui", b: "Mohamed Hajji"},
	{a: "Omar Seghrouchni", b: "Omar Sghir"},
	{a: "Driss Guerraoui", b: "Driss Guerrouj"},
	{a: "Boris Johnson", b: "Boris Johnston"},
	{a: "Theresa May", b: "Theresa Mayo"},
	{a: "Donald Trump", b: "Donald Tusk"},
	{a: "عبد الواحد الراضي", b: "Abdelwahab Radi"},
}

// score is the confusion count of Match over the two tables.
type score struct{ tp, fn, fp, tn int }

func (s score) precision() float64 { return float64(s.tp) / float64(max(s.tp+s.fp, 1)) }
func (s score) recall() float64    { return float64(s.tp) / float64(max(s.tp+s.fn, 1)) }
func (s score) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s score) String() string {
	return fmt.Sprintf("precision %.3f recall %.3f F1 %.3f (tp %d fn %d fp %d tn %d)",
		s.precision(), s.recall(), s.f1(), s.tp, s.fn, s.fp, s.tn)
}

func measure(r rules) score { return measureOn(r, samePerson, differentPeople) }

func measureOn(r rules, same, different []pair) score {
	var s score
	for _, p := range same {
		if r.match(p.a, p.b) {
			s.tp++
		} else {
			s.fn++
		}
	}
	for _, p := range different {
		if r.match(p.a, p.b) {
			s.fp++
		} else {
			s.tn++
		}
	}
	return s
}

func TestTablesSize(t *testing.T) {
	if len(samePerson) < 40 || len(differentPeople) < 40 {
		t.Errorf("tables have %d matching and %d non-matching pairs, want at least 40 each",
			len(samePerson), len(differentPeople))
	}
}

func TestMatchSamePerson(t *testing.T) {
	for _, p := range samePerson {
		t.Run(p.a+"|"+p.b, func(t *testing.T) {
			got := Match(p.a, p.b)
			if got != Match(p.b, p.a) {
				t.Errorf("Match is not symmetric")
			}
			switch {
			case p.limit != "" && got:
				t.Logf("known limit %q no longer misses: drop the mark", p.limit)
			case p.limit != "":
				t.Logf("known miss (%s): keys %q, %q", p.limit, Key(p.a), Key(p.b))
			case !got:
				t.Errorf("Match(%q, %q) = false, want true; keys %q, %q", p.a, p.b, Key(p.a), Key(p.b))
			}
		})
	}
}

func TestMatchDifferentPeople(t *testing.T) {
	for _, p := range differentPeople {
		t.Run(p.a+"|"+p.b, func(t *testing.T) {
			got := Match(p.a, p.b)
			switch {
			case p.limit != "" && !got:
				t.Logf("known limit %q no longer collides: drop the mark", p.limit)
			case p.limit != "":
				t.Logf("known collision (%s): key %q", p.limit, Key(p.a))
			case got:
				t.Errorf("Match(%q, %q) = true, want false; key %q", p.a, p.b, Key(p.a))
			}
		})
	}
}

// TestPrecisionRecall logs how Match does on the tables, limits included.
func TestPrecisionRecall(t *testing.T) {
	t.Logf("Match on %d same-person and %d different-people pairs: %v",
		len(samePerson), len(differentPeople), measure(defaultRules))
}

// TestHeldOut logs how Match does on the held-out tables, and which pairs
// it gets wrong. It fails on nothing: see heldOutMoroccan.
func TestHeldOut(t *testing.T) {
	same := slices.Concat(heldOutMoroccan, heldOutForeign)
	t.Logf("held out: Match on %d same-person and %d different-people pairs: %v",
		len(same), len(heldOutDifferent), measureOn(defaultRules, same, heldOutDifferent))
	t.Logf("held out, recall on %d Moroccan names: %.3f; on %d foreign names: %.3f",
		len(heldOutMoroccan), measureOn(defaultRules, heldOutMoroccan, nil).recall(),
		len(heldOutForeign), measureOn(defaultRules, heldOutForeign, nil).recall())
	for _, p := range same {
		if !Match(p.a, p.b) {
			t.Logf("held-out miss: %q %q: keys %q, %q", p.a, p.b, Key(p.a), Key(p.b))
		}
	}
	for _, p := range heldOutDifferent {
		if Match(p.a, p.b) {
			t.Logf("held-out collision: %q %q: key %q", p.a, p.b, Key(p.a))
		}
	}
}

// TestRules measures every combination of the key options on the tables and
// fails if one does better than defaultRules, so that the defaults stay the
// measured best as the tables grow.
func TestRules(t *testing.T) {
	type result struct {
		r rules
		s score
	}
	var results []result
	for _, semi := range []semivowels{semiInitial, semiNever, semiGlide} {
		for _, mergeShS := range []bool{false, true} {
			for _, voiceS := range []bool{false, true} {
				for _, ciSh := range []bool{false, true} {
					for _, finalVowel := range []bool{false, true} {
						r := rules{semi: semi, mergeShS: mergeShS, voiceS: voiceS, ciSh: ciSh, finalVowel: finalVowel}
						results = append(results, result{r, measure(r)})
					}
				}
			}
		}
	}
	slices.SortStableFunc(results, func(a, b result) int {
		switch {
		case a.s.f1() > b.s.f1():
			return -1
		case a.s.f1() < b.s.f1():
			return 1
		}
		return 0
	})
	def := measure(defaultRules)
	for _, res := range results {
		t.Logf("%+v: %v", res.r, res.s)
	}
	if best := results[0]; best.s.f1() > def.f1() {
		t.Errorf("rules %+v do better than defaultRules: %v, want at most %v", best.r, best.s, def)
	}
}

func TestKey(t *testing.T) {
	tests := []struct {
		name string
		want string
	}{
		{"", ""},
		{"  -- ", ""},
		{"Abdellatif Ouahbi", "bdltf wħbi"},
		{"عبد اللطيف وهبي", "bdltf wħbi"},
		{"عبداللطيف وهبي", "bdltf wħbi"},
		{"Abd El Latif Ouahbi", "bdltf wħbi"},
		{"Abdelkader", "bdlkdr"},
		{"عبد القادر", "bdlkdr"},
		{"Abderrahmane", "bdrħmn"},
		{"Abdelrahman", "bdrħmn"},
		{"عبد الرحمن", "bdrħmn"},
		{"Ben Naceur", "bnsr"},
		{"بن ناصر", "bnsr"},
		{"Ould Errachid", "wldrʃd"},
		{"Omar Hilale", "mr ħlol"},
		{"Hilali", "ħloli"},
		{"Amina", "mna"},
		{"أمينة", "mna"},
		{"Amine", "mn"},
		{"Najat", "nʒt"},
		{"نجاة", "nʒt"},
		{"Aya", "a"},
		{"آية", "a"},
		{"Eo", "u"},
		{"Ee", "e"},
		{"El", "l"},
		{"ال", "l"},
		{"L'Hassan", "ħsn"},
		{"Sa'id", "sd"},
		{"ʿAbd al-ʿAzīz", "bdlzoz"},
		{"Staffan de Mistura", "stfn di mstra"},
		{"Leonardo da Vinci", "lnrdu da fnsi"},
		{"Ech-Chenna", "ʃna"},
		{"Mohammed VI", "mħmd fi"},
		{"محمد ٦", "mħmd 6"},
		{"Путин", "путин"},
		{"ﻣﺤﻤﺪ", "mħmd"}, // presentation forms
		{"Christopher", "krstfr"},
		{"Guy", "gi"},
		{"Gilbert", "ʒlbrt"},
		{"Ghizlane", "gzln"},
		{"Djamel", "ʒml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Key(tt.name)); diff != "" {
				t.Errorf("Key(%q) mismatch (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

func TestMatchOrderAndSplit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Bourita Nasser", "ناصر بوريطة", true},
		{"Ban Ki moon", "Ban Ki-moon", true},
		{"Saad Eddine", "Saadeddine", true},
		{"", "", false},
		{"...", "...", false},
		{"Nasser", "Nasser Bourita", false},
	}
	for _, tt := range tests {
		if got := Match(tt.a, tt.b); got != tt.want {
			t.Errorf("Match(%q, %q) = %v, want %v (keys %q, %q)", tt.a, tt.b, got, tt.want, Key(tt.a), Key(tt.b))
		}
	}
}

func TestSimilar(t *testing.T) {
	tests := []struct {
		a, b     string
		min, max float64
	}{
		{"Abdellatif Ouahbi", "عبد اللطيف وهبي", 1, 1},
		{"Hassan Daki", "Hassan Dakir", 0.8, 0.99},
		{"Mehdi Bensaid", "Mohamed Mehdi Bensaid", 0.5, 0.99},
		{"Amina Bouayach", "Nasser Bourita", 0, 0.5},
		{"", "Nasser Bourita", 0, 0},
	}
	for _, tt := range tests {
		got := Similar(tt.a, tt.b)
		if got < tt.min || got > tt.max {
			t.Errorf("Similar(%q, %q) = %.3f, want in [%v, %v] (keys %q, %q)",
				tt.a, tt.b, got, tt.min, tt.max, Key(tt.a), Key(tt.b))
		}
		if back := Similar(tt.b, tt.a); back != got {
			t.Errorf("Similar(%q, %q) = %.3f, but %.3f the other way", tt.b, tt.a, back, got)
		}
	}
}

// TestKeyIdempotent checks Key(Key(x)) == Key(x) on the tables.
func TestKeyIdempotent(t *testing.T) {
	for _, tab := range [][]pair{samePerson, differentPeople} {
		for _, p := range tab {
			for _, s := range []string{p.a, p.b} {
				k := Key(s)
				if again := Key(k); again != k {
					t.Errorf("Key(Key(%q)) = %q, want %q", s, again, k)
				}
			}
		}
	}
}

func BenchmarkKey(b *testing.B) {
	names := make([]string, 0, 2*len(samePerson))
	for _, p := range samePerson {
		names = append(names, p.a, p.b)
	}
	n := 0
	for b.Loop() {
		for _, s := range names {
			n += len(Key(s))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(names)), "ns/name")
	_ = n
}

func BenchmarkMatch(b *testing.B) {
	for b.Loop() {
		for _, p := range samePerson {
			Match(p.a, p.b)
		}
	}
}
