//===- TSGeneratedOps.td - generated, do not edit ------------*- tablegen -*-===//
//
// Written by utils/generate-ods from LibTorch's operator registry and
// utils/generate-ods/ops.txt. To change it, edit ops.txt and run
//   build/bin/tsc-generate-ods utils/generate-ods/ops.txt > \
//       include/tsc/Dialect/TS/IR/TSGeneratedOps.td
//
//===----------------------------------------------------------------------===//

#ifndef TSC_DIALECT_TS_IR_TSGENERATEDOPS
#define TSC_DIALECT_TS_IR_TSGENERATEDOPS

def TS_AtenAddIntOp : TS_RegisteredOp<"aten.add.int", [NoMemoryEffect]> {
  let summary = "aten::add.int(int a, int b) -> int";
  let arguments = (ins TS_Int:$a,
                       TS_Int:$b);
  let results = (outs TS_Int:$result);
  let hasFolder = 1;
}

def TS_AtenSubIntOp : TS_RegisteredOp<"aten.sub.int", [NoMemoryEffect]> {
  let summary = "aten::sub.int(int a, int b) -> int";
  let arguments = (ins TS_Int:$a,
                       TS_Int:$b);
  let results = (outs TS_Int:$result);
  let hasFolder = 1;
}

def TS_AtenMulIntOp : TS_RegisteredOp<"aten.mul.int", [NoMemoryEffect]> {
  let summary = "aten::mul.int(int a, int b) -> int";
  let arguments = (ins TS_Int:$a,
                       TS_Int:$b);
  let results = (outs TS_Int:$result);
  let hasFolder = 1;
}

def TS_AtenFloordivIntOp : TS_RegisteredOp<"aten.floordiv.int", [NoMemoryEffect]> {
  let summary = "aten::floordiv.int(int a, int b) -> int";
  let arguments = (ins TS_Int:$a,
                       TS_Int:$b);
  let results = (outs TS_Int:$result);
}

def TS_AtenRemainderIntOp : TS_RegisteredOp<"aten.remainder.int", [NoMemoryEffect]> {
  let summary = "aten::remainder.int(int a, int b) -> int";
  let arguments = (ins TS_Int:$a,
                       TS_Int:$b);
  let results = (outs TS_Int:$result);
}

def TS_AtenDivIntOp : TS_RegisteredOp<"aten.div.int", [NoMemoryEffect]> {
  let summary = "aten::div.int(int a, int b) -> float";
  let arguments = (ins TS_Int:$a,
                       TS_Int:$b);
  let results = (outs TS_Float:$result);
}

def TS_AtenPowIntOp : TS_RegisteredOp<"aten.pow.int", [NoMemoryEffect]> {
  let summary = "aten::pow.int(int a, int b) -> float";
  let arguments = (ins TS_Int:$a,
                       TS_Int:$b);
  let results = (outs TS_Float:$result);
}

def TS_AtenNegIntOp : TS_RegisteredOp<"aten.neg.int", [NoMemoryEffect]> {
  let summary = "aten::neg.int(int a) -> int";
  let arguments = (ins TS_Int:$a);
  let results = (outs TS_Int:$result);
}

def TS_PrimAbsIntOp : TS_RegisteredOp<"prim.abs.int", [NoMemoryEffect]> {
  let summary = "prim::abs.int(int a) -> int";
  let arguments = (ins TS_Int:$a);
  let results = (outs TS_Int:$result);
}

def TS_AtenLtIntOp : TS_RegisteredOp<"aten.lt.int", [NoMemoryEffect]> {
  let summary = "aten::lt.int(int a, int b) -> bool";
  let arguments = (ins TS_Int:$a,
                       TS_Int:$b);
  let results = (outs TS_Bool:$result);
  let hasFolder = 1;
}

def TS_AtenLeIntOp : TS_RegisteredOp<"aten.le.int", [NoMemoryEffect]> {
  let summary = "aten::le.int(int a, int b) -> bool";
  let arguments = (ins TS_Int:$a,
                       TS_Int:$b);
  let results = (outs TS_Bool:$result);
  let hasFolder = 1;
}

def TS_AtenGtIntOp : TS_RegisteredOp<"aten.gt.int", [NoMemoryEffect]> {
  let summary = "aten::gt.int(int a, int b) -> bool";
  let arguments = (ins TS_Int:$a,
                       TS_Int:$b);
  let results = (outs TS_Bool:$result);
  let hasFolder = 1;
}

def TS_AtenGeIntOp : TS_RegisteredOp<"aten.ge.int", [NoMemoryEffect]> {
  let summary = "aten::ge.int(int a, int b) -> bool";
  let arguments = (ins TS_Int:$a,
                       TS_Int:$b);
  let results = (outs TS_Bool:$result);
  let hasFolder = 1;
}

def TS_AtenEqIntOp : TS_RegisteredOp<"aten.eq.int", [NoMemoryEffect]> {
  let summary = "aten::eq.int(int a, int b) -> bool";
  let arguments = (ins TS_Int:$a,
                       TS_Int:$b);
  let results = (outs TS_Bool:$result);
  let hasFolder = 1;
}

def TS_AtenNeIntOp : TS_RegisteredOp<"aten.ne.int", [NoMemoryEffect]> {
  let summary = "aten::ne.int(int a, int b) -> bool";
  let arguments = (ins TS_Int:$a,
                       TS_Int:$b);
  let results = (outs TS_Bool:$result);
  let hasFolder = 1;
}

def TS_PrimMinIntOp : TS_RegisteredOp<"prim.min.int", [NoMemoryEffect]> {
  let summary = "prim::min.int(int a, int b) -> int";
  let arguments = (ins TS_Int:$a,
                       TS_Int:$b);
  let results = (outs TS_Int:$result);
}

def TS_PrimMaxIntOp : TS_RegisteredOp<"prim.max.int", [NoMemoryEffect]> {
  let summary = "prim::max.int(int a, int b) -> int";
  let arguments = (ins TS_Int:$a,
                       TS_Int:$b);
  let results = (outs TS_Int:$result);
}

def TS_Aten__RangeLengthOp : TS_RegisteredOp<"aten.__range_length", [NoMemoryEffect]> {
  let summary = "aten::__range_length(int lo, int hi, int step) -> int";
  let arguments = (ins TS_Int:$lo,
                       TS_Int:$hi,
                       TS_Int:$step);
  let results = (outs TS_Int:$result);
}

def TS_Aten__DeriveIndexOp : TS_RegisteredOp<"aten.__derive_index", [NoMemoryEffect]> {
  let summary = "aten::__derive_index(int index, int start, int step) -> int";
  let arguments = (ins TS_Int:$index,
                       TS_Int:$start,
                       TS_Int:$step);
  let results = (outs TS_Int:$result);
}

def TS_AtenAddFloatOp : TS_RegisteredOp<"aten.add.float", [NoMemoryEffect]> {
  let summary = "aten::add.float(float a, float b) -> float";
  let arguments = (ins TS_Float:$a,
                       TS_Float:$b);
  let results = (outs TS_Float:$result);
  let hasFolder = 1;
}

def TS_AtenSubFloatOp : TS_RegisteredOp<"aten.sub.float", [NoMemoryEffect]> {
  let summary = "aten::sub.float(float a, float b) -> float";
  let arguments = (ins TS_Float:$a,
                       TS_Float:$b);
  let results = (outs TS_Float:$result);
  let hasFolder = 1;
}

def TS_AtenMulFloatOp : TS_RegisteredOp<"aten.mul.float", [NoMemoryEffect]> {
  let summary = "aten::mul.float(float a, float b) -> float";
  let arguments = (ins TS_Float:$a,
                       TS_Float:$b);
  let results = (outs TS_Float:$result);
  let hasFolder = 1;
}

def TS_AtenDivFloatOp : TS_RegisteredOp<"aten.div.float", [NoMemoryEffect]> {
  let summary = "aten::div.float(float a, float b) -> float";
  let arguments = (ins TS_Float:$a,
                       TS_Float:$b);
  let results = (outs TS_Float:$result);
  let hasFolder = 1;
}

def TS_AtenNegFloatOp : TS_RegisteredOp<"aten.neg.float", [NoMemoryEffect]> {
  let summary = "aten::neg.float(float a) -> float";
  let arguments = (ins TS_Float:$a);
  let results = (outs TS_Float:$result);
}

def TS_AtenPowFloatOp : TS_RegisteredOp<"aten.pow.float", [NoMemoryEffect]> {
  let summary = "aten::pow.float(float a, float b) -> float";
  let arguments = (ins TS_Float:$a,
                       TS_Float:$b);
  let results = (outs TS_Float:$result);
}

def TS_AtenFloorFloatOp : TS_RegisteredOp<"aten.floor.float", [NoMemoryEffect]> {
  let summary = "aten::floor.float(float a) -> int";
  let arguments = (ins TS_Float:$a);
  let results = (outs TS_Int:$result);
}

def TS_AtenCeilFloatOp : TS_RegisteredOp<"aten.ceil.float", [NoMemoryEffect]> {
  let summary = "aten::ceil.float(float a) -> int";
  let arguments = (ins TS_Float:$a);
  let results = (outs TS_Int:$result);
}

def TS_AtenSqrtIntOp : TS_RegisteredOp<"aten.sqrt.int", [NoMemoryEffect]> {
  let summary = "aten::sqrt.int(int a) -> float";
  let arguments = (ins TS_Int:$a);
  let results = (outs TS_Float:$result);
}

def TS_AtenSqrtFloatOp : TS_RegisteredOp<"aten.sqrt.float", [NoMemoryEffect]> {
  let summary = "aten::sqrt.float(float a) -> float";
  let arguments = (ins TS_Float:$a);
  let results = (outs TS_Float:$result);
}

