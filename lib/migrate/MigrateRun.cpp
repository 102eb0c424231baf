#include "migrate/MigrateRun.h"

#include "core/Error.h"
#include "core/Parallel.h"
#include "driver/FileIO.h"
#include "driver/GitGuard.h"
#include "migrate/ContentHash.h"
#include "migrate/Interrupt.h"
#include "migrate/CppFrontend.h"
#include "migrate/LanguageFrontend.h"
#include "migrate/MigrationState.h"
#include "migrate/MirrorIO.h"
#include "migrate/RuntimeVendor.h"
#include "migrate/TreeScan.h"
#include "rules/RuleSet.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <sys/stat.h>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace tdp::migrate {

bool inShard(const std::string &Relative, unsigned Index, unsigned Count) {
  return Count <= 1 || stableHash64(Relative) % Count == Index - 1;
}

namespace {

double secondsSince(Clock::time_point T) { return std::chrono::duration<double>(Clock::now() - T).count(); }

bool inside(const fs::path &P, const fs::path &Dir) {
  auto M = std::mismatch(Dir.begin(), Dir.end(), P.begin(), P.end());
  return M.first == Dir.end();
}

std::int64_t mtimeNs(const struct stat &St) {
  return static_cast<std::int64_t>(St.st_mtim.tv_sec) * 1000000000 + St.st_mtim.tv_nsec;
}

/// Makes room for a file at Dest: a directory left there by an earlier run is removed.
void clearWayForFile(const fs::path &Dest) {
  std::error_code EC;
  if (fs::is_directory(fs::symlink_status(Dest, EC)))
    fs::remove_all(Dest, EC);
}

/// The outcome of one source file in this run.
struct SourceItem {
  const ScanEntry *Entry = nullptr;
  std::string Key;
  bool Done = false;
  bool Reused = false;  ///< the state's record still holds: nothing was ported
  bool Changed = false;
  bool Written = false;
  std::string InputHash, OutputHash;
  std::string Input;  ///< the text read, until it is ported
  std::string Output; ///< in place: the text to write
  Json Record;
  std::string RecordText; ///< Record serialised by the worker (for the state)
  double Seconds = 0;
  std::string WriteError;
};

struct CopyItem {
  const ScanEntry *Entry = nullptr;
  std::string Key;
  bool Done = false;
  bool Written = false;
  std::optional<CopyState> State;
  std::string Error;
};

class Migration {
public:
  Migration(const MigrateOptions &O, const RuleSet &Rules, std::ostream &E)
      : Options(O), Err(E), Bar(E, O.ProgressMode) {
    Frontends = O.Frontends;
    Frontends.push_back(makePythonFrontend(Rules, O.TheTarget, O.Config));
    if (O.Cpp)
      Frontends.push_back(makeCppFrontend(Rules, {O.TheTarget, O.Roots, O.Commands, O.Config}));
  }

  MigrateResult run();

private:
  void setUpRoots();
  void loadState();
  void saveState(bool Force);
  fs::path sourcePath(const ScanEntry &E) const { return Roots[E.Root].Path / E.Relative; }
  fs::path destBase(std::size_t Root) const {
    return Roots.size() == 1 ? Options.OutRoot : Options.OutRoot / Roots[Root].Name;
  }
  fs::path destPath(const ScanEntry &E) const { return destBase(E.Root) / E.Relative; }
  std::string keyOf(const ScanEntry &E) const { return jsonSafe(Roots[E.Root].Name + "/" + E.Relative); }
  /// What decides the shard of an entry: its path below the root, except for the files of a
  /// whole-set frontend (C++), which stay together in one shard per repository (a header is
  /// ported with the translation units that include it).
  std::string shardKey(const ScanEntry &E) const {
    if (E.Type == ScanEntry::Kind::Source && Frontends[E.Frontend]->portsWholeSet())
      return Roots[E.Root].Name + ":" + std::string(Frontends[E.Frontend]->language());
    return E.Relative;
  }

