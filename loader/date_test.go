package loader

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// foundDate is a Date as the tests write it: its text instead of offsets.
type foundDate struct {
	Text, Value, Until string
	Relative           bool
}

func foundDates(text, lang, published string) []foundDate {
	var out []foundDate
	for _, d := range FindDates(text, lang, published) {
		out = append(out, foundDate{text[d.Start:d.End], d.Value, d.Until, d.Relative})
	}
	return out
}

func TestFindDates(t *testing.T) {
	const pub = "2024-07-26" // a Friday
	tests := []struct {
		name            string
		text, lang, pub string
		want            []foundDate
	}{
		// Full dates, Arabic.
		{"ar dateline", "الثلاثاء 09 يوليو 2024 على الساعة 09:00", "ar", "", []foundDate{{"الثلاثاء 09 يوليو 2024", "2024-07-09", "", false}}},
		{"ar moroccan months", "ما بين 3 ماي 2024 و15 غشت 2024 ثم 7 شتنبر 2024 و9 نونبر 2024 و2 دجنبر 2024 و25 يوليوز 2024", "ar", "", []foundDate{
			{"3 ماي 2024", "2024-05-03", "", false}, {"15 غشت 2024", "2024-08-15", "", false},
			{"7 شتنبر 2024", "2024-09-07", "", false}, {"9 نونبر 2024", "2024-11-09", "", false},
			{"2 دجنبر 2024", "2024-12-02", "", false}, {"25 يوليوز 2024", "2024-07-25", "", false},
		}},
		{"ar msa months", "في 5 أغسطس 2023 و6 سبتمبر 2023 و7 نوفمبر 2023 و8 ديسمبر 2023", "ar", "", []foundDate{
			{"5 أغسطس 2023", "2023-08-05", "", false}, {"6 سبتمبر 2023", "2023-09-06", "", false},
			{"7 نوفمبر 2023", "2023-11-07", "", false}, {"8 ديسمبر 2023", "2023-12-08", "", false},
		}},
		{"ar mashriq months", "صدر في 3 كانون الثاني 2024 ثم في تشرين الأول 2023 وفي 14 آب 2022", "ar", "", []foundDate{
			{"3 كانون الثاني 2024", "2024-01-03", "", false}, {"تشرين الأول 2023", "2023-10", "", false}, {"14 آب 2022", "2022-08-14", "", false},
		}},
		{"ar first of month", "ابتداء من فاتح غشت 2024", "ar", "", []foundDate{{"فاتح غشت 2024", "2024-08-01", "", false}}},
		{"ar arabic-indic digits", "يوم ١٢ أكتوبر ٢٠٢١", "ar", "", []foundDate{{"١٢ أكتوبر ٢٠٢١", "2021-10-12", "", false}}},
		{"ar harakat", "يومًا 12 أكتوبرَ 2021", "ar", "", []foundDate{{"12 أكتوبرَ 2021", "2021-10-12", "", false}}},
		// Full dates, French and English.
		{"fr dateline", "date 2024-07 vendredi, 26 juillet, 2024 à 23:48", "fr", "", []foundDate{{"vendredi, 26 juillet, 2024", "2024-07-26", "", false}}},
		{"fr agency dateline", "Rabat, 14 mars 2024 (MAP) - Le ministre", "fr", "", []foundDate{{"14 mars 2024", "2024-03-14", "", false}}},
		{"fr 1er", "inauguré le 1er février 2024", "fr", "", []foundDate{{"1er février 2024", "2024-02-01", "", false}}},
		{"fr accents dropped", "le 15 aout 2024 et le 3 fevrier 2025", "fr", "", []foundDate{{"15 aout 2024", "2024-08-15", "", false}, {"3 fevrier 2025", "2025-02-03", "", false}}},
		{"fr abbreviation", "le 3 janv. 2024", "fr", "", []foundDate{{"3 janv. 2024", "2024-01-03", "", false}}},
		{"en published", "Published on March 5, 2024", "en", "", []foundDate{{"March 5, 2024", "2024-03-05", "", false}}},
		{"en ordinal", "on the 5th of March 2024", "en", "", []foundDate{{"5th of March 2024", "2024-03-05", "", false}}},
		{"en day month year", "held 26 July 2024 in Rabat", "en", "", []foundDate{{"26 July 2024", "2024-07-26", "", false}}},
		{"en abbreviation", "on Sept. 30, 2024", "en", "", []foundDate{{"Sept. 30, 2024", "2024-09-30", "", false}}},
		// Ranges.
		{"ar day range", "يومي 12 و13 أكتوبر 2021 بفيينا", "ar", "", []foundDate{{"12 و13 أكتوبر 2021", "2021-10-12", "2021-10-13", false}}},
		{"ar day range with spaces", "من 12 إلى 14 مارس 2024", "ar", "", []foundDate{{"12 إلى 14 مارس 2024", "2024-03-12", "2024-03-14", false}}},
		{"fr du au", "du 12 au 14 mars 2024", "fr", "", []foundDate{{"12 au 14 mars 2024", "2024-03-12", "2024-03-14", false}}},
		{"fr les et", "les 12 et 13 mars 2024", "fr", "", []foundDate{{"12 et 13 mars 2024", "2024-03-12", "2024-03-13", false}}},
		{"fr across months", "du 28 février au 2 mars 2024", "fr", "", []foundDate{{"28 février au 2 mars 2024", "2024-02-28", "2024-03-02", false}}},
		{"fr across years", "du 28 décembre au 2 janvier 2024", "fr", "", []foundDate{{"28 décembre au 2 janvier 2024", "2023-12-28", "2024-01-02", false}}},
		{"en hyphen range", "a workshop held 12-13 October 2023", "en", "", []foundDate{{"12-13 October 2023", "2023-10-12", "2023-10-13", false}}},
		{"en en dash range", "held 12–13 October 2023", "en", "", []foundDate{{"12–13 October 2023", "2023-10-12", "2023-10-13", false}}},
		{"en month first range", "through March 12-14, 2024", "en", "", []foundDate{{"March 12-14, 2024", "2024-03-12", "2024-03-14", false}}},
		{"en and range", "held on 2 and 3 December 2024", "en", "", []foundDate{{"2 and 3 December 2024", "2024-12-02", "2024-12-03", false}}},
		{"enumerated days", "les 5 et 19 mars 2024", "fr", "", []foundDate{{"5", "2024-03-05", "", false}, {"19 mars 2024", "2024-03-19", "", false}}},
		{"three consecutive days", "أيام 12 و13 و14 أكتوبر 2021", "ar", "", []foundDate{{"12 و13 و14 أكتوبر 2021", "2021-10-12", "2021-10-14", false}}},
		{"backwards range", "12-10 octobre 2021", "fr", "", []foundDate{{"10 octobre 2021", "2021-10-10", "", false}}},
		{"two dates joined by and", "3 ماي 2024 و15 غشت 2024", "ar", "", []foundDate{{"3 ماي 2024", "2024-05-03", "", false}, {"15 غشت 2024", "2024-08-15", "", false}}},
		{"two close days across months", "les 30 juin et 1er juillet 2024", "fr", "", []foundDate{{"30 juin et 1er juillet 2024", "2024-06-30", "2024-07-01", false}}},
		{"two dates, one year", "le 3 mai et le 15 août 2024", "fr", "", []foundDate{{"3 mai", "2024-05-03", "", false}, {"15 août 2024", "2024-08-15", "", false}}},
		// Months.
		{"ar month year", "في أكتوبر 2021", "ar", "", []foundDate{{"أكتوبر 2021", "2021-10", "", false}}},
		{"ar month word", "خلال شهر يوليوز 2024", "ar", "", []foundDate{{"شهر يوليوز 2024", "2024-07", "", false}}},
		{"fr month year", "adopté en juillet 2024", "fr", "", []foundDate{{"juillet 2024", "2024-07", "", false}}},
		{"en month year", "expected in June 2024", "en", "", []foundDate{{"June 2024", "2024-06", "", false}}},
		{"month without year", "en juillet, en mars", "fr", "", nil},
		{"fr month range", "entre janvier et août 2024", "fr", "", []foundDate{{"janvier et août 2024", "2024-01", "2024-08", false}}},
		{"ar month range", "من يناير إلى غشت 2024", "ar", "", []foundDate{{"يناير إلى غشت 2024", "2024-01", "2024-08", false}}},
		{"en month range", "January-March 2024", "en", "", []foundDate{{"January-March 2024", "2024-01", "2024-03", false}}},
		// Years after a cue.
		{"ar year cue", "سنة 2016 والمرسوم الصادر سنة 2018 لسنة 2024 عام 2011", "ar", "", []foundDate{
			{"2016", "2016", "", false}, {"2018", "2018", "", false}, {"2024", "2024", "", false}, {"2011", "2011", "", false},
		}},
		{"fr year cue", "adoptée en 2016, depuis 2018, fin 2023", "fr", "", []foundDate{{"2016", "2016", "", false}, {"2018", "2018", "", false}, {"2023", "2023", "", false}}},
		{"en year cue", "in 2016, since 2022, mid-2024", "en", "", []foundDate{{"2016", "2016", "", false}, {"2022", "2022", "", false}, {"2024", "2024", "", false}}},
		{"year without cue", "تقرير 2024 حول 2030", "ar", "", nil},
		// Relative days.
		{"fr weekday", "a organisé, jeudi à Rabat, un séminaire", "fr", pub, []foundDate{{"jeudi", "2024-07-25", "", true}}},
		{"fr weekday same day", "vendredi matin", "fr", pub, []foundDate{{"vendredi", "2024-07-26", "", true}}},
		{"fr dernier", "lundi dernier", "fr", pub, []foundDate{{"lundi dernier", "2024-07-22", "", true}}},
		{"fr dernier same weekday", "vendredi dernier", "fr", pub, []foundDate{{"vendredi dernier", "2024-07-19", "", true}}},
		{"fr prochain", "mardi prochain", "fr", pub, []foundDate{{"mardi prochain", "2024-07-30", "", true}}},
		{"fr hier", "hier, à Rabat", "fr", pub, []foundDate{{"hier", "2024-07-25", "", true}}},
		{"fr avant-hier", "avant-hier", "fr", pub, []foundDate{{"avant-hier", "2024-07-24", "", true}}},
		{"ar yesterday weekday", "نظمت اللجنة، أمس الخميس، يوما تواصليا", "ar", pub, []foundDate{{"أمس الخميس", "2024-07-25", "", true}}},
		{"ar day before yesterday", "أول أمس", "ar", pub, []foundDate{{"أول أمس", "2024-07-24", "", true}}},
		{"ar weekday", "يوم الأربعاء الماضي", "ar", pub, []foundDate{{"الأربعاء الماضي", "2024-07-24", "", true}}},
		{"ar next weekday", "الإثنين المقبل", "ar", pub, []foundDate{{"الإثنين المقبل", "2024-07-29", "", true}}},
		{"ar tomorrow", "غدا السبت", "ar", pub, []foundDate{{"غدا السبت", "2024-07-27", "", true}}},
		{"en on thursday", "met on Thursday in Rabat", "en", pub, []foundDate{{"Thursday", "2024-07-25", "", true}}},
		{"en yesterday", "yesterday in Marrakech", "en", pub, []foundDate{{"yesterday", "2024-07-25", "", true}}},
		{"en last next", "last Monday and next Monday", "en", pub, []foundDate{{"last Monday", "2024-07-22", "", true}, {"next Monday", "2024-07-29", "", true}}},
		{"day month, year from publication", "jeudi 14 mars", "fr", "2024-03-14", []foundDate{{"jeudi 14 mars", "2024-03-14", "", true}}},
		{"day month, year before publication", "le 28 décembre", "fr", "2024-01-05", []foundDate{{"28 décembre", "2023-12-28", "", true}}},
		{"relative without publication", "jeudi, أمس الخميس, yesterday, lundi dernier, le 3 mars", "fr", "", nil},
		{"bad publication", "jeudi", "fr", "2024-13-45", nil},
		// Numeric.
		{"numeric dmy", "le 26/07/2024 et le 02-03-2023 et le 1.4.2022", "fr", "", []foundDate{{"26/07/2024", "2024-07-26", "", false}, {"02-03-2023", "2023-03-02", "", false}, {"1.4.2022", "2022-04-01", "", false}}},
		{"numeric iso", "mis à jour 2024-07-26", "fr", "", []foundDate{{"2024-07-26", "2024-07-26", "", false}}},
		{"numeric mdy in english", "on 03/25/2024", "en", "", []foundDate{{"03/25/2024", "2024-03-25", "", false}}},
		{"numeric invalid", "le 31/02/2024", "fr", "", nil},
		// Never a date.
		{"law numbers", "القانون 14.27 والقانون رقم 27.14 وla loi n° 27-14 et le décret n° 2.18.123 et 02-03", "fr", "", nil},
		{"law number looking like a date", "le décret n° 1.04.2012 et la loi n° 12.04.2016", "fr", "", nil},
		{"plan spans", "الخطة الوطنية 2023-2030 برسم سنة 2023-2030 وخطة العمل 2024-2025 et 2023 - 2030", "ar", "", nil},
		{"times", "على الساعة 09:00 و 23:48 à 14h30", "ar", "", nil},
		{"counts", "تضم حوالي 1500 مؤسسة في 188 دولة مع 20 طفل و2000 مشارك", "ar", "", nil},
		{"decimal day", "1,12 mars", "fr", "", nil},
		{"world day is not today", "اليوم العالمي لمكافحة الاتجار بالبشر", "ar", pub, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := foundDates(tt.text, tt.lang, tt.pub)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("FindDates(%q, %q, %q) mismatch (-want +got):\n%s", tt.text, tt.lang, tt.pub, diff)
			}
		})
	}
}

