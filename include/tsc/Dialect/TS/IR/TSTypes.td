//===- TSTypes.td - ts dialect types -----------------------*- tablegen -*-===//
//
// TorchScript's type system. int/float/bool are builtin i64/f64/i1.
//
//===----------------------------------------------------------------------===//

#ifndef TSC_DIALECT_TS_IR_TSTYPES
#define TSC_DIALECT_TS_IR_TSTYPES

include "tsc/Dialect/TS/IR/TSBase.td"

class TS_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<TS_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def TS_TensorType : TS_Type<"Tensor", "tensor"> {
  let summary = "TorchScript Tensor, optionally refined with dtype and sizes";
  let description = [{
    `!ts.tensor` is any tensor. Refinements, as traced graphs carry them:
    `!ts.tensor<f32>` (dtype known), `!ts.tensor<[2, ?, 3]>` (sizes known,
    `?` for a dimension of unknown size) or both, `!ts.tensor<[2, 3], f32>`.
    Dtypes are builtin types: f16, bf16, f32, f64, i1 (bool), ui8, si8,
    si16, si32, si64, complex<f32>, complex<f64>.
  }];
  let parameters = (ins "bool":$hasSizes, ArrayRefParameter<"int64_t">:$dims,
                        OptionalParameter<"::mlir::Type">:$dtype);
  let builders = [
    TypeBuilder<(ins "::std::optional<::llvm::ArrayRef<int64_t>>":$sizes,
                     "::mlir::Type":$dtype), [{
      return $_get($_ctxt, sizes.has_value(),
                   sizes ? *sizes : ::llvm::ArrayRef<int64_t>(), dtype);
    }]>
  ];
  let hasCustomAssemblyFormat = 1;
  let extraClassDeclaration = [{
    /// Marks a dimension of unknown size.
    static constexpr int64_t kDynamic = -1;
    bool hasSizes() const { return getHasSizes(); }
    /// The sizes, when known (a 0-d tensor has known, empty sizes).
    ::std::optional<::llvm::ArrayRef<int64_t>> getSizes() const {
      if (!getHasSizes())
        return ::std::nullopt;
      return getDims();
    }
  }];
}

def TS_StrType : TS_Type<"Str", "str"> {
  let summary = "TorchScript str";
}
def TS_NoneType : TS_Type<"None", "none"> {
  let summary = "TorchScript NoneType";
}
def TS_DeviceType : TS_Type<"Device", "device"> {
  let summary = "TorchScript Device";
}
def TS_NumberType : TS_Type<"Number", "number"> {
  let summary = "TorchScript Scalar (int, float or complex, known at run time)";
}
def TS_AnyType : TS_Type<"Any", "any"> {
  let summary = "TorchScript Any";
}

def TS_ListType : TS_Type<"List", "list"> {
  let summary = "TorchScript List[T]";
  let parameters = (ins "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
}

def TS_TupleType : TS_Type<"Tuple", "tuple"> {
  let summary = "TorchScript Tuple[T1, ...] and NamedTuple";
  let description = [{
    `!ts.tuple<i64, !ts.tensor>` is a Tuple[int, Tensor]; a NamedTuple keeps
    its qualified name and field names:
    `!ts.tuple<"__torch__.Point", x: !ts.tensor, y: !ts.tensor>`. A named
    tuple is a subtype of the unnamed tuple of the same elements, not the
    other way round.
  }];
  let parameters = (ins ArrayRefParameter<"::mlir::Type">:$elementTypes,
                        "::mlir::StringAttr":$name,
                        "::mlir::ArrayAttr":$fieldNames);
  let builders = [
    TypeBuilder<(ins "::llvm::ArrayRef<::mlir::Type>":$elementTypes), [{
      return $_get($_ctxt, elementTypes, ::mlir::StringAttr(),
                   ::mlir::ArrayAttr());
    }]>
  ];
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
}

def TS_DictType : TS_Type<"Dict", "dict"> {
  let summary = "TorchScript Dict[K, V]";
  let parameters = (ins "::mlir::Type":$keyType, "::mlir::Type":$valueType);
  let assemblyFormat = "`<` $keyType `,` $valueType `>`";
}

def TS_OptionalType : TS_Type<"Optional", "optional"> {
  let summary = "TorchScript Optional[T]";
  let parameters = (ins "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
}

def TS_FutureType : TS_Type<"Future", "future"> {
  let summary = "TorchScript Future[T]: the result of torch.jit.fork";
  let parameters = (ins "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
}

def TS_UnionType : TS_Type<"Union", "union"> {
  let summary = "TorchScript Union[T1, ...]";
  let parameters = (ins ArrayRefParameter<"::mlir::Type">:$elementTypes);
  let assemblyFormat = "`<` $elementTypes `>`";
}

def TS_ClassType : TS_Type<"Class", "class"> {
  let summary = "A TorchScript module or class instance";
  let description = [{
    `!ts.class<"__torch__.MyCell">`: an object of the named TorchScript class
    (modules are classes too).
  }];
  let parameters = (ins StringRefParameter<"qualified class name">:$name);
  let assemblyFormat = "`<` $name `>`";
}

def TS_OpaqueType : TS_Type<"Opaque", "opaque"> {
  let summary = "Any other TorchScript type, by its annotation string";
  let description = [{
    Types tsc does not model yet (Future, RRef, Generator, …) keep their
    TorchScript spelling, so that import never fails on a type.
  }];
  let parameters = (ins StringRefParameter<"TorchScript type string">:$spelling);
  let assemblyFormat = "`<` $spelling `>`";
}

def TS_AnyTensor : Type<CPred<"::llvm::isa<::tsc::ts::TensorType>($_self)">,
                        "TorchScript tensor", "::tsc::ts::TensorType">;
def TS_Int : TypeAlias<I64, "TorchScript int">;
def TS_Float : TypeAlias<F64, "TorchScript float">;
def TS_Bool : TypeAlias<I1, "TorchScript bool">;
def TS_Str : Type<CPred<"::llvm::isa<::tsc::ts::StrType>($_self)">,
                  "TorchScript str", "::tsc::ts::StrType">;
def TS_List : Type<CPred<"::llvm::isa<::tsc::ts::ListType>($_self)">,
                   "TorchScript list", "::tsc::ts::ListType">;
def TS_Tuple : Type<CPred<"::llvm::isa<::tsc::ts::TupleType>($_self)">,
                    "TorchScript tuple", "::tsc::ts::TupleType">;
def TS_Class : Type<CPred<"::llvm::isa<::tsc::ts::ClassType>($_self)">,
                    "TorchScript object", "::tsc::ts::ClassType">;
def TS_Dict : Type<CPred<"::llvm::isa<::tsc::ts::DictType>($_self)">,
                   "TorchScript dict", "::tsc::ts::DictType">;
def TS_Device : Type<CPred<"::llvm::isa<::tsc::ts::DeviceType>($_self)">,
                     "TorchScript Device", "::tsc::ts::DeviceType">;
def TS_NoneValue : Type<CPred<"::llvm::isa<::tsc::ts::NoneType>($_self)">,
                        "TorchScript None", "::tsc::ts::NoneType">;
// TorchScript's Scalar (`number`): an int, float, bool or a value whose
// static type is only `number`.
def TS_Scalar : AnyTypeOf<[I64, F64, I1, TS_NumberType], "TorchScript Scalar">;
// `T?` in a schema: a T, None, or a value of static type Optional[...].
class TS_OptionalOf<Type t>
    : AnyTypeOf<[t, TS_NoneValue, TS_OptionalType],
                "optional " # t.summary>;

#endif // TSC_DIALECT_TS_IR_TSTYPES
