// RUN: tsc-opt %s -tsc-outline-fusion-gpu-kernels="unroll=1 vectorize=false" | FileCheck %s
// RUN: tsc-opt %s -tsc-outline-fusion-gpu-kernels=vectorize=false | FileCheck %s --check-prefix=UNROLL
// RUN: tsc-opt %s -tsc-outline-fusion-gpu-kernels="unroll=2 vectorize=false" | FileCheck %s --check-prefix=UNROLL2
// RUN: tsc-opt %s -tsc-outline-fusion-gpu-kernels | FileCheck %s --check-prefix=VEC
// RUN: not tsc-opt %s -tsc-outline-fusion-gpu-kernels=unroll=0 2>&1 | FileCheck %s --check-prefix=UNROLL0
// RUN: tsc-opt %s -tsc-outline-fusion-gpu-kernels -tsc-lower-gpu-kernels | FileCheck %s --check-prefix=NVVM
// RUN: tsc-opt %s -tsc-outline-fusion-gpu-kernels -tsc-lower-gpu-kernels -tsc-serialize-gpu-kernels=chip=sm_90 | FileCheck %s --check-prefix=PTX
// RUN: tsc-opt %s -tsc-outline-fusion-gpu-kernels -tsc-lower-gpu-kernels -tsc-serialize-gpu-kernels | FileCheck %s --check-prefix=SM80
// RUN: not tsc-opt %s -tsc-outline-fusion-gpu-kernels -tsc-lower-gpu-kernels -tsc-serialize-gpu-kernels=chip=sm_99x 2>&1 | FileCheck %s --check-prefix=BADCHIP

// The groups name their kernels in the gpu.module @__tsc_cuda.
// CHECK:       module attributes {gpu.container_module}
// CHECK-LABEL: func.func @chain
// CHECK:         ts.fusion_group(%arg0, %arg1) kernel @__tsc_cuda::@__tsc_fusion_0 {
// CHECK-LABEL: func.func @softmax
// CHECK:         ts.fusion_group(%arg0, %arg1) kernel @__tsc_cuda::@__tsc_fusion_1 {

// Elementwise: (n, out0, out1, in0, in1, stride0, stride1); a grid-stride
// loop from this thread's global index, loading input i at index times its
// stride, storing the outputs densely.
// CHECK:       gpu.module @__tsc_cuda {
// CHECK:         gpu.func @__tsc_fusion_0(%[[N:[a-z0-9]+]]: i64, %[[OUT0:[a-z0-9]+]]: !llvm.ptr<1>, %[[OUT1:[a-z0-9]+]]: !llvm.ptr<1>, %[[IN0:[a-z0-9]+]]: !llvm.ptr<1>, %[[IN1:[a-z0-9]+]]: !llvm.ptr<1>, %[[S0:[a-z0-9]+]]: i64, %[[S1:[a-z0-9]+]]: i64) kernel {
// CHECK:           %[[TID:.*]] = gpu.thread_id x
// CHECK:           %[[BID:.*]] = gpu.block_id x
// CHECK:           %[[BDIM:.*]] = gpu.block_dim x
// CHECK:           %[[GDIM:.*]] = gpu.grid_dim x
// CHECK:           %[[FIRST:.*]] = arith.addi
// CHECK:           %[[THREADS:.*]] = arith.muli
// CHECK:           scf.for %[[I:[a-z0-9]+]] = %[[FIRST]] to %[[N]] step %[[THREADS]] : i64 {
// CHECK:             %[[O0:.*]] = arith.muli %[[I]], %[[S0]] : i64
// CHECK:             llvm.getelementptr %[[IN0]][%[[O0]]] : (!llvm.ptr<1>, i64) -> !llvm.ptr<1>, f32
// CHECK:             llvm.load {{.*}} : !llvm.ptr<1> -> f32
// CHECK:             %[[O1:.*]] = arith.muli %[[I]], %[[S1]] : i64
// CHECK:             llvm.getelementptr %[[IN1]][%[[O1]]]
// CHECK:             arith.mulf {{.*}} : f32
// CHECK:             arith.addf {{.*}} : f32
// CHECK:             %[[T:.*]] = math.tanh {{.*}} : f32
// CHECK:             %[[Q:.*]] = math.sqrt %[[T]] : f32
// CHECK:             %[[P0:.*]] = llvm.getelementptr %[[OUT0]][%[[I]]]
// CHECK:             llvm.store %[[T]], %[[P0]]
// CHECK:             %[[P1:.*]] = llvm.getelementptr %[[OUT1]][%[[I]]]
// CHECK:             llvm.store %[[Q]], %[[P1]]
// CHECK:           gpu.return

