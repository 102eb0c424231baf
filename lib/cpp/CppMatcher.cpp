#include "cpp/CppMatcher.h"

#include "cpp/ClangSetup.h"
#include "cpp/CppRuleIndex.h"
#include "rules/CallVariables.h"

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Lex/Lexer.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/Tooling.h>

#include <map>

namespace fs = std::filesystem;
using namespace clang;

namespace tdp::cpp {

ProjectScope::ProjectScope(const std::vector<fs::path> &TheRoots) {
  for (const fs::path &R : TheRoots) {
    std::error_code EC;
    fs::path C = fs::weakly_canonical(fs::absolute(R), EC);
    std::string S = C.string();
    if (fs::is_directory(C, EC) && !S.ends_with('/'))
      S += '/';
    Roots.push_back(S);
  }
}

bool ProjectScope::contains(const std::string &Path) const {
  for (const std::string &R : Roots)
    if (Path == R || (R.ends_with('/') && Path.starts_with(R)))
      return true;
  return false;
}

namespace {

/// Collects the hits of one TU. Shared by the AST visitor, the preprocessor callbacks and the
/// token pass.
class MatchContext {
public:
  MatchContext(const CppRuleIndex &TheRules, const ProjectScope &TheScope, const TuMatchOptions &TheOptions,
               TuMatchResult &TheResult)
      : Rules(TheRules), Scope(TheScope), Options(TheOptions), Result(TheResult) {}

  const CppRuleIndex &Rules;
  const ProjectScope &Scope;
  const TuMatchOptions &Options;
  TuMatchResult &Result;
  SourceManager *SM = nullptr;
  const LangOptions *LO = nullptr;
  std::vector<SourceRange> Skipped; ///< inactive preprocessor branches
  bool AstVisited = false;          ///< the AST was built and visited
  /// Files the preprocessor entered, in order. (Not SourceManager::fileinfo: with a precompiled
  /// header that also lists the PCH's headers, which are not the project's anyway.)
  std::vector<FileID> Entered;

  /// The canonical path of a file, cached by FileID.
  std::string pathOf(FileID FID) {
    auto It = Paths.find(FID);
    if (It != Paths.end())
      return It->second;
    std::string P;
    if (OptionalFileEntryRef F = SM->getFileEntryRefForID(FID)) {
      // A relative name is relative to the compile command's directory (the file system's working
      // directory, which is not the process's).
      llvm::SmallString<256> Name(F->getName());
      SM->getFileManager().makeAbsolutePath(Name);
      std::error_code EC;
      fs::path C = fs::weakly_canonical(fs::path(Name.str().str()), EC);
      P = EC ? Name.str().str() : C.string();
    }
    Paths.emplace(FID, P);
    return P;
  }

  bool inProject(FileID FID) {
    std::string P = pathOf(FID);
    bool In = !P.empty() && Scope.contains(P);
    if (In)
      Result.ProjectFiles.insert(P);
    return In;
  }

  struct FileRange {
    FileID FID;
    unsigned Begin = 0, End = 0;
    bool InMacroDefinition = false;
  };

  /// The file range of a token range: directly, through macro arguments, or in the body of a
  /// macro definition when the whole range is spelled there.
  std::optional<FileRange> fileRange(SourceRange R) {
    if (R.isInvalid())
      return std::nullopt;
    CharSourceRange CR = Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R), *SM, *LO);
    if (CR.isValid()) {
      auto [FID, Begin] = SM->getDecomposedLoc(CR.getBegin());
      unsigned End = SM->getFileOffset(CR.getEnd());
      return FileRange{FID, Begin, End, false};
    }
    SourceLocation B = SM->getSpellingLoc(R.getBegin()), E = SM->getSpellingLoc(R.getEnd());
    auto [FB, OB] = SM->getDecomposedLoc(B);
    auto [FE, OE] = SM->getDecomposedLoc(E);
    if (FB != FE || OE < OB)
      return std::nullopt;
    return FileRange{FB, OB, OE + Lexer::MeasureTokenLength(E, *SM, *LO), true};
  }

  std::string textOf(SourceRange R) {
    std::optional<FileRange> FR = fileRange(R);
    if (!FR)
      return {};
    bool Invalid = false;
    StringRef Buf = SM->getBufferData(FR->FID, &Invalid);
    return Invalid ? std::string() : Buf.substr(FR->Begin, FR->End - FR->Begin).str();
  }

