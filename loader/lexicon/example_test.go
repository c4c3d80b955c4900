package lexicon_test

import (
	"fmt"
	"strings"

	"github.com/actorgraph/actorgraph/loader/lexicon"
)

func ExampleDefault() {
	l, err := lexicon.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	unodc, _ := l.Lookup("unodc")
	fmt.Println(unodc.Type, "|", unodc.Name, "|", unodc.Acronyms, "| part of", unodc.Parent)
	fmt.Println(unodc.Names["fr"][0])

	role, _ := l.Lookup("minister-justice")
	fmt.Println(role.Role, "|", role.Names["ar"][0])
	person, ok := l.HolderAt("minister-justice", "2024-07-25")
	fmt.Println(person, ok)
	// Output:
	// Organization | United Nations Office on Drugs and Crime | [UNODC ONUDC] | part of un
	// Office des Nations unies contre la drogue et le crime
	// minister of justice | وزير العدل
	// ouahbi true
}

func ExampleLexicon_Merge() {
	l, err := lexicon.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	// A user file, as given with --lexicon: it adds a spelling to a known
	// organization and a new association.
	user := `# my additions
{"id":"unodc","type":"Organization","names":{"en":["UN drugs and crime office"]}}
{"id":"my-association","type":"Organization","name":"My Association","names":{"fr":["Association Exemple"]},"parent":"cnclt"}
`
	entries, err := lexicon.Parse(strings.NewReader(user), "user.jsonl")
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := l.Merge(entries); err != nil {
		fmt.Println(err)
		return
	}
	unodc, _ := l.Lookup("unodc")
	fmt.Println(unodc.Name, unodc.Names["en"])

	bad := `{"id":"other","type":"Organization","name":"Other","acronyms":["OTH"],"parent":"no-such-body"}`
	entries, _ = lexicon.Parse(strings.NewReader(bad), "bad.jsonl")
	fmt.Println(l.Merge(entries))
	// Output:
	// United Nations Office on Drugs and Crime [United Nations Office on Drugs and Crime UN Office on Drugs and Crime UN drugs and crime office]
	// lexicon: bad reference: other: parent "no-such-body": no such entry
}

func ExampleParse_error() {
	_, err := lexicon.Parse(strings.NewReader("# comment\n{\"id\":\"rabat\",\"type\":\"City\"}\n"), "places.jsonl")
	fmt.Println(err)
	// Output:
	// lexicon places.jsonl:2: invalid entry: rabat: unknown type "City", want one of Organization, Person, Place, Law, Plan, Campaign, Report, Event, Role
}
