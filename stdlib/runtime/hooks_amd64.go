package runtime

import "unsafe"

// syscall's gettimeofday is assembly on amd64 (through the vDSO in gc);
// here it is the system call.
//
//go:linkname syscall_gettimeofday syscall.gettimeofday
func syscall_gettimeofday(tv unsafe.Pointer) uintptr {
	const sysGettimeofday = 96
	_, errno := rawsyscall6(sysGettimeofday, uintptr(tv), 0, 0, 0, 0, 0)
	return errno
}
