// RUN: tsc-opt %s -tsc-outline-fusion-kernels -tsc-lower-fusion-kernels -tsc-convert-ts-to-llvm=model-name=m | FileCheck %s

// A function with an arena (-tsc-plan-memory) gets this thread's arena
// for it on entry, keyed by a slot of the object, and fails as any
// runtime call does. A group with planned results hands the runtime the
// arena and a constant {offset, bytes} per result (i64s, little-endian):
// -1 and 0 for a result left to the allocator, its offset and bytes
// otherwise.
// CHECK-DAG:   llvm.mlir.global internal @[[KEY:__tsc_cache_[0-9]+]]()
// CHECK-DAG:   llvm.mlir.global internal constant @[[PLAN:__tsc_arena_plan_[0-9]+]](dense<[-1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 64, 0, 0, 0, 0, 0, 0, 0, 64, 0, 0, 0, 0, 0, 0, 0]> : tensor<32xi8>)
// CHECK-LABEL: llvm.func internal @m_forward_impl(
// CHECK:         %[[SLOT:.*]] = llvm.mlir.addressof @[[KEY]] : !llvm.ptr
// CHECK:         %[[SIZE:.*]] = llvm.mlir.constant(128 : i64) : i64
// CHECK:         %[[STATUS:.*]] = llvm.call @tsc_arena_get(%[[SLOT]], %[[SIZE]], %[[OUT:[0-9]+]])
// CHECK:         llvm.icmp "ne" %[[STATUS]]
// CHECK:         %[[ARENA:.*]] = llvm.load %[[OUT]] : !llvm.ptr -> !llvm.ptr
// CHECK:         %[[PLANNED:.*]] = llvm.mlir.addressof @[[PLAN]] : !llvm.ptr
// CHECK:         llvm.call @tsc_fusion_run(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[ARENA]], %[[PLANNED]], %{{.*}})
func.func @forward(%x: !ts.tensor<[16], f32> {ts.name = "x"}) -> !ts.tensor attributes {ts.arena_size = 128 : i64} {
  %one = ts.prim.Constant(1 : i64) : i64
  %r:2 = ts.fusion_group(%x) {
  ^bb0(%a: !ts.tensor<[16], f32>):
    %e = ts.aten.exp %a : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
    %t = ts.aten.tanh %a : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
    ts.yield %e, %t : !ts.tensor<[16], f32>, !ts.tensor<[16], f32>
  } {arena_offsets = array<i64: -1, 64>} : (!ts.tensor<[16], f32>) -> (!ts.tensor<[16], f32>, !ts.tensor<[16], f32>)
  %s = ts.aten.add.Tensor %r#0, %r#1, %one : (!ts.tensor<[16], f32>, !ts.tensor<[16], f32>, i64) -> !ts.tensor
  return %s : !ts.tensor
}