  /// Records a hit for the text at Matched, replacing EditRange (when the rule rewrites).
  void hit(const Rule &R, SourceRange Matched, SourceRange EditRange,
           const std::function<std::string(std::string_view)> &Vars, bool LowConfidence = false) {
    SourceLocation Where = Matched.getBegin();
    if (Where.isInvalid())
      return;
    FileID WhereFID = SM->getFileID(SM->getExpansionLoc(Where));
    std::optional<FileRange> FR = fileRange(EditRange);
    FileID FID = FR ? FR->FID : WhereFID;
    if (!inProject(FID))
      return;
    CppHit H;
    H.Matched = &R;
    H.File = pathOf(FID);
    H.LowConfidence = LowConfidence;
    if (FR) {
      H.Offset = FR->Begin;
      H.Length = FR->End - FR->Begin;
    } else {
      H.Offset = SM->getFileOffset(SM->getExpansionLoc(Where));
    }
    if (R.edits()) {
      const Template *T = R.rewriteFor(Options.TheTarget);
      if (!T)
        H.NoFixReason = "the rule has no rewrite for this target";
      else if (!FR)
        H.NoFixReason = "inside a macro expansion that spans several places; rewrite it by hand";
      else
        H.Replacement = T->expand(Vars);
    }
    Result.Hits.push_back(std::move(H));
  }

private:
  std::map<FileID, std::string> Paths;
};

std::string qualifiedName(const NamedDecl *D) {
  if (!D)
    return {};
  std::string S;
  llvm::raw_string_ostream OS(S);
  PrintingPolicy Policy(D->getASTContext().getLangOpts());
  Policy.SuppressUnwrittenScope = true; // no "(anonymous namespace)", no inline namespace names
  Policy.SuppressInlineNamespace = true;
  D->printQualifiedName(OS, Policy);
  return OS.str();
}

const NamedDecl *declOfTypeLoc(TypeLoc TL) {
  if (auto T = TL.getAs<TypedefTypeLoc>())
    return T.getTypedefNameDecl();
  if (auto T = TL.getAs<RecordTypeLoc>())
    return T.getDecl();
  if (auto T = TL.getAs<EnumTypeLoc>())
    return T.getDecl();
  if (auto T = TL.getAs<TemplateSpecializationTypeLoc>())
    return T.getTypePtr()->getTemplateName().getAsTemplateDecl();
  if (auto T = TL.getAs<UsingTypeLoc>())
    return T.getFoundDecl();
  return nullptr;
}

/// The end of the written name of a type (the template name of a specialization).
SourceLocation nameEndOfTypeLoc(TypeLoc TL) {
  if (auto T = TL.getAs<TemplateSpecializationTypeLoc>())
    return T.getTemplateNameLoc();
  return TL.getEndLoc();
}

const Expr *stripToLiteral(const Expr *E) {
  while (E) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (auto *C = dyn_cast<CXXConstructExpr>(E); C && C->getNumArgs() >= 1 && !isa<CXXTemporaryObjectExpr>(C))
      E = C->getArg(0); // std::string from a literal
    else
      break;
  }
  return E;
}

class Visitor : public RecursiveASTVisitor<Visitor> {
public:
  explicit Visitor(MatchContext &TheCtx) : Ctx(TheCtx) {}

  bool shouldVisitTemplateInstantiations() const { return false; }

  /// Declarations read from a precompiled header come from the LibTorch headers it holds, never
  /// from the project (whose headers are not precompiled): nothing there is ported, and not
  /// traversing them keeps Clang from loading them.
  bool TraverseDecl(Decl *D) {
    if (D && D->isFromASTFile())
      return true;
    return RecursiveASTVisitor<Visitor>::TraverseDecl(D);
  }
  bool shouldVisitImplicitCode() const { return false; }

  /// A call's arguments as written (defaulted ones left out), for the template's call variables.
  CallArguments callArguments(const CallExpr *C) const {
    CallArguments Args;
    for (const Expr *A : C->arguments())
      if (!isa<CXXDefaultArgExpr>(A))
        Args.Positional.push_back(Ctx.textOf(A->getSourceRange()));
    Args.All = joinArguments(Args.Positional);
    return Args;
  }