// TestFindDatesSkipsNoDate checks that the lines FindDates does not fold
// hold no date: on the inputs of testdata/reading, with and without a
// publication date, the dates are those found when every line is folded.
func TestFindDatesSkipsNoDate(t *testing.T) {
	texts := readingParagraphs()
	texts = append(texts, "LUNDI DERNIER", "ﻻ الخَميس", "Ｊｅｕｄｉ", "الخميس\u200c", "فاتح غشت", "premier mars", "avant-hier")
	for _, text := range texts {
		for _, pub := range []string{"", "2024-07-26"} {
			got, want := FindDates(text, "", pub), findDates(text, "", pub, false)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("FindDates(%q, %q) mismatch (-all lines +skipping):\n%s", text, pub, diff)
			}
		}
	}
}

func ExampleFindDates() {
	text := "نظمت اللجنة، أمس الخميس، يومي 12 و13 أكتوبر 2021 ورشة حول القانون 27.14 الصادر سنة 2016."
	for _, d := range FindDates(text, "ar", "2024-07-26") {
		fmt.Printf("%s %s %s %v\n", text[d.Start:d.End], d.Value, d.Until, d.Relative)
	}
	// Output:
	// أمس الخميس 2024-07-25  true
	// 12 و13 أكتوبر 2021 2021-10-12 2021-10-13 false
	// 2016 2016  false
}