def TS_AtenLtFloatOp : TS_RegisteredOp<"aten.lt.float", [NoMemoryEffect]> {
  let summary = "aten::lt.float(float a, float b) -> bool";
  let arguments = (ins TS_Float:$a,
                       TS_Float:$b);
  let results = (outs TS_Bool:$result);
  let hasFolder = 1;
}

def TS_AtenLeFloatOp : TS_RegisteredOp<"aten.le.float", [NoMemoryEffect]> {
  let summary = "aten::le.float(float a, float b) -> bool";
  let arguments = (ins TS_Float:$a,
                       TS_Float:$b);
  let results = (outs TS_Bool:$result);
}

def TS_AtenGtFloatOp : TS_RegisteredOp<"aten.gt.float", [NoMemoryEffect]> {
  let summary = "aten::gt.float(float a, float b) -> bool";
  let arguments = (ins TS_Float:$a,
                       TS_Float:$b);
  let results = (outs TS_Bool:$result);
  let hasFolder = 1;
}

def TS_AtenGeFloatOp : TS_RegisteredOp<"aten.ge.float", [NoMemoryEffect]> {
  let summary = "aten::ge.float(float a, float b) -> bool";
  let arguments = (ins TS_Float:$a,
                       TS_Float:$b);
  let results = (outs TS_Bool:$result);
}

def TS_AtenEqFloatOp : TS_RegisteredOp<"aten.eq.float", [NoMemoryEffect]> {
  let summary = "aten::eq.float(float a, float b) -> bool";
  let arguments = (ins TS_Float:$a,
                       TS_Float:$b);
  let results = (outs TS_Bool:$result);
}

def TS_AtenNeFloatOp : TS_RegisteredOp<"aten.ne.float", [NoMemoryEffect]> {
  let summary = "aten::ne.float(float a, float b) -> bool";
  let arguments = (ins TS_Float:$a,
                       TS_Float:$b);
  let results = (outs TS_Bool:$result);
}

def TS_PrimMinFloatOp : TS_RegisteredOp<"prim.min.float", [NoMemoryEffect]> {
  let summary = "prim::min.float(float a, float b) -> float";
  let arguments = (ins TS_Float:$a,
                       TS_Float:$b);
  let results = (outs TS_Float:$result);
}

def TS_PrimMaxFloatOp : TS_RegisteredOp<"prim.max.float", [NoMemoryEffect]> {
  let summary = "prim::max.float(float a, float b) -> float";
  let arguments = (ins TS_Float:$a,
                       TS_Float:$b);
  let results = (outs TS_Float:$result);
}

def TS_AtenIntFloatOp : TS_RegisteredOp<"aten.Int.float", [NoMemoryEffect]> {
  let summary = "aten::Int.float(float a) -> int";
  let arguments = (ins TS_Float:$a);
  let results = (outs TS_Int:$result);
}

def TS_AtenIntBoolOp : TS_RegisteredOp<"aten.Int.bool", [NoMemoryEffect]> {
  let summary = "aten::Int.bool(bool a) -> int";
  let arguments = (ins TS_Bool:$a);
  let results = (outs TS_Int:$result);
}

def TS_AtenFloatIntOp : TS_RegisteredOp<"aten.Float.int", [NoMemoryEffect]> {
  let summary = "aten::Float.int(int a) -> float";
  let arguments = (ins TS_Int:$a);
  let results = (outs TS_Float:$result);
}

def TS_AtenFloatScalarOp : TS_RegisteredOp<"aten.Float.Scalar", [NoMemoryEffect]> {
  let summary = "aten::Float.Scalar(Scalar a) -> float";
  let arguments = (ins TS_Scalar:$a);
  let results = (outs TS_Float:$result);
}

def TS_AtenIntScalarOp : TS_RegisteredOp<"aten.Int.Scalar", [NoMemoryEffect]> {
  let summary = "aten::Int.Scalar(Scalar a) -> int";
  let arguments = (ins TS_Scalar:$a);
  let results = (outs TS_Int:$result);
}

def TS_AtenBoolIntOp : TS_RegisteredOp<"aten.Bool.int", [NoMemoryEffect]> {
  let summary = "aten::Bool.int(int a) -> bool";
  let arguments = (ins TS_Int:$a);
  let results = (outs TS_Bool:$result);
}

def TS_AtenDunderNotOp : TS_RegisteredOp<"aten.__not__", [NoMemoryEffect]> {
  let summary = "aten::__not__(bool self) -> bool";
  let arguments = (ins TS_Bool:$self);
  let results = (outs TS_Bool:$result);
  let hasFolder = 1;
}

def TS_AtenDunderAndBoolOp : TS_RegisteredOp<"aten.__and__.bool", [NoMemoryEffect]> {
  let summary = "aten::__and__.bool(bool a, bool b) -> bool";
  let arguments = (ins TS_Bool:$a,
                       TS_Bool:$b);
  let results = (outs TS_Bool:$result);
  let hasFolder = 1;
}

def TS_AtenDunderOrBoolOp : TS_RegisteredOp<"aten.__or__.bool", [NoMemoryEffect]> {
  let summary = "aten::__or__.bool(bool a, bool b) -> bool";
  let arguments = (ins TS_Bool:$a,
                       TS_Bool:$b);
  let results = (outs TS_Bool:$result);
  let hasFolder = 1;
}

def TS_AtenEqBoolOp : TS_RegisteredOp<"aten.eq.bool", [NoMemoryEffect]> {
  let summary = "aten::eq.bool(bool a, bool b) -> bool";
  let arguments = (ins TS_Bool:$a,
                       TS_Bool:$b);
  let results = (outs TS_Bool:$result);
}

def TS_AtenDunderIsOp : TS_RegisteredOp<"aten.__is__", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::__is__(t1 self, t2 obj) -> bool";
  let arguments = (ins AnyType:$self,
                       AnyType:$obj);
  let results = (outs TS_Bool:$result);
  let hasFolder = 1;
}

def TS_AtenDunderIsnotOp : TS_RegisteredOp<"aten.__isnot__", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::__isnot__(t1 self, t2 obj) -> bool";
  let arguments = (ins AnyType:$self,
                       AnyType:$obj);
  let results = (outs TS_Bool:$result);
  let hasFolder = 1;
}

def TS_AtenAddStrOp : TS_RegisteredOp<"aten.add.str", [NoMemoryEffect]> {
  let summary = "aten::add.str(str a, str b) -> str";
  let arguments = (ins TS_Str:$a,
                       TS_Str:$b);
  let results = (outs TS_Str:$result);
}

def TS_AtenEqStrOp : TS_RegisteredOp<"aten.eq.str", [NoMemoryEffect]> {
  let summary = "aten::eq.str(str a, str b) -> bool";
  let arguments = (ins TS_Str:$a,
                       TS_Str:$b);
  let results = (outs TS_Bool:$result);
}

def TS_AtenNeStrOp : TS_RegisteredOp<"aten.ne.str", [NoMemoryEffect]> {
  let summary = "aten::ne.str(str a, str b) -> bool";
  let arguments = (ins TS_Str:$a,
                       TS_Str:$b);
  let results = (outs TS_Bool:$result);
}

def TS_AtenLenStrOp : TS_RegisteredOp<"aten.len.str", [NoMemoryEffect]> {
  let summary = "aten::len.str(str s) -> int";
  let arguments = (ins TS_Str:$s);
  let results = (outs TS_Int:$result);
}

def TS_AtenStrOp : TS_RegisteredOp<"aten.str", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::str(t elem) -> str";
  let arguments = (ins AnyType:$elem);
  let results = (outs TS_Str:$result);
}

def TS_AtenFindOp : TS_RegisteredOp<"aten.find", [NoMemoryEffect]> {
  let summary = "aten::find(str self, str substr, int start=0, int end=-1) -> int";
  let arguments = (ins TS_Str:$self,
                       TS_Str:$substr,
                       TS_Int:$start,
                       TS_Int:$end);
  let results = (outs TS_Int:$result);
}

def TS_AtenLowerOp : TS_RegisteredOp<"aten.lower", [NoMemoryEffect]> {
  let summary = "aten::lower(str self) -> str";
  let arguments = (ins TS_Str:$self);
  let results = (outs TS_Str:$result);
}

def TS_AtenUpperOp : TS_RegisteredOp<"aten.upper", [NoMemoryEffect]> {
  let summary = "aten::upper(str self) -> str";
  let arguments = (ins TS_Str:$self);
  let results = (outs TS_Str:$result);
}

def TS_AtenStartswithOp : TS_RegisteredOp<"aten.startswith", [NoMemoryEffect]> {
  let summary = "aten::startswith(str self, str substr, int start=0, int end=-1) -> bool";
  let arguments = (ins TS_Str:$self,
                       TS_Str:$substr,
                       TS_Int:$start,
                       TS_Int:$end);
  let results = (outs TS_Bool:$result);
}

def TS_AtenEndswithOp : TS_RegisteredOp<"aten.endswith", [NoMemoryEffect]> {
  let summary = "aten::endswith(str self, str substr, int start=0, int end=-1) -> bool";
  let arguments = (ins TS_Str:$self,
                       TS_Str:$substr,
                       TS_Int:$start,
                       TS_Int:$end);
  let results = (outs TS_Bool:$result);
}

def TS_AtenJoinOp : TS_RegisteredOp<"aten.join", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::join(str self, str[] values) -> str";
  let arguments = (ins TS_Str:$self,
                       TS_List:$values);
  let results = (outs TS_Str:$result);
}

def TS_AtenWarnOp : TS_RegisteredOp<"aten.warn"> {
  let summary = "aten::warn(str message, int stacklevel=2) -> ()";
  let arguments = (ins TS_Str:$message,
                       TS_Int:$stacklevel);
  let results = (outs);
}

