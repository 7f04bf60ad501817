//===- TSOps.td - ts dialect operations --------------------*- tablegen -*-===//
//
// prim:: ops (TorchScript's structural nodes), the generic ts.operator, and
// the aten:: ops modelled individually (TSAtenOps.td).
//
//===----------------------------------------------------------------------===//

#ifndef TSC_DIALECT_TS_IR_TSOPS
#define TSC_DIALECT_TS_IR_TSOPS

include "tsc/Dialect/TS/IR/TSBase.td"
include "tsc/Dialect/TS/IR/TSTypes.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/IR/OpAsmInterface.td"

//===----------------------------------------------------------------------===//
// Constants and structure
//===----------------------------------------------------------------------===//

def TS_ConstantOp : TS_Op<"prim.Constant", [ConstantLike, Pure]> {
  let summary = "prim::Constant";
  let description = [{
    A TorchScript constant. The attribute by result type: `i64` an integer
    attribute, `f64` a float attribute, `i1` a bool attribute, `!ts.str` a
    string, `!ts.none` `unit`, `!ts.device` the device string, a tensor a
    dense elements attribute (its builtin tensor type gives dtype and sizes),
    a list or tuple an array of such attributes.
  }];
  let arguments = (ins AnyAttr:$value);
  let results = (outs AnyType:$result);
  let assemblyFormat = "`(` $value `)` attr-dict `:` type($result)";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def TS_YieldOp : TS_Op<"yield", [Pure, Terminator, ReturnLike,
                                 ParentOneOf<["IfOp", "LoopOp", "ForkOp",
                                             "FusionGroupOp"]>]> {
  let summary = "Block outputs of ts.prim.If, ts.prim.Loop, ts.prim.fork and ts.fusion_group";
  let description = [{
    The outputs of a TorchScript block. In a `ts.prim.If` branch they are the
    If's results; in a `ts.prim.Loop` body the first is the condition to go
    on, the others the values carried into the next iteration; in a
    `ts.prim.fork` body, the one value its future holds; in a
    `ts.fusion_group`, the group's results.
  }];
  let arguments = (ins Variadic<AnyType>:$values);
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
}

def TS_IfOp : TS_Op<"prim.If", [RecursiveMemoryEffects, NoRegionArguments]> {
  let summary = "prim::If";
  let description = [{
    Runs `thenRegion` when `condition` is true, else `elseRegion`; each ends
    in `ts.yield` of values typed as (a subtype of) the results.
  }];
  let arguments = (ins I1:$condition);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$thenRegion,
                        SizedRegion<1>:$elseRegion);
  let assemblyFormat = [{
    $condition (`->` `(` type($results)^ `)`)? $thenRegion `else` $elseRegion
    attr-dict
  }];
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

def TS_LoopOp : TS_Op<"prim.Loop", [RecursiveMemoryEffects]> {
  let summary = "prim::Loop";
  let description = [{
    TorchScript's one loop: runs the body while the iteration count is below
    `maxTripCount` and the condition holds. The body's arguments are the
    iteration count (`i64`) and the carried values; it yields the condition
    for the next iteration followed by the new carried values. The results
    are the carried values after the last iteration.
  }];
  let arguments = (ins I64:$maxTripCount, I1:$initialCondition,
                       Variadic<AnyType>:$iterArgs);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    $maxTripCount `,` $initialCondition
    (`iter` `(` $iterArgs^ `:` type($iterArgs) `)`)?
    (`->` `(` type($results)^ `)`)? $body attr-dict
  }];
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
  let extraClassDeclaration = [{
    /// Clones the body at `b`'s insertion point as one iteration, the
    /// iteration count being `count` and the carried values `carried`;
    /// returns what that iteration yields, the continue condition first.
    ::llvm::SmallVector<::mlir::Value> cloneIteration(
        ::mlir::OpBuilder &b, ::mlir::Value count, ::mlir::ValueRange carried);
  }];
}

//===----------------------------------------------------------------------===//
// Lists and tuples
//===----------------------------------------------------------------------===//

def TS_ListConstructOp : TS_Op<"prim.ListConstruct"> {
  let summary = "prim::ListConstruct";
  let description = [{
    A new list of the operands. Lists are mutable, so two constructions are
    two lists: this op is not Pure.
  }];
  let arguments = (ins Variadic<AnyType>:$elements);
  let results = (outs TS_List:$result);
  let assemblyFormat = "$elements attr-dict `:` functional-type($elements, $result)";
}

