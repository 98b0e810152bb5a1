//===--- LibraryGraph.cpp - Direct-call graph of compiled libraries -------===//

#include "knowledge/LibraryGraph.h"
#include "utils/LLVMCompat.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/BinaryFormat/ELF.h"
#include "llvm/MC/MCAsmInfo.h"
#include "llvm/MC/MCContext.h"
#include "llvm/MC/MCDisassembler/MCDisassembler.h"
#include "llvm/MC/MCInst.h"
#include "llvm/MC/MCInstrAnalysis.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCRegisterInfo.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/MCTargetOptions.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Object/Archive.h"
#include "llvm/Object/BuildID.h"
#include "llvm/Object/ELFObjectFile.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include <deque>

using namespace llvm;
using namespace llvm::object;

extern "C" {
void LLVMInitializeX86TargetInfo();
void LLVMInitializeX86TargetMC();
void LLVMInitializeX86Disassembler();
}

namespace noalloc {
namespace libscan {

const char *reachName(Reach R) {
  switch (R) {
  case Reach::None:
    return "none";
  case Reach::Releases:
    return "releases";
  case Reach::FailsOnly:
    return "fails-only";
  case Reach::Unknown:
    return "unknown";
  case Reach::Allocates:
    return "allocates";
  }
  return "none";
}

namespace {

enum class Sink { No, Acquire, Release };

// The allocator's entry points: acquiring and releasing. mmap counts as
// acquiring (it maps anonymous memory for the allocator, thread stacks and
// the like); its callers are reported with the path, so a file mapping is
// recognisable.
Sink sinkKind(StringRef Name) {
  static const char *const Acquire[] = {"malloc",
                                        "calloc",
                                        "realloc",
                                        "reallocarray",
                                        "memalign",
                                        "aligned_alloc",
                                        "posix_memalign",
                                        "valloc",
                                        "pvalloc",
                                        "__libc_malloc",
                                        "__libc_calloc",
                                        "__libc_realloc",
                                        "__libc_memalign",
                                        "__libc_valloc",
                                        "__libc_pvalloc",
                                        "mmap",
                                        "mmap64",
                                        "__mmap",
                                        "mremap",
                                        "__mremap",
                                        "sbrk",
                                        "__sbrk",
                                        "brk",
                                        "__brk",
                                        "_Znwm",
                                        "_Znam",
                                        "_ZnwmRKSt9nothrow_t",
                                        "_ZnamRKSt9nothrow_t",
                                        "_ZnwmSt11align_val_t",
                                        "_ZnamSt11align_val_t",
                                        "_ZnwmSt11align_val_tRKSt9nothrow_t",
                                        "_ZnamSt11align_val_tRKSt9nothrow_t"};
  static const char *const Release[] = {"free", "__libc_free", "cfree",
                                        "munmap", "__munmap"};
  for (const char *N : Acquire)
    if (Name == N)
      return Sink::Acquire;
  for (const char *N : Release)
    if (Name == N)
      return Sink::Release;
  if (Name.starts_with("_ZdlPv") || Name.starts_with("_ZdaPv"))
    return Sink::Release;
  return Sink::No;
}

// Functions that do not return: decoding stops after a call to them, so
// the bytes that follow (often the next function) are not taken as code.
bool isNoReturn(StringRef Name) {
  static const char *const Names[] = {"abort",
                                      "exit",
                                      "_exit",
                                      "_Exit",
                                      "__stack_chk_fail",
                                      "__assert_fail",
                                      "__assert_perror_fail",
                                      "__libc_fatal",
                                      "__fortify_fail",
                                      "__chk_fail",
                                      "__cxa_throw",
                                      "__cxa_rethrow",
                                      "__cxa_bad_cast",
                                      "__cxa_bad_typeid",
                                      "__cxa_throw_bad_array_new_length",
                                      "_Unwind_Resume",
                                      "longjmp",
                                      "siglongjmp",
                                      "_longjmp",
                                      "__longjmp_chk",
                                      "pthread_exit",
                                      "__pthread_unwind",
                                      "__pthread_unwind_next",
                                      "_ZSt9terminatev",
                                      "__cxa_call_terminate",
                                      "__malloc_assert",
                                      "__libc_longjmp",
                                      "__libc_siglongjmp",
                                      "_dl_signal_error",
                                      "__cxa_pure_virtual",
                                      "__cxa_deleted_virtual",
                                      "quick_exit",
                                      "err",
                                      "errx",
                                      "verr",
                                      "verrx"};
  for (const char *N : Names)
    if (Name == N)
      return true;
  return Name.starts_with("_ZSt") && Name.contains("__throw_");
}

// The C++ failure paths: what is allocated on the way is the exception.
bool isThrowHelper(StringRef Name) {
  return (Name.starts_with("_ZSt") && Name.contains("__throw_")) ||
         Name == "__cxa_throw" || Name == "__cxa_rethrow" ||
         Name == "__cxa_bad_cast" || Name == "__cxa_bad_typeid" ||
         Name == "__cxa_throw_bad_array_new_length";
}

/// Where a call or jump goes: a name (resolved later by export) or an
/// address in the same image.
struct CallTarget {
  std::string Name;
  uint64_t Addr = 0;
  bool HasAddr = false;
  bool Resolver = false; // an IRELATIVE slot: Addr is an ifunc resolver
};

struct CodeSection {
  uint64_t Addr;
  ArrayRef<uint8_t> Bytes;
};

/// One object file: a shared object, or one member of an archive. The
/// sections of a relocatable object get distinct synthetic addresses.
struct Image {
  std::string Library; // file name shown in reasons
  std::unique_ptr<Binary> Owner;
  std::unique_ptr<MemoryBuffer> Buffer;
  bool Relocatable = false;
  std::vector<CodeSection> Code;
  std::vector<CodeSection> Data; // read-only data, for jump tables
  std::map<uint64_t, std::vector<std::string>> NamesAt; // function symbols
  DenseSet<uint64_t> IFuncs;
  std::vector<std::pair<std::string, uint64_t>> Exports;
  DenseMap<uint64_t, CallTarget> SlotTargets;  // GOT slot -> what it holds
  std::map<uint64_t, CallTarget> FixupTargets; // relocatable: fixup -> target