def TS_AtenLenTOp : TS_RegisteredOp<"aten.len.t", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::len.t(t[] a) -> int";
  let arguments = (ins TS_List:$a);
  let results = (outs TS_Int:$result);
}

def TS_AtenDunderGetitemTOp : TS_RegisteredOp<"aten.__getitem__.t", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::__getitem__.t(t[](a) list, int idx) -> t(*)";
  let arguments = (ins TS_List:$list,
                       TS_Int:$idx);
  let results = (outs AnyType:$result);
}

def TS_Aten_SetItemTOp : TS_RegisteredOp<"aten._set_item.t", [TS_ReturnsAlias, TS_InPlace]> {
  let summary = "aten::_set_item.t(t[](a!) l, int idx, t(b -> *) el) -> t[](a!)";
  let arguments = (ins TS_List:$l,
                       TS_Int:$idx,
                       AnyType:$el);
  let results = (outs TS_List:$result);
}

def TS_AtenAppendTOp : TS_RegisteredOp<"aten.append.t", [TS_ReturnsAlias, TS_InPlace]> {
  let summary = "aten::append.t(t[](a!) self, t(c -> *) el) -> t[](a!)";
  let arguments = (ins TS_List:$self,
                       AnyType:$el);
  let results = (outs TS_List:$result);
}

def TS_AtenExtendTOp : TS_RegisteredOp<"aten.extend.t", [TS_InPlace]> {
  let summary = "aten::extend.t(t[](a!) self, t[] other) -> ()";
  let arguments = (ins TS_List:$self,
                       TS_List:$other);
  let results = (outs);
}

def TS_AtenPopTOp : TS_RegisteredOp<"aten.pop.t", [TS_ReturnsAlias, TS_InPlace]> {
  let summary = "aten::pop.t(t[](a!) self, int idx=-1) -> t(*)";
  let arguments = (ins TS_List:$self,
                       TS_Int:$idx);
  let results = (outs AnyType:$result);
}

def TS_AtenInsertTOp : TS_RegisteredOp<"aten.insert.t", [TS_InPlace]> {
  let summary = "aten::insert.t(t[](a!) self, int idx, t(b -> *) el) -> ()";
  let arguments = (ins TS_List:$self,
                       TS_Int:$idx,
                       AnyType:$el);
  let results = (outs);
}

def TS_AtenClearTOp : TS_RegisteredOp<"aten.clear.t", [TS_InPlace]> {
  let summary = "aten::clear.t(t[](a!) self) -> ()";
  let arguments = (ins TS_List:$self);
  let results = (outs);
}

def TS_AtenReverseTOp : TS_RegisteredOp<"aten.reverse.t", [TS_InPlace]> {
  let summary = "aten::reverse.t(t[](a!) self) -> ()";
  let arguments = (ins TS_List:$self);
  let results = (outs);
}

def TS_AtenAddTOp : TS_RegisteredOp<"aten.add.t", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::add.t(t[] a, t[] b) -> t[]";
  let arguments = (ins TS_List:$a,
                       TS_List:$b);
  let results = (outs TS_List:$result);
}

def TS_AtenSliceTOp : TS_RegisteredOp<"aten.slice.t", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::slice.t(t[] l, int? start=None, int? end=None, int step=1) -> t[]";
  let arguments = (ins TS_List:$l,
                       TS_OptionalOf<TS_Int>:$start,
                       TS_OptionalOf<TS_Int>:$end,
                       TS_Int:$step);
  let results = (outs TS_List:$result);
}

def TS_AtenListTOp : TS_RegisteredOp<"aten.list.t", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::list.t(t[] l) -> t[]";
  let arguments = (ins TS_List:$l);
  let results = (outs TS_List:$result);
}

def TS_AtenEqIntListOp : TS_RegisteredOp<"aten.eq.int_list", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::eq.int_list(int[] a, int[] b) -> bool";
  let arguments = (ins TS_List:$a,
                       TS_List:$b);
  let results = (outs TS_Bool:$result);
}

def TS_AtenNeIntListOp : TS_RegisteredOp<"aten.ne.int_list", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::ne.int_list(int[] a, int[] b) -> bool";
  let arguments = (ins TS_List:$a,
                       TS_List:$b);
  let results = (outs TS_Bool:$result);
}

def TS_AtenDunderContainsIntListOp : TS_RegisteredOp<"aten.__contains__.int_list", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::__contains__.int_list(int[] l, int item) -> bool";
  let arguments = (ins TS_List:$l,
                       TS_Int:$item);
  let results = (outs TS_Bool:$result);
}

def TS_AtenDunderContainsStrListOp : TS_RegisteredOp<"aten.__contains__.str_list", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::__contains__.str_list(str[] l, str item) -> bool";
  let arguments = (ins TS_List:$l,
                       TS_Str:$item);
  let results = (outs TS_Bool:$result);
}

def TS_AtenAllBoolOp : TS_RegisteredOp<"aten.all.bool", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::all.bool(bool[] self) -> bool";
  let arguments = (ins TS_List:$self);
  let results = (outs TS_Bool:$result);
}

def TS_AtenAnyBoolOp : TS_RegisteredOp<"aten.any.bool", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::any.bool(bool[] self) -> bool";
  let arguments = (ins TS_List:$self);
  let results = (outs TS_Bool:$result);
}

def TS_AtenSumIntOp : TS_RegisteredOp<"aten.sum.int", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::sum.int(int[] self) -> int";
  let arguments = (ins TS_List:$self);
  let results = (outs TS_Int:$result);
}

def TS_AtenLenDictStrOp : TS_RegisteredOp<"aten.len.Dict_str", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::len.Dict_str(Dict(str, t) self) -> int";
  let arguments = (ins TS_Dict:$self);
  let results = (outs TS_Int:$result);
}

def TS_AtenDunderGetitemDictStrOp : TS_RegisteredOp<"aten.__getitem__.Dict_str", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::__getitem__.Dict_str(Dict(str, t) self, str key) -> t(*)";
  let arguments = (ins TS_Dict:$self,
                       TS_Str:$key);
  let results = (outs AnyType:$result);
}

def TS_Aten_SetItemStrOp : TS_RegisteredOp<"aten._set_item.str", [TS_InPlace]> {
  let summary = "aten::_set_item.str(Dict(str, t)(a!) l, str(b -> *) idx, t(c -> *) v) -> ()";
  let arguments = (ins TS_Dict:$l,
                       TS_Str:$idx,
                       AnyType:$v);
  let results = (outs);
}

def TS_AtenDunderContainsStrOp : TS_RegisteredOp<"aten.__contains__.str", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::__contains__.str(Dict(str, t) dict, str key) -> bool";
  let arguments = (ins TS_Dict:$dict,
                       TS_Str:$key);
  let results = (outs TS_Bool:$result);
}

def TS_AtenKeysStrOp : TS_RegisteredOp<"aten.keys.str", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::keys.str(Dict(str, t) self) -> str[](*)";
  let arguments = (ins TS_Dict:$self);
  let results = (outs TS_List:$result);
}

def TS_AtenValuesStrOp : TS_RegisteredOp<"aten.values.str", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::values.str(Dict(str, t) self) -> t[](*)";
  let arguments = (ins TS_Dict:$self);
  let results = (outs TS_List:$result);
}

def TS_AtenGetStrOp : TS_RegisteredOp<"aten.get.str", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::get.str(Dict(str, t) self, str key) -> t(*)?";
  let arguments = (ins TS_Dict:$self,
                       TS_Str:$key);
  let results = (outs AnyType:$result);
}

def TS_AtenGetDefaultStrOp : TS_RegisteredOp<"aten.get.default_str", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::get.default_str(Dict(str, t) self, str key, t default_value) -> t(*)";
  let arguments = (ins TS_Dict:$self,
                       TS_Str:$key,
                       AnyType:$default_value);
  let results = (outs AnyType:$result);
}

def TS_AtenItemsStrOp : TS_RegisteredOp<"aten.items.str", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::items.str(Dict(str, t) self) -> ((str, t)[])";
  let arguments = (ins TS_Dict:$self);
  let results = (outs TS_List:$result);
}

def TS_AtenSizeOp : TS_RegisteredOp<"aten.size", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::size(Tensor self) -> int[]";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_List:$result);
}

def TS_AtenSizeIntOp : TS_RegisteredOp<"aten.size.int", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::size.int(Tensor self, int dim) -> int";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$dim);
  let results = (outs TS_Int:$result);
}

def TS_AtenDimOp : TS_RegisteredOp<"aten.dim", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::dim(Tensor self) -> int";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_Int:$result);
}

def TS_AtenNumelOp : TS_RegisteredOp<"aten.numel", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::numel(Tensor self) -> int";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_Int:$result);
}

def TS_AtenLenTensorOp : TS_RegisteredOp<"aten.len.Tensor", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::len.Tensor(Tensor t) -> int";
  let arguments = (ins TS_AnyTensor:$t);
  let results = (outs TS_Int:$result);
}

def TS_AtenIsFloatingPointOp : TS_RegisteredOp<"aten.is_floating_point", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::is_floating_point(Tensor self) -> bool";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_Bool:$result);
}

def TS_AtenIntTensorOp : TS_RegisteredOp<"aten.Int.Tensor", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::Int.Tensor(Tensor a) -> int";
  let arguments = (ins TS_AnyTensor:$a);
  let results = (outs TS_Int:$result);
}

def TS_AtenFloatTensorOp : TS_RegisteredOp<"aten.Float.Tensor", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::Float.Tensor(Tensor a) -> float";
  let arguments = (ins TS_AnyTensor:$a);
  let results = (outs TS_Float:$result);
}

def TS_AtenBoolTensorOp : TS_RegisteredOp<"aten.Bool.Tensor", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::Bool.Tensor(Tensor a) -> bool";
  let arguments = (ins TS_AnyTensor:$a);
  let results = (outs TS_Bool:$result);
}

