// Method expressions of promoted methods (S.m, (*S).m with m declared
// on an embedded T or *T) call the pkg.(*S).m wrappers.
package main

type T struct{ n int }

func (t *T) Sum(args ...int) int {
	s := t.n
	for _, a := range args {
		s += a
	}
	return s
}

func (t T) Get() int { return t.n }

type U struct {
	*T
}

type W struct {
	T
	k int
}

func main() {
	println((*U).Sum(&U{&T{1}}, 1, 3, 5, 2), U.Sum(U{&T{2}}, 1, 3, 5, 1))
	println(W.Get(W{T{7}, 1}), (*W).Get(&W{T{8}, 1}), (*W).Sum(&W{T{9}, 0}, 1))
	println(U.Get(U{&T{5}}))
}
