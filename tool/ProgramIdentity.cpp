//===--- ProgramIdentity.cpp - Which noalloc is running -------------------===//

#include "ProgramIdentity.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <cstring>
#include <vector>
#if defined(__linux__)
#include <elf.h>
#include <link.h>
#endif

using namespace llvm;

namespace noalloc {

/// What a file holds, hashed: for an object that carries no build id.
static std::string contentHash(const std::string &Path) {
  if (auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false))
    return "content:" + utohexstr(xxh3_64bits((*Buffer)->getBuffer()));
  return "unreadable:" + Path;
}

#if defined(__linux__)
/// The GNU build id among the notes of one PT_NOTE segment, as hex; empty
/// if there is none.
static std::string buildIdNote(const char *Note, const char *End,
                               uint64_t Align) {
  while (Note + sizeof(ElfW(Nhdr)) <= End) {
    const auto *Header = reinterpret_cast<const ElfW(Nhdr) *>(Note);
    const char *Name = Note + sizeof(ElfW(Nhdr));
    const char *Desc = Name + alignTo(Header->n_namesz, Align);
    if (Desc > End || uint64_t(End - Desc) < Header->n_descsz)
      return "";
    if (Header->n_type == NT_GNU_BUILD_ID && Header->n_namesz == 4 &&
        std::memcmp(Name, "GNU", 4) == 0 && Header->n_descsz > 0)
      return toHex(StringRef(Desc, Header->n_descsz), /*LowerCase=*/true);
    Note = Desc + alignTo(Header->n_descsz, Align);
  }
  return "";
}

/// The build id of a loaded object, read from its mapped notes.
static std::string buildId(const dl_phdr_info &Info) {
  for (int I = 0; I < Info.dlpi_phnum; ++I) {
    const ElfW(Phdr) &Segment = Info.dlpi_phdr[I];
    if (Segment.p_type != PT_NOTE)
      continue;
    const char *Start =
        reinterpret_cast<const char *>(Info.dlpi_addr + Segment.p_vaddr);
    std::string Id = buildIdNote(Start, Start + Segment.p_memsz,
                                 Segment.p_align == 8 ? 8 : 4);
    if (!Id.empty())
      return Id;
  }
  return "";
}

namespace {
struct LoadedObjects {
  std::string Executable;
  std::vector<std::string> Ids;
};
} // namespace

/// dl_iterate_phdr's callback: the executable comes first, then the shared
/// libraries. Only LLVM's and clang's decide what noalloc finds: the C and
/// C++ runtimes, a preloaded library (valgrind's, a malloc) or the vDSO
/// change no result, and would make a run under them miss every entry.
static int addObject(dl_phdr_info *Info, size_t, void *Data) {
  auto &Objects = *static_cast<LoadedObjects *>(Data);
  bool IsExecutable = Objects.Ids.empty();
  std::string Name = Info->dlpi_name ? Info->dlpi_name : "";
  StringRef Base = sys::path::filename(Name);
  if (!IsExecutable && !Base.starts_with("libLLVM") &&
      !Base.starts_with("libclang"))
    return 0;
  std::string Id = buildId(*Info);
  if (Id.empty())
    Id = contentHash(IsExecutable ? Objects.Executable : Name);
  Objects.Ids.push_back(std::move(Id));
  return 0;
}
#endif

std::string programIdentity(const char *Argv0) {
  std::string Executable =
      sys::fs::getMainExecutable(Argv0, (void *)&programIdentity);
#if defined(__linux__)
  LoadedObjects Objects{Executable, {}};
  dl_iterate_phdr(addObject, &Objects);
  if (!Objects.Ids.empty())
    return join(Objects.Ids, ",");
#endif
  return contentHash(Executable);
}

} // namespace noalloc