def TS_AtenItemOp : TS_RegisteredOp<"aten.item", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::item(Tensor self) -> Scalar";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_Scalar:$result);
}

def TS_AtenIsGradEnabledOp : TS_RegisteredOp<"aten.is_grad_enabled"> {
  let summary = "aten::is_grad_enabled() -> bool";
  let arguments = (ins);
  let results = (outs TS_Bool:$result);
}

def TS_AtenWaitOp : TS_RegisteredOp<"aten.wait", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::wait(Future(t) self) -> t";
  let arguments = (ins AnyType:$self);
  let results = (outs AnyType:$result);
}

def TS_PrimNumToTensorScalarOp : TS_RegisteredOp<"prim.NumToTensor.Scalar", [MemoryEffects<[MemRead]>]> {
  let summary = "prim::NumToTensor.Scalar(Scalar a) -> Tensor";
  let arguments = (ins TS_Scalar:$a);
  let results = (outs TS_AnyTensor:$result);
}

def TS_PrimDtypeOp : TS_RegisteredOp<"prim.dtype", [MemoryEffects<[MemRead]>]> {
  let summary = "prim::dtype(Tensor a) -> int";
  let arguments = (ins TS_AnyTensor:$a);
  let results = (outs TS_Int:$result);
}

def TS_PrimDeviceOp : TS_RegisteredOp<"prim.device", [MemoryEffects<[MemRead]>]> {
  let summary = "prim::device(Tensor a) -> Device";
  let arguments = (ins TS_AnyTensor:$a);
  let results = (outs TS_Device:$result);
}

def TS_PrimIsCudaOp : TS_RegisteredOp<"prim.is_cuda", [MemoryEffects<[MemRead]>]> {
  let summary = "prim::is_cuda(Tensor a) -> bool";
  let arguments = (ins TS_AnyTensor:$a);
  let results = (outs TS_Bool:$result);
}

def TS_PrimRequiresGradOp : TS_RegisteredOp<"prim.requires_grad", [MemoryEffects<[MemRead]>]> {
  let summary = "prim::requires_grad(Tensor a) -> bool";
  let arguments = (ins TS_AnyTensor:$a);
  let results = (outs TS_Bool:$result);
}

def TS_PrimIsNestedOp : TS_RegisteredOp<"prim.is_nested", [MemoryEffects<[MemRead]>]> {
  let summary = "prim::is_nested(Tensor a) -> bool";
  let arguments = (ins TS_AnyTensor:$a);
  let results = (outs TS_Bool:$result);
}

def TS_AtenToDtypeOp : TS_RegisteredOp<"aten.to.dtype", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::to.dtype(Tensor(a) self, ScalarType dtype, bool non_blocking=False, bool copy=False, MemoryFormat? memory_format=None) -> Tensor(a)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$dtype,
                       TS_Bool:$non_blocking,
                       TS_Bool:$copy,
                       TS_OptionalOf<TS_Int>:$memory_format);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenToDeviceOp : TS_RegisteredOp<"aten.to.device", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::to.device(Tensor(a) self, Device device, ScalarType dtype, bool non_blocking=False, bool copy=False, MemoryFormat? memory_format=None) -> Tensor(a)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Device:$device,
                       TS_Int:$dtype,
                       TS_Bool:$non_blocking,
                       TS_Bool:$copy,
                       TS_OptionalOf<TS_Int>:$memory_format);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenToOtherOp : TS_RegisteredOp<"aten.to.other", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::to.other(Tensor(a) self, Tensor other, bool non_blocking=False, bool copy=False, MemoryFormat? memory_format=None) -> Tensor(a)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$other,
                       TS_Bool:$non_blocking,
                       TS_Bool:$copy,
                       TS_OptionalOf<TS_Int>:$memory_format);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenTypeAsOp : TS_RegisteredOp<"aten.type_as", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::type_as(Tensor self, Tensor other) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenContiguousOp : TS_RegisteredOp<"aten.contiguous", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::contiguous(Tensor(a) self, *, MemoryFormat memory_format=0) -> Tensor(a)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$memory_format);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenCloneOp : TS_RegisteredOp<"aten.clone", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::clone(Tensor self, *, MemoryFormat? memory_format=None) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_OptionalOf<TS_Int>:$memory_format);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenDetachOp : TS_RegisteredOp<"aten.detach", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::detach(Tensor(a) self) -> Tensor(a)";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenZerosOp : TS_RegisteredOp<"aten.zeros", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::zeros(SymInt[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=None) -> Tensor";
  let arguments = (ins TS_List:$size,
                       TS_OptionalOf<TS_Int>:$dtype,
                       TS_OptionalOf<TS_Int>:$layout,
                       TS_OptionalOf<TS_Device>:$device,
                       TS_OptionalOf<TS_Bool>:$pin_memory);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenOnesOp : TS_RegisteredOp<"aten.ones", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::ones(SymInt[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=None) -> Tensor";
  let arguments = (ins TS_List:$size,
                       TS_OptionalOf<TS_Int>:$dtype,
                       TS_OptionalOf<TS_Int>:$layout,
                       TS_OptionalOf<TS_Device>:$device,
                       TS_OptionalOf<TS_Bool>:$pin_memory);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenFullOp : TS_RegisteredOp<"aten.full", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::full(SymInt[] size, Scalar fill_value, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=None) -> Tensor";
  let arguments = (ins TS_List:$size,
                       TS_Scalar:$fill_value,
                       TS_OptionalOf<TS_Int>:$dtype,
                       TS_OptionalOf<TS_Int>:$layout,
                       TS_OptionalOf<TS_Device>:$device,
                       TS_OptionalOf<TS_Bool>:$pin_memory);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenEmptyMemoryFormatOp : TS_RegisteredOp<"aten.empty.memory_format", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::empty.memory_format(SymInt[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=None, MemoryFormat? memory_format=None) -> Tensor";
  let arguments = (ins TS_List:$size,
                       TS_OptionalOf<TS_Int>:$dtype,
                       TS_OptionalOf<TS_Int>:$layout,
                       TS_OptionalOf<TS_Device>:$device,
                       TS_OptionalOf<TS_Bool>:$pin_memory,
                       TS_OptionalOf<TS_Int>:$memory_format);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenArangeOp : TS_RegisteredOp<"aten.arange", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::arange(Scalar end, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=None) -> Tensor";
  let arguments = (ins TS_Scalar:$end,
                       TS_OptionalOf<TS_Int>:$dtype,
                       TS_OptionalOf<TS_Int>:$layout,
                       TS_OptionalOf<TS_Device>:$device,
                       TS_OptionalOf<TS_Bool>:$pin_memory);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenArangeStartOp : TS_RegisteredOp<"aten.arange.start", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::arange.start(Scalar start, Scalar end, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=None) -> Tensor";
  let arguments = (ins TS_Scalar:$start,
                       TS_Scalar:$end,
                       TS_OptionalOf<TS_Int>:$dtype,
                       TS_OptionalOf<TS_Int>:$layout,
                       TS_OptionalOf<TS_Device>:$device,
                       TS_OptionalOf<TS_Bool>:$pin_memory);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenZerosLikeOp : TS_RegisteredOp<"aten.zeros_like", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::zeros_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=None, MemoryFormat? memory_format=None) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_OptionalOf<TS_Int>:$dtype,
                       TS_OptionalOf<TS_Int>:$layout,
                       TS_OptionalOf<TS_Device>:$device,
                       TS_OptionalOf<TS_Bool>:$pin_memory,
                       TS_OptionalOf<TS_Int>:$memory_format);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenOnesLikeOp : TS_RegisteredOp<"aten.ones_like", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::ones_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=None, MemoryFormat? memory_format=None) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_OptionalOf<TS_Int>:$dtype,
                       TS_OptionalOf<TS_Int>:$layout,
                       TS_OptionalOf<TS_Device>:$device,
                       TS_OptionalOf<TS_Bool>:$pin_memory,
                       TS_OptionalOf<TS_Int>:$memory_format);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenFullLikeOp : TS_RegisteredOp<"aten.full_like", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::full_like(Tensor self, Scalar fill_value, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=None, MemoryFormat? memory_format=None) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$fill_value,
                       TS_OptionalOf<TS_Int>:$dtype,
                       TS_OptionalOf<TS_Int>:$layout,
                       TS_OptionalOf<TS_Device>:$device,
                       TS_OptionalOf<TS_Bool>:$pin_memory,
                       TS_OptionalOf<TS_Int>:$memory_format);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenRandOp : TS_RegisteredOp<"aten.rand"> {
  let summary = "aten::rand(int[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=None) -> Tensor";
  let arguments = (ins TS_List:$size,
                       TS_OptionalOf<TS_Int>:$dtype,
                       TS_OptionalOf<TS_Int>:$layout,
                       TS_OptionalOf<TS_Device>:$device,
                       TS_OptionalOf<TS_Bool>:$pin_memory);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenRandnOp : TS_RegisteredOp<"aten.randn"> {
  let summary = "aten::randn(int[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=None) -> Tensor";
  let arguments = (ins TS_List:$size,
                       TS_OptionalOf<TS_Int>:$dtype,
                       TS_OptionalOf<TS_Int>:$layout,
                       TS_OptionalOf<TS_Device>:$device,
                       TS_OptionalOf<TS_Bool>:$pin_memory);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenTensorIntOp : TS_RegisteredOp<"aten.tensor.int", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::tensor.int(int t, *, ScalarType? dtype=None, Device? device=None, bool requires_grad=False) -> Tensor";
  let arguments = (ins TS_Int:$t,
                       TS_OptionalOf<TS_Int>:$dtype,
                       TS_OptionalOf<TS_Device>:$device,
                       TS_Bool:$requires_grad);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenTensorFloatOp : TS_RegisteredOp<"aten.tensor.float", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::tensor.float(float t, *, ScalarType? dtype=None, Device? device=None, bool requires_grad=False) -> Tensor";
  let arguments = (ins TS_Float:$t,
                       TS_OptionalOf<TS_Int>:$dtype,
                       TS_OptionalOf<TS_Device>:$device,
                       TS_Bool:$requires_grad);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenViewOp : TS_RegisteredOp<"aten.view", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::view(Tensor(a) self, SymInt[] size) -> Tensor(a)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_List:$size);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenReshapeOp : TS_RegisteredOp<"aten.reshape", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::reshape(Tensor(a) self, SymInt[] shape) -> Tensor(a)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_List:$shape);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenFlattenUsingIntsOp : TS_RegisteredOp<"aten.flatten.using_ints", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::flatten.using_ints(Tensor(a) self, int start_dim=0, int end_dim=-1) -> Tensor(a)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$start_dim,
                       TS_Int:$end_dim);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenSqueezeDimOp : TS_RegisteredOp<"aten.squeeze.dim", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::squeeze.dim(Tensor(a) self, int dim) -> Tensor(a)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$dim);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenSqueezeOp : TS_RegisteredOp<"aten.squeeze", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::squeeze(Tensor(a) self) -> Tensor(a)";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenUnsqueezeOp : TS_RegisteredOp<"aten.unsqueeze", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::unsqueeze(Tensor(a) self, int dim) -> Tensor(a)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$dim);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenTransposeIntOp : TS_RegisteredOp<"aten.transpose.int", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::transpose.int(Tensor(a) self, int dim0, int dim1) -> Tensor(a)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$dim0,
                       TS_Int:$dim1);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenPermuteOp : TS_RegisteredOp<"aten.permute", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::permute(Tensor(a) self, int[] dims) -> Tensor(a)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_List:$dims);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenTOp : TS_RegisteredOp<"aten.t", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::t(Tensor(a) self) -> Tensor(a)";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenExpandOp : TS_RegisteredOp<"aten.expand", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::expand(Tensor(a) self, SymInt[] size, *, bool implicit=False) -> Tensor(a)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_List:$size,
                       TS_Bool:$implicit);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenExpandAsOp : TS_RegisteredOp<"aten.expand_as", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::expand_as(Tensor(a) self, Tensor other) -> Tensor(a)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenSliceTensorOp : TS_RegisteredOp<"aten.slice.Tensor", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::slice.Tensor(Tensor(a) self, int dim=0, SymInt? start=None, SymInt? end=None, SymInt step=1) -> Tensor(a)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$dim,
                       TS_OptionalOf<TS_Int>:$start,
                       TS_OptionalOf<TS_Int>:$end,
                       TS_Int:$step);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenSelectIntOp : TS_RegisteredOp<"aten.select.int", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::select.int(Tensor(a) self, int dim, int index) -> Tensor(a)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$dim,
                       TS_Int:$index);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenNarrowOp : TS_RegisteredOp<"aten.narrow", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::narrow(Tensor(a) self, int dim, int start, int length) -> Tensor(a)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$dim,
                       TS_Int:$start,
                       TS_Int:$length);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenChunkOp : TS_RegisteredOp<"aten.chunk", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::chunk(Tensor(a -> *) self, int chunks, int dim=0) -> Tensor(a)[]";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$chunks,
                       TS_Int:$dim);
  let results = (outs TS_List:$result);
}