// By default the loop takes four elements a step, `threads` apart, and
// loads all of them before it stores any (outputs may alias inputs); the
// remainder loop, one element a step, starts where it stopped.
// UNROLL:       gpu.func @__tsc_fusion_0(%[[N:[a-z0-9]+]]: i64,
// UNROLL:         %[[FIRST:.*]] = arith.addi
// UNROLL:         %[[THREADS:.*]] = arith.muli
// UNROLL:         %[[SPAN:.*]] = arith.muli %[[THREADS]], %c4_i64 : i64
// UNROLL:         %[[LAST:.*]] = arith.muli %[[THREADS]], %c3_i64 : i64
// UNROLL:         %[[BOUND:.*]] = arith.subi %[[N]], %[[LAST]] : i64
// UNROLL:         %[[NEXT:.*]] = scf.for %[[B:[a-z0-9]+]] = %[[FIRST]] to %[[BOUND]] step %[[SPAN]] iter_args(%{{.*}} = %[[FIRST]]) -> (i64)
// UNROLL-COUNT-8:   llvm.load
// UNROLL-NOT:       llvm.store
// UNROLL:           math.tanh
// UNROLL-NOT:       llvm.load
// UNROLL-COUNT-8:   llvm.store
// UNROLL-NOT:       llvm.load
// UNROLL:           %[[STEP:.*]] = arith.addi %[[B]], %[[SPAN]] : i64
// UNROLL:           scf.yield %[[STEP]] : i64
// UNROLL:         scf.for %{{.*}} = %[[NEXT]] to %[[N]] step %[[THREADS]] : i64 {
// UNROLL-COUNT-2:   llvm.load
// UNROLL-COUNT-2:   llvm.store
// UNROLL:         gpu.return
// UNROLL2:      gpu.func @__tsc_fusion_0(
// UNROLL2:        arith.muli %{{.*}}, %c2_i64 : i64
// UNROLL2:        scf.for {{.*}} iter_args
// UNROLL2-COUNT-4:  llvm.load
// UNROLL2-NOT:      llvm.load
// UNROLL2-COUNT-4:  llvm.store
// UNROLL2:        scf.yield
// UNROLL0: error: -tsc-outline-fusion-gpu-kernels: unroll must be at least 1, got 0