  const CodeSection *sectionAt(uint64_t A) const { return find(Code, A); }
  const CodeSection *dataAt(uint64_t A) const { return find(Data, A); }
  static const CodeSection *find(const std::vector<CodeSection> &In,
                                 uint64_t A) {
    for (const CodeSection &S : In)
      if (A >= S.Addr && A < S.Addr + S.Bytes.size())
        return &S;
    return nullptr;
  }
};

struct Node {
  int Image = -1; // -1: an external name
  uint64_t Addr = 0;
  std::string Name;
  Sink SinkKind = Sink::No;
  bool Resolver = false;
  bool Scanned = false;
  bool Returns = false;  // its code has a return or an indirect jump
  bool NoReturn = false; // learnt: no path of its code returns
  std::vector<int> TailCallees;
  std::vector<int> ThrowCallees; // calls cut because they throw
  std::string UnknownWhy; // set when this node's own code cannot be followed
  std::vector<int> Callees;
};

} // namespace

struct LibraryGraph::Impl {
  const llvm::Target *TheTarget = nullptr;
  std::unique_ptr<MCRegisterInfo> MRI;
  std::unique_ptr<MCAsmInfo> MAI;
  std::unique_ptr<MCSubtargetInfo> STI;
  std::unique_ptr<MCInstrInfo> MII;
  std::unique_ptr<MCContext> Ctx;
  std::unique_ptr<MCDisassembler> Dis;
  std::unique_ptr<MCInstrAnalysis> MIA;

  std::vector<std::unique_ptr<Image>> Images;
  std::vector<std::unique_ptr<Binary>> KeepAlive;
  std::vector<std::unique_ptr<MemoryBuffer>> Buffers;
  std::vector<Node> Nodes;
  std::map<std::pair<int, uint64_t>, int> ByAddr;
  StringMap<int> ByName;
  StringMap<std::vector<int>> Exported; // name -> nodes of every library