def TS_AtenSplitTensorOp : TS_RegisteredOp<"aten.split.Tensor", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::split.Tensor(Tensor(a -> *) self, int split_size, int dim=0) -> Tensor(a)[]";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$split_size,
                       TS_Int:$dim);
  let results = (outs TS_List:$result);
}

def TS_AtenSplitSizesOp : TS_RegisteredOp<"aten.split.sizes", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::split.sizes(Tensor(a -> *) self, int[] split_size, int dim=0) -> Tensor(a)[]";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_List:$split_size,
                       TS_Int:$dim);
  let results = (outs TS_List:$result);
}

def TS_AtenUnbindIntOp : TS_RegisteredOp<"aten.unbind.int", [TS_ReturnsAlias, MemoryEffects<[MemRead]>]> {
  let summary = "aten::unbind.int(Tensor(a -> *) self, int dim=0) -> Tensor(a)[]";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$dim);
  let results = (outs TS_List:$result);
}

def TS_AtenCatOp : TS_RegisteredOp<"aten.cat", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::cat(Tensor[] tensors, int dim=0) -> Tensor";
  let arguments = (ins TS_List:$tensors,
                       TS_Int:$dim);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenStackOp : TS_RegisteredOp<"aten.stack", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::stack(Tensor[] tensors, int dim=0) -> Tensor";
  let arguments = (ins TS_List:$tensors,
                       TS_Int:$dim);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenRepeatOp : TS_RegisteredOp<"aten.repeat", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::repeat(Tensor self, SymInt[] repeats) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_List:$repeats);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenIndexTensorOp : TS_RegisteredOp<"aten.index.Tensor", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::index.Tensor(Tensor self, Tensor?[] indices) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_List:$indices);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenIndexSelectOp : TS_RegisteredOp<"aten.index_select", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::index_select(Tensor self, int dim, Tensor index) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$dim,
                       TS_AnyTensor:$index);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenGatherOp : TS_RegisteredOp<"aten.gather", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::gather(Tensor self, int dim, Tensor index, *, bool sparse_grad=False) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$dim,
                       TS_AnyTensor:$index,
                       TS_Bool:$sparse_grad);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenMaskedFillScalarOp : TS_RegisteredOp<"aten.masked_fill.Scalar", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::masked_fill.Scalar(Tensor self, Tensor mask, Scalar value) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$mask,
                       TS_Scalar:$value);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenWhereSelfOp : TS_RegisteredOp<"aten.where.self", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::where.self(Tensor condition, Tensor self, Tensor other) -> Tensor";
  let arguments = (ins TS_AnyTensor:$condition,
                       TS_AnyTensor:$self,
                       TS_AnyTensor:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenBroadcastTensorsOp : TS_RegisteredOp<"aten.broadcast_tensors", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::broadcast_tensors(Tensor[] tensors) -> Tensor[]";
  let arguments = (ins TS_List:$tensors);
  let results = (outs TS_List:$result);
}

