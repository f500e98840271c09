// goto: backward (a loop) and forward jumps to labels, labels that only
// gotos reach, and labeled continue from a nested loop.
package main

func sum(n int) int {
	i, s := 0, 0
loop:
	if i < n {
		s += i
		i++
		goto loop
	}
	return s
}

func find(x int) string {
	if x > 10 {
		goto big
	}
	if x < 0 {
		goto neg
	}
	return "small"
big:
	return "big"
neg:
	x = -x
	println("negated", x)
	return "negative"
}

func main() {
	println(sum(10), find(3), find(30), find(-4))
	n := 0
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			n += j
		}
	}
	println(n)
}
