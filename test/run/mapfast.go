// Maps whose keys the runtime takes by value (gc's mapfast: strings, and
// 4- or 8-byte keys of plain memory, pointers too) through every
// operation: index, comma-ok, assignment, op-assignment, ++, delete,
// range, literals, deferred delete; maps big enough to grow many times,
// deletions and reinsertions; string(b) keys that borrow a byte slice's
// bytes (lookups, m[string(b)]++) while the slice changes afterwards; the
// order of evaluation of m[k] op= y and of multiple assignments; and maps
// of the same key types that take the generic path (big elements).
package main

import "unsafe"

type Name string

type pair32 struct{ a, b int32 }

type node struct{ id int }

type ptrKey struct{ p *node }

type big [20]int64

func itoa(buf []byte, n int) []byte {
	if n == 0 {
		return append(buf, '0')
	}
	var tmp [20]byte
	i := len(tmp)
	for n > 0 {
		i--
		tmp[i] = byte('0' + n%10)
		n /= 10
	}
	return append(buf, tmp[i:]...)
}

func stringKeys() {
	m := make(map[string]int)
	var b []byte
	const n = 100000
	for i := 0; i < n; i++ {
		b = itoa(append(b[:0], 'k'), i)
		m[string(b)] = i
	}
	// The buffer is reused: every key must be the map's own copy.
	b = append(b[:0], "xxxxxxxxxxxx"...)
	bad := 0
	for i := 0; i < n; i++ {
		b = itoa(append(b[:0], 'k'), i)
		if m[string(b)] != i {
			bad++
		}
		if v, ok := m[string(b)]; !ok || v != i {
			bad++
		}
	}
	println("strings:", len(m), "bad", bad)
	for i := 0; i < n; i += 3 {
		b = itoa(append(b[:0], 'k'), i)
		delete(m, string(b))
	}
	missing := 0
	for i := 0; i < n; i++ {
		b = itoa(append(b[:0], 'k'), i)
		if _, ok := m[string(b)]; !ok {
			missing++
		}
	}
	sum := 0
	for k, v := range m {
		if k[0] != 'k' {
			bad++
		}
		sum += v
	}
	println("after delete:", len(m), missing, sum, bad)
	// Reinsert through the key-by-value assignment and ++.
	for i := 0; i < n; i += 3 {
		b = itoa(append(b[:0], 'k'), i)
		m[string(b)]++
		m[string(b)] += i - 1
	}
	total := 0
	for _, v := range m {
		total += v
	}
	println("reinserted:", len(m), total)
	println("short:", m[""], m["k"], m["k0"], m["k99999"], m["k100000"])
	m[""] = -1
	_, ok := m[""]
	println("empty key:", m[""], ok, len(m))
}

func countWords() {
	text := []byte("the cat and the dog and the bird saw the cat")
	counts := map[string]int{}
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && text[j] != ' ' {
			j++
		}
		counts[string(text[i:j])]++
		i = j + 1
	}
	// Overwrite the text: the counted words must not change.
	for i := range text {
		text[i] = '#'
	}
	println("words:", len(counts), counts["the"], counts["cat"], counts["and"], counts["dog"], counts["bird"], counts["saw"])
	for w := range counts {
		if w[0] == '#' {
			println("BUG: borrowed key kept:", w)
		}
	}
}

func namedKeys() {
	m := map[Name]int{"x": 1, "yy": 2, "zzz": 3}
	m["x"] += 10
	m[Name("w")]--
	delete(m, "yy")
	v, ok := m["zzz"]
	println("named:", len(m), m["x"], m["w"], m["yy"], v, ok)
	// string(b) as the key of maps whose key type is not string.
	b := []byte("ab")
	mi := map[interface{}]int{"ab": 1}
	mi[string(b)]++
	_, ok = mi[string(b)]
	mn := map[Name]int{}
	mn[Name(b)] += 2
	b[0] = 'x'
	println("converted keys:", mi["ab"], ok, mn["ab"], mn["xb"], len(mn))
}