def TS_AtenPadOp : TS_RegisteredOp<"aten.pad", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::pad(Tensor self, int[] pad, str mode=\"constant\", float? value=None) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_List:$pad,
                       TS_Str:$mode,
                       TS_OptionalOf<TS_Float>:$value);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenAddTensorOp : TS_RegisteredOp<"aten.add.Tensor", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$other,
                       TS_Scalar:$alpha);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenAddScalarOp : TS_RegisteredOp<"aten.add.Scalar", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::add.Scalar(Tensor self, Scalar other, Scalar alpha=1) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$other,
                       TS_Scalar:$alpha);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenSubTensorOp : TS_RegisteredOp<"aten.sub.Tensor", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::sub.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$other,
                       TS_Scalar:$alpha);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenSubScalarOp : TS_RegisteredOp<"aten.sub.Scalar", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::sub.Scalar(Tensor self, Scalar other, Scalar alpha=1) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$other,
                       TS_Scalar:$alpha);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenRsubScalarOp : TS_RegisteredOp<"aten.rsub.Scalar", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::rsub.Scalar(Tensor self, Scalar other, Scalar alpha=1) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$other,
                       TS_Scalar:$alpha);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenMulTensorOp : TS_RegisteredOp<"aten.mul.Tensor", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::mul.Tensor(Tensor self, Tensor other) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenMulScalarOp : TS_RegisteredOp<"aten.mul.Scalar", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::mul.Scalar(Tensor self, Scalar other) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenDivTensorOp : TS_RegisteredOp<"aten.div.Tensor", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::div.Tensor(Tensor self, Tensor other) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenDivScalarOp : TS_RegisteredOp<"aten.div.Scalar", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::div.Scalar(Tensor self, Scalar other) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenFloorDivideOp : TS_RegisteredOp<"aten.floor_divide", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::floor_divide(Tensor self, Tensor other) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenPowTensorScalarOp : TS_RegisteredOp<"aten.pow.Tensor_Scalar", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::pow.Tensor_Scalar(Tensor self, Scalar exponent) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$exponent);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenPowTensorTensorOp : TS_RegisteredOp<"aten.pow.Tensor_Tensor", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::pow.Tensor_Tensor(Tensor self, Tensor exponent) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$exponent);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenNegOp : TS_RegisteredOp<"aten.neg", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::neg(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenAbsOp : TS_RegisteredOp<"aten.abs", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::abs(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenExpOp : TS_RegisteredOp<"aten.exp", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::exp(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenLogOp : TS_RegisteredOp<"aten.log", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::log(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenSqrtOp : TS_RegisteredOp<"aten.sqrt", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::sqrt(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenRsqrtOp : TS_RegisteredOp<"aten.rsqrt", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::rsqrt(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenSinOp : TS_RegisteredOp<"aten.sin", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::sin(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenCosOp : TS_RegisteredOp<"aten.cos", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::cos(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenTanhOp : TS_RegisteredOp<"aten.tanh", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::tanh(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenSigmoidOp : TS_RegisteredOp<"aten.sigmoid", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::sigmoid(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenReluOp : TS_RegisteredOp<"aten.relu", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::relu(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenRelu6Op : TS_RegisteredOp<"aten.relu6", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::relu6(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenGeluOp : TS_RegisteredOp<"aten.gelu", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::gelu(Tensor self, *, str approximate=\"none\") -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Str:$approximate);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenSiluOp : TS_RegisteredOp<"aten.silu", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::silu(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenHardswishOp : TS_RegisteredOp<"aten.hardswish", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::hardswish(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenHardsigmoidOp : TS_RegisteredOp<"aten.hardsigmoid", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::hardsigmoid(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenHardtanhOp : TS_RegisteredOp<"aten.hardtanh", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::hardtanh(Tensor self, Scalar min_val=-1, Scalar max_val=1) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$min_val,
                       TS_Scalar:$max_val);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenLeakyReluOp : TS_RegisteredOp<"aten.leaky_relu", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::leaky_relu(Tensor self, Scalar negative_slope=0.01) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$negative_slope);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenEluOp : TS_RegisteredOp<"aten.elu", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::elu(Tensor self, Scalar alpha=1, Scalar scale=1, Scalar input_scale=1) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$alpha,
                       TS_Scalar:$scale,
                       TS_Scalar:$input_scale);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenClampOp : TS_RegisteredOp<"aten.clamp", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::clamp(Tensor self, Scalar? min=None, Scalar? max=None) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_OptionalOf<TS_Scalar>:$min,
                       TS_OptionalOf<TS_Scalar>:$max);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenEqTensorOp : TS_RegisteredOp<"aten.eq.Tensor", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::eq.Tensor(Tensor self, Tensor other) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenEqScalarOp : TS_RegisteredOp<"aten.eq.Scalar", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::eq.Scalar(Tensor self, Scalar other) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenNeScalarOp : TS_RegisteredOp<"aten.ne.Scalar", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::ne.Scalar(Tensor self, Scalar other) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenGtTensorOp : TS_RegisteredOp<"aten.gt.Tensor", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::gt.Tensor(Tensor self, Tensor other) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenGtScalarOp : TS_RegisteredOp<"aten.gt.Scalar", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::gt.Scalar(Tensor self, Scalar other) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenLtTensorOp : TS_RegisteredOp<"aten.lt.Tensor", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::lt.Tensor(Tensor self, Tensor other) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenLtScalarOp : TS_RegisteredOp<"aten.lt.Scalar", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::lt.Scalar(Tensor self, Scalar other) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenGeScalarOp : TS_RegisteredOp<"aten.ge.Scalar", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::ge.Scalar(Tensor self, Scalar other) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenLeScalarOp : TS_RegisteredOp<"aten.le.Scalar", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::le.Scalar(Tensor self, Scalar other) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenLogicalOrOp : TS_RegisteredOp<"aten.logical_or", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::logical_or(Tensor self, Tensor other) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenLogicalAndOp : TS_RegisteredOp<"aten.logical_and", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::logical_and(Tensor self, Tensor other) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenLogicalNotOp : TS_RegisteredOp<"aten.logical_not", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::logical_not(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenAdd_TensorOp : TS_RegisteredOp<"aten.add_.Tensor", [TS_ReturnsAlias, TS_InPlace]> {
  let summary = "aten::add_.Tensor(Tensor(a!) self, Tensor other, *, Scalar alpha=1) -> Tensor(a!)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$other,
                       TS_Scalar:$alpha);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenAdd_ScalarOp : TS_RegisteredOp<"aten.add_.Scalar", [TS_ReturnsAlias, TS_InPlace]> {
  let summary = "aten::add_.Scalar(Tensor(a!) self, Scalar other, Scalar alpha=1) -> Tensor(a!)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$other,
                       TS_Scalar:$alpha);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenMul_TensorOp : TS_RegisteredOp<"aten.mul_.Tensor", [TS_ReturnsAlias, TS_InPlace]> {
  let summary = "aten::mul_.Tensor(Tensor(a!) self, Tensor other) -> Tensor(a!)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenMul_ScalarOp : TS_RegisteredOp<"aten.mul_.Scalar", [TS_ReturnsAlias, TS_InPlace]> {
  let summary = "aten::mul_.Scalar(Tensor(a!) self, Scalar other) -> Tensor(a!)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenDiv_ScalarOp : TS_RegisteredOp<"aten.div_.Scalar", [TS_ReturnsAlias, TS_InPlace]> {
  let summary = "aten::div_.Scalar(Tensor(a!) self, Scalar other) -> Tensor(a!)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenRelu_Op : TS_RegisteredOp<"aten.relu_", [TS_ReturnsAlias, TS_InPlace]> {
  let summary = "aten::relu_(Tensor(a!) self) -> Tensor(a!)";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenHardtanh_Op : TS_RegisteredOp<"aten.hardtanh_", [TS_ReturnsAlias, TS_InPlace]> {
  let summary = "aten::hardtanh_(Tensor(a!) self, Scalar min_val=-1, Scalar max_val=1) -> Tensor(a!)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$min_val,
                       TS_Scalar:$max_val);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenHardswish_Op : TS_RegisteredOp<"aten.hardswish_", [TS_ReturnsAlias, TS_InPlace]> {
  let summary = "aten::hardswish_(Tensor(a!) self) -> Tensor(a!)";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenSilu_Op : TS_RegisteredOp<"aten.silu_", [TS_ReturnsAlias, TS_InPlace]> {
  let summary = "aten::silu_(Tensor(a!) self) -> Tensor(a!)";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenSigmoid_Op : TS_RegisteredOp<"aten.sigmoid_", [TS_ReturnsAlias, TS_InPlace]> {
  let summary = "aten::sigmoid_(Tensor(a!) self) -> Tensor(a!)";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenTanh_Op : TS_RegisteredOp<"aten.tanh_", [TS_ReturnsAlias, TS_InPlace]> {
  let summary = "aten::tanh_(Tensor(a!) self) -> Tensor(a!)";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenLeakyRelu_Op : TS_RegisteredOp<"aten.leaky_relu_", [TS_ReturnsAlias, TS_InPlace]> {
  let summary = "aten::leaky_relu_(Tensor(a!) self, Scalar negative_slope=0.01) -> Tensor(a!)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$negative_slope);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenElu_Op : TS_RegisteredOp<"aten.elu_", [TS_ReturnsAlias, TS_InPlace]> {
  let summary = "aten::elu_(Tensor(a!) self, Scalar alpha=1, Scalar scale=1, Scalar input_scale=1) -> Tensor(a!)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$alpha,
                       TS_Scalar:$scale,
                       TS_Scalar:$input_scale);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenMaskedFill_ScalarOp : TS_RegisteredOp<"aten.masked_fill_.Scalar", [TS_ReturnsAlias, TS_InPlace]> {
  let summary = "aten::masked_fill_.Scalar(Tensor(a!) self, Tensor mask, Scalar value) -> Tensor(a!)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$mask,
                       TS_Scalar:$value);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenCopy_Op : TS_RegisteredOp<"aten.copy_", [TS_ReturnsAlias, TS_InPlace]> {
  let summary = "aten::copy_(Tensor(a!) self, Tensor src, bool non_blocking=False) -> Tensor(a!)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$src,
                       TS_Bool:$non_blocking);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenFill_ScalarOp : TS_RegisteredOp<"aten.fill_.Scalar", [TS_ReturnsAlias, TS_InPlace]> {
  let summary = "aten::fill_.Scalar(Tensor(a!) self, Scalar value) -> Tensor(a!)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Scalar:$value);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenZero_Op : TS_RegisteredOp<"aten.zero_", [TS_ReturnsAlias, TS_InPlace]> {
  let summary = "aten::zero_(Tensor(a!) self) -> Tensor(a!)";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenSumOp : TS_RegisteredOp<"aten.sum", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::sum(Tensor self, *, ScalarType? dtype=None) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_OptionalOf<TS_Int>:$dtype);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenSumDimIntListOp : TS_RegisteredOp<"aten.sum.dim_IntList", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::sum.dim_IntList(Tensor self, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_OptionalOf<TS_List>:$dim,
                       TS_Bool:$keepdim,
                       TS_OptionalOf<TS_Int>:$dtype);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenMeanOp : TS_RegisteredOp<"aten.mean", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::mean(Tensor self, *, ScalarType? dtype=None) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_OptionalOf<TS_Int>:$dtype);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenMeanDimOp : TS_RegisteredOp<"aten.mean.dim", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::mean.dim(Tensor self, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_OptionalOf<TS_List>:$dim,
                       TS_Bool:$keepdim,
                       TS_OptionalOf<TS_Int>:$dtype);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenMaxOp : TS_RegisteredOp<"aten.max", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::max(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenMaxDimOp : TS_RegisteredOp<"aten.max.dim", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::max.dim(Tensor self, int dim, bool keepdim=False) -> (Tensor values, Tensor indices)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$dim,
                       TS_Bool:$keepdim);
  let results = (outs TS_AnyTensor:$values, TS_AnyTensor:$indices);
}

def TS_AtenMinOp : TS_RegisteredOp<"aten.min", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::min(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenMinDimOp : TS_RegisteredOp<"aten.min.dim", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::min.dim(Tensor self, int dim, bool keepdim=False) -> (Tensor values, Tensor indices)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$dim,
                       TS_Bool:$keepdim);
  let results = (outs TS_AnyTensor:$values, TS_AnyTensor:$indices);
}

def TS_AtenArgmaxOp : TS_RegisteredOp<"aten.argmax", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::argmax(Tensor self, int? dim=None, bool keepdim=False) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_OptionalOf<TS_Int>:$dim,
                       TS_Bool:$keepdim);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenAmaxOp : TS_RegisteredOp<"aten.amax", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::amax(Tensor self, int[1] dim=[], bool keepdim=False) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_List:$dim,
                       TS_Bool:$keepdim);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenVarDimOp : TS_RegisteredOp<"aten.var.dim", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::var.dim(Tensor self, int[1]? dim, bool unbiased=True, bool keepdim=False) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_OptionalOf<TS_List>:$dim,
                       TS_Bool:$unbiased,
                       TS_Bool:$keepdim);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenStdDimOp : TS_RegisteredOp<"aten.std.dim", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::std.dim(Tensor self, int[1]? dim, bool unbiased=True, bool keepdim=False) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_OptionalOf<TS_List>:$dim,
                       TS_Bool:$unbiased,
                       TS_Bool:$keepdim);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenCumsumOp : TS_RegisteredOp<"aten.cumsum", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::cumsum(Tensor self, int dim, *, ScalarType? dtype=None) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$dim,
                       TS_OptionalOf<TS_Int>:$dtype);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenTopkOp : TS_RegisteredOp<"aten.topk", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::topk(Tensor self, int k, int dim=-1, bool largest=True, bool sorted=True) -> (Tensor values, Tensor indices)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$k,
                       TS_Int:$dim,
                       TS_Bool:$largest,
                       TS_Bool:$sorted);
  let results = (outs TS_AnyTensor:$values, TS_AnyTensor:$indices);
}

def TS_AtenSortOp : TS_RegisteredOp<"aten.sort", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::sort(Tensor self, int dim=-1, bool descending=False) -> (Tensor values, Tensor indices)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$dim,
                       TS_Bool:$descending);
  let results = (outs TS_AnyTensor:$values, TS_AnyTensor:$indices);
}

def TS_AtenMatmulOp : TS_RegisteredOp<"aten.matmul", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::matmul(Tensor self, Tensor other) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$other);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenMmOp : TS_RegisteredOp<"aten.mm", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::mm(Tensor self, Tensor mat2) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$mat2);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenBmmOp : TS_RegisteredOp<"aten.bmm", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::bmm(Tensor self, Tensor mat2) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$mat2);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenAddmmOp : TS_RegisteredOp<"aten.addmm", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::addmm(Tensor self, Tensor mat1, Tensor mat2, *, Scalar beta=1, Scalar alpha=1) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$mat1,
                       TS_AnyTensor:$mat2,
                       TS_Scalar:$beta,
                       TS_Scalar:$alpha);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenBaddbmmOp : TS_RegisteredOp<"aten.baddbmm", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::baddbmm(Tensor self, Tensor batch1, Tensor batch2, *, Scalar beta=1, Scalar alpha=1) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$batch1,
                       TS_AnyTensor:$batch2,
                       TS_Scalar:$beta,
                       TS_Scalar:$alpha);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenLinearOp : TS_RegisteredOp<"aten.linear", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::linear(Tensor input, Tensor weight, Tensor? bias=None) -> Tensor";
  let arguments = (ins TS_AnyTensor:$input,
                       TS_AnyTensor:$weight,
                       TS_OptionalOf<TS_AnyTensor>:$bias);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenEinsumOp : TS_RegisteredOp<"aten.einsum", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::einsum(str equation, Tensor[] tensors, *, int[]? path=None) -> Tensor";
  let arguments = (ins TS_Str:$equation,
                       TS_List:$tensors,
                       TS_OptionalOf<TS_List>:$path);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenConv1dOp : TS_RegisteredOp<"aten.conv1d", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::conv1d(Tensor input, Tensor weight, Tensor? bias=None, int[1] stride=[1], int[1] padding=[0], int[1] dilation=[1], int groups=1) -> Tensor";
  let arguments = (ins TS_AnyTensor:$input,
                       TS_AnyTensor:$weight,
                       TS_OptionalOf<TS_AnyTensor>:$bias,
                       TS_List:$stride,
                       TS_List:$padding,
                       TS_List:$dilation,
                       TS_Int:$groups);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenConv2dOp : TS_RegisteredOp<"aten.conv2d", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::conv2d(Tensor input, Tensor weight, Tensor? bias=None, int[2] stride=1, int[2] padding=0, int[2] dilation=1, int groups=1) -> Tensor";
  let arguments = (ins TS_AnyTensor:$input,
                       TS_AnyTensor:$weight,
                       TS_OptionalOf<TS_AnyTensor>:$bias,
                       TS_List:$stride,
                       TS_List:$padding,
                       TS_List:$dilation,
                       TS_Int:$groups);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenConv3dOp : TS_RegisteredOp<"aten.conv3d", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::conv3d(Tensor input, Tensor weight, Tensor? bias=None, int[3] stride=1, int[3] padding=0, int[3] dilation=1, int groups=1) -> Tensor";
  let arguments = (ins TS_AnyTensor:$input,
                       TS_AnyTensor:$weight,
                       TS_OptionalOf<TS_AnyTensor>:$bias,
                       TS_List:$stride,
                       TS_List:$padding,
                       TS_List:$dilation,
                       TS_Int:$groups);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenConvTranspose2dInputOp : TS_RegisteredOp<"aten.conv_transpose2d.input", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::conv_transpose2d.input(Tensor input, Tensor weight, Tensor? bias=None, int[2] stride=1, int[2] padding=0, int[2] output_padding=0, int groups=1, int[2] dilation=1) -> Tensor";
  let arguments = (ins TS_AnyTensor:$input,
                       TS_AnyTensor:$weight,
                       TS_OptionalOf<TS_AnyTensor>:$bias,
                       TS_List:$stride,
                       TS_List:$padding,
                       TS_List:$output_padding,
                       TS_Int:$groups,
                       TS_List:$dilation);
  let results = (outs TS_AnyTensor:$result);
}

