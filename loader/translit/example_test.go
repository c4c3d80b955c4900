package translit_test

import (
	"fmt"

	"github.com/actorgraph/actorgraph/loader/translit"
)

func ExampleKey() {
	for _, name := range []string{
		"Abdellatif Ouahbi",
		"Abdelatif Wahbi",
		"عبد اللطيف وهبي",
		"El Hassan Daki",
		"الحسن الداكي",
	} {
		fmt.Println(translit.Key(name))
	}
	// Output:
	// bdltf wħbi
	// bdltf wħbi
	// bdltf wħbi
	// ħsn dki
	// ħsn dki
}

func ExampleMatch() {
	fmt.Println(translit.Match("Mohammed Mahdi Bensaïd", "محمد مهدي بنسعيد"))
	fmt.Println(translit.Match("Bensaid Mohamed Mehdi", "Mohamed Mehdi Bensaid")) // another order
	fmt.Println(translit.Match("Mohamed Benabdelkader", "Mohamed Benabdellah"))
	fmt.Println(translit.Match("Amine Tahraoui", "Amina Tahraoui"))
	// Output:
	// true
	// true
	// false
	// false
}

func ExampleSimilar() {
	fmt.Printf("%.2f\n", translit.Similar("Natalie Fustier", "ناتالي فوستييه"))
	fmt.Printf("%.2f\n", translit.Similar("Hassan Daki", "Hassan Dakir"))
	fmt.Printf("%.2f\n", translit.Similar("Amina Bouayach", "Nasser Bourita"))
	// Output:
	// 1.00
	// 0.86
	// 0.25
}