// With vectorize (the default), a version with 128-bit accesses runs when
// every stride is 1 and every buffer 16-byte aligned: vector v is elements
// 4v to 4v + 3, each lane computed from its element; then the last n % 4
// elements one at a time. The other version is the scalar loops above.
// VEC:       gpu.func @__tsc_fusion_0(%[[N:[a-z0-9]+]]: i64, %[[OUT0:[a-z0-9]+]]: !llvm.ptr<1>, %[[OUT1:[a-z0-9]+]]: !llvm.ptr<1>, %[[IN0:[a-z0-9]+]]: !llvm.ptr<1>, %[[IN1:[a-z0-9]+]]: !llvm.ptr<1>, %[[S0:[a-z0-9]+]]: i64, %[[S1:[a-z0-9]+]]: i64) kernel {
// VEC:         %[[FIRST:.*]] = arith.addi
// VEC:         %[[THREADS:.*]] = arith.muli
// VEC-DAG:     arith.cmpi eq, %[[S0]], %c1_i64
// VEC-DAG:     arith.cmpi eq, %[[S1]], %c1_i64
// VEC-DAG:     llvm.ptrtoint %[[OUT0]]
// VEC-DAG:     llvm.ptrtoint %[[OUT1]]
// VEC-DAG:     llvm.ptrtoint %[[IN0]]
// VEC-DAG:     llvm.ptrtoint %[[IN1]]
// VEC:         %[[OK:.*]] = arith.andi {{.*}} : i1
// VEC:         scf.if %[[OK]] {
// VEC:           %[[VECTORS:.*]] = arith.divsi %[[N]], %c4_i64 : i64
// VEC:           scf.for %[[V:[a-z0-9]+]] = %[[FIRST]] to %[[VECTORS]] step %[[THREADS]] : i64 {
// VEC:             %[[BASE:.*]] = arith.muli %[[V]], %c4_i64 : i64
// VEC:             %[[P0:.*]] = llvm.getelementptr %[[IN0]][%[[BASE]]]
// VEC:             %[[X0:.*]] = llvm.load %[[P0]] {alignment = 16 : i64} : !llvm.ptr<1> -> vector<4xf32>
// VEC:             %[[P1:.*]] = llvm.getelementptr %[[IN1]][%[[BASE]]]
// VEC:             %[[X1:.*]] = llvm.load %[[P1]] {alignment = 16 : i64} : !llvm.ptr<1> -> vector<4xf32>
// VEC-COUNT-4:     llvm.extractelement %[[X0]]
// VEC-COUNT-4:     llvm.insertelement
// VEC:             llvm.store %{{.*}}, %{{.*}} {alignment = 16 : i64} : vector<4xf32>, !llvm.ptr<1>
// VEC-COUNT-4:     llvm.insertelement
// VEC:             llvm.store %{{.*}}, %{{.*}} {alignment = 16 : i64} : vector<4xf32>, !llvm.ptr<1>
// VEC:           }
// VEC:           %[[WHOLE:.*]] = arith.muli %[[VECTORS]], %c4_i64 : i64
// VEC:           %[[REST:.*]] = arith.addi %[[WHOLE]], %[[FIRST]] : i64
// VEC:           scf.for %{{.*}} = %[[REST]] to %[[N]] step %[[THREADS]] : i64 {
// VEC:           } else {
// VEC:             scf.for {{.*}} iter_args
// VEC-COUNT-8:       llvm.load {{.*}} : !llvm.ptr<1> -> f32
// VEC:           gpu.return

