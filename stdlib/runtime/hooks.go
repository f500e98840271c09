package runtime

import "unsafe"

// The functions upstream packages declare without a body and expect the
// runtime to provide (gc pushes them there with //go:linkname); those
// that need the machine or the scheduler are the C++ runtime's
// (runtime/goapi.cpp; sema.cpp: sync's semaphores, notify lists,
// spinning, procPin, throw; sched.cpp: entersyscall/exitsyscall), these
// are Go.

// Primitives of the C++ runtime.
func nanotime() int64
func walltime() (sec int64, nsec int32)
func rawsyscall6(trap, a1, a2, a3, a4, a5, a6 uintptr) (r1, errno uintptr)
func exit(code int)
func fastrand() uint32

//go:linkname time_now time.now
func time_now() (sec int64, nsec int32, mono int64) {
	sec, nsec = walltime()
	return sec, nsec, nanotime()
}

//go:linkname syscall_RawSyscall6 syscall.RawSyscall6
func syscall_RawSyscall6(trap, a1, a2, a3, a4, a5, a6 uintptr) (r1, r2, err uintptr) {
	r1, err = rawsyscall6(trap, a1, a2, a3, a4, a5, a6)
	return r1, 0, err
}

//go:linkname syscall_rawSyscallNoError syscall.rawSyscallNoError
func syscall_rawSyscallNoError(trap, a1, a2, a3 uintptr) (r1, r2 uintptr) {
	r1, _ = rawsyscall6(trap, a1, a2, a3, 0, 0, 0)
	return r1, 0
}

//go:linkname syscall_Exit syscall.Exit
func syscall_Exit(code int) { exit(code) }

//go:linkname syscall_Getpagesize syscall.Getpagesize
func syscall_Getpagesize() int { return 4096 }

//go:linkname syscall_runtime_doAllThreadsSyscall syscall.runtime_doAllThreadsSyscall
func syscall_runtime_doAllThreadsSyscall(trap, a1, a2, a3, a4, a5, a6 uintptr) (r1, r2, err uintptr) {
	// Changing the credentials of every thread (setuid and friends) is
	// not supported yet: ENOTSUP, as gc answers with cgo in the way.
	return ^uintptr(0), 0, 95
}

// The process environment as the program changes it: no C code reads it.
//
//go:linkname syscall_setenv_c syscall.setenv_c
func syscall_setenv_c(k, v string) {}

//go:linkname syscall_unsetenv_c syscall.unsetenv_c
func syscall_unsetenv_c(k string) {}

//go:linkname syscall_runtimeSetenv syscall.runtimeSetenv
func syscall_runtimeSetenv(k, v string) {}

//go:linkname syscall_runtimeUnsetenv syscall.runtimeUnsetenv
func syscall_runtimeUnsetenv(k string) {}

// Fork and exec: the scheduler has no signal state to save yet.
//
//go:linkname syscall_runtime_BeforeFork syscall.runtime_BeforeFork
func syscall_runtime_BeforeFork() {}

//go:linkname syscall_runtime_AfterFork syscall.runtime_AfterFork
func syscall_runtime_AfterFork() {}

//go:linkname syscall_runtime_AfterForkInChild syscall.runtime_AfterForkInChild
func syscall_runtime_AfterForkInChild() {}

//go:linkname syscall_runtime_BeforeExec syscall.runtime_BeforeExec
func syscall_runtime_BeforeExec() {}

//go:linkname syscall_runtime_AfterExec syscall.runtime_AfterExec
func syscall_runtime_AfterExec() {}

//go:linkname os_runtime_beforeExit os.runtime_beforeExit
func os_runtime_beforeExit() {}

//go:linkname os_fastrand os.fastrand
func os_fastrand() uint32 { return fastrand() }

// internal/poll's network poller hooks. There is no poller yet: opening
// fails with ENOSYS, which makes os and internal/poll use blocking
// system calls for the descriptor (as for a file the poller rejects).
//
//go:linkname poll_runtime_pollServerInit internal/poll.runtime_pollServerInit
func poll_runtime_pollServerInit() {}

//go:linkname poll_runtime_pollOpen internal/poll.runtime_pollOpen
func poll_runtime_pollOpen(fd uintptr) (uintptr, int) { return 0, 38 }

//go:linkname poll_runtime_pollClose internal/poll.runtime_pollClose
func poll_runtime_pollClose(ctx uintptr) {}

//go:linkname poll_runtime_pollWait internal/poll.runtime_pollWait
func poll_runtime_pollWait(ctx uintptr, mode int) int { return 0 }

//go:linkname poll_runtime_pollWaitCanceled internal/poll.runtime_pollWaitCanceled
func poll_runtime_pollWaitCanceled(ctx uintptr, mode int) {}

//go:linkname poll_runtime_pollReset internal/poll.runtime_pollReset
func poll_runtime_pollReset(ctx uintptr, mode int) int { return 0 }

//go:linkname poll_runtime_pollSetDeadline internal/poll.runtime_pollSetDeadline
func poll_runtime_pollSetDeadline(ctx uintptr, d int64, mode int) {}

//go:linkname poll_runtime_pollUnblock internal/poll.runtime_pollUnblock
func poll_runtime_pollUnblock(ctx uintptr) {}

//go:linkname poll_runtime_isPollServerDescriptor internal/poll.runtime_isPollServerDescriptor
func poll_runtime_isPollServerDescriptor(fd uintptr) bool { return false }



// cgocaller calls a C function; origo builds without cgo, so nothing
// reaches it (syscall's AllThreadsSyscall checks cgo first).
//
//go:linkname syscall_cgocaller syscall.cgocaller
func syscall_cgocaller(fn unsafe.Pointer, args ...uintptr) uintptr {
	panic(plainError("syscall: cgo is not supported by origo"))
}

// rawVforkSyscall starts a child sharing the parent's stack (vfork), which
// needs assembly origo does not have yet: starting processes fails with
// ENOSYS for now.
//
//go:linkname syscall_rawVforkSyscall syscall.rawVforkSyscall
func syscall_rawVforkSyscall(trap, a1, a2 uintptr) (r1 uintptr, err uintptr) {
	return ^uintptr(0), 38
}

//go:linkname sync_fastrandn sync.fastrandn
func sync_fastrandn(n uint32) uint32 { return uint32(uint64(fastrand()) * uint64(n) >> 32) }