  Error init();
  Error addObject(std::unique_ptr<Binary> Owner, ObjectFile &Obj,
                  StringRef Library, std::unique_ptr<MemoryBuffer> Buffer);
  void readSections(Image &I, ELFObjectFileBase &Obj,
                    DenseMap<uint64_t, uint64_t> &Bases);
  void readSymbols(Image &I, ELFObjectFileBase &Obj,
                   const DenseMap<uint64_t, uint64_t> &Bases);
  void readRelocations(Image &I, ELFObjectFileBase &Obj,
                       const DenseMap<uint64_t, uint64_t> &Bases);
  int nodeAt(int Img, uint64_t Addr);
  int nodeNamed(StringRef Name);
  int nodeFor(int Img, const CallTarget &T);
  std::string nodeName(const Node &N) const;
  void scan(int N);
  void followInstruction(int N, const MCInst &Inst, uint64_t A, uint64_t Size,
                         std::deque<uint64_t> &Work, bool &Stop);
  void followBranch(int N, const MCInst &Inst, uint64_t A, uint64_t Size,
                    std::deque<uint64_t> &Work, bool &Stop);
  void noteOperands(const MCInst &Inst, StringRef Op, uint64_t A,
                    uint64_t Size);
  int addCall(int N, const CallTarget &T);
  void markUnknown(int N, StringRef What, uint64_t A);
  bool followSwitch(const Image &I, uint64_t From, std::deque<uint64_t> &Work);
  // The last rip-relative address loaded and compared bound seen on the
  // way to an indirect jump: a switch table and its size.
  uint64_t LastLea = 0;
  int64_t LastBound = -1;
  DenseSet<uint64_t> SweepFrom; // decoded linearly, past jumps and returns
  std::vector<uint64_t> Sweeps; // sweeps not started yet
  std::optional<CallTarget> directTarget(const Image &I, const MCInst &Inst,
                                         uint64_t A, uint64_t Size);
  std::optional<CallTarget> slotTarget(const Image &I, const MCInst &Inst,
                                       uint64_t A, uint64_t Size);
  void linkNames();
  void learnNoReturn();
  bool anyName(const Node &N,
               const std::function<bool(StringRef)> &Pred) const {
    if (N.Image < 0)
      return Pred(N.Name);
    auto It = Images[N.Image]->NamesAt.find(N.Addr);
    if (It != Images[N.Image]->NamesAt.end())
      for (const std::string &Name : It->second)
        if (Pred(Name))
          return true;
    return false;
  }
  std::vector<std::string> pathFrom(int N, StringRef Start,
                                    const std::vector<int> &Next,
                                    int &Last) const;
};

LibraryGraph::LibraryGraph() : P(std::make_unique<Impl>()) {}
LibraryGraph::~LibraryGraph() = default;

Error LibraryGraph::Impl::init() {
  LLVMInitializeX86TargetInfo();
  LLVMInitializeX86TargetMC();
  LLVMInitializeX86Disassembler();
  Triple TT("x86_64-unknown-linux-gnu");
  std::string Err;
  TheTarget = TargetRegistry::lookupTarget(compat::mcTriple(TT), Err);
  if (!TheTarget)
    return createStringError(inconvertibleErrorCode(), Err);
  MRI.reset(TheTarget->createMCRegInfo(compat::mcTriple(TT)));
  MCTargetOptions Options;
  MAI.reset(TheTarget->createMCAsmInfo(*MRI, compat::mcTriple(TT), Options));
  STI.reset(TheTarget->createMCSubtargetInfo(compat::mcTriple(TT), "", ""));
  MII.reset(TheTarget->createMCInstrInfo());
  Ctx = std::make_unique<MCContext>(TT, MAI.get(), MRI.get(), STI.get());
  Dis.reset(TheTarget->createMCDisassembler(*STI, *Ctx));
  MIA.reset(TheTarget->createMCInstrAnalysis(MII.get()));
  if (!Dis || !MIA)
    return createStringError(inconvertibleErrorCode(),
                             "no x86-64 disassembler in this LLVM");
  return Error::success();
}

Error LibraryGraph::addFile(StringRef Path) {
  if (!P->Dis)
    if (Error E = P->init())
      return E;
  auto Buf = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                   /*RequiresNullTerminator=*/false);
  if (!Buf)
    return createStringError(Buf.getError(), "cannot read '%s'",
                             Path.str().c_str());
  std::string Library = sys::path::filename(Path).str();
  auto Bin = createBinary((*Buf)->getMemBufferRef());
  if (!Bin)
    return createStringError("cannot read '%s': %s", Path.str().c_str(),
                             toString(Bin.takeError()).c_str());
  if (auto *Ar = dyn_cast<Archive>(Bin->get())) {
    Error Err = Error::success();
    for (const Archive::Child &C : Ar->children(Err)) {
      auto Member = C.getAsBinary();
      if (!Member) {
        consumeError(Member.takeError());
        continue;
      }
      if (auto *Obj = dyn_cast<ObjectFile>(Member->get())) {
        auto MemberName = C.getName();
        std::string Shown =
            Library + "(" + (MemberName ? MemberName->str() : "?") + ")";
        std::unique_ptr<Binary> Owned = std::move(*Member);
        if (Error E = P->addObject(std::move(Owned), *Obj, Shown, nullptr))
          return E;
      }
    }
    if (Err)
      return Err;
    BuildIDs.push_back({Library, ""});
    // The archive's bytes back every member: keep them alive.
    P->KeepAlive.push_back(std::move(*Bin));
    P->Buffers.push_back(std::move(*Buf));
    return Error::success();
  }
  auto *Obj = dyn_cast<ObjectFile>(Bin->get());
  if (!Obj)
    return createStringError(inconvertibleErrorCode(),
                             "'%s' is not an object file or archive",
                             Path.str().c_str());
  std::string ID;
  for (uint8_t B : getBuildID(Obj))
    ID += llvm::utohexstr(B, /*LowerCase=*/true, /*Width=*/2);
  BuildIDs.push_back({Library, ID});
  std::unique_ptr<Binary> Owned = std::move(*Bin);
  return P->addObject(std::move(Owned), *Obj, Library, std::move(*Buf));
}

Error LibraryGraph::Impl::addObject(std::unique_ptr<Binary> Owner,
                                    ObjectFile &O, StringRef Library,
                                    std::unique_ptr<MemoryBuffer> Buffer) {
  auto *Obj = dyn_cast<ELFObjectFileBase>(&O);
  if (!Obj || Obj->getArch() != Triple::x86_64)
    return createStringError(inconvertibleErrorCode(),
                             "'%s': only x86-64 ELF is supported",
                             Library.str().c_str());
  auto I = std::make_unique<Image>();
  I->Library = Library.str();
  I->Owner = std::move(Owner);
  I->Buffer = std::move(Buffer);
  I->Relocatable = Obj->getEType() == ELF::ET_REL;
  DenseMap<uint64_t, uint64_t> Bases; // section index -> synthetic base
  readSections(*I, *Obj, Bases);
  readSymbols(*I, *Obj, Bases);
  readRelocations(*I, *Obj, Bases);
  Images.push_back(std::move(I));
  int Img = int(Images.size()) - 1;
  for (auto &E : Images.back()->Exports) {
    int N = nodeAt(Img, E.second);
    Exported[E.first].push_back(N);
  }
  return Error::success();
}

void LibraryGraph::Impl::readSections(Image &I, ELFObjectFileBase &Obj,
                                      DenseMap<uint64_t, uint64_t> &Bases) {
  uint64_t Next = 0x1000;
  for (const SectionRef &S : Obj.sections()) {
    if (!I.Relocatable && S.isData() && !S.isText() && S.getSize() &&
        S.getAddress()) {
      if (auto Contents = S.getContents())
        I.Data.push_back({S.getAddress(), arrayRefFromStringRef(*Contents)});
      else
        consumeError(Contents.takeError());
    }
    if (!S.isText() || S.getSize() == 0)
      continue;
    auto Contents = S.getContents();
    if (!Contents) {
      consumeError(Contents.takeError());
      continue;
    }
    uint64_t Base = S.getAddress();
    if (I.Relocatable) {
      Base = Next;
      Next = alignTo(Next + S.getSize() + 16, 0x1000);
    }
    Bases[S.getIndex()] = Base;
    I.Code.push_back({Base, arrayRefFromStringRef(*Contents)});
  }
}

void LibraryGraph::Impl::readSymbols(
    Image &I, ELFObjectFileBase &Obj,
    const DenseMap<uint64_t, uint64_t> &Bases) {
  auto Add = [&](const ELFSymbolRef &Sym, bool Dynamic) {
    uint8_t Type = Sym.getELFType();
    if (Type != ELF::STT_FUNC && Type != ELF::STT_GNU_IFUNC)
      return;
    auto Name = Sym.getName();
    auto Addr = Sym.getAddress();
    auto Sec = Sym.getSection();
    if (!Name || !Addr || !Sec || *Sec == Obj.section_end() || Name->empty()) {
      if (!Name)
        consumeError(Name.takeError());
      if (!Addr)
        consumeError(Addr.takeError());
      if (!Sec)
        consumeError(Sec.takeError());
      return;
    }
    uint64_t A = *Addr;
    if (I.Relocatable) {
      auto B = Bases.find((*Sec)->getIndex());
      if (B == Bases.end())
        return;
      A = B->second + A;
    }
    I.NamesAt[A].push_back(Name->str());
    if (Type == ELF::STT_GNU_IFUNC)
      I.IFuncs.insert(A);
    bool Global = Sym.getBinding() != ELF::STB_LOCAL;
    bool Visible = (Sym.getOther() & 3) == ELF::STV_DEFAULT ||
                   (Sym.getOther() & 3) == ELF::STV_PROTECTED;
    if (Global && Visible && (Dynamic || I.Relocatable))
      I.Exports.push_back({Name->str(), A});
  };
  for (const ELFSymbolRef &Sym : Obj.getDynamicSymbolIterators())
    Add(Sym, true);
  for (const SymbolRef &S : Obj.symbols())
    Add(ELFSymbolRef(S), false);
}

// Shared objects: what each GOT slot holds (JUMP_SLOT and GLOB_DAT name a
// symbol, IRELATIVE an ifunc resolver). Relocatable objects: the target of
// each call or jump's fixup.
void LibraryGraph::Impl::readRelocations(
    Image &I, ELFObjectFileBase &Obj,
    const DenseMap<uint64_t, uint64_t> &Bases) {
  auto TargetOf = [&](const ELFRelocationRef &R) {
    CallTarget T;
    uint64_t Type = R.getType();
    auto Addend = R.getAddend();
    int64_t A = Addend ? *Addend : 0;
    if (!Addend)
      consumeError(Addend.takeError());
    if (Type == ELF::R_X86_64_IRELATIVE) {
      T.Addr = uint64_t(A);
      T.HasAddr = T.Resolver = true;
      return T;
    }
    symbol_iterator Sym = R.getSymbol();
    if (Sym == Obj.symbol_end())
      return T;
    ELFSymbolRef S(*Sym);
    auto Name = S.getName();
    auto Sec = S.getSection();
    bool Defined = Sec && *Sec != Obj.section_end();
    if (!Sec)
      consumeError(Sec.takeError());
    bool Local = S.getBinding() == ELF::STB_LOCAL;
    if (I.Relocatable && Defined &&
        (Local || S.getELFType() == ELF::STT_SECTION)) {
      auto Base = Bases.find((*Sec)->getIndex());
      auto Value = S.getValue();
      if (Base != Bases.end() && Value) {
        // rel32 = S + A - P, and the target is P + 4 + rel32.
        T.Addr = Base->second + *Value + A + 4;
        T.HasAddr = true;
      }
      if (!Value)
        consumeError(Value.takeError());
      return T;
    }
    if (Name)
      T.Name = Name->str();
    else
      consumeError(Name.takeError());
    return T;
  };
  if (!I.Relocatable) {
    for (const SectionRef &S : Obj.dynamic_relocation_sections())
      for (const RelocationRef &R : S.relocations())
        I.SlotTargets[R.getOffset()] = TargetOf(ELFRelocationRef(R));
    return;
  }
  for (const SectionRef &S : Obj.sections()) {
    auto Rel = S.getRelocatedSection();
    if (!Rel) {
      consumeError(Rel.takeError());
      continue;
    }
    if (*Rel == Obj.section_end())
      continue;
    auto Base = Bases.find((*Rel)->getIndex());
    if (Base == Bases.end())
      continue;
    for (const RelocationRef &R : S.relocations())
      I.FixupTargets[Base->second + R.getOffset()] =
          TargetOf(ELFRelocationRef(R));
  }
}

int LibraryGraph::Impl::nodeAt(int Img, uint64_t Addr) {
  auto [It, New] = ByAddr.insert({{Img, Addr}, int(Nodes.size())});
  if (!New)
    return It->second;
  Node N;
  N.Image = Img;
  N.Addr = Addr;
  const Image &I = *Images[Img];
  auto Names = I.NamesAt.find(Addr);
  if (Names != I.NamesAt.end()) {
    N.Name = Names->second.front();
    for (const std::string &Name : Names->second)
      if (Sink K = sinkKind(Name); K != Sink::No)
        N.SinkKind = K;
  }
  N.Resolver = I.IFuncs.count(Addr);
  Nodes.push_back(std::move(N));
  return It->second;
}

int LibraryGraph::Impl::nodeNamed(StringRef Name) {
  auto [It, New] = ByName.insert({Name, int(Nodes.size())});
  if (!New)
    return It->second;
  Node N;
  N.Name = Name.str();
  N.SinkKind = sinkKind(Name);
  N.Scanned = true;
  Nodes.push_back(std::move(N));
  return It->second;
}

int LibraryGraph::Impl::nodeFor(int Img, const CallTarget &T) {
  if (!T.HasAddr)
    return nodeNamed(T.Name);
  int N = nodeAt(Img, T.Addr);
  if (T.Resolver)
    Nodes[N].Resolver = true;
  return N;
}

std::string LibraryGraph::Impl::nodeName(const Node &N) const {
  if (!N.Name.empty())
    return N.Name;
  std::string S;
  raw_string_ostream OS(S);
  OS << Images[N.Image]->Library << "+0x";
  OS.write_hex(N.Addr);
  return S;
}

std::optional<CallTarget> LibraryGraph::Impl::slotTarget(const Image &I,
                                                         const MCInst &Inst,
                                                         uint64_t A,
                                                         uint64_t Size) {
  auto Slot = MIA->evaluateMemoryOperandAddress(Inst, STI.get(), A, Size);
  if (!Slot)
    return std::nullopt;
  auto It = I.SlotTargets.find(*Slot);
  if (It == I.SlotTargets.end() ||
      (It->second.Name.empty() && !It->second.HasAddr))
    return std::nullopt;
  return It->second;
}

std::optional<CallTarget> LibraryGraph::Impl::directTarget(const Image &I,
                                                           const MCInst &Inst,
                                                           uint64_t A,
                                                           uint64_t Size) {
  if (I.Relocatable) {
    auto It = I.FixupTargets.lower_bound(A);
    if (It != I.FixupTargets.end() && It->first < A + Size)
      return It->second;
  }
  uint64_t To;
  if (MIA->evaluateBranch(Inst, A, Size, To)) {
    CallTarget T;
    T.Addr = To;
    T.HasAddr = true;
    return T;
  }
  return slotTarget(I, Inst, A, Size);
}

// Recursive descent from the node's address: conditional branches are
// followed both ways, a jump to another function's entry is a tail call,
// and decoding stops at returns, traps and calls that do not return.
void LibraryGraph::Impl::scan(int N) {
  Nodes[N].Scanned = true;
  if (Nodes[N].SinkKind != Sink::No)
    return;
  const Image &I = *Images[Nodes[N].Image];
  std::deque<uint64_t> Work{Nodes[N].Addr};
  DenseSet<uint64_t> Seen;
  LastLea = 0;
  LastBound = -1;
  SweepFrom.clear();
  Sweeps.clear();
  while (!Work.empty() || !Sweeps.empty()) {
    bool Sweep = Work.empty();
    uint64_t A = Sweep ? Sweeps.back() : Work.front(), From = A;
    if (Sweep)
      Sweeps.pop_back();
    else
      Work.pop_front();
    while (true) {
      bool Fresh = Seen.insert(A).second;
      if ((!Fresh && !Sweep) || (Sweep && A >= From + 4096))
        break;
      const CodeSection *S = I.sectionAt(A);
      if (!S) {
        Nodes[N].UnknownWhy = "jumps out of the code sections";
        break;
      }
      MCInst Inst;
      uint64_t Size;
      if (Dis->getInstruction(Inst, Size, S->Bytes.slice(A - S->Addr), A,
                              nulls()) != MCDisassembler::Success)
        break;
      bool Stop = false;
      followInstruction(N, Inst, A, Size, Work, Stop);
      if (Stop && !Sweep)
        break;
      A += Size;
      // Falling into another function's entry: that function's own node
      // covers it.
      if (A != Nodes[N].Addr && I.NamesAt.count(A))
        break;
    }
  }
}

void LibraryGraph::Impl::markUnknown(int N, StringRef What, uint64_t A) {
  if (!Nodes[N].UnknownWhy.empty())
    return;
  raw_string_ostream OS(Nodes[N].UnknownWhy);
  OS << What << " at " << Images[Nodes[N].Image]->Library << "+0x";
  OS.write_hex(A);
}

// A call, or a jump to another function's entry (a tail call). Calls that
// do not return end the process or unwind: what the callee does on the way
// (a backtrace's mmap) is a failure path, not the caller's allocation, so
// the edge is kept only as a throw edge.
int LibraryGraph::Impl::addCall(int N, const CallTarget &T) {
  int C = nodeFor(Nodes[N].Image, T);
  if (!isNoReturn(Nodes[C].Name) && !Nodes[C].NoReturn)
    Nodes[N].Callees.push_back(C);
  else if (isThrowHelper(Nodes[C].Name))
    Nodes[N].ThrowCallees.push_back(C);
  return C;
}

// Remembers what a switch needs: the last table address loaded and the
// last bound compared against.
void LibraryGraph::Impl::noteOperands(const MCInst &Inst, StringRef Op,
                                      uint64_t A, uint64_t Size) {
  if (Op == "LEA64r")
    if (auto To = MIA->evaluateMemoryOperandAddress(Inst, STI.get(), A, Size))
      LastLea = *To;
  bool CompareImm =
      Op.starts_with("CMP") &&
      (Op.ends_with("ri8") || Op.ends_with("ri") || Op.ends_with("ri32"));
  if (CompareImm && Inst.getNumOperands() == 2 && Inst.getOperand(1).isImm())
    LastBound = Inst.getOperand(1).getImm();
}

// Follows one instruction of node N; sets Stop when decoding cannot go on
// past it (a return, a trap, a jump, a call that does not return).
void LibraryGraph::Impl::followInstruction(int N, const MCInst &Inst,
                                           uint64_t A, uint64_t Size,
                                           std::deque<uint64_t> &Work,
                                           bool &Stop) {
  const Image &I = *Images[Nodes[N].Image];
  StringRef Op = MII->getName(Inst.getOpcode());
  noteOperands(Inst, Op, A, Size);
  if (Nodes[N].Resolver && Op == "LEA64r") {
    // An ifunc resolver returns one of the implementations it loads.
    if (LastLea && I.sectionAt(LastLea)) {
      CallTarget T;
      T.Addr = LastLea;
      T.HasAddr = true;
      Nodes[N].Callees.push_back(nodeFor(Nodes[N].Image, T));
    }
    return;
  }
  if (MIA->isCall(Inst)) {
    if (auto T = directTarget(I, Inst, A, Size)) {
      int C = addCall(N, *T);
      Stop = isNoReturn(Nodes[C].Name) || Nodes[C].NoReturn;
    } else {
      markUnknown(N, "indirect call", A);
    }
    return;
  }
  if (MIA->isReturn(Inst))
    Nodes[N].Returns = true;
  if (MIA->isReturn(Inst) || Op == "TRAP" || Op == "UD2" || Op == "HLT") {
    Stop = true;
    return;
  }
  if (MIA->isBranch(Inst))
    followBranch(N, Inst, A, Size, Work, Stop);
}

void LibraryGraph::Impl::followBranch(int N, const MCInst &Inst, uint64_t A,
                                      uint64_t Size, std::deque<uint64_t> &Work,
                                      bool &Stop) {
  const Image &I = *Images[Nodes[N].Image];
  Stop = !MIA->isConditionalBranch(Inst);
  auto T = directTarget(I, Inst, A, Size);
  if (!T) {
    Nodes[N].Returns = true; // cannot tell: assume it may
    if (!followSwitch(I, A, Work))
      markUnknown(N, "indirect jump", A);
    return;
  }
  bool TailCall = !T->HasAddr || T->Resolver ||
                  (T->Addr != Nodes[N].Addr && I.NamesAt.count(T->Addr));
  if (!TailCall) {
    Work.push_back(T->Addr);
    return;
  }
  int C = addCall(N, *T);
  Nodes[N].TailCallees.push_back(C);
  // A PLT stub: name it after the function it jumps to.
  if (!T->HasAddr && Nodes[N].Name.empty() && A - Nodes[N].Addr <= 8)
    Nodes[N].Name = Nodes[C].Name + "@plt";
}

// An indirect jump after loading a table address: a switch. GCC's tables
// hold 32-bit offsets from the table; hand-written string functions jump
// into a block of code at the loaded address. Both stay inside the
// function, so they are followed instead of making it unknown.
bool LibraryGraph::Impl::followSwitch(const Image &I, uint64_t From,
                                      std::deque<uint64_t> &Work) {
  if (!LastLea)
    return false;
  if (I.sectionAt(LastLea)) {
    // Computed jump into code: the blocks are laid out from the label, so
    // they are decoded one after the other.
    if (SweepFrom.insert(LastLea).second)
      Sweeps.push_back(LastLea);
    return true;
  }
  const CodeSection *Table = I.dataAt(LastLea);
  if (!Table)
    return false;
  int64_t Count = LastBound >= 0 && LastBound < 4096 ? LastBound + 1 : 512;
  int Found = 0;
  for (int64_t K = 0; K < Count; ++K) {
    uint64_t At = LastLea + 4 * K - Table->Addr;
    if (At + 4 > Table->Bytes.size())
      break;
    int32_t Offset = int32_t(support::endian::read32le(&Table->Bytes[At]));
    uint64_t To = LastLea + int64_t(Offset);
    // Without a bound, the table ends where the entries stop pointing
    // near the jump.
    if (!I.sectionAt(To) ||
        (LastBound < 0 && (To + 0x10000 < From || To > From + 0x10000)))
      break;
    Work.push_back(To);
    ++Found;
  }
  return Found > 0;
}

// A function returns when its code has a return, or tail-calls one that
// returns; external names return unless known not to. Then every node is
// reset for the next scan.
void LibraryGraph::Impl::learnNoReturn() {
  std::vector<char> Returns(Nodes.size(), 0);
  for (size_t N = 0; N < Nodes.size(); ++N)
    Returns[N] = Nodes[N].Returns || Nodes[N].SinkKind != Sink::No ||
                 (Nodes[N].Image < 0 && !isNoReturn(Nodes[N].Name));
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (size_t N = 0; N < Nodes.size(); ++N)
      if (!Returns[N])
        for (int C : Nodes[N].TailCallees)
          if (Returns[C]) {
            Returns[N] = Changed = true;
            break;
          }
  }
  for (size_t N = 0; N < Nodes.size(); ++N) {
    Node &X = Nodes[N];
    X.NoReturn = !Returns[N];
    if (X.Image < 0)
      continue;
    X.Scanned = X.Returns = false;
    X.Callees.clear();
    X.TailCallees.clear();
    X.ThrowCallees.clear();
    X.UnknownWhy.clear();
  }
}

