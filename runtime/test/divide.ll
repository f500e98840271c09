; A hand-written stand-in for what codegen emits for divide.go: the
; runtime.print* calls of println, a division by zero that calls
; runtime.panicdivide, a stack map after every call (ID = source line), the
; origo_funcs table, and an init function. Built with llc-19 for each target
; by run.sh; the output must match gc's (see README.md).
; INITS: main.init

declare void @llvm.experimental.stackmap(i64, i32, ...)
; Runtime entry points. runtime.panicdivide never returns but is declared
; without noreturn, so that the stack map after the call survives.
declare void @runtime.printlock()
declare void @runtime.printunlock()
declare void @runtime.printsp()
declare void @runtime.printnl()
declare void @runtime.printint(i64)
declare void @runtime.printuint(i64)
declare void @runtime.printbool(i1 zeroext)
declare void @runtime.printstring(ptr, i64)
declare void @runtime.printfloat(double)
declare void @runtime.printcomplex(double, double)
declare void @runtime.printpointer(ptr)
declare void @runtime.panicdivide()

@main.n = global i64 0
@main.z = global double 0.0

@str.0 = private constant [2 x i8] c"hi"
@str.1 = private constant [4 x i8] c"init"


; func init() { println("init") }
define void @main.init() #0 {
  call void @runtime.printlock()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 6, i32 0)
  call void @runtime.printstring(ptr @str.1, i64 4)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 6, i32 0)
  call void @runtime.printnl()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 6, i32 0)
  call void @runtime.printunlock()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 6, i32 0)
  ret void
}

; func f(a, b int) int { return a / b }
define i64 @main.f(i64 %a, i64 %b) #1 {
  %zero = icmp eq i64 %b, 0
  br i1 %zero, label %panic, label %divide
panic:
  call void @runtime.panicdivide()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 8, i32 0)
  unreachable
divide:
  %q = sdiv i64 %a, %b
  ret i64 %q
}

define void @main.main() #0 {
  %z = load volatile double, ptr @main.z
  %nan = fdiv double %z, %z
  %pinf = fdiv double 1.0, %z
  %ninf = fdiv double -1.0, %z
  %negz = fneg double %z

  call void @runtime.printlock()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 11, i32 0)
  call void @runtime.printstring(ptr @str.0, i64 2)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 11, i32 0)
  call void @runtime.printsp()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 11, i32 0)
  call void @runtime.printint(i64 42)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 11, i32 0)
  call void @runtime.printsp()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 11, i32 0)
  call void @runtime.printint(i64 -7)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 11, i32 0)
  call void @runtime.printsp()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 11, i32 0)
  call void @runtime.printbool(i1 true)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 11, i32 0)
  call void @runtime.printsp()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 11, i32 0)
  call void @runtime.printbool(i1 false)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 11, i32 0)
  call void @runtime.printsp()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 11, i32 0)
  call void @runtime.printuint(i64 -1)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 11, i32 0)
  call void @runtime.printsp()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 11, i32 0)
  call void @runtime.printint(i64 -9223372036854775808)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 11, i32 0)
  call void @runtime.printnl()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 11, i32 0)
  call void @runtime.printunlock()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 11, i32 0)
  call void @runtime.printlock()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 12, i32 0)
  call void @runtime.printfloat(double 0x3FF8000000000000)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 12, i32 0)
  call void @runtime.printsp()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 12, i32 0)
  call void @runtime.printcomplex(double 0x3FF0000000000000, double 0x4000000000000000)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 12, i32 0)
  call void @runtime.printsp()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 12, i32 0)
  call void @runtime.printfloat(double 0.0)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 12, i32 0)
  call void @runtime.printsp()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 12, i32 0)
  call void @runtime.printfloat(double 0xFE37E43C8800759C)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 12, i32 0)
  call void @runtime.printsp()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 12, i32 0)
  call void @runtime.printfloat(double 0x000012688B70E62B)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 12, i32 0)
  call void @runtime.printsp()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 12, i32 0)
  call void @runtime.printfloat(double 0x419D6F3454000000)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 12, i32 0)
  call void @runtime.printsp()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 12, i32 0)
  call void @runtime.printfloat(double 0x3FB999999999999A)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 12, i32 0)
  call void @runtime.printsp()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 12, i32 0)
  call void @runtime.printfloat(double 0x4023FFFFFCA501AD)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 12, i32 0)
  call void @runtime.printnl()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 12, i32 0)
  call void @runtime.printunlock()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 12, i32 0)
  call void @runtime.printlock()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 13, i32 0)
  call void @runtime.printfloat(double %nan)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 13, i32 0)
  call void @runtime.printsp()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 13, i32 0)
  call void @runtime.printfloat(double %pinf)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 13, i32 0)
  call void @runtime.printsp()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 13, i32 0)
  call void @runtime.printfloat(double %ninf)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 13, i32 0)
  call void @runtime.printsp()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 13, i32 0)
  call void @runtime.printfloat(double %negz)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 13, i32 0)
  call void @runtime.printsp()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 13, i32 0)
  call void @runtime.printpointer(ptr null)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 13, i32 0)
  call void @runtime.printnl()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 13, i32 0)
  call void @runtime.printunlock()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 13, i32 0)

  %n = load volatile i64, ptr @main.n
  %r = call i64 @main.f(i64 7, i64 %n)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 14, i32 0)
  call void @runtime.printlock()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 14, i32 0)
  call void @runtime.printint(i64 %r)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 14, i32 0)
  call void @runtime.printnl()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 14, i32 0)
  call void @runtime.printunlock()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 14, i32 0)
  ret void
}

@name.init = private constant [10 x i8] c"main.init\00"
@name.f = private constant [7 x i8] c"main.f\00"
@name.main = private constant [10 x i8] c"main.main\00"
@file = private constant [30 x i8] c"/origo/runtime/test/divide.go\00"

; The module's function table (runtime/abi.h, FuncMeta); flags bit 0: has
; parameters.
@origo.funcs = internal constant [3 x { ptr, ptr, ptr, i64, ptr, i64 }] [
  { ptr, ptr, ptr, i64, ptr, i64 } { ptr @main.init, ptr @name.init, ptr @file, i64 0, ptr null, i64 0 },
  { ptr, ptr, ptr, i64, ptr, i64 } { ptr @main.f, ptr @name.f, ptr @file, i64 1, ptr null, i64 0 },
  { ptr, ptr, ptr, i64, ptr, i64 } { ptr @main.main, ptr @name.main, ptr @file, i64 0, ptr null, i64 0 }
], section "origo_funcs", align 8
@llvm.used = appending global [1 x ptr] [ptr @origo.funcs], section "llvm.metadata"

attributes #0 = { "frame-pointer"="all" }
attributes #1 = { noinline "frame-pointer"="all" }