func int32Keys() {
	m := make(map[int32]int64)
	for i := int32(-5000); i < 5000; i++ {
		m[i*7] = int64(i) * 3
	}
	bad := 0
	for i := int32(-5000); i < 5000; i++ {
		if m[i*7] != int64(i)*3 {
			bad++
		}
		if _, ok := m[i*7+1]; ok {
			bad++
		}
	}
	for i := int32(-5000); i < 5000; i += 2 {
		delete(m, i*7)
	}
	var sum int64
	for k, v := range m {
		sum += int64(k) + v
	}
	println("int32:", len(m), bad, sum)
	u := map[uint32]string{1: "one", 0xffffffff: "max"}
	u[2] = "two"
	u[1] += "!"
	println("uint32:", len(u), u[1], u[2], u[0xffffffff], u[3] == "")
	r := map[rune]int{'a': 1}
	r['é'] = 2
	r['a']++
	println("rune:", r['a'], r['é'], r['z'])
}

func int64Keys() {
	m := make(map[int64]int)
	const n = 200000
	for i := int64(0); i < n; i++ {
		m[i*i-i*977] = int(i)
	}
	bad := 0
	for i := int64(0); i < n; i++ {
		if v, ok := m[i*i-i*977]; !ok || v != int(i) {
			bad++
		}
	}
	for i := int64(0); i < n; i += 2 {
		delete(m, i*i-i*977)
	}
	delete(m, -1)
	sum := 0
	for _, v := range m {
		sum += v
	}
	println("int64:", len(m), bad, sum)

	ints := map[int]pair32{}
	for i := 0; i < 1000; i++ {
		ints[i] = pair32{int32(i), int32(-i)}
	}
	p := ints[500]
	ints[500] = pair32{p.b, p.a}
	println("int->struct:", len(ints), ints[500].a, ints[500].b, ints[999].a, ints[1000].a)

	u := map[uint64]bool{}
	for i := uint64(1); i != 0; i <<= 1 {
		u[i] = i&0xaaaaaaaaaaaaaaaa != 0
	}
	cnt := 0
	for _, v := range u {
		if v {
			cnt++
		}
	}
	println("uint64:", len(u), cnt, u[1<<63], u[1<<62], u[3])

	up := map[uintptr]int{^uintptr(0): 1}
	up[0]--
	println("uintptr:", up[^uintptr(0)], up[0], len(up))
}

func aggregateKeys() {
	// 4 and 8 bytes of plain memory: taken by value.
	m4 := map[[4]byte]int{}
	m8 := map[pair32]int{}
	m2 := map[[2]uint16]int{}
	for i := 0; i < 3000; i++ {
		m4[[4]byte{byte(i), byte(i >> 8), 1, 2}] = i
		m8[pair32{int32(i), int32(i * 3)}] = i * 2
		m2[[2]uint16{uint16(i), 7}]++
	}
	bad := 0
	for i := 0; i < 3000; i++ {
		if m4[[4]byte{byte(i), byte(i >> 8), 1, 2}] != i {
			bad++
		}
		if v, ok := m8[pair32{int32(i), int32(i * 3)}]; !ok || v != i*2 {
			bad++
		}
		k := pair32{int32(i), int32(i*3 + 1)}
		if _, ok := m8[k]; ok {
			bad++
		}
	}
	for i := 0; i < 3000; i += 2 {
		delete(m4, [4]byte{byte(i), byte(i >> 8), 1, 2})
		delete(m8, pair32{int32(i), int32(i * 3)})
	}
	k := pair32{1, 3}
	m8[k] += 100
	println("aggregate:", len(m4), len(m8), len(m2), m2[[2]uint16{5, 7}], m8[k], bad)
}

func pointerKeys() {
	nodes := make([]*node, 5000)
	m := make(map[*node]int)
	pk := make(map[ptrKey]int)
	up := make(map[unsafe.Pointer]string)
	for i := range nodes {
		nodes[i] = &node{i}
		m[nodes[i]] = i
		pk[ptrKey{nodes[i]}] = -i
	}
	up[unsafe.Pointer(nodes[3])] = "three"
	m[nil] = -1
	bad := 0
	for i, n := range nodes {
		if m[n] != i || pk[ptrKey{n}] != -i {
			bad++
		}
	}
	other := &node{1}
	_, ok := m[other]
	for i := 0; i < len(nodes); i += 2 {
		delete(m, nodes[i])
		delete(pk, ptrKey{nodes[i]})
	}
	sum := 0
	for n, v := range m {
		if n != nil && n.id != v {
			bad++
		}
		sum += v
	}
	m[nodes[1]]++
	println("pointers:", len(m), len(pk), m[nil], m[nodes[1]], ok, sum, bad, up[unsafe.Pointer(nodes[3])], up[nil] == "")
}