  bool VisitCallExpr(CallExpr *C) {
    auto *DRE = dyn_cast<DeclRefExpr>(C->getCallee()->IgnoreImplicit());
    if (!DRE)
      return true;
    const Rule *R = Ctx.Rules.name(qualifiedName(DRE->getDecl()));
    if (!R || !R->edits())
      return true;
    const auto &NM = std::get<NameMatch>(R->Match);
    const Template *T = R->rewriteFor(Ctx.Options.TheTarget);
    if (!T || !usesCallVariables(*T, NM.Params))
      return true; // the plain name is rewritten by VisitDeclRefExpr
    Consumed.insert(DRE);
    CallArguments Args = callArguments(C);
    Ctx.hit(*R, nameRange(DRE), C->getSourceRange(), [&](std::string_view V) -> std::string {
      if (V == "MATCH")
        return Ctx.textOf(DRE->getSourceRange());
      return callVariableValue(Args, NM.Params, V);
    });
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (Consumed.count(E))
      return true;
    const Rule *R = Ctx.Rules.name(qualifiedName(E->getDecl()));
    if (!R)
      return true;
    SourceRange Range = nameRange(E);
    std::string Match = Ctx.textOf(Range);
    Ctx.hit(*R, Range, Range, [&](std::string_view V) { return V == "MATCH" ? Match : std::string(); });
    return true;
  }

  bool VisitUsingDecl(UsingDecl *U) {
    std::string Q;
    llvm::raw_string_ostream OS(Q);
    if (NestedNameSpecifier *NNS = U->getQualifier())
      NNS->print(OS, PrintingPolicy(U->getASTContext().getLangOpts()));
    OS << U->getNameAsString();
    const Rule *R = Ctx.Rules.name(OS.str());
    if (!R && U->shadow_size() > 0)
      R = Ctx.Rules.name(qualifiedName(U->shadow_begin()->getTargetDecl()));
    if (!R)
      return true;
    SourceRange Range(U->getQualifierLoc().getBeginLoc(), U->getNameInfo().getEndLoc());
    std::string Match = Ctx.textOf(Range);
    std::size_t Before = Ctx.Result.Hits.size();
    Ctx.hit(*R, Range, Range, [&](std::string_view V) { return V == "MATCH" ? Match : std::string(); });
    // `using torch::kCUDA;` cannot become `using torchdevice::device_type();`: a replacement that
    // is not a name is reported (the uses themselves are rewritten where they are).
    if (Ctx.Result.Hits.size() > Before) {
      CppHit &H = Ctx.Result.Hits.back();
      if (H.Replacement && H.Replacement->find_first_not_of(
                               "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:") != std::string::npos) {
        H.Replacement.reset();
        H.NoFixReason = "a using declaration cannot name an expression; remove it by hand once its uses are ported";
      }
    }
    return true;
  }

