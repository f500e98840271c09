// Closures: closures that capture variables by reference and mutate them,
// func values passed to higher-order functions and stored in slices and
// structs, closures returning closures, and method values.
package main

const rounds = 1500000

// counter returns a closure that owns a private count.
func counter(step int) func() int {
	n := 0
	return func() int {
		n += step
		return n
	}
}

// mapInts applies f to each element in place.
func mapInts(xs []int, f func(int) int) {
	for i, x := range xs {
		xs[i] = f(x)
	}
}

// fold reduces xs with f from init.
func fold(xs []int, init int, f func(acc, x int) int) int {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

// filterCount counts the elements for which keep holds.
func filterCount(xs []int, keep func(int) bool) int {
	n := 0
	for _, x := range xs {
		if keep(x) {
			n++
		}
	}
	return n
}

// compose returns g∘f.
func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return g(f(x)) }
}

// adder returns a closure over its parameter.
func adder(k int) func(int) int { return func(x int) int { return x + k } }

type acc struct {
	total int
	hook  func(int)
}

func (a *acc) add(x int) { a.total += x }

func main() {
	xs := make([]int, 256)
	for i := range xs {
		xs[i] = i * 7 % 101
	}
	sum := 0
	// Pipelines built once, called in the loop.
	pipeline := []func(int) int{
		adder(3),
		func(x int) int { return x * 5 % 1009 },
		compose(adder(-1), func(x int) int { return x ^ 0x55 }),
	}
	next := counter(3)
	for r := 0; r < rounds; r++ {
		// A closure capturing and mutating loop-local and outer
		// variables on every call.
		calls := 0
		bias := r & 15
		mapInts(xs, func(x int) int {
			calls++
			return (x + bias) % 1013
		})
		f := pipeline[r%len(pipeline)]
		mapInts(xs, f)
		s := fold(xs, 0, func(acc, x int) int { return acc + x*calls })
		evens := filterCount(xs, func(x int) bool { return x&1 == 0 })
		// A method value: the closure binds its receiver.
		a := &acc{}
		a.hook = a.add
		for _, x := range xs[:32] {
			a.hook(x)
		}
		sum = (sum + s + evens + a.total + next()) % 1000000007
		// A closure created per iteration that escapes into the slice
		// of pipelines now and then.
		if r%1000 == 999 {
			k := r
			pipeline[r%len(pipeline)] = func(x int) int { return (x + k) % 997 }
		}
	}
	println("checksum:", sum)
}