// Names called but defined elsewhere: an edge to every scanned library's
// export of that name, or unknown when no scanned library exports it.
void LibraryGraph::Impl::linkNames() {
  for (auto &E : ByName) {
    Node &N = Nodes[E.second];
    if (N.SinkKind != Sink::No)
      continue;
    auto It = Exported.find(E.first());
    if (It == Exported.end()) {
      N.UnknownWhy = "calls '" + N.Name + "', which no scanned library exports";
      continue;
    }
    N.Callees = It->second;
  }
}

// Backwards breadth-first search over the call graph: every node gets the
// effect of its nearest sink and the next step of the path to it. First
// the acquiring sinks, then what reaches them only through a throw helper,
// then (among the rest) the releasing sinks, then the unknown code.
struct EffectSearch {
  const std::vector<Node> &Nodes;
  std::vector<std::vector<int>> Callers, ThrowCallers;
  std::vector<Reach> Effect;
  std::vector<int> Next;
  std::vector<char> KnownNone; // unknown, but its callers are not

  explicit EffectSearch(const std::vector<Node> &Nodes)
      : Nodes(Nodes), Callers(Nodes.size()), ThrowCallers(Nodes.size()),
        Effect(Nodes.size(), Reach::None), Next(Nodes.size(), -1),
        KnownNone(Nodes.size(), 0) {
    for (size_t N = 0; N < Nodes.size(); ++N) {
      for (int C : Nodes[N].Callees)
        Callers[C].push_back(int(N));
      for (int C : Nodes[N].ThrowCallees)
        ThrowCallers[C].push_back(int(N));
    }
  }

