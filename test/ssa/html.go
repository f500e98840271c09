// The program of the ssa.html check (run.py): GOSSAFUNC=main writes its
// main.main with a loop, a branch, constants to fold and a string with
// characters HTML must escape.
package main

func main() {
	s := 0
	for i := 0; i < 10; i++ {
		if i%3 == 0 {
			s += i * 2
		}
	}
	println("<&>", s, 6*7)
}
