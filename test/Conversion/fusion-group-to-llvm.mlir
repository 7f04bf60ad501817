// RUN: tsc-opt %s -tsc-outline-fusion-kernels -tsc-lower-fusion-kernels -tsc-convert-ts-to-llvm=model-name=m | FileCheck %s
// RUN: tsc-opt %s -tsc-convert-ts-to-llvm=model-name=m | FileCheck %s --check-prefix=NOKERNEL
// RUN: not tsc-opt %s -tsc-outline-fusion-kernels -tsc-convert-ts-to-llvm=model-name=m 2>&1 | FileCheck %s --check-prefix=UNLOWERED

// The method hands the group's inputs, its kernel and which inputs each
// result depends on (input 0 for the first, inputs 0 and 1 for the second:
// bits 1 and 3) to tsc_fusion_run. If the kernel ran, its outputs are the
// results; if not, the body runs as operators on copies of the inputs.
// CHECK:       llvm.mlir.global internal constant @[[DEPS:__tsc_fusion_deps_[0-9]+]](dense<[1, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0]> : tensor<16xi8>)
// CHECK:       llvm.func internal @__tsc_fusion_0
// CHECK-LABEL: llvm.func internal @m_forward_impl(
// CHECK:         %[[K:.*]] = llvm.mlir.addressof @__tsc_fusion_0
// CHECK:         %[[D:.*]] = llvm.mlir.addressof @[[DEPS]]
// No arena is planned here (-tsc-plan-memory did not run): the arena and
// the plan are null.
// CHECK:         %[[NOARENA:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK:         %[[NOPLAN:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK:         llvm.call @tsc_fusion_run(%[[K]], %{{.*}}, %{{.*}}, %[[D]], %[[OUTS:.*]], %{{.*}}, %[[NOARENA]], %[[NOPLAN]], %[[RAN:.*]]) : (!llvm.ptr, !llvm.ptr, i64, !llvm.ptr, !llvm.ptr, i64, !llvm.ptr, !llvm.ptr, !llvm.ptr) -> i32
// CHECK:         %[[R:.*]] = llvm.load %[[RAN]] : !llvm.ptr -> i8
// CHECK:         %[[DID:.*]] = llvm.icmp "ne" %[[R]]
// CHECK:         llvm.cond_br %[[DID]], ^[[CONT:.*]](%{{.*}}, %{{.*}} : !llvm.ptr, !llvm.ptr), ^[[FALLBACK:.*]]
// CHECK:       ^[[FALLBACK]]:
// CHECK:         llvm.call @tsc_value_copy
// CHECK:         llvm.call @tsc_value_copy
// CHECK:         llvm.call @tsc_aten_exp
// CHECK:         llvm.call @tsc_aten_mul_tensor
// CHECK:         llvm.br ^[[CONT]]

// Without a kernel (the outlining pass did not run) the body is all there
// is.
// NOKERNEL-LABEL: llvm.func internal @m_forward_impl(
// NOKERNEL-NOT:     tsc_fusion_run
// NOKERNEL:         llvm.call @tsc_aten_exp

// UNLOWERED: error: fusion kernel @__tsc_fusion_0 is not lowered to LLVM (run -tsc-lower-fusion-kernels)
func.func @forward(%x: !ts.tensor {ts.name = "x"}, %y: !ts.tensor {ts.name = "y"}) -> !ts.tuple<!ts.tensor, !ts.tensor> {
  %r:2 = ts.fusion_group(%x, %y) {
  ^bb0(%a: !ts.tensor, %b: !ts.tensor):
    %e = ts.aten.exp %a : (!ts.tensor) -> !ts.tensor
    %m = ts.aten.mul.Tensor %e, %b : (!ts.tensor, !ts.tensor) -> !ts.tensor
    ts.yield %e, %m : !ts.tensor, !ts.tensor
  } : (!ts.tensor, !ts.tensor) -> (!ts.tensor, !ts.tensor)
  %t = ts.prim.TupleConstruct %r#0, %r#1 : (!ts.tensor, !ts.tensor) -> !ts.tuple<!ts.tensor, !ts.tensor>
  return %t : !ts.tuple<!ts.tensor, !ts.tensor>
}
