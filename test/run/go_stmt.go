// env: GOMAXPROCS=1

package main

// go statements of every form compile and start goroutines; main exits
// before they run (nothing here yields, and with one P nothing else runs
// them), so only main's output shows, with gc too. The goroutines only
// write globals nobody reads afterwards.

type T struct{ a, b int }

var sum int

func (t T) add(n int) { sum += t.a + t.b + n }

type I interface{ add(n int) }

func f(x int, s string) { sum += x + len(s) }

func main() {
	go f(1, "one")
	x := 2
	go func() { sum += x }()
	t := T{3, 4}
	go t.add(5)
	var i I = T{5, 6}
	go i.add(7)
	g := f
	go g(8, "eight")
	go println()
	for k := 0; k < 3; k++ {
		go func(n int) { sum += n }(k)
	}
	println("main done", sum)
}
