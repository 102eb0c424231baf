#include "migrate/MigrationState.h"

#include "core/Error.h"
#include "core/Version.h"
#include "driver/FileIO.h"

namespace fs = std::filesystem;

namespace tdp::migrate {

std::optional<MigrationState> MigrationState::load(const fs::path &Path) {
  std::error_code EC;
  if (!fs::exists(fs::symlink_status(Path, EC)))
    return std::nullopt;
  auto Bad = [&](const std::string &Why) {
    return UsageError("state file " + Path.string() + " " + Why +
                      "; use --restart to start over (it is then overwritten) or --state FILE for another one");
  };
  std::string Error;
  std::optional<std::string> Text = readWholeFile(Path, Error);
  if (!Text)
    throw Bad(Error);
  Json J = Json::parse(*Text, nullptr, /*allow_exceptions=*/false);
  if (J.is_discarded() || !J.is_object() || J.value("kind", "") != "torchdevice-port migrate state")
    throw Bad("is not a torchdevice-port state file");
  if (J.value("schema_version", 0) != StateSchemaVersion)
    throw Bad("has schema version " + J.value("schema_version", Json(nullptr)).dump() + ", this tool reads " +
              std::to_string(StateSchemaVersion));
  try {
    MigrationState S;
    S.ToolVersion = J.at("tool_version").get<std::string>();
    S.RulesFingerprint = J.at("rules_fingerprint").get<std::string>();
    S.Options = J.at("options");
    S.Complete = J.at("complete").get<bool>();
    // Arrays rather than objects keyed by path: an ordered JSON object looks keys up linearly.
    for (const Json &V : J.at("sources"))
      S.Sources[V.at("key").get<std::string>()] = {V.at("input").get<std::string>(), V.at("output").get<std::string>(),
                                                   V.at("record"), std::string()};
    for (const Json &V : J.at("copies")) {
      CopyState C;
      C.Size = V.at("size").get<std::uintmax_t>();
      C.MtimeNs = V.at("mtime_ns").get<std::int64_t>();
      C.Mode = V.at("mode").get<unsigned>();
      C.DestSize = V.at("dest_size").get<std::uintmax_t>();
      C.DestMtimeNs = V.at("dest_mtime_ns").get<std::int64_t>();
      S.Copies[V.at("key").get<std::string>()] = C;
    }
    return S;
  } catch (const Json::exception &E) {
    throw Bad(std::string("is damaged (") + E.what() + ")");
  }
}

void MigrationState::requireCompatible(const std::string &Fingerprint, const Json &CurrentOptions,
                                       const fs::path &Path) const {
  std::vector<std::string> Diffs;
  if (ToolVersion != toolVersion())
    Diffs.push_back("tool version " + ToolVersion + " -> " + std::string(toolVersion()));
  if (RulesFingerprint != Fingerprint)
    Diffs.push_back("rules (the loaded rule files, --rules, --select or --ignore changed)");
  for (const auto &[Key, Value] : CurrentOptions.items()) {
    Json Old = Options.contains(Key) ? Options.at(Key) : Json(nullptr);
    if (Old != Value)
      Diffs.push_back(Key + " " + Old.dump() + " -> " + Value.dump());
  }
  for (const auto &[Key, Value] : Options.items())
    if (!CurrentOptions.contains(Key))
      Diffs.push_back(Key + " " + Value.dump() + " -> (none)");
  if (Diffs.empty())
    return;
  std::string Msg = "state file " + Path.string() + " belongs to a run with different settings:";
  for (const std::string &D : Diffs)
    Msg += "\n  " + D;
  Msg += "\nrefusing to mix them: run with the same options to continue it, --restart to start over, or "
         "--state FILE to keep a separate state";
  throw UsageError(Msg);
}

void MigrationState::save(const fs::path &Path) const {
  // Written as text rather than built as one JSON value: the state is saved every few seconds
  // while a large tree is ported, and each file's record is serialised only once.
  Json Header;
  Header["kind"] = "torchdevice-port migrate state";
  Header["schema_version"] = StateSchemaVersion;
  Header["tool_version"] = std::string(toolVersion());
  Header["rules_fingerprint"] = RulesFingerprint;
  Header["options"] = Options;
  Header["complete"] = Complete;
  std::string Text = dumpJson(Header);
  Text.pop_back(); // the closing brace
  Text += ",\"sources\":[";
  bool First = true;
  for (const auto &[Key, S] : Sources) {
    if (S.RecordText.empty())
      S.RecordText = dumpJson(S.Record);
    Text += First ? "\n" : ",\n";
    First = false;
    Text += "{\"key\":" + dumpJson(Json(Key)) + ",\"input\":\"" + S.Input + "\",\"output\":\"" + S.Output +
            "\",\"record\":" + S.RecordText + "}";
  }
  Text += "],\"copies\":[";
  First = true;
  for (const auto &[Key, C] : Copies) {
    Text += First ? "\n" : ",\n";
    First = false;
    Text += "{\"key\":" + dumpJson(Json(Key)) + ",\"size\":" + std::to_string(C.Size) +
            ",\"mtime_ns\":" + std::to_string(C.MtimeNs) + ",\"mode\":" + std::to_string(C.Mode) +
            ",\"dest_size\":" + std::to_string(C.DestSize) + ",\"dest_mtime_ns\":" + std::to_string(C.DestMtimeNs) + "}";
  }
  Text += "]}\n";
  // A run that changed nothing leaves the state file alone too (timestamps kept).
  if (Text == LastWritten)
    return;
  std::string Ignored;
  if (LastWritten.empty())
    if (std::optional<std::string> Existing = readWholeFile(Path, Ignored); Existing && *Existing == Text) {
      LastWritten = std::move(Text);
      return;
    }
  writeFileAtomically(Path, Text);
  LastWritten = std::move(Text);
}

} // namespace tdp::migrate