  bool VisitElaboratedTypeLoc(ElaboratedTypeLoc TL) {
    TypeLoc Inner = TL.getNamedTypeLoc();
    if (typeRule(Inner, SourceRange(TL.getBeginLoc(), nameEndOfTypeLoc(Inner))))
      ConsumedTypes.insert(Inner.getBeginLoc().getRawEncoding());
    return true;
  }
  bool VisitRecordTypeLoc(RecordTypeLoc TL) { return plainType(TL); }
  bool VisitTypedefTypeLoc(TypedefTypeLoc TL) { return plainType(TL); }
  bool VisitTemplateSpecializationTypeLoc(TemplateSpecializationTypeLoc TL) { return plainType(TL); }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *C) {
    const CXXMethodDecl *MD = C->getMethodDecl();
    auto *ME = dyn_cast<MemberExpr>(C->getCallee()->IgnoreParens());
    if (!MD || !ME)
      return true;
    // The receiver's class and its bases (t.is_cuda() is declared in at::TensorBase, a base of
    // at::Tensor), and the class that declares the method.
    std::vector<std::string> Classes;
    const CXXRecordDecl *Class = MD->getParent();
    if (const CXXRecordDecl *Recv = ME->getBase()->getType()->getPointeeCXXRecordDecl()
                                        ? ME->getBase()->getType()->getPointeeCXXRecordDecl()
                                        : ME->getBase()->getType()->getAsCXXRecordDecl()) {
      Classes.push_back(qualifiedName(Recv));
      if (Recv->hasDefinition())
        Recv->forallBases([&](const CXXRecordDecl *Base) {
          Classes.push_back(qualifiedName(Base));
          return true;
        });
    }
    Classes.push_back(qualifiedName(Class));
    if (qualifiedName(Class) == "c10::TensorOptions" && MD->getNameAsString() == "device" && C->getNumArgs() == 2 &&
        !isa<CXXDefaultArgExpr>(C->getArg(1)))
      typeAndIndex(C->getArg(0), C->getArg(1));
    if (Class->hasDefinition())
      Class->forallBases([&](const CXXRecordDecl *Base) {
        Classes.push_back(qualifiedName(Base));
        return true;
      });
    const Rule *R = Ctx.Rules.method(MD->getNameAsString(), Classes);
    if (!R)
      return true;
    const auto &MM = std::get<MethodMatch>(R->Match);
    if (MM.MaxArgs && C->getNumArgs() > *MM.MaxArgs)
      return true;
    const Template *T = R->edits() ? R->rewriteFor(Ctx.Options.TheTarget) : nullptr;
    bool NeedsReceiver = false;
    if (T)
      for (const std::string &V : T->variables())
        NeedsReceiver = NeedsReceiver || V == "RECV";
    std::string Recv = Ctx.textOf(ME->getBase()->getSourceRange());
    if (ME->isArrow())
      Recv = "(*" + Recv + ")";
    CallArguments Args = callArguments(C);
    SourceRange Edit(NeedsReceiver ? C->getBeginLoc() : ME->getMemberLoc(), C->getRParenLoc());
    Ctx.hit(*R, SourceRange(ME->getMemberLoc(), ME->getMemberLoc()), Edit, [&](std::string_view V) -> std::string {
      if (V == "RECV")
        return Recv;
      return callVariableValue(Args, MM.Params, V);
    });
    return true;
  }

  /// c10::Device("cuda:1"), c10::Device(kCUDA, i): the device arguments as one device string.
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    const CXXConstructorDecl *Ctor = E->getConstructor();
    if (!Ctor || qualifiedName(Ctor->getParent()) != "c10::Device" || E->getNumArgs() == 0)
      return true;
    const Expr *First = stripToLiteral(E->getArg(0));
    SourceRange ArgsRange(E->getArg(0)->getBeginLoc(), E->getArg(E->getNumArgs() - 1)->getEndLoc());
    if (auto *S = dyn_cast<StringLiteral>(First); S && S->isOrdinary()) {
      std::string Value = S->getString().str();
      std::size_t Colon = Value.find(':');
      std::string Type = Value.substr(0, Colon), Index = Colon == std::string::npos ? "" : Value.substr(Colon + 1);
      bool Indexed = Colon != std::string::npos;
      if (Indexed && (Index.empty() || Index.find_first_not_of("0123456789") != std::string::npos))
        return true;
      if (const Rule *R = Ctx.Rules.deviceString(Type, Indexed)) {
        SourceRange Lit = S->getSourceRange();
        std::string Match = Ctx.textOf(Lit);
        Ctx.hit(*R, Lit, Lit, [&](std::string_view V) {
          return V == "INDEX" ? Index : V == "MATCH" ? Match : std::string();
        });
      }
      return true;
    }
    // Device(kCUDA, index): on the CPU an index other than 0 is invalid, so type and index are
    // rewritten together, like "cuda:N".
    if (E->getNumArgs() == 2 && !isa<CXXDefaultArgExpr>(E->getArg(1)))
      typeAndIndex(E->getArg(0), E->getArg(1));
    return true;
  }

