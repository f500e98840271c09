// Packages of the standard library compiled from upstream sources
// (container/ring, container/heap, sort, strconv, errors, math,
// unicode/utf8), each into its own cached object.
package main

import (
	"container/heap"
	"container/ring"
	"errors"
	"math"
	"sort"
	"strconv"
	"unicode/utf8"
)

type intHeap []int

func (h intHeap) Len() int           { return len(h) }
func (h intHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[:n-1]
	return x
}

type myErr struct{ code int }

func (e *myErr) Error() string { return "code " + strconv.Itoa(e.code) }

func main() {
	r := ring.New(4)
	for i := 0; i < r.Len(); i++ {
		r.Value = i * i
		r = r.Next()
	}
	r.Do(func(v any) { print(v.(int), " ") })
	println()

	h := &intHeap{5, 2, 8, 1}
	heap.Init(h)
	heap.Push(h, 3)
	for h.Len() > 0 {
		print(heap.Pop(h).(int), " ")
	}
	println()

	words := []string{"pear", "apple", "fig", "banana"}
	sort.Strings(words)
	println(words[0], words[1], words[2], words[3])
	people := []struct {
		name string
		age  int
	}{{"a", 30}, {"b", 20}, {"c", 25}}
	sort.Slice(people, func(i, j int) bool { return people[i].age < people[j].age })
	println(people[0].name, people[1].name, people[2].name)

	n, err := strconv.Atoi("12x")
	println(n, err.Error())
	f, _ := strconv.ParseFloat("2.5e3", 64)
	println(strconv.FormatFloat(f, 'g', -1, 64), strconv.Quote("tab\there"), strconv.FormatInt(-255, 16))

	base := &myErr{7}
	var target *myErr
	println(errors.As(base, &target), target.code, errors.Is(base, base))
	println(errors.Unwrap(base) == nil)

	println(math.Sqrt(2), math.Floor(-1.5), math.Max(3, math.NaN()), math.Inf(1))
	println(math.Exp(1), math.Log(10), math.Hypot(3, 4))
	ip, fp := math.Modf(3.25)
	println(ip, fp)

	println(utf8.RuneCountInString("héllo, 世界"), utf8.ValidString("a\xffb"))
}