  template <typename Pred>
  void spread(Reach R, Pred IsSource, bool ThroughThrows) {
    std::deque<int> Work;
    for (size_t N = 0; N < Nodes.size(); ++N)
      if (Effect[N] == Reach::None && IsSource(int(N))) {
        Effect[N] = R;
        Work.push_back(int(N));
      }
    auto Visit = [&](int N, int C) {
      if (Effect[C] != Reach::None || (R == Reach::Unknown && KnownNone[N]))
        return;
      Effect[C] = R;
      Next[C] = N;
      Work.push_back(C);
    };
    while (!Work.empty()) {
      int N = Work.front();
      Work.pop_front();
      for (int C : Callers[N])
        Visit(N, C);
      if (ThroughThrows)
        for (int C : ThrowCallers[N])
          Visit(N, C);
    }
  }

  void run() {
    spread(
        Reach::Allocates,
        [&](int N) { return Nodes[N].SinkKind == Sink::Acquire; }, false);
    std::vector<int> Thrower(Nodes.size(), -1);
    for (size_t N = 0; N < Nodes.size(); ++N)
      for (int C : Nodes[N].ThrowCallees)
        if (Effect[C] == Reach::Allocates && Thrower[N] < 0)
          Thrower[N] = C;
    spread(
        Reach::FailsOnly, [&](int N) { return Thrower[N] >= 0; }, true);
    for (size_t N = 0; N < Nodes.size(); ++N)
      if (Effect[N] == Reach::FailsOnly && Next[N] < 0)
        Next[N] = Thrower[N]; // the path goes on into the throw helper
    spread(
        Reach::Releases,
        [&](int N) { return Nodes[N].SinkKind == Sink::Release; }, false);
    spread(
        Reach::Unknown, [&](int N) { return !Nodes[N].UnknownWhy.empty(); },
        false);
  }
};

