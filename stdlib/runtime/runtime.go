// Package runtime is origo's replacement of the upstream runtime package:
// the API that Go programs and the standard library use. The functions
// declared here without a body are implemented by origo's C++ runtime
// (runtime/ in the origo tree), which gives them these Go symbol names;
// the rest is Go.
package runtime

import "unsafe"

// Compiler is the name of the compiler toolchain that built the running
// binary. origo builds with gc's conventions (build tags, ABI names), so
// code that asks for "gc" behaviour gets it.
const Compiler = "gc"

// GOOS is the running program's operating system target.
const GOOS = "linux"

// Gosched yields the processor, allowing other goroutines to run. It does
// not suspend the current goroutine, so execution resumes automatically.
func Gosched()

// NumGoroutine returns the number of goroutines that currently exist.
func NumGoroutine() int

// GOMAXPROCS sets the maximum number of CPUs that can be executing
// simultaneously and returns the previous setting. If n < 1, it does not
// change the current setting.
func GOMAXPROCS(n int) int

// NumCPU returns the number of logical CPUs usable by the current process.
func NumCPU() int

// Goexit terminates the goroutine that calls it. No other goroutine is
// affected. Goexit runs all deferred calls before terminating the
// goroutine.
func Goexit()

// LockOSThread wires the calling goroutine to its current operating
// system thread.
func LockOSThread()

// UnlockOSThread undoes an earlier call to LockOSThread.
func UnlockOSThread()

// GC runs a garbage collection. origo's collector is not written yet
// (the heap only grows), so for now GC does nothing; the call is kept so
// that programs build and behave the same once it is.
func GC() {}

// SetFinalizer sets the finalizer associated with obj. Without a
// collector nothing is ever finalized, so for now the finalizer is never
// run; obj must still be a pointer, as gc requires.
func SetFinalizer(obj any, finalizer any) {
	e := (*eface)(unsafe.Pointer(&obj))
	if e.typ == nil {
		panic(plainError("runtime.SetFinalizer: first argument is nil"))
	}
}

// KeepAlive marks its argument as currently reachable.
//
//go:noinline
func KeepAlive(x any) {}

// eface is the layout of an empty interface (origo's runtime/abi.h).
type eface struct {
	typ  unsafe.Pointer
	data unsafe.Pointer
}

// GOROOT returns the root of the Go tree: $GOROOT when set, else the
// tree origo was built to use.
func GOROOT() string {
	if s := gogetenv("GOROOT"); s != "" {
		return s
	}
	return defaultGOROOT
}

const defaultGOROOT = "/usr/lib/go-1.19"

// Version returns the Go tree's version string.
func Version() string { return buildVersion }

const buildVersion = "go1.19.8"

// gogetenv reads the environment the process started with.
func gogetenv(key string) string {
	for _, kv := range environ() {
		if len(kv) > len(key) && kv[len(key)] == '=' && kv[:len(key)] == key {
			return kv[len(key)+1:]
		}
	}
	return ""
}

// The process's arguments and environment, as the C++ runtime's main()
// received them: argc/argv and envc/envv give their C strings.
func argc() int
func argv(i int) *byte
func envc() int
func envv(i int) *byte

// gostring copies the NUL-terminated C string p.
func gostring(p *byte) string {
	n := 0
	for *(*byte)(unsafe.Add(unsafe.Pointer(p), n)) != 0 {
		n++
	}
	return string(unsafe.Slice(p, n))
}

var argslice, envs []string

func init() {
	argslice = make([]string, argc())
	for i := range argslice {
		argslice[i] = gostring(argv(i))
	}
	envs = make([]string, envc())
	for i := range envs {
		envs[i] = gostring(envv(i))
	}
}

// environ is the process environment as "KEY=value" strings.
func environ() []string { return envs }

//go:linkname os_runtime_args os.runtime_args
func os_runtime_args() []string { return append([]string{}, argslice...) }

//go:linkname syscall_runtime_envs syscall.runtime_envs
func syscall_runtime_envs() []string { return append([]string{}, envs...) }
