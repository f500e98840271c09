// Slices of basic types: make, index with gc's bounds checks, assignment
// to elements, len and cap, append with gc's growth, two- and three-index
// slicing, copy, []byte and []rune conversions, range, nil slices.
package main

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	s := make([]int, 3, 10)
	s[0], s[1], s[2] = 1, 2, 3
	println(len(s), cap(s), sum(s))
	var a []int
	println(a == nil, len(a))
	for i := 0; i < 20; i++ {
		a = append(a, i*i)
		if i%5 == 0 {
			println(len(a), cap(a))
		}
	}
	println(sum(a), a[19])
	b := a[2:5]
	println(len(b), cap(b), b[0], b[2])
	c := a[3:6:8]
	println(len(c), cap(c))
	c = append(c, 100, 200, 300)
	println(len(c), cap(c), c[5], a[6])
	bs := []byte("héllo")
	println(len(bs), bs[1])
	bs[0] = 'H'
	println(string(bs))
	rs := []rune("héllo")
	println(len(rs), rs[1], string(rs))
	d := make([]int, 2)
	n := copy(d, a)
	println(n, d[0], d[1])
	fs := make([]float64, 0)
	fs = append(fs, 1.5)
	fs = append(fs, 2.5)
	println(fs[0]+fs[1], len(fs), cap(fs))
	for i := range fs {
		fs[i] *= 2
	}
	println(fs[1])
	idx := 7
	println(b[idx])
}