std::vector<ExportVerdict>
LibraryGraph::classify(const std::function<bool(StringRef)> &KnownNone) {
  Impl &G = *P;
  // Stripped libraries do not say which internal functions never return,
  // and decoding past a call to one runs into unrelated code (cold blocks
  // are packed together). So scan, learn which functions cannot return,
  // and scan again stopping after calls to them.
  for (int Pass = 0; Pass < 3; ++Pass) {
    if (Pass)
      G.learnNoReturn();
    for (size_t N = 0; N < G.Nodes.size(); ++N) // grows while scanning
      if (!G.Nodes[N].Scanned)
        G.scan(int(N));
  }
  G.linkNames();
  EffectSearch Search(G.Nodes);
  if (KnownNone)
    for (size_t N = 0; N < G.Nodes.size(); ++N)
      Search.KnownNone[N] = G.anyName(G.Nodes[N], KnownNone);
  Search.run();
  std::vector<ExportVerdict> Result;
  for (size_t Img = 0; Img < G.Images.size(); ++Img)
    for (auto &E : G.Images[Img]->Exports) {
      int N = G.ByAddr.at({int(Img), E.second});
      ExportVerdict V;
      V.Symbol = E.first;
      V.Library = G.Images[Img]->Library;
      V.Effect = Search.Effect[N];
      if (V.Effect != Reach::None) {
        int Last;
        V.Path = G.pathFrom(N, E.first, Search.Next, Last);
        if (V.Effect == Reach::Unknown)
          V.Unfollowed = G.Nodes[Last].UnknownWhy;
      }
      Result.push_back(std::move(V));
    }
  return Result;
}

// The names on the path from node N to its sink (or to the code that
// cannot be followed), which is returned in Last.
std::vector<std::string>
LibraryGraph::Impl::pathFrom(int N, StringRef Start,
                             const std::vector<int> &Next, int &Last) const {
  std::vector<std::string> Path{Start.str()};
  Last = N;
  for (int At = Next[N]; At >= 0; At = Next[At]) {
    std::string Name = nodeName(Nodes[At]);
    if (Name != Path.back()) // a name and the export it resolves to
      Path.push_back(std::move(Name));
    Last = At;
  }
  return Path;
}

std::string ExportVerdict::why() const {
  std::string Why = llvm::join(Path, " -> ");
  if (Effect == Reach::Unknown)
    Why += ": " + Unfollowed;
  return Why;
}

} // namespace libscan
} // namespace noalloc