  bool loadSource(SourceItem &Item, bool MayReuse);
  void finishSource(SourceItem &Item, FilePort &&P);
  void processSource(SourceItem &Item);
  void recordBatch(std::vector<SourceItem> &Items, std::size_t Start, std::size_t End);
  void portWholeSet(std::vector<SourceItem *> &Items, const LanguageFrontend &Frontend);
  void processCopy(CopyItem &Item);
  void portSources(std::vector<SourceItem> &Items);
  void writeInPlace(std::vector<SourceItem> &Items, MigrateResult &Result);
  void mirrorDirectories(const std::vector<const ScanEntry *> &Dirs);
  void copyFiles(std::vector<CopyItem> &Items, MigrateResult &Result);
  void placeLinks(const std::vector<const ScanEntry *> &Links, MigrateResult &Result);
  void pruneStale(const std::set<std::string> &Sources, const std::set<std::string> &Copies);
  Json vendor();
  Json stateOptions() const;

  const MigrateOptions &Options;
  std::ostream &Err;
  Progress Bar;
  std::vector<std::shared_ptr<const LanguageFrontend>> Frontends;
  std::vector<ScanRoot> Roots;
  std::vector<RepositoryInfo> Repos;
  fs::path StatePath;
  MigrationState State;
  Clock::time_point LastSave = Clock::now();
  double LastSaveCost = 0;
  std::vector<RunProblem> Problems;
};

void Migration::setUpRoots() {
  std::error_code EC;
  std::set<std::string> Names;
  for (const std::string &R : Options.Roots) {
    fs::path P(R);
    fs::file_status St = fs::status(P, EC);
    if (EC || !fs::exists(St))
      throw UsageError(R + ": no such directory");
    if (!fs::is_directory(St))
      throw UsageError(R + ": not a directory (migrate takes repository roots; port single files with "
                           "`torchdevice-port FILE`)");
    ScanRoot Root;
    Root.Path = P;
    Root.Absolute = fs::canonical(P, EC);
    std::string Name = Root.Absolute.filename().string();
    if (Name.empty())
      Name = "root";
    std::string Unique = Name;
    for (unsigned N = 2; !Names.insert(Unique).second; ++N) {
      if (!Options.InPlace)
        throw UsageError("two ROOTs are named " + Name + "; with --out-root each goes to DIR/<its name>, so the "
                         "names must differ (migrate them in separate runs)");
      Unique = Name + "-" + std::to_string(N);
    }
    Root.Name = Unique;
    Roots.push_back(std::move(Root));
  }
  for (std::size_t I = 0; I < Roots.size(); ++I)
    for (std::size_t J = 0; J < Roots.size(); ++J)
      if (I != J && inside(Roots[J].Absolute, Roots[I].Absolute))
        throw UsageError("ROOT " + Roots[J].Path.string() + " lies inside ROOT " + Roots[I].Path.string() +
                         "; give each repository once");
  if (!Options.InPlace) {
    fs::path Out = fs::weakly_canonical(fs::absolute(Options.OutRoot), EC);
    for (const ScanRoot &R : Roots)
      if (inside(R.Absolute, Out))
        throw UsageError("--out-root " + Options.OutRoot.string() + " must not contain the input " + R.Path.string());
  }
  for (const ScanRoot &R : Roots) {
    RepositoryInfo Info;
    Info.Name = R.Name;
    Info.Root = R.Path.string();
    Repos.push_back(std::move(Info));
  }
}

Json Migration::stateOptions() const {
  Json J = Options.ReportOptions;
  std::error_code EC;
  Json RootList = Json::array();
  for (const ScanRoot &R : Roots)
    RootList.push_back(R.Absolute.string());
  J["roots"] = RootList;
  J["out_root"] = Options.InPlace ? Json(nullptr) : Json(fs::weakly_canonical(fs::absolute(Options.OutRoot), EC).string());
  J["shard"] = std::to_string(Options.ShardIndex) + "/" + std::to_string(Options.ShardCount);
  return J;
}

void Migration::loadState() {
  StatePath = Options.StateFile;
  if (StatePath.empty())
    StatePath = (Options.InPlace ? Roots.front().Path : Options.OutRoot) / StateFileName;
  Json Current = stateOptions();
  if (!Options.Restart)
    if (std::optional<MigrationState> Old = MigrationState::load(StatePath)) {
      Old->requireCompatible(Options.RulesFingerprint, Current, StatePath);
      State = std::move(*Old);
    }
  State.RulesFingerprint = Options.RulesFingerprint;
  State.Options = Current;
  State.Complete = false;
}

void Migration::saveState(bool Force) {
  if (!Force && secondsSince(LastSave) < std::max(1.0, 10 * LastSaveCost))
    return;
  auto T0 = Clock::now();
  State.save(StatePath);
  LastSave = Clock::now();
  LastSaveCost = secondsSince(T0);
}

/// Reads and hashes a source file; true when it needs porting (false: reused from the state,
/// unreadable, or interrupted; Item.Done says which).
bool Migration::loadSource(SourceItem &Item, bool MayReuse) {
  if (interruptRequested())
    return false;
  const ScanEntry &E = *Item.Entry;
  const LanguageFrontend &Frontend = *Frontends[E.Frontend];
  fs::path Source = sourcePath(E);
  std::string Error;
  std::optional<std::string> Text = readWholeFile(Source, Error);
  if (!Text) {
    FilePort P;
    P.Problems.push_back({"unreadable", 0, 0, Error + "; skipped"});
    Item.Record = fileRecord(Roots[E.Root].Name, E.Relative, Frontend.language(), false, P);
    Item.Done = true;
    return false;
  }
  Item.InputHash = sha256Hex(*Text);
  Item.Input = std::move(*Text);
  auto Previous = State.Sources.find(Item.Key);
  if (!MayReuse || Previous == State.Sources.end())
    return true;
  const SourceState &S = Previous->second;
  fs::path Dest = destPath(E);
  bool Holds = Options.InPlace ? S.Output == Item.InputHash : S.Input == Item.InputHash && [&] {
    std::string Ignored;
    struct stat St;
    if (::lstat(Dest.c_str(), &St) != 0 || !S_ISREG(St.st_mode))
      return false;
    std::optional<std::string> Out = readWholeFile(Dest, Ignored);
    return Out && sha256Hex(*Out) == S.Output;
  }();
  if (!Holds)
    return true;
  Item.Reused = true;
  Item.Record = S.Record;
  Item.InputHash = S.Input;
  Item.OutputHash = S.Output;
  Item.Changed = S.Input != S.Output;
  Item.Input.clear();
  Item.Done = true;
  return false;
}

/// Records a port and, into an out-root, writes it (in place the writes come later).
void Migration::finishSource(SourceItem &Item, FilePort &&P) {
  const ScanEntry &E = *Item.Entry;
  Item.Changed = P.Output != Item.Input;
  Item.OutputHash = Item.Changed ? sha256Hex(P.Output) : Item.InputHash;
  Item.Record = fileRecord(Roots[E.Root].Name, E.Relative, Frontends[E.Frontend]->language(), Item.Changed, P);
  Item.RecordText = dumpJson(Item.Record);
  if (Options.InPlace) {
    if (Item.Changed)
      Item.Output = std::move(P.Output);
  } else {
    fs::path Dest = destPath(E);
    try {
      if (!holdsContent(Dest, P.Output)) {
        clearWayForFile(Dest);
        writeMirroredFile(Dest, P.Output, sourcePath(E));
        Item.Written = true;
      }
    } catch (const std::exception &Ex) {
      Item.WriteError = Ex.what();
    }
  }
  Item.Input.clear();
  Item.Input.shrink_to_fit();
  Item.Done = true;
}

void Migration::processSource(SourceItem &Item) {
  auto T0 = Clock::now();
  if (!loadSource(Item, true))
    return;
  FilePort P = Frontends[Item.Entry->Frontend]->port(Item.Input, sourcePath(*Item.Entry));
  finishSource(Item, std::move(P));
  Item.Seconds = secondsSince(T0);
}

void Migration::recordBatch(std::vector<SourceItem> &Items, std::size_t Start, std::size_t End) {
  for (std::size_t I = Start; I < End; ++I) {
    SourceItem &Item = Items[I];
    if (!Item.Done || Item.Reused)
      continue;
    if (!Item.WriteError.empty()) {
      Problems.push_back({destPath(*Item.Entry).string(), Item.WriteError});
      continue; // not recorded: the next run tries again
    }
    if (Item.InputHash.empty())
      continue; // unreadable: nothing to remember
    // In place, a changed file is recorded just before it is written (writeInPlace).
    if (Options.InPlace && Item.Changed)
      continue;
    State.Sources[Item.Key] = {Item.InputHash, Item.OutputHash, Item.Record, std::move(Item.RecordText)};
  }
  saveState(false);
}

void Migration::portWholeSet(std::vector<SourceItem *> &Items, const LanguageFrontend &Frontend) {
  // Files that depend on each other: if any changed, all are ported again, together.
  std::vector<char> Needs(Items.size(), 0);
  parallelFor(Items.size(), Options.Jobs, [&](std::size_t I) { Needs[I] = loadSource(*Items[I], true); });
  if (interruptRequested() || std::none_of(Needs.begin(), Needs.end(), [](char N) { return N != 0; })) {
    Bar.advance(Items.size());
    return;
  }
  std::vector<SourceItem *> Set;
  for (SourceItem *Item : Items) {
    if (Item->Reused) { // read it again: it is ported with the others
      Item->Reused = Item->Done = false;
      loadSource(*Item, false);
    }
    if (!Item->Done)
      Set.push_back(Item);
  }
  std::vector<FileInput> Inputs;
  for (SourceItem *Item : Set)
    Inputs.push_back({sourcePath(*Item->Entry), &Item->Input});
  auto T0 = Clock::now();
  std::vector<FilePort> Ports = Frontend.portAll(Inputs, Options.Jobs, [] { return interruptRequested(); });
  if (interruptRequested() || Ports.size() != Set.size()) {
    for (SourceItem *Item : Set)
      Item->Done = false;
    return;
  }
  double Each = secondsSince(T0) / static_cast<double>(std::max<std::size_t>(1, Set.size()));
  parallelFor(Set.size(), Options.Jobs, [&](std::size_t I) {
    finishSource(*Set[I], std::move(Ports[I]));
    Set[I]->Seconds = Each;
  });
  Bar.advance(Items.size());
}

void Migration::portSources(std::vector<SourceItem> &Items) {
  Bar.phase("porting", Items.size());
  // Frontends that need their whole set first (their items are moved to the end, in order).
  std::stable_partition(Items.begin(), Items.end(),
                        [&](const SourceItem &I) { return !Frontends[I.Entry->Frontend]->portsWholeSet(); });
  std::size_t PerFile = 0;
  while (PerFile < Items.size() && !Frontends[Items[PerFile].Entry->Frontend]->portsWholeSet())
    ++PerFile;
  // Independent files stream through in batches: the state is saved between them, so an
  // interrupted run loses at most one batch.
  std::size_t Batch = std::max<std::size_t>(64, 16 * Options.Jobs);
  for (std::size_t Start = 0; Start < PerFile && !interruptRequested(); Start += Batch) {
    std::size_t End = std::min(PerFile, Start + Batch);
    parallelFor(End - Start, Options.Jobs, [&](std::size_t I) {
      processSource(Items[Start + I]);
      Bar.advance();
    });
    recordBatch(Items, Start, End);
  }
  for (std::size_t F = 0; F < Frontends.size() && !interruptRequested(); ++F) {
    if (!Frontends[F]->portsWholeSet())
      continue;
    std::vector<SourceItem *> Set;
    for (std::size_t I = PerFile; I < Items.size(); ++I)
      if (Items[I].Entry->Frontend == F)
        Set.push_back(&Items[I]);
    if (Set.empty())
      continue;
    portWholeSet(Set, *Frontends[F]);
    recordBatch(Items, PerFile, Items.size());
  }
}

void Migration::writeInPlace(std::vector<SourceItem> &Items, MigrateResult &Result) {
  std::vector<SourceItem *> Pending;
  for (SourceItem &Item : Items)
    if (Item.Done && !Item.Reused && Item.Changed)
      Pending.push_back(&Item);
  if (Pending.empty())
    return;
  if (!Options.AllowDirty) {
    std::vector<fs::path> Paths;
    for (SourceItem *Item : Pending)
      Paths.push_back(sourcePath(*Item->Entry));
    for (const UnprotectedFile &U : findUnprotectedFiles(Paths, GuardLevel::Committed))
      Result.Refusals.push_back(U.Path.string() + " " + U.Reason);
    if (!Result.Refusals.empty())
      return;
  }
  Bar.phase("writing", Pending.size());
  std::size_t Batch = std::max<std::size_t>(64, 16 * Options.Jobs);
  for (std::size_t Start = 0; Start < Pending.size() && !interruptRequested(); Start += Batch) {
    std::size_t End = std::min(Pending.size(), Start + Batch);
    // Write-ahead: the state names input and output before any file of the batch is replaced,
    // so that after an interruption each file is recognised as either still to do or done.
    for (std::size_t I = Start; I < End; ++I)
      State.Sources[Pending[I]->Key] = {Pending[I]->InputHash, Pending[I]->OutputHash, Pending[I]->Record,
                                        std::move(Pending[I]->RecordText)};
    saveState(true);
    parallelFor(End - Start, Options.Jobs, [&](std::size_t I) {
      SourceItem &Item = *Pending[Start + I];
      if (interruptRequested())
        return;
      try {
        writeFileAtomically(sourcePath(*Item.Entry), Item.Output);
        Item.Written = true;
      } catch (const std::exception &Ex) {
        Item.WriteError = Ex.what();
      }
      Bar.advance();
    });
    for (std::size_t I = Start; I < End; ++I)
      if (!Pending[I]->WriteError.empty()) {
        Problems.push_back({sourcePath(*Pending[I]->Entry).string(), Pending[I]->WriteError});
        State.Sources.erase(Pending[I]->Key);
      }
  }
}

void Migration::mirrorDirectories(const std::vector<const ScanEntry *> &Dirs) {
  std::error_code EC;
  fs::create_directories(Options.OutRoot, EC);
  if (EC)
    throw UsageError("--out-root " + Options.OutRoot.string() + ": cannot create: " + EC.message());
  if (Roots.size() > 1)
    for (std::size_t R = 0; R < Roots.size(); ++R)
      ensureRealDirectory(destBase(R));
  for (const ScanEntry *D : Dirs) {
    try {
      ensureRealDirectory(destPath(*D));
    } catch (const std::exception &E) {
      Problems.push_back({destPath(*D).string(), E.what()});
    }
  }
}

void Migration::processCopy(CopyItem &Item) {
  if (interruptRequested())
    return;
  const ScanEntry &E = *Item.Entry;
  fs::path Source = sourcePath(E), Dest = destPath(E);
  struct stat Src, Dst;
  if (::stat(Source.c_str(), &Src) != 0) {
    Item.Error = Source.string() + ": cannot read";
    Item.Done = true;
    return;
  }
  auto Previous = State.Copies.find(Item.Key);
  if (Previous != State.Copies.end() && ::lstat(Dest.c_str(), &Dst) == 0 && S_ISREG(Dst.st_mode)) {
    const CopyState &C = Previous->second;
    if (C.Size == static_cast<std::uintmax_t>(Src.st_size) && C.MtimeNs == mtimeNs(Src) &&
        C.Mode == (Src.st_mode & 07777) && C.DestSize == static_cast<std::uintmax_t>(Dst.st_size) &&
        C.DestMtimeNs == mtimeNs(Dst) && (Dst.st_mode & 07777) == C.Mode) {
      Item.State = C;
      Item.Done = true;
      return;
    }
  }
  try {
    clearWayForFile(Dest);
    Item.Written = copyFileInto(Source, Dest);
    if (::lstat(Dest.c_str(), &Dst) == 0) {
      CopyState C;
      C.Size = static_cast<std::uintmax_t>(Src.st_size);
      C.MtimeNs = mtimeNs(Src);
      C.Mode = Src.st_mode & 07777;
      C.DestSize = static_cast<std::uintmax_t>(Dst.st_size);
      C.DestMtimeNs = mtimeNs(Dst);
      Item.State = C;
    }
  } catch (const std::exception &Ex) {
    Item.Error = Ex.what();
  }
  Item.Done = true;
}

void Migration::copyFiles(std::vector<CopyItem> &Items, MigrateResult &Result) {
  Bar.phase("copying", Items.size());
  std::size_t Batch = std::max<std::size_t>(256, 64 * Options.Jobs);
  for (std::size_t Start = 0; Start < Items.size() && !interruptRequested(); Start += Batch) {
    std::size_t End = std::min(Items.size(), Start + Batch);
    parallelFor(End - Start, Options.Jobs, [&](std::size_t I) {
      processCopy(Items[Start + I]);
      Bar.advance();
    });
    for (std::size_t I = Start; I < End; ++I) {
      CopyItem &Item = Items[I];
      if (!Item.Done)
        continue;
      ++Repos[Item.Entry->Root].Copied;
      if (Item.Written)
        ++Result.Copied;
      if (!Item.Error.empty())
        Problems.push_back({sourcePath(*Item.Entry).string(), Item.Error});
      if (Item.State)
        State.Copies[Item.Key] = *Item.State;
    }
    saveState(false);
  }
}

void Migration::placeLinks(const std::vector<const ScanEntry *> &Links, MigrateResult &Result) {
  for (const ScanEntry *L : Links) {
    if (interruptRequested())
      return;
    RepositoryInfo &Repo = Repos[L->Root];
    ++Repo.Links;
    if (L->LinkOutside)
      Repo.LinksOutside.push_back(L->Relative + " -> " + L->LinkTarget);
    if (Options.InPlace)
      continue;
    try {
      clearWayForFile(destPath(*L));
      if (placeLink(L->LinkTarget, destPath(*L)))
        ++Result.Copied;
    } catch (const std::exception &E) {
      Problems.push_back({destPath(*L).string(), E.what()});
    }
  }
}

void Migration::pruneStale(const std::set<std::string> &Sources, const std::set<std::string> &Copies) {
  // What the state remembers but the tree no longer has: forgotten; in the out-root, removed
  // when the destination still holds exactly what this tool wrote there.
  auto DestOf = [&](const std::string &Key) -> std::optional<fs::path> {
    std::size_t Slash = Key.find('/');
    for (std::size_t R = 0; R < Roots.size(); ++R)
      if (Key.compare(0, Slash, Roots[R].Name) == 0 && Slash == Roots[R].Name.size())
        return destBase(R) / Key.substr(Slash + 1);
    return std::nullopt;
  };
  for (auto It = State.Sources.begin(); It != State.Sources.end();) {
    if (Sources.count(It->first)) {
      ++It;
      continue;
    }
    if (!Options.InPlace)
      if (std::optional<fs::path> Dest = DestOf(It->first)) {
        std::string Ignored;
        struct stat St;
        if (::lstat(Dest->c_str(), &St) == 0 && S_ISREG(St.st_mode))
          if (std::optional<std::string> Text = readWholeFile(*Dest, Ignored); Text && sha256Hex(*Text) == It->second.Output)
            ::unlink(Dest->c_str());
      }
    It = State.Sources.erase(It);
  }
  for (auto It = State.Copies.begin(); It != State.Copies.end();) {
    if (Copies.count(It->first)) {
      ++It;
      continue;
    }
    if (!Options.InPlace)
      if (std::optional<fs::path> Dest = DestOf(It->first)) {
        struct stat St;
        if (::lstat(Dest->c_str(), &St) == 0 && S_ISREG(St.st_mode) &&
            static_cast<std::uintmax_t>(St.st_size) == It->second.DestSize && mtimeNs(St) == It->second.DestMtimeNs)
          ::unlink(Dest->c_str());
      }
    It = State.Copies.erase(It);
  }
}

Json Migration::vendor() {
  Json R;
  R["vendored"] = Options.VendorRuntime;
  R["python_package"] = Json::array();
  R["cpp"] = cppRuntimeNote();
  if (!Options.VendorRuntime)
    return R;
  std::vector<std::string> Tried;
  std::optional<fs::path> Runtime = findPythonRuntime(Tried);
  if (!Runtime) {
    std::string Where;
    for (const std::string &T : Tried)
      Where += (Where.empty() ? "" : ", ") + T;
    Problems.push_back({"--vendor-runtime", "the Python runtime package (runtime/python/torchdevice) was not found "
                                            "(looked in " + Where + "); set TORCHDEVICE_RUNTIME_DIR to the directory "
                                            "that holds torchdevice/"});
    R["vendored"] = false;
    return R;
  }
  for (std::size_t I = 0; I < Roots.size(); ++I) {
    fs::path Base = Options.InPlace ? Roots[I].Path : destBase(I);
    VendorResult V = vendorRuntime(*Runtime, Base);
    for (const std::string &P : V.Problems)
      Problems.push_back({"--vendor-runtime", P});
    if (V.Problems.empty())
      R["python_package"].push_back(Roots.size() == 1 ? std::string("torchdevice/") : Roots[I].Name + "/torchdevice/");
  }
  R["note"] = RuntimeNoteName;
  return R;
}

MigrateResult Migration::run() {
  auto Start = Clock::now();
  auto Lap = Start;
  Json Phases = Json::object();
  auto Phase = [&](const char *Name) {
    auto Now = Clock::now();
    Phases[Name] = std::round(std::chrono::duration<double>(Now - Lap).count() * 1000.0) / 1000.0;
    Lap = Now;
  };
  MigrateResult Result;
  setUpRoots();
  loadState();
  Result.StatePath = StatePath;
  Phase("load_state");

  InterruptGuard Guard;
  Bar.phase("scanning", 0);
  ScanOptions SO;
  SO.Excludes = Options.Excludes;
  if (Options.Config && !Options.Config->Exclude.empty()) {
    const ProjectConfig &C = *Options.Config;
    SO.IsExcluded = [&C](const fs::path &P) { return C.excludes(P); };
  }
  if (!Options.InPlace)
    SO.NeverEnter.push_back(Options.OutRoot);
  SO.NeverList.push_back(StatePath);
  for (const fs::path &R : Options.ReportFiles)
    SO.NeverList.push_back(R);
  for (const auto &F : Frontends)
    SO.Frontends.push_back(F.get());
  ScanResult Scan = scanTrees(Roots, SO);
  for (const ScanProblem &P : Scan.Problems)
    Problems.push_back({P.Path, P.Message});

  std::vector<SourceItem> Sources;
  std::vector<CopyItem> Copies;
  std::vector<const ScanEntry *> Dirs, Links;
  std::set<std::string> SourceKeys, CopyKeys;
  for (const ScanEntry &E : Scan.Entries) {
    if (E.Type == ScanEntry::Kind::Directory) {
      Dirs.push_back(&E);
      continue;
    }
    if (E.Relative.find('/') == std::string::npos && E.Relative == StateFileName)
      continue; // an earlier run's state, never ported nor copied
    if (!inShard(shardKey(E), Options.ShardIndex, Options.ShardCount))
      continue;
    if (E.Type == ScanEntry::Kind::Source) {
      SourceItem Item;
      Item.Entry = &E;
      Item.Key = keyOf(E);
      SourceKeys.insert(Item.Key);
      Sources.push_back(std::move(Item));
    } else if (E.Type == ScanEntry::Kind::Copy) {
      CopyItem Item;
      Item.Entry = &E;
      Item.Key = keyOf(E);
      if (!Options.InPlace) {
        CopyKeys.insert(Item.Key);
        Copies.push_back(std::move(Item));
      } else {
        ++Repos[E.Root].Copied; // in place nothing is copied; counted as files that are not sources
      }
    } else {
      Links.push_back(&E);
    }
  }

  if (!Options.InPlace && !interruptRequested())
    mirrorDirectories(Dirs);
  Phase("scan");
  portSources(Sources);
  Phase("port");
  if (Options.InPlace && !interruptRequested())
    writeInPlace(Sources, Result);
  if (!Options.InPlace && !interruptRequested())
    copyFiles(Copies, Result);
  placeLinks(Links, Result);
  Phase(Options.InPlace ? "write" : "copy");
  Json Runtime = Json::object();
  if (!interruptRequested() && Result.Refusals.empty()) {
    Runtime = vendor();
    pruneStale(SourceKeys, CopyKeys);
    if (!Options.InPlace) // directory permissions last: a read-only directory is filled first
      for (const ScanEntry *D : Dirs) {
        struct stat Src, Dst;
        fs::path Dest = destPath(*D);
        if (::stat(sourcePath(*D).c_str(), &Src) == 0 && ::lstat(Dest.c_str(), &Dst) == 0 && S_ISDIR(Dst.st_mode) &&
            (Src.st_mode & 07777) != (Dst.st_mode & 07777))
          ::chmod(Dest.c_str(), Src.st_mode & 07777);
      }
  } else {
    Runtime = {{"vendored", false}, {"python_package", Json::array()}, {"cpp", cppRuntimeNote()}};
  }
  Bar.stop();
  Result.Interrupted = interruptRequested();

  ReportHeader H;
  H.Target = std::string(targetName(Options.TheTarget));
  H.RulesFingerprint = Options.RulesFingerprint;
  H.Options = Options.ReportOptions;
  H.ShardCount = Options.ShardCount;
  H.Shards = {Options.ShardIndex};
  H.Runtime = Runtime;
  H.Complete = !Result.Interrupted && Result.Refusals.empty();
  std::vector<Json> Files;
  for (SourceItem &Item : Sources) {
    if (!Item.Done)
      continue;
    if (Item.Reused) {
      ++H.FilesReused;
    } else {
      ++H.FilesPorted;
      H.PortSeconds += Item.Seconds;
      Repos[Item.Entry->Root].PortSeconds += Item.Seconds;
    }
    if (Item.Written)
      ++Result.Written;
    const Json &Status = Item.Record.at("status");
    if (Status == "skipped" || !Item.Record.at("conflicts").empty())
      Result.Trouble = true;
    Files.push_back(std::move(Item.Record));
  }
  Phase("finish");
  H.WallSeconds = secondsSince(Start);
  State.Complete = H.Complete;
  if (Result.Refusals.empty())
    saveState(true);
  Result.Trouble = Result.Trouble || !Problems.empty();
  H.Phases = Phases;
  Result.Report = buildReport(H, Repos, std::move(Files), std::move(Problems));
  Result.Report["timing"]["phases"]["report_and_state"] =
      std::round(secondsSince(Lap) * 1000.0) / 1000.0; // building the report and saving the state
  return Result;
}

} // namespace

MigrateResult runMigration(const MigrateOptions &Options, const RuleSet &Rules, std::ostream &Err) {
  if (Options.InPlace == !Options.OutRoot.empty())
    throw UsageError("migrate needs exactly one of --out-root DIR and --in-place");
  if (Options.ShardCount == 0 || Options.ShardIndex == 0 || Options.ShardIndex > Options.ShardCount)
    throw UsageError("--shard K/N needs 1 <= K <= N");
  Migration M(Options, Rules, Err);
  return M.run();
}

} // namespace tdp::migrate
