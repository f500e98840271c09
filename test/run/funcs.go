// Functions with int, int64, bool and string parameters and several results.
package main

func add(a, b int) int { return a + b }

func divmod(a, b int64) (int64, int64) { return a / b, a % b }

func pick(c bool, x, y string) string {
	if c {
		return x
	}
	return y
}

func named(n int) (sum int, even bool) {
	sum = n * (n + 1) / 2
	even = sum%2 == 0
	return
}

func three() (int, bool, string) { return 7, true, "three" }

func main() {
	println(add(2, 3), add(-4, 1))
	q, r := divmod(17, 5)
	println(q, r)
	q, r = divmod(-17, 5)
	println(q, r)
	println(pick(true, "yes", "no"), pick(false, "yes", "no"))
	s, e := named(10)
	println(s, e)
	a, b, c := three()
	println(a, b, c)
}
