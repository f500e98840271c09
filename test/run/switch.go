// Expression switches: tagless, lists of cases, default anywhere,
// fallthrough, init statements, break and labeled break/continue.
package main

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n%2 == 0:
		return "even"
	}
	return "odd"
}

func days(m int) int {
	switch m {
	case 2:
		return 28
	case 4, 6, 9, 11:
		return 30
	default:
		return 31
	}
}

func fall(x int) int {
	r := 0
	switch x {
	case 1:
		r += 1
		fallthrough
	case 2:
		r += 10
		fallthrough
	default:
		r += 100
	case 3:
		r += 1000
	}
	return r
}

func name(s string) int {
	switch t := s + "!"; t {
	case "a!":
		return 1
	case "b!", "c!":
		return 2
	}
	return 0
}

func main() {
	for i := -1; i < 4; i++ {
		arg := "a"
		switch i {
		case 1:
			arg = "b"
		case 2:
			arg = "c"
		case 3:
			arg = "d"
		}
		println(i, classify(i), days(i+2), fall(i), name(arg))
	}
	n := 0
outer:
	for i := 0; i < 10; i++ {
		switch {
		case i == 2:
			continue
		case i == 5:
			break outer
		case i > 0:
			n += i
			break
		}
		n += 100
	}
	println(n)
	var f float64 = 2.5
	switch f {
	case 2.5:
		println("float case")
	}
}
