//===- Passes.td - ts dialect transformations --------------*- tablegen -*-===//

#ifndef TSC_DIALECT_TS_TRANSFORMS_PASSES
#define TSC_DIALECT_TS_TRANSFORMS_PASSES

include "mlir/Pass/PassBase.td"

def Freeze : Pass<"tsc-freeze", "::mlir::ModuleOp"> {
  let summary = "Inference freezing: module attributes become constants";
  let description = [{
    An archive imports as its object graph (`ts.object` ops at module level,
    the `root` one being the archive's module) and one `func.func` per
    method taking `self` first. This pass freezes the root for inference,
    as `torch.jit.freeze` does, but on the ts dialect:

    - every `ts.prim.GetAttr` chain that starts at `self` and ends in an
      attribute that no method changes is replaced by a copy of the
      attribute's value (a constant, or the list/tuple/dict built of
      constants) at the start of the method;
    - an attribute is changed if some method assigns it
      (`ts.prim.SetAttr`, matched by class and name), or if a value read
      from it may reach, through ops that can return an alias of it
      (anything but int/float/bool/str/None results), an op that may write
      its operands (`TS_InPlace` ops, generic operators whose schema has
      `!`, calls, and ops with unknown effects). Such attributes stay
      module state;
    - objects passed anywhere but `GetAttr`/`SetAttr` keep all their
      attributes as state;
    - between rounds, the ts dialect's canonicalization runs on the methods
      so that branches on frozen flags (`if self.training:`) and `is None`
      tests on frozen attributes fold away; what they guarded (say the
      update of `num_batches_tracked`) no longer counts as a change.

    Afterwards, methods that no longer read `self` lose that argument, and
    when none reads it the object graph is erased. Methods that still do
    keep it: the conversion to LLVM builds that state once per loaded
    instance (`<model>_load`).

    Input: the importer's output (functions without `self` are left
    alone). Output: the same methods with frozen attributes inlined as
    constants.
  }];
  let options = [
    Option<"maxRounds", "max-rounds", "unsigned", /*default=*/"8",
           "Freeze/simplify rounds at most">,
  ];
  let dependentDialects = ["::mlir::func::FuncDialect"];
}

def RemoveDropout : Pass<"tsc-remove-dropout"> {
  let summary = "Removes dropout in inference (train = false)";
  let description = [{
    `aten::dropout`, `feature_dropout`, `alpha_dropout` and
    `feature_alpha_dropout` whose `train` argument is the constant `false`
    return their input unchanged: their result is replaced by the input
    (through `ts.prim.unchecked_cast` where the result's type is less
    refined and a use needs it exactly), and the op is erased. Dropout with
    `train` true or unknown stays: it is random.
  }];
}