def TS_DictConstructOp : TS_Op<"prim.DictConstruct"> {
  let summary = "prim::DictConstruct";
  let description = [{
    A new dict of the operands, taken as key, value, key, value, ... in
    insertion order. Dicts are mutable: not Pure.
  }];
  let arguments = (ins Variadic<AnyType>:$keysAndValues);
  let results = (outs TS_Dict:$result);
  let assemblyFormat = "$keysAndValues attr-dict `:` functional-type($keysAndValues, $result)";
  let hasVerifier = 1;
}

def TS_ListUnpackOp : TS_Op<"prim.ListUnpack"> {
  let summary = "prim::ListUnpack";
  let arguments = (ins TS_List:$list);
  let results = (outs Variadic<AnyType>:$results);
  let assemblyFormat = "$list attr-dict `:` functional-type($list, $results)";
}

def TS_TupleConstructOp : TS_Op<"prim.TupleConstruct", [Pure]> {
  let summary = "prim::TupleConstruct";
  let arguments = (ins Variadic<AnyType>:$elements);
  let results = (outs TS_Tuple:$result);
  let assemblyFormat = "$elements attr-dict `:` functional-type($elements, $result)";
}

def TS_TupleUnpackOp : TS_Op<"prim.TupleUnpack", [Pure]> {
  let summary = "prim::TupleUnpack";
  let arguments = (ins TS_Tuple:$tuple);
  let results = (outs Variadic<AnyType>:$results);
  let assemblyFormat = "$tuple attr-dict `:` functional-type($tuple, $results)";
}

def TS_TupleIndexOp : TS_Op<"prim.TupleIndex", [Pure]> {
  let summary = "prim::TupleIndex";
  let arguments = (ins TS_Tuple:$tuple, I64:$index);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$tuple `,` $index attr-dict `:` functional-type(operands, $result)";
}

//===----------------------------------------------------------------------===//
// Casts and placeholders
//===----------------------------------------------------------------------===//

def TS_UncheckedCastOp : TS_Op<"prim.unchecked_cast", [Pure]> {
  let summary = "prim::unchecked_cast";
  let description = [{
    Refines a value's static type (typically Optional[T] to T after an
    `is not None` test). No check happens at run time.
  }];
  let arguments = (ins AnyType:$operand);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$operand attr-dict `:` type($operand) `to` type($result)";
  // A cast to the operand's own type is the operand.
  let hasFolder = 1;
}

def TS_UninitializedOp : TS_Op<"prim.Uninitialized", [Pure]> {
  let summary = "prim::Uninitialized";
  let description = [{
    A placeholder for a value on a path that never uses it (after an early
    return or raise inside a loop or branch).
  }];
  let results = (outs AnyType:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
}

def TS_RaiseExceptionOp : TS_Op<"prim.RaiseException"> {
  let summary = "prim::RaiseException(str msg, str? cls=None) -> ()";
  let description = [{
    Raises TorchScript's exception (`raise`, a failed `assert`): the method
    stops and its caller gets an error whose message is `msg`.
  }];
  let arguments = (ins TS_Str:$msg, AnyType:$cls);
  let assemblyFormat = "$msg `,` $cls attr-dict `:` type($msg) `,` type($cls)";
}

def TS_IsInstanceOp : TS_Op<"prim.isinstance", [Pure]> {
  let summary = "prim::isinstance";
  let description = [{
    Whether `operand`'s value at run time has one of `types` (a TorchScript
    `isinstance(x, (A, B))`, used to refine Union and Any values).
  }];
  let arguments = (ins AnyType:$operand, TypeArrayAttr:$types);
  let results = (outs I1:$result);
  let assemblyFormat = "$operand $types attr-dict `:` type($operand)";
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Objects and calls
//===----------------------------------------------------------------------===//

def TS_CreateObjectOp : TS_Op<"prim.CreateObject"> {
  let summary = "prim::CreateObject";
  let description = [{
    A new object of the result's class, every attribute unset; the class's
    `__init__` (inlined after it) sets them with `ts.prim.SetAttr`.
  }];
  let results = (outs TS_Class:$result);
  let assemblyFormat = "attr-dict `:` qualified(type($result))";
}

def TS_EnterOp : TS_Op<"prim.Enter"> {
  let summary = "prim::Enter: entering a `with` block";
  let description = [{
    Calls `__enter__` of the context manager (`with torch.no_grad():`); its
    result is the value bound by `as`.
  }];
  let arguments = (ins AnyType:$object);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$object attr-dict `:` type($object) `->` type($result)";
}

def TS_ExitOp : TS_Op<"prim.Exit"> {
  let summary = "prim::Exit: leaving a `with` block";
  let arguments = (ins AnyType:$object);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$object attr-dict `:` type($object) `->` type($result)";
}

def TS_ForkOp : TS_Op<"prim.fork", [IsolatedFromAbove]> {
  let summary = "prim::fork: torch.jit.fork";
  let description = [{
    Starts the body (the forked function, inlined) on `operands`, which are
    the body's arguments, and returns a future of what the body yields;
    `aten::wait` on the future gives the result.
  }];
  let arguments = (ins Variadic<AnyType>:$operands);
  let results = (outs TS_FutureType:$result);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    `(` $operands `)` $body attr-dict `:` functional-type($operands, $result)
  }];
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

