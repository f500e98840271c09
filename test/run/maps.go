// Maps: literals, make, index (zero value when missing), comma-ok,
// assignment and op-assignment, delete, len, range, nil maps (reads
// work, assignment panics with gc's message).
package main

type P struct{ x, y int }

func main() {
	m := map[string]int{"a": 1, "b": 2}
	m["c"] = 3
	m["a"] += 10
	m["b"]++
	println(len(m), m["a"], m["b"], m["c"], m["zz"])
	v, ok := m["c"]
	w, ok2 := m["nope"]
	println(v, ok, w, ok2)
	delete(m, "b")
	_, ok = m["b"]
	println(ok, len(m))
	sum := 0
	keys := 0
	for k, v := range m {
		sum += v
		keys += len(k)
	}
	println(sum, keys)
	ints := make(map[int]P)
	for i := 0; i < 100; i++ {
		ints[i] = P{i, i * i}
	}
	println(len(ints), ints[7].y, ints[99].x)
	var nm map[string]bool
	println(nm == nil, len(nm), nm["x"])
	fm := map[float64]string{1.5: "x"}
	println(fm[1.5])
	nm["boom"] = true
}