def TS_Aten_ConvolutionOp : TS_RegisteredOp<"aten._convolution", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::_convolution(Tensor input, Tensor weight, Tensor? bias, int[] stride, int[] padding, int[] dilation, bool transposed, int[] output_padding, int groups, bool benchmark, bool deterministic, bool cudnn_enabled, bool allow_tf32) -> Tensor";
  let arguments = (ins TS_AnyTensor:$input,
                       TS_AnyTensor:$weight,
                       TS_OptionalOf<TS_AnyTensor>:$bias,
                       TS_List:$stride,
                       TS_List:$padding,
                       TS_List:$dilation,
                       TS_Bool:$transposed,
                       TS_List:$output_padding,
                       TS_Int:$groups,
                       TS_Bool:$benchmark,
                       TS_Bool:$deterministic,
                       TS_Bool:$cudnn_enabled,
                       TS_Bool:$allow_tf32);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenBatchNormOp : TS_RegisteredOp<"aten.batch_norm", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::batch_norm(Tensor input, Tensor? weight, Tensor? bias, Tensor? running_mean, Tensor? running_var, bool training, float momentum, float eps, bool cudnn_enabled) -> Tensor";
  let arguments = (ins TS_AnyTensor:$input,
                       TS_OptionalOf<TS_AnyTensor>:$weight,
                       TS_OptionalOf<TS_AnyTensor>:$bias,
                       TS_OptionalOf<TS_AnyTensor>:$running_mean,
                       TS_OptionalOf<TS_AnyTensor>:$running_var,
                       TS_Bool:$training,
                       TS_Float:$momentum,
                       TS_Float:$eps,
                       TS_Bool:$cudnn_enabled);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenLayerNormOp : TS_RegisteredOp<"aten.layer_norm", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::layer_norm(Tensor input, int[] normalized_shape, Tensor? weight=None, Tensor? bias=None, float eps=1.0000000000000001e-05, bool cudnn_enable=True) -> Tensor";
  let arguments = (ins TS_AnyTensor:$input,
                       TS_List:$normalized_shape,
                       TS_OptionalOf<TS_AnyTensor>:$weight,
                       TS_OptionalOf<TS_AnyTensor>:$bias,
                       TS_Float:$eps,
                       TS_Bool:$cudnn_enable);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenGroupNormOp : TS_RegisteredOp<"aten.group_norm", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::group_norm(Tensor input, int num_groups, Tensor? weight=None, Tensor? bias=None, float eps=1.0000000000000001e-05, bool cudnn_enabled=True) -> Tensor";
  let arguments = (ins TS_AnyTensor:$input,
                       TS_Int:$num_groups,
                       TS_OptionalOf<TS_AnyTensor>:$weight,
                       TS_OptionalOf<TS_AnyTensor>:$bias,
                       TS_Float:$eps,
                       TS_Bool:$cudnn_enabled);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenInstanceNormOp : TS_RegisteredOp<"aten.instance_norm", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::instance_norm(Tensor input, Tensor? weight, Tensor? bias, Tensor? running_mean, Tensor? running_var, bool use_input_stats, float momentum, float eps, bool cudnn_enabled) -> Tensor";
  let arguments = (ins TS_AnyTensor:$input,
                       TS_OptionalOf<TS_AnyTensor>:$weight,
                       TS_OptionalOf<TS_AnyTensor>:$bias,
                       TS_OptionalOf<TS_AnyTensor>:$running_mean,
                       TS_OptionalOf<TS_AnyTensor>:$running_var,
                       TS_Bool:$use_input_stats,
                       TS_Float:$momentum,
                       TS_Float:$eps,
                       TS_Bool:$cudnn_enabled);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenMaxPool1dOp : TS_RegisteredOp<"aten.max_pool1d", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::max_pool1d(Tensor self, int[1] kernel_size, int[1] stride=[], int[1] padding=[0], int[1] dilation=[1], bool ceil_mode=False) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_List:$kernel_size,
                       TS_List:$stride,
                       TS_List:$padding,
                       TS_List:$dilation,
                       TS_Bool:$ceil_mode);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenMaxPool2dOp : TS_RegisteredOp<"aten.max_pool2d", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::max_pool2d(Tensor self, int[2] kernel_size, int[2] stride=[], int[2] padding=0, int[2] dilation=1, bool ceil_mode=False) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_List:$kernel_size,
                       TS_List:$stride,
                       TS_List:$padding,
                       TS_List:$dilation,
                       TS_Bool:$ceil_mode);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenAvgPool2dOp : TS_RegisteredOp<"aten.avg_pool2d", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::avg_pool2d(Tensor self, int[2] kernel_size, int[2] stride=[], int[2] padding=0, bool ceil_mode=False, bool count_include_pad=True, int? divisor_override=None) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_List:$kernel_size,
                       TS_List:$stride,
                       TS_List:$padding,
                       TS_Bool:$ceil_mode,
                       TS_Bool:$count_include_pad,
                       TS_OptionalOf<TS_Int>:$divisor_override);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenAdaptiveAvgPool1dOp : TS_RegisteredOp<"aten.adaptive_avg_pool1d", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::adaptive_avg_pool1d(Tensor self, int[1] output_size) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_List:$output_size);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenAdaptiveAvgPool2dOp : TS_RegisteredOp<"aten.adaptive_avg_pool2d", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::adaptive_avg_pool2d(Tensor self, SymInt[2] output_size) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_List:$output_size);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenAdaptiveMaxPool2dOp : TS_RegisteredOp<"aten.adaptive_max_pool2d", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::adaptive_max_pool2d(Tensor self, int[2] output_size) -> (Tensor, Tensor)";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_List:$output_size);
  let results = (outs TS_AnyTensor:$result0, TS_AnyTensor:$result1);
}