private:
  /// A device type constant and an index passed together (Device(kCUDA, i),
  /// TensorOptions().device(kCUDA, i)): matched as one indexed device string over both arguments.
  void typeAndIndex(const Expr *TypeArg, const Expr *IndexArg) {
    auto *DRE = dyn_cast<DeclRefExpr>(TypeArg->IgnoreImplicit()->IgnoreParens());
    if (!DRE)
      return;
    std::string Q = qualifiedName(DRE->getDecl());
    std::string Type = Q == "c10::kCUDA" || Q == "c10::DeviceType::CUDA" ? "cuda"
                       : Q == "c10::kMPS" || Q == "c10::DeviceType::MPS" ? "mps"
                                                                           : "";
    const Rule *R = Type.empty() ? nullptr : Ctx.Rules.deviceString(Type, true);
    if (!R)
      return;
    Consumed.insert(DRE);
    SourceRange ArgsRange(TypeArg->getBeginLoc(), IndexArg->getEndLoc());
    std::string Index = Ctx.textOf(IndexArg->getSourceRange());
    std::string Match = Ctx.textOf(ArgsRange);
    Ctx.hit(*R, ArgsRange, ArgsRange, [&](std::string_view V) {
      return V == "INDEX" ? Index : V == "MATCH" ? Match : std::string();
    });
  }

  SourceRange nameRange(const DeclRefExpr *E) const {
    SourceLocation Begin = E->getQualifierLoc() ? E->getQualifierLoc().getBeginLoc() : E->getLocation();
    return SourceRange(Begin, E->getNameInfo().getEndLoc());
  }

  bool plainType(TypeLoc TL) {
    if (ConsumedTypes.count(TL.getBeginLoc().getRawEncoding()))
      return true;
    typeRule(TL, SourceRange(TL.getBeginLoc(), nameEndOfTypeLoc(TL)));
    return true;
  }

  bool typeRule(TypeLoc Inner, SourceRange Range) {
    const Rule *R = Ctx.Rules.name(qualifiedName(declOfTypeLoc(Inner)));
    if (!R)
      return false;
    std::string Match = Ctx.textOf(Range);
    Ctx.hit(*R, Range, Range, [&](std::string_view V) { return V == "MATCH" ? Match : std::string(); });
    return true;
  }

  MatchContext &Ctx;
  std::set<const DeclRefExpr *> Consumed;
  std::set<SourceLocation::UIntTy> ConsumedTypes;
};

class Callbacks : public PPCallbacks {
public:
  explicit Callbacks(MatchContext &TheCtx) : Ctx(TheCtx) {}

  void InclusionDirective(SourceLocation HashLoc, const Token &, StringRef FileName, bool, CharSourceRange FilenameRange,
                          OptionalFileEntryRef, StringRef, StringRef, const Module *, bool,
                          SrcMgr::CharacteristicKind) override {
    const Rule *R = Ctx.Rules.include(FileName);
    if (!R || HashLoc.isMacroID())
      return;
    FileID FID = Ctx.SM->getFileID(HashLoc);
    if (!Ctx.inProject(FID))
      return;
    CppHit H;
    H.Matched = R;
    H.File = Ctx.pathOf(FID);
    H.Include = true;
    H.Offset = Ctx.SM->getFileOffset(FilenameRange.getBegin());
    H.Length = Ctx.SM->getFileOffset(FilenameRange.getEnd()) - H.Offset;
    if (const Template *T = R->edits() ? R->rewriteFor(Ctx.Options.TheTarget) : nullptr)
      H.Replacement = T->expand([](std::string_view) { return std::string(); });
    Ctx.Result.Hits.push_back(std::move(H));
  }

  void SourceRangeSkipped(SourceRange Range, SourceLocation) override { Ctx.Skipped.push_back(Range); }

  void FileChanged(SourceLocation Loc, FileChangeReason Reason, SrcMgr::CharacteristicKind, FileID) override {
    if (Reason == EnterFile && Loc.isFileID())
      Ctx.Entered.push_back(Ctx.SM->getFileID(Loc));
  }

private:
  MatchContext &Ctx;
};

