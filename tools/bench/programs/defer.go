// Defer: a loop calling small functions that use defer — unlocking a
// pretend mutex, restoring state, changing a named result — and now and
// then a panic that a deferred function recovers.
package main

const (
	calls      = 80000000
	panicEvery = 1000
)

type mutex struct {
	locked bool
	n      int
}

func (m *mutex) lock() {
	if m.locked {
		panic("double lock")
	}
	m.locked = true
	m.n++
}

func (m *mutex) unlock() { m.locked = false }

var mu mutex
var depth int

// guarded holds the lock for the length of the call, the commonest use
// of defer.
func guarded(x int) int {
	mu.lock()
	defer mu.unlock()
	return x*3 + mu.n&7
}

// traced restores a global on exit and changes its named result.
func traced(x int) (r int) {
	depth++
	defer func() {
		depth--
		r += depth
	}()
	r = x ^ 0x2a
	return
}

// twoDefers runs two deferred calls in reverse order.
func twoDefers(x int) (r int) {
	defer func() { r = r*2 + 1 }()
	defer func() { r += x & 3 }()
	return x
}

// mayPanic panics on some inputs; safe recovers and reports it.
func mayPanic(x int) int {
	if x%panicEvery == 0 {
		panic(x)
	}
	return x & 0xff
}

func safe(x int) (r int, failed bool) {
	defer func() {
		if e := recover(); e != nil {
			r = e.(int) & 0xf
			failed = true
		}
	}()
	return mayPanic(x), false
}

// loopDefer defers in a loop, which cannot be open-coded.
func loopDefer(n int) (r int) {
	for i := 0; i < n; i++ {
		defer func(i int) { r += i }(i)
	}
	return 0
}

func main() {
	sum := 0
	failures := 0
	for i := 1; i <= calls; i++ {
		sum += guarded(i)
		sum += traced(i)
		sum += twoDefers(i)
		r, failed := safe(i)
		sum += r
		if failed {
			failures++
		}
		if i%16 == 0 {
			sum += loopDefer(i & 7)
		}
		sum &= 0xffffffffffff
	}
	println("checksum:", sum, "recovered:", failures, "locks:", mu.n, "depth:", depth)
}
