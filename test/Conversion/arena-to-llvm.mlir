// RUN: tsc-opt %s -tsc-outline-fusion-kernels -tsc-lower-fusion-kernels -tsc-convert-ts-to-llvm=model-name=m | FileCheck %s

// A function with an arena (-tsc-plan-memory) gets this thread's arena
// for it on entry, keyed by a slot of the object, and fails as any
// runtime call does. A group with planned results hands the runtime one
// {data, bytes} per result: null and 0 for a result left to the
// allocator, the arena plus its offset and its bytes otherwise.
// CHECK:       llvm.mlir.global internal @[[KEY:__tsc_cache_[0-9]+]]()
// CHECK-LABEL: llvm.func internal @m_forward_impl(
// CHECK:         %[[PLANNED:.*]] = llvm.alloca %{{.*}} x !llvm.struct<(ptr, i64)>
// CHECK:         %[[SLOT:.*]] = llvm.mlir.addressof @[[KEY]] : !llvm.ptr
// CHECK:         %[[SIZE:.*]] = llvm.mlir.constant(128 : i64) : i64
// CHECK:         %[[STATUS:.*]] = llvm.call @tsc_arena_get(%[[SLOT]], %[[SIZE]], %[[OUT:[0-9]+]])
// CHECK:         llvm.icmp "ne" %[[STATUS]]
// CHECK:         %[[ARENA:.*]] = llvm.load %[[OUT]] : !llvm.ptr -> !llvm.ptr
// CHECK:         %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK:         %[[D0:.*]] = llvm.getelementptr %[[PLANNED]][0, 0]
// CHECK:         llvm.store %[[NULL]], %[[D0]]
// CHECK:         %[[B0:.*]] = llvm.getelementptr %[[PLANNED]][0, 1]
// CHECK:         %[[ZERO:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK:         llvm.store %[[ZERO]], %[[B0]]
// CHECK:         %[[OFFSET:.*]] = llvm.mlir.constant(64 : i64) : i64
// CHECK:         %[[AT:.*]] = llvm.getelementptr %[[ARENA]][%[[OFFSET]]] : (!llvm.ptr, i64) -> !llvm.ptr, i8
// CHECK:         %[[D1:.*]] = llvm.getelementptr %[[PLANNED]][1, 0]
// CHECK:         llvm.store %[[AT]], %[[D1]]
// CHECK:         %[[B1:.*]] = llvm.getelementptr %[[PLANNED]][1, 1]
// CHECK:         %[[BYTES:.*]] = llvm.mlir.constant(64 : i64) : i64
// CHECK:         llvm.store %[[BYTES]], %[[B1]]
// CHECK:         llvm.call @tsc_fusion_run(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[PLANNED]], %{{.*}})
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