def TS_ObjectOp : TS_Op<"object"> {
  let summary = "A module or class instance of the archive's object graph";
  let description = [{
    One object of the module tree a TorchScript archive holds: its class is
    the result type, its attributes (parameters, buffers, submodules, plain
    attributes) are the operands, named by `slots`. The importer writes the
    whole tree at module level, leaves first, and marks the archive's
    top-level module `root`; each method is a `func.func` whose first
    argument is `self` of the root's class. `-tsc-freeze` turns attribute
    reads of the root into the values found here.

    ```mlir
    %w = ts.prim.Constant(dense<...> : tensor<4x3xf32>) : !ts.tensor<[4, 3], f32>
    %lin = ts.object ["weight"](%w) : (!ts.tensor<[4, 3], f32>) -> !ts.class<"__torch__.Linear">
    %cell = ts.object ["linear"](%lin) root : (!ts.class<"__torch__.Linear">) -> !ts.class<"__torch__.MyCell">
    ```
  }];
  let arguments = (ins StrArrayAttr:$slots, Variadic<AnyType>:$values,
                       UnitAttr:$root);
  let results = (outs TS_Class:$result);
  let assemblyFormat = [{
    $slots `(` $values `)` (`root` $root^)? attr-dict `:` functional-type($values, $result)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The value of the attribute `name`, or null if the class has none.
    ::mlir::Value getSlot(::llvm::StringRef name);
  }];
}

def TS_GetAttrOp : TS_Op<"prim.GetAttr", [MemoryEffects<[MemRead]>]> {
  let summary = "prim::GetAttr";
  let description = [{
    Reads an attribute of an object: a read, so an unused one is dead and
    two reads with no write (SetAttr, calls) between them are one.
  }];
  let arguments = (ins AnyType:$object, StrAttr:$name);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$object `[` $name `]` attr-dict `:` type($object) `->` type($result)";
}

def TS_SetAttrOp : TS_Op<"prim.SetAttr"> {
  let summary = "prim::SetAttr";
  let arguments = (ins AnyType:$object, AnyType:$value, StrAttr:$name);
  let assemblyFormat = "$object `[` $name `]` `=` $value attr-dict `:` type($object) `,` type($value)";
}

def TS_CallMethodOp : TS_Op<"prim.CallMethod"> {
  let summary = "prim::CallMethod";
  let arguments = (ins StrAttr:$name, Variadic<AnyType>:$operands);
  let results = (outs Variadic<AnyType>:$results);
  let assemblyFormat = "$name `(` $operands `)` attr-dict `:` functional-type($operands, $results)";
}

def TS_CallFunctionOp : TS_Op<"prim.CallFunction"> {
  let summary = "prim::CallFunction";
  let arguments = (ins Variadic<AnyType>:$operands);
  let results = (outs Variadic<AnyType>:$results);
  let assemblyFormat = "`(` $operands `)` attr-dict `:` functional-type($operands, $results)";
}

//===----------------------------------------------------------------------===//
// Fusion
//===----------------------------------------------------------------------===//

