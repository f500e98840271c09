// go and defer statements whose arguments are structs held in variables
// (here parameters): the goroutine gets a copy made at the go statement,
// not the address of the caller's variable.
package main

type rat struct{ num, den int64 }

func repeat(dat rat, out chan rat) {
	for i := 0; i < 3; i++ {
		out <- dat
	}
}

func Rep(c rat) chan rat {
	z := make(chan rat)
	go repeat(c, z)
	return z
}

func show(r rat) { println("deferred", r.num, r.den) }

func later(c rat) {
	defer show(c)
	c.num = 99
}

func main() {
	later(rat{7, 8})
	one := rat{1, 1}
	a := Rep(one)
	b := Rep(rat{2, 1})
	for i := 0; i < 3; i++ {
		x, y := <-a, <-b
		println(x.num, x.den, y.num, y.den)
	}
}
