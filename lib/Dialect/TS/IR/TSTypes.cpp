//===- TSTypes.cpp - ts dialect types -------------------------------------===//

#include "tsc/Dialect/TS/IR/TSTypes.h"
#include "tsc/Dialect/TS/IR/TSDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
namespace ts = tsc::ts;
using ts::TSDialect;

#define GET_TYPEDEF_CLASSES
#include "tsc/Dialect/TS/IR/TSOpsTypes.cpp.inc"

void TSDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "tsc/Dialect/TS/IR/TSOpsTypes.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// !ts.tensor[<[sizes][, dtype]>]
//===----------------------------------------------------------------------===//

Type ts::TensorType::parse(AsmParser &parser) {
  if (failed(parser.parseOptionalLess()))
    return ts::TensorType::get(parser.getContext(), std::nullopt, Type());
  std::optional<SmallVector<int64_t>> sizes;
  Type dtype;
  if (succeeded(parser.parseOptionalLSquare())) {
    sizes.emplace();
    if (failed(parser.parseOptionalRSquare())) {
      do {
        if (succeeded(parser.parseOptionalQuestion())) {
          sizes->push_back(kDynamic);
          continue;
        }
        int64_t dim = 0;
        if (parser.parseInteger(dim))
          return Type();
        if (dim < 0) {
          parser.emitError(parser.getCurrentLocation(),
                           "tensor dimension sizes must be non-negative");
          return Type();
        }
        sizes->push_back(dim);
      } while (succeeded(parser.parseOptionalComma()));
      if (parser.parseRSquare())
        return Type();
    }
    if (succeeded(parser.parseOptionalComma()) && parser.parseType(dtype))
      return Type();
  } else if (parser.parseType(dtype)) {
    return Type();
  }
  if (parser.parseGreater())
    return Type();
  if (sizes)
    return ts::TensorType::get(parser.getContext(), ArrayRef<int64_t>(*sizes),
                               dtype);
  return ts::TensorType::get(parser.getContext(), std::nullopt, dtype);
}

void ts::TensorType::print(AsmPrinter &printer) const {
  if (!hasSizes() && !getDtype())
    return;
  printer << "<";
  if (hasSizes()) {
    printer << "[";
    llvm::interleaveComma(*getSizes(), printer, [&](int64_t d) {
      if (d == kDynamic)
        printer << "?";
      else
        printer << d;
    });
    printer << "]";
    if (getDtype())
      printer << ", ";
  }
  if (getDtype())
    printer << getDtype();
  printer << ">";
}

//===----------------------------------------------------------------------===//
// !ts.tuple<T, ...>
//===----------------------------------------------------------------------===//

// !ts.tuple<T, ...> or, for a NamedTuple, !ts.tuple<"qualified.Name",
// field: T, ...>.
Type ts::TupleType::parse(AsmParser &parser) {
  MLIRContext *ctx = parser.getContext();
  SmallVector<Type> types;
  SmallVector<Attribute> fields;
  std::string name;
  if (parser.parseLess())
    return Type();
  bool named = succeeded(parser.parseOptionalString(&name));
  if (named ? succeeded(parser.parseOptionalComma())
            : failed(parser.parseOptionalGreater())) {
    do {
      if (named) {
        std::string field;
        if (parser.parseKeywordOrString(&field) || parser.parseColon())
          return Type();
        fields.push_back(StringAttr::get(ctx, field));
      }
      Type t;
      if (parser.parseType(t))
        return Type();
      types.push_back(t);
    } while (succeeded(parser.parseOptionalComma()));
    if (parser.parseGreater())
      return Type();
  } else if (named && parser.parseGreater()) {
    return Type();
  }
  if (!named)
    return ts::TupleType::get(ctx, types);
  return parser.getChecked<ts::TupleType>(
      ctx, types, StringAttr::get(ctx, name), ArrayAttr::get(ctx, fields));
}

void ts::TupleType::print(AsmPrinter &printer) const {
  printer << "<";
  if (getName()) {
    printer << "\"" << getName().getValue() << "\"";
    for (auto [field, type] : llvm::zip(getFieldNames(), getElementTypes())) {
      printer << ", ";
      printer.printKeywordOrString(cast<StringAttr>(field).getValue());
      printer << ": " << type;
    }
  } else {
    llvm::interleaveComma(getElementTypes(), printer);
  }
  printer << ">";
}

LogicalResult
ts::TupleType::verify(function_ref<InFlightDiagnostic()> emitError,
                      ArrayRef<Type> elementTypes, StringAttr name,
                      ArrayAttr fieldNames) {
  if (static_cast<bool>(name) != static_cast<bool>(fieldNames))
    return emitError() << "a named tuple needs both a name and field names";
  if (fieldNames && fieldNames.size() != elementTypes.size())
    return emitError() << "named tuple has " << fieldNames.size()
                       << " field names for " << elementTypes.size()
                       << " elements";
  return success();
}

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

