// The runtime package API: Caller, Callers and CallersFrames (through
// inlined frames), FuncForPC, GOOS/GOARCH, NumCPU, NumGoroutine, Stack
// (gc's traceback format, cut to the buffer).
package main

import (
	"runtime"
	"strings"
)

//go:noinline
func where() (string, int) {
	_, file, line, ok := runtime.Caller(1)
	if !ok {
		return "?", 0
	}
	return file[strings.LastIndex(file, "/")+1:], line
}

//go:noinline
func names() []string {
	pcs := make([]uintptr, 10)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var out []string
	for {
		f, more := frames.Next()
		out = append(out, f.Function)
		if !more {
			break
		}
	}
	return out
}

func main() {
	f, l := where()
	println(f, l)
	ns := names()
	println(len(ns) >= 2, ns[0], ns[1])
	pc, _, _, _ := runtime.Caller(0)
	println(runtime.FuncForPC(pc).Name())
	println(runtime.GOOS, runtime.GOARCH == "amd64" || runtime.GOARCH == "arm64", runtime.NumCPU() > 0, runtime.NumGoroutine())
	buf := make([]byte, 1000)
	n := runtime.Stack(buf, false)
	trace := string(buf[:n])
	println(strings.HasPrefix(trace, "goroutine 1 [running]:\nmain.main()\n\t"), strings.Contains(trace, "runtime_api.go:"))
	// A short buffer gets the start of the trace.
	small := make([]byte, 12)
	println(runtime.Stack(small, false), string(small), runtime.Stack(nil, false))
	// Another goroutine's trace ends with the go statement, as a panic's
	// report does.
	done := make(chan string)
	go func() {
		b := make([]byte, 1000)
		done <- string(b[:runtime.Stack(b, false)])
	}()
	trace = <-done
	println(strings.HasPrefix(trace, "goroutine "), strings.Contains(trace, "\nmain.main.func1()\n\t"), strings.Contains(trace, "\ncreated by main.main\n\t"))
}