func bigElements() {
	// Elements over 128 bytes: the generic path, with the same key types.
	m := map[string]big{}
	var b []byte
	for i := 0; i < 2000; i++ {
		b = itoa(b[:0], i)
		var e big
		e[19] = int64(i)
		m[string(b)] = e
	}
	b = itoa(b[:0], 1234)
	e := m[string(b)]
	e2, ok := m[string(b)]
	m[string(b)] = big{1}
	delete(m, "7")
	println("big elements:", len(m), e[19], e2[19], ok, m["1234"][0], m["7"][19])
	mi := map[int64]big{}
	for i := int64(0); i < 500; i++ {
		mi[i] = big{i}
	}
	delete(mi, 3)
	println("big int64:", len(mi), mi[499][0], mi[3][0])
}

func panicsDivide(m map[string]int, d int) (r bool) {
	defer func() { r = recover() != nil }()
	m["div"] /= d
	return
}

func boom() int { panic("boom") }

func panicsRHS(m map[string]int) (r bool) {
	defer func() { r = recover() != nil }()
	m["rhs"] += boom()
	return
}

func evaluationOrder() {
	m := map[string]int{}
	p := panicsDivide(m, 0)
	_, in := m["div"]
	println("divide by zero:", p, in, len(m))
	p = panicsRHS(m)
	_, in = m["rhs"]
	println("panicking right side:", p, in, len(m))

	// y changes the bytes of the key after the key was evaluated.
	b := []byte("key")
	change := func() int {
		b[0] = 'K'
		return 5
	}
	m[string(b)] += change()
	println("key before y:", m["key"], m["Key"], len(m))

	// Both slots of a multiple assignment while the map grows.
	mm := map[int]int{}
	for i := 0; i < 20000; i++ {
		mm[i], mm[-i-1] = i, -i
	}
	bad := 0
	for i := 0; i < 20000; i++ {
		if mm[i] != i || mm[-i-1] != -i {
			bad++
		}
	}
	println("multiple assignment:", len(mm), bad)
	s := map[string]int{}
	s["a"], s["b"] = 1, 2
	s["a"], s["b"] = s["b"], s["a"]
	println("swap:", s["a"], s["b"])
}

func deferredDelete() {
	m := map[string]int{"abc": 1, "xyz": 2}
	b := []byte("abc")
	func() {
		defer delete(m, string(b))
		b[0] = 'x'
	}()
	println("deferred delete:", len(m), m["abc"], m["xyz"])
}

func nilMaps() {
	var s map[string]int
	var i map[int64]int
	var j map[int32]string
	b := []byte("x")
	v, ok := s[string(b)]
	delete(s, "x")
	delete(i, 5)
	println("nil maps:", s["a"], v, ok, i[3], j[4] == "", len(s))
}

func literals() {
	m := map[string]int{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9, "j": 10}
	n := map[int64]string{1: "a", 2: "b", 1 << 40: "c"}
	q := map[int32]bool{-1: true, 0: false}
	sum := 0
	for _, v := range m {
		sum += v
	}
	println("literals:", len(m), sum, n[1<<40], n[2], q[-1], q[0], len(q))
}

func smallStringMaps() {
	// One-bucket maps (lookups without hashing) with long and short keys.
	long := "abcdefghijklmnopqrstuvwxyz0123456789"
	m := map[string]int{long: 1, long[:35]: 2, long[1:]: 3, "": 4, "ab": 5, "abcd": 6, "abcdefgh": 7}
	b := []byte(long)
	println("small:", m[long], m[long[:35]], m[long[1:]], m[""], m["ab"], m["abcd"], m["abcdefgh"], m[string(b[:8])], m["abce"], m[long[:34]])
	delete(m, "ab")
	m["abc"] = 8
	println("small:", len(m), m["ab"], m["abc"])
}

func main() {
	stringKeys()
	countWords()
	namedKeys()
	int32Keys()
	int64Keys()
	aggregateKeys()
	pointerKeys()
	bigElements()
	evaluationOrder()
	deferredDelete()
	nilMaps()
	literals()
	smallStringMaps()
}