bool tsc::ts::isScalarType(Type type) {
  if (auto i = dyn_cast<IntegerType>(type))
    return i.getWidth() == 64 || i.getWidth() == 1;
  return type.isF64();
}

bool tsc::ts::isSubtypeOf(Type from, Type to) {
  if (from == to || isa<ts::AnyType>(to))
    return true;
  if (isa<ts::TensorType>(from) && isa<ts::TensorType>(to)) {
    auto t = cast<ts::TensorType>(to);
    auto f = cast<ts::TensorType>(from);
    if (t.getDtype() && t.getDtype() != f.getDtype())
      return false;
    if (!t.hasSizes())
      return true;
    std::optional<ArrayRef<int64_t>> fromSizes = f.getSizes();
    std::optional<ArrayRef<int64_t>> toSizes = t.getSizes();
    if (!fromSizes || fromSizes->size() != toSizes->size())
      return false;
    for (auto [fd, td] : llvm::zip(*fromSizes, *toSizes))
      if (td != ts::TensorType::kDynamic && fd != td)
        return false;
    return true;
  }
  if (auto opt = dyn_cast<ts::OptionalType>(to)) {
    if (isa<ts::NoneType>(from))
      return true;
    if (auto fromOpt = dyn_cast<ts::OptionalType>(from))
      return isSubtypeOf(fromOpt.getElementType(), opt.getElementType());
    return isSubtypeOf(from, opt.getElementType());
  }
  if (auto u = dyn_cast<ts::UnionType>(to))
    return llvm::any_of(u.getElementTypes(),
                        [&](Type t) { return isSubtypeOf(from, t); });
  if (isa<ts::NumberType>(to))
    return isScalarType(from) && !from.isInteger(1);
  if (auto ft = dyn_cast<ts::TupleType>(from)) {
    auto tt = dyn_cast<ts::TupleType>(to);
    if (!tt || ft.getElementTypes().size() != tt.getElementTypes().size())
      return false;
    // A NamedTuple flows into a plain tuple, not into another NamedTuple.
    if (tt.getName() && tt.getName() != ft.getName())
      return false;
    for (auto [a, b] : llvm::zip(ft.getElementTypes(), tt.getElementTypes()))
      if (!isSubtypeOf(a, b))
        return false;
    return true;
  }
  // Lists are invariant in TorchScript, except that refinements of tensor
  // element types are not tracked by the type system.
  if (auto fl = dyn_cast<ts::ListType>(from))
    if (auto tl = dyn_cast<ts::ListType>(to))
      return isa<ts::TensorType>(fl.getElementType()) &&
             isa<ts::TensorType>(tl.getElementType());
  return false;
}

std::string tsc::ts::getTorchScriptTypeString(Type type) {
  std::string out;
  llvm::raw_string_ostream os(out);
  auto join = [&](ArrayRef<Type> types) {
    llvm::interleave(
        types, os, [&](Type t) { os << getTorchScriptTypeString(t); }, ", ");
  };
  llvm::TypeSwitch<Type>(type)
      .Case<ts::TensorType>([&](auto) { os << "Tensor"; })
      .Case<ts::StrType>([&](auto) { os << "str"; })
      .Case<ts::NoneType>([&](auto) { os << "NoneType"; })
      .Case<ts::DeviceType>([&](auto) { os << "Device"; })
      .Case<ts::NumberType>([&](auto) { os << "Scalar"; })
      .Case<ts::AnyType>([&](auto) { os << "Any"; })
      .Case<ts::ListType>([&](ts::ListType t) {
        os << "List[" << getTorchScriptTypeString(t.getElementType()) << "]";
      })
      .Case<ts::TupleType>([&](ts::TupleType t) {
        os << "Tuple[";
        join(t.getElementTypes());
        os << "]";
      })
      .Case<ts::DictType>([&](ts::DictType t) {
        os << "Dict[" << getTorchScriptTypeString(t.getKeyType()) << ", "
           << getTorchScriptTypeString(t.getValueType()) << "]";
      })
      .Case<ts::OptionalType>([&](ts::OptionalType t) {
        os << "Optional[" << getTorchScriptTypeString(t.getElementType())
           << "]";
      })
      .Case<ts::FutureType>([&](ts::FutureType t) {
        os << "Future[" << getTorchScriptTypeString(t.getElementType()) << "]";
      })
      .Case<ts::UnionType>([&](ts::UnionType t) {
        os << "Union[";
        join(t.getElementTypes());
        os << "]";
      })
      .Case<ts::ClassType>([&](ts::ClassType t) { os << t.getName(); })
      .Case<ts::OpaqueType>([&](ts::OpaqueType t) { os << t.getSpelling(); })
      .Default([&](Type t) {
        if (t.isInteger(64))
          os << "int";
        else if (t.isInteger(1))
          os << "bool";
        else if (t.isF64())
          os << "float";
        else
          os << "<unknown>";
      });
  return out;
}