def TS_AtenSoftmaxIntOp : TS_RegisteredOp<"aten.softmax.int", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::softmax.int(Tensor self, int dim, ScalarType? dtype=None) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$dim,
                       TS_OptionalOf<TS_Int>:$dtype);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenLogSoftmaxIntOp : TS_RegisteredOp<"aten.log_softmax.int", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::log_softmax.int(Tensor self, int dim, ScalarType? dtype=None) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$dim,
                       TS_OptionalOf<TS_Int>:$dtype);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenDropoutOp : TS_RegisteredOp<"aten.dropout"> {
  let summary = "aten::dropout(Tensor input, float p, bool train) -> Tensor";
  let arguments = (ins TS_AnyTensor:$input,
                       TS_Float:$p,
                       TS_Bool:$train);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenEmbeddingOp : TS_RegisteredOp<"aten.embedding", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::embedding(Tensor weight, Tensor indices, int padding_idx=-1, bool scale_grad_by_freq=False, bool sparse=False) -> Tensor";
  let arguments = (ins TS_AnyTensor:$weight,
                       TS_AnyTensor:$indices,
                       TS_Int:$padding_idx,
                       TS_Bool:$scale_grad_by_freq,
                       TS_Bool:$sparse);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenUpsampleNearest2dVecOp : TS_RegisteredOp<"aten.upsample_nearest2d.vec", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::upsample_nearest2d.vec(Tensor input, SymInt[]? output_size, float[]? scale_factors) -> Tensor";
  let arguments = (ins TS_AnyTensor:$input,
                       TS_OptionalOf<TS_List>:$output_size,
                       TS_OptionalOf<TS_List>:$scale_factors);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenUpsampleBilinear2dVecOp : TS_RegisteredOp<"aten.upsample_bilinear2d.vec", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::upsample_bilinear2d.vec(Tensor input, SymInt[]? output_size, bool align_corners, float[]? scale_factors) -> Tensor";
  let arguments = (ins TS_AnyTensor:$input,
                       TS_OptionalOf<TS_List>:$output_size,
                       TS_Bool:$align_corners,
                       TS_OptionalOf<TS_List>:$scale_factors);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenPixelShuffleOp : TS_RegisteredOp<"aten.pixel_shuffle", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::pixel_shuffle(Tensor self, int upscale_factor) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$upscale_factor);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenChannelShuffleOp : TS_RegisteredOp<"aten.channel_shuffle", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::channel_shuffle(Tensor self, int groups) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_Int:$groups);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenLstmInputOp : TS_RegisteredOp<"aten.lstm.input", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::lstm.input(Tensor input, Tensor[] hx, Tensor[] params, bool has_biases, int num_layers, float dropout, bool train, bool bidirectional, bool batch_first) -> (Tensor, Tensor, Tensor)";
  let arguments = (ins TS_AnyTensor:$input,
                       TS_List:$hx,
                       TS_List:$params,
                       TS_Bool:$has_biases,
                       TS_Int:$num_layers,
                       TS_Float:$dropout,
                       TS_Bool:$train,
                       TS_Bool:$bidirectional,
                       TS_Bool:$batch_first);
  let results = (outs TS_AnyTensor:$result0, TS_AnyTensor:$result1, TS_AnyTensor:$result2);
}

def TS_AtenLstmDataOp : TS_RegisteredOp<"aten.lstm.data", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::lstm.data(Tensor data, Tensor batch_sizes, Tensor[] hx, Tensor[] params, bool has_biases, int num_layers, float dropout, bool train, bool bidirectional) -> (Tensor, Tensor, Tensor)";
  let arguments = (ins TS_AnyTensor:$data,
                       TS_AnyTensor:$batch_sizes,
                       TS_List:$hx,
                       TS_List:$params,
                       TS_Bool:$has_biases,
                       TS_Int:$num_layers,
                       TS_Float:$dropout,
                       TS_Bool:$train,
                       TS_Bool:$bidirectional);
  let results = (outs TS_AnyTensor:$result0, TS_AnyTensor:$result1, TS_AnyTensor:$result2);
}

def TS_AtenGruInputOp : TS_RegisteredOp<"aten.gru.input", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::gru.input(Tensor input, Tensor hx, Tensor[] params, bool has_biases, int num_layers, float dropout, bool train, bool bidirectional, bool batch_first) -> (Tensor, Tensor)";
  let arguments = (ins TS_AnyTensor:$input,
                       TS_AnyTensor:$hx,
                       TS_List:$params,
                       TS_Bool:$has_biases,
                       TS_Int:$num_layers,
                       TS_Float:$dropout,
                       TS_Bool:$train,
                       TS_Bool:$bidirectional,
                       TS_Bool:$batch_first);
  let results = (outs TS_AnyTensor:$result0, TS_AnyTensor:$result1);
}

def TS_Aten_NativeMultiHeadAttentionOp : TS_RegisteredOp<"aten._native_multi_head_attention", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::_native_multi_head_attention(Tensor query, Tensor key, Tensor value, int embed_dim, int num_head, Tensor qkv_weight, Tensor qkv_bias, Tensor proj_weight, Tensor proj_bias, Tensor? mask=None, bool need_weights=True, bool average_attn_weights=True, int? mask_type=None) -> (Tensor, Tensor)";
  let arguments = (ins TS_AnyTensor:$query,
                       TS_AnyTensor:$key,
                       TS_AnyTensor:$value,
                       TS_Int:$embed_dim,
                       TS_Int:$num_head,
                       TS_AnyTensor:$qkv_weight,
                       TS_AnyTensor:$qkv_bias,
                       TS_AnyTensor:$proj_weight,
                       TS_AnyTensor:$proj_bias,
                       TS_OptionalOf<TS_AnyTensor>:$mask,
                       TS_Bool:$need_weights,
                       TS_Bool:$average_attn_weights,
                       TS_OptionalOf<TS_Int>:$mask_type);
  let results = (outs TS_AnyTensor:$result0, TS_AnyTensor:$result1);
}

def TS_Aten_TransformerEncoderLayerFwdOp : TS_RegisteredOp<"aten._transformer_encoder_layer_fwd", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::_transformer_encoder_layer_fwd(Tensor src, int embed_dim, int num_heads, Tensor qkv_weight, Tensor qkv_bias, Tensor proj_weight, Tensor proj_bias, bool use_gelu, bool norm_first, float eps, Tensor norm_weight_1, Tensor norm_bias_1, Tensor norm_weight_2, Tensor norm_bias_2, Tensor ffn_weight_1, Tensor ffn_bias_1, Tensor ffn_weight_2, Tensor ffn_bias_2, Tensor? mask=None, int? mask_type=None) -> Tensor";
  let arguments = (ins TS_AnyTensor:$src,
                       TS_Int:$embed_dim,
                       TS_Int:$num_heads,
                       TS_AnyTensor:$qkv_weight,
                       TS_AnyTensor:$qkv_bias,
                       TS_AnyTensor:$proj_weight,
                       TS_AnyTensor:$proj_bias,
                       TS_Bool:$use_gelu,
                       TS_Bool:$norm_first,
                       TS_Float:$eps,
                       TS_AnyTensor:$norm_weight_1,
                       TS_AnyTensor:$norm_bias_1,
                       TS_AnyTensor:$norm_weight_2,
                       TS_AnyTensor:$norm_bias_2,
                       TS_AnyTensor:$ffn_weight_1,
                       TS_AnyTensor:$ffn_bias_1,
                       TS_AnyTensor:$ffn_weight_2,
                       TS_AnyTensor:$ffn_bias_2,
                       TS_OptionalOf<TS_AnyTensor>:$mask,
                       TS_OptionalOf<TS_Int>:$mask_type);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenMseLossOp : TS_RegisteredOp<"aten.mse_loss", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::mse_loss(Tensor self, Tensor target, int reduction=1) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$target,
                       TS_Int:$reduction);
  let results = (outs TS_AnyTensor:$result);
}

def TS_AtenCrossEntropyLossOp : TS_RegisteredOp<"aten.cross_entropy_loss", [MemoryEffects<[MemRead]>]> {
  let summary = "aten::cross_entropy_loss(Tensor self, Tensor target, Tensor? weight=None, int reduction=1, int ignore_index=-100, float label_smoothing=0.) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self,
                       TS_AnyTensor:$target,
                       TS_OptionalOf<TS_AnyTensor>:$weight,
                       TS_Int:$reduction,
                       TS_Int:$ignore_index,
                       TS_Float:$label_smoothing);
  let results = (outs TS_AnyTensor:$result);
}

#endif // TSC_DIALECT_TS_IR_TSGENERATEDOPS
