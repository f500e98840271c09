// panic with an untyped constant: a string, printed bare.
package main

type Code int
type Msg string

func check(n int) {
	switch n {
	case 0:
		panic("boom")
	case 1:
		panic(42)
	case 2:
		panic(Code(7))
	case 3:
		panic(Msg("bad"))
	case 4:
		panic(2.5)
	case 5:
		panic(true)
	case 6:
		var u uint8 = 200
		panic(u)
	}
}

func main() {
	check(0)
}