def TS_FusionGroupOp : TS_Op<"fusion_group",
    [IsolatedFromAbove, RecursiveMemoryEffects]> {
  let summary = "Elementwise tensor ops fused into one kernel";
  let description = [{
    A chain of elementwise tensor operators (`-tsc-fuse-elementwise`) that
    runs as one loop over the elements instead of one ATen call, and one
    temporary tensor, per operator. The body's arguments are the `inputs`;
    it holds the fused ops (and the scalar constants they read) and yields
    the group's `results`. The group reads its inputs and writes only new
    tensors.

    Once `-tsc-outline-fusion-kernels` has written the body's native loop,
    `kernel` names that function (`@__tsc_fusion_0`); once
    `-tsc-outline-fusion-gpu-kernels` has written it as a GPU kernel, it
    names the kernel inside its `gpu.module` (or, after
    `-tsc-serialize-gpu-kernels`, its `gpu.binary`):
    `@__tsc_cuda::@__tsc_fusion_0`. At run time the kernel runs when every
    input is a float32 tensor on the kernel's device that needs no autograd
    and whose sizes are the broadcast sizes (or a single element);
    otherwise the body runs as the original operators, so the group always
    means what its ops mean.

    `arena_offsets` (`-tsc-plan-memory`) gives, per result, its byte offset
    in the function's arena, or -1: the kernel writes a planned result
    there instead of into a new tensor.

    The body holds only what the kernels compute (TSElementwise.h):
    fusible elementwise ops, at most one row reduction or else linear
    layers of one output width, each reading a body argument (with one row
    length per argument), and the constants and constant lists they read.

    ```mlir
    %r = ts.fusion_group (%x) {
    ^bb0(%a: !ts.tensor):
      %c = ts.prim.Constant(1.5 : f64) : f64
      %m = ts.aten.mul.Scalar %a, %c : (!ts.tensor, f64) -> !ts.tensor
      %t = ts.aten.tanh %m : (!ts.tensor) -> !ts.tensor
      ts.yield %t : !ts.tensor
    } : (!ts.tensor) -> !ts.tensor
    ```
  }];
  let arguments = (ins Variadic<TS_AnyTensor>:$inputs,
                       OptionalAttr<SymbolRefAttr>:$kernel,
                       OptionalAttr<DenseI64ArrayAttr>:$arena_offsets);
  let results = (outs Variadic<TS_AnyTensor>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    `(` $inputs `)` (`kernel` $kernel^)? $body attr-dict `:`
    functional-type($inputs, $results)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// The generic operator
//===----------------------------------------------------------------------===//

def TS_OperatorOp : TS_Op<"operator"> {
  let summary = "Any registered TorchScript operator, by schema";
  let description = [{
    An `aten::`/`prim::`/custom operator that the dialect does not model
    individually. `name` and `overload` identify it in LibTorch's registry;
    `schema` is its full schema string. Effects are unknown, so nothing is
    reordered across it.

    ```mlir
    %0 = ts.operator "aten::erfinv"(%x) {overload = "", schema = "aten::erfinv(Tensor self) -> Tensor"}
        : (!ts.tensor) -> !ts.tensor
    ```
  }];
  let arguments = (ins StrAttr:$name, StrAttr:$overload, StrAttr:$schema,
                       Variadic<AnyType>:$operands);
  let results = (outs Variadic<AnyType>:$results);
  let assemblyFormat = "$name `(` $operands `)` attr-dict `:` functional-type($operands, $results)";
}

//===----------------------------------------------------------------------===//
// Operators modelled individually
//===----------------------------------------------------------------------===//

// Marks an op whose schema writes one of its arguments (`Tensor(a!)`,
// `t[](a!)`): aten::add_, aten::append, ... Passes that reorder or
// duplicate ops must not move anything across it.
def TS_InPlace : NativeOpTrait<"InPlace"> {
  let cppNamespace = "::tsc::ts::OpTrait";
}
// Marks an op with a result that may share storage with an operand, as its
// schema's alias annotations say (`Tensor(a)` views, `t(*)` list elements,
// in-place results). Results of other registered ops are new values.
def TS_ReturnsAlias : NativeOpTrait<"ReturnsAlias"> {
  let cppNamespace = "::tsc::ts::OpTrait";
}
// Marks an op that is one operator of LibTorch's registry, named
// ts.<namespace>.<name>[.<overload>] after its key; getOperatorKey() reads
// the key back from the op's name.
def TS_HasOperatorKey : NativeOpTrait<"HasOperatorKey"> {
  let cppNamespace = "::tsc::ts::OpTrait";
}

// One registry operator with its schema's argument and result names and
// types. The definitions are generated (TSGeneratedOps.td).
class TS_RegisteredOp<string mnemonic, list<Trait> traits = []>
    : TS_Op<mnemonic, !listconcat(traits, [TS_HasOperatorKey])> {
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

include "tsc/Dialect/TS/IR/TSGeneratedOps.td"

#endif // TSC_DIALECT_TS_IR_TSOPS