// Rows, likewise: when the row length and the row strides are multiples of
// four and every buffer is aligned, each lane takes four elements at a
// time, 128 apart, loaded and stored whole, and combines the four before
// its running statistic.
// VEC:       gpu.func @__tsc_fusion_1(%[[ROWS:[a-z0-9]+]]: i64, %[[LEN:[a-z0-9]+]]: i64, %[[ROUT:[a-z0-9]+]]: !llvm.ptr<1>, %[[RIN0:[a-z0-9]+]]: !llvm.ptr<1>, %[[RIN1:[a-z0-9]+]]: !llvm.ptr<1>, %[[RS0:[a-z0-9]+]]: i64, %[[RS1:[a-z0-9]+]]: i64) kernel {
// VEC-DAG:     arith.andi %[[LEN]], %c3_i64{{.*}} : i64
// VEC-DAG:     arith.andi %[[RS0]], %c3_i64{{.*}} : i64
// VEC-DAG:     arith.andi %[[RS1]], %c3_i64{{.*}} : i64
// VEC-DAG:     llvm.ptrtoint %[[ROUT]]
// VEC-DAG:     llvm.ptrtoint %[[RIN0]]
// VEC-DAG:     llvm.ptrtoint %[[RIN1]]
// VEC:         scf.if
// VEC:           %[[START:.*]] = arith.muli %{{.*}}, %c4_i64 : i64
// VEC:           scf.for %{{.*}} = %{{.*}} to %[[ROWS]] step
// VEC:             scf.for %{{.*}} = %[[START]] to %[[LEN]] step %c128_i64{{.*}} iter_args
// VEC-COUNT-2:       llvm.load {{.*}} -> vector<4xf32>
// VEC-NOT:           llvm.load
// VEC-COUNT-4:       arith.maximumf
// VEC-COUNT-5:     gpu.shuffle xor
// VEC:             scf.for %{{.*}} = %[[START]] to %[[LEN]] step %c128_i64{{.*}} iter_args
// VEC-COUNT-4:       math.exp
// VEC-COUNT-5:     gpu.shuffle xor
// VEC:             scf.for %{{.*}} = %[[START]] to %[[LEN]] step %c128_i64{{.*}} : i64 {
// VEC-COUNT-2:       llvm.load {{.*}} -> vector<4xf32>
// VEC-NOT:           llvm.load
// VEC-COUNT-4:       math.exp
// VEC:               llvm.store {{.*}} {alignment = 16 : i64} : vector<4xf32>, !llvm.ptr<1>
// VEC:         } else {
// VEC:           scf.for %{{.*}} = %{{.*}} to %[[ROWS]] step
// VEC:             scf.for %{{.*}} step %c32_i64{{.*}} iter_args
// VEC:               llvm.load {{.*}} : !llvm.ptr<1> -> f32
// VEC:         gpu.return

// By rows: (rows, row_length, out, in0, in1, row_stride0, row_stride1); a
// warp per row: the lanes walk the row 32 apart, then five butterfly
// shuffles give every lane the row's maximum, and again its sum of
// exponentials; then the lanes write the row.
// CHECK:         gpu.func @__tsc_fusion_1(%[[ROWS:[a-z0-9]+]]: i64, %[[LEN:[a-z0-9]+]]: i64, %{{.*}}: !llvm.ptr<1>, %{{.*}}: !llvm.ptr<1>, %{{.*}}: !llvm.ptr<1>, %{{.*}}: i64, %{{.*}}: i64) kernel {
// CHECK:           %[[C32:.*]] = arith.constant 32 : i64
// CHECK:           %[[WARP:.*]] = arith.divui %{{.*}}, %[[C32]] : i64
// CHECK:           %[[LANE:.*]] = arith.remui %{{.*}}, %[[C32]] : i64
// CHECK:           %[[WARPS:.*]] = arith.divui %{{.*}}, %[[C32]] : i64
// CHECK:           scf.for %{{.*}} = %[[WARP]] to %[[ROWS]] step %[[WARPS]] : i64 {
// CHECK:             scf.for %{{.*}} = %[[LANE]] to %[[LEN]] step %c32_i64{{[_0-9]*}} iter_args(%{{.*}} = %cst) -> (f32)  : i64 {
// CHECK:               arith.maximumf
// CHECK:             gpu.shuffle xor %{{.*}}, %c16_i32, %c32_i32 : f32
// CHECK:             gpu.shuffle xor %{{.*}}, %c8_i32, %{{.*}} : f32
// CHECK:             gpu.shuffle xor %{{.*}}, %c4_i32, %{{.*}} : f32
// CHECK:             gpu.shuffle xor %{{.*}}, %c2_i32, %{{.*}} : f32
// CHECK:             gpu.shuffle xor %{{.*}}, %c1_i32, %{{.*}} : f32
// CHECK:             scf.for %{{.*}} = %[[LANE]] to %[[LEN]] step %c32_i64{{[_0-9]*}} iter_args
// CHECK:               math.exp
// CHECK:               arith.addf
// CHECK-COUNT-5:     gpu.shuffle xor
// CHECK:             arith.divf
// CHECK:             scf.for %{{.*}} = %[[LANE]] to %[[LEN]] step %c32_i64{{[_0-9]*}} : i64 {
// CHECK:               math.exp
// CHECK:               llvm.store