/// Token-level matching over the project files of the TU: token rules (raw CUDA API, kernels),
/// and names that did not resolve or sit in inactive branches (lower confidence).
void tokenPass(MatchContext &Ctx, bool HadErrors) {
  // Offsets already matched semantically, per file.
  std::map<std::string, std::set<std::size_t>> Semantic;
  for (const CppHit &H : Ctx.Result.Hits)
    for (std::size_t I = H.Offset; I < H.Offset + std::max<std::size_t>(H.Length, 1); ++I)
      Semantic[H.File].insert(I);
  std::set<std::string> Done;
  std::vector<FileID> Files = {Ctx.SM->getMainFileID()};
  Files.insert(Files.end(), Ctx.Entered.begin(), Ctx.Entered.end());
  for (FileID FID : Files) {
    if (FID.isInvalid() || !Ctx.inProject(FID))
      continue;
    std::string Path = Ctx.pathOf(FID);
    if (!Done.insert(Path).second)
      continue;
    bool Invalid = false;
    StringRef Buf = Ctx.SM->getBufferData(FID, &Invalid);
    if (Invalid)
      continue;
    auto InSkipped = [&](std::size_t Offset) {
      for (const SourceRange &R : Ctx.Skipped)
        if (Ctx.SM->getFileID(R.getBegin()) == FID && Offset >= Ctx.SM->getFileOffset(R.getBegin()) &&
            Offset < Ctx.SM->getFileOffset(R.getEnd()))
          return true;
      return false;
    };
    Lexer Raw(Ctx.SM->getLocForStartOfFile(FID), *Ctx.LO, Buf.begin(), Buf.begin(), Buf.end());
    Token Tok, Prev;
    Prev.startToken();
    std::vector<Token> Chain; // identifier (:: identifier)*
    auto FlushChain = [&] {
      if (Chain.empty())
        return;
      std::string Spelled;
      for (const Token &T : Chain)
        Spelled += T.is(tok::raw_identifier) ? T.getRawIdentifier().str() : "::";
      std::size_t Begin = Ctx.SM->getFileOffset(Chain.front().getLocation());
      std::size_t End = Ctx.SM->getFileOffset(Chain.back().getLocation()) + Chain.back().getLength();
      Chain.clear();
      const Rule *R = Ctx.Rules.name(Spelled);
      if (!R || Spelled.find("::") == std::string::npos || Semantic[Path].count(Begin))
        return;
      if (!HadErrors && !InSkipped(Begin))
        return; // resolved code: the semantic pass has the final word
      CppHit H;
      H.Matched = R;
      H.File = Path;
      H.Offset = Begin;
      H.Length = End - Begin;
      H.LowConfidence = true;
      if (const Template *T = R->edits() ? R->rewriteFor(Ctx.Options.TheTarget) : nullptr) {
        if (usesCallVariables(*T, std::get<NameMatch>(R->Match).Params))
          H.NoFixReason = "matched at token level only; rewrite the call by hand";
        else
          H.Replacement = T->expand([&](std::string_view V) { return V == "MATCH" ? Spelled : std::string(); });
      }
      Ctx.Result.Hits.push_back(std::move(H));
    };
    while (!Raw.LexFromRawLexer(Tok)) {
      if (Tok.is(tok::raw_identifier)) {
        if (!Chain.empty() && Chain.back().is(tok::raw_identifier))
          FlushChain();
        Chain.push_back(Tok);
        if (const Rule *R = Ctx.Rules.token(Tok.getRawIdentifier())) {
          std::size_t Offset = Ctx.SM->getFileOffset(Tok.getLocation());
          CppHit H{Path, Offset, Tok.getLength(), R, std::nullopt, {}, false, false};
          if (const Template *T = R->edits() ? R->rewriteFor(Ctx.Options.TheTarget) : nullptr)
            H.Replacement = T->expand([](std::string_view) { return std::string(); });
          Ctx.Result.Hits.push_back(std::move(H));
        }
      } else if (Tok.is(tok::coloncolon) && !Chain.empty() && Chain.back().is(tok::raw_identifier)) {
        Chain.push_back(Tok);
      } else {
        FlushChain();
        // A kernel launch: "<<<" lexes as "<<" then "<" in C++.
        if (Tok.is(tok::less) && Prev.is(tok::lessless) &&
            Ctx.SM->getFileOffset(Prev.getLocation()) + 2 == Ctx.SM->getFileOffset(Tok.getLocation()))
          if (const Rule *R = Ctx.Rules.token("<<<"))
            Ctx.Result.Hits.push_back(
                {Path, Ctx.SM->getFileOffset(Prev.getLocation()), 3, R, std::nullopt, {}, false, false});
      }
      Prev = Tok;
    }
    FlushChain();
  }
}

