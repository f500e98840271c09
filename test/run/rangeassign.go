// Range loops assigning to existing variables (`=`): both left-hand sides
// are evaluated before either is assigned, as in a tuple assignment.
package main

func main() {
	x := []int{10, 20}
	i := 1
	for i, x[i] = range []int{99} {
		break
	}
	println(i, x[0], x[1])

	arr := [3]string{"a", "b", "c"}
	j := 2
	for j, arr[j] = range [2]string{"p", "q"} {
	}
	println(j, arr[0], arr[1], arr[2])

	r := make([]rune, 4)
	k := 3
	for k, r[k] = range "héllo" {
		if k > 2 {
			break
		}
	}
	println(k, string(r))

	m := map[string]int{"only": 7}
	keys := []string{"", ""}
	n := 1
	var vals [2]int
	for keys[n], vals[n] = range m {
	}
	println(keys[0], keys[1], vals[0], vals[1])

	type pair struct{ a, b int }
	p := &pair{}
	for p.a, p.b = range []int{5, 6, 7} {
	}
	println(p.a, p.b)
}
