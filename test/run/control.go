// if/else with init, the three forms of for, break and continue, early return.
package main

func classify(n int) string {
	if r := n % 3; r == 0 {
		return "fizz"
	} else if r == 1 {
		return "one"
	} else {
		return "two"
	}
}

func firstOver(limit int) int {
	i := 1
	for {
		if i*i > limit {
			return i
		}
		i++
	}
}

func main() {
	for i := 0; i < 5; i++ {
		println(i, classify(i))
	}
	n := 10
	for n > 0 {
		n -= 3
	}
	println("n", n)
	println("first", firstOver(50))
	sum := 0
	for i := 0; i < 20; i++ {
		if i%2 == 0 {
			continue
		}
		if i > 13 {
			break
		}
		sum += i
	}
	println("sum", sum)
	count := 0
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j > i {
				continue outer
			}
			if i == 4 {
				break outer
			}
			count++
		}
	}
	println("count", count)
	k := 0
	for ; k < 3; {
		k++
	}
	println("k", k)
}