class Consumer : public ASTConsumer {
public:
  explicit Consumer(MatchContext &TheCtx) : Ctx(TheCtx) {}
  void HandleTranslationUnit(ASTContext &Context) override {
    Visitor(Ctx).TraverseDecl(Context.getTranslationUnitDecl());
    tokenPass(Ctx, Context.getDiagnostics().hasErrorOccurred());
    Ctx.AstVisited = true;
  }

private:
  MatchContext &Ctx;
};

class Action : public ASTFrontendAction {
public:
  explicit Action(MatchContext &TheCtx) : Ctx(TheCtx) {}

protected:
  bool BeginSourceFileAction(CompilerInstance &CI) override {
    Ctx.SM = &CI.getSourceManager();
    Ctx.LO = &CI.getLangOpts();
    CI.getPreprocessor().addPPCallbacks(std::make_unique<Callbacks>(Ctx));
    return true;
  }
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &, StringRef) override {
    return std::make_unique<Consumer>(Ctx);
  }

private:
  MatchContext &Ctx;
};

class Factory : public tooling::FrontendActionFactory {
public:
  explicit Factory(MatchContext &TheCtx) : Ctx(TheCtx) {}
  std::unique_ptr<FrontendAction> create() override { return std::make_unique<Action>(Ctx); }

private:
  MatchContext &Ctx;
};

/// Counts errors and keeps the first one, printing nothing.
class ErrorCounter : public DiagnosticConsumer {
public:
  explicit ErrorCounter(TuMatchResult &TheResult) : Result(TheResult) {}
  void HandleDiagnostic(DiagnosticsEngine::Level Level, const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error)
      return;
    ++Result.Errors;
    if (!Result.FirstError.empty())
      return;
    llvm::SmallString<256> Message;
    Info.FormatDiagnostic(Message);
    std::string Where;
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      PresumedLoc P = Info.getSourceManager().getPresumedLoc(Info.getLocation());
      if (P.isValid())
        Where = std::string(P.getFilename()) + ":" + std::to_string(P.getLine()) + ":" + std::to_string(P.getColumn()) +
                ": ";
    }
    Result.FirstError = Where + Message.str().str();
  }

private:
  TuMatchResult &Result;
};

} // namespace

namespace {

TuMatchResult runMatcher(const std::string &File, const tooling::CompilationDatabase &Database,
                         const CppRuleIndex &Rules, const ProjectScope &Scope,
                         llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS, const TuMatchOptions &Options) {
  TuMatchResult Result;
  MatchContext Ctx(Rules, Scope, Options, Result);
  tooling::ClangTool Tool(Database, {File}, std::make_shared<PCHContainerOperations>(), FS);
  Tool.clearArgumentsAdjusters();
  std::vector<std::string> Extra;
  if (!Options.PrecompiledHeader.empty())
    Extra = {"-include-pch", Options.PrecompiledHeader};
  Tool.appendArgumentsAdjuster(parseArgumentsAdjuster(Options.ResourceDir, Extra));
  ErrorCounter Errors(Result);
  Tool.setDiagnosticConsumer(&Errors);
  Tool.setPrintErrorMessage(false);
  Factory F(Ctx);
  Tool.run(&F); // a non-zero status means errors; the AST was still built and matched
  Result.Ran = Ctx.AstVisited;
  return Result;
}

} // namespace

TuMatchResult matchTranslationUnit(const std::string &File, const tooling::CompilationDatabase &Database,
                                   const CppRuleIndex &Rules, const ProjectScope &Scope,
                                   llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS, const TuMatchOptions &Options) {
  TuMatchResult Result = runMatcher(File, Database, Rules, Scope, FS, Options);
  if (Options.PrecompiledHeader.empty() || Result.Ran) {
    Result.UsedPrecompiledHeader = !Options.PrecompiledHeader.empty();
    return Result;
  }
  // Clang refused the PCH (it checks flags, language options and the headers' modification times
  // against the ones it was built with): the full parse, which a PCH must never change.
  std::string Why = Result.FirstError;
  TuMatchOptions Full = Options;
  Full.PrecompiledHeader.clear();
  Result = runMatcher(File, Database, Rules, Scope, FS, Full);
  Result.RejectedPrecompiledHeader = Why.empty() ? "the precompiled header could not be used" : Why;
  return Result;
}

} // namespace tdp::cpp