// Lowered: llvm.func kernels on NVVM intrinsics; no libdevice call (tanh
// and exp are polynomials, sqrt an LLVM intrinsic).
// NVVM:       gpu.module @__tsc_cuda {
// NVVM:         llvm.func @__tsc_fusion_0({{.*}}) attributes {gpu.kernel, nvvm.kernel}
// NVVM-NOT:       {{arith|math|scf|cf|gpu}}.
// NVVM-NOT:       llvm.call
// NVVM:           nvvm.read.ptx.sreg.tid.x
// NVVM:           nvvm.read.ptx.sreg.ctaid.x
// NVVM:           nvvm.read.ptx.sreg.ntid.x
// NVVM:           nvvm.read.ptx.sreg.nctaid.x
// NVVM:           llvm.intr.fmuladd
// NVVM:           llvm.intr.sqrt
// NVVM:         llvm.func @__tsc_fusion_1({{.*}}) attributes {gpu.kernel, nvvm.kernel}
// NVVM-NOT:       llvm.call
// NVVM-COUNT-10:  nvvm.shfl.sync bfly
// NVVM-NOT:       llvm.func @__nv_

// Serialized: a gpu.binary of the same name holding the PTX for the chip.
// PTX-NOT:     gpu.module
// PTX:         gpu.binary @__tsc_cuda  [#gpu.object<#nvvm.target<O = 3, chip = "sm_90">, assembly = "{{.*}}.target sm_90{{.*}}.entry __tsc_fusion_0{{.*}}sqrt.rn.f32{{.*}}.entry __tsc_fusion_1{{.*}}shfl.sync.bfly.b32{{.*}}">]
// PTX-NOT:     __nv_
// SM80:        #nvvm.target<O = 3, chip = "sm_80">, assembly = "{{.*}}.target sm_80
// BADCHIP:     error: unknown CUDA architecture 'sm_99x' (expected sm_70 ... sm_90)

func.func @chain(%x: !ts.tensor, %y: !ts.tensor) -> !ts.tensor {
  %r:2 = ts.fusion_group(%x, %y) {
  ^bb0(%a: !ts.tensor, %b: !ts.tensor):
    %c = ts.prim.Constant(1.500000e+00 : f64) : f64
    %one = ts.prim.Constant(1 : i64) : i64
    %m = ts.aten.mul.Scalar %a, %c : (!ts.tensor, f64) -> !ts.tensor
    %s = ts.aten.add.Tensor %m, %b, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
    %t = ts.aten.tanh %s : (!ts.tensor) -> !ts.tensor
    %q = ts.aten.sqrt %t : (!ts.tensor) -> !ts.tensor
    ts.yield %t, %q : !ts.tensor, !ts.tensor
  } : (!ts.tensor, !ts.tensor) -> (!ts.tensor, !ts.tensor)
  return %r#1 : !ts.tensor
}

func.func @softmax(%x: !ts.tensor, %y: !ts.tensor) -> !ts.tensor {
  %r = ts.fusion_group(%x, %y) {
  ^bb0(%a: !ts.tensor, %b: !ts.tensor):
    %last = ts.prim.Constant(-1 : i64) : i64
    %none = ts.prim.Constant(unit) : !ts.none
    %one = ts.prim.Constant(1 : i64) : i64
    %s = ts.aten.softmax.int %a, %last, %none : (!ts.tensor, i64, !ts.none) -> !ts.tensor
    %t = ts.aten.add.Tensor %s, %b, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
    ts.yield %t : !ts.tensor
  } : (!ts.tensor, !ts.tensor) -> !ts.tensor
  return %r : !ts.tensor
}