def PrepackConvolutions : Pass<"tsc-prepack-convolutions"> {
  let summary = "Convolutions with constant weights use a weight packed once";
  let description = [{
    `aten::conv2d` whose weight is a tensor constant becomes
    `tsc::conv2d_prepacked` (a runtime operator with conv2d's schema and
    meaning). For float32 CPU tensors that operator runs the convolution
    in oneDNN (MKL-DNN) with the weight already reordered into its blocked
    layout, reordered on the first call and kept while the weight lives,
    instead of reordering it on every call as `aten::conv2d` does (which
    also keeps some 1x1 convolutions on ATen's own kernels); elsewhere it
    calls `aten::conv2d`. This is what `torch.jit.optimize_for_inference`
    gains by prepacking weights, without changing the activations'
    layout.
  }];
}

def FuseConvEpilogues : Pass<"tsc-fuse-conv-epilogues"> {
  let summary = "Folds an add and a clamp after a convolution into it";
  let description = [{
    After `-tsc-prepack-convolutions`: a `tsc::conv2d_prepacked` whose
    result is read only by an add of another tensor with alpha 1
    (`aten::add`, either operand, or `aten::add_` on the convolution's
    result), then, or directly, by a clamp (`aten::relu`, `hardtanh`,
    `clamp`, in place or not), becomes one `tsc::conv2d_prepacked_fused`
    computing `clamp(conv2d(...) + other, min, max)` (a relu is the clamp
    to [0, none]). Each intermediate result must have that one reader, in
    the same block, and no op between the convolution and the last op
    folded may write memory (ops of unknown effects, regions and calls
    count as writes), since the fused op runs where that last op was.

    Where oneDNN runs the convolution, the runtime operator applies the
    add and the clamp as oneDNN post-ops, on each block of the result
    while it is in registers, as `torch.jit.optimize_for_inference` does
    not in LibTorch 1.13 (it runs `MKLDNNHardTanh_` and the adds as
    separate passes). Elsewhere it runs the three operators one after the
    other; an in-place add keeps the convolution's sizes, as
    `aten::add_` requires.
  }];
}

def MkldnnLayout : Pass<"tsc-mkldnn-layout"> {
  let summary = "Keeps the activations between oneDNN convolutions blocked";
  let description = [{
    After `-tsc-prepack-convolutions`: the tensors that flow between
    `tsc::conv2d_prepacked` (and `_fused`), `aten::relu`/`relu_`, `aten::add`/`add_`,
    `aten::max_pool2d` (no dilation) and `aten::adaptive_avg_pool2d` (to
    1x1) stay in oneDNN's blocked layout (`mkldnn` tensors), as in
    `torch.jit.optimize_for_inference`'s graphs, instead of being reordered
    to and from the plain layout around every convolution.

    A value enters the blocked layout through `tsc::to_mkldnn` before a
    convolution and leaves it through `tsc::to_dense` before any other
    reader. An op stays on blocked tensors only if its operands come
    blocked (a convolution converts its own), and every user of its result
    either takes it blocked or only reads it without keeping an alias (a
    registered op that only reads memory, a fusion group, a return): a
    plain copy made just before such a reader means the same. In-place
    ops qualify only when nothing else reads the tensor they change. Adds
    go through `tsc::mkldnn_add[_]`, which broadcasts (oneDNN's sum does
    not). The conversions leave anything but float32 4-D CPU tensors as
    they are, so a wrong input still gets the operators' own error.
  }];
}

def FoldBatchNorm : Pass<"tsc-fold-batch-norm"> {
  let summary = "Folds inference batch norm into the convolution or linear "
                "layer before it";
  let description = [{
    For `aten::batch_norm` in inference (`training` the constant `false`)
    whose input is the result of an `aten::conv1d/2d/3d`, a forward
    `aten::_convolution` (traced models) or an `aten::linear` with a
    constant float weight and a constant or `None`
    bias, and whose own weight, bias, running mean and variance are
    constants (weight and bias may be `None`) and `eps` a constant, with

        scale[o] = gamma[o] / sqrt(var[o] + eps)

    the layer gets the weight `w[o, ...] * scale[o]` and the bias
    `(b[o] - mean[o]) * scale[o] + beta[o]`, and the batch norm is
    replaced by it (as `torch.jit.freeze` does). The layer's result may
    have other readers only if they read its sizes alone (`aten::dim`,
    `size`, as in `BatchNorm2d`'s check of its input's rank), which the
    folded layer's result answers alike. The new constants are
    computed in double precision and rounded once to the weight's type.
    Run after `-tsc-freeze`, which makes parameters and buffers constants.
  }];
}

def RefineArguments : Pass<"tsc-refine-arguments", "::mlir::ModuleOp"> {
  let summary = "Gives tensor arguments the sizes and dtype the user states";
  let description = [{
    Each `shapes` entry `NAME=DIMS[:DTYPE]` (what `tsc --input-shape`
    passes) refines every method argument called NAME, a tensor, to
    `!ts.tensor<[DIMS], DTYPE>`: DIMS are sizes joined by `x` (`?` for a
    size left open, `scalar` for a 0-d tensor), DTYPE a builtin type as the
    dialect spells it (`f32`, `si64`, `i1`, …) or as torch does (`float32`,
    `int64`, `bool`, …). The compiled entry points then check callers'
    tensors against it (a wrong size or dtype is an argument error naming
    the argument), and the signature and header state it. A stated
    refinement that contradicts one the archive has (a traced model's) is
    an error, as is a name no method has.
  }];
  let options = [
    ListOption<"shapes", "shapes", "std::string",
               "NAME=DIMS[:DTYPE] per refined argument">,
  ];
}

def RefineTypes : Pass<"tsc-refine-types"> {
  let summary = "Propagates tensor sizes and dtypes through the graph";
  let description = [{
    Gives each op's tensor result the most refined type its operands' types
    imply, in one forward walk (operands are defined before their uses; a
    `prim::If` result gets what the values both branches yield have in
    common, the dtype if it is the same, the sizes if the ranks are, with
    the dimensions they differ on unknown):

    - elementwise operators (TSElementwise.h): broadcast sizes; the dtype
      when every tensor operand has the same float dtype (other mixes
      follow promotion rules left unmodelled);
    - softmax, log_softmax, layer_norm, batch_norm, contiguous, clone,
      detach, dropout, and in-place operators: their input's type;
    - linear, mm, matmul and addmm of 2-D operands; conv1d/2d/3d and
      non-transposed `_convolution`, max_pool2d (floor mode) and
      adaptive_avg_pool2d with constant parameters; flatten, view and
      reshape (one -1 inferred), t, transpose, select, unsqueeze;
    - `prim::unchecked_cast` of a tensor: its operand's type (except the
      casts that keep a method's declared result type).

    A value carried by `prim::Loop` gets what holds on entry and after
    every iteration. The body is refined assuming the initial values'
    types; while an iteration yields what the assumption does not
    describe, the assumption widens to the join of both, the body's types
    are taken back and it is refined again. Assumptions only widen, so
    this settles within a few rounds; past `max-loop-rounds` the body is
    refined with the carried values' declared types.

    Then `aten::size(x, d)`, `aten::dim`, `aten::numel` and `aten::size`
    of tensors whose sizes are known become constants (a new list for
    `size`), so that loops over a dimension get a constant trip count.

    A method keeps its declared result types: a refined value that is
    returned goes through `ts.prim.unchecked_cast`. Sources of refined
    types are frozen weights (their constants' types), traced graphs and
    `--input-shape` (`-tsc-refine-arguments`).
  }];
  let options = [
    Option<"maxLoopRounds", "max-loop-rounds", "int64_t", /*default=*/"8",
           "Rounds of refining a loop body before its carried values keep "
           "their declared types">,
  ];
}

def FoldTensorConstants : Pass<"tsc-fold-tensor-constants"> {
  let summary = "Evaluates tensor ops whose tensor operands are constants";
  let description = [{
    After freezing, weights are constants, and ops that only transform
    weights (a scale, a transpose of a traced `addmm`'s weight, a reshape)
    compute the same tensor at every call. This pass computes it once, at
    compile time, and the op becomes a `ts.prim.Constant`; chains fold in
    one walk.

    How values are computed: tsc's own evaluator (LibTorch is not linked
    into the passes), on the constants' float32 or float64 elements:
    - the elementwise operators of TSElementwise.h, with broadcasting, on
      operands of one dtype: each op in double precision and rounded to
      the dtype, which for float32 gives what a float32 kernel's rounding
      per operation gives for + - * /; transcendental functions use the C
      library (within an ulp or two of ATen's);
    - `t` and `transpose` of 2-D tensors;
    - view, reshape, flatten, squeeze, unsqueeze, contiguous, clone and
      detach, whose result sizes `-tsc-refine-types` has inferred.

    Results of more than `max-elements` elements are left to run time, as
    are in-place ops and ops on other dtypes.
  }];
  let options = [
    Option<"maxElements", "max-elements", "int64_t", /*default=*/"16777216",
           "Largest result folded (elements)">,
  ];
}

def UnrollLoops : Pass<"tsc-unroll-loops"> {
  let summary = "Unrolls counted loops with a small constant trip count";
  let description = [{
    A `ts.prim.Loop` that runs exactly `n` times (a constant trip count, a
    condition that is the constant true on entry and after every
    iteration: TorchScript's `for i in range(n)`), with `1 <= n <=
    max-trip-count`, becomes `n` copies of its body in order, the
    iteration number a constant in each and the carried values threaded
    from one copy to the next. Loops nested in it are unrolled first.
    Loops that may stop early (`break`, a `while` condition) stay loops.

    Trip counts become constant when sizes are known (`-tsc-refine-types`
    after `--input-shape`, or traced graphs); the copies' constant indices
    then fold (`select`, list `__getitem__`, arithmetic on `i`).
  }];
  let options = [
    Option<"maxTripCount", "max-trip-count", "int64_t", /*default=*/"8",
           "Unroll loops of at most this many iterations">,
  ];
}

def PeelLoops : Pass<"tsc-peel-loops"> {
  let summary = "Runs a loop's special first iteration on its own";
  let description = [{
    A `ts.prim.Loop` whose body tells its first iteration from the others
    gets that iteration written out before the loop, guarded by the loop's
    entry test (`cond and n > 0`), and the loop runs the rest with its
    trip count one less and its iteration count one ahead. Two signs of a
    first iteration:

    - a comparison of the iteration count with a constant that only
      iteration 0 passes or fails (`i == 0`, `i != 0`, `i < 1`, `i > 0`,
      `i <= 0`, `i >= 1`, either operand order): in the remaining loop it
      becomes its constant value;
    - `is None` / `is not None` on a carried value that enters the loop
      statically None (`acc: Optional[Tensor] = None`): in the peeled copy
      it folds, and the remaining loop's carried value enters as what the
      first iteration made of it.

    The copy folds on canonicalization; `-tsc-refine-types` then narrows
    the remaining loop's carried types from what now enters it. Loops whose
    body has more than `max-ops` operations stay as they are.
  }];
  let options = [
    Option<"maxOps", "max-ops", "int64_t", /*default=*/"256",
           "Peel loops whose body has at most this many operations">,
  ];
}

def DecomposeRNNCells : Pass<"tsc-decompose-rnn-cells"> {
  let summary = "Writes recurrent cells with constant weights as linear "
                "layers and gates";
  let description = [{
    `aten::rnn_tanh_cell`, `rnn_relu_cell`, `gru_cell` and `lstm_cell`
    (whose `hx` is a `prim::ListConstruct` of h and c) with constant
    float32 weights `w_ih` [G*H, I] and `w_hh` [G*H, H] (G gates of H
    units) and constant biases or `None` become, for each gate, an
    `aten::linear` of the input and one of the hidden state on slices of
    the weights, and the cell's formula on them, in the order ATen's CPU
    cells compute it:

    - RNN: `act(h W_hh^T + b_hh + x W_ih^T + b_ih)`;
    - GRU (gates r, z, n): `r = sigmoid(h_r + x_r)`, `z = sigmoid(h_z + x_z)`,
      `n = tanh(x_n + h_n * r)`, `h' = (h - n) * z + n`;
    - LSTM (gates i, f, g, o, each `h_* + x_*`): `c' = sigmoid(f) * c +
      sigmoid(i) * tanh(g)`, `h' = sigmoid(o) * tanh(c')`.

    A whole LSTM, `aten::lstm` (in inference, one direction, sequence
    first, `hx` a list [h0, c0], the parameters a constant list, no
    projections), becomes, layer by layer, a `prim::Loop` over the
    sequence's length of that layer's cell on `select(input, 0, t)`, each
    new hidden state appended to a list whose `aten::stack` is the next
    layer's input; the last one is the output, and the layers' final
    states, stacked, are h_n and c_n (ATen's CPU layers compute the same
    formula, without dropout when not training).

    On its own this is slower (eight ATen calls for one); it is there for
    `-tsc-fuse-elementwise{fuse-linear}`, which makes the whole cell one
    kernel that holds the weights. The CPU pipeline runs both; the CUDA
    pipeline neither. Cells whose weights are not constants (without
    freezing) stay as they are.
  }];
}

def PlanMemory : Pass<"tsc-plan-memory", "::mlir::ModuleOp"> {
  let summary = "Places fusion group results of static sizes in one arena";
  let description = [{
    A memory plan made at compile time: each float32 result of a
    `ts.fusion_group` whose sizes are static gets an offset in one arena
    per function (`ts.arena_size` on the function, in bytes; the group's
    `arena_offsets`, -1 for a result left to the allocator). At run time
    the arena is allocated once per thread and function and reused call
    after call (`tsc_arena_get`, docs/runtime.md): the group's kernel
    writes into it instead of a new tensor.

    Results share arena bytes when their lifetimes do not overlap. A
    result lives from its group to the last use of it or of any value that
    may alias it (the results of ops marked `ReturnsAlias`, a group's
    result that yields its input unchanged), a use inside a region
    counting as a use by the op holding the region. Only results whose
    every such use reads the tensor and keeps no reference to it are
    planned: `ts.fusion_group` inputs and registered ATen operators that
    do not write their operands. A result that is returned, yielded (loop
    carried, an `if` result), stored in a list, tuple or object, passed to
    a call or written in place is left to the allocator, as are results
    inside `prim::fork` bodies and results of dynamic sizes (the
    allocator's: the runtime's caching allocator).

    Buffers are 64-byte aligned and placed first-fit, largest first.
  }];
}

def FuseElementwise : Pass<"tsc-fuse-elementwise"> {
  let summary = "Groups chains of elementwise tensor ops into ts.fusion_group";
  let description = [{
    Each elementwise float operator (TSElementwise.h: arithmetic with
    tensors or constant scalars, activations, clamps, pow by a constant)
    joins the group of the elementwise operators whose results it reads,
    within one block, and the group becomes one `ts.fusion_group` placed
    where its last op was. A group of one op stays as it is (ATen's own
    kernel is as good), unless `single-transcendental` is set (the CPU
    pipeline's default) and the op is a transcendental function (`exp`,
    `log`, `sin`, `cos`, `tanh`, `sigmoid`, `gelu`, `silu`, `elu`): ATen
    1.13 computes those with Sleef's AVX2 functions, where the kernel's
    polynomials run at the target's vector width (on a Zen 5 core, a lone
    `tanh` of 4096 elements took 9.0 us in ATen and 1.1 us as a kernel).

    A group may also hold one row reduction: `layer_norm` over one constant
    trailing size, `softmax` or `log_softmax` over a constant dimension
    without dtype. Elementwise ops before it (on its input) and after it
    join the same group, whose kernel then goes row by row.

    An op joins a producer's group only if that keeps the program's
    meaning:
    - no op between the group's first op and the new one may write memory
      (in-place ops, calls, unknown effects): the group reads its inputs
      where the last op stood;
    - no op between them may use a value of the group: the group's results
      must dominate their uses.

    With `fuse-linear` (the CPU pipeline's default), a group may instead
    hold linear layers: `aten::linear` with a constant float32 weight
    [N, K] (at most 2^20 elements) and a constant bias or None, all of one
    output width N. A linear layer starts a group of its own (its input is
    read a whole row at a time, so it must come from outside the group);
    elementwise ops on its result, and other linear layers of the same
    width whose results they combine, join it. The kernel then computes,
    row by row, each layer's N outputs from the weight it holds and the
    elementwise ops on them in registers: a GRU cell's six products and
    gates become one loop. Such a group is made even of a single linear
    layer; its weight and bias are copied into the body.

    Values of the group used outside it become its results; tensors it
    reads from outside, its inputs; the constant scalars its ops read are
    copied into the body. A group has at most `max-inputs` inputs.

    Example: `torch.tanh(x * 1.5 + y)` becomes

    ```mlir
    %r = ts.fusion_group (%x, %y) {
    ^bb0(%a: !ts.tensor, %b: !ts.tensor):
      %c = ts.prim.Constant(1.5 : f64) : f64
      %one = ts.prim.Constant(1 : i64) : i64
      %m = ts.aten.mul.Scalar %a, %c : (!ts.tensor, f64) -> !ts.tensor
      %s = ts.aten.add.Tensor %m, %b, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
      %t = ts.aten.tanh %s : (!ts.tensor) -> !ts.tensor
      ts.yield %t : !ts.tensor
    } : (!ts.tensor, !ts.tensor) -> !ts.tensor
    ```
  }];
  let options = [
    Option<"maxInputs", "max-inputs", "unsigned", /*default=*/"16",
           "Inputs of one group at most (1 to 64)">,
    Option<"fuseLinear", "fuse-linear", "bool", /*default=*/"false",
           "Also group linear layers with constant weights (CPU kernels "
           "only)">,
    Option<"singleTranscendental", "single-transcendental", "bool",
           /*default=*/"false",
           "Also make a group of a single transcendental op (CPU kernels)">,
  ];
}

#endif // TSC_DIALECT_TS_TRANSFORMS_PASSES
