//===- runtime/context_switch.cpp - Switching stacks, starting goroutines -===//
///
/// \file
/// The two pieces of assembly the scheduler needs per target (gc's
/// gosave/gogo and goexit's frame, asm_amd64.s / asm_arm64.s):
///
///   origo_swapcontext(Context *from, const Context *to)
///     saves sp, the return address, the frame pointer and the callee-saved
///     registers into *from and continues at *to. A call, so the compiler
///     already assumes the caller-saved registers lost.
///   origo_gostart
///     where a new goroutine begins (Context::pc of a fresh G): it calls the
///     closure kept in the first callee-saved register (rbx / x19), passing
///     it in the nest register (r10 / x18) as compiled Go code expects and
///     as the first argument for C++ entry points, then goexit. It clears
///     the frame pointer and marks the return address undefined in its CFI,
///     so frame-pointer walks and the unwinder (a panic nobody recovers)
///     both end there.
///
/// Context layout (sched.h): sp 0, pc 8, fp 16, regs 24...
///
//===----------------------------------------------------------------------===//

#include "runtime/sched.h"

#if defined(__x86_64__)
__asm__(R"(
  .text
  .globl origo_swapcontext
  .type origo_swapcontext, @function
  .p2align 4
origo_swapcontext:
  .cfi_startproc
  movq (%rsp), %rax
  leaq 8(%rsp), %rcx
  movq %rcx, 0(%rdi)
  movq %rax, 8(%rdi)
  movq %rbp, 16(%rdi)
  movq %rbx, 24(%rdi)
  movq %r12, 32(%rdi)
  movq %r13, 40(%rdi)
  movq %r14, 48(%rdi)
  movq %r15, 56(%rdi)
  movq 0(%rsi), %rsp
  movq 16(%rsi), %rbp
  movq 24(%rsi), %rbx
  movq 32(%rsi), %r12
  movq 40(%rsi), %r13
  movq 48(%rsi), %r14
  movq 56(%rsi), %r15
  jmpq *8(%rsi)
  .cfi_endproc
  .size origo_swapcontext, .-origo_swapcontext

  .globl origo_gostart
  .type origo_gostart, @function
  .p2align 4
origo_gostart:
  .cfi_startproc
  .cfi_undefined rip
  xorl %ebp, %ebp
  movq %rbx, %r10
  movq %rbx, %rdi
  callq *(%rbx)
  callq origo_goexit0
  ud2
  .cfi_endproc
  .size origo_gostart, .-origo_gostart
)");
#elif defined(__aarch64__)
__asm__(R"(
  .text
  .globl origo_swapcontext
  .type origo_swapcontext, %function
  .p2align 4
origo_swapcontext:
  .cfi_startproc
  mov x9, sp
  str x9, [x0, #0]
  str x30, [x0, #8]
  str x29, [x0, #16]
  stp x19, x20, [x0, #24]
  stp x21, x22, [x0, #40]
  stp x23, x24, [x0, #56]
  stp x25, x26, [x0, #72]
  stp x27, x28, [x0, #88]
  stp d8, d9, [x0, #104]
  stp d10, d11, [x0, #120]
  stp d12, d13, [x0, #136]
  stp d14, d15, [x0, #152]
  ldr x9, [x1, #0]
  mov sp, x9
  ldr x30, [x1, #8]
  ldr x29, [x1, #16]
  ldp x19, x20, [x1, #24]
  ldp x21, x22, [x1, #40]
  ldp x23, x24, [x1, #56]
  ldp x25, x26, [x1, #72]
  ldp x27, x28, [x1, #88]
  ldp d8, d9, [x1, #104]
  ldp d10, d11, [x1, #120]
  ldp d12, d13, [x1, #136]
  ldp d14, d15, [x1, #152]
  ret
  .cfi_endproc
  .size origo_swapcontext, .-origo_swapcontext

  .globl origo_gostart
  .type origo_gostart, %function
  .p2align 4
origo_gostart:
  .cfi_startproc
  .cfi_undefined x30
  mov x29, xzr
  mov x30, xzr
  mov x18, x19
  mov x0, x19
  ldr x9, [x19]
  blr x9
  bl origo_goexit0
  brk #0
  .cfi_endproc
  .size origo_gostart, .-origo_gostart
)");
#else
#error "context switch: unsupported target"
#endif
